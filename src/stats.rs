//! Tallies over a tagged corpus: who is quoted most, which entities are named most, per outlet
//! and per month, and how many quotes have no speaker.
//!
//! [`Stats`] takes one document's [`Facts`] at a time and keeps only the tallies, so a
//! million-document corpus streams through in memory that grows with the number of distinct
//! names, not of documents. Facts come from a [`Document`] just tagged
//! ([`Facts::from_document`]) or from a JSONL record written earlier ([`Line::parse`]);
//! both give the same tallies.
//!
//! ```
//! use indotag::stats::{Facts, Stats, StatsOptions};
//! use indotag::Tagger;
//!
//! let tagger = Tagger::new();
//! let mut stats = Stats::new(StatsOptions::default());
//! for text in [
//!     "“Kami siap,” kata Presiden Joko Widodo di Jakarta.",
//!     "Joko Widodo mengatakan bahwa ekonomi Indonesia tumbuh pesat. “Ayo,” ujar seorang warga.",
//! ] {
//!     stats.add(&Facts::from_document(&tagger.tag(text)));
//! }
//! let summary = stats.summary();
//! assert_eq!(summary.documents, 2);
//! let all = &summary.groups[0];
//! let top = &all.speakers[0];
//! assert_eq!((top.name.as_str(), top.quotes, top.documents), ("Joko Widodo", 2, 2));
//! assert_eq!((top.direct, top.indirect), (1, 1));
//! // "seorang warga" is a speaker, but not a name:
//! assert_eq!(all.unresolved.direct, 1);
//! ```

use std::collections::{BTreeMap, HashMap, HashSet};
use std::io::{self, Write};

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::document::Document;
use crate::span::QuoteKind;

/// What the tallies are broken down by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GroupBy {
    /// The document's `meta.outlet`.
    Outlet,
    /// The month of the document's `meta.published` (`2024-03`).
    Month,
    /// The zone each entity or quote lies in (`body`, `caption`, …).
    Zone,
}

impl GroupBy {
    /// The name on the command line.
    pub const fn as_str(self) -> &'static str {
        match self {
            GroupBy::Outlet => "outlet",
            GroupBy::Month => "month",
            GroupBy::Zone => "zone",
        }
    }
}

/// How to tally and what to keep.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StatsOptions {
    /// Break the speaker, entity and quote tallies down by this.
    pub by: Option<GroupBy>,
    /// Rows kept in each ranked list (speakers, entities per label, outlets); 0 keeps all.
    pub top: usize,
}

impl Default for StatsOptions {
    fn default() -> Self {
        StatsOptions { by: None, top: 10 }
    }
}

/// The part of one document the tallies need.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Facts {
    /// `meta.outlet`.
    pub outlet: Option<String>,
    /// `YYYY-MM` from `meta.published`.
    pub month: Option<String>,
    /// Entity mentions.
    pub entities: Vec<EntityFact>,
    /// Quotations.
    pub quotes: Vec<QuoteFact>,
}

/// One entity mention, as the tallies see it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EntityFact {
    /// `PERSON`, `GPE`, `LOC`, `ORG` (or another tool's label).
    pub label: String,
    /// The full name.
    pub canonical: String,
    /// The zone it lies in.
    pub zone: Option<String>,
}

/// One quotation, as the tallies see it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuoteFact {
    /// Direct, partial or indirect.
    pub kind: QuoteKind,
    /// Who says it.
    pub speaker: SpeakerFact,
    /// The zone it starts in.
    pub zone: Option<String>,
}

/// Who says a quote, as far as the record knows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SpeakerFact {
    /// No speaker.
    None,
    /// A speaker mention (a pronoun, a role) not resolved to a name.
    Unresolved,
    /// The speaker's canonical name.
    Named(String),
}

impl Facts {
    /// The facts of a tagged document.
    ///
    /// ```
    /// let doc = indotag::Tagger::new().tag("Presiden Joko Widodo tiba di Tokyo.");
    /// let facts = indotag::stats::Facts::from_document(&doc);
    /// assert_eq!(facts.entities[0].canonical, "Joko Widodo");
    /// ```
    pub fn from_document(doc: &Document) -> Facts {
        let entities = doc
            .entities
            .iter()
            .map(|e| EntityFact {
                label: e.label.as_str().into(),
                canonical: e.canonical.to_string(),
                zone: e.zone.map(|z| z.as_str().into()),
            })
            .collect();
        let quotes = doc
            .quotes
            .iter()
            .map(|q| QuoteFact {
                kind: q.kind,
                speaker: match &q.speaker {
                    None => SpeakerFact::None,
                    Some(s) => match &s.canonical {
                        Some(c) => SpeakerFact::Named(c.to_string()),
                        None => SpeakerFact::Unresolved,
                    },
                },
                zone: q.zone.map(|z| z.as_str().into()),
            })
            .collect();
        Facts {
            outlet: doc.meta.outlet.clone(),
            month: doc.meta.published.as_deref().and_then(month),
            entities,
            quotes,
        }
    }
}

/// The fields of a record the tallies read; serde skips the rest (tokens, text, sentences)
/// without building them, which keeps a corpus with tokens fast and small to read.
#[derive(Deserialize)]
struct RecordIn {
    #[serde(default)]
    id: Option<Value>,
    #[serde(default)]
    meta: Option<MetaIn>,
    #[serde(default)]
    entities: Option<Vec<EntityIn>>,
    #[serde(default)]
    quotes: Option<Vec<QuoteIn>>,
    #[serde(default)]
    error: Option<Value>,
}

#[derive(Deserialize)]
struct MetaIn {
    #[serde(default)]
    outlet: Option<String>,
    #[serde(default)]
    published: Option<String>,
}

#[derive(Deserialize)]
struct EntityIn {
    label: String,
    canonical: String,
    #[serde(default)]
    zone: Option<String>,
}

#[derive(Deserialize)]
struct QuoteIn {
    kind: QuoteKindIn,
    #[serde(default)]
    speaker: Option<SpeakerIn>,
    #[serde(default)]
    zone: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "lowercase")]
enum QuoteKindIn {
    Direct,
    Partial,
    Indirect,
}

#[derive(Deserialize)]
struct SpeakerIn {
    #[serde(default)]
    canonical: Option<String>,
}

/// What one JSONL line holds, for the tallies.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Line {
    /// A tagged record.
    Tagged(Facts),
    /// A record without `entities`: to be tagged first.
    Untagged,
    /// An error record (`{"id", "error"}`): `ID: MESSAGE`.
    Failed(String),
}

impl Line {
    /// Reads one JSONL line: a tagged record's facts, an error record, or a record still to
    /// be tagged. An error for a line that is not JSON or whose fields have the wrong shape.
    ///
    /// ```
    /// use indotag::stats::Line;
    /// let line = br#"{"id":"a","text":"...","tokens":[{"start":0}],"entities":[{"label":"GPE","canonical":"Jepang"}],"quotes":[]}"#;
    /// let Line::Tagged(facts) = Line::parse(line).unwrap() else { panic!() };
    /// assert_eq!(facts.entities[0].canonical, "Jepang");
    /// assert_eq!(Line::parse(br#"{"text":"Halo."}"#).unwrap(), Line::Untagged);
    /// assert!(Line::parse(b"{").is_err());
    /// ```
    pub fn parse(line: &[u8]) -> Result<Line, String> {
        serde_json::from_slice(line)
            .map(Line::from_fields)
            .map_err(|e| e.to_string())
    }

    /// [`Line::parse`] for a record already parsed (as [`crate::input::Reader`] gives its
    /// fields other than `id` and `text`).
    ///
    /// ```
    /// use indotag::stats::{Line, SpeakerFact};
    /// let line = r#"{"meta":{"outlet":"contoh.id","published":"2024-03-14T10:15:00+07:00"},
    ///   "entities":[{"label":"GPE","canonical":"Jepang","zone":"body"}],
    ///   "quotes":[{"kind":"direct","speaker":null}]}"#;
    /// let record: serde_json::Map<String, serde_json::Value> = serde_json::from_str(line).unwrap();
    /// let Line::Tagged(facts) = Line::from_map(&record).unwrap() else { panic!() };
    /// assert_eq!(facts.month.as_deref(), Some("2024-03"));
    /// assert_eq!(facts.quotes[0].speaker, SpeakerFact::None);
    /// ```
    pub fn from_map(record: &Map<String, Value>) -> Result<Line, String> {
        serde_json::from_value(Value::Object(record.clone()))
            .map(Line::from_fields)
            .map_err(|e| e.to_string())
    }

    fn from_fields(r: RecordIn) -> Line {
        if let Some(e) = r.error {
            let text = |v: Value| match v {
                Value::String(s) => s,
                other => other.to_string(),
            };
            let e = text(e);
            return Line::Failed(match r.id {
                Some(id) => format!("{}: {e}", text(id)),
                None => e,
            });
        }
        let Some(entities) = r.entities else {
            return Line::Untagged;
        };
        let (outlet, published) = match r.meta {
            Some(m) => (m.outlet, m.published),
            None => (None, None),
        };
        Line::Tagged(Facts {
            outlet,
            month: published.as_deref().and_then(month),
            entities: entities
                .into_iter()
                .map(|e| EntityFact {
                    label: e.label,
                    canonical: e.canonical,
                    zone: e.zone,
                })
                .collect(),
            quotes: r
                .quotes
                .unwrap_or_default()
                .into_iter()
                .map(|q| QuoteFact {
                    kind: match q.kind {
                        QuoteKindIn::Direct => QuoteKind::Direct,
                        QuoteKindIn::Partial => QuoteKind::Partial,
                        QuoteKindIn::Indirect => QuoteKind::Indirect,
                    },
                    speaker: match q.speaker {
                        None => SpeakerFact::None,
                        Some(SpeakerIn { canonical: None }) => SpeakerFact::Unresolved,
                        Some(SpeakerIn { canonical: Some(c) }) => SpeakerFact::Named(c),
                    },
                    zone: q.zone,
                })
                .collect(),
        })
    }
}

/// `2024-03` from `2024-03-14T10:15:00+07:00`; `None` unless it starts `YYYY-MM`.
fn month(published: &str) -> Option<String> {
    let m = published.get(..7)?;
    let b = m.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    (digits(0..4) && b[4] == b'-' && digits(5..7)).then(|| m.to_string())
}

/// What a group or a month or an outlet is called when the record does not say.
const UNKNOWN: &str = "(unknown)";

/// Counts per quote kind.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct KindCounts {
    /// Direct quotes.
    pub direct: u64,
    /// Partial quotes.
    pub partial: u64,
    /// Indirect quotes.
    pub indirect: u64,
}

impl KindCounts {
    fn add(&mut self, kind: QuoteKind) {
        match kind {
            QuoteKind::Direct => self.direct += 1,
            QuoteKind::Partial => self.partial += 1,
            QuoteKind::Indirect => self.indirect += 1,
        }
    }

    /// All kinds together.
    pub fn total(&self) -> u64 {
        self.direct + self.partial + self.indirect
    }
}

#[derive(Debug, Default)]
struct Tally {
    documents: u64,
    entities: u64,
    quotes: KindCounts,
    unattributed: KindCounts,
    unresolved: KindCounts,
    speakers: HashMap<String, (KindCounts, u64)>,
    /// (label, canonical) → (mentions, documents).
    names: HashMap<(String, String), (u64, u64)>,
}

#[derive(Debug, Default, Clone, Copy)]
struct Sizes {
    documents: u64,
    entities: u64,
    quotes: KindCounts,
}

/// The running tallies of a corpus.
#[derive(Debug, Default)]
pub struct Stats {
    options: StatsOptions,
    documents: u64,
    failed: u64,
    groups: HashMap<String, Tally>,
    outlets: HashMap<String, Sizes>,
    months: BTreeMap<String, Sizes>,
}

impl Stats {
    /// Empty tallies.
    pub fn new(options: StatsOptions) -> Stats {
        Stats {
            options,
            ..Stats::default()
        }
    }

    /// Counts a document that could not be read or tagged.
    pub fn add_failed(&mut self) {
        self.failed += 1;
    }

    /// Adds one document.
    pub fn add(&mut self, facts: &Facts) {
        self.documents += 1;
        let mut sizes = Sizes {
            documents: 1,
            entities: facts.entities.len() as u64,
            quotes: KindCounts::default(),
        };
        for q in &facts.quotes {
            sizes.quotes.add(q.kind);
        }
        let outlet = facts.outlet.as_deref().unwrap_or(UNKNOWN);
        let month = facts.month.as_deref().unwrap_or(UNKNOWN);
        merge(self.outlets.entry(outlet.into()).or_default(), sizes);
        merge(self.months.entry(month.into()).or_default(), sizes);

        let by = self.options.by;
        let group = |zone: &Option<String>| -> String {
            match by {
                None => "all".into(),
                Some(GroupBy::Outlet) => outlet.into(),
                Some(GroupBy::Month) => month.into(),
                Some(GroupBy::Zone) => zone.clone().unwrap_or_else(|| UNKNOWN.into()),
            }
        };
        // Each (group, name) counts once per document.
        let mut seen: HashSet<(String, &str, &str)> = HashSet::new();
        let mut touched: HashSet<String> = HashSet::new();
        if by != Some(GroupBy::Zone) {
            touched.insert(group(&None));
        }
        for e in &facts.entities {
            let g = group(&e.zone);
            let first = seen.insert((g.clone(), &e.label, &e.canonical));
            let tally = self.groups.entry(g.clone()).or_default();
            tally.entities += 1;
            let row = tally
                .names
                .entry((e.label.clone(), e.canonical.clone()))
                .or_default();
            row.0 += 1;
            row.1 += u64::from(first);
            touched.insert(g);
        }
        for q in &facts.quotes {
            let g = group(&q.zone);
            let tally = self.groups.entry(g.clone()).or_default();
            tally.quotes.add(q.kind);
            match &q.speaker {
                SpeakerFact::None => tally.unattributed.add(q.kind),
                SpeakerFact::Unresolved => tally.unresolved.add(q.kind),
                SpeakerFact::Named(name) => {
                    let first = seen.insert((g.clone(), "", name));
                    let row = tally.speakers.entry(name.clone()).or_default();
                    row.0.add(q.kind);
                    row.1 += u64::from(first);
                }
            }
            touched.insert(g);
        }
        for g in touched {
            self.groups.entry(g).or_default().documents += 1;
        }
    }

    /// The tallies, ranked and cut to the options' `top`.
    pub fn summary(&self) -> Summary {
        let top = |n: usize| {
            if self.options.top == 0 {
                n
            } else {
                n.min(self.options.top)
            }
        };
        let mut groups: Vec<GroupSummary> = self
            .groups
            .iter()
            .map(|(name, t)| {
                let mut speakers: Vec<SpeakerRow> = t
                    .speakers
                    .iter()
                    .map(|(n, (k, d))| SpeakerRow {
                        name: n.clone(),
                        quotes: k.total(),
                        direct: k.direct,
                        partial: k.partial,
                        indirect: k.indirect,
                        documents: *d,
                    })
                    .collect();
                speakers.sort_by(|a, b| {
                    (b.quotes, b.documents, &a.name).cmp(&(a.quotes, a.documents, &b.name))
                });
                speakers.truncate(top(speakers.len()));
                let mut by_label: BTreeMap<String, Vec<NameRow>> = BTreeMap::new();
                for ((label, n), (m, d)) in &t.names {
                    by_label.entry(label.clone()).or_default().push(NameRow {
                        name: n.clone(),
                        mentions: *m,
                        documents: *d,
                    });
                }
                for rows in by_label.values_mut() {
                    rows.sort_by(|a, b| {
                        (b.mentions, b.documents, &a.name).cmp(&(a.mentions, a.documents, &b.name))
                    });
                    rows.truncate(top(rows.len()));
                }
                GroupSummary {
                    group: name.clone(),
                    documents: t.documents,
                    entities: t.entities,
                    quotes: t.quotes,
                    unattributed: t.unattributed,
                    unresolved: t.unresolved,
                    speakers,
                    names: by_label,
                }
            })
            .collect();
        if self.options.by == Some(GroupBy::Month) {
            groups.sort_by(|a, b| a.group.cmp(&b.group));
        } else {
            groups.sort_by(|a, b| (b.documents, &a.group).cmp(&(a.documents, &b.group)));
        }
        let row = |(name, s): (&String, &Sizes)| SizeRow {
            name: name.clone(),
            documents: s.documents,
            entities: s.entities,
            quotes: s.quotes,
        };
        let mut outlets: Vec<SizeRow> = self.outlets.iter().map(row).collect();
        outlets.sort_by(|a, b| (b.documents, &a.name).cmp(&(a.documents, &b.name)));
        outlets.truncate(top(outlets.len()));
        Summary {
            by: self.options.by.map(GroupBy::as_str),
            documents: self.documents,
            failed: self.failed,
            groups,
            outlets,
            months: self.months.iter().map(row).collect(),
        }
    }
}

fn merge(into: &mut Sizes, s: Sizes) {
    into.documents += s.documents;
    into.entities += s.entities;
    into.quotes.direct += s.quotes.direct;
    into.quotes.partial += s.quotes.partial;
    into.quotes.indirect += s.quotes.indirect;
}

/// The tallies, ranked: what `indotag stats` prints.
#[derive(Clone, Debug, Serialize)]
pub struct Summary {
    /// What the groups are (`outlet`, `month`, `zone`), or `None` for one group, `all`.
    pub by: Option<&'static str>,
    /// Documents counted.
    pub documents: u64,
    /// Documents that could not be read or tagged.
    pub failed: u64,
    /// The tallies per group.
    pub groups: Vec<GroupSummary>,
    /// Documents, entities and quotes per outlet, most documents first.
    pub outlets: Vec<SizeRow>,
    /// Documents, entities and quotes per month, in order.
    pub months: Vec<SizeRow>,
}

/// The tallies of one group.
#[derive(Clone, Debug, Serialize)]
pub struct GroupSummary {
    /// The group's name (`all` without `--by`).
    pub group: String,
    /// Documents with something in this group.
    pub documents: u64,
    /// Entity mentions.
    pub entities: u64,
    /// Quotes by kind.
    pub quotes: KindCounts,
    /// Quotes without a speaker.
    pub unattributed: KindCounts,
    /// Quotes whose speaker is a mention not resolved to a name (`Ia`, `sumber itu`).
    pub unresolved: KindCounts,
    /// The speakers quoted most.
    pub speakers: Vec<SpeakerRow>,
    /// The entities mentioned most, per label.
    #[serde(rename = "entities_by_label")]
    pub names: BTreeMap<String, Vec<NameRow>>,
}

/// One speaker's quotes.
#[derive(Clone, Debug, Serialize)]
pub struct SpeakerRow {
    /// Canonical name.
    pub name: String,
    /// All quotes.
    pub quotes: u64,
    /// Direct quotes.
    pub direct: u64,
    /// Partial quotes.
    pub partial: u64,
    /// Indirect quotes.
    pub indirect: u64,
    /// Documents quoting them.
    pub documents: u64,
}

/// One entity's mentions.
#[derive(Clone, Debug, Serialize)]
pub struct NameRow {
    /// Canonical name.
    pub name: String,
    /// Mentions.
    pub mentions: u64,
    /// Documents mentioning it.
    pub documents: u64,
}

/// The size of an outlet's or a month's share of the corpus.
#[derive(Clone, Debug, Serialize)]
pub struct SizeRow {
    /// The outlet or month.
    pub name: String,
    /// Documents.
    pub documents: u64,
    /// Entity mentions.
    pub entities: u64,
    /// Quotes by kind.
    pub quotes: KindCounts,
}

/// How a summary is printed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OutputFormat {
    /// Aligned columns for a terminal.
    Table,
    /// One flat table, tab-separated, with a header: for spreadsheets and pandas.
    Tsv,
    /// One JSON object (the [`Summary`]).
    Json,
}

impl Summary {
    /// Prints the summary.
    ///
    /// ```
    /// use indotag::stats::{OutputFormat, Stats, StatsOptions};
    /// let summary = Stats::new(StatsOptions::default()).summary();
    /// let mut out = Vec::new();
    /// summary.write(OutputFormat::Tsv, &mut out).unwrap();
    /// assert!(out.starts_with(b"section\tgroup\tlabel\tname\tcount\tdocuments\tdirect\tpartial\tindirect\n"));
    /// ```
    pub fn write(&self, format: OutputFormat, out: &mut dyn Write) -> io::Result<()> {
        match format {
            OutputFormat::Json => {
                serde_json::to_writer_pretty(&mut *out, self)?;
                out.write_all(b"\n")
            }
            OutputFormat::Tsv => self.write_tsv(out),
            OutputFormat::Table => self.write_table(out),
        }
    }

    /// The flat table: `count` is entity mentions for `totals`, `entities`, `outlets` and
    /// `months`, and quotes for `speakers`, `unattributed` and `unresolved`; the kind
    /// columns split quotes.
    fn write_tsv(&self, out: &mut dyn Write) -> io::Result<()> {
        writeln!(
            out,
            "section\tgroup\tlabel\tname\tcount\tdocuments\tdirect\tpartial\tindirect"
        )?;
        TsvRow {
            section: "documents",
            name: "failed",
            count: self.failed,
            documents: Some(self.documents),
            ..TsvRow::default()
        }
        .write(out)?;
        for g in &self.groups {
            g.write_tsv(out)?;
        }
        for (section, rows) in [("outlets", &self.outlets), ("months", &self.months)] {
            for r in rows {
                TsvRow {
                    section,
                    name: &r.name,
                    count: r.entities,
                    documents: Some(r.documents),
                    kinds: Some(r.quotes),
                    ..TsvRow::default()
                }
                .write(out)?;
            }
        }
        Ok(())
    }

    fn write_table(&self, out: &mut dyn Write) -> io::Result<()> {
        writeln!(
            out,
            "{} documents ({} could not be read or tagged)",
            self.documents, self.failed
        )?;
        for g in &self.groups {
            g.write_table(self.by, out)?;
        }
        for (title, head, rows) in [
            ("\nBy outlet", "outlet", &self.outlets),
            ("\nBy month", "month", &self.months),
        ] {
            writeln!(out, "{title}")?;
            let rows = rows.iter().map(|r| {
                vec![
                    r.name.clone(),
                    r.documents.to_string(),
                    r.entities.to_string(),
                    r.quotes.total().to_string(),
                ]
            });
            table(out, &[head, "documents", "entities", "quotes"], rows)?;
        }
        Ok(())
    }
}

impl GroupSummary {
    /// The group's rows of the flat table: `totals`, `unattributed`, `unresolved`, then one
    /// row per speaker and per entity.
    fn write_tsv(&self, out: &mut dyn Write) -> io::Result<()> {
        let group = self.group.as_str();
        let row = |section| TsvRow {
            section,
            group,
            ..TsvRow::default()
        };
        TsvRow {
            count: self.entities,
            documents: Some(self.documents),
            kinds: Some(self.quotes),
            ..row("totals")
        }
        .write(out)?;
        for (section, k) in [
            ("unattributed", self.unattributed),
            ("unresolved", self.unresolved),
        ] {
            TsvRow {
                count: k.total(),
                kinds: Some(k),
                ..row(section)
            }
            .write(out)?;
        }
        for s in &self.speakers {
            let k = KindCounts {
                direct: s.direct,
                partial: s.partial,
                indirect: s.indirect,
            };
            TsvRow {
                name: &s.name,
                count: s.quotes,
                documents: Some(s.documents),
                kinds: Some(k),
                ..row("speakers")
            }
            .write(out)?;
        }
        for (label, rows) in &self.names {
            for n in rows {
                TsvRow {
                    label,
                    name: &n.name,
                    count: n.mentions,
                    documents: Some(n.documents),
                    ..row("entities")
                }
                .write(out)?;
            }
        }
        Ok(())
    }

    /// The group's part of the terminal table: its totals, the speakers quoted most and the
    /// entities mentioned most per label, under a `=== by: group ===` heading when grouped.
    fn write_table(&self, by: Option<&str>, out: &mut dyn Write) -> io::Result<()> {
        if let Some(by) = by {
            writeln!(out, "\n=== {by}: {} ===", self.group)?;
        }
        let q = self.quotes;
        writeln!(
            out,
            "\n{} documents, {} entity mentions, {} quotes ({} direct, {} partial, {} indirect)",
            self.documents,
            self.entities,
            q.total(),
            q.direct,
            q.partial,
            q.indirect
        )?;
        let (un, ur) = (self.unattributed, self.unresolved);
        writeln!(
            out,
            "quotes without a speaker: {} ({} direct, {} partial, {} indirect); \
             speaker not resolved to a name: {}",
            un.total(),
            un.direct,
            un.partial,
            un.indirect,
            ur.total()
        )?;
        writeln!(out, "\nQuoted most")?;
        let rows = self.speakers.iter().map(|s| {
            vec![
                s.name.clone(),
                s.quotes.to_string(),
                s.direct.to_string(),
                s.partial.to_string(),
                s.indirect.to_string(),
                s.documents.to_string(),
            ]
        });
        table(
            out,
            &[
                "speaker",
                "quotes",
                "direct",
                "partial",
                "indirect",
                "documents",
            ],
            rows,
        )?;
        for (label, rows) in &self.names {
            writeln!(out, "\nMentioned most: {label}")?;
            let rows = rows.iter().map(|n| {
                vec![
                    n.name.clone(),
                    n.mentions.to_string(),
                    n.documents.to_string(),
                ]
            });
            table(out, &["entity", "mentions", "documents"], rows)?;
        }
        Ok(())
    }
}

/// One row of the flat table; `documents` and `kinds` empty where the section has none.
#[derive(Default)]
struct TsvRow<'a> {
    section: &'a str,
    group: &'a str,
    label: &'a str,
    name: &'a str,
    count: u64,
    documents: Option<u64>,
    kinds: Option<KindCounts>,
}

impl TsvRow<'_> {
    /// Writes the row; tabs and line breaks in the group and the name become spaces.
    fn write(&self, out: &mut dyn Write) -> io::Result<()> {
        let clean = |s: &str| s.replace(['\t', '\n', '\r'], " ");
        let docs = self.documents.map(|d| d.to_string()).unwrap_or_default();
        let kinds = self
            .kinds
            .map(|k| format!("{}\t{}\t{}", k.direct, k.partial, k.indirect))
            .unwrap_or_else(|| "\t\t".into());
        writeln!(
            out,
            "{}\t{}\t{}\t{}\t{}\t{docs}\t{kinds}",
            self.section,
            clean(self.group),
            self.label,
            clean(self.name),
            self.count
        )
    }
}

/// Aligned columns: the first left-aligned, the others (numbers) right-aligned.
fn table(
    out: &mut dyn Write,
    head: &[&str],
    rows: impl Iterator<Item = Vec<String>>,
) -> io::Result<()> {
    let rows: Vec<Vec<String>> = rows.collect();
    let width = |i: usize| {
        rows.iter()
            .map(|r| r[i].chars().count())
            .chain([head[i].chars().count()])
            .max()
            .unwrap_or(0)
    };
    let widths: Vec<usize> = (0..head.len()).map(width).collect();
    let line = |cells: Vec<String>| {
        let mut s = String::from("  ");
        for (i, c) in cells.iter().enumerate() {
            let pad = widths[i] - c.chars().count();
            if i == 0 {
                s.push_str(c);
                s.push_str(&" ".repeat(pad));
            } else {
                s.push_str("  ");
                s.push_str(&" ".repeat(pad));
                s.push_str(c);
            }
        }
        s.trim_end().to_string()
    };
    writeln!(
        out,
        "{}",
        line(head.iter().map(|h| h.to_string()).collect())
    )?;
    for r in rows {
        writeln!(out, "{}", line(r))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entity(label: &str, name: &str, zone: &str) -> EntityFact {
        EntityFact {
            label: label.into(),
            canonical: name.into(),
            zone: Some(zone.into()),
        }
    }

    fn quote(kind: QuoteKind, speaker: Option<&str>, zone: &str) -> QuoteFact {
        QuoteFact {
            kind,
            speaker: speaker.map_or(SpeakerFact::None, |s| SpeakerFact::Named(s.into())),
            zone: Some(zone.into()),
        }
    }

    #[test]
    fn months_need_year_and_month() {
        assert_eq!(
            month("2024-03-14T10:15:00+07:00").as_deref(),
            Some("2024-03")
        );
        assert_eq!(month("2024-3-14"), None);
        assert_eq!(month("Kamis"), None);
        assert_eq!(month("2024-0é"), None);
    }

    #[test]
    fn documents_count_once_per_name_and_zone_groups_split_items() {
        let mut stats = Stats::new(StatsOptions {
            by: Some(GroupBy::Zone),
            top: 0,
        });
        stats.add(&Facts {
            outlet: Some("a.id".into()),
            month: Some("2024-03".into()),
            entities: vec![
                entity("GPE", "Jepang", "body"),
                entity("GPE", "Jepang", "body"),
                entity("GPE", "Jepang", "related"),
            ],
            quotes: vec![
                quote(QuoteKind::Direct, Some("Budi"), "body"),
                quote(QuoteKind::Indirect, Some("Budi"), "body"),
                quote(QuoteKind::Direct, None, "caption"),
            ],
        });
        let s = stats.summary();
        let body = s.groups.iter().find(|g| g.group == "body").unwrap();
        assert_eq!(body.documents, 1);
        assert_eq!(body.names["GPE"][0].mentions, 2);
        assert_eq!(body.names["GPE"][0].documents, 1);
        assert_eq!(body.speakers[0].quotes, 2);
        assert_eq!(body.speakers[0].documents, 1);
        let caption = s.groups.iter().find(|g| g.group == "caption").unwrap();
        assert_eq!(caption.unattributed.direct, 1);
        assert_eq!(s.groups.len(), 3);
        assert_eq!(s.outlets[0].entities, 3);
        assert_eq!(s.months[0].quotes.total(), 3);
    }
}
