//! nkru: an offline reference on North Koreans in Russia, as a library behind the `nkru` binary.

#![forbid(unsafe_code)]
#![deny(clippy::print_stdout, clippy::print_stderr)]

pub mod app;
pub mod cli;
pub mod data;
pub mod error;
pub mod export;
pub mod model;
pub mod numbers;
pub mod query;
pub mod record;
pub mod render;
pub mod settings;
pub mod shell;
pub mod text;
