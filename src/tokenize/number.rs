//! Numbers, amounts, times and dates: `.` groups thousands and `,` is the decimal mark
//! (`1.468.000`, `-0,33%`), a currency written before the amount belongs to it (`Rp15.000`,
//! `US$1,2`), times and dates stay whole (`07:37`, `26/10/2023`, `24/7`).

use super::abbrev::abbreviation_before;
use super::word::{Join, Run, Seg};
use super::{push, Style};
use crate::span::{Token, TokenKind};

/// `-5`, `+2,5%`: a sign directly before a digit, at the start of a word (after white space,
/// an opening bracket or quote, or at the start of the text).
pub(super) fn starts_signed_number(b: &[u8], i: usize) -> bool {
    b.get(i + 1).is_some_and(u8::is_ascii_digit)
        && (i == 0 || matches!(b[i - 1], b' ' | b'\t' | b'\n' | b'\r' | b'(' | b'[' | b'"'))
}

/// Shape 3 of a word, tried once the word is neither a plain word nor an address and before it
/// is cut into segments, so that the segments start at the digits (the period of `Rp.15.000`
/// belongs to the currency, and `15.000` is judged as a number): a currency written before the
/// amount (`Rp15.000`, `Rp.15.000`, `US$1,2`, `S$5`).
/// In the news style it stays on the amount; in the UD styles it is pushed as tokens of its own
/// (`Rp` `15.000`, `US` `$` `1,2`). Returns where the amount's token and its first segment
/// start (`(seg0, seg0)` when no currency is written there).
pub(super) fn currency_before_amount(
    text: &str,
    seg0: usize,
    style: Style,
    out: &mut Vec<Token>,
) -> (usize, usize) {
    let b = text.as_bytes();
    let Some((cur_end, num)) = currency_prefix(b, seg0) else {
        return (seg0, seg0);
    };
    if !style.split_amounts() {
        return (seg0, num);
    }
    if b[cur_end - 1] == b'$' && cur_end - seg0 > 1 {
        push(out, seg0, cur_end - 1, TokenKind::Word);
        push(out, cur_end - 1, cur_end, TokenKind::Symbol);
    } else {
        push(out, seg0, cur_end, TokenKind::Symbol);
    }
    (num, num)
}

/// `Rp15.000`, `Rp.15.000`, `US$1,2`, `S$5`, `HK$3`: returns the end of the currency and the
/// start of the digits.
pub(super) fn currency_prefix(b: &[u8], i: usize) -> Option<(usize, usize)> {
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

/// The digit-to-digit joint of `1.468` or `0,5`: the left segment ends and the right one
/// starts with a digit.
#[inline]
pub(super) fn digit_joint(b: &[u8], l: &Seg, r: &Seg) -> bool {
    b[l.end - 1].is_ascii_digit() && b[r.start].is_ascii_digit()
}

/// Shape of connector `k` when it is `.` `,` or `:`: first a number or time, kept whole
/// (`1.468.000`, `0,5`, `07:37`: a digit on both sides), then an abbreviation's period, which
/// stays on the abbreviation and ends its token (`Jl.Sudirman` → `Jl.` `Sudirman`; not in the
/// GSD style, which splits every period), else a split (`Andina.Lebih`, `satu,dua`). Dotted
/// runs (`a.n.`, `KONTAN.CO.ID`) were decided before this is asked.
pub(super) fn point_join(text: &str, run: &Run, k: usize, unit_start: usize, style: Style) -> Join {
    let segs = run.segs();
    if digit_joint(text.as_bytes(), &segs[k - 1], &segs[k]) {
        Join::Keep
    } else if run.conns[k] == b'.'
        && style != Style::UdGsd
        && abbreviation_before(text, segs, &run.conns, unit_start, k)
    {
        Join::Abbrev
    } else {
        Join::Split
    }
}

/// Shape of connector `k` when it is a slash: dates and fractions of plain numbers stay whole
/// (`26/10/2023`, `24/7`), so do two single letters (`s/d`) and a Roman numeral with a number
/// (`IV/2023`); anything else splits (`USD` `/` `IDR`, `1.000` `/` `bulan`).
pub(super) fn slash_join(text: &str, run: &Run, k: usize) -> Join {
    let segs = run.segs();
    let conns = &run.conns;
    let (l, r) = (&segs[k - 1], &segs[k]);
    let plain_num = |j: usize| {
        segs[j].all_digit()
            && (j == 0 || !matches!(conns[j], b'.' | b','))
            && (j + 1 >= segs.len() || !matches!(conns[j + 1], b'.' | b','))
    };
    let ls = &text[l.start..l.end];
    if (plain_num(k - 1) && plain_num(k))
        || (l.one_char && r.one_char && l.letters && r.letters)
        || (is_roman(ls) && r.all_digit())
    {
        Join::Keep
    } else {
        Join::Split
    }
}

fn is_roman(s: &str) -> bool {
    !s.is_empty() && s.len() <= 5 && s.bytes().all(|c| matches!(c, b'I' | b'V' | b'X' | b'L'))
}
