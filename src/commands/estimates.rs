//! `nkru estimates`: the population estimates that pass the filters, in order or sorted.

use super::{Streams, list, localized_estimates, read};
use crate::cli::{Config, EstimateFilterArgs};
use crate::dataset::Estimate;
use crate::error::Result;
use crate::rows::{self, tables};

/// Lists the estimates that pass `filter`, sorted by the field `sort` when given.
pub fn run(
    config: &Config,
    streams: &mut Streams<'_>,
    filter: &EstimateFilterArgs,
    sort: Option<&str>,
    reverse: bool,
) -> Result<()> {
    // Only the estimates that pass the filter are left in the dataset.
    let text = read(config, streams)?;
    let parsed = localized_estimates(&text, config, streams, filter)?;
    let dataset = &parsed.dataset;
    let mut estimates: Vec<&Estimate> = dataset.estimates.iter().collect();
    match sort.and_then(|name| tables::estimates().iter().find(|field| field.name == name)) {
        Some(field) => estimates = rows::sort_by(estimates, field, reverse),
        None if reverse => estimates.reverse(),
        None => {}
    }
    list(
        config,
        streams,
        tables::estimates(),
        estimates,
        "no estimates match",
    )
}
