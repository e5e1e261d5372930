//! Small value types shared by every stage: spans, tokens, entities, quotes, zones.
//!
//! Inside the library every offset is a **byte** offset into the document text, because that is
//! what `str` slicing, `regex` and `aho-corasick` speak. The JSON writer converts them to
//! character offsets once (see [`crate::Document`]), which is what Python, spaCy and Prodigy use.

use std::sync::Arc;

use serde::Serialize;

/// A half-open byte range `start..end` into a document's text.
///
/// `Span` is `Copy` and cheap to pass around; it never owns text.
///
/// ```
/// use indotag::Span;
/// let text = "Rusia dan Korea Utara";
/// let span = Span::new(10, 21);
/// assert_eq!(span.as_str(text), "Korea Utara");
/// assert_eq!(span.len(), 11);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    /// First byte of the span.
    pub start: usize,
    /// One past the last byte of the span.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (bytes, end-exclusive).
    #[inline]
    pub const fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// Length in bytes.
    #[inline]
    pub const fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers nothing.
    #[inline]
    pub const fn is_empty(&self) -> bool {
        self.start >= self.end
    }

    /// The text this span covers in `text`.
    ///
    /// # Panics
    /// When the span is out of bounds or not on character boundaries of `text`; spans produced
    /// by a [`crate::Tagger`] for that text always are.
    #[inline]
    pub fn as_str<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }

    /// True when `other` lies entirely inside `self`.
    ///
    /// ```
    /// use indotag::Span;
    /// assert!(Span::new(0, 10).contains(Span::new(2, 5)));
    /// assert!(!Span::new(0, 10).contains(Span::new(8, 12)));
    /// ```
    #[inline]
    pub const fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// True when the two spans share at least one byte.
    #[inline]
    pub const fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// What a token is. Serialised in lower case (`"word"`, `"number"`, …).
///
/// ```
/// use indotag::{Tagger, TokenKind};
/// let doc = Tagger::new().tag("Harga naik 5% menjadi Rp15.000.");
/// let kinds: Vec<TokenKind> = doc.tokens.iter().map(|t| t.kind).collect();
/// assert_eq!(kinds[2], TokenKind::Number);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TokenKind {
    /// Letters, possibly with digits, inner hyphens or apostrophes, clitics kept on.
    Word,
    /// Numbers, amounts, percentages, dates and times (`1.468.000`, `-0,33%`, `26/10/2023`).
    Number,
    /// Punctuation, quote marks included.
    Punct,
    /// Other symbols (`+`, `=`, `©`, currency signs standing alone).
    Symbol,
    /// A web address.
    Url,
    /// An e-mail address.
    Email,
    /// A `#hashtag`.
    Hashtag,
    /// An `@handle`.
    Mention,
    /// An emoji, with its modifiers and joiners.
    Emoji,
}

impl TokenKind {
    /// Every kind, in declaration order (`ALL[k as usize] == k`): for tables indexed by kind.
    pub(crate) const ALL: [TokenKind; 9] = [
        TokenKind::Word,
        TokenKind::Number,
        TokenKind::Punct,
        TokenKind::Symbol,
        TokenKind::Url,
        TokenKind::Email,
        TokenKind::Hashtag,
        TokenKind::Mention,
        TokenKind::Emoji,
    ];
}

/// One token: a span and its kind. The text is `span.as_str(&doc.text)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// Where the token is, in bytes.
    pub span: Span,
    /// What it is.
    pub kind: TokenKind,
}

/// Entity labels, named as spaCy names them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum Label {
    /// People.
    #[serde(rename = "PERSON")]
    Person,
    /// Political places: countries, provinces, cities, regencies.
    #[serde(rename = "GPE")]
    Gpe,
    /// Other places: seas, mountains, regions.
    #[serde(rename = "LOC")]
    Loc,
    /// Organisations: agencies, ministries, parties, companies, news agencies, metonyms.
    #[serde(rename = "ORG")]
    Org,
}

impl Label {
    /// The label's name as written in records and gazetteers (`PERSON`, `GPE`, `LOC`, `ORG`).
    ///
    /// ```
    /// assert_eq!(indotag::Label::Gpe.as_str(), "GPE");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            Label::Person => "PERSON",
            Label::Gpe => "GPE",
            Label::Loc => "LOC",
            Label::Org => "ORG",
        }
    }

    /// Parses a label name; `None` for anything else.
    ///
    /// ```
    /// use indotag::Label;
    /// assert_eq!(Label::parse("ORG"), Some(Label::Org));
    /// assert_eq!(Label::parse("org"), None);
    /// ```
    pub fn parse(s: &str) -> Option<Label> {
        Some(match s {
            "PERSON" => Label::Person,
            "GPE" => Label::Gpe,
            "LOC" => Label::Loc,
            "ORG" => Label::Org,
            _ => return None,
        })
    }
}

/// How an entity mention was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Source {
    /// A gazetteer alias matched.
    Gazetteer,
    /// A short form or acronym resolved to a fuller mention earlier in the same document.
    Alias,
    /// A name found by its context (a title, a speech verb), in no gazetteer.
    Pattern,
}

/// One entity mention.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entity {
    /// The mention's extent (the name only, titles excluded).
    pub span: Span,
    /// Coarse label.
    pub label: Label,
    /// Stable id: the gazetteer id, or one derived from the canonical name for pattern names.
    pub id: Arc<str>,
    /// The full name this mention refers to.
    pub canonical: Arc<str>,
    /// Finer type from the gazetteer (`country`, `city`, `news_agency`, `person`, …).
    pub kind: Arc<str>,
    /// How it was found.
    pub source: Source,
    /// The layout zone the mention lies in, once zones are known.
    pub zone: Option<ZoneKind>,
}

/// Direct, partial or indirect speech.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// A full utterance in quote marks.
    Direct,
    /// A quoted fragment inside reported speech.
    Partial,
    /// Reported speech without quote marks.
    Indirect,
}

/// Who says a quote: the mention nearest the cue, and what it resolves to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Speaker {
    /// The mention: a name, a pronoun (`Dia`), a `-nya` word (`ujarnya`) or a role phrase.
    pub span: Span,
    /// The resolved entity id, where known.
    pub id: Option<Arc<str>>,
    /// The resolved full name, where known.
    pub canonical: Option<Arc<str>>,
}

/// One quotation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quote {
    /// The quoted words, inside the marks (marks excluded); for indirect speech, the claim.
    pub span: Span,
    /// Direct, partial or indirect.
    pub kind: QuoteKind,
    /// Who says it; `None` when nothing in the text supports a speaker.
    pub speaker: Option<Speaker>,
    /// The reporting word (`kata`, `ujarnya`, `berkata`, `Menurut`).
    pub cue: Option<Span>,
    /// Name of the rule that found the quote and its speaker (for debugging and evaluation).
    pub rule: &'static str,
    /// The layout zone the quote starts in, once zones are known.
    pub zone: Option<ZoneKind>,
}

/// Kinds of page zones.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ZoneKind {
    /// The headline.
    Title,
    /// Date line, byline, credits, dateline.
    Meta,
    /// Photo captions and credits.
    Caption,
    /// The article itself.
    Body,
    /// "Baca Juga" links, related headlines, tag lists.
    Related,
    /// Navigation, tickers, ads, share buttons, footers, promos.
    Boilerplate,
}

impl ZoneKind {
    /// All kinds, in a fixed order.
    pub const ALL: [ZoneKind; 6] = [
        ZoneKind::Title,
        ZoneKind::Meta,
        ZoneKind::Caption,
        ZoneKind::Body,
        ZoneKind::Related,
        ZoneKind::Boilerplate,
    ];

    /// The kind's name as written in records.
    ///
    /// ```
    /// assert_eq!(indotag::ZoneKind::Body.as_str(), "body");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            ZoneKind::Title => "title",
            ZoneKind::Meta => "meta",
            ZoneKind::Caption => "caption",
            ZoneKind::Body => "body",
            ZoneKind::Related => "related",
            ZoneKind::Boilerplate => "boilerplate",
        }
    }

    /// Parses a zone name (`body`, `title`, …).
    ///
    /// ```
    /// assert_eq!(indotag::ZoneKind::parse("related"), Some(indotag::ZoneKind::Related));
    /// ```
    pub fn parse(s: &str) -> Option<ZoneKind> {
        ZoneKind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// One zone of the page: the zones of a document partition its text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Zone {
    /// Where it is.
    pub span: Span,
    /// What it is.
    pub kind: ZoneKind,
}

/// Metadata read off the page. Missing fields are `None` and absent from the record.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Meta {
    /// The headline.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Publication time, ISO 8601 with offset (`2023-10-27T07:37:00+07:00`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    /// The credited source (`Reuters`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// The credited editor.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub editor: Option<String>,
    /// The credited reporter.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reporter: Option<String>,
    /// The dateline city as written (`MOSKOW`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dateline: Option<String>,
    /// The dateline's gazetteer id, where it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dateline_id: Option<String>,
    /// The outlet's domain (`kontan.co.id`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
}

impl Meta {
    /// True when no field is set.
    pub fn is_empty(&self) -> bool {
        self == &Meta::default()
    }
}
