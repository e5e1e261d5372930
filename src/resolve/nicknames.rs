//! Pass of [`super::resolve_with`]: nicknames the article states. Indonesian news introduces a
//! person by full name and by the name everyone uses, then goes on with the short one:
//!
//! - `Basuki Tjahaja Purnama alias Ahok`,
//! - `Eko Hendro Purnomo atau dikenal Eko Patrio`, `… atau yang akrab disapa Gus Baha`,
//! - `Muzakir Manaf yang akrab disapa Mualem`,
//! - `Mualem, sapaan akrab Muzakir Manaf, …` (the nickname first).
//!
//! The nickname is no short form of the full name (`Mualem` shares no word with `Muzakir
//! Manaf`), so the short-name pass cannot link it; a later `kata Mualem` would be a person of
//! its own, and the speaker's canonical name split in two. Here the nickname, at the link and
//! everywhere else in the document, becomes an alias of the full name. The same holds for an
//! organisation (`PT Caturkarda Depo Bangunan Tbk atau dikenal dengan Depo Bangunan`).
//!
//! Only a stated link counts: the full name must be a person of two or more words or an
//! organisation the earlier stages found, and the nickname one to three capitalised words on
//! the same line right after the link words, not inside another kind of entity (`Kota Tua
//! alias …` names no person).

use std::sync::OnceLock;

use crate::entity::{T_CAP, T_NL_BEFORE, W_ACR_HEAD, W_HEAD, W_STOP, W_STRICT, W_TITLE};
use crate::span::{Entity, Label, Source, Span};

use super::{alias_of, Resolver};

/// Most words a nickname has (`Eko Patrio`, `Buya Yahya`, `Haji Isam`).
const MAX_NICKNAME_WORDS: usize = 3;

/// Adverbs that may stand between the link's first word and its verb (`atau yang lebih
/// dikenal`, `yang akrab disapa`).
const LINK_ADVERBS: &[&str] = &["lebih", "akrab", "biasa", "karib", "kerap", "sering"];

/// Persons named before an epithet's nickname that may be the one it renames, nearest first.
const MAX_EPITHET_LOOKBACK: usize = 4;

/// Most nickname links read in one document: each costs a pass over its entities, so a
/// pathological document of thousands of links stays linear.
const MAX_LINKS: usize = 32;

impl Resolver<'_> {
    /// Links stated nicknames to their full names (see the module doc). Returns whether it
    /// changed `entities` (which it leaves unsorted: the caller normalises).
    pub(super) fn nicknames(&self, entities: &mut Vec<Entity>) -> bool {
        // (nickname span, index of the full name's entity)
        let mut links: Vec<(Span, usize)> = Vec::new();
        for (ei, e) in entities.iter().enumerate() {
            if !self.full_name(e) {
                continue;
            }
            let after = self.tok_at(e.span.end);
            if let Some(span) = self.nickname_after(after) {
                links.push((span, ei));
            }
            if let Some(span) = self.nickname_before(self.tok_at(e.span.start)) {
                links.push((span, ei));
            }
        }
        self.epithet_nicknames(entities, &mut links);
        if links.is_empty() {
            return false;
        }
        links.truncate(MAX_LINKS);
        let mut changed = false;
        for (span, ei) in links {
            changed |= self.link_nickname(entities, span, ei);
        }
        changed
    }

    /// `pria yang akrab disapa Toto`, `politikus yang biasa dipanggil Ara ini`: a nickname
    /// stated for a person the article talked about just before, by an epithet (`pria`,
    /// `wanita`, a role word) instead of the full name. The person is one of the last few
    /// named before the epithet with a full name the nickname is made from (see
    /// [`shares_syllable`]); none, no link. The link is what lets a later `kata Toto` be that
    /// person.
    fn epithet_nicknames(&self, entities: &[Entity], links: &mut Vec<(Span, usize)>) {
        let n = self.tokens.len();
        // the persons by where they end, built at the first epithet (entities may be
        // unsorted here): each epithet then looks back with one search, not over every entity
        let mut persons: Option<Vec<(usize, usize)>> = None;
        for j in 3..n {
            if links.len() >= MAX_LINKS {
                return;
            }
            if !matches!(self.s(j), "disapa" | "dipanggil") {
                continue;
            }
            // (`yang dipanggil …` alone may be a call-up: only `yang akrab disapa` renames)
            let mut y = j;
            while y > 0 && LINK_ADVERBS.contains(&self.s(y - 1)) {
                y -= 1;
            }
            if y == j || y < 2 || self.s(y - 1) != "yang" || !self.epithet_word(y - 2) {
                continue;
            }
            let Some(span) = self.nickname_run(j + 1) else {
                continue;
            };
            let persons = persons.get_or_insert_with(|| {
                let mut v: Vec<(usize, usize)> = entities
                    .iter()
                    .enumerate()
                    .filter(|(_, e)| e.label == Label::Person)
                    .map(|(i, e)| (e.span.end, i))
                    .collect();
                v.sort_unstable();
                v
            });
            let before = self.tokens[y - 2].span.start;
            let nick = span.as_str(self.text);
            // the persons named before the epithet, nearest first: the first of the last few
            // whose name the nickname is made from
            let upto = persons.partition_point(|&(end, _)| end <= before);
            let meant = persons[..upto]
                .iter()
                .rev()
                .take(MAX_EPITHET_LOOKBACK)
                .map(|&(_, i)| (i, &entities[i]))
                .find(|(_, e)| e.canonical.contains(' ') && shares_syllable(nick, &e.canonical));
            if let Some((ei, e)) = meant {
                if e.span.as_str(self.text) != nick {
                    links.push((span, ei));
                }
            }
        }
    }

    /// Token `i` is a lower-case noun for a person that an epithet opens with: `pria`,
    /// `wanita` (class `epithet` of `data/cues.tsv`) or a role (`politikus`, `pelatih`).
    fn epithet_word(&self, i: usize) -> bool {
        static V: OnceLock<rustc_hash::FxHashSet<&'static str>> = OnceLock::new();
        let epithets = V.get_or_init(|| crate::entity::cue_class_words("epithet"));
        let w = self.s(i);
        self.info[i].t & T_CAP == 0 && (epithets.contains(w) || self.wflags(i) & W_TITLE != 0)
    }

    /// `e` can carry a nickname: a person named with two or more words, or an organisation.
    fn full_name(&self, e: &Entity) -> bool {
        match e.label {
            Label::Person => e.span.as_str(self.text).contains(' '),
            Label::Org => true,
            _ => false,
        }
    }

    /// The nickname after a full name ending before token `j`: `alias N`, `atau (yang)
    /// (akrab) dikenal|disapa|dipanggil (dengan|sebagai) N`, `yang (akrab) disapa N`.
    fn nickname_after(&self, mut j: usize) -> Option<Span> {
        let n = self.tokens.len();
        if j < n && self.is_char(j, b',') {
            j += 1;
        }
        if j >= n || self.info[j].t & T_NL_BEFORE != 0 {
            return None;
        }
        match self.s(j) {
            "alias" => j += 1,
            "atau" | "yang" => {
                let opened_by_atau = self.s(j) == "atau";
                j += 1;
                if opened_by_atau && j < n && self.s(j) == "yang" {
                    j += 1;
                }
                let verb_at = j;
                while j < n && LINK_ADVERBS.contains(&self.s(j)) {
                    j += 1;
                }
                let adverbs = j > verb_at;
                let verb = if j < n { self.s(j) } else { "" };
                // (`yang dikenal sebagai …` describes, `yang dipanggil …` may be a call-up and
                // `yang disapa …` a greeting: after `yang` only a verb with its adverb renames,
                // `yang akrab disapa`; after `atau` each does)
                let ok = matches!(verb, "disapa" | "dipanggil") && (opened_by_atau || adverbs)
                    || verb == "dikenal" && opened_by_atau;
                if !ok {
                    return None;
                }
                j += 1;
                if j < n && matches!(self.s(j), "dengan" | "sebagai") {
                    j += 1;
                }
                if j < n && self.s(j) == "nama" {
                    j += 1;
                }
            }
            _ => return None,
        }
        self.nickname_run(j)
    }

    /// The nickname before a full name opening at token `a`: `N, sapaan (akrab) <full name>`.
    fn nickname_before(&self, a: usize) -> Option<Span> {
        let mut j = a;
        while j > 0 && matches!(self.s(j - 1), "akrab" | "karib") {
            j -= 1;
        }
        if j < 3 || self.s(j - 1) != "sapaan" || !self.is_char(j - 2, b',') {
            return None;
        }
        let end = j - 2; // the comma
        let mut start = end;
        while start > 0
            && end - start < MAX_NICKNAME_WORDS
            && self.nickname_word(start - 1)
            && self.info[start].t & T_NL_BEFORE == 0
        {
            start -= 1;
        }
        if start == end || start > 0 && self.nickname_word(start - 1) {
            return None;
        }
        // (`Pak Mualem, sapaan akrab …`: the honorific is no part of the nickname)
        while start + 1 < end && self.wflags(start) & W_TITLE != 0 {
            start += 1;
        }
        self.plain_nickname(start, end)
            .then(|| self.span_of(start, end - 1))
    }

    /// One to three capitalised words from token `j` (an opening quote mark skipped), the
    /// whole run: a longer run is no nickname.
    fn nickname_run(&self, mut j: usize) -> Option<Span> {
        let n = self.tokens.len();
        if j < n && matches!(self.s(j), "\"" | "“" | "'" | "‘") {
            j += 1;
        }
        let mut end = j;
        while end < n
            && self.nickname_word(end)
            && (end == j || self.info[end].t & T_NL_BEFORE == 0)
        {
            end += 1;
        }
        if end == j || end - j > MAX_NICKNAME_WORDS || j > 0 && self.info[j].t & T_NL_BEFORE != 0 {
            return None;
        }
        self.plain_nickname(j, end)
            .then(|| self.span_of(j, end - 1))
    }

    /// Tokens `a..b` can be a nickname: at most half of its words are titles, words news writes
    /// in lower case or heads of a body or place (`Bendahara Negara`, `Pengusaha`, `Presiden`
    /// are none; `Buya Yahya`, `Gus Baha`, `David Bedah`, `Chico Hakim` are).
    fn plain_nickname(&self, a: usize, b: usize) -> bool {
        let plain = W_STRICT | W_HEAD | W_ACR_HEAD | W_TITLE;
        let marked = (a..b).filter(|&i| self.wflags(i) & plain != 0).count();
        2 * marked <= b - a && !(b - a == 1 && marked == 1)
    }

    /// Token `i` may be a word of a nickname: capitalised, no stop-word.
    fn nickname_word(&self, i: usize) -> bool {
        self.info[i].t & T_CAP != 0 && self.wflags(i) & W_STOP == 0
    }

    /// The span from token `a` through token `b`.
    fn span_of(&self, a: usize, b: usize) -> Span {
        Span::new(self.tokens[a].span.start, self.tokens[b].span.end)
    }

    /// Makes the nickname at `span`, and every other entity spelt like it, an alias of entity
    /// `ei` (the short-name pass then links its mentions outside entities, as it does a short
    /// form's). Not when an entity of another kind holds the nickname, or one reaches over its
    /// edges. Returns whether anything changed.
    fn link_nickname(&self, entities: &mut Vec<Entity>, span: Span, ei: usize) -> bool {
        let full = entities[ei].clone();
        let nick = span.as_str(self.text);
        if nick == full.span.as_str(self.text) {
            return false;
        }
        let compatible = |e: &Entity| e.label == full.label;
        let mut at_link = false;
        for e in entities.iter() {
            if !e.span.overlaps(span) {
                continue;
            }
            if e.span != span || !compatible(e) {
                return false;
            }
            at_link = true;
        }
        // A nickname the gazetteer knows (`alias Ahok`) keeps its identity: the full name the
        // text spells its own way (`Basuki T Purnama`) becomes that person. Two different
        // known people are left apart.
        let known = entities
            .iter()
            .find(|e| {
                compatible(e) && e.source == Source::Gazetteer && e.span.as_str(self.text) == nick
            })
            .cloned();
        if let Some(known) = known {
            if full.source == Source::Gazetteer || known.id == full.id {
                return false;
            }
            for e in entities.iter_mut() {
                if e.id == full.id {
                    *e = alias_of(&known, e.span);
                }
            }
            return true;
        }
        let mut changed = false;
        // every mention spelt like the nickname, the one at the link included
        for e in entities.iter_mut() {
            if compatible(e) && e.span.as_str(self.text) == nick && e.id != full.id {
                *e = alias_of(&full, e.span);
                changed = true;
            }
        }
        if !at_link {
            entities.push(alias_of(&full, span));
            changed = true;
        }
        changed
    }
}

/// A nickname and a word of a full name share three letters in a row (`Ipunk` of Pung
/// Nugroho Saksono, `Sani` of Kurnia Lesani Adnan, `Emil` of Ridwan Kamil): nicknames are
/// made from the name, so of the persons named before an epithet the one meant is the one
/// the nickname shares letters with (an interviewer, a relative or a person named inside a
/// quotation in between shares none: `Wilo` is not Verrell Bramasta, `Emil` not Lee Min-ho).
fn shares_syllable(nick: &str, full: &str) -> bool {
    let letters = |s: &str| -> Vec<char> {
        s.chars()
            .filter(|c| c.is_alphabetic())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let n = letters(nick);
    full.split_whitespace().any(|word| {
        let f = letters(word);
        n.windows(3).any(|w| f.windows(3).any(|x| x == w))
    })
}
