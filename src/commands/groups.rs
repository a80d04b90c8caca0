//! `nkru groups`: one row per group with its span and latest figure.

use super::Streams;
use super::input::{localize, with_dataset};
use crate::cli::Config;
use crate::error::Result;
use crate::output;
use crate::query::{self, GroupOverview, Localize};

/// Lists the groups.
pub fn run(config: &Config, streams: &mut Streams<'_>) -> Result<()> {
    with_dataset(config, streams, |mut dataset, streams| {
        let what = Localize {
            groups: true,
            regions: false,
        };
        localize(config, streams, &mut dataset, what, None)?;
        let overviews = query::overviews(&dataset);
        output::list(
            streams.stdout,
            streams.stderr,
            &config.output,
            GroupOverview::FIELDS,
            &overviews,
            "no groups match",
        )
    })
}
