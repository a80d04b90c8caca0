//! Loading a dataset (embedded, from a file or from stdin) and checking its invariants.

use std::borrow::Cow;
use std::collections::HashSet;
use std::fmt;
use std::fs;
use std::hash::{BuildHasher, BuildHasherDefault, DefaultHasher};
use std::io::Read;
use std::path::Path;
use std::sync::Arc;

use crate::error::{Error, Result};
use serde::Deserialize;

use crate::model::{Dataset, Period};
use crate::text::{escape_control, quote};

/// The dataset built into nkru, from `data/nkru.json`.
pub const EMBEDDED: &str = include_str!("../data/nkru.json");

/// The largest dataset file read unless the user raises the limit, in bytes (256 MiB).
pub const DEFAULT_SIZE_LIMIT: u64 = 256 * 1024 * 1024;

/// Where a dataset comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// The dataset built into nkru.
    Embedded,
    /// Standard input.
    Stdin,
    /// A file on disk.
    File(String),
    /// Dataset bytes already in memory, such as a test's or a fuzzer's.
    Memory(Arc<[u8]>),
}

impl fmt::Display for Origin {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Origin::Embedded => formatter.write_str("embedded dataset"),
            Origin::Stdin => formatter.write_str("<stdin>"),
            // A file name is user input: it must not act on the terminal either.
            Origin::File(path) => formatter.write_str(&escape_control(path)),
            Origin::Memory(_) => formatter.write_str("<memory>"),
        }
    }
}

/// A field in a dataset file that nkru does not know and ignored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownField {
    /// Where the field is, such as `estimates[2].notes`.
    pub path: String,
}

/// One broken invariant of a dataset, naming the record and field it is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The record, such as `estimates[3] (refugees-1999)`.
    pub record: String,
    /// What is wrong with it.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(formatter, "{}: {}", self.record, self.message)
    }
}

/// A parsed dataset with the unknown fields met while reading it.
#[derive(Debug, Clone)]
pub struct Parsed {
    /// The dataset.
    pub dataset: Dataset,
    /// Fields the file has that nkru ignored.
    pub unknown_fields: Vec<UnknownField>,
}

/// Reads the raw text of a dataset from `origin`, refusing what cannot be a dataset; the
/// embedded text is borrowed, not copied.
pub fn read(origin: &Origin, size_limit: u64) -> Result<Cow<'static, str>> {
    let bytes = match origin {
        Origin::Embedded => return Ok(Cow::Borrowed(EMBEDDED)),
        Origin::Stdin => read_limited(std::io::stdin().lock(), size_limit, 0, origin)?,
        Origin::File(path) if path.is_empty() => {
            return Err(Error::Usage(String::from(
                "the dataset file name is empty: give a path, or - for standard input",
            )));
        }
        Origin::File(path) => read_file(Path::new(path), size_limit, origin)?,
        Origin::Memory(bytes) => read_limited(&bytes[..], size_limit, 0, origin)?,
    };
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(Error::Dataset(format!("{origin}: the file is empty")));
    }
    String::from_utf8(bytes).map(Cow::Owned).map_err(|error| {
        let offset = error.utf8_error().valid_up_to();
        let bytes = error.as_bytes();
        let (line, column) = position(bytes, offset);
        Error::Dataset(format!(
            "{origin}: line {line} column {column}: not UTF-8 text (byte 0x{:02x} at offset {offset})",
            bytes[offset]
        ))
    })
}

fn read_file(path: &Path, size_limit: u64, origin: &Origin) -> Result<Vec<u8>> {
    let cannot_read = |error: std::io::Error| {
        Error::Dataset(format!("{origin}: cannot read: {}", io_reason(&error)))
    };
    let metadata = fs::metadata(path).map_err(cannot_read)?;
    if metadata.is_dir() {
        return Err(Error::Dataset(format!(
            "{origin}: is a directory, not a dataset file"
        )));
    }
    if metadata.len() > size_limit {
        return Err(too_large(origin, size_limit));
    }
    let file = fs::File::open(path).map_err(cannot_read)?;
    read_limited(file, size_limit, metadata.len(), origin)
}

/// Reads at most `size_limit` bytes; `expected` sizes the buffer once so a large file is not
/// copied while the buffer grows.
fn read_limited(
    reader: impl Read,
    size_limit: u64,
    expected: u64,
    origin: &Origin,
) -> Result<Vec<u8>> {
    let capacity = usize::try_from(expected.min(size_limit).saturating_add(1)).unwrap_or(0);
    let mut bytes = Vec::with_capacity(capacity);
    reader
        .take(size_limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|error| Error::Dataset(format!("{origin}: cannot read: {}", io_reason(&error))))?;
    if bytes.len() as u64 > size_limit {
        return Err(too_large(origin, size_limit));
    }
    Ok(bytes)
}

fn too_large(origin: &Origin, size_limit: u64) -> Error {
    Error::Dataset(format!(
        "{origin}: larger than the limit of {size_limit} bytes (raise it with --max-size or NKRU_MAX_SIZE)"
    ))
}

/// The line and column (both from 1, the column in bytes as serde_json counts) of a byte offset.
// Counting the lines before one refused byte runs once per error, not once per record.
#[allow(clippy::naive_bytecount)]
fn position(bytes: &[u8], offset: usize) -> (usize, usize) {
    let before = &bytes[..offset];
    let line = before.iter().filter(|byte| **byte == b'\n').count() + 1;
    let line_start = before
        .iter()
        .rposition(|byte| *byte == b'\n')
        .map_or(0, |newline| newline + 1);
    (line, offset - line_start + 1)
}

/// The reason of an I/O error in words, without the OS error number.
fn io_reason(error: &std::io::Error) -> String {
    match error.kind() {
        std::io::ErrorKind::NotFound => String::from("no such file"),
        std::io::ErrorKind::PermissionDenied => String::from("permission denied"),
        _ => {
            let text = error.to_string();
            match text.find(" (os error") {
                Some(end) => text[..end].to_owned(),
                None => text,
            }
        }
    }
}

/// The deepest nesting of arrays and objects serde_json accepts when it builds values.
pub const NESTING_LIMIT: usize = 128;

/// Parses dataset text, naming the place of a syntax error or the path of a field of the wrong shape.
pub fn parse(text: &str, origin: &Origin) -> Result<Parsed> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    check_top_level(text, origin)?;
    let mut unknown_fields = Vec::new();
    let mut json = serde_json::Deserializer::from_str(text);
    let mut note_unknown = |path: serde_ignored::Path<'_>| {
        let mut text = String::new();
        write_path(&mut text, &path);
        unknown_fields.push(UnknownField { path: text });
    };
    let result = Dataset::deserialize(serde_ignored::Deserializer::new(
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
    })
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
    // A number of the wrong kind (negative, fractional, too large) is a wrong value, not a
    // wrong type, whatever Rust type serde_json read it as.
    let prefix = if number.is_some() {
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
            other => crate::text::quote(other),
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

/// Passes a parsed dataset that keeps every invariant; one with problems is an error listing
/// every one of them.
pub fn checked(origin: &Origin, parsed: Parsed) -> Result<Parsed> {
    let problems = validate(&parsed.dataset);
    if !problems.is_empty() {
        return Err(invalid(origin, &problems));
    }
    Ok(parsed)
}

/// The error for a dataset with problems: every problem on its own line.
pub fn invalid(origin: &Origin, problems: &[Problem]) -> Error {
    let lines: Vec<String> = problems
        .iter()
        .map(|problem| format!("{origin}: {problem}"))
        .collect();
    Error::Dataset(lines.join("\n"))
}

/// Checks every invariant of a dataset and returns each broken one.
///
/// Names of records and fields are only written out for a problem, so checking a large
/// dataset allocates little beyond the sets of ids.
pub fn validate(dataset: &Dataset) -> Vec<Problem> {
    let mut checker = Checker::default();
    let whole = Record::new("dataset", None, "");
    checker.text(&whole, format_args!("title"), &dataset.title);
    checker.text(&whole, format_args!("overview"), &dataset.overview);
    checker.text(&whole, format_args!("version"), &dataset.version);
    for (index, category) in dataset.categories.iter().enumerate() {
        checker.text(&whole, format_args!("categories[{index}]"), category);
    }

    let group_ids: Vec<&str> = dataset
        .groups
        .iter()
        .map(|group| group.id.as_str())
        .collect();
    checker.unique_ids("groups", &group_ids);
    let group_ids: HashSet<&str> = group_ids.into_iter().collect();
    let source_ids: Vec<&str> = dataset
        .sources
        .iter()
        .map(|source| source.id.as_str())
        .collect();
    checker.unique_ids("sources", &source_ids);
    let source_ids: HashSet<&str> = source_ids.into_iter().collect();
    let estimate_ids: Vec<&str> = dataset
        .estimates
        .iter()
        .map(|estimate| estimate.id.as_str())
        .collect();
    checker.unique_ids("estimates", &estimate_ids);
    let event_ids: Vec<&str> = dataset
        .events
        .iter()
        .map(|event| event.id.as_str())
        .collect();
    checker.unique_ids("events", &event_ids);
    let related_ids: Vec<&str> = dataset
        .related
        .iter()
        .map(|related| related.id.as_str())
        .collect();
    checker.unique_ids("related", &related_ids);

    for (index, group) in dataset.groups.iter().enumerate() {
        let record = Record::new("groups", Some(index), &group.id);
        checker.text(&record, format_args!("name"), &group.name);
        checker.text(&record, format_args!("description"), &group.description);
        for (alias_index, alias) in group.aliases.iter().enumerate() {
            checker.text(&record, format_args!("aliases[{alias_index}]"), alias);
        }
        for (period_index, period) in group.periods.iter().enumerate() {
            checker.period(&record, format_args!("periods[{period_index}]"), period);
        }
        for (fact_index, fact) in group.facts.iter().enumerate() {
            checker.text(
                &record,
                format_args!("facts[{fact_index}].text"),
                &fact.text,
            );
            checker.text(
                &record,
                format_args!("facts[{fact_index}].section"),
                &fact.section,
            );
            checker.reference(
                &record,
                format_args!("facts[{fact_index}].source"),
                &fact.source,
                "source",
                &source_ids,
            );
        }
    }

    for (index, estimate) in dataset.estimates.iter().enumerate() {
        let record = Record::new("estimates", Some(index), &estimate.id);
        if estimate.low > estimate.high {
            checker.problem(
                &record,
                format!("low ({}) is above high ({})", estimate.low, estimate.high),
            );
        }
        if let Some(group) = &estimate.group {
            checker.reference(&record, format_args!("group"), group, "group", &group_ids);
        }
        checker.period(&record, format_args!("period"), &estimate.period);
        if let Some(region) = &estimate.region {
            checker.text(&record, format_args!("region"), region);
        }
        checker.text(&record, format_args!("measure"), &estimate.measure);
        checker.text(&record, format_args!("section"), &estimate.section);
        checker.reference(
            &record,
            format_args!("source"),
            &estimate.source,
            "source",
            &source_ids,
        );
    }

    for (index, event) in dataset.events.iter().enumerate() {
        let record = Record::new("events", Some(index), &event.id);
        checker.period(&record, format_args!("period"), &event.period);
        if event.period.from.is_none() {
            checker.problem(
                &record,
                String::from("period.from is null: an event needs a year"),
            );
        }
        checker.text(&record, format_args!("description"), &event.description);
        checker.text(&record, format_args!("section"), &event.section);
        for (group_index, group) in event.groups.iter().enumerate() {
            checker.reference(
                &record,
                format_args!("groups[{group_index}]"),
                group,
                "group",
                &group_ids,
            );
        }
        checker.reference(
            &record,
            format_args!("source"),
            &event.source,
            "source",
            &source_ids,
        );
    }

    for (index, source) in dataset.sources.iter().enumerate() {
        let record = Record::new("sources", Some(index), &source.id);
        checker.text(&record, format_args!("name"), &source.name);
        checker.text(&record, format_args!("kind"), &source.kind);
        checker.text(&record, format_args!("description"), &source.description);
        if let Some(author) = &source.author {
            checker.text(&record, format_args!("author"), author);
        }
    }

    for (index, related) in dataset.related.iter().enumerate() {
        let record = Record::new("related", Some(index), &related.id);
        checker.text(&record, format_args!("name"), &related.name);
        checker.text(&record, format_args!("description"), &related.description);
        checker.text(&record, format_args!("origin"), &related.origin);
        checker.text(&record, format_args!("destination"), &related.destination);
        checker.text(&record, format_args!("section"), &related.section);
        checker.period(&record, format_args!("period"), &related.period);
        checker.reference(
            &record,
            format_args!("source"),
            &related.source,
            "source",
            &source_ids,
        );
    }

    checker.problems
}

/// A record named as problems name it: `estimates[3] (refugees-1999)`, or `dataset`.
struct Record<'a> {
    /// The list the record is in, or `dataset` for the dataset's own fields.
    list: &'static str,
    /// The record's position in its list.
    index: Option<usize>,
    /// The record's id, left out when blank.
    id: &'a str,
}

impl<'a> Record<'a> {
    fn new(list: &'static str, index: Option<usize>, id: &'a str) -> Self {
        Record { list, index, id }
    }
}

impl fmt::Display for Record<'_> {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str(self.list)?;
        if let Some(index) = self.index {
            write!(formatter, "[{index}]")?;
        }
        if !self.id.trim().is_empty() {
            write!(formatter, " ({})", quote(self.id))?;
        }
        Ok(())
    }
}

/// Collects problems while the invariants are checked.
#[derive(Default)]
struct Checker {
    problems: Vec<Problem>,
}

impl Checker {
    fn problem(&mut self, record: &Record<'_>, message: String) {
        self.problems.push(Problem {
            record: record.to_string(),
            message,
        });
    }

    fn text(&mut self, record: &Record<'_>, field: fmt::Arguments<'_>, value: &str) {
        if value.trim().is_empty() {
            self.problem(record, format!("{field} is empty"));
        }
    }

    fn period(&mut self, record: &Record<'_>, field: fmt::Arguments<'_>, period: &Period) {
        if let (Some(from), Some(to)) = (period.from, period.to)
            && from > to
        {
            self.problem(record, format!("{field}: from ({from}) is after to ({to})"));
        }
        self.text(record, format_args!("{field}.text"), &period.text);
    }

    fn reference(
        &mut self,
        record: &Record<'_>,
        field: fmt::Arguments<'_>,
        id: &str,
        kind: &str,
        known: &HashSet<&str>,
    ) {
        if id.trim().is_empty() {
            // A source is required; a group is optional only by being null or left out of a list.
            let hint = if kind == "source" {
                "every record needs a source"
            } else {
                "name a group or leave it out"
            };
            self.problem(record, format!("{field} is empty: {hint}"));
        } else if !known.contains(id) {
            self.problem(
                record,
                format!("{field}: no {kind} has the id `{}`", quote(id)),
            );
        }
    }

    /// Checks that the ids of one list are present and unique, naming each record whose id is
    /// blank or used by an earlier record, in the order of the list.
    fn unique_ids(&mut self, list: &'static str, ids: &[&str]) {
        // Sorting the ids' hashes finds repeats with far fewer cache misses than a set of a
        // million strings would; only ids with equal hashes are compared.
        let hashing = BuildHasherDefault::<DefaultHasher>::default();
        let mut hashes: Vec<(u64, usize)> = ids
            .iter()
            .enumerate()
            .filter(|(_, id)| !id.trim().is_empty())
            .map(|(index, id)| (hashing.hash_one(id), index))
            .collect();
        hashes.sort_unstable();
        let mut repeated: Vec<usize> = Vec::new();
        for run in hashes.chunk_by(|left, right| left.0 == right.0) {
            for (position, &(_, index)) in run.iter().enumerate() {
                if run[..position]
                    .iter()
                    .any(|&(_, earlier)| ids[earlier] == ids[index])
                {
                    repeated.push(index);
                }
            }
        }
        repeated.sort_unstable();
        let mut repeated = repeated.into_iter().peekable();
        for (index, id) in ids.iter().enumerate() {
            let record = Record::new(list, Some(index), id);
            if id.trim().is_empty() {
                self.problem(&record, String::from("id is empty"));
            } else if repeated.next_if_eq(&index).is_some() {
                self.problem(
                    &record,
                    format!("id `{}` is used by an earlier record of {list}", quote(id)),
                );
            }
        }
    }
}

/// Parses the embedded dataset; it is checked by the tests, so a failure here is a build defect.
pub fn embedded() -> Result<Dataset> {
    let origin = Origin::Embedded;
    checked(&origin, parse(EMBEDDED, &origin)?).map(|parsed| parsed.dataset)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn embedded_dataset() -> Dataset {
        parse(EMBEDDED, &Origin::Embedded).map_or_else(
            |error| panic!("the embedded dataset does not parse: {error}"),
            |parsed| parsed.dataset,
        )
    }

    #[test]
    fn embedded_dataset_has_no_unknown_fields() {
        let parsed = parse(EMBEDDED, &Origin::Embedded).expect("embedded dataset parses");
        assert_eq!(parsed.unknown_fields, Vec::new());
    }

    #[test]
    fn embedded_dataset_keeps_every_invariant() {
        let problems = validate(&embedded_dataset());
        assert!(problems.is_empty(), "{problems:#?}");
    }

    #[test]
    fn embedded_dataset_has_the_three_groups() {
        let dataset = embedded_dataset();
        let ids: Vec<&str> = dataset
            .groups
            .iter()
            .map(|group| group.id.as_str())
            .collect();
        assert_eq!(ids, ["students", "workers", "refugees"]);
        assert_eq!(dataset.related[0].id, "koryo-saram");
    }

    #[test]
    fn a_typo_in_a_field_name_is_reported() {
        let broken = EMBEDDED.replacen("\"measure\"", "\"meassure\"", 1);
        let error = parse(&broken, &Origin::Embedded).expect_err("missing field");
        assert!(
            error.to_string().contains("missing field `measure`"),
            "{error}"
        );
        let extra = EMBEDDED.replacen("\"measure\"", "\"note\": \"x\", \"measure\"", 1);
        let parsed = parse(&extra, &Origin::Embedded).expect("an unknown field still loads");
        assert_eq!(parsed.unknown_fields[0].path, "estimates[0].note");
    }

    #[test]
    fn every_repeated_and_blank_id_is_named_in_list_order() {
        let mut checker = Checker::default();
        checker.unique_ids("events", &["a", "b", "a", " ", "a", "b", "c"]);
        let messages: Vec<String> = checker.problems.iter().map(ToString::to_string).collect();
        assert_eq!(
            messages,
            [
                "events[2] (a): id `a` is used by an earlier record of events",
                "events[3]: id is empty",
                "events[4] (a): id `a` is used by an earlier record of events",
                "events[5] (b): id `b` is used by an earlier record of events",
            ]
        );
    }

    #[test]
    fn every_broken_invariant_is_reported() {
        let mut dataset = embedded_dataset();
        dataset.estimates[1].low = 9;
        dataset.estimates[1].high = 3;
        dataset.estimates[2].id = dataset.estimates[0].id.clone();
        dataset.estimates[3].source = String::from("nowhere");
        dataset.events[0].groups.push(String::from("sailors"));
        dataset.events[1].period.from = Some(2000);
        dataset.groups[0].name = String::from(" ");
        dataset.related[0].source = String::new();
        let messages: Vec<String> = validate(&dataset).iter().map(ToString::to_string).collect();
        assert_eq!(
            messages,
            [
                "estimates[2] (total-2006): id `total-2006` is used by an earlier record of estimates",
                "groups[0] (students): name is empty",
                "estimates[1] (workers-1940s): low (9) is above high (3)",
                "estimates[3] (refugees-1999): source: no source has the id `nowhere`",
                "events[0] (workers-recruited-sakhalin): groups[1]: no group has the id `sailors`",
                "events[1] (students-reconstruction): period: from (2000) is after to (1962)",
                "related[0] (koryo-saram): source is empty: every record needs a source",
            ]
        );
    }
}
