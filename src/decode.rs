//! Stage 1, decode: raw bytes to text.
//!
//! Scraped corpora contain everything: a BOM from a Windows editor, Latin-1 pages that were never
//! converted, a PDF someone renamed to `.txt`. This stage turns bytes into a `String` or says
//! precisely why it cannot, so that the caller can report it and move on to the next document.

use crate::error::{Error, Result};

const BOM: &str = "\u{feff}";

/// Decodes one document's bytes: drops a leading UTF-8 BOM, rejects invalid UTF-8 (naming the
/// byte) and binary data (a NUL byte). CRLF and every other character are kept as they are.
///
/// ```
/// use indotag::decode;
/// assert_eq!(decode::decode(b"\xEF\xBB\xBFHalo\r\n".to_vec()).unwrap(), "Halo\r\n");
/// let err = decode::decode(b"Halo \xFF dunia".to_vec()).unwrap_err();
/// assert_eq!(err.to_string(), "invalid UTF-8 at byte 5");
/// ```
pub fn decode(bytes: Vec<u8>) -> Result<String> {
    if let Some(pos) = memchr::memchr(0, &bytes) {
        return Err(Error::binary(pos));
    }
    let mut text =
        String::from_utf8(bytes).map_err(|e| Error::utf8(e.utf8_error().valid_up_to()))?;
    strip_bom(&mut text);
    Ok(text)
}

/// Checks a string that is already UTF-8 (a JSON field, say): drops a BOM, rejects NUL bytes.
///
/// ```
/// let mut s = String::from("\u{feff}Berita");
/// indotag::decode::check_text(&mut s).unwrap();
/// assert_eq!(s, "Berita");
/// assert!(indotag::decode::check_text(&mut String::from("a\0b")).is_err());
/// ```
pub fn check_text(text: &mut String) -> Result<()> {
    if let Some(pos) = memchr::memchr(0, text.as_bytes()) {
        return Err(Error::binary(pos));
    }
    strip_bom(text);
    Ok(())
}

fn strip_bom(text: &mut String) {
    if text.starts_with(BOM) {
        text.drain(..BOM.len());
    }
}
