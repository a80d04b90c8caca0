//! Machine formats: JSON, NDJSON, CSV, TSV and Markdown, with the one `Serialize` of a value.
//! Never coloured.

use std::io::Write;

use serde::Serialize;
use serde::ser::{SerializeMap, SerializeSeq, Serializer};

use crate::error::Result;
use crate::rows::{Columns, Record, Value};

impl Serialize for Value<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        match self {
            Value::Text(text) => serializer.serialize_str(text),
            Value::Integer(number) => serializer.serialize_i128(*number),
            Value::Bool(flag) => serializer.serialize_bool(*flag),
            Value::Null => serializer.serialize_none(),
            Value::List(items) => {
                let mut sequence = serializer.serialize_seq(Some(items.len()))?;
                for item in items {
                    sequence.serialize_element(item.as_ref())?;
                }
                sequence.end()
            }
        }
    }
}

/// A record seen as a JSON object with the chosen fields as keys, in order.
pub struct Object<'r, R> {
    /// The fields to include.
    pub columns: &'r Columns,
    /// The record: a row, or an item read as it is written.
    pub row: &'r R,
}

impl<R: Record> Serialize for Object<'_, R> {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.columns.names.len()))?;
        let mut names = self.columns.names.iter();
        self.row.each_value(|value| match names.next() {
            Some(name) => map.serialize_entry(name, value),
            None => Ok(()),
        })?;
        map.end()
    }
}

/// Rows as objects of one JSON array, made whole first: what the writers that stream them must
/// write, for the tests.
#[cfg(test)]
pub struct Objects<'r, 'a> {
    /// The fields to include.
    pub columns: &'r Columns,
    /// The full rows.
    pub rows: &'r [crate::rows::Row<'a>],
}

#[cfg(test)]
impl Serialize for Objects<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        let mut sequence = serializer.serialize_seq(Some(self.rows.len()))?;
        for row in self.rows {
            sequence.serialize_element(&Object {
                columns: self.columns,
                row,
            })?;
        }
        sequence.end()
    }
}

/// Writes any serializable value as pretty JSON followed by a newline.
pub fn write_json<T: Serialize + ?Sized>(writer: &mut dyn Write, value: &T) -> Result<()> {
    serde_json::to_writer_pretty(&mut *writer, value)?;
    writer.write_all(b"\n")?;
    Ok(())
}

/// Writes rows as a pretty JSON array of objects, each as soon as it comes: the same text as
/// [`write_json`] of the rows made whole, without holding them.
pub fn json(
    writer: &mut dyn Write,
    columns: &Columns,
    rows: impl IntoIterator<Item = impl Record>,
) -> Result<()> {
    Ok(super::json::pretty(writer, columns, rows)?)
}

/// A buffer in front of the output, so the many small writes of a writer are direct calls into
/// memory rather than one call through `dyn Write` for every field.
fn direct(writer: &mut dyn Write) -> std::io::BufWriter<&mut dyn Write> {
    std::io::BufWriter::with_capacity(1 << 16, writer)
}

/// Writes rows as one compact JSON object per line, each as soon as it comes.
pub fn ndjson(
    writer: &mut dyn Write,
    columns: &Columns,
    rows: impl IntoIterator<Item = impl Record>,
) -> Result<()> {
    Ok(super::json::lines(writer, columns, rows)?)
}

/// Writes rows as CSV, each as soon as it comes: quoted as RFC 4180 says, but with lines ended
/// by LF, as the tools people pipe CSV into (awk, Miller, xsv, DuckDB) write and expect.
pub fn csv(
    writer: &mut dyn Write,
    columns: &Columns,
    rows: impl IntoIterator<Item = impl Record>,
    header: bool,
) -> Result<()> {
    let mut csv = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(writer);
    if header {
        csv.write_record(&columns.names)?;
    }
    for row in rows {
        row.each_value(|value| csv.write_field(value.plain().as_bytes()))?;
        // An empty record ends the one whose fields were just written.
        csv.write_record(None::<&[u8]>)?;
    }
    csv.flush()?;
    Ok(())
}

/// Text for one TSV field: tabs and line breaks become spaces.
fn tsv_field(text: &str) -> std::borrow::Cow<'_, str> {
    if text.contains(['\t', '\n', '\r']) {
        std::borrow::Cow::Owned(text.replace(['\t', '\n', '\r'], " "))
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// Writes rows as tab-separated values, each as soon as it comes.
pub fn tsv(
    writer: &mut dyn Write,
    columns: &Columns,
    rows: impl IntoIterator<Item = impl Record>,
    header: bool,
) -> Result<()> {
    let mut writer = direct(writer);
    if header {
        writer.write_all(columns.names.join("\t").as_bytes())?;
        writer.write_all(b"\n")?;
    }
    for row in rows {
        let mut separator: &[u8] = b"";
        row.each_value(|value| {
            writer.write_all(separator)?;
            separator = b"\t";
            writer.write_all(tsv_field(&value.plain()).as_bytes())
        })?;
        writer.write_all(b"\n")?;
    }
    writer.flush()?;
    Ok(())
}

/// Text for one Markdown table cell, shown as the text it is: pipes, backslashes and the brackets
/// of a link escaped, `<`, `>` and `&` written as HTML entities (so no raw HTML and no autolink),
/// line breaks as spaces.
fn markdown_cell(text: &str) -> String {
    let mut cell = String::with_capacity(text.len());
    for character in text.chars() {
        match character {
            '\\' | '|' | '[' | ']' => {
                cell.push('\\');
                cell.push(character);
            }
            '<' => cell.push_str("&lt;"),
            '>' => cell.push_str("&gt;"),
            '&' => cell.push_str("&amp;"),
            '\n' | '\r' => cell.push(' '),
            other => cell.push(other),
        }
    }
    cell
}

/// Writes rows as a Markdown pipe table, each as soon as it comes; `escape` makes characters
/// that could act on a terminal visible, for a table written to one.
pub fn markdown(
    writer: &mut dyn Write,
    columns: &Columns,
    rows: impl IntoIterator<Item = impl Record>,
    escape: bool,
) -> Result<()> {
    let header: Vec<String> = columns
        .names
        .iter()
        .map(|name| markdown_cell(name))
        .collect();
    writeln!(writer, "| {} |", header.join(" | "))?;
    let rule: Vec<&str> = columns.names.iter().map(|_| "---").collect();
    writeln!(writer, "| {} |", rule.join(" | "))?;
    for row in rows {
        let mut cells: Vec<String> = Vec::new();
        row.each_value(|value| {
            let text = value.plain();
            cells.push(if escape {
                markdown_cell(&crate::text::escape_control(&text))
            } else {
                markdown_cell(&text)
            });
            Ok::<(), std::convert::Infallible>(())
        })
        .unwrap_or_else(|never| match never {});
        writeln!(writer, "| {} |", cells.join(" | "))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rows::Row;
    use std::borrow::Cow;

    fn sample() -> (Columns, Vec<Row<'static>>) {
        use crate::rows::Kind;
        let columns = Columns {
            names: vec!["id", "low", "note", "tags", "approximate"],
            kinds: vec![Kind::Id, Kind::Figure, Kind::Text, Kind::List, Kind::Flag],
        };
        let rows = vec![
            vec![
                Value::text("a|b"),
                Value::Integer(15_000),
                Value::text("tab\there, \"quoted\", line\nbreak"),
                Value::List(vec![Cow::Borrowed("x"), Cow::Borrowed("y")]),
                Value::Bool(true),
            ],
            vec![
                Value::text("c"),
                Value::Null,
                Value::text("plain"),
                Value::List(Vec::new()),
                Value::Bool(false),
            ],
        ];
        (columns, rows)
    }

    fn written(write: impl Fn(&mut dyn Write) -> Result<()>) -> String {
        let mut buffer = Vec::new();
        write(&mut buffer).expect("writing to memory works");
        String::from_utf8(buffer).expect("output is UTF-8")
    }

    #[test]
    fn tsv_flattens_tabs_and_line_breaks() {
        let (columns, rows) = sample();
        insta::assert_snapshot!(written(|out| tsv(out, &columns, &rows, true)), @r#"
        id	low	note	tags	approximate
        a|b	15000	tab here, "quoted", line break	x; y	true
        c		plain		false
        "#);
    }

    #[test]
    fn csv_quotes_per_rfc_4180_and_ends_lines_in_lf() {
        let (columns, rows) = sample();
        let text = written(|out| csv(out, &columns, &rows, false));
        assert_eq!(
            text,
            "a|b,15000,\"tab\there, \"\"quoted\"\", line\nbreak\",x; y,true\nc,,plain,,false\n"
        );
    }

    #[test]
    fn json_keeps_numbers_nulls_and_lists_typed() {
        let (columns, rows) = sample();
        let text = written(|out| ndjson(out, &columns, &rows));
        let first: serde_json::Value =
            serde_json::from_str(text.lines().next().expect("a line")).expect("valid JSON");
        assert_eq!(first["low"], 15_000);
        assert_eq!(first["tags"], serde_json::json!(["x", "y"]));
        assert_eq!(first["approximate"], true);
        let array: serde_json::Value =
            serde_json::from_str(&written(|out| json(out, &columns, &rows))).expect("valid JSON");
        assert_eq!(array[1]["low"], serde_json::Value::Null);
    }

    #[test]
    fn markdown_escapes_pipes() {
        let (columns, rows) = sample();
        insta::assert_snapshot!(written(|out| markdown(out, &columns, &rows, false)), @r#"
        | id | low | note | tags | approximate |
        | --- | --- | --- | --- | --- |
        | a\|b | 15000 | tab	here, "quoted", line break | x; y | true |
        | c |  | plain |  | false |
        "#);
    }

    #[test]
    fn markdown_to_a_terminal_escapes_what_could_act_on_it() {
        let columns = Columns {
            names: vec!["text"],
            kinds: vec![crate::rows::Kind::Text],
        };
        let rows = vec![Row::from(vec![Value::text("x\u{1b}[2J\u{202e}y")])];
        let raw = written(|out| markdown(out, &columns, &rows, false));
        assert!(raw.contains("x\u{1b}\\[2J\u{202e}y"));
        let escaped = written(|out| markdown(out, &columns, &rows, true));
        assert!(escaped.contains(r"x\\u{1b}\[2J\\u{202e}y"), "{escaped}");
    }
}
