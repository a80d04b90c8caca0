//! Settings decided once at start from the flags and the environment.

use std::io::IsTerminal;

use crate::cli::{Cli, ColorChoice, Format};
use crate::data::Origin;

/// What nkru learns from its surroundings, read once at start.
// Each flag is an independent fact about the surroundings; an enum would not make them clearer.
#[allow(clippy::struct_excessive_bools)]
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Environment {
    /// Whether stdout is a terminal.
    pub stdout_is_terminal: bool,
    /// Whether stderr is a terminal.
    pub stderr_is_terminal: bool,
    /// Whether `NO_COLOR` is set to something not empty.
    pub no_color: bool,
    /// The terminal's width in columns, when stdout is a terminal.
    pub terminal_width: Option<u16>,
    /// The width in the COLUMNS variable, used when stdout is not a terminal.
    pub columns: Option<u16>,
    /// Whether the locale's character set is UTF-8, so drawings may use more than ASCII.
    pub unicode: bool,
}

impl Environment {
    /// Reads the real environment of this process.
    pub fn detect() -> Self {
        let stdout_is_terminal = std::io::stdout().is_terminal();
        Environment {
            stdout_is_terminal,
            stderr_is_terminal: std::io::stderr().is_terminal(),
            no_color: std::env::var_os("NO_COLOR").is_some_and(|value| !value.is_empty()),
            terminal_width: if stdout_is_terminal {
                terminal_size::terminal_size().map(|(width, _)| width.0)
            } else {
                None
            },
            columns: std::env::var("COLUMNS")
                .ok()
                .and_then(|columns| columns.trim().parse().ok())
                .filter(|columns| *columns > 0),
            unicode: locale_is_utf8(|name| std::env::var(name).ok()),
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

/// An output format with `auto` decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Output {
    /// A table or view for people.
    Table,
    /// Tab-separated values.
    Tsv,
    /// Comma-separated values.
    Csv,
    /// JSON.
    Json,
    /// Newline-delimited JSON.
    Ndjson,
    /// A Markdown pipe table.
    Markdown,
}

/// Everything the commands need to know about how to run and print.
// Each flag is an independent yes-or-no choice of the command line.
#[allow(clippy::struct_excessive_bools)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    /// The output format.
    pub output: Output,
    /// The fields asked for with `--fields`.
    pub fields: Option<Vec<String>>,
    /// Whether to print a header line in table, TSV and CSV output.
    pub header: bool,
    /// Whether human views may use colour.
    pub color: bool,
    /// The width to fit tables to, if any.
    pub width: Option<u16>,
    /// Whether the chart and the timeline may draw with Unicode characters rather than ASCII.
    pub unicode: bool,
    /// Whether notes for people may go to stderr.
    pub notes: bool,
    /// Where the dataset comes from.
    pub origin: Origin,
    /// The largest dataset file to read, in bytes.
    pub size_limit: u64,
}

impl Settings {
    /// Decides every setting from the parsed flags and the environment.
    pub fn new(cli: &Cli, environment: &Environment) -> Self {
        let output = match cli.output.format {
            Format::Auto if environment.stdout_is_terminal => Output::Table,
            Format::Auto | Format::Tsv => Output::Tsv,
            Format::Table => Output::Table,
            Format::Csv => Output::Csv,
            Format::Json => Output::Json,
            Format::Ndjson => Output::Ndjson,
            Format::Markdown => Output::Markdown,
        };
        let color = match cli.output.color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => environment.stdout_is_terminal && !environment.no_color,
        };
        let origin = match cli.data.data.as_deref() {
            None => Origin::Embedded,
            Some("-") => Origin::Stdin,
            Some(path) => Origin::File(path.to_owned()),
        };
        Settings {
            output,
            fields: cli.output.fields.clone(),
            header: !cli.output.no_header,
            color: color && output == Output::Table,
            width: cli
                .output
                .width
                .or(environment.terminal_width)
                .or(environment.columns),
            unicode: environment.unicode && !cli.output.ascii,
            notes: environment.stderr_is_terminal,
            origin,
            size_limit: cli.data.max_size,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    fn settings(arguments: &[&str], environment: &Environment) -> Settings {
        let cli = Cli::try_parse_from(arguments).expect("valid arguments");
        Settings::new(&cli, environment)
    }

    #[test]
    fn auto_is_a_table_on_a_terminal_and_tsv_in_a_pipe() {
        let terminal = Environment {
            stdout_is_terminal: true,
            terminal_width: Some(100),
            ..Default::default()
        };
        let on_terminal = settings(&["nkru", "groups"], &terminal);
        assert_eq!(on_terminal.output, Output::Table);
        assert!(on_terminal.color);
        assert_eq!(on_terminal.width, Some(100));
        let piped = settings(&["nkru", "groups"], &Environment::default());
        assert_eq!(piped.output, Output::Tsv);
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
            settings(&["nkru", "groups"], &environment).origin,
            Origin::Embedded
        );
        assert_eq!(
            settings(&["nkru", "--data", "-", "groups"], &environment).origin,
            Origin::Stdin
        );
        assert_eq!(
            settings(&["nkru", "groups", "--data", "mine.json"], &environment).origin,
            Origin::File(String::from("mine.json"))
        );
    }
}
