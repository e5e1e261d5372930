//! Names before `selaku` + a role: `Yudhi Mahyudin selaku Ketua Panitia Lelang`, `Noor Iza
//! selaku juru bicara Kementerian …`. `selaku` ("in the capacity of") ties a person to the
//! office they act in; the name before it is often new to the article and next to no title,
//! so no other rule finds it, and the quotes it then says lose their speaker. The role after
//! `selaku` must open with a title (`data/titles.tsv`): `Matakota selaku pengembang solusi`
//! names a company by what it does.

use super::{Cand, Mentions, T_ALLCAPS, T_CAP, T_NL_BEFORE, W_STRICT, W_TITLE};
use crate::span::Label;

/// Capitalised words of the name, at most.
const MAX_WORDS: usize = 4;

impl Mentions<'_> {
    /// Adds a PERSON candidate for each capitalised run right before `selaku` + a title, over
    /// tokens no earlier rule took (`taken`, updated).
    pub(super) fn selaku(&self, taken: &mut [bool], out: &mut Vec<Cand>) {
        let n = self.toks.len();
        for k in 1..n.saturating_sub(1) {
            // (the length first: most tokens are turned away without reading their text)
            if self.toks[k].span.len() != 6 || self.info[k].t & T_CAP != 0 || self.s(k) != "selaku"
            {
                continue;
            }
            // (`selaku mantan Ketua …`)
            let r = if matches!(self.s(k + 1), "mantan" | "sang") {
                k + 2
            } else {
                k + 1
            };
            // (lower-case words carry no looked-up flags: ask the lexicon)
            if r >= n || self.lex.flags(&self.s(r).to_lowercase()) & W_TITLE == 0 {
                continue;
            }
            // (`Persikabo selaku tuan rumah`: a host, not the honorific `Tuan`)
            if self.s(r).eq_ignore_ascii_case("tuan") && self.s(r + 1) == "rumah" {
                continue;
            }
            let Some(a) = self.selaku_start(k) else {
                continue;
            };
            if (a..k).any(|x| taken[x] || self.cover[x] != 0) {
                continue;
            }
            taken[a..k].fill(true);
            out.push(self.cand(a, k, Label::Person, "person", None));
        }
    }

    /// The first token of the name ending right before token `b` (`selaku`): back over
    /// capitalised plain words on the same line, stopping at a title, head, stop-word or found
    /// name, then past everyday words that only open the sentence. None when no name word is
    /// left, or the one word left is an everyday word.
    fn selaku_start(&self, b: usize) -> Option<usize> {
        // (nor page furniture in capitals: `… WITH CONTENT Manoj Punjabi selaku`; initials of
        // three letters or fewer stand in for a name, `RBP selaku pemilik`)
        let shouted = |x: usize| self.info[x].t & T_ALLCAPS != 0 && self.s(x).len() > 3;
        let mut a = self.name_run_back(b, MAX_WORDS, shouted);
        // (the scan stopped at an entity on the same line: the words are its tail, `Sinar Mas
        // Land selaku direktur proyek`)
        if a > 0 && a < b && self.cover[a - 1] != 0 && self.info[a].t & T_NL_BEFORE == 0 {
            return None;
        }
        while a < b && self.info[a].w & W_STRICT != 0 && self.opens_line_or_sentence(a) {
            a += 1;
        }
        let named = (a..b).all(|x| {
            self.info[x].w & W_STRICT == 0 && !roman(self.s(x)) && !self.s(x).contains('.')
        });
        // (a degree after a name is no name: `Dede Suhartini, S.Kep selaku`, `M.Kep`,
        // `SpJP, FIHA selaku`: glued to what stands before it, or in capitals after a comma)
        let glued = a > 0 && self.toks[a - 1].span.end == self.toks[a].span.start;
        let capitals = (a..b).all(|x| !self.s(x).chars().any(char::is_lowercase));
        let degree = glued || capitals && a > 0 && self.s(a - 1) == ",";
        (a < b && named && !degree).then_some(a)
    }
}

/// `w` is a Roman numeral (`VII` of `Teradu VII`): a number in a list, no name word.
fn roman(w: &str) -> bool {
    !w.is_empty() && w.bytes().all(|c| matches!(c, b'I' | b'V' | b'X' | b'L'))
}
