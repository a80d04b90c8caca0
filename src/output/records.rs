//! Rows as records, one field a line, for a width too narrow for the table to be read.

use std::io::Write;

use super::Settings;
use super::human::{Paint, Role, display_width, human_value, wrap};
use crate::error::Result;
use crate::rows::{Columns, Row};

/// Writes each row as a block of `field  value` lines, values wrapped to the width; a blank line
/// between rows. Figures never wrap, since they hold no spaces.
pub fn records(
    writer: &mut dyn Write,
    settings: &Settings,
    columns: &Columns,
    rows: &[Row<'_>],
    width: usize,
) -> Result<()> {
    let paint = Paint {
        enabled: settings.color,
    };
    let name_width = columns
        .names
        .iter()
        .map(|name| display_width(name))
        .max()
        .unwrap_or(0);
    let value_width = width.saturating_sub(name_width + 2);
    let indent = " ".repeat(name_width + 2);
    for (index, row) in rows.iter().enumerate() {
        if index > 0 {
            writeln!(writer)?;
        }
        for ((name, kind), value) in columns.names.iter().zip(&columns.kinds).zip(row) {
            let text = human_value(*kind, value);
            let wrapped = wrap(&text, Some(value_width), &indent);
            let padded = format!("{name:<name_width$}");
            writeln!(
                writer,
                "{}  {}",
                paint.paint(Role::Heading, &padded),
                wrapped.trim_start_matches(' ')
            )?;
        }
    }
    Ok(())
}
