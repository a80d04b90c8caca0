//! Flat records: the documented fields of every list command and the rows that fill them.

use std::borrow::Cow;
use std::cmp::Ordering;

use crate::error::{Error, Result};
use crate::model::{Dataset, Estimate, Event, Group};
use crate::query::{self, Citations, Hit, Summary};
use crate::text::figure_range;

/// Fields of `nkru groups`.
pub const GROUP_FIELDS: &[&str] = &[
    "id",
    "name",
    "aliases",
    "from",
    "to",
    "periods",
    "estimates",
    "latest_estimate",
    "latest_low",
    "latest_high",
    "latest",
    "latest_period",
];

/// Fields of `nkru group` in the tabular formats.
pub const GROUP_DETAIL_FIELDS: &[&str] = &[
    "id",
    "name",
    "aliases",
    "description",
    "from",
    "to",
    "periods",
    "facts",
    "estimate_ids",
    "event_ids",
    "source_ids",
];

/// Fields of `nkru estimates`.
pub const ESTIMATE_FIELDS: &[&str] = &[
    "id",
    "scope",
    "group",
    "low",
    "high",
    "approximate",
    "figures",
    "from",
    "to",
    "period",
    "region",
    "measure",
    "source",
    "section",
];

/// Fields of the rows of `nkru summary`.
pub const SUMMARY_FIELDS: &[&str] = &[
    "id",
    "name",
    "from",
    "to",
    "estimates",
    "lowest",
    "highest",
    "range",
    "latest_low",
    "latest_high",
    "latest",
    "latest_period",
    "latest_source",
];

/// Fields of `nkru timeline`.
pub const EVENT_FIELDS: &[&str] = &[
    "id",
    "from",
    "to",
    "when",
    "groups",
    "description",
    "source",
    "section",
];

/// Fields of `nkru search`.
pub const SEARCH_FIELDS: &[&str] = &["kind", "id", "field", "text"];

/// Fields of `nkru sources`.
pub const SOURCE_FIELDS: &[&str] = &[
    "id",
    "name",
    "kind",
    "author",
    "year",
    "citations",
    "cited_by",
    "description",
];

/// The fields a list command has, and the ones its table shows unless `--fields` says otherwise.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fields {
    /// Every field, in the documented order of the machine formats.
    pub all: &'static [&'static str],
    /// The fields of the table view, chosen to fit a terminal.
    pub table: &'static [&'static str],
}

/// `nkru groups`.
pub const GROUPS: Fields = Fields {
    all: GROUP_FIELDS,
    table: &[
        "id",
        "name",
        "from",
        "to",
        "estimates",
        "latest",
        "latest_period",
    ],
};

/// `nkru group` in the tabular formats.
pub const GROUP_DETAIL: Fields = Fields {
    all: GROUP_DETAIL_FIELDS,
    table: GROUP_DETAIL_FIELDS,
};

/// `nkru estimates`.
pub const ESTIMATES: Fields = Fields {
    all: ESTIMATE_FIELDS,
    table: &["id", "figures", "period", "region", "source"],
};

/// `nkru summary`.
pub const SUMMARY: Fields = Fields {
    all: SUMMARY_FIELDS,
    table: &[
        "id",
        "from",
        "to",
        "estimates",
        "range",
        "latest",
        "latest_period",
    ],
};

/// `nkru timeline`.
pub const EVENTS: Fields = Fields {
    all: EVENT_FIELDS,
    table: &["from", "to", "groups", "description", "source"],
};

/// `nkru search`.
pub const SEARCH: Fields = Fields {
    all: SEARCH_FIELDS,
    table: SEARCH_FIELDS,
};

/// `nkru sources`.
pub const SOURCES: Fields = Fields {
    all: SOURCE_FIELDS,
    table: &["id", "name", "kind", "author", "year", "citations"],
};

/// Fields that hold population figures, shown with thousands separators in human views.
pub const FIGURE_FIELDS: &[&str] = &[
    "low",
    "high",
    "lowest",
    "highest",
    "latest_low",
    "latest_high",
];

/// Fields that hold figures written out as text; tables never break them inside a figure.
pub const FIGURE_TEXT_FIELDS: &[&str] = &["figures", "range", "latest"];

/// One value of a flat record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value<'a> {
    /// Text.
    Text(Cow<'a, str>),
    /// A whole number (a figure, a year or a count).
    Integer(i128),
    /// Yes or no.
    Bool(bool),
    /// Not known, or not applicable.
    Null,
    /// Several texts, such as aliases; an array in JSON, joined with `; ` elsewhere.
    List(Vec<Cow<'a, str>>),
}

impl<'a> Value<'a> {
    /// Borrowed text.
    pub fn text(text: &'a str) -> Self {
        Value::Text(Cow::Borrowed(text))
    }

    /// Text that may be missing.
    pub fn optional_text(text: Option<&'a str>) -> Self {
        text.map_or(Value::Null, Value::text)
    }

    /// A population figure.
    pub fn figure(figure: u64) -> Self {
        Value::Integer(i128::from(figure))
    }

    /// A year or a count that may be missing.
    pub fn optional_integer(value: Option<i32>) -> Self {
        value.map_or(Value::Null, |value| Value::Integer(i128::from(value)))
    }

    /// A count.
    pub fn count(count: usize) -> Self {
        Value::Integer(i128::try_from(count).unwrap_or(i128::MAX))
    }

    /// The value as plain text for the delimited formats: null is empty, lists are joined.
    pub fn plain(&self) -> Cow<'_, str> {
        match self {
            Value::Text(text) => Cow::Borrowed(text.as_ref()),
            Value::Integer(number) => Cow::Owned(number.to_string()),
            Value::Bool(flag) => Cow::Borrowed(if *flag { "true" } else { "false" }),
            Value::Null => Cow::Borrowed(""),
            Value::List(items) => Cow::Owned(items.join("; ")),
        }
    }

    /// Orders values for sorting: numbers by size, text ignoring case, nulls last.
    pub fn compare(&self, other: &Self) -> Ordering {
        match (self, other) {
            (Value::Null, Value::Null) => Ordering::Equal,
            (Value::Null, _) => Ordering::Greater,
            (_, Value::Null) => Ordering::Less,
            (Value::Integer(left), Value::Integer(right)) => left.cmp(right),
            (Value::Bool(left), Value::Bool(right)) => left.cmp(right),
            (left, right) => left
                .plain()
                .to_lowercase()
                .cmp(&right.plain().to_lowercase()),
        }
    }
}

/// One record as values in the order of its command's fields.
pub type Row<'a> = Vec<Value<'a>>;

/// The columns chosen for output: indices into a command's fields, in output order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Columns {
    /// The names of the chosen fields, in order.
    pub names: Vec<&'static str>,
    /// The position of each chosen field in a full row.
    pub indices: Vec<usize>,
}

impl Columns {
    /// Every field, in the documented order.
    pub fn all(fields: &[&'static str]) -> Self {
        Columns {
            names: fields.to_vec(),
            indices: (0..fields.len()).collect(),
        }
    }

    /// The fields a user asked for with `--fields`, or the defaults of the view; an unknown field
    /// is a usage error.
    pub fn select(fields: Fields, wanted: Option<&[String]>, table: bool) -> Result<Self> {
        let Some(wanted) = wanted else {
            let defaults = if table { fields.table } else { fields.all };
            return Ok(Columns {
                names: defaults.to_vec(),
                indices: defaults
                    .iter()
                    .filter_map(|name| fields.all.iter().position(|field| field == name))
                    .collect(),
            });
        };
        let fields = fields.all;
        let mut columns = Columns {
            names: Vec::new(),
            indices: Vec::new(),
        };
        for name in wanted {
            let name = name.trim();
            // An empty name comes from a stray comma, as in `id,,name` or `id,`.
            if name.is_empty() {
                continue;
            }
            let Some(index) = fields.iter().position(|field| *field == name) else {
                return Err(Error::Usage(format!(
                    "unknown field `{}` for this command; valid fields: {}",
                    crate::text::quote(name),
                    fields.join(", ")
                )));
            };
            if columns.indices.contains(&index) {
                // A repeated key would make a JSON object that readers disagree about.
                return Err(Error::Usage(format!(
                    "--fields names `{name}` twice; each field may be asked for once"
                )));
            }
            columns.names.push(fields[index]);
            columns.indices.push(index);
        }
        if columns.names.is_empty() {
            return Err(Error::Usage(format!(
                "--fields needs at least one field; valid fields: {}",
                fields.join(", ")
            )));
        }
        Ok(columns)
    }

    /// The chosen values of a full row, in output order.
    pub fn pick<'row, 'a>(&self, row: &'row Row<'a>) -> impl Iterator<Item = &'row Value<'a>> {
        self.indices.iter().map(move |index| &row[*index])
    }
}

fn texts<'a>(items: impl Iterator<Item = &'a str>) -> Value<'a> {
    Value::List(items.map(Cow::Borrowed).collect())
}

/// The row of one group for `nkru groups`.
pub fn group_row<'a>(dataset: &'a Dataset, group: &'a Group) -> Row<'a> {
    let estimates = query::estimates_of(dataset, &group.id);
    let latest = query::latest(&estimates);
    let (from, to) = query::documented_span(group);
    vec![
        Value::text(&group.id),
        Value::text(&group.name),
        texts(group.aliases.iter().map(String::as_str)),
        Value::optional_integer(from),
        Value::optional_integer(to),
        texts(group.periods.iter().map(|period| period.text.as_str())),
        Value::count(estimates.len()),
        Value::optional_text(latest.map(|estimate| estimate.id.as_str())),
        latest.map_or(Value::Null, |estimate| Value::figure(estimate.low)),
        latest.map_or(Value::Null, |estimate| Value::figure(estimate.high)),
        figures_of(latest),
        Value::optional_text(latest.map(|estimate| estimate.period.text.as_str())),
    ]
}

/// An estimate's figures as people read them, such as `about 15,000–20,000`.
fn figures_of(estimate: Option<&Estimate>) -> Value<'static> {
    estimate.map_or(Value::Null, |estimate| {
        Value::Text(Cow::Owned(figure_range(
            estimate.low,
            estimate.high,
            estimate.approximate,
        )))
    })
}

/// The one row of `nkru group` in the tabular formats.
pub fn group_detail_row<'a>(dataset: &'a Dataset, group: &'a Group) -> Row<'a> {
    let (from, to) = query::documented_span(group);
    vec![
        Value::text(&group.id),
        Value::text(&group.name),
        texts(group.aliases.iter().map(String::as_str)),
        Value::text(&group.description),
        Value::optional_integer(from),
        Value::optional_integer(to),
        texts(group.periods.iter().map(|period| period.text.as_str())),
        texts(group.facts.iter().map(|fact| fact.text.as_str())),
        texts(
            query::estimates_of(dataset, &group.id)
                .into_iter()
                .map(|estimate| estimate.id.as_str()),
        ),
        texts(
            query::events_of(dataset, &group.id)
                .into_iter()
                .map(|event| event.id.as_str()),
        ),
        texts(
            query::sources_of(dataset, group)
                .into_iter()
                .map(|source| source.id.as_str()),
        ),
    ]
}

/// The row of one estimate for `nkru estimates`.
pub fn estimate_row(estimate: &Estimate) -> Row<'_> {
    vec![
        Value::text(&estimate.id),
        Value::text(if estimate.group.is_some() {
            "group"
        } else {
            query::TOTAL_ID
        }),
        Value::optional_text(estimate.group.as_deref()),
        Value::figure(estimate.low),
        Value::figure(estimate.high),
        Value::Bool(estimate.approximate),
        figures_of(Some(estimate)),
        Value::optional_integer(estimate.period.from),
        Value::optional_integer(estimate.period.to),
        Value::text(&estimate.period.text),
        Value::optional_text(estimate.region.as_deref()),
        Value::text(&estimate.measure),
        Value::text(&estimate.source),
        Value::text(&estimate.section),
    ]
}

/// The row of one summary line for `nkru summary`.
pub fn summary_row<'a>(summary: &Summary<'a>) -> Row<'a> {
    let latest = summary.latest;
    vec![
        Value::text(summary.id),
        Value::text(summary.name),
        Value::optional_integer(summary.from),
        Value::optional_integer(summary.to),
        Value::count(summary.estimates),
        summary.lowest.map_or(Value::Null, Value::figure),
        summary.highest.map_or(Value::Null, Value::figure),
        match (summary.lowest, summary.highest) {
            (Some(lowest), Some(highest)) => {
                Value::Text(Cow::Owned(figure_range(lowest, highest, false)))
            }
            _ => Value::Null,
        },
        latest.map_or(Value::Null, |estimate| Value::figure(estimate.low)),
        latest.map_or(Value::Null, |estimate| Value::figure(estimate.high)),
        figures_of(latest),
        Value::optional_text(latest.map(|estimate| estimate.period.text.as_str())),
        Value::optional_text(latest.map(|estimate| estimate.source.as_str())),
    ]
}

/// The row of one event for `nkru timeline`.
pub fn event_row(event: &Event) -> Row<'_> {
    vec![
        Value::text(&event.id),
        Value::optional_integer(event.period.from),
        Value::optional_integer(event.period.to),
        Value::text(&event.period.text),
        texts(event.groups.iter().map(String::as_str)),
        Value::text(&event.description),
        Value::text(&event.source),
        Value::text(&event.section),
    ]
}

/// The row of one search hit for `nkru search`.
pub fn hit_row<'a>(hit: &Hit<'a>) -> Row<'a> {
    vec![
        Value::text(hit.kind),
        Value::text(hit.id),
        Value::Text(Cow::Owned(hit.field.clone())),
        Value::text(hit.text),
    ]
}

/// The row of one source for `nkru sources`.
pub fn source_row<'a>(citations: &Citations<'a>) -> Row<'a> {
    let source = citations.source;
    vec![
        Value::text(&source.id),
        Value::text(&source.name),
        Value::text(&source.kind),
        Value::optional_text(source.author.as_deref()),
        Value::optional_integer(source.year),
        Value::count(citations.cited_by.len()),
        texts(citations.cited_by.iter().copied()),
        Value::text(&source.description),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn select_orders_fields_as_asked_and_refuses_unknown_ones() {
        let wanted = vec![String::from("high"), String::from(" id")];
        let columns = Columns::select(ESTIMATES, Some(&wanted), true).expect("known fields");
        assert_eq!(columns.names, ["high", "id"]);
        assert_eq!(columns.indices, [4, 0]);
        let wrong = vec![String::from("hgih")];
        let error = Columns::select(ESTIMATES, Some(&wrong), false).expect_err("unknown field");
        assert_eq!(error.exit_code(), 2);
        assert!(error.to_string().contains("unknown field `hgih`"));
        assert!(error.to_string().contains("id, scope, group, low"));
    }

    #[test]
    fn defaults_are_every_field_or_the_table_subset() {
        let all = Columns::select(ESTIMATES, None, false).expect("defaults");
        assert_eq!(all.names, ESTIMATE_FIELDS);
        let table = Columns::select(ESTIMATES, None, true).expect("defaults");
        assert_eq!(table.names, ESTIMATES.table);
        assert_eq!(table.indices[..3], [0, 6, 9]);
        for fields in [
            GROUPS,
            GROUP_DETAIL,
            ESTIMATES,
            SUMMARY,
            EVENTS,
            SEARCH,
            SOURCES,
        ] {
            assert!(fields.table.iter().all(|name| fields.all.contains(name)));
        }
    }

    #[test]
    fn nulls_sort_last_and_numbers_by_size() {
        let mut values = vec![Value::Null, Value::Integer(20), Value::Integer(3)];
        values.sort_by(Value::compare);
        assert_eq!(values, [Value::Integer(3), Value::Integer(20), Value::Null]);
        assert_eq!(
            Value::text("b").compare(&Value::text("A")),
            Ordering::Greater
        );
    }

    #[test]
    fn plain_text_of_each_kind() {
        assert_eq!(Value::Null.plain(), "");
        assert_eq!(Value::Bool(true).plain(), "true");
        assert_eq!(Value::figure(15000).plain(), "15000");
        assert_eq!(
            Value::List(vec![Cow::Borrowed("a"), Cow::Borrowed("b")]).plain(),
            "a; b"
        );
    }
}
