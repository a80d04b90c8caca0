//! Properties of any valid dataset: it renders in every format, JSON gives back its records,
//! filters mean what they say, every name finds its group and summaries agree with their figures.

use std::collections::BTreeSet;

use nkru::Environment;
use nkru::dataset::{
    Counts, Coverage, Dataset, Date, Estimate, Event, Fact, Group, Period, Precision, Qualifier,
    Related, Source, SourceKind,
};
use nkru::query::{self, EstimateFilter};
use proptest::prelude::*;
use proptest::sample::Index;
use serde_json::Value;

/// Text of any characters, control characters included, that is never blank.
fn text() -> impl Strategy<Value = String> {
    any::<String>().prop_map(|text| format!("t{text}"))
}

/// A year as dates hold it: mostly within the span the dataset is about, sometimes anywhere
/// from 0 to 9999.
fn year() -> impl Strategy<Value = i32> {
    prop_oneof![4 => 1900..2030i32, 1 => 0..=9999i32]
}

/// A population figure: mostly modest, sometimes up to `u64::MAX`.
fn figure() -> impl Strategy<Value = u64> {
    prop_oneof![4 => 0..100_000u64, 1 => any::<u64>()]
}

/// A date written with the precision asked for.
fn date_of(precision: Precision, year: i32, month: u8, day: u8) -> Date {
    Date {
        year,
        month: matches!(precision, Precision::Date | Precision::Month).then_some(month),
        day: (precision == Precision::Date).then_some(day),
    }
}

/// A period that keeps the rules of its precision, its ends in order.
fn period() -> impl Strategy<Value = Period<'static>> {
    (
        0..6usize,
        year(),
        0..30i32,
        1..=12u8,
        1..=28u8,
        any::<bool>(),
        text(),
    )
        .prop_map(|(choice, year, length, month, day, closed, text)| {
            let precision = [
                Precision::Date,
                Precision::Month,
                Precision::Year,
                Precision::DecadePart,
                Precision::Open,
                Precision::Unknown,
            ][choice];
            let last = (year + length).min(9999);
            let (from, to) = match precision {
                Precision::Date | Precision::Month | Precision::Year => (
                    Some(date_of(precision, year, month, day)),
                    closed.then(|| date_of(precision, last, month, day)),
                ),
                Precision::DecadePart => (
                    Some(date_of(Precision::Year, year, month, day)),
                    Some(date_of(Precision::Year, last, month, day)),
                ),
                Precision::Open if closed => {
                    (Some(date_of(Precision::Year, year, month, day)), None)
                }
                Precision::Open => (None, Some(date_of(Precision::Month, year, month, day))),
                Precision::Unknown => (None, None),
            };
            Period {
                precision,
                from,
                to,
                text: text.into(),
            }
        })
}

/// A period with a known date, as events need.
fn dated_period() -> impl Strategy<Value = Period<'static>> {
    period().prop_filter("an event needs a date", Period::is_dated)
}

fn pick(ids: &[String], index: Index) -> String {
    ids[index.index(ids.len())].clone()
}

/// A lowercase word for names: no `s` at its end matters, since every name ends in a number.
fn word() -> impl Strategy<Value = String> {
    "[a-z]{1,8}"
}

prop_compose! {
    fn group(index: usize, sources: Vec<String>)(
        word in word(),
        title in "[A-Z][a-z]{0,8}",
        alias_words in proptest::collection::vec(word(), 0..3),
        description in text(),
        periods in proptest::collection::vec(period(), 0..3),
        facts in proptest::collection::vec((text(), any::<Index>(), text()), 0..3),
    ) -> Group<'static> {
        // Every name of group `index` ends in `-index` or `-index-n`, so no two groups share one.
        Group {
            id: format!("{word}-{index}").into(),
            name: format!("{title} {word}-{index}").into(),
            aliases: alias_words
                .iter()
                .enumerate()
                .map(|(number, alias)| format!("{alias}-{index}-{number}").into())
                .collect(),
            description: description.into(),
            periods: periods.into(),
            facts: facts
                .into_iter()
                .map(|(text, source, section)| Fact { text: text.into(), source: pick(&sources, source).into(), section: Some(section.into()) })
                .collect(),
        }
    }
}

fn source(index: usize) -> impl Strategy<Value = Source<'static>> {
    (
        (
            text(),
            text(),
            proptest::option::of((year(), 1..=12u8, 1..=28u8)),
        ),
        proptest::option::of("[a-z]{1,10}"),
        0..6usize,
        proptest::option::of(text()),
        proptest::option::of(text()),
    )
        .prop_map(
            move |((publisher, title, date), address, kind, original_publisher, note)| Source {
                id: format!("s.{index}").into(),
                publisher: publisher.into(),
                title: title.into(),
                title_english: None,
                date: date.map(|(year, month, day)| date_of(Precision::Date, year, month, day)),
                retrieved: address
                    .as_ref()
                    .map(|_| date_of(Precision::Date, 2026, 11, 28)),
                url: address.map(|address| format!("https://{address}.example/page").into()),
                kind: [
                    SourceKind::News,
                    SourceKind::Government,
                    SourceKind::Un,
                    SourceKind::Ngo,
                    SourceKind::Study,
                    SourceKind::Encyclopedia,
                ][kind],
                original_publisher: original_publisher.map(Into::into),
                language: None,
                note: note.map(Into::into),
            },
        )
}

fn estimate(
    index: usize,
    groups: Vec<String>,
    sources: Vec<String>,
) -> impl Strategy<Value = Estimate<'static>> {
    (
        (proptest::option::of(any::<Index>()), figure(), figure()),
        proptest::sample::subsequence(
            vec![
                Qualifier::About,
                Qualifier::Estimated,
                Qualifier::Almost,
                Qualifier::MoreThan,
            ],
            0..3,
        ),
        proptest::sample::select(Counts::ALL.to_vec()),
        period(),
        proptest::option::of(text()),
        (text(), any::<bool>()),
        any::<Index>(),
        proptest::option::of(text()),
        proptest::option::of(text()),
        proptest::option::of(proptest::sample::select(Coverage::ALL.to_vec())),
    )
        .prop_map(
            move |(
                (group, first, second),
                qualifiers,
                counts,
                period,
                region,
                (attributed_to, party_to_conflict),
                source,
                section,
                note,
                coverage,
            )| {
                Estimate {
                    id: format!("e.{index}").into(),
                    group: group.map(|group| pick(&groups, group).into()),
                    low: first.min(second),
                    high: first.max(second),
                    qualifiers: qualifiers.into(),
                    counts,
                    period,
                    region: region.map(Into::into),
                    attributed_to: attributed_to.into(),
                    party_to_conflict,
                    source: pick(&sources, source).into(),
                    section: section.map(Into::into),
                    note: note.map(Into::into),
                    coverage,
                    same_figure_as: nkru::dataset::List::default(),
                }
            },
        )
}

fn event(
    index: usize,
    groups: Vec<String>,
    sources: Vec<String>,
) -> impl Strategy<Value = Event<'static>> {
    (
        dated_period(),
        text(),
        proptest::collection::vec(any::<Index>(), 0..3),
        any::<Index>(),
        proptest::option::of(text()),
        proptest::option::of(text()),
    )
        .prop_map(
            move |(period, description, involved, source, attributed_to, section)| {
                let mut ids: Vec<String> = Vec::new();
                for group in &involved {
                    let id = pick(&groups, *group);
                    if !ids.contains(&id) {
                        ids.push(id);
                    }
                }
                Event {
                    id: format!("v.{index}").into(),
                    period,
                    description: description.into(),
                    groups: ids.into(),
                    attributed_to: attributed_to.map(Into::into),
                    source: pick(&sources, source).into(),
                    section: section.map(Into::into),
                }
            },
        )
}

fn related(index: usize, sources: Vec<String>) -> impl Strategy<Value = Related<'static>> {
    (
        text(),
        text(),
        text(),
        text(),
        period(),
        any::<Index>(),
        proptest::option::of(text()),
    )
        .prop_map(
            move |(name, description, origin, destination, period, source, section)| Related {
                id: format!("related.{index}").into(),
                name: name.into(),
                description: description.into(),
                origin: origin.into(),
                destination: destination.into(),
                period,
                source: pick(&sources, source).into(),
                section: section.map(Into::into),
            },
        )
}

/// A dataset that keeps every invariant, of a handful of records of each kind.
fn dataset() -> impl Strategy<Value = Dataset<'static>> {
    (1..4usize, 1..4usize, 0..7usize, 0..5usize, 0..3usize).prop_flat_map(
        |(group_count, source_count, estimate_count, event_count, related_count)| {
            let source_ids: Vec<String> = (0..source_count)
                .map(|index| format!("s.{index}"))
                .collect();
            let sources: Vec<_> = (0..source_count).map(source).collect();
            let groups: Vec<_> = (0..group_count)
                .map(|index| group(index, source_ids.clone()))
                .collect();
            (groups, sources).prop_flat_map(move |(groups, sources)| {
                let group_ids: Vec<String> =
                    groups.iter().map(|group| group.id.to_string()).collect();
                let source_ids: Vec<String> =
                    sources.iter().map(|source| source.id.to_string()).collect();
                let estimates: Vec<_> = (0..estimate_count)
                    .map(|index| estimate(index, group_ids.clone(), source_ids.clone()))
                    .collect();
                let events: Vec<_> = (0..event_count)
                    .map(|index| event(index, group_ids.clone(), source_ids.clone()))
                    .collect();
                let related: Vec<_> = (0..related_count)
                    .map(|index| related(index, source_ids.clone()))
                    .collect();
                (
                    Just(groups),
                    Just(sources),
                    estimates,
                    events,
                    related,
                    text(),
                    text(),
                    proptest::collection::vec(text(), 0..3),
                    (year(), 1..=12u8, 1..=28u8),
                )
                    .prop_map(
                        |(
                            groups,
                            sources,
                            estimates,
                            events,
                            related,
                            title,
                            overview,
                            categories,
                            as_of,
                        )| {
                            Dataset {
                                title: title.into(),
                                overview: overview.into(),
                                categories: categories.into(),
                                version: String::from("1").into(),
                                as_of: date_of(Precision::Date, as_of.0, as_of.1, as_of.2),
                                groups: groups.into(),
                                estimates: estimates.into(),
                                events: events.into(),
                                sources: sources.into(),
                                related: related.into(),
                                names: Vec::new().into(),
                                index: Default::default(),
                            }
                        },
                    )
            })
        },
    )
}

/// Runs nkru on a dataset held in memory; returns exit code, stdout and stderr.
fn run(dataset: &[u8], arguments: &[&str], terminal: bool) -> (u8, String, String) {
    let environment = Environment {
        stdout_is_terminal: terminal,
        terminal_width: terminal.then_some(80),
        // Colour codes are nkru's own escapes; without them any escape would be the dataset's.
        no_color: true,
        ..Environment::default()
    };
    crate::harness::run_in_memory(dataset, arguments, &environment)
}

fn bytes(dataset: &Dataset) -> Vec<u8> {
    serde_json::to_vec(dataset).expect("a dataset serializes")
}

fn json(dataset: &[u8], arguments: &[&str]) -> Value {
    let mut arguments = arguments.to_vec();
    arguments.extend(["--format", "json"]);
    let (code, stdout, stderr) = run(dataset, &arguments, false);
    assert_eq!(code, 0, "{arguments:?}: {stderr}");
    serde_json::from_str(&stdout).expect("JSON output parses")
}

fn ids(estimates: &[&Estimate]) -> Vec<String> {
    estimates
        .iter()
        .map(|estimate| estimate.id.to_string())
        .collect()
}

fn filtered(dataset: &Dataset, filter: &EstimateFilter) -> Vec<String> {
    ids(&filter.apply(dataset))
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 64,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn a_valid_dataset_renders_in_every_format(dataset in dataset()) {
        prop_assert_eq!(nkru::dataset::validate(&dataset), Vec::new());
        let text = bytes(&dataset);
        let first_group = dataset.groups[0].id.clone();
        let commands: Vec<Vec<&str>> = vec![
            vec!["groups"],
            vec!["group", &first_group],
            vec!["estimates"],
            vec!["estimates", "--sort", "high", "--reverse"],
            vec!["summary"],
            vec!["summary", "--group", &first_group],
            vec!["timeline"],
            vec!["search", "t"],
            vec!["sources"],
        ];
        let (code, stdout, stderr) = run(&text, &["validate"], false);
        prop_assert_eq!(code, 0, "validate: {}", stderr);
        prop_assert!(stdout.contains(": valid: "), "{}", stdout);
        for command in &commands {
            for format in ["table", "tsv", "csv", "json", "ndjson", "markdown"] {
                let mut arguments = command.clone();
                arguments.extend(["--format", format]);
                let (code, stdout, stderr) = run(&text, &arguments, format == "table");
                prop_assert_eq!(code, 0, "{:?}: {}", arguments, stderr);
                if format == "table" {
                    prop_assert!(
                        !stdout.chars().any(|character| character.is_control() && character != '\n'),
                        "{:?}: {:?}", arguments, stdout
                    );
                }
                if format == "json" {
                    prop_assert!(serde_json::from_str::<Value>(&stdout).is_ok(), "{:?}", arguments);
                }
            }
        }
    }

    #[test]
    fn the_two_passes_agree_with_the_usual_reading(
        dataset in dataset(),
        which in any::<Index>(),
        break_it in 0..4usize,
    ) {
        // Broken at one place (or not, for the last choice): a reference, a range or an id.
        let mut broken = dataset.clone();
        let count = broken.estimates.len();
        if count > 0 {
            let index = which.index(count);
            match break_it {
                0 => broken.estimates[index].source = "nowhere".into(),
                1 => (broken.estimates[index].low, broken.estimates[index].high) = (5, 4),
                2 if count > 1 => {
                    broken.estimates[(index + 1) % count].id = broken.estimates[index].id.clone();
                }
                _ => {}
            }
        }
        let text = String::from_utf8(bytes(&broken)).expect("JSON is UTF-8");
        let usual = nkru::dataset::parse(&text, &nkru::dataset::Origin::Stdin).expect("it parses");
        let holds = nkru::dataset::validate(&usual.dataset).is_empty();
        let handed = nkru::dataset::stream::checked_estimates(&text, |_, estimates| {
            estimates.collect::<Vec<_>>()
        })
        .expect("read");
        prop_assert_eq!(handed.is_some(), holds);
        if let Some(handed) = handed {
            prop_assert_eq!(handed, usual.dataset.estimates.into_owned());
        }
    }

    #[test]
    fn json_gives_back_the_records(dataset in dataset()) {
        let text = bytes(&dataset);
        let estimates = json(&text, &["estimates"]);
        let estimates = estimates.as_array().expect("an array");
        prop_assert_eq!(estimates.len(), dataset.estimates.len());
        for (row, estimate) in estimates.iter().zip(&dataset.estimates) {
            prop_assert_eq!(&row["id"], &Value::from(estimate.id.as_ref()));
            prop_assert_eq!(&row["group"], &serde_json::to_value(&estimate.group).expect("JSON"));
            prop_assert_eq!(row["low"].as_u64(), Some(estimate.low));
            prop_assert_eq!(row["high"].as_u64(), Some(estimate.high));
            prop_assert_eq!(&row["qualifiers"], &serde_json::to_value(&estimate.qualifiers).expect("JSON"));
            prop_assert_eq!(&row["counts"], &serde_json::to_value(estimate.counts).expect("JSON"));
            prop_assert_eq!(&row["from"], &serde_json::to_value(estimate.period.from).expect("JSON"));
            prop_assert_eq!(&row["to"], &serde_json::to_value(estimate.period.end()).expect("JSON"));
            prop_assert_eq!(&row["precision"], &serde_json::to_value(estimate.period.precision).expect("JSON"));
            prop_assert_eq!(row["period"].as_str(), Some(estimate.period.text.as_ref()));
            prop_assert_eq!(&row["region"], &serde_json::to_value(&estimate.region).expect("JSON"));
            prop_assert_eq!(row["attributed_to"].as_str(), Some(estimate.attributed_to.as_ref()));
            prop_assert_eq!(row["party_to_conflict"].as_bool(), Some(estimate.party_to_conflict));
            prop_assert_eq!(row["source"].as_str(), Some(estimate.source.as_ref()));
            prop_assert_eq!(&row["section"], &serde_json::to_value(&estimate.section).expect("JSON"));
            prop_assert_eq!(&row["note"], &serde_json::to_value(&estimate.note).expect("JSON"));
        }
        let groups = json(&text, &["groups"]);
        for (row, group) in groups.as_array().expect("an array").iter().zip(&dataset.groups) {
            prop_assert_eq!(row["id"].as_str(), Some(group.id.as_ref()));
            prop_assert_eq!(row["name"].as_str(), Some(group.name.as_ref()));
            prop_assert_eq!(&row["aliases"], &serde_json::to_value(&group.aliases).expect("JSON"));
        }
        for group in &dataset.groups {
            let detail = json(&text, &["group", &group.id]);
            prop_assert_eq!(&detail["description"], &Value::from(group.description.as_ref()));
            prop_assert_eq!(&detail["periods"], &serde_json::to_value(&group.periods).expect("JSON"));
            prop_assert_eq!(&detail["facts"], &serde_json::to_value(&group.facts).expect("JSON"));
        }
        let events = json(&text, &["timeline"]);
        let listed: BTreeSet<(String, String)> = events
            .as_array()
            .expect("an array")
            .iter()
            .map(|row| (row["id"].as_str().unwrap_or("").to_owned(), row["description"].as_str().unwrap_or("").to_owned()))
            .collect();
        let expected: BTreeSet<(String, String)> = dataset
            .events
            .iter()
            .map(|event| (event.id.to_string(), event.description.to_string()))
            .collect();
        prop_assert_eq!(listed, expected);
        let sources = json(&text, &["sources"]);
        for (row, source) in sources.as_array().expect("an array").iter().zip(&dataset.sources) {
            prop_assert_eq!(row["id"].as_str(), Some(source.id.as_ref()));
            prop_assert_eq!(row["publisher"].as_str(), Some(source.publisher.as_ref()));
            prop_assert_eq!(row["title"].as_str(), Some(source.title.as_ref()));
            prop_assert_eq!(&row["date"], &serde_json::to_value(source.date).expect("JSON"));
            prop_assert_eq!(&row["url"], &serde_json::to_value(&source.url).expect("JSON"));
            prop_assert_eq!(&row["retrieved"], &serde_json::to_value(source.retrieved).expect("JSON"));
            prop_assert_eq!(&row["kind"], &serde_json::to_value(source.kind).expect("JSON"));
        }
    }

    #[test]
    fn filters_mean_what_they_say(
        dataset in dataset(),
        year in year(),
        bounds in (figure(), figure()),
        group in any::<Index>(),
    ) {
        let (min, max) = (bounds.0.min(bounds.1), bounds.0.max(bounds.1));
        let group = dataset.groups[group.index(dataset.groups.len())].id.clone();
        let keep = |test: &dyn Fn(&Estimate) -> bool| -> Vec<String> {
            dataset.estimates.iter().filter(|estimate| test(estimate)).map(|estimate| estimate.id.to_string()).collect()
        };
        let by_year = filtered(&dataset, &EstimateFilter { year: Some(year), ..Default::default() });
        prop_assert_eq!(&by_year, &keep(&|estimate| estimate.period.covers(year)));
        let by_min = filtered(&dataset, &EstimateFilter { min: Some(min), ..Default::default() });
        prop_assert_eq!(&by_min, &keep(&|estimate| estimate.high >= min));
        let by_max = filtered(&dataset, &EstimateFilter { max: Some(max), ..Default::default() });
        prop_assert_eq!(&by_max, &keep(&|estimate| estimate.low <= max));
        let by_group = filtered(&dataset, &EstimateFilter { groups: vec![group.to_string()], ..Default::default() });
        prop_assert_eq!(&by_group, &keep(&|estimate| estimate.group.as_deref() == Some(group.as_ref())));
        let combined = filtered(&dataset, &EstimateFilter {
            year: Some(year),
            min: Some(min),
            max: Some(max),
            groups: vec![group.to_string()],
            ..Default::default()
        });
        let intersection: Vec<String> = by_year
            .iter()
            .filter(|id| by_min.contains(id) && by_max.contains(id) && by_group.contains(id))
            .cloned()
            .collect();
        prop_assert_eq!(&combined, &intersection);
        // The command line agrees with the library.
        let text = bytes(&dataset);
        let (year, min, max) = (year.to_string(), min.to_string(), max.to_string());
        let listed = json(&text, &["estimates", "--year", &year, "--min", &min, "--max", &max, "--group", &group]);
        let listed: Vec<String> = listed
            .as_array()
            .expect("an array")
            .iter()
            .map(|row| row["id"].as_str().unwrap_or("").to_owned())
            .collect();
        prop_assert_eq!(listed, combined);
    }

    #[test]
    fn every_id_name_and_alias_finds_its_own_group(dataset in dataset()) {
        for group in &dataset.groups {
            let names = std::iter::once(&group.id)
                .chain(std::iter::once(&group.name))
                .chain(&group.aliases);
            for name in names {
                let found = query::resolve_group(&dataset, name).map(|found| found.id.clone());
                prop_assert_eq!(found.ok(), Some(group.id.clone()), "{}", name);
                let shouted = query::resolve_group(&dataset, &name.to_uppercase()).map(|found| found.id.clone());
                prop_assert_eq!(shouted.ok(), Some(group.id.clone()), "{}", name);
            }
        }
    }

    #[test]
    fn summaries_agree_with_their_estimates(dataset in dataset()) {
        let lines = query::summarize(&dataset, &[], query::Names::english());
        for line in &lines {
            let of_line: Vec<&Estimate> = if line.id == query::TOTAL_ID {
                dataset.estimates.iter().filter(|estimate| estimate.group.is_none()).collect()
            } else {
                query::estimates_of(&dataset, line.id)
            };
            // A line holds the figures of one kind only: never two kinds merged in one range.
            let estimates: Vec<&Estimate> = of_line
                .iter()
                .copied()
                .filter(|estimate| Some(estimate.counts) == line.counts)
                .collect();
            prop_assert_eq!(line.counts.is_none(), of_line.is_empty());
            prop_assert_eq!(line.estimates, estimates.len());
            prop_assert_eq!(line.undated, estimates.iter().filter(|estimate| !estimate.period.is_dated()).count());
            prop_assert_eq!(line.lowest, estimates.iter().map(|estimate| estimate.low).min());
            prop_assert_eq!(line.highest, estimates.iter().map(|estimate| estimate.high).max());
            match line.latest {
                Some(latest) => {
                    prop_assert!(estimates.iter().any(|estimate| std::ptr::eq(*estimate, latest)));
                    // The latest is dated, and no figure of its kind reaches later.
                    let reach = latest.period.latest().map(Date::key);
                    prop_assert!(reach.is_some());
                    prop_assert!(estimates.iter().all(|estimate| estimate.period.latest().map(Date::key) <= reach));
                }
                None => prop_assert!(estimates.iter().all(|estimate| !estimate.period.is_dated())),
            }
        }
        for group in &dataset.groups {
            let kinds: BTreeSet<&str> = query::estimates_of(&dataset, &group.id).iter().map(|estimate| estimate.counts.name()).collect();
            let listed = lines.iter().filter(|line| line.id == group.id).count();
            prop_assert_eq!(listed, kinds.len().max(1));
        }
        let summary = json(&bytes(&dataset), &["summary"]);
        let rows = summary.as_array().expect("an array");
        prop_assert_eq!(rows.len(), lines.len());
        for (row, line) in rows.iter().zip(&lines) {
            prop_assert_eq!(row["id"].as_str(), Some(line.id));
            prop_assert_eq!(row["counts"].as_str(), line.counts.map(Counts::name));
            prop_assert_eq!(row["estimates"].as_u64(), Some(line.estimates as u64));
            prop_assert_eq!(row["lowest"].as_u64(), line.lowest);
            prop_assert_eq!(row["highest"].as_u64(), line.highest);
        }
    }
}
