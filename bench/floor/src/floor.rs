//! The floor's work: a dataset's text read into typed records whose strings borrow from it, and
//! every estimate written as one JSON object a line. Shared by the floor program and nkru's
//! benchmarks.

use std::borrow::Cow;
use std::io::Write;

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

/// Parses `text` and writes each of its estimates to `out` as one JSON object a line.
pub fn write_ndjson(text: &str, out: &mut impl Write) -> Result<(), Box<dyn std::error::Error>> {
    let dataset: Dataset<'_> = serde_json::from_str(text)?;
    for estimate in &dataset.estimates {
        serde_json::to_writer(&mut *out, estimate)?;
        out.write_all(b"\n")?;
    }
    Ok(())
}
