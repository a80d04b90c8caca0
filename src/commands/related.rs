//! `nkru related`: the populations related to the subject but apart from it, one row each.

use super::{Streams, list, load_localized, read};
use crate::cli::Config;
use crate::error::Result;
use crate::query::Localize;
use crate::rows::tables::RELATED;

/// Lists the related populations.
pub fn run(config: &Config, streams: &mut Streams<'_>) -> Result<()> {
    let what = Localize {
        groups: true,
        regions: false,
    };
    let text = read(config, streams)?;
    let parsed = load_localized(&text, config, streams, what)?;
    list(
        config,
        streams,
        RELATED,
        &parsed.dataset.related,
        "no related populations",
    )
}
