//! Runs the `indotag` binary the way users do: files, directories, standard input, JSONL, bad
//! input of every kind. Each test writes its own inputs to a temporary directory.

use std::path::Path;
use std::process::Output;

use serde_json::Value;

mod common;

fn indotag(args: &[&str], stdin: Option<&[u8]>) -> Output {
    common::run_indotag(args, stdin.unwrap_or_default())
}

fn records(out: &Output) -> Vec<Value> {
    String::from_utf8(out.stdout.clone())
        .expect("output is UTF-8")
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("bad JSON line {l:?}: {e}")))
        .collect()
}

fn write(dir: &Path, name: &str, content: &[u8]) -> String {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(&path, content).unwrap();
    path.to_string_lossy().into_owned()
}

/// Python's `text[start:end]`, on characters.
fn slice(text: &str, start: u64, end: u64) -> String {
    text.chars()
        .skip(start as usize)
        .take((end - start) as usize)
        .collect()
}

#[test]
fn stdin_text_gives_one_record_with_char_offsets() {
    let text = "“Kami siap,” kata Budi di Surabaya.";
    let out = indotag(&["tag", "-"], Some(text.as_bytes()));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let recs = records(&out);
    assert_eq!(recs.len(), 1);
    let r = &recs[0];
    assert_eq!(r["id"], "-");
    assert_eq!(r["text"], text);
    for tok in r["tokens"].as_array().unwrap() {
        let (s, e) = (tok["start"].as_u64().unwrap(), tok["end"].as_u64().unwrap());
        assert_eq!(slice(text, s, e), tok["text"].as_str().unwrap());
    }
    // the curly quote is its own token at character 0
    assert_eq!(r["tokens"][0]["text"], "“");
    assert_eq!(r["tokens"][1]["start"], 1);
}

#[test]
fn files_and_directories_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "a.txt", b"Satu.");
    write(dir.path(), "sub/b.txt", b"Dua.");
    write(dir.path(), "sub/c.txt", b"Tiga.");
    write(dir.path(), "sub/skip.md", b"Bukan.");
    let sub = dir.path().join("sub");
    let out = indotag(&["tag", &a, sub.to_str().unwrap()], None);
    assert!(out.status.success());
    let texts: Vec<String> = records(&out)
        .iter()
        .map(|r| r["text"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(texts, ["Satu.", "Dua.", "Tiga."]);
}

#[test]
fn jsonl_fields_pass_through_and_ids() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(
        dir.path(),
        "in.jsonl",
        "{\"id\":\"a1\",\"isi\":\"Pagi ini cerah.\",\"url\":\"https://contoh.id/1\",\"n\":3}\n\n{\"isi\":\"Sore hujan.\"}\n".as_bytes(),
    );
    let out = indotag(&["tag", &f, "--text-field", "isi", "--no-tokens"], None);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let recs = records(&out);
    assert_eq!(recs.len(), 2);
    assert_eq!(recs[0]["id"], "a1");
    assert_eq!(recs[0]["url"], "https://contoh.id/1");
    assert_eq!(recs[0]["n"], 3);
    assert_eq!(recs[0]["text"], "Pagi ini cerah.");
    assert!(recs[0].get("tokens").is_none());
    assert!(recs[0].get("isi").is_none());
    // no id field: a hash of the text, the same wherever the record is read
    // (the value is what Python's `xxhash.xxh3_64_hexdigest(b"Sore hujan.")` gives)
    assert_eq!(recs[1]["id"], "xxh3:10f2834e3a416e79");
}

#[test]
fn id_field_and_colliding_keys() {
    let line = "{\"doc\":\"x9\",\"text\":\"Halo.\",\"tokens\":\"milik pengguna\"}\n";
    let out = indotag(
        &["tag", "--input-format", "jsonl", "--id-field", "doc", "-"],
        Some(line.as_bytes()),
    );
    assert!(out.status.success());
    let r = &records(&out)[0];
    assert_eq!(r["id"], "x9");
    assert_eq!(r["input_tokens"], "milik pengguna");
    assert!(r["tokens"].is_array());
}

#[test]
fn no_text_leaves_text_out() {
    let out = indotag(&["tag", "--no-text", "-"], Some("Halo dunia.".as_bytes()));
    let r = &records(&out)[0];
    assert!(r.get("text").is_none());
    assert_eq!(r["tokens"][1]["text"], "dunia");
}

#[test]
fn output_order_is_input_order_with_many_jobs() {
    let mut input = String::new();
    for i in 0..700 {
        // uneven lengths so that workers finish out of order
        let body = "Kalimat panjang tentang harga beras. ".repeat(1 + (i * 37) % 50);
        input.push_str(&format!(
            "{{\"id\":\"d{i}\",\"text\":{}}}\n",
            Value::from(body)
        ));
    }
    let out = indotag(
        &[
            "tag",
            "--jobs",
            "4",
            "--no-tokens",
            "--input-format",
            "jsonl",
            "-",
        ],
        Some(input.as_bytes()),
    );
    assert!(out.status.success());
    let ids: Vec<String> = records(&out)
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect();
    let want: Vec<String> = (0..700).map(|i| format!("d{i}")).collect();
    assert_eq!(ids, want);
}

#[test]
fn bad_inputs_get_error_records_and_the_rest_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let good = write(dir.path(), "1-good.txt", b"Berita baik.");
    let bad_utf8 = write(dir.path(), "2-latin1.txt", b"Caf\xe9 di Bandung.");
    let binary = write(dir.path(), "3-binary.txt", b"\x7fELF\x00\x00\x01\x00isi");
    let missing = dir
        .path()
        .join("4-missing.txt")
        .to_string_lossy()
        .into_owned();
    let jsonl = write(
        dir.path(),
        "5-mixed.jsonl",
        b"{\"id\":\"ok\",\"text\":\"Aman.\"}\n{\"id\":\"rusak\",\"text\":\n{\"id\":\"tanpa-teks\"}\n[1,2]\n{\"id\":\"bukan-string\",\"text\":5}\n{\"text\":\"x\xffy\"}\n{\"id\":\"akhir\",\"text\":\"Selesai.\"}\n",
    );
    let out = indotag(
        &[
            "tag",
            &good,
            &bad_utf8,
            &binary,
            &missing,
            &jsonl,
            "--no-tokens",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(1), "some documents failed");
    let recs = records(&out);
    let summary: Vec<(String, Option<String>)> = recs
        .iter()
        .map(|r| {
            (
                r["id"].as_str().unwrap().to_string(),
                r["error"].as_str().map(String::from),
            )
        })
        .collect();
    assert_eq!(summary.len(), 11, "{summary:#?}");
    assert_eq!(summary[0].1, None);
    assert!(
        summary[1]
            .1
            .as_deref()
            .unwrap()
            .contains("invalid UTF-8 at byte 3"),
        "{summary:?}"
    );
    assert!(summary[2]
        .1
        .as_deref()
        .unwrap()
        .contains("NUL byte at byte 4"));
    assert!(summary[3].1.as_deref().unwrap().contains("4-missing.txt"));
    assert_eq!(summary[4], ("ok".to_string(), None));
    assert!(summary[5]
        .1
        .as_deref()
        .unwrap()
        .contains("5-mixed.jsonl:2: invalid JSON"));
    assert!(summary[6]
        .1
        .as_deref()
        .unwrap()
        .contains(":3: no field `text`"));
    assert_eq!(summary[6].0, "tanpa-teks");
    assert!(summary[7]
        .1
        .as_deref()
        .unwrap()
        .contains(":4: expected a JSON object"));
    assert!(summary[8].1.as_deref().unwrap().contains("is not a string"));
    assert!(summary[9]
        .1
        .as_deref()
        .unwrap()
        .contains(":6: invalid UTF-8 at byte"));
    assert_eq!(summary[10], ("akhir".to_string(), None));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("2-latin1.txt"),
        "errors are also reported on stderr: {stderr}"
    );
}

#[test]
fn bom_is_dropped_and_crlf_kept() {
    let out = indotag(
        &["tag", "-"],
        Some(b"\xef\xbb\xbfJudul\r\n\r\nIsi berita.\r\n"),
    );
    assert!(out.status.success());
    let r = &records(&out)[0];
    assert_eq!(r["text"], "Judul\r\n\r\nIsi berita.\r\n");
    assert_eq!(r["tokens"][0]["start"], 0);
}

#[test]
fn output_file_is_written_whole() {
    let dir = tempfile::tempdir().unwrap();
    let input = write(dir.path(), "a.txt", b"Satu dua tiga.");
    let out_path = dir.path().join("hasil.jsonl");
    let out = indotag(&["tag", &input, "-o", out_path.to_str().unwrap()], None);
    assert!(out.status.success());
    assert!(out.stdout.is_empty());
    let content = std::fs::read_to_string(&out_path).unwrap();
    assert_eq!(content.lines().count(), 1);
    // no temporary file is left beside it
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty());
}

#[test]
fn usage_errors_exit_2() {
    // (`tag` with no path reads standard input; with a terminal there: tests/progress.rs)
    assert_eq!(
        indotag(&["tag", "--max-errors", "0", "-"], Some(b"x"))
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        indotag(&["tag", "--jobs", "0", "-"], Some(b"x"))
            .status
            .code(),
        Some(2)
    );
    let out = indotag(&["tag", "--zones", "badan", "-"], Some(b"x"));
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown zone `badan`"));
    let out = indotag(&["tag", "--gazetteer", "/tidak/ada.tsv", "-"], Some(b"x"));
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/tidak/ada.tsv"));
    assert_eq!(
        indotag(&["tag", "--input-format", "xml", "-"], Some(b"x"))
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn empty_input_gives_an_empty_record() {
    let out = indotag(&["tag", "-"], Some(b""));
    assert!(out.status.success());
    let r = &records(&out)[0];
    assert_eq!(r["text"], "");
    assert_eq!(r["tokens"], Value::Array(vec![]));
}

#[test]
fn token_style_follows_the_ud_treebanks_on_request() {
    let text = "Dr. Sari: naik 0,5% ke Rp15.000.";
    let tokens = |args: &[&str]| -> Vec<String> {
        let out = indotag(args, Some(text.as_bytes()));
        assert!(out.status.success(), "{args:?}");
        let rec = &records(&out)[0];
        let t = rec["text"].as_str().expect("text");
        rec["tokens"]
            .as_array()
            .expect("tokens")
            .iter()
            .map(|k| slice(t, k["start"].as_u64().unwrap(), k["end"].as_u64().unwrap()))
            .collect()
    };
    let news = tokens(&["tag", "-"]);
    assert!(news.contains(&"0,5%".to_string()) && news.contains(&"Dr.".to_string()));
    assert_eq!(news, tokens(&["tag", "--token-style", "news", "-"]));
    let gsd = tokens(&["tag", "--token-style", "ud-gsd", "-"]);
    assert!(
        gsd.starts_with(&["Dr".to_string(), ".".to_string()]),
        "{gsd:?}"
    );
    assert!(gsd.contains(&"%".to_string()) && gsd.contains(&"Rp".to_string()));
    let csui = tokens(&["tag", "--token-style", "ud-csui", "-"]);
    assert_eq!(csui[0], "Dr.");
    assert!(csui.contains(&"15.000".to_string()));
    let bad = indotag(&["tag", "--token-style", "penn", "-"], Some(b"x"));
    assert_eq!(bad.status.code(), Some(2));
}
