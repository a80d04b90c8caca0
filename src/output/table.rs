//! The table view of list commands: laid out by comfy-table, then painted, each line written as it
//! is drawn; rows that cannot fit the width as a table become records, and a table with no width
//! to fit is drawn a few rows at a time once its columns' widths are known.

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

/// How many rows a table with no width to fit lays out and draws at once: its columns' widths
/// are found first, so each run of rows is drawn as it would be in the whole table.
const ROWS_AT_ONCE: usize = 16;

/// Writes rows as a table fitted to the settings' width, as `gh` and `kubectl` draw theirs:
/// columns apart by two spaces and a rule under the header. Columns of ids, figures and years
/// keep their longest word whole; text columns wrap between words. When the width cannot hold every
/// column that way, each row is written as a record instead. Without a width, columns are as wide
/// as their content, and the rows are drawn a few at a time ([`unfitted`]).
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
    let Some(width) = settings.width.map(usize::from) else {
        return unfitted(writer, settings, columns, rows, &headers);
    };
    let text: Vec<Vec<String>> = rows
        .iter()
        .map(|row| row_text(settings, columns, row))
        .collect();
    let text = broken_long_words(text, width);
    let least_widths = least_widths(settings, columns, rows, text.iter(), &headers);
    // Each column has a space either side.
    let least_table_width = least_widths.iter().sum::<usize>() + 2 * least_widths.len();
    if least_table_width > width && !rows.is_empty() {
        return records::records(writer, settings, columns, rows, width);
    }
    let table = laid_out(settings, &headers, rows, text, &least_widths);
    write_lines(writer, settings, table.lines(), true)
}

/// Writes rows as a table with no width to fit, each column as wide as its widest content (and
/// its longest word): the widths are found in a pass over the cells' text, which is made again
/// as each run of [`ROWS_AT_ONCE`] rows is drawn with every column's width fixed, so no more
/// than those rows are ever held laid out, however wide a column is.
fn unfitted(
    writer: &mut dyn Write,
    settings: &Settings,
    columns: &Columns,
    rows: &[Row<'_>],
    headers: &[String],
) -> Result<()> {
    let texts = || rows.iter().map(|row| row_text(settings, columns, row));
    // comfy-table counts widths in 16 bits: a table wider than that is written as records, as
    // one too wide for the terminal is.
    if widest_table(texts(), headers) > usize::from(u16::MAX) {
        return records::records(writer, settings, columns, rows, usize::MAX);
    }
    let least_widths = least_widths(settings, columns, rows, texts(), headers);
    let header = settings.header.then_some(headers);
    let widths = content_widths(texts(), header, &least_widths);
    // An empty list still has its header drawn.
    for start in (0..rows.len().max(1)).step_by(ROWS_AT_ONCE) {
        let run = &rows[start..rows.len().min(start + ROWS_AT_ONCE)];
        let text = run.iter().map(|row| row_text(settings, columns, row));
        let mut table = drawing(settings, header.filter(|_| start == 0));
        table.set_content_arrangement(ContentArrangement::Disabled);
        add_rows(&mut table, run, text);
        for (index, width) in widths.iter().enumerate() {
            if let Some(column) = table.column_mut(index) {
                // A fixed width counts the padding on both sides of the text.
                let exact = u16::try_from(width + 2).unwrap_or(u16::MAX);
                column.set_constraint(ColumnConstraint::Absolute(Width::Fixed(exact)));
            }
        }
        write_lines(writer, settings, table.lines(), start == 0)?;
    }
    Ok(())
}

/// One row's cells as the table shows them.
fn row_text(settings: &Settings, columns: &Columns, row: &Row<'_>) -> Vec<String> {
    columns
        .kinds
        .iter()
        .zip(row)
        .map(|(kind, value)| in_charset(&human_value(*kind, value), settings.unicode).into_owned())
        .collect()
}

/// The width comfy-table gives each column of a table with no width to fit: its widest line
/// (the header's too when there is one), measured as comfy-table measures it, at least 1, and at
/// least the column's least width.
fn content_widths(
    text: impl Iterator<Item = Vec<String>>,
    header: Option<&[String]>,
    least_widths: &[usize],
) -> Vec<usize> {
    let widest = |cell: &str| cell.split('\n').map(display_width).max().unwrap_or(0);
    let mut widths = vec![1; least_widths.len()];
    for row in header.map(<[String]>::to_vec).into_iter().chain(text) {
        for (width, cell) in widths.iter_mut().zip(&row) {
            *width = (*width).max(widest(cell));
        }
    }
    widths
        .into_iter()
        .zip(least_widths)
        .map(|(width, least)| width.max(*least))
        .collect()
}

/// Writes the lines of a drawn table as they come, without the spaces comfy-table leaves at their
/// ends; the first line in bold when it is the header's and `first` says these are the table's
/// first lines.
fn write_lines(
    writer: &mut dyn Write,
    settings: &Settings,
    lines: impl Iterator<Item = String>,
    first: bool,
) -> Result<()> {
    let paint = Paint {
        enabled: settings.color,
    };
    for (index, line) in lines.enumerate() {
        let line = line.trim_end();
        let line = line.strip_prefix(' ').unwrap_or(line);
        if first && settings.header && index == 0 {
            writeln!(writer, "{}", paint.paint(Role::Heading, line))?;
        } else {
            writeln!(writer, "{line}")?;
        }
    }
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
fn widest_table(text: impl Iterator<Item = Vec<String>>, headers: &[String]) -> usize {
    let widest_line = |cell: &str| cell.lines().map(display_width).max().unwrap_or(0);
    let mut widest: Vec<usize> = headers.iter().map(|header| display_width(header)).collect();
    for row in text {
        for (width, cell) in widest.iter_mut().zip(&row) {
            *width = (*width).max(widest_line(cell));
        }
    }
    widest.iter().map(|width| width + 3).sum::<usize>() + 1
}

/// The least width of each column: its longest word, kept whole in columns of ids, figures and
/// numbers, and at most [`WORD_LIMIT`] in columns of text.
fn least_widths<R: AsRef<[String]>>(
    settings: &Settings,
    columns: &Columns,
    rows: &[Row<'_>],
    text: impl Iterator<Item = R>,
    headers: &[String],
) -> Vec<usize> {
    let mut longest: Vec<Option<usize>> = vec![None; columns.kinds.len()];
    let mut words = |column: usize, cell: &str| {
        for word in cell.split_whitespace() {
            let width = display_width(word);
            longest[column] = Some(longest[column].map_or(width, |longest| longest.max(width)));
        }
    };
    for row in text {
        for (column, cell) in row.as_ref().iter().enumerate() {
            words(column, cell);
        }
    }
    if settings.header {
        for (column, header) in headers.iter().enumerate() {
            words(column, header);
        }
    }
    columns
        .kinds
        .iter()
        .zip(longest)
        .enumerate()
        .map(|(column, (kind, longest))| {
            let whole = matches!(kind, Kind::Id | Kind::FigureText)
                || rows
                    .iter()
                    .any(|row| matches!(row[column], Value::Integer(_)));
            let longest_word = longest.unwrap_or(1);
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
    let mut table = drawing(settings, settings.header.then_some(headers));
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
    add_rows(&mut table, rows, text.into_iter());
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

/// An empty table drawn as nkru draws tables, with `header` when given.
fn drawing(settings: &Settings, header: Option<&[String]>) -> Table {
    let mut table = Table::new();
    // No borders; a rule under the header, of a box-drawing character where the locale is
    // UTF-8 and of ASCII elsewhere.
    table.load_preset(if settings.unicode {
        "     ─              "
    } else {
        "     -              "
    });
    if let Some(header) = header {
        table.set_header(header);
    }
    table
}

/// Adds rows to a table with the text of their cells, numbers aligned right.
fn add_rows(table: &mut Table, rows: &[Row<'_>], text: impl Iterator<Item = Vec<String>>) {
    for (row, text) in rows.iter().zip(text) {
        table.add_row(row.iter().zip(text).map(|(value, text)| {
            let cell = Cell::new_owned(text);
            if matches!(value, Value::Integer(_)) {
                cell.set_alignment(CellAlignment::Right)
            } else {
                cell
            }
        }));
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::Format;

    fn settings(header: bool, unicode: bool) -> Settings {
        Settings {
            format: Format::Table,
            fields: None,
            long: false,
            header,
            color: true,
            width: None,
            unicode,
            notes: false,
            terminal: false,
        }
    }

    /// The table as it is drawn whole, every row laid out together.
    fn whole(settings: &Settings, columns: &Columns, rows: &[Row<'_>]) -> String {
        let headers: Vec<String> = columns
            .names
            .iter()
            .map(|name| name.replace('_', " "))
            .collect();
        let text: Vec<Vec<String>> = rows
            .iter()
            .map(|row| row_text(settings, columns, row))
            .collect();
        let least = least_widths(settings, columns, rows, text.iter(), &headers);
        let table = laid_out(settings, &headers, rows, text, &least);
        let mut drawn = Vec::new();
        write_lines(&mut drawn, settings, table.lines(), true).expect("writes");
        String::from_utf8(drawn).expect("UTF-8")
    }

    #[test]
    fn a_table_without_a_width_is_drawn_a_few_rows_at_a_time_as_it_would_be_whole() {
        let columns = Columns {
            names: vec!["id", "count", "note_text", "when"],
            kinds: vec![Kind::Id, Kind::Figure, Kind::Text, Kind::Text],
        };
        let long_word = "w".repeat(300);
        let rows: Vec<Row<'_>> = (0..3 * ROWS_AT_ONCE + 5)
            .map(|index| {
                vec![
                    Value::owned(format!("row-{index}")),
                    if index % 7 == 0 {
                        Value::Null
                    } else {
                        Value::Integer(i128::try_from(index * 1_000).expect("small"))
                    },
                    match index % 5 {
                        0 => Value::text(&long_word),
                        1 => Value::text("사할린 — a wide note"),
                        2 => Value::Null,
                        _ => Value::owned(format!("a note of {index} words")),
                    },
                    Value::text("1990s"),
                ]
            })
            .collect();
        for (header, unicode) in [(true, true), (false, true), (true, false)] {
            let settings = settings(header, unicode);
            for count in [0, 1, ROWS_AT_ONCE, ROWS_AT_ONCE + 1, rows.len()] {
                if count == 0 && !header {
                    continue;
                }
                let mut drawn = Vec::new();
                table(&mut drawn, &settings, &columns, &rows[..count]).expect("writes");
                let drawn = String::from_utf8(drawn).expect("UTF-8");
                assert_eq!(drawn, whole(&settings, &columns, &rows[..count]));
            }
        }
    }
}
