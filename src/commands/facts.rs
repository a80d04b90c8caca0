//! `nkru facts`: every fact of the groups as a row, with its id and its source.

use super::{Run, Streams};
use super::input::with_dataset;
use crate::cli::Config;
use crate::cli::values;
use crate::error::{Error, Result};
use crate::rows;
use crate::output;
use crate::query::{self, FactRecord};
use crate::text::fold;

/// List every fact of the groups, one row each, with its id and its source.
///
/// A fact's id is its group's id, `-fact-` and its place among the group's facts, such as
/// `refugees-fact-3`; `nkru cite` takes it.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  nkru facts --group refugees\n  nkru facts --group refugees --format csv\n  nkru facts --source kommersant --fields id,text,url"
)]
pub struct Arguments {
    /// Only facts of these groups (repeatable, or comma-separated).
    #[arg(long = "group", value_name = "NAME", value_delimiter = ',', value_parser = values::name)]
    pub groups: Vec<String>,

    /// Only facts whose source id, publisher or title contains this text.
    #[arg(long, value_name = "TEXT")]
    pub source: Option<String>,
}

impl Run for Arguments {
    fn fields() -> Option<Vec<&'static str>> {
        Some(rows::names(FactRecord::FIELDS))
    }

    fn check(&self, _config: &Config) -> Result<()> {
        if self.source.as_deref().is_some_and(|source| source.trim().is_empty()) {
            return Err(Error::Usage(String::from(
                "--source needs some text to look for",
            )));
        }
        Ok(())
    }

    fn run(&self, config: &Config, streams: &mut Streams<'_>) -> Result<()> {
        run(config, streams, &self.groups, self.source.as_deref())
    }
}

/// Lists the facts of the groups named (of every group when none is), keeping those whose
/// source matches `source` when it is given.
pub fn run(
    config: &Config,
    streams: &mut Streams<'_>,
    names: &[String],
    source: Option<&str>,
) -> Result<()> {
    with_dataset(config, streams, |dataset, streams| {
        let groups = query::resolve_groups(&dataset, names)?;
        let source = source.map(fold);
        let records = query::facts(&dataset, &groups, source.as_deref());
        output::list(
            streams.stdout,
            streams.stderr,
            &config.output,
            FactRecord::FIELDS,
            &records,
            "no facts match",
        )
    })
}
