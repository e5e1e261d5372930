//! Hyphenated family names: `Shai Gilgeous-Alexander`, `Aaron Wan-Bissaka`, `Kim Ji-Yeon`,
//! `Wladyslaw Kosiniak-Kamysz`, `Ahmed Al-Juwaid`. The tokenizer parts two capitalised words
//! joined by a hyphen, because news joins pairs and routes so (`Prabowo-Gibran`,
//! `Jakarta-Cikampek`); the name rules then end the person at the hyphen, and the reader's label
//! (and the next `kata Wan-Bissaka`) has the whole.
//!
//! A person the patterns found with two or more words is extended over `-Word` glued to its
//! end when no entity holds that word and no capitalised word follows it: a pair of candidates
//! is two names (`Arfi Rafnialdi-Yena Iskandar`), a rider and team are named one word each
//! (`Jorge Martin-Aprilia Lantas …` is followed by a capital), and a one-word name before a
//! hyphen is usually half of a pair (`Anies-Muhaimin`), and so is a word that opens another
//! person's name in the document or one after `pasangan`/`paslon`/`duet`; unless a full name of the document ends
//! with the same hyphenated word (`… Kosiniak-Kamysz. … kata Kosiniak-Kamysz`).

use rustc_hash::FxHashSet;

use super::{lexicon, pattern_entity, TokInfo, T_CAP, T_WORD, W_STOP, W_STRICT};
use crate::span::{Entity, Label, Source, Span, Token};

/// Extends pattern persons over a glued hyphenated last part (see the module doc). `out` is
/// sorted and disjoint and stays so.
pub(super) fn extend(text: &str, toks: &[Token], info: &[TokInfo], out: &mut [Entity]) {
    // the first words of the document's persons: a hyphenated part that is one names a second
    // person (`Rahmat Hidayat-Sutrisno` when Sutrisno is named too)
    let mut firsts: FxHashSet<&str> = FxHashSet::default();
    // the hyphenated last words of the full names extended, which a one-word mention of the
    // same person then also takes (`kata Kosiniak-Kamysz`)
    let mut lasts: FxHashSet<&str> = FxHashSet::default();
    for e in out.iter().filter(|e| e.label == Label::Person) {
        let s = e.span.as_str(text);
        firsts.insert(s.split([' ', '-']).next().unwrap_or(s));
    }
    for full in [true, false] {
        for idx in 0..out.len() {
            let e = &out[idx];
            if e.label != Label::Person
                || e.source != Source::Pattern
                || e.span.as_str(text).contains(' ') != full
            {
                continue;
            }
            let limit = out.get(idx + 1).map_or(usize::MAX, |n| n.span.start);
            let Some(end) = hyphen_end(text, toks, info, e.span.end, limit) else {
                continue;
            };
            if ticket(text, toks, e.span.start) {
                continue;
            }
            let part = &text[e.span.end + 1..end];
            let span = Span::new(e.span.start, end);
            let s = span.as_str(text);
            if full {
                if firsts.contains(part) {
                    continue;
                }
                lasts.insert(s.rsplit(' ').next().unwrap_or(s));
            } else if !lasts.contains(s) {
                continue;
            }
            out[idx] = pattern_entity(text, span, Label::Person, "person");
        }
    }
}

/// Most letters of the lower-case syllable after a spaced hyphen (`young` of `Hwang Jin -
/// young`).
const MAX_SYLLABLE: usize = 6;

/// Extends persons over a lower-case syllable after a hyphen with spaces around it, as text
/// tokenized word by word writes Korean and Chinese given names: `Kim Jong - un`, `Song Hye -
/// kyo`, `Tsai Ing - wen` (glued, `Hye-kyo` is one token and needs no help). The word before
/// the hyphen is a short capitalised syllable of the name and the one after it no Indonesian
/// word (`Raikkonen - untuk`, `Undang - undang` stay apart). `out` is sorted and disjoint and
/// stays so.
pub(super) fn extend_spaced(text: &str, toks: &[Token], info: &[TokInfo], out: &mut [Entity]) {
    for idx in 0..out.len() {
        let e = &out[idx];
        if e.label != Label::Person {
            continue;
        }
        let h = toks.partition_point(|t| t.span.start < e.span.end);
        let w = h + 1;
        if h == 0 || w >= toks.len() || toks[h].span.as_str(text) != "-" {
            continue;
        }
        let (last, syl) = (toks[h - 1].span.as_str(text), toks[w].span.as_str(text));
        let spaced =
            toks[h - 1].span.end < toks[h].span.start && toks[h].span.end < toks[w].span.start;
        let limit = out.get(idx + 1).map_or(usize::MAX, |n| n.span.start);
        let syllable = info[w].t & (T_CAP | T_WORD) == T_WORD
            && syl.len() <= MAX_SYLLABLE
            && syl.bytes().all(|b| b.is_ascii_lowercase())
            && lexicon().flags(syl) & (W_STRICT | W_STOP) == 0;
        if !spaced || !syllable || last.len() > MAX_SYLLABLE || toks[w].span.end > limit {
            continue;
        }
        let span = Span::new(e.span.start, toks[w].span.end);
        out[idx] = if e.source == Source::Pattern {
            // the name as it is written glued, `Kim Jong-un`
            let mut x = pattern_entity(text, span, Label::Person, "person");
            let canonical = x.canonical.replace(" - ", "-");
            let mut id = String::from("pattern:");
            super::slug_into(&canonical, &mut id);
            x.canonical = canonical.into();
            x.id = id.into();
            x
        } else {
            // (a name the gazetteer or the resolution gave keeps its identity)
            Entity { span, ..e.clone() }
        };
    }
}

/// A candidates' pair is named before byte `start` (`pasangan`, `paslon`, `duet` among the
/// three words before it): the hyphen joins two people (`Pasangan calon Andi Harun
/// Wibowo-Saefuddin`).
fn ticket(text: &str, toks: &[Token], start: usize) -> bool {
    let i = toks.partition_point(|t| t.span.start < start);
    toks[i.saturating_sub(3)..i].iter().any(|t| {
        let w = t.span.as_str(text);
        ["pasangan", "paslon", "duet"]
            .iter()
            .any(|x| w.eq_ignore_ascii_case(x))
    })
}

/// Where a person ending at byte `end` ends with `-Word` glued to it: that word is capitalised,
/// ends before `limit` (the next entity) and no capitalised word follows it.
fn hyphen_end(
    text: &str,
    toks: &[Token],
    info: &[TokInfo],
    end: usize,
    limit: usize,
) -> Option<usize> {
    let h = toks.partition_point(|t| t.span.start < end);
    let w = h + 1;
    if h == 0
        || w >= toks.len()
        || toks[h].span.as_str(text) != "-"
        || toks[h - 1].span.end != toks[h].span.start
        || toks[h].span.end != toks[w].span.start
        || info[w].t & (T_CAP | T_WORD) != T_CAP | T_WORD
    {
        return None;
    }
    let new_end = toks[w].span.end;
    // (a capital after it: the hyphen joins two names, or a name and a team)
    let next_cap = toks.get(w + 1).is_some_and(|t| {
        t.span.start == new_end + 1
            && text[t.span.start..]
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
    });
    (new_end <= limit && !next_cap).then_some(new_end)
}
