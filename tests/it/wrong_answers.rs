//! Answers that must not be wrong: an id names one record in every list, a name names one group
//! by the rule lookup uses, and a text that folds to nothing is no search.

use serde_json::{Value, json};

use crate::harness::{ARTICLE, run};

/// The article's dataset changed by `change`, written to a temporary file kept while it lives.
fn changed(change: impl FnOnce(&mut Value)) -> tempfile::NamedTempFile {
    let mut dataset: Value = serde_json::from_str(ARTICLE).expect("JSON");
    change(&mut dataset);
    let file = tempfile::NamedTempFile::new().expect("a temporary file");
    std::fs::write(file.path(), dataset.to_string()).expect("written");
    file
}

/// A change made to a dataset.
type Change = Box<dyn Fn(&mut Value)>;

fn path(file: &tempfile::NamedTempFile) -> &str {
    file.path().to_str().expect("UTF-8")
}

/// The problems `nkru validate` lists for a file, each after `nkru: error: ` and the file name.
fn problems(file: &tempfile::NamedTempFile) -> Vec<String> {
    let (code, _, stderr) = run(&["validate", path(file)]);
    if code == 0 {
        return Vec::new();
    }
    assert_eq!(code, 3, "{stderr}");
    stderr
        .lines()
        .filter_map(|line| line.strip_prefix("nkru: error: "))
        .filter_map(|line| line.split_once(": ").map(|(_, problem)| problem.to_owned()))
        .filter(|problem| !problem.contains("invalid dataset"))
        .collect()
}

#[test]
fn an_id_is_one_record_across_every_list() {
    let cases: Vec<(Change, &str)> = vec![
        (
            Box::new(|dataset| dataset["estimates"][1]["id"] = json!("article")),
            "estimates[1] (article): id `article` is also the id of sources[0]",
        ),
        (
            Box::new(|dataset| dataset["events"][2]["id"] = dataset["estimates"][0]["id"].clone()),
            "events[2] (total-2006): id `total-2006` is also the id of estimates[0]",
        ),
        (
            Box::new(|dataset| dataset["events"][0]["id"] = json!("workers-fact-1")),
            "the id `workers-fact-1` of a fact is also the id of events[0]",
        ),
        (
            Box::new(|dataset| dataset["sources"][0]["id"] = json!("workers")),
            "sources[0] (workers): id `workers` is also the id of groups[1]",
        ),
        (
            Box::new(|dataset| {
                dataset["names"] = json!([{
                    "id": "article", "en": "The article", "group": null, "ko": "기사",
                    "ru": null, "aliases": [], "sources": ["article"], "note": null
                }])
            }),
            "names[0] (article): id `article` is also the id of sources[0]",
        ),
    ];
    for (change, expected) in cases {
        let file = changed(change);
        let found = problems(&file);
        assert!(
            found.iter().any(|problem| problem.contains(expected)),
            "{expected} not in {found:?}"
        );
    }
    // A name may carry the id of the group it names.
    let own = changed(|dataset| {
        dataset["names"] = json!([{
            "id": "workers", "en": "Guest workers", "group": "workers", "ko": "로동자",
            "ru": null, "aliases": [], "sources": ["article"], "note": null
        }])
    });
    assert_eq!(problems(&own), Vec::<String>::new());
}

#[test]
fn cite_never_picks_one_of_two_records_sharing_an_id() {
    let shared = changed(|dataset| dataset["estimates"][1]["id"] = json!("article"));
    let (code, stdout, stderr) = run(&["--data", path(&shared), "cite", "article"]);
    assert_eq!((code, stdout.as_str()), (3, ""), "{stderr}");
    // The file is refused before cite is asked: the clash is named.
    assert!(
        stderr.contains("estimates[1] (article): id `article` is also the id of sources[0]"),
        "{stderr}"
    );
}

#[test]
fn the_check_of_names_is_the_rule_of_the_lookup() {
    let names = |ko: &str| {
        json!([{
            "id": "students-ko", "en": "Students", "group": "students", "ko": ko,
            "ru": null, "aliases": [], "sources": ["article"], "note": null
        }])
    };
    let cases: Vec<(Change, &str)> = vec![
        (
            // Two spaces where the other group has one.
            Box::new(|dataset| dataset["groups"][2]["aliases"] = json!(["guest  workers"])),
            "guest  workers",
        ),
        (
            // The singular of another group's plural.
            Box::new(|dataset| dataset["groups"][2]["aliases"] = json!(["migrant worker"])),
            "migrant worker",
        ),
        (
            // A Korean name of the names list, the alias of another group.
            Box::new(move |dataset| {
                dataset["names"] = names("유학생");
                dataset["groups"][1]["aliases"] = json!(["유학생"]);
            }),
            "유학생",
        ),
    ];
    for (change, name) in cases {
        let file = changed(change);
        let found = problems(&file);
        assert!(
            found
                .iter()
                .any(|problem| problem.contains(&format!("`{name}` is also a name of the group"))),
            "{name}: {found:?}"
        );
    }
    // Where the check passes, the lookup finds one group by every name.
    let apart = changed(|dataset| {
        dataset["names"] = names("유학생");
    });
    assert_eq!(problems(&apart), Vec::<String>::new());
    let (code, stdout, stderr) = run(&[
        "--data",
        path(&apart),
        "group",
        "유학생",
        "--format",
        "json",
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("\"students\""), "{stdout}");
}

#[test]
fn a_search_text_of_marks_alone_is_refused_as_an_empty_one() {
    let empty = run(&["search", " "]);
    assert_eq!(empty.0, 2);
    for marks in ["\u{301}", "\u{301}\u{308}", " \u{300} "] {
        let (code, stdout, stderr) = run(&["search", marks]);
        assert_eq!((code, stdout.as_str()), (2, ""), "{marks:?}");
        assert_eq!(stderr, empty.2, "{marks:?}");
    }
}

#[test]
fn a_source_is_cited_by_records_that_cite_it_only() {
    let dataset: Value =
        serde_json::from_str(nkru::dataset::EMBEDDED).expect("the embedded dataset");
    let citing = |id: &str| -> Vec<String> {
        let mut ids = Vec::new();
        for group in dataset["groups"].as_array().expect("groups") {
            if group["facts"]
                .as_array()
                .expect("facts")
                .iter()
                .any(|fact| fact["source"] == id)
            {
                ids.push(group["id"].as_str().expect("id").to_owned());
            }
        }
        for list in ["estimates", "events", "related"] {
            for record in dataset[list].as_array().expect("a list") {
                if record["source"] == id {
                    ids.push(record["id"].as_str().expect("id").to_owned());
                }
            }
        }
        ids
    };
    let (code, stdout, stderr) = run(&["sources", "--fields", "id,cited_by", "--format", "json"]);
    assert_eq!(code, 0, "{stderr}");
    let sources: Vec<Value> = serde_json::from_str(&stdout).expect("JSON");
    assert!(!sources.is_empty());
    for source in sources {
        let id = source["id"].as_str().expect("id");
        let listed: Vec<String> = source["cited_by"]
            .as_array()
            .expect("a list")
            .iter()
            .map(|id| id.as_str().expect("text").to_owned())
            .collect();
        assert_eq!(listed, citing(id), "{id}");
    }
}

#[test]
fn markdown_cells_carry_no_html_and_no_link() {
    let hostile = changed(|dataset| {
        dataset["sources"][0]["title"] =
            json!("<img src=x onerror=alert(1)> & [click](javascript:alert(1))");
        dataset["sources"][0]["publisher"] = json!("<script>alert(2)</script>");
    });
    let (code, stdout, stderr) =
        run(&["--data", path(&hostile), "sources", "--format", "markdown"]);
    assert_eq!(code, 0, "{stderr}");
    for raw in ["<img", "<script"] {
        assert!(!stdout.contains(raw), "{raw} in {stdout}");
    }
    // A link needs `](` after a bracket that is not escaped.
    assert!(!stdout.replace(r"\]", "").contains("]("), "{stdout}");
    assert!(
        stdout.contains(r"&lt;img src=x onerror=alert(1)&gt; &amp; \[click\](javascript:alert(1))"),
        "{stdout}"
    );
}

#[test]
fn a_table_cell_of_one_word_longer_than_16_bits_keeps_its_column() {
    let length = 70_000;
    let word: String = "t".repeat(length);
    let long = changed(|dataset| dataset["sources"][0]["title"] = json!(word));
    for width in [None, Some("100")] {
        let mut arguments = vec!["--data", path(&long), "sources", "--fields", "id,title"];
        arguments.extend(["--format", "table"]);
        if let Some(width) = width {
            arguments.extend(["--width", width]);
        }
        let (code, stdout, stderr) = run(&arguments);
        assert_eq!(code, 0, "{width:?}: {stderr}");
        assert_eq!(
            stdout.matches('t').count() - "article title".matches('t').count(),
            length,
            "{width:?}: every letter of the word is shown"
        );
        if let Some(width) = width {
            let width: usize = width.parse().expect("a number");
            assert!(stdout.lines().all(|line| line.chars().count() <= width));
            // The column holds the word: its lines are as wide as the column, not a letter each.
            let widest = stdout
                .lines()
                .map(|line| line.matches('t').count())
                .max()
                .unwrap_or(0);
            assert!(widest > width / 2, "{widest}");
        }
    }
}
