//! Scores the entity stages (gazetteer + patterns + resolution) against gold data.
//!
//! ```text
//! cargo run --release --example ner_eval -- /work/shared/data/ner/nerui-dev.01.tsv [--doc] [--errors]
//! cargo run --release --example ner_eval -- /work/shared/eval/dev-gold.jsonl [--errors]
//! ```
//!
//! - `*.tsv`: IndoLEM NER UI, `TOKEN<TAB>BIO`, blank line between sentences. Each sentence is
//!   rebuilt by joining its tokens with single spaces and tagged as its own document (the
//!   sentences of the file are not known to come from one article, so resolution does not cross
//!   them); `--doc` tags the whole file as one document instead (sentences separated by blank
//!   lines) to show what cross-sentence resolution adds. Labels: PERSON→PERSON,
//!   ORGANIZATION→ORG, LOCATION→GPE or LOC (either counts).
//! - `*.jsonl`: gold records (see GUIDELINES.md): each `text` is tagged, entities compared by
//!   exact character span and label.
//!
//! `--bench FILE.jsonl` instead times, on one core, the whole pipeline and the entity and
//! resolve stages alone over every `text` of the file.
//!
//! A prediction is correct when span and (mapped) label are exactly right. Prints precision,
//! recall and F1 per label and micro-averaged; `--errors` lists misses and false alarms.

use std::collections::BTreeMap;

use indotag::{Label, Tagger};

/// One gold or predicted entity: (start, end, label) in the unit of its source.
type Mention = (usize, usize, &'static str);

#[derive(Default)]
struct Score {
    tp: usize,
    fp: usize,
    fn_: usize,
}

impl Score {
    fn line(&self, name: &str) -> String {
        let p = self.tp as f64 / (self.tp + self.fp).max(1) as f64;
        let r = self.tp as f64 / (self.tp + self.fn_).max(1) as f64;
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        format!(
            "{name:<8} P {p:.3}  R {r:.3}  F1 {f:.3}   (tp {} fp {} fn {})",
            self.tp, self.fp, self.fn_
        )
    }
}

/// NER UI has one LOCATION label; ours splits it into GPE and LOC.
fn nerui_label(l: Label) -> &'static str {
    match l {
        Label::Person => "PERSON",
        Label::Org => "ORG",
        Label::Gpe | Label::Loc => "LOC",
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.iter().find(|a| !a.starts_with("--")) else {
        eprintln!("usage: ner_eval FILE.tsv|FILE.jsonl [--doc] [--errors]");
        std::process::exit(2);
    };
    let errors = args.iter().any(|a| a == "--errors");
    let whole = args.iter().any(|a| a == "--doc");
    let content = match std::fs::read_to_string(path) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    };
    let tagger = Tagger::new();
    if args.iter().any(|a| a == "--bench") {
        bench(&tagger, &content);
        return;
    }
    // (text, gold, predicted) per document
    let docs: Vec<(String, Vec<Mention>, Vec<Mention>)> = if path.ends_with(".jsonl") {
        gold_jsonl(&tagger, &content)
    } else {
        nerui(&tagger, &content, whole)
    };
    let mut per: BTreeMap<&str, Score> = BTreeMap::new();
    let mut micro = Score::default();
    for (text, gold, pred) in &docs {
        for g in gold {
            let s = per.entry(g.2).or_default();
            if pred.contains(g) {
                s.tp += 1;
                micro.tp += 1;
            } else {
                s.fn_ += 1;
                micro.fn_ += 1;
                if errors {
                    println!("MISS  {:<7} {:?}", g.2, slice_chars(text, g.0, g.1));
                }
            }
        }
        for p in pred {
            if !gold.contains(p) {
                per.entry(p.2).or_default().fp += 1;
                micro.fp += 1;
                if errors {
                    let near = gold.iter().find(|g| g.0 < p.1 && p.0 < g.1);
                    let note = near.map_or(String::new(), |g| {
                        format!("  (gold {} {:?})", g.2, slice_chars(text, g.0, g.1))
                    });
                    println!("FALSE {:<7} {:?}{note}", p.2, slice_chars(text, p.0, p.1));
                }
            }
        }
    }
    println!("{path}: {} documents", docs.len());
    for (l, s) in &per {
        println!("{}", s.line(l));
    }
    println!("{}", micro.line("micro"));
}

/// Characters `a..b` of `text` (offsets in chars).
fn slice_chars(text: &str, a: usize, b: usize) -> String {
    text.chars().skip(a).take(b - a).collect()
}

/// NER UI: returns per document the text, gold and predicted mentions in *char* offsets.
fn nerui(tagger: &Tagger, content: &str, whole: bool) -> Vec<(String, Vec<Mention>, Vec<Mention>)> {
    let mut sentences: Vec<Vec<(&str, &str)>> = vec![Vec::new()];
    for line in content.lines() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            if !sentences.last().is_some_and(|s| s.is_empty()) {
                sentences.push(Vec::new());
            }
            continue;
        }
        let (tok, tag) = line.split_once('\t').unwrap_or((line, "O"));
        if let Some(s) = sentences.last_mut() {
            s.push((tok, tag));
        }
    }
    sentences.retain(|s| !s.is_empty());
    let groups: Vec<&[Vec<(&str, &str)>]> = if whole {
        vec![&sentences[..]]
    } else {
        sentences.chunks(1).collect()
    };
    let mut out = Vec::new();
    for group in groups {
        let mut text = String::new();
        let mut gold = Vec::new();
        for sent in group {
            if !text.is_empty() {
                text.push_str("\n\n");
            }
            let mut open: Option<(usize, &'static str)> = None;
            let mut last_end = 0;
            for &(tok, tag) in sent {
                if !text.is_empty() && !text.ends_with('\n') {
                    text.push(' ');
                }
                let start = text.chars().count();
                text.push_str(tok);
                let end = start + tok.chars().count();
                let label = match tag.get(2..) {
                    Some("PERSON") => "PERSON",
                    Some("ORGANIZATION") => "ORG",
                    Some("LOCATION") => "LOC",
                    _ => "",
                };
                let cont = tag.starts_with("I-") && open.is_some_and(|(_, l)| l == label);
                if !cont {
                    if let Some((s, l)) = open.take() {
                        gold.push((s, last_end, l));
                    }
                    if !label.is_empty() {
                        open = Some((start, label));
                    }
                }
                last_end = end;
            }
            if let Some((s, l)) = open.take() {
                gold.push((s, last_end, l));
            }
        }
        let pred = predict(tagger, &text, nerui_label);
        out.push((text, gold, pred));
    }
    out
}

/// Tags `text`; entities as char-offset mentions with labels mapped by `map`.
fn predict(tagger: &Tagger, text: &str, map: fn(Label) -> &'static str) -> Vec<Mention> {
    let doc = tagger.tag(text);
    // byte -> char offsets, once per document
    let mut chars = vec![0usize; doc.text.len() + 1];
    let mut n = 0;
    for (b, c) in doc.text.char_indices() {
        for slot in &mut chars[b..b + c.len_utf8()] {
            *slot = n;
        }
        n += 1;
    }
    chars[doc.text.len()] = n;
    doc.entities
        .iter()
        .map(|e| (chars[e.span.start], chars[e.span.end], map(e.label)))
        .collect()
}

fn gold_jsonl(tagger: &Tagger, content: &str) -> Vec<(String, Vec<Mention>, Vec<Mention>)> {
    let mut out = Vec::new();
    for (i, line) in content.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let rec: serde_json::Value = match serde_json::from_str(line) {
            Ok(v) => v,
            Err(e) => {
                eprintln!("line {}: {e}", i + 1);
                continue;
            }
        };
        let text = rec["text"].as_str().unwrap_or_default().to_string();
        let gold: Vec<Mention> = rec["entities"]
            .as_array()
            .map(|a| a.as_slice())
            .unwrap_or_default()
            .iter()
            .filter_map(|e| {
                let label = match e["label"].as_str()? {
                    "PERSON" => "PERSON",
                    "GPE" => "GPE",
                    "LOC" => "LOC",
                    "ORG" => "ORG",
                    _ => return None,
                };
                Some((
                    e["start"].as_u64()? as usize,
                    e["end"].as_u64()? as usize,
                    label,
                ))
            })
            .collect();
        let pred = predict(tagger, &text, |l| l.as_str());
        out.push((text, gold, pred));
    }
    out
}

/// Throughput of the pipeline and of the entity + resolve stages, one thread.
fn bench(tagger: &Tagger, content: &str) {
    use indotag::{entity, resolve, sentence, tokenize};
    use std::time::Instant;
    let texts: Vec<String> = content
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v["text"].as_str().map(String::from))
        .collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    let prepared: Vec<_> = texts
        .iter()
        .map(|t| {
            let tokens = tokenize::tokenize(t);
            let sentences = sentence::split(t, &tokens);
            (tokens, sentences)
        })
        .collect();
    let mb = bytes as f64 / 1e6;
    let t0 = Instant::now();
    let mut g = 0;
    for (t, (tokens, _)) in texts.iter().zip(&prepared) {
        g += tagger.matcher().find(t, tokens).len();
    }
    let gaz = t0.elapsed().as_secs_f64();
    let t0 = Instant::now();
    let mut n = 0;
    for (t, (tokens, sentences)) in texts.iter().zip(&prepared) {
        let mut ents = entity::find(t, tokens, sentences, tagger.matcher());
        resolve::resolve(t, tokens, &mut ents);
        n += ents.len();
    }
    let stage = t0.elapsed().as_secs_f64();
    let t0 = Instant::now();
    let mut m = 0;
    for t in &texts {
        m += tagger.tag(t.as_str()).entities.len();
    }
    let all = t0.elapsed().as_secs_f64();
    println!(
        "{} docs, {mb:.1} MB, {n} entities ({m} via Tagger)",
        texts.len()
    );
    println!(
        "gazetteer matcher alone: {:.1} MB/s ({g} matches)",
        mb / gaz
    );
    println!("entity+resolve (matcher included): {:.1} MB/s", mb / stage);
    println!(
        "entity+resolve without the matcher: {:.1} MB/s",
        mb / (stage - gaz).max(1e-9)
    );
    println!("whole pipeline: {:.1} MB/s", mb / all);
}
