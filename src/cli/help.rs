//! The text after each subcommand's `--help`: its exit statuses and two examples. Kept here so
//! that `main.rs` stays a list of subcommands.

pub const TOP: &str = "\
Exit status: 0 success, 1 failure (for tag: some documents failed), 2 usage error.
Each subcommand's --help shows its own, with examples.

Examples:
  indotag tag artikel/ -o korpus.jsonl
  indotag tag --help";

pub const TAG: &str = "\
Exit status:
  0  every document was tagged (or --exit-zero-on-errors was given)
  1  some documents failed (each has an error record in the output), the run stopped at
     --max-errors, or the output could not be written
  2  usage error (bad flag, unreadable gazetteer)

Examples:
  indotag tag artikel/ -o korpus.jsonl
  zcat berita.jsonl.gz | indotag tag --jobs 1 --exit-zero-on-errors --no-tokens > hasil.jsonl";

pub const GAZETTEER: &str = "\
Exit status:
  0  done; for check: every file is valid
  1  check: some file is invalid (FILE:LINE: problem, on standard error)
  2  usage error

Examples:
  indotag gazetteer check tokoh-daerah.tsv
  indotag gazetteer list --counts";

pub const GAZETTEER_CHECK: &str = "\
Exit status:
  0  every file is valid
  1  some file is invalid (FILE:LINE: problem, on standard error)
  2  usage error

Examples:
  indotag gazetteer check tokoh-daerah.tsv
  indotag gazetteer check --no-default-gazetteers partai.tsv tokoh.tsv";

pub const GAZETTEER_LIST: &str = "\
Exit status:
  0  printed
  2  usage error

Examples:
  indotag gazetteer list --counts
  indotag gazetteer list > semua-gasetir.tsv";

pub const EVAL: &str = "\
Exit status:
  0  scored
  1  the gold or prediction file could not be read
  2  usage error

Examples:
  indotag eval --gold dev-gold.jsonl
  indotag eval --gold dev-gold.jsonl prediksi.jsonl --json";

pub const COMPLETIONS: &str = "\
Exit status:
  0  printed
  2  usage error (unknown shell)

Examples:
  indotag completions bash > /etc/bash_completion.d/indotag
  indotag completions zsh > \"${fpath[1]}/_indotag\"";

pub const MAN: &str = "\
Exit status:
  0  printed
  2  usage error (unknown subcommand)

Examples:
  indotag man > indotag.1 && man ./indotag.1
  indotag man tag > indotag-tag.1";

pub const STATS: &str = "\
Exit status:
  0  printed
  1  some documents could not be read or tagged, or an input file could not be read
  2  usage error

Examples:
  indotag stats tagged.jsonl --by month --top 20
  indotag tag korpus.jsonl --no-tokens | indotag stats --format json";
