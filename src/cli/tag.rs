//! `indotag tag`: read documents, tag them in parallel, write records in input order.

use std::io::{self, IoSlice, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, ValueEnum};
use rayon::prelude::*;

use indotag::input::{Format, InputOptions, RawDoc, Reader, WalkOptions};
use indotag::{RecordOptions, Tagger, ZoneKind};

use super::output::{refuse_output_as_input, Sink};
use super::progress::Progress;
use super::token_style::TokenStyle;
use super::Failure;

/// Arguments of `indotag tag`, as typed.
#[derive(Args, Debug)]
pub struct TagArgs {
    /// Files, directories (recursive: *.txt, *.jsonl and *.ndjson; hidden and .gitignored files
    /// skipped) or `-` for standard input (the default when standard input is not a terminal).
    pub paths: Vec<PathBuf>,
    /// Write records to FILE instead of stdout: a regular file is replaced atomically (a
    /// temporary file renamed at the end, permissions kept, symlinks followed); devices, FIFOs
    /// and `-` (stdout) are written straight through.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Input format; default: by extension (.jsonl and .ndjson are JSONL); standard input is
    /// JSONL when its first non-blank byte is `{`, else text.
    #[arg(long, value_enum)]
    pub input_format: Option<InputFormat>,
    /// JSONL field that holds the text.
    #[arg(long, default_value = "text")]
    pub text_field: String,
    /// JSONL field that holds the id (records without it get `xxh3:` and a hash of their text).
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
    /// Follow symbolic links while walking directories (loops are detected and skipped).
    #[arg(short = 'L', long)]
    pub follow: bool,
    /// Walk hidden files and directories too (names starting with `.`).
    #[arg(long)]
    pub hidden: bool,
    /// Read files that a `.gitignore` or `.ignore` in a walked directory excludes.
    #[arg(long)]
    pub no_ignore: bool,
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
    #[command(flatten)]
    pub export: super::export::ExportArgs,
    #[command(flatten)]
    pub run: super::run_policy::RunArgs,
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
    sink: Sink,
    walk: WalkOptions,
    input: InputOptions,
    exporter: indotag::export::Exporter,
    jobs: usize,
    /// Never dropped: the process ends right after the run, and freeing a large compiled
    /// gazetteer allocation by allocation took a sixth of a million-name start-up (~1 s).
    tagger: std::mem::ManuallyDrop<Tagger>,
    policy: super::run_policy::Policy,
}

/// Documents read before a batch is tagged: enough to keep every core busy, few enough that
/// memory does not grow with the corpus.
/// A batch also stops at `BATCH_BYTES_PER_JOB` bytes of text per worker (at least
/// `MIN_BATCH_BYTES`): a batch's records, held until written, take about ten times its text.
const BATCH_DOCS: usize = 512;
const BATCH_BYTES_PER_JOB: usize = 1 << 20;
const MIN_BATCH_BYTES: usize = 4 << 20;
/// JSONL records of documents larger than this are not built in memory: the writer streams
/// them from the tagged document.
const STREAM_RECORD_BYTES: usize = 4 << 20;

impl TagArgs {
    fn validate(self) -> Result<Config, Failure> {
        let policy = self.run.validate()?;
        let paths = super::run_policy::default_to_stdin(self.paths)?;
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
        let sink = Sink::plan(self.output.as_deref())?;
        refuse_output_as_input(&sink, &paths)?;
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
        if self.export.format != super::export::OutputFormat::Jsonl
            && (self.no_text || self.no_tokens)
        {
            return Err(Failure::Usage(
                "--no-text and --no-tokens apply to --format jsonl only".into(),
            ));
        }
        Ok(Config {
            paths,
            walk: WalkOptions {
                follow_links: self.follow,
                hidden: self.hidden,
                no_ignore: self.no_ignore,
                skip: sink.skip_ids(),
            },
            sink,
            input: InputOptions {
                format: self.input_format.map(|f| match f {
                    InputFormat::Text => Format::Text,
                    InputFormat::Jsonl => Format::Jsonl,
                }),
                text_field: self.text_field,
                id_field: self.id_field,
            },
            exporter: self.export.validate(RecordOptions {
                text: !self.no_text,
                tokens: !self.no_tokens,
            })?,
            jobs,
            tagger: std::mem::ManuallyDrop::new(tagger),
            policy,
        })
    }
}

pub fn run(args: TagArgs) -> Result<ExitCode, Failure> {
    let config = args.validate()?;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(config.jobs)
        .build()
        .map_err(|e| Failure::Fatal(format!("cannot start worker threads: {e}")))?;
    let mut reader = Reader::with_walk(&config.paths, config.input.clone(), &config.walk);
    let mut progress = Progress::start(config.policy.mode, reader.total_bytes());
    let ended = config.sink.write(None, |out| {
        tag_all(&config, &pool, &mut reader, &mut progress, out).map(Some)
    })?;
    let Some(stopped) = ended else {
        // The reader went away (`indotag tag … | head`): no summary of a run cut short.
        progress.silence();
        progress.finish(config.policy.stats_json.as_deref(), false)?;
        return Ok(ExitCode::SUCCESS);
    };
    let failed = progress.totals.errors;
    progress.finish(config.policy.stats_json.as_deref(), stopped)?;
    config.policy.exit(failed, stopped)
}

/// Tags everything, batch by batch, counting in `progress`; returns whether it stopped early
/// at `--max-errors`.
///
/// Reading and writing overlap tagging: while the workers tag one batch, this thread writes
/// the previous batch's records and reads the next batch. (Done in turn, the workers sat idle
/// during input parsing and output writing, a sixth of a run's time on a large JSONL corpus.)
/// At most two batches of input and one of output are held at once.
fn tag_all(
    config: &Config,
    pool: &rayon::ThreadPool,
    reader: &mut Reader,
    progress: &mut Progress,
    out: &mut dyn Write,
) -> io::Result<bool> {
    let exporter = &config.exporter;
    let mut report = indotag::export::Report::default();
    let mut head = Vec::new();
    exporter.begin(&mut head);
    out.write_all(&head)?;
    std::thread::scope(|scope| {
        let mut tagging: Option<std::thread::ScopedJoinHandle<'_, Vec<Line>>> = None;
        // Input read up to the end of the batch being tagged, and of the one before.
        let mut bytes_at = (0, 0);
        loop {
            let batch = read_batch_upto(reader, batch_bytes(config.jobs));
            bytes_at = (bytes_at.1, reader.bytes_read());
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
                            .map(|raw| tag_one(&config.tagger, raw, exporter))
                            .collect()
                    })
                }));
            }
            let mut stopped = false;
            if let Some(lines) = done {
                stopped = write_lines(config, progress, &mut report, &lines, out)?;
                progress.batch_written(bytes_at.0);
            }
            if tagging.is_none() || stopped {
                if !stopped {
                    progress.batch_written(reader.bytes_read());
                }
                let mut tail = Vec::new();
                exporter.end(&mut tail);
                out.write_all(&tail)?;
                if let Some(note) = report.message(exporter.options().format) {
                    progress.warn(&note);
                }
                return Ok(stopped);
            }
        }
    })
}

/// Writes one batch's lines in order, counting them in `progress` and `report`; returns
/// whether `--max-errors` stopped the run (the lines after the one that stopped it are not
/// written).
///
/// The lines go to the sink together, as one vectored write (`writev`) of the records' own
/// buffers: written one by one, each record (about ten times its text) was first copied into
/// the sink's buffer, a copy of the whole output that cost more than the system calls it
/// saved.
fn write_lines(
    config: &Config,
    progress: &mut Progress,
    report: &mut indotag::export::Report,
    lines: &[Line],
    out: &mut dyn Write,
) -> io::Result<bool> {
    let mut pending: Vec<IoSlice<'_>> = Vec::with_capacity(lines.len());
    for line in lines {
        if let Some(error) = &line.error {
            progress.warn(error);
        }
        progress.record(line.error.is_none(), line.entities, line.quotes);
        report.add(line.report);
        pending.push(IoSlice::new(&line.bytes));
        if let Some(doc) = &line.large {
            write_all_vectored(out, &mut pending)?;
            let o = config.exporter.options();
            doc.write_json_to(o.record, o.offsets, out)?;
            out.write_all(b"\n")?;
        }
        if config.policy.should_stop(progress.totals.errors) {
            // The batch being tagged is waited for (and dropped) as the scope ends.
            write_all_vectored(out, &mut pending)?;
            return Ok(true);
        }
    }
    write_all_vectored(out, &mut pending)?;
    Ok(false)
}

/// Most bytes one vectored write hands the kernel. A whole batch (tens of megabytes) in one
/// `writev` made the kernel's copy into the page cache of a file about seven times slower
/// (copy_folio_from_iter_atomic: ~9% of a run's samples instead of ~1.3%); in pieces of
/// this size it costs what the buffered writes did.
const WRITE_CHUNK: usize = 1 << 18;

/// Writes all of `bufs` to `out`, in vectored writes of at most [`WRITE_CHUNK`] bytes (or one
/// longer buffer), and empties `bufs`.
fn write_all_vectored(out: &mut dyn Write, bufs: &mut Vec<IoSlice<'_>>) -> io::Result<()> {
    let mut rest = &mut bufs[..];
    IoSlice::advance_slices(&mut rest, 0);
    while !rest.is_empty() {
        let mut total = 0;
        // the slices that fit in a chunk, at least one
        let take = rest
            .iter()
            .take_while(|b| {
                total += b.len();
                total <= WRITE_CHUNK
            })
            .count()
            .max(1);
        match out.write_vectored(&rest[..take]) {
            Ok(0) => return Err(io::ErrorKind::WriteZero.into()),
            Ok(n) => IoSlice::advance_slices(&mut rest, n),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    bufs.clear();
    Ok(())
}

/// One document's output (a record line, newline included, or its export), why it failed
/// if it did, and what its export had to adapt.
struct Line {
    bytes: Vec<u8>,
    error: Option<String>,
    report: indotag::export::Report,
    /// Entities and quotes in the document, for the summary.
    entities: usize,
    quotes: usize,
    /// A large document whose JSONL record the writer streams (`bytes` is then empty).
    large: Option<Box<indotag::Document>>,
}

/// Bytes of text in one batch, for `jobs` workers.
fn batch_bytes(jobs: usize) -> usize {
    (jobs * BATCH_BYTES_PER_JOB).max(MIN_BATCH_BYTES)
}

/// The next batch of documents; empty at the end of the input.
pub(super) fn read_batch(reader: &mut Reader) -> Vec<RawDoc> {
    read_batch_upto(reader, MIN_BATCH_BYTES)
}

/// The next batch of at most [`BATCH_DOCS`] documents and about `max_bytes` of text.
fn read_batch_upto(reader: &mut Reader, max_bytes: usize) -> Vec<RawDoc> {
    let mut batch = Vec::with_capacity(BATCH_DOCS);
    let mut bytes = 0;
    for doc in reader.by_ref() {
        bytes += doc.text.as_ref().map_or(0, |t| t.len());
        batch.push(doc);
        if batch.len() >= BATCH_DOCS || bytes >= max_bytes {
            break;
        }
    }
    batch
}

/// Tags one document into its record line (or export).
fn tag_one(tagger: &Tagger, raw: RawDoc, exporter: &indotag::export::Exporter) -> Line {
    let error = |extra: &serde_json::Map<String, serde_json::Value>, msg: &str| {
        let mut bytes = Vec::new();
        exporter.failed(Some(&raw.id), extra, msg, &mut bytes);
        // The message on standard error says which document, as the JSONL record does.
        let error = if exporter.options().format == indotag::export::Format::Jsonl {
            msg.to_string()
        } else {
            format!("{}: {msg}", raw.id)
        };
        Line {
            bytes,
            error: Some(error),
            report: Default::default(),
            entities: 0,
            quotes: 0,
            large: None,
        }
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
                    if exporter.options().format == indotag::export::Format::Jsonl
                        && doc.text.len() > STREAM_RECORD_BYTES
                    {
                        return Line {
                            bytes: Vec::new(),
                            error: None,
                            report: Default::default(),
                            entities: doc.entities.len(),
                            quotes: doc.quotes.len(),
                            large: Some(Box::new(doc)),
                        };
                    }
                    let mut bytes = Vec::new();
                    let report = exporter.document(&doc, &mut bytes);
                    Line {
                        bytes,
                        error: None,
                        report,
                        entities: doc.entities.len(),
                        quotes: doc.quotes.len(),
                        large: None,
                    }
                }
                Err(panic) => error(&raw.extra, &indotag::panic_message(panic.as_ref())),
            }
        }
        Err(e) => error(&raw.extra, &e.to_string()),
    }
}
