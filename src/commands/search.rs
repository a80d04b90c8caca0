//! `nkru search`: every text of the dataset that holds the words looked for.

use super::{Streams, list, load, read};
use crate::cli::Config;
use crate::error::Result;
use crate::query::{self, Hit};

/// Lists each field of each record that contains `text`, ignoring case.
pub fn run(config: &Config, streams: &mut Streams<'_>, text: &str) -> Result<()> {
    let dataset_text = read(config, streams)?;
    let parsed = load(&dataset_text, config, streams)?;
    let hits = query::search(&parsed.dataset, text)?;
    list(config, streams, Hit::FIELDS, &hits, "nothing matches")
}
