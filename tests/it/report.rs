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
        6,
        "the chart of every group, a chart for each of the four groups and the timeline, inline"
    );
    assert!(page.ends_with("</html>"));
}

#[test]
fn every_table_has_a_caption_and_the_page_says_its_dataset() {
    let page = stdout_of(&["report"]);
    for heading in [
        "Overview",
        "Now",
        "Population figures",
        "Each group",
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
        .map(|name| name.id.to_string())
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
    // The chart of every group, the refugees' and the workers' (their recruits), the timeline.
    assert_eq!(pictures(&page).len(), 4);
}

/// The article's records with a figure of the refugees for all of Russia in 2010, later than
/// the only total (2006).
fn dataset_with_a_later_group() -> String {
    let mut dataset: serde_json::Value =
        serde_json::from_str(crate::harness::ARTICLE).expect("JSON");
    let estimates = dataset["estimates"].as_array_mut().expect("estimates");
    let mut later = estimates
        .iter()
        .find(|estimate| estimate["id"] == "refugees-1999")
        .expect("refugees-1999")
        .clone();
    later["id"] = serde_json::Value::from("refugees-2010");
    later["coverage"] = serde_json::Value::from("russia");
    later["region"] = serde_json::Value::Null;
    later["low"] = serde_json::Value::from(300);
    later["high"] = serde_json::Value::from(300);
    later["qualifiers"] = serde_json::json!(["about"]);
    later["period"] =
        serde_json::json!({"precision": "year", "from": "2010", "to": null, "text": "2010"});
    estimates.push(later);
    dataset.to_string()
}

/// The report of a dataset given on stdin.
fn report_of(dataset: String, arguments: &[&str]) -> String {
    let output = nkru()
        .args(["--data", "-", "report"])
        .args(arguments)
        .write_stdin(dataset)
        .output()
        .expect("nkru runs");
    assert!(output.status.success(), "{output:?}");
    String::from_utf8(output.stdout).expect("UTF-8")
}

#[test]
fn the_report_opens_with_the_current_picture_then_each_group_then_the_tables() {
    let page = report_of(dataset_with_a_later_group(), &[]);
    let at = |marker: &str| page.find(marker).unwrap_or_else(|| panic!("no {marker}"));
    assert!(at("id=\"overview\"") < at("id=\"now\""));
    assert!(at("id=\"now\"") < at("id=\"chart\""));
    assert!(at("id=\"chart\"") < at("id=\"by-group\""));
    assert!(at("id=\"by-group\"") < at("id=\"timeline\""));
    assert!(at("id=\"timeline\"") < at("<table>"));
    let now = &page[at("id=\"now\"")..at("id=\"chart\"")];
    // The latest total a source gives, with who made it and its source.
    assert!(
        now.contains(
            "The latest total a source gives of all North Koreans in Russia: \
             <strong class=\"figure\">about 10,000</strong> people present, 2006."
        ),
        "{now}"
    );
    assert!(
        now.contains("by Kyung Hee University (a 2006 study, as the article reports it)"),
        "{now}"
    );
    // A group's later figure: nkru's sum, said to be nkru's, with its years and its parts.
    assert!(now.contains("No source gives a total after 2006."), "{now}");
    assert!(
        now.contains(
            "nkru's sum of each group's latest figures of people present is \
             <strong class=\"figure\">300</strong>, from figures of 2010: nkru's sum, not a \
             figure any source gives."
        ),
        "{now}"
    );
    assert!(
        now.contains(
            "<strong>Defectors and refugees</strong>: <span class=\"figure\">about 300</span>, 2010"
        ),
        "{now}"
    );
    assert!(
        now.contains("about 300</span>, 2010, by the article (no author named)"),
        "{now}"
    );
}

#[test]
fn without_a_later_group_figure_there_is_no_sum() {
    let page = stdout_of(&["--data", ARTICLE_PATH, "report"]);
    let now =
        &page[page.find("id=\"now\"").expect("now")..page.find("id=\"chart\"").expect("chart")];
    assert!(
        now.contains("<strong class=\"figure\">about 10,000</strong>"),
        "{now}"
    );
    assert!(
        !now.contains("nkru's sum"),
        "the refugees' 1999 is older than 2006: {now}"
    );
}

#[test]
fn each_group_has_its_headline_figures_and_its_chart_over_time() {
    let page = report_of(dataset_with_a_later_group(), &[]);
    let start = page
        .find("<article id=\"group-refugees\"")
        .expect("the refugees");
    let end = start + page[start..].find("</article>").expect("closed");
    let refugees = &page[start..end];
    // The headline of people present is the latest figure for all of Russia, not the region's.
    assert!(
        refugees.contains(
            "<dt>People present at one time</dt><dd><strong class=\"figure\">about 300</strong>, \
             2010; 1 figure by the article</dd>"
        ),
        "{refugees}"
    );
    let charts = pictures(refugees);
    assert_eq!(charts.len(), 1, "{refugees}");
    let chart = roxmltree::Document::parse(&charts[0]).expect("XML");
    let titles: Vec<&str> = chart
        .descendants()
        .filter(|node| node.has_tag_name("title"))
        .filter_map(|node| node.text())
        .collect();
    assert_eq!(
        titles.len(),
        1,
        "the figure for all of Russia alone: {titles:?}"
    );
    assert!(
        titles[0].starts_with("about 300 people present"),
        "{titles:?}"
    );
    assert!(
        chart.descendants().any(|node| node.text().map(str::trim)
            == Some("Defectors and refugees: people present at one time over time")),
        "titled with the group"
    );
    // The workers' only figure of people present has no date: no headline, no chart.
    let start = page
        .find("<article id=\"group-workers\"")
        .expect("the workers");
    let end = start + page[start..].find("</article>").expect("closed");
    let workers = &page[start..end];
    assert!(
        workers.contains("<dt>People recruited or sent</dt>"),
        "{workers}"
    );
    assert!(
        !workers.contains("<dt>People present at one time</dt>"),
        "{workers}"
    );
}
