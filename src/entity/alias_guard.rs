//! A famous person's given or family name inside someone else's name: `Antonius Yoga Prabowo`
//! and `Kombes Raden Prabowo Argo Yuwono` are not Prabowo Subianto, `Neymar Sr` is not Neymar.
//!
//! Indonesian names share words freely (Prabowo, Yoga, Agus, Budi), so a gazetteer hit on one
//! word of a known person's name says little when the capitalised run around it holds other
//! name words that the known person's name does not have. Such a hit is dropped before the
//! pattern rules run, so that they see the whole run as one name of its own (a wrong identity
//! is worse than none). A neighbour that shares the first letters of the known first name
//! (`Dmitri` for `Dmitry Peskov`) is a spelling of it and keeps the hit.

use super::{TokInfo, T_ALLCAPS, T_CAP, T_HEADLINE, T_NL_BEFORE, T_PLAIN, W_LOOSE, W_STOP};
use super::{W_STRICT, W_TITLE};
use std::sync::OnceLock;

use crate::span::{Entity, Label, Source, Token};

/// Letters a neighbour must share with the known first name to count as a spelling of it.
const SPELLING_PREFIX: usize = 3;
/// Shortest word of a known name recognised at the start of a glued neighbour.
const GLUED_MIN: usize = 4;

/// Clears `cover` for the one-word person hits that sit inside a longer name of someone else,
/// and returns which gazetteer entities were dropped that way.
///
/// `cover[i]` is the index + 1 of the gazetteer entity covering token `i` (0 = none); `info`
/// holds the tokens' shape and lexicon bits.
pub(super) fn drop_shared_name_words(
    text: &str,
    toks: &[Token],
    info: &[TokInfo],
    gaz: &[Entity],
    cover: &mut [u32],
) -> Vec<bool> {
    let mut dropped = vec![false; gaz.len()];
    for i in 0..toks.len() {
        let Some(g) = (cover[i] as usize).checked_sub(1) else {
            continue;
        };
        let e = &gaz[g];
        let word = toks[i].span.as_str(text);
        let one_word_alias = e.label == Label::Person
            && e.source == Source::Gazetteer
            && e.span == toks[i].span
            && e.canonical.split_whitespace().count() >= 2
            && e.canonical
                .split_whitespace()
                .any(|c| c.eq_ignore_ascii_case(word));
        if !one_word_alias || info[i].t & T_HEADLINE != 0 {
            continue;
        }
        // `Salah satunya …`: a common word opening a sentence, not Mohamed Salah
        if sentence_start(text, toks, i) && common_word(word) {
            cover[i] = 0;
            dropped[g] = true;
            continue;
        }
        let foreign = |j: usize, left: bool| {
            let glued = if left { (j, i) } else { (i, j) };
            name_word(text, toks, info, cover, j, glued)
                && !known_word(&e.canonical, toks[j].span.as_str(text), left)
        };
        // `Jubir Anies Sahrin Hamid`: after a possessor role the short name is the possessor
        let possessed = i > 0 && possessor_role(toks[i - 1].span.as_str(text));
        if (i > 0 && foreign(i - 1, true)) || (!possessed && foreign(i + 1, false)) {
            cover[i] = 0;
            dropped[g] = true;
        }
    }
    dropped
}

/// Token `j` is a capitalised name word, uncovered, written one space from its neighbour
/// (`pair` = the two token indices in text order).
fn name_word(
    text: &str,
    toks: &[Token],
    info: &[TokInfo],
    cover: &[u32],
    j: usize,
    pair: (usize, usize),
) -> bool {
    let (Some(t), Some(second)) = (info.get(j), info.get(pair.1)) else {
        return false;
    };
    let gap = &text[toks[pair.0].span.end..toks[pair.1].span.start];
    t.t & (T_CAP | T_PLAIN) == T_CAP | T_PLAIN
        && t.t & T_ALLCAPS == 0
        && t.w & (W_STOP | W_TITLE | W_STRICT | W_LOOSE) == 0
        && second.t & T_NL_BEFORE == 0
        && cover[j] == 0
        && gap == " "
        && toks[j].span.as_str(text).chars().count() >= 2
}

/// Token `i` opens a sentence or a line (capitalised there whatever it is).
fn sentence_start(text: &str, toks: &[Token], i: usize) -> bool {
    i == 0
        || text[toks[i - 1].span.end..toks[i].span.start].contains('\n')
        || matches!(
            toks[i - 1].span.as_str(text),
            "." | "!" | "?" | ":" | "\"" | "“" | "”"
        )
}

/// `w` is an everyday Indonesian word: news writes it in lower case far more often than
/// capitalised (`data/common_words.tsv` through the entity lexicon).
fn common_word(w: &str) -> bool {
    let lex = super::lexicon();
    lex.flags(&w.to_lowercase()) & W_STRICT != 0
}

/// `w` (any case) is in `data/possessor_roles.txt`.
pub(crate) fn possessor_role(w: &str) -> bool {
    static ROLES: OnceLock<Vec<&'static str>> = OnceLock::new();
    ROLES
        .get_or_init(|| super::word_list(include_str!("../../data/possessor_roles.txt")))
        .iter()
        .any(|r| r.eq_ignore_ascii_case(w))
}

/// `w` is a word of the known `canonical` name, or (before it) a spelling of its first word,
/// or a word of it with the next word glued on by scraping (`Thohiringin` for `Thohir ingin`).
fn known_word(canonical: &str, w: &str, left: bool) -> bool {
    let w = w.trim_end_matches('.');
    let lower = w.to_lowercase();
    if canonical.split_whitespace().any(|c| {
        let c = c.to_lowercase();
        c == lower || c.chars().count() >= GLUED_MIN && lower.starts_with(&c)
    }) {
        return true;
    }
    let first = canonical.split_whitespace().next().unwrap_or("");
    left && w.len() >= SPELLING_PREFIX
        && first.len() >= SPELLING_PREFIX
        && w.as_bytes()[..SPELLING_PREFIX]
            .eq_ignore_ascii_case(&first.as_bytes()[..SPELLING_PREFIX])
}
