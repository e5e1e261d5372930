//! One word-like run: letters and digits joined by `.` `,` `-` `/` `'` `’` `:` `&` `_` `+`,
//! cut into tokens by the shapes it has. [`word`] is the order in which the shapes are tried.

use super::abbrev::{abbreviation_before, abbreviations};
use super::address::{address, is_tld};
use super::hyphen::hyphenated;
use super::number::{currency_before_amount, currency_prefix, digit_joint, point_join, slash_join};
use super::{char_at, glued, is_currency, is_mark, push, push_word, Style};
use crate::span::{Token, TokenKind};

/// Scans a word-like run starting at `seg0` (a letter or digit); `tok_start <= seg0` includes
/// a sign or currency symbol already passed over. Returns the position after it, or after the
/// one space that follows it (white space is never a token: the scan may resume at either).
///
/// The shapes are tried in this order:
///
/// 1. [`plain_word`]: letters only (`kata`, and `PresidenJokowi`, cut by [`glued`]);
/// 2. [`address`]: a URL or an e-mail address, one token;
/// 3. [`currency_before_amount`]: the `Rp` of `Rp15.000`;
///
/// then the run is cut into segments and connectors ([`Run::scan`]), and each connector is
/// decided:
///
/// 4. [`dotted_runs`]: domains, initials, dotted abbreviations (`KONTAN.CO.ID`, `a.n.`);
/// 5. [`join_at`], for each other connector: numbers, times and abbreviations at `.` `,` `:`;
///    clitics at `'`; hyphenated words at `-`; dates at `/`; `&`, `_` and `+`;
/// 6. [`word_end`]: a percent sign, a rating's sign or an abbreviation's period after the
///    last segment;
///
/// and [`emit`] pushes the tokens, cutting words glued by stripped markup ([`glued`]).
///
/// `run` is scratch space, reused from word to word so that its arrays are not cleared for
/// each (see [`Run::scan`]).
///
/// Only shape 1 is inlined into the caller: most words are plain, and the rest, a large
/// function, then costs its register saves only for the words that need it.
#[inline]
pub(super) fn word(
    text: &str,
    seg0: usize,
    tok_start: usize,
    style: Style,
    run: &mut Run,
    out: &mut Vec<Token>,
) -> usize {
    if seg0 == tok_start {
        if let Some(end) = plain_word(text, seg0, style, out) {
            return end;
        }
    }
    other_word(text, seg0, tok_start, style, run, out)
}

/// [`word`] after shape 1.
#[inline(never)]
fn other_word(
    text: &str,
    seg0: usize,
    tok_start: usize,
    style: Style,
    run: &mut Run,
    out: &mut Vec<Token>,
) -> usize {
    let (tok_start, seg0) = if seg0 == tok_start {
        if let Some(end) = address(text, seg0, out) {
            return end;
        }
        currency_before_amount(text, seg0, style, out)
    } else {
        (tok_start, seg0)
    };
    run.scan(text, seg0);
    let run = &*run;
    let mut joins = Joins::new();
    dotted_runs(text, run, &mut joins);
    decide_connectors(text, run, style, &mut joins);
    let end = word_end(text, run, &joins, style);
    emit(text, run, &joins, tok_start, end, style, out)
}

/// Shape 1, the common case, tried first so that it costs no more than one scan: a run of
/// ASCII letters ended by white space or by punctuation that can neither continue the word
/// (connectors before a word character, `@`, `.`, `%`, `$`) nor make it an address or amount
/// (`kata`, `Jokowi,`). The general path would return exactly this one word token, after an
/// address scan and segment bookkeeping. A lower-case letter followed by a capital
/// (`PresidenJokowi`) sends the word to [`glued`] in the news style. `None` for anything else;
/// else where the scan resumes (see [`word`]).
#[inline(always)]
fn plain_word(text: &str, seg0: usize, style: Style, out: &mut Vec<Token>) -> Option<usize> {
    let b = text.as_bytes();
    if !b[seg0].is_ascii_alphabetic() {
        return None;
    }
    let (p, joint) = letters_end(b, seg0);
    // (a space after the word is passed over here, where its byte is at hand: most words
    // end in one, and the scan then resumes at the next token instead of dispatching on it)
    let mut resume = p;
    let plain_end = match b.get(p) {
        None => true,
        Some(&d) => match d {
            b' ' => {
                resume = p + 1;
                true
            }
            b'\n' | b'\r' | b'\t' | b'"' | b'(' | b')' | b';' | b'!' | b'?' | b'[' | b']' => true,
            b',' | b':' => b
                .get(p + 1)
                .is_none_or(|e| matches!(e, b' ' | b'\n' | b'\r' | b'\t')),
            _ => false,
        },
    };
    if !plain_end {
        return None;
    }
    if joint && style == Style::News {
        glued::push_word(text, seg0, p, out);
    } else if style == Style::News && b[seg0].is_ascii_uppercase() {
        // `WNIKemlu`: an acronym glued to a name; `Jabomengatakan`, `Mulyanidalam`: a name
        // with a word glued to its end
        if !glued::push_acronym_glued(text, seg0, p, out) {
            glued::push_with_tail(text, seg0, p, out);
        }
    } else {
        push(out, seg0, p, TokenKind::Word);
    }
    Some(resume)
}

/// The end of the run of ASCII letters that starts with the letter at `seg0`, and whether a
/// lower-case letter is followed by a capital in it (`PresidenJokowi`).
///
/// Every word of a text starts here, so the run is tested eight bytes at a time: which bytes
/// are lower-case and which upper-case letters, by per-byte range tests on one `u64` (a loop
/// over the bytes was a twentieth of a run). Fewer than eight bytes before the end of the
/// text go byte by byte.
///
/// The letters are found by one range test on the bytes with the case bit (0x20) set, which
/// maps `A`-`Z` and no other byte onto `a`-`z`, and the case bit then tells lower from upper
/// case: a range test for each case cost a third more. Inlined into [`plain_word`], its one
/// caller for nearly every word: as a call, saving and restoring registers was a fifth of it.
#[inline(always)]
fn letters_end(b: &[u8], seg0: usize) -> (usize, bool) {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x80 * ONES;
    // The high bit of each byte of `w` that is above `m` and below `n` (n <= 0x80): on the
    // low seven bits no sum or difference carries into the next byte, and `!w` drops the
    // bytes with the high bit set.
    let between = |w: u64, m: u64, n: u64| {
        let low = w & (0x7f * ONES);
        ((0x7f + n) * ONES - low) & (low + (0x7f - m) * ONES) & !w & HIGH
    };
    let mut p = seg0 + 1;
    let mut joint = false;
    let mut prev_lower = b[seg0].is_ascii_lowercase();
    while let Some(chunk) = b.get(p..p + 8) {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let w = u64::from_le_bytes(word);
        let letter = between(w | (0x20 * ONES), b'a' as u64 - 1, b'z' as u64 + 1);
        // the case bit of each byte, moved up to its high bit
        let case = (w << 2) & HIGH;
        let (lower, upper) = (letter & case, letter & !case);
        let other = !letter & HIGH;
        // letters before the first other byte (8: all of them)
        let letters = (other.trailing_zeros() / 8) as usize;
        // the bits below the first other byte's high bit (all: none)
        let in_run = other.wrapping_sub(1) & !other;
        let after_lower = lower << 8 | u64::from(prev_lower) << 7;
        joint |= upper & after_lower & in_run != 0;
        if letters < 8 {
            return (p + letters, joint);
        }
        prev_lower = lower >> 63 != 0;
        p += 8;
    }
    while p < b.len() && b[p].is_ascii_alphabetic() {
        joint |= b[p].is_ascii_uppercase() && b[p - 1].is_ascii_lowercase();
        p += 1;
    }
    (p, joint)
}

/// At most this many segments make one word; a longer run goes on as a new word.
const MAX_SEGS: usize = 48;

/// One run of letters and digits inside a word.
#[derive(Clone, Copy, Default)]
pub(super) struct Seg {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) digits: bool,
    pub(super) letters: bool,
    pub(super) upper_first: bool,
    pub(super) lower_first: bool,
    pub(super) one_char: bool,
}

impl Seg {
    pub(super) fn alpha(&self) -> bool {
        self.letters && !self.digits
    }
    pub(super) fn all_digit(&self) -> bool {
        self.digits && !self.letters
    }
}

/// A word cut into segments and the connectors between them.
pub(super) struct Run {
    segs: [Seg; MAX_SEGS],
    /// `conns[k]` joins `segs[k - 1]` and `segs[k]` (`conns[0]` is unused); `’` is stored as
    /// `'` and `‐` as `-`.
    pub(super) conns: [u8; MAX_SEGS],
    /// The connector's length in bytes (3 for `’` and `‐`).
    conn_len: [u8; MAX_SEGS],
    n: usize,
}

impl Run {
    /// Scratch space for the words of one text.
    pub(super) fn new() -> Run {
        Run {
            segs: [Seg::default(); MAX_SEGS],
            conns: [0u8; MAX_SEGS],
            conn_len: [1u8; MAX_SEGS],
            n: 0,
        }
    }

    /// Collects the segments and connectors of the word whose first segment starts at `p`.
    /// A connector counts only when a word character follows it.
    ///
    /// Only the first `n` segments and the connectors between them are written; what lies
    /// beyond is left from an earlier word and never read.
    #[inline]
    fn scan(&mut self, text: &str, mut p: usize) {
        let b = text.as_bytes();
        self.n = 0;
        loop {
            let seg = scan_seg(text, p);
            p = seg.end;
            self.segs[self.n] = seg;
            self.n += 1;
            if self.n == MAX_SEGS || p >= b.len() {
                break;
            }
            let (c, clen): (u8, u8) = match b[p] {
                c @ (b'.' | b',' | b'-' | b'/' | b'\'' | b':' | b'&' | b'_' | b'+') => (c, 1),
                0xE2 if text[p..].starts_with('’') => (b'\'', 3),
                0xE2 if text[p..].starts_with('‐') => (b'-', 3),
                _ => break,
            };
            if !starts_alnum(text, b, p + clen as usize) {
                break;
            }
            self.conns[self.n] = c;
            self.conn_len[self.n] = clen;
            p += clen as usize;
        }
    }

    /// The segments.
    pub(super) fn segs(&self) -> &[Seg] {
        &self.segs[..self.n]
    }

    /// How many segments.
    pub(super) fn len(&self) -> usize {
        self.n
    }
}

/// One segment starting at `p`: letters, digits and the combining marks inside them.
#[inline]
fn scan_seg(text: &str, mut p: usize) -> Seg {
    let b = text.as_bytes();
    let mut seg = Seg {
        start: p,
        ..Seg::default()
    };
    let mut nchars = 0;
    while let Some(&d) = b.get(p) {
        if d.is_ascii_digit() {
            seg.digits = true;
            p += 1;
        } else if d.is_ascii_alphabetic() {
            if nchars == 0 {
                seg.upper_first = d.is_ascii_uppercase();
                seg.lower_first = !seg.upper_first;
            }
            seg.letters = true;
            p += 1;
        } else if d >= 0x80 {
            let ch = char_at(text, p);
            if ch.is_alphanumeric() {
                if ch.is_numeric() {
                    seg.digits = true;
                } else {
                    if nchars == 0 {
                        seg.upper_first = ch.is_uppercase();
                        seg.lower_first = ch.is_lowercase();
                    }
                    seg.letters = true;
                }
            } else if !(is_mark(ch) && nchars > 0) {
                break;
            }
            p += ch.len_utf8();
        } else {
            break;
        }
        nchars += 1;
    }
    seg.end = p;
    seg.one_char = nchars == 1;
    seg
}

/// A letter or digit starts at `j`.
#[inline]
fn starts_alnum(text: &str, b: &[u8], j: usize) -> bool {
    match b.get(j) {
        Some(d) if d.is_ascii_alphanumeric() => true,
        Some(&d) if d >= 0x80 => char_at(text, j).is_alphanumeric(),
        _ => false,
    }
}

/// What becomes of a connector.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Join {
    /// The connector stays inside the token.
    Keep,
    /// The connector becomes a token of its own.
    Split,
    /// The connector (a `.`) closes the left token as an abbreviation.
    Abbrev,
    /// `Moody's`: the apostrophe starts a new token with the segment after it.
    Clitic,
}

/// The decision for each connector of a [`Run`] (index as in `Run::conns`).
struct Joins {
    join: [Join; MAX_SEGS],
    /// Connector `k` was decided by a dotted run.
    dotted: [bool; MAX_SEGS],
    /// ... as part of a domain name, which makes the token a URL.
    domain: [bool; MAX_SEGS],
}

impl Joins {
    #[inline]
    fn new() -> Joins {
        Joins {
            join: [Join::Keep; MAX_SEGS],
            dotted: [false; MAX_SEGS],
            domain: [false; MAX_SEGS],
        }
    }
}

/// Shape 4, tried before any single connector because a run of segments joined by `.` is
/// judged as a whole: a domain name ending in a known top-level domain, written in lower case
/// or all in capitals (`detik.com`, `KONTAN.CO.ID`; not a glued `ke Eropa.In`), initials
/// (`a.n.`, `U.S.A`) and listed dotted abbreviations (`s.d.`) keep all their periods. A run
/// with a digit on both sides of a period (`1.468.000`) is left to [`point_join`].
fn dotted_runs(text: &str, run: &Run, joins: &mut Joins) {
    let b = text.as_bytes();
    let segs = run.segs();
    let ns = run.len();
    let mut k = 1;
    while k < ns {
        if run.conns[k] != b'.' {
            k += 1;
            continue;
        }
        let first = k - 1;
        let mut last = k;
        while last + 1 < ns && run.conns[last + 1] == b'.' {
            last += 1;
        }
        let whole = &text[segs[first].start..segs[last].end];
        let any_digit_pair = (first + 1..=last).any(|j| digit_joint(b, &segs[j - 1], &segs[j]));
        if !any_digit_pair {
            let all_single = (first..=last).all(|j| segs[j].one_char && segs[j].letters);
            let tld = is_tld(&text[segs[last].start..segs[last].end])
                && segs[first].letters
                && (segs[last].lower_first || !whole.bytes().any(|c| c.is_ascii_lowercase()));
            let abbr = abbreviations().contains_key(whole);
            if all_single || abbr || tld {
                for j in first + 1..=last {
                    joins.join[j] = Join::Keep;
                    joins.dotted[j] = true;
                    joins.domain[j] = tld && !all_single && !abbr;
                }
            }
        }
        k = last + 1;
    }
}

/// Shape 5: every connector the dotted runs left, from left to right, by [`join_at`].
/// `unit_start` is where the stretch since the last connector that was not kept began (the
/// left word of a hyphen, the unit an abbreviation must fill).
fn decide_connectors(text: &str, run: &Run, style: Style, joins: &mut Joins) {
    let mut unit_start = 0;
    for k in 1..run.len() {
        if joins.dotted[k] {
            continue;
        }
        joins.join[k] = join_at(text, run, k, unit_start, style);
        if joins.join[k] != Join::Keep {
            unit_start = k;
        }
    }
}

/// The shape tried at connector `k`, by the connector.
#[inline]
fn join_at(text: &str, run: &Run, k: usize, unit_start: usize, style: Style) -> Join {
    match run.conns[k] {
        b'.' | b',' | b':' => point_join(text, run, k, unit_start, style),
        b'\'' => apostrophe_join(text, run, k, style),
        b'&' => ampersand_join(text, run, k),
        b'_' => Join::Keep,
        b'+' => plus_join(run, k),
        b'-' => hyphenated(text, run, k, unit_start),
        b'/' => slash_join(text, run, k),
        _ => Join::Split,
    }
}

/// Shape of connector `k` when it is an apostrophe (`'` or `’`) between letters: a clitic
/// English possessive at the end of the word is split off with its `s` (`Moody` `'s`), so that
/// the name alone matches a gazetteer, except in the GSD style (`Moody's`); any other stays
/// inside the word (`Ma'ruf`, `Jum’at`). Next to a digit it splits (`90` `'` `an`).
fn apostrophe_join(text: &str, run: &Run, k: usize, style: Style) -> Join {
    let segs = run.segs();
    let (l, r) = (&segs[k - 1], &segs[k]);
    let last = k + 1 == run.len();
    let possessive = last && matches!(&text[r.start..r.end], "s" | "S");
    if l.letters && r.letters && !(possessive && style != Style::UdGsd) {
        Join::Keep
    } else if l.letters && r.letters {
        Join::Clitic
    } else {
        Join::Split
    }
}

/// Shape of connector `k` when it is `&`: kept when either side is written in capitals
/// (`S&P`, `R&D`), split between ordinary words (`kopi` `&` `teh`).
fn ampersand_join(text: &str, run: &Run, k: usize) -> Join {
    let segs = run.segs();
    let up = |s: &Seg| {
        s.letters
            && text[s.start..s.end]
                .bytes()
                .all(|c| !c.is_ascii_lowercase())
    };
    if up(&segs[k - 1]) || up(&segs[k]) {
        Join::Keep
    } else {
        Join::Split
    }
}

/// Shape of connector `k` when it is `+`: kept after letters (`H+3`, the third day after a
/// holiday), split after a number (`2` `+` `3`).
fn plus_join(run: &Run, k: usize) -> Join {
    if run.segs()[k - 1].letters {
        Join::Keep
    } else {
        Join::Split
    }
}

/// Where the word's last token ends, and where a `%` split off it starts (UD styles).
struct End {
    end: usize,
    pct_after: Option<usize>,
}

/// Shape 6, after the connectors because it needs the last token's unit: what follows the last
/// segment. A percent sign after a number stays on it (`0,5%`; pushed as its own token in the
/// UD styles); a rating grade keeps its sign (`BBB+`); an abbreviation keeps its period
/// (`Dr.`, `dll.`; not in the GSD style).
fn word_end(text: &str, run: &Run, joins: &Joins, style: Style) -> End {
    let b = text.as_bytes();
    let segs = run.segs();
    let last = &segs[run.len() - 1];
    let end = last.end;
    let at_end = |e: usize| End {
        end: e,
        pct_after: None,
    };
    if end >= b.len() {
        return at_end(end);
    }
    if b[end] == b'%' && last.digits {
        return if style.split_amounts() {
            End {
                end,
                pct_after: Some(end),
            }
        } else {
            at_end(end + 1)
        };
    }
    let ns = run.len();
    if matches!(b[end], b'+' | b'-') && rating_sign(text, segs, end)
        || b[end] == b'.'
            && b.get(end + 1) != Some(&b'.')
            && style != Style::UdGsd
            && abbreviation_before(
                text,
                segs,
                &run.conns[..ns],
                last_unit_start(&joins.join[..ns]),
                ns,
            )
    {
        return at_end(end + 1);
    }
    at_end(end)
}

fn last_unit_start(join: &[Join]) -> usize {
    (1..join.len())
        .rev()
        .find(|&k| join[k] != Join::Keep)
        .unwrap_or(0)
}

/// `BBB+`, `idAA-`, `A-`: a rating grade keeps its sign when the grade is the whole word and
/// nothing word-like follows the sign (not the `C` of `C++`, not a range `A-B`).
fn rating_sign(text: &str, segs: &[Seg], sign: usize) -> bool {
    let b = text.as_bytes();
    segs.len() == 1
        && !starts_alnum(text, b, sign + 1)
        && !matches!(b.get(sign + 1), Some(b'+' | b'-'))
        && glued::is_rating(&text[segs[0].start..segs[0].end])
}

/// Pushes the tokens of the word from `tok_start`, as its connectors were decided, and
/// returns where the word ends.
fn emit(
    text: &str,
    run: &Run,
    joins: &Joins,
    tok_start: usize,
    end: End,
    style: Style,
    out: &mut Vec<Token>,
) -> usize {
    let segs = run.segs();
    let mut cur = tok_start;
    let mut url = false;
    for k in 1..run.len() {
        let left_end = segs[k - 1].end;
        match joins.join[k] {
            Join::Keep => url |= joins.domain[k],
            Join::Split => {
                push_word(text, out, cur, left_end, kind_of(text, cur, url), style);
                let ckind = if matches!(run.conns[k], b'+' | b'&') {
                    TokenKind::Symbol
                } else {
                    TokenKind::Punct
                };
                push(out, left_end, left_end + run.conn_len[k] as usize, ckind);
                cur = segs[k].start;
                url = false;
            }
            Join::Abbrev => {
                push(out, cur, left_end + 1, TokenKind::Word);
                cur = segs[k].start;
                url = false;
            }
            Join::Clitic => {
                push_word(text, out, cur, left_end, kind_of(text, cur, url), style);
                cur = left_end;
                url = false;
            }
        }
    }
    let last_end = segs[run.len() - 1].end;
    let kind = if end.end > last_end && text.as_bytes()[end.end - 1] == b'.' {
        TokenKind::Word
    } else {
        kind_of(text, cur, url)
    };
    push_word(text, out, cur, end.end, kind, style);
    match end.pct_after {
        Some(pc) => {
            push(out, pc, pc + 1, TokenKind::Symbol);
            pc + 1
        }
        None => end.end,
    }
}

/// The kind of the token starting at `start`: a URL inside a domain name, a number when it
/// starts with a digit, a sign or a currency, else a word.
fn kind_of(text: &str, start: usize, url: bool) -> TokenKind {
    if url {
        return TokenKind::Url;
    }
    match text.as_bytes()[start] {
        b'0'..=b'9' | b'-' | b'+' | b'$' => TokenKind::Number,
        b'R' | b'U' | b'S' | b'A' | b'H' | b'r'
            if currency_prefix(text.as_bytes(), start).is_some() =>
        {
            TokenKind::Number
        }
        c if c >= 0x80
            && (is_currency(char_at(text, start)) || char_at(text, start).is_numeric()) =>
        {
            TokenKind::Number
        }
        _ => TokenKind::Word,
    }
}

#[cfg(test)]
mod tests {
    use super::letters_end;

    /// The run's end and its `joint` are those of a loop over the bytes, for every start in
    /// texts of letters, digits, punctuation and multi-byte characters around each place an
    /// eight-byte block begins or ends.
    #[test]
    fn letter_runs_match_the_byte_loop() {
        let texts = [
            "PresidenJokowi berkata",
            "abcdefgH ijklmnoPqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVwXyZ",
            "kataBudi, hariIni; aB aaaaaaaB aaaaaaaaB AAAAAAAAa zZ@[`{",
            "Wartawan™ menulis «berita» diJakarta·Selatan",
            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaB",
        ];
        // every ASCII byte after letters, within the first eight bytes and after them (the
        // case bit maps only `A`-`Z` onto letters)
        let every: Vec<String> = (1u8..0x80)
            .map(|c| format!("xY{}aBcDeFgHi{}Jk", c as char, c as char))
            .collect();
        for text in texts
            .iter()
            .copied()
            .chain(every.iter().map(String::as_str))
        {
            let b = text.as_bytes();
            for seg0 in (0..b.len()).filter(|&i| b[i].is_ascii_alphabetic()) {
                let mut p = seg0 + 1;
                let mut joint = false;
                while p < b.len() && b[p].is_ascii_alphabetic() {
                    joint |= b[p].is_ascii_uppercase() && b[p - 1].is_ascii_lowercase();
                    p += 1;
                }
                assert_eq!(letters_end(b, seg0), (p, joint), "{text:?} at {seg0}");
            }
        }
    }
}
