//! Stage 3, tokens: words, numbers, punctuation, addresses and emoji, with their byte offsets.
//!
//! A hand-written scanner (no regex): ASCII bytes take a table-free fast path and only
//! non-ASCII characters are decoded. Each word-like run (letters and digits joined by `.` `,`
//! `-` `/` `'` `’` `:` `&` `_` `+`) is collected as segments and connectors first, then every
//! connector is decided by the segments around it, which is where the Indonesian conventions
//! live:
//!
//! * numbers: `.` groups thousands, `,` is the decimal mark (`1.468.000`, `-0,33%`); times and
//!   dates stay whole (`07:37`, `26/10/2023`, `24/7`); ranges split (`5-10` → `5` `-` `10`), as
//!   the Indonesian UD treebanks do;
//! * reduplication and affixed forms stay whole (`negara-negara`, `sekutu-sekutunya`,
//!   `pro-Rusia`, `ke-5`, `1960-an`); two capitalised names split (`Rusia-Ukraina`), as UD does,
//!   so a gazetteer can match each name;
//! * abbreviations keep their full stop (`Dr.`, `dll.`, `a.n.`, `M.`; see
//!   `data/abbreviations.txt`), domains stay whole (`KONTAN.CO.ID`), clitics stay on the word
//!   (`ujarnya`, `apakah`);
//! * URLs, e-mail addresses, `#hashtags`, `@handles` and emoji (a whole grapheme cluster, so ZWJ
//!   sequences, flags and skin tones are one token) are single tokens of their own kind.

use std::collections::HashMap;
use std::sync::OnceLock;

use unicode_segmentation::UnicodeSegmentation;

use crate::span::{Span, Token, TokenKind};

mod glued;

/// Token conventions.
///
/// [`Style::News`] is what the pipeline uses: an amount with its currency and a percentage are
/// one token (`Rp15.000`, `US$1,2`, `0,5%`) and abbreviations keep their period (`Dr.`), which
/// is what entity and quote rules and readers of the output expect; an English possessive is
/// split off (`Moody` `'s`) so that the name alone matches a gazetteer. The two Indonesian Universal Dependencies treebanks split the currency
/// and the percent sign off (`Rp` `15.000`, `0,5` `%`) and disagree with each other on the
/// rest; the `Ud*` styles follow each of them, to measure against them.
///
/// ```
/// use indotag::tokenize::{tokenize_with, Style};
/// let text = "Dr. Ani: naik 0,5% ke Rp15.000";
/// let mut toks = Vec::new();
/// tokenize_with(text, Style::UdGsd, &mut toks);
/// let t: Vec<&str> = toks.iter().map(|t| t.span.as_str(text)).collect();
/// assert_eq!(t, ["Dr", ".", "Ani", ":", "naik", "0,5", "%", "ke", "Rp", "15.000"]);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Style {
    /// Amounts and percentages whole (`Rp15.000`, `0,5%`), `Dr.`, `Moody` `'s`.
    #[default]
    News,
    /// UD Indonesian-CSUI: currency and `%` split off, `Dr.` whole, `Moody` `'s`.
    UdCsui,
    /// UD Indonesian-GSD: currency and `%` split off, `Dr` `.`, `Moody's` whole.
    UdGsd,
}

impl Style {
    fn split_amounts(self) -> bool {
        self != Style::News
    }
}

/// Splits `text` into tokens. Whitespace is never part of a token; tokens never overlap and come
/// in text order.
///
/// ```
/// let text = "Harga emas Rp1.468.000, naik 0,5%.";
/// let toks: Vec<&str> = indotag::tokenize::tokenize(text).iter().map(|t| t.span.as_str(text)).collect();
/// assert_eq!(toks, ["Harga", "emas", "Rp1.468.000", ",", "naik", "0,5%", "."]);
/// ```
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 5);
    tokenize_into(text, &mut out);
    out
}

/// Like [`tokenize`], appending to `out` (reuse the vector across documents to save allocations).
///
/// ```
/// let mut toks = Vec::new();
/// indotag::tokenize::tokenize_into("Negara-negara sekutu.", &mut toks);
/// assert_eq!(toks.len(), 3);
/// ```
pub fn tokenize_into(text: &str, out: &mut Vec<Token>) {
    tokenize_with(text, Style::News, out);
}

/// Like [`tokenize_into`], with the token conventions of `style`.
///
/// ```
/// use indotag::tokenize::{tokenize_with, Style};
/// let mut toks = Vec::new();
/// tokenize_with("Dr. Ahmad tiba-tiba datang.", Style::News, &mut toks);
/// assert_eq!(toks.len(), 5);
/// ```
pub fn tokenize_with(text: &str, style: Style, out: &mut Vec<Token>) {
    let b = text.as_bytes();
    let n = b.len();
    let mut i = 0;
    while i < n {
        let c = b[i];
        if c < 0x80 {
            match c {
                b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c => i += 1,
                b'0'..=b'9' | b'#' | b'*' if is_keycap(b, i + 1) => i = emoji(text, i, out),
                b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' => i = word(text, i, i, style, out),
                b'-' | b'+' if starts_signed_number(b, i) => i = word(text, i + 1, i, style, out),
                b'$' if b.get(i + 1).is_some_and(u8::is_ascii_digit) => {
                    if style.split_amounts() {
                        push(out, i, i + 1, TokenKind::Symbol);
                        i = word(text, i + 1, i + 1, style, out);
                    } else {
                        i = word(text, i + 1, i, style, out);
                    }
                }
                b'#' | b'@'
                    if b.get(i + 1)
                        .is_some_and(|&d| is_handle_start(text, d, i + 1)) =>
                {
                    i = handle(text, i, out)
                }
                b'.' | b'-' | b'`' | b'!' | b'?' => {
                    // Runs: `...`, `--`, ``` `` ```, `?!`, `!!!` are one token each.
                    let mut j = i + 1;
                    let same = |d: u8| match c {
                        b'!' | b'?' => d == b'!' || d == b'?',
                        _ => d == c,
                    };
                    while j < n && same(b[j]) {
                        j += 1;
                    }
                    if c == b'`' && j - i > 2 {
                        j = i + 2;
                    }
                    push(out, i, j, TokenKind::Punct);
                    i = j;
                }
                _ => {
                    let kind = if b"\"'(),/:;[]{}".contains(&c) {
                        TokenKind::Punct
                    } else {
                        TokenKind::Symbol
                    };
                    push(out, i, i + 1, kind);
                    i += 1;
                }
            }
        } else {
            let ch = char_at(text, i);
            let len = ch.len_utf8();
            if ch.is_whitespace() || is_invisible(ch) {
                i += len;
            } else if ch.is_alphanumeric() {
                i = word(text, i, i, style, out);
            } else if is_emoji(ch) {
                i = emoji(text, i, out);
            } else if is_currency(ch) && b.get(i + len).is_some_and(u8::is_ascii_digit) {
                if style.split_amounts() {
                    push(out, i, i + len, TokenKind::Symbol);
                    i = word(text, i + len, i + len, style, out);
                } else {
                    i = word(text, i + len, i, style, out);
                }
            } else if ch == '…' {
                let mut j = i + len;
                while text[j..].starts_with('…') {
                    j += len;
                }
                push(out, i, j, TokenKind::Punct);
                i = j;
            } else {
                // One grapheme, so that a symbol keeps its combining marks and selectors.
                let g = text[i..].graphemes(true).next().map_or(len, str::len);
                let kind = if is_unicode_punct(ch) {
                    TokenKind::Punct
                } else {
                    TokenKind::Symbol
                };
                let end = trim_ws_end(text, i, i + g);
                push(out, i, end, kind);
                i = end;
            }
        }
    }
}

#[inline]
fn push(out: &mut Vec<Token>, start: usize, end: usize, kind: TokenKind) {
    out.push(Token {
        span: Span::new(start, end),
        kind,
    });
}

/// [`push`], cutting a word of ASCII letters glued by stripped markup (`PresidenJokowi`) in
/// the news style (see [`glued`]).
#[inline]
fn push_word(
    text: &str,
    out: &mut Vec<Token>,
    start: usize,
    end: usize,
    kind: TokenKind,
    style: Style,
) {
    if kind == TokenKind::Word && style == Style::News {
        let s = &text.as_bytes()[start..end];
        if s.iter().all(u8::is_ascii_alphabetic) && glued::has_joint(s) {
            glued::push_word(text, start, end, out);
            return;
        }
    }
    push(out, start, end, kind);
}

#[inline]
fn char_at(text: &str, i: usize) -> char {
    text[i..].chars().next().unwrap_or(' ')
}

/// Graphemes can glue a following combining mark or ZWJ to a space-like character; never let a
/// token end in white space.
fn trim_ws_end(text: &str, start: usize, end: usize) -> usize {
    let t = text[start..end].trim_end();
    if t.is_empty() {
        start + char_at(text, start).len_utf8()
    } else {
        start + t.len()
    }
}

fn is_invisible(ch: char) -> bool {
    matches!(
        ch,
        '\u{200B}' | '\u{200E}' | '\u{200F}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}'
    )
}

fn is_unicode_punct(ch: char) -> bool {
    matches!(ch, '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205E}' | '\u{3000}'..='\u{303F}')
        || matches!(ch, '«' | '»' | '¡' | '¿' | '·' | '§' | '¶')
}

fn is_currency(ch: char) -> bool {
    matches!(ch, '€' | '£' | '¥' | '₹' | '₩' | '₽' | '฿' | '₫' | '₱')
}

/// Pictographs, dingbats, flags: characters that start an emoji grapheme.
fn is_emoji(ch: char) -> bool {
    matches!(ch as u32,
        0x1F000..=0x1FAFF | 0x2600..=0x27BF | 0x2300..=0x23FF | 0x2B00..=0x2BFF
        | 0x3030 | 0x303D | 0x3297 | 0x3299 | 0xE0020..=0xE007F)
}

/// `1️⃣`: a digit followed by VS16 and/or the combining keycap.
fn is_keycap(b: &[u8], j: usize) -> bool {
    let rest = &b[j.min(b.len())..];
    rest.starts_with("\u{20E3}".as_bytes()) || rest.starts_with("\u{FE0F}\u{20E3}".as_bytes())
}

fn emoji(text: &str, i: usize, out: &mut Vec<Token>) -> usize {
    let g = text[i..].graphemes(true).next().map_or(1, str::len);
    let end = trim_ws_end(text, i, i + g);
    push(out, i, end, TokenKind::Emoji);
    end
}

/// `-5`, `+2,5%`: a sign directly before a digit, at the start of a word (after white space,
/// an opening bracket or quote, or at the start of the text).
fn starts_signed_number(b: &[u8], i: usize) -> bool {
    b.get(i + 1).is_some_and(u8::is_ascii_digit)
        && (i == 0 || matches!(b[i - 1], b' ' | b'\t' | b'\n' | b'\r' | b'(' | b'[' | b'"'))
}

fn is_handle_start(text: &str, d: u8, j: usize) -> bool {
    d.is_ascii_alphanumeric() || d == b'_' || (d >= 0x80 && char_at(text, j).is_alphabetic())
}

/// `#hashtag` or `@handle`: the sign, then letters, digits, `_`, and inner `.` (Instagram).
fn handle(text: &str, i: usize, out: &mut Vec<Token>) -> usize {
    let b = text.as_bytes();
    let mut j = i + 1;
    while j < b.len() {
        let d = b[j];
        let inner_dot =
            d == b'.' && b[i] == b'@' && b.get(j + 1).is_some_and(u8::is_ascii_alphanumeric);
        if d.is_ascii_alphanumeric() || d == b'_' || inner_dot {
            j += 1;
        } else if d >= 0x80 {
            let ch = char_at(text, j);
            if ch.is_alphanumeric() || is_mark(ch) {
                j += ch.len_utf8();
            } else {
                break;
            }
        } else {
            break;
        }
    }
    let kind = if b[i] == b'#' {
        TokenKind::Hashtag
    } else {
        TokenKind::Mention
    };
    push(out, i, j, kind);
    j
}

/// Combining marks and joiners that continue a word (decomposed accents, Indic vowel signs).
fn is_mark(ch: char) -> bool {
    matches!(ch as u32,
        0x0300..=0x036F | 0x0483..=0x0489 | 0x0591..=0x05BD | 0x0610..=0x061A | 0x064B..=0x065F
        | 0x0900..=0x0903 | 0x093A..=0x094F | 0x0E31..=0x0E3A | 0x0E47..=0x0E4E
        | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x200C | 0x200D | 0x20D0..=0x20FF
        | 0xFE00..=0xFE0F | 0xFE20..=0xFE2F)
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

/// The digit-to-digit joint of `1.468` or `0,5`: the left segment ends and the right one
/// starts with a digit.
#[inline]
fn digit_joint(b: &[u8], l: &Seg, r: &Seg) -> bool {
    b[l.end - 1].is_ascii_digit() && b[r.start].is_ascii_digit()
}

/// Abbreviation classes read from `data/abbreviations.txt`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum AbbrevClass {
    /// Titles and the like: the period never ends a sentence.
    Title,
    /// `dll.`, `Tbk.`: the period may also end the sentence.
    Final,
}

fn abbreviations() -> &'static HashMap<&'static str, AbbrevClass> {
    static MAP: OnceLock<HashMap<&'static str, AbbrevClass>> = OnceLock::new();
    MAP.get_or_init(|| {
        let mut map = HashMap::new();
        let mut class = AbbrevClass::Title;
        for line in include_str!("../data/abbreviations.txt").lines() {
            let line = line.split('#').next().unwrap_or("").trim();
            match line {
                "[title]" => class = AbbrevClass::Title,
                "[final]" => class = AbbrevClass::Final,
                _ => {
                    for w in line.split_whitespace() {
                        map.insert(w.strip_suffix('.').unwrap_or(w), class);
                    }
                }
            }
        }
        map
    })
}

/// The class of a token that ends in a full stop and keeps it (`Dr.`, `dll.`, `M.`, `a.n.`),
/// `None` for anything else.
pub(crate) fn abbrev_class(tok: &str) -> Option<AbbrevClass> {
    let stem = tok.strip_suffix('.')?;
    if stem.is_empty() || stem.ends_with('.') && stem.len() == 1 {
        return None;
    }
    if let Some(&c) = abbreviations().get(stem) {
        return Some(c);
    }
    if is_initials(stem) {
        return Some(AbbrevClass::Title);
    }
    None
}

/// `M`, `a.n`, `D.W`, `U.S.A`: single letters joined by periods, the first one capital when
/// it stands alone.
fn is_initials(s: &str) -> bool {
    let mut chars = s.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    if s.len() == first.len_utf8() {
        return first.is_uppercase();
    }
    let mut expect_letter = true;
    for ch in s.chars() {
        if expect_letter {
            if !ch.is_alphabetic() {
                return false;
            }
        } else if ch != '.' {
            return false;
        }
        expect_letter = !expect_letter;
    }
    !expect_letter
}

const MAX_SEGS: usize = 48;

/// One run of letters and digits inside a word.
#[derive(Clone, Copy, Default)]
struct Seg {
    start: usize,
    end: usize,
    digits: bool,
    letters: bool,
    upper_first: bool,
    lower_first: bool,
    one_char: bool,
}

impl Seg {
    fn alpha(&self) -> bool {
        self.letters && !self.digits
    }
    fn all_digit(&self) -> bool {
        self.digits && !self.letters
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Join {
    /// The connector stays inside the token.
    Keep,
    /// The connector becomes a token of its own.
    Split,
    /// The connector (a `.`) closes the left token as an abbreviation.
    Abbrev,
    /// `Moody's`: the apostrophe starts a new token with the segment after it.
    Clitic,
}

const TLDS: &[&str] = &[
    "com", "id", "net", "org", "co", "go", "ac", "or", "sch", "info", "io", "tv", "news", "my",
    "sg", "uk", "au", "asia", "biz", "gov", "edu", "me", "web", "ly", "jp", "cn", "de", "fr", "ru",
    "kr", "in", "us", "eu", "nl", "xyz", "online", "site", "app", "mil", "int", "desa", "ponpes",
];

fn is_tld(s: &str) -> bool {
    s.len() <= 6 && TLDS.iter().any(|t| t.eq_ignore_ascii_case(s))
}

/// Words with a hyphen: which prefix-free forms split. Reduplication (`negara-negara`,
/// `sekutu-sekutunya`, `Raja-Raja`), lower-case compounds and affixes (`non-migas`, `pro-Rusia`,
/// `ke-5`, `1960-an`, `hamba-Ku`), codes (`Covid-19`, `APBN-P`) stay whole; numeric ranges
/// (`5-10`, `6,2-6,8`) and two capitalised names (`Rusia-Ukraina`, `Januari-September`) split.
fn hyphen_join(text: &str, l: &Seg, r: &Seg, l_word: &str, r_word: &str, l_unit_num: bool) -> bool {
    let ls = &text[l.start..l.end];
    let rs = &text[r.start..r.end];
    if l.digits && r.digits && l_unit_num {
        // ISO dates stay whole, ranges split.
        let lw = l_word.as_bytes();
        return l.all_digit()
            && rs.len() == 2
            && (lw.len() == 4 || lw.len() == 7 && lw[4] == b'-' && ls.len() == 2);
    }
    if l.all_digit() {
        // 1960-an, 03-Oct.
        return true;
    }
    if r.all_digit() || !l.letters || !r.letters {
        // Covid-19, ke-5, Kep-176, Cris-K2.
        return true;
    }
    if l.lower_first && r.lower_first && l.alpha() && r.alpha() && glued_dash(ls, rs) {
        return false;
    }
    if l.lower_first || r.lower_first {
        return true;
    }
    // Both capitalised.
    if r.one_char || matches!(rs, "Nya" | "Ku" | "Mu") || is_hyphen_prefix(l_word) {
        return true;
    }
    is_redup(l_word, r_word)
}

/// `utama-yang`, `dunia-berisiko`: a dash turned into a hyphen between two lower-case words.
/// Either side is a function word (`data/dash_words.txt`), or the right side is a prefixed verb
/// that does not repeat the left word's root (unlike `tawar-menawar`, `terus-menerus`) after a
/// left side that is no hyphenated prefix (`pro-pertumbuhan`).
fn glued_dash(l: &str, r: &str) -> bool {
    static WORDS: OnceLock<Vec<&'static str>> = OnceLock::new();
    let words = WORDS.get_or_init(|| {
        let mut v: Vec<&str> = include_str!("../data/dash_words.txt")
            .lines()
            .map(|l| l.split('#').next().unwrap_or(""))
            .flat_map(str::split_whitespace)
            .collect();
        v.sort_unstable();
        v
    });
    if words.binary_search(&l).is_ok() || words.binary_search(&r).is_ok() {
        return true;
    }
    const VERBAL: &[&str] = &["me", "be", "te", "di"];
    let shares_root =
        l.len() > 3 && l.is_char_boundary(1) && r.contains(&l[1..]) || r.len() > 3 && l.contains(r);
    VERBAL.iter().any(|p| r.starts_with(p)) && r.len() >= 6 && !is_hyphen_prefix(l) && !shares_root
}

/// `pasca`, `Anti`, `NON`: a prefix written with a hyphen (`data/hyphen_prefixes.txt`).
fn is_hyphen_prefix(w: &str) -> bool {
    static WORDS: OnceLock<Vec<&'static str>> = OnceLock::new();
    let words = WORDS.get_or_init(|| {
        include_str!("../data/hyphen_prefixes.txt")
            .lines()
            .map(|l| l.split('#').next().unwrap_or("").trim())
            .filter(|l| !l.is_empty())
            .collect()
    });
    w.len() <= 6 && words.iter().any(|p| p.eq_ignore_ascii_case(w))
}

fn is_redup(l: &str, r: &str) -> bool {
    if l.len() > r.len() || l.is_empty() {
        return false;
    }
    // Same word, or the same word with a suffix (`sekutu-sekutunya`).
    r.is_char_boundary(l.len()) && r[..l.len()].to_lowercase() == l.to_lowercase()
}

fn is_roman(s: &str) -> bool {
    !s.is_empty() && s.len() <= 5 && s.bytes().all(|c| matches!(c, b'I' | b'V' | b'X' | b'L'))
}

/// Scans a word-like run starting at `seg0` (a letter or digit); `tok_start <= seg0` includes
/// a sign or currency symbol already passed over. Returns the position after it.
fn word(text: &str, seg0: usize, tok_start: usize, style: Style, out: &mut Vec<Token>) -> usize {
    let b = text.as_bytes();
    let n = b.len();

    // Fast path for the common case, a run of ASCII letters ended by white space or by
    // punctuation that can neither continue the word (connectors before a word character,
    // `@`, `.`, `%`, `$`) nor make it an address or amount: the general path below would
    // return exactly this one word token, after an address scan and segment bookkeeping.
    if seg0 == tok_start && b[seg0].is_ascii_alphabetic() {
        let mut p = seg0 + 1;
        let mut joint = false;
        while p < n && b[p].is_ascii_alphabetic() {
            joint |= b[p].is_ascii_uppercase() && b[p - 1].is_ascii_lowercase();
            p += 1;
        }
        let plain_end = match b.get(p) {
            None => true,
            Some(&d) => match d {
                b' ' | b'\n' | b'\r' | b'\t' | b'"' | b'(' | b')' | b';' | b'!' | b'?' | b'['
                | b']' => true,
                b',' | b':' => b
                    .get(p + 1)
                    .is_none_or(|e| matches!(e, b' ' | b'\n' | b'\r' | b'\t')),
                _ => false,
            },
        };
        if plain_end {
            if joint && style == Style::News {
                glued::push_word(text, seg0, p, out);
            } else {
                push(out, seg0, p, TokenKind::Word);
            }
            return p;
        }
    }

    if seg0 == tok_start {
        if let Some(end) = url_or_email(text, seg0) {
            let kind = if text[seg0..end].contains('@') && !text[seg0..end].contains("://") {
                TokenKind::Email
            } else {
                TokenKind::Url
            };
            push(out, seg0, end, kind);
            return end;
        }
    }

    // Currency written before the amount: Rp15.000, Rp.15.000, US$1,2, S$5.
    let mut tok_start = tok_start;
    let mut seg0 = seg0;
    if seg0 == tok_start {
        if let Some((cur_end, num)) = currency_prefix(b, seg0) {
            if style.split_amounts() {
                let sym = b[cur_end - 1] == b'$';
                if sym && cur_end - seg0 > 1 {
                    push(out, seg0, cur_end - 1, TokenKind::Word);
                    push(out, cur_end - 1, cur_end, TokenKind::Symbol);
                } else {
                    push(out, seg0, cur_end, TokenKind::Symbol);
                }
                tok_start = num;
            }
            seg0 = num;
        }
    }

    // 1. Collect segments and connectors.
    let mut segs = [Seg::default(); MAX_SEGS];
    let mut conns = [0u8; MAX_SEGS]; // conns[k] joins segs[k-1] and segs[k]
    let mut conn_len = [1u8; MAX_SEGS];
    let mut ns = 0;
    let mut p = seg0;
    loop {
        let start = p;
        let mut seg = Seg {
            start,
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
        segs[ns] = seg;
        ns += 1;
        if ns == MAX_SEGS || p >= n {
            break;
        }
        // A connector counts only when a word character follows it.
        let (c, clen): (u8, u8) = match b[p] {
            c @ (b'.' | b',' | b'-' | b'/' | b'\'' | b':' | b'&' | b'_' | b'+') => (c, 1),
            0xE2 if text[p..].starts_with('’') => (b'\'', 3),
            0xE2 if text[p..].starts_with('‐') => (b'-', 3),
            _ => break,
        };
        if !starts_alnum(text, b, p + clen as usize) {
            break;
        }
        conns[ns] = c;
        conn_len[ns] = clen;
        p += clen as usize;
    }
    let segs = &segs[..ns];

    // 2. Decide each connector.
    let mut join = [Join::Keep; MAX_SEGS];
    let seg_text = |k: usize| &text[segs[k].start..segs[k].end];
    // Runs of segments joined by '.', for domains, initials and dotted abbreviations.
    let mut k = 1;
    let mut dotted = [false; MAX_SEGS]; // connector k already decided by a dotted run
    let mut domain = [false; MAX_SEGS]; // ... as part of a domain name
    while k < ns {
        if conns[k] != b'.' {
            k += 1;
            continue;
        }
        let first = k - 1;
        let mut last = k;
        while last + 1 < ns && conns[last + 1] == b'.' {
            last += 1;
        }
        let run = &text[segs[first].start..segs[last].end];
        let any_digit_pair = (first + 1..=last).any(|j| digit_joint(b, &segs[j - 1], &segs[j]));
        if !any_digit_pair {
            let all_single = (first..=last).all(|j| segs[j].one_char && segs[j].letters);
            // A domain ends in a known TLD, written in lower case or the whole name in capitals
            // (`detik.com`, `KONTAN.CO.ID`; not a glued `ke Eropa.In`).
            let tld = is_tld(seg_text(last))
                && segs[first].letters
                && (segs[last].lower_first || !run.bytes().any(|c| c.is_ascii_lowercase()));
            let abbr = abbreviations().contains_key(run);
            if all_single || abbr || tld {
                for j in first + 1..=last {
                    join[j] = Join::Keep;
                    dotted[j] = true;
                    domain[j] = tld && !all_single && !abbr;
                }
            }
        }
        k = last + 1;
    }
    // Where the "unit" (stretch between hyphens and slashes) of the left side began, to know
    // whether it is a number (`6,2-6,8`).
    let mut unit_start = 0;
    for k in 1..ns {
        let (l, r) = (&segs[k - 1], &segs[k]);
        if dotted[k] {
            continue;
        }
        join[k] = match conns[k] {
            b'.' | b',' | b':' => {
                if digit_joint(b, l, r) {
                    Join::Keep
                } else if conns[k] == b'.'
                    && style != Style::UdGsd
                    && abbreviation_before(text, segs, &conns, unit_start, k)
                {
                    Join::Abbrev
                } else {
                    Join::Split
                }
            }
            b'\'' => {
                let last = k + 1 == ns;
                let possessive = last && matches!(seg_text(k), "s" | "S");
                if l.letters && r.letters && !(possessive && style != Style::UdGsd) {
                    Join::Keep
                } else if l.letters && r.letters {
                    Join::Clitic
                } else {
                    Join::Split
                }
            }
            b'&' => {
                let up = |s: &Seg, t: &str| s.letters && t.bytes().all(|c| !c.is_ascii_lowercase());
                if up(l, seg_text(k - 1)) || up(r, seg_text(k)) {
                    Join::Keep
                } else {
                    Join::Split
                }
            }
            b'_' => Join::Keep,
            b'+' => {
                if l.letters {
                    Join::Keep
                } else {
                    Join::Split
                }
            }
            b'-' => {
                let l_word = &text[segs[unit_start].start..l.end];
                // The right word runs to the next hyphen or slash.
                let mut re = k;
                while re + 1 < ns && !matches!(conns[re + 1], b'-' | b'/') {
                    re += 1;
                }
                let r_word = &text[r.start..segs[re].end];
                let l_num = (unit_start..k).all(|j| segs[j].all_digit());
                if hyphen_join(text, l, r, l_word, r_word, l_num) {
                    Join::Keep
                } else {
                    Join::Split
                }
            }
            b'/' => {
                let plain_num = |j: usize| {
                    segs[j].all_digit()
                        && (j == 0 || !matches!(conns[j], b'.' | b','))
                        && (j + 1 >= ns || !matches!(conns[j + 1], b'.' | b','))
                };
                let ls = seg_text(k - 1);
                if (plain_num(k - 1) && plain_num(k))
                    || (l.one_char && r.one_char && l.letters && r.letters)
                    || (is_roman(ls) && r.all_digit())
                {
                    Join::Keep
                } else {
                    Join::Split
                }
            }
            _ => Join::Split,
        };
        if matches!(conns[k], b'-' | b'/') && join[k] != Join::Keep {
            unit_start = k;
        } else if matches!(conns[k], b'-' | b'/') {
            // A kept hyphen continues the unit.
        } else if join[k] != Join::Keep {
            unit_start = k;
        }
    }

    // 3. Trailing `%`, rating sign and abbreviation period.
    let mut end = segs[ns - 1].end;
    let mut pct_after = None;
    if end < n && b[end] == b'%' && segs[ns - 1].digits {
        if !style.split_amounts() {
            end += 1;
        } else {
            pct_after = Some(end);
        }
    } else if end < n
        && (matches!(b[end], b'+' | b'-') && rating_sign(text, segs, end)
            || b[end] == b'.'
                && b.get(end + 1) != Some(&b'.')
                && style != Style::UdGsd
                && abbreviation_before(text, segs, &conns[..ns], last_unit_start(&join[..ns]), ns))
    {
        // a rating grade's sign (`BBB+`), an abbreviation's period (`Dr.`)
        end += 1;
    }

    // 4. Emit.
    let mut cur = tok_start;
    let mut url = false;
    for k in 1..ns {
        match join[k] {
            Join::Keep => url |= domain[k],
            Join::Split => {
                push_word(
                    text,
                    out,
                    cur,
                    segs[k - 1].end,
                    kind_of(text, cur, url),
                    style,
                );
                let c = segs[k - 1].end;
                let ckind = if conns[k] == b'+' || conns[k] == b'&' {
                    TokenKind::Symbol
                } else {
                    TokenKind::Punct
                };
                push(out, c, c + conn_len[k] as usize, ckind);
                cur = segs[k].start;
                url = false;
            }
            Join::Abbrev => {
                push(out, cur, segs[k - 1].end + 1, TokenKind::Word);
                cur = segs[k].start;
                url = false;
            }
            Join::Clitic => {
                push_word(
                    text,
                    out,
                    cur,
                    segs[k - 1].end,
                    kind_of(text, cur, url),
                    style,
                );
                cur = segs[k - 1].end;
                url = false;
            }
        }
    }
    let kind = if end > segs[ns - 1].end && b[end - 1] == b'.' {
        TokenKind::Word
    } else {
        kind_of(text, cur, url)
    };
    push_word(text, out, cur, end, kind, style);
    if let Some(pc) = pct_after {
        push(out, pc, pc + 1, TokenKind::Symbol);
        end = pc + 1;
    }
    end
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

/// The unit before connector `k` (segments `from..k`) is an abbreviation that keeps a period.
fn abbreviation_before(text: &str, segs: &[Seg], conns: &[u8], from: usize, k: usize) -> bool {
    let from = from.min(k - 1);
    let mut s = k - 1;
    while s > from && conns[s] == b'.' {
        s -= 1;
    }
    let unit = &text[segs[s].start..segs[k - 1].end];
    // The whole token must be the abbreviation: not the `P` of `APBN-P.`.
    if s != from || segs[k - 1].all_digit() {
        return false;
    }
    abbreviations().contains_key(unit) || is_initials(unit)
}

fn last_unit_start(join: &[Join]) -> usize {
    (1..join.len())
        .rev()
        .find(|&k| join[k] != Join::Keep)
        .unwrap_or(0)
}

/// `Rp15.000`, `Rp.15.000`, `US$1,2`, `S$5`, `HK$3`: returns the end of the currency and the
/// start of the digits.
fn currency_prefix(b: &[u8], i: usize) -> Option<(usize, usize)> {
    let rest = &b[i..];
    let pre: usize =
        if rest.starts_with(b"Rp") || rest.starts_with(b"RP") || rest.starts_with(b"rp") {
            2
        } else if rest.starts_with(b"US$") || rest.starts_with(b"HK$") || rest.starts_with(b"SG$") {
            3
        } else if rest.starts_with(b"S$") || rest.starts_with(b"A$") {
            2
        } else {
            return None;
        };
    let after = &rest[pre..];
    if after.first().is_some_and(u8::is_ascii_digit) {
        Some((i + pre, i + pre))
    } else if pre == 2
        && after.first() == Some(&b'.')
        && after.get(1).is_some_and(u8::is_ascii_digit)
    {
        Some((i + pre + 1, i + pre + 1))
    } else {
        None
    }
}

/// A URL (`https://…`, `www.…`) or e-mail address starting at `i`; returns its end.
fn url_or_email(text: &str, i: usize) -> Option<usize> {
    let b = text.as_bytes();
    let rest = &b[i..];
    let lower_starts = |p: &[u8]| rest.len() >= p.len() && rest[..p.len()].eq_ignore_ascii_case(p);
    if lower_starts(b"http://") || lower_starts(b"https://") || lower_starts(b"www.") {
        let mut j = i;
        let mut parens = 0i32;
        while j < b.len() {
            let d = b[j];
            // Control characters end an address too: `\x0B` (vertical tab) and `\x1C`..`\x1F`
            // are white space to `char::is_whitespace` but not to `is_ascii_whitespace`, and
            // no address holds one (found by fuzzing: a token "www.x\x0B").
            if d.is_ascii_whitespace() || d.is_ascii_control() || matches!(d, b'"' | b'<' | b'>') {
                break;
            }
            if d >= 0x80 {
                let ch = char_at(text, j);
                if ch.is_whitespace() || matches!(ch, '“' | '”' | '‘' | '’' | '…') || is_emoji(ch)
                {
                    break;
                }
                j += ch.len_utf8();
                continue;
            }
            if d == b'(' {
                parens += 1;
            } else if d == b')' {
                parens -= 1;
                if parens < 0 {
                    break;
                }
            }
            j += 1;
        }
        // Trailing sentence punctuation is not part of the address.
        while j > i && matches!(b[j - 1], b'.' | b',' | b';' | b':' | b'!' | b'?' | b'\'') {
            j -= 1;
        }
        return (j > i + 4).then_some(j);
    }
    // E-mail: local part of [A-Za-z0-9._%+-], '@', then a dotted domain.
    let mut j = i;
    while j < b.len()
        && (b[j].is_ascii_alphanumeric() || matches!(b[j], b'.' | b'_' | b'%' | b'+' | b'-'))
    {
        j += 1;
    }
    if j >= b.len() || b[j] != b'@' || j == i {
        return None;
    }
    let dom = j + 1;
    let mut k = dom;
    while k < b.len() && (b[k].is_ascii_alphanumeric() || matches!(b[k], b'.' | b'-')) {
        k += 1;
    }
    while k > dom && matches!(b[k - 1], b'.' | b'-') {
        k -= 1;
    }
    let last_dot = b[dom..k].iter().rposition(|&c| c == b'.')? + dom;
    (last_dot > dom && k > last_dot + 2).then_some(k)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| t.span.as_str(text)).collect()
    }

    fn kinds(text: &str) -> Vec<(&str, TokenKind)> {
        tokenize(text)
            .iter()
            .map(|t| (t.span.as_str(text), t.kind))
            .collect()
    }

    fn ud(text: &str) -> Vec<&str> {
        let mut v = Vec::new();
        tokenize_with(text, Style::UdCsui, &mut v);
        v.iter().map(|t| t.span.as_str(text)).collect()
    }

    #[test]
    fn numbers_and_amounts() {
        assert_eq!(
            toks("IHSG turun -0,33% ke 7.161, emas Rp1.468.000 per gram."),
            [
                "IHSG",
                "turun",
                "-0,33%",
                "ke",
                "7.161",
                ",",
                "emas",
                "Rp1.468.000",
                "per",
                "gram",
                "."
            ]
        );
        assert_eq!(
            toks("senilai US$1,2 miliar"),
            ["senilai", "US$1,2", "miliar"]
        );
        assert_eq!(
            toks("Rp.15.000 dan Rp 20.000"),
            ["Rp.15.000", "dan", "Rp", "20.000"]
        );
        assert_eq!(toks("(-52,00)"), ["(", "-52,00", ")"]);
        assert_eq!(toks("pukul 07:37 WIB"), ["pukul", "07:37", "WIB"]);
        assert_eq!(toks("26/10/2023 dan 24/7"), ["26/10/2023", "dan", "24/7"]);
        assert_eq!(toks("naik 5-10 persen"), ["naik", "5", "-", "10", "persen"]);
        assert_eq!(toks("2023-10-27"), ["2023-10-27"]);
        assert_eq!(
            ud("naik 5% jadi Rp15.000 atau US$1"),
            ["naik", "5", "%", "jadi", "Rp", "15.000", "atau", "US", "$", "1"]
        );
        assert_eq!(kinds("Rp15.000")[0].1, TokenKind::Number);
    }

    #[test]
    fn hyphens() {
        assert_eq!(
            toks("negara-negara sekutu-sekutunya tiba-tiba"),
            ["negara-negara", "sekutu-sekutunya", "tiba-tiba"]
        );
        assert_eq!(toks("ke-5 tahun 1960-an"), ["ke-5", "tahun", "1960-an"]);
        assert_eq!(toks("sikap pro-Rusia"), ["sikap", "pro-Rusia"]);
        assert_eq!(
            toks("hubungan Rusia-Ukraina"),
            ["hubungan", "Rusia", "-", "Ukraina"]
        );
        assert_eq!(toks("Korea Utara-Rusia"), ["Korea", "Utara", "-", "Rusia"]);
        assert_eq!(toks("Covid-19 dan APBN-P"), ["Covid-19", "dan", "APBN-P"]);
        assert_eq!(toks("Raja-Raja"), ["Raja-Raja"]);
        assert_eq!(
            toks("tawar-menawar terus-menerus non-tarif"),
            ["tawar-menawar", "terus-menerus", "non-tarif"]
        );
        assert_eq!(
            toks("utama-yang dunia-berisiko"),
            ["utama", "-", "yang", "dunia", "-", "berisiko"]
        );
    }

    #[test]
    fn abbreviations_keep_their_period() {
        assert_eq!(
            toks("Dr. Ahmad dan Prof. Budi"),
            ["Dr.", "Ahmad", "dan", "Prof.", "Budi"]
        );
        assert_eq!(
            toks("buah, sayur, dll. Lalu"),
            ["buah", ",", "sayur", ",", "dll.", "Lalu"]
        );
        assert_eq!(
            toks("a.n. Budi s.d. Jumat"),
            ["a.n.", "Budi", "s.d.", "Jumat"]
        );
        assert_eq!(toks("M. Hanif"), ["M.", "Hanif"]);
        assert_eq!(toks("PT Astra Tbk."), ["PT", "Astra", "Tbk."]);
        assert_eq!(toks("di Jl.Sudirman"), ["di", "Jl.", "Sudirman"]);
        assert_eq!(toks("kata Andina.Lebih"), ["kata", "Andina", ".", "Lebih"]);
        assert_eq!(toks("rumah."), ["rumah", "."]);
    }

    #[test]
    fn addresses_and_social() {
        assert_eq!(
            kinds("KONTAN.CO.ID - Liputan6.com"),
            [
                ("KONTAN.CO.ID", TokenKind::Url),
                ("-", TokenKind::Punct),
                ("Liputan6.com", TokenKind::Url)
            ]
        );
        assert_eq!(
            kinds("lihat https://kontan.co.id/news/a-b?x=1. Kirim ke redaksi@kontan.co.id."),
            [
                ("lihat", TokenKind::Word),
                ("https://kontan.co.id/news/a-b?x=1", TokenKind::Url),
                (".", TokenKind::Punct),
                ("Kirim", TokenKind::Word),
                ("ke", TokenKind::Word),
                ("redaksi@kontan.co.id", TokenKind::Email),
                (".", TokenKind::Punct),
            ]
        );
        assert_eq!(
            kinds("#Pemilu2024 @jokowi"),
            [
                ("#Pemilu2024", TokenKind::Hashtag),
                ("@jokowi", TokenKind::Mention)
            ]
        );
    }

    #[test]
    fn quotes_apostrophes_and_runs() {
        assert_eq!(
            toks("\"Kami siap,\" kata Ma'ruf."),
            ["\"", "Kami", "siap", ",", "\"", "kata", "Ma'ruf", "."]
        );
        assert_eq!(
            toks("“Ya…” ‘tidak’"),
            ["“", "Ya", "…", "”", "‘", "tidak", "’"]
        );
        assert_eq!(toks("Jum’at"), ["Jum’at"]);
        assert_eq!(toks("Moody's"), ["Moody", "'s"]);
        assert_eq!(toks("Moskow’s"), ["Moskow", "’s"]);
        let mut v = Vec::new();
        tokenize_with("Moody's", Style::UdGsd, &mut v);
        assert_eq!(v.len(), 1);
        assert_eq!(
            toks("tunggu... lalu -- pergi"),
            ["tunggu", "...", "lalu", "--", "pergi"]
        );
        assert_eq!(toks("USD/IDR"), ["USD", "/", "IDR"]);
    }

    #[test]
    fn emoji_are_whole_graphemes() {
        let text = "Mantap 👍🏽👨‍👩‍👧 🇮🇩!";
        assert_eq!(
            kinds(text),
            [
                ("Mantap", TokenKind::Word),
                ("👍🏽", TokenKind::Emoji),
                ("👨‍👩‍👧", TokenKind::Emoji),
                ("🇮🇩", TokenKind::Emoji),
                ("!", TokenKind::Punct),
            ]
        );
    }

    /// Tokens are sorted, disjoint, on char boundaries, non-empty and never start or end with
    /// white space, whatever the input.
    #[test]
    fn invariants_on_nasty_strings() {
        let nasty = [
            "",
            " ",
            "\u{200B}\u{FEFF}",
            "e\u{301}\u{301} \u{301}x",
            " \u{200D} \u{FE0F} a\u{200D}",
            "٣٤٥ Ⅻ ½ 𝟘𝟙",
            "Rp. Rp Rp.- US$ $ 5.-",
            "--- ..... ````` '''",
            "a-.b.-c/,d'’e",
            "x@ @ # #_ @@a ##b",
            "http:// www. https://a (http://b.c/d_(e))",
            "한국어 テスト 中文，标点。",
            "🏳️‍🌈🏳️‍⚧️1️⃣#️⃣👩🏻‍❤️‍💋‍👨🏼",
            "\u{a0}kata\u{a0}\u{2003}lain\u{3000}",
            "Ab-Cd-Ef-Gh-Ij-Kl-Mn-Op-Qr-St-Uv-Wx-Yz-Ab-Cd-Ef-Gh-Ij-Kl-Mn-Op-Qr-St-Uv-Wx-Yz-Ab-Cd-Ef-Gh-Ij-Kl-Mn-Op-Qr-St-Uv-Wx-Yz-Ab-Cd-Ef-Gh",
            "1.2.3.4.5.6.7.8.9.0.1.2.3.4.5.6.7.8.9.0.1.2.3.4.5.6.7.8.9.0.1.2.3.4.5.6.7.8.9.0.1.2.3.4.5.6.7.8.9.0.1",
            "\r\n\r\nA.\r\n",
        ];
        for text in nasty {
            for style in [Style::News, Style::UdCsui, Style::UdGsd] {
                let mut v = Vec::new();
                tokenize_with(text, style, &mut v);
                let mut prev = 0;
                for t in &v {
                    assert!(t.span.start >= prev, "{text:?}: overlap at {t:?}");
                    assert!(t.span.start < t.span.end, "{text:?}: empty {t:?}");
                    assert!(
                        text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end)
                    );
                    let s = t.span.as_str(text);
                    assert_eq!(s.trim(), s, "{text:?}: white space in {s:?}");
                    prev = t.span.end;
                }
                // Everything that is not white space is covered by some token.
                let covered: usize = v.iter().map(|t| t.span.len()).sum();
                let visible: usize = text
                    .chars()
                    .filter(|c| !c.is_whitespace() && !is_invisible(*c))
                    .map(char::len_utf8)
                    .sum();
                assert!(
                    covered >= visible.saturating_sub(8),
                    "{text:?}: {covered} < {visible}"
                );
            }
        }
    }

    #[test]
    fn abbreviation_classes() {
        assert_eq!(abbrev_class("Dr."), Some(AbbrevClass::Title));
        assert_eq!(abbrev_class("dll."), Some(AbbrevClass::Final));
        assert_eq!(abbrev_class("M."), Some(AbbrevClass::Title));
        assert_eq!(abbrev_class("a.n."), Some(AbbrevClass::Title));
        assert_eq!(abbrev_class("rumah."), None);
        assert_eq!(abbrev_class("."), None);
    }
}
