//! The naive floor: what a JSONL tagger costs when built from the obvious crates alone, to
//! hold `indotag tag` against (issue 12: indotag, which does far more, should be no slower).
//!
//! Per document: Unicode word bounds (`unicode-segmentation`) as tokens, the default
//! gazetteers' names found by one leftmost-longest `aho-corasick` automaton (no token
//! alignment, no case rules, no layout, sentences, patterns or quotes), and `serde_json`
//! writing `id`, `text`, `tokens` and `entities`. Reads JSON Lines (`id`, `text`) from the
//! file given, or stdin; writes JSON Lines to stdout.
//!
//! `cargo run --release --example floor -- ../shared/corpus/bulk.jsonl > /tmp/floor.jsonl`;
//! `scripts/floor_bench.sh` times it against `indotag tag --jobs 1`.

use std::io::{BufRead, BufReader, BufWriter, Read, Write};

use aho_corasick::{AhoCorasick, MatchKind};
use serde::{Deserialize, Serialize};
use unicode_segmentation::UnicodeSegmentation;

#[derive(Deserialize)]
struct Input {
    #[serde(default)]
    id: Option<String>,
    text: String,
}

#[derive(Serialize)]
struct Token<'a> {
    start: usize,
    end: usize,
    text: &'a str,
}

#[derive(Serialize)]
struct Entity<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    label: &'a str,
    id: &'a str,
}

#[derive(Serialize)]
struct Output<'a> {
    id: Option<&'a str>,
    text: &'a str,
    tokens: Vec<Token<'a>>,
    entities: Vec<Entity<'a>>,
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let gazetteer = indotag::Gazetteer::defaults();
    // (label, id) for each pattern, in the automaton's pattern order
    let mut names = Vec::new();
    let mut targets = Vec::new();
    for e in gazetteer.entries() {
        for name in e.names() {
            names.push(name.to_string());
            targets.push((e.label.as_str(), e.id.clone()));
        }
    }
    let automaton = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(&names)?;
    let input: Box<dyn Read> = match std::env::args_os().nth(1) {
        Some(path) => Box::new(std::fs::File::open(path)?),
        None => Box::new(std::io::stdin()),
    };
    let mut out = BufWriter::new(std::io::stdout().lock());
    for line in BufReader::new(input).lines() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let doc: Input = serde_json::from_str(&line)?;
        let text = doc.text.as_str();
        let tokens = text
            .split_word_bound_indices()
            .filter(|(_, w)| !w.trim().is_empty())
            .map(|(start, w)| Token {
                start,
                end: start + w.len(),
                text: w,
            })
            .collect();
        let entities = automaton
            .find_iter(text)
            .map(|m| {
                let (label, id) = &targets[m.pattern().as_usize()];
                Entity {
                    start: m.start(),
                    end: m.end(),
                    text: &text[m.range()],
                    label,
                    id,
                }
            })
            .collect();
        let record = Output {
            id: doc.id.as_deref(),
            text,
            tokens,
            entities,
        };
        serde_json::to_writer(&mut out, &record)?;
        out.write_all(b"\n")?;
    }
    out.flush()?;
    Ok(())
}
