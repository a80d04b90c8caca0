//! `nkru report`: one self-contained HTML page with the pictures inline, every table with its
//! caption, the dataset's version and dates, and the dataset's text escaped.

use crate::harness::{ARTICLE_PATH, nkru, run, stdout_of};
use crate::terminal_safety::{MARKUP, hostile_dataset_with};

/// The inline SVG elements of a page, each parsed as XML.
fn pictures(page: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = page;
    while let Some(start) = rest.find("<svg") {
        let end = rest[start..].find("</svg>").expect("a closed svg") + start + "</svg>".len();
        let picture = &rest[start..end];
        roxmltree::Document::parse(picture).unwrap_or_else(|error| panic!("not XML: {error}"));
        found.push(picture.to_owned());
        rest = &rest[end..];
    }
    found
}

/// The values of one attribute everywhere in a page.
fn attributes<'a>(page: &'a str, name: &str) -> Vec<&'a str> {
    let marker = format!(" {name}=\"");
    page.match_indices(&marker)
        .map(|(start, _)| {
            let value = &page[start + marker.len()..];
            &value[..value.find('"').expect("a closed attribute")]
        })
        .collect()
}

#[test]
fn the_report_is_one_page_that_loads_nothing_and_runs_nothing() {
    let page = stdout_of(&["report"]);
    assert!(page.starts_with("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"));
    assert!(
        page.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';")
    );
    assert!(page.contains("<title>North Koreans in Russia: report</title>"));
    assert!(!page.contains("<script"), "no script");
    assert!(!page.contains("<link") && !page.contains("<img") && !page.contains("<iframe"));
    assert!(attributes(&page, "src").is_empty());
    for href in attributes(&page, "href") {
        assert!(
            href.starts_with('#') || href.starts_with("https://") || href.starts_with("http://"),
            "{href}"
        );
    }
    assert!(page.contains("@media print"));
    assert_eq!(
        pictures(&page).len(),
        2,
        "the chart and the timeline, inline"
    );
    assert!(page.ends_with("</html>"));
}

#[test]
fn every_table_has_a_caption_and_the_page_says_its_dataset() {
    let page = stdout_of(&["report"]);
    for heading in [
        "Overview",
        "Population figures",
        "Timeline",
        "Groups",
        "Estimates",
        "Events",
        "Facts",
        "Related populations",
        "Sources",
    ] {
        assert!(
            page.contains(&format!("\">{heading}</h2>")),
            "no heading {heading}"
        );
    }
    assert_eq!(page.matches("<table>").count(), 6);
    assert_eq!(page.matches("<caption>").count(), 6);
    assert!(page.contains("<th scope=\"col\">made by</th>"));
    assert!(page.contains("<td data-label=\"made by\">"));
    let dataset = nkru::dataset::embedded().expect("the embedded dataset loads");
    assert!(page.contains(&format!(
        "Dataset {}, figures to 2026-02-27, as of {} (the day it was last checked against its sources).",
        dataset.version, dataset.as_of
    )));
    // Every estimate, with who made it and a link to its source; every source with its link.
    let estimates: Vec<serde_json::Value> =
        serde_json::from_str(&stdout_of(&["estimates", "--format", "json"])).expect("JSON");
    for estimate in &estimates {
        let id = estimate["id"].as_str().expect("id");
        assert!(
            page.contains(&format!("<td data-label=\"id\">{id}</td>")),
            "no estimate {id}"
        );
        let source = estimate["source"].as_str().expect("source");
        assert!(
            page.contains(&format!("<a href=\"#source-{source}\">{source}</a>")),
            "{id}"
        );
    }
    let sources: Vec<serde_json::Value> =
        serde_json::from_str(&stdout_of(&["sources", "--format", "json"])).expect("JSON");
    // The page shows every record but the names in other languages; the sources they cite, it shows.
    let names: Vec<String> = nkru::dataset::embedded()
        .expect("the embedded dataset loads")
        .names
        .iter()
        .map(|name| name.id.clone())
        .collect();
    let shown = sources.iter().filter(|source| {
        source["cited_by"]
            .as_array()
            .expect("ids")
            .iter()
            .any(|id| !names.iter().any(|name| id == name.as_str()))
    });
    for source in shown {
        let id = source["id"].as_str().expect("id");
        assert!(
            page.contains(&format!("<tr id=\"source-{id}\">")),
            "no source {id}"
        );
        if let Some(url) = source["url"].as_str() {
            let escaped = url.replace('&', "&amp;");
            assert!(
                page.contains(&format!("<a href=\"{escaped}\" rel=\"noreferrer\">")),
                "{url}"
            );
        }
    }
    assert!(page.contains("(a party to the conflict)"));
}

#[test]
fn the_filters_of_estimates_choose_what_the_report_shows() {
    let page = stdout_of(&["--data", ARTICLE_PATH, "report", "--group", "refugees"]);
    assert!(page.contains("Filtered with <code>--group refugees</code>."));
    assert!(page.contains("<td data-label=\"id\">refugees-1999</td>"));
    assert!(!page.contains("<td data-label=\"id\">workers-1940s</td>"));
    assert!(!page.contains("<td data-label=\"id\">total-2006</td>"));
    assert!(page.contains("Two private citizens are assassinated"));
    assert!(
        !page.contains("The Soviet government recruits about 8,000"),
        "an event of the workers"
    );
    let nothing = stdout_of(&["--data", ARTICLE_PATH, "report", "--min", "1000000"]);
    assert!(nothing.contains("No figure matches the filters."));
    assert_eq!(pictures(&nothing).len(), 1, "the timeline alone");
    let (code, stdout, stderr) = run(&["report", "--min", "10", "--max", "5"]);
    assert_eq!((code, stdout.as_str()), (2, ""));
    assert_eq!(
        stderr,
        "nkru: error: --min 10 is greater than --max 5, so nothing could match\n"
    );
    let (code, _, stderr) = run(&["report", "--group", "nobody"]);
    assert_eq!(code, 1, "{stderr}");
}

#[test]
fn a_hostile_dataset_is_text_on_the_page() {
    let hostile = hostile_dataset_with(&format!("{MARKUP}\u{1b}]0;pwned\u{7}")).to_string();
    let output = nkru()
        .args(["--data", "-", "report"])
        .write_stdin(hostile)
        .output()
        .expect("nkru runs");
    assert!(output.status.success());
    let page = String::from_utf8(output.stdout).expect("UTF-8");
    assert!(!page.contains("<script"), "markup let through");
    assert!(!page.contains("<img"), "markup let through");
    assert!(page.contains("&lt;script&gt;window.nkruPwned=1&lt;/script&gt;"));
    assert!(
        !page.contains('\u{1b}'),
        "control characters are shown escaped"
    );
    // The page's title is not broken out of; the chart's marks carry titles of their own.
    let head = &page[..page.find("</head>").expect("a head")];
    assert_eq!(
        head.matches("</title>").count(),
        1,
        "the title is not broken out of"
    );
    assert_eq!(
        page.matches("<title>").count(),
        page.matches("</title>").count()
    );
    assert_eq!(pictures(&page).len(), 2);
}
