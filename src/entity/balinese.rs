//! Balinese full names: `I Made Wirawan`, `Ni Luh Putu Ayu`, `I Gusti Agung Ketut Suryanegara`.
//! The marker `I` (men) or `Ni` (women) opens the name, then a birth-order name or a caste
//! title (`data/balinese_names.txt`), then the person's own names. News from Bali names nearly
//! everyone so, and the other rules either miss the name (`pemilik kafe, I Gede Wijaya`) or
//! drop the marker (`Made Susila` of `I Dewa Made Susila`), which then no reader's label
//! matches. Places named after people stay places: their head (`Jalan`, `Bandara`, `Stadion
//! Kapten`) has taken the words before this pass runs.

use std::sync::OnceLock;

use super::{Cand, Mentions, T_CAP, T_NL_BEFORE, T_WORD, W_HEAD, W_STOP, W_TITLE};
use crate::span::Label;

/// Words of the name after the marker, at most.
const MAX_WORDS: usize = 6;

/// `w` (lower case) is a Balinese birth-order name or caste title.
pub(super) fn balinese_word(w: &str) -> bool {
    static V: OnceLock<Vec<&'static str>> = OnceLock::new();
    V.get_or_init(|| super::data_words(include_str!("../../data/balinese_names.txt")))
        .iter()
        .any(|x| w.eq_ignore_ascii_case(x))
}

impl Mentions<'_> {
    /// Extends person candidates that start right after a marker to include it, and adds a
    /// PERSON candidate for each marked run no rule took (`taken`, updated).
    pub(super) fn balinese(&self, taken: &mut [bool], out: &mut Vec<Cand>) {
        let n = self.toks.len();
        // the person candidate covering each token (index + 1), built at the first marker: a
        // document of many markers and many candidates stays linear
        let mut owner: Option<Vec<u32>> = None;
        for p in 0..n.saturating_sub(2) {
            if !self.marker_at(p) {
                continue;
            }
            let owner = owner.get_or_insert_with(|| {
                let mut v = vec![0u32; n];
                for (i, c) in out.iter().enumerate() {
                    if c.label == Label::Person && c.joins.is_none() {
                        v[c.a..c.b].fill(i as u32 + 1);
                    }
                }
                v
            });
            let cand_at = |k: usize| (owner[k] as usize).checked_sub(1);
            // a person run that took words before the marker (`Adira Finance I Made Susila`):
            // the name starts at the marker
            if taken[p] {
                if let Some(i) = cand_at(p).filter(|&i| out[i].a < p) {
                    out[i].a = p;
                }
                continue;
            }
            // a person a rule found without its marker and titles (`Made Susila` of `I Dewa
            // Made Susila`)
            let mut q = p + 1;
            while q + 1 < n && balinese_word(self.s(q + 1)) && self.info[q + 1].t & T_CAP != 0 {
                q += 1;
            }
            let found = (p + 1..=q.min(n - 1))
                .filter_map(|k| cand_at(k).filter(|&i| out[i].a == k))
                .next();
            if let Some(i) = found {
                taken[p..out[i].a].fill(true);
                out[i].a = p;
                continue;
            }
            let b = self.marked_run_end(p + 1);
            // (the marker, a Balinese word and at least one own name word: `I Made` or `I
            // Gusti Ngurah` alone names no one; nor title case going on after the run, `How I
            // Made Millions From Nothing`)
            let own = (p + 1..b).any(|k| !balinese_word(self.s(k)));
            let title_case = b < n
                && self.info[b].t & (T_CAP | T_NL_BEFORE) == T_CAP
                && self.info[b].t & T_WORD != 0;
            if b < p + 3 || !own || title_case || (p..b).any(|x| taken[x] || self.cover[x] != 0) {
                continue;
            }
            taken[p..b].fill(true);
            out.push(self.cand(p, b, Label::Person, "person", None));
        }
    }

    /// Token `p` is a marker (`I`, `Ni`) before a Balinese name word on the same line, and no
    /// gazetteer entity holds it.
    fn marker_at(&self, p: usize) -> bool {
        // (the marker has one or two bytes: most tokens are turned away by their length)
        self.toks[p].span.len() <= 2
            && self.info[p].t & (T_CAP | T_WORD) == T_CAP | T_WORD
            && matches!(self.s(p), "I" | "Ni")
            && self.info[p + 1].t & (T_CAP | T_NL_BEFORE) == T_CAP
            && balinese_word(self.s(p + 1))
            && self.cover[p] == 0
    }

    /// The end (exclusive) of the capitalised name words from token `a` on the same line: no
    /// title, head or stop-word, at most [`MAX_WORDS`].
    fn marked_run_end(&self, a: usize) -> usize {
        let mut b = a;
        while b < self.toks.len()
            && b - a < MAX_WORDS
            && self.info[b].t & (T_CAP | T_WORD) == T_CAP | T_WORD
            && (b == a || self.info[b].t & T_NL_BEFORE == 0)
            && (b == a
                || self.info[b].w & (W_TITLE | W_HEAD | W_STOP) == 0
                || balinese_word(self.s(b))
                // (`Putra` of `I Dewa Gede Putra Wirawan` also opens the title `Putra Mahkota`)
                || self.info[b].w & (W_HEAD | W_STOP) == 0 && super::name_final_word(self.s(b)))
        {
            b += 1;
        }
        b
    }
}

/// `name` opens with a marker and a Balinese name word (`I Gusti Agung …`): its marker and
/// titles make it longer than other names, so the longest-run limit counts its own words only.
pub(super) fn marked(name: &str) -> bool {
    let mut words = name.split(' ');
    matches!(words.next(), Some("I" | "Ni")) && words.next().is_some_and(balinese_word)
}
