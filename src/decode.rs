//! Stage 1, decode: raw bytes to text.
//!
//! Scraped corpora contain everything: a BOM from a Windows editor, Latin-1 pages that were never
//! converted, a PDF someone renamed to `.txt`. This stage turns bytes into a `String` or says
//! precisely why it cannot, so that the caller can report it and move on to the next document.

use std::io::{self, Read};

use encoding_rs::{Decoder, DecoderResult, Encoding};

use crate::error::{Error, Result};

const BOM: &str = "\u{feff}";

/// Decodes one document's bytes: drops a leading UTF-8 BOM, decodes UTF-16 when the bytes
/// start with its BOM (as Windows' "Unicode" text files do), rejects invalid UTF-8 or UTF-16
/// (naming the byte, counted from 0) and binary data (a NUL byte). CRLF and every other
/// character are kept as they are.
///
/// ```
/// use indotag::decode;
/// assert_eq!(decode::decode(b"\xFF\xFEH\0a\0i\0".to_vec()).unwrap(), "Hai");
/// assert_eq!(decode::decode(b"\xFE\xFF\0H\xD8\0".to_vec()).unwrap_err().to_string(),
///            "invalid UTF-16BE at byte 4");
/// ```
///
/// ```
/// use indotag::decode;
/// assert_eq!(decode::decode(b"\xEF\xBB\xBFHalo\r\n".to_vec()).unwrap(), "Halo\r\n");
/// let err = decode::decode(b"Halo \xFF dunia".to_vec()).unwrap_err();
/// assert_eq!(err.to_string(), "invalid UTF-8 at byte 5");
/// ```
pub fn decode(bytes: Vec<u8>) -> Result<String> {
    if let Some((enc, bom)) = Encoding::for_bom(&bytes) {
        if enc != encoding_rs::UTF_8 {
            let text = decode_utf16(enc, bom, &bytes[bom..])?;
            if let Some(pos) = memchr::memchr(0, text.as_bytes()) {
                return Err(Error::binary(pos));
            }
            return Ok(text);
        }
    }
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

/// Reads the start of a stream for a byte order mark and skips it. Returns the stream from
/// after the mark, the UTF-16 encoding the mark announces (`None` for UTF-8 or no mark), and
/// the mark's length in bytes. A read error here is left for the caller's first read to meet.
///
/// ```
/// use std::io::Read;
/// let (mut rest, utf16, bom) = indotag::decode::skip_bom(Box::new(&b"\xEF\xBB\xBFHalo"[..]));
/// let mut s = String::new();
/// rest.read_to_string(&mut s).unwrap();
/// assert_eq!((s.as_str(), utf16, bom), ("Halo", None, 3));
/// let (_, utf16, bom) = indotag::decode::skip_bom(Box::new(&b"\xFF\xFEH\0"[..]));
/// assert_eq!((utf16, bom), (Some(encoding_rs::UTF_16LE), 2));
/// ```
pub fn skip_bom(
    mut reader: Box<dyn Read + Send + '_>,
) -> (Box<dyn Read + Send + '_>, Option<&'static Encoding>, usize) {
    let mut head = [0u8; 3];
    let mut n = 0;
    while n < head.len() {
        match reader.read(&mut head[n..]) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(_) => break,
        }
    }
    let (utf16, bom) = match Encoding::for_bom(&head[..n]) {
        Some((enc, len)) if enc == encoding_rs::UTF_8 => (None, len),
        Some((enc, len)) => (Some(enc), len),
        None => (None, 0),
    };
    let rest = io::Cursor::new(head[bom..n].to_vec()).chain(reader);
    (Box::new(rest), utf16, bom)
}

/// Decodes a UTF-16 stream (its byte order mark already skipped) to UTF-8, as a reader; bytes
/// that are not UTF-16 (an unpaired surrogate, an odd byte at the end) are an
/// [`io::ErrorKind::InvalidData`] error naming the byte, never silently replaced.
///
/// ```
/// use std::io::Read;
/// let mut r = indotag::decode::Utf16Reader::new(&b"H\0a\0i\0"[..], encoding_rs::UTF_16LE);
/// let mut s = String::new();
/// r.read_to_string(&mut s).unwrap();
/// assert_eq!(s, "Hai");
/// ```
pub struct Utf16Reader<R> {
    inner: R,
    decoder: Decoder,
    name: &'static str,
    raw: Vec<u8>,
    out: Vec<u8>,
    pos: usize,
    /// Bytes of the stream decoded so far (after the mark).
    consumed: usize,
    done: bool,
    /// Malformed input met: reported once the text decoded before it has been read.
    error: Option<io::Error>,
}

impl<R: Read> Utf16Reader<R> {
    /// A reader decoding `inner` from `encoding` (UTF-16LE or UTF-16BE).
    pub fn new(inner: R, encoding: &'static Encoding) -> Utf16Reader<R> {
        Utf16Reader {
            inner,
            decoder: encoding.new_decoder_without_bom_handling(),
            name: encoding.name(),
            raw: vec![0; 1 << 15],
            out: Vec::new(),
            pos: 0,
            consumed: 0,
            done: false,
            error: None,
        }
    }

    /// Decodes the next chunk into `out`; false at the end.
    fn refill(&mut self) -> io::Result<bool> {
        if self.done {
            return Ok(false);
        }
        let n = loop {
            match self.inner.read(&mut self.raw) {
                Ok(n) => break n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        };
        let last = n == 0;
        let cap = self
            .decoder
            .max_utf8_buffer_length_without_replacement(n)
            .unwrap_or(4 * n + 16);
        self.out.resize(cap, 0);
        let (result, read, written) =
            self.decoder
                .decode_to_utf8_without_replacement(&self.raw[..n], &mut self.out, last);
        self.out.truncate(written);
        self.pos = 0;
        self.consumed += read;
        if let DecoderResult::Malformed(bad, after) = result {
            // Where the malformed sequence starts: `read` counts it and the bytes after it.
            // The 2 is the byte order mark, so that the byte counts from the file's start.
            let at = 2 + self.consumed - usize::from(bad) - usize::from(after);
            self.done = true;
            self.error = Some(io::Error::new(
                io::ErrorKind::InvalidData,
                format!("invalid {} at byte {at}", self.name),
            ));
            return Ok(true);
        }
        self.done = last;
        Ok(!self.out.is_empty() || !last)
    }
}

impl<R: Read> Read for Utf16Reader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        while self.pos == self.out.len() {
            if let Some(e) = self.error.take() {
                return Err(e);
            }
            if !self.refill()? {
                return Ok(0);
            }
        }
        let n = buf.len().min(self.out.len() - self.pos);
        buf[..n].copy_from_slice(&self.out[self.pos..self.pos + n]);
        self.pos += n;
        Ok(n)
    }
}

/// Decodes a whole UTF-16 text (mark skipped); malformed input is an error naming the byte.
fn decode_utf16(enc: &'static Encoding, bom: usize, bytes: &[u8]) -> Result<String> {
    let mut decoder = enc.new_decoder_without_bom_handling();
    let cap = decoder
        .max_utf8_buffer_length_without_replacement(bytes.len())
        .unwrap_or(4 * bytes.len() + 16);
    let mut out = String::with_capacity(cap);
    let (result, read) = decoder.decode_to_string_without_replacement(bytes, &mut out, true);
    match result {
        DecoderResult::InputEmpty => Ok(out),
        DecoderResult::Malformed(bad, after) => Err(Error::input(format!(
            "invalid {} at byte {}",
            enc.name(),
            bom + read - usize::from(bad) - usize::from(after)
        ))),
        DecoderResult::OutputFull => Err(Error::input(format!(
            "{}: the text does not fit in memory",
            enc.name()
        ))),
    }
}
