//! Loading a dataset (embedded, from a file or from stdin) and checking its invariants.

use std::collections::HashSet;
use std::fmt;
use std::fs;
use std::io::Read;
use std::path::Path;
use std::sync::Arc;

use crate::error::{Error, Result};
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

/// Reads the raw text of a dataset from `origin`, refusing what cannot be a dataset.
pub fn read(origin: &Origin, size_limit: u64) -> Result<String> {
    let bytes = match origin {
        Origin::Embedded => return Ok(EMBEDDED.to_owned()),
        Origin::Stdin => read_limited(std::io::stdin().lock(), size_limit, origin)?,
        Origin::File(path) if path.is_empty() => {
            return Err(Error::Usage(String::from(
                "the dataset file name is empty: give a path, or - for standard input",
            )));
        }
        Origin::File(path) => read_file(Path::new(path), size_limit, origin)?,
        Origin::Memory(bytes) => read_limited(&bytes[..], size_limit, origin)?,
    };
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(Error::Dataset(format!("{origin}: the file is empty")));
    }
    String::from_utf8(bytes).map_err(|error| {
        Error::Dataset(format!(
            "{origin}: not UTF-8 text (invalid byte at offset {})",
            error.utf8_error().valid_up_to()
        ))
    })
}

fn read_file(path: &Path, size_limit: u64, origin: &Origin) -> Result<Vec<u8>> {
    let metadata = fs::metadata(path)
        .map_err(|error| Error::Dataset(format!("{origin}: cannot read: {}", io_reason(&error))))?;
    if metadata.is_dir() {
        return Err(Error::Dataset(format!(
            "{origin}: is a directory, not a dataset file"
        )));
    }
    let file = fs::File::open(path)
        .map_err(|error| Error::Dataset(format!("{origin}: cannot read: {}", io_reason(&error))))?;
    read_limited(file, size_limit, origin)
}

fn read_limited(reader: impl Read, size_limit: u64, origin: &Origin) -> Result<Vec<u8>> {
    let mut bytes = Vec::new();
    reader
        .take(size_limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|error| Error::Dataset(format!("{origin}: cannot read: {}", io_reason(&error))))?;
    if bytes.len() as u64 > size_limit {
        return Err(Error::Dataset(format!(
            "{origin}: larger than the limit of {size_limit} bytes (raise it with --max-size or NKRU_MAX_SIZE)"
        )));
    }
    Ok(bytes)
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

/// Parses dataset text, naming the place of a syntax error or the path of a field of the wrong shape.
pub fn parse(text: &str, origin: &Origin) -> Result<Parsed> {
    refuse_top_level_array(text, origin)?;
    let mut unknown_fields = Vec::new();
    let mut json = serde_json::Deserializer::from_str(text);
    let mut note_unknown = |path: serde_ignored::Path<'_>| {
        unknown_fields.push(UnknownField {
            path: path.to_string(),
        });
    };
    let result = serde_path_to_error::deserialize::<_, Dataset>(serde_ignored::Deserializer::new(
        &mut json,
        &mut note_unknown,
    ));
    let dataset = result.map_err(|error| {
        let path = error.path().to_string();
        let inner = error.into_inner();
        Error::Dataset(describe_json_error(origin, &path, &inner, text))
    })?;
    json.end()
        .map_err(|error| Error::Dataset(describe_json_error(origin, ".", &error, text)))?;
    Ok(Parsed {
        dataset,
        unknown_fields,
    })
}

/// Refuses a top-level array: serde would read one as a dataset's fields in order, a shape that
/// only works by accident and that no documentation describes.
fn refuse_top_level_array(text: &str, origin: &Origin) -> Result<()> {
    let start = text.trim_start();
    if !start.starts_with('[') {
        return Ok(());
    }
    let leading = &text[..text.len() - start.len()];
    let line = leading.matches('\n').count() + 1;
    let column = leading
        .rsplit('\n')
        .next()
        .map_or(0, |last| last.chars().count())
        + 1;
    Err(Error::Dataset(format!(
        "{origin}: line {line} column {column}: the top level must be a dataset object, not an array"
    )))
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
    let message = plain_words(message, number_at(text, error.line(), error.column()));
    let place = format!("line {} column {}", error.line(), error.column());
    match error.classify() {
        Category::Syntax | Category::Eof | Category::Io => {
            format!("{origin}: {place}: invalid JSON: {message}")
        }
        Category::Data if path == "." && message.starts_with("the key ") => {
            format!("{origin}: {place}: {message}")
        }
        Category::Data if path == "." => {
            format!("{origin}: {place}: the top level must be a dataset object: {message}")
        }
        Category::Data => format!("{origin}: {place}: {path}: {message}"),
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

/// Serde's wording of the errors a dataset's author is likely to meet, said in the dataset's terms:
/// a repeated key, a negative or oversized figure, a year out of range.
fn plain_words(message: &str, written: Option<&str>) -> String {
    const FIGURES: &str = "a figure must be a whole number from 0 to 18446744073709551615";
    const YEARS: &str = "a year must be a whole number from -2147483648 to 2147483647";
    let between = |prefix: &str, suffix: &str| {
        message
            .strip_prefix(prefix)
            .and_then(|rest| rest.strip_suffix(suffix))
    };
    if let Some(key) = between("duplicate field `", "`") {
        return format!("the key `{key}` appears twice in one object; a key may appear only once");
    }
    // Serde shows a number too large for any integer as a float; the file's own digits read better.
    let number = |shown: &str| written.unwrap_or(shown).to_owned();
    if let Some(shown) = between("invalid value: integer `", "`, expected u64")
        .or_else(|| between("invalid type: floating point `", "`, expected u64"))
    {
        return format!("{} is not allowed: {FIGURES}", number(shown));
    }
    if let Some(shown) = between("invalid value: integer `", "`, expected i32")
        .or_else(|| between("invalid type: floating point `", "`, expected i32"))
    {
        return format!("{} is not allowed: {YEARS}", number(shown));
    }
    message.to_owned()
}

/// Loads and validates a dataset; a dataset with problems is an error listing every one of them.
pub fn load(origin: &Origin, size_limit: u64) -> Result<Parsed> {
    let text = read(origin, size_limit)?;
    let parsed = parse(&text, origin)?;
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
pub fn validate(dataset: &Dataset) -> Vec<Problem> {
    let mut checker = Checker::default();
    checker.text("dataset", "title", &dataset.title);
    checker.text("dataset", "overview", &dataset.overview);
    checker.text("dataset", "version", &dataset.version);
    for (index, category) in dataset.categories.iter().enumerate() {
        checker.text("dataset", &format!("categories[{index}]"), category);
    }

    let group_ids = checker.ids(
        "groups",
        dataset.groups.iter().map(|group| group.id.as_str()),
    );
    let source_ids = checker.ids(
        "sources",
        dataset.sources.iter().map(|source| source.id.as_str()),
    );
    checker.ids(
        "estimates",
        dataset
            .estimates
            .iter()
            .map(|estimate| estimate.id.as_str()),
    );
    checker.ids(
        "events",
        dataset.events.iter().map(|event| event.id.as_str()),
    );
    checker.ids(
        "related",
        dataset.related.iter().map(|related| related.id.as_str()),
    );

    for (index, group) in dataset.groups.iter().enumerate() {
        let record = record_name("groups", index, &group.id);
        checker.text(&record, "name", &group.name);
        checker.text(&record, "description", &group.description);
        for (alias_index, alias) in group.aliases.iter().enumerate() {
            checker.text(&record, &format!("aliases[{alias_index}]"), alias);
        }
        for (period_index, period) in group.periods.iter().enumerate() {
            checker.period(&record, &format!("periods[{period_index}]"), period);
        }
        for (fact_index, fact) in group.facts.iter().enumerate() {
            let field = format!("facts[{fact_index}]");
            checker.text(&record, &format!("{field}.text"), &fact.text);
            checker.text(&record, &format!("{field}.section"), &fact.section);
            checker.reference(
                &record,
                &format!("{field}.source"),
                &fact.source,
                "source",
                &source_ids,
            );
        }
    }

    for (index, estimate) in dataset.estimates.iter().enumerate() {
        let record = record_name("estimates", index, &estimate.id);
        if estimate.low > estimate.high {
            checker.problem(
                &record,
                format!("low ({}) is above high ({})", estimate.low, estimate.high),
            );
        }
        if let Some(group) = &estimate.group {
            checker.reference(&record, "group", group, "group", &group_ids);
        }
        checker.period(&record, "period", &estimate.period);
        if let Some(region) = &estimate.region {
            checker.text(&record, "region", region);
        }
        checker.text(&record, "measure", &estimate.measure);
        checker.text(&record, "section", &estimate.section);
        checker.reference(&record, "source", &estimate.source, "source", &source_ids);
    }

    for (index, event) in dataset.events.iter().enumerate() {
        let record = record_name("events", index, &event.id);
        checker.period(&record, "period", &event.period);
        if event.period.from.is_none() {
            checker.problem(
                &record,
                String::from("period.from is null: an event needs a year"),
            );
        }
        checker.text(&record, "description", &event.description);
        checker.text(&record, "section", &event.section);
        for (group_index, group) in event.groups.iter().enumerate() {
            checker.reference(
                &record,
                &format!("groups[{group_index}]"),
                group,
                "group",
                &group_ids,
            );
        }
        checker.reference(&record, "source", &event.source, "source", &source_ids);
    }

    for (index, source) in dataset.sources.iter().enumerate() {
        let record = record_name("sources", index, &source.id);
        checker.text(&record, "name", &source.name);
        checker.text(&record, "kind", &source.kind);
        checker.text(&record, "description", &source.description);
        if let Some(author) = &source.author {
            checker.text(&record, "author", author);
        }
    }

    for (index, related) in dataset.related.iter().enumerate() {
        let record = record_name("related", index, &related.id);
        checker.text(&record, "name", &related.name);
        checker.text(&record, "description", &related.description);
        checker.text(&record, "origin", &related.origin);
        checker.text(&record, "destination", &related.destination);
        checker.text(&record, "section", &related.section);
        checker.period(&record, "period", &related.period);
        checker.reference(&record, "source", &related.source, "source", &source_ids);
    }

    checker.problems
}

/// How a message names a record: its place in its list and, when it has one, its id.
fn record_name(list: &str, index: usize, id: &str) -> String {
    if id.trim().is_empty() {
        format!("{list}[{index}]")
    } else {
        format!("{list}[{index}] ({})", quote(id))
    }
}

/// Collects problems while the invariants are checked.
#[derive(Default)]
struct Checker {
    problems: Vec<Problem>,
}

impl Checker {
    fn problem(&mut self, record: &str, message: String) {
        self.problems.push(Problem {
            record: record.to_owned(),
            message,
        });
    }

    fn text(&mut self, record: &str, field: &str, value: &str) {
        if value.trim().is_empty() {
            self.problem(record, format!("{field} is empty"));
        }
    }

    fn period(&mut self, record: &str, field: &str, period: &Period) {
        if let (Some(from), Some(to)) = (period.from, period.to)
            && from > to
        {
            self.problem(record, format!("{field}: from ({from}) is after to ({to})"));
        }
        self.text(record, &format!("{field}.text"), &period.text);
    }

    fn reference(
        &mut self,
        record: &str,
        field: &str,
        id: &str,
        kind: &str,
        known: &HashSet<String>,
    ) {
        if id.trim().is_empty() {
            self.problem(
                record,
                format!("{field} is empty: every record needs a {kind}"),
            );
        } else if !known.contains(id) {
            self.problem(
                record,
                format!("{field}: no {kind} has the id `{}`", quote(id)),
            );
        }
    }

    /// Checks that ids of one list are present and unique, and returns them.
    fn ids<'a>(&mut self, list: &str, ids: impl Iterator<Item = &'a str>) -> HashSet<String> {
        let mut seen = HashSet::new();
        for (index, id) in ids.enumerate() {
            if id.trim().is_empty() {
                self.problem(&format!("{list}[{index}]"), String::from("id is empty"));
            } else if !seen.insert(id.to_owned()) {
                self.problem(
                    &record_name(list, index, id),
                    format!("id `{}` is used by an earlier record of {list}", quote(id)),
                );
            }
        }
        seen
    }
}

/// Parses the embedded dataset; it is checked by the tests, so a failure here is a build defect.
pub fn embedded() -> Result<Dataset> {
    load(&Origin::Embedded, DEFAULT_SIZE_LIMIT).map(|parsed| parsed.dataset)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn embedded_dataset() -> Dataset {
        parse(EMBEDDED, &Origin::Embedded)
            .map(|parsed| parsed.dataset)
            .unwrap_or_else(|error| panic!("the embedded dataset does not parse: {error}"))
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
        assert_eq!(parsed.unknown_fields[0].path, "estimates.0.note");
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
