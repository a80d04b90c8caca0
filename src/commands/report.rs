//! `nkru report`: one self-contained HTML page of the records that pass the filters of
//! `estimates`.

use super::{Run, Streams};
use super::input::with_dataset;
use crate::cli::{Config, EstimateFilterArgs};
use crate::dataset::{Dataset, Group};
use crate::error::Result;
use crate::output::report::{self, Contents};
use crate::query;

/// Write one self-contained HTML page: the chart, the timeline and every table.
///
/// The page needs no script and loads nothing from the network. It takes the filters of
/// `estimates`: they choose the figures, and `--group`, `--year`, `--from` and `--to` also
/// the groups and events shown.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  nkru report > nkru.html\n  nkru report --group workers > workers.html\n  nkru report --counts present --from 2010 > present.html"
)]
pub struct Arguments {
    /// Which estimates, groups and events to show.
    #[command(flatten)]
    pub filter: EstimateFilterArgs,
}

impl Run for Arguments {
    const WRITES_ROWS: bool = false;

    fn check(&self, _config: &Config) -> Result<()> {
        self.filter.check()
    }

    fn run(&self, config: &Config, streams: &mut Streams<'_>) -> Result<()> {
        run(config, streams, &self.filter)
    }
}

/// Writes the page.
pub fn run(config: &Config, streams: &mut Streams<'_>, filter: &EstimateFilterArgs) -> Result<()> {
    with_dataset(config, streams, |dataset, streams| {
        write(&dataset, streams, filter)
    })
}

/// Writes the page of the records of `dataset` that pass `filter`.
fn write(
    dataset: &Dataset<'_>,
    streams: &mut Streams<'_>,
    filter: &EstimateFilterArgs,
) -> Result<()> {
    let estimates_filter = filter.filter(dataset)?;
    let estimates = estimates_filter.apply(dataset);
    // `--group` names groups or related populations; the groups among them choose the groups
    // and events shown, and a related population alone shows none.
    let named: &[String] = &estimates_filter.groups;
    let groups: Vec<(usize, &Group)> = dataset
        .groups
        .iter()
        .enumerate()
        .filter(|(_, group)| named.is_empty() || named.iter().any(|id| *id == group.id))
        .collect();
    let bounds = (filter.year.or(filter.from), filter.year.or(filter.to));
    let events = if groups.is_empty() {
        Vec::new()
    } else {
        let ids: Vec<String> = if named.is_empty() {
            Vec::new()
        } else {
            groups
                .iter()
                .map(|(_, group)| group.id.to_string())
                .collect()
        };
        query::timeline(dataset, &ids, bounds.0, bounds.1)
    };
    let contents = Contents {
        dataset,
        groups,
        estimates,
        events,
        bounds,
        filters: words(filter),
        every_coverage: filter.region.is_some() || !filter.coverage.is_empty(),
    };
    report::write(streams.stdout, &contents)
}

/// The filters as they were given, for the page to say what it shows.
fn words(filter: &EstimateFilterArgs) -> String {
    let mut words: Vec<String> = Vec::new();
    for group in &filter.groups {
        words.push(format!("--group {group}"));
    }
    let numbers = [
        ("--year", filter.year.map(i64::from)),
        ("--from", filter.from.map(i64::from)),
        ("--to", filter.to.map(i64::from)),
    ];
    for (flag, value) in numbers {
        if let Some(value) = value {
            words.push(format!("{flag} {value}"));
        }
    }
    let texts = [
        ("--region", &filter.region),
        ("--source", &filter.source),
        ("--attributed-to", &filter.attributed_to),
    ];
    for (flag, value) in texts {
        if let Some(value) = value {
            words.push(format!("{flag} {value:?}"));
        }
    }
    if !filter.counts.is_empty() {
        let kinds: Vec<&str> = filter.counts.iter().map(|kind| kind.name()).collect();
        words.push(format!("--counts {}", kinds.join(",")));
    }
    for (flag, value) in [("--min", filter.min), ("--max", filter.max)] {
        if let Some(value) = value {
            words.push(format!("{flag} {value}"));
        }
    }
    words.join(" ")
}
