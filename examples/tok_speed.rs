//! Throughput of tokenizing and sentence splitting, over the texts of a JSONL corpus.
//!
//! Run: `cargo run --release --example tok_speed -- /work/shared/corpus/bulk.jsonl [ROUNDS]`
//!
//! Reads every line's `text` field into memory first, then times `tokenize_into` + `split`
//! over all of them on one thread, and prints MB/s (bytes of text per second).

use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .unwrap_or_else(|| "/work/shared/corpus/bulk.jsonl".into());
    let rounds: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(3);
    let data = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let texts: Vec<String> = data
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v.get("text").and_then(|t| t.as_str()).map(str::to_owned))
        .collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    let mut toks = Vec::new();
    let (mut ntok, mut nsent) = (0, 0);
    let mut best = f64::MAX;
    for _ in 0..rounds {
        let t0 = Instant::now();
        for text in &texts {
            toks.clear();
            indotag::tokenize::tokenize_into(text, &mut toks);
            let sents = indotag::sentence::split(text, &toks);
            ntok += toks.len();
            nsent += sents.len();
        }
        best = best.min(t0.elapsed().as_secs_f64());
    }
    println!(
        "{} texts, {:.1} MB, {} tokens, {} sentences per round; best of {rounds}: {:.3} s = {:.0} MB/s (tokens + sentences, 1 thread)",
        texts.len(),
        bytes as f64 / 1e6,
        ntok / rounds,
        nsent / rounds,
        best,
        bytes as f64 / 1e6 / best
    );
}
