//! The `nkru` binary: runs the command line and exits with its code.

use std::io::{self, Write};
use std::process::ExitCode;

fn main() -> ExitCode {
    let environment = nkru::Environment::detect();
    let mut stdout = Gathered::new(standard_output());
    // Buffered, so thousands of warnings cost a few writes; flushed before nkru exits.
    let mut stderr = Gathered::new(io::stderr().lock());
    let code = nkru::execute(std::env::args_os(), &environment, &mut stdout, &mut stderr);
    let _ = stderr.flush();
    ExitCode::from(code)
}

/// What a writer is given, gathered and written out 8 KB at a time, as `BufWriter` does, in
/// memory taken only as it is written: a run that writes nothing to stderr touches no page for
/// it, and a large write goes straight through.
struct Gathered<W: Write> {
    /// What is not written out yet.
    text: Vec<u8>,
    /// Where it goes.
    writer: W,
}

impl<W: Write> Gathered<W> {
    /// How much is gathered before it is written out.
    const LIMIT: usize = 8 * 1024;

    /// Nothing gathered yet in front of `writer`.
    fn new(writer: W) -> Self {
        Gathered {
            text: Vec::new(),
            writer,
        }
    }

    /// Writes out what is gathered.
    fn write_out(&mut self) -> io::Result<()> {
        if !self.text.is_empty() {
            self.writer.write_all(&self.text)?;
            self.text.clear();
        }
        Ok(())
    }
}

/// What is still gathered is written out when the writer goes, as `BufWriter` does.
impl<W: Write> Drop for Gathered<W> {
    fn drop(&mut self) {
        let _ = self.write_out();
    }
}

impl<W: Write> Write for Gathered<W> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        if self.text.len() + bytes.len() > Self::LIMIT {
            self.write_out()?;
        }
        if bytes.len() >= Self::LIMIT {
            return self.writer.write(bytes);
        }
        self.text.extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.write_out()?;
        self.writer.flush()
    }
}

/// Stdout as a file of its own, so that every failed write is an error: the standard library's
/// stdout takes a write that fails because the descriptor cannot be written (a stdout opened
/// read-only) for a success. Whether stdout is usable is decided by writing to it, never by how
/// it was opened.
#[cfg(unix)]
fn standard_output() -> Box<dyn Write> {
    use std::os::fd::AsFd;
    match std::io::stdout().as_fd().try_clone_to_owned() {
        Ok(descriptor) => Box::new(std::fs::File::from(descriptor)),
        Err(_) => Box::new(std::io::stdout().lock()),
    }
}

#[cfg(not(unix))]
fn standard_output() -> Box<dyn Write> {
    Box::new(std::io::stdout().lock())
}
