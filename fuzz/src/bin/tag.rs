//! AFL target: `Tagger::tag` on arbitrary bytes (lossy UTF-8), checked against the contract.

use std::sync::OnceLock;

use indotag::Tagger;

static TAGGER: OnceLock<Tagger> = OnceLock::new();

fn main() {
    // Built before the fork server starts, so each run reuses it (persistent mode).
    indotag_fuzz::contract::warm_up(TAGGER.get_or_init(Tagger::new));
    afl::fuzz!(|data: &[u8]| {
        if let Some(tagger) = TAGGER.get() {
            indotag_fuzz::contract::tag_bytes(tagger, data);
        }
    });
}
