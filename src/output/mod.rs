//! Everything nkru writes: the format decided once, the machine formats, and the human views.
//! Knows nothing of the command line; every writer takes the settings it needs and a `Write`.

pub mod chart;
pub mod citation;
pub mod group;
pub mod human;
pub mod json;
pub mod machine;
pub mod nested;
#[cfg(test)]
mod reach;
pub mod records;
pub mod report;
pub mod sqlite;
pub mod svg;
pub mod table;
pub mod timeline;
pub mod view;

use std::io::Write;

use crate::error::{Error, Result};
use crate::query::Names;
use crate::rows::{Columns, Field, FieldChoiceError, Lazy, Record, Row, Selection, Value};
use crate::text::quote;

pub use view::{Rule, View};

/// The width human views draw to when neither `--width` nor the terminal gives one.
pub const DEFAULT_WIDTH: usize = 80;

/// Why `--format svg` is refused where it cannot be drawn.
pub fn svg_only() -> String {
    let rows: Vec<&str> = Format::ALL
        .iter()
        .filter(|format| **format != Format::Svg)
        .map(|format| format.name())
        .collect();
    format!(
        "--format svg draws `chart` and `timeline` only; other commands write rows ({})",
        rows.join(", ")
    )
}

/// An output format with `auto` decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// A table or view for people.
    Table,
    /// Tab-separated values.
    Tsv,
    /// Comma-separated values.
    Csv,
    /// JSON.
    Json,
    /// Newline-delimited JSON.
    Ndjson,
    /// A Markdown pipe table.
    Markdown,
    /// A standalone SVG picture: the chart and the timeline only.
    Svg,
}

impl Format {
    /// Every format, in the order `--help` lists them.
    pub const ALL: [Format; 7] = [
        Format::Table,
        Format::Tsv,
        Format::Csv,
        Format::Json,
        Format::Ndjson,
        Format::Markdown,
        Format::Svg,
    ];

    /// The format's name, as `--format` and `NKRU_FORMAT` take it.
    pub fn name(self) -> &'static str {
        match self {
            Format::Table => "table",
            Format::Tsv => "tsv",
            Format::Csv => "csv",
            Format::Json => "json",
            Format::Ndjson => "ndjson",
            Format::Markdown => "markdown",
            Format::Svg => "svg",
        }
    }

    /// What the format is, in a few words, as `--help` says it.
    pub fn meaning(self) -> &'static str {
        match self {
            Format::Table => "A table for people to read",
            Format::Tsv => "Tab-separated values with a header line",
            Format::Csv => "Comma-separated values (RFC 4180) with a header line",
            Format::Json => "JSON: an array of objects for lists, one object for `group`",
            Format::Ndjson => "One compact JSON object per line",
            Format::Markdown => "A Markdown pipe table",
            Format::Svg => "A standalone SVG picture (`chart` and `timeline` only)",
        }
    }
}

/// How output looks, decided once from the flags and the environment.
// Each flag is an independent yes-or-no choice of the command line.
#[allow(clippy::struct_excessive_bools)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    /// The output format.
    pub format: Format,
    /// The fields asked for with `--fields`.
    pub fields: Option<Vec<String>>,
    /// Whether the full view is wanted (`--long`): every field, every line, every record.
    pub long: bool,
    /// Whether to print a header line in table, TSV and CSV output.
    pub header: bool,
    /// Whether human views may use colour.
    pub color: bool,
    /// The width to fit tables to, if any.
    pub width: Option<u16>,
    /// Whether the chart and the timeline may draw with Unicode characters rather than ASCII.
    pub unicode: bool,
    /// Whether notes for people may go to stderr.
    pub notes: bool,
    /// Whether stdout is a terminal: Markdown, meant for files, is then escaped like the views
    /// for people, so no text from a dataset can act on the terminal.
    pub terminal: bool,
}

impl Settings {
    /// The width to draw to: the one given or found, or [`DEFAULT_WIDTH`].
    pub fn drawing_width(&self) -> usize {
        self.width.map_or(DEFAULT_WIDTH, usize::from)
    }
}

/// The most rows the table view lays out as a table; a longer list is written as records.
pub const TABLE_ROWS: usize = 10_000;

/// Writes rows in the chosen format. The line-by-line formats and the JSON array write each row
/// as it comes, so a large list is never held whole; a table needs them all, up to
/// [`TABLE_ROWS`], past which they are written as records, as they come (at once when the rows
/// are known to be more).
pub fn rows<'a>(
    writer: &mut dyn Write,
    settings: &Settings,
    columns: &Columns,
    rows: impl IntoIterator<Item = Row<'a>>,
) -> Result<()> {
    if settings.format == Format::Table && !settings.long {
        let mut rows = rows.into_iter();
        // A list known to be longer than a table holds is written as records at once, without
        // making its first rows to find that out.
        if rows.size_hint().0 > TABLE_ROWS {
            return records(writer, settings, columns, rows);
        }
        let first: Vec<Row<'a>> = rows.by_ref().take(TABLE_ROWS + 1).collect();
        if first.len() <= TABLE_ROWS {
            return table::table(writer, settings, columns, &first);
        }
        // A table lays out all its rows before it writes one: past the limit, records are
        // written as they come instead, so memory does not grow with the list.
        return records(writer, settings, columns, first.into_iter().chain(rows));
    }
    records(writer, settings, columns, rows)
}

/// Writes records each as it comes, so nothing is held but the record being written: for the
/// table format, one field a line (a table needs whole rows: see [`rows`]).
pub fn records(
    writer: &mut dyn Write,
    settings: &Settings,
    columns: &Columns,
    records: impl IntoIterator<Item = impl Record>,
) -> Result<()> {
    match settings.format {
        Format::Tsv => machine::tsv(writer, columns, records, settings.header),
        Format::Csv => machine::csv(writer, columns, records, settings.header),
        Format::Ndjson => machine::ndjson(writer, columns, records),
        Format::Markdown => machine::markdown(writer, columns, records, settings.terminal),
        Format::Json => machine::json(writer, columns, records),
        Format::Svg => Err(Error::Usage(svg_only())),
        Format::Table => {
            let width = settings.drawing_width();
            records::records(writer, settings, columns, records, width)
        }
    }
}

/// The fields to write: `--fields`, or the defaults of the view the settings choose (the
/// table's for the table without `--long`, every field elsewhere).
pub fn choose<'f, T>(fields: &'f [Field<T>], settings: &Settings) -> Result<Selection<'f, T>> {
    let table = settings.format == Format::Table && !settings.long;
    Selection::choose(fields, settings.fields.as_deref(), table).map_err(|error| {
        let valid = || {
            let names: Vec<&str> = fields.iter().map(|field| field.name).collect();
            names.join(", ")
        };
        Error::Usage(match error {
            FieldChoiceError::Unknown(name) => format!(
                "unknown field `{}` for this command; valid fields: {}",
                quote(&name),
                valid()
            ),
            FieldChoiceError::Twice(name) => {
                format!("--fields names `{name}` twice; each field may be asked for once")
            }
            FieldChoiceError::Empty => {
                format!(
                    "--fields needs at least one field; valid fields: {}",
                    valid()
                )
            }
        })
    })
}

/// Writes the items of a list command as rows of the fields chosen, in the format chosen, and
/// notes an empty list on a terminal's stderr with the words `nothing`, such as `no estimates
/// match`.
pub fn list<'i, T: 'i>(
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
    settings: &Settings,
    fields: &[Field<T>],
    items: impl IntoIterator<Item = &'i T>,
    nothing: &str,
) -> Result<()> {
    let names = Names::english();
    list_showing(stdout, stderr, settings, fields, names, items, nothing)
}

/// Writes the items of a list command as [`list`] does, with the fields chosen among `fields`
/// showing names of groups, related populations and regions as `names` shows them.
pub fn list_showing<'i, T: 'i>(
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
    settings: &Settings,
    fields: &[Field<T>],
    names: &Names<'_>,
    items: impl IntoIterator<Item = &'i T>,
    nothing: &str,
) -> Result<()> {
    let selection = choose(fields, settings)?.showing(names);
    let mut items = items.into_iter().peekable();
    let empty = items.peek().is_none();
    let columns = selection.columns();
    if settings.view(Rule::Table) == View::People {
        let made = items.map(|item| selection.row(item));
        rows(stdout, settings, &columns, made)?;
    } else {
        let selection = &selection;
        let lazy = items.map(|item| Lazy { selection, item });
        records(stdout, settings, &columns, lazy)?;
    }
    if empty {
        note(stderr, settings, nothing)?;
    }
    Ok(())
}

/// Writes items made as they are asked for, as [`list`] writes items of a list: each is let go
/// once written, so they are never held together, but for the rows a table lays out together,
/// which keep a copy of their values.
pub fn list_made<T>(
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
    settings: &Settings,
    fields: &[Field<T>],
    items: impl IntoIterator<Item = T>,
    nothing: &str,
) -> Result<()> {
    let selection = choose(fields, settings)?;
    let mut items = items.into_iter().peekable();
    let empty = items.peek().is_none();
    let columns = selection.columns();
    if settings.view(Rule::Table) == View::People {
        let made = items.map(|item| -> Row<'static> {
            let row = selection.row(&item);
            row.into_iter().map(Value::into_owned).collect()
        });
        rows(stdout, settings, &columns, made)?;
    } else {
        let selection = &selection;
        let lazy = items.map(|item| Lazy { selection, item });
        records(stdout, settings, &columns, lazy)?;
    }
    if empty {
        note(stderr, settings, nothing)?;
    }
    Ok(())
}

/// Tells a person at a terminal that nothing matched, in the words `nothing`.
pub fn note(stderr: &mut dyn Write, settings: &Settings, nothing: &str) -> Result<()> {
    if settings.notes {
        writeln!(stderr, "nkru: {nothing}")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::cell::Cell;

    use super::*;
    use crate::rows::{Kind, Value};

    /// A writer that notes how many rows had been made when it was first written to.
    struct Watching<'c> {
        made: &'c Cell<usize>,
        at_first_write: Option<usize>,
    }

    impl Write for Watching<'_> {
        fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
            self.at_first_write.get_or_insert(self.made.get());
            Ok(bytes.len())
        }

        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_table_known_to_be_too_long_is_written_as_records_from_its_first_row() {
        let settings = Settings {
            format: Format::Table,
            fields: None,
            long: false,
            header: true,
            color: false,
            width: Some(80),
            unicode: true,
            notes: false,
            terminal: false,
        };
        let columns = Columns {
            names: vec!["id"],
            kinds: vec![Kind::Id],
        };
        for (count, known, made) in [
            (TABLE_ROWS + 1, true, 1),
            (TABLE_ROWS + 1, false, TABLE_ROWS + 1),
        ] {
            let made_so_far = Cell::new(0);
            let mut writer = Watching {
                made: &made_so_far,
                at_first_write: None,
            };
            let made_rows = (0..count).map(|_| {
                made_so_far.set(made_so_far.get() + 1);
                vec![Value::text("row")]
            });
            // Filtered, the rows' number is not known beforehand.
            let unknown = made_rows.clone().filter(|_| true);
            if known {
                rows(&mut writer, &settings, &columns, made_rows).expect("writes");
            } else {
                rows(&mut writer, &settings, &columns, unknown).expect("writes");
            }
            assert_eq!(writer.at_first_write, Some(made));
            assert_eq!(made_so_far.get(), count);
        }
    }
}
