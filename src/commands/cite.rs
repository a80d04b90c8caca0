//! `nkru cite`: citations of sources and records in a reference manager's formats or as text.

use super::{Run, Streams};
use super::input::with_dataset;
use crate::cli::Config;
use crate::dataset::Dataset;
use crate::error::Result;
use crate::output::citation::{self, Style};
use crate::query::{self, Citable};

/// Cite a source, or a record (an estimate, an event or a fact) by its id.
///
/// A record's citation says what it states and, where the figure or claim is someone else's,
/// who made it, as reported by the source's publisher; then, on a line of its own, the
/// reference to its source, as citing the source gives it. In BibTeX, CSL-JSON and RIS the
/// statement is the entry's note. An id given twice is cited once. `--format` and `--fields`
/// do not apply: `--style` chooses what is written.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  nkru cite article\n  nkru cite refugees-1999 --style chicago\n  nkru cite --all --style bibtex > nkru.bib\n  nkru cite refugees-fact-3 --style ris"
)]
pub struct Arguments {
    /// Ids of sources, estimates, events or facts (see `nkru facts`).
    #[arg(
        value_name = "ID",
        required_unless_present = "all",
        conflicts_with = "all"
    )]
    pub ids: Vec<String>,

    /// Cite every source of the dataset.
    #[arg(long)]
    pub all: bool,

    /// How to write the citations.
    #[arg(long, value_enum, default_value_t = CiteStyle::Apa)]
    pub style: CiteStyle,
}

/// The forms `nkru cite` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
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


impl Run for Arguments {
    const WRITES_ROWS: bool = false;

    fn run(&self, config: &Config, streams: &mut Streams<'_>) -> Result<()> {
        run(config, streams, &self.ids, self.all, self.style)
    }
}

/// Writes the citations of the records or sources with these ids, or of every source.
pub fn run(
    config: &Config,
    streams: &mut Streams<'_>,
    ids: &[String],
    all: bool,
    style: CiteStyle,
) -> Result<()> {
    let style = match style {
        CiteStyle::Apa => Style::Apa,
        CiteStyle::Chicago => Style::Chicago,
        CiteStyle::Bibtex => Style::Bibtex,
        CiteStyle::CslJson => Style::CslJson,
        CiteStyle::Ris => Style::Ris,
    };
    with_dataset(config, streams, |dataset, streams| {
        cite(&dataset, streams, ids, all, style)
    })
}

/// Writes the citations of the records or sources with these ids, or of every source, of
/// `dataset`.
fn cite(
    dataset: &Dataset<'_>,
    streams: &mut Streams<'_>,
    ids: &[String],
    all: bool,
    style: Style,
) -> Result<()> {
    let citables: Vec<Citable<'_>> = if all {
        dataset
            .sources
            .iter()
            .map(|source| query::citable(dataset, &source.id))
            .collect::<Result<_>>()?
    } else {
        // An id asked for twice is cited once.
        let mut seen = std::collections::HashSet::new();
        ids.iter()
            .filter(|id| seen.insert(id.as_str()))
            .map(|id| query::citable(dataset, id))
            .collect::<Result<_>>()?
    };
    citation::write(streams.stdout, style, &citables)
}
