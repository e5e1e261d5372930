//! Interrupted runs leave no trace (issue 11, item 5): SIGINT and SIGTERM remove the temporary
//! output file and the process dies by the signal (the shell's `$?` is 130 or 143); temporary
//! files of killed runs (SIGKILL) are removed by the next run into the same directory.

use std::fs;
use std::io::Write;
use std::os::unix::process::ExitStatusExt;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn temp_files(dir: &Path) -> Vec<(String, u64)> {
    fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().contains(".indotag-"))
        .map(|e| {
            let len = e.metadata().map(|m| m.len()).unwrap_or(0);
            (e.file_name().to_string_lossy().into_owned(), len)
        })
        .collect()
}

/// Starts a run on standard input that stays open (the "slow input"), waits until its temporary
/// file holds part of the output, sends `signal`, and checks what is left.
fn interrupt(signal: i32) {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("hasil.jsonl");
    fs::write(&out, "lama\n").unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_indotag"))
        .args(["tag", "-", "--input-format", "jsonl", "-j", "1", "-o"])
        .arg(&out)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("binary starts");
    // More than two batches (512 documents each): the first batch is written once the second
    // has been read, while stdin stays open.
    let mut stdin = child.stdin.take().unwrap();
    for i in 0..1100 {
        writeln!(
            stdin,
            "{{\"id\":\"d{i}\",\"text\":\"“Kami siap,” kata Budi di Surabaya, nomor {i}.\"}}"
        )
        .unwrap();
    }
    stdin.flush().unwrap();
    let start = Instant::now();
    loop {
        let temps = temp_files(dir.path());
        if temps.iter().any(|(_, len)| *len > 0) {
            break;
        }
        if start.elapsed() > Duration::from_secs(120) {
            let _ = child.kill();
            panic!("no partial output after 120 s: {temps:?}");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    // SAFETY: sending a signal to our own child process.
    assert_eq!(unsafe { libc::kill(child.id() as libc::pid_t, signal) }, 0);
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > Duration::from_secs(30) {
            let _ = child.kill();
            panic!("signal {signal} did not end the run");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    drop(stdin);
    // Died by the signal: the shell reports 128 + N.
    assert_eq!(status.signal(), Some(signal), "{status:?}");
    assert!(temp_files(dir.path()).is_empty(), "temporary file left");
    assert_eq!(
        fs::read_to_string(&out).unwrap(),
        "lama\n",
        "output replaced"
    );
}

#[test]
fn sigint_leaves_no_temporary_file() {
    interrupt(libc::SIGINT);
}

#[test]
fn sigterm_leaves_no_temporary_file() {
    interrupt(libc::SIGTERM);
}

#[test]
fn stale_temporary_files_of_dead_runs_are_removed() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("a.txt");
    fs::write(&input, "Satu dua tiga.").unwrap();
    // A PID that is surely gone: a child that has exited and been reaped.
    let mut gone = Command::new("true").spawn().unwrap();
    gone.wait().unwrap();
    let dead = gone.id();
    let alive = std::process::id();
    let stale = [
        format!(".hasil.jsonl.indotag-{dead}.tmp"),
        format!(".lain.jsonl.indotag-{dead}.tmp"),
    ];
    let kept = [
        format!(".hasil.jsonl.indotag-{alive}.tmp"),
        ".catatan.tmp".to_string(),
        format!("hasil.jsonl.indotag-{dead}.tmp"),
    ];
    for name in stale.iter().chain(&kept) {
        fs::write(dir.path().join(name), "sebagian").unwrap();
    }
    let out = dir.path().join("hasil.jsonl");
    let status = Command::new(env!("CARGO_BIN_EXE_indotag"))
        .args(["tag", input.to_str().unwrap(), "-o", out.to_str().unwrap()])
        .status()
        .unwrap();
    assert!(status.success());
    for name in &stale {
        assert!(!dir.path().join(name).exists(), "{name} was not removed");
    }
    for name in &kept {
        assert!(dir.path().join(name).exists(), "{name} was removed");
    }
    assert_eq!(fs::read_to_string(&out).unwrap().lines().count(), 1);
}
