//! Human views: tables and detail views for people at a terminal. The only place colour happens.

pub mod group;

use std::borrow::Cow;
use std::io::Write;

use comfy_table::{
    Attribute, Cell, CellAlignment, ColumnConstraint, ContentArrangement, Table, modifiers, presets,
};

use crate::error::Result;
use crate::record::{Columns, FIGURE_FIELDS, Row, Value};
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
}

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

/// Writes rows as a table fitted to the settings' width; figures are never wrapped.
pub fn table(
    writer: &mut dyn Write,
    settings: &Settings,
    columns: &Columns,
    rows: &[Row<'_>],
) -> Result<()> {
    let mut table = new_table(settings);
    if settings.header {
        table.set_header(columns.names.iter().map(|name| header_cell(name)));
    }
    for row in rows {
        table.add_row(
            columns
                .names
                .iter()
                .zip(columns.pick(row))
                .map(|(name, value)| {
                    let cell = Cell::new(human_value(name, value));
                    if matches!(value, Value::Integer(_)) {
                        cell.set_alignment(CellAlignment::Right)
                    } else {
                        cell
                    }
                }),
        );
    }
    // Figures, years and ids are never wrapped: a broken figure reads as two numbers.
    let unbreakable: Vec<bool> = columns
        .names
        .iter()
        .zip(&columns.indices)
        .map(|(name, index)| {
            *name == "id"
                || rows
                    .iter()
                    .any(|row| matches!(row[*index], Value::Integer(_) | Value::Bool(_)))
        })
        .collect();
    for (index, unbreakable) in unbreakable.into_iter().enumerate() {
        if let Some(column) = table.column_mut(index)
            && unbreakable
        {
            column.set_constraint(ColumnConstraint::ContentWidth);
        }
    }
    if rows.is_empty() && !settings.header {
        return Ok(());
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
