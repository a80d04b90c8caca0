//! nkru: an offline reference on North Koreans in Russia, as a library behind the `nkru` binary.
//!
//! The public surface is the in-process entry point ([`execute`], [`execute_on_bytes`] and the
//! [`Environment`] they run in), the dataset's types with their loading and validation
//! ([`dataset`]), and the questions asked of a dataset ([`query`]). Everything else is the
//! binary's own: see `docs/architecture.md`.

mod app;
mod cli;
mod commands;
pub mod dataset;
mod error;
#[doc(hidden)]
pub mod fuzzing;
mod output;
pub mod query;
mod rows;
mod text;

pub use app::{execute, execute_on_bytes};
pub use cli::Environment;
pub use error::{Error, Result};
