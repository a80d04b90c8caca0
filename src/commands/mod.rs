//! The commands, one file each: from a command's arguments to its query, and from the query's
//! answer to a view. This module dispatches and holds what several commands share.

mod about;
mod chart;
mod cite;
mod completions;
mod diff;
mod estimates;
mod export;
mod facts;
mod group;
mod groups;
mod man;
mod related;
mod report;
mod schema;
mod search;
mod sources;
mod summary;
mod timeline;
mod trend;
mod validate;

use std::borrow::Cow;
use std::collections::HashSet;
use std::io::{Read, Write};

use crate::cli::{Command, Config, EstimateFilterArgs};
use crate::dataset::{self, Dataset, Origin, Parsed};
use crate::error::{Error, Result};
use crate::output;
use crate::query::{self, EstimateFilter};
use crate::rows::{Field, FieldChoiceError, Lazy, Selection};
use crate::text::quote;

/// Where a command reads and writes: standard input, the output, and the channel for warnings
/// and notes.
pub struct Streams<'a> {
    /// Standard input, read only for `--data -` and `validate -`.
    pub stdin: &'a mut dyn Read,
    /// Standard output, buffered.
    pub stdout: &'a mut dyn Write,
    /// Standard error, for warnings and notes to people.
    pub stderr: &'a mut dyn Write,
}

/// Runs a command to the end. Everything that can fail is checked before the first byte is
/// written, so an error leaves stdout empty.
pub fn run(command: &Command, config: &Config, streams: &mut Streams<'_>) -> Result<()> {
    match command {
        Command::Groups => groups::run(config, streams),
        Command::Group { name, years, all } => {
            group::run(config, streams, name, years.bounds(), *all)
        }
        Command::Estimates {
            filter,
            sort,
            reverse,
        } => estimates::run(config, streams, filter, sort.as_deref(), *reverse),
        Command::Chart { filter, log } => chart::run(config, streams, filter, *log),
        Command::Summary { groups, years } => summary::run(config, streams, groups, years.bounds()),
        Command::Trend { name, filter } => trend::run(config, streams, name, filter),
        Command::Timeline { groups, years } => {
            timeline::run(config, streams, groups, years.bounds())
        }
        Command::Search { text } => search::run(config, streams, text),
        Command::Facts { groups, source } => facts::run(config, streams, groups, source.as_deref()),
        Command::Cite { ids, all, style } => cite::run(config, streams, ids, *all, *style),
        Command::Sources { ids } => sources::run(config, streams, ids),
        Command::About => about::run(config, streams),
        Command::Related => related::run(config, streams),
        Command::Diff {
            old,
            new,
            embedded: _,
            exit_code,
        } => diff::run(config, streams, old, new.as_deref(), *exit_code),
        Command::Report { filter } => report::run(config, streams, filter),
        Command::Export { target } => export::run(config, streams, target),
        Command::Schema => schema::run(streams),
        Command::Validate { file } => validate::run(config, streams, file.as_deref()),
        Command::Completions { shell } => completions::run(streams, *shell),
        Command::Man => man::run(streams),
    }
}

/// The dataset a command answers from: the embedded one as it was built (the tests check it), or
/// a user's file read and checked by [`load_checked`], so every command reports a broken file with
/// the messages of `validate`.
fn load<'t>(text: &'t str, config: &Config, streams: &mut Streams<'_>) -> Result<Parsed<'t>> {
    if config.origin == Origin::Embedded {
        return Ok(Parsed {
            dataset: dataset::parse::plain(text, &config.origin)?,
            unknown_fields: Vec::new(),
            unlisted_fields: 0,
        });
    }
    load_checked(text, &config.origin, streams)
}

/// The text of the dataset of `--data`, within the size limit; the embedded text is borrowed.
/// The dataset [`load`] makes of it borrows its strings from it.
fn read(config: &Config, streams: &mut Streams<'_>) -> Result<Cow<'static, str>> {
    dataset::read(&config.origin, config.size_limit, streams.stdin)
}

/// The dataset as [`load`] gives it, with the names `what` says put into the language of
/// `--lang`; names it has none for stay in English, and one note on stderr says which.
fn load_localized<'t>(
    text: &'t str,
    config: &Config,
    streams: &mut Streams<'_>,
    what: query::Localize,
) -> Result<Parsed<'t>> {
    let mut parsed = load(text, config, streams)?;
    localize(
        config,
        streams,
        &mut parsed.dataset,
        what,
        None::<&HashSet<String>>,
    )?;
    Ok(parsed)
}

/// Puts the names `what` says into the language of `--lang` (only the regions of the estimates
/// in `shown`, when given), noting once on stderr the names that stay in English.
fn localize(
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

/// Reads, parses and checks a dataset, warning of each unknown field: what `validate` does to
/// any dataset, the embedded one included, and every command to a user's file.
fn load_checked<'t>(
    text: &'t str,
    origin: &Origin,
    streams: &mut Streams<'_>,
) -> Result<Parsed<'t>> {
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
    dataset::checked(origin, parsed)
}

/// The fields to write: `--fields`, or the defaults of the format.
fn choose<'f, T>(fields: &'f [Field<T>], settings: &output::Settings) -> Result<Selection<'f, T>> {
    let table = settings.format == output::Format::Table && !settings.long;
    Selection::choose(fields, settings.fields.as_deref(), table).map_err(|error| {
        let valid = || {
            let names: Vec<&str> = fields.iter().map(|field| field.name).collect();
            names.join(", ")
        };
        Error::Usage(match error {
            FieldChoiceError::Unknown(name) => format!(
                "unknown field `{}` for this command; valid fields: {}",
                quote(&name),
                valid()
            ),
            FieldChoiceError::Twice(name) => {
                format!("--fields names `{name}` twice; each field may be asked for once")
            }
            FieldChoiceError::Empty => {
                format!(
                    "--fields needs at least one field; valid fields: {}",
                    valid()
                )
            }
        })
    })
}

/// Writes the rows of a list command in the chosen format, and notes an empty list on a
/// terminal's stderr with the words `nothing`, such as `no estimates match`.
fn list<'i, T: 'i>(
    config: &Config,
    streams: &mut Streams<'_>,
    fields: &[Field<T>],
    items: impl IntoIterator<Item = &'i T>,
    nothing: &str,
) -> Result<()> {
    let selection = choose(fields, &config.output)?;
    let mut items = items.into_iter().peekable();
    let empty = items.peek().is_none();
    let columns = selection.columns();
    if config.output.format == output::Format::Table {
        let rows = items.map(|item| selection.row(item));
        output::rows(streams.stdout, &config.output, &columns, rows)?;
    } else {
        let selection = &selection;
        let records = items.map(|item| Lazy { selection, item });
        output::records(streams.stdout, &config.output, &columns, records)?;
    }
    if empty {
        note(config, streams, nothing)?;
    }
    Ok(())
}

/// Tells a person at a terminal that nothing matched, in the words `nothing`.
fn note(config: &Config, streams: &mut Streams<'_>, nothing: &str) -> Result<()> {
    if config.output.notes {
        writeln!(streams.stderr, "nkru: {nothing}")?;
    }
    Ok(())
}

/// Resolves each name to a group or related population id (or `total`, the figures of all North
/// Koreans), in order, without repeats.
fn populations(dataset: &Dataset, names: &[String]) -> Result<Vec<String>> {
    let mut ids: Vec<String> = Vec::new();
    let mut seen: HashSet<String> = HashSet::new();
    for name in names {
        let id = if crate::text::fold(name.trim()) == query::TOTAL_ID {
            query::TOTAL_ID.to_owned()
        } else {
            query::resolve_population(dataset, name)?
        };
        if seen.insert(id.clone()) {
            ids.push(id);
        }
    }
    Ok(ids)
}

/// The estimates that pass the filter of the command line, in the dataset's order, with their
/// regions put into the language of `--lang`.
fn localized_estimates<'t>(
    text: &'t str,
    config: &Config,
    streams: &mut Streams<'_>,
    arguments: &EstimateFilterArgs,
) -> Result<Parsed<'t>> {
    let mut parsed = load(text, config, streams)?;
    let filter = estimate_filter(&parsed.dataset, arguments)?;
    let shown: HashSet<String> = filter
        .apply(&parsed.dataset)
        .iter()
        .map(|estimate| estimate.id.to_string())
        .collect();
    let what = query::Localize {
        groups: false,
        regions: true,
    };
    localize(config, streams, &mut parsed.dataset, what, Some(&shown))?;
    parsed
        .dataset
        .estimates
        .retain(|estimate| shown.contains(estimate.id.as_ref()));
    Ok(parsed)
}

/// The estimate filter of the command line: group names resolved, texts folded. Its bounds
/// were checked with the rest of the configuration.
fn estimate_filter(dataset: &Dataset, arguments: &EstimateFilterArgs) -> Result<EstimateFilter> {
    let lowered = |text: &Option<String>| text.as_deref().map(crate::text::fold);
    Ok(EstimateFilter {
        groups: populations(dataset, &arguments.groups)?,
        year: arguments.year,
        from: arguments.from,
        to: arguments.to,
        region: lowered(&arguments.region),
        source: lowered(&arguments.source),
        attributed_to: lowered(&arguments.attributed_to),
        counts: arguments.counts.clone(),
        coverage: arguments.coverage.clone(),
        min: arguments.min,
        max: arguments.max,
    })
}
