//! Words glued together by stripped markup (`PresidenJokowi`, `olehMesir`, `diSurabaya`,
//! `sahamBRPT`): a page's `<a>` or `<b>` tags removed without a space leave two words in one.
//!
//! A word is cut where a lower-case letter meets an upper-case one, but only when the left part
//! is a word that news writes in lower case (`di`, `oleh`, `saham`: from
//! `data/common_words.tsv`) or a title (`Presiden`), so that the right part is the name the
//! entity stage must see. Names and brands written with an inner capital stay whole: `iPhone`
//! and `McDonald` (`i` and `Mc` are no words), `detikNews` and `KompasTV` (listed in
//! `data/glued_brands.txt`), `YouTube` and `FamilyMart` (a capitalised left part must be a
//! frequent lower-case word and the right part no common word), rating grades (`idAA`).

use std::sync::OnceLock;

use crate::entity::{glued_tail_words, lexicon, W_FREQ, W_STRICT, W_TITLE};
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
/// more (no name ends so) and the
/// long speech verbs of `data/speech_verbs.tsv` that follow their subject. A bit per last
/// three letters turns most words away before any comparison.
struct Tails {
    last3: Vec<u64>,
    words: Vec<&'static str>,
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
            .collect();
        for line in SPEECH_VERBS.lines().filter(|l| !l.starts_with('#')) {
            if let Some((verb, "before")) = line.split_once('\t') {
                if verb.len() >= MIN_GLUED_VERB && verb.bytes().all(|c| c.is_ascii_lowercase()) {
                    words.push(verb);
                }
            }
        }
        // longest first: `mengatakan` before a shorter tail it ends with
        words.sort_unstable_by_key(|&w| (std::cmp::Reverse(w.len()), w));
        let mut last3 = vec![0u64; 26 * 26 * 26 / 64 + 1];
        for w in &words {
            if let Some(k) = trigram(&w.as_bytes()[w.len().saturating_sub(3)..]) {
                last3[k / 64] |= 1 << (k % 64);
            }
        }
        Tails { last3, words }
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
    let tail = t
        .words
        .iter()
        .find(|w| w.len() + MIN_GLUED_NAME <= n && word.ends_with(*w))?;
    if flags(word) != 0 {
        return None;
    }
    Some(n - tail.len())
}

/// Whether `left` + `right` (the right part up to the next lower-to-upper joint) are two words.
fn splits(left: &str, right: &str) -> bool {
    if left.len() < 2 || right.len() < 2 {
        return false;
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
    if left.as_bytes()[0].is_ascii_lowercase() {
        return lf & W_STRICT != 0;
    }
    // `BerawanJakarta` splits, `KapanLagi` and `YouTube` do not
    lf & W_FREQ != 0 && flags(right) & W_STRICT == 0
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
    let joint = |p: usize| b[p].is_ascii_uppercase() && b[p - 1].is_ascii_lowercase();
    let mut cur = start;
    let mut p = start + 1;
    while p < end {
        if joint(p) {
            let mut r_end = p + 1;
            while r_end < end && !joint(r_end) {
                r_end += 1;
            }
            if splits(&text[cur..p], &text[p..r_end]) {
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
    out.push(Token {
        span: Span::new(cur, end),
        kind: TokenKind::Word,
    });
}

/// The ASCII letter run `s` has a lower-case letter followed by an upper-case one.
#[inline]
pub(super) fn has_joint(s: &[u8]) -> bool {
    s.windows(2)
        .any(|w| w[0].is_ascii_lowercase() && w[1].is_ascii_uppercase())
}
