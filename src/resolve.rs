//! Stage 6, resolve: short forms and acronyms tied to the full mention elsewhere in the document.
//!
//! Two kinds of links, both giving `source: alias` mentions with the full form's id, canonical,
//! label and kind:
//!
//! - **Acronyms defined in parentheses**: `Komisi Pemberantasan Korupsi (KPK)`. The acronym, and
//!   every later occurrence of it, takes the entity just before the parenthesis. When no entity
//!   stands there but the capitalised words before it have the acronym's letters as initials
//!   (`Badan Gizi Nasional (BGN)`), both become a new ORG pattern entity.
//! - **Short names of people**: one or two capitalised words equal to the first or last word(s)
//!   of a person with two or more words found elsewhere (`Peskov` for `Dmitry Peskov`, `Hanif`
//!   for `M. Hanif Dhakiri`, `Sri Mulyani` for `Sri Mulyani Indrawati`), or a repetition of the
//!   whole name. The nearest *preceding* full mention wins (two Kims: the last one before).
//!   A short form that comes before any full mention (common in headlines and leads) is linked
//!   to a later full mention only when exactly one person in the document has that short form;
//!   otherwise it stays untagged.
//!
//! Short forms must be capitalised, not stop-words or words usually written in lower case, and
//! not inside another entity. The result stays sorted by start and non-overlapping.

use std::borrow::Cow;
use std::sync::Arc;

use crate::entity::{
    cover_tokens, lexicon, pattern_entity, sorted_disjoint, token_info, FxMap, TokInfo, T_ALLCAPS,
    T_CAP, T_INITIAL, T_NL_BEFORE, T_WORD, W_ACR_HEAD, W_HEAD, W_LOOSE, W_PARTICLE, W_STOP,
    W_STRICT, W_TITLE,
};
use crate::span::{Entity, Label, Source, Span, Token};

mod full_names;
mod nicknames;

/// Longest acronym accepted, in characters.
const MAX_ACRONYM: usize = 12;
/// Shortest acronym written like a word (`Tagana`): shorter ones (`Al`, `Roy`) are nicknames.
const MIN_SYLLABIC_ACRONYM: usize = 4;
/// Most words a word-like acronym spells (`Forum Masyarakat Peduli Parlemen Indonesia`).
const MAX_SYLLABIC_WORDS: usize = 8;

/// Links later short mentions ("Peskov") and defined acronyms to earlier full mentions, adding
/// `source: alias` entities. Keeps `entities` sorted and non-overlapping.
///
/// ```
/// use indotag::{resolve, tokenize, Entity, Label, Source, Span};
/// let text = "Dmitry Peskov menolak. Peskov lalu pergi.";
/// let tokens = tokenize::tokenize(text);
/// let mut ents = vec![Entity {
///     span: Span::new(0, 13), label: Label::Person, id: "dmitry-peskov".into(),
///     canonical: "Dmitry Peskov".into(), kind: "person".into(), source: Source::Gazetteer, zone: None,
/// }];
/// resolve::resolve(text, &tokens, &mut ents);
/// assert_eq!(ents.len(), 2);
/// assert_eq!(ents[1].span.as_str(text), "Peskov");
/// assert_eq!((ents[1].source, &*ents[1].id), (Source::Alias, "dmitry-peskov"));
/// ```
pub fn resolve(text: &str, tokens: &[Token], entities: &mut Vec<Entity>) {
    if tokens.is_empty() {
        return;
    }
    resolve_with(
        text,
        tokens,
        entities,
        token_info(text, tokens, false, &[], &[]),
    );
}

/// [`resolve`] with the per-token facts already computed (by [`crate::entity::find_info`]):
/// only their shape bits (`T_*` other than the headline mark) are read here.
pub(crate) fn resolve_with(
    text: &str,
    tokens: &[Token],
    entities: &mut Vec<Entity>,
    mut info: Vec<TokInfo>,
) {
    if tokens.is_empty() {
        return;
    }
    if info.len() != tokens.len() {
        info = token_info(text, tokens, false, &[], &[]);
    }
    if !sorted_disjoint(entities) {
        normalise(entities);
    }
    let mut r = Resolver {
        text,
        tokens,
        info,
        cover: Vec::new(),
    };
    r.recover(entities);
    // (no acronym defined: the entities, and so the cover, are unchanged)
    if r.acronyms(entities) {
        r.recover(entities);
    }
    if r.nicknames(entities) {
        normalise(entities);
        r.recover(entities);
    }
    r.short_names(entities);
}

struct Resolver<'a> {
    text: &'a str,
    tokens: &'a [Token],
    info: Vec<TokInfo>,
    /// Index + 1 of the entity covering each token, 0 = none.
    cover: Vec<u32>,
}

/// Copies `full`'s identity onto a new alias mention at `span`.
fn alias_of(full: &Entity, span: Span) -> Entity {
    Entity {
        span,
        label: full.label,
        id: Arc::clone(&full.id),
        canonical: Arc::clone(&full.canonical),
        kind: Arc::clone(&full.kind),
        source: Source::Alias,
        zone: None,
    }
}

/// `w` ends an English organisation's name (`data/acronym_tails.txt`).
fn acronym_tail(w: &str) -> bool {
    static TAILS: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    TAILS
        .get_or_init(|| crate::entity::word_list(include_str!("../data/acronym_tails.txt")))
        .contains(&w)
}

/// The last of `cands` (entity indices in text order) that ends at or before `pos`. Entities are
/// sorted and do not overlap, so their ends increase with the index: a binary search.
fn nearest_before(entities: &[Entity], cands: &[usize], pos: usize) -> Option<usize> {
    let k = cands.partition_point(|&ei| entities[ei].span.end <= pos);
    k.checked_sub(1).map(|k| cands[k])
}

/// A word that may stand inside a word-like acronym's full form without opening it.
fn syllabic_connector(w: &str) -> bool {
    matches!(w, "dan" | "untuk" | "dari" | "&")
}

/// `acr` (lower case) is made of a prefix of each word of `words` in order, the first word
/// giving at least one letter and the others none or more (`gaikindo`: `Ga`bungan `I`ndustri
/// `K`endaraan Bermotor `Indo`nesia).
fn spells(words: &[&str], acr: &str) -> bool {
    fn go(words: &[&str], acr: &[u8], first: bool) -> bool {
        let Some((w, rest)) = words.split_first() else {
            return acr.is_empty();
        };
        let w = w.as_bytes();
        if !first && go(rest, acr, false) {
            return true;
        }
        (1..=w.len().min(acr.len()))
            .take_while(|&n| w[n - 1].eq_ignore_ascii_case(&acr[n - 1]))
            .any(|n| go(rest, &acr[n..], false))
    }
    go(words, acr.as_bytes(), true)
}

/// `acr` can abbreviate `long`: its letters appear in order in `long`, the first one first
/// (`KPK` in `Komisi Pemberantasan Korupsi`, `AS` in `Amerika Serikat`; not `ANTARA` after
/// `Makassar`).
fn abbreviates(long: &str, acr: &str) -> bool {
    let mut letters = long
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase);
    let mut want = acr
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase);
    let (Some(first), Some(a0)) = (letters.next(), want.next()) else {
        return false;
    };
    first == a0 && want.all(|w| letters.any(|l| l == w))
}

/// Sorts by start and drops any entity overlapping an earlier (or longer, same-start) one.
fn normalise(entities: &mut Vec<Entity>) {
    entities.sort_by_key(|e| (e.span.start, std::cmp::Reverse(e.span.end)));
    entities.dedup_by(|later, earlier| later.span.overlaps(earlier.span));
}

/// A set of spans answering "does any of them overlap / contain this span?" in O(log n): sorted
/// by start, with the largest end so far, so a document with thousands of them stays linear.
struct Intervals {
    starts: Vec<usize>,
    /// `max_end[k]`: the largest end among the first `k + 1` spans by start.
    max_end: Vec<usize>,
}

impl Intervals {
    fn new(spans: impl Iterator<Item = Span>) -> Intervals {
        let mut v: Vec<Span> = spans.collect();
        v.sort_unstable_by_key(|s| s.start);
        let mut end = 0;
        let max_end = v
            .iter()
            .map(|s| {
                end = end.max(s.end);
                end
            })
            .collect();
        Intervals {
            starts: v.iter().map(|s| s.start).collect(),
            max_end,
        }
    }

    /// The largest end among the spans whose start passes `pred`, if any.
    fn max_end_while(&self, pred: impl Fn(usize) -> bool) -> Option<usize> {
        let k = self.starts.partition_point(|&s| pred(s));
        k.checked_sub(1).map(|k| self.max_end[k])
    }

    /// True when some span shares a byte with `span`.
    fn overlaps(&self, span: Span) -> bool {
        self.max_end_while(|s| s < span.end)
            .is_some_and(|e| span.start < e)
    }

    /// True when some span contains `span`.
    fn contains(&self, span: Span) -> bool {
        self.max_end_while(|s| s <= span.start)
            .is_some_and(|e| span.end <= e)
    }
}

impl Resolver<'_> {
    fn s(&self, i: usize) -> &str {
        self.tokens[i].span.as_str(self.text)
    }

    /// Token `i` is the one ASCII character `c`: [`Resolver::s`]` == c`, from the token's length
    /// and first byte (the scan for `(ACR)` asks it of every token; a string comparison cost
    /// five times as much).
    fn is_char(&self, i: usize, c: u8) -> bool {
        let span = self.tokens[i].span;
        span.len() == 1 && self.text.as_bytes().get(span.start) == Some(&c)
    }

    /// Lexicon flags of token `i` (looked up on demand: few tokens need them here).
    fn wflags(&self, i: usize) -> u16 {
        // `String::new` does not allocate: only words that are not short ASCII use it
        lexicon().flags_of(self.s(i), &mut String::new())
    }

    /// The words `idx` (token indices) joined by single spaces: a slice of the text when they
    /// are consecutive tokens one space apart (nearly always), so no allocation.
    fn joined(&self, idx: &[usize]) -> Cow<'_, str> {
        let (Some(&a), Some(&b)) = (idx.first(), idx.last()) else {
            return Cow::Borrowed("");
        };
        let bytes = self.text.as_bytes();
        let plain = idx.windows(2).all(|w| {
            w[1] == w[0] + 1
                && &bytes[self.tokens[w[0]].span.end..self.tokens[w[1]].span.start] == b" "
        });
        if plain {
            Cow::Borrowed(&self.text[self.tokens[a].span.start..self.tokens[b].span.end])
        } else {
            let w: Vec<&str> = idx.iter().map(|&i| self.s(i)).collect();
            Cow::Owned(w.join(" "))
        }
    }

    /// Fills `cover` (see [`cover_tokens`]).
    fn recover(&mut self, entities: &[Entity]) {
        cover_tokens(self.tokens, entities, &mut self.cover);
    }

    /// First token index at or after byte `pos`.
    fn tok_at(&self, pos: usize) -> usize {
        self.tokens.partition_point(|t| t.span.start < pos)
    }

    /// `(ACR)` after a full form: links the acronym, and its later uses, to the full form.
    /// Returns whether it changed `entities`.
    fn acronyms(&self, entities: &mut Vec<Entity>) -> bool {
        let defs = self.acronym_definitions(entities);
        if defs.defined.is_empty() {
            return false;
        }
        let uses = self.acronym_uses(&defs, entities);
        // a word-like acronym taken for a person's name (`Formappi juga menyebut`) is the body
        let mut replaced = defs.replaced.clone();
        replaced.extend(uses.iter().filter_map(|u| {
            let i = self.tok_at(u.span.start);
            (self.cover[i] != 0).then(|| self.cover[i] as usize - 1)
        }));
        remove_indices(entities, &replaced);
        // new entities must not overlap what is there; pattern full forms drop what they contain
        let patterns = Intervals::new(
            defs.added
                .iter()
                .filter(|a| a.source == Source::Pattern)
                .map(|a| a.span),
        );
        entities.retain(|e| !patterns.contains(e.span));
        entities.extend(defs.added);
        entities.extend(uses);
        normalise(entities);
        true
    }

    /// Every `Full Form (ACR)` in text order: which full form each acronym stands for, the
    /// entities that adds (aliases at the acronym, new ORG full forms) and the entities it
    /// replaces (a gazetteer's other reading of the acronym).
    fn acronym_definitions(&self, entities: &[Entity]) -> Definitions<'_> {
        let n = self.tokens.len();
        let mut d = Definitions {
            defined: Vec::new(),
            added: Vec::new(),
            replaced: Vec::new(),
        };
        for i in 1..n.saturating_sub(2) {
            if !self.is_char(i, b'(') || !self.is_char(i + 2, b')') {
                continue;
            }
            let acr = self.s(i + 1);
            if acr.chars().count() > MAX_ACRONYM {
                continue;
            }
            let full = if self.info[i + 1].t & T_ALLCAPS != 0 {
                self.full_form(i, acr, entities, &mut d.added)
            } else {
                self.syllabic_full_form(i, acr, entities, &mut d.added)
            };
            let Some(full) = full else {
                continue;
            };
            let acr_span = self.tokens[i + 1].span;
            match self.cover[i + 1] {
                0 => d.added.push(alias_of(&full, acr_span)),
                k => {
                    // the definition in the text beats the gazetteer's reading of the acronym
                    let old = &entities[k as usize - 1];
                    if old.id != full.id && old.span == acr_span {
                        d.replaced.push(k as usize - 1);
                        d.added.push(alias_of(&full, acr_span));
                    } else if old.span != acr_span {
                        continue;
                    }
                }
            }
            d.defined.push((acr, full));
        }
        d
    }

    /// The full form that the acronym `acr` in parentheses (`(` at token `paren`) defines: the
    /// entity ending right before the `(` when the acronym abbreviates it (`Komisi
    /// Pemberantasan Korupsi (KPK)`), or, when no entity stands there, the capitalised words
    /// before it with the acronym's initials, opened by an organisation's head word (`Badan Gizi
    /// Nasional (BGN)`): a new ORG pattern entity, also pushed on `added`.
    fn full_form(
        &self,
        paren: usize,
        acr: &str,
        entities: &[Entity],
        added: &mut Vec<Entity>,
    ) -> Option<Entity> {
        let i = paren;
        let full = match self.cover[i - 1] {
            0 => None,
            k => Some(&entities[k as usize - 1]),
        };
        match full {
            // `Warga Negara Indonesia (WNI)`: the acronym spells a longer phrase than the
            // entity at its end, so it names that phrase (a demonym-like noun), not the entity
            Some(e)
                if self
                    .initials_match(i, acr, true)
                    .is_some_and(|a| self.tokens[a].span.start < e.span.start) =>
            {
                None
            }
            // `Makassar (ANTARA)`: a dateline's outlet, not the city's acronym
            Some(e)
                if e.span.end == self.tokens[i - 1].span.end
                    && abbreviates(e.span.as_str(self.text), acr) =>
            {
                Some(e.clone())
            }
            Some(_) => None,
            // only an organisation's or place's name defines an acronym: not a permit, law,
            // status or programme (`Surat Izin Mengemudi (SIM)`, `Warga Negara Asing (WNA)`)
            None => {
                // (or an English one its last word closes: `European Free Trade Association
                // (EFTA)`)
                let a = self.initials_match(i, acr, false).filter(|&a| {
                    self.wflags(a) & (W_HEAD | W_ACR_HEAD) != 0 || acronym_tail(self.s(i - 1))
                })?;
                Some(self.new_full_form(a, i, added))
            }
        }
    }

    /// Later uses of each defined acronym, as aliases of the nearest full form before them
    /// (`KPK` alone, after `Komisi Pemberantasan Korupsi (KPK)`), where nothing else stands.
    fn acronym_uses(&self, defs: &Definitions<'_>, entities: &[Entity]) -> Vec<Entity> {
        // The definitions of one acronym come in text order and each full form ends at the token
        // before its `(`, so their ends increase: the nearest full form ending before a use is
        // found by binary search, not by a scan of all definitions.
        let mut by_acr: FxMap<&str, Vec<&Entity>> = FxMap::default();
        for (a, full) in &defs.defined {
            by_acr.entry(a).or_default().push(full);
        }
        // What the definitions added, for the overlap test of each later use.
        let taken = Intervals::new(defs.added.iter().map(|e| e.span));
        let first_def = self
            .tokens
            .partition_point(|t| t.span.start < defs.added.first().map_or(0, |e| e.span.start));
        let mut uses: Vec<Entity> = Vec::new();
        for i in first_def..self.tokens.len() {
            // (an acronym, or a word-like one that only a name pattern took for a person)
            let person = |k: u32| {
                let e = &entities[k as usize - 1];
                e.label == Label::Person
                    && e.source != Source::Gazetteer
                    && e.span == self.tokens[i].span
            };
            let free = match self.cover[i] {
                0 => self.info[i].t & (T_ALLCAPS | T_CAP) != 0,
                k => self.info[i].t & T_ALLCAPS == 0 && person(k),
            };
            if !free {
                continue;
            }
            let span = self.tokens[i].span;
            let Some(fulls) = by_acr.get(self.s(i)) else {
                continue;
            };
            let k = fulls.partition_point(|f| f.span.end < span.start);
            let Some(full) = k.checked_sub(1).map(|k| fulls[k]) else {
                continue;
            };
            // uses are single tokens in text order: only the previous one can overlap this one
            if !taken.overlaps(span) && !uses.last().is_some_and(|e| e.span.overlaps(span)) {
                uses.push(alias_of(full, span));
            }
        }
        uses
    }

    /// `Gabungan Industri Kendaraan Bermotor Indonesia (Gaikindo)`, `Forum Masyarakat Peduli
    /// Parlemen Indonesia (Formappi)`: an acronym written like a word, made of the opening
    /// letters of the words of the capitalised run before `(` at `paren` ([`spells`]), opened
    /// by an organisation's or place's head word.
    /// A new ORG pattern entity over the run (what it contains gives way), also pushed on
    /// `added`. Nicknames in parentheses (`Joko Widodo (Jokowi)`) have no head word.
    fn syllabic_full_form(
        &self,
        paren: usize,
        acr: &str,
        entities: &[Entity],
        added: &mut Vec<Entity>,
    ) -> Option<Entity> {
        let t = self.info[paren + 1].t;
        if t & T_CAP == 0
            || acr.len() < MIN_SYLLABIC_ACRONYM
            || !acr.bytes().all(|c| c.is_ascii_alphabetic())
        {
            return None;
        }
        let a = self.syllables_match(paren, &acr.to_ascii_lowercase())?;
        if self.wflags(a) & (W_HEAD | W_ACR_HEAD) == 0 {
            return None;
        }
        let span = Span::new(self.tokens[a].span.start, self.tokens[paren - 1].span.end);
        // a place or body found already: the acronym is its (`Kepulauan Riau (Kepri)`,
        // `Monumen Nasional (Monas)`); a place inside a longer run keeps the run a place's
        match self.cover[a] {
            0 => {}
            k => {
                let e = &entities[k as usize - 1];
                if e.span == span {
                    return Some(e.clone());
                }
                if matches!(e.label, Label::Gpe | Label::Loc) {
                    return None;
                }
            }
        }
        Some(self.new_full_form(a, paren, added))
    }

    /// A new ORG pattern entity over the tokens `a..paren` (an acronym's full form), also
    /// pushed on `added`.
    fn new_full_form(&self, a: usize, paren: usize, added: &mut Vec<Entity>) -> Entity {
        let span = Span::new(self.tokens[a].span.start, self.tokens[paren - 1].span.end);
        let e = pattern_entity(self.text, span, Label::Org, "organisation");
        added.push(e.clone());
        e
    }

    /// The first token of the shortest run of capitalised words (and connectors) ending before
    /// `paren` that spells
    /// `acr` (lower case) from its first letter; at most [`MAX_SYLLABIC_WORDS`] words.
    fn syllables_match(&self, paren: usize, acr: &str) -> Option<usize> {
        let mut words: Vec<usize> = Vec::new();
        let mut k = paren;
        while k > 0 && words.len() < MAX_SYLLABIC_WORDS {
            let i = k - 1;
            let ti = self.info[i];
            if !syllabic_connector(self.s(i)) && (ti.t & T_CAP == 0 || ti.t & T_WORD == 0) {
                break;
            }
            words.push(i);
            if ti.t & T_NL_BEFORE != 0 {
                break;
            }
            k = i;
        }
        words.reverse();
        let texts: Vec<&str> = words.iter().map(|&w| self.s(w)).collect();
        // the shortest run that spells it: `Presiden Joko Widodo (Jokowi)` is `Joko Widodo`,
        // which no head word opens
        (0..words.len())
            .rev()
            .find(|&from| !syllabic_connector(texts[from]) && spells(&texts[from..], acr))
            .map(|from| words[from])
    }

    /// The capitalised words before `(` at `paren` whose initials spell `acr` (connectors like
    /// `dan` skipped); returns the first token of the full form. `through_entities` lets the
    /// words be inside entities.
    fn initials_match(&self, paren: usize, acr: &str, through_entities: bool) -> Option<usize> {
        let letters: Vec<char> = acr.chars().filter(|c| c.is_alphabetic()).collect();
        if letters.len() < 2 || letters.len() != acr.chars().count() {
            return None;
        }
        let mut want = letters.len();
        let mut k = paren;
        while k > 0 && want > 0 {
            let i = k - 1;
            let s = self.s(i);
            let ti = self.info[i];
            if matches!(
                s,
                "dan" | "untuk" | "dari" | "of" | "and" | "for" | "the" | "&"
            ) {
                k = i;
                continue;
            }
            if ti.t & T_CAP == 0
                || (self.cover[i] != 0 && !through_entities)
                || ti.t & T_NL_BEFORE != 0 && want > 1
            {
                return None;
            }
            let first = s.chars().next()?;
            if !first
                .to_uppercase()
                .eq(std::iter::once(letters[want - 1].to_ascii_uppercase()))
            {
                return None;
            }
            want -= 1;
            k = i;
        }
        (want == 0).then_some(k)
    }

    /// Short names and repeated full names of people.
    fn short_names(&mut self, entities: &mut Vec<Entity>) {
        if self.complete_one_word_names(entities) {
            normalise(entities);
            self.recover(entities);
        }
        let keys = self.person_keys(entities);
        if keys.is_empty() {
            return;
        }
        let names = NameKeys::new(&keys);
        self.relink_pattern_names(entities, &names);
        let added = self.short_forms(entities, &names);
        entities.extend(added);
        normalise(entities);
    }

    /// The keys a person can be named by, each with the entity's index. For a person of two or
    /// more name words: the whole name, its first and its last word, and for three or more the
    /// first two and the last two (`Sri Mulyani` of `Sri Mulyani Indrawati`). A one-word name
    /// found by a pattern (`kata Sutrisno`) is its own key: that person everywhere.
    fn person_keys(&self, entities: &[Entity]) -> Vec<(Cow<'_, str>, usize)> {
        // (at most five keys a person: sized once rather than grown)
        let persons = entities.iter().filter(|e| e.label == Label::Person).count();
        let mut keys: Vec<(Cow<'_, str>, usize)> = Vec::with_capacity(5 * persons);
        let mut words: Vec<usize> = Vec::new();
        for (ei, e) in entities.iter().enumerate() {
            if e.label != Label::Person {
                continue;
            }
            self.name_words(e.span, &mut words);
            if words.len() < 2 {
                // (a pattern name, or a nickname the text states: `alias Ahok`)
                if words.len() == 1
                    && matches!(e.source, Source::Pattern | Source::Alias)
                    && self.wflags(words[0]) & (W_HEAD | W_ACR_HEAD | W_LOOSE) == 0
                    && !crate::entity::camel(self.s(words[0]))
                {
                    keys.push((Cow::Borrowed(self.s(words[0])), ei));
                }
                continue;
            }
            let m = words.len();
            // (a hyphenated family name is one key: `Kosiniak-Kamysz`)
            let s = e.span.as_str(self.text);
            if let Some(last) = s.rsplit(' ').next().filter(|w| w.contains('-')) {
                keys.push((Cow::Borrowed(last), ei));
            }
            keys.push((self.joined(&words), ei));
            keys.push((Cow::Borrowed(self.s(words[0])), ei));
            keys.push((Cow::Borrowed(self.s(words[m - 1])), ei));
            if m >= 3 {
                keys.push((self.joined(&words[..2]), ei));
                keys.push((self.joined(&words[m - 2..]), ei));
            }
        }
        keys
    }

    /// The name words (token indices) of the person at `span`: its words, not its initials
    /// (`M.`) nor its particles (`bin`, `van`).
    fn name_words(&self, span: Span, words: &mut Vec<usize>) {
        words.clear();
        let mut b = self.tok_at(span.start);
        while b < self.tokens.len() && self.tokens[b].span.end <= span.end {
            let ti = self.info[b];
            // lower-case words were not looked up (see `token_info`): ask for particles here
            let particle = ti.t & T_CAP == 0 && lexicon().flags(self.s(b)) & W_PARTICLE != 0;
            // (nor a Balinese name's marker, `I` of `I Made Wirawan`: a key `I` would make
            // every English `I` that person)
            let marker = words.is_empty() && matches!(self.s(b), "I" | "Ni");
            if ti.t & T_WORD != 0 && ti.t & T_INITIAL == 0 && !particle && !marker {
                words.push(b);
            }
            b += 1;
        }
    }

    /// Short pattern names (`kata Prasetyo`, found by the entity rules) that are the first or
    /// last word(s) of a longer person become that person: the nearest one before, or the only
    /// person of that key when all of them come after. So does a one-word gazetteer alias
    /// (`Munir`, known as Munir Said Thalib) when the article names someone else in full with
    /// that word (`Anggota DPRD Munir Abdul Haris … pungkas Munir`): the article's own person
    /// beats the famous namesake.
    fn relink_pattern_names(&self, entities: &mut [Entity], names: &NameKeys<'_>) {
        let mut longer_cache: FxMap<&str, (Vec<usize>, bool)> = FxMap::default();
        // where each short name is first written (entities are in text order)
        let mut first_seen: FxMap<&str, usize> = FxMap::default();
        for pi in 0..entities.len() {
            let e = &entities[pi];
            let alias = e.source == Source::Gazetteer
                && !e.span.as_str(self.text).contains(char::is_whitespace)
                && *e.canonical != *e.span.as_str(self.text);
            if e.label != Label::Person || e.source != Source::Pattern && !alias {
                continue;
            }
            let s = e.span.as_str(self.text);
            let Some((key, cands)) = names.get(s) else {
                continue;
            };
            let first = *first_seen.entry(key).or_insert(e.span.start);
            // the candidates longer than this name (so never itself), and whether they all
            // name one person; computed once per key
            let (longer, one_person) = longer_cache.entry(key).or_insert_with(|| {
                let v: Vec<usize> = cands
                    .iter()
                    .copied()
                    .filter(|&ei| entities[ei].span.len() > key.len())
                    .collect();
                let same = v
                    .iter()
                    .all(|&ei| entities[ei].canonical == entities[v[0]].canonical);
                (v, same)
            });
            let chosen = match nearest_before(entities, longer, e.span.start) {
                Some(ei) => Some(ei),
                // No longer candidate before this name, so all come after it and are not yet
                // rewritten by this loop: `one_person`, computed from them, still holds.
                None => longer.first().copied().filter(|_| *one_person),
            };
            // (no longer name with this word: maybe one with a variant of it, `Peny`)
            let chosen = chosen.or_else(|| {
                (!alias && longer.is_empty())
                    .then(|| names.variant(s, first, entities, self.text))
                    .flatten()
            });
            if let Some(ei) = chosen.filter(|&ei| !alias || self.namesake(entities, ei, pi)) {
                let span = e.span;
                entities[pi] = alias_of(&entities[ei], span);
            }
        }
    }

    /// The article's person `ei` is another person than the famous one the gazetteer alias
    /// `pi` stands for: found by a pattern (or another famous person the gazetteer knows), a
    /// clean name (no glued word: `NTBMomen Bahlil`),
    /// no other word spelt like a word of the famous name (`Bahlil Ladahalia`, `M. Misbakhun`
    /// are spellings of the famous one), and the famous one not named in full in the article
    /// (then `Prabowo` alone is still the president, not `Didit Prabowo`).
    fn namesake(&self, entities: &[Entity], ei: usize, pi: usize) -> bool {
        let (mine, famous) = (&entities[ei], &entities[pi]);
        let key = famous.span.as_str(self.text);
        let text = mine.span.as_str(self.text);
        // two words are one spelling: an initial of the other, one the other's end (`Pep`,
        // `Josep`), or at most two edits apart (`Ladahalia`, `Mukhamad`)
        let alike = |a: &str, b: &str| {
            let (a, b) = (a.trim_end_matches('.').to_lowercase(), b.to_lowercase());
            if a.chars().count() <= 2 {
                return b.starts_with(&a);
            }
            a.ends_with(&b) || b.ends_with(&a) || edit_distance(&a, &b) <= 2
        };
        let other = |w: &&str| *w != key;
        // (a famous person the gazetteer knows, named in full before the short form, is the
        // article's own too: `James Cameron … kata Cameron` is not David Cameron; named only
        // after it, as `adiknya, Alex Marquez`, it is someone else than the one talked about)
        // (and only when the famous one was not talked about before it: `Presiden Trump …
        // Ivanka Trump … Trump mengatakan` is still Donald Trump)
        let own = mine.source == Source::Pattern
            || mine.source == Source::Gazetteer
                && mine.canonical != famous.canonical
                && mine.span.end <= famous.span.start
                && !entities
                    .iter()
                    .any(|x| x.canonical == famous.canonical && x.span.start < mine.span.start);
        own && text.split(' ').all(|w| !crate::entity::camel(w))
            && !text.split(' ').filter(other).any(|w| {
                famous
                    .canonical
                    .split(' ')
                    .filter(other)
                    .any(|c| alike(w, c))
            })
            && !entities.iter().any(|x| {
                x.label == Label::Person
                    && x.canonical == famous.canonical
                    && x.span.as_str(self.text).contains(char::is_whitespace)
            })
    }

    /// Short forms in the text outside entities (`Peskov` after `Dmitry Peskov`), as aliases of
    /// the person [`Resolver::short_form_at`] links them to.
    fn short_forms(&self, entities: &[Entity], names: &NameKeys<'_>) -> Vec<Entity> {
        let mut added = Vec::new();
        let mut buf = String::new();
        // key -> whether all its candidates name one person (asked only of short forms that come
        // before every full mention; computed once per key)
        let mut one_person: FxMap<&str, bool> = FxMap::default();
        let n = self.tokens.len();
        let mut i = 0;
        while i < n {
            let ti = self.info[i];
            if self.cover[i] != 0
                || ti.t & T_CAP == 0
                || ti.t & (T_ALLCAPS | T_INITIAL) != 0
                || !names.firsts.contains_key(self.s(i))
                || self.wflags(i) & (W_STOP | W_STRICT | W_TITLE) != 0
            {
                i += 1;
                continue;
            }
            let hit = self.short_form_at(i, entities, names, &mut one_person, &mut buf);
            if let Some((len, ei)) = hit {
                let span = Span::new(self.tokens[i].span.start, self.tokens[i + len - 1].span.end);
                added.push(alias_of(&entities[ei], span));
                i += len;
            } else {
                i += 1;
            }
        }
        added
    }

    /// The longest key (up to 4 words) starting at token `i`, and the person it names: the
    /// nearest full mention before it, or, before every full mention, the only person with that
    /// key. `None` when no key starts there, when the next word continues the name (`Kim` in
    /// `Kim Yo Jong`) or when the key is ambiguous.
    fn short_form_at<'k>(
        &self,
        i: usize,
        entities: &[Entity],
        names: &NameKeys<'k>,
        one_person: &mut FxMap<&'k str, bool>,
        buf: &mut String,
    ) -> Option<(usize, usize)> {
        let n = self.tokens.len();
        let pos = self.tokens[i].span.start;
        for len in (1..=4).rev() {
            if i + len > n
                || (i + 1..i + len).any(|k| self.cover[k] != 0 || self.info[k].t & T_NL_BEFORE != 0)
            {
                continue;
            }
            buf.clear();
            for k in i..i + len {
                if k > i {
                    buf.push(' ');
                }
                buf.push_str(self.s(k));
            }
            let Some((key, cands)) = names.get(buf.as_str()) else {
                continue;
            };
            if self.continues_name(i + len) {
                return None;
            }
            let chosen = match nearest_before(entities, cands, pos) {
                Some(ei) => Some(ei),
                None => {
                    let first = &entities[cands[0]].canonical;
                    let one = *one_person.entry(key).or_insert_with(|| {
                        cands.iter().all(|&ei| &entities[ei].canonical == first)
                    });
                    one.then_some(cands[0])
                }
            };
            return chosen.map(|ei| (len, ei));
        }
        None
    }

    /// Token `j` continues a name: a capitalised word outside entities on the same line, no
    /// stop-word, title or word usually written in lower case, not in capitals.
    fn continues_name(&self, j: usize) -> bool {
        j < self.tokens.len()
            && self.info[j].t & T_CAP != 0
            && self.cover[j] == 0
            && self.info[j].t & T_NL_BEFORE == 0
            && self.wflags(j) & (W_STOP | W_STRICT | W_TITLE) == 0
            && self.info[j].t & T_ALLCAPS == 0
    }
}

/// What the acronyms defined in parentheses give (see [`Resolver::acronym_definitions`]).
struct Definitions<'a> {
    /// Each acronym and its full form, in text order.
    defined: Vec<(&'a str, Entity)>,
    /// Aliases at the definitions and new pattern full forms.
    added: Vec<Entity>,
    /// Indices of entities an alias replaces.
    replaced: Vec<usize>,
}

/// Shortest one-word name taken as a misspelling of a name one changed letter away (shorter
/// ones are names of their own: `Mita`, `Mira`; `Dedi`, `Dodi`).
const MIN_CHANGED_LETTER_NAME: usize = 6;

/// `tail`, left over when a name is clipped, is a word of its own glued on by the page
/// (`rupanya` of `Ronaldorupanya`), not the rest of a name.
fn glued_word(tail: &str) -> bool {
    crate::entity::glued_tail_words().contains_key(tail)
        || tail.len() >= 5 && lexicon().flags(tail) & W_STRICT != 0
}

/// Fewest letters of a one-word name that a clipped form may stand for (`Filli` of
/// `Filianingsih`): shorter single names are everyday given names (`Budiman`) that a shorter
/// one (`Budi`) may be someone else's.
const MIN_CLIPPED_MONONYM: usize = 8;

/// Most letters a clipped name leaves off its word (`Zuck` of `Zuckerberg`).
const MAX_CLIPPED: usize = 7;

/// Endings that make a name the child's of the name before them (`Soekarnoputri`,
/// `Eriksen`): such a word clipped is the parent's name, not a short form.
const PATRONYMIC_ENDINGS: &[&str] = &[
    "putra", "putri", "putro", "putera", "puteri", "poetra", "poetri", "sen", "son", "sson",
    "ssen", "s", "ez", "es", "ovich", "ovic", "ević", "ic", "ov", "ova", "ev", "eva",
];

/// Two words of one length that differ in one letter, and that letter is one Indonesian
/// spellings of a name swap (`Rizky`/`Rizki`, `Helmi`/`Helmy`, `Rifqi`/`Rifki`, `Zein`/`Zain`).
///
/// ```text
/// spelling_variant("rizky", "rizki") == true;  spelling_variant("mita", "mira") == false
/// ```
fn spelling_variant(a: &str, b: &str) -> bool {
    // (and a typographic apostrophe or a letter written without its mark: `As’ad`, `Store`)
    const PAIRS: [(char, char); 7] = [
        ('i', 'y'),
        ('k', 'q'),
        ('f', 'v'),
        ('e', 'a'),
        ('\u{2019}', '\''),
        ('ø', 'o'),
        ('é', 'e'),
    ];
    let mut diff = a.chars().zip(b.chars()).filter(|(x, y)| x != y);
    match (diff.next(), diff.next()) {
        (Some((x, y)), None) => PAIRS
            .iter()
            .any(|&(p, q)| (x, y) == (p, q) || (x, y) == (q, p)),
        _ => false,
    }
}

/// Levenshtein distance of two short words, in characters (names: a few dozen at most).
pub(crate) fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diag = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let next = (diag + usize::from(ca != cb))
                .min(row[j] + 1)
                .min(row[j + 1] + 1);
            diag = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()]
}

/// Removes the entities at `indices` (any order).
fn remove_indices(entities: &mut Vec<Entity>, indices: &[usize]) {
    if indices.is_empty() {
        return;
    }
    let mut drop = vec![false; entities.len()];
    for &k in indices {
        drop[k] = true;
    }
    let mut k = 0;
    entities.retain(|_| {
        k += 1;
        !drop[k - 1]
    });
}

/// The keys of [`Resolver::person_keys`], looked up by the text of a short form.
///
/// The entity indices of all keys share one flat vector (each key maps to its range): a
/// document names dozens of keys, and a vector per key was a heap allocation each.
struct NameKeys<'k> {
    /// key -> its range of `ents`
    map: FxMap<&'k str, (u32, u32)>,
    /// the entity indices of each key, in text order, key after key
    ents: Vec<usize>,
    /// first words of all keys: one cheap check per capitalised token before building keys
    firsts: FxMap<&'k str, ()>,
    /// every word of every key, lower-cased, by its first letter: what [`NameKeys::variant`]
    /// compares a short name with (built on its first call: most documents need none)
    words: std::cell::OnceCell<Vec<KeyWord<'k>>>,
}

/// A word of a key of [`NameKeys`], for [`NameKeys::variant`].
struct KeyWord<'k> {
    /// the word lower-cased
    lower: String,
    /// the word as written
    word: &'k str,
    /// the key is this one word
    one_word: bool,
    /// the key's range of `NameKeys::ents`
    range: (u32, u32),
}

/// Most words of one first letter [`NameKeys::variant`] compares a short name with: a page
/// of thousands of names stays linear; an article names far fewer.
const MAX_VARIANT_WORDS: usize = 256;

impl<'k> NameKeys<'k> {
    fn new(keys: &'k [(Cow<'_, str>, usize)]) -> NameKeys<'k> {
        let mut firsts: FxMap<&str, ()> = FxMap::default();
        firsts.reserve(keys.len());
        for (k, _) in keys {
            firsts.insert(k.split(' ').next().unwrap_or(""), ());
        }
        // (key, entity) pairs sorted: each key's entities together and ascending, as they
        // came (`keys` is in entity order), once each
        let mut pairs: Vec<(&str, usize)> = keys.iter().map(|(k, ei)| (&**k, *ei)).collect();
        pairs.sort_unstable();
        pairs.dedup();
        let mut map: FxMap<&str, (u32, u32)> = FxMap::default();
        map.reserve(pairs.len());
        let mut ents = Vec::with_capacity(pairs.len());
        for group in pairs.chunk_by(|x, y| x.0 == y.0) {
            let start = ents.len() as u32;
            ents.extend(group.iter().map(|&(_, ei)| ei));
            map.insert(group[0].0, (start, ents.len() as u32));
        }
        NameKeys {
            map,
            ents,
            firsts,
            words: std::cell::OnceCell::new(),
        }
    }

    /// The one person of several words that the one-word name `s`, which is no key, is a
    /// variant of: a misspelling one letter off a word of the name (`Peny` for Penny
    /// Kusumastuti Lukito, `Erlida` for Erlinda), or the clipped form of any of its words, as
    /// the people around someone call them (`Enggar` for Enggartiasto Lukita, `Mirza` for
    /// Rahmat Mirzani Djausal, `Budi` for Achmad Budiharto). Reporters write both within one
    /// article; a second person who fits as well makes it no one. A word that only adds a
    /// patronymic ending names the father, not the bearer (`Soekarno` of Megawati
    /// Soekarnoputri, `Erik` of Christian Eriksen).
    ///
    /// A word other than the first counts only for a person named in full before the first
    /// time `s` is (`before`, a byte offset): such a clipped name comes after the full one,
    /// and a person named first by the short word is someone else (`Indra mengaku …` of a
    /// victim, then a police spokesman `Ade Ary Syam Indradi`). A clipped word leaves at most [`MAX_CLIPPED`] letters off: longer tails
    /// are words glued on by the page (`Luxonresignatau`).
    fn variant(&self, s: &str, before: usize, entities: &[Entity], text: &str) -> Option<usize> {
        let s = s.to_lowercase();
        let first = s.chars().next()?;
        if s.chars().count() < 4 || s.contains(' ') {
            return None;
        }
        let words = self.words.get_or_init(|| {
            let mut v: Vec<KeyWord<'k>> = Vec::new();
            for (&key, &range) in &self.map {
                let one_word = !key.contains(' ');
                for word in key.split(' ') {
                    v.push(KeyWord {
                        lower: word.to_lowercase(),
                        word,
                        one_word,
                        range,
                    });
                }
            }
            // (by first letter, then as the map gave them: only the order within a letter is
            // the map's, and the answer does not depend on it)
            v.sort_by_key(|w| w.lower.chars().next());
            v
        });
        let from = words.partition_point(|w| w.lower.chars().next() < Some(first));
        let mut found: Option<usize> = None;
        for kw in words[from..]
            .iter()
            .take_while(|w| w.lower.starts_with(first))
            .take(MAX_VARIANT_WORDS)
        {
            let (k, word, one_word, (a, b)) = (&kw.lower, kw.word, kw.one_word, kw.range);
            // (one letter changed in a short name is another name: `Mita` is no `Mira`,
            // `Rini` no `Rina`; a letter dropped or added is a slip, `Peny` for `Penny`)
            let misspelt = one_word
                && edit_distance(&s, k) == 1
                && (s.chars().count() != k.chars().count()
                    || s.chars().count() >= MIN_CHANGED_LETTER_NAME
                    || spelling_variant(&s, k));
            let short = k.len() >= s.len() + 2
                && k.len() <= s.len() + MAX_CLIPPED
                && k.starts_with(&s)
                && !PATRONYMIC_ENDINGS.contains(&&k[s.len()..])
                && !glued_word(&k[s.len()..]);
            if !(misspelt || short) {
                continue;
            }
            for &ei in &self.ents[a as usize..b as usize] {
                let name = entities[ei].span.as_str(text);
                // (a first word clipped is how the article calls them wherever it
                // stands; any other word only after the full name)
                // (a person of one long name, `Filianingsih`, is clipped too: `Filli`,
                // after the name only)
                let several = name.contains(' ');
                let mononym = !several
                    && name.chars().count() >= MIN_CLIPPED_MONONYM
                    && entities[ei].span.start < before;
                let clipped = several && name.split(' ').next() == Some(word)
                    || (several || mononym && short)
                        && entities[ei].span.start < before
                        && name.split(' ').any(|w| w == word);
                let ok = several && misspelt || clipped;
                if !ok {
                    continue;
                }
                match found {
                    Some(f) if entities[f].canonical != entities[ei].canonical => return None,
                    Some(_) => {}
                    None => found = Some(ei),
                }
            }
        }
        found
    }

    /// The stored key equal to `s`, and the entities it names in text order.
    fn get(&self, s: &str) -> Option<(&'k str, &[usize])> {
        let (&key, &(a, b)) = self.map.get_key_value(s)?;
        Some((key, &self.ents[a as usize..b as usize]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize::tokenize;

    fn person(text: &str, nth: usize, s: &str, id: &str) -> Entity {
        let start = text.match_indices(s).nth(nth).expect("present").0;
        Entity {
            span: Span::new(start, start + s.len()),
            label: Label::Person,
            id: id.into(),
            canonical: s.into(),
            kind: "person".into(),
            source: Source::Gazetteer,
            zone: None,
        }
    }

    fn org(text: &str, s: &str, id: &str, label: Label) -> Entity {
        Entity {
            label,
            kind: "agency".into(),
            ..person(text, 0, s, id)
        }
    }

    fn run(text: &str, mut ents: Vec<Entity>) -> Vec<(String, String, Source)> {
        let tokens = tokenize(text);
        ents.sort_by_key(|e| e.span.start);
        resolve(text, &tokens, &mut ents);
        ents.iter()
            .map(|e| (e.span.as_str(text).to_string(), e.id.to_string(), e.source))
            .collect()
    }

    #[test]
    fn last_and_first_names_link_back() {
        let text = "Pemimpin Kim Jong Un bertemu Yoon Suk Yeol. Kim tersenyum, Yoon tidak.";
        let ents = vec![
            person(text, 0, "Kim Jong Un", "kim"),
            person(text, 0, "Yoon Suk Yeol", "yoon"),
        ];
        let got = run(text, ents);
        assert_eq!(got[2], ("Kim".into(), "kim".into(), Source::Alias));
        assert_eq!(got[3], ("Yoon".into(), "yoon".into(), Source::Alias));
    }

    #[test]
    fn initials_and_two_word_short_forms() {
        let text = "Menteri M. Hanif Dhakiri dan Sri Mulyani Indrawati hadir. Hanif dan Sri Mulyani pulang.";
        let ents = vec![
            person(text, 0, "M. Hanif Dhakiri", "hanif"),
            person(text, 0, "Sri Mulyani Indrawati", "smi"),
        ];
        let got = run(text, ents);
        assert_eq!(got.len(), 4);
        assert_eq!(got[2].0, "Hanif");
        assert_eq!(got[3], ("Sri Mulyani".into(), "smi".into(), Source::Alias));
    }

    #[test]
    fn nearest_preceding_full_mention_wins() {
        let text = "Kim Jong Un datang. Kim Yo Jong juga. Kim lalu bicara.";
        let ents = vec![
            person(text, 0, "Kim Jong Un", "kju"),
            person(text, 0, "Kim Yo Jong", "kyj"),
        ];
        let got = run(text, ents);
        assert_eq!(got[2], ("Kim".into(), "kyj".into(), Source::Alias));
    }

    #[test]
    fn short_form_before_full_mention_only_when_unambiguous() {
        let text = "Peskov menolak. Juru bicara Dmitry Peskov berkata lagi.";
        let got = run(text, vec![person(text, 0, "Dmitry Peskov", "dp")]);
        assert_eq!(got[0], ("Peskov".into(), "dp".into(), Source::Alias));
        let text = "Kim menolak. Kim Jong Un dan Kim Yo Jong datang.";
        let got = run(
            text,
            vec![
                person(text, 0, "Kim Jong Un", "a"),
                person(text, 0, "Kim Yo Jong", "b"),
            ],
        );
        assert_eq!(got.len(), 2);
    }

    #[test]
    fn no_alias_for_lowercase_or_common_words() {
        let text = "Budi Santoso datang. Santoso pulang, santoso tidak. Pada Budi.";
        let got = run(text, vec![person(text, 0, "Budi Santoso", "bs")]);
        let surf: Vec<&str> = got.iter().map(|g| g.0.as_str()).collect();
        assert_eq!(surf, ["Budi Santoso", "Santoso", "Budi"]);
    }

    #[test]
    fn short_pattern_name_becomes_the_full_person() {
        let text = "Kata Tono Prasetyo, analis. Kata Prasetyo lagi.";
        let tokens = tokenize(text);
        let full = pattern_entity(text, Span::new(5, 18), Label::Person, "person");
        let short = pattern_entity(text, Span::new(33, 41), Label::Person, "person");
        let mut ents = vec![full, short];
        resolve(text, &tokens, &mut ents);
        assert_eq!(ents.len(), 2);
        assert_eq!(ents[1].span.as_str(text), "Prasetyo");
        assert_eq!(ents[1].source, Source::Alias);
        assert_eq!(&*ents[1].canonical, "Tono Prasetyo");
    }

    #[test]
    fn acronym_takes_full_form() {
        let text = "Komisi Pemberantasan Korupsi (KPK) memeriksa saksi. KPK lalu menahan dia.";
        let ents = vec![org(
            text,
            "Komisi Pemberantasan Korupsi",
            "kpk-id",
            Label::Org,
        )];
        let got = run(text, ents);
        assert_eq!(got.len(), 3);
        assert_eq!(got[1], ("KPK".into(), "kpk-id".into(), Source::Alias));
        assert_eq!(got[2], ("KPK".into(), "kpk-id".into(), Source::Alias));
    }

    #[test]
    fn acronym_of_a_longer_phrase_is_not_the_inner_entity() {
        let text = "Sebanyak 20 Warga Negara Indonesia (WNI) dipulangkan. WNI itu tiba.";
        let ents = vec![org(text, "Indonesia", "indonesia", Label::Gpe)];
        let got = run(text, ents);
        assert_eq!(got.len(), 1, "{got:?}");
    }

    #[test]
    fn unknown_full_form_with_matching_initials() {
        let text =
            "Program itu dijalankan Badan Gizi Nasional (BGN) tahun ini. BGN menyiapkan dapur.";
        let got = run(text, Vec::new());
        assert_eq!(
            got[0],
            (
                "Badan Gizi Nasional".into(),
                "pattern:badan-gizi-nasional".into(),
                Source::Pattern
            )
        );
        assert_eq!(got[1].1, "pattern:badan-gizi-nasional");
        assert_eq!(got[2].0, "BGN");
        // initials that do not match: nothing
        assert!(run("Mereka datang dari Badan Gizi Nasional (XYZ).", Vec::new()).is_empty());
    }
}
