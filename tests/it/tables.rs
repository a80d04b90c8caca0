//! Golden snapshots of the human views, so a change to what people see is always deliberate.

use crate::harness::stdout_of;

fn table(arguments: &[&str], width: &str) -> String {
    let mut arguments = arguments.to_vec();
    arguments.extend(["--format", "table", "--width", width]);
    stdout_of(&arguments)
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
