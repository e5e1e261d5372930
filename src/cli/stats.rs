//! `indotag stats`: tallies over tagged records (or documents it tags itself).

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, ValueEnum};
use rayon::prelude::*;

use indotag::input::{Format, InputOptions, RawDoc, Reader};
use indotag::stats::{Facts, GroupBy, OutputFormat, Stats, StatsOptions};
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

/// Documents read before a batch is processed (as in `tag`: bounded memory, busy cores).
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
        args.paths
    };
    let stdin_only = paths.iter().all(|p| p.as_os_str() == "-");
    let input = InputOptions {
        format: stdin_only.then_some(Format::Jsonl),
        text_field: args.text_field,
        ..InputOptions::default()
    };
    let mut stats = Stats::new(StatsOptions {
        by: args.by.map(|b| match b {
            By::Outlet => GroupBy::Outlet,
            By::Month => GroupBy::Month,
            By::Zone => GroupBy::Zone,
        }),
        top: args.top,
    });
    let mut reader = Reader::new(&paths, input);
    let mut failed = 0;
    loop {
        let batch = read_batch(&mut reader);
        if batch.is_empty() {
            break;
        }
        let facts: Vec<Result<Facts, String>> = pool.install(|| {
            batch
                .into_par_iter()
                .map(|raw| facts(&tagger, raw, args.tag))
                .collect()
        });
        for f in facts {
            match f {
                Ok(f) => stats.add(&f),
                Err(e) => {
                    eprintln!("indotag: {e}");
                    stats.add_failed();
                    failed += 1;
                }
            }
        }
    }
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

/// The facts of one document: from its record when it is tagged, else by tagging it.
fn facts(tagger: &Tagger, raw: RawDoc, force_tag: bool) -> Result<Facts, String> {
    if !force_tag {
        if let Some(f) = Facts::from_record(&raw.extra).map_err(|e| format!("{}: {e}", raw.id))? {
            return Ok(f);
        }
    }
    if let Some(error) = raw.extra.get("error").and_then(|e| e.as_str()) {
        return Err(format!("{}: {error}", raw.id));
    }
    let text = raw.text.map_err(|e| e.to_string())?;
    // As in `tag`: a bug in a stage costs one document, not the run.
    let doc = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| tagger.tag(text)))
        .map_err(|_| format!("{}: internal error while tagging", raw.id))?;
    Ok(Facts::from_document(&doc))
}
