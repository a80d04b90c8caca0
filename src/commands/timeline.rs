//! `nkru timeline`: the dated events oldest first; drawn on a year axis for people (in the
//! terminal or as SVG), one row per event elsewhere.

use super::Streams;
use super::input::with_dataset;
use crate::cli::Config;
use crate::dataset::{Dataset, Group};
use crate::error::Result;
use crate::output;
use crate::query;
use crate::rows::tables::EVENTS;

/// Shows the events of the groups named (all when none is) within `bounds`.
pub fn run(
    config: &Config,
    streams: &mut Streams<'_>,
    names: &[String],
    bounds: (Option<i32>, Option<i32>),
) -> Result<()> {
    with_dataset(config, streams, |dataset, streams| {
        show(config, streams, &dataset, names, bounds)
    })
}

/// Shows the events of `dataset` of the groups named within `bounds`.
fn show(
    config: &Config,
    streams: &mut Streams<'_>,
    dataset: &Dataset<'_>,
    names: &[String],
    bounds: (Option<i32>, Option<i32>),
) -> Result<()> {
    let groups = query::resolve_groups(dataset, names)?;
    let events = query::timeline(dataset, &groups, bounds.0, bounds.1);
    let svg = config.output.format == output::Format::Svg;
    if !svg && !config.output.human_view() {
        return output::list(
            streams.stdout,
            streams.stderr,
            &config.output,
            EVENTS,
            events,
            "no events match",
        );
    }
    let shown: Vec<(usize, &Group)> = dataset
        .groups
        .iter()
        .enumerate()
        .filter(|(_, group)| groups.is_empty() || groups.contains(&group.id))
        .collect();
    let periods = shown.iter().any(|(_, group)| {
        group
            .periods
            .iter()
            .any(|period| period.overlaps(bounds.0, bounds.1))
    });
    if events.is_empty() && !periods {
        if svg {
            let picture = output::svg::nothing(&dataset.title, "No events match.")?;
            streams.stdout.write_all(picture.as_bytes())?;
        }
        return output::note(streams.stderr, &config.output, "no events match");
    }
    if svg {
        let picture = output::svg::timeline::document(dataset, &events, &shown, bounds)?;
        streams.stdout.write_all(picture.as_bytes())?;
        return Ok(());
    }
    let settings = &config.output;
    output::timeline::timeline(streams.stdout, settings, dataset, &events, &shown, bounds)
}
