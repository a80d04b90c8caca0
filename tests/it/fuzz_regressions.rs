//! The fuzzers' seed corpus and the inputs they found, run through the same paths as the fuzz
//! targets in fuzz/, so that what once went wrong is checked on every `cargo test`.

use std::path::Path;

use nkru::Environment;
use nkru::dataset;

/// The files of one fuzz target's seed corpus.
fn seeds(target: &str) -> Vec<(String, Vec<u8>)> {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/corpus")
        .join(target);
    let mut seeds: Vec<(String, Vec<u8>)> = std::fs::read_dir(&folder)
        .expect("the seed corpus is there")
        .map(|entry| entry.expect("a readable entry").path())
        .filter(|path| {
            path.file_name()
                .and_then(|name| name.to_str())
                .is_some_and(|name| name.starts_with("seed-"))
        })
        .map(|path| {
            let bytes = std::fs::read(&path).expect("a readable seed");
            (path.display().to_string(), bytes)
        })
        .collect();
    seeds.sort();
    assert!(!seeds.is_empty(), "no seeds for {target}");
    seeds
}

#[test]
fn dataset_seeds_load_or_fail_cleanly() {
    for (_, bytes) in seeds("dataset") {
        nkru::fuzzing::check_dataset(&bytes);
    }
}

#[test]
fn group_name_seeds_resolve_or_fail_cleanly() {
    let dataset = dataset::embedded().expect("the embedded dataset loads");
    for (_, bytes) in seeds("group_name") {
        nkru::fuzzing::check_group_name(&dataset, &String::from_utf8_lossy(&bytes));
    }
}

fn run(arguments: &[&str], dataset: &[u8]) -> (u8, String, String) {
    crate::harness::run_in_memory(dataset, arguments, &Environment::default())
}

/// Found by the `command` target: a group name that starts like a flag is a name after `--`,
/// and a flag (here `-h`, help) before it.
#[test]
fn a_name_that_looks_like_a_flag() {
    let dataset = dataset::EMBEDDED.as_bytes();
    let (code, stdout, stderr) = run(&["group", "--format=ndjson", "--", "-haliase"], dataset);
    assert_eq!((code, stdout.as_str()), (1, ""));
    assert_eq!(
        stderr,
        "nkru: error: no group is called `-haliase` (groups: students, workers, refugees, military)\n"
    );
    let (code, stdout, _) = run(&["group", "-h"], dataset);
    assert_eq!(code, 0);
    assert!(
        stdout.starts_with("One group: its headline figures"),
        "{stdout}"
    );
}

/// The in-memory entry point stands in for `--data` and `validate FILE`, so a fuzzer never reads
/// a file or stdin whatever its arguments say.
#[test]
fn dataset_bytes_in_memory_replace_every_other_origin() {
    let (code, stdout, stderr) = run(&["--data", "/nonexistent", "validate", "-"], b"[]");
    assert_eq!((code, stdout.as_str()), (3, ""));
    assert_eq!(
        stderr,
        "nkru: error: <memory>: line 1 column 1: the top level must be the dataset object, not an array\n"
    );
    let (code, _, stderr) = run(
        &["groups", "--max-size", "10"],
        dataset::EMBEDDED.as_bytes(),
    );
    assert_eq!(code, 3);
    assert!(
        stderr.contains("<memory>: larger than the limit of 10 bytes"),
        "{stderr}"
    );
}
