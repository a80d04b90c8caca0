//! `nkru sources`: the sources and the records that cite each; some sources in full by id.

use std::collections::{HashMap, HashSet};

use super::{Run, Streams};
use super::input::with_dataset;
use crate::cli::Config;
use crate::dataset::{Dataset, Estimate, Event};
use crate::error::{Error, Result};
use crate::output::{self, Rule, View, human};
use crate::query::{self, Citations};
use crate::rows::{self, Row, Selection};
use crate::text::{escape_control, quote};

/// List the sources and the records that cite each, or show some in full.
///
/// With ids, each source with every field and, for people, each record that cites it.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  nkru sources\n  nkru sources article\n  nkru sources article --format json"
)]
pub struct Arguments {
    /// Ids of the sources to show in full; none lists every source.
    pub ids: Vec<String>,
}

impl Run for Arguments {
    fn fields() -> Option<Vec<&'static str>> {
        Some(rows::names(Citations::FIELDS))
    }

    fn run(&self, config: &Config, streams: &mut Streams<'_>) -> Result<()> {
        run(config, streams, &self.ids)
    }
}

/// Lists the sources, or, with `ids`, shows those sources in full.
pub fn run(config: &Config, streams: &mut Streams<'_>, ids: &[String]) -> Result<()> {
    with_dataset(config, streams, |dataset, streams| {
        show(config, streams, &dataset, ids)
    })
}

/// Lists the sources of `dataset`, or shows those with these ids in full.
fn show(
    config: &Config,
    streams: &mut Streams<'_>,
    dataset: &Dataset<'_>,
    ids: &[String],
) -> Result<()> {
    let citations = query::citations(dataset);
    if ids.is_empty() {
        return output::list(
            streams.stdout,
            streams.stderr,
            &config.output,
            Citations::FIELDS,
            &citations,
            "no sources match",
        );
    }
    let by_id: HashMap<&str, &Citations<'_>> = citations
        .iter()
        .map(|cited| (cited.source.id.as_ref(), cited))
        .collect();
    let mut wanted: Vec<&Citations<'_>> = Vec::new();
    let mut seen: HashSet<&str> = HashSet::with_capacity(ids.len());
    for id in ids {
        let Some(cited) = by_id.get(id.as_str()) else {
            return Err(Error::NotFound(format!(
                "no source has the id `{}` (nkru sources lists them)",
                quote(id)
            )));
        };
        if seen.insert(id.as_str()) {
            wanted.push(cited);
        }
    }
    let settings = &config.output;
    // A source in full with what cites it shows no chosen fields: `--fields` writes rows.
    if settings.view(Rule::TableWithoutFields) != View::People {
        return output::list(
            streams.stdout,
            streams.stderr,
            &config.output,
            Citations::FIELDS,
            wanted,
            "no sources match",
        );
    }
    let selection = Selection::all(Citations::FIELDS);
    let columns = selection.columns();
    let width = settings.drawing_width();
    for (index, cited) in wanted.iter().enumerate() {
        if index > 0 {
            writeln!(streams.stdout)?;
        }
        let row: Row<'_> = selection.row(cited);
        output::records::records(streams.stdout, settings, &columns, [row], width)?;
        citing(streams.stdout, settings, dataset, cited)?;
    }
    Ok(())
}

/// The records that cite a source, each in a line: a figure with when, where and who made it,
/// an event with its date.
fn citing(
    writer: &mut dyn std::io::Write,
    settings: &output::Settings,
    dataset: &Dataset<'_>,
    cited: &Citations<'_>,
) -> Result<()> {
    let estimates: HashMap<&str, &Estimate<'_>> = dataset
        .estimates
        .iter()
        .map(|estimate| (estimate.id.as_ref(), estimate))
        .collect();
    let events: HashMap<&str, &Event> = dataset
        .events
        .iter()
        .map(|event| (event.id.as_ref(), event))
        .collect();
    let groups: std::collections::HashSet<&str> = dataset
        .groups
        .iter()
        .map(|group| group.id.as_ref())
        .collect();
    let related: std::collections::HashSet<&str> = dataset
        .related
        .iter()
        .map(|related| related.id.as_ref())
        .collect();
    let width = settings.width.map(usize::from);
    writeln!(writer, "Cited by:")?;
    for id in &cited.cited_by {
        let line = if let Some(estimate) = estimates.get(id) {
            let mut line = format!(
                "{} ({}), {}",
                estimate.figures(),
                estimate.counts.name(),
                estimate.period.text
            );
            if let Some(region) = &estimate.region {
                line.push_str(&format!(", {region}"));
            }
            line.push_str(&format!(": by {} [{id}]", estimate.attributed_to));
            line
        } else if let Some(event) = events.get(id) {
            format!("{}: {} [{id}]", event.period.text, event.description)
        } else if groups.contains(id) {
            format!("facts of the group {id} [{id}]")
        } else if related.contains(id) {
            format!("the related population {id} [{id}]")
        } else {
            format!("the names of {id} [{id}]")
        };
        writeln!(writer, "{}", human::bullet(&escape_control(&line), width))?;
    }
    Ok(())
}
