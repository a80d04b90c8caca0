//! A group at a glance and in full: its overview for `nkru groups`, its detail for `nkru group`
//! (its estimates, events and cited sources), the span of years it is documented, and the latest
//! dated figure of a set.

use std::collections::{HashMap, HashSet};

use super::headline;
use super::timeline::events_of;
use crate::dataset::{Counts, Dataset, Estimate, Event, Group, Period, Source};

/// The source with this id.
pub fn source_by_id<'a>(dataset: &'a Dataset<'a>, id: &str) -> Option<&'a Source<'a>> {
    dataset.source(id)
}

/// The estimates of one group, in the dataset's order.
pub fn estimates_of<'a>(dataset: &'a Dataset<'a>, group: &str) -> Vec<&'a Estimate<'a>> {
    dataset.estimates_of(group).collect()
}

/// The sources a group's facts, estimates and events cite, in first-cited order.
pub fn sources_of<'a>(dataset: &'a Dataset<'a>, group: &Group) -> Vec<&'a Source<'a>> {
    let mut seen: HashSet<&str> = HashSet::new();
    let cited = group
        .facts
        .iter()
        .map(|fact| fact.source.as_ref())
        .chain(
            estimates_of(dataset, &group.id)
                .into_iter()
                .map(|estimate| estimate.source.as_ref()),
        )
        .chain(
            events_of(dataset, &group.id)
                .into_iter()
                .map(|event| event.source.as_ref()),
        );
    cited
        .filter(|id| seen.insert(id))
        .filter_map(|id| dataset.source(id))
        .collect()
}

/// Each group's and related population's estimates, in the dataset's order, found in one pass.
pub(super) fn estimates_by_population<'a>(
    dataset: &'a Dataset<'a>,
) -> HashMap<&'a str, Vec<&'a Estimate<'a>>> {
    let mut by_population: HashMap<&str, Vec<&Estimate>> = HashMap::new();
    for estimate in &dataset.estimates {
        if let Some(group) = &estimate.group {
            by_population.entry(group).or_default().push(estimate);
        }
    }
    by_population
}

/// The dated estimate whose period reaches latest; an undated estimate is never ranked. Among
/// equals, the later one in the dataset wins.
pub fn latest<'a>(estimates: &[&'a Estimate<'a>]) -> Option<&'a Estimate<'a>> {
    estimates
        .iter()
        .copied()
        .filter_map(|estimate| estimate.period.latest().map(|date| (date.key(), estimate)))
        .max_by_key(|(key, _)| *key)
        .map(|(_, estimate)| estimate)
}

/// The earliest and latest known years of a set of periods. The end stays open when a period
/// runs on or has no date at all, since an undated period may reach later than the dated ones.
pub fn span(periods: &[&Period]) -> (Option<i32>, Option<i32>) {
    let from = periods
        .iter()
        .filter_map(|period| period.first_year())
        .min();
    let open = periods
        .iter()
        .any(|period| period.is_open_ended() || !period.is_dated());
    let to = if open {
        None
    } else {
        periods.iter().filter_map(|period| period.last_year()).max()
    };
    (from, to)
}

/// The earliest and latest known years a group is documented.
pub fn documented_span(group: &Group) -> (Option<i32>, Option<i32>) {
    let periods: Vec<&Period> = group.periods.iter().collect();
    span(&periods)
}

/// A group with the figures its row in `nkru groups` shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupOverview<'a> {
    /// The group.
    pub group: &'a Group<'a>,
    /// The earliest known year the group is documented.
    pub from: Option<i32>,
    /// The latest known year, or none when unknown or still open.
    pub to: Option<i32>,
    /// How many estimates the group has.
    pub estimates: usize,
    /// The most recent dated figure of people present.
    pub latest: Option<&'a Estimate<'a>>,
    /// The headline figures of people present, by the headline rules.
    pub present: Option<headline::Figures<'a>>,
}

/// A group's overview.
pub fn overview<'a>(dataset: &'a Dataset<'a>, group: &'a Group) -> GroupOverview<'a> {
    overview_of(group, &estimates_of(dataset, &group.id))
}

/// Every group's overview, in the dataset's order, the estimates sorted out in one pass.
pub fn overviews<'a>(dataset: &'a Dataset<'a>) -> Vec<GroupOverview<'a>> {
    let by_population = estimates_by_population(dataset);
    dataset
        .groups
        .iter()
        .map(|group| {
            let estimates = by_population
                .get(group.id.as_ref())
                .map_or(&[][..], Vec::as_slice);
            overview_of(group, estimates)
        })
        .collect()
}

/// A group's overview from its estimates.
fn overview_of<'a>(group: &'a Group, estimates: &[&'a Estimate<'a>]) -> GroupOverview<'a> {
    let present: Vec<&Estimate> = estimates
        .iter()
        .copied()
        .filter(|estimate| estimate.counts == Counts::Present)
        .collect();
    let (from, to) = documented_span(group);
    GroupOverview {
        group,
        from,
        to,
        estimates: estimates.len(),
        latest: latest(&present),
        present: headline::headline(Counts::Present, estimates),
    }
}

/// A group with everything that concerns it: its estimates, events and cited sources.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupDetail<'a> {
    /// The group.
    pub group: &'a Group<'a>,
    /// The earliest known year the group is documented.
    pub from: Option<i32>,
    /// The latest known year, or none when unknown or still open.
    pub to: Option<i32>,
    /// Its estimates, in the dataset's order.
    pub estimates: Vec<&'a Estimate<'a>>,
    /// The events that involve it, oldest first.
    pub events: Vec<&'a Event<'a>>,
    /// The sources its facts, estimates and events cite, in first-cited order.
    pub sources: Vec<&'a Source<'a>>,
}

/// A group in full.
pub fn detail<'a>(dataset: &'a Dataset<'a>, group: &'a Group) -> GroupDetail<'a> {
    let (from, to) = documented_span(group);
    GroupDetail {
        group,
        from,
        to,
        estimates: estimates_of(dataset, &group.id),
        events: events_of(dataset, &group.id),
        sources: sources_of(dataset, group),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::fixture as dataset;

    #[test]
    fn overviews_give_each_group_its_span_figures_and_latest_count() {
        let dataset = dataset();
        let overviews = overviews(&dataset);
        let rows: Vec<(&str, Option<i32>, Option<i32>, usize)> = overviews
            .iter()
            .map(|line| (line.group.id.as_ref(), line.from, line.to, line.estimates))
            .collect();
        // A period with no end (the workers' newest wave) or no date leaves the span open.
        assert_eq!(
            rows,
            [
                ("students", Some(1953), Some(1962), 0),
                ("workers", Some(1945), None, 2),
                ("refugees", None, None, 1),
            ]
        );
        assert_eq!(
            overviews[2].latest.map(|estimate| estimate.id.as_ref()),
            Some("refugees-1999")
        );
        // The workers' one count of people present has no date: never the latest.
        assert_eq!(overviews[1].latest, None);
        assert_eq!(overview(&dataset, &dataset.groups[1]), overviews[1]);
    }

    #[test]
    fn a_detail_holds_the_groups_records_and_each_source_once() {
        let dataset = dataset();
        let detail = detail(&dataset, &dataset.groups[2]);
        let events: Vec<&str> = detail
            .events
            .iter()
            .map(|event| event.id.as_ref())
            .collect();
        assert_eq!(
            events,
            [
                "asylum-remark-1994",
                "citizens-killed-1995",
                "consul-killed-1996"
            ]
        );
        assert_eq!(detail.estimates.len(), 1);
        let sources: Vec<&str> = detail
            .sources
            .iter()
            .map(|source| source.id.as_ref())
            .collect();
        assert_eq!(sources, ["article"]);
    }

    #[test]
    fn the_latest_figure_is_the_one_reaching_latest_and_an_undated_one_never() {
        let dataset = dataset();
        let all: Vec<&Estimate> = dataset.estimates.iter().collect();
        assert_eq!(
            latest(&all).map(|estimate| estimate.id.as_ref()),
            Some("total-2006")
        );
        assert_eq!(latest(&all[2..3]), None);
        let periods: Vec<&Period> = all[..2].iter().map(|estimate| &estimate.period).collect();
        assert_eq!(span(&periods), (Some(1945), Some(2006)));
    }
}
