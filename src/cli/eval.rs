//! `indotag eval`.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::Failure;

/// Arguments of `indotag eval`.
#[derive(Args, Debug)]
pub struct EvalArgs {
    /// Gold JSONL file (see the README for the format).
    #[arg(long)]
    pub gold: PathBuf,
    /// Predicted records; without it, the gold texts are tagged.
    pub pred: Option<PathBuf>,
    /// Print a machine-readable JSON summary.
    #[arg(long)]
    pub json: bool,
}

pub fn run(_args: EvalArgs) -> Result<ExitCode, Failure> {
    Err(Failure::Fatal("eval: not implemented yet".into()))
}
