//! `indotag gazetteer check|list`: validate gazetteer files before tagging with them, and show
//! what the embedded defaults contain.

use std::io::{self, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Subcommand;
use indotag::gazetteer::{Counts, Gazetteer, HEADER};

use super::Failure;

/// Gazetteer subcommands.
#[derive(Subcommand, Debug)]
pub enum GazetteerCommand {
    /// Validate gazetteer files and print their counts. Every problem of every file is reported
    /// (FILE:LINE: problem, on standard error); exit status 1 if any file is invalid.
    #[command(after_help = super::help::GAZETTEER_CHECK)]
    Check {
        /// TSV gazetteer files.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Check each file alone, not also against the embedded defaults (by default an alias
        /// that clashes with a default entry's is reported, as `tag --gazetteer` would refuse it).
        #[arg(long)]
        no_default_gazetteers: bool,
    },
    /// List the embedded default gazetteers as one TSV file (header, then one row per entry).
    #[command(after_help = super::help::GAZETTEER_LIST)]
    List {
        /// Print only counts per file and in total.
        #[arg(long)]
        counts: bool,
    },
}

/// Runs a gazetteer subcommand.
pub fn run(cmd: GazetteerCommand) -> Result<ExitCode, Failure> {
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let result = match cmd {
        GazetteerCommand::Check {
            files,
            no_default_gazetteers,
        } => check(&files, !no_default_gazetteers, &mut out),
        GazetteerCommand::List { counts } => list(counts, &mut out).map(|()| ExitCode::SUCCESS),
    };
    let result = result.and_then(|code| out.flush().map(|()| code));
    match result {
        Ok(code) => Ok(code),
        // `indotag gazetteer list | head` is not a failure.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(ExitCode::SUCCESS),
        Err(e) => Err(Failure::Fatal(format!("writing output: {e}"))),
    }
}

/// Checks every file, printing `FILE: ok, counts` or `FILE: N problems` on `out` and each
/// problem on standard error.
fn check(files: &[PathBuf], with_defaults: bool, out: &mut impl Write) -> io::Result<ExitCode> {
    let defaults = with_defaults.then(Gazetteer::defaults);
    let mut invalid = 0;
    for path in files {
        let name = path.display().to_string();
        let bytes = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) => {
                super::say::warn(format_args!("{name}: {e}"));
                writeln!(out, "{name}: unreadable")?;
                invalid += 1;
                continue;
            }
        };
        let (g, mut problems) = Gazetteer::check(&name, &bytes);
        let counts = Counts::of(&g);
        if problems.is_empty() {
            if let Some(defaults) = &defaults {
                let mut merged = defaults.clone();
                merged.extend(g);
                problems = merged.conflicts();
            }
        }
        for p in &problems {
            super::say::warn(p);
        }
        if problems.is_empty() {
            writeln!(out, "{name}: ok, {counts}")?;
        } else {
            invalid += 1;
            let s = if problems.len() == 1 { "" } else { "s" };
            writeln!(out, "{name}: {} problem{s}", problems.len())?;
        }
    }
    Ok(if invalid == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// Prints the defaults as TSV, or their counts per file and in total.
fn list(counts_only: bool, out: &mut impl Write) -> io::Result<()> {
    let g = Gazetteer::defaults();
    if counts_only {
        let mut files: Vec<&str> = Vec::new();
        for e in g.entries() {
            if !files.contains(&&*e.file) {
                files.push(&e.file);
            }
        }
        for file in files {
            let mut c = Counts::default();
            g.entries()
                .iter()
                .filter(|e| &*e.file == file)
                .for_each(|e| c.add(e));
            writeln!(out, "{file}: {c}")?;
        }
        writeln!(out, "total: {}", Counts::of(&g))?;
        return Ok(());
    }
    writeln!(out, "{HEADER}")?;
    for e in g.entries() {
        writeln!(out, "{}", e.to_tsv())?;
    }
    Ok(())
}
