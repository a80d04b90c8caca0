//! `nkru export`: the dataset written to a file another tool reads, a SQLite database.

use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};

use super::{Run, Streams};
use super::input::with_dataset;
use crate::cli::Config;
use crate::dataset::Dataset;
use crate::error::{Error, Result};
use crate::output;
use crate::text::escape_control;

/// Write the dataset to a file another tool reads: a SQLite database.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  nkru export sqlite nkru.db\n  nkru export sqlite nkru.db --force\n  sqlite3 nkru.db 'select counts, count(*) from estimates group by counts'"
)]
pub struct Arguments {
    /// What to write.
    #[command(subcommand)]
    pub target: Target,
}

/// The files `nkru export` writes.
#[derive(Debug, clap::Subcommand)]
pub enum Target {
    /// A SQLite database: one table per list, with keys, indexes and a `meta` table.
    ///
    /// It is written to a temporary file beside FILE and renamed, so a failure leaves nothing
    /// half written.
    Sqlite {
        /// The database file to write.
        file: PathBuf,

        /// Replace FILE if it exists.
        #[arg(long)]
        force: bool,
    },
}

impl Run for Arguments {
    const WRITES_ROWS: bool = false;

    fn check(&self, _config: &Config) -> Result<()> {
        let Target::Sqlite { file, .. } = &self.target;
        if file.as_os_str() == "-" {
            return Err(Error::Usage(String::from(
                "a database cannot be written to stdout: name the file to write instead of `-`",
            )));
        }
        Ok(())
    }

    fn run(&self, config: &Config, streams: &mut Streams<'_>) -> Result<()> {
        run(config, streams, &self.target)
    }
}

/// Writes the file the target names, and says so on stderr: its result is the file, so stdout is
/// never needed.
pub fn run(config: &Config, streams: &mut Streams<'_>, target: &Target) -> Result<()> {
    match target {
        Target::Sqlite { file, force } => {
            with_dataset(config, streams, |dataset, streams| {
                sqlite(&dataset, file, *force)?;
                writeln!(
                    streams.stderr,
                    "nkru: wrote {}: {} groups, {} estimates, {} events, {} sources, {} related",
                    escape_control(&file.to_string_lossy()),
                    dataset.groups.len(),
                    dataset.estimates.len(),
                    dataset.events.len(),
                    dataset.sources.len(),
                    dataset.related.len()
                )?;
                Ok(())
            })
        }
    }
}

/// Writes the dataset as a SQLite database at `path`: into a temporary file in the same
/// folder, renamed into place once complete, so a failure or a signal leaves nothing half
/// written. An existing regular file is replaced only with `force`; anything else at `path` (a
/// folder, a FIFO, a device, a link) is never replaced. The database gets the mode the umask
/// leaves of 0666, as any new file.
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
    match std::fs::symlink_metadata(path) {
        Ok(metadata) if metadata.is_dir() => {
            return Err(Error::Io(io::Error::other(format!(
                "{} is a folder; name a file to write",
                path.display()
            ))));
        }
        Ok(metadata) if !metadata.is_file() => {
            return Err(Error::Io(io::Error::other(format!(
                "{} is {}, not a regular file; nkru replaces only a regular file",
                path.display(),
                kind_of(metadata.file_type())
            ))));
        }
        Ok(_) if !force => return Err(exists()),
        Ok(_) => {}
        Err(error) if error.kind() == io::ErrorKind::NotFound => {}
        Err(error) => return Err(Error::Io(error)),
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
    let mut builder = tempfile::Builder::new();
    builder.prefix(".nkru-export-").suffix(".db");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // The kernel takes the umask from this, as for any file a program creates.
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    // The signals are watched before the file exists, and it is made under the watch's lock: a
    // signal at any moment finds it either not yet made or known.
    let pending = Interrupted::watch()?;
    let temporary = pending
        .create(|| builder.tempfile_in(folder))
        .map_err(|error| {
            Error::Io(io::Error::new(
                error.kind(),
                format!("cannot create a file in {}: {error}", folder.display()),
            ))
        })?;
    let mut connection = rusqlite::Connection::open(temporary.path())?;
    // The rollback journal stays in memory: a failed export discards the whole file anyway, and
    // no `-journal` file is left beside it by a signal.
    connection.pragma_update(None, "journal_mode", "MEMORY")?;
    output::sqlite::write(&mut connection, dataset)?;
    connection.close().map_err(|(_, error)| error)?;
    pending.finish(|| {
        let placed = if force {
            temporary.persist(path)
        } else {
            // Refuses, without a race, a file that appeared since the check above.
            temporary.persist_noclobber(path)
        };
        placed.map(drop).map_err(|failure| {
            if failure.error.kind() == io::ErrorKind::AlreadyExists {
                exists()
            } else {
                Error::Io(failure.error)
            }
        })
    })
}

/// What a file that is not a regular one is, in words.
fn kind_of(kind: std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "a FIFO";
        }
        if kind.is_char_device() || kind.is_block_device() {
            return "a device";
        }
        if kind.is_socket() {
            return "a socket";
        }
    }
    if kind.is_symlink() {
        "a symbolic link"
    } else {
        "something other than a file"
    }
}

/// A temporary file removed when SIGINT, SIGTERM or SIGHUP ends the process before the file is
/// renamed into place; a thread waits for the signals while the export runs.
struct Interrupted {
    /// The file to remove on a signal; none once it has been renamed.
    path: Arc<Mutex<Option<PathBuf>>>,
    #[cfg(unix)]
    handle: signal_hook::iterator::Handle,
    #[cfg(unix)]
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Interrupted {
    /// Starts watching for the signals that would leave a temporary file behind.
    #[cfg(unix)]
    fn watch() -> Result<Self> {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
        let pending = Arc::new(Mutex::new(None));
        let mut signals = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP])?;
        let handle = signals.handle();
        let shared = Arc::clone(&pending);
        let thread = std::thread::spawn(move || {
            if let Some(signal) = signals.forever().next() {
                // Holding the lock until the process ends: a rename under way finishes first,
                // and none starts after.
                let mut path = shared.lock().unwrap_or_else(PoisonError::into_inner);
                if let Some(path) = path.take() {
                    let _ = std::fs::remove_file(path);
                }
                let _ = signal_hook::low_level::emulate_default_handler(signal);
                std::process::exit(128 + signal);
            }
        });
        Ok(Interrupted {
            path: pending,
            handle,
            thread: Some(thread),
        })
    }

    #[cfg(not(unix))]
    fn watch() -> Result<Self> {
        Ok(Interrupted {
            path: Arc::new(Mutex::new(None)),
        })
    }

    /// Makes the temporary file and notes it, holding the lock throughout.
    fn create(
        &self,
        make: impl FnOnce() -> io::Result<tempfile::NamedTempFile>,
    ) -> io::Result<tempfile::NamedTempFile> {
        let mut path = self.path.lock().unwrap_or_else(PoisonError::into_inner);
        let file = make()?;
        *path = Some(file.path().to_path_buf());
        Ok(file)
    }

    /// Renames the file into place with no signal handled meanwhile, then stops watching.
    fn finish(mut self, rename: impl FnOnce() -> Result<()>) -> Result<()> {
        let mut path = self.path.lock().unwrap_or_else(PoisonError::into_inner);
        let renamed = rename();
        *path = None;
        drop(path);
        self.stop();
        renamed
    }

    fn stop(&mut self) {
        #[cfg(unix)]
        {
            self.handle.close();
            if let Some(thread) = self.thread.take() {
                let _ = thread.join();
            }
        }
    }
}

impl Drop for Interrupted {
    fn drop(&mut self) {
        self.stop();
    }
}
