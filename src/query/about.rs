//! The dataset's own facts for `nkru about`: what it is about, its version, the day it was
//! checked and how far its figures run.

use crate::dataset::{Dataset, Date, Estimate};

/// The dataset's own facts, for `nkru about`: what it is about, its version, the day it was
/// checked and how far its figures run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct About<'a> {
    /// The dataset.
    pub dataset: &'a Dataset<'a>,
    /// The latest date any figure reaches ([`figures_end`]).
    pub figures_to: Option<Date>,
}

/// The dataset's own facts.
pub fn about<'a>(dataset: &'a Dataset<'a>) -> About<'a> {
    About {
        dataset,
        figures_to: figures_end(dataset),
    }
}

/// The latest date any figure of the dataset reaches: how far its figures run.
pub fn figures_end(dataset: &Dataset) -> Option<Date> {
    reach(&dataset.estimates)
}

/// The latest date any of `estimates` reaches: how far those figures run.
pub fn reach<'e>(estimates: impl IntoIterator<Item = &'e Estimate<'e>>) -> Option<Date> {
    estimates
        .into_iter()
        .filter_map(|estimate| estimate.period.latest())
        .max_by_key(|date| date.key())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::fixture;

    #[test]
    fn figures_run_to_the_latest_date_any_of_them_reaches() {
        let dataset = fixture();
        let about = about(&dataset);
        assert_eq!(
            about.figures_to.map(|date| date.to_string()),
            Some(String::from("2006"))
        );
        assert_eq!(
            reach(&dataset.estimates[1..3]).map(|date| date.to_string()),
            Some(String::from("1949"))
        );
        assert_eq!(reach(&dataset.estimates[2..3]), None);
    }
}
