//! Flat rows of the list commands: values, the fields that make them, the columns chosen and
//! sorting. Each command's fields are one table in [`tables`]; adding a field is one line there.

pub mod tables;

use std::borrow::Cow;
use std::cmp::Ordering;

use crate::query::Names;

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

    /// Text made for the row.
    pub fn owned(text: String) -> Self {
        Value::Text(Cow::Owned(text))
    }

    /// Text that may be missing.
    pub fn optional_text(text: Option<&'a str>) -> Self {
        text.map_or(Value::Null, Value::text)
    }

    /// A population figure.
    pub fn figure(figure: u64) -> Self {
        Value::Integer(i128::from(figure))
    }

    /// A population figure that may be missing.
    pub fn optional_figure(figure: Option<u64>) -> Self {
        figure.map_or(Value::Null, Value::figure)
    }

    /// A year or a count that may be missing.
    pub fn optional_integer(value: Option<i32>) -> Self {
        value.map_or(Value::Null, |value| Value::Integer(i128::from(value)))
    }

    /// A count.
    pub fn count(count: usize) -> Self {
        Value::Integer(i128::try_from(count).unwrap_or(i128::MAX))
    }

    /// Borrowed texts as a list.
    pub fn texts(items: impl Iterator<Item = &'a str>) -> Self {
        Value::List(items.map(Cow::Borrowed).collect())
    }

    /// The value with its text copied, free of what it was read from.
    pub fn into_owned(self) -> Value<'static> {
        match self {
            Value::Text(text) => Value::Text(Cow::Owned(text.into_owned())),
            Value::Integer(number) => Value::Integer(number),
            Value::Bool(flag) => Value::Bool(flag),
            Value::Null => Value::Null,
            Value::List(items) => Value::List(
                items
                    .into_iter()
                    .map(|item| Cow::Owned(item.into_owned()))
                    .collect(),
            ),
        }
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

/// What a field holds, which decides how human views show it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// One id; tables never break it.
    Id,
    /// A population figure, shown with thousands separators.
    Figure,
    /// Figures written out as text; tables never break them inside a figure.
    FigureText,
    /// A year or a count, shown as it is.
    Number,
    /// Yes or no.
    Flag,
    /// Text that may wrap between words.
    Text,
    /// Several texts.
    List,
}

/// One documented field of a list command's rows.
pub struct Field<T> {
    /// The field's name, as `--fields` and the machine formats spell it.
    pub name: &'static str,
    /// What it holds.
    pub kind: Kind,
    /// Whether the table view shows it unless `--fields` says otherwise.
    pub in_table: bool,
    /// How to read it from one item.
    pub read: fn(&T) -> Value<'_>,
    /// How to order items by it, when not by the value shown: figures written out as text
    /// sort by their numbers. Keys compare item by item, as [`Value::compare`] does.
    pub order: Option<fn(&T) -> Vec<Value<'_>>>,
    /// How to read it as shown, for a field that holds a name of a group, a related population
    /// or a region: with the [`Names`] of `--lang`, in place of `read`.
    pub named: Option<Named<T>>,
}

/// How a field that holds names reads one item, with the names shown.
pub type Named<T> = for<'x> fn(&'x T, &'x Names<'x>) -> Value<'x>;

impl<T> Field<T> {
    /// A field the table view shows by default.
    pub const fn shown(name: &'static str, kind: Kind, read: fn(&T) -> Value<'_>) -> Self {
        Field {
            name,
            kind,
            in_table: true,
            read,
            order: None,
            named: None,
        }
    }

    /// A field only the machine formats (and `--fields`) show by default.
    pub const fn hidden(name: &'static str, kind: Kind, read: fn(&T) -> Value<'_>) -> Self {
        Field {
            name,
            kind,
            in_table: false,
            read,
            order: None,
            named: None,
        }
    }

    /// The field, ordered by `order` rather than by the value it shows.
    pub const fn ordered_by(self, order: fn(&T) -> Vec<Value<'_>>) -> Self {
        Field {
            order: Some(order),
            ..self
        }
    }

    /// The field, which holds names, read as `names` shows them.
    pub const fn named(self, named: Named<T>) -> Self {
        Field {
            named: Some(named),
            ..self
        }
    }

    /// Its value for one item, names as `names` shows them.
    pub fn value<'a>(&self, item: &'a T, names: &'a Names<'a>) -> Value<'a> {
        match self.named {
            Some(as_shown) => as_shown(item, names),
            None => (self.read)(item),
        }
    }

    /// The key that orders one item by this field, names as `names` shows them.
    pub fn sort_key<'a>(&self, item: &'a T, names: &'a Names<'a>) -> Vec<Value<'a>> {
        match self.order {
            Some(order) => order(item),
            None => vec![self.value(item, names)],
        }
    }
}

/// The names of a table of fields, in order.
pub fn names<T>(fields: &[Field<T>]) -> Vec<&'static str> {
    fields.iter().map(|field| field.name).collect()
}

/// Why a list of wanted fields cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldChoiceError {
    /// A name that is not a field of the command.
    Unknown(String),
    /// A field named twice.
    Twice(String),
    /// No field at all.
    Empty,
}

/// The fields chosen for output, in output order, and the names they show.
pub struct Selection<'f, T> {
    /// The chosen fields.
    pub fields: Vec<&'f Field<T>>,
    /// The names of groups, related populations and regions, as the fields that hold them show
    /// them: in English unless [`Selection::showing`] says otherwise.
    pub names: &'f Names<'f>,
}

impl<'f, T> Selection<'f, T> {
    /// Every field, in the documented order.
    pub fn all(fields: &'f [Field<T>]) -> Self {
        Selection {
            fields: fields.iter().collect(),
            names: Names::english(),
        }
    }

    /// The fields a user asked for, or the defaults of the view: every field, or the table's.
    pub fn choose(
        fields: &'f [Field<T>],
        wanted: Option<&[String]>,
        table: bool,
    ) -> Result<Self, FieldChoiceError> {
        let Some(wanted) = wanted else {
            let chosen = fields.iter().filter(|field| !table || field.in_table);
            return Ok(Selection {
                fields: chosen.collect(),
                names: Names::english(),
            });
        };
        let mut chosen: Vec<&Field<T>> = Vec::new();
        for name in wanted {
            let name = name.trim();
            // An empty name comes from a stray comma, as in `id,,name` or `id,`.
            if name.is_empty() {
                continue;
            }
            let Some(field) = fields.iter().find(|field| field.name == name) else {
                return Err(FieldChoiceError::Unknown(name.to_owned()));
            };
            if chosen.iter().any(|earlier| earlier.name == name) {
                // A repeated key would make a JSON object that readers disagree about.
                return Err(FieldChoiceError::Twice(name.to_owned()));
            }
            chosen.push(field);
        }
        if chosen.is_empty() {
            return Err(FieldChoiceError::Empty);
        }
        Ok(Selection {
            fields: chosen,
            names: Names::english(),
        })
    }

    /// The same fields, showing names as `names` does.
    pub fn showing<'n>(self, names: &'n Names<'n>) -> Selection<'n, T>
    where
        'f: 'n,
    {
        Selection {
            fields: self.fields,
            names,
        }
    }

    /// The names and kinds of the chosen fields, for the writers.
    pub fn columns(&self) -> Columns {
        Columns {
            names: self.fields.iter().map(|field| field.name).collect(),
            kinds: self.fields.iter().map(|field| field.kind).collect(),
        }
    }

    /// The chosen values of one item, in output order.
    pub fn row<'a>(&self, item: &'a T) -> Row<'a>
    where
        'f: 'a,
    {
        self.fields
            .iter()
            .map(|field| field.value(item, self.names))
            .collect()
    }
}

/// The columns of output: the chosen fields' names and kinds, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Columns {
    /// The names, as headers and JSON keys.
    pub names: Vec<&'static str>,
    /// What each column holds.
    pub kinds: Vec<Kind>,
}

/// One record as the values of its chosen columns, in order.
pub type Row<'a> = Vec<Value<'a>>;

/// A record the writers take value by value, in column order: a row already made, or an item
/// whose values are read from it one at a time as they are written ([`Lazy`]).
pub trait Record {
    /// Hands each value to `visit`, in column order, stopping at the first error.
    fn each_value<E>(&self, visit: impl FnMut(&Value<'_>) -> Result<(), E>) -> Result<(), E>;
}

impl Record for Row<'_> {
    fn each_value<E>(&self, visit: impl FnMut(&Value<'_>) -> Result<(), E>) -> Result<(), E> {
        self.iter().try_for_each(visit)
    }
}

impl<R: Record> Record for &R {
    fn each_value<E>(&self, visit: impl FnMut(&Value<'_>) -> Result<(), E>) -> Result<(), E> {
        (**self).each_value(visit)
    }
}

/// An item with the fields chosen for it, written without first making its row: each value is
/// read as it is written, so no row is held.
pub struct Lazy<'s, 'f, T, I> {
    /// The fields to write.
    pub selection: &'s Selection<'f, T>,
    /// The item, or a reference to it.
    pub item: I,
}

impl<T, I: std::borrow::Borrow<T>> Record for Lazy<'_, '_, T, I> {
    fn each_value<E>(&self, mut visit: impl FnMut(&Value<'_>) -> Result<(), E>) -> Result<(), E> {
        let item = self.item.borrow();
        for field in &self.selection.fields {
            visit(&field.value(item, self.selection.names))?;
        }
        Ok(())
    }
}

/// Sorts items by one field, names as `names` shows them, nulls last whichever the direction,
/// keeping the given order among equals.
pub fn sort_by<'a, T>(
    items: Vec<&'a T>,
    field: &Field<T>,
    names: &Names<'_>,
    reverse: bool,
) -> Vec<&'a T> {
    let mut keyed: Vec<(Vec<Value<'_>>, &'a T)> = items
        .into_iter()
        .map(|item| (field.sort_key(item, names), item))
        .collect();
    keyed.sort_by(|(left, _), (right, _)| {
        let null = |key: &[Value<'_>]| key.first().is_none_or(|value| *value == Value::Null);
        let ordering = compare_keys(left, right);
        if reverse && !null(left) && !null(right) {
            ordering.reverse()
        } else {
            ordering
        }
    });
    keyed.into_iter().map(|(_, item)| item).collect()
}

/// Orders two sort keys value by value, the first difference deciding.
fn compare_keys(left: &[Value<'_>], right: &[Value<'_>]) -> Ordering {
    left.iter()
        .zip(right)
        .map(|(left, right)| left.compare(right))
        .find(|ordering| ordering.is_ne())
        .unwrap_or_else(|| left.len().cmp(&right.len()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::Estimate;

    #[test]
    fn choose_orders_fields_as_asked_and_refuses_unknown_ones() {
        let wanted = vec![String::from("high"), String::from(" id")];
        let chosen =
            Selection::choose(tables::estimates(), Some(&wanted), true).expect("known fields");
        assert_eq!(chosen.columns().names, ["high", "id"]);
        let wrong = vec![String::from("hgih")];
        let error = Selection::choose(tables::estimates(), Some(&wrong), false)
            .err()
            .expect("unknown field");
        assert_eq!(error, FieldChoiceError::Unknown(String::from("hgih")));
        let twice = vec![String::from("id"), String::from("id")];
        let error = Selection::choose(tables::estimates(), Some(&twice), false).err();
        assert_eq!(error, Some(FieldChoiceError::Twice(String::from("id"))));
    }

    #[test]
    fn defaults_are_every_field_or_the_table_subset() {
        let all = Selection::choose(tables::estimates(), None, false).expect("defaults");
        assert_eq!(all.columns().names, names(tables::estimates()));
        let table = Selection::choose(tables::estimates(), None, true).expect("defaults");
        assert_eq!(
            table.columns().names,
            ["figures", "counts", "when", "region", "by"]
        );
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
    fn sorting_keeps_nulls_last_in_both_directions() {
        let dataset = crate::dataset::embedded().expect("the embedded dataset loads");
        let estimates: Vec<&Estimate> = dataset.estimates.iter().collect();
        let region = tables::estimates()
            .iter()
            .find(|field| field.name == "region")
            .expect("a region field");
        for reverse in [false, true] {
            let sorted = sort_by(estimates.clone(), region, Names::english(), reverse);
            assert!(
                sorted
                    .last()
                    .is_some_and(|estimate| estimate.region.is_none())
            );
        }
    }

    #[test]
    fn a_field_may_sort_by_a_key_other_than_what_it_shows() {
        let dataset = crate::dataset::embedded().expect("the embedded dataset loads");
        let estimates: Vec<&Estimate> = dataset.estimates.iter().collect();
        let figures = tables::estimates()
            .iter()
            .find(|field| field.name == "figures")
            .expect("a figures field");
        let sorted = sort_by(estimates, figures, Names::english(), false);
        let ranges: Vec<(u64, u64)> = sorted
            .iter()
            .map(|estimate| (estimate.low, estimate.high))
            .collect();
        assert!(ranges.windows(2).all(|pair| pair[0] <= pair[1]));
        assert_eq!(
            compare_keys(
                &[Value::Integer(1), Value::Integer(9)],
                &[Value::Integer(1), Value::Integer(10)]
            ),
            Ordering::Less
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
