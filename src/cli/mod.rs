//! The command line: clap's types, the parsers of its values, the configuration decided from it
//! and the environment, and the documentation they share.

pub mod args;
pub mod config;
pub mod docs;
pub mod filter;
pub mod values;

pub use args::{CiteStyle, Cli, Command, ExportTarget};
pub use config::{Config, Environment};
pub use filter::EstimateFilterArgs;

/// The command line as clap sees it, with the documentation that is built at run time.
pub fn command() -> clap::Command {
    <Cli as clap::CommandFactory>::command()
        .after_help(docs::after_help())
        .mut_subcommand("cite", without_format_in_help)
}

/// A command that writes one fixed form, whose help does not offer `--format` and `--fields`:
/// it has flags of those names of its own, hidden, which the global ones are not copied over.
/// Their values still reach the settings, where `Config::check` refuses them in words.
fn without_format_in_help(command: clap::Command) -> clap::Command {
    command
        .arg(
            clap::Arg::new("format")
                .long("format")
                .hide(true)
                .value_parser(clap::value_parser!(args::Format)),
        )
        .arg(
            clap::Arg::new("fields")
                .long("fields")
                .hide(true)
                .value_delimiter(',')
                .action(clap::ArgAction::Append),
        )
}
