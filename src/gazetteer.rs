//! Gazetteers: the lists of known people, places and organisations, and the automaton that
//! finds their aliases in text.
//!
//! STUB: the loader and matcher are being written.

use std::path::Path;
use std::sync::Arc;

use crate::error::{Error, Result};
use crate::span::{Entity, Label, Token};

const HEADER: &str = "id\tlabel\tkind\tcanonical\taliases\tpriority";

/// One gazetteer entry.
#[derive(Clone, Debug)]
pub struct Entry {
    /// Stable id.
    pub id: Arc<str>,
    /// Label.
    pub label: Label,
    /// Finer kind.
    pub kind: Arc<str>,
    /// Canonical name.
    pub canonical: Arc<str>,
    /// Other surface forms.
    pub aliases: Vec<String>,
    /// Priority when two entries of the same label share an alias.
    pub priority: i32,
}

/// A set of gazetteer entries.
#[derive(Clone, Debug, Default)]
pub struct Gazetteer {
    entries: Vec<Entry>,
}

impl Gazetteer {
    /// Parses one TSV gazetteer file's content; `name` is used in error messages.
    pub fn parse(name: &str, content: &str) -> Result<Gazetteer> {
        let mut entries = Vec::new();
        let mut header = false;
        for (i, line) in content.lines().enumerate() {
            let lineno = i + 1;
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            if !header {
                if line.trim_end_matches('\r') != HEADER {
                    return Err(Error::data(name, lineno, format!("expected header `{HEADER}`")));
                }
                header = true;
                continue;
            }
            let f: Vec<&str> = line.trim_end_matches('\r').split('\t').collect();
            if f.len() < 5 {
                return Err(Error::data(name, lineno, "expected 6 tab-separated fields"));
            }
            let label = Label::parse(f[1])
                .ok_or_else(|| Error::data(name, lineno, format!("unknown label `{}`", f[1])))?;
            entries.push(Entry {
                id: f[0].into(),
                label,
                kind: f[2].into(),
                canonical: f[3].into(),
                aliases: f[4].split('|').filter(|a| !a.is_empty()).map(String::from).collect(),
                priority: f.get(5).and_then(|p| p.parse().ok()).unwrap_or(0),
            });
        }
        Ok(Gazetteer { entries })
    }

    /// Reads and parses a gazetteer file.
    pub fn from_path(path: &Path) -> Result<Gazetteer> {
        let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
        let text = String::from_utf8(bytes).map_err(|e| {
            Error::data(path.display().to_string(), 0, format!("invalid UTF-8 at byte {}", e.utf8_error().valid_up_to()))
        })?;
        Gazetteer::parse(&path.display().to_string(), &text)
    }

    /// The embedded default gazetteers.
    pub fn defaults() -> Gazetteer {
        Gazetteer::default()
    }

    /// Adds `other`'s entries; an entry with the same id as an existing one replaces it.
    pub fn extend(&mut self, other: Gazetteer) {
        for e in other.entries {
            if let Some(old) = self.entries.iter_mut().find(|o| o.id == e.id) {
                *old = e;
            } else {
                self.entries.push(e);
            }
        }
    }

    /// The entries.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when there are no entries.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// A compiled gazetteer, ready to find aliases in text.
#[derive(Debug)]
pub struct Matcher {
    gazetteer: Gazetteer,
}

impl Matcher {
    /// Compiles a gazetteer.
    pub fn new(gazetteer: Gazetteer) -> Result<Matcher> {
        Ok(Matcher { gazetteer })
    }

    /// The gazetteer it was compiled from.
    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
    }

    /// Finds every alias mention, token-aligned and leftmost-longest.
    pub fn find(&self, _text: &str, _tokens: &[Token]) -> Vec<Entity> {
        Vec::new()
    }
}
