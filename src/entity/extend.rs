//! Names that extend a known one: a company the gazetteer knows inside a longer capitalised
//! name that ends in a legal suffix is that longer name (`Sinar Pangan Nusantara Tbk` around a
//! known `Sinar Pangan`, `Bank Mitra (Persero) Tbk`); the suffix belongs to the company name.
//! With only the suffix added the entity keeps the gazetteer's identity, with the longer span;
//! with more words it is a company of its own (`Pertamina Hulu Energi Tbk`, `source: pattern`).
//!
//! So does a known person whose name the article spells on past the gazetteer's form:
//! `Luhut Binsar Panjaitan` around a known `Luhut` (Luhut Binsar Pandjaitan), where the rest
//! became a person of its own.

use std::sync::OnceLock;

use super::{pattern_entity, TokInfo, T_CAP, T_HEADLINE, T_NL_BEFORE, T_WORD};
use crate::span::{Entity, Label, Source, Span, Token};

/// Capitalised words allowed between the known name and the suffix.
const MAX_EXTRA: usize = 3;

/// `w` is a legal suffix of a company name (`data/legal_suffixes.txt`: `Tbk`, `Ltd.`).
pub(super) fn legal_suffix(w: &str) -> bool {
    static V: OnceLock<Vec<&'static str>> = OnceLock::new();
    let w = w.strip_suffix('.').unwrap_or(w);
    V.get_or_init(|| super::data_words(include_str!("../../data/legal_suffixes.txt")))
        .contains(&w)
}

/// The end (exclusive token index) of a legal suffix starting at `k`: `Tbk`, `(Persero)`.
fn suffix_at(text: &str, toks: &[Token], k: usize) -> Option<usize> {
    let s = |i: usize| toks.get(i).map(|t| t.span.as_str(text));
    if s(k).is_some_and(legal_suffix) {
        return Some(k + 1);
    }
    if s(k) == Some("(") && s(k + 1).is_some_and(legal_suffix) && s(k + 2) == Some(")") {
        return Some(k + 3);
    }
    None
}

/// Extends gazetteer organisations over the rest of their legal name. `out` is sorted and
/// disjoint and stays so.
pub(super) fn legal_names(text: &str, toks: &[Token], info: &[TokInfo], out: &mut [Entity]) {
    let tok_at = |pos: usize| toks.partition_point(|t| t.span.start < pos);
    for idx in 0..out.len() {
        let e = &out[idx];
        if e.label != Label::Org || e.source != crate::span::Source::Gazetteer {
            continue;
        }
        let first = tok_at(e.span.end);
        let limit = out.get(idx + 1).map_or(usize::MAX, |n| n.span.start);
        let mut end = None;
        let mut extra = false;
        for k in first..=first + MAX_EXTRA {
            if k >= toks.len() || info[k].t & T_NL_BEFORE != 0 || toks[k].span.end > limit {
                break;
            }
            if let Some(j) = suffix_at(text, toks, k) {
                // `Tbk` after `(Persero)`
                let j = suffix_at(text, toks, j).unwrap_or(j);
                end = Some(toks[j - 1].span.end);
                extra = k > first;
                break;
            }
            if info[k].t & (T_CAP | T_WORD) != (T_CAP | T_WORD) {
                break;
            }
        }
        if let Some(end) = end.filter(|&x| x <= limit) {
            let span = Span::new(out[idx].span.start, end);
            if extra {
                // more words than the known name: another company (`Pertamina Hulu Energi Tbk`)
                out[idx] = pattern_entity(text, span, Label::Org, "company");
            } else {
                out[idx].span = span;
            }
        }
    }
}

/// Joins a gazetteer person and the pattern person right after it (one space between) when
/// every word of the second is a word of the known person's canonical name, or one letter
/// off it (`Luhut` + `Binsar Panjaitan` of Luhut Binsar Pandjaitan): one person, the known
/// one, over both spans. A second person named next to the first (`Prabowo George Edwin
/// Sugiharto`) shares no word with the canonical and stays apart.
pub(super) fn known_persons(text: &str, out: &mut Vec<Entity>) {
    // (joined in place: `w` is the last entity kept, each later one joins it or follows it)
    let mut w = 0;
    for r in 1..out.len() {
        let (a, b) = (&out[w], &out[r]);
        let joined = a.label == Label::Person
            && b.label == Label::Person
            && a.source == Source::Gazetteer
            && b.source == Source::Pattern
            && text.get(a.span.end..b.span.start) == Some(" ")
            && b.span.as_str(text).split(' ').all(|word| {
                let word = word.to_lowercase();
                a.canonical
                    .split(' ')
                    .any(|c| crate::resolve::edit_distance(&word, &c.to_lowercase()) <= 1)
            });
        if joined {
            out[w].span = Span::new(out[w].span.start, out[r].span.end);
        } else {
            w += 1;
            out.swap(w, r);
        }
    }
    out.truncate(w + 1);
}

/// `w` is a noble title that is also an everyday word (`data/stopword_name_prefixes.txt`).
fn stopword_name_prefix(w: &str) -> bool {
    static V: OnceLock<Vec<&'static str>> = OnceLock::new();
    V.get_or_init(|| super::word_list(include_str!("../../data/stopword_name_prefixes.txt")))
        .iter()
        .any(|p| p.eq_ignore_ascii_case(w))
}

/// Extends each person in `out` found right after a Sasak noble title over it (`Lalu Moh
/// Faozal`, `Baiq Nuril`): the name rules pass over the title because it is also an everyday
/// word (`lalu`, "then"), so a later `kata Lalu` found no full name to stand for. Only inside a
/// sentence, or at its start before a comma that opens an apposition (`Lalu Moh Faozal,
/// Kepala Dinas …`); not on a headline line (`Kapal Terbalik Lalu Tenggelam`).
pub(super) fn noble_prefixes(text: &str, toks: &[Token], info: &[TokInfo], out: &mut [Entity]) {
    for i in 0..out.len() {
        let e = &out[i];
        if e.label != Label::Person {
            continue;
        }
        let a = toks.partition_point(|t| t.span.start < e.span.start);
        let Some(k) = a.checked_sub(1) else {
            continue;
        };
        let word = toks[k].span.as_str(text);
        let free = i == 0 || out[i - 1].span.end <= toks[k].span.start;
        if !free
            || info[k].t & (T_WORD | T_CAP | T_HEADLINE) != T_WORD | T_CAP
            || info[a].t & T_NL_BEFORE != 0
            || toks[k].span.end == toks[a].span.start
            || !stopword_name_prefix(word)
        {
            continue;
        }
        let opens = k == 0
            || info[k].t & T_NL_BEFORE != 0
            || matches!(toks[k - 1].span.as_str(text), "." | "!" | "?" | "\"" | "“");
        let b = toks.partition_point(|t| t.span.end <= e.span.end);
        let apposition = toks.get(b).is_some_and(|t| t.span.as_str(text) == ",");
        if opens && !apposition {
            continue;
        }
        let span = Span::new(toks[k].span.start, e.span.end);
        out[i] = pattern_entity(text, span, Label::Person, "person");
    }
}
