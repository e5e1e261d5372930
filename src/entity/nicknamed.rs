//! Names whose nickname the article gives: `Surya Darmawan atau yang akrab disapa Surdar`,
//! `Ramdani, yang biasa dipanggil Dani`. One greets and calls people, not bodies or things, so
//! the words before such a phrase are a person's name even where no title or speech verb
//! names them; once found, the resolution stage links the nickname to them (a later `kata
//! Surdar` is Surya Darmawan).
//!
//! Only `disapa` and `dipanggil` rename here: `atau dikenal sebagai` and `alias` follow
//! plants, products and competitions as often as people (`stevia atau dikenal sebagai …`,
//! `Liga Champions alias empat besar`). After `yang` alone an adverb must come before the verb
//! (`yang akrab disapa`): a bare `yang disapa` may be a greeting, `yang dipanggil` a call-up.

use super::{Cand, Mentions, T_CAP, T_NL_BEFORE};
use super::{W_ACR_HEAD, W_HEAD, W_PORTFOLIO, W_TITLE};
use crate::span::Label;

/// Adverbs between the link word and the verb (`atau yang lebih akrab disapa`).
const LINK_ADVERBS: &[&str] = &[
    "lebih", "akrab", "biasa", "karib", "kerap", "sering", "juga",
];

impl Mentions<'_> {
    /// Adds a PERSON candidate for each name before a nickname phrase that no rule took
    /// (`taken`, updated) and the gazetteer does not cover.
    pub(super) fn nicknamed(&self, taken: &mut [bool], out: &mut Vec<Cand>) {
        let n = self.toks.len();
        for j in 2..n {
            if !matches!(self.s(j), "disapa" | "dipanggil") {
                continue;
            }
            let Some(link) = self.nickname_link(j) else {
                continue;
            };
            // the nickname itself: a capitalised word right after the verb
            let nick = j + 1 + usize::from(j + 1 < n && self.s(j + 1) == "dengan");
            if nick >= n || self.info[nick].t & T_CAP == 0 {
                continue;
            }
            let Some((a, b)) = self.name_before(link, 1, false) else {
                continue;
            };
            if (a..b).any(|k| taken[k] || self.cover[k] != 0)
                || self.bodyish(a, b)
                || self.joined_before(a)
            {
                continue;
            }
            taken[a..b].fill(true);
            out.push(self.cand(a, b, Label::Person, "person", None));
        }
    }

    /// The first token of the phrase that links a name to the verb at `j` (`, atau yang
    /// akrab` of `, atau yang akrab disapa`), or `None` when the words before the verb do not
    /// make such a phrase.
    fn nickname_link(&self, j: usize) -> Option<usize> {
        let mut y = j;
        while y > 0 && LINK_ADVERBS.contains(&self.s(y - 1)) {
            y -= 1;
        }
        let adverbs = y < j;
        let mut k = y.checked_sub(1)?;
        let mut opened = false;
        if self.s(k) == "yang" {
            if k > 0 && self.s(k - 1) == "atau" {
                k -= 1;
                opened = true;
            }
        } else if self.s(k) == "atau" {
            opened = true;
        } else {
            return None;
        }
        if !(opened || adverbs) || self.info[y].t & T_NL_BEFORE != 0 {
            return None;
        }
        if k > 0 && self.s(k - 1) == "," {
            k -= 1;
        }
        Some(k)
    }

    /// The run `a..b` names a body or a role, not a person: a head word (`Kampung`, `PT`), an
    /// acronym head, a portfolio word or a title (`Wamenaker yang akrab disapa …` is the
    /// deputy minister's nickname, not a name), or a head right before it.
    fn bodyish(&self, a: usize, b: usize) -> bool {
        (a..b).any(|k| {
            self.info[k].w & (W_HEAD | W_ACR_HEAD | W_PORTFOLIO | W_TITLE) != 0
                || self.title_at(k).is_some()
        }) || a > 0 && self.info[a - 1].w & W_HEAD != 0
    }

    /// The run starting at token `a` is the end of something longer: the second of a pair
    /// (`Bagas/Fikri yang biasa disapa Bakri`, the pair's nickname) or the rest of a name a
    /// gazetteer entry or another rule took (`Evan Dimas Darmono`).
    fn joined_before(&self, a: usize) -> bool {
        a > 0 && {
            let p = a - 1;
            let glued = self.toks[p].span.end == self.toks[a].span.start;
            glued && matches!(self.s(p), "/" | "-" | "&") || self.cover[p] != 0
        }
    }
}
