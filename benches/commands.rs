//! How each command's cost grows with a dataset of many groups, sources, events and periods, not
//! only many estimates: every command on synthetic datasets of the `WIDE` shape at two sizes,
//! the larger four times the smaller. A command whose cost is linear takes about four times as
//! long on the larger; one that compares every group with every estimate would take sixteen.

use std::hint::black_box;
use std::io::{self, BufWriter};
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, SamplingMode, criterion_group, criterion_main};
use nkru::Environment;
use nkru::dataset::synthetic;

/// The sizes measured, in estimates; the other lists follow from the shape.
const SIZES: [usize; 2] = [5_000, 20_000];

/// The seed of every synthetic dataset, so each run measures the same data.
const SEED: u64 = 1996;

/// The commands measured, as typed after `nkru`.
const COMMANDS: &[&[&str]] = &[
    &["groups", "--format", "json"],
    &["group", "group-1", "--format", "json"],
    &["estimates", "--format", "ndjson"],
    &[
        "estimates",
        "--region",
        "krai",
        "--source",
        "publisher 1",
        "--format",
        "tsv",
    ],
    &["summary", "--format", "json"],
    &["sources", "--format", "tsv"],
    &["timeline", "--format", "table", "--width", "100"],
    &["timeline", "--format", "csv"],
    &["chart", "--format", "table", "--width", "100"],
    &["search", "synthetic", "--format", "ndjson"],
    &["validate"],
];

fn every_command(criterion: &mut Criterion) {
    let mut group = criterion.benchmark_group("commands_on_wide_datasets");
    group.sampling_mode(SamplingMode::Flat);
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(3));
    for size in SIZES {
        let dataset = synthetic::shaped(size, SEED, synthetic::WIDE);
        let bytes = serde_json::to_vec(&dataset).expect("a dataset serializes");
        for command in COMMANDS {
            let name = command.join(" ");
            group.bench_with_input(BenchmarkId::new(name, size), command, |bencher, command| {
                bencher.iter(|| {
                    let mut stdout = BufWriter::new(io::sink());
                    let mut stderr = io::sink();
                    let arguments = std::iter::once("nkru").chain(command.iter().copied());
                    let code = nkru::execute_on_bytes(
                        arguments.map(Into::into),
                        &Environment::default(),
                        &bytes,
                        &mut stdout,
                        &mut stderr,
                    );
                    assert_eq!(black_box(code), 0);
                });
            });
        }
    }
    group.finish();
}

criterion_group!(benches, every_command);
criterion_main!(benches);
