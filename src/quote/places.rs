//! A place the speaker rules took for a speaker, checked against the words around it.
//!
//! A country or city speaks in news only as the whole subject (`Iran membantah …`,
//! `Sebelumnya, Israel mengatakan …`). Far more often the place a rule lands on is the tail
//! of a longer phrase whose head is the real speaker: an organisation or a name
//! (`Dinas Lingkungan Hidup (DLH) DKI Jakarta menyatakan`, `PLN UID Lampung menegaskan`), a
//! role (`pemimpin tertinggi Iran mengatakan`), a place after a preposition (`… di Tangerang,
//! Banten, mengatakan`), or a dateline (`JAKARTA, KOMPAS.com - …`). Giving such a quote the
//! place as its speaker is wrong, and every `ujarnya` after it inherits the error; the
//! phrase's person, the role's holder, or no name at all is better.

use super::cues::*;
use super::resolution::entity_speaker;
use super::Discourse;
use crate::span::{Label, Span, Speaker};

/// Words that open a clause, not a name: the capitalised phrase a place ends stops before them.
const CLAUSE_LEAD: u64 = ADVERB | FUNC | CLAUSE_OPENER | CONTEXT | ACCORDING | SUBJECT_LEAD | PRON;

/// Lower-case words looked back over for a role before a place (`pemimpin tertinggi Iran`).
const MAX_ROLE_WORDS_BEFORE_PLACE: usize = 3;
/// Tokens looked back over from a phrase ending in a place for the interlude word that opens
/// it (`di acara syukuran ulang tahun …`).
const MAX_INTERLUDE_BEFORE_PLACE: usize = 10;
/// Tokens after a place searched for the dash of a dateline (`Jakarta (ANTARA) -`).
const MAX_DATELINE_TOKENS: usize = 5;
/// Tokens of a capitalised phrase looked back over from a place at its end.
const MAX_PHRASE_TOKENS: usize = 12;

impl Discourse<'_> {
    /// When the mention at `span` is a place the entity stage found and it stands inside a
    /// longer phrase (see the module's documentation), the speaker that phrase gives: a
    /// person named in it, a role's earlier holder, or the phrase with no name. None when
    /// `span` is no place or the place stands alone.
    pub(super) fn place_inside_phrase(&self, span: Span) -> Option<Speaker> {
        let e = &self.ents[self.ent_at(span)?];
        if !matches!(e.label, Label::Gpe | Label::Loc) || e.span != span {
            return None;
        }
        let a = self.toks.partition_point(|t| t.span.start < span.start);
        // (a place found inside a token, `xBudi-Iran`, starts no token: no phrase to read)
        if self.toks.get(a).is_none_or(|t| t.span.start != span.start) {
            return None;
        }
        let (sa, _) = self.sent[a];
        // (`Liputan6.com, Jakarta -`: a dateline after the outlet's name, too)
        let phrase = match self.dateline(span) {
            Some(d) if a == sa || self.t(a - 1) == "," => d,
            _ if a == sa => return None,
            _ => self.phrase_before_place(a, sa, span)?,
        };
        Some(self.phrase_speaker(phrase))
    }

    /// The mention at `span` is a place inside a phrase that names nobody: see
    /// [`Discourse::place_inside_phrase`].
    pub(super) fn nameless_place(&self, span: Span) -> bool {
        self.place_inside_phrase(span)
            .is_some_and(|s| s.canonical.is_none())
    }

    /// `JAKARTA, KOMPAS.com -`, `Jakarta (ANTARA) -`, `SURABAYA –`: a place followed by an
    /// outlet, or by a dash within a few tokens of brackets, commas and capitalised words, is
    /// the dateline, no subject.
    fn dateline(&self, span: Span) -> Option<Span> {
        let b = self.toks.partition_point(|t| t.span.start < span.end);
        let outlet = |j: usize| {
            j < self.toks.len() && (self.c(j) & MEDIA != 0 || self.t(j).contains(".com"))
        };
        let dash = |j: usize| matches!(self.t(j), "-" | "–" | "—");
        let end = self.toks.len().min(b + MAX_DATELINE_TOKENS);
        let dashed = (b..end)
            .take_while(|&j| dash(j) || matches!(self.t(j), "," | "(" | ")") || self.is_cap(j))
            .any(dash);
        (dashed || self.t(b) == "," && outlet(b + 1)).then_some(span)
    }

    /// The phrase a place at token `a` ends, when the token before it belongs to that phrase:
    /// a capitalised word or an acronym's closing bracket (`Industri Singapura`, `(DLH) DKI
    /// Jakarta`), a lower-case role (`pemimpin tertinggi Iran`), a preposition (`di Tangerang`),
    /// or the comma of a place apposed to a name (`Pemerintah Kabupaten Situbondo, Jawa
    /// Timur`). None when the place is the subject itself (`Sebelumnya, Israel`, `setelah
    /// Amerika Serikat menyatakan`).
    fn phrase_before_place(&self, a: usize, sa: usize, span: Span) -> Option<Span> {
        let p = a - 1;
        let z = self.toks.partition_point(|t| t.span.start < span.end) - 1;
        let name_part = |j: usize| {
            self.t(j) == ")" || self.is_cap(j) && self.is_word(j) && self.c(j) & CLAUSE_LEAD == 0
        };
        if name_part(p) {
            return Some(self.span(self.cap_phrase_start(p, sa), z));
        }
        // (a place apposed to a name is closed by a comma, or follows a name that is no
        // place itself: `Amerika siap menyerang Iran, Rusia mengatakan` is Russia talking)
        let closed = self
            .toks
            .get(z + 1)
            .is_some_and(|t| t.span.as_str(self.text) == ",");
        let apposed = |q: usize| {
            closed
                || !self.place_ends_at(q)
                || self.place_start(q) > sa && name_part(self.place_start(q) - 1)
        };
        if self.t(p) == "," && p > sa && name_part(p - 1) && apposed(p - 1) {
            return Some(self.span(self.cap_phrase_start(p - 1, sa), z));
        }
        if !self.is_lower(p) {
            return None;
        }
        // (not `dari`: `pernyataan resmi dari Belarusia` is Belarus's)
        if matches!(self.t(p), "di" | "ke" | "asal") {
            return Some(span);
        }
        let lo = p.saturating_sub(MAX_ROLE_WORDS_BEFORE_PLACE - 1).max(sa);
        let role = (lo..=p)
            .rev()
            .take_while(|&j| self.is_lower(j) && self.c(j) & (FUNC | ANY_SAY | POST) == 0)
            .filter(|&j| self.c(j) & TITLE != 0)
            .last()?;
        Some(self.span(role, z))
    }

    /// The first token of the entity ending at token `j` (`j` when none does).
    fn place_start(&self, j: usize) -> usize {
        match self.ent_ending_at(self.toks[j].span.end) {
            Some(i) => self
                .toks
                .partition_point(|t| t.span.start < self.ents[i].span.start),
            None => j,
        }
    }

    /// `Ridwan Hardiansyah di acara syukuran ulang tahun Tribun Lampung mengatakan`: a
    /// phrase starting at token `a` inside an interlude (`di`, `saat`, `kepada`: class
    /// `interlude`) that follows a person's name, within a few words and no comma: that person
    /// is the subject.
    fn person_before_interlude(&self, a: usize) -> Option<&crate::span::Entity> {
        let (sa, _) = self.sent[a];
        let lo = a.saturating_sub(MAX_INTERLUDE_BEFORE_PLACE).max(sa + 1);
        // (the stretch's first interlude word: in `Budi usai acara bersama Gibran di
        // Penjaringan` Gibran is whom Budi was with)
        let from = (lo..=a)
            .rev()
            .take_while(|&j| self.t(j) != "," && self.c(j) & (ANY_SAY | POST) == 0)
            .last()?;
        let j = (from.max(sa + 1)..=a).find(|&j| self.is_lower(j) && self.c(j) & INTERLUDE != 0)?;
        let e = &self.ents[self.ent_ending_at(self.toks[j - 1].span.end)?];
        (e.label == Label::Person).then_some(e)
    }

    /// A place the entity stage found, by itself, ends at token `j`.
    pub(super) fn place_ends_at(&self, j: usize) -> bool {
        self.ent_ending_at(self.toks[j].span.end)
            .is_some_and(|i| matches!(self.ents[i].label, Label::Gpe | Label::Loc))
    }

    /// The first token of the capitalised phrase ending at token `p`: back over capitalised
    /// words, `dan` between two of them, and bracketed acronyms, not past the sentence start
    /// `sa` or a word that opens a clause.
    fn cap_phrase_start(&self, p: usize, sa: usize) -> usize {
        let mut r = p;
        let lo = p.saturating_sub(MAX_PHRASE_TOKENS).max(sa);
        while r > lo {
            let q = r - 1;
            let joined = self.t(q) == "dan" && q > lo && self.is_cap(q - 1);
            let bracket = matches!(self.t(q), "(" | ")");
            let cap = self.is_cap(q) && self.c(q) & CLAUSE_LEAD == 0;
            if cap || bracket || joined {
                r = q;
            } else {
                break;
            }
        }
        // (a bracket left open at the phrase's start is not part of it)
        while r < p && matches!(self.t(r), "(" | ")") {
            r += 1;
        }
        r
    }

    /// The speaker a phrase ending in a place gives: the last person named inside it, else a
    /// role's earlier holder when it holds a title (`Ketua PPIH Debarkasi Medan`), else the
    /// phrase itself with no name.
    fn phrase_speaker(&self, phrase: Span) -> Speaker {
        if let Some(e) = self
            .ents_over(phrase)
            .filter(|e| e.label == Label::Person && phrase.contains(e.span))
            .last()
        {
            return entity_speaker(e.span, e);
        }
        let a = self.toks.partition_point(|t| t.span.start < phrase.start);
        let b = self.toks.partition_point(|t| t.span.start < phrase.end);
        if let Some(e) = self.person_before_interlude(a) {
            return entity_speaker(e.span, e);
        }
        // (the role from its first title on: a phrase opening with a name, `Gudidop Ketua PPIH
        // Lampung`, would send the holder search over every token)
        if let Some(t) = (a..b).find(|&j| self.c(j) & TITLE != 0) {
            let role = Span::new(self.toks[t].span.start, phrase.end);
            if let Some(s) = self.role_holder(role) {
                return Speaker { span: phrase, ..s };
            }
        }
        Speaker {
            span: phrase,
            id: None,
            canonical: None,
        }
    }
}
