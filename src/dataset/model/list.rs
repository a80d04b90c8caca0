//! A list of a record: borrowed, such as the embedded dataset's lists built into the binary, or
//! owned, as lists read from a file are.

use std::fmt;
use std::ops::{Deref, DerefMut};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::Text;

/// A list borrowed for `'a` or owned; read as a slice either way, and copied into a `Vec` only
/// when changed.
pub enum List<'a, T> {
    /// Items that live elsewhere, such as in the binary.
    Borrowed(&'a [T]),
    /// Items of its own.
    Owned(Vec<T>),
}

impl<T> List<'_, T> {
    /// The items, as a slice.
    pub fn as_slice(&self) -> &[T] {
        match self {
            List::Borrowed(items) => items,
            List::Owned(items) => items,
        }
    }
}

impl<T: Clone> List<'_, T> {
    /// The items to change, copied first if they are borrowed.
    pub fn to_mut(&mut self) -> &mut Vec<T> {
        if let List::Borrowed(items) = *self {
            *self = List::Owned(items.to_vec());
        }
        match self {
            List::Owned(items) => items,
            List::Borrowed(_) => unreachable!("a borrowed list was copied just above"),
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

    /// Keeps only the items `keep` is true of; a borrowed list copies only those.
    pub fn retain(&mut self, mut keep: impl FnMut(&T) -> bool) {
        match self {
            List::Borrowed(items) => {
                *self = List::Owned(items.iter().filter(|item| keep(item)).cloned().collect());
            }
            List::Owned(items) => items.retain(keep),
        }
    }

    /// The items, copied if they are borrowed.
    pub fn into_owned(self) -> Vec<T> {
        match self {
            List::Borrowed(items) => items.to_vec(),
            List::Owned(items) => items,
        }
    }
}

impl<T> Deref for List<'_, T> {
    type Target = [T];

    fn deref(&self) -> &[T] {
        self.as_slice()
    }
}

/// Changing an item of a borrowed list copies the list first.
impl<T: Clone> DerefMut for List<'_, T> {
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
        }
    }
}

impl<T: fmt::Debug> fmt::Debug for List<'_, T> {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.as_slice().fmt(formatter)
    }
}

impl<T: PartialEq> PartialEq for List<'_, T> {
    fn eq(&self, other: &Self) -> bool {
        self.as_slice() == other.as_slice()
    }
}

impl<T: Eq> Eq for List<'_, T> {}

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

impl<'l, T> IntoIterator for &'l List<'_, T> {
    type Item = &'l T;
    type IntoIter = std::slice::Iter<'l, T>;

    fn into_iter(self) -> Self::IntoIter {
        self.as_slice().iter()
    }
}

impl<'l, T: Clone> IntoIterator for &'l mut List<'_, T> {
    type Item = &'l mut T;
    type IntoIter = std::slice::IterMut<'l, T>;

    fn into_iter(self) -> Self::IntoIter {
        self.to_mut().iter_mut()
    }
}

impl<T: Clone> IntoIterator for List<'_, T> {
    type Item = T;
    type IntoIter = std::vec::IntoIter<T>;

    fn into_iter(self) -> Self::IntoIter {
        self.into_owned().into_iter()
    }
}

impl<T: Serialize> Serialize for List<'_, T> {
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
