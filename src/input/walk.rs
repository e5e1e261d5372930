//! Walking directories given on the command line, safely and reproducibly.
//!
//! Real corpora sit in directories full of surprises: a `ln -s . self` made each file be read
//! 41 times, two such links never ended. The walk is the `ignore` crate's (ripgrep's walker):
//!
//! - symbolic links inside a walked directory are skipped unless [`WalkOptions::follow_links`]
//!   (`-L`); when followed, a link back to a directory being walked is a loop and is skipped, and
//!   a file reached twice (two links to one directory) is read once. A directory named on the
//!   command line is followed even when it is a link.
//! - hidden files and directories (names starting with `.`) are skipped unless
//!   [`WalkOptions::hidden`]; files matched by a `.gitignore` or `.ignore` file inside the walked
//!   directory are skipped unless [`WalkOptions::no_ignore`] (with or without a git repository;
//!   ignore files above the walked directory, and the user's global git excludes, do not count).
//! - only regular files named `*.txt`, `*.jsonl` or `*.ndjson` are read: a FIFO or a device
//!   inside a directory is never opened.
//! - the files in [`WalkOptions::skip`] (the run's own output) are never read, whatever their
//!   name.
//! - the order is sorted by file name, depth first, so runs are reproducible.

use std::fs::Metadata;
use std::io;
use std::path::{Path, PathBuf};

use rustc_hash::FxHashSet;

/// A file's identity (device and inode), to recognise it under any name or link.
///
/// ```
/// use indotag::input::FileId;
/// let here = FileId::of_path("Cargo.toml".as_ref());
/// assert!(here.is_some());
/// assert_eq!(here, FileId::of_path("./Cargo.toml".as_ref()));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct FileId {
    dev: u64,
    ino: u64,
}

impl FileId {
    /// The identity of a file from its metadata (`None` where the platform has no inodes).
    pub fn of(meta: &Metadata) -> Option<FileId> {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            Some(FileId {
                dev: meta.dev(),
                ino: meta.ino(),
            })
        }
        #[cfg(not(unix))]
        {
            let _ = meta;
            None
        }
    }

    /// The identity of the file at `path` (links followed), if it exists.
    pub fn of_path(path: &Path) -> Option<FileId> {
        std::fs::metadata(path).ok().as_ref().and_then(FileId::of)
    }
}

/// How directories named as inputs are walked. The default is the safe one: no symlinks
/// followed, hidden and ignored files skipped.
///
/// ```
/// use indotag::input::{InputOptions, Reader, WalkOptions};
/// let dir = std::env::temp_dir().join(format!("indotag-walk-doc-{}", std::process::id()));
/// std::fs::create_dir_all(&dir).unwrap();
/// std::fs::write(dir.join("a.txt"), "Halo.").unwrap();
/// std::fs::write(dir.join(".draf.txt"), "Belum.").unwrap();
/// let walk = WalkOptions::default();
/// let ids: Vec<_> = Reader::with_walk(&[dir.clone()], InputOptions::default(), &walk)
///     .map(|d| d.id)
///     .collect();
/// assert_eq!(ids.len(), 1);
/// assert!(ids[0].ends_with("a.txt"));
/// # std::fs::remove_dir_all(&dir).unwrap();
/// ```
#[derive(Clone, Debug, Default)]
pub struct WalkOptions {
    /// Follow symbolic links inside walked directories (`-L`), with loop detection.
    pub follow_links: bool,
    /// Read hidden files and directories too (`--hidden`).
    pub hidden: bool,
    /// Do not honour `.gitignore` and `.ignore` files (`--no-ignore`).
    pub no_ignore: bool,
    /// Files never read by a walk: the run's own output, so that a second run over a directory
    /// that holds the first run's output does not tag it.
    pub skip: Vec<FileId>,
}

/// What one walk found: a file to read, or a place that could not be listed.
pub(super) enum Found {
    File(PathBuf),
    Broken(PathBuf, io::Error),
}

/// Walks `dir`, appending what it finds; `seen` keeps the files already found by this run's
/// walks, so a file reached through two links is read once.
pub(super) fn walk(
    dir: &Path,
    opts: &WalkOptions,
    seen: &mut FxHashSet<FileId>,
    out: &mut Vec<Found>,
) {
    let ignore_files = !opts.no_ignore;
    let walker = ignore::WalkBuilder::new(dir)
        .follow_links(opts.follow_links)
        .hidden(!opts.hidden)
        .ignore(ignore_files)
        .git_ignore(ignore_files)
        .git_exclude(ignore_files)
        .git_global(false)
        .parents(false)
        .require_git(false)
        .sort_by_file_name(|a, b| a.cmp(b))
        .build();
    for entry in walker {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                if let Some(broken) = broken(dir, e) {
                    out.push(broken);
                }
                continue;
            }
        };
        // Without -L a link's own type is a symlink, so links are skipped here; with -L it is
        // the type of what the link names.
        if !entry.file_type().is_some_and(|t| t.is_file()) || !walked_extension(entry.path()) {
            continue;
        }
        if let Some(id) = entry.metadata().ok().as_ref().and_then(FileId::of) {
            if opts.skip.contains(&id) || !seen.insert(id) {
                continue;
            }
        }
        out.push(Found::File(entry.into_path()));
    }
}

/// The names a directory walk reads: `*.txt` as text, `*.jsonl` and `*.ndjson` as JSON Lines.
fn walked_extension(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("txt" | "jsonl" | "ndjson")
    )
}

/// A walk error as a place that could not be read; `None` for a symlink loop (with `-L`),
/// which is skipped: every file in it is reached by the walk anyway.
fn broken(root: &Path, e: ignore::Error) -> Option<Found> {
    if is_loop(&e) {
        return None;
    }
    let path = error_path(&e).unwrap_or(root).to_path_buf();
    let message = e.to_string();
    let io = e
        .into_io_error()
        .unwrap_or_else(|| io::Error::other(message));
    Some(Found::Broken(path, io))
}

fn is_loop(e: &ignore::Error) -> bool {
    match e {
        ignore::Error::Loop { .. } => true,
        ignore::Error::WithPath { err, .. }
        | ignore::Error::WithDepth { err, .. }
        | ignore::Error::WithLineNumber { err, .. } => is_loop(err),
        ignore::Error::Partial(errs) => errs.iter().all(is_loop),
        _ => false,
    }
}

fn error_path(e: &ignore::Error) -> Option<&Path> {
    match e {
        ignore::Error::WithPath { path, .. } => Some(path),
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
            error_path(err)
        }
        ignore::Error::Partial(errs) => errs.iter().find_map(error_path),
        _ => None,
    }
}
