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

use std::cell::Cell;
use std::io::{self, Write};

use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;
use serde_json::{Map, Value};

use crate::span::{Entity, Meta, Quote, QuoteKind, Source, Span, Speaker, Token, TokenKind, Zone};

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

/// What a record's `start`/`end` count.
///
/// Python (and spaCy, Prodigy) index strings by Unicode characters; JavaScript, Java and
/// doccano by UTF-16 code units, in which a character above U+FFFF (most emoji) counts two.
///
/// ```
/// use indotag::document::Offsets;
/// use indotag::{RecordOptions, Tagger};
/// let doc = Tagger::new().tag("🙂 Jakarta");
/// let line = doc.to_json_line_with(RecordOptions::default(), Offsets::Utf16);
/// let v: serde_json::Value = serde_json::from_str(&line).unwrap();
/// assert_eq!(v["tokens"][1]["start"], 3); // the emoji is two UTF-16 units, then a space
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Offsets {
    /// Unicode scalar values (Python's `str` indexes): the default.
    #[default]
    Chars,
    /// UTF-16 code units (JavaScript's string indexes, doccano's offsets).
    Utf16,
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
        self.to_json_line_with(options, Offsets::Chars)
    }

    /// [`Document::to_json_line`] with offsets counted as `offsets` says.
    ///
    /// ```
    /// use indotag::document::Offsets;
    /// use indotag::{RecordOptions, Tagger};
    /// let doc = Tagger::new().tag("Halo.");
    /// // Without characters above U+FFFF both ways of counting agree.
    /// assert_eq!(
    ///     doc.to_json_line_with(RecordOptions::default(), Offsets::Utf16),
    ///     doc.to_json_line(RecordOptions::default())
    /// );
    /// ```
    pub fn to_json_line_with(&self, options: RecordOptions, offsets: Offsets) -> String {
        let mut out = Vec::new();
        self.write_json_line_with(options, offsets, &mut out);
        // The serializer writes valid UTF-8 only.
        String::from_utf8(out).unwrap_or_default()
    }

    /// Appends the record as one JSON line (no trailing newline) to `out`: the same bytes as
    /// [`Document::to_json_line`], without the UTF-8 check and with a buffer the caller can
    /// size or reuse, which is what a corpus run wants.
    ///
    /// ```
    /// use indotag::{RecordOptions, Tagger};
    /// let doc = Tagger::new().tag("Halo.");
    /// let mut out = b"prefix ".to_vec();
    /// doc.write_json_line(RecordOptions::default(), &mut out);
    /// assert_eq!(&out[7..], doc.to_json_line(RecordOptions::default()).as_bytes());
    /// ```
    pub fn write_json_line(&self, options: RecordOptions, out: &mut Vec<u8>) {
        self.write_json_line_with(options, Offsets::Chars, out);
    }

    /// [`Document::write_json_line`] with offsets counted as `offsets` says.
    ///
    /// ```
    /// use indotag::document::Offsets;
    /// use indotag::{RecordOptions, Tagger};
    /// let doc = Tagger::new().tag("𝕏 Jakarta");
    /// let mut out = Vec::new();
    /// doc.write_json_line_with(RecordOptions::default(), Offsets::Utf16, &mut out);
    /// assert!(String::from_utf8(out).unwrap().contains(r#""start":3,"end":10,"text":"Jakarta""#));
    /// ```
    pub fn write_json_line_with(
        &self,
        options: RecordOptions,
        offsets: Offsets,
        out: &mut Vec<u8>,
    ) {
        // Reserve once, a little more than records usually take (measured on news: offsets
        // and entities about 2x the text, tokens about 8.5x more).
        let n = self.text.len();
        out.reserve(
            1024 + 3 * n
                + if options.text { n } else { 0 }
                + if options.tokens { 9 * n } else { 0 },
        );
        // Writing into a Vec cannot fail.
        let _ = self.write_record(options, offsets, out, None);
    }

    /// Writes the record as one JSON line (no trailing newline) to `sink` as it goes, through
    /// a small buffer: the same bytes as [`Document::write_json_line`] without holding the
    /// whole line, which for a large document is about ten times its text.
    ///
    /// ```
    /// use indotag::document::Offsets;
    /// use indotag::{RecordOptions, Tagger};
    /// let doc = Tagger::new().tag("Halo, “dunia”.");
    /// let mut out = Vec::new();
    /// doc.write_json_to(RecordOptions::default(), Offsets::Chars, &mut out)?;
    /// assert_eq!(out, doc.to_json_line(RecordOptions::default()).into_bytes());
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn write_json_to(
        &self,
        options: RecordOptions,
        offsets: Offsets,
        sink: &mut dyn Write,
    ) -> io::Result<()> {
        let mut buf = Vec::with_capacity(SPILL_AT * 2);
        self.write_record(options, offsets, &mut buf, Some(sink))
    }

    /// The record writer: into `out`, spilled to `sink` (when given) every [`SPILL_AT`] bytes.
    fn write_record(
        &self,
        options: RecordOptions,
        offsets: Offsets,
        out: &mut Vec<u8>,
        sink: Option<&mut dyn Write>,
    ) -> io::Result<()> {
        // Written by hand rather than through serde_json: its string escaping goes a byte at
        // a time with a call per string, which made writing a third of a run with tokens.
        // `Serialize for Document` writes the same bytes (the tests compare them).
        let text = self.text.as_str();
        // The offset table (see `Chars`) is the thread's, reused.
        thread_local! {
            static TABLE: Cell<Vec<(u32, u32)>> = const { Cell::new(Vec::new()) };
        }
        let chars = Chars::with_table(text, offsets, TABLE.take());
        let mut w = Json {
            out,
            chars: &chars,
            text,
            sink,
            error: None,
        };
        w.out.push(b'{');
        self.write_head(&mut w, options);
        w.out.extend_from_slice(b",\"zones\":");
        w.list(&self.zones, Json::zone);
        w.out.extend_from_slice(b",\"sentences\":");
        w.list(&self.sentences, |w, s| w.span(*s, false));
        if options.tokens {
            // (not through `list`: tokens are most of a record, see `Json::token`)
            w.out.extend_from_slice(b",\"tokens\":[");
            w.tokens(&self.tokens);
            w.out.push(b']');
        }
        w.out.extend_from_slice(b",\"entities\":");
        w.list(&self.entities, Json::entity);
        w.out.extend_from_slice(b",\"quotes\":");
        w.list(&self.quotes, Json::quote);
        w.out.push(b'}');
        let done = w.finish();
        let mut table = chars.events;
        // (a huge document's table is not kept for the small ones after it)
        table.shrink_to(1 << 16);
        TABLE.set(table);
        done
    }

    /// The record's fields before its lists: `id`, the input's other fields carried through,
    /// `text` (when asked for) and `meta`.
    fn write_head(&self, w: &mut Json<'_, '_>, options: RecordOptions) {
        let mut first = true;
        if let Some(id) = &self.id {
            w.key(&mut first, "id");
            write_json_str(w.out, id);
        }
        for (k, v) in &self.extra {
            if !first {
                w.out.push(b',');
            }
            first = false;
            write_json_str(w.out, &carried_key(k));
            w.out.push(b':');
            // Writing a Value into a Vec cannot fail.
            let _ = serde_json::to_writer(&mut *w.out, v);
        }
        if options.text {
            w.key(&mut first, "text");
            write_json_str(w.out, w.text);
            w.spill();
        }
        w.key(&mut first, "meta");
        let _ = serde_json::to_writer(&mut *w.out, &self.meta);
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
        map.insert(carried_key(k).into_owned(), v.clone());
    }
    map.insert("error".into(), Value::String(error.into()));
    Value::Object(map).to_string()
}

fn carried_key(k: &str) -> std::borrow::Cow<'_, str> {
    if OWN_KEYS.contains(&k) {
        format!("input_{k}").into()
    } else {
        k.into()
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

/// The record through serde, for `Serialize for Document`.
struct Record<'a> {
    doc: &'a Document,
    options: RecordOptions,
}

/// Bytes buffered before [`Document::write_json_to`] hands them to its sink.
const SPILL_AT: usize = 1 << 16;

/// The hand-written record writer of [`Document::write_json_line`].
struct Json<'a, 's> {
    out: &'a mut Vec<u8>,
    chars: &'a Chars,
    text: &'a str,
    /// Where full buffers go, when streaming; `None`: everything stays in `out`.
    sink: Option<&'s mut dyn Write>,
    /// The first write error of the sink (later writes are skipped).
    error: Option<io::Error>,
}

impl Json<'_, '_> {
    /// Hands the buffer to the sink once it holds [`SPILL_AT`] bytes.
    #[inline]
    fn spill(&mut self) {
        if self.out.len() >= SPILL_AT {
            self.drain();
        }
    }

    fn drain(&mut self) {
        if let Some(sink) = self.sink.as_mut() {
            if self.error.is_none() {
                if let Err(e) = sink.write_all(self.out) {
                    self.error = Some(e);
                }
            }
            self.out.clear();
        }
    }

    /// Writes what is left to the sink; the first error, if any.
    fn finish(mut self) -> io::Result<()> {
        self.drain();
        self.error.map_or(Ok(()), Err)
    }

    /// `"key":`, after a comma unless it is the first field.
    fn key(&mut self, first: &mut bool, key: &str) {
        if !*first {
            self.out.push(b',');
        }
        *first = false;
        self.out.push(b'"');
        self.out.extend_from_slice(key.as_bytes());
        self.out.extend_from_slice(b"\":");
    }

    /// `,"key":"value"` (keys are plain ASCII: not escaped). Inlined: the key is a constant
    /// where it is called, so it is copied in fixed-size moves, not by a `memcpy` call.
    #[inline(always)]
    fn field(&mut self, key: &str, value: &str) {
        self.out.extend_from_slice(b",\"");
        self.out.extend_from_slice(key.as_bytes());
        self.out.extend_from_slice(b"\":");
        write_json_str(self.out, value);
    }

    /// `,"key":"value"` or `,"key":null` (inlined, as [`Json::field`]).
    #[inline(always)]
    fn opt_field(&mut self, key: &str, value: Option<&str>) {
        match value {
            Some(v) => self.field(key, v),
            None => {
                self.out.extend_from_slice(b",\"");
                self.out.extend_from_slice(key.as_bytes());
                self.out.extend_from_slice(b"\":null");
            }
        }
    }

    /// `"start":…,"end":…` and `,"text":…`, in character offsets.
    fn span(&mut self, span: Span, with_text: bool) {
        self.out.extend_from_slice(b"\"start\":");
        write_uint(self.out, self.chars.at(span.start));
        self.out.extend_from_slice(b",\"end\":");
        write_uint(self.out, self.chars.at(span.end));
        if with_text {
            self.out.extend_from_slice(b",\"text\":");
            write_json_str(self.out, span.as_str(self.text));
        }
    }

    /// The items of `tokens`, comma-separated, written in place (see [`Json::token`]) into
    /// zeroed room kept ahead of them in `out`: `out` runs up to [`TOKEN_ROOM`] bytes past
    /// the items written (`end`), zeroed a block at a time and cut back at the end. (Zeroing
    /// [`ITEM_MAX`] bytes for each token, three times what it writes, was a tenth of the
    /// writer's stores.)
    fn tokens(&mut self, tokens: &[Token]) {
        let mut end = self.out.len();
        for (i, t) in tokens.iter().enumerate() {
            if self.out.len() - end < ITEM_MAX {
                self.out.resize(end + TOKEN_ROOM, 0);
            }
            end = self.token(t, i > 0, end);
            if end >= SPILL_AT && self.sink.is_some() {
                self.out.truncate(end);
                self.spill();
                end = self.out.len();
            }
        }
        self.out.truncate(end);
    }

    /// `{"start":…,"end":…,"text":…,"kind":…}`, after a comma unless `first`, written at
    /// `end` with at least [`ITEM_MAX`] bytes of room after it in `out`; returns where the
    /// item ends. Tokens are most of a record (8M in the bulk corpus): a short token that
    /// needs no escaping is assembled in place, instead of ten appends that each check the
    /// vector's capacity. Anything else takes the general path; both write the same bytes.
    fn token(&mut self, t: &Token, comma: bool, end: usize) -> usize {
        // (the token's bytes, not its `&str`: the char-boundary tests of slicing a `str` were a
        // tenth of this function, and tokens lie on boundaries)
        let text = &self.text.as_bytes()[t.span.start..t.span.end];
        // The 32 bytes from the token on when the text has that many (nearly always), else
        // the token's bytes padded with zeros: one 32-byte block either way, so that there is
        // one fixed-size copy below. (With a copy of the token's own length for the rare
        // other case, the compiler merged the two into a `memcpy` call for every token.)
        let mut padded = [0u8; 32];
        let block = match self.text.as_bytes().get(t.span.start..t.span.start + 32) {
            Some(block) => block,
            None => {
                let n = text.len().min(32);
                padded[..n].copy_from_slice(&text[..n]);
                &padded
            }
        };
        let plain = text.len() <= 32 && !escape_in_prefix(block, text.len());
        if !plain {
            self.out.truncate(end);
            if comma {
                self.out.push(b',');
            }
            self.out.push(b'{');
            self.token_fields(t);
            self.out.push(b'}');
            return self.out.len();
        }
        // Written in place with fixed-size copies: no `memcpy` call, and no bytes stored on
        // the stack only to be reloaded in wider words (which stalls store forwarding).
        let start = end;
        let mut buf = InPlace {
            buf: &mut self.out[start..start + ITEM_MAX],
            len: 0,
        };
        if comma {
            buf.put(b",");
        }
        buf.put(b"{\"start\":");
        buf.offsets(self.chars.at(t.span.start), self.chars.at(t.span.end));
        buf.put(b",\"text\":\"");
        // the 32-byte block (a copy the compiler inlines), then only the token's length counted
        buf.put_prefix(block, text.len());
        // `","kind":"word"}` in one fixed-size copy (see `KIND_TAILS`)
        let (tail, tail_len) = &KIND_TAILS[t.kind as usize];
        buf.put_prefix(tail, *tail_len);
        start + buf.len
    }

    /// `[{…},{…}]`, each object's fields written by `item`.
    fn list<T>(&mut self, items: &[T], item: impl Fn(&mut Self, &T)) {
        self.out.push(b'[');
        for (i, t) in items.iter().enumerate() {
            if i > 0 {
                self.out.push(b',');
            }
            self.out.push(b'{');
            item(self, t);
            self.out.push(b'}');
            self.spill();
        }
        self.out.push(b']');
    }

    /// The fields of one zone.
    fn zone(&mut self, z: &Zone) {
        self.span(z.span, false);
        self.field("kind", z.kind.as_str());
    }

    /// The fields of one token (the general path of [`Json::token`]).
    fn token_fields(&mut self, t: &Token) {
        self.span(t.span, true);
        self.field("kind", token_kind(t.kind));
    }

    /// The fields of one entity; `zone` only when the entity has one.
    fn entity(&mut self, e: &Entity) {
        self.span(e.span, true);
        self.field("label", e.label.as_str());
        self.field("id", &e.id);
        self.field("canonical", &e.canonical);
        self.field("kind", &e.kind);
        self.field("source", source(e.source));
        if let Some(z) = e.zone {
            self.field("zone", z.as_str());
        }
    }

    /// The fields of one quote: its speaker and cue objects, or `null`.
    fn quote(&mut self, q: &Quote) {
        self.span(q.span, true);
        self.field("kind", quote_kind(q.kind));
        self.out.extend_from_slice(b",\"speaker\":");
        match &q.speaker {
            None => self.out.extend_from_slice(b"null"),
            Some(sp) => {
                self.out.push(b'{');
                self.span(sp.span, true);
                self.opt_field("id", sp.id.as_deref());
                self.opt_field("canonical", sp.canonical.as_deref());
                self.out.push(b'}');
            }
        }
        self.out.extend_from_slice(b",\"cue\":");
        match q.cue {
            None => self.out.extend_from_slice(b"null"),
            Some(c) => {
                self.out.push(b'{');
                self.span(c, true);
                self.out.push(b'}');
            }
        }
        self.field("rule", q.rule);
        if let Some(z) = q.zone {
            self.field("zone", z.as_str());
        }
    }
}

/// Room for the longest item [`InPlace`] writes: two 20-digit numbers, the keys, 32 bytes of
/// text and the kind's tail, both copied as 32-byte blocks (130 bytes).
const ITEM_MAX: usize = 144;

/// Bytes of zeroed room [`Json::tokens`] adds at a time.
const TOKEN_ROOM: usize = 1024;

/// A small record item written into [`ITEM_MAX`] bytes reserved at the end of the output
/// (see [`Json::token`]).
struct InPlace<'a> {
    buf: &'a mut [u8],
    len: usize,
}

impl InPlace<'_> {
    #[inline]
    fn put(&mut self, s: &[u8]) {
        self.buf[self.len..self.len + s.len()].copy_from_slice(s);
        self.len += s.len();
    }

    /// Copies all of `block` (32 bytes) but keeps only its first `len` bytes.
    #[inline]
    fn put_prefix(&mut self, block: &[u8], len: usize) {
        let mut fixed = [0u8; 32];
        fixed.copy_from_slice(block);
        self.buf[self.len..self.len + 32].copy_from_slice(&fixed);
        self.len += len.min(32);
    }

    /// `start,"end":end` in decimal: both numbers converted at once when they are below 10^4
    /// (see [`decimal4x2`]; offsets into most news articles are), else one at a time.
    #[inline]
    fn offsets(&mut self, start: usize, end: usize) {
        let Some(([start, end], [start_len, end_len])) = decimal4x2(start, end) else {
            self.uint(start);
            self.put(b",\"end\":");
            self.uint(end);
            return;
        };
        self.buf[self.len..self.len + 4].copy_from_slice(&start);
        self.len += start_len;
        self.put(b",\"end\":");
        self.buf[self.len..self.len + 4].copy_from_slice(&end);
        self.len += end_len;
    }

    /// Decimal digits of `n` (see [`decimal8`]): one fixed eight-byte store into the
    /// reserved room, which is then only counted up to the digits' length.
    #[inline]
    fn uint(&mut self, n: usize) {
        match decimal8(n) {
            Some((digits, len)) => {
                self.buf[self.len..self.len + 8].copy_from_slice(&digits);
                self.len += len;
            }
            None => self.put(itoa::Buffer::new().format(n).as_bytes()),
        }
    }
}

/// Decimal digits of `n`: from [`DIGITS4`] below 10^4 (most offsets of news articles), eight
/// bytes at once (see [`decimal8`]) below 10^8, else by `itoa` (two digits per step from a
/// table: a division per digit, as before, was a sixth of the record writer's time).
fn write_uint(out: &mut Vec<u8>, n: usize) {
    if let Some(&digits) = DIGITS4.get(n) {
        // all four bytes (a fixed-size copy), then the zero bytes after the digits cut off
        out.extend_from_slice(&digits.to_le_bytes());
        out.truncate(out.len() - (digits.leading_zeros() / 8) as usize);
        return;
    }
    match decimal8(n) {
        Some((digits, len)) => {
            // all eight bytes (a fixed-size copy, not a `memcpy` call), then the rest cut off
            out.extend_from_slice(&digits);
            out.truncate(out.len() - 8 + len);
        }
        None => out.extend_from_slice(itoa::Buffer::new().format(n).as_bytes()),
    }
}

/// The decimal digits of `n < 10^8`, left-aligned in eight bytes, and their number; `None`
/// for larger `n`.
///
/// Offsets are most of a record's numbers (two per token) and are small. `itoa` writes them
/// into its own buffer a pair of digits at a time, and the copy out of it has a variable
/// length (a `memcpy` call per number); here all eight digits are computed at once in the
/// lanes of one integer (divisions by 10^4, 10^2 and 10 as multiplications, no table) and
/// stored as one fixed-size block.
#[inline]
fn decimal8(n: usize) -> Option<([u8; 8], usize)> {
    if n >= 100_000_000 {
        return None;
    }
    let n = n as u64;
    // two 4-digit halves, high half in the low lane (the first bytes)
    let x = (n / 10_000) | ((n % 10_000) << 32);
    // each half into two 2-digit lanes: v / 100 is (v * 10486) >> 20 for v < 10^4
    let hundreds = ((x * 10_486) >> 20) & 0x0000_007f_0000_007f;
    let x = hundreds | ((x - hundreds * 100) << 16);
    // each pair into two digits: v / 10 is (v * 103) >> 10 for v < 100
    let tens = ((x * 103) >> 10) & 0x000f_000f_000f_000f;
    let x = tens | ((x - tens * 10) << 8);
    // leading zero digits are the low zero bytes; `0` keeps one digit
    let zeros = (x.trailing_zeros() / 8).min(7) as usize;
    let digits = (x >> (8 * zeros)) | 0x3030_3030_3030_3030;
    Some((digits.to_le_bytes(), 8 - zeros))
}

/// The decimal digits of `a` and `b`, both below 10^4, left-aligned in four bytes each, and
/// their numbers; `None` when either is larger. The two conversions of a token's offsets, read
/// from [`DIGITS4`]: a token's offsets lie a few bytes past the previous token's, so the
/// entries read are next to those just read and in cache (converted by arithmetic, as
/// [`decimal8`] does, they were 38 instructions a token).
#[inline]
fn decimal4x2(a: usize, b: usize) -> Option<([[u8; 4]; 2], [usize; 2])> {
    let (x, y) = (*DIGITS4.get(a)?, *DIGITS4.get(b)?);
    // the digits are the low bytes, the rest zero: four less the zero high bytes
    let len = |v: u32| 4 - (v.leading_zeros() / 8) as usize;
    Some(([x.to_le_bytes(), y.to_le_bytes()], [len(x), len(y)]))
}

/// The decimal digits of every number below 10^4 (as `u32::to_le_bytes` gives them: the
/// first digit in the low byte), zero bytes after them; built at compile time.
static DIGITS4: [u32; 10_000] = {
    let mut table = [0u32; 10_000];
    let mut n = 0;
    while n < 10_000 {
        let (mut v, mut digits) = (n, 0u32);
        // the digits from the last, each shifted up as the one before it is put below it:
        // the first digit ends in the low byte
        loop {
            digits = digits << 8 | (b'0' as u32 + (v % 10) as u32);
            v /= 10;
            if v == 0 {
                break;
            }
        }
        table[n] = digits;
        n += 1;
    }
    table
};

/// The end of a token item, `","kind":"…"}`, for each [`TokenKind`] (by discriminant), padded
/// to 32 bytes so that it is copied in one fixed-size move, with its length.
static KIND_TAILS: [([u8; 32], usize); 9] = {
    const KINDS: [TokenKind; 9] = TokenKind::ALL;
    let mut tails = [([0u8; 32], 0); 9];
    let mut k = 0;
    while k < KINDS.len() {
        let (head, kind, end) = (b"\",\"kind\":\"", token_kind(KINDS[k]).as_bytes(), b"\"}");
        let (tail, len) = &mut tails[KINDS[k] as usize];
        let mut i = 0;
        while i < head.len() + kind.len() + end.len() {
            tail[i] = if i < head.len() {
                head[i]
            } else if i < head.len() + kind.len() {
                kind[i - head.len()]
            } else {
                end[i - head.len() - kind.len()]
            };
            i += 1;
        }
        *len = i;
        k += 1;
    }
    tails
};

/// The record names of token kinds (serde's, checked by a test).
const fn token_kind(kind: TokenKind) -> &'static str {
    match kind {
        TokenKind::Word => "word",
        TokenKind::Number => "number",
        TokenKind::Punct => "punct",
        TokenKind::Symbol => "symbol",
        TokenKind::Url => "url",
        TokenKind::Email => "email",
        TokenKind::Hashtag => "hashtag",
        TokenKind::Mention => "mention",
        TokenKind::Emoji => "emoji",
    }
}

/// The record names of entity sources (serde's, checked by a test).
fn source(source: Source) -> &'static str {
    match source {
        Source::Gazetteer => "gazetteer",
        Source::Alias => "alias",
        Source::Pattern => "pattern",
    }
}

/// The record names of quote kinds (serde's, checked by a test).
fn quote_kind(kind: QuoteKind) -> &'static str {
    match kind {
        QuoteKind::Direct => "direct",
        QuoteKind::Partial => "partial",
        QuoteKind::Indirect => "indirect",
    }
}

/// One in the high bit of each byte of `w` that a JSON string escapes (below 0x20, `"`, `\`),
/// and possibly of bytes above such a byte (a borrow carries upwards), never elsewhere.
#[inline]
fn escape_bits(w: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // a byte is zero where `x - 1` borrows into its high bit and `x` had it clear
    let zero = |x: u64| x.wrapping_sub(ONES) & !x & HIGH;
    // a byte below 0x20: its high bit clear before, set after subtracting 0x20
    let control = w.wrapping_sub(0x20 * ONES) & !w & HIGH;
    control | zero(w ^ (b'"' as u64 * ONES)) | zero(w ^ (b'\\' as u64 * ONES))
}

/// Whether one of the first `len` (at most 32) bytes of `block` needs escaping: eight bytes at
/// a time (see [`escape_bits`]), the bytes past `len` masked off. A borrow only carries to
/// higher bytes, so a byte past `len` never marks one before it, and a false mark within the
/// first `len` bytes sits above a true one.
#[inline]
fn escape_in_prefix(block: &[u8], len: usize) -> bool {
    let mut marks = 0;
    let mut at = 0;
    while at < len {
        let mut word = [0u8; 8];
        word.copy_from_slice(&block[at..at + 8]);
        let mask = u64::MAX >> (64 - 8 * (len - at).min(8));
        marks |= escape_bits(u64::from_le_bytes(word)) & mask;
        at += 8;
    }
    marks != 0
}

/// Whether some byte of `bytes` needs escaping in a JSON string, tested a word at a time with
/// overlapping loads (no byte loop, no padding to mask off except for one to three bytes).
/// [`escape_bits`] marks a byte only at or above one that needs escaping, so a zero result
/// is exact.
#[inline]
fn needs_escape(bytes: &[u8]) -> bool {
    let n = bytes.len();
    let u16_at = |at: usize| u64::from(u16::from_le_bytes([bytes[at], bytes[at + 1]]));
    let u32_at = |at: usize| {
        let mut w = [0u8; 4];
        w.copy_from_slice(&bytes[at..at + 4]);
        u64::from(u32::from_le_bytes(w))
    };
    let u64_at = |at: usize| {
        let mut w = [0u8; 8];
        w.copy_from_slice(&bytes[at..at + 8]);
        u64::from_le_bytes(w)
    };
    match n {
        0 => false,
        1 => escape_bits(u64::from(bytes[0])) & 0x80 != 0,
        // (the high bytes, zero, would count as control characters: masked off)
        2 | 3 => escape_bits(u16_at(0) | u16_at(n - 2) << 16) & 0x8080_8080 != 0,
        4..=7 => escape_bits(u32_at(0) | u32_at(n - 4) << 32) != 0,
        _ => {
            let mut marks = escape_bits(u64_at(n - 8));
            let mut at = 0;
            while at + 8 < n {
                marks |= escape_bits(u64_at(at));
                at += 8;
            }
            marks != 0
        }
    }
}

/// Longest string [`write_json_str`] tests whole before copying.
const SHORT_STR: usize = 64;

/// Writes `s` as a JSON string, escaped exactly as serde_json does (`\"`, `\\`, `\n`, `\r`,
/// `\t`, `\b`, `\f`, other control characters as `\u00xx`).
///
/// Most strings (labels, ids, names, the text between quotation marks) need no escaping: they
/// are tested a word at a time and copied at once (a loop pushing short strings a byte at a
/// time was a fifth of the writer's instructions). Others skip eight bytes at a time while
/// none needs escaping.
fn write_json_str(out: &mut Vec<u8>, s: &str) {
    let bytes = s.as_bytes();
    out.reserve(bytes.len() + 2);
    out.push(b'"');
    // (a long string, a text, nearly always has a quotation mark or a line break somewhere:
    // tested as it is copied, below, not twice)
    if bytes.len() <= SHORT_STR && !needs_escape(bytes) {
        out.extend_from_slice(bytes);
        out.push(b'"');
        return;
    }
    let mut run = 0; // start of the bytes not yet copied
    let mut i = 0;
    while i < bytes.len() {
        if let Some(chunk) = bytes.get(i..i + 8) {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            let marks = escape_bits(u64::from_le_bytes(word));
            if marks == 0 {
                i += 8;
                continue;
            }
            // On to the first marked byte, which needs escaping (a false mark only ever sits
            // above a true one): the bytes before it are copied with the run, not tested
            // again one word at a time from each of them.
            i += (marks.trailing_zeros() / 8) as usize;
        }
        let b = bytes[i];
        let escape: &[u8] = match b {
            b'"' => b"\\\"",
            b'\\' => b"\\\\",
            b'\n' => b"\\n",
            b'\r' => b"\\r",
            b'\t' => b"\\t",
            0x08 => b"\\b",
            0x0c => b"\\f",
            0..=0x1f => b"",
            _ => {
                i += 1;
                continue;
            }
        };
        out.extend_from_slice(&bytes[run..i]);
        if escape.is_empty() {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.extend_from_slice(b"\\u00");
            out.push(HEX[usize::from(b >> 4)]);
            out.push(HEX[usize::from(b & 0xf)]);
        } else {
            out.extend_from_slice(escape);
        }
        i += 1;
        run = i;
    }
    out.extend_from_slice(&bytes[run..]);
    out.push(b'"');
}

/// Byte offset to character (or UTF-16) offset, for one text.
///
/// News text is nearly all ASCII: a few curly quotes and dashes per article. So instead of a
/// table of four bytes per byte of text (built for every record, a tenth of the writer's
/// work), this keeps one entry per non-ASCII character, with how far the count has fallen
/// behind the byte offset once past it. Offsets are asked for mostly in increasing order
/// (tokens, then sentences, ...), so a lookup resumes from where the previous one ended and
/// costs a comparison; a lookup behind it searches.
pub(crate) struct Chars {
    /// `(start, lag)` for each non-ASCII character, in text order: `start` is its first byte,
    /// `lag` the bytes minus characters (or UTF-16 units) from the start of the text to its
    /// end.
    events: Vec<(u32, u32)>,
    /// `(from, to, lag)`: the bytes `from..=to` have the same `lag` (no character starts
    /// between them): those of the last lookup, where the next one most likely falls.
    window: Cell<(usize, usize, usize)>,
}

impl Chars {
    pub(crate) fn new(text: &str, offsets: Offsets) -> Chars {
        Chars::with_table(text, offsets, Vec::new())
    }

    /// [`Chars::new`], filling `events` (cleared first), so that a caller can reuse one.
    fn with_table(text: &str, offsets: Offsets, mut events: Vec<(u32, u32)>) -> Chars {
        events.clear();
        // A four-byte UTF-8 sequence (lead byte 0xF0..) is a character above U+FFFF: one
        // character, two UTF-16 units.
        let four = match offsets {
            Offsets::Chars => 3,
            Offsets::Utf16 => 2,
        };
        let bytes = text.as_bytes();
        let (mut i, mut lag) = (0, 0u32);
        while i < bytes.len() {
            // ASCII runs skipped sixteen bytes at a time
            if let Some(block) = bytes.get(i..i + 16) {
                let mut w = [0u8; 16];
                w.copy_from_slice(block);
                if u128::from_le_bytes(w) & 0x8080_8080_8080_8080_8080_8080_8080_8080 == 0 {
                    i += 16;
                    continue;
                }
            }
            let (len, behind) = match bytes[i] {
                0..=0x7f => (1, 0),
                0x80..=0xdf => (2, 1),
                0xe0..=0xef => (3, 2),
                _ => (4, four),
            };
            if behind > 0 {
                lag += behind;
                events.push((i as u32, lag));
            }
            i += len;
        }
        let chars = Chars {
            events,
            window: Cell::new((0, 0, 0)),
        };
        chars.window.set(chars.window_of(0));
        chars
    }

    /// The character (or UTF-16) offset of `byte`, a character boundary.
    #[inline]
    pub(crate) fn at(&self, byte: usize) -> usize {
        let (mut from, mut to, mut lag) = self.window.get();
        if byte < from || byte > to {
            (from, to, lag) = self.window_of(byte);
            self.window.set((from, to, lag));
        }
        byte - lag
    }

    /// The bytes around `byte` with its lag (see [`Chars::window`]).
    fn window_of(&self, byte: usize) -> (usize, usize, usize) {
        // the characters that start before `byte`
        let k = self.events.partition_point(|e| (e.0 as usize) < byte);
        let to = self.events.get(k).map_or(usize::MAX, |e| e.0 as usize);
        match k.checked_sub(1).map(|k| self.events[k]) {
            None => (0, to, 0),
            Some((start, lag)) => (start as usize + 1, to, lag as usize),
        }
    }
}

impl Serialize for Record<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let doc = self.doc;
        let text = doc.text.as_str();
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
        let chars = Chars::new(text, Offsets::Chars);
        let at = At {
            chars: &chars,
            text,
        };
        m.serialize_entry("meta", &doc.meta)?;
        m.serialize_entry("zones", &List(&doc.zones, at))?;
        m.serialize_entry("sentences", &List(&doc.sentences, at))?;
        if self.options.tokens {
            m.serialize_entry("tokens", &List(&doc.tokens, at))?;
        }
        m.serialize_entry("entities", &List(&doc.entities, at))?;
        m.serialize_entry("quotes", &List(&doc.quotes, at))?;
        m.end()
    }
}

/// What every span needs to be written: the text and its byte-to-char table.
#[derive(Clone, Copy)]
struct At<'a> {
    chars: &'a Chars,
    text: &'a str,
}

impl At<'_> {
    /// Writes `start`, `end` and, when asked, `text` of a span into an open map.
    fn span<M: SerializeMap>(self, m: &mut M, span: Span, with_text: bool) -> Result<(), M::Error> {
        m.serialize_entry("start", &self.chars.at(span.start))?;
        m.serialize_entry("end", &self.chars.at(span.end))?;
        if with_text {
            m.serialize_entry("text", span.as_str(self.text))?;
        }
        Ok(())
    }
}

/// One record item written straight to the serializer: no intermediate `Value`s, which cost
/// an allocation per field and showed up in profiles of large corpora.
trait WriteItem {
    fn write<M: SerializeMap>(&self, m: &mut M, at: At<'_>) -> Result<(), M::Error>;
}

/// A list of record items.
struct List<'a, T>(&'a [T], At<'a>);

/// One record item.
struct Item<'a, T>(&'a T, At<'a>);

impl<T: WriteItem> Serialize for List<'_, T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq;
        let mut seq = s.serialize_seq(Some(self.0.len()))?;
        for item in self.0 {
            seq.serialize_element(&Item(item, self.1))?;
        }
        seq.end()
    }
}

impl<T: WriteItem> Serialize for Item<'_, T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(None)?;
        self.0.write(&mut m, self.1)?;
        m.end()
    }
}

impl WriteItem for Zone {
    fn write<M: SerializeMap>(&self, m: &mut M, at: At<'_>) -> Result<(), M::Error> {
        at.span(m, self.span, false)?;
        m.serialize_entry("kind", self.kind.as_str())
    }
}

impl WriteItem for Span {
    fn write<M: SerializeMap>(&self, m: &mut M, at: At<'_>) -> Result<(), M::Error> {
        at.span(m, *self, false)
    }
}

impl WriteItem for Token {
    fn write<M: SerializeMap>(&self, m: &mut M, at: At<'_>) -> Result<(), M::Error> {
        at.span(m, self.span, true)?;
        m.serialize_entry("kind", &self.kind)
    }
}

impl WriteItem for Entity {
    fn write<M: SerializeMap>(&self, m: &mut M, at: At<'_>) -> Result<(), M::Error> {
        at.span(m, self.span, true)?;
        m.serialize_entry("label", self.label.as_str())?;
        m.serialize_entry("id", &*self.id)?;
        m.serialize_entry("canonical", &*self.canonical)?;
        m.serialize_entry("kind", &*self.kind)?;
        m.serialize_entry("source", &self.source)?;
        if let Some(z) = self.zone {
            m.serialize_entry("zone", z.as_str())?;
        }
        Ok(())
    }
}

impl WriteItem for Quote {
    fn write<M: SerializeMap>(&self, m: &mut M, at: At<'_>) -> Result<(), M::Error> {
        at.span(m, self.span, true)?;
        m.serialize_entry("kind", &self.kind)?;
        m.serialize_entry("speaker", &self.speaker.as_ref().map(|sp| Item(sp, at)))?;
        m.serialize_entry("cue", &self.cue.map(|c| Cue(c, at)))?;
        m.serialize_entry("rule", self.rule)?;
        if let Some(z) = self.zone {
            m.serialize_entry("zone", z.as_str())?;
        }
        Ok(())
    }
}

impl WriteItem for Speaker {
    fn write<M: SerializeMap>(&self, m: &mut M, at: At<'_>) -> Result<(), M::Error> {
        at.span(m, self.span, true)?;
        m.serialize_entry("id", &self.id.as_deref())?;
        m.serialize_entry("canonical", &self.canonical.as_deref())
    }
}

/// A quote's cue: a span with its text and nothing else.
struct Cue<'a>(Span, At<'a>);

impl Serialize for Cue<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(None)?;
        self.1.span(&mut m, self.0, true)?;
        m.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_escaped_as_serde_json_does() {
        let mut cases: Vec<String> = (0u8..0x80).map(|b| char::from(b).to_string()).collect();
        cases.extend(
            [
                "",
                "Kata \"ayo\" di\nJakarta\\Bogor\t\r\u{8}\u{c}\u{1}\u{1f}\u{7f}",
                "“Kami menolak,” kata Peskov — é ü 漢字 🙂 twelve bytes!",
                "abcdefg\"hijklmno\\pqrstuvw\u{0}xyz0123456789",
            ]
            .map(String::from),
        );
        // Every position of an escape within an eight-byte chunk.
        for at in 0..17 {
            for c in ['"', '\\', '\n', '\u{2}'] {
                let mut s = "x".repeat(at);
                s.push(c);
                s.push_str("yyyyyyyyy");
                cases.push(s);
            }
        }
        // Short strings of every length with an escape at every position, and none.
        for len in 1..=20 {
            cases.push("é".repeat(len / 2) + &"y".repeat(len % 2));
            for at in 0..len {
                for c in ['"', '\\', '\n', '\u{1f}', '\u{0}'] {
                    let mut s = "y".repeat(len - 1);
                    s.insert(at, c);
                    cases.push(s);
                }
            }
        }
        for s in cases {
            let mut out = Vec::new();
            write_json_str(&mut out, &s);
            let want = serde_json::to_string(&s).expect("serialises");
            assert_eq!(String::from_utf8(out).expect("UTF-8"), want, "{s:?}");
        }
    }

    /// Adds items of every kind, with and without their optional parts, to `doc`.
    fn every_kind(doc: &mut Document) {
        use crate::span::{Label, ZoneKind};
        use std::sync::Arc;
        let span = Span::new(0, 7);
        let kinds = TokenKind::ALL;
        doc.tokens.extend(kinds.map(|kind| Token { span, kind }));
        for (i, source) in [Source::Gazetteer, Source::Alias, Source::Pattern]
            .into_iter()
            .enumerate()
        {
            doc.entities.push(Entity {
                span,
                label: Label::Person,
                id: Arc::from("a\"b"),
                canonical: Arc::from("Nama \\ Lengkap"),
                kind: Arc::from("person"),
                source,
                zone: (i > 0).then_some(ZoneKind::Caption),
            });
        }
        for (i, kind) in [QuoteKind::Direct, QuoteKind::Partial, QuoteKind::Indirect]
            .into_iter()
            .enumerate()
        {
            doc.quotes.push(Quote {
                span,
                kind,
                speaker: (i > 0).then(|| Speaker {
                    span,
                    id: (i > 1).then(|| Arc::from("x")),
                    canonical: None,
                }),
                cue: (i != 1).then_some(Span::new(1, 3)),
                rule: "uji",
                zone: (i == 2).then_some(ZoneKind::Body),
            });
        }
        doc.zones.push(Zone {
            span,
            kind: ZoneKind::Boilerplate,
        });
    }

    #[test]
    fn digit_table_spells_every_number_below_ten_thousand() {
        for n in 0..10_000 {
            let ([d, _], [len, _]) = decimal4x2(n, 0).expect("below 10^4");
            assert_eq!(&d[..len], n.to_string().as_bytes(), "{n}");
        }
        assert!(decimal4x2(10_000, 1).is_none() && decimal4x2(1, 10_000).is_none());
    }

    #[test]
    fn kind_names_are_serdes() {
        let mut doc = Document::default();
        every_kind(&mut doc);
        for t in &doc.tokens {
            assert_eq!(Value::from(token_kind(t.kind)), serde_json::json!(t.kind));
        }
        for e in &doc.entities {
            assert_eq!(Value::from(source(e.source)), serde_json::json!(e.source));
        }
        for q in &doc.quotes {
            assert_eq!(Value::from(quote_kind(q.kind)), serde_json::json!(q.kind));
        }
    }

    #[test]
    fn offsets_count_characters_or_utf16_units() {
        let text = "A🙂é漢𝕏b\u{10FFFF}c";
        let ends = text.char_indices().map(|(b, _)| b).chain([text.len()]);
        let chars = Chars::new(text, Offsets::Chars);
        let utf16 = Chars::new(text, Offsets::Utf16);
        for b in ends {
            assert_eq!(chars.at(b), text[..b].chars().count(), "byte {b}");
            assert_eq!(utf16.at(b), text[..b].encode_utf16().count(), "byte {b}");
        }
    }

    /// Every byte value at every place of a 32-byte block, for every prefix length: marked
    /// exactly when it lies in the prefix and JSON escapes it (a byte after the prefix, even
    /// one that borrows, never marks it).
    #[test]
    fn escape_marks_only_the_prefix() {
        for b in 0..=255u8 {
            let escaped = b < 0x20 || b == b'"' || b == b'\\';
            for at in 0..32 {
                let mut block = [b'a'; 32];
                block[at] = b;
                for len in 1..=32 {
                    assert_eq!(
                        escape_in_prefix(&block, len),
                        escaped && at < len,
                        "{b} {at} {len}"
                    );
                }
            }
        }
    }

    #[test]
    fn numbers_are_written_in_decimal() {
        // every length, each side of each power of ten, and the eight-digit limit
        let mut ns = vec![0, 7, 10, 99, 100, 123_456, 4_294_967_296, usize::MAX];
        for k in 1..=19 {
            let p = 10usize.pow(k);
            ns.extend([p - 1, p, p + 1, p / 2 + 3, p / 10 * 9 + 7]);
        }
        ns.extend((0..200_000).map(|i| i * 499));
        for n in ns {
            let mut out = Vec::new();
            write_uint(&mut out, n);
            assert_eq!(out, n.to_string().as_bytes());
            let mut room = [0u8; ITEM_MAX];
            let mut item = InPlace {
                buf: &mut room,
                len: 0,
            };
            item.uint(n);
            let len = item.len;
            assert_eq!(&room[..len], n.to_string().as_bytes());
        }
    }

    #[test]
    fn offset_pairs_are_written_in_decimal() {
        // both below 10^4 (every pair of lengths), and either above
        let ns = [
            0, 5, 10, 42, 99, 100, 909, 999, 1000, 1001, 9990, 9999, 10_000, 123_456,
        ];
        let pairs = ns.iter().flat_map(|&a| ns.iter().map(move |&b| (a, b)));
        for (a, b) in pairs.chain((0..10_001).map(|i| (i, 10_000 - i))) {
            let mut room = [0u8; ITEM_MAX];
            let mut item = InPlace {
                buf: &mut room,
                len: 0,
            };
            item.offsets(a, b);
            let len = item.len;
            assert_eq!(&room[..len], format!("{a},\"end\":{b}").as_bytes());
        }
    }

    #[test]
    fn json_line_matches_serialize_for_every_option() {
        // Tokens long (a URL over 32 bytes), escaped (`\\`) and not ASCII: each path of the
        // token writer.
        let text = "JAKARTA - \"Kami siap,\" kata Joko Widodo di Istana São Paulo.\nBaca Juga: Rusia\u{1}. \
                    Lihat https://contoh.co.id/berita/2024/harga-beras-naik-lagi atau C:\\data\\berkas.";
        let mut doc = crate::Tagger::new().tag(text);
        assert!(
            doc.tokens.iter().any(|t| t.span.len() > 32),
            "{:?}",
            doc.tokens
        );
        assert!(doc
            .tokens
            .iter()
            .any(|t| doc.span_text(t.span).contains('\\')));
        let records = |doc: &Document| {
            let mut lines = Vec::new();
            for text in [true, false] {
                for tokens in [true, false] {
                    let options = RecordOptions { text, tokens };
                    let line = doc.to_json_line(options);
                    let all = Record { doc, options };
                    let want = serde_json::to_string(&all).expect("serialises");
                    assert_eq!(line, want, "{options:?}");
                    let mut v: Value = serde_json::from_str(&line).expect("valid JSON");
                    if !text {
                        assert!(v.get("text").is_none(), "{line}");
                        v["text"] = Value::from(doc.text.as_str());
                    }
                    if !tokens {
                        assert!(v.get("tokens").is_none(), "{line}");
                    }
                    lines.push((options, line, v));
                }
            }
            lines
        };
        // Without an id or carried fields, with them, then with hand-made items of every kind.
        for pass in 0..3 {
            let full = serde_json::to_string(&doc).expect("serialises");
            let lines = records(&doc);
            assert_eq!(lines[0].1, full, "default options are the Serialize output");
            let full: Value = serde_json::from_str(&full).expect("valid JSON");
            for (options, line, mut v) in lines {
                if !options.tokens {
                    v["tokens"] = full["tokens"].clone();
                }
                // Same fields in the same order as the full record.
                let keys: Vec<&String> = v.as_object().expect("object").keys().collect();
                let want: Vec<&String> = full.as_object().expect("object").keys().collect();
                if options.text && options.tokens {
                    assert_eq!(keys, want, "{line}");
                }
                assert_eq!(v, full, "{options:?}");
            }
            if pass == 0 {
                doc.id = Some("berita-1".into());
                doc.extra
                    .insert("url".into(), Value::from("https://contoh.id/a"));
                doc.extra.insert("text".into(), Value::from("asli"));
                doc.extra
                    .insert("n".into(), serde_json::json!([1, {"a": null}]));
            }
            if pass == 1 {
                every_kind(&mut doc);
            }
        }
    }
}
