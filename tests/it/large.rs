//! Long lists: a user's file written as it is read (checked whole first, then one estimate at a
//! time), and the table view past its limit of rows.

use crate::harness::{ARTICLE, ARTICLE_PATH, run, stdout_of};

/// The article's dataset with `copies` more estimates, copies of its first with ids of their own.
fn with_copies(copies: usize) -> serde_json::Value {
    let mut dataset: serde_json::Value = serde_json::from_str(ARTICLE).expect("the fixture");
    let first = dataset["estimates"][0].clone();
    let list = dataset["estimates"].as_array_mut().expect("a list");
    for index in 0..copies {
        let mut estimate = first.clone();
        estimate["id"] = format!("copy-{index}").into();
        estimate["low"] = (index as u64).into();
        estimate["high"] = (index as u64 + 5).into();
        list.push(estimate);
    }
    dataset
}

/// `dataset` in a temporary file, indented deeply enough that 4,000 estimates pass the 4 MiB
/// from which a file is read in two passes.
fn written(dataset: &serde_json::Value) -> tempfile::NamedTempFile {
    use serde::Serialize;
    let file = tempfile::NamedTempFile::new().expect("a temporary file");
    let indent = [b' '; 16];
    let formatter = serde_json::ser::PrettyFormatter::with_indent(&indent);
    let mut serializer = serde_json::Serializer::with_formatter(&file, formatter);
    dataset.serialize(&mut serializer).expect("written");
    file
}

/// A file of the article's dataset and 4,000 more estimates, past 4 MiB.
fn large() -> (serde_json::Value, tempfile::NamedTempFile) {
    let dataset = with_copies(4000);
    let file = written(&dataset);
    let size = file.as_file().metadata().expect("its size").len();
    assert!(size > 4 << 20, "{size} bytes");
    (dataset, file)
}

#[test]
fn a_file_written_as_it_is_read_gives_what_the_usual_reading_gives() {
    // `--lang ru` reads the whole dataset first, as every command but this one does; the
    // file has no Russian names, so only the note on stderr tells the two apart.
    let (_, file) = large();
    let path = file.path().to_str().expect("a UTF-8 path");
    for format in ["ndjson", "json", "csv", "tsv", "markdown"] {
        for filter in [&[][..], &["--group", "workers"][..], &["--min", "2000"][..]] {
            let mut arguments = vec!["--data", path, "estimates", "--format", format];
            arguments.extend_from_slice(filter);
            let streamed = stdout_of(&arguments);
            arguments.extend_from_slice(&["--lang", "ru"]);
            let (code, whole, _) = run(&arguments);
            assert_eq!(code, 0);
            assert_eq!(streamed, whole, "{format} {filter:?}");
        }
    }
}

#[test]
fn a_broken_file_writes_nothing_and_says_what_the_usual_reading_says() {
    let (mut dataset, _) = large();
    let last = dataset["estimates"].as_array().map_or(0, Vec::len) - 1;
    dataset["estimates"][last]["source"] = "nowhere".into();
    let file = written(&dataset);
    let path = file.path().to_str().expect("a UTF-8 path");
    let (code, stdout, stderr) = run(&["--data", path, "estimates", "--format", "ndjson"]);
    let (_, _, usual) = run(&[
        "--data",
        path,
        "estimates",
        "--format",
        "ndjson",
        "--lang",
        "ru",
    ]);
    assert_eq!((code, stdout.as_str()), (3, ""));
    assert!(
        stderr.contains("source: no source has the id `nowhere`"),
        "{stderr}"
    );
    assert_eq!(stderr, usual);
}

#[test]
fn a_table_past_its_limit_of_rows_is_written_as_records() {
    let limit = 10_000;
    let file = written(&with_copies(limit));
    let path = file.path().to_str().expect("a UTF-8 path");
    let ids = |path: &str| {
        stdout_of(&[
            "--data",
            path,
            "estimates",
            "--format",
            "table",
            "--fields",
            "id",
        ])
    };
    let long = ids(path);
    assert!(
        long.starts_with("id  total-2006\n\nid  "),
        "{}",
        &long[..80]
    );
    assert!(long.ends_with(&format!("id  copy-{}\n", limit - 1)));
    let short = ids(ARTICLE_PATH);
    assert!(
        short.contains("total-2006") && !short.contains("id  total-2006"),
        "{short}"
    );
}
