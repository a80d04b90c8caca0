//! The table view of list commands: laid out by comfy-table, then painted; rows that cannot fit
//! the width as a table become records.

use std::io::Write;

use comfy_table::Cell;
use comfy_table::{CellAlignment, ColumnConstraint, ContentArrangement, Table, Width};

use super::Settings;
use super::human::{Paint, Role, display_width, human_value, in_charset, wrap};
use super::records;
use crate::error::Result;
use crate::rows::{Columns, Kind, Row, Value};

/// The widest a text column may insist on before its words are broken, in characters: longer
/// than any word of the dataset's texts, shorter than an address.
const WORD_LIMIT: usize = 20;

/// The width a table keeps for its last column, unless its content is narrower.
const LAST_COLUMN: usize = 16;

/// Writes rows as a table fitted to the settings' width, as `gh` and `kubectl` draw theirs:
/// columns apart by two spaces and a rule under the header. Columns of ids, figures and years
/// keep their longest word whole; text columns wrap between words. When the width cannot hold every
/// column that way, each row is written as a record instead.
pub fn table(
    writer: &mut dyn Write,
    settings: &Settings,
    columns: &Columns,
    rows: &[Row<'_>],
) -> Result<()> {
    if rows.is_empty() && !settings.header {
        return Ok(());
    }
    // Headers show field names with spaces, so that they can wrap like words.
    let headers: Vec<String> = columns
        .names
        .iter()
        .map(|name| name.replace('_', " "))
        .collect();
    let text: Vec<Vec<String>> = rows
        .iter()
        .map(|row| {
            columns
                .kinds
                .iter()
                .zip(row)
                .map(|(kind, value)| {
                    in_charset(&human_value(*kind, value), settings.unicode).into_owned()
                })
                .collect()
        })
        .collect();
    let text = match settings.width {
        Some(width) => broken_long_words(text, usize::from(width)),
        None => text,
    };
    // comfy-table counts widths in 16 bits: a table wider than that is written as records, as
    // one too wide for the terminal is.
    if settings.width.is_none() && widest_table(&text, &headers) > usize::from(u16::MAX) {
        return records::records(writer, settings, columns, rows, usize::MAX);
    }
    let least_widths = least_widths(settings, columns, rows, &text, &headers);
    // Each column has a space either side.
    let least_table_width = least_widths.iter().sum::<usize>() + 2 * least_widths.len();
    if let Some(width) = settings.width.map(usize::from)
        && least_table_width > width
        && !rows.is_empty()
    {
        return records::records(writer, settings, columns, rows, width);
    }
    let table = laid_out(settings, &headers, rows, text, &least_widths);
    let paint = Paint {
        enabled: settings.color,
    };
    let drawn = compact_lines(&table.to_string(), settings.header, paint);
    writeln!(writer, "{drawn}")?;
    Ok(())
}

/// The cells with each word wider than the table broken across lines first, in one pass over the
/// text: comfy-table breaks a long word in time that grows with the square of its length, but
/// never needs to break a word no wider than the table.
fn broken_long_words(text: Vec<Vec<String>>, width: usize) -> Vec<Vec<String>> {
    text.into_iter()
        .map(|row| {
            row.into_iter()
                .map(|cell| {
                    if cell
                        .split_whitespace()
                        .any(|word| display_width(word) > width)
                    {
                        wrap(&cell, Some(width), "")
                    } else {
                        cell
                    }
                })
                .collect()
        })
        .collect()
}

/// The width of the table unwrapped: each column's widest line, with its padding and border.
fn widest_table(text: &[Vec<String>], headers: &[String]) -> usize {
    let widest_line = |cell: &str| cell.lines().map(display_width).max().unwrap_or(0);
    headers
        .iter()
        .enumerate()
        .map(|(column, header)| {
            text.iter()
                .map(|row| widest_line(&row[column]))
                .chain(std::iter::once(display_width(header)))
                .max()
                .unwrap_or(0)
                + 3
        })
        .sum::<usize>()
        + 1
}

/// The least width of each column: its longest word, kept whole in columns of ids, figures and
/// numbers, and at most [`WORD_LIMIT`] in columns of text.
fn least_widths(
    settings: &Settings,
    columns: &Columns,
    rows: &[Row<'_>],
    text: &[Vec<String>],
    headers: &[String],
) -> Vec<usize> {
    columns
        .kinds
        .iter()
        .enumerate()
        .map(|(column, kind)| {
            let whole = matches!(kind, Kind::Id | Kind::FigureText)
                || rows
                    .iter()
                    .any(|row| matches!(row[column], Value::Integer(_)));
            let header = settings.header.then_some(headers[column].as_str());
            let longest_word = text
                .iter()
                .map(|row| row[column].as_str())
                .chain(header)
                .flat_map(str::split_whitespace)
                .map(display_width)
                .max()
                .unwrap_or(1);
            if whole {
                longest_word
            } else {
                longest_word.min(WORD_LIMIT)
            }
        })
        .collect()
}

/// The table laid out with comfy-table, without colour.
fn laid_out(
    settings: &Settings,
    headers: &[String],
    rows: &[Row<'_>],
    text: Vec<Vec<String>>,
    least_widths: &[usize],
) -> Table {
    let compact_widths = compact_widths(settings, headers, &text, least_widths);
    let mut table = Table::new();
    // No borders; a rule under the header, of a box-drawing character where the locale is
    // UTF-8 and of ASCII elsewhere.
    table.load_preset(if settings.unicode {
        "     ─              "
    } else {
        "     -              "
    });
    match settings.width {
        Some(width) => {
            table
                .set_width(width)
                .set_content_arrangement(ContentArrangement::Dynamic);
        }
        None => {
            table.set_content_arrangement(ContentArrangement::Disabled);
        }
    }
    if settings.header {
        table.set_header(headers);
    }
    for (row, text) in rows.iter().zip(text) {
        table.add_row(row.iter().zip(text).map(|(value, text)| {
            let cell = Cell::new(text);
            if matches!(value, Value::Integer(_)) {
                cell.set_alignment(CellAlignment::Right)
            } else {
                cell
            }
        }));
    }
    let final_column = least_widths.len().saturating_sub(1);
    for (index, least) in least_widths.iter().enumerate() {
        if let Some(column) = table.column_mut(index) {
            // A fixed width counts the padding on both sides of the text.
            if let Some(widths) = &compact_widths
                && index < final_column
            {
                let exact = u16::try_from(widths[index] + 2).unwrap_or(u16::MAX);
                column.set_constraint(ColumnConstraint::Absolute(Width::Fixed(exact)));
            } else {
                let least = u16::try_from(least + 2).unwrap_or(u16::MAX);
                column.set_constraint(ColumnConstraint::LowerBoundary(Width::Fixed(least)));
            }
        }
    }
    table
}

/// The widths of a table's columns but the last when its content does not fit the width on one
/// line a row: each column the width of its content up to a cap (never below its longest word),
/// the cap as wide as leaves the last column [`LAST_COLUMN`] of its content, or its longest word
/// where the line is narrower. None when the content fits, or there is no width to fit.
fn compact_widths(
    settings: &Settings,
    headers: &[String],
    text: &[Vec<String>],
    least_widths: &[usize],
) -> Option<Vec<usize>> {
    let width = usize::from(settings.width?);
    let content: Vec<usize> = (0..least_widths.len())
        .map(|column| {
            text.iter()
                .map(|row| display_width(&row[column]))
                .chain(headers.get(column).map(|header| display_width(header)))
                .max()
                .unwrap_or(0)
        })
        .collect();
    let (last, others) = content.split_last()?;
    let spacing = 2 * content.len();
    if content.iter().sum::<usize>() + spacing <= width {
        return None;
    }
    let least_last = least_widths.last().copied().unwrap_or(0);
    let widths = |cap: usize| -> Vec<usize> {
        others
            .iter()
            .zip(least_widths)
            .map(|(content, least)| (*content).min(cap.max(*least)))
            .collect()
    };
    // The last column keeps up to `LAST_COLUMN` of its content when the others can give it.
    let kept_last = (*last).min(LAST_COLUMN).max(least_last);
    let room =
        |cap: usize, last: usize| widths(cap).iter().sum::<usize>() + last + spacing <= width;
    let last_width = if room(0, kept_last) {
        kept_last
    } else {
        least_last
    };
    let widest = others.iter().copied().max().unwrap_or(0);
    let mut cap = 0;
    while cap < widest && room(cap + 1, last_width) {
        cap += 1;
    }
    Some(widths(cap))
}

/// The lines of a drawn table without the spaces comfy-table leaves at their ends,
/// the header in bold.
fn compact_lines(drawn: &str, header: bool, paint: Paint) -> String {
    let lines: Vec<String> = drawn
        .lines()
        .enumerate()
        .map(|(index, line)| {
            let line = line.trim_end();
            let line = line.strip_prefix(' ').unwrap_or(line);
            if header && index == 0 {
                paint.paint(Role::Heading, line).into_owned()
            } else {
                line.to_owned()
            }
        })
        .collect();
    lines.join("\n")
}
