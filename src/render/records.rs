//! Rows as records, one field a line, for a width too narrow for the table to be read.

use std::io::Write;

use crate::error::Result;
use crate::record::{Columns, Row};
use crate::render::{Paint, Role, display_width, human_value, wrap};
use crate::settings::Settings;

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
        for (name, value) in columns.names.iter().zip(columns.pick(row)) {
            let text = human_value(name, value);
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
