//! The embedded dataset as a reference must keep it: every record cited to a publication with
//! its address and the day it was read, every figure with its author, nothing copied from the
//! article it began from, and answers to the questions people bring to it.

use std::collections::{BTreeSet, HashSet};

use nkru::dataset::{Counts, Dataset};
use serde_json::Value;

use crate::harness::stdout_of;

fn dataset() -> Dataset<'static> {
    nkru::dataset::embedded().expect("the embedded dataset loads")
}

fn json(arguments: &[&str]) -> Value {
    let mut all = arguments.to_vec();
    all.extend(["--format", "json"]);
    serde_json::from_str(&stdout_of(&all)).expect("JSON output parses")
}

/// The ids of the sources that the records of a dataset cite.
fn cited<'a>(dataset: &'a Dataset<'a>) -> BTreeSet<&'a str> {
    let facts = dataset
        .groups
        .iter()
        .flat_map(|group| group.facts.iter().map(|fact| fact.source.as_ref()));
    let estimates = dataset
        .estimates
        .iter()
        .map(|estimate| estimate.source.as_ref());
    let events = dataset.events.iter().map(|event| event.source.as_ref());
    let related = dataset
        .related
        .iter()
        .map(|related| related.source.as_ref());
    let names = dataset
        .names
        .iter()
        .flat_map(|name| name.sources.iter().map(AsRef::as_ref));
    facts
        .chain(estimates)
        .chain(events)
        .chain(related)
        .chain(names)
        .collect()
}

#[test]
fn every_record_cites_a_source_with_an_address_and_the_day_it_was_read() {
    let dataset = dataset();
    let cited = cited(&dataset);
    let mut unread = Vec::new();
    for source in &dataset.sources {
        if !cited.contains(source.id.as_ref()) {
            unread.push(format!("{}: cited by no record", source.id));
        }
        if cited.contains(source.id.as_ref())
            && (source.url.is_none() || source.retrieved.is_none())
        {
            unread.push(format!("{}: no url or no retrieved date", source.id));
        }
    }
    assert!(unread.is_empty(), "{unread:#?}");
    // Each record's source exists: the validation of the dataset says so, and this list is it.
    let ids: HashSet<&str> = dataset
        .sources
        .iter()
        .map(|source| source.id.as_ref())
        .collect();
    assert!(cited.iter().all(|id| ids.contains(id)));
}

#[test]
fn a_source_without_an_address_fails_the_check_above() {
    let mut dataset = dataset();
    let id = dataset.estimates[0].source.clone();
    let source = dataset
        .sources
        .iter_mut()
        .find(|source| source.id == id)
        .expect("the cited source");
    source.url = None;
    let cited = cited(&dataset);
    let missing = dataset
        .sources
        .iter()
        .filter(|source| cited.contains(source.id.as_ref()) && source.url.is_none())
        .count();
    assert_eq!(missing, 1);
}

#[test]
fn every_figure_says_who_made_it() {
    let dataset = dataset();
    let anonymous: Vec<&str> = dataset
        .estimates
        .iter()
        .filter(|estimate| estimate.attributed_to.trim().is_empty())
        .map(|estimate| estimate.id.as_ref())
        .collect();
    assert!(anonymous.is_empty(), "{anonymous:?}");
    // A figure with no author is refused by validation, in the embedded dataset as in any other.
    let mut broken = dataset;
    broken.estimates[5].attributed_to = String::from("  ").into();
    let problems: Vec<String> = nkru::dataset::validate(&broken)
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].ends_with("attributed_to is empty: say who made the figure"));
}

/// FNV-1a, 64 bits: the hash the fixture of the article's runs of words was made with.
fn hash(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The words of a text as the fixture counts them: lower-cased, split at every character that
/// is not a letter or digit.
fn words(text: &str) -> Vec<String> {
    text.to_lowercase()
        .split(|character: char| !character.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The hashes of every run of eight words of the article.
fn article_runs() -> HashSet<u64> {
    include_str!("fixtures/article-8-word-runs.txt")
        .lines()
        .filter(|line| !line.starts_with('#'))
        .map(|line| u64::from_str_radix(line, 16).expect("a hexadecimal hash"))
        .collect()
}

/// Every run of eight words of every text in a JSON value that is one of the article's.
fn copied_runs(value: &Value, runs: &HashSet<u64>) -> Vec<String> {
    match value {
        Value::String(text) => {
            let words = words(text);
            words
                .windows(8)
                .map(|run| run.join(" "))
                .filter(|run| runs.contains(&hash(run)))
                .collect()
        }
        Value::Array(items) => items
            .iter()
            .flat_map(|item| copied_runs(item, runs))
            .collect(),
        Value::Object(map) => map
            .values()
            .flat_map(|item| copied_runs(item, runs))
            .collect(),
        _ => Vec::new(),
    }
}

#[test]
fn no_run_of_eight_words_of_the_article_is_in_the_data() {
    let runs = article_runs();
    assert!(runs.len() > 300, "the fixture holds the article's runs");
    assert_eq!(
        hash("one two three four five six seven eight"),
        0xba4b_9b92_db71_bfbb
    );
    for (name, text) in [
        ("data/nkru.json", nkru::dataset::EMBEDDED),
        ("tests/it/fixtures/article.json", crate::harness::ARTICLE),
    ] {
        let data: Value = serde_json::from_str(text).expect("JSON");
        let copied = copied_runs(&data, &runs);
        assert!(copied.is_empty(), "{name} copies the article: {copied:?}");
    }
}

#[test]
fn a_copied_run_of_eight_words_would_be_found() {
    let runs: HashSet<u64> = [hash("the quick brown fox jumps over the lazy")].into();
    let data =
        serde_json::json!({ "notes": ["It said: The quick brown fox jumps over the LAZY dog."] });
    assert_eq!(
        copied_runs(&data, &runs),
        ["the quick brown fox jumps over the lazy"]
    );
    let reworded = serde_json::json!({ "notes": ["A quick brown fox jumped over the lazy dog."] });
    assert!(copied_runs(&reworded, &runs).is_empty());
}

#[test]
fn the_workers_counts_of_2015_and_the_ends_of_2017_and_2018_are_answered_with_their_authors() {
    let answered = |arguments: &[&str], figure: u64| {
        let rows = json(arguments);
        let row = rows
            .as_array()
            .expect("rows")
            .iter()
            .find(|row| row["low"] == figure)
            .unwrap_or_else(|| panic!("{arguments:?} has no figure {figure}: {rows}"))
            .clone();
        assert!(!row["attributed_to"].as_str().expect("an author").is_empty());
        let source = row["source"].as_str().expect("a source").to_owned();
        let sources = json(&["sources"]);
        let cited = sources
            .as_array()
            .expect("sources")
            .iter()
            .find(|candidate| candidate["id"] == source.as_str())
            .expect("the cited source is listed");
        assert!(
            cited["url"]
                .as_str()
                .is_some_and(|url| url.starts_with("http"))
        );
        row
    };
    // 2015: work permits of the first quarter, from Russia's labour ministry.
    let permits = answered(
        &["estimates", "--group", "workers", "--year", "2015"],
        47_364,
    );
    assert_eq!(permits["counts"], "permits");
    // The ends of 2017 and 2018: Russia's report to the UN sanctions committee.
    let end_2017 = answered(
        &[
            "estimates",
            "--group",
            "workers",
            "--year",
            "2017",
            "--counts",
            "present",
        ],
        30_023,
    );
    let end_2018 = answered(
        &[
            "estimates",
            "--group",
            "workers",
            "--year",
            "2018",
            "--counts",
            "present",
        ],
        11_490,
    );
    for row in [&end_2017, &end_2018] {
        assert!(
            row["attributed_to"]
                .as_str()
                .expect("text")
                .starts_with("Russian Federation")
        );
    }
    assert_eq!(
        (end_2017["to"].as_str(), end_2018["to"].as_str()),
        (Some("2017-12"), Some("2018-12"))
    );
}

#[test]
fn the_timeline_of_2017_to_2019_shows_the_un_resolution_and_its_deadline() {
    let events = json(&["timeline", "--from", "2017", "--to", "2019"]);
    let ids: Vec<&str> = events
        .as_array()
        .expect("events")
        .iter()
        .filter_map(|event| event["id"].as_str())
        .collect();
    for id in ["un-resolution-2397", "repatriation-deadline-2019-12-22"] {
        assert!(ids.contains(&id), "{id} not in {ids:?}");
    }
    let resolution = events
        .as_array()
        .expect("events")
        .iter()
        .find(|event| event["id"] == "un-resolution-2397")
        .expect("the resolution");
    assert_eq!(resolution["from"], "2017-12-22");
    let view = stdout_of(&[
        "timeline", "--from", "2017", "--to", "2019", "--format", "table", "--width", "100",
    ]);
    assert!(view.contains("resolution 2397"), "{view}");
    assert!(view.contains("22 December 2019"), "{view}");
}

#[test]
fn the_military_group_shows_the_2024_deployment_estimates_of_several_authors() {
    let group = json(&["group", "troops"]);
    assert_eq!(group["id"], "military");
    let estimates = group["estimates"].as_array().expect("estimates");
    let authors: BTreeSet<&str> = estimates
        .iter()
        .filter(|estimate| estimate["counts"] == "present")
        .filter(|estimate| {
            estimate["from"]
                .as_str()
                .is_some_and(|from| from.starts_with("2024"))
        })
        .filter_map(|estimate| estimate["attributed_to"].as_str())
        .collect();
    assert!(authors.len() >= 4, "{authors:?}");
    assert!(authors.iter().any(|author| author.contains("Pentagon")));
    assert!(
        authors
            .iter()
            .any(|author| author.contains("National Intelligence Service"))
    );
    // Figures of a party to the war are marked as such.
    assert!(
        estimates
            .iter()
            .any(|estimate| estimate["party_to_conflict"] == true)
    );
    let view = stdout_of(&[
        "group", "military", "--all", "--format", "table", "--width", "100",
    ]);
    assert!(view.contains("(a party to the conflict)"), "{view}");
    // The digest marks them too, and says what the mark means.
    let digest = stdout_of(&["group", "military", "--format", "table", "--width", "100"]);
    assert!(digest.contains("HUR*"), "{digest}");
    assert!(digest.contains("* by a party to the conflict"), "{digest}");
}

#[test]
fn the_summary_keeps_kinds_apart_and_the_workers_open() {
    let summary = json(&["summary"]);
    let lines = summary.as_array().expect("lines");
    let workers: Vec<&Value> = lines
        .iter()
        .filter(|line| line["id"] == "workers")
        .collect();
    assert!(workers.len() > 3, "one line for each kind of figure");
    let kinds: BTreeSet<&str> = workers
        .iter()
        .filter_map(|line| line["counts"].as_str())
        .collect();
    assert_eq!(kinds.len(), workers.len(), "each kind once");
    let groups = json(&["groups"]);
    let row = groups
        .as_array()
        .expect("groups")
        .iter()
        .find(|row| row["id"] == "workers")
        .expect("the workers");
    assert_eq!(row["to"], Value::Null, "the workers' span is still open");
    let dataset = dataset();
    for line in nkru::query::summarize(&dataset, &[], nkru::query::Names::english()) {
        let estimates: Vec<_> = if line.id == nkru::query::TOTAL_ID {
            dataset
                .estimates
                .iter()
                .filter(|estimate| estimate.group.is_none())
                .collect()
        } else {
            nkru::query::estimates_of(&dataset, line.id)
        };
        let of_kind = estimates
            .iter()
            .filter(|estimate| Some(estimate.counts) == line.counts);
        assert_eq!(
            of_kind.count(),
            line.estimates,
            "{} {:?}",
            line.id,
            line.counts
        );
    }
    assert!(
        dataset
            .estimates
            .iter()
            .any(|estimate| estimate.counts == Counts::Census)
    );
}

#[test]
fn every_figure_says_how_much_of_russia_it_counts() {
    let dataset = dataset();
    let unknown: Vec<&str> = dataset
        .estimates
        .iter()
        .filter(|estimate| estimate.coverage.is_none())
        .map(|estimate| estimate.id.as_ref())
        .collect();
    assert!(unknown.is_empty(), "no coverage: {unknown:?}");
}

#[test]
fn the_facts_added_in_2_2_0_are_each_one_command_away() {
    let ids = |arguments: &[&str]| -> Vec<String> {
        json(arguments)
            .as_array()
            .expect("a list")
            .iter()
            .map(|row| row["id"].as_str().expect("an id").to_owned())
            .collect()
    };
    let has = |arguments: &[&str], id: &str| {
        let found = ids(arguments);
        assert!(
            found.iter().any(|found| found == id),
            "{arguments:?}: {found:?}"
        );
    };
    has(
        &["search", "consulate"],
        "refugees-2010-03-09-vladivostok-consulate",
    );
    let present_2007 = [
        "estimates",
        "--group",
        "workers",
        "--counts",
        "present",
        "--year",
        "2007",
    ];
    has(&present_2007, "workers-2007-russia-govt-ap");
    has(
        &["estimates", "--group", "workers", "--year", "2013"],
        "workers-2013-russia-rfa",
    );
    has(
        &["estimates", "--region", "Primorsky", "--year", "2014"],
        "workers-2014-primorye-rfa",
    );
    has(
        &["estimates", "--region", "Amur", "--year", "2009"],
        "workers-2009-12-amur-kyodo",
    );
    has(
        &["estimates", "--region", "Khabarovsk", "--year", "2009"],
        "workers-2009-12-khabarovsk-kyodo",
    );
    has(
        &["estimates", "--counts", "possible", "--year", "2024"],
        "workers-2024-10-official-up-to-100000",
    );
    has(
        &["timeline", "--group", "workers", "--year", "2023"],
        "nis-2023-12-12-watching-worker-dispatch",
    );
    has(
        &["search", "Darkin"],
        "refugees-2003-darkin-settlement-plan",
    );
    has(
        &["search", "statelessness"],
        "sakhalin-koreans-dprk-citizenship",
    );
    has(&["search", "Soviet Union"], "kim-il-sung-soviet-years");
}
