use super::*;
use crate::dataset::EMBEDDED;
use crate::dataset::parse::parse;

fn embedded_dataset() -> Dataset<'static> {
    parse(EMBEDDED, &Origin::Embedded).map_or_else(
        |error| panic!("the embedded dataset does not parse: {error}"),
        |parsed| parsed.dataset,
    )
}

#[test]
fn embedded_dataset_has_no_unknown_fields() {
    let parsed = parse(EMBEDDED, &Origin::Embedded).expect("embedded dataset parses");
    assert_eq!(parsed.unknown_fields, Vec::new());
}

#[test]
fn embedded_dataset_keeps_every_invariant() {
    let problems = validate(&embedded_dataset());
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn embedded_dataset_has_the_four_groups() {
    let dataset = embedded_dataset();
    let ids: Vec<&str> = dataset
        .groups
        .iter()
        .map(|group| group.id.as_ref())
        .collect();
    assert_eq!(ids, ["students", "workers", "refugees", "military"]);
    assert_eq!(dataset.related[0].id, "koryo-saram");
}

#[test]
fn a_typo_in_a_field_name_is_reported() {
    let broken = EMBEDDED.replacen("\"attributed_to\"", "\"atributed_to\"", 1);
    let error = parse(&broken, &Origin::Embedded).expect_err("missing field");
    assert!(
        error.to_string().contains("missing field `attributed_to`"),
        "{error}"
    );
    let extra = EMBEDDED.replacen(
        "\"attributed_to\"",
        "\"notes\": \"x\", \"attributed_to\"",
        1,
    );
    let parsed = parse(&extra, &Origin::Embedded).expect("an unknown field still loads");
    assert_eq!(parsed.unknown_fields[0].path, "estimates[0].notes");
}

#[test]
fn every_repeated_and_blank_id_is_named_in_list_order() {
    let mut checker = Checker::default();
    checker.unique_ids("events", &["a", "b", "a", " ", "a", "b", "c"]);
    let messages: Vec<String> = checker.problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        messages,
        [
            "events[2] (a): id `a` is used by an earlier record of events",
            "events[3]: id is empty",
            "events[4] (a): id `a` is used by an earlier record of events",
            "events[5] (b): id `b` is used by an earlier record of events",
        ]
    );
}

/// The article's records alone, whose every record the test below can name.
fn fixture() -> Dataset<'static> {
    let text = include_str!("../../../tests/it/fixtures/article.json");
    parse(text, &Origin::Stdin)
        .expect("the fixture parses")
        .dataset
}

#[test]
fn every_broken_invariant_is_reported() {
    let mut dataset = fixture();
    dataset.estimates[1].low = 9;
    dataset.estimates[1].high = 3;
    dataset.estimates[2].id = dataset.estimates[0].id.clone();
    dataset.estimates[3].source = String::from("nowhere").into();
    dataset.estimates[3].attributed_to = String::from(" ").into();
    dataset.estimates[0].period.precision = Precision::Month;
    dataset.events[0]
        .groups
        .push(String::from("sailors").into());
    dataset.events[1].period.from = Some("2000".parse().expect("a year"));
    dataset.events[2].period = Period {
        precision: Precision::Unknown,
        from: None,
        to: None,
        text: String::from("some time").into(),
    };
    dataset.groups[0].name = String::from(" ").into();
    dataset.related[0].source = String::new().into();
    dataset.sources[0].retrieved = None;
    dataset.sources[0].url = Some(String::from("en.wikipedia.org/wiki/x y").into());
    let messages: Vec<String> = validate(&dataset).iter().map(ToString::to_string).collect();
    assert_eq!(
        messages,
        [
            "estimates[2] (total-2006): id `total-2006` is used by an earlier record of estimates",
            "groups[0] (students): name is empty",
            "estimates[0] (total-2006): period: precision `month` needs `from` written as a month, YYYY-MM",
            "estimates[1] (workers-1940s): low (9) is above high (3)",
            "estimates[3] (refugees-1999): attributed_to is empty: say who made the figure",
            "estimates[3] (refugees-1999): source: no source has the id `nowhere`",
            "events[0] (workers-recruited-sakhalin): groups[1]: no group has the id `sailors`",
            "events[1] (students-reconstruction): period: from (2000) is after to (1962)",
            "events[2] (asylum-remark-1994): period has neither from nor to: an event needs a date",
            "sources[0] (article): url `en.wikipedia.org/wiki/x y` is not a web address: write it as http:// or https:// with no spaces",
            "sources[0] (article): retrieved is null: say on which day the page at url was read",
            "related[0] (koryo-saram): source is empty: every record needs a source",
        ]
    );
}

#[test]
fn a_same_figure_must_name_another_estimate_that_names_it_back() {
    let mut dataset = fixture();
    let first = dataset.estimates[0].id.to_string();
    let second = dataset.estimates[1].id.to_string();
    dataset.estimates[0].same_figure_as = vec![second.clone()].into();
    dataset.estimates[1].same_figure_as = vec![first.clone()].into();
    assert!(validate(&dataset).is_empty());
    dataset.estimates[1].same_figure_as = vec![second, String::from("nowhere")].into();
    dataset.estimates[2].same_figure_as = vec![first].into();
    let messages: Vec<String> = validate(&dataset).iter().map(ToString::to_string).collect();
    assert_eq!(
        messages,
        [
            "estimates[0] (total-2006): same_figure_as names `workers-1940s`, whose same_figure_as does not name `total-2006` back",
            "estimates[1] (workers-1940s): same_figure_as names the estimate itself",
            "estimates[1] (workers-1940s): same_figure_as names `nowhere`, which is not an estimate's id",
            "estimates[2] (workers-any-year): same_figure_as names `total-2006`, whose same_figure_as does not name `workers-any-year` back",
        ]
    );
}

#[test]
fn names_that_meet_once_folded_are_refused() {
    let mut dataset = fixture();
    dataset.groups[0].id = String::from("Workers").into();
    dataset.groups[2]
        .aliases
        .push(String::from("GUEST WORKERS").into());
    for estimate in &mut dataset.estimates {
        if estimate.group.as_deref() == Some("students") {
            estimate.group = Some(String::from("Workers").into());
        }
    }
    for event in &mut dataset.events {
        for group in &mut event.groups {
            if group == "students" {
                *group = String::from("Workers").into();
            }
        }
    }
    let messages: Vec<String> = validate(&dataset).iter().map(ToString::to_string).collect();
    assert_eq!(
        messages,
        [
            "groups[1] (workers): id `workers` is also a name of the group `Workers` (names are compared without case, accents, spacing or a final s)",
            "groups[1] (workers): alias `workers` is also a name of the group `Workers` (names are compared without case, accents, spacing or a final s)",
            "groups[2] (refugees): alias `GUEST WORKERS` is also a name of the group `workers` (names are compared without case, accents, spacing or a final s)",
        ]
    );
}

#[test]
fn a_related_population_may_not_share_a_group_id() {
    let mut dataset = fixture();
    dataset.related[0].id = String::from("workers").into();
    let messages: Vec<String> = validate(&dataset).iter().map(ToString::to_string).collect();
    assert_eq!(
        messages,
        [
            "related[0] (workers): id `workers` is also a group's id; an estimate could not tell them apart"
        ]
    );
}

#[test]
fn each_precision_states_which_dates_it_needs() {
    let date = |text: &str| Some(text.parse().expect("a date"));
    let period = |precision, from, to| Period {
        precision,
        from,
        to,
        text: String::from("words").into(),
    };
    let broken = |period: &Period| broken_precision_rule(period).is_some();
    assert!(!broken(&period(Precision::Date, date("2017-12-22"), None)));
    assert!(broken(&period(Precision::Date, date("2017-12"), None)));
    assert!(!broken(&period(
        Precision::Month,
        date("2017-12"),
        date("2018")
    )));
    assert!(broken(&period(Precision::Year, None, date("2018"))));
    assert!(!broken(&period(
        Precision::DecadePart,
        date("1945"),
        date("1949")
    )));
    assert!(broken(&period(Precision::DecadePart, date("1945"), None)));
    assert!(!broken(&period(Precision::Open, date("2024"), None)));
    assert!(!broken(&period(Precision::Open, None, date("2017-04"))));
    assert!(broken(&period(Precision::Open, date("2024"), date("2025"))));
    assert!(broken(&period(Precision::Open, None, None)));
    assert!(!broken(&period(Precision::Unknown, None, None)));
    assert!(broken(&period(Precision::Unknown, date("2024"), None)));
}
