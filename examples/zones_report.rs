//! Per-file zone report: the share of characters in each zone kind and, with `--show`, every
//! zone's kind and first 80 characters, so that a page's layout can be checked by eye.
//!
//! ```text
//! cargo run --release --example zones_report -- [--show] FILES...
//! cargo run --release --example zones_report -- --bench FILES...   # layout throughput, MB/s
//! ```
//!
//! With `--bench`, `.jsonl` files are read as one document per line (the `text` field).

use indotag::{layout, ZoneKind};

fn main() {
    let mut show = false;
    let mut bench = false;
    let mut files = Vec::new();
    for a in std::env::args().skip(1) {
        if a == "--bench" {
            bench = true;
        } else if a == "--show" {
            show = true;
        } else {
            files.push(a);
        }
    }
    if files.is_empty() {
        eprintln!("usage: zones_report [--show] FILES...");
        std::process::exit(2);
    }
    if bench {
        run_bench(&files);
        return;
    }
    print!("{:<28}", "file");
    for k in ZoneKind::ALL {
        print!("{:>12}", k.as_str());
    }
    println!();
    for f in &files {
        let text = match std::fs::read_to_string(f) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("{f}: {e}");
                continue;
            }
        };
        let l = layout::analyze(&text);
        let total = text.chars().count().max(1) as f64;
        let name = std::path::Path::new(f)
            .file_name()
            .map_or(f.clone(), |s| s.to_string_lossy().into_owned());
        print!("{name:<28}");
        for k in ZoneKind::ALL {
            let chars: usize = l
                .zones
                .iter()
                .filter(|z| z.kind == k)
                .map(|z| z.span.as_str(&text).chars().count())
                .sum();
            print!("{:>11.1}%", 100.0 * chars as f64 / total);
        }
        println!();
        if show {
            println!(
                "  meta: {}",
                serde_json::to_string(&l.meta).unwrap_or_default()
            );
            for z in &l.zones {
                let s: String = z.span.as_str(&text).chars().take(80).collect();
                println!(
                    "  {:<12} {:>6}..{:<6} {}",
                    z.kind.as_str(),
                    z.span.start,
                    z.span.end,
                    s.replace('\n', "⏎")
                );
            }
        }
    }
}

/// Times `layout::analyze` over the documents of `files` (single thread).
fn run_bench(files: &[String]) {
    let mut docs: Vec<String> = Vec::new();
    for f in files {
        let Ok(t) = std::fs::read_to_string(f) else {
            eprintln!("{f}: unreadable");
            continue;
        };
        if f.ends_with(".jsonl") {
            for line in t.lines() {
                if let Ok(v) = serde_json::from_str::<serde_json::Value>(line) {
                    if let Some(s) = v.get("text").and_then(|x| x.as_str()) {
                        docs.push(s.to_string());
                    }
                }
            }
        } else {
            docs.push(t);
        }
    }
    let bytes: usize = docs.iter().map(String::len).sum();
    let start = std::time::Instant::now();
    let mut rounds = 0u32;
    let mut zones = 0usize;
    while rounds == 0 || start.elapsed().as_secs_f64() < 2.0 {
        for d in &docs {
            zones += layout::analyze(d).zones.len();
        }
        rounds += 1;
    }
    let secs = start.elapsed().as_secs_f64();
    let mb = bytes as f64 * f64::from(rounds) / 1e6;
    println!(
        "{} docs, {:.1} MB x {rounds} rounds in {secs:.2} s: {:.0} MB/s (1 thread), {} zones/round",
        docs.len(),
        bytes as f64 / 1e6,
        mb / secs,
        zones / rounds as usize
    );
}
