//! Where `indotag tag` writes its records (`-o`), without ever damaging what is already there.
//!
//! People run the tool as root over millions of pages, so `-o` does what careful Unix tools do
//! (GNU `sort -o`, `sed -i`):
//!
//! - a regular file, or a path that does not exist yet, is replaced atomically: the records go to
//!   a hidden temporary file beside it, renamed over it only when everything was written, so an
//!   interrupted run never leaves half a corpus under the final name. The replaced file keeps its
//!   permissions (and, for root, its owner). A file the user may not write (mode 0444 for a
//!   non-root user) is refused, as the shell's `>` would refuse it: root may write it, as with
//!   `>`, and the mode stays 0444.
//! - a symbolic link is followed to the file it names: that file is replaced, the link stays.
//! - character devices (`/dev/null`, a terminal) and FIFOs are written straight through: they
//!   cannot be replaced without destroying them, and there is nothing to make atomic.
//! - `-o -`, and a path that is this process's own standard output or error (`/dev/stdout`,
//!   `/proc/self/fd/1`), write to that stream as it is (an `>>` append stays an append).
//! - block devices and sockets are refused.
//!
//! Errors name the path the user gave, never the hidden temporary name.

use std::ffi::OsString;
use std::fs::{self, File, OpenOptions};
use std::io::{self, BufWriter, Write};
use std::os::fd::AsFd;
use std::os::unix::fs::{FileTypeExt, MetadataExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

use indotag::input::FileId;

use super::cleanup::{self, Pending};
use super::Failure;

/// Where the records of one run go; decided once, before any input is read.
#[derive(Debug)]
pub enum Sink {
    /// Standard output: no `-o`, `-o -`, or a path that is our standard output.
    Stdout,
    /// Our standard error, named by path (`-o /dev/stderr`).
    Stderr,
    /// A character device or FIFO, opened by the path the user gave and written straight through.
    Stream { given: PathBuf },
    /// A regular file or a new path (`target`, symlinks resolved), replaced atomically.
    Replace {
        given: PathBuf,
        target: PathBuf,
        existing: Option<fs::Metadata>,
    },
}

impl Sink {
    /// Decides how to write to `-o PATH` (or standard output without `-o`), checking what is
    /// there now: nothing is created or changed yet.
    pub fn plan(given: Option<&Path>) -> Result<Sink, Failure> {
        let Some(given) = given.filter(|p| p.as_os_str() != "-") else {
            return Ok(Sink::Stdout);
        };
        let shown = given.display();
        let meta = match fs::metadata(given) {
            Ok(meta) => meta,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                // A new path, or a dangling link: create the file the link names.
                let target = resolve_links(given)?;
                file_name_of(given, &target)?;
                return Ok(Sink::Replace {
                    given: given.to_path_buf(),
                    target,
                    existing: None,
                });
            }
            Err(e) => return Err(Failure::Fatal(format!("-o {shown}: {e}"))),
        };
        let id = FileId::of(&meta);
        if id.is_some() && std_stream_id(io::stdout().as_fd()) == id {
            return Ok(Sink::Stdout);
        }
        if id.is_some() && std_stream_id(io::stderr().as_fd()) == id {
            return Ok(Sink::Stderr);
        }
        let kind = meta.file_type();
        if kind.is_char_device() || kind.is_fifo() {
            return Ok(Sink::Stream {
                given: given.to_path_buf(),
            });
        }
        if !kind.is_file() {
            let what = if kind.is_dir() {
                "is a directory"
            } else if kind.is_block_device() {
                "is a block device"
            } else if kind.is_socket() {
                "is a socket"
            } else {
                "is not a regular file"
            };
            return Err(Failure::Usage(format!(
                "-o {shown}: {what} (-o writes to a regular file, a new path, a character device such as /dev/null, a FIFO, or - for standard output)"
            )));
        }
        let target = resolve_links(given)?;
        file_name_of(given, &target)?;
        // Opening for writing (without truncating) asks the kernel the shell's question: may
        // this user write this file? A read-only file is refused, not silently replaced.
        if let Err(e) = OpenOptions::new().write(true).open(&target) {
            let why = if e.kind() == io::ErrorKind::PermissionDenied {
                format!(
                    "permission denied (mode {:o}: indotag replaces only a file you may write)",
                    meta.permissions().mode() & 0o7777
                )
            } else {
                e.to_string()
            };
            return Err(Failure::Fatal(format!("-o {shown}: {why}")));
        }
        Ok(Sink::Replace {
            given: given.to_path_buf(),
            target,
            existing: Some(meta),
        })
    }

    /// The identity of the existing output file, so that a directory walk can skip it and an
    /// explicit input can be refused: a run never reads its own output.
    pub fn existing_id(&self) -> Option<FileId> {
        let path = match self {
            Sink::Stdout | Sink::Stderr => return None,
            Sink::Stream { given } => given,
            Sink::Replace { target, .. } => target,
        };
        FileId::of_path(path)
    }

    /// Files a directory walk must never read: the output, and our standard output and error
    /// when they are regular files (`indotag tag dir/ > dir/out.jsonl`), which would otherwise
    /// be read while they grow.
    pub fn skip_ids(&self) -> Vec<FileId> {
        let regular = |fd: std::os::fd::BorrowedFd<'_>| {
            let file = File::from(fd.try_clone_to_owned().ok()?);
            let meta = file.metadata().ok()?;
            meta.is_file().then(|| FileId::of(&meta)).flatten()
        };
        let ids = [
            self.existing_id(),
            regular(io::stdout().as_fd()),
            regular(io::stderr().as_fd()),
        ];
        ids.into_iter().flatten().collect()
    }

    /// Runs `f` with a writer to this sink and finishes the write (flush; for a replaced file:
    /// sync, keep the permissions, rename). Returns what `f` returned. A reader that closes the
    /// stream early (`| head`) ends the run quietly, with `quiet` as the result.
    pub fn write<T>(
        &self,
        quiet: T,
        f: impl FnOnce(&mut dyn Write) -> io::Result<T>,
    ) -> Result<T, Failure> {
        match self {
            Sink::Stdout => {
                // Through a duplicate of the standard output's descriptor, not `io::stdout()`:
                // that is a `LineWriter`, which searched each vectored write (the records of a
                // batch go out 256 KB at a time) for line breaks, for the sake of interleaved
                // writers, and only `tag` writes here. (Descriptor closed: as before.)
                match io::stdout().as_fd().try_clone_to_owned() {
                    Ok(fd) => stream(quiet, "standard output", File::from(fd), f),
                    Err(_) => {
                        let stdout = io::stdout();
                        stream(quiet, "standard output", stdout.lock(), f)
                    }
                }
            }
            Sink::Stderr => {
                let stderr = io::stderr();
                stream(quiet, "standard error", stderr.lock(), f)
            }
            Sink::Stream { given } => {
                let file = OpenOptions::new()
                    .write(true)
                    .open(given)
                    .map_err(|e| Failure::Fatal(format!("-o {}: {e}", given.display())))?;
                stream(quiet, &format!("-o {}", given.display()), file, f)
            }
            Sink::Replace {
                given,
                target,
                existing,
            } => replace(given, target, existing.as_ref(), f),
        }
    }
}

/// Writes straight through to a stream; a closed reader (`EPIPE`) is not an error.
fn stream<T>(
    quiet: T,
    name: &str,
    out: impl Write,
    f: impl FnOnce(&mut dyn Write) -> io::Result<T>,
) -> Result<T, Failure> {
    let mut out = BufWriter::with_capacity(1 << 16, out);
    match f(&mut out).and_then(|n| out.flush().map(|()| n)) {
        Ok(n) => Ok(n),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(quiet),
        Err(e) => Err(Failure::Fatal(format!("writing {name}: {e}"))),
    }
}

/// Writes a hidden temporary file beside `target` and renames it over `target` when all went
/// well; removes it on any error.
fn replace<T>(
    given: &Path,
    target: &Path,
    existing: Option<&fs::Metadata>,
    f: impl FnOnce(&mut dyn Write) -> io::Result<T>,
) -> Result<T, Failure> {
    let shown = given.display();
    let dir = parent_dir(target);
    let tmp = temp_path(target);
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    if let Some(meta) = existing {
        // Created with the final mode (never wider than the file it replaces).
        options.mode(meta.permissions().mode() & 0o777);
    }
    // Files left by killed runs go first; ours is registered before it exists, so that a
    // signal at any moment removes it.
    cleanup::remove_stale(dir);
    let pending = Pending::register(&tmp);
    // A file left by an earlier process with our PID is stale by definition.
    let _ = fs::remove_file(&tmp);
    let file = options.open(&tmp).map_err(|e| {
        Failure::Fatal(format!(
            "-o {shown}: cannot create a file in directory {}: {e}",
            dir.display()
        ))
    })?;
    let mut out = BufWriter::with_capacity(1 << 16, file);
    let written = f(&mut out).and_then(|n| {
        out.flush()?;
        let file = out.get_ref();
        if let Some(meta) = existing {
            keep_owner_and_mode(file, meta)?;
        }
        file.sync_all()?;
        Ok(n)
    });
    let n = match written {
        Ok(n) => n,
        Err(e) => {
            drop(out);
            drop(pending);
            return Err(Failure::Fatal(format!("writing -o {shown}: {e}")));
        }
    };
    drop(out);
    let renamed = pending.settle(|| {
        fs::rename(&tmp, target).inspect_err(|_| {
            let _ = fs::remove_file(&tmp);
        })
    });
    renamed.map_err(|e| {
        Failure::Fatal(format!(
            "-o {shown}: cannot replace {}: {e}",
            target.display()
        ))
    })?;
    Ok(n)
}

/// The replaced file's owner (when we may set it: root) and permission bits, setuid and all.
fn keep_owner_and_mode(file: &File, meta: &fs::Metadata) -> io::Result<()> {
    // Only root may give a file away; anyone else gets the file as their own, as with `sed -i`.
    let _ = std::os::unix::fs::fchown(file, Some(meta.uid()), Some(meta.gid()));
    file.set_permissions(fs::Permissions::from_mode(
        meta.permissions().mode() & 0o7777,
    ))
}

/// `.NAME.indotag-PID.tmp` beside `target`: hidden, so directory walks skip it, and named for the
/// process, so a later run can tell a stale one.
pub fn temp_path(target: &Path) -> PathBuf {
    let mut name = OsString::from(".");
    name.push(target.file_name().unwrap_or_default());
    name.push(format!(".indotag-{}.tmp", std::process::id()));
    parent_dir(target).join(name)
}

/// The directory that holds `path` (`.` for a bare file name).
pub fn parent_dir(path: &Path) -> &Path {
    path.parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// `-o .` or `-o dir/..` name no file to create.
fn file_name_of(given: &Path, target: &Path) -> Result<(), Failure> {
    match target.file_name() {
        Some(_) => Ok(()),
        None => Err(Failure::Usage(format!(
            "-o {}: not a file name",
            given.display()
        ))),
    }
}

/// Follows a chain of symbolic links to the path it ends at (which may not exist yet), as the
/// kernel would, so that the file is replaced and the links stay.
fn resolve_links(given: &Path) -> Result<PathBuf, Failure> {
    let mut path = given.to_path_buf();
    // Linux's own limit on links in one lookup.
    for _ in 0..40 {
        match fs::symlink_metadata(&path) {
            Ok(m) if m.file_type().is_symlink() => {
                let link = fs::read_link(&path)
                    .map_err(|e| Failure::Usage(format!("-o {}: {e}", given.display())))?;
                path = match path.parent() {
                    Some(dir) => dir.join(link),
                    None => link,
                };
            }
            _ => return Ok(path),
        }
    }
    Err(Failure::Usage(format!(
        "-o {}: too many levels of symbolic links",
        given.display()
    )))
}

/// The device and inode behind one of our standard streams, if it is open.
fn std_stream_id(fd: std::os::fd::BorrowedFd<'_>) -> Option<FileId> {
    let file = File::from(fd.try_clone_to_owned().ok()?);
    FileId::of(&file.metadata().ok()?)
}

/// Refuses a run whose explicit input is its own output file (a directory walk skips it
/// instead): reading a file while it is replaced, or a FIFO both ways, is never what was meant.
pub fn refuse_output_as_input(sink: &Sink, inputs: &[PathBuf]) -> Result<(), Failure> {
    // A character device may be both (`indotag tag /dev/null -o /dev/null`); a file or FIFO not.
    if let Sink::Stream { given } = sink {
        if fs::metadata(given).is_ok_and(|m| m.file_type().is_char_device()) {
            return Ok(());
        }
    }
    let Some(out) = sink.existing_id() else {
        return Ok(());
    };
    for p in inputs {
        if p.as_os_str() == "-" {
            continue;
        }
        if let Ok(m) = fs::metadata(p) {
            if !m.is_dir() && FileId::of(&m) == Some(out) {
                return Err(Failure::Usage(format!(
                    "{} is both an input and the output (-o)",
                    p.display()
                )));
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_resolve_relative_to_their_directory() {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir(dir.path().join("a")).unwrap();
        fs::create_dir(dir.path().join("b")).unwrap();
        std::os::unix::fs::symlink("../b/real.jsonl", dir.path().join("a/link")).unwrap();
        std::os::unix::fs::symlink("a/link", dir.path().join("top")).unwrap();
        let got = resolve_links(&dir.path().join("top")).unwrap();
        assert_eq!(
            fs::canonicalize(got.parent().unwrap()).unwrap(),
            fs::canonicalize(dir.path().join("b")).unwrap()
        );
        assert_eq!(got.file_name().unwrap(), "real.jsonl");
    }

    #[test]
    fn temp_name_is_hidden_beside_the_target() {
        let t = temp_path(Path::new("out/hasil.jsonl"));
        let name = t.file_name().unwrap().to_string_lossy().into_owned();
        assert_eq!(t.parent().unwrap(), Path::new("out"));
        assert_eq!(
            name,
            format!(".hasil.jsonl.indotag-{}.tmp", std::process::id())
        );
        assert_eq!(temp_path(Path::new("x")).parent().unwrap(), Path::new("."));
    }
}
