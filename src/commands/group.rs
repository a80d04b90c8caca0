//! `nkru group`: one group in full; the detail view for people, a nested object in JSON, one
//! row elsewhere.

use super::{Run, Streams};
use super::input::{names, with_dataset};
use crate::cli::Config;
use crate::cli::args::Years;
use crate::dataset::{Dataset, Group};
use crate::error::{Error, Result};
use crate::output::{self, Format, Rule, View};
use crate::query::{self, GroupDetail, Localize, Names};
use crate::rows;

/// One group: its headline figures, its count over time and its latest events.
///
/// For people, a digest; every figure, event and source with --all. In JSON, the whole
/// record with its figures, events and sources.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  nkru group workers\n  nkru group workers --all\n  nkru group workers --from 2017\n  nkru group defectors --format json"
)]
pub struct Arguments {
    /// The group's id, name or alias; singular or plural; a unique prefix is enough.
    pub name: String,

    /// The years of the records shown.
    #[command(flatten)]
    pub years: Years,

    /// Every figure, event and source of the group, as --long does.
    #[arg(long)]
    pub all: bool,
}

impl Run for Arguments {
    fn fields() -> Option<Vec<&'static str>> {
        Some(rows::names(GroupDetail::FIELDS))
    }

    fn check(&self, config: &Config) -> Result<()> {
        // Years given are checked alone, as they always were: `--fields` with JSON is then not
        // refused.
        if self.years.given() {
            return self.years.check();
        }
        if config.output.fields.is_some()
            && matches!(config.output.format, Format::Json | Format::Ndjson)
        {
            return Err(Error::Usage(String::from(
                "--fields picks columns of tabular output; `group` in JSON is always the whole record",
            )));
        }
        Ok(())
    }

    fn run(&self, config: &Config, streams: &mut Streams<'_>) -> Result<()> {
        run(config, streams, &self.name, self.years.bounds(), self.all)
    }
}

/// Shows the group called `name` (in full with `all`), its figures and events only those within
/// `from..=to` when either is given.
pub fn run(
    config: &Config,
    streams: &mut Streams<'_>,
    name: &str,
    (from, to): (Option<i32>, Option<i32>),
    all: bool,
) -> Result<()> {
    with_dataset(config, streams, |dataset, streams| {
        let group = query::resolve_group(&dataset, name)?;
        let what = Localize {
            groups: true,
            regions: true,
        };
        let estimates = dataset.estimates_of(&group.id);
        let shown = names(config, streams, &dataset, what, estimates)?;
        show(config, streams, &dataset, group, (from, to), all, &shown)
    })
}

/// Shows the group, with the names `shown`.
fn show(
    config: &Config,
    streams: &mut Streams<'_>,
    dataset: &Dataset<'_>,
    group: &Group,
    (from, to): (Option<i32>, Option<i32>),
    all: bool,
    shown: &Names<'_>,
) -> Result<()> {
    let mut detail = query::detail(dataset, group);
    detail
        .estimates
        .retain(|estimate| estimate.period.within(from, to));
    detail.events.retain(|event| event.period.within(from, to));
    // The digest and the full view show no chosen fields: `--fields` writes the group's row.
    let people = config.output.view(Rule::TableWithoutFields) == View::People;
    match config.output.format {
        _ if people && (all || config.output.long) => {
            output::group::detail(streams.stdout, &config.output, &detail, shown)
        }
        _ if people => {
            output::group::digest(streams.stdout, &config.output, &detail, shown)
        }
        Format::Json | Format::Ndjson => {
            let compact = config.output.format == Format::Ndjson;
            output::nested::group(streams.stdout, dataset, &detail, shown, compact)
        }
        _ => {
            let selection = output::choose(GroupDetail::FIELDS, &config.output)?.showing(shown);
            let row = selection.row(&detail);
            output::rows(streams.stdout, &config.output, &selection.columns(), [row])
        }
    }
}
