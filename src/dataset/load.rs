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

impl Origin {
    /// The dataset a command-line argument names: `-` is standard input, anything else a file.
    pub fn from_argument(argument: &str) -> Origin {
        if argument == "-" {
            Origin::Stdin
        } else {
            Origin::File(argument.to_owned())
        }
    }
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

/// The bytes read at a time until the first that is not white space.
const CHUNK: usize = 64 * 1024;

/// The most bytes reserved before any is read: a file's stated length is a hint, not a promise
/// (a sparse file states far more than it holds), so the buffer grows as bytes arrive.
const FIRST_RESERVATION: u64 = 64 * 1024 * 1024;

/// Reads at most the limit's bytes, growing the buffer as they arrive; `expected` (the length a
/// file states) sizes the first reservation, up to [`FIRST_RESERVATION`]. Memory that cannot be
/// had is an error, not an abort.
fn read_limited(
    reader: &mut dyn Read,
    limit: SizeLimit,
    expected: u64,
    origin: &Origin,
) -> Result<Vec<u8>> {
    let size_limit = limit.bytes;
    let cannot_read = |error: std::io::Error| {
        Error::Dataset(format!("{origin}: cannot read: {}", io_reason(&error)))
    };
    let no_memory = |held: usize| {
        Error::Dataset(format!(
            "{origin}: too large to hold in memory (after {held} bytes)"
        ))
    };
    let mut bytes: Vec<u8> = Vec::new();
    let first = usize::try_from(expected.min(size_limit).min(FIRST_RESERVATION)).unwrap_or(0);
    bytes
        .try_reserve_exact(first.saturating_add(1))
        .map_err(|_| no_memory(0))?;
    let mut reader = reader.take(size_limit.saturating_add(1));
    // Bytes are read straight into the buffer. Until the first that is not white space, they
    // come a chunk at a time: what does not open with `{` is refused at its first byte, so
    // reading stops there, and a huge file of zeros costs one chunk, not the memory of the file.
    let mut scanned = 0;
    loop {
        bytes
            .try_reserve(CHUNK)
            .map_err(|_| no_memory(bytes.len()))?;
        let read = (&mut reader)
            .take(CHUNK as u64)
            .read_to_end(&mut bytes)
            .map_err(|error| match error.kind() {
                std::io::ErrorKind::OutOfMemory => no_memory(bytes.len()),
                _ => cannot_read(error),
            })?;
        if read == 0 {
            return finish(bytes, limit, origin);
        }
        // A byte-order mark is three bytes: the scan starts again before one cut in two.
        if let Some(first) = first_significant(&bytes, scanned) {
            if bytes[first] != b'{' {
                bytes.truncate(first + 1);
                return finish(bytes, limit, origin);
            }
            break;
        }
        scanned = bytes.len().saturating_sub(3);
    }
    let rest = usize::try_from(expected.min(size_limit)).unwrap_or(0);
    bytes
        .try_reserve_exact(rest.saturating_sub(bytes.len()).saturating_add(1))
        .map_err(|_| no_memory(bytes.len()))?;
    reader
        .read_to_end(&mut bytes)
        .map_err(|error| match error.kind() {
            std::io::ErrorKind::OutOfMemory => no_memory(bytes.len()),
            _ => cannot_read(error),
        })?;
    finish(bytes, limit, origin)
}

/// The bytes read, or the error of a dataset larger than the limit.
fn finish(bytes: Vec<u8>, limit: SizeLimit, origin: &Origin) -> Result<Vec<u8>> {
    if bytes.len() as u64 > limit.bytes {
        return Err(too_large(origin, limit));
    }
    Ok(bytes)
}

/// The position of the first byte that is not white space or a byte-order mark, if any, looking
/// from `from` on (the bytes before it are white space, or the mark).
fn first_significant(bytes: &[u8], from: usize) -> Option<usize> {
    let start = if bytes.starts_with(&[0xef, 0xbb, 0xbf]) {
        from.max(3)
    } else {
        from
    };
    bytes
        .iter()
        .skip(start)
        .position(|byte| !matches!(byte, b' ' | b'\t' | b'\n' | b'\r'))
        .map(|position| position + start)
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
