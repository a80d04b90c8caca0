//! The dataset a command answers from, read in one place: the embedded dataset as it was built
//! (the tests check it), or the text of `--data` read within the size limit, parsed and checked,
//! with a warning for each unknown field, so every command reports a broken file with the
//! messages of `validate`. Also the putting of names into the language of `--lang`.

use std::borrow::Cow;
use std::collections::HashSet;

use super::Streams;
use crate::cli::{Config, EstimateFilterArgs};
use crate::dataset::{self, Dataset, Origin};
use crate::error::Result;
use crate::query;
use crate::text::quote;

/// A dataset's origin with the text read from it, which the dataset made of it borrows from.
/// The embedded dataset has no text to read.
pub struct Input {
    /// Where the dataset comes from.
    origin: Origin,
    /// The text of a user's dataset; none for the embedded one.
    text: Option<Cow<'static, str>>,
}

impl Input {
    /// Reads the text of the dataset of `--data` (or `NKRU_DATA`), if it is not the embedded one.
    pub fn read(config: &Config, streams: &mut Streams<'_>) -> Result<Self> {
        Input::read_from(config.origin.clone(), config, streams)
    }

    /// Reads the text of the dataset at `origin`, if it is not the embedded one.
    pub fn read_from(origin: Origin, config: &Config, streams: &mut Streams<'_>) -> Result<Self> {
        let text = match origin {
            Origin::Embedded => None,
            _ => Some(dataset::read(&origin, config.size_limit, streams.stdin)?),
        };
        Ok(Input { origin, text })
    }

    /// The text of a user's dataset; none for the embedded one.
    pub fn text(&self) -> Option<&str> {
        self.text.as_deref()
    }

    /// The dataset: the embedded one, or the text parsed and checked, with a warning on stderr
    /// for each unknown field.
    pub fn dataset(&self, streams: &mut Streams<'_>) -> Result<Dataset<'_>> {
        let Some(text) = &self.text else {
            return dataset::embedded();
        };
        let origin = &self.origin;
        let parsed = dataset::parse(text, origin)?;
        for field in &parsed.unknown_fields {
            writeln!(
                streams.stderr,
                "nkru: warning: {origin}: unknown field `{}` ignored",
                quote(&field.path)
            )?;
        }
        if parsed.unlisted_fields > 0 {
            writeln!(
                streams.stderr,
                "nkru: warning: {origin}: and {} more unknown fields ignored",
                parsed.unlisted_fields
            )?;
        }
        streams.stderr.flush()?;
        dataset::checked(origin, parsed).map(|parsed| parsed.dataset)
    }
}

/// Reads the dataset of `--data` (or the embedded one) and hands it to `answer`.
pub fn with_dataset<T>(
    config: &Config,
    streams: &mut Streams<'_>,
    answer: impl FnOnce(Dataset<'_>, &mut Streams<'_>) -> Result<T>,
) -> Result<T> {
    let input = Input::read(config, streams)?;
    let dataset = input.dataset(streams)?;
    answer(dataset, streams)
}

/// Puts the names `what` says into the language of `--lang` (only the regions of the estimates
/// in `shown`, when given), noting once on stderr the names that stay in English.
pub fn localize(
    config: &Config,
    streams: &mut Streams<'_>,
    dataset: &mut Dataset<'_>,
    what: query::Localize,
    shown: Option<&HashSet<String>>,
) -> Result<()> {
    let missing = query::localize(dataset, config.language, what, shown);
    if !missing.is_empty() {
        let quoted: Vec<String> = missing.iter().map(|name| quote(name)).collect();
        writeln!(
            streams.stderr,
            "nkru: note: no {} name in the dataset for {}; shown in English",
            config.language.words(),
            quoted.join(", ")
        )?;
    }
    Ok(())
}

/// Leaves in the dataset only the estimates that pass the filter of the command line, in the
/// dataset's order, with their regions put into the language of `--lang`.
pub fn localized_estimates(
    config: &Config,
    streams: &mut Streams<'_>,
    dataset: &mut Dataset<'_>,
    arguments: &EstimateFilterArgs,
) -> Result<()> {
    let filter = arguments.filter(dataset)?;
    let shown: HashSet<String> = filter
        .apply(dataset)
        .iter()
        .map(|estimate| estimate.id.to_string())
        .collect();
    let what = query::Localize {
        groups: false,
        regions: true,
    };
    localize(config, streams, dataset, what, Some(&shown))?;
    dataset
        .estimates
        .retain(|estimate| shown.contains(estimate.id.as_ref()));
    Ok(())
}
