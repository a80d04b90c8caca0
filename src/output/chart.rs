//! The chart of population estimates: one range bar per estimate on a logarithmic scale.

use std::io::Write;

use super::Settings;
use super::human::{Paint, Role, display_width, fit, in_charset, period_label};
use crate::dataset::{Dataset, Estimate};
use crate::error::Result;
use crate::text::escape_control;

/// The fewest columns a bar gets, however narrow the width.
const LEAST_BAR_WIDTH: usize = 12;

/// The widest a group label may be before it is cut.
const GROUP_LABEL_LIMIT: usize = 16;

/// The widest a years label may be before it is cut.
const YEARS_LABEL_LIMIT: usize = 12;

/// The characters a chart is drawn with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Glyphs {
    /// Fills a range from its low to its high figure.
    bar: char,
    /// Marks a single figure.
    tick: char,
    /// The line of the scale.
    axis: char,
    /// A power of ten on the line of the scale.
    mark: char,
    /// A power of ten behind the bars.
    grid: char,
}

const UNICODE: Glyphs = Glyphs {
    bar: '█',
    tick: '┃',
    axis: '─',
    mark: '┼',
    grid: '·',
};

const ASCII: Glyphs = Glyphs {
    bar: '#',
    tick: '|',
    axis: '-',
    mark: '+',
    grid: '.',
};

/// A logarithmic scale from one power of ten to another, spread over a number of columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scale {
    /// The power of ten at the left end.
    pub low_exponent: u32,
    /// The power of ten at the right end; always above `low_exponent`.
    pub high_exponent: u32,
    /// How many columns the scale spans.
    pub columns: usize,
}

// Positions on a logarithmic scale are approximate by nature: figures become floats, and
// positions are rounded and clamped to the chart's columns before they become columns again.
#[allow(
    clippy::cast_precision_loss,
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss
)]
impl Scale {
    /// The scale of whole powers of ten that holds every figure from `lowest` to `highest`.
    pub fn new(lowest: u64, highest: u64, columns: usize) -> Self {
        let low_exponent = lowest.max(1).ilog10();
        let highest = highest.max(1);
        let mut high_exponent = highest.ilog10();
        if 10_u64.checked_pow(high_exponent) != Some(highest) {
            high_exponent += 1;
        }
        Scale {
            low_exponent,
            high_exponent: high_exponent.max(low_exponent + 1),
            columns: columns.max(2),
        }
    }

    /// The column a figure falls in; zero falls at the left end.
    pub fn column(&self, figure: u64) -> usize {
        if figure == 0 {
            return 0;
        }
        let decades = f64::from(self.high_exponent - self.low_exponent);
        let position = ((figure as f64).log10() - f64::from(self.low_exponent)) / decades;
        let last = self.columns - 1;
        ((position * last as f64).round().max(0.0) as usize).min(last)
    }

    /// The column of each power of ten on the scale, with its label.
    pub fn marks(&self) -> Vec<(usize, String)> {
        (self.low_exponent..=self.high_exponent)
            .map(|exponent| {
                let decades = f64::from(self.high_exponent - self.low_exponent);
                let position = f64::from(exponent - self.low_exponent) / decades;
                let column = (position * (self.columns - 1) as f64).round() as usize;
                (column, power_label(exponent))
            })
            .collect()
    }
}

/// A power of ten as people read it on a scale: `100`, `1k`, `10M`.
pub fn power_label(exponent: u32) -> String {
    const SUFFIXES: [&str; 5] = ["", "k", "M", "B", "T"];
    match SUFFIXES.get((exponent / 3) as usize) {
        Some(suffix) => format!("{}{suffix}", 10_u64.pow(exponent % 3)),
        None => format!("1e{exponent}"),
    }
}

/// One line of the chart before it is laid out.
struct Line {
    /// The group's id, or `total`, and what the figure counts.
    group: String,
    /// The group's position in the dataset, for its colour; none for the total.
    series: Option<usize>,
    /// The estimate's years.
    years: String,
    /// The estimate's figures as people read them.
    figures: String,
    /// The low figure.
    low: u64,
    /// The high figure.
    high: u64,
}

/// The chart laid out: its lines and the widths of its parts.
struct Layout {
    /// One line per estimate.
    lines: Vec<Line>,
    /// The width of the group labels.
    group_width: usize,
    /// The width of the years labels.
    years_width: usize,
    /// The columns of the bars.
    bar_width: usize,
    /// The scale of the bars.
    scale: Scale,
}

impl Layout {
    /// Lays out the estimates for the settings' width (80 columns when unknown).
    fn new(settings: &Settings, dataset: &Dataset, estimates: &[&Estimate]) -> Self {
        let charset = |text: &str| in_charset(text, settings.unicode).into_owned();
        let lines: Vec<Line> = estimates
            .iter()
            .map(|estimate| Line {
                group: charset(&format!(
                    "{} {}",
                    escape_control(estimate.group.as_deref().unwrap_or("total")),
                    estimate.counts.name()
                )),
                series: estimate.group.as_ref().and_then(|group| {
                    dataset
                        .groups
                        .iter()
                        .position(|candidate| &candidate.id == group)
                }),
                years: charset(&period_label(&estimate.period)),
                figures: charset(&estimate.figures()),
                low: estimate.low,
                high: estimate.high,
            })
            .collect();
        let widest = |texts: &mut dyn Iterator<Item = &String>, limit: usize| {
            texts
                .map(|text| display_width(text))
                .max()
                .unwrap_or(0)
                .min(limit)
        };
        let group_width = widest(&mut lines.iter().map(|line| &line.group), GROUP_LABEL_LIMIT);
        let years_width = widest(&mut lines.iter().map(|line| &line.years), YEARS_LABEL_LIMIT);
        let figures_width = widest(&mut lines.iter().map(|line| &line.figures), usize::MAX);
        // Label, two spaces, bar, two spaces, figures; a label column of spaces lines up the scale.
        let label_width = group_width + 1 + years_width;
        let bar_width = settings
            .drawing_width()
            .saturating_sub(label_width + 2 + 2 + figures_width)
            .max(LEAST_BAR_WIDTH);
        let lowest = lines.iter().map(|line| line.low).min().unwrap_or(1);
        let highest = lines.iter().map(|line| line.high).max().unwrap_or(1);
        Layout {
            scale: Scale::new(lowest, highest, bar_width),
            lines,
            group_width,
            years_width,
            bar_width,
        }
    }

    /// The columns the chart takes with bars of their least width.
    fn least_width(&self) -> usize {
        let figures_width = self
            .lines
            .iter()
            .map(|line| display_width(&line.figures))
            .max()
            .unwrap_or(0);
        self.group_width + 1 + self.years_width + 2 + LEAST_BAR_WIDTH + 2 + figures_width
    }

    /// The spaces before the scale, as wide as a label and its gap.
    fn indent(&self) -> String {
        " ".repeat(self.group_width + 1 + self.years_width + 2)
    }
}

/// The columns the chart of these estimates needs, when the settings' width is less; none when
/// it fits.
pub fn needed_width(
    settings: &Settings,
    dataset: &Dataset,
    estimates: &[&Estimate],
) -> Option<usize> {
    let least = Layout::new(settings, dataset, estimates).least_width();
    (least > settings.drawing_width()).then_some(least)
}

/// Writes the estimates as a chart fitted to the settings' width (80 columns when unknown).
pub fn chart(
    writer: &mut dyn Write,
    settings: &Settings,
    dataset: &Dataset,
    estimates: &[&Estimate],
) -> Result<()> {
    if estimates.is_empty() {
        return Ok(());
    }
    let paint = Paint {
        enabled: settings.color,
    };
    let glyphs = if settings.unicode { UNICODE } else { ASCII };
    let layout = Layout::new(settings, dataset, estimates);
    let marks = layout.scale.marks();
    let indent = layout.indent();
    if settings.header {
        let title = "Population estimates, on a logarithmic scale";
        writeln!(writer, "{}", paint.paint(Role::Heading, title))?;
        writeln!(writer)?;
    }
    let labels = scale_labels(&marks, layout.bar_width);
    writeln!(writer, "{}", format!("{indent}{labels}").trim_end())?;
    let mut axis: Vec<char> = vec![glyphs.axis; layout.bar_width];
    for (column, _) in &marks {
        axis[*column] = glyphs.mark;
    }
    let axis: String = axis.iter().collect();
    writeln!(writer, "{indent}{}", paint.paint(Role::Note, &axis))?;
    for line in &layout.lines {
        write_line(writer, settings, &layout, line, &marks, glyphs)?;
    }
    writeln!(writer)?;
    let bar_sample: String = std::iter::repeat_n(glyphs.bar, 3).collect();
    let legend = format!(
        "{} a single figure   {bar_sample} a range from low to high",
        glyphs.tick
    );
    writeln!(writer, "{}", paint.paint(Role::Note, &legend))?;
    Ok(())
}

/// Writes one estimate's line: its label, its bar over the grid, and its figures.
fn write_line(
    writer: &mut dyn Write,
    settings: &Settings,
    layout: &Layout,
    line: &Line,
    marks: &[(usize, String)],
    glyphs: Glyphs,
) -> Result<()> {
    let paint = Paint {
        enabled: settings.color,
    };
    let role = line.series.map_or(Role::Heading, Role::Series);
    let mut cells: Vec<(char, Option<Role>)> = vec![(' ', None); layout.bar_width];
    for (column, _) in marks {
        cells[*column] = (glyphs.grid, Some(Role::Note));
    }
    let (start, end) = (
        layout.scale.column(line.low),
        layout.scale.column(line.high),
    );
    if line.low == line.high {
        cells[start] = (glyphs.tick, Some(role));
    } else {
        for cell in &mut cells[start..=end] {
            *cell = (glyphs.bar, Some(role));
        }
    }
    let label = format!(
        "{} {}",
        fit(&line.group, layout.group_width, settings.unicode),
        fit(&line.years, layout.years_width, settings.unicode)
    );
    let label = in_charset(&label, settings.unicode);
    let bar = painted_runs(&cells, paint);
    writeln!(
        writer,
        "{}  {bar}  {}",
        paint.paint(role, &label),
        paint.paint(Role::Figure, &line.figures)
    )?;
    Ok(())
}

/// The labels of the scale's marks, each centred on its column where there is room for it.
fn scale_labels(marks: &[(usize, String)], bar_width: usize) -> String {
    let widest = marks
        .iter()
        .map(|(_, label)| label.len())
        .max()
        .unwrap_or(0);
    let mut row: Vec<char> = vec![' '; bar_width + widest];
    let mut free_from = 0;
    for (column, label) in marks {
        let start = column.saturating_sub(label.len() / 2);
        if start < free_from || start + label.len() > row.len() {
            continue;
        }
        for (offset, character) in label.chars().enumerate() {
            row[start + offset] = character;
        }
        free_from = start + label.len() + 1;
    }
    row.iter().collect()
}

/// Cells as text, with one colour code per run of cells of the same role.
fn painted_runs(cells: &[(char, Option<Role>)], paint: Paint) -> String {
    let mut text = String::new();
    let mut index = 0;
    while index < cells.len() {
        let role = cells[index].1;
        let run: String = cells[index..]
            .iter()
            .take_while(|cell| cell.1 == role)
            .map(|cell| cell.0)
            .collect();
        index += run.chars().count();
        match role {
            Some(role) => text.push_str(&paint.paint(role, &run)),
            None => text.push_str(&run),
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_scale_spans_whole_powers_of_ten() {
        let scale = Scale::new(100, 20_000, 31);
        assert_eq!((scale.low_exponent, scale.high_exponent), (2, 5));
        assert_eq!(scale.column(100), 0);
        assert_eq!(scale.column(1000), 10);
        assert_eq!(scale.column(10_000), 20);
        assert_eq!(scale.column(100_000), 30);
        assert_eq!(scale.column(0), 0);
        let exact = Scale::new(1000, 10_000, 11);
        assert_eq!((exact.low_exponent, exact.high_exponent), (3, 4));
        let single = Scale::new(500, 500, 11);
        assert_eq!((single.low_exponent, single.high_exponent), (2, 3));
        let huge = Scale::new(0, u64::MAX, 40);
        assert_eq!((huge.low_exponent, huge.high_exponent), (0, 20));
        assert_eq!(huge.column(u64::MAX), 38);
    }

    #[test]
    fn powers_of_ten_read_naturally() {
        let labels: Vec<String> = (0..=7).map(power_label).collect();
        assert_eq!(labels, ["1", "10", "100", "1k", "10k", "100k", "1M", "10M"]);
        assert_eq!(power_label(20), "1e20");
    }

    #[test]
    fn labels_that_would_touch_are_left_out() {
        let marks = vec![
            (0, String::from("100")),
            (2, String::from("1k")),
            (6, String::from("10k")),
        ];
        assert_eq!(scale_labels(&marks, 8).trim_end(), "100  10k");
    }
}
