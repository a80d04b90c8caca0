//! nkru: an offline reference on North Koreans in Russia, as a library behind the `nkru` binary.

#![forbid(unsafe_code)]
#![deny(clippy::print_stdout, clippy::print_stderr)]

pub mod app;
pub mod cli;
pub mod completion;
pub mod data;
pub mod error;
pub mod export;
pub mod manual;
pub mod model;
pub mod query;
pub mod record;
pub mod render;
pub mod schema;
pub mod settings;
pub mod shell;
pub mod synthetic;
pub mod text;
