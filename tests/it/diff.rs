//! `nkru diff`: the differences between the dataset as it was at version 1.0.0 (format 1, kept in
//! `fixtures/dataset-1.0.0.json`) and the embedded one, and between any two files.

use std::collections::HashSet;

use crate::harness::{run, stdout_of};

/// The copy of dataset 1.0.0, the last in format 1.
const OLD: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/it/fixtures/dataset-1.0.0.json"
);

/// One row of `nkru diff --format json`.
#[derive(Debug, serde::Deserialize)]
struct Change {
    kind: String,
    list: String,
    id: String,
    field: Option<String>,
    old: Option<String>,
    new: Option<String>,
}

fn changes(arguments: &[&str]) -> Vec<Change> {
    serde_json::from_str(&stdout_of(arguments)).expect("diff writes JSON rows")
}

#[test]
fn the_diff_from_1_0_0_lists_the_new_records_and_the_changed_ones() {
    let changes = changes(&["diff", "--embedded", OLD, "--format", "json"]);
    let embedded = nkru::dataset::embedded().expect("the embedded dataset");
    let version = changes
        .iter()
        .find(|change| change.list == "dataset" && change.field.as_deref() == Some("version"))
        .expect("the version changed");
    assert_eq!(
        (
            version.kind.as_str(),
            version.old.as_deref(),
            version.new.as_deref()
        ),
        ("changed", Some("1.0.0"), Some(embedded.version.as_ref()))
    );
    let old: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(OLD).expect("the copy")).expect("JSON");
    let old_ids: HashSet<&str> = old["estimates"]
        .as_array()
        .expect("estimates")
        .iter()
        .filter_map(|estimate| estimate["id"].as_str())
        .collect();
    let added: HashSet<&str> = changes
        .iter()
        .filter(|change| {
            change.kind == "added" && change.list == "estimates" && change.field.is_none()
        })
        .map(|change| change.id.as_str())
        .collect();
    let expected: HashSet<&str> = embedded
        .estimates
        .iter()
        .map(|estimate| estimate.id.as_ref())
        .filter(|id| !old_ids.contains(id))
        .collect();
    assert_eq!(added, expected);
    assert!(added.contains("military-2025-04-nis-casualties-4700"));
    // A record in both is compared field by field; format 1's `approximate` was replaced by
    // format 2's `qualifiers`.
    let refugees: Vec<(&str, &str)> = changes
        .iter()
        .filter(|change| change.list == "estimates" && change.id == "refugees-1999")
        .map(|change| {
            (
                change.kind.as_str(),
                change.field.as_deref().unwrap_or_default(),
            )
        })
        .collect();
    assert!(
        refugees.contains(&("removed", "approximate")),
        "{refugees:?}"
    );
    assert!(refugees.contains(&("added", "qualifiers")), "{refugees:?}");
    // The names list is new in 2.1.0: each name is a record added.
    assert!(
        changes.iter().any(|change| change.kind == "added"
            && change.list == "names"
            && change.id == "sakhalin")
    );
}

#[test]
fn exit_code_is_1_when_the_datasets_differ_and_0_when_they_do_not() {
    let (code, stdout, stderr) =
        run(&["diff", "--embedded", OLD, "--exit-code", "--format", "csv"]);
    assert_eq!((code, stderr.as_str()), (1, ""));
    assert!(
        stdout.starts_with("kind,list,id,field,old,new\n"),
        "{stdout}"
    );
    assert!(
        stdout.contains("changed,dataset,,version,1.0.0,"),
        "{stdout}"
    );
    let (code, stdout, _) = run(&["diff", OLD, OLD, "--exit-code", "--format", "tsv"]);
    assert_eq!(
        (code, stdout.as_str()),
        (0, "kind\tlist\tid\tfield\told\tnew\n")
    );
    let (code, _, _) = run(&["diff", "--embedded", OLD]);
    assert_eq!(code, 0, "without --exit-code differences are a success");
}

#[test]
fn a_file_that_is_not_json_or_missing_is_refused() {
    let (code, stdout, stderr) = run(&["diff", "--embedded", "Cargo.toml"]);
    assert_eq!((code, stdout.as_str()), (3, ""));
    assert!(
        stderr.starts_with(
            "nkru: error: Cargo.toml: not a dataset: the top level is not a JSON object"
        ),
        "{stderr}"
    );
    let (code, _, _) = run(&["diff", OLD]);
    assert_eq!(code, 2, "a second file or --embedded is needed");
    let (code, _, _) = run(&["diff", "--embedded", "no-such-file.json"]);
    assert_eq!(code, 3);
}

/// The copy of dataset 2.1.0, the version before the embedded one.
const PREVIOUS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/it/fixtures/nkru-2.1.0.json"
);

#[test]
fn the_diff_from_2_1_0_holds_every_addition_and_correction_of_2_2_0() {
    let changes = changes(&["diff", "--embedded", PREVIOUS, "--format", "json"]);
    let embedded = nkru::dataset::embedded().expect("the embedded dataset");
    let previous: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(PREVIOUS).expect("the 2.1.0 copy"))
            .expect("JSON");
    let field = |list: &str, id: &str, field: &str| {
        changes
            .iter()
            .find(|change| {
                change.list == list && change.id == id && change.field.as_deref() == Some(field)
            })
            .map(|change| (change.old.clone(), change.new.clone()))
    };
    assert_eq!(
        field("dataset", "", "version"),
        Some((Some("2.1.0".into()), Some("2.2.0".into())))
    );
    // Every record new in 2.2.0 is one row added whole.
    let old_ids: HashSet<&str> = ["estimates", "events", "sources"]
        .iter()
        .flat_map(|list| previous[list].as_array().expect("a list"))
        .map(|record| record["id"].as_str().expect("an id"))
        .collect();
    let added: HashSet<&str> = changes
        .iter()
        .filter(|change| change.kind == "added" && change.field.is_none())
        .map(|change| change.id.as_str())
        .collect();
    let new_ids: Vec<&str> = embedded
        .estimates
        .iter()
        .map(|estimate| estimate.id.as_ref())
        .chain(embedded.events.iter().map(|event| event.id.as_ref()))
        .chain(embedded.sources.iter().map(|source| source.id.as_ref()))
        .filter(|id| !old_ids.contains(id))
        .collect();
    assert!(new_ids.contains(&"workers-2007-russia-govt-ap"));
    assert!(new_ids.contains(&"refugees-2010-03-09-vladivostok-consulate"));
    for id in &new_ids {
        assert!(added.contains(id), "{id} is not reported as added");
    }
    // Every estimate of 2.1.0 gains its coverage.
    let estimates = previous["estimates"].as_array().expect("estimates");
    for estimate in estimates {
        let id = estimate["id"].as_str().expect("an id");
        assert!(
            field("estimates", id, "coverage").is_some(),
            "{id} has no coverage in the diff"
        );
    }
    // The corrections, each old value beside the new.
    assert_eq!(
        field("estimates", "workers-2025-bbc-nis-50000", "counts"),
        Some((Some("recruited".into()), Some("possible".into())))
    );
    assert_eq!(
        field(
            "estimates",
            "students-2025-05-present-petrova",
            "qualifiers"
        ),
        Some((Some(r#"["about"]"#.into()), Some(r#"["almost"]"#.into())))
    );
    assert_eq!(
        field(
            "estimates",
            "military-2025-11-reuters-sources-14000",
            "party_to_conflict"
        ),
        Some((Some("false".into()), Some("true".into())))
    );
    assert!(
        field(
            "events",
            "seoul-monitors-student-visa-workers",
            "attributed_to"
        )
        .is_some()
    );
}

/// A change as a tuple: kind, list, id, field, old and new.
type Row = (
    String,
    String,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
);

/// Two files of the lists given, each with the dataset's own fields alone besides.
fn files(old: serde_json::Value, new: serde_json::Value) -> (tempfile::TempDir, String, String) {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let write = |name: &str, value: serde_json::Value| {
        let path = folder.path().join(name);
        std::fs::write(&path, value.to_string()).expect("written");
        path.to_str().expect("UTF-8").to_owned()
    };
    let old = write("old.json", old);
    let new = write("new.json", new);
    (folder, old, new)
}

fn rows(old: &str, new: &str) -> Vec<Row> {
    changes(&["diff", old, new, "--format", "json"])
        .into_iter()
        .map(|change| {
            (
                change.kind,
                change.list,
                change.id,
                change.field,
                change.old,
                change.new,
            )
        })
        .collect()
}

fn row(kind: &str, id: &str, field: Option<&str>, old: Option<&str>, new: Option<&str>) -> Row {
    (
        kind.to_owned(),
        String::from("events"),
        id.to_owned(),
        field.map(str::to_owned),
        old.map(str::to_owned),
        new.map(str::to_owned),
    )
}

#[test]
fn a_repeated_id_is_reported_and_each_of_its_records_paired_in_turn() {
    let (_folder, old, new) = files(
        serde_json::json!({"events": [{"id": "a", "n": 1}, {"id": "a", "n": 2}]}),
        serde_json::json!({"events": [{"id": "a", "n": 1}, {"id": "a", "n": 3}]}),
    );
    assert_eq!(
        rows(&old, &new),
        [
            row(
                "duplicate",
                "a",
                None,
                Some("held by 2 records"),
                Some("held by 2 records")
            ),
            row("changed", "a", Some("n"), Some("2"), Some("3")),
        ]
    );
}

#[test]
fn a_record_without_an_id_is_named_by_its_place() {
    let (_folder, old, new) = files(
        serde_json::json!({"events": [{"id": "a"}, {"text": "x"}]}),
        serde_json::json!({"events": [{"id": "a"}, {"text": "y"}, {"text": "z"}]}),
    );
    assert_eq!(
        rows(&old, &new),
        [
            row("changed", "[1] (no id)", Some("text"), Some("x"), Some("y")),
            row("added", "[2] (no id)", None, None, None),
        ]
    );
}

#[test]
fn a_changed_order_is_a_difference() {
    let (_folder, old, new) = files(
        serde_json::json!({"events": [{"id": "a"}, {"id": "b"}, {"id": "c"}]}),
        serde_json::json!({"events": [{"id": "b"}, {"id": "c"}, {"id": "a"}]}),
    );
    assert_eq!(
        rows(&old, &new),
        [row("reordered", "a", None, Some("at 0"), Some("at 2"))]
    );
    let (code, _, _) = run(&["diff", &old, &new, "--exit-code"]);
    assert_eq!(code, 1);
    // Records added or removed do not change the order of the others.
    let (_folder, old, new) = files(
        serde_json::json!({"events": [{"id": "a"}, {"id": "b"}, {"id": "c"}]}),
        serde_json::json!({"events": [{"id": "x"}, {"id": "a"}, {"id": "c"}]}),
    );
    assert_eq!(
        rows(&old, &new),
        [
            row("removed", "b", None, None, None),
            row("added", "x", None, None, None)
        ]
    );
}

#[test]
fn a_list_at_the_top_and_stdin_twice_get_true_messages() {
    let (_folder, old, _) = files(serde_json::json!([]), serde_json::json!({}));
    let (code, stdout, stderr) = run(&["diff", &old, "--embedded"]);
    assert_eq!((code, stdout.as_str()), (3, ""));
    assert_eq!(
        stderr,
        format!(
            "nkru: error: {old}: not a dataset: the top level is not a JSON object (it begins with `[`)\n"
        )
    );
    let (code, stdout, stderr) = run(&["diff", "-", "-"]);
    assert_eq!((code, stdout.as_str()), (2, ""));
    assert_eq!(
        stderr,
        "nkru: error: OLD and NEW cannot both be `-`: standard input is read once; give a file for one of them\n"
    );
}
