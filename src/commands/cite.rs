//! `nkru cite`: citations of sources and records in a reference manager's formats or as text.

use super::Streams;
use super::input::with_dataset;
use crate::cli::{CiteStyle, Config};
use crate::dataset::Dataset;
use crate::error::Result;
use crate::output::citation::{self, Style};
use crate::query::{self, Citable};

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
