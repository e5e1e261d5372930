//! The tagged document and its JSON Lines record.
//!
//! # The record
//!
//! One JSON object per input document, on one line:
//!
//! ```text
//! {"id": "…", <input fields carried through>, "text": "…", "meta": {…},
//!  "zones": [{"start","end","kind"}], "sentences": [{"start","end"}],
//!  "tokens": [{"start","end","text","kind"}],
//!  "entities": [{"start","end","text","label","id","canonical","kind","source","zone"}],
//!  "quotes": [{"start","end","text","kind","speaker":{"start","end","text","id","canonical"}|null,
//!              "cue":{"start","end","text"}|null,"rule","zone"}]}
//! ```
//!
//! Every `start`/`end` is a **character** offset (Unicode scalar values, as Python's `str`
//! indexes), end-exclusive, into `text`: `text[start:end] == span["text"]` holds in Python for
//! every span. Internally the library keeps byte offsets; they are converted once, here.
//! A document that failed gets `{"id": …, "error": "…"}` instead.

use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;
use serde_json::{Map, Value};

use crate::span::{Entity, Meta, Quote, Span, Token, Zone};

/// One tagged document. Serialise it (with `serde_json`) to get its JSONL record.
///
/// ```
/// use indotag::Tagger;
/// let mut doc = Tagger::new().tag("Kata “ayo”.");
/// doc.id = Some("contoh".into());
/// let json = serde_json::to_value(&doc).unwrap();
/// assert_eq!(json["id"], "contoh");
/// // character offsets: the curly quote is one character, three bytes
/// assert_eq!(json["tokens"][2]["start"], 6);
/// assert_eq!(json["tokens"][2]["text"], "ayo");
/// ```
#[derive(Clone, Debug, Default)]
pub struct Document {
    /// The document id, where the caller has one.
    pub id: Option<String>,
    /// Other fields of a JSONL input record, carried through unchanged.
    pub extra: Map<String, Value>,
    /// The text, exactly as read (a BOM aside).
    pub text: String,
    /// Metadata read off the page.
    pub meta: Meta,
    /// Layout zones, a partition of the text.
    pub zones: Vec<Zone>,
    /// Sentences.
    pub sentences: Vec<Span>,
    /// Tokens.
    pub tokens: Vec<Token>,
    /// Entity mentions, sorted by start.
    pub entities: Vec<Entity>,
    /// Quotations, sorted by start.
    pub quotes: Vec<Quote>,
}

/// What to leave out of a record, to keep large corpora small.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RecordOptions {
    /// Write the `text` field.
    pub text: bool,
    /// Write the `tokens` field.
    pub tokens: bool,
}

impl Default for RecordOptions {
    fn default() -> Self {
        RecordOptions {
            text: true,
            tokens: true,
        }
    }
}

/// Keys the record itself writes; input fields with these names are carried as `input_<key>`.
const OWN_KEYS: [&str; 9] = [
    "id",
    "text",
    "meta",
    "zones",
    "sentences",
    "tokens",
    "entities",
    "quotes",
    "error",
];

impl Document {
    /// The record as one JSON line (no trailing newline), with some fields left out.
    ///
    /// ```
    /// use indotag::{RecordOptions, Tagger};
    /// let doc = Tagger::new().tag("Halo.");
    /// let line = doc.to_json_line(RecordOptions { text: false, tokens: false });
    /// assert!(!line.contains("\"tokens\""));
    /// assert!(line.contains("\"sentences\""));
    /// ```
    pub fn to_json_line(&self, options: RecordOptions) -> String {
        let record = Record { doc: self, options };
        // Serialising plain data to a String cannot fail.
        serde_json::to_string(&record).unwrap_or_default()
    }

    /// The text of a span of this document.
    pub fn span_text(&self, span: Span) -> &str {
        span.as_str(&self.text)
    }
}

/// An error record `{"id": …, "error": …}` for a document that could not be tagged, with any
/// input fields carried through.
///
/// ```
/// let line = indotag::document::error_line(Some("a.txt"), &Default::default(), "invalid UTF-8 at byte 7");
/// assert_eq!(line, r#"{"id":"a.txt","error":"invalid UTF-8 at byte 7"}"#);
/// ```
pub fn error_line(id: Option<&str>, extra: &Map<String, Value>, error: &str) -> String {
    let mut map = Map::new();
    if let Some(id) = id {
        map.insert("id".into(), Value::String(id.into()));
    }
    for (k, v) in extra {
        map.insert(carried_key(k), v.clone());
    }
    map.insert("error".into(), Value::String(error.into()));
    Value::Object(map).to_string()
}

fn carried_key(k: &str) -> String {
    if OWN_KEYS.contains(&k) {
        format!("input_{k}")
    } else {
        k.to_string()
    }
}

impl Serialize for Document {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        Record {
            doc: self,
            options: RecordOptions::default(),
        }
        .serialize(s)
    }
}

struct Record<'a> {
    doc: &'a Document,
    options: RecordOptions,
}

/// Byte offset to character offset, for one text.
struct Chars {
    /// `table[b]` = number of chars before byte `b`, for every byte index up to `len`.
    table: Vec<u32>,
    ascii: bool,
}

impl Chars {
    fn new(text: &str) -> Chars {
        if text.is_ascii() {
            return Chars {
                table: Vec::new(),
                ascii: true,
            };
        }
        let mut table = Vec::with_capacity(text.len() + 1);
        let mut count = 0u32;
        for b in text.bytes() {
            table.push(count);
            if (b & 0xC0) != 0x80 {
                count += 1;
            }
        }
        table.push(count);
        Chars {
            table,
            ascii: false,
        }
    }

    #[inline]
    fn at(&self, byte: usize) -> usize {
        if self.ascii {
            byte
        } else {
            self.table[byte] as usize
        }
    }
}

struct SpanJson<'a> {
    span: Span,
    text: &'a str,
    chars: &'a Chars,
    with_text: bool,
    extra: &'a [(&'static str, Value)],
}

impl Serialize for SpanJson<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("start", &self.chars.at(self.span.start))?;
        m.serialize_entry("end", &self.chars.at(self.span.end))?;
        if self.with_text {
            m.serialize_entry("text", self.span.as_str(self.text))?;
        }
        for (k, v) in self.extra {
            m.serialize_entry(k, v)?;
        }
        m.end()
    }
}

impl Serialize for Record<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let doc = self.doc;
        let text = doc.text.as_str();
        let chars = Chars::new(text);
        let mut m = s.serialize_map(None)?;
        if let Some(id) = &doc.id {
            m.serialize_entry("id", id)?;
        }
        for (k, v) in &doc.extra {
            m.serialize_entry(&carried_key(k), v)?;
        }
        if self.options.text {
            m.serialize_entry("text", text)?;
        }
        m.serialize_entry("meta", &doc.meta)?;
        m.serialize_entry(
            "zones",
            &Spans::new(&doc.zones, &chars, text, |z| {
                (z.span, false, vec![("kind", Value::from(z.kind.as_str()))])
            }),
        )?;
        m.serialize_entry(
            "sentences",
            &Spans::new(&doc.sentences, &chars, text, |s| (*s, false, vec![])),
        )?;
        if self.options.tokens {
            m.serialize_entry(
                "tokens",
                &TokensJson {
                    tokens: &doc.tokens,
                    chars: &chars,
                    text,
                },
            )?;
        }
        m.serialize_entry(
            "entities",
            &Spans::new(&doc.entities, &chars, text, |e| {
                let mut f = vec![
                    ("label", Value::from(e.label.as_str())),
                    ("id", Value::from(&*e.id)),
                    ("canonical", Value::from(&*e.canonical)),
                    ("kind", Value::from(&*e.kind)),
                    (
                        "source",
                        serde_json::to_value(e.source).unwrap_or(Value::Null),
                    ),
                ];
                if let Some(z) = e.zone {
                    f.push(("zone", Value::from(z.as_str())));
                }
                (e.span, true, f)
            }),
        )?;
        m.serialize_entry(
            "quotes",
            &Spans::new(&doc.quotes, &chars, text, |q| {
                let speaker = match &q.speaker {
                    None => Value::Null,
                    Some(sp) => {
                        let mut o = span_value(sp.span, &chars, text);
                        o.insert(
                            "id".into(),
                            sp.id.as_deref().map_or(Value::Null, Value::from),
                        );
                        o.insert(
                            "canonical".into(),
                            sp.canonical.as_deref().map_or(Value::Null, Value::from),
                        );
                        Value::Object(o)
                    }
                };
                let cue = q
                    .cue
                    .map_or(Value::Null, |c| Value::Object(span_value(c, &chars, text)));
                let mut f = vec![
                    ("kind", serde_json::to_value(q.kind).unwrap_or(Value::Null)),
                    ("speaker", speaker),
                    ("cue", cue),
                    ("rule", Value::from(q.rule)),
                ];
                if let Some(z) = q.zone {
                    f.push(("zone", Value::from(z.as_str())));
                }
                (q.span, true, f)
            }),
        )?;
        m.end()
    }
}

fn span_value(span: Span, chars: &Chars, text: &str) -> Map<String, Value> {
    let mut o = Map::new();
    o.insert("start".into(), chars.at(span.start).into());
    o.insert("end".into(), chars.at(span.end).into());
    o.insert("text".into(), span.as_str(text).into());
    o
}

/// A list of span-bearing items, each serialised as its span plus extra fields.
struct Spans<'a, T, F> {
    items: &'a [T],
    chars: &'a Chars,
    text: &'a str,
    f: F,
}

impl<'a, T, F> Spans<'a, T, F>
where
    F: Fn(&T) -> (Span, bool, Vec<(&'static str, Value)>),
{
    fn new(items: &'a [T], chars: &'a Chars, text: &'a str, f: F) -> Self {
        Spans {
            items,
            chars,
            text,
            f,
        }
    }
}

impl<T, F> Serialize for Spans<'_, T, F>
where
    F: Fn(&T) -> (Span, bool, Vec<(&'static str, Value)>),
{
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq;
        let mut seq = s.serialize_seq(Some(self.items.len()))?;
        for item in self.items {
            let (span, with_text, extra) = (self.f)(item);
            seq.serialize_element(&SpanJson {
                span,
                text: self.text,
                chars: self.chars,
                with_text,
                extra: &extra,
            })?;
        }
        seq.end()
    }
}

/// Tokens are the bulk of a record: serialised without intermediate `Value`s.
struct TokensJson<'a> {
    tokens: &'a [Token],
    chars: &'a Chars,
    text: &'a str,
}

impl Serialize for TokensJson<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq;
        let mut seq = s.serialize_seq(Some(self.tokens.len()))?;
        for t in self.tokens {
            seq.serialize_element(&TokenJson {
                t,
                chars: self.chars,
                text: self.text,
            })?;
        }
        seq.end()
    }
}

struct TokenJson<'a> {
    t: &'a Token,
    chars: &'a Chars,
    text: &'a str,
}

impl Serialize for TokenJson<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(4))?;
        m.serialize_entry("start", &self.chars.at(self.t.span.start))?;
        m.serialize_entry("end", &self.chars.at(self.t.span.end))?;
        m.serialize_entry("text", self.t.span.as_str(self.text))?;
        m.serialize_entry("kind", &self.t.kind)?;
        m.end()
    }
}
