//! The detail view of one group and the headline of the summary.

use std::io::Write;

use crate::error::Result;
use crate::model::{Dataset, Group};
use crate::query;
use crate::render::{Paint, Role, bullet, wrap};
use crate::settings::Settings;
use crate::text::{escape_control, figure_range, year_span};

/// Writes one group in full: names, periods, description, facts, estimates, events and sources.
pub fn detail(
    writer: &mut dyn Write,
    settings: &Settings,
    dataset: &Dataset,
    group: &Group,
) -> Result<()> {
    let paint = Paint {
        enabled: settings.color,
    };
    let width = settings.width.map(usize::from);
    let name = escape_control(&group.name);
    let id = escape_control(&group.id);
    writeln!(writer, "{} ({id})", paint.paint(Role::Heading, &name))?;
    let aliases: Vec<_> = group
        .aliases
        .iter()
        .map(|alias| escape_control(alias))
        .collect();
    if !aliases.is_empty() {
        writeln!(
            writer,
            "{}",
            wrap(&format!("Also called: {}", aliases.join(", ")), width, "")
        )?;
    }
    for period in &group.periods {
        let mut line = format!("Documented: {}", escape_control(&period.text));
        if period.from.is_some() || period.to.is_some() {
            line.push_str(&format!(" ({})", year_span(period.from, period.to)));
        }
        writeln!(writer, "{}", wrap(&line, width, ""))?;
    }
    writeln!(writer)?;
    writeln!(
        writer,
        "{}",
        wrap(&escape_control(&group.description), width, "")
    )?;

    if !group.facts.is_empty() {
        writeln!(writer)?;
        writeln!(writer, "{}", paint.paint(Role::Heading, "Facts"))?;
        for fact in &group.facts {
            let citation = format!("[{}, {}]", fact.source, fact.section);
            let line = format!("{} {}", fact.text, citation);
            writeln!(writer, "{}", bullet(&escape_control(&line), width))?;
        }
    }

    writeln!(writer)?;
    writeln!(writer, "{}", paint.paint(Role::Heading, "Estimates"))?;
    let estimates = query::estimates_of(dataset, &group.id);
    if estimates.is_empty() {
        writeln!(writer, "- none: the source gives no figure for this group")?;
    }
    for estimate in estimates {
        let figures = figure_range(estimate.low, estimate.high, estimate.approximate);
        let line = format!(
            "{}: {} ({}), {}, {} [{}, {}]",
            estimate.id,
            figures,
            estimate.measure,
            estimate.period.text,
            estimate.region.as_deref().unwrap_or("region not stated"),
            estimate.source,
            estimate.section
        );
        let wrapped = bullet(&escape_control(&line), width);
        let figures = escape_control(&figures).into_owned();
        writeln!(
            writer,
            "{}",
            wrapped.replacen(&figures, &paint.paint(Role::Figure, &figures), 1)
        )?;
    }

    let events = query::events_of(dataset, &group.id);
    if !events.is_empty() {
        writeln!(writer)?;
        writeln!(writer, "{}", paint.paint(Role::Heading, "Events"))?;
        for event in events {
            let years = year_span(event.period.from, event.period.to);
            let line = format!("{years}: {} [{}]", event.description, event.source);
            writeln!(writer, "{}", bullet(&escape_control(&line), width))?;
        }
    }

    let sources = query::sources_of(dataset, group);
    if !sources.is_empty() {
        writeln!(writer)?;
        writeln!(writer, "{}", paint.paint(Role::Heading, "Sources"))?;
        for source in sources {
            let mut line = format!("{}: {} ({}", source.id, source.name, source.kind);
            if let Some(author) = &source.author {
                line.push_str(&format!(", {author}"));
            }
            if let Some(year) = source.year {
                line.push_str(&format!(", {year}"));
            }
            line.push(')');
            let wrapped = bullet(&escape_control(&line), width);
            writeln!(writer, "{}", paint.paint(Role::Note, &wrapped))?;
        }
    }
    Ok(())
}

/// Writes the populations related to the subject, each with where it came from and its source.
pub fn related(writer: &mut dyn Write, settings: &Settings, dataset: &Dataset) -> Result<()> {
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
            "{}: {} (from: {}; to: {}; when: {}) [{}, {}]",
            related.name,
            related.description,
            related.origin,
            related.destination,
            related.period.text,
            related.source,
            related.section
        );
        writeln!(writer, "{}", bullet(&escape_control(&line), width))?;
    }
    Ok(())
}

/// Writes the headline of the summary: the dataset's title and its total estimate with source.
pub fn headline(writer: &mut dyn Write, settings: &Settings, dataset: &Dataset) -> Result<()> {
    let paint = Paint {
        enabled: settings.color,
    };
    let title = escape_control(&dataset.title);
    let summaries = query::summarize(dataset, &[]);
    let total = summaries.first().and_then(|summary| summary.latest);
    let figures =
        total.map(|estimate| figure_range(estimate.low, estimate.high, estimate.approximate));
    let line = match (total, &figures) {
        (Some(estimate), Some(figures)) => {
            let source = query::source_by_id(dataset, &estimate.source)
                .map_or(estimate.source.as_str(), |source| source.name.as_str());
            format!(
                "{title}: {figures} people in total, {} [{}; {}]",
                escape_control(&estimate.period.text),
                escape_control(source),
                escape_control(&estimate.section)
            )
        }
        _ => format!("{title}: the dataset has no estimate of the total"),
    };
    // Wrapped first, then coloured, so the escape codes do not count as width.
    let mut wrapped = wrap(&line, settings.width.map(usize::from), "");
    if wrapped.starts_with(title.as_ref()) {
        wrapped.replace_range(..title.len(), &paint.paint(Role::Heading, &title));
    }
    if let Some(figures) = figures
        && let Some(start) = wrapped.find(&format!(": {figures} "))
    {
        let start = start + 2;
        wrapped.replace_range(
            start..start + figures.len(),
            &paint.paint(Role::Figure, &figures),
        );
    }
    writeln!(writer, "{wrapped}")?;
    Ok(())
}
