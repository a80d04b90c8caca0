//! `nkru export`: the dataset written to a file another tool reads, a SQLite database.

use std::io;
use std::path::Path;

use super::{Streams, load, read};
use crate::cli::{Config, ExportTarget};
use crate::dataset::Dataset;
use crate::error::{Error, Result};
use crate::output;

/// Writes the file the target names.
pub fn run(config: &Config, streams: &mut Streams<'_>, target: &ExportTarget) -> Result<()> {
    match target {
        ExportTarget::Sqlite { file, force } => {
            let text = read(config, streams)?;
            let parsed = load(&text, config, streams)?;
            sqlite(&parsed.dataset, file, *force)?;
            let dataset = &parsed.dataset;
            writeln!(
                streams.stdout,
                "wrote {}: {} groups, {} estimates, {} events, {} sources, {} related",
                file.display(),
                dataset.groups.len(),
                dataset.estimates.len(),
                dataset.events.len(),
                dataset.sources.len(),
                dataset.related.len()
            )?;
            Ok(())
        }
    }
}

/// Writes the dataset as a SQLite database at `path`: into a temporary file in the same
/// folder, renamed into place once complete, so a failure leaves nothing half written. An
/// existing file is replaced only with `force`.
fn sqlite(dataset: &Dataset, path: &Path, force: bool) -> Result<()> {
    let exists = || {
        Error::Io(io::Error::new(
            io::ErrorKind::AlreadyExists,
            format!(
                "{} already exists; add --force to replace it",
                path.display()
            ),
        ))
    };
    if path.is_dir() {
        return Err(Error::Io(io::Error::other(format!(
            "{} is a folder; name a file to write",
            path.display()
        ))));
    }
    if !force && path.exists() {
        return Err(exists());
    }
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    if !folder.is_dir() {
        return Err(Error::Io(io::Error::new(
            io::ErrorKind::NotFound,
            format!("there is no folder {} to write into", folder.display()),
        )));
    }
    let temporary = tempfile::Builder::new()
        .prefix(".nkru-export-")
        .suffix(".db")
        .tempfile_in(folder)
        .map_err(|error| {
            Error::Io(io::Error::new(
                error.kind(),
                format!("cannot create a file in {}: {error}", folder.display()),
            ))
        })?;
    let mut connection = rusqlite::Connection::open(temporary.path())?;
    output::sqlite::write(&mut connection, dataset)?;
    connection.close().map_err(|(_, error)| error)?;
    let placed = if force {
        temporary.persist(path)
    } else {
        // Refuses, without a race, a file that appeared since the check above.
        temporary.persist_noclobber(path)
    };
    placed.map_err(|failure| {
        if failure.error.kind() == io::ErrorKind::AlreadyExists {
            exists()
        } else {
            Error::Io(failure.error)
        }
    })?;
    Ok(())
}
