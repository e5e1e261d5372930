//! Word classes: what the entity lexicon and the quote stage's cue table say about each word
//! token of a document, found with one hash lookup per word.
//!
//! Both stages ask about every word: the quote stage for its cue classes (`post`, `say`, …),
//! the entity stage, for a lower-case word next to a capitalised one, for its trigger flags
//! (`W_*`: speech verb, title, particle, …). Asked separately that was two lookups, each
//! lower-casing and hashing the word again. The [`WordTable`] merges both small tables into
//! one keyed by the lower-cased word, and [`WordTable::classify`] fills both per-token tables
//! in one pass over the tokens. (The whole lexicon, 21k words with their case statistics, is
//! not merged in: a table that size misses the cache on nearly every lookup, which made a
//! merged lookup for every word cost more than the two small ones. The entity stage asks it
//! for capitalised words only.)
//!
//! The answers are exactly the ones the separate lookups give ([`Cues::class`], and
//! [`crate::entity::trigger_flags`] of [`crate::entity::Lexicon::flags_of`]): words the merged
//! table cannot key (non-ASCII, longer than 15 bytes, or ending in a `.` that the lexicon
//! strips and the cue table does not) are asked of both tables as before.

use rustc_hash::FxHashMap;

use crate::entity::{lexicon, trigger_flags};
use crate::quote::Cues;
use crate::span::{Token, TokenKind};

/// The lexicon trigger flags and cue classes of the lower-cased ASCII words of at most 15
/// bytes that either table knows, keyed by [`pack16`]. Built once per [`crate::Tagger`] (its
/// cue table may be its own), read by any number of threads.
#[derive(Debug)]
pub(crate) struct WordTable {
    map: FxHashMap<u128, Entry>,
    /// One bit per [`filter_key`] of some word: more than half the words of a text are in
    /// neither table, and this rejects nearly all of them without a lookup in `map`.
    filter: Vec<u64>,
}

/// What both tables say about one word.
#[derive(Clone, Copy, Debug, Default)]
struct Entry {
    lex: u16,
    cue: u64,
}

/// Per-token classes of one document: `lex[i]` and `cue[i]` for token `i`, 0 for tokens that
/// are not words. Two tables, not one of pairs, because the stages take them apart (the quote
/// stage keeps its cue table for the whole document).
#[derive(Debug, Default)]
pub(crate) struct Classes {
    /// Entity lexicon flags (`W_*`) of the word, lower-cased and without a final `.`, when it
    /// is a trigger ([`crate::entity::trigger_flags`]).
    pub(crate) lex: Vec<u16>,
    /// Quote cue classes of the word.
    pub(crate) cue: Vec<u64>,
}

impl Classes {
    /// Gives back the memory of a huge document, so that a thread does not keep it for the
    /// small ones after it.
    pub(crate) fn shrink(&mut self) {
        self.lex.shrink_to(1 << 16);
        self.cue.shrink_to(1 << 16);
    }
}

impl WordTable {
    /// Merges the entity lexicon with `cues`.
    pub(crate) fn new(cues: &Cues) -> WordTable {
        let mut map: FxHashMap<u128, Entry> = FxHashMap::default();
        for (word, flags) in lexicon().flagged_words() {
            // (the lexicon's words are lower case; one that is not could never be found)
            if trigger_flags(flags) == 0 || word.bytes().any(|b| b.is_ascii_uppercase()) {
                continue;
            }
            if let Some(key) = key_at(word.as_bytes(), 0, word.len()) {
                map.entry(key).or_default().lex = flags;
            }
        }
        for (key, class) in cues.packed_words() {
            map.entry(key).or_default().cue = class;
        }
        let mut filter = vec![0u64; FILTER_WORDS];
        for &key in map.keys() {
            let k = filter_key(key);
            filter[k / 64] |= 1 << (k % 64);
        }
        WordTable { map, filter }
    }

    /// The entry of the packed word `key`, if some word has it.
    #[inline]
    fn get(&self, key: u128) -> Entry {
        let k = filter_key(key);
        if self.filter[k / 64] & (1 << (k % 64)) == 0 {
            return Entry::default();
        }
        self.map.get(&key).copied().unwrap_or_default()
    }

    /// The classes of every token of a document, one lookup per word token.
    ///
    /// `Classes` are the caller's (one per thread, reused across documents).
    pub(crate) fn classify(&self, text: &str, tokens: &[Token], cues: &Cues, out: &mut Classes) {
        out.lex.clear();
        out.cue.clear();
        out.lex.resize(tokens.len(), 0);
        out.cue.resize(tokens.len(), 0);
        let mut buf = String::new();
        let bytes = text.as_bytes();
        for (i, t) in tokens.iter().enumerate() {
            if t.kind != TokenKind::Word {
                continue;
            }
            let len = t.span.len();
            (out.lex[i], out.cue[i]) = match key_at(bytes, t.span.start, len) {
                Some(key) => {
                    let e = self.get(key);
                    (e.lex, e.cue)
                }
                None => {
                    let s = t.span.as_str(text);
                    (
                        trigger_flags(lexicon().flags_of(s, &mut buf)),
                        cues.class(s),
                    )
                }
            };
        }
    }
}

/// The merged table's key of the word of `len` bytes at `start` in `text`: lower-cased and
/// packed ([`pack16`]) when it is ASCII, of 1 to 15 bytes, and does not end in `.` (which the
/// lexicon strips and the cue table keeps).
///
/// The word is loaded as one 16-byte block when the text has that many bytes from `start`
/// (nearly always) and tested and lower-cased all bytes at once: a loop over its bytes cost
/// more than the hash lookup.
#[inline]
fn key_at(text: &[u8], start: usize, len: usize) -> Option<u128> {
    if len == 0 || len > 15 {
        return None;
    }
    // (the short copy at the end of the text is a function of its own: with both copies in
    // line, the compiler merged them into one `memcpy` call of variable length, for every word)
    let block = match text
        .get(start..start + 16)
        .and_then(|b| <[u8; 16]>::try_from(b).ok())
    {
        Some(block) => block,
        None => last_block(text.get(start..start + len)?),
    };
    let w = u128::from_le_bytes(block) & ((1u128 << (8 * len)) - 1);
    let last = (w >> (8 * (len - 1))) as u8;
    if w & HIGH_BITS != 0 || last == b'.' {
        return None;
    }
    Some(packed(w, len))
}

/// `word` (at most 16 bytes, the last of the text) padded with zeros to 16 bytes.
#[cold]
#[inline(never)]
fn last_block(word: &[u8]) -> [u8; 16] {
    let mut block = [0u8; 16];
    let n = word.len().min(16);
    block[..n].copy_from_slice(&word[..n]);
    block
}

/// Bits of a [`filter_key`].
const FILTER_BITS: u32 = 15;
/// Size of the filter in 64-bit words (4 KB).
const FILTER_WORDS: usize = 1 << (FILTER_BITS - 6);

/// The filter bit of a packed word: a multiplicative hash of all its bytes. With the table's
/// 1.5k words, under 5% of the other words share a bit with one of them. (A bit per length and
/// first and last letter, taken before lower-casing, let three in four words of a text
/// through to a lookup, where under half of them are in the table.)
#[inline]
fn filter_key(key: u128) -> usize {
    let x = (key as u64) ^ ((key >> 64) as u64).rotate_left(32);
    (x.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - FILTER_BITS)) as usize
}

/// The high bit of every byte of a `u128`.
const HIGH_BITS: u128 = 0x8080_8080_8080_8080_8080_8080_8080_8080;
/// 1 in every byte of a `u128`.
const ONES: u128 = 0x0101_0101_0101_0101_0101_0101_0101_0101;

/// `w` (the ASCII bytes of a word, least significant first, zero beyond `len` ≤ 15 bytes)
/// lower-cased, with `len` in the last byte. A byte `b` is upper case when `b + 0x3f` has its
/// high bit set (`b ≥ A`) and `b + 0x25` has not (`b ≤ Z`); no sum carries into the next
/// byte, since every byte is below 0x80.
#[inline]
fn packed(w: u128, len: usize) -> u128 {
    let upper = (w + 0x3f * ONES) & !(w + 0x25 * ONES) & HIGH_BITS;
    (w | upper >> 2) | (len as u128) << 120
}

/// An ASCII word of at most 15 bytes, lower-cased, packed into one integer: its bytes, then
/// its length in the last byte (the same packing as the cue table's own key).
#[inline]
pub(crate) fn pack16(b: &[u8]) -> u128 {
    debug_assert!(b.len() <= 15 && b.is_ascii());
    let mut block = [0u8; 16];
    let len = b.len().min(15);
    block[..len].copy_from_slice(&b[..len]);
    packed(u128::from_le_bytes(block), len)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize::tokenize;

    /// The merged lookups answer exactly what the two tables answer separately, for words of
    /// every kind the merged table keys or passes on (case, length, final `.`, non-ASCII).
    #[test]
    fn classes_equal_separate_lookups() {
        let cues = Cues::defaults();
        let table = WordTable::new(&cues);
        let text = "Kata juru bicara KPK, Budi, kepada wartawan: ujarnya Dr. Menurut \
                    Presiden bin Salman menyampaikannya Memperdebatkannya tidak JAKARTA \
                    Jl. kemudian Pemerintah kaTa Ékonomi bahwa Wakil menegaskan.";
        let tokens = tokenize(text);
        let mut classes = Classes::default();
        table.classify(text, &tokens, &cues, &mut classes);
        assert_eq!(classes.lex.len(), tokens.len());
        let mut buf = String::new();
        let mut known = 0;
        for (i, t) in tokens.iter().enumerate() {
            let s = t.span.as_str(text);
            let (lex, cue) = if t.kind == TokenKind::Word {
                (
                    trigger_flags(lexicon().flags_of(s, &mut buf)),
                    cues.class(s),
                )
            } else {
                (0, 0)
            };
            assert_eq!((classes.lex[i], classes.cue[i]), (lex, cue), "{s}");
            known += usize::from(lex != 0 && cue != 0);
        }
        // the sample has words both tables know (`kata`, `menurut`, `presiden`)
        assert!(known >= 2, "{known}");
    }

    #[test]
    fn packing_is_case_insensitive_and_length_tagged() {
        assert_eq!(pack16(b"Kata"), pack16(b"kata"));
        assert_ne!(pack16(b"kata"), pack16(b"kata\0"));
        let key = |s: &str| key_at(s.as_bytes(), 0, s.len());
        assert_eq!(key("Dr."), None);
        assert_eq!(key("menyampaikannyaa"), None);
        assert_eq!(key("Ékonomi"), None);
        assert_eq!(key("KATA"), Some(pack16(b"kata")));
        assert_eq!(key("Menurut@Z"), Some(pack16(b"menurut@z")));
        // a word at the end of the text (no 16-byte block) and one inside it agree
        assert_eq!(key_at(b"Kata", 0, 4), key_at(b"x Kata yang panjang", 2, 4));
        // every ASCII byte: only A-Z change
        for b in 0u8..0x80 {
            let want = u128::from(b.to_ascii_lowercase()) | 1 << 120;
            assert_eq!(packed(u128::from(b), 1), want, "{b:#x}");
        }
    }
}
