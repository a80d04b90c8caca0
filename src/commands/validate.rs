//! `nkru validate`: every problem of a dataset, one line each; exit 3 when there is any.

use super::{Run, Streams};
use super::input::Input;
use crate::cli::Config;
use crate::dataset::Origin;
use crate::error::Result;

/// Check a dataset file (the embedded dataset without FILE) and report every problem.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  nkru validate\n  nkru validate my-data.json")]
pub struct Arguments {
    /// The dataset file to check; `-` reads stdin.
    pub file: Option<String>,
}

impl Run for Arguments {
    const WRITES_ROWS: bool = false;

    fn run(&self, config: &Config, streams: &mut Streams<'_>) -> Result<()> {
        run(config, streams, self.file.as_deref())
    }
}

/// Checks the dataset in `file` (`-` for stdin), or the configured one, and says what it holds.
pub fn run(config: &Config, streams: &mut Streams<'_>, file: Option<&str>) -> Result<()> {
    let origin = file.map_or_else(|| config.origin.clone(), Origin::from_argument);
    let input = Input::read_from(origin.clone(), config, streams)?;
    let dataset = input.dataset(streams)?;
    writeln!(
        streams.stdout,
        "{origin}: valid: {}, {}, {}, {}, {} related",
        counted(dataset.groups.len(), "group"),
        counted(dataset.estimates.len(), "estimate"),
        counted(dataset.events.len(), "event"),
        counted(dataset.sources.len(), "source"),
        dataset.related.len()
    )?;
    Ok(())
}

/// A count with its noun, singular for one: `1 group`, `3 groups`.
fn counted(count: usize, noun: &str) -> String {
    if count == 1 {
        format!("{count} {noun}")
    } else {
        format!("{count} {noun}s")
    }
}
