//! The smaller findings: pictures with nothing to draw, the words of a period known by its end,
//! and messages that name what the user did.

use crate::harness::{ARTICLE_PATH, nkru, run};

#[test]
fn a_picture_with_nothing_to_draw_is_still_an_svg() {
    for arguments in [
        &["chart", "--format", "svg", "--year", "1700"][..],
        &[
            "timeline", "--format", "svg", "--from", "1700", "--to", "1701",
        ],
    ] {
        let (code, stdout, stderr) = run(arguments);
        assert_eq!((code, stderr.as_str()), (0, ""), "{arguments:?}");
        let document = roxmltree::Document::parse(&stdout).expect("well-formed XML");
        assert_eq!(document.root_element().tag_name().name(), "svg");
        assert!(stdout.contains("match"), "{stdout}");
    }
}

#[test]
fn an_event_known_as_early_as_a_year_is_not_said_to_end_then() {
    let (code, stdout, stderr) = run(&["--data", ARTICLE_PATH, "timeline", "--format", "svg"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("as early as 1994"), "{stdout}");
    assert!(!stdout.contains("until 1994"));
}

#[test]
fn export_alone_names_what_it_writes() {
    let (code, stdout, stderr) = run(&["export"]);
    assert_eq!((code, stdout.as_str()), (2, ""));
    assert_eq!(
        stderr,
        "nkru: error: `nkru export` needs a command: sqlite (see nkru export --help)\n"
    );
}

#[test]
fn a_format_from_the_environment_is_blamed_on_the_variable() {
    let output = nkru()
        .env("NKRU_FORMAT", "svg")
        .arg("groups")
        .output()
        .expect("nkru runs");
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).expect("UTF-8");
    assert!(
        stderr.starts_with("nkru: error: NKRU_FORMAT=svg"),
        "{stderr}"
    );
    assert!(stderr.contains("unset NKRU_FORMAT"), "{stderr}");
    // Given as a flag, the flag is named.
    let (_, _, stderr) = run(&["groups", "--format", "svg"]);
    assert!(stderr.starts_with("nkru: error: --format svg"), "{stderr}");
}

#[test]
fn the_manual_names_every_group() {
    let (code, page, _) = run(&["man"]);
    assert_eq!(code, 0);
    let description = page
        .lines()
        .find(|line| line.starts_with("nkru answers questions"))
        .expect("the description");
    let dataset = nkru::dataset::embedded().expect("the embedded dataset");
    assert!(dataset.groups.len() >= 4);
    for group in &dataset.groups {
        assert!(
            description.contains(&group.name.to_lowercase()),
            "{} missing from {description}",
            group.name
        );
    }
}

/// The SVG chart of the article's dataset with its estimates replaced by these (low, high) pairs.
fn chart_of(figures: &[(u64, u64)]) -> String {
    let mut dataset: serde_json::Value =
        serde_json::from_str(crate::harness::ARTICLE).expect("JSON");
    let first = dataset["estimates"][0].clone();
    dataset["estimates"] = figures
        .iter()
        .enumerate()
        .map(|(index, (low, high))| {
            let mut estimate = first.clone();
            estimate["id"] = serde_json::json!(format!("figure-{index}"));
            estimate["low"] = serde_json::json!(low);
            estimate["high"] = serde_json::json!(high);
            estimate
        })
        .collect();
    let file = tempfile::NamedTempFile::new().expect("a temporary file");
    std::fs::write(file.path(), dataset.to_string()).expect("written");
    let path = file.path().to_str().expect("UTF-8");
    let (code, stdout, stderr) = run(&["--data", path, "chart", "--format", "svg"]);
    assert_eq!(code, 0, "{stderr}");
    stdout
}

#[test]
fn a_zero_is_not_drawn_at_the_lowest_power() {
    let with_zero = chart_of(&[(0, 0), (100, 100), (1_000, 1_000)]);
    let without = chart_of(&[(100, 100), (1_000, 1_000)]);
    assert_eq!(
        with_zero.matches("<polygon").count(),
        without.matches("<polygon").count(),
        "a figure of zero has no diamond"
    );
    assert!(
        with_zero
            .lines()
            .any(|line| line == "0" || line.ends_with(" 0")),
        "its words are still shown"
    );
}

#[test]
fn figures_up_to_the_largest_are_drawn_inside_the_picture() {
    let svg = chart_of(&[(1_000_000_000_000_000_000, u64::MAX), (10, 20)]);
    let document = roxmltree::Document::parse(&svg).expect("well-formed XML");
    let width: f64 = document
        .root_element()
        .attribute("width")
        .and_then(|width| width.parse().ok())
        .expect("a width");
    let mut shown = String::new();
    for text in document
        .descendants()
        .filter(|node| node.has_tag_name("text"))
    {
        let words = text.text().unwrap_or_default().trim();
        let x: f64 = text
            .attribute("x")
            .and_then(|x| x.parse().ok())
            .unwrap_or(0.0);
        let size: f64 = text
            .attribute("font-size")
            .and_then(|size| size.parse().ok())
            .unwrap_or(0.0);
        // The picture's own estimate of a text's width: 0.6 of its size per character.
        let right = x + words.chars().count() as f64 * size * 0.6;
        assert!(right <= width, "{words:?} ends at {right}, past {width}");
        shown.push_str(words);
    }
    assert!(!shown.is_empty());
}

#[test]
fn timeline_years_and_lane_labels_keep_apart() {
    let mut dataset: serde_json::Value =
        serde_json::from_str(crate::harness::ARTICLE).expect("JSON");
    // Events from the year 1000 to 2020, and a group whose name is far longer than its lane.
    dataset["events"][0]["period"] =
        serde_json::json!({"precision": "year", "from": "1000", "to": null, "text": "1000"});
    let long_name = "Workers who came under every agreement of the decades since the war";
    dataset["groups"][1]["name"] = serde_json::json!(long_name);
    let file = tempfile::NamedTempFile::new().expect("a temporary file");
    std::fs::write(file.path(), dataset.to_string()).expect("written");
    let path = file.path().to_str().expect("UTF-8");
    let (code, svg, stderr) = run(&["--data", path, "timeline", "--format", "svg"]);
    assert_eq!(code, 0, "{stderr}");
    let document = roxmltree::Document::parse(&svg).expect("well-formed XML");
    let number = |node: roxmltree::Node<'_, '_>, name: &str| -> f64 {
        node.attribute(name)
            .and_then(|value| value.parse().ok())
            .unwrap_or(0.0)
    };
    let texts: Vec<(f64, f64, f64, String)> = document
        .descendants()
        .filter(|node| node.has_tag_name("text"))
        .map(|node| {
            (
                number(node, "x"),
                number(node, "y"),
                number(node, "font-size"),
                node.text().unwrap_or_default().trim().to_owned(),
            )
        })
        .collect();
    let mut years: Vec<(f64, f64, &str)> = texts
        .iter()
        .filter(|(_, _, _, text)| !text.is_empty() && text.chars().all(|c| c.is_ascii_digit()))
        .map(|(x, _, size, text)| (*x, *size, text.as_str()))
        .collect();
    years.sort_by(|left, right| left.0.total_cmp(&right.0));
    assert!(years.len() >= 3, "{years:?}");
    for pair in years.windows(2) {
        let (x, size, text) = pair[0];
        let half_widths = (text.len() + pair[1].2.len()) as f64 * size * 0.6 / 2.0;
        assert!(pair[1].0 - x > half_widths, "{pair:?} run together");
    }
    // Every part of the lane's label starts at the margin and ends before the lanes.
    let label: Vec<&(f64, f64, f64, String)> = texts
        .iter()
        .filter(|(x, _, _, text)| {
            *x == 16.0 && long_name.starts_with(text.split(' ').next().unwrap_or("-"))
        })
        .collect();
    assert!(!label.is_empty(), "{texts:?}");
    for (x, _, size, text) in label {
        let right = x + text.chars().count() as f64 * size * 0.6;
        assert!(right <= 16.0 + 200.0, "{text:?} ends at {right}");
    }
}

#[test]
fn a_command_of_one_fixed_form_offers_no_flag_it_refuses() {
    // Each command that writes one fixed form, with arguments it runs with, and the name its
    // refusal gives it.
    let commands: [(&[&str], &str); 8] = [
        (&["cite", "article"], "cite"),
        (&["report"], "report"),
        (&["export", "sqlite", "nkru.db"], "export"),
        (&["schema"], "schema"),
        (&["validate"], "validate"),
        (&["completions", "bash"], "completions"),
        (&["man"], "man"),
        (&["export"], "export"),
    ];
    for (arguments, name) in commands {
        let mut help = arguments.to_vec();
        help.push("--help");
        let (code, text, _) = run(&help);
        assert_eq!(code, 0, "{help:?}");
        for flag in ["--format <", "--fields <"] {
            assert!(!text.contains(flag), "{flag} in {text}");
        }
        if arguments == ["export"] {
            continue;
        }
        for flag in [&["--format", "json"][..], &["--fields", "id"]] {
            let mut refused = arguments.to_vec();
            refused.extend_from_slice(flag);
            let (code, stdout, stderr) = run(&refused);
            assert_eq!((code, stdout.as_str()), (2, ""), "{refused:?}");
            assert_eq!(
                stderr,
                format!(
                    "nkru: error: `{name}` writes one fixed form; --format and --fields do not apply to it\n"
                )
            );
        }
    }
    let (_, text, _) = run(&["cite", "--help"]);
    assert!(text.contains("--style"), "{text}");
    // A command that writes rows still offers them.
    let (_, text, _) = run(&["groups", "--help"]);
    assert!(
        text.contains("--format <") && text.contains("--fields <"),
        "{text}"
    );
}

#[test]
fn a_summary_without_a_dated_total_fits_twenty_columns() {
    let mut dataset: serde_json::Value =
        serde_json::from_str(crate::harness::ARTICLE).expect("JSON");
    dataset["estimates"]
        .as_array_mut()
        .expect("estimates")
        .retain(|estimate| !estimate["group"].is_null());
    let output = nkru()
        .args([
            "--data", "-", "summary", "--format", "table", "--width", "20",
        ])
        .write_stdin(dataset.to_string())
        .output()
        .expect("nkru runs");
    let stdout = String::from_utf8(output.stdout).expect("UTF-8");
    assert!(output.status.success());
    let words = stdout.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(words.contains("no source gives a total"), "{stdout}");
    for line in stdout.lines() {
        let columns = unicode_width::UnicodeWidthStr::width(line);
        assert!(columns <= 20, "{columns} columns: {line}");
    }
}
