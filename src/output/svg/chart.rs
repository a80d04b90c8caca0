//! The chart over time as SVG: years across, the figure up, one panel for each kind of figure,
//! each figure a point (a single figure) or a bar (a range) in its group's colour, hollow when a
//! party to the conflict made it, with a `<title>` saying what it is, who made it and where it
//! was read. Plotters draws the axes and the words; the marks, which carry their titles, are
//! written beside them.

use std::io::Write;

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::{
    Area, DECLARATION, LINE_HEIGHT, LegendEntry, MARGIN, Series, TEXT_SIZE, WIDTH, bold, clean,
    draw, draw_head, drawing, footnote, legend_rows, lines, px, style, text_width,
};
use crate::dataset::{Dataset, Estimate};
use crate::error::Result;
use crate::output::chart::{
    Axis, Mark, Options, Panel, Years, panels, series_order, widest_labels,
};

/// The width of the chart as a file of its own, in pixels: a slide's.
pub const FILE_WIDTH: u32 = 1280;

/// The height of a panel's heading, in pixels.
const HEADING_HEIGHT: u32 = 30;

/// The height of a panel's plot, in pixels.
const PLOT_HEIGHT: u32 = 280;

/// The height of the year labels under a plot, in pixels.
const YEARS_HEIGHT: u32 = 30;

/// The space after a panel, in pixels.
const PANEL_GAP: u32 = 18;

/// The radius of a point, in pixels.
const POINT_RADIUS: i32 = 6;

/// Half the width of a bar, in pixels.
const BAR_HALF_WIDTH: i32 = 4;

/// The grey of the grid.
const GRID: RGBColor = RGBColor(0xDD, 0xDD, 0xDD);

/// The chart laid out: every text decided and every height known before anything is drawn.
struct Layout<'a> {
    /// The picture's width.
    width: u32,
    /// The title.
    title: String,
    /// The lines under the title.
    subtitle: Vec<String>,
    /// The series of the legend of colours, by the group each counts (none for the total); the
    /// entries are made as they are drawn.
    series: Vec<Option<&'a str>>,
    /// How many rows the legend of colours takes.
    legend_rows: u32,
    /// One panel per kind of figure asked for.
    panels: Vec<Panel<'a>>,
    /// The years across, shared by every panel; none when nothing is dated.
    years: Option<Years>,
    /// Whether the figure axes are logarithmic.
    log: bool,
    /// The footnote's lines.
    footnote: Vec<String>,
}

impl<'a> Layout<'a> {
    /// Lays out the estimates at a width.
    fn new(
        dataset: &Dataset,
        estimates: &[&'a Estimate<'a>],
        options: &Options<'a>,
        width: u32,
    ) -> Self {
        let panels = panels(dataset, estimates, options);
        let drawn: Vec<&Estimate> = panels
            .iter()
            .flat_map(|panel| panel.marks.iter().map(|mark| mark.estimate))
            .collect();
        let cited: Vec<&str> = drawn
            .iter()
            .map(|estimate| estimate.source.as_ref())
            .collect();
        let reach = if options.every_coverage {
            "Every figure that passes the filters"
        } else {
            "Figures for all of Russia (a part of it only where a group has nothing wider)"
        };
        let scale = Axis::new(options.log, 0, 1).words();
        let subtitle = lines(
            &format!(
                "{reach}, {scale}. A point is a single figure, a bar a range from its low to its \
                 high figure, drawn at the date the figure reaches; point at a mark for its \
                 figure, period, who made it and its source. Each panel holds one kind of figure."
            ),
            width - 2 * MARGIN,
        );
        // The chart of one group is titled with the group's name, any other with the dataset's.
        let series: Vec<Option<&'a str>> = series_order(dataset, &drawn);
        let subject = match series.as_slice() {
            [Some(id)] => dataset
                .group(id)
                .map_or_else(|| clean(&dataset.title), |group| clean(&group.name)),
            _ => clean(&dataset.title),
        };
        let title = match panels.as_slice() {
            [panel] => format!("{subject}: {} over time", panel.counts.meaning()),
            _ => format!("{subject}: figures over time"),
        };
        Layout {
            width,
            title,
            subtitle,
            legend_rows: legend_rows(legend(dataset, &series)),
            series,
            years: Years::of(&panels),
            panels,
            log: options.log,
            footnote: footnote(dataset, &cited, options.figures_to),
        }
    }

    /// Where the marker legend is drawn, under the legend of colours.
    fn markers_top(&self) -> u32 {
        let subtitle = u32::try_from(self.subtitle.len()).unwrap_or(0);
        MARGIN + 30 + subtitle * LINE_HEIGHT + 8 + self.legend_rows * LINE_HEIGHT
    }

    /// Where the panels begin, below the title, subtitle and legends.
    fn panels_top(&self) -> u32 {
        self.markers_top() + LINE_HEIGHT + 16
    }

    /// How tall a panel is drawn, gap included.
    fn panel_height(&self, panel: &Panel) -> u32 {
        if panel.marks.is_empty() || self.years.is_none() {
            HEADING_HEIGHT + LINE_HEIGHT + PANEL_GAP
        } else {
            HEADING_HEIGHT + PLOT_HEIGHT + YEARS_HEIGHT + PANEL_GAP
        }
    }

    /// Whether there is nothing to draw.
    fn is_empty(&self) -> bool {
        self.panels.iter().all(|panel| panel.marks.is_empty())
    }

    /// The height of the whole picture.
    fn height(&self) -> u32 {
        let panels: u32 = if self.is_empty() {
            2 * LINE_HEIGHT
        } else {
            self.panels
                .iter()
                .map(|panel| self.panel_height(panel))
                .sum()
        };
        let footnote = u32::try_from(self.footnote.len()).unwrap_or(0);
        self.panels_top() + panels + footnote * LINE_HEIGHT + MARGIN
    }
}

/// The legend of colours, an entry for each series, made as it is drawn.
fn legend<'s>(
    dataset: &'s Dataset,
    series: &'s [Option<&str>],
) -> impl Iterator<Item = LegendEntry> + 's {
    series.iter().map(|group| {
        let series = Series::of(dataset, *group);
        LegendEntry {
            series,
            words: series_name(dataset, series),
        }
    })
}

/// The words of a series in the legend.
fn series_name(dataset: &Dataset, series: Series) -> String {
    match series {
        Series::Total => String::from("all North Koreans in Russia (total)"),
        Series::Group(index) => dataset.groups.get(index).map_or_else(String::new, |group| {
            clean(&format!("{} ({})", group.name, group.id))
        }),
        Series::Related => String::from("a related population"),
    }
}

/// Writes the estimates over time as a standalone SVG picture of a slide's width, with an XML
/// declaration; with nothing to draw, a picture that says so.
pub fn document(
    writer: &mut dyn Write,
    dataset: &Dataset,
    estimates: &[&Estimate],
    options: &Options<'_>,
) -> Result<()> {
    writer.write_all(DECLARATION.as_bytes())?;
    picture(writer, dataset, estimates, options, FILE_WIDTH)
}

/// Writes the estimates over time as an SVG element `width` pixels wide, for a file or a page,
/// as it is drawn.
pub fn picture(
    writer: &mut dyn Write,
    dataset: &Dataset,
    estimates: &[&Estimate],
    options: &Options<'_>,
    width: u32,
) -> Result<()> {
    let width = width.max(WIDTH);
    let layout = Layout::new(dataset, estimates, options, width);
    // Each panel's plot, where it has one: the panels are drawn first and their marks after.
    let mut plots: Vec<Option<Plot>> = Vec::new();
    let mut top = layout.panels_top();
    if !layout.is_empty() {
        for panel in &layout.panels {
            plots.push(match layout.years {
                Some(years) if !panel.marks.is_empty() => {
                    Some(Plot::new(&layout, panel, years, top))
                }
                _ => None,
            });
            top += layout.panel_height(panel);
        }
    }
    let size = (width, layout.height());
    draw(
        writer,
        size,
        |root| draw_layout(root, dataset, &layout, &plots),
        // The marks go last, over the grid, each with its title for a reader who points at it.
        |writer| {
            for (plot, panel) in plots.iter().zip(&layout.panels) {
                if let Some(plot) = plot {
                    write_marks(writer, dataset, plot, panel)?;
                }
            }
            Ok(())
        },
    )
}

/// Draws the chart laid out, but its marks: its head, the panels with their plots (`plots`, one
/// for each panel drawn), and the footnote.
fn draw_layout(
    root: &Area<'_>,
    dataset: &Dataset,
    layout: &Layout,
    plots: &[Option<Plot>],
) -> Result<()> {
    let legend = legend(dataset, &layout.series);
    draw_head(root, &layout.title, &layout.subtitle, legend)?;
    draw_markers(root, layout.markers_top())?;
    let mut top = layout.panels_top();
    for (plot, panel) in plots.iter().zip(&layout.panels) {
        if let Some(plot) = plot {
            draw_panel(root, plot, panel)?;
        } else {
            draw_heading(root, panel, top)?;
            root.draw(&Text::new(
                "No dated figure of this kind passes the filters.",
                (px(MARGIN), px(top + HEADING_HEIGHT)),
                style(TEXT_SIZE, BLACK),
            ))
            .map_err(drawing)?;
        }
        top += layout.panel_height(panel);
    }
    if layout.is_empty() {
        root.draw(&Text::new(
            "No figure matches the filters: nothing to draw.",
            (px(MARGIN), px(top)),
            style(TEXT_SIZE, BLACK),
        ))
        .map_err(drawing)?;
        top += 2 * LINE_HEIGHT;
    }
    for line in &layout.footnote {
        root.draw(&Text::new(
            line.as_str(),
            (px(MARGIN), px(top)),
            style(TEXT_SIZE - 1, RGBColor(0x44, 0x44, 0x44)),
        ))
        .map_err(drawing)?;
        top += LINE_HEIGHT;
    }
    Ok(())
}

/// Draws the legend of marks: a point, a bar, and the hollow mark of a party to the conflict.
fn draw_markers(root: &Area<'_>, top: u32) -> Result<()> {
    let grey = RGBColor(0x55, 0x55, 0x55);
    let y = px(top) + 7;
    let mut x = px(MARGIN) + 6;
    let entries = [
        (0, "a single figure"),
        (1, "a range from low to high"),
        (2, "made by a party to the conflict (hollow)"),
    ];
    for (shape, words) in entries {
        match shape {
            0 => root
                .draw(&Circle::new((x, y), POINT_RADIUS, grey.filled()))
                .map_err(drawing)?,
            1 => root
                .draw(&Rectangle::new(
                    [(x - BAR_HALF_WIDTH, y - 8), (x + BAR_HALF_WIDTH, y + 8)],
                    grey.filled(),
                ))
                .map_err(drawing)?,
            _ => root
                .draw(&Circle::new((x, y), POINT_RADIUS, grey.stroke_width(2)))
                .map_err(drawing)?,
        }
        root.draw(&Text::new(
            words.to_owned(),
            (x + 12, y),
            style(TEXT_SIZE, BLACK).pos(Pos::new(HPos::Left, VPos::Center)),
        ))
        .map_err(drawing)?;
        x += 12 + px(text_width(words, TEXT_SIZE)) + 28;
    }
    Ok(())
}

/// Where a panel's plot is, and how figures and times become pixels.
struct Plot {
    /// The panel's top.
    top: u32,
    /// The plot's left edge.
    left: i32,
    /// The plot's right edge.
    right: i32,
    /// The plot's top edge.
    upper: i32,
    /// The plot's bottom edge.
    lower: i32,
    /// The figure axis.
    axis: Axis,
    /// The time axis.
    years: Years,
}

// Fractions of the plot become pixels: small, rounded.
#[allow(clippy::cast_possible_truncation, clippy::cast_precision_loss)]
impl Plot {
    /// The plot of a panel whose top is at `top`.
    fn new(layout: &Layout, panel: &Panel, years: Years, top: u32) -> Self {
        let (low, high) = panel.bounds();
        let axis = Axis::new(layout.log, low, high);
        let labels = widest_labels(&layout.panels, layout.log, |label| {
            text_width(label, TEXT_SIZE)
        })
        .unwrap_or(0);
        Plot {
            top,
            left: px(MARGIN + labels + 12),
            right: px(layout.width - MARGIN - 12),
            upper: px(top + HEADING_HEIGHT),
            lower: px(top + HEADING_HEIGHT + PLOT_HEIGHT),
            axis,
            years,
        }
    }

    /// The x of a time.
    fn x(&self, when: f64) -> i32 {
        self.left + (self.years.fraction(when) * f64::from(self.right - self.left)).round() as i32
    }

    /// The y of a figure.
    fn y(&self, figure: u64) -> i32 {
        self.y_of(self.axis.fraction(figure))
    }

    /// The y of a fraction of the figure axis.
    fn y_of(&self, fraction: f64) -> i32 {
        self.lower - (fraction * f64::from(self.lower - self.upper)).round() as i32
    }
}

/// Draws a panel's heading.
fn draw_heading(root: &Area<'_>, panel: &Panel, top: u32) -> Result<()> {
    root.draw(&Text::new(panel.heading(), (px(MARGIN), px(top)), bold(15)))
        .map_err(drawing)?;
    Ok(())
}

/// Draws one panel: its heading, its figure axis with a line at each label, and its years.
// Years become fractions of the axis.
#[allow(clippy::cast_precision_loss)]
fn draw_panel(root: &Area<'_>, plot: &Plot, panel: &Panel) -> Result<()> {
    draw_heading(root, panel, plot.top)?;
    for (fraction, label) in plot.axis.ticks() {
        let y = plot.y_of(fraction);
        root.draw(&PathElement::new(
            vec![(plot.left, y), (plot.right, y)],
            GRID.stroke_width(1),
        ))
        .map_err(drawing)?;
        root.draw(&Text::new(
            label,
            (plot.left - 8, y),
            style(TEXT_SIZE, BLACK).pos(Pos::new(HPos::Right, VPos::Center)),
        ))
        .map_err(drawing)?;
    }
    let years = plot.years;
    let span = f64::from(years.last - years.first + 1);
    let per_year = f64::from(plot.right - plot.left) / span;
    for year in years.ticks(per_year, f64::from(text_width("2000", TEXT_SIZE) + 16)) {
        let x = plot.x(f64::from(year));
        root.draw(&PathElement::new(
            vec![(x, plot.lower), (x, plot.lower + 6)],
            BLACK.stroke_width(1),
        ))
        .map_err(drawing)?;
        if year <= years.last {
            root.draw(&Text::new(
                year.to_string(),
                (plot.x(f64::from(year) + 0.5), plot.lower + 8),
                style(TEXT_SIZE, BLACK).pos(Pos::new(HPos::Center, VPos::Top)),
            ))
            .map_err(drawing)?;
        }
    }
    root.draw(&PathElement::new(
        vec![
            (plot.left, plot.upper),
            (plot.left, plot.lower),
            (plot.right, plot.lower),
        ],
        BLACK.stroke_width(1),
    ))
    .map_err(drawing)?;
    Ok(())
}

/// Writes the marks of a panel as SVG, each in a group with its title; marks that would hide
/// one another move a little to the right.
fn write_marks(svg: &mut dyn Write, dataset: &Dataset, plot: &Plot, panel: &Panel) -> Result<()> {
    let mut placed: Vec<(i32, i32, i32)> = Vec::new();
    for mark in &panel.marks {
        let estimate = mark.estimate;
        let (upper, lower) = (plot.y(estimate.high), plot.y(estimate.low));
        let mut x = plot.x(mark.when);
        for _ in 0..12 {
            let hidden = placed.iter().any(|(other, other_upper, other_lower)| {
                (x - other).abs() < 2 * POINT_RADIUS
                    && upper - POINT_RADIUS <= other_lower + POINT_RADIUS
                    && *other_upper - POINT_RADIUS <= lower + POINT_RADIUS
            });
            if !hidden {
                break;
            }
            x += 2 * POINT_RADIUS - 2;
        }
        placed.push((x, upper, lower));
        let colour = Series::of(dataset, mark.series()).fill();
        let colour = format!("#{:02X}{:02X}{:02X}", colour.0, colour.1, colour.2);
        let (fill, stroke, stroke_width) = if estimate.party_to_conflict {
            ("#FFFFFF", colour.as_str(), "3")
        } else {
            (colour.as_str(), "#000000", "1")
        };
        write!(
            svg,
            "<g class=\"figure\"><title>{}</title>",
            escape(&tooltip(dataset, mark))
        )?;
        let hollow = estimate.party_to_conflict;
        if estimate.low == estimate.high {
            // A hollow mark keeps a thin black edge, so a light colour still stands out on white.
            if hollow {
                write!(
                    svg,
                    "<circle cx=\"{x}\" cy=\"{upper}\" r=\"{}\" fill=\"none\" stroke=\"#000000\" stroke-width=\"1\"/>",
                    POINT_RADIUS + 2
                )?;
            }
            write!(
                svg,
                "<circle cx=\"{x}\" cy=\"{upper}\" r=\"{POINT_RADIUS}\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"{stroke_width}\"/>"
            )?;
        } else {
            let height = (lower - upper).max(2);
            if hollow {
                write!(
                    svg,
                    "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"none\" stroke=\"#000000\" stroke-width=\"1\"/>",
                    x - BAR_HALF_WIDTH - 2,
                    upper - 2,
                    2 * BAR_HALF_WIDTH + 4,
                    height + 4
                )?;
            }
            write!(
                svg,
                "<rect x=\"{}\" y=\"{upper}\" width=\"{}\" height=\"{height}\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"{stroke_width}\"/>",
                x - BAR_HALF_WIDTH,
                2 * BAR_HALF_WIDTH,
            )?;
        }
        svg.write_all(b"</g>\n")?;
    }
    Ok(())
}

/// A mark's figure in words, its period, who made it and its source, for its title.
fn tooltip(dataset: &Dataset, mark: &Mark) -> String {
    let estimate = mark.estimate;
    let series = Series::of(dataset, mark.series());
    let mut words = format!(
        "{} {}: {}, {}",
        estimate.figures(),
        estimate.counts.meaning(),
        series_name(dataset, series),
        estimate.period.text
    );
    if let Some(region) = mark.place {
        words.push_str(", in ");
        words.push_str(region);
    }
    words.push_str(". Made by ");
    words.push_str(&estimate.attributed_to);
    if estimate.party_to_conflict {
        words.push_str(", a party to the conflict");
    }
    words.push_str(". Source: ");
    words.push_str(&estimate.source);
    words.push('.');
    clean(&words)
}

/// Text escaped for XML character data and attribute values.
fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for character in text.chars() {
        match character {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&apos;"),
            other => escaped.push(other),
        }
    }
    escaped
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_a_title_stays_text() {
        assert_eq!(
            escape("<script>\"a\" & 'b'</script>"),
            "&lt;script&gt;&quot;a&quot; &amp; &apos;b&apos;&lt;/script&gt;"
        );
    }
}
