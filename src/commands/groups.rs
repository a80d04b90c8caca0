//! `nkru groups`: one row per group with its span and latest figure.

use super::{Run, Streams};
use super::input::{names, with_dataset};
use crate::cli::Config;
use crate::error::Result;
use crate::rows;
use crate::output;
use crate::query::{self, GroupOverview, Localize};

/// List the groups of North Koreans in Russia.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  nkru groups\n  nkru groups --format json\n  nkru groups --fields id,name,aliases"
)]
pub struct Arguments {}

impl Run for Arguments {
    fn fields() -> Option<Vec<&'static str>> {
        Some(rows::names(GroupOverview::FIELDS))
    }

    fn run(&self, config: &Config, streams: &mut Streams<'_>) -> Result<()> {
        run(config, streams)
    }
}

/// Lists the groups.
pub fn run(config: &Config, streams: &mut Streams<'_>) -> Result<()> {
    with_dataset(config, streams, |dataset, streams| {
        let what = Localize {
            groups: true,
            regions: false,
        };
        let names = names(config, streams, &dataset, what, [])?;
        let overviews = query::overviews(&dataset);
        output::list_showing(
            streams.stdout,
            streams.stderr,
            &config.output,
            GroupOverview::FIELDS,
            &names,
            &overviews,
            "no groups match",
        )
    })
}
