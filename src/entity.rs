//! Stage 5, mentions: gazetteer matches plus names found by their context.
//!
//! STUB: being written.

use crate::gazetteer::Matcher;
use crate::span::{Entity, Span, Token};

/// Finds entity mentions: gazetteer aliases first, then pattern names the gazetteers lack.
/// Returns them sorted by start, non-overlapping.
pub fn find(text: &str, tokens: &[Token], _sentences: &[Span], matcher: &Matcher) -> Vec<Entity> {
    matcher.find(text, tokens)
}
