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

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::cell::{OnceCell, RefCell};
use std::sync::Arc;

use crate::span::{
    Entity, Label, Quote, QuoteKind, Span, Speaker, Token, TokenKind, Zone, ZoneKind,
};

const CUES_TSV: &str = include_str!("../data/cues.tsv");
/// The entity stage's list of capitalised words that are never names (days, months, openers).
const NAME_STOPWORDS: &str = include_str!("../data/name_stopwords.txt");

const POST: u32 = 1 << 0;
const SAY: u32 = 1 << 1;
const SAY_BAHWA: u32 = 1 << 2;
const SAY_QUOTE: u32 = 1 << 3;
const PASSIVE_NYA: u32 = 1 << 4;
const ACCORDING: u32 = 1 << 5;
const MEDIA: u32 = 1 << 6;
const PRON: u32 = 1 << 7;
const PRON_PLURAL: u32 = 1 << 8;
const PARTIAL_VERB: u32 = 1 << 9;
const TITLED: u32 = 1 << 10;
const ADVERB: u32 = 1 << 11;
const CONTEXT: u32 = 1 << 12;
const TITLE: u32 = 1 << 13;
const FUNC: u32 = 1 << 14;
const MODAL: u32 = 1 << 15;
const NOT_SUBJECT: u32 = 1 << 16;
const DEMONSTRATIVE: u32 = 1 << 17;
/// Derived: a `post` verb with the `-nya` clitic (`ujarnya`).
const POST_NYA: u32 = 1 << 18;
const MANNER: u32 = 1 << 20;
const ACCORDING_NOT: u32 = 1 << 21;
const PARTICLE: u32 = 1 << 22;
/// Words that are never a personal name (days, months, sentence openers): from the entity
/// stage's `data/name_stopwords.txt`.
const NOT_NAME: u32 = 1 << 23;
const AFFILIATION: u32 = 1 << 24;
/// `bahwa`: the complementizer that opens a reported claim.
const THAT: u32 = 1 << 25;
/// `demikian`: a word that may sit between a closing quote and its post cue.
const POST_LEAD: u32 = 1 << 26;
/// Plain (unaffixed) verbs and predicates that make a bare clause (`ada`, `naik`).
const PREDICATE: u32 = 1 << 27;
/// Time and frame words that may open a bare claim (`saat ini`, `kini`).
const CLAUSE_OPENER: u32 = 1 << 28;

const CLASSES: [(&str, u32); 27] = [
    ("post", POST),
    ("say", SAY),
    ("say-bahwa", SAY_BAHWA),
    ("say-quote", SAY_QUOTE),
    ("passive-nya", PASSIVE_NYA),
    ("according", ACCORDING),
    ("media", MEDIA),
    ("pron", PRON),
    ("pron-plural", PRON_PLURAL),
    ("partial-verb", PARTIAL_VERB),
    ("titled", TITLED),
    ("adverb", ADVERB),
    ("context", CONTEXT),
    ("title", TITLE),
    ("func", FUNC),
    ("modal", MODAL),
    ("not-subject", NOT_SUBJECT),
    ("demonstrative", DEMONSTRATIVE),
    ("manner", MANNER),
    ("according-not", ACCORDING_NOT),
    ("particle", PARTICLE),
    ("not-name", NOT_NAME),
    ("affiliation", AFFILIATION),
    ("that", THAT),
    ("post-lead", POST_LEAD),
    ("predicate", PREDICATE),
    ("clause-opener", CLAUSE_OPENER),
];

/// Shortest acronym (in characters) looked up in `Full Name (ACR)` definitions.
const MIN_ACRONYM: usize = 2;
/// Longest acronym expansion, in words (longer capitalised runs are headlines, not names).
const MAX_EXPANSION_WORDS: usize = 6;

/// Longest speaker window after a post cue, in tokens (a role plus a long name).
const MAX_SPEAKER_WORDS: usize = 10;
/// Longest role phrase in words (`juru bicara Kementerian Luar Negeri`), longer is a clause.
const MAX_ROLE_WORDS: usize = 5;

/// At most this many tokens between a speech verb and its `bahwa` (`mengatakan kepada
/// wartawan di Jakarta bahwa`); farther, the `bahwa` belongs to another clause.
const MAX_BEFORE_THAT: usize = 8;
/// A bare claim has at least a subject, a predicate and a complement.
const MIN_CLAUSE_TOKENS: usize = 4;
/// Shortest affixed verb (`me-`+root of 4): shorter words with the prefix are nouns (`dia`).
const MIN_AFFIXED_VERB: usize = 6;
/// The clitic that makes `ujar` the speaker's own word (`ujarnya`), `menurut` anaphoric.
const CLITIC: &str = "nya";

/// A claim before a post cue (`<claim>, kata X`) has at least three tokens.
const MIN_CLAIM_TOKENS: usize = 3;

/// Words a full name may run past a known short form (`Yoon` → `Yoon Suk Yeol`).
const MAX_NAME_TAIL: usize = 2;

/// Shortest reported claim, in bytes: anything shorter is a fragment, not a proposition.
const MIN_CLAIM_BYTES: usize = 9;

/// Any speech verb that can introduce a quotation or a claim.
const ANY_SAY: u32 = SAY | SAY_BAHWA | SAY_QUOTE;
/// The classes that start unmarked reported speech (see [`Doc::indirect`]).
const TRIGGER: u32 = ACCORDING | SAY | SAY_BAHWA | PASSIVE_NYA | POST | POST_NYA;

/// The reporting cues (data file `data/cues.tsv`), loaded once per tagger.
///
/// Every word belongs to one or more classes (`post`, `say`, `according`, …; the file's header
/// explains them). Lookups are case-insensitive.
///
/// ```
/// use indotag::quote::Cues;
/// let cues = Cues::defaults();
/// assert!(cues.is_cue("kata"));
/// assert!(cues.is_cue("Ujarnya"));
/// assert!(cues.is_cue("mengatakan"));
/// assert!(!cues.is_cue("menilai"));
/// ```
#[derive(Clone, Debug, Default)]
pub struct Cues {
    words: HashMap<Box<str>, u32>,
    /// The same words keyed by bytes, for lookups that lower ASCII on the stack.
    bytes: HashMap<Box<[u8]>, u32>,
    /// The ASCII words of at most 15 bytes keyed by [`pack16`]: hashing one integer instead of
    /// a byte slice, since every word token of a text is looked up (most cue words are short).
    packed: HashMap<u128, u32>,
    /// One bit per (length, first letter, last letter) of some word (see [`filter_key`]): most
    /// words of a text are no cue, and this rejects them without hashing.
    filter: Vec<u64>,
    /// Verb prefixes (class `verb-prefix`): matched at word starts, never as words.
    prefixes: Vec<Box<str>>,
}

impl Cues {
    /// The embedded default cue list.
    pub fn defaults() -> Cues {
        // The embedded file is checked by the tests below, so parsing it cannot fail.
        let mut cues = Cues::parse(CUES_TSV).expect("embedded data/cues.tsv is valid");
        for w in NAME_STOPWORDS.lines().map(str::trim) {
            if !w.is_empty() && !w.starts_with('#') {
                *cues.words.entry(w.to_lowercase().into()).or_default() |= NOT_NAME;
            }
        }
        cues.seal();
        cues
    }

    /// Parses a cue list in the `data/cues.tsv` format (`word<TAB>class`, `#` comments, one
    /// header line `cue<TAB>class`). Errors name the line.
    ///
    /// ```
    /// use indotag::quote::Cues;
    /// let cues = Cues::parse("cue\tclass\nkata\tpost\n").unwrap();
    /// assert!(cues.is_cue("kata"));
    /// assert!(Cues::parse("cue\tclass\nkata\tnonsense\n").unwrap_err().contains("line 2"));
    /// ```
    pub fn parse(content: &str) -> Result<Cues, String> {
        let mut words: HashMap<Box<str>, u32> = HashMap::default();
        let mut prefixes = Vec::new();
        for (i, line) in content.lines().enumerate() {
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() || line.starts_with('#') || line == "cue\tclass" {
                continue;
            }
            let (word, class) = line
                .split_once('\t')
                .ok_or_else(|| format!("line {}: expected `word<TAB>class`", i + 1))?;
            if class.trim() == "verb-prefix" {
                prefixes.push(word.trim().to_lowercase().into());
                continue;
            }
            let bit = CLASSES
                .iter()
                .find(|(n, _)| *n == class.trim())
                .map(|(_, b)| *b)
                .ok_or_else(|| format!("line {}: unknown class `{class}`", i + 1))?;
            *words.entry(word.trim().to_lowercase().into()).or_default() |= bit;
        }
        // `ujar` gives `ujarnya`; keep explicit entries' classes too.
        let posts: Vec<Box<str>> = words
            .iter()
            .filter(|(_, c)| **c & POST != 0)
            .map(|(w, _)| w.clone())
            .collect();
        for w in posts {
            *words.entry(format!("{w}{CLITIC}").into()).or_default() |= POST_NYA;
        }
        let mut cues = Cues {
            words,
            prefixes,
            ..Cues::default()
        };
        cues.seal();
        Ok(cues)
    }

    /// Rebuilds the byte-keyed table and the filter from `words`.
    fn seal(&mut self) {
        self.bytes = self
            .words
            .iter()
            .map(|(w, &c)| (w.as_bytes().into(), c))
            .collect();
        self.packed = self
            .words
            .iter()
            .filter(|(w, _)| w.is_ascii())
            .filter_map(|(w, &c)| Some((pack16(w.as_bytes())?, c)))
            .collect();
        self.filter = vec![0; FILTER_WORDS];
        for w in self.words.keys() {
            if let Some(k) = filter_key(w.as_bytes()) {
                self.filter[k / 64] |= 1 << (k % 64);
            }
        }
    }

    /// True when `word` is a reporting cue (a speech verb, `menurut`, a `-nya` cue, …).
    pub fn is_cue(&self, word: &str) -> bool {
        self.class(word) & (POST | POST_NYA | ANY_SAY | ACCORDING | PASSIVE_NYA) != 0
    }

    /// True when `word` (lower case) starts with a verb prefix (`me-`, `ber-`, `di-`, `ter-`).
    fn verb_prefix(&self, word: &str) -> bool {
        self.prefixes.iter().any(|p| word.starts_with(&**p))
    }

    /// The class bits of `word`, case-insensitively; 0 when unknown. Cue words are ASCII, so
    /// anything else is not looked up, and short words are lowered on the stack.
    fn class(&self, word: &str) -> u32 {
        let b = word.as_bytes();
        if b.len() <= 15 {
            if !b.is_ascii() || !self.may_be_word(b) {
                return 0;
            }
            return pack16(b).map_or(0, |p| self.packed.get(&p).copied().unwrap_or(0));
        }
        if b.len() > 32 || !word.is_ascii() || !self.may_be_word(b) {
            return 0;
        }
        let mut buf = [0u8; 32];
        for (d, s) in buf.iter_mut().zip(b) {
            *d = s.to_ascii_lowercase();
        }
        self.bytes.get(&buf[..b.len()]).copied().unwrap_or(0)
    }

    /// False when no word has the length, first and last letter of `b` (see [`filter_key`]).
    #[inline]
    fn may_be_word(&self, b: &[u8]) -> bool {
        filter_key(b).is_some_and(|k| {
            self.filter
                .get(k / 64)
                .is_some_and(|f| f & (1 << (k % 64)) != 0)
        })
    }
}

/// An ASCII word of at most 15 bytes, lower-cased, packed into one integer: its bytes, then
/// its length in the last byte (so a word with a NUL byte cannot collide with a shorter one).
#[inline]
fn pack16(b: &[u8]) -> Option<u128> {
    if b.len() > 15 {
        return None;
    }
    // Shifted into registers, not stored byte by byte and reloaded as a whole: byte stores
    // then a wide load of the same bytes stall the CPU's store forwarding.
    let (mut lo, mut hi) = (0u64, (b.len() as u64) << 56);
    for (i, &c) in b.iter().enumerate() {
        let c = u64::from(c.to_ascii_lowercase());
        if i < 8 {
            lo |= c << (8 * i);
        } else {
            hi |= c << (8 * (i - 8));
        }
    }
    Some(u128::from(hi) << 64 | u128::from(lo))
}

/// Size of [`Cues`]'s filter in 64-bit words: one bit per 15-bit [`filter_key`].
const FILTER_WORDS: usize = 1 << (15 - 6);

/// The filter bit of an ASCII word, case-insensitively: its length and the low five bits of
/// its first and last bytes (letters differ there, whatever their case). `None` when empty.
fn filter_key(b: &[u8]) -> Option<usize> {
    let (&first, &last) = (b.first()?, b.last()?);
    Some((b.len() & 31) | (usize::from(first & 31) << 5) | (usize::from(last & 31) << 10))
}

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
    if tokens.is_empty() {
        return Vec::new();
    }
    let cls: Vec<u32> = tokens
        .iter()
        .map(|t| {
            if t.kind == TokenKind::Word {
                cues.class(t.span.as_str(text))
            } else {
                0
            }
        })
        .collect();
    // No quote mark and no word that can open reported speech: nothing to find, so skip the
    // paragraph, sentence and line-break tables.
    if !cls.iter().any(|c| c & TRIGGER != 0)
        && !tokens
            .iter()
            .any(|t| t.kind == TokenKind::Punct && is_mark(t.span.as_str(text)))
    {
        return Vec::new();
    }
    let mut d = Doc::new(text, tokens, sentences, entities, cues, cls);
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
    cands.sort_by_key(|c| c.at);
    let mut out = d.resolve(cands, &quoted);
    out.sort_by_key(|q| (q.span.start, q.span.end));
    out
}

/// Canonical names already given to speakers, in order, indexed by word.
#[derive(Default)]
struct Known {
    list: Vec<(Arc<str>, Option<Arc<str>>)>,
    by_word: HashMap<String, Vec<usize>>,
}

impl Known {
    fn add(&mut self, canon: &Arc<str>, id: &Option<Arc<str>>) {
        if self.list.iter().rev().take(1).any(|(k, _)| k == canon) {
            return;
        }
        // A canonical already known is listed under each of its words, so its first word's
        // list is enough to find it.
        let known = canon.split_whitespace().next().is_some_and(|w| {
            self.by_word
                .get(w)
                .is_some_and(|l| l.iter().any(|&i| self.list[i].0 == *canon))
        });
        if !known {
            let n = self.list.len();
            for w in canon.split_whitespace() {
                let l = self.by_word.entry(w.to_string()).or_default();
                // a word repeated inside one name ("… dan … dan …") is listed once
                if l.last() != Some(&n) {
                    l.push(n);
                }
            }
            self.list.push((canon.clone(), id.clone()));
        }
    }
}

/// A pair of marks: token indices of the opening and closing mark (which may lie in different
/// paragraphs for a multi-paragraph quote).
#[derive(Clone, Copy, Debug)]
struct Marked {
    open: usize,
    close: usize,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Side {
    Open,
    Close,
    Either,
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
    by_word: HashMap<&'a str, Vec<usize>>,
}

struct Doc<'a> {
    text: &'a str,
    toks: &'a [Token],
    ents: &'a [Entity],
    /// Page zones, sorted (empty when unknown).
    zones: &'a [Zone],
    cues: &'a Cues,
    /// Class bits per token.
    cls: Vec<u32>,
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
    /// Memo of [`Doc::earlier_full_name`]: per word, its first name-run occurrence.
    full_names: RefCell<HashMap<&'a str, Option<(usize, String)>>>,
    /// Memo of [`Doc::role_holder`]: per role (lower case), where it is followed by a name.
    holders: RefCell<HashMap<String, Vec<(usize, Speaker)>>>,
}

fn is_mark(s: &str) -> bool {
    matches!(s, "\"" | "“" | "”" | "„")
}

impl<'a> Doc<'a> {
    fn new(
        text: &'a str,
        toks: &'a [Token],
        sentences: &[Span],
        ents: &'a [Entity],
        cues: &'a Cues,
        cls: Vec<u32>,
    ) -> Doc<'a> {
        let mut para = Vec::with_capacity(toks.len());
        let mut p = 0u32;
        for (i, t) in toks.iter().enumerate() {
            // Bytes, not chars: a newline is ASCII, and gaps are short.
            if i > 0 && text.as_bytes()[toks[i - 1].span.end..t.span.start].contains(&b'\n') {
                p += 1;
            }
            para.push(p);
        }
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
            for _ in a..k {
                sent.push((a, k));
            }
            i = k;
        }
        let mut d = Doc {
            text,
            toks,
            ents,
            zones: &[],
            cues,
            cls,
            para,
            sent,
            hard: Vec::new(),
            ents_sorted: ents.windows(2).all(|w| w[0].span.end <= w[1].span.start),
            ent_maps: OnceCell::new(),
            persons: OnceCell::new(),
            acronyms: OnceCell::new(),
            full_names: RefCell::new(HashMap::default()),
            holders: RefCell::new(HashMap::default()),
        };
        d.index();
        d
    }

    /// Prefix counts of hard line breaks (see [`Doc::soft_breaks`]).
    fn index(&mut self) {
        let mut hard = Vec::with_capacity(self.toks.len());
        let mut h = 0u32;
        for k in 0..self.toks.len() {
            if k > 0 && !self.soft_break_at(k) {
                h += 1;
            }
            hard.push(h);
        }
        self.hard = hard;
    }

    /// The first entity (index) ending at byte `end`.
    fn ent_ending_at(&self, end: usize) -> Option<usize> {
        if self.ents_sorted {
            let i = self.ents.partition_point(|e| e.span.end < end);
            return self.ents.get(i).filter(|e| e.span.end == end).map(|_| i);
        }
        self.ent_maps().by_end.get(&end).copied()
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
            for e in ents.iter().filter(|e| e.label == Label::Person) {
                let Some(&n) = seen.get(&*e.canonical) else {
                    continue;
                };
                for w in e.canonical.split_whitespace() {
                    let list = x.by_word.entry(w).or_default();
                    if !list.contains(&n) {
                        list.push(n);
                    }
                }
            }
            x
        })
    }

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

    /// The text of token `i`; empty past either end, so that neighbour checks never panic.
    fn t(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| t.span.as_str(self.text))
    }

    /// Class bits of token `i` (0 past the end).
    fn c(&self, i: usize) -> u32 {
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

    fn side(&self, i: usize) -> Side {
        let sp = self.toks[i].span;
        let before = self.text[..sp.start].chars().next_back();
        let after = self.text[sp.end..].chars().next();
        let space_before = before.map_or(true, |c| c.is_whitespace() || "([{—–-:/".contains(c));
        let space_after = after.map_or(true, |c| c.is_whitespace() || ".,;:!?)]}".contains(c));
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
    fn pair_marks(&self) -> Vec<Marked> {
        let marks: Vec<usize> = (0..self.toks.len())
            .filter(|&i| self.toks[i].kind == TokenKind::Punct && is_mark(self.t(i)))
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
                        let last_in_para = marks.get(n + 1).map_or(true, |&j| self.p(j) != para);
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
    fn soft_breaks(&self, a: usize, b: usize) -> bool {
        match (self.hard.get(a), self.hard.get(b)) {
            (Some(x), Some(y)) => x == y,
            _ => false,
        }
    }

    /// The gap before token `k` (k ≥ 1) holds no line break, or one soft one.
    fn soft_break_at(&self, k: usize) -> bool {
        self.p(k) == self.p(k - 1)
            || !matches!(self.t(k - 1), "." | "!" | "?" | ":" | "\"" | "”" | "“")
                && self.text.as_bytes()[self.toks[k - 1].span.end..self.toks[k].span.start]
                    .iter()
                    .filter(|&&b| b == b'\n')
                    .count()
                    == 1
    }

    /// Kind, cue and speaker strategy of one pair of marks; `None` when it is no quotation.
    fn classify_marked(&self, m: &Marked) -> Option<Cand> {
        let (o, c) = (m.open, m.close);
        if c <= o + 1 {
            return None;
        }
        let span = self.trim(Span::new(self.toks[o].span.end, self.toks[c].span.start));
        if span.is_empty() {
            return None;
        }
        // Quoted titles and names are no quotations.
        for k in 1..=2 {
            if o >= k && self.p(o - k) == self.p(o) && self.c(o - k) & TITLED != 0 {
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

    fn trim(&self, s: Span) -> Span {
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

    /// The speaker named after a post cue starting at token `k`: a pronoun, a name (entity or
    /// capitalised words) or a role phrase, up to a comma, a context word or the sentence end.
    fn speaker_after(&self, k: usize) -> Option<Who> {
        let n = self.toks.len();
        if k >= n || !self.is_word(k) || self.p(k) != self.p(k - 1) {
            return None;
        }
        if self.c(k) & PRON != 0 {
            return Some(Who::Anaphor(self.toks[k].span));
        }
        if self.c(k) & PRON_PLURAL != 0 {
            return Some(Who::Bare(self.toks[k].span));
        }
        if self.c(k) & MEDIA != 0 {
            return None;
        }
        // The window: words (and `.` after an initial) up to a stop.
        let mut end = k;
        while end < n && end < k + MAX_SPEAKER_WORDS && self.p(end) == self.p(k) {
            let w = self.t(end);
            let ok = if self.is_word(end) {
                end == k || self.c(end) & CONTEXT == 0
            } else {
                w == "." && end > k && self.t(end - 1).chars().count() == 1 && self.is_cap(end - 1)
                    || w == "-"
            };
            if !ok {
                break;
            }
            end += 1;
        }
        if end == k {
            return None;
        }
        let window = self.span(k, end - 1);
        // `kata Juru Bicara Partai X, Budi Santoso`: the name after the role and its comma —
        // only a person the entity stage found or a run of name words (not `Kamis`).
        if self.c(k) & TITLE != 0 && self.t(end) == "," && end <= k + MAX_ROLE_WORDS {
            if let Some(w) = self.name_after_comma(end + 1) {
                return Some(w);
            }
        }
        if let Some(e) = self.best_entity(window) {
            if self.is_cap(k) || e.label == Label::Person {
                return Some(Who::Mention(e.span));
            }
        }
        if self.is_cap(k) {
            let (a, b) = self.cap_run_from(k, end);
            let (a, b) = self.strip_titles(a, b);
            return Some(Who::Mention(self.span(a, b)));
        }
        // Lowercase: a role phrase (`juru bicara Kremlin`, `analis UBS Giovanni Staunovo`).
        let caps = (k..end).find(|&j| self.is_cap(j));
        if let Some(j) = caps {
            let (a, b) = self.cap_run_from(j, end);
            let (sa, sb) = self.strip_titles(a, b);
            // A multi-word name after the role is the speaker; a single capitalised word is
            // part of the role (`juru bicara Kremlin`) unless it is a person entity.
            if sb > sa || self.c(k) & TITLE == 0 {
                return Some(Who::Mention(self.span(sa, sb)));
            }
            return Some(Who::Mention(self.span(k, b)));
        }
        // All lowercase: a role, linked to its holder later if the article names one.
        if end - k <= MAX_ROLE_WORDS && self.c(k) & TITLE != 0 {
            return Some(Who::Mention(self.span(k, end - 1)));
        }
        // Any other short lowercase noun phrase (`kata para pejabat`): the phrase says it, with
        // no known person behind it.
        if end - k <= MAX_ROLE_WORDS {
            return Some(Who::Bare(self.span(k, end - 1)));
        }
        None
    }

    /// A name right at token `j` (after `role,`): a person entity starting there, or a run of at
    /// least two capitalised name words, none of them a day, month or function word.
    fn name_after_comma(&self, j: usize) -> Option<Who> {
        if !self.is_cap(j) || self.p(j) != self.p(j.wrapping_sub(1)) {
            return None;
        }
        let at = self.toks[j].span.start;
        let i = self.ents.partition_point(|e| e.span.start < at);
        if let Some(e) = self
            .ents
            .get(i)
            .filter(|e| e.span.start == at && e.label == Label::Person)
        {
            return Some(Who::Mention(e.span));
        }
        let end = self.toks.len().min(j + MAX_SPEAKER_WORDS);
        let (a, b) = self.cap_run_from(j, end);
        let named = (a..=b)
            .all(|x| !self.is_word(x) || self.c(x) & (FUNC | TITLE | NOT_NAME | CONTEXT) == 0);
        (b > a && named).then(|| Who::Mention(self.span(a, b)))
    }

    /// The entity to prefer inside `window`: a person, else the first one.
    fn best_entity(&self, window: Span) -> Option<&'a Entity> {
        let i = self.ents.partition_point(|e| e.span.end <= window.start);
        let inside = self.ents[i..]
            .iter()
            .take_while(|e| e.span.start < window.end)
            .filter(|e| window.contains(e.span));
        let mut first = None;
        for e in inside {
            if e.label == Label::Person {
                return Some(e);
            }
            first.get_or_insert(e);
        }
        first
    }

    /// Capitalised words from `k` (inclusive) onwards, before `end`: returns the token range
    /// `a..=b`. Initials (`M.`) and name particles (`bin`) stay inside.
    fn cap_run_from(&self, k: usize, end: usize) -> (usize, usize) {
        let mut b = k;
        let mut j = k + 1;
        while j < end {
            if self.is_cap(j) && self.c(j) & (FUNC | CONTEXT | ANY_SAY | POST) == 0 {
                b = j;
            } else if self.t(j) == "." && self.t(j - 1).chars().count() == 1 && j + 1 < end {
                // initial
            } else if self.c(j) & PARTICLE != 0 && j + 1 < end && self.is_cap(j + 1) {
                // particle
            } else {
                break;
            }
            j += 1;
        }
        (k, b)
    }

    /// Drops leading titles (`Presiden`, `Menteri`) and a leading acronym before a longer name
    /// (`UBS Giovanni Staunovo`), keeping at least one word.
    fn strip_titles(&self, mut a: usize, b: usize) -> (usize, usize) {
        while a < b && self.c(a) & (TITLE | FUNC) != 0 {
            a += 1;
        }
        // `analis UBS Giovanni Staunovo`: an organisation or place the entity stage found, right
        // before a person it found, is the person's affiliation.
        let at = self.toks[a].span.start;
        let i = self.ents.partition_point(|e| e.span.start < at);
        if let (Some(org), Some(next)) = (self.ents.get(i), self.ents.get(i + 1)) {
            if org.span.start == at
                && org.label != Label::Person
                && next.label == Label::Person
                && next.span.end <= self.toks[b].span.end
            {
                let j = self
                    .toks
                    .partition_point(|t| t.span.start < next.span.start);
                if j > a && j <= b {
                    a = j;
                }
            }
        }
        (a, b)
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

    /// The subject of the speech verb at token `v`: the mention just before it (skipping
    /// adverbs, appositives and relative clauses set off by commas).
    fn subject(&self, v: usize) -> Option<Who> {
        let (sa, _) = self.sent[v];
        if v == sa {
            return None;
        }
        let mut k = v - 1;
        if self.c(k) & NOT_SUBJECT != 0 {
            return None;
        }
        while k > sa && self.c(k) & ADVERB != 0 {
            k -= 1;
        }
        // `X menggarisbawahi …, dengan menyatakan bahwa …`: the sentence's subject.
        if self.c(k) & MANNER != 0 && self.c(k) & ADVERB == 0
            || self.t(k) == "," && k > sa && self.c(k - 1) & MANNER != 0
        {
            let j = (sa..k)
                .find(|&j| self.is_cap(j) && self.c(j) & (FUNC | TITLE | CONTEXT | ADVERB) == 0)?;
            let (x, y) = self.cap_run_from(j, k);
            return Some(Who::Mention(self.span(x, y)));
        }
        if self.t(k) == "," {
            if k == sa {
                return None;
            }
            let j = k - 1;
            // `"…," ujarnya, menambahkan bahwa …`
            if self.c(j) & POST_NYA != 0 {
                return Some(Who::Anaphor(self.toks[j].span));
            }
            // `kata Rutte, seraya menambahkan bahwa …`
            if let Some(p) = (j.saturating_sub(4)..j)
                .rev()
                .find(|&p| p >= sa && self.c(p) & POST != 0)
            {
                if let Some(w) = self.speaker_after(p + 1) {
                    return Some(w);
                }
            }
            // Walk back over comma-separated segments: a segment that starts in lower case
            // (`yang berbicara …`, `penulis buku …`) is an aside; a capitalised one is the
            // subject (`Wakil Ketua DPR, M. Hanif Dhakiri, menyebut`).
            let mut end = k;
            loop {
                let p = (sa..end).rev().find(|&p| self.t(p) == ",");
                let start = p.map_or(sa, |p| p + 1);
                if start >= end {
                    return None;
                }
                let aside = self.is_lower(start) || self.c(start) & PARTICLE != 0;
                match p {
                    Some(p) if aside => end = p,
                    _ if aside => return None,
                    _ => return self.mention_in(start, end),
                }
            }
        }
        if self.c(k) & PRON != 0 {
            return Some(Who::Anaphor(self.toks[k].span));
        }
        if self.c(k) & PRON_PLURAL != 0 {
            return Some(Who::Bare(self.toks[k].span));
        }
        if self.c(k) & PASSIVE_NYA != 0 {
            return None;
        }
        // An entity ending right here.
        if let Some(e) = self
            .ent_ending_at(self.toks[k].span.end)
            .map(|i| &self.ents[i])
        {
            let a = self.toks.partition_point(|t| t.span.start < e.span.start);
            if let Some(w) = self.affiliated_person(a, sa) {
                return Some(w);
            }
            if e.label != Label::Person {
                if let Some(w) = self.headed_phrase(a, k, sa) {
                    return Some(w);
                }
            }
            return Some(Who::Mention(e.span));
        }
        if self.is_cap(k) && self.c(k) & (FUNC | TITLE) == 0 {
            let mut a = k;
            while a > sa {
                let p = a - 1;
                let initial = self.t(p) == "." && p > sa && self.t(p - 1).chars().count() == 1;
                if (self.is_cap(p) && self.c(p) & (FUNC | CONTEXT | ACCORDING | MEDIA) == 0)
                    || initial
                    || (self.c(p) & PARTICLE != 0 && p > sa && self.is_cap(p - 1))
                {
                    a = p;
                } else {
                    break;
                }
            }
            if let Some(w) = self.affiliated_person(a, sa) {
                return Some(w);
            }
            let (mut x, y) = self.strip_titles(a, k);
            // `juru bicara Kremlin Dmitry Peskov berkata`: the body after a role is no name.
            if y >= x + 2 && x > sa && self.c(x - 1) & TITLE != 0 && self.is_lower(x - 1) {
                x += 1;
            }
            // `juru bicara Kremlin mengatakan`: a role, not a name.
            if x == y && x > sa && self.c(x - 1) & TITLE != 0 && self.is_lower(x - 1) {
                let mut r = x - 1;
                while r > sa && self.c(r - 1) & TITLE != 0 && self.is_lower(r - 1) {
                    r -= 1;
                }
                return Some(Who::Mention(self.span(r, y)));
            }
            return Some(Who::Mention(self.span(x, y)));
        }
        // A role phrase from the sentence start: `Politikus Partai Gerindra ini`, `para analis`.
        let start = (sa..=k)
            .rev()
            .find(|&p| self.t(p) == ",")
            .map_or(sa, |p| p + 1);
        if k + 1 - start <= 6 && (start..=k).all(|p| self.is_word(p)) && self.is_word(k) {
            if self.c(start) & (FUNC | ADVERB | CONTEXT) != 0 && !self.is_cap(start) {
                return None;
            }
            let span = self.span(start, k);
            if self.c(k) & DEMONSTRATIVE != 0 {
                return Some(Who::Anaphor(span));
            }
            if let Some(e) = self.best_entity(span).filter(|e| e.label == Label::Person) {
                return Some(Who::Mention(e.span));
            }
            // A role (`Menlu`, `Juru bicara itu`) may stand for a person named with it earlier.
            if (start..=k).any(|p| self.c(p) & TITLE != 0) {
                return Some(Who::Mention(span));
            }
            return Some(Who::Bare(span));
        }
        None
    }

    /// `Budi dari Lembaga Hijau Kalimantan menyebut`: when the subject found at token `a` is
    /// the body a person comes from (an `affiliation` word before it), the person says it.
    fn affiliated_person(&self, a: usize, sa: usize) -> Option<Who> {
        let mut j = a;
        while j > sa
            && a - j < MAX_ROLE_WORDS
            && (self.is_cap(j - 1) || self.t(j - 1) == "-" || self.c(j - 1) & PARTICLE != 0)
            && self.c(j - 1) & AFFILIATION == 0
        {
            j -= 1;
        }
        let k = j.checked_sub(2).filter(|&k| k >= sa)?;
        if self.c(j - 1) & AFFILIATION == 0 || !self.is_cap(k) {
            return None;
        }
        let mut x = k;
        while x > sa && self.is_cap(x - 1) && self.c(x - 1) & (FUNC | CONTEXT | NOT_NAME) == 0 {
            x -= 1;
        }
        let (x, y) = self.strip_titles(x, k);
        Some(Who::Mention(self.span(x, y)))
    }

    /// `Sejumlah media Israel melaporkan`, `juru bicara Kremlin mengatakan`: a place or body
    /// (tokens `a..=k`) inside a noun phrase headed by a common noun or a role is not the speaker
    /// by itself; the phrase is (linked to a person only through a role).
    fn headed_phrase(&self, a: usize, k: usize, sa: usize) -> Option<Who> {
        let stop = FUNC | CONTEXT | ADVERB | NOT_SUBJECT | AFFILIATION | ANY_SAY | POST | PRON;
        let mut j = a;
        while j > sa
            && a - j < MAX_ROLE_WORDS
            && self.is_word(j - 1)
            && self.c(j - 1) & stop == 0
            && (self.is_lower(j - 1) || self.c(j - 1) & TITLE != 0 || j - 1 == sa)
        {
            j -= 1;
        }
        if j == a {
            return None;
        }
        let span = self.span(j, k);
        if (j..a).any(|x| self.c(x) & TITLE != 0) {
            Some(Who::Mention(span))
        } else {
            Some(Who::Bare(span))
        }
    }

    /// A mention inside tokens `a..b` (an appositive or the X of `Menurut X`).
    fn mention_in(&self, a: usize, b: usize) -> Option<Who> {
        if a >= b {
            return None;
        }
        let span = self.span(a, b - 1);
        if let Some(e) = self.best_entity(span) {
            return Some(Who::Mention(e.span));
        }
        if b - a == 1 && self.c(a) & PRON != 0 {
            return Some(Who::Anaphor(span));
        }
        if let Some(j) = (a..b).find(|&j| self.is_cap(j) && self.c(j) & (FUNC | TITLE) == 0) {
            let (x, y) = self.cap_run_from(j, b);
            let (x, y) = self.strip_titles(x, y);
            return Some(Who::Mention(self.span(x, y)));
        }
        if (a..b).all(|j| self.is_word(j)) && b - a <= 5 {
            return Some(Who::Bare(span));
        }
        None
    }

    /// Speaker of `Menurut X,` (token `m` is the cue, `comma` the comma's index).
    fn according_who(&self, m: usize, comma: usize) -> Option<Who> {
        let w = self.t(m).to_ascii_lowercase();
        if w.ends_with(CLITIC) {
            return Some(Who::Anaphor(self.toks[m].span));
        }
        self.mention_in(m + 1, comma.min(self.toks.len()))
    }

    /// Unmarked reported speech, sentence by sentence.
    fn indirect(&self, direct_opens: &[(usize, usize)], out: &mut Vec<Cand>) {
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
                if inside[k] {
                    continue;
                }
                let c = self.c(k);
                let found;
                if c & ACCORDING != 0 {
                    found = self.according_claim(k, sa, sb);
                } else if c & (SAY | SAY_BAHWA) != 0 {
                    found = self.verb_claim(k, sb);
                } else if c & PASSIVE_NYA != 0 {
                    found = self.claim_after(k + 1, sb).map(|span| Cand {
                        span,
                        kind: QuoteKind::Indirect,
                        who: Who::Anaphor(self.toks[k].span),
                        cue: Some(self.toks[k].span),
                        rule: "passive-nya",
                        at: self.toks[k].span.start,
                    });
                } else if c & (POST | POST_NYA) != 0 && k > sa && self.t(k - 1) == "," {
                    found = self.post_claim(k, sa, sb, false);
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

    /// `Menurut X, …` / `…, menurut X, …`.
    fn according_claim(&self, m: usize, sa: usize, sb: usize) -> Option<Cand> {
        let comma = (m + 1..sb.min(m + 12)).find(|&k| self.t(k) == ",");
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
                return Some(Cand {
                    span: claim,
                    kind: QuoteKind::Indirect,
                    who: Who::Anaphor(cue),
                    cue: Some(cue),
                    rule: "according-to",
                    at: cue.start,
                });
            }
            let comma = comma?;
            let who = self.according_who(m, comma)?;
            let claim = if m > sa + 2 && self.t(m - 1) == "," {
                // `<claim>, menurut X, …`
                self.trim_claim(self.span(sa, m - 2))
            } else if m == sa || self.t(m - 1) == "," {
                self.claim_after(comma + 1, sb)?
            } else {
                return None;
            };
            (who, claim)
        };
        Some(Cand {
            span,
            kind: QuoteKind::Indirect,
            who,
            cue: Some(cue),
            rule: "according-to",
            at: cue.start,
        })
    }

    /// `X mengatakan (bahwa) …`, `X menegaskan, …`.
    fn verb_claim(&self, v: usize, sb: usize) -> Option<Cand> {
        let next = v + 1;
        if next >= sb {
            return None;
        }
        let cue = self.toks[v].span;
        let (start, rule) = if self.c(next) & THAT != 0 {
            (next + 1, "verb-bahwa")
        } else if self.t(next) == "," {
            (next + 1, "verb-comma")
        } else if let Some(b) =
            (next..sb.min(next + MAX_BEFORE_THAT)).find(|&k| self.c(k) & THAT != 0)
        {
            if (next..b).any(|k| self.t(k) == "," || is_mark(self.t(k))) {
                return None;
            }
            (b + 1, "verb-bahwa")
        } else if self.c(v) & SAY != 0 && self.bare_clause(next, sb) {
            (next, "verb-clause")
        } else {
            return None;
        };
        if start >= sb || is_mark(self.t(start)) {
            return None;
        }
        let span = self.claim_after(start, sb)?;
        let who = self.subject(v)?;
        Some(Cand {
            span,
            kind: QuoteKind::Indirect,
            who,
            cue: Some(cue),
            rule,
            at: cue.start,
        })
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
        if self.c(a) & CONTEXT != 0 && !opener {
            return false;
        }
        if self.t(a).to_lowercase().ends_with(CLITIC) && self.c(a) & PRON == 0 {
            return false;
        }
        // `menyebutkan tak ada …`: a negation or modal opens a clause.
        if self.c(a) & MODAL != 0 && self.c(a) & FUNC != 0 {
            return true;
        }
        (a + 1..b).any(|k| {
            let w = self.t(k);
            self.is_lower(k)
                && (self.c(k) & (MODAL | PREDICATE) != 0
                    || w.len() >= MIN_AFFIXED_VERB && self.cues.verb_prefix(w))
        })
    }

    /// `<claim>, kata X.` and `<start>, kata X, <rest>.` without quote marks.
    /// `glued`: no comma before the cue, so only the mid-sentence form (`…, <rest>`) counts.
    fn post_claim(&self, k: usize, sa: usize, sb: usize, glued: bool) -> Option<Cand> {
        let before = if glued { 1 } else { MIN_CLAIM_TOKENS };
        if (sa..k).any(|j| is_mark(self.t(j))) || k < sa + before {
            return None;
        }
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
            Some(c) if (c + 1..sb).filter(|&j| self.is_word(j)).count() >= 2 => {
                // Mid-sentence: the whole sentence is the claim.
                self.trim_claim(self.span(sa, sb - 1))
            }
            _ if !glued => self.trim_claim(self.span(sa, k - 2)),
            _ => return None,
        };
        Some(Cand {
            span,
            kind: QuoteKind::Indirect,
            who,
            cue: Some(cue),
            rule,
            at: cue.start,
        })
    }

    /// Resolves speakers in text order.
    fn resolve(&self, cands: Vec<Cand>, quoted: &[Span]) -> Vec<Quote> {
        // Person mentions outside quotations and in the article's running text, for salience.
        let mut quoted = quoted.to_vec();
        quoted.sort_by_key(|q| q.start);
        let in_quote = |e: &Entity| {
            let i = quoted.partition_point(|q| q.start <= e.span.start);
            i > 0 && quoted[i - 1].contains(e.span)
        };
        let persons: Vec<&Entity> = self
            .ents
            .iter()
            .filter(|e| e.label == Label::Person && !in_quote(e) && self.body_like(e.span))
            .collect();
        let mut last: Option<(usize, Speaker)> = None;
        let mut known = Known::default();
        let mut out = Vec::with_capacity(cands.len());
        for c in cands {
            let salient = |last: &Option<(usize, Speaker)>| -> Option<Speaker> {
                let p = persons.partition_point(|e| e.span.end <= c.at);
                let ent = p.checked_sub(1).map(|i| persons[i]);
                // The last speaker goes on unless a person is named after it, close to the cue
                // (this sentence or the one before): a new subject.
                match (last, ent) {
                    (Some((lp, s)), Some(e))
                        if *lp >= e.span.start || e.span.start < self.recent_start(c.at) =>
                    {
                        Some(s.clone())
                    }
                    (_, Some(e)) => Some(Speaker {
                        span: e.span,
                        id: Some(e.id.clone()),
                        canonical: Some(e.canonical.clone()),
                    }),
                    (Some((_, s)), None) => Some(s.clone()),
                    (None, None) => None,
                }
            };
            let speaker = match c.who {
                Who::Nobody => None,
                Who::Continuation => salient(&last),
                Who::Bare(span) => Some(Speaker {
                    span,
                    id: None,
                    canonical: None,
                }),
                Who::Anaphor(span) => {
                    let s = salient(&last);
                    Some(Speaker {
                        span,
                        id: s.as_ref().and_then(|s| s.id.clone()),
                        canonical: s.and_then(|s| s.canonical),
                    })
                }
                Who::Mention(span) => Some(self.name(span, &known)),
            };
            let rule = match (&c.who, &speaker) {
                (Who::Continuation, None) => "no-cue",
                _ => c.rule,
            };
            if let Some(s) = &speaker {
                if let Some(canon) = &s.canonical {
                    known.add(canon, &s.id);
                    last = Some((c.at, s.clone()));
                } else if matches!(c.who, Who::Mention(_)) {
                    // A name nobody resolved is still the last speaker: a later `ujarnya` is
                    // theirs (with no canonical), not an earlier person's.
                    last = Some((c.at, s.clone()));
                }
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

    /// The speaker for a name or role mention: the entity there, a role's earlier holder, a
    /// short form of a known full name, or the words themselves.
    fn name(&self, span: Span, known: &Known) -> Speaker {
        let text = span.as_str(self.text);
        let words: Vec<&str> = text.split_whitespace().collect();
        let exact = self.ent_at(span).map(|i| &self.ents[i]);
        let from_entity = |e: &Entity| Speaker {
            span,
            id: Some(e.id.clone()),
            canonical: Some(e.canonical.clone()),
        };
        // An entity the entity stage resolved to something longer than its own text.
        if let Some(e) = exact.filter(|e| *e.canonical != *text) {
            return from_entity(e);
        }
        let lower = text.chars().next().is_some_and(char::is_lowercase);
        let role = words.iter().any(|w| self.cues.class(w) & TITLE != 0);
        if exact.is_none() && (lower || role) {
            if let Some(s) = self.role_holder(span) {
                return s;
            }
            // A role nobody is named with: the phrase is the speaker, the person unknown.
            return Speaker {
                span,
                id: None,
                canonical: None,
            };
        }
        // A short form of a known name (`Flynn` after `Phil Flynn`).
        let longer = |canon: &str| {
            let cw: Vec<&str> = canon.split_whitespace().collect();
            cw.len() > words.len() && words.iter().all(|w| cw.contains(w))
        };
        if let Some(first) = words.first() {
            let hit = known.by_word.get(*first).and_then(|l| {
                l.iter()
                    .rev()
                    .map(|&i| &known.list[i])
                    .find(|(c, _)| longer(c))
            });
            if let Some((canon, id)) = hit {
                return Speaker {
                    span,
                    id: id.clone(),
                    canonical: Some(canon.clone()),
                };
            }
            let persons = self.persons();
            let hit = persons
                .by_word
                .get(*first)
                .and_then(|l| l.iter().map(|&i| &persons.list[i]).find(|(c, _)| longer(c)));
            if let Some((canon, id)) = hit {
                return Speaker {
                    span,
                    id: Some(id.clone()),
                    canonical: Some(canon.clone()),
                };
            }
        }
        if let Some(e) = exact {
            return from_entity(e);
        }
        // An acronym defined earlier: `Administrasi Film Nasional (NFA)`.
        if words.len() == 1 && text.len() >= MIN_ACRONYM && text.chars().all(char::is_uppercase) {
            if let Some(full) = self.acronyms().get(text).cloned() {
                return Speaker {
                    span,
                    id: None,
                    canonical: Some(full.into()),
                };
            }
        }
        // An earlier, longer run of name words containing this one.
        if words.len() == 1 && self.cues.class(text) & NOT_NAME == 0 {
            if let Some(full) = self.earlier_full_name(span) {
                return Speaker {
                    span,
                    id: None,
                    canonical: Some(full.into()),
                };
            }
        }
        // A person entity the mention lies in or covers: the entity stage vouches for it.
        let i = self.ents.partition_point(|e| e.span.end <= span.start);
        let canonical = self.ents[i..]
            .iter()
            .take_while(|e| e.span.start < span.end)
            .find(|e| e.label == Label::Person)
            .map(|e| e.canonical.clone());
        // Otherwise the words are only a guess: no canonical.
        Speaker {
            span,
            id: None,
            canonical,
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
    /// [`Doc::earlier_full_name`]), with `k`.
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
    fn role_holder(&self, role: Span) -> Option<Speaker> {
        let a = self.toks.partition_point(|t| t.span.start < role.start);
        let b = self.toks.partition_point(|t| t.span.end <= role.end);
        let len = b.checked_sub(a).filter(|&l| l > 0)?;
        let key = (a..b)
            .map(|j| self.t(j).to_lowercase())
            .collect::<Vec<_>>()
            .join(" ");
        let mut memo = self.holders.borrow_mut();
        let list = memo.entry(key).or_insert_with(|| self.holders_of(a, len));
        let i = list.partition_point(|(s, _)| s + len < a);
        let (_, holder) = list.get(i.checked_sub(1)?)?;
        Some(Speaker {
            span: role,
            ..holder.clone()
        })
    }

    /// Every earlier place where the `len` tokens from `a` are followed by a name: its start
    /// and the holder (span unset), in text order.
    fn holders_of(&self, a: usize, len: usize) -> Vec<(usize, Speaker)> {
        let same = |x: usize, y: usize| self.t(x).eq_ignore_ascii_case(self.t(y));
        let mut out = Vec::new();
        for s in 0..a.saturating_sub(len) {
            if !(0..len).all(|j| same(s + j, a + j)) {
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
            if !self.is_cap(after) || self.c(after) & (FUNC | TITLE | NOT_NAME) != 0 {
                continue;
            }
            let span_after = self.toks[after].span;
            let ent = self
                .ents
                .partition_point(|e| e.span.start < span_after.start);
            if let Some(e) = self
                .ents
                .get(ent)
                .filter(|e| e.span.start == span_after.start && e.label == Label::Person)
            {
                out.push((
                    s,
                    Speaker {
                        span: e.span,
                        id: Some(e.id.clone()),
                        canonical: Some(e.canonical.clone()),
                    },
                ));
                continue;
            }
            let (x, y) = self.cap_run_from(after, self.toks.len());
            if y > x || defined {
                out.push((
                    s,
                    Speaker {
                        span: self.span(x, y),
                        id: None,
                        canonical: Some(self.span(x, y).as_str(self.text).into()),
                    },
                ));
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn known_names_with_a_repeated_word_are_listed_once() {
        let mut k = Known::default();
        let a: Arc<str> = "Kementerian Koperasi dan Usaha Kecil dan Menengah".into();
        let b: Arc<str> = "Badan Pangan dan Gizi".into();
        k.add(&a, &None);
        k.add(&b, &None);
        k.add(&a, &None);
        assert_eq!(k.list.len(), 2);
        assert_eq!(k.by_word["dan"], [0, 1]);
        assert_eq!(k.by_word["Gizi"], [1]);
    }

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
    fn embedded_cue_file_parses() {
        let cues = Cues::defaults();
        assert!(cues.class("kata") & POST != 0);
        assert!(cues.class("katanya") & POST_NYA != 0);
        assert!(cues.class("Menurut") & ACCORDING != 0);
    }

    #[test]
    fn class_lookup_handles_every_word_length() {
        let cues =
            Cues::parse("cue\tclass\nkata\tpost\nmenyampaikannya\tpost\nmemperdebatkannya\tpost\n")
                .unwrap();
        // 4, 15 and 17 bytes: packed lookups up to 15, the byte table beyond
        assert!(cues.class("KATA") & POST != 0);
        assert!(cues.class("Menyampaikannya") & POST != 0);
        assert!(cues.class("Memperdebatkannya") & POST != 0);
        assert_eq!(cues.class("kat"), 0);
        assert_eq!(cues.class("kata\u{0}"), 0);
        assert_eq!(cues.class("menyampaikannyaa"), 0);
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
        // No entity stage here: nothing vouches for the name, so no canonical is claimed (the
        // full tagger resolves it; see tests/testdata/quotes.toml).
        assert_eq!(q[1].3, None);
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
