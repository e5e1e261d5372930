//! `--token-style`: the tokenizer's conventions on the command line.

use clap::ValueEnum;
use indotag::tokenize::Style;

/// Token conventions, as typed. `news` is what the pipeline's rules expect; the two UD styles
/// follow the Indonesian Universal Dependencies treebanks, to compare with the UD treebanks.
#[derive(Clone, Copy, Debug, Default, ValueEnum)]
pub enum TokenStyle {
    /// Amounts and percentages whole (`Rp15.000`, `0,5%`), `Dr.` whole (the default).
    #[default]
    News,
    /// As UD Indonesian-GSD: `Rp` `15.000`, `0,5` `%`, `Dr` `.`.
    UdGsd,
    /// As UD Indonesian-CSUI: `Rp` `15.000`, `0,5` `%`, `Dr.` whole.
    UdCsui,
}

impl From<TokenStyle> for Style {
    fn from(s: TokenStyle) -> Style {
        match s {
            TokenStyle::News => Style::News,
            TokenStyle::UdGsd => Style::UdGsd,
            TokenStyle::UdCsui => Style::UdCsui,
        }
    }
}
