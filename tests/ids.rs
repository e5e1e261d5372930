//! Ids that survive partitioning: the same JSONL split into pieces at any line boundaries, each
//! piece read on its own (as a Spark or Dask partition is, in another process), gives every
//! record the same id as reading the whole file does.

use std::path::PathBuf;

use indotag::input::{content_id, InputOptions, Reader};
use proptest::prelude::*;

/// Records with and without ids, blank lines, a duplicate text, a broken line.
fn lines() -> Vec<String> {
    let mut out = Vec::new();
    for i in 0..40 {
        let text = format!("Berita ke-{i}: harga cabai naik di Pasar Minggu.");
        out.push(match i % 5 {
            0 => format!("{{\"id\":\"k{i}\",\"text\":{text:?}}}"),
            1 => String::new(),
            2 => "{\"text\":\"Teks yang sama.\"}".to_string(),
            3 => format!("{{\"text\":{text:?},\"url\":\"https://contoh.id/{i}\"}}"),
            _ => format!("rusak {i}"),
        });
    }
    out
}

fn ids_of(dir: &std::path::Path, name: &str, lines: &[String]) -> Vec<String> {
    let path: PathBuf = dir.join(name);
    let mut body = lines.join("\n");
    body.push('\n');
    std::fs::write(&path, body).unwrap();
    Reader::new(&[path], InputOptions::default())
        .map(|d| d.id)
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn ids_do_not_depend_on_the_split(cuts in proptest::collection::vec(0usize..=40, 0..6)) {
        let all = lines();
        let dir = tempfile::tempdir().unwrap();
        let whole = ids_of(dir.path(), "whole.jsonl", &all);
        let mut cuts = cuts;
        cuts.push(0);
        cuts.push(all.len());
        cuts.sort_unstable();
        cuts.dedup();
        let mut pieces = Vec::new();
        for (k, w) in cuts.windows(2).enumerate() {
            pieces.extend(ids_of(dir.path(), &format!("part-{k}.jsonl"), &all[w[0]..w[1]]));
        }
        prop_assert_eq!(pieces, whole);
    }
}

#[test]
fn ids_are_the_id_field_or_the_hash_of_the_text() {
    let all = lines();
    let dir = tempfile::tempdir().unwrap();
    let ids = ids_of(dir.path(), "a.jsonl", &all);
    // 8 blank lines are skipped.
    assert_eq!(ids.len(), 32);
    assert_eq!(ids[0], "k0");
    assert_eq!(ids[1], content_id("Teks yang sama.".as_bytes()));
    // The same text, the same id: a content hash, not a position.
    assert_eq!(ids[1], ids[5]);
    assert_eq!(
        ids[2],
        content_id("Berita ke-3: harga cabai naik di Pasar Minggu.".as_bytes())
    );
    // A line that is no record is named by a hash of the line itself.
    assert_eq!(ids[3], content_id(b"rusak 4"));
    assert!(ids.iter().all(|id| !id.contains(".jsonl:")), "{ids:?}");
}
