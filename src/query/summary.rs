//! Summaries: the lines of `nkru summary` (one per group and kind of count, with its headline
//! figures), a kind over time for `nkru trend`, and the current picture (`now`).

use std::collections::HashSet;

use super::filter::EstimateFilter;
use super::localize::Names;
use super::overview::{estimates_by_population, latest, span};
use super::{TOTAL_ID, headline};
use crate::dataset::{Counts, Dataset, Estimate, Group, Period};

/// One line of `nkru summary`: the figures of one kind for a group, for the whole population or
/// for a related population. Figures that count different things never share a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary<'a> {
    /// The group id, `total` for the whole population, or a related population's id.
    pub id: &'a str,
    /// The group's name, the dataset's title for the total, or the related population's name.
    pub name: &'a str,
    /// What the line's figures count; none for a group with no figures at all.
    pub counts: Option<Counts>,
    /// The earliest year a figure of the line applies to.
    pub from: Option<i32>,
    /// The latest year a figure of the line applies to; none when one runs on.
    pub to: Option<i32>,
    /// How many figures the line has.
    pub estimates: usize,
    /// How many of them have no date, and so are never the latest.
    pub undated: usize,
    /// The lowest figure of any of them.
    pub lowest: Option<u64>,
    /// The highest figure of any of them.
    pub highest: Option<u64>,
    /// The latest dated figure.
    pub latest: Option<&'a Estimate<'a>>,
    /// The figures that head the line by the headline rules ([`headline::headline`]); none for
    /// a plan, a possible total or a demand, and for a line with no dated figure.
    pub headline: Option<headline::Figures<'a>>,
}

impl Summary<'_> {
    /// Whether the line's figures count people or things that happened, rather than a plan, a
    /// possible total or a demand.
    pub fn is_count(&self) -> bool {
        self.counts.is_none_or(headline::is_count)
    }
}

/// The summary lines: the whole population first, then each group (only `groups` when given,
/// where [`TOTAL_ID`] stands for the whole population), then the related populations that have
/// figures; one line for each kind of figure, each named as `names` shows it.
pub fn summarize<'a>(
    dataset: &'a Dataset<'a>,
    groups: &[String],
    names: &'a Names<'a>,
) -> Vec<Summary<'a>> {
    let mut lines = Vec::new();
    let everything = groups.is_empty();
    if everything || groups.iter().any(|group| group == TOTAL_ID) {
        let totals: Vec<&Estimate> = dataset
            .estimates
            .iter()
            .filter(|estimate| estimate.group.is_none())
            .collect();
        add_lines(&mut lines, TOTAL_ID, &dataset.title, &totals);
    }
    let by_population = estimates_by_population(dataset);
    let of = |id: &str| by_population.get(id).map_or(&[][..], Vec::as_slice);
    // The groups asked for, found through a set as the dataset's groups pass.
    let asked: HashSet<&str> = groups.iter().map(String::as_str).collect();
    for group in &dataset.groups {
        if everything || asked.contains(group.id.as_ref()) {
            add_lines(&mut lines, &group.id, names.group(group), of(&group.id));
        }
    }
    if everything {
        for related in &dataset.related {
            let estimates = of(&related.id);
            if !estimates.is_empty() {
                add_lines(&mut lines, &related.id, names.related(related), estimates);
            }
        }
    }
    lines
}

/// The summary lines of one group from its estimates, one for each kind of figure, named as
/// `names` shows it.
pub fn summary_of<'a>(
    group: &'a Group,
    estimates: &[&'a Estimate<'a>],
    names: &'a Names<'a>,
) -> Vec<Summary<'a>> {
    let mut lines = Vec::new();
    add_lines(&mut lines, &group.id, names.group(group), estimates);
    lines
}

/// Adds one line for each kind of figure among `estimates`, in the documented order of the
/// kinds, or one empty line when there are none.
fn add_lines<'a>(
    lines: &mut Vec<Summary<'a>>,
    id: &'a str,
    name: &'a str,
    estimates: &[&'a Estimate<'a>],
) {
    if estimates.is_empty() {
        lines.push(summary_line(id, name, None, &[]));
        return;
    }
    for kind in Counts::ALL {
        let of_kind: Vec<&Estimate> = estimates
            .iter()
            .copied()
            .filter(|estimate| estimate.counts == kind)
            .collect();
        if !of_kind.is_empty() {
            lines.push(summary_line(id, name, Some(kind), &of_kind));
        }
    }
}

fn summary_line<'a>(
    id: &'a str,
    name: &'a str,
    counts: Option<Counts>,
    estimates: &[&'a Estimate<'a>],
) -> Summary<'a> {
    let periods: Vec<&Period> = estimates.iter().map(|estimate| &estimate.period).collect();
    let dated: Vec<&Period> = periods
        .iter()
        .copied()
        .filter(|period| period.is_dated())
        .collect();
    let (from, to) = span(&dated);
    Summary {
        id,
        name,
        counts,
        from,
        to,
        estimates: estimates.len(),
        undated: periods.iter().filter(|period| !period.is_dated()).count(),
        lowest: estimates.iter().map(|estimate| estimate.low).min(),
        highest: estimates.iter().map(|estimate| estimate.high).max(),
        latest: latest(estimates),
        headline: counts.and_then(|kind| headline::headline(kind, estimates)),
    }
}

/// One period of a kind's figures over time, for `nkru trend`: the figures of a group (or of all
/// North Koreans, `total`) set side by side.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Trend<'a> {
    /// The group's id, or [`TOTAL_ID`].
    pub id: &'a str,
    /// The period's figures.
    pub figures: headline::Figures<'a>,
}

/// A kind's figures of one group (or, for [`TOTAL_ID`], of all North Koreans) over time, one
/// entry per period ([`headline::over_time`]): all of Russia, unless `filter` asks for a place
/// or a coverage, when every figure that passes it is set in its period.
pub fn trend<'a>(
    dataset: &'a Dataset<'a>,
    id: &'a str,
    kind: Counts,
    filter: &EstimateFilter,
) -> Vec<Trend<'a>> {
    let passes = filter.matcher(dataset);
    let estimates: Vec<&Estimate> = dataset
        .estimates
        .iter()
        .filter(|estimate| match &estimate.group {
            Some(group) => group == id,
            None => id == TOTAL_ID,
        })
        .filter(|estimate| passes(estimate))
        .collect();
    let every_coverage = filter.region.is_some() || !filter.coverage.is_empty();
    headline::over_time(kind, &estimates, every_coverage)
        .into_iter()
        .map(|figures| Trend { id, figures })
        .collect()
}

/// The current picture ([`headline::now`]): the latest total a source gives of all North
/// Koreans present, and nkru's sum of the groups' headline figures when a group's is later.
pub fn now<'a>(dataset: &'a Dataset<'a>) -> headline::Now<'a> {
    let totals: Vec<&Estimate> = dataset
        .estimates
        .iter()
        .filter(|estimate| estimate.group.is_none())
        .collect();
    let by_population = estimates_by_population(dataset);
    let groups: Vec<(&str, Vec<&Estimate>)> = dataset
        .groups
        .iter()
        .map(|group| {
            let estimates = by_population
                .get(group.id.as_ref())
                .cloned()
                .unwrap_or_default();
            (group.id.as_ref(), estimates)
        })
        .collect();
    headline::now(&totals, &groups)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::fixture as dataset;

    #[test]
    fn summary_gives_the_total_then_each_group() {
        let dataset = dataset();
        let lines = summarize(&dataset, &[], Names::english());
        let ids: Vec<(&str, Option<Counts>)> =
            lines.iter().map(|line| (line.id, line.counts)).collect();
        assert_eq!(
            ids,
            [
                ("total", Some(Counts::Present)),
                ("students", None),
                ("workers", Some(Counts::Present)),
                ("workers", Some(Counts::Recruited)),
                ("refugees", Some(Counts::Present)),
            ]
        );
        assert_eq!(lines[0].latest.map(|estimate| estimate.low), Some(10_000));
        assert_eq!((lines[1].estimates, lines[1].lowest), (0, None));
        // The one figure of workers present has no date: counted, never the latest.
        assert_eq!((lines[2].estimates, lines[2].undated), (1, 1));
        assert_eq!(lines[2].latest, None);
        assert_eq!((lines[2].from, lines[2].to), (None, None));
        assert_eq!(
            lines[3].latest.map(|estimate| estimate.id.as_ref()),
            Some("workers-1940s")
        );
        assert_eq!((lines[3].from, lines[3].to), (Some(1945), Some(1949)));
        let refugees = summarize(&dataset, &[String::from("refugees")], Names::english());
        assert_eq!(refugees.len(), 1);
        assert_eq!(
            (refugees[0].lowest, refugees[0].highest),
            (Some(100), Some(500))
        );
    }
}
