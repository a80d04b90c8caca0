//! The `nkru` binary: runs the command line and exits with its code.

use std::io::{BufWriter, Write};
use std::process::ExitCode;

fn main() -> ExitCode {
    let environment = nkru::Environment::detect();
    let mut stdout = BufWriter::new(standard_output());
    // Buffered, so thousands of warnings cost a few writes; flushed before nkru exits.
    let mut stderr = BufWriter::new(std::io::stderr().lock());
    let code = nkru::execute(std::env::args_os(), &environment, &mut stdout, &mut stderr);
    let _ = stderr.flush();
    ExitCode::from(code)
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
