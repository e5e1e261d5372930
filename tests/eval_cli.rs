//! `indotag eval` end to end: a tiny gold file written here, scored against the tagger itself
//! and against saved predictions.

use std::io::Write;
use std::process::Command;

fn gold_line() -> String {
    let text = "\"Harga beras naik lagi,\" kata Siti Rahmawati di Bandung.";
    let start = 1;
    let end = start + "Harga beras naik lagi,".chars().count();
    let sp = text.find("Siti").unwrap();
    serde_json::json!({
        "id": "a",
        "text": text,
        "entities": [],
        "quotes": [{"start": start, "end": end, "text": &text[start..end], "kind": "direct",
                    "speaker": {"start": sp, "end": sp + 14, "text": "Siti Rahmawati", "canonical": "Siti Rahmawati"}}]
    })
    .to_string()
}

fn file(content: &str) -> tempfile::NamedTempFile {
    let mut f = tempfile::NamedTempFile::new().unwrap();
    f.write_all(content.as_bytes()).unwrap();
    f
}

fn eval(args: &[&str]) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_indotag"))
        .arg("eval")
        .args(args)
        .output()
        .unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn tags_gold_texts_itself_and_prints_json() {
    let gold = file(&format!("{}\n", gold_line()));
    let (ok, out, err) = eval(&["--gold", gold.path().to_str().unwrap(), "--json"]);
    assert!(ok, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["documents"], 1);
    assert_eq!(v["quotes"]["exact"]["tp"], 1);
    assert_eq!(v["quotes"]["by_kind"]["direct"]["overlap"]["f1"], 1.0);
    assert_eq!(v["speaker"]["correct"], 1);
}

#[test]
fn scores_saved_predictions_by_id() {
    let gold = file(&format!("{}\n", gold_line()));
    // Prediction: right span, wrong speaker, plus one spurious quote.
    let pred = file(
        "{\"id\":\"a\",\"entities\":[],\"quotes\":[\
         {\"start\":1,\"end\":23,\"kind\":\"direct\",\"speaker\":{\"start\":0,\"end\":3,\"text\":\"Ani\",\"canonical\":\"Ani Lestari\"}},\
         {\"start\":40,\"end\":47,\"kind\":\"partial\",\"speaker\":null}]}\n",
    );
    let (ok, out, err) = eval(&[
        "--gold",
        gold.path().to_str().unwrap(),
        pred.path().to_str().unwrap(),
    ]);
    assert!(ok, "{err}");
    assert!(out.contains("quotes exact"), "{out}");
    assert!(out.contains("(tp 1 / pred 2 / gold 1)"), "{out}");
    assert!(
        out.contains("speaker accuracy             0.000   (0 / 1)"),
        "{out}"
    );
}

#[test]
fn malformed_gold_names_file_and_line() {
    let gold = file(&format!("{}\n{{not json\n", gold_line()));
    let path = gold.path().to_str().unwrap().to_string();
    let (ok, _, err) = eval(&["--gold", &path]);
    assert!(!ok);
    assert!(err.contains(&format!("{path}:2:")), "{err}");
}

#[test]
fn missing_gold_file_is_an_error() {
    let (ok, _, err) = eval(&["--gold", "/no/such/gold.jsonl"]);
    assert!(!ok);
    assert!(err.contains("/no/such/gold.jsonl"), "{err}");
}
