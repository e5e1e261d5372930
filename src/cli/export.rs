//! The output-format flags of `indotag tag`, validated into the library's export options.

use clap::{Args, ValueEnum};

use indotag::document::Offsets;
use indotag::export::{ExportOptions, Exporter, Format};
use indotag::RecordOptions;

use super::Failure;

/// How `indotag tag` writes what it tagged.
#[derive(Args, Debug)]
pub struct ExportArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Jsonl)]
    pub format: OutputFormat,
    /// How the JSONL record counts offsets: `chars` (Unicode characters, as Python indexes
    /// strings) or `utf16` (UTF-16 code units, as JavaScript does; an emoji counts 2).
    #[arg(long, value_enum, default_value_t = OffsetsArg::Chars)]
    pub offsets: OffsetsArg,
    /// With --format conll: add a B-QUOTE/I-QUOTE/O column before the entity tag.
    #[arg(long)]
    pub quote_column: bool,
}

/// Output formats on the command line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// The full record, one JSON object per line (character offsets unless --offsets utf16).
    Jsonl,
    /// CoNLL-2003 columns `TOKEN [QUOTE] TAG`, IOB2 tags, a blank line after each sentence,
    /// -DOCSTART- before each document. Tokens an entity cuts are split (counted on stderr).
    Conll,
    /// Prodigy tasks: {"text","tokens","spans","meta"} per line, character offsets.
    Prodigy,
    /// doccano: {"text","label":[[start,end,"LABEL"]]} per line, UTF-16 offsets.
    Doccano,
    /// One self-contained HTML page (inline CSS, no scripts) to read the tagged articles.
    Html,
}

/// Offset units on the command line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum OffsetsArg {
    /// Unicode characters.
    Chars,
    /// UTF-16 code units.
    Utf16,
}

impl ExportArgs {
    /// The exporter these flags ask for; flags that mean nothing for the format are errors.
    pub fn validate(&self, record: RecordOptions) -> Result<Exporter, Failure> {
        let format = match self.format {
            OutputFormat::Jsonl => Format::Jsonl,
            OutputFormat::Conll => Format::Conll,
            OutputFormat::Prodigy => Format::Prodigy,
            OutputFormat::Doccano => Format::Doccano,
            OutputFormat::Html => Format::Html,
        };
        let offsets = match self.offsets {
            OffsetsArg::Chars => Offsets::Chars,
            OffsetsArg::Utf16 => Offsets::Utf16,
        };
        if offsets == Offsets::Utf16 && !matches!(format, Format::Jsonl | Format::Doccano) {
            return Err(Failure::Usage(format!(
                "--offsets utf16 applies to --format jsonl (doccano is always UTF-16, {} has no \
                 choice)",
                format.as_str()
            )));
        }
        if self.quote_column && format != Format::Conll {
            return Err(Failure::Usage(
                "--quote-column applies to --format conll only".into(),
            ));
        }
        Ok(Exporter::new(ExportOptions {
            format,
            record,
            offsets,
            quote_column: self.quote_column,
        }))
    }
}
