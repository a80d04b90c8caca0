//! Every field of a list's table reaches every format, the report's table of that list and the
//! SQLite export's table of it; a field that does not is named here with the reason. A field
//! added to a table and forgotten in the report or the export fails these tests.

use super::report::{self, Table};
use super::{Format, Settings, list, sqlite};
use crate::dataset::Dataset;
use crate::query::{self, Citations, FactRecord, GroupOverview};
use crate::rows::{Field, names, tables};

/// Where one list's fields must reach, and the fields that deliberately do not, with why.
struct List {
    /// The list, as its command is named.
    name: &'static str,
    /// The names of its table's fields.
    fields: Vec<&'static str>,
    /// The report's table of it.
    report: Table,
    /// The SQLite table of it.
    sqlite: &'static str,
    /// Fields whose SQLite column has another name: (field, column).
    renamed: &'static [(&'static str, &'static str)],
    /// Fields not in the SQLite table, each with the reason.
    not_in_sqlite: &'static [(&'static str, &'static str)],
    /// Fields not in the report's table, each with the reason.
    not_in_report: &'static [(&'static str, &'static str)],
}

/// Words of a field made of others of the same record, for the reasons below.
const DERIVED: &str = "derived for reading from fields that are there";

/// A period's dates and precision are the export's own columns of a period.
const PERIOD: &[(&str, &str)] = &[("from", "from_date"), ("to", "to_date")];

/// Every list with where its fields must reach.
// A table of data, one entry per list: its length is its lists' fields.
#[allow(clippy::too_many_lines)]
fn lists() -> Vec<List> {
    vec![
        List {
            name: "estimates",
            fields: names(tables::estimates()),
            report: report::ESTIMATES,
            sqlite: "estimates",
            renamed: &[
                ("group", "group_id"),
                ("from", "from_date"),
                ("to", "to_date"),
            ],
            not_in_sqlite: &[
                (
                    "when",
                    "the period in a few characters, derived from from_date and to_date",
                ),
                ("by", "the maker's short name, derived from attributed_to"),
            ],
            not_in_report: &[
                ("scope", "the group column says total for a total"),
                ("low", "in the figures column, as words"),
                ("high", "in the figures column, as words"),
                ("qualifiers", "in the figures column, as words"),
                ("from", "in the period column, as the source gives it"),
                ("to", "in the period column, as the source gives it"),
                ("precision", "in the period column, as the source gives it"),
                ("when", DERIVED),
                ("by", "the made by column gives the whole name"),
                ("coverage", "the region column names the place"),
                ("section", "the source's row says where it was read"),
                (
                    "same_figure_as",
                    "the report sets figures side by side by group instead",
                ),
            ],
        },
        List {
            name: "timeline",
            fields: names(tables::events()),
            report: report::EVENTS,
            sqlite: "events",
            renamed: PERIOD,
            not_in_sqlite: &[
                (
                    "when",
                    "the period in a few characters, derived from from_date and to_date",
                ),
                (
                    "groups",
                    "a list: one row per group in the event_groups table",
                ),
            ],
            not_in_report: &[
                ("id", "the events are in order of time, each with its date"),
                ("from", "in the when column, as the source gives it"),
                ("to", "in the when column, as the source gives it"),
                ("precision", "in the when column, as the source gives it"),
                ("section", "the source's row says where it was read"),
            ],
        },
        List {
            name: "related",
            fields: names(tables::related()),
            report: report::RELATED,
            sqlite: "related",
            renamed: PERIOD,
            not_in_sqlite: &[],
            not_in_report: &[
                ("from", "in the when column, as the source gives it"),
                ("to", "in the when column, as the source gives it"),
                ("precision", "in the when column, as the source gives it"),
                ("section", "the source's row says where it was read"),
            ],
        },
        List {
            name: "sources",
            fields: names(Citations::FIELDS),
            report: report::SOURCES,
            sqlite: "sources",
            renamed: &[],
            not_in_sqlite: &[
                (
                    "citations",
                    "a count of the records that cite it, which the export's \
                               source columns give",
                ),
                (
                    "cited_by",
                    "the records that cite it, which the export's source columns give",
                ),
            ],
            not_in_report: &[
                (
                    "title_english",
                    "the as cited column gives it with the title",
                ),
                ("url", "the title links to it"),
                ("original_publisher", "the as cited column gives it"),
                ("language", "the title and publisher are marked with it"),
                ("note", "the as cited column gives what a reader needs"),
                ("citations", "each record links to its source instead"),
                ("cited_by", "each record links to its source instead"),
            ],
        },
        List {
            name: "facts",
            fields: names(FactRecord::FIELDS),
            report: report::FACTS,
            sqlite: "facts",
            renamed: &[("group", "group_id")],
            not_in_sqlite: &[
                ("id", "derived: the group's id, -fact- and its position"),
                ("publisher", "the source's, in the sources table"),
                ("title", "the source's, in the sources table"),
                ("date", "the source's, in the sources table"),
                ("url", "the source's, in the sources table"),
            ],
            not_in_report: &[
                ("id", "derived: the group's id, -fact- and its place"),
                ("publisher", "the source's row gives it"),
                ("title", "the source's row gives it"),
                ("date", "the source's row gives it"),
                ("url", "the source's row gives it"),
            ],
        },
        List {
            name: "groups",
            fields: names(GroupOverview::FIELDS),
            report: report::GROUPS,
            sqlite: "groups",
            renamed: &[],
            not_in_sqlite: &[
                ("aliases", "a list: one row per alias in the aliases table"),
                ("from", "derived from the periods table"),
                ("to", "derived from the periods table"),
                ("periods", "a list: one row per period in the periods table"),
                ("estimates", "a count, derived from the estimates table"),
                ("present", "a headline, derived from the estimates table"),
                ("when", "a headline, derived from the estimates table"),
                ("by", "a headline, derived from the estimates table"),
                (
                    "present_low",
                    "a headline, derived from the estimates table",
                ),
                (
                    "present_high",
                    "a headline, derived from the estimates table",
                ),
                (
                    "present_estimates",
                    "a headline, derived from the estimates table",
                ),
                ("present_by", "a headline, derived from the estimates table"),
                ("latest_estimate", "derived from the estimates table"),
                ("latest_low", "derived from the estimates table"),
                ("latest_high", "derived from the estimates table"),
                ("latest", "derived from the estimates table"),
                ("latest_period", "derived from the estimates table"),
                ("latest_attributed_to", "derived from the estimates table"),
                ("latest_source", "derived from the estimates table"),
            ],
            not_in_report: &[
                ("from", "in the documented column"),
                ("to", "in the documented column"),
                ("estimates", "the report's estimates table lists them"),
                ("present", "the group's profile gives its headline figures"),
                ("when", "the group's profile gives its headline figures"),
                ("by", "the group's profile gives its headline figures"),
                (
                    "present_low",
                    "the group's profile gives its headline figures",
                ),
                (
                    "present_high",
                    "the group's profile gives its headline figures",
                ),
                (
                    "present_estimates",
                    "the group's profile gives its headline figures",
                ),
                (
                    "present_by",
                    "the group's profile gives its headline figures",
                ),
                (
                    "latest_estimate",
                    "the group's profile gives its headline figures",
                ),
                (
                    "latest_low",
                    "the group's profile gives its headline figures",
                ),
                (
                    "latest_high",
                    "the group's profile gives its headline figures",
                ),
                ("latest", "the group's profile gives its headline figures"),
                (
                    "latest_period",
                    "the group's profile gives its headline figures",
                ),
                (
                    "latest_attributed_to",
                    "the group's profile gives its headline figures",
                ),
                (
                    "latest_source",
                    "the group's profile gives its headline figures",
                ),
            ],
        },
    ]
}

/// The columns of a table of the SQLite schema.
fn sqlite_columns(table: &str) -> Vec<&'static str> {
    let start = format!("CREATE TABLE {table} (");
    let at = sqlite::SCHEMA
        .find(&start)
        .unwrap_or_else(|| panic!("no SQLite table {table}"));
    let body = &sqlite::SCHEMA[at + start.len()..];
    let body = &body[..body.find(");").expect("the table ends")];
    body.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with("PRIMARY KEY"))
        .filter_map(|line| line.split_whitespace().next())
        .collect()
}

/// Whether `field` is among the reasons given, and each reason names a field of the list.
fn listed(reasons: &[(&str, &str)], field: &str) -> bool {
    reasons.iter().any(|(name, _)| *name == field)
}

#[test]
fn every_field_is_a_column_of_the_export_or_said_why_not() {
    for list in lists() {
        let columns = sqlite_columns(list.sqlite);
        for field in &list.fields {
            let column = list
                .renamed
                .iter()
                .find(|(name, _)| name == field)
                .map_or(*field, |(_, column)| *column);
            assert!(
                columns.contains(&column) || listed(list.not_in_sqlite, field),
                "{}: the field {field} is not in the SQLite table {} ({columns:?}) nor said why",
                list.name,
                list.sqlite
            );
        }
        for (field, _) in list.not_in_sqlite.iter().chain(list.renamed) {
            assert!(
                list.fields.contains(field),
                "{}: no field {field}",
                list.name
            );
        }
    }
}

#[test]
fn every_field_is_in_the_report_or_said_why_not() {
    for list in lists() {
        for field in &list.fields {
            let shown = list
                .report
                .columns
                .iter()
                .any(|column| column.fields.contains(field));
            assert!(
                shown || listed(list.not_in_report, field),
                "{}: the field {field} is in no column of the report's table nor said why",
                list.name
            );
        }
        for column in list.report.columns {
            for field in column.fields {
                assert!(
                    list.fields.contains(field),
                    "{}: the report's column {} shows no field {field}",
                    list.name,
                    column.name
                );
            }
        }
        for (field, _) in list.not_in_report {
            assert!(
                list.fields.contains(field),
                "{}: no field {field}",
                list.name
            );
        }
    }
}

/// What `list` writes of `fields` for `items` in `format`, every field asked for by default.
fn written<T>(format: Format, fields: &[Field<T>], items: &[&T]) -> String {
    let settings = Settings {
        format,
        fields: None,
        long: true,
        header: true,
        color: false,
        width: Some(200),
        unicode: true,
        notes: false,
        terminal: false,
    };
    let mut stdout = Vec::new();
    list(
        &mut stdout,
        &mut Vec::new(),
        &settings,
        fields,
        items.iter().copied(),
        "",
    )
    .expect("written");
    String::from_utf8(stdout).expect("UTF-8")
}

/// Checks that every field's name is in what each format writes of the first items.
fn each_format_writes<T>(name: &str, fields: &[Field<T>], items: &[&T]) {
    for format in Format::ALL
        .into_iter()
        .filter(|format| *format != Format::Svg)
    {
        let text = written(format, fields, items);
        for field in fields {
            assert!(
                text.contains(field.name),
                "{name} in {}: no {} in {text}",
                format.name(),
                field.name
            );
        }
    }
}

#[test]
fn every_format_writes_every_field() {
    let dataset: Dataset = crate::dataset::embedded().expect("the embedded dataset");
    let estimates: Vec<_> = dataset.estimates.iter().take(3).collect();
    each_format_writes("estimates", tables::estimates(), &estimates);
    let events: Vec<_> = dataset.events.iter().take(3).collect();
    each_format_writes("timeline", tables::events(), &events);
    let related: Vec<_> = dataset.related.iter().take(3).collect();
    each_format_writes("related", tables::related(), &related);
    let citations = query::citations(&dataset);
    let citations: Vec<_> = citations.iter().take(3).collect();
    each_format_writes("sources", Citations::FIELDS, &citations);
    let facts = query::facts(&dataset, &[], None);
    let facts: Vec<_> = facts.iter().take(3).collect();
    each_format_writes("facts", FactRecord::FIELDS, &facts);
    let groups = query::overviews(&dataset);
    let groups: Vec<_> = groups.iter().take(3).collect();
    each_format_writes("groups", GroupOverview::FIELDS, &groups);
}
