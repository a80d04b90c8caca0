//! Synthetic datasets of any size in nkru's own format, for benchmarks and scale tests.

use super::model::{
    Counts, Coverage, Dataset, Date, Estimate, Event, Fact, Group, Period, Precision, Qualifier,
    Related, Source, SourceKind,
};

/// How the records of a synthetic dataset are spread, as numbers of estimates for each record
/// of the other lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shape {
    /// Estimates for each group.
    pub estimates_per_group: usize,
    /// Estimates for each event.
    pub estimates_per_event: usize,
    /// Estimates for each source.
    pub estimates_per_source: usize,
    /// Estimates for each related population.
    pub estimates_per_related: usize,
    /// Documented periods of each group.
    pub periods_per_group: usize,
}

/// Few groups and sources with many estimates each, like a long-running dataset of one subject.
pub const DEEP: Shape = Shape {
    estimates_per_group: 1_000,
    estimates_per_event: 10,
    estimates_per_source: 100,
    estimates_per_related: 10_000,
    periods_per_group: 1,
};

/// Many groups, sources and periods with few estimates each: where a cost that grows with
/// groups times estimates, or sources times records, shows.
pub const WIDE: Shape = Shape {
    estimates_per_group: 5,
    estimates_per_event: 2,
    estimates_per_source: 5,
    estimates_per_related: 1_000,
    periods_per_group: 20,
};

/// Regions the synthetic estimates are spread over.
const REGIONS: &[&str] = &[
    "Sakhalin",
    "Primorsky Krai",
    "Khabarovsk Krai",
    "Amur Oblast",
    "Moscow",
    "Saint Petersburg",
    "Vladivostok",
    "eastern regions of Russia",
];

/// A small, fast, deterministic generator of pseudo-random numbers (SplitMix64).
#[derive(Debug, Clone)]
pub struct Sequence {
    state: u64,
}

impl Sequence {
    /// A sequence that always yields the same numbers for the same seed.
    pub fn new(seed: u64) -> Self {
        Sequence { state: seed }
    }

    /// The next number of the sequence.
    pub fn next_number(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut mixed = self.state;
        mixed = (mixed ^ (mixed >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        mixed = (mixed ^ (mixed >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        mixed ^ (mixed >> 31)
    }

    /// A number from 0 up to, not including, `bound` (which must not be 0).
    pub fn below(&mut self, bound: u64) -> u64 {
        self.next_number() % bound
    }

    /// True about once in `times`.
    fn one_in(&mut self, times: u64) -> bool {
        self.below(times) == 0
    }

    /// An index into a list of `length` items.
    fn index(&mut self, length: usize) -> usize {
        usize::try_from(self.below(length as u64)).unwrap_or(0)
    }

    /// A year from 1945 to 2024.
    fn year(&mut self) -> i32 {
        1945 + i32::try_from(self.below(80)).unwrap_or(0)
    }
}

/// A synthetic dataset with exactly `estimates` estimates and groups, events, sources and related
/// populations in proportion, the same for the same `seed`. It keeps every invariant, and every
/// text says that it is synthetic.
pub fn dataset(estimates: usize, seed: u64) -> Dataset<'static> {
    shaped(estimates, seed, DEEP)
}

/// A valid synthetic dataset of exactly `estimates` estimates, its other lists sized by `shape`.
pub fn shaped(estimates: usize, seed: u64, shape: Shape) -> Dataset<'static> {
    let mut sequence = Sequence::new(seed);
    let group_count = (estimates / shape.estimates_per_group).max(3);
    let source_count = (estimates / shape.estimates_per_source).max(1);
    let event_count = (estimates / shape.estimates_per_event).max(1);
    let related_count = (estimates / shape.estimates_per_related).max(1);
    let sources = sources(&mut sequence, source_count);
    let groups = groups(
        &mut sequence,
        group_count,
        shape.periods_per_group,
        &sources,
    );
    let estimates = estimate_list(&mut sequence, estimates, &groups, &sources);
    let events = events(&mut sequence, event_count, &groups, &sources);
    let related = related(&mut sequence, related_count, &sources);
    Dataset {
        title: String::from("Synthetic dataset").into(),
        overview: String::from("Made-up records in nkru's format, for measuring speed and memory.")
            .into(),
        categories: vec![String::from("Synthetic data")].into(),
        version: format!("synthetic-{seed}").into(),
        as_of: Date {
            year: 2024,
            month: Some(1),
            day: Some(1),
        },
        groups: groups.into(),
        estimates: estimates.into(),
        events: events.into(),
        sources: sources.into(),
        related: related.into(),
        names: Vec::new().into(),
        index: crate::dataset::index::IndexCell::default(),
    }
}

/// The id of a source picked at random.
fn source_id(sequence: &mut Sequence, sources: &[Source]) -> String {
    sources[sequence.index(sources.len())].id.to_string()
}

/// The synthetic sources.
fn sources(sequence: &mut Sequence, count: usize) -> Vec<Source<'static>> {
    (0..count)
        .map(|index| Source {
            id: format!("source-{index}").into(),
            publisher: format!("Synthetic publisher {}", index % 97).into(),
            title: format!("Synthetic source {index}").into(),
            title_english: None,
            date: (!sequence.one_in(4)).then(|| year(sequence.year())),
            url: Some(format!("https://example.org/synthetic/{index}").into()),
            retrieved: Some(year(2024)),
            kind: SourceKind::Study,
            original_publisher: None,
            language: Some(String::from("en").into()),
            note: Some(format!("Synthetic source number {index}, made up for benchmarks.").into()),
        })
        .collect()
}

/// The synthetic groups, each with its periods and one fact.
fn groups(
    sequence: &mut Sequence,
    count: usize,
    periods: usize,
    sources: &[Source],
) -> Vec<Group<'static>> {
    (0..count)
        .map(|index| {
            let from = sequence.year();
            Group {
                id: format!("group-{index}").into(),
                name: format!("Synthetic group {index}").into(),
                aliases: vec![format!("synthetic {index}"), format!("group {index}")].into(),
                description: format!("Synthetic group number {index}, made up for benchmarks.")
                    .into(),
                periods: (0..periods)
                    .map(|number| {
                        let start = if number == 0 { from } else { sequence.year() };
                        period(sequence, start)
                    })
                    .collect(),
                facts: vec![Fact {
                    text: format!("Group {index} is synthetic.").into(),
                    source: source_id(sequence, sources).into(),
                    section: Some(String::from("Synthetic section").into()),
                }]
                .into(),
            }
        })
        .collect()
}

/// The synthetic estimates.
fn estimate_list(
    sequence: &mut Sequence,
    count: usize,
    groups: &[Group],
    sources: &[Source],
) -> Vec<Estimate<'static>> {
    (0..count)
        .map(|index| {
            let low = sequence.below(100_000);
            let high = low + sequence.below(10_000);
            let from = sequence.year();
            Estimate {
                id: format!("estimate-{index}").into(),
                group: (!sequence.one_in(10))
                    .then(|| groups[sequence.index(groups.len())].id.to_string().into()),
                low,
                high,
                qualifiers: if sequence.one_in(2) {
                    vec![Qualifier::About].into()
                } else {
                    Vec::new().into()
                },
                counts: Counts::ALL[sequence.index(Counts::ALL.len())],
                period: period(sequence, from),
                region: (!sequence.one_in(10))
                    .then(|| REGIONS[sequence.index(REGIONS.len())].into()),
                attributed_to: format!("Synthetic author {}", index % 97).into(),
                party_to_conflict: sequence.one_in(10),
                source: source_id(sequence, sources).into(),
                section: Some(String::from("Synthetic section").into()),
                note: Some(String::from("synthetic people counted").into()),
                coverage: Some(Coverage::ALL[index % Coverage::ALL.len()]),
                same_figure_as: crate::dataset::List::default(),
            }
        })
        .collect()
}

/// The synthetic events, each of one group.
fn events(
    sequence: &mut Sequence,
    count: usize,
    groups: &[Group],
    sources: &[Source],
) -> Vec<Event<'static>> {
    (0..count)
        .map(|index| {
            let from = sequence.year();
            Event {
                id: format!("event-{index}").into(),
                period: Period {
                    precision: Precision::Year,
                    from: Some(year(from)),
                    to: Some(year(from + i32::try_from(sequence.below(3)).unwrap_or(0))),
                    text: format!("around {from}").into(),
                },
                description: format!("Synthetic event number {index}, made up for benchmarks.")
                    .into(),
                groups: vec![groups[sequence.index(groups.len())].id.to_string()].into(),
                attributed_to: None,
                source: source_id(sequence, sources).into(),
                section: Some(String::from("Synthetic section").into()),
            }
        })
        .collect()
}

/// The synthetic related populations.
fn related(sequence: &mut Sequence, count: usize, sources: &[Source]) -> Vec<Related<'static>> {
    (0..count)
        .map(|index| Related {
            id: format!("related-{index}").into(),
            name: format!("Synthetic population {index}").into(),
            description: format!("Synthetic related population number {index}.").into(),
            origin: String::from("a synthetic origin").into(),
            destination: String::from("a synthetic destination").into(),
            period: Period {
                precision: Precision::Unknown,
                from: None,
                to: None,
                text: String::from("no years given").into(),
            },
            source: source_id(sequence, sources).into(),
            section: Some(String::from("Synthetic section").into()),
        })
        .collect()
}

/// A date of a year alone.
fn year(year: i32) -> Date {
    Date {
        year,
        month: None,
        day: None,
    }
}

/// A period starting at `from`: mostly a closed span, sometimes open or of one year.
fn period(sequence: &mut Sequence, from: i32) -> Period<'static> {
    match sequence.below(4) {
        0 => Period {
            precision: Precision::Open,
            from: Some(year(from)),
            to: None,
            text: format!("since {from}").into(),
        },
        1 => Period {
            precision: Precision::Year,
            from: Some(year(from)),
            to: None,
            text: from.to_string().into(),
        },
        _ => {
            let to = from + i32::try_from(sequence.below(10)).unwrap_or(0);
            Period {
                precision: Precision::Year,
                from: Some(year(from)),
                to: Some(year(to)),
                text: format!("{from} to {to}").into(),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::{self as data, Origin};

    #[test]
    fn a_synthetic_dataset_has_exactly_the_estimates_asked_for_and_is_valid() {
        for size in [0, 1, 999, 2_500] {
            let dataset = dataset(size, 7);
            assert_eq!(dataset.estimates.len(), size);
            assert!(dataset.groups.len() >= 3);
            assert!(!dataset.sources.is_empty());
            let problems = data::validate(&dataset);
            assert!(problems.is_empty(), "{size}: {problems:?}");
        }
    }

    #[test]
    fn proportions_follow_the_size() {
        let dataset = dataset(20_000, 1);
        assert_eq!(dataset.groups.len(), 20);
        assert_eq!(dataset.events.len(), 2_000);
        assert_eq!(dataset.sources.len(), 200);
        assert_eq!(dataset.related.len(), 2);
    }

    #[test]
    fn the_same_seed_gives_the_same_dataset() {
        assert_eq!(dataset(500, 42), dataset(500, 42));
        assert_ne!(dataset(500, 42), dataset(500, 43));
    }

    #[test]
    fn a_written_synthetic_dataset_loads_back_unchanged() {
        let original = dataset(1_000, 3);
        let text = serde_json::to_string_pretty(&original).expect("a dataset serializes");
        let parsed = data::parse(&text, &Origin::Stdin).expect("the text parses");
        assert!(parsed.unknown_fields.is_empty());
        assert_eq!(parsed.dataset, original);
    }
}
