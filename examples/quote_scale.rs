//! Times the quote stage on synthetic documents that used to be quadratic: an unclosed quote
//! over many single-newline lines, and many short quotes.
//!
//! `cargo run --release --example quote_scale`
//!
//! Measured on the 2-core dev machine (seconds for the whole `Tagger::tag`):
//! before the indexes: unclosed 20k/40k/80k lines 0.24/0.74/3.06; quotes 10k/20k 0.40/1.34.
//! Before (same machine, this example): unclosed 20k/40k/80k 0.99/4.25/18.11 s, quotes
//! 10k/20k/40k 1.22/4.49/11.98 s. After: quote stage alone on the unclosed documents 0.01 s
//! (the remaining whole-tagger time there is outside the quote stage), quotes 10k/20k/40k
//! 0.04/0.07/0.16 s: linear.
use std::time::Instant;

fn main() {
    let tagger = indotag::Tagger::new();
    for n in [20_000, 40_000, 80_000] {
        let mut text = String::from("Budi Santoso berkata, \"awal kutipan\n");
        for i in 0..n {
            text.push_str(&format!("baris ke {i} tanpa titik \"kata\n"));
        }
        let t = Instant::now();
        let toks = indotag::tokenize::tokenize(&text);
        let sents = indotag::sentence::split(&text, &toks);
        let t1 = t.elapsed().as_secs_f64();
        let q = indotag::quote::find(
            &text,
            &toks,
            &sents,
            &[],
            &[],
            &indotag::quote::Cues::defaults(),
        );
        println!(
            "  tokens+sentences {t1:.2}s, quotes {:.2}s ({})",
            t.elapsed().as_secs_f64() - t1,
            q.len()
        );
        let t = Instant::now();
        let doc = tagger.tag(text);
        println!(
            "unclosed {n} lines: {:.2}s ({} quotes)",
            t.elapsed().as_secs_f64(),
            doc.quotes.len()
        );
    }
    for n in [10_000, 20_000, 40_000] {
        let mut text = String::new();
        for i in 0..n {
            text.push_str(&format!(
                "\"Harga beras naik {i} persen,\" kata Menteri Budi Santoso. Dia mengatakan bahwa stok masih aman.\n\n"
            ));
        }
        let t = Instant::now();
        let doc = tagger.tag(text);
        println!(
            "{n} quotes: {:.2}s ({} quotes)",
            t.elapsed().as_secs_f64(),
            doc.quotes.len()
        );
    }
}
