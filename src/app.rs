//! The process edge: parses the arguments, decides the configuration, runs the command, and turns
//! its result into bytes on stdout, one line on stderr and an exit code.

use std::ffi::OsString;
use std::io::Write;
use std::sync::Arc;

use clap::FromArgMatches;
use clap::error::ErrorKind;

use crate::cli::{self, Cli, Config, Environment};
use crate::commands::{self, Command, Streams};
use crate::dataset::Origin;
use crate::error::Error;
use crate::text::escape_control;

/// Runs nkru with these arguments and returns the process exit code; `--data -` reads the
/// process's standard input.
pub fn execute(
    arguments: impl IntoIterator<Item = OsString>,
    environment: &Environment,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> u8 {
    let mut stderr = Lenient(stderr);
    let mut streams = Streams {
        stdin: &mut StandardInput,
        stdout,
        stderr: &mut stderr,
    };
    let result = parse_and_run(arguments, environment, None, &mut streams);
    finish(result, streams.stdout, streams.stderr)
}

/// The process's standard input, which the standard library gives its buffer only once it is
/// read: most commands never read it, and memory touched costs a start its page faults.
struct StandardInput;

impl std::io::Read for StandardInput {
    fn read(&mut self, bytes: &mut [u8]) -> std::io::Result<usize> {
        std::io::stdin().read(bytes)
    }

    fn read_to_end(&mut self, bytes: &mut Vec<u8>) -> std::io::Result<usize> {
        std::io::stdin().read_to_end(bytes)
    }
}

/// Stderr as commands see it: a warning or note that cannot be written is dropped, so nothing
/// that happens to stderr changes what reaches stdout or the exit code.
struct Lenient<'a>(&'a mut dyn Write);

impl Write for Lenient<'_> {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        let _ = self.0.write_all(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        let _ = self.0.flush();
        Ok(())
    }
}

/// Runs nkru with these arguments on dataset bytes already in memory, which take the place of the
/// embedded dataset, `--data` and `validate FILE`; for tests and fuzzing.
pub fn execute_on_bytes(
    arguments: impl IntoIterator<Item = OsString>,
    environment: &Environment,
    dataset: &[u8],
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> u8 {
    let origin = Origin::Memory(Arc::from(dataset));
    let mut stderr = Lenient(stderr);
    let mut streams = Streams {
        stdin: &mut std::io::empty(),
        stdout,
        stderr: &mut stderr,
    };
    let result = parse_and_run(arguments, environment, Some(origin), &mut streams);
    finish(result, streams.stdout, streams.stderr)
}

/// Parses the arguments and runs the command, on `origin` instead of the dataset they name if given.
fn parse_and_run(
    arguments: impl IntoIterator<Item = OsString>,
    environment: &Environment,
    origin: Option<Origin>,
    streams: &mut Streams<'_>,
) -> Result<(), Error> {
    let arguments: Vec<OsString> = arguments.into_iter().collect();
    let parsed = parse(&arguments).or_else(|error| match without_help_flags_of_help(&arguments) {
        Some(retried) if !is_help(&error) => parse(&retried),
        _ => Err(error),
    });
    let (cli, mut command) = match parsed {
        Ok(parsed) => parsed,
        Err(error) => {
            return match error.kind() {
                ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
                    write!(streams.stdout, "{}", error.render()).map_err(Error::from)
                }
                _ => Err(Error::Usage(one_line(&error, &arguments))),
            };
        }
    };
    let mut config = Config::new(&cli, command.facts(), environment)?;
    command.check(&config)?;
    if let Some(origin) = origin {
        config.origin = origin;
        if let Command::Validate(arguments) = &mut command {
            arguments.file = None;
        }
    }
    command.run(&config, streams)
}

/// The global flags and the command of the arguments. Clap is given only what they need: the
/// root alone for `--version`, the root and the one command named when that is clear-cut, so a
/// run does not build every command's definition; and every command otherwise, or when that
/// smaller command line finds anything wrong, so help, errors and suggestions are the whole
/// tree's.
fn parse(arguments: &[OsString]) -> Result<(Cli, Command), clap::Error> {
    let places = Command::NAMES.len();
    let root = cli::root(places);
    let smaller = match cli::needed(&root, arguments, Command::NAMES) {
        cli::Needed::Root => Some(root),
        cli::Needed::Command(name) => {
            Command::definition(name).map(|command| root.subcommand(command))
        }
        cli::Needed::Every => None,
    };
    if let Some(smaller) = smaller {
        match parse_with(smaller, arguments) {
            Err(error) if error.kind() != ErrorKind::DisplayVersion => {}
            parsed => return parsed,
        }
    }
    parse_with(commands::command(), arguments)
}

/// The global flags and the command of the arguments, as the command line `line` reads them.
fn parse_with(line: clap::Command, arguments: &[OsString]) -> Result<(Cli, Command), clap::Error> {
    let mut matches = line.try_get_matches_from(arguments)?;
    // Taking the global flags out of the matches, rather than reading a copy of them, leaves the
    // command's matches as they are.
    let cli = Cli::from_arg_matches_mut(&mut matches)?;
    let (name, mut matches) = matches
        .remove_subcommand()
        .ok_or_else(|| clap::Error::new(ErrorKind::MissingSubcommand))?;
    Ok((cli, Command::from_matches(&name, &mut matches)?))
}

/// Whether clap stopped to show help or the version, which is not a mistake.
fn is_help(error: &clap::Error) -> bool {
    matches!(
        error.kind(),
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion
    )
}

/// `nkru help -h` (or `help groups --help`) asks the help command for help, which clap's `help`
/// does not take; the arguments without those flags, so it answers as `nkru help` does. None
/// when no such flag follows `help`.
fn without_help_flags_of_help(arguments: &[OsString]) -> Option<Vec<OsString>> {
    let help = arguments
        .iter()
        .skip(1)
        .position(|argument| argument == "help")?
        + 1;
    let flag = |argument: &OsString| argument == "-h" || argument == "--help";
    if !arguments[help..].iter().any(flag) {
        return None;
    }
    let mut kept = arguments[..help].to_vec();
    kept.extend(
        arguments[help..]
            .iter()
            .filter(|argument| !flag(argument))
            .cloned(),
    );
    Some(kept)
}

/// Flushes the output and turns the result into an exit code, writing an error as `nkru: error:`
/// lines on stderr.
fn finish(result: Result<(), Error>, stdout: &mut dyn Write, stderr: &mut dyn Write) -> u8 {
    let result = result.and_then(|()| stdout.flush().map_err(Error::from));
    match result {
        Ok(()) => 0,
        Err(error) if error.is_broken_pipe() => 0,
        Err(error) => {
            // Messages quote user input and dataset text; escaping again here is the last guard
            // that nothing in them can act on the terminal.
            for line in error.to_string().lines() {
                let _ = writeln!(stderr, "nkru: error: {}", capped(&escape_control(line)));
            }
            u8::try_from(error.exit_code()).unwrap_or(1)
        }
    }
}

/// The most characters of one line of an error message; the rest are counted.
const LINE_LIMIT: usize = 1_000;

/// A line of a message cut to [`LINE_LIMIT`] characters, saying how many were left out.
fn capped(line: &str) -> std::borrow::Cow<'_, str> {
    match line.char_indices().nth(LINE_LIMIT) {
        None => std::borrow::Cow::Borrowed(line),
        Some((end, _)) => {
            let rest = line[end..].chars().count();
            std::borrow::Cow::Owned(format!("{}… ({rest} more characters)", &line[..end]))
        }
    }
}

/// A clap error as one line: its message and hints, without the usage block. A missing command
/// is named among those of the command typed (`nkru export` lists what it can write).
fn one_line(error: &clap::Error, arguments: &[OsString]) -> String {
    if error.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand {
        let mut command = commands::command();
        let mut typed = String::from("nkru");
        for argument in arguments.iter().skip(1) {
            let Some(name) = argument.to_str() else {
                continue;
            };
            if let Some(sub) = command.find_subcommand(name).cloned() {
                typed.push(' ');
                typed.push_str(sub.get_name());
                command = sub;
            }
        }
        let names: Vec<&str> = command
            .get_subcommands()
            .map(clap::Command::get_name)
            .collect();
        let listed = match names.split_last() {
            Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
            Some((only, _)) => (*only).to_owned(),
            None => String::new(),
        };
        return if typed == "nkru" {
            format!("a command is needed: {listed} (see nkru --help)")
        } else {
            format!("`{typed}` needs a command: {listed} (see {typed} --help)")
        };
    }
    let rendered = error.render().to_string();
    let mut line = String::new();
    let mut in_usage = false;
    for part in rendered.lines().map(str::trim) {
        if part.starts_with("Usage:") {
            in_usage = true;
            continue;
        }
        if part.is_empty() {
            in_usage = false;
            continue;
        }
        if in_usage || part.starts_with("For more information") {
            continue;
        }
        let part = part.strip_prefix("error: ").unwrap_or(part);
        if !line.is_empty() {
            line.push_str(if line.ends_with(':') { " " } else { "; " });
        }
        line.push_str(part);
    }
    escape_control(&line).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(arguments: &[&str]) -> (u8, String, String) {
        run_in(arguments, &Environment::default())
    }

    fn run_in(arguments: &[&str], environment: &Environment) -> (u8, String, String) {
        let mut stdout = Vec::new();
        let mut stderr = Vec::new();
        let arguments = std::iter::once("nkru")
            .chain(arguments.iter().copied())
            .map(OsString::from);
        let code = execute(arguments, environment, &mut stdout, &mut stderr);
        (
            code,
            String::from_utf8_lossy(&stdout).into_owned(),
            String::from_utf8_lossy(&stderr).into_owned(),
        )
    }

    #[test]
    fn clap_errors_become_one_line() {
        let (code, stdout, stderr) = run(&["groups", "--format", "xml"]);
        assert_eq!((code, stdout.as_str()), (2, ""));
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(
            stderr.starts_with("nkru: error: invalid value 'xml' for '--format <FORMAT>'"),
            "{stderr}"
        );
        let (code, _, stderr) = run(&["grups"]);
        assert_eq!(code, 2);
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(
            stderr.contains("tip: some similar subcommands exist: 'group', 'groups'"),
            "{stderr}"
        );
    }

    #[test]
    fn no_command_names_the_commands() {
        let (code, _, stderr) = run(&[]);
        assert_eq!(code, 2);
        assert!(
            stderr.starts_with("nkru: error: a command is needed: summary, trend,"),
            "{stderr}"
        );
        for command in commands::command().get_subcommands() {
            let name = format!(" {}", command.get_name());
            assert!(stderr.contains(&name), "{name} missing from {stderr}");
        }
    }

    #[test]
    fn help_goes_to_stdout_with_success() {
        let (code, stdout, stderr) = run(&["--help"]);
        assert_eq!((code, stderr.as_str()), (0, ""));
        assert!(stdout.contains("Exit codes:"));
    }

    #[test]
    fn the_help_command_takes_its_own_help_flag() {
        let help = run(&["help"]);
        assert_eq!(help.0, 0);
        assert!(help.1.contains("Exit codes:"));
        assert_eq!(run(&["help", "-h"]), help);
        assert_eq!(run(&["help", "--help"]), help);
        assert_eq!(run(&["help", "groups", "-h"]), run(&["help", "groups"]));
        assert_eq!(run(&["groups", "--help"]).0, 0);
        // Other mistakes after `help` are still mistakes.
        let (code, stdout, stderr) = run(&["help", "nothing", "-h"]);
        assert_eq!((code, stdout.as_str()), (2, ""));
        assert!(stderr.contains("nothing"), "{stderr}");
    }

    #[test]
    fn an_empty_result_is_noted_on_stderr_only_when_it_is_a_terminal() {
        let terminal = Environment {
            stderr_is_terminal: true,
            ..Default::default()
        };
        let arguments = ["estimates", "--year", "1800", "--format", "json"];
        assert_eq!(
            run_in(&arguments, &terminal),
            (
                0,
                String::from("[]\n"),
                String::from("nkru: no estimates match\n")
            )
        );
        assert_eq!(run(&arguments), (0, String::from("[]\n"), String::new()));
        let search = ["search", "no such words", "--format", "json"];
        assert_eq!(
            run_in(&search, &terminal),
            (
                0,
                String::from("[]\n"),
                String::from("nkru: nothing matches\n")
            )
        );
    }

    #[test]
    fn machine_formats_give_the_same_bytes_on_a_terminal_and_in_a_pipe() {
        let terminal = Environment {
            stdout_is_terminal: true,
            stderr_is_terminal: true,
            terminal_width: Some(60),
            ..Default::default()
        };
        for format in ["tsv", "csv", "json", "ndjson", "markdown"] {
            for command in [
                &["groups"][..],
                &["summary"],
                &["group", "workers"],
                &["estimates"],
            ] {
                let mut arguments = command.to_vec();
                arguments.extend(["--format", format]);
                assert_eq!(
                    run_in(&arguments, &terminal),
                    run(&arguments),
                    "{arguments:?}"
                );
            }
        }
    }

    #[test]
    fn reversed_bounds_and_blank_texts_are_refused_before_any_command_runs() {
        let refused = |arguments: &[&str]| {
            let (code, stdout, stderr) = run(&arguments[1..]);
            assert_eq!((code, stdout.as_str()), (2, ""), "{arguments:?}");
            stderr
                .strip_prefix("nkru: error: ")
                .and_then(|line| line.strip_suffix('\n'))
                .expect("one line of error")
                .to_owned()
        };
        assert_eq!(
            refused(&["nkru", "estimates", "--min", "10", "--max", "5"]),
            "--min 10 is greater than --max 5, so nothing could match"
        );
        assert_eq!(
            refused(&["nkru", "timeline", "--from", "2000", "--to", "1990"]),
            "--from 2000 is greater than --to 1990, so nothing could match"
        );
        assert_eq!(
            refused(&["nkru", "estimates", "--year", "1999", "--from", "2000"]),
            "--year 1999 is before --from 2000, so nothing could match"
        );
        assert_eq!(
            refused(&["nkru", "estimates", "--year", "2001", "--to", "2000"]),
            "--year 2001 is after --to 2000, so nothing could match"
        );
        assert_eq!(
            refused(&["nkru", "chart", "--region", " "]),
            "--region, --source and --attributed-to need some text to look for"
        );
    }
}

#[cfg(test)]
mod smaller_command_line {
    use super::*;

    /// What clap made of the arguments, in a form to compare: the parsed flags and command, or
    /// the error's kind and its whole text.
    fn outcome(parsed: Result<(Cli, Command), clap::Error>) -> String {
        match parsed {
            Ok(parsed) => format!("{parsed:?}"),
            Err(error) => format!("{:?}: {}", error.kind(), error.render()),
        }
    }

    /// Argument lists of every command, with global flags before and after it, values inline
    /// and apart, and the mistakes and help forms that need the whole tree.
    const ARGUMENT_LISTS: &[&str] = &[
        "",
        "--version",
        "-V",
        "--version groups",
        "--long --version",
        "groups --version",
        "-h",
        "--help",
        "help",
        "help groups",
        "help help",
        "help nothing",
        "groups -h",
        "groups --help",
        "summary --help --long",
        "grups",
        "summary --group workers,refugees --to 2018",
        "summary --year 2020 --from 2021",
        "trend workers --counts entries --format csv",
        "trend workers --group workers",
        "trend",
        "groups",
        "groups --format json --fields id,name",
        "--format json groups",
        "--format=json groups",
        "--format json --width 90 --ascii --no-header --long --color never --lang ko groups",
        "--data - groups",
        "--data=- groups",
        "--data mine.json --max-size 100 groups",
        "--max-size -1 groups",
        "--width -5 groups",
        "--format groups",
        "--format xml groups",
        "--format --long groups",
        "--fields groups",
        "--long=yes groups",
        "--nonsense groups",
        "-x groups",
        "-- groups",
        "- groups",
        "groups extra",
        "groups --nonsense",
        "groups --format xml",
        "group workers --all --from 2017",
        "group",
        "estimates --group workers --format json",
        "estimates --min 1000 --sort high --reverse",
        "estimates --sort nothing",
        "estimates --year 1999 --counts present,entries --coverage region",
        "estimates --counts nothing",
        "chart --group workers --log --format svg",
        "timeline --from 1990 --group refugees",
        "search sakhalin",
        "search",
        "search help",
        "search -- --literal",
        "facts --source kommersant --fields id,text",
        "cite article",
        "cite article --format json",
        "cite --all --style bibtex",
        "cite --all article",
        "cite",
        "sources article",
        "about --format json",
        "related",
        "diff old.json new.json",
        "diff --embedded old.json --exit-code",
        "diff old.json",
        "diff - -",
        "report --group workers --year 2020",
        "export",
        "export sqlite nkru.db --force",
        "export sqlite",
        "export nothing",
        "schema",
        "validate",
        "validate -",
        "validate a b",
        "completions bash",
        "completions nothing",
        "man",
        "man --format json",
        "groups help",
    ];

    /// [`ARGUMENT_LISTS`], each with the program's name first.
    fn argument_lists() -> Vec<Vec<&'static str>> {
        ARGUMENT_LISTS
            .iter()
            .map(|list| {
                std::iter::once("nkru")
                    .chain(list.split_whitespace())
                    .collect()
            })
            .collect()
    }

    #[test]
    fn the_smaller_command_line_reads_as_the_whole_tree() {
        for list in argument_lists() {
            let arguments: Vec<OsString> = list.iter().map(OsString::from).collect();
            let whole = parse_with(commands::command(), &arguments);
            assert_eq!(outcome(parse(&arguments)), outcome(whole), "{list:?}");
        }
    }

    #[test]
    fn the_smaller_command_line_is_used_where_it_is_clear_cut() {
        let needed = |list: &str| {
            let arguments: Vec<OsString> = std::iter::once("nkru")
                .chain(list.split_whitespace())
                .map(OsString::from)
                .collect();
            let root = cli::root(Command::NAMES.len());
            format!("{:?}", cli::needed(&root, &arguments, Command::NAMES))
        };
        assert_eq!(needed("--version"), "Root");
        assert_eq!(needed("-V"), "Root");
        assert_eq!(
            needed("estimates --group workers --format json"),
            "Command(\"estimates\")"
        );
        assert_eq!(
            needed("--format json --data - --long groups"),
            "Command(\"groups\")"
        );
        assert_eq!(needed("--format=json groups"), "Command(\"groups\")");
        for unclear in [
            "",
            "help groups",
            "groups --help",
            "grups",
            "--format --long groups",
            "--nonsense groups",
            "-- groups",
            "--version groups",
        ] {
            assert_eq!(needed(unclear), "Every", "{unclear}");
        }
    }
}
