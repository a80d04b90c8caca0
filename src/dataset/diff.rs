//! What changed between two datasets, record by record and field by field. Compares the files as
//! JSON, not as the model, so it reads every format: a dataset of format 1 against one of
//! format 2 shows the fields that were renamed as removed from one and added to the other.

use serde_json::Value;

/// One difference between two datasets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// `added`, `removed` or `changed`.
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
/// first, then each list of records with ids (in the order of the new file's keys, then the old
/// one's), records matched by id; within a list, records removed, changed and added in the order
/// of the files.
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

/// Whether a value is a list whose items are all objects with a text `id`.
fn is_list_of_records(value: &Value) -> bool {
    value.as_array().is_some_and(|items| {
        items
            .iter()
            .all(|item| item.get("id").is_some_and(Value::is_string))
    })
}

/// The records of one list, by id.
fn by_id(list: Option<&Value>) -> Vec<(&str, &serde_json::Map<String, Value>)> {
    list.and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|item| Some((item.get("id")?.as_str()?, item.as_object()?)))
        .collect()
}

/// The differences in one list of records.
fn records(changes: &mut Vec<Change>, list: &str, old: Option<&Value>, new: Option<&Value>) {
    let old = by_id(old);
    let new = by_id(new);
    let whole = |kind: &'static str, id: &str| Change {
        kind,
        list: list.to_owned(),
        id: id.to_owned(),
        field: None,
        old: None,
        new: None,
    };
    for (id, _) in &old {
        if !new.iter().any(|(new_id, _)| new_id == id) {
            changes.push(whole("removed", id));
        }
    }
    for (id, record) in &new {
        let Some((_, before)) = old.iter().find(|(old_id, _)| old_id == id) else {
            changes.push(whole("added", id));
            continue;
        };
        let mut keys: Vec<&String> = record.keys().collect();
        keys.extend(before.keys().filter(|key| !record.contains_key(*key)));
        for key in keys {
            field(changes, list, id, key, before.get(key), record.get(key));
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
