//! Runs one parsed command: loads the dataset, asks the query, and writes the answer.

use std::io::Write;

use crate::cli::{Cli, Command, EstimateFilterArgs};
use crate::completion;
use crate::data::{self, Origin, Parsed};
use crate::error::{Error, Result};
use crate::export;
use crate::manual;
use crate::model::Dataset;
use crate::query::{self, EstimateFilter};
use crate::record::{self, Columns, Row};
use crate::render;
use crate::settings::{Output, Settings};

/// Where a command writes: the output and the channel for warnings and notes.
pub struct Streams<'a> {
    /// Standard output, buffered.
    pub stdout: &'a mut dyn Write,
    /// Standard error, for warnings and notes to people.
    pub stderr: &'a mut dyn Write,
}

/// Runs a command to the end. Everything that can fail is checked before the first byte is
/// written, so an error leaves stdout empty.
pub fn run(cli: &Cli, settings: &Settings, streams: &mut Streams<'_>) -> Result<()> {
    match &cli.command {
        Command::Validate { file } => return validate(file.as_deref(), settings, streams),
        Command::Completions { shell } => {
            return completion::write(streams.stdout, *shell, &data::embedded()?);
        }
        Command::Man => return manual::write(streams.stdout),
        Command::Schema => return crate::schema::write(streams.stdout),
        _ => {}
    }
    let parsed = load(&settings.origin, settings, streams)?;
    let dataset = &parsed.dataset;
    match &cli.command {
        Command::Groups => {
            let rows: Vec<Row<'_>> = dataset
                .groups
                .iter()
                .map(|group| record::group_row(dataset, group))
                .collect();
            list(settings, streams, record::GROUPS, rows, "groups")
        }
        Command::Group { name } => group(settings, streams, dataset, name),
        Command::Estimates {
            filter,
            sort,
            reverse,
        } => {
            let filter = EstimateFilter::new(dataset, filter)?;
            let mut estimates = filter.apply(dataset);
            if sort.is_some() {
                let mut rows: Vec<Row<'_>> =
                    estimates.into_iter().map(record::estimate_row).collect();
                sort_rows(&mut rows, sort.as_deref(), *reverse);
                return list(settings, streams, record::ESTIMATES, rows, "estimates");
            }
            if *reverse {
                estimates.reverse();
            }
            let rows = estimates.into_iter().map(record::estimate_row);
            list(settings, streams, record::ESTIMATES, rows, "estimates")
        }
        Command::Chart { filter } => chart(settings, streams, dataset, filter),
        Command::Summary { groups } => summary(settings, streams, dataset, groups),
        Command::Timeline { groups, from, to } => {
            query::check_bounds(*from, *to, "--from", "--to")?;
            let groups = query::resolve_groups(dataset, groups)?;
            let events = query::timeline(dataset, &groups, *from, *to);
            if settings.output == Output::Table && settings.fields.is_none() {
                return timeline_view(settings, streams, dataset, &events, &groups, (*from, *to));
            }
            let rows = events.into_iter().map(record::event_row);
            list(settings, streams, record::EVENTS, rows, "events")
        }
        Command::Search { text } => {
            let hits = query::search(dataset, text)?;
            let rows: Vec<Row<'_>> = hits.iter().map(record::hit_row).collect();
            list(settings, streams, record::SEARCH, rows, "matches")
        }
        Command::Sources => {
            let rows: Vec<Row<'_>> = query::citations(dataset)
                .iter()
                .map(record::source_row)
                .collect();
            list(settings, streams, record::SOURCES, rows, "sources")
        }
        Command::Validate { .. } | Command::Schema | Command::Completions { .. } | Command::Man => {
            Ok(())
        }
    }
}

/// `nkru chart`: the estimates drawn for people; in the machine formats, the rows of `estimates`.
fn chart(
    settings: &Settings,
    streams: &mut Streams<'_>,
    dataset: &Dataset,
    filter: &EstimateFilterArgs,
) -> Result<()> {
    let estimates = EstimateFilter::new(dataset, filter)?.apply(dataset);
    if settings.output == Output::Table && settings.fields.is_none() {
        render::chart::chart(streams.stdout, settings, dataset, &estimates)?;
        if estimates.is_empty() && settings.notes {
            writeln!(streams.stderr, "nkru: no estimates match")?;
        }
        return Ok(());
    }
    let rows = estimates.into_iter().map(record::estimate_row);
    list(settings, streams, record::ESTIMATES, rows, "estimates")
}

/// `nkru timeline` for people: the events and the periods of the groups (all when none is named)
/// on a year axis.
fn timeline_view(
    settings: &Settings,
    streams: &mut Streams<'_>,
    dataset: &Dataset,
    events: &[&crate::model::Event],
    groups: &[String],
    bounds: (Option<i32>, Option<i32>),
) -> Result<()> {
    let shown: Vec<(usize, &crate::model::Group)> = dataset
        .groups
        .iter()
        .enumerate()
        .filter(|(_, group)| groups.is_empty() || groups.contains(&group.id))
        .collect();
    let periods = shown.iter().any(|(_, group)| {
        group
            .periods
            .iter()
            .any(|period| period.overlaps(bounds.0, bounds.1))
    });
    if events.is_empty() && !periods {
        if settings.notes {
            writeln!(streams.stderr, "nkru: no events match")?;
        }
        return Ok(());
    }
    render::timeline::timeline(streams.stdout, settings, dataset, events, &shown, bounds)
}

/// Reads and parses a dataset once, warns about its unknown fields, and checks its invariants;
/// `validate` and every other command report a broken file with the same messages.
fn load(origin: &Origin, settings: &Settings, streams: &mut Streams<'_>) -> Result<Parsed> {
    let text = data::read(origin, settings.size_limit)?;
    let parsed = data::parse(&text, origin)?;
    warn_unknown_fields(&parsed, origin, streams)?;
    data::checked(origin, parsed)
}

/// Warns on stderr about each field of a user's file that nkru does not know.
fn warn_unknown_fields(parsed: &Parsed, origin: &Origin, streams: &mut Streams<'_>) -> Result<()> {
    for field in &parsed.unknown_fields {
        writeln!(
            streams.stderr,
            "nkru: warning: {origin}: unknown field `{}` ignored",
            crate::text::quote(&field.path)
        )?;
    }
    Ok(())
}

/// Sorts rows by one field, nulls last, keeping the dataset's order among equals.
fn sort_rows(rows: &mut [Row<'_>], field: Option<&str>, reverse: bool) {
    if let Some(index) = field.and_then(|field| {
        record::ESTIMATE_FIELDS
            .iter()
            .position(|name| *name == field)
    }) {
        rows.sort_by(|left, right| {
            let ordering = left[index].compare(&right[index]);
            let nulls_involved = matches!(left[index], record::Value::Null)
                || matches!(right[index], record::Value::Null);
            if reverse && !nulls_involved {
                ordering.reverse()
            } else {
                ordering
            }
        });
    } else if reverse {
        rows.reverse();
    }
}

/// Writes the rows of a list command in the chosen format. The line-by-line formats write each
/// row as it is made, so a large list is never held whole; a table and a JSON array need them all.
fn list<'a>(
    settings: &Settings,
    streams: &mut Streams<'_>,
    fields: record::Fields,
    rows: impl IntoIterator<Item = Row<'a>>,
    noun: &str,
) -> Result<()> {
    let columns = columns(settings, fields)?;
    check_header_choice(settings)?;
    let mut rows = rows.into_iter().peekable();
    let empty = rows.peek().is_none();
    let writer = &mut *streams.stdout;
    match settings.output {
        Output::Tsv => export::tsv(writer, &columns, rows, settings.header)?,
        Output::Csv => export::csv(writer, &columns, rows, settings.header)?,
        Output::Ndjson => export::ndjson(writer, &columns, rows)?,
        Output::Markdown => export::markdown(writer, &columns, rows)?,
        Output::Table | Output::Json => {
            let rows: Vec<Row<'a>> = rows.collect();
            write_rows(settings, writer, &columns, &rows)?;
        }
    }
    if empty && settings.notes {
        writeln!(streams.stderr, "nkru: no {noun} match")?;
    }
    Ok(())
}

/// The columns to write: `--fields`, or the defaults of the output format.
fn columns(settings: &Settings, fields: record::Fields) -> Result<Columns> {
    Columns::select(
        fields,
        settings.fields.as_deref(),
        settings.output == Output::Table,
    )
}

/// Refuses `--no-header` with a format that cannot leave its header out.
fn check_header_choice(settings: &Settings) -> Result<()> {
    if !settings.header && settings.output == Output::Markdown {
        return Err(Error::Usage(String::from(
            "--no-header works with table, tsv and csv; a Markdown table needs its header",
        )));
    }
    Ok(())
}

/// Writes rows in any list format.
fn write_rows(
    settings: &Settings,
    writer: &mut dyn Write,
    columns: &Columns,
    rows: &[Row<'_>],
) -> Result<()> {
    match settings.output {
        Output::Table => render::table(writer, settings, columns, rows),
        Output::Tsv => export::tsv(writer, columns, rows, settings.header),
        Output::Csv => export::csv(writer, columns, rows, settings.header),
        Output::Json => export::json(writer, columns, rows),
        Output::Ndjson => export::ndjson(writer, columns, rows),
        Output::Markdown => export::markdown(writer, columns, rows),
    }
}

/// `nkru group`: the detail view for people, a nested object in JSON, one row elsewhere.
fn group(
    settings: &Settings,
    streams: &mut Streams<'_>,
    dataset: &Dataset,
    name: &str,
) -> Result<()> {
    let group = query::resolve_group(dataset, name)?;
    check_header_choice(settings)?;
    match settings.output {
        Output::Table if settings.fields.is_none() => {
            render::group::detail(streams.stdout, settings, dataset, group)
        }
        Output::Json | Output::Ndjson => {
            if settings.fields.is_some() {
                return Err(Error::Usage(String::from(
                    "--fields picks columns of tabular output; `group` in JSON is always the whole record",
                )));
            }
            let value = group_json(dataset, group);
            if settings.output == Output::Json {
                export::write_json(streams.stdout, &value)
            } else {
                serde_json::to_writer(&mut *streams.stdout, &value)?;
                streams.stdout.write_all(b"\n")?;
                Ok(())
            }
        }
        _ => {
            let columns = columns(settings, record::GROUP_DETAIL)?;
            let rows = vec![record::group_detail_row(dataset, group)];
            write_rows(settings, streams.stdout, &columns, &rows)
        }
    }
}

/// The JSON object of one group with its estimates, events and sources nested in it.
fn group_json(dataset: &Dataset, group: &crate::model::Group) -> serde_json::Value {
    let as_objects = |fields: &[&'static str], rows: Vec<Row<'_>>| -> serde_json::Value {
        let columns = Columns::all(fields);
        serde_json::to_value(export::Objects {
            columns: &columns,
            rows: &rows,
        })
        .unwrap_or(serde_json::Value::Null)
    };
    let (from, to) = query::documented_span(group);
    let estimates = query::estimates_of(dataset, &group.id)
        .into_iter()
        .map(record::estimate_row)
        .collect();
    let events = query::events_of(dataset, &group.id)
        .into_iter()
        .map(record::event_row)
        .collect();
    let cited = query::sources_of(dataset, group);
    let sources = query::citations(dataset)
        .into_iter()
        .filter(|citations| cited.iter().any(|source| source.id == citations.source.id))
        .map(|citations| record::source_row(&citations))
        .collect();
    serde_json::json!({
        "id": group.id,
        "name": group.name,
        "aliases": group.aliases,
        "description": group.description,
        "from": from,
        "to": to,
        "periods": group.periods,
        "facts": group.facts,
        "estimates": as_objects(record::ESTIMATE_FIELDS, estimates),
        "events": as_objects(record::EVENT_FIELDS, events),
        "sources": as_objects(record::SOURCE_FIELDS, sources),
    })
}

/// `nkru summary`: a headline and a table for people, an object in JSON, rows elsewhere.
fn summary(
    settings: &Settings,
    streams: &mut Streams<'_>,
    dataset: &Dataset,
    groups: &[String],
) -> Result<()> {
    let groups = query::resolve_groups(dataset, groups)?;
    let columns = columns(settings, record::SUMMARY)?;
    check_header_choice(settings)?;
    let lines = query::summarize(dataset, &groups);
    let rows: Vec<Row<'_>> = lines.iter().map(record::summary_row).collect();
    match settings.output {
        Output::Table => {
            if groups.is_empty() {
                render::group::headline(streams.stdout, settings, dataset)?;
                writeln!(streams.stdout)?;
            }
            render::table(streams.stdout, settings, &columns, &rows)?;
            if groups.is_empty() {
                render::group::related(streams.stdout, settings, dataset)?;
            }
            Ok(())
        }
        Output::Json => {
            let (total, group_rows) = match rows.split_first() {
                Some((first, rest)) if groups.is_empty() => (Some(first), rest),
                _ => (None, rows.as_slice()),
            };
            let object = serde_json::json!({
                "title": dataset.title,
                "overview": dataset.overview,
                "categories": dataset.categories,
                "version": dataset.version,
                "as_of": dataset.as_of,
                "total": total.map(|row| export::Object { columns: &columns, row }),
                "groups": export::Objects { columns: &columns, rows: group_rows },
                "related": dataset.related,
            });
            export::write_json(streams.stdout, &object)
        }
        _ => write_rows(settings, streams.stdout, &columns, &rows),
    }
}

/// `nkru validate`: every problem of a dataset, one line each; exit 3 when there is any.
fn validate(file: Option<&str>, settings: &Settings, streams: &mut Streams<'_>) -> Result<()> {
    let origin = match file {
        None => settings.origin.clone(),
        Some("-") => Origin::Stdin,
        Some(path) => Origin::File(path.to_owned()),
    };
    let parsed = load(&origin, settings, streams)?;
    let dataset = &parsed.dataset;
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
