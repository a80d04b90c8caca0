//! The estimate filter, `EstimateFilter`: which figures pass `--group`, `--year`, `--region`,
//! `--source` and the other conditions of `nkru estimates`.

use std::collections::HashSet;

use aho_corasick::AhoCorasick;

use super::TOTAL_ID;
use super::names::looked_for;
use crate::dataset::{Counts, Coverage, Dataset, Estimate};
use crate::text::{contains_folded, fold};

/// A filter of population estimates; every condition must hold. Its group names are resolved
/// to ids and its texts folded (`text::fold`) by whoever builds it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EstimateFilter {
    /// Group ids, where [`TOTAL_ID`] stands for the figures of all North Koreans; empty means
    /// every estimate, the total ones included.
    pub groups: Vec<String>,
    /// A year the period must cover.
    pub year: Option<i32>,
    /// The period must reach this year or later.
    pub from: Option<i32>,
    /// The period must start this year or earlier.
    pub to: Option<i32>,
    /// Text the region must contain, folded.
    pub region: Option<String>,
    /// Text the source id, publisher or title must contain, folded.
    pub source: Option<String>,
    /// Text the figure's author must contain, folded.
    pub attributed_to: Option<String>,
    /// What the figure must count; empty means any kind.
    pub counts: Vec<Counts>,
    /// How much of Russia the figure must count; empty means any coverage, unknown included.
    pub coverage: Vec<Coverage>,
    /// The range must reach this figure or more.
    pub min: Option<u64>,
    /// The range must reach this figure or less.
    pub max: Option<u64>,
}

impl EstimateFilter {
    /// Whether an estimate passes every condition.
    pub fn matches(&self, dataset: &Dataset, estimate: &Estimate) -> bool {
        self.passes(estimate, &Lookups::new(self, dataset))
    }

    /// A test of estimates against the filter, with what it needs looked up in `dataset` once,
    /// for estimates that are not in the dataset's list (read one at a time, for example).
    pub fn matcher<'a>(&'a self, dataset: &'a Dataset<'a>) -> impl Fn(&Estimate<'_>) -> bool + 'a {
        let lookups = Lookups::new(self, dataset);
        move |estimate| self.passes(estimate, &lookups)
    }

    /// The ids of the sources whose publisher or title contains the `--source` text, looked up
    /// once for all estimates rather than once for each.
    fn sources_named<'a>(&self, dataset: &'a Dataset<'a>) -> HashSet<&'a str> {
        let Some(wanted) = &self.source else {
            return HashSet::new();
        };
        dataset
            .sources
            .iter()
            .filter(|source| {
                contains_folded(&source.publisher, wanted) || contains_folded(&source.title, wanted)
            })
            .map(|source| source.id.as_ref())
            .collect()
    }

    /// Whether an estimate passes every condition, given what was looked up in the dataset.
    fn passes(&self, estimate: &Estimate, lookups: &Lookups<'_>) -> bool {
        let group_matches = self.groups.is_empty()
            || self.groups.iter().any(|id| match &estimate.group {
                Some(group) => id == group,
                None => id == TOTAL_ID,
            });
        let year_matches = self.year.is_none_or(|year| estimate.period.covers(year));
        let span_matches = estimate.period.within(self.from, self.to);
        let region_matches = self.region.is_none()
            || estimate
                .region
                .as_ref()
                .is_some_and(|region| contains_any(region, &lookups.regions));
        let source_matches = self.source.as_ref().is_none_or(|wanted| {
            contains_folded(&estimate.source, wanted)
                || lookups.sources_named.contains(estimate.source.as_ref())
        });
        let author_matches =
            self.attributed_to.is_none() || contains_any(&estimate.attributed_to, &lookups.authors);
        let kind_matches = self.counts.is_empty() || self.counts.contains(&estimate.counts);
        let coverage_matches = self.coverage.is_empty()
            || estimate
                .coverage
                .is_some_and(|coverage| self.coverage.contains(&coverage));
        group_matches
            && coverage_matches
            && author_matches
            && kind_matches
            && year_matches
            && span_matches
            && region_matches
            && source_matches
            && estimate.overlaps_range(self.min, self.max)
    }

    /// The estimates that pass, in the dataset's order.
    pub fn apply<'a>(&self, dataset: &'a Dataset<'a>) -> Vec<&'a Estimate<'a>> {
        let lookups = Lookups::new(self, dataset);
        dataset
            .estimates
            .iter()
            .filter(|estimate| self.passes(estimate, &lookups))
            .collect()
    }
}

/// What a filter looks up in the dataset once for all estimates rather than once for each.
struct Lookups<'a> {
    /// The ids of the sources whose publisher or title contains the `--source` text.
    sources_named: HashSet<&'a str>,
    /// The `--region` text and the English names it stands for ([`equivalents`](super::equivalents)).
    regions: Wanted,
    /// The `--attributed-to` text and the English names it stands for.
    authors: Wanted,
}

impl<'a> Lookups<'a> {
    fn new(filter: &EstimateFilter, dataset: &'a Dataset<'a>) -> Self {
        let equivalents_of = |text: &Option<String>| {
            Wanted::new(
                &text
                    .as_deref()
                    .map(|text| looked_for(dataset, text))
                    .unwrap_or_default(),
            )
        };
        Lookups {
            sources_named: filter.sources_named(dataset),
            regions: equivalents_of(&filter.region),
            authors: equivalents_of(&filter.attributed_to),
        }
    }
}

/// Folded texts looked for together: a text is folded once and read once, however many there
/// are (a text that stands for thousands of names costs no more per record than one).
#[derive(Debug, Clone)]
pub(super) struct Wanted(Option<AhoCorasick>);

impl Wanted {
    pub(super) fn new(folded: &[String]) -> Self {
        // No text to look for finds nothing; an automaton that cannot be built (far past any
        // size a dataset reaches) would be no better.
        Wanted(if folded.is_empty() {
            None
        } else {
            AhoCorasick::new(folded).ok()
        })
    }

    /// Whether `text`, folded, contains any of the texts.
    fn in_text(&self, text: &str) -> bool {
        self.0
            .as_ref()
            .is_some_and(|automaton| automaton.is_match(&fold(text)))
    }
}

/// Whether `text` contains any of the folded texts.
pub(super) fn contains_any(text: &str, folded: &Wanted) -> bool {
    folded.in_text(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::fixture as dataset;
    use crate::query::resolve_groups;
    fn filtered(filter: &EstimateFilter) -> Vec<String> {
        let dataset = dataset();
        filter
            .apply(&dataset)
            .iter()
            .map(|estimate| estimate.id.to_string())
            .collect()
    }

    #[test]
    fn filters_select_by_group_year_span_region_source_and_range() {
        let all = filtered(&EstimateFilter::default());
        assert_eq!(all.len(), 4);
        let workers = filtered(&EstimateFilter {
            groups: resolve_groups(&dataset(), &[String::from("worker")]).expect("a group"),
            ..Default::default()
        });
        assert_eq!(workers, ["workers-1940s", "workers-any-year"]);
        let in_1999 = filtered(&EstimateFilter {
            year: Some(1999),
            ..Default::default()
        });
        assert_eq!(in_1999, ["refugees-1999"]);
        let nineties_on = filtered(&EstimateFilter {
            from: Some(1990),
            ..Default::default()
        });
        assert_eq!(nineties_on, ["total-2006", "refugees-1999"]);
        let sakhalin = filtered(&EstimateFilter {
            region: Some(String::from("sakhalin")),
            ..Default::default()
        });
        assert_eq!(sakhalin, ["workers-1940s"]);
        let kyung_hee = filtered(&EstimateFilter {
            attributed_to: Some(String::from("kyung hee")),
            ..Default::default()
        });
        assert_eq!(kyung_hee, ["total-2006"]);
        let wikipedia = filtered(&EstimateFilter {
            source: Some(String::from("wikipedia")),
            ..Default::default()
        });
        assert_eq!(wikipedia.len(), 4);
        let recruits = filtered(&EstimateFilter {
            counts: vec![Counts::Recruited],
            ..Default::default()
        });
        assert_eq!(recruits, ["workers-1940s"]);
        let thousands = filtered(&EstimateFilter {
            min: Some(9000),
            max: Some(16000),
            ..Default::default()
        });
        assert_eq!(thousands, ["total-2006", "workers-any-year"]);
    }
}
