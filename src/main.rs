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

    /// Writes out what is gathered; what a failed write leaves is dropped, not written again.
    fn write_out(&mut self) -> io::Result<()> {
        if self.text.is_empty() {
            return Ok(());
        }
        let written = self.writer.write_all(&self.text);
        self.text.clear();
        written
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

#[cfg(test)]
mod tests {
    use super::*;

    /// A writer that keeps each write apart, and fails every write once told to.
    #[derive(Default)]
    struct Writes {
        each: Vec<Vec<u8>>,
        failing: bool,
    }

    impl Write for &mut Writes {
        fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
            if self.failing {
                return Err(io::Error::other("full"));
            }
            self.each.push(bytes.to_vec());
            Ok(bytes.len())
        }

        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn small_writes_are_gathered_and_a_large_one_goes_straight_through() {
        let mut writes = Writes::default();
        {
            let mut gathered = Gathered::new(&mut writes);
            gathered.write_all(b"one ").expect("gathered");
            gathered.write_all(b"two").expect("gathered");
            assert!(
                gathered.writer.each.is_empty(),
                "nothing written before the limit"
            );
            let large = vec![b'x'; Gathered::<Vec<u8>>::LIMIT];
            gathered.write_all(&large).expect("written");
            gathered.write_all(b" three").expect("gathered");
            gathered.flush().expect("flushed");
        }
        let sizes: Vec<usize> = writes.each.iter().map(Vec::len).collect();
        assert_eq!(sizes, [7, Gathered::<Vec<u8>>::LIMIT, 6]);
        assert_eq!(writes.each.concat().len(), 13 + Gathered::<Vec<u8>>::LIMIT);
    }

    #[test]
    fn what_is_left_is_written_when_the_writer_goes() {
        let mut writes = Writes::default();
        Gathered::new(&mut writes)
            .write_all(b"left")
            .expect("gathered");
        assert_eq!(writes.each, [b"left".to_vec()]);
    }

    #[test]
    fn text_a_failed_write_leaves_is_not_written_again() {
        let mut writes = Writes::default();
        {
            let mut gathered = Gathered::new(&mut writes);
            gathered.write_all(b"lost").expect("gathered");
            gathered.writer.failing = true;
            assert!(gathered.flush().is_err());
            gathered.writer.failing = false;
        }
        assert!(writes.each.is_empty());
    }
}
