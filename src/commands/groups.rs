//! `nkru groups`: one row per group with its span and latest figure.

use super::{Streams, list, load_localized, read};
use crate::cli::Config;
use crate::error::Result;
use crate::query::{self, GroupOverview, Localize};

/// Lists the groups.
pub fn run(config: &Config, streams: &mut Streams<'_>) -> Result<()> {
    let text = read(config, streams)?;
    let parsed = load_localized(
        &text,
        config,
        streams,
        Localize {
            groups: true,
            regions: false,
        },
    )?;
    let dataset = &parsed.dataset;
    let overviews = query::overviews(dataset);
    list(
        config,
        streams,
        GroupOverview::FIELDS,
        &overviews,
        "no groups match",
    )
}
