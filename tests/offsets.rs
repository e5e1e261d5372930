//! The offset rule, on arbitrary input: for every span of every record,
//! `text[start:end] == span["text"]` in character offsets; spans sorted and within bounds;
//! tokens never overlap and never hold white space at their ends. No input may panic.

use indotag::Tagger;
use std::sync::OnceLock;

use proptest::prelude::*;
use serde_json::Value;

/// One tagger for every case: building it compiles the gazetteers.
fn tagger() -> &'static Tagger {
    static TAGGER: OnceLock<Tagger> = OnceLock::new();
    TAGGER.get_or_init(Tagger::new)
}

fn check_record(text: &str, rec: &Value) -> Result<(), TestCaseError> {
    let chars: Vec<char> = text.chars().collect();
    let slice = |s: u64, e: u64| -> String { chars[s as usize..e as usize].iter().collect() };
    let span = |v: &Value| -> Result<(u64, u64), TestCaseError> {
        let s = v["start"]
            .as_u64()
            .ok_or_else(|| TestCaseError::fail("no start"))?;
        let e = v["end"]
            .as_u64()
            .ok_or_else(|| TestCaseError::fail("no end"))?;
        prop_assert!(
            s <= e && e as usize <= chars.len(),
            "span {s}..{e} out of bounds"
        );
        Ok((s, e))
    };
    let mut prev_end = 0;
    for tok in rec["tokens"].as_array().into_iter().flatten() {
        let (s, e) = span(tok)?;
        prop_assert!(s < e, "empty token");
        prop_assert!(s >= prev_end, "tokens overlap or are unsorted at {s}");
        prev_end = e;
        let t = slice(s, e);
        prop_assert_eq!(&t, tok["text"].as_str().unwrap_or(""));
        prop_assert!(!t.starts_with(char::is_whitespace) && !t.ends_with(char::is_whitespace));
    }
    for key in ["sentences", "zones", "entities", "quotes"] {
        let mut last = (0, 0);
        for item in rec[key].as_array().into_iter().flatten() {
            let (s, e) = span(item)?;
            prop_assert!((s, e) >= last, "{key} unsorted");
            last = (s, e);
            if let Some(t) = item.get("text") {
                prop_assert_eq!(slice(s, e), t.as_str().unwrap_or(""));
            }
            for sub in ["speaker", "cue"] {
                if let Some(v) = item.get(sub).filter(|v| v.is_object()) {
                    let (s, e) = span(v)?;
                    prop_assert_eq!(slice(s, e), v["text"].as_str().unwrap_or(""));
                }
            }
        }
    }
    // zones partition the text
    let mut pos = 0;
    for z in rec["zones"].as_array().into_iter().flatten() {
        let (s, e) = span(z)?;
        prop_assert_eq!(s, pos, "zones leave a gap or overlap");
        pos = e;
    }
    if !chars.is_empty() {
        prop_assert_eq!(pos as usize, chars.len(), "zones do not cover the text");
    }
    Ok(())
}

/// Text made of the pieces Indonesian news is made of, to reach the interesting code paths.
fn newsy() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Presiden ".to_string()),
        Just("Joko Widodo".to_string()),
        Just("kata ".to_string()),
        Just("\"".to_string()),
        Just("“".to_string()),
        Just("”".to_string()),
        Just(", ".to_string()),
        Just(". ".to_string()),
        Just("\n\n".to_string()),
        Just("  ".to_string()),
        Just("Rp15.000".to_string()),
        Just("-0,33%".to_string()),
        Just("Baca Juga: ".to_string()),
        Just("KONTAN.CO.ID - JAKARTA. ".to_string()),
        Just("Korea Utara".to_string()),
        Just("AS ".to_string()),
        Just("ujarnya.".to_string()),
        Just("Menurut ".to_string()),
        Just("pro-Rusia ".to_string()),
        Just("👍🏽".to_string()),
        Just("\r\n".to_string()),
        "[a-zA-Z]{1,8}",
        "\\PC{1,4}",
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_unicode_keeps_the_offset_rule(text in "\\PC{0,200}") {
        let doc = tagger().tag(text.as_str());
        let rec: Value = serde_json::from_str(&doc.to_json_line(Default::default())).unwrap();
        check_record(&text, &rec)?;
    }

    #[test]
    fn any_char_at_all_keeps_the_offset_rule(text in any::<String>()) {
        let doc = tagger().tag(text.as_str());
        let rec: Value = serde_json::from_str(&doc.to_json_line(Default::default())).unwrap();
        check_record(&text, &rec)?;
    }

    #[test]
    fn newsy_text_keeps_the_offset_rule(text in newsy()) {
        let doc = tagger().tag(text.as_str());
        let rec: Value = serde_json::from_str(&doc.to_json_line(Default::default())).unwrap();
        check_record(&text, &rec)?;
    }
}
