//! The chart of figures over time: time across, the figure up, one panel per kind of figure,
//! each figure a labelled mark (a point, or a bar from its low to its high figure) keyed to a
//! list that says what it is and who made it. This module holds what the terminal's plot
//! (`terminal.rs`) and the SVG chart share: the marks, the panels, the time axis and the figure
//! axis.

mod terminal;

pub use terminal::{chart, needed_width};

use std::collections::{HashMap, HashSet};

use super::human::period_label;
use crate::dataset::{Counts, Coverage, Dataset, Date, Estimate};
use crate::query::Names;
use crate::query::headline::{maker, over_time};
use crate::text::{escape_control, thousands};

/// What the chart over time draws.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options<'n> {
    /// The kinds of figure, one panel each, in the documented order of kinds.
    pub kinds: Vec<Counts>,
    /// Whether the figure axis is logarithmic rather than linear.
    pub log: bool,
    /// Whether every figure is drawn whatever it covers (the user filtered by region or
    /// coverage), rather than each group's widest coverage.
    pub every_coverage: bool,
    /// The names of regions as the chart shows them.
    pub names: &'n Names<'n>,
    /// How far the figures asked for run ([`crate::query::reach`]), for the picture's footnote.
    pub figures_to: Option<Date>,
}

/// One figure placed in time.
#[derive(Debug, Clone, Copy)]
pub struct Mark<'a> {
    /// The figure.
    pub estimate: &'a Estimate<'a>,
    /// When it applies, in years: the last date its period reaches, as a fraction of a year.
    pub when: f64,
    /// The place it covers when it covers a part of Russia ([`place`]), as the chart shows it.
    pub place: Option<&'a str>,
}

impl Mark<'_> {
    /// The group it counts, or none for all North Koreans.
    pub fn series(&self) -> Option<&str> {
        self.estimate.group.as_deref()
    }

    /// What it is in words for a key: the group (`with_series`), the period, the figures, the
    /// place when it covers a part of Russia, who made it and the source.
    pub fn words(&self, with_series: bool) -> String {
        let estimate = self.estimate;
        let mut words = String::new();
        if with_series {
            words.push_str(self.series().unwrap_or("total"));
            words.push(' ');
        }
        words.push_str(&period_label(&estimate.period));
        words.push_str(": ");
        words.push_str(&estimate.figures());
        if let Some(region) = self.place {
            words.push_str(" in ");
            words.push_str(region);
        }
        words.push_str(" — ");
        words.push_str(maker(&estimate.attributed_to));
        if estimate.party_to_conflict {
            words.push_str(" (a party to the conflict)");
        }
        words.push_str(" [");
        words.push_str(&estimate.source);
        words.push(']');
        escape_control(&words).into_owned()
    }
}

/// The place a figure covers when it covers a part of Russia, for its words, as `names` shows
/// it.
pub fn place<'a>(estimate: &'a Estimate<'_>, names: &'a Names<'a>) -> Option<&'a str> {
    let region = names.region(estimate.region.as_deref()?);
    (estimate.coverage != Some(Coverage::Russia) && !region.eq_ignore_ascii_case("russia"))
        .then_some(region)
}

/// The figures of one kind over time.
#[derive(Debug, Clone)]
pub struct Panel<'a> {
    /// What they count.
    pub counts: Counts,
    /// Each figure, oldest first; figures of the same time in the order of their series.
    pub marks: Vec<Mark<'a>>,
}

impl Panel<'_> {
    /// The heading: what the figures count, in words.
    pub fn heading(&self) -> String {
        let meaning = self.counts.meaning();
        let mut characters = meaning.chars();
        let capitalised: String = characters
            .next()
            .map(|first| first.to_uppercase().chain(characters).collect())
            .unwrap_or_default();
        format!("{capitalised} ({})", self.counts.name())
    }

    /// The lowest and highest figure drawn.
    pub fn bounds(&self) -> (u64, u64) {
        let low = self
            .marks
            .iter()
            .map(|mark| mark.estimate.low)
            .min()
            .unwrap_or(0);
        let high = self
            .marks
            .iter()
            .map(|mark| mark.estimate.high)
            .max()
            .unwrap_or(0);
        (low, high)
    }
}

/// The series of the estimates in the order a legend lists them: the total, then the groups in
/// the dataset's order, then related populations.
pub fn series_order<'a>(dataset: &Dataset, estimates: &[&'a Estimate<'a>]) -> Vec<Option<&'a str>> {
    let mut seen: HashSet<Option<&str>> = HashSet::new();
    let mut series: Vec<Option<&str>> = Vec::new();
    for estimate in estimates {
        let group = estimate.group.as_deref();
        if seen.insert(group) {
            series.push(group);
        }
    }
    series.sort_by_key(|group| series_rank(dataset, *group));
    series
}

/// Where a series stands among the others: the total, the groups in order, related populations.
fn series_rank(dataset: &Dataset, group: Option<&str>) -> (u8, usize) {
    match group {
        None => (0, 0),
        Some(id) => dataset
            .group_position(id)
            .map_or((2, 0), |index| (1, index)),
    }
}

/// The panels of the chart: for each kind asked for, each series' figures over time
/// ([`over_time`]), placed at the dates they reach.
pub fn panels<'a>(
    dataset: &Dataset,
    estimates: &[&'a Estimate<'a>],
    options: &Options<'a>,
) -> Vec<Panel<'a>> {
    let series = series_order(dataset, estimates);
    let mut by_series: HashMap<Option<&str>, Vec<&Estimate>> = HashMap::new();
    for estimate in estimates {
        by_series
            .entry(estimate.group.as_deref())
            .or_default()
            .push(estimate);
    }
    options
        .kinds
        .iter()
        .map(|kind| {
            let mut marks: Vec<Mark> = Vec::new();
            for group in &series {
                let of_series = by_series.get(group).map_or(&[][..], Vec::as_slice);
                for figures in over_time(*kind, of_series, options.every_coverage) {
                    for estimate in figures.estimates {
                        if let Some(when) = when(estimate) {
                            let place = place(estimate, options.names);
                            marks.push(Mark {
                                estimate,
                                when,
                                place,
                            });
                        }
                    }
                }
            }
            marks.sort_by(|one, other| {
                one.when.total_cmp(&other.when).then_with(|| {
                    series_rank(dataset, one.series()).cmp(&series_rank(dataset, other.series()))
                })
            });
            Panel {
                counts: *kind,
                marks,
            }
        })
        .collect()
}

/// When a figure applies, in years: the middle of the last year, month or day its period
/// reaches; none for an undated figure.
pub fn when(estimate: &Estimate) -> Option<f64> {
    let date = estimate.period.latest()?;
    let year = f64::from(date.year);
    Some(match (date.month, date.day) {
        (Some(month), Some(day)) => {
            year + (f64::from(month) - 1.0 + (f64::from(day) - 0.5) / 31.0) / 12.0
        }
        (Some(month), None) => year + (f64::from(month) - 0.5) / 12.0,
        _ => year + 0.5,
    })
}

/// The years across: from the start of the first year a figure reaches to the end of the last.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Years {
    /// The first year.
    pub first: i32,
    /// The last year.
    pub last: i32,
}

// Years are placed as fractions along the axis; they are small whole numbers.
#[allow(clippy::cast_possible_truncation)]
impl Years {
    /// The years that hold every mark of the panels.
    pub fn of(panels: &[Panel]) -> Option<Self> {
        let times = panels
            .iter()
            .flat_map(|panel| &panel.marks)
            .map(|mark| mark.when);
        let (first, last) = times.fold(
            (None, None),
            |(first, last): (Option<f64>, Option<f64>), when| {
                (
                    Some(first.map_or(when, |first| first.min(when))),
                    Some(last.map_or(when, |last| last.max(when))),
                )
            },
        );
        Some(Years {
            first: first?.floor() as i32,
            last: last?.floor() as i32,
        })
    }

    /// Where a time falls, from 0 (the start of the first year) to 1 (the end of the last).
    pub fn fraction(self, when: f64) -> f64 {
        let span = f64::from(self.last - self.first + 1);
        ((when - f64::from(self.first)) / span).clamp(0.0, 1.0)
    }

    /// The years labelled on the axis, each `step` years apart, where a year takes `per_year`
    /// units and a label needs `room` units.
    pub fn ticks(self, per_year: f64, room: f64) -> Vec<i32> {
        let step = [1, 2, 5, 10, 20, 25, 50, 100, 200, 500, 1000]
            .into_iter()
            .find(|step| f64::from(*step) * per_year >= room)
            .unwrap_or(1000);
        let start = self.first + (step - self.first.rem_euclid(step)) % step;
        (start..=self.last + 1)
            .step_by(step.unsigned_abs() as usize)
            .collect()
    }
}

/// The figure axis: linear from zero, or logarithmic over whole powers of ten.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Axis {
    /// From zero to `top`, labelled every `step`.
    Linear {
        /// The figure at the top.
        top: u64,
        /// The figures between labels.
        step: u64,
    },
    /// From one power of ten to another, each labelled.
    Log {
        /// The power of ten at the bottom.
        low_exponent: u32,
        /// The power of ten at the top; always above `low_exponent`.
        high_exponent: u32,
    },
}

// Positions on an axis are fractions; figures become floats to be placed.
#[allow(clippy::cast_precision_loss)]
impl Axis {
    /// The axis that holds every figure from `lowest` to `highest`.
    pub fn new(log: bool, lowest: u64, highest: u64) -> Self {
        if log {
            let low_exponent = lowest.max(1).ilog10();
            let highest = highest.max(1);
            let mut high_exponent = highest.ilog10();
            if 10_u64.checked_pow(high_exponent) != Some(highest) {
                high_exponent += 1;
            }
            return Axis::Log {
                low_exponent,
                high_exponent: high_exponent.max(low_exponent + 1),
            };
        }
        let highest = highest.max(1);
        let rough = highest.div_ceil(4).max(1);
        let magnitude = 10_u64.pow(rough.ilog10());
        let step = [1, 2, 5, 10]
            .into_iter()
            .map(|times| magnitude.saturating_mul(times))
            .find(|step| *step >= rough)
            .unwrap_or(magnitude.saturating_mul(10));
        // Near u64::MAX the next whole step is past it: the top stops at the largest figure.
        Axis::Linear {
            top: highest.div_ceil(step).saturating_mul(step),
            step,
        }
    }

    /// Where a figure falls, from 0 (the bottom) to 1 (the top).
    pub fn fraction(self, figure: u64) -> f64 {
        match self {
            Axis::Linear { top, .. } => (figure as f64 / top as f64).clamp(0.0, 1.0),
            Axis::Log {
                low_exponent,
                high_exponent,
            } => {
                if figure == 0 {
                    return 0.0;
                }
                let decades = f64::from(high_exponent - low_exponent);
                (((figure as f64).log10() - f64::from(low_exponent)) / decades).clamp(0.0, 1.0)
            }
        }
    }

    /// The labelled figures, bottom first, each with where it falls.
    pub fn ticks(self) -> Vec<(f64, String)> {
        let figures: Vec<u64> = match self {
            Axis::Linear { top, step } => (0..=top / step).map(|index| index * step).collect(),
            Axis::Log {
                low_exponent,
                high_exponent,
            } => (low_exponent..=high_exponent)
                .filter_map(|exponent| 10_u64.checked_pow(exponent))
                .collect(),
        };
        figures
            .into_iter()
            .map(|figure| (self.fraction(figure), thousands(i128::from(figure))))
            .collect()
    }

    /// The scale in words.
    pub fn words(self) -> &'static str {
        match self {
            Axis::Linear { .. } => "on a linear scale",
            Axis::Log { .. } => "on a logarithmic scale",
        }
    }
}

/// The widest figure labels of any panel, so that every panel's years line up.
pub fn widest_labels<T: Ord>(
    panels: &[Panel],
    log: bool,
    measure: impl Fn(&str) -> T,
) -> Option<T> {
    panels
        .iter()
        .filter(|panel| !panel.marks.is_empty())
        .flat_map(|panel| {
            let (low, high) = panel.bounds();
            Axis::new(log, low, high).ticks()
        })
        .map(|(_, label)| measure(&label))
        .max()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_linear_axis_starts_at_zero_and_steps_by_one_two_or_five() {
        assert_eq!(
            Axis::new(false, 100, 37_000),
            Axis::Linear {
                top: 40_000,
                step: 10_000
            }
        );
        assert_eq!(
            Axis::new(false, 5, 180),
            Axis::Linear { top: 200, step: 50 }
        );
        let ticks: Vec<String> = Axis::new(false, 0, 7)
            .ticks()
            .into_iter()
            .map(|(_, text)| text)
            .collect();
        assert_eq!(ticks, ["0", "2", "4", "6", "8"]);
        assert!(Axis::new(false, 0, 100).fraction(50) > Axis::new(false, 0, 100).fraction(10));
    }

    #[test]
    fn a_log_axis_spans_whole_powers_of_ten() {
        let axis = Axis::new(true, 100, 20_000);
        assert_eq!(
            axis,
            Axis::Log {
                low_exponent: 2,
                high_exponent: 5
            }
        );
        assert!((axis.fraction(1_000) - 1.0 / 3.0).abs() < 1e-9);
        assert!(axis.fraction(0).abs() < 1e-9);
        let labels: Vec<String> = axis.ticks().into_iter().map(|(_, text)| text).collect();
        assert_eq!(labels, ["100", "1,000", "10,000", "100,000"]);
        let huge = Axis::new(true, 0, u64::MAX);
        assert_eq!(
            huge,
            Axis::Log {
                low_exponent: 0,
                high_exponent: 20
            }
        );
        assert_eq!(huge.ticks().len(), 20, "10^20 is past u64 and left out");
    }

    #[test]
    fn years_are_labelled_as_often_as_their_labels_fit() {
        let years = Years {
            first: 2001,
            last: 2025,
        };
        assert_eq!(years.ticks(2.0, 6.0), [2005, 2010, 2015, 2020, 2025]);
        assert_eq!(years.ticks(6.0, 6.0).len(), 26);
        assert!(years.fraction(2010.5) < years.fraction(2011.5));
        assert!((years.fraction(2001.0)).abs() < 1e-9);
        assert!((years.fraction(2026.0) - 1.0).abs() < 1e-9);
    }

    /// A figure of people present whose period is `from`, to `to` when given.
    fn figure(from: &str, to: Option<&str>) -> Estimate<'static> {
        Estimate {
            id: "e".into(),
            group: None,
            low: 1,
            high: 1,
            qualifiers: Vec::new().into(),
            counts: Counts::Present,
            period: crate::dataset::Period {
                precision: crate::dataset::Precision::Year,
                from: Some(from.parse().expect("a date")),
                to: to.map(|to| to.parse().expect("a date")),
                text: from.to_owned().into(),
            },
            region: None,
            coverage: None,
            attributed_to: "someone".into(),
            party_to_conflict: false,
            source: "s".into(),
            section: None,
            note: None,
            same_figure_as: crate::dataset::List::default(),
        }
    }

    #[test]
    fn a_figure_stands_at_the_middle_of_the_last_year_month_or_day_it_reaches() {
        let at = |from: &str, to: Option<&str>| when(&figure(from, to)).expect("dated");
        assert!((at("2017", None) - 2017.5).abs() < 1e-9);
        assert!((at("2017-01", None) - (2017.0 + 0.5 / 12.0)).abs() < 1e-9);
        assert!((at("2017-12", None) - (2017.0 + 11.5 / 12.0)).abs() < 1e-9);
        assert!(at("2017-11-30", None) < at("2017-12", None));
        assert!(at("2017-12-01", None) < at("2017-12-31", None));
        // A span stands at its end.
        assert!((at("2010", Some("2012")) - 2012.5).abs() < 1e-9);
        let undated = Estimate {
            period: crate::dataset::Period {
                precision: crate::dataset::Precision::Unknown,
                from: None,
                to: None,
                text: String::from("in any given year").into(),
            },
            ..figure("2017", None)
        };
        assert_eq!(when(&undated), None);
    }
}
