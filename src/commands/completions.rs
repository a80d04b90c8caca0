//! `nkru completions`: a shell's completion script, with commands, flags, their values and the
//! embedded dataset's group names.

use std::collections::HashSet;

use clap::Arg;
use clap::builder::{PossibleValue, PossibleValuesParser};
use clap_complete::Shell;

use super::{Run, Streams};
use crate::cli::Config;
use crate::dataset::{self, Dataset};
use crate::error::Result;

/// Print a script that completes nkru's commands, flags and group names in a shell.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  nkru completions bash > ~/.local/share/bash-completion/completions/nkru\n  nkru completions zsh > ~/.zfunc/_nkru\n  nkru completions fish > ~/.config/fish/completions/nkru.fish"
)]
pub struct Arguments {
    /// The shell to complete in.
    pub shell: clap_complete::Shell,
}

impl Run for Arguments {
    const WRITES_ROWS: bool = false;
    const READS_DATA: bool = false;

    fn run(&self, _config: &Config, streams: &mut Streams<'_>) -> Result<()> {
        run(streams, self.shell)
    }
}

/// Writes the completion script of `shell`, offering the embedded dataset's group names.
pub fn run(streams: &mut Streams<'_>, shell: Shell) -> Result<()> {
    let mut command = command(shell, &dataset::embedded()?);
    let name = command.get_name().to_owned();
    // clap_complete panics when its writer fails; it writes into memory, and nkru writes that.
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut command, name, &mut script);
    streams.stdout.write_all(&script)?;
    Ok(())
}

/// The command line as the completion script sees it: like the parser's, but with the names of
/// the groups and the fields of each command as the values to offer. Only completion uses these
/// values; the parser itself still takes any name, since names also match by prefix or plural.
pub fn command(shell: Shell, dataset: &Dataset) -> clap::Command {
    let groups = group_names(dataset, shell);
    let mut command = crate::commands::command();
    // Building copies the global flags, `--fields` among them, into each subcommand.
    command.build();
    let names: Vec<String> = command
        .get_subcommands()
        .map(|subcommand| subcommand.get_name().to_owned())
        .collect();
    for name in names {
        let fields = super::Command::fields(&name);
        let groups = groups.clone();
        let subcommand_name = name.clone();
        command = command.mut_subcommand(&subcommand_name, move |mut subcommand| {
            let ids: Vec<String> = subcommand
                .get_arguments()
                .map(|argument| argument.get_id().to_string())
                .collect();
            for id in ids {
                let groups = groups.clone();
                let name = name.clone();
                let fields = fields.clone();
                subcommand = subcommand.mut_arg(&id, move |argument| {
                    offer_values(argument, &name, fields, groups)
                });
            }
            subcommand
        });
    }
    command
}

/// The argument with the values completion should offer for it, if it names a group or fields.
fn offer_values(
    argument: Arg,
    command: &str,
    fields: Option<Vec<&'static str>>,
    groups: Vec<PossibleValue>,
) -> Arg {
    let long = argument.get_long().map(str::to_owned);
    let names_a_group =
        long.as_deref() == Some("group") || (command == "group" && argument.get_id() == "name");
    if names_a_group {
        return argument.value_parser(PossibleValuesParser::new(groups));
    }
    match (long.as_deref(), fields) {
        (Some("fields"), Some(fields)) => argument.value_parser(PossibleValuesParser::new(fields)),
        _ => argument,
    }
}

/// The ids and aliases of the groups, each once, with the group's name as its description.
/// Bash splits its word lists at spaces, so for bash only names without white space are offered;
/// every group can still be completed by its id.
fn group_names(dataset: &Dataset, shell: Shell) -> Vec<PossibleValue> {
    let mut seen: HashSet<String> = HashSet::new();
    let mut values = Vec::new();
    for group in &dataset.groups {
        for name in std::iter::once(&group.id).chain(&group.aliases) {
            let splits_in_bash = shell == Shell::Bash && name.chars().any(char::is_whitespace);
            let usable = !(name.is_empty() || name.chars().any(char::is_control) || splits_in_bash);
            let key = name.to_lowercase();
            if usable && seen.insert(key) {
                values.push(PossibleValue::new(name.to_string()).help(group.name.to_string()));
            }
        }
    }
    values
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rows::{self, tables};

    fn offered(shell: Shell, subcommand: &str, argument: &str) -> Vec<String> {
        let dataset = crate::dataset::embedded().expect("the embedded dataset loads");
        let command = command(shell, &dataset);
        let subcommand = command
            .find_subcommand(subcommand)
            .expect("the subcommand exists");
        let argument = subcommand
            .get_arguments()
            .find(|candidate| candidate.get_id() == argument)
            .expect("the argument exists");
        argument
            .get_possible_values()
            .iter()
            .map(|value| value.get_name().to_owned())
            .collect()
    }

    #[test]
    fn group_names_are_offered_wherever_a_group_is_named() {
        let names = offered(Shell::Zsh, "group", "name");
        assert!(names.contains(&String::from("workers")));
        assert!(names.contains(&String::from("guest workers")));
        assert!(names.contains(&String::from("troops")));
        for (subcommand, argument) in [
            ("estimates", "groups"),
            ("chart", "groups"),
            ("summary", "groups"),
            ("timeline", "groups"),
        ] {
            assert_eq!(offered(Shell::Zsh, subcommand, argument), names);
        }
        let bash = offered(Shell::Bash, "group", "name");
        assert!(bash.contains(&String::from("workers")));
        assert!(bash.iter().all(|name| !name.contains(' ')), "{bash:?}");
    }

    #[test]
    fn each_command_offers_its_own_fields() {
        assert_eq!(
            offered(Shell::Bash, "estimates", "fields"),
            rows::names(tables::estimates())
        );
        assert_eq!(
            offered(Shell::Bash, "timeline", "fields"),
            rows::names(tables::events())
        );
    }

    #[test]
    fn the_parser_still_takes_any_group_name() {
        let matches = crate::commands::command()
            .try_get_matches_from(["nkru", "group", "guest work"])
            .expect("parses");
        let (name, matches) = matches.subcommand().expect("a command");
        assert_eq!(name, "group");
        assert_eq!(
            matches.get_one::<String>("name").map(AsRef::as_ref),
            Some("guest work")
        );
    }
}
