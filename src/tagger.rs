//! The [`Tagger`]: every stage's data compiled once, then applied to any number of documents.

use std::path::PathBuf;

use crate::document::Document;
use crate::error::{Error, Result};
use crate::gazetteer::{Gazetteer, Matcher};
use crate::quote::Cues;
use crate::span::{Label, Span, Zone, ZoneKind};
use crate::tokenize::Style;
use crate::wordclass::{Classes, WordTable};
use crate::{entity, layout, quote, resolve, sentence, tokenize};

/// Tags Indonesian news text. Build it once (compiling gazetteers takes a moment), then call
/// [`Tagger::tag`] from as many threads as you like: it is `Send + Sync` and holds no locks.
///
/// ```
/// use indotag::Tagger;
/// let tagger = Tagger::new();
/// let doc = tagger.tag("Juru bicara Kremlin Dmitry Peskov berkata: \"Kami menolak.\"");
/// assert!(doc.sentences.len() >= 1);
/// assert_eq!(doc.span_text(doc.tokens[0].span), "Juru");
/// ```
#[derive(Debug)]
pub struct Tagger {
    matcher: Matcher,
    cues: Cues,
    /// The lexicon and `cues` merged, for one lookup per word.
    words: WordTable,
    keep_zones: Option<Vec<ZoneKind>>,
    style: Style,
}

impl Default for Tagger {
    fn default() -> Self {
        Tagger::new()
    }
}

impl Tagger {
    /// A tagger with the embedded default gazetteers and cue lists.
    ///
    /// ```
    /// let tagger = indotag::Tagger::new();
    /// # let _ = tagger;
    /// ```
    pub fn new() -> Tagger {
        let cues = Cues::defaults();
        Tagger {
            // The embedded defaults are checked by the test suite, so this cannot fail.
            matcher: Matcher::new(Gazetteer::defaults()).expect("embedded gazetteers compile"),
            words: WordTable::new(&cues),
            cues,
            keep_zones: None,
            style: Style::News,
        }
    }

    /// A builder, to add gazetteers or keep only some zones.
    ///
    /// ```
    /// use indotag::{Tagger, ZoneKind};
    /// let tagger = Tagger::builder().default_gazetteers(true).zones([ZoneKind::Body]).build()?;
    /// # Ok::<(), indotag::Error>(())
    /// ```
    pub fn builder() -> TaggerBuilder {
        TaggerBuilder::default()
    }

    /// The compiled gazetteer.
    pub fn matcher(&self) -> &Matcher {
        &self.matcher
    }

    /// Tags one document.
    ///
    /// ```
    /// let doc = indotag::Tagger::new().tag("Harga naik. Warga mengeluh.");
    /// assert_eq!(doc.sentences.len(), 2);
    /// ```
    pub fn tag(&self, text: impl Into<String>) -> Document {
        let text: String = text.into();
        let layout = layout::analyze(&text);
        let mut tokens = Vec::with_capacity(text.len() / 5);
        tokenize::tokenize_with(&text, self.style, &mut tokens);
        let sentences = sentence::split(&text, &tokens);
        let (mut entities, mut quotes) = self.mentions(&text, &tokens, &sentences, &layout.zones);
        quote::add_speaker_entities(&text, &quotes, &mut entities);

        for e in &mut entities {
            e.zone = zone_at(&layout.zones, e.span);
        }
        let mut meta = layout.meta;
        if let Some(city) = &meta.dateline {
            // The dateline city as the gazetteer knows it: the first place entity in a meta
            // zone whose text is the dateline (`MOSKOW` matches the `Moskow` alias upper-cased).
            meta.dateline_id = entities
                .iter()
                .find(|e| {
                    e.zone == Some(ZoneKind::Meta)
                        && matches!(e.label, Label::Gpe | Label::Loc)
                        && e.span.as_str(&text) == city
                })
                .map(|e| e.id.to_string());
        }
        for q in &mut quotes {
            q.zone = zone_at(&layout.zones, q.span);
        }
        if let Some(keep) = &self.keep_zones {
            entities.retain(|e| e.zone.is_some_and(|z| keep.contains(&z)));
            quotes.retain(|q| q.zone.is_some_and(|z| keep.contains(&z)));
        }
        Document {
            id: None,
            extra: Default::default(),
            meta,
            zones: layout.zones,
            sentences,
            tokens,
            entities,
            quotes,
            text,
        }
    }
}

impl Tagger {
    /// The entity, resolution and quote stages, which share the per-token word classes: what
    /// the lexicon and the cue table say of each word, found in one lookup per word, into
    /// tables each thread reuses. (The per-token facts are computed once, by the entity stage,
    /// and reused by resolution.)
    fn mentions(
        &self,
        text: &str,
        tokens: &[crate::Token],
        sentences: &[Span],
        zones: &[Zone],
    ) -> (Vec<crate::Entity>, Vec<crate::Quote>) {
        CLASSES.with(|cell| {
            // (a fresh table if the thread's is in use: `tag` does not call itself, but never
            // a panic)
            let mut fresh = Classes::default();
            let mut guard = cell.try_borrow_mut();
            let classes = guard.as_deref_mut().unwrap_or(&mut fresh);
            self.words.classify(text, tokens, &self.cues, classes);
            let (mut entities, info) = entity::find_info(text, tokens, &self.matcher, &classes.lex);
            entity::zone_cut::cut_at_zones(text, &mut entities, zones);
            resolve::resolve_with(text, tokens, &mut entities, info);
            let quotes = quote::find_classified(
                text,
                tokens,
                sentences,
                &entities,
                zones,
                &self.cues,
                &classes.cue,
            );
            classes.shrink();
            (entities, quotes)
        })
    }
}

thread_local! {
    /// Each thread's per-token class tables, reused across documents (two allocations the
    /// size of the token list per document otherwise).
    static CLASSES: std::cell::RefCell<Classes> = Default::default();
}

/// The zone a span starts in.
fn zone_at(zones: &[Zone], span: Span) -> Option<ZoneKind> {
    let i = zones.partition_point(|z| z.span.end <= span.start);
    zones
        .get(i)
        .filter(|z| z.span.start <= span.start)
        .map(|z| z.kind)
}

/// Builds a [`Tagger`]. Settings are checked in [`TaggerBuilder::build`], which reports the
/// first problem (an unreadable or invalid gazetteer file names file and line).
///
/// ```
/// use indotag::Tagger;
/// let err = Tagger::builder().gazetteer_file("/no/such/file.tsv").build().unwrap_err();
/// assert!(err.to_string().contains("/no/such/file.tsv"));
/// ```
#[derive(Clone, Debug)]
pub struct TaggerBuilder {
    default_gazetteers: bool,
    files: Vec<PathBuf>,
    gazetteers: Vec<Gazetteer>,
    keep_zones: Option<Vec<ZoneKind>>,
    style: Style,
}

impl Default for TaggerBuilder {
    fn default() -> Self {
        TaggerBuilder {
            default_gazetteers: true,
            files: Vec::new(),
            gazetteers: Vec::new(),
            keep_zones: None,
            style: Style::News,
        }
    }
}

impl TaggerBuilder {
    /// Use the embedded default gazetteers (on by default).
    pub fn default_gazetteers(mut self, yes: bool) -> Self {
        self.default_gazetteers = yes;
        self
    }

    /// Add a gazetteer file; its entries override default entries with the same id.
    pub fn gazetteer_file(mut self, path: impl Into<PathBuf>) -> Self {
        self.files.push(path.into());
        self
    }

    /// Add an already parsed gazetteer; its entries override earlier ones with the same id.
    pub fn gazetteer(mut self, gazetteer: Gazetteer) -> Self {
        self.gazetteers.push(gazetteer);
        self
    }

    /// Report only entities and quotes that lie in these zones (default: all zones).
    pub fn zones(mut self, kinds: impl IntoIterator<Item = ZoneKind>) -> Self {
        self.keep_zones = Some(kinds.into_iter().collect());
        self
    }

    /// Token conventions (default [`Style::News`], what the entity and quote rules expect).
    /// The UD styles tokenize as the Indonesian UD treebanks do, to compare with the UD
    /// treebanks; the later stages still run on those tokens.
    ///
    /// ```
    /// use indotag::{tokenize::Style, Tagger};
    /// let tagger = Tagger::builder().token_style(Style::UdGsd).build()?;
    /// let doc = tagger.tag("Harga naik 5%.");
    /// let toks: Vec<&str> = doc.tokens.iter().map(|t| doc.span_text(t.span)).collect();
    /// assert_eq!(toks, ["Harga", "naik", "5", "%", "."]);
    /// # Ok::<(), indotag::Error>(())
    /// ```
    pub fn token_style(mut self, style: Style) -> Self {
        self.style = style;
        self
    }

    /// Loads and compiles everything.
    pub fn build(self) -> Result<Tagger> {
        if self.keep_zones.as_ref().is_some_and(|z| z.is_empty()) {
            return Err(Error::config("the list of zones to keep is empty"));
        }
        let mut gaz = if self.default_gazetteers {
            Gazetteer::defaults()
        } else {
            Gazetteer::default()
        };
        for path in &self.files {
            gaz.extend(Gazetteer::from_path(path)?);
        }
        for g in self.gazetteers {
            gaz.extend(g);
        }
        let cues = Cues::defaults();
        Ok(Tagger {
            matcher: Matcher::new(gaz)?,
            words: WordTable::new(&cues),
            cues,
            keep_zones: self.keep_zones,
            style: self.style,
        })
    }
}

/// The error message for a document whose tagging panicked, from the panic's payload.
///
/// Front ends (the CLI, the Python package) catch a panic per document so that a bug in one
/// stage costs that document, not the run; this is the one message they all give for it.
///
/// ```
/// let payload = std::panic::catch_unwind(|| panic!("index out of bounds")).unwrap_err();
/// assert_eq!(
///     indotag::panic_message(payload.as_ref()),
///     "internal error while tagging (please report this document): index out of bounds"
/// );
/// ```
pub fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    let what = payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_default();
    format!("internal error while tagging (please report this document): {what}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tagger_is_send_and_sync() {
        fn check<T: Send + Sync>() {}
        check::<Tagger>();
    }

    #[test]
    fn zone_lookup_finds_containing_zone() {
        let zones = [
            Zone {
                span: Span::new(0, 5),
                kind: ZoneKind::Title,
            },
            Zone {
                span: Span::new(5, 20),
                kind: ZoneKind::Body,
            },
        ];
        assert_eq!(zone_at(&zones, Span::new(0, 3)), Some(ZoneKind::Title));
        assert_eq!(zone_at(&zones, Span::new(5, 9)), Some(ZoneKind::Body));
        assert_eq!(zone_at(&zones, Span::new(19, 20)), Some(ZoneKind::Body));
        assert_eq!(zone_at(&zones, Span::new(20, 21)), None);
    }
}
