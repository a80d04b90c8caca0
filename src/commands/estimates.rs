//! `nkru estimates`: the population estimates that pass the filters, in order or sorted.

use super::{Streams, estimate_filter, list, load_localized};
use crate::cli::{Config, EstimateFilterArgs};
use crate::error::Result;
use crate::query::Localize;
use crate::rows::{self, tables::ESTIMATES};

/// Lists the estimates that pass `filter`, sorted by the field `sort` when given.
pub fn run(
    config: &Config,
    streams: &mut Streams<'_>,
    filter: &EstimateFilterArgs,
    sort: Option<&str>,
    reverse: bool,
) -> Result<()> {
    let parsed = load_localized(
        config,
        streams,
        Localize {
            groups: false,
            regions: true,
        },
    )?;
    let dataset = &parsed.dataset;
    let mut estimates = estimate_filter(dataset, filter)?.apply(dataset);
    match sort.and_then(|name| ESTIMATES.iter().find(|field| field.name == name)) {
        Some(field) => estimates = rows::sort_by(estimates, field, reverse),
        None if reverse => estimates.reverse(),
        None => {}
    }
    list(config, streams, ESTIMATES, estimates, "estimates")
}
