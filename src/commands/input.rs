//! The dataset a command answers from, read in one place: the embedded dataset as it was built
//! (the tests check it), or the text of `--data` read within the size limit, parsed and checked,
//! with a warning for each unknown field, so every command reports a broken file with the
//! messages of `validate`; and the names of `--lang`, decided once for what a command shows.

use std::borrow::Cow;

use super::Streams;
use crate::cli::{Config, EstimateFilterArgs};
use crate::dataset::{self, Dataset, Estimate, Origin};
use crate::error::Result;
use crate::query::{Localize, Names};
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

/// The names of `--lang` for `what`, decided once from the dataset's names, with one note on
/// stderr naming those that stay in English: the groups' and related populations', and the
/// regions of the estimates `shown`.
pub fn names<'d, 'e>(
    config: &Config,
    streams: &mut Streams<'_>,
    dataset: &'d Dataset<'_>,
    what: Localize,
    shown: impl IntoIterator<Item = &'e Estimate<'e>>,
) -> Result<Names<'d>> {
    let names = Names::new(dataset, config.language, what);
    note_missing(config, streams, dataset, &names, shown)?;
    Ok(names)
}

/// Notes once on stderr the names `names` leaves in English: the groups' and related
/// populations', and the regions of the estimates `shown`.
pub fn note_missing<'e>(
    config: &Config,
    streams: &mut Streams<'_>,
    dataset: &Dataset<'_>,
    names: &Names<'_>,
    shown: impl IntoIterator<Item = &'e Estimate<'e>>,
) -> Result<()> {
    let missing = names.missing(dataset, shown);
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

/// The estimates that pass the filter of the command line, in the dataset's order, with the
/// names of `--lang` for their regions.
pub fn shown_estimates<'d>(
    config: &Config,
    streams: &mut Streams<'_>,
    dataset: &'d Dataset<'d>,
    arguments: &EstimateFilterArgs,
) -> Result<(Vec<&'d Estimate<'d>>, Names<'d>)> {
    let estimates = arguments.filter(dataset)?.apply(dataset);
    let what = Localize {
        groups: false,
        regions: true,
    };
    let names = names(config, streams, dataset, what, estimates.iter().copied())?;
    Ok((estimates, names))
}
