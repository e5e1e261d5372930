//! Prodigy tasks, one JSON object a line, ready for `prodigy db-in` or a `ner.manual` source:
//!
//! ```text
//! {"text": "…",
//!  "tokens": [{"text","start","end","id","ws"}],
//!  "spans": [{"start","end","label","token_start","token_end"}],
//!  "meta": {"id": …, <the record's meta>}}
//! ```
//!
//! Offsets are characters (Python's `str` indexes, which Prodigy uses); `token_end` is
//! inclusive, as in Prodigy. `ws` is true when whitespace follows the token. Tokens an entity
//! starts or ends inside are split there, so that every span lies on token boundaries.

use serde::Serialize;
use serde_json::{Map, Value};

use crate::document::{Chars, Document, Offsets};
use crate::span::Span;

use super::{entity_layer, split_tokens, token_range, Report};

/// A Prodigy task, serialised by serde straight from borrowed parts (a `serde_json::Value`
/// per token made this format four times slower than the others on a large corpus).
#[derive(Serialize)]
struct Task<'a> {
    text: &'a str,
    tokens: Vec<TokenOut<'a>>,
    spans: Vec<SpanOut>,
    meta: Map<String, Value>,
}

#[derive(Serialize)]
struct TokenOut<'a> {
    text: &'a str,
    start: usize,
    end: usize,
    id: usize,
    ws: bool,
}

#[derive(Serialize)]
struct SpanOut {
    start: usize,
    end: usize,
    label: &'static str,
    token_start: usize,
    token_end: usize,
}

/// Appends `doc` as one Prodigy task line to `out`.
pub(super) fn write(doc: &Document, out: &mut Vec<u8>) -> Report {
    let text = doc.text.as_str();
    let chars = Chars::new(text, Offsets::Chars);
    let (entities, mut dropped) = entity_layer(doc);
    let entity_spans: Vec<Span> = entities.iter().map(|e| e.span).collect();
    let (tokens, split) = split_tokens(doc, &entity_spans);
    let token_out = tokens
        .iter()
        .enumerate()
        .map(|(i, t)| TokenOut {
            text: t.as_str(text),
            start: chars.at(t.start),
            end: chars.at(t.end),
            id: i,
            ws: text[t.end..].starts_with(char::is_whitespace),
        })
        .collect();
    let mut spans = Vec::with_capacity(entities.len());
    for e in &entities {
        let Some((first, last)) = token_range(&tokens, e.span) else {
            dropped += 1;
            continue;
        };
        spans.push(SpanOut {
            start: chars.at(e.span.start),
            end: chars.at(e.span.end),
            label: e.label.as_str(),
            token_start: first,
            token_end: last,
        });
    }
    let task = Task {
        text,
        tokens: token_out,
        spans,
        meta: meta(doc),
    };
    // Writing into a Vec cannot fail.
    let _ = serde_json::to_writer(&mut *out, &task);
    out.push(b'\n');
    Report {
        split_tokens: split,
        dropped,
        nested_quotes: 0,
    }
}

/// The document's id and metadata, which Prodigy shows under each task.
pub(super) fn meta(doc: &Document) -> Map<String, Value> {
    let mut meta = Map::new();
    if let Some(id) = &doc.id {
        meta.insert("id".into(), Value::from(id.as_str()));
    }
    if let Ok(Value::Object(m)) = serde_json::to_value(&doc.meta) {
        meta.extend(m);
    }
    meta
}
