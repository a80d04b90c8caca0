//! The one harness of the integration tests: the nkru binary in an environment scrubbed of
//! every variable that changes its output, and the ways to run it.

#![allow(dead_code)]

use std::io::Write;
use std::process::Command;

/// The path of a small dataset of the article's records alone, whose every record a test can
/// name; tests that break or change a dataset start from it.
pub const ARTICLE_PATH: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/it/fixtures/article.json"
);

/// The text of that dataset.
pub const ARTICLE: &str = include_str!("fixtures/article.json");

/// The environment variables that change what nkru prints; each test sets what it needs.
pub const SCRUBBED: &[&str] = &[
    "NO_COLOR",
    "NKRU_FORMAT",
    "NKRU_DATA",
    "NKRU_MAX_SIZE",
    "COLUMNS",
    "LANG",
    "LC_ALL",
    "LC_CTYPE",
];

/// The nkru binary as a standard command, with the scrubbed environment.
pub fn command() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_nkru"));
    for variable in SCRUBBED {
        command.env_remove(variable);
    }
    command
}

/// The nkru binary as an `assert_cmd` command, with the scrubbed environment.
pub fn nkru() -> assert_cmd::Command {
    assert_cmd::Command::from_std(command())
}

/// Runs nkru with these arguments and returns its exit code, stdout and stderr.
pub fn run(arguments: &[&str]) -> (i32, String, String) {
    let output = nkru().args(arguments).output().expect("nkru runs");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8(output.stdout).expect("stdout is UTF-8"),
        String::from_utf8(output.stderr).expect("stderr is UTF-8"),
    )
}

/// Runs nkru, expects success with nothing on stderr, and returns stdout.
pub fn stdout_of(arguments: &[&str]) -> String {
    let (code, stdout, stderr) = run(arguments);
    assert_eq!(code, 0, "nkru {arguments:?} failed: {stderr}");
    assert_eq!(stderr, "", "nkru {arguments:?} wrote to stderr");
    stdout
}

/// Runs nkru in-process on dataset bytes held in memory, in `environment`; returns its exit
/// code, stdout and stderr.
pub fn run_in_memory(
    dataset: &[u8],
    arguments: &[&str],
    environment: &nkru::Environment,
) -> (u8, String, String) {
    let arguments: Vec<std::ffi::OsString> = std::iter::once("nkru")
        .chain(arguments.iter().copied())
        .map(std::ffi::OsString::from)
        .collect();
    let mut stdout = Vec::new();
    let mut stderr = Vec::new();
    let code = nkru::execute_on_bytes(arguments, environment, dataset, &mut stdout, &mut stderr);
    (
        code,
        String::from_utf8(stdout).expect("stdout is UTF-8"),
        String::from_utf8(stderr).expect("stderr is UTF-8"),
    )
}

/// Whether an outside program a test needs is installed. When it is not, the test says plainly
/// on stderr that it skipped; under CI (where `.ci/run` installs the program) it fails instead,
/// so CI always runs the test. The note is written to stderr directly, past the test runner's
/// capture, so it shows in every run.
pub fn installed(program: &str, package: &str) -> bool {
    let found = Command::new(program)
        .arg("--version")
        .output()
        .is_ok_and(|output| output.status.success());
    ready(
        found,
        &format!("{program} is not installed (Debian package {package})"),
    )
}

/// Whether what a test needs from outside is there, `found`; when it is not, the test says
/// `why` it skipped on stderr, or fails under CI, as [`installed`] does.
pub fn ready(found: bool, why: &str) -> bool {
    if !found {
        assert!(
            std::env::var_os("CI").is_none(),
            "{why}, and CI must run every test (.ci/run installs it)"
        );
        let _ = writeln!(std::io::stderr(), "skipped: {why}; .ci/run installs it");
    }
    found
}

/// Runs a shell line with `$0` set to the nkru binary, in the scrubbed environment; returns the
/// exit code, stdout and stderr.
pub fn shell(line: &str, environment: &[(&str, &str)]) -> (i32, String, String) {
    let mut shell = Command::new("sh");
    shell.args(["-c", line, env!("CARGO_BIN_EXE_nkru")]);
    for variable in SCRUBBED {
        shell.env_remove(variable);
    }
    for (name, value) in environment {
        shell.env(name, value);
    }
    let output = shell.output().expect("sh runs");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}
