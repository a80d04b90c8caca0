//! What changed between two datasets, record by record and field by field. Compares the files as
//! JSON, not as the model, so it reads every format: a dataset of format 1 against one of
//! format 2 shows the fields that were renamed as removed from one and added to the other.
//!
//! A file is kept as its text: each object is a list of its keys with their values' text
//! borrowed from the file, and a list of records is a list of its records' texts, each read into
//! such an object when its id is found and again when it is compared with its counterpart (not at
//! all when their texts are the same), so the memory a comparison takes stays near the size of
//! the two files. Two values are compared by their text, and read as JSON only where their texts
//! differ.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::fmt;

use serde::Deserialize;
use serde::de::{Deserializer, MapAccess, Visitor};
use serde_json::Value;
use serde_json::value::RawValue;

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

/// A JSON object with its values kept as text borrowed from the file, its keys in the order of
/// the file. A key written twice keeps its first place and its last value, as in JSON readers.
#[derive(Debug, Default)]
pub struct Object<'a> {
    fields: Vec<(Cow<'a, str>, &'a RawValue)>,
}

impl<'a> Object<'a> {
    /// Reads a dataset file's text as one JSON object, its values left as text. The caller has
    /// checked that the text begins with `{`.
    pub fn parse(text: &'a str) -> serde_json::Result<Self> {
        serde_json::from_str(text)
    }

    /// The value of `key`, as text.
    fn get(&self, key: &str) -> Option<&'a RawValue> {
        self.fields
            .iter()
            .find(|(name, _)| name == key)
            .map(|(_, value)| *value)
    }

    /// The keys, in the order of the file.
    fn keys(&self) -> impl Iterator<Item = &str> {
        self.fields.iter().map(|(key, _)| key.as_ref())
    }

    /// Each key with its value, through a map when the object has many keys, so a look-up
    /// never scans a long object.
    fn by_key(&self) -> Fields<'_, 'a> {
        if self.fields.len() <= SHORT {
            Fields::Short(self)
        } else {
            Fields::Long(
                self.fields
                    .iter()
                    .map(|(key, value)| (key.as_ref(), *value))
                    .collect(),
            )
        }
    }
}

/// Objects of at most this many keys are searched key by key; longer ones through a map.
const SHORT: usize = 16;

/// An object's values found by key: by scanning a short object, through a map for a long one.
enum Fields<'o, 'a> {
    Short(&'o Object<'a>),
    Long(HashMap<&'o str, &'a RawValue>),
}

impl<'a> Fields<'_, 'a> {
    fn get(&self, key: &str) -> Option<&'a RawValue> {
        match self {
            Fields::Short(object) => object.get(key),
            Fields::Long(map) => map.get(key).copied(),
        }
    }

    fn contains(&self, key: &str) -> bool {
        self.get(key).is_some()
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for Object<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        /// Collects an object's keys and the text of their values.
        struct ObjectVisitor;

        impl<'de> Visitor<'de> for ObjectVisitor {
            type Value = Object<'de>;

            fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
                formatter.write_str("a JSON object")
            }

            fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<Self::Value, M::Error> {
                let mut fields: Vec<(Cow<'de, str>, &'de RawValue)> = Vec::new();
                let mut places: HashMap<Cow<'de, str>, usize> = HashMap::new();
                while let Some(Name(key)) = map.next_key::<Name<'de>>()? {
                    let value: &'de RawValue = map.next_value()?;
                    // A short object is searched for a repeated key; a long one through a map,
                    // filled once it grows past the short length.
                    let place = if fields.len() <= SHORT {
                        fields.iter().position(|(name, _)| *name == key)
                    } else {
                        if places.is_empty() {
                            for (place, (name, _)) in fields.iter().enumerate() {
                                places.entry(name.clone()).or_insert(place);
                            }
                        }
                        places.get(&key).copied()
                    };
                    if let Some(place) = place {
                        fields[place].1 = value;
                    } else {
                        if !places.is_empty() {
                            places.insert(key.clone(), fields.len());
                        }
                        fields.push((key, value));
                    }
                }
                // A list of records holds many objects: each keeps only the room it fills.
                fields.shrink_to_fit();
                Ok(Object { fields })
            }
        }

        deserializer.deserialize_map(ObjectVisitor)
    }
}

/// An object's key, borrowed from the file unless it holds an escape.
struct Name<'a>(Cow<'a, str>);

impl<'de> Deserialize<'de> for Name<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        /// Takes the key as the reader gives it: borrowed where it can be.
        struct KeyVisitor;

        impl<'de> Visitor<'de> for KeyVisitor {
            type Value = Name<'de>;

            fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
                formatter.write_str("a key")
            }

            fn visit_borrowed_str<E>(self, key: &'de str) -> Result<Self::Value, E> {
                Ok(Name(Cow::Borrowed(key)))
            }

            fn visit_str<E>(self, key: &str) -> Result<Self::Value, E> {
                Ok(Name(Cow::Owned(key.to_owned())))
            }

            fn visit_string<E>(self, key: String) -> Result<Self::Value, E> {
                Ok(Name(Cow::Owned(key)))
            }
        }

        deserializer.deserialize_str(KeyVisitor)
    }
}

/// Every difference from `old` to `new`, two dataset files as JSON objects: the dataset's own
/// fields first, then each list of records (in the order of the new file's keys, then the old
/// one's). Within a list, records are paired by id, the n-th record holding an id with the n-th
/// holding it in the other file, and records without an id by their place among those without
/// one; an id held by several records is reported as such, then records removed, a changed
/// order, records changed and added, in the order of the files. The time taken grows with the
/// size of the files alone: records are found through a map of their keys, never by scanning a
/// list. A value that is not JSON, found where two values are compared, is an error.
pub fn diff(old: &Object<'_>, new: &Object<'_>) -> serde_json::Result<Vec<Change>> {
    let old_fields = old.by_key();
    let new_fields = new.by_key();
    let mut keys: Vec<&str> = new.keys().collect();
    keys.extend(old.keys().filter(|key| !new_fields.contains(key)));
    let mut changes = Vec::new();
    let mut lists = Vec::new();
    for key in keys {
        let values = (old_fields.get(key), new_fields.get(key));
        // A key is a list of records when each file that has it holds a list of objects there.
        if [values.0, values.1]
            .into_iter()
            .flatten()
            .map(is_list_of_records)
            .collect::<serde_json::Result<Vec<bool>>>()?
            .into_iter()
            .all(|list| list)
        {
            lists.push(key);
        } else {
            field(&mut changes, DATASET, "", key, values.0, values.1)?;
        }
    }
    // Each list is read into records when it is compared, and let go after.
    for key in lists {
        let old_list = old_fields.get(key).map(records_of).transpose()?;
        let new_list = new_fields.get(key).map(records_of).transpose()?;
        records(&mut changes, key, old_list.as_deref(), new_list.as_deref())?;
    }
    Ok(changes)
}

/// Whether a value is a list of records: a list whose items are all JSON objects, with or
/// without an id.
fn is_list_of_records(value: &RawValue) -> serde_json::Result<bool> {
    if !value.get().starts_with('[') {
        return Ok(false);
    }
    let items: Vec<&RawValue> = serde_json::from_str(value.get())?;
    Ok(items.iter().all(|item| item.get().starts_with('{')))
}

/// The records of a list of records, each as its text: a record is read into an [`Object`]
/// when it is compared, and let go after, so a list's records are never held read.
fn records_of(value: &RawValue) -> serde_json::Result<Vec<&RawValue>> {
    serde_json::from_str(value.get())
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
    records: Vec<(Key<'a>, usize, &'a RawValue)>,
    holders: HashMap<&'a str, usize>,
}

impl<'a> Keyed<'a> {
    fn new(list: Option<&'a [&'a RawValue]>, ids: &'a [Option<Cow<'a, str>>]) -> Self {
        let mut holders: HashMap<&str, usize> = HashMap::new();
        let mut unnamed = 0;
        let mut records = Vec::new();
        let items = list.into_iter().flatten().zip(ids);
        for (position, (record, id)) in items.enumerate() {
            let key = if let Some(id) = id {
                let count = holders.entry(id.as_ref()).or_insert(0);
                *count += 1;
                Key::Id(id, *count - 1)
            } else {
                unnamed += 1;
                Key::Unnamed(unnamed - 1)
            };
            records.push((key, position, *record));
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

/// The ids of a list's records: the text of each record's `id`, borrowed from the file unless
/// it holds an escape, none where it is not text.
fn ids<'a>(list: Option<&[&'a RawValue]>) -> serde_json::Result<Vec<Option<Cow<'a, str>>>> {
    list.into_iter()
        .flatten()
        .map(|record| {
            let record = Object::parse(record.get())?;
            // One pass over the record's keys: a map of them would cost as much to build.
            let Some(id) = record.get("id") else {
                return Ok(None);
            };
            if !id.get().starts_with('"') {
                return Ok(None);
            }
            serde_json::from_str::<Name>(id.get()).map(|Name(id)| Some(id))
        })
        .collect()
}

/// The differences in one list of records.
fn records(
    changes: &mut Vec<Change>,
    list: &str,
    old: Option<&[&RawValue]>,
    new: Option<&[&RawValue]>,
) -> serde_json::Result<()> {
    let old_ids = ids(old)?;
    let new_ids = ids(new)?;
    let old = Keyed::new(old, &old_ids);
    let new = Keyed::new(new, &new_ids);
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
        compare(changes, list, &id, old.records[old_place].2, record)?;
    }
    Ok(())
}

/// The differences between a record and its counterpart, field by field: none when their texts
/// are the same, else each is read to be compared.
fn compare(
    changes: &mut Vec<Change>,
    list: &str,
    id: &str,
    before: &RawValue,
    record: &RawValue,
) -> serde_json::Result<()> {
    if before.get() == record.get() {
        return Ok(());
    }
    let before = Object::parse(before.get())?;
    let record = Object::parse(record.get())?;
    let (before_fields, record_fields) = (before.by_key(), record.by_key());
    let mut keys: Vec<&str> = record.keys().collect();
    keys.extend(before.keys().filter(|key| !record_fields.contains(key)));
    for key in keys {
        field(
            changes,
            list,
            id,
            key,
            before_fields.get(key),
            record_fields.get(key),
        )?;
    }
    Ok(())
}

/// The difference in one field, if its values differ.
fn field(
    changes: &mut Vec<Change>,
    list: &str,
    id: &str,
    key: &str,
    old: Option<&RawValue>,
    new: Option<&RawValue>,
) -> serde_json::Result<()> {
    if old.map(RawValue::get) == new.map(RawValue::get) {
        return Ok(());
    }
    let read = |value: Option<&RawValue>| {
        value
            .map(|value| serde_json::from_str::<Value>(value.get()))
            .transpose()
    };
    let (old, new) = (read(old)?, read(new)?);
    if old == new {
        return Ok(());
    }
    let kind = match (&old, &new) {
        (None, _) => "added",
        (_, None) => "removed",
        _ => "changed",
    };
    changes.push(Change {
        kind,
        list: list.to_owned(),
        id: id.to_owned(),
        field: Some(key.to_owned()),
        old: old.as_ref().map(text),
        new: new.as_ref().map(text),
    });
    Ok(())
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
    fn a_lists_records_are_kept_as_their_text_and_their_ids_borrowed() {
        let list = r#"[{"id": "a", "low": 1}, {"low": 2, "id": "b\u0062"}, {"id": 3}, {}]"#;
        let list: &RawValue = serde_json::from_str(list).unwrap();
        let records = records_of(list).unwrap();
        assert_eq!(records[0].get(), r#"{"id": "a", "low": 1}"#);
        let ids = ids(Some(&records)).unwrap();
        assert!(matches!(ids[0], Some(Cow::Borrowed("a"))));
        assert_eq!(ids[1].as_deref(), Some("bb"));
        assert_eq!(ids[2..], [None, None]);
    }

    #[test]
    fn records_of_the_same_text_have_no_change_and_others_are_read() {
        let old = r#"{"estimates": [{"id": "a", "low": 1}, {"id": "b", "low": 2}]}"#;
        let new = r#"{"estimates": [{"id": "a", "low": 1}, {"low": 2.0, "id": "b", "low": 5}]}"#;
        let (old, new) = (Object::parse(old).unwrap(), Object::parse(new).unwrap());
        let changes = diff(&old, &new).unwrap();
        let found: Vec<(&str, Option<&str>, Option<&str>)> = changes
            .iter()
            .map(|change| {
                (
                    change.id.as_str(),
                    change.field.as_deref(),
                    change.new.as_deref(),
                )
            })
            .collect();
        assert_eq!(found, [("b", Some("low"), Some("5"))]);
    }

    #[test]
    fn records_are_matched_by_id_and_compared_field_by_field() {
        let old =
            r#"{"version": "1", "estimates": [{"id": "a", "low": 1}, {"id": "b", "low": 2}]}"#;
        let new = r#"{
            "version": "2",
            "estimates": [{"id": "b", "low": 3, "note": "x"}, {"id": "c", "low": 4}]
        }"#;
        let (old, new) = (Object::parse(old).unwrap(), Object::parse(new).unwrap());
        let changes = diff(&old, &new).unwrap();
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
        assert!(diff(&new, &new).unwrap().is_empty());
    }

    #[test]
    fn values_written_differently_but_equal_as_json_are_no_change() {
        let old = Object::parse(r#"{"a": {"x": 1, "y": [1, 2]}, "b": "\u0041"}"#).unwrap();
        let new = Object::parse(r#"{"a": {"y": [1,2], "x": 1}, "b": "A"}"#).unwrap();
        assert!(diff(&old, &new).unwrap().is_empty());
    }

    #[test]
    fn a_key_written_twice_keeps_its_first_place_and_its_last_value() {
        let object = Object::parse(r#"{"a": 1, "b": 2, "a": 3}"#).unwrap();
        let keys: Vec<&str> = object.keys().collect();
        assert_eq!(keys, ["a", "b"]);
        assert_eq!(object.get("a").map(RawValue::get), Some("3"));
        let mut wide = String::new();
        for index in 0..40 {
            wide.push_str(&format!("\"k{index}\": {index}, "));
        }
        wide.push_str("\"k3\": 99}");
        let text = format!("{{{wide}");
        let object = Object::parse(&text).unwrap();
        assert_eq!(object.keys().count(), 40);
        assert_eq!(object.by_key().get("k3").map(RawValue::get), Some("99"));
    }
}
