//! Members of a list introduced by a kind of organisation: `perusahaan seperti RTX, Honeywell,
//! Boeing, dan GE`, `klub seperti Ulsan`, `partai yakni Gerindra dan PKS`. The noun says what
//! the capitalised items are, so an item no gazetteer lists (a foreign company, a small club)
//! is still an organisation, of the noun's kind (`data/list_nouns.tsv`).

use std::sync::OnceLock;

use super::{pattern_entity, TokInfo, T_CAP, T_NL_BEFORE, T_WORD, W_LIST_NOUN};
use crate::span::{Entity, Label, Source, Span, Token};

/// Lower-case words allowed between the noun and `seperti` (`perusahaan teknologi besar`).
const MAX_NOUN_MODIFIERS: usize = 3;
/// Words in one item (`Bristol Myers Squibb`).
const MAX_ITEM_WORDS: usize = 4;

/// (phrase words, kind) from `data/list_nouns.tsv`.
fn nouns() -> &'static [(Vec<&'static str>, &'static str)] {
    static V: OnceLock<Vec<(Vec<&'static str>, &'static str)>> = OnceLock::new();
    V.get_or_init(|| {
        super::data_lines(include_str!("../../data/list_nouns.tsv"), "phrase\tkind")
            .filter(|l| !l.starts_with('!'))
            .filter_map(|l| l.split_once('\t'))
            .map(|(p, k)| (p.split(' ').collect(), k))
            .collect()
    })
}

/// The first words of the list nouns, flagged in the entity lexicon.
pub(super) fn first_words() -> impl Iterator<Item = &'static str> {
    nouns().iter().filter_map(|(p, _)| p.first().copied())
}

/// Words that make a list's items products (`!` lines of `data/list_nouns.tsv`).
fn product_word(w: &str) -> bool {
    static V: OnceLock<Vec<&'static str>> = OnceLock::new();
    V.get_or_init(|| {
        include_str!("../../data/list_nouns.tsv")
            .lines()
            .filter_map(|l| l.strip_prefix('!'))
            .collect()
    })
    .contains(&w)
}

/// Adds the unnamed members of every such list to `out` (sorted by start).
pub(super) fn add(text: &str, toks: &[Token], info: &[TokInfo], out: &mut Vec<Entity>) {
    let s = |k: usize| toks[k].span.as_str(text);
    let mut found = Vec::new();
    let mut k = 0;
    while k < toks.len() {
        // (most words are no list noun: turned away here, without a call)
        if info[k].w & W_LIST_NOUN == 0 {
            k += 1;
            continue;
        }
        let Some((kind, after)) = list_start(text, toks, info, k) else {
            k += 1;
            continue;
        };
        let mut j = after;
        while let Some((a, b)) = item_at(text, toks, info, j) {
            // `seperti Bukalapak, IPO bukan …`: after a bare comma, a clause has begun
            let clause = a > after
                && s(a - 1) == ","
                && b < toks.len()
                && info[b].t & (T_WORD | T_CAP) == T_WORD
                && !matches!(s(b), "dan" | "serta" | "atau");
            if clause {
                break;
            }
            let span = Span::new(toks[a].span.start, toks[b - 1].span.end);
            let i = out.partition_point(|e| e.span.end <= span.start);
            match out.get(i) {
                Some(e) if e.span.start < span.end => {
                    // a pattern "person" that is the whole item (`Eli Lilly`) is this company
                    if e.label == Label::Person && e.source == Source::Pattern && e.span == span {
                        out[i] = pattern_entity(text, span, Label::Org, kind);
                    }
                }
                _ => found.push(pattern_entity(text, span, Label::Org, kind)),
            }
            j = b;
            // separators: `,`, `dan`, `serta`, `atau`, `, dan`
            if j < toks.len() && s(j) == "," {
                j += 1;
            }
            if j < toks.len() && matches!(s(j), "dan" | "serta" | "atau") {
                j += 1;
            } else if j == b {
                break;
            }
        }
        k = j.max(k + 1);
    }
    if !found.is_empty() {
        out.extend(found);
        out.sort_by_key(|e| e.span.start);
    }
}

/// A list noun at `k` (lower case), up to [`MAX_NOUN_MODIFIERS`] lower-case words, then
/// `seperti`, `antara lain`, `yakni`, `yaitu` or `termasuk`: the kind and the first item's token.
fn list_start(
    text: &str,
    toks: &[Token],
    info: &[TokInfo],
    k: usize,
) -> Option<(&'static str, usize)> {
    let s = |j: usize| toks.get(j).map_or("", |t| t.span.as_str(text));
    let lower = |j: usize| {
        info.get(j)
            .is_some_and(|i| i.t & (T_WORD | T_CAP) == T_WORD)
    };
    // most words are no list noun: their lexicon flag turns them away
    if !lower(k) || info[k].w & W_LIST_NOUN == 0 {
        return None;
    }
    // (`produk digital bank bjb yakni …`: the bank's products)
    if (k.saturating_sub(2)..k).any(|p| product_word(s(p))) {
        return None;
    }
    let (words, kind) = nouns()
        .iter()
        .filter(|(p, _)| (0..p.len()).all(|d| lower(k + d) && s(k + d) == p[d]))
        .max_by_key(|(p, _)| p.len())?;
    let first = k + words.len();
    for j in first..=first + MAX_NOUN_MODIFIERS {
        let marker = match s(j) {
            "seperti" | "yakni" | "yaitu" | "termasuk" => 1,
            "antara" if s(j + 1) == "lain" => 2,
            _ => 0,
        };
        if marker > 0 {
            return Some((kind, j + marker));
        }
        if !lower(j) || product_word(s(j)) {
            return None;
        }
    }
    None
}

/// A capitalised run of up to [`MAX_ITEM_WORDS`] words at `j` on one line (`&` and `-` may
/// join its words): the item's tokens `a..b`.
fn item_at(text: &str, toks: &[Token], info: &[TokInfo], j: usize) -> Option<(usize, usize)> {
    let cap = |x: usize| {
        info.get(x)
            .is_some_and(|i| i.t & (T_WORD | T_CAP) == T_WORD | T_CAP)
    };
    if !cap(j) {
        return None;
    }
    let mut b = j + 1;
    let mut words = 1;
    while b < toks.len() && words < MAX_ITEM_WORDS && info[b].t & T_NL_BEFORE == 0 {
        if cap(b) {
            words += 1;
            b += 1;
        } else if b + 1 < toks.len()
            && matches!(toks[b].span.as_str(text), "&" | "-")
            && toks[b].span.start == toks[b - 1].span.end
            && cap(b + 1)
        {
            b += 2; // `P&G`, `Coca-Cola`
            words += 1;
        } else {
            break;
        }
    }
    Some((j, b))
}
