//! The dataset's types, exactly as they are written in a dataset file.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A whole dataset: the groups, their population estimates, events, sources and related peoples.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Dataset {
    /// The subject of the dataset, as the article titles it.
    pub title: String,
    /// A short description of the whole subject.
    pub overview: String,
    /// The categories the article is filed under.
    pub categories: Vec<String>,
    /// The version of the dataset's content.
    pub version: String,
    /// The latest year the dataset's figures describe.
    pub as_of: i32,
    /// The groups of people the dataset is about.
    pub groups: Vec<Group>,
    /// Population estimates, each a range with its period, region and source.
    pub estimates: Vec<Estimate>,
    /// Dated events.
    pub events: Vec<Event>,
    /// The sources that records cite.
    pub sources: Vec<Source>,
    /// Populations related to the subject but not part of it.
    pub related: Vec<Related>,
}

/// One group of people, such as the guest workers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Group {
    /// Short unique identifier, such as `workers`.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Other names the group goes by; any of them finds the group.
    pub aliases: Vec<String>,
    /// What the group is.
    pub description: String,
    /// The spans of time in which the group is documented.
    pub periods: Vec<Period>,
    /// Key facts about the group, each with its source.
    pub facts: Vec<Fact>,
}

/// A statement about a group, with where it comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Fact {
    /// The fact, in plain words.
    pub text: String,
    /// Id of the source that states it.
    pub source: String,
    /// Section of the article it comes from.
    pub section: String,
}

/// A span of years; either end may be unknown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Period {
    /// First year, or null when the source gives none.
    pub from: Option<i32>,
    /// Last year, or null when the source gives none or the span is still open.
    pub to: Option<i32>,
    /// How the source words the period.
    pub text: String,
}

/// A population estimate: a range of people counted over a period in a region.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Estimate {
    /// Short unique identifier.
    pub id: String,
    /// Id of the group counted, or null for the whole population.
    pub group: Option<String>,
    /// Lower figure of the range.
    pub low: u64,
    /// Upper figure of the range; equal to `low` for a single figure.
    pub high: u64,
    /// Whether the source calls the figure approximate.
    pub approximate: bool,
    /// When the count applies.
    pub period: Period,
    /// Where the count applies, or null when the source does not say.
    pub region: Option<String>,
    /// What exactly is counted.
    pub measure: String,
    /// Id of the source of the figure.
    pub source: String,
    /// Section of the article the figure comes from.
    pub section: String,
}

/// A dated happening.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Event {
    /// Short unique identifier.
    pub id: String,
    /// When it happened; `from` is required for an event.
    pub period: Period,
    /// What happened.
    pub description: String,
    /// Ids of the groups involved.
    pub groups: Vec<String>,
    /// Id of the source that reports it.
    pub source: String,
    /// Section of the article it comes from.
    pub section: String,
}

/// A work that records cite.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Source {
    /// Short unique identifier.
    pub id: String,
    /// Title or name of the work.
    pub name: String,
    /// What sort of work it is, such as `academic study`.
    pub kind: String,
    /// Who produced it, or null when unknown.
    pub author: Option<String>,
    /// The year it was produced, or null when unknown.
    pub year: Option<i32>,
    /// What it is and what it is cited for.
    pub description: String,
}

/// A population related to the subject, such as the Koryo-saram.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Related {
    /// Short unique identifier.
    pub id: String,
    /// Name of the population.
    pub name: String,
    /// Who they are.
    pub description: String,
    /// Where they came from.
    pub origin: String,
    /// Where they went.
    pub destination: String,
    /// When they moved.
    pub period: Period,
    /// Id of the source that describes them.
    pub source: String,
    /// Section of the article they are described in.
    pub section: String,
}

impl Period {
    /// Whether the period is known to include `year`; a period with no known years includes none.
    pub fn covers(&self, year: i32) -> bool {
        match (self.from, self.to) {
            (None, None) => false,
            (from, to) => from.is_none_or(|from| from <= year) && to.is_none_or(|to| year <= to),
        }
    }

    /// Whether the period is known to overlap the span `from..=to`, either end open.
    pub fn overlaps(&self, from: Option<i32>, to: Option<i32>) -> bool {
        if self.from.is_none() && self.to.is_none() {
            return false;
        }
        let starts_before_end = match (self.from, to) {
            (Some(start), Some(end)) => start <= end,
            _ => true,
        };
        let ends_after_start = match (self.to, from) {
            (Some(end), Some(start)) => end >= start,
            _ => true,
        };
        starts_before_end && ends_after_start
    }

    /// Whether the period passes a filter of years: any period when neither bound is given,
    /// otherwise one known to overlap `from..=to`.
    pub fn within(&self, from: Option<i32>, to: Option<i32>) -> bool {
        (from.is_none() && to.is_none()) || self.overlaps(from, to)
    }

    /// The latest year the period is known to reach, for ordering by recency.
    pub fn latest_year(&self) -> Option<i32> {
        self.to.or(self.from)
    }
}

impl Estimate {
    /// The figures as people read them, such as `about 15,000–20,000`.
    pub fn figures(&self) -> String {
        crate::text::figure_range(self.low, self.high, self.approximate)
    }

    /// Whether the range `low..=high` overlaps the bounds given, either end open.
    pub fn overlaps_range(&self, min: Option<u64>, max: Option<u64>) -> bool {
        min.is_none_or(|min| self.high >= min) && max.is_none_or(|max| self.low <= max)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn period(from: Option<i32>, to: Option<i32>) -> Period {
        Period {
            from,
            to,
            text: String::from("test"),
        }
    }

    #[test]
    fn covers_closed_open_and_unknown_periods() {
        assert!(period(Some(1945), Some(1949)).covers(1945));
        assert!(period(Some(1945), Some(1949)).covers(1949));
        assert!(!period(Some(1945), Some(1949)).covers(1950));
        assert!(!period(Some(1945), Some(1949)).covers(1944));
        assert!(period(Some(2000), None).covers(2020));
        assert!(!period(Some(2000), None).covers(1999));
        assert!(period(None, Some(1990)).covers(1900));
        assert!(!period(None, None).covers(2000));
    }

    #[test]
    fn overlaps_touching_disjoint_and_open_spans() {
        let late_forties = period(Some(1945), Some(1949));
        assert!(late_forties.overlaps(Some(1949), Some(1960)));
        assert!(late_forties.overlaps(Some(1930), Some(1945)));
        assert!(!late_forties.overlaps(Some(1950), None));
        assert!(!late_forties.overlaps(None, Some(1944)));
        assert!(late_forties.overlaps(None, None));
        assert!(late_forties.overlaps(Some(1946), Some(1947)));
        assert!(!period(None, None).overlaps(None, None));
        assert!(period(Some(2000), None).overlaps(Some(2020), Some(2021)));
    }

    #[test]
    fn range_overlap_bounds_both_ends() {
        let estimate = Estimate {
            id: String::from("e"),
            group: None,
            low: 100,
            high: 500,
            approximate: false,
            period: period(None, None),
            region: None,
            measure: String::from("m"),
            source: String::from("s"),
            section: String::from("s"),
        };
        assert!(estimate.overlaps_range(Some(500), None));
        assert!(!estimate.overlaps_range(Some(501), None));
        assert!(estimate.overlaps_range(None, Some(100)));
        assert!(!estimate.overlaps_range(None, Some(99)));
        assert!(estimate.overlaps_range(Some(200), Some(300)));
        assert!(estimate.overlaps_range(None, None));
    }
}
