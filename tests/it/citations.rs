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
        "about 10,000 people present at one time, 2006, Russia, according to Kyung Hee \
         University (a 2006 study, as the article reports it), as reported by Wikipedia \
         (section: Introduction).\n\
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
        "Wikipedia. n.d. “North Koreans in Russia.” Accessed November 28, 2026. \
         https://en.wikipedia.org/wiki/North_Koreans_in_Russia.\n"
    );
}

#[test]
fn every_records_citation_holds_its_sources_reference_on_a_line_of_its_own() {
    let dataset = nkru::dataset::embedded().expect("the embedded dataset loads");
    let records: Vec<(&str, &str)> = dataset
        .estimates
        .iter()
        .map(|estimate| (estimate.id.as_ref(), estimate.source.as_ref()))
        .chain(
            dataset
                .events
                .iter()
                .map(|event| (event.id.as_ref(), event.source.as_ref())),
        )
        .collect();
    assert!(records.len() > 100, "{}", records.len());
    for style in ["apa", "chicago"] {
        let mut arguments = vec!["cite", "--style", style];
        arguments.extend(records.iter().map(|(id, _)| *id));
        let cited = stdout_of(&arguments);
        let lines: Vec<&str> = cited.lines().collect();
        assert_eq!(
            lines.len(),
            2 * records.len(),
            "{style}: two lines a record"
        );
        // Each source cited alone.
        let mut references = std::collections::HashMap::new();
        for (_, source) in &records {
            references.entry(*source).or_insert_with(|| {
                stdout_of(&["cite", "--style", style, source])
                    .trim_end()
                    .to_owned()
            });
        }
        for (index, (id, source)) in records.iter().enumerate() {
            let statement = lines[2 * index];
            assert!(
                statement.ends_with('.') && !statement.contains("http"),
                "{style} {id}: {statement}"
            );
            assert_eq!(lines[2 * index + 1], references[source], "{style} {id}");
        }
    }
}

#[test]
fn a_records_statement_is_the_note_of_its_bibtex_csl_json_and_ris_entries() {
    let id = "total-2006";
    let apa = stdout_of(&["--data", ARTICLE_PATH, "cite", id]);
    let statement = apa.lines().next().expect("a statement");
    let csl: serde_json::Value = serde_json::from_str(&stdout_of(&[
        "--data",
        ARTICLE_PATH,
        "cite",
        id,
        "--style",
        "csl-json",
    ]))
    .expect("CSL-JSON");
    assert_eq!(csl[0]["note"].as_str(), Some(statement));
    let ris = stdout_of(&["--data", ARTICLE_PATH, "cite", id, "--style", "ris"]);
    assert!(ris.contains(&format!("N1  - {statement}\r\n")), "{ris}");
    let bibtex = stdout_of(&["--data", ARTICLE_PATH, "cite", id, "--style", "bibtex"]);
    let bibliography = biblatex::Bibliography::parse(&bibtex).expect("the BibTeX parses");
    let note = biblatex::ChunksExt::format_verbatim(
        bibliography
            .get(id)
            .expect("the entry")
            .get("note")
            .expect("a note"),
    );
    assert_eq!(note, statement);
}

#[test]
fn bibtex_entries_have_an_author_a_full_date_latex_text_and_one_key_each() {
    let bibtex = stdout_of(&[
        "cite",
        "bbc-2009-08-26-timber-camps",
        "bbc-2009-08-26-timber-camps",
        "article",
        "--style",
        "bibtex",
    ]);
    assert_eq!(
        bibtex.matches("\n@").count() + 1,
        2,
        "one entry per id: {bibtex}"
    );
    assert!(bibtex.contains("author = {{BBC News}},"), "{bibtex}");
    assert!(bibtex.contains("date = {2009-08-26},"), "{bibtex}");
    assert!(bibtex.contains("month = aug,"), "{bibtex}");
    // Every entry of the dataset has an author, and no field ends early: the braces of each
    // entry balance, and no `\~` (an accent in LaTeX) is written.
    let all = stdout_of(&["cite", "--all", "--style", "bibtex"]);
    for entry in all.split("\n\n") {
        assert!(entry.contains("\n  author = {{"), "{entry}");
        assert_eq!(
            entry.matches('{').count(),
            entry.matches('}').count(),
            "{entry}"
        );
    }
    assert!(!all.contains("\\~"));
    // A title of the dataset with a tilde.
    assert!(all.contains("\\textasciitilde{}"));
}

#[test]
fn bibtex_text_is_escaped_for_latex_and_keys_are_made_safe() {
    let mut dataset: serde_json::Value =
        serde_json::from_str(crate::harness::ARTICLE).expect("the fixture");
    let source = &mut dataset["sources"][0];
    source["id"] = "odd key/with space".into();
    source["title"] = "a~b {unbalanced & 50% #1 $x_y\\".into();
    source["url"] = "https://example.org/a{b".into();
    let folder = tempfile::tempdir().expect("a folder");
    let path = folder.path().join("odd.json");
    // The records that cited the source now cite it by its new id.
    let text = serde_json::to_string(&dataset).expect("JSON").replace(
        "\"source\":\"article\"",
        "\"source\":\"odd key/with space\"",
    );
    std::fs::write(&path, text).expect("written");
    let path = path.to_str().expect("a UTF-8 path");
    let bibtex = stdout_of(&[
        "--data",
        path,
        "cite",
        "odd key/with space",
        "--style",
        "bibtex",
    ]);
    assert!(
        bibtex.starts_with("@misc{odd-key-with-space,\n"),
        "{bibtex}"
    );
    assert!(
        bibtex.contains(
            "title = {{a\\textasciitilde{}b \\textbraceleft{}unbalanced \\& 50\\% \\#1 \\$x\\_y\\textbackslash{}}},"
        ),
        "{bibtex}"
    );
    assert!(
        bibtex.contains("url = {https://example.org/a%7Bb},"),
        "{bibtex}"
    );
    let bibliography = biblatex::Bibliography::parse(&bibtex).expect("the BibTeX parses");
    let entry = bibliography.get("odd-key-with-space").expect("the entry");
    // The note, after the title and the URL, is still read: no field ended early.
    assert!(entry.get("urldate").is_some());
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

#[test]
fn a_sources_english_title_is_a_field_of_sources_and_of_each_citation() {
    let csv = stdout_of(&[
        "sources",
        "--format",
        "csv",
        "--fields",
        "id,title,title_english",
    ]);
    assert!(
        csv.contains("ruwiki-refugees-dprk,Беженцы из КНДР,Refugees from the DPRK\n"),
        "{csv}"
    );
    let id = "ruwiki-refugees-dprk";
    let apa = stdout_of(&["cite", id]);
    assert!(
        apa.starts_with("Беженцы из КНДР [Refugees from the DPRK]. (n.d.)."),
        "{apa}"
    );
    let bibtex = stdout_of(&["cite", id, "--style", "bibtex"]);
    assert!(
        bibtex.contains("  titleaddon = {[Refugees from the DPRK]},\n"),
        "{bibtex}"
    );
    let ris = stdout_of(&["cite", id, "--style", "ris"]);
    assert!(ris.contains("TT  - Refugees from the DPRK\r\n"), "{ris}");
}
