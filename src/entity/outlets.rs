//! News outlets named in page furniture: channel names glued to the outlet's name
//! (`detikNews`, `detikinet`, `KompasTekno`: `data/outlet_channels.tsv`) and bare domains of
//! known outlets (`kompas.com`, `www.antaranews.com`: the domains of
//! `data/layout_outlets.tsv`). The guidelines annotate names in boilerplate too; the gazetteer
//! cannot list every channel, and a web address is one token the gazetteer walk never sees.

use std::sync::OnceLock;

use super::pattern_entity;
use crate::span::{Entity, Label, Token, TokenKind};

/// Channel names are short: a longer rest is a word glued on (`detiktravelmendapatkan`).
const MAX_CHANNEL_REST: usize = 11;

const CHANNELS: &str = include_str!("../../data/outlet_channels.tsv");

/// (prefix, whether any letters may follow) from `data/outlet_channels.tsv`.
fn channels() -> &'static [(&'static str, bool)] {
    static V: OnceLock<Vec<(&'static str, bool)>> = OnceLock::new();
    V.get_or_init(|| {
        CHANNELS
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty() && *l != "prefix\trest")
            .filter_map(|l| l.split_once('\t'))
            .map(|(p, rest)| (p, rest == "any"))
            .collect()
    })
}

/// Rests that make no channel (`-ers`, `-nya`, `-pagi` lines of the data file).
fn not_channel(rest: &str) -> bool {
    static V: OnceLock<Vec<&'static str>> = OnceLock::new();
    V.get_or_init(|| {
        CHANNELS
            .lines()
            .filter_map(|l| l.strip_prefix('-'))
            .collect()
    })
    .iter()
    .any(|r| r.eq_ignore_ascii_case(rest))
}

/// The outlets' domains (second column of `data/layout_outlets.tsv`).
fn domains() -> &'static [&'static str] {
    static V: OnceLock<Vec<&'static str>> = OnceLock::new();
    V.get_or_init(|| {
        let mut v: Vec<&'static str> = include_str!("../../data/layout_outlets.tsv")
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split('\t').nth(1))
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    })
}

/// `w` is an outlet's channel name: a known prefix glued to more letters. Called for every
/// word, so most words are turned away by their first letter.
fn channel(w: &str) -> bool {
    // the first two letters of every prefix, lower-cased, as a bit per (letter, letter) pair
    static PAIRS: OnceLock<[u32; 26]> = OnceLock::new();
    let pairs = PAIRS.get_or_init(|| {
        let mut f = [0u32; 26];
        for (p, _) in channels() {
            if let [a, b, ..] = p.as_bytes() {
                let (a, b) = (a.to_ascii_lowercase(), b.to_ascii_lowercase());
                if a.is_ascii_lowercase() && b.is_ascii_lowercase() {
                    f[(a - b'a') as usize] |= 1 << (b - b'a');
                }
            }
        }
        f
    });
    match w.as_bytes() {
        [a, b, _, _, _, _, ..] => {
            let (a, b) = (a.to_ascii_lowercase(), b.to_ascii_lowercase());
            if !a.is_ascii_lowercase()
                || !b.is_ascii_lowercase()
                || pairs[(a - b'a') as usize] & (1 << (b - b'a')) == 0
            {
                return false;
            }
        }
        _ => return false,
    }
    channels().iter().any(|&(p, any)| {
        w.len() > p.len() + 1
            && w.is_char_boundary(p.len())
            && w[..p.len()].eq_ignore_ascii_case(p)
            && w.len() - p.len() <= MAX_CHANNEL_REST
            && w[p.len()..].chars().all(char::is_alphanumeric)
            && (any || w[p.len()..].starts_with(|c: char| c.is_uppercase()))
            && !not_channel(&w[p.len()..])
    })
}

/// `w` is a bare domain (no scheme, no path) of a known outlet or one of its subdomains.
fn outlet_domain(w: &str) -> bool {
    if w.contains('/') || w.contains(':') {
        return false;
    }
    let host = w.to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    domains()
        .iter()
        .any(|d| host == *d || host.ends_with(d) && host[..host.len() - d.len()].ends_with('.'))
}

/// Adds an ORG for each channel name or outlet domain no entity covers yet. `out` is sorted
/// and disjoint and stays so.
pub(super) fn add(text: &str, tokens: &[Token], out: &mut Vec<Entity>) {
    let mut found = Vec::new();
    for t in tokens {
        let w = t.span.as_str(text);
        let hit = match t.kind {
            TokenKind::Word => channel(w),
            TokenKind::Url => outlet_domain(w),
            _ => false,
        };
        if hit {
            let i = out.partition_point(|e| e.span.end <= t.span.start);
            if out.get(i).is_none_or(|e| e.span.start >= t.span.end) {
                found.push(pattern_entity(text, t.span, Label::Org, "news_agency"));
            }
        }
    }
    if !found.is_empty() {
        out.extend(found);
        out.sort_by_key(|e| e.span.start);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn channels_and_domains() {
        assert!(channel("detikNews") && channel("detikinet") && channel("KompasTekno"));
        assert!(!channel("detik") && !channel("kompasiana") && !channel("detikers"));
        assert!(!channel("detiknya") && !channel("DetikPagi") && !channel("CNBCRabu"));
        assert!(outlet_domain("kompas.com") && outlet_domain("www.antaranews.com"));
        assert!(outlet_domain("bola.kompas.com"));
        assert!(!outlet_domain("https://www.kompas.com/read/1") && !outlet_domain("notkompas.com"));
    }
}
