//! Helpers shared by the integration tests: the binary with a clean environment.

#![allow(dead_code)]

use assert_cmd::Command;

/// The nkru binary with every environment variable that changes its output removed.
pub fn nkru() -> Command {
    let mut command = Command::cargo_bin("nkru").expect("the nkru binary is built");
    for variable in [
        "NO_COLOR",
        "NKRU_FORMAT",
        "NKRU_DATA",
        "NKRU_MAX_SIZE",
        "COLUMNS",
        "LANG",
        "LC_ALL",
        "LC_CTYPE",
    ] {
        command.env_remove(variable);
    }
    command
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
