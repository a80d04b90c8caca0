//! A record's text: borrowed from the input it was read from, owned where it had to be copied or
//! changed, or a piece of the embedded dataset's one text. The embedded dataset's records name
//! their text by its place in that text rather than by a pointer, so the binary holds them as
//! constant data that nothing has to fix up when it starts.

use std::borrow::{Borrow, Cow};
use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::Deref;

use schemars::JsonSchema;
use serde::{Serialize, Serializer};

/// Text of a record; read as a `str` whichever way it is held.
pub enum Text<'a> {
    /// Text that lives elsewhere, such as in the input it was read from.
    Borrowed(&'a str),
    /// Text of its own.
    Owned(String),
    /// Text of the embedded dataset, by its place in that dataset's one text.
    Embedded(Piece),
}

/// The place of a piece of the embedded dataset's text: its start and end, in bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Piece {
    /// Where the piece starts.
    pub(in super::super) start: u32,
    /// Where the piece ends, just after its last byte.
    pub(in super::super) end: u32,
}

impl Text<'_> {
    /// The text, as a `str`.
    pub fn as_str(&self) -> &str {
        match self {
            Text::Borrowed(text) => text,
            Text::Owned(text) => text,
            Text::Embedded(piece) => embedded(*piece),
        }
    }

    /// The text, copied if it is not owned.
    pub fn into_owned(self) -> String {
        match self {
            Text::Owned(text) => text,
            other => other.as_str().to_owned(),
        }
    }

    /// The text to change, copied first if it is not owned.
    pub fn to_mut(&mut self) -> &mut String {
        if !matches!(self, Text::Owned(_)) {
            *self = Text::Owned(self.as_str().to_owned());
        }
        match self {
            Text::Owned(text) => text,
            _ => unreachable!("the text was copied just above"),
        }
    }
}

/// The piece of the embedded dataset's text at `piece`; the build script wrote every piece at a
/// place in that text, at the bounds of characters.
fn embedded(piece: Piece) -> &'static str {
    super::super::generated::TEXT
        .get(piece.start as usize..piece.end as usize)
        .unwrap_or_default()
}

impl Deref for Text<'_> {
    type Target = str;

    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for Text<'_> {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl Borrow<str> for Text<'_> {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

impl Default for Text<'_> {
    fn default() -> Self {
        Text::Borrowed("")
    }
}

impl Clone for Text<'_> {
    fn clone(&self) -> Self {
        match self {
            Text::Borrowed(text) => Text::Borrowed(text),
            Text::Owned(text) => Text::Owned(text.clone()),
            Text::Embedded(piece) => Text::Embedded(*piece),
        }
    }
}

impl fmt::Debug for Text<'_> {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), formatter)
    }
}

impl fmt::Display for Text<'_> {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self.as_str(), formatter)
    }
}

impl PartialEq for Text<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for Text<'_> {}

impl PartialEq<str> for Text<'_> {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Text<'_> {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialOrd for Text<'_> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Text<'_> {
    fn cmp(&self, other: &Self) -> Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl Hash for Text<'_> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl<'a> From<&'a str> for Text<'a> {
    fn from(text: &'a str) -> Self {
        Text::Borrowed(text)
    }
}

impl From<String> for Text<'_> {
    fn from(text: String) -> Self {
        Text::Owned(text)
    }
}

impl<'a> From<Cow<'a, str>> for Text<'a> {
    fn from(text: Cow<'a, str>) -> Self {
        match text {
            Cow::Borrowed(text) => Text::Borrowed(text),
            Cow::Owned(text) => Text::Owned(text),
        }
    }
}

impl Serialize for Text<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl JsonSchema for Text<'_> {
    fn inline_schema() -> bool {
        String::inline_schema()
    }

    fn schema_name() -> Cow<'static, str> {
        String::schema_name()
    }

    fn schema_id() -> Cow<'static, str> {
        String::schema_id()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        String::json_schema(generator)
    }
}

impl PartialEq<Text<'_>> for str {
    fn eq(&self, other: &Text<'_>) -> bool {
        self == other.as_str()
    }
}

impl PartialEq<Text<'_>> for &str {
    fn eq(&self, other: &Text<'_>) -> bool {
        *self == other.as_str()
    }
}

impl PartialEq<Text<'_>> for String {
    fn eq(&self, other: &Text<'_>) -> bool {
        self.as_str() == other.as_str()
    }
}

impl PartialEq<String> for Text<'_> {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other.as_str()
    }
}
