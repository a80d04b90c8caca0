//! Noticing, while records are read, a key that a record does not know, without copying any key:
//! a good file is read once, and only a file with an unknown field is read again to name it.

use std::cell::Cell;
use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, Visitor};

thread_local! {
    /// Whether a record read on this thread since the last [`noting_unknown`] met a key it does
    /// not know.
    static UNKNOWN: Cell<bool> = const { Cell::new(false) };
}

/// Runs `read`, and says whether any record it read met a key that is not one of its fields.
pub(crate) fn noting_unknown<T>(read: impl FnOnce() -> T) -> (T, bool) {
    let before = UNKNOWN.replace(false);
    let value = read();
    let unknown = UNKNOWN.replace(before);
    (value, unknown)
}

/// The names of a record's fields, as its derived reading passes them to the deserializer.
pub(crate) fn fields<T>(
    read: impl FnOnce(FieldsProbe) -> Result<T, FieldsProbe>,
) -> &'static [&'static str] {
    match read(FieldsProbe(&[])) {
        Err(FieldsProbe(fields)) => fields,
        Ok(_) => &[],
    }
}

/// A deserializer that reads nothing and answers with the fields a struct asks for; it is its
/// own error, which carries them out.
#[derive(Debug)]
pub(crate) struct FieldsProbe(&'static [&'static str]);

impl fmt::Display for FieldsProbe {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("the fields of a record")
    }
}

impl std::error::Error for FieldsProbe {}

impl de::Error for FieldsProbe {
    fn custom<M: fmt::Display>(_: M) -> Self {
        FieldsProbe(&[])
    }
}

impl<'de> Deserializer<'de> for FieldsProbe {
    type Error = FieldsProbe;

    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, FieldsProbe> {
        Err(FieldsProbe(&[]))
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        fields: &'static [&'static str],
        _: V,
    ) -> Result<V::Value, FieldsProbe> {
        Err(FieldsProbe(fields))
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf option
        unit unit_struct newtype_struct seq tuple tuple_struct map enum identifier ignored_any
    }
}

/// The entries of one record, whose keys are checked against the record's fields as they pass.
pub(crate) struct Checked<A> {
    /// The entries.
    map: A,
    /// The record's fields, and where the next key most likely is among them.
    fields: Fields,
}

impl<A> Checked<A> {
    /// The entries of a record with the fields `fields`.
    pub(crate) fn new(map: A, fields: &'static [&'static str]) -> Self {
        Checked {
            map,
            fields: Fields { fields, next: 0 },
        }
    }
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for Checked<A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        self.map.next_key_seed(Watched {
            inner: seed,
            watch: &mut self.fields,
        })
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, A::Error> {
        self.map.next_value_seed(seed)
    }

    fn size_hint(&self) -> Option<usize> {
        self.map.size_hint()
    }
}

/// A record's fields, which note a key that is not one of them.
struct Fields {
    fields: &'static [&'static str],
    /// The position of the field after the last key met: where the next key most likely is, as
    /// files usually write a record's fields in one order.
    next: usize,
}

impl Watch for Fields {
    #[inline]
    fn key(&mut self, key: &[u8]) {
        let known = |field: &&str| field.as_bytes() == key;
        let position = match self.fields.get(self.next) {
            Some(expected) if known(expected) => Some(self.next),
            _ => self.fields.iter().position(known),
        };
        match position {
            Some(position) => self.next = position + 1,
            None => UNKNOWN.set(true),
        }
    }

    fn index(&mut self, index: u64) {
        if usize::try_from(index).map_or(true, |index| index >= self.fields.len()) {
            UNKNOWN.set(true);
        }
    }
}

/// What looks at each key of an object as it passes.
pub(crate) trait Watch {
    /// Sees a key written as text.
    fn key(&mut self, key: &[u8]);

    /// Sees a key given as a field's position, as serde's own values may give it.
    fn index(&mut self, _index: u64) {}
}

/// A key about to be read, or the reader of one, or its visitor: each hands the key on as it is
/// and shows it to `watch`.
pub(crate) struct Watched<'w, T, W> {
    /// The seed, deserializer or visitor of the key.
    pub inner: T,
    /// What sees the key.
    pub watch: &'w mut W,
}

impl<'de, K: DeserializeSeed<'de>, W: Watch> DeserializeSeed<'de> for Watched<'_, K, W> {
    type Value = K::Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<K::Value, D::Error> {
        self.inner.deserialize(Watched {
            inner: deserializer,
            watch: self.watch,
        })
    }
}

// A derived record reads its keys as identifiers; JSON keys are strings whichever way they are
// asked for, so every other request is read as any value.
impl<'de, D: Deserializer<'de>, W: Watch> Deserializer<'de> for Watched<'_, D, W> {
    type Error = D::Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
        self.inner.deserialize_any(Watched {
            inner: visitor,
            watch: self.watch,
        })
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
        self.inner.deserialize_identifier(Watched {
            inner: visitor,
            watch: self.watch,
        })
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf option
        unit unit_struct newtype_struct seq tuple tuple_struct map struct enum ignored_any
    }
}

impl<'de, V: Visitor<'de>, W: Watch> Visitor<'de> for Watched<'_, V, W> {
    type Value = V::Value;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.inner.expecting(formatter)
    }

    fn visit_u64<E: de::Error>(self, index: u64) -> Result<V::Value, E> {
        self.watch.index(index);
        self.inner.visit_u64(index)
    }

    fn visit_str<E: de::Error>(self, key: &str) -> Result<V::Value, E> {
        self.watch.key(key.as_bytes());
        self.inner.visit_str(key)
    }

    fn visit_borrowed_str<E: de::Error>(self, key: &'de str) -> Result<V::Value, E> {
        self.watch.key(key.as_bytes());
        self.inner.visit_borrowed_str(key)
    }

    fn visit_string<E: de::Error>(self, key: String) -> Result<V::Value, E> {
        self.watch.key(key.as_bytes());
        self.inner.visit_string(key)
    }

    fn visit_bytes<E: de::Error>(self, key: &[u8]) -> Result<V::Value, E> {
        self.watch.key(key);
        self.inner.visit_bytes(key)
    }

    fn visit_borrowed_bytes<E: de::Error>(self, key: &'de [u8]) -> Result<V::Value, E> {
        self.watch.key(key);
        self.inner.visit_borrowed_bytes(key)
    }

    fn visit_byte_buf<E: de::Error>(self, key: Vec<u8>) -> Result<V::Value, E> {
        self.watch.key(&key);
        self.inner.visit_byte_buf(key)
    }
}
