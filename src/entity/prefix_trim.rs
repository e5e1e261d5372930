//! A pattern person whose name ran on from the words before it (`Manager Maggie Couture
//! Jessica Oey`, `Co-Founder Tokomodal Chris Antonius`): the rules cannot tell where an
//! employer's or a place's name ends and the person's begins, but the article can. When a
//! later (or earlier) mention names the person from a word inside the run, alone or with the
//! words after it (`tutur Jessica`, `Chris Antonius mengatakan`), without the words before it,
//! the person's name starts at that word.
//!
//! A full name is often shortened to a later word (`Muhammad Rizki Pratama` → `Rizki`), so runs
//! whose dropped words include a given-name prefix (`data/given_name_prefixes.txt`) stay
//! whole; and only a suffix of two or more words is kept (`Budi Santoso` → `Santoso` is a
//! surname, not evidence).

use std::sync::OnceLock;

use super::{
    pattern_entity, TokInfo, T_ALLCAPS, T_CAP, T_NL_BEFORE, T_WORD, W_ACCORDING, W_HEAD, W_LOOSE,
    W_PORTFOLIO, W_SPEECH_AFTER, W_SPEECH_BEFORE, W_STRICT, W_TITLE,
};
use crate::span::{Entity, Label, Source, Span, Token};

/// Occurrences looked at per word: enough for any article, and no quadratic time on a page
/// that repeats one name thousands of times.
const MAX_OCCURRENCES: usize = 64;

/// Each capitalised word of a text and its token positions (at most [`MAX_OCCURRENCES`]),
/// as one vector of (hash of the word, position, word) sorted by hash and position: one
/// allocation, where a map of vectors took one per distinct word. (Sorted by the words
/// themselves, the string comparisons cost more than the rest of the trim.)
struct WordIndex<'t>(Vec<(u64, usize, &'t str)>);

impl<'t> WordIndex<'t> {
    /// The index of the (word, position) pairs.
    fn new(words: impl Iterator<Item = (&'t str, usize)>) -> Self {
        let mut v: Vec<_> = words.map(|(w, k)| (word_hash(w), k, w)).collect();
        v.sort_unstable_by_key(|&(h, k, _)| (h, k));
        WordIndex(v)
    }

    /// The positions of `word`, in text order (the first [`MAX_OCCURRENCES`]).
    fn places<'s>(&'s self, word: &'s str) -> impl Iterator<Item = usize> + 's {
        let h = word_hash(word);
        let from = self.0.partition_point(|&(x, _, _)| x < h);
        self.0[from..]
            .iter()
            .take_while(move |&&(x, _, _)| x == h)
            .filter(move |&&(_, _, w)| w == word)
            .take(MAX_OCCURRENCES)
            .map(|&(_, k, _)| k)
    }
}

/// The [`WordIndex`] key of a word.
fn word_hash(w: &str) -> u64 {
    use std::hash::BuildHasher;
    rustc_hash::FxBuildHasher.hash_one(w)
}

/// `w` (any case) opens full names and is dropped in short forms.
fn given_prefix(w: &str) -> bool {
    static V: OnceLock<Vec<&'static str>> = OnceLock::new();
    let w = w.trim_end_matches('.');
    V.get_or_init(|| super::word_list(include_str!("../../data/given_name_prefixes.txt")))
        .iter()
        .any(|p| p.eq_ignore_ascii_case(w))
}

/// Trims the pattern persons in `out` whose name the article shows to start later.
pub(super) fn trim(text: &str, toks: &[Token], info: &[TokInfo], out: &mut [Entity]) {
    // (built on the first candidate: most documents have none)
    let mut tables: Option<(WordIndex, Vec<Span>)> = None;
    for i in 0..out.len() {
        let e = &out[i];
        if e.label != Label::Person || e.source != Source::Pattern {
            continue;
        }
        let a = toks.partition_point(|t| t.span.start < e.span.start);
        let b = toks.partition_point(|t| t.span.end <= e.span.end);
        // plain runs of three or more capitalised words only
        if b < a + 3 || (a..b).any(|k| info[k].t & (T_WORD | T_CAP) != T_WORD | T_CAP) {
            continue;
        }
        let (index, bodies) = &*tables.get_or_insert_with(|| word_tables(text, toks, info, out));
        let s = |k: usize| toks[k].span.as_str(text);
        // (a run longer than any name holds an employer's name too: the later mention alone
        // shows where the person's starts)
        let long = super::capitalised_words(e.span.as_str(text)) > super::MAX_NAME_WORDS;
        let start = (a + 1..b - 1)
            .take_while(|&k| long || !given_prefix(s(k - 1)))
            .find(|&k| {
                named(text, toks, info, index, k, (a, b), true)
                    && (long
                        || (a..k).any(|p| not_personal(text, toks, info, index, bodies, p))
                        || used_apart(text, toks, info, index, k - 1)
                            && !repeated(text, toks, index, (a, b)))
            });
        if let Some(k) = start {
            let span = Span::new(toks[k].span.start, e.span.end);
            out[i] = pattern_entity(text, span, Label::Person, "person");
        }
    }
}

/// Splits the pattern organisations in `out` that ran on into the name of the person holding a
/// role in them (`Ketua Yayasan Upakara Bhuvana Nusantara Sugeng Waluyo mengatakan`, `kata
/// Ketua Majelis Hakim Rosihan Juhriah Rangkuti di …`): right after a title, when the article
/// names the person from a word inside the run (`ujar Sugeng`), the organisation ends before
/// that word and the rest is a person. The organisation keeps its head and one more word at
/// least; the person, two words.
pub(super) fn split_holders(text: &str, toks: &[Token], info: &[TokInfo], out: &mut Vec<Entity>) {
    let mut tables: Option<(WordIndex, Vec<Span>)> = None;
    let mut i = 0;
    while i < out.len() {
        let e = &out[i];
        i += 1;
        if e.label != Label::Org || e.source != Source::Pattern {
            continue;
        }
        let a = toks.partition_point(|t| t.span.start < e.span.start);
        let b = toks.partition_point(|t| t.span.end <= e.span.end);
        let titled = a > 0 && info[a - 1].t & T_CAP != 0 && info[a - 1].w & W_TITLE != 0;
        if !titled || b < a + 4 || (a..b).any(|k| info[k].t & (T_WORD | T_CAP) != T_WORD | T_CAP) {
            continue;
        }
        let (index, bodies) = &*tables.get_or_insert_with(|| word_tables(text, toks, info, out));
        // the person's words are personal: no everyday, head or known body's or place's word
        // (elsewhere than in this organisation)
        let personal = |k: usize| {
            (k..b).all(|p| {
                info[p].t & T_ALLCAPS == 0
                    && info[p].w & (W_STRICT | W_LOOSE | W_HEAD) == 0
                    && !in_body(text, toks, index, bodies, p, a..b)
            })
        };
        let Some(k) = (a + 2..b - 1)
            .find(|&k| named(text, toks, info, index, k, (a, b), false) && personal(k))
        else {
            continue;
        };
        let (org, person) = (
            Span::new(e.span.start, toks[k - 1].span.end),
            Span::new(toks[k].span.start, e.span.end),
        );
        let kind = e.kind.clone();
        out[i - 1] = Entity {
            kind,
            ..pattern_entity(text, org, Label::Org, "")
        };
        out.insert(i, pattern_entity(text, person, Label::Person, "person"));
        i += 1;
    }
}

/// Extends the gazetteer persons in `out` of two words or more that follow a given name the
/// article uses alone for a speaker (`Pertamina Fadjar Djoko Santoso … kata Fadjar`): that is
/// someone else with a longer name than the famous one the gazetteer knows, so the whole run
/// becomes a pattern person with no gazetteer id. A religious or noble prefix (`Muhammad Jusuf
/// Kalla`) and words the lexicon knows (`Kehutanan Siti Nurbaya`, `Projo Budi Arie`) do not
/// count: those are the famous person.
pub(super) fn extend_known(text: &str, toks: &[Token], info: &[TokInfo], out: &mut [Entity]) {
    // (built on the first candidate; only persons change below, so the bodies stay right)
    let mut tables: Option<(WordIndex, Vec<Span>)> = None;
    for i in 0..out.len() {
        let e = &out[i];
        if e.label != Label::Person || !e.span.as_str(text).contains(' ') {
            continue;
        }
        // (a pattern person too: `Wakil Menteri Luar Negeri Bara Krishna Hasibuan … kata
        // Bara`, where the everyday word `Bara` did not open the name the role rule found)
        let pattern = e.source == Source::Pattern;
        if !pattern && e.source != Source::Gazetteer {
            continue;
        }
        let a = toks.partition_point(|t| t.span.start < e.span.start);
        let b = toks.partition_point(|t| t.span.end <= e.span.end);
        let Some(k) = a.checked_sub(1) else {
            continue;
        };
        let word = toks[k].span.as_str(text);
        let free = i == 0 || out[i - 1].span.end <= toks[k].span.start;
        let plain = info[k].t & (T_WORD | T_CAP | T_ALLCAPS | T_NL_BEFORE) == T_WORD | T_CAP
            && info[a].t & T_NL_BEFORE == 0
            // (a pattern person's run was already read by the role rules: only an everyday
            // word they stopped at may open it)
            && if pattern {
                info[k].w != 0 && info[k].w & !(W_STRICT | W_LOOSE) == 0
            } else {
                info[k].w == 0
            }
            && word.chars().all(char::is_alphabetic)
            && !given_prefix(word);
        if !free || !plain {
            continue;
        }
        let (index, bodies) = &*tables.get_or_insert_with(|| word_tables(text, toks, info, out));
        // (not a place or body the article names elsewhere: `Ketua DPRD Bantaeng Budi …`)
        let evidence = if info[k].w == 0 {
            named(text, toks, info, index, k, (k, b), false)
        } else {
            quoted_alone(text, toks, info, index, k)
        };
        if evidence && !in_body(text, toks, index, bodies, k, k..k + 1) {
            let span = Span::new(toks[k].span.start, e.span.end);
            out[i] = pattern_entity(text, span, Label::Person, "person");
        }
    }
}

/// The tables the passes above read, built once a document has a candidate: every
/// capitalised word's positions, and the organisations and places of `out` in text order
/// (`out` is sorted and free of overlaps).
fn word_tables<'t>(
    text: &'t str,
    toks: &[Token],
    info: &[TokInfo],
    out: &[Entity],
) -> (WordIndex<'t>, Vec<Span>) {
    let bodies = out.iter().filter(|e| e.label != Label::Person);
    (
        capitalised_words(text, toks, info),
        bodies.map(|e| e.span).collect(),
    )
}

/// Every capitalised word's token positions, in text order.
fn capitalised_words<'t>(text: &'t str, toks: &[Token], info: &[TokInfo]) -> WordIndex<'t> {
    WordIndex::new(
        toks.iter()
            .enumerate()
            .filter(|&(k, _)| info[k].t & (T_WORD | T_CAP) == T_WORD | T_CAP)
            .map(|(k, t)| (t.span.as_str(text), k)),
    )
}

/// The word at `p`, dropped from the front of a run, is no part of a person's name: an
/// everyday or head word (`Rawa`, `Islam`, `Center`), or a word that stands inside an
/// organisation or place the article names elsewhere (`PT Tokomodal Indonesia`). A person
/// called by a later name (`Prasetyo Edi Marsudi` … `kata Edi`) has no such word and keeps
/// the full name.
fn not_personal(
    text: &str,
    toks: &[Token],
    info: &[TokInfo],
    index: &WordIndex,
    bodies: &[Span],
    p: usize,
) -> bool {
    if info[p].w & (W_STRICT | W_LOOSE | W_HEAD) != 0 {
        return true;
    }
    // `Direktur Jenderal Pendidikan Islam Amin …`: the run goes on from a portfolio (or an
    // everyday word, unless that word ends a title: `Komisaris Besar Frans Barung Mangera`)
    let before = p.checked_sub(1).map(|q| info[q]);
    let s = |j: usize| toks[j].span.as_str(text);
    let title_end = p >= 2 && super::lexicon().ends_rank(s(p - 2), s(p - 1));
    if before.is_some_and(|q| {
        q.t & (T_CAP | T_ALLCAPS) == T_CAP
            && (q.w & W_PORTFOLIO != 0 || q.w & (W_LOOSE | W_STRICT) != 0 && !title_end)
    }) {
        return true;
    }
    in_body(text, toks, index, bodies, p, 0..0)
}

/// The run of tokens `a..b` stands again elsewhere in the text, word for word: a name the
/// article repeats in full (`Fijar Horison Lila Sanjaya`) is one person's, whatever its
/// words do alone.
fn repeated(text: &str, toks: &[Token], index: &WordIndex, (a, b): (usize, usize)) -> bool {
    let s = |j: usize| toks.get(j).map_or("", |t| t.span.as_str(text));
    index
        .places(s(a))
        .any(|j| j != a && (1..b - a).all(|d| s(j + d) == s(a + d)))
}

/// The word at `p`, right before a later start of the name, stands elsewhere in the text
/// after a lower-case word and before another word than the one after it here (`kehadiran
/// Mjek mendapat …` beside `Presiden Direktur Mjek Angga Pramana Jaya`): a brand or body the
/// article talks about, not a given name.
/// (A person's first name mid-sentence is rare in news, which names people by a later word
/// or in full; uses next to a speech verb are speakers and no evidence.)
fn used_apart(text: &str, toks: &[Token], info: &[TokInfo], index: &WordIndex, p: usize) -> bool {
    let s = |j: usize| toks.get(j).map_or("", |t| t.span.as_str(text));
    let flags = |j: usize| info.get(j).map_or(0, |i| i.w);
    index.places(s(p)).any(|j| {
        j != p
            && j > 0
            && s(j + 1) != s(p + 1)
            && info[j - 1].t & (T_WORD | T_CAP) == T_WORD
            && flags(j - 1) & (W_SPEECH_AFTER | W_ACCORDING | W_TITLE) == 0
            && flags(j + 1) & W_SPEECH_BEFORE == 0
    })
}

/// The word at `p` stands elsewhere in the text (outside the tokens `skip`) inside one of
/// `bodies` (organisations and places, sorted and disjoint).
fn in_body(
    text: &str,
    toks: &[Token],
    index: &WordIndex,
    bodies: &[Span],
    p: usize,
    skip: std::ops::Range<usize>,
) -> bool {
    index
        .places(toks[p].span.as_str(text))
        .filter(|j| !skip.contains(j))
        .any(|j| {
            let at = toks[j].span;
            let i = bodies.partition_point(|b| b.end <= at.start);
            bodies.get(i).is_some_and(|b| b.contains(at))
        })
}

/// The everyday word at token `k` (`Bara`) stands alone elsewhere as a speaker: right after a
/// speech verb (`kata Bara`) or right before one (`Bara mengatakan`), not capitalised words
/// on. Everyday words need that much: as part of other names they prove nothing.
fn quoted_alone(text: &str, toks: &[Token], info: &[TokInfo], index: &WordIndex, k: usize) -> bool {
    let s = |j: usize| toks.get(j).map_or("", |t| t.span.as_str(text));
    index
        .places(s(k))
        .any(|j| j != k && j > 0 && alone_as_speaker(text, toks, info, j, W_SPEECH_AFTER))
}

/// The word at token `j` stands alone next to a speech verb: no capitalised word after it,
/// and a word of class `before` (`kata`, for [`named`] also `menurut`) right before it or a
/// speech verb right after it (`Bara mengatakan`). `j` is past the first token.
fn alone_as_speaker(text: &str, toks: &[Token], info: &[TokInfo], j: usize, before: u16) -> bool {
    let next = toks.get(j + 1).map_or("", |t| t.span.as_str(text));
    let flags = |j: usize| info.get(j).map_or(0, |i| i.w);
    !next.starts_with(char::is_uppercase)
        && (flags(j - 1) & before != 0 || flags(j + 1) & W_SPEECH_BEFORE != 0)
}

/// The word at `k` (inside the run `a..b`) is used elsewhere as the start of this person's
/// name, without the word before it in the run: alone as a speaker (`kata Chris`, `Chris
/// menambahkan`), or, `with_rest`, followed by the rest of the run (`Chris Antonius
/// mengatakan`; not for a body's tail, which may well be a place's: `DKI Jakarta`). Everyday
/// and sentence-opening words (`Di`, `Center`) and words the lexicon knows are no evidence.
fn named(
    text: &str,
    toks: &[Token],
    info: &[TokInfo],
    index: &WordIndex,
    k: usize,
    (a, b): (usize, usize),
    with_rest: bool,
) -> bool {
    if info[k].w != 0 {
        return false;
    }
    let s = |j: usize| toks.get(j).map_or("", |t| t.span.as_str(text));
    index.places(s(k)).any(|j| {
        if (a..b).contains(&j) || j == 0 || s(j - 1) == s(k - 1) {
            return false;
        }
        let rest = with_rest && (1..b - k).all(|d| s(j + d) == s(k + d));
        rest || alone_as_speaker(text, toks, info, j, W_SPEECH_AFTER | W_ACCORDING)
    })
}
