//! `nkru facts`: every fact of the groups as a row, with its id and its source.

use super::Streams;
use super::input::with_dataset;
use crate::cli::Config;
use crate::error::Result;
use crate::output;
use crate::query::{self, FactRecord};
use crate::text::fold;

/// Lists the facts of the groups named (of every group when none is), keeping those whose
/// source matches `source` when it is given.
pub fn run(
    config: &Config,
    streams: &mut Streams<'_>,
    names: &[String],
    source: Option<&str>,
) -> Result<()> {
    with_dataset(config, streams, |dataset, streams| {
        let groups = query::resolve_groups(&dataset, names)?;
        let source = source.map(fold);
        let records = query::facts(&dataset, &groups, source.as_deref());
        output::list(
            streams.stdout,
            streams.stderr,
            &config.output,
            FactRecord::FIELDS,
            &records,
            "no facts match",
        )
    })
}
