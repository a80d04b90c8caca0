//! The chart and the timeline as standalone SVG pictures, drawn with plotters and written as they
//! are drawn (`backend`): what both share (the palette of groups, text made safe for XML, the
//! legend and the footnote).

pub mod backend;
pub mod chart;
pub mod timeline;

use std::collections::HashSet;
use std::io::{self, Write};

use plotters::prelude::*;
use plotters_backend::DrawingErrorKind;

use self::backend::{Backend, END};

use super::human::wrap;
use crate::dataset::{Dataset, Date};
use crate::error::Error;
use crate::error::Result;
use crate::query;
use crate::text::escape_control;

/// The width of every picture, in pixels; it scales down in a narrower page.
pub const WIDTH: u32 = 960;

/// The family every text is set in; the viewer picks its own sans-serif face.
const FONT: &str = "sans-serif";

/// The size of ordinary text, in pixels.
const TEXT_SIZE: u32 = 13;

/// The height of a line of ordinary text, in pixels.
const LINE_HEIGHT: u32 = 17;

/// The margin around a picture, in pixels.
const MARGIN: u32 = 16;

/// The fills of the groups in turn: Paul Tol's high-contrast scheme and a light blue, chosen
/// so that each stays apart from the others and from black and white in greyscale print.
const GROUP_FILLS: [RGBColor; 4] = [
    RGBColor(0x00, 0x44, 0x88),
    RGBColor(0xBB, 0x55, 0x66),
    RGBColor(0xDD, 0xAA, 0x33),
    RGBColor(0x99, 0xDD, 0xFF),
];

/// What a bar or mark stands for, which decides its fill.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Series {
    /// All North Koreans in Russia: black.
    Total,
    /// The group at this position in the dataset: a colour of [`GROUP_FILLS`].
    Group(usize),
    /// A related population, apart from the North Koreans in Russia: white, outlined.
    Related,
}

impl Series {
    /// The series of a group id, a related population's id, or none for the total.
    pub fn of(dataset: &Dataset, group: Option<&str>) -> Self {
        match group {
            None => Series::Total,
            Some(id) => dataset
                .group_position(id)
                .map_or(Series::Related, Series::Group),
        }
    }

    /// The colour a bar or mark of the series is filled with; every one is outlined in black.
    pub fn fill(self) -> RGBColor {
        match self {
            Series::Total => BLACK,
            Series::Group(index) => GROUP_FILLS[index % GROUP_FILLS.len()],
            Series::Related => WHITE,
        }
    }
}

/// Dataset text made safe for a picture: control characters shown as escapes, and the two
/// characters XML forbids that are neither controls nor surrogates replaced. Plotters escapes
/// the markup characters itself.
pub fn clean(text: &str) -> String {
    escape_control(text)
        .chars()
        .map(|character| match character {
            '\u{FFFE}' | '\u{FFFF}' => '\u{FFFD}',
            other => other,
        })
        .collect()
}

/// An estimate of how wide a text is at a size, in pixels, for laying out; the viewer's font
/// decides the real width.
// Pixel sizes are small whole numbers; the estimate is rounded up.
#[allow(
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss,
    clippy::cast_precision_loss
)]
pub fn text_width(text: &str, size: u32) -> u32 {
    let characters = text.chars().count() as f64;
    (characters * f64::from(size) * 0.6).ceil() as u32
}

/// Text broken into lines of at most `width` pixels at ordinary size.
pub fn lines(text: &str, width: u32) -> Vec<String> {
    let characters = (width * 10 / (TEXT_SIZE * 6)).max(20) as usize;
    wrap(text, Some(characters), "")
        .lines()
        .map(str::to_owned)
        .collect()
}

/// The footnote of a picture: the publishers of its sources and the dataset's version and dates
/// (how far the figures it answers from run, `figures_to`), broken into lines that fit the
/// picture.
pub fn footnote(dataset: &Dataset, cited: &[&str], figures_to: Option<Date>) -> Vec<String> {
    let mut publishers: Vec<&str> = Vec::new();
    let mut seen: HashSet<&str> = HashSet::new();
    for id in cited {
        if let Some(source) = query::source_by_id(dataset, id) {
            let publisher = source.publisher.as_ref();
            if seen.insert(publisher) {
                publishers.push(publisher);
            }
        }
    }
    let sources = if publishers.is_empty() {
        String::from("Sources: none")
    } else {
        format!("Sources: {}.", publishers.join("; "))
    };
    let reach = figures_to.map_or_else(
        || String::from("no dated figures"),
        |date| format!("figures to {date}"),
    );
    let version = format!(
        "{}: dataset {}, {reach}, as of {}. Made with nkru {}.",
        dataset.title,
        dataset.version,
        dataset.as_of,
        env!("CARGO_PKG_VERSION")
    );
    let width = WIDTH - 2 * MARGIN;
    let mut lines = lines(&clean(&sources), width);
    lines.extend(self::lines(&clean(&version), width));
    lines
}

/// The style of ordinary text in a colour.
fn style(size: u32, colour: RGBColor) -> TextStyle<'static> {
    (FONT, f64::from(size) * 1.24).into_font().color(&colour)
}

/// The style of bold text.
fn bold(size: u32) -> TextStyle<'static> {
    (FONT, f64::from(size) * 1.24, FontStyle::Bold)
        .into_font()
        .color(&BLACK)
}

/// A drawing error as nkru's error: a failed write stays the writer's error, so a closed pipe
/// still ends nkru quietly; anything else is a bug.
fn drawing(error: DrawingAreaErrorKind<io::Error>) -> Error {
    match error {
        DrawingAreaErrorKind::BackendError(DrawingErrorKind::DrawingError(error)) => {
            Error::Io(error)
        }
        other => Error::Io(io::Error::other(format!(
            "cannot draw the picture: {other}"
        ))),
    }
}

/// The declaration that begins a standalone picture.
pub const DECLARATION: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

/// Writes an SVG element of `size` pixels as it is drawn: a white ground, what `picture` draws,
/// then what `last` writes as it is, and the element's end.
pub fn draw(
    writer: &mut dyn Write,
    size: (u32, u32),
    picture: impl FnOnce(&Area<'_>) -> Result<()>,
    last: impl FnOnce(&mut dyn Write) -> Result<()>,
) -> Result<()> {
    {
        let root = Backend::new(writer, size)?.into_drawing_area();
        root.fill(&WHITE).map_err(drawing)?;
        picture(&root)?;
    }
    last(writer)?;
    writer.write_all(END.as_bytes())?;
    Ok(())
}

/// Writes a standalone SVG picture with nothing to draw: a title and one line saying why, so that
/// a file or page that expects a picture still gets one.
pub fn nothing(writer: &mut dyn Write, title: &str, message: &str) -> Result<()> {
    writer.write_all(DECLARATION.as_bytes())?;
    let size = (WIDTH, 2 * MARGIN + 30 + LINE_HEIGHT);
    draw(
        writer,
        size,
        |root| draw_head(root, &clean(title), &[clean(message)], std::iter::empty()),
        |_| Ok(()),
    )
}

/// A pixel measure as plotters' coordinate.
pub fn px(value: u32) -> i32 {
    i32::try_from(value).unwrap_or(i32::MAX)
}

/// The drawing area of a whole picture, in pixels from its top left corner.
pub type Area<'a> = DrawingArea<Backend<'a>, plotters::coord::Shift>;

/// Draws the title, the subtitle and the legend, whose entries are made as they are drawn.
pub fn draw_head(
    root: &Area<'_>,
    title: &str,
    subtitle: &[String],
    legend: impl Iterator<Item = LegendEntry>,
) -> Result<()> {
    root.draw(&Text::new(title, (px(MARGIN), px(MARGIN)), bold(20)))
        .map_err(drawing)?;
    let mut y = MARGIN + 30;
    for line in subtitle {
        root.draw(&Text::new(
            line.as_str(),
            (px(MARGIN), px(y)),
            style(TEXT_SIZE, BLACK),
        ))
        .map_err(drawing)?;
        y += LINE_HEIGHT;
    }
    y += 8;
    for (x, row, entry) in legend_places(legend) {
        let (x, top) = (px(x), px(y + row * LINE_HEIGHT));
        swatch(root, [(x, top + 2), (x + 12, top + 12)], entry.series)?;
        root.draw(&Text::new(
            entry.words.as_str(),
            (x + 18, top),
            style(TEXT_SIZE, BLACK),
        ))
        .map_err(drawing)?;
    }
    Ok(())
}

/// Draws a filled rectangle outlined in black.
pub fn swatch(root: &Area<'_>, corners: [(i32, i32); 2], series: Series) -> Result<()> {
    root.draw(&Rectangle::new(corners, series.fill().filled()))
        .map_err(drawing)?;
    root.draw(&Rectangle::new(corners, BLACK.stroke_width(1)))
        .map_err(drawing)?;
    Ok(())
}

/// One entry of a legend: a swatch, drawn by the caller, and its words.
pub struct LegendEntry {
    /// The fill of the swatch.
    pub series: Series,
    /// What it stands for.
    pub words: String,
}

/// Places the legend's entries, as they come, in rows that fit the picture: each with the x of
/// its swatch and its row, counted from 0.
pub fn legend_places(
    entries: impl Iterator<Item = LegendEntry>,
) -> impl Iterator<Item = (u32, u32, LegendEntry)> {
    let (mut x, mut row, mut first) = (MARGIN, 0, true);
    entries.map(move |entry| {
        let width = 18 + text_width(&entry.words, TEXT_SIZE) + 20;
        // An entry too wide for what is left of a row begins the next, unless the row is empty.
        if x + width > WIDTH - MARGIN && !first {
            row += 1;
            x = MARGIN;
        }
        first = false;
        let place = (x, row, entry);
        x += width;
        place
    })
}

/// How many rows the legend's entries take: one at least, even for none.
pub fn legend_rows(entries: impl Iterator<Item = LegendEntry>) -> u32 {
    legend_places(entries)
        .last()
        .map_or(1, |(_, row, _)| row + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The grey a colour prints as (ITU-R BT.601 luma), from 0 (black) to 255 (white).
    fn grey(colour: RGBColor) -> f64 {
        0.299 * f64::from(colour.0) + 0.587 * f64::from(colour.1) + 0.114 * f64::from(colour.2)
    }

    #[test]
    fn every_series_prints_as_a_grey_of_its_own() {
        let mut greys: Vec<f64> = [Series::Total, Series::Related]
            .into_iter()
            .chain((0..GROUP_FILLS.len()).map(Series::Group))
            .map(|series| grey(series.fill()))
            .collect();
        greys.sort_by(f64::total_cmp);
        for pair in greys.windows(2) {
            assert!(pair[1] - pair[0] >= 25.0, "greys too close: {greys:?}");
        }
    }

    /// Legend entries of these numbers of characters.
    fn entries(lengths: &[usize]) -> impl Iterator<Item = LegendEntry> + '_ {
        lengths.iter().map(|length| LegendEntry {
            series: Series::Total,
            words: "a".repeat(*length),
        })
    }

    #[test]
    fn a_legend_breaks_into_rows_that_fit_and_never_leaves_a_row_empty() {
        // Each entry of 50 characters takes 428 pixels: two fit the 928 a row has.
        let places: Vec<(u32, u32)> = legend_places(entries(&[50, 50, 50, 200, 50]))
            .map(|(x, row, _)| (x, row))
            .collect();
        assert_eq!(
            places,
            [(16, 0), (444, 0), (16, 1), (16, 2), (16, 3)],
            "an entry wider than what is left of a row begins the next, and one wider than a \
             row has a row of its own"
        );
        assert_eq!(
            legend_places(entries(&[200])).map(|(_, row, _)| row).last(),
            Some(0)
        );
        assert_eq!(legend_rows(entries(&[50, 50, 50, 200, 50])), 4);
        assert_eq!(
            legend_rows(entries(&[])),
            1,
            "a legend of nothing still takes a row"
        );
    }

    #[test]
    fn text_for_xml_has_no_control_characters_left() {
        let cleaned = clean("a\u{1b}[2J\u{7}b\u{FFFE}");
        assert!(!cleaned.chars().any(char::is_control), "{cleaned:?}");
        assert!(cleaned.contains("\\u{1b}"));
        assert!(!cleaned.contains('\u{FFFE}'));
    }
}
