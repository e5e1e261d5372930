//! Hyphenated words: which hyphens stay inside a word (reduplication, affixes, codes, ISO
//! dates) and which become a token of their own (ranges, two names, a dash glued between
//! words).

use std::sync::OnceLock;

use super::word::{Join, Run, Seg};

/// Shape of connector `k` when it is a hyphen: a hyphenated word stays whole
/// (`negara-negara`, `pro-Rusia`, `Covid-19`, `2023-10-27`), a range or two names split
/// (`5` `-` `10`, `Rusia` `-` `Ukraina`). The connectors are decided from left to right, so
/// the left word, segments `unit_start..k` (the stretch since the last connector that was not
/// kept), is known, and whether it is a number (`6,2-6,8`).
pub(super) fn hyphenated(text: &str, run: &Run, k: usize, unit_start: usize) -> Join {
    let segs = run.segs();
    let (l, r) = (&segs[k - 1], &segs[k]);
    let l_word = &text[segs[unit_start].start..l.end];
    // The right word runs to the next hyphen or slash.
    let mut re = k;
    while re + 1 < run.len() && !matches!(run.conns[re + 1], b'-' | b'/') {
        re += 1;
    }
    let r_word = &text[r.start..segs[re].end];
    let l_num = (unit_start..k).all(|j| segs[j].all_digit());
    if hyphen_join(text, l, r, l_word, r_word, l_num) {
        Join::Keep
    } else {
        Join::Split
    }
}

/// Words with a hyphen: which prefix-free forms split. Reduplication (`negara-negara`,
/// `sekutu-sekutunya`, `Raja-Raja`), lower-case compounds and affixes (`non-migas`, `pro-Rusia`,
/// `ke-5`, `1960-an`, `hamba-Ku`), codes (`Covid-19`, `APBN-P`) stay whole; numeric ranges
/// (`5-10`, `6,2-6,8`) and two capitalised names (`Rusia-Ukraina`, `Januari-September`) split.
fn hyphen_join(text: &str, l: &Seg, r: &Seg, l_word: &str, r_word: &str, l_unit_num: bool) -> bool {
    let ls = &text[l.start..l.end];
    let rs = &text[r.start..r.end];
    if l.digits && r.digits && l_unit_num {
        // ISO dates stay whole, ranges split.
        let lw = l_word.as_bytes();
        return l.all_digit()
            && rs.len() == 2
            && (lw.len() == 4 || lw.len() == 7 && lw[4] == b'-' && ls.len() == 2);
    }
    if l.all_digit() {
        // 1960-an, 03-Oct.
        return true;
    }
    if r.all_digit() || !l.letters || !r.letters {
        // Covid-19, ke-5, Kep-176, Cris-K2.
        return true;
    }
    if l.lower_first && r.lower_first && l.alpha() && r.alpha() && glued_dash(ls, rs) {
        return false;
    }
    if l.lower_first || r.lower_first {
        return true;
    }
    // Both capitalised.
    if r.one_char || matches!(rs, "Nya" | "Ku" | "Mu") || is_hyphen_prefix(l_word) {
        return true;
    }
    is_redup(l_word, r_word)
}

/// `utama-yang`, `dunia-berisiko`: a dash turned into a hyphen between two lower-case words.
/// Either side is a function word (`data/dash_words.txt`), or the right side is a prefixed verb
/// that does not repeat the left word's root (unlike `tawar-menawar`, `terus-menerus`) after a
/// left side that is no hyphenated prefix (`pro-pertumbuhan`).
fn glued_dash(l: &str, r: &str) -> bool {
    static WORDS: OnceLock<Vec<&'static str>> = OnceLock::new();
    let words = WORDS.get_or_init(|| {
        let mut v = crate::entity::data_words(include_str!("../../data/dash_words.txt"));
        v.sort_unstable();
        v
    });
    if words.binary_search(&l).is_ok() || words.binary_search(&r).is_ok() {
        return true;
    }
    const VERBAL: &[&str] = &["me", "be", "te", "di"];
    let shares_root =
        l.len() > 3 && l.is_char_boundary(1) && r.contains(&l[1..]) || r.len() > 3 && l.contains(r);
    VERBAL.iter().any(|p| r.starts_with(p)) && r.len() >= 6 && !is_hyphen_prefix(l) && !shares_root
}

/// `pasca`, `Anti`, `NON`: a prefix written with a hyphen (`data/hyphen_prefixes.txt`).
fn is_hyphen_prefix(w: &str) -> bool {
    static WORDS: OnceLock<Vec<&'static str>> = OnceLock::new();
    let words = WORDS.get_or_init(|| {
        include_str!("../../data/hyphen_prefixes.txt")
            .lines()
            .map(|l| l.split('#').next().unwrap_or("").trim())
            .filter(|l| !l.is_empty())
            .collect()
    });
    w.len() <= 6 && words.iter().any(|p| p.eq_ignore_ascii_case(w))
}

fn is_redup(l: &str, r: &str) -> bool {
    if l.len() > r.len() || l.is_empty() {
        return false;
    }
    // Same word, or the same word with a suffix (`sekutu-sekutunya`).
    r.is_char_boundary(l.len()) && r[..l.len()].to_lowercase() == l.to_lowercase()
}
