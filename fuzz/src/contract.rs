//! The contract every fuzz target asserts, in one place: the AFL harnesses in `fuzz/src/bin/`
//! call these functions on each input, and the crate's own test suite (`tests/fuzz_replay.rs`)
//! calls them on every file in `fuzz/seeds/` and `fuzz/regressions/`, so a crash found by the
//! fuzzer stays fixed without AFL installed.
//!
//! A violation panics with a message saying which rule broke; AFL records a panic as a crash.
//!
//! The rules, for every document the tagger returns:
//! - every span (zone, sentence, token, entity, quote, speaker, cue) lies inside the text and
//!   starts and ends on character boundaries;
//! - tokens are non-empty, sorted, disjoint, and neither start nor end with white space;
//! - sentences, entities and quotes are sorted by start;
//! - the zones partition the text: contiguous, from 0 to its end;
//! - the JSON record parses, its `text` is the text, and for every span that carries a `text`,
//!   `text[start:end]` in characters equals it; `start`/`end` are the byte spans in characters.

use std::io::Cursor;

use indotag::input::{Format, InputOptions, Reader};
use indotag::{Document, Gazetteer, RecordOptions, Span, Tagger};
use serde_json::Value;

/// A document touching every stage, run once before fuzzing starts so that lazily built
/// tables are built in the parent process, not in each child (which AFL sees as instability).
pub const WARM_UP: &str = "Editor: Rina\nJAKARTA, KOMPAS.com - Presiden Joko Widodo berkata, \
    \u{201c}Kami siap.\u{201d} Menurut Badan Pusat Statistik (BPS), harga naik 0,5%. \
    BPS menyebut 'stabil', ujarnya.\nBaca Juga: Harga Emas Turun\n";

/// Runs each target's check once on a warm-up input (see [`WARM_UP`]).
pub fn warm_up(tagger: &Tagger) {
    tag_bytes(tagger, WARM_UP.as_bytes());
    let line = serde_json::json!({ "id": "w", "text": WARM_UP }).to_string();
    jsonl_bytes(tagger, format!("{line}\nbukan json\n").as_bytes());
    let tsv = format!(
        "{}\nbps\tORG\tagency\tBadan Pusat Statistik\tBPS\t\n",
        indotag::gazetteer::HEADER
    );
    gazetteer_bytes(tsv.as_bytes());
}

/// `Tagger::tag` on arbitrary bytes, read as lossy UTF-8.
pub fn tag_bytes(tagger: &Tagger, data: &[u8]) {
    let text = String::from_utf8_lossy(data).into_owned();
    let doc = tagger.tag(text.as_str());
    check_document(&text, &doc, RecordOptions::default());
}

/// The JSONL reader on arbitrary bytes, then the tagger on every record it yields: no line is
/// lost (one document per non-blank line), every error names the file and a line that exists,
/// and every record keeps the tagger's contract with the input's other fields carried through.
pub fn jsonl_bytes(tagger: &Tagger, data: &[u8]) {
    let options = InputOptions {
        format: Some(Format::Jsonl),
        ..InputOptions::default()
    };
    let docs: Vec<_> =
        Reader::from_reader("fuzz.jsonl", Box::new(Cursor::new(data.to_vec())), options).collect();
    let lines = content_lines(data);
    assert!(
        docs.len() == lines
            || (docs.len() <= lines && docs.last().is_some_and(|d| d.text.is_err())),
        "{} documents from {lines} non-blank lines",
        docs.len()
    );
    for raw in docs {
        match raw.text {
            Err(e) => {
                let msg = e.to_string();
                let line = error_line_number(&msg)
                    .unwrap_or_else(|| panic!("error does not name `fuzz.jsonl:LINE:`: {msg}"));
                assert!(line >= 1, "line numbers are 1-based: {msg}");
                let line = indotag::document::error_line(Some(&raw.id), &raw.extra, &msg);
                let v: Value = serde_json::from_str(&line).expect("error record is JSON");
                assert_eq!(v["error"].as_str(), Some(msg.as_str()));
            }
            Ok(text) => {
                let mut doc = tagger.tag(text.as_str());
                doc.id = Some(raw.id.clone());
                doc.extra = raw.extra.clone();
                let rec = check_document(&text, &doc, RecordOptions::default());
                assert_eq!(rec["id"].as_str(), Some(raw.id.as_str()));
                for key in raw.extra.keys() {
                    let carried = rec
                        .get(key.as_str())
                        .or_else(|| rec.get(format!("input_{key}")));
                    assert!(carried.is_some(), "input field `{key}` lost");
                }
            }
        }
    }
}

/// The gazetteer parser on arbitrary bytes: every problem names the file and a line; every
/// entry it accepts writes back (`to_tsv`) to a row that parses to the same entry; and a
/// matcher built from the accepted entries finds only token-aligned spans of the names.
pub fn gazetteer_bytes(data: &[u8]) {
    let (g, errors) = Gazetteer::check("fuzz.tsv", data);
    for e in &errors {
        let msg = e.to_string();
        assert!(
            msg.starts_with("fuzz.tsv:"),
            "problem without a place: {msg}"
        );
    }
    let mut rows = String::from(indotag::gazetteer::HEADER);
    for e in g.entries() {
        rows.push('\n');
        rows.push_str(&e.to_tsv());
    }
    let again = Gazetteer::parse("again.tsv", &rows)
        .unwrap_or_else(|e| panic!("accepted entries do not parse back: {e}\n{rows}"));
    assert_eq!(again.len(), g.len(), "entries lost on the way back");
    for (a, b) in g.entries().iter().zip(again.entries()) {
        assert_eq!(
            (
                &a.id,
                a.label,
                &a.kind,
                &a.canonical,
                &a.aliases,
                a.priority
            ),
            (
                &b.id,
                b.label,
                &b.kind,
                &b.canonical,
                &b.aliases,
                b.priority
            ),
            "entry changed on the way back"
        );
    }
    if !errors.is_empty() || g.is_empty() {
        return;
    }
    // Tag the names themselves, one per line, with a tagger made of this gazetteer only.
    let Ok(tagger) = Tagger::builder()
        .default_gazetteers(false)
        .gazetteer(g.clone())
        .build()
    else {
        return;
    };
    let text: String = g
        .entries()
        .iter()
        .flat_map(|e| e.names())
        .take(64)
        .collect::<Vec<_>>()
        .join(".\n");
    let doc = tagger.tag(text.as_str());
    check_document(&text, &doc, RecordOptions::default());
}

/// Checks one tagged document against the contract; returns its parsed JSON record.
pub fn check_document(text: &str, doc: &Document, options: RecordOptions) -> Value {
    assert_eq!(doc.text, text, "the document's text is not its input");
    let in_text = |what: &str, s: Span| {
        assert!(
            s.start <= s.end && s.end <= text.len(),
            "{what} {}..{} out of bounds (text is {} bytes)",
            s.start,
            s.end,
            text.len()
        );
        assert!(
            text.is_char_boundary(s.start) && text.is_char_boundary(s.end),
            "{what} {}..{} not on character boundaries",
            s.start,
            s.end
        );
    };
    for z in &doc.zones {
        in_text("zone", z.span);
    }
    for s in &doc.sentences {
        in_text("sentence", *s);
    }
    for e in &doc.entities {
        in_text("entity", e.span);
    }
    for q in &doc.quotes {
        in_text("quote", q.span);
        if let Some(sp) = &q.speaker {
            in_text("speaker", sp.span);
        }
        if let Some(c) = q.cue {
            in_text("cue", c);
        }
    }
    let mut prev_end = 0;
    for t in &doc.tokens {
        in_text("token", t.span);
        assert!(t.span.start < t.span.end, "empty token at {}", t.span.start);
        assert!(
            t.span.start >= prev_end,
            "tokens overlap or are unsorted at {}",
            t.span.start
        );
        prev_end = t.span.end;
        let s = t.span.as_str(text);
        assert!(
            !s.starts_with(char::is_whitespace) && !s.ends_with(char::is_whitespace),
            "token {s:?} has white space at an end"
        );
    }
    sorted("sentence", doc.sentences.iter().map(|s| s.start));
    sorted("entity", doc.entities.iter().map(|e| e.span.start));
    sorted("quote", doc.quotes.iter().map(|q| q.span.start));
    let mut pos = 0;
    for z in &doc.zones {
        assert_eq!(
            z.span.start, pos,
            "zones leave a gap or overlap at byte {pos}"
        );
        pos = z.span.end;
    }
    assert!(
        pos == text.len() || (doc.zones.is_empty() && text.trim().is_empty()),
        "zones end at byte {pos}, the text at {}",
        text.len()
    );
    check_record(text, doc, options)
}

fn sorted(what: &str, starts: impl Iterator<Item = usize>) {
    let mut last = 0;
    for s in starts {
        assert!(s >= last, "{what}s not sorted by start: {s} after {last}");
        last = s;
    }
}

/// The JSON record: parses, and every span's character offsets and text agree with the text.
fn check_record(text: &str, doc: &Document, options: RecordOptions) -> Value {
    let line = doc.to_json_line(options);
    assert!(!line.contains('\n'), "the record spans several lines");
    let rec: Value = serde_json::from_str(&line)
        .unwrap_or_else(|e| panic!("the record is not JSON ({e}): {line}"));
    if options.text {
        assert_eq!(
            rec["text"].as_str(),
            Some(text),
            "the record's text differs"
        );
    }
    // chars_before[b] = characters before byte b, for every char boundary b.
    let mut chars_before = vec![usize::MAX; text.len() + 1];
    let mut n = 0;
    for (b, _) in text.char_indices() {
        chars_before[b] = n;
        n += 1;
    }
    chars_before[text.len()] = n;
    let chars: Vec<char> = text.chars().collect();
    let check = |what: &str, v: &Value, span: Span| {
        let (s, e) = (v["start"].as_u64(), v["end"].as_u64());
        let (Some(s), Some(e)) = (s, e) else {
            panic!("{what} without start/end: {v}");
        };
        let (s, e) = (s as usize, e as usize);
        assert_eq!(
            (s, e),
            (chars_before[span.start], chars_before[span.end]),
            "{what}: character offsets are not the byte span's"
        );
        assert!(s <= e && e <= chars.len(), "{what} {s}..{e} out of bounds");
        if let Some(t) = v.get("text") {
            let want: String = chars[s..e].iter().collect();
            assert_eq!(
                t.as_str(),
                Some(want.as_str()),
                "{what}: text[start:end] differs"
            );
        }
    };
    let list = |key: &str| rec[key].as_array().cloned().unwrap_or_default();
    let zones = list("zones");
    assert_eq!(zones.len(), doc.zones.len());
    for (v, z) in zones.iter().zip(&doc.zones) {
        check("zone", v, z.span);
    }
    let sentences = list("sentences");
    assert_eq!(sentences.len(), doc.sentences.len());
    for (v, s) in sentences.iter().zip(&doc.sentences) {
        check("sentence", v, *s);
    }
    if options.tokens {
        let tokens = list("tokens");
        assert_eq!(tokens.len(), doc.tokens.len());
        for (v, t) in tokens.iter().zip(&doc.tokens) {
            check("token", v, t.span);
        }
    }
    let entities = list("entities");
    assert_eq!(entities.len(), doc.entities.len());
    for (v, e) in entities.iter().zip(&doc.entities) {
        check("entity", v, e.span);
    }
    let quotes = list("quotes");
    assert_eq!(quotes.len(), doc.quotes.len());
    for (v, q) in quotes.iter().zip(&doc.quotes) {
        check("quote", v, q.span);
        match (&q.speaker, &v["speaker"]) {
            (Some(sp), v) => check("speaker", v, sp.span),
            (None, v) => assert!(v.is_null(), "speaker without a span"),
        }
        match (q.cue, &v["cue"]) {
            (Some(c), v) => check("cue", v, c),
            (None, v) => assert!(v.is_null(), "cue without a span"),
        }
    }
    rec
}

/// Lines the JSONL reader must turn into a document each: not blank once a leading BOM and
/// the line end are removed. (UTF-16 input is counted after decoding.)
fn content_lines(data: &[u8]) -> usize {
    let decoded;
    let data = match encoding_rs::Encoding::for_bom(data) {
        Some((enc, bom)) if enc != encoding_rs::UTF_8 => {
            decoded = enc.decode_without_bom_handling(&data[bom..]).0.into_owned();
            decoded.as_bytes()
        }
        Some((_, bom)) => &data[bom..],
        None => data,
    };
    data.split(|&b| b == b'\n')
        .filter(|l| !l.iter().all(|b| b.is_ascii_whitespace()))
        .count()
}

/// The line number in an error that starts `fuzz.jsonl:LINE:`.
fn error_line_number(msg: &str) -> Option<usize> {
    let rest = msg.strip_prefix("fuzz.jsonl:")?;
    rest[..rest.find(':')?].parse().ok()
}
