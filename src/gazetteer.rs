//! Gazetteers: the lists of known people, places and organisations, and the automaton that
//! finds their names in text.
//!
//! # File format
//!
//! A gazetteer is a UTF-8 text file of tab-separated values, one entity per line (tabs are
//! shown as `⇥` here):
//!
//! ```text
//! # comment lines (starting with `#`) and blank lines are skipped
//! id⇥label⇥kind⇥canonical⇥aliases⇥priority
//! korea-utara⇥GPE⇥country⇥Korea Utara⇥Korut|DPRK|North Korea⇥
//! kcna⇥ORG⇥news_agency⇥KCNA⇥Kantor Berita Pusat Korea⇥1
//! ```
//!
//! - The first line that is not a comment or blank must be exactly the header
//!   `id\tlabel\tkind\tcanonical\taliases\tpriority`. Every other line has exactly six fields.
//! - `id`: a stable identifier, unique within the set being loaded (the four default files
//!   together, or one user file). When a user file is added on top of the defaults, an entry
//!   with an id the defaults already have **replaces** the default entry: that is how a user
//!   corrects or removes an alias.
//! - `label`: `PERSON`, `GPE`, `LOC` or `ORG` (spaCy's names).
//! - `kind`: a finer type (`country`, `city`, `news_agency`, `person`, …), carried into records.
//! - `canonical`: the full name. It is always matched too, as if it were an alias.
//! - `aliases`: other surface forms, `|`-separated, possibly empty (`a||b` is an error).
//! - `priority`: an integer, empty meaning 0. It settles which entity an alias means when
//!   several have it (see below).
//!
//! Files saved by a spreadsheet read as written: a field that starts with `"` is quoted, `""`
//! inside it standing for one `"` (`"Abdurrahman ""Gus Dur"" Wahid"` is the name
//! `Abdurrahman "Gus Dur" Wahid`), while a `"` anywhere else in a field is an ordinary character.
//! A quoted field may not hold a tab or a line break (an unclosed `"` is reported at its line).
//! UTF-16 with a byte order mark (a spreadsheet's "Unicode text") is decoded; UTF-16 without
//! one is refused with an error that says so.
//!
//! Fields, and each alias, are trimmed of surrounding spaces. A loading error names the file,
//! the line and the problem (`people.tsv:12: empty alias in `Joko Widodo||Jokowi``): wrong field
//! count, missing header, unknown label, empty id, kind, canonical or alias, a priority that is
//! not an integer, a duplicate id, invalid UTF-8 (with its byte offset), and an alias that two
//! entities of the same label share with equal priority (the message names both ids and lines).
//!
//! # Matching rules
//!
//! [`Matcher::find`] reports every name it finds, following these rules:
//!
//! - **Token-aligned.** A match starts where a token starts and ends where a token ends, so `AS`
//!   is never found inside `ASEAN` or `kelas`. Inside a word token, the parts between hyphens or
//!   slashes count as tokens too: `Rusia` is found in `pro-Rusia`, both countries in
//!   `Rusia-Ukraina`, `Amerika` in `anti-Amerika`, `Korea Utara` in `Rusia-Korea Utara`.
//! - **Leftmost-longest.** Of the matches that overlap, the one that starts first wins, and of
//!   those starting at the same place the longest: `Korea Utara` beats `Korea`, `Majelis Umum
//!   PBB` beats `PBB`. Matches never overlap and come sorted by position.
//! - **Case.** Matching is case-sensitive, with one widening:
//!   - a name with no lower-case letter (an acronym such as `AS`, `PBB`, `KPK`, `G20`) matches
//!     only exactly as written: never `as`, `As` or `Pbb`;
//!   - any other name matches as written, or written entirely in capitals, as in datelines and
//!     shouted headlines: the alias `Moskow` matches `Moskow` and `MOSKOW`, but not `moskow`
//!     nor `MOSkow`, and `Korea Utara` does not match `Korea utara`. Names that are ordinary
//!     words in lower case (`meta`, `gerindra`) are thus not found in running text.
//! - **Whitespace** inside a name must be a single ASCII space in the text, as in the file, or
//!   a no-break space (U+00A0), which scraped pages put between a name's words.
//! - **Ambiguity.** When several entities have the same name, one is reported: a form written
//!   exactly so in the file beats one derived by capitalising (the acronym `PAN` beats an
//!   alias `Pan` capitalised), then the higher `priority`, then the label in the order
//!   `PERSON` > `ORG` > `GPE` > `LOC` (a metonym like `Kremlin` listed under both ORG and LOC
//!   is reported as ORG unless priorities say otherwise). Two entities of the *same* label with
//!   the same name and the same priority are a loading error, because no rule could choose.
//!
//! ```
//! use indotag::gazetteer::{Gazetteer, Matcher};
//! use indotag::tokenize::tokenize;
//!
//! let tsv = "id\tlabel\tkind\tcanonical\taliases\tpriority\n\
//!            korea-utara\tGPE\tcountry\tKorea Utara\tKorut\t\n\
//!            korea\tLOC\tregion\tKorea\t\t\n\
//!            rusia\tGPE\tcountry\tRusia\tRusia\t\n\
//!            amerika-serikat\tGPE\tcountry\tAmerika Serikat\tAS\t\n";
//! let matcher = Matcher::new(Gazetteer::parse("mine.tsv", tsv)?)?;
//! let text = "KTT pro-Rusia di Korea Utara, bukan di ASEAN atau kelas AS.";
//! let found: Vec<&str> = matcher
//!     .find(text, &tokenize(text))
//!     .iter()
//!     .map(|e| e.span.as_str(text))
//!     .collect();
//! assert_eq!(found, ["Rusia", "Korea Utara", "AS"]);
//! # Ok::<(), indotag::Error>(())
//! ```

use std::borrow::Cow;
use std::path::Path;
use std::sync::{Arc, OnceLock};

// Fx, not SipHash: a million-name user file hashes every id and name twice while loading.
use rustc_hash::FxHashMap as HashMap;

mod trie;
use trie::Trie;

use crate::error::{Error, Result};
use crate::span::{Entity, Label, Source, Span, Token, TokenKind};

/// The header line every gazetteer file must have.
pub const HEADER: &str = "id\tlabel\tkind\tcanonical\taliases\tpriority";

/// The embedded default gazetteers, as (name, content) pairs, in loading order.
const DEFAULT_FILES: [(&str, &str); 7] = [
    (
        "gazetteers/countries.tsv",
        include_str!("../gazetteers/countries.tsv"),
    ),
    (
        "gazetteers/places.tsv",
        include_str!("../gazetteers/places.tsv"),
    ),
    (
        "gazetteers/regions.tsv",
        include_str!("../gazetteers/regions.tsv"),
    ),
    (
        "gazetteers/world_cities.tsv",
        include_str!("../gazetteers/world_cities.tsv"),
    ),
    (
        "gazetteers/organizations.tsv",
        include_str!("../gazetteers/organizations.tsv"),
    ),
    (
        "gazetteers/companies_idx.tsv",
        include_str!("../gazetteers/companies_idx.tsv"),
    ),
    (
        "gazetteers/people.tsv",
        include_str!("../gazetteers/people.tsv"),
    ),
];

/// One gazetteer entry: an entity and the names it goes by.
///
/// ```
/// use indotag::{Gazetteer, Label};
/// let g = Gazetteer::parse(
///     "mine.tsv",
///     "id\tlabel\tkind\tcanonical\taliases\tpriority\nkpk\tORG\tagency\tKomisi Pemberantasan Korupsi\tKPK\t2\n",
/// )?;
/// let e = &g.entries()[0];
/// assert_eq!((&*e.id, e.label, e.priority, e.line), ("kpk", Label::Org, 2, 2));
/// assert_eq!(e.names().collect::<Vec<_>>(), ["Komisi Pemberantasan Korupsi", "KPK"]);
/// # Ok::<(), indotag::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// Stable id, unique within a gazetteer.
    pub id: Arc<str>,
    /// Coarse label.
    pub label: Label,
    /// Finer kind (`country`, `city`, `news_agency`, …).
    pub kind: Arc<str>,
    /// Canonical name; matched like an alias.
    pub canonical: Arc<str>,
    /// Other surface forms, as written in the file, without duplicates or the canonical name.
    pub aliases: Vec<String>,
    /// Priority when entities share a name (higher wins); 0 when the field is empty.
    pub priority: i32,
    /// The file the entry came from, as named when it was loaded.
    pub file: Arc<str>,
    /// Its line in that file (1-based).
    pub line: usize,
}

impl Entry {
    /// Every name the entry is matched by: the canonical name, then the aliases.
    ///
    /// ```
    /// # use indotag::Gazetteer;
    /// let g = Gazetteer::parse("g.tsv", "id\tlabel\tkind\tcanonical\taliases\tpriority\nas\tGPE\tcountry\tAmerika Serikat\tAS|Amerika\t\n")?;
    /// assert_eq!(g.entries()[0].names().count(), 3);
    /// # Ok::<(), indotag::Error>(())
    /// ```
    pub fn names(&self) -> impl Iterator<Item = &str> + '_ {
        std::iter::once(&*self.canonical).chain(self.aliases.iter().map(String::as_str))
    }

    /// The entry as one line of a gazetteer file (no newline); parsing it gives the entry back.
    ///
    /// ```
    /// # use indotag::Gazetteer;
    /// let row = "rusia\tGPE\tcountry\tRusia\tRusia Federasi|Russia\t";
    /// let g = Gazetteer::parse("g.tsv", &format!("{}\n{row}\n", indotag::gazetteer::HEADER))?;
    /// assert_eq!(g.entries()[0].to_tsv(), row);
    /// # Ok::<(), indotag::Error>(())
    /// ```
    pub fn to_tsv(&self) -> String {
        let priority = if self.priority == 0 {
            String::new()
        } else {
            self.priority.to_string()
        };
        format!(
            "{}\t{}\t{}\t{}\t{}\t{}",
            tsv_field(&self.id),
            self.label.as_str(),
            tsv_field(&self.kind),
            tsv_field(&self.canonical),
            tsv_field(&self.aliases.join("|")),
            priority
        )
    }
}

/// A set of gazetteer entries, with unique ids.
///
/// ```
/// use indotag::Gazetteer;
/// let mut g = Gazetteer::defaults();
/// let n = g.len();
/// g.extend(Gazetteer::parse("mine.tsv", "id\tlabel\tkind\tcanonical\taliases\tpriority\nbpjs\tORG\tagency\tBPJS Kesehatan\t\t\n")?);
/// assert!(g.len() >= n);
/// # Ok::<(), indotag::Error>(())
/// ```
#[derive(Clone, Debug, Default)]
pub struct Gazetteer {
    entries: Vec<Entry>,
    by_id: HashMap<Arc<str>, usize>,
}

impl Gazetteer {
    /// Parses one gazetteer file's content; `name` is used in error messages. Returns the first
    /// problem found (see [`Gazetteer::check`] for all of them).
    ///
    /// ```
    /// use indotag::Gazetteer;
    /// let err = Gazetteer::parse("mine.tsv", "id\tlabel\tkind\tcanonical\taliases\tpriority\nx\tGPE\tcity\tX\ta||b\t\n")
    ///     .unwrap_err();
    /// assert_eq!(err.to_string(), "mine.tsv:2: empty alias in `a||b`");
    /// ```
    pub fn parse(name: &str, content: &str) -> Result<Gazetteer> {
        let (gazetteer, errors) = Gazetteer::check(name, content.as_bytes());
        match errors.into_iter().next() {
            Some(e) => Err(e),
            None => Ok(gazetteer),
        }
    }

    /// Parses a file's bytes and reports *every* problem, not only the first, so that a user
    /// can fix a file in one go. Returns the entries that were valid and the problems, in line
    /// order (alias conflicts last). Invalid UTF-8 is reported with its byte offset; the rest of
    /// the file is then checked as if the bad bytes were U+FFFD.
    ///
    /// ```
    /// use indotag::Gazetteer;
    /// let bytes = b"id\tlabel\tkind\tcanonical\taliases\tpriority\nx\tCITY\tcity\tX\t\t\ny\tGPE\tcity\t\t\tz\n";
    /// let (g, errors) = Gazetteer::check("mine.tsv", bytes);
    /// assert_eq!(g.len(), 0);
    /// let msgs: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
    /// assert_eq!(msgs, [
    ///     "mine.tsv:2: unknown label `CITY` (expected PERSON, GPE, LOC or ORG)",
    ///     "mine.tsv:3: empty canonical name",
    ///     "mine.tsv:3: priority `z` is not an integer",
    /// ]);
    /// ```
    pub fn check(name: &str, bytes: &[u8]) -> (Gazetteer, Vec<Error>) {
        Gazetteer::read(name, bytes, true)
    }

    /// [`Gazetteer::check`], which looks for alias conflicts only when `conflicts` is set:
    /// the embedded defaults are checked by the test suite, and at every start-up that search
    /// was a tenth of the time spent loading them.
    fn read(name: &str, bytes: &[u8], conflicts: bool) -> (Gazetteer, Vec<Error>) {
        let mut errors = Vec::new();
        let text = match file_text(name, bytes) {
            Ok((text, problem)) => {
                errors.extend(problem);
                text
            }
            Err(e) => return (Gazetteer::default(), vec![e]),
        };
        let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
        let file: Arc<str> = name.into();
        // One entry a line, near enough: sized once instead of rehashing a million ids.
        let lines = memchr::memchr_iter(b'\n', text.as_bytes()).count();
        let mut entries = Vec::with_capacity(lines);
        let mut by_id: HashMap<Arc<str>, usize> =
            HashMap::with_capacity_and_hasher(lines, Default::default());
        let mut seen_header = false;
        // One `Arc` per distinct kind (a file has a handful), not one per row.
        let mut kinds: HashMap<String, Arc<str>> = HashMap::default();
        let mut rows = tsv_reader(text.as_bytes());
        let mut record = csv::StringRecord::new();
        // Line numbers from byte offsets: csv's own line count skips comment lines, and a
        // record's position is where csv began skipping comments and empty lines before it.
        let (mut counted_to, mut line_at) = (0, 1);
        let mut line_of = |byte: usize| {
            let byte = skip_comments(text, byte.min(text.len()));
            line_at += memchr::memchr_iter(b'\n', &text.as_bytes()[counted_to..byte]).count();
            counted_to = byte;
            line_at
        };
        loop {
            match rows.read_record(&mut record) {
                Ok(true) => {}
                Ok(false) => break,
                // Cannot happen on valid UTF-8 with `flexible`; stop rather than loop.
                Err(e) => {
                    let line = line_of(e.position().map_or(0, |p| p.byte() as usize));
                    errors.push(Error::data(name, line, e.to_string()));
                    break;
                }
            }
            let lineno = line_of(record.position().map_or(0, |p| p.byte() as usize));
            let fields: Vec<&str> = record.iter().map(trim).collect();
            if fields.iter().all(|f| f.is_empty()) {
                continue;
            }
            if !seen_header {
                seen_header = true;
                errors.extend(header_error(name, lineno, &fields));
                continue;
            }
            let row = Row {
                name,
                file: &file,
                lineno,
            };
            let Some(entry) = parse_row(row, &fields, &mut kinds, &mut errors) else {
                continue;
            };
            if let Some(&first) = by_id.get(&entry.id) {
                errors.push(duplicate_id(name, lineno, &entry, &entries[first]));
                continue;
            }
            by_id.insert(entry.id.clone(), entries.len());
            entries.push(entry);
        }
        if !seen_header {
            errors.push(Error::data(
                name,
                1,
                format!(
                    "no header line (expected `{}`)",
                    HEADER.replace('\t', "<TAB>")
                ),
            ));
        }
        if conflicts {
            errors.extend(alias_conflicts(&entries));
        }
        (Gazetteer { entries, by_id }, errors)
    }

    /// Reads and parses a gazetteer file; errors name the path as given.
    ///
    /// ```
    /// use indotag::{ErrorKind, Gazetteer};
    /// let err = Gazetteer::from_path("/no/such/gazetteer.tsv".as_ref()).unwrap_err();
    /// assert_eq!(err.kind(), ErrorKind::Io);
    /// ```
    pub fn from_path(path: &Path) -> Result<Gazetteer> {
        let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
        let (gazetteer, errors) = Gazetteer::check(&path.display().to_string(), &bytes);
        match errors.into_iter().next() {
            Some(e) => Err(e),
            None => Ok(gazetteer),
        }
    }

    /// The embedded default gazetteers (countries, places, organisations, people), loaded once
    /// per process and cloned. The test suite checks that they load without any problem.
    ///
    /// ```
    /// let g = indotag::Gazetteer::defaults();
    /// assert!(g.get("rusia").is_some());
    /// ```
    pub fn defaults() -> Gazetteer {
        Gazetteer::defaults_ref().clone()
    }

    /// The embedded default gazetteers, loaded once per process, for readers that need no copy
    /// (the tokenizer's known one-word names).
    pub(crate) fn defaults_ref() -> &'static Gazetteer {
        static DEFAULTS: OnceLock<Gazetteer> = OnceLock::new();
        DEFAULTS.get_or_init(|| load_defaults(false).0)
    }

    /// Adds `other`'s entries; an entry with the same id as an existing one replaces it (in
    /// place), which is how a user file overrides a default entry.
    ///
    /// ```
    /// use indotag::Gazetteer;
    /// let h = indotag::gazetteer::HEADER;
    /// let mut g = Gazetteer::parse("a.tsv", &format!("{h}\nx\tGPE\tcity\tX Lama\t\t\n"))?;
    /// g.extend(Gazetteer::parse("b.tsv", &format!("{h}\nx\tGPE\tcity\tX Baru\t\t\n"))?);
    /// assert_eq!(g.len(), 1);
    /// assert_eq!(&*g.get("x").unwrap().canonical, "X Baru");
    /// # Ok::<(), indotag::Error>(())
    /// ```
    pub fn extend(&mut self, other: Gazetteer) {
        self.entries.reserve(other.entries.len());
        self.by_id.reserve(other.entries.len());
        for e in other.entries {
            match self.by_id.get(&e.id) {
                Some(&i) => self.entries[i] = e,
                None => {
                    self.by_id.insert(e.id.clone(), self.entries.len());
                    self.entries.push(e);
                }
            }
        }
    }

    /// The entries, in loading order.
    ///
    /// ```
    /// let g = indotag::Gazetteer::defaults();
    /// assert!(g.entries().iter().any(|e| &*e.canonical == "Korea Utara"));
    /// ```
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The entry with this id.
    ///
    /// ```
    /// let g = indotag::Gazetteer::defaults();
    /// assert_eq!(g.get("rusia").map(|e| e.label), Some(indotag::Label::Gpe));
    /// ```
    pub fn get(&self, id: &str) -> Option<&Entry> {
        self.by_id.get(id).map(|&i| &self.entries[i])
    }

    /// Names that two entities of the same label share with the same priority, which
    /// [`Matcher::new`] refuses; each problem names both entries' files and lines. Use it to
    /// check a user file against the defaults before tagging.
    ///
    /// ```
    /// use indotag::gazetteer::{Gazetteer, HEADER};
    /// let mut g = Gazetteer::defaults();
    /// assert!(g.conflicts().is_empty());
    /// g.extend(Gazetteer::parse("mine.tsv", &format!("{HEADER}\nmoskow-2\tGPE\tcity\tMoskow\t\t\n"))?);
    /// assert_eq!(g.conflicts().len(), 1);
    /// # Ok::<(), indotag::Error>(())
    /// ```
    pub fn conflicts(&self) -> Vec<Error> {
        alias_conflicts(&self.entries)
    }

    /// Number of entries.
    ///
    /// ```
    /// assert_eq!(indotag::Gazetteer::default().len(), 0);
    /// ```
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when there are no entries.
    ///
    /// ```
    /// assert!(indotag::Gazetteer::default().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// Parses the embedded files as one set: problems inside each file, and ids repeated across
/// files. `defaults()` keeps whatever is valid; the unit tests require `errors` to be empty.
fn load_defaults(conflicts: bool) -> (Gazetteer, Vec<Error>) {
    let mut all = Gazetteer::default();
    let mut errors = Vec::new();
    for (name, content) in DEFAULT_FILES {
        let (g, errs) = Gazetteer::read(name, content.as_bytes(), conflicts);
        errors.extend(errs);
        for e in &g.entries {
            if let Some(first) = all.get(&e.id) {
                errors.push(Error::data(
                    name,
                    e.line,
                    format!(
                        "duplicate id `{}` (first at {}:{})",
                        e.id, first.file, first.line
                    ),
                ));
            }
        }
        all.extend(g);
    }
    if conflicts {
        errors.extend(alias_conflicts(&all.entries));
    }
    (all, errors)
}

/// The file's text: UTF-8 (invalid bytes reported, with their byte offset and line, then read
/// as U+FFFD so the rest is still checked) or UTF-16 with a byte order mark, which is what a
/// spreadsheet's "Unicode text" is. UTF-16 without a mark, or binary data, is refused whole.
fn file_text<'a>(name: &str, bytes: &'a [u8]) -> Result<(Cow<'a, str>, Option<Error>)> {
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return crate::decode::decode(bytes.to_vec())
            .map(|s| (Cow::Owned(s), None))
            .map_err(|e| Error::data(name, 1, e.to_string()));
    }
    if let Some(byte) = memchr::memchr(0, bytes) {
        let line = 1 + memchr::memchr_iter(b'\n', &bytes[..byte]).count();
        return Err(Error::data(
            name,
            line,
            format!(
                "NUL byte at byte {byte}: binary data, or UTF-16 without a byte order mark (save the file as UTF-8)"
            ),
        ));
    }
    Ok(match std::str::from_utf8(bytes) {
        Ok(s) => (Cow::Borrowed(s), None),
        Err(e) => {
            let byte = e.valid_up_to();
            let line = 1 + memchr::memchr_iter(b'\n', &bytes[..byte]).count();
            let err = Error::data(name, line, format!("invalid UTF-8 at byte {byte}"));
            (String::from_utf8_lossy(bytes), Some(err))
        }
    })
}

/// The TSV dialect spreadsheets write: tab-separated, a field that starts with `"` is quoted
/// (`""` inside is one `"`), `#` starts a comment line, lines end with LF or CRLF. A `"` that
/// does not start a field is an ordinary character, as in `Ferdinand "Bongbong" Marcos Jr.`.
fn tsv_reader(bytes: &[u8]) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new()
        .delimiter(b'\t')
        .has_headers(false)
        .flexible(true)
        .comment(Some(b'#'))
        .terminator(csv::Terminator::Any(b'\n'))
        .from_reader(bytes)
}

/// The first byte at or after `at` (a line start) that is not on a comment or empty line.
fn skip_comments(text: &str, mut at: usize) -> usize {
    let bytes = text.as_bytes();
    while at < bytes.len() && (bytes[at] == b'#' || bytes[at] == b'\n') {
        match memchr::memchr(b'\n', &bytes[at..]) {
            Some(i) => at += i + 1,
            None => return at,
        }
    }
    at
}

/// A field as [`Entry::to_tsv`] writes it: quoted only when it starts with `"` or `#`, since
/// only then would reading it back take the quote for quoting or the row for a comment.
fn tsv_field(s: &str) -> Cow<'_, str> {
    if s.starts_with(['"', '#']) {
        Cow::Owned(format!("\"{}\"", s.replace('"', "\"\"")))
    } else {
        Cow::Borrowed(s)
    }
}

/// Where a row is: the file's name for messages, its shared name for entries, the line.
#[derive(Clone, Copy)]
struct Row<'a> {
    name: &'a str,
    file: &'a Arc<str>,
    lineno: usize,
}

/// Parses one data row, pushing every problem it has; `None` when the row is unusable.
/// `kinds` holds the kinds seen so far, shared between entries.
fn parse_row(
    row: Row<'_>,
    fields: &[&str],
    kinds: &mut HashMap<String, Arc<str>>,
    errors: &mut Vec<Error>,
) -> Option<Entry> {
    let Row { name, file, lineno } = row;
    // (bytes, not chars: the three are ASCII, and a char pattern decodes every character)
    if let Some(f) = fields
        .iter()
        .find(|f| f.bytes().any(|b| matches!(b, b'\t' | b'\n' | b'\r')))
    {
        let first = f.lines().next().unwrap_or_default();
        errors.push(Error::data(
            name,
            lineno,
            format!(
                "a quoted field holds a tab or a line break (an unclosed `\"`?): `{}`",
                first.trim()
            ),
        ));
        return None;
    }
    let [id, label, kind, canonical, aliases, priority] = fields[..] else {
        errors.push(Error::data(
            name,
            lineno,
            format!(
                "expected 6 tab-separated fields (id, label, kind, canonical, aliases, priority), found {}",
                fields.len()
            ),
        ));
        return None;
    };
    let before = errors.len();
    let mut problem = |p: String| errors.push(Error::data(name, lineno, p));
    if id.is_empty() {
        problem("empty id".into());
    }
    let label = Label::parse(label);
    if label.is_none() {
        problem(format!(
            "unknown label `{}` (expected PERSON, GPE, LOC or ORG)",
            fields[1]
        ));
    }
    if kind.is_empty() {
        problem("empty kind".into());
    }
    if canonical.is_empty() {
        problem("empty canonical name".into());
    }
    let mut names: Vec<String> = Vec::new();
    if !aliases.is_empty() {
        for alias in aliases.split('|').map(trim) {
            if alias.is_empty() {
                problem(format!("empty alias in `{aliases}`"));
                break;
            }
            if alias != canonical && !names.iter().any(|n| n == alias) {
                names.push(alias.to_string());
            }
        }
    }
    let priority = if priority.is_empty() {
        0
    } else {
        match priority.parse::<i32>() {
            Ok(p) => p,
            Err(_) => {
                problem(format!("priority `{priority}` is not an integer"));
                0
            }
        }
    };
    if errors.len() != before {
        return None;
    }
    Some(Entry {
        id: id.into(),
        label: label?,
        kind: match kinds.get(kind) {
            Some(k) => k.clone(),
            None => kinds.entry(kind.to_string()).or_insert(kind.into()).clone(),
        },
        canonical: canonical.into(),
        aliases: names,
        priority,
        file: file.clone(),
        line: lineno,
    })
}

/// Names that two entities of the same label share with the same, highest, priority: no rule
/// can choose between them, so they are errors (reported at the later entry's line).
fn alias_conflicts(entries: &[Entry]) -> Vec<Error> {
    // (name, label) -> index of the best entry so far, and whether it is tied.
    let mut best: HashMap<(&str, Label), (usize, bool)> =
        HashMap::with_capacity_and_hasher(entries.len(), Default::default());
    let mut ties: Vec<(&str, usize, usize)> = Vec::new();
    for (i, e) in entries.iter().enumerate() {
        for n in e.names() {
            match best.get_mut(&(n, e.label)) {
                None => {
                    best.insert((n, e.label), (i, false));
                }
                Some(slot) => {
                    let held = &entries[slot.0];
                    if e.priority > held.priority {
                        *slot = (i, false);
                    } else if e.priority == held.priority {
                        slot.1 = true;
                        ties.push((n, slot.0, i));
                    }
                }
            }
        }
    }
    ties.into_iter()
        .filter(|&(n, first, _)| {
            // A tie only matters if no later entry outranked both.
            let (winner, _) = best[&(n, entries[first].label)];
            entries[winner].priority == entries[first].priority
        })
        .map(|(n, first, second)| {
            let (a, b) = (&entries[first], &entries[second]);
            let place = if a.file == b.file {
                format!("line {}", a.line)
            } else {
                format!("{}:{}", a.file, a.line)
            };
            Error::data(
                &*b.file,
                b.line,
                format!(
                    "alias `{n}` of `{}` is also an alias of `{}` ({place}) with the same label {} and priority {}; give one of them a higher priority",
                    b.id, a.id, b.label.as_str(), b.priority
                ),
            )
        })
        .collect()
}

/// Every distinct pattern string (names as written, and the capitalised forms of names that
/// have lower-case letters), sorted, each with the entry it reports. Of the entries sharing a
/// pattern the one with the highest key (exactly as written, priority, label rank) wins, and
/// of equal keys the entry loaded first. Also says whether two entries of one label may share
/// a name with equal priority (false means they certainly do not).
///
/// Sorting one vector of borrowed names (only capitalised forms are allocated) keeps the build
/// linear in memory: no hash map of owned pattern strings beside the list.
fn patterns(entries: &[Entry]) -> (Vec<(Cow<'_, str>, u32)>, bool) {
    struct Offer<'a> {
        /// The pattern's first 16 bytes, big-endian (zero-padded, which keeps byte order):
        /// most comparisons end here, without reading the string elsewhere in memory.
        head: u128,
        pattern: Cow<'a, str>,
        /// (exactly as written, priority, label rank): the highest wins.
        key: (bool, i32, u8),
        entry: u32,
    }
    fn offer<'a>(pattern: Cow<'a, str>, exact: bool, e: &Entry, entry: u32) -> Offer<'a> {
        let mut head = [0u8; 16];
        let n = pattern.len().min(16);
        head[..n].copy_from_slice(&pattern.as_bytes()[..n]);
        Offer {
            head: u128::from_be_bytes(head),
            pattern,
            key: (exact, e.priority, label_rank(e.label)),
            entry,
        }
    }
    let mut offers: Vec<Offer> = Vec::with_capacity(entries.len() * 2);
    for (i, e) in entries.iter().enumerate() {
        let entry = i as u32;
        for name in e.names() {
            offers.push(offer(Cow::Borrowed(name), true, e, entry));
            if let Some(spaced) = spaced_hyphens(name) {
                offers.push(offer(Cow::Owned(spaced), false, e, entry));
            }
            if !exact_only(name) {
                // (ASCII names, nearly all, without the Unicode case tables)
                let upper = if name.is_ascii() {
                    name.to_ascii_uppercase()
                } else {
                    name.to_uppercase()
                };
                if upper != name {
                    offers.push(offer(Cow::Owned(upper), false, e, entry));
                }
            }
        }
    }
    // Of equal patterns and keys the entry loaded first wins: entries are offered in order.
    offers.sort_unstable_by(|a, b| {
        (a.head.cmp(&b.head))
            .then_with(|| a.pattern.cmp(&b.pattern))
            .then_with(|| b.key.cmp(&a.key))
            .then_with(|| a.entry.cmp(&b.entry))
    });
    // Two exact forms of one label and priority next to each other: maybe a conflict (unless
    // a third outranks both), which `alias_conflicts` then words. Only then is it run again.
    let tied = offers.windows(2).any(|w| {
        w[0].key.0 && w[0].key == w[1].key && w[0].head == w[1].head && w[0].pattern == w[1].pattern
    });
    offers.dedup_by(|later, first| later.head == first.head && later.pattern == first.pattern);
    let patterns = offers.into_iter().map(|o| (o.pattern, o.entry)).collect();
    (patterns, tied)
}

/// `Kim Jong-un` as text tokenized word by word writes it, `Kim Jong - un` (the NER test
/// sets and part of the news corpora are such text): a hyphen between two letters with a
/// space on each side. None for a name without such a hyphen.
fn spaced_hyphens(name: &str) -> Option<String> {
    let b = name.as_bytes();
    let inner = |i: usize| {
        b[i] == b'-'
            && i > 0
            && i + 1 < b.len()
            && b[i - 1].is_ascii_alphabetic()
            && b[i + 1].is_ascii_alphabetic()
    };
    if !(0..b.len()).any(inner) {
        return None;
    }
    let mut out = String::with_capacity(name.len() + 4);
    for (i, c) in name.char_indices() {
        if c == '-' && inner(i) {
            out.push_str(" - ");
        } else {
            out.push(c);
        }
    }
    Some(out)
}

/// `s` without leading and trailing white space, as [`str::trim`]: ASCII white space cut
/// bytewise, and `str::trim` (which decodes characters and tests each against the Unicode
/// white space table) only when a non-ASCII byte or a vertical tab is left at
/// either end.
fn trim(s: &str) -> &str {
    let t = s.trim_ascii();
    match (t.as_bytes().first(), t.as_bytes().last()) {
        // (`\x0B`, a vertical tab, is white space to `str::trim` but not to `trim_ascii`)
        (Some(&a), Some(&z)) if a >= 0x80 || z >= 0x80 || a == 0x0b || z == 0x0b => t.trim(),
        _ => t,
    }
}

/// Rank of a label when entities of different labels share a name (higher wins).
fn label_rank(label: Label) -> u8 {
    match label {
        Label::Person => 3,
        Label::Org => 2,
        Label::Gpe => 1,
        Label::Loc => 0,
    }
}

/// True when a name is matched only exactly as written: it has no lower-case letter.
fn exact_only(name: &str) -> bool {
    !name.chars().any(char::is_lowercase)
}

/// In [`unit_boundaries`]' table: a unit ends here.
const UNIT_END: u8 = 2;

/// A compiled gazetteer, ready to find names in text. Build it once; [`Matcher::find`] takes
/// `&self` and can run on many threads at once.
///
/// ```
/// use indotag::gazetteer::{Gazetteer, Matcher};
/// let matcher = Matcher::new(Gazetteer::defaults())?;
/// let text = "MOSKOW, Kremlin menanggapi.";
/// let found = matcher.find(text, &indotag::tokenize::tokenize(text));
/// assert_eq!(found[0].span.as_str(text), "MOSKOW");
/// assert_eq!(&*found[0].canonical, "Moskow");
/// # Ok::<(), indotag::Error>(())
/// ```
#[derive(Debug)]
pub struct Matcher {
    gazetteer: Gazetteer,
    /// Every distinct pattern string: names as written, and capitalised forms, searched
    /// case-sensitively. (One ASCII-case-insensitive pattern per name, with the case checked
    /// per match, was tried: half the patterns but no smaller automaton, and `find` ran at half
    /// the speed, because lower-case text then matches acronyms everywhere.)
    ///
    /// `find` walks this trie *anchored* at each unit start instead of running an unanchored
    /// overlapping search over every byte: most units (lower-case words, punctuation) die on
    /// their first byte, and no match that is not token-aligned is ever produced and filtered.
    /// Each pattern's value is the entry it reports.
    trie: Trie,
    /// Number of distinct patterns.
    patterns: usize,
    /// Bytes some pattern starts with, for a unit at the very end of the text.
    first_byte: [bool; 256],
    /// Bit `a * 256 + b`: some pattern starts with bytes `a b` (or is the one byte `a`). Units
    /// whose first two bytes no pattern starts with are skipped without touching the
    /// automaton: that rejects the common lower-case words (`dan`, `di`, `kata`) that share a
    /// first letter with a few lower-case names (`detikcom`, `kumparan`), and most capitalised
    /// words.
    first_pair: Box<[u64; 1024]>,
    /// The same for the patterns of at most three bytes only: a unit whose first two bytes
    /// start one of them is walked whatever its next bytes.
    short_pair: Box<[u64; 1024]>,
    /// Bit [`quad_bit`] of the first four bytes of every longer pattern: most capitalised
    /// words pass `first_pair` (`Pe`, `Ma`, `Ka` start many names) but no name starts with
    /// their first four bytes, and this rejects them in the cache instead of walking the
    /// trie, whose nodes miss the cache (the walk was 7% of a run).
    quads: Box<[u64; QUAD_WORDS]>,
}

/// Size of [`Matcher::quads`] in 64-bit words: 2^18 bits (32 KB), so that even a large
/// gazetteer leaves most bits clear.
const QUAD_WORDS: usize = 1 << (18 - 6);

/// The bit of four bytes in [`Matcher::quads`] (a multiplicative hash to 18 bits).
#[inline]
fn quad_bit(four: [u8; 4]) -> usize {
    (u32::from_le_bytes(four).wrapping_mul(0x9E37_79B1) >> (32 - 18)) as usize
}

impl Matcher {
    /// Compiles a gazetteer. Fails when two entities of the same label share a name with equal
    /// priority (possibly across files, e.g. a user file against the defaults).
    ///
    /// ```
    /// use indotag::gazetteer::{Gazetteer, Matcher, HEADER};
    /// let mut g = Gazetteer::parse("a.tsv", &format!("{HEADER}\nx\tORG\tagency\tBadan X\tBX\t\n"))?;
    /// g.extend(Gazetteer::parse("b.tsv", &format!("{HEADER}\ny\tORG\tagency\tBadan Y\tBX\t\n"))?);
    /// let err = Matcher::new(g).unwrap_err().to_string();
    /// assert!(err.starts_with("b.tsv:2: alias `BX` of `y` is also an alias of `x` (a.tsv:2)"), "{err}");
    /// # Ok::<(), indotag::Error>(())
    /// ```
    pub fn new(gazetteer: Gazetteer) -> Result<Matcher> {
        if gazetteer.entries.len() >= u32::MAX as usize {
            return Err(Error::config(
                "gazetteer too large to compile: 2^32 entries",
            ));
        }
        let (patterns, tied) = patterns(&gazetteer.entries);
        if tied {
            if let Some(e) = alias_conflicts(&gazetteer.entries).into_iter().next() {
                return Err(e);
            }
        }
        let mut first_byte = [false; 256];
        let mut first_pair = Box::new([0u64; 1024]);
        let mut short_pair = Box::new([0u64; 1024]);
        let mut quads = Box::new([0u64; QUAD_WORDS]);
        for (p, _) in &patterns {
            match *p.as_bytes() {
                [] => {}
                [a] => {
                    first_byte[usize::from(a)] = true;
                    let row = usize::from(a) * 4;
                    first_pair[row..row + 4].fill(u64::MAX);
                    short_pair[row..row + 4].fill(u64::MAX);
                }
                [a, b, ref rest @ ..] => {
                    first_byte[usize::from(a)] = true;
                    let bit = usize::from(a) << 8 | usize::from(b);
                    first_pair[bit >> 6] |= 1 << (bit & 63);
                    match *rest {
                        [c, d, ..] => {
                            let q = quad_bit([a, b, c, d]);
                            quads[q >> 6] |= 1 << (q & 63);
                        }
                        _ => short_pair[bit >> 6] |= 1 << (bit & 63),
                    }
                }
            }
        }
        let trie = Trie::build(&patterns);
        let count = patterns.len();
        drop(patterns);
        Ok(Matcher {
            gazetteer,
            trie,
            patterns: count,
            first_byte,
            first_pair,
            short_pair,
            quads,
        })
    }

    /// The gazetteer it was compiled from.
    ///
    /// ```
    /// # use indotag::gazetteer::{Gazetteer, Matcher};
    /// let m = Matcher::new(Gazetteer::default())?;
    /// assert!(m.gazetteer().is_empty());
    /// # Ok::<(), indotag::Error>(())
    /// ```
    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
    }

    /// Number of distinct strings searched for (names plus their capitalised forms).
    ///
    /// ```
    /// # use indotag::gazetteer::{Gazetteer, Matcher, HEADER};
    /// let g = Gazetteer::parse("g.tsv", &format!("{HEADER}\nas\tGPE\tcountry\tAmerika\tAS\t\n"))?;
    /// assert_eq!(Matcher::new(g)?.pattern_count(), 3); // Amerika, AMERIKA, AS
    /// # Ok::<(), indotag::Error>(())
    /// ```
    pub fn pattern_count(&self) -> usize {
        self.patterns
    }

    /// Approximate heap bytes used by the compiled automaton and its tables (not the entries).
    ///
    /// ```
    /// # use indotag::gazetteer::{Gazetteer, Matcher};
    /// let m = Matcher::new(Gazetteer::defaults())?;
    /// assert!(m.memory_usage() > 0);
    /// # Ok::<(), indotag::Error>(())
    /// ```
    pub fn memory_usage(&self) -> usize {
        self.trie.memory_usage()
    }

    /// Finds every name mention in `text`, following the module's matching rules. `tokens` are
    /// the text's tokens (from [`crate::tokenize::tokenize`]); when empty, word boundaries are
    /// taken from the text instead (runs of letters and digits). The entities come sorted and
    /// non-overlapping, with `source` [`Source::Gazetteer`] and no zone.
    ///
    /// ```
    /// use indotag::gazetteer::{Gazetteer, Matcher};
    /// let m = Matcher::new(Gazetteer::defaults())?;
    /// let text = "Kunjungan ke Korea Utara";
    /// let found = m.find(text, &indotag::tokenize::tokenize(text));
    /// assert_eq!(found.len(), 1);
    /// assert_eq!((found[0].span.as_str(text), &*found[0].id), ("Korea Utara", "korea-utara"));
    /// # Ok::<(), indotag::Error>(())
    /// ```
    pub fn find(&self, text: &str, tokens: &[Token]) -> Vec<Entity> {
        let mut out = Vec::new();
        if text.is_empty() || self.patterns == 0 {
            return out;
        }
        thread_local! {
            /// Per-thread unit tables, reused across documents.
            static SCRATCH: std::cell::RefCell<(Vec<u8>, Vec<usize>)> = Default::default();
        }
        // (the start filter knows the names' first bytes with a plain space: a text with a
        // no-break space, `Tim\u{a0}Cook`, tries every unit)
        let nbsp = memchr::memmem::find(text.as_bytes(), "\u{a0}".as_bytes()).is_some();
        SCRATCH.with(|scratch| match scratch.try_borrow_mut() {
            Ok(mut tables) => {
                let (flags, starts) = &mut *tables;
                let may_start = |at| nbsp || self.may_start(text.as_bytes(), at);
                unit_boundaries(text, tokens, may_start, flags, starts);
                self.walk(text, nbsp, flags, starts, &mut out);
                // A huge document's tables are not kept for the small ones after it.
                flags.shrink_to(1 << 20);
                starts.shrink_to(1 << 17);
            }
            // Not reached (`find` does not call itself), but never a panic.
            Err(_) => {
                let (mut flags, mut starts) = (Vec::new(), Vec::new());
                let may_start = |at| nbsp || self.may_start(text.as_bytes(), at);
                unit_boundaries(text, tokens, may_start, &mut flags, &mut starts);
                self.walk(text, nbsp, &flags, &starts, &mut out);
            }
        });
        out
    }

    /// The matches, given the unit tables of `text` (see [`unit_boundaries`]: the unit ends,
    /// and the unit starts where [`Matcher::may_start`]).
    ///
    /// `nbsp`: the text has a no-break space, which then reads as a space between a name's
    /// words (`Raja\u{a0}Ampat`).
    fn walk(&self, text: &str, nbsp: bool, flags: &[u8], starts: &[usize], out: &mut Vec<Entity>) {
        let bytes = text.as_bytes();
        let mut last_end = 0;
        for &start in starts {
            // Leftmost first: a unit inside the previous match cannot start another.
            if start < last_end {
                continue;
            }
            // Every pattern met walking the trie from `start` starts at `start`, shortest
            // first: keep the longest one that ends where a unit ends (longest wins).
            let accept = |len| len > 0 && flags[start + len] & UNIT_END != 0;
            let best = if nbsp {
                self.trie.longest_nbsp(&bytes[start..], accept)
            } else {
                self.trie.longest(&bytes[start..], accept)
            }
            .map(|(len, entry)| (start + len, entry));
            let Some((end, entry)) = best else {
                continue;
            };
            last_end = end;
            let e = &self.gazetteer.entries[entry as usize];
            out.push(Entity {
                span: Span::new(start, end),
                label: e.label,
                id: e.id.clone(),
                canonical: e.canonical.clone(),
                kind: e.kind.clone(),
                source: Source::Gazetteer,
                zone: None,
            });
        }
    }
}

impl Matcher {
    /// False when no pattern can start at `at`, judged by the next two bytes, then by the
    /// next four.
    #[inline]
    fn may_start(&self, bytes: &[u8], at: usize) -> bool {
        match bytes.get(at..at + 2) {
            Some(&[a, b]) => {
                let bit = usize::from(a) << 8 | usize::from(b);
                if self.first_pair[bit >> 6] & (1 << (bit & 63)) == 0 {
                    return false;
                }
                let Some(&[_, _, c, d]) = bytes.get(at..at + 4) else {
                    return true;
                };
                let q = quad_bit([a, b, c, d]);
                self.short_pair[bit >> 6] & (1 << (bit & 63)) != 0
                    || self.quads[q >> 6] & (1 << (q & 63)) != 0
            }
            _ => bytes
                .get(at)
                .is_some_and(|&a| self.first_byte[usize::from(a)]),
        }
    }
}

/// Marks, for each byte offset of `text` (and its end), whether a matchable unit ends there
/// (`flags`), and lists the offsets where one starts (`starts`, in increasing order) and
/// `may_start` says a pattern can start: units are tokens, and the hyphen- or slash-separated
/// parts of word and number tokens. (Filtered here, the nine in ten unit starts that no
/// pattern can take are never stored and read back.)
///
/// The tables are the caller's, cleared and refilled here, so that one thread reuses them
/// across documents instead of allocating two per document.
fn unit_boundaries(
    text: &str,
    tokens: &[Token],
    may_start: impl Fn(usize) -> bool,
    flags: &mut Vec<u8>,
    starts: &mut Vec<usize>,
) {
    flags.clear();
    flags.resize(text.len() + 1, 0);
    starts.clear();
    if tokens.is_empty() {
        let mut in_word = false;
        for (i, c) in text.char_indices() {
            let word = c.is_alphanumeric();
            if word && !in_word && may_start(i) {
                starts.push(i);
            } else if !word && in_word {
                flags[i] |= UNIT_END;
            }
            in_word = word;
        }
        if in_word {
            flags[text.len()] |= UNIT_END;
        }
        return;
    }
    if units_of_ordered_tokens(text, tokens, &may_start, flags, starts) {
        return;
    }
    // Tokens out of order or overlapping (made by hand): start over, a token at a time.
    flags.fill(0);
    starts.clear();
    let bytes = text.as_bytes();
    let mut start_at = |at: usize| {
        if may_start(at) {
            starts.push(at);
        }
    };
    for t in tokens {
        let (start, end) = (t.span.start, t.span.end);
        if start >= end || end > text.len() {
            continue;
        }
        flags[end] |= UNIT_END;
        start_at(start);
        if matches!(t.kind, TokenKind::Word | TokenKind::Number) {
            for p in start + 1..end - 1 {
                if matches!(bytes[p], b'-' | b'/') {
                    flags[p] |= UNIT_END;
                    start_at(p + 1);
                }
            }
        }
    }
    starts.sort_unstable();
    starts.dedup();
}

/// [`unit_boundaries`] of tokens in order and without overlaps, as the tokenizer makes them;
/// false (with the tables half filled) as soon as a token starts before the previous one
/// ended. The starts then come out in increasing order, without a sort.
///
/// Hyphens and slashes are rare: they are found all at once and that list is walked alongside
/// the tokens, instead of scanning every word's bytes. (Testing the order in a pass of its
/// own, and the starts' order in another, was a fifth of the work.)
fn units_of_ordered_tokens(
    text: &str,
    tokens: &[Token],
    may_start: &impl Fn(usize) -> bool,
    flags: &mut [u8],
    starts: &mut Vec<usize>,
) -> bool {
    let mut seps = memchr::memchr2_iter(b'-', b'/', text.as_bytes());
    // The next hyphen or slash not yet passed (`usize::MAX`: none left). A plain position,
    // not a `Peekable`: its two tests per token cost more than the rest of the loop.
    let mut sep = seps.next().unwrap_or(usize::MAX);
    let mut prev_end = 0;
    for t in tokens {
        let (start, end) = (t.span.start, t.span.end);
        if start < prev_end {
            return false;
        }
        prev_end = end;
        if start >= end || end > text.len() {
            continue;
        }
        flags[end] |= UNIT_END;
        if may_start(start) {
            starts.push(start);
        }
        if matches!(t.kind, TokenKind::Word | TokenKind::Number) {
            while sep <= start {
                sep = seps.next().unwrap_or(usize::MAX);
            }
            while sep < end - 1 {
                flags[sep] |= UNIT_END;
                if may_start(sep + 1) {
                    starts.push(sep + 1);
                }
                sep = seps.next().unwrap_or(usize::MAX);
            }
        }
    }
    true
}

/// Counts of one gazetteer, for `indotag gazetteer check` and `list --counts`.
///
/// ```
/// use indotag::gazetteer::{Counts, Gazetteer, HEADER};
/// let g = Gazetteer::parse("g.tsv", &format!("{HEADER}\nas\tGPE\tcountry\tAmerika Serikat\tAS\t\n"))?;
/// let c = Counts::of(&g);
/// assert_eq!((c.entries, c.names, c.gpe), (1, 2, 1));
/// assert_eq!(c.to_string(), "1 entries, 2 names (PERSON 0, ORG 0, GPE 1, LOC 0)");
/// # Ok::<(), indotag::Error>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Entries.
    pub entries: usize,
    /// Names: canonical names plus aliases.
    pub names: usize,
    /// PERSON entries.
    pub person: usize,
    /// ORG entries.
    pub org: usize,
    /// GPE entries.
    pub gpe: usize,
    /// LOC entries.
    pub loc: usize,
}

impl Counts {
    /// Counts a gazetteer's entries, names and labels.
    ///
    /// ```
    /// let c = indotag::gazetteer::Counts::of(&indotag::Gazetteer::defaults());
    /// assert!(c.names >= c.entries);
    /// ```
    pub fn of(g: &Gazetteer) -> Counts {
        let mut c = Counts::default();
        for e in &g.entries {
            c.add(e);
        }
        c
    }

    /// Counts one more entry.
    ///
    /// ```
    /// use indotag::gazetteer::Counts;
    /// let g = indotag::Gazetteer::defaults();
    /// let mut c = Counts::default();
    /// g.entries().iter().filter(|e| e.label == indotag::Label::Gpe).for_each(|e| c.add(e));
    /// assert_eq!((c.entries, c.person), (c.gpe, 0));
    /// ```
    pub fn add(&mut self, e: &Entry) {
        self.entries += 1;
        self.names += 1 + e.aliases.len();
        *match e.label {
            Label::Person => &mut self.person,
            Label::Org => &mut self.org,
            Label::Gpe => &mut self.gpe,
            Label::Loc => &mut self.loc,
        } += 1;
    }
}

impl std::fmt::Display for Counts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} entries, {} names (PERSON {}, ORG {}, GPE {}, LOC {})",
            self.entries, self.names, self.person, self.org, self.gpe, self.loc
        )
    }
}

/// The first non-empty line must be the column header (`id<TAB>canonical<TAB>…`): a file
/// without one is most likely not a gazetteer, or has its columns in another order.
fn header_error(name: &str, lineno: usize, fields: &[&str]) -> Option<Error> {
    (!fields.iter().copied().eq(HEADER.split('\t'))).then(|| {
        Error::data(
            name,
            lineno,
            format!("expected the header `{}`", HEADER.replace('\t', "<TAB>")),
        )
    })
}

/// A second row with an id already used (`bps-3171` twice): ids must name one entry, so the
/// later row is reported with the line of the first.
fn duplicate_id(name: &str, lineno: usize, entry: &Entry, first: &Entry) -> Error {
    Error::data(
        name,
        lineno,
        format!("duplicate id `{}` (first at line {})", entry.id, first.line),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize::tokenize;

    fn gaz(rows: &str) -> Gazetteer {
        Gazetteer::parse("t.tsv", &format!("{HEADER}\n{rows}")).expect("valid test gazetteer")
    }

    fn err(rows: &str) -> String {
        Gazetteer::parse("t.tsv", &format!("{HEADER}\n{rows}"))
            .expect_err("should be rejected")
            .to_string()
    }

    /// (matched text, id) pairs found in `text`.
    fn found(m: &Matcher, text: &str) -> Vec<(String, String)> {
        m.find(text, &tokenize(text))
            .into_iter()
            .map(|e| (e.span.as_str(text).to_string(), e.id.to_string()))
            .collect()
    }

    fn texts(m: &Matcher, text: &str) -> Vec<String> {
        found(m, text).into_iter().map(|(t, _)| t).collect()
    }

    fn small() -> Matcher {
        Matcher::new(gaz(
            "amerika-serikat\tGPE\tcountry\tAmerika Serikat\tAS|Amerika\t\n\
             korea-utara\tGPE\tcountry\tKorea Utara\tKorut\t\n\
             korea\tLOC\tregion\tKorea\t\t\n\
             rusia\tGPE\tcountry\tRusia\t\t\n\
             ukraina\tGPE\tcountry\tUkraina\t\t\n\
             moskow\tGPE\tcity\tMoskow\t\t\n\
             pbb\tORG\tintergovernmental\tPerserikatan Bangsa-Bangsa\tPBB\t\n\
             majelis-umum-pbb\tORG\tbody\tMajelis Umum PBB\t\t\n\
             meta\tORG\tcompany\tMeta\tMeta Platforms\t\n\
             asean\tORG\tintergovernmental\tASEAN\t\t\n",
        ))
        .expect("compiles")
    }

    #[test]
    fn defaults_load_without_problems() {
        let (g, errors) = load_defaults(true);
        let msgs: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
        assert!(
            msgs.is_empty(),
            "problems in the embedded gazetteers:\n{}",
            msgs.join("\n")
        );
        assert!(g.len() > 200, "only {} default entries", g.len());
        Matcher::new(g).expect("defaults compile");
    }

    /// The start filters (`first_pair`, `short_pair`, `quads`) never reject a place where a
    /// name starts: names of one to five bytes, at the end of the text and inside it.
    #[test]
    fn start_filters_keep_every_name_length() {
        let g = gaz("a\tORG\tx\tX\t\t\nb\tGPE\tx\tAS\t\t\nc\tORG\tx\tKPK\t\t\n\
                     d\tGPE\tx\tBali\t\t\ne\tGPE\tx\tSolok\t\t\n");
        let m = Matcher::new(g).expect("compiles");
        let text = "X, AS dan KPK di Bali, Solok. Solo Balikpapan AS";
        let tokens = crate::tokenize::tokenize(text);
        let found: Vec<&str> = m
            .find(text, &tokens)
            .iter()
            .map(|e| e.span.as_str(text))
            .collect();
        assert_eq!(found, ["X", "AS", "KPK", "Bali", "Solok", "AS"]);
        // the four-byte filter rejects words no name starts with, and keeps those some does
        assert!(!m.may_start(b"Balo", 0) && !m.may_start(b"Solu", 0));
        assert!(m.may_start(b"Bali", 0) && m.may_start(b"KPKx", 0) && m.may_start(b"Ba", 0));
    }

    #[test]
    fn trims_as_str_trim_does() {
        let cases = [
            "",
            " ",
            "Jakarta",
            " \t Jakarta Pusat \r\n",
            "\u{a0}Jakarta\u{3000}",
            "\x0bJakarta\x0b",
            "\x0c Jakarta \x0c",
            "Jakarta\u{85}",
            "é",
            " é ",
            "\u{2003}\u{a0}",
            "\x1fJakarta\x1f",
        ];
        for s in cases {
            assert_eq!(trim(s), s.trim(), "{s:?}");
        }
    }

    #[test]
    fn parses_fields() {
        let g = gaz(
            "# a comment\n\nkcna\tORG\tnews_agency\t KCNA \tKantor Berita Pusat Korea|KCNA\t3\r\n",
        );
        let e = &g.entries()[0];
        assert_eq!(&*e.id, "kcna");
        assert_eq!(e.label, Label::Org);
        assert_eq!(&*e.canonical, "KCNA");
        assert_eq!(e.aliases, ["Kantor Berita Pusat Korea"]);
        assert_eq!(e.priority, 3);
        assert_eq!(e.line, 4);
    }

    #[test]
    fn error_unknown_label() {
        assert_eq!(
            err("x\tCITY\tcity\tX\t\t\n"),
            "t.tsv:2: unknown label `CITY` (expected PERSON, GPE, LOC or ORG)"
        );
        // Labels are case-sensitive.
        assert!(err("x\tgpe\tcity\tX\t\t\n").contains("unknown label `gpe`"));
    }

    #[test]
    fn error_empty_fields() {
        assert_eq!(err("\tGPE\tcity\tX\t\t\n"), "t.tsv:2: empty id");
        assert_eq!(err("x\tGPE\t\tX\t\t\n"), "t.tsv:2: empty kind");
        assert_eq!(
            err("x\tGPE\tcity\t \t\t\n"),
            "t.tsv:2: empty canonical name"
        );
        assert_eq!(
            err("x\tGPE\tcity\tX\ta||b\t\n"),
            "t.tsv:2: empty alias in `a||b`"
        );
        assert_eq!(
            err("x\tGPE\tcity\tX\ta|\t\n"),
            "t.tsv:2: empty alias in `a|`"
        );
    }

    #[test]
    fn error_field_count() {
        assert_eq!(
            err("x\tGPE\tcity\tX\t\n"),
            "t.tsv:2: expected 6 tab-separated fields (id, label, kind, canonical, aliases, priority), found 5"
        );
        assert!(err("x\tGPE\tcity\tX\t\t\textra\n").ends_with("found 7"));
    }

    #[test]
    fn error_priority() {
        assert_eq!(
            err("x\tGPE\tcity\tX\t\ttinggi\n"),
            "t.tsv:2: priority `tinggi` is not an integer"
        );
        assert_eq!(gaz("x\tGPE\tcity\tX\t\t-2\n").entries()[0].priority, -2);
    }

    #[test]
    fn error_header() {
        let e = Gazetteer::parse("t.tsv", "# c\nid\tlabel\tkind\n").unwrap_err();
        assert!(
            e.to_string().starts_with("t.tsv:2: expected the header"),
            "{e}"
        );
        let e = Gazetteer::parse("t.tsv", "# only comments\n").unwrap_err();
        assert!(e.to_string().starts_with("t.tsv:1: no header line"), "{e}");
    }

    #[test]
    fn error_duplicate_id() {
        assert_eq!(
            err("x\tGPE\tcity\tX\t\t\ny\tGPE\tcity\tY\t\t\nx\tLOC\tregion\tX2\t\t\n"),
            "t.tsv:4: duplicate id `x` (first at line 2)"
        );
    }

    #[test]
    fn error_same_alias_same_label_same_priority() {
        assert_eq!(
            err("a\tORG\tagency\tBadan A\tBA\t\nb\tORG\tagency\tBadan B\tBA\t\n"),
            "t.tsv:3: alias `BA` of `b` is also an alias of `a` (line 2) with the same label ORG and priority 0; give one of them a higher priority"
        );
        // A canonical name clashing with another entry's alias counts too.
        assert!(err("a\tGPE\tcity\tX\t\t\nb\tGPE\tcity\tY\tX\t\n").contains("alias `X` of `b`"));
    }

    #[test]
    fn same_alias_resolved_by_priority_or_label() {
        let m = Matcher::new(gaz("a\tORG\tagency\tBadan A\tBA\t\n\
             b\tORG\tagency\tBadan B\tBA\t1\n\
             c\tORG\tagency\tBadan C\tBA\t\n\
             k-org\tORG\tgovernment\tKremlin\t\t\n\
             k-loc\tLOC\tbuilding\tKremlin\t\t\n"))
        .expect("no conflict: b outranks a and c");
        assert_eq!(found(&m, "BA dan Kremlin")[0].1, "b");
        assert_eq!(found(&m, "BA dan Kremlin")[1].1, "k-org");
    }

    #[test]
    fn error_invalid_utf8() {
        let mut bytes = format!("{HEADER}\nx\tGPE\tcity\t").into_bytes();
        let at = bytes.len();
        bytes.extend_from_slice(b"\xffX\t\t\n");
        let (_, errors) = Gazetteer::check("t.tsv", &bytes);
        assert_eq!(
            errors[0].to_string(),
            format!("t.tsv:2: invalid UTF-8 at byte {at}")
        );
    }

    #[test]
    fn check_reports_every_problem() {
        let (g, errors) = Gazetteer::check(
            "t.tsv",
            format!("{HEADER}\nx\tBAD\tc\tX\t\t\nok\tGPE\tcity\tOke\t\t\ny\tGPE\t\tY\t\t\n")
                .as_bytes(),
        );
        assert_eq!(g.len(), 1);
        let lines: Vec<String> = errors
            .iter()
            .map(|e| e.to_string()[..8].to_string())
            .collect();
        assert_eq!(lines, ["t.tsv:2:", "t.tsv:4:"]);
    }

    #[test]
    fn user_entry_overrides_default_by_id() {
        let mut g = Gazetteer::defaults();
        let n = g.len();
        g.extend(gaz(
            "rusia\tGPE\tcountry\tFederasi Rusia\tNegeri Beruang Merah\t\n",
        ));
        assert_eq!(g.len(), n);
        let m = Matcher::new(g).expect("override is not a conflict");
        let text = "Negeri Beruang Merah dan Rusia.";
        let hits = found(&m, text);
        assert_eq!(hits[0], ("Negeri Beruang Merah".into(), "rusia".into()));
        // The user's entry replaced the default one, so its canonical name is the user's.
        assert_eq!(
            &*m.find(text, &tokenize(text))[0].canonical,
            "Federasi Rusia"
        );
        // "Rusia" was an alias only in the default entry; it is gone now.
        assert_eq!(hits.len(), 1, "{hits:?}");
    }

    #[test]
    fn user_conflict_with_default_is_an_error() {
        let mut g = Gazetteer::defaults();
        g.extend(gaz("rusia-2\tGPE\tcountry\tRusia\t\t\n"));
        let e = Matcher::new(g).unwrap_err().to_string();
        assert!(e.starts_with("t.tsv:2: alias `Rusia` of `rusia-2` is also an alias of `rusia` (gazetteers/countries.tsv:"), "{e}");
    }

    #[test]
    fn acronym_matches_exactly_only() {
        let m = small();
        assert_eq!(texts(&m, "Pejabat AS tiba."), ["AS"]);
        assert!(texts(&m, "Anggota ASEAN bertemu.")
            .iter()
            .all(|t| t != "AS"));
        assert_eq!(texts(&m, "Anggota ASEAN bertemu."), ["ASEAN"]);
        assert!(texts(&m, "Murid kelas dua.").is_empty());
        assert!(texts(&m, "Ia datang as usual, As juga.").is_empty());
        assert!(texts(&m, "Sidang Pbb dan pbb.").is_empty());
    }

    #[test]
    fn names_match_as_written_or_all_caps() {
        let m = small();
        assert_eq!(
            texts(&m, "MOSKOW, Rusia - Moskow membalas."),
            ["MOSKOW", "Rusia", "Moskow"]
        );
        assert_eq!(found(&m, "MOSKOW")[0].1, "moskow");
        assert_eq!(texts(&m, "KOREA UTARA UJI RUDAL"), ["KOREA UTARA"]);
        assert!(texts(&m, "moskow dan MOSkow").is_empty());
        assert_eq!(texts(&m, "Korea utara"), ["Korea"]);
        assert!(texts(&m, "Data meta gambar.").is_empty());
        assert_eq!(texts(&m, "Saham Meta naik."), ["Meta"]);
    }

    #[test]
    fn capitals_of_non_ascii_names() {
        let m = Matcher::new(gaz("zurich\tGPE\tcity\tZürich\t\t\n\
             sao-paulo\tGPE\tcity\tSão Paulo\t\t\n"))
        .expect("compiles");
        assert_eq!(texts(&m, "ZÜRICH dan SÃO PAULO"), ["ZÜRICH", "SÃO PAULO"]);
        assert_eq!(texts(&m, "Zürich dan São Paulo"), ["Zürich", "São Paulo"]);
        assert!(texts(&m, "zürich dan ZüRICH dan sÃo paulo").is_empty());
    }

    #[test]
    fn hyphen_and_slash_parts_are_units() {
        let m = small();
        assert_eq!(texts(&m, "Kelompok pro-Rusia menolak."), ["Rusia"]);
        assert_eq!(
            texts(&m, "Perang Rusia-Ukraina berlanjut."),
            ["Rusia", "Ukraina"]
        );
        assert_eq!(texts(&m, "Demo anti-Amerika."), ["Amerika"]);
        assert_eq!(
            texts(&m, "Hubungan Rusia-Korea Utara."),
            ["Rusia", "Korea Utara"]
        );
        assert_eq!(texts(&m, "Poros AS/Rusia."), ["AS", "Rusia"]);
        let text = "pro-Rusia";
        let e = &m.find(text, &tokenize(text))[0];
        assert_eq!((e.span.start, e.span.end), (4, 9));
    }

    #[test]
    fn hyphen_parts_found_with_tokens_out_of_order() {
        // hand-made tokens in any order take the per-token scan: same matches
        let m = small();
        let text = "Perang Rusia-Ukraina dan AS/Rusia.";
        let tokens = tokenize(text);
        let mut reversed = tokens.clone();
        reversed.reverse();
        let spans = |t: &[Token]| -> Vec<(usize, usize)> {
            m.find(text, t)
                .iter()
                .map(|e| (e.span.start, e.span.end))
                .collect()
        };
        assert_eq!(spans(&tokens), [(7, 12), (13, 20), (25, 27), (28, 33)]);
        assert_eq!(spans(&reversed), spans(&tokens));
    }

    #[test]
    fn token_aligned() {
        let m = small();
        assert!(texts(&m, "Rusiana dan Koreanya").is_empty());
        // The longest name does not end on a token, the shorter one does.
        assert_eq!(texts(&m, "Korea Utaranya"), ["Korea"]);
    }

    #[test]
    fn leftmost_longest() {
        let m = small();
        assert_eq!(found(&m, "Korea Utara")[0].1, "korea-utara");
        assert_eq!(
            texts(&m, "Sidang Majelis Umum PBB dan PBB."),
            ["Majelis Umum PBB", "PBB"]
        );
        assert_eq!(
            texts(&m, "Amerika Serikat dan Amerika"),
            ["Amerika Serikat", "Amerika"]
        );
    }

    #[test]
    fn one_byte_names_and_names_at_the_end() {
        // The two-byte prefilter must not lose one-byte names, nor names in the last byte.
        let m = Matcher::new(gaz("x\tORG\tcompany\tX Corp\tX\t\n\
             ri\tGPE\tcountry\tRepublik Indonesia\tRI\t\n"))
        .expect("compiles");
        assert_eq!(texts(&m, "X"), ["X"]);
        // (`X.` would be one token, an initial, so a comma follows here.)
        assert_eq!(texts(&m, "Saham X, lalu"), ["X"]);
        assert_eq!(texts(&m, "Saham X"), ["X"]);
        assert_eq!(
            texts(&m, "RI dan X Corp, bukan Xa atau R"),
            ["RI", "X Corp"]
        );
    }

    #[test]
    fn entity_fields() {
        let m = small();
        let text = "Warga Korut.";
        let e = &m.find(text, &tokenize(text))[0];
        assert_eq!(e.span, Span::new(6, 11));
        assert_eq!(e.label, Label::Gpe);
        assert_eq!(
            (&*e.id, &*e.canonical, &*e.kind),
            ("korea-utara", "Korea Utara", "country")
        );
        assert_eq!(e.source, Source::Gazetteer);
        assert_eq!(e.zone, None);
    }

    #[test]
    fn exact_form_beats_capitalised_form() {
        let m = Matcher::new(gaz("pan\tORG\tparty\tPartai Amanat Nasional\tPAN\t\n\
             pan-dewa\tPERSON\tperson\tPan\t\t5\n"))
        .expect("compiles");
        assert_eq!(found(&m, "Kader PAN")[0].1, "pan");
        assert_eq!(found(&m, "Dewa Pan")[0].1, "pan-dewa");
    }

    #[test]
    fn without_tokens_uses_word_boundaries() {
        let m = small();
        let text = "AS, ASEAN dan pro-Rusia";
        let hits: Vec<&str> = m
            .find(text, &[])
            .iter()
            .map(|e| e.span.as_str(text))
            .collect();
        assert_eq!(hits, ["AS", "ASEAN", "Rusia"]);
    }

    #[test]
    fn non_ascii_text_is_safe() {
        let m = small();
        let text = "“Rusia” — Ukraina… Moskow’s É";
        assert_eq!(texts(&m, text), ["Rusia", "Ukraina", "Moskow"]);
        assert!(m.find("", &[]).is_empty());
    }

    #[test]
    fn tsv_round_trip() {
        let g = Gazetteer::defaults();
        let mut tsv = String::from(HEADER);
        for e in g.entries() {
            tsv.push('\n');
            tsv.push_str(&e.to_tsv());
        }
        let back = Gazetteer::parse("list", &tsv).expect("listing parses");
        assert_eq!(back.len(), g.len());
        for (a, b) in back.entries().iter().zip(g.entries()) {
            assert_eq!(
                (&a.id, &a.canonical, &a.aliases, a.priority),
                (&b.id, &b.canonical, &b.aliases, b.priority)
            );
        }
    }
}
