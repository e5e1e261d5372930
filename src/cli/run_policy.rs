//! How `indotag tag` behaves as one step of a larger job: what it says on standard error, when
//! it gives up, what exit status it returns, and where it reads when given no path.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::progress::Mode;
use super::Failure;

/// The run-policy flags of `indotag tag`, as typed.
#[derive(Args, Debug)]
pub struct RunArgs {
    /// Nothing on standard error but errors: no progress bar, no summary line.
    #[arg(short, long, conflicts_with = "progress")]
    pub quiet: bool,
    /// Draw the progress bar even when standard error is not a terminal.
    #[arg(long)]
    pub progress: bool,
    /// Also write the end-of-run summary as JSON to FILE (documents, errors, entities, quotes,
    /// bytes, seconds, mb_per_s, stopped).
    #[arg(long, value_name = "FILE")]
    pub stats_json: Option<PathBuf>,
    /// Stop after N failed documents (exit status 1; the records written so far are kept).
    #[arg(long, value_name = "N")]
    pub max_errors: Option<u64>,
    /// Exit 0 even when some documents failed (their error records are still written), for
    /// engines that kill a task on a non-zero status (Spark's RDD.pipe, Hadoop Streaming).
    /// Usage errors still exit 2, and a run that cannot go on still exits 1.
    #[arg(long)]
    pub exit_zero_on_errors: bool,
}

/// The validated run policy.
#[derive(Debug)]
pub struct Policy {
    pub mode: Mode,
    pub stats_json: Option<PathBuf>,
    max_errors: Option<u64>,
    exit_zero_on_errors: bool,
}

impl RunArgs {
    pub fn validate(&self) -> Result<Policy, Failure> {
        if self.max_errors == Some(0) {
            return Err(Failure::Usage("--max-errors must be at least 1".into()));
        }
        Ok(Policy {
            mode: Mode::from_flags(self.quiet, self.progress),
            stats_json: self.stats_json.clone(),
            max_errors: self.max_errors,
            exit_zero_on_errors: self.exit_zero_on_errors,
        })
    }
}

impl Policy {
    /// Whether the run must stop now that `failed` documents have failed.
    pub fn should_stop(&self, failed: u64) -> bool {
        self.max_errors.is_some_and(|max| failed >= max)
    }

    /// The exit status of a run that went to its end (or `stopped` at `--max-errors`).
    pub fn exit(&self, failed: u64, stopped: bool) -> Result<ExitCode, Failure> {
        if stopped {
            return Err(Failure::Fatal(format!(
                "stopped after {failed} failed documents (--max-errors); the records before are written"
            )));
        }
        let counted = if self.exit_zero_on_errors { 0 } else { failed };
        Ok(super::exit_status(counted as usize))
    }
}

/// No path given: standard input, as ripgrep does, unless it is a terminal (then nobody is
/// typing a corpus, and a usage error is more helpful than a silent wait).
pub fn default_to_stdin(paths: Vec<PathBuf>) -> Result<Vec<PathBuf>, Failure> {
    if !paths.is_empty() {
        return Ok(paths);
    }
    if std::io::stdin().is_terminal() {
        return Err(Failure::Usage(
            "no input: give files or directories, or pipe documents to standard input (`-`)".into(),
        ));
    }
    Ok(vec![PathBuf::from("-")])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn policy(max_errors: Option<u64>, exit_zero_on_errors: bool) -> Policy {
        RunArgs {
            quiet: false,
            progress: false,
            stats_json: None,
            max_errors,
            exit_zero_on_errors,
        }
        .validate()
        .unwrap()
    }

    #[test]
    fn max_errors_stops_at_n() {
        let p = policy(Some(3), false);
        assert!(!p.should_stop(2));
        assert!(p.should_stop(3));
        assert!(!policy(None, false).should_stop(1_000_000));
    }

    #[test]
    fn exit_statuses() {
        assert_eq!(
            policy(None, false).exit(0, false).unwrap(),
            ExitCode::SUCCESS
        );
        assert_eq!(
            policy(None, false).exit(2, false).unwrap(),
            ExitCode::from(1)
        );
        assert_eq!(
            policy(None, true).exit(2, false).unwrap(),
            ExitCode::SUCCESS
        );
        // Stopping is a failure of the run, whatever --exit-zero-on-errors says.
        assert!(matches!(
            policy(Some(2), true).exit(2, true),
            Err(Failure::Fatal(_))
        ));
    }

    #[test]
    fn max_errors_zero_is_a_usage_error() {
        let args = RunArgs {
            quiet: false,
            progress: false,
            stats_json: None,
            max_errors: Some(0),
            exit_zero_on_errors: false,
        };
        assert!(matches!(args.validate(), Err(Failure::Usage(_))));
    }
}
