//! Definition of the command-line arguments and options: clap types only.

use clap::{Args, Parser, Subcommand, ValueEnum};

use super::filter::EstimateFilterArgs;
use super::values;
use crate::rows;

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
#[derive(Debug, Parser)]
#[command(name = "nkru", version = VERSION, about)]
pub struct Cli {
    /// What to show.
    #[command(subcommand)]
    pub command: Command,

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
    pub format: Option<Format>,

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

/// The output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// A table on a terminal, TSV when piped.
    Auto,
    /// A table for people to read.
    Table,
    /// Tab-separated values with a header line.
    Tsv,
    /// Comma-separated values (RFC 4180) with a header line.
    Csv,
    /// JSON: an array of objects for lists, one object for `group`.
    Json,
    /// One compact JSON object per line.
    Ndjson,
    /// A Markdown pipe table.
    Markdown,
    /// A standalone SVG picture (`chart` and `timeline` only).
    Svg,
}

/// The forms `nkru cite` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CiteStyle {
    /// Text in APA style (7th edition), a reference a line.
    Apa,
    /// Text in Chicago author-date style (18th edition), a reference a line.
    Chicago,
    /// BibTeX entries.
    Bibtex,
    /// CSL-JSON, which Zotero and other reference managers import.
    CslJson,
    /// RIS records.
    Ris,
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

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// The overall picture: all North Koreans now, and each group's headline figures.
    ///
    /// One line for each group and kind of count, its headline figures chosen by the rules in
    /// the README; every line, every field and the related populations with --long.
    #[command(
        after_help = "Examples:\n  nkru summary\n  nkru summary --group workers,refugees\n  nkru summary --group total --long\n  nkru summary --to 2018\n  nkru summary --group refugees --format json"
    )]
    Summary {
        /// Only these groups (repeatable, or comma-separated); `total` is all North Koreans.
        #[arg(long = "group", value_name = "NAME", value_delimiter = ',', value_parser = values::name)]
        groups: Vec<String>,

        /// The years of the records shown.
        #[command(flatten)]
        years: Years,
    },

    /// A kind of figure over time: one row per year or period, with its range and makers.
    ///
    /// One row per year (for people present, a census or casualties so far) or per period a
    /// figure gives, with how many figures, their range and who made them; all of Russia unless
    /// --region or --coverage asks for a part.
    #[command(
        after_help = "Examples:\n  nkru trend workers\n  nkru trend workers --from 2017 --to 2018\n  nkru trend students --from 2020\n  nkru trend refugees --counts granted\n  nkru trend workers --coverage region\n  nkru trend refugees --region eastern --year 1999\n  nkru trend total --counts entries --format csv"
    )]
    Trend {
        /// The group's id, name or alias, or `total` for all North Koreans in Russia.
        name: String,

        /// Which figures to set over time (--counts defaults to present).
        #[command(flatten)]
        filter: EstimateFilterArgs,
    },

    /// List the groups of North Koreans in Russia.
    #[command(
        after_help = "Examples:\n  nkru groups\n  nkru groups --format json\n  nkru groups --fields id,name,aliases"
    )]
    Groups,

    /// One group: its headline figures, its count over time and its latest events.
    ///
    /// For people, a digest; every figure, event and source with --all. In JSON, the whole
    /// record with its figures, events and sources.
    #[command(
        after_help = "Examples:\n  nkru group workers\n  nkru group workers --all\n  nkru group workers --from 2017\n  nkru group defectors --format json"
    )]
    Group {
        /// The group's id, name or alias; singular or plural; a unique prefix is enough.
        name: String,

        /// The years of the records shown.
        #[command(flatten)]
        years: Years,

        /// Every figure, event and source of the group, as --long does.
        #[arg(long)]
        all: bool,
    },

    /// List the population estimates, with filters.
    #[command(
        after_help = "Examples:\n  nkru estimates --group workers\n  nkru estimates --year 1999 --format json\n  nkru estimates --min 1000 --sort high --reverse"
    )]
    Estimates {
        /// Which estimates to list.
        #[command(flatten)]
        filter: EstimateFilterArgs,

        /// Sort by this field (default: the dataset's order).
        #[arg(long, value_name = "FIELD", value_parser = clap::builder::PossibleValuesParser::new(rows::names(rows::tables::estimates())))]
        sort: Option<String>,

        /// Reverse the order.
        #[arg(long)]
        reverse: bool,
    },

    /// Draw the population estimates as bars on a logarithmic scale.
    ///
    /// Figures over time: years across, the figure up, one panel per kind of figure (people
    /// present unless `--counts` picks others), one series per group, for all of Russia unless
    /// `--region` or `--coverage` asks for a part. A range is a bar from its low to its high figure, a single figure a
    /// point; each mark is labelled and listed under the chart with who made it and its source.
    /// It takes the same filters as `estimates`; in the machine formats (and when piped) it
    /// writes the same rows as `estimates`.
    #[command(
        after_help = "Examples:\n  nkru chart\n  nkru chart --group workers --width 100\n  nkru chart --group workers,refugees --log\n  nkru chart --counts present,recruited --format svg > chart.svg"
    )]
    Chart {
        /// Which estimates to draw.
        #[command(flatten)]
        filter: EstimateFilterArgs,

        /// Draw the figures on a logarithmic scale rather than a linear one.
        #[arg(long)]
        log: bool,
    },

    /// The dated events, oldest first.
    ///
    /// On a terminal: a year axis with each event under its year and each group's documented
    /// periods beside it. In the machine formats (and when piped): one row per event.
    #[command(
        after_help = "Examples:\n  nkru timeline\n  nkru timeline --from 1990 --group refugees\n  nkru timeline --year 1996\n  nkru timeline --format csv"
    )]
    Timeline {
        /// Only events of these groups (repeatable, or comma-separated).
        #[arg(long = "group", value_name = "NAME", value_delimiter = ',', value_parser = values::name)]
        groups: Vec<String>,

        /// The years of the records shown.
        #[command(flatten)]
        years: Years,
    },

    /// Search every text in the dataset, ignoring case.
    #[command(
        after_help = "Examples:\n  nkru search sakhalin\n  nkru search 'logging camps' --format json"
    )]
    Search {
        /// The text to look for.
        text: String,
    },

    /// List every fact of the groups, one row each, with its id and its source.
    ///
    /// A fact's id is its group's id, `-fact-` and its place among the group's facts, such as
    /// `refugees-fact-3`; `nkru cite` takes it.
    #[command(
        after_help = "Examples:\n  nkru facts --group refugees\n  nkru facts --group refugees --format csv\n  nkru facts --source kommersant --fields id,text,url"
    )]
    Facts {
        /// Only facts of these groups (repeatable, or comma-separated).
        #[arg(long = "group", value_name = "NAME", value_delimiter = ',', value_parser = values::name)]
        groups: Vec<String>,

        /// Only facts whose source id, publisher or title contains this text.
        #[arg(long, value_name = "TEXT")]
        source: Option<String>,
    },

    /// Cite a source, or a record (an estimate, an event or a fact) by its id.
    ///
    /// A record's citation says what it states and, where the figure or claim is someone else's,
    /// who made it, as reported by the source's publisher; then, on a line of its own, the
    /// reference to its source, as citing the source gives it. In BibTeX, CSL-JSON and RIS the
    /// statement is the entry's note. An id given twice is cited once. `--format` and `--fields`
    /// do not apply: `--style` chooses what is written.
    #[command(
        after_help = "Examples:\n  nkru cite article\n  nkru cite refugees-1999 --style chicago\n  nkru cite --all --style bibtex > nkru.bib\n  nkru cite refugees-fact-3 --style ris"
    )]
    Cite {
        /// Ids of sources, estimates, events or facts (see `nkru facts`).
        #[arg(
            value_name = "ID",
            required_unless_present = "all",
            conflicts_with = "all"
        )]
        ids: Vec<String>,

        /// Cite every source of the dataset.
        #[arg(long)]
        all: bool,

        /// How to write the citations.
        #[arg(long, value_enum, default_value_t = CiteStyle::Apa)]
        style: CiteStyle,
    },

    /// List the sources and the records that cite each, or show some in full.
    ///
    /// With ids, each source with every field and, for people, each record that cites it.
    #[command(
        after_help = "Examples:\n  nkru sources\n  nkru sources article\n  nkru sources article --format json"
    )]
    Sources {
        /// Ids of the sources to show in full; none lists every source.
        ids: Vec<String>,
    },

    /// The dataset itself as one record: title, version, the day it was checked, how far its
    /// figures run, its overview, categories, groups and related populations.
    #[command(
        after_help = "Examples:\n  nkru about\n  nkru about --format json\n  nkru about --fields version,as_of,figures_to --format csv"
    )]
    About,

    /// List the populations related to the subject but apart from it, such as the Koryo-saram.
    #[command(
        after_help = "Examples:\n  nkru related\n  nkru related --format json\n  nkru related --fields id,name,origin,destination"
    )]
    Related,

    /// What was added, removed and changed from the dataset OLD to NEW, by list, record and field.
    ///
    /// Records are matched by id and compared field by field as JSON, so datasets of any format
    /// compare (format 1's renamed fields show as removed and added). A record added or removed
    /// whole is one row with no field.
    #[command(
        after_help = "Examples:\n  nkru diff old.json new.json\n  nkru diff --embedded old.json --format csv\n  nkru diff --embedded old.json --exit-code > /dev/null || echo changed"
    )]
    Diff {
        /// The older dataset file (`-` for stdin).
        old: String,

        /// The newer dataset file; with --embedded, leave it out.
        #[arg(required_unless_present = "embedded", conflicts_with = "embedded")]
        new: Option<String>,

        /// Compare OLD with the embedded dataset.
        #[arg(long)]
        embedded: bool,

        /// Exit with 1 when the datasets differ, as `git diff --exit-code` does.
        #[arg(long)]
        exit_code: bool,
    },

    /// Write one self-contained HTML page: the chart, the timeline and every table.
    ///
    /// The page needs no script and loads nothing from the network. It takes the filters of
    /// `estimates`: they choose the figures, and `--group`, `--year`, `--from` and `--to` also
    /// the groups and events shown.
    #[command(
        after_help = "Examples:\n  nkru report > nkru.html\n  nkru report --group workers > workers.html\n  nkru report --counts present --from 2010 > present.html"
    )]
    Report {
        /// Which estimates, groups and events to show.
        #[command(flatten)]
        filter: EstimateFilterArgs,
    },

    /// Write the dataset to a file another tool reads: a SQLite database.
    #[command(
        after_help = "Examples:\n  nkru export sqlite nkru.db\n  nkru export sqlite nkru.db --force\n  sqlite3 nkru.db 'select counts, count(*) from estimates group by counts'"
    )]
    Export {
        /// What to write.
        #[command(subcommand)]
        target: ExportTarget,
    },

    /// Print the JSON Schema of the dataset format, for editors to check a file as it is written.
    #[command(after_help = "Examples:\n  nkru schema > nkru.schema.json")]
    Schema,

    /// Check a dataset file (the embedded dataset without FILE) and report every problem.
    #[command(after_help = "Examples:\n  nkru validate\n  nkru validate my-data.json")]
    Validate {
        /// The dataset file to check; `-` reads stdin.
        file: Option<String>,
    },

    /// Print a script that completes nkru's commands, flags and group names in a shell.
    #[command(
        after_help = "Examples:\n  nkru completions bash > ~/.local/share/bash-completion/completions/nkru\n  nkru completions zsh > ~/.zfunc/_nkru\n  nkru completions fish > ~/.config/fish/completions/nkru.fish"
    )]
    Completions {
        /// The shell to complete in.
        shell: clap_complete::Shell,
    },

    /// Print the manual page in roff, for `man`.
    #[command(
        after_help = "Examples:\n  nkru man | man -l -\n  nkru man > ~/.local/share/man/man1/nkru.1"
    )]
    Man,
}

/// The files `nkru export` writes.
#[derive(Debug, Subcommand)]
pub enum ExportTarget {
    /// A SQLite database: one table per list, with keys, indexes and a `meta` table.
    ///
    /// It is written to a temporary file beside FILE and renamed, so a failure leaves nothing
    /// half written.
    Sqlite {
        /// The database file to write.
        file: std::path::PathBuf,

        /// Replace FILE if it exists.
        #[arg(long)]
        force: bool,
    },
}
