//! Pass of [`super::Resolver::short_names`]: a one-word name that the entity rules found only
//! next to a speech verb (`kata Wirasena`) is often written in full elsewhere in the document
//! where no rule fires: a lead that opens with `Adalah Gilang Wirasena, …`, an apposition after a
//! lower-case description (`Penyanyi muda, Gilang Wirasena, …`), or a sentence whose subject
//! the name is (`Gilang Wirasena kembali terpilih …`). The capitalised run around the word there
//! is the person's full name, so that run becomes a person and the one-word mentions become
//! aliases of it (linked by the short-name pass that follows).
//!
//! The run is made only of capitalised name words: no title (`Presiden`), no head of an
//! organisation or place (`Universitas`, `Jalan`), no word usually written in lower case
//! (`Adalah` at a sentence start), nothing already inside an entity, on one line. The one-word
//! name must be its first or last word. A run after a word that makes the next capitalised words
//! a place or a work (`di`, `klub`, `film`) or after a head is not a person. When the word stands
//! in two different runs (`Budi Santoso`, `Budi Hartono`), neither is taken.

use rustc_hash::FxHashSet;

use crate::entity::alias_guard::possessor_role;
use crate::entity::FxMap;
use crate::entity::{lexicon, pattern_entity, T_ALLCAPS, T_CAP, T_NL_BEFORE, T_WORD};
use crate::entity::{W_ACR_HEAD, W_HEAD, W_LOOSE, W_LOOSE_BLOCK, W_ORG_TAIL, W_PORTFOLIO};
use crate::entity::{W_STOP, W_STRICT, W_TITLE};
use crate::span::{Entity, Label, Source, Span};

use super::Resolver;

/// Words that are no part of a person's name: stop-words, words often written in lower case,
/// heads and tails of organisations and places (`Universitas`, `Sekuritas`), portfolio words.
const BLOCKED: u16 =
    W_STOP | W_STRICT | W_LOOSE | W_HEAD | W_ACR_HEAD | W_ORG_TAIL | W_PORTFOLIO | W_LOOSE_BLOCK;

/// Shortest everyday word taken as glued to the end of a name word (shorter ones end real
/// names: `Setiawan`, `Suryaputra`).
const MIN_GLUED: usize = 6;

/// Most words a full name found this way has (the one-word name included).
const MAX_WORDS: usize = 4;

impl Resolver<'_> {
    /// Adds the full names of one-word pattern persons (see the module doc). Returns whether it
    /// added any (the caller then re-sorts and recomputes the cover).
    pub(super) fn complete_one_word_names(&self, entities: &mut Vec<Entity>) -> bool {
        let singles = self.single_pattern_names(entities);
        if singles.is_empty() {
            return false;
        }
        // (word, run) for every occurrence of a single name inside a longer run, and per word
        // the run text all its occurrences agree on (None once two differ)
        let mut runs: Vec<(&str, Span)> = Vec::new();
        let mut agreed: FxMap<&str, Option<&str>> = FxMap::default();
        for i in 0..self.tokens.len() {
            if self.cover[i] != 0 || !singles.contains(self.s(i)) {
                continue;
            }
            if let Some(span) = self.name_run_around(i) {
                let (word, text) = (self.s(i), span.as_str(self.text));
                runs.push((word, span));
                agreed
                    .entry(word)
                    .and_modify(|t| {
                        if *t != Some(text) {
                            *t = None;
                        }
                    })
                    .or_insert(Some(text));
            }
        }
        let before = entities.len();
        for &(word, span) in &runs {
            if agreed.get(word).is_some_and(Option::is_some) {
                entities.push(pattern_entity(self.text, span, Label::Person, "person"));
            }
        }
        entities.len() > before
    }

    /// The words of one-word persons found by a pattern, unless a longer person already has the
    /// word as its first or last word (the short-name pass links those).
    fn single_pattern_names(&self, entities: &[Entity]) -> FxHashSet<&str> {
        let mut singles: FxHashSet<&str> = FxHashSet::default();
        let mut taken: FxHashSet<&str> = FxHashSet::default();
        for e in entities.iter().filter(|e| e.label == Label::Person) {
            let s = e.span.as_str(self.text);
            match s.split_once(' ') {
                None if e.source == Source::Pattern && s.len() >= 3 => {
                    singles.insert(s);
                }
                None => {}
                Some((first, _)) => {
                    taken.insert(first);
                    taken.extend(s.rsplit(' ').next());
                }
            }
        }
        singles.retain(|s| !taken.contains(s));
        singles
    }

    /// Token `j` can be a word of a full name: a capitalised plain word outside entities, not a
    /// head, stop-word or word usually written in lower case, not in capitals; a title only
    /// when `title_ok` (see [`Resolver::name_run_around`]).
    fn name_word(&self, j: usize, title_ok: bool) -> bool {
        let t = self.info[j].t;
        let mut blocked = if title_ok { BLOCKED } else { BLOCKED | W_TITLE };
        // (an everyday word that is a common given name may be one here: `Adalah Cinta Tort
        // Cartro`, when `Cartro` was quoted)
        if self.wflags(j) & (W_STRICT | W_LOOSE) != 0
            && crate::entity::family_names::everyday_given_name(self.s(j))
        {
            blocked &= !(W_STRICT | W_LOOSE);
        }
        t & (T_CAP | T_WORD) == T_CAP | T_WORD
            && t & T_ALLCAPS == 0
            && self.cover[j] == 0
            && self.s(j).chars().all(char::is_alphabetic)
            && self.wflags(j) & blocked == 0
    }

    /// Token `j` is a capitalised word (a run next to one is Title Case text: a headline, a
    /// work's title), or a title-cased everyday word.
    fn capitalised(&self, j: usize) -> bool {
        self.info[j].t & T_CAP != 0
    }

    /// The run of name words around token `i` (see the module doc), when it is longer than `i`
    /// alone, `i` is its first or last word and its context says person. A title word may end
    /// a run of two name words or more when no capitalised word follows (`Henri Lumban Raja
    /// mengatakan`: a surname; not `Pemilihan Presiden`).
    fn name_run_around(&self, i: usize) -> Option<Span> {
        let n = self.tokens.len();
        // token `j` stands on the same line as token `j - 1`
        let joined = |j: usize| self.info[j].t & T_NL_BEFORE == 0;
        let (mut a, mut b) = (i, i);
        // (one word past MAX_WORDS is looked at: a longer run is a title or a list, no name)
        while a > 0 && b - a < MAX_WORDS && joined(a) && self.name_word(a - 1, false) {
            a -= 1;
        }
        while b + 1 < n && b - a < MAX_WORDS && joined(b + 1) && self.name_word(b + 1, false) {
            b += 1;
        }
        if b + 1 < n
            && b > a
            && b - a + 1 < MAX_WORDS
            && joined(b + 1)
            && self.name_word(b + 1, true)
            && !(b + 2 < n && joined(b + 2) && self.capitalised(b + 2))
        {
            b += 1;
        }
        if a == b || b - a >= MAX_WORDS || (a != i && b != i) {
            return None;
        }
        // Title Case after the run: a headline or a work's title
        if b + 1 < n && joined(b + 1) && self.capitalised(b + 1) {
            return None;
        }
        // a word with an everyday word glued to its end by stripped markup
        // (`Ferdinansyahpasrah`): the run is no clean name
        if (a..=b).any(|k| k != i && self.glued_word_end(k)) {
            return None;
        }
        // part of a hyphenated name (`Saint-Germain`, `Rihana-Rihani`)
        let span = Span::new(self.tokens[a].span.start, self.tokens[b].span.end);
        let bytes = self.text.as_bytes();
        if (span.start > 0 && bytes[span.start - 1] == b'-') || bytes.get(span.end) == Some(&b'-') {
            return None;
        }
        (a == 0 || !joined(a) || self.person_context_before(a - 1, i == b)).then_some(span)
    }

    /// Token `k` ends in an everyday word of [`MIN_GLUED`] letters or more after three letters
    /// of name (`Halilintardikenal`). Some real names end so (`Kusumanegara`): they are left
    /// for the other passes.
    fn glued_word_end(&self, k: usize) -> bool {
        let w = self.s(k);
        let mut buf = String::new();
        (3..w.len().saturating_sub(MIN_GLUED - 1)).any(|cut| {
            w.is_char_boundary(cut) && lexicon().flags_of(&w[cut..], &mut buf) & W_STRICT != 0
        })
    }

    /// Token `p` opens a line or follows a sentence's end (or an opening quotation mark).
    fn opens_sentence(&self, p: usize) -> bool {
        p == 0
            || self.info[p].t & T_NL_BEFORE != 0
            || matches!(self.s(p - 1), "." | "!" | "?" | ":" | "\"" | "“")
    }

    /// The token `p` before a run allows a person: not inside an entity, not a word after
    /// which capitalised words name a place, work or body (`di`, `klub`), not a head; and not a
    /// relative's word (`istrinya, Carole Ghosn` shares the surname of the man quoted as
    /// `Ghosn`), right before or before a comma, when the word quoted is the run's last
    /// (`surname`): relatives share family names, not given names (`suaminya, Arda Hatna` is
    /// the `Arda` quoted).
    fn person_context_before(&self, p: usize, surname: bool) -> bool {
        if self.cover[p] != 0 || self.wflags(p) & (W_LOOSE_BLOCK | W_HEAD) != 0 {
            return false;
        }
        // a capitalised word before the run that is no title and does not open a sentence:
        // Title Case text (not a word in capitals: page furniture such as `WITH CONTENT`
        // ends where the sentence starts)
        if self.capitalised(p)
            && self.info[p].t & T_ALLCAPS == 0
            && self.wflags(p) & W_TITLE == 0
            && !self.opens_sentence(p)
        {
            return false;
        }
        let q = if self.s(p) == "," && p > 0 { p - 1 } else { p };
        let w = self.s(q);
        !surname || !possessor_role(w.strip_suffix("nya").unwrap_or(w))
    }
}
