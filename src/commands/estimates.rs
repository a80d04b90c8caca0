//! `nkru estimates`: the population estimates that pass the filters, in order or sorted.

use super::{Run, Streams};
use super::input::{Input, shown_estimates};
use crate::cli::{Config, EstimateFilterArgs};
use crate::dataset;
use crate::error::{Error, Result};
use crate::output::{self, Rule, View};
use crate::query::Language;
use crate::rows::{self, Lazy, tables};

/// List the population estimates, with filters.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  nkru estimates --group workers\n  nkru estimates --year 1999 --format json\n  nkru estimates --min 1000 --sort high --reverse"
)]
pub struct Arguments {
    /// Which estimates to list.
    #[command(flatten)]
    pub filter: EstimateFilterArgs,

    /// Sort by this field (default: the dataset's order).
    #[arg(long, value_name = "FIELD", value_parser = clap::builder::PossibleValuesParser::new(rows::names(rows::tables::estimates())))]
    pub sort: Option<String>,

    /// Reverse the order.
    #[arg(long)]
    pub reverse: bool,
}

impl Run for Arguments {
    fn fields() -> Option<Vec<&'static str>> {
        Some(rows::names(tables::estimates()))
    }

    fn check(&self, _config: &Config) -> Result<()> {
        self.filter.check()
    }

    fn run(&self, config: &Config, streams: &mut Streams<'_>) -> Result<()> {
        run(config, streams, &self.filter, self.sort.as_deref(), self.reverse)
    }
}

/// Lists the estimates that pass `filter`, sorted by the field `sort` when given.
pub fn run(
    config: &Config,
    streams: &mut Streams<'_>,
    filter: &EstimateFilterArgs,
    sort: Option<&str>,
    reverse: bool,
) -> Result<()> {
    let input = Input::read(config, streams)?;
    if let Some(text) = input.text()
        && streams_estimates(config, text.len(), sort, reverse)
        && in_two_passes(text, config, streams, filter)?
    {
        return Ok(());
    }
    let dataset = input.dataset(streams)?;
    let (mut estimates, names) = shown_estimates(config, streams, &dataset, filter)?;
    match sort.and_then(|name| tables::estimates().iter().find(|field| field.name == name)) {
        Some(field) => estimates = rows::sort_by(estimates, field, &names, reverse),
        None if reverse => estimates.reverse(),
        None => {}
    }
    output::list_showing(
        streams.stdout,
        streams.stderr,
        &config.output,
        tables::estimates(),
        &names,
        estimates,
        "no estimates match",
    )
}

/// The size from which a user's file is read in two passes when it can be: below it, reading it
/// once and holding it costs little memory and less time than two passes and their threads.
const STREAMED_FROM: usize = 4 << 20;

/// Whether the estimates of a user's file can be written as they are read: a file of
/// [`STREAMED_FROM`] bytes or more (`size`), in the order of the file, in a format that writes
/// each row as it comes (not the table, laid out whole), with nothing to put into another
/// language.
fn streams_estimates(config: &Config, size: usize, sort: Option<&str>, reverse: bool) -> bool {
    size >= STREAMED_FROM
        && sort.is_none()
        && !reverse
        && config.language == Language::English
        && config.output.view(Rule::Table) != View::People
}

/// Writes the estimates that pass the filter in two passes over the text, holding no estimate:
/// one that checks the whole dataset, one that writes. Says `false`, having written nothing,
/// when the first pass finds anything to report, so the usual reading reports it.
fn in_two_passes(
    text: &str,
    config: &Config,
    streams: &mut Streams<'_>,
    arguments: &EstimateFilterArgs,
) -> Result<bool> {
    let mut shown = 0usize;
    let written = dataset::stream::checked_estimates(text, |rest, estimates| {
        let filter = arguments.filter(rest)?;
        let selection = output::choose(tables::estimates(), &config.output)?;
        let columns = selection.columns();
        let passes = filter.matcher(rest);
        let records = estimates
            .filter(|estimate| passes(estimate))
            .inspect(|_| shown += 1)
            .map(|item| Lazy {
                selection: &selection,
                item,
            });
        output::records(streams.stdout, &config.output, &columns, records)
    })
    .map_err(|error| Error::Dataset(format!("{}: {error}", config.origin)))?;
    let Some(written) = written else {
        return Ok(false);
    };
    written?;
    if shown == 0 {
        output::note(streams.stderr, &config.output, "no estimates match")?;
    }
    Ok(true)
}
