//! Unmarked reported speech (kind `indirect`), sentence by sentence: `X mengatakan bahwa …`,
//! `Menurut X, …`, `…, kata X.`
//!
//! Without quote marks the claim's extent comes from the sentence and the cue, so the checks
//! here are about telling a reported proposition from a noun-phrase object (`menyatakan
//! dukungannya`): minimum lengths, a `bahwa` close to the verb, or a bare clause with a
//! predicate. Sentences already holding a direct quotation are left alone.

use rustc_hash::FxHashSet as HashSet;

use super::cues::*;
use super::marks::is_mark;
use super::{Cand, Discourse, Who};
use crate::span::{QuoteKind, Span};

/// Words after an object noun within which a demonstrative makes it a clause's subject.
const MAX_OBJECT_NOUN_PHRASE: usize = 5;
/// Tokens after `Menurut` within which the comma closing its speaker is looked for.
const MAX_ACCORDING_TOKENS: usize = 12;
/// The same when the speaker opens with a title and only a role and name stand before the
/// comma (a long role phrase before the name).
const MAX_ACCORDING_ROLE_TOKENS: usize = 20;
/// At most this many tokens between a speech verb and its `bahwa` (`mengatakan kepada
/// wartawan di Jakarta bahwa`); farther, the `bahwa` belongs to another clause.
const MAX_BEFORE_THAT: usize = 8;
/// The same after a recipient (`kepada X, role, bahwa`).
const MAX_BEFORE_THAT_RECIPIENT: usize = 14;
/// A bare claim has at least a subject, a predicate and a complement.
const MIN_CLAUSE_TOKENS: usize = 4;
/// Shortest affixed verb (`me-`+root of 4): shorter words with the prefix are nouns (`dia`).
const MIN_AFFIXED_VERB: usize = 6;

/// A claim before a post cue (`<claim>, kata X`) has at least three tokens.
const MIN_CLAIM_TOKENS: usize = 3;
/// Tokens a speaker may take after a cue that opens its sentence, up to the comma that
/// closes it (`Kata Kepala Dinas Pendidikan Kota Malang Suwarjana,`).
const MAX_OPENING_SPEAKER_TOKENS: usize = 10;

/// Shortest reported claim, in bytes: anything shorter is a fragment, not a proposition.
const MIN_CLAIM_BYTES: usize = 9;

/// The cue classes that can open a claim in [`Discourse::indirect`]: a token with none of them
/// opens none.
const CLAIM_CUES: u64 =
    ACCORDING | INITIAL_NYA | SAY | SAY_BAHWA | SAY_NOUN | PASSIVE_NYA | POST | POST_NYA;

impl<'a> Discourse<'a> {
    /// Unmarked reported speech, sentence by sentence.
    pub(super) fn indirect(&self, direct_opens: &[(usize, usize)], out: &mut Vec<Cand>) {
        let mut inside = vec![false; self.toks.len()];
        for &(o, c) in direct_opens {
            for v in inside.iter_mut().take(c + 1).skip(o) {
                *v = true;
            }
        }
        // Direct quotation spans (sorted, disjoint) and the starts of the claims kept so far.
        let mut directs: Vec<Span> = out
            .iter()
            .filter(|c| c.kind == QuoteKind::Direct)
            .map(|c| c.span)
            .collect();
        directs.sort_by_key(|s| s.start);
        let mut opens: Vec<usize> = direct_opens
            .iter()
            .map(|&(o, _)| self.toks[o].span.start)
            .collect();
        opens.sort_unstable();
        let mut starts: HashSet<usize> = directs.iter().map(|s| s.start).collect();
        let mut i = 0;
        let n = self.toks.len();
        while i < n {
            let (sa, sb) = self.sent[i];
            i = sb;
            #[allow(clippy::needless_range_loop)] // `k` also indexes tokens and classes
            for k in sa..sb {
                let c = self.c(k);
                // (most tokens open no claim: one test for all the cue classes below)
                // (nor a cue that opens a quoted fragment: `dan "memastikan kepentingan …"`)
                if c & CLAIM_CUES == 0 || inside[k] || k > sa && self.opening_mark_before(k) {
                    continue;
                }
                let found;
                if c & ACCORDING != 0 {
                    found = self.according_claim(k, sa, sb);
                } else if c & INITIAL_NYA != 0 && k == sa && self.t(k + 1) == "," {
                    // `Jelasnya, …`: the previous speaker's claim.
                    found = self.claim_after(k + 2, sb).map(|span| {
                        let cue = self.toks[k].span;
                        Cand::indirect(span, Who::Anaphor(cue), cue, "cue-nya-after")
                    });
                } else if c & (SAY | SAY_BAHWA) != 0 && !(k > sa && self.is_cap(k)) {
                    // (capitalised inside a sentence, a title's word: `film Asalkan Kau Bilang
                    // Cinta`)
                    found = self.verb_claim(k, k, sb);
                } else if c & SAY_NOUN != 0 && k > sa && self.c(k - 1) & GIVE != 0 {
                    // `X memberi gambaran, …`: the giving verb's subject says it.
                    found = self.verb_claim(k - 1, k, sb);
                } else if c & PASSIVE_NYA != 0 {
                    found = self.claim_after(k + 1, sb).map(|span| {
                        let cue = self.toks[k].span;
                        Cand::indirect(span, Who::Anaphor(cue), cue, "passive-nya")
                    });
                } else if c & (POST | POST_NYA) != 0 && k > sa && self.t(k - 1) == "," {
                    found = self.post_claim(k, sa, sb, false);
                } else if c & POST_OPENING != 0 && k == sa && self.is_cap(k) {
                    // `Kata Bima, Presiden …`: a cue that opens its sentence.
                    found = self.opening_post_claim(k, sb);
                } else if c & POST != 0 && k > sa && self.is_lower(k) && self.is_cap(k + 1) {
                    // `Secara total kata Budi, terdapat …`: a cue inside the sentence, no comma.
                    found = self.post_claim(k, sa, sb, true);
                } else {
                    continue;
                }
                let Some(mut f) = found else { continue };
                // Never run into a direct quotation of the same sentence.
                let o = opens.partition_point(|&o| o < f.span.start);
                if let Some(&o) = opens.get(o).filter(|&&o| o < f.span.end) {
                    f.span = self.trim_claim(Span::new(f.span.start, o));
                }
                // Overlapping claims are kept (`Menurut X, … setelah Y menyebutkan bahwa …`),
                // but never over a direct quotation or twice the same.
                let j = directs.partition_point(|d| d.end <= f.span.start);
                let over_direct = directs.get(j).is_some_and(|d| d.overlaps(f.span));
                if f.span.len() >= MIN_CLAIM_BYTES
                    && !over_direct
                    && !starts.contains(&f.span.start)
                {
                    starts.insert(f.span.start);
                    out.push(f);
                }
            }
        }
    }

    /// The claim from token `a` to the end of the sentence (`b` exclusive), without the final
    /// full stop; at least three words.
    fn claim_after(&self, a: usize, b: usize) -> Option<Span> {
        if a >= b {
            return None;
        }
        let words = (a..b).filter(|&k| self.is_word(k)).count();
        if words < 3 || is_mark(self.t(a)) {
            return None;
        }
        Some(self.trim_claim(self.span(a, b - 1)))
    }

    fn trim_claim(&self, s: Span) -> Span {
        let t = &self.text[s.start..s.end];
        let trimmed = t.trim_end_matches(|c: char| c.is_whitespace() || ".,;:".contains(c));
        self.trim(Span::new(s.start, s.start + trimmed.len()))
    }

    /// Tokens `a..b` are only clause connectors (`Namun`, `Tapi`, `Sementara itu`): a cue after
    /// them opens its sentence.
    fn connectors_only(&self, a: usize, b: usize) -> bool {
        a < b && (a..b).all(|j| self.c(j) & SUBJECT_LEAD != 0)
    }

    /// `Menurut X, …` / `…, menurut X, …`.
    fn according_claim(&self, m: usize, sa: usize, sb: usize) -> Option<Cand> {
        // (a long role phrase before the name, `Menurut Direktur Hukum dan Humas Ditjen
        // Kekayaan Negara (DJKN) Kemenkeu Tri Wahyuningsih Retno Mulyani, …`, may run further)
        let comma = (m + 1..sb.min(m + MAX_ACCORDING_TOKENS))
            .find(|&k| self.t(k) == ",")
            .or_else(|| {
                if self.cls.get(m + 1).is_none_or(|c| c & TITLE == 0) {
                    return None;
                }
                let end = sb.min(m + MAX_ACCORDING_ROLE_TOKENS);
                let k = (m + 1..end).find(|&k| self.t(k) == ",")?;
                // (no verb before that comma: `Menurut Presiden X kebijakan itu penting untuk
                // menjaga …, sehingga …` has no comma closing a speaker)
                (m + 1..k)
                    .all(|j| {
                        let w = self.t(j);
                        let verb = w.len() >= MIN_AFFIXED_VERB && self.cues.verb_prefix(w);
                        !self.is_lower(j) || !verb && w != "yang"
                    })
                    .then_some(k)
            });
        let cue = self.toks[m].span;
        if self.cls.get(m + 1).is_some_and(|c| c & ACCORDING_NOT != 0) {
            return None;
        }
        // A capitalised `Menurut` starts a sentence the splitter may have missed.
        let sa = if self.is_cap(m) { m } else { sa };
        let nya = self.t(m).to_ascii_lowercase().ends_with(CLITIC);
        let (who, span) = if nya && m + 1 < sb && self.t(m + 1) == "," || nya && m == sa {
            // `Menurutnya, …` / `Usulan itu, menurutnya, …`
            let after = if self.t(m + 1) == "," { m + 2 } else { m + 1 };
            let claim = if m > sa && self.t(m - 1) == "," {
                self.claim_after(sa, sb)?
            } else {
                self.claim_after(after, sb)?
            };
            (Who::Anaphor(cue), claim)
        } else {
            if nya && m > sa && self.is_lower(m) && self.bare_clause(m + 1, sb) {
                // `Situasi itu menurutnya akan …`: no commas; the whole sentence is the claim.
                let claim = self.claim_after(sa, sb)?;
                return Some(Cand::indirect(
                    claim,
                    Who::Anaphor(cue),
                    cue,
                    "according-to",
                ));
            }
            let comma = comma?;
            let who = self.according_who(m, comma)?;
            let claim = if m > sa + 2 && self.t(m - 1) == "," {
                // `<claim>, menurut X.`; `<start>, menurut X, <rest>`: the whole sentence
                let rest = (comma + 1..sb).filter(|&j| self.is_word(j)).count();
                if rest >= 2 && !self.apposition_at(comma + 1) {
                    self.trim_claim(self.span(sa, sb - 1))
                } else {
                    self.trim_claim(self.span(sa, m - 2))
                }
            } else if m == sa || self.t(m - 1) == "," || self.connectors_only(sa, m) {
                // `Menurut X, …`, `Namun menurut X, …` (`Menurut Ketua KPU, Hasyim Asyari,
                // …`: after the apposed name)
                let apposed = self
                    .apposed_person(m + 1, comma)
                    .map(|e| e.span)
                    .or_else(|| self.apposed_name(m + 1, comma));
                let from = match apposed {
                    Some(e) => {
                        let after = self.toks.partition_point(|t| t.span.start < e.end);
                        self.apposition_end(after).unwrap_or(after) + 1
                    }
                    None => comma + 1,
                };
                self.claim_after(from, sb)?
            } else {
                return None;
            };
            (who, claim)
        };
        Some(Cand::indirect(span, who, cue, "according-to"))
    }

    /// `X mengatakan (bahwa) …`, `X menegaskan, …`; `v` is the verb whose subject speaks and
    /// `e` the cue's last token (`memberi gambaran`: the noun).
    fn verb_claim(&self, v: usize, e: usize, sb: usize) -> Option<Cand> {
        let next = e + 1;
        if next >= sb {
            return None;
        }
        let cue = self.span(v, e);
        let (start, rule) = if self.c(next) & THAT != 0 {
            (next + 1, "verb-bahwa")
        } else if self.t(next) == "," {
            (next + 1, "verb-comma")
        } else if let Some(b) =
            (next..sb.min(next + self.reach_before_that(next))).find(|&k| self.c(k) & THAT != 0)
        {
            // `mengatakan kepada Kevin Rudd, Duta Besar Australia, bahwa …`: a recipient may
            // carry an apposition between commas; any other comma ends the verb's reach
            let recipient = self.recipient(next);
            if (next..b).any(|k| self.t(k) == "," && !recipient || is_mark(self.t(k))) {
                return None;
            }
            (b + 1, "verb-bahwa")
        } else if self.c(v) & SAY != 0 && self.bare_clause(next, sb)
            || self.c(v) & SAY_PREDICATE != 0 && self.bare_predicate(next)
        {
            (next, "verb-clause")
        } else {
            return None;
        };
        if start >= sb || is_mark(self.t(start)) {
            return None;
        }
        let span = self.claim_after(start, sb)?;
        let who = self.subject(v)?;
        Some(Cand::indirect(span, who, cue, rule))
    }

    /// `kepada`/`pada` at token `k` opens the recipient of a speech verb.
    fn recipient(&self, k: usize) -> bool {
        matches!(self.t(k), "kepada" | "pada")
    }

    /// How far after a speech verb (from token `next`) its `bahwa` may come: further after a
    /// recipient, which may carry an apposition (`kepada Kevin Rudd, Duta Besar …, bahwa`).
    fn reach_before_that(&self, next: usize) -> usize {
        if self.recipient(next) {
            MAX_BEFORE_THAT_RECIPIENT
        } else {
            MAX_BEFORE_THAT
        }
    }

    /// True when tokens `a..b` read as a clause rather than a noun phrase object: the first word
    /// is no preposition and no `-nya` noun (a time or frame word like `saat ini` may open it),
    /// and a predicate follows: a modal, an affixed verb (`me-`, `ber-`, `di-`, `ter-`) or a
    /// plain predicate word (`ada`, `naik`).
    fn bare_clause(&self, a: usize, b: usize) -> bool {
        if !self.is_word(a) || b < a + MIN_CLAUSE_TOKENS {
            return false;
        }
        let opener = self.c(a) & CLAUSE_OPENER != 0;
        // `menjelaskan lebih lanjut`, `menyebut lebih rinci`: how it is said, not a claim
        if self.manner_lebih(a) {
            return false;
        }
        if self.c(a) & CONTEXT != 0 && !opener {
            return false;
        }
        // `menjelaskan alasan ia menunda …` is an object; `menjelaskan langkah ini merupakan …`
        // (the noun made definite by a demonstrative, then a predicate) a claim.
        if self.c(a) & OBJECT_NOUN != 0
            && self.c(a - 1) & SAY_CLAUSE == 0
            && !(a + 1..b.min(a + 1 + MAX_OBJECT_NOUN_PHRASE))
                .any(|k| self.c(k) & DEMONSTRATIVE != 0)
        {
            return false;
        }
        // `menyebut ada …`: a plain predicate opens a clause, and so does an intransitive
        // affixed verb (`menyebut terjadi fenomena …`, `mengatakan berencana …`).
        if self.c(a) & PREDICATE != 0 || self.intransitive_verb(a) {
            return true;
        }
        // `mengungkapkan pihaknya senang …`, `mengatakan dirinya kecewa …`: a pronoun subject
        // and a plain predicate after it
        if (self.c(a) & PRON != 0 || self.t(a).eq_ignore_ascii_case("pihaknya"))
            && self.bare_predicate(a + 1)
        {
            return true;
        }
        // `menyebut kedatangannya untuk membahas …`, `menekankan pentingnya menjaga …`: a
        // `-nya` noun opens a claim only when a predicate follows within three words, before
        // any `yang` (else it is a noun phrase object: `menyebut kekecewaannya terhadap
        // keputusan yang diambil`).
        // (`menekankan pentingnya keadilan bagi …`: a frame noun is the claim's predicate)
        let nya_noun = self.t(a).to_lowercase().ends_with(CLITIC);
        if opener && nya_noun {
            return true;
        }
        if nya_noun && self.c(a) & PRON == 0 {
            return (a + 1..b.min(a + 4))
                .take_while(|&k| !self.t(k).eq_ignore_ascii_case("yang"))
                .any(|k| self.is_predicate(k));
        }
        // `menyebutkan tak ada …`: a negation or modal opens a clause.
        if self.c(a) & MODAL != 0 && self.c(a) & FUNC != 0 {
            return true;
        }
        (a + 1..b).any(|k| self.is_predicate(k))
    }

    /// A quotation mark glued to token `k` opens a quoted fragment that starts with it (a
    /// closing mark stands after a space: `warung "Sederhana" mengatakan`).
    fn opening_mark_before(&self, k: usize) -> bool {
        is_mark(self.t(k - 1)) && self.toks[k - 1].span.end == self.toks[k].span.start
    }

    /// `lebih` at token `k` says how something is told (`lebih lanjut`, `lebih banyak
    /// detail`), not what is claimed: no predicate then.
    fn manner_lebih(&self, k: usize) -> bool {
        self.t(k).eq_ignore_ascii_case("lebih")
            && matches!(
                self.t(k + 1),
                "lanjut" | "jauh" | "rinci" | "detail" | "dalam" | "jelas" | "banyak" | "lengkap"
            )
    }

    /// A lower-case intransitive affixed verb (`ter-`, `ber-`): a predicate with no object.
    fn intransitive_verb(&self, k: usize) -> bool {
        let w = self.t(k);
        self.is_lower(k)
            && self.c(k) & (FUNC | CONTEXT) == 0
            && w.len() >= MIN_AFFIXED_VERB
            && (w.starts_with("ter") || w.starts_with("ber"))
    }

    /// A lower-case modal, plain predicate or affixed verb (`me-`, `ber-`, `di-`, `ter-`).
    fn is_predicate(&self, k: usize) -> bool {
        let w = self.t(k);
        self.is_lower(k)
            && !self.manner_lebih(k)
            && (self.c(k) & (MODAL | PREDICATE) != 0
                || self.c(k) & (FUNC | CONTEXT) == 0
                    && w.len() >= MIN_AFFIXED_VERB
                    && self.cues.verb_prefix(w))
    }

    /// `mengaku senang …`, `mengaku belum menerima …`: a predicate right after the verb (a
    /// plain word that is no preposition, context word or `-nya` noun).
    fn bare_predicate(&self, a: usize) -> bool {
        self.is_lower(a)
            && self.c(a) & (CONTEXT | ACCORDING | ANY_SAY) == 0
            && (self.c(a) & FUNC == 0 || self.c(a) & MODAL != 0)
            && !self.t(a).to_lowercase().ends_with(CLITIC)
    }

    /// After `kata X,`: the words at `j` describe X (`psikolog di Jakarta`, `RDN, salah satu
    /// pendiri …`) rather than continue the claim: a title or role word, an acronym, or
    /// `salah satu`.
    fn apposition_at(&self, j: usize) -> bool {
        let w = self.t(j);
        self.c(j) & TITLE != 0
            || w.eq_ignore_ascii_case("selaku")
            || w.eq_ignore_ascii_case("sebagai")
            || w.chars().count() >= 2 && w.chars().all(|c| c.is_uppercase())
            || w.eq_ignore_ascii_case("salah") && self.t(j + 1).eq_ignore_ascii_case("satu")
    }

    /// `Kata Bima, Presiden Prabowo telah memberi arahan …`: a speech verb that opens its
    /// sentence with its speaker, closed by a comma within a few words: the claim is the rest
    /// of the sentence.
    fn opening_post_claim(&self, k: usize, sb: usize) -> Option<Cand> {
        // (a name or a pronoun: not `Tambah lagi, …`, `Cerita ini bukan hanya …, tapi …`)
        if !(self.is_cap(k + 1) || k + 1 < sb && self.personal_pronoun(self.toks[k + 1].span)) {
            return None;
        }
        let who = self.speaker_after(k + 1)?;
        let comma = (k + 2..sb.min(k + 2 + MAX_OPENING_SPEAKER_TOKENS))
            .take_while(|&j| !is_mark(self.t(j)))
            .find(|&j| self.t(j) == ",")?;
        let span = self.claim_after(comma + 1, sb)?;
        Some(Cand::indirect(span, who, self.toks[k].span, "cue-after"))
    }

    /// `<claim>, kata X.` and `<start>, kata X, <rest>.` without quote marks.
    /// `glued`: no comma before the cue, so only the mid-sentence form (`…, <rest>`) counts.
    fn post_claim(&self, k: usize, sa: usize, sb: usize, glued: bool) -> Option<Cand> {
        // (one word before a mid-sentence cue is enough: `Pemerintah, kata dia, akan …`)
        if (sa..k).any(|j| is_mark(self.t(j))) || !(sa..k).any(|j| self.is_word(j)) {
            return None;
        }
        let before = if glued { 1 } else { MIN_CLAIM_TOKENS };
        let cue = self.toks[k].span;
        let (who, rule) = if self.c(k) & POST_NYA != 0 {
            (Who::Anaphor(cue), "cue-nya-after")
        } else {
            (self.speaker_after(k + 1)?, "cue-after")
        };
        // Where does the speaker end? At the next comma (mid-sentence cue) or the sentence end.
        let sb = (k + 1..sb).find(|&j| is_mark(self.t(j))).unwrap_or(sb);
        let comma = (k + 1..sb).find(|&j| self.t(j) == ",");
        let span = match comma {
            Some(c)
                if (c + 1..sb).filter(|&j| self.is_word(j)).count() >= 2
                    && !self.apposition_at(c + 1) =>
            {
                // Mid-sentence: the whole sentence is the claim.
                self.trim_claim(self.span(sa, sb - 1))
            }
            _ if !glued && k >= sa + before => self.trim_claim(self.span(sa, k - 2)),
            _ => return None,
        };
        Some(Cand::indirect(span, who, cue, rule))
    }
}
