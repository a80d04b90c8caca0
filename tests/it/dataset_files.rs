//! A user's own dataset file: every kind of broken file is refused with exit 3, nothing on stdout
//! and one exact message, by `validate` and by the commands alike; a good copy of the embedded
//! dataset gives the same output as the embedded dataset itself.

use crate::harness::nkru;
use assert_cmd::Command;

use std::path::{Path, PathBuf};

use serde_json::{Value, json};

/// The embedded dataset, as shipped in the repository.
const EMBEDDED: &str = include_str!("../../data/nkru.json");

/// A temporary folder holding dataset files, where nkru runs so messages name files briefly.
struct Folder {
    directory: tempfile::TempDir,
}

impl Folder {
    fn new() -> Self {
        Folder {
            directory: tempfile::tempdir().expect("a temporary folder"),
        }
    }

    fn path(&self) -> &Path {
        self.directory.path()
    }

    /// Writes `contents` to `name` in the folder.
    fn write(&self, name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let path = self.path().join(name);
        std::fs::write(&path, contents).expect("the dataset file is written");
        path
    }

    /// nkru run inside the folder.
    fn nkru(&self) -> Command {
        let mut command = nkru();
        command.current_dir(self.path());
        command
    }
}

/// The output of one run: exit code, stdout and stderr.
struct Outcome {
    code: i32,
    stdout: String,
    stderr: String,
}

fn outcome(command: &mut Command) -> Outcome {
    let output = command.output().expect("nkru runs");
    Outcome {
        code: output.status.code().expect("nkru exits with a code"),
        stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
    }
}

/// Asserts that `validate NAME` and two commands given `--data NAME` all end with exit 3, write
/// nothing on stdout and exactly `message` on stderr.
fn assert_refused(folder: &Folder, name: &str, message: &str) {
    let runs: [&[&str]; 3] = [
        &["validate", name],
        &["--data", name, "estimates", "--format", "ndjson"],
        &["groups", "--data", name],
    ];
    for arguments in runs {
        let result = outcome(folder.nkru().args(arguments));
        assert_eq!(result.stderr, message, "stderr of {arguments:?}");
        assert_eq!(result.stdout, "", "stdout of {arguments:?}");
        assert_eq!(result.code, 3, "exit code of {arguments:?}");
    }
}

/// Writes `contents` as `data.json` and asserts it is refused with `message`.
fn assert_file_refused(contents: impl AsRef<[u8]>, message: &str) {
    let folder = Folder::new();
    folder.write("data.json", contents);
    assert_refused(&folder, "data.json", message);
}

/// The article's records as a JSON value to break, small enough to name every record.
fn dataset() -> Value {
    serde_json::from_str(crate::harness::ARTICLE).expect("the fixture is JSON")
}

/// A dataset value as pretty JSON text, as people write files.
fn pretty(value: &Value) -> String {
    serde_json::to_string_pretty(value).expect("a JSON value serializes")
}

#[test]
fn a_missing_file_is_named() {
    let folder = Folder::new();
    assert_refused(
        &folder,
        "missing.json",
        "nkru: error: missing.json: cannot read: no such file\n",
    );
}

#[test]
fn a_directory_is_refused() {
    let folder = Folder::new();
    std::fs::create_dir(folder.path().join("folder.json")).expect("a folder is made");
    assert_refused(
        &folder,
        "folder.json",
        "nkru: error: folder.json: is a directory, not a dataset file\n",
    );
}

#[test]
fn an_empty_file_is_refused() {
    assert_file_refused("", "nkru: error: data.json: the file is empty\n");
    assert_file_refused(" \n\t\n", "nkru: error: data.json: the file is empty\n");
}

#[test]
fn bytes_that_are_not_utf8_are_refused_with_their_place() {
    assert_file_refused(
        b"{\n  \"title\": \"North \xff\"\n}\n",
        "nkru: error: data.json: line 2 column 19: not UTF-8 text (byte 0xff at offset 20)\n",
    );
}

#[test]
fn a_top_level_that_is_not_an_object_is_refused() {
    for (contents, found, column) in [
        ("[1, 2]", "an array", 1),
        ("42", "a number", 1),
        ("  -1", "a number", 3),
        ("\"dataset\"", "a string", 1),
        ("true", "a boolean", 1),
        ("null", "null", 1),
    ] {
        assert_file_refused(
            contents,
            &format!(
                "nkru: error: data.json: line 1 column {column}: the top level must be the dataset object, not {found}\n"
            ),
        );
    }
}

#[test]
fn nesting_beyond_the_limit_is_refused_without_overflowing_the_stack() {
    let depth = 100_000;
    let brackets = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
    assert_file_refused(
        &brackets,
        "nkru: error: data.json: line 1 column 1: the top level must be the dataset object, not an array\n",
    );
    let mut deep_title = dataset();
    deep_title["title"] = json!("placeholder");
    let text = pretty(&deep_title).replace("\"placeholder\"", &brackets);
    // Keys come out sorted, and serde_json points at the character before the bad value.
    let line = line_of(&text, "\"title\": [");
    assert_file_refused(
        text,
        &format!(
            "nkru: error: data.json: line {line} column 11: title: invalid type: array, expected a string\n"
        ),
    );
    // An unknown field is skipped rather than built, so nothing limits its depth unless nkru does.
    let mut deep_unknown = dataset();
    deep_unknown["notes"] = json!("placeholder");
    let text = pretty(&deep_unknown).replace("\"placeholder\"", &brackets);
    // The dataset's own object is the first level, so the 128th bracket (column 12 + 127) is
    // the 129th level.
    let line = line_of(&text, "\"notes\": [");
    assert_file_refused(
        text,
        &format!(
            "nkru: error: data.json: line {line} column 139: invalid JSON: nested deeper than 128 levels\n"
        ),
    );
    // Within the limit, an unknown field's value is only warned about.
    let mut nested_unknown = dataset();
    nested_unknown["notes"] = json!([[[[{ "a": [1] }]]]]);
    let folder = Folder::new();
    folder.write("data.json", pretty(&nested_unknown));
    let result = outcome(folder.nkru().args(["validate", "data.json"]));
    assert_eq!(result.code, 0, "{}", result.stderr);
    assert_eq!(
        result.stderr,
        "nkru: warning: data.json: unknown field `notes` ignored\n"
    );
}

#[test]
fn a_file_over_the_size_limit_is_refused_until_the_limit_is_raised() {
    let folder = Folder::new();
    folder.write("data.json", EMBEDDED);
    let size = EMBEDDED.len();
    let small = (size - 1).to_string();
    let message = format!(
        "nkru: error: data.json: larger than the limit of {} bytes (raise it with --max-size or NKRU_MAX_SIZE)\n",
        size - 1
    );
    for arguments in [
        vec!["validate", "data.json", "--max-size", &small],
        vec!["--max-size", &small, "--data", "data.json", "groups"],
    ] {
        let result = outcome(folder.nkru().args(&arguments));
        assert_eq!(
            (result.code, result.stdout.as_str(), result.stderr.as_str()),
            (3, "", message.as_str()),
            "{arguments:?}"
        );
    }
    let result =
        outcome(
            folder
                .nkru()
                .env("NKRU_MAX_SIZE", &small)
                .args(["--data", "data.json", "groups"]),
        );
    assert_eq!(
        (result.code, result.stdout.as_str(), result.stderr.as_str()),
        (3, "", message.as_str())
    );
    let from_stdin = message.replace("data.json", "<stdin>");
    let result = outcome(
        folder
            .nkru()
            .env("NKRU_MAX_SIZE", &small)
            .args(["--data", "-", "groups"])
            .write_stdin(EMBEDDED),
    );
    assert_eq!(
        (result.code, result.stdout.as_str(), result.stderr.as_str()),
        (3, "", from_stdin.as_str())
    );
    // Exactly at the limit the file is read, and the flag wins over the environment.
    let exact = size.to_string();
    let result = outcome(folder.nkru().env("NKRU_MAX_SIZE", &small).args([
        "--max-size",
        &exact,
        "--data",
        "data.json",
        "groups",
    ]));
    assert_eq!(result.code, 0, "{}", result.stderr);
    let result = outcome(
        folder
            .nkru()
            .env("NKRU_MAX_SIZE", &exact)
            .args(["validate", "data.json"]),
    );
    assert_eq!(result.code, 0, "{}", result.stderr);
}

#[test]
fn a_byte_order_mark_is_skipped() {
    let folder = Folder::new();
    folder.write("data.json", format!("\u{feff}{EMBEDDED}"));
    let result = outcome(folder.nkru().args(["validate", "data.json"]));
    assert_eq!((result.code, result.stderr.as_str()), (0, ""));
}

#[test]
fn a_syntax_error_names_line_and_column() {
    assert_file_refused(
        "{\n  \"title\": \"North Koreans in Russia\",\n  \"overview\" \"missing colon\"\n}\n",
        "nkru: error: data.json: line 3 column 14: invalid JSON: expected `:`\n",
    );
    assert_file_refused(
        "{\n  \"title\": \"North Koreans in Russia\",\n",
        "nkru: error: data.json: line 3 column 0: invalid JSON: EOF while parsing a value\n",
    );
    let trailing = format!("{}\n}}\n", EMBEDDED.trim_end());
    let lines = trailing.lines().count();
    assert_file_refused(
        trailing,
        &format!(
            "nkru: error: data.json: line {lines} column 1: invalid JSON: trailing characters\n"
        ),
    );
}

/// The line of the first text line that contains `needle`, counted from 1.
fn line_of(text: &str, needle: &str) -> usize {
    text.lines()
        .position(|line| line.contains(needle))
        .unwrap_or_else(|| panic!("`{needle}` is in the text"))
        + 1
}

#[test]
fn a_wrong_type_names_the_field_path() {
    let mut broken = dataset();
    broken["estimates"][3]["low"] = json!("many");
    let text = pretty(&broken);
    let line = line_of(&text, "\"many\"");
    assert_file_refused(
        text,
        &format!(
            "nkru: error: data.json: line {line} column 19: estimates[3].low: invalid type: string \"many\", expected a whole number from 0 to 18446744073709551615\n"
        ),
    );

    let mut broken = dataset();
    broken["groups"][1]["periods"][0]["from"] = json!(1945);
    let text = pretty(&broken);
    let line = line_of(&text, "\"from\": 1945");
    assert_file_refused(
        text,
        &format!(
            "nkru: error: data.json: line {line} column 22: groups[1].periods[0].from: invalid type: number `1945`, expected a date written YYYY, YYYY-MM or YYYY-MM-DD\n"
        ),
    );

    let mut broken = dataset();
    broken["estimates"][0]["counts"] = json!("people");
    let text = pretty(&broken);
    let line = line_of(&text, "\"counts\": \"people\"");
    assert_file_refused(
        text,
        &format!(
            "nkru: error: data.json: line {line} column 24: estimates[0].counts: unknown variant `people`, expected one of `present`, `entries`, `visas`, `permits`, `recruited`, `planned`, `possible`, `demand`, `repatriated`, `returned`, `casualties`, `quota`, `applications`, `granted`, `admitted`, `resettled`, `census`\n"
        ),
    );

    let mut broken = dataset();
    broken["events"][0]["groups"] = json!("workers");
    let text = pretty(&broken);
    let line = line_of(&text, "\"groups\": \"workers\"");
    assert_file_refused(
        text,
        &format!(
            "nkru: error: data.json: line {line} column 25: events[0].groups: invalid type: string \"workers\", expected an array\n"
        ),
    );

    let mut broken = dataset();
    broken["estimates"][0]["party_to_conflict"] = json!(null);
    let text = pretty(&broken);
    let line = line_of(&text, "\"party_to_conflict\": null");
    assert_file_refused(
        text,
        &format!(
            "nkru: error: data.json: line {line} column 31: estimates[0].party_to_conflict: invalid type: null, expected true or false\n"
        ),
    );
}

#[test]
fn a_missing_field_names_its_record() {
    let mut broken = dataset();
    let id = broken["estimates"][2]["id"].clone();
    broken["estimates"][2]
        .as_object_mut()
        .expect("an estimate is an object")
        .remove("attributed_to");
    let text = pretty(&broken);
    // serde_json notices a missing field at the brace that closes the record.
    let id_line = line_of(&text, &format!("\"id\": {id}"));
    let closing = text
        .lines()
        .skip(id_line)
        .position(|line| line.starts_with("    }"))
        .expect("the record is closed")
        + id_line
        + 1;
    assert_file_refused(
        text,
        &format!(
            "nkru: error: data.json: line {closing} column 5: estimates[2]: missing field `attributed_to`\n"
        ),
    );
    let mut broken = dataset();
    broken
        .as_object_mut()
        .expect("the dataset is an object")
        .remove("title");
    let text = pretty(&broken);
    let lines = text.lines().count();
    assert_file_refused(
        text,
        &format!("nkru: error: data.json: line {lines} column 1: dataset: missing field `title`\n"),
    );
}

#[test]
fn negative_figures_and_figures_beyond_u64_are_refused() {
    let mut broken = dataset();
    broken["estimates"][1]["high"] = json!(-8000);
    let text = pretty(&broken);
    let line = line_of(&text, "-8000");
    assert_file_refused(
        text,
        &format!(
            "nkru: error: data.json: line {line} column 19: estimates[1].high: invalid value: number `-8000`, expected a whole number from 0 to 18446744073709551615\n"
        ),
    );
    let mut broken = dataset();
    broken["estimates"][1]["high"] = json!(123_456_789);
    let text = pretty(&broken).replace("123456789", "18446744073709551616");
    let line = line_of(&text, "18446744073709551616");
    assert_file_refused(
        text,
        &format!(
            "nkru: error: data.json: line {line} column 34: estimates[1].high: invalid value: number `18446744073709551616`, expected a whole number from 0 to 18446744073709551615\n"
        ),
    );
}

#[test]
fn every_broken_invariant_is_reported_one_line_each() {
    let mut broken = dataset();
    broken["estimates"][2]["id"] = broken["estimates"][0]["id"].clone();
    broken["estimates"][1]["low"] = json!(9000);
    broken["estimates"][1]["high"] = json!(8000);
    broken["estimates"][3]["period"]["from"] = json!("2001");
    broken["estimates"][3]["period"]["to"] = json!("1999");
    broken["estimates"][3]["group"] = json!("sailors");
    broken["events"][2]["source"] = json!("nowhere");
    broken["events"][3]["source"] = json!("");
    broken["groups"][0]["name"] = json!("   ");
    broken["sources"][0]["title"] = json!("");
    broken["estimates"][2]["attributed_to"] = json!(" ");
    broken["events"][4]["groups"] = json!(["refugees", " "]);
    let message = "\
nkru: error: data.json: estimates[2] (total-2006): id `total-2006` is used by an earlier record of estimates
nkru: error: data.json: groups[0] (students): name is empty
nkru: error: data.json: estimates[1] (workers-1940s): low (9000) is above high (8000)
nkru: error: data.json: estimates[2] (total-2006): attributed_to is empty: say who made the figure
nkru: error: data.json: estimates[3] (refugees-1999): group: no group or related population has the id `sailors`
nkru: error: data.json: estimates[3] (refugees-1999): period: from (2001) is after to (1999)
nkru: error: data.json: events[2] (asylum-remark-1994): source: no source has the id `nowhere`
nkru: error: data.json: events[3] (citizens-killed-1995): source is empty: every record needs a source
nkru: error: data.json: events[4] (consul-killed-1996): groups[1] is empty: name a group or leave it out
nkru: error: data.json: sources[0] (article): title is empty
";
    assert_file_refused(pretty(&broken), message);
}

#[test]
fn unknown_fields_load_with_a_warning_naming_each() {
    let mut extended = dataset();
    extended["license"] = json!("CC BY-SA");
    extended["groups"][1]["wiki"] = json!({ "title": "Guest workers" });
    extended["estimates"][2]["confidence"] = json!(0.5);
    extended["events"][0]["period"]["certainty"] = json!("high");
    let folder = Folder::new();
    folder.write("data.json", pretty(&extended));
    // In the order of the file, where `license` came last.
    let warnings = "\
nkru: warning: data.json: unknown field `groups[1].wiki` ignored
nkru: warning: data.json: unknown field `estimates[2].confidence` ignored
nkru: warning: data.json: unknown field `events[0].period.certainty` ignored
nkru: warning: data.json: unknown field `license` ignored
";
    let result = outcome(folder.nkru().args(["validate", "data.json"]));
    assert_eq!(
        (result.code, result.stderr.as_str()),
        (0, warnings),
        "validate"
    );
    assert_eq!(
        result.stdout,
        "data.json: valid: 3 groups, 4 estimates, 6 events, 1 source, 1 related\n"
    );
    let with_file =
        outcome(
            folder
                .nkru()
                .args(["--data", "data.json", "estimates", "--format", "ndjson"]),
        );
    let original = outcome(nkru().args([
        "estimates",
        "--format",
        "ndjson",
        "--data",
        crate::harness::ARTICLE_PATH,
    ]));
    assert_eq!(
        (with_file.code, with_file.stderr.as_str()),
        (0, warnings),
        "estimates"
    );
    assert_eq!(with_file.stdout, original.stdout);
}

#[test]
fn the_environment_names_the_dataset_too() {
    let folder = Folder::new();
    folder.write("data.json", "[]");
    let result = outcome(folder.nkru().env("NKRU_DATA", "data.json").arg("groups"));
    assert_eq!(
        (result.code, result.stdout.as_str(), result.stderr.as_str()),
        (
            3,
            "",
            "nkru: error: data.json: line 1 column 1: the top level must be the dataset object, not an array\n"
        )
    );
    let result = outcome(folder.nkru().env("NKRU_DATA", "data.json").arg("validate"));
    assert_eq!(result.code, 3);
    // A file named on the command line is the one validated.
    folder.write("good.json", EMBEDDED);
    let result = outcome(
        folder
            .nkru()
            .env("NKRU_DATA", "data.json")
            .args(["validate", "good.json"]),
    );
    assert_eq!(result.code, 0, "{}", result.stderr);
}

#[test]
fn a_copy_of_the_embedded_dataset_gives_identical_output() {
    let folder = Folder::new();
    folder.write("copy.json", EMBEDDED);
    let commands: [&[&str]; 8] = [
        &["groups"],
        &["group", "workers"],
        &["estimates"],
        &["estimates", "--year", "1999", "--sort", "high"],
        &["summary"],
        &["timeline"],
        &["search", "sakhalin"],
        &["sources"],
    ];
    let formats = ["table", "tsv", "csv", "json", "ndjson", "markdown"];
    for command in commands {
        for format in formats {
            let mut arguments: Vec<&str> = command.to_vec();
            arguments.extend(["--format", format, "--width", "100"]);
            let embedded = outcome(folder.nkru().args(&arguments));
            assert_eq!(embedded.code, 0, "{arguments:?}: {}", embedded.stderr);
            assert!(!embedded.stdout.is_empty(), "{arguments:?}");
            let from_file = outcome(folder.nkru().args(["--data", "copy.json"]).args(&arguments));
            let from_stdin = outcome(
                folder
                    .nkru()
                    .args(["--data", "-"])
                    .args(&arguments)
                    .write_stdin(EMBEDDED),
            );
            for (name, result) in [("file", from_file), ("stdin", from_stdin)] {
                assert_eq!(result.code, 0, "{name} {arguments:?}");
                assert_eq!(result.stderr, embedded.stderr, "{name} {arguments:?}");
                assert_eq!(result.stdout, embedded.stdout, "{name} {arguments:?}");
            }
        }
    }
    let validated = outcome(folder.nkru().args(["validate", "-"]).write_stdin(EMBEDDED));
    let dataset = nkru::dataset::embedded().expect("the embedded dataset");
    let counts = format!(
        "<stdin>: valid: 4 groups, {} estimates, {} events, {} sources, 1 related\n",
        dataset.estimates.len(),
        dataset.events.len(),
        dataset.sources.len()
    );
    assert_eq!(
        (validated.code, validated.stdout.as_str()),
        (0, counts.as_str())
    );
}
