//! Per-file zone report: the share of characters in each zone kind and, with `--show`, every
//! zone's kind and first 80 characters, so that a page's layout can be checked by eye.
//!
//! ```text
//! cargo run --release --example zones_report -- [--show] FILES...
//! ```

use indotag::{layout, ZoneKind};

fn main() {
    let mut show = false;
    let mut files = Vec::new();
    for a in std::env::args().skip(1) {
        if a == "--show" {
            show = true;
        } else {
            files.push(a);
        }
    }
    if files.is_empty() {
        eprintln!("usage: zones_report [--show] FILES...");
        std::process::exit(2);
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
