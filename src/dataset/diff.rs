//! What changed between two datasets, record by record and field by field. Compares the files as
//! JSON, not as the model, so it reads every format: a dataset of format 1 against one of
//! format 2 shows the fields that were renamed as removed from one and added to the other.

use std::collections::{HashMap, HashSet};

use serde_json::Value;

/// One difference between two datasets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// `added`, `removed` or `changed`; `duplicate` for an id several records of a list hold,
    /// `reordered` for a list whose records come in another order.
    pub kind: &'static str,
    /// The list the record is in, such as `estimates`, or `dataset` for the dataset's own fields.
    pub list: String,
    /// The record's id; empty for the dataset's own fields.
    pub id: String,
    /// The field that changed; none for a record added or removed whole.
    pub field: Option<String>,
    /// The old value, as text (JSON for anything but text); none where there was none.
    pub old: Option<String>,
    /// The new value, as text; none where there is none.
    pub new: Option<String>,
}

/// The list holding the dataset's own fields, in [`Change::list`].
pub const DATASET: &str = "dataset";

/// Every difference from `old` to `new`, two datasets as JSON objects: the dataset's own fields
/// first, then each list of records (in the order of the new file's keys, then the old one's).
/// Within a list, records are paired by id, the n-th record holding an id with the n-th holding
/// it in the other file, and records without an id by their place among those without one; an
/// id held by several records is reported as such, then records removed, a changed order,
/// records changed and added, in the order of the files. The time taken grows with the size of
/// the files alone: records are found through a map of their keys, never by scanning a list.
pub fn diff(old: &Value, new: &Value) -> Vec<Change> {
    let empty = serde_json::Map::new();
    let old = old.as_object().unwrap_or(&empty);
    let new = new.as_object().unwrap_or(&empty);
    let mut keys: Vec<&String> = new.keys().collect();
    keys.extend(old.keys().filter(|key| !new.contains_key(*key)));
    let mut changes = Vec::new();
    let (lists, fields): (Vec<&String>, Vec<&String>) = keys.into_iter().partition(|key| {
        [old.get(*key), new.get(*key)]
            .into_iter()
            .flatten()
            .all(is_list_of_records)
    });
    for key in fields {
        field(&mut changes, DATASET, "", key, old.get(key), new.get(key));
    }
    for key in lists {
        records(&mut changes, key, old.get(key), new.get(key));
    }
    changes
}

/// Whether a value is a list of records: a list whose items are all JSON objects, with or
/// without an id.
fn is_list_of_records(value: &Value) -> bool {
    value
        .as_array()
        .is_some_and(|items| items.iter().all(Value::is_object))
}

/// What pairs a record with its counterpart in the other file: its id and how many records
/// before it hold the same id, or, without a text id, its place among the records without one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Key<'a> {
    Id(&'a str, usize),
    Unnamed(usize),
}

/// One list's records with their keys, in order, and how many records hold each id.
struct Keyed<'a> {
    records: Vec<(Key<'a>, usize, &'a serde_json::Map<String, Value>)>,
    holders: HashMap<&'a str, usize>,
}

impl<'a> Keyed<'a> {
    fn new(list: Option<&'a Value>) -> Self {
        let mut holders: HashMap<&str, usize> = HashMap::new();
        let mut unnamed = 0;
        let mut records = Vec::new();
        let items = list.and_then(Value::as_array).into_iter().flatten();
        for (position, item) in items.enumerate() {
            let Some(record) = item.as_object() else {
                continue;
            };
            let key = if let Some(id) = record.get("id").and_then(Value::as_str) {
                let count = holders.entry(id).or_insert(0);
                *count += 1;
                Key::Id(id, *count - 1)
            } else {
                unnamed += 1;
                Key::Unnamed(unnamed - 1)
            };
            records.push((key, position, record));
        }
        Keyed { records, holders }
    }

    /// Where each key's record is in the list.
    fn places(&self) -> HashMap<Key<'a>, usize> {
        self.records
            .iter()
            .enumerate()
            .map(|(place, (key, _, _))| (*key, place))
            .collect()
    }
}

/// How a record is named in a change: its id, or its place in its file's list when it has none.
fn name(key: Key<'_>, position: usize) -> String {
    match key {
        Key::Id(id, _) => id.to_owned(),
        Key::Unnamed(_) => format!("[{position}] (no id)"),
    }
}

/// The differences in one list of records.
fn records(changes: &mut Vec<Change>, list: &str, old: Option<&Value>, new: Option<&Value>) {
    let old = Keyed::new(old);
    let new = Keyed::new(new);
    let change =
        |kind: &'static str, id: String, old: Option<String>, new: Option<String>| Change {
            kind,
            list: list.to_owned(),
            id,
            field: None,
            old,
            new,
        };
    // Ids held by more than one record of either file, each once, in the order of the files.
    let mut reported: HashSet<&str> = HashSet::new();
    for (key, _, _) in new.records.iter().chain(&old.records) {
        if let Key::Id(id, _) = key {
            let counts = (
                old.holders.get(id).copied().unwrap_or(0),
                new.holders.get(id).copied().unwrap_or(0),
            );
            if (counts.0 > 1 || counts.1 > 1) && reported.insert(id) {
                let held = |count: usize| Some(format!("held by {count} records"));
                changes.push(change(
                    "duplicate",
                    (*id).to_owned(),
                    held(counts.0),
                    held(counts.1),
                ));
            }
        }
    }
    let old_places = old.places();
    let new_places = new.places();
    for (key, position, _) in &old.records {
        if !new_places.contains_key(key) {
            changes.push(change("removed", name(*key, *position), None, None));
        }
    }
    // The order changed when the records both files hold do not come in the same order: the
    // first record found before one that preceded it is reported, with its places.
    let mut last_old_place = None;
    for (key, position, _) in &new.records {
        let Some(&old_place) = old_places.get(key) else {
            continue;
        };
        if last_old_place.is_some_and(|last| old_place < last) {
            let before = old.records[old_place].1;
            changes.push(change(
                "reordered",
                name(*key, *position),
                Some(format!("at {before}")),
                Some(format!("at {position}")),
            ));
            break;
        }
        last_old_place = Some(old_place);
    }
    for (key, position, record) in &new.records {
        let id = name(*key, *position);
        let Some(&old_place) = old_places.get(key) else {
            changes.push(change("added", id, None, None));
            continue;
        };
        let before = old.records[old_place].2;
        let mut keys: Vec<&String> = record.keys().collect();
        keys.extend(before.keys().filter(|key| !record.contains_key(*key)));
        for key in keys {
            field(changes, list, &id, key, before.get(key), record.get(key));
        }
    }
}

/// The difference in one field, if its values differ.
fn field(
    changes: &mut Vec<Change>,
    list: &str,
    id: &str,
    key: &str,
    old: Option<&Value>,
    new: Option<&Value>,
) {
    if old == new {
        return;
    }
    let kind = match (old, new) {
        (None, _) => "added",
        (_, None) => "removed",
        _ => "changed",
    };
    changes.push(Change {
        kind,
        list: list.to_owned(),
        id: id.to_owned(),
        field: Some(key.to_owned()),
        old: old.map(text),
        new: new.map(text),
    });
}

/// A value as text: text as it is, anything else as compact JSON.
fn text(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_are_matched_by_id_and_compared_field_by_field() {
        let old = serde_json::json!({
            "version": "1",
            "estimates": [{"id": "a", "low": 1}, {"id": "b", "low": 2}],
        });
        let new = serde_json::json!({
            "version": "2",
            "estimates": [{"id": "b", "low": 3, "note": "x"}, {"id": "c", "low": 4}],
        });
        let changes = diff(&old, &new);
        assert_eq!(changes.len(), 5);
        assert_eq!(changes[0].field.as_deref(), Some("version"));
        assert_eq!(
            (changes[0].old.as_deref(), changes[0].new.as_deref()),
            (Some("1"), Some("2"))
        );
        assert_eq!((changes[1].kind, changes[1].id.as_str()), ("removed", "a"));
        assert_eq!(
            (
                changes[2].kind,
                changes[2].field.as_deref(),
                changes[2].new.as_deref()
            ),
            ("changed", Some("low"), Some("3"))
        );
        assert_eq!(
            (changes[3].kind, changes[3].field.as_deref()),
            ("added", Some("note"))
        );
        assert_eq!(
            (
                changes[4].kind,
                changes[4].id.as_str(),
                changes[4].field.as_deref()
            ),
            ("added", "c", None)
        );
        assert!(diff(&new, &new).is_empty());
    }
}
