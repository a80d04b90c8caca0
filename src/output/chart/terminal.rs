//! The chart over time on a terminal: each panel's plot in characters, its marks labelled and
//! painted by group, the time axis under it, and the key of its labelled marks.

use std::io::Write;

use super::{Axis, Mark, Options, Panel, Years, panels, series_rank, widest_labels};
use crate::dataset::{Dataset, Estimate};
use crate::error::Result;
use crate::output::Settings;
use crate::output::human::{Paint, Role, in_charset, wrap};
use crate::text::escape_control;
/// The fewest columns the plot gets, however narrow the width.
const LEAST_PLOT_WIDTH: usize = 30;

/// The rows of a panel's plot.
const PLOT_HEIGHT: usize = 12;

/// The labels of the marks, in turn; a panel of more figures than these marks the rest `+`.
const LABELS: &str = "123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

/// The characters a chart is drawn with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Glyphs {
    /// Fills a range from its low to its high figure.
    bar: char,
    /// The figure axis.
    upright: char,
    /// A label on the figure axis.
    upright_tick: char,
    /// The time axis.
    across: char,
    /// A label on the time axis.
    across_tick: char,
    /// Where the axes meet.
    corner: char,
}

const UNICODE: Glyphs = Glyphs {
    bar: '│',
    upright: '│',
    upright_tick: '┤',
    across: '─',
    across_tick: '┬',
    corner: '└',
};

const ASCII: Glyphs = Glyphs {
    bar: '|',
    upright: '|',
    upright_tick: '+',
    across: '-',
    across_tick: '+',
    corner: '+',
};

/// The colour of a series in a terminal.
fn role(dataset: &Dataset, series: Option<&str>) -> Role {
    match series_rank(dataset, series) {
        (1, index) => Role::Series(index),
        (0, _) => Role::Heading,
        _ => Role::Note,
    }
}

/// The label of the mark at `index` in its panel.
fn label(index: usize) -> char {
    LABELS.chars().nth(index).unwrap_or('+')
}

/// The columns the chart needs, when the settings' width is less; none when it fits.
pub fn needed_width(
    settings: &Settings,
    dataset: &Dataset,
    estimates: &[&Estimate],
    options: &Options<'_>,
) -> Option<usize> {
    let panels = panels(dataset, estimates, options);
    let least = widest_labels(&panels, options.log, str::len)
        .map_or(0, |labels| labels + 2 + LEAST_PLOT_WIDTH);
    (least > settings.drawing_width()).then_some(least)
}

/// Writes the chart over time fitted to the settings' width (80 columns when unknown): a panel
/// per kind, each with its list of figures.
pub fn chart(
    writer: &mut dyn Write,
    settings: &Settings,
    dataset: &Dataset,
    estimates: &[&Estimate],
    options: &Options<'_>,
) -> Result<()> {
    if estimates.is_empty() {
        return Ok(());
    }
    let paint = Paint {
        enabled: settings.color,
    };
    let width = settings.drawing_width();
    let panels = panels(dataset, estimates, options);
    // A chart of one group names it once, in its title, rather than in every line of its keys.
    let mut series: Vec<Option<&str>> = panels
        .iter()
        .flat_map(|panel| panel.marks.iter().map(Mark::series))
        .collect();
    series.sort_unstable();
    series.dedup();
    let group = match series.as_slice() {
        [Some(id)] => dataset
            .group(id)
            .map(|group| escape_control(&group.name).into_owned()),
        _ => None,
    };
    if settings.header {
        let reach = if options.every_coverage {
            "every figure that passes the filters"
        } else {
            "for all of Russia"
        };
        let scale = Axis::new(options.log, 0, 1).words();
        let subject = group.as_ref().map_or_else(
            || String::from("Figures"),
            |name| format!("{name}: figures"),
        );
        let title = format!("{subject} over time, {reach}, {scale}");
        writeln!(
            writer,
            "{}",
            paint.paint(Role::Heading, &wrap(&title, Some(width), ""))
        )?;
    }
    let years = Years::of(&panels);
    let labels_width = widest_labels(&panels, options.log, str::len).unwrap_or(1);
    for panel in &panels {
        writeln!(writer)?;
        let heading = in_charset(&panel.heading(), settings.unicode).into_owned();
        writeln!(
            writer,
            "{}",
            paint.paint(Role::Heading, &wrap(&heading, Some(width), ""))
        )?;
        match years {
            Some(years) if !panel.marks.is_empty() => {
                let layout = (years, labels_width, group.is_none() || !settings.header);
                write_panel(writer, settings, dataset, panel, layout, options)?;
            }
            _ => {
                let none = "No dated figure of this kind passes the filters.";
                writeln!(
                    writer,
                    "{}",
                    paint.paint(Role::Note, &wrap(none, Some(width), ""))
                )?;
            }
        }
    }
    Ok(())
}

/// One cell of the plot: a character and its colour.
type Cell = (char, Option<Role>);

/// Writes one panel: the plot with its axes, then the key of its marks; its figure labels take
/// `labels_width` columns, the widest of any panel's, and its keys name each mark's group
/// `with_series`.
fn write_panel(
    writer: &mut dyn Write,
    settings: &Settings,
    dataset: &Dataset,
    panel: &Panel,
    (years, labels_width, with_series): (Years, usize, bool),
    options: &Options<'_>,
) -> Result<()> {
    let paint = Paint {
        enabled: settings.color,
    };
    let glyphs = if settings.unicode { UNICODE } else { ASCII };
    let (low, high) = panel.bounds();
    let axis = Axis::new(options.log, low, high);
    let plot_width = settings
        .drawing_width()
        .saturating_sub(labels_width + 2)
        .max(LEAST_PLOT_WIDTH);
    let (cells, keys) = plot(dataset, panel, years, axis, plot_width, glyphs);
    let mut tick_labels: Vec<Option<String>> = vec![None; PLOT_HEIGHT];
    for (fraction, text) in axis.ticks() {
        tick_labels[row_of(fraction)].get_or_insert(text);
    }
    for (row, line) in cells.iter().enumerate() {
        let (label, upright) = match &tick_labels[row] {
            Some(text) => (text.as_str(), glyphs.upright_tick),
            None => ("", glyphs.upright),
        };
        let plot = painted_runs(line, paint);
        let text = format!(
            "{label:>labels_width$} {}{plot}",
            paint.paint(Role::Note, &upright.to_string())
        );
        writeln!(writer, "{}", text.trim_end())?;
    }
    let (line, under) = time_axis(years, plot_width, glyphs);
    let indent = " ".repeat(labels_width);
    writeln!(writer, "{indent} {}", paint.paint(Role::Note, &line))?;
    writeln!(writer, "{indent}  {}", under.trim_end())?;
    writeln!(writer)?;
    for ((character, role), mark) in keys.iter().zip(&panel.marks) {
        let words = in_charset(&mark.words(with_series), settings.unicode).into_owned();
        let wrapped = wrap(&words, Some(settings.drawing_width()), "   ");
        let rest = wrapped.get(3..).unwrap_or_default();
        writeln!(
            writer,
            "{}  {rest}",
            paint.paint(*role, &character.to_string())
        )?;
    }
    Ok(())
}

/// The row of the plot a fraction of the figure axis falls in, from the top.
// A fraction of the plot's height: small, non-negative, rounded.
#[allow(
    clippy::cast_precision_loss,
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss
)]
fn row_of(fraction: f64) -> usize {
    ((1.0 - fraction) * (PLOT_HEIGHT - 1) as f64).round() as usize
}

/// The plot's cells with every mark drawn, and each mark's label and colour for the key.
// A fraction of the plot's width: small, non-negative, rounded down.
#[allow(
    clippy::cast_precision_loss,
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss
)]
fn plot(
    dataset: &Dataset,
    panel: &Panel,
    years: Years,
    axis: Axis,
    plot_width: usize,
    glyphs: Glyphs,
) -> (Vec<Vec<Cell>>, Vec<(char, Role)>) {
    let column_of =
        |when: f64| ((years.fraction(when) * plot_width as f64) as usize).min(plot_width - 1);
    let mut cells: Vec<Vec<Cell>> = vec![vec![(' ', None); plot_width]; PLOT_HEIGHT];
    let mut is_label = vec![vec![false; plot_width]; PLOT_HEIGHT];
    let marks: Vec<(char, Role, usize, usize, usize)> = panel
        .marks
        .iter()
        .enumerate()
        .map(|(index, mark)| {
            (
                label(index),
                role(dataset, mark.series()),
                column_of(mark.when),
                row_of(axis.fraction(mark.estimate.high)),
                row_of(axis.fraction(mark.estimate.low)),
            )
        })
        .collect();
    for (_, role, column, top, bottom) in &marks {
        for row in cells.iter_mut().take(*bottom + 1).skip(*top) {
            row[*column] = (glyphs.bar, Some(*role));
        }
    }
    for (character, role, column, top, _) in &marks {
        // A label that would cover another's moves to the nearest free column of its row.
        let free = (0..plot_width)
            .flat_map(|offset| [column.checked_add(offset), column.checked_sub(offset)])
            .flatten()
            .find(|candidate| *candidate < plot_width && !is_label[*top][*candidate])
            .unwrap_or(*column);
        cells[*top][free] = (*character, Some(*role));
        is_label[*top][free] = true;
    }
    let keys = marks
        .into_iter()
        .map(|(character, role, ..)| (character, role))
        .collect();
    (cells, keys)
}

/// The time axis under a plot: its line with a tick at each labelled year, and the years.
// Years become columns: small, non-negative, rounded.
#[allow(
    clippy::cast_precision_loss,
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss
)]
fn time_axis(years: Years, plot_width: usize, glyphs: Glyphs) -> (String, String) {
    let per_year = plot_width as f64 / f64::from(years.last - years.first + 1);
    let mut line: Vec<char> = vec![glyphs.across; plot_width];
    let mut under: Vec<char> = vec![' '; plot_width];
    for year in years.ticks(per_year, 6.0) {
        let column = (f64::from(year - years.first) * per_year).round() as usize;
        if column < plot_width {
            line[column] = glyphs.across_tick;
        }
        let text = year.to_string();
        if column + text.len() <= plot_width {
            for (offset, character) in text.chars().enumerate() {
                under[column + offset] = character;
            }
        }
    }
    let line = std::iter::once(glyphs.corner).chain(line).collect();
    (line, under.into_iter().collect())
}

/// Cells as text, with one colour code per run of cells of the same role.
fn painted_runs(cells: &[Cell], paint: Paint) -> String {
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
    fn marks_are_labelled_with_digits_then_letters() {
        assert_eq!(label(0), '1');
        assert_eq!(label(9), 'a');
        assert_eq!(label(35), 'A');
        assert_eq!(label(61), '+');
    }
}
