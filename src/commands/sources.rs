//! `nkru sources`: the sources and the records that cite each.

use super::{Streams, list, load, read};
use crate::cli::Config;
use crate::error::Result;
use crate::query::{self, Citations};

/// Lists the sources.
pub fn run(config: &Config, streams: &mut Streams<'_>) -> Result<()> {
    let text = read(config, streams)?;
    let parsed = load(&text, config, streams)?;
    let citations = query::citations(&parsed.dataset);
    list(
        config,
        streams,
        Citations::FIELDS,
        &citations,
        "no sources match",
    )
}
