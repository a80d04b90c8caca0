//! The one table of exit codes and environment variables, written into `--help`, the man page
//! and the README's tables alike.

/// One exit code and what it means.
pub struct ExitCode {
    /// The code.
    pub code: u8,
    /// What it means, in lower case without a full stop, as `--help` lists it.
    pub meaning: &'static str,
}

/// The exit codes of nkru. Each error's code is decided by `Error::exit_code`.
pub const EXIT_CODES: &[ExitCode] = &[
    ExitCode {
        code: 0,
        meaning: "success, including a filter that matches nothing",
    },
    ExitCode {
        code: 1,
        meaning: "a named group or record was not found, or the name fits several",
    },
    ExitCode {
        code: 2,
        meaning: "usage error: an unknown command, flag, field or value, or values that contradict each other",
    },
    ExitCode {
        code: 3,
        meaning: "the dataset cannot be read or is not valid",
    },
    ExitCode {
        code: 4,
        meaning: "the output could not be written, or `export` would replace an existing file",
    },
];

/// One environment variable nkru reads.
pub struct Variable {
    /// Its name (or names, when several decide together).
    pub name: &'static str,
    /// What it does, in a few words, as `--help` lists it.
    pub summary: &'static str,
    /// What it does in full, as the man page explains it.
    pub detail: &'static str,
}

/// The environment variables nkru reads.
pub const ENVIRONMENT: &[Variable] = &[
    Variable {
        name: "NKRU_FORMAT",
        summary: "default for --format",
        detail: "The output format when --format is not given: auto, table, tsv, csv, json, ndjson, markdown, or svg (chart and timeline only).",
    },
    Variable {
        name: "NKRU_DATA",
        summary: "default for --data",
        detail: "A dataset file to read instead of the embedded one when --data is not given; - reads stdin.",
    },
    Variable {
        name: "NKRU_MAX_SIZE",
        summary: "default for --max-size",
        detail: "The largest dataset file to read, in bytes, when --max-size is not given.",
    },
    Variable {
        name: "NO_COLOR",
        summary: "when set and not empty, no colour unless --color always",
        detail: "When set and not empty, the human views are not coloured unless --color always is given.",
    },
    Variable {
        name: "TERM",
        summary: "dumb: no colour unless --color always",
        detail: "When it is dumb, the terminal shows colour codes as text, so the human views are not coloured unless --color always is given.",
    },
    Variable {
        name: "COLUMNS",
        summary: "width for tables when stdout is not a terminal",
        detail: "The width tables and drawings are fitted to when stdout is not a terminal and --width is not given.",
    },
    Variable {
        name: "LC_ALL, LC_CTYPE, LANG",
        summary: "not UTF-8: draw tables, the chart and the timeline in ASCII",
        detail: "The first of these that is set decides the character set: where it is not UTF-8, tables, the chart and the timeline are drawn in plain ASCII, as with --ascii.",
    },
];

/// How to raise the size limit, for the message of a dataset that is too large.
pub const HOW_TO_RAISE_SIZE_LIMIT: &str = "raise it with --max-size or NKRU_MAX_SIZE";

/// The text after nkru's `--help`: exit codes, environment and examples.
pub fn after_help() -> String {
    let mut text = String::from("Exit codes:\n");
    for exit in EXIT_CODES {
        text.push_str(&format!("  {}  {}\n", exit.code, exit.meaning));
    }
    text.push_str("\nEnvironment:\n");
    let widest = ENVIRONMENT
        .iter()
        .map(|variable| variable.name.len())
        .max()
        .unwrap_or(0);
    for variable in ENVIRONMENT {
        let name = variable.name;
        text.push_str(&format!("  {name:<widest$}  {}\n", variable.summary));
    }
    text.push_str(
        "\nExamples:\n  nkru summary\n  nkru group workers\n  nkru chart\n  nkru estimates --group refugees --format json",
    );
    text
}

/// A meaning as a sentence of the man page: capitalised, with a full stop.
pub fn sentence(meaning: &str) -> String {
    let mut characters = meaning.chars();
    characters.next().map_or_else(String::new, |first| {
        format!("{}{}.", first.to_uppercase(), characters.as_str())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::Format;

    #[test]
    fn the_variable_of_the_format_names_every_format() {
        let format = ENVIRONMENT
            .iter()
            .find(|variable| variable.name == "NKRU_FORMAT")
            .expect("NKRU_FORMAT is documented");
        for name in std::iter::once("auto").chain(Format::ALL.iter().map(|format| format.name())) {
            assert!(format.detail.contains(name), "{name}");
        }
    }
}
