//! The one error type of nkru and the exit code each kind of error ends with.

use std::fmt;
use std::io;

/// Everything that can stop a command, grouped by the exit code it ends with.
#[derive(Debug)]
pub enum Error {
    /// A named group or record does not exist, or the name fits several (exit 1).
    NotFound(String),
    /// The command line asks for something that cannot be done (exit 2).
    Usage(String),
    /// The dataset cannot be read or is not valid (exit 3).
    Dataset(String),
    /// Writing the output failed (exit 4).
    Io(io::Error),
}

/// What a command returns.
pub type Result<T> = std::result::Result<T, Error>;

impl Error {
    /// The process exit code for this error, as documented in the README and `--help`.
    pub fn exit_code(&self) -> i32 {
        match self {
            Error::NotFound(_) => 1,
            Error::Usage(_) => 2,
            Error::Dataset(_) => 3,
            Error::Io(_) => 4,
        }
    }

    /// Whether this error is the reader of stdout going away, which ends nkru quietly.
    pub fn is_broken_pipe(&self) -> bool {
        matches!(self, Error::Io(error) if error.kind() == io::ErrorKind::BrokenPipe)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::NotFound(message) | Error::Usage(message) | Error::Dataset(message) => {
                formatter.write_str(message)
            }
            Error::Io(error) => write!(formatter, "cannot write the output: {error}"),
        }
    }
}

impl std::error::Error for Error {}

impl From<io::Error> for Error {
    fn from(error: io::Error) -> Self {
        Error::Io(error)
    }
}

impl From<csv::Error> for Error {
    fn from(error: csv::Error) -> Self {
        if !error.is_io_error() {
            return Error::Io(io::Error::other(error.to_string()));
        }
        match error.into_kind() {
            csv::ErrorKind::Io(error) => Error::Io(error),
            _ => Error::Io(io::Error::other("CSV writer failed")),
        }
    }
}

impl From<serde_json::Error> for Error {
    fn from(error: serde_json::Error) -> Self {
        Error::Io(io::Error::from(error))
    }
}
