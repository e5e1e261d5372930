//! One self-contained HTML page per run: a reading view of the tagged articles.
//!
//! The page carries its style inline ([`page.css`](page.css)) and no scripts, so it opens
//! offline, from a mail attachment or a notebook alike. Each article is an `<article>`:
//!
//! - a header with the headline and the metadata (published, outlet, dateline, credits, id);
//! - the text, with
//!   - every entity a `<mark class="e e-LABEL" data-e="N" data-label="LABEL">`, coloured by
//!     label, its canonical name and id in the hover title;
//!   - every quotation a `<span class="q q-KIND" data-q="N">`, with its speaker named right
//!     after it in a visible `<span class="who">` note (and in the hover title);
//!   - the speaker's mention underlined (`<span class="spk">`);
//!   - every zone a `<span class="z z-KIND">`, the furniture (meta, caption, related,
//!     boilerplate) greyed and labelled.
//!
//! Elements nest zone ⊃ quote ⊃ speaker ⊃ entity; where two spans cross (a quote running over
//! a zone boundary), the inner one is closed and reopened, and the pieces share their
//! `data-e`/`data-q` number, so counting distinct numbers counts entities and quotes.
//! Everything from the text or the metadata is HTML-escaped.

use crate::document::Document;
use crate::span::{Entity, Quote, QuoteKind, Span, ZoneKind};

use super::entity_layer;

/// The page style: readable on a phone (fluid, one column) and on paper (`@media print`).
const CSS: &str = include_str!("page.css");

pub(super) fn begin(out: &mut Vec<u8>) {
    out.extend_from_slice(
        b"<!DOCTYPE html>\n<html lang=\"id\">\n<head>\n<meta charset=\"utf-8\">\n\
          <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
          <meta name=\"generator\" content=\"indotag\">\n<title>indotag</title>\n<style>\n",
    );
    out.extend_from_slice(CSS.as_bytes());
    out.extend_from_slice(b"</style>\n</head>\n<body>\n<header class=\"page-head\">\n");
    out.extend_from_slice(LEGEND.as_bytes());
    out.extend_from_slice(b"</header>\n<main>\n");
}

const LEGEND: &str = "<p class=\"brand\">indotag</p>\n<p class=\"legend\">\
<mark class=\"e e-PERSON\" data-label=\"PERSON\">orang</mark> \
<mark class=\"e e-GPE\" data-label=\"GPE\">negara, kota</mark> \
<mark class=\"e e-LOC\" data-label=\"LOC\">tempat</mark> \
<mark class=\"e e-ORG\" data-label=\"ORG\">organisasi</mark> \
<span class=\"q q-direct\">kutipan langsung</span> \
<span class=\"q q-partial\">kutipan sebagian</span> \
<span class=\"q q-indirect\">kutipan tidak langsung</span> \
<span class=\"z furniture\">bukan isi berita</span></p>\n";

pub(super) fn end(out: &mut Vec<u8>) {
    out.extend_from_slice(b"</main>\n</body>\n</html>\n");
}

/// A box for a document that could not be tagged.
pub(super) fn failed(id: Option<&str>, error: &str, out: &mut Vec<u8>) {
    out.extend_from_slice(b"<article class=\"doc failed\">\n<header><h2>");
    escape(out, id.unwrap_or("(tanpa id)"));
    out.extend_from_slice(b"</h2></header>\n<p class=\"error\">");
    escape(out, error);
    out.extend_from_slice(b"</p>\n</article>\n");
}

pub(super) fn article(doc: &Document, out: &mut Vec<u8>) {
    out.reserve(3 * doc.text.len() + 1024);
    out.extend_from_slice(b"<article class=\"doc\"");
    if let Some(id) = &doc.id {
        out.extend_from_slice(b" data-id=\"");
        escape(out, id);
        out.push(b'"');
    }
    out.extend_from_slice(b">\n");
    header(doc, out);
    out.extend_from_slice(b"<div class=\"text\">");
    Body::new(doc).write(out);
    out.extend_from_slice(b"</div>\n</article>\n");
}

/// Headline, metadata and counts.
fn header(doc: &Document, out: &mut Vec<u8>) {
    let m = &doc.meta;
    let title = m.title.as_deref().or(doc.id.as_deref()).unwrap_or("");
    out.extend_from_slice(b"<header>\n<h2>");
    escape(out, title);
    out.extend_from_slice(b"</h2>\n<dl class=\"meta\">");
    let fields = [
        ("terbit", m.published.clone()),
        ("media", m.outlet.clone()),
        ("dateline", m.dateline.clone()),
        ("reporter", m.reporter.clone()),
        ("editor", m.editor.clone()),
        ("sumber", m.source.clone()),
        ("id", doc.id.clone()),
    ];
    for (name, value) in fields {
        if let Some(v) = value {
            out.extend_from_slice(b"<div><dt>");
            out.extend_from_slice(name.as_bytes());
            out.extend_from_slice(b"</dt><dd>");
            escape(out, &v);
            out.extend_from_slice(b"</dd></div>");
        }
    }
    let unattributed = doc.quotes.iter().filter(|q| q.speaker.is_none()).count();
    let counts = format!(
        "</dl>\n<p class=\"counts\">{} entitas · {} kutipan, {} tanpa penutur</p>\n</header>\n",
        doc.entities.len(),
        doc.quotes.len(),
        unattributed
    );
    out.extend_from_slice(counts.as_bytes());
}

/// One element of the text, in nesting order: a zone holds quotes, which hold speakers,
/// which hold entities.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Layer {
    Zone(usize),
    Quote(usize),
    Speaker(usize),
    Entity(usize),
}

/// The text of one document with its layers.
struct Body<'a> {
    doc: &'a Document,
    entities: Vec<&'a Entity>,
    /// Quotes, outer before inner (by start, then longest first).
    quotes: Vec<&'a Quote>,
    /// Speaker mentions, disjoint and sorted.
    speakers: Vec<Span>,
}

impl<'a> Body<'a> {
    fn new(doc: &'a Document) -> Body<'a> {
        let (entities, _) = entity_layer(doc);
        let mut quotes: Vec<&Quote> = doc.quotes.iter().filter(|q| !q.span.is_empty()).collect();
        quotes.sort_by_key(|q| (q.span.start, std::cmp::Reverse(q.span.end)));
        let mut all: Vec<Span> = doc
            .quotes
            .iter()
            .filter_map(|q| q.speaker.as_ref().map(|s| s.span))
            .filter(|s| !s.is_empty())
            .collect();
        all.sort_unstable();
        all.dedup();
        let mut speakers: Vec<Span> = Vec::with_capacity(all.len());
        for s in all {
            if speakers.last().is_none_or(|l| l.end <= s.start) {
                speakers.push(s);
            }
        }
        Body {
            doc,
            entities,
            quotes,
            speakers,
        }
    }

    /// Writes the text, opening and closing elements at every boundary.
    fn write(&self, out: &mut Vec<u8>) {
        let text = self.doc.text.as_str();
        let mut cuts: Vec<usize> = vec![0, text.len()];
        let spans = self.doc.zones.iter().map(|z| z.span);
        let spans = spans.chain(self.quotes.iter().map(|q| q.span));
        let spans = spans.chain(self.entities.iter().map(|e| e.span));
        let spans = spans.chain(self.speakers.iter().copied());
        cuts.extend(spans.flat_map(|s| [s.start, s.end]));
        // Each quote's note goes after its closing mark, where there is one.
        let notes: Vec<usize> = self
            .quotes
            .iter()
            .map(|q| q.span.end + closing_mark(&text[q.span.end..]))
            .collect();
        cuts.extend(&notes);
        cuts.retain(|&c| c <= text.len());
        cuts.sort_unstable();
        cuts.dedup();
        let mut stack: Vec<Layer> = Vec::new();
        let mut want: Vec<Layer> = Vec::new();
        for pair in cuts.windows(2) {
            let (p, q) = (pair[0], pair[1]);
            self.active_at(p, &mut want);
            let common = stack.iter().zip(&want).take_while(|(a, b)| a == b).count();
            while stack.len() > common {
                if let Some(layer) = stack.pop() {
                    out.extend_from_slice(self.close_tag(layer));
                }
            }
            self.notes_at(p, &notes, out);
            for &layer in &want[common..] {
                self.open(layer, p, out);
                stack.push(layer);
            }
            escape(out, &text[p..q]);
        }
        while let Some(layer) = stack.pop() {
            out.extend_from_slice(self.close_tag(layer));
        }
        self.notes_at(text.len(), &notes, out);
    }

    /// The notes of the quotes whose note goes at `p`.
    fn notes_at(&self, p: usize, notes: &[usize], out: &mut Vec<u8>) {
        for (i, &at) in notes.iter().enumerate() {
            if at == p {
                self.note(i, self.quotes[i], out);
            }
        }
    }

    /// The layers covering byte `p`, outermost first.
    fn active_at(&self, p: usize, want: &mut Vec<Layer>) {
        want.clear();
        let covers = |s: Span| s.start <= p && p < s.end;
        if let Some(i) = self.doc.zones.iter().position(|z| covers(z.span)) {
            want.push(Layer::Zone(i));
        }
        for (i, q) in self.quotes.iter().enumerate() {
            if covers(q.span) {
                want.push(Layer::Quote(i));
            }
        }
        let i = self.speakers.partition_point(|s| s.end <= p);
        if self.speakers.get(i).is_some_and(|&s| covers(s)) {
            want.push(Layer::Speaker(i));
        }
        let i = self.entities.partition_point(|e| e.span.end <= p);
        if self.entities.get(i).is_some_and(|e| covers(e.span)) {
            want.push(Layer::Entity(i));
        }
    }

    fn open(&self, layer: Layer, p: usize, out: &mut Vec<u8>) {
        match layer {
            Layer::Zone(i) => {
                let z = self.doc.zones[i];
                let furniture = !matches!(z.kind, ZoneKind::Body | ZoneKind::Title);
                out.extend_from_slice(b"<span class=\"z z-");
                out.extend_from_slice(z.kind.as_str().as_bytes());
                if furniture {
                    out.extend_from_slice(b" furniture");
                }
                if p == z.span.start {
                    out.extend_from_slice(b" first");
                }
                out.extend_from_slice(b"\" data-zone=\"");
                out.extend_from_slice(z.kind.as_str().as_bytes());
                out.extend_from_slice(b"\">");
            }
            Layer::Quote(i) => {
                let q = self.quotes[i];
                out.extend_from_slice(b"<span class=\"q q-");
                out.extend_from_slice(kind(q.kind).as_bytes());
                out.extend_from_slice(format!("\" data-q=\"{i}\" title=\"").as_bytes());
                let title = format!(
                    "kutipan {} · penutur: {}{}",
                    kind_id(q.kind),
                    self.speaker_name(q).unwrap_or("(tidak diketahui)"),
                    q.cue
                        .map(|c| format!(" · penanda: {}", c.as_str(&self.doc.text)))
                        .unwrap_or_default()
                );
                escape(out, &title);
                out.extend_from_slice(b"\">");
            }
            Layer::Speaker(_) => out.extend_from_slice(b"<span class=\"spk\">"),
            Layer::Entity(i) => {
                let e = self.entities[i];
                let label = e.label.as_str();
                out.extend_from_slice(
                    format!("<mark class=\"e e-{label}\" data-e=\"{i}\" data-label=\"{label}\" title=\"")
                        .as_bytes(),
                );
                escape(
                    out,
                    &format!("{label} · {} · {} · {}", e.canonical, e.kind, e.id),
                );
                out.extend_from_slice(b"\">");
            }
        }
    }

    fn close_tag(&self, layer: Layer) -> &'static [u8] {
        match layer {
            Layer::Entity(_) => b"</mark>",
            Layer::Zone(_) | Layer::Quote(_) | Layer::Speaker(_) => b"</span>",
        }
    }

    /// `<span class="who">`: the speaker beside the quote, visible without hovering.
    fn note(&self, i: usize, q: &Quote, out: &mut Vec<u8>) {
        let name = self.speaker_name(q);
        out.extend_from_slice(b"<span class=\"who who-");
        out.extend_from_slice(kind(q.kind).as_bytes());
        if name.is_none() {
            out.extend_from_slice(b" none");
        }
        out.extend_from_slice(format!("\" data-for=\"{i}\">").as_bytes());
        escape(out, name.unwrap_or("?"));
        out.extend_from_slice(b"</span>");
    }

    /// The speaker's full name where resolved, else the mention as written (`Ia`).
    fn speaker_name(&self, q: &'a Quote) -> Option<&'a str> {
        let sp = q.speaker.as_ref()?;
        Some(
            sp.canonical
                .as_deref()
                .unwrap_or_else(|| sp.span.as_str(&self.doc.text)),
        )
    }
}

/// The length in bytes of the closing quote mark (and a comma or full stop inside it) that
/// `rest` starts with, or 0.
fn closing_mark(rest: &str) -> usize {
    let punct = rest.len() - rest.trim_start_matches([',', '.', '!', '?']).len();
    let after = &rest[punct..];
    match after.chars().next() {
        Some(c @ ('"' | '”' | '’' | '\'' | '»' | '“')) => punct + c.len_utf8(),
        _ => 0,
    }
}

fn kind(k: QuoteKind) -> &'static str {
    match k {
        QuoteKind::Direct => "direct",
        QuoteKind::Partial => "partial",
        QuoteKind::Indirect => "indirect",
    }
}

/// The kind as the page's reader (Indonesian) says it.
fn kind_id(k: QuoteKind) -> &'static str {
    match k {
        QuoteKind::Direct => "langsung",
        QuoteKind::Partial => "sebagian",
        QuoteKind::Indirect => "tidak langsung",
    }
}

/// Appends `s` with `&`, `<`, `>`, `"` and `'` escaped: safe in text and in quoted attributes.
fn escape(out: &mut Vec<u8>, s: &str) {
    let mut run = 0;
    for (i, b) in s.bytes().enumerate() {
        let rep: &[u8] = match b {
            b'&' => b"&amp;",
            b'<' => b"&lt;",
            b'>' => b"&gt;",
            b'"' => b"&quot;",
            b'\'' => b"&#39;",
            _ => continue,
        };
        out.extend_from_slice(&s.as_bytes()[run..i]);
        out.extend_from_slice(rep);
        run = i + 1;
    }
    out.extend_from_slice(&s.as_bytes()[run..]);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_quotes() {
        let mut out = Vec::new();
        escape(&mut out, "a<b>&\"c\"'d' — é");
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "a&lt;b&gt;&amp;&quot;c&quot;&#39;d&#39; — é"
        );
    }
}
