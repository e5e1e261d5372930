//! Stage 7, quotes: quotations, their kind, cue and speaker.
//!
//! Three passes over the tokens of one document:
//!
//! 1. **Marks.** Quote marks (`"`, `“`, `”`, `„`) are paired by *position* within a paragraph,
//!    not by shape, because Indonesian outlets open with `”` as often as with `“`. A mark's
//!    surroundings (space before, letter after) say whether it can open or close. A paragraph
//!    that ends inside a quote continues only when the next paragraph opens with a mark (the
//!    multi-paragraph convention); otherwise the open mark is stray and dropped, so an unclosed
//!    quote never swallows the rest of the article.
//! 2. **Kinds and cues.** A quoted title (`berjudul "…"`) is no quote; a fragment embedded in a
//!    sentence is `partial` (or nothing, for a short scare-quoted term with no reporting verb);
//!    everything else is `direct`. Cues are looked for after the closing mark (`"…," kata X`),
//!    before the opening mark (`X berkata: "…"`, also across a paragraph break), and, for
//!    unmarked reported speech, around speech verbs (`X mengatakan bahwa …`, `Menurut X, …`,
//!    `…, kata X.`).
//! 3. **Speakers**, in text order, so that pronouns, `-nya` words and cue-less continuation
//!    paragraphs resolve to the last speaker or the most recent person mentioned outside quotes.
//!    Names come from the entity stage where it found them; otherwise from the cue pattern itself
//!    (the capitalised words after `kata`), with titles stripped and short forms tied to an
//!    earlier full name. A role without a name (`kata juru bicara Kremlin`) is linked to the
//!    person who held it earlier in the article. When nothing supports a speaker it stays `None`.
//!
//! All word lists live in `data/cues.tsv`, parsed once into [`Cues`]; per document the stage
//! does hash lookups only (no regex), so it is linear in the number of tokens.
//!
//! Where each part lives:
//!
//! - `cues`: the cue table ([`Cues`]) and the class bits every pass tests tokens against;
//! - `marks`: pairing quote marks into spans, their kind, and cues around the marks (passes 1–2);
//! - `indirect`: unmarked reported speech (pass 2, without marks);
//! - `speaker`: the mention a cue names (a `Who`, not yet resolved);
//! - `resolution`: speakers in text order, canonical names, roles and acronyms (pass 3);
//! - this file: [`find`], which runs the passes, and the per-document token tables they share.

mod cues;
mod indirect;
mod marks;
mod places;
mod resolution;
mod speaker;

pub use cues::Cues;

use rustc_hash::FxHashMap as HashMap;
use std::cell::{OnceCell, RefCell};
use std::sync::Arc;

use crate::span::{Entity, Label, Quote, QuoteKind, Span, Speaker, Token, TokenKind, Zone};
use crate::text_index::TextIndex;

use cues::*;
use marks::mark_at;

/// The rule of a speech frame: a candidate that only moves the current speaker, never output.
const FRAME_RULE: &str = "frame";

/// The classes that start unmarked reported speech (see [`Discourse::indirect`]).
const TRIGGER: u64 = ACCORDING | SAY | SAY_BAHWA | PASSIVE_NYA | POST | POST_NYA | SAY_NOUN;

/// How the speaker of one quotation is to be found, once all quotations are known.
#[derive(Clone, Copy, Debug)]
enum Who {
    /// A name or role mention at this span.
    Mention(Span),
    /// A pronoun or a `-nya` word: the mention is itself, the person is the salient one.
    Anaphor(Span),
    /// A plural pronoun or a role phrase with no resolvable holder: mention, no canonical.
    Bare(Span),
    /// No cue: the previous speaker goes on.
    Continuation,
    /// Nothing.
    Nobody,
}

#[derive(Clone, Debug)]
struct Cand {
    span: Span,
    kind: QuoteKind,
    who: Who,
    cue: Option<Span>,
    rule: &'static str,
    /// Where the speaker is decided (the cue, or the quote start): resolution order.
    at: usize,
}

impl Cand {
    /// Reported speech found at `cue`: the speaker is decided there.
    fn indirect(span: Span, who: Who, cue: Span, rule: &'static str) -> Cand {
        Cand {
            span,
            kind: QuoteKind::Indirect,
            who,
            cue: Some(cue),
            rule,
            at: cue.start,
        }
    }
}

/// Finds quotations and attributes them. Returns them sorted by start.
///
/// ```
/// use indotag::quote::{find, Cues};
/// use indotag::QuoteKind;
/// let text = "\"Kami menolak tuduhan itu,\" kata Budi Santoso kepada wartawan.";
/// let tokens = indotag::tokenize::tokenize(text);
/// let sentences = indotag::sentence::split(text, &tokens);
/// let quotes = find(text, &tokens, &sentences, &[], &[], &Cues::defaults());
/// assert_eq!(quotes.len(), 1);
/// assert_eq!(quotes[0].span.as_str(text), "Kami menolak tuduhan itu,");
/// assert_eq!(quotes[0].kind, QuoteKind::Direct);
/// let speaker = quotes[0].speaker.as_ref().unwrap();
/// assert_eq!(speaker.span.as_str(text), "Budi Santoso");
/// assert_eq!(quotes[0].rule, "cue-after");
/// ```
pub fn find(
    text: &str,
    tokens: &[Token],
    sentences: &[Span],
    entities: &[Entity],
    zones: &[Zone],
    cues: &Cues,
) -> Vec<Quote> {
    let cls: Vec<u64> = tokens
        .iter()
        .map(|t| {
            if t.kind == TokenKind::Word {
                cues.class(t.span.as_str(text))
            } else {
                0
            }
        })
        .collect();
    find_classified(text, tokens, sentences, entities, zones, cues, &cls)
}

/// [`find`], given the cue classes of every token (`cls[i]`: [`Cues::class`] of token `i` when
/// it is a word, else 0), as the tagger's merged word table gives them with the lexicon flags.
pub(crate) fn find_classified(
    text: &str,
    tokens: &[Token],
    sentences: &[Span],
    entities: &[Entity],
    zones: &[Zone],
    cues: &Cues,
    cls: &[u64],
) -> Vec<Quote> {
    if tokens.is_empty() {
        return Vec::new();
    }
    // No quote mark and no word that can open reported speech: nothing to find, so skip the
    // paragraph, sentence and line-break tables.
    if !cls.iter().any(|c| c & TRIGGER != 0)
        && !tokens
            .iter()
            .any(|t| t.kind == TokenKind::Punct && mark_at(text, t.span))
    {
        return Vec::new();
    }
    let names = kind_words_in_names(text, tokens, cls);
    let cls = names.as_deref().unwrap_or(cls);
    let mut d = Discourse::new(text, tokens, sentences, entities, cues, cls);
    d.zones = zones;
    let marked = d.pair_marks();
    let mut cands = Vec::new();
    let mut quoted: Vec<Span> = Vec::new();
    let mut direct: Vec<(usize, usize)> = Vec::new();
    for m in &marked {
        if let Some(c) = d.classify_marked(m) {
            quoted.push(Span::new(
                tokens[m.open].span.start,
                tokens[m.close].span.end,
            ));
            if c.kind == QuoteKind::Direct {
                direct.push((m.open, m.close));
            }
            cands.push(c);
        }
    }
    d.indirect(&direct, &mut cands);
    d.frames(&quoted, &mut cands);
    cands.sort_by_key(|c| c.at);
    let mut out = d.resolve(cands, &quoted);
    out.sort_by_key(|q| (q.span.start, q.span.end));
    out
}

/// `Komunitas Sopir Truk`, `Himpunan Mahasiswa Islam`: a capitalised [`KIND`] word right after
/// a capitalised word is part of a name, no title. Returns the classes without its [`TITLE`]
/// when the text has such a word (rare), else None: the shared table serves.
fn kind_words_in_names(text: &str, tokens: &[Token], cls: &[u64]) -> Option<Vec<u64>> {
    let cap = |i: usize| {
        tokens[i].kind == TokenKind::Word
            && tokens[i].span.as_str(text).starts_with(char::is_uppercase)
    };
    let inside = |i: usize| cls[i] & KIND != 0 && i > 0 && cap(i) && cap(i - 1);
    let first = (0..cls.len()).find(|&i| inside(i))?;
    let mut out = cls.to_vec();
    for (i, c) in out.iter_mut().enumerate().skip(first) {
        if inside(i) {
            *c &= !TITLE;
        }
    }
    Some(out)
}

/// Longest sentence searched as one, in tokens (the longest real sentences in news corpora
/// have a few hundred).
const MAX_SENTENCE_TOKENS: usize = 1024;

/// Speakers only the quote stage found (`sambung Rudi`, `Harsono mengakui`) become PERSON
/// entities with source `pattern`, so that the record lists every person who speaks (issue 8).
/// A speaker counts when its canonical is its own text: a name, not a role or a pronoun.
/// `entities` must be sorted and disjoint (as the entity stage returns them); a speaker that
/// overlaps an entity is left alone.
///
/// ```
/// use indotag::quote::{add_speaker_entities, find, Cues};
/// let text = "\"Panen tahun ini bagus,\" sambung Rudi.";
/// let tokens = indotag::tokenize::tokenize(text);
/// let sentences = indotag::sentence::split(text, &tokens);
/// let quotes = find(text, &tokens, &sentences, &[], &[], &Cues::defaults());
/// let mut entities = Vec::new();
/// add_speaker_entities(text, &quotes, &mut entities);
/// assert_eq!(entities.len(), 1);
/// assert_eq!(entities[0].span.as_str(text), "Rudi");
/// assert_eq!(entities[0].label, indotag::Label::Person);
/// ```
pub fn add_speaker_entities(text: &str, quotes: &[Quote], entities: &mut Vec<Entity>) {
    // Collected first and merged in one sort: an insert per speaker would shift the whole list
    // each time (quadratic in a long document of many quotes).
    let mut added: Vec<Entity> = Vec::new();
    for s in quotes.iter().filter_map(|q| q.speaker.as_ref()) {
        let named = s.id.as_deref().is_some_and(|id| id.starts_with("pattern:"))
            && s.canonical.as_deref().is_some_and(|c| {
                c.split_whitespace()
                    .eq(s.span.as_str(text).split_whitespace())
                    && c.starts_with(char::is_uppercase)
            });
        if !named {
            continue;
        }
        let i = entities.partition_point(|e| e.span.end <= s.span.start);
        if entities.get(i).is_some_and(|e| e.span.start < s.span.end) {
            continue;
        }
        added.push(crate::entity::pattern_entity(
            text,
            s.span,
            Label::Person,
            "person",
        ));
    }
    if added.is_empty() {
        return;
    }
    // Several quotes can name the same speaker mention: keep one entity per span.
    added.sort_by_key(|e| (e.span.start, e.span.end));
    added.dedup_by(|b, a| b.span.start < a.span.end);
    entities.extend(added);
    entities.sort_by_key(|e| e.span.start);
}

/// Entity lookups by exact span and by end byte, for entity lists that are not sorted and
/// disjoint (the entity stage's always are; then a binary search does, with no table).
#[derive(Default)]
struct EntMaps {
    by_end: HashMap<usize, usize>,
    by_span: HashMap<(usize, usize), usize>,
}

/// Distinct person canonicals (first occurrence order) and, per word, the ones containing it.
#[derive(Default)]
struct Persons<'a> {
    list: Vec<(Arc<str>, Arc<str>)>,
    by_word: TextIndex<'a>,
}

/// Paragraph number per token, and the prefix counts of hard line breaks (`hard[k]` counts
/// those before tokens `1..=k`, see [`Discourse::soft_breaks`]), in one pass over the gaps
/// between tokens. A line break starts a paragraph; it is soft when it is a single newline
/// after a token that ends no sentence. (Two passes, the second asking each token's gap and
/// paragraph again, cost twice as much.)
fn paragraphs(text: &str, toks: &[Token]) -> (Vec<u32>, Vec<u32>) {
    let bytes = text.as_bytes();
    let mut para = Vec::with_capacity(toks.len());
    let mut hard = Vec::with_capacity(toks.len());
    let (mut p, mut h) = (0u32, 0u32);
    for (i, t) in toks.iter().enumerate() {
        if let Some(prev) = i.checked_sub(1).map(|j| toks[j].span) {
            // Bytes, not chars: a newline is ASCII, and gaps are short (most are one space,
            // decided without a search).
            let gap = &bytes[prev.end..t.span.start];
            if gap != b" " && !gap.is_empty() && gap.contains(&b'\n') {
                p += 1;
                let stop = matches!(prev.as_str(text), "." | "!" | "?" | ":" | "\"" | "”" | "“");
                if stop || gap.iter().filter(|&&b| b == b'\n').count() != 1 {
                    h += 1;
                }
            }
        }
        para.push(p);
        hard.push(h);
    }
    (para, hard)
}

/// The quote stage's working state for one document: the tokens, their classes, paragraphs
/// and sentences, and the discourse state the speaker rules read (who is speaking, which
/// people have been named so far). Not the public [`crate::Document`].
struct Discourse<'a> {
    text: &'a str,
    toks: &'a [Token],
    ents: &'a [Entity],
    /// Page zones, sorted (empty when unknown).
    zones: &'a [Zone],
    cues: &'a Cues,
    /// Class bits per token.
    cls: &'a [u64],
    /// Paragraph number per token.
    para: Vec<u32>,
    /// Sentence (token range) per token.
    sent: Vec<(usize, usize)>,
    /// Prefix counts of hard line breaks: `hard[k]` counts hard breaks before tokens `1..=k`.
    hard: Vec<u32>,
    /// True when the entities are sorted and disjoint (so their ends are sorted too).
    ents_sorted: bool,
    /// Lookup tables most documents never need (they have no quotation, or no speaker name):
    /// each is built on first use, so that the stage costs little more than one class lookup
    /// per token.
    ent_maps: OnceCell<EntMaps>,
    persons: OnceCell<Persons<'a>>,
    /// `Full Name (ACR)`: the first expansion of each acronym.
    acronyms: OnceCell<HashMap<&'a str, String>>,
    /// Each entity's text and the indices of the entities written so, ascending (for
    /// [`Discourse::earlier_entity`]).
    ent_texts: OnceCell<TextIndex<'a>>,
    /// Memo of [`Discourse::earlier_full_name`]: per word, its first name-run occurrence.
    full_names: RefCell<HashMap<&'a str, Option<(usize, String)>>>,
    /// Memo of [`Discourse::role_holder`]: per role (lower case), where it is followed by a name.
    holders: RefCell<HashMap<String, Vec<(usize, Speaker)>>>,
    /// Per title word (lower case), the tokens where it stands: where
    /// [`Discourse::role_holder`] looks for a role, built at its first call (a scan of every
    /// token per role phrase made documents of many roles quadratic).
    word_at: OnceCell<HashMap<String, Vec<usize>>>,
    /// Per person's canonical name, where the article first names them (for
    /// [`Discourse::named_before`]).
    first_named: OnceCell<HashMap<&'a str, usize>>,
}

impl<'a> Discourse<'a> {
    fn new(
        text: &'a str,
        toks: &'a [Token],
        sentences: &[Span],
        ents: &'a [Entity],
        cues: &'a Cues,
        cls: &'a [u64],
    ) -> Discourse<'a> {
        let (para, hard) = paragraphs(text, toks);
        // Sentence token ranges; tokens outside every sentence get a sentence of their own.
        let mut sent = Vec::with_capacity(toks.len());
        let mut si = 0;
        let mut i = 0;
        while i < toks.len() {
            while si < sentences.len() && sentences[si].end <= toks[i].span.start {
                si += 1;
            }
            let (a, mut b) = (i, i + 1);
            if let Some(s) = sentences.get(si).filter(|s| s.start <= toks[i].span.start) {
                while b < toks.len() && toks[b].span.end <= s.end {
                    b += 1;
                }
            }
            // A sentence never crosses a paragraph break, whatever the splitter says.
            let mut k = a + 1;
            while k < b && para[k] == para[a] {
                k += 1;
            }
            // A "sentence" longer than this is a run the splitter could not cut (a list, a
            // page without full stops): it is searched in pieces, so the per-cue scans inside
            // a sentence stay bounded and the stage linear.
            let mut x = a;
            while x < k {
                let y = k.min(x + MAX_SENTENCE_TOKENS);
                sent.extend(std::iter::repeat_n((x, y), y - x));
                x = y;
            }
            i = k;
        }
        Discourse {
            text,
            toks,
            ents,
            zones: &[],
            cues,
            cls,
            para,
            sent,
            hard,
            ents_sorted: ents.windows(2).all(|w| w[0].span.end <= w[1].span.start),
            ent_maps: OnceCell::new(),
            persons: OnceCell::new(),
            acronyms: OnceCell::new(),
            ent_texts: OnceCell::new(),
            full_names: RefCell::new(HashMap::default()),
            holders: RefCell::new(HashMap::default()),
            word_at: OnceCell::new(),
            first_named: OnceCell::new(),
        }
    }

    /// The entities overlapping `span`, in order (found by binary search: the entities are
    /// sorted by start, and their ends are taken to be sorted too, as everywhere here).
    fn ents_over(&self, span: Span) -> impl Iterator<Item = &'a Entity> {
        let ents = self.ents;
        let i = ents.partition_point(|e| e.span.end <= span.start);
        ents[i..]
            .iter()
            .take_while(move |e| e.span.start < span.end)
    }

    /// The first entity (index) ending at byte `end`.
    fn ent_ending_at(&self, end: usize) -> Option<usize> {
        if self.ents_sorted {
            let i = self.ents.partition_point(|e| e.span.end < end);
            return self.ents.get(i).filter(|e| e.span.end == end).map(|_| i);
        }
        self.ent_maps().by_end.get(&end).copied()
    }

    /// The first entity (in the stage's order) that starts exactly where token `j` starts.
    fn ent_starting_at(&self, j: usize) -> Option<&'a Entity> {
        let at = self.toks.get(j)?.span.start;
        let i = self.ents.partition_point(|e| e.span.start < at);
        self.ents.get(i).filter(|e| e.span.start == at)
    }

    /// The entity stage's lexicon flags of token `k`'s word (`W_*` of [`crate::entity`]):
    /// looked up on demand, for the few tokens a speaker rule asks about.
    fn word_flags(&self, k: usize) -> u16 {
        let mut buf = String::new();
        crate::entity::lexicon().flags_of(self.t(k), &mut buf)
    }

    /// The first entity (index) with exactly this span.
    fn ent_at(&self, span: Span) -> Option<usize> {
        let key = (span.start, span.end);
        if self.ents_sorted {
            let i = self
                .ents
                .partition_point(|e| (e.span.start, e.span.end) < key);
            return self
                .ents
                .get(i)
                .filter(|e| (e.span.start, e.span.end) == key)
                .map(|_| i);
        }
        self.ent_maps().by_span.get(&key).copied()
    }

    fn ent_maps(&self) -> &EntMaps {
        self.ent_maps.get_or_init(|| {
            let mut x = EntMaps::default();
            for (i, e) in self.ents.iter().enumerate() {
                x.by_end.entry(e.span.end).or_insert(i);
                x.by_span.entry((e.span.start, e.span.end)).or_insert(i);
            }
            x
        })
    }

    fn persons(&self) -> &Persons<'a> {
        self.persons.get_or_init(|| {
            let mut x = Persons::default();
            let mut seen: HashMap<&str, usize> = HashMap::default();
            for e in self.ents.iter().filter(|e| e.label == Label::Person) {
                if !seen.contains_key(&*e.canonical) {
                    seen.insert(&e.canonical, x.list.len());
                    x.list.push((e.canonical.clone(), e.id.clone()));
                }
            }
            let ents: &'a [Entity] = self.ents;
            // Each canonical once, at its first mention (so `n` only grows, and the word lists
            // come out sorted without a search of each: many people sharing a first name
            // made that quadratic).
            let mut listed = vec![false; x.list.len()];
            let mut words = Vec::new();
            for e in ents.iter().filter(|e| e.label == Label::Person) {
                let Some(&n) = seen.get(&*e.canonical) else {
                    continue;
                };
                if std::mem::replace(&mut listed[n], true) {
                    continue;
                }
                // (a word repeated inside one name is listed once: the index keeps a pair once)
                words.extend(e.canonical.split_whitespace().map(|w| (w, n)));
            }
            x.by_word = TextIndex::new(words);
            x
        })
    }

    /// The text of token `i`; empty past either end, so that neighbour checks never panic.
    fn t(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| t.span.as_str(self.text))
    }

    /// Class bits of token `i` (0 past the end).
    fn c(&self, i: usize) -> u64 {
        self.cls.get(i).copied().unwrap_or(0)
    }

    /// Paragraph of token `i` (a number no token has, past the end).
    fn p(&self, i: usize) -> u32 {
        self.para.get(i).copied().unwrap_or(u32::MAX)
    }

    fn is_word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == TokenKind::Word)
    }

    fn is_cap(&self, i: usize) -> bool {
        self.is_word(i) && self.t(i).chars().next().is_some_and(char::is_uppercase)
    }

    fn is_lower(&self, i: usize) -> bool {
        self.is_word(i) && self.t(i).chars().next().is_some_and(char::is_lowercase)
    }

    fn span(&self, a: usize, b: usize) -> Span {
        Span::new(self.toks[a].span.start, self.toks[b].span.end)
    }
}

#[cfg(test)]
mod tests {

    use super::*;

    type Row = (
        String,
        QuoteKind,
        Option<String>,
        Option<String>,
        &'static str,
    );

    fn run(text: &str) -> Vec<Row> {
        let tokens = crate::tokenize::tokenize(text);
        let sentences = crate::sentence::split(text, &tokens);
        find(text, &tokens, &sentences, &[], &[], &Cues::defaults())
            .into_iter()
            .map(|q| {
                (
                    q.span.as_str(text).to_string(),
                    q.kind,
                    q.speaker.as_ref().map(|s| s.span.as_str(text).to_string()),
                    q.speaker.and_then(|s| s.canonical.map(|c| c.to_string())),
                    q.rule,
                )
            })
            .collect()
    }

    #[test]
    fn cue_after_with_name() {
        let q = run("\"Harga beras naik lagi,\" kata Siti Rahma di Bandung.");
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].0, "Harga beras naik lagi,");
        assert_eq!(q[0].2.as_deref(), Some("Siti Rahma"));
        assert_eq!(q[0].4, "cue-after");
    }

    #[test]
    fn colon_cue_across_paragraphs() {
        let text = "Menteri Budi Hartono berkata:\n\n\"Kami siap bekerja keras.\"";
        let q = run(text);
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].2.as_deref(), Some("Budi Hartono"));
        assert_eq!(q[0].4, "cue-colon-before");
    }

    #[test]
    fn stray_mark_does_not_swallow() {
        let text =
            "Dia membawa \"tas itu ke pasar.\n\nWarga lain datang. \"Kami senang,\" kata Ani.";
        let q = run(text);
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].0, "Kami senang,");
    }

    #[test]
    fn three_paragraph_quote_is_one() {
        let text = "Rudi Salim berkata:\n\"Satu dua tiga.\n\n\"Empat lima enam.\n\n\"Tujuh delapan.\"\n\nSelesai.";
        let q = run(text);
        assert_eq!(q.len(), 1, "{q:?}");
        assert!(q[0].0.starts_with("Satu") && q[0].0.ends_with("delapan."));
    }

    #[test]
    fn nya_resolves_to_last_speaker() {
        let text = "\"Kami menolak,\" kata Dewi Lestari. \"Itu tidak adil,\" ujarnya.";
        let q = run(text);
        assert_eq!(q.len(), 2);
        assert_eq!(q[1].2.as_deref(), Some("ujarnya"));
        // No entity stage here: the name the cue attributes speech to is a person all the same
        // (issue 8), and the `-nya` cue inherits it.
        assert_eq!(q[1].3.as_deref(), Some("Dewi Lestari"));
    }

    #[test]
    fn indirect_bahwa() {
        let text = "Gubernur Anton Wijaya mengatakan bahwa jalan tol akan dibuka bulan depan.";
        let q = run(text);
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].0, "jalan tol akan dibuka bulan depan");
        assert_eq!(q[0].1, QuoteKind::Indirect);
        assert_eq!(q[0].2.as_deref(), Some("Anton Wijaya"));
    }

    #[test]
    fn no_panic_on_cues_at_the_very_end() {
        for text in [
            "Hal itu. Menurutnya",
            "Menurutnya",
            "\"Ya,\" kata",
            "Budi mengatakan",
            "\"Ya,\" ujar Juru Bicara,",
            "Menlu (",
            "Kata \"",
        ] {
            let _ = run(text);
        }
    }

    #[test]
    fn noun_phrase_object_is_not_speech() {
        assert!(run("Partai itu menyatakan dukungannya kepada calon tersebut.").is_empty());
    }
}
