//! What once broke nkru on hostile input or a hostile environment: failed writes, stderr in
//! trouble, files that lie about their length, floods of problems, empty variables and flags that
//! make no sense for a command.

use std::io::Write;
use std::process::Stdio;

use serde_json::{Value, json};

use crate::harness::{ARTICLE, ARTICLE_PATH, command, shell};

/// A temporary file holding `contents`, kept while the handle lives.
fn file(contents: &[u8]) -> tempfile::NamedTempFile {
    let mut file = tempfile::NamedTempFile::new().expect("a temporary file");
    file.write_all(contents).expect("the file is written");
    file
}

#[test]
fn completions_and_the_manual_on_a_full_disk_are_exit_4_not_a_panic() {
    for command in ["completions bash", "completions zsh", "man"] {
        let (code, stdout, stderr) = shell(&format!("\"$0\" {command} > /dev/full"), &[]);
        assert_eq!(code, 4, "{command}: {stderr}");
        assert_eq!(stdout, "");
        assert_eq!(
            stderr, "nkru: error: cannot write the output: No space left on device (os error 28)\n",
            "{command}"
        );
    }
}

#[test]
fn a_reader_that_leaves_ends_completions_quietly() {
    let mut child = command()
        .args(["completions", "fish"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("nkru starts");
    drop(child.stdout.take());
    let output = child.wait_with_output().expect("nkru ends");
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&output.stderr), "");
}

#[test]
fn nothing_that_happens_to_stderr_changes_stdout_or_the_exit_code() {
    let mut extended: Value = serde_json::from_str(ARTICLE).expect("JSON");
    extended["license"] = json!("for a newer nkru");
    let data = file(extended.to_string().as_bytes());
    let path = data.path().to_str().expect("a UTF-8 path");
    let line = format!("\"$0\" --data '{path}' groups");
    let (code, expected, warnings) = shell(&line, &[]);
    assert_eq!(code, 0);
    assert!(
        warnings.contains("unknown field `license` ignored"),
        "{warnings}"
    );
    for redirect in ["2>&-", "2>/dev/full"] {
        let (code, stdout, _) = shell(&format!("{line} {redirect}"), &[]);
        assert_eq!(
            (code, stdout.as_str()),
            (0, expected.as_str()),
            "{redirect}"
        );
    }
}

#[cfg(unix)]
#[test]
fn a_file_that_states_a_huge_length_is_refused_at_its_first_byte() {
    // A sparse file: it states 64 GiB and holds nothing but zeros, which no dataset begins with.
    let sparse = tempfile::NamedTempFile::new().expect("a temporary file");
    sparse.as_file().set_len(64 << 30).expect("a sparse file");
    let path = sparse.path().to_str().expect("a UTF-8 path");
    let (code, stdout, stderr) = shell(
        &format!("\"$0\" --max-size 100000000000 --data '{path}' groups"),
        &[],
    );
    assert_eq!((code, stdout.as_str()), (3, ""), "{stderr}");
    assert!(
        stderr.ends_with("line 1 column 1: invalid JSON: expected value\n"),
        "{stderr}"
    );
}

#[test]
fn problems_and_warnings_are_listed_up_to_a_hundred_then_counted() {
    let mut broken: Value = serde_json::from_str(ARTICLE).expect("JSON");
    broken["categories"] = json!(vec![" "; 1_000]);
    for index in 0..300 {
        broken[format!("extra-{index}")] = json!(index);
    }
    let data = file(broken.to_string().as_bytes());
    let path = data.path().to_str().expect("a UTF-8 path");
    let (code, stdout, stderr) = shell(&format!("\"$0\" validate '{path}'"), &[]);
    assert_eq!((code, stdout.as_str()), (3, ""));
    let warnings: Vec<&str> = stderr
        .lines()
        .filter(|line| line.starts_with("nkru: warning:"))
        .collect();
    assert_eq!(warnings.len(), 101, "{stderr}");
    assert!(
        warnings[100].ends_with(": and 200 more unknown fields ignored"),
        "{}",
        warnings[100]
    );
    let errors: Vec<&str> = stderr
        .lines()
        .filter(|line| line.starts_with("nkru: error:"))
        .collect();
    assert_eq!(errors.len(), 101);
    assert!(
        errors[0].ends_with("dataset: categories[0] is empty"),
        "{}",
        errors[0]
    );
    assert!(
        errors[100].ends_with(": and 900 more problems"),
        "{}",
        errors[100]
    );
}

#[test]
fn a_message_lists_ten_group_ids_then_counts_the_rest() {
    let mut many: Value = serde_json::from_str(ARTICLE).expect("JSON");
    let template = many["groups"][0].clone();
    for index in 0..40 {
        let mut group = template.clone();
        group["id"] = json!(format!("extra-{index}"));
        group["name"] = json!(format!("Extra group {index}"));
        group["aliases"] = json!([]);
        many["groups"].as_array_mut().expect("groups").push(group);
    }
    let data = file(many.to_string().as_bytes());
    let path = data.path().to_str().expect("a UTF-8 path");
    let (code, _, stderr) = shell(&format!("\"$0\" --data '{path}' group zzzz"), &[]);
    assert_eq!(code, 1);
    assert!(
        stderr.ends_with("(groups: students, workers, refugees, extra-0, extra-1, extra-2, extra-3, extra-4, extra-5, extra-6 and 33 more)\n"),
        "{stderr}"
    );
}

#[test]
fn empty_variables_count_as_unset_and_bad_ones_are_named() {
    let plain = shell("\"$0\" groups", &[]);
    let empty = shell(
        "\"$0\" groups",
        &[
            ("NKRU_FORMAT", ""),
            ("NKRU_DATA", ""),
            ("NKRU_MAX_SIZE", ""),
            ("NO_COLOR", ""),
        ],
    );
    assert_eq!(empty, plain);
    let (code, _, stderr) = shell("\"$0\" groups", &[("NKRU_MAX_SIZE", "lots")]);
    assert_eq!(code, 2);
    assert!(
        stderr.starts_with("nkru: error: NKRU_MAX_SIZE=`lots`: "),
        "{stderr}"
    );
    let (code, _, stderr) = shell("\"$0\" groups", &[("NKRU_FORMAT", "yaml")]);
    assert_eq!(code, 2);
    assert!(
        stderr.starts_with("nkru: error: NKRU_FORMAT=`yaml` is not a format"),
        "{stderr}"
    );
    // A command with no format takes no notice of the variable.
    let (code, stdout, _) = shell("\"$0\" man", &[("NKRU_FORMAT", "yaml")]);
    assert_eq!(code, 0);
    assert!(
        stdout.starts_with(".ie"),
        "{}",
        &stdout[..40.min(stdout.len())]
    );
    // NKRU_DATA names the dataset like --data, which wins over it.
    let (_, from_variable, _) = shell("\"$0\" validate", &[("NKRU_DATA", ARTICLE_PATH)]);
    assert_eq!(
        from_variable,
        format!("{ARTICLE_PATH}: valid: 3 groups, 4 estimates, 6 events, 1 source, 1 related\n")
    );
}

#[test]
fn format_and_fields_are_refused_where_a_command_has_one_fixed_form() {
    for arguments in [
        ["schema", "--format", "csv"],
        ["validate", "--format", "json"],
        ["man", "--fields", "id"],
        ["schema", "--fields", "id,name"],
    ] {
        let (code, stdout, stderr) = shell(&format!("\"$0\" {}", arguments.join(" ")), &[]);
        assert_eq!((code, stdout.as_str()), (2, ""), "{arguments:?}");
        assert!(
            stderr.ends_with("writes one fixed form; --format and --fields do not apply to it\n"),
            "{stderr}"
        );
    }
}

#[test]
fn every_view_fits_every_width_down_to_twenty_columns() {
    let views: &[&[&str]] = &[
        &["groups"],
        &["group", "workers"],
        &["group", "military"],
        &["group", "workers", "--all"],
        &["trend", "military", "--counts", "present,casualties"],
        &["estimates", "--group", "military"],
        &["summary"],
        &["timeline", "--from", "2017", "--to", "2019"],
        &["chart", "--group", "refugees"],
        &["sources"],
        &["search", "korea"],
        &["facts"],
        &["--lang", "ko", "group", "refugees"],
        &["--ascii", "chart", "--group", "refugees"],
    ];
    for view in views {
        for width in [20, 27, 33, 44, 52, 60, 80] {
            let width_text = width.to_string();
            let mut arguments = view.to_vec();
            arguments.extend(["--format", "table", "--width", &width_text]);
            let (code, stdout, stderr) = crate::harness::run(&arguments);
            assert_eq!(code, 0, "{arguments:?}: {stderr}");
            for line in stdout.lines() {
                let columns = unicode_width::UnicodeWidthStr::width(line);
                assert!(columns <= width, "{arguments:?}: {columns} columns: {line}");
            }
        }
    }
}

#[test]
fn a_chart_too_wide_for_the_width_says_so_once_and_gives_records() {
    let stdout = crate::harness::stdout_of(&[
        "chart", "--group", "refugees", "--format", "table", "--width", "30",
    ]);
    let first = stdout.lines().next().expect("a line");
    assert!(first.starts_with("The chart needs "), "{stdout}");
    assert_eq!(stdout.matches("The chart needs").count(), 1);
    assert!(stdout.contains("figures"), "{stdout}");
}
