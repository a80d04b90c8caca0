//! `nkru search`: every text of the dataset that holds the words looked for.

use super::{Run, Streams};
use super::input::with_dataset;
use crate::cli::Config;
use crate::error::Result;
use crate::rows;
use crate::output;
use crate::query::{self, Hit};

/// Search every text in the dataset, ignoring case.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  nkru search sakhalin\n  nkru search 'logging camps' --format json"
)]
pub struct Arguments {
    /// The text to look for.
    pub text: String,
}

impl Run for Arguments {
    fn fields() -> Option<Vec<&'static str>> {
        Some(rows::names(Hit::FIELDS))
    }

    fn run(&self, config: &Config, streams: &mut Streams<'_>) -> Result<()> {
        run(config, streams, &self.text)
    }
}

/// Lists each field of each record that contains `text`, ignoring case.
pub fn run(config: &Config, streams: &mut Streams<'_>, text: &str) -> Result<()> {
    with_dataset(config, streams, |dataset, streams| {
        let hits = query::search(&dataset, text)?;
        output::list_made(
            streams.stdout,
            streams.stderr,
            &config.output,
            Hit::FIELDS,
            hits,
            "nothing matches",
        )
    })
}
