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
