//! The model's meaning: dates, periods, figures and the kinds of count.

use super::*;

fn date(text: &str) -> Date {
    text.parse().expect("a date")
}

fn period<'a>(precision: Precision, from: Option<&'a str>, to: Option<&'a str>) -> Period<'a> {
    Period {
        precision,
        from: from.map(date),
        to: to.map(date),
        text: String::from("test").into(),
    }
}

#[test]
fn dates_parse_at_three_precisions_and_print_back() {
    for text in ["2017", "2017-12", "2017-12-22", "2024-02-29", "0001"] {
        assert_eq!(date(text).to_string(), text);
    }
    assert_eq!(date("2017").precision(), Precision::Year);
    assert_eq!(date("2017-12").precision(), Precision::Month);
    assert_eq!(date("2017-12-22").precision(), Precision::Date);
}

#[test]
fn impossible_dates_are_refused_with_the_reason() {
    for text in [
        "17",
        "2017-1",
        "2017-13",
        "2017-00",
        "2023-02-29",
        "2017-12-22-1",
        "",
        "2017/12",
        "+201",
    ] {
        assert!(text.parse::<Date>().is_err(), "{text}");
    }
    let error = "2023-02-29".parse::<Date>().expect_err("no such day");
    assert!(error.to_string().contains("no day 29"), "{error}");
}

#[test]
fn dates_compare_only_as_precisely_as_both_are_known() {
    assert!(date("2016").before(date("2017-05")));
    assert!(!date("2017").before(date("2017-05")));
    assert!(!date("2017-05").before(date("2017")));
    assert!(date("2017-04-30").before(date("2017-05")));
    assert!(!date("2017-05-30").before(date("2017-05")));
    assert!(date("2017") < date("2017-01"));
}

#[test]
fn a_label_is_the_period_in_a_few_characters() {
    let label = |precision, from, to| period(precision, from, to).label();
    assert_eq!(label(Precision::Year, Some("2025"), None), "2025");
    assert_eq!(
        label(Precision::Month, Some("2025-01"), Some("2025-03")),
        "2025-01–03"
    );
    assert_eq!(
        label(Precision::Month, Some("2017-09"), Some("2018-08")),
        "2017-09–2018-08"
    );
    assert_eq!(
        label(Precision::Year, Some("2011"), Some("2019")),
        "2011–2019"
    );
    assert_eq!(
        label(Precision::Date, Some("2025-01-02"), Some("2025-03-04")),
        "2025-01-02–2025-03-04"
    );
    assert_eq!(label(Precision::Open, Some("2024"), None), "since 2024");
    assert_eq!(label(Precision::Open, None, Some("2017")), "until 2017");
    assert_eq!(label(Precision::Unknown, None, None), "test");
    assert_eq!(
        label(Precision::DecadePart, Some("1945"), Some("1949")),
        "test"
    );
}

#[test]
fn a_closed_period_without_to_is_its_start_alone() {
    let year = period(Precision::Year, Some("2015"), None);
    assert_eq!(year.last_year(), Some(2015));
    assert!(year.covers(2015));
    assert!(!year.covers(2016));
    assert!(!year.is_open_ended());
    let since = period(Precision::Open, Some("2024"), None);
    assert!(since.is_open_ended());
    assert!(since.covers(2030));
    assert!(!since.covers(2023));
    let until = period(Precision::Open, None, Some("2017-04"));
    assert!(!until.is_open_ended());
    assert!(until.covers(2017));
    assert!(!until.covers(1990));
    assert!(!until.covers(2018));
    assert_eq!(until.anchor(), Some(date("2017-04")));
    let unknown = period(Precision::Unknown, None, None);
    assert!(!unknown.covers(2000));
    assert!(!unknown.overlaps(None, None));
    assert_eq!(unknown.latest(), None);
}

#[test]
fn overlaps_touching_disjoint_and_open_spans() {
    let late_forties = period(Precision::DecadePart, Some("1945"), Some("1949"));
    assert!(late_forties.overlaps(Some(1949), Some(1960)));
    assert!(late_forties.overlaps(Some(1930), Some(1945)));
    assert!(!late_forties.overlaps(Some(1950), None));
    assert!(!late_forties.overlaps(None, Some(1944)));
    assert!(late_forties.overlaps(None, None));
    assert!(late_forties.overlaps(Some(1946), Some(1947)));
    assert!(period(Precision::Open, Some("2000"), None).overlaps(Some(2020), Some(2021)));
}

fn estimate(qualifiers: Vec<Qualifier>, low: u64, high: u64) -> Estimate<'static> {
    Estimate {
        id: String::from("e").into(),
        group: None,
        low,
        high,
        qualifiers: qualifiers.into(),
        counts: Counts::Present,
        period: period(Precision::Unknown, None, None),
        region: None,
        attributed_to: String::from("someone").into(),
        party_to_conflict: false,
        source: String::from("s").into(),
        section: None,
        note: None,
        coverage: None,
        same_figure_as: crate::dataset::List::default(),
    }
}

#[test]
fn figures_keep_every_qualifier_in_order() {
    assert_eq!(estimate(vec![], 100, 100).figures(), "100");
    assert_eq!(
        estimate(vec![Qualifier::Estimated, Qualifier::Almost], 100, 500).figures(),
        "estimated almost 100–500"
    );
    assert_eq!(
        estimate(vec![Qualifier::MoreThan], 10_000, 10_000).figures(),
        "more than 10,000"
    );
}

#[test]
fn range_overlap_bounds_both_ends() {
    let estimate = estimate(vec![], 100, 500);
    assert!(estimate.overlaps_range(Some(500), None));
    assert!(!estimate.overlaps_range(Some(501), None));
    assert!(estimate.overlaps_range(None, Some(100)));
    assert!(!estimate.overlaps_range(None, Some(99)));
    assert!(estimate.overlaps_range(Some(200), Some(300)));
    assert!(estimate.overlaps_range(None, None));
}

#[test]
fn every_kind_of_count_is_listed_once() {
    let names: std::collections::HashSet<&str> =
        Counts::ALL.iter().map(|kind| kind.name()).collect();
    assert_eq!(names.len(), Counts::ALL.len());
    for kind in Counts::ALL {
        let written = serde_json::to_string(&kind).expect("serializes");
        assert_eq!(written, format!("\"{}\"", kind.name()));
    }
}

proptest::proptest! {
    #[test]
    fn a_date_is_written_as_its_padded_numbers(
        year in -20_000i32..20_000,
        month in proptest::option::of(0u8..=255),
        day in proptest::option::of(0u8..=255),
    ) {
        let date = Date { year, month, day };
        let mut expected = format!("{year:04}");
        if let Some(month) = month {
            expected.push_str(&format!("-{month:02}"));
            if let Some(day) = day {
                expected.push_str(&format!("-{day:02}"));
            }
        }
        proptest::prop_assert_eq!(date.to_string(), expected);
    }
}
