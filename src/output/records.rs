//! Rows as records, one field a line, for a width too narrow for the table to be read.

use std::io::Write;

use super::Settings;
use super::human::{Paint, Role, display_width, human_value, wrap};
use crate::error::Result;
use crate::rows::{Columns, Record};

/// The narrowest column of values beside their names; narrower, values go under them.
const LEAST_VALUE_WIDTH: usize = 12;

/// Writes each row as a block of `field  value` lines, values wrapped to the width; a blank line
/// between rows. Figures never wrap, since they hold no spaces.
pub fn records(
    writer: &mut dyn Write,
    settings: &Settings,
    columns: &Columns,
    rows: impl IntoIterator<Item = impl Record>,
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
    // Values beside their names while that leaves room to read them, else under them.
    let beside = width.saturating_sub(name_width + 2) >= LEAST_VALUE_WIDTH;
    let (value_width, indent) = if beside {
        (
            width.saturating_sub(name_width + 2),
            " ".repeat(name_width + 2),
        )
    } else {
        (width.saturating_sub(2), String::from("  "))
    };
    for (index, row) in rows.into_iter().enumerate() {
        if index > 0 {
            writeln!(writer)?;
        }
        let mut fields = columns.names.iter().zip(&columns.kinds);
        row.each_value(|value| {
            let Some((name, kind)) = fields.next() else {
                return Ok(());
            };
            let text = human_value(*kind, value);
            // `wrap` keeps the indent within the width it is given: the whole line's.
            let wrapped = wrap(&text, Some(value_width + display_width(&indent)), &indent);
            if beside {
                let padded = format!("{name:<name_width$}");
                writeln!(
                    writer,
                    "{}  {}",
                    paint.paint(Role::Heading, &padded),
                    wrapped.trim_start_matches(' ')
                )?;
            } else {
                writeln!(writer, "{}", paint.paint(Role::Heading, name))?;
                writeln!(writer, "{wrapped}")?;
            }
            Ok::<(), crate::error::Error>(())
        })?;
    }
    Ok(())
}
