//! `indotag tag -o` never destroys what it writes to (issue 11, item 1): devices and FIFOs are
//! written straight through, symlinks are followed, permissions kept, `-` is standard output, and
//! errors name the path the user gave. Many of these matter only when run as root (as CI is):
//! there a careless rename really replaces a device.

use std::fs;
use std::os::unix::fs::{FileTypeExt, PermissionsExt};
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::sync::mpsc;
use std::time::Duration;

const TEXT: &str = "“Kami siap,” kata Budi di Surabaya.";

fn run(args: &[&str], cwd: Option<&Path>, uid: Option<u32>) -> Output {
    command(args, cwd, uid).output().expect("binary runs")
}

fn command(args: &[&str], cwd: Option<&Path>, uid: Option<u32>) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_indotag"));
    cmd.args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    if let Some(dir) = cwd {
        cmd.current_dir(dir);
    }
    if let Some(uid) = uid {
        cmd.uid(uid).gid(uid);
    }
    cmd
}

/// Runs the binary as a user without privileges: itself, or `nobody` when it is root. `None`
/// when `nobody` may not run the binary (a checkout under a private directory): then the
/// unprivileged half of a test cannot be checked here.
fn run_unprivileged(args: &[&str]) -> Option<Output> {
    if !is_root() {
        return Some(run(args, None, None));
    }
    match command(args, None, Some(65534)).output() {
        Ok(out) => Some(out),
        Err(e) if e.kind() == std::io::ErrorKind::PermissionDenied => {
            eprintln!("not checked: user nobody cannot run the binary ({e})");
            None
        }
        Err(e) => panic!("binary runs: {e}"),
    }
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn is_root() -> bool {
    // SAFETY: geteuid has no preconditions and cannot fail.
    unsafe { libc::geteuid() == 0 }
}

/// A directory with one input article, `a.txt`.
fn setup() -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("a.txt");
    fs::write(&input, TEXT).unwrap();
    (dir, input.to_string_lossy().into_owned())
}

/// The records written for `a.txt`: one JSON line whose text is the input.
fn assert_one_record(bytes: &[u8]) {
    let s = String::from_utf8(bytes.to_vec()).expect("UTF-8 output");
    let lines: Vec<&str> = s.lines().collect();
    assert_eq!(lines.len(), 1, "{s:?}");
    let v: serde_json::Value = serde_json::from_str(lines[0]).unwrap();
    assert_eq!(v["text"], TEXT);
}

fn no_temp_files(dir: &Path) {
    let left: Vec<_> = fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".indotag-"))
        .collect();
    assert!(left.is_empty(), "temporary files left: {left:?}");
}

#[test]
fn character_devices_stay_devices() {
    let (dir, input) = setup();
    // First a private device with /dev/null's numbers (root only): if the build replaced it,
    // the test fails here, before it could harm the machine's own /dev/null.
    let private = dir.path().join("null");
    let c_path = std::ffi::CString::new(private.to_str().unwrap()).unwrap();
    // SAFETY: a valid NUL-terminated path; mknod only creates a directory entry.
    let made = unsafe { libc::mknod(c_path.as_ptr(), libc::S_IFCHR | 0o666, libc::makedev(1, 3)) };
    // (On a file system mounted `nodev` the node exists but cannot be opened: not checked.)
    let usable = made == 0 && fs::OpenOptions::new().write(true).open(&private).is_ok();
    if usable {
        let out = run(
            &["tag", &input, "-o", private.to_str().unwrap()],
            None,
            None,
        );
        assert!(out.status.success(), "{}", stderr(&out));
        let kind = fs::symlink_metadata(&private).unwrap().file_type();
        assert!(kind.is_char_device(), "the device was replaced");
        no_temp_files(dir.path());
    } else if made != 0 {
        assert!(!is_root(), "root can make a device node");
    }
    let out = run(&["tag", &input, "-o", "/dev/null"], None, None);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(out.stdout.is_empty());
    assert!(fs::metadata("/dev/null")
        .unwrap()
        .file_type()
        .is_char_device());
    // A device may be input and output at once (an empty document, written nowhere).
    let out = run(&["tag", "/dev/null", "-o", "/dev/null"], None, None);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(fs::metadata("/dev/null")
        .unwrap()
        .file_type()
        .is_char_device());
}

#[test]
fn dev_stdout_and_dash_write_to_standard_output() {
    let (dir, input) = setup();
    // A link to our own standard output, as /dev/stdout is: the records reach the pipe, the
    // link stays a link.
    let link = dir.path().join("keluar");
    std::os::unix::fs::symlink("/proc/self/fd/1", &link).unwrap();
    let out = run(&["tag", &input, "-o", link.to_str().unwrap()], None, None);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_one_record(&out.stdout);
    assert!(fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    no_temp_files(dir.path());

    let out = run(&["tag", &input, "-o", "/dev/stdout"], None, None);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_one_record(&out.stdout);
    assert!(fs::symlink_metadata("/dev/stdout")
        .unwrap()
        .file_type()
        .is_symlink());

    // `-o -` is standard output, not a file named `-`.
    let out = run(&["tag", &input, "-o", "-"], Some(dir.path()), None);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_one_record(&out.stdout);
    assert!(!dir.path().join("-").exists(), "a file named - was created");
}

#[test]
fn fifo_is_written_straight_through() {
    let (dir, input) = setup();
    let fifo = dir.path().join("pipa");
    let c_path = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c_path.as_ptr(), 0o644) }, 0);
    let (tx, rx) = mpsc::channel();
    let reader_path = fifo.clone();
    std::thread::spawn(move || {
        // Blocks until the writer opens the FIFO; a build that replaced it never does, and
        // the timeout below catches that.
        let _ = tx.send(fs::read(&reader_path));
    });
    let out = run(&["tag", &input, "-o", fifo.to_str().unwrap()], None, None);
    assert!(out.status.success(), "{}", stderr(&out));
    let got = rx
        .recv_timeout(Duration::from_secs(30))
        .expect("the reader got the output through the FIFO")
        .unwrap();
    assert_one_record(&got);
    assert!(fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo());
    no_temp_files(dir.path());
}

#[test]
fn symlink_is_followed_and_kept() {
    let (dir, input) = setup();
    fs::create_dir(dir.path().join("data")).unwrap();
    fs::create_dir(dir.path().join("links")).unwrap();
    let real = dir.path().join("data/hasil.jsonl");
    fs::write(&real, "lama\n").unwrap();
    let link = dir.path().join("links/hasil.jsonl");
    std::os::unix::fs::symlink("../data/hasil.jsonl", &link).unwrap();
    let out = run(&["tag", &input, "-o", link.to_str().unwrap()], None, None);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    assert_eq!(
        fs::read_link(&link).unwrap(),
        Path::new("../data/hasil.jsonl")
    );
    assert_one_record(&fs::read(&real).unwrap());
    no_temp_files(&dir.path().join("data"));
    no_temp_files(&dir.path().join("links"));

    // A dangling link: the file it names is created, the link stays.
    let dangling = dir.path().join("links/baru.jsonl");
    std::os::unix::fs::symlink("../data/baru.jsonl", &dangling).unwrap();
    let out = run(
        &["tag", &input, "-o", dangling.to_str().unwrap()],
        None,
        None,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(fs::symlink_metadata(&dangling)
        .unwrap()
        .file_type()
        .is_symlink());
    assert_one_record(&fs::read(dir.path().join("data/baru.jsonl")).unwrap());
}

/// Replaces an existing file of mode `mode` and checks that the output is there with that mode.
fn replace_keeping_mode(out_path: &Path, input: &str, mode: u32) {
    fs::write(out_path, "lama\n").unwrap();
    fs::set_permissions(out_path, fs::Permissions::from_mode(mode)).unwrap();
    let out = run(
        &["tag", input, "-o", out_path.to_str().unwrap()],
        None,
        None,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_one_record(&fs::read(out_path).unwrap());
    let got = fs::metadata(out_path).unwrap().permissions().mode() & 0o7777;
    assert_eq!(got, mode, "mode {got:o}, was {mode:o}");
}

#[test]
fn permissions_are_kept() {
    let (dir, input) = setup();
    replace_keeping_mode(&dir.path().join("hasil.jsonl"), &input, 0o640);
    replace_keeping_mode(&dir.path().join("skrip.jsonl"), &input, 0o750);
}

#[test]
fn read_only_file_is_refused_unless_root() {
    let (dir, input) = setup();
    let out_path = dir.path().join("arsip.jsonl");
    // Root may write a 0444 file, as with the shell's `>`: it is replaced and stays 0444.
    if is_root() {
        replace_keeping_mode(&out_path, &input, 0o444);
    }
    fs::write(&out_path, "lama\n").unwrap();
    fs::set_permissions(&out_path, fs::Permissions::from_mode(0o444)).unwrap();
    // Anyone else is refused, and the file is untouched (as root: the binary runs as `nobody`,
    // in a directory everyone may write).
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o777)).unwrap();
    fs::set_permissions(&input, fs::Permissions::from_mode(0o644)).unwrap();
    let Some(out) = run_unprivileged(&["tag", &input, "-o", out_path.to_str().unwrap()]) else {
        return;
    };
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains(out_path.to_str().unwrap()), "{err}");
    assert!(err.contains("permission denied"), "{err}");
    assert_eq!(fs::read_to_string(&out_path).unwrap(), "lama\n");
    no_temp_files(dir.path());
}

#[test]
fn unwritable_directory_error_names_the_given_path() {
    let (dir, input) = setup();
    let out = run(&["tag", &input, "-o", "/tidak/ada/hasil.jsonl"], None, None);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("-o /tidak/ada/hasil.jsonl"), "{err}");
    assert!(
        !err.contains(".indotag-"),
        "names the temporary file: {err}"
    );

    // A directory the user may not write (as root: run as `nobody`).
    let locked = dir.path().join("terkunci");
    fs::create_dir(&locked).unwrap();
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).unwrap();
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o555)).unwrap();
    fs::set_permissions(&input, fs::Permissions::from_mode(0o644)).unwrap();
    let target = locked.join("hasil.jsonl");
    let Some(out) = run_unprivileged(&["tag", &input, "-o", target.to_str().unwrap()]) else {
        return;
    };
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains(target.to_str().unwrap()), "{err}");
    assert!(
        !err.contains(".indotag-"),
        "names the temporary file: {err}"
    );
    assert!(!target.exists());
}

#[test]
fn block_devices_directories_and_own_input_are_refused() {
    let (dir, input) = setup();
    let out = run(
        &["tag", &input, "-o", dir.path().to_str().unwrap()],
        None,
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("is a directory"));

    let blk = dir.path().join("disk");
    let c_path = std::ffi::CString::new(blk.to_str().unwrap()).unwrap();
    // SAFETY: a valid NUL-terminated path; a node for the loop device, never opened here.
    if unsafe { libc::mknod(c_path.as_ptr(), libc::S_IFBLK | 0o600, libc::makedev(7, 0)) } == 0 {
        let out = run(&["tag", &input, "-o", blk.to_str().unwrap()], None, None);
        assert_eq!(out.status.code(), Some(2));
        assert!(
            stderr(&out).contains("is a block device"),
            "{}",
            stderr(&out)
        );
        assert!(fs::symlink_metadata(&blk)
            .unwrap()
            .file_type()
            .is_block_device());
    }

    // The run's own output as an explicit input: refused before anything is written.
    let out_path = dir.path().join("a.jsonl");
    fs::write(&out_path, "{\"text\":\"Halo.\"}\n").unwrap();
    let p = out_path.to_str().unwrap();
    let out = run(&["tag", p, "-o", p], None, None);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("both an input and the output"));
    assert_eq!(
        fs::read_to_string(&out_path).unwrap(),
        "{\"text\":\"Halo.\"}\n"
    );
}

#[test]
fn a_closed_stdout_pipe_ends_the_run_quietly() {
    // `indotag tag big.jsonl | head -1`: the reader goes away after one line.
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("banyak.jsonl");
    let line = format!("{{\"text\":{}}}\n", serde_json::to_string(TEXT).unwrap());
    fs::write(&input, line.repeat(2000)).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_indotag"))
        .args(["tag", input.to_str().unwrap()])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = std::io::BufReader::new(child.stdout.take().unwrap());
    let mut first = String::new();
    std::io::BufRead::read_line(&mut stdout, &mut first).unwrap();
    drop(stdout);
    let out = child.wait_with_output().unwrap();
    assert_one_record(first.as_bytes());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stderr(&out), "");
}
