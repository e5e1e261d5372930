//! Replays the fuzz corpus without AFL: every file in `fuzz/seeds/<target>/` and
//! `fuzz/regressions/<target>/` goes through the same contract the fuzz harnesses assert
//! (`fuzz/src/contract.rs`). A crash the fuzzer found is saved in `fuzz/regressions/` and
//! stays fixed here, in the ordinary `cargo test`.

#[path = "../fuzz/src/contract.rs"]
mod contract;

use std::path::Path;
use std::sync::OnceLock;

use indotag::Tagger;

fn tagger() -> &'static Tagger {
    static TAGGER: OnceLock<Tagger> = OnceLock::new();
    TAGGER.get_or_init(Tagger::new)
}

/// Runs `check` on every file of the target's seeds and regressions; returns how many.
fn replay(target: &str, check: impl Fn(&[u8])) -> usize {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    let mut n = 0;
    for dir in ["seeds", "regressions"] {
        let dir = root.join(dir).join(target);
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        let mut paths: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        for path in paths.iter().filter(|p| p.is_file()) {
            let bytes = std::fs::read(path).expect("read a fuzz input");
            let caught = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| check(&bytes)));
            assert!(caught.is_ok(), "contract broken on {}", path.display());
            n += 1;
        }
    }
    n
}

#[test]
fn tag_corpus_keeps_the_contract() {
    assert!(replay("tag", |b| contract::tag_bytes(tagger(), b)) > 0);
}

#[test]
fn jsonl_corpus_keeps_the_contract() {
    assert!(replay("jsonl", |b| contract::jsonl_bytes(tagger(), b)) > 0);
}

#[test]
fn gazetteer_corpus_keeps_the_contract() {
    assert!(replay("gazetteer", contract::gazetteer_bytes) > 0);
}

#[test]
fn warm_up_input_keeps_the_contract() {
    contract::warm_up(tagger());
}
