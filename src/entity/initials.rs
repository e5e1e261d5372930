//! Initials that open a person's name: `AB Widyanta`, `A Tonny Budiono`, `JJ Rizal`. Reporters
//! keep them (they are part of how the person signs), readers' labels keep them, and without
//! them the name is another, shorter one. The rules find the name after an apposition's comma and
//! stop at the initials, which look like an acronym; this pass moves the start of such a
//! person back over them.

use super::{Cand, Mentions, T_ALLCAPS, T_CAP, T_NL_BEFORE, T_WORD};
use super::{W_ACR_HEAD, W_HEAD, W_ORG_TAIL, W_STOP, W_TITLE};
use crate::span::Label;

/// Letters an initials token has, at most (`A`, `AB`, `JJ`; `DPR` is an acronym).
const MAX_INITIALS: usize = 2;

impl Mentions<'_> {
    /// Extends each person candidate that starts right after an initials token (one or two
    /// capitals, maybe with its dot, on the same line, taken by no rule or gazetteer entry)
    /// to include it.
    pub(super) fn initials(&self, taken: &mut [bool], out: &mut [Cand]) {
        for c in out.iter_mut() {
            if c.label != Label::Person || c.joins.is_some() || c.a == 0 {
                continue;
            }
            let mut i = c.a - 1;
            // (`M. Said`: the dot the tokenizer left apart)
            if self.s(i) == "." && i > 0 && self.toks[i - 1].span.end == self.toks[i].span.start {
                i -= 1;
            }
            if !self.initials_at(i) || taken[i] || self.cover[i] != 0 {
                continue;
            }
            // (only after an apposition's comma, see `opens_initials`)
            if i > 0 && !self.opens_initials(i - 1) {
                continue;
            }
            taken[i..c.a].fill(true);
            c.a = i;
        }
    }

    /// Token `p` may stand right before a person's initials: the comma of an apposition
    /// (`Sosiolog UGM, AB Widyanta`). After a title or a lower-case word the capitals are as
    /// often a body's acronym (`Ketua GP Ansor`, `Menteri PU Dody`, `bek FC Twente`), which
    /// only knowledge of the names tells apart: left as they were.
    fn opens_initials(&self, p: usize) -> bool {
        self.s(p) == ","
    }

    /// Token `i` is one or two capital letters on the same line as the token after it.
    fn initials_at(&self, i: usize) -> bool {
        let s = self.s(i);
        let t = self.info[i].t;
        // (not an honorific or title written short, `H`, `KH`, `PM`, a head or an
        // organisation's word, `UM`, `FC`, nor a Roman numeral ending a unit's name, `Wilayah
        // VI`, `SOR II`)
        let roman = s.bytes().all(|b| matches!(b, b'I' | b'V' | b'X'));
        (1..=MAX_INITIALS).contains(&s.len())
            && s.bytes().all(|b| b.is_ascii_uppercase())
            && !roman
            && self.info[i].w & (W_TITLE | W_HEAD | W_STOP | W_ORG_TAIL | W_ACR_HEAD) == 0
            && t & (T_CAP | T_WORD) == T_CAP | T_WORD
            && (s.len() == 1 || t & T_ALLCAPS != 0)
            && i + 1 < self.toks.len()
            && self.info[i + 1].t & T_NL_BEFORE == 0
    }
}
