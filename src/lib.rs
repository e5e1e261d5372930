//! # indotag
//!
//! Turns Indonesian news articles into annotated records: tokens and sentences, the people,
//! places and organisations named (from gazetteers and from patterns for names they lack), and
//! every quotation with the person or body who said it.
//!
//! ```
//! use indotag::Tagger;
//!
//! let tagger = Tagger::new();
//! let doc = tagger.tag("Harga emas naik 0,5% pada Kamis (26/10/2023).");
//! let words: Vec<&str> = doc.tokens.iter().map(|t| doc.span_text(t.span)).collect();
//! assert!(words.contains(&"0,5%"));
//! // One JSON object per document, offsets in characters:
//! let line = serde_json::to_string(&doc).unwrap();
//! assert!(line.starts_with("{\"text\":"));
//! ```
//!
//! ## The pipeline
//!
//! Each stage is one module, named for what it does; each reads the previous stages' output:
//!
//! | stage | module | finds |
//! |---|---|---|
//! | 1 | [`decode`] | text from bytes (BOM, invalid UTF-8, binary) |
//! | 2 | [`layout`] | page zones (title, meta, body, …) and metadata |
//! | 3 | [`tokenize`] | tokens, with original offsets |
//! | 4 | [`sentence`] | sentences |
//! | 5 | [`entity`] | mentions, from [`gazetteer`]s and name patterns |
//! | 6 | [`resolve`] | short forms and acronyms tied to full names |
//! | 7 | [`quote`] | quotations, cues, speakers |
//! | 8 | [`document`] | the JSON Lines record |
//!
//! Around the pipeline, [`export`] writes the tagged documents for other tools (CoNLL-2003,
//! Prodigy, doccano, an HTML page) and [`stats`] tallies a tagged corpus (who is quoted most,
//! which entities are named most, per outlet and month).
//!
//! ## Offsets
//!
//! In the library every [`Span`] is a byte range into the document's text, so that
//! `span.as_str(&doc.text)` is free. The JSON record converts them to character offsets, which
//! is what Python (and spaCy, Prodigy, doccano) index by.

#![warn(missing_docs)]

pub mod decode;
pub mod document;
pub mod entity;
mod error;
pub mod eval;
pub mod export;
pub mod gazetteer;
pub mod input;
pub mod layout;
pub mod quote;
pub mod resolve;
pub mod sentence;
mod span;
pub mod stats;
mod tagger;
mod text_index;
pub mod tokenize;
mod wordclass;

pub use document::{Document, RecordOptions};
pub use error::{Error, ErrorKind, Result};
pub use gazetteer::Gazetteer;
pub use span::{
    Entity, Label, Meta, Quote, QuoteKind, Source, Span, Speaker, Token, TokenKind, Zone, ZoneKind,
};
pub use tagger::{panic_message, Tagger, TaggerBuilder};
