//! The `indotag` command: a thin layer over the library. Flags are parsed by clap, validated into
//! one config per subcommand, and handed to the library; all the work is there.

use std::process::ExitCode;

use clap::{CommandFactory, Parser, Subcommand};

mod cli;

/// Annotate Indonesian news: tokens, sentences, entities, quotations and their speakers.
#[derive(Parser, Debug)]
#[command(name = "indotag", version, about, long_about = None, after_help = cli::help::TOP)]
struct Args {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Tag documents and write one JSON record per document (JSON Lines).
    #[command(after_help = cli::help::TAG)]
    Tag(cli::tag::TagArgs),
    /// Check gazetteer files, or list the embedded ones.
    #[command(subcommand, after_help = cli::help::GAZETTEER)]
    Gazetteer(cli::gazetteer::GazetteerCommand),
    /// Score predictions (or the tagger itself) against a gold file.
    #[command(after_help = cli::help::EVAL)]
    Eval(cli::eval::EvalArgs),
    /// Print a shell completion script (bash, zsh, fish, powershell, elvish).
    #[command(after_help = cli::help::COMPLETIONS)]
    Completions(cli::completions::CompletionsArgs),
    /// Print the man page (roff), of indotag or of one subcommand.
    #[command(after_help = cli::help::MAN)]
    Man(cli::completions::ManArgs),
    /// Who is quoted most, which entities are named most, per outlet and month.
    #[command(after_help = cli::help::STATS)]
    Stats(cli::stats::StatsArgs),
}

fn main() -> ExitCode {
    let args = Args::parse();
    let result = match args.command {
        Command::Tag(a) => cli::tag::run(a),
        Command::Gazetteer(c) => cli::gazetteer::run(c),
        Command::Eval(a) => cli::eval::run(a),
        Command::Completions(a) => cli::completions::completions(a, Args::command()),
        Command::Man(a) => cli::completions::man(a, Args::command()),
        Command::Stats(a) => cli::stats::run(a),
    };
    match result {
        Ok(code) => code,
        Err(cli::Failure::Usage(msg)) => {
            cli::say::warn(format_args!("indotag: {msg}"));
            ExitCode::from(2)
        }
        Err(cli::Failure::Fatal(msg)) => {
            cli::say::warn(format_args!("indotag: {msg}"));
            ExitCode::from(1)
        }
    }
}
