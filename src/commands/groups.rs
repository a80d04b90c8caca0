//! `nkru groups`: one row per group with its span and latest figure.

use super::{Streams, list, load};
use crate::cli::Config;
use crate::error::Result;
use crate::query::{self, GroupOverview};

/// Lists the groups.
pub fn run(config: &Config, streams: &mut Streams<'_>) -> Result<()> {
    let parsed = load(&config.origin, config, streams)?;
    let dataset = &parsed.dataset;
    let overviews = query::overviews(dataset);
    list(config, streams, GroupOverview::FIELDS, &overviews, "groups")
}
