//! Subcommands of the `indotag` binary.

pub mod cleanup;
pub mod completions;
pub mod eval;
pub mod export;
pub mod gazetteer;
pub mod help;
pub mod output;
pub mod progress;
pub mod run_policy;
pub mod say;
pub mod stats;
pub mod tag;
pub mod token_style;

/// Why a subcommand stopped: bad usage (exit 2) or a failure that ended the run (exit 1).
#[derive(Debug)]
pub enum Failure {
    /// The command line was wrong: exit status 2.
    Usage(String),
    /// The run could not go on: exit status 1.
    Fatal(String),
}

impl From<indotag::Error> for Failure {
    fn from(e: indotag::Error) -> Self {
        match e.kind() {
            indotag::ErrorKind::Config => Failure::Usage(e.to_string()),
            _ => Failure::Fatal(e.to_string()),
        }
    }
}

/// Exit status 0, or 1 if any document failed.
pub fn exit_status(failed: usize) -> std::process::ExitCode {
    if failed == 0 {
        std::process::ExitCode::SUCCESS
    } else {
        std::process::ExitCode::from(1)
    }
}
