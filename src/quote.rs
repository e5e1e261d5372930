//! Stage 7, quotes: quotations, their kind, cue and speaker.
//!
//! STUB: being written.

use crate::span::{Entity, Quote, Span, Token};

/// The reporting cues (data file `data/cues.tsv`), loaded once per tagger.
#[derive(Clone, Debug, Default)]
pub struct Cues {}

impl Cues {
    /// The embedded default cue list.
    pub fn defaults() -> Cues {
        Cues {}
    }
}

/// Finds quotations and attributes them.
pub fn find(
    _text: &str,
    _tokens: &[Token],
    _sentences: &[Span],
    _entities: &[Entity],
    _cues: &Cues,
) -> Vec<Quote> {
    Vec::new()
}
