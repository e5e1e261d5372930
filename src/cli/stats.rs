//! `indotag stats`: tallies over tagged records (or documents it tags itself).

use std::fs::File;
use std::io::{self, BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, ValueEnum};
use rayon::prelude::*;

use indotag::input::{Format, InputOptions, RawDoc, Reader};
use indotag::stats::{Facts, GroupBy, Line, OutputFormat, Stats, StatsOptions};
use indotag::Tagger;

use super::{exit_status, Failure};

/// Arguments of `indotag stats`, as typed.
#[derive(Args, Debug)]
pub struct StatsArgs {
    /// Tagged JSONL (the records of `indotag tag`), or text files, directories or JSONL of
    /// untagged articles, which are tagged first. `-` (the default) is standard input, read
    /// as JSONL.
    pub paths: Vec<PathBuf>,
    /// Tag every document, even records that already carry entities and quotes.
    #[arg(long)]
    pub tag: bool,
    /// How to print: aligned columns, one tab-separated table, or JSON.
    #[arg(long, value_enum, default_value_t = StatsFormat::Table)]
    pub format: StatsFormat,
    /// Rows in each ranked list (speakers, entities per label, outlets); 0 for all.
    #[arg(long, default_value_t = 10, value_name = "N")]
    pub top: usize,
    /// Break the speaker, entity and quote tallies down by outlet, month or zone.
    #[arg(long, value_enum)]
    pub by: Option<By>,
    /// JSONL field that holds the text of untagged records.
    #[arg(long, default_value = "text")]
    pub text_field: String,
    /// Worker threads (default: all cores).
    #[arg(short, long, value_name = "N")]
    pub jobs: Option<usize>,
    /// Add a gazetteer file (TSV) for tagging; repeatable.
    #[arg(long = "gazetteer", value_name = "FILE")]
    pub gazetteers: Vec<PathBuf>,
    /// Do not use the embedded default gazetteers when tagging.
    #[arg(long)]
    pub no_default_gazetteers: bool,
}

/// Output formats of `indotag stats`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum StatsFormat {
    /// Aligned columns.
    Table,
    /// One tab-separated table with a header row.
    Tsv,
    /// One JSON object.
    Json,
}

/// Groupings of `--by`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum By {
    /// meta.outlet of each document.
    Outlet,
    /// The month of meta.published.
    Month,
    /// The zone of each entity and quote.
    Zone,
}

/// JSONL lines read before a batch is parsed (as in `tag`: bounded memory, busy cores).
const BATCH_DOCS: usize = 1024;
const BATCH_BYTES: usize = 32 << 20;

pub fn run(args: StatsArgs) -> Result<ExitCode, Failure> {
    let jobs = match args.jobs {
        Some(0) => return Err(Failure::Usage("--jobs must be at least 1".into())),
        Some(n) => n,
        None => std::thread::available_parallelism().map_or(1, |n| n.get()),
    };
    let mut builder = Tagger::builder().default_gazetteers(!args.no_default_gazetteers);
    for g in &args.gazetteers {
        builder = builder.gazetteer_file(g);
    }
    let tagger = builder.build().map_err(|e| Failure::Usage(e.to_string()))?;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .build()
        .map_err(|e| Failure::Fatal(format!("cannot start worker threads: {e}")))?;
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        args.paths.clone()
    };
    let mut stats = Stats::new(StatsOptions {
        by: args.by.map(|b| match b {
            By::Outlet => GroupBy::Outlet,
            By::Month => GroupBy::Month,
            By::Zone => GroupBy::Zone,
        }),
        top: args.top,
    });
    let mut tally = Tally {
        stats: &mut stats,
        failed: 0,
    };
    for path in &paths {
        let jsonl =
            path.as_os_str() == "-" || (path.is_file() && Format::from_path(path) == Format::Jsonl);
        if jsonl && !args.tag {
            jsonl_lines(path, &args, &tagger, &pool, &mut tally)?;
        } else {
            documents(path, &args, &tagger, &pool, &mut tally);
        }
    }
    let failed = tally.failed;
    let format = match args.format {
        StatsFormat::Table => OutputFormat::Table,
        StatsFormat::Tsv => OutputFormat::Tsv,
        StatsFormat::Json => OutputFormat::Json,
    };
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let written = stats
        .summary()
        .write(format, &mut out)
        .and_then(|()| out.flush());
    match written {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
            Err(Failure::Fatal(format!("writing output: {e}")))
        }
        _ => Ok(exit_status(failed)),
    }
}

/// The tallies and the count of documents that failed.
struct Tally<'a> {
    stats: &'a mut Stats,
    failed: usize,
}

impl Tally<'_> {
    fn add(&mut self, facts: Vec<Result<Facts, String>>) {
        for f in facts {
            match f {
                Ok(f) => self.stats.add(&f),
                Err(e) => {
                    super::say::warn(format_args!("indotag: {e}"));
                    self.stats.add_failed();
                    self.failed += 1;
                }
            }
        }
    }
}

/// Tagged JSONL (standard input or a `.jsonl` file), a batch of lines at a time, each line
/// parsed by a worker: only the fields the tallies need are built, so a corpus with tokens
/// reads fast and in little memory. Untagged records are tagged.
fn jsonl_lines(
    path: &Path,
    args: &StatsArgs,
    tagger: &Tagger,
    pool: &rayon::ThreadPool,
    tally: &mut Tally<'_>,
) -> Result<(), Failure> {
    let name = path.display().to_string();
    let mut reader: Box<dyn BufRead> = if path.as_os_str() == "-" {
        Box::new(BufReader::with_capacity(1 << 16, io::stdin()))
    } else {
        let file = File::open(path).map_err(|e| Failure::Fatal(format!("{name}: {e}")))?;
        Box::new(BufReader::with_capacity(1 << 16, file))
    };
    let mut number = 0;
    loop {
        let mut batch: Vec<(usize, Vec<u8>)> = Vec::with_capacity(BATCH_DOCS);
        let mut bytes = 0;
        while batch.len() < BATCH_DOCS && bytes < BATCH_BYTES {
            let mut line = Vec::new();
            let n = reader
                .read_until(b'\n', &mut line)
                .map_err(|e| Failure::Fatal(format!("{name}:{}: {e}", number + 1)))?;
            if n == 0 {
                break;
            }
            number += 1;
            bytes += n;
            if !line.iter().all(u8::is_ascii_whitespace) {
                batch.push((number, line));
            }
        }
        if batch.is_empty() {
            return Ok(());
        }
        let facts = pool.install(|| {
            batch
                .into_par_iter()
                .map(|(number, line)| {
                    let at = format!("{name}:{number}");
                    match Line::parse(&line).map_err(|e| format!("{at}: {e}"))? {
                        Line::Tagged(f) => Ok(f),
                        Line::Failed(e) => Err(format!("{at}: {e}")),
                        Line::Untagged => tag_line(tagger, &line, &args.text_field, &at),
                    }
                })
                .collect()
        });
        tally.add(facts);
    }
}

/// Tags a record that has no entities yet.
fn tag_line(tagger: &Tagger, line: &[u8], field: &str, at: &str) -> Result<Facts, String> {
    let record: serde_json::Value =
        serde_json::from_slice(line).map_err(|e| format!("{at}: {e}"))?;
    let text = record[field]
        .as_str()
        .ok_or_else(|| format!("{at}: no entities and no text field `{field}`"))?;
    tag_text(tagger, text.to_string(), at)
}

/// Text files, directories and (with `--tag`) JSONL, through the reader `tag` uses.
fn documents(
    path: &Path,
    args: &StatsArgs,
    tagger: &Tagger,
    pool: &rayon::ThreadPool,
    tally: &mut Tally<'_>,
) {
    let input = InputOptions {
        format: (path.as_os_str() == "-").then_some(Format::Jsonl),
        text_field: args.text_field.clone(),
        ..InputOptions::default()
    };
    let mut reader = Reader::new(&[path.to_path_buf()], input);
    loop {
        let batch = super::tag::read_batch(&mut reader);
        if batch.is_empty() {
            return;
        }
        let facts = pool.install(|| {
            batch
                .into_par_iter()
                .map(|raw| facts(tagger, raw, args.tag))
                .collect()
        });
        tally.add(facts);
    }
}

/// The facts of one document: from its record when it is tagged, else by tagging it.
fn facts(tagger: &Tagger, raw: RawDoc, force_tag: bool) -> Result<Facts, String> {
    if !force_tag && !raw.extra.is_empty() {
        match Line::from_map(&raw.extra).map_err(|e| format!("{}: {e}", raw.id))? {
            Line::Tagged(f) => return Ok(f),
            Line::Failed(e) => return Err(format!("{}: {e}", raw.id)),
            Line::Untagged => {}
        }
    }
    let text = raw.text.map_err(|e| e.to_string())?;
    tag_text(tagger, text, &raw.id)
}

fn tag_text(tagger: &Tagger, text: String, id: &str) -> Result<Facts, String> {
    // As in `tag`: a bug in a stage costs one document, not the run.
    let doc = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| tagger.tag(text)))
        .map_err(|_| format!("{id}: internal error while tagging"))?;
    Ok(Facts::from_document(&doc))
}
