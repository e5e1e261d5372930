//! AFL target: the gazetteer (TSV) parser on arbitrary bytes, its entries written back and
//! parsed again, and a tagger built from them run over their names.

fn main() {
    // Built before the fork server starts, so each run reuses them (persistent mode).
    indotag_fuzz::contract::warm_up(&indotag::Tagger::new());
    afl::fuzz!(|data: &[u8]| {
        indotag_fuzz::contract::gazetteer_bytes(data);
    });
}
