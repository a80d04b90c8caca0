//! The commands, one file each: its arguments (a clap `Args` struct, with its help), the checks
//! of its flags, the fields it lists, and how it runs, from its arguments to its query and from
//! the query's answer to a view. This module holds the one list of commands and dispatches;
//! `input` reads the dataset every command answers from.

mod input;

use std::io::{Read, Write};

use crate::cli::{self, Config, config::Facts};
use crate::error::Result;

/// Where a command reads and writes: standard input, the output, and the channel for warnings
/// and notes.
pub struct Streams<'a> {
    /// Standard input, read only for `--data -` and `validate -`.
    pub stdin: &'a mut dyn Read,
    /// Standard output, buffered.
    pub stdout: &'a mut dyn Write,
    /// Standard error, for warnings and notes to people.
    pub stderr: &'a mut dyn Write,
}

/// A command's arguments, with what the command declares about itself and how it runs.
pub trait Run: clap::Args + clap::FromArgMatches {
    /// Whether it writes its answer in the format of `--format`, with the fields of `--fields`;
    /// a command that writes one fixed form refuses both.
    const WRITES_ROWS: bool = true;
    /// Whether it reads the dataset that `--data` names.
    const READS_DATA: bool = true;
    /// Whether it can draw `--format svg`.
    const DRAWS_SVG: bool = false;

    /// The names of the fields of the rows it lists, which `--fields` picks from, in order; none
    /// for a command that lists no rows.
    fn fields() -> Option<Vec<&'static str>> {
        None
    }

    /// Refuses what the command cannot do with these arguments and settings, before it runs.
    fn check(&self, _config: &Config) -> Result<()> {
        Ok(())
    }

    /// Runs the command to the end. Everything that can fail is checked before the first byte
    /// is written, so an error leaves stdout empty.
    fn run(&self, config: &Config, streams: &mut Streams<'_>) -> Result<()>;
}

/// The clap definition of a command called `name` with the arguments `A`.
fn definition<A: Run>(name: &'static str) -> clap::Command {
    let command = A::augment_args(clap::Command::new(name));
    if A::WRITES_ROWS {
        command
    } else {
        cli::without_format_in_help(command)
    }
}

/// What the configuration must know of a command called `name` with the arguments `A`.
fn facts<A: Run>(name: &'static str) -> Facts {
    Facts {
        name,
        writes_rows: A::WRITES_ROWS,
        reads_data: A::READS_DATA,
        draws_svg: A::DRAWS_SVG,
    }
}

/// Declares the commands, each as `Variant => module`, the module being the file of the command
/// of that name: the `Command` enum of their arguments and what is looked up by a command's name.
macro_rules! commands {
    ($($variant:ident => $module:ident,)*) => {
        $(mod $module;)*

        /// The command asked for, with its arguments.
        #[derive(Debug)]
        pub enum Command {
            $(
                #[allow(missing_docs)]
                $variant($module::Arguments),
            )*
        }

        impl Command {
            /// The names of the commands, in the order `--help` lists them.
            pub const NAMES: &[&str] = &[$(stringify!($module)),*];

            /// The clap definition of the command called `name`, if there is one.
            pub fn definition(name: &str) -> Option<clap::Command> {
                match name {
                    $(stringify!($module) => {
                        Some(definition::<$module::Arguments>(stringify!($module)))
                    })*
                    _ => None,
                }
            }

            /// The names of the fields the command called `name` lists, if it lists rows.
            pub fn fields(name: &str) -> Option<Vec<&'static str>> {
                match name {
                    $(stringify!($module) => <$module::Arguments as Run>::fields(),)*
                    _ => None,
                }
            }

            /// The command clap matched, with its arguments; `name` is the subcommand it matched.
            pub fn from_matches(
                name: &str,
                matches: &mut clap::ArgMatches,
            ) -> std::result::Result<Self, clap::Error> {
                use clap::FromArgMatches;
                match name {
                    $(stringify!($module) => {
                        $module::Arguments::from_arg_matches_mut(matches).map(Command::$variant)
                    })*
                    _ => Err(clap::Error::new(clap::error::ErrorKind::InvalidSubcommand)),
                }
            }

            /// What the configuration must know of the command.
            pub fn facts(&self) -> Facts {
                match self {
                    $(Command::$variant(_) => facts::<$module::Arguments>(stringify!($module)),)*
                }
            }

            /// Refuses what the command cannot do with its arguments and these settings.
            pub fn check(&self, config: &Config) -> Result<()> {
                match self {
                    $(Command::$variant(arguments) => arguments.check(config),)*
                }
            }

            /// Runs the command to the end.
            pub fn run(&self, config: &Config, streams: &mut Streams<'_>) -> Result<()> {
                match self {
                    $(Command::$variant(arguments) => arguments.run(config, streams),)*
                }
            }
        }
    };
}

commands! {
    Summary => summary,
    Trend => trend,
    Groups => groups,
    Group => group,
    Estimates => estimates,
    Chart => chart,
    Timeline => timeline,
    Search => search,
    Facts => facts,
    Cite => cite,
    Sources => sources,
    About => about,
    Related => related,
    Diff => diff,
    Report => report,
    Export => export,
    Schema => schema,
    Validate => validate,
    Completions => completions,
    Man => man,
}

/// The whole command line: every command under the global flags. `--help` lists the commands
/// in the order of [`Command::NAMES`]; the man page and the completion scripts, which follow the
/// definitions' own order, list `cite` last.
pub fn command() -> clap::Command {
    let definitions = Command::NAMES
        .iter()
        .filter_map(|name| Command::definition(name));
    cli::command(definitions, Command::NAMES.len()).mut_subcommand("cite", |cite| cite)
}
