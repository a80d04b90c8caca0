//! `nkru timeline`: the dated events oldest first; drawn on a year axis for people (in the
//! terminal or as SVG), one row per event elsewhere.

use super::{Run, Streams};
use super::input::with_dataset;
use crate::cli::Config;
use crate::cli::values;
use crate::cli::args::Years;
use crate::dataset::{Dataset, Group};
use crate::error::Result;
use crate::output::{self, Rule, View};
use crate::query;
use crate::rows::{self, tables};

/// The dated events, oldest first.
///
/// On a terminal: a year axis with each event under its year and each group's documented
/// periods beside it. In the machine formats (and when piped): one row per event.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  nkru timeline\n  nkru timeline --from 1990 --group refugees\n  nkru timeline --year 1996\n  nkru timeline --format csv"
)]
pub struct Arguments {
    /// Only events of these groups (repeatable, or comma-separated).
    #[arg(long = "group", value_name = "NAME", value_delimiter = ',', value_parser = values::name)]
    pub groups: Vec<String>,

    /// The years of the records shown.
    #[command(flatten)]
    pub years: Years,
}

impl Run for Arguments {
    const DRAWS_SVG: bool = true;

    fn fields() -> Option<Vec<&'static str>> {
        Some(rows::names(tables::events()))
    }

    fn check(&self, _config: &Config) -> Result<()> {
        self.years.check()
    }

    fn run(&self, config: &Config, streams: &mut Streams<'_>) -> Result<()> {
        run(config, streams, &self.groups, self.years.bounds())
    }
}

/// Shows the events of the groups named (all when none is) within `bounds`.
pub fn run(
    config: &Config,
    streams: &mut Streams<'_>,
    names: &[String],
    bounds: (Option<i32>, Option<i32>),
) -> Result<()> {
    with_dataset(config, streams, |dataset, streams| {
        show(config, streams, &dataset, names, bounds)
    })
}

/// Shows the events of `dataset` of the groups named within `bounds`.
fn show(
    config: &Config,
    streams: &mut Streams<'_>,
    dataset: &Dataset<'_>,
    names: &[String],
    bounds: (Option<i32>, Option<i32>),
) -> Result<()> {
    let groups = query::resolve_groups(dataset, names)?;
    let events = query::timeline(dataset, &groups, bounds.0, bounds.1);
    // The drawn timeline shows no chosen fields: `--fields` writes rows.
    let view = config.output.view(Rule::TableWithoutFields);
    if view == View::Rows {
        return output::list(
            streams.stdout,
            streams.stderr,
            &config.output,
            tables::events(),
            events,
            "no events match",
        );
    }
    let shown: Vec<(usize, &Group)> = dataset
        .groups
        .iter()
        .enumerate()
        .filter(|(_, group)| groups.is_empty() || groups.iter().any(|id| *id == group.id))
        .collect();
    let periods = shown.iter().any(|(_, group)| {
        group
            .periods
            .iter()
            .any(|period| period.overlaps(bounds.0, bounds.1))
    });
    let svg = view == View::Picture;
    if events.is_empty() && !periods {
        if svg {
            output::svg::nothing(streams.stdout, &dataset.title, "No events match.")?;
        }
        return output::note(streams.stderr, &config.output, "no events match");
    }
    if svg {
        return output::svg::timeline::document(streams.stdout, dataset, &events, &shown, bounds);
    }
    let settings = &config.output;
    output::timeline::timeline(streams.stdout, settings, dataset, &events, &shown, bounds)
}
