//! The dataset's own facts for `nkru about`: what it is about, its version, the day it was
//! checked and how far its figures run.

use crate::dataset::{Dataset, Date};

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
    dataset
        .estimates
        .iter()
        .filter_map(|estimate| estimate.period.latest())
        .max_by_key(|date| date.key())
}
