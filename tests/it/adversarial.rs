//! Hostile and mistaken input of every kind: each case names its exit code, what stdout holds and
//! the message on stderr. Nothing may panic, print half an answer or fail without saying why.

// The tables of cases are long by design: one line per case reads better than helpers.
#![allow(clippy::too_many_lines)]

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use crate::harness::nkru;

/// What a case expects on stdout.
#[derive(Debug, Clone, Copy)]
enum Stdout {
    /// Nothing: the command failed before writing.
    Empty,
    /// A JSON document that parses.
    Json,
}

/// What a case expects on stderr.
#[derive(Debug, Clone)]
enum Stderr {
    /// Nothing.
    Silent,
    /// Exactly these lines, each `nkru: error: ` and the given text.
    Errors(Vec<String>),
    /// One `nkru: error: ` line containing this text.
    ErrorContaining(String),
    /// One `nkru: warning: ` line containing this text.
    WarningContaining(String),
}

/// One run of nkru and what it must do.
struct Case {
    name: &'static str,
    arguments: Vec<OsString>,
    environment: Vec<(&'static str, String)>,
    stdin: Option<Vec<u8>>,
    code: i32,
    stdout: Stdout,
    stderr: Stderr,
}

fn case(name: &'static str, arguments: &[&str], code: i32, stdout: Stdout, stderr: Stderr) -> Case {
    Case {
        name,
        arguments: arguments.iter().map(OsString::from).collect(),
        environment: Vec::new(),
        stdin: None,
        code,
        stdout,
        stderr,
    }
}

/// A failing case whose one error line is exactly `message`.
fn error(name: &'static str, arguments: &[&str], code: i32, message: &str) -> Case {
    let lines = vec![message.to_owned()];
    case(name, arguments, code, Stdout::Empty, Stderr::Errors(lines))
}

/// A failing case whose one error line contains `part`.
fn error_with(name: &'static str, arguments: &[&str], code: i32, part: &str) -> Case {
    let stderr = Stderr::ErrorContaining(part.to_owned());
    case(name, arguments, code, Stdout::Empty, stderr)
}

/// A succeeding case that writes JSON and nothing on stderr.
fn json(name: &'static str, arguments: &[&str]) -> Case {
    case(name, arguments, 0, Stdout::Json, Stderr::Silent)
}

fn check(case: &Case) {
    let mut command = nkru();
    command.args(&case.arguments);
    for (variable, value) in &case.environment {
        command.env(variable, value);
    }
    command.write_stdin(case.stdin.clone().unwrap_or_default());
    let output = command.output().expect("nkru runs");
    let name = case.name;
    let stdout = String::from_utf8(output.stdout).expect("stdout is UTF-8");
    let stderr = String::from_utf8(output.stderr).expect("stderr is UTF-8");
    assert_eq!(output.status.code(), Some(case.code), "{name}: {stderr}");
    match case.stdout {
        Stdout::Empty => assert_eq!(stdout, "", "{name}: a failure writes nothing to stdout"),
        Stdout::Json => {
            let parsed: Result<serde_json::Value, _> = serde_json::from_str(&stdout);
            assert!(parsed.is_ok(), "{name}: stdout is JSON: {stdout}");
        }
    }
    assert!(
        !stderr.contains(['\u{1b}', '\r', '\u{8}', '\u{9b}']),
        "{name}: stderr is escaped: {stderr:?}"
    );
    let lines: Vec<&str> = stderr.lines().collect();
    match &case.stderr {
        Stderr::Silent => assert_eq!(stderr, "", "{name}"),
        Stderr::Errors(expected) => {
            let expected: Vec<String> = expected
                .iter()
                .map(|line| format!("nkru: error: {line}"))
                .collect();
            assert_eq!(lines, expected, "{name}");
        }
        Stderr::ErrorContaining(part) => {
            assert_eq!(lines.len(), 1, "{name}: one line: {stderr}");
            assert!(lines[0].starts_with("nkru: error: "), "{name}: {stderr}");
            assert!(
                lines[0].contains(part.as_str()),
                "{name}: {part:?} in {stderr}"
            );
        }
        Stderr::WarningContaining(part) => {
            assert_eq!(lines.len(), 1, "{name}: one line: {stderr}");
            assert!(lines[0].starts_with("nkru: warning: "), "{name}: {stderr}");
            assert!(
                lines[0].contains(part.as_str()),
                "{name}: {part:?} in {stderr}"
            );
        }
    }
}

fn check_all(cases: &[Case]) {
    for case in cases {
        check(case);
    }
}

const EMPTY_NAME: &str = "a group name cannot be empty";
const NO_SUCH_GROUP: &str = "(groups: students, workers, refugees, military)";
const YEAR_RULE: &str = "a year must be a whole number from 0 to 9999";
const FIGURE_RULE: &str =
    "a figure must be a whole number of 0 or more (at most 18446744073709551615)";
const WIDTH_RULE: &str = "a width must be a whole number of columns from 20 to 65535";
const SIZE_RULE: &str =
    "a size must be a whole number of bytes, 0 or more (at most 18446744073709551615)";

#[test]
fn group_names_of_every_kind() {
    let long = "x".repeat(100 * 1024);
    let long_quoted = format!("no group is called `{}…`", "x".repeat(60));
    let mut cases = Vec::new();
    // The same names go to `group NAME` and to `--group NAME` of each command that takes it.
    for command in [
        &["group"][..],
        &["estimates", "--group"][..],
        &["summary", "--group"][..],
        &["timeline", "--group"][..],
    ] {
        let with = |name: &str| -> Vec<String> {
            let mut arguments: Vec<String> = command.iter().map(ToString::to_string).collect();
            arguments.push(name.to_owned());
            arguments
        };
        let runs: Vec<(&str, String, i32, String)> = vec![
            ("empty", String::new(), 2, EMPTY_NAME.to_owned()),
            ("spaces", String::from("   "), 2, EMPTY_NAME.to_owned()),
            (
                "tab and newline",
                String::from("\t\n"),
                2,
                EMPTY_NAME.to_owned(),
            ),
            (
                "title-setting OSC",
                String::from("\u{1b}]0;pwned\u{7}"),
                1,
                String::from("no group is called `\\u{1b}]0;pwned\\u{7}`"),
            ),
            (
                "screen clear and C1",
                String::from("\u{1b}[2J\u{9b}2J"),
                1,
                String::from("no group is called `\\u{1b}[2J\\u{9b}2J`"),
            ),
            (
                "carriage return and backspace",
                String::from("work\rers\u{8}"),
                1,
                String::from("no group is called `work\\rers\\u{8}`"),
            ),
            (
                "Korean",
                String::from("고양이"),
                1,
                String::from("no group is called `고양이`"),
            ),
            (
                "Cyrillic",
                String::from("кошки"),
                1,
                String::from("no group is called `кошки`"),
            ),
            (
                "emoji",
                String::from("🚀👷"),
                1,
                String::from("no group is called `🚀👷`"),
            ),
            ("100 KB", long.clone(), 1, long_quoted.clone()),
        ];
        for (name, group, code, part) in runs {
            let arguments = with(&group);
            let arguments: Vec<&str> = arguments.iter().map(String::as_str).collect();
            cases.push(error_with(name, &arguments, code, &part));
        }
    }
    check_all(&cases);
}

#[test]
fn a_long_name_is_cut_short_in_the_message() {
    let long = "x".repeat(100 * 1024);
    let output = nkru().args(["group", &long]).output().expect("nkru runs");
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stderr.len() < 300, "{} bytes", output.stderr.len());
}

#[test]
fn names_people_type_find_their_group() {
    check_all(&[
        json(
            "padded and upper case",
            &["group", "  WORKERS  ", "--format", "json"],
        ),
        json("singular", &["group", "worker", "--format", "json"]),
        json(
            "prefix",
            &["estimates", "--group", "stud", "--format", "json"],
        ),
        json(
            "a name twice",
            &[
                "summary", "--group", "workers", "--group", "Workers", "--format", "json",
            ],
        ),
    ]);
}

#[test]
fn numeric_flags_refuse_what_is_not_their_number() {
    check_all(&[
        json(
            "the first year a date can have",
            &["estimates", "--year", "0", "--format", "json"],
        ),
        json(
            "the last year a date can have",
            &["estimates", "--to", "9999", "--format", "json"],
        ),
        error(
            "a negative year",
            &["estimates", "--year", "-5"],
            2,
            &format!("invalid value '-5' for '--year <YEAR>': {YEAR_RULE}"),
        ),
        error(
            "a year of five digits",
            &["timeline", "--from", "10000"],
            2,
            &format!("invalid value '10000' for '--from <YEAR>': {YEAR_RULE}"),
        ),
        json(
            "the largest figure",
            &[
                "estimates",
                "--max",
                "18446744073709551615",
                "--format",
                "json",
            ],
        ),
        json(
            "equal bounds",
            &[
                "estimates",
                "--from",
                "1999",
                "--to",
                "1999",
                "--format",
                "json",
            ],
        ),
        json(
            "the widest table",
            &["groups", "--width", "65535", "--format", "json"],
        ),
        error(
            "--year not a number",
            &["estimates", "--year", "abc"],
            2,
            &format!("invalid value 'abc' for '--year <YEAR>': {YEAR_RULE}"),
        ),
        error(
            "--year beyond i32",
            &["estimates", "--year", "99999999999999999999"],
            2,
            &format!("invalid value '99999999999999999999' for '--year <YEAR>': {YEAR_RULE}"),
        ),
        error(
            "--year fractional",
            &["estimates", "--year", "1999.5"],
            2,
            &format!("invalid value '1999.5' for '--year <YEAR>': {YEAR_RULE}"),
        ),
        error(
            "--from not a number",
            &["estimates", "--from", "nineteen"],
            2,
            &format!("invalid value 'nineteen' for '--from <YEAR>': {YEAR_RULE}"),
        ),
        error(
            "--from beyond i32",
            &["timeline", "--from", "2147483648"],
            2,
            &format!("invalid value '2147483648' for '--from <YEAR>': {YEAR_RULE}"),
        ),
        error(
            "--to empty",
            &["estimates", "--to", ""],
            2,
            &format!("invalid value '' for '--to <YEAR>': {YEAR_RULE}"),
        ),
        error(
            "--to in scientific notation",
            &["timeline", "--to", "2e3"],
            2,
            &format!("invalid value '2e3' for '--to <YEAR>': {YEAR_RULE}"),
        ),
        error(
            "--min negative",
            &["estimates", "--min", "-1"],
            2,
            &format!("invalid value '-1' for '--min <N>': {FIGURE_RULE}"),
        ),
        error(
            "--min not a number",
            &["estimates", "--min", "many"],
            2,
            &format!("invalid value 'many' for '--min <N>': {FIGURE_RULE}"),
        ),
        error(
            "--min beyond u64",
            &["estimates", "--min", "18446744073709551616"],
            2,
            &format!("invalid value '18446744073709551616' for '--min <N>': {FIGURE_RULE}"),
        ),
        error(
            "--max negative",
            &["estimates", "--max", "-10000"],
            2,
            &format!("invalid value '-10000' for '--max <N>': {FIGURE_RULE}"),
        ),
        error(
            "--max fractional",
            &["estimates", "--max", "1.5"],
            2,
            &format!("invalid value '1.5' for '--max <N>': {FIGURE_RULE}"),
        ),
        error(
            "--width negative",
            &["groups", "--width", "-80"],
            2,
            &format!("invalid value '-80' for '--width <WIDTH>': {WIDTH_RULE}"),
        ),
        error(
            "--width not a number",
            &["groups", "--width", "wide"],
            2,
            &format!("invalid value 'wide' for '--width <WIDTH>': {WIDTH_RULE}"),
        ),
        error(
            "--width too narrow",
            &["groups", "--width", "19"],
            2,
            &format!("invalid value '19' for '--width <WIDTH>': {WIDTH_RULE}"),
        ),
        error(
            "--width beyond u16",
            &["groups", "--width", "65536"],
            2,
            &format!("invalid value '65536' for '--width <WIDTH>': {WIDTH_RULE}"),
        ),
        error(
            "--max-size negative",
            &["groups", "--max-size", "-1"],
            2,
            &format!("invalid value '-1' for '--max-size <BYTES>': {SIZE_RULE}"),
        ),
        error(
            "--max-size with a unit",
            &["groups", "--max-size", "10MB"],
            2,
            &format!("invalid value '10MB' for '--max-size <BYTES>': {SIZE_RULE}"),
        ),
        error(
            "--max-size beyond u64",
            &["groups", "--max-size", "99999999999999999999"],
            2,
            &format!("invalid value '99999999999999999999' for '--max-size <BYTES>': {SIZE_RULE}"),
        ),
    ]);
    let mut from_environment = error(
        "NKRU_MAX_SIZE negative",
        &["groups"],
        2,
        &format!("NKRU_MAX_SIZE=`-1`: {SIZE_RULE}"),
    );
    from_environment
        .environment
        .push(("NKRU_MAX_SIZE", String::from("-1")));
    check(&from_environment);
}

#[test]
fn bounds_out_of_order_are_refused() {
    check_all(&[
        error(
            "--from after --to",
            &["estimates", "--from", "2000", "--to", "1990"],
            2,
            "--from 2000 is greater than --to 1990, so nothing could match",
        ),
        error(
            "timeline --from after --to",
            &["timeline", "--from", "2000", "--to", "1990"],
            2,
            "--from 2000 is greater than --to 1990, so nothing could match",
        ),
        error(
            "--min above --max",
            &["estimates", "--min", "10", "--max", "1"],
            2,
            "--min 10 is greater than --max 1, so nothing could match",
        ),
        error(
            "years out of order",
            &["estimates", "--from", "2", "--to", "1"],
            2,
            "--from 2 is greater than --to 1, so nothing could match",
        ),
    ]);
}

#[test]
fn unknown_names_of_formats_fields_sort_keys_and_colours() {
    let groups_fields = "valid fields: id, name, aliases";
    let mut from_environment = error_with(
        "NKRU_FORMAT unknown",
        &["groups"],
        2,
        "NKRU_FORMAT=`yaml` is not a format: use auto, table, tsv, csv, json, ndjson, markdown or svg",
    );
    from_environment
        .environment
        .push(("NKRU_FORMAT", String::from("yaml")));
    check(&from_environment);
    check_all(&[
        error_with(
            "format unknown",
            &["groups", "--format", "xml"],
            2,
            "invalid value 'xml' for '--format <FORMAT>'; [possible values: auto, table, tsv, csv, json, ndjson, markdown, svg]",
        ),
        error_with(
            "format empty",
            &["groups", "--format", ""],
            2,
            "a value is required for '--format <FORMAT>' but none was supplied",
        ),
        error_with(
            "format in capitals",
            &["groups", "--format", "JSON"],
            2,
            "invalid value 'JSON' for '--format <FORMAT>'",
        ),
        error_with(
            "field unknown",
            &["groups", "--fields", "nope"],
            2,
            &format!("unknown field `nope` for this command; {groups_fields}"),
        ),
        error_with(
            "field of another command",
            &["groups", "--fields", "low"],
            2,
            "unknown field `low` for this command",
        ),
        error_with(
            "field with an escape",
            &["groups", "--fields", "id,\u{1b}[2J"],
            2,
            "unknown field `\\u{1b}[2J` for this command",
        ),
        error_with(
            "fields only commas",
            &["groups", "--fields", ",,"],
            2,
            "--fields needs at least one field; valid fields: id, name",
        ),
        error(
            "field twice",
            &["estimates", "--fields", "id,low,id"],
            2,
            "--fields names `id` twice; each field may be asked for once",
        ),
        error_with(
            "sort key unknown",
            &["estimates", "--sort", "size"],
            2,
            "invalid value 'size' for '--sort <FIELD>'; [possible values: id, scope, group",
        ),
        error_with(
            "sort key empty",
            &["estimates", "--sort", ""],
            2,
            "a value is required for '--sort <FIELD>' but none was supplied",
        ),
        error_with(
            "colour unknown",
            &["groups", "--color", "sometimes"],
            2,
            "invalid value 'sometimes' for '--color <WHEN>'; [possible values: auto, always, never]",
        ),
        error_with(
            "command unknown",
            &["people"],
            2,
            "unrecognized subcommand 'people'",
        ),
        error_with(
            "flag unknown",
            &["groups", "--verbose"],
            2,
            "unexpected argument '--verbose' found",
        ),
        json(
            "stray commas in --fields",
            &["groups", "--fields", "id,,name,", "--format", "json"],
        ),
    ]);
}

#[test]
fn search_and_filter_texts_must_say_something() {
    check_all(&[
        error(
            "search empty",
            &["search", ""],
            2,
            "the search text cannot be empty",
        ),
        error(
            "search spaces",
            &["search", "  \t "],
            2,
            "the search text cannot be empty",
        ),
        error(
            "region empty",
            &["estimates", "--region", ""],
            2,
            "--region, --source and --attributed-to need some text to look for",
        ),
        error(
            "source spaces",
            &["estimates", "--source", "   "],
            2,
            "--region, --source and --attributed-to need some text to look for",
        ),
        json(
            "search for an escape finds nothing",
            &["search", "\u{1b}[2J", "--format", "json"],
        ),
        json("search in Korean", &["search", "고려", "--format", "json"]),
    ]);
}

#[cfg(unix)]
#[test]
fn arguments_that_are_not_utf8_are_refused() {
    use std::os::unix::ffi::OsStringExt;
    let mut case = error(
        "group name not UTF-8",
        &[],
        2,
        "invalid UTF-8 was detected in one or more arguments",
    );
    case.arguments = vec![
        OsString::from("group"),
        OsString::from_vec(vec![0xff, 0xfe]),
    ];
    check(&case);
}

/// A folder of dataset files for one test.
struct Files {
    folder: tempfile::TempDir,
}

impl Files {
    fn new() -> Self {
        Files {
            folder: tempfile::tempdir().expect("a temporary folder"),
        }
    }

    fn write(&self, name: &str, bytes: impl AsRef<[u8]>) -> String {
        let path: PathBuf = self.folder.path().join(name);
        std::fs::write(&path, bytes).expect("the file is written");
        path.to_str().expect("a UTF-8 path").to_owned()
    }

    fn path(&self) -> &Path {
        self.folder.path()
    }
}

fn embedded() -> &'static str {
    crate::harness::ARTICLE
}

/// The embedded dataset with the first `from` replaced by `to`.
fn edited(from: &str, to: &str) -> String {
    assert!(embedded().contains(from), "{from}");
    embedded().replacen(from, to, 1)
}

#[test]
fn dataset_files_that_cannot_be_read() {
    let files = Files::new();
    let empty = files.write("empty.json", "");
    let spaces = files.write("spaces.json", " \n\t\r\n ");
    let folder = files.path().join("folder.json");
    std::fs::create_dir(&folder).expect("a folder");
    let folder = folder.to_str().expect("UTF-8").to_owned();
    let binary = files.write("binary.json", [0xff, 0xfe, 0x00, 0x7b]);
    let latin1 = files.write("latin1.json", b"{\"title\": \"Pyongyang caf\xe9\"}");
    let huge = files.write(
        "huge.json",
        format!("{}{}", " ".repeat(100_000), embedded()),
    );
    let missing = files.path().join("missing.json");
    let missing = missing.to_str().expect("UTF-8").to_owned();
    check_all(&[
        error(
            "empty file",
            &["--data", &empty, "groups"],
            3,
            &format!("{empty}: the file is empty"),
        ),
        error(
            "whitespace file",
            &["--data", &spaces, "groups"],
            3,
            &format!("{spaces}: the file is empty"),
        ),
        error(
            "directory",
            &["--data", &folder, "groups"],
            3,
            &format!("{folder}: is a directory, not a dataset file"),
        ),
        error(
            "not UTF-8",
            &["--data", &binary, "groups"],
            3,
            &format!("{binary}: line 1 column 1: not UTF-8 text (byte 0xff at offset 0)"),
        ),
        error(
            "Latin-1",
            &["--data", &latin1, "groups"],
            3,
            &format!("{latin1}: line 1 column 25: not UTF-8 text (byte 0xe9 at offset 24)"),
        ),
        error(
            "larger than --max-size",
            &["--data", &huge, "--max-size", "1000", "groups"],
            3,
            &format!(
                "{huge}: larger than the limit of 1000 bytes (raise it with --max-size or NKRU_MAX_SIZE)"
            ),
        ),
        error(
            "missing",
            &["--data", &missing, "groups"],
            3,
            &format!("{missing}: cannot read: no such file"),
        ),
        error(
            "no file name",
            &["--data", "", "groups"],
            2,
            "the dataset file name is empty: give a path, or - for standard input",
        ),
        error(
            "validate a folder",
            &["validate", &folder],
            3,
            &format!("{folder}: is a directory, not a dataset file"),
        ),
    ]);
    check(&json(
        "large but within --max-size",
        &["--data", &huge, "groups", "--format", "json"],
    ));
}

#[test]
fn dataset_files_of_the_wrong_shape() {
    let files = Files::new();
    let deep = format!(
        "{{\"title\": {}{}}}",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    let deep = files.write("deep.json", deep);
    let deep_unknown = edited(
        "\"title\"",
        &format!(
            "\"extra\": {}{}, \"title\"",
            "[".repeat(100_000),
            "]".repeat(100_000)
        ),
    );
    let deep_unknown = files.write("deep-unknown.json", deep_unknown);
    let unknown = files.write(
        "unknown.json",
        edited("\"title\"", "\"extra\": [[1]], \"title\""),
    );
    let array = files.write("array.json", "\n  [1, 2, 3]");
    let string = files.write("string.json", "\"nkru\"");
    let truncated = files.write("truncated.json", &embedded()[..embedded().len() / 2]);
    let trailing = files.write("trailing.json", format!("{}{{}}", embedded()));
    check_all(&[
        error(
            "deeply nested value",
            &["--data", &deep, "groups"],
            3,
            &format!("{deep}: line 1 column 10: title: invalid type: array, expected a string"),
        ),
        error(
            "deeply nested unknown field",
            &["--data", &deep_unknown, "groups", "--format", "json"],
            3,
            &format!(
                "{deep_unknown}: line 2 column 139: invalid JSON: nested deeper than 128 levels"
            ),
        ),
        case(
            "unknown field",
            &["--data", &unknown, "groups", "--format", "json"],
            0,
            Stdout::Json,
            Stderr::WarningContaining(String::from("unknown field `extra` ignored")),
        ),
        error(
            "array at the top",
            &["--data", &array, "groups"],
            3,
            &format!(
                "{array}: line 2 column 3: the top level must be the dataset object, not an array"
            ),
        ),
        error_with(
            "string at the top",
            &["--data", &string, "groups"],
            3,
            "line 1 column 1: the top level must be the dataset object, not a string",
        ),
        error_with(
            "truncated",
            &["--data", &truncated, "groups"],
            3,
            "invalid JSON: EOF while parsing",
        ),
        error_with(
            "trailing text",
            &["--data", &trailing, "groups"],
            3,
            "invalid JSON: trailing characters",
        ),
    ]);
}

#[test]
fn dataset_figures_years_and_keys_out_of_bounds() {
    let files = Files::new();
    let negative = files.write("negative.json", edited("\"low\": 10000", "\"low\": -10000"));
    let beyond = files.write(
        "beyond.json",
        edited("\"high\": 10000", "\"high\": 18446744073709551616"),
    );
    let largest = files.write(
        "largest.json",
        edited(
            "\"low\": 10000,\n      \"high\": 10000",
            "\"low\": 18446744073709551615,\n      \"high\": 18446744073709551615",
        ),
    );
    let fraction = files.write(
        "fraction.json",
        edited("\"low\": 10000", "\"low\": 10000.5"),
    );
    let as_text = files.write("text.json", edited("\"low\": 10000", "\"low\": \"10000\""));
    let year = files.write(
        "year.json",
        edited("\"as_of\": \"2026-11-28\"", "\"as_of\": \"2026-13-28\""),
    );
    let top_key = files.write(
        "top-key.json",
        edited("\"title\": ", "\"title\": \"Other\", \"title\": "),
    );
    let nested_key = files.write(
        "nested-key.json",
        edited("\"note\": ", "\"note\": \"twice\", \"note\": "),
    );
    check_all(&[
        error(
            "negative figure",
            &["--data", &negative, "groups"],
            3,
            &format!(
                "{negative}: line 150 column 19: estimates[0].low: invalid value: number `-10000`, expected a whole number from 0 to 18446744073709551615"
            ),
        ),
        error(
            "figure beyond u64",
            &["--data", &beyond, "groups"],
            3,
            &format!(
                "{beyond}: line 151 column 34: estimates[0].high: invalid value: number `18446744073709551616`, expected a whole number from 0 to 18446744073709551615"
            ),
        ),
        json(
            "the largest figure",
            &["--data", &largest, "estimates", "--format", "json"],
        ),
        error(
            "fractional figure",
            &["--data", &fraction, "groups"],
            3,
            &format!(
                "{fraction}: line 150 column 20: estimates[0].low: invalid value: number `10000.5`, expected a whole number from 0 to 18446744073709551615"
            ),
        ),
        error_with(
            "figure as text",
            &["--data", &as_text, "groups"],
            3,
            "estimates[0].low: invalid type: string \"10000\", expected a whole number from 0 to 18446744073709551615",
        ),
        error_with(
            "a month that does not exist",
            &["--data", &year, "groups"],
            3,
            "as_of: `2026-13-28` is not a date: the month must be from 01 to 12",
        ),
        error_with(
            "key repeated at the top",
            &["--data", &top_key, "groups"],
            3,
            "the key `title` appears twice in one object; a key may appear only once",
        ),
        error_with(
            "key repeated in a record",
            &["--data", &nested_key, "groups"],
            3,
            "estimates[0]: the key `note` appears twice in one object; a key may appear only once",
        ),
        error_with(
            "validate: key repeated",
            &["validate", &nested_key],
            3,
            "estimates[0]: the key `note` appears twice",
        ),
    ]);
}

#[test]
fn datasets_whose_references_dangle_list_every_problem() {
    let files = Files::new();
    let mut dataset: serde_json::Value = serde_json::from_str(embedded()).expect("JSON");
    dataset["estimates"][0]["source"] = "nowhere".into();
    dataset["estimates"][1]["group"] = "ghost\u{1b}[2J".into();
    dataset["events"][0]["groups"][0] = "sailors".into();
    dataset["groups"][0]["facts"][0]["source"] = "".into();
    let dangling = files.write("dangling.json", dataset.to_string());
    let problems = |path: &str| -> Vec<String> {
        [
            "groups[0] (students): facts[0].source is empty: every record needs a source",
            "estimates[0] (total-2006): source: no source has the id `nowhere`",
            "estimates[1] (workers-1940s): group: no group or related population has the id `ghost\\u{1b}[2J`",
            "events[0] (workers-recruited-sakhalin): groups[0]: no group has the id `sailors`",
        ]
        .iter()
        .map(|problem| format!("{path}: {problem}"))
        .collect()
    };
    check_all(
        &[
            case(
                "dangling",
                &["--data", &dangling, "groups"],
                3,
                Stdout::Empty,
                Stderr::Errors(problems(&dangling)),
            ),
            case(
                "validate dangling",
                &["validate", &dangling],
                3,
                Stdout::Empty,
                Stderr::Errors(problems(&dangling)),
            ),
            case(
                "dangling from stdin",
                &["--data", "-", "sources"],
                3,
                Stdout::Empty,
                Stderr::Errors(problems("<stdin>")),
            ),
        ]
        .into_iter()
        .map(|mut case| {
            if case.name == "dangling from stdin" {
                case.stdin = Some(dataset.to_string().into_bytes());
            }
            case
        })
        .collect::<Vec<_>>(),
    );
}

#[test]
fn broken_invariants_are_named_with_their_record() {
    let files = Files::new();
    let reversed = files.write("reversed.json", edited("\"low\": 15000", "\"low\": 25000"));
    let garbage_stdin = case(
        "garbage on stdin",
        &["--data", "-", "groups"],
        3,
        Stdout::Empty,
        Stderr::Errors(vec![String::from(
            "<stdin>: line 1 column 1: invalid JSON: expected value",
        )]),
    );
    check_all(&[
        error(
            "low above high",
            &["--data", &reversed, "groups"],
            3,
            &format!(
                "{reversed}: estimates[2] (workers-any-year): low (25000) is above high (20000)"
            ),
        ),
        Case {
            stdin: Some(b"garbage".to_vec()),
            ..garbage_stdin
        },
    ]);
}

#[cfg(target_os = "linux")]
#[test]
fn a_failed_write_is_exit_4_with_one_line() {
    let full = std::fs::File::create("/dev/full").expect("/dev/full opens");
    let output = crate::harness::command()
        .args(["estimates", "--format", "json"])
        .stdout(full)
        .output()
        .expect("nkru runs");
    assert_eq!(output.status.code(), Some(4));
    let stderr = String::from_utf8(output.stderr).expect("UTF-8");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.starts_with("nkru: error: cannot write the output: "),
        "{stderr}"
    );
}

#[test]
fn a_failure_after_valid_output_options_leaves_stdout_empty() {
    let files = Files::new();
    let mut dataset: serde_json::Value = serde_json::from_str(embedded()).expect("JSON");
    dataset["estimates"][0]["source"] = "nowhere".into();
    let dangling = files.write("dangling.json", dataset.to_string());
    check_all(&[
        error_with(
            "json and a bad group",
            &["group", "sailors", "--format", "json"],
            1,
            NO_SUCH_GROUP,
        ),
        error_with(
            "table, colour and a bad group",
            &[
                "summary", "--group", "sailors", "--format", "table", "--color", "always",
                "--width", "80",
            ],
            1,
            NO_SUCH_GROUP,
        ),
        error_with(
            "second group bad",
            &[
                "estimates",
                "--group",
                "workers",
                "--group",
                "sailors",
                "--format",
                "csv",
            ],
            1,
            NO_SUCH_GROUP,
        ),
        error_with(
            "bad --fields on a valid query",
            &[
                "estimates",
                "--year",
                "1999",
                "--format",
                "csv",
                "--fields",
                "id,nope",
            ],
            2,
            "unknown field `nope`",
        ),
        error_with(
            "bad --fields in a table",
            &["timeline", "--format", "table", "--fields", "nope"],
            2,
            "unknown field `nope`",
        ),
        error_with(
            "bad --fields on a group",
            &["group", "workers", "--format", "tsv", "--fields", "low"],
            2,
            "unknown field `low`",
        ),
        error_with(
            "--fields on group JSON",
            &["group", "workers", "--format", "json", "--fields", "id"],
            2,
            "`group` in JSON is always the whole record",
        ),
        error_with(
            "markdown without header",
            &["estimates", "--format", "markdown", "--no-header"],
            2,
            "a Markdown table needs its header",
        ),
        error_with(
            "summary markdown without header",
            &["summary", "--format", "markdown", "--no-header"],
            2,
            "a Markdown table needs its header",
        ),
        error_with(
            "bounds and json",
            &[
                "timeline", "--format", "json", "--group", "workers", "--from", "2000", "--to",
                "1990",
            ],
            2,
            "--from 2000 is greater than --to 1990",
        ),
        error_with(
            "good query, invalid dataset",
            &[
                "--data",
                &dangling,
                "estimates",
                "--group",
                "workers",
                "--format",
                "ndjson",
            ],
            3,
            "no source has the id `nowhere`",
        ),
        error_with(
            "good query, empty search",
            &["search", " ", "--format", "markdown"],
            2,
            "the search text cannot be empty",
        ),
        error_with(
            "bad group before bad fields",
            &[
                "estimates",
                "--group",
                "sailors",
                "--fields",
                "nope",
                "--format",
                "json",
            ],
            1,
            NO_SUCH_GROUP,
        ),
    ]);
}
