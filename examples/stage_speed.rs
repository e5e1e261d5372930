//! Per-stage speed on one thread, each the fastest of several rounds, for comparing two
//! builds on a shared machine (the fastest round is the one least disturbed by other load).
//!
//! `cargo run --release --example stage_speed -- CORPUS.jsonl [ROUNDS] [GAZETTEER.tsv]` prints
//! MB/s of text for the gazetteer matcher alone, the record writer alone (with tokens), and the
//! whole `Tagger::tag`; with a gazetteer file, on top of the defaults (as `--gazetteer`), so
//! that two runs compare tagging speed with and without a large user gazetteer.

use std::time::Instant;

use indotag::{RecordOptions, Tagger};

/// The fastest of `rounds` runs of `f`, in seconds.
fn fastest(rounds: usize, mut f: impl FnMut() -> usize) -> (f64, usize) {
    let mut best = f64::MAX;
    let mut n = 0;
    for _ in 0..rounds {
        let t0 = Instant::now();
        n = std::hint::black_box(f());
        best = best.min(t0.elapsed().as_secs_f64());
    }
    (best, n)
}

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .expect("usage: stage_speed CORPUS.jsonl [ROUNDS] [GAZETTEER.tsv]");
    let rounds: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(7);
    let data = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let texts: Vec<String> = data
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v["text"].as_str().map(String::from))
        .collect();
    let mb = texts.iter().map(String::len).sum::<usize>() as f64 / 1e6;
    let tagger = match args.next() {
        Some(g) => Tagger::builder()
            .gazetteer_file(g)
            .build()
            .unwrap_or_else(|e| panic!("{e}")),
        None => Tagger::new(),
    };
    let docs: Vec<_> = texts.iter().map(|t| tagger.tag(t.as_str())).collect();
    let (secs, n) = fastest(rounds, || {
        docs.iter()
            .map(|d| tagger.matcher().find(&d.text, &d.tokens).len())
            .sum()
    });
    println!("gazetteer matcher: {:.1} MB/s ({n} matches)", mb / secs);
    let mut out = Vec::with_capacity(1 << 20);
    let (secs, n) = fastest(rounds, || {
        let mut bytes = 0;
        for d in &docs {
            out.clear();
            d.write_json_line(RecordOptions::default(), &mut out);
            bytes += out.len();
        }
        bytes
    });
    println!("record writer: {:.1} MB/s ({n} bytes)", mb / secs);
    let (secs, n) = fastest(rounds.div_ceil(2), || {
        texts
            .iter()
            .map(|t| tagger.tag(t.as_str()).tokens.len())
            .sum()
    });
    println!("Tagger::tag: {:.1} MB/s ({n} tokens)", mb / secs);
}
