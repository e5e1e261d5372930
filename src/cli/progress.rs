//! What `indotag tag` says about a run on standard error: a progress bar while it runs (on a
//! terminal, or with `--progress`), one summary line at the end (unless `--quiet`), and the same
//! summary as JSON with `--stats-json FILE`.
//!
//! The bar is updated once per batch (hundreds of documents), and indicatif redraws it at most
//! ten times a second, so it costs nothing measurable; with no bar nothing is drawn at all.

use std::io::{self, IsTerminal};
use std::path::Path;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use serde::Serialize;

use super::Failure;

/// Whether to draw the bar and write the summary.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// A bar when standard error is a terminal; the summary line always.
    Auto,
    /// A bar even when standard error is not a terminal (`--progress`), and the summary line.
    Forced,
    /// Neither bar nor summary (`--quiet`).
    Quiet,
}

impl Mode {
    /// The mode the flags ask for (clap keeps `--quiet` and `--progress` apart).
    pub fn from_flags(quiet: bool, progress: bool) -> Mode {
        match (quiet, progress) {
            (true, _) => Mode::Quiet,
            (false, true) => Mode::Forced,
            (false, false) => Mode::Auto,
        }
    }
}

/// The figures of one run: the summary line and `--stats-json` say the same.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Totals {
    /// Records written (tagged documents and error records).
    pub documents: u64,
    /// Documents that failed (each has an error record).
    pub errors: u64,
    /// Entities in the records written.
    pub entities: u64,
    /// Quotations in the records written.
    pub quotes: u64,
    /// Bytes of input read.
    pub bytes: u64,
}

/// The JSON written by `--stats-json`.
#[derive(Serialize)]
struct Stats<'a> {
    #[serde(flatten)]
    totals: &'a Totals,
    seconds: f64,
    mb_per_s: f64,
    /// Whether the run stopped early at `--max-errors`.
    stopped: bool,
}

/// Reports one run.
pub struct Progress {
    bar: Option<ProgressBar>,
    mode: Mode,
    start: Instant,
    /// The figures so far.
    pub totals: Totals,
}

/// Redraws per second at most: a bar costs nothing when it draws this rarely.
const REDRAW_HZ: u8 = 10;

impl Progress {
    /// Starts the clock and, if the mode and standard error allow it, the bar. `total_bytes` is
    /// the input's size when known (files): then the bar has a length and an ETA.
    pub fn start(mode: Mode, total_bytes: Option<u64>) -> Progress {
        let target = match mode {
            Mode::Quiet => None,
            Mode::Auto if !io::stderr().is_terminal() => None,
            // `stderr_with_hz` hides itself on a dumb terminal; `term_like` draws regardless,
            // which is what `--progress` asks for.
            Mode::Auto => Some(ProgressDrawTarget::stderr_with_hz(REDRAW_HZ)),
            Mode::Forced => Some(ProgressDrawTarget::term_like_with_hz(
                Box::new(console::Term::stderr()),
                REDRAW_HZ,
            )),
        };
        let bar = target.map(|target| {
            let template = match total_bytes {
                Some(_) => "{spinner} {elapsed:>4} [{wide_bar}] {decimal_bytes}/{decimal_total_bytes} {decimal_bytes_per_sec} ETA {eta} {msg}",
                None => "{spinner} {elapsed:>4} {decimal_bytes} {decimal_bytes_per_sec} {msg}",
            };
            let style = ProgressStyle::with_template(template)
                .unwrap_or_else(|_| ProgressStyle::default_bar())
                .progress_chars("=> ");
            let bar = ProgressBar::with_draw_target(total_bytes, target).with_style(style);
            bar.set_message("0 documents, 0 errors");
            bar.enable_steady_tick(Duration::from_millis(1000 / u64::from(REDRAW_HZ)));
            bar
        });
        Progress {
            bar,
            mode,
            start: Instant::now(),
            totals: Totals::default(),
        }
    }

    /// No summary line after all (the run was cut short by its reader).
    pub fn silence(&mut self) {
        self.mode = Mode::Quiet;
    }

    /// Counts one record written.
    pub fn record(&mut self, ok: bool, entities: usize, quotes: usize) {
        self.totals.documents += 1;
        self.totals.errors += u64::from(!ok);
        self.totals.entities += entities as u64;
        self.totals.quotes += quotes as u64;
    }

    /// A batch has been written; `bytes` is the input read up to its end.
    pub fn batch_written(&mut self, bytes: u64) {
        self.totals.bytes = bytes;
        if let Some(bar) = &self.bar {
            bar.set_position(bytes);
            bar.set_message(format!(
                "{} documents, {} errors",
                self.totals.documents, self.totals.errors
            ));
        }
    }

    /// Says something on standard error (a failed document, say), above the bar if there is
    /// one. A closed or full standard error must not end the run: the error record is in the
    /// output anyway.
    pub fn warn(&self, message: &str) {
        let say = || super::say::warn(format_args!("indotag: {message}"));
        match &self.bar {
            Some(bar) => bar.suspend(say),
            None => say(),
        }
    }

    /// Ends the run: clears the bar, writes the summary line (unless quiet) and the JSON
    /// summary (if asked for).
    pub fn finish(self, stats_json: Option<&Path>, stopped: bool) -> Result<(), Failure> {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
        let seconds = self.start.elapsed().as_secs_f64();
        let mb = self.totals.bytes as f64 / 1e6;
        let mb_per_s = if seconds > 0.0 { mb / seconds } else { 0.0 };
        if self.mode != Mode::Quiet {
            let t = &self.totals;
            super::say::warn(format_args!(
                "indotag: {} documents, {} errors, {} entities, {} quotes; {mb:.1} MB in {seconds:.1} s ({mb_per_s:.2} MB/s)",
                t.documents, t.errors, t.entities, t.quotes
            ));
        }
        if let Some(path) = stats_json {
            let stats = Stats {
                totals: &self.totals,
                seconds,
                mb_per_s,
                stopped,
            };
            let mut json = serde_json::to_vec(&stats)
                .map_err(|e| Failure::Fatal(format!("--stats-json: {e}")))?;
            json.push(b'\n');
            std::fs::write(path, json)
                .map_err(|e| Failure::Fatal(format!("--stats-json {}: {e}", path.display())))?;
        }
        Ok(())
    }
}

/// A run that ends in an error (the output cannot be written, say) must not leave a half-drawn
/// bar in front of the error message.
impl Drop for Progress {
    fn drop(&mut self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quiet_and_unattended_runs_have_no_bar() {
        assert!(Progress::start(Mode::Quiet, Some(10)).bar.is_none());
        // Under `cargo test` standard error is captured or piped, not a terminal; when it is a
        // terminal the check is the pseudo-terminal test in tests/progress.rs.
        if !io::stderr().is_terminal() {
            assert!(Progress::start(Mode::Auto, None).bar.is_none());
        }
        assert!(Progress::start(Mode::Forced, None).bar.is_some());
    }

    #[test]
    fn totals_add_up_and_stats_json_says_them() {
        let mut p = Progress::start(Mode::Quiet, None);
        p.record(true, 3, 1);
        p.record(false, 0, 0);
        p.record(true, 2, 2);
        p.batch_written(1_500);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("stats.json");
        p.finish(Some(&path), false).unwrap();
        let v: serde_json::Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
        assert_eq!(v["documents"], 3);
        assert_eq!(v["errors"], 1);
        assert_eq!(v["entities"], 5);
        assert_eq!(v["quotes"], 3);
        assert_eq!(v["bytes"], 1_500);
        assert_eq!(v["stopped"], false);
        assert!(v["seconds"].as_f64().unwrap() >= 0.0);
    }
}
