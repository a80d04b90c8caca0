//! `nkru cite`: every source's citation in each format reads back with a parser of that format,
//! and a record's citation names its source and who made its figure.

use crate::harness::{ARTICLE_PATH, run, stdout_of};

/// The number of sources of the embedded dataset.
fn embedded_sources() -> usize {
    nkru::dataset::embedded()
        .expect("the embedded dataset loads")
        .sources
        .len()
}

#[test]
fn every_source_as_bibtex_parses_back_with_a_bibtex_parser() {
    let bibtex = stdout_of(&["cite", "--all", "--style", "bibtex"]);
    let bibliography = biblatex::Bibliography::parse(&bibtex).expect("the BibTeX parses");
    assert_eq!(bibliography.len(), embedded_sources());
    let entry = bibliography
        .get("kommersant-4493063-one-refugee")
        .expect("an entry keyed by the source's id");
    let title = entry.title().expect("a title");
    assert_eq!(
        biblatex::ChunksExt::format_verbatim(title),
        "Куда ни Ким, всюду клин"
    );
    // Text with BibTeX's special characters survives the round trip.
    let url = entry.get("url").expect("a url");
    assert_eq!(
        biblatex::ChunksExt::format_verbatim(url),
        "https://www.kommersant.ru/doc/4493063"
    );
}

#[test]
fn a_records_bibtex_entry_says_who_made_the_figure_and_who_reported_it() {
    let bibtex = stdout_of(&[
        "--data",
        ARTICLE_PATH,
        "cite",
        "total-2006",
        "--style",
        "bibtex",
    ]);
    let bibliography = biblatex::Bibliography::parse(&bibtex).expect("the BibTeX parses");
    let entry = bibliography
        .get("total-2006")
        .expect("keyed by the record's id");
    let note = biblatex::ChunksExt::format_verbatim(entry.get("note").expect("a note"));
    assert!(
        note.contains("Kyung Hee University (a 2006 study, as the article reports it), as reported by Wikipedia"),
        "{note}"
    );
}

/// The CSL-JSON schema of the Citation Style Language project (schemas/input/csl-data.json of
/// its `schema` repository, MIT licence), reformatted.
const CSL_DATA_SCHEMA: &str = include_str!("fixtures/csl-data.json");

#[test]
fn every_source_and_record_as_csl_json_validates_against_the_csl_schema() {
    let schema: serde_json::Value = serde_json::from_str(CSL_DATA_SCHEMA).expect("the schema");
    let validator = jsonschema::validator_for(&schema).expect("a valid schema");
    let all: serde_json::Value =
        serde_json::from_str(&stdout_of(&["cite", "--all", "--style", "csl-json"]))
            .expect("CSL-JSON is JSON");
    let errors: Vec<String> = validator
        .iter_errors(&all)
        .map(|error| error.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    assert_eq!(all.as_array().map(Vec::len), Some(embedded_sources()));
    let records: serde_json::Value = serde_json::from_str(&stdout_of(&[
        "cite",
        "military-2025-04-nis-casualties-4700",
        "refugees-fact-3",
        "workers-recruited-sakhalin",
        "--style",
        "csl-json",
    ]))
    .expect("CSL-JSON is JSON");
    assert!(validator.is_valid(&records));
    assert_eq!(records[0]["id"], "military-2025-04-nis-casualties-4700");
    assert_eq!(records[0]["type"], "article-newspaper");
    let note = records[0]["note"].as_str().expect("a note");
    assert!(note.contains("as reported by SBS News"), "{note}");
    // The checks can fail: an item without its type is refused.
    let mut broken = records.clone();
    broken[0].as_object_mut().expect("an object").remove("type");
    assert!(!validator.is_valid(&broken));
}

#[test]
fn every_source_as_ris_has_the_required_tags_in_order() {
    let ris = stdout_of(&["cite", "--all", "--style", "ris"]);
    let mut records = 0;
    let mut tags: Vec<&str> = Vec::new();
    for line in ris.split("\r\n").filter(|line| !line.is_empty()) {
        let (tag, rest) = line.split_at(2);
        assert!(
            tag.chars()
                .all(|character| character.is_ascii_uppercase() || character.is_ascii_digit()),
            "{line}"
        );
        assert!(rest.starts_with("  - "), "{line}");
        tags.push(tag);
        if tag == "ER" {
            assert_eq!(tags.first(), Some(&"TY"), "TY opens each record: {tags:?}");
            for required in ["ID", "TI", "UR"] {
                assert!(tags.contains(&required), "{required} missing: {tags:?}");
            }
            tags.clear();
            records += 1;
        }
    }
    assert!(tags.is_empty(), "the last record is closed by ER");
    assert_eq!(records, embedded_sources());
}

#[test]
fn apa_and_chicago_text_name_the_source_and_who_made_the_figure() {
    let apa = stdout_of(&["--data", ARTICLE_PATH, "cite", "total-2006", "article"]);
    assert_eq!(
        apa,
        "about 10,000 (people present at one time), 2006, Russia: Kyung Hee University (a 2006 \
         study, as the article reports it), as reported by Wikipedia (section: Introduction). \
         North Koreans in Russia. (n.d.). In Wikipedia. Retrieved November 28, 2026, from \
         https://en.wikipedia.org/wiki/North_Koreans_in_Russia\n\
         North Koreans in Russia. (n.d.). In Wikipedia. Retrieved November 28, 2026, from \
         https://en.wikipedia.org/wiki/North_Koreans_in_Russia\n"
    );
    let chicago = stdout_of(&[
        "--data",
        ARTICLE_PATH,
        "cite",
        "article",
        "--style",
        "chicago",
    ]);
    assert_eq!(
        chicago,
        "Wikipedia. n.d. North Koreans in Russia. Accessed November 28, 2026. \
         https://en.wikipedia.org/wiki/North_Koreans_in_Russia.\n"
    );
}

#[test]
fn an_unknown_id_is_not_found_and_no_id_is_a_usage_error() {
    let (code, stdout, stderr) = run(&["cite", "no-such-record"]);
    assert_eq!((code, stdout.as_str()), (1, ""));
    assert_eq!(
        stderr,
        "nkru: error: no source, estimate, event or fact has the id `no-such-record` (see nkru \
         sources, estimates, timeline and facts)\n"
    );
    let (code, stdout, _) = run(&["cite"]);
    assert_eq!((code, stdout.as_str()), (2, ""));
    let (code, _, _) = run(&["cite", "article", "--all"]);
    assert_eq!(code, 2);
}
