//! `nkru schema`: the JSON Schema of the dataset format.

use super::{Run, Streams};
use crate::cli::Config;
use crate::dataset::schema;
use crate::error::Result;
use crate::output::machine;

/// Print the JSON Schema of the dataset format, for editors to check a file as it is written.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  nkru schema > nkru.schema.json")]
pub struct Arguments {}

impl Run for Arguments {
    const WRITES_ROWS: bool = false;
    const READS_DATA: bool = false;

    fn run(&self, _config: &Config, streams: &mut Streams<'_>) -> Result<()> {
        run(streams)
    }
}

/// Writes the schema as pretty JSON.
pub fn run(streams: &mut Streams<'_>) -> Result<()> {
    machine::write_json(streams.stdout, &schema::dataset())
}
