//! `nkru chart`: the estimates drawn for people; in the machine formats, the rows of `estimates`.

use super::{Streams, estimate_filter, list, load_localized, note};
use crate::cli::{Config, EstimateFilterArgs};
use crate::error::Result;
use crate::output;
use crate::query::Localize;
use crate::rows::tables::ESTIMATES;

/// Draws the estimates that pass `filter`.
pub fn run(config: &Config, streams: &mut Streams<'_>, filter: &EstimateFilterArgs) -> Result<()> {
    let parsed = load_localized(
        config,
        streams,
        Localize {
            groups: false,
            regions: true,
        },
    )?;
    let dataset = &parsed.dataset;
    let estimates = estimate_filter(dataset, filter)?.apply(dataset);
    if !config.output.human_view() {
        return list(config, streams, ESTIMATES, estimates, "estimates");
    }
    output::chart::chart(streams.stdout, &config.output, dataset, &estimates)?;
    if estimates.is_empty() {
        note(config, streams, "estimates")?;
    }
    Ok(())
}
