//! The HTML report: one self-contained page with the SVG chart and timeline inline and every
//! table of the dataset, from `maud` templates that escape every text they are given. It needs
//! no script and loads nothing: its content security policy forbids every request.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::io::Write;

use maud::{DOCTYPE, Markup, PreEscaped, html};

use super::svg::{self, clean};
use crate::dataset::{Counts, Dataset, Date, Estimate, Event, Group, Related, Source};
use crate::error::Result;
use crate::output::chart::Options;
use crate::output::group::describe;
use crate::query::headline::{self, Figures, Now};
use crate::query::{self, Names};

/// Nothing is loaded from anywhere: styles are inline, pictures are inline SVG.
const POLICY: &str = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'none'; base-uri 'none'";

/// The page's stylesheet: readable from 320 pixels up; table cells break lines only between
/// words, and tables and pictures too wide for the screen scroll in their own box (pictures at
/// their own size, so their text stays as large as it was drawn); on a narrow screen each row
/// of a table becomes a labelled block; a print layout that spells out each link.
const STYLE: &str = include_str!("report.css");

/// What the report shows: the records that pass the filters, and words saying which.
pub struct Contents<'a> {
    /// The dataset.
    pub dataset: &'a Dataset<'a>,
    /// The groups shown, with their position in the dataset.
    pub groups: Vec<(usize, &'a Group<'a>)>,
    /// The estimates shown.
    pub estimates: Vec<&'a Estimate<'a>>,
    /// The events shown, oldest first.
    pub events: Vec<&'a Event<'a>>,
    /// The years the timeline is bounded to.
    pub bounds: (Option<i32>, Option<i32>),
    /// The filters in words, such as `--group workers`; empty when none is given.
    pub filters: String,
    /// Whether every figure is drawn whatever it covers (the filters name a region or a
    /// coverage), rather than each group's widest coverage.
    pub every_coverage: bool,
}

/// Writes the whole page. Its frame is laid out first, with a marker where each long list or
/// picture goes (the groups' profiles, the rows of each table, the chart and the timeline); then
/// the frame is written piece by piece and each part in its place, an item or an element at a
/// time, so the page is never held whole.
pub fn write(writer: &mut dyn Write, contents: &Contents<'_>) -> Result<()> {
    let by_group = by_group(contents);
    let later = Later::default();
    let frame = page(contents, &by_group, &later).into_string();
    later.write(writer, &frame)
}

/// What stands in the frame of the page for a part written later. Dataset text cannot hold it:
/// every text is escaped and a control character never reaches the page.
const MARKER: &str = "\u{0}part\u{0}";

/// A part of the page written after its frame, into the page's writer.
type Part<'c> = Box<dyn FnOnce(&mut dyn Write) -> Result<()> + 'c>;

/// The parts of the page written later, in the order of their markers in the frame.
#[derive(Default)]
struct Later<'c> {
    parts: RefCell<Vec<Part<'c>>>,
}

impl<'c> Later<'c> {
    /// Keeps `part` to be written where the marker this returns stands.
    fn part(
        &self,
        part: impl FnOnce(&mut dyn Write) -> Result<()> + 'c,
    ) -> PreEscaped<&'static str> {
        self.parts.borrow_mut().push(Box::new(part));
        PreEscaped(MARKER)
    }

    /// Writes `frame`, each part it keeps written where its marker stands.
    fn write(self, writer: &mut dyn Write, frame: &str) -> Result<()> {
        let mut parts = self.parts.into_inner().into_iter();
        let mut pieces = frame.split(MARKER);
        if let Some(first) = pieces.next() {
            writer.write_all(first.as_bytes())?;
        }
        // Each marker was put in the frame as its part was kept, so they come in the same order.
        for piece in pieces {
            if let Some(part) = parts.next() {
                part(writer)?;
            }
            writer.write_all(piece.as_bytes())?;
        }
        Ok(())
    }
}

/// The page's frame, with a marker for each part kept in `later`.
fn page<'c>(contents: &'c Contents<'c>, by_group: &'c ByGroup<'c>, later: &Later<'c>) -> Markup {
    let dataset = contents.dataset;
    let chart = overall_chart(contents, later);
    // How far the figures run, said under every group's chart: found once, not once a group.
    let figures_to = query::figures_end(dataset);
    let profiles = later.part(move |writer| {
        for (_, group) in &contents.groups {
            profile(writer, contents, by_group, group, figures_to)?;
        }
        Ok(())
    });
    let timeline = later.part(move |writer| {
        let (events, groups) = (&contents.events, &contents.groups);
        svg::timeline::picture(writer, dataset, events, groups, contents.bounds)
    });
    let title = clean(&dataset.title);
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta http-equiv="Content-Security-Policy" content=(POLICY);
                title { (title) ": report" }
                style { (PreEscaped(STYLE)) }
            }
            body {
                (header(contents))
                main {
                    section id="overview" aria-labelledby="overview-heading" {
                        h2 id="overview-heading" { "Overview" }
                        p { (clean(&dataset.overview)) }
                    }
                    (now(contents, by_group))
                    (chart_section(chart))
                    @if !contents.groups.is_empty() {
                        section id="by-group" aria-labelledby="by-group-heading" {
                            h2 id="by-group-heading" { "Each group" }
                            (profiles)
                        }
                    }
                    section id="timeline" aria-labelledby="timeline-heading" {
                        h2 id="timeline-heading" { "Timeline" }
                        figure {
                            div class="scroll" { (timeline) }
                            figcaption { "The years each group is documented in, and its events." }
                        }
                    }
                    (groups(contents, later))
                    (estimates(contents, later))
                    (events(contents, later))
                    (facts(contents, later))
                    (related(dataset, later))
                    (sources(contents, later))
                }
                footer class="meta" {
                    p { (footer_line(dataset)) }
                }
            }
        }
    }
}

/// The chart of people present over time, of every group shown: the total and the groups; a
/// related population only when it is all the filters name. Its marker, when it has a figure to
/// draw, for the picture kept in `later`.
fn overall_chart<'c>(
    contents: &'c Contents<'c>,
    later: &Later<'c>,
) -> Option<PreEscaped<&'static str>> {
    let dataset = contents.dataset;
    let present = Options {
        kinds: vec![Counts::Present],
        log: false,
        every_coverage: contents.every_coverage,
        names: Names::english(),
        figures_to: query::figures_end(dataset),
    };
    let shown: HashSet<&str> = contents
        .groups
        .iter()
        .map(|(_, group)| group.id.as_ref())
        .collect();
    let drawn: Vec<&Estimate> = contents
        .estimates
        .iter()
        .copied()
        .filter(|estimate| {
            shown.is_empty()
                || estimate
                    .group
                    .as_deref()
                    .is_none_or(|id| shown.contains(id))
        })
        .collect();
    if drawn.is_empty() {
        return None;
    }
    Some(
        later
            .part(move |writer| svg::chart::picture(writer, dataset, &drawn, &present, svg::WIDTH)),
    )
}

/// The section of the chart of every group, or words saying no figure matches.
fn chart_section(chart: Option<PreEscaped<&str>>) -> Markup {
    html! {
        section id="chart" aria-labelledby="chart-heading" {
            h2 id="chart-heading" { "Population figures" }
            @if let Some(chart) = chart {
                figure {
                    div class="scroll" { (chart) }
                    figcaption {
                        "People present over time, each group in its colour, on a linear scale. "
                        "Point at a mark for its figure, who made it and its source; "
                        "every figure is in the table of estimates below."
                    }
                }
            } @else {
                p { "No figure matches the filters." }
            }
        }
    }
}

/// The estimates that pass the filters, of one group, or of all North Koreans for none.
fn of_group<'a>(by_group: &ByGroup<'a>, group: Option<&str>) -> Vec<&'a Estimate<'a>> {
    by_group.get(&group).cloned().unwrap_or_default()
}

/// The estimates shown, by the group they count (none for all North Koreans), sorted out in one
/// pass.
type ByGroup<'a> = HashMap<Option<&'a str>, Vec<&'a Estimate<'a>>>;

/// The estimates shown, by group.
fn by_group<'a>(contents: &Contents<'a>) -> ByGroup<'a> {
    let mut by_group: ByGroup<'a> = HashMap::new();
    for estimate in &contents.estimates {
        by_group
            .entry(estimate.group.as_deref())
            .or_default()
            .push(estimate);
    }
    by_group
}

/// The current picture: the latest total a source gives and, when a group has a later figure,
/// nkru's sum of the groups' latest figures of people present, labelled as nkru's and with its
/// parts.
fn now(contents: &Contents<'_>, by_group: &ByGroup<'_>) -> Markup {
    let dataset = contents.dataset;
    let totals = of_group(by_group, None);
    let groups: Vec<(&str, Vec<&Estimate>)> = contents
        .groups
        .iter()
        .map(|(_, group)| (group.id.as_ref(), of_group(by_group, Some(&group.id))))
        .collect();
    let Now { stated, sum } = headline::now(&totals, &groups);
    let name = |id: &str| {
        dataset
            .group(id)
            .map_or_else(|| clean(id), |group| clean(&group.name))
    };
    html! {
        section id="now" aria-labelledby="now-heading" {
            h2 id="now-heading" { "Now" }
            @if let Some(stated) = &stated {
                p class="lead" {
                    "The latest total a source gives of all North Koreans in Russia: "
                    strong class="figure" { (clean(&stated.words())) }
                    " people present, " (clean(&stated.period())) "."
                }
                (figures_list(stated))
            } @else {
                p class="lead" { "No source gives a total of all North Koreans in Russia that passes the filters." }
            }
            @if let Some(sum) = &sum {
                @let years = sum.years().map(|(first, last)| if first == last {
                    first.to_string()
                } else {
                    format!("{first}–{last}")
                }).unwrap_or_default();
                p class="lead" {
                    @if let Some(stated) = &stated {
                        "No source gives a total after " (clean(&stated.period())) ". "
                    }
                    "nkru's sum of each group's latest figures of people present is "
                    strong class="figure" { (crate::text::figure_range(sum.low(), sum.high())) }
                    ", from figures of " (years) ": nkru's sum, not a figure any source gives. Its parts:"
                }
                ul {
                    @for (id, part) in &sum.parts {
                        li {
                            strong { (name(id)) } ": "
                            span class="figure" { (clean(&part.words())) } ", " (clean(&part.period()))
                            (figures_list(part))
                        }
                    }
                }
            }
        }
    }
}

/// The figures set side by side, each with who made it and a link to its source.
fn figures_list(figures: &Figures<'_>) -> Markup {
    html! {
        ul {
            @for estimate in &figures.estimates {
                li {
                    span class="figure" { (clean(&estimate.figures())) } ", "
                    (clean(&estimate.period.text)) ", by " (clean(&estimate.attributed_to))
                    @if estimate.party_to_conflict { " (a party to the conflict)" }
                    @if let Some(place) = crate::output::chart::place(estimate, Names::english()) { ", in " (clean(place)) }
                    " (" (source_link(&estimate.source)) ")"
                }
            }
        }
    }
}

/// Writes one group: its description, its headline figures of each kind, and its chart over
/// time, drawn into its place as it is written.
fn profile(
    writer: &mut dyn Write,
    contents: &Contents<'_>,
    by_group: &ByGroup<'_>,
    group: &Group,
    figures_to: Option<Date>,
) -> Result<()> {
    let estimates = of_group(by_group, Some(&group.id));
    let headlines: Vec<Figures> = Counts::ALL
        .into_iter()
        .filter_map(|kind| headline::headline(kind, &estimates))
        .collect();
    // The chart shows people present, or else the first kind of count the group has figures of.
    let kind = [Counts::Present]
        .into_iter()
        .chain(headlines.iter().map(|figures| figures.counts))
        .find(|kind| !headline::over_time(*kind, &estimates, contents.every_coverage).is_empty());
    let later = Later::default();
    let chart = kind.map(|kind| {
        let options = Options {
            kinds: vec![kind],
            log: false,
            every_coverage: contents.every_coverage,
            names: Names::english(),
            figures_to,
        };
        let (dataset, estimates) = (contents.dataset, &estimates);
        later.part(move |writer| {
            svg::chart::picture(writer, dataset, estimates, &options, svg::WIDTH)
        })
    });
    let markup = html! {
        article id=(format!("group-{}", clean(&group.id))) aria-labelledby=(format!("group-{}-heading", clean(&group.id))) {
            h3 id=(format!("group-{}-heading", clean(&group.id))) { (clean(&group.name)) " (" (clean(&group.id)) ")" }
            p { (clean(&group.description)) }
            @if headlines.is_empty() {
                p { "No count of this group passes the filters." }
            } @else {
                dl class="headline" {
                    @for figures in &headlines {
                        dt { (capitalised(figures.counts.meaning())) }
                        dd {
                            strong class="figure" { (clean(&figures.words())) } ", " (clean(&figures.period()))
                            @let count = figures.estimates.len();
                            "; " (count) @if count == 1 { " figure" } @else { " figures" }
                            " by " (clean(&figures.makers().join(", ")))
                            @if figures.by_a_party() { " (a party to the conflict among them)" }
                            @let places = figures.places();
                            @if !places.is_empty() { "; for " (clean(&places.join(", "))) " only" }
                        }
                    }
                }
            }
            @if let (Some(chart), Some(kind)) = (chart, kind) {
                figure {
                    div class="scroll" { (chart) }
                    figcaption { (capitalised(kind.meaning())) " over time: " (clean(&group.name)) "." }
                }
            }
        }
    };
    later.write(writer, &markup.into_string())
}

/// Text with its first letter in capitals.
fn capitalised(text: &str) -> String {
    let mut characters = text.chars();
    characters.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(characters).collect()
    })
}

/// The dataset's version and dates in words.
fn footer_line(dataset: &Dataset) -> String {
    let reach = query::figures_end(dataset).map_or_else(
        || String::from("no dated figures"),
        |date| format!("figures to {date}"),
    );
    clean(&format!(
        "Dataset {}, {reach}, as of {} (the day it was last checked against its sources). Written by nkru {}.",
        dataset.version,
        dataset.as_of,
        env!("CARGO_PKG_VERSION")
    ))
}

/// The title, the dataset's version and dates, the filters and the contents.
fn header(contents: &Contents<'_>) -> Markup {
    let dataset = contents.dataset;
    html! {
        header {
            h1 { (clean(&dataset.title)) }
            p class="meta" { (footer_line(dataset)) }
            @if !contents.filters.is_empty() {
                p class="meta" { "Filtered with " code { (clean(&contents.filters)) } "." }
            }
            nav aria-label="Contents" {
                ul {
                    @for (anchor, words) in [
                        ("overview", "Overview"), ("now", "Now"), ("chart", "Figures"),
                        ("by-group", "Each group"), ("timeline", "Timeline"),
                        ("groups", "Groups"), ("estimates", "Estimates"), ("events", "Events"),
                        ("facts", "Facts"), ("related", "Related populations"), ("sources", "Sources"),
                    ] {
                        li { a href=(format!("#{anchor}")) { (words) } }
                    }
                }
            }
        }
    }
}

/// One row of a table: its cells, and an anchor for links to it.
struct Row {
    /// The row's id, for links to it.
    anchor: Option<String>,
    /// One cell per column.
    cells: Vec<Markup>,
}

impl Row {
    /// A row no link leads to.
    fn new(cells: Vec<Markup>) -> Self {
        Row {
            anchor: None,
            cells,
        }
    }
}

/// A section with its heading and one table, whose rows are written later, one at a time. On a
/// narrow screen each row becomes a block with each cell labelled by its column, so no table is
/// wider than the page.
fn section<'c>(later: &Later<'c>, table: Table, rows: impl Iterator<Item = Row> + 'c) -> Markup {
    let Table {
        anchor,
        heading,
        caption,
        columns,
    } = table;
    let rows = later.part(move |writer| {
        for row in rows {
            let markup = html! {
                tr id=[row.anchor.as_deref()] {
                    @for (cell, column) in row.cells.iter().zip(columns) {
                        td data-label=(column.name) { (cell) }
                    }
                }
            };
            writer.write_all(markup.into_string().as_bytes())?;
        }
        Ok(())
    });
    html! {
        section id=(anchor) aria-labelledby=(format!("{anchor}-heading")) {
            h2 id=(format!("{anchor}-heading")) { (heading) }
            div class="scroll" { table {
                caption { (caption) }
                thead { tr { @for column in columns { th scope="col" { (column.name) } } } }
                tbody { (rows) }
            } }
        }
    }
}

/// A table's words: its anchor, heading, caption and columns.
#[derive(Clone, Copy)]
pub(super) struct Table {
    anchor: &'static str,
    heading: &'static str,
    caption: &'static str,
    /// The columns, in order.
    pub(super) columns: &'static [Column],
}

/// A column of a table: its name and the fields of the list's table it shows, by their names
/// (`rows::tables`), so a test can tell which fields the report leaves out.
#[derive(Clone, Copy)]
pub(super) struct Column {
    /// The column's name, as its head shows it.
    pub(super) name: &'static str,
    /// The fields it shows.
    #[cfg_attr(
        not(test),
        expect(dead_code, reason = "read by the tests of the fields the report shows")
    )]
    pub(super) fields: &'static [&'static str],
}

/// A column named `name` showing the fields `fields`.
const fn column(name: &'static str, fields: &'static [&'static str]) -> Column {
    Column { name, fields }
}

/// The table of groups.
pub(super) const GROUPS: Table = Table {
    anchor: "groups",
    heading: "Groups",
    caption: "The groups of North Koreans in Russia, with the periods they are documented in",
    columns: &[
        column("id", &["id"]),
        column("name", &["name"]),
        column("also called", &["aliases"]),
        column("documented", &["periods"]),
        column("description", &[]),
    ],
};

/// The table of estimates.
pub(super) const ESTIMATES: Table = Table {
    anchor: "estimates",
    heading: "Estimates",
    caption: "Population figures: what each counts, its period and region, who made it and where it was read",
    columns: &[
        column("id", &["id"]),
        column("group", &["group", "scope"]),
        column("figures", &["figures"]),
        column("counts", &["counts"]),
        column("period", &["period"]),
        column("region", &["region"]),
        column("made by", &["attributed_to", "party_to_conflict"]),
        column("source", &["source"]),
        column("note", &["note"]),
    ],
};

/// The table of events.
pub(super) const EVENTS: Table = Table {
    anchor: "events",
    heading: "Events",
    caption: "Dated events, oldest first",
    columns: &[
        column("when", &["when"]),
        column("groups", &["groups"]),
        column("what happened", &["description"]),
        column("according to", &["attributed_to"]),
        column("source", &["source"]),
    ],
};

/// The table of facts.
pub(super) const FACTS: Table = Table {
    anchor: "facts",
    heading: "Facts",
    caption: "Facts about each group, with where they were read",
    columns: &[
        column("group", &["group"]),
        column("fact", &["text"]),
        column("source", &["source"]),
        column("section", &["section"]),
    ],
};

/// The table of related populations.
pub(super) const RELATED: Table = Table {
    anchor: "related",
    heading: "Related populations",
    caption: "Populations related to the subject but apart from it",
    columns: &[
        column("name", &["name", "id"]),
        column("who they are", &["description"]),
        column("from", &["origin"]),
        column("to", &["destination"]),
        column("when", &["period"]),
        column("source", &["source"]),
    ],
};

/// The table of sources.
pub(super) const SOURCES: Table = Table {
    anchor: "sources",
    heading: "Sources",
    caption: "The publications the records above were read in",
    columns: &[
        column("id", &["id"]),
        column("publisher", &["publisher"]),
        column("title", &["title"]),
        column("published", &["date"]),
        column("kind", &["kind"]),
        column("read on", &["retrieved"]),
        column("as cited", &[]),
    ],
};

/// A link to a source in the table of sources.
fn source_link(id: &str) -> Markup {
    html! { a href=(format!("#{}", source_anchor(id))) { (clean(id)) } }
}

/// The id of a source's row in the table of sources.
fn source_anchor(id: &str) -> String {
    format!("source-{}", clean(id))
}

fn groups<'c>(contents: &'c Contents<'c>, later: &Later<'c>) -> Markup {
    let rows = contents.groups.iter().map(|(_, group)| {
        Row::new(vec![
            html! { (clean(&group.id)) },
            html! { (clean(&group.name)) },
            html! { (clean(&group.aliases.join(", "))) },
            html! { @for period in &group.periods { (clean(&period.text)) br; } },
            html! { (clean(&group.description)) },
        ])
    });
    section(later, GROUPS, rows)
}

/// Optional text, or a dash where it is unknown.
fn or_dash(text: Option<&str>) -> String {
    text.map_or_else(|| String::from("—"), clean)
}

fn estimates<'c>(contents: &'c Contents<'c>, later: &Later<'c>) -> Markup {
    let rows = contents.estimates.iter().map(|estimate| {
        Row::new(vec![
            html! { (clean(&estimate.id)) },
            html! { (clean(estimate.group.as_deref().unwrap_or("total"))) },
            html! { span class="figure" { (clean(&estimate.figures())) } },
            html! { (estimate.counts.name()) },
            html! { (clean(&estimate.period.text)) },
            html! { (or_dash(estimate.region.as_deref())) },
            html! {
                (clean(&estimate.attributed_to))
                @if estimate.party_to_conflict { " (a party to the conflict)" }
            },
            source_link(&estimate.source),
            html! { (or_dash(estimate.note.as_deref())) },
        ])
    });
    section(later, ESTIMATES, rows)
}

fn events<'c>(contents: &'c Contents<'c>, later: &Later<'c>) -> Markup {
    let rows = contents.events.iter().map(|event| {
        let groups = if event.groups.is_empty() {
            String::from("every group")
        } else {
            clean(&event.groups.join(", "))
        };
        Row::new(vec![
            html! { (clean(&event.period.text)) },
            html! { (groups) },
            html! { (clean(&event.description)) },
            html! { (or_dash(event.attributed_to.as_deref())) },
            source_link(&event.source),
        ])
    });
    section(later, EVENTS, rows)
}

fn facts<'c>(contents: &'c Contents<'c>, later: &Later<'c>) -> Markup {
    let rows = contents.groups.iter().flat_map(|(_, group)| {
        group.facts.iter().map(|fact| {
            Row::new(vec![
                html! { (clean(&group.id)) },
                html! { (clean(&fact.text)) },
                source_link(&fact.source),
                html! { (or_dash(fact.section.as_deref())) },
            ])
        })
    });
    section(later, FACTS, rows)
}

fn related<'c>(dataset: &'c Dataset<'c>, later: &Later<'c>) -> Markup {
    let rows = dataset.related.iter().map(|related: &Related| {
        Row::new(vec![
            html! { (clean(&related.name)) " (" (clean(&related.id)) ")" },
            html! { (clean(&related.description)) },
            html! { (clean(&related.origin)) },
            html! { (clean(&related.destination)) },
            html! { (clean(&related.period.text)) },
            source_link(&related.source),
        ])
    });
    section(later, RELATED, rows)
}

fn sources<'c>(contents: &'c Contents<'c>, later: &Later<'c>) -> Markup {
    let cited = cited(contents);
    let rows = contents
        .dataset
        .sources
        .iter()
        .filter(move |source| cited.binary_search(&source.id.as_ref()).is_ok())
        .map(|source: &Source| {
            let link = source.url.as_deref().filter(|url| is_web_address(url));
            // The language of the title, so a browser breaks its lines as that language does.
            let language = source.language.as_deref().map(clean);
            let title = html! {
                span lang=[language.as_deref()] {
                    @if let Some(url) = link {
                        a href=(url) rel="noreferrer" { (clean(&source.title)) }
                    } @else {
                        (clean(&source.title))
                    }
                }
            };
            let date = source
                .date
                .map_or_else(|| String::from("undated"), |date| date.to_string());
            Row {
                anchor: Some(source_anchor(&source.id)),
                cells: vec![
                    html! { (clean(&source.id)) },
                    html! { span lang=[language.as_deref()] { (clean(&source.publisher)) } },
                    title,
                    html! { (date) },
                    html! { (source.kind.words()) },
                    html! { (or_dash(source.retrieved.map(|date| date.to_string()).as_deref())) },
                    html! { span lang=[language.as_deref()] { (clean(&describe(source))) } },
                ],
            }
        });
    section(later, SOURCES, rows)
}

/// Whether an address is one a link may lead to: the web, not a script or a local file.
fn is_web_address(url: &str) -> bool {
    let lowered = url.to_ascii_lowercase();
    lowered.starts_with("https://") || lowered.starts_with("http://")
}

/// The ids of the sources the records shown cite, sorted, each once.
fn cited<'a>(contents: &Contents<'a>) -> Vec<&'a str> {
    let mut ids: Vec<&str> = contents
        .estimates
        .iter()
        .map(|estimate| estimate.source.as_ref())
        .chain(contents.events.iter().map(|event| event.source.as_ref()))
        .chain(
            contents
                .groups
                .iter()
                .flat_map(|(_, group)| group.facts.iter().map(|fact| fact.source.as_ref())),
        )
        .chain(
            contents
                .dataset
                .related
                .iter()
                .map(|related| related.source.as_ref()),
        )
        .collect();
    ids.sort_unstable();
    ids.dedup();
    ids
}
