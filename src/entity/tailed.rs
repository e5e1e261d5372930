//! Names that end in an organisation's word: `Shamrock Holdings`, `Sinar Pangan Nusantara
//! Tbk`, `Global Energy Institute`. English and legal names put the kind of body last (the
//! Indonesian ones put it first, `Badan …`, and the head rules find those), so a run of
//! capitalised words closed by one of the words of `data/org_name_tails.txt` names an
//! organisation the gazetteer may never list. A gazetteer organisation or place inside the run
//! is part of the longer name (`Emirates Airlines`); a person, a title or a head word ends it
//! (`kata CEO Shamrock Holdings`: the title is no part of the name).

use std::sync::OnceLock;

use super::{Cand, FxSet, Mentions, T_CAP, T_HEADLINE, T_NL_BEFORE, T_WORD, W_HEAD, W_STRICT};
use crate::span::{Label, Source};

/// Capitalised words before the tail word, at most.
const MAX_WORDS_BEFORE: usize = 4;

/// The two word sets of `data/org_name_tails.txt`: `[tail]` words close an organisation's
/// name, `[role]` words stand before one and are no part of it. (Hash sets: the tail test runs
/// on every capitalised word.)
fn lists() -> &'static (FxSet<&'static str>, FxSet<&'static str>) {
    static V: OnceLock<(FxSet<&'static str>, FxSet<&'static str>)> = OnceLock::new();
    V.get_or_init(|| {
        let (mut tails, mut roles) = (FxSet::default(), FxSet::default());
        let mut list = &mut tails;
        for line in include_str!("../../data/org_name_tails.txt").lines() {
            match line.split('#').next().unwrap_or("").trim() {
                "[tail]" => list = &mut tails,
                "[role]" => list = &mut roles,
                l => list.extend(l.split_whitespace()),
            }
        }
        (tails, roles)
    })
}

/// `w` closes an organisation's name (`Holdings`, `Tbk`, `Inc.`; exact case). (A bit set of
/// the tails' first letters and lengths turns most words away before they are hashed: the
/// test runs on every capitalised word.)
fn tail_word(w: &str) -> bool {
    static SHAPES: OnceLock<[u32; 26]> = OnceLock::new();
    let w = w.strip_suffix('.').unwrap_or(w);
    let shapes = SHAPES.get_or_init(|| {
        let mut m = [0u32; 26];
        for t in &lists().0 {
            if let (Some(c @ b'A'..=b'Z'), true) = (t.bytes().next(), t.len() < 32) {
                m[usize::from(c - b'A')] |= 1 << t.len();
            }
        }
        m
    });
    let shaped = match w.bytes().next() {
        Some(c @ b'A'..=b'Z') => {
            w.len() < 32 && shapes[usize::from(c - b'A')] & (1 << w.len()) != 0
        }
        _ => false,
    };
    shaped && lists().0.contains(w)
}

/// `w` is a word of a role or unit before a name (`Analyst`, `Riset`; exact case).
fn role_word(w: &str) -> bool {
    lists().1.contains(w)
}

impl Mentions<'_> {
    /// Adds an ORG candidate (kind `company`) for each run of capitalised words that a tail
    /// word closes, over tokens no earlier rule took (`taken`, updated).
    pub(super) fn tailed(&self, taken: &mut [bool], out: &mut Vec<Cand>) {
        for k in 1..self.toks.len() {
            if taken[k] || self.cover[k] != 0 || !self.tail_at(k) {
                continue;
            }
            // (`Islamic Insurance Society`, `Co. Ltd.`: the last tail word closes the name)
            if self.tail_at(k + 1) && self.info[k + 1].t & T_NL_BEFORE == 0 {
                continue;
            }
            let (Some(a), Some(b)) = (self.tailed_start(k), self.tailed_end(k, taken)) else {
                continue;
            };
            if (a..b).any(|x| taken[x]) || (a..k).all(|x| self.tail_at(x)) {
                continue;
            }
            taken[a..b].fill(true);
            out.push(self.cand(a, b, Label::Org, "company", None));
        }
    }

    /// Token `k` is a capitalised tail word outside a headline.
    fn tail_at(&self, k: usize) -> bool {
        k < self.toks.len()
            && self.info[k].t & (T_CAP | T_WORD | T_HEADLINE) == T_CAP | T_WORD
            && tail_word(self.s(k))
    }

    /// The end (exclusive) of the name whose tail word is token `k`: right after it, or after
    /// an `of` or `for` and the capitalised words that follow (`Civil Aviation Authority of
    /// China`), or after `Indonesia` (`Trimegah Sekuritas Indonesia`). None when another unknown
    /// capitalised word follows: the name goes on in a way this rule cannot bound (`Focus Group
    /// Discussion`). A person found after it ends it (`Analis MNC Sekuritas Herditya Wicaksana`).
    fn tailed_end(&self, k: usize, taken: &[bool]) -> Option<usize> {
        let n = self.toks.len();
        let b = k + 1;
        if b >= n || self.info[b].t & T_NL_BEFORE != 0 || taken[b] {
            return Some(b);
        }
        if matches!(self.s(b), "of" | "Of" | "for") {
            let mut j = b + 1;
            while j < n
                && j < b + 5
                && self.info[j].t & (T_CAP | T_WORD | T_NL_BEFORE) == T_CAP | T_WORD
                && !taken[j]
            {
                j += 1;
            }
            return (j > b + 1).then_some(j);
        }
        // (`Trimegah Sekuritas Indonesia`: a company's Indonesian arm; another country after
        // the tail is as often the next item of a list, `Monash University Australia`)
        if let Some(e) = self.covered(b) {
            return Some(if e.id.as_ref() == "indonesia" {
                self.past(b, e)
            } else {
                b
            });
        }
        (self.info[b].t & T_CAP == 0).then_some(b)
    }

    /// The first token of the name the tail word at `k` closes: back over capitalised words on
    /// the same line (and whole gazetteer organisations and places), up to a person, a head
    /// word, a lower-case word or punctuation; then past a title phrase opening the run and an
    /// everyday word opening the sentence. None when no word is left before the tail.
    fn tailed_start(&self, k: usize) -> Option<usize> {
        let mut a = k;
        let mut words = 0;
        while a > 0 && words < MAX_WORDS_BEFORE && self.info[a].t & T_NL_BEFORE == 0 {
            let j = a - 1;
            if let Some(e) = self.covered(j) {
                let known_body = e.source == Source::Gazetteer
                    && matches!(e.label, Label::Org | Label::Gpe | Label::Loc);
                let first = self.toks.partition_point(|t| t.span.end <= e.span.start);
                if !known_body || self.toks[first].span.start != e.span.start {
                    break;
                }
                // (a known name that a head opens, `PT Pertamina … Tbk`: the head rules and
                // `extend::legal_names` own it, as for an unknown one below; the flags of a
                // gazetteer match's words are not read, so the head is looked up)
                if self.opener(first).is_some_and(|w| !w.heads.is_empty()) {
                    return None;
                }
                a = first;
            } else {
                // (`American Academy of Dermatology Association`, `Electronic Devices & Storage
                // Corporation`, `GO-JEK Group`: a joint between two capitalised words)
                let glued = |x: usize| self.toks[x].span.end == self.toks[x + 1].span.start;
                if (matches!(self.s(j), "of" | "Of" | "&" | "and")
                    || self.s(j) == "-" && j > 0 && glued(j - 1) && glued(j))
                    && j > 0
                    && self.info[j - 1].t & (T_CAP | T_WORD | T_NL_BEFORE) == T_CAP | T_WORD
                    && self.info[j].t & T_NL_BEFORE == 0
                {
                    a = j;
                    continue;
                }
                let t = self.info[j];
                // (a tail word ends the name before: `… Indonesia Tbk. MNC Sekuritas`; not one
                // in a row of tails, `Islamic Insurance Society`; and a legal form after a name
                // cut so is left to `extend::legal_names`, `Alibaba Group Holding Ltd`)
                let tail_before = tail_word(self.s(j)) && !(j + 1..=k).all(|x| self.tail_at(x));
                if tail_before && super::extend::legal_suffix(self.s(k)) {
                    return None;
                }
                if t.t & (T_CAP | T_WORD | T_HEADLINE) != T_CAP | T_WORD
                    || role_word(self.s(j))
                    || tail_before
                {
                    break;
                }
                // (`Bank …`, `PT …`: the head rules own those names)
                if t.w & W_HEAD != 0 {
                    return None;
                }
                a = j;
            }
            words += 1;
        }
        while a < k && matches!(self.s(a), "of" | "Of" | "&" | "and" | "-") {
            a += 1;
        }
        // `Direktur Utama Sinar Jaya Group`: the role is no part of the name; a sentence's first
        // word is capitalised anyway, and an everyday one is not the name's (`Saham Sinar Pangan
        // Nusantara Tbk naik`, `Menurut CEO Shamrock Holdings`): both, until neither applies
        loop {
            let before = a;
            while let Some((_, end)) = self.title_at(a).filter(|&(_, end)| end < k) {
                a = end;
            }
            while a < k && self.info[a].w & W_STRICT != 0 && self.opens_line_or_sentence(a) {
                a += 1;
            }
            if a == before {
                break;
            }
        }
        // a known organisation and its legal form or group word: the organisation, kept with
        // its identity (`Starbucks Corp`, which `extend::legal_names` lengthens; `Sinar Mas
        // Group`); another tail makes another body (`BCA Sekuritas`, `Telkom University`)
        let same_body = super::extend::legal_suffix(self.s(k))
            || matches!(self.s(k), "Group" | "Holdings" | "Company");
        if same_body
            && self
                .covered(a)
                .is_some_and(|e| e.label == Label::Org && self.past(a, e) == k)
        {
            return None;
        }
        (a < k).then_some(a)
    }
}
