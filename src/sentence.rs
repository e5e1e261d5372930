//! Stage 4, sentences.
//!
//! Works on the tokens, one decision per gap between two tokens, so it costs a few comparisons
//! per token. A sentence ends:
//!
//! * at every line break (news paragraphs, headlines and captions without a final stop);
//! * after `.`, `!`, `?`, `...`, `…` (and the closing quotes or brackets glued to them) when
//!   the next token can open a sentence: not a lower-case word (`"Siapa?" kata dia`), not `,`;
//! * after an abbreviation of the `[final]` class (`dll.`, `Tbk.`) when a capitalised word
//!   follows; never after a title or an initial (`Dr.`, `M. Hanif`), see
//!   `data/abbreviations.txt`;
//! * where scraped text ran its paragraphs together with a double space: after a final mark,
//!   or with no mark when the text before the gap is a capitalised line (a headline, a dateline
//!   `JAKARTA`) and a capitalised word follows.

use crate::span::{Span, Token, TokenKind};
use crate::tokenize::{abbrev_class, AbbrevClass};

/// Splits a tokenised text into sentences. Each sentence runs from its first token's start to
/// its last token's end; sentences are sorted and never overlap.
///
/// ```
/// let text = "Dr. Ani datang. \"Kapan?\" tanya Budi.\nJudul Tanpa Titik\nKami pergi.";
/// let tokens = indotag::tokenize::tokenize(text);
/// let s: Vec<&str> = indotag::sentence::split(text, &tokens).iter().map(|s| s.as_str(text)).collect();
/// assert_eq!(s, ["Dr. Ani datang.", "\"Kapan?\" tanya Budi.", "Judul Tanpa Titik", "Kami pergi."]);
/// ```
pub fn split(text: &str, tokens: &[Token]) -> Vec<Span> {
    let mut out = Vec::with_capacity(tokens.len() / 16 + 1);
    let mut first = 0;
    let mut k = 0;
    let tok = |j: usize| tokens[j].span.as_str(text);
    while k < tokens.len() {
        let Some(next) = tokens.get(k + 1) else {
            break;
        };
        let t = &tokens[k];
        if plain_step(text.as_bytes(), t, next) {
            k += 1;
            continue;
        }
        let gap = &text[t.span.end..next.span.start];
        // most gaps are one space or none: skip the search there
        let end_here = if !gap.is_empty() && gap != " " && gap.as_bytes().contains(&b'\n') {
            true
        } else {
            let s = tok(k);
            match terminal(s, t.kind) {
                Some(term) => {
                    // Take the closing quotes and brackets glued to the mark.
                    let mut m = k;
                    while m + 1 < tokens.len()
                        && tokens[m + 1].span.start == tokens[m].span.end
                        && is_closer(tok(m + 1))
                        && !text[tokens[m + 1].span.end..]
                            .starts_with(|c: char| c.is_alphanumeric())
                    {
                        m += 1;
                    }
                    if m > k {
                        let g = tokens
                            .get(m + 1)
                            .map_or("", |n| &text[tokens[m].span.end..n.span.start]);
                        if g.contains('\n') || m + 1 == tokens.len() {
                            k = m;
                            continue;
                        }
                    }
                    match tokens.get(m + 1) {
                        None => {
                            k = m;
                            continue;
                        }
                        Some(n) => {
                            let g = &text[tokens[m].span.end..n.span.start];
                            // `Angeles."Lihat`: an opening quote glued to both sides.
                            let opener = matches!(tok(m + 1), "\"" | "“")
                                && text[n.span.end..].starts_with(char::is_alphanumeric);
                            let glued = g.is_empty() && !(opener && term == Term::Stop);
                            if opens_sentence(tok(m + 1), n.kind, term, glued) {
                                out.push(Span::new(tokens[first].span.start, tokens[m].span.end));
                                first = m + 1;
                            }
                            k = m + 1;
                            continue;
                        }
                    }
                }
                None => run_together(text, tokens, k, gap),
            }
        };
        if end_here {
            out.push(Span::new(tokens[first].span.start, t.span.end));
            first = k + 1;
        }
        k += 1;
    }
    if first < tokens.len() {
        out.push(Span::new(
            tokens[first].span.start,
            tokens[tokens.len() - 1].span.end,
        ));
    }
    out
}

/// True when no sentence can end at token `t`, judged from bytes alone: one space or none
/// before `next`, and `t` cannot be a [`terminal`] (not punctuation or a word, or neither
/// starting with `.` `!` `?` `…` nor ending in `.`). Most tokens are such, and this spares them
/// the slicing of the general path, whose answer for them is the same (no end: not a line
/// break, no terminal, and [`run_together`] needs two bytes of gap).
#[inline]
fn plain_step(bytes: &[u8], t: &Token, next: &Token) -> bool {
    let (start, end) = (t.span.start, t.span.end);
    let one_space = next.span.start == end || (next.span.start == end + 1 && bytes[end] == b' ');
    if !one_space || start >= end {
        return false;
    }
    let may_end = matches!(t.kind, TokenKind::Punct | TokenKind::Word)
        && (matches!(bytes[start], b'.' | b'!' | b'?' | 0xe2) || bytes[end - 1] == b'.');
    !may_end
}

/// How strongly a token ends a sentence.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Term {
    /// `.`, `!`, `?`, `…`.
    Stop,
    /// `dll.`, `Tbk.`: only before a capitalised word after a space.
    Abbrev,
}

fn terminal(s: &str, kind: TokenKind) -> Option<Term> {
    if kind != TokenKind::Punct && kind != TokenKind::Word {
        return None;
    }
    let b = s.as_bytes();
    match b.first() {
        Some(b'.' | b'!' | b'?') if b.iter().all(|c| matches!(c, b'.' | b'!' | b'?')) => {
            Some(Term::Stop)
        }
        _ if s.starts_with('…') => Some(Term::Stop),
        _ if b.len() > 1 && b[b.len() - 1] == b'.' => match abbrev_class(s) {
            Some(AbbrevClass::Final) => Some(Term::Abbrev),
            _ => None,
        },
        _ => None,
    }
}

fn is_closer(s: &str) -> bool {
    matches!(s, "\"" | "”" | "’" | "'" | ")" | "]" | "»" | "''")
}

/// Can the token after a final mark open a new sentence?
fn opens_sentence(s: &str, kind: TokenKind, term: Term, glued: bool) -> bool {
    let Some(c) = s.chars().next() else {
        return false;
    };
    match kind {
        TokenKind::Punct => {
            // Opening quotes and brackets, a dash of a list; never `,` `;` `:` `)`.
            !glued
                && (matches!(s, "\"" | "“" | "‘" | "'" | "«" | "``")
                    || term == Term::Stop && matches!(s, "(" | "[" | "-" | "–" | "—"))
        }
        TokenKind::Word => {
            if term == Term::Abbrev {
                // `Pte. Ltd.`, `Co. Ltd.`: a company suffix goes on.
                !glued && c.is_uppercase() && abbrev_class(s).is_none()
            } else {
                // Indonesian sentences open with a capital; `"Siapa?" kata dia` goes on.
                c.is_uppercase() || c.is_numeric()
            }
        }
        TokenKind::Number => term == Term::Stop && !glued,
        _ => !glued || term == Term::Stop,
    }
}

/// Paragraphs run together with a double space and no final mark: `JAKARTA  Wakil Ketua…`,
/// `…Impor Kedelai  Sektor tersebut…`. Double spaces also surround links inside a sentence
/// (`melanda  Los Angeles  selama`), so the text before the gap must look like a headline or a
/// dateline: an all-capitals word, or two capitalised words in a row.
fn run_together(text: &str, tokens: &[Token], k: usize, gap: &str) -> bool {
    if gap.len() < 2 || !(gap.starts_with("  ") || gap.contains('\t') || gap.contains('\u{a0}')) {
        return false;
    }
    let Some(next) = tokens.get(k + 1) else {
        return false;
    };
    let ns = next.span.as_str(text);
    let opens = ns.starts_with(|c: char| c.is_uppercase()) || matches!(ns, "\"" | "“");
    if !opens {
        return false;
    }
    let s = tokens[k].span.as_str(text);
    if is_closer(s)
        && k > 0
        && terminal(tokens[k - 1].span.as_str(text), tokens[k - 1].kind).is_some()
    {
        return true;
    }
    if tokens[k].kind != TokenKind::Word {
        return false;
    }
    let caps =
        s.chars().filter(|c| c.is_alphabetic()).count() >= 3 && !s.chars().any(char::is_lowercase);
    let capitalised = |t: &Token| {
        t.kind == TokenKind::Word && t.span.as_str(text).starts_with(|c: char| c.is_uppercase())
    };
    caps || (capitalised(&tokens[k])
        && k > 0
        && capitalised(&tokens[k - 1])
        && k > 1
        && capitalised(&tokens[k - 2]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize::tokenize;

    fn sents(text: &str) -> Vec<&str> {
        split(text, &tokenize(text))
            .iter()
            .map(|s| s.as_str(text))
            .collect()
    }

    #[test]
    fn basic_and_abbreviations() {
        assert_eq!(
            sents("Dia datang. Kami pergi."),
            ["Dia datang.", "Kami pergi."]
        );
        assert_eq!(
            sents("Wakil Ketua Komisi XI DPR, M. Hanif Dhakiri, hadir. Dr. Ani juga."),
            [
                "Wakil Ketua Komisi XI DPR, M. Hanif Dhakiri, hadir.",
                "Dr. Ani juga."
            ]
        );
        assert_eq!(
            sents("Ada beras, gula, dll. Harga naik."),
            ["Ada beras, gula, dll.", "Harga naik."]
        );
        assert_eq!(
            sents("beras, gula, dll. yang murah."),
            ["beras, gula, dll. yang murah."]
        );
        assert_eq!(
            sents("Saham PT Astra Tbk. naik."),
            ["Saham PT Astra Tbk. naik."]
        );
    }

    #[test]
    fn quotes() {
        assert_eq!(
            sents("\"Kami siap,\" kata dia. \"Kapan?\" tanya Budi. “Sekarang!” Ia pergi."),
            [
                "\"Kami siap,\" kata dia.",
                "\"Kapan?\" tanya Budi.",
                "“Sekarang!”",
                "Ia pergi."
            ]
        );
        assert_eq!(
            sents("Dia berkata: \"Kami menolak.\" Lalu pergi."),
            ["Dia berkata: \"Kami menolak.\"", "Lalu pergi."]
        );
        assert_eq!(
            sents("(Ini catatan.) Berikutnya."),
            ["(Ini catatan.)", "Berikutnya."]
        );
    }

    #[test]
    fn lines_and_run_together_paragraphs() {
        assert_eq!(
            sents("Judul Berita Hari Ini\nIsi berita."),
            ["Judul Berita Hari Ini", "Isi berita."]
        );
        assert_eq!(
            sents("KONTAN.CO.ID - JAKARTA  Wakil Ketua DPR hadir.  Menurut dia, itu baik."),
            [
                "KONTAN.CO.ID - JAKARTA",
                "Wakil Ketua DPR hadir.",
                "Menurut dia, itu baik."
            ]
        );
        assert_eq!(
            sents("Kerusuhan melanda  Los Angeles  selama sepekan."),
            ["Kerusuhan melanda  Los Angeles  selama sepekan."]
        );
        assert_eq!(
            sents("kata Andina.Lebih lanjut, ia pergi."),
            ["kata Andina.", "Lebih lanjut, ia pergi."]
        );
        assert_eq!(
            sents("KONTAN.CO.ID - MOSKOW. Rusia siap."),
            ["KONTAN.CO.ID - MOSKOW.", "Rusia siap."]
        );
    }

    #[test]
    fn no_empty_or_overlapping_sentences() {
        for text in [
            "",
            "   ",
            ".",
            "...",
            "\"",
            "a\n\n\nb",
            "?! ? ! \"\" ”",
            "Dr.",
            "A. B. C.",
        ] {
            let toks = tokenize(text);
            let s = split(text, &toks);
            let mut prev = 0;
            for sp in &s {
                assert!(sp.start >= prev && sp.start < sp.end, "{text:?}: {s:?}");
                prev = sp.end;
            }
            assert_eq!(s.is_empty(), toks.is_empty());
        }
    }
}
