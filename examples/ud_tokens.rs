//! Token and sentence-boundary F1 of `indotag::tokenize` / `indotag::sentence` against a UD
//! treebank.
//!
//! Run: `cargo run --release --example ud_tokens -- FILE.conllu [--errors N] [--news]`
//!
//! Tokens follow the treebank's conventions ([`Style::UdGsd`] when the file name contains `gsd`,
//! else [`Style::UdCsui`]), or the pipeline's with `--news`. Sentences are always split on
//! the pipeline's (`News`) tokens.
//!
//! Gold tokens are the surface tokens of each sentence: a multiword range (`1-2`) counts as one
//! token and its parts are skipped. Tokens are compared by exact byte span inside `# text`.
//! For sentences, all sentence texts of the file are joined with one space (the files carry no
//! document marks) and the boundaries (sentence end offsets) are compared.

use std::collections::HashSet;

use indotag::tokenize::{tokenize_with, Style};

struct Sent {
    text: String,
    forms: Vec<String>,
}

fn read(path: &str) -> Vec<Sent> {
    let data = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut out = Vec::new();
    let mut cur: Option<Sent> = None;
    let mut skip_to = 0usize;
    for line in data.lines() {
        if let Some(t) = line.strip_prefix("# text = ") {
            if let Some(s) = cur.take() {
                out.push(s);
            }
            cur = Some(Sent {
                text: t.to_string(),
                forms: Vec::new(),
            });
            skip_to = 0;
        } else if line.is_empty() || line.starts_with('#') {
            continue;
        } else if let Some(s) = cur.as_mut() {
            let mut cols = line.split('\t');
            let id = cols.next().unwrap_or("");
            let form = cols.next().unwrap_or("");
            if let Some((a, b)) = id.split_once('-') {
                let _: usize = a.parse().unwrap_or(0);
                skip_to = b.parse().unwrap_or(0);
                s.forms.push(form.to_string());
            } else if id.contains('.') {
                continue;
            } else {
                let n: usize = id.parse().unwrap_or(0);
                if n > skip_to {
                    s.forms.push(form.to_string());
                }
            }
        }
    }
    if let Some(s) = cur.take() {
        out.push(s);
    }
    out
}

/// Aligns gold forms to the text; `None` when the forms do not spell the text.
fn align(text: &str, forms: &[String]) -> Option<Vec<(usize, usize)>> {
    let mut pos = 0;
    let mut spans = Vec::with_capacity(forms.len());
    for f in forms {
        while let Some(c) = text[pos..].chars().next() {
            if c.is_whitespace() {
                pos += c.len_utf8();
            } else {
                break;
            }
        }
        if !text[pos..].starts_with(f.as_str()) {
            return None;
        }
        spans.push((pos, pos + f.len()));
        pos += f.len();
    }
    Some(spans)
}

fn prf(tp: usize, n_pred: usize, n_gold: usize) -> (f64, f64, f64) {
    let p = tp as f64 / n_pred.max(1) as f64;
    let r = tp as f64 / n_gold.max(1) as f64;
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    (p, r, f)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let path = args
        .first()
        .expect("usage: ud_tokens FILE.conllu [--errors N]");
    let show: usize = args
        .iter()
        .position(|a| a == "--errors")
        .and_then(|i| args.get(i + 1))
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    let style = if args.iter().any(|a| a == "--news") {
        Style::News
    } else if path.contains("gsd") {
        Style::UdGsd
    } else {
        Style::UdCsui
    };
    let tok = |text: &str| {
        let mut v = Vec::new();
        tokenize_with(text, style, &mut v);
        v
    };
    let sents = read(path);
    let (mut tp, mut n_pred, mut n_gold, mut unaligned, mut shown) = (0, 0, 0, 0, 0);
    // Sentence boundaries over the joined text.
    let mut joined = String::new();
    let mut gold_ends = HashSet::new();
    for s in &sents {
        if !joined.is_empty() {
            joined.push(' ');
        }
        joined.push_str(&s.text);
        gold_ends.insert(joined.len());
        let Some(gold) = align(&s.text, &s.forms) else {
            unaligned += 1;
            continue;
        };
        let pred: Vec<(usize, usize)> = tok(&s.text)
            .iter()
            .map(|t| (t.span.start, t.span.end))
            .collect();
        let gs: HashSet<_> = gold.iter().copied().collect();
        let ok = pred.iter().filter(|p| gs.contains(p)).count();
        tp += ok;
        n_pred += pred.len();
        n_gold += gold.len();
        if show > shown && (ok != pred.len() || ok != gold.len()) {
            shown += 1;
            let ps: HashSet<_> = pred.iter().copied().collect();
            let miss: Vec<&str> = gold
                .iter()
                .filter(|g| !ps.contains(g))
                .map(|&(a, b)| &s.text[a..b])
                .collect();
            let extra: Vec<&str> = pred
                .iter()
                .filter(|p| !gs.contains(p))
                .map(|&(a, b)| &s.text[a..b])
                .collect();
            println!("gold-only {miss:?}  pred-only {extra:?}\n    {}", s.text);
        }
    }
    let (p, r, f) = prf(tp, n_pred, n_gold);
    println!(
        "{path}: {} sentences ({unaligned} unaligned, skipped), style {style:?}\ntokens    P={p:.4} R={r:.4} F1={f:.4}  (gold {n_gold}, pred {n_pred}, match {tp})",
        sents.len()
    );
    let toks = indotag::tokenize::tokenize(&joined);
    let pred_ends: HashSet<usize> = indotag::sentence::split(&joined, &toks)
        .iter()
        .map(|s| s.end)
        .collect();
    let ok = pred_ends.intersection(&gold_ends).count();
    let (p, r, f) = prf(ok, pred_ends.len(), gold_ends.len());
    println!(
        "sentences P={p:.4} R={r:.4} F1={f:.4}  (gold {}, pred {}, match {ok}; joined text)",
        gold_ends.len(),
        pred_ends.len()
    );
    if show > 0 {
        let mut n = 0;
        let mut prev = 0;
        let sp = indotag::sentence::split(&joined, &toks);
        for s in &sp {
            if !gold_ends.contains(&s.end) && n < show {
                n += 1;
                let a = s.end.saturating_sub(60);
                let a = (0..=a)
                    .rev()
                    .find(|&i| joined.is_char_boundary(i))
                    .unwrap_or(0);
                let b = (s.end + 40).min(joined.len());
                let b = (b..=joined.len())
                    .find(|&i| joined.is_char_boundary(i))
                    .unwrap_or(joined.len());
                println!("FALSE SPLIT: {}|{}", &joined[a..s.end], &joined[s.end..b]);
            }
            prev = s.end;
        }
        let _ = prev;
        let pe: HashSet<usize> = sp.iter().map(|s| s.end).collect();
        let mut n = 0;
        let mut ge: Vec<_> = gold_ends.iter().copied().collect();
        ge.sort();
        for e in ge {
            if !pe.contains(&e) && n < show {
                n += 1;
                let a = e.saturating_sub(60);
                let a = (0..=a)
                    .rev()
                    .find(|&i| joined.is_char_boundary(i))
                    .unwrap_or(0);
                let b = (e + 40).min(joined.len());
                let b = (b..=joined.len())
                    .find(|&i| joined.is_char_boundary(i))
                    .unwrap_or(joined.len());
                println!("MISSED SPLIT: {}|{}", &joined[a..e], &joined[e..b]);
            }
        }
    }
}
