//! Definition of the command-line arguments and options: clap types only.

use clap::builder::PossibleValue;
use clap::{Args, Parser, ValueEnum};

use super::values::{self, check_bounds, check_year_in_span};
use crate::error::Error;
use crate::output::Format;

/// nkru's version with the embedded dataset's version, the latest date its figures reach and
/// the day it was checked against its sources.
pub const VERSION: &str = concat!(
    env!("CARGO_PKG_VERSION"),
    " (dataset ",
    env!("NKRU_DATASET_VERSION"),
    ", figures to ",
    env!("NKRU_FIGURES_TO"),
    ", as of ",
    env!("NKRU_DATASET_AS_OF"),
    ")"
);

/// A reference on North Koreans in Russia: groups, population figures, events and sources, each
/// figure with what it counts, who made it and where it was published.
// The flags every command takes: each command's own arguments are declared in its file.
#[derive(Debug, Parser)]
#[command(name = "nkru", version = VERSION, about)]
pub struct Cli {
    /// Output options shared by every command.
    #[command(flatten)]
    pub output: OutputArgs,

    /// Where the dataset comes from.
    #[command(flatten)]
    pub data: DataArgs,
}

/// Options that shape the output of every command.
#[derive(Debug, Args)]
pub struct OutputArgs {
    /// Output format (default: NKRU_FORMAT, or `auto`: a table on a terminal and TSV elsewhere).
    #[arg(long, global = true, value_enum)]
    pub format: Option<FormatChoice>,

    /// Columns to show, in order, separated by commas (see the README for each command's fields).
    #[arg(long, global = true, value_delimiter = ',', value_name = "FIELD,...")]
    pub fields: Option<Vec<String>>,

    /// The full view: every field of a list (one field a line where a table is too wide), every
    /// line of the summary, every figure, event and source of a group.
    #[arg(long, global = true)]
    pub long: bool,

    /// Leave out the header line of table, TSV and CSV output.
    #[arg(long, global = true)]
    pub no_header: bool,

    /// When to colour the human views; NO_COLOR turns `auto` off.
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,

    /// Width to fit tables to, in columns (default: the terminal's width, or COLUMNS).
    #[arg(long, global = true, value_parser = values::width, allow_negative_numbers = true)]
    pub width: Option<u16>,

    /// Draw tables, the chart and the timeline with plain ASCII (the default where the locale is not UTF-8).
    #[arg(long, global = true)]
    pub ascii: bool,

    /// Show the names of groups, related populations and regions in this language where the
    /// dataset gives them; the rest stays in English, and a note on stderr says which.
    #[arg(long, global = true, value_enum, default_value_t = Lang::En, value_name = "LANG")]
    pub lang: Lang,
}

/// The languages names can be shown in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Lang {
    /// English, the language of every text.
    En,
    /// Korean (Hangul).
    Ko,
    /// Russian (Cyrillic).
    Ru,
}

/// Options that choose the dataset.
#[derive(Debug, Args)]
pub struct DataArgs {
    /// Read the dataset from FILE (`-` for stdin) instead of the embedded one (default: NKRU_DATA).
    #[arg(long, global = true, value_name = "FILE")]
    pub data: Option<String>,

    /// Largest dataset file to read, in bytes (default: NKRU_MAX_SIZE, or 268435456).
    #[arg(long, global = true, value_name = "BYTES",
          value_parser = values::byte_count, allow_negative_numbers = true)]
    pub max_size: Option<u64>,
}

/// The choices of `--format` and `NKRU_FORMAT`: `auto`, or one of the output formats, whose
/// names and meanings are the formats' own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormatChoice {
    /// A table on a terminal, TSV when piped.
    Auto,
    /// The format chosen.
    Chosen(Format),
}

impl FormatChoice {
    /// `auto`, then every format in its order.
    const ALL: [FormatChoice; 1 + Format::ALL.len()] = {
        let mut all = [FormatChoice::Auto; 1 + Format::ALL.len()];
        let mut index = 0;
        while index < Format::ALL.len() {
            all[index + 1] = FormatChoice::Chosen(Format::ALL[index]);
            index += 1;
        }
        all
    };
}

impl ValueEnum for FormatChoice {
    fn value_variants<'a>() -> &'a [Self] {
        &FormatChoice::ALL
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(match self {
            FormatChoice::Auto => {
                PossibleValue::new("auto").help("A table on a terminal, TSV when piped")
            }
            FormatChoice::Chosen(format) => {
                PossibleValue::new(format.name()).help(format.meaning())
            }
        })
    }
}

/// When to use colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Colour on a terminal, unless NO_COLOR is set.
    Auto,
    /// Always colour the human views.
    Always,
    /// Never colour.
    Never,
}

/// The years of the dated records a command shows, with the same meaning everywhere: a record
/// is kept when its period is known to overlap the span, an open end overlapping what it may.
#[derive(Debug, Args)]
pub struct Years {
    /// Only records whose period covers this year.
    #[arg(long, value_name = "YEAR", value_parser = values::year, allow_negative_numbers = true)]
    pub year: Option<i32>,

    /// Only records that reach this year or later.
    #[arg(long, value_name = "YEAR", value_parser = values::year, allow_negative_numbers = true)]
    pub from: Option<i32>,

    /// Only records that start this year or earlier.
    #[arg(long, value_name = "YEAR", value_parser = values::year, allow_negative_numbers = true)]
    pub to: Option<i32>,
}

impl Years {
    /// Refuses years that no period could meet.
    pub fn check(&self) -> Result<(), Error> {
        if self.year.is_none() && self.from.is_none() && self.to.is_none() {
            return Ok(());
        }
        check_bounds(self.from, self.to, "--from", "--to")?;
        check_year_in_span(self.year, self.from, self.to)
    }

    /// Whether any of the years was given.
    pub fn given(&self) -> bool {
        self.year.is_some() || self.from.is_some() || self.to.is_some()
    }

    /// The span the records must overlap: `--from` and `--to`, narrowed to `--year`.
    pub fn bounds(&self) -> (Option<i32>, Option<i32>) {
        match self.year {
            Some(year) => (
                Some(self.from.map_or(year, |from| from.max(year))),
                Some(self.to.map_or(year, |to| to.min(year))),
            ),
            None => (self.from, self.to),
        }
    }
}
