//! JSON text of rows written straight into a buffer: the bytes serde_json writes for the same
//! values (pretty for `--format json`, compact for NDJSON), without a serializer's call for every
//! token. Rows are most of what nkru writes, and writing them was most of a query's time: the
//! keys are written out once, and a text is scanned for what needs escaping eight bytes at a time.

use std::io::{self, Write};

use crate::rows::{Columns, Record, Value};

/// How much text is gathered before it is written out: small, so that the few pages of memory it
/// takes, each costing the process a fault the first time it is touched, serve the whole output.
const CHUNK: usize = 1 << 12;

/// Text gathered in front of a writer, written out a chunk at a time.
pub struct Buffer<'w> {
    /// The text not yet written.
    text: Vec<u8>,
    /// Where it goes.
    writer: &'w mut dyn Write,
}

impl<'w> Buffer<'w> {
    /// An empty buffer in front of `writer`.
    pub fn new(writer: &'w mut dyn Write) -> Self {
        Buffer {
            text: Vec::with_capacity(2 * CHUNK),
            writer,
        }
    }

    /// Writes out what is gathered once it passes a chunk.
    fn spill(&mut self) -> io::Result<()> {
        if self.text.len() >= CHUNK {
            self.writer.write_all(&self.text)?;
            self.text.clear();
        }
        Ok(())
    }

    /// Writes out the rest and flushes the writer.
    pub fn finish(self) -> io::Result<()> {
        self.writer.write_all(&self.text)?;
        self.writer.flush()
    }
}

/// Writes rows as a pretty JSON array of objects, each as soon as it comes, followed by a
/// newline: the text of `serde_json::to_writer_pretty` for the same objects.
pub fn pretty(
    writer: &mut dyn Write,
    columns: &Columns,
    rows: impl IntoIterator<Item = impl Record>,
) -> io::Result<()> {
    let keys = keys(columns, "\n    ", ",\n    ", ": ");
    let mut buffer = Buffer::new(writer);
    let mut empty = true;
    buffer.text.push(b'[');
    for row in rows {
        buffer
            .text
            .extend_from_slice(if empty { b"\n  {" } else { b",\n  {" });
        empty = false;
        let written = buffer.values(&keys, &row, Layout::Pretty)?;
        buffer
            .text
            .extend_from_slice(if written == 0 { b"}" } else { b"\n  }" });
    }
    buffer
        .text
        .extend_from_slice(if empty { b"]\n" } else { b"\n]\n" });
    buffer.finish()
}

/// Writes rows as one compact JSON object per line, each as soon as it comes: the text of
/// `serde_json::to_writer` for each object.
pub fn lines(
    writer: &mut dyn Write,
    columns: &Columns,
    rows: impl IntoIterator<Item = impl Record>,
) -> io::Result<()> {
    let keys = keys(columns, "{", ",", ":");
    let mut buffer = Buffer::new(writer);
    for row in rows {
        if buffer.values(&keys, &row, Layout::Compact)? == 0 {
            buffer.text.push(b'{');
        }
        buffer.text.extend_from_slice(b"}\n");
    }
    buffer.finish()
}

impl Buffer<'_> {
    /// Writes a row's values, each after its key, and writes out what is gathered as it passes a
    /// chunk; answers how many values were written.
    fn values(&mut self, keys: &[Vec<u8>], row: &impl Record, layout: Layout) -> io::Result<usize> {
        let mut keys = keys.iter();
        let mut written = 0;
        row.each_value(|value| {
            if let Some(key) = keys.next() {
                self.text.extend_from_slice(key);
                write_value(&mut self.text, value, layout);
                written += 1;
            }
            self.spill()
        })?;
        Ok(written)
    }
}

/// Each column's key written out once as JSON, with what comes before it (`first` before the
/// first key, `next` before the others) and what follows it.
fn keys(columns: &Columns, first: &str, next: &str, after: &str) -> Vec<Vec<u8>> {
    columns
        .names
        .iter()
        .enumerate()
        .map(|(index, name)| {
            let mut text = Vec::from(if index == 0 { first } else { next });
            write_string(&mut text, name);
            text.extend_from_slice(after.as_bytes());
            text
        })
        .collect()
}

/// How a list is laid out: over lines, as the value of a key of an object in an array, or on
/// one line.
#[derive(Clone, Copy)]
enum Layout {
    /// Each item on a line of its own, indented three levels, as `--format json` has them.
    Pretty,
    /// All on one line, without spaces.
    Compact,
}

/// Writes one value as JSON.
fn write_value(text: &mut Vec<u8>, value: &Value<'_>, layout: Layout) {
    match value {
        Value::Text(words) => write_string(text, words),
        Value::Integer(number) => write_integer(text, *number),
        Value::Bool(flag) => text.extend_from_slice(if *flag { b"true" } else { b"false" }),
        Value::Null => text.extend_from_slice(b"null"),
        Value::List(items) if items.is_empty() => text.extend_from_slice(b"[]"),
        Value::List(items) => {
            let (first, next, end): (&[u8], &[u8], &[u8]) = match layout {
                Layout::Pretty => (b"[\n      ", b",\n      ", b"\n    ]"),
                Layout::Compact => (b"[", b",", b"]"),
            };
            for (index, item) in items.iter().enumerate() {
                text.extend_from_slice(if index == 0 { first } else { next });
                write_string(text, item);
            }
            text.extend_from_slice(end);
        }
    }
}

/// Writes a whole number in decimal digits, as serde_json does, without the formatter's padding
/// machinery.
fn write_integer(text: &mut Vec<u8>, number: i128) {
    if number < 0 {
        text.push(b'-');
    }
    let mut digits = [0u8; 39];
    text.extend_from_slice(crate::text::decimal_digits(
        number.unsigned_abs(),
        &mut digits,
    ));
}

/// Writes a text as a JSON string: quoted, with quotes, backslashes and control characters
/// escaped as serde_json escapes them, and everything else as it is.
pub fn write_string(text: &mut Vec<u8>, value: &str) {
    let bytes = value.as_bytes();
    text.reserve(bytes.len() + 2);
    text.push(b'"');
    if clean(bytes) {
        text.extend_from_slice(bytes);
    } else {
        write_escaped(text, bytes);
    }
    text.push(b'"');
}

/// Whether no byte of a text needs escaping, looked at eight bytes at a time; the last few are
/// looked at as eight, with spaces after them.
fn clean(bytes: &[u8]) -> bool {
    let (words, rest) = bytes.as_chunks::<8>();
    let mut last = [b' '; 8];
    last[..rest.len()].copy_from_slice(rest);
    words
        .iter()
        .chain([&last])
        .all(|word| !needs_escape(u64::from_le_bytes(*word)))
}

/// Writes the bytes of a text that holds something to escape, escaping it.
fn write_escaped(text: &mut Vec<u8>, bytes: &[u8]) {
    // The start of the bytes not yet copied.
    let mut start = 0;
    for (index, byte) in bytes.iter().copied().enumerate() {
        let Some(escape) = escape(byte) else {
            continue;
        };
        text.extend_from_slice(&bytes[start..index]);
        match escape {
            Escape::Short(letter) => text.extend_from_slice(&[b'\\', letter]),
            Escape::Unicode => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                text.extend_from_slice(&[
                    b'\\',
                    b'u',
                    b'0',
                    b'0',
                    HEX[usize::from(byte >> 4)],
                    HEX[usize::from(byte & 0xf)],
                ]);
            }
        }
        start = index + 1;
    }
    text.extend_from_slice(&bytes[start..]);
}

/// How a byte is escaped in a JSON string.
enum Escape {
    /// A backslash and a letter (or the byte itself, for `"` and `\`).
    Short(u8),
    /// `\u00` and the byte in two hexadecimal digits.
    Unicode,
}

/// How a byte must be escaped, if it must.
fn escape(byte: u8) -> Option<Escape> {
    match byte {
        b'"' | b'\\' => Some(Escape::Short(byte)),
        0x08 => Some(Escape::Short(b'b')),
        b'\t' => Some(Escape::Short(b't')),
        b'\n' => Some(Escape::Short(b'n')),
        0x0c => Some(Escape::Short(b'f')),
        b'\r' => Some(Escape::Short(b'r')),
        0x00..=0x1f => Some(Escape::Unicode),
        _ => None,
    }
}

/// Whether any of eight bytes must be escaped: a control character, a quote or a backslash. A
/// byte's high bit is set in `(word - n) & !word` only where some byte is below `n`, which tells
/// of a control character (below 0x20), and of a quote or a backslash once the word is XORed
/// with that byte everywhere (making it zero, below 1).
fn needs_escape(word: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let below = |word: u64, limit: u64| word.wrapping_sub(ONES * limit) & !word;
    let control = below(word, 0x20);
    let quote = below(word ^ (ONES * u64::from(b'"')), 1);
    let backslash = below(word ^ (ONES * u64::from(b'\\')), 1);
    (control | quote | backslash) & HIGH != 0
}

#[cfg(test)]
mod tests {
    use std::borrow::Cow;

    use proptest::prelude::*;

    use super::*;
    use crate::output::machine::Objects;
    use crate::rows::{Kind, Row};

    /// The columns of rows `width` values wide.
    fn columns(names: &[&'static str]) -> Columns {
        Columns {
            names: names.to_vec(),
            kinds: vec![Kind::Text; names.len()],
        }
    }

    /// What serde_json writes for the rows, pretty and as lines.
    fn serde(columns: &Columns, rows: &[Row<'_>]) -> (String, String) {
        let mut pretty = serde_json::to_string_pretty(&Objects { columns, rows }).unwrap();
        pretty.push('\n');
        let mut lines = String::new();
        for row in rows {
            let object = crate::output::machine::Object { columns, row };
            lines.push_str(&serde_json::to_string(&object).unwrap());
            lines.push('\n');
        }
        (pretty, lines)
    }

    /// What this module writes for the rows, pretty and as lines.
    fn ours(columns: &Columns, rows: &[Row<'_>]) -> (String, String) {
        let mut pretty = Vec::new();
        super::pretty(&mut pretty, columns, rows).unwrap();
        let mut lines = Vec::new();
        super::lines(&mut lines, columns, rows).unwrap();
        (
            String::from_utf8(pretty).unwrap(),
            String::from_utf8(lines).unwrap(),
        )
    }

    #[test]
    fn every_escape_is_serde_jsons() {
        let every_byte: String = (0u8..=0x7f).map(char::from).collect();
        for number in [
            0,
            9,
            10,
            -1,
            i128::MIN,
            i128::MAX,
            u64::MAX.into(),
            i128::from(u64::MAX) + 1,
        ] {
            let mut written = Vec::new();
            write_integer(&mut written, number);
            assert_eq!(written, serde_json::to_string(&number).unwrap().as_bytes());
        }
        for text in [
            every_byte.as_str(),
            "",
            "plain text of more than eight bytes",
            "\"quoted\" \\ back\u{7f} é 북한 \u{2028}",
            "12345678\n",
            "1234567\"",
        ] {
            let mut written = Vec::new();
            write_string(&mut written, text);
            assert_eq!(
                String::from_utf8(written).unwrap(),
                serde_json::to_string(text).unwrap(),
                "{text:?}"
            );
        }
    }

    #[test]
    fn eight_bytes_are_clean_only_without_a_quote_a_backslash_or_a_control() {
        for byte in 0u8..=0xff {
            for place in 0..8 {
                let mut word = *b"abcdefgh";
                word[place] = byte;
                let expected = byte < 0x20 || byte == b'"' || byte == b'\\';
                assert_eq!(
                    needs_escape(u64::from_le_bytes(word)),
                    expected,
                    "byte {byte:#x} at {place}"
                );
            }
        }
    }

    #[test]
    fn rows_of_every_kind_of_value_are_written_as_serde_json_writes_them() {
        let columns = columns(&["text", "number", "flag", "none", "list", "empty"]);
        let rows: Vec<Row<'_>> = vec![
            vec![
                Value::text("a \"b\"\n"),
                Value::Integer(-170_141_183_460_469_231_731_687_303_715_884_105_728),
                Value::Bool(true),
                Value::Null,
                Value::List(vec![Cow::Borrowed("x"), Cow::Borrowed("y\t")]),
                Value::List(Vec::new()),
            ],
            vec![
                Value::text(""),
                Value::Integer(u64::MAX.into()),
                Value::Bool(false),
                Value::Null,
                Value::List(vec![Cow::Borrowed("only")]),
                Value::List(Vec::new()),
            ],
        ];
        assert_eq!(ours(&columns, &rows), serde(&columns, &rows));
        assert_eq!(ours(&columns, &[]), serde(&columns, &[]));
        let none = self::columns(&[]);
        let empty_rows: Vec<Row<'_>> = vec![Vec::new(), Vec::new()];
        assert_eq!(ours(&none, &empty_rows), serde(&none, &empty_rows));
    }

    /// Any value a row can hold.
    fn value() -> impl Strategy<Value = Value<'static>> {
        prop_oneof![
            any::<String>().prop_map(Value::owned),
            any::<i128>().prop_map(Value::Integer),
            any::<bool>().prop_map(Value::Bool),
            Just(Value::Null),
            proptest::collection::vec(any::<String>().prop_map(Cow::Owned), 0..4)
                .prop_map(Value::List),
        ]
    }

    proptest! {
        #[test]
        fn any_rows_are_written_as_serde_json_writes_them(
            rows in proptest::collection::vec(proptest::collection::vec(value(), 3), 0..4),
        ) {
            let columns = columns(&["one", "two", "three"]);
            prop_assert_eq!(ours(&columns, &rows), serde(&columns, &rows));
        }

        #[test]
        fn any_whole_number_is_written_as_serde_json_writes_it(number in any::<i128>()) {
            let mut written = Vec::new();
            write_integer(&mut written, number);
            prop_assert_eq!(String::from_utf8(written).unwrap(), serde_json::to_string(&number).unwrap());
        }

        #[test]
        fn any_text_is_escaped_as_serde_json_escapes_it(text in any::<String>()) {
            let mut written = Vec::new();
            write_string(&mut written, &text);
            prop_assert_eq!(String::from_utf8(written).unwrap(), serde_json::to_string(&text).unwrap());
        }
    }
}
