//! Regression tests for hostile input and environment (issue 11, items 4, 6, 8, 9): a closed
//! standard error, byte order marks and UTF-16, spreadsheet-quoted gazetteers, an empty gold
//! file. Every input is written here, to a temporary directory.

use std::path::Path;
use std::process::{Command, Stdio};

use indotag::input::{InputOptions, Reader};
use indotag::{Gazetteer, Tagger};
use serde_json::Value;

fn indotag() -> Command {
    Command::new(env!("CARGO_BIN_EXE_indotag"))
}

fn write(dir: &Path, name: &str, content: &[u8]) -> String {
    let path = dir.join(name);
    std::fs::write(&path, content).unwrap();
    path.to_string_lossy().into_owned()
}

fn utf16le(s: &str) -> Vec<u8> {
    let mut b = vec![0xFF, 0xFE];
    b.extend(s.encode_utf16().flat_map(u16::to_le_bytes));
    b
}

fn utf16be(s: &str) -> Vec<u8> {
    let mut b = vec![0xFE, 0xFF];
    b.extend(s.encode_utf16().flat_map(u16::to_be_bytes));
    b
}

fn read_jsonl(bytes: Vec<u8>) -> Vec<indotag::input::RawDoc> {
    Reader::from_reader(
        "mem.jsonl",
        Box::new(std::io::Cursor::new(bytes)),
        InputOptions::default(),
    )
    .collect()
}

const HEADER: &str = "id\tlabel\tkind\tcanonical\taliases\tpriority";

// ---- item 4: a closed standard error is not a panic ----

/// Many problems, so that standard error is written long after its reader is gone.
fn bad_gazetteer(dir: &Path) -> String {
    let mut tsv = format!("{HEADER}\n");
    for i in 0..3000 {
        tsv.push_str(&format!("x{i}\tCITY\tcity\tKota {i}\t\t\n"));
    }
    write(dir, "bad.tsv", tsv.as_bytes())
}

#[test]
fn gazetteer_check_with_closed_stdout_and_stderr_does_not_panic() {
    let dir = tempfile::tempdir().unwrap();
    let bad = bad_gazetteer(dir.path());
    // `indotag gazetteer check BAD 2>&1 | head -1`: both streams are a pipe nobody reads.
    let mut child = indotag()
        .args(["gazetteer", "check", "--no-default-gazetteers", &bad])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    drop(child.stderr.take());
    let status = child.wait().unwrap();
    assert_ne!(status.code(), Some(101), "panicked: {status:?}");
    assert!(matches!(status.code(), Some(0 | 1)), "{status:?}");
}

#[test]
fn tag_with_closed_stderr_still_writes_every_record() {
    let dir = tempfile::tempdir().unwrap();
    let mut jsonl = String::new();
    for i in 0..3000 {
        jsonl.push_str(&format!(
            "{{\"id\":\"a{i}\",\"text\":\"Berita {i}.\"}}\nbukan json {i}\n"
        ));
    }
    let input = write(dir.path(), "in.jsonl", jsonl.as_bytes());
    let out = std::fs::File::create(dir.path().join("out.jsonl")).unwrap();
    let mut child = indotag()
        .args(["tag", &input])
        .stdout(out)
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stderr.take());
    let status = child.wait().unwrap();
    assert_eq!(
        status.code(),
        Some(1),
        "3000 bad lines: exit 1, not a panic"
    );
    let written = std::fs::read_to_string(dir.path().join("out.jsonl")).unwrap();
    assert_eq!(written.lines().count(), 6000, "every record, good and bad");
}

#[test]
fn eval_with_closed_stdout_is_quiet() {
    let dir = tempfile::tempdir().unwrap();
    let gold = write(
        dir.path(),
        "gold.jsonl",
        b"{\"id\":\"g\",\"text\":\"Budi berkata.\",\"entities\":[],\"quotes\":[]}\n",
    );
    let mut child = indotag()
        .args(["eval", "--gold", &gold])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

// ---- item 6: byte order marks, UTF-16, one position convention ----

#[test]
fn jsonl_with_utf8_bom_keeps_its_first_record() {
    let docs = read_jsonl(
        b"\xEF\xBB\xBF{\"id\":\"satu\",\"text\":\"Pertama.\"}\n{\"id\":\"dua\",\"text\":\"Kedua.\"}\n"
            .to_vec(),
    );
    let ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["satu", "dua"]);
    assert_eq!(docs[0].text.as_deref().unwrap(), "Pertama.");
}

#[test]
fn jsonl_file_with_utf8_bom_through_the_binary() {
    let dir = tempfile::tempdir().unwrap();
    let input = write(
        dir.path(),
        "bom.jsonl",
        b"\xEF\xBB\xBF{\"id\":\"satu\",\"text\":\"Kata Budi.\"}\n",
    );
    let out = indotag().args(["tag", &input]).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let rec: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(rec["id"], "satu");
    assert_eq!(rec["text"], "Kata Budi.");
}

#[test]
fn jsonl_in_utf16_is_decoded_both_byte_orders() {
    let content = "{\"id\":\"a\",\"text\":\"“Siap,” kata Siti.\"}\n\n{\"id\":\"b\",\"text\":\"Ke Surabaya 🚆.\"}\n";
    for bytes in [utf16le(content), utf16be(content)] {
        let docs = read_jsonl(bytes);
        let got: Vec<(&str, &str)> = docs
            .iter()
            .map(|d| (d.id.as_str(), d.text.as_deref().unwrap()))
            .collect();
        assert_eq!(got, [("a", "“Siap,” kata Siti."), ("b", "Ke Surabaya 🚆.")]);
    }
}

#[test]
fn broken_utf16_jsonl_is_an_error_that_names_utf16_and_the_byte() {
    // An unpaired high surrogate in the second record.
    let mut bytes = utf16le("{\"text\":\"A\"}\n{\"text\":\"");
    let at = bytes.len();
    bytes.extend([0x00, 0xD8, b'x', 0]);
    bytes.extend(utf16le("\"}\n").split_off(2));
    let docs = read_jsonl(bytes);
    assert_eq!(docs.len(), 2, "{docs:?}");
    assert_eq!(docs[0].text.as_deref().unwrap(), "A");
    let err = docs[1].text.as_ref().unwrap_err().to_string();
    assert!(err.starts_with("mem.jsonl:2: "), "{err}");
    assert!(
        err.contains(&format!("invalid UTF-16LE at byte {at}")),
        "{err}"
    );
}

#[test]
fn text_file_in_utf16_is_decoded_not_called_binary() {
    let dir = tempfile::tempdir().unwrap();
    let input = write(dir.path(), "a.txt", &utf16le("Menurut Siti, harga naik."));
    let out = indotag().args(["tag", &input]).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let rec: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(rec["text"], "Menurut Siti, harga naik.");
}

#[test]
fn error_positions_are_one_based_lines_and_zero_based_bytes() {
    // Line 2 starts at byte 14 of the file; the bad byte is byte 9 of that line.
    let docs = read_jsonl(b"{\"text\":\"ok\"}\n{\"text\":\"\xFF\"}\n{\"text\":\n".to_vec());
    let err = docs[1].text.as_ref().unwrap_err().to_string();
    assert_eq!(
        err,
        "mem.jsonl:2: invalid UTF-8 at byte 23 of the file (byte 9 of the line)"
    );
    // serde_json's own `line 1 column 8` (1-based) is given in the same convention.
    let err = docs[2].text.as_ref().unwrap_err().to_string();
    assert!(
        err.starts_with("mem.jsonl:3: invalid JSON at byte 34 of the file (byte 7 of the line): "),
        "{err}"
    );
    assert!(!err.contains("column"), "{err}");
}

// ---- item 8: spreadsheet TSV gazetteers ----

#[test]
fn spreadsheet_quoted_gazetteer_field_is_read_and_matches() {
    let tsv = format!(
        "{HEADER}\ngus-dur\tPERSON\tperson\t\"Abdurrahman \"\"Gus Dur\"\" Wahid\"\t\"Gus Dur\"\t\n"
    );
    let g = Gazetteer::parse("sheet.tsv", &tsv).unwrap();
    let e = g.get("gus-dur").unwrap();
    assert_eq!(&*e.canonical, "Abdurrahman \"Gus Dur\" Wahid");
    assert_eq!(e.aliases, ["Gus Dur"]);
    let tagger = Tagger::builder()
        .default_gazetteers(false)
        .gazetteer(g.clone())
        .build()
        .unwrap();
    let doc = tagger.tag("Mantan presiden Abdurrahman \"Gus Dur\" Wahid dikenang. Gus Dur lucu.");
    let ids: Vec<&str> = doc.entities.iter().map(|e| &*e.id).collect();
    assert_eq!(ids, ["gus-dur", "gus-dur"]);
    // Written back, it reads the same.
    let again = Gazetteer::parse("again.tsv", &format!("{HEADER}\n{}\n", e.to_tsv())).unwrap();
    assert_eq!(again.get("gus-dur").unwrap().canonical, e.canonical);
}

#[test]
fn unclosed_quote_in_gazetteer_is_a_clear_error_at_its_line() {
    let tsv = format!(
        "{HEADER}\na\tGPE\tcity\tBogor\t\t\nb\tGPE\tcity\t\"Depok\t\t\nc\tGPE\tcity\tBekasi\t\t\n"
    );
    let err = Gazetteer::parse("sheet.tsv", &tsv).unwrap_err().to_string();
    assert!(err.starts_with("sheet.tsv:3: "), "{err}");
    assert!(err.contains("unclosed"), "{err}");
}

#[test]
fn utf16_gazetteer_is_read() {
    let tsv = format!("{HEADER}\r\nbogor\tGPE\tcity\tBogor\tKota Hujan\t\r\n");
    for bytes in [utf16le(&tsv), utf16be(&tsv)] {
        let (g, errors) = Gazetteer::check("unicode.txt", &bytes);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(g.get("bogor").unwrap().aliases, ["Kota Hujan"]);
    }
}

#[test]
fn utf16_gazetteer_without_bom_is_refused_by_name() {
    let bytes: Vec<u8> = HEADER.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let (_, errors) = Gazetteer::check("unicode.txt", &bytes);
    let msg = errors[0].to_string();
    assert!(msg.starts_with("unicode.txt:1: "), "{msg}");
    assert!(msg.contains("UTF-16"), "{msg}");
}

#[test]
fn gazetteer_check_reports_quoted_rows_it_accepts() {
    let dir = tempfile::tempdir().unwrap();
    let tsv = format!("{HEADER}\nx\tPERSON\tperson\t\"Si \"\"Doel\"\" Anak Betawi\"\t\t\n");
    let path = write(dir.path(), "sheet.tsv", tsv.as_bytes());
    let out = indotag()
        .args(["gazetteer", "check", "--no-default-gazetteers", &path])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let tagged = indotag()
        .args(["tag", "--no-default-gazetteers", "--gazetteer", &path, "-"])
        .stdin(
            std::fs::File::open(write(
                dir.path(),
                "in.txt",
                b"Film Si \"Doel\" Anak Betawi tayang.",
            ))
            .unwrap(),
        )
        .output()
        .unwrap();
    let rec: Value = serde_json::from_slice(&tagged.stdout).unwrap();
    assert_eq!(rec["entities"][0]["text"], "Si \"Doel\" Anak Betawi");
}

// ---- item 9: an empty gold file ----

#[test]
fn eval_on_empty_gold_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    for content in [&b""[..], b"\n  \n"] {
        let gold = write(dir.path(), "gold.jsonl", content);
        let out = indotag().args(["eval", "--gold", &gold]).output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{out:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("no gold records"), "{err}");
        assert!(out.stdout.is_empty());
    }
}

#[test]
fn entries_starting_with_a_quote_or_hash_write_back_to_the_same_entry() {
    // Leading spaces keep the `#` from starting a comment and the `"` from quoting; trimmed,
    // the id starts with `#` and the name with `"`, and to_tsv must quote both.
    let tsv = format!("{HEADER}\n  #x\tGPE\tcity\t  \"Q\" Raya\t\"\"\"Q\"\"\"|Q\t\n");
    let g = Gazetteer::parse("odd.tsv", &tsv).unwrap();
    let e = &g.entries()[0];
    assert_eq!((&*e.id, &*e.canonical), ("#x", "\"Q\" Raya"));
    assert_eq!(e.aliases, ["\"Q\"", "Q"]);
    let again = Gazetteer::parse("again.tsv", &format!("{HEADER}\n{}\n", e.to_tsv())).unwrap();
    let f = &again.entries()[0];
    assert_eq!(
        (&f.id, &f.canonical, &f.aliases),
        (&e.id, &e.canonical, &e.aliases)
    );
}

#[test]
fn eval_gold_json_errors_use_the_same_position_convention() {
    let dir = tempfile::tempdir().unwrap();
    let gold = write(
        dir.path(),
        "gold.jsonl",
        b"{\"id\":\"a\",\"text\":\"x\",\"entities\":[],\"quotes\":[]}\n{\"id\" 1}\n",
    );
    let out = indotag().args(["eval", "--gold", &gold]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    // `{"id" 1}`: the `1` where a `:` should be is byte 6 of line 2.
    assert!(
        err.contains("gold.jsonl:2: invalid JSON at byte 6 of the line: expected `:`"),
        "{err}"
    );
    assert!(!err.contains("column"), "{err}");
}
