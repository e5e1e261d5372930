//! Stage 2, layout: zones of a scraped page (title, meta, caption, body, related, boilerplate)
//! and the metadata read from them.
//!
//! STUB: everything is body.

use crate::span::{Meta, Span, Zone, ZoneKind};

/// Zones and metadata of one page.
#[derive(Clone, Debug, Default)]
pub struct Layout {
    /// A partition of the text, sorted.
    pub zones: Vec<Zone>,
    /// What the page says about itself.
    pub meta: Meta,
}

/// Reads the page layout of `text`.
pub fn analyze(text: &str) -> Layout {
    Layout {
        zones: vec![Zone {
            span: Span::new(0, text.len()),
            kind: ZoneKind::Body,
        }],
        meta: Meta::default(),
    }
}
