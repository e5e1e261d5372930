//! The body and the foot: where the body ends, what each line below the head is, and the
//! furniture glued into body paragraphs.

use super::*;

impl Page<'_> {
    /// Marks each line of the body, `body_line..body_end`: paragraphs, link lists, ad and
    /// share lines, closing initials; then splits paragraphs with glued-in furniture (see
    /// [`mark_inline_furniture`]).
    ///
    /// A related-links header opens a block of headline-like lines; a boilerplate line counts
    /// only after a line that ends a sentence. Relies on `body_line`, `body_pos` from
    /// [`Page::find_body_start`] and `body_end` from [`Page::find_body_end`]. Example:
    /// `Baca Juga: Harga Gula Pasir Mulai Turun`. Fills `marks`.
    pub(super) fn mark_body(&mut self) {
        let (c, text, n) = (self.c, self.text, self.n());
        let (bs_line, bs_pos, be_line) = (self.body_line, self.body_pos, self.body_end);
        if bs_line < n {
            self.marks.put(bs_pos, ZoneKind::Body);
        }
        let any_inline = self.body_has_inline();
        let mut in_block = false;
        let mut prev_ends = true;
        for i in bs_line..be_line.min(n) {
            let l = self.ls[i];
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
            let kind = if c.related_head.contains(&ns) {
                in_block = true;
                ZoneKind::Related
            } else if in_block && is_headline_like(s) && !is_boiler_line(c, s) {
                ZoneKind::Related
            } else {
                in_block = false;
                body_line_kind(c, s, was_prev_ends, i + 1 == be_line)
            };
            self.marks.put(start, kind);
            if kind == ZoneKind::Body && any_inline {
                mark_inline_furniture(c, text, start, l.end, &mut self.marks);
            }
        }
    }

    /// Whether any glued-in furniture phrase occurs in the body at all: most pages have none,
    /// and one scan of the body settles that (a phrase that occurs in no line does not occur
    /// in the text, and the reverse).
    fn body_has_inline(&self) -> bool {
        let (text, n) = (self.text, self.n());
        let body_bytes = self
            .ls
            .get(self.body_line)
            .map_or(text.len(), |l| self.body_pos.max(l.start))
            .min(text.len());
        let body_stop = match self.body_end.min(n) {
            0 => body_bytes,
            last => self.ls[last - 1].end.max(body_bytes),
        };
        text.get(body_bytes..body_stop)
            .is_some_and(|b| self.c.inline.is_match(b))
    }

    /// Marks each line of the foot, from `body_end` to the end: credits and initials are
    /// meta, a related-links header opens related links, a boilerplate header opens
    /// boilerplate, and other lines take the kind of the block they are in.
    ///
    /// Short lines right after closing initials are related headlines. Relies on `body_end`
    /// from [`Page::find_body_end`]. Example: `Penulis: Agus Salim`. Fills `marks` and
    /// `found`.
    pub(super) fn mark_foot(&mut self) {
        let c = self.c;
        let be_line = self.body_end;
        let mut state = ZoneKind::Boilerplate;
        let mut expect: Option<Field> = None;
        let mut after_initials = false;
        for i in be_line.min(self.n())..self.n() {
            let s = self.tr(i);
            if s.is_empty() || is_symbolic(s) {
                continue;
            }
            let pos = self.ls[i].start;
            if let Some(f) = expect.take() {
                self.marks.put(pos, ZoneKind::Meta);
                self.found.set(f, s.trim_start_matches(':'));
                continue;
            }
            if is_initials(c, s) || is_paren_name(s) && i == be_line {
                self.marks.put(pos, ZoneKind::Meta);
                after_initials = true;
                continue;
            }
            if let Some(next) = credit_line(c, s, &mut self.found) {
                self.marks.put(pos, ZoneKind::Meta);
                expect = next;
                continue;
            }
            if i == be_line && is_all_caps_name(s) && !is_boiler_line(c, s) {
                self.marks.put(pos, ZoneKind::Meta);
                self.found.set(Field::Reporter, s);
                continue;
            }
            let ns = norm(s);
            let kind = if c.related_head.contains(&ns) {
                state = ZoneKind::Related;
                after_initials = false;
                ZoneKind::Related
            } else if c.boiler_head.contains(&ns)
                || starts_boiler_prefix(c, s)
                || is_boiler_line(c, s)
            {
                state = ZoneKind::Boilerplate;
                after_initials = false;
                ZoneKind::Boilerplate
            } else if starts_related(c, s)
                || (after_initials && words_upto(s, 7) <= 6 && !ends_sentence(s))
            {
                ZoneKind::Related
            } else {
                state
            };
            self.marks.put(pos, kind);
        }
    }
}

/// The kind of a body line `s` outside a link block: boilerplate after a sentence end,
/// closing initials (or a name in parentheses on the body's last line), a related link not
/// glued to prose, else body.
fn body_line_kind(c: &Cues, s: &str, prev_ends: bool, last: bool) -> ZoneKind {
    if prev_ends && (starts_boiler_prefix(c, s) || is_boiler_line(c, s)) {
        return ZoneKind::Boilerplate;
    }
    if is_initials(c, s) || (last && is_paren_name(s)) {
        return ZoneKind::Meta;
    }
    if starts_related(c, s) && c.inline.find(s).is_none_or(|m| m.start() > 0) {
        return ZoneKind::Related;
    }
    ZoneKind::Body
}

/// First line of the foot, scanning from line `from`: initials (`(ant/rdn)`), an end or
/// boilerplate header, short credits, copyright, an all-caps name over furniture, or a
/// related-links header not followed by more prose.
pub(super) fn foot_start(c: &Cues, ls: &[Line], text: &str, from: usize) -> usize {
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
        // (an all-caps name, not an all-caps furniture line: `SCROLL TO CONTINUE WITH
        // CONTENT` before a `Baca juga:` list is in the middle of the body)
        if is_all_caps_name(s) && !is_boiler_line(c, s) {
            let next = next_nonblank(i + 1);
            let furniture_next = next.is_none_or(|k| {
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
                // (an advert line after the links, `Advertisement`, is no end of the list:
                // prose may follow it)
                if t.is_empty() || is_symbolic(t) || is_boiler_line(c, t) {
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
            // (a short line of dialogue is prose too: `"Prabowo," jawab anak-anak kompak.`)
            let body_follows = k < n
                && (!is_headline_like(t) && words_upto(t, 5) >= 5
                    || starts_quote(t) && words_upto(t, 3) >= 3)
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

/// Splits a body line where furniture is glued into it: a phrase (`Advertisement`) is
/// boilerplate and the text after it body again; a to-end-of-line phrase makes the rest
/// boilerplate; a link (`Baca Juga: Judul Lain`) is related up to the end of its headline
/// ([`headline_end`]). Example: `… kata dia. Baca Juga: Stok Beras Aman Isi berita lanjut.`
fn mark_inline_furniture(c: &Cues, text: &str, start: usize, end: usize, marks: &mut Marks) {
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
