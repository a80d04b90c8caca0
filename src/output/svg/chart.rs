//! The chart as SVG: one panel for each kind of figure, each figure a bar (a range) or a mark (a
//! single figure) on a logarithmic scale with its powers of ten labelled.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::{
    Area, LINE_HEIGHT, LegendEntry, MARGIN, Series, TEXT_SIZE, WIDTH, bold, clean, draw_head,
    drawing, footnote, legend_rows, lines, px, style, swatch,
};
use crate::dataset::{Counts, Dataset, Estimate};
use crate::error::Result;
use crate::output::chart::{Scale, power_label};
use crate::output::human::{fit, period_label};

/// The width of the labels left of the bars, in pixels.
const LABEL_WIDTH: u32 = 270;

/// The width of the figures right of the bars, in pixels.
const FIGURES_WIDTH: u32 = 190;

/// The most characters a label may have before it is cut.
const LABEL_LIMIT: usize = 40;

/// The height of one figure's row, in pixels.
const ROW_HEIGHT: u32 = 18;

/// The height of a panel's heading, in pixels.
const HEADING_HEIGHT: u32 = 26;

/// The height of a panel's scale labels, in pixels.
const SCALE_HEIGHT: u32 = 24;

/// The space after a panel, in pixels.
const PANEL_GAP: u32 = 14;

/// One figure's row before it is drawn.
struct Row {
    /// The group or `total`, and the period in a few characters.
    label: String,
    /// The figures as people read them, qualifiers first.
    figures: String,
    /// Its fill.
    series: Series,
    /// The low figure.
    low: u64,
    /// The high figure.
    high: u64,
}

/// The figures of one kind.
struct Panel {
    /// What they count, in words.
    heading: String,
    /// One row per figure, in the dataset's order.
    rows: Vec<Row>,
}

impl Panel {
    /// How tall the panel is drawn, gap included.
    fn height(&self) -> u32 {
        let rows = u32::try_from(self.rows.len()).unwrap_or(u32::MAX / ROW_HEIGHT);
        HEADING_HEIGHT + rows * ROW_HEIGHT + SCALE_HEIGHT + PANEL_GAP
    }
}

/// The chart laid out: every text decided and every height known before anything is drawn.
struct Layout {
    /// The title.
    title: String,
    /// The lines under the title.
    subtitle: Vec<String>,
    /// The legend of fills, then of shapes.
    legend: Vec<LegendEntry>,
    /// One panel per kind of figure, in the documented order of kinds.
    panels: Vec<Panel>,
    /// The scale every panel shares.
    scale: Scale,
    /// The footnote's lines.
    footnote: Vec<String>,
}

impl Layout {
    /// Lays out the estimates.
    fn new(dataset: &Dataset, estimates: &[&Estimate]) -> Self {
        let panels: Vec<Panel> = Counts::ALL
            .iter()
            .filter_map(|kind| {
                let rows: Vec<Row> = estimates
                    .iter()
                    .filter(|estimate| estimate.counts == *kind)
                    .map(|estimate| row(dataset, estimate))
                    .collect();
                (!rows.is_empty()).then(|| Panel {
                    heading: format!("{} ({})", capitalised(kind.meaning()), kind.name()),
                    rows,
                })
            })
            .collect();
        let lowest = estimates
            .iter()
            .map(|estimate| estimate.low)
            .filter(|low| *low > 0)
            .min()
            .unwrap_or(1);
        let highest = estimates
            .iter()
            .map(|estimate| estimate.high)
            .max()
            .unwrap_or(1);
        let mut series: Vec<Series> = estimates
            .iter()
            .map(|estimate| Series::of(dataset, estimate.group.as_deref()))
            .collect();
        series.sort_by_key(|series| match series {
            Series::Total => (0, 0),
            Series::Group(index) => (1, *index),
            Series::Related => (2, 0),
        });
        series.dedup();
        let legend = series
            .into_iter()
            .map(|series| LegendEntry {
                series,
                words: series_name(dataset, series),
            })
            .collect();
        let cited: Vec<&str> = estimates
            .iter()
            .map(|estimate| estimate.source.as_ref())
            .collect();
        let subtitle = lines(
            "On a logarithmic scale: a bar is a range from its low to its high figure, a diamond a \
             single figure. Each panel holds one kind of figure; figures of different kinds count \
             different things and are not to be compared.",
            WIDTH - 2 * MARGIN,
        );
        Layout {
            title: format!("{}: population figures", clean(&dataset.title)),
            subtitle,
            legend,
            panels,
            scale: Scale::new(lowest, highest, 2),
            footnote: footnote(dataset, &cited),
        }
    }

    /// Where the panels begin, below the title, subtitle and legend.
    fn panels_top(&self) -> u32 {
        let subtitle = u32::try_from(self.subtitle.len()).unwrap_or(0);
        let legend = u32::try_from(legend_rows(&self.legend).len()).unwrap_or(0);
        MARGIN + 30 + subtitle * LINE_HEIGHT + 8 + legend * LINE_HEIGHT + 14
    }

    /// The height of the whole picture.
    fn height(&self) -> u32 {
        let panels: u32 = self.panels.iter().map(Panel::height).sum();
        let footnote = u32::try_from(self.footnote.len()).unwrap_or(0);
        self.panels_top() + panels + footnote * LINE_HEIGHT + MARGIN
    }
}

/// The row of one estimate.
fn row(dataset: &Dataset, estimate: &Estimate) -> Row {
    let group = estimate.group.as_deref().unwrap_or("total");
    let label = format!(
        "{} {}",
        clean(group),
        clean(&period_label(&estimate.period))
    );
    Row {
        label: fit(&label, LABEL_LIMIT, true).trim_end().to_owned(),
        figures: clean(&estimate.figures()),
        series: Series::of(dataset, estimate.group.as_deref()),
        low: estimate.low,
        high: estimate.high,
    }
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

/// Text with its first letter in capitals.
fn capitalised(text: &str) -> String {
    let mut characters = text.chars();
    characters.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(characters).collect()
    })
}

/// The estimates as a standalone SVG picture, with an XML declaration.
pub fn document(dataset: &Dataset, estimates: &[&Estimate]) -> Result<String> {
    Ok(format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n{}",
        picture(dataset, estimates)?
    ))
}

/// The estimates as an SVG element, for a file or a page.
pub fn picture(dataset: &Dataset, estimates: &[&Estimate]) -> Result<String> {
    let layout = Layout::new(dataset, estimates);
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (WIDTH, layout.height())).into_drawing_area();
        root.fill(&WHITE).map_err(drawing)?;
        draw_head(&root, &layout.title, &layout.subtitle, &layout.legend)?;
        let mut top = layout.panels_top();
        for panel in &layout.panels {
            draw_panel(&root, &layout.scale, panel, top)?;
            top += panel.height();
        }
        for line in &layout.footnote {
            root.draw(&Text::new(
                line.clone(),
                (px(MARGIN), px(top)),
                style(TEXT_SIZE - 1, RGBColor(0x44, 0x44, 0x44)),
            ))
            .map_err(drawing)?;
            top += LINE_HEIGHT;
        }
        root.present().map_err(drawing)?;
    }
    Ok(svg)
}

/// Draws one panel: its heading, its scale with a line at each power of ten, and its rows.
// Figures become floats to be placed on a logarithmic scale.
#[allow(clippy::cast_precision_loss)]
fn draw_panel(root: &Area<'_>, scale: &Scale, panel: &Panel, top: u32) -> Result<()> {
    root.draw(&Text::new(
        panel.heading.clone(),
        (px(MARGIN), px(top + 4)),
        bold(15),
    ))
    .map_err(drawing)?;
    let rows = panel.rows.len();
    let area = root.clone().shrink(
        (MARGIN + LABEL_WIDTH, top + HEADING_HEIGHT),
        (
            WIDTH - 2 * MARGIN - LABEL_WIDTH - FIGURES_WIDTH,
            u32::try_from(rows).unwrap_or(0) * ROW_HEIGHT + SCALE_HEIGHT,
        ),
    );
    let powers: Vec<f64> = (scale.low_exponent..=scale.high_exponent)
        .map(|exponent| 10_f64.powi(i32::try_from(exponent).unwrap_or(0)))
        .collect();
    let (left, right) = (powers[0], powers[powers.len() - 1]);
    let mut chart = ChartBuilder::on(&area)
        .x_label_area_size(SCALE_HEIGHT)
        .build_cartesian_2d(
            (left..right).log_scale().with_key_points(powers.clone()),
            0_f64..rows as f64,
        )
        .map_err(drawing)?;
    chart
        .configure_mesh()
        .disable_y_mesh()
        .y_labels(0)
        .x_label_formatter(&|value: &f64| power_label(exponent_of(*value)))
        .x_label_style(style(TEXT_SIZE - 1, BLACK))
        .bold_line_style(RGBColor(0xCC, 0xCC, 0xCC).stroke_width(1))
        .axis_style(BLACK.stroke_width(1))
        .draw()
        .map_err(drawing)?;
    for (index, row) in panel.rows.iter().enumerate() {
        let centre = (rows - index) as f64 - 0.5;
        let place = |figure: u64| chart.backend_coord(&((figure as f64).max(left), centre));
        let (low, high) = (place(row.low), place(row.high));
        let y = low.1;
        if row.low == row.high {
            diamond(root, (low.0, y), row.series)?;
        } else {
            swatch(root, [(low.0, y - 5), (high.0, y + 5)], row.series)?;
        }
        let labels = [
            (&row.label, px(MARGIN), HPos::Left),
            (
                &row.figures,
                px(WIDTH - MARGIN - FIGURES_WIDTH + 8),
                HPos::Left,
            ),
        ];
        for (text, x, anchor) in labels {
            root.draw(&Text::new(
                text.clone(),
                (x, y),
                style(TEXT_SIZE, BLACK).pos(Pos::new(anchor, VPos::Center)),
            ))
            .map_err(drawing)?;
        }
    }
    Ok(())
}

/// Draws a diamond centred on a point, filled and outlined in black.
fn diamond(root: &Area<'_>, (x, y): (i32, i32), series: Series) -> Result<()> {
    let points = vec![(x, y - 6), (x + 6, y), (x, y + 6), (x - 6, y)];
    root.draw(&Polygon::new(points.clone(), series.fill().filled()))
        .map_err(drawing)?;
    let mut outline = points;
    outline.push((x, y - 6));
    root.draw(&PathElement::new(outline, BLACK.stroke_width(1)))
        .map_err(drawing)?;
    Ok(())
}

/// The power of ten a key point of the scale stands at.
// Key points are exact powers of ten from the scale, well inside u32.
#[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
fn exponent_of(value: f64) -> u32 {
    value.log10().round().max(0.0) as u32
}
