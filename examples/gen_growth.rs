//! Writes a synthetic dataset of one of the growth check's shapes to stdout:
//! `gen_growth SHAPE RECORDS > dataset.json`, SHAPE one of `sources` (a source for each
//! estimate), `groups` (a group for each estimate), `names` (a name for each estimate, most of
//! them beginning with "R") and `words` (texts each one word as long as the number of records).
//! Each has RECORDS estimates, and is valid.

// A tool for developers: its usage and errors go to stderr as any small program's do.
#![allow(clippy::print_stderr)]

use std::io::{BufWriter, Write};
use std::process::ExitCode;

use nkru::dataset::Name;
use nkru::dataset::synthetic::{DEEP, Shape, shaped};

/// The seed of every shape, so the same arguments always give the same file.
const SEED: u64 = 2026;

fn main() -> ExitCode {
    let arguments: Vec<String> = std::env::args().skip(1).collect();
    let (shape, records) = match arguments.as_slice() {
        [shape, records] => (shape.as_str(), records.parse::<usize>()),
        _ => return usage(),
    };
    let Ok(records) = records else {
        return usage();
    };
    let dataset = match shape {
        "sources" => shaped(
            records,
            SEED,
            Shape {
                estimates_per_source: 1,
                ..DEEP
            },
        ),
        "groups" => shaped(
            records,
            SEED,
            Shape {
                estimates_per_group: 1,
                ..DEEP
            },
        ),
        "names" => {
            let mut dataset = shaped(records, SEED, DEEP);
            let source = dataset.sources[0].id.clone();
            let groups: Vec<String> = dataset
                .groups
                .iter()
                .map(|group| group.id.to_string())
                .collect();
            dataset.names = (0..records)
                .map(|index| Name {
                    id: format!("name-{index}").into(),
                    en: format!("{}place {index}", if index % 10 == 0 { "T" } else { "R" }).into(),
                    // Every hundredth name is another name of a group, as the dataset's own are.
                    group: (index % 100 == 0)
                        .then(|| groups[index / 100 % groups.len()].clone().into()),
                    ko: Some(format!("장소 {index}").into()),
                    ru: Some(format!("Место {index}").into()),
                    aliases: vec![format!("r-place-{index}")].into(),
                    sources: vec![source.clone()].into(),
                    note: None,
                })
                .collect();
            dataset
        }
        "words" => {
            let mut dataset = shaped(records, SEED, DEEP);
            let word = |letter: char| std::iter::repeat_n(letter, records).collect::<String>();
            dataset.sources[0].title = word('t').into();
            dataset.groups[0].description = word('d').into();
            dataset.estimates[0].note = Some(word('n').into());
            dataset.events[0].description = word('e').into();
            dataset
        }
        _ => return usage(),
    };
    let mut stdout = BufWriter::new(std::io::stdout().lock());
    let written = serde_json::to_writer(&mut stdout, &dataset)
        .map_err(std::io::Error::from)
        .and_then(|()| stdout.write_all(b"\n"))
        .and_then(|()| stdout.flush());
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("gen_growth: cannot write the dataset: {error}");
            ExitCode::from(4)
        }
    }
}

fn usage() -> ExitCode {
    eprintln!("usage: gen_growth sources|groups|names|words RECORDS > dataset.json");
    ExitCode::from(2)
}
