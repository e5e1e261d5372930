//! Scoring against gold annotations (the library behind `indotag eval`).
//!
//! Gold and predicted records are JSON Lines with **character** offsets, as `indotag tag` writes
//! them and as the gold guidelines define them (`id`, `text`, `entities`, `quotes`). Records are
//! matched by `id`; a gold document with no predicted record counts as predicting nothing.
//!
//! What is measured:
//! - **Entities**: precision, recall and F1 on exact `(start, end, label)`, overall and per label.
//! - **Quotes**, matched one-to-one (each gold quote takes the best unmatched prediction):
//!   *exact* — same span once quote marks and spaces are trimmed from both ends of both spans;
//!   *overlap* — the shared characters cover at least half of the gold span. Both overall (kind
//!   ignored) and per kind (`direct`, `partial`, `indirect`: gold and prediction of that kind).
//!   Indirect speech is best read at overlap: annotators may span the claim or the sentence.
//! - **Speaker accuracy** on quotes matched by overlap (overall, and per kind on the per-kind
//!   matches). When the gold speaker has a canonical name, the prediction is right if its
//!   speaker's canonical name or its text shares a *name token* with it (a word starting with a
//!   capital letter, two letters or more, compared case-insensitively: `Peskov` and `Dmitry
//!   Peskov` agree, `dan` in `Joe Biden dan Prabowo Subianto` is no name token). When the gold
//!   canonical is `null` (the article never says who), the prediction is right if it has no
//!   speaker or a speaker without a canonical name: claiming a name nobody gave is an error.
//!
//! ```
//! use indotag::eval::{parse_jsonl, score};
//! let gold = r#"{"id":"a","text":"\"Ya,\" kata Ani.","entities":[{"start":11,"end":14,"label":"PERSON"}],"quotes":[{"start":1,"end":4,"kind":"direct","speaker":{"start":11,"end":14,"text":"Ani","canonical":"Ani Lestari"}}]}"#;
//! let pred = r#"{"id":"a","entities":[{"start":11,"end":14,"label":"PERSON"}],"quotes":[{"start":0,"end":5,"kind":"direct","speaker":{"start":11,"end":14,"text":"Ani","canonical":null}}]}"#;
//! let report = score(&parse_jsonl("gold", gold)?, &parse_jsonl("pred", pred)?);
//! assert_eq!(report.entities.f1(), 1.0);
//! assert_eq!(report.quotes_exact.f1(), 1.0); // the marks around "Ya," are trimmed
//! assert_eq!(report.speaker.accuracy(), 1.0); // the text "Ani" shares a name token
//! # Ok::<(), indotag::Error>(())
//! ```

use std::collections::{BTreeMap, HashMap};

use serde_json::{json, Value};

use crate::document::Document;
use crate::error::{Error, Result};

/// An entity of a record: character offsets and label.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EntitySpan {
    /// First character.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
    /// `PERSON`, `GPE`, `LOC`, `ORG`.
    pub label: String,
}

/// A quotation of a record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuoteSpan {
    /// First character.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
    /// `direct`, `partial`, `indirect`.
    pub kind: String,
    /// The speaker, if any: its text and canonical name.
    pub speaker: Option<SpeakerName>,
}

/// Who a quotation is attributed to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SpeakerName {
    /// The mention's text.
    pub text: Option<String>,
    /// The resolved full name.
    pub canonical: Option<String>,
}

/// One gold or predicted record.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Record {
    /// Document id.
    pub id: String,
    /// The text, if the record carries it.
    pub text: Option<String>,
    /// Entities.
    pub entities: Vec<EntitySpan>,
    /// Quotations.
    pub quotes: Vec<QuoteSpan>,
}

impl Record {
    /// The record of a tagged document (offsets converted to characters).
    ///
    /// ```
    /// let doc = indotag::Tagger::new().tag("\"Kami siap,\" kata Budi Santoso.");
    /// let rec = indotag::eval::Record::from_document("x", &doc);
    /// assert_eq!(rec.quotes[0].start, 1);
    /// ```
    pub fn from_document(id: &str, doc: &Document) -> Record {
        let line = doc.to_json_line(crate::RecordOptions {
            text: true,
            tokens: false,
        });
        let mut rec = serde_json::from_str::<Value>(&line)
            .ok()
            .and_then(|v| from_value(&v).ok())
            .unwrap_or_default();
        rec.id = id.to_string();
        rec
    }
}

/// Parses JSON Lines records; `name` (a file name) is used in errors, which give `name:line`.
/// Blank lines are skipped. Records without an `id` get their line number as id.
///
/// ```
/// let err = indotag::eval::parse_jsonl("gold.jsonl", "{\"id\":\"a\"}\n{oops\n").unwrap_err();
/// assert!(err.to_string().starts_with("gold.jsonl:2:"));
/// ```
pub fn parse_jsonl(name: &str, content: &str) -> Result<Vec<Record>> {
    let mut out = Vec::new();
    for (i, line) in content.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let v: Value = serde_json::from_str(line).map_err(|e| {
            let (col, what) = crate::input::json_problem(&e, line.len());
            Error::data(
                name,
                i + 1,
                format!("invalid JSON at byte {col} of the line: {what}"),
            )
        })?;
        let mut rec = from_value(&v).map_err(|p| Error::data(name, i + 1, p))?;
        if rec.id.is_empty() {
            rec.id = (i + 1).to_string();
        }
        out.push(rec);
    }
    Ok(out)
}

fn offsets(v: &Value, what: &str) -> std::result::Result<(usize, usize), String> {
    let get = |k: &str| {
        v.get(k)
            .and_then(Value::as_u64)
            .map(|n| n as usize)
            .ok_or_else(|| format!("{what} without a numeric `{k}`"))
    };
    let (s, e) = (get("start")?, get("end")?);
    if e < s {
        return Err(format!("{what} ends ({e}) before it starts ({s})"));
    }
    Ok((s, e))
}

fn from_value(v: &Value) -> std::result::Result<Record, String> {
    let obj = v.as_object().ok_or("a record must be a JSON object")?;
    let id = match obj.get("id") {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        _ => String::new(),
    };
    let text = obj.get("text").and_then(Value::as_str).map(String::from);
    let list = |k: &str| -> std::result::Result<&[Value], String> {
        match obj.get(k) {
            None | Some(Value::Null) => Ok(&[]),
            Some(Value::Array(a)) => Ok(a),
            Some(_) => Err(format!("`{k}` must be a list")),
        }
    };
    let mut entities = Vec::new();
    for e in list("entities")? {
        let (start, end) = offsets(e, "entity")?;
        let label = e
            .get("label")
            .and_then(Value::as_str)
            .ok_or("entity without a `label`")?
            .to_string();
        entities.push(EntitySpan { start, end, label });
    }
    let mut quotes = Vec::new();
    for q in list("quotes")? {
        let (start, end) = offsets(q, "quote")?;
        let kind = q
            .get("kind")
            .and_then(Value::as_str)
            .ok_or("quote without a `kind`")?
            .to_string();
        let speaker = match q.get("speaker") {
            None | Some(Value::Null) => None,
            Some(s) if s.is_object() => Some(SpeakerName {
                text: s.get("text").and_then(Value::as_str).map(String::from),
                canonical: s.get("canonical").and_then(Value::as_str).map(String::from),
            }),
            Some(_) => return Err("quote `speaker` must be an object or null".into()),
        };
        quotes.push(QuoteSpan {
            start,
            end,
            kind,
            speaker,
        });
    }
    Ok(Record {
        id,
        text,
        entities,
        quotes,
    })
}

/// True positives, predictions and gold items of one measurement.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Prf {
    /// Matched pairs.
    pub tp: usize,
    /// Predicted items.
    pub pred: usize,
    /// Gold items.
    pub gold: usize,
}

impl Prf {
    /// tp / pred (1 when nothing was predicted and nothing was expected, else 0 for no
    /// predictions).
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.pred, self.gold == 0)
    }
    /// tp / gold.
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.gold, self.pred == 0)
    }
    /// Harmonic mean of precision and recall.
    ///
    /// ```
    /// let m = indotag::eval::Prf { tp: 1, pred: 2, gold: 1 };
    /// assert!((m.f1() - 2.0 / 3.0).abs() < 1e-9);
    /// ```
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    fn add(&mut self, o: Prf) {
        self.tp += o.tp;
        self.pred += o.pred;
        self.gold += o.gold;
    }
    fn to_json(self) -> Value {
        json!({"precision": round(self.precision()), "recall": round(self.recall()),
               "f1": round(self.f1()), "tp": self.tp, "pred": self.pred, "gold": self.gold})
    }
}

fn ratio(a: usize, b: usize, empty_is_perfect: bool) -> f64 {
    if b == 0 {
        if empty_is_perfect {
            1.0
        } else {
            0.0
        }
    } else {
        a as f64 / b as f64
    }
}

fn round(x: f64) -> f64 {
    (x * 10000.0).round() / 10000.0
}

/// Correct / total speaker attributions.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Accuracy {
    /// Right attributions.
    pub correct: usize,
    /// Matched quotes judged.
    pub total: usize,
}

impl Accuracy {
    /// correct / total (1 when there is nothing to judge).
    pub fn accuracy(&self) -> f64 {
        ratio(self.correct, self.total, true)
    }
    fn to_json(self) -> Value {
        json!({"accuracy": round(self.accuracy()), "correct": self.correct, "total": self.total})
    }
}

/// Quote scores for one kind.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct KindScores {
    /// Exact span match.
    pub exact: Prf,
    /// Overlap ≥ 50% of the gold span.
    pub overlap: Prf,
    /// Speaker accuracy on the overlap matches.
    pub speaker: Accuracy,
}

/// Everything `indotag eval` prints.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Report {
    /// Gold documents scored.
    pub documents: usize,
    /// Gold documents with no predicted record.
    pub missing: Vec<String>,
    /// Entities, all labels.
    pub entities: Prf,
    /// Entities per label.
    pub entities_by_label: BTreeMap<String, Prf>,
    /// Quotes, exact span, kind ignored.
    pub quotes_exact: Prf,
    /// Quotes, overlap, kind ignored.
    pub quotes_overlap: Prf,
    /// Speaker accuracy on the overlap matches, kind ignored.
    pub speaker: Accuracy,
    /// Per quote kind.
    pub by_kind: BTreeMap<String, KindScores>,
}

/// Scores predictions against gold, matching records by id.
pub fn score(gold: &[Record], pred: &[Record]) -> Report {
    let by_id: HashMap<&str, &Record> = pred.iter().map(|r| (r.id.as_str(), r)).collect();
    let empty = Record::default();
    let mut rep = Report::default();
    for kind in ["direct", "partial", "indirect"] {
        rep.by_kind.insert(kind.to_string(), KindScores::default());
    }
    for g in gold {
        rep.documents += 1;
        let p = match by_id.get(g.id.as_str()) {
            Some(p) => *p,
            None => {
                rep.missing.push(g.id.clone());
                &empty
            }
        };
        let text = g.text.as_deref().or(p.text.as_deref()).unwrap_or("");
        let chars: Vec<char> = text.chars().collect();
        score_entities(g, p, &mut rep);

        let all_g: Vec<&QuoteSpan> = g.quotes.iter().collect();
        let all_p: Vec<&QuoteSpan> = p.quotes.iter().collect();
        let (e, _) = match_quotes(&all_g, &all_p, &chars, Mode::Exact);
        rep.quotes_exact.add(e);
        let (o, pairs) = match_quotes(&all_g, &all_p, &chars, Mode::Overlap);
        rep.quotes_overlap.add(o);
        judge(&pairs, &mut rep.speaker);
        for (kind, ks) in rep.by_kind.iter_mut() {
            let kg: Vec<&QuoteSpan> = all_g.iter().copied().filter(|q| &q.kind == kind).collect();
            let kp: Vec<&QuoteSpan> = all_p.iter().copied().filter(|q| &q.kind == kind).collect();
            ks.exact.add(match_quotes(&kg, &kp, &chars, Mode::Exact).0);
            let (o, pairs) = match_quotes(&kg, &kp, &chars, Mode::Overlap);
            ks.overlap.add(o);
            judge(&pairs, &mut ks.speaker);
        }
    }
    rep
}

fn score_entities(g: &Record, p: &Record, rep: &mut Report) {
    let mut labels: Vec<&str> = g
        .entities
        .iter()
        .chain(&p.entities)
        .map(|e| e.label.as_str())
        .collect();
    labels.sort_unstable();
    labels.dedup();
    for label in labels {
        let gs: Vec<(usize, usize)> = g
            .entities
            .iter()
            .filter(|e| e.label == label)
            .map(|e| (e.start, e.end))
            .collect();
        let mut ps: Vec<(usize, usize)> = p
            .entities
            .iter()
            .filter(|e| e.label == label)
            .map(|e| (e.start, e.end))
            .collect();
        let pred = ps.len();
        let mut tp = 0;
        for s in &gs {
            if let Some(i) = ps.iter().position(|x| x == s) {
                ps.swap_remove(i);
                tp += 1;
            }
        }
        let m = Prf {
            tp,
            pred,
            gold: gs.len(),
        };
        rep.entities.add(m);
        rep.entities_by_label
            .entry(label.to_string())
            .or_default()
            .add(m);
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Exact,
    Overlap,
}

fn is_trimmed(c: char) -> bool {
    c.is_whitespace() || matches!(c, '"' | '“' | '”' | '„' | '«' | '»')
}

/// The span without quote marks and spaces at either end.
fn trimmed(q: &QuoteSpan, chars: &[char]) -> (usize, usize) {
    let (mut s, mut e) = (q.start.min(chars.len()), q.end.min(chars.len()));
    while s < e && is_trimmed(chars[s]) {
        s += 1;
    }
    while e > s && is_trimmed(chars[e - 1]) {
        e -= 1;
    }
    (s, e)
}

/// One-to-one matching, gold in order, each taking the unmatched prediction with the largest
/// overlap that qualifies.
fn match_quotes<'a>(
    gold: &[&'a QuoteSpan],
    pred: &[&'a QuoteSpan],
    chars: &[char],
    mode: Mode,
) -> (Prf, Vec<(&'a QuoteSpan, &'a QuoteSpan)>) {
    let mut used = vec![false; pred.len()];
    let mut pairs = Vec::new();
    for g in gold {
        let (gs, ge) = trimmed(g, chars);
        let mut best: Option<(usize, usize)> = None;
        for (i, p) in pred.iter().enumerate() {
            if used[i] {
                continue;
            }
            let (ps, pe) = trimmed(p, chars);
            let shared = ge.min(pe).saturating_sub(gs.max(ps));
            let ok = match mode {
                Mode::Exact => (gs, ge) == (ps, pe),
                Mode::Overlap => shared > 0 && 2 * shared >= ge - gs,
            };
            if ok && best.is_none_or(|(_, s)| shared > s) {
                best = Some((i, shared));
            }
        }
        if let Some((i, _)) = best {
            used[i] = true;
            pairs.push((*g, pred[i]));
        }
    }
    (
        Prf {
            tp: pairs.len(),
            pred: pred.len(),
            gold: gold.len(),
        },
        pairs,
    )
}

/// Name tokens of a name: capitalised words of two letters or more, lower-cased.
fn name_tokens(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| w.chars().count() >= 2 && w.chars().next().is_some_and(char::is_uppercase))
        .map(str::to_lowercase)
        .collect()
}

/// Is the predicted speaker right? See the module documentation.
///
/// ```
/// use indotag::eval::{speaker_correct, SpeakerName};
/// let gold = SpeakerName { text: Some("Dia".into()), canonical: Some("Dmitry Peskov".into()) };
/// let said = |t: &str, c: Option<&str>| Some(SpeakerName { text: Some(t.into()), canonical: c.map(String::from) });
/// assert!(speaker_correct(Some(&gold), said("Dia", Some("Dmitry Peskov")).as_ref()));
/// assert!(speaker_correct(Some(&gold), said("Peskov", None).as_ref()));
/// assert!(!speaker_correct(Some(&gold), said("Dia", Some("Vladimir Putin")).as_ref()));
/// assert!(!speaker_correct(Some(&gold), None));
/// let nobody = SpeakerName { text: Some("para analis".into()), canonical: None };
/// assert!(speaker_correct(Some(&nobody), said("para analis", None).as_ref()));
/// assert!(!speaker_correct(Some(&nobody), said("Reuters", Some("Reuters")).as_ref()));
/// ```
pub fn speaker_correct(gold: Option<&SpeakerName>, pred: Option<&SpeakerName>) -> bool {
    let gold_canon = gold.and_then(|g| g.canonical.as_deref());
    match gold_canon {
        None => pred.is_none_or(|p| p.canonical.is_none()),
        Some(gc) => {
            let Some(p) = pred else { return false };
            let want = name_tokens(gc);
            let has = |s: Option<&str>| {
                s.is_some_and(|s| name_tokens(s).iter().any(|t| want.contains(t)))
            };
            has(p.canonical.as_deref()) || has(p.text.as_deref())
        }
    }
}

fn judge(pairs: &[(&QuoteSpan, &QuoteSpan)], acc: &mut Accuracy) {
    for (g, p) in pairs {
        acc.total += 1;
        if speaker_correct(g.speaker.as_ref(), p.speaker.as_ref()) {
            acc.correct += 1;
        }
    }
}

impl Report {
    /// The human-readable table `indotag eval` prints.
    pub fn to_text(&self) -> String {
        use std::fmt::Write as _;
        let mut s = String::new();
        let line = |s: &mut String, name: &str, m: &Prf| {
            let _ = writeln!(
                s,
                "{name:<28} P {:.3}  R {:.3}  F1 {:.3}   (tp {} / pred {} / gold {})",
                m.precision(),
                m.recall(),
                m.f1(),
                m.tp,
                m.pred,
                m.gold
            );
        };
        let _ = writeln!(s, "documents: {}", self.documents);
        if !self.missing.is_empty() {
            let _ = writeln!(s, "no prediction for: {}", self.missing.join(", "));
        }
        line(&mut s, "entities", &self.entities);
        for (label, m) in &self.entities_by_label {
            line(&mut s, &format!("  {label}"), m);
        }
        line(&mut s, "quotes exact", &self.quotes_exact);
        line(&mut s, "quotes overlap", &self.quotes_overlap);
        for (kind, k) in &self.by_kind {
            line(&mut s, &format!("  {kind} exact"), &k.exact);
            line(&mut s, &format!("  {kind} overlap"), &k.overlap);
        }
        let acc = |s: &mut String, name: &str, a: &Accuracy| {
            let _ = writeln!(
                s,
                "{name:<28} {:.3}   ({} / {})",
                a.accuracy(),
                a.correct,
                a.total
            );
        };
        acc(&mut s, "speaker accuracy", &self.speaker);
        for (kind, k) in &self.by_kind {
            acc(&mut s, &format!("  {kind}"), &k.speaker);
        }
        s
    }

    /// A machine-readable summary.
    pub fn to_json(&self) -> Value {
        let by_label: serde_json::Map<String, Value> = self
            .entities_by_label
            .iter()
            .map(|(k, m)| (k.clone(), m.to_json()))
            .collect();
        let by_kind: serde_json::Map<String, Value> = self
            .by_kind
            .iter()
            .map(|(k, m)| {
                (
                    k.clone(),
                    json!({"exact": m.exact.to_json(), "overlap": m.overlap.to_json(),
                           "speaker": m.speaker.to_json()}),
                )
            })
            .collect();
        json!({
            "documents": self.documents,
            "missing": self.missing,
            "entities": {"overall": self.entities.to_json(), "by_label": by_label},
            "quotes": {"exact": self.quotes_exact.to_json(), "overlap": self.quotes_overlap.to_json(),
                       "by_kind": by_kind},
            "speaker": self.speaker.to_json(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(start: usize, end: usize, kind: &str, canon: Option<&str>) -> QuoteSpan {
        QuoteSpan {
            start,
            end,
            kind: kind.into(),
            speaker: Some(SpeakerName {
                text: None,
                canonical: canon.map(String::from),
            }),
        }
    }

    fn rec(id: &str, text: &str, quotes: Vec<QuoteSpan>) -> Record {
        Record {
            id: id.into(),
            text: Some(text.into()),
            entities: vec![],
            quotes,
        }
    }

    #[test]
    fn overlap_needs_half_of_gold() {
        let text = "0123456789012345678901234567890123456789";
        let gold = [rec("a", text, vec![q(0, 20, "indirect", Some("Ani"))])];
        let half = [rec("a", text, vec![q(10, 35, "indirect", Some("Ani"))])];
        let less = [rec("a", text, vec![q(11, 35, "indirect", Some("Ani"))])];
        assert_eq!(score(&gold, &half).quotes_overlap.tp, 1);
        assert_eq!(score(&gold, &less).quotes_overlap.tp, 0);
        assert_eq!(score(&gold, &half).quotes_exact.tp, 0);
    }

    #[test]
    fn one_prediction_matches_one_gold() {
        let text = "0123456789012345678901234567890123456789";
        let gold = [rec(
            "a",
            text,
            vec![q(0, 10, "direct", None), q(10, 20, "direct", None)],
        )];
        let pred = [rec("a", text, vec![q(0, 20, "direct", None)])];
        let r = score(&gold, &pred);
        assert_eq!(
            r.quotes_overlap,
            Prf {
                tp: 1,
                pred: 1,
                gold: 2
            }
        );
    }

    #[test]
    fn per_kind_and_speaker() {
        let text = "\"abc def\" kata Budi. xxxxxxxxxxxxxxxxxxxxxxxxxx";
        let gold = [rec(
            "a",
            text,
            vec![
                q(1, 8, "direct", Some("Budi Santoso")),
                q(21, 40, "indirect", Some("Budi Santoso")),
            ],
        )];
        let pred = [rec(
            "a",
            text,
            vec![
                q(0, 9, "direct", Some("Budi")),
                q(21, 40, "direct", Some("Ani")),
            ],
        )];
        let r = score(&gold, &pred);
        assert_eq!(r.quotes_exact.tp, 2); // marks trimmed; kind ignored overall
        assert_eq!(
            r.speaker,
            Accuracy {
                correct: 1,
                total: 2
            }
        );
        assert_eq!(
            r.by_kind["direct"].exact,
            Prf {
                tp: 1,
                pred: 2,
                gold: 1
            }
        );
        assert_eq!(
            r.by_kind["indirect"].overlap,
            Prf {
                tp: 0,
                pred: 0,
                gold: 1
            }
        );
        assert_eq!(
            r.by_kind["direct"].speaker,
            Accuracy {
                correct: 1,
                total: 1
            }
        );
    }

    #[test]
    fn missing_prediction_counts_as_empty() {
        let gold = [rec("a", "xx", vec![q(0, 2, "direct", None)])];
        let r = score(&gold, &[]);
        assert_eq!(r.missing, vec!["a".to_string()]);
        assert_eq!(
            r.quotes_exact,
            Prf {
                tp: 0,
                pred: 0,
                gold: 1
            }
        );
    }

    #[test]
    fn entities_exact_by_label() {
        let e = |s, e, l: &str| EntitySpan {
            start: s,
            end: e,
            label: l.into(),
        };
        let gold = [Record {
            id: "a".into(),
            entities: vec![e(0, 5, "PERSON"), e(6, 9, "GPE")],
            ..Default::default()
        }];
        let pred = [Record {
            id: "a".into(),
            entities: vec![e(0, 5, "PERSON"), e(6, 9, "ORG")],
            ..Default::default()
        }];
        let r = score(&gold, &pred);
        assert_eq!(
            r.entities,
            Prf {
                tp: 1,
                pred: 2,
                gold: 2
            }
        );
        assert_eq!(
            r.entities_by_label["GPE"],
            Prf {
                tp: 0,
                pred: 0,
                gold: 1
            }
        );
        assert_eq!(
            r.entities_by_label["ORG"],
            Prf {
                tp: 0,
                pred: 1,
                gold: 0
            }
        );
    }

    #[test]
    fn malformed_lines_name_the_line() {
        let err = parse_jsonl("g.jsonl", "{\"id\":\"a\",\"quotes\":[{\"start\":1}]}").unwrap_err();
        assert!(err.to_string().starts_with("g.jsonl:1:"), "{err}");
    }
}
