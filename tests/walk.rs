//! Directory walks (issue 11, item 3): symlink loops end, links are followed only with `-L`,
//! hidden and `.gitignore`d files are skipped unless asked, `.ndjson` is JSON Lines, FIFOs are
//! never opened, and a run never reads its own output. Every run has a timeout: the bugs these
//! tests guard against made the walk hang.

use std::fs;
use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

struct Run {
    code: Option<i32>,
    ids: Vec<String>,
    stderr: String,
}

/// Runs `indotag tag ARGS --no-tokens`; kills it and fails after 60 s.
fn tag(args: &[&str]) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_indotag"))
        .arg("tag")
        .args(args)
        .arg("--no-tokens")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("binary starts");
    let mut stdout = child.stdout.take().unwrap();
    let mut stderr = child.stderr.take().unwrap();
    let out_reader = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = stdout.read_to_string(&mut s);
        s
    });
    let err_reader = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = stderr.read_to_string(&mut s);
        s
    });
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > Duration::from_secs(60) {
            let _ = child.kill();
            let _ = child.wait();
            panic!("indotag tag {args:?} did not finish in 60 s");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let out = out_reader.join().unwrap();
    let ids = out
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("a JSON record");
            v["id"].as_str().unwrap().to_string()
        })
        .collect();
    Run {
        code: status.code(),
        ids,
        stderr: err_reader.join().unwrap(),
    }
}

fn write(dir: &Path, name: &str, text: &str) {
    let path = dir.join(name);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, text).unwrap();
}

/// The ids relative to `dir`, for readable assertions.
fn rel(dir: &Path, ids: &[String]) -> Vec<String> {
    let prefix = format!("{}/", dir.display());
    ids.iter()
        .map(|id| id.strip_prefix(&prefix).unwrap_or(id).to_string())
        .collect()
}

/// `ln -s . self` had each file tagged 41 times; with a second loop link the walk never ended.
#[test]
fn loop_links_tag_each_file_once_and_terminate() {
    let one_loop: &[(&str, &str)] = &[("self", ".")];
    let two_loops: &[(&str, &str)] = &[("self", "."), ("sub/up", "..")];
    for links in [one_loop, two_loops] {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "a.txt", "Satu.");
        write(dir.path(), "sub/b.txt", "Dua.");
        for (name, target) in links {
            std::os::unix::fs::symlink(target, dir.path().join(name)).unwrap();
        }
        let d = dir.path().to_str().unwrap();
        for flags in [&[][..], &["-L"][..]] {
            let run = tag(&[&[d][..], flags].concat());
            assert_eq!(run.code, Some(0), "{links:?} {flags:?}: {}", run.stderr);
            let ids = rel(dir.path(), &run.ids);
            assert_eq!(ids, ["a.txt", "sub/b.txt"], "{links:?} {flags:?}");
        }
    }
}

#[test]
fn links_are_followed_only_with_follow() {
    let root = tempfile::tempdir().unwrap();
    write(root.path(), "korpus/a.txt", "Satu.");
    write(root.path(), "lain/b.txt", "Dua.");
    write(
        root.path(),
        "lain/c.jsonl",
        "{\"id\":\"c\",\"text\":\"Tiga.\"}\n",
    );
    let korpus = root.path().join("korpus");
    std::os::unix::fs::symlink("../lain", korpus.join("tautan")).unwrap();
    std::os::unix::fs::symlink("../lain/b.txt", korpus.join("berkas.txt")).unwrap();
    let k = korpus.to_str().unwrap();

    let run = tag(&[k]);
    assert_eq!(rel(&korpus, &run.ids), ["a.txt"]);

    // With -L both links are followed; b.txt, reached twice, is read once (at its first name).
    let run = tag(&[k, "-L"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert_eq!(rel(&korpus, &run.ids), ["a.txt", "berkas.txt", "c"]);

    // A link named on the command line is always followed.
    let link = root.path().join("pintasan");
    std::os::unix::fs::symlink("korpus", &link).unwrap();
    let run = tag(&[link.to_str().unwrap()]);
    assert_eq!(rel(&link, &run.ids), ["a.txt"]);
}

#[test]
fn hidden_and_ignored_files_are_skipped_unless_asked() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", "Satu.");
    write(dir.path(), ".draf.txt", "Belum terbit.");
    write(dir.path(), ".arsip/lama.txt", "Lama.");
    write(dir.path(), ".gitignore", "sampah.txt\ntmp/\n");
    write(dir.path(), "sampah.txt", "Sampah.");
    write(dir.path(), "tmp/x.txt", "Sementara.");
    write(dir.path(), "z.txt", "Akhir.");
    let d = dir.path().to_str().unwrap();

    assert_eq!(rel(dir.path(), &tag(&[d]).ids), ["a.txt", "z.txt"]);
    assert_eq!(
        rel(dir.path(), &tag(&[d, "--hidden"]).ids),
        [".arsip/lama.txt", ".draf.txt", "a.txt", "z.txt"]
    );
    assert_eq!(
        rel(dir.path(), &tag(&[d, "--no-ignore"]).ids),
        ["a.txt", "sampah.txt", "tmp/x.txt", "z.txt"]
    );
    // A hidden file named on the command line is read.
    let draf = dir.path().join(".draf.txt");
    assert_eq!(tag(&[draf.to_str().unwrap()]).ids.len(), 1);
}

#[test]
fn ndjson_is_json_lines_and_fifos_are_not_opened() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "b.ndjson",
        "{\"id\":\"n1\",\"text\":\"Satu.\"}\n{\"id\":\"n2\",\"text\":\"Dua.\"}\n",
    );
    let fifo = std::ffi::CString::new(dir.path().join("pipa.txt").to_str().unwrap()).unwrap();
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(fifo.as_ptr(), 0o644) }, 0);
    let run = tag(&[dir.path().to_str().unwrap()]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert_eq!(run.ids, ["n1", "n2"]);
}

#[test]
fn the_output_file_inside_the_input_directory_is_not_read() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", "Satu.");
    write(dir.path(), "b.txt", "Dua.");
    let d = dir.path().to_str().unwrap();
    let out = dir.path().join("hasil.jsonl");
    let o = out.to_str().unwrap();
    for _ in 0..2 {
        // The second run finds the first run's hasil.jsonl in the directory: it is not input.
        let run = tag(&[d, "-o", o]);
        assert_eq!(run.code, Some(0), "{}", run.stderr);
        let text = fs::read_to_string(&out).unwrap();
        let ids: Vec<String> = text
            .lines()
            .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["id"].to_string())
            .collect();
        assert_eq!(ids.len(), 2, "{ids:?}");
    }
    // Reached through a link too.
    let alias = tempfile::tempdir().unwrap();
    let link = alias.path().join("hasil.jsonl");
    std::os::unix::fs::symlink(&out, &link).unwrap();
    let run = tag(&[d, "-o", link.to_str().unwrap()]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert_eq!(fs::read_to_string(&out).unwrap().lines().count(), 2);
}
