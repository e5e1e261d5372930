//! doccano sequence-labelling lines, for its JSONL import:
//!
//! ```text
//! {"text": "…", "label": [[start, end, "LABEL"], …], "id": …, "meta": {…}}
//! ```
//!
//! Offsets are **UTF-16 code units**, end-exclusive: doccano's annotation interface is
//! JavaScript, whose strings index by UTF-16, so a character above U+FFFF (most emoji) counts
//! two. (With character offsets every entity after an emoji would be shifted.) `id` and
//! `meta` are written when the document has them; doccano keeps other fields as metadata.

use serde_json::{Map, Value};

use crate::document::{Chars, Document, Offsets};

/// Appends `doc` as one doccano line to `out`.
pub(super) fn write(doc: &Document, out: &mut Vec<u8>) {
    let units = Chars::new(&doc.text, Offsets::Utf16);
    let labels: Vec<Value> = doc
        .entities
        .iter()
        .map(|e| {
            Value::Array(vec![
                Value::from(units.at(e.span.start)),
                Value::from(units.at(e.span.end)),
                Value::from(e.label.as_str()),
            ])
        })
        .collect();
    let mut record = Map::new();
    record.insert("text".into(), Value::from(doc.text.as_str()));
    record.insert("label".into(), Value::Array(labels));
    if let Some(id) = &doc.id {
        record.insert("id".into(), Value::from(id.as_str()));
    }
    if !doc.meta.is_empty() {
        if let Ok(meta) = serde_json::to_value(&doc.meta) {
            record.insert("meta".into(), meta);
        }
    }
    // Writing a Value into a Vec cannot fail.
    let _ = serde_json::to_writer(&mut *out, &Value::Object(record));
    out.push(b'\n');
}
