//! Stage 4, sentences.
//!
//! FIRST CUT: splits after `.`, `!`, `?` (and a closing quote that follows them) and at blank
//! lines. Being replaced by the full splitter with abbreviation rules.

use crate::span::{Span, Token};

/// Splits a tokenised text into sentences. Each sentence runs from its first token's start to
/// its last token's end; sentences are sorted and never overlap.
///
/// ```
/// let text = "Dia datang. Kami pergi.";
/// let tokens = indotag::tokenize::tokenize(text);
/// let s: Vec<&str> = indotag::sentence::split(text, &tokens).iter().map(|s| s.as_str(text)).collect();
/// assert_eq!(s, ["Dia datang.", "Kami pergi."]);
/// ```
pub fn split(text: &str, tokens: &[Token]) -> Vec<Span> {
    let mut out = Vec::new();
    let mut first: Option<usize> = None;
    for (k, tok) in tokens.iter().enumerate() {
        let start = *first.get_or_insert(tok.span.start);
        let t = tok.span.as_str(text);
        let next = tokens.get(k + 1);
        let gap = next.map_or("", |n| &text[tok.span.end..n.span.start]);
        let end_here = match next {
            None => true,
            Some(n) => {
                let nt = n.span.as_str(text);
                let after_term = matches!(t, "." | "!" | "?" | "\"" | "”")
                    && !matches!(nt, "\"" | "”" | ",")
                    && (t != "\"" && t != "”" || prev_is_term(text, tokens, k));
                (after_term && !gap.is_empty()) || gap.matches('\n').count() >= 2
            }
        };
        if end_here {
            out.push(Span::new(start, tok.span.end));
            first = None;
        }
    }
    out
}

fn prev_is_term(text: &str, tokens: &[Token], k: usize) -> bool {
    k > 0 && matches!(tokens[k - 1].span.as_str(text), "." | "!" | "?")
}
