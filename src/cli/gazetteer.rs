//! `indotag gazetteer check|list`.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Subcommand;

use super::Failure;

/// Gazetteer subcommands.
#[derive(Subcommand, Debug)]
pub enum GazetteerCommand {
    /// Validate gazetteer files and print their counts.
    Check {
        /// TSV gazetteer files.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// List the embedded default gazetteers.
    List,
}

pub fn run(_cmd: GazetteerCommand) -> Result<ExitCode, Failure> {
    Err(Failure::Fatal("gazetteer: not implemented yet".into()))
}
