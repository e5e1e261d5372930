//! Words glued together by stripped markup (`PresidenJokowi`, `olehMesir`, `diSurabaya`,
//! `sahamBRPT`): a page's `<a>` or `<b>` tags removed without a space leave two words in one.
//!
//! A word is cut where a lower-case letter meets an upper-case one, but only when the left part
//! is a word that news writes in lower case (`di`, `oleh`, `saham`: from
//! `data/common_words.tsv`; or often so, or before a one-word name the gazetteers know:
//! `beritaAFP`) or a title (`Presiden`), so that the right part is the name the entity stage
//! must see; and before a capital `Ia` or `Dia` that opens a clause (`PancaIa berharap`: a
//! sentence whose `.` was lost). Names and brands written with an inner capital stay whole: `iPhone`
//! and `McDonald` (`i` and `Mc` are no words), `detikNews` and `KompasTV` (listed in
//! `data/glued_brands.txt`), `YouTube` and `FamilyMart` (a capitalised left part must be a
//! frequent lower-case word and the right part no common word), rating grades (`idAA`).

use std::sync::OnceLock;

use rustc_hash::FxHashSet;

use crate::entity::{glued_tail_words, lexicon, W_FREQ, W_LOOSE, W_PORTFOLIO, W_STRICT, W_TITLE};
use crate::span::{Span, Token, TokenKind};

const BRANDS: &str = include_str!("../../data/glued_brands.txt");

/// The brand list: exact words, and prefixes (written with a trailing `*`).
struct Brands {
    exact: Vec<&'static str>,
    prefixes: Vec<&'static str>,
}

fn brands() -> &'static Brands {
    static B: OnceLock<Brands> = OnceLock::new();
    B.get_or_init(|| {
        let mut b = Brands {
            exact: Vec::new(),
            prefixes: Vec::new(),
        };
        for line in BRANDS.lines() {
            let w = line.split('#').next().unwrap_or("").trim();
            if w.is_empty() {
                continue;
            }
            match w.strip_suffix('*') {
                Some(p) => b.prefixes.push(p),
                None => b.exact.push(w),
            }
        }
        b
    })
}

fn is_brand(word: &str) -> bool {
    let b = brands();
    b.exact.iter().any(|w| w.eq_ignore_ascii_case(word))
        || b.prefixes.iter().any(|p| {
            word.len() > p.len()
                && word.is_char_boundary(p.len())
                && word[..p.len()].eq_ignore_ascii_case(p)
        })
}

/// `AAA`, `BB`, `C`, with an optional `id` (Pefindo's national scale): a rating grade's letters.
pub(super) fn is_rating(s: &str) -> bool {
    let g = s.strip_prefix("id").unwrap_or(s);
    matches!(
        g,
        "AAA" | "AA" | "A" | "BBB" | "BB" | "B" | "CCC" | "CC" | "C" | "D" | "SD"
    )
}

/// Lexicon flags of an ASCII word, lower-cased on the stack.
fn flags(w: &str) -> u16 {
    let mut buf = [0u8; 24];
    if w.len() > buf.len() {
        return 0;
    }
    for (d, c) in buf.iter_mut().zip(w.bytes()) {
        *d = c.to_ascii_lowercase();
    }
    std::str::from_utf8(&buf[..w.len()]).map_or(0, |l| lexicon().flags(l))
}

const SPEECH_VERBS: &str = include_str!("../../data/speech_verbs.tsv");

/// Shortest name a tail is cut from (`Budi|dalam`).
const MIN_GLUED_NAME: usize = 3;
/// Shortest `[always]` ending cut off: shorter ones end names and verbs (`Pyongyang`,
/// `Tarakan`, `Suarakan`: `yang`, `akan`).
const MIN_TAIL: usize = 5;
/// Shortest speech verb taken as a glued tail (`menyebut`; not `kata`, `ujar`).
const MIN_GLUED_VERB: usize = 7;

/// Lower-case words that stripped markup glues to the end of a name (`Budidalam`,
/// `Jabomengatakan`): the `[always]` endings of `data/glued_tails.txt` of five letters or
/// more (no name ends so), the long speech verbs of `data/speech_verbs.tsv` that follow their
/// subject, and frequent lower-case verbs of eight letters or more with a verbal prefix
/// (`memantau`, `berharap`, `ditangkap`). A bit per last
/// three letters turns most words away before any comparison; the words that pass are
/// compared only with the tails that end in the same three letters.
struct Tails {
    last3: Vec<u64>,
    /// (last three letters, tail), by last three letters and then longest first.
    by_last3: Vec<(usize, &'static str)>,
}

fn trigram(b: &[u8]) -> Option<usize> {
    let [x, y, z] = *b else { return None };
    let l = |c: u8| c.is_ascii_lowercase().then(|| usize::from(c - b'a'));
    Some((l(x)? * 26 + l(y)?) * 26 + l(z)?)
}

fn tails() -> &'static Tails {
    static T: OnceLock<Tails> = OnceLock::new();
    T.get_or_init(|| {
        let mut words: Vec<&'static str> = glued_tail_words()
            .iter()
            .filter(|&(w, &always)| always && w.len() >= MIN_TAIL)
            .map(|(&w, _)| w)
            .chain(crate::entity::short_cut_tails())
            .collect();
        for line in SPEECH_VERBS.lines().filter(|l| !l.starts_with('#')) {
            if let Some((verb, "before")) = line.split_once('\t') {
                if verb.len() >= MIN_GLUED_VERB && verb.bytes().all(|c| c.is_ascii_lowercase()) {
                    words.push(verb);
                }
            }
        }
        // and frequent prefixed verbs, long enough that no name ends so (`Subiantomemantau`)
        for (word, flags) in lexicon().flagged_words() {
            let prefixed = ["mem", "men", "meng", "meny", "ber", "di", "ter"]
                .iter()
                .any(|p| word.starts_with(p));
            if flags & W_FREQ != 0
                && word.len() > MIN_GLUED_VERB
                && prefixed
                && word.bytes().all(|c| c.is_ascii_lowercase())
            {
                words.push(word);
            }
        }
        // longest first: `mengatakan` before a shorter tail it ends with (a verb listed twice
        // then sits next to itself)
        words.sort_unstable_by_key(|&w| (std::cmp::Reverse(w.len()), w));
        words.dedup();
        // (a tail whose last three bytes are no lower-case letters ends no word that passes
        // the bit test: left out)
        let mut by_last3: Vec<(usize, &'static str)> = words
            .iter()
            .filter_map(|&w| trigram(&w.as_bytes()[w.len().saturating_sub(3)..]).map(|k| (k, w)))
            .collect();
        // (stable: longest first within each group)
        by_last3.sort_by_key(|&(k, _)| k);
        let mut last3 = vec![0u64; 26 * 26 * 26 / 64 + 1];
        for &(k, _) in &by_last3 {
            last3[k / 64] |= 1 << (k % 64);
        }
        Tails { last3, by_last3 }
    })
}

/// Where a lower-case word glued to the end of the capitalised ASCII word `word` starts
/// (`Mulyanidalam` → 7, `Jabomengatakan` → 4), when the word is no word the lexicon knows
/// (`Kerusakan` ends in `akan`). None for most words, after one bit test.
pub(super) fn tail_start(word: &str) -> Option<usize> {
    let b = word.as_bytes();
    let n = b.len();
    if n < MIN_GLUED_NAME + 4 {
        return None;
    }
    let t = tails();
    let k = trigram(&b[n - 3..])?;
    if t.last3[k / 64] & (1 << (k % 64)) == 0 {
        return None;
    }
    // (a tail `word` ends with ends in the same three letters; of those, the longest first)
    let from = t.by_last3.partition_point(|&(x, _)| x < k);
    let tail = t.by_last3[from..]
        .iter()
        .take_while(|&&(x, _)| x == k)
        .map(|&(_, w)| w)
        .find(|w| w.len() + MIN_GLUED_NAME <= n && word.ends_with(*w))?;
    if flags(word) != 0 {
        return None;
    }
    Some(n - tail.len())
}

/// `w` is a sentence opener of `data/glued_openers.txt` (see [`push_word`]).
fn glued_opener(w: &str) -> bool {
    static V: OnceLock<Vec<&'static str>> = OnceLock::new();
    V.get_or_init(|| crate::entity::data_words(include_str!("../../data/glued_openers.txt")))
        .contains(&w)
}

/// One-word names of the default gazetteers (`Gerindra`, `Jakarta`, `ESDM`, `RI`), ASCII
/// letters only: such a name glued to a capitalised word (`GerindraHashim`, `WNIKemlu`,
/// `RIJudha`) is two words, where an unknown prefix (`You`, `Tik`, `JI` of `JIExpo`) is part
/// of a brand. Built once, from the gazetteers the tagger embeds anyway.
fn known_name(w: &str) -> bool {
    static NAMES: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    NAMES
        .get_or_init(|| {
            crate::Gazetteer::defaults_ref()
                .entries()
                .iter()
                .flat_map(|e| e.names())
                .filter(|n| n.len() >= 2 && n.bytes().all(|c| c.is_ascii_alphabetic()))
                .collect()
        })
        .contains(w)
}

/// `w` is a one-word credit label of `data/layout_credits.tsv` of five letters or more
/// (`Editor`, `Pewarta`): glued after a name and followed by `:` (`Roy BachtiarEditor: …`), it
/// opens the next credit, whatever the name before it.
fn credit_label(w: &str) -> bool {
    static LABELS: OnceLock<Vec<String>> = OnceLock::new();
    LABELS
        .get_or_init(|| {
            crate::layout::credit_labels()
                .into_iter()
                .map(|(label, _)| label)
                .filter(|l| l.len() >= 5 && l.bytes().all(|c| c.is_ascii_alphabetic()))
                .collect()
        })
        .iter()
        .any(|l| l.eq_ignore_ascii_case(w))
}

/// Pushes the ASCII letter run `start..end` as an acronym and the word glued after it (see
/// [`acronym_cut`]), that word's own glued tail cut off in turn (`RIHabiburokhmandalam`).
/// Pushes nothing and returns false when no acronym is glued there.
pub(super) fn push_acronym_glued(
    text: &str,
    start: usize,
    end: usize,
    out: &mut Vec<Token>,
) -> bool {
    let Some(cut) = acronym_cut(&text[start..end]) else {
        return false;
    };
    out.push(Token {
        span: Span::new(start, start + cut),
        kind: TokenKind::Word,
    });
    push_with_tail(text, start + cut, end, out);
    true
}

/// Pushes the capitalised ASCII letter run `start..end` as one word, or two when a word is
/// glued to its end (see [`tail_start`]).
pub(super) fn push_with_tail(text: &str, start: usize, end: usize, out: &mut Vec<Token>) {
    let mut piece = |a: usize, b: usize| {
        out.push(Token {
            span: Span::new(a, b),
            kind: TokenKind::Word,
        })
    };
    match tail_start(&text[start..end]) {
        Some(t) => {
            piece(start, start + t);
            piece(start + t, end);
        }
        None => piece(start, end),
    }
}

/// Whether `left` + `right` (the right part up to the next joint) are two words.
fn splits(left: &str, right: &str) -> bool {
    if left.len() < 2 || right.len() < 2 {
        return false;
    }
    let rf = flags(right);
    // `WNIKemlu`, `ESDMBahlil`, `JADWALTimnas`: capitals, then a capitalised word that is no
    // everyday word (`KPUPewarta` is left to the furniture rules)
    if left.bytes().all(|c| c.is_ascii_uppercase()) {
        return right.len() >= 3 && rf & W_STRICT == 0 && acronym_known(left);
    }
    // `mmHg`, `kWh`: units have no vowel
    if !left
        .bytes()
        .any(|c| matches!(c.to_ascii_lowercase(), b'a' | b'e' | b'i' | b'o' | b'u'))
    {
        return false;
    }
    let lf = flags(left);
    if lf & W_TITLE != 0 {
        return true;
    }
    // (a lower-case word glued to a name: `presidenJokowi`; also one often written in lower
    // case, three letters or more, `beritaAFP`, or one before a known name, `antaraIsrael`)
    if left.as_bytes()[0].is_ascii_lowercase() {
        return lf & W_STRICT != 0
            || left.len() >= 3 && (lf & W_LOOSE != 0 || known_name(right_name(right)));
    }
    // `BerawanJakarta` splits, `KapanLagi` and `YouTube` do not; a known name or a portfolio
    // word before a name does (`GerindraHashim`, `KeuanganSri`). Two letters are a name's
    // particle (`DiCaprio`, `DeGeneres`, `LeBron`) unless a known name follows (`DiJakarta`).
    (left.len() >= 3 || known_name(right))
        && rf & W_STRICT == 0
        && (lf & W_FREQ != 0 || right.len() >= 3 && (lf & W_PORTFOLIO != 0 || known_name(left)))
}

/// `right` without a lower-case word glued to its end (`Israeldan` → `Israel`), when it has one.
fn right_name(right: &str) -> &str {
    tail_start(right).map_or(right, |cut| &right[..cut])
}

/// Pushes the ASCII letter run `start..end` as one or more word tokens, cut at glued joints.
/// Called only for runs that have a lower-to-upper joint.
pub(super) fn push_word(text: &str, start: usize, end: usize, out: &mut Vec<Token>) {
    let word = &text[start..end];
    let b = text.as_bytes();
    if is_brand(word) || is_rating(word) {
        out.push(Token {
            span: Span::new(start, end),
            kind: TokenKind::Word,
        });
        return;
    }
    // a lower-case letter before a capital (`PresidenJokowi`), or the last of two or more
    // capitals that opens a capitalised word (`WNIKemlu`: the piece so far all capitals)
    let joint = |cur: usize, p: usize| {
        b[p].is_ascii_uppercase()
            && (b[p - 1].is_ascii_lowercase()
                || p >= cur + 2
                    && b.get(p + 1).is_some_and(u8::is_ascii_lowercase)
                    && p + 1 < end
                    && b[cur..p].iter().all(u8::is_ascii_uppercase))
    };
    let mut cur = start;
    let mut p = start + 1;
    while p < end {
        if joint(cur, p) {
            let mut r_end = p + 1;
            while r_end < end && !joint(p, r_end) {
                r_end += 1;
            }
            let credit = r_end == end && b.get(end) == Some(&b':') && credit_label(&text[p..r_end]);
            // `PancaIa berharap`, `PrasetyoMenurut Prasetyo`: a sentence opening with a pronoun
            // or a connector glued to the last word of the one before (its `.` lost with the
            // markup), when a space follows, and a lower-case word after a pronoun (not
            // `ArcaDia Group`, `NokIa`)
            let opener = &text[p..r_end];
            let opener_cut = r_end == end
                && glued_opener(opener)
                && p - cur >= 3
                && b.get(end) == Some(&b' ')
                && (!matches!(opener, "Ia" | "Dia")
                    || b.get(end + 1).is_some_and(u8::is_ascii_lowercase));
            if credit || opener_cut || splits(&text[cur..p], &text[p..r_end]) {
                out.push(Token {
                    span: Span::new(cur, p),
                    kind: TokenKind::Word,
                });
                cur = p;
            }
            p = r_end;
            continue;
        }
        p += 1;
    }
    // (the last piece may have a word glued to its end in turn: `beritaTasnimdalam`)
    if cur > start && text.as_bytes()[cur].is_ascii_uppercase() {
        push_with_tail(text, cur, end, out);
    } else {
        out.push(Token {
            span: Span::new(cur, end),
            kind: TokenKind::Word,
        });
    }
}

/// Where the word glued after an acronym starts in the ASCII letter run `word`: a capitalised
/// word (`WNIKemlu` → 3, `ESDMBahlil` → 4), or an everyday lower-case word after the whole
/// run of capitals (`SIMdipercepat` → 3, `MANTANpemain` → 6), when the acronym is a known
/// name or an everyday word in capitals (see [`splits`]). None for most words, after two
/// byte tests.
fn acronym_cut(word: &str) -> Option<usize> {
    let b = word.as_bytes();
    if b.len() < 5 || !b[1].is_ascii_uppercase() || !b[b.len() - 1].is_ascii_lowercase() {
        return None;
    }
    if is_brand(word) {
        return None;
    }
    let lower = b.iter().position(u8::is_ascii_lowercase)?;
    let caps = &word[..lower];
    if acronym_known(caps) {
        let rest = &word[lower..];
        return (rest.len() >= 3 && flags(rest) & W_STRICT != 0).then_some(lower);
    }
    // `ASNpusat` is `ASN` + `pusat` (an unknown acronym), not `AS` + `Npusat`
    let p = lower - 1;
    let tail_is_word = flags(&word[lower..]) != 0;
    (p >= 2 && !tail_is_word && splits(&word[..p], &word[p..])).then_some(p)
}

/// `caps` (all capitals) is a known name (`KPK`; three letters or more, or `RI`, `PT`, `AS`:
/// two-letter prefixes are mostly brands, `LLDikti`, `TVOne`) or an everyday word written in
/// capitals in a kicker (`JADWAL`, `MANTAN`; four letters or more).
fn acronym_known(caps: &str) -> bool {
    (caps.len() >= 3 || matches!(caps, "RI" | "PT" | "AS")) && known_name(caps)
        || caps.len() >= 4 && flags(caps) & W_STRICT != 0
}

/// The ASCII letter run `s` has a lower-case letter followed by an upper-case one.
#[inline]
pub(super) fn has_joint(s: &[u8]) -> bool {
    s.windows(2)
        .any(|w| w[0].is_ascii_lowercase() && w[1].is_ascii_uppercase())
}
