//! Gazetteer matcher at scale: a synthetic gazetteer of 100k+ names (generated, so no data file
//! is needed), compiled and run over news text.
//!
//! `cargo bench --bench gazetteer`. Text: the articles in `$INDOTAG_BENCH_DIR` (default
//! `/work/shared/corpus/articles`) when readable, otherwise generated sentences. Tokenizing is
//! done once, outside the timed loop: only `Matcher::find` is measured.

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use indotag::gazetteer::{Gazetteer, Matcher, HEADER};
use indotag::tokenize::tokenize;

/// A tiny deterministic generator, so every run compiles the same gazetteer.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[(self.next() % xs.len() as u64) as usize]
    }
}

const ONSETS: &[&str] = &[
    "B", "D", "G", "H", "J", "K", "L", "M", "N", "P", "R", "S", "T", "W", "Y", "Sy", "Ny",
];
const SYLLABLES: &[&str] = &[
    "a", "ba", "di", "ga", "har", "jo", "ko", "la", "man", "na", "pra", "ri", "san", "to", "wi",
    "yu", "ti", "su", "ra", "dan", "ne", "lo",
];
const ORG_HEADS: &[&str] = &[
    "Partai",
    "Badan",
    "Bank",
    "PT",
    "Universitas",
    "Komisi",
    "Yayasan",
];

fn word(rng: &mut Rng) -> String {
    let mut w = rng.pick(ONSETS).to_string();
    for _ in 0..1 + rng.next() % 3 {
        w.push_str(rng.pick(SYLLABLES));
    }
    w
}

/// About `n` names: people (two or three words, plus the surname as an alias), organisations
/// (head word + name, plus an acronym) and places (one word).
fn synthetic(n: usize) -> String {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut tsv = String::from(HEADER);
    let mut names = 0;
    let mut i = 0;
    while names < n {
        i += 1;
        let (label, kind, canonical, aliases) = match i % 3 {
            0 => {
                let (a, b) = (word(&mut rng), word(&mut rng));
                (
                    "PERSON",
                    "person",
                    format!("{a} {b}"),
                    format!("{b} {a}|{}", &b),
                )
            }
            1 => {
                let name = format!("{} {}", rng.pick(ORG_HEADS), word(&mut rng));
                let acronym: String = name.split(' ').filter_map(|w| w.chars().next()).collect();
                let acronym = format!("{acronym}{}", i % 1000);
                ("ORG", "agency", name, acronym)
            }
            _ => ("GPE", "city", word(&mut rng), String::new()),
        };
        names += 1 + aliases.split('|').filter(|a| !a.is_empty()).count();
        // Names repeat at random; a high, unique priority keeps them from being conflicts.
        tsv.push_str(&format!(
            "\nsyn-{i}\t{label}\t{kind}\t{canonical}\t{aliases}\t{i}"
        ));
    }
    tsv.push('\n');
    tsv
}

fn corpus_text() -> String {
    let dir = std::env::var("INDOTAG_BENCH_DIR")
        .unwrap_or_else(|_| "/work/shared/corpus/articles".to_string());
    let mut text = String::new();
    if let Ok(rd) = std::fs::read_dir(&dir) {
        let mut paths: Vec<_> = rd.flatten().map(|e| e.path()).collect();
        paths.sort();
        for p in paths {
            if let Ok(s) = std::fs::read_to_string(&p) {
                text.push_str(&s);
                text.push_str("\n\n");
            }
        }
    }
    if text.is_empty() {
        let mut rng = Rng(7);
        while text.len() < 400_000 {
            text.push_str(&format!(
                "Presiden {} bertemu {} di {} pada Kamis, kata juru bicara AS. ",
                word(&mut rng),
                word(&mut rng),
                word(&mut rng)
            ));
        }
    }
    text
}

fn bench(c: &mut Criterion) {
    let tsv = synthetic(100_000);
    let t = Instant::now();
    let big = Gazetteer::parse("synthetic.tsv", &tsv).expect("synthetic gazetteer parses");
    let parse_time = t.elapsed();
    let names: usize = big.entries().iter().map(|e| e.names().count()).sum();
    let t = Instant::now();
    let matcher = Matcher::new(big.clone()).expect("synthetic gazetteer compiles");
    eprintln!(
        "synthetic: {} entries, {names} names, {} patterns; parse {:?}, compile {:?}, automaton {:.1} MB",
        big.len(),
        matcher.pattern_count(),
        parse_time,
        t.elapsed(),
        matcher.memory_usage() as f64 / 1e6
    );
    let defaults = Matcher::new(Gazetteer::defaults()).expect("defaults compile");
    eprintln!(
        "defaults: {} entries, {} patterns, automaton {:.1} MB",
        defaults.gazetteer().len(),
        defaults.pattern_count(),
        defaults.memory_usage() as f64 / 1e6
    );

    let text = corpus_text();
    let tokens = tokenize(&text);
    eprintln!(
        "text: {} bytes; synthetic finds {}, defaults find {}",
        text.len(),
        matcher.find(&text, &tokens).len(),
        defaults.find(&text, &tokens).len()
    );

    let mut g = c.benchmark_group("gazetteer");
    g.sample_size(10).measurement_time(Duration::from_secs(10));
    g.bench_function("compile-100k", |b| {
        b.iter(|| Matcher::new(black_box(big.clone())).expect("compiles"))
    });
    g.bench_function("parse-100k", |b| {
        b.iter(|| Gazetteer::parse("synthetic.tsv", black_box(&tsv)).expect("parses"))
    });
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("find-100k", |b| {
        b.iter(|| matcher.find(black_box(&text), black_box(&tokens)))
    });
    g.bench_function("find-defaults", |b| {
        b.iter(|| defaults.find(black_box(&text), black_box(&tokens)))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
