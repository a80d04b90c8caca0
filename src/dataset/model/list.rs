//! A list of a record: borrowed, owned as lists read from a file are, or a run of one of the
//! embedded dataset's tables, which the binary holds without a pointer.

use std::fmt;
use std::ops::{Deref, DerefMut};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::Text;

/// A list borrowed for `'a`, owned, or a run of an embedded table; read as a slice whichever it
/// is, and copied into a `Vec` only when changed.
pub enum List<'a, T> {
    /// Items that live elsewhere, such as in the binary.
    Borrowed(&'a [T]),
    /// Items of its own.
    Owned(Vec<T>),
    /// Items of the embedded dataset: a run of the table of their type (see [`Stored`]).
    Embedded(Run),
}

/// A run of one of the embedded dataset's tables: where it starts and how many items it holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Run {
    /// The place of the first item.
    pub(in super::super) start: u32,
    /// How many items follow from there.
    pub(in super::super) length: u32,
}

/// A type of which the embedded dataset holds the items of every list in one table, so that its
/// records name a list by a [`Run`] of that table.
pub trait Stored: Sized {
    /// The embedded dataset's table of this type; empty for a type no embedded list holds.
    fn table<'t>() -> &'t [Self]
    where
        Self: 't,
    {
        &[]
    }
}

impl<T: Stored> List<'_, T> {
    /// The items, as a slice.
    pub fn as_slice(&self) -> &[T] {
        match self {
            List::Borrowed(items) => items,
            List::Owned(items) => items,
            List::Embedded(run) => {
                let start = run.start as usize;
                T::table()
                    .get(start..start + run.length as usize)
                    .unwrap_or_default()
            }
        }
    }
}

impl<T: Stored + Clone> List<'_, T> {
    /// The items to change, copied first if they are not owned.
    pub fn to_mut(&mut self) -> &mut Vec<T> {
        if !matches!(self, List::Owned(_)) {
            *self = List::Owned(self.as_slice().to_vec());
        }
        match self {
            List::Owned(items) => items,
            _ => unreachable!("the list was copied just above"),
        }
    }

    /// Adds an item at the end.
    pub fn push(&mut self, item: T) {
        self.to_mut().push(item);
    }

    /// Puts an item at `index`, moving those after it along.
    pub fn insert(&mut self, index: usize, item: T) {
        self.to_mut().insert(index, item);
    }

    /// Keeps only the items `keep` is true of; a list not owned copies only those.
    pub fn retain(&mut self, mut keep: impl FnMut(&T) -> bool) {
        if let List::Owned(items) = self {
            items.retain(keep);
        } else {
            let kept = self.as_slice().iter().filter(|item| keep(item)).cloned();
            *self = List::Owned(kept.collect());
        }
    }

    /// The items, copied if they are not owned.
    pub fn into_owned(self) -> Vec<T> {
        match self {
            List::Owned(items) => items,
            other => other.as_slice().to_vec(),
        }
    }
}

impl<T: Stored> Deref for List<'_, T> {
    type Target = [T];

    fn deref(&self) -> &[T] {
        self.as_slice()
    }
}

/// Changing an item of a borrowed list copies the list first.
impl<T: Stored + Clone> DerefMut for List<'_, T> {
    fn deref_mut(&mut self) -> &mut [T] {
        self.to_mut()
    }
}

impl<T> Default for List<'_, T> {
    fn default() -> Self {
        List::Owned(Vec::new())
    }
}

impl<T: Clone> Clone for List<'_, T> {
    fn clone(&self) -> Self {
        match self {
            List::Borrowed(items) => List::Borrowed(items),
            List::Owned(items) => List::Owned(items.clone()),
            List::Embedded(run) => List::Embedded(*run),
        }
    }
}

impl<T: Stored + fmt::Debug> fmt::Debug for List<'_, T> {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.as_slice().fmt(formatter)
    }
}

impl<T: Stored + PartialEq> PartialEq for List<'_, T> {
    fn eq(&self, other: &Self) -> bool {
        self.as_slice() == other.as_slice()
    }
}

impl<T: Stored + Eq> Eq for List<'_, T> {}

impl<T> From<Vec<T>> for List<'_, T> {
    fn from(items: Vec<T>) -> Self {
        List::Owned(items)
    }
}

impl<'a> From<Vec<String>> for List<'a, Text<'a>> {
    fn from(texts: Vec<String>) -> Self {
        List::Owned(texts.into_iter().map(Text::Owned).collect())
    }
}

impl<'a, T> From<&'a [T]> for List<'a, T> {
    fn from(items: &'a [T]) -> Self {
        List::Borrowed(items)
    }
}

impl<T> FromIterator<T> for List<'_, T> {
    fn from_iter<I: IntoIterator<Item = T>>(items: I) -> Self {
        List::Owned(items.into_iter().collect())
    }
}

impl<'l, T: Stored> IntoIterator for &'l List<'_, T> {
    type Item = &'l T;
    type IntoIter = std::slice::Iter<'l, T>;

    fn into_iter(self) -> Self::IntoIter {
        self.as_slice().iter()
    }
}

impl<'l, T: Stored + Clone> IntoIterator for &'l mut List<'_, T> {
    type Item = &'l mut T;
    type IntoIter = std::slice::IterMut<'l, T>;

    fn into_iter(self) -> Self::IntoIter {
        self.to_mut().iter_mut()
    }
}

impl<T: Stored + Clone> IntoIterator for List<'_, T> {
    type Item = T;
    type IntoIter = std::vec::IntoIter<T>;

    fn into_iter(self) -> Self::IntoIter {
        self.into_owned().into_iter()
    }
}

impl<T: Stored + Serialize> Serialize for List<'_, T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.as_slice().serialize(serializer)
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for List<'_, T> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // A list read from JSON grows as its items come; it keeps only the room it fills, since
        // a large file's lists are held for the whole run.
        let mut items = Vec::deserialize(deserializer)?;
        items.shrink_to_fit();
        Ok(List::Owned(items))
    }
}

impl<T: JsonSchema> JsonSchema for List<'_, T> {
    fn inline_schema() -> bool {
        Vec::<T>::inline_schema()
    }

    fn schema_name() -> std::borrow::Cow<'static, str> {
        Vec::<T>::schema_name()
    }

    fn schema_id() -> std::borrow::Cow<'static, str> {
        Vec::<T>::schema_id()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        Vec::<T>::json_schema(generator)
    }
}
