//! Pass between the entity and resolve stages: a name the patterns ran across a zone boundary
//! is cut back to the body's side of it.
//!
//! Scraped pages glue a related link's headline to the next paragraph on one line (`Baca Juga:
//! Pemerintah Harus Lindungi Pasar Domestik Redma mengatakan …`). The layout stage ends the
//! headline before `Redma`, but the name patterns see only capitalised words and take `Lindungi
//! Pasar Domestik Redma` for a person, who then stands for every later `Redma`. The body's part
//! of such a name is the name.
//!
//! Only a person, and only when most words on the other side are words news writes in lower
//! case (`Lindungi`, `Pasar`, `Domestik`); names hold such words too (`Yakup Putra`, `Laili
//! Etika`), but not most of their words. The layout stage's guess at where a headline ends can fall inside a
//! real name (`… Kepala Puspresnas, Maria Veronica Irene Herdjiono mengapresiasi …`), which
//! stays whole, and a place or body named by its head word (`Pasar …`) loses its label's reason
//! when the head is cut off.

use crate::span::{Entity, Label, Source, Span, Zone, ZoneKind};

use super::{lexicon, pattern_entity, W_STRICT};

/// Cuts pattern entities that cross the boundary between a body zone and another zone back to
/// their part in the body (see the module doc). `entities` stay sorted and disjoint.
pub(crate) fn cut_at_zones(text: &str, entities: &mut [Entity], zones: &[Zone]) {
    for pair in zones.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        let body_after = b.kind == ZoneKind::Body && a.kind != ZoneKind::Body;
        let body_before = a.kind == ZoneKind::Body && b.kind != ZoneKind::Body;
        if !(body_after || body_before) {
            continue;
        }
        let cut = b.span.start;
        let i = entities.partition_point(|e| e.span.end <= cut);
        let Some(e) = entities.get_mut(i) else {
            continue;
        };
        if e.source != Source::Pattern
            || e.label != Label::Person
            || !(e.span.start < cut && cut < e.span.end)
        {
            continue;
        }
        let other = if body_after {
            &text[e.span.start..cut]
        } else {
            &text[cut..e.span.end]
        };
        let (mut words, mut common) = (0, 0);
        for w in other.split_whitespace() {
            words += 1;
            common += usize::from(lexicon().flags(&w.to_lowercase()) & W_STRICT != 0);
        }
        if 2 * common <= words {
            continue;
        }
        let span = if body_after {
            let skip = text[cut..e.span.end].len() - text[cut..e.span.end].trim_start().len();
            Span::new(cut + skip, e.span.end)
        } else {
            Span::new(
                e.span.start,
                e.span.start + text[e.span.start..cut].trim_end().len(),
            )
        };
        if span.is_empty() || !span.as_str(text).starts_with(char::is_uppercase) {
            continue;
        }
        let kind = e.kind.clone();
        *e = pattern_entity(text, span, e.label, &kind);
    }
}
