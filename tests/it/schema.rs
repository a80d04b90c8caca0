//! `nkru schema`: the JSON Schema of the dataset format accepts the embedded dataset and the
//! documented example, and rejects broken ones.

use crate::harness::nkru;

use serde_json::{Value, json};

/// The embedded dataset, as shipped in the repository.
const EMBEDDED: &str = include_str!("../../data/nkru.json");

/// The schema as `nkru schema` prints it.
fn schema() -> Value {
    let output = nkru().arg("schema").output().expect("nkru runs");
    assert_eq!(output.status.code(), Some(0));
    assert!(output.stderr.is_empty());
    serde_json::from_slice(&output.stdout).expect("the schema is JSON")
}

fn validator() -> jsonschema::Validator {
    jsonschema::draft202012::new(&schema()).expect("the schema is a valid draft 2020-12 schema")
}

fn embedded() -> Value {
    serde_json::from_str(EMBEDDED).expect("the embedded dataset is JSON")
}

#[test]
fn the_schema_is_draft_2020_12_and_describes_every_field() {
    let schema = schema();
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    let mut objects = vec![("Dataset".to_owned(), &schema)];
    let definitions = schema["$defs"].as_object().expect("the schema has $defs");
    objects.extend(
        definitions
            .iter()
            .map(|(name, object)| (name.clone(), object)),
    );
    assert_eq!(
        objects.len(),
        15,
        "Dataset, its eight record types, the date and its five closed lists of words"
    );
    let described = |value: &Value| {
        value["description"]
            .as_str()
            .is_some_and(|text| !text.is_empty())
    };
    for (name, object) in objects {
        assert!(described(object), "{name} has no description");
        if let Some(properties) = object["properties"].as_object() {
            for (field, property) in properties {
                assert!(described(property), "{name}.{field} has no description");
            }
        } else if let Some(words) = object["oneOf"].as_array() {
            for word in words {
                assert!(
                    word["const"].is_string() && described(word),
                    "{name}: {word}"
                );
            }
        } else {
            assert_eq!(object["type"], "string", "{name}");
            assert!(object["pattern"].is_string(), "{name} states no pattern");
        }
    }
}

#[test]
fn the_embedded_dataset_satisfies_the_schema() {
    let validator = validator();
    let errors: Vec<String> = validator
        .iter_errors(&embedded())
        .map(|error| format!("{}: {error}", error.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
}

#[test]
fn the_documented_example_satisfies_the_schema() {
    let example: Value =
        serde_json::from_str(include_str!("../../docs/example-dataset.json")).expect("JSON");
    assert!(validator().is_valid(&example));
}

/// A change that breaks a dataset.
type Breakage = fn(&mut Value);

#[test]
fn broken_datasets_are_rejected() {
    let validator = validator();
    let breakages: [(&str, Breakage); 10] = [
        ("a figure as text", |data| {
            data["estimates"][0]["low"] = json!("10000");
        }),
        ("a negative figure", |data| {
            data["estimates"][0]["high"] = json!(-1);
        }),
        ("a date that is not a date", |data| {
            data["events"][0]["period"]["from"] = json!("1945-1");
        }),
        ("a year as a number", |data| {
            data["events"][0]["period"]["from"] = json!(1945);
        }),
        ("a kind of count not in the list", |data| {
            data["estimates"][0]["counts"] = json!("people");
        }),
        ("a missing field", |data| {
            data["groups"][0]
                .as_object_mut()
                .expect("a group is an object")
                .remove("name");
        }),
        ("a blank text", |data| {
            data["sources"][0]["title"] = json!("  ");
        }),
        ("a blank region", |data| {
            data["estimates"][0]["region"] = json!("");
        }),
        ("a list that is not a list", |data| {
            data["groups"][0]["aliases"] = json!("students");
        }),
        ("a top level that is an array", |data| *data = json!([])),
    ];
    for (name, breakage) in breakages {
        let mut broken = embedded();
        breakage(&mut broken);
        assert!(!validator.is_valid(&broken), "{name} is accepted");
    }
    // Unknown fields are allowed, as nkru loads them with a warning.
    let mut extended = embedded();
    extended["notes"] = json!("for a newer nkru");
    extended["estimates"][0]["confidence"] = json!(0.5);
    assert!(validator.is_valid(&extended));
}

/// Whether nkru reads and validates a dataset without a problem.
fn nkru_accepts(dataset: &Value) -> bool {
    let text = dataset.to_string();
    nkru::dataset::parse(&text, &nkru::dataset::Origin::Stdin)
        .is_ok_and(|parsed| nkru::dataset::validate(&parsed.dataset).is_empty())
}

#[test]
fn the_schema_and_the_validator_agree_on_crafted_files() {
    let validator = validator();
    let base: Value = serde_json::from_str(crate::harness::ARTICLE).expect("JSON");
    let mut cases: Vec<(String, Value)> = vec![(String::from("the fixture"), base.clone())];
    let mut positional_group = base.clone();
    let group = positional_group["groups"][0]
        .as_object()
        .expect("a group")
        .clone();
    positional_group["groups"][0] = Value::Array(group.values().cloned().collect());
    cases.push((String::from("a group as an array"), positional_group));
    let mut positional_period = base.clone();
    let period = positional_period["estimates"][0]["period"]
        .as_object()
        .expect("a period")
        .clone();
    positional_period["estimates"][0]["period"] = Value::Array(period.values().cloned().collect());
    cases.push((String::from("a period as an array"), positional_period));
    for blank in [
        " ",
        "\t",
        "\u{85}",
        "\u{a0}",
        "\u{2028}",
        "\u{3000}",
        "\u{feff}",
        " \u{feff} ",
    ] {
        let mut case = base.clone();
        case["groups"][0]["name"] = json!(blank);
        cases.push((format!("a name of {blank:?}"), case));
    }
    for kept in ["x\u{feff}", "\u{200b}", "-"] {
        let mut case = base.clone();
        case["groups"][0]["name"] = json!(kept);
        cases.push((format!("a name of {kept:?}"), case));
    }
    for (name, case) in &cases {
        assert_eq!(
            validator.is_valid(case),
            nkru_accepts(case),
            "the schema and nkru disagree on {name}"
        );
    }
    // Both verdicts occur, so the agreement is not that of two checks that pass everything.
    assert!(cases.iter().any(|(_, case)| !nkru_accepts(case)));
    assert!(cases.iter().any(|(_, case)| nkru_accepts(case)));
}
