//! The detail view of one group and the headline of the summary.

use std::io::Write;

use super::Settings;
use super::human::{Paint, Role, bullet, wrap};
use crate::dataset::{Dataset, Estimate, Event, Group, Source};
use crate::error::Result;
use crate::query::{self, GroupDetail};
use crate::text::{escape_control, year_span};

/// Writes one group in full: names, periods, description, facts, estimates, events and sources.
pub fn detail(writer: &mut dyn Write, settings: &Settings, detail: &GroupDetail<'_>) -> Result<()> {
    let paint = Paint {
        enabled: settings.color,
    };
    let width = settings.width.map(usize::from);
    names(writer, paint, width, detail.group)?;
    if !detail.group.facts.is_empty() {
        writeln!(writer)?;
        writeln!(writer, "{}", paint.paint(Role::Heading, "Facts"))?;
        for fact in &detail.group.facts {
            let citation = format!("[{}, {}]", fact.source, fact.section);
            let line = format!("{} {}", fact.text, citation);
            writeln!(writer, "{}", bullet(&escape_control(&line), width))?;
        }
    }
    estimates(writer, paint, width, &detail.estimates)?;
    events(writer, paint, width, &detail.events)?;
    sources(writer, paint, width, &detail.sources)
}

/// The group's name, other names, periods and description.
fn names(writer: &mut dyn Write, paint: Paint, width: Option<usize>, group: &Group) -> Result<()> {
    let name = escape_control(&group.name);
    let id = escape_control(&group.id);
    writeln!(writer, "{} ({id})", paint.paint(Role::Heading, &name))?;
    let aliases: Vec<_> = group
        .aliases
        .iter()
        .map(|alias| escape_control(alias))
        .collect();
    if !aliases.is_empty() {
        let line = format!("Also called: {}", aliases.join(", "));
        writeln!(writer, "{}", wrap(&line, width, ""))?;
    }
    for period in &group.periods {
        let mut line = format!("Documented: {}", escape_control(&period.text));
        if period.from.is_some() || period.to.is_some() {
            line.push_str(&format!(" ({})", year_span(period.from, period.to)));
        }
        writeln!(writer, "{}", wrap(&line, width, ""))?;
    }
    writeln!(writer)?;
    let description = escape_control(&group.description);
    writeln!(writer, "{}", wrap(&description, width, ""))?;
    Ok(())
}

/// The group's estimates, each with its figures coloured.
fn estimates(
    writer: &mut dyn Write,
    paint: Paint,
    width: Option<usize>,
    estimates: &[&Estimate],
) -> Result<()> {
    writeln!(writer)?;
    writeln!(writer, "{}", paint.paint(Role::Heading, "Estimates"))?;
    if estimates.is_empty() {
        writeln!(writer, "- none: the source gives no figure for this group")?;
    }
    for estimate in estimates {
        let figures = estimate.figures();
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
    Ok(())
}

/// The events that involve the group, oldest first.
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
        let years = year_span(event.period.from, event.period.to);
        let line = format!("{years}: {} [{}]", event.description, event.source);
        writeln!(writer, "{}", bullet(&escape_control(&line), width))?;
    }
    Ok(())
}

/// The sources the group's records cite.
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
    let figures = total.map(Estimate::figures);
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
