//! Gazetteer files on disk: loading errors through the library, and the `indotag gazetteer`
//! and `indotag tag --gazetteer` command lines.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use indotag::gazetteer::{Gazetteer, HEADER};
use indotag::{ErrorKind, Tagger};

fn write(dir: &Path, name: &str, content: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, content).expect("write temp file");
    path
}

fn indotag(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_indotag"))
        .args(args)
        .output()
        .expect("run indotag")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn rows(rows: &str) -> Vec<u8> {
    format!("# a user gazetteer\n{HEADER}\n{rows}").into_bytes()
}

#[test]
fn from_path_names_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "bad.tsv",
        &rows("ok\tGPE\tcity\tKota Oke\t\t\nx\tKOTA\tcity\tX\t\t\n"),
    );
    let err = Gazetteer::from_path(&path).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Data);
    assert_eq!(
        err.to_string(),
        format!(
            "{}:4: unknown label `KOTA` (expected PERSON, GPE, LOC or ORG)",
            path.display()
        )
    );
}

#[test]
fn from_path_reports_invalid_utf8_with_byte_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = rows("ok\tGPE\tcity\tKota Oke\t\t\n");
    let at = bytes.len() + "kota-dua\tGPE\tcity\tKota ".len();
    bytes.extend_from_slice(b"kota-dua\tGPE\tcity\tKota \xc3\x28\t\t\n");
    let path = write(dir.path(), "latin1.tsv", &bytes);
    let err = Gazetteer::from_path(&path).unwrap_err().to_string();
    assert_eq!(
        err,
        format!("{}:4: invalid UTF-8 at byte {at}", path.display())
    );
}

#[test]
fn builder_rejects_bad_file_and_accepts_override() {
    let dir = tempfile::tempdir().unwrap();
    let bad = write(
        dir.path(),
        "bad.tsv",
        &rows("a\tORG\tagency\tBadan A\t\t\na\tORG\tagency\tBadan B\t\t\n"),
    );
    let err = Tagger::builder()
        .gazetteer_file(&bad)
        .build()
        .unwrap_err()
        .to_string();
    assert!(
        err.ends_with(":4: duplicate id `a` (first at line 3)"),
        "{err}"
    );

    // Same id as a default entry: the user's entry wins, no error.
    let good = write(
        dir.path(),
        "good.tsv",
        &rows("rusia\tGPE\tcountry\tRusia\tNegeri Beruang Merah\t\n"),
    );
    let tagger = Tagger::builder()
        .gazetteer_file(&good)
        .build()
        .expect("override is fine");
    let doc = tagger.tag("Negeri Beruang Merah menolak.");
    let e = doc
        .entities
        .iter()
        .find(|e| doc.span_text(e.span) == "Negeri Beruang Merah");
    assert_eq!(e.map(|e| &*e.id), Some("rusia"));
}

#[test]
fn check_valid_file_prints_counts() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "mine.tsv",
        &rows("bpjs-kesehatan\tORG\tagency\tBPJS Kesehatan\tBadan Penyelenggara Jaminan Sosial Kesehatan\t\nkota-fiksi\tGPE\tcity\tKota Fiksi\t\t\n"),
    );
    let out = indotag(&["gazetteer", "check", path.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stdout),
        format!(
            "{}: ok, 2 entries, 3 names (PERSON 0, ORG 1, GPE 1, LOC 0)\n",
            path.display()
        )
    );
}

#[test]
fn check_reports_every_problem_of_every_file() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(
        dir.path(),
        "a.tsv",
        &rows("x\tGPE\tcity\tX\ta||b\t\ny\tGPE\tcity\tY\t\n"),
    );
    let ok = write(
        dir.path(),
        "ok.tsv",
        &rows("kota-fiksi\tGPE\tcity\tKota Fiksi\t\t\n"),
    );
    let b = write(dir.path(), "b.tsv", &rows("\tORG\tagency\tBadan\t\tlima\n"));
    let missing = dir.path().join("missing.tsv");
    let args: Vec<&str> = ["gazetteer", "check"]
        .into_iter()
        .chain([&a, &ok, &b, &missing].map(|p| p.to_str().unwrap()))
        .collect();
    let out = indotag(&args);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    for expected in [
        format!("{}:3: empty alias in `a||b`", a.display()),
        format!("{}:4: expected 6 tab-separated fields", a.display()),
        format!("{}:3: empty id", b.display()),
        format!("{}:3: priority `lima` is not an integer", b.display()),
        format!("{}:", missing.display()),
    ] {
        assert!(err.contains(&expected), "missing `{expected}` in:\n{err}");
    }
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains(&format!("{}: 2 problems", a.display())),
        "{stdout}"
    );
    assert!(
        stdout.contains(&format!("{}: ok, 1 entries", ok.display())),
        "{stdout}"
    );
    assert!(
        stdout.contains(&format!("{}: unreadable", missing.display())),
        "{stdout}"
    );
}

#[test]
fn check_reports_conflicts_with_the_defaults() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "mine.tsv",
        &rows("moskow-idaho\tGPE\tcity\tMoskow\t\t\n"),
    );
    let out = indotag(&["gazetteer", "check", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(
        err.contains(
            "alias `Moskow` of `moskow-idaho` is also an alias of `moskow` (gazetteers/places.tsv:"
        ),
        "{err}"
    );
    let out = indotag(&[
        "gazetteer",
        "check",
        "--no-default-gazetteers",
        path.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));

    // A higher priority settles it.
    let path = write(
        dir.path(),
        "mine2.tsv",
        &rows("moskow-idaho\tGPE\tcity\tMoskow\t\t1\n"),
    );
    let out = indotag(&["gazetteer", "check", path.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
}

#[test]
fn check_needs_a_file() {
    let out = indotag(&["gazetteer", "check"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn list_prints_the_defaults_as_tsv() {
    let out = indotag(&["gazetteer", "list"]);
    assert!(out.status.success());
    let tsv = text(&out.stdout);
    assert_eq!(tsv.lines().next(), Some(HEADER));
    assert!(tsv
        .lines()
        .any(|l| l.starts_with("korea-utara\tGPE\tcountry\tKorea Utara\t")));
    let back = Gazetteer::parse("list", &tsv).expect("the listing is a valid gazetteer");
    assert_eq!(back.len(), Gazetteer::defaults().len());
}

#[test]
fn list_counts() {
    let out = indotag(&["gazetteer", "list", "--counts"]);
    assert!(out.status.success());
    let s = text(&out.stdout);
    assert!(
        s.lines()
            .any(|l| l.starts_with("gazetteers/countries.tsv: ")),
        "{s}"
    );
    let total = s.lines().last().unwrap_or_default();
    assert_eq!(
        total,
        format!(
            "total: {}",
            indotag::gazetteer::Counts::of(&Gazetteer::defaults())
        )
    );
}

#[test]
fn tag_with_a_bad_gazetteer_names_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let gaz = write(dir.path(), "bad.tsv", &rows("x\tGPE\tcity\t\t\t\n"));
    let doc = write(dir.path(), "doc.txt", "Warga Jakarta.".as_bytes());
    let out = indotag(&[
        "tag",
        "--gazetteer",
        gaz.to_str().unwrap(),
        doc.to_str().unwrap(),
    ]);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains(&format!("{}:3: empty canonical name", gaz.display())),
        "{}",
        text(&out.stderr)
    );
}
