//! How the cost of a query grows with the dataset: read, parse, validate, filter and write
//! `nkru --data FILE estimates --region krai --format ndjson` (`filter`) and every estimate as
//! NDJSON (`every`) on synthetic datasets of 1,000 to 1,000,000 estimates, beside the floor's work
//! on the same file in the same process (`floor`: a typed parse whose strings borrow from the
//! text, and every estimate written; the program in `bench/floor`). The time per estimate should
//! follow the floor's at every size. Then each way of writing every estimate, at 10,000, 100,000
//! and 1,000,000: the four streaming formats (read twice, checked whole and then written one
//! estimate at a time), the table view (records past 10,000 rows), the usual reading of the whole
//! dataset (`--lang ru`, which the streaming path leaves to it) and `validate`.

use std::hint::black_box;
use std::io::{self, BufWriter};
use std::time::Duration;

use criterion::{
    BenchmarkId, Criterion, SamplingMode, Throughput, criterion_group, criterion_main,
};
use nkru::Environment;

#[path = "../bench/floor/src/floor.rs"]
mod floor;

/// The sizes measured, in estimates.
const SIZES: [usize; 4] = [1_000, 10_000, 100_000, 1_000_000];

/// The seed of every synthetic dataset, so each run measures the same files.
const SEED: u64 = 2006;

fn load_filter_render(criterion: &mut Criterion) {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let mut group = criterion.benchmark_group("load_filter_render");
    // One run of the largest size takes seconds: few samples of one run each.
    group.sampling_mode(SamplingMode::Flat);
    for size in SIZES {
        let path = folder.path().join(format!("synthetic-{size}.json"));
        let text = serde_json::to_string_pretty(&nkru::dataset::synthetic::dataset(size, SEED))
            .expect("a dataset serializes");
        std::fs::write(&path, text).expect("the dataset file is written");
        let path = path.to_string_lossy().into_owned();
        let file = ["nkru", "--data", path.as_str(), "--max-size", "4000000000"];
        let filter = [
            &file[..],
            &["estimates", "--region", "krai", "--format", "ndjson"],
        ]
        .concat();
        let every = [&file[..], &["estimates", "--format", "ndjson"]].concat();
        let (samples, time) = if size >= 1_000_000 {
            (10, Duration::from_secs(40))
        } else if size >= 100_000 {
            (10, Duration::from_secs(10))
        } else {
            (30, Duration::from_secs(5))
        };
        group.sample_size(samples);
        group.measurement_time(time);
        group.throughput(Throughput::Elements(size as u64));
        for (name, arguments) in [("filter", &filter), ("every", &every)] {
            group.bench_with_input(
                BenchmarkId::new(name, size),
                arguments,
                |bencher, arguments| bencher.iter(|| run(arguments)),
            );
        }
        // The floor's work in the same process: read the file, parse it, write every estimate.
        group.bench_with_input(BenchmarkId::new("floor", size), &path, |bencher, path| {
            bencher.iter(|| {
                let text = std::fs::read_to_string(path).expect("the dataset file is read");
                let mut out = BufWriter::new(io::sink());
                floor::write_ndjson(&text, &mut out).expect("the floor writes every estimate");
                black_box(out);
            });
        });
    }
    group.finish();
}

/// Runs nkru once with these arguments, its output thrown away, and checks it succeeded.
fn run(arguments: &[&str]) {
    let mut stdout = BufWriter::new(io::sink());
    let mut stderr = io::sink();
    let code = nkru::execute(
        arguments.iter().map(Into::into),
        &Environment::default(),
        &mut stdout,
        &mut stderr,
    );
    assert_eq!(black_box(code), 0);
}

/// The sizes at which each way of writing is measured, in estimates.
const FORMAT_SIZES: [usize; 3] = [10_000, 100_000, 1_000_000];

/// The ways every estimate is written, each named by its arguments after the file's.
const PATHS: [(&str, &[&str]); 7] = [
    ("ndjson", &["estimates", "--format", "ndjson"]),
    ("json", &["estimates", "--format", "json"]),
    ("tsv", &["estimates", "--format", "tsv"]),
    ("csv", &["estimates", "--format", "csv"]),
    ("table", &["estimates", "--format", "table"]),
    (
        "whole",
        &["estimates", "--format", "ndjson", "--lang", "ru"],
    ),
    ("validate", &["validate"]),
];

/// `nkru --data FILE ARGUMENTS` for every estimate, each way of writing at each size.
fn formats(criterion: &mut Criterion) {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let mut group = criterion.benchmark_group("formats");
    group.sampling_mode(SamplingMode::Flat);
    group.sample_size(10);
    for size in FORMAT_SIZES {
        let path = folder.path().join(format!("synthetic-{size}.json"));
        let text = serde_json::to_string_pretty(&nkru::dataset::synthetic::dataset(size, SEED))
            .expect("a dataset serializes");
        std::fs::write(&path, text).expect("the dataset file is written");
        let path = path.to_string_lossy().into_owned();
        group.measurement_time(Duration::from_secs(if size >= 1_000_000 { 60 } else { 10 }));
        group.throughput(Throughput::Elements(size as u64));
        for (name, rest) in PATHS {
            let mut arguments = vec!["nkru", "--data", path.as_str(), "--max-size", "4000000000"];
            arguments.extend_from_slice(rest);
            if name == "validate" {
                arguments.push(path.as_str());
            }
            group.bench_with_input(
                BenchmarkId::new(name, size),
                &arguments,
                |bencher, arguments| bencher.iter(|| run(arguments)),
            );
        }
        std::fs::remove_file(&path).expect("the dataset file is removed");
    }
    group.finish();
}

criterion_group!(benches, load_filter_render, formats);
criterion_main!(benches);
