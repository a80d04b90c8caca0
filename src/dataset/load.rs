//! Reading a dataset's text: from the binary, a file, standard input or memory, within a size limit.

use std::borrow::Cow;
use std::fmt;
use std::fs;
use std::io::Read;
use std::path::Path;
use std::sync::Arc;

use crate::error::{Error, Result};
use crate::text::escape_control;

/// The largest dataset file read unless the user raises the limit, in bytes (256 MiB).
pub const DEFAULT_SIZE_LIMIT: u64 = 256 * 1024 * 1024;

/// The largest dataset to read, and how the person running nkru can raise it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SizeLimit {
    /// The most bytes to read.
    pub bytes: u64,
    /// How to raise the limit, in the words of the caller's interface, for the error message.
    pub how_to_raise: &'static str,
}

/// Where a dataset comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// The dataset built into nkru.
    Embedded,
    /// Standard input.
    Stdin,
    /// A file on disk.
    File(String),
    /// Dataset bytes already in memory, such as a test's or a fuzzer's.
    Memory(Arc<[u8]>),
}

impl fmt::Display for Origin {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Origin::Embedded => formatter.write_str("embedded dataset"),
            Origin::Stdin => formatter.write_str("<stdin>"),
            // A file name is user input: it must not act on the terminal either.
            Origin::File(path) => formatter.write_str(&escape_control(path)),
            Origin::Memory(_) => formatter.write_str("<memory>"),
        }
    }
}

/// Reads the raw text of a dataset from `origin`, refusing what cannot be a dataset; the
/// embedded text is borrowed, not copied. Standard input is handed in by the caller.
pub fn read(origin: &Origin, limit: SizeLimit, stdin: &mut dyn Read) -> Result<Cow<'static, str>> {
    let bytes = match origin {
        Origin::Embedded => return Ok(Cow::Borrowed(super::EMBEDDED)),
        Origin::Stdin => read_limited(stdin, limit, 0, origin)?,
        Origin::File(path) if path.is_empty() => {
            return Err(Error::Usage(String::from(
                "the dataset file name is empty: give a path, or - for standard input",
            )));
        }
        Origin::File(path) => read_file(Path::new(path), limit, origin)?,
        Origin::Memory(bytes) => read_limited(&mut &bytes[..], limit, 0, origin)?,
    };
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(Error::Dataset(format!("{origin}: the file is empty")));
    }
    String::from_utf8(bytes).map(Cow::Owned).map_err(|error| {
        let offset = error.utf8_error().valid_up_to();
        let bytes = error.as_bytes();
        let (line, column) = position(bytes, offset);
        Error::Dataset(format!(
            "{origin}: line {line} column {column}: not UTF-8 text (byte 0x{:02x} at offset {offset})",
            bytes[offset]
        ))
    })
}

fn read_file(path: &Path, limit: SizeLimit, origin: &Origin) -> Result<Vec<u8>> {
    let cannot_read = |error: std::io::Error| {
        Error::Dataset(format!("{origin}: cannot read: {}", io_reason(&error)))
    };
    let metadata = fs::metadata(path).map_err(cannot_read)?;
    if metadata.is_dir() {
        return Err(Error::Dataset(format!(
            "{origin}: is a directory, not a dataset file"
        )));
    }
    if metadata.len() > limit.bytes {
        return Err(too_large(origin, limit));
    }
    let mut file = fs::File::open(path).map_err(cannot_read)?;
    read_limited(&mut file, limit, metadata.len(), origin)
}

/// Reads at most `size_limit` bytes; `expected` sizes the buffer once so a large file is not
/// copied while the buffer grows.
fn read_limited(
    reader: &mut dyn Read,
    limit: SizeLimit,
    expected: u64,
    origin: &Origin,
) -> Result<Vec<u8>> {
    let size_limit = limit.bytes;
    let capacity = usize::try_from(expected.min(size_limit).saturating_add(1)).unwrap_or(0);
    let mut bytes = Vec::with_capacity(capacity);
    reader
        .take(size_limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|error| Error::Dataset(format!("{origin}: cannot read: {}", io_reason(&error))))?;
    if bytes.len() as u64 > size_limit {
        return Err(too_large(origin, limit));
    }
    Ok(bytes)
}

fn too_large(origin: &Origin, limit: SizeLimit) -> Error {
    Error::Dataset(format!(
        "{origin}: larger than the limit of {} bytes ({})",
        limit.bytes, limit.how_to_raise
    ))
}

/// The line and column (both from 1, the column in bytes as serde_json counts) of a byte offset.
// Counting the lines before one refused byte runs once per error, not once per record.
#[allow(clippy::naive_bytecount)]
pub(crate) fn position(bytes: &[u8], offset: usize) -> (usize, usize) {
    let before = &bytes[..offset];
    let line = before.iter().filter(|byte| **byte == b'\n').count() + 1;
    let line_start = before
        .iter()
        .rposition(|byte| *byte == b'\n')
        .map_or(0, |newline| newline + 1);
    (line, offset - line_start + 1)
}

/// The reason of an I/O error in words, without the OS error number.
fn io_reason(error: &std::io::Error) -> String {
    match error.kind() {
        std::io::ErrorKind::NotFound => String::from("no such file"),
        std::io::ErrorKind::PermissionDenied => String::from("permission denied"),
        _ => {
            let text = error.to_string();
            match text.find(" (os error") {
                Some(end) => text[..end].to_owned(),
                None => text,
            }
        }
    }
}
