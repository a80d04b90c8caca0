//! The `nkru` binary: runs the command line and exits with its code.

use std::io::{BufWriter, Write};
use std::process::ExitCode;

fn main() -> ExitCode {
    let environment = nkru::Environment::detect();
    let mut stdout = BufWriter::new(std::io::stdout().lock());
    // Buffered, so thousands of warnings cost a few writes; flushed before nkru exits.
    let mut stderr = BufWriter::new(std::io::stderr().lock());
    let code = nkru::execute(std::env::args_os(), &environment, &mut stdout, &mut stderr);
    let _ = stderr.flush();
    ExitCode::from(code)
}
