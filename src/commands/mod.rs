//! The commands, one file each: from a command's arguments to its query, and from the query's
//! answer to a view. This module dispatches; `input` reads the dataset every command answers from.

mod about;
mod chart;
mod cite;
mod completions;
mod diff;
mod estimates;
mod export;
mod facts;
mod group;
mod groups;
mod input;
mod man;
mod related;
mod report;
mod schema;
mod search;
mod sources;
mod summary;
mod timeline;
mod trend;
mod validate;

use std::io::{Read, Write};

use crate::cli::{Command, Config};
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

/// Runs a command to the end. Everything that can fail is checked before the first byte is
/// written, so an error leaves stdout empty.
pub fn run(command: &Command, config: &Config, streams: &mut Streams<'_>) -> Result<()> {
    match command {
        Command::Groups => groups::run(config, streams),
        Command::Group { name, years, all } => {
            group::run(config, streams, name, years.bounds(), *all)
        }
        Command::Estimates {
            filter,
            sort,
            reverse,
        } => estimates::run(config, streams, filter, sort.as_deref(), *reverse),
        Command::Chart { filter, log } => chart::run(config, streams, filter, *log),
        Command::Summary { groups, years } => summary::run(config, streams, groups, years.bounds()),
        Command::Trend { name, filter } => trend::run(config, streams, name, filter),
        Command::Timeline { groups, years } => {
            timeline::run(config, streams, groups, years.bounds())
        }
        Command::Search { text } => search::run(config, streams, text),
        Command::Facts { groups, source } => facts::run(config, streams, groups, source.as_deref()),
        Command::Cite { ids, all, style } => cite::run(config, streams, ids, *all, *style),
        Command::Sources { ids } => sources::run(config, streams, ids),
        Command::About => about::run(config, streams),
        Command::Related => related::run(config, streams),
        Command::Diff {
            old,
            new,
            embedded: _,
            exit_code,
        } => diff::run(config, streams, old, new.as_deref(), *exit_code),
        Command::Report { filter } => report::run(config, streams, filter),
        Command::Export { target } => export::run(config, streams, target),
        Command::Schema => schema::run(streams),
        Command::Validate { file } => validate::run(config, streams, file.as_deref()),
        Command::Completions { shell } => completions::run(streams, *shell),
        Command::Man => man::run(streams),
    }
}
