//! `nkru trend`: a kind of figure of one group over time, one row per period; for people, a
//! table per kind under a line that says what is counted and where.

use super::{Run, Streams};
use super::input::{note_missing, with_dataset};
use crate::cli::{Config, EstimateFilterArgs};
use crate::dataset::{Counts, Dataset};
use crate::error::{Error, Result};
use crate::output::{self, Rule, View};
use crate::query::{self, Localize, Names, TOTAL_ID, Trend};
use crate::rows::{self, Row};

/// A kind of figure over time: one row per year or period, with its range and makers.
///
/// One row per year (for people present, a census or casualties so far) or per period a
/// figure gives, with how many figures, their range and who made them; all of Russia unless
/// --region or --coverage asks for a part.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  nkru trend workers\n  nkru trend workers --from 2017 --to 2018\n  nkru trend students --from 2020\n  nkru trend refugees --counts granted\n  nkru trend workers --coverage region\n  nkru trend refugees --region eastern --year 1999\n  nkru trend total --counts entries --format csv"
)]
pub struct Arguments {
    /// The group's id, name or alias, or `total` for all North Koreans in Russia.
    pub name: String,

    /// Which figures to set over time (--counts defaults to present).
    #[command(flatten)]
    pub filter: EstimateFilterArgs,
}

impl Run for Arguments {
    fn fields() -> Option<Vec<&'static str>> {
        Some(rows::names(Trend::FIELDS))
    }

    fn check(&self, _config: &Config) -> Result<()> {
        if !self.filter.groups.is_empty() {
            return Err(Error::Usage(String::from(
                "`trend` takes its group as its argument, as in `nkru trend workers`; --group does not apply",
            )));
        }
        self.filter.check()
    }

    fn run(&self, config: &Config, streams: &mut Streams<'_>) -> Result<()> {
        run(config, streams, &self.name, &self.filter)
    }
}

/// Sets the figures of the group called `name` (or of all North Koreans, `total`) over time.
pub fn run(
    config: &Config,
    streams: &mut Streams<'_>,
    name: &str,
    arguments: &EstimateFilterArgs,
) -> Result<()> {
    with_dataset(config, streams, |dataset, streams| {
        let what = Localize {
            groups: true,
            regions: true,
        };
        // The note of names left in English waits for the figures shown, whose regions it names.
        let shown = Names::new(&dataset, config.language, what);
        over_time(config, streams, &dataset, name, arguments, &shown)
    })
}

/// Sets the figures of the group called `name` in `dataset` over time, with the names `shown`.
fn over_time(
    config: &Config,
    streams: &mut Streams<'_>,
    dataset: &Dataset<'_>,
    name: &str,
    arguments: &EstimateFilterArgs,
    shown: &Names<'_>,
) -> Result<()> {
    let lines = query::resolve_summary_groups(dataset, &[name.to_owned()], shown)?;
    let (id, title): (&str, &str) = match lines.first().map(AsRef::as_ref) {
        Some(TOTAL_ID) | None => (TOTAL_ID, &dataset.title),
        Some(id) => match dataset.group(id) {
            Some(group) => (&group.id, shown.group(group)),
            None => (id, id),
        },
    };
    let filter = arguments.filter(dataset)?;
    let kinds = if filter.counts.is_empty() {
        vec![Counts::Present]
    } else {
        filter.counts.clone()
    };
    let settings = &config.output;
    let people = settings.view(Rule::Table) == View::People;
    let selection = output::choose(Trend::FIELDS, settings)?.showing(shown);
    let columns = selection.columns();
    let trends: Vec<(Counts, Vec<Trend<'_>>)> = kinds
        .iter()
        .map(|kind| (*kind, query::trend(dataset, id, *kind, &filter)))
        .collect();
    let figures = trends
        .iter()
        .flat_map(|(_, trend)| trend)
        .flat_map(|line| line.figures.estimates.iter().copied());
    note_missing(config, streams, dataset, shown, figures)?;
    let mut all: Vec<Trend<'_>> = Vec::new();
    for (kind, trend) in trends {
        if people {
            let place = if filter.region.is_some() || !filter.coverage.is_empty() {
                "the places asked for"
            } else {
                "all of Russia"
            };
            let heading = format!("{title} ({id}): {}, {place}", kind.meaning());
            let heading = output::human::wrap(&heading, settings.width.map(usize::from), "");
            writeln!(streams.stdout, "{heading}")?;
            if trend.is_empty() {
                writeln!(streams.stdout, "no dated figure of this kind")?;
            } else {
                let rows: Vec<Row<'_>> = trend.iter().map(|line| selection.row(line)).collect();
                output::rows(streams.stdout, settings, &columns, rows)?;
            }
            writeln!(streams.stdout)?;
        }
        all.extend(trend);
    }
    if people {
        let marked = all.iter().any(|trend| trend.figures.by_a_party());
        let mut note = String::new();
        if marked {
            note.push_str("* by a party to the conflict. ");
        }
        note.push_str(&format!(
            "Each figure: nkru estimates --group {id} --year YEAR."
        ));
        let note = output::human::wrap(&note, settings.width.map(usize::from), "");
        writeln!(streams.stdout, "{note}")?;
        return Ok(());
    }
    let rows: Vec<Row<'_>> = all.iter().map(|line| selection.row(line)).collect();
    output::rows(streams.stdout, settings, &columns, rows)
}
