//! `indotag` as a Unix tool and as a step of a larger job: standard input by default, JSONL on
//! standard input recognised, `--max-errors`, `--exit-zero-on-errors`, `--stats-json`, the
//! summary line, `--help`, shell completions and the man page.

use std::process::Output;

use serde_json::Value;

mod common;

fn indotag(args: &[&str], stdin: &[u8]) -> Output {
    common::run_indotag(args, stdin)
}

fn records(out: &Output) -> Vec<Value> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("bad JSON line {l:?}: {e}")))
        .collect()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Five documents; the 2nd and 4th are broken.
const MIXED: &str = "{\"id\":\"a\",\"text\":\"Menteri Keuangan Sri Mulyani tiba di Bandung.\"}\n\
rusak\n\
{\"id\":\"c\",\"text\":\"“Kami siap,” kata Budi.\"}\n\
{\"id\":\"d\"}\n\
{\"id\":\"e\",\"text\":\"Hujan turun di Medan.\"}\n";

#[test]
fn no_path_reads_stdin_and_recognises_jsonl() {
    // Blank lines before the first `{` do not hide that it is JSONL.
    let out = indotag(
        &["tag", "--no-tokens"],
        b"\n  \n{\"id\":\"x\",\"text\":\"Pagi.\"}\n",
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let recs = records(&out);
    assert_eq!(recs.len(), 1);
    assert_eq!(recs[0]["id"], "x");
    assert_eq!(recs[0]["text"], "Pagi.");
}

#[test]
fn text_on_stdin_keeps_its_leading_blank_lines() {
    let out = indotag(
        &["tag", "-", "--no-tokens"],
        b"\n\nJudul berita\nIsi berita.",
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let recs = records(&out);
    assert_eq!(recs.len(), 1);
    assert_eq!(recs[0]["id"], "-");
    assert_eq!(recs[0]["text"], "\n\nJudul berita\nIsi berita.");
}

#[test]
fn input_format_text_overrides_the_sniffing() {
    let doc = b"{\"id\":\"x\",\"text\":\"Pagi.\"}\n";
    let out = indotag(&["tag", "--input-format", "text", "--no-tokens"], doc);
    let recs = records(&out);
    assert_eq!(recs.len(), 1);
    assert_eq!(recs[0]["text"], String::from_utf8_lossy(doc).as_ref());
}

#[test]
fn summary_line_and_stats_json_agree_with_the_records() {
    let dir = tempfile::tempdir().unwrap();
    let stats = dir.path().join("stats.json");
    let out = indotag(
        &[
            "tag",
            "--stats-json",
            stats.to_str().unwrap(),
            "--no-tokens",
        ],
        MIXED.as_bytes(),
    );
    assert_eq!(out.status.code(), Some(1));
    let recs = records(&out);
    let entities: usize = recs
        .iter()
        .map(|r| r["entities"].as_array().map_or(0, Vec::len))
        .sum();
    let quotes: usize = recs
        .iter()
        .map(|r| r["quotes"].as_array().map_or(0, Vec::len))
        .sum();
    assert!(entities >= 3 && quotes >= 1, "{recs:?}");
    let v: Value = serde_json::from_slice(&std::fs::read(&stats).unwrap()).unwrap();
    assert_eq!(v["documents"], 5);
    assert_eq!(v["errors"], 2);
    assert_eq!(v["entities"], entities);
    assert_eq!(v["quotes"], quotes);
    assert_eq!(v["bytes"], MIXED.len());
    assert_eq!(v["stopped"], false);
    // Standard error is a pipe here: the two error lines and the summary, no bar.
    let err = stderr(&out);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 3, "{err}");
    assert!(lines[2].starts_with(&format!(
        "indotag: 5 documents, 2 errors, {entities} entities, {quotes} quotes;"
    )));
    assert!(lines[2].contains("MB/s"), "{err}");
    assert!(
        !err.contains('\r') && !err.contains('\x1b'),
        "no bar: {err:?}"
    );
}

#[test]
fn quiet_leaves_only_the_errors() {
    let out = indotag(&["tag", "-q"], b"{\"id\":\"a\",\"text\":\"Pagi.\"}\n");
    assert!(out.status.success());
    assert_eq!(stderr(&out), "");
    let out = indotag(&["tag", "--quiet"], MIXED.as_bytes());
    assert_eq!(stderr(&out).lines().count(), 2, "{}", stderr(&out));
}

#[test]
fn max_errors_stops_the_run() {
    let out = indotag(&["tag", "--max-errors", "2", "-q"], MIXED.as_bytes());
    assert_eq!(out.status.code(), Some(1));
    let ids: Vec<String> = records(&out)
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect();
    // Stopped at the second failure: the record after it is not written.
    assert_eq!(ids.len(), 4, "{ids:?}");
    assert_eq!(ids[3], "d");
    assert!(stderr(&out).contains("stopped after 2 failed documents"));
    // One more allowed than fail: the run goes to its end.
    let out = indotag(&["tag", "--max-errors", "3", "-q"], MIXED.as_bytes());
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(records(&out).len(), 5);
}

#[test]
fn exit_zero_on_errors_still_writes_error_records() {
    let out = indotag(&["tag", "--exit-zero-on-errors", "-q"], MIXED.as_bytes());
    assert_eq!(out.status.code(), Some(0));
    let recs = records(&out);
    assert_eq!(recs.len(), 5);
    assert_eq!(recs.iter().filter(|r| r.get("error").is_some()).count(), 2);
    // A usage error is still one.
    let out = indotag(&["tag", "--exit-zero-on-errors", "--jobs", "0"], b"");
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn quiet_and_progress_exclude_each_other() {
    let out = indotag(&["tag", "-q", "--progress"], b"");
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn help_shows_exit_statuses_and_two_examples_per_subcommand() {
    for sub in [
        &["tag"][..],
        &["gazetteer"],
        &["gazetteer", "check"],
        &["gazetteer", "list"],
        &["eval"],
        &["stats"],
        &["completions"],
        &["man"],
    ] {
        let mut args = sub.to_vec();
        args.push("--help");
        let out = indotag(&args, b"");
        assert!(out.status.success(), "{sub:?}");
        let help = String::from_utf8_lossy(&out.stdout).into_owned();
        assert!(help.contains("Exit status:"), "{sub:?}: {help}");
        let examples = help.split("Examples:").nth(1).unwrap_or_default();
        let n = examples
            .lines()
            .filter(|l| l.trim_start().starts_with("indotag ") || l.contains("| indotag "))
            .count();
        assert_eq!(n, 2, "{sub:?}: {help}");
    }
}

#[test]
fn completions_generate_for_each_shell() {
    for (shell, marker) in [
        ("bash", "complete -F"),
        ("zsh", "#compdef indotag"),
        ("fish", "complete -c indotag"),
        ("powershell", "Register-ArgumentCompleter"),
    ] {
        let out = indotag(&["completions", shell], b"");
        assert!(out.status.success(), "{shell}: {}", stderr(&out));
        let script = String::from_utf8_lossy(&out.stdout);
        assert!(script.contains(marker), "{shell}");
        // The flags of `tag` are in it.
        assert!(script.contains("exit-zero-on-errors"), "{shell}");
    }
    assert_eq!(
        indotag(&["completions", "tcsh"], b"").status.code(),
        Some(2)
    );
}

#[test]
fn man_pages_generate() {
    let out = indotag(&["man"], b"");
    assert!(out.status.success());
    let page = String::from_utf8_lossy(&out.stdout);
    assert!(
        page.starts_with(".ie") || page.contains(".TH indotag 1"),
        "{page}"
    );
    assert!(page.contains(".TH indotag 1"));
    assert!(page.contains("completions"));
    let out = indotag(&["man", "tag"], b"");
    let page = String::from_utf8_lossy(&out.stdout);
    assert!(page.contains(".TH indotag-tag 1"), "{page}");
    assert!(page.contains("max\\-errors"), "{page}");
    assert_eq!(indotag(&["man", "nope"], b"").status.code(), Some(2));
}
