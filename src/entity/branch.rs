//! A body's branch named by its place: a gazetteer organisation of a public kind right before a
//! place it knows, with one space between (`BPBD Kabupaten Mojokerto`, `Kementerian Luar Negeri
//! Thailand`, `Satpol PP Badung`, `DPD Golkar Jabar`), is one organisation, as the guidelines
//! annotate nested names (the longest: `KBRI Seoul`, `Komisi XI DPR RI`). The merged name is a
//! body of its own (`source: pattern`), never the gazetteer's entry: a bare `Kementerian Luar
//! Negeri` is Indonesia's, `Kementerian Luar Negeri Thailand` is not. Which kinds count is data
//! (`data/branch_kinds.txt`).

use std::sync::OnceLock;

use super::pattern_entity;
use crate::span::{Entity, Label, Source, Span};

/// The gazetteer kinds whose branches are named by place.
fn branch_kind(kind: &str) -> bool {
    static V: OnceLock<Vec<&'static str>> = OnceLock::new();
    V.get_or_init(|| super::word_list(include_str!("../../data/branch_kinds.txt")))
        .contains(&kind)
}

/// Merges each public body with the place right after it. `out` is sorted and disjoint and
/// stays so.
pub(super) fn merge(text: &str, out: &mut Vec<Entity>) {
    let mut i = 0;
    while i + 1 < out.len() {
        let (body, place) = (&out[i], &out[i + 1]);
        let joined = body.label == Label::Org
            && body.source == Source::Gazetteer
            && branch_kind(&body.kind)
            && place.label == Label::Gpe
            && text.get(body.span.end..place.span.start) == Some(" ");
        if joined {
            let span = Span::new(body.span.start, place.span.end);
            let kind = body.kind.clone();
            out[i] = pattern_entity(text, span, Label::Org, &kind);
            out.remove(i + 1);
        }
        i += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Label;

    fn gaz(text: &str, s: &str, label: Label, kind: &str) -> Entity {
        let start = text.find(s).unwrap();
        let mut e = pattern_entity(text, Span::new(start, start + s.len()), label, kind);
        e.source = Source::Gazetteer;
        e
    }

    #[test]
    fn public_body_and_its_place_are_one_organisation() {
        let text = "Petugas BPBD Bogor dan Shell Indonesia datang.";
        let mut out = vec![
            gaz(text, "BPBD", Label::Org, "agency"),
            gaz(text, "Bogor", Label::Gpe, "regency"),
            gaz(text, "Shell", Label::Org, "company"),
            gaz(text, "Indonesia", Label::Gpe, "country"),
        ];
        merge(text, &mut out);
        let got: Vec<(&str, Label)> = out.iter().map(|e| (e.span.as_str(text), e.label)).collect();
        assert_eq!(
            got,
            [
                ("BPBD Bogor", Label::Org),
                ("Shell", Label::Org),
                ("Indonesia", Label::Gpe)
            ]
        );
        assert_eq!(out[0].source, Source::Pattern);
    }

    #[test]
    fn a_comma_between_keeps_them_apart() {
        let text = "Kata BPBD, Bogor masih aman.";
        let mut out = vec![
            gaz(text, "BPBD", Label::Org, "agency"),
            gaz(text, "Bogor", Label::Gpe, "regency"),
        ];
        merge(text, &mut out);
        assert_eq!(out.len(), 2);
    }
}
