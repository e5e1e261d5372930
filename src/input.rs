//! Reading documents: plain-text files (one document each), JSON Lines files (one per line),
//! directories (recursively, `*.txt`, `*.jsonl` and `*.ndjson`; see [`WalkOptions`]) and
//! standard input.
//!
//! Positions in errors follow one convention: lines are 1-based (`FILE:LINE:`), bytes 0-based
//! (the first byte of a file is byte 0). A UTF-8 byte order mark is skipped; a file that starts
//! with a UTF-16 one is decoded from UTF-16 (its byte offsets are then those of the decoded
//! UTF-8 text).
//!
//! Reading is streaming: a [`Reader`] yields one [`RawDoc`] at a time, so a 10 GB JSONL file is
//! never held in memory. A document that cannot be read still comes out, with its error, so
//! the caller can write an error record and go on with the others.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use serde_json::{Map, Value};

use crate::decode;
use crate::error::{Error, Result};

mod walk;
pub use walk::{FileId, WalkOptions};

/// How an input is laid out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// The whole file is one document.
    Text,
    /// One JSON object per line, the text in a field.
    Jsonl,
}

impl Format {
    /// The format a path's extension suggests: `.jsonl` (and `.ndjson`) is JSONL, anything else
    /// text.
    ///
    /// ```
    /// use indotag::input::Format;
    /// assert_eq!(Format::from_path("a/b.jsonl".as_ref()), Format::Jsonl);
    /// assert_eq!(Format::from_path("a/b.txt".as_ref()), Format::Text);
    /// ```
    pub fn from_path(path: &Path) -> Format {
        match path.extension().and_then(|e| e.to_str()) {
            Some("jsonl" | "ndjson") => Format::Jsonl,
            _ => Format::Text,
        }
    }
}

/// Where documents come from and how to read them.
#[derive(Clone, Debug)]
pub struct InputOptions {
    /// Force a format; `None` decides by extension (standard input: JSONL when its first
    /// non-blank byte is `{`, else text).
    pub format: Option<Format>,
    /// The JSONL field holding the text.
    pub text_field: String,
    /// The JSONL field holding the id; when a record has none, its id is [`content_id`] of its
    /// text.
    pub id_field: String,
}

impl Default for InputOptions {
    fn default() -> Self {
        InputOptions {
            format: None,
            text_field: "text".into(),
            id_field: "id".into(),
        }
    }
}

/// One document as read, before tagging.
#[derive(Debug)]
pub struct RawDoc {
    /// Its id: the path for text files (`-` for text on standard input); for JSONL the id
    /// field, else [`content_id`] of the text (of the whole line when it is not a readable
    /// record).
    pub id: String,
    /// The other fields of a JSONL record.
    pub extra: Map<String, Value>,
    /// The text, or why it could not be had.
    pub text: Result<String>,
}

enum Input {
    Path(PathBuf),
    Stdin,
    /// A path that could not be listed (a directory we may not read, say).
    Broken(PathBuf, Error),
}

/// Expands the command line's paths: directories become their `*.txt`/`*.jsonl`/`*.ndjson`
/// files, recursively and sorted (so runs are reproducible; see [`WalkOptions`]); `-` is
/// standard input.
fn expand(paths: &[PathBuf], walk_options: &WalkOptions) -> Vec<Input> {
    let mut out = Vec::new();
    let mut seen = rustc_hash::FxHashSet::default();
    for p in paths {
        if p.as_os_str() == "-" {
            out.push(Input::Stdin);
        } else if p.is_dir() {
            let mut found = Vec::new();
            walk::walk(p, walk_options, &mut seen, &mut found);
            out.extend(found.into_iter().map(|f| match f {
                walk::Found::File(path) => Input::Path(path),
                walk::Found::Broken(path, e) => Input::Broken(path.clone(), Error::io(path, e)),
            }));
        } else {
            out.push(Input::Path(p.clone()));
        }
    }
    out
}

/// Streams documents from a list of paths.
///
/// ```
/// use indotag::input::{InputOptions, Reader};
/// let dir = std::env::temp_dir().join(format!("indotag-doc-{}", std::process::id()));
/// std::fs::create_dir_all(&dir).unwrap();
/// std::fs::write(dir.join("a.jsonl"), "{\"id\":\"x\",\"text\":\"Halo.\",\"src\":1}\nnot json\n").unwrap();
/// let docs: Vec<_> = Reader::new(&[dir.join("a.jsonl")], InputOptions::default()).collect();
/// assert_eq!(docs[0].id, "x");
/// assert_eq!(docs[0].text.as_deref().unwrap(), "Halo.");
/// assert_eq!(docs[0].extra["src"], 1);
/// assert!(docs[1].text.as_ref().unwrap_err().to_string().contains("a.jsonl:2:"));
/// # std::fs::remove_dir_all(&dir).unwrap();
/// ```
pub struct Reader {
    inputs: std::vec::IntoIter<Input>,
    options: InputOptions,
    current: Option<JsonlFile>,
    /// Bytes consumed so far, all inputs together.
    bytes_read: u64,
    /// The inputs' total size, when every input is a file whose size is known.
    total_bytes: Option<u64>,
}

struct JsonlFile {
    name: String,
    reader: Box<dyn BufRead + Send>,
    line: usize,
    offset: usize,
    buf: Vec<u8>,
}

impl JsonlFile {
    /// Starts reading a JSONL stream: a UTF-8 byte order mark is skipped (offsets still count
    /// it: they are the file's bytes), and a UTF-16 one switches to decoding UTF-16.
    fn open(name: String, reader: Box<dyn Read + Send>) -> JsonlFile {
        let (reader, utf16, bom) = decode::skip_bom(reader);
        let reader: Box<dyn BufRead + Send> = match utf16 {
            Some(enc) => Box::new(BufReader::with_capacity(
                1 << 16,
                decode::Utf16Reader::new(reader, enc),
            )),
            None => Box::new(BufReader::with_capacity(1 << 16, reader)),
        };
        JsonlFile {
            name,
            reader,
            line: 0,
            offset: bom,
            buf: Vec::new(),
        }
    }
}

impl Reader {
    /// A reader over these paths (files, directories, `-` for standard input), walking
    /// directories with the default [`WalkOptions`].
    pub fn new(paths: &[PathBuf], options: InputOptions) -> Reader {
        Reader::with_walk(paths, options, &WalkOptions::default())
    }

    /// A reader over these paths, walking directories as `walk` says. The walk is done here,
    /// before the first document is read.
    pub fn with_walk(paths: &[PathBuf], options: InputOptions, walk: &WalkOptions) -> Reader {
        let inputs = expand(paths, walk);
        let total_bytes = total_size(&inputs);
        Reader {
            inputs: inputs.into_iter(),
            options,
            current: None,
            bytes_read: 0,
            total_bytes,
        }
    }

    /// Bytes of input consumed so far (files and standard input together): where a progress
    /// report stands.
    ///
    /// ```
    /// use indotag::input::{InputOptions, Reader};
    /// let path = std::env::temp_dir().join(format!("indotag-bytes-{}.jsonl", std::process::id()));
    /// std::fs::write(&path, "{\"text\":\"Satu.\"}\n{\"text\":\"Dua.\"}\n").unwrap();
    /// let mut reader = Reader::new(&[path.clone()], InputOptions::default());
    /// assert_eq!(reader.total_bytes(), Some(33));
    /// reader.next();
    /// assert_eq!(reader.bytes_read(), 17);
    /// reader.next();
    /// assert_eq!(reader.bytes_read(), 33);
    /// # std::fs::remove_file(&path).unwrap();
    /// ```
    pub fn bytes_read(&self) -> u64 {
        self.bytes_read
    }

    /// The size of all inputs together, known before reading when every input is a regular
    /// file (`None` with standard input or a pipe): what a progress bar's ETA needs.
    pub fn total_bytes(&self) -> Option<u64> {
        self.total_bytes
    }

    /// A reader of JSON Lines from any byte stream (a socket, bytes in memory, a decompressor);
    /// `name` stands for the file in errors (`NAME:LINE`).
    ///
    /// ```
    /// use indotag::input::{InputOptions, Reader};
    /// let bytes = b"\xEF\xBB\xBF{\"text\":\"Halo.\"}\n".to_vec();
    /// let docs: Vec<_> = Reader::from_reader("mem.jsonl", Box::new(std::io::Cursor::new(bytes)), InputOptions::default()).collect();
    /// assert_eq!(docs[0].id, indotag::input::content_id(b"Halo."));
    /// assert_eq!(docs[0].text.as_deref().unwrap(), "Halo.");
    /// ```
    pub fn from_reader(name: &str, reader: Box<dyn Read + Send>, options: InputOptions) -> Reader {
        Reader {
            inputs: Vec::new().into_iter(),
            options,
            current: Some(JsonlFile::open(name.to_string(), reader)),
            bytes_read: 0,
            total_bytes: None,
        }
    }

    fn open(&mut self, input: Input) -> Option<RawDoc> {
        let (name, format) = match &input {
            Input::Stdin => ("-".to_string(), self.options.format.unwrap_or(Format::Text)),
            Input::Path(p) => (
                p.display().to_string(),
                self.options.format.unwrap_or_else(|| Format::from_path(p)),
            ),
            Input::Broken(p, _) => (p.display().to_string(), Format::Text),
        };
        let (format, reader): (Format, Box<dyn Read + Send>) = match input {
            Input::Broken(_, e) => return Some(failed(name, e)),
            Input::Stdin if self.options.format.is_none() => match sniff_stdin() {
                Ok(found) => found,
                Err(e) => return Some(failed(name, Error::io("standard input", e))),
            },
            Input::Stdin => (format, Box::new(io::stdin())),
            Input::Path(p) => match File::open(&p) {
                Ok(f) => (format, Box::new(f)),
                Err(e) => return Some(failed(name, Error::io(&p, e))),
            },
        };
        match format {
            Format::Text => {
                let mut bytes = Vec::new();
                let mut reader = reader;
                let text = match reader.read_to_end(&mut bytes) {
                    Ok(n) => {
                        self.bytes_read += n as u64;
                        decode::decode(bytes).map_err(|e| Error::input(format!("{name}: {e}")))
                    }
                    Err(e) => Err(Error::io(&name, e)),
                };
                Some(RawDoc {
                    id: name,
                    extra: Map::new(),
                    text,
                })
            }
            Format::Jsonl => {
                self.current = Some(JsonlFile::open(name, reader));
                None
            }
        }
    }

    fn next_line(&mut self) -> Option<RawDoc> {
        let file = self.current.as_mut()?;
        loop {
            file.buf.clear();
            let n = match file.reader.read_until(b'\n', &mut file.buf) {
                Ok(0) => {
                    self.current = None;
                    return None;
                }
                Ok(n) => n,
                Err(e) => {
                    let doc = failed(
                        format!("{}:{}", file.name, file.line + 1),
                        Error::input(format!("{}:{}: {e}", file.name, file.line + 1)),
                    );
                    self.current = None;
                    return Some(doc);
                }
            };
            file.line += 1;
            self.bytes_read += n as u64;
            let line_start = file.offset;
            file.offset += n;
            let raw = trim_line_end(&file.buf);
            if raw.iter().all(|b| b.is_ascii_whitespace()) {
                continue;
            }
            return Some(parse_record(file, raw, line_start, &self.options));
        }
    }
}

/// The sizes of all inputs, if each is a regular file.
fn total_size(inputs: &[Input]) -> Option<u64> {
    inputs.iter().try_fold(0u64, |sum, input| match input {
        Input::Path(p) => {
            let meta = std::fs::metadata(p).ok()?;
            meta.is_file().then(|| sum + meta.len())
        }
        Input::Broken(..) => Some(sum),
        Input::Stdin => None,
    })
}

/// Standard input without `--input-format`: JSONL when its first non-blank byte is `{`, text
/// otherwise. The bytes looked at are handed back in front of the rest, so a text document
/// keeps its leading blank lines (and its offsets).
fn sniff_stdin() -> io::Result<(Format, Box<dyn Read + Send>)> {
    let mut stdin = BufReader::with_capacity(1 << 16, io::stdin());
    let mut seen = Vec::new();
    let format = loop {
        let buf = stdin.fill_buf()?;
        if buf.is_empty() {
            break Format::Text;
        }
        match buf.iter().position(|b| !b.is_ascii_whitespace()) {
            Some(i) => {
                break if buf[i] == b'{' {
                    Format::Jsonl
                } else {
                    Format::Text
                }
            }
            None => {
                let n = buf.len();
                seen.extend_from_slice(buf);
                stdin.consume(n);
            }
        }
    };
    Ok((format, Box::new(io::Cursor::new(seen).chain(stdin))))
}

/// The id of a JSONL record that has none: `xxh3:` and the 64-bit XXH3 hash (seed 0) of the
/// text's UTF-8 bytes, in 16 lower-case hex digits.
///
/// The same record gets the same id wherever it is read (a whole file, a piece of it, any
/// partition of a Spark or Dask job), which a line number cannot give. Two records with the same
/// text get the same id. In Python: `"xxh3:" + xxhash.xxh3_64_hexdigest(text.encode())`.
///
/// ```
/// use indotag::input::content_id;
/// assert_eq!(content_id(b""), "xxh3:2d06800538d394c2");
/// assert_eq!(content_id("Pagi ini cerah.".as_bytes()).len(), 5 + 16);
/// ```
pub fn content_id(text: &[u8]) -> String {
    format!("xxh3:{:016x}", xxhash_rust::xxh3::xxh3_64(text))
}

fn trim_line_end(mut b: &[u8]) -> &[u8] {
    while let [rest @ .., b'\n' | b'\r'] = b {
        b = rest;
    }
    b
}

fn failed(id: String, e: Error) -> RawDoc {
    RawDoc {
        id,
        extra: Map::new(),
        text: Err(e),
    }
}

fn parse_record(file: &JsonlFile, raw: &[u8], line_start: usize, opts: &InputOptions) -> RawDoc {
    // The error says where (FILE:LINE), written only for an error; the id stays the same
    // wherever the line is read.
    let at = || format!("{}:{}", file.name, file.line);
    let fail = |msg: String| failed(content_id(raw), Error::input(format!("{}: {msg}", at())));
    let line = match std::str::from_utf8(raw) {
        Ok(line) => line,
        Err(e) => {
            let col = e.valid_up_to();
            return fail(format!(
                "invalid UTF-8 at byte {} of the file (byte {col} of the line)",
                line_start + col,
            ));
        }
    };
    // (from the checked `str`: serde_json then does not check the UTF-8 of every string again)
    let value: Value = match serde_json::from_str(line) {
        Ok(v) => v,
        Err(e) => return fail(json_error(&e, raw, line_start)),
    };
    let Value::Object(mut map) = value else {
        return fail("expected a JSON object".into());
    };
    let id = match map.remove(&opts.id_field) {
        Some(Value::String(s)) => Some(s),
        Some(Value::Null) | None => None,
        Some(other) => Some(other.to_string()),
    };
    let text_value = map.remove(&opts.text_field);
    let id = id.unwrap_or_else(|| match &text_value {
        Some(Value::String(s)) => content_id(s.as_bytes()),
        _ => content_id(raw),
    });
    let text = match text_value {
        Some(Value::String(s)) => {
            let mut s = s;
            decode::check_text(&mut s)
                .map(|()| s)
                .map_err(|e| Error::input(format!("{}: field `{}`: {e}", at(), opts.text_field)))
        }
        Some(_) => Err(Error::input(format!(
            "{}: field `{}` is not a string",
            at(),
            opts.text_field
        ))),
        None => Err(Error::input(format!(
            "{}: no field `{}`",
            at(),
            opts.text_field
        ))),
    };
    RawDoc {
        id,
        extra: map,
        text,
    }
}

/// serde_json's message with its place in our convention: 0-based bytes of the file and of
/// the line, as every other input error (its own `line L column C` is 1-based).
fn json_error(e: &serde_json::Error, raw: &[u8], line_start: usize) -> String {
    let (col, what) = json_problem(e, raw.len());
    format!(
        "invalid JSON at byte {} of the file (byte {col} of the line): {what}",
        line_start + col
    )
}

/// A serde_json error on one line of `len` bytes: the 0-based byte of the line where it is,
/// and the message without serde_json's 1-based `at line L column C`.
pub(crate) fn json_problem(e: &serde_json::Error, len: usize) -> (usize, String) {
    let msg = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    let what = msg.strip_suffix(&suffix).unwrap_or(&msg).to_string();
    // The record is one line, so serde_json's column counts bytes from the line's start.
    (e.column().saturating_sub(1).min(len), what)
}

impl Iterator for Reader {
    type Item = RawDoc;

    fn next(&mut self) -> Option<RawDoc> {
        loop {
            if self.current.is_some() {
                if let Some(doc) = self.next_line() {
                    return Some(doc);
                }
                continue;
            }
            let input = self.inputs.next()?;
            if let Some(doc) = self.open(input) {
                return Some(doc);
            }
        }
    }
}
