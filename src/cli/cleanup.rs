//! Temporary output files never outlive the run that wrote them.
//!
//! `-o FILE` writes `.FILE.indotag-PID.tmp` beside the file and renames it at the end. Two things
//! could leave it behind, the size of the output so far:
//!
//! - SIGINT (Ctrl-C), SIGTERM or SIGHUP: a watcher thread (signal-hook) removes the temporary
//!   file and then lets the signal kill the process with its default action, as GNU `sort` does.
//!   Dying *by the signal* (rather than exiting 130) is what the shell expects: it reports
//!   `$?` = 128 + N (130 for SIGINT, 143 for SIGTERM), and a shell loop around the command
//!   stops on Ctrl-C instead of going on to the next iteration.
//! - SIGKILL or a crash, which no process can catch: the next run that writes into the same
//!   directory removes every `.NAME.indotag-PID.tmp` there whose process no longer exists.
//!   (A file whose PID has been reused by another process stays until a later run.)

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, Once};

use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};

/// The temporary file being written now, if any. The signal watcher and the final rename both
/// hold the lock, so a signal during the rename waits for it: the file is removed or renamed,
/// never both or neither.
static PENDING: Mutex<Option<PathBuf>> = Mutex::new(None);

fn pending() -> MutexGuard<'static, Option<PathBuf>> {
    PENDING
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// A temporary file registered for removal on a signal, on an error, or when dropped before
/// [`Pending::settle`].
pub struct Pending(PathBuf);

impl Pending {
    /// Registers `tmp` before it is created (so that no signal can fall between creating and
    /// registering it) and makes sure the signal watcher runs.
    pub fn register(tmp: &Path) -> Pending {
        watch_signals();
        *pending() = Some(tmp.to_path_buf());
        Pending(tmp.to_path_buf())
    }

    /// Runs `finish` (the rename) with the signal watcher held off, then forgets the file.
    pub fn settle<T>(self, finish: impl FnOnce() -> T) -> T {
        let mut guard = pending();
        let result = finish();
        *guard = None;
        result
    }
}

impl Drop for Pending {
    /// The run failed before the rename: the temporary file goes.
    fn drop(&mut self) {
        let mut guard = pending();
        if guard.as_deref() == Some(self.0.as_path()) {
            let _ = fs::remove_file(&self.0);
            *guard = None;
        }
    }
}

/// Starts, once per process, the thread that cleans up on SIGINT, SIGTERM and SIGHUP.
fn watch_signals() {
    static START: Once = Once::new();
    START.call_once(|| {
        // A signal the parent set to be ignored (`nohup`, a background job of a script) stays
        // ignored, as in GNU coreutils: the user asked that it not stop us.
        let watched: Vec<i32> = [SIGINT, SIGTERM, SIGHUP]
            .into_iter()
            .filter(|&s| !ignored(s))
            .collect();
        let Ok(mut signals) = signal_hook::iterator::Signals::new(watched) else {
            // Without the watcher a signal kills the process at once; the next run's stale
            // cleanup then removes the temporary file.
            return;
        };
        let spawned = std::thread::Builder::new()
            .name("indotag-signals".into())
            .spawn(move || {
                if let Some(signal) = signals.forever().next() {
                    let guard = pending();
                    if let Some(tmp) = guard.as_deref() {
                        let _ = fs::remove_file(tmp);
                    }
                    // Die by the signal, holding the lock so no rename can follow.
                    let _ = signal_hook::low_level::emulate_default_handler(signal);
                    std::process::exit(128 + signal);
                }
            });
        drop(spawned);
    });
}

/// Whether `signal` is set to be ignored (inherited from the parent).
fn ignored(signal: i32) -> bool {
    // SAFETY: a zeroed sigaction is a valid out-parameter; a null new action only queries.
    unsafe {
        let mut old: libc::sigaction = std::mem::zeroed();
        libc::sigaction(signal, std::ptr::null(), &mut old) == 0
            && old.sa_sigaction == libc::SIG_IGN
    }
}

/// Removes the `.NAME.indotag-PID.tmp` files in `dir` whose process is gone (left by a run that
/// was killed with SIGKILL or crashed). Errors are ignored: this is housekeeping, and a file it
/// cannot remove hurts nothing.
pub fn remove_stale(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let me = std::process::id();
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(pid) = name.to_str().and_then(temp_pid) else {
            continue;
        };
        let is_file = entry.file_type().is_ok_and(|t| t.is_file());
        if pid != me && is_file && !alive(pid) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// The PID in a name of the form `.NAME.indotag-PID.tmp`.
fn temp_pid(name: &str) -> Option<u32> {
    let rest = name.strip_prefix('.')?.strip_suffix(".tmp")?;
    let (stem, pid) = rest.rsplit_once(".indotag-")?;
    if stem.is_empty() || pid.is_empty() || !pid.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    pid.parse().ok().filter(|&p| p > 0)
}

/// Whether a process with this PID exists (signal 0 checks without sending anything; EPERM
/// means it exists but belongs to someone else).
fn alive(pid: u32) -> bool {
    let Ok(pid) = libc::pid_t::try_from(pid) else {
        return false;
    };
    // SAFETY: kill with signal 0 sends nothing; it only checks that the process exists.
    if unsafe { libc::kill(pid, 0) } == 0 {
        return true;
    }
    io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn temp_names_are_recognised_exactly() {
        assert_eq!(temp_pid(".hasil.jsonl.indotag-4242.tmp"), Some(4242));
        assert_eq!(temp_pid(".a.b.indotag-7.tmp"), Some(7));
        for other in [
            "hasil.jsonl.indotag-4242.tmp",
            ".hasil.jsonl.indotag-.tmp",
            ".hasil.jsonl.indotag-42x.tmp",
            ".indotag-42.tmp",
            ".hasil.jsonl.indotag-0.tmp",
            ".catatan.tmp",
        ] {
            assert_eq!(temp_pid(other), None, "{other}");
        }
    }

    #[test]
    fn this_process_is_alive() {
        assert!(alive(std::process::id()));
    }
}
