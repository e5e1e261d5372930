//! Writing to the terminal without panicking. `eprintln!`/`println!` panic when the stream is
//! closed (`indotag gazetteer check BAD 2>&1 | head -1` closes both), and a panic is exit 101
//! and a backtrace hint for what is an ordinary way to run a command. Messages to standard
//! error are best effort: if nobody reads them, the run goes on with its real output.

use std::fmt::Display;
use std::io::{self, Write};

/// Writes one line to standard error, ignoring a closed or failing stream.
pub fn warn(msg: impl Display) {
    let _ = writeln!(io::stderr().lock(), "{msg}");
}

/// Writes `text` to standard output; a closed pipe (`| head`) is not an error.
pub fn print(text: &str) -> io::Result<()> {
    let mut out = io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}
