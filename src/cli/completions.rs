//! `indotag completions SHELL` and `indotag man`: shell completions (clap_complete) and a man
//! page (clap_mangen), generated from the same command definition as `--help`, so they never
//! fall behind the flags.

use std::io::{self, Write};
use std::process::ExitCode;

use clap::Args;
use clap_complete::Shell;

use super::Failure;

/// Arguments of `indotag completions`.
#[derive(Args, Debug)]
pub struct CompletionsArgs {
    /// The shell to complete for.
    #[arg(value_enum)]
    pub shell: Shell,
}

/// Arguments of `indotag man`.
#[derive(Args, Debug)]
pub struct ManArgs {
    /// A subcommand's own page (e.g. `tag` for indotag-tag(1)); default: the top page.
    pub subcommand: Option<String>,
}

/// Prints the completion script for `args.shell` on standard output.
pub fn completions(args: CompletionsArgs, mut command: clap::Command) -> Result<ExitCode, Failure> {
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut command, "indotag", &mut script);
    print(&script)
}

/// Prints a man page (roff) on standard output.
pub fn man(args: ManArgs, command: clap::Command) -> Result<ExitCode, Failure> {
    let mut command = command;
    command.build();
    let man = match &args.subcommand {
        None => clap_mangen::Man::new(command),
        Some(name) => {
            let sub = command
                .find_subcommand(name)
                .ok_or_else(|| Failure::Usage(format!("no subcommand `{name}`")))?
                .clone();
            // The page is `indotag-tag`, as git's are; the synopsis says `indotag tag`.
            let sub = sub.version(env!("CARGO_PKG_VERSION"));
            clap_mangen::Man::new(sub).title(format!("indotag-{name}"))
        }
    };
    let mut roff = Vec::new();
    man.render(&mut roff)
        .map_err(|e| Failure::Fatal(format!("rendering the man page: {e}")))?;
    print(&roff)
}

/// Writes to standard output; a closed pipe (`| head`) is not an error.
fn print(bytes: &[u8]) -> Result<ExitCode, Failure> {
    match io::stdout().lock().write_all(bytes) {
        Ok(()) => Ok(ExitCode::SUCCESS),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(ExitCode::SUCCESS),
        Err(e) => Err(Failure::Fatal(format!("writing to standard output: {e}"))),
    }
}
