//! Passes 1 and 2 for marked quotations: pairing quote marks into spans, then deciding each
//! pair's kind and finding its cue.
//!
//! Marks are paired by *position* within a paragraph, not by shape, because Indonesian
//! outlets open with `”` as often as with `“`; a mark's surroundings say whether it can open
//! or close. A quote continues into the next paragraph only when that paragraph opens with a
//! mark, so an unclosed quote never swallows the rest of the article. Cues are looked for
//! after the closing mark (`"…," kata X`) and before the opening one (`X berkata: "…"`);
//! who the cue names is worked out in [`super::speaker`].

use super::cues::*;
use super::{Cand, Discourse, Who};
use crate::span::{Label, QuoteKind, Span, TokenKind};

/// A pair of marks: token indices of the opening and closing mark (which may lie in different
/// paragraphs for a multi-paragraph quote).
#[derive(Clone, Copy, Debug)]
pub(super) struct Marked {
    pub(super) open: usize,
    pub(super) close: usize,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Side {
    Open,
    Close,
    Either,
}

pub(super) fn is_mark(s: &str) -> bool {
    matches!(s, "\"" | "“" | "”" | "„")
}

/// [`is_mark`] of the text of `span`, asked of every punctuation token: the first byte turns
/// most away (every mark starts with `"` or with 0xE2, the lead byte of U+2000..U+2FFF)
/// before the text is sliced and compared.
pub(super) fn mark_at(text: &str, span: Span) -> bool {
    matches!(text.as_bytes().get(span.start), Some(b'"' | 0xe2)) && is_mark(span.as_str(text))
}

impl<'a> Discourse<'a> {
    fn side(&self, i: usize) -> Side {
        let sp = self.toks[i].span;
        let before = self.text[..sp.start].chars().next_back();
        let after = self.text[sp.end..].chars().next();
        let space_before = before.is_none_or(|c| c.is_whitespace() || "([{—–-:/".contains(c));
        let space_after = after.is_none_or(|c| c.is_whitespace() || ".,;:!?)]}".contains(c));
        match (space_before, space_after) {
            (true, false) => Side::Open,
            (false, true) => Side::Close,
            _ => match self.t(i) {
                "“" | "„" => Side::Open,
                "”" if space_after => Side::Close,
                _ => Side::Either,
            },
        }
    }

    /// Pairs quote marks by position, paragraph by paragraph.
    pub(super) fn pair_marks(&self) -> Vec<Marked> {
        let marks: Vec<usize> = (0..self.toks.len())
            .filter(|&i| {
                let t = self.toks[i];
                t.kind == TokenKind::Punct && mark_at(self.text, t.span)
            })
            .collect();
        let mut out = Vec::new();
        // The open mark, and the paragraph of the last mark that kept it open.
        let mut open: Option<(usize, u32)> = None;
        for (n, &i) in marks.iter().enumerate() {
            let side = self.side(i);
            let para = self.p(i);
            // Line breaks inside a sentence (scraped markup) do not end a quotation.
            if let Some((o, cur)) = open {
                if cur != para && self.soft_breaks(o, i) {
                    open = Some((o, para));
                }
            }
            match open {
                Some((o, cur)) if cur != para => {
                    // Still open from an earlier paragraph: the quote goes on only if this mark
                    // opens the very next paragraph (it reopens; only the last one closes).
                    let first_in_para = i == 0 || self.p(i - 1) != para;
                    if first_in_para && side != Side::Close && para == cur + 1 {
                        open = Some((o, para));
                        continue;
                    }
                    // The earlier mark was stray: forget it, treat this one afresh.
                    open = (side != Side::Close).then_some((i, para));
                }
                Some((o, _)) => match side {
                    Side::Close | Side::Either => {
                        out.push(Marked { open: o, close: i });
                        open = None;
                    }
                    Side::Open => {
                        // Two openers in a row: the earlier one is stray, unless this one is
                        // the paragraph's last mark (then it is a sloppy closer).
                        let last_in_para = marks.get(n + 1).is_none_or(|&j| self.p(j) != para);
                        if last_in_para && self.p(o) == para {
                            out.push(Marked { open: o, close: i });
                            open = None;
                        } else {
                            open = Some((i, para));
                        }
                    }
                },
                None => open = (side != Side::Close).then_some((i, para)),
            }
        }
        out
    }

    /// True when every line break between tokens `a` and `b` is soft: a single newline after
    /// a word that ends no sentence. Constant time, from the prefix counts.
    pub(super) fn soft_breaks(&self, a: usize, b: usize) -> bool {
        match (self.hard.get(a), self.hard.get(b)) {
            (Some(x), Some(y)) => x == y,
            _ => false,
        }
    }

    /// Kind, cue and speaker strategy of one pair of marks; `None` when it is no quotation.
    pub(super) fn classify_marked(&self, m: &Marked) -> Option<Cand> {
        let (o, c) = (m.open, m.close);
        if c <= o + 1 {
            return None;
        }
        let span = self.trim(Span::new(self.toks[o].span.end, self.toks[c].span.start));
        if span.is_empty() {
            return None;
        }
        // Quoted titles and names are no quotations (`film "…"`, `lagu baru "…"`; not a title
        // word that ends the sentence before: `Dedi membuka acara. "…," ujar Dedi`).
        for k in 1..=2 {
            if o >= k
                && self.p(o - k) == self.p(o)
                && self.c(o - k) & TITLED != 0
                && !(1..k).any(|j| matches!(self.t(o - j), "." | "!" | "?" | ";"))
            {
                return None;
            }
        }
        if o >= 1 && self.t(o - 1) == "#" {
            return None;
        }
        let words = (o + 1..c).filter(|&k| self.is_word(k)).count();

        // Cue after the closing mark.
        if let Some(cand) = self.cue_after(o, c, span) {
            return Some(cand);
        }
        // Cue before the opening mark.
        if let Some(cand) = self.cue_before(o, span) {
            return Some(cand);
        }
        // A name after it with no verb (`"…," Menteri Luar Negeri Takeshi Iwaya, dikutip …`).
        if let Some(cand) = self.name_after(c, span) {
            return Some(cand);
        }
        // Sentence- or paragraph-initial: a full utterance with no cue of its own.
        if self.starts_utterance(o) {
            return Some(Cand {
                span,
                kind: QuoteKind::Direct,
                who: Who::Continuation,
                cue: None,
                rule: "continuation",
                at: span.start,
            });
        }
        // Embedded in a sentence: someone's words, or only a scare-quoted term.
        let (sa, sb) = self.sent[o];
        let verb = (sa..sb).find(|&k| {
            (k < o || k > c) && self.c(k) & (ANY_SAY | PARTIAL_VERB | ACCORDING | POST) != 0
        });
        match verb {
            Some(v) => {
                let who = self.subject(v).unwrap_or(Who::Nobody);
                Some(Cand {
                    span,
                    kind: QuoteKind::Partial,
                    who,
                    cue: Some(self.toks[v].span),
                    rule: "partial",
                    at: span.start,
                })
            }
            None if words > 3 => Some(Cand {
                span,
                kind: QuoteKind::Partial,
                who: Who::Nobody,
                cue: None,
                rule: "partial",
                at: span.start,
            }),
            None => None,
        }
    }

    pub(super) fn trim(&self, s: Span) -> Span {
        let inner = &self.text[s.start..s.end];
        let lead = inner.len() - inner.trim_start().len();
        let trail = inner.len() - inner.trim_end().len();
        if lead + trail >= inner.len() {
            return Span::new(s.start, s.start);
        }
        Span::new(s.start + lead, s.end - trail)
    }

    /// True when the opening mark at `o` starts a sentence or paragraph.
    fn starts_utterance(&self, o: usize) -> bool {
        if o == 0 || self.p(o - 1) != self.p(o) {
            return true;
        }
        let p = self.t(o - 1);
        matches!(p, "." | "!" | "?" | ":" | ")" | "\"" | "”" | "“")
            || self.sent[o].0 == o
            || !matches!(self.toks[o - 1].kind, TokenKind::Word | TokenKind::Number) && p != ","
    }

    /// `"…," kata X.` / `"…," ujarnya.` / `"…," demikian kata X.`
    fn cue_after(&self, o: usize, c: usize, span: Span) -> Option<Cand> {
        let mut k = c + 1;
        if k < self.toks.len() && matches!(self.t(k), "," | "—" | "–" | "-") {
            k += 1;
        }
        if self.c(k) & POST_LEAD != 0 {
            k += 1;
        }
        let &cls = self.cls.get(k)?;
        if cls & (POST | POST_NYA) == 0 || self.p(k) != self.p(c) {
            return None;
        }
        // `"…." Katanya, …` — a new sentence saying "reportedly", not a cue.
        let last_inner = self.t(c - 1);
        if self.is_cap(k) && matches!(last_inner, "." | "!" | "?") {
            return None;
        }
        let _ = o;
        let cue = self.toks[k].span;
        if cls & POST_NYA != 0 {
            return Some(Cand {
                span,
                kind: QuoteKind::Direct,
                who: Who::Anaphor(cue),
                cue: Some(cue),
                rule: "cue-nya-after",
                at: cue.start,
            });
        }
        let who = self.speaker_after(k + 1)?;
        Some(Cand {
            span,
            kind: QuoteKind::Direct,
            who,
            cue: Some(cue),
            rule: "cue-after",
            at: cue.start,
        })
    }

    /// `"…," Menteri Luar Negeri Takeshi Iwaya, dikutip dari …`, `"…," Jeremy dalam
    /// keterangan tertulis`: the writer left the verb out. Only when the quotation ends in a
    /// comma (its sentence goes on), a person the entity stage found or a title with a name
    /// follows the closing mark, and where, when or how it was said comes after the name
    /// (`di`, `dalam`, `kepada`, a comma, the sentence's end), never a verb of its own.
    fn name_after(&self, c: usize, span: Span) -> Option<Cand> {
        let n = self.toks.len();
        let k = c + 1;
        if c == 0 || self.t(c - 1) != "," || k >= n || !self.is_cap(k) || self.p(k) != self.p(c) {
            return None;
        }
        let Who::Mention(who) = self.speaker_after(k)? else {
            return None;
        };
        if who.start != self.toks[k].span.start && self.c(k) & TITLE == 0 {
            return None;
        }
        let person = self
            .ents_over(who)
            .any(|e| e.label == Label::Person && who.contains(e.span));
        if !person {
            return None;
        }
        let after = self.toks.partition_point(|t| t.span.start < who.end);
        let closes = after >= n
            || self.p(after) != self.p(k)
            || matches!(self.t(after), "," | "." | ";")
            || self.is_lower(after) && self.c(after) & CONTEXT != 0;
        closes.then_some(Cand {
            span,
            kind: QuoteKind::Direct,
            who: Who::Mention(who),
            cue: None,
            rule: "name-after",
            at: who.start,
        })
    }

    /// `X berkata: "…"`, `Dia menambahkan, "…"`, `Menurut X, "…"`, and the same across a
    /// paragraph break (a paragraph ending `X berkata:` before a quote paragraph).
    fn cue_before(&self, o: usize, span: Span) -> Option<Cand> {
        if o == 0 {
            return None;
        }
        let mut k = o - 1;
        let cross = self.p(k) != self.p(o);
        let punct = self.t(k);
        if cross && punct != ":" {
            return None;
        }
        if matches!(punct, ":" | ",") {
            k = k.checked_sub(1)?;
        } else if !self.is_word(k) {
            return None;
        }
        let cls = self.c(k);
        if cls & ANY_SAY != 0 {
            let who = self.subject(k)?;
            return Some(Cand {
                span,
                kind: QuoteKind::Direct,
                who,
                cue: Some(self.toks[k].span),
                rule: "cue-colon-before",
                at: self.toks[k].span.start,
            });
        }
        // `Menurut X, "…"` / `Menurutnya, "…"`.
        if punct == "," {
            let (sa, _) = self.sent[k];
            if let Some(m) = (sa..=k).find(|&j| self.c(j) & ACCORDING != 0) {
                let who = self.according_who(m, k + 1)?;
                return Some(Cand {
                    span,
                    kind: QuoteKind::Direct,
                    who,
                    cue: Some(self.toks[m].span),
                    rule: "according-to",
                    at: self.toks[m].span.start,
                });
            }
        }
        None
    }
}
