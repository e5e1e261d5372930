//! `indotag eval`: score the tagger (or saved predictions) against a gold file.
//!
//! ```text
//! indotag eval --gold GOLD.jsonl [PRED.jsonl] [--json]
//! ```
//!
//! - `GOLD.jsonl`: one gold record per line (`id`, `text`, `entities`, `quotes`; character
//!   offsets), as described in the gold annotation guidelines.
//! - `PRED.jsonl` (optional): records as `indotag tag` writes them, matched to gold by `id`.
//!   Without it, every gold `text` is tagged with the default tagger and scored directly, so
//!   `cargo run --release -- eval --gold dev-gold.jsonl` measures the current build.
//! - Prints precision, recall and F1 for entities (exact span and label; overall and per
//!   label), for quotes (exact span after trimming quote marks and spaces, and overlap covering
//!   at least half of the gold span; overall and per kind `direct` / `partial` / `indirect`),
//!   and speaker accuracy on the quotes matched by overlap (a predicted speaker is right when
//!   its canonical name or text shares a capitalised name word with the gold canonical; when
//!   the gold canonical is null, only "no speaker" or a speaker without a canonical is right).
//! - `--json` prints the same numbers as one JSON object instead.
//! - Errors name `file:line` (a malformed record) or the file (cannot be read); exit status 1.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;
use rayon::prelude::*;

use indotag::eval::{parse_jsonl, score, Record};
use indotag::Tagger;

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

fn load(path: &Path) -> Result<Vec<Record>, Failure> {
    let content = std::fs::read_to_string(path)
        .map_err(|e| Failure::Fatal(format!("{}: {e}", path.display())))?;
    parse_jsonl(&path.display().to_string(), &content).map_err(|e| Failure::Fatal(e.to_string()))
}

/// Runs `indotag eval`.
pub fn run(args: EvalArgs) -> Result<ExitCode, Failure> {
    let gold = load(&args.gold)?;
    if gold.is_empty() {
        // Scoring against nothing would print perfect scores for any tagger.
        return Err(Failure::Fatal(format!(
            "{}: no gold records (the file is empty or blank)",
            args.gold.display()
        )));
    }
    let pred = match &args.pred {
        Some(p) => load(p)?,
        None => {
            let tagger = Tagger::new();
            gold.par_iter()
                .map(|g| {
                    let doc = tagger.tag(g.text.clone().unwrap_or_default());
                    Record::from_document(&g.id, &doc)
                })
                .collect()
        }
    };
    let report = score(&gold, &pred);
    let text = if args.json {
        format!("{}\n", report.to_json())
    } else {
        report.to_text()
    };
    super::say::print(&text).map_err(|e| Failure::Fatal(format!("writing output: {e}")))?;
    Ok(ExitCode::SUCCESS)
}
