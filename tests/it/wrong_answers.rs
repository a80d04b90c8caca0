//! The everyday questions of the README, each answered by one command on the embedded dataset:
//! the answer and who made each figure within the first 40 lines at 80 columns.

/// The view of `arguments` on a UTF-8 terminal of `width` columns.
fn at(width: &str, arguments: &[&str]) -> String {
    let output = crate::harness::nkru()
        .args(arguments)
        .args(["--format", "table", "--width", width])
        .env("LANG", "C.UTF-8")
        .output()
        .expect("nkru runs");
    assert!(output.status.success(), "{arguments:?}");
    String::from_utf8(output.stdout).expect("UTF-8")
}

/// The first 40 lines of the view at 80 columns.
fn first_screen(arguments: &[&str]) -> String {
    let view = at("80", arguments);
    view.lines().take(40).collect::<Vec<_>>().join("\n")
}

#[test]
fn all_north_koreans_now_with_the_uncertainty() {
    let screen = first_screen(&["summary"]);
    assert!(
        screen.contains("no source gives a total after 2006"),
        "{screen}"
    );
    assert!(screen.contains("Kyung Hee University"), "{screen}");
    assert!(screen.contains("nkru's sum"), "{screen}");
    assert!(screen.contains("not a source's figure"), "{screen}");
    for part in [
        "students almost 180",
        "workers estimated 15,000",
        "military more than",
    ] {
        assert!(screen.contains(part), "{part}: {screen}");
    }
}

#[test]
fn the_workers_present_at_the_end_of_2017_and_of_2018_with_their_makers() {
    let screen = first_screen(&[
        "estimates",
        "--group",
        "workers",
        "--counts",
        "present",
        "--from",
        "2017",
        "--to",
        "2018",
    ]);
    for line in [
        ("30,023", "2017-12", "Russian Federation"),
        ("11,490", "2018-12", "Russian Federation"),
    ] {
        let (figure, when, by) = line;
        assert!(
            screen
                .lines()
                .any(|row| row.contains(figure) && row.contains(when) && row.contains(by)),
            "{figure} {when} {by}:\n{screen}"
        );
    }
}

#[test]
fn the_soldiers_in_kursk_in_late_2024_with_each_partys_figure() {
    let screen = first_screen(&[
        "estimates",
        "--group",
        "military",
        "--region",
        "Kursk",
        "--year",
        "2024",
        "--counts",
        "present",
    ]);
    assert!(screen.contains("Kursk"), "{screen}");
    assert!(screen.contains("Pentagon"), "{screen}");
    // Ukraine's figures, a party to the war, are marked.
    assert!(screen.contains("HUR*"), "{screen}");
    assert!(screen.contains("Volodymyr Zelensky*"), "{screen}");
}

#[test]
fn students_now_and_since_2020() {
    let screen = first_screen(&["trend", "students", "--from", "2020"]);
    let rows: Vec<&str> = screen
        .lines()
        .filter(|line| line.starts_with("20"))
        .collect();
    assert!(
        rows.last()
            .is_some_and(|row| row.starts_with("2025") && row.contains("almost 180"))
    );
    assert!(
        rows.last().is_some_and(|row| row.contains("Olga Petrova")),
        "{screen}"
    );
    assert!(rows.iter().all(|row| row[..4] >= *"2020"), "{screen}");
}

#[test]
fn asylum_granted_by_year() {
    let screen = first_screen(&["trend", "refugees", "--counts", "granted"]);
    assert!(
        screen.contains("applications granted, all of Russia"),
        "{screen}"
    );
    assert!(screen.contains("Civic Assistance"), "{screen}");
    assert!(
        screen.lines().filter(|line| line.starts_with("20")).count() >= 2,
        "{screen}"
    );
}

#[test]
fn the_summary_and_the_group_digest_fit_their_sizes() {
    for width in ["80", "120"] {
        let summary = at(width, &["summary"]);
        assert!(summary.lines().count() <= 40, "{width}: {summary}");
        let digest = at(width, &["group", "workers"]);
        assert!(digest.lines().count() <= 100, "{width}: {digest}");
        assert!(digest.contains("Headline figures"));
        insta::assert_snapshot!(format!("summary_{width}"), summary);
        insta::assert_snapshot!(format!("group_workers_{width}"), digest);
    }
}

#[test]
fn markdown_cells_carry_no_html_and_no_link() {
    let hostile = changed(|dataset| {
        dataset["sources"][0]["title"] =
            json!("<img src=x onerror=alert(1)> & [click](javascript:alert(1))");
        dataset["sources"][0]["publisher"] = json!("<script>alert(2)</script>");
    });
    let (code, stdout, stderr) =
        run(&["--data", path(&hostile), "sources", "--format", "markdown"]);
    assert_eq!(code, 0, "{stderr}");
    for raw in ["<img", "<script"] {
        assert!(!stdout.contains(raw), "{raw} in {stdout}");
    }
    // A link needs `](` after a bracket that is not escaped.
    assert!(!stdout.replace(r"\]", "").contains("]("), "{stdout}");
    assert!(
        stdout.contains(r"&lt;img src=x onerror=alert(1)&gt; &amp; \[click\](javascript:alert(1))"),
        "{stdout}"
    );
}

#[test]
fn a_table_cell_of_one_word_longer_than_16_bits_keeps_its_column() {
    let length = 70_000;
    let word: String = "t".repeat(length);
    let long = changed(|dataset| dataset["sources"][0]["title"] = json!(word));
    for width in [None, Some("100")] {
        let mut arguments = vec!["--data", path(&long), "sources", "--fields", "id,title"];
        arguments.extend(["--format", "table"]);
        if let Some(width) = width {
            arguments.extend(["--width", width]);
        }
        let (code, stdout, stderr) = run(&arguments);
        assert_eq!(code, 0, "{width:?}: {stderr}");
        assert_eq!(
            stdout.matches('t').count() - "article title".matches('t').count(),
            length,
            "{width:?}: every letter of the word is shown"
        );
        if let Some(width) = width {
            let width: usize = width.parse().expect("a number");
            assert!(stdout.lines().all(|line| line.chars().count() <= width));
            // The column holds the word: its lines are as wide as the column, not a letter each.
            let widest = stdout
                .lines()
                .map(|line| line.matches('t').count())
                .max()
                .unwrap_or(0);
            assert!(widest > width / 2, "{widest}");
        }
    }
}
