//! `indotag stats` on JSONL records written for these tests: tagged records (as `indotag tag`
//! writes them, trimmed to the fields stats reads), an error record and an untagged record it
//! must tag itself.

use std::process::{Command, Output};

use serde_json::{json, Value};

mod common;

fn ent(label: &str, name: &str, zone: &str) -> Value {
    json!({"start": 0, "end": 1, "text": name, "label": label, "id": name.to_lowercase(),
           "canonical": name, "kind": "x", "source": "gazetteer", "zone": zone})
}

fn quote(kind: &str, speaker: Option<&str>, zone: &str) -> Value {
    let speaker = match speaker {
        None => Value::Null,
        Some("Ia") => json!({"start": 0, "end": 2, "text": "Ia", "id": null, "canonical": null}),
        Some(name) => json!({"start": 0, "end": 1, "text": name, "id": "x", "canonical": name}),
    };
    json!({"start": 0, "end": 1, "text": "…", "kind": kind, "speaker": speaker, "cue": null,
           "rule": "uji", "zone": zone})
}

/// Four documents from two outlets and two months, one failed, one to be tagged.
fn corpus() -> String {
    let records = [
        json!({"id": "a1", "meta": {"outlet": "satu.id", "published": "2024-03-14T10:15:00+07:00"},
            "entities": [ent("PERSON", "Joko Widodo", "body"), ent("PERSON", "Joko Widodo", "body"),
                         ent("GPE", "Jepang", "title"), ent("GPE", "Jepang", "body")],
            "quotes": [quote("direct", Some("Joko Widodo"), "body"),
                       quote("indirect", Some("Joko Widodo"), "body"),
                       quote("direct", None, "caption")]}),
        json!({"id": "a2", "meta": {"outlet": "satu.id", "published": "2024-04-01T08:00:00+07:00"},
            "entities": [ent("PERSON", "Sri Mulyani Indrawati", "body"), ent("GPE", "Jepang", "body")],
            "quotes": [quote("partial", Some("Joko Widodo"), "body"),
                       quote("indirect", Some("Sri Mulyani Indrawati"), "body"),
                       quote("direct", Some("Ia"), "body")]}),
        json!({"id": "rusak", "error": "invalid UTF-8 at byte 7"}),
        json!({"id": "b1", "meta": {"outlet": "dua.id"},
            "entities": [ent("ORG", "Bank Indonesia", "body")], "quotes": []}),
    ];
    let mut out: String = records.iter().map(|r| format!("{r}\n")).collect();
    // Untagged: stats tags it (one more document, from no outlet).
    out.push_str(&format!(
        "{}\n",
        json!({"id": "mentah", "text": "“Kami siap,” kata Presiden Joko Widodo di Jakarta."})
    ));
    out
}

fn stats(args: &[&str], stdin: &str) -> Output {
    let args: Vec<&str> = std::iter::once("stats")
        .chain(args.iter().copied())
        .collect();
    common::run_indotag(&args, stdin.as_bytes())
}

fn json_summary(args: &[&str]) -> Value {
    let mut all = vec!["--format", "json"];
    all.extend_from_slice(args);
    let out = stats(&all, &corpus());
    // One record failed: exit status 1, the others counted.
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("rusak: invalid UTF-8"));
    serde_json::from_slice(&out.stdout).expect("JSON")
}

#[test]
fn speakers_entities_outlets_and_months_are_tallied() {
    let s = json_summary(&[]);
    assert_eq!(s["documents"], 4);
    assert_eq!(s["failed"], 1);
    let all = &s["groups"][0];
    assert_eq!(all["group"], "all");
    // Joko Widodo: direct + indirect in a1, partial in a2, direct in the tagged record.
    assert_eq!(
        all["speakers"][0],
        json!({"name": "Joko Widodo", "quotes": 4, "direct": 2, "partial": 1, "indirect": 1, "documents": 3})
    );
    assert_eq!(all["speakers"][1]["name"], "Sri Mulyani Indrawati");
    assert_eq!(
        all["unattributed"],
        json!({"direct": 1, "partial": 0, "indirect": 0})
    );
    assert_eq!(
        all["unresolved"],
        json!({"direct": 1, "partial": 0, "indirect": 0})
    );
    let gpe = &all["entities_by_label"]["GPE"];
    assert_eq!(
        gpe[0],
        json!({"name": "Jepang", "mentions": 3, "documents": 2})
    );
    assert_eq!(gpe[1]["name"], "Jakarta");
    assert_eq!(all["entities_by_label"]["ORG"][0]["name"], "Bank Indonesia");
    assert_eq!(
        s["outlets"][0],
        json!({"name": "satu.id", "documents": 2, "entities": 6,
               "quotes": {"direct": 3, "partial": 1, "indirect": 2}})
    );
    let months: Vec<&str> = s["months"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["name"].as_str().unwrap())
        .collect();
    assert_eq!(months, ["(unknown)", "2024-03", "2024-04"]);
}

#[test]
fn by_groups_and_top_cut_the_lists() {
    let s = json_summary(&["--by", "month", "--top", "1"]);
    let groups: Vec<&str> = s["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["group"].as_str().unwrap())
        .collect();
    assert_eq!(groups, ["(unknown)", "2024-03", "2024-04"]);
    let april = &s["groups"][2];
    assert_eq!(april["documents"], 1);
    assert_eq!(april["speakers"].as_array().unwrap().len(), 1);
    assert_eq!(s["outlets"].as_array().unwrap().len(), 1);

    let s = json_summary(&["--by", "zone"]);
    let caption = s["groups"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["group"] == "caption")
        .expect("a caption group");
    assert_eq!(caption["unattributed"]["direct"], 1);
    assert_eq!(caption["entities"], 0);
    let title = s["groups"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["group"] == "title");
    assert_eq!(
        title.expect("title group")["entities_by_label"]["GPE"][0]["mentions"],
        1
    );
}

#[test]
fn tsv_and_table_say_the_same() {
    let out = stats(&["--format", "tsv"], &corpus());
    let tsv = String::from_utf8(out.stdout).unwrap();
    let rows: Vec<Vec<&str>> = tsv.lines().map(|l| l.split('\t').collect()).collect();
    assert!(rows.iter().all(|r| r.len() == 9), "{tsv}");
    assert_eq!(rows[0][0], "section");
    let joko = rows
        .iter()
        .find(|r| r[0] == "speakers" && r[3] == "Joko Widodo")
        .expect("speaker row");
    assert_eq!(&joko[4..], ["4", "3", "2", "1", "1"]);

    let out = stats(&[], &corpus());
    let table = String::from_utf8(out.stdout).unwrap();
    assert!(
        table.starts_with("4 documents (1 could not be read or tagged)"),
        "{table}"
    );
    let line = table
        .lines()
        .find(|l| l.trim_start().starts_with("Joko Widodo") && l.split_whitespace().count() == 7)
        .expect("speaker line");
    let cols: Vec<&str> = line.split_whitespace().collect();
    assert_eq!(cols[2..], ["4", "2", "1", "1", "3"]);
}

#[test]
fn tagging_first_or_reading_the_records_gives_the_same_tallies() {
    let dir = tempfile::tempdir().unwrap();
    let texts = [
        "“Kami siap bekerja,” kata Gubernur Jawa Tengah Ahmad Luthfi di Semarang.",
        "Menurut Ahmad Luthfi, jalan tol itu selesai tahun depan. Ia mengatakan bahwa Semarang siap.",
    ];
    let mut paths = Vec::new();
    for (i, t) in texts.iter().enumerate() {
        let p = dir.path().join(format!("artikel/{i}.txt"));
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(&p, t).unwrap();
        paths.push(p.to_string_lossy().into_owned());
    }
    let tagged = Command::new(env!("CARGO_BIN_EXE_indotag"))
        .arg("tag")
        .args(&paths)
        .output()
        .unwrap();
    assert!(tagged.status.success());
    let jsonl = dir.path().join("tagged.jsonl");
    std::fs::write(&jsonl, &tagged.stdout).unwrap();
    let tagged = String::from_utf8(tagged.stdout).unwrap();

    let json = |args: &[&str], stdin: &str| {
        let mut all = vec!["--format", "json"];
        all.extend_from_slice(args);
        let out = stats(&all, stdin);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice::<Value>(&out.stdout).unwrap()
    };
    let from_stdin = json(&[], &tagged);
    let dir_path = dir.path().join("artikel");
    let runs = [
        json(&[jsonl.to_str().unwrap()], ""),
        json(&[&paths[0], &paths[1]], ""),
        json(&[dir_path.to_str().unwrap()], ""),
        json(&["--tag", jsonl.to_str().unwrap()], ""),
    ];
    assert_eq!(from_stdin["documents"], 2);
    assert_eq!(
        from_stdin["groups"][0]["speakers"][0]["name"],
        "Ahmad Luthfi"
    );
    for run in runs {
        assert_eq!(run, from_stdin);
    }
}
