//! `nkru sources`: the sources and the records that cite each.

use super::{Streams, list, load};
use crate::cli::Config;
use crate::error::Result;
use crate::query::{self, Citations};

/// Lists the sources.
pub fn run(config: &Config, streams: &mut Streams<'_>) -> Result<()> {
    let parsed = load(&config.origin, config, streams)?;
    let citations = query::citations(&parsed.dataset);
    list(
        config,
        streams,
        Citations::FIELDS,
        &citations,
        "no sources match",
    )
}
