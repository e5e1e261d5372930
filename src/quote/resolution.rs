//! Pass 3: speakers, resolved in text order, from each quotation's [`Who`] to a [`Speaker`]
//! with a canonical name where something supports one.
//!
//! Order matters: pronouns, `-nya` words and cue-less continuation paragraphs go to the last
//! speaker or the most recent person mentioned outside quotes. Names come from the entity
//! stage where it found them; otherwise short forms are tied to an earlier full name
//! (`Peskov` → `Dmitry Peskov`), acronyms to their `Full Name (ACR)` definition, and a role
//! without a name (`juru bicara Kremlin`) to the person who held it earlier in the article.
//! When nothing supports a speaker it stays `None`.

use rustc_hash::FxHashMap as HashMap;
use std::sync::Arc;

use crate::text_index::TextIndex;

use super::cues::*;
use super::{Cand, Discourse, Who, FRAME_RULE};
use crate::entity::{W_LOOSE, W_STRICT, W_TITLE};
use crate::span::{Entity, Label, Quote, QuoteKind, Span, Speaker, ZoneKind};

/// Shortest acronym (in characters) looked up in `Full Name (ACR)` definitions.
const MIN_ACRONYM: usize = 2;
/// Longest acronym expansion, in words (longer capitalised runs are headlines, not names).
const MAX_EXPANSION_WORDS: usize = 6;

/// Known names sharing a short form's first word that are tried for it (real articles have a
/// handful).
const MAX_SHORT_FORM_CANDIDATES: usize = 64;

/// Words a full name may run past a known short form (`Yoon` → `Yoon Suk Yeol`).
const MAX_NAME_TAIL: usize = 2;

/// Canonical names already given to speakers, in order, indexed by word.
///
/// The word index is one hash map from a word's hash to its newest entry, and one vector of
/// entries each pointing back to the previous entry of the same hash: walking that chain
/// gives the names with a word latest first, as the lookups want them, and the whole index
/// takes a few growing allocations per document where a map of owned words to vectors took
/// two per new word.
#[derive(Default)]
pub(super) struct Known {
    list: Vec<(Arc<str>, Option<Arc<str>>)>,
    /// word hash -> newest entry of `words` with it
    heads: rustc_hash::FxHashMap<u64, u32>,
    words: Vec<KnownWord>,
    /// The canonicals in `list`, to tell a known one without a search.
    listed: rustc_hash::FxHashSet<Arc<str>>,
}

/// One word of a listed name: the name's number, the word's bytes in its canonical, and the
/// previous entry whose word has the same hash.
struct KnownWord {
    name: usize,
    start: usize,
    end: usize,
    prev: Option<u32>,
}

/// Tokens [`Discourse::passive_after`] looks past for a passive verb after a name.
const MAX_BEFORE_PASSIVE: usize = 6;

fn word_hash(w: &str) -> u64 {
    use std::hash::BuildHasher;
    rustc_hash::FxBuildHasher.hash_one(w)
}

impl Known {
    fn add(&mut self, canon: &Arc<str>, id: &Option<Arc<str>>) {
        if self.list.iter().rev().take(1).any(|(k, _)| k == canon) {
            return;
        }
        // (A name without words is never "known": it was never listed under a word.)
        let known = canon.split_whitespace().next().is_some() && self.listed.contains(canon);
        if !known {
            self.listed.insert(canon.clone());
            let name = self.list.len();
            let own = self.words.len();
            for w in canon.split_whitespace() {
                // a word repeated inside one name ("… dan … dan …") is listed once
                if self.words[own..]
                    .iter()
                    .any(|x| &canon[x.start..x.end] == w)
                {
                    continue;
                }
                let start = w.as_ptr() as usize - canon.as_ptr() as usize;
                let at = self.words.len() as u32;
                let prev = self.heads.insert(word_hash(w), at);
                let end = start + w.len();
                self.words.push(KnownWord {
                    name,
                    start,
                    end,
                    prev,
                });
            }
            self.list.push((canon.clone(), id.clone()));
        }
    }

    /// `canon` has been a speaker's canonical name.
    fn has(&self, canon: &str) -> bool {
        self.listed.contains(canon)
    }

    /// The latest of the nearest names with the word `first` that `fits`, as the speaker at
    /// `span` (only [`MAX_SHORT_FORM_CANDIDATES`] are tried: see [`Discourse::short_form`]).
    fn speaker(&self, span: Span, first: &str, fits: impl Fn(&str) -> bool) -> Option<Speaker> {
        let (canon, id) = self
            .with_word(first)
            .take(MAX_SHORT_FORM_CANDIDATES)
            .map(|i| &self.list[i])
            .find(|(c, _)| fits(c))?;
        Some(Speaker {
            span,
            id: id.clone(),
            canonical: Some(canon.clone()),
        })
    }

    /// The numbers of the names with the word `word`, latest first.
    fn with_word<'s>(&'s self, word: &'s str) -> impl Iterator<Item = usize> + 's {
        let mut at = self.heads.get(&word_hash(word)).copied();
        std::iter::from_fn(move || loop {
            let x = &self.words[at? as usize];
            at = x.prev;
            if &self.list[x.name].0[x.start..x.end] == word {
                return Some(x.name);
            }
        })
    }
}

/// Farthest a bare quotation may stand from its speaker's last cue, in paragraphs.
const MAX_CONTINUATION_PARAGRAPHS: u32 = 3;
/// Organisations looked at, latest first, for a demonstrative body phrase (`perusahaan itu`).
const MAX_BODY_ANTECEDENTS: usize = 30;

/// The current speaker and the byte offset of the cue that made them so.
type Last = Option<(usize, Speaker)>;

impl<'a> Discourse<'a> {
    fn acronyms(&self) -> &HashMap<&'a str, String> {
        self.acronyms.get_or_init(|| {
            let mut x: HashMap<&'a str, String> = HashMap::default();
            for k in 2..self.toks.len() {
                if self.t(k - 1) == "(" && self.t(k + 1) == ")" {
                    let acr = self.t(k);
                    if acr.chars().count() >= MIN_ACRONYM && !x.contains_key(acr) {
                        if let Some(full) = self.expansion_before(k - 2) {
                            x.insert(acr, full);
                        }
                    }
                }
            }
            x
        })
    }

    /// Resolves speakers in text order: each candidate's speaker from its [`Who`], then the
    /// current speaker and the known names updated for the candidates after it.
    pub(super) fn resolve(&self, cands: Vec<Cand>, quoted: &[Span]) -> Vec<Quote> {
        // People named inside a reported claim (`Prabowo mengatakan dirinya dan Abdullah II
        // …`) are talked about, like people inside quotation marks: never the next `dia`.
        let mut reported = quoted.to_vec();
        reported.extend(
            cands
                .iter()
                .filter(|c| c.kind == QuoteKind::Indirect && c.rule != FRAME_RULE)
                .map(|c| c.span),
        );
        let persons = self.salient_persons(&reported);
        let mut last: Last = None;
        let mut known = Known::default();
        let mut out = Vec::with_capacity(cands.len());
        for c in cands {
            let speaker = self.speaker_of(&c, &persons, &last, &known);
            if c.rule == FRAME_RULE {
                // A speech frame moves the current speaker to a person, and reports nothing.
                if let Some(s) = speaker.filter(|s| self.is_person(s)) {
                    if let Some(canon) = &s.canonical {
                        known.add(canon, &s.id);
                    }
                    last = Some((c.at, s));
                }
                continue;
            }
            let rule = match (&c.who, &speaker) {
                (Who::Continuation, None) => "no-cue",
                _ => c.rule,
            };
            if let Some(s) = &speaker {
                self.remember(&c, s, &mut last, &mut known);
            }
            out.push(Quote {
                span: c.span,
                kind: c.kind,
                speaker,
                cue: c.cue,
                rule,
                zone: None,
            });
        }
        out
    }

    /// Person mentions outside quotations and in the article's running text (not a photo
    /// credit or a related link), in text order: the people a pronoun may point to.
    fn salient_persons(&self, quoted: &[Span]) -> Vec<&'a Entity> {
        let mut quoted = quoted.to_vec();
        quoted.sort_by_key(|q| q.start);
        // spans may overlap (a claim around a quotation): the furthest end reached so far
        let mut reach = Vec::with_capacity(quoted.len());
        for q in &quoted {
            let before = reach.last().copied().unwrap_or(0);
            reach.push(q.end.max(before));
        }
        let in_quote = |e: &Entity| {
            let i = quoted.partition_point(|q| q.start <= e.span.start);
            i > 0 && reach[i - 1] >= e.span.end
        };
        self.ents
            .iter()
            .filter(|e| e.label == Label::Person && !in_quote(e) && self.body_like(e.span))
            .filter(|e| !self.credited(e.span) && !self.kin_named(e.span))
            .collect()
    }

    /// The person at `span` names whose relative the phrase around it is: `kakak Bella Hadid
    /// itu`, `mantan istri Teuku Ryan tersebut` stand for someone else, the one the article
    /// is about, so the named person takes no later `ujarnya`.
    pub(super) fn kin_named(&self, span: Span) -> bool {
        let a = self.toks.partition_point(|t| t.span.start < span.start);
        let b = self.toks.partition_point(|t| t.span.start < span.end);
        a > 0
            && b < self.toks.len()
            && self.is_lower(a - 1)
            && self.c(a - 1) & KIN != 0
            && self.c(b) & DEMONSTRATIVE != 0
    }

    /// The person at `span` follows a credit label and its colon (`Editor: Putri W`,
    /// `(Reporter: Shinta Dwi | Editor: …)`): whoever wrote or edited the article, never the
    /// one a later `ujarnya` means, wherever the page's zones put the credit.
    fn credited(&self, span: Span) -> bool {
        static LABELS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
        let labels = LABELS.get_or_init(|| {
            crate::layout::credit_labels()
                .into_iter()
                .map(|(label, _)| label)
                .filter(|l| !l.contains(' '))
                .collect()
        });
        let a = self.toks.partition_point(|t| t.span.start < span.start);
        a >= 2
            && self.t(a - 1) == ":"
            && labels.iter().any(|l| self.t(a - 2).eq_ignore_ascii_case(l))
    }

    /// The speaker of candidate `c` by the kind of its [`Who`]: none, the current speaker for
    /// a bare quotation that is close to it, the phrase itself for a bare one (`kata seorang
    /// warga`), the salient person behind a pronoun (`ujarnya`), or a resolved name.
    fn speaker_of(
        &self,
        c: &Cand,
        persons: &[&Entity],
        last: &Last,
        known: &Known,
    ) -> Option<Speaker> {
        match c.who {
            Who::Nobody => None,
            // A bare quotation goes on the current speaker's words only when that speaker
            // (or a person just named as a subject) is close: otherwise no one, rather than
            // whichever name came last (a photo credit, a club).
            Who::Continuation => self
                .salient(persons, last, c.at, None)
                .filter(|s| self.continues(s, last, c.at)),
            Who::Bare(span) => Some(Speaker {
                span,
                id: None,
                canonical: None,
            }),
            Who::Anaphor(span) => {
                // `kata perusahaan itu`, `ungkap kementerian tersebut`: a body, not a person
                if let Some(body) = self.body_anaphor(span) {
                    return Some(body);
                }
                // (`Menantu Presiden Joko Widodo ini mengaku`: a person named inside the
                // phrase is whose relative or colleague it means, not whom)
                let inside = |e: &&Entity| span.start <= e.span.start && e.span.end <= span.end;
                let word = span.as_str(self.text).to_lowercase();
                let clitic = !word.contains(' ') && word.ends_with(CLITIC) && word != "dirinya";
                let clitic = clitic.then_some(known);
                // (the persons are in text order: only those starting inside the span are
                // looked at, not the whole list per cue)
                let from = persons.partition_point(|e| e.span.start < span.start);
                let any_inside = persons[from..]
                    .iter()
                    .take_while(|e| e.span.start < span.end)
                    .any(inside);
                // (looked for from the quotation's start when the cue follows it: a quotation
                // of several sentences would otherwise leave the sentence before it, where a new
                // speaker is introduced, out of reach)
                let at = c.at.min(c.span.start);
                let salient = if any_inside {
                    let rest: Vec<&Entity> =
                        persons.iter().copied().filter(|e| !inside(e)).collect();
                    self.salient(&rest, last, at, clitic)
                } else {
                    self.salient(persons, last, at, clitic)
                };
                let s = match salient {
                    Some(s) if self.personal_pronoun(span) && self.is_body(&s) => {
                        last_person(persons, c.at).map(|e| entity_speaker(e.span, e))
                    }
                    other => other,
                };
                // (a person the quotation itself names is talked about, not talking: `Erick
                // Thohir merupakan sosok tepat …. "Kalau hasil survei Erick Thohir …,"
                // ungkapnya` is still the analyst's)
                // (only a person: `last` may be a body)
                let s = match (s, last) {
                    (Some(s), Some((_, l)))
                        if l.canonical.is_some()
                            && l.canonical != s.canonical
                            && !self.is_body(l)
                            && self.named_in(c.span, &s) =>
                    {
                        Some(l.clone())
                    }
                    // (with no other speaker to keep, nobody: `Usman Hamid mendesak agar
                    // Anwar Usman mundur. "… Anwar Usman harus mundur," ujarnya` is not Anwar
                    // Usman's, whoever the rules missed)
                    (Some(s), l)
                        if self.is_person(&s)
                            && l.as_ref().is_none_or(|(_, l)| l.canonical != s.canonical)
                            && self.named_in(c.span, &s) =>
                    {
                        None
                    }
                    (s, _) => s,
                };
                Some(Speaker {
                    span,
                    id: s.as_ref().and_then(|s| s.id.clone()),
                    canonical: s.and_then(|s| s.canonical),
                })
            }
            // (a place at the end of a longer phrase is no speaker: `PLN UID Lampung`)
            Who::Mention(span) => Some(
                self.place_inside_phrase(span)
                    .unwrap_or_else(|| self.name(span, known)),
            ),
        }
    }

    /// The quotation at `quote` names `who` (a word of four letters or more of its canonical
    /// name, as a whole word: Indonesian speakers name others by first name as often as by
    /// surname, `Pak Bobby`, `Anies`): someone the speaker talks about.
    fn named_in(&self, quote: Span, who: &Speaker) -> bool {
        let Some(canon) = who.canonical.as_deref() else {
            return false;
        };
        let q = quote.as_str(self.text);
        canon
            .split(' ')
            .filter(|w| w.chars().count() >= 4)
            .any(|w| {
                q.match_indices(w).any(|(i, _)| {
                    let before = q[..i].chars().next_back();
                    let after = q[i + w.len()..].chars().next();
                    !before.is_some_and(char::is_alphanumeric)
                        && !after.is_some_and(char::is_alphanumeric)
                })
            })
    }

    /// The person at `span` is the subject of a passive verb (`Henry dinilai pantas …`,
    /// `Budi ditangkap …`): talked about, not talking, so no new current speaker. A lower-case
    /// `di…` word of five letters or more right after the name (or after `juga`/`pun`).
    ///
    /// Also further on, past a joined subject and adverbs of time or aspect (`Jokowi dan PDIP
    /// saat ini disebut sudah berbeda arah`): the sentence is about them. Not a passive of
    /// being asked (`Aris saat dikonfirmasi … mengaku`): that subject is about to answer.
    fn passive_after(&self, span: Span) -> bool {
        let mut j = self.toks.partition_point(|t| t.span.start < span.end);
        let end = self.toks.len().min(j + MAX_BEFORE_PASSIVE);
        while j < end {
            let w = self.toks[j].span.as_str(self.text);
            let passive = w.len() >= 5
                && w.starts_with("di")
                && w[2..].starts_with(|c: char| c.is_ascii_lowercase());
            if passive {
                return self.c(j) & ADDRESSED == 0;
            }
            // (cue classes: `juga`, `telah` adverb; `sudah`, `masih` modal; `saat`, `kini`
            // clause-opener; `ini` demonstrative)
            let between = ADVERB | MODAL | CLAUSE_OPENER | DEMONSTRATIVE;
            if matches!(w, "dan" | "serta") {
                // (the word joined on: `Anton dan stafnya …`)
                j += 1;
            } else if !self.is_cap(j) && self.c(j) & between == 0 {
                return false;
            }
            j += 1;
        }
        false
    }

    /// A demonstrative phrase headed by a body noun (`kementerian tersebut`, `yayasan itu`:
    /// class `body-noun`) points back to an organisation named with that noun, never to the
    /// salient person: the latest organisation in running text before it whose name or
    /// canonical name opens with the noun (`Kementerian Luar Negeri Israel`, also when written
    /// `Kemlu Israel`). None when `span` is no such phrase or no such organisation is named:
    /// the usual anaphor rule decides then (a company called `perusahaan itu` is usually the
    /// current speaker already).
    fn body_anaphor(&self, span: Span) -> Option<Speaker> {
        let text = span.as_str(self.text);
        let mut words = text.split_whitespace();
        let head = words.next()?;
        if words.next().is_none() || self.cues.class(head) & BODY_NOUN == 0 {
            return None;
        }
        let opens = |s: &str| {
            s.split_whitespace()
                .next()
                .is_some_and(|w| w.eq_ignore_ascii_case(head))
        };
        let e = self.ents[..self.ents.partition_point(|e| e.span.start < span.start)]
            .iter()
            .rev()
            .filter(|e| e.label == Label::Org && self.body_like(e.span))
            .take(MAX_BODY_ANTECEDENTS)
            .find(|e| opens(e.span.as_str(self.text)) || opens(&e.canonical))?;
        Some(entity_speaker(span, e))
    }

    /// Who `dia` or `ujarnya` at byte `at` stands for: the last speaker goes on unless a
    /// person is named after it, close to the cue (this sentence or the one before, or one
    /// more when that one opens with a pronoun that carries the subject on: `Sementara itu,
    /// Ketua Tim Abd Syarif …. Dia berjanji … kepada Syamsu Djalal. "…," ucapnya.`) and as a
    /// subject (`Budi lalu menambahkan`): a new subject. The latest such person wins, not the
    /// latest person: one named in passing after the subject (`… kepada Syamsu Djalal`) does
    /// not hide it.
    ///
    /// For a `-nya` cue (`clitic`: the speakers known so far), a person the article named
    /// before the current speaker took the floor, and who has not spoken, is no new subject
    /// (see [`Discourse::named_before`]); one who spoke before may take the floor back
    /// (`Kimberly Ryder menolak keduanya. Menurutnya …`), and a pronoun (`Ia menegaskan`)
    /// after a sentence about someone is theirs.
    fn salient(
        &self,
        persons: &[&Entity],
        last: &Last,
        at: usize,
        clitic: Option<&Known>,
    ) -> Option<Speaker> {
        let Some((lp, s)) = last else {
            // no one spoke yet: the last person named as a subject nearby (`Maia kembali …
            // sebagai istri Irwan Mussry. "…," ujarnya` is Maia's), else the last named
            let window = self.salience_window(at);
            let upto = persons.partition_point(|e| e.span.end <= at);
            let subject = persons[..upto]
                .iter()
                .rev()
                .take_while(|e| e.span.start >= window)
                .find(|e| self.subject_position(e.span) && !self.passive_after(e.span));
            return subject
                .copied()
                .or_else(|| last_person(persons, at))
                .map(|e| entity_speaker(e.span, e));
        };
        let window = self.salience_window(at);
        let upto = persons.partition_point(|e| e.span.end <= at);
        // (an earlier person than the last must open its sentence: one after a comma may be
        // an item of a list, `Mulai dari Menko Zulkifli Hasan, Menteri Amran Sulaiman, …`)
        let subject = persons[..upto]
            .iter()
            .rev()
            .enumerate()
            .take_while(|(_, e)| e.span.start >= window && e.span.start > *lp)
            .find(|&(nth, e)| {
                let topic = clitic.is_some_and(|known| {
                    s.canonical.as_ref() != Some(&e.canonical)
                        && !known.has(&e.canonical)
                        && self.is_person(s)
                        && self.named_before(e, *lp)
                });
                !(s.span.end <= *lp && self.same_sentence(*lp, e.span.start) || topic)
                    && self.subject_position(e.span)
                    && !self.subordinate_subject(e.span)
                    && (nth == 0 || self.opens_sentence(e.span))
                    && !self.passive_after(e.span)
            })
            .map(|(_, e)| e);
        Some(match subject {
            Some(e) => entity_speaker(e.span, e),
            // `Kemenkop UKM memastikan …. Ia percaya …. "…," katanya.`: a sentence opening
            // with `Ia` after a body's words says a person talks again: the last one named
            None if self.is_body(s) && self.pronoun_subject_between(*lp, at) => {
                match last_person(persons, at) {
                    Some(e) => entity_speaker(e.span, e),
                    None => s.clone(),
                }
            }
            None => s.clone(),
        })
    }

    /// The person `e` was named before byte `at`, where the current speaker took the floor:
    /// someone the article is about, not a new voice. `Survei … Ruli mengatakan …. "…,"
    /// ujarnya. … Anies unggul di Madura. "…," ujarnya.`: the candidate named in the lead and
    /// again between two quotes of the pollster does not take his `ujarnya` (a speech frame
    /// would: `Anies mengatakan …`).
    fn named_before(&self, e: &Entity, at: usize) -> bool {
        let first = self.first_named.get_or_init(|| {
            let mut m: HashMap<&'a str, usize> = HashMap::default();
            for p in self.ents.iter().filter(|p| p.label == Label::Person) {
                m.entry(&*p.canonical).or_insert(p.span.start);
            }
            m
        });
        first.get(&*e.canonical).is_some_and(|&x| x < at)
    }

    /// A sentence that opens with a personal pronoun starts between bytes `from` and `to`.
    fn pronoun_subject_between(&self, from: usize, to: usize) -> bool {
        let a = self.toks.partition_point(|t| t.span.start <= from);
        let b = self.toks.partition_point(|t| t.span.start < to);
        (a..b).any(|k| self.sent[k].0 == k && self.personal_pronoun(self.toks[k].span))
    }

    /// Where a new subject must stand to take a `-nya` or pronoun cue at byte `at`: the
    /// sentence before the cue's, or the one before that when the sentence between opens
    /// with a personal pronoun (`Dia berjanji …`), which carries the older subject on.
    fn salience_window(&self, at: usize) -> usize {
        let start = self.recent_start(at);
        let k = self.toks.partition_point(|t| t.span.start < start);
        let opens_with_pronoun = self
            .toks
            .get(k)
            .is_some_and(|t| self.personal_pronoun(t.span));
        if opens_with_pronoun && start > 0 {
            self.recent_start(start)
        } else {
            start
        }
    }

    /// `ia`, `dia`, `beliau`: a person, never the organisation that spoke last (`Formmapi
    /// menyebut … Ia menjelaskan`: a person of the body). The clitic `-nya` may stand for a
    /// body (`tulisnya` after a ministry's statement), so it is not one.
    pub(super) fn personal_pronoun(&self, span: Span) -> bool {
        let w = span.as_str(self.text);
        ["ia", "dia", "beliau"]
            .iter()
            .any(|p| p.eq_ignore_ascii_case(w))
    }

    /// The speaker is an organisation or place the entity stage found.
    fn is_body(&self, s: &Speaker) -> bool {
        self.ent_at(s.span)
            .is_some_and(|i| self.ents[i].label != Label::Person)
    }

    /// After a quotation with speaker `s`: a resolved name becomes known and the current
    /// speaker; so does a name nobody resolved, or an unnamed single source (`kata seorang
    /// warga`), so that a later `ujarnya` is theirs (with no canonical), not an earlier
    /// person's. A place inside a phrase that names nobody (`… Dana Desa Eva mengungkapkan`)
    /// leaves the floor as it was: who spoke is unknown, not someone new.
    fn remember(&self, c: &Cand, s: &Speaker, last: &mut Last, known: &mut Known) {
        // (a claim of a clause inside another, `… lantaran Adhi mengaku sedih`, is reported
        // in passing: its speaker is known, the floor stays)
        let passing = c.kind == QuoteKind::Indirect
            && matches!(c.who, Who::Mention(m) if self.subordinate_subject(m));
        if let Some(canon) = &s.canonical {
            known.add(canon, &s.id);
            if !passing {
                *last = Some((c.at, s.clone()));
            }
        } else if !passing
            && matches!(c.who, Who::Mention(m)
            if !self.group(m) && !self.nameless_place(m) && !self.generic_body(m))
            || matches!(c.who, Who::Bare(b) if self.single_source(c, b))
        {
            *last = Some((c.at, s.clone()));
        }
    }

    /// `Polisi mengatakan …`, `Perusahaan menyebut …`: one word for a kind of body, no name.
    /// Its words are its spokesperson's, so it does not take the floor from the person named
    /// before it (`kata Kasat Reskrim AKBP Bambang …. Polisi mengatakan …. "…," ucapnya` is
    /// Bambang's).
    fn generic_body(&self, m: Span) -> bool {
        let w = m.as_str(self.text);
        !w.contains(' ') && self.cues.class(w) & BODY_NOUN != 0
    }

    /// The speaker `s` chosen for a bare quotation at byte `at` is close enough: the last
    /// speaker, set at most [`MAX_CONTINUATION_PARAGRAPHS`] paragraphs back, or a person named
    /// as a subject in this sentence or the one before.
    fn continues(&self, s: &Speaker, last: &Last, at: usize) -> bool {
        let para_of = |pos: usize| {
            let k = self.toks.partition_point(|t| t.span.start < pos);
            self.p(k.min(self.toks.len().saturating_sub(1)))
        };
        let here = para_of(at);
        match last {
            Some((lp, ls)) if ls.span == s.span => {
                here.saturating_sub(para_of(*lp)) <= MAX_CONTINUATION_PARAGRAPHS
            }
            _ => s.span.start >= self.recent_start(at) && self.subject_position(s.span),
        }
    }

    /// Bytes `x` and `y` lie in one sentence: a person named after the speech verb whose
    /// subject is the current speaker (`Agung meminta, Prabowo sebagai presiden bisa …`) is
    /// inside the claim, talked about. (After a cue that precedes its speaker, `ujar
    /// Kapuspenkum Kejagung, Harli Siregar`, a name later in the sentence is the speaker's.)
    fn same_sentence(&self, x: usize, y: usize) -> bool {
        let sentence = |pos: usize| {
            let k = self.toks.partition_point(|t| t.span.start < pos);
            self.sent[k.min(self.toks.len() - 1)].0
        };
        sentence(x) == sentence(y)
    }

    /// Byte offset where the sentence before the one holding byte `at` starts.
    fn recent_start(&self, at: usize) -> usize {
        let k = self
            .toks
            .partition_point(|t| t.span.start < at)
            .min(self.toks.len() - 1);
        let sa = self.sent[k].0;
        let prev = sa.checked_sub(1).map_or(sa, |j| self.sent[j].0);
        self.toks[prev].span.start
    }

    /// True when `span` lies in running text: not in related links, page furniture, credits or
    /// captions (with no zones known, everywhere counts).
    fn body_like(&self, span: Span) -> bool {
        let i = self.zones.partition_point(|z| z.span.end <= span.start);
        match self.zones.get(i).filter(|z| z.span.start <= span.start) {
            Some(z) => matches!(z.kind, ZoneKind::Body | ZoneKind::Title),
            None => true,
        }
    }

    /// The speaker for a name or role mention, by the first rule that finds one: an entity
    /// resolved to a longer name, a role's earlier holder, a short form of a known full name,
    /// the entity there, a defined acronym, an earlier longer name, or the words themselves.
    fn name(&self, span: Span, known: &Known) -> Speaker {
        let text = span.as_str(self.text);
        let words: Vec<&str> = text.split_whitespace().collect();
        let exact = self.ent_at(span).map(|i| &self.ents[i]);
        // An entity the entity stage resolved to something longer than its own text.
        if let Some(e) = exact.filter(|e| *e.canonical != *text) {
            return entity_speaker(span, e);
        }
        let lower = text.chars().next().is_some_and(char::is_lowercase);
        // (by the tokens' classes: a kind word inside a name is no title there)
        let a = self.toks.partition_point(|t| t.span.start < span.start);
        let b = self.toks.partition_point(|t| t.span.start < span.end);
        let role = (a..b).any(|j| self.c(j) & TITLE != 0);
        if exact.is_none() && (lower || role) {
            return self.role_speaker(span);
        }
        self.short_form(span, &words, known)
            .or_else(|| exact.map(|e| entity_speaker(span, e)))
            .or_else(|| self.defined_acronym(span, &words))
            .or_else(|| self.earlier_entity(span))
            .or_else(|| self.earlier_longer_name(span, &words))
            .or_else(|| self.titled_role_holder(span))
            .or_else(|| self.known_speaker(span, &words, known))
            .unwrap_or_else(|| self.words_as_speaker(span))
    }

    /// `kata Mendikbud Ristek`, where the speaker rules kept `Ristek` as a name after the
    /// title: with its titles before it the phrase is a role, held by the person named with
    /// it earlier (`Menteri … (Mendikbud Ristek) Nadiem Anwar Makarim`). None when no title
    /// stands right before `span` or nobody holds that role.
    fn titled_role_holder(&self, span: Span) -> Option<Speaker> {
        let a = self.toks.partition_point(|t| t.span.start < span.start);
        let mut t = a;
        while t > 0 && self.c(t - 1) & TITLE != 0 && self.is_cap(t - 1) {
            t -= 1;
        }
        if t == a {
            return None;
        }
        let role = Span::new(self.toks[t].span.start, span.end);
        self.role_holder(role).map(|s| Speaker { span, ..s })
    }

    /// A role phrase with no entity (`juru bicara Kremlin`): the person named with the role
    /// earlier; when nobody is, the phrase is the speaker and the person unknown.
    fn role_speaker(&self, span: Span) -> Speaker {
        self.role_holder(span).unwrap_or(Speaker {
            span,
            id: None,
            canonical: None,
        })
    }

    /// A short form of a known name (`Flynn` after `Phil Flynn`): first among the speakers
    /// named so far, latest first, then among the article's person entities. Only the
    /// nearest names sharing the first word are tried: a page of hundreds of people with one
    /// first name would otherwise make this quadratic.
    fn short_form(&self, span: Span, words: &[&str], known: &Known) -> Option<Speaker> {
        let longer = |canon: &str| {
            let cw: Vec<&str> = canon.split_whitespace().collect();
            cw.len() > words.len() && words.iter().all(|w| cw.contains(w))
        };
        let first = words.first()?;
        if let Some(s) = known.speaker(span, first, longer) {
            return Some(s);
        }
        let persons = self.persons();
        let (canon, id) = persons.by_word.get(first).and_then(|l| {
            l.iter()
                .take(MAX_SHORT_FORM_CANDIDATES)
                .map(|&i| &persons.list[i])
                .find(|(c, _)| longer(c))
        })?;
        Some(Speaker {
            span,
            id: Some(id.clone()),
            canonical: Some(canon.clone()),
        })
    }

    /// A speaker named so before, written the same (`kata Indah …. Indah menuturkan`): the
    /// same person, also where the words alone would not pass for a name (an everyday word
    /// opening a sentence).
    fn known_speaker(&self, span: Span, words: &[&str], known: &Known) -> Option<Speaker> {
        known.speaker(span, words.first()?, |c| {
            c.split_whitespace().eq(words.iter().copied())
        })
    }

    /// An acronym defined earlier in the article: `Badan Pangan Nasional (NFA)` gives `NFA`
    /// its full name.
    fn defined_acronym(&self, span: Span, words: &[&str]) -> Option<Speaker> {
        let text = span.as_str(self.text);
        if words.len() != 1 || text.len() < MIN_ACRONYM || !text.chars().all(char::is_uppercase) {
            return None;
        }
        let full = self.acronyms().get(text).cloned()?;
        Some(Speaker {
            span,
            id: None,
            canonical: Some(full.into()),
        })
    }

    /// An entity written the same way earlier in the text (`Easycash mencatat` after `Direktur
    /// Utama Easycash, …`): that entity, before any guess at a longer name around the word.
    fn earlier_entity(&self, span: Span) -> Option<Speaker> {
        let before = self.ents.partition_point(|e| e.span.start < span.start);
        // (an index of the texts, not a scan of the entities per name: linear in the document)
        let same = self.ent_texts().get(span.as_str(self.text))?;
        let i = same[..same.partition_point(|&i| i < before)].last()?;
        Some(entity_speaker(span, &self.ents[*i]))
    }

    /// Each entity's text and the indices of the entities written so (built on first use).
    fn ent_texts(&self) -> &TextIndex<'a> {
        self.ent_texts.get_or_init(|| {
            let texts = self.ents.iter().map(|e| e.span.as_str(self.text));
            TextIndex::new(texts.zip(0..).collect())
        })
    }

    /// One name word (`Santoso`) inside an earlier, longer run of name words (`Budi Santoso`).
    fn earlier_longer_name(&self, span: Span, words: &[&str]) -> Option<Speaker> {
        if words.len() != 1 || self.cues.class(span.as_str(self.text)) & NOT_NAME != 0 {
            return None;
        }
        let full = self.earlier_full_name(span)?;
        Some(Speaker {
            span,
            id: None,
            canonical: Some(full.into()),
        })
    }

    /// The words themselves: canonical from a person entity the mention lies in or covers
    /// (the entity stage vouches for it); a name only the quote stage found (`sambung Rudi`,
    /// `Harsono mengakui`) is a person, canonical as written (issue 8); otherwise only a
    /// guess, with no canonical.
    fn words_as_speaker(&self, span: Span) -> Speaker {
        let canonical = self
            .ents_over(span)
            .find(|e| e.label == Label::Person)
            .map(|e| e.canonical.clone());
        if canonical.is_none() && self.speaker_name_like(span) {
            let e = crate::entity::pattern_entity(self.text, span, Label::Person, "person");
            return Speaker {
                span,
                id: Some(e.id),
                canonical: Some(e.canonical),
            };
        }
        Speaker {
            span,
            id: None,
            canonical,
        }
    }

    /// `"…," kata seorang warga`: an unnamed single source named by a post cue, who keeps the
    /// floor for the `ujarnya` after it (a group, or the subject of a verb, does not).
    fn single_source(&self, c: &Cand, bare: Span) -> bool {
        c.rule == "cue-after" && c.kind == QuoteKind::Direct && !self.group(bare)
    }

    /// A phrase for a group (`sejumlah pedagang lain`, `para warga`): never the one behind a
    /// later `ujarnya`.
    fn group(&self, span: Span) -> bool {
        let first = span.as_str(self.text).split_whitespace().next();
        first.is_some_and(|w| self.cues.class(w) & PLURAL != 0)
    }

    /// True when a speaker is a person: a person entity, a role's named holder, or a name only
    /// the quote stage found.
    fn is_person(&self, s: &Speaker) -> bool {
        match self.ent_at(s.span) {
            Some(i) => self.ents[i].label == Label::Person,
            None => {
                s.canonical.is_some()
                    && (s.id.as_ref().is_some_and(|id| id.starts_with("pattern:"))
                        || s.span.as_str(self.text).starts_with(char::is_lowercase)
                        || self.name_like(s.span))
            }
        }
    }

    /// `Peskov` after `Dmitry Peskov`, `Yoon` after `Yoon Suk Yeol`: the first earlier
    /// occurrence of the word inside a run of capitalised words (not opening a sentence, where
    /// headlines and sentence-initial words are capitalised anyway) gives the full name: the
    /// word with the one before it when it ends the run, else with up to two after it.
    fn earlier_full_name(&self, span: Span) -> Option<String> {
        let word = span.as_str(self.text);
        let end = self.toks.partition_point(|t| t.span.start < span.start);
        let mut memo = self.full_names.borrow_mut();
        // A scan of the tokens per distinct word asked for (memoised): speakers are few, so
        // this beats indexing every word of the text.
        let first = memo.entry(word).or_insert_with(|| {
            (0..self.toks.len())
                .filter(|&k| self.is_word(k) && self.t(k) == word)
                .find_map(|k| self.full_name_at(k))
        });
        first
            .as_ref()
            .filter(|(k, _)| *k < end)
            .map(|(_, s)| s.clone())
    }

    /// The full name around token `k` when it sits inside a run of name words (see
    /// [`Discourse::earlier_full_name`]), with `k`.
    fn full_name_at(&self, k: usize) -> Option<(usize, String)> {
        // Acronyms and page furniture (`CONTENT`) are no part of a person's name.
        let name_word = |j: usize| {
            let w = self.t(j);
            self.is_cap(j)
                && self.c(j) & (FUNC | TITLE | CONTEXT | ANY_SAY | POST | NOT_NAME) == 0
                && !(w.len() >= MIN_ACRONYM && w.chars().all(char::is_uppercase))
        };
        if k == 0 || self.sent[k].0 == k || self.p(k - 1) != self.p(k) {
            return None;
        }
        if name_word(k + 1) && self.p(k + 1) == self.p(k) {
            let mut b = k + 1;
            while b < k + MAX_NAME_TAIL && name_word(b + 1) && self.p(b + 1) == self.p(k) {
                b += 1;
            }
            return Some((k, self.span(k, b).as_str(self.text).to_string()));
        }
        if name_word(k - 1) && self.sent[k - 1].0 != k - 1
            || name_word(k - 1) && !self.is_cap(k.saturating_sub(2))
        {
            return Some((k, self.span(k - 1, k).as_str(self.text).to_string()));
        }
        None
    }

    /// The capitalised words ending at token `e`, right before `(ACRONYM)`.
    fn expansion_before(&self, e: usize) -> Option<String> {
        let mut a = e;
        while a > 0
            && (self.is_cap(a - 1) || self.c(a - 1) & PARTICLE != 0)
            && e - a < MAX_EXPANSION_WORDS
        {
            a -= 1;
        }
        while a < e && !self.is_cap(a) {
            a += 1;
        }
        (self.is_cap(e) && e > a).then(|| self.span(a, e).as_str(self.text).to_string())
    }

    /// `kata juru bicara Kremlin` → `juru bicara Kremlin Dmitry Peskov` earlier in the text;
    /// `Menlu` or `Menteri Luar Negeri` → `Menteri Luar Negeri (Menlu) Sugiono`: a role phrase,
    /// or the acronym defined for it, stands for the person named right after it earlier.
    pub(super) fn role_holder(&self, role: Span) -> Option<Speaker> {
        let a = self.toks.partition_point(|t| t.span.start < role.start);
        let b = self.toks.partition_point(|t| t.span.end <= role.end);
        let len = b.checked_sub(a).filter(|&l| l > 0)?;
        let key = (a..b)
            .map(|j| self.t(j).to_lowercase())
            .collect::<Vec<_>>()
            .join(" ");
        let mut memo = self.holders.borrow_mut();
        let list = memo.entry(key.clone()).or_insert_with(|| {
            let words: Vec<&str> = key.split(' ').collect();
            // (over the whole document: the list serves every later use of the role, and
            // the search below keeps the holders named before this one)
            let end = self.toks.len();
            let mut list = self.holders_of(end, &words);
            // `kata Menkeu` after `Menteri Keuangan Sri Mulyani`: the role written out
            if let Some(long) = role_expansion(&key) {
                let long: Vec<&str> = long.split(' ').collect();
                list.extend(self.holders_of(end, &long));
                list.sort_by_key(|(s, _)| *s);
            }
            list
        });
        let i = list.partition_point(|(s, _)| s + len < a);
        let (_, holder) = list.get(i.checked_sub(1)?)?;
        Some(Speaker {
            span: role,
            ..holder.clone()
        })
    }

    /// Every place before token `a` where the words `role` (lower case) are followed by a
    /// name: its start and the holder (span unset), in text order.
    fn holders_of(&self, a: usize, role: &[&str]) -> Vec<(usize, Speaker)> {
        let len = role.len();
        let mut out = Vec::new();
        // (roles open with a title: only the title words are indexed, few per document; a
        // role opening otherwise is looked for token by token, as before the index)
        let index = self.word_at.get_or_init(|| {
            let mut m: HashMap<String, Vec<usize>> = HashMap::default();
            for (i, t) in self.toks.iter().enumerate() {
                if self.c(i) & TITLE != 0 {
                    m.entry(t.span.as_str(self.text).to_lowercase())
                        .or_default()
                        .push(i);
                }
            }
            m
        });
        let limit = a.saturating_sub(len);
        let every: Vec<usize>;
        let starts: &[usize] = match role.first().and_then(|w| index.get(*w)) {
            Some(v) => v,
            None if role
                .first()
                .is_some_and(|w| self.cues.class(w) & TITLE != 0) =>
            {
                &[]
            }
            None => {
                every = (0..limit).collect();
                &every
            }
        };
        for &s in starts.iter().take_while(|&&s| s < limit) {
            // (not in a related link's headline: `Baca juga: Jaksa Tuntut Helena Lim …`)
            if !(0..len).all(|j| self.t(s + j).eq_ignore_ascii_case(role[j]))
                || !self.body_like(self.toks[s].span)
            {
                continue;
            }
            let mut after = s + len;
            // `Menteri Luar Negeri (Menlu) Sugiono` / `(Menlu) Sugiono`: a definition.
            let mut defined = s > 0 && self.t(s - 1) == "(" && self.t(after) == ")";
            if defined {
                after += 1;
            } else if self.t(after) == "(" && self.t(after + 2) == ")" {
                after += 3;
                defined = true;
            }
            // `AKP Dodi Hartono, Kapolsek Cibitung`: the holder named right before the role
            if let Some(e) = (s >= 2 && self.t(s - 1) == ",")
                .then(|| self.person_ending_at(s - 2))
                .flatten()
            {
                out.push((s, entity_speaker(e.span, e)));
                continue;
            }
            if !self.is_cap(after) || self.c(after) & (FUNC | TITLE | NOT_NAME) != 0 {
                continue;
            }
            let (x, y) = self.cap_run_from(after, self.toks.len());
            // (`Wali Kota Mojokerto, Ika Puspitasari`: the place, then the name apposed)
            let apposed = (self.t(y + 1) == ",")
                .then(|| self.ent_starting_at(y + 2))
                .flatten()
                .filter(|e| e.label == Label::Person);
            if let Some(holder) = self
                .holder_in_run(x, y, defined)
                .or_else(|| apposed.map(|e| entity_speaker(e.span, e)))
            {
                out.push((s, holder));
            }
        }
        out
    }

    /// The holder named by the capitalised run of tokens `x..=y` after a role: the first
    /// person entity starting in it (`Kapolsek Cibitung AKP Dodi Hartono`: places, units and
    /// ranks come before the name); else the words after the last other entity starting in
    /// it (`Bupati Ogan Komering Ilir Muchendi`), if any; else the whole run when it has two
    /// words or more or is a defined role's (`(Menlu) Sugiono`).
    fn holder_in_run(&self, x: usize, y: usize, defined: bool) -> Option<Speaker> {
        let run = self.span(x, y);
        let first = self.ents.partition_point(|e| e.span.start < run.start);
        let inside = &self.ents[first..self.ents.partition_point(|e| e.span.start < run.end)];
        if let Some(e) = inside.iter().find(|e| e.label == Label::Person) {
            return Some(entity_speaker(e.span, e));
        }
        let raw = |span: Span| Speaker {
            span,
            id: None,
            canonical: Some(span.as_str(self.text).into()),
        };
        match inside.last() {
            Some(e) => {
                let rest = self.toks.partition_point(|t| t.span.start < e.span.end);
                (rest <= y && (rest..=y).all(|k| self.plain_name_word(k)))
                    .then(|| raw(self.span(rest, y)))
            }
            None => (y > x || defined).then(|| raw(run)),
        }
    }

    /// Token `k` can be a word of a name nobody found: no title, rank or everyday word
    /// (`Kapolsek Cibitung Baru`, `Kapolresta … Kombes Pol`).
    fn plain_name_word(&self, k: usize) -> bool {
        self.c(k) & (TITLE | TITLE_TAIL | NOT_NAME) == 0
            && self.word_flags(k) & (W_STRICT | W_LOOSE | W_TITLE) == 0
    }

    /// The person entity whose last token is token `k`.
    pub(super) fn person_ending_at(&self, k: usize) -> Option<&Entity> {
        let end = self.toks.get(k)?.span.end;
        let i = self.ents.partition_point(|e| e.span.end < end);
        self.ents
            .get(i)
            .filter(|e| e.span.end == end && e.label == Label::Person)
    }
}

/// The last of `persons` (in text order) that ends by byte `at`.
fn last_person<'e>(persons: &[&'e Entity], at: usize) -> Option<&'e Entity> {
    let p = persons.partition_point(|e| e.span.end <= at);
    p.checked_sub(1).map(|i| persons[i])
}

/// The speaker an entity names: its id and canonical name, at the mention's own `span`.
pub(super) fn entity_speaker(span: Span, e: &Entity) -> Speaker {
    Speaker {
        span,
        id: Some(e.id.clone()),
        canonical: Some(e.canonical.clone()),
    }
}

/// The written-out form of an abbreviated role (`menkeu` → `menteri keuangan`), from
/// `data/role_abbreviations.tsv`; `role` in lower case.
fn role_expansion(role: &str) -> Option<&'static str> {
    static TABLE: std::sync::OnceLock<HashMap<&'static str, &'static str>> =
        std::sync::OnceLock::new();
    TABLE
        .get_or_init(|| {
            include_str!("../../data/role_abbreviations.tsv")
                .lines()
                .filter(|l| !l.starts_with('#') && !l.is_empty())
                .filter_map(|l| l.split_once('\t'))
                .filter(|(short, _)| *short != "short")
                .collect()
        })
        .get(role)
        .copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_names_with_a_repeated_word_are_listed_once() {
        let mut k = Known::default();
        let a: Arc<str> = "Kementerian Koperasi dan Usaha Kecil dan Menengah".into();
        let b: Arc<str> = "Badan Pangan dan Gizi".into();
        k.add(&a, &None);
        k.add(&b, &None);
        k.add(&a, &None);
        assert_eq!(k.list.len(), 2);
        let with = |w| k.with_word(w).collect::<Vec<_>>();
        assert_eq!(with("dan"), [1, 0]);
        assert_eq!(with("Gizi"), [1]);
        assert_eq!(with("Badan"), [1]);
        assert_eq!(with("Pangan dan"), Vec::<usize>::new());
    }
}
