//! Names followed by an age: `Wawan (35)`, `Maya Boru Ambarita (37)`. Indonesian news gives
//! the age of ordinary people in brackets right after their name (victims, suspects, witnesses,
//! residents a reporter talks to), and those names are rarely in a gazetteer or next to a title.
//! The bracket is evidence enough for words the loose rule would refuse (`Catur (40)`, `Sari
//! Dewi (28)`), so a run of capitalised words right before `(N)`, N an age, is a person.

use std::sync::OnceLock;

use super::{
    Cand, Mentions, T_CAP, T_HEADLINE, T_NL_BEFORE, T_PLAIN, T_WORD, W_HEAD, W_STOP, W_STRICT,
    W_TITLE,
};
use crate::span::Label;

/// Capitalised words of the name, at most.
const MAX_WORDS: usize = 4;

/// The oldest age read as one (a larger number in brackets is a count or a year).
const MAX_AGE: u32 = 110;

/// `w` ends an English club's name (`data/club_suffixes.txt`).
fn club_suffix(w: &str) -> bool {
    static V: OnceLock<Vec<&'static str>> = OnceLock::new();
    V.get_or_init(|| super::data_words(include_str!("../../data/club_suffixes.txt")))
        .contains(&w)
}

impl Mentions<'_> {
    /// Adds a PERSON candidate for each capitalised run right before an age in brackets, over
    /// tokens no earlier rule took (`taken`, updated).
    pub(super) fn aged(&self, taken: &mut [bool], out: &mut Vec<Cand>) {
        let n = self.toks.len();
        // the closing bracket of the last item of a list of counts (see `counted_item`)
        let mut counted: Option<usize> = None;
        for p in 1..n.saturating_sub(2) {
            // (most tokens are words: turned away without reading their text)
            if self.info[p].t & T_WORD != 0
                || self.s(p) != "("
                || self.s(p + 2) != ")"
                || !self.age_at(p + 1)
            {
                continue;
            }
            // (`Syaifullah, S.Sos (58)`: the age follows the degree after the name)
            // (only after the name's comma: `Budi A.M. (45)` ends in initials)
            let mut d = p;
            while d > 1 && super::dotted_abbreviation(self.s(d - 1)) {
                d -= 1;
            }
            let b = if d < p && self.s(d - 1) == "," {
                d - 1
            } else {
                p
            };
            if b < p && (b..p).any(|x| taken[x] || self.cover[x] != 0) {
                continue;
            }
            let Some(a) = self.aged_start(b) else {
                continue;
            };
            if self.counted_item(a, counted) {
                counted = Some(p + 2);
                continue;
            }
            if (a..b).any(|x| taken[x] || self.cover[x] != 0) {
                continue;
            }
            taken[a..b].fill(true);
            out.push(self.cand(a, b, Label::Person, "person", None));
        }
    }

    /// The run starting at token `a` is an item of a list of counts whose item before is a
    /// place or body, or itself such an item (`counted`: its closing bracket): `Kelurahan
    /// Sukamaju (12), Cibeunying (9) dan Cigadung (7)` counts cases, it gives no ages.
    fn counted_item(&self, a: usize, counted: Option<usize>) -> bool {
        let mut j = a;
        if j > 0 && matches!(self.s(j - 1), "," | "dan" | "serta") {
            j -= 1;
            if j > 0 && self.s(j - 1) == "," {
                j -= 1;
            }
        } else {
            return false;
        }
        // `… (12)` before the joint
        if j < 4 || self.s(j - 1) != ")" || self.s(j - 3) != "(" || !self.age_at(j - 2) {
            return false;
        }
        if counted == Some(j - 1) {
            return true;
        }
        // the words before that bracket: a place or body the gazetteer or a head names
        let item = j - 4;
        (item.saturating_sub(3)..=item).any(|x| {
            self.covered(x).is_some_and(|e| e.label != Label::Person)
                || self.info[x].t & T_CAP != 0 && self.info[x].w & W_HEAD != 0
        })
    }

    /// Token `k` is a whole number from 1 to [`MAX_AGE`].
    fn age_at(&self, k: usize) -> bool {
        let s = self.s(k);
        s.len() <= 3
            && s.bytes().all(|c| c.is_ascii_digit())
            && s.parse::<u32>().is_ok_and(|v| (1..=MAX_AGE).contains(&v))
    }

    /// The first token of the run of capitalised plain words (letters only: `Moto2 (2)` has no
    /// name) ending right before token `b` on its line, at most `max` of them: back until a
    /// title, a head word, a stop-word, a gazetteer match or a word `stop` refuses. Where the
    /// names read before a bracketed age and before `selaku` start.
    pub(super) fn name_run_back(
        &self,
        b: usize,
        max: usize,
        stop: impl Fn(usize) -> bool,
    ) -> usize {
        let mut a = b;
        while a > 0 && b - a < max && self.info[a].t & T_NL_BEFORE == 0 {
            let t = self.info[a - 1];
            if t.t & (T_CAP | T_WORD | T_PLAIN) != T_CAP | T_WORD | T_PLAIN
                || t.w & (W_TITLE | W_HEAD | W_STOP) != 0
                || self.cover[a - 1] != 0
                || stop(a - 1)
            {
                break;
            }
            a -= 1;
        }
        a
    }

    /// The first token of the name that ends right before token `b` (the bracket): back over
    /// capitalised words on the same line, stopping at a title, a head word, a found name or
    /// anything not a capitalised word; then past everyday words that only open the sentence
    /// (`Dan Talitha Salsabila (19)`, `Nama Adnan (15)`). None when no word is left.
    fn aged_start(&self, b: usize) -> Option<usize> {
        let mut a = self.name_run_back(b, MAX_WORDS, |x| self.info[x].t & T_HEADLINE != 0);
        // (or a colon's: `Nama: Adnan …`)
        let opens = |x: usize| self.opens_line_or_sentence(x) || self.s(x - 1) == ":";
        while a < b && self.info[a].w & W_STRICT != 0 && opens(a) {
            a += 1;
        }
        // (`Pasal 55 Ayat (1)`: a clause number; at least one word must be no everyday word,
        // and one not in capitals: initials, `berinisial AR (34)`, stand in for a name the
        // article withholds)
        let named = (a..b).any(|x| self.info[x].w & W_STRICT == 0)
            && (a..b).any(|x| self.s(x).chars().any(char::is_lowercase));
        // (`Bristol City (48)`: a club's points)
        let club = a < b && club_suffix(self.s(b - 1));
        (a < b && named && !club).then_some(a)
    }
}
