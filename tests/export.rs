//! `indotag tag --format …`: each export checked against the JSONL record of the same run, on
//! articles written for these tests (one with a token an entity cuts, both with emoji above
//! U+FFFF, one with HTML-like text).

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

/// One token (`AS-ASEAN`) holds two entities; `🙂` is two UTF-16 units; `<b>` and `&` must be
/// escaped in HTML.
pub const ARTICLE_A: &str =
    "Menteri Luar Negeri Retno Marsudi bertemu delegasi AS-ASEAN di Jakarta pada Selasa.\n\
\"Kami ingin kerja sama ini berjalan cepat,\" kata Retno kepada wartawan. 🙂\n\
Menurut Sri Mulyani, ekonomi Indonesia tumbuh 5% & inflasi <b>terkendali</b>.\n";

/// Entities after `😀` and a flag (two characters, four UTF-16 units); a pronoun speaker.
pub const ARTICLE_B: &str = "Presiden Joko Widodo tiba di Tokyo 😀 pada Rabu. Ia mengatakan bahwa Jepang adalah mitra penting bagi Indonesia.\n\
\"Investasi akan terus kami dorong,\" ujar Jokowi. Kunjungan ke Tiongkok 🇮🇩 dijadwalkan bulan depan.\n";

fn indotag(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_indotag"))
        .args(args)
        .output()
        .expect("binary runs")
}

/// The two articles as files in a fresh directory; returns their paths.
fn articles(dir: &Path) -> [String; 2] {
    [("a.txt", ARTICLE_A), ("b.txt", ARTICLE_B)].map(|(name, text)| {
        let p = dir.join(name);
        std::fs::write(&p, text).expect("write article");
        p.to_string_lossy().into_owned()
    })
}

fn stdout(out: &Output) -> String {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).expect("UTF-8")
}

fn lines(s: &str) -> Vec<Value> {
    s.lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect()
}

/// The JSONL records of both articles.
fn records(paths: &[String; 2]) -> Vec<Value> {
    lines(&stdout(&indotag(&["tag", &paths[0], &paths[1]])))
}

/// Python's `text[start:end]`, on characters.
fn chars(text: &str, start: &Value, end: &Value) -> String {
    let (s, e) = (
        start.as_u64().unwrap() as usize,
        end.as_u64().unwrap() as usize,
    );
    text.chars().skip(s).take(e - s).collect()
}

/// JavaScript's `text.substring(start, end)`, on UTF-16 code units.
fn utf16(text: &str, start: &Value, end: &Value) -> String {
    let units: Vec<u16> = text.encode_utf16().collect();
    let (s, e) = (
        start.as_u64().unwrap() as usize,
        end.as_u64().unwrap() as usize,
    );
    String::from_utf16(&units[s..e]).expect("span on UTF-16 boundaries")
}

fn arr(v: &Value) -> &Vec<Value> {
    v.as_array().expect("array")
}

#[test]
fn conll_tokens_sentences_and_entities_match_the_record() {
    let dir = tempfile::tempdir().unwrap();
    let paths = articles(dir.path());
    let records = records(&paths);
    let out = indotag(&["tag", "--format", "conll", &paths[0], &paths[1]]);
    let conll = stdout(&out);
    // One run, one note on standard error for the token `AS-ASEAN` cut by two entities.
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.matches("split 1 token(s)").count(), 1, "{stderr}");

    let docs: Vec<&str> = conll.split("-DOCSTART- O\n").skip(1).collect();
    assert!(conll.starts_with("-DOCSTART- O\n\n"), "{conll}");
    assert_eq!(docs.len(), records.len());
    for (doc, record) in docs.iter().zip(&records) {
        let sentences: Vec<Vec<(&str, &str)>> = doc
            .split("\n\n")
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(|s| {
                s.lines()
                    .map(|l| l.split_once(' ').expect("two columns"))
                    .collect()
            })
            .collect();
        assert_eq!(sentences.len(), arr(&record["sentences"]).len(), "{doc}");
        let rows: Vec<(&str, &str)> = sentences.concat();
        // Round trip: the token column, glued, is the record's tokens glued (split tokens
        // come back whole); and every record token is one or more consecutive CoNLL tokens.
        let conll_tokens: Vec<&str> = rows.iter().map(|r| r.0).collect();
        let record_tokens: Vec<&str> = arr(&record["tokens"])
            .iter()
            .map(|t| t["text"].as_str().unwrap())
            .collect();
        assert_eq!(conll_tokens.concat(), record_tokens.concat());
        let mut i = 0;
        for t in &record_tokens {
            let mut glued = String::new();
            while glued.len() < t.len() {
                glued.push_str(conll_tokens[i]);
                i += 1;
            }
            assert_eq!(&glued, t);
        }
        // IOB2 back to entities: same texts and labels, in order.
        let mut entities: Vec<(String, String)> = Vec::new();
        for (token, tag) in &rows {
            if let Some(label) = tag.strip_prefix("B-") {
                entities.push((token.to_string(), label.to_string()));
            } else if let Some(label) = tag.strip_prefix("I-") {
                let last = entities.last_mut().expect("I- after B-");
                assert_eq!(last.1, label, "I- continues its B-");
                last.0.push_str(token);
            } else {
                assert_eq!(*tag, "O");
            }
        }
        let want: Vec<(String, String)> = arr(&record["entities"])
            .iter()
            .map(|e| {
                let text: String = e["text"].as_str().unwrap().split_whitespace().collect();
                (text, e["label"].as_str().unwrap().to_string())
            })
            .collect();
        assert_eq!(entities, want);
    }
    assert!(conll.contains("AS B-GPE\n- O\nASEAN B-ORG\n"), "{conll}");
}

#[test]
fn conll_quote_column_marks_each_quote() {
    let dir = tempfile::tempdir().unwrap();
    let paths = articles(dir.path());
    let records = records(&paths);
    let conll = stdout(&indotag(&[
        "tag",
        "--format",
        "conll",
        "--quote-column",
        &paths[0],
        &paths[1],
    ]));
    let quotes: usize = records.iter().map(|r| arr(&r["quotes"]).len()).sum();
    let rows: Vec<Vec<&str>> = conll
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with("-DOCSTART-"))
        .map(|l| l.split(' ').collect())
        .collect();
    assert!(rows.iter().all(|r| r.len() == 3), "three columns");
    assert_eq!(rows.iter().filter(|r| r[1] == "B-QUOTE").count(), quotes);
    // The first quote of the first article, token by token.
    let first: Vec<&str> = rows
        .iter()
        .skip_while(|r| r[1] != "B-QUOTE")
        .take_while(|r| r[1] != "O")
        .map(|r| r[0])
        .collect();
    assert_eq!(first.concat(), "Kamiinginkerjasamainiberjalancepat,");
    // Flags that mean nothing for a format are refused.
    let out = indotag(&["tag", "--quote-column", &paths[0]]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn prodigy_spans_lie_on_their_tokens() {
    let dir = tempfile::tempdir().unwrap();
    let paths = articles(dir.path());
    let records = records(&paths);
    let tasks = lines(&stdout(&indotag(&[
        "tag", "--format", "prodigy", &paths[0], &paths[1],
    ])));
    assert_eq!(tasks.len(), records.len());
    for (task, record) in tasks.iter().zip(&records) {
        let text = task["text"].as_str().unwrap();
        assert_eq!(text, record["text"].as_str().unwrap());
        assert_eq!(task["meta"]["id"], record["id"]);
        let tokens = arr(&task["tokens"]);
        for (i, t) in tokens.iter().enumerate() {
            assert_eq!(t["id"], i);
            assert_eq!(
                chars(text, &t["start"], &t["end"]),
                t["text"].as_str().unwrap()
            );
            let after = text.chars().nth(t["end"].as_u64().unwrap() as usize);
            assert_eq!(t["ws"], after.is_some_and(char::is_whitespace), "{t}");
        }
        let spans = arr(&task["spans"]);
        let entities = arr(&record["entities"]);
        assert_eq!(spans.len(), entities.len());
        for (s, e) in spans.iter().zip(entities) {
            assert_eq!(
                (&s["start"], &s["end"], &s["label"]),
                (&e["start"], &e["end"], &e["label"])
            );
            let (first, last) = (
                s["token_start"].as_u64().unwrap(),
                s["token_end"].as_u64().unwrap(),
            );
            assert!(first <= last, "{s}");
            assert_eq!(tokens[first as usize]["start"], s["start"], "{s}");
            assert_eq!(tokens[last as usize]["end"], s["end"], "{s}");
        }
    }
}

#[test]
fn doccano_and_utf16_jsonl_offsets_index_the_utf16_text() {
    let dir = tempfile::tempdir().unwrap();
    let paths = articles(dir.path());
    let records = records(&paths);
    let lines_ = lines(&stdout(&indotag(&[
        "tag", "--format", "doccano", &paths[0], &paths[1],
    ])));
    let utf16_records = lines(&stdout(&indotag(&[
        "tag",
        "--offsets",
        "utf16",
        &paths[0],
        &paths[1],
    ])));
    let mut after_emoji = 0;
    for ((line, record), wide) in lines_.iter().zip(&records).zip(&utf16_records) {
        let text = line["text"].as_str().unwrap();
        assert_eq!(line["id"], record["id"]);
        let labels = arr(&line["label"]);
        let entities = arr(&record["entities"]);
        assert_eq!(labels.len(), entities.len());
        for (l, e) in labels.iter().zip(entities) {
            let l = arr(l);
            assert_eq!(utf16(text, &l[0], &l[1]), e["text"].as_str().unwrap());
            assert_eq!(l[2], e["label"]);
            if l[0] != e["start"] {
                after_emoji += 1;
            }
        }
        // The JSONL record with --offsets utf16: every span, of every kind.
        for key in ["tokens", "entities", "quotes"] {
            for s in arr(&wide[key]) {
                assert_eq!(
                    utf16(text, &s["start"], &s["end"]),
                    s["text"].as_str().unwrap()
                );
            }
        }
        for q in arr(&wide["quotes"]) {
            let sp = &q["speaker"];
            assert_eq!(
                utf16(text, &sp["start"], &sp["end"]),
                sp["text"].as_str().unwrap()
            );
        }
        // Only the offsets differ from the default record.
        assert_eq!(wide["text"], record["text"]);
        assert_eq!(arr(&wide["tokens"]).len(), arr(&record["tokens"]).len());
    }
    assert!(
        after_emoji >= 3,
        "entities after an emoji are shifted: {after_emoji}"
    );
}

/// The `<article>` elements of an HTML page, each with the set of `data-e` and `data-q`
/// numbers marked in it and how many speaker notes it has.
fn html_articles(html: &str) -> Vec<(Vec<String>, Vec<String>, usize)> {
    let numbers = |part: &str, attr: &str| {
        let mut v: Vec<String> = part
            .split(attr)
            .skip(1)
            .map(|s| s.split('"').next().unwrap_or("").to_string())
            .collect();
        v.sort();
        v.dedup();
        v
    };
    html.split("<article")
        .skip(1)
        .map(|a| {
            (
                numbers(a, " data-e=\""),
                numbers(a, " data-q=\""),
                a.matches("class=\"who").count(),
            )
        })
        .collect()
}

#[test]
fn html_is_one_page_with_every_entity_and_quote_marked_and_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let paths = articles(dir.path());
    let records = records(&paths);
    let html = stdout(&indotag(&["tag", "--format", "html", &paths[0], &paths[1]]));
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert_eq!(html.matches("<html").count(), 1);
    assert!(html.trim_end().ends_with("</html>"));
    assert!(!html.contains("<script"), "no scripts");
    assert!(!html.contains("http"), "nothing from the network");
    // The article's `<b>` is text, not markup.
    assert!(html.contains("&lt;b&gt;terkendali&lt;/b&gt;"));
    assert!(html.contains("5% &amp; inflasi"));
    let articles = html_articles(&html);
    assert_eq!(articles.len(), records.len());
    for ((entities, quotes, notes), record) in articles.iter().zip(&records) {
        assert_eq!(entities.len(), arr(&record["entities"]).len());
        assert_eq!(quotes.len(), arr(&record["quotes"]).len());
        assert_eq!(*notes, arr(&record["quotes"]).len());
    }
    // The speaker is named beside the quote, resolved to the full name where known.
    assert!(html.contains(">Retno Marsudi</span>"), "{html}");
}

#[test]
fn failed_documents_are_left_out_of_task_formats_and_shown_in_html() {
    let dir = tempfile::tempdir().unwrap();
    let paths = articles(dir.path());
    let bad = dir.path().join("rusak.txt");
    std::fs::write(&bad, b"Halo \xff\xfe dunia").unwrap();
    let bad = bad.to_string_lossy().into_owned();
    for format in ["conll", "prodigy", "doccano", "html"] {
        let out = indotag(&["tag", "--format", format, &paths[0], &bad, &paths[1]]);
        assert_eq!(out.status.code(), Some(1), "{format}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains("rusak.txt"), "{format}: {stderr}");
        let text = String::from_utf8(out.stdout).unwrap();
        // The good documents on either side are all there.
        assert!(
            text.contains("Jokowi") && text.contains("Retno"),
            "{format}"
        );
        assert_eq!(text.contains("rusak.txt"), format == "html", "{format}");
    }
}
