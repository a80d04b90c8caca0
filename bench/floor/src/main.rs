//! Reads a dataset file into typed records whose text borrows from the file, and writes every
//! estimate as one JSON object a line: the least any tool can do for `nkru estimates --format
//! ndjson`.

use std::borrow::Cow;
use std::io::{self, BufWriter, Write};

use serde::{Deserialize, Serialize};

/// The dataset, with the estimates read field by field and every other list skipped.
#[derive(Deserialize)]
struct Dataset<'a> {
    #[serde(borrow)]
    estimates: Vec<Estimate<'a>>,
}

/// A period, as the format writes it.
#[derive(Deserialize, Serialize)]
struct Period<'a> {
    #[serde(borrow)]
    precision: Cow<'a, str>,
    #[serde(borrow)]
    from: Option<Cow<'a, str>>,
    #[serde(borrow)]
    to: Option<Cow<'a, str>>,
    #[serde(borrow)]
    text: Cow<'a, str>,
}

/// An estimate, as the format writes it.
#[derive(Deserialize, Serialize)]
struct Estimate<'a> {
    #[serde(borrow)]
    id: Cow<'a, str>,
    #[serde(borrow)]
    group: Option<Cow<'a, str>>,
    low: u64,
    high: u64,
    #[serde(borrow)]
    qualifiers: Vec<Cow<'a, str>>,
    #[serde(borrow)]
    counts: Cow<'a, str>,
    #[serde(borrow)]
    period: Period<'a>,
    #[serde(borrow)]
    region: Option<Cow<'a, str>>,
    #[serde(borrow)]
    attributed_to: Cow<'a, str>,
    party_to_conflict: bool,
    #[serde(borrow)]
    source: Cow<'a, str>,
    #[serde(borrow)]
    section: Option<Cow<'a, str>>,
    #[serde(borrow)]
    note: Option<Cow<'a, str>>,
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).ok_or("usage: floor FILE")?;
    let text = std::fs::read_to_string(path)?;
    let dataset: Dataset<'_> = serde_json::from_str(&text)?;
    let mut out = BufWriter::new(io::stdout().lock());
    for estimate in &dataset.estimates {
        serde_json::to_writer(&mut out, estimate)?;
        out.write_all(b"\n")?;
    }
    out.flush()?;
    Ok(())
}
