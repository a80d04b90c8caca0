//! A hostile dataset, whose texts and ids carry escape sequences and control characters, cannot act
//! on a terminal through any human view or message, while the machine formats keep its data exact.

use crate::harness::nkru;
use serde_json::Value;

/// Everything a hostile text carries: a title-setting OSC, a screen clear, a carriage return, a
/// backspace, a bell, a C1 control sequence introducer and DEL.
const HOSTILE: &str = "\u{1b}]0;pwned\u{7}\u{1b}[2J\r\u{8}\u{9b}31m\u{7f}\u{202e}\u{2066}\u{200b}\u{feff}\u{2028}\u{ad}";

/// Characters that must never reach a terminal from the dataset: controls, and the format
/// characters and separators that hide, move or reorder the text around them.
fn loose_controls(text: &str, colour: bool) -> Vec<char> {
    let text = if colour {
        strip_colour(text)
    } else {
        text.to_owned()
    };
    text.chars()
        .filter(|character| {
            (character.is_control() && *character != '\n')
                || matches!(
                    character,
                    '\u{ad}'
                        | '\u{200b}'..='\u{200f}'
                        | '\u{2028}'..='\u{202e}'
                        | '\u{2060}'..='\u{2069}'
                        | '\u{feff}'
                )
        })
        .collect()
}

/// Removes nkru's own colour codes (`ESC [ digits m`), and nothing else.
fn strip_colour(text: &str) -> String {
    let mut kept = String::new();
    let mut rest = text;
    while let Some(start) = rest.find("\u{1b}[") {
        kept.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        let digits = after
            .find(|character: char| !character.is_ascii_digit() && character != ';')
            .unwrap_or(after.len());
        if after[digits..].starts_with('m') {
            rest = &after[digits + 1..];
        } else {
            kept.push_str("\u{1b}[");
            rest = after;
        }
    }
    kept.push_str(rest);
    kept
}

/// Markup that would run as script or load something if a page or picture let it through as
/// markup rather than text.
pub const MARKUP: &str =
    "<script>window.nkruPwned=1</script><img src=x onerror=\"window.nkruPwned=1\"></title>]]>";

/// Adds the hostile text to every string under `value`, except ids, references to them, and the
/// values the format constrains: dates, addresses and the words of its closed lists.
fn poison(value: &mut Value, key: &str, extra: &str) {
    const KEPT: &[&str] = &[
        "id",
        "group",
        "source",
        "groups",
        "as_of",
        "from",
        "to",
        "date",
        "retrieved",
        "url",
        "precision",
        "counts",
        "coverage",
        "kind",
        "qualifiers",
    ];
    match value {
        Value::String(text) if !KEPT.contains(&key) => {
            *text = format!("{text}{extra}");
        }
        Value::Array(items) => items.iter_mut().for_each(|item| poison(item, key, extra)),
        Value::Object(map) => map
            .iter_mut()
            .for_each(|(key, value)| poison(value, key, extra)),
        _ => {}
    }
}

/// The article's dataset with the hostile text added to every text and to some ids, references
/// kept consistent so that the dataset still validates.
fn hostile_dataset() -> Value {
    hostile_dataset_with(HOSTILE)
}

/// The article's dataset with `extra` added to every text and to some ids, references kept
/// consistent so that the dataset still validates.
pub fn hostile_dataset_with(extra: &str) -> Value {
    let hostile = |text: &str| format!("{text}{extra}");
    let mut dataset: Value = serde_json::from_str(crate::harness::ARTICLE).expect("JSON");
    poison(&mut dataset, "", extra);
    let rename = |value: &mut Value, from: &str| {
        if value.as_str() == Some(from) {
            *value = Value::from(hostile(from));
        }
    };
    let group = "workers";
    let source = "article";
    for item in dataset["groups"].as_array_mut().expect("groups") {
        rename(&mut item["id"], group);
        for fact in item["facts"].as_array_mut().expect("facts") {
            rename(&mut fact["source"], source);
        }
    }
    for item in dataset["estimates"].as_array_mut().expect("estimates") {
        rename(&mut item["group"], group);
        rename(&mut item["source"], source);
    }
    for item in dataset["events"].as_array_mut().expect("events") {
        item["groups"]
            .as_array_mut()
            .expect("groups")
            .iter_mut()
            .for_each(|id| rename(id, group));
        rename(&mut item["source"], source);
    }
    for item in dataset["related"].as_array_mut().expect("related") {
        rename(&mut item["source"], source);
    }
    for item in dataset["sources"].as_array_mut().expect("sources") {
        rename(&mut item["id"], source);
    }
    let first_estimate = dataset["estimates"][0]["id"]
        .as_str()
        .expect("id")
        .to_owned();
    dataset["estimates"][0]["id"] = Value::from(hostile(&first_estimate));
    let first_event = dataset["events"][0]["id"].as_str().expect("id").to_owned();
    dataset["events"][0]["id"] = Value::from(hostile(&first_event));
    dataset
}

/// Runs nkru on the hostile dataset given on stdin; returns exit code, stdout and stderr.
fn run_hostile(arguments: &[&str]) -> (i32, String, String) {
    let text = hostile_dataset().to_string();
    let output = nkru()
        .args(["--data", "-"])
        .args(arguments)
        .write_stdin(text)
        .output()
        .expect("nkru runs");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8(output.stdout).expect("UTF-8"),
        String::from_utf8(output.stderr).expect("UTF-8"),
    )
}

#[test]
fn the_hostile_dataset_is_valid() {
    let (code, stdout, stderr) = run_hostile(&["validate"]);
    assert_eq!((code, stderr.as_str()), (0, ""), "{stderr}");
    assert!(stdout.starts_with("<stdin>: valid: 3 groups"), "{stdout}");
}

#[test]
fn every_human_view_shows_control_characters_escaped() {
    let views: &[&[&str]] = &[
        &["groups"],
        &["group", "work"],
        &["group", "students"],
        &["group", "refugees"],
        &[
            "group",
            "work",
            "--fields",
            "id,name,aliases,description,facts",
        ],
        &["estimates"],
        &[
            "estimates",
            "--fields",
            "id,group,region,attributed_to,source,section,note,period",
        ],
        &["estimates", "--sort", "region"],
        &["summary"],
        &["summary", "--group", "work"],
        &["timeline"],
        &["timeline", "--group", "work"],
        &["search", "pwned"],
        &["sources"],
        &[
            "sources",
            "--fields",
            "id,publisher,title,original_publisher,language,note,cited_by",
        ],
        &[
            "groups",
            "--fields",
            "id,name,aliases,periods,latest_estimate,latest_period",
        ],
    ];
    for view in views {
        for (colour, width) in [("never", None), ("always", Some("80")), ("always", None)] {
            let mut arguments = vec!["--format", "table", "--color", colour];
            if let Some(width) = width {
                arguments.extend(["--width", width]);
            }
            arguments.extend(view.iter().copied());
            let (code, stdout, stderr) = run_hostile(&arguments);
            assert_eq!(code, 0, "{arguments:?}: {stderr}");
            assert!(!stdout.is_empty(), "{arguments:?}");
            let loose = loose_controls(&stdout, colour == "always");
            assert!(
                loose.is_empty(),
                "{arguments:?} lets {loose:?} through:\n{stdout}"
            );
            // A fitted table may break the escaped text across lines; an unfitted one keeps it.
            assert!(
                width.is_some() || stdout.contains("\\u{1b}]0;pwned\\u{7}"),
                "{arguments:?} shows the escape as text:\n{stdout}"
            );
        }
    }
}

#[test]
fn the_summary_headline_and_detail_view_escape_every_text() {
    let (_, headline, _) = run_hostile(&["summary", "--format", "table", "--color", "never"]);
    let first = headline.lines().next().expect("a headline");
    assert!(
        first.starts_with(
            "North Koreans in Russia\\u{1b}]0;pwned\\u{7}\\u{1b}[2J\\r\\u{8}\\u{9b}31m\\u{7f}\\u{202e}\\u{2066}\\u{200b}\\u{feff}\\u{2028}\\u{ad}:"
        ),
        "{first}"
    );
    let (_, detail, _) = run_hostile(&["group", "work", "--format", "table"]);
    assert!(detail.contains("(workers\\u{1b}]0;pwned"), "{detail}");
    assert!(detail.contains("Also called: "), "{detail}");
    assert!(loose_controls(&detail, false).is_empty(), "{detail}");
}

#[test]
fn json_keeps_every_hostile_string_exact() {
    let dataset = hostile_dataset();
    let (code, stdout, _) = run_hostile(&["estimates", "--format", "json"]);
    assert_eq!(code, 0);
    let rows: Vec<Value> = serde_json::from_str(&stdout).expect("JSON");
    let estimates = dataset["estimates"].as_array().expect("estimates");
    assert_eq!(rows.len(), estimates.len());
    for (row, estimate) in rows.iter().zip(estimates) {
        for field in [
            "id",
            "group",
            "region",
            "attributed_to",
            "source",
            "section",
            "note",
        ] {
            assert_eq!(row[field], estimate[field], "{field}");
        }
        assert_eq!(row["period"], estimate["period"]["text"]);
    }
    let (_, stdout, _) = run_hostile(&["group", "work", "--format", "json"]);
    let group: Value = serde_json::from_str(&stdout).expect("JSON");
    let workers = &dataset["groups"][1];
    for field in ["id", "name", "aliases", "description", "periods", "facts"] {
        assert_eq!(group[field], workers[field], "{field}");
    }
    let (_, stdout, _) = run_hostile(&["summary", "--format", "json"]);
    let summary: Value = serde_json::from_str(&stdout).expect("JSON");
    assert_eq!(summary[0]["name"], dataset["title"]);
    let (_, stdout, _) = run_hostile(&["about", "--format", "json"]);
    let about: Value = serde_json::from_str(&stdout).expect("JSON");
    assert_eq!(about[0]["title"], dataset["title"]);
    assert_eq!(about[0]["overview"], dataset["overview"]);
    let (_, stdout, _) = run_hostile(&["timeline", "--format", "ndjson"]);
    for line in stdout.lines() {
        let event: Value = serde_json::from_str(line).expect("NDJSON");
        assert!(
            event["description"]
                .as_str()
                .expect("text")
                .ends_with(HOSTILE)
        );
    }
}

#[test]
fn csv_quotes_and_tsv_flattens_only_line_breaks_and_tabs() {
    let dataset = hostile_dataset();
    let (_, stdout, _) = run_hostile(&["sources", "--format", "csv"]);
    let mut reader = csv::Reader::from_reader(stdout.as_bytes());
    let headers = reader.headers().expect("a header").clone();
    let name = headers
        .iter()
        .position(|field| field == "publisher")
        .expect("publisher");
    let id = headers.iter().position(|field| field == "id").expect("id");
    let records: Vec<csv::StringRecord> = reader
        .records()
        .map(|record| record.expect("CSV"))
        .collect();
    let sources = dataset["sources"].as_array().expect("sources");
    for (record, source) in records.iter().zip(sources) {
        assert_eq!(Some(&record[name]), source["publisher"].as_str());
        assert_eq!(Some(&record[id]), source["id"].as_str());
    }
    let (_, stdout, _) = run_hostile(&["groups", "--format", "tsv", "--fields", "id,name"]);
    let workers = &dataset["groups"][1];
    let flat = |value: &Value| {
        value
            .as_str()
            .expect("text")
            .replace(['\t', '\n', '\r'], " ")
    };
    let second = stdout.lines().nth(2).expect("the workers row");
    assert_eq!(
        second,
        format!("{}\t{}", flat(&workers["id"]), flat(&workers["name"]))
    );
    assert!(
        second.contains("\u{1b}]0;pwned\u{7}"),
        "TSV keeps the data: {second:?}"
    );
}

#[test]
fn messages_that_echo_input_escape_it() {
    let (code, stdout, stderr) = run_hostile(&["group", "\u{1b}]0;pwned\u{7}x"]);
    assert_eq!((code, stdout.as_str()), (1, ""));
    assert!(loose_controls(&stderr, false).is_empty(), "{stderr:?}");
    let (code, _, stderr) = run_hostile(&["estimates", "--fields", "id,\u{9b}2J"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("unknown field `\\u{9b}2J`"), "{stderr:?}");
    let output = nkru()
        .args(["--data", "missing\u{1b}[2J\r.json", "groups"])
        .output()
        .expect("nkru runs");
    let stderr = String::from_utf8(output.stderr).expect("UTF-8");
    assert_eq!(
        stderr,
        "nkru: error: missing\\u{1b}[2J\\r.json: cannot read: no such file\n"
    );
    let mut broken = hostile_dataset();
    broken["estimates"][1]["group"] = Value::from(format!("ghost{HOSTILE}"));
    let output = nkru()
        .args(["--data", "-", "groups"])
        .write_stdin(broken.to_string())
        .output()
        .expect("nkru runs");
    let stderr = String::from_utf8(output.stderr).expect("UTF-8");
    assert_eq!(output.status.code(), Some(3));
    assert_eq!(stderr.lines().count(), 1, "{stderr:?}");
    assert!(loose_controls(&stderr, false).is_empty(), "{stderr:?}");
    assert!(
        stderr.contains("no group or related population has the id `ghost\\u{1b}]0;pwned"),
        "{stderr:?}"
    );
}
