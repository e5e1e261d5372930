//! The progress bar, seen as a person sees it: the binary runs under a pseudo-terminal made by
//! `script` (util-linux, in every Debian and Ubuntu base system), and the test reads what it drew.
//! - stderr a terminal: the bar (with its ETA: the input is a file, so its size is known), then
//!   the summary line;
//! - stderr a file: the summary line only, no bar, no escape codes;
//! - `--quiet`: nothing at all.

use std::path::Path;
use std::process::Command;

/// A JSONL corpus of `n` short articles, written for this test.
fn corpus(dir: &Path, n: usize) -> String {
    let mut s = String::new();
    for i in 0..n {
        s.push_str(&format!(
            "{{\"id\":\"doc-{i}\",\"text\":\"Wali Kota Surabaya meresmikan taman ke-{i} pada Senin. \\\"Taman ini untuk warga,\\\" kata dia.\"}}\n"
        ));
    }
    let path = dir.join("korpus.jsonl");
    std::fs::write(&path, s).unwrap();
    path.to_string_lossy().into_owned()
}

/// Runs `shell_command` under a pseudo-terminal; returns what the terminal showed.
fn on_a_terminal(shell_command: &str) -> (i32, String) {
    let out = Command::new("script")
        .args(["-q", "-e", "-c", shell_command, "/dev/null"])
        // A real terminal type: with TERM unset or `dumb` there is no bar, by design.
        .env("TERM", "xterm")
        .output()
        .expect("`script` (util-linux) runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_indotag")
}

#[test]
fn a_terminal_gets_the_bar_and_the_summary() {
    let dir = tempfile::tempdir().unwrap();
    let input = corpus(dir.path(), 3000);
    let output = dir.path().join("out.jsonl");
    let (code, screen) = on_a_terminal(&format!(
        "{} tag {input} -o {} --jobs 2",
        bin(),
        output.display()
    ));
    assert_eq!(code, 0, "{screen}");
    assert!(screen.contains("ETA"), "bar drawn: {screen:?}");
    assert!(screen.contains(" documents, 0 errors"), "{screen:?}");
    // The bar is cleared (`\r`, erase line) and the summary written where it was.
    let at = screen
        .find("indotag: 3000 documents, 0 errors")
        .unwrap_or_else(|| panic!("summary line: {screen:?}"));
    let summary = screen[at..].lines().next().unwrap_or_default();
    assert!(summary.contains("MB/s"), "{summary}");
    assert_eq!(
        std::fs::read_to_string(&output).unwrap().lines().count(),
        3000
    );
}

#[test]
fn stderr_not_a_terminal_gets_the_summary_only() {
    let dir = tempfile::tempdir().unwrap();
    let input = corpus(dir.path(), 500);
    let err = dir.path().join("err.txt");
    let (code, screen) = on_a_terminal(&format!(
        "{} tag {input} -o {} 2>{}",
        bin(),
        dir.path().join("out.jsonl").display(),
        err.display()
    ));
    assert_eq!(code, 0, "{screen}");
    assert_eq!(screen, "", "nothing on the terminal");
    let err = std::fs::read_to_string(&err).unwrap();
    assert_eq!(err.lines().count(), 1, "{err:?}");
    assert!(
        err.starts_with("indotag: 500 documents, 0 errors"),
        "{err:?}"
    );
    assert!(!err.contains('\x1b') && !err.contains('\r'), "{err:?}");
}

#[test]
fn quiet_shows_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let input = corpus(dir.path(), 500);
    let (code, screen) = on_a_terminal(&format!(
        "{} tag {input} -o {} --quiet",
        bin(),
        dir.path().join("out.jsonl").display()
    ));
    assert_eq!(code, 0, "{screen}");
    assert_eq!(screen, "");
}

#[test]
fn no_path_with_a_terminal_on_stdin_is_a_usage_error() {
    // Nobody types a corpus: rather than wait silently, say what is missing.
    let (code, screen) = on_a_terminal(&format!("{} tag", bin()));
    assert_eq!(code, 2, "{screen}");
    assert!(screen.contains("no input"), "{screen:?}");
}
