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
