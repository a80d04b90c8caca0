//! `nkru timeline`: the dated events oldest first; drawn on a year axis for people (in the
//! terminal or as SVG), one row per event elsewhere.

use super::{Streams, list, load, note, read};
use crate::cli::Config;
use crate::dataset::Group;
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
    let text = read(config, streams)?;
    let parsed = load(&text, config, streams)?;
    let dataset = &parsed.dataset;
    let groups = query::resolve_groups(dataset, names)?;
    let events = query::timeline(dataset, &groups, bounds.0, bounds.1);
    let svg = config.output.format == output::Format::Svg;
    if !svg && !config.output.human_view() {
        return list(config, streams, EVENTS, events, "no events match");
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
        return note(config, streams, "no events match");
    }
    if svg {
        let picture = output::svg::timeline::document(dataset, &events, &shown, bounds)?;
        streams.stdout.write_all(picture.as_bytes())?;
        return Ok(());
    }
    let settings = &config.output;
    output::timeline::timeline(streams.stdout, settings, dataset, &events, &shown, bounds)
}
