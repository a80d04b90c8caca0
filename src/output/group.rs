//! The detail view of one group and the headline of the summary.

use std::collections::HashMap;
use std::io::Write;

use super::Settings;
use super::human::{Paint, Role, bullet, wrap};
use crate::dataset::{Counts, Dataset, Date, Estimate, Event, Group, Source};
use crate::error::{Error, Result};
use crate::query::{self, GroupDetail, Names, Summary, Trend};
use crate::rows::{Row, Selection};
use crate::text::{escape_control, year_span};

/// Writes one group in full: names, periods, description, facts, figures, events and sources,
/// its names and regions as `shown` shows them.
pub fn detail(
    writer: &mut dyn Write,
    settings: &Settings,
    detail: &GroupDetail<'_>,
    shown: &Names<'_>,
) -> Result<()> {
    let paint = Paint {
        enabled: settings.color,
    };
    let width = settings.width.map(usize::from);
    names(writer, paint, width, detail.group, shown)?;
    if !detail.group.facts.is_empty() {
        writeln!(writer)?;
        writeln!(writer, "{}", paint.paint(Role::Heading, "Facts"))?;
        for fact in &detail.group.facts {
            let line = format!(
                "{} {}",
                fact.text,
                citation(&fact.source, fact.section.as_deref())
            );
            writeln!(writer, "{}", bullet(&escape_control(&line), width))?;
        }
    }
    estimates(writer, paint, width, detail, shown)?;
    events(writer, paint, width, &detail.events)?;
    sources(writer, paint, width, &detail.sources)
}

/// How many of the group's latest events the digest shows.
const DIGEST_EVENTS: usize = 6;

/// Writes the digest of a group, to read at a glance: its names and description, its headline
/// figures of each kind of count (the rules of `query::headline`), people present over time for
/// all of Russia, and its latest events; `--all` gives everything. Its names and regions are as
/// `shown` shows them.
pub fn digest(
    writer: &mut dyn Write,
    settings: &Settings,
    detail: &GroupDetail<'_>,
    shown: &Names<'_>,
) -> Result<()> {
    let paint = Paint {
        enabled: settings.color,
    };
    let width = settings.width.map(usize::from);
    names(writer, paint, width, detail.group, shown)?;
    let lines = query::summary_of(detail.group, &detail.estimates, shown);
    let counted: Vec<&Summary<'_>> = lines
        .iter()
        .filter(|line| line.headline.is_some())
        .collect();
    writeln!(writer)?;
    writeln!(writer, "{}", paint.paint(Role::Heading, "Headline figures"))?;
    if counted.is_empty() {
        writeln!(writer, "- none: no dated count of this group")?;
    } else {
        let wanted = ["counts", "headline", "when", "by"].map(String::from);
        let selection = Selection::choose(Summary::FIELDS, Some(&wanted), true)
            .map_err(|_| Error::Usage(String::from("the digest's fields are the summary's")))?
            .showing(shown);
        let rows: Vec<Row<'_>> = counted.iter().map(|line| selection.row(*line)).collect();
        super::table::table(writer, settings, &selection.columns(), &rows)?;
    }
    let present = query::headline::over_time(Counts::Present, &detail.estimates, false);
    if !present.is_empty() {
        writeln!(writer)?;
        let heading = format!("People present over time ({})", coverage_words(&present));
        writeln!(
            writer,
            "{}",
            paint.paint(Role::Heading, &wrap(&heading, width, ""))
        )?;
        let wanted = ["when", "figures", "n", "by"].map(String::from);
        let selection = Selection::choose(Trend::FIELDS, Some(&wanted), true)
            .map_err(|_| Error::Usage(String::from("the digest's fields are the trend's")))?
            .showing(shown);
        let trend: Vec<Trend<'_>> = present
            .into_iter()
            .map(|figures| Trend {
                id: &detail.group.id,
                figures,
            })
            .collect();
        let rows: Vec<Row<'_>> = trend.iter().map(|line| selection.row(line)).collect();
        super::table::table(writer, settings, &selection.columns(), &rows)?;
    }
    let start = detail.events.len().saturating_sub(DIGEST_EVENTS);
    let latest = &detail.events[start..];
    if !latest.is_empty() {
        writeln!(writer)?;
        let heading = if start > 0 { "Latest events" } else { "Events" };
        writeln!(writer, "{}", paint.paint(Role::Heading, heading))?;
        for event in latest {
            let line = format!("{}: {}", event.period.text, event.description);
            writeln!(writer, "{}", bullet(&escape_control(&line), width))?;
        }
    }
    writeln!(writer)?;
    let id = escape_control(&detail.group.id);
    let marked = if detail
        .estimates
        .iter()
        .any(|estimate| estimate.party_to_conflict)
    {
        "* by a party to the conflict. "
    } else {
        ""
    };
    let more = format!(
        "{marked}Every figure ({}), event ({}) and source ({}): nkru group {id} --all. Over \
         time: nkru trend {id} --counts KIND. Plans and possible totals: nkru summary --group \
         {id} --long.",
        detail.estimates.len(),
        detail.events.len(),
        detail.sources.len()
    );
    writeln!(writer, "{}", wrap(&more, width, ""))?;
    Ok(())
}

/// What part of Russia figures over time count: all of it, or the places of the widest figures
/// when nothing wider exists.
fn coverage_words(figures: &[query::headline::Figures<'_>]) -> String {
    match figures.first().and_then(query::headline::Figures::coverage) {
        Some(crate::dataset::Coverage::Russia) => String::from("all of Russia"),
        Some(coverage) => format!("only {} figures exist", coverage.words()),
        None => String::from("coverage not known"),
    }
}

/// A reference to a source, with the section when there is one: `[article, Introduction]`.
fn citation(source: &str, section: Option<&str>) -> String {
    match section {
        Some(section) => format!("[{source}, {section}]"),
        None => format!("[{source}]"),
    }
}

/// The group's name, other names, periods and description, names as `shown` shows them.
fn names(
    writer: &mut dyn Write,
    paint: Paint,
    width: Option<usize>,
    group: &Group,
    shown: &Names<'_>,
) -> Result<()> {
    let name = escape_control(shown.group(group));
    let id = escape_control(&group.id);
    let title = wrap(&format!("{name} ({id})"), width, "");
    writeln!(writer, "{}", paint.paint(Role::Heading, &title))?;
    let aliases: Vec<_> = shown
        .aliases(group)
        .into_iter()
        .map(escape_control)
        .collect();
    if !aliases.is_empty() {
        let line = format!("Also called: {}", aliases.join(", "));
        writeln!(writer, "{}", wrap(&line, width, ""))?;
    }
    for period in &group.periods {
        let line = format!("Documented: {}", escape_control(&period.text));
        writeln!(writer, "{}", wrap(&line, width, ""))?;
    }
    let (from, to) = query::documented_span(group);
    if from.is_some() || to.is_some() {
        // A span with no end runs on, or has a period whose end no source gives.
        let span = match (from, to) {
            (Some(from), None) => format!("from {from}, with no known end"),
            _ => year_span(from, to),
        };
        writeln!(writer, "{}", wrap(&format!("Span: {span}"), width, ""))?;
    }
    writeln!(writer)?;
    let description = escape_control(&group.description);
    writeln!(writer, "{}", wrap(&description, width, ""))?;
    Ok(())
}

/// The group's figures, one list for each kind of count, each figure with its period, region,
/// author and source; dated figures oldest first, undated ones last.
fn estimates(
    writer: &mut dyn Write,
    paint: Paint,
    width: Option<usize>,
    detail: &GroupDetail<'_>,
    shown: &Names<'_>,
) -> Result<()> {
    if detail.estimates.is_empty() {
        writeln!(writer)?;
        writeln!(writer, "{}", paint.paint(Role::Heading, "Figures"))?;
        writeln!(writer, "- none: no source gives a figure for this group")?;
        return Ok(());
    }
    let by_id: HashMap<&str, &Source> = detail
        .sources
        .iter()
        .map(|source| (source.id.as_ref(), *source))
        .collect();
    for kind in Counts::ALL {
        let mut of_kind: Vec<&Estimate> = detail
            .estimates
            .iter()
            .copied()
            .filter(|estimate| estimate.counts == kind)
            .collect();
        if of_kind.is_empty() {
            continue;
        }
        of_kind.sort_by_key(|estimate| {
            let anchor = estimate.period.anchor();
            (anchor.is_none(), anchor.map(Date::key))
        });
        writeln!(writer)?;
        let heading = format!("Figures: {} ({})", kind.meaning(), kind.name());
        let heading = wrap(&heading, width, "");
        writeln!(writer, "{}", paint.paint(Role::Heading, &heading))?;
        for estimate in of_kind {
            figure_line(writer, paint, width, estimate, &by_id, shown)?;
        }
    }
    Ok(())
}

/// One figure: `about 11,000, November 2024, Kursk region: by …; Publisher, date [id]`.
fn figure_line(
    writer: &mut dyn Write,
    paint: Paint,
    width: Option<usize>,
    estimate: &Estimate,
    sources: &HashMap<&str, &Source>,
    shown: &Names<'_>,
) -> Result<()> {
    let figures = estimate.figures();
    let mut line = format!("{figures}, {}", estimate.period.text);
    if let Some(region) = &estimate.region {
        line.push_str(&format!(", {}", shown.region(region)));
    }
    line.push_str(&format!(": by {}", estimate.attributed_to));
    if estimate.party_to_conflict {
        line.push_str(" (a party to the conflict)");
    }
    let source = sources.get(estimate.source.as_ref());
    match source {
        Some(source) => line.push_str(&format!("; {}", published(source))),
        None => line.push_str(&format!("; {}", estimate.source)),
    }
    line.push_str(&format!(" [{}]", estimate.id));
    let wrapped = bullet(&escape_control(&line), width);
    let figures = escape_control(&figures).into_owned();
    writeln!(
        writer,
        "{}",
        wrapped.replacen(&figures, &paint.paint(Role::Figure, &figures), 1)
    )?;
    Ok(())
}

/// Who published a source and when: `Yonhap, 2024-11-13`.
fn published(source: &Source) -> String {
    match source.date {
        Some(date) => format!("{}, {date}", source.publisher),
        None => format!("{}, undated", source.publisher),
    }
}

/// The events that concern the group, oldest first.
fn events(
    writer: &mut dyn Write,
    paint: Paint,
    width: Option<usize>,
    events: &[&Event],
) -> Result<()> {
    if events.is_empty() {
        return Ok(());
    }
    writeln!(writer)?;
    writeln!(writer, "{}", paint.paint(Role::Heading, "Events"))?;
    for event in events {
        let mut line = format!("{}: {}", event.period.text, event.description);
        if let Some(author) = &event.attributed_to {
            line.push_str(&format!(" (according to {author})"));
        }
        line.push_str(&format!(" [{}]", event.source));
        writeln!(writer, "{}", bullet(&escape_control(&line), width))?;
    }
    Ok(())
}

/// The sources the group's records cite: publisher, title, date, kind and address.
fn sources(
    writer: &mut dyn Write,
    paint: Paint,
    width: Option<usize>,
    sources: &[&Source],
) -> Result<()> {
    if sources.is_empty() {
        return Ok(());
    }
    writeln!(writer)?;
    writeln!(writer, "{}", paint.paint(Role::Heading, "Sources"))?;
    for source in sources {
        let line = format!("{}: {}", source.id, describe(source));
        let wrapped = bullet(&escape_control(&line), width);
        writeln!(writer, "{}", paint.paint(Role::Note, &wrapped))?;
    }
    Ok(())
}

/// A source as a reader cites it: `Yonhap, "Title", 2024-11-13 (news report), https://… (read
/// 2026-11-28)`.
pub fn describe(source: &Source) -> String {
    let mut line = format!("{}, \"{}\", ", source.publisher, source.title);
    match source.date {
        Some(date) => line.push_str(&date.to_string()),
        None => line.push_str("undated"),
    }
    line.push_str(&format!(" ({}", source.kind.words()));
    if let Some(original) = &source.original_publisher {
        line.push_str(&format!(", first published by {original}"));
    }
    line.push(')');
    if let Some(url) = &source.url {
        line.push_str(&format!(", {url}"));
        if let Some(retrieved) = source.retrieved {
            line.push_str(&format!(" (read {retrieved})"));
        }
    }
    line
}

/// Writes the populations related to the subject, each with where it came from and its source,
/// named as `shown` shows them.
pub fn related(
    writer: &mut dyn Write,
    settings: &Settings,
    dataset: &Dataset,
    shown: &Names<'_>,
) -> Result<()> {
    if dataset.related.is_empty() {
        return Ok(());
    }
    let paint = Paint {
        enabled: settings.color,
    };
    let width = settings.width.map(usize::from);
    writeln!(writer)?;
    writeln!(
        writer,
        "{}",
        paint.paint(Role::Heading, "Related populations")
    )?;
    for related in &dataset.related {
        let line = format!(
            "{}: {} (from: {}; to: {}; when: {}) {}",
            shown.related(related),
            related.description,
            related.origin,
            related.destination,
            related.period.text,
            citation(&related.source, related.section.as_deref())
        );
        writeln!(writer, "{}", bullet(&escape_control(&line), width))?;
    }
    Ok(())
}

/// Writes the headline of the summary: the dataset's title, how far its figures run, and the
/// current picture ([`query::now`]): the latest total a source gives of all North Koreans
/// present, with who made it and where it was read, and nkru's sum of the groups' headline
/// figures when a group's is later, labelled as nkru's, with its parts.
pub fn headline(writer: &mut dyn Write, settings: &Settings, dataset: &Dataset) -> Result<()> {
    let paint = Paint {
        enabled: settings.color,
    };
    let width = settings.width.map(usize::from);
    let title = escape_control(&dataset.title);
    let reach = query::figures_end(dataset).map_or_else(
        || String::from("no dated figures"),
        |date| format!("figures to {date}"),
    );
    let line = format!(
        "{title}: dataset {}, {reach}, as of {}",
        escape_control(&dataset.version),
        dataset.as_of
    );
    // Wrapped first, then coloured, so the escape codes do not count as width.
    let mut wrapped = wrap(&line, width, "");
    if wrapped.starts_with(title.as_ref()) {
        wrapped.replace_range(..title.len(), &paint.paint(Role::Heading, &title));
    }
    writeln!(writer, "{wrapped}")?;
    for line in now_lines(dataset) {
        writeln!(writer, "{}", wrap(&escape_control(&line), width, ""))?;
    }
    Ok(())
}

/// The current picture in sentences, for the summary and the report.
pub fn now_lines(dataset: &Dataset) -> Vec<String> {
    let now = query::now(dataset);
    let mut lines = Vec::new();
    let stated = now.stated.as_ref().map(|figures| {
        let sources: Vec<String> = figures
            .estimates
            .iter()
            .map(|estimate| {
                query::source_by_id(dataset, &estimate.source)
                    .map_or_else(|| estimate.source.to_string(), published)
            })
            .collect();
        format!(
            "{} ({}, by {}) [{}]",
            figures.words(),
            figures.period(),
            crate::rows::tables::by(figures),
            sources.join("; ")
        )
    });
    match (&stated, &now.sum) {
        (Some(stated), None) => {
            lines.push(format!("All North Koreans present: {stated}."));
        }
        (Some(stated), Some(sum)) => {
            let year = now
                .stated
                .as_ref()
                .map(query::headline::Figures::period)
                .unwrap_or_default();
            lines.push(format!(
                "All North Koreans present: no source gives a total after {year}: {stated}."
            ));
            lines.push(sum_line(sum));
        }
        (None, Some(sum)) => {
            lines.push(String::from(
                "All North Koreans present: no source gives a total.",
            ));
            lines.push(sum_line(sum));
        }
        (None, None) => lines.push(String::from(
            "All North Koreans present: no source gives a total, and no group a dated count.",
        )),
    }
    lines
}

/// nkru's sum of the groups' headline figures, with its range, the years of its parts and its
/// parts, each with who made it.
fn sum_line(sum: &query::headline::Sum<'_>) -> String {
    let years = match sum.years() {
        Some((first, last)) if first == last => format!("{first}"),
        Some((first, last)) => format!("{first}–{last}"),
        None => String::from("undated"),
    };
    let parts: Vec<String> = sum
        .parts
        .iter()
        .map(|(id, figures)| format!("{id} {} ({})", figures.words(), figures.label()))
        .collect();
    format!(
        "nkru's sum of each group's latest count, not a source's figure: {} ({years}) = {}.",
        crate::text::figure_range(sum.low(), sum.high()),
        parts.join(" + ")
    )
}
