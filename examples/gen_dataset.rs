//! Writes a synthetic dataset in nkru's format with exactly N estimates to stdout:
//! `cargo run --release --example gen_dataset -- 200000 [SEED] > big.json`. With `--wide` first,
//! the dataset has many groups, sources, events and periods for its estimates (the `WIDE` shape).

// A tool for developers: its usage and errors go to stderr as any small program's do.
#![allow(clippy::print_stderr)]

use std::io::{BufWriter, Write};
use std::process::ExitCode;

/// The seed used when none is given, so the default output is always the same.
const DEFAULT_SEED: u64 = 2006;

fn main() -> ExitCode {
    let mut arguments: Vec<String> = std::env::args().skip(1).collect();
    let wide = arguments.first().is_some_and(|first| first == "--wide");
    if wide {
        arguments.remove(0);
    }
    let (estimates, seed) = match arguments.as_slice() {
        [estimates] => (estimates.parse::<usize>(), Ok(DEFAULT_SEED)),
        [estimates, seed] => (estimates.parse::<usize>(), seed.parse::<u64>()),
        _ => {
            eprintln!("usage: gen_dataset [--wide] ESTIMATES [SEED] > dataset.json");
            return ExitCode::from(2);
        }
    };
    let (Ok(estimates), Ok(seed)) = (estimates, seed) else {
        eprintln!("gen_dataset: ESTIMATES and SEED must be whole numbers of 0 or more");
        return ExitCode::from(2);
    };
    let shape = if wide {
        nkru::dataset::synthetic::WIDE
    } else {
        nkru::dataset::synthetic::DEEP
    };
    let dataset = nkru::dataset::synthetic::shaped(estimates, seed, shape);
    let mut stdout = BufWriter::new(std::io::stdout().lock());
    let written = serde_json::to_writer_pretty(&mut stdout, &dataset)
        .map_err(std::io::Error::from)
        .and_then(|()| stdout.write_all(b"\n"))
        .and_then(|()| stdout.flush());
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("gen_dataset: cannot write the dataset: {error}");
            ExitCode::from(4)
        }
    }
}
