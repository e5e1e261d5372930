//! One harness for every table-driven case in `tests/testdata/*.toml`.
//!
//! Each file holds `[[case]]` tables: a `text` and, optionally, the tokens, kinds, sentences,
//! entities, quotes, zones and metadata the tagger must produce for it. Cases are data so that
//! a linguist can add one without writing Rust; this file is the only code that reads them.
//! Every case is run, and all failures are reported together with file and case name.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use indotag::{Document, Tagger};
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    case: Vec<Case>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    text: String,
    tokens: Option<Vec<String>>,
    kinds: Option<BTreeMap<String, String>>,
    sentences: Option<Vec<String>>,
    entities: Option<Vec<ExpectedEntity>>,
    not_entities: Option<Vec<String>>,
    quotes: Option<Vec<ExpectedQuote>>,
    zones: Option<Vec<ExpectedZone>>,
    meta: Option<BTreeMap<String, String>>,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
struct ExpectedEntity {
    text: String,
    label: String,
    id: Option<String>,
    canonical: Option<String>,
    source: Option<String>,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
struct ExpectedQuote {
    text: String,
    kind: String,
    speaker: Option<String>,
    canonical: Option<String>,
    cue: Option<String>,
    rule: Option<String>,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
struct ExpectedZone {
    text: String,
    kind: String,
}

fn as_name<T: serde::Serialize>(v: T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(String::from))
        .unwrap_or_default()
}

/// Checks one case; returns the list of mismatches.
fn check(case: &Case, doc: &Document) -> Vec<String> {
    let mut errs = Vec::new();
    let t = |s: indotag::Span| doc.span_text(s).to_string();

    if let Some(want) = &case.tokens {
        let got: Vec<String> = doc.tokens.iter().map(|k| t(k.span)).collect();
        if &got != want {
            errs.push(format!("tokens:\n    want {want:?}\n    got  {got:?}"));
        }
    }
    if let Some(kinds) = &case.kinds {
        for (text, kind) in kinds {
            match doc.tokens.iter().find(|k| t(k.span) == *text) {
                None => errs.push(format!("kinds: no token {text:?}")),
                Some(k) if as_name(k.kind) != *kind => errs.push(format!(
                    "kinds: {text:?} is {}, want {kind}",
                    as_name(k.kind)
                )),
                Some(_) => {}
            }
        }
    }
    if let Some(want) = &case.sentences {
        let got: Vec<String> = doc.sentences.iter().map(|s| t(*s)).collect();
        if &got != want {
            errs.push(format!("sentences:\n    want {want:#?}\n    got  {got:#?}"));
        }
    }
    if let Some(want) = &case.entities {
        let got: Vec<(String, String)> = doc
            .entities
            .iter()
            .map(|e| (t(e.span), e.label.as_str().to_string()))
            .collect();
        let want_pairs: Vec<(String, String)> = want
            .iter()
            .map(|e| (e.text.clone(), e.label.clone()))
            .collect();
        if got != want_pairs {
            errs.push(format!(
                "entities:\n    want {want_pairs:?}\n    got  {got:?}"
            ));
        } else {
            for (w, g) in want.iter().zip(&doc.entities) {
                if w.id.as_deref().is_some_and(|id| id != &*g.id) {
                    errs.push(format!(
                        "entity {:?}: id {:?}, want {:?}",
                        w.text, g.id, w.id
                    ));
                }
                if w.canonical.as_deref().is_some_and(|c| c != &*g.canonical) {
                    errs.push(format!(
                        "entity {:?}: canonical {:?}, want {:?}",
                        w.text, g.canonical, w.canonical
                    ));
                }
                if w.source.as_deref().is_some_and(|s| s != as_name(g.source)) {
                    errs.push(format!(
                        "entity {:?}: source {}, want {:?}",
                        w.text,
                        as_name(g.source),
                        w.source
                    ));
                }
            }
        }
    }
    if let Some(absent) = &case.not_entities {
        for a in absent {
            if doc.entities.iter().any(|e| t(e.span) == *a) {
                errs.push(format!("not_entities: {a:?} was tagged"));
            }
        }
    }
    if let Some(want) = &case.quotes {
        let got: Vec<(String, String)> = doc
            .quotes
            .iter()
            .map(|q| (t(q.span), as_name(q.kind)))
            .collect();
        let want_pairs: Vec<(String, String)> = want
            .iter()
            .map(|q| (q.text.clone(), q.kind.clone()))
            .collect();
        if got != want_pairs {
            errs.push(format!(
                "quotes:\n    want {want_pairs:#?}\n    got  {got:#?}"
            ));
        } else {
            for (w, g) in want.iter().zip(&doc.quotes) {
                let sp_text = g.speaker.as_ref().map(|s| t(s.span));
                let sp_canon = g.speaker.as_ref().and_then(|s| s.canonical.as_deref());
                match w.speaker.as_deref() {
                    Some("") if g.speaker.is_some() => errs.push(format!(
                        "quote {:?}: speaker {sp_text:?}, want none",
                        w.text
                    )),
                    Some(s) if !s.is_empty() && sp_text.as_deref() != Some(s) => errs.push(
                        format!("quote {:?}: speaker {sp_text:?}, want {s:?}", w.text),
                    ),
                    _ => {}
                }
                // `canonical = ""`: the speaker must have none (a role, an unknown person).
                if let Some(c) = w.canonical.as_deref() {
                    if sp_canon != Some(c).filter(|c| !c.is_empty()) {
                        errs.push(format!(
                            "quote {:?}: canonical {sp_canon:?}, want {c:?}",
                            w.text
                        ));
                    }
                }
                if let Some(c) = w.cue.as_deref() {
                    let got_cue = g.cue.map(t);
                    if got_cue.as_deref() != Some(c) {
                        errs.push(format!("quote {:?}: cue {got_cue:?}, want {c:?}", w.text));
                    }
                }
                if let Some(r) = w.rule.as_deref() {
                    if g.rule != r {
                        errs.push(format!("quote {:?}: rule {:?}, want {r:?}", w.text, g.rule));
                    }
                }
            }
        }
    }
    if let Some(want) = &case.zones {
        for z in want {
            let Some(start) = doc.text.find(&z.text) else {
                errs.push(format!("zones: text {:?} not in the case's text", z.text));
                continue;
            };
            let span = indotag::Span::new(start, start + z.text.len());
            match doc.zones.iter().find(|zone| zone.span.contains(span)) {
                Some(zone) if zone.kind.as_str() == z.kind => {}
                Some(zone) => errs.push(format!(
                    "zones: {:?} is in {} zone, want {}",
                    z.text,
                    zone.kind.as_str(),
                    z.kind
                )),
                None => {
                    let kinds: Vec<&str> = doc
                        .zones
                        .iter()
                        .filter(|zone| zone.span.overlaps(span))
                        .map(|zone| zone.kind.as_str())
                        .collect();
                    errs.push(format!(
                        "zones: {:?} is not inside one zone (spans {kinds:?}), want {}",
                        z.text, z.kind
                    ))
                }
            }
        }
    }
    if let Some(want) = &case.meta {
        let got = serde_json::to_value(&doc.meta).unwrap_or_default();
        for (key, value) in want {
            let g = got.get(key).and_then(|v| v.as_str()).unwrap_or("");
            if g != value {
                errs.push(format!("meta.{key}: {g:?}, want {value:?}"));
            }
        }
    }
    errs
}

#[test]
fn testdata_cases() {
    let tagger = Tagger::new();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/testdata");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/testdata exists")
        .map(|e| e.expect("readable dir entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "no test data files in {}", dir.display());

    let mut report = String::new();
    let (mut cases, mut failed) = (0, 0);
    for path in &paths {
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        let content = std::fs::read_to_string(path).expect("readable test data");
        let file: File = toml::from_str(&content).unwrap_or_else(|e| panic!("{name}: {e}"));
        let mut seen = std::collections::HashSet::new();
        for case in &file.case {
            assert!(
                seen.insert(&case.name),
                "{name}: duplicate case name {:?}",
                case.name
            );
            cases += 1;
            let doc = tagger.tag(case.text.as_str());
            let errs = check(case, &doc);
            if !errs.is_empty() {
                failed += 1;
                let _ = writeln!(report, "\n{name} / {}:", case.name);
                for e in errs {
                    let _ = writeln!(report, "  {e}");
                }
            }
        }
    }
    assert!(
        failed == 0,
        "{failed} of {cases} test data cases failed:{report}"
    );
    eprintln!("{cases} test data cases passed");
}
