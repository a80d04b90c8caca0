//! The table view of list commands: laid out by comfy-table, then painted; rows that cannot fit
//! the width as a table become records.

use std::io::Write;

use comfy_table::{Cell, modifiers, presets};
use comfy_table::{CellAlignment, ColumnConstraint, ContentArrangement, Table, Width};

use super::Settings;
use super::human::{Paint, Role, display_width, human_value, in_charset};
use super::records;
use crate::error::Result;
use crate::rows::{Columns, Kind, Row, Value};

/// The widest a text column may insist on before its words are broken, in characters.
const WORD_LIMIT: usize = 10;

/// Writes rows as a table fitted to the settings' width. Columns of ids, figures and years keep
/// their longest word whole; text columns wrap between words. When the width cannot hold every
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
    let least_widths = least_widths(settings, columns, rows, &text, &headers);
    // Each column has a space either side and a border line; the table has one more border.
    let least_table_width = least_widths.iter().sum::<usize>() + 3 * least_widths.len() + 1;
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
    writeln!(
        writer,
        "{}",
        painted_header(&table.to_string(), settings.header, paint)
    )?;
    Ok(())
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
    let mut table = Table::new();
    // Borders of box-drawing characters where the locale is UTF-8, of ASCII elsewhere.
    if settings.unicode {
        table
            .load_preset(presets::UTF8_FULL_CONDENSED)
            .apply_modifier(modifiers::UTF8_ROUND_CORNERS);
    } else {
        table.load_preset(presets::ASCII_FULL_CONDENSED);
    }
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
    for (index, least) in least_widths.iter().enumerate() {
        if let Some(column) = table.column_mut(index) {
            // A fixed width counts the padding on both sides of the text.
            let least = u16::try_from(least + 2).unwrap_or(u16::MAX);
            column.set_constraint(ColumnConstraint::LowerBoundary(Width::Fixed(least)));
        }
    }
    table
}

/// The drawn table with each header cell in bold: every line above the header's rule, cell by
/// cell between the borders.
fn painted_header(drawn: &str, header: bool, paint: Paint) -> String {
    if !header || !paint.enabled {
        return drawn.to_owned();
    }
    let mut lines: Vec<String> = Vec::new();
    let mut in_header = false;
    for (index, line) in drawn.lines().enumerate() {
        if index == 1 {
            in_header = true;
        }
        if line.starts_with('╞') || line.starts_with("+=") {
            in_header = false;
        }
        if !in_header {
            lines.push(line.to_owned());
            continue;
        }
        let mut painted = String::new();
        let cells: Vec<&str> = line.split(['│', '┆', '|']).collect();
        let borders: Vec<char> = line
            .chars()
            .filter(|c| matches!(c, '│' | '┆' | '|'))
            .collect();
        for (position, cell) in cells.iter().enumerate() {
            if position == 0 || position == cells.len() - 1 {
                painted.push_str(cell);
            } else {
                painted.push_str(&paint.paint(Role::Heading, cell));
            }
            if let Some(border) = borders.get(position) {
                painted.push(*border);
            }
        }
        lines.push(painted);
    }
    lines.join("\n")
}
