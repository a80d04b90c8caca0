//! Reads a dataset file into typed records whose text borrows from the file, and writes every
//! estimate as one JSON object a line: the least any tool can do for `nkru estimates --format
//! ndjson`.

mod floor;

use std::io::{self, BufWriter, Write};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).ok_or("usage: floor FILE")?;
    let text = std::fs::read_to_string(path)?;
    let mut out = BufWriter::new(io::stdout().lock());
    floor::write_ndjson(&text, &mut out)?;
    out.flush()?;
    Ok(())
}
