//! The timeline: the dated events, oldest first, of some groups and years, and the years a
//! timeline must show.

use crate::dataset::{Dataset, Event, Group};

/// The events that involve one group, oldest first.
pub fn events_of<'a>(dataset: &'a Dataset<'a>, group: &str) -> Vec<&'a Event<'a>> {
    let mut events: Vec<&Event> = dataset.events_of(group).collect();
    events.sort_by_key(|event| (event.period.anchor(), event.period.end()));
    events
}

/// The events oldest first, limited to groups (none: all) and to those overlapping `from..=to`.
pub fn timeline<'a>(
    dataset: &'a Dataset<'a>,
    groups: &[String],
    from: Option<i32>,
    to: Option<i32>,
) -> Vec<&'a Event<'a>> {
    let mut events: Vec<&Event> = dataset
        .events
        .iter()
        .filter(|event| {
            groups.is_empty()
                || event
                    .groups
                    .iter()
                    .any(|group| groups.iter().any(|id| id == group))
        })
        .filter(|event| event.period.within(from, to))
        .collect();
    events.sort_by_key(|event| (event.period.anchor(), event.period.end()));
    events
}

/// Every year a timeline must show: those of the events, and of the groups' periods within
/// `bounds` (either end open), in no particular order.
pub fn timeline_years(
    events: &[&Event],
    groups: &[(usize, &Group)],
    bounds: (Option<i32>, Option<i32>),
) -> Vec<i32> {
    events
        .iter()
        .flat_map(|event| [event.period.first_year(), event.period.last_year()])
        .chain(groups.iter().flat_map(|(_, group)| {
            group
                .periods
                .iter()
                .filter(move |period| period.overlaps(bounds.0, bounds.1))
                .flat_map(|period| [period.first_year(), period.last_year()])
        }))
        .flatten()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::fixture as dataset;

    #[test]
    fn timeline_is_oldest_first_and_filters_by_group_and_years() {
        let dataset = dataset();
        let ids = |events: Vec<&Event>| -> Vec<String> {
            events.iter().map(|event| event.id.to_string()).collect()
        };
        let all = ids(timeline(&dataset, &[], None, None));
        assert_eq!(
            all.first().map(AsRef::as_ref),
            Some("workers-recruited-sakhalin")
        );
        assert_eq!(all.last().map(AsRef::as_ref), Some("kyung-hee-study-2006"));
        let refugees = ids(timeline(
            &dataset,
            &[String::from("refugees")],
            Some(1995),
            Some(1996),
        ));
        assert_eq!(refugees, ["citizens-killed-1995", "consul-killed-1996"]);
    }
}
