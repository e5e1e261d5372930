//! Names that end in a Batak family name (`data/family_names.txt`): `Yakup Hasibuan`, `Roma
//! Siska Tampubolon`. The family name is strong evidence of a person, so its bearer is found
//! where no cue names them (`Yakup Hasibuan mengupayakan …`, `Pantas Nainggolan mengatakan`,
//! whose everyday given name kept the other rules away), and a later `kata Hasibuan` is
//! resolved to them. Streets, hospitals and other places named after someone stay places:
//! their head (`Jalan`, `RS`) has taken the words, or stands right before them.

use std::sync::OnceLock;

use super::{Cand, Mentions, T_ALLCAPS, T_CAP, T_NL_BEFORE, T_WORD};
use super::{W_HEAD, W_LOOSE_BLOCK, W_ORG_TAIL, W_PORTFOLIO, W_STOP, W_STRICT, W_TITLE};
use crate::span::Label;

/// Words that are no given name: titles, heads and tails of organisations (`Futures`),
/// portfolio words, stop-words, words after which a place or work follows.
const BLOCKED: u16 = W_TITLE | W_HEAD | W_STOP | W_PORTFOLIO | W_LOOSE_BLOCK | W_ORG_TAIL;

/// Given-name words before the family name, at most.
const MAX_GIVEN: usize = 3;

/// `w` (any case) is an everyday word that is also a common given name (`Selamat`, `Pantas`:
/// class `given-name` in `data/cues.tsv`), which may open a name as other everyday words may
/// not (`Sosok Budi Panjaitan` is a headline's `Figure of …`).
pub(crate) fn everyday_given_name(w: &str) -> bool {
    static V: OnceLock<rustc_hash::FxHashSet<&'static str>> = OnceLock::new();
    V.get_or_init(|| super::cue_class_words("given-name"))
        .contains(w.to_lowercase().as_str())
}

/// Longest family name of the list, in bytes.
const MAX_FAMILY_NAME: usize = 16;

/// `w` is a family name of the list (any case). Asked of every capitalised word of four
/// letters or more, so it lower-cases into a buffer on the stack, not a new string.
fn family_name(w: &str) -> bool {
    // the names, and per first letter a bit per length some name has: most words are turned
    // away by that before they are hashed
    type Names = (rustc_hash::FxHashSet<String>, [u32; 26]);
    static V: OnceLock<Names> = OnceLock::new();
    let (set, shapes) = V.get_or_init(|| {
        let set: rustc_hash::FxHashSet<String> =
            super::data_words(include_str!("../../data/family_names.txt"))
                .into_iter()
                .map(str::to_lowercase)
                .collect();
        let mut shapes = [0u32; 26];
        for n in &set {
            if let Some(i) = n.bytes().next().and_then(letter_index) {
                shapes[i] |= 1 << n.len().min(31);
            }
        }
        (set, shapes)
    });
    let first = w.bytes().next().and_then(letter_index);
    if w.len() > MAX_FAMILY_NAME || first.is_none_or(|i| shapes[i] & 1 << w.len() == 0) {
        return false;
    }
    if !w.is_ascii() {
        return false;
    }
    let mut buf = [0u8; MAX_FAMILY_NAME];
    for (b, c) in buf.iter_mut().zip(w.bytes()) {
        *b = c.to_ascii_lowercase();
    }
    std::str::from_utf8(&buf[..w.len()]).is_ok_and(|lower| set.contains(lower))
}

/// The alphabet position of an ASCII letter, either case.
fn letter_index(b: u8) -> Option<usize> {
    b.is_ascii_alphabetic()
        .then(|| usize::from(b.to_ascii_lowercase() - b'a'))
}

impl Mentions<'_> {
    /// Adds a PERSON candidate for each run of one to [`MAX_GIVEN`] capitalised name words and
    /// a family name that no rule took (`taken`, updated).
    pub(super) fn family_names(&self, taken: &mut [bool], out: &mut Vec<Cand>) {
        let n = self.toks.len();
        for k in 1..n {
            // (family names have four letters or more: most tokens are turned away by their
            // kind and length before their text is read)
            let len = self.toks[k].span.len();
            if !self.name_word_at(k) || !(4..=MAX_FAMILY_NAME).contains(&len) || taken[k] {
                continue;
            }
            if self.cover[k] != 0 || !family_name(self.s(k)) {
                continue;
            }
            // title case going on after it: a headline or a title, not a name's end
            if k + 1 < n && self.info[k + 1].t & (T_CAP | T_NL_BEFORE | T_WORD) == T_CAP | T_WORD {
                continue;
            }
            let mut a = k;
            while a > 0
                && k - a < MAX_GIVEN
                && self.info[a].t & T_NL_BEFORE == 0
                && self.name_word_at(a - 1)
                && (self.info[a - 1].w & BLOCKED == 0 || self.given_not_titled(a - 1))
                && !taken[a - 1]
                && self.cover[a - 1] == 0
            {
                a -= 1;
            }
            // a place named after the person (`Jalan Jamin Ginting`, `RS Hadrianus Sinaga`)
            let head_before = a > 0 && self.info[a - 1].w & W_HEAD != 0;
            // (the second half of a hyphenated name, `Chow-Yun Damanik`, is no name alone)
            let hyphenated = a > 0 && self.s(a - 1) == "-";
            // (after `di` or `ke` it is a place named after the clan: `di Tao Silalahi`)
            let placed = a > 0 && matches!(self.s(a - 1), "di" | "ke");
            // (an everyday word opening the run is no given name unless it is a common one)
            while a < k && self.info[a].w & W_STRICT != 0 && !everyday_given_name(self.s(a)) {
                a += 1;
            }
            if a == k || head_before || hyphenated || placed {
                continue;
            }
            taken[a..=k].fill(true);
            out.push(self.cand(a, k + 1, Label::Person, "person", None));
        }
    }

    /// Token `i` is an everyday given name that only opens a longer title (`Putra` of `putra
    /// mahkota`), and that title does not stand there: a given name (`Putra Siregar`).
    fn given_not_titled(&self, i: usize) -> bool {
        self.info[i].w & BLOCKED == W_TITLE
            && everyday_given_name(self.s(i))
            && self.title_at(i).is_none()
    }

    /// Token `k` is a capitalised word, not in capitals.
    fn name_word_at(&self, k: usize) -> bool {
        self.info[k].t & (T_CAP | T_WORD | T_ALLCAPS) == T_CAP | T_WORD
    }
}
