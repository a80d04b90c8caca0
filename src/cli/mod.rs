//! The command line: clap's types, the parsers of its values, the configuration decided from it
//! and the environment, and the documentation they share.

pub mod args;
pub mod config;
pub mod docs;
pub mod values;

pub use args::{CiteStyle, Cli, Command, EstimateFilterArgs, ExportTarget};
pub use config::{Config, Environment};

/// The command line as clap sees it, with the documentation that is built at run time.
pub fn command() -> clap::Command {
    <Cli as clap::CommandFactory>::command().after_help(docs::after_help())
}
