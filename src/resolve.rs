//! Stage 6, resolve: short forms and acronyms tied to the full mention earlier in the document.
//!
//! STUB: being written.

use crate::span::{Entity, Token};

/// Links later short mentions ("Peskov") and defined acronyms to earlier full mentions, adding
/// `source: alias` entities and rewriting ids/canonicals. Keeps `entities` sorted.
pub fn resolve(_text: &str, _tokens: &[Token], _entities: &mut Vec<Entity>) {}
