//! The head: what each line above the body is (title, meta, caption, related links,
//! boilerplate), and the credits and dates read from it.

use super::*;

/// What [`Page::mark_head`] settles before it walks the head's lines.
struct HeadPlan {
    /// Lines of the head that print the title.
    title_lines: Vec<bool>,
    /// The head's heading, taken as the title when no headline was found.
    heading: Option<usize>,
    /// Non-blank lines before each line up to the headline, so "at most one non-blank line
    /// between this line and the headline" is a subtraction, not a scan (a head of many date
    /// or credit lines above a late headline made that scan quadratic).
    nonblank_before: Vec<u32>,
}

/// What the walk over the head carries from one line to the next.
#[derive(Default)]
struct HeadWalk {
    /// A bare credit label (`Editor:`) whose value is the next line.
    expect_value: Option<Field>,
    /// Inside a list of links under a related-links header.
    in_related: bool,
}

impl Page<'_> {
    /// Marks each line of the head, the lines above `head_end`, and reads its credits and
    /// dates.
    ///
    /// The title lines are marked title; above the headline only a date next to it is meta,
    /// the rest (menus, tickers) boilerplate; below it dates and credits are meta, captions
    /// caption, link lists related. Relies on `headline` and `first` from
    /// [`Page::find_headline`] and `head_end` from [`Page::find_body_start`]. Example:
    /// `Editor: Dewi Lestari`. Fills `marks`, `found`, `dates` and `title_from_head`.
    pub(super) fn mark_head(&mut self) {
        let plan = HeadPlan {
            title_lines: self.title_lines(),
            heading: self.head_heading(),
            nonblank_before: self.nonblank_before(),
        };
        let mut walk = HeadWalk::default();
        for i in 0..self.head_end {
            self.mark_head_line(i, &plan, &mut walk);
        }
    }

    /// The head's lines that print the title: the headline, the page title when it is the
    /// headline with the outlet cut, and copies of the headline right above it (past dates
    /// and blanks).
    fn title_lines(&self) -> Vec<bool> {
        let head_end = self.head_end;
        let mut title_lines = vec![false; head_end];
        let Some(h) = self.headline.filter(|&h| h < head_end) else {
            return title_lines;
        };
        title_lines[h] = true;
        if let Some(f0) = self.first {
            if f0 < head_end && title_core(self.tr(f0)) == self.tr(h) {
                title_lines[f0] = true;
            }
        }
        // Walk back over the article head (dates, credits, the headline again).
        let mut k = h;
        while k > 0 {
            k -= 1;
            let s = self.tr(k);
            if s.is_empty() || is_symbolic(s) || date_line(s).is_some() {
                continue;
            }
            if s == self.tr(h) {
                title_lines[k] = true;
                continue;
            }
            break;
        }
        title_lines
    }

    /// Without a headline: the last heading-like line before the first date, credit or
    /// dateline line, when only article-head lines stand between it and the body.
    fn head_heading(&self) -> Option<usize> {
        let (c, head_end) = (self.c, self.head_end);
        if self.headline.is_some() || head_end == 0 {
            return None;
        }
        let stop = (0..head_end)
            .find(|&i| {
                let s = self.tr(i);
                date_line(s).is_some()
                    || parse_credits(c, s).is_some()
                    || bare_label(c, s).is_some()
            })
            .unwrap_or(head_end);
        let t = (0..stop).rev().find(|&i| {
            let s = self.tr(i);
            (3..=30).contains(&words_upto(s, 31))
                && is_headline_like(s)
                && !is_boiler_line(c, s)
                && !c.related_head.contains(&norm(s))
                && !c.boiler_head.contains(&norm(s))
        })?;
        // Only a heading that stands right above the article head counts.
        let between_ok = (t + 1..head_end).all(|i| {
            let s = self.tr(i);
            s.is_empty()
                || is_symbolic(s)
                || date_line(s).is_some()
                || parse_credits(c, s).is_some()
                || bare_label(c, s).is_some()
                || caption_start(c, s)
                || is_name_like(s)
                || is_prose(s)
        });
        between_ok.then_some(t)
    }

    /// Prefix counts of non-blank lines up to the headline (see [`HeadPlan`]).
    fn nonblank_before(&self) -> Vec<u32> {
        let upto = self.headline.map_or(0, |h| h + 1);
        let mut nonblank_before = Vec::with_capacity(upto + 1);
        let mut count = 0u32;
        nonblank_before.push(0);
        for k in 0..upto {
            count += u32::from(!self.blank(k));
            nonblank_before.push(count);
        }
        nonblank_before
    }

    /// Marks head line `i`: title lines, the value of a bare label, lines above the headline,
    /// then [`Page::head_line_kind`] for the rest.
    fn mark_head_line(&mut self, i: usize, plan: &HeadPlan, walk: &mut HeadWalk) {
        let s = self.tr(i);
        if s.is_empty() || (is_symbolic(s) && !plan.title_lines[i]) {
            return;
        }
        let pos = self.ls[i].start;
        if plan.title_lines[i] {
            self.marks.put(pos, ZoneKind::Title);
            return;
        }
        if Some(i) == plan.heading {
            self.marks.put(pos, ZoneKind::Title);
            self.title_from_head = Some(s.to_string());
            return;
        }
        if let Some(f) = walk.expect_value.take() {
            if self.headline.is_none_or(|h| i > h) {
                self.marks.put(pos, ZoneKind::Meta);
                self.found.set(f, s.trim_start_matches(':'));
                return;
            }
        }
        if let Some(h) = self.headline.filter(|&h| i < h) {
            // Above the headline: menus and tickers, but a date right next to it is meta.
            let near = plan.nonblank_before[h] - plan.nonblank_before[i + 1] <= 1;
            if near {
                if let Some(d) = date_line(s) {
                    self.marks.put(pos, ZoneKind::Meta);
                    self.dates.push((i, d));
                    return;
                }
            }
            self.marks.put(pos, ZoneKind::Boilerplate);
            return;
        }
        let kind = self.head_line_kind(i, s, walk);
        self.marks.put(pos, kind);
    }

    /// The kind of head line `i` (text `s`) below the headline or on a page without one, by
    /// its own signals: date, credits (`Reporter: Andi Saputra`), a `- outlet` byline, a name
    /// over meta, a caption, a link list, boilerplate; an unclassified line is a caption under
    /// a headline, else boilerplate unless long.
    fn head_line_kind(&mut self, i: usize, s: &str, walk: &mut HeadWalk) -> ZoneKind {
        let c = self.c;
        if let Some(d) = date_line(s) {
            self.dates.push((i, d));
            walk.in_related = false;
            return ZoneKind::Meta;
        }
        if let Some(next) = credit_line(c, s, &mut self.found) {
            walk.expect_value = next;
            return ZoneKind::Meta;
        }
        if is_dash_byline(s) {
            return ZoneKind::Meta;
        }
        if is_name_like(s) && next_is_meta(c, &self.ls, self.text, i) {
            self.found.set(Field::Reporter, s);
            return ZoneKind::Meta;
        }
        if caption_start(c, s) {
            walk.in_related = false;
            return ZoneKind::Caption;
        }
        let ns = norm(s);
        if c.related_head.contains(&ns) {
            walk.in_related = true;
            return ZoneKind::Related;
        }
        if is_boiler_line(c, s) || c.boiler_head.contains(&ns) || is_ticker(c, s) || is_counter(s) {
            walk.in_related = false;
            return ZoneKind::Boilerplate;
        }
        if walk.in_related && is_headline_like(s) {
            return ZoneKind::Related;
        }
        walk.in_related = false;
        if is_tag_list(s) || starts_related(c, s) {
            return ZoneKind::Related;
        }
        if words_upto(s, 2) == 1 && s.chars().all(|ch| ch.is_lowercase()) {
            return ZoneKind::Boilerplate;
        }
        if self.headline.is_some() || words_upto(s, 6) >= 6 {
            ZoneKind::Caption
        } else {
            ZoneKind::Boilerplate
        }
    }
}
