//! Whole command runs: arguments drawn from nkru's flags with fuzzed values, on fuzzed dataset
//! bytes or on the embedded dataset with fuzzed text and numbers put into it, through every
//! renderer. Checks the promises of the command line: an exit code from the documented set, no
//! output on failure, one-line errors, escaped human views and JSON that parses.

#![no_main]

use std::ffi::OsString;
use std::sync::OnceLock;

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use nkru::Environment;
use serde_json::Value;

#[derive(Debug, Arbitrary)]
enum Command {
    Groups,
    Group(String),
    Estimates,
    Summary,
    Timeline,
    Chart,
    Search(String),
    Sources,
    Validate,
}

#[derive(Debug, Clone, Copy, Arbitrary)]
enum Format {
    Table,
    Tsv,
    Csv,
    Json,
    Ndjson,
    Markdown,
    Auto,
}

#[derive(Debug, Arbitrary)]
enum Flag {
    Group(String),
    Year(i32),
    From(i32),
    To(i32),
    Min(u64),
    Max(u64),
    Region(String),
    Source(String),
    Sort(u8),
    Reverse,
    Fields(Vec<u8>),
    NoHeader,
    Width(u16),
    Color(u8),
    Ascii,
    MaxSize(u64),
    Raw(String),
}

#[derive(Debug, Arbitrary)]
enum Dataset {
    /// The embedded dataset as it is.
    Embedded,
    /// Bytes of any kind.
    Bytes(Vec<u8>),
    /// The embedded dataset with fuzzed text and numbers put in place of some of its values.
    Patched(Vec<(u16, Patch)>),
}

#[derive(Debug, Arbitrary)]
enum Patch {
    Text(String),
    Number(i64),
    Figure(u64),
    Null,
}

#[derive(Debug, Arbitrary)]
struct Input {
    command: Command,
    format: Format,
    flags: Vec<Flag>,
    dataset: Dataset,
    stdout_is_terminal: bool,
    stderr_is_terminal: bool,
    no_color: bool,
    terminal_width: Option<u16>,
    columns: Option<u16>,
    unicode: bool,
}

const FIELDS: &[&str] = &[
    "id",
    "name",
    "aliases",
    "from",
    "to",
    "periods",
    "estimates",
    "latest",
    "low",
    "high",
    "figures",
    "group",
    "scope",
    "region",
    "source",
    "description",
    "kind",
    "text",
    "when",
    "groups",
    "lowest",
    "highest",
    "range",
    "facts",
    "citations",
    "nope",
    "",
];

fn embedded_value() -> &'static Value {
    static VALUE: OnceLock<Value> = OnceLock::new();
    VALUE.get_or_init(|| match serde_json::from_str(nkru::dataset::EMBEDDED) {
        Ok(value) => value,
        Err(error) => panic!("the embedded dataset is JSON: {error}"),
    })
}

/// Puts each patch in place of the value at its position among the dataset's scalars.
fn patched(patches: &[(u16, Patch)]) -> Vec<u8> {
    fn scalars<'v>(value: &'v mut Value, found: &mut Vec<&'v mut Value>) {
        match value {
            Value::Object(map) => map.values_mut().for_each(|value| scalars(value, found)),
            Value::Array(items) => items.iter_mut().for_each(|value| scalars(value, found)),
            _ => found.push(value),
        }
    }
    let mut value = embedded_value().clone();
    let mut found = Vec::new();
    scalars(&mut value, &mut found);
    for (position, patch) in patches {
        if found.is_empty() {
            break;
        }
        let index = usize::from(*position) % found.len();
        *found[index] = match patch {
            Patch::Text(text) => Value::from(text.as_str()),
            Patch::Number(number) => Value::from(*number),
            Patch::Figure(number) => Value::from(*number),
            Patch::Null => Value::Null,
        };
    }
    serde_json::to_vec(&value).unwrap_or_default()
}

fn arguments(input: &Input) -> Vec<OsString> {
    let mut arguments: Vec<String> = vec![String::from("nkru")];
    let (command, positional) = match &input.command {
        Command::Groups => ("groups", None),
        Command::Group(name) => ("group", Some(name)),
        Command::Estimates => ("estimates", None),
        Command::Summary => ("summary", None),
        Command::Timeline => ("timeline", None),
        Command::Chart => ("chart", None),
        Command::Search(text) => ("search", Some(text)),
        Command::Sources => ("sources", None),
        Command::Validate => ("validate", None),
    };
    arguments.push(String::from(command));
    let format = match input.format {
        Format::Table => "table",
        Format::Tsv => "tsv",
        Format::Csv => "csv",
        Format::Json => "json",
        Format::Ndjson => "ndjson",
        Format::Markdown => "markdown",
        Format::Auto => "auto",
    };
    arguments.push(format!("--format={format}"));
    for flag in &input.flags {
        // `--flag=value` keeps a fuzzed value from being read as a flag of its own.
        let argument = match flag {
            Flag::Group(name) => format!("--group={name}"),
            Flag::Year(year) => format!("--year={year}"),
            Flag::From(year) => format!("--from={year}"),
            Flag::To(year) => format!("--to={year}"),
            Flag::Min(figure) => format!("--min={figure}"),
            Flag::Max(figure) => format!("--max={figure}"),
            Flag::Region(text) => format!("--region={text}"),
            Flag::Source(text) => format!("--source={text}"),
            Flag::Sort(index) => {
                let field = FIELDS[usize::from(*index) % FIELDS.len()];
                format!("--sort={field}")
            }
            Flag::Reverse => String::from("--reverse"),
            Flag::Fields(indices) => {
                let names: Vec<&str> = indices
                    .iter()
                    .map(|index| FIELDS[usize::from(*index) % FIELDS.len()])
                    .collect();
                format!("--fields={}", names.join(","))
            }
            Flag::NoHeader => String::from("--no-header"),
            Flag::Width(width) => format!("--width={width}"),
            Flag::Color(choice) => {
                let choice = ["auto", "always", "never"][usize::from(*choice) % 3];
                format!("--color={choice}")
            }
            Flag::Ascii => String::from("--ascii"),
            Flag::MaxSize(size) => format!("--max-size={size}"),
            Flag::Raw(text) => text.clone(),
        };
        arguments.push(argument);
    }
    // After `--` a fuzzed name is a name, even one that looks like `-h`.
    if let Some(positional) = positional {
        arguments.extend([String::from("--"), positional.clone()]);
    }
    arguments.into_iter().map(OsString::from).collect()
}

/// Whether text holds a control character other than a line break or nkru's own colour codes.
fn has_loose_control(text: &str) -> bool {
    let mut characters = text.chars().peekable();
    while let Some(character) = characters.next() {
        if character == '\u{1b}' {
            // nkru's colours are `ESC [ digits m`; anything else after ESC is loose.
            if characters.next() != Some('[') {
                return true;
            }
            loop {
                match characters.next() {
                    Some('m') => break,
                    Some(digit) if digit.is_ascii_digit() || digit == ';' => {}
                    _ => return true,
                }
            }
        } else if character.is_control() && character != '\n' {
            return true;
        }
    }
    false
}

fuzz_target!(|input: Input| {
    let dataset = match &input.dataset {
        Dataset::Embedded => nkru::dataset::EMBEDDED.as_bytes().to_vec(),
        Dataset::Bytes(bytes) => bytes.clone(),
        Dataset::Patched(patches) => patched(patches),
    };
    let environment = Environment {
        stdout_is_terminal: input.stdout_is_terminal,
        stderr_is_terminal: input.stderr_is_terminal,
        no_color: input.no_color,
        terminal_width: input.terminal_width,
        columns: input.columns,
        unicode: input.unicode,
        ..Environment::default()
    };
    let arguments = arguments(&input);
    let raw = input.flags.iter().any(|flag| matches!(flag, Flag::Raw(_)));
    let mut stdout = Vec::new();
    let mut stderr = Vec::new();
    let code =
        nkru::execute_on_bytes(arguments, &environment, &dataset, &mut stdout, &mut stderr);
    let Ok(stdout) = String::from_utf8(stdout) else {
        panic!("stdout is UTF-8");
    };
    let Ok(stderr) = String::from_utf8(stderr) else {
        panic!("stderr is UTF-8");
    };
    assert!(code <= 3, "exit code {code}: {stderr}");
    if code != 0 {
        assert_eq!(stdout, "", "a failure writes nothing to stdout: {stderr}");
        assert!(stderr.contains("nkru: error: "), "a failure says why");
    }
    for line in stderr.lines() {
        assert!(
            line.starts_with("nkru: error: ")
                || line.starts_with("nkru: warning: ")
                || line.starts_with("nkru: no ")
                || line.starts_with("nkru: note: "),
            "stderr line: {line:?}"
        );
    }
    assert!(
        !has_loose_control(&stderr.replace('\n', "")),
        "stderr: {stderr:?}"
    );
    let human = matches!(input.format, Format::Table)
        || (matches!(input.format, Format::Auto) && input.stdout_is_terminal);
    // A raw argument may name another format or ask for help; only the chosen format is checked.
    if code != 0 || raw {
        return;
    }
    if human {
        assert!(!has_loose_control(&stdout), "table output: {stdout:?}");
    }
    let validate = matches!(input.command, Command::Validate);
    if matches!(input.format, Format::Json) && !validate {
        if let Err(error) = serde_json::from_str::<Value>(&stdout) {
            panic!("JSON output parses: {error}: {stdout:?}");
        }
    }
    if matches!(input.format, Format::Ndjson) && !validate {
        for line in stdout.lines() {
            if let Err(error) = serde_json::from_str::<Value>(line) {
                panic!("NDJSON line parses: {error}: {line:?}");
            }
        }
    }
});
