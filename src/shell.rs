//! The thin shell around the core: parses arguments, runs the command, turns errors into one
//! line on stderr and an exit code.

use std::ffi::OsString;
use std::io::Write;
use std::sync::Arc;

use clap::Parser;
use clap::error::ErrorKind;

use crate::app::{self, Streams};
use crate::cli::{Cli, Command};
use crate::data::Origin;
use crate::error::Error;
use crate::settings::{Environment, Settings};
use crate::text::escape_control;

/// Runs nkru with these arguments and returns the process exit code.
pub fn execute(
    arguments: impl IntoIterator<Item = OsString>,
    environment: &Environment,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> u8 {
    let result = parse_and_run(arguments, environment, None, stdout, stderr);
    finish(result, stdout, stderr)
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
    let result = parse_and_run(arguments, environment, Some(origin), stdout, stderr);
    finish(result, stdout, stderr)
}

/// Parses the arguments and runs the command, on `origin` instead of the dataset they name if given.
fn parse_and_run(
    arguments: impl IntoIterator<Item = OsString>,
    environment: &Environment,
    origin: Option<Origin>,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> Result<(), Error> {
    match Cli::try_parse_from(arguments) {
        Ok(mut cli) => {
            let mut settings = Settings::new(&cli, environment);
            if let Some(origin) = origin {
                settings.origin = origin;
                if let Command::Validate { file } = &mut cli.command {
                    *file = None;
                }
            }
            let mut streams = Streams {
                stdout: &mut *stdout,
                stderr: &mut *stderr,
            };
            app::run(&cli, &settings, &mut streams)
        }
        Err(error) => match error.kind() {
            ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
                write!(stdout, "{}", error.render()).map_err(Error::from)
            }
            _ => Err(Error::Usage(one_line(&error))),
        },
    }
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
                let _ = writeln!(stderr, "nkru: error: {}", escape_control(line));
            }
            u8::try_from(error.exit_code()).unwrap_or(1)
        }
    }
}

/// A clap error as one line: its message and hints, without the usage block.
fn one_line(error: &clap::Error) -> String {
    if error.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand {
        return String::from(
            "a command is needed: groups, group, estimates, chart, summary, timeline, search, sources, validate, schema, completions or man (see nkru --help)",
        );
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
            stderr.starts_with("nkru: error: a command is needed: groups,"),
            "{stderr}"
        );
        use clap::CommandFactory;
        for command in Cli::command().get_subcommands() {
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
}
