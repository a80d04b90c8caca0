//! Human views: tables and detail views for people at a terminal. The only place colour happens.

pub mod chart;
pub mod group;
pub mod records;
pub mod timeline;

use std::borrow::Cow;
use std::io::Write;

use comfy_table::{
    Attribute, Cell, CellAlignment, ColumnConstraint, ContentArrangement, Table, Width, modifiers,
    presets,
};

use crate::error::Result;
use crate::record::{Columns, FIGURE_FIELDS, FIGURE_TEXT_FIELDS, Row, Value};
use crate::settings::Settings;
use crate::text::{escape_control, thousands};

/// What a piece of text in a human view stands for, which decides its colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// A title or section heading.
    Heading,
    /// A figure or a year.
    Figure,
    /// Secondary text, such as a citation.
    Note,
    /// Something of the group at this position in the dataset, such as its bar in the chart.
    Series(usize),
}

/// The colours groups take in turn, as SGR codes: green, yellow, magenta, blue, red, cyan.
const SERIES_COLORS: [&str; 6] = ["32", "33", "35", "34", "31", "36"];

/// Colours text by its role when colour is on, and leaves it alone otherwise.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Paint {
    /// Whether colour is on.
    pub enabled: bool,
}

impl Paint {
    /// The text wrapped in the escape codes of its role, or the text itself without colour.
    pub fn paint<'t>(&self, role: Role, text: &'t str) -> Cow<'t, str> {
        if !self.enabled {
            return Cow::Borrowed(text);
        }
        let code = match role {
            Role::Heading => "1",
            Role::Figure => "36",
            Role::Note => "2",
            Role::Series(index) => SERIES_COLORS[index % SERIES_COLORS.len()],
        };
        Cow::Owned(format!("\u{1b}[{code}m{text}\u{1b}[0m"))
    }
}

/// A value as a person reads it: figures with separators, yes or no, a dash for unknown.
pub fn human_value(field: &str, value: &Value<'_>) -> String {
    match value {
        Value::Null => String::from("—"),
        Value::Integer(number) if FIGURE_FIELDS.contains(&field) => thousands(*number),
        Value::Integer(number) => number.to_string(),
        Value::Bool(flag) => String::from(if *flag { "yes" } else { "no" }),
        Value::Text(text) => escape_control(text).into_owned(),
        Value::List(items) => escape_control(&items.join(", ")).into_owned(),
    }
}

/// A comfy-table set up for the settings: borders, width and colour.
pub fn new_table(settings: &Settings) -> Table {
    let mut table = Table::new();
    table
        .force_no_tty()
        .load_preset(presets::UTF8_FULL_CONDENSED)
        .apply_modifier(modifiers::UTF8_ROUND_CORNERS);
    if settings.color {
        table.enforce_styling();
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
    table
}

/// A header cell, bold when colour is on.
pub fn header_cell(name: &str) -> Cell {
    Cell::new(name).add_attribute(Attribute::Bold)
}

/// Fields that hold one id each; tables never break an id.
const ID_FIELDS: &[&str] = &["id", "group", "source", "latest_estimate", "latest_source"];

/// The widest a text column may insist on before its words are broken, in characters.
const WORD_LIMIT: usize = 10;

/// Writes rows as a table fitted to the settings' width. Columns of ids, figures and years keep
/// their longest word whole; text columns wrap between words. When the width cannot hold every column
/// that way, each row is written as a record instead.
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
                .names
                .iter()
                .zip(columns.pick(row))
                .map(|(name, value)| human_value(name, value))
                .collect()
        })
        .collect();
    let least_widths: Vec<usize> = columns
        .names
        .iter()
        .zip(&columns.indices)
        .enumerate()
        .map(|(column, (name, index))| {
            let whole = ID_FIELDS.contains(name)
                || FIGURE_TEXT_FIELDS.contains(name)
                || rows
                    .iter()
                    .any(|row| matches!(row[*index], Value::Integer(_)));
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
        .collect();
    // Each column has a space either side and a border line; the table has one more border.
    let least_table_width = least_widths.iter().sum::<usize>() + 3 * least_widths.len() + 1;
    if let Some(width) = settings.width.map(usize::from)
        && least_table_width > width
        && !rows.is_empty()
    {
        return records::records(writer, settings, columns, rows, width);
    }

    let mut table = new_table(settings);
    if settings.header {
        table.set_header(headers.iter().map(|name| header_cell(name)));
    }
    for (row, text) in rows.iter().zip(text) {
        table.add_row(columns.pick(row).zip(text).map(|(value, text)| {
            let cell = Cell::new(text);
            if matches!(value, Value::Integer(_)) {
                cell.set_alignment(CellAlignment::Right)
            } else {
                cell
            }
        }));
    }
    for (index, least) in least_widths.into_iter().enumerate() {
        if let Some(column) = table.column_mut(index) {
            // A fixed width counts the padding on both sides of the text.
            let least = u16::try_from(least + 2).unwrap_or(u16::MAX);
            column.set_constraint(ColumnConstraint::LowerBoundary(Width::Fixed(least)));
        }
    }
    writeln!(writer, "{table}")?;
    Ok(())
}

/// Breaks text into lines of at most `width` characters at spaces; no width, no breaks.
pub fn wrap(text: &str, width: Option<usize>, indent: &str) -> String {
    let Some(width) = width else {
        return format!("{indent}{text}");
    };
    let width = width.saturating_sub(indent.chars().count()).max(20);
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let needed = line.chars().count() + usize::from(!line.is_empty()) + word.chars().count();
        if !line.is_empty() && needed > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    lines.push(line);
    lines
        .iter()
        .map(|line| format!("{indent}{line}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Text for the character set in use: without Unicode, dashes, ellipses and curly quotes become
/// their ASCII look-alikes (other characters cannot be helped and are left alone).
pub fn in_charset(text: &str, unicode: bool) -> Cow<'_, str> {
    const REPLACEMENTS: [(char, &str); 7] = [
        ('–', "-"),
        ('—', "-"),
        ('…', "..."),
        ('‘', "'"),
        ('’', "'"),
        ('“', "\""),
        ('”', "\""),
    ];
    if unicode || text.is_ascii() {
        return Cow::Borrowed(text);
    }
    let mut converted = String::with_capacity(text.len());
    for character in text.chars() {
        match REPLACEMENTS.iter().find(|(from, _)| *from == character) {
            Some((_, to)) => converted.push_str(to),
            None => converted.push(character),
        }
    }
    Cow::Owned(converted)
}

/// How many terminal columns text takes; wide characters take two.
pub fn display_width(text: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(text)
}

/// Text padded with spaces to exactly `width` columns, or cut to fit with `…` at the end.
pub fn fit(text: &str, width: usize) -> String {
    let mut fitted = String::new();
    let mut used = 0;
    if display_width(text) <= width {
        fitted.push_str(text);
        used = display_width(text);
    } else if width > 0 {
        for character in text.chars() {
            let character_width = unicode_width::UnicodeWidthChar::width(character).unwrap_or(0);
            if used + character_width > width - 1 {
                break;
            }
            fitted.push(character);
            used += character_width;
        }
        fitted.push('…');
        used += 1;
    }
    fitted.push_str(&" ".repeat(width.saturating_sub(used)));
    fitted
}

/// A list item: `- ` and the text, wrapped with its later lines indented under the text.
pub fn bullet(text: &str, width: Option<usize>) -> String {
    let wrapped = wrap(text, width, "  ");
    format!("- {}", wrapped.trim_start_matches(' '))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_breaks_at_spaces_within_the_width() {
        let text = "one two three four five six seven eight nine ten eleven twelve";
        assert_eq!(
            wrap(text, Some(24), "  "),
            "  one two three four\n  five six seven eight\n  nine ten eleven twelve"
        );
        assert_eq!(wrap(text, None, ""), text);
        assert_eq!(
            bullet(text, Some(24)),
            "- one two three four\n  five six seven eight\n  nine ten eleven twelve"
        );
    }

    #[test]
    fn ascii_replaces_typographic_characters() {
        assert_eq!(in_charset("1945–1949 …", false), "1945-1949 ...");
        assert_eq!(in_charset("1945–1949 …", true), "1945–1949 …");
        assert_eq!(in_charset("it’s 고려", false), "it's 고려");
    }

    #[test]
    fn fit_pads_or_cuts_to_the_width() {
        assert_eq!(fit("workers", 10), "workers   ");
        assert_eq!(fit("workers", 7), "workers");
        assert_eq!(fit("workers", 5), "work…");
        assert_eq!(fit("고려사람", 5), "고려…");
        assert_eq!(display_width("고려"), 4);
    }

    #[test]
    fn human_values_read_naturally() {
        assert_eq!(human_value("low", &Value::Integer(15_000)), "15,000");
        assert_eq!(human_value("from", &Value::Integer(1999)), "1999");
        assert_eq!(human_value("region", &Value::Null), "—");
        assert_eq!(human_value("approximate", &Value::Bool(true)), "yes");
        assert_eq!(human_value("name", &Value::text("\u{1b}[2J")), "\\u{1b}[2J");
    }

    #[test]
    fn paint_colours_only_when_enabled() {
        assert_eq!(Paint { enabled: false }.paint(Role::Heading, "x"), "x");
        assert_eq!(
            Paint { enabled: true }.paint(Role::Heading, "x"),
            "\u{1b}[1mx\u{1b}[0m"
        );
    }
}
