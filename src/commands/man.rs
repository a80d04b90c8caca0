//! `nkru man`: the manual page, in roff: clap's sections plus exit status, environment, files
//! and examples.

use std::io::Write;

use clap_mangen::Man;
use clap_mangen::roff::{Roff, bold, roman};

use super::{Run, Streams};
use crate::cli::Config;
use crate::cli::docs::{self, ENVIRONMENT, EXIT_CODES};
use crate::error::Result;

/// Print the manual page in roff, for `man`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  nkru man | man -l -\n  nkru man > ~/.local/share/man/man1/nkru.1"
)]
pub struct Arguments {}

impl Run for Arguments {
    const WRITES_ROWS: bool = false;
    const READS_DATA: bool = false;

    fn run(&self, _config: &Config, streams: &mut Streams<'_>) -> Result<()> {
        run(streams)
    }
}

/// What nkru is and does, for the DESCRIPTION section; `{groups}` stands for the groups of the
/// embedded dataset, named as it names them.
const DESCRIPTION: &str = "nkru answers questions about North Koreans in Russia from a dataset \
    built into it: the groups ({groups}), population \
    estimates with their periods and regions, dated events, and the sources behind every figure, \
    with the section of the article each comes from. On a terminal it prints tables, a chart and \
    a timeline; piped, it writes tab-separated values, and --format gives CSV, JSON, NDJSON or \
    Markdown for other programs. Group names may be given by id, name or alias, singular or \
    plural, or by a prefix that fits one group.";

/// The description with every group of the embedded dataset, its name in lower case, parted by
/// semicolons.
fn description() -> String {
    let groups: Vec<String> = crate::dataset::embedded()
        .map(|dataset| {
            dataset
                .groups
                .iter()
                .map(|group| group.name.to_lowercase())
                .collect()
        })
        .unwrap_or_default();
    // Semicolons part them, since a group's name may hold "and".
    DESCRIPTION.replace("{groups}", &groups.join("; "))
}

/// Writes the whole manual page.
pub fn run(streams: &mut Streams<'_>) -> Result<()> {
    write(streams.stdout)
}

/// Writes the whole manual page to `writer`.
fn write(writer: &mut dyn Write) -> Result<()> {
    let command = crate::commands::command();
    let man = Man::new(command.clone());
    man.render_title(writer)?;
    man.render_name_section(writer)?;
    man.render_synopsis_section(writer)?;

    let mut roff = Roff::new();
    roff.control("SH", ["DESCRIPTION"]);
    roff.text([roman(description())]);
    roff.to_writer(writer)?;
    man.render_options_section(writer)?;

    let mut roff = Roff::new();
    roff.control("SH", ["COMMANDS"]);
    for subcommand in command.get_subcommands() {
        commands(&mut roff, subcommand, "nkru");
    }
    roff.control("SH", ["EXIT STATUS"]);
    for exit in EXIT_CODES {
        definition(
            &mut roff,
            &exit.code.to_string(),
            &docs::sentence(exit.meaning),
        );
    }
    roff.control("SH", ["ENVIRONMENT"]);
    for variable in ENVIRONMENT {
        definition(&mut roff, variable.name, variable.detail);
    }

    roff.control("SH", ["FILES"]);
    roff.text([roman(
        "The dataset is embedded in the nkru binary, so nkru reads no file unless asked to. \
         With --data FILE (or NKRU_DATA) it reads the dataset from FILE instead, and with \
         --data - from standard input; nkru validate FILE checks such a file and reports every \
         problem. nkru groups --format json and the other JSON outputs show the fields a \
         dataset has.",
    )]);

    roff.control("SH", ["EXAMPLES"]);
    for (_, examples) in examples(&command) {
        roff.control("PP", []);
        roff.control("nf", []);
        roff.control("RS", ["4"]);
        for example in examples {
            roff.text([roman(example)]);
        }
        roff.control("RE", []);
        roff.control("fi", []);
    }
    roff.to_writer(writer)?;
    man.render_version_section(writer)?;
    Ok(())
}

/// One command of the COMMANDS section: its usage, what it does, and its own arguments; then
/// each of its own commands, such as `nkru export sqlite`.
fn commands(roff: &mut Roff, subcommand: &clap::Command, parent: &str) {
    let name = format!("{parent} {}", subcommand.get_name());
    let mut usage = vec![bold(name.clone())];
    let arguments: Vec<&clap::Arg> = subcommand
        .get_arguments()
        .filter(|argument| !argument.is_global_set() && !argument.is_hide_set())
        .filter(|argument| argument.get_id() != "help")
        .collect();
    for argument in &arguments {
        if argument.is_positional() {
            let value = argument.get_id().as_str().to_uppercase();
            let value = if argument.is_required_set() {
                format!(" {value}")
            } else {
                format!(" [{value}]")
            };
            usage.push(roman(value));
        }
    }
    if arguments.iter().any(|argument| !argument.is_positional()) {
        usage.push(roman(" [OPTIONS]"));
    }
    roff.control("TP", []);
    roff.text(usage);
    let about = subcommand
        .get_long_about()
        .or_else(|| subcommand.get_about())
        .map(ToString::to_string)
        .unwrap_or_default();
    for (index, paragraph) in about.split("\n\n").enumerate() {
        if index > 0 {
            roff.control("IP", []);
        }
        roff.text([roman(paragraph.replace('\n', " "))]);
    }
    for argument in arguments {
        let term = match argument.get_long() {
            Some(long) => {
                let value = argument
                    .get_value_names()
                    .and_then(|names| names.first())
                    .map(|name| format!(" {name}"))
                    .filter(|_| argument.get_action().takes_values())
                    .unwrap_or_default();
                format!("--{long}{value}")
            }
            None => argument.get_id().as_str().to_uppercase(),
        };
        let mut help = argument
            .get_help()
            .map(ToString::to_string)
            .unwrap_or_default();
        let values: Vec<String> = argument
            .get_possible_values()
            .iter()
            .map(|value| value.get_name().to_owned())
            .collect();
        if !values.is_empty() {
            help.push_str(&format!(". One of: {}.", values.join(", ")));
        }
        roff.control("RS", []);
        roff.control("TP", []);
        roff.text([bold(term)]);
        roff.text([roman(help)]);
        roff.control("RE", []);
    }
    for nested in subcommand.get_subcommands() {
        if nested.get_name() != "help" {
            commands(roff, nested, &name);
        }
    }
}

/// A term and its meaning, as an indented paragraph.
fn definition(roff: &mut Roff, term: &str, meaning: &str) {
    roff.control("TP", []);
    roff.text([bold(term)]);
    roff.text([roman(meaning)]);
}

/// The worked examples of the `--help` of nkru and each command, with the name they belong to.
pub fn examples(command: &clap::Command) -> Vec<(String, Vec<String>)> {
    let mut all = vec![(String::from("nkru"), examples_of(command))];
    for subcommand in command.get_subcommands() {
        let examples = examples_of(subcommand);
        if !examples.is_empty() {
            all.push((format!("nkru {}", subcommand.get_name()), examples));
        }
    }
    all
}

/// The lines under `Examples:` at the end of a command's help.
fn examples_of(command: &clap::Command) -> Vec<String> {
    let Some(help) = command.get_after_help() else {
        return Vec::new();
    };
    let help = help.to_string();
    help.lines()
        .skip_while(|line| line.trim() != "Examples:")
        .skip(1)
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn help_lists_the_same_exit_codes_and_environment_as_the_manual() {
        let help = crate::commands::command().render_long_help().to_string();
        let mut page = Vec::new();
        write(&mut page).expect("the page is written");
        let page = String::from_utf8(page).expect("the page is UTF-8");
        for exit in EXIT_CODES {
            assert!(help.contains(&format!("  {}  {}", exit.code, exit.meaning)));
            assert!(
                page.contains(&docs::sentence(exit.meaning)),
                "{}",
                exit.code
            );
        }
        for variable in ENVIRONMENT {
            assert!(help.contains(variable.name), "{}", variable.name);
            assert!(page.contains(variable.name), "{}", variable.name);
        }
    }

    #[test]
    fn every_command_has_examples() {
        let command = crate::commands::command();
        let examples = examples(&command);
        assert_eq!(examples.len(), command.get_subcommands().count() + 1);
        assert!(examples[0].1.contains(&String::from("nkru chart")));
    }
}
