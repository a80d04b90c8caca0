//! `nkru schema`: the JSON Schema of the dataset format.

use super::Streams;
use crate::dataset::schema;
use crate::error::Result;
use crate::output::machine;

/// Writes the schema as pretty JSON.
pub fn run(streams: &mut Streams<'_>) -> Result<()> {
    machine::write_json(streams.stdout, &schema::dataset())
}
