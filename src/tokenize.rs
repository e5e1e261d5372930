//! Stage 3, tokens: words, numbers, punctuation, with their original byte offsets.
//!
//! FIRST CUT: a simple scanner so that later stages have tokens to work on. Being replaced by
//! the full Indonesian tokenizer.

use crate::span::{Span, Token, TokenKind};

/// Splits `text` into tokens. Whitespace is never part of a token; tokens never overlap and come
/// in text order.
///
/// ```
/// let text = "Harga emas Rp1.468.000, naik 0,5%.";
/// let toks: Vec<&str> = indotag::tokenize::tokenize(text).iter().map(|t| t.span.as_str(text)).collect();
/// assert_eq!(toks, ["Harga", "emas", "Rp1.468.000", ",", "naik", "0,5%", "."]);
/// ```
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 5);
    tokenize_into(text, &mut out);
    out
}

/// Like [`tokenize`], appending to `out` (reuse the vector across documents to save allocations).
pub fn tokenize_into(text: &str, out: &mut Vec<Token>) {
    let b = text.as_bytes();
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        if c.is_alphanumeric() {
            let mut end = i + c.len_utf8();
            loop {
                match chars.peek() {
                    Some(&(j, d)) if d.is_alphanumeric() => {
                        end = j + d.len_utf8();
                        chars.next();
                    }
                    Some(&(j, '.' | ',' | '-' | '/' | '\'')) => {
                        let next = text[j + 1..].chars().next();
                        if next.is_some_and(|n| n.is_alphanumeric()) {
                            end = j + 1;
                            chars.next();
                        } else {
                            break;
                        }
                    }
                    Some(&(j, '%')) => {
                        end = j + 1;
                        chars.next();
                        break;
                    }
                    _ => break,
                }
            }
            let kind = if b[i].is_ascii_digit() {
                TokenKind::Number
            } else {
                TokenKind::Word
            };
            out.push(Token {
                span: Span::new(i, end),
                kind,
            });
        } else {
            let kind = if c.is_ascii_punctuation() || is_unicode_punct(c) {
                TokenKind::Punct
            } else {
                TokenKind::Symbol
            };
            out.push(Token {
                span: Span::new(i, i + c.len_utf8()),
                kind,
            });
        }
    }
}

fn is_unicode_punct(c: char) -> bool {
    matches!(c, '“' | '”' | '‘' | '’' | '…' | '–' | '—' | '«' | '»' | '•')
}
