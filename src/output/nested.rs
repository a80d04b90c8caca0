//! `group` in JSON: one object with the group's estimates, events and sources nested in it,
//! serialized as it is walked, so neither the object nor its records' rows are ever held.

use std::borrow::Borrow;
use std::collections::HashSet;
use std::io::Write;

use serde::Serialize;
use serde::ser::{SerializeMap, SerializeSeq, Serializer};

use super::machine::{Object, write_json};
use crate::dataset::{Dataset, Estimate, Event};
use crate::error::Result;
use crate::query::{Citations, GroupDetail, Names};
#[cfg(test)]
use crate::rows::Field;
use crate::rows::{Lazy, Selection, tables};

/// Writes the group of `detail` as one JSON object with its estimates, events and the sources
/// they cite nested in it, its names and regions as `shown` shows them: pretty, or on one line
/// followed by a newline when `compact` (NDJSON).
pub fn group(
    writer: &mut dyn Write,
    dataset: &Dataset<'_>,
    detail: &GroupDetail<'_>,
    shown: &Names<'_>,
    compact: bool,
) -> Result<()> {
    let object = Group {
        dataset,
        detail,
        shown,
    };
    if compact {
        serde_json::to_writer(&mut *writer, &object)?;
        writer.write_all(b"\n")?;
        Ok(())
    } else {
        write_json(writer, &object)
    }
}

/// One group with its records, as a JSON object.
struct Group<'x, 'a> {
    /// The dataset, whose sources the group's records cite.
    dataset: &'x Dataset<'a>,
    /// The group with its records.
    detail: &'x GroupDetail<'a>,
    /// The names of groups and regions as shown.
    shown: &'x Names<'x>,
}

impl Serialize for Group<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        let (detail, shown) = (self.detail, self.shown);
        let group = detail.group;
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("id", &group.id)?;
        map.serialize_entry("name", shown.group(group))?;
        map.serialize_entry("aliases", &shown.aliases(group))?;
        map.serialize_entry("description", &group.description)?;
        map.serialize_entry("from", &detail.from)?;
        map.serialize_entry("to", &detail.to)?;
        map.serialize_entry("periods", &group.periods)?;
        map.serialize_entry("facts", &group.facts)?;
        let estimates = Selection::all(tables::estimates()).showing(shown);
        let items = || detail.estimates.iter().copied();
        map.serialize_entry("estimates", &Objects::<Estimate, _>::new(&estimates, items))?;
        let events = Selection::all(tables::events()).showing(shown);
        let items = || detail.events.iter().copied();
        map.serialize_entry("events", &Objects::<Event, _>::new(&events, items))?;
        let sources = Selection::all(Citations::FIELDS).showing(shown);
        map.serialize_entry("sources", &Objects::new(&sources, || self.citations()))?;
        map.end()
    }
}

impl Group<'_, '_> {
    /// The sources the group's records cite, in the dataset's order, each with every record
    /// that cites it, made one at a time.
    fn citations(&self) -> impl Iterator<Item = Citations<'_>> {
        let dataset = self.dataset;
        let wanted: HashSet<&str> = self
            .detail
            .sources
            .iter()
            .map(|source| source.id.as_ref())
            .collect();
        dataset
            .sources
            .iter()
            .filter(move |source| wanted.contains(source.id.as_ref()))
            .map(move |source| Citations::of(dataset, source))
    }
}

/// Items as a JSON array of objects with the fields of a selection, each item made, read and let
/// go as it is written.
struct Objects<'s, 'f, T, F> {
    /// The fields of each object.
    selection: &'s Selection<'f, T>,
    /// Makes the items, in order.
    items: F,
}

impl<'s, 'f, T, F> Objects<'s, 'f, T, F> {
    /// The items `items` makes, with the fields of `selection`.
    fn new(selection: &'s Selection<'f, T>, items: F) -> Self {
        Objects { selection, items }
    }
}

impl<T, F, I> Serialize for Objects<'_, '_, T, F>
where
    F: Fn() -> I,
    I: Iterator,
    I::Item: Borrow<T>,
{
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        let columns = self.selection.columns();
        let mut array = serializer.serialize_seq(None)?;
        for item in (self.items)() {
            let record = Lazy {
                selection: self.selection,
                item,
            };
            array.serialize_element(&Object {
                columns: &columns,
                row: &record,
            })?;
        }
        array.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::machine::Objects as Rows;
    use crate::query;

    /// The object as it was made before it was written as it is walked: whole, as a JSON value.
    fn whole(dataset: &Dataset<'_>, detail: &GroupDetail<'_>) -> serde_json::Value {
        fn objects<'i, T: 'i>(
            fields: &[Field<T>],
            items: impl IntoIterator<Item = &'i T>,
        ) -> serde_json::Value {
            let selection = Selection::all(fields);
            let rows: Vec<_> = items.into_iter().map(|item| selection.row(item)).collect();
            let columns = selection.columns();
            serde_json::to_value(Rows {
                columns: &columns,
                rows: &rows,
            })
            .expect("rows are JSON")
        }
        let shown = Names::english();
        let group = detail.group;
        let wanted: HashSet<&str> = detail
            .sources
            .iter()
            .map(|source| source.id.as_ref())
            .collect();
        let citations: Vec<Citations<'_>> = query::citations(dataset)
            .into_iter()
            .filter(|cited| wanted.contains(cited.source.id.as_ref()))
            .collect();
        serde_json::json!({
            "id": group.id,
            "name": shown.group(group),
            "aliases": shown.aliases(group),
            "description": group.description,
            "from": detail.from,
            "to": detail.to,
            "periods": group.periods,
            "facts": group.facts,
            "estimates": objects::<Estimate>(tables::estimates(), detail.estimates.iter().copied()),
            "events": objects::<Event>(tables::events(), detail.events.iter().copied()),
            "sources": objects(Citations::FIELDS, &citations),
        })
    }

    #[test]
    fn a_group_is_written_as_the_whole_object_would_be() {
        let dataset = crate::dataset::embedded().expect("the embedded dataset loads");
        for group in &dataset.groups {
            let detail = query::detail(&dataset, group);
            let value = whole(&dataset, &detail);
            let mut pretty = Vec::new();
            super::group(&mut pretty, &dataset, &detail, Names::english(), false).expect("writes");
            let mut expected = serde_json::to_string_pretty(&value).expect("JSON");
            expected.push('\n');
            assert_eq!(String::from_utf8(pretty).expect("UTF-8"), expected);
            let mut compact = Vec::new();
            super::group(&mut compact, &dataset, &detail, Names::english(), true).expect("writes");
            assert_eq!(
                String::from_utf8(compact).expect("UTF-8"),
                format!("{value}\n")
            );
        }
    }
}
