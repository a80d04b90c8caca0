//! Golden snapshots of the human views, so a change to what people see is always deliberate:
//! every view on the article's records, and the views of the embedded dataset that answer the
//! questions people bring to it.

use crate::harness::{ARTICLE_PATH, stdout_of};

/// A view of the article's records, small enough to read whole.
fn table(arguments: &[&str], width: &str) -> String {
    let mut all = vec!["--data", ARTICLE_PATH];
    all.extend_from_slice(arguments);
    embedded(&all, width)
}

/// A view of the embedded dataset, in a UTF-8 locale.
fn embedded(arguments: &[&str], width: &str) -> String {
    let mut arguments = arguments.to_vec();
    arguments.extend(["--format", "table", "--width", width]);
    let output = crate::harness::nkru()
        .env("LANG", "C.UTF-8")
        .args(&arguments)
        .output()
        .expect("nkru runs");
    assert!(output.status.success(), "{arguments:?}: {output:?}");
    assert!(output.stderr.is_empty(), "{arguments:?} wrote to stderr");
    String::from_utf8(output.stdout).expect("UTF-8")
}

#[test]
fn tables_are_drawn_in_ascii_where_the_locale_is_not_utf8() {
    let mut arguments = vec!["--data", ARTICLE_PATH, "groups"];
    arguments.extend(["--format", "table", "--width", "100"]);
    let ascii = stdout_of(&arguments);
    assert!(ascii.is_ascii(), "{ascii}");
    let rule = ascii.lines().nth(1).expect("a rule under the header");
    assert!(
        !rule.is_empty() && rule.chars().all(|c| c == '-'),
        "{ascii}"
    );
    assert!(!table(&["groups"], "100").is_ascii());
}

#[test]
fn the_military_group_shows_each_estimate_with_who_made_it() {
    insta::assert_snapshot!(embedded(&["group", "military"], "100"));
}

#[test]
fn the_workers_counts_of_2015_to_2018_with_their_authors() {
    insta::assert_snapshot!(embedded(
        &[
            "estimates",
            "--group",
            "workers",
            "--from",
            "2015",
            "--to",
            "2018"
        ],
        "120"
    ));
}

#[test]
fn the_timeline_around_the_un_deadline() {
    insta::assert_snapshot!(embedded(
        &["timeline", "--from", "2017", "--to", "2019"],
        "100"
    ));
}

#[test]
fn the_summary_of_the_embedded_dataset() {
    insta::assert_snapshot!(embedded(&["summary"], "120"));
}

#[test]
fn groups_table() {
    insta::assert_snapshot!(table(&["groups"], "100"));
}

#[test]
fn estimates_table() {
    insta::assert_snapshot!(table(&["estimates"], "100"));
}

#[test]
fn estimates_table_at_80_columns() {
    insta::assert_snapshot!(table(&["estimates"], "80"));
}

#[test]
fn summary_view() {
    insta::assert_snapshot!(table(&["summary"], "100"));
}

#[test]
fn summary_view_of_one_group() {
    insta::assert_snapshot!(table(&["summary", "--group", "refugees"], "100"));
}

#[test]
fn group_views() {
    for group in ["students", "workers", "refugees"] {
        insta::assert_snapshot!(format!("group_{group}"), table(&["group", group], "90"));
    }
}

#[test]
fn sources_table() {
    insta::assert_snapshot!(table(&["sources"], "100"));
}

#[test]
fn search_table() {
    insta::assert_snapshot!(table(&["search", "logging"], "100"));
}

#[test]
fn timeline_view() {
    insta::assert_snapshot!(table(&["timeline"], "100"));
}
