//! Questions asked of a dataset, one file each: names (`names`), the estimate filter (`filter`),
//! a group's overview and detail (`overview`), summaries, trends and the current picture
//! (`summary`), the timeline (`timeline`), search (`search`), citations and facts
//! (`citations`), the dataset's own facts (`about`), languages (`localize`) and the headline
//! rules (`headline`). Knows nothing of the command line.

mod about;
mod citations;
mod filter;
pub mod headline;
mod localize;
mod names;
mod overview;
mod search;
mod summary;
mod timeline;

pub use about::{About, about, figures_end, reach};
pub use citations::{Citable, Citations, FactRecord, citable, citations, fact_id, facts};
pub use filter::EstimateFilter;
pub use localize::{Language, Localize, Names};
pub use names::{
    equivalents, resolve_group, resolve_groups, resolve_population, resolve_shown_group,
    resolve_summary_groups,
};
pub use overview::{
    GroupDetail, GroupOverview, detail, documented_span, estimates_of, latest, overview, overviews,
    source_by_id, sources_of, span,
};
pub use search::{Hit, search};
pub use summary::{Summary, Trend, now, summarize, summary_of, trend};
pub use timeline::{events_of, timeline, timeline_years};

/// Each item once, in the order it first comes: a set remembers what has come, so the cost grows
/// with the items, not with their square.
pub fn distinct<T: Eq + std::hash::Hash + Clone>(items: impl IntoIterator<Item = T>) -> Vec<T> {
    let mut seen = std::collections::HashSet::new();
    items
        .into_iter()
        .filter(|item| seen.insert(item.clone()))
        .collect()
}

/// The id of the summary line that covers the whole population.
pub const TOTAL_ID: &str = "total";

/// The article's records alone, small enough for every figure to be named.
#[cfg(test)]
fn fixture() -> crate::dataset::Dataset<'static> {
    let text = include_str!("../../tests/it/fixtures/article.json");
    crate::dataset::parse(text, &crate::dataset::Origin::Stdin)
        .expect("the fixture parses")
        .dataset
}

#[cfg(test)]
mod tests {
    #[test]
    fn distinct_keeps_each_item_once_in_the_order_it_first_comes() {
        assert_eq!(
            super::distinct(["b", "a", "b", "c", "a"]),
            vec!["b", "a", "c"]
        );
        assert_eq!(super::distinct(Vec::<u8>::new()), Vec::<u8>::new());
    }
}
