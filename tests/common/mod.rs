//! Helpers shared by the integration tests that run the `indotag` binary.

use std::io::Write;
use std::process::{Command, Output, Stdio};

/// Runs `indotag ARGS` with `stdin` on standard input and collects its output.
///
/// Standard input is fed from another thread: a large input would otherwise fill the pipes
/// both ways and deadlock.
pub fn run_indotag(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_indotag"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("binary starts");
    let mut pipe = child.stdin.take().expect("stdin is piped");
    let input = stdin.to_vec();
    let feeder = std::thread::spawn(move || {
        let _ = pipe.write_all(&input);
    });
    let out = child.wait_with_output().expect("binary finishes");
    feeder.join().expect("stdin feeder");
    out
}
