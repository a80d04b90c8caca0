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

#[test]
fn chart_draws_a_tick_for_a_figure_and_a_bar_for_a_range() {
    let chart = run(&["chart", "--format", "table", "--width", "80"]);
    let line = |group: &str| -> String {
        chart
            .lines()
            .find(|line| line.starts_with(group))
            .unwrap_or_else(|| panic!("no line for {group}"))
            .to_owned()
    };
    let total = line("total");
    assert_eq!(total.matches('┃').count(), 1, "{total}");
    assert!(!total.contains('█'));
    assert!(total.ends_with("about 10,000"), "{total}");
    let refugees = line("refugees");
    assert!(refugees.contains("██████"), "{refugees}");
    assert!(refugees.ends_with("100–500"), "{refugees}");
    assert!(chart.contains("100 ") && chart.contains("1k") && chart.contains("10k"));
}

#[test]
fn chart_takes_the_filters_of_estimates() {
    let chart = run(&["chart", "--format", "table", "--group", "refugees"]);
    assert!(chart.lines().any(|line| line.starts_with("refugees")));
    assert!(!chart.lines().any(|line| line.starts_with("workers")));
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
    assert!(coloured.contains("\u{1b}[33mworkers"), "{coloured}");
    assert!(coloured.contains("\u{1b}[35mrefugees"), "{coloured}");
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
        (dataset.version.as_str(), dataset.as_of.to_string().as_str()),
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
