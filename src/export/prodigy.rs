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

use serde_json::{json, Map, Value};

use crate::document::{Chars, Document, Offsets};
use crate::span::Span;

use super::{entity_layer, split_tokens, token_range, Report};

/// Appends `doc` as one Prodigy task line to `out`.
pub(super) fn write(doc: &Document, out: &mut Vec<u8>) -> Report {
    let text = doc.text.as_str();
    let chars = Chars::new(text, Offsets::Chars);
    let (entities, mut dropped) = entity_layer(doc);
    let entity_spans: Vec<Span> = entities.iter().map(|e| e.span).collect();
    let (tokens, split) = split_tokens(doc, &entity_spans);
    let token_values: Vec<Value> = tokens
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let ws = text[t.end..].starts_with(char::is_whitespace);
            json!({
                "text": t.as_str(text),
                "start": chars.at(t.start),
                "end": chars.at(t.end),
                "id": i,
                "ws": ws,
            })
        })
        .collect();
    let mut spans = Vec::with_capacity(entities.len());
    for e in &entities {
        let Some((first, last)) = token_range(&tokens, e.span) else {
            dropped += 1;
            continue;
        };
        spans.push(json!({
            "start": chars.at(e.span.start),
            "end": chars.at(e.span.end),
            "label": e.label.as_str(),
            "token_start": first,
            "token_end": last,
        }));
    }
    let mut record = Map::new();
    record.insert("text".into(), Value::from(text));
    record.insert("tokens".into(), Value::Array(token_values));
    record.insert("spans".into(), Value::Array(spans));
    record.insert("meta".into(), Value::Object(meta(doc)));
    // Writing a Value into a Vec cannot fail.
    let _ = serde_json::to_writer(&mut *out, &Value::Object(record));
    out.push(b'\n');
    Report {
        split_tokens: split,
        dropped,
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
