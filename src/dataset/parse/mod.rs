//! Parsing dataset text into the model, with errors that name the line, column and field.

use serde::Deserialize;

pub(crate) mod keys;
mod records;

use super::load::{Origin, position};
use super::model::Dataset;
use crate::error::{Error, Result};
use crate::text::quote;

/// A field in a dataset file that nkru does not know and ignored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownField {
    /// Where the field is, such as `estimates[2].notes`.
    pub path: String,
}

/// A parsed dataset with the unknown fields met while reading it.
#[derive(Debug, Clone)]
pub struct Parsed<'a> {
    /// The dataset.
    pub dataset: Dataset<'a>,
    /// Fields the file has that nkru ignored, the first [`LISTED_UNKNOWN_FIELDS`] of them.
    pub unknown_fields: Vec<UnknownField>,
    /// How many more unknown fields there are beyond those listed.
    pub unlisted_fields: usize,
}

/// The most unknown fields listed one by one; the rest are counted.
pub const LISTED_UNKNOWN_FIELDS: usize = 100;

/// The deepest nesting of arrays and objects serde_json accepts when it builds values.
pub const NESTING_LIMIT: usize = 128;

/// Parses dataset text, naming the place of a syntax error or the path of a field of the wrong shape.
///
/// A good file with no unknown field is read once, by serde_json alone; a file that fails, or
/// has a key some record does not know, is read again with serde_ignored, which names each
/// unknown field (at the cost of a copy of every key) and reports the error as before.
pub fn parse<'a>(text: &'a str, origin: &Origin) -> Result<Parsed<'a>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    check_top_level(text, origin)?;
    if let (Ok(dataset), false) = keys::noting_unknown(|| serde_json::from_str::<Dataset>(text)) {
        return Ok(Parsed {
            dataset,
            unknown_fields: Vec::new(),
            unlisted_fields: 0,
        });
    }
    noting_unknown_fields(text, origin)
}

/// Parses dataset text, naming each unknown field it meets.
fn noting_unknown_fields<'a>(text: &'a str, origin: &Origin) -> Result<Parsed<'a>> {
    let mut unknown_fields = Vec::new();
    let mut unlisted_fields = 0;
    let mut json = serde_json::Deserializer::from_str(text);
    let mut note_unknown = |path: serde_ignored::Path<'_>| {
        if unknown_fields.len() >= LISTED_UNKNOWN_FIELDS {
            unlisted_fields += 1;
            return;
        }
        let mut text = String::new();
        write_path(&mut text, &path);
        unknown_fields.push(UnknownField { path: text });
    };
    let result = <Dataset as Deserialize>::deserialize(serde_ignored::Deserializer::new(
        &mut json,
        &mut note_unknown,
    ));
    let dataset = result.map_err(|error| Error::Dataset(locate(text, origin, &error)))?;
    json.end()
        .map_err(|error| Error::Dataset(describe_json_error(origin, ".", &error, text)))?;
    // Known fields are at most five levels deep, and anything deeper where the model expects a
    // value is a type error already; only the values of unknown fields, which serde_json skips
    // without building them, can nest deeper. Refuse them as serde_json would refuse to build them.
    if !unknown_fields.is_empty()
        && let Some(offset) = too_deep(text.as_bytes())
    {
        let (line, column) = position(text.as_bytes(), offset);
        return Err(Error::Dataset(format!(
            "{origin}: line {line} column {column}: invalid JSON: nested deeper than {NESTING_LIMIT} levels"
        )));
    }
    Ok(Parsed {
        dataset,
        unknown_fields,
        unlisted_fields,
    })
}

/// Parses dataset text that is known to be well formed, without noting unknown fields; an error
/// is still described as [`parse`] describes it.
pub fn plain<'a>(text: &'a str, origin: &Origin) -> Result<Dataset<'a>> {
    serde_json::from_str(text).map_err(|error| Error::Dataset(locate(text, origin, &error)))
}

/// Refuses text whose top-level value is not an object, before serde reads an array as a struct.
fn check_top_level(text: &str, origin: &Origin) -> Result<()> {
    let Some(offset) = text
        .bytes()
        .position(|byte| !matches!(byte, b' ' | b'\t' | b'\n' | b'\r'))
    else {
        return Err(Error::Dataset(format!("{origin}: the file is empty")));
    };
    let found = match text.as_bytes()[offset] {
        b'[' => "an array",
        b'"' => "a string",
        b'-' | b'0'..=b'9' => "a number",
        b't' | b'f' => "a boolean",
        b'n' => "null",
        // An object, or not the start of any JSON value: the parser names that syntax error.
        _ => return Ok(()),
    };
    let (line, column) = position(text.as_bytes(), offset);
    Err(Error::Dataset(format!(
        "{origin}: line {line} column {column}: the top level must be the dataset object, not {found}"
    )))
}

/// The offset of the first bracket that opens a level deeper than [`NESTING_LIMIT`], if any.
fn too_deep(bytes: &[u8]) -> Option<usize> {
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    for (offset, byte) in bytes.iter().enumerate() {
        if in_string {
            match byte {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match byte {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > NESTING_LIMIT {
                    return Some(offset);
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

/// Writes a path of serde_ignored as `estimates[2].note`, the way field paths read elsewhere.
fn write_path(text: &mut String, path: &serde_ignored::Path<'_>) {
    use serde_ignored::Path;
    match path {
        Path::Root => {}
        Path::Seq { parent, index } => {
            write_path(text, parent);
            text.push_str(&format!("[{index}]"));
        }
        Path::Map { parent, key } => {
            write_path(text, parent);
            if !text.is_empty() {
                text.push('.');
            }
            text.push_str(key);
        }
        Path::Some { parent }
        | Path::NewtypeStruct { parent }
        | Path::NewtypeVariant { parent } => {
            write_path(text, parent);
        }
    }
}

/// The message of an error met while parsing, with the path of the field it is about.
///
/// Keeping the path of every value costs a string for every key of the file, so the one parse of
/// a good file does without; a file with a wrong field is read again with serde_path_to_error,
/// which stops at the same place and names the path.
fn locate(text: &str, origin: &Origin, error: &serde_json::Error) -> String {
    if error.classify() != serde_json::error::Category::Data {
        return describe_json_error(origin, ".", error, text);
    }
    let mut json = serde_json::Deserializer::from_str(text);
    match serde_path_to_error::deserialize::<_, Dataset>(&mut json) {
        Err(located) => {
            let path = located.path().to_string();
            describe_json_error(origin, &path, located.inner(), text)
        }
        Ok(_) => describe_json_error(origin, ".", error, text),
    }
}

fn describe_json_error(
    origin: &Origin,
    path: &str,
    error: &serde_json::Error,
    text: &str,
) -> String {
    use serde_json::error::Category;
    let message = error.to_string();
    let message = match message.rfind(" at line ") {
        Some(end) => &message[..end],
        None => &message,
    };
    let place = format!("line {} column {}", error.line(), error.column());
    if let Some(key) = message
        .strip_prefix("duplicate field `")
        .and_then(|rest| rest.strip_suffix('`'))
    {
        let at = if path == "." {
            String::new()
        } else {
            format!("{path}: ")
        };
        return format!(
            "{origin}: {place}: {at}the key `{}` appears twice in one object; a key may appear only once",
            quote(key)
        );
    }
    let written = number_at(text, error.line(), error.column());
    match error.classify() {
        Category::Syntax | Category::Eof | Category::Io => {
            format!("{origin}: {place}: invalid JSON: {message}")
        }
        Category::Data if path == "." => {
            format!("{origin}: {place}: dataset: {}", in_words(message, written))
        }
        Category::Data => format!("{origin}: {place}: {path}: {}", in_words(message, written)),
    }
}

/// The number written in the text just before a line and column, as serde reports the end of a
/// value that it refused.
fn number_at(text: &str, line: usize, column: usize) -> Option<&str> {
    let line = text.split('\n').nth(line.checked_sub(1)?)?;
    let before = line.get(..column)?;
    let numeric = |character: char| matches!(character, '0'..='9' | '-' | '+' | '.' | 'e' | 'E');
    // Every character of a number is ASCII, so the number's first byte is a char boundary.
    let length = before.chars().rev().take_while(|c| numeric(*c)).count();
    let number = &before[before.len() - length..];
    (!number.is_empty()).then_some(number)
}

/// A serde type error with Rust's type names put in the words of the dataset format:
/// `invalid type: string "many", expected u64` becomes
/// `invalid type: string "many", expected a whole number from 0 to 18446744073709551615`.
fn in_words(message: &str, written: Option<&str>) -> String {
    let Some(rest) = ["invalid type: ", "invalid value: "]
        .iter()
        .find_map(|prefix| message.strip_prefix(prefix).map(|rest| (*prefix, rest)))
    else {
        return message.to_owned();
    };
    let (prefix, rest) = rest;
    let Some(split) = rest.rfind(", expected ") else {
        return message.to_owned();
    };
    let (found, expected) = (&rest[..split], &rest[split + ", expected ".len()..]);
    // Serde shows a number too large for any integer as a float; the file's own digits read better.
    let number = found
        .strip_prefix("integer ")
        .or_else(|| found.strip_prefix("floating point "))
        .map(|shown| written.map_or_else(|| shown.to_owned(), |digits| format!("`{digits}`")));
    // A number of the wrong kind (negative, fractional, too large) where a number belongs is a
    // wrong value, not a wrong type, whatever Rust type serde_json read it as.
    let numeric = matches!(expected, "u64" | "i32");
    let prefix = if number.is_some() && numeric {
        "invalid value: "
    } else {
        prefix
    };
    let found = if let Some(number) = number {
        format!("number {number}")
    } else {
        match found {
            "sequence" => String::from("array"),
            "map" => String::from("object"),
            "unit value" => String::from("null"),
            other => quote(other),
        }
    };
    let expected = match expected {
        "u64" => String::from("a whole number from 0 to 18446744073709551615"),
        "i32" => String::from("a whole number from -2147483648 to 2147483647"),
        "a sequence" => String::from("an array"),
        "a boolean" => String::from("true or false"),
        other if other.starts_with("struct ") => String::from("an object"),
        other => other.to_owned(),
    };
    format!("{prefix}{found}, expected {expected}")
}
