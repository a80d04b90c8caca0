//! The views for people at a terminal: the chart, the timeline, tables fitted to a width, help
//! with examples, and the version.

use std::process::{Command, Output};

/// The nkru binary with an environment that cannot change its output, in a UTF-8 locale, on the
/// article's records, whose views stay small enough to read whole.
fn nkru() -> Command {
    let mut command = crate::harness::command();
    command.env("LANG", "C.UTF-8");
    command.env("NKRU_DATA", crate::harness::ARTICLE_PATH);
    command
}

/// Runs nkru with these arguments and returns its output, checking it succeeded.
fn run(arguments: &[&str]) -> String {
    let output = nkru().args(arguments).output().expect("nkru runs");
    assert!(output.status.success(), "{arguments:?}: {output:?}");
    String::from_utf8(output.stdout).expect("output is UTF-8")
}

/// Runs nkru with these arguments and returns the whole outcome.
fn outcome(arguments: &[&str]) -> Output {
    nkru().args(arguments).output().expect("nkru runs")
}

/// How many terminal columns a line takes (the views use no wide characters).
fn columns(line: &str) -> usize {
    line.chars().count()
}

/// Checks that no line of a view is wider than `width`.
fn assert_fits(view: &str, width: usize, what: &str) {
    for line in view.lines() {
        assert!(
            columns(line) <= width,
            "{what}: a line of {} columns at width {width}:\n{line}",
            columns(line)
        );
    }
}

#[test]
fn chart_at_80_columns() {
    let chart = run(&["chart", "--format", "table", "--width", "80"]);
    assert_fits(&chart, 80, "chart");
    insta::assert_snapshot!("chart_80", chart);
}

#[test]
fn chart_at_140_columns() {
    let chart = run(&["chart", "--format", "table", "--width", "140"]);
    assert_fits(&chart, 140, "chart");
    insta::assert_snapshot!("chart_140", chart);
}

#[test]
fn chart_in_ascii_by_flag_or_locale() {
    let flag = run(&["chart", "--format", "table", "--width", "80", "--ascii"]);
    assert!(flag.is_ascii(), "{flag}");
    insta::assert_snapshot!("chart_80_ascii", flag);
    let output = nkru()
        .env("LANG", "C")
        .args(["chart", "--format", "table", "--width", "80"])
        .output()
        .expect("nkru runs");
    assert_eq!(String::from_utf8_lossy(&output.stdout), flag);
}

/// The row and column of a mark's label in a chart: the first line of the plot (after the
/// heading) where `label` stands alone as a mark, and its column.
fn position(chart: &str, label: char) -> (usize, usize) {
    chart
        .lines()
        .enumerate()
        .skip_while(|(_, line)| !line.starts_with("People present"))
        .take_while(|(_, line)| !line.is_empty())
        .find_map(|(row, line)| {
            let plot = line.split_once(['┤', '│', '+', '|'])?.1;
            let column = plot.chars().position(|character| character == label)?;
            Some((row, column))
        })
        .unwrap_or_else(|| panic!("no mark {label}:\n{chart}"))
}

#[test]
fn chart_puts_time_across_and_the_figure_up() {
    let chart = run(&["chart", "--format", "table", "--width", "80"]);
    // The key says which mark is which: refugees of 1999 first, the total of 2006 second.
    assert!(
        chart.contains("\n1  refugees 1999: estimated 100–500"),
        "{chart}"
    );
    assert!(chart.contains("\n2  total 2006: about 10,000"), "{chart}");
    let (refugees_row, refugees_column) = position(&chart, '1');
    let (total_row, total_column) = position(&chart, '2');
    assert!(
        total_column > refugees_column,
        "a later year is to the right:\n{chart}"
    );
    assert!(
        total_row < refugees_row,
        "a larger figure is higher:\n{chart}"
    );
    // The years are written under the time axis, earliest at the left.
    let years = chart
        .lines()
        .find(|line| line.trim_start().starts_with("1999"))
        .unwrap_or_else(|| panic!("no years:\n{chart}"));
    assert!(years.find("1999") < years.find("2006"), "{years}");
}

#[test]
fn chart_draws_a_point_for_a_figure_and_a_bar_for_a_range() {
    let chart = run(&["chart", "--format", "table", "--width", "80", "--log"]);
    let lines: Vec<&str> = chart.lines().collect();
    let (row, column) = position(&chart, '1');
    let below = |offset: usize| {
        lines[row + offset]
            .split_once(['┤', '│'])
            .and_then(|(_, plot)| plot.chars().nth(column))
    };
    // The refugees' range 100–500 goes down from its label to its low figure.
    assert_eq!(below(1), Some('│'), "{chart}");
    let (row, column) = position(&chart, '2');
    let beside = |line: &str| {
        line.split_once(['┤', '│'])
            .and_then(|(_, plot)| plot.chars().nth(column))
    };
    // The total's single figure is a mark alone, with no bar under it.
    assert_ne!(beside(lines[row + 1]), Some('│'), "{chart}");
}

#[test]
fn chart_is_linear_by_default_and_logarithmic_with_log() {
    let linear = run(&["chart", "--format", "table", "--width", "80"]);
    let log = run(&["chart", "--format", "table", "--width", "80", "--log"]);
    assert!(linear.starts_with("Figures over time, for all of Russia, on a linear scale"));
    assert!(log.starts_with("Figures over time, for all of Russia, on a logarithmic scale"));
    let labels = |chart: &str| -> Vec<String> {
        chart
            .lines()
            .filter_map(|line| line.split_once('┤'))
            .map(|(label, _)| label.trim().to_owned())
            .collect()
    };
    assert_eq!(labels(&linear), ["10,000", "5,000", "0"], "{linear}");
    assert_eq!(labels(&log), ["10,000", "1,000", "100"], "{log}");
    // On a log scale the refugees' 500 is far above the bottom; on a linear one it is at it.
    let (linear_row, _) = position(&linear, '1');
    let (log_row, _) = position(&log, '1');
    assert!(log_row < linear_row, "{linear}\n{log}");
}

#[test]
fn chart_draws_figures_for_all_of_russia_unless_a_region_is_asked_for() {
    let mut dataset: serde_json::Value =
        serde_json::from_str(crate::harness::ARTICLE).expect("JSON");
    let estimates = dataset["estimates"].as_array_mut().expect("estimates");
    for estimate in estimates.iter_mut() {
        if estimate["id"] == "refugees-1999" {
            estimate["coverage"] = serde_json::Value::from("region");
        }
    }
    let mut national = estimates
        .iter()
        .find(|estimate| estimate["id"] == "refugees-1999")
        .expect("refugees-1999")
        .clone();
    national["id"] = serde_json::Value::from("refugees-2001");
    national["coverage"] = serde_json::Value::from("russia");
    national["region"] = serde_json::Value::Null;
    national["low"] = serde_json::Value::from(300);
    national["high"] = serde_json::Value::from(300);
    national["period"] =
        serde_json::json!({"precision": "year", "from": "2001", "to": null, "text": "2001"});
    estimates.push(national);
    let chart = |extra: &[&str]| {
        let mut arguments = vec![
            "--data", "-", "chart", "--format", "table", "--group", "refugees",
        ];
        arguments.extend_from_slice(extra);
        let output = crate::harness::nkru()
            .env("LANG", "C.UTF-8")
            .args(&arguments)
            .write_stdin(dataset.to_string())
            .output()
            .expect("nkru runs");
        assert!(output.status.success(), "{output:?}");
        String::from_utf8(output.stdout).expect("UTF-8")
    };
    let whole = chart(&[]);
    assert!(whole.contains("\n1  2001: estimated 300"), "{whole}");
    assert!(
        !whole.contains("1999:"),
        "a regional figure stays out:\n{whole}"
    );
    let regional = chart(&["--region", "eastern"]);
    assert!(
        regional.contains("\n1  1999: estimated 100–500 in eastern regions of Russia"),
        "{regional}"
    );
    assert!(
        regional.contains("every figure that passes the filters"),
        "{regional}"
    );
    // Asking for coverages draws every figure of them, as `trend` sets them out.
    let both = chart(&["--coverage", "russia,region"]);
    assert!(both.contains("\n1  1999: estimated 100–500"), "{both}");
    assert!(both.contains("\n2  2001: estimated 300"), "{both}");
}

#[test]
fn chart_draws_one_panel_per_kind_asked_for() {
    let chart = run(&[
        "chart",
        "--format",
        "table",
        "--width",
        "80",
        "--counts",
        "recruited,present",
    ]);
    let present = chart
        .find("People present at one time (present)")
        .expect("present");
    let recruited = chart
        .find("People recruited or sent (recruited)")
        .expect("recruited");
    assert!(
        present < recruited,
        "in the documented order of kinds:\n{chart}"
    );
    assert!(
        chart[recruited..].contains("workers late 1940s: about 8,000 in Sakhalin"),
        "{chart}"
    );
    // The panels share their years, and their time axes line up (10,000 is wider than 8,000).
    let axes: Vec<usize> = chart.lines().filter_map(|line| line.find('└')).collect();
    assert_eq!(axes.len(), 2, "{chart}");
    assert_eq!(axes[0], axes[1], "{chart}");
}

#[test]
fn chart_takes_the_filters_of_estimates() {
    let chart = run(&["chart", "--format", "table", "--group", "refugees"]);
    assert!(!chart.contains("total 2006"), "{chart}");
    // A chart of one group names it in its title, not in every line of its key.
    assert!(
        chart.starts_with("Defectors and refugees: figures over time, for all of Russia"),
        "{chart}"
    );
    assert!(chart.contains("\n1  1999: estimated 100–500"), "{chart}");
    let bare = run(&[
        "chart",
        "--format",
        "table",
        "--group",
        "refugees",
        "--no-header",
    ]);
    assert!(
        bare.contains("\n1  refugees 1999: estimated 100–500"),
        "{bare}"
    );
    let output = outcome(&["chart", "--min", "10", "--max", "5"]);
    assert_eq!(output.status.code(), Some(2));
    let output = outcome(&["chart", "--group", "nobody"]);
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn chart_in_machine_formats_writes_the_rows_of_estimates() {
    for format in ["json", "csv", "tsv", "ndjson", "markdown"] {
        assert_eq!(
            run(&["chart", "--format", format, "--from", "1990"]),
            run(&["estimates", "--format", format, "--from", "1990"]),
            "{format}"
        );
    }
    let piped = run(&["chart"]);
    assert!(piped.starts_with("id\tscope\tgroup\tlow\thigh"), "{piped}");
}

#[test]
fn chart_colours_each_group_only_when_colour_is_on() {
    let plain = run(&["chart", "--format", "table"]);
    assert!(!plain.contains('\u{1b}'));
    let coloured = run(&["chart", "--format", "table", "--color", "always"]);
    // The refugees' mark and its key in their colour; the total's in bold.
    assert!(
        coloured.contains("\u{1b}[35m1\u{1b}[0m  refugees 1999"),
        "{coloured}"
    );
    assert!(
        coloured.contains("\u{1b}[1m2\u{1b}[0m  total 2006"),
        "{coloured}"
    );
    let recruits = run(&[
        "chart",
        "--format",
        "table",
        "--color",
        "always",
        "--counts",
        "recruited",
    ]);
    assert!(
        recruits.contains("\u{1b}[33m1\u{1b}[0m  late 1940s"),
        "{recruits}"
    );
    let json = run(&["chart", "--format", "json", "--color", "always"]);
    assert!(!json.contains('\u{1b}'));
}

#[test]
fn timeline_at_80_columns() {
    let timeline = run(&["timeline", "--format", "table", "--width", "80"]);
    assert_fits(&timeline, 80, "timeline");
    insta::assert_snapshot!("timeline_80", timeline);
}

#[test]
fn timeline_at_140_columns() {
    let timeline = run(&["timeline", "--format", "table", "--width", "140"]);
    assert_fits(&timeline, 140, "timeline");
    insta::assert_snapshot!("timeline_140", timeline);
}

#[test]
fn timeline_marks_decades_and_puts_each_event_under_its_year() {
    let timeline = run(&["timeline", "--format", "table", "--width", "100"]);
    for decade in ["1940─┼", "1950─┼", "1990─┼", "2000─┼"] {
        assert!(timeline.contains(decade), "no {decade}");
    }
    let position = |text: &str| {
        timeline
            .find(text)
            .unwrap_or_else(|| panic!("no `{text}` in the timeline"))
    };
    assert!(position("1945 ├") < position("recruits about 8,000"));
    assert!(position("recruits about 8,000") < position("1953 ├"));
    assert!(position("1996 ├") < position("Choi Duk-gun"));
    assert!(position("Without a year") < position("newest wave"));
}

#[test]
fn timeline_filters_keep_the_view_and_machine_formats_keep_rows() {
    let refugees = run(&["timeline", "--format", "table", "--group", "refugees"]);
    assert!(refugees.contains("refugees documented: no span given"));
    assert!(refugees.contains("as early as 1994: South Korea's prime minister"));
    assert!(!refugees.contains("students documented"));
    let csv = run(&["timeline", "--format", "csv", "--group", "refugees"]);
    assert!(csv.starts_with(
        "id,from,to,precision,when,groups,description,attributed_to,source,section\n"
    ));
    let table = run(&["timeline", "--format", "table", "--fields", "id,from"]);
    assert!(table.contains("consul-killed-1996"), "{table}");
}

#[test]
fn timeline_in_ascii() {
    let timeline = run(&["timeline", "--format", "table", "--ascii", "--width", "80"]);
    assert!(timeline.is_ascii(), "{timeline}");
    assert!(timeline.contains("1940-+"));
}

#[test]
fn dataset_text_cannot_act_on_the_terminal() {
    let hostile = nkru::dataset::EMBEDDED
        .replace("\"late 1940s\"", "\"late \\u001b[2J1940s\"")
        .replace(
            "\"id\": \"refugees\",",
            "\"id\": \"refugees\\u001b]0;owned\\u0007\",",
        );
    let path = std::env::temp_dir().join(format!("nkru-hostile-{}.json", std::process::id()));
    std::fs::write(&path, hostile).expect("dataset written");
    let path = path.to_string_lossy().into_owned();
    for command in ["chart", "timeline"] {
        let output = outcome(&["--data", &path, command, "--format", "table"]);
        let stdout = String::from_utf8_lossy(&output.stdout);
        assert!(!stdout.contains('\u{1b}'), "{command}: {stdout}");
        assert!(!stdout.contains('\u{7}'), "{command}: {stdout}");
    }
    let _ = std::fs::remove_file(&path);
}

#[test]
fn timeline_and_chart_draw_the_extreme_years_and_figures() {
    // Years at the ends of their range once overflowed the decade marks of the timeline.
    let extreme = nkru::dataset::EMBEDDED
        .replacen(
            "\"period\": { \"from\": 2006, \"to\": 2006, \"text\": \"2006\" }",
            "\"period\": { \"from\": -2147483648, \"to\": 2147483647, \"text\": \"always\" }",
            2,
        )
        .replacen("\"low\": 100,", "\"low\": 0,", 1)
        .replacen("\"high\": 500,", "\"high\": 18446744073709551615,", 1);
    assert_ne!(extreme, nkru::dataset::EMBEDDED, "the dataset was changed");
    let path = std::env::temp_dir().join(format!("nkru-extreme-{}.json", std::process::id()));
    std::fs::write(&path, extreme).expect("dataset written");
    let path = path.to_string_lossy().into_owned();
    for command in ["chart", "timeline"] {
        let output = outcome(&[
            "--data", &path, command, "--format", "table", "--width", "80",
        ]);
        assert!(output.status.success(), "{command}: {output:?}");
        assert!(!output.stdout.is_empty(), "{command}");
    }
    let _ = std::fs::remove_file(&path);
}

#[test]
fn tables_fit_80_columns_and_keep_every_figure_whole() {
    for arguments in [
        vec!["groups"],
        vec!["group", "workers", "--all"],
        vec!["estimates"],
        vec!["summary"],
        vec!["timeline", "--fields", "from,to,groups,description,source"],
        vec!["search", "sakhalin"],
        vec!["sources"],
    ] {
        let mut all = arguments.clone();
        all.extend(["--format", "table", "--width", "80"]);
        let view = run(&all);
        assert_fits(&view, 80, &arguments.join(" "));
        // The summary's table shows the headline figures only: the others are in its other
        // fields, which it does not show.
        let json = if arguments[0] == "summary" {
            run(&["summary", "--format", "json", "--fields", "headline"])
        } else {
            run(&[arguments.as_slice(), &["--format", "json"]].concat())
        };
        for figure in ["10,000", "8,000", "20,000"] {
            if json.contains(&figure.replace(',', "")) || json.contains(figure) {
                assert!(
                    view.contains(figure),
                    "{arguments:?} cuts {figure}:\n{view}"
                );
            }
        }
        insta::assert_snapshot!(format!("table_80_{}", arguments[0]), view);
    }
}

#[test]
fn version_names_the_dataset() {
    // The build reads the figures' reach from the file; the library computes it from the model.
    let dataset = nkru::dataset::embedded().expect("the embedded dataset loads");
    let reach = nkru::query::figures_end(&dataset).expect("dated figures");
    assert_eq!(
        run(&["--version"]),
        format!(
            "nkru {} (dataset {}, figures to {reach}, as of {})\n",
            env!("CARGO_PKG_VERSION"),
            dataset.version,
            dataset.as_of
        )
    );
    assert_eq!(
        (dataset.version.as_ref(), dataset.as_of.to_string().as_str()),
        ("2.2.0", "2026-12-03")
    );
}

#[test]
fn did_you_mean_for_commands_and_flags() {
    let output = outcome(&["timelin"]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("'timeline'"), "{stderr}");
    let output = outcome(&["estimates", "--grup", "workers"]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("'--group'"), "{stderr}");
}

/// Splits an example into words the way a shell would, for the quoting the examples use.
fn words(example: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut quoted = false;
    for character in example.chars() {
        match character {
            '\'' => quoted = !quoted,
            ' ' if !quoted => {
                if !word.is_empty() {
                    words.push(std::mem::take(&mut word));
                }
            }
            _ => word.push(character),
        }
    }
    if !word.is_empty() {
        words.push(word);
    }
    words
}

#[test]
fn every_help_ends_with_examples_that_work() {
    let commands = [
        "groups",
        "group",
        "estimates",
        "chart",
        "summary",
        "timeline",
        "search",
        "sources",
        "validate",
        "completions",
        "man",
    ];
    let mut helps = vec![run(&["--help"])];
    helps.extend(commands.iter().map(|command| run(&[command, "--help"])));
    for help in helps {
        let (_, examples) = help
            .split_once("\nExamples:\n")
            .unwrap_or_else(|| panic!("no examples at the end of:\n{help}"));
        assert!(!examples.trim().is_empty());
        for example in examples.lines().filter(|line| !line.trim().is_empty()) {
            // Only the nkru part of a pipeline or redirection is run.
            let command = example.split(['|', '>']).next().unwrap_or_default();
            let words = words(command.trim());
            assert_eq!(words[0], "nkru", "{example}");
            let arguments: Vec<&str> = words[1..].iter().map(String::as_str).collect();
            let output = outcome(&arguments);
            let names_a_file = arguments.iter().any(|word| word.ends_with(".json"));
            if names_a_file {
                // The file is the reader's own; the example must still be valid usage.
                assert_ne!(output.status.code(), Some(2), "{example}: {output:?}");
            } else {
                assert!(output.status.success(), "{example}: {output:?}");
                assert!(!output.stdout.is_empty(), "{example} prints nothing");
            }
        }
    }
}
