//! Stage 5, mentions: gazetteer matches plus names found by their context.
//!
//! The gazetteers know the famous; news is full of people and bodies they do not know. This
//! stage adds those names, but only where the *context* says a name is there — never from
//! capitalisation alone, because Indonesian capitalises every sentence opener and headlines
//! capitalise every word. The contexts (each a rule, tried in this order):
//!
//! | rule | example | label |
//! |---|---|---|
//! | credit | `Editor: Budi Santoso`, `(foto: Rina Wati)` | PERSON |
//! | title | `Menteri Keuangan Sri Mulyani`, `juru bicara Kremlin Dmitry Peskov`, `Pak Budi` | PERSON |
//! | speech-after | `kata Hanif`, `ujar Budi Santoso` | PERSON |
//! | speech-before | `Budi Santoso mengatakan` (2+ words) | PERSON |
//! | apposition | `Budi Santoso, Direktur …` (2+ words) | PERSON |
//! | photo credit | `Mikhail Metzel/Kantor Pers …` | PERSON |
//! | head word | `Badan Pusat Statistik`, `Bandara Halim Perdanakusuma` | ORG / GPE / LOC |
//!
//! A name is 1–4 capitalised words, with particles (`bin`, `van`) and initials (`M.`) allowed
//! inside; it never starts on a word that news text usually writes in lower case (`Pada`,
//! `Namun`, `Kota`: see `data/common_words.tsv`) or on a stop-word (`data/name_stopwords.txt`).
//! Gazetteer matches win over patterns; a pattern name that runs into a gazetteer person is that
//! person. Pattern entities get `source: pattern`, `canonical` = the name as written, and
//! `id` = `pattern:` + a slug of the canonical (`pattern:budi-santoso`), so they can never collide
//! with a gazetteer id.
//!
//! All word lists are data files under `data/`, compiled once into one hash map (one lookup per
//! word token); the per-document work is a few linear passes over the tokens.

use std::cell::RefCell;
use std::sync::{Arc, OnceLock};

mod aged;
pub(crate) mod alias_guard;
mod balinese;
mod branch;
mod clubs;
mod extend;
pub(crate) mod family_names;
mod hyphenated;
mod initials;
mod lists;
mod nicknamed;
mod outlets;
mod prefix_trim;
mod schools;
mod selaku;
mod tailed;
pub(crate) mod zone_cut;

use crate::gazetteer::Matcher;
use crate::span::{Entity, Label, Source, Span, Token, TokenKind};

const COMMON_WORDS: &str = include_str!("../data/common_words.tsv");
const TITLES: &str = include_str!("../data/titles.tsv");
const STOPWORDS: &str = include_str!("../data/name_stopwords.txt");
const DEGREES: &str = include_str!("../data/degrees.txt");
const PARTICLES: &str = include_str!("../data/particles.txt");
const SPEECH_VERBS: &str = include_str!("../data/speech_verbs.tsv");
const HEADS: &str = include_str!("../data/name_heads.tsv");
const LOOSE_BLOCKERS: &str = include_str!("../data/loose_name_blockers.txt");
const NAME_FINAL_WORDS: &str = include_str!("../data/name_final_words.txt");
const GLUED_TAILS: &str = include_str!("../data/glued_tails.txt");
const ACRONYM_HEADS: &str = include_str!("../data/acronym_heads.txt");
const ORG_TAILS: &str = include_str!("../data/org_tails.txt");
const LEGAL_SUFFIXES: &str = include_str!("../data/legal_suffixes.txt");
const LONE_NOT_NAMES: &str = include_str!("../data/lone_not_names.txt");

/// Longest personal name found by context, in words (initials and particles included).
pub(crate) const MAX_NAME_WORDS: usize = 4;
/// Capitalised words a run before a speech verb may have when it holds an employer's name
/// and a person's (`Kanaka Hita Solvera William Wibowo menilai`); a person of more than
/// [`MAX_NAME_WORDS`] words that the article does not part is dropped.
const LONG_RUN_WORDS: usize = 7;
/// Tokens a role's tail may take before its holder's name: the unit, the body and its
/// acronym (`Kepala Badan Penyuluhan dan Pengembangan Sumber Daya Manusia Pertanian
/// (BPPSDMP) Kementan Idha Widi Arsanti`: 12 tokens).
const MAX_ROLE_TAIL_TOKENS: usize = 16;
/// Letters of a title word whose abbreviating dot the tokenizer may leave apart (`Ust.`): after a longer title a dot is a full stop.
const MAX_DOTTED_TITLE: usize = 4;
/// Longest organisation or place name opened by a head word, in tokens.
const MAX_HEAD_TOKENS: usize = 9;

/// A hash map with FxHash (from `rustc-hash`): short keys hash in a few cycles, which matters
/// because every word token of every document is looked up once.
pub(crate) type FxMap<K, V> = rustc_hash::FxHashMap<K, V>;
type FxSet<K> = rustc_hash::FxHashSet<K>;

/// Usually written in lower case mid-sentence (≥ 1.5× as often as capitalised): cannot start a
/// pattern name.
pub(crate) const W_STRICT: u16 = 1;
/// Often written in lower case (≥ 40 times, and at least a third as often as capitalised):
/// skipped between a role and its name.
pub(crate) const W_LOOSE: u16 = 1 << 1;
/// Never part of a pattern name.
pub(crate) const W_STOP: u16 = 1 << 2;
/// A name particle (`bin`, `van`).
pub(crate) const W_PARTICLE: u16 = 1 << 3;
/// Speech verb with the name after it.
const W_SPEECH_AFTER: u16 = 1 << 4;
/// Speech verb with the name before it.
const W_SPEECH_BEFORE: u16 = 1 << 5;
/// First word of a title phrase.
pub(crate) const W_TITLE: u16 = 1 << 6;
/// First word of a head phrase.
pub(crate) const W_HEAD: u16 = 1 << 7;
/// A portfolio word (`Perhubungan`): skipped between a role and its name.
pub(crate) const W_PORTFOLIO: u16 = 1 << 8;
/// A lower-case word after which capitalised words name a place, work or body, not a person
/// (`di`, `film`, `klub`): blocks the loose rule.
pub(crate) const W_LOOSE_BLOCK: u16 = 1 << 9;
/// A frequent word usually written in lower case (`W_STRICT`, ≥ 300 lower-case uses): a
/// capitalised one glued to a name (`BerawanJakarta`) is two words, not a brand.
pub(crate) const W_FREQ: u16 = 1 << 10;
/// Opens an organisation's name before a parenthesised acronym (`data/acronym_heads.txt`; head
/// words count too).
pub(crate) const W_ACR_HEAD: u16 = 1 << 11;
/// `menurut`: a name right after it and a comma after the name (`Menurut Sutrisno, …`).
const W_ACCORDING: u16 = 1 << 12;
/// Ends an organisation's name (`Sekuritas`, `Group`, `Tbk`: `data/org_tails.txt` and the legal
/// suffixes): in a role phrase the person's name starts after it.
pub(crate) const W_ORG_TAIL: u16 = 1 << 13;
/// May stand between a one-word subject and its speech verb (`Eddy belum bisa memastikan`,
/// `Sutrisno kemudian menjelaskan`: side `between` of `data/speech_verbs.tsv`).
const W_SUBJECT_ADVERB: u16 = 1 << 14;
/// First word of a noun that introduces a list of organisations (`perusahaan seperti …`:
/// `data/list_nouns.tsv`), so that the list rule looks only where one stands.
const W_LIST_NOUN: u16 = 1 << 15;

/// Kinds of head (`data/name_heads.tsv`) naming a police or military unit: one word after
/// the head is the unit's place, not a person (`Kasat Reskrim Polresta Pati`).
const FORCE_KINDS: &[&str] = &["police", "military"];

/// Kinds of head naming a police, military or government unit, whose name ends at the place
/// it serves: what follows is no part of it.
const UNIT_KINDS: &[&str] = &["police", "military", "agency", "government", "legislature"];

/// Kinds of head naming a regional government or parliament (`Pemkab`, `DPRD`), whose name is
/// the place it governs and nothing else.
const REGIONAL_KINDS: &[&str] = &["government", "legislature"];

/// Kinds of heads (`data/name_heads.tsv`) whose name may be one word right before a person's:
/// places (`Kepala Desa Tangkil`, `Kapolsek Pasar Rebo`).
const PLACE_HEAD_KINDS: &[&str] = &[
    "regency", "province", "district", "village", "airport", "port", "station", "market", "park",
    "venue", "building", "landmark",
];

/// See [`Mentions::body_after_head`].
enum BodyRun {
    /// No body's head right before the run.
    NotAfterHead,
    /// The person's name starts at this token.
    PersonFrom(usize),
    /// The whole run names the body.
    All,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum TitleClass {
    Role,
    /// A police or military rank (`Kombes`, `AKBP`): a role that also ends an organisation's
    /// name opened by a head (see `Mentions::heads`).
    Rank,
    /// A role held in a company (`CEO`, `analis`): a name right after it that a person's name
    /// follows, or that comes after a person's apposition, is the employer.
    Employer,
    /// A kind of person (`petani`, `warga`, `pengelola`): common words before names that are
    /// not names (`warga Gang Haji Roman`, `mahasiswa Sosiologi`), so the person is only the
    /// name of an apposition after a comma (`petani tebu asal Kudus, Agus`).
    Kind,
    Honorific,
    Credit,
}

/// A multi-word phrase in lower case with what it means.
#[derive(Debug)]
struct Phrase<T> {
    words: Vec<&'static str>,
    what: T,
}

/// What the lexicon knows about one lower-case word.
#[derive(Debug, Default)]
pub(crate) struct WordInfo {
    pub(crate) flags: u16,
    /// Indices into `Lexicon::titles` of phrases starting with this word, longest first.
    titles: Vec<u16>,
    /// Indices into `Lexicon::heads`, longest first.
    heads: Vec<u16>,
}

/// Every word list the entity and resolve stages use, compiled once per process.
#[derive(Debug)]
pub(crate) struct Lexicon {
    words: FxMap<&'static str, WordInfo>,
    /// `flags` of every word of `words`, keyed by the word packed inline ([`pack`]): 16-byte
    /// entries keep the 21k-word table in L2, where the 72-byte `words` entries missed cache on
    /// nearly every capitalised token. Words too long to pack are in `long_flags`.
    packed: FxMap<Packed, u16>,
    long_flags: FxMap<&'static str, u16>,
    /// The entries of `words` that open a title or head phrase (a few hundred): the phrase
    /// rules look words up here, in a table small enough to stay in cache.
    openers: FxMap<&'static str, WordInfo>,
    titles: Vec<Phrase<TitleClass>>,
    heads: Vec<Phrase<(Label, &'static str)>>,
    /// Words written in lower case now and then (`corner`, `computer`): where case is the
    /// only evidence, not taken for a name's words.
    sometimes_lower: FxSet<&'static str>,
}

/// Data lines: skips blank lines, `#` comments and the given header line.
fn data_lines<'a>(text: &'a str, header: &'a str) -> impl Iterator<Item = &'a str> + 'a {
    text.lines()
        .map(|l| l.trim_end_matches('\r'))
        .filter(move |l| !l.trim().is_empty() && !l.starts_with('#') && *l != header)
}

/// A one-column word list (`data/*.txt`: one entry per line, `#` comments), trimmed.
pub(crate) fn word_list(text: &'static str) -> Vec<&'static str> {
    data_lines(text, "").map(str::trim).collect()
}

/// The words of one class of the quote stage's `data/cues.tsv` (`given-name`, `epithet`), for
/// the rules of the entity and resolution stages that share them.
pub(crate) fn cue_class_words(class: &str) -> rustc_hash::FxHashSet<&'static str> {
    include_str!("../data/cues.tsv")
        .lines()
        .filter_map(|l| l.split_once('\t'))
        .filter(|&(_, c)| c == class)
        .map(|(w, _)| w)
        .collect()
}

/// The words of a free-form word list (`data/*.txt`: any number per line, `#` starts a
/// comment anywhere on a line).
pub(crate) fn data_words(text: &'static str) -> Vec<&'static str> {
    text.lines()
        .map(|l| l.split('#').next().unwrap_or(""))
        .flat_map(str::split_whitespace)
        .collect()
}

/// common_words.tsv (`word, lowercase count, capitalised count`): how often a word is written
/// in lower case decides whether a capitalised `Harapan` at a sentence start can open a name —
/// mostly lower case is strict (and frequent at ≥ 300 uses), often lower case is loose.
fn add_common_words(words: &mut Words, sometimes_lower: &mut FxSet<&'static str>) {
    for line in data_lines(COMMON_WORDS, "") {
        let mut f = line.split('\t');
        let (Some(w), Some(low), Some(cap)) = (f.next(), f.next(), f.next()) else {
            continue;
        };
        let low: u32 = low.parse().unwrap_or(0);
        let cap: u32 = cap.parse().unwrap_or(0);
        if low >= 5 && low * 5 >= cap {
            sometimes_lower.insert(w);
        }
        let mut flags = 0;
        if low * 2 >= cap * 3 {
            flags |= W_STRICT;
            if low >= 300 {
                flags |= W_FREQ;
            }
        }
        if low >= 40 && low * 3 >= cap {
            flags |= W_LOOSE;
        }
        if flags != 0 {
            words.entry(w).or_default().flags |= flags;
        }
    }
}

/// A one-word-a-line list (`name_stopwords.txt`, `particles.txt`, …): sets `flag` on each
/// word (`bin` is a name particle, `Selasa` is never part of a name).
fn add_word_list(words: &mut Words, text: &'static str, flag: u16) {
    for w in data_lines(text, "") {
        words.entry(w.trim()).or_default().flags |= flag;
    }
}

/// acronym_heads.txt: words that open an organisation's name before its parenthesised
/// acronym (`Bursa Efek Indonesia (BEI)`), several to a line.
fn add_acronym_heads(words: &mut Words) {
    for line in data_lines(ACRONYM_HEADS, "") {
        for w in line.split_whitespace() {
            words.entry(w).or_default().flags |= W_ACR_HEAD;
        }
    }
}

/// org_tails.txt and legal_suffixes.txt: words that end an organisation's name (`Sekuritas`,
/// `Tbk`); the suffix file lists several to a line, in their written case.
fn add_org_tails(words: &mut Words) {
    add_word_list(words, ORG_TAILS, W_ORG_TAIL);
    for line in data_lines(LEGAL_SUFFIXES, "") {
        for w in line.split_whitespace() {
            // the lexicon is built once per process and keyed by `&'static str`
            let lower: &'static str = Box::leak(w.to_lowercase().into_boxed_str());
            words.entry(lower).or_default().flags |= W_ORG_TAIL;
        }
    }
}

/// speech_verbs.tsv: which side of the verb the speaker's name stands on (`kata Budi`,
/// `Budi menjelaskan`, `menurut Budi`).
fn add_speech_verbs(words: &mut Words) {
    for line in data_lines(SPEECH_VERBS, "verb\tside") {
        let mut f = line.split('\t');
        let (Some(w), Some(side)) = (f.next(), f.next()) else {
            continue;
        };
        let bit = match side {
            "after" => W_SPEECH_AFTER,
            "according" => W_ACCORDING,
            "between" => W_SUBJECT_ADVERB,
            _ => W_SPEECH_BEFORE,
        };
        words.entry(w).or_default().flags |= bit;
    }
}

/// titles.tsv: role, honorific and credit phrases (`wakil presiden`, `bapak`, `penulis`) in
/// file order; a portfolio word (`keuangan` in `Menteri Keuangan`) is only flagged.
fn read_titles(words: &mut Words) -> Vec<Phrase<TitleClass>> {
    let mut titles = Vec::new();
    for line in data_lines(TITLES, "phrase\tclass") {
        let mut f = line.split('\t');
        let (Some(p), Some(class)) = (f.next(), f.next()) else {
            continue;
        };
        if class == "portfolio" {
            words.entry(p).or_default().flags |= W_PORTFOLIO;
            continue;
        }
        let what = match class {
            "honorific" => TitleClass::Honorific,
            "credit" => TitleClass::Credit,
            "employer" => TitleClass::Employer,
            "kind" => TitleClass::Kind,
            "rank" => TitleClass::Rank,
            _ => TitleClass::Role,
        };
        titles.push(Phrase {
            words: p.split(' ').collect(),
            what,
        });
    }
    titles
}

/// name_heads.tsv: words that open a body's or place's name (`kementerian`, `pengadilan`),
/// with its label and kind, in file order; rows with an unknown label are skipped.
fn read_heads() -> Vec<Phrase<(Label, &'static str)>> {
    let mut heads = Vec::new();
    for line in data_lines(HEADS, "head\tlabel\tkind") {
        let f: Vec<&'static str> = line.split('\t').collect();
        if f.len() < 3 {
            continue;
        }
        let Some(label) = Label::parse(f[1]) else {
            continue;
        };
        heads.push(Phrase {
            words: f[0].split(' ').collect(),
            what: (label, f[2]),
        });
    }
    heads
}

/// Indexes the title and head phrases by their first word, longest first, so that
/// `wakil presiden` is tried before `wakil`.
fn index_phrases(
    words: &mut Words,
    titles: &[Phrase<TitleClass>],
    heads: &[Phrase<(Label, &'static str)>],
) {
    for (i, t) in titles.iter().enumerate() {
        let e = words.entry(t.words[0]).or_default();
        e.flags |= W_TITLE;
        e.titles.push(i as u16);
    }
    for (i, h) in heads.iter().enumerate() {
        let e = words.entry(h.words[0]).or_default();
        e.flags |= W_HEAD;
        e.heads.push(i as u16);
    }
    for info in words.values_mut() {
        info.titles
            .sort_by_key(|&i| std::cmp::Reverse(titles[i as usize].words.len()));
        info.heads
            .sort_by_key(|&i| std::cmp::Reverse(heads[i as usize].words.len()));
    }
}

/// The flags of every flagged word in the compact lookup tables: words that fit a packed
/// key go in `packed`, longer ones in the second map.
fn pack_flags(words: &Words) -> (FxMap<Packed, u16>, FxMap<&'static str, u16>) {
    let mut packed = FxMap::default();
    let mut long_flags = FxMap::default();
    for (&k, w) in words {
        if w.flags == 0 {
            continue;
        }
        match pack(k) {
            Some(p) => {
                packed.insert(p, w.flags);
            }
            None => {
                long_flags.insert(k, w.flags);
            }
        }
    }
    (packed, long_flags)
}

/// The lexicon's word table while it is being built: every word a data file mentions.
type Words = FxMap<&'static str, WordInfo>;

/// The words of `data/name_final_words.txt`, read once: frequent everyday words that also end
/// personal names (`putra`, `pribadi`).
fn name_final_words() -> &'static [&'static str] {
    static WORDS: OnceLock<Vec<&'static str>> = OnceLock::new();
    WORDS.get_or_init(|| word_list(NAME_FINAL_WORDS))
}

/// `w` (any case) is one of [`name_final_words`].
fn name_final_word(w: &str) -> bool {
    name_final_words().iter().any(|f| f.eq_ignore_ascii_case(w))
}

impl Lexicon {
    /// One step per data file, then the indexes over them; the order only matters for the
    /// title and head indices, which follow their files' line order.
    fn build() -> Lexicon {
        let mut words = Words::default();
        let mut sometimes_lower = FxSet::default();
        add_common_words(&mut words, &mut sometimes_lower);
        // (`Berry Juana Putra`: frequent words that also end names may close one in a slot)
        for w in name_final_words() {
            if let Some(e) = words.get_mut(w) {
                e.flags &= !W_FREQ;
            }
        }
        add_word_list(&mut words, STOPWORDS, W_STOP);
        // (two-letter degrees, `MH`, `SH`, are also a name's initials: `Jalan MH Thamrin`)
        for w in data_lines(DEGREES, "")
            .map(str::trim)
            .filter(|w| w.len() > 2)
        {
            words.entry(w).or_default().flags |= W_STOP;
        }
        add_word_list(&mut words, LOOSE_BLOCKERS, W_LOOSE_BLOCK);
        add_acronym_heads(&mut words);
        add_word_list(&mut words, PARTICLES, W_PARTICLE);
        add_org_tails(&mut words);
        add_speech_verbs(&mut words);
        for first in lists::first_words() {
            words.entry(first).or_default().flags |= W_LIST_NOUN;
        }
        let titles = read_titles(&mut words);
        let heads = read_heads();
        index_phrases(&mut words, &titles, &heads);
        let (packed, long_flags) = pack_flags(&words);
        let openers = words
            .iter()
            .filter(|(_, w)| !w.titles.is_empty() || !w.heads.is_empty())
            .map(|(&k, w)| {
                let info = WordInfo {
                    flags: w.flags,
                    titles: w.titles.clone(),
                    heads: w.heads.clone(),
                };
                (k, info)
            })
            .collect();
        Lexicon {
            words,
            packed,
            long_flags,
            openers,
            titles,
            heads,
            sometimes_lower,
        }
    }

    /// `w` (lower case) is written in lower case now and then (see `sometimes_lower`).
    pub(crate) fn sometimes_lower(&self, w: &str) -> bool {
        self.sometimes_lower.contains(w)
    }

    /// The words `w1 w2` (any case) end a rank (`Komisaris Besar`, `Ajun Komisaris Besar`,
    /// `Inspektur Dua`): the everyday word closing it is no portfolio the name runs on from.
    /// (A scan of the title list: asked rarely.)
    pub(crate) fn ends_rank(&self, w1: &str, w2: &str) -> bool {
        self.titles.iter().any(|p| {
            let n = p.words.len();
            p.what == TitleClass::Rank
                && n >= 2
                && eq_lower(w1, p.words[n - 2])
                && eq_lower(w2, p.words[n - 1])
        })
    }

    /// Flags of a lower-case word (0 when unknown).
    pub(crate) fn flags(&self, lower: &str) -> u16 {
        match pack(lower) {
            Some(p) => self.packed.get(&p).copied().unwrap_or(0),
            None => self.long_flags.get(lower).copied().unwrap_or(0),
        }
    }

    /// Every word with flags, with them: what the merged word table
    /// ([`crate::wordclass::WordTable`]) takes from the lexicon.
    pub(crate) fn flagged_words(&self) -> impl Iterator<Item = (&'static str, u16)> + '_ {
        self.words
            .iter()
            .filter(|(_, w)| w.flags != 0)
            .map(|(&k, w)| (k, w.flags))
    }
}

impl Lexicon {
    /// Flags of a word as written: lower-cased and stripped of one final `.`, as by
    /// [`lower_into`]. Short ASCII words are lowered straight into their packed key.
    #[inline]
    pub(crate) fn flags_of(&self, s: &str, buf: &mut String) -> u16 {
        let b = s.strip_suffix('.').unwrap_or(s).as_bytes();
        if b.len() <= 13 && b.is_ascii() {
            let mut p = [0u8; 14];
            p[0] = b.len() as u8;
            for (d, c) in p[1..].iter_mut().zip(b) {
                *d = c.to_ascii_lowercase();
            }
            return self.packed.get(&p).copied().unwrap_or(0);
        }
        self.flags(lower_into(s, buf))
    }
}

/// A short word packed inline: its length, then its bytes, zero-padded.
type Packed = [u8; 14];

/// Packs a word of at most 13 bytes.
#[inline]
fn pack(w: &str) -> Option<Packed> {
    let b = w.as_bytes();
    if b.len() > 13 {
        return None;
    }
    let mut p = [0u8; 14];
    p[0] = b.len() as u8;
    p[1..=b.len()].copy_from_slice(b);
    Some(p)
}

/// The process-wide lexicon, built on first use.
pub(crate) fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(Lexicon::build)
}

/// Lower-cases `s` into `buf` (reused, so no allocation per token) and strips one final `.`
/// (`Dr.` → `dr`).
pub(crate) fn lower_into<'b>(s: &str, buf: &'b mut String) -> &'b str {
    buf.clear();
    let s = s.strip_suffix('.').unwrap_or(s);
    // (room for the word at once: pushed char by char, `buf` would grow a few times over)
    buf.reserve(s.len());
    for c in s.chars() {
        if c.is_ascii() {
            buf.push(c.to_ascii_lowercase());
        } else {
            buf.extend(c.to_lowercase());
        }
    }
    buf.as_str()
}

/// [`lower_into`], on the stack for short ASCII words (no allocation: `buf` is only used for
/// other words).
#[inline]
fn lower_short<'b>(s: &'b str, stack: &'b mut [u8; 24], buf: &'b mut String) -> &'b str {
    let t = s.strip_suffix('.').unwrap_or(s).as_bytes();
    if t.len() <= stack.len() && t.is_ascii() {
        for (d, c) in stack.iter_mut().zip(t) {
            *d = c.to_ascii_lowercase();
        }
        // lower-cased ASCII is still ASCII, so this cannot fail
        if let Ok(l) = std::str::from_utf8(&stack[..t.len()]) {
            return l;
        }
    }
    lower_into(s, buf)
}

/// Token is a word.
pub(crate) const T_WORD: u16 = 1;
/// First letter upper case.
pub(crate) const T_CAP: u16 = 1 << 1;
/// Two or more letters, all upper case (`KPK`, `MOSKOW`).
pub(crate) const T_ALLCAPS: u16 = 1 << 2;
/// A line break lies between this token and the previous one.
pub(crate) const T_NL_BEFORE: u16 = 1 << 3;
/// The token's line looks like a headline (most common words capitalised).
const T_HEADLINE: u16 = 1 << 4;
/// An initial: one upper-case letter, possibly with its `.` (`M.`), or followed by a `.` token.
pub(crate) const T_INITIAL: u16 = 1 << 5;
/// Made of letters, apostrophes, hyphens and a final `.` only: can be a name word (scraped text
/// glues words: `NegeriIsrael,Gideon` is no name).
pub(crate) const T_PLAIN: u16 = 1 << 6;

/// Per-token facts, computed once per document.
#[derive(Clone, Copy)]
pub(crate) struct TokInfo {
    /// `T_*` bits.
    pub(crate) t: u16,
    /// `W_*` bits of the lower-cased word.
    pub(crate) w: u16,
}

/// The lexicon flags that only matter for a lower-case word next to a capitalised one:
/// triggers, particles, portfolio words (all but the case statistics, acronym heads and
/// organisation tails, which only count on capitalised words).
const W_TRIGGERS: u16 = !(W_STRICT | W_LOOSE | W_FREQ | W_ACR_HEAD | W_ORG_TAIL);

/// The flags a lower-case word brings to [`token_info`]: all of them when it is a trigger
/// (some flag of [`W_TRIGGERS`]), else none. Few words are: the table of them is small enough
/// to stay in cache, unlike the whole lexicon.
pub(crate) fn trigger_flags(flags: u16) -> u16 {
    if flags & W_TRIGGERS != 0 {
        flags
    } else {
        0
    }
}

/// The [`trigger_flags`] of every token (0 for tokens that are not words), for callers without
/// a [`crate::wordclass::WordTable`] (which gives the same in one lookup with the cue classes).
pub(crate) fn word_flags(text: &str, tokens: &[Token]) -> Vec<u16> {
    let lex = lexicon();
    let mut buf = String::new();
    tokens
        .iter()
        .map(|t| match t.kind {
            TokenKind::Word => trigger_flags(lex.flags_of(t.span.as_str(text), &mut buf)),
            _ => 0,
        })
        .collect()
}

/// Computes [`TokInfo`] for every token: the lexicon flags of capitalised words outside
/// `cover`ed tokens (one lookup each), and of lower-case words only when they are triggers
/// near a capitalised word (from `lex`, their [`trigger_flags`]). With `full == false` flags
/// are not read (`lex` may be empty) and headlines not marked (all that resolution needs).
pub(crate) fn token_info(
    text: &str,
    tokens: &[Token],
    full: bool,
    cover: &[u32],
    lex: &[u16],
) -> Vec<TokInfo> {
    let lexicon = lexicon();
    let mut buf = String::with_capacity(32);
    let mut out = Vec::with_capacity(tokens.len());
    let bytes = text.as_bytes();
    let mut prev_end = 0;
    // pass 1: shape only, no lookups
    for (i, tok) in tokens.iter().enumerate() {
        let mut t = 0;
        // (most gaps are one space or none: decided without a search)
        let newline = match &bytes[prev_end..tok.span.start] {
            [] | [b' '] => false,
            gap => memchr::memchr(b'\n', gap).is_some(),
        };
        if i == 0 || newline {
            t |= T_NL_BEFORE;
        }
        prev_end = tok.span.end;
        if tok.kind == TokenKind::Word {
            let s = tok.span.as_str(text);
            t |= T_WORD;
            let (upper, first_len) = match s.as_bytes().first() {
                Some(&c) if c < 0x80 => (c.is_ascii_uppercase(), 1),
                _ => {
                    let first = s.chars().next().unwrap_or(' ');
                    (first.is_uppercase(), first.len_utf8())
                }
            };
            if upper {
                t |= T_CAP | shape_of_capitalised(s);
                if t & T_INITIAL != 0 && s.len() == first_len {
                    // `M` `.`: an initial only when a glued `.` follows
                    let next_dot = tokens.get(i + 1).is_some_and(|n| {
                        n.span.start == tok.span.end && n.span.as_str(text) == "."
                    });
                    if !next_dot {
                        t &= !T_INITIAL;
                    }
                }
            }
        }
        out.push(TokInfo { t, w: 0 });
    }
    if !full {
        return out;
    }
    // pass 2: lexicon flags. Capitalised words: all of them. Lower-case words matter only as
    // triggers next to a capitalised word (`kata Budi`, `juru bicara X Budi`, `bin`), so only
    // those near one keep their trigger flags.
    let n = out.len();
    let mut last_cap: Option<usize> = None;
    for i in (0..n).rev() {
        let t = out[i].t;
        if t & T_WORD == 0 {
            continue;
        }
        let s = || tokens[i].span.as_str(text);
        let w = if t & T_CAP != 0 {
            last_cap = Some(i);
            // inside a gazetteer match the flags never matter
            if cover.get(i).is_some_and(|&c| c != 0) {
                0
            } else {
                match lexicon.flags_of(s(), &mut buf) {
                    0 if affixed_noun(s()) => W_LOOSE,
                    w => w,
                }
            }
        } else if lex[i] == 0 {
            // most lower-case words are no trigger: nothing to look at around them
            0
        } else {
            // (back over one or two adverbs: `Budi kemudian menjelaskan`, `Eddy belum bisa
            // memastikan`)
            // (or a role in brackets after a name: `Dewi Anggraini (pelatih tim voli)`)
            let near = last_cap.is_some_and(|c| c - i <= 4)
                || (i > 0 && out[i - 1].t & T_CAP != 0)
                || after_adverbs(&out, lex, i)
                || i > 1
                    && out[i - 2].t & T_CAP != 0
                    && bytes.get(tokens[i - 1].span.start) == Some(&b'(');
            // (a list noun may stand farther from the list: `startup yang sudah mendunia
            // seperti Airbnb`)
            let s = s();
            if !near && lex[i] & W_LIST_NOUN == 0 || lex[i] == 0 {
                0
            } else if s.is_ascii() && !s.ends_with('.') && s.bytes().any(|b| b.is_ascii_uppercase())
            {
                // a plain word is taken as written here (`kaTa` is no `kata`)
                0
            } else {
                lex[i]
            }
        };
        out[i].w = w;
    }
    mark_headlines(&mut out);
    out
}

/// Fewest bytes of a word [`Mentions::clitic_word_in`] reads as a stem and `-nya`.
const MIN_CLITIC_WORD: usize = 6;

/// Fewest letters of a word [`affixed_noun`] judges.
const MIN_AFFIXED_NOUN: usize = 8;

/// `w` is built as an Indonesian abstract noun, `ke-…-an`, `per-…-an` or `pe(N)-…-an`
/// (`Kependudukan`, `Pendayagunaan`, `Perkeretaapian`, `Pemasyarakatan`): the lexicon has not
/// seen it often enough to flag it, but such a word is a portfolio's or a body's, never a
/// person's name, so a role phrase runs over it (`Kepala Dinas Kependudukan dan Pencatatan
/// Sipil Dedi Sutisna`). `pe-` only before the letters it stands before in Indonesian (l, r,
/// w, y, m, n; `pem-`, `pen-`, `peng-`, `peny-`): `Pezeshkian` is a name.
fn affixed_noun(w: &str) -> bool {
    let b = w.as_bytes();
    if b.len() < MIN_AFFIXED_NOUN || !w.is_ascii() || !b[1..].iter().all(u8::is_ascii_lowercase) {
        return false;
    }
    let lower = |i: usize| b[i].to_ascii_lowercase();
    let prefixed = match (lower(0), lower(1), lower(2)) {
        (b'k', b'e', _) => true,
        (b'p', b'e', c) => matches!(c, b'r' | b'l' | b'w' | b'y' | b'm' | b'n'),
        _ => false,
    };
    prefixed && b.ends_with(b"an")
}

/// Token `i` follows a capitalised word across one or two lower-case subject adverbs
/// (`W_SUBJECT_ADVERB`, read from the trigger flags `lex`).
fn after_adverbs(out: &[TokInfo], lex: &[u16], i: usize) -> bool {
    let mut j = i;
    while j > 0 && i - j < 2 && out[j - 1].t & T_CAP == 0 && lex[j - 1] & W_SUBJECT_ADVERB != 0 {
        j -= 1;
    }
    j < i && j > 0 && out[j - 1].t & T_CAP != 0
}

/// `T_PLAIN`, `T_INITIAL` (one letter, maybe with its `.`) and `T_ALLCAPS` for a capitalised word.
fn shape_of_capitalised(s: &str) -> u16 {
    let rest = s.strip_suffix('.').unwrap_or(s);
    let (mut plain, mut lower, mut count) = (true, false, 0usize);
    if rest.is_ascii() {
        // the same tests as below, byte-wise (ASCII letters are the only ASCII alphabetics)
        for &c in rest.as_bytes() {
            if c.is_ascii_lowercase() {
                lower = true;
            } else if !c.is_ascii_alphabetic() && !matches!(c, b'\'' | b'-') {
                plain = false;
            }
        }
        count = rest.len();
    } else {
        for c in rest.chars() {
            count += 1;
            if c.is_lowercase() {
                lower = true;
            } else if !c.is_alphabetic() && !matches!(c, '\'' | '-' | '’') {
                plain = false;
            }
        }
    }
    // `R.M.`, `A.H.`: dotted initials are one initial
    if !plain && rest.len() >= 3 && rest.bytes().all(|c| c.is_ascii_uppercase() || c == b'.') {
        let b = rest.as_bytes();
        if b.iter().step_by(2).all(u8::is_ascii_uppercase)
            && b.iter().skip(1).step_by(2).all(|&c| c == b'.')
        {
            return T_PLAIN | T_INITIAL;
        }
    }
    let mut t = if plain { T_PLAIN } else { 0 };
    if count == 1 {
        t |= T_INITIAL;
    } else if !lower {
        t |= T_ALLCAPS;
    }
    t
}

/// Marks the tokens of headline-case lines: lines where at least two thirds of the common words
/// (past the first) are capitalised. Names are not invented there, since every word looks like one.
fn mark_headlines(info: &mut [TokInfo]) {
    // One pass, counting without branches (the word classes alternate unpredictably); a line
    // is closed at the next line's first token, which, like every line's first, is not counted.
    let n = info.len();
    let mut start = 0;
    let (mut common, mut capped) = (0u32, 0u32);
    for k in 1..=n {
        if k == n || info[k].t & T_NL_BEFORE != 0 {
            if common >= 2 && capped * 3 >= common * 2 {
                for ti in &mut info[start..k] {
                    ti.t |= T_HEADLINE;
                }
            }
            start = k;
            common = 0;
            capped = 0;
            continue;
        }
        // lower-case words are common words (no lookup needed); capitalised ones count when
        // the lexicon says they usually are written in lower case
        let ti = info[k];
        let word = u32::from(ti.t & T_WORD != 0);
        let cap = u32::from(ti.t & T_CAP != 0);
        let strict = u32::from(ti.w & W_STRICT != 0);
        common += word & ((cap ^ 1) | strict);
        capped += word & cap & strict;
    }
}

/// A slug of a name for pattern ids: lower case, letters and digits kept, every other run of
/// characters one `-`.
///
/// ```
/// assert_eq!(indotag::entity::slug("M. Hanif Dhakiri"), "m-hanif-dhakiri");
/// assert_eq!(indotag::entity::slug("Ma'ruf  Amin"), "ma-ruf-amin");
/// ```
pub fn slug(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    slug_into(name, &mut out);
    out
}

/// Appends [`slug`]`(name)` to `out`.
fn slug_into(name: &str, out: &mut String) {
    let base = out.len();
    for c in name.chars() {
        if c.is_alphanumeric() {
            if c.is_ascii() {
                out.push(c.to_ascii_lowercase());
            } else {
                out.extend(c.to_lowercase());
            }
        } else if out.len() > base && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.len() > base && out.ends_with('-') {
        out.pop();
    }
}

/// True when `s` is its own whitespace-collapsed form: ASCII, one space between words, none
/// at the ends (nearly every name), so the text can be used as is.
fn collapsed(s: &str) -> bool {
    let b = s.as_bytes();
    b.first() != Some(&b' ')
        && b.last() != Some(&b' ')
        && b.is_ascii()
        && !b
            .iter()
            .any(|&c| matches!(c, b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r'))
        && !b.windows(2).any(|w| w == b"  ")
}

/// The shared `Arc` of a kind string (a handful of distinct values), per thread so that
/// threads do not contend on one reference count.
fn kind_arc(kind: &str) -> Arc<str> {
    thread_local! {
        static KINDS: RefCell<Vec<Arc<str>>> = const { RefCell::new(Vec::new()) };
    }
    KINDS.with(|k| {
        let mut k = k.borrow_mut();
        if let Some(a) = k.iter().find(|a| ***a == *kind) {
            return Arc::clone(a);
        }
        let a: Arc<str> = kind.into();
        if k.len() < 64 {
            k.push(Arc::clone(&a));
        }
        a
    })
}

/// Builds a pattern entity for `span`: canonical = the text with whitespace runs collapsed.
pub(crate) fn pattern_entity(text: &str, span: Span, label: Label, kind: &str) -> Entity {
    thread_local! {
        /// Where the canonical (when it differs from the text) and the id are written before
        /// being copied into their `Arc<str>`: turning a fresh `String` into an `Arc<str>`
        /// copies it anyway, so building each in its own `String` cost an allocation more.
        static SCRATCH: RefCell<String> = const { RefCell::new(String::new()) };
    }
    let s = span.as_str(text);
    SCRATCH.with(|buf| {
        let buf = &mut *buf.borrow_mut();
        let canonical: Arc<str> = if collapsed(s) {
            s.into()
        } else {
            buf.clear();
            for (i, w) in s.split_whitespace().enumerate() {
                if i > 0 {
                    buf.push(' ');
                }
                buf.push_str(w);
            }
            buf.as_str().into()
        };
        buf.clear();
        buf.push_str("pattern:");
        slug_into(&canonical, buf);
        Entity {
            span,
            label,
            id: buf.as_str().into(),
            canonical,
            kind: kind_arc(kind),
            source: Source::Pattern,
            zone: None,
        }
    })
}

/// A candidate found by a rule: tokens `a..b`, optionally cut short at byte `end`.
#[derive(Clone, Copy, Debug)]
struct Cand {
    a: usize,
    b: usize,
    end: Option<usize>,
    label: Label,
    kind: &'static str,
    /// Gazetteer person (index) the name runs into, which it then becomes.
    joins: Option<usize>,
    /// The person's employer, named between the role and the name (`CEO Borneo Minerals,
    /// Ahmad Fauzi`): an organisation claimed with the person.
    employer: Option<(usize, usize)>,
}

/// The entity stage's working state for one document: the tokens with their word classes,
/// which tokens the gazetteer walk covered and which a person pattern claimed. Named for
/// what the rules produce (mentions), to tell it apart from the public [`crate::Document`].
struct Mentions<'a> {
    text: &'a str,
    toks: &'a [Token],
    info: Vec<TokInfo>,
    /// Index + 1 of the gazetteer entity covering each token; 0 = none.
    cover: Vec<u32>,
    gaz: &'a [Entity],
    /// Tokens taken by a person pattern.
    claimed: Vec<bool>,
    lex: &'static Lexicon,
}

impl<'a> Mentions<'a> {
    /// Token `i` opens a line or follows a sentence's end or an opening quote: capitalised
    /// there whatever it is.
    fn opens_line_or_sentence(&self, i: usize) -> bool {
        i == 0
            || self.info[i].t & T_NL_BEFORE != 0
            || matches!(self.s(i - 1), "." | "!" | "?" | "\"" | "“")
    }

    /// The text of token `i`; empty past the last token (so that a rule looking one token
    /// ahead at a text's end reads nothing rather than panicking).
    fn s(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| t.span.as_str(self.text))
    }

    /// The gazetteer entity over token `i` (None past the last token).
    fn covered(&self, i: usize) -> Option<&'a Entity> {
        match self.cover.get(i).copied().unwrap_or(0) {
            0 => None,
            k => Some(&self.gaz[k as usize - 1]),
        }
    }

    /// The token after gazetteer entity `e`, which covers token `k`.
    fn past(&self, mut k: usize, e: &Entity) -> usize {
        while self.covered(k).is_some_and(|o| std::ptr::eq(o, e)) {
            k += 1;
        }
        k
    }

    /// A place starts at token `j`: a place the gazetteer found (`Kota Malang` too), or a
    /// region's head word of `data/name_heads.tsv` (`Kabupaten`, `Provinsi`, `Desa`).
    fn place_starts(&self, j: usize) -> bool {
        if j >= self.toks.len() {
            return false;
        }
        match self.covered(j) {
            Some(e) => matches!(e.label, Label::Gpe | Label::Loc),
            None => self.head_kind(j, &["regency", "province", "district", "village"]),
        }
    }

    /// A capitalised word follows token `i` on its line.
    fn cap_follows(&self, i: usize) -> bool {
        self.info
            .get(i + 1)
            .is_some_and(|n| n.t & (T_CAP | T_NL_BEFORE) == T_CAP)
    }

    /// Token `i` is a capitalised word that may stand inside a name.
    fn namish(&self, i: usize) -> bool {
        let ti = self.info[i];
        ti.t & (T_CAP | T_PLAIN) == T_CAP | T_PLAIN
            && (ti.t & T_ALLCAPS == 0 || self.capital_name_prefix(i))
            // (an initial with its dot is no stop word: `A.` of `Darmin A. Sigilipu` is not the
            // English article)
            && (ti.w & W_STOP == 0 || ti.t & T_INITIAL != 0 && self.dotted(i))
            // (a name's last word that also opens a longer title, only where that title
            // stands: `Putra` of `Berry Juana Putra`, not of `Putra Mahkota`; a one-word title
            // only where no name follows it: `Hakim` of `Lucky Hakim menegaskan`, not of
            // `Hakim Budi`)
            && (ti.w & W_TITLE == 0
                || self.kind_word(i)
                || name_final_word(self.s(i))
                    && (self.title_at(i).is_none() || !self.cap_follows(i)))
            && self.cover[i] == 0
            && !self.claimed[i]
    }

    /// Token `i` carries a dot or is followed by one glued to it (`A.`, `A` `.`), and a space
    /// follows the dot: a degree glues on (`A.Pi`, Ahli Perikanan).
    fn dotted(&self, i: usize) -> bool {
        let glued = |x: usize| {
            self.toks
                .get(x + 1)
                .is_some_and(|t| t.span.start == self.toks[x].span.end)
        };
        if self.s(i).ends_with('.') {
            !glued(i)
        } else {
            self.s(i + 1) == "." && glued(i) && !glued(i + 1)
        }
    }

    /// Token `i` is a two-letter name prefix written in capitals before a name word
    /// (`TB Hasanuddin`, Tubagus; `RR Siti`, Raden Roro): part of the name, not a body's
    /// acronym.
    fn capital_name_prefix(&self, i: usize) -> bool {
        static V: OnceLock<Vec<&'static str>> = OnceLock::new();
        let prefixes =
            V.get_or_init(|| word_list(include_str!("../data/capital_name_prefixes.txt")));
        self.toks[i].span.len() == 2
            && self.cap_follows(i)
            && self.info[i + 1].t & T_ALLCAPS == 0
            && prefixes.iter().any(|p| p.eq_ignore_ascii_case(self.s(i)))
    }

    /// Token `i` and `j` are on the same line.
    fn same_line(&self, i: usize, j: usize) -> bool {
        let (a, b) = if i < j { (i, j) } else { (j, i) };
        (a + 1..=b).all(|k| self.info[k].t & T_NL_BEFORE == 0)
    }

    /// Matches the longest title phrase at `i`; returns its class and the token after it (a
    /// `.` after an abbreviated title is skipped).
    ///
    /// Asked at every token: the flag test is inlined into the callers, the phrase match is
    /// not (few words are titles).
    #[inline]
    fn title_at(&self, i: usize) -> Option<(TitleClass, usize)> {
        let ti = *self.info.get(i)?;
        if ti.t & T_WORD == 0 || ti.w & W_TITLE == 0 || self.cover[i] != 0 {
            return None;
        }
        self.title_phrase_at(i)
    }

    /// [`Mentions::title_at`] at a word the lexicon flags as a title's first word.
    #[inline(never)]
    fn title_phrase_at(&self, i: usize) -> Option<(TitleClass, usize)> {
        let info = self.opener(i)?;
        for &p in &info.titles {
            let phrase = &self.lex.titles[p as usize];
            let n = phrase.words.len();
            if i + n > self.toks.len() {
                continue;
            }
            let ok = (1..n).all(|k| {
                self.info[i + k].t & T_NL_BEFORE == 0
                    && eq_lower(self.s(i + k).trim_end_matches('.'), phrase.words[k])
            });
            // (a kind of person inside a capitalised name is part of it: `Himpunan Mahasiswa
            // Islam`, `Asosiasi Paguyuban Peternak Rakyat`)
            let inside_name = phrase.what == TitleClass::Kind
                && self.info[i].t & T_CAP != 0
                && i > 0
                && self.info[i - 1].t & (T_CAP | T_NL_BEFORE) == T_CAP;
            if ok && !inside_name {
                let mut j = i + n;
                // (a dot the tokenizer left apart is an abbreviation's only after a short
                // title word, `Ust. Abdul`; after a longer one it ends the sentence:
                // `tugasnya sebagai Menkeu. Salah satunya …`)
                if j < self.toks.len()
                    && self.s(j) == "."
                    && self.toks[j].span.start == self.toks[j - 1].span.end
                    && self.s(j - 1).chars().count() <= MAX_DOTTED_TITLE
                {
                    j += 1;
                }
                return Some((phrase.what, j));
            }
        }
        None
    }

    /// Token `i` opens only `kind` titles (`mahasiswa`, `petani`): inside a capitalised run it
    /// is a word of a name (`Front Mahasiswa Nasional`), as before it was a title.
    fn kind_word(&self, i: usize) -> bool {
        self.opener(i).is_some_and(|w| {
            w.titles
                .iter()
                .all(|&p| self.lex.titles[p as usize].what == TitleClass::Kind)
        })
    }

    /// The title and head phrases that token `i`'s word opens, looked up in lower case.
    fn opener(&self, i: usize) -> Option<&WordInfo> {
        let (mut buf, mut stack) = (String::new(), [0u8; 24]);
        self.lex
            .openers
            .get(lower_short(self.s(i), &mut stack, &mut buf))
    }

    /// The name that starts at token `k`: 1–[`MAX_NAME_WORDS`] words. Returns `(a, b, joins)`
    /// where `joins` is a gazetteer person the name runs into.
    fn name_at(&self, k: usize) -> Option<(usize, usize, Option<usize>)> {
        self.name_at_upto(k, MAX_NAME_WORDS)
    }

    /// Token `j` is a name word that ends its name: nothing capitalised or numeric follows it.
    fn name_ends_after(&self, j: usize) -> bool {
        let n = self.toks.len();
        j < n
            && self.namish(j)
            && (j + 1 >= n
                || self.info[j + 1].t & T_NL_BEFORE != 0
                || self.info[j + 1].t & T_CAP == 0 && self.toks[j + 1].kind != TokenKind::Number)
    }

    /// [`Mentions::name_at`] with up to `max_words` words.
    fn name_at_upto(&self, k: usize, max_words: usize) -> Option<(usize, usize, Option<usize>)> {
        let n = self.toks.len();
        if k >= n || !self.namish(k) {
            return None;
        }
        let first = self.info[k];
        if first.w & W_STRICT != 0 && first.t & T_INITIAL == 0 {
            return None;
        }
        let mut j = k;
        let mut words = 0;
        let mut last_good = k; // exclusive end of the best run so far
        let headline = first.t & T_HEADLINE != 0;
        while j < n && words <= max_words {
            if j > k && self.info[j].t & T_NL_BEFORE != 0 {
                break;
            }
            let ti = self.info[j];
            if self.namish(j) {
                if headline && ti.w & (W_STRICT | W_LOOSE) != 0 {
                    break;
                }
                words += 1;
                j += 1;
                // an initial written as two tokens: `M` `.`
                if ti.t & T_INITIAL != 0 && j < n && self.s(j) == "." {
                    j += 1;
                }
                if ti.w & W_STRICT == 0 || ti.t & T_INITIAL != 0 {
                    last_good = j;
                }
                continue;
            }
            // an honorific's initial inside a name is a middle initial (`Primadi H. Serad`), so
            // is a lone capital letter (`Novris H Simanjuntak`, `Rinaldy A Yunardi`)
            // (not the English pronoun: `I Kissed A Girl`; not an honorific's letter, `H`
            // for Haji, which opens the name after it: `Ketua DPRD Tanahlaut H Khairil`)
            let lone_letter = ti.t & T_CAP != 0
                && self.s(j).chars().count() == 1
                && self.s(j) != "I"
                && ti.w & W_TITLE == 0;
            // (two initials written together without dots between a first name and a last:
            // `Nixon LP Napitupulu`, `Tambok PS Simanjuntak`; not an acronym the lexicon knows,
            // not in a longer run, which names a product or a team: `Realme GT Neo 6`, `Mate
            // XT Ultimate Design`)
            // (nor a Roman numeral, `Rakernas VI Projo`, nor `AI`; the first name no head or
            // initial: `Dinas PU Kota`, `Z VR Backpack`)
            let initials = ti.t & T_ALLCAPS != 0
                && j == k + 1
                && first.t & (T_ALLCAPS | T_INITIAL) == 0
                && first.w & (W_HEAD | W_TITLE | W_PORTFOLIO) == 0
                && self.s(j).len() == 2
                && self.s(j).bytes().all(|c| c.is_ascii_uppercase())
                && !self.s(j).bytes().all(|c| b"IVXLCDM".contains(&c))
                && self.s(j) != "AI"
                && ti.w & (W_TITLE | W_HEAD | W_ACR_HEAD | W_PORTFOLIO) == 0
                && self.name_ends_after(j + 1);
            if j > k
                && (ti.t & T_INITIAL != 0 && ti.w & W_TITLE != 0 || lone_letter || initials)
                && self.cover[j] == 0
                && j + 1 < n
                && self.info[j + 1].t & T_NL_BEFORE == 0
                && self.namish(j + 1)
            {
                j += 1;
                continue;
            }
            if j > k && ti.t & T_WORD != 0 && ti.w & W_PARTICLE != 0 && ti.t & T_CAP == 0 {
                // a particle only inside a name (or two: `Rafael van der Vaart`, `Micky van de
                // Ven`)
                let particle = |x: usize| {
                    x < n && self.info[x].w & W_PARTICLE != 0 && self.info[x].t & T_CAP == 0
                };
                let next = if particle(j + 1) { j + 2 } else { j + 1 };
                if next < n && self.info[next].t & T_NL_BEFORE == 0 && self.namish(next) {
                    j = next;
                    continue;
                }
            }
            break;
        }
        // initials alone are no name, and common words do not end one (`Budi Karya Sumadi` keeps
        // `Karya`, `Dmitry Peskov Berkata` loses `Berkata`)
        let b = last_good;
        if b == k || words > max_words {
            return None;
        }
        if (k..b).all(|i| self.info[i].t & T_INITIAL != 0 || self.s(i) == ".") {
            return None;
        }
        let mut joins = None;
        if let Some(e) = (b < n && b == j).then(|| self.covered(b)).flatten() {
            if e.label == Label::Person && e.span.start == self.toks[b].span.start {
                // `Dmitry` + gazetteer `Peskov` is Dmitry Peskov; longer runs before a known
                // person are role words (`Menko Kumham Imipas Yusril …`)
                if words != 1 || e.span.end != self.toks[b].span.end {
                    return None;
                }
                joins = Some(self.cover[b] as usize - 1);
            }
        }
        // in a headline a name must end where the capitals end: `Panglima TNI Soroti Dampak`
        // has no boundary to trust
        if headline && b < n && self.info[b].t & (T_CAP | T_NL_BEFORE) == T_CAP {
            return None;
        }
        Some((k, b, joins))
    }

    /// Where a name found at `a..b` in a slot that holds a person (after a rank, a role or a
    /// speech verb) really ends: one everyday word more when it closes the name mid-sentence
    /// before punctuation or a lower-case word (`Kompol Siti Rohani, saat dihubungi`, `kata
    /// Kepala BPOM Taruna Ikrar.`). `name_at` stops before such a word because at a name's end it
    /// is usually a verb written in headline style (`Dmitry Peskov Berkata`); a slot says more.
    /// Not before a joiner or a bracket (`Departemen Pengaturan dan Perizinan`, `Indonesia
    /// Political Review (IPR)`), not in a body's name.
    /// A name that runs into a gazetteer person (`joins`) ends where that person does.
    fn everyday_end(&self, a: usize, b: usize, joins: Option<usize>) -> usize {
        // (`everyday_closes` tests the word at `b` for heads and portfolio words itself)
        let ok = joins.is_none()
            && b < self.toks.len()
            && b - a < MAX_NAME_WORDS
            && self.everyday_closes(b)
            && (a..b).all(|k| self.info[k].w & (W_HEAD | W_PORTFOLIO | W_ACR_HEAD) == 0)
            // (a name word besides the everyday one: not `C Pemberitahuan`; not a body's
            // name after its head: `Satgas Saber Pungli`)
            && (a..b).any(|k| self.info[k].w & W_STRICT == 0 && self.s(k).chars().nth(2).is_some())
            && (a == 0 || self.info[a - 1].w & W_HEAD == 0 || self.info[a - 1].t & T_CAP == 0);
        if ok {
            b + 1
        } else {
            b
        }
    }

    /// The word of token `k` stands elsewhere in the text next to another capitalised word
    /// (`Untung Widyatmoko` for a later `ujar Untung`): the person's full name is there, and
    /// the later passes (resolution, the quote stage) link the word to it; a one-word person
    /// made of an everyday word here would only stand in their way.
    fn in_longer_name(&self, k: usize) -> bool {
        let w = self.s(k);
        let cap = |j: usize| {
            self.info
                .get(j)
                .is_some_and(|t| t.t & (T_CAP | T_WORD) == T_CAP | T_WORD && t.t & T_NL_BEFORE == 0)
        };
        (0..self.toks.len()).any(|j| {
            j != k
                && self.s(j) == w
                && (cap(j + 1)
                    || j > 0
                        && self.info[j].t & T_NL_BEFORE == 0
                        && cap(j - 1)
                        && self.info[j - 1].w & W_TITLE == 0)
        })
    }

    /// The run `a..b` is followed by an acronym in brackets whose letters it does not hold
    /// in order (`Trade (GT)`, `Climate Fund (GCF)`): a department's or body's name. A
    /// person's initials are in their name (`Susilo Bambang Yudhoyono (SBY)`, `Sarjan (SRJ)`).
    fn department_acronym(&self, a: usize, b: usize) -> bool {
        if b + 2 >= self.toks.len() || self.s(b) != "(" || self.s(b + 2) != ")" {
            return false;
        }
        let acr = self.s(b + 1);
        if self.info[b + 1].t & T_ALLCAPS == 0 || acr.chars().count() < 2 {
            return false;
        }
        let run: String = (a..b).map(|k| self.s(k).to_lowercase()).collect();
        let mut letters = run.chars();
        !acr.chars()
            .flat_map(char::to_lowercase)
            .all(|c| letters.any(|r| r == c))
    }

    /// Token `b` is an everyday word written capitalised mid-sentence (not in a headline, not
    /// a frequent word, not verb-shaped, no head or portfolio word) that closes a clause:
    /// punctuation or a lower-case word other than a joiner follows.
    fn everyday_closes(&self, b: usize) -> bool {
        let n = self.toks.len();
        if b + 1 >= n || !self.namish(b) {
            return false;
        }
        let (ti, next) = (self.info[b], self.info[b + 1]);
        let closes = if next.t & T_WORD != 0 {
            next.t & T_CAP == 0
                && !matches!(
                    self.s(b + 1),
                    "dan" | "and" | "serta" | "atau" | "yang" | "of"
                )
        } else {
            matches!(self.s(b + 1), "," | "." | ";" | ":" | ")")
        };
        ti.w & (W_STRICT | W_FREQ) == W_STRICT
            && ti.t & (T_HEADLINE | T_NL_BEFORE | T_INITIAL) == 0
            && ti.w & (W_HEAD | W_PORTFOLIO | W_ACR_HEAD) == 0
            && next.t & T_NL_BEFORE == 0
            && closes
            && name_shaped(self.s(b))
            && self.s(b).chars().skip(1).all(char::is_lowercase)
            && !verb_shaped(self.s(b))
            // (a clitic: `Misinya`)
            && !self.s(b).ends_with("nya")
    }

    /// The name that ends just before token `end` (exclusive): walks back over capitalised words,
    /// then drops leading words that are usually lower case. At least `min` words.
    fn name_before(&self, end: usize, min: usize, everyday: bool) -> Option<(usize, usize)> {
        // (before a speech verb a longer run may be an employer's name and a person's, which
        // `prefix_trim` parts by the article's later short mention, or drops)
        let limit = if everyday {
            LONG_RUN_WORDS
        } else {
            MAX_NAME_WORDS
        };
        let mut a = end;
        while a > 0 {
            let i = a - 1;
            let ti = self.info[i];
            let inner_particle = ti.t & T_CAP == 0 && ti.w & W_PARTICLE != 0 && a < end;
            if !(self.namish(i) || inner_particle) || (a < end && self.info[a].t & T_NL_BEFORE != 0)
            {
                break;
            }
            a = i;
            if end - a > limit + 2 {
                return None;
            }
        }
        while a < end && (self.info[a].w & (W_STRICT | W_LOOSE) != 0 || self.info[a].t & T_CAP == 0)
        {
            a += 1;
        }
        if a == end {
            return None;
        }
        let (s, b, _) = self.name_at_upto(a, limit)?;
        // (`Abdul Salam menuturkan`: a speech verb's slot shows the everyday word ends the name)
        let b = if everyday && b + 1 == end {
            self.everyday_end(s, b, None)
        } else {
            b
        };
        let words = (s..b).filter(|&i| self.info[i].t & T_WORD != 0).count();
        // (a long run only right after a title: `Equity Analyst Kanaka Hita Solvera William
        // Wibowo menilai`, not a headline's words run into a name)
        let long_ok = words <= MAX_NAME_WORDS || s > 0 && self.info[s - 1].w & W_TITLE != 0;
        (b == end && words >= min && words <= limit && long_ok).then_some((s, b))
    }

    /// `Sutrisno mengatakan`, `Sutrisno kemudian menjelaskan`: one capitalised word in subject
    /// position (after a sentence start, a line start, a comma or a closing quote) before the
    /// speech verb at `verb`. Not a word news writes in lower case, no head word or acronym
    /// (`Badan`, `BPS`), nothing the gazetteer knows (`Pertamina`).
    fn subject_at(&self, verb: usize) -> Option<(usize, usize)> {
        let mut j = verb.checked_sub(1)?;
        // at most two adverbs between (`Eddy belum bisa memastikan`)
        for _ in 0..2 {
            if self.info[j].w & W_SUBJECT_ADVERB == 0 || self.info[j].t & T_CAP != 0 {
                break;
            }
            j = j.checked_sub(1)?;
        }
        let ti = self.info[j];
        let opens = j == 0
            || ti.t & T_NL_BEFORE != 0
            || matches!(self.s(j - 1), "," | "." | "\"" | "”" | ":" | ";");
        let word = self.s(j);
        let ok = opens
            && self.namish(j)
            && ti.t & (T_INITIAL | T_HEADLINE) == 0
            && ti.w & (W_STRICT | W_LOOSE | W_HEAD | W_ACR_HEAD | W_LOOSE_BLOCK | W_PARTICLE) == 0
            && word.len() >= 3
            && !word.ends_with("nya")
            && !camel(word)
            && name_shaped(word);
        ok.then_some((j, j + 1))
    }

    /// Skips what may stand between a role and its name: organisations and places the
    /// gazetteer knows, acronyms, words often written in lower case (`Keuangan`, `Utama`),
    /// further titles, `dan` and commas. Returns the first token past them.
    fn skip_role_tail(&self, mut k: usize) -> usize {
        let n = self.toks.len();
        let start = k;
        while k < n && k - start < MAX_ROLE_TAIL_TOKENS && self.info[k].t & T_NL_BEFORE == 0 {
            if let Some(e) = self.covered(k) {
                if e.label == Label::Person {
                    break;
                }
                k = self.past(k, e);
                continue;
            }
            let ti = self.info[k];
            // a rank ends the role: its holder's name follows (`Kasat Reskrim Polres Bogor AKP
            // Teguh Kumara`, where `Teguh` would pass for a role word)
            if ti.w & W_TITLE != 0 {
                if let Some((TitleClass::Rank, end)) = self.title_at(k) {
                    return self.skip_rank_tail(end);
                }
                // (and so does a dotted honorific: `Wakil Rektor UGM Dr. Paripurna …`)
                if self.dotted_honorific(k).is_some() {
                    break;
                }
            }
            let s = self.s(k);
            let cap_next = k + 1 < n && self.info[k + 1].t & T_CAP != 0;
            let lower_portfolio = ti.t & (T_CAP | T_WORD) == T_WORD && ti.w & W_PORTFOLIO != 0;
            let role_word = lower_portfolio
                || ti.t & T_CAP != 0
                    && (ti.t & T_ALLCAPS != 0 && !self.capital_name_prefix(k)
                        || ti.w & (W_LOOSE | W_STRICT | W_TITLE | W_HEAD | W_PORTFOLIO) != 0)
                    // (`Menteri Dalam Negeri`: a portfolio's word that is also a stopword)
                    && (ti.w & W_STOP == 0 || ti.w & W_PORTFOLIO != 0);
            // `Chief Executive Officer (CEO) Cyrus Network …`
            // `Kepala Dinas Perhubungan (Dishub) Kota Malang …`: any capitalised abbreviation
            // (or two or three: `Pengurus Besar Persatuan Selancar Ombak Indonesia (PB PSOI),
            // Pandu …`)
            if s == "(" {
                let close = (k + 2..n.min(k + 5)).find(|&x| self.s(x) == ")");
                if let Some(c) = close.filter(|&c| (k + 1..c).all(|x| self.info[x].t & T_CAP != 0))
                {
                    k = c + 1;
                    continue;
                }
            }
            // `(ATR/BPN)`: two abbreviations joined by a slash
            if s == "("
                && k + 4 < n
                && self.s(k + 2) == "/"
                && self.s(k + 4) == ")"
                && self.info[k + 1].t & self.info[k + 3].t & T_CAP != 0
            {
                k += 5;
                continue;
            }
            // `analis Ciptadana Sekuritas Rendra …`: the employer's name runs up to its last word
            if let Some(end) = self.employer_end(k) {
                k = end;
                continue;
            }
            // (`Head of Equity Research Mandiri Sekuritas …`: an English role's `of`)
            let joiner = cap_next
                && (k > start && matches!(s, "dan" | "&" | "," | "terpilih")
                    || s == "of" && k > 0 && self.info[k - 1].w & (W_TITLE | W_PORTFOLIO) != 0);
            // `Manager Humas Daop 8 Surabaya, …`: a unit's number after its capitalised name
            let numbered = k > start && self.info[k - 1].t & T_CAP != 0 && self.numbered_unit(k);
            // `Duta Besar RI di Qatar, …`: the post's place belongs to the role, and so does
            // the place one comes from (`Ekonom asal Amerika Serikat, Arthur Laffer …`)
            let posted = (k > start && s == "di" || s == "asal")
                && self
                    .covered(k + 1)
                    .is_some_and(|e| matches!(e.label, Label::Gpe | Label::Loc));
            // `Anggota DPR dari Fraksi Partai Golkar Puteri Komarudin`: the body a member
            // comes from belongs to the role, up to a body or place the rules found
            if k > start && s == "dari" && cap_next {
                if let Some(end) = self.affiliation_body_end(k + 1) {
                    k = end;
                    continue;
                }
            }
            if !(role_word || joiner || posted || numbered) {
                break;
            }
            k += 1;
        }
        k
    }

    /// From token `k`, capitalised words ending in an organisation or place the rules found
    /// (`Fraksi Partai Golkar`, `Universitas Indonesia`): the token after it.
    fn affiliation_body_end(&self, k: usize) -> Option<usize> {
        let n = self.toks.len();
        let mut j = k;
        while j < n && j < k + 4 && self.info[j].t & (T_CAP | T_NL_BEFORE) == T_CAP {
            if let Some(e) = self.covered(j) {
                return (e.label != Label::Person).then(|| self.past(j, e));
            }
            j += 1;
        }
        None
    }

    /// At token `k`, a run of up to four capitalised words ending in a word that ends an
    /// organisation's name (`Ciptadana Sekuritas`, `Smartfren Telecom Tbk`: `W_ORG_TAIL`):
    /// returns the token after the run's last such word. No company ends with a person's
    /// name, so the words before the tail belong to the employer, not to the person.
    fn employer_end(&self, k: usize) -> Option<usize> {
        let n = self.toks.len();
        let mut end = None;
        let mut j = k;
        while j < n && j < k + 5 {
            let ti = self.info[j];
            if ti.t & T_CAP == 0 || (j > k && ti.t & T_NL_BEFORE != 0) {
                break;
            }
            if self.covered(j).is_some_and(|e| e.label == Label::Person) {
                break;
            }
            j += 1;
            if ti.w & W_ORG_TAIL != 0 {
                end = Some(j);
            }
        }
        end
    }

    /// Token `i` (a title) stands inside a place or body name: a head word comes before it,
    /// maybe with a few capitalised words between (`Jalan Jenderal …`, `Bandara Internasional
    /// Sultan …`).
    fn after_head(&self, i: usize) -> bool {
        // (a known organisation right before it ended the name: `Fakultas Pertanian UGM Dr.
        // Jamhari`)
        if i > 0 && self.covered(i - 1).is_some_and(|e| e.label == Label::Org) {
            return false;
        }
        (i.saturating_sub(3)..i)
            .rev()
            .find(|&h| self.info[h].t & T_CAP != 0 && self.info[h].w & W_HEAD != 0)
            .is_some_and(|h| {
                (h + 1..=i).all(|x| self.info[x].t & (T_CAP | T_NL_BEFORE) == T_CAP)
                    && (h + 1 == i || !self.ranked_body(h))
            })
    }

    /// Token `h` heads a police or military body, whose names are followed by ranks before a
    /// person (`Polres Metro Depok AKBP Bambang …`), never by a title inside the name.
    fn ranked_body(&self, h: usize) -> bool {
        self.head_kind(h, &["police", "military"])
    }

    /// A head phrase (`data/name_heads.tsv`) ends right before token `i`: a title there opens
    /// the name the head announces (`RSUD Dr. Soetomo`, `Rumah Sakit Dr. Sardjito`).
    fn head_phrase_ends_at(&self, i: usize) -> bool {
        let mut buf = String::new();
        (i.saturating_sub(2)..i).any(|h| {
            self.info[h].t & T_CAP != 0
                && self.info[h].w & W_HEAD != 0
                && self
                    .lex
                    .openers
                    .get(lower_into(self.s(h), &mut buf))
                    .is_some_and(|info| {
                        info.heads.iter().any(|&x| {
                            let words = &self.lex.heads[x as usize].words;
                            h + words.len() == i
                                && (1..words.len()).all(|k| eq_lower(self.s(h + k), words[k]))
                        })
                    })
        })
    }

    /// A dotted honorific ends right before token `j` (`Dr.`, `Ir.`), not a year's `H.` (`1446
    /// H. Bulan …`: the Hijri era after a number).
    fn dotted_before(&self, j: usize) -> bool {
        let Some(h) = j
            .checked_sub(1)
            .filter(|&h| self.s(h).ends_with('.') || self.s(h) == ".")
        else {
            return false;
        };
        let first = if self.s(h) == "." {
            h.saturating_sub(1)
        } else {
            h
        };
        first == 0 || !self.s(first - 1).bytes().all(|b| b.is_ascii_digit())
    }

    /// Token `k` opens a dotted honorific (`Dr.`, `Ir.`) that is no part of a place's or
    /// body's name: its end.
    fn dotted_honorific(&self, k: usize) -> Option<usize> {
        match self.title_at(k) {
            Some((TitleClass::Honorific, end))
                if self.s(end - 1).ends_with('.') && !self.head_phrase_ends_at(k) =>
            {
                Some(end)
            }
            _ => None,
        }
    }

    /// Token `h` is a capitalised head word (`data/name_heads.tsv`) of one of these kinds.
    fn head_kind(&self, h: usize, kinds: &[&str]) -> bool {
        if self.info[h].w & W_HEAD == 0 || self.info[h].t & T_CAP == 0 {
            return false;
        }
        let mut buf = String::new();
        self.lex
            .openers
            .get(lower_into(self.s(h), &mut buf))
            .is_some_and(|info| {
                info.heads
                    .iter()
                    .any(|&x| kinds.contains(&self.lex.heads[x as usize].what.1))
            })
    }

    /// At token `b`: `, Place,` (a place or body the gazetteer knows, between commas) right
    /// after a would-be name, as in `Ketua Cabang NU Kencong, Jember, Ahmad Fauzan`: the
    /// name before it was a unit of the role, and the person comes after.
    fn place_then_comma(&self, b: usize) -> bool {
        let n = self.toks.len();
        if self.s(b) != "," || b + 1 >= n {
            return false;
        }
        let Some(e) = self.covered(b + 1).filter(|e| e.label != Label::Person) else {
            return false;
        };
        let k = self.past(b + 1, e);
        k + 1 < n && self.s(k) == "," && self.info[k + 1].t & T_NL_BEFORE == 0
    }

    fn cand(
        &self,
        a: usize,
        b: usize,
        label: Label,
        kind: &'static str,
        joins: Option<usize>,
    ) -> Cand {
        Cand {
            a,
            b,
            end: None,
            label,
            kind,
            joins,
            employer: None,
        }
    }

    /// Person rules, in order of trust; each claims its tokens.
    fn persons(&mut self, out: &mut Vec<Cand>) {
        let n = self.toks.len();
        let mut i = 0;
        while i < n {
            if self.no_trigger(i) {
                i += 1;
                continue;
            }
            if let Some(c) = self.person_at(i) {
                if (c.a..c.b).all(|k| !self.claimed[k]) {
                    for k in c.a..c.b {
                        self.claimed[k] = true;
                    }
                    if let Some((a, b)) = c
                        .employer
                        .filter(|&(a, b)| !self.claimed[a..b].contains(&true))
                    {
                        self.claimed[a..b].fill(true);
                        out.push(self.cand(a, b, Label::Org, "company", None));
                    }
                    out.push(c);
                    if c.b > i {
                        i = c.b;
                        continue;
                    }
                }
            }
            i += 1;
        }
    }

    /// Token `i` can start no person rule: a lower-case word or mark without lexicon flags,
    /// other than `,`, `/` and `(` ([`Mentions::person_at`] would find nothing there; this test
    /// turns most tokens away without comparing their text).
    #[inline]
    fn no_trigger(&self, i: usize) -> bool {
        let ti = self.info[i];
        ti.w == 0
            && ti.t & T_CAP == 0
            && !matches!(
                self.text.as_bytes().get(self.toks[i].span.start),
                Some(b',' | b'/' | b'(')
            )
    }

    /// The person a trigger at token `i` introduces, by the kind of trigger: a title (credit,
    /// honorific or role), a speech verb after or before the name, `menurut`, a role
    /// apposition after a comma, or a photo credit with a slash. The first trigger that
    /// matches decides, even when it finds no name.
    fn person_at(&self, i: usize) -> Option<Cand> {
        let n = self.toks.len();
        let ti = self.info[i];
        // a title right after a place or body head is part of that name (`Jalan Jenderal …`)
        // (asked only of a title: most tokens are none)
        if let Some((class, j)) = self.title_at(i).filter(|_| !self.after_head(i)) {
            match class {
                TitleClass::Credit => self.person_after_credit(j),
                // (`para Kiai hadir`, `para jurnalis, Pesantren Darussalam`: a plural names
                // no one)
                TitleClass::Honorific | TitleClass::Kind
                    if i > 0 && eq_lower(self.s(i - 1), "para") =>
                {
                    None
                }
                TitleClass::Honorific => self.person_after_honorific(j),
                TitleClass::Role | TitleClass::Rank | TitleClass::Employer | TitleClass::Kind => {
                    self.person_after_role(i, j, class)
                }
            }
        } else if ti.w & W_SPEECH_AFTER != 0 && ti.t & T_WORD != 0 && i + 1 < n {
            self.person_after_speech(i)
        } else if ti.w & W_SPEECH_BEFORE != 0 && ti.t & (T_CAP | T_HEADLINE) == 0 && i > 0 {
            self.person_before_speech(i)
        } else if ti.w & W_ACCORDING != 0 && ti.t & (T_WORD | T_HEADLINE) == T_WORD {
            self.person_after_according(i)
        } else if matches!(self.s(i), "," | "(") && i > 0 && i + 1 < n && ti.t & T_HEADLINE == 0 {
            self.person_before_apposition(i)
        } else if ti.t & T_CAP != 0 || self.s(i) == "/" {
            self.slash_credit(i)
        } else {
            None
        }
    }

    /// A credit title ending at `j` (`Penulis: Rina Wulandari`): the name after its `:` or `-`.
    fn person_after_credit(&self, j: usize) -> Option<Cand> {
        if j >= self.toks.len() || !matches!(self.s(j), ":" | "-") {
            return None;
        }
        let (a, b, joins) = self.name_at(j + 1)?;
        Some(self.cand(a, b, Label::Person, "person", joins))
    }

    /// An honorific ending at `j` (`Bapak Joko`, `Prof. Dr. Budi`): the name after it, or after
    /// a second honorific chained to it.
    fn person_after_honorific(&self, j: usize) -> Option<Cand> {
        let (a, b, joins) = match self.name_at(j) {
            Some(name) => name,
            // `Dr. Paripurna Sugarda`: after an honorific, as after a rank, an everyday word
            // may open the name
            // (not after `Ibu`, `Bapak`: `Ibu Kota Nusantara`; a dotted academic one, `Dr.`,
            // `Ir.`, is never followed by a frequent word that is not a name)
            None if j < self.toks.len()
                && self.namish(j)
                && self.info[j].t & (T_ALLCAPS | T_HEADLINE) == 0
                && (self.info[j].w & W_FREQ == 0 || self.dotted_before(j)) =>
            {
                let (_, b, joins) = self.name_at(j + 1).filter(|&(a, _, _)| a == j + 1)?;
                (j, b, joins)
            }
            // `Prof. Dr. Budi`: honorifics chain
            None => self.name_at(self.title_at(j)?.1)?,
        };
        Some(self.cand(a, b, Label::Person, "person", joins))
    }

    /// A role title at `i` ending at `j` (`Menteri Keuangan Sri Mulyani`): the name after the
    /// role's tail — skipping on, at most twice, over "names" that turn out to be part of the
    /// role (`Direktur Pelindungan WNI Kemlu`).
    fn person_after_role(&self, i: usize, j: usize, class: TitleClass) -> Option<Cand> {
        let n = self.toks.len();
        let employer = class == TitleClass::Employer;
        if class == TitleClass::Rank {
            if let Some(c) = self.person_after_rank(j) {
                return Some(c);
            }
        }
        let mut k = self.skip_role_tail(j);
        // `kata Rudi Hartanto, CEO Nusantara Digital Labs.`: the person was named before
        // (`…, Direktur di Horizon Analytics`)
        if employer && self.after_person_comma(i) {
            let at = if k == j && matches!(self.s(k), "di" | "pada") {
                k + 1
            } else {
                k
            };
            // (`…, CEO Nusantara Digital Labs`: up to a word that ends company names)
            let (a, b) = match self.employer_end(j) {
                Some(end) => (j, end),
                None => self
                    .name_at(at)
                    .filter(|_| k == j)
                    .map(|(a, b, _)| (a, b))?,
            };
            return Some(self.cand(a, b, Label::Org, "company", None));
        }
        // `Rudi, Ketua Koperasi Tani Makmur, mengatakan`: a word after a body's head, closing
        // the apposition of a person named before, ends the body's name
        if k > j && self.after_person_comma(i) && !alias_guard::possessor_role(self.s(j - 1)) {
            let closes = |b: usize| b >= n || matches!(self.s(b), "," | "." | ")");
            if self
                .name_at(k)
                .is_some_and(|(a, b, _)| b == a + 1 && closes(b))
            {
                return None;
            }
        }
        // a "name" followed by an acronym or a known body is still the role:
        // `Direktur Pelindungan WNI Kemlu` — skip on, at most twice
        for _ in 0..3 {
            if k >= n || !self.same_line(i, k) {
                break;
            }
            let at = if self.s(k) == "," { k + 1 } else { k };
            // `Wakil Rektor UGM Dr. Paripurna Sugarda`: the holder after a dotted honorific
            if let Some(end) = self.dotted_honorific(at) {
                return self.person_after_honorific(end);
            }
            let (a, b, joins) = self.name_at(at)?;
            // `Kepala Badan Pertanahan Nasional Ossy Dermawan`: capitalised words right after
            // a body's head name the body; the person, if any, follows its last everyday word
            let (a, more_body) = match self.body_after_head(j, a, b) {
                BodyRun::NotAfterHead => (a, false),
                BodyRun::PersonFrom(p) => (p, false),
                BodyRun::All => (a, true),
            };
            let more = more_body
                || b < n
                && self.info[b].t & T_NL_BEFORE == 0
                && (self.info[b].t & T_ALLCAPS != 0
                    || self.covered(b).is_some_and(|e| e.label != Label::Person)
                    || self.place_then_comma(b)
                    || self.numbered_unit(b)
                    // `Corporate Communications Strategic of Lion Air, …`, `Head of Corporate
                    // Secretary & CSR Division …`: an English role (not in a headline: `Soal
                    // Celana Sergey Brin & Balon Google`)
                    || matches!(self.s(b), "of" | "&") && self.info[a].t & T_HEADLINE == 0
                    || b == a + 1 && (self.joined_role(b) || self.head_follows(b))
                    // `Chief Investment Officer PT …`: one word between a title and a
                    // company title that more capitalised words follow is the title's
                    || b == a + 1 && self.role_title_goes_on(b)
                    // `Head of General Trade (GT) Sari Roti`: an acronym in brackets that
                    // is not the run's initials names a department, not a person
                    || self.department_acronym(a, b)
                    // `(Dirjen Aptika)`, `(Menko PMK)`: a role's short form in brackets
                    || b == a + 1 && i > 0 && self.s(i - 1) == "(" && self.s(b) == ")"
                    // `Kepala Departemen Riset Bank Sentral, Laila …`: a unit's word opens
                    // the unit's name
                    || not_name_word(self.s(a)) == Some(NotName::Unit))
                // `Kepala SMKN 1 Teluk Kuantan, Hurdisman`: the words after a unit's number
                // name the unit's place, unless a known place or body came after the number
                // (`Daop 6 Yogyakarta Bambang Arif`)
                || (j..a)
                    .rfind(|&x| self.numbered_unit(x))
                    .is_some_and(|x| (x + 1..a).all(|y| self.cover[y] == 0));
            // `GM Bandara Internasional Sultan Hasanuddin, Wahyudi`: a name
            // after a title inside a place or body name belongs to that name
            let more = more
                || a > 0 && self.info[a - 1].w & W_TITLE != 0 && self.after_head(a - 1)
                // `pendiri PT Tirta Makmur Sejahtera`: a short run after a
                // company head is the company's name
                // (`Sinar Karya Group Andi …`: a head that ends the employer's name is a tail)
                || a > 0
                    && b - a <= 3
                    && self.info[a - 1].w & W_ORG_TAIL == 0
                    && self.head_kind(a - 1, &["company"]);
            if !more {
                // (a kind of person names one only in an apposition that the name closes:
                // `sang nelayan, Christophe Guinaut, menyebut`, `petani asal Kudus, Agus
                // kepada`; not `oleh mahasiswa, Aspri kemudian diplesetkan`)
                if class == TitleClass::Kind
                    && (a == 0 || self.s(a - 1) != "," || !self.closes_apposition(b))
                {
                    return None;
                }
                // `warga Desa Parerejo, Kecamatan Purwodadi`: a head opens a place or a body
                if self.info[a].w & W_HEAD != 0 && b > a + 1 {
                    return None;
                }
                let a = self.everyday_first_after_comma(a);
                let b = self.everyday_end(a, b, joins);
                return Some(
                    self.employer_apposition((i, j), a, b, employer)
                        .unwrap_or_else(|| self.cand(a, b, Label::Person, "person", joins)),
                );
            }
            // (past the `dan` of a joined role, the `of` of an English one, a unit's number)
            let past = matches!(self.s(b), "dan" | "of" | "&") || self.numbered_unit(b);
            k = self.skip_role_tail(b + usize::from(past));
        }
        None
    }

    /// The officer named right after a rank that ends at token `j`, past the rank's tail words
    /// (`Kombes Pol`, `Kolonel Inf`, `Brigjen TNI (Purn)`): no role words stand between a rank
    /// and its holder, so a degree after the name (`Alfian Nurrizal SIK`) does not make the name
    /// part of a role as an acronym after a role's name does. The first name word may be an
    /// everyday word (`AKP Teguh Kumara`).
    fn person_after_rank(&self, j: usize) -> Option<Cand> {
        let n = self.toks.len();
        let k = self.skip_rank_tail(j);
        if k >= n || self.info[k].t & T_NL_BEFORE != 0 || self.covered(k).is_some() {
            return None;
        }
        let (a, b, joins) = match self.name_at(k) {
            Some(found) => found,
            // `Teguh` of `AKP Teguh Kumara`: an everyday word opening the name
            None if self.namish(k) && self.info[k].t & (T_ALLCAPS | T_HEADLINE) == 0 => {
                let (_, b, joins) = self.name_at(k + 1).filter(|&(a, _, _)| a == k + 1)?;
                (k, b, joins)
            }
            None => return None,
        };
        let b = self.everyday_end(a, b, joins);
        // `AKP Bungaran Samosir mengatakan`: a one-word place right after the officer's name,
        // ending it, is a surname (Batak surnames are also places), not where the officer is
        let b = match self.covered(b) {
            Some(e)
                if joins.is_none()
                    && matches!(e.label, Label::Gpe | Label::Loc)
                    && e.span == self.toks[b].span
                    && self.info[b].t & T_NL_BEFORE == 0
                    && (b + 1 >= n || self.info[b + 1].t & T_CAP == 0) =>
            {
                b + 1
            }
            _ => b,
        };
        (b - a <= MAX_NAME_WORDS).then(|| self.cand(a, b, Label::Person, "person", joins))
    }

    /// How the name run `a..b` found after a role that ends at token `j` reads when a body's
    /// head stands between them (`Kepala Badan Pertanahan Nasional Ossy Dermawan`): the run's
    /// first words name the body. The person follows the body's last everyday word when two
    /// name words or more are left (`Pertanahan Nasional` | `Ossy Dermawan`), else the whole
    /// run is the body (`Sekretaris Desa Tanjung Jaya`); a run with no everyday word is cut in
    /// half. A single word after a place's head is the place's (`Kepala Desa Tangkil`): the
    /// person, if any, comes later. Not after a head that also ends names (`Maspion Group
    /// Alim Markus`).
    fn body_after_head(&self, j: usize, a: usize, b: usize) -> BodyRun {
        // (the head right after the role, which ends at `j`, or after more titles, `Plt Kepala
        // Badan`: a head word met later may be an everyday word of the body's name, `PT Sinar
        // Laut Sri Wahyuni`)
        let head = a > j
            && (j..a - 1).all(|x| self.info[x].w & (W_TITLE | W_PORTFOLIO) != 0)
            && self.info[a - 1].t & T_CAP != 0
            && self.info[a - 1].w & W_HEAD != 0
            && self.info[a - 1].w & W_ORG_TAIL == 0;
        // (a regional government's or parliament's name is a place: `Ketua DPRD Sri Wahyuni`
        // names no body `DPRD Sri`)
        if !head || self.head_kind(a - 1, REGIONAL_KINDS) && !self.place_starts(a) {
            return BodyRun::NotAfterHead;
        }
        // the body's name goes on past the run: an acronym in brackets, a unit's number or
        // another name (`PT Jasamarga Japek Selatan (JSS) Charles Lendra`, `Stasiun Geofisika
        // Kelas 1 Sleman`); before a title the run is left to the older rules (`Kapolsek Taman
        // Sari Komisaris Erick …`, where the title would join the place's name)
        let n = self.toks.len();
        if b < n && self.info[b].w & W_TITLE != 0 {
            return BodyRun::NotAfterHead;
        }
        // (capitalised everyday words may continue the name up to its acronym: `Yayasan Bina
        // Tirta Hulu (YBTH)`)
        let mut c = b;
        while c < n && c - a < MAX_HEAD_TOKENS && self.info[c].t & (T_CAP | T_NL_BEFORE) == T_CAP {
            c += 1;
        }
        if c < n
            && (self.s(c) == "("
                || self.info[c].t & T_ALLCAPS != 0
                || self.numbered_unit(c)
                || self.covered(c).is_some())
        {
            return BodyRun::All;
        }
        let everyday = |x: usize| self.info[x].w & (W_LOOSE | W_STRICT) != 0;
        // (an everyday word among the last two may be a given name: `PT Sinar Laut Sri
        // Wahyuni`)
        if let Some(x) = (a..b.saturating_sub(2)).rev().find(|&x| everyday(x)) {
            return BodyRun::PersonFrom(x + 1);
        }
        if (a..b).any(everyday) {
            return BodyRun::All; // `Sekretaris Desa Tanjung Jaya`
        }
        // no everyday word to tell where the body's name ends: a role announces a person,
        // so the body takes the first word, or two of four (`RS Sentosa` | `Gregg Djako`,
        // `Desa Sekapuk` | `Musholikhin`); two words only right after the role (not after more
        // titles: `Wakil Ketua Pansus Teuku Taufikulhadi`, `Ketua Pembina Yayasan Prasetiya
        // Mulya`). One word after a place's head is the place's (`Kepala Desa Tangkil`), after
        // a body's head the person's (`Kepala Sekolah Darsono`).
        if b - a >= 3 || b - a == 2 && a - 1 == j {
            BodyRun::PersonFrom(a + (b - a) / 2)
        } else if b - a == 1
            && (self.head_kind(a - 1, PLACE_HEAD_KINDS) || self.head_kind(a - 1, FORCE_KINDS))
        {
            BodyRun::All
        } else {
            BodyRun::NotAfterHead
        }
    }

    /// Past the tail words of a rank that ends at token `j`: its corps or force (`Pol`, `Inf`,
    /// `TNI`) and a retired mark (`(Purn)`).
    fn skip_rank_tail(&self, j: usize) -> usize {
        let n = self.toks.len();
        let mut k = j;
        while k < n && k - j < 4 && self.info[k].t & T_NL_BEFORE == 0 {
            let ti = self.info[k];
            let tail = ti.t & T_CAP != 0 && ti.w & W_PORTFOLIO != 0
                || self
                    .covered(k)
                    .is_some_and(|e| e.label == Label::Org && e.span.len() <= 5)
                || matches!(self.s(k), "(" | ")");
            if !tail {
                break;
            }
            k += 1;
        }
        k
    }

    /// Token `b` ends an apposition's name: a comma, bracket or sentence end, the text's end,
    /// a speech verb, or `kepada` (`…, Agus kepada wartawan`).
    fn closes_apposition(&self, b: usize) -> bool {
        b >= self.toks.len()
            || matches!(self.s(b), "," | "(" | "." | ";" | ":" | "kepada")
            || self.info[b].w & (W_SPEECH_BEFORE | W_SPEECH_AFTER) != 0
    }

    /// Token `b` is a unit's number (`Daop 8 Surabaya`): a "name" followed by one is a unit's
    /// name, never a person's.
    fn numbered_unit(&self, b: usize) -> bool {
        let s = self.s(b);
        s.len() <= 4 && s.bytes().all(|c| c.is_ascii_digit())
    }

    /// `Asisten Pemerintahan dan Kesra Pemerintah Provinsi Jambi M Hidayat`: a one-word "name"
    /// followed by the capitalised head of a body or place name is part of the role (an
    /// abbreviated portfolio), not a person: no one's name runs into a head word.
    fn head_follows(&self, b: usize) -> bool {
        b < self.toks.len()
            && self.info[b].t & (T_CAP | T_NL_BEFORE) == T_CAP
            && self.info[b].w & W_HEAD != 0
    }

    /// `Deputi … Kementerian PAN-RB, Teguh Widjinarko`: after the comma that closes a role's
    /// tail, a capitalised everyday word right before the name found at `a` is its first
    /// name (the role search takes such words for the role's). Not a very frequent word
    /// (`Hari`), a head, portfolio, title or stop word. Returns the name's start.
    fn everyday_first_after_comma(&self, a: usize) -> usize {
        if a < 2 || self.s(a - 2) != "," {
            return a;
        }
        let ti = self.info[a - 1];
        let first = ti.t & (T_CAP | T_ALLCAPS | T_HEADLINE) == T_CAP
            && ti.w & (W_LOOSE | W_STRICT) != 0
            && ti.w & (W_FREQ | W_HEAD | W_PORTFOLIO | W_TITLE | W_STOP) == 0
            && name_shaped(self.s(a - 1))
            && !self.claimed[a - 1];
        if first {
            a - 1
        } else {
            a
        }
    }

    /// A company title starts at `b` and capitalised words follow it on the line: a role goes
    /// on there (`Chief Investment Officer PT CIMB …`). Not other roles, which may be a name's
    /// last word (`Bupati Lukman Hakim Saifuddin`, `Gubernur DIY Sri Sultan Hamengku Buwono`).
    fn role_title_goes_on(&self, b: usize) -> bool {
        if self.info[b].t & T_CAP == 0 || self.info[b].w & W_TITLE == 0 {
            return false;
        }
        match self.title_at(b) {
            Some((TitleClass::Employer, end)) => {
                end < self.toks.len() && self.info[end].t & (T_CAP | T_NL_BEFORE) == T_CAP
            }
            _ => false,
        }
    }

    /// `Direktur Jenderal Sumber Daya Iptek dan Dikti Kemristekdikti Ali Ghufron`: a one-word
    /// "name" joined by `dan` to more role words that reach a body the gazetteer knows or an
    /// acronym is part of the role, not a person (`Menteri Budi dan Ani` stays two people).
    fn joined_role(&self, b: usize) -> bool {
        if self.s(b) != "dan" {
            return false;
        }
        let n = self.toks.len();
        // capitalised words after `dan`, up to a new title (`Menteri Budi dan Gubernur …`)
        (b + 1..n.min(b + 5))
            .take_while(|&x| {
                self.info[x].t & (T_CAP | T_NL_BEFORE) == T_CAP && self.info[x].w & W_TITLE == 0
            })
            .any(|x| {
                self.info[x].t & T_ALLCAPS != 0
                    || self.covered(x).is_some_and(|e| e.label != Label::Person)
            })
    }

    /// `CEO Borneo Minerals, Ahmad Fauzi, mengatakan`: after a role (tokens `i..j`), a
    /// name `a..b`, a comma and a second name of two or more words that ends the clause. The
    /// second name is the person, the first the body or place the role belongs to (an
    /// organisation after a company role). Not in a list of people (`…, Budi Karya, dan
    /// Erick Thohir`), nor after a role that takes a person (`kuasa hukum Andi Saputra, Budi`).
    fn employer_apposition(
        &self,
        (i, j): (usize, usize),
        a: usize,
        b: usize,
        employer: bool,
    ) -> Option<Cand> {
        let n = self.toks.len();
        if b >= n || self.s(b) != "," || alias_guard::possessor_role(self.s(j - 1)) {
            return None;
        }
        // `Menurut Direktur Movistar Yamaha Massimo Meregalli, Autodromo …`: the comma
        // closes the source, and a new clause follows
        if i > 0 && self.info[i - 1].w & W_ACCORDING != 0 {
            return None;
        }
        let (a2, b2, joins) = self.name_after_unknown_role(b)?;
        let listed = b2 + 1 < n
            && self.s(b2) == ","
            && (matches!(self.s(b2 + 1), "dan" | "serta") || self.name_at(b2 + 1).is_some());
        if listed {
            return None;
        }
        let mut c = self.cand(a2, b2, Label::Person, "person", joins);
        c.employer = employer.then_some((a, b));
        Some(c)
    }

    /// Token `i` follows a comma that closes a person's name (`Rudi Hartanto, CEO …`).
    fn after_person_comma(&self, i: usize) -> bool {
        i >= 2
            && self.s(i - 1) == ","
            && (self
                .covered(i - 2)
                .is_some_and(|e| e.label == Label::Person)
                || self.claimed[i - 2] && self.info[i - 2].t & T_CAP != 0
                || self.name_before(i - 1, 2, false).is_some())
    }

    /// A speech verb before the name (`kata Budi Santoso`): the name after it, unless a title
    /// follows (`kata Regional Partnership Manager X`: the words before a title are role).
    fn person_after_speech(&self, i: usize) -> Option<Cand> {
        let n = self.toks.len();
        if self.title_at(i + 1).is_some() {
            return None;
        }
        let (a, b, joins) = match self.name_at(i + 1) {
            Some(name) => name,
            // `kata Kuat.`: one everyday word, capitalised mid-sentence, closing the clause
            // (not a profession: `kata Sejarawan dari …`)
            // (only the verb after a quotation: `ada kata Bristles` is a word)
            None if i > 0
                && matches!(self.s(i - 1), "\"" | "”" | "," | "’")
                && self.everyday_closes(i + 1)
                && !["wan", "wati"].iter().any(|e| self.s(i + 1).ends_with(e))
                && self.info[i].t & T_HEADLINE == 0
                && !self.in_longer_name(i + 1) =>
            {
                (i + 1, i + 2, None)
            }
            None => return None,
        };
        // `Hal senada disampaikan Saiful, warga …`: a passive verb's agent is a person only
        // when it reads as a plain name that ends there (not `disampaikan Dinas Pekerjaan
        // Umum`, `Kedutaan Besar Thailand`, `Premier League melalui …`)
        let passive = self
            .s(i)
            .get(..2)
            .is_some_and(|p| p.eq_ignore_ascii_case("di"));
        if passive && !self.plain_agent(a, b) {
            return None;
        }
        // `kata Kalapas Kotabumi, Sudarmin Jaya`: a role the titles list lacks
        if let Some((a2, b2, joins2)) = self.name_after_unknown_role(b) {
            return Some(self.cand(a2, b2, Label::Person, "person", joins2));
        }
        // `kata Regional Partnership Manager X`: words before a title are role
        let role = b < n && self.info[b].t & T_CAP != 0 && self.info[b].w & W_TITLE != 0;
        let b = self.everyday_end(a, b, joins);
        (self.info[i].t & T_HEADLINE == 0 && !role)
            .then(|| self.cand(a, b, Label::Person, "person", joins))
    }

    /// The name `a..b` after a passive speech verb is a plain person's name: no word of it a
    /// head, title, portfolio or everyday word, and nothing capitalised right after it.
    fn plain_agent(&self, a: usize, b: usize) -> bool {
        let n = self.toks.len();
        let blocked = W_HEAD | W_ACR_HEAD | W_PORTFOLIO | W_TITLE | W_STRICT | W_LOOSE | W_FREQ;
        (a..b).all(|k| self.info[k].w & blocked == 0 && self.info[k].t & T_ALLCAPS == 0)
            && (b >= n
                || self.info[b].t & T_NL_BEFORE != 0
                || self.info[b].t & T_CAP == 0 && self.cover[b] == 0)
    }

    /// After a speech verb, a capitalised run ending at `b` that is a role the titles list
    /// lacks (`Kasudin Gulkarmat`, `Kalapas Kotabumi`), when what follows shows it: a place or
    /// body the gazetteer knows, or a comma, then a name of two or more words that ends the
    /// clause (`kata Kasudin Gulkarmat Jakarta Selatan Hendra Wijaya kepada …`, `kata Kalapas
    /// Kotabumi, Sudarmin Jaya.`). A person is not followed by a second person's name, so
    /// the first run was the role. Returns that name.
    fn name_after_unknown_role(&self, b: usize) -> Option<(usize, usize, Option<usize>)> {
        let n = self.toks.len();
        let (a2, b2, joins) = self.name_at(self.after_role_gap(b)?)?;
        let words = (a2..b2).filter(|&x| self.info[x].t & T_WORD != 0).count();
        let ends = b2 >= n
            || self.info[b2].t & T_NL_BEFORE != 0
            || matches!(self.s(b2), "," | "." | ";" | ":" | ")")
            || self.info[b2].t & (T_WORD | T_CAP) == T_WORD
                && !matches!(self.s(b2), "dan" | "serta" | "atau");
        (words >= 2 && ends).then_some((a2, b2, joins))
    }

    /// Past the gap between an unknown role ending at `b` and the name after it: places and
    /// bodies the gazetteer knows, then a comma. None when there is no gap.
    fn after_role_gap(&self, b: usize) -> Option<usize> {
        let n = self.toks.len();
        let mut k = b;
        while let Some(e) = self.covered(k).filter(|e| e.label != Label::Person) {
            k = self.past(k, e);
        }
        if k < n && self.s(k) == "," {
            k += 1;
        }
        (k > b && k < n && self.info[k].t & T_NL_BEFORE == 0).then_some(k)
    }

    /// A speech verb after the name (`Budi Santoso menjelaskan`): the name before it, unless
    /// a body head opens it (`PT Tirta Makmur menjelaskan`).
    fn person_before_speech(&self, i: usize) -> Option<Cand> {
        let (a, b) = self
            .name_before(i, 2, true)
            .or_else(|| self.subject_at(i))?;
        // `PT Tirta Makmur menjelaskan`: the name of the body its head opens (also when the
        // head is the run's own first word: `petani Kecamatan Sugiwaras menyebutkan`)
        let headed = |k: usize| self.info[k].t & T_CAP != 0 && self.info[k].w & W_HEAD != 0;
        let body = a > 0 && headed(a - 1) || headed(a);
        (!body).then(|| self.cand(a, b, Label::Person, "person", None))
    }

    /// `Menurut Budi Santoso, …`: the name after `menurut` when a comma closes it and no head
    /// word or odd shape shows a body (`Menurut Bank Dunia, …`).
    fn person_after_according(&self, i: usize) -> Option<Cand> {
        let n = self.toks.len();
        let (a, b, joins) = self.name_at(i + 1)?;
        let head =
            (a..b).any(|k| self.info[k].w & (W_HEAD | W_ACR_HEAD) != 0 || !name_shaped(self.s(k)));
        (!head && b < n && self.s(b) == "," && self.title_at(i + 1).is_none())
            .then(|| self.cand(a, b, Label::Person, "person", joins))
    }

    /// A role apposition after a comma (`Budi Santoso, Ketua Koperasi Tani Makmur, …`) or in
    /// brackets (`Boy Sadikin (Ketua DPD Partai Maju)`, a list of guests): the name before
    /// the comma or bracket at `i`.
    fn person_before_apposition(&self, i: usize) -> Option<Cand> {
        // (`Dominikus Dedu, seorang warga sekaligus …`)
        let at = if self.s(i + 1) == "seorang" {
            i + 2
        } else {
            i + 1
        };
        let (class, j) = self.title_at(at)?;
        let (a, b) = self.name_before(i, 2, false)?;
        // a unit's or body's name before the apposition (`Kasat Reskrim Polresta Pati, AKP
        // Heri …`): the person is the one after it
        if (a..b).any(|k| self.info[k].w & (W_HEAD | W_PORTFOLIO) != 0) {
            return None;
        }
        // in brackets, not an acronym's definition (`Chief Operating Officer (COO)`,
        // `Particulate Matter (PM)`): the role has words, and no title comes before the name
        if self.s(i) == "("
            && (self.info[at].t & T_ALLCAPS != 0 && self.s(j) == ")"
                || a > 0 && self.info[a - 1].w & W_TITLE != 0)
        {
            return None;
        }
        // A kind of person (`Achmad Fauzy, warga Pulogadung`) is an everyday word: only in
        // lower case, after a name that no head, number or other name opens (not `Lapas
        // Cempaka Putih, warga Cikoneng`, `TPS 028 Pinang Ranti`), and not `pemilik nama`.
        let kind_ok = || {
            self.info[at].t & T_CAP == 0
                && (a == 0
                    || self.info[a - 1].t & T_CAP == 0
                        && !self.s(a - 1).starts_with(|c: char| c.is_ascii_digit()))
                && j < self.toks.len()
                && self.s(j) != "nama"
        };
        match class {
            TitleClass::Role | TitleClass::Rank | TitleClass::Employer => {}
            TitleClass::Kind if kind_ok() && self.s(i) == "," => {}
            _ => return None,
        }
        Some(self.cand(a, b, Label::Person, "person", None))
    }

    /// A photo credit: `Mikhail Metzel/Kantor Pers …`: 2–3 capitalised words glued to a `/` and
    /// another capitalised word or acronym. Handles `/` as its own token and inside a token.
    fn slash_credit(&self, i: usize) -> Option<Cand> {
        let s = self.s(i);
        let n = self.toks.len();
        if s == "/" {
            let glued = i > 0
                && i + 1 < n
                && self.toks[i - 1].span.end == self.toks[i].span.start
                && self.toks[i].span.end == self.toks[i + 1].span.start
                && self.info[i + 1].t & T_CAP != 0;
            if !glued {
                return None;
            }
            let (a, b) = self.name_before(i, 2, false)?;
            return Some(self.cand(a, b, Label::Person, "person", None));
        }
        // `Metzel/Kantor` as one token: the part before `/` must look like a surname
        let slash = memchr::memchr(b'/', s.as_bytes())?;
        let (head, tail) = (&s[..slash], &s[slash + 1..]);
        let name_like = |w: &str| {
            let mut c = w.chars();
            c.next().is_some_and(|f| f.is_uppercase())
                && c.clone().count() >= 1
                && c.all(|c| c.is_lowercase() || c == '\'' || c == '-')
        };
        if !name_like(head)
            || !tail.chars().next().is_some_and(|c| c.is_uppercase())
            || self.cover[i] != 0
        {
            return None;
        }
        // preceding words: 1–2 capitalised words on the same line
        let mut a = i;
        while a > 0 && i - a < 3 && self.namish(a - 1) && self.info[a].t & T_NL_BEFORE == 0 {
            a -= 1;
        }
        if a == i || self.info[a].w & (W_STRICT | W_LOOSE) != 0 {
            return None;
        }
        let mut c = self.cand(a, i + 1, Label::Person, "person", None);
        c.end = Some(self.toks[i].span.start + slash);
        Some(c)
    }

    /// Organisation and place names opened by a head word (`Badan Pusat Statistik`). They may
    /// contain gazetteer places (`Kedutaan Besar Republik Indonesia`) and end after a gazetteer
    /// organisation (`Majelis Umum PBB`), but never take a person's tokens.
    fn heads(&self, out: &mut Vec<Cand>) {
        let n = self.toks.len();
        let mut buf = String::new();
        let mut i = 0;
        while i < n {
            let ti = self.info[i];
            // (most words are no head: turned away before the tests below)
            if ti.w & W_HEAD == 0 {
                i += 1;
                continue;
            }
            // `Jawa Pos Grup dan …`: a head that also ends names (`Grup`, `Group`) after a
            // capitalised word closes that name, it opens none
            let tail = ti.w & W_ORG_TAIL != 0
                && i > 0
                && ti.t & T_NL_BEFORE == 0
                && self.info[i - 1].t & T_CAP != 0;
            if ti.w & W_HEAD == 0
                || ti.t & (T_CAP | T_HEADLINE) != T_CAP
                || self.cover[i] != 0
                || self.claimed[i]
                || tail
            {
                i += 1;
                continue;
            }
            let Some(info) = self.lex.openers.get(lower_into(self.s(i), &mut buf)) else {
                i += 1;
                continue;
            };
            let mut hit = None;
            for &h in &info.heads {
                let p = &self.lex.heads[h as usize];
                let m = p.words.len();
                if i + m <= n
                    && (1..m).all(|k| {
                        self.info[i + k].t & T_CAP != 0 && eq_lower(self.s(i + k), p.words[k])
                    })
                {
                    hit = Some((i + m, p.what));
                    break;
                }
            }
            let Some((mut j, (label, kind))) = hit else {
                i += 1;
                continue;
            };
            // `Jl.`, `PT.`: an abbreviated head's dot (a sentence's end after `Bank.` is none)
            if j < n
                && self.s(j) == "."
                && self.toks[j].span.start == self.toks[j - 1].span.end
                && self.s(j - 1).chars().count() <= 3
            {
                j += 1;
            }
            // a regional government's or parliament's name is its place (`Pemkab Bone`, `DPRD
            // Kota Malang`): not a person's name after it (`Ketua DPRD Sri Wahyuni`)
            if REGIONAL_KINDS.contains(&kind) && !self.place_starts(j) {
                // `Ketua DPRD berlangsung …`, `Pemprov telah …`: alone, before no capitalised
                // word, the head is the body of the place the article is about
                let alone = j == i + 1
                    && (j >= n
                        || self.info[j].t & T_NL_BEFORE != 0
                        || self.info[j].t & T_CAP == 0 && self.s(j) != "(");
                if alone {
                    out.push(self.cand(i, j, label, kind, None));
                }
                i += 1;
                continue;
            }
            let body = j;
            let mut end = j;
            // (right after a `dan` inside the name: an organisation there is a second one,
            // `Pemkab Situbondo dan Pemprov Jatim`, as a second head is)
            let mut joined = false;
            // `RSUP Dr. Kariadi`, `RSUP Prof Ngoerah I Wayan Sudana`: a name given after an
            // honorific has at most two words (then only a known place): a third is someone's
            let honoured = match self.title_at(body) {
                Some((TitleClass::Honorific, t)) => Some(t + 2),
                _ => None,
            };
            while j < n
                && j - i < MAX_HEAD_TOKENS
                && self.info[j].t & T_NL_BEFORE == 0
                && !self.claimed[j]
                && honoured.is_none_or(|limit| {
                    (j < limit || self.covered(j).is_some())
                        // (`I Wayan …`: a one-letter word opening a name is a new person's)
                        && !(j > limit - 2 && self.s(j).len() == 1 && self.cap_follows(j))
                })
            {
                if let Some(e) = self.covered(j) {
                    if joined && e.label == Label::Org {
                        break;
                    }
                    // a person right after the head names the place (`Bandara Soekarno`);
                    // elsewhere it is the person of a role (`Kementerian Keuangan Sri Mulyani`)
                    let person_ok = e.label != Label::Person || j == body;
                    if !person_ok || e.span.start < self.toks[j].span.start {
                        break;
                    }
                    j = self.past(j, e);
                    end = j;
                    // (a regional government's or parliament's name ends with its place:
                    // `Pemkab Bone Andi Saharuddin` is the office and its head)
                    if REGIONAL_KINDS.contains(&kind) && matches!(e.label, Label::Gpe | Label::Loc)
                    {
                        break;
                    }
                    // a unit's or office's name ends at its place when a person the rules
                    // found follows within two words (`Kejari Sleman Bagus Santoso`: the head
                    // of office, whose everyday first name no rule took), an organisation's at
                    // another organisation
                    let person_next = (j..n.min(j + 2)).any(|x| self.claimed[x]);
                    if e.label == Label::Org
                        || e.label != Label::Person && person_next && UNIT_KINDS.contains(&kind)
                    {
                        break;
                    }
                    continue;
                }
                let t = self.info[j];
                // (a title after a `dan` opens a second person's role: `Komisi II DPRD Kaltim
                // dan Ketua DPRD Bone`, `PT X dan Direksi PT Y`; not in an association's name,
                // `Asosiasi Guru dan Dosen Indonesia`)
                if joined && t.t & T_CAP != 0 && t.w & W_TITLE != 0 && kind != "organisation" {
                    break;
                }
                // a second head opens a second name (`Gedung … Kementerian …`), but for a
                // commission's or council's parliament (`Komisi II DPRD Kaltim`)
                if t.t & T_CAP != 0
                    && t.w & W_HEAD != 0
                    && j > body
                    && !(matches!(kind, "agency" | "council")
                        && self.head_kind(j, &["legislature"]))
                {
                    break;
                }
                if t.w & W_TITLE != 0 && j + 1 < n && self.claimed[j + 1] {
                    break; // a rank before a person the rules found (`Polres Depok AKBP Budi`)
                }
                // a rank after an organisation's or a place's name opens its officer's name
                // (`Polda DIY Kombes Pol Alfian`, `Bandara Soetta Kombes …`), a street's is
                // part of it (`Jalan Brigjen Katamso`)
                // (and so does a dotted honorific: `Fakultas Pertanian UGM Dr. Jamhari`)
                if t.w & W_TITLE != 0
                    && j > body
                    && kind != "street"
                    && match self.title_at(j) {
                        Some((TitleClass::Rank, _)) => true,
                        Some((TitleClass::Honorific, _)) => self.s(j).ends_with('.'),
                        _ => false,
                    }
                {
                    break;
                }
                let tbk = kind == "company" && self.s(j).starts_with("Tbk");
                if (t.t & T_CAP != 0 && t.w & W_STOP == 0) || tbk {
                    j += 1;
                    end = j;
                    joined = false;
                } else if matches!(self.s(j), "dan" | "&" | "-" | "of" | "and" | "for")
                    && j + 1 < n
                    && self.info[j + 1].t & T_CAP != 0
                    && !self.claimed[j + 1]
                {
                    joined = matches!(self.s(j), "dan" | "&" | "and");
                    j += 1;
                } else {
                    break;
                }
            }
            if end > body {
                out.push(self.cand(i, end, label, kind, None));
                i = end;
            } else {
                i += 1;
            }
        }
    }
}

impl Mentions<'_> {
    /// The loose rule: 2–4 capitalised words mid-sentence with no other context are an unknown
    /// person (`bertemu Tono Prasetyo kemarin`). Only after a lower-case word (so never at a
    /// sentence or line start, never in headline-case lines), never after a word that announces
    /// a place, work or body (`di`, `film`, `klub`: `data/loose_name_blockers.txt`), no word
    /// usually written in lower case, no gazetteer match, and no `(ACR)` after it (that is an
    /// organisation's definition). Runs last, over tokens no other rule took (`taken`).
    fn loose(&self, taken: &[bool], out: &mut Vec<Cand>) {
        let n = self.toks.len();
        let mut i = 1;
        while i < n {
            let ti = self.info[i];
            let prev = self.info[i - 1];
            if ti.t & (T_CAP | T_NL_BEFORE | T_HEADLINE | T_INITIAL) != T_CAP
                || (prev.t & (T_WORD | T_CAP) != T_WORD && !self.after_clause_comma(i))
                || prev.w & (W_LOOSE_BLOCK | W_PARTICLE) != 0
                || taken[i]
            {
                i += 1;
                continue;
            }
            let Some((a, b, joins)) = self.name_at(i) else {
                i += 1;
                continue;
            };
            let words = (a..b)
                .filter(|&k| self.info[k].t & (T_WORD | T_INITIAL) == T_WORD)
                .count();
            let plain = (a..b).all(|k| {
                let t = self.info[k];
                t.t & T_WORD == 0
                    || t.t & T_INITIAL != 0
                    || t.t & T_CAP == 0
                    || (t.w & (W_STRICT | W_LOOSE | W_HEAD | W_LOOSE_BLOCK) == 0
                        && name_shaped(self.s(k)))
            });
            let acronym_after = b + 2 < n
                && self.s(b) == "("
                && self.info[b + 1].t & T_ALLCAPS != 0
                && self.s(b + 2) == ")";
            let glued_next = b < n
                && self.info[b].t & T_NL_BEFORE == 0
                && (self.info[b].t & T_CAP != 0 || self.cover[b] != 0);
            // `kata Kalapas Kotabumi, Sudarmin Jaya`: the role before the speaker's name
            let role = prev.w & W_SPEECH_AFTER != 0
                && self
                    .after_role_gap(b)
                    .is_some_and(|k| out.iter().any(|c| c.a == k && c.label == Label::Person));
            // (after a comma, case is the only evidence: no word written in lower case now
            // and then, `Kids Corner`, `Mixed Use`)
            let mut buf = String::new();
            let case_only = prev.t & (T_WORD | T_CAP) != T_WORD
                && (a..b).any(|k| {
                    self.info[k].t & T_WORD != 0
                        && self.lex.sometimes_lower(lower_into(self.s(k), &mut buf))
                });
            let relative = prev.t & T_WORD == 0 && i >= 2 && self.relative_before(i - 2);
            if words >= 2
                && !case_only
                && !relative
                && !role
                && joins.is_none()
                && plain
                && !acronym_after
                && !glued_next
                && (a..b).all(|k| !taken[k])
            {
                out.push(self.cand(a, b, Label::Person, "person", None));
                i = b;
            } else {
                i = b.max(i + 1);
            }
        }
    }
}

impl Mentions<'_> {
    /// The list item ending at token `k` comes after a place the rules found, two items back
    /// (`Siak, Dayun, Koto Gasib`: a list of places).
    fn place_item_before(&self, k: usize) -> bool {
        let Some(comma) = (k.saturating_sub(4)..k).rev().find(|&j| self.s(j) == ",") else {
            return false;
        };
        comma > 0
            && self
                .covered(comma - 1)
                .is_some_and(|e| matches!(e.label, Label::Gpe | Label::Loc))
    }

    /// Token `i` follows a comma inside a sentence, after a word (`…, Tom Homan, …`), not
    /// after a place or body the rules found: an item of a list of places (`Siak, Dayun,
    /// Koto Gasib`) or an address (`Jl. TB Simatupang, Lebak Bulus`) is no person.
    fn after_clause_comma(&self, i: usize) -> bool {
        i >= 2
            && self.s(i - 1) == ","
            && self.info[i - 2].t & T_WORD != 0
            && self.covered(i - 2).is_none_or(|e| e.label == Label::Person)
            && !self.place_item_before(i - 2)
    }

    /// Token `w` names a relative or aide (`istrinya`, `kuasa hukum`): after its comma, a name
    /// would take over the surname a later `kata Hoesin` means someone else by (`istrinya,
    /// Marlene Hoesin`); the speaker rules decide there.
    fn relative_before(&self, w: usize) -> bool {
        let s = self.s(w);
        alias_guard::possessor_role(s) || alias_guard::possessor_role(s.trim_end_matches("nya"))
    }
}

impl Mentions<'_> {
    /// A name right before a bracketed abbreviation that the capitalised words ending with it
    /// spell out, when its last word is an everyday word or the spelling starts before it: it
    /// ends the long form of a unit or field,
    /// not a person (`Reserse Mobile (Resmob)`, `Kepolisian Resor (Polres)`). The
    /// abbreviation's letters run in order through two or more words, its first in the first
    /// of them and its last in the name's last word. A person's own nickname is spelled from
    /// name words, never everyday ones (`Bambang Soesatyo (Bamsoet)`, `Joko Widodo (Jokowi)`),
    /// and initials of one letter a word are a person's too (`SBY`).
    fn spelled_before_acronym(&self, c: &Cand) -> bool {
        let (b, close) = (c.b, c.b + 2);
        if close >= self.toks.len() || self.s(b) != "(" || self.s(close) != ")" {
            return false;
        }
        let acr = self.s(b + 1);
        if acr.len() < 2
            || !acr.bytes().all(|x| x.is_ascii_alphabetic())
            || !acr.as_bytes()[0].is_ascii_uppercase()
            || acr.bytes().all(|x| x.is_ascii_uppercase())
        {
            return false;
        }
        let everyday = |k: usize| self.info[k].w & (W_STRICT | W_LOOSE | W_FREQ) != 0;
        let acr = acr.to_ascii_lowercase();
        let spelled =
            |from: usize| spells_through(&(from..b).map(|k| self.s(k)).collect::<Vec<_>>(), &acr);
        // (a nickname the name's own words spell: `Ade Komarudin (Akom)`, `Rolliansyah (Roy)`)
        if (c.a..b).any(spelled) && !everyday(b - 1) {
            return false;
        }
        // (or the spelling starts before the name, in written-out words that are none of its
        // own: `Kepolisian Resor (Polres)`; not `MPR RI Lestari Moerdijat (Rerie)`)
        (b.saturating_sub(MAX_SPELLED_WORDS)..b - 1)
            .rev()
            .take_while(|&k| self.info[k].t & T_CAP != 0 && self.info[k].t & T_ALLCAPS == 0)
            .filter(|&from| from < c.a || everyday(b - 1))
            .any(spelled)
    }

    /// A rank and a name start at token `b`, right after a run that looked like a name:
    /// the run is the officer's unit or its place, as in `Kapolsek Pasar Rebo AKP Wayan`,
    /// `Kasat Samapta Kompol William` (the name comes after the rank, never before it).
    fn unit_before_rank(&self, b: usize) -> bool {
        matches!(self.title_at(b), Some((TitleClass::Rank, j))
            if j < self.toks.len()
                && self.info[j].t & (T_CAP | T_WORD | T_NL_BEFORE) == T_CAP | T_WORD
                // (`Agus Bahron Marsda TNI (Purn)`: a retired officer's rank after his name)
                && !(self.info[j].t & T_ALLCAPS != 0 && self.toks[j].span.len() >= 3))
    }

    /// A word of the candidate carries the clitic `-nya` (`his, its, the`): written with a
    /// hyphen (`Story-nya`, `Basuki-nya`), or on a stem the lexicon knows as a word written
    /// in lower case (`Pleidoinya`, `Sopirnya`, `Narkobanya`). A name does not (`Sonya`,
    /// `Anya`: no such stem).
    fn clitic_word_in(&self, c: &Cand) -> bool {
        let mut buf = String::new();
        (c.a..c.b).any(|k| {
            let w = self.s(k);
            w.ends_with("-nya")
                || w.len() > MIN_CLITIC_WORD
                    && w.ends_with("nya")
                    && self.lex.flags_of(&w[..w.len() - 3], &mut buf) & W_STRICT != 0
        })
    }

    /// A pattern name in text whose spaces were lost (`melibatkanAhmad Dhanidan`, `kata Menkes
    /// Budidalam`): a name word ends in a lower-case word glued to it (`data/glued_tails.txt`).
    fn glue_damaged(&self, c: &Cand) -> bool {
        let glued_left = c.a > 0
            && self.toks[c.a - 1].span.end == self.toks[c.a].span.start
            && self.info[c.a - 1].t & T_WORD != 0;
        (c.a..c.b).any(|k| {
            self.info[k].t & T_CAP != 0
                && match glued_tail(self.s(k)) {
                    Some(always) => always || glued_left,
                    None => false,
                }
        })
    }
}

/// Most capitalised words before a name word that a bracketed abbreviation may spell out
/// together with it (see `Mentions::spelled_before_acronym`).
const MAX_SPELLED_WORDS: usize = 4;

/// The lower-case letters of `acr` run in order through `words`: the first of them in the
/// first word, the last in the last word (`resmob` through `Reserse Mobile`, `polres`
/// through `Kepolisian Resor`).
fn spells_through(words: &[&str], acr: &str) -> bool {
    let mut want = acr.chars().peekable();
    for (i, w) in words.iter().enumerate() {
        let last = i + 1 == words.len();
        let mut used = false;
        for c in w.chars().flat_map(char::to_lowercase) {
            // (the rest of the abbreviation must still reach the last word)
            if want.peek() == Some(&c) && (last || want.clone().count() > 1) {
                want.next();
                used = true;
            }
        }
        if (i == 0 || last) && !used {
            return false;
        }
    }
    want.next().is_none()
}

/// `data/glued_tails.txt`: each lower-case word scraped text glues to the end of a name, and
/// whether no name ends so (`[always]`, true) or only some do (`[glued]`, false). Read by this
/// stage's [`glued_tail`] and by the tokenizer, which cuts the long `[always]` ones off.
pub(crate) fn glued_tail_words() -> &'static FxMap<&'static str, bool> {
    static TAILS: OnceLock<FxMap<&'static str, bool>> = OnceLock::new();
    TAILS.get_or_init(|| {
        let mut m = FxMap::default();
        let mut always = true;
        for line in data_lines(GLUED_TAILS, "") {
            match line.trim() {
                "[always]" | "[cut]" => always = true,
                "[glued]" => always = false,
                l => {
                    for t in l.split_whitespace() {
                        m.insert(t, always);
                    }
                }
            }
        }
        m
    })
}

/// The `[cut]` words of `data/glued_tails.txt`: short `[always]` endings the tokenizer cuts
/// off unknown capitalised words like the long ones (`Mandrasaat`).
pub(crate) fn short_cut_tails() -> impl Iterator<Item = &'static str> {
    data_lines(GLUED_TAILS, "")
        .skip_while(|l| l.trim() != "[cut]")
        .skip(1)
        .take_while(|l| !l.trim().starts_with('['))
        .flat_map(str::split_whitespace)
}

/// The lower-case word glued to the end of `w` after at least three letters, if any: `Some(true)`
/// for an ending no name has, `Some(false)` for one some names have (`-dan`).
fn glued_tail(w: &str) -> Option<bool> {
    let tails = glued_tail_words();
    let b = w.as_bytes();
    if !w.is_ascii() || b.len() < 6 {
        return None;
    }
    let mut buf = String::new();
    for p in 3..b.len() - 2 {
        if !b[p].is_ascii_lowercase() || !b[p - 1].is_ascii_alphabetic() {
            continue;
        }
        let tail = &w[p..];
        if let Some(&always) = tails.get(tail) {
            return Some(always);
        }
        let verbal = ["me", "di", "be", "te"].iter().any(|v| tail.starts_with(v));
        if verbal && tail.len() >= 6 && lexicon().flags_of(tail, &mut buf) & W_STRICT != 0 {
            return Some(true);
        }
    }
    None
}

/// The words of a name that open with a capital: its name words and initials, not its
/// particles (`Bahar bin Ali bin Smith` has three).
pub(crate) fn capitalised_words(name: &str) -> usize {
    name.split_whitespace()
        .filter(|w| w.starts_with(char::is_uppercase))
        .count()
}

/// `S.H`, `A.Md`, `S.S.Sos`: letters with a dot inside and few letters, a degree's shape.
pub(crate) fn dotted_abbreviation(s: &str) -> bool {
    let inner = s.trim_end_matches('.');
    inner.contains('.')
        && inner.chars().all(|c| c.is_alphabetic() || c == '.')
        && inner.chars().filter(|c| c.is_alphabetic()).count() <= 6
}

/// How a word of `data/lone_not_names.txt` stands to a person's name: these words are
/// capitalised next to titles and speech verbs, where context rules look for names.
#[derive(Clone, Copy, Debug, PartialEq)]
enum NotName {
    /// A compass or place word: no whole name (`Lombok Timur`), but may open a run of one
    /// (`Timur Kapadze`).
    Place,
    /// A body's or place's word: a run it opens is that name (`Kota Provinsi`).
    Body,
    /// A unit of a body: as `Body`, and after a role the unit's name is part of the role
    /// (`Kepala Departemen Riset Bank Sentral, Laila Mardiana`).
    Unit,
    /// A portfolio's word: a name may follow it in the run (`Kemaritiman Luhut Binsar
    /// Panjaitan`, `Menko Marves Luhut`).
    Portfolio,
    /// A word that ends an employer's or department's name: a person's name of two words or
    /// more may follow it (`CEO Tribun Network Dahlan Dahi`), not one word alone (`Head of
    /// Marketing Kirana`).
    Tail,
}

/// The words of `data/lone_not_names.txt` with their kinds, read once.
fn not_name_words() -> &'static [(&'static str, NotName)] {
    static V: OnceLock<Vec<(&'static str, NotName)>> = OnceLock::new();
    V.get_or_init(|| {
        data_lines(LONE_NOT_NAMES, "word\tkind")
            .filter_map(|l| l.split_once('\t'))
            .map(|(w, kind)| {
                let kind = match kind.trim() {
                    "place" => NotName::Place,
                    "body" => NotName::Body,
                    "unit" => NotName::Unit,
                    "portfolio" => NotName::Portfolio,
                    "tail" => NotName::Tail,
                    _ => NotName::Body,
                };
                (w, kind)
            })
            .collect()
    })
}

fn not_name_word(w: &str) -> Option<NotName> {
    not_name_words()
        .iter()
        .find(|(x, _)| x.eq_ignore_ascii_case(w))
        .map(|&(_, kind)| kind)
}

/// The portfolio and unit words of `data/lone_not_names.txt` (`Informatika`, `Departemen`):
/// the quote stage takes them for a role's words, never a name's (`Menteri Komunikasi dan
/// Informatika Rudiantara`). The other kinds may open a name (`Timur`) or end a body's that
/// speaks (`Manchester City`).
pub(crate) fn role_not_name_words() -> impl Iterator<Item = &'static str> {
    not_name_words()
        .iter()
        .filter(|(_, kind)| matches!(kind, NotName::Portfolio | NotName::Unit))
        .map(|&(w, _)| w)
}

/// A pattern person's span `a..b` without the words that cannot be a name (see
/// [`NotName`]): `None` when no name is left (`Ibu Kota`, `Menko Polkam`, `Departemen Riset
/// Bank`, `Head of Marketing Kirana`); without the portfolio words that open a run (`Menko
/// Marves Luhut`) and the tail words that open one of three words or more (`Kemaritiman
/// Luhut Binsar Panjaitan`, `Network Dahlan Dahi`).
fn without_not_name_words(doc: &Mentions, a: usize, b: usize) -> Option<usize> {
    let mut a = a;
    loop {
        match not_name_word(doc.s(a)) {
            None => return Some(a),
            Some(_) if b == a + 1 => return None,
            Some(NotName::Place) => return Some(a),
            // (`Menko Marves Luhut`; `Marketing Communication Tanly …`: one role's word
            // after another)
            Some(NotName::Portfolio) => a += 1,
            Some(NotName::Tail) if b - a >= 3 => a += 1,
            Some(_) => return None,
        }
    }
}

/// A science's name (`Psikologi`, `Gastroenterologi`): in a capitalised run after a role it
/// names a department or specialty, never a person.
fn field_of_study(s: &str) -> bool {
    s.len() > 6 && s.ends_with("logi")
}

/// A capitalised word that can be part of an unknown person's name: not glued to the word
/// before it (`PresidenDonald`: a capital after four lower-case letters; `McLaren` is fine) and
/// not ending like an English common noun (`Studies`, `Holdings`, `Foundation`).
fn name_shaped(s: &str) -> bool {
    const NOUN_ENDS: [&str; 8] = ["tion", "sion", "ies", "ings", "ment", "ness", "ity", "ship"];
    let mut lower_run = 0;
    for c in s.chars() {
        if c.is_uppercase() {
            if lower_run > 3 {
                return false;
            }
            lower_run = 0;
        } else if c.is_lowercase() {
            lower_run += 1;
        } else {
            lower_run = 0;
        }
    }
    !NOUN_ENDS
        .iter()
        .any(|e| s.len() > e.len() + 2 && s.ends_with(e))
}

/// A word with a verb's prefix (`Diturunkan`, `Berjaya`, `Menolak`, `Terima`): in a title-cased
/// line after a name it is the headline's verb, not a surname.
fn verb_shaped(s: &str) -> bool {
    let l = s.to_lowercase();
    l.len() >= 6
        && ["di", "ber", "ter", "me", "pe"]
            .iter()
            .any(|p| l.starts_with(p))
}

/// `MedcoEnergi`, `PresidenDonald`: a capital after lower-case letters inside a word.
pub(crate) fn camel(s: &str) -> bool {
    s.as_bytes()
        .windows(2)
        .any(|w| w[0].is_ascii_lowercase() && w[1].is_ascii_uppercase())
}

/// `s` equals the lower-case word `w`, ignoring case.
fn eq_lower(s: &str, w: &str) -> bool {
    if s.is_ascii() {
        s.eq_ignore_ascii_case(w)
    } else {
        s.chars().flat_map(char::to_lowercase).eq(w.chars())
    }
}

/// Finds entity mentions: gazetteer aliases first, then pattern names the gazetteers lack (see
/// the module docs for the rules). Returns them sorted by start, non-overlapping.
///
/// ```
/// use indotag::{gazetteer::{Gazetteer, Matcher}, entity, sentence, tokenize, Source};
/// let text = "Rapat itu dipimpin Direktur Utama Budi Santoso di Jakarta.";
/// let tokens = tokenize::tokenize(text);
/// let sentences = sentence::split(text, &tokens);
/// let matcher = Matcher::new(Gazetteer::default()).unwrap();
/// let found = entity::find(text, &tokens, &sentences, &matcher);
/// assert_eq!(found[0].span.as_str(text), "Budi Santoso");
/// assert_eq!(found[0].source, Source::Pattern);
/// assert_eq!(&*found[0].id, "pattern:budi-santoso");
/// ```
pub fn find(text: &str, tokens: &[Token], _sentences: &[Span], matcher: &Matcher) -> Vec<Entity> {
    find_info(text, tokens, matcher, &word_flags(text, tokens)).0
}

/// [`find`], given the lexicon flags of every token (see [`word_flags`]), also returning the
/// per-token facts it computed, so resolution (which needs the same shape bits) need not
/// compute them again.
pub(crate) fn find_info(
    text: &str,
    tokens: &[Token],
    matcher: &Matcher,
    lex: &[u16],
) -> (Vec<Entity>, Vec<TokInfo>) {
    let gaz = matcher.find(text, tokens);
    find_with_info(text, tokens, gaz, lex)
}

/// The rules, given the gazetteer matches (sorted, non-overlapping).
#[cfg(test)]
pub(crate) fn find_with(text: &str, tokens: &[Token], gaz: Vec<Entity>) -> Vec<Entity> {
    find_with_info(text, tokens, gaz, &word_flags(text, tokens)).0
}

/// True when the entities are sorted by start and none overlaps the next, as the entity stage
/// leaves them and as the binary searches of resolution and [`cover_tokens`] need.
pub(crate) fn sorted_disjoint(entities: &[Entity]) -> bool {
    entities
        .windows(2)
        .all(|w| w[0].span.end <= w[1].span.start && w[0].span.start < w[1].span.start)
}

/// Fills `cover` with, for each token, the index + 1 of the first entity (by index) that ends
/// after the token's start, when that entity overlaps the token; 0 otherwise.
///
/// Sorted, disjoint entities (nearly always) are walked instead of the tokens: the tokens
/// under each are found by a binary search from the previous one and only they are visited.
/// A token's first overlapping entity is then the first that ends after its start, so the
/// table is the same as the walk over every token, which is kept for other lists.
pub(crate) fn cover_tokens(tokens: &[Token], entities: &[Entity], cover: &mut Vec<u32>) {
    cover.clear();
    cover.resize(tokens.len(), 0);
    if sorted_disjoint(entities) {
        let mut i = 0;
        for (g, e) in entities.iter().enumerate() {
            i += tokens[i..].partition_point(|t| t.span.end <= e.span.start);
            let mut k = i;
            while k < tokens.len() && tokens[k].span.start < e.span.end {
                if cover[k] == 0 && e.span.overlaps(tokens[k].span) {
                    cover[k] = g as u32 + 1;
                }
                k += 1;
            }
        }
        return;
    }
    let mut g = 0;
    for (i, tok) in tokens.iter().enumerate() {
        while g < entities.len() && entities[g].span.end <= tok.span.start {
            g += 1;
        }
        if g < entities.len() && entities[g].span.overlaps(tok.span) {
            cover[i] = g as u32 + 1;
        }
    }
}

/// [`find_with`], also returning the per-token facts.
fn find_with_info(
    text: &str,
    tokens: &[Token],
    gaz: Vec<Entity>,
    lex: &[u16],
) -> (Vec<Entity>, Vec<TokInfo>) {
    let mut gaz = gaz;
    schools::add(text, tokens, &mut gaz);
    let mut cover = Vec::new();
    cover_tokens(tokens, &gaz, &mut cover);
    let info = token_info(text, tokens, true, &cover, lex);
    let mut dropped = alias_guard::drop_shared_name_words(text, tokens, &info, &gaz, &mut cover);
    let mut doc = Mentions {
        text,
        toks: tokens,
        info,
        cover,
        gaz: &gaz,
        claimed: vec![false; tokens.len()],
        lex: lexicon(),
    };
    let mut cands = Vec::new();
    doc.persons(&mut cands);
    doc.heads(&mut cands);
    let mut taken = doc.claimed.clone();
    for c in &cands {
        for t in &mut taken[c.a..c.b] {
            *t = true;
        }
    }
    doc.tailed(&mut taken, &mut cands);
    doc.aged(&mut taken, &mut cands);
    doc.balinese(&mut taken, &mut cands);
    doc.family_names(&mut taken, &mut cands);
    doc.nicknamed(&mut taken, &mut cands);
    doc.initials(&mut taken, &mut cands);
    doc.selaku(&mut taken, &mut cands);
    doc.loose(&taken, &mut cands);

    let mut out: Vec<Entity> = Vec::with_capacity(gaz.len() + cands.len());
    for c in &cands {
        if c.label == Label::Person
            && c.joins.is_none()
            && (doc.glue_damaged(c)
                || doc.unit_before_rank(c.b)
                || doc.clitic_word_in(c)
                || doc.spelled_before_acronym(c))
        {
            continue;
        }
        // `Kalbe International Pte. Ltd.`, `Sinarmas Sekuritas menilai`: a legal suffix or a
        // word that ends company names makes no person
        // (nor does a field of study: `Subspesialis Gastroenterologi Hepatologi`; a run of
        // dotted abbreviations is a degree, `S.H`)
        let dotted = (c.a..c.b).all(|k| dotted_abbreviation(doc.s(k)) || doc.s(k) == ".");
        // (nor a place's or body's word alone, or before a name: `Ibu Kota`, `Menko Polkam`)
        let mut c = *c;
        if c.label == Label::Person {
            match without_not_name_words(&doc, c.a, c.b) {
                Some(a) if c.joins.is_none() => c.a = a,
                // (a known person after such a word keeps its own span)
                Some(a) if a == c.a => {}
                _ => continue,
            }
        }
        if c.label == Label::Person
            && (dotted
                || (c.a..c.b).any(|k| {
                    // (`Agung` ends `Kejaksaan Agung` and is a Balinese caste title)
                    doc.info[k].w & W_ORG_TAIL != 0 && !balinese::balinese_word(doc.s(k))
                        || extend::legal_suffix(doc.s(k))
                        || field_of_study(doc.s(k))
                }))
        {
            continue;
        }
        let start = tokens[c.a].span.start;
        if let Some(g) = c.joins {
            // the name runs into a gazetteer person: it is that person, with the longer span
            let mut e = gaz[g].clone();
            e.span = Span::new(start, e.span.end);
            dropped[g] = true;
            out.push(e);
            continue;
        }
        let end = c.end.unwrap_or(tokens[c.b - 1].span.end);
        // gazetteer entities inside a head-word name are swallowed by it (`Majelis Umum PBB`)
        for k in c.a..c.b {
            if doc.cover[k] != 0 {
                dropped[doc.cover[k] as usize - 1] = true;
            }
        }
        out.push(pattern_entity(text, Span::new(start, end), c.label, c.kind));
    }
    let info = doc.info;
    // the matches are moved, not cloned: no reference-count traffic
    out.extend(
        gaz.into_iter()
            .zip(dropped)
            .filter(|(_, d)| !d)
            .map(|(e, _)| e),
    );
    out.sort_by_key(|e| (e.span.start, std::cmp::Reverse(e.span.end)));
    out.dedup_by(|later, earlier| later.span.overlaps(earlier.span));
    prefix_trim::trim(text, tokens, &info, &mut out);
    // (a long run the article did not part is no person: see LONG_RUN_WORDS)
    out.retain(|e| {
        e.label != Label::Person
            || e.source != Source::Pattern
            || capitalised_words(e.span.as_str(text)) <= MAX_NAME_WORDS
            || balinese::marked(e.span.as_str(text))
    });
    prefix_trim::extend_known(text, tokens, &info, &mut out);
    prefix_trim::split_holders(text, tokens, &info, &mut out);
    extend::legal_names(text, tokens, &info, &mut out);
    extend::known_persons(text, &mut out);
    extend::noble_prefixes(text, tokens, &info, &mut out);
    hyphenated::extend(text, tokens, &info, &mut out);
    hyphenated::extend_spaced(text, tokens, &info, &mut out);
    regional_governments(text, &mut out);
    clubs::clubs(text, tokens, &info, &mut out);
    branch::merge(text, &mut out);
    outlets::add(text, tokens, &mut out);
    lists::add(text, tokens, &info, &mut out);
    (out, info)
}

/// `Pemerintah Kabupaten Indramayu`, `Pemerintah Provinsi Lampung`: the capitalised word
/// `Pemerintah` right before a regency, city or province named with its prefix makes the
/// whole the regional government (ORG), not the place. (`Pemerintah Indonesia`, with no
/// prefix, stays the country: a sentence's first word is capitalised anyway.)
fn regional_governments(text: &str, out: &mut [Entity]) {
    const PREFIXES: [&str; 3] = ["Kabupaten ", "Kota ", "Provinsi "];
    const WORD: &str = "Pemerintah ";
    for e in out.iter_mut() {
        let s = e.span.as_str(text);
        if e.label != Label::Gpe
            || !PREFIXES.iter().any(|p| s.starts_with(p))
            || !text[..e.span.start].ends_with(WORD)
        {
            continue;
        }
        let start = e.span.start - WORD.len();
        // (a word of its own: not the end of `Kepemerintahan`)
        if text[..start]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
        {
            continue;
        }
        *e = pattern_entity(text, Span::new(start, e.span.end), Label::Org, "government");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize::tokenize;

    fn ent(text: &str, s: &str, label: Label, id: &str) -> Entity {
        let start = text.find(s).expect("substring present");
        Entity {
            span: Span::new(start, start + s.len()),
            label,
            id: id.into(),
            canonical: s.into(),
            kind: "test".into(),
            source: Source::Gazetteer,
            zone: None,
        }
    }

    /// Runs the rules with the given gazetteer matches; returns (text, label, source).
    fn run(text: &str, gaz: Vec<Entity>) -> Vec<(String, Label, Source)> {
        let tokens = tokenize(text);
        find_with(text, &tokens, gaz)
            .into_iter()
            .map(|e| (e.span.as_str(text).to_string(), e.label, e.source))
            .collect()
    }

    fn names(text: &str) -> Vec<String> {
        run(text, Vec::new())
            .into_iter()
            .map(|(s, _, _)| s)
            .collect()
    }

    #[test]
    fn lone_not_names_kinds_are_known() {
        // (an unknown kind would be read as `body` without a word)
        for line in data_lines(LONE_NOT_NAMES, "word\tkind") {
            let (w, kind) = line.split_once('\t').expect("word<TAB>kind");
            assert!(
                matches!(
                    kind.trim(),
                    "place" | "body" | "unit" | "portfolio" | "tail"
                ),
                "{w}: unknown kind {kind}"
            );
            assert_eq!(w, w.to_lowercase(), "{w}: not lower case");
        }
        assert_eq!(not_name_word("Kota"), Some(NotName::Body));
        assert!(role_not_name_words().any(|w| w == "departemen"));
        assert!(!role_not_name_words().any(|w| w == "city"));
    }

    #[test]
    fn title_then_name() {
        assert_eq!(
            names("Rapat dipimpin Presiden Prabowo di Istana."),
            ["Prabowo"]
        );
        assert_eq!(
            names("Hal itu disampaikan Menteri Keuangan Sri Mulyani Indrawati kemarin."),
            ["Sri Mulyani Indrawati"]
        );
        assert_eq!(
            names("Menurut Kepala Ekonom Budi Hartono, inflasi turun."),
            ["Budi Hartono"]
        );
    }

    #[test]
    fn title_skips_gazetteer_org() {
        let text = "Sebelumnya, juru bicara Kremlin Dmitry Peskov menolak.";
        let gaz = vec![ent(text, "Kremlin", Label::Org, "kremlin")];
        let got = run(text, gaz);
        assert_eq!(got[0].0, "Kremlin");
        assert_eq!(
            got[1],
            ("Dmitry Peskov".to_string(), Label::Person, Source::Pattern)
        );
    }

    #[test]
    fn name_running_into_gazetteer_person_is_that_person() {
        let text = "Hal itu dikatakan juru bicara Dmitry Peskov kemarin.";
        let gaz = vec![ent(text, "Peskov", Label::Person, "dmitry-peskov")];
        let got = run(text, gaz);
        assert_eq!(
            got,
            [(
                "Dmitry Peskov".to_string(),
                Label::Person,
                Source::Gazetteer
            )]
        );
    }

    #[test]
    fn honorifics_and_initials() {
        assert_eq!(names("Kami bertemu Pak Slamet di pasar."), ["Slamet"]);
        assert_eq!(
            names("Acara dibuka oleh Prof. Dr. Rina Kartika kemarin."),
            ["Rina Kartika"]
        );
        assert_eq!(
            names("Ketua Umum M. Hanif Dhakiri hadir."),
            ["M. Hanif Dhakiri"]
        );
        assert_eq!(
            names("Kata Faisal bin Abdullah hari ini."),
            ["Faisal bin Abdullah"]
        );
    }

    #[test]
    fn speech_verbs() {
        assert_eq!(
            names("\"Kami siap,\" kata Hanif kepada wartawan."),
            ["Hanif"]
        );
        assert_eq!(
            names("Di sisi lain, Joko Susilo mengatakan harga naik."),
            ["Joko Susilo"]
        );
        // one word before the verb is not enough: it may be an organisation
        assert!(names("Kemarin Pertamina mengatakan harga naik.").is_empty());
    }

    #[test]
    fn apposition_and_credits() {
        assert_eq!(
            names("Rudi Hartono, Direktur pabrik itu, menolak."),
            ["Rudi Hartono"]
        );
        assert_eq!(
            names("Sumber: Reuters | Editor: Barratut Taqiyyah Rafie"),
            ["Barratut Taqiyyah Rafie"]
        );
        assert_eq!(
            names("ILUSTRASI. Kapal itu berlayar. Mikhail Metzel/Kantor Pers"),
            ["Mikhail Metzel", "Kantor Pers"]
        );
    }

    #[test]
    fn no_names_from_capitals_alone() {
        assert!(names("Pada Kamis (26/10/2023), harga turun.").is_empty());
        assert!(names("Namun Budi Santoso datang terlambat.").is_empty());
        assert!(names("Baca Juga: Harga Emas Naik Tajam Hari Ini").is_empty());
        // headline case: every word capitalised, the speech verb is no evidence
        assert!(names("Harga Minyak Turun, Kata Analis Pasar Dunia").is_empty());
    }

    #[test]
    fn head_words_open_org_and_place_names() {
        let got = run(
            "Data Badan Pusat Statistik menunjukkan kenaikan.",
            Vec::new(),
        );
        assert_eq!(
            got,
            [(
                "Badan Pusat Statistik".to_string(),
                Label::Org,
                Source::Pattern
            )]
        );
        let text = "Pesawat mendarat di Bandara Halim Perdanakusuma pagi ini.";
        assert_eq!(run(text, Vec::new())[0].1, Label::Loc);
        let text = "Ia berbicara di Majelis Umum PBB pekan lalu.";
        let got = run(text, vec![ent(text, "PBB", Label::Org, "pbb")]);
        assert_eq!(
            got,
            [("Majelis Umum PBB".to_string(), Label::Org, Source::Pattern)]
        );
        // the head alone is a common word
        assert!(names("Badan itu dibentuk tahun lalu.").is_empty());
    }

    #[test]
    fn loose_rule_finds_unknown_names_mid_sentence_only() {
        let got = names("Polisi memeriksa Rudi Hartanto kemarin.");
        assert_eq!(got, ["Rudi Hartanto"]);
        // sentence start, after a place word, English noun phrases, acronym definitions: none
        assert!(names("Rudi Hartanto datang kemarin.").is_empty());
        assert!(names("Mereka tinggal di Kelapa Gading sejak lama.").is_empty());
        assert!(names("Riset itu dari lembaga Stimson Center kemarin.").is_empty());
        assert!(names("Data dari Forest Watch Indonesia (FWI) menunjukkan itu.").is_empty());
        assert!(names("Ia menonton film Finding Nemo bersama anaknya.").is_empty());
    }

    #[test]
    fn ids_are_prefixed_slugs() {
        let text = "Menurut Direktur Utama Budi Santoso, laba naik.";
        let tokens = tokenize(text);
        let got = find_with(text, &tokens, Vec::new());
        assert_eq!(&*got[0].id, "pattern:budi-santoso");
        assert_eq!(&*got[0].canonical, "Budi Santoso");
    }

    #[test]
    fn headline_case_lines_are_marked() {
        let text = "Harga Minyak Dunia Naik Tajam pada Hari Ini\nHarga minyak dunia naik tajam hari ini.\nBudi";
        let tokens = tokenize(text);
        let lex = word_flags(text, &tokens);
        let info = token_info(text, &tokens, true, &vec![0; tokens.len()], &lex);
        let marked: Vec<bool> = info.iter().map(|t| t.t & T_HEADLINE != 0).collect();
        let first_line = tokens.iter().filter(|t| t.span.end <= 43).count();
        assert!(marked[..first_line].iter().all(|&m| m), "{marked:?}");
        assert!(marked[first_line..].iter().all(|&m| !m), "{marked:?}");
    }

    #[test]
    fn pattern_canonical_collapses_whitespace() {
        let cases = [
            ("Budi Santoso", "Budi Santoso", "pattern:budi-santoso"),
            ("Budi  Santoso", "Budi Santoso", "pattern:budi-santoso"),
            ("Budi\nSantoso", "Budi Santoso", "pattern:budi-santoso"),
            ("Budi\u{a0}Santoso", "Budi Santoso", "pattern:budi-santoso"),
            ("Ma'ruf Amin", "Ma'ruf Amin", "pattern:ma-ruf-amin"),
            ("Émile Zola", "Émile Zola", "pattern:émile-zola"),
        ];
        for (text, canonical, id) in cases {
            let e = pattern_entity(text, Span::new(0, text.len()), Label::Person, "person");
            assert_eq!(
                (&*e.canonical, &*e.id, &*e.kind),
                (canonical, id, "person"),
                "{text:?}"
            );
        }
    }
}
