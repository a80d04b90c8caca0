//! The command line: clap's types, the parsers of its values, the configuration decided from it
//! and the environment, and the documentation they share.

pub mod args;
pub mod config;
pub mod docs;
pub mod filter;
pub mod values;

use std::ffi::OsString;

pub use args::Cli;
pub use config::{Config, Environment};
pub use filter::EstimateFilterArgs;

/// The command line as clap sees it: the global flags with these commands under them (each
/// command's definition is its own), and the documentation that is built at run time. `places`
/// is how many commands there are in all: a command's help lists its own flags first and then
/// the global ones, whose places come after every command's.
pub fn command(commands: impl IntoIterator<Item = clap::Command>, places: usize) -> clap::Command {
    let root = clap::Command::new("nkru").subcommands(commands);
    flags(root, places).after_help(docs::after_help())
}

/// The root of the command line with the global flags alone, for arguments that need one
/// command or none; its help is never shown (help is answered by [`command`]), so it has no
/// documentation of its own. `places` is as for [`command`].
pub fn root(places: usize) -> clap::Command {
    flags(clap::Command::new("nkru"), places)
}

/// The global flags added to `root`, from the place `places` on.
fn flags(root: clap::Command, places: usize) -> clap::Command {
    <Cli as clap::Args>::augment_args(root.next_display_order(places))
        .subcommand_required(true)
        .arg_required_else_help(true)
}

/// A command that writes one fixed form, whose help does not offer `--format` and `--fields`:
/// it has flags of those names of its own, hidden, which the global ones are not copied over, and
/// so do its own commands (`export sqlite`). Their values still reach the settings, where
/// `Config::check` refuses them in words.
pub fn without_format_in_help(command: clap::Command) -> clap::Command {
    let nested: Vec<String> = command
        .get_subcommands()
        .map(|nested| nested.get_name().to_owned())
        .collect();
    let mut command = command
        .arg(
            clap::Arg::new("format")
                .long("format")
                .hide(true)
                .value_parser(clap::value_parser!(args::FormatChoice)),
        )
        .arg(
            clap::Arg::new("fields")
                .long("fields")
                .hide(true)
                .value_delimiter(',')
                .action(clap::ArgAction::Append),
        );
    for name in nested {
        command = command.mut_subcommand(name, without_format_in_help);
    }
    command
}

/// What an argument list asks of the command line, read as clap reads it up to the command's
/// name: whether only the root is needed (`--version` alone), or the root and one command, or
/// every command.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Needed<'a> {
    /// `--version` or `-V` alone: the root, with no command.
    Root,
    /// The command of this name, the first word after the global flags and their values.
    Command(&'a str),
    /// Every command: no command is named, or help is asked for, or the arguments hold
    /// anything the reading here does not follow, which clap answers with the whole tree.
    Every,
}

/// What `arguments` (the program's name first) need of the command line `root` (the global
/// flags, with no command), `names` being the commands there are. Anything not clear-cut (help,
/// `--`, a short flag, a flag not of the root, a value that begins with `-` other than `-`
/// itself, a word that names no command, such as `help`) needs every command, so clap's own
/// answer (help, suggestions, the list of commands) is unchanged.
pub fn needed<'a>(root: &clap::Command, arguments: &'a [OsString], names: &[&str]) -> Needed<'a> {
    let words = &arguments[1.min(arguments.len())..];
    if let [only] = words
        && (only == "--version" || only == "-V")
    {
        return Needed::Root;
    }
    if words.iter().any(|word| word == "-h" || word == "--help") {
        return Needed::Every;
    }
    let mut words = words.iter();
    while let Some(word) = words.next() {
        let Some(word) = word.to_str() else {
            return Needed::Every;
        };
        let Some(long) = word.strip_prefix("--") else {
            return if names.contains(&word) {
                Needed::Command(word)
            } else {
                Needed::Every
            };
        };
        let (name, value) = match long.split_once('=') {
            Some((name, _)) => (name, true),
            None => (long, false),
        };
        let Some(flag) = root
            .get_arguments()
            .find(|argument| !name.is_empty() && argument.get_long() == Some(name))
        else {
            return Needed::Every;
        };
        if flag.get_action().takes_values() && !value {
            match words.next().and_then(|value| value.to_str()) {
                Some(value) if value == "-" || !value.starts_with('-') => {}
                _ => return Needed::Every,
            }
        }
    }
    Needed::Every
}
