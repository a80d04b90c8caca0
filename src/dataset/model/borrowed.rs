//! How a record's text is read: borrowed from the input where the input allows it (a string with
//! no escape in it, from a reader that lends its input, as serde_json does from a string), and
//! copied otherwise. The model's fields name these readers; the JSON-only rules are `parse`'s.

use std::fmt;

use serde::Deserializer;
use serde::de::{Error, SeqAccess, Visitor};

use super::List;
use super::Text as Read;

/// Reads a string, borrowing it where it can.
struct Reader;

impl<'de> Visitor<'de> for Reader {
    type Value = Read<'de>;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("a string")
    }

    fn visit_borrowed_str<E: Error>(self, text: &'de str) -> Result<Self::Value, E> {
        Ok(Read::Borrowed(text))
    }

    fn visit_str<E: Error>(self, text: &str) -> Result<Self::Value, E> {
        Ok(Read::Owned(text.to_owned()))
    }

    fn visit_string<E: Error>(self, text: String) -> Result<Self::Value, E> {
        Ok(Read::Owned(text))
    }
}

/// A string read by [`Reader`] as an element of a list.
struct Element<'de>(Read<'de>);

impl<'de> serde::Deserialize<'de> for Element<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(Reader).map(Element)
    }
}

/// Reads a list of strings, borrowing each where it can.
struct Texts;

impl<'de> Visitor<'de> for Texts {
    type Value = Vec<Read<'de>>;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("a sequence")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut items: A) -> Result<Self::Value, A::Error> {
        // As serde reads a `Vec`: room for what the input says, within reason.
        let mut texts = Vec::with_capacity(items.size_hint().unwrap_or(0).min(4096));
        while let Some(Element(text)) = items.next_element()? {
            texts.push(text);
        }
        texts.shrink_to_fit();
        Ok(texts)
    }
}

/// Reads a string or null, borrowing the string where it can.
struct Optional;

impl<'de> Visitor<'de> for Optional {
    type Value = Option<Read<'de>>;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("option")
    }

    fn visit_none<E: Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_unit<E: Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_str(Reader).map(Some)
    }
}

/// Reads a text field.
pub fn text<'de: 'a, 'a, D: Deserializer<'de>>(deserializer: D) -> Result<Read<'a>, D::Error> {
    deserializer.deserialize_str(Reader)
}

/// Reads an optional text field.
pub fn optional<'de: 'a, 'a, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<Read<'a>>, D::Error> {
    deserializer.deserialize_option(Optional)
}

/// Reads a list of texts.
pub fn texts<'de: 'a, 'a, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<List<'a, Read<'a>>, D::Error> {
    deserializer.deserialize_seq(Texts).map(List::Owned)
}
