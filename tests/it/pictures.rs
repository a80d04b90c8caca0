//! The chart and the timeline as SVG: well-formed XML whatever the dataset holds, with the
//! figures, their qualifiers and kinds, the scale, the legend and the footnote a reader needs.

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

#[test]
fn the_chart_is_an_svg_document_with_title_scale_legend_and_footnote() {
    let svg = chart(&[]);
    assert!(svg.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg"));
    let document = parse(&svg);
    let root = document.root_element();
    assert_eq!(root.tag_name().name(), "svg");
    assert_eq!(
        root.tag_name().namespace(),
        Some("http://www.w3.org/2000/svg")
    );
    let height: u32 = root
        .attribute("height")
        .expect("height")
        .parse()
        .expect("a number");
    assert!(height > 300, "{height}");
    let texts = texts(&document);
    let has = |wanted: &str| texts.iter().any(|text| text == wanted);
    assert!(
        has("North Koreans in Russia: population figures"),
        "{texts:?}"
    );
    // The powers of ten from the lowest figure (100) to above the highest (20,000).
    for tick in ["100", "1k", "10k", "100k"] {
        assert!(has(tick), "no tick {tick}: {texts:?}");
    }
    // Every figure with its qualifiers; every group of the chart in the legend.
    for figures in [
        "about 10,000",
        "about 8,000",
        "about 15,000–20,000",
        "estimated 100–500",
    ] {
        assert!(has(figures), "no {figures}: {texts:?}");
    }
    for legend in [
        "all North Koreans in Russia (total)",
        "Guest workers (workers)",
        "Defectors and refugees (refugees)",
    ] {
        assert!(has(legend), "no legend {legend}: {texts:?}");
    }
    assert!(
        !has("International students (students)"),
        "students have no figure here"
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
fn figures_of_different_kinds_are_drawn_in_panels_of_their_own() {
    let svg = chart(&[]);
    let texts = texts(&parse(&svg));
    let at = |wanted: &str| {
        texts
            .iter()
            .position(|text| text == wanted)
            .unwrap_or_else(|| panic!("no {wanted}: {texts:?}"))
    };
    let present = at("People present at one time (present)");
    let recruited = at("People recruited or sent (recruited)");
    assert!(present < recruited);
    // The recruits of the late 1940s are in their own panel, after every count of people present.
    let recruits = at("workers late 1940s");
    assert!(recruits > recruited, "{texts:?}");
    for label in ["total 2006", "refugees 1999"] {
        let line = at(label);
        assert!(present < line && line < recruited, "{label}: {texts:?}");
    }
}

#[test]
fn ranges_are_bars_and_single_figures_are_marks() {
    let svg = chart(&[]);
    let document = parse(&svg);
    // Two single figures of the fixture (10,000 and 8,000) are diamonds; nothing else is.
    let diamonds = document
        .descendants()
        .filter(|node| node.has_tag_name("polygon"))
        .count();
    assert_eq!(diamonds, 2, "{svg}");
    // The refugees' range 100–500 is a bar in their colour, wider than a legend swatch.
    let bars: Vec<f64> = document
        .descendants()
        .filter(|node| node.has_tag_name("rect") && node.attribute("fill") == Some("#DDAA33"))
        .map(|node| {
            node.attribute("width")
                .expect("width")
                .parse()
                .expect("a number")
        })
        .collect();
    assert!(bars.iter().any(|width| *width > 20.0), "{bars:?}");
    let one_kind = chart(&["--group", "refugees"]);
    let one_kind = parse(&one_kind);
    assert_eq!(
        one_kind
            .descendants()
            .filter(|node| node.has_tag_name("polygon"))
            .count(),
        0,
        "a range alone has no mark"
    );
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
    let (code, stdout, stderr) = run(&["chart", "--format", "svg", "--min", "999999999"]);
    assert_eq!((code, stdout.as_str(), stderr.as_str()), (0, "", ""));
}
