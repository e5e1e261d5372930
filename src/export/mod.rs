//! Writing tagged documents in the formats other tools read: the JSONL record, CoNLL-2003
//! columns, Prodigy and doccano tasks, and one HTML page to look at.
//!
//! An [`Exporter`] writes a run in three steps, so that a corpus streams through it: a
//! [`begin`](Exporter::begin) (the HTML page head; nothing for the line formats), one
//! [`document`](Exporter::document) per document, in any thread, and an
//! [`end`](Exporter::end). Each document's bytes are independent of the others', which is
//! what lets the command line tag in parallel and still write in input order.
//!
//! | format | one unit per | offsets |
//! |---|---|---|
//! | [`Format::Jsonl`] | line: the full record | characters, or UTF-16 units ([`Offsets`]) |
//! | [`Format::Conll`] | token line, blank line per sentence, `-DOCSTART-` per document | none |
//! | [`Format::Prodigy`] | line: `text`, `tokens`, `spans`, `meta` | characters |
//! | [`Format::Doccano`] | line: `text`, `label` | UTF-16 code units |
//! | [`Format::Html`] | one self-contained page per run | none |
//!
//! CoNLL and Prodigy need every entity to start and end on a token boundary. A few do not
//! (`AS` in `AS-ASEAN` is one token and one country); those tokens are **split** at the
//! entity's boundary, and the [`Report`] counts them so the caller can say so once per run.
//!
//! ```
//! use indotag::export::{ExportOptions, Exporter, Format};
//! use indotag::Tagger;
//!
//! let doc = Tagger::new().tag("Presiden Joko Widodo tiba di Tokyo.");
//! let exporter = Exporter::new(ExportOptions { format: Format::Conll, ..Default::default() });
//! let mut out = Vec::new();
//! exporter.begin(&mut out);
//! exporter.document(&doc, &mut out);
//! exporter.end(&mut out);
//! let conll = String::from_utf8(out).unwrap();
//! assert!(conll.contains("Joko B-PERSON\nWidodo I-PERSON\n"));
//! ```

use serde_json::{Map, Value};

use crate::document::{error_line, Document, Offsets, RecordOptions};
use crate::span::{Entity, Quote, Span};

mod conll;
mod doccano;
mod html;
mod prodigy;

/// The output formats of `indotag tag --format`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Format {
    /// The full JSON Lines record (see [`crate::document`]).
    #[default]
    Jsonl,
    /// CoNLL-2003 style columns: `TOKEN [QUOTE] TAG`, IOB2 tags.
    Conll,
    /// Prodigy tasks: `{"text","tokens","spans","meta"}` per line.
    Prodigy,
    /// doccano sequence-labelling lines: `{"text","label":[[start,end,"LABEL"]]}`, UTF-16.
    Doccano,
    /// One self-contained HTML page.
    Html,
}

impl Format {
    /// Every format, in the order `--help` lists them.
    pub const ALL: [Format; 5] = [
        Format::Jsonl,
        Format::Conll,
        Format::Prodigy,
        Format::Doccano,
        Format::Html,
    ];

    /// The format's name on the command line.
    ///
    /// ```
    /// assert_eq!(indotag::export::Format::Doccano.as_str(), "doccano");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            Format::Jsonl => "jsonl",
            Format::Conll => "conll",
            Format::Prodigy => "prodigy",
            Format::Doccano => "doccano",
            Format::Html => "html",
        }
    }

    /// Parses a format name.
    ///
    /// ```
    /// use indotag::export::Format;
    /// assert_eq!(Format::parse("html"), Some(Format::Html));
    /// assert_eq!(Format::parse("xml"), None);
    /// ```
    pub fn parse(s: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.as_str() == s)
    }
}

/// How to write a run.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ExportOptions {
    /// The format.
    pub format: Format,
    /// Fields left out of the JSONL record (JSONL only).
    pub record: RecordOptions,
    /// How the JSONL record counts offsets (JSONL only: doccano is always UTF-16, Prodigy
    /// always characters).
    pub offsets: Offsets,
    /// CoNLL only: add a `B-QUOTE`/`I-QUOTE`/`O` column before the entity tag.
    pub quote_column: bool,
}

/// What a document's export had to adapt, summed over a run and reported once at its end.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Report {
    /// Tokens split because an entity (or, with the quote column, a quote) starts or ends
    /// inside them.
    pub split_tokens: usize,
    /// Entities left out: they overlap an earlier one, which one column of tags cannot show,
    /// or cover no token at all.
    pub dropped: usize,
    /// CoNLL quote column: quotes inside another quote (a partial quote within reported
    /// speech), whose tokens are tagged as part of the outer one.
    pub nested_quotes: usize,
}

impl Report {
    /// Adds another document's report to this one.
    ///
    /// ```
    /// use indotag::export::Report;
    /// let mut total = Report::default();
    /// total.add(Report { split_tokens: 2, dropped: 1, nested_quotes: 0 });
    /// total.add(Report { split_tokens: 1, dropped: 0, nested_quotes: 4 });
    /// assert_eq!(total, Report { split_tokens: 3, dropped: 1, nested_quotes: 4 });
    /// ```
    pub fn add(&mut self, other: Report) {
        self.split_tokens += other.split_tokens;
        self.dropped += other.dropped;
        self.nested_quotes += other.nested_quotes;
    }

    /// The run's closing note for standard error, or `None` when nothing was adapted.
    ///
    /// ```
    /// use indotag::export::{Format, Report};
    /// let r = Report { split_tokens: 3, ..Default::default() };
    /// assert!(r.message(Format::Conll).unwrap().contains("split 3 token(s)"));
    /// assert_eq!(Report::default().message(Format::Conll), None);
    /// ```
    pub fn message(&self, format: Format) -> Option<String> {
        let mut parts = Vec::new();
        if self.split_tokens > 0 {
            parts.push(format!(
                "split {} token(s) at entity boundaries so that every entity is whole \
                 (`AS-ASEAN` → `AS` `-` `ASEAN`)",
                self.split_tokens
            ));
        }
        if self.dropped > 0 {
            parts.push(format!(
                "left out {} entit(y/ies) that overlap an earlier one or cover no token",
                self.dropped
            ));
        }
        if self.nested_quotes > 0 {
            parts.push(format!(
                "{} quote(s) inside another quote are tagged as part of the outer one",
                self.nested_quotes
            ));
        }
        (!parts.is_empty()).then(|| format!("{}: {}", format.as_str(), parts.join("; ")))
    }
}

/// Writes documents in one format. `Send + Sync`: one exporter serves every worker thread.
#[derive(Clone, Debug, Default)]
pub struct Exporter {
    options: ExportOptions,
}

impl Exporter {
    /// An exporter for `options`.
    ///
    /// ```
    /// use indotag::export::{ExportOptions, Exporter};
    /// let e = Exporter::new(ExportOptions::default());
    /// assert_eq!(e.options().format, indotag::export::Format::Jsonl);
    /// ```
    pub fn new(options: ExportOptions) -> Exporter {
        Exporter { options }
    }

    /// The options this exporter writes with.
    pub fn options(&self) -> &ExportOptions {
        &self.options
    }

    /// What comes before the first document: the HTML page head; nothing otherwise.
    ///
    /// ```
    /// use indotag::export::{ExportOptions, Exporter, Format};
    /// let mut out = Vec::new();
    /// Exporter::new(ExportOptions { format: Format::Html, ..Default::default() }).begin(&mut out);
    /// assert!(out.starts_with(b"<!DOCTYPE html>"));
    /// ```
    pub fn begin(&self, out: &mut Vec<u8>) {
        if self.options.format == Format::Html {
            html::begin(out);
        }
    }

    /// Appends one document, in the exporter's format, to `out`.
    ///
    /// ```
    /// use indotag::export::{ExportOptions, Exporter, Format};
    /// let doc = indotag::Tagger::new().tag("Kunjungan ke Jepang.");
    /// let mut out = Vec::new();
    /// Exporter::new(ExportOptions { format: Format::Doccano, ..Default::default() })
    ///     .document(&doc, &mut out);
    /// assert_eq!(out, b"{\"text\":\"Kunjungan ke Jepang.\",\"label\":[[13,19,\"GPE\"]]}\n");
    /// ```
    pub fn document(&self, doc: &Document, out: &mut Vec<u8>) -> Report {
        let o = &self.options;
        match o.format {
            Format::Jsonl => {
                doc.write_json_line_with(o.record, o.offsets, out);
                out.push(b'\n');
                Report::default()
            }
            Format::Conll => conll::write(doc, o.quote_column, out),
            Format::Prodigy => prodigy::write(doc, out),
            Format::Doccano => {
                doccano::write(doc, out);
                Report::default()
            }
            Format::Html => {
                html::article(doc, out);
                Report::default()
            }
        }
    }

    /// Appends what stands for a document that could not be tagged: its error record in
    /// JSONL, a box with the error in HTML. The task formats (CoNLL, Prodigy, doccano) have
    /// no place for one; the caller reports it on standard error.
    ///
    /// ```
    /// use indotag::export::{ExportOptions, Exporter, Format};
    /// let mut out = Vec::new();
    /// let html = Exporter::new(ExportOptions { format: Format::Html, ..Default::default() });
    /// html.failed(Some("a.txt"), &Default::default(), "invalid UTF-8 at byte 7", &mut out);
    /// assert!(String::from_utf8(out).unwrap().contains("invalid UTF-8 at byte 7"));
    /// ```
    pub fn failed(
        &self,
        id: Option<&str>,
        extra: &Map<String, Value>,
        error: &str,
        out: &mut Vec<u8>,
    ) {
        match self.options.format {
            Format::Jsonl => {
                out.extend_from_slice(error_line(id, extra, error).as_bytes());
                out.push(b'\n');
            }
            Format::Html => html::failed(id, error, out),
            Format::Conll | Format::Prodigy | Format::Doccano => {}
        }
    }

    /// What comes after the last document: the end of the HTML page; nothing otherwise.
    pub fn end(&self, out: &mut Vec<u8>) {
        if self.options.format == Format::Html {
            html::end(out);
        }
    }
}

/// The entities one layer of tags can show: in order, each overlapping none before it.
/// Returns them and how many were left out.
fn entity_layer(doc: &Document) -> (Vec<&Entity>, usize) {
    disjoint(&doc.entities, |e| e.span)
}

/// The quotes one layer of tags can show: outer quotes, inner ones left out.
fn quote_layer(doc: &Document) -> (Vec<&Quote>, usize) {
    disjoint(&doc.quotes, |q| q.span)
}

fn disjoint<T>(items: &[T], span: impl Fn(&T) -> Span) -> (Vec<&T>, usize) {
    let mut kept: Vec<&T> = Vec::with_capacity(items.len());
    let mut end = 0;
    for item in items {
        let s = span(item);
        if s.is_empty() || (s.start < end && !kept.is_empty()) {
            continue;
        }
        end = s.end;
        kept.push(item);
    }
    let dropped = items.len() - kept.len();
    (kept, dropped)
}

/// The document's tokens, cut at every span boundary that falls inside one, and how many
/// tokens were cut. Cuts are byte offsets on character boundaries (span ends are).
fn split_tokens(doc: &Document, spans: &[Span]) -> (Vec<Span>, usize) {
    let mut cuts: Vec<usize> = spans.iter().flat_map(|s| [s.start, s.end]).collect();
    cuts.sort_unstable();
    cuts.dedup();
    let mut out = Vec::with_capacity(doc.tokens.len() + 4);
    let mut split = 0;
    let mut i = 0;
    for t in &doc.tokens {
        while i < cuts.len() && cuts[i] <= t.span.start {
            i += 1;
        }
        let mut start = t.span.start;
        while i < cuts.len() && cuts[i] < t.span.end {
            out.push(Span::new(start, cuts[i]));
            start = cuts[i];
            i += 1;
        }
        if start != t.span.start {
            split += 1;
        }
        out.push(Span::new(start, t.span.end));
    }
    (out, split)
}

/// The tokens a span covers, as an inclusive index range into `tokens` (sorted, disjoint);
/// `None` when it covers none.
fn token_range(tokens: &[Span], span: Span) -> Option<(usize, usize)> {
    let first = tokens.partition_point(|t| t.start < span.start);
    let after = tokens.partition_point(|t| t.end <= span.end);
    (after > first).then(|| (first, after - 1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::{Token, TokenKind};

    fn doc_with_tokens(text: &str, tokens: &[(usize, usize)]) -> Document {
        Document {
            text: text.into(),
            tokens: tokens
                .iter()
                .map(|&(s, e)| Token {
                    span: Span::new(s, e),
                    kind: TokenKind::Word,
                })
                .collect(),
            ..Default::default()
        }
    }

    #[test]
    fn tokens_are_split_only_where_a_span_ends_inside_them() {
        // "AS-ASEAN dan RI": AS (0..2) and ASEAN (3..8) are entities inside one token.
        let doc = doc_with_tokens("AS-ASEAN dan RI", &[(0, 8), (9, 12), (13, 15)]);
        let spans = [Span::new(0, 2), Span::new(3, 8), Span::new(13, 15)];
        let (tokens, split) = split_tokens(&doc, &spans);
        let texts: Vec<&str> = tokens.iter().map(|t| t.as_str(&doc.text)).collect();
        assert_eq!(texts, ["AS", "-", "ASEAN", "dan", "RI"]);
        assert_eq!(split, 1);
        assert_eq!(token_range(&tokens, spans[1]), Some((2, 2)));
        assert_eq!(token_range(&tokens, spans[2]), Some((4, 4)));
        // A span over the gap between tokens covers none.
        assert_eq!(token_range(&tokens, Span::new(8, 9)), None);
    }

    #[test]
    fn overlapping_spans_keep_the_first() {
        let spans = [
            Span::new(0, 5),
            Span::new(2, 4),
            Span::new(5, 9),
            Span::new(6, 6),
        ];
        let (kept, dropped) = disjoint(&spans, |s| *s);
        assert_eq!(kept, [&spans[0], &spans[2]]);
        assert_eq!(dropped, 2);
    }
}
