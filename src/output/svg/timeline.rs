//! The timeline as SVG: one lane per group with the spans of years it is documented in as bars
//! and its events as dots, on an axis of years; then the events in words, oldest first.

use std::collections::HashMap;
use std::io::Write;

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::{
    Area, DECLARATION, LINE_HEIGHT, LegendEntry, MARGIN, Series, TEXT_SIZE, WIDTH, clean, draw,
    draw_head, drawing, footnote, legend_rows, lines, px, style, swatch,
};
use crate::dataset::{Dataset, Event, Group, Period};
use crate::error::Result;
use crate::output::human::period_label;

/// The width of the lane labels, in pixels.
const LABEL_WIDTH: u32 = 200;

/// The height of one lane, in pixels.
const LANE_HEIGHT: u32 = 26;

/// The height of the axis labels, in pixels.
const AXIS_HEIGHT: u32 = 24;

/// How far the list of events is indented, leaving room for its dots.
const LIST_INDENT: u32 = 18;

/// One lane: a group's periods and events, or the events of every group.
struct Lane {
    /// The words left of the lane.
    label: String,
    /// Its fill.
    series: Series,
    /// The group's periods, with the years they are drawn from and to.
    spans: Vec<(i32, i32)>,
    /// The events drawn in it, each at its month counted from year 0 (the middle of its year
    /// when the month is not known).
    events: Vec<i32>,
}

/// One event in the list under the lanes.
struct Entry {
    /// The fill of its dot: its first group's, or black for every group.
    series: Series,
    /// Its lines of text.
    lines: Vec<String>,
}

/// The timeline laid out before anything is drawn: every height known, while each lane, and
/// its entry in the legend, is made only as it is drawn.
struct Layout<'a> {
    /// The title.
    title: String,
    /// The lines under the title.
    subtitle: Vec<String>,
    /// The first and last year of the axis; none when nothing has a year.
    years: Option<(i32, i32)>,
    /// The groups shown, a lane each when a year is known.
    groups: &'a [(usize, &'a Group<'a>)],
    /// The years the periods are bounded to.
    bounds: (Option<i32>, Option<i32>),
    /// Each group's events, found in one pass over the events rather than one per group.
    events_of: HashMap<&'a str, Vec<&'a Event<'a>>>,
    /// Where the events of every group fall, when there are any: the first lane.
    every_group: Option<Vec<i32>>,
    /// How many rows the legend takes.
    legend_rows: u32,
    /// The events, oldest first, then what has no year.
    entries: Vec<Entry>,
    /// The footnote's lines.
    footnote: Vec<String>,
}

/// Where an event sits on the axis: its month counted from year 0, the axis's unit; the middle
/// of its year when the month is not known.
fn position(period: &Period) -> Option<i32> {
    let date = period.anchor()?;
    let month = date.month.map_or(6, |month| i32::from(month) - 1);
    date.year.checked_mul(12)?.checked_add(month)
}

impl<'a> Layout<'a> {
    /// Lays out the events and the periods of the groups shown within the bounds.
    fn new(
        dataset: &Dataset,
        events: &'a [&'a Event<'a>],
        groups: &'a [(usize, &'a Group<'a>)],
        bounds: (Option<i32>, Option<i32>),
    ) -> Self {
        let known = crate::query::timeline_years(events, groups, bounds);
        let years = known
            .iter()
            .min()
            .zip(known.iter().max())
            .map(|(first, last)| {
                (
                    (*first).max(bounds.0.unwrap_or(i32::MIN)),
                    (*last).min(bounds.1.unwrap_or(i32::MAX)),
                )
            });
        let years = years.filter(|(first, last)| first <= last);
        let mut events_of: HashMap<&str, Vec<&Event>> = HashMap::new();
        for event in events {
            for group in &event.groups {
                let list = events_of.entry(group.as_ref()).or_default();
                if !list.last().is_some_and(|last| std::ptr::eq(*last, *event)) {
                    list.push(event);
                }
            }
        }
        let every_group = events.iter().any(|event| event.groups.is_empty()).then(|| {
            events
                .iter()
                .filter(|event| event.groups.is_empty())
                .filter_map(|event| position(&event.period))
                .collect()
        });
        let cited: Vec<&str> = events.iter().map(|event| event.source.as_ref()).collect();
        let span = years.map_or_else(String::new, |(first, last)| {
            format!(", {}", crate::text::year_span(Some(first), Some(last)))
        });
        let mut layout = Layout {
            title: format!("{}: timeline{span}", clean(&dataset.title)),
            subtitle: lines(
                "Each lane is a group: a bar spans the years it is documented in, a dot is one of \
                 its events. The events follow in words, oldest first.",
                WIDTH - 2 * MARGIN,
            ),
            years,
            groups,
            bounds,
            events_of,
            every_group,
            legend_rows: 0,
            entries: entries(dataset, events, groups, bounds),
            footnote: footnote(dataset, &cited, crate::query::figures_end(dataset)),
        };
        layout.legend_rows = legend_rows(layout.legend());
        layout
    }

    /// How many lanes there are.
    fn lane_count(&self) -> usize {
        let groups = if self.years.is_some() {
            self.groups.len()
        } else {
            0
        };
        usize::from(self.every_group.is_some()) + groups
    }

    /// The words and fill of each lane, in order.
    fn labels(&self) -> impl Iterator<Item = (String, Series)> + '_ {
        let every_group = self
            .every_group
            .as_ref()
            .map(|_| (String::from("every group"), Series::Total));
        let groups = if self.years.is_some() {
            self.groups
        } else {
            &[]
        };
        every_group.into_iter().chain(
            groups
                .iter()
                .map(|(index, group)| (clean(&group.name), Series::Group(*index))),
        )
    }

    /// The legend: an entry for each lane, made as it is drawn.
    fn legend(&self) -> impl Iterator<Item = LegendEntry> + '_ {
        self.labels()
            .map(|(words, series)| LegendEntry { series, words })
    }

    /// The lanes, each made as it is drawn: the events of every group first, when there are
    /// any, then one per group.
    fn lanes(&self) -> impl Iterator<Item = Lane> + '_ {
        let (first, last) = self.years.unwrap_or((0, 0));
        let bounds = self.bounds;
        let every_group = self.every_group.iter().map(|events| Lane {
            label: String::from("every group"),
            series: Series::Total,
            spans: Vec::new(),
            events: events.clone(),
        });
        let groups = if self.years.is_some() {
            self.groups
        } else {
            &[]
        };
        let groups = groups.iter().map(move |(index, group)| Lane {
            label: clean(&group.name),
            series: Series::Group(*index),
            spans: group
                .periods
                .iter()
                .filter(|period| period.overlaps(bounds.0, bounds.1))
                .map(|period| {
                    let start = period.first_year().unwrap_or(first).max(first);
                    let end = period.last_year().unwrap_or(last).min(last);
                    (start, end)
                })
                .collect(),
            events: self
                .events_of
                .get(group.id.as_ref())
                .into_iter()
                .flatten()
                .filter_map(|event| position(&event.period))
                .collect(),
        });
        every_group.chain(groups)
    }

    /// Where the lanes begin.
    fn lanes_top(&self) -> u32 {
        let subtitle = count(self.subtitle.len());
        MARGIN + 30 + subtitle * LINE_HEIGHT + 8 + self.legend_rows * LINE_HEIGHT + 10
    }

    /// How tall the lanes and their axis are; nothing when no year is known.
    fn lanes_height(&self) -> u32 {
        if self.years.is_none() {
            return 0;
        }
        count(self.lane_count()) * LANE_HEIGHT + AXIS_HEIGHT + 16
    }

    /// The height of the whole picture.
    fn height(&self) -> u32 {
        let entries: u32 = self
            .entries
            .iter()
            .map(|entry| count(entry.lines.len()) * LINE_HEIGHT + 4)
            .sum();
        self.lanes_top()
            + self.lanes_height()
            + entries
            + 10
            + count(self.footnote.len()) * LINE_HEIGHT
            + MARGIN
    }
}

/// A count as pixels can be multiplied by.
fn count(length: usize) -> u32 {
    u32::try_from(length).unwrap_or(u32::MAX / LANE_HEIGHT)
}

/// The events in words, oldest first, and then the periods with no year.
fn entries(
    dataset: &Dataset,
    events: &[&Event],
    groups: &[(usize, &Group)],
    bounds: (Option<i32>, Option<i32>),
) -> Vec<Entry> {
    let width = WIDTH - 2 * MARGIN - LIST_INDENT;
    let mut entries: Vec<Entry> = events
        .iter()
        .map(|event| {
            let concerns = if event.groups.is_empty() {
                String::from("every group")
            } else {
                event.groups.join(", ")
            };
            let text = format!(
                "{}: {} [{concerns}]",
                period_label(&event.period),
                event.description
            );
            Entry {
                series: Series::of(dataset, event.groups.first().map(AsRef::as_ref)),
                lines: lines(&clean(&text), width),
            }
        })
        .collect();
    let undated = groups.iter().flat_map(|(index, group)| {
        group
            .periods
            .iter()
            .filter(|period| !period.is_dated() && bounds == (None, None))
            .map(move |period| Entry {
                series: Series::Group(*index),
                lines: lines(
                    &clean(&format!(
                        "{} documented, no year known: {}",
                        group.id, period.text
                    )),
                    width,
                ),
            })
    });
    entries.extend(undated);
    entries
}

/// Writes the events and the periods of the groups shown as a standalone SVG picture.
pub fn document(
    writer: &mut dyn Write,
    dataset: &Dataset,
    events: &[&Event],
    groups: &[(usize, &Group)],
    bounds: (Option<i32>, Option<i32>),
) -> Result<()> {
    writer.write_all(DECLARATION.as_bytes())?;
    picture(writer, dataset, events, groups, bounds)
}

/// Writes the same as an SVG element, for a file or a page, as it is drawn.
pub fn picture(
    writer: &mut dyn Write,
    dataset: &Dataset,
    events: &[&Event],
    groups: &[(usize, &Group)],
    bounds: (Option<i32>, Option<i32>),
) -> Result<()> {
    let layout = Layout::new(dataset, events, groups, bounds);
    let size = (WIDTH, layout.height());
    draw(writer, size, |root| draw_layout(root, &layout), |_| Ok(()))
}

/// Draws the timeline laid out: its head, its lanes, the events in words and the footnote.
fn draw_layout(root: &Area<'_>, layout: &Layout<'_>) -> Result<()> {
    draw_head(root, &layout.title, &layout.subtitle, layout.legend())?;
    let mut top = layout.lanes_top();
    if let Some(years) = layout.years {
        draw_lanes(root, layout, years, top)?;
    }
    top += layout.lanes_height();
    for entry in &layout.entries {
        let dot = Circle::new(
            (px(MARGIN + 6), px(top + LINE_HEIGHT / 2)),
            4,
            entry.series.fill().filled(),
        );
        root.draw(&dot).map_err(drawing)?;
        let outline = Circle::new(
            (px(MARGIN + 6), px(top + LINE_HEIGHT / 2)),
            4,
            BLACK.stroke_width(1),
        );
        root.draw(&outline).map_err(drawing)?;
        for line in &entry.lines {
            let at = (px(MARGIN + LIST_INDENT), px(top));
            root.draw(&Text::new(line.as_str(), at, style(TEXT_SIZE, BLACK)))
                .map_err(drawing)?;
            top += LINE_HEIGHT;
        }
        top += 4;
    }
    top += 10;
    for line in &layout.footnote {
        let grey = style(TEXT_SIZE - 1, RGBColor(0x44, 0x44, 0x44));
        root.draw(&Text::new(line.as_str(), (px(MARGIN), px(top)), grey))
            .map_err(drawing)?;
        top += LINE_HEIGHT;
    }
    Ok(())
}

/// The years between two marks of the axis: the least of 1, 2, 5, 10, 20, 50, 100 and so on
/// whose marks, each as wide as the widest year, fit `width` pixels with room between them, so
/// that the labels of a span of centuries do not run together.
fn year_step(first: i32, last: i32, width: u32) -> i32 {
    let digits = |year: i32| year.to_string().chars().count();
    let widest = digits(first).max(digits(last));
    let label = super::text_width(&"0".repeat(widest), TEXT_SIZE - 1) + 16;
    let room = i64::from((width / label.max(1)).max(2));
    let span = i64::from(last) - i64::from(first);
    let mut magnitude: i64 = 1;
    loop {
        for times in [1, 2, 5] {
            let step = times * magnitude;
            if span / step + 2 <= room {
                return i32::try_from(step).unwrap_or(i32::MAX);
            }
        }
        magnitude = magnitude.saturating_mul(10);
        if magnitude > i64::from(i32::MAX) {
            return i32::MAX;
        }
    }
}

/// Draws a lane's label within the width of the labels: whole when it fits, else in a smaller
/// size on up to two lines, the second ending in an ellipsis when even they cannot hold it.
fn draw_lane_label(root: &Area<'_>, label: &str, y: i32) -> Result<()> {
    let space = LABEL_WIDTH - 8;
    let (size, lines) = if super::text_width(label, TEXT_SIZE) <= space {
        (TEXT_SIZE, vec![label.to_owned()])
    } else {
        let size = TEXT_SIZE - 3;
        let characters = (space * 10 / (size * 6)).max(1) as usize;
        let mut lines: Vec<String> = crate::output::human::wrap(label, Some(characters), "")
            .lines()
            .map(str::to_owned)
            .collect();
        if lines.len() > 2 {
            lines.truncate(2);
            let second: String = lines[1]
                .chars()
                .take(characters.saturating_sub(1))
                .collect();
            lines[1] = format!("{second}…");
        }
        (size, lines)
    };
    let count = i32::try_from(lines.len()).unwrap_or(1);
    for (index, line) in lines.into_iter().enumerate() {
        let offset = (2 * i32::try_from(index).unwrap_or(0) - (count - 1)) * px(size) / 2;
        root.draw(&Text::new(
            line,
            (px(MARGIN), y + offset),
            style(size, BLACK).pos(Pos::new(HPos::Left, VPos::Center)),
        ))
        .map_err(drawing)?;
    }
    Ok(())
}

/// Draws the lanes on an axis of years with a line at each mark (`year_step`).
fn draw_lanes(root: &Area<'_>, layout: &Layout, (first, last): (i32, i32), top: u32) -> Result<()> {
    let lane_count = layout.lane_count();
    let area = root.clone().shrink(
        (MARGIN + LABEL_WIDTH, top),
        (
            WIDTH - 2 * MARGIN - LABEL_WIDTH - 10,
            count(lane_count) * LANE_HEIGHT + AXIS_HEIGHT,
        ),
    );
    // The axis counts months, so an event falls in its month; its marks are years.
    let month = |year: i32| year.saturating_mul(12);
    let (start, end) = (month(first), month(last.saturating_add(1)));
    let step = year_step(first, last, WIDTH - 2 * MARGIN - LABEL_WIDTH - 10);
    let marks: Vec<i32> = (first.div_euclid(step)..=last.div_euclid(step).saturating_add(1))
        .filter_map(|index| index.checked_mul(step))
        .map(month)
        .filter(|mark| (start..=end).contains(mark))
        .collect();
    let mut chart = ChartBuilder::on(&area)
        .x_label_area_size(AXIS_HEIGHT)
        .build_cartesian_2d(
            (start..end).with_key_points(marks),
            0_f64..f64::from(count(lane_count)),
        )
        .map_err(drawing)?;
    chart
        .configure_mesh()
        .disable_y_mesh()
        .y_labels(0)
        .x_label_formatter(&|mark: &i32| mark.div_euclid(12).to_string())
        .x_label_style(style(TEXT_SIZE - 1, BLACK))
        .bold_line_style(RGBColor(0xCC, 0xCC, 0xCC).stroke_width(1))
        .axis_style(BLACK.stroke_width(1))
        .draw()
        .map_err(drawing)?;
    for (index, lane) in layout.lanes().enumerate() {
        let centre = f64::from(count(lane_count - index)) - 0.5;
        let y = chart.backend_coord(&(start, centre)).1;
        draw_lane_label(root, &lane.label, y)?;
        for (from, to) in &lane.spans {
            let left = chart.backend_coord(&(month(*from), centre)).0;
            let right = chart
                .backend_coord(&(month(to.saturating_add(1)), centre))
                .0;
            swatch(root, [(left, y - 5), (right, y + 5)], lane.series)?;
        }
        for year in &lane.events {
            let x = chart.backend_coord(&(*year, centre)).0;
            root.draw(&Circle::new((x, y), 4, lane.series.fill().filled()))
                .map_err(drawing)?;
            root.draw(&Circle::new((x, y), 4, BLACK.stroke_width(1)))
                .map_err(drawing)?;
        }
    }
    Ok(())
}
