//! School names: `SMAN 1 Bandung`, `SMP Negeri 3 Depok`, `SDN 05 Menteng`. Indonesian news
//! names schools by an abbreviated head (`data/school_heads.txt`), a number and often the
//! town; the head-word rules need a capitalised word after the head, so the number stopped
//! them, and a person named after the school (`Ketua Tim Advokasi SMAN 1 Bandung Arief
//! Budiman`) was lost with it. Found before the other rules, as a gazetteer match is, so that
//! a role's name runs past the school to its holder.

use std::sync::OnceLock;

use super::pattern_entity;
use crate::span::{Entity, Label, Span, Token, TokenKind};

/// `w` is a school's abbreviated head.
fn school_head(w: &str) -> bool {
    static V: OnceLock<Vec<&'static str>> = OnceLock::new();
    V.get_or_init(|| super::data_words(include_str!("../../data/school_heads.txt")))
        .contains(&w)
}

/// Words of a town the gazetteer does not know, at most.
const MAX_PLACE_WORDS: usize = 3;

/// `t` can be a word of a town's name: a capitalised word (not in capitals) that is no
/// stop-word, everyday word, title or head (`Cibitung`, `Kasihan`; not `Baca`, `Kepala`).
fn place_word(text: &str, t: &Token) -> bool {
    let w = t.span.as_str(text);
    let blocked = super::W_STOP | super::W_STRICT | super::W_TITLE | super::W_HEAD;
    t.kind == TokenKind::Word
        && w.starts_with(|c: char| c.is_uppercase())
        && w.chars().any(char::is_lowercase)
        && super::lexicon().flags(&w.to_lowercase()) & blocked == 0
}

/// Adds the school names in `tokens` to `gaz` (sorted and disjoint, and kept so): the head,
/// `Negeri` if written, the number, and the town when the gazetteer found one right after it
/// on the same line (that match is taken into the name).
pub(super) fn add(text: &str, tokens: &[Token], gaz: &mut Vec<Entity>) {
    // (most documents name no school: one pass over the text for the heads' first two letters
    // turns them away before their tokens are read)
    static STARTS: OnceLock<Vec<memchr::memmem::Finder<'static>>> = OnceLock::new();
    let starts = STARTS.get_or_init(|| {
        ["SM", "SD", "SL", "MTs"]
            .iter()
            .map(|p| memchr::memmem::Finder::new(p.as_bytes()))
            .collect()
    });
    if !starts.iter().any(|f| f.find(text.as_bytes()).is_some()) {
        return;
    }
    let n = tokens.len();
    let s = |i: usize| tokens[i].span.as_str(text);
    let mut found: Vec<Entity> = Vec::new();
    let mut i = 0;
    while i + 1 < n {
        // (heads are two to five bytes and open with `S` or `M` and a second capital: most
        // tokens are turned away by those bytes before the list is read)
        let len = tokens[i].span.len();
        let b = &text.as_bytes()[tokens[i].span.start..];
        if !(2..=5).contains(&len)
            || !matches!(b[0], b'S' | b'M')
            || !b[1].is_ascii_uppercase()
            || !school_head(s(i))
        {
            i += 1;
            continue;
        }
        let mut k = i + 1;
        let negeri = s(k) == "Negeri" && k + 1 < n;
        if negeri {
            k += 1;
        }
        let on_line =
            |a: usize, b: usize| !text[tokens[a].span.end..tokens[b].span.start].contains('\n');
        if tokens[k].kind != TokenKind::Number || tokens[k].span.len() > 3 || !on_line(i, k) {
            i += 1;
            continue;
        }
        let mut end = tokens[k].span.end;
        // the town the gazetteer matched right after the number
        let g = gaz.partition_point(|e| e.span.start < end);
        let town = gaz.get(g).filter(|e| {
            matches!(e.label, Label::Gpe | Label::Loc)
                && k + 1 < n
                && e.span.start == tokens[k + 1].span.start
                && on_line(k, k + 1)
        });
        // (after a capitalised role the words after the number may be its holder's name,
        // `Kepala SMPN 33 Sumiyati`: only a town the gazetteer knows is taken then)
        let role_before = i > 0 && {
            let w = s(i - 1);
            let capitalised = w.starts_with(|c: char| c.is_uppercase());
            capitalised && super::lexicon().flags(&w.to_lowercase()) & super::W_TITLE != 0
                || w == "Sekolah"
        };
        if let Some(e) = town {
            end = e.span.end;
        } else if !role_before {
            // a place the gazetteer does not know (`SMAN 2 Cibitung`, `SMKN 2 Kasihan
            // Bantul`): up to three capitalised name words, one space apart
            let mut j = k + 1;
            while j < n && j - k <= MAX_PLACE_WORDS && place_word(text, &tokens[j]) {
                if &text[tokens[j - 1].span.end..tokens[j].span.start] != " " {
                    break;
                }
                end = tokens[j].span.end;
                j += 1;
            }
        }
        // (a head without the state school's `N` is also a school level, `usia SD 6 tahun`,
        // `kelas SMP 2`: a name only with `Negeri` or the town)
        if !s(i).ends_with('N') && !negeri && town.is_none() {
            i += 1;
            continue;
        }
        let span = Span::new(tokens[i].span.start, end);
        // (inside no match of the gazetteer's other than that town)
        let a = gaz.partition_point(|e| e.span.end <= span.start);
        let clash = gaz[a..]
            .iter()
            .take_while(|e| e.span.start < span.end)
            .any(|e| e.span.start < span.start || e.span.end > span.end);
        if !clash {
            found.push(pattern_entity(text, span, Label::Org, "school"));
        }
        i = k + 1;
    }
    if found.is_empty() {
        return;
    }
    gaz.retain(|e| {
        !found
            .iter()
            .any(|f| f.span.start <= e.span.start && e.span.end <= f.span.end)
    });
    gaz.extend(found);
    gaz.sort_by_key(|e| e.span.start);
}
