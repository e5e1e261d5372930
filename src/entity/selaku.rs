//! Names before `selaku` + a role: `Yudhi Mahyudin selaku Ketua Panitia Lelang`, `Noor Iza
//! selaku juru bicara Kementerian …`. `selaku` ("in the capacity of") ties a person to the
//! office they act in; the name before it is often new to the article and next to no title,
//! so no other rule finds it, and the quotes it then says lose their speaker. The role after
//! `selaku` must open with a title (`data/titles.tsv`): `Matakota selaku pengembang solusi`
//! names a company by what it does.
//!
//! So do names before an apposition with `seorang` or `salah satu` + a title (`Aris, seorang
//! pedagang buah`, `Yongki salah satu pedagang sembako`): an unknown name introduced that way
//! often speaks next, and a `-nya` cue then needs it.

use super::{Cand, Mentions, T_ALLCAPS, T_CAP, T_NL_BEFORE, W_PARTICLE, W_STRICT, W_TITLE};
use crate::span::Label;

/// Capitalised words of the name, at most.
const MAX_WORDS: usize = 4;

impl Mentions<'_> {
    /// Adds a PERSON candidate for each capitalised run right before `selaku` + a title, or
    /// before (a comma and) `seorang`/`salah seorang`/`salah satu` + a title, over tokens no
    /// earlier rule took (`taken`, updated).
    pub(super) fn selaku(&self, taken: &mut [bool], out: &mut Vec<Cand>) {
        let n = self.toks.len();
        for k in 1..n.saturating_sub(1) {
            // (the length first: most tokens are turned away without reading their text)
            let len = self.toks[k].span.len();
            if !matches!(len, 5..=7) || self.info[k].t & T_CAP != 0 {
                continue;
            }
            // `selaku` right after the name; `seorang`, `salah seorang`, `salah satu` after it
            // or after its comma (`Aris, seorang pedagang buah`, `Yongki salah satu pedagang`)
            // (bare `seorang` only after a comma: `status Whatshapp seorang anggota` is "a
            // member's status"; and never the `seorang` of `Salah seorang warga`)
            let comma = self.s(k - 1) == ",";
            let (apposed, after) = match self.s(k) {
                "selaku" => (false, k + 1),
                "seorang" if comma => (true, k + 1),
                "salah" if matches!(self.s(k + 1), "seorang" | "satu") => (true, k + 2),
                _ => continue,
            };
            let k = if apposed && comma { k - 1 } else { k };
            if k == 0 || after >= n {
                continue;
            }
            // (`selaku mantan Ketua …`)
            let r = if matches!(self.s(after), "mantan" | "sang") {
                after + 1
            } else {
                after
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
            if apposed && !self.apposed_start(a) {
                continue;
            }
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

impl Mentions<'_> {
    /// The name before an apposition with `seorang`/`salah satu` starts at token `a` as a
    /// whole: not after a capitalised word or number it would be the tail of (`A10 Networks`,
    /// `SMP Kristen 6 Penabur`, `Rob Waugh` where `Rob` is an everyday word), nor after a
    /// preposition of place (`Di Times Square, seorang petugas`).
    fn apposed_start(&self, a: usize) -> bool {
        if a == 0 || self.opens_line_or_sentence(a) {
            return true;
        }
        let before = self.s(a - 1);
        // (or a name particle: `Rudi van der Zalm`, `Al - Masri`)
        let tail = self.info[a - 1].t & T_CAP != 0
            || before.bytes().any(|b| b.is_ascii_digit())
            || self.info[a - 1].w & W_PARTICLE != 0
            || before == "-";
        let place = ["di", "ke", "dari"]
            .iter()
            .any(|p| p.eq_ignore_ascii_case(before));
        !tail && !place
    }
}

/// `w` is a Roman numeral (`VII` of `Teradu VII`): a number in a list, no name word.
fn roman(w: &str) -> bool {
    !w.is_empty() && w.bytes().all(|c| matches!(c, b'I' | b'V' | b'X' | b'L'))
}
