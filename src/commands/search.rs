//! `nkru search`: every text of the dataset that holds the words looked for.

use super::Streams;
use super::input::with_dataset;
use crate::cli::Config;
use crate::error::Result;
use crate::output;
use crate::query::{self, Hit};

/// Lists each field of each record that contains `text`, ignoring case.
pub fn run(config: &Config, streams: &mut Streams<'_>, text: &str) -> Result<()> {
    with_dataset(config, streams, |dataset, streams| {
        let hits = query::search(&dataset, text)?;
        output::list(
            streams.stdout,
            streams.stderr,
            &config.output,
            Hit::FIELDS,
            &hits,
            "nothing matches",
        )
    })
}
