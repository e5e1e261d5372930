//! Addresses: URLs and e-mail addresses (one token each, whatever `.` `/` `@` `-` they hold),
//! the top-level domains that make a dotted word a domain name (`KONTAN.CO.ID`), and
//! `#hashtags` and `@handles`.

use super::{char_at, is_emoji, is_mark, push};
use crate::span::{Token, TokenKind};

/// Shape 2 of a word, tried right after the plain word and before anything else cuts the word at
/// its `.` `/` `:` `@` or `-`: a URL (`https://…`, `www.…`) or an e-mail address
/// (`redaksi@contoh.co.id`), pushed as one token of its kind. Returns its end, or `None` when
/// the word starting at `i` is no address.
pub(super) fn address(text: &str, i: usize, out: &mut Vec<Token>) -> Option<usize> {
    let end = url_or_email(text, i)?;
    let kind = if text[i..end].contains('@') && !text[i..end].contains("://") {
        TokenKind::Email
    } else {
        TokenKind::Url
    };
    push(out, i, end, kind);
    Some(end)
}

/// A URL (`https://…`, `www.…`) or e-mail address starting at `i`; returns its end.
fn url_or_email(text: &str, i: usize) -> Option<usize> {
    let b = text.as_bytes();
    let rest = &b[i..];
    let lower_starts = |p: &[u8]| rest.len() >= p.len() && rest[..p.len()].eq_ignore_ascii_case(p);
    if lower_starts(b"http://") || lower_starts(b"https://") || lower_starts(b"www.") {
        return Some(url_end(text, i)).filter(|&j| j > i + 4);
    }
    email_end(b, i)
}

/// The end of a URL starting at `i`: up to white space, a control character, a quote or an
/// unbalanced `)`, without trailing sentence punctuation.
fn url_end(text: &str, i: usize) -> usize {
    let b = text.as_bytes();
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
    j
}

/// E-mail: local part of [A-Za-z0-9._%+-], '@', then a dotted domain; returns its end.
fn email_end(b: &[u8], i: usize) -> Option<usize> {
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

const TLDS: &[&str] = &[
    "com", "id", "net", "org", "co", "go", "ac", "or", "sch", "info", "io", "tv", "news", "my",
    "sg", "uk", "au", "asia", "biz", "gov", "edu", "me", "web", "ly", "jp", "cn", "de", "fr", "ru",
    "kr", "in", "us", "eu", "nl", "xyz", "online", "site", "app", "mil", "int", "desa", "ponpes",
];

/// `com`, `ID`, `desa`: a top-level (or second-level) domain that ends a domain name.
pub(super) fn is_tld(s: &str) -> bool {
    s.len() <= 6 && TLDS.iter().any(|t| t.eq_ignore_ascii_case(s))
}

/// The byte `d` at `j`, right after `#` or `@`, can start a hashtag or handle.
pub(super) fn is_handle_start(text: &str, d: u8, j: usize) -> bool {
    d.is_ascii_alphanumeric() || d == b'_' || (d >= 0x80 && char_at(text, j).is_alphabetic())
}

/// `#hashtag` or `@handle`: the sign, then letters, digits, `_`, and inner `.` (Instagram).
pub(super) fn handle(text: &str, i: usize, out: &mut Vec<Token>) -> usize {
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
