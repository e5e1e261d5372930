//! CoNLL-2003 style columns, one token a line:
//!
//! ```text
//! -DOCSTART- O
//!
//! Presiden O
//! Joko B-PERSON
//! Widodo I-PERSON
//! tiba O
//! ```
//!
//! Columns are separated by one space, as in CoNLL-2003; the entity tag (IOB2) is the last
//! column, where `spacy convert` and most readers look for it. With the quote column a
//! `B-QUOTE`/`I-QUOTE`/`O` column comes between the token and the entity tag. A blank line
//! ends each sentence; `-DOCSTART-` (with an `O` in each tag column) starts each document.
//! Whitespace inside a token (a no-break space in a number, say) is written as `_`, so a
//! line always splits into the same columns.

use crate::document::Document;
use crate::span::Span;

use super::{entity_layer, quote_layer, split_tokens, Report};

/// Appends `doc` in CoNLL columns to `out`.
pub(super) fn write(doc: &Document, quote_column: bool, out: &mut Vec<u8>) -> Report {
    let (entities, mut dropped) = entity_layer(doc);
    let (quotes, mut nested_quotes) = if quote_column {
        quote_layer(doc)
    } else {
        (Vec::new(), 0)
    };
    let entity_spans: Vec<Span> = entities.iter().map(|e| e.span).collect();
    let quote_spans: Vec<Span> = quotes.iter().map(|q| q.span).collect();
    let mut cuts = entity_spans.clone();
    cuts.extend_from_slice(&quote_spans);
    let (tokens, split) = split_tokens(doc, &cuts);
    let labels: Vec<&str> = entities.iter().map(|e| e.label.as_str()).collect();
    let entity_tags = iob2(&tokens, &entity_spans, |i| labels[i]);
    let quote_tags = iob2(&tokens, &quote_spans, |_| "QUOTE");

    out.extend_from_slice(if quote_column {
        b"-DOCSTART- O O\n"
    } else {
        b"-DOCSTART- O\n"
    });
    let mut sentence = 0;
    let mut open: Option<usize> = None; // the sentence of the last token written
    for (i, t) in tokens.iter().enumerate() {
        while sentence < doc.sentences.len() && doc.sentences[sentence].end <= t.start {
            sentence += 1;
        }
        if open != Some(sentence) {
            out.push(b'\n');
            open = Some(sentence);
        }
        push_token(out, t.as_str(&doc.text));
        if quote_column {
            out.push(b' ');
            push_tag(out, quote_tags[i]);
        }
        out.push(b' ');
        push_tag(out, entity_tags[i]);
        out.push(b'\n');
    }
    out.push(b'\n');
    // Entities that cover no token (only whitespace between tokens) have no tag to carry.
    let tagged = |tags: &[Tag<'_>]| tags.iter().filter(|t| matches!(t, Tag::B(_))).count();
    dropped += entity_spans.len() - tagged(&entity_tags);
    nested_quotes += quote_spans.len() - tagged(&quote_tags);
    Report {
        split_tokens: split,
        dropped,
        nested_quotes,
    }
}

/// One IOB2 tag.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tag<'a> {
    O,
    B(&'a str),
    I(&'a str),
}

/// IOB2 tags of `tokens` for disjoint, sorted `spans` that start and end on token boundaries.
fn iob2<'a>(tokens: &[Span], spans: &[Span], label: impl Fn(usize) -> &'a str) -> Vec<Tag<'a>> {
    let mut tags = vec![Tag::O; tokens.len()];
    let mut k = 0;
    let mut last = None;
    for (i, t) in tokens.iter().enumerate() {
        while k < spans.len() && spans[k].end <= t.start {
            k += 1;
        }
        if k < spans.len() && spans[k].contains(*t) {
            tags[i] = if last == Some(k) {
                Tag::I(label(k))
            } else {
                Tag::B(label(k))
            };
            last = Some(k);
        }
    }
    tags
}

fn push_tag(out: &mut Vec<u8>, tag: Tag<'_>) {
    match tag {
        Tag::O => out.push(b'O'),
        Tag::B(l) => {
            out.extend_from_slice(b"B-");
            out.extend_from_slice(l.as_bytes());
        }
        Tag::I(l) => {
            out.extend_from_slice(b"I-");
            out.extend_from_slice(l.as_bytes());
        }
    }
}

fn push_token(out: &mut Vec<u8>, token: &str) {
    if token.contains(char::is_whitespace) {
        let clean: String = token
            .chars()
            .map(|c| if c.is_whitespace() { '_' } else { c })
            .collect();
        out.extend_from_slice(clean.as_bytes());
    } else {
        out.extend_from_slice(token.as_bytes());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iob2_starts_each_span_with_b() {
        // Two adjacent one-token spans and one two-token span.
        let tokens = [0, 1, 2, 3, 4].map(|i| Span::new(2 * i, 2 * i + 1));
        let spans = [Span::new(0, 1), Span::new(2, 3), Span::new(4, 7)];
        let tags = iob2(&tokens, &spans, |i| ["A", "B", "C"][i]);
        assert_eq!(
            tags,
            [Tag::B("A"), Tag::B("B"), Tag::B("C"), Tag::I("C"), Tag::O]
        );
    }
}
