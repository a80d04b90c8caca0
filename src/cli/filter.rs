//! The filters of the population estimates as the command line gives them: their flags, the
//! checks that refuse a filter that could match nothing, and the query's filter made of them.

use std::collections::HashSet;

use clap::Args;

use super::values::{self, check_bounds, check_year_in_span};
use crate::dataset::{Counts, Coverage, Dataset};
use crate::error::{Error, Result};
use crate::query::{self, EstimateFilter};

/// Filters of the population estimates; they combine.
#[derive(Debug, Clone, Default, Args)]
pub struct EstimateFilterArgs {
    /// Only estimates of these groups (repeatable, or comma-separated).
    #[arg(long = "group", value_name = "NAME", value_delimiter = ',', value_parser = values::name)]
    pub groups: Vec<String>,

    /// Only estimates whose period covers this year.
    #[arg(long, value_name = "YEAR", value_parser = values::year, allow_negative_numbers = true)]
    pub year: Option<i32>,

    /// Only estimates whose period reaches this year or later.
    #[arg(long, value_name = "YEAR", value_parser = values::year, allow_negative_numbers = true)]
    pub from: Option<i32>,

    /// Only estimates whose period starts this year or earlier.
    #[arg(long, value_name = "YEAR", value_parser = values::year, allow_negative_numbers = true)]
    pub to: Option<i32>,

    /// Only estimates whose region contains this text.
    #[arg(long, value_name = "TEXT")]
    pub region: Option<String>,

    /// Only estimates whose source id, publisher or title contains this text.
    #[arg(long, value_name = "TEXT")]
    pub source: Option<String>,

    /// Only figures made by someone whose name contains this text, such as `intelligence`.
    #[arg(long, value_name = "TEXT")]
    pub attributed_to: Option<String>,

    /// Only figures that count this (repeatable, or comma-separated).
    #[arg(long, value_name = "KIND", value_enum, value_delimiter = ',')]
    pub counts: Vec<Counts>,

    /// Only figures of this coverage: all of Russia, or a region, city or site (repeatable, or
    /// comma-separated).
    #[arg(long, value_name = "COVERAGE", value_enum, value_delimiter = ',')]
    pub coverage: Vec<Coverage>,

    /// Only estimates whose range reaches N or more.
    #[arg(long, value_name = "N", value_parser = values::figure, allow_negative_numbers = true)]
    pub min: Option<u64>,

    /// Only estimates whose range reaches N or less.
    #[arg(long, value_name = "N", value_parser = values::figure, allow_negative_numbers = true)]
    pub max: Option<u64>,
}

impl EstimateFilterArgs {
    /// Refuses filters that could match nothing.
    pub fn check(&self) -> Result<()> {
        check_bounds(self.from, self.to, "--from", "--to")?;
        check_year_in_span(self.year, self.from, self.to)?;
        check_bounds(self.min, self.max, "--min", "--max")?;
        let blank =
            |text: &Option<String>| text.as_deref().is_some_and(|text| text.trim().is_empty());
        if blank(&self.region) || blank(&self.source) || blank(&self.attributed_to) {
            return Err(Error::Usage(String::from(
                "--region, --source and --attributed-to need some text to look for",
            )));
        }
        Ok(())
    }

    /// The query's filter: group names resolved, texts folded. Its bounds were checked with the
    /// rest of the configuration.
    pub fn filter(&self, dataset: &Dataset) -> Result<EstimateFilter> {
        let lowered = |text: &Option<String>| text.as_deref().map(crate::text::fold);
        Ok(EstimateFilter {
            groups: populations(dataset, &self.groups)?,
            year: self.year,
            from: self.from,
            to: self.to,
            region: lowered(&self.region),
            source: lowered(&self.source),
            attributed_to: lowered(&self.attributed_to),
            counts: self.counts.clone(),
            coverage: self.coverage.clone(),
            min: self.min,
            max: self.max,
        })
    }
}

/// Resolves each name to a group or related population id (or `total`, the figures of all North
/// Koreans), in order, without repeats.
fn populations(dataset: &Dataset, names: &[String]) -> Result<Vec<String>> {
    let mut ids: Vec<String> = Vec::new();
    let mut seen: HashSet<String> = HashSet::new();
    for name in names {
        let id = if crate::text::fold(name.trim()) == query::TOTAL_ID {
            query::TOTAL_ID.to_owned()
        } else {
            query::resolve_population(dataset, name)?
        };
        if seen.insert(id.clone()) {
            ids.push(id);
        }
    }
    Ok(ids)
}
