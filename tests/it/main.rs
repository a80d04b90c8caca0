//! nkru's integration tests, built as one binary: the nkru binary run as users and scripts run
//! it, and the library's public interface.

// The pedantic lints hold nkru's own code to its style; tests favour plain, long, explicit
// scenarios over the shapes those lints ask for.
#![allow(clippy::pedantic)]

mod adversarial;
mod answers;
mod architecture;
mod browser;
mod callers;
mod citations;
mod cli;
mod completions;
mod dataset_files;
mod diff;
mod embedded_data;
mod export;
mod format_document;
mod fuzz_regressions;
mod hardening;
mod harness;
mod large;
mod manual;
mod names;
mod oracles;
mod pictures;
mod properties;
mod readme;
mod report;
mod schema;
mod smaller;
mod tables;
mod terminal;
mod terminal_safety;
mod wrong_answers;
