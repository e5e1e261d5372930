//! The one error type of the library.
//!
//! [`Error`] is opaque: callers match on [`Error::kind`] for the broad category and print it for
//! the details. Every message says *where* (file, line, byte) when a place is known, because a
//! user running over a million documents needs to find the one that failed.

use std::fmt;
use std::path::PathBuf;

/// Broad categories of [`Error`], for callers that want to react differently.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// A gazetteer or other data file is invalid.
    Data,
    /// An input document could not be decoded or parsed.
    Input,
    /// A file could not be read or written.
    Io,
    /// The builder was given contradictory or invalid settings.
    Config,
}

#[derive(Debug, thiserror::Error)]
enum Repr {
    #[error("{file}:{line}: {problem}")]
    Data {
        file: String,
        line: usize,
        problem: String,
    },
    #[error("invalid UTF-8 at byte {byte}")]
    Utf8 { byte: usize },
    #[error("binary data: NUL byte at byte {byte}")]
    Binary { byte: usize },
    #[error("{0}")]
    Input(String),
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{0}")]
    Config(String),
}

/// An error from building a tagger, loading data or reading input.
///
/// ```
/// use indotag::{ErrorKind, Gazetteer};
/// let err = Gazetteer::parse("mine.tsv", "id\tlabel\tkind\tcanonical\taliases\tpriority\nx\tCITY\tcity\tX\t\t\n")
///     .unwrap_err();
/// assert_eq!(err.kind(), ErrorKind::Data);
/// assert!(err.to_string().starts_with("mine.tsv:2:"));
/// ```
pub struct Error(Box<Repr>);

impl Error {
    /// The broad category.
    pub fn kind(&self) -> ErrorKind {
        match *self.0 {
            Repr::Data { .. } => ErrorKind::Data,
            Repr::Utf8 { .. } | Repr::Binary { .. } | Repr::Input(_) => ErrorKind::Input,
            Repr::Io { .. } => ErrorKind::Io,
            Repr::Config(_) => ErrorKind::Config,
        }
    }

    pub(crate) fn data(file: impl Into<String>, line: usize, problem: impl Into<String>) -> Error {
        Error(Box::new(Repr::Data {
            file: file.into(),
            line,
            problem: problem.into(),
        }))
    }

    pub(crate) fn utf8(byte: usize) -> Error {
        Error(Box::new(Repr::Utf8 { byte }))
    }

    pub(crate) fn binary(byte: usize) -> Error {
        Error(Box::new(Repr::Binary { byte }))
    }

    pub(crate) fn input(msg: impl Into<String>) -> Error {
        Error(Box::new(Repr::Input(msg.into())))
    }

    pub(crate) fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Error {
        Error(Box::new(Repr::Io {
            path: path.into(),
            source,
        }))
    }

    pub(crate) fn config(msg: impl Into<String>) -> Error {
        Error(Box::new(Repr::Config(msg.into())))
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.0, f)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        std::error::Error::source(&*self.0)
    }
}

/// Shorthand for results of this crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;
