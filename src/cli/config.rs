//! The configuration decided once at start from the flags and the environment, and the reading
//! of that environment.

use std::io::IsTerminal;

use clap::ValueEnum;

use super::args::{Cli, ColorChoice, FormatChoice, Lang};
use super::docs;
use super::values;
use crate::dataset::{Origin, SizeLimit};
use crate::error::{Error, Result};
use crate::output::{self, Format};
use crate::query::Language;
use crate::text::quote;

/// What nkru learns from its surroundings, read once at start.
// Each flag is an independent fact about the surroundings; an enum would not make them clearer.
#[allow(clippy::struct_excessive_bools)]
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Environment {
    /// Whether stdout is a terminal.
    pub stdout_is_terminal: bool,
    /// Whether stderr is a terminal.
    pub stderr_is_terminal: bool,
    /// Whether stdin is a terminal, where no dataset can be piped in.
    pub stdin_is_terminal: bool,
    /// Whether `NO_COLOR` is set to something not empty.
    pub no_color: bool,
    /// Whether `TERM` is `dumb`, a terminal that shows colour codes as text.
    pub dumb_terminal: bool,
    /// The terminal's width in columns, when stdout is a terminal.
    pub terminal_width: Option<u16>,
    /// The width in the COLUMNS variable, used when stdout is not a terminal.
    pub columns: Option<u16>,
    /// Whether the locale's character set is UTF-8, so drawings may use more than ASCII.
    pub unicode: bool,
    /// `NKRU_FORMAT`, when set and not empty.
    pub format: Option<String>,
    /// `NKRU_DATA`, when set and not empty.
    pub data: Option<String>,
    /// `NKRU_MAX_SIZE`, when set and not empty.
    pub max_size: Option<String>,
}

impl Environment {
    /// Reads the real environment of this process. A variable set to nothing counts as unset.
    pub fn detect() -> Self {
        let stdout_is_terminal = std::io::stdout().is_terminal();
        let variable = |name: &str| {
            std::env::var_os(name)
                .filter(|value| !value.is_empty())
                .map(|value| value.to_string_lossy().into_owned())
        };
        Environment {
            stdout_is_terminal,
            stderr_is_terminal: std::io::stderr().is_terminal(),
            stdin_is_terminal: std::io::stdin().is_terminal(),
            no_color: variable("NO_COLOR").is_some(),
            dumb_terminal: variable("TERM").is_some_and(|term| term == "dumb"),
            terminal_width: if stdout_is_terminal {
                terminal_size::terminal_size().map(|(width, _)| width.0)
            } else {
                None
            },
            columns: variable("COLUMNS")
                .and_then(|columns| columns.trim().parse().ok())
                .filter(|columns| *columns > 0),
            unicode: locale_is_utf8(|name| std::env::var(name).ok()),
            format: variable("NKRU_FORMAT"),
            data: variable("NKRU_DATA"),
            max_size: variable("NKRU_MAX_SIZE"),
        }
    }
}

/// Whether the locale in effect is UTF-8: the first of LC_ALL, LC_CTYPE and LANG that is set and
/// not empty decides, as in POSIX.
fn locale_is_utf8(variable: impl Fn(&str) -> Option<String>) -> bool {
    ["LC_ALL", "LC_CTYPE", "LANG"]
        .iter()
        .filter_map(|name| variable(name))
        .find(|value| !value.is_empty())
        .is_some_and(|locale| {
            let locale = locale.to_ascii_lowercase();
            locale.contains("utf-8") || locale.contains("utf8")
        })
}

/// What the configuration must know of the command asked for, which the command declares.
// Each flag is an independent fact a command declares about itself.
#[allow(clippy::struct_excessive_bools)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Facts {
    /// The name it is typed as.
    pub name: &'static str,
    /// Whether it writes its answer in the chosen format, with the fields of `--fields`.
    pub writes_rows: bool,
    /// Whether it reads the dataset that `--data` names.
    pub reads_data: bool,
    /// Whether it can draw `--format svg`.
    pub draws_svg: bool,
}

/// Everything a command needs to know about how to run, decided and checked once before any
/// command runs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// How output looks.
    pub output: output::Settings,
    /// Where the dataset comes from.
    pub origin: Origin,
    /// The largest dataset to read.
    pub size_limit: SizeLimit,
    /// The language to show names in.
    pub language: Language,
}

impl Config {
    /// Decides every setting from the global flags and the environment for the command of
    /// `facts`, and refuses flags that cannot go together; the command checks its own flags.
    pub fn new(cli: &Cli, command: Facts, environment: &Environment) -> Result<Self> {
        let format = match cli.output.format {
            Some(format) => format,
            None if command.writes_rows => match &environment.format {
                Some(value) => FormatChoice::from_str(value, true).map_err(|_| {
                    Error::Usage(format!(
                        "NKRU_FORMAT=`{}` is not a format: use {}",
                        quote(value),
                        format_names()
                    ))
                })?,
                None => FormatChoice::Auto,
            },
            None => FormatChoice::Auto,
        };
        let format = match format {
            FormatChoice::Auto if environment.stdout_is_terminal => Format::Table,
            FormatChoice::Auto => Format::Tsv,
            FormatChoice::Chosen(format) => format,
        };
        let color = match cli.output.color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                environment.stdout_is_terminal
                    && !environment.no_color
                    && !environment.dumb_terminal
            }
        };
        let origin = cli
            .data
            .data
            .as_deref()
            .or(environment.data.as_deref())
            .map_or(Origin::Embedded, Origin::from_argument);
        let config = Config {
            output: output::Settings {
                format,
                fields: cli.output.fields.clone(),
                long: cli.output.long,
                header: !cli.output.no_header,
                color: color && format == Format::Table,
                width: cli
                    .output
                    .width
                    .or(environment.terminal_width)
                    .or(environment.columns),
                unicode: environment.unicode && !cli.output.ascii,
                notes: environment.stderr_is_terminal,
                terminal: environment.stdout_is_terminal,
            },
            origin,
            size_limit: SizeLimit {
                bytes: size_limit(cli.data.max_size, environment)?,
                how_to_raise: docs::HOW_TO_RAISE_SIZE_LIMIT,
            },
            language: match cli.output.lang {
                Lang::En => Language::English,
                Lang::Ko => Language::Korean,
                Lang::Ru => Language::Russian,
            },
        };
        config.check(cli, command, environment)?;
        Ok(config)
    }

    /// Refuses what the command cannot do with these settings.
    fn check(&self, cli: &Cli, command: Facts, environment: &Environment) -> Result<()> {
        let writes_rows = command.writes_rows;
        if !writes_rows && (cli.output.format.is_some() || cli.output.fields.is_some()) {
            return Err(Error::Usage(format!(
                "`{}` writes one fixed form; --format and --fields do not apply to it",
                command.name
            )));
        }
        if self.origin == Origin::Stdin && environment.stdin_is_terminal && command.reads_data {
            return Err(Error::Usage(String::from(
                "--data - reads the dataset from standard input, which is a terminal: pipe or redirect a file into nkru",
            )));
        }
        if writes_rows && !self.output.header && self.output.format == Format::Markdown {
            return Err(Error::Usage(String::from(
                "--no-header works with table, tsv and csv; a Markdown table needs its header",
            )));
        }
        if writes_rows && self.output.format == Format::Svg {
            if !command.draws_svg {
                if cli.output.format.is_none() {
                    // The format came from the environment: the message names it, not a flag.
                    return Err(Error::Usage(format!(
                        "NKRU_FORMAT=svg, but {}; give --format or unset NKRU_FORMAT",
                        output::svg_only().trim_start_matches("--format ")
                    )));
                }
                return Err(Error::Usage(output::svg_only()));
            }
            if self.output.fields.is_some() {
                return Err(Error::Usage(String::from(
                    "--fields picks columns of tabular output; an SVG picture has none",
                )));
            }
        }
        Ok(())
    }
}

/// The names `--format` and `NKRU_FORMAT` take, in words: `auto, table, ... or svg`.
fn format_names() -> String {
    let names: Vec<String> = FormatChoice::value_variants()
        .iter()
        .filter_map(ValueEnum::to_possible_value)
        .map(|value| value.get_name().to_owned())
        .collect();
    match names.split_last() {
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
        None => String::new(),
    }
}

/// The largest dataset to read: `--max-size`, or `NKRU_MAX_SIZE`, or the default.
fn size_limit(flag: Option<u64>, environment: &Environment) -> Result<u64> {
    match (flag, &environment.max_size) {
        (Some(bytes), _) => Ok(bytes),
        (None, Some(value)) => values::byte_count(value.trim())
            .map_err(|rule| Error::Usage(format!("NKRU_MAX_SIZE=`{}`: {rule}", quote(value)))),
        (None, None) => Ok(crate::dataset::DEFAULT_SIZE_LIMIT),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    fn settings(arguments: &[&str], environment: &Environment) -> output::Settings {
        config(arguments, environment).output
    }

    /// The global flags of an argument list and the facts of its command (the second argument),
    /// which is one of those these tests use.
    fn parse(arguments: &[&str]) -> (Cli, Facts) {
        let name = arguments[1];
        let facts = Facts {
            name: if name == "schema" {
                "schema"
            } else {
                "this command"
            },
            writes_rows: name != "schema",
            reads_data: name != "schema",
            draws_svg: name == "chart",
        };
        let mut globals = vec![arguments[0]];
        globals.extend_from_slice(&arguments[2..]);
        (
            Cli::try_parse_from(globals).expect("valid arguments"),
            facts,
        )
    }

    fn config(arguments: &[&str], environment: &Environment) -> Config {
        let (cli, facts) = parse(arguments);
        Config::new(&cli, facts, environment).expect("a valid configuration")
    }

    #[test]
    fn auto_is_a_table_on_a_terminal_and_tsv_in_a_pipe() {
        let terminal = Environment {
            stdout_is_terminal: true,
            terminal_width: Some(100),
            ..Default::default()
        };
        let on_terminal = settings(&["nkru", "groups"], &terminal);
        assert_eq!(on_terminal.format, Format::Table);
        assert!(on_terminal.color);
        assert_eq!(on_terminal.width, Some(100));
        let piped = settings(&["nkru", "groups"], &Environment::default());
        assert_eq!(piped.format, Format::Tsv);
        assert!(!piped.color);
        assert_eq!(piped.width, None);
        let columns = Environment {
            columns: Some(72),
            ..Default::default()
        };
        assert_eq!(settings(&["nkru", "groups"], &columns).width, Some(72));
        assert_eq!(
            settings(&["nkru", "groups", "--width", "90"], &columns).width,
            Some(90)
        );
    }

    #[test]
    fn no_color_turns_auto_off_but_not_always() {
        let environment = Environment {
            stdout_is_terminal: true,
            no_color: true,
            ..Default::default()
        };
        assert!(!settings(&["nkru", "groups"], &environment).color);
        assert!(settings(&["nkru", "groups", "--color", "always"], &environment).color);
        let piped_json = settings(
            &["nkru", "groups", "--color", "always", "--format", "json"],
            &environment,
        );
        assert!(!piped_json.color, "machine formats are never coloured");
    }

    #[test]
    fn the_locale_or_ascii_flag_decides_the_drawing_characters() {
        let locale = |pairs: &'static [(&'static str, &'static str)]| {
            locale_is_utf8(move |name| {
                pairs
                    .iter()
                    .find(|(key, _)| *key == name)
                    .map(|(_, value)| (*value).to_owned())
            })
        };
        assert!(locale(&[("LANG", "en_US.UTF-8")]));
        assert!(locale(&[("LANG", "C"), ("LC_CTYPE", "de_DE.utf8")]));
        assert!(!locale(&[("LANG", "en_US.UTF-8"), ("LC_ALL", "C")]));
        assert!(locale(&[("LANG", "en_US.UTF-8"), ("LC_ALL", "")]));
        assert!(!locale(&[]));
        let utf8 = Environment {
            unicode: true,
            ..Default::default()
        };
        assert!(settings(&["nkru", "chart"], &utf8).unicode);
        assert!(!settings(&["nkru", "chart", "--ascii"], &utf8).unicode);
        assert!(!settings(&["nkru", "chart"], &Environment::default()).unicode);
    }

    #[test]
    fn data_flag_picks_file_or_stdin() {
        let environment = Environment::default();
        assert_eq!(
            config(&["nkru", "groups"], &environment).origin,
            Origin::Embedded
        );
        assert_eq!(
            config(&["nkru", "groups", "--data", "-"], &environment).origin,
            Origin::Stdin
        );
        assert_eq!(
            config(&["nkru", "groups", "--data", "mine.json"], &environment).origin,
            Origin::File(String::from("mine.json"))
        );
    }

    #[test]
    fn markdown_needs_its_header() {
        let (cli, facts) = parse(&["nkru", "groups", "--format", "markdown", "--no-header"]);
        let error = Config::new(&cli, facts, &Environment::default()).expect_err("refused");
        assert_eq!(error.exit_code(), 2);
        assert!(error.to_string().contains("Markdown"));
    }

    #[test]
    fn a_dumb_terminal_gets_no_colour_unless_asked() {
        let dumb = Environment {
            stdout_is_terminal: true,
            dumb_terminal: true,
            ..Default::default()
        };
        assert!(!settings(&["nkru", "groups"], &dumb).color);
        assert!(settings(&["nkru", "groups", "--color", "always"], &dumb).color);
    }

    #[test]
    fn standard_input_that_is_a_terminal_is_no_dataset() {
        let typing = Environment {
            stdin_is_terminal: true,
            ..Default::default()
        };
        let (cli, facts) = parse(&["nkru", "groups", "--data", "-"]);
        let error = Config::new(&cli, facts, &typing).expect_err("refused");
        assert_eq!(error.exit_code(), 2);
        assert!(
            error
                .to_string()
                .contains("standard input, which is a terminal")
        );
        // A command that reads no dataset does not care.
        let (cli, facts) = parse(&["nkru", "schema", "--data", "-"]);
        assert!(Config::new(&cli, facts, &typing).is_ok());
    }
}
