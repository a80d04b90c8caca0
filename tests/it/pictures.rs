//! The chart over time and the timeline as SVG: well-formed XML whatever the dataset holds,
//! with the figures placed in time, each with its maker and source, the axes, the legend and
//! the footnote a reader needs.

use crate::harness::{ARTICLE_PATH, nkru, run, stdout_of};
use crate::terminal_safety::{MARKUP, hostile_dataset_with};

/// Parses an SVG document, failing the test when it is not well-formed XML.
fn parse(svg: &str) -> roxmltree::Document<'_> {
    roxmltree::Document::parse(svg).unwrap_or_else(|error| panic!("not XML: {error}\n{svg}"))
}

/// Every text of the picture, one entry per `<text>` element, trimmed.
fn texts(document: &roxmltree::Document<'_>) -> Vec<String> {
    document
        .descendants()
        .filter(|node| node.has_tag_name("text"))
        .map(|node| {
            node.descendants()
                .filter(|child| child.is_text())
                .filter_map(|child| child.text())
                .collect::<String>()
                .trim()
                .to_owned()
        })
        .collect()
}

fn chart(arguments: &[&str]) -> String {
    let mut all = vec!["--data", ARTICLE_PATH, "chart", "--format", "svg"];
    all.extend_from_slice(arguments);
    stdout_of(&all)
}

/// The marks of a chart (each figure's group of shapes) with their titles.
fn marks<'a>(document: &'a roxmltree::Document<'a>) -> Vec<roxmltree::Node<'a, 'a>> {
    document
        .descendants()
        .filter(|node| node.has_tag_name("g") && node.attribute("class") == Some("figure"))
        .collect()
}

/// The title of a mark.
fn title(mark: roxmltree::Node<'_, '_>) -> String {
    mark.children()
        .find(|child| child.has_tag_name("title"))
        .and_then(|title| title.text())
        .unwrap_or_default()
        .to_owned()
}

/// The mark whose title starts with `start`.
fn mark_titled<'a>(document: &'a roxmltree::Document<'a>, start: &str) -> roxmltree::Node<'a, 'a> {
    marks(document)
        .into_iter()
        .find(|mark| title(*mark).starts_with(start))
        .unwrap_or_else(|| panic!("no mark titled {start}"))
}

/// A number attribute of the last shape of a mark (a hollow mark draws its edge first).
fn number(mark: roxmltree::Node<'_, '_>, name: &str) -> f64 {
    mark.children()
        .filter(roxmltree::Node::is_element)
        .filter_map(|shape| shape.attribute(name))
        .next_back()
        .unwrap_or_else(|| panic!("no {name}"))
        .parse()
        .expect("a number")
}

/// The article's records with the refugees' figure of 1999 said to cover a region, beside a
/// figure of theirs for all of Russia in 2001 and one of 2003 by a party to the conflict.
fn dataset_with_coverage() -> String {
    let mut dataset: serde_json::Value =
        serde_json::from_str(crate::harness::ARTICLE).expect("JSON");
    let estimates = dataset["estimates"].as_array_mut().expect("estimates");
    let regional = estimates
        .iter_mut()
        .find(|estimate| estimate["id"] == "refugees-1999")
        .expect("refugees-1999");
    regional["coverage"] = serde_json::Value::from("region");
    let mut national = regional.clone();
    national["id"] = serde_json::Value::from("refugees-2001");
    national["coverage"] = serde_json::Value::from("russia");
    national["region"] = serde_json::Value::Null;
    national["low"] = serde_json::Value::from(300);
    national["high"] = serde_json::Value::from(300);
    national["period"] =
        serde_json::json!({"precision": "year", "from": "2001", "to": null, "text": "2001"});
    let mut party = national.clone();
    party["id"] = serde_json::Value::from("refugees-2003");
    party["party_to_conflict"] = serde_json::Value::from(true);
    party["period"] =
        serde_json::json!({"precision": "year", "from": "2003", "to": null, "text": "2003"});
    estimates.push(national);
    estimates.push(party);
    dataset.to_string()
}

/// The chart of a dataset given on stdin, as SVG.
fn chart_of(dataset: &str, arguments: &[&str]) -> String {
    let mut all = vec!["--data", "-", "chart", "--format", "svg"];
    all.extend_from_slice(arguments);
    let output = nkru()
        .args(&all)
        .write_stdin(dataset.to_owned())
        .output()
        .expect("nkru runs");
    assert!(output.status.success(), "{output:?}");
    String::from_utf8(output.stdout).expect("UTF-8")
}

#[test]
fn the_chart_is_an_svg_document_with_title_axes_legend_and_footnote() {
    let svg = chart(&[]);
    assert!(svg.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg"));
    let document = parse(&svg);
    let root = document.root_element();
    assert_eq!(root.tag_name().name(), "svg");
    assert_eq!(
        root.tag_name().namespace(),
        Some("http://www.w3.org/2000/svg")
    );
    assert_eq!(root.attribute("width"), Some("1280"), "a slide's width");
    let height: u32 = root
        .attribute("height")
        .expect("height")
        .parse()
        .expect("a number");
    assert!(height > 300, "{height}");
    let texts = texts(&document);
    let has = |wanted: &str| texts.iter().any(|text| text == wanted);
    assert!(
        has("North Koreans in Russia: people present at one time over time"),
        "{texts:?}"
    );
    assert!(has("People present at one time (present)"), "{texts:?}");
    // A linear figure axis from zero past the highest figure, and the years across.
    for tick in ["0", "5,000", "10,000", "1999", "2006"] {
        assert!(has(tick), "no tick {tick}: {texts:?}");
    }
    // Every group drawn in the legend, and the hollow mark of a party to the conflict.
    for legend in [
        "all North Koreans in Russia (total)",
        "Defectors and refugees (refugees)",
        "made by a party to the conflict (hollow)",
    ] {
        assert!(has(legend), "no legend {legend}: {texts:?}");
    }
    assert!(
        !has("Guest workers (workers)"),
        "the workers' figure of people present has no date"
    );
    let footnote = texts.join("\n");
    assert!(footnote.contains("Sources: Wikipedia."), "{footnote}");
    assert!(
        footnote
            .contains("North Koreans in Russia: dataset 2.0.0, figures to 2006, as of 2026-11-28"),
        "{footnote}"
    );
}

#[test]
fn each_mark_keeps_its_figure_period_maker_and_source() {
    let svg = chart(&[]);
    let document = parse(&svg);
    let titles: Vec<String> = marks(&document).into_iter().map(title).collect();
    assert_eq!(
        titles,
        [
            "estimated 100–500 people present at one time: Defectors and refugees (refugees), \
             as of 1999, in eastern regions of Russia. Made by the article (no author named). \
             Source: article.",
            "about 10,000 people present at one time: all North Koreans in Russia (total), 2006. \
             Made by Kyung Hee University (a 2006 study, as the article reports it). Source: \
             article.",
        ]
    );
}

#[test]
fn time_runs_across_and_the_figure_goes_up() {
    let svg = chart(&[]);
    let document = parse(&svg);
    let refugees = mark_titled(&document, "estimated 100–500");
    let total = mark_titled(&document, "about 10,000");
    assert!(
        number(total, "cx") > number(refugees, "x"),
        "2006 is right of 1999"
    );
    assert!(
        number(total, "cy") < number(refugees, "y"),
        "10,000 is above 500"
    );
    // The year labels run left to right.
    let x_of = |year: &str| {
        document
            .descendants()
            .find(|node| node.has_tag_name("text") && node.text().map(str::trim) == Some(year))
            .and_then(|node| node.attribute("x"))
            .unwrap_or_else(|| panic!("no year {year}"))
            .parse::<f64>()
            .expect("a number")
    };
    assert!(x_of("1999") < x_of("2006"));
}

#[test]
fn ranges_are_bars_and_single_figures_are_points() {
    let svg = chart(&[]);
    let document = parse(&svg);
    let refugees = mark_titled(&document, "estimated 100–500");
    let bar = refugees
        .children()
        .find(|child| child.has_tag_name("rect"))
        .expect("a range is a bar");
    assert_eq!(
        bar.attribute("fill"),
        Some("#DDAA33"),
        "the refugees' colour"
    );
    let total = mark_titled(&document, "about 10,000");
    let point = total
        .children()
        .find(|child| child.has_tag_name("circle"))
        .expect("a single figure is a point");
    assert_eq!(
        point.attribute("fill"),
        Some("#000000"),
        "the total's colour"
    );
}

#[test]
fn log_draws_the_figures_on_a_logarithmic_scale() {
    let linear = chart(&[]);
    let log = chart(&["--log"]);
    let (linear, log) = (parse(&linear), parse(&log));
    let (linear_texts, log_texts) = (texts(&linear), texts(&log));
    for tick in ["100", "1,000", "10,000"] {
        assert!(log_texts.iter().any(|text| text == tick), "{log_texts:?}");
    }
    assert!(
        !log_texts.iter().any(|text| text == "5,000"),
        "{log_texts:?}"
    );
    assert!(
        !linear_texts.iter().any(|text| text == "1,000"),
        "{linear_texts:?}"
    );
    // The refugees' 100–500 is a sliver at the foot of a linear scale and a tall bar on a log one.
    let height = |document| number(mark_titled(document, "estimated 100–500"), "height");
    assert!(
        height(&log) > 4.0 * height(&linear),
        "{} {}",
        height(&log),
        height(&linear)
    );
}

#[test]
fn several_kinds_are_drawn_in_panels_of_their_own() {
    let svg = chart(&["--counts", "recruited,present"]);
    let document = parse(&svg);
    let texts = texts(&document);
    let at = |wanted: &str| {
        texts
            .iter()
            .position(|text| text == wanted)
            .unwrap_or_else(|| panic!("no {wanted}: {texts:?}"))
    };
    assert!(
        at("People present at one time (present)") < at("People recruited or sent (recruited)")
    );
    assert!(
        texts
            .iter()
            .any(|text| text == "North Koreans in Russia: figures over time")
    );
    let recruits = mark_titled(&document, "about 8,000 people recruited or sent");
    let present = mark_titled(&document, "about 10,000");
    assert!(
        number(recruits, "cy") > number(present, "cy"),
        "the recruits' panel is below"
    );
}

#[test]
fn a_regional_figure_is_drawn_only_when_a_region_is_asked_for() {
    let dataset = dataset_with_coverage();
    let whole = chart_of(&dataset, &["--group", "refugees"]);
    let whole = parse(&whole);
    let titles: Vec<String> = marks(&whole).into_iter().map(title).collect();
    assert_eq!(titles.len(), 2, "{titles:?}");
    assert!(
        titles.iter().all(|title| !title.contains("as of 1999")),
        "{titles:?}"
    );
    let regional = chart_of(&dataset, &["--group", "refugees", "--region", "eastern"]);
    let regional = parse(&regional);
    let titles: Vec<String> = marks(&regional).into_iter().map(title).collect();
    assert_eq!(titles.len(), 1, "{titles:?}");
    assert!(
        titles[0].contains("in eastern regions of Russia"),
        "{titles:?}"
    );
}

#[test]
fn a_figure_by_a_party_to_the_conflict_is_hollow_and_says_so() {
    let svg = chart_of(&dataset_with_coverage(), &["--group", "refugees"]);
    let document = parse(&svg);
    let party = marks(&document)
        .into_iter()
        .find(|mark| title(*mark).contains("2003"))
        .expect("the figure of 2003");
    assert!(
        title(party).contains("a party to the conflict"),
        "{}",
        title(party)
    );
    let fills: Vec<&str> = party
        .children()
        .filter_map(|shape| shape.attribute("fill"))
        .collect();
    assert_eq!(fills, ["none", "#FFFFFF"], "an edge, then a hollow point");
    let other = marks(&document)
        .into_iter()
        .find(|mark| title(*mark).contains("2001"))
        .expect("the figure of 2001");
    assert!(!title(other).contains("party"));
    let fills: Vec<&str> = other
        .children()
        .filter_map(|shape| shape.attribute("fill"))
        .collect();
    assert_eq!(fills, ["#DDAA33"], "filled in the refugees' colour");
}

#[test]
fn the_timeline_is_an_svg_document_with_lanes_and_events_in_words() {
    let svg = stdout_of(&["--data", ARTICLE_PATH, "timeline", "--format", "svg"]);
    let words = texts(&parse(&svg));
    let has = |wanted: &str| words.iter().any(|text| text == wanted);
    assert!(
        has("North Koreans in Russia: timeline, 1945–2006"),
        "{words:?}"
    );
    for lane in [
        "every group",
        "International students",
        "Guest workers",
        "Defectors and refugees",
    ] {
        assert!(has(lane), "no lane {lane}: {words:?}");
    }
    for year in ["1960", "1980", "2000"] {
        assert!(has(year), "no year {year}: {words:?}");
    }
    let all = words.join(" ");
    assert!(
        all.contains("1995: Two private citizens are assassinated"),
        "{all}"
    );
    assert!(all.contains("[every group]"), "{all}");
    let narrowed = stdout_of(&[
        "--data",
        ARTICLE_PATH,
        "timeline",
        "--format",
        "svg",
        "--group",
        "refugees",
        "--to",
        "2000",
    ]);
    let narrowed = texts(&parse(&narrowed));
    assert!(
        narrowed
            .iter()
            .any(|text| text == "North Koreans in Russia: timeline, 1994–1996"),
        "{narrowed:?}"
    );
    assert!(
        !narrowed.iter().any(|text| text == "Guest workers"),
        "{narrowed:?}"
    );
}

#[test]
fn a_hostile_dataset_stays_text_in_well_formed_pictures() {
    let hostile = hostile_dataset_with(&format!("{MARKUP}\u{1b}]0;pwned\u{7}\u{FFFE}")).to_string();
    for command in ["chart", "timeline"] {
        let output = nkru()
            .args(["--data", "-", command, "--format", "svg"])
            .write_stdin(hostile.clone())
            .output()
            .expect("nkru runs");
        assert!(output.status.success(), "{command}");
        let svg = String::from_utf8(output.stdout).expect("UTF-8");
        let document = parse(&svg);
        let names: Vec<&str> = document
            .descendants()
            .filter(|node| node.is_element())
            .map(|node| node.tag_name().name())
            .collect();
        assert!(
            !names.contains(&"script") && !names.contains(&"img"),
            "{command}: {names:?}"
        );
        let texts = texts(&document).join("\n");
        assert!(
            texts.contains("<script>window.nkruPwned=1</script>"),
            "{command}: {texts}"
        );
        assert!(
            !texts
                .chars()
                .any(|character| character.is_control() && character != '\n')
        );
    }
}

#[test]
fn svg_draws_the_chart_and_the_timeline_only() {
    for command in ["estimates", "groups", "summary", "sources"] {
        let (code, stdout, stderr) = run(&[command, "--format", "svg"]);
        assert_eq!(code, 2, "{command}");
        assert_eq!(stdout, "");
        assert_eq!(
            stderr,
            "nkru: error: --format svg draws `chart` and `timeline` only; other commands write rows (table, tsv, csv, json, ndjson, markdown)\n"
        );
    }
    let (code, stdout, stderr) = run(&["chart", "--format", "svg", "--fields", "id"]);
    assert_eq!((code, stdout.as_str()), (2, ""));
    assert!(stderr.contains("an SVG picture has none"), "{stderr}");
    // With nothing to draw, the picture says so rather than being empty.
    let (code, stdout, _) = run(&["chart", "--format", "svg", "--min", "999999999"]);
    assert_eq!(code, 0);
    let document = parse(&stdout);
    let texts = texts(&document);
    assert!(
        texts
            .iter()
            .any(|text| text == "No figure matches the filters: nothing to draw."),
        "{texts:?}"
    );
    assert!(marks(&document).is_empty());
}
