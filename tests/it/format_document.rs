//! The dataset format document agrees with the code: its example loads, its field tables list
//! exactly the fields of the schema, and its size limit is the real one.

use std::collections::BTreeSet;

use assert_cmd::Command;

const DOCUMENT: &str = include_str!("../../docs/dataset-format.md");

/// The binary run from the project's folder.
fn nkru() -> Command {
    let mut command = crate::harness::nkru();
    command.current_dir(env!("CARGO_MANIFEST_DIR"));
    command
}

#[test]
fn the_example_file_loads_and_validates() {
    let output = nkru()
        .args(["validate", "docs/example-dataset.json"])
        .output()
        .expect("nkru runs");
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&output.stderr), "");
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        "docs/example-dataset.json: valid: 1 group, 1 estimate, 1 event, 1 source, 0 related\n"
    );
    let output = nkru()
        .args([
            "--data",
            "docs/example-dataset.json",
            "estimates",
            "--group",
            "workers",
            "--format",
            "ndjson",
            "--fields",
            "id,low,high,region",
        ])
        .output()
        .expect("nkru runs");
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        "{\"id\":\"workers-1940s\",\"low\":8000,\"high\":8000,\"region\":\"Sakhalin\"}\n"
    );
}

/// The fields listed in the document's table under `heading`.
fn documented_fields(heading: &str) -> BTreeSet<String> {
    let start = DOCUMENT
        .find(&format!("\n{heading}\n"))
        .unwrap_or_else(|| panic!("the document has `{heading}`"));
    DOCUMENT[start + heading.len() + 2..]
        .lines()
        .skip_while(|line| !line.starts_with('|'))
        .take_while(|line| line.starts_with('|'))
        .filter_map(|line| line.strip_prefix("| `"))
        .filter_map(|line| line.split('`').next())
        .map(str::to_owned)
        .collect()
}

#[test]
fn every_record_type_is_documented_with_exactly_its_fields() {
    let schema = nkru::dataset::schema::dataset();
    let schema = schema.as_value();
    let mut types = vec![("## The dataset".to_owned(), &schema["properties"])];
    let mut word_lists = Vec::new();
    for (name, definition) in schema["$defs"].as_object().expect("$defs") {
        if definition["properties"].is_object() {
            types.push((format!("### {name}"), &definition["properties"]));
        } else if let Some(words) = definition["oneOf"].as_array() {
            word_lists.push((format!("### {name}"), words));
        } else {
            // A date is a string of a stated form, documented among the types.
            assert_eq!(name, "Date");
            assert!(
                DOCUMENT.contains("`YYYY-MM-DD`"),
                "the form of a date is documented"
            );
        }
    }
    for (heading, properties) in types {
        let fields: BTreeSet<String> = properties
            .as_object()
            .expect("properties")
            .keys()
            .cloned()
            .collect();
        assert_eq!(documented_fields(&heading), fields, "{heading}");
    }
    assert_eq!(
        word_lists.len(),
        5,
        "precision, coverage, qualifier, counts and source kind"
    );
    for (heading, words) in word_lists {
        let values: BTreeSet<String> = words
            .iter()
            .map(|word| word["const"].as_str().expect("a word").to_owned())
            .collect();
        assert_eq!(documented_fields(&heading), values, "{heading}");
    }
}

#[test]
fn the_documented_size_limit_is_the_real_one() {
    let limit = nkru::dataset::DEFAULT_SIZE_LIMIT;
    assert_eq!(limit, 256 * 1024 * 1024);
    assert!(DOCUMENT.contains("256 MiB"));
    assert!(DOCUMENT.contains(&format!("({limit} bytes)")));
}
