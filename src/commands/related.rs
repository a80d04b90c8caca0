//! `nkru related`: the populations related to the subject but apart from it, one row each.

use super::Streams;
use super::input::{localize, with_dataset};
use crate::cli::Config;
use crate::error::Result;
use crate::output;
use crate::query::Localize;
use crate::rows::tables::RELATED;

/// Lists the related populations.
pub fn run(config: &Config, streams: &mut Streams<'_>) -> Result<()> {
    let what = Localize {
        groups: true,
        regions: false,
    };
    with_dataset(config, streams, |mut dataset, streams| {
        localize(config, streams, &mut dataset, what, None)?;
        output::list(
            streams.stdout,
            streams.stderr,
            &config.output,
            RELATED,
            &dataset.related,
            "no related populations",
        )
    })
}
