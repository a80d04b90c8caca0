//! nkru: an offline reference on North Koreans in Russia, as a library behind the `nkru` binary.

#![forbid(unsafe_code)]
#![deny(clippy::print_stdout, clippy::print_stderr)]
// Pedantic lints reviewed and allowed, each for its reason:
// Every fallible function returns the one `Error`, whose variants and exit codes are documented
// once on the type; an `# Errors` section on each function would repeat it.
#![allow(clippy::missing_errors_doc)]
// The library serves the binary and its tests; marking every pure function `#[must_use]` adds
// noise without catching a mistake there.
#![allow(clippy::must_use_candidate)]
// `push_str(&format!(..))` reads plainly and runs on short messages, never in a loop over data.
#![allow(clippy::format_push_string)]
// The validator checks every invariant in one pass, in the order of the dataset's lists.
#![allow(clippy::too_many_lines)]
// Doc comments in cli.rs are the --help text, where backticks would show as they are.
#![allow(clippy::doc_markdown)]

pub mod app;
pub mod cli;
pub mod completion;
pub mod data;
pub mod error;
pub mod export;
pub mod manual;
pub mod model;
pub mod numbers;
pub mod query;
pub mod record;
pub mod render;
pub mod schema;
pub mod settings;
pub mod shell;
pub mod synthetic;
pub mod text;
