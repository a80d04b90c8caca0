//! `nkru diff`: what changed between two datasets, as rows of `kind, list, id, field, old, new`.

use super::{Run, Streams};
use crate::cli::Config;
use std::borrow::Cow;

use crate::dataset::diff::{Change, Object};
use crate::dataset::{self, Origin};
use crate::error::{Error, Result};
use crate::output;
use crate::rows;
use crate::rows::tables::CHANGES;

/// What was added, removed and changed from the dataset OLD to NEW, by list, record and field.
///
/// Records are matched by id and compared field by field as JSON, so datasets of any format
/// compare (format 1's renamed fields show as removed and added). A record added or removed
/// whole is one row with no field.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  nkru diff old.json new.json\n  nkru diff --embedded old.json --format csv\n  nkru diff --embedded old.json --exit-code > /dev/null || echo changed"
)]
pub struct Arguments {
    /// The older dataset file (`-` for stdin).
    pub old: String,

    /// The newer dataset file; with --embedded, leave it out.
    #[arg(required_unless_present = "embedded", conflicts_with = "embedded")]
    pub new: Option<String>,

    /// Compare OLD with the embedded dataset.
    #[arg(long)]
    pub embedded: bool,

    /// Exit with 1 when the datasets differ, as `git diff --exit-code` does.
    #[arg(long)]
    pub exit_code: bool,
}

impl Run for Arguments {
    fn fields() -> Option<Vec<&'static str>> {
        Some(rows::names(CHANGES))
    }

    fn check(&self, _config: &Config) -> Result<()> {
        let stdin = |argument: Option<&str>| {
            argument.map(Origin::from_argument) == Some(Origin::Stdin)
        };
        if stdin(Some(&self.old)) && stdin(self.new.as_deref()) {
            return Err(Error::Usage(String::from(
                "OLD and NEW cannot both be `-`: standard input is read once; give a file for one of them",
            )));
        }
        Ok(())
    }

    fn run(&self, config: &Config, streams: &mut Streams<'_>) -> Result<()> {
        run(config, streams, &self.old, self.new.as_deref(), self.exit_code)
    }
}

/// Lists the differences from the dataset `old` to `new` (the embedded dataset when `new` is
/// none); with `exit_code`, ends with exit code 1 when there are any.
pub fn run(
    config: &Config,
    streams: &mut Streams<'_>,
    old: &str,
    new: Option<&str>,
    exit_code: bool,
) -> Result<()> {
    let old = Origin::from_argument(old);
    let new = new.map_or(Origin::Embedded, Origin::from_argument);
    // Each file is read and checked before the next is read, so the first problem is reported.
    let old_text = text(&old, config, streams)?;
    let old_json = json(&old, &old_text)?;
    let new_text = text(&new, config, streams)?;
    let new_json = json(&new, &new_text)?;
    let changes: Vec<Change> = dataset::diff::diff(&old_json, &new_json).map_err(|error| {
        Error::Dataset(format!("{old} or {new}: a value is not JSON: {error}"))
    })?;
    output::list(
        streams.stdout,
        streams.stderr,
        &config.output,
        CHANGES,
        &changes,
        "no differences",
    )?;
    if exit_code && !changes.is_empty() {
        streams.stdout.flush()?;
        return Err(Error::Differences);
    }
    Ok(())
}

/// A dataset file's text, which must begin as a JSON object.
fn text(origin: &Origin, config: &Config, streams: &mut Streams<'_>) -> Result<Cow<'static, str>> {
    let text = dataset::read(origin, config.size_limit, streams.stdin)?;
    // The reading stops at a first byte that is not `{`, so the rest of such a file is not there
    // to parse: it is no dataset whatever follows.
    if let Some(first) = text
        .trim_start_matches('\u{feff}')
        .trim_start()
        .chars()
        .next()
        .filter(|first| *first != '{')
    {
        return Err(Error::Dataset(format!(
            "{origin}: not a dataset: the top level is not a JSON object (it begins with `{}`)",
            crate::text::escape_control(&first.to_string())
        )));
    }
    Ok(text)
}

/// A dataset file read as JSON, of any format, its values kept as text borrowed from it.
fn json<'t>(origin: &Origin, text: &'t str) -> Result<Object<'t>> {
    Object::parse(text.trim_start_matches('\u{feff}'))
        .map_err(|error| Error::Dataset(format!("{origin}: not JSON: {error}")))
}
