//! Throughput of each pipeline stage, in bytes of text per second.
//!
//! Reads up to 8 MB of documents from `$INDOTAG_BENCH_CORPUS` (a JSONL file with a `text`
//! field, e.g. the shared `corpus/bulk.jsonl`), or, when unset, the example article shipped in
//! `examples/data/` repeated. Run: `INDOTAG_BENCH_CORPUS=../shared/corpus/bulk.jsonl cargo bench
//! --bench throughput`.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use indotag::{sentence, tokenize, RecordOptions, Tagger};

const LIMIT: usize = 8 << 20;

fn corpus() -> Vec<String> {
    if let Ok(path) = std::env::var("INDOTAG_BENCH_CORPUS") {
        let content = std::fs::read_to_string(&path).expect("readable bench corpus");
        let mut docs = Vec::new();
        let mut total = 0;
        for line in content.lines() {
            let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
                continue;
            };
            if let Some(t) = v["text"].as_str() {
                total += t.len();
                docs.push(t.to_string());
            }
            if total >= LIMIT {
                break;
            }
        }
        docs
    } else {
        let article = include_str!("../examples/data/contoh-berita.txt");
        vec![article.to_string(); 500]
    }
}

fn stages(c: &mut Criterion) {
    let docs = corpus();
    let bytes: usize = docs.iter().map(|d| d.len()).sum();
    let tagger = Tagger::new();
    let mut g = c.benchmark_group("pipeline");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.sample_size(10);
    g.bench_function("tokens", |b| {
        let mut toks = Vec::new();
        b.iter(|| {
            for d in &docs {
                toks.clear();
                tokenize::tokenize_into(d, &mut toks);
            }
        })
    });
    g.bench_function("tokens+sentences", |b| {
        b.iter(|| {
            for d in &docs {
                let toks = tokenize::tokenize(d);
                std::hint::black_box(sentence::split(d, &toks));
            }
        })
    });
    g.bench_function("tag", |b| {
        b.iter(|| {
            for d in &docs {
                std::hint::black_box(tagger.tag(d.as_str()));
            }
        })
    });
    g.bench_function("tag+json", |b| {
        b.iter(|| {
            for d in &docs {
                std::hint::black_box(
                    tagger
                        .tag(d.as_str())
                        .to_json_line(RecordOptions::default()),
                );
            }
        })
    });
    g.finish();
}

criterion_group!(benches, stages);
criterion_main!(benches);
