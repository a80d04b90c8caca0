//! `nkru chart`: the figures over time drawn for people, in the terminal or as SVG; in the
//! machine formats, the rows of `estimates`.

use super::{Run, Streams};
use super::input::{shown_estimates, with_dataset};
use crate::cli::{Config, EstimateFilterArgs};
use crate::dataset::{Counts, Dataset, Date, Estimate};
use crate::error::{Error, Result};
use crate::output::{self, Rule, View};
use crate::rows::{self, Selection};
use crate::query::{self, Names};
use crate::rows::tables;

/// Draw the population estimates as bars on a logarithmic scale.
///
/// Figures over time: years across, the figure up, one panel per kind of figure (people
/// present unless `--counts` picks others), one series per group, for all of Russia unless
/// `--region` or `--coverage` asks for a part. A range is a bar from its low to its high figure, a single figure a
/// point; each mark is labelled and listed under the chart with who made it and its source.
/// It takes the same filters as `estimates`; in the machine formats (and when piped) it
/// writes the same rows as `estimates`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  nkru chart\n  nkru chart --group workers --width 100\n  nkru chart --group workers,refugees --log\n  nkru chart --counts present,recruited --format svg > chart.svg"
)]
pub struct Arguments {
    /// Which estimates to draw.
    #[command(flatten)]
    pub filter: EstimateFilterArgs,

    /// Draw the figures on a logarithmic scale rather than a linear one.
    #[arg(long)]
    pub log: bool,
}

impl Run for Arguments {
    const DRAWS_SVG: bool = true;

    fn fields() -> Option<Vec<&'static str>> {
        Some(rows::names(tables::estimates()))
    }

    fn check(&self, _config: &Config) -> Result<()> {
        self.filter.check()
    }

    fn run(&self, config: &Config, streams: &mut Streams<'_>) -> Result<()> {
        run(config, streams, &self.filter, self.log)
    }
}

/// Draws the estimates that pass `filter` over time, on a logarithmic scale with `log`.
pub fn run(
    config: &Config,
    streams: &mut Streams<'_>,
    filter: &EstimateFilterArgs,
    log: bool,
) -> Result<()> {
    with_dataset(config, streams, |dataset, streams| {
        let (estimates, names) = shown_estimates(config, streams, &dataset, filter)?;
        draw(config, streams, &dataset, &estimates, (filter, log), &names)
    })
}

/// Draws the estimates that passed `filter`, with the names of their regions `shown`.
fn draw(
    config: &Config,
    streams: &mut Streams<'_>,
    dataset: &Dataset<'_>,
    estimates: &[&Estimate<'_>],
    (filter, log): (&EstimateFilterArgs, bool),
    shown: &Names<'_>,
) -> Result<()> {
    let options = options(filter, log, shown, query::reach(estimates.iter().copied()));
    // A related population is drawn only when `--group` names it: the chart is of North
    // Koreans in Russia.
    let drawn: Vec<&Estimate> = estimates
        .iter()
        .copied()
        .filter(|estimate| {
            !filter.groups.is_empty()
                || estimate
                    .group
                    .as_deref()
                    .is_none_or(|id| dataset.group(id).is_some())
        })
        .collect();
    // The drawn chart shows no chosen fields: `--fields` writes rows.
    let view = config.output.view(Rule::TableWithoutFields);
    if view == View::Picture {
        output::svg::chart::document(streams.stdout, dataset, &drawn, &options)?;
        if estimates.is_empty() {
            output::note(streams.stderr, &config.output, "no estimates match")?;
        }
        return Ok(());
    }
    if view == View::Rows {
        return output::list_showing(
            streams.stdout,
            streams.stderr,
            &config.output,
            tables::estimates(),
            shown,
            estimates.iter().copied(),
            "no estimates match",
        );
    }
    if let Some(needed) = output::chart::needed_width(&config.output, dataset, &drawn, &options) {
        // Too narrow to draw: say so once, and give the figures the chart would show as records.
        writeln!(
            streams.stdout,
            "{}",
            output::human::wrap(
                &format!("The chart needs {needed} columns; its figures follow as records."),
                Some(config.output.drawing_width()),
                ""
            )
        )?;
        writeln!(streams.stdout)?;
        let wanted = ["group", "counts", "period", "figures"]
            .map(String::from)
            .to_vec();
        let selection = Selection::choose(tables::estimates(), Some(&wanted), true)
            .map_err(|_| Error::Usage(String::from("the chart's fields are the estimates'")))?
            .showing(shown);
        let rows: Vec<_> = estimates
            .iter()
            .map(|estimate| selection.row(estimate))
            .collect();
        return output::records::records(
            streams.stdout,
            &config.output,
            &selection.columns(),
            &rows,
            config.output.drawing_width(),
        );
    }
    output::chart::chart(streams.stdout, &config.output, dataset, &drawn, &options)?;
    if estimates.is_empty() {
        output::note(streams.stderr, &config.output, "no estimates match")?;
    }
    Ok(())
}

/// What the chart draws: the kinds `--counts` asks for (people present when it asks for none),
/// each group's widest coverage unless `--region` or `--coverage` asks for a part of Russia, as
/// `trend` does; regions as `names` shows them, and a picture's footnote saying the figures run
/// to `figures_to`.
fn options<'n>(
    filter: &EstimateFilterArgs,
    log: bool,
    names: &'n Names<'n>,
    figures_to: Option<Date>,
) -> output::chart::Options<'n> {
    let kinds = if filter.counts.is_empty() {
        vec![Counts::Present]
    } else {
        Counts::ALL
            .into_iter()
            .filter(|kind| filter.counts.contains(kind))
            .collect()
    };
    output::chart::Options {
        kinds,
        log,
        every_coverage: filter.region.is_some() || !filter.coverage.is_empty(),
        names,
        figures_to,
    }
}
