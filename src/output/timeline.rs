//! The timeline view: a vertical year axis, each event under its year, and each group's
//! documented periods as spans beside the axis.

use std::collections::HashMap;
use std::io::Write;

use super::Settings;
use super::human::{Paint, Role, break_lines, display_width, in_charset, wrap};
use crate::dataset::{Dataset, Event, Group, Period};
use crate::error::Result;
use crate::text::escape_control;

/// The narrowest text beside the axis; group columns that would leave less are not drawn.
const MIN_TEXT_WIDTH: usize = 20;

/// The most marks the axis gets before it marks centuries instead of decades.
const MARK_LIMIT: i32 = 40;

/// The characters a timeline is drawn with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Glyphs {
    /// The axis at a decade (or century) mark.
    mark: &'static str,
    /// The axis at a year with something in it.
    year: &'static str,
    /// The axis between years.
    line: &'static str,
    /// A span in its first year.
    start: char,
    /// A span between its first and last years.
    span: char,
    /// A span in its last year.
    end: char,
    /// A span of one year.
    single: char,
    /// An event of the group in this column.
    event: char,
}

const UNICODE: Glyphs = Glyphs {
    mark: "─┼",
    year: " ├",
    line: " │",
    start: '╻',
    span: '┃',
    end: '╹',
    single: '■',
    event: '●',
};

const ASCII: Glyphs = Glyphs {
    mark: "-+",
    year: " +",
    line: " |",
    start: '|',
    span: '|',
    end: '|',
    single: '|',
    event: '*',
};

/// A group's period with its years settled: a period that runs on past an end of the axis
/// runs off it.
struct Span<'a> {
    /// The column of the group beside the axis.
    column: usize,
    /// The group's position in the dataset, for its colour.
    series: usize,
    /// The group.
    group: &'a Group<'a>,
    /// The period as the dataset has it.
    period: &'a Period<'a>,
    /// The first year drawn.
    start: i32,
    /// The last year drawn.
    end: i32,
}

/// One thing written beside a year: a period that begins, or an event.
enum Entry<'a> {
    /// A group's documented period begins.
    Begins(&'a Span<'a>),
    /// An event happens.
    Happens(&'a Event<'a>),
}

/// The timeline laid out: what is drawn, on which years, in which columns.
struct Layout<'a> {
    /// The groups with a period in the bounds, each with its position in the dataset.
    drawn: Vec<(usize, &'a Group<'a>)>,
    /// The events with a year.
    dated: Vec<&'a Event<'a>>,
    /// The drawn periods, with their years settled.
    spans: Vec<Span<'a>>,
    /// The first year of the axis.
    first: i32,
    /// The last year of the axis.
    last: i32,
    /// The years marked on the axis.
    marks: Vec<i32>,
    /// Every year that gets a line: marks, events and the ends of spans.
    years: Vec<i32>,
    /// The width of the year labels.
    year_width: usize,
    /// The width left for text beside the axis.
    text_width: usize,
    /// How many groups get a column beside the axis: all drawn, or none when they do not fit.
    columns: usize,
    /// What each column shows on each year's line, by column and then by position in `years`.
    cells: Vec<Vec<Cell>>,
    /// The spans that begin in a year, by their position in `spans`.
    begins: HashMap<i32, Vec<usize>>,
    /// The events placed at a year, by their position in `dated`.
    happens: HashMap<i32, Vec<usize>>,
}

/// What a group's column holds on the line of a year, worked out once for all its periods.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Cell {
    /// How many periods run through the year (begun in it or before, ending after it).
    running: u32,
    /// Whether one of them begins in the year.
    begins: bool,
    /// Whether a period ends in the year: `Some(true)` when it also began in it.
    ends: Option<bool>,
}

impl<'a> Layout<'a> {
    /// Lays out the events and the periods of `groups` within `bounds`; none when nothing has
    /// a year.
    fn new(
        width: usize,
        events: &[&'a Event],
        groups: &[(usize, &'a Group)],
        bounds: (Option<i32>, Option<i32>),
    ) -> Option<Self> {
        let in_bounds = |period: &&Period| period.overlaps(bounds.0, bounds.1);
        let drawn: Vec<(usize, &Group)> = groups
            .iter()
            .copied()
            .filter(|(_, group)| group.periods.iter().any(|period| in_bounds(&period)))
            .collect();
        let dated: Vec<&Event> = events
            .iter()
            .copied()
            .filter(|event| event.period.is_dated())
            .collect();
        let known_years = crate::query::timeline_years(&dated, &drawn, bounds);
        // The axis covers what is drawn, but no more than the years asked for.
        let first = (*known_years.iter().min()?).max(bounds.0.unwrap_or(i32::MIN));
        let last = (*known_years.iter().max()?).min(bounds.1.unwrap_or(i32::MAX));
        if first > last {
            return None;
        }
        let spans = spans_of(&drawn, &in_bounds, first, last);
        let (marks, years) = years_of(first, last, &dated, &spans);
        let year_width = years
            .iter()
            .map(|year| year.to_string().len())
            .max()
            .unwrap_or(4);
        // Each group takes two columns beside the axis; when they would leave too little room for
        // the text, the periods are only listed where they begin.
        let axis = year_width + 2 + 1 + 1;
        let columns = if width.saturating_sub(axis + 2 * drawn.len()) >= MIN_TEXT_WIDTH {
            drawn.len()
        } else {
            0
        };
        let text_width = width.saturating_sub(axis + 2 * columns);
        let cells = cells_of(columns, &spans, &years);
        let mut begins: HashMap<i32, Vec<usize>> = HashMap::new();
        for (index, span) in spans.iter().enumerate() {
            if let Some(year) = span.period.first_year() {
                begins.entry(year).or_default().push(index);
            }
        }
        let mut happens: HashMap<i32, Vec<usize>> = HashMap::new();
        for (index, event) in dated.iter().enumerate() {
            if let Some(year) = year_of(event) {
                happens.entry(year).or_default().push(index);
            }
        }
        Some(Layout {
            drawn,
            dated,
            spans,
            first,
            last,
            marks,
            years,
            year_width,
            text_width,
            columns,
            cells,
            begins,
            happens,
        })
    }

    /// The cell of a column on the line of a year that has one.
    fn cell(&self, column: usize, year: i32) -> Cell {
        self.years
            .binary_search(&year)
            .map_or_else(|_| Cell::default(), |index| self.cells[column][index])
    }
}

/// The cells of every column on every year's line, from the spans in one pass: each span adds
/// one to the running count where it starts and takes it away where it ends, and the counts are
/// summed down the years, so the cost is the spans plus the lines, not their product.
fn cells_of(columns: usize, spans: &[Span<'_>], years: &[i32]) -> Vec<Vec<Cell>> {
    let mut changes = vec![vec![0i64; years.len() + 1]; columns];
    let mut cells = vec![vec![Cell::default(); years.len()]; columns];
    let position = |year: i32| years.partition_point(|line| *line < year);
    for span in spans.iter().filter(|span| span.column < columns) {
        let (start, end) = (position(span.start), position(span.end));
        if start < end {
            changes[span.column][start] += 1;
            changes[span.column][end] -= 1;
            if years.get(start) == Some(&span.start) {
                cells[span.column][start].begins = true;
            }
        }
        if years.get(end) == Some(&span.end) {
            cells[span.column][end].ends = Some(span.start == span.end);
        }
    }
    for (column, changes) in changes.iter().enumerate() {
        let mut running = 0i64;
        for (index, change) in changes.iter().take(years.len()).enumerate() {
            running += change;
            cells[column][index].running = u32::try_from(running).unwrap_or(u32::MAX);
        }
    }
    cells
}

/// The periods of the drawn groups within the bounds, each in its group's column; a period that
/// runs on past an end of the axis runs off it.
fn spans_of<'a>(
    drawn: &[(usize, &'a Group)],
    in_bounds: &dyn Fn(&&Period) -> bool,
    first: i32,
    last: i32,
) -> Vec<Span<'a>> {
    drawn
        .iter()
        .enumerate()
        .flat_map(|(column, (series, group))| {
            group
                .periods
                .iter()
                .filter(|period| in_bounds(period))
                .map(move |period| Span {
                    column,
                    series: *series,
                    group,
                    period,
                    start: match period.first_year() {
                        Some(year) if year >= first => year,
                        _ => first.saturating_sub(1),
                    },
                    end: match period.last_year() {
                        Some(year) if year <= last => year,
                        _ => last.saturating_add(1),
                    },
                })
        })
        .collect()
}

/// The marks of the axis, and every year that gets a line: marks, events and ends of spans.
fn years_of(first: i32, last: i32, dated: &[&Event], spans: &[Span<'_>]) -> (Vec<i32>, Vec<i32>) {
    let step = mark_step(first, last);
    // The mark before the first year can lie below the smallest year there is: it is left out.
    let marks: Vec<i32> = (first.div_euclid(step)..=last.div_euclid(step))
        .filter_map(|index| index.checked_mul(step))
        .collect();
    let mut years: Vec<i32> = marks
        .iter()
        .copied()
        .chain(dated.iter().filter_map(|event| year_of(event)))
        .chain(
            spans
                .iter()
                .flat_map(|span| [span.start, span.end])
                .filter(|year| (first..=last).contains(year)),
        )
        .collect();
    years.sort_unstable();
    years.dedup();
    (marks, years)
}

/// Writes the events and the periods of `groups` (each with its position in the dataset) as a
/// timeline fitted to the settings' width; `from` and `to` limit the periods drawn.
pub fn timeline(
    writer: &mut dyn Write,
    settings: &Settings,
    dataset: &Dataset,
    events: &[&Event],
    groups: &[(usize, &Group)],
    bounds: (Option<i32>, Option<i32>),
) -> Result<()> {
    let paint = Paint {
        enabled: settings.color,
    };
    let glyphs = if settings.unicode { UNICODE } else { ASCII };
    let undated_events: Vec<&Event> = events
        .iter()
        .copied()
        .filter(|event| !event.period.is_dated())
        .collect();
    let undated_periods: Vec<(usize, &Group, &Period)> = groups
        .iter()
        .flat_map(|(series, group)| {
            group
                .periods
                .iter()
                .filter(|period| !period.is_dated())
                .map(move |period| (*series, *group, period))
        })
        .collect();
    let Some(layout) = Layout::new(settings.drawing_width(), events, groups, bounds) else {
        return write_undated(writer, settings, paint, &undated_periods, &undated_events);
    };
    if settings.header {
        write_title(writer, settings, dataset, &layout, glyphs)?;
    }
    for year in &layout.years {
        write_year(writer, settings, &layout, *year, glyphs)?;
    }
    if !undated_periods.is_empty() || !undated_events.is_empty() {
        writeln!(writer)?;
        write_undated(writer, settings, paint, &undated_periods, &undated_events)?;
    }
    Ok(())
}

/// Writes the title and the key to the columns beside the axis.
fn write_title(
    writer: &mut dyn Write,
    settings: &Settings,
    dataset: &Dataset,
    layout: &Layout<'_>,
    glyphs: Glyphs,
) -> Result<()> {
    let paint = Paint {
        enabled: settings.color,
    };
    let (first, last) = (layout.first, layout.last);
    let title = format!(
        "{}: timeline, {}",
        escape_control(&dataset.title),
        crate::text::year_span(Some(first), Some(last))
    );
    let title = wrap(
        &in_charset(&title, settings.unicode),
        Some(settings.drawing_width()),
        "",
    );
    writeln!(writer, "{}", paint.paint(Role::Heading, &title))?;
    if layout.columns == 0 && !layout.drawn.is_empty() {
        let note = format!(
            "The periods of {} groups do not fit beside the axis at this width; each is listed where it begins.",
            layout.drawn.len()
        );
        let note = wrap(
            &in_charset(&note, settings.unicode),
            Some(settings.drawing_width()),
            "",
        );
        writeln!(writer, "{}", paint.paint(Role::Note, &note))?;
    }
    if layout.columns > 0 {
        let mut words: Vec<(String, Role)> = "Beside the axis, left to right, the periods of"
            .split(' ')
            .map(|word| (word.to_owned(), Role::Note))
            .collect();
        for (index, (series, group)) in layout.drawn.iter().enumerate() {
            let separator = if index + 1 < layout.drawn.len() {
                ","
            } else {
                ";"
            };
            let name = format!("{}{separator}", escape_control(&group.id));
            words.push((name, Role::Series(*series)));
        }
        words.extend(
            format!("{} marks an event of the group.", glyphs.event)
                .split(' ')
                .map(|word| (word.to_owned(), Role::Note)),
        );
        let width = settings.drawing_width();
        for line in break_lines(words, width, |(word, _)| display_width(word)) {
            let painted: Vec<String> = line
                .iter()
                .map(|(word, role)| paint.paint(*role, word).into_owned())
                .collect();
            writeln!(writer, "{}", painted.join(" "))?;
        }
    }
    writeln!(writer)?;
    Ok(())
}

/// Writes the lines of one year: the periods that begin and the events that happen in it, or
/// the bare axis.
fn write_year(
    writer: &mut dyn Write,
    settings: &Settings,
    layout: &Layout<'_>,
    year: i32,
    glyphs: Glyphs,
) -> Result<()> {
    let mut entries: Vec<Entry<'_>> = layout
        .begins
        .get(&year)
        .into_iter()
        .flatten()
        .map(|index| Entry::Begins(&layout.spans[*index]))
        .collect();
    entries.extend(
        layout
            .happens
            .get(&year)
            .into_iter()
            .flatten()
            .map(|index| Entry::Happens(layout.dated[*index])),
    );
    let blocks: Vec<(Vec<String>, Option<&Entry<'_>>)> = if entries.is_empty() {
        vec![(vec![String::new()], None)]
    } else {
        entries
            .iter()
            .map(|entry| {
                let lines = entry_lines(entry, layout.text_width, settings.unicode);
                (lines, Some(entry))
            })
            .collect()
    };
    let mut first_line = true;
    for (lines, entry) in &blocks {
        for (index, line) in lines.iter().enumerate() {
            let place = Place {
                year,
                first_line,
                index,
            };
            let row = year_line(settings, layout, &place, *entry, line, glyphs);
            writeln!(writer, "{}", row.trim_end())?;
            first_line = false;
        }
    }
    Ok(())
}

/// Where a line of the timeline stands.
struct Place {
    /// The year it belongs to.
    year: i32,
    /// Whether it is the year's first line, which shows the year.
    first_line: bool,
    /// The line's position within its entry's text.
    index: usize,
}

/// One line of a year: its label (on the year's first line), the axis, the group columns and
/// the entry's text.
fn year_line(
    settings: &Settings,
    layout: &Layout<'_>,
    place: &Place,
    entry: Option<&Entry<'_>>,
    line: &str,
    glyphs: Glyphs,
) -> String {
    let paint = Paint {
        enabled: settings.color,
    };
    let Place {
        year,
        first_line,
        index,
    } = *place;
    let is_mark = layout.marks.contains(&year);
    let year_width = layout.year_width;
    let label = if first_line {
        let text = format!("{year:>year_width$}");
        let role = if is_mark { Role::Heading } else { Role::Figure };
        paint.paint(role, &text).into_owned()
    } else {
        " ".repeat(year_width)
    };
    let axis = match (first_line, is_mark) {
        (true, true) => glyphs.mark,
        (true, false) => glyphs.year,
        (false, _) => glyphs.line,
    };
    let event_here = match entry {
        Some(Entry::Happens(event)) if index == 0 => Some(*event),
        _ => None,
    };
    let mut cells = String::new();
    for (column, (series, _)) in layout.drawn.iter().take(layout.columns).enumerate() {
        let glyph = column_glyph(layout, column, year, first_line, event_here, glyphs);
        cells.push_str(&paint.paint(Role::Series(*series), &glyph.to_string()));
        cells.push(' ');
    }
    let text = paint_entry_line(entry, index, line, paint, settings.unicode);
    format!("{label}{axis} {cells}{text}")
}

/// The year an event is placed at: its first, or its last when only that is known.
fn year_of(event: &Event) -> Option<i32> {
    event.period.anchor().map(|date| date.year)
}

/// The groups an event concerns as its line names them: `all` for the whole population.
fn groups_of(event: &Event) -> String {
    if event.groups.is_empty() {
        String::from("all")
    } else {
        event.groups.join(", ")
    }
}

/// The step between marks on the axis: ten years, or a power of ten more when the axis is long.
fn mark_step(first: i32, last: i32) -> i32 {
    let mut step: i32 = 10;
    while (last.div_euclid(step) - first.div_euclid(step)) > MARK_LIMIT {
        step = step.saturating_mul(10);
    }
    step
}

/// The glyph of a group's column on one line of a year.
fn column_glyph(
    layout: &Layout<'_>,
    column: usize,
    year: i32,
    first_line: bool,
    event: Option<&Event>,
    glyphs: Glyphs,
) -> char {
    let group = &layout.drawn[column].1.id;
    if event.is_some_and(|event| event.groups.contains(group)) {
        return glyphs.event;
    }
    let cell = layout.cell(column, year);
    match cell.ends {
        _ if cell.running > 0 && first_line && cell.begins => glyphs.start,
        _ if cell.running > 0 => glyphs.span,
        Some(true) if first_line => glyphs.single,
        Some(false) if first_line => glyphs.end,
        _ => ' ',
    }
}

/// The text of an entry, wrapped to the width left beside the axis.
fn entry_lines(entry: &Entry<'_>, width: usize, unicode: bool) -> Vec<String> {
    let text = match entry {
        Entry::Begins(span) => format!(
            "{} documented: {}",
            escape_control(&span.group.id),
            escape_control(&span.period.text)
        ),
        Entry::Happens(event) => format!(
            "{}: {} [{}]",
            escape_control(&event.period.text),
            escape_control(&event.description),
            escape_control(&groups_of(event))
        ),
    };
    wrap(&in_charset(&text, unicode), Some(width), "")
        .lines()
        .map(str::to_owned)
        .collect()
}

/// One wrapped line of an entry, coloured: a period in its group's colour, an event's date as a
/// figure.
fn paint_entry_line(
    entry: Option<&Entry<'_>>,
    index: usize,
    line: &str,
    paint: Paint,
    unicode: bool,
) -> String {
    match entry {
        Some(Entry::Begins(span)) => paint.paint(Role::Series(span.series), line).into_owned(),
        Some(Entry::Happens(event)) if index == 0 => {
            let date = in_charset(&escape_control(&event.period.text), unicode).into_owned();
            match line.strip_prefix(&date) {
                Some(rest) => format!("{}{rest}", paint.paint(Role::Figure, &date)),
                None => line.to_owned(),
            }
        }
        _ => line.to_owned(),
    }
}

/// Writes the periods and events that have no year, so nothing is left out of the view.
fn write_undated(
    writer: &mut dyn Write,
    settings: &Settings,
    paint: Paint,
    periods: &[(usize, &Group, &Period)],
    events: &[&Event],
) -> Result<()> {
    if periods.is_empty() && events.is_empty() {
        return Ok(());
    }
    let width = settings.drawing_width();
    writeln!(writer, "{}", paint.paint(Role::Heading, "Without a year"))?;
    for (series, group, period) in periods {
        let line = format!(
            "- {} documented: {}",
            escape_control(&group.id),
            escape_control(&period.text)
        );
        let wrapped = wrap(&in_charset(&line, settings.unicode), Some(width), "  ");
        let wrapped = wrapped.trim_start();
        writeln!(writer, "{}", paint.paint(Role::Series(*series), wrapped))?;
    }
    for event in events {
        let line = format!(
            "- {}: {} [{}]",
            escape_control(&event.period.text),
            escape_control(&event.description),
            escape_control(&groups_of(event))
        );
        let wrapped = wrap(&in_charset(&line, settings.unicode), Some(width), "  ");
        writeln!(writer, "{}", wrapped.trim_start())?;
    }
    Ok(())
}
