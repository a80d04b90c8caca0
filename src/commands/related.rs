//! `nkru related`: the populations related to the subject but apart from it, one row each.

use super::{Run, Streams};
use super::input::{names, with_dataset};
use crate::cli::Config;
use crate::error::Result;
use crate::output;
use crate::query::Localize;
use crate::rows::{self, tables};

/// List the populations related to the subject but apart from it, such as the Koryo-saram.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  nkru related\n  nkru related --format json\n  nkru related --fields id,name,origin,destination"
)]
pub struct Arguments {}

impl Run for Arguments {
    fn fields() -> Option<Vec<&'static str>> {
        Some(rows::names(tables::related()))
    }

    fn run(&self, config: &Config, streams: &mut Streams<'_>) -> Result<()> {
        run(config, streams)
    }
}

/// Lists the related populations.
pub fn run(config: &Config, streams: &mut Streams<'_>) -> Result<()> {
    let what = Localize {
        groups: true,
        regions: false,
    };
    with_dataset(config, streams, |dataset, streams| {
        let names = names(config, streams, &dataset, what, [])?;
        output::list_showing(
            streams.stdout,
            streams.stderr,
            &config.output,
            tables::related(),
            &names,
            &dataset.related,
            "no related populations",
        )
    })
}
