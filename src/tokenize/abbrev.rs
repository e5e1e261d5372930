//! Abbreviations that keep their full stop (`Dr.`, `dll.`, `a.n.`, `M.`): the list in
//! `data/abbreviations.txt` and initials, which no list can hold.
//!
//! The tokenizer asks [`abbreviation_before`] whether a period belongs to the word before it;
//! the sentence splitter asks [`abbrev_class`] whether such a period may also end a sentence.

use std::sync::OnceLock;

use rustc_hash::FxHashMap as HashMap;

use super::word::Seg;

/// Abbreviation classes read from `data/abbreviations.txt`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum AbbrevClass {
    /// Titles and the like: the period never ends a sentence.
    Title,
    /// `dll.`, `Tbk.`: the period may also end the sentence.
    Final,
}

/// The listed abbreviations, without their final period (`Dr`, `dll`, `a.n`), and their class.
/// (FxHash, not the standard SipHash: the tokenizer asks for the word before every full stop,
/// and the embedded list needs no protection from crafted keys.)
pub(super) fn abbreviations() -> &'static HashMap<&'static str, AbbrevClass> {
    static MAP: OnceLock<HashMap<&'static str, AbbrevClass>> = OnceLock::new();
    MAP.get_or_init(|| {
        let mut map = HashMap::default();
        let mut class = AbbrevClass::Title;
        for line in include_str!("../../data/abbreviations.txt").lines() {
            let line = line.split('#').next().unwrap_or("").trim();
            match line {
                "[title]" => class = AbbrevClass::Title,
                "[final]" => class = AbbrevClass::Final,
                _ => {
                    for w in line.split_whitespace() {
                        map.insert(w.strip_suffix('.').unwrap_or(w), class);
                    }
                }
            }
        }
        map
    })
}

/// The class of a token that ends in a full stop and keeps it (`Dr.`, `dll.`, `M.`, `a.n.`),
/// `None` for anything else.
pub(crate) fn abbrev_class(tok: &str) -> Option<AbbrevClass> {
    let stem = tok.strip_suffix('.')?;
    if stem.is_empty() || stem.ends_with('.') && stem.len() == 1 {
        return None;
    }
    if let Some(&c) = abbreviations().get(stem) {
        return Some(c);
    }
    if is_initials(stem) {
        return Some(AbbrevClass::Title);
    }
    None
}

/// `M`, `a.n`, `D.W`, `U.S.A`: single letters joined by periods, the first one capital when
/// it stands alone.
fn is_initials(s: &str) -> bool {
    let mut chars = s.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    if s.len() == first.len_utf8() {
        return first.is_uppercase();
    }
    let mut expect_letter = true;
    for ch in s.chars() {
        if expect_letter {
            if !ch.is_alphabetic() {
                return false;
            }
        } else if ch != '.' {
            return false;
        }
        expect_letter = !expect_letter;
    }
    !expect_letter
}

/// The unit before connector `k` (segments `from..k`) is an abbreviation that keeps a period.
pub(super) fn abbreviation_before(
    text: &str,
    segs: &[Seg],
    conns: &[u8],
    from: usize,
    k: usize,
) -> bool {
    let from = from.min(k - 1);
    let mut s = k - 1;
    while s > from && conns[s] == b'.' {
        s -= 1;
    }
    let unit = &text[segs[s].start..segs[k - 1].end];
    // The whole token must be the abbreviation: not the `P` of `APBN-P.`.
    if s != from || segs[k - 1].all_digit() {
        return false;
    }
    abbreviations().contains_key(unit) || is_initials(unit)
}
