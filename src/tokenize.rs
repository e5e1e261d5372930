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
//!
//! Where things are: the scan over the text is [`tokenize_with`]; the order in which a word's
//! shapes are tried is `word::word` (`src/tokenize/word.rs`), which calls one function per
//! shape, kept with its group: `address` (URLs, e-mail, domains, handles), `number` (amounts,
//! numbers, times, dates), `abbrev` (abbreviations), `hyphen` (hyphenated words) and `glued`
//! (words glued by stripped markup).

use unicode_segmentation::UnicodeSegmentation;

use crate::span::{Span, Token, TokenKind};

mod abbrev;
mod address;
mod glued;
mod hyphen;
mod number;
mod word;

pub(crate) use abbrev::{abbrev_class, AbbrevClass};
use word::{word, Run};

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
    let mut run = Run::new();
    let mut i = 0;
    while i < b.len() {
        // A letter first, by one test: most tokens are words, and the jump table of
        // `ascii_token` mispredicted on the alternation of words, spaces and punctuation.
        // (A letter takes the same arm there.)
        i = if b[i].is_ascii_alphabetic() {
            word(text, i, i, style, &mut run, out)
        } else if b[i] < 0x80 {
            ascii_token(text, i, style, &mut run, out)
        } else {
            other_token(text, i, style, &mut run, out)
        };
    }
}

/// Pushes the token starting with the ASCII byte at `i` (or skips white space) and returns
/// where the next one starts.
#[inline]
fn ascii_token(text: &str, i: usize, style: Style, run: &mut Run, out: &mut Vec<Token>) -> usize {
    let b = text.as_bytes();
    let c = b[i];
    match c {
        b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c => i + 1,
        b'0'..=b'9' | b'#' | b'*' if is_keycap(b, i + 1) => emoji(text, i, out),
        b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' => word(text, i, i, style, run, out),
        b'-' | b'+' if number::starts_signed_number(b, i) => word(text, i + 1, i, style, run, out),
        b'$' if b.get(i + 1).is_some_and(u8::is_ascii_digit) => {
            amount_after_symbol(text, i, 1, style, run, out)
        }
        b'#' | b'@'
            if b.get(i + 1)
                .is_some_and(|&d| address::is_handle_start(text, d, i + 1)) =>
        {
            address::handle(text, i, out)
        }
        b'.' | b'-' | b'`' | b'!' | b'?' => punct_run(b, i, out),
        _ => {
            let kind = if b"\"'(),/:;[]{}".contains(&c) {
                TokenKind::Punct
            } else {
                TokenKind::Symbol
            };
            push(out, i, i + 1, kind);
            i + 1
        }
    }
}

/// Runs: `...`, `--`, ``` `` ```, `?!`, `!!!` are one token each.
fn punct_run(b: &[u8], i: usize, out: &mut Vec<Token>) -> usize {
    let c = b[i];
    let mut j = i + 1;
    let same = |d: u8| match c {
        b'!' | b'?' => d == b'!' || d == b'?',
        _ => d == c,
    };
    while j < b.len() && same(b[j]) {
        j += 1;
    }
    if c == b'`' && j - i > 2 {
        j = i + 2;
    }
    push(out, i, j, TokenKind::Punct);
    j
}

/// Pushes the token starting with the non-ASCII character at `i` (or skips white space and
/// invisible characters) and returns where the next one starts.
fn other_token(text: &str, i: usize, style: Style, run: &mut Run, out: &mut Vec<Token>) -> usize {
    let b = text.as_bytes();
    let ch = char_at(text, i);
    let len = ch.len_utf8();
    if ch.is_whitespace() || is_invisible(ch) {
        i + len
    } else if ch.is_alphanumeric() {
        word(text, i, i, style, run, out)
    } else if is_emoji(ch) {
        emoji(text, i, out)
    } else if is_currency(ch) && b.get(i + len).is_some_and(u8::is_ascii_digit) {
        amount_after_symbol(text, i, len, style, run, out)
    } else if ch == '…' {
        let mut j = i + len;
        while text[j..].starts_with('…') {
            j += len;
        }
        push(out, i, j, TokenKind::Punct);
        j
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
        end
    }
}

/// `$5`, `€20`: a currency symbol of `len` bytes at `i` before a digit; one number token with
/// the amount in the news style, a symbol token of its own in the UD styles.
fn amount_after_symbol(
    text: &str,
    i: usize,
    len: usize,
    style: Style,
    run: &mut Run,
    out: &mut Vec<Token>,
) -> usize {
    if style.split_amounts() {
        push(out, i, i + len, TokenKind::Symbol);
        word(text, i + len, i + len, style, run, out)
    } else {
        word(text, i + len, i, style, run, out)
    }
}

#[inline]
fn push(out: &mut Vec<Token>, start: usize, end: usize, kind: TokenKind) {
    out.push(Token {
        span: Span::new(start, end),
        kind,
    });
}

/// [`push`], cutting a word of ASCII letters glued by stripped markup (`PresidenJokowi`,
/// `PSSIErwin`) in the news style (see [`glued`]).
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
        if s.iter().all(u8::is_ascii_alphabetic) {
            if glued::has_joint(s) {
                glued::push_word(text, start, end, out);
                return;
            }
            if glued::push_acronym_glued(text, start, end, out) {
                return;
            }
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

/// Combining marks and joiners that continue a word (decomposed accents, Indic vowel signs).
fn is_mark(ch: char) -> bool {
    matches!(ch as u32,
        0x0300..=0x036F | 0x0483..=0x0489 | 0x0591..=0x05BD | 0x0610..=0x061A | 0x064B..=0x065F
        | 0x0900..=0x0903 | 0x093A..=0x094F | 0x0E31..=0x0E3A | 0x0E47..=0x0E4E
        | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x200C | 0x200D | 0x20D0..=0x20FF
        | 0xFE00..=0xFE0F | 0xFE20..=0xFE2F)
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
