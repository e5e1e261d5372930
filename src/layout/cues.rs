//! The layout stage's word lists, read once from `data/*.tsv` (embedded).

use std::collections::HashSet;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, MatchKind};
use regex::Regex;

/// Which field a credit label fills.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Field {
    Reporter,
    Editor,
    Source,
}

/// What an inline phrase does to its line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Inline {
    /// Boilerplate just for the phrase.
    Phrase,
    /// Boilerplate from the phrase to the end of the line.
    ToEol,
    /// A `Baca Juga:` link: related up to where the headline ends.
    Related,
}

pub(crate) struct Cues {
    pub related_head: CueSet,
    pub boiler_head: CueSet,
    pub boiler_line: HashSet<String>,
    /// Line prefixes: boilerplate, captions, related links, credit labels.
    pub boiler_prefix: Prefixes,
    pub caption_prefix: Prefixes,
    pub related_prefix: Prefixes,
    pub credit_labels: Prefixes,
    pub end: CueSet,
    pub credits: Vec<(String, Field)>,
    pub outlets: Vec<(String, String)>,
    pub connectors: HashSet<String>,
    pub starters: HashSet<String>,
    /// Inline phrases (boilerplate and `Baca Juga:` forms), found in one pass.
    pub inline: AhoCorasick,
    pub inline_kind: Vec<Inline>,
    /// Datelines: `CITY, MARKER -` / `City (MARKER) -`.
    pub dl_marker: Regex,
    /// Datelines: `DOMAIN, City -` / `DOMAIN - CITY.` / `DOMAIN -`.
    pub dl_domain: Regex,
    /// Datelines: `CITY -` at the start of the body (weak: only before any prose).
    pub dl_city: Regex,
    /// Reporter/editor initials closing a story: `(fyk/ash)`.
    pub initials: Regex,
    /// A ticker row: a name and numbers with signs and percentages.
    pub ticker: Regex,
}

/// Whole-line cues, looked up by [`norm`]. Lines too long for any cue normalise to the empty
/// string; answering that without hashing saves a lookup on almost every body line.
#[derive(Default)]
pub(crate) struct CueSet {
    set: HashSet<String>,
    has_empty: bool,
}

impl CueSet {
    fn insert(&mut self, s: String) {
        if s.is_empty() {
            self.has_empty = true;
        } else {
            self.set.insert(s);
        }
    }

    pub(crate) fn contains(&self, s: &str) -> bool {
        if s.is_empty() {
            self.has_empty
        } else {
            self.set.contains(s)
        }
    }
}

/// A list of lower-cased prefixes, bucketed by first byte: lines are compared
/// case-insensitively in ASCII only, so a line can only start with the prefixes of its own
/// first byte's bucket, and most lines have none.
pub(crate) struct Prefixes {
    buckets: Vec<Vec<String>>,
    /// An empty prefix starts every line, even an empty one.
    empty: bool,
}

impl Prefixes {
    fn of<'a>(prefixes: impl IntoIterator<Item = &'a str>) -> Prefixes {
        let mut buckets = vec![Vec::new(); 256];
        let mut empty = false;
        for p in prefixes {
            match p.as_bytes().first() {
                Some(&b) => buckets[usize::from(b.to_ascii_lowercase())].push(p.to_string()),
                None => empty = true,
            }
        }
        Prefixes { buckets, empty }
    }

    /// True when `s` starts with one of the prefixes (ASCII case ignored).
    pub(crate) fn starts(&self, s: &str) -> bool {
        if self.empty {
            return true;
        }
        let Some(&b) = s.as_bytes().first() else {
            return false;
        };
        self.buckets[usize::from(b.to_ascii_lowercase())]
            .iter()
            .any(|p| starts_with_ci(s, p))
    }
}

/// True when `s` starts with `prefix`, ASCII case ignored.
pub(crate) fn starts_with_ci(s: &str, prefix: &str) -> bool {
    s.len() >= prefix.len()
        && s.is_char_boundary(prefix.len())
        && s.as_bytes()[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes())
}

fn rows(data: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    data.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').collect())
}

/// Whole-line cues are short; longer lines are not looked up (and not lower-cased).
pub(crate) const WHOLE_LINE_MAX: usize = 48;

/// Normalises a whole-line cue: lower case, trailing `:` and spaces dropped. Lines longer than
/// any cue give the empty string, which no cue list holds, without allocating.
pub(crate) fn norm(s: &str) -> String {
    let s = s.trim();
    if s.len() > WHOLE_LINE_MAX {
        return String::new();
    }
    s.trim_end_matches(':').trim_end().to_lowercase()
}

pub(crate) fn cues() -> &'static Cues {
    static C: OnceLock<Cues> = OnceLock::new();
    C.get_or_init(build)
}

/// Reads every list once: the furniture phrases, credit labels, outlets, headline words and
/// dateline patterns, each by its own step below.
fn build() -> Cues {
    let f = furniture();
    let credits = credit_labels();
    let (connectors, starters) = headline_words();
    let (dl_marker, dl_domain, dl_city) = dateline_patterns();
    Cues {
        boiler_prefix: Prefixes::of(f.boiler_prefix.iter().map(String::as_str)),
        caption_prefix: Prefixes::of(f.caption_prefix.iter().map(String::as_str)),
        related_prefix: Prefixes::of(f.related_prefix.iter().map(String::as_str)),
        credit_labels: Prefixes::of(credits.iter().map(|(l, _)| l.as_str())),
        related_head: f.related_head,
        boiler_head: f.boiler_head,
        boiler_line: f.boiler_line,
        end: f.end,
        credits,
        outlets: outlets(),
        connectors,
        starters,
        inline: AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&f.inline_pats)
            .expect("inline phrases"),
        inline_kind: f.inline_kind,
        dl_marker,
        dl_domain,
        dl_city,
        initials: layout_regex(r"^\((?:[A-Za-z]{2,5}/)+[A-Za-z]{2,5}\)$"),
        ticker: layout_regex(r"-?\d[\d.,]*\s*%"),
    }
}

/// The phrases of `data/furniture.tsv`, by category, before they are bucketed.
#[derive(Default)]
struct Furniture {
    related_head: CueSet,
    related_prefix: Vec<String>,
    boiler_head: CueSet,
    boiler_line: HashSet<String>,
    boiler_prefix: Vec<String>,
    caption_prefix: Vec<String>,
    end: CueSet,
    /// Inline phrases in file order, and what each does to its line.
    inline_pats: Vec<String>,
    inline_kind: Vec<Inline>,
}

/// Reads `data/furniture.tsv` (category, phrase). A `Baca Juga` related prefix is also an
/// inline phrase, since scraped pages glue it into the middle of body lines.
fn furniture() -> Furniture {
    let mut f = Furniture::default();
    for r in rows(include_str!("../../data/furniture.tsv")) {
        let [cat, phrase] = r.as_slice() else {
            continue;
        };
        let p = phrase.to_string();
        match *cat {
            "related-head" => {
                f.related_head.insert(norm(&p));
            }
            "related-prefix" => {
                f.related_prefix.push(p.to_lowercase());
                if p.to_lowercase().starts_with("baca juga") {
                    f.inline_pats.push(p.clone());
                    f.inline_kind.push(Inline::Related);
                }
            }
            "boiler-head" => {
                f.boiler_head.insert(norm(&p));
            }
            "boiler-line" => {
                f.boiler_line.insert(p.trim().to_lowercase());
            }
            "boiler-prefix" => f.boiler_prefix.push(p.to_lowercase()),
            "caption-prefix" => f.caption_prefix.push(p.to_lowercase()),
            "end" => {
                f.end.insert(norm(&p));
            }
            "inline" => {
                f.inline_pats.push(p);
                f.inline_kind.push(Inline::Phrase);
            }
            "inline-eol" => {
                f.inline_pats.push(p);
                f.inline_kind.push(Inline::ToEol);
            }
            _ => {}
        }
    }
    f
}

/// Reads `data/layout_credits.tsv`: a credit label (`Reporter`, `Penulis`, `Sumber`) and the
/// field it fills, labels lower-cased. (The tokenizer reads the labels too, to cut one glued
/// to a name: `tokenize::glued`.)
pub(crate) fn credit_labels() -> Vec<(String, Field)> {
    rows(include_str!("../../data/layout_credits.tsv"))
        .filter_map(|r| {
            let [label, field] = r.as_slice() else {
                return None;
            };
            let f = match field.trim() {
                "reporter" => Field::Reporter,
                "editor" => Field::Editor,
                "source" => Field::Source,
                _ => return None,
            };
            Some((label.trim().to_lowercase(), f))
        })
        .collect()
}

/// Reads `data/layout_outlets.tsv`: an outlet's key, lower-cased, and its domain (`kontan`,
/// `kontan.co.id`); longest key first, since the longest key a page names wins.
fn outlets() -> Vec<(String, String)> {
    let mut outlets: Vec<(String, String)> = rows(include_str!("../../data/layout_outlets.tsv"))
        .filter_map(|r| match r.as_slice() {
            [k, d] => Some((k.trim().to_lowercase(), d.trim().to_string())),
            _ => None,
        })
        .collect();
    outlets.sort_by_key(|(k, _)| std::cmp::Reverse(k.len()));
    outlets
}

/// Reads `data/layout_headline_words.tsv`, the words that decide where a `Baca Juga:` headline
/// glued to a paragraph ends: connectors (`dan`, lower-case words a headline goes on past) and
/// starters (`Menurut`, capitalised words that open a body sentence).
fn headline_words() -> (HashSet<String>, HashSet<String>) {
    let mut connectors = HashSet::new();
    let mut starters = HashSet::new();
    for r in rows(include_str!("../../data/layout_headline_words.tsv")) {
        match r.as_slice() {
            ["connector", w] => {
                connectors.insert(w.trim().to_string());
            }
            ["starter", w] => {
                starters.insert(w.trim().to_string());
            }
            _ => {}
        }
    }
    (connectors, starters)
}

/// The three dateline patterns (see [`Cues`]: `dl_marker`, `dl_domain`, `dl_city`), with the
/// outlet markers of `data/layout_dateline.tsv`, longest first so that the alternation prefers
/// the longest marker.
fn dateline_patterns() -> (Regex, Regex, Regex) {
    let mut markers: Vec<String> = include_str!("../../data/layout_dateline.tsv")
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| regex::escape(l.trim()))
        .collect();
    markers.sort_by_key(|m| std::cmp::Reverse(m.len()));
    let caps = r"[A-Z][A-Z]+(?:[ /][A-Z][A-Z]+){0,3}";
    let title = r"[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}";
    let dl_marker = layout_regex(&format!(
        r"^(?P<city>(?:{caps}|{title})(?:, ?[A-Z][A-Za-z]+)?)\s*(?:,\s*|\(\s*)(?P<outlet>{})\s*\)?\s*(?:[-–—]{{1,2}}\s*)?",
        markers.join("|")
    ));
    let dl_domain = layout_regex(&format!(
        r"^(?P<outlet>[A-Za-z0-9][A-Za-z0-9-]*(?:\.(?i:com|co|id|net|org|tv))+\b)(?:\s*,\s*(?P<city1>(?:{caps}|{title})(?:,\s*[A-Z]{{2}}\b)?)|\s*[-–—]{{1,2}}\s*(?P<city2>{caps})(?:\s*\.|\s*[-–—]{{1,2}}|[ \t]{{2,}}|[ \t]*$))?(?P<sep>\s*(?:[-–—]{{1,2}}|\.))?\s*"
    ));
    let dl_city = layout_regex(&format!(
        r"^(?P<city>{caps}|{title})(?:[ \t]*\r?\n?[ \t]*[-–—]{{1,2}}\s+|\s+[-–—]{{1,2}}\s*)"
    ));
    (dl_marker, dl_domain, dl_city)
}

/// Compiles one of the layout's built-in patterns (written here, not read from input: a
/// failure is a bug caught by every test).
fn layout_regex(s: &str) -> Regex {
    Regex::new(s).expect("layout regex")
}
