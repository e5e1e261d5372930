//! Stage 2, layout: zones of a scraped page (title, meta, caption, body, related, boilerplate)
//! and the metadata read from them.
//!
//! Scraped pages are the article wrapped in furniture: menus and tickers above, the headline
//! (often twice: page title and heading), a date line, credits, a photo caption, then the body,
//! which opens with a dateline (`KONTAN.CO.ID - MOSKOW.`, `JAKARTA, KOMPAS.com -`, …) and is
//! interrupted by `Baca Juga:` links and ad markers, then credits, tags, related links and
//! footers. The analysis is one scan over the lines:
//!
//! 1. find where the body starts: the first dateline, else the first prose line after a
//!    headline, else the first line that is not furniture;
//! 2. find the headline: the page title (first line, outlet suffix cut) repeated as a heading,
//!    or a heading repeated near the top;
//! 3. find where the body ends: byline labels, initials like `(fyk/ash)`, copyright, a list
//!    header not followed by more prose;
//! 4. classify each line of the head, the body and the foot by its own signals, and split lines
//!    where furniture is glued into a paragraph (`… katanya. Baca Juga: Judul Lain Isi …`).
//!
//! Text that shows none of these signals is all `body`. Cue words live in `data/*.tsv`.

mod cues;
mod date;

pub use date::parse_date;

use crate::span::{Meta, Span, Zone, ZoneKind};
use cues::{cues, norm, starts_with_ci, Cues, Field, Inline};

/// Zones and metadata of one page.
#[derive(Clone, Debug, Default)]
pub struct Layout {
    /// A partition of the text, sorted.
    pub zones: Vec<Zone>,
    /// What the page says about itself.
    pub meta: Meta,
}

/// One line: `start..end` is its content (line break excluded), `next` where the next starts.
#[derive(Clone, Copy, Debug)]
struct Line {
    start: usize,
    end: usize,
    next: usize,
}

/// How many lines from the top of a page a repeated headline is looked for: headlines
/// printed twice sit within the first screenful of a page, and the search is quadratic in it.
const HEADLINE_WINDOW: usize = 80;

fn split_lines(text: &str) -> Vec<Line> {
    let mut out = Vec::with_capacity(text.len() / 60 + 1);
    let mut start = 0;
    for nl in memchr::memchr_iter(b'\n', text.as_bytes()) {
        let end = if nl > start && text.as_bytes()[nl - 1] == b'\r' {
            nl - 1
        } else {
            nl
        };
        out.push(Line {
            start,
            end,
            next: nl + 1,
        });
        start = nl + 1;
    }
    if start < text.len() {
        out.push(Line {
            start,
            end: text.len(),
            next: text.len(),
        });
    }
    out
}

/// Number of whitespace-separated words (as [`str::split_whitespace`] splits them), counted
/// up to `cap`: every test compares with a small number and paragraphs can be long. A byte
/// loop, decoding only non-ASCII characters, since this runs on most lines.
fn words_upto(s: &str, cap: usize) -> usize {
    let b = s.as_bytes();
    let (mut n, mut in_word, mut i) = (0usize, false, 0usize);
    while i < b.len() {
        let x = b[i];
        let (ws, len) = if x < 0x80 {
            // ASCII whitespace as `char::is_whitespace` has it (includes vertical tab).
            (matches!(x, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r'), 1)
        } else {
            match s[i..].chars().next() {
                Some(ch) => (ch.is_whitespace(), ch.len_utf8()),
                None => break,
            }
        };
        if ws {
            in_word = false;
        } else if !in_word {
            in_word = true;
            n += 1;
            if n >= cap {
                return cap;
            }
        }
        i += len;
    }
    n
}

/// True when the line carries no letters or digits (`|`, `·`, `-`, `/`): it belongs with
/// whatever surrounds it.
fn is_symbolic(s: &str) -> bool {
    !s.chars().any(char::is_alphanumeric)
}

fn ends_sentence(s: &str) -> bool {
    s.trim_end().ends_with(['.', '!', '?', '"', '”', '’', '\''])
}

fn starts_quote(s: &str) -> bool {
    s.starts_with(['"', '“', '‘', '\''])
}

/// A paragraph of running text, not a heading, link or label.
fn is_prose(s: &str) -> bool {
    // Headlines are Title Case; running text has many lower-case words. One pass over at most
    // 24 words.
    let (mut n, mut lower) = (0usize, 0usize);
    for w in s.split_whitespace().take(24) {
        n += 1;
        if w.chars()
            .find(|ch| ch.is_alphabetic())
            .is_some_and(char::is_lowercase)
        {
            lower += 1;
        }
    }
    n >= 6 && lower * 10 >= n * 4 && (n >= 12 || ends_sentence(s))
}

/// A heading or link text: short, no closing full stop, not a quotation.
fn is_headline_like(s: &str) -> bool {
    if s.len() > 250 {
        return false;
    }
    let n = words_upto(s, 23);
    (1..=22).contains(&n) && !s.ends_with('.') && !starts_quote(s) && !s.ends_with(',')
}

/// `Fino Yurio Kristo`, `DINI TEJA`: two to five capitalised words, letters only.
fn is_name_like(s: &str) -> bool {
    if s.len() > 60 {
        return false;
    }
    let n = words_upto(s, 6);
    (2..=5).contains(&n)
        && s.split_whitespace().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars()
                    .all(|c| c.is_alphabetic() || c == '.' || c == '\'' || c == '-')
        })
}

fn is_all_caps_name(s: &str) -> bool {
    is_name_like(s) && !s.chars().any(char::is_lowercase)
}

/// A ticker row: `• IDX 7.161 -53,30 -0,74%`.
fn is_ticker(c: &Cues, s: &str) -> bool {
    if s.len() > 120 || words_upto(s, 11) > 10 {
        return false;
    }
    let digits = s
        .split_whitespace()
        .filter(|w| w.chars().any(|c| c.is_ascii_digit()))
        .count();
    digits >= 2 && c.ticker.is_match(s)
}

/// A short line that holds a date (`Jumat, 27 Oktober 2023 / 07:37 WIB`).
fn date_line(s: &str) -> Option<String> {
    if s.len() > 70 || words_upto(s, 11) > 10 {
        return None;
    }
    parse_date(s)
}

/// Credits in one line: `Sumber: Reuters | Editor: Barratut Taqiyyah Rafie`. Every `|`-part
/// must be `Label: value` (or `Diadaptasi oleh Nama`); `None` otherwise.
fn parse_credits(c: &Cues, s: &str) -> Option<Vec<(Field, String)>> {
    if s.len() > 300 || !c.credit_labels.starts(s) || s.split_whitespace().nth(16).is_some() {
        return None;
    }
    let mut out = Vec::new();
    for part in s.split('|') {
        let part = part.trim();
        if part.is_empty() {
            continue;
        }
        let mut hit = None;
        for (label, field) in &c.credits {
            if !starts_with_ci(part, label) {
                continue;
            }
            let rest = &part[label.len()..];
            let r = rest.trim_start();
            if let Some(v) = r.strip_prefix(':') {
                hit = Some((*field, v.trim().to_string()));
                break;
            }
            if label.contains(' ') && rest.starts_with(' ') && !r.is_empty() {
                hit = Some((*field, r.to_string()));
                break;
            }
        }
        let (f, v) = hit?;
        if v.is_empty() {
            return None;
        }
        out.push((f, v));
    }
    if out.is_empty() {
        None
    } else {
        Some(out)
    }
}

/// A credit line (`Sumber: Reuters | Editor: X`), whose fields are recorded in `found`, or a bare
/// credit label (`Editor:`) whose value is the next line. `None` when `s` is neither; otherwise
/// the field the next line fills, if any.
fn credit_line(c: &Cues, s: &str, found: &mut Found) -> Option<Option<Field>> {
    if let Some(cr) = parse_credits(c, s) {
        for (f, v) in cr {
            found.set(f, &v);
        }
        return Some(None);
    }
    bare_label(c, s).map(Some)
}

/// A credit label standing alone (`Editor:`, `Penulis`, `Oleh`), whose value is on the next line.
fn bare_label(c: &Cues, s: &str) -> Option<Field> {
    let n = norm(s);
    c.credits.iter().find(|(l, _)| *l == n).map(|(_, f)| *f)
}

/// A dateline found in the text.
#[derive(Clone, Debug)]
struct Dateline {
    start: usize,
    /// Where the body starts.
    end: usize,
    city: Option<String>,
    outlet: Option<String>,
}

/// The strong dateline forms (with an outlet) at byte `pos`.
fn strong_dateline(c: &Cues, text: &str, pos: usize) -> Option<Dateline> {
    let s = &text[pos..];
    if let Some(m) = c.dl_marker.captures(s) {
        let all = m.get(0)?;
        return Some(Dateline {
            start: pos,
            end: pos + all.end(),
            city: m.name("city").map(|x| x.as_str().to_string()),
            outlet: m.name("outlet").map(|x| x.as_str().to_string()),
        });
    }
    if let Some(m) = c.dl_domain.captures(s) {
        let all = m.get(0)?;
        let city = m.name("city1").or(m.name("city2"));
        let sep = m.name("sep").is_some_and(|x| !x.as_str().trim().is_empty());
        if city.is_none() && !sep {
            return None;
        }
        return Some(Dateline {
            start: pos,
            end: pos + all.end(),
            city: city.map(|x| x.as_str().to_string()),
            outlet: m.name("outlet").map(|x| x.as_str().to_string()),
        });
    }
    None
}

/// The weak forms (`JAKARTA -`, `Jakarta` / `-` on their own lines, a lone dash) at `pos`.
fn weak_dateline(c: &Cues, text: &str, pos: usize) -> Option<Dateline> {
    let s = &text[pos..];
    if let Some(m) = c.dl_city.captures(s) {
        return Some(Dateline {
            start: pos,
            end: pos + m.get(0)?.end(),
            city: m.name("city").map(|x| x.as_str().to_string()),
            outlet: None,
        });
    }
    let t = s.trim_start_matches([' ', '\t']);
    let dash = t
        .chars()
        .next()
        .filter(|ch| matches!(ch, '-' | '–' | '—'))?;
    let after = &t[dash.len_utf8()..];
    let trimmed = after.trim_start();
    let gap = &after[..after.len() - trimmed.len()];
    if !gap.contains('\n') {
        return None;
    }
    let skipped = s.len() - trimmed.len();
    Some(Dateline {
        start: pos,
        end: pos + skipped,
        city: None,
        outlet: None,
    })
}

/// Where a `Baca Juga:` headline glued to a paragraph ends (byte offset in `text`).
///
/// Headlines are Title Case (lower case only for small connectors); the paragraph that follows
/// opens with a capitalised subject and soon has a lower-case content word. The split goes
/// before that subject: a sentence opener (`Menurut`, `Per`) with a comma before the lower-case
/// word, else the longest capitalised phrase ending there that the text named earlier
/// (`Dubes Faisal`), else the last capitalised word. An opening double quote also ends it.
fn headline_end(c: &Cues, text: &str, from: usize, limit: usize, link_at: usize) -> usize {
    let seg = &text[from..limit];
    let mut ws: Vec<(usize, usize)> = Vec::new();
    let mut cur: Option<usize> = None;
    for (i, ch) in seg.char_indices() {
        if ch.is_whitespace() {
            if let Some(s) = cur.take() {
                ws.push((from + s, from + i));
            }
        } else if cur.is_none() {
            cur = Some(i);
        }
    }
    if let Some(s) = cur {
        ws.push((from + s, limit));
    }
    let word = |k: usize| &text[ws[k].0..ws[k].1];
    let clean = |w: &str| w.trim_matches(|ch: char| !ch.is_alphanumeric()).to_string();
    let is_cap = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let mut j = None;
    for (k, &(ws_start, ws_end)) in ws.iter().enumerate() {
        let w = &text[ws_start..ws_end];
        if k > 0 && w.starts_with(['"', '“']) {
            return ws[k].0;
        }
        let first = w.chars().find(|ch| ch.is_alphabetic());
        if first.is_some_and(char::is_lowercase)
            && w.chars().next().is_some_and(char::is_alphabetic)
            && !c.connectors.contains(clean(w).to_lowercase().as_str())
        {
            j = Some(k);
            break;
        }
    }
    let Some(j) = j else { return limit };
    if j <= 1 {
        return ws[j].0;
    }
    let mut last = j - 1;
    while last > 1 && !is_cap(word(last)) {
        last -= 1;
    }
    if !is_cap(word(last)) {
        return ws[j].0;
    }
    for k in (1..=last).rev() {
        if c.starters.contains(clean(word(k)).as_str())
            && (k == last || (k..j).any(|q| word(q).ends_with(',')))
        {
            return ws[k].0;
        }
    }
    let before = &text[..link_at];
    let mut best = last;
    for len in 2..=4 {
        if last + 1 < len + 1 {
            break;
        }
        let k = last + 1 - len;
        if (k..last).any(|q| !is_cap(word(q)) || word(q).ends_with([',', ':', ';'])) {
            break;
        }
        let phrase = text[ws[k].0..ws[last].1].trim_end_matches(|ch: char| !ch.is_alphanumeric());
        if before.contains(phrase) {
            best = k;
        }
    }
    ws[best].0
}

/// Collects zone starts; the zones are `marks[i].0 .. marks[i+1].0`.
struct Marks(Vec<(usize, ZoneKind)>);

impl Marks {
    fn put(&mut self, pos: usize, kind: ZoneKind) {
        if let Some(last) = self.0.last_mut() {
            if last.0 == pos {
                last.1 = kind;
                return;
            }
            if last.0 > pos {
                // Out of order marks never happen by construction; keep the partition sound.
                return;
            }
        }
        self.0.push((pos, kind));
    }
}

/// What the scan learned for [`Meta`].
#[derive(Default)]
struct Found {
    reporter: Option<String>,
    editor: Option<String>,
    source: Option<String>,
}

impl Found {
    fn set(&mut self, f: Field, v: &str) {
        let v = v.trim().trim_end_matches([',', ';', '|']).trim();
        if v.is_empty() {
            return;
        }
        let slot = match f {
            Field::Reporter => &mut self.reporter,
            Field::Editor => &mut self.editor,
            Field::Source => &mut self.source,
        };
        if slot.is_none() {
            *slot = Some(v.to_string());
        }
    }
}

/// Page title with the outlet suffix cut: `Judul - ANTARA News` → `Judul`.
fn title_core(s: &str) -> &str {
    if s.len() > 400 {
        return s.trim();
    }
    // The last of ` - `, ` | `, ` – `: all three open with a space, so the rightmost middle
    // byte that completes one gives the rightmost start.
    let b = s.as_bytes();
    let cut = memchr::memrchr3_iter(b'-', b'|', 0xE2, b).find_map(|j| {
        let sep_len = if b[j] == 0xE2 { 3 } else { 1 };
        let ok = j > 0
            && b[j - 1] == b' '
            && (b[j] != 0xE2 || b.get(j..j + 3) == Some("–".as_bytes()))
            && b.get(j + sep_len) == Some(&b' ');
        ok.then(|| j - 1)
    });
    match cut {
        Some(i) if words_upto(&s[..i], 2) >= 2 => s[..i].trim(),
        _ => s.trim(),
    }
}

fn outlet_of(c: &Cues, s: &str) -> Option<String> {
    let lower = s.to_lowercase();
    c.outlets
        .iter()
        .find(|(k, _)| lower.contains(k.as_str()))
        .map(|(_, d)| d.clone())
}

/// Reads the page layout of `text`.
///
/// ```
/// use indotag::{layout, ZoneKind};
/// let page = "Harga Cabai Naik Lagi\nSenin, 4 Maret 2024 10:15 WIB\n\
///             Reporter: Sari Dewi | Editor: Budi Hartono\n\
///             KONTAN.CO.ID - BANDUNG. Harga cabai rawit di pasar induk naik lagi pekan ini karena pasokan berkurang.\n\
///             Baca Juga: Harga Beras Turun di Pasar Induk\n\
///             Pedagang berharap pasokan pulih sebelum bulan puasa tiba nanti.\n";
/// let l = layout::analyze(page);
/// assert_eq!(l.meta.title.as_deref(), Some("Harga Cabai Naik Lagi"));
/// assert_eq!(l.meta.published.as_deref(), Some("2024-03-04T10:15:00+07:00"));
/// assert_eq!(l.meta.dateline.as_deref(), Some("BANDUNG"));
/// assert_eq!(l.meta.outlet.as_deref(), Some("kontan.co.id"));
/// let kinds: Vec<ZoneKind> = l.zones.iter().map(|z| z.kind).collect();
/// assert_eq!(kinds, [ZoneKind::Title, ZoneKind::Meta, ZoneKind::Body, ZoneKind::Related, ZoneKind::Body]);
/// // Plain text is all body:
/// assert_eq!(layout::analyze("Hujan turun sejak pagi.").zones[0].kind, ZoneKind::Body);
/// ```
pub fn analyze(text: &str) -> Layout {
    let c = cues();
    let ls = split_lines(text);
    let n = ls.len();
    let tr = |i: usize| text[ls[i].start..ls[i].end].trim();
    let blank = |i: usize| {
        let s = tr(i);
        s.is_empty() || is_symbolic(s)
    };
    let mut meta = Meta::default();
    let mut found = Found::default();
    if n == 0 {
        return Layout {
            zones: vec![Zone {
                span: Span::new(0, text.len()),
                kind: ZoneKind::Body,
            }],
            meta,
        };
    }

    // 1. The dateline, searched for only above the first few paragraphs.
    let mut dl: Option<(usize, Dateline)> = None;
    let mut prose_seen = 0usize;
    let mut first_prose = None;
    for (i, l) in ls.iter().enumerate() {
        let s = tr(i);
        if s.is_empty() {
            continue;
        }
        let lead = l.start + (text[l.start..l.end].len() - text[l.start..l.end].trim_start().len());
        let mut cand = strong_dateline(c, text, lead);
        if cand.is_none() && parse_credits_prefix(c, s) {
            // `Reporter: … | Editor: Nama KONTAN.CO.ID - JAKARTA. Isi …`
            let line = &text[lead..l.end];
            for (k, _) in line.char_indices().filter(|&(k, ch)| {
                k > 0 && !ch.is_whitespace() && line[..k].ends_with(char::is_whitespace)
            }) {
                if k > 400 {
                    break;
                }
                if let Some(d) = strong_dateline(c, text, lead + k) {
                    cand = Some(d);
                    break;
                }
            }
        }
        if cand.is_none() && prose_seen == 0 {
            cand = weak_dateline(c, text, lead);
        }
        if let Some(d) = cand {
            // The body must follow: a paragraph right after the dateline.
            let rest_end = text[d.end..].find('\n').map_or(text.len(), |k| d.end + k);
            if words_upto(&text[d.end..rest_end], 6) >= 6 {
                dl = Some((i, d));
                break;
            }
        }
        if is_prose(s) {
            first_prose.get_or_insert(i);
            prose_seen += 1;
            if prose_seen > 3 {
                break;
            }
        }
    }

    // 2. The headline.
    let f0 = (0..n).find(|&i| !tr(i).is_empty());
    let region_end = match (&dl, first_prose) {
        (Some((d, _)), _) => *d,
        (None, Some(p)) => (p + 10).min(n),
        (None, None) => n,
    };
    let mut headline: Option<usize> = None;
    let mut title_text: Option<String> = None;
    if let Some(f0) = f0 {
        let core = title_core(tr(f0));
        if words_upto(core, 2) >= 2 {
            headline = (f0 + 1..region_end).rev().find(|&i| {
                let s = tr(i);
                s == core || s == tr(f0)
            });
            if headline.is_some() {
                title_text = Some(core.to_string());
            }
        }
        if headline.is_none() {
            // A heading repeated near the top (headline printed twice).
            // Only the top of the page is searched, so a page of many short lines without a
            // dateline stays linear.
            let head_end = region_end.min(f0 + HEADLINE_WINDOW);
            let mut best: Option<usize> = None;
            for i in f0..head_end {
                let s = tr(i);
                if s.ends_with('.') || !(3..=30).contains(&words_upto(s, 31)) {
                    continue;
                }
                if let Some(k) = (i + 1..head_end).rev().find(|&k| tr(k) == s) {
                    if best.map_or(true, |b| k > b) {
                        best = Some(k);
                    }
                }
            }
            if let Some(b) = best {
                headline = Some(b);
                title_text = Some(tr(b).to_string());
            }
        }
    }

    // 3. Where the body starts: (line, byte).
    let (bs_line, bs_pos) = if let Some((_, d)) = &dl {
        let line = ls.partition_point(|l| l.next <= d.end).min(n - 1);
        (line, d.end)
    } else if let Some(h) = headline {
        let i = (h + 1..n)
            .find(|&i| {
                let s = tr(i);
                is_prose(s) && !caption_start(c, s) && date_line(s).is_none()
            })
            .unwrap_or(n);
        (i, ls.get(i).map_or(text.len(), |l| l.start))
    } else {
        let mut i = 0;
        while i < n {
            let s = tr(i);
            let furniture = s.is_empty()
                || is_symbolic(s)
                || is_ticker(c, s)
                || date_line(s).is_some()
                || parse_credits(c, s).is_some()
                || bare_label(c, s).is_some()
                || is_boiler_line(c, s)
                || caption_start(c, s)
                || (is_headline_like(s) && next_is_meta(c, &ls, text, i));
            if !furniture {
                break;
            }
            i += 1;
        }
        (i, ls.get(i).map_or(text.len(), |l| l.start))
    };
    // 4. Where the body ends (first line of the foot).
    let be_line = body_end(c, &ls, text, bs_line + 1);

    let mut marks = Marks(Vec::with_capacity(64));
    let mut dates: Vec<(usize, String)> = Vec::new();
    let mut title_from_head: Option<String> = None;

    // Head: lines above the body-start line (or above the dateline line).
    let head_end = dl.as_ref().map_or(bs_line, |(d, _)| *d);
    let mut title_lines = vec![false; head_end];
    if let Some(h) = headline.filter(|&h| h < head_end) {
        title_lines[h] = true;
        if let Some(f0) = f0 {
            if f0 < head_end && title_core(tr(f0)) == tr(h) {
                title_lines[f0] = true;
            }
        }
        // Walk back over the article head (dates, credits, the headline again).
        let mut k = h;
        while k > 0 {
            k -= 1;
            let s = tr(k);
            if s.is_empty() || is_symbolic(s) || date_line(s).is_some() {
                continue;
            }
            if s == tr(h) {
                title_lines[k] = true;
                continue;
            }
            break;
        }
    }
    let no_head_title = headline.is_none();
    let mut head_title_cand: Option<usize> = None;
    if no_head_title && head_end > 0 {
        // The last heading-like line before the first date / credit / dateline line.
        let stop = (0..head_end)
            .find(|&i| {
                let s = tr(i);
                date_line(s).is_some()
                    || parse_credits(c, s).is_some()
                    || bare_label(c, s).is_some()
            })
            .unwrap_or(head_end);
        head_title_cand = (0..stop).rev().find(|&i| {
            let s = tr(i);
            (3..=30).contains(&words_upto(s, 31))
                && is_headline_like(s)
                && !is_boiler_line(c, s)
                && !c.related_head.contains(&norm(s))
                && !c.boiler_head.contains(&norm(s))
        });
        // Only a heading that stands right above the article head counts.
        if let Some(t) = head_title_cand {
            let between_ok = (t + 1..head_end).all(|i| {
                let s = tr(i);
                s.is_empty()
                    || is_symbolic(s)
                    || date_line(s).is_some()
                    || parse_credits(c, s).is_some()
                    || bare_label(c, s).is_some()
                    || caption_start(c, s)
                    || is_name_like(s)
                    || is_prose(s)
            });
            if !between_ok {
                head_title_cand = None;
            }
        }
    }
    // Non-blank lines before each head line, so "at most one non-blank line between this line
    // and the headline" is a subtraction, not a scan (a head of many date or credit lines
    // above a late headline made that scan quadratic).
    let upto = headline.map_or(0, |h| h + 1);
    let mut nonblank_before = Vec::with_capacity(upto + 1);
    let mut count = 0u32;
    nonblank_before.push(0);
    for k in 0..upto {
        count += u32::from(!blank(k));
        nonblank_before.push(count);
    }
    let mut expect_value: Option<Field> = None;
    let mut in_related = false;
    for i in 0..head_end {
        let s = tr(i);
        if s.is_empty() || (is_symbolic(s) && !title_lines[i]) {
            continue;
        }
        let pos = ls[i].start;
        if title_lines[i] {
            marks.put(pos, ZoneKind::Title);
            continue;
        }
        if Some(i) == head_title_cand {
            marks.put(pos, ZoneKind::Title);
            title_from_head = Some(s.to_string());
            continue;
        }
        if let Some(f) = expect_value.take() {
            if headline.map_or(true, |h| i > h) {
                marks.put(pos, ZoneKind::Meta);
                found.set(f, s.trim_start_matches(':'));
                continue;
            }
        }
        let before_h = headline.is_some_and(|h| i < h);
        if before_h {
            let h = headline.unwrap_or(0);
            let near = nonblank_before[h] - nonblank_before[i + 1] <= 1;
            if near {
                if let Some(d) = date_line(s) {
                    marks.put(pos, ZoneKind::Meta);
                    dates.push((i, d));
                    continue;
                }
            }
            marks.put(pos, ZoneKind::Boilerplate);
            continue;
        }
        if let Some(d) = date_line(s) {
            marks.put(pos, ZoneKind::Meta);
            dates.push((i, d));
            in_related = false;
            continue;
        }
        if let Some(next) = credit_line(c, s, &mut found) {
            marks.put(pos, ZoneKind::Meta);
            expect_value = next;
            continue;
        }
        if (s.starts_with("- ") || s.starts_with("– ")) && words_upto(s, 4) <= 3 {
            marks.put(pos, ZoneKind::Meta);
            continue;
        }
        if is_name_like(s) && next_is_meta(c, &ls, text, i) {
            marks.put(pos, ZoneKind::Meta);
            found.set(Field::Reporter, s);
            continue;
        }
        if caption_start(c, s) {
            marks.put(pos, ZoneKind::Caption);
            in_related = false;
            continue;
        }
        let ns = norm(s);
        if c.related_head.contains(&ns) {
            marks.put(pos, ZoneKind::Related);
            in_related = true;
            continue;
        }
        if is_boiler_line(c, s) || c.boiler_head.contains(&ns) || is_ticker(c, s) || is_counter(s) {
            marks.put(pos, ZoneKind::Boilerplate);
            in_related = false;
            continue;
        }
        if in_related && is_headline_like(s) {
            marks.put(pos, ZoneKind::Related);
            continue;
        }
        in_related = false;
        if is_tag_list(s) || starts_related(c, s) {
            marks.put(pos, ZoneKind::Related);
            continue;
        }
        if words_upto(s, 2) == 1 && s.chars().all(|ch| ch.is_lowercase()) {
            marks.put(pos, ZoneKind::Boilerplate);
            continue;
        }
        let kind = if headline.is_some() || words_upto(s, 6) >= 6 {
            ZoneKind::Caption
        } else {
            ZoneKind::Boilerplate
        };
        marks.put(pos, kind);
    }

    // The dateline itself (with any credit prefix on its line).
    if let Some((d_line, d)) = &dl {
        let l = ls[*d_line];
        let prefix = &text[l.start..d.start];
        if let Some(cr) = parse_credits(c, prefix.trim()) {
            for (f, v) in cr {
                found.set(f, &v);
            }
        }
        marks.put(l.start, ZoneKind::Meta);
        meta.dateline = d
            .city
            .as_ref()
            .map(|city| city.split(',').next().unwrap_or(city).trim().to_string());
        if let Some(o) = &d.outlet {
            meta.outlet = outlet_of(c, o).or_else(|| o.contains('.').then(|| o.to_lowercase()));
        }
    }

    // Body.
    if bs_line < n {
        marks.put(bs_pos, ZoneKind::Body);
    }
    let mut in_block = false;
    let mut prev_ends = true;
    // Most pages have no glued-in furniture at all: one scan of the body settles that (a
    // phrase that occurs in no line does not occur in the text, and the reverse).
    let body_bytes = ls
        .get(bs_line)
        .map_or(text.len(), |l| bs_pos.max(l.start))
        .min(text.len());
    let body_stop = match be_line.min(n) {
        0 => body_bytes,
        last => ls[last - 1].end.max(body_bytes),
    };
    let any_inline = text
        .get(body_bytes..body_stop)
        .is_some_and(|b| c.inline.is_match(b));
    for (i, &l) in ls.iter().enumerate().take(be_line.min(n)).skip(bs_line) {
        let start = if i == bs_line {
            bs_pos.max(l.start)
        } else {
            l.start
        };
        let s = text[start..l.end].trim();
        if s.is_empty() || is_symbolic(s) {
            continue;
        }
        let ns = norm(s);
        let was_prev_ends = prev_ends;
        prev_ends = ends_sentence(s) || is_boiler_line(c, s);
        if c.related_head.contains(&ns) {
            marks.put(start, ZoneKind::Related);
            in_block = true;
            continue;
        }
        if in_block && is_headline_like(s) && !is_boiler_line(c, s) {
            marks.put(start, ZoneKind::Related);
            continue;
        }
        in_block = false;
        if was_prev_ends && (starts_boiler_prefix(c, s) || is_boiler_line(c, s)) {
            marks.put(start, ZoneKind::Boilerplate);
            continue;
        }
        if is_initials(c, s) || (i + 1 == be_line && is_paren_name(s)) {
            marks.put(start, ZoneKind::Meta);
            continue;
        }
        if starts_related(c, s) && c.inline.find(s).map_or(true, |m| m.start() > 0) {
            marks.put(start, ZoneKind::Related);
            continue;
        }
        marks.put(start, ZoneKind::Body);
        if any_inline {
            inline_furniture(c, text, start, l.end, &mut marks);
        }
    }

    // Foot.
    let mut state = ZoneKind::Boilerplate;
    let mut expect: Option<Field> = None;
    let mut after_initials = false;
    for (i, l) in ls.iter().enumerate().skip(be_line.min(n)) {
        let s = tr(i);
        if s.is_empty() || is_symbolic(s) {
            continue;
        }
        let pos = l.start;
        if let Some(f) = expect.take() {
            marks.put(pos, ZoneKind::Meta);
            found.set(f, s.trim_start_matches(':'));
            continue;
        }
        if is_initials(c, s) || is_paren_name(s) && i == be_line {
            marks.put(pos, ZoneKind::Meta);
            after_initials = true;
            continue;
        }
        if let Some(next) = credit_line(c, s, &mut found) {
            marks.put(pos, ZoneKind::Meta);
            expect = next;
            continue;
        }
        if i == be_line && is_all_caps_name(s) {
            marks.put(pos, ZoneKind::Meta);
            found.set(Field::Reporter, s);
            continue;
        }
        let ns = norm(s);
        if c.related_head.contains(&ns) {
            marks.put(pos, ZoneKind::Related);
            state = ZoneKind::Related;
            after_initials = false;
            continue;
        }
        if c.boiler_head.contains(&ns) || starts_boiler_prefix(c, s) || is_boiler_line(c, s) {
            marks.put(pos, ZoneKind::Boilerplate);
            state = ZoneKind::Boilerplate;
            after_initials = false;
            continue;
        }
        if starts_related(c, s) {
            marks.put(pos, ZoneKind::Related);
            continue;
        }
        if after_initials && words_upto(s, 7) <= 6 && !ends_sentence(s) {
            marks.put(pos, ZoneKind::Related);
            continue;
        }
        marks.put(pos, state);
    }

    // Metadata.
    meta.title = title_text.or(title_from_head);
    let h = headline.unwrap_or(0);
    meta.published = dates
        .iter()
        .find(|(i, _)| headline.is_none() || *i > h)
        .or(dates.first())
        .map(|(_, d)| d.clone());
    meta.reporter = found.reporter;
    meta.editor = found.editor;
    meta.source = found.source;
    if meta.outlet.is_none() {
        let mut cands: Vec<&str> = Vec::new();
        if let Some(f0) = f0 {
            let s = tr(f0);
            if headline.is_some() || words_upto(s, 4) <= 3 {
                cands.push(s);
            }
        }
        for i in (0..n).rev() {
            let s = tr(i);
            if starts_with_ci(s, "copyright") || s.starts_with('©') || starts_with_ci(s, "www.") {
                cands.push(s);
            }
        }
        for i in 0..head_end.min(n) {
            let s = tr(i);
            if (s.starts_with("- ") || s.starts_with("– ")) && words_upto(s, 4) <= 3 {
                cands.push(s);
            }
        }
        meta.outlet = cands.iter().find_map(|s| outlet_of(c, s));
    }

    Layout {
        zones: build_zones(text.len(), marks.0),
        meta,
    }
}

/// True when the credit labels open the line (`Reporter: …`, `Sumber: …`).
fn parse_credits_prefix(c: &Cues, s: &str) -> bool {
    c.credit_labels.starts(s)
        && c.credits.iter().any(|(label, _)| {
            starts_with_ci(s, label) && s[label.len()..].trim_start().starts_with(':')
        })
}

fn caption_start(c: &Cues, s: &str) -> bool {
    c.caption_prefix.starts(s)
}

fn starts_boiler_prefix(c: &Cues, s: &str) -> bool {
    !s.is_empty() && c.boiler_prefix.starts(s)
}

fn is_boiler_line(c: &Cues, s: &str) -> bool {
    let s = s.trim();
    (s.len() <= cues::WHOLE_LINE_MAX && c.boiler_line.contains(&s.to_lowercase()))
        || starts_boiler_prefix(c, s)
}

fn starts_related(c: &Cues, s: &str) -> bool {
    c.related_prefix.starts(s)
}

/// `(fyk/ash)`: the regex is anchored on both brackets, so other lines skip it.
fn is_initials(c: &Cues, s: &str) -> bool {
    s.starts_with('(') && s.ends_with(')') && c.initials.is_match(s)
}

/// `| 1.229 Views`, `13`, `dibaca 53,203 kali`: counters.
fn is_counter(s: &str) -> bool {
    if s.len() > 40 {
        return false;
    }
    let lower = s.to_lowercase();
    s.chars()
        .all(|ch| ch.is_ascii_digit() || ".,% ".contains(ch))
        || ((lower.contains("views") || lower.contains("kali")) && words_upto(s, 5) <= 4)
}

/// `penerbangan batal, abu vulkanik, gunung rinjani`: a keyword list.
fn is_tag_list(s: &str) -> bool {
    s.contains(',')
        && !s.chars().any(char::is_uppercase)
        && !ends_sentence(s)
        && words_upto(s, 21) <= 20
}

/// `(Angkasa Yudhistira)`, `(Tribunnews.com/Nama)`: the writer, in brackets, closing the story.
fn is_paren_name(s: &str) -> bool {
    s.starts_with('(') && s.ends_with(')') && words_upto(s, 6) <= 5 && {
        let inner = &s[1..s.len() - 1];
        inner
            .split(['/', ' '])
            .filter(|w| !w.is_empty())
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
    }
}

/// True when the next non-empty line after `i` is a date, a credit or a `- outlet` byline.
fn next_is_meta(c: &Cues, ls: &[Line], text: &str, i: usize) -> bool {
    for l in &ls[i + 1..] {
        let s = text[l.start..l.end].trim();
        if s.is_empty() || is_symbolic(s) {
            continue;
        }
        return date_line(s).is_some()
            || parse_credits(c, s).is_some()
            || bare_label(c, s).is_some()
            || ((s.starts_with("- ") || s.starts_with("– ")) && words_upto(s, 4) <= 3);
    }
    false
}

/// First line of the foot, scanning from line `from`.
fn body_end(c: &Cues, ls: &[Line], text: &str, from: usize) -> usize {
    let n = ls.len();
    let tr = |i: usize| text[ls[i].start..ls[i].end].trim();
    let next_nonblank = |i: usize| (i..n).find(|&k| !tr(k).is_empty() && !is_symbolic(tr(k)));
    let mut i = from;
    while i < n {
        let s = tr(i);
        if s.is_empty() || is_symbolic(s) {
            i += 1;
            continue;
        }
        if is_initials(c, s) {
            return i;
        }
        let ns = norm(s);
        if c.end.contains(&ns)
            || parse_credits(c, s).is_some_and(|_| words_upto(s, 13) <= 12)
            || c.boiler_head.contains(&ns)
            || starts_with_ci(s, "copyright")
            || s.starts_with('©')
        {
            return i;
        }
        if is_all_caps_name(s) {
            let next = next_nonblank(i + 1);
            let furniture_next = next.map_or(true, |k| {
                let t = tr(k);
                is_boiler_line(c, t)
                    || c.boiler_head.contains(&norm(t))
                    || c.related_head.contains(&norm(t))
            });
            if furniture_next {
                return i;
            }
        }
        if c.related_head.contains(&ns) {
            // A list of links: inside the body when prose follows it, else the foot.
            let mut k = i + 1;
            while k < n {
                let t = tr(k);
                let nt = norm(t);
                if t.is_empty() || is_symbolic(t) {
                    k += 1;
                    continue;
                }
                if is_headline_like(t)
                    && !c.boiler_head.contains(&nt)
                    && !c.related_head.contains(&nt)
                    && !c.end.contains(&nt)
                    && !is_boiler_line(c, t)
                {
                    k += 1;
                    continue;
                }
                break;
            }
            let t = if k < n { tr(k) } else { "" };
            let body_follows = k < n
                && !is_headline_like(t)
                && words_upto(t, 5) >= 5
                && !starts_boiler_prefix(c, t);
            if body_follows {
                i = k;
                continue;
            }
            return i;
        }
        i += 1;
    }
    n
}

/// Splits a body line where furniture is glued into it.
fn inline_furniture(c: &Cues, text: &str, start: usize, end: usize, marks: &mut Marks) {
    let hay = &text[start..end];
    let found: Vec<_> = c.inline.find_iter(hay).collect();
    let mut skip_to = start;
    for (idx, m) in found.iter().enumerate() {
        let ms = start + m.start();
        let me = start + m.end();
        if ms < skip_to {
            continue;
        }
        let limit = found.get(idx + 1).map_or(end, |x| start + x.start());
        match c.inline_kind[m.pattern().as_usize()] {
            Inline::Phrase => {
                marks.put(ms, ZoneKind::Boilerplate);
                let after = me + (text[me..limit].len() - text[me..limit].trim_start().len());
                if after < end {
                    marks.put(after, ZoneKind::Body);
                }
                skip_to = me;
            }
            Inline::ToEol => {
                marks.put(ms, ZoneKind::Boilerplate);
                return;
            }
            Inline::Related => {
                marks.put(ms, ZoneKind::Related);
                let e = headline_end(c, text, me, limit, ms);
                if e < limit || (e == limit && limit < end) {
                    marks.put(e, ZoneKind::Body);
                }
                skip_to = e;
            }
        }
    }
}

/// Turns zone starts into a partition of `0..len`, merging neighbours of the same kind.
fn build_zones(len: usize, mut marks: Vec<(usize, ZoneKind)>) -> Vec<Zone> {
    if marks.is_empty() {
        marks.push((0, ZoneKind::Body));
    }
    marks[0].0 = 0;
    let mut zones: Vec<Zone> = Vec::with_capacity(marks.len());
    for (k, &(pos, kind)) in marks.iter().enumerate() {
        let end = marks.get(k + 1).map_or(len, |m| m.0);
        if end <= pos {
            continue;
        }
        match zones.last_mut() {
            Some(z) if z.kind == kind => z.span.end = end,
            _ => zones.push(Zone {
                span: Span::new(pos, end),
                kind,
            }),
        }
    }
    if zones.is_empty() {
        zones.push(Zone {
            span: Span::new(0, len),
            kind: ZoneKind::Body,
        });
    }
    zones
}

#[cfg(test)]
mod tests;
