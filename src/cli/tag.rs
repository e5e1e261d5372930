//! `indotag tag`: read documents, tag them in parallel, write records in input order.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, ValueEnum};
use rayon::prelude::*;

use indotag::document::error_line;
use indotag::input::{Format, InputOptions, RawDoc, Reader};
use indotag::{RecordOptions, Tagger, ZoneKind};

use super::token_style::TokenStyle;
use super::{exit_status, Failure};

/// Arguments of `indotag tag`, as typed.
#[derive(Args, Debug)]
pub struct TagArgs {
    /// Files, directories (recursive: *.txt and *.jsonl) or `-` for standard input.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Write records to FILE (atomically: a temporary file renamed at the end) instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Input format; default: by extension (.jsonl is JSONL), standard input is text.
    #[arg(long, value_enum)]
    pub input_format: Option<InputFormat>,
    /// JSONL field that holds the text.
    #[arg(long, default_value = "text")]
    pub text_field: String,
    /// JSONL field that holds the id (records without it get FILE:LINE).
    #[arg(long, default_value = "id")]
    pub id_field: String,
    /// Leave the `tokens` field out of the records.
    #[arg(long)]
    pub no_tokens: bool,
    /// Leave the `text` field out of the records.
    #[arg(long)]
    pub no_text: bool,
    /// Worker threads (default: all cores). Output order is input order whatever the number.
    #[arg(short, long, value_name = "N")]
    pub jobs: Option<usize>,
    /// Add a gazetteer file (TSV); repeatable. Its entries override defaults with the same id.
    #[arg(long = "gazetteer", value_name = "FILE")]
    pub gazetteers: Vec<PathBuf>,
    /// Do not use the embedded default gazetteers.
    #[arg(long)]
    pub no_default_gazetteers: bool,
    /// Keep only entities and quotes in these zones (comma-separated: title, meta, caption,
    /// body, related, boilerplate). Default: all, each marked with its zone.
    #[arg(long, value_delimiter = ',', value_name = "ZONES")]
    pub zones: Vec<String>,
    /// Token conventions: `news` (default; what the entity and quote rules expect), or those
    /// of the UD Indonesian-GSD or -CSUI treebank, to compare with the UD treebanks.
    #[arg(long, value_enum, default_value_t = TokenStyle::News, value_name = "STYLE")]
    pub token_style: TokenStyle,
}

/// Input formats on the command line.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum InputFormat {
    /// One document per file.
    Text,
    /// One JSON object per line.
    Jsonl,
}

/// The validated configuration of one run.
struct Config {
    paths: Vec<PathBuf>,
    output: Option<PathBuf>,
    input: InputOptions,
    record: RecordOptions,
    jobs: usize,
    tagger: Tagger,
}

/// Documents read before a batch is tagged: enough to keep every core busy, few enough that
/// memory does not grow with the corpus.
const BATCH_DOCS: usize = 512;
const BATCH_BYTES: usize = 32 << 20;

impl TagArgs {
    fn validate(self) -> Result<Config, Failure> {
        let jobs = match self.jobs {
            Some(0) => return Err(Failure::Usage("--jobs must be at least 1".into())),
            Some(n) => n,
            None => std::thread::available_parallelism().map_or(1, |n| n.get()),
        };
        let mut zones = Vec::new();
        for z in &self.zones {
            let kind = ZoneKind::parse(z.trim()).ok_or_else(|| {
                Failure::Usage(format!(
                    "unknown zone `{z}` in --zones (expected: title, meta, caption, body, related, boilerplate)"
                ))
            })?;
            zones.push(kind);
        }
        if let Some(out) = &self.output {
            if out.is_dir() {
                return Err(Failure::Usage(format!(
                    "-o {}: is a directory",
                    out.display()
                )));
            }
        }
        let mut builder = Tagger::builder()
            .default_gazetteers(!self.no_default_gazetteers)
            .token_style(self.token_style.into());
        for g in &self.gazetteers {
            builder = builder.gazetteer_file(g);
        }
        if !zones.is_empty() {
            builder = builder.zones(zones);
        }
        let tagger = builder.build().map_err(|e| Failure::Usage(e.to_string()))?;
        Ok(Config {
            paths: self.paths,
            output: self.output,
            input: InputOptions {
                format: self.input_format.map(|f| match f {
                    InputFormat::Text => Format::Text,
                    InputFormat::Jsonl => Format::Jsonl,
                }),
                text_field: self.text_field,
                id_field: self.id_field,
            },
            record: RecordOptions {
                text: !self.no_text,
                tokens: !self.no_tokens,
            },
            jobs,
            tagger,
        })
    }
}

pub fn run(args: TagArgs) -> Result<ExitCode, Failure> {
    let config = args.validate()?;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(config.jobs)
        .build()
        .map_err(|e| Failure::Fatal(format!("cannot start worker threads: {e}")))?;
    let failed = match &config.output {
        None => {
            let stdout = io::stdout();
            let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
            tag_all(&config, &pool, &mut out)
                .and_then(|n| out.flush().map(|()| n))
                .or_else(broken_pipe)?
        }
        Some(path) => write_atomically(path, |out| tag_all(&config, &pool, out))?,
    };
    Ok(exit_status(failed))
}

/// `indotag tag … | head` closes the pipe early; that is not an error.
fn broken_pipe(e: io::Error) -> Result<usize, Failure> {
    if e.kind() == io::ErrorKind::BrokenPipe {
        Ok(0)
    } else {
        Err(Failure::Fatal(format!("writing output: {e}")))
    }
}

/// Writes to a temporary file beside `path`, renamed over it only when everything was written,
/// so an interrupted run never leaves half a corpus under the final name.
fn write_atomically(
    path: &Path,
    f: impl FnOnce(&mut dyn Write) -> io::Result<usize>,
) -> Result<usize, Failure> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.indotag-{}.tmp", std::process::id()));
    let fail = |what: &str, e: io::Error| Failure::Fatal(format!("{what} {}: {e}", tmp.display()));
    let file = File::create(&tmp).map_err(|e| fail("cannot create", e))?;
    let mut out = BufWriter::with_capacity(1 << 16, file);
    let result = f(&mut out).and_then(|n| {
        out.flush()?;
        out.get_ref().sync_all()?;
        Ok(n)
    });
    match result {
        Ok(n) => {
            std::fs::rename(&tmp, path).map_err(|e| {
                let _ = std::fs::remove_file(&tmp);
                Failure::Fatal(format!("cannot rename to {}: {e}", path.display()))
            })?;
            Ok(n)
        }
        Err(e) => {
            let _ = std::fs::remove_file(&tmp);
            Err(fail("writing", e))
        }
    }
}

/// Tags everything, batch by batch; returns how many documents failed.
///
/// Reading and writing overlap tagging: while the workers tag one batch, this thread writes
/// the previous batch's records and reads the next batch. (Done in turn, the workers sat idle
/// during input parsing and output writing, a sixth of a run's time on a large JSONL corpus.)
/// At most two batches of input and one of output are held at once.
fn tag_all(config: &Config, pool: &rayon::ThreadPool, out: &mut dyn Write) -> io::Result<usize> {
    let mut reader = Reader::new(&config.paths, config.input.clone());
    let mut failed = 0;
    std::thread::scope(|scope| {
        let mut tagging: Option<std::thread::ScopedJoinHandle<'_, Vec<Line>>> = None;
        loop {
            let batch = read_batch(&mut reader);
            // A panic while tagging stays a panic, as it was without the overlap.
            let done = tagging.take().map(|handle| {
                handle
                    .join()
                    .unwrap_or_else(|e| std::panic::resume_unwind(e))
            });
            if !batch.is_empty() {
                tagging = Some(scope.spawn(move || {
                    pool.install(|| {
                        batch
                            .into_par_iter()
                            .map(|raw| tag_one(&config.tagger, raw, config.record))
                            .collect()
                    })
                }));
            }
            if let Some(lines) = done {
                for (line, ok) in lines {
                    if !ok {
                        eprintln!("indotag: {}", error_message(&line));
                        failed += 1;
                    }
                    out.write_all(&line)?;
                }
            }
            if tagging.is_none() {
                return Ok(failed);
            }
        }
    })
}

/// One record line, newline included, and whether the document was tagged.
type Line = (Vec<u8>, bool);

/// The next batch of documents; empty at the end of the input.
fn read_batch(reader: &mut Reader) -> Vec<RawDoc> {
    let mut batch = Vec::with_capacity(BATCH_DOCS);
    let mut bytes = 0;
    for doc in reader.by_ref() {
        bytes += doc.text.as_ref().map_or(0, |t| t.len());
        batch.push(doc);
        if batch.len() >= BATCH_DOCS || bytes >= BATCH_BYTES {
            break;
        }
    }
    batch
}

/// Tags one document into its record line.
fn tag_one(tagger: &Tagger, raw: RawDoc, record: RecordOptions) -> Line {
    let error = |extra: &serde_json::Map<String, serde_json::Value>, msg: &str| {
        let mut line = error_line(Some(&raw.id), extra, msg).into_bytes();
        line.push(b'\n');
        (line, false)
    };
    match raw.text {
        Ok(text) => {
            // A bug in a stage must cost one document, not the run: the panic becomes that
            // document's error record and the others go on.
            let tagged =
                std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| tagger.tag(text)));
            match tagged {
                Ok(mut doc) => {
                    doc.id = Some(raw.id);
                    doc.extra = raw.extra;
                    let mut line = Vec::new();
                    doc.write_json_line(record, &mut line);
                    line.push(b'\n');
                    (line, true)
                }
                Err(panic) => {
                    let what = panic
                        .downcast_ref::<&str>()
                        .map(|s| s.to_string())
                        .or_else(|| panic.downcast_ref::<String>().cloned())
                        .unwrap_or_default();
                    error(
                        &raw.extra,
                        &format!(
                            "internal error while tagging (please report this document): {what}"
                        ),
                    )
                }
            }
        }
        Err(e) => error(&raw.extra, &e.to_string()),
    }
}

fn error_message(line: &[u8]) -> String {
    serde_json::from_slice::<serde_json::Value>(line)
        .ok()
        .and_then(|v| v["error"].as_str().map(String::from))
        .unwrap_or_default()
}
