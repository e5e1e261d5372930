//! Stage 2, layout: zones of a scraped page (title, meta, caption, body, related, boilerplate)
//! and the metadata read from them.
//!
//! Scraped pages are the article wrapped in furniture: menus and tickers above, the headline
//! (often twice: page title and heading), a date line, credits, a photo caption, then the body,
//! which opens with a dateline (`KONTAN.CO.ID - MOSKOW.`, `JAKARTA, KOMPAS.com -`, …) and is
//! interrupted by `Baca Juga:` links and ad markers, then credits, tags, related links and
//! footers. [`analyze`] runs a fixed list of passes over one `Page`, each in its own function
//! with its own doc comment:
//!
//! 1. `find_dateline`: where the body starts, when a dateline opens it;
//! 2. `find_headline`: the page title (first line, outlet suffix cut) repeated as a heading,
//!    or a heading repeated near the top;
//! 3. `find_body_start`: after the dateline, else the first prose line after the headline,
//!    else the first line that is not furniture;
//! 4. `find_body_end` (`foot_start` in `body.rs`): byline labels, initials like `(fyk/ash)`, copyright, a list
//!    header not followed by more prose;
//! 5. `mark_head` (`head.rs`), `read_dateline`, `mark_body` and `mark_foot` (`body.rs`):
//!    each line of the head, the body and the foot by its own signals, with
//!    `mark_inline_furniture` splitting lines where furniture is glued into a paragraph
//!    (`… katanya. Baca Juga: Judul Lain Isi …`);
//! 6. `fill_meta`: title, date, credits and outlet for [`Meta`].
//!
//! Text that shows none of these signals is all `body`. Cue words live in `data/*.tsv`.

mod body;
mod cues;
mod date;
mod head;

pub use date::parse_date;

use crate::span::{Meta, Span, Zone, ZoneKind};
use body::foot_start;
pub(crate) use cues::credit_labels;
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

/// The captures of `re`'s first match in `s`, tested with the cheaper `is_match` first.
fn captures_if_match<'s>(re: &regex::Regex, s: &'s str) -> Option<regex::Captures<'s>> {
    if re.is_match(s) {
        re.captures(s)
    } else {
        None
    }
}

/// The strong dateline forms (with an outlet) at byte `pos`.
fn strong_dateline(c: &Cues, text: &str, pos: usize) -> Option<Dateline> {
    let s = &text[pos..];
    if !may_open_strong_dateline(s.as_bytes()) {
        return None;
    }
    // (`captures` costs an allocation and the slower capture engine on every line, and most
    // lines are no dateline: the plain match test rejects them first)
    if let Some(m) = captures_if_match(&c.dl_marker, s) {
        let all = m.get(0)?;
        return Some(Dateline {
            start: pos,
            end: pos + all.end(),
            city: m.name("city").map(|x| x.as_str().to_string()),
            outlet: m.name("outlet").map(|x| x.as_str().to_string()),
        });
    }
    if let Some(m) = captures_if_match(&c.dl_domain, s) {
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

/// False when neither strong dateline pattern (`dl_marker`, `dl_domain` of [`Cues`]) can
/// match at the start of `s`, judged from its first bytes without running them. Most lines
/// are prose, and [`dateline_after_credits`] tries every word of a credit line: the two
/// regexes run on each were most of the dateline search.
///
/// `dl_marker` needs a capital first, then, up to its `,` or `(`, at most four words (its
/// city: four in capitals or three in title case) of ASCII letters between white space or
/// `/`, none after the first in lower case; `dl_domain` needs a letter or digit first and a
/// `.` right after the leading run of letters, digits and hyphens. A non-ASCII byte (maybe
/// Unicode white space) leaves the decision to the regexes. The test reads no further than the
/// regexes would: a line of short title-case lines after it is not scanned to its end.
fn may_open_strong_dateline(s: &[u8]) -> bool {
    let Some(&first) = s.first() else {
        return false;
    };
    let run = s
        .iter()
        .position(|&b| !(b.is_ascii_alphanumeric() || b == b'-'))
        .unwrap_or(s.len());
    if first.is_ascii_alphanumeric() && s.get(run) == Some(&b'.') {
        return true; // maybe `dl_domain`
    }
    if !first.is_ascii_uppercase() {
        return false;
    }
    let (mut words, mut in_word) = (0, false);
    for &b in s {
        match b {
            b',' | b'(' | 0x80.. => return true,
            b'A'..=b'Z' | b'a'..=b'z' => {
                if !in_word {
                    // (every word but the first follows white space or `/`)
                    if b.is_ascii_lowercase() || words == 4 {
                        return false;
                    }
                    words += 1;
                    in_word = true;
                }
            }
            b' ' | b'/' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c => in_word = false,
            _ => return false,
        }
    }
    false
}

/// The weak forms (`JAKARTA -`, `Jakarta` / `-` on their own lines, a lone dash) at `pos`.
fn weak_dateline(c: &Cues, text: &str, pos: usize) -> Option<Dateline> {
    let s = &text[pos..];
    if let Some(m) = captures_if_match(&c.dl_city, s) {
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
/// The analysis is a fixed list of passes over one `Page`; each pass reads what the passes
/// before it found and adds its own finding, so the order below is the order of the
/// decisions.
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
    let ls = split_lines(text);
    if ls.is_empty() {
        return Layout {
            zones: vec![Zone {
                span: Span::new(0, text.len()),
                kind: ZoneKind::Body,
            }],
            meta: Meta::default(),
        };
    }
    let mut page = Page::new(text, ls);
    // Where things are: the positions that split the page into head, body and foot.
    page.find_dateline();
    page.find_headline();
    page.find_body_start();
    page.find_body_end();
    // What each line is, top to bottom (marks must be put in text order).
    page.mark_head();
    page.read_dateline();
    page.mark_body();
    page.mark_foot();
    // What the page says about itself.
    page.fill_meta();
    page.into_layout()
}

/// One page under analysis: its lines, its text, and what the passes have found so far.
///
/// The fields are filled in the order of [`analyze`]'s passes; each pass's doc comment says
/// which fields it relies on.
struct Page<'a> {
    c: &'static Cues,
    text: &'a str,
    ls: Vec<Line>,
    /// The dateline and its line ([`Page::find_dateline`]).
    dateline: Option<(usize, Dateline)>,
    /// The first prose line above the dateline search's stop ([`Page::find_dateline`]).
    first_prose: Option<usize>,
    /// The first non-empty line: on scraped pages, the page title ([`Page::find_headline`]).
    first: Option<usize>,
    /// The line of the headline printed in the page ([`Page::find_headline`]).
    headline: Option<usize>,
    /// The title read with the headline ([`Page::find_headline`]).
    title_text: Option<String>,
    /// The line and byte where the body starts ([`Page::find_body_start`]).
    body_line: usize,
    body_pos: usize,
    /// The first line below the head: the dateline's line, else the body's first line.
    head_end: usize,
    /// The first line of the foot ([`Page::find_body_end`]).
    body_end: usize,
    /// The title read from a heading in the head when no headline was found.
    title_from_head: Option<String>,
    /// Zone starts, put in text order by the marking passes.
    marks: Marks,
    /// Credits read so far.
    found: Found,
    /// Date lines of the head, with their line.
    dates: Vec<(usize, String)>,
    meta: Meta,
}

impl<'a> Page<'a> {
    fn new(text: &'a str, ls: Vec<Line>) -> Self {
        Page {
            c: cues(),
            text,
            ls,
            dateline: None,
            first_prose: None,
            first: None,
            headline: None,
            title_text: None,
            body_line: 0,
            body_pos: 0,
            head_end: 0,
            body_end: 0,
            title_from_head: None,
            marks: Marks(Vec::with_capacity(64)),
            found: Found::default(),
            dates: Vec::new(),
            meta: Meta::default(),
        }
    }

    fn n(&self) -> usize {
        self.ls.len()
    }

    /// Line `i`, trimmed.
    #[inline]
    fn tr(&self, i: usize) -> &'a str {
        let l = self.ls[i];
        self.text[l.start..l.end].trim()
    }

    /// Blank for the head: empty or only symbols.
    fn blank(&self, i: usize) -> bool {
        let s = self.tr(i);
        s.is_empty() || is_symbolic(s)
    }

    /// Finds the dateline that opens the body, searched for only above the first few
    /// paragraphs (it stops after the fourth prose line).
    ///
    /// Looks for a strong dateline (outlet and city, `KONTAN.CO.ID - SURABAYA.`) at the start
    /// of a line or after a credit prefix on the same line, else, above the first prose line,
    /// a weak one (`MEDAN -`); either counts only when a paragraph follows it on its line.
    /// Relies on nothing before it. Example: `PALU, Antaranews - Gempa kecil terasa lagi di
    /// kota itu pada Selasa malam.` Fills `dateline` and `first_prose`.
    fn find_dateline(&mut self) {
        let (c, text) = (self.c, self.text);
        let mut prose_seen = 0usize;
        for i in 0..self.n() {
            let s = self.tr(i);
            if s.is_empty() {
                continue;
            }
            let l = self.ls[i];
            let lead =
                l.start + (text[l.start..l.end].len() - text[l.start..l.end].trim_start().len());
            let mut cand = strong_dateline(c, text, lead);
            if cand.is_none() && parse_credits_prefix(c, s) {
                cand = dateline_after_credits(c, text, lead, l.end);
            }
            if cand.is_none() && prose_seen == 0 {
                cand = weak_dateline(c, text, lead);
            }
            if let Some(d) = cand {
                // The body must follow: a paragraph right after the dateline.
                let rest_end = text[d.end..].find('\n').map_or(text.len(), |k| d.end + k);
                if words_upto(&text[d.end..rest_end], 6) >= 6 {
                    self.dateline = Some((i, d));
                    break;
                }
            }
            if is_prose(s) {
                self.first_prose.get_or_insert(i);
                prose_seen += 1;
                if prose_seen > 3 {
                    break;
                }
            }
        }
    }

    /// Finds the headline printed in the page, above the dateline (or within ten lines of the
    /// first prose line).
    ///
    /// First the page title (the first line, outlet suffix cut) repeated as a heading, the
    /// last repetition winning; else a heading of 3 to 30 words, not ending in a full stop,
    /// printed twice near the top. Relies on `dateline` and `first_prose` from
    /// [`Page::find_dateline`]. Example: `Banjir Rendam Tiga Desa di Kabupaten Bekasi - Warta
    /// Kita` as the first line, then `Banjir Rendam Tiga Desa di Kabupaten Bekasi`. Fills
    /// `first`, `headline` and `title_text`.
    fn find_headline(&mut self) {
        let n = self.n();
        self.first = (0..n).find(|&i| !self.tr(i).is_empty());
        let region_end = match (&self.dateline, self.first_prose) {
            (Some((d, _)), _) => *d,
            (None, Some(p)) => (p + 10).min(n),
            (None, None) => n,
        };
        let Some(f0) = self.first else {
            return;
        };
        let core = title_core(self.tr(f0));
        if words_upto(core, 2) >= 2 {
            self.headline = (f0 + 1..region_end).rev().find(|&i| {
                let s = self.tr(i);
                s == core || s == self.tr(f0)
            });
            if self.headline.is_some() {
                self.title_text = Some(core.to_string());
            }
        }
        if self.headline.is_none() {
            if let Some(b) = self.repeated_heading(f0, region_end) {
                self.headline = Some(b);
                self.title_text = Some(self.tr(b).to_string());
            }
        }
    }

    /// A heading repeated near the top (headline printed twice): the later copy of the
    /// repeated heading whose copy comes last. Only the top of the page is searched, so a
    /// page of many short lines without a dateline stays linear.
    fn repeated_heading(&self, f0: usize, region_end: usize) -> Option<usize> {
        let head_end = region_end.min(f0 + HEADLINE_WINDOW);
        let mut best: Option<usize> = None;
        for i in f0..head_end {
            let s = self.tr(i);
            if s.ends_with('.') || !(3..=30).contains(&words_upto(s, 31)) {
                continue;
            }
            if let Some(k) = (i + 1..head_end).rev().find(|&k| self.tr(k) == s) {
                if best.is_none_or(|b| k > b) {
                    best = Some(k);
                }
            }
        }
        best
    }

    /// Finds where the body starts, as a line and a byte.
    ///
    /// Right after the dateline when there is one; else the first prose line after the
    /// headline that is neither a caption nor a date; else the first line that is not
    /// furniture (tickers, dates, credits, captions, a heading over a date). Relies on
    /// `dateline` and `headline`. Example: after the headline, `Warga mengungsi ke balai desa
    /// sejak Senin pagi karena air terus naik.` Fills `body_line`, `body_pos` and `head_end`
    /// (the dateline's line, else the body's first line).
    fn find_body_start(&mut self) {
        let (c, n) = (self.c, self.n());
        let (line, pos) = if let Some((_, d)) = &self.dateline {
            let line = self.ls.partition_point(|l| l.next <= d.end).min(n - 1);
            (line, d.end)
        } else if let Some(h) = self.headline {
            let i = (h + 1..n)
                .find(|&i| {
                    let s = self.tr(i);
                    is_prose(s) && !caption_start(c, s) && date_line(s).is_none()
                })
                .unwrap_or(n);
            (i, self.ls.get(i).map_or(self.text.len(), |l| l.start))
        } else {
            let i = (0..n).find(|&i| !self.is_top_furniture(i)).unwrap_or(n);
            (i, self.ls.get(i).map_or(self.text.len(), |l| l.start))
        };
        self.body_line = line;
        self.body_pos = pos;
        self.head_end = self.dateline.as_ref().map_or(line, |(d, _)| *d);
    }

    /// True when line `i` is furniture that may stand above a body with no dateline and no
    /// headline.
    fn is_top_furniture(&self, i: usize) -> bool {
        let (c, s) = (self.c, self.tr(i));
        s.is_empty()
            || is_symbolic(s)
            || is_ticker(c, s)
            || date_line(s).is_some()
            || parse_credits(c, s).is_some()
            || bare_label(c, s).is_some()
            || is_boiler_line(c, s)
            || caption_start(c, s)
            || (is_headline_like(s) && next_is_meta(c, &self.ls, self.text, i))
    }

    /// Finds where the body ends: the first line of the foot, searched from the line after
    /// the body's first.
    ///
    /// See [`foot_start`]: byline labels, initials, copyright, an all-caps name over
    /// furniture, or a list of links not followed by more prose. Relies on `body_line` from
    /// [`Page::find_body_start`]. Example: `(ant/rdn)`. Fills `body_end`.
    fn find_body_end(&mut self) {
        self.body_end = foot_start(self.c, &self.ls, self.text, self.body_line + 1);
    }

    /// Reads the dateline's own line: its credit prefix, the city and the outlet.
    ///
    /// Marks the dateline's line as meta (the body's mark follows in [`Page::mark_body`]),
    /// reads credits glued before it and sets `meta.dateline` and `meta.outlet`. Relies on
    /// `dateline` from [`Page::find_dateline`] and runs after [`Page::mark_head`], so marks stay
    /// in text order. Example: `Reporter: Rina | Editor: Yudi KONTAN.CO.ID - PADANG. Isi …`.
    fn read_dateline(&mut self) {
        let c = self.c;
        let Some((d_line, d)) = &self.dateline else {
            return;
        };
        let l = self.ls[*d_line];
        let prefix = &self.text[l.start..d.start];
        if let Some(cr) = parse_credits(c, prefix.trim()) {
            for (f, v) in cr {
                self.found.set(f, &v);
            }
        }
        self.marks.put(l.start, ZoneKind::Meta);
        self.meta.dateline = d
            .city
            .as_ref()
            .map(|city| city.split(',').next().unwrap_or(city).trim().to_string());
        if let Some(o) = &d.outlet {
            self.meta.outlet =
                outlet_of(c, o).or_else(|| o.contains('.').then(|| o.to_lowercase()));
        }
    }

    /// Fills the metadata from what the passes read.
    ///
    /// The title is the headline's, else the head's heading; the date is the first date line
    /// after the headline, else the first; the outlet, when no dateline named it, is read from
    /// the page title, a copyright or `www.` line, or a `- outlet` byline in the head. Relies
    /// on every pass before it. Example: `© 2024 Warta Kita. Hak cipta dilindungi.`
    fn fill_meta(&mut self) {
        self.meta.title = self.title_text.take().or(self.title_from_head.take());
        let h = self.headline.unwrap_or(0);
        self.meta.published = self
            .dates
            .iter()
            .find(|(i, _)| self.headline.is_none() || *i > h)
            .or(self.dates.first())
            .map(|(_, d)| d.clone());
        self.meta.reporter = self.found.reporter.take();
        self.meta.editor = self.found.editor.take();
        self.meta.source = self.found.source.take();
        if self.meta.outlet.is_none() {
            self.meta.outlet = self.outlet_elsewhere();
        }
    }

    /// The outlet named by the page title, a copyright or `www.` line (last first), or a
    /// `- outlet` byline in the head.
    fn outlet_elsewhere(&self) -> Option<String> {
        let n = self.n();
        let mut cands: Vec<&str> = Vec::new();
        if let Some(f0) = self.first {
            let s = self.tr(f0);
            if self.headline.is_some() || words_upto(s, 4) <= 3 {
                cands.push(s);
            }
        }
        for i in (0..n).rev() {
            let s = self.tr(i);
            if starts_with_ci(s, "copyright") || s.starts_with('©') || starts_with_ci(s, "www.") {
                cands.push(s);
            }
        }
        for i in 0..self.head_end.min(n) {
            let s = self.tr(i);
            if is_dash_byline(s) {
                cands.push(s);
            }
        }
        cands.iter().find_map(|s| outlet_of(self.c, s))
    }

    fn into_layout(self) -> Layout {
        Layout {
            zones: build_zones(self.text.len(), self.marks.0),
            meta: self.meta,
        }
    }
}

/// A short `- outlet` byline: `- Warta Kita`.
fn is_dash_byline(s: &str) -> bool {
    (s.starts_with("- ") || s.starts_with("– ")) && words_upto(s, 4) <= 3
}

/// A strong dateline after the credits that open the line `lead..end`:
/// `Reporter: … | Editor: Nama KONTAN.CO.ID - JAKARTA. Isi …`. Tried at each word start
/// within the first 400 bytes.
fn dateline_after_credits(c: &Cues, text: &str, lead: usize, end: usize) -> Option<Dateline> {
    let line = &text[lead..end];
    for (k, _) in line
        .char_indices()
        .filter(|&(k, ch)| k > 0 && !ch.is_whitespace() && line[..k].ends_with(char::is_whitespace))
    {
        if k > 400 {
            break;
        }
        if let Some(d) = strong_dateline(c, text, lead + k) {
            return Some(d);
        }
    }
    None
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
            || is_dash_byline(s);
    }
    false
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
