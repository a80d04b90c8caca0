//! The one error type of nkru and the exit code each kind of error ends with.

use std::fmt;
use std::io;

/// Everything that can stop a command. Each variant's exit code is stated once, in
/// [`Error::exit_code`], and documented in `--help`, the man page and the README.
#[derive(Debug)]
pub enum Error {
    /// A named group or record does not exist, or the name fits several.
    NotFound(String),
    /// The command line asks for something that cannot be done.
    Usage(String),
    /// The dataset cannot be read or is not valid.
    Dataset(String),
    /// Writing the output failed.
    Io(io::Error),
    /// A value could not be written as JSON (other than by a failed write).
    Json(serde_json::Error),
    /// A record could not be written as CSV (other than by a failed write).
    Csv(csv::Error),
    /// `nkru diff --exit-code` found differences; its output says which, so the error has no
    /// message.
    Differences,
    /// The SQLite database could not be written.
    Sqlite(rusqlite::Error),
}

/// What a command returns.
pub type Result<T> = std::result::Result<T, Error>;

impl Error {
    /// The process exit code for this error.
    pub fn exit_code(&self) -> i32 {
        match self {
            Error::NotFound(_) | Error::Differences => 1,
            Error::Usage(_) => 2,
            Error::Dataset(_) => 3,
            Error::Io(_) | Error::Json(_) | Error::Csv(_) | Error::Sqlite(_) => 4,
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
            Error::Json(error) => write!(formatter, "cannot write the output as JSON: {error}"),
            Error::Csv(error) => write!(formatter, "cannot write the output as CSV: {error}"),
            Error::Differences => Ok(()),
            Error::Sqlite(error) => write!(formatter, "cannot write the SQLite database: {error}"),
        }
    }
}

impl std::error::Error for Error {}

impl From<io::Error> for Error {
    fn from(error: io::Error) -> Self {
        Error::Io(error)
    }
}

impl From<rusqlite::Error> for Error {
    fn from(error: rusqlite::Error) -> Self {
        Error::Sqlite(error)
    }
}

impl From<csv::Error> for Error {
    /// A failed write stays an I/O error, so a closed pipe still ends nkru quietly.
    fn from(error: csv::Error) -> Self {
        if !error.is_io_error() {
            return Error::Csv(error);
        }
        match error.into_kind() {
            csv::ErrorKind::Io(error) => Error::Io(error),
            other => Error::Io(io::Error::other(format!("{other:?}"))),
        }
    }
}

impl From<serde_json::Error> for Error {
    /// A failed write stays an I/O error, so a closed pipe still ends nkru quietly.
    fn from(error: serde_json::Error) -> Self {
        if error.is_io() {
            Error::Io(io::Error::from(error))
        } else {
            Error::Json(error)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serialisation_errors_keep_their_kind_and_failed_writes_stay_io() {
        let json = serde_json::to_string(&std::collections::HashMap::from([((1, 2), 3)]))
            .expect_err("a map with tuple keys cannot be JSON");
        let error = Error::from(json);
        assert!(matches!(error, Error::Json(_)), "{error:?}");
        assert_eq!(error.exit_code(), 4);
        let pipe = io::Error::from(io::ErrorKind::BrokenPipe);
        let written = Error::from(serde_json::Error::io(pipe));
        assert!(written.is_broken_pipe(), "{written:?}");
    }
}
