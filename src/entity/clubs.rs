//! Clubs named like their cities: `Lyon`, `Madrid` are football clubs on either side of a
//! score (`Lyon 2-1 Genoa`) or as the subject of a match verb (`Madrid kalah`, `menjamu`:
//! `data/club_verbs.txt`). There a city the gazetteer knows becomes an ORG (`source: pattern`,
//! kind `club`). Not after `klub`: on the bulk corpus `klub London` is nearly always "a London
//! club" (`klub London Utara itu`, `sesama klub London`), the city as a modifier. Countries stay GPE (`Indonesia menang 2-0`: a national side is named by
//! its country, which the guidelines tag as GPE).

use std::sync::OnceLock;

use super::{pattern_entity, TokInfo, T_CAP, T_NL_BEFORE, T_WORD, W_LOOSE, W_ORG_TAIL, W_STRICT};
use crate::span::{Entity, Label, Span, Token};

const CLUB_VERBS: &str = include_str!("../../data/club_verbs.txt");

/// Month and day names (`data/layout_dates.tsv` months, and the days of the week).
fn calendar_word(w: &str) -> bool {
    static V: OnceLock<Vec<String>> = OnceLock::new();
    let v = V.get_or_init(|| {
        let mut v: Vec<String> = include_str!("../../data/layout_dates.tsv")
            .lines()
            .filter_map(|l| l.strip_prefix("month\t"))
            .filter_map(|l| l.split('\t').next())
            .map(str::to_string)
            .collect();
        for d in [
            "senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu", "ahad",
        ] {
            v.push(d.to_string());
        }
        v
    });
    w.len() <= 9 && v.iter().any(|m| m.eq_ignore_ascii_case(w))
}

/// The word lists of `data/club_verbs.txt`, by section.
struct ClubWords {
    /// `[match]` and `[result]`: a verb after a side, and whether it is only said of sides.
    verbs: Vec<(&'static str, bool)>,
    opponent: Vec<&'static str>,
    against: Vec<&'static str>,
    sport: Vec<&'static str>,
    venue: Vec<&'static str>,
}

fn club_words() -> &'static ClubWords {
    static V: OnceLock<ClubWords> = OnceLock::new();
    V.get_or_init(|| {
        let mut w = ClubWords {
            verbs: Vec::new(),
            opponent: Vec::new(),
            against: Vec::new(),
            sport: Vec::new(),
            venue: Vec::new(),
        };
        let mut section = "";
        for line in CLUB_VERBS.lines() {
            let l = line.split('#').next().unwrap_or("").trim();
            if l.starts_with('[') {
                section = l;
                continue;
            }
            let words = l.split_whitespace();
            match section {
                "[match]" => w.verbs.extend(words.map(|x| (x, true))),
                "[result]" => w.verbs.extend(words.map(|x| (x, false))),
                "[opponent]" => w.opponent.extend(words),
                "[against]" => w.against.extend(words),
                "[sport]" => w.sport.extend(words),
                "[venue]" => w.venue.extend(words),
                _ => {}
            }
        }
        w
    })
}

/// `Some(true)` for a verb only said of sides, `Some(false)` for one that needs a score.
fn club_verb(w: &str) -> Option<bool> {
    club_words()
        .verbs
        .iter()
        .find(|(v, _)| *v == w)
        .map(|&(_, strong)| strong)
}

/// Capitalised words after a city that may finish a team's name (`Houston Rockets`,
/// `Jakarta Pertamina Energi`).
const MAX_TEAM_WORDS: usize = 3;

/// Tokens around an `[against]` word searched for a `[sport]` word.
const SPORT_WINDOW: usize = 10;

struct Ctx<'a> {
    text: &'a str,
    toks: &'a [Token],
    info: &'a [TokInfo],
}

impl Ctx<'_> {
    fn s(&self, i: usize) -> &str {
        self.toks[i].span.as_str(self.text)
    }

    /// A goal count: one or two digits.
    fn goals(&self, i: usize) -> bool {
        let s = self.s(i);
        s.len() <= 2 && s.bytes().all(|c| c.is_ascii_digit())
    }

    /// A capitalised word that can name a side (not a month or day: `Senin 1-3 Juni`).
    fn side(&self, i: usize) -> bool {
        self.info[i].t & (T_CAP | T_WORD) == (T_CAP | T_WORD) && !calendar_word(self.s(i))
    }

    /// A score `2` `-` `1` between two capitalised sides ends just before token `i`.
    fn score_before(&self, i: usize) -> bool {
        i >= 4 && self.score_at(i - 3) && self.side(i - 4)
    }

    /// A score starts at token `i`, a capitalised side after it.
    fn score_at(&self, i: usize) -> bool {
        i + 3 < self.toks.len()
            && self.goals(i)
            && self.s(i + 1) == "-"
            && self.goals(i + 2)
            && self.info[i + 1].t & T_NL_BEFORE == 0
            && self.side(i + 3)
    }

    /// The side starting at token `a` is a match's other side: after an `[opponent]` word
    /// (`kontra Verona`), or an `[against]` word in a match report (`kemenangan atas Verona`
    /// with `laga` near), or followed by a fixture's venue in brackets (`Bologna (kandang)`).
    fn opponent(&self, a: usize, b: usize) -> bool {
        let w = club_words();
        let n = self.toks.len();
        let venue = b + 2 < n
            && self.s(b) == "("
            && w.venue
                .iter()
                .any(|v| v.eq_ignore_ascii_case(self.s(b + 1)))
            && self.s(b + 2) == ")";
        if venue {
            return true;
        }
        let Some(before) = a.checked_sub(1).map(|i| self.s(i)) else {
            return false;
        };
        if w.opponent.contains(&before) {
            return true;
        }
        w.against.contains(&before)
            && (a.saturating_sub(SPORT_WINDOW)..(b + SPORT_WINDOW).min(n))
                .any(|k| w.sport.iter().any(|x| x.eq_ignore_ascii_case(self.s(k))))
    }

    /// The name ending before token `b` is a club by the verb after it.
    fn club_context(&self, b: usize) -> bool {
        match (b < self.toks.len())
            .then(|| club_verb(self.s(b)))
            .flatten()
        {
            Some(true) => true,
            Some(false) => (b + 1..(b + 7).min(self.toks.len().saturating_sub(2)))
                .any(|k| self.goals(k) && self.s(k + 1) == "-" && self.goals(k + 2)),
            None => false,
        }
    }
}

/// Relabels cities in club contexts. `out` is sorted and disjoint and stays so. On a score line
/// the other side must be a club or city the gazetteer knows (`Bologna 2-1 Genoa`), not a
/// house number (`Jalan Darmo 36-38 Surabaya`). Unknown names are left alone: next to a score
/// or after `klub` they are as often a league, a player or part of a longer name.
pub(super) fn clubs(text: &str, toks: &[Token], info: &[TokInfo], out: &mut [Entity]) {
    // only cities are looked at: a few per document
    let cx = Ctx { text, toks, info };
    let tok_at = |pos: usize| toks.partition_point(|t| t.span.start < pos);
    // the side at token `k` is a club or a city the gazetteer knows
    let known_side = |out: &[Entity], k: usize| {
        let sp = toks[k].span;
        let i = out.partition_point(|e| e.span.end <= sp.start);
        out.get(i)
            .is_some_and(|e| e.span.overlaps(sp) && (e.label == Label::Org || &*e.kind == "city"))
    };
    let mut relabel = Vec::new();
    for (idx, e) in out.iter().enumerate() {
        if e.label != Label::Gpe || &*e.kind != "city" {
            continue;
        }
        let a = tok_at(e.span.start);
        let b = tok_at(e.span.end);
        // (a city found inside a token, `diaBudi-Tangerang`, starts no token)
        if toks.get(a).is_none_or(|t| t.span.start != e.span.start) {
            continue;
        }
        // the end of a longer club name (`PSIS Semarang`, `Lokomotiv Kiev`) is not the club
        // (a capitalised common word before it is a sentence opener: `Esok Madrid menjamu`)
        let glued = a > 0 && toks[a - 1].span.end == toks[a].span.start;
        if glued
            || a > 0
                && info[a - 1].t & T_CAP != 0
                && info[a - 1].w & (W_STRICT | W_LOOSE) == 0
                && info[a].t & T_NL_BEFORE == 0
        {
            continue;
        }
        let scored = (cx.score_before(a) && known_side(out, a - 4))
            || (cx.score_at(b) && known_side(out, b + 3));
        if scored || cx.club_context(b) {
            relabel.push((idx, e.span));
        } else if cx.opponent(a, b) {
            // (the team's name may go on after the city: `melawan Houston Rockets`)
            let limit = out.get(idx + 1).map_or(text.len(), |n| n.span.start);
            let mut j = b;
            while j < toks.len()
                && j < b + MAX_TEAM_WORDS
                && cx.side(j)
                && info[j].t & T_NL_BEFORE == 0
                && (info[j].w & (W_STRICT | W_LOOSE) == 0 || info[j].w & W_ORG_TAIL != 0)
                && toks[j].span.end <= limit
            {
                j += 1;
            }
            relabel.push((idx, Span::new(e.span.start, toks[j - 1].span.end)));
        }
    }
    for (idx, span) in relabel {
        out[idx] = pattern_entity(text, span, Label::Org, "club");
    }
}
