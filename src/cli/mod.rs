//! The command line: clap's types, the parsers of its values, the configuration decided from it
//! and the environment, and the documentation they share.

pub mod args;
pub mod config;
pub mod docs;
pub mod filter;
pub mod values;

pub use args::Cli;
pub use config::{Config, Environment};
pub use filter::EstimateFilterArgs;

/// The command line as clap sees it: the global flags with these commands under them (each
/// command's definition is its own), and the documentation that is built at run time. `places`
/// is how many commands there are in all, whether or not all are given: a command's help lists
/// its own flags first and then the global ones, whose places come after every command's.
pub fn command(commands: impl IntoIterator<Item = clap::Command>, places: usize) -> clap::Command {
    let root = clap::Command::new("nkru")
        .subcommands(commands)
        .next_display_order(places);
    <Cli as clap::Args>::augment_args(root)
        .subcommand_required(true)
        .arg_required_else_help(true)
        .after_help(docs::after_help())
}

/// A command that writes one fixed form, whose help does not offer `--format` and `--fields`:
/// it has flags of those names of its own, hidden, which the global ones are not copied over.
/// Their values still reach the settings, where `Config::check` refuses them in words.
pub fn without_format_in_help(command: clap::Command) -> clap::Command {
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
