//! The HTML export in a real browser: headless Chromium renders a page of two articles to PNG
//! (desktop and phone width) and dumps the DOM it built, on which every entity, quote and
//! speaker note of the JSONL record is looked for, text and all.
//!
//! Skipped, with a message, when no `chromium` is installed; `.ci/html.sh` installs it and
//! sets `INDOTAG_REQUIRE_CHROMIUM=1`, which turns the skip into a failure. The page and the
//! screenshots stay in `target/tmp/html-browser/` to look at.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

const ARTICLE_1: &str =
    "Gubernur Jawa Barat Ridwan Kamil meresmikan jembatan baru di Bandung pada Jumat.\n\
\"Jembatan ini untuk warga, bukan untuk pejabat,\" kata Ridwan Kamil di lokasi. 🌉\n\
Ia menambahkan bahwa biaya pembangunan mencapai Rp120 miliar & selesai tepat waktu.\n\
Baca Juga: Harga Beras di Pasar Induk <Cipinang> Turun\n";

const ARTICLE_2: &str =
    "Menteri Keuangan Sri Mulyani Indrawati menghadiri pertemuan G20 di India. 🇮🇳\n\
Menurut Sri Mulyani, ekonomi Indonesia tetap kuat di tengah perlambatan global.\n\
\"Kita harus tetap waspada,\" ujarnya kepada wartawan di New Delhi.\n\
Sebelumnya, Sri Mulyani menyebut reformasi pajak sebagai \"pekerjaan rumah besar\" yang harus selesai tahun ini.\n";

/// The chromium binary, if there is one.
fn chromium() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("INDOTAG_CHROMIUM") {
        return Some(PathBuf::from(p));
    }
    let path = std::env::var_os("PATH")?;
    ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .flat_map(|name| std::env::split_paths(&path).map(move |d| d.join(name)))
        .find(|p| p.is_file())
}

/// Runs headless chromium on `page` with `extra` flags; its standard output.
fn headless(chromium: &Path, page: &Path, extra: &[String]) -> Vec<u8> {
    let profile = tempfile::tempdir().expect("profile dir");
    let mut child = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--hide-scrollbars",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(extra)
        .arg(format!("file://{}", page.display()))
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromium starts");
    let mut stdout = child.stdout.take().expect("piped");
    let reader = std::thread::spawn(move || {
        let mut out = Vec::new();
        let _ = stdout.read_to_end(&mut out);
        out
    });
    let deadline = Instant::now() + Duration::from_secs(120);
    loop {
        if let Some(status) = child.try_wait().expect("wait for chromium") {
            assert!(status.success(), "chromium failed: {status}");
            break;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("chromium took over two minutes");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    reader.join().expect("reader")
}

/// An element of the dumped DOM with the text inside it.
struct Element {
    name: String,
    attrs: BTreeMap<String, String>,
    text: String,
}

/// Every element of the DOM with an attribute, in order of closing, and the `<article>`
/// (0-based; `usize::MAX` outside them) it is in. A small tokenizer suffices: Chromium's
/// serialisation is well-formed.
fn elements(dom: &str) -> Vec<(usize, Element)> {
    let mut open: Vec<Element> = Vec::new();
    let mut done = Vec::new();
    let mut articles = 0usize;
    let mut article = usize::MAX;
    let mut rest = dom;
    while let Some(lt) = rest.find('<') {
        let text = unescape(&rest[..lt]);
        // A speaker note (inside an outer quote when the quote is nested) is no part of the
        // text of the elements around it.
        let from = open
            .iter()
            .rposition(|e| e.attrs.contains_key("data-for"))
            .unwrap_or(0);
        for e in &mut open[from..] {
            e.text.push_str(&text);
        }
        rest = &rest[lt..];
        // The tag ends at the first `>` outside a quoted attribute value.
        let mut quoted = false;
        let end = rest
            .char_indices()
            .find(|&(_, c)| {
                if c == '"' {
                    quoted = !quoted;
                }
                c == '>' && !quoted
            })
            .map(|(i, _)| i)
            .expect("tag ends");
        let tag = &rest[1..end];
        rest = &rest[end + 1..];
        if let Some(name) = tag.strip_prefix('/') {
            while let Some(e) = open.pop() {
                let matched = e.name == name;
                if !e.attrs.is_empty() {
                    done.push((article, e));
                }
                if matched {
                    break;
                }
            }
            if name == "article" {
                article = usize::MAX;
            }
            continue;
        }
        if tag.starts_with('!') {
            continue;
        }
        let name: String = tag.chars().take_while(|c| !c.is_whitespace()).collect();
        if ["meta", "br", "link", "img", "hr", "input"].contains(&name.as_str()) {
            continue;
        }
        if name == "style" || name == "title" {
            // Skip raw text elements whole.
            let close = format!("</{name}>");
            let at = rest.find(&close).expect("raw text element closes");
            rest = &rest[at + close.len()..];
            continue;
        }
        if name == "article" {
            article = articles;
            articles += 1;
        }
        let mut attrs = BTreeMap::new();
        for part in tag[name.len()..].split('"').collect::<Vec<_>>().chunks(2) {
            if let [key, value] = part {
                let key = key.trim().trim_end_matches('=');
                attrs.insert(key.to_string(), unescape(value));
            }
        }
        open.push(Element {
            name,
            attrs,
            text: String::new(),
        });
    }
    done
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&nbsp;", "\u{a0}")
        .replace("&amp;", "&")
}

/// Width and height from a PNG's IHDR.
fn png_size(bytes: &[u8]) -> (u32, u32) {
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "a PNG");
    let be = |i: usize| u32::from_be_bytes([bytes[i], bytes[i + 1], bytes[i + 2], bytes[i + 3]]);
    (be(16), be(20))
}

#[test]
fn chromium_renders_the_page_and_its_dom_marks_every_entity_and_quote() {
    let Some(chromium) = chromium() else {
        assert!(
            std::env::var_os("INDOTAG_REQUIRE_CHROMIUM").is_none(),
            "INDOTAG_REQUIRE_CHROMIUM is set but no chromium was found"
        );
        eprintln!("SKIPPED: no chromium on PATH (apt-get install chromium; .ci/html.sh does)");
        return;
    };
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("html-browser");
    std::fs::create_dir_all(&dir).unwrap();
    let paths: Vec<String> = [("satu.txt", ARTICLE_1), ("dua.txt", ARTICLE_2)]
        .iter()
        .map(|(name, text)| {
            let p = dir.join(name);
            std::fs::write(&p, text).unwrap();
            p.to_string_lossy().into_owned()
        })
        .collect();
    let bin = env!("CARGO_BIN_EXE_indotag");
    let run = |extra: &[&str]| {
        let out = Command::new(bin)
            .arg("tag")
            .args(extra)
            .args(&paths)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        out.stdout
    };
    let records: Vec<Value> = String::from_utf8(run(&[]))
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let page = dir.join("page.html");
    std::fs::write(&page, run(&["--format", "html"])).unwrap();

    for (name, width, height) in [("desktop.png", 1280, 1600), ("phone.png", 390, 2400)] {
        let shot = dir.join(name);
        let _ = std::fs::remove_file(&shot);
        headless(
            &chromium,
            &page,
            &[
                format!("--screenshot={}", shot.display()),
                format!("--window-size={width},{height}"),
            ],
        );
        let png = std::fs::read(&shot).expect("screenshot written");
        assert_eq!(png_size(&png), (width, height), "{name}");
        assert!(
            png.len() > 20_000,
            "{name} has content: {} bytes",
            png.len()
        );
    }

    let dom = String::from_utf8(headless(&chromium, &page, &["--dump-dom".into()])).unwrap();
    let elements = elements(&dom);
    for (i, record) in records.iter().enumerate() {
        let inside = |attr: &str| {
            let mut by_number: BTreeMap<String, String> = BTreeMap::new();
            for (_, e) in elements.iter().filter(|(a, _)| *a == i) {
                if let Some(n) = e.attrs.get(attr) {
                    by_number.entry(n.clone()).or_default().push_str(&e.text);
                }
            }
            let mut texts: Vec<String> = by_number.into_values().collect();
            texts.sort();
            texts
        };
        let want = |key: &str| {
            let mut texts: Vec<String> = record[key]
                .as_array()
                .unwrap()
                .iter()
                .map(|x| x["text"].as_str().unwrap().to_string())
                .collect();
            texts.sort();
            texts
        };
        assert_eq!(inside("data-e"), want("entities"), "article {i}: entities");
        assert_eq!(inside("data-q"), want("quotes"), "article {i}: quotes");
        // A note beside each quote names its speaker (the full name where resolved).
        let mut notes: Vec<String> = elements
            .iter()
            .filter(|(a, e)| *a == i && e.attrs.contains_key("data-for"))
            .map(|(_, e)| e.text.clone())
            .collect();
        notes.sort();
        let mut speakers: Vec<String> = record["quotes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|q| match &q["speaker"] {
                Value::Null => "?".to_string(),
                s => s["canonical"]
                    .as_str()
                    .or(s["text"].as_str())
                    .unwrap()
                    .to_string(),
            })
            .collect();
        speakers.sort();
        assert_eq!(notes, speakers, "article {i}: speaker notes");
    }
    // The second article has a partial quote nested in an indirect one: both were found in
    // the DOM above, each with its own text.
    let quotes = records[1]["quotes"].as_array().unwrap();
    let nested = quotes.iter().any(|outer| {
        quotes.iter().any(|inner| {
            outer != inner
                && outer["start"].as_u64() <= inner["start"].as_u64()
                && inner["end"].as_u64() <= outer["end"].as_u64()
        })
    });
    assert!(nested, "the test needs a nested quote");
    // The furniture of the first article is marked as such, its `<Cipinang>` is text.
    assert!(elements.iter().any(|(a, e)| *a == 0
        && e.attrs
            .get("class")
            .is_some_and(|c| c.contains("furniture"))
        && e.text.contains("<Cipinang>")));
}
