//! The completion scripts, loaded into a real shell.

use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::harness::command as nkru;

/// The script `nkru completions shell` prints.
fn script(shell: &str) -> String {
    let output = nkru()
        .args(["completions", shell])
        .output()
        .expect("nkru runs");
    assert!(output.status.success(), "{output:?}");
    String::from_utf8(output.stdout).expect("the script is UTF-8")
}

/// What bash offers when Tab is pressed after `words` (the last one being completed).
fn complete_in_bash(words: &[&str]) -> Vec<String> {
    static CALLS: AtomicUsize = AtomicUsize::new(0);
    let call = CALLS.fetch_add(1, Ordering::Relaxed);
    let directory =
        std::env::temp_dir().join(format!("nkru-completions-{}-{call}", std::process::id()));
    std::fs::create_dir_all(&directory).expect("temporary directory");
    let path = directory.join("nkru.bash");
    std::fs::write(&path, script("bash")).expect("script written");
    let quoted: Vec<String> = words.iter().map(|word| format!("'{word}'")).collect();
    let program = format!(
        r#"source "$1"
COMP_WORDS=({words})
COMP_CWORD=$(( ${{#COMP_WORDS[@]}} - 1 ))
COMP_LINE="${{COMP_WORDS[*]}}"
COMP_POINT=${{#COMP_LINE}}
_nkru nkru "${{COMP_WORDS[COMP_CWORD]}}" "${{COMP_WORDS[COMP_CWORD-1]}}"
printf '%s\n' "${{COMPREPLY[@]}}""#,
        words = quoted.join(" ")
    );
    let output = Command::new("bash")
        .args(["--norc", "--noprofile", "-c", &program, "bash"])
        .arg(&path)
        .output()
        .expect("bash runs");
    let _ = std::fs::remove_dir_all(&directory);
    assert!(output.status.success(), "{output:?}");
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .filter(|line| !line.is_empty())
        .map(str::to_owned)
        .collect()
}

#[test]
fn bash_completes_group_names() {
    assert_eq!(complete_in_bash(&["nkru", "group", "w"]), ["workers"]);
    assert_eq!(
        complete_in_bash(&["nkru", "estimates", "--group", "s"]),
        ["students", "soldiers"]
    );
    assert_eq!(
        complete_in_bash(&["nkru", "timeline", "--group", "d"]),
        ["defectors"]
    );
}

#[test]
fn bash_completes_flag_values() {
    assert_eq!(
        complete_in_bash(&["nkru", "estimates", "--format", "n"]),
        ["ndjson"]
    );
    assert_eq!(
        complete_in_bash(&["nkru", "--color", "a"]),
        ["auto", "always"]
    );
    assert_eq!(
        complete_in_bash(&["nkru", "estimates", "--sort", "h"]),
        ["high"]
    );
    assert_eq!(
        complete_in_bash(&["nkru", "timeline", "--fields", "de"]),
        ["description"]
    );
}

#[test]
fn bash_completes_commands_and_flags() {
    assert_eq!(complete_in_bash(&["nkru", "ch"]), ["chart"]);
    assert_eq!(complete_in_bash(&["nkru", "chart", "--gr"]), ["--group"]);
    assert_eq!(complete_in_bash(&["nkru", "completions", "f"]), ["fish"]);
}

#[test]
fn bash_completes_the_commands_of_citations_facts_and_diffs_and_their_values() {
    assert_eq!(complete_in_bash(&["nkru", "ci"]), ["cite"]);
    assert_eq!(complete_in_bash(&["nkru", "fa"]), ["facts"]);
    assert_eq!(complete_in_bash(&["nkru", "di"]), ["diff"]);
    assert_eq!(
        complete_in_bash(&["nkru", "cite", "--style", "c"]),
        ["chicago", "csl-json"]
    );
    assert_eq!(complete_in_bash(&["nkru", "groups", "--lang", "k"]), ["ko"]);
    assert_eq!(
        complete_in_bash(&["nkru", "facts", "--group", "r"]),
        ["refugees"]
    );
    assert_eq!(
        complete_in_bash(&["nkru", "facts", "--fields", "se"]),
        ["section"]
    );
    assert_eq!(
        complete_in_bash(&["nkru", "diff", "--exit"]),
        ["--exit-code"]
    );
}

#[test]
fn bash_never_offers_half_a_name() {
    // `guest workers` has a space, which bash would split into two words.
    let offered = complete_in_bash(&["nkru", "group", "g"]);
    assert!(offered.is_empty(), "{offered:?}");
}

#[test]
fn other_shells_offer_names_with_spaces_quoted() {
    assert!(script("zsh").contains(r"guest\ workers"));
    assert!(script("fish").contains("guest workers\\t"));
    for shell in ["elvish", "powershell"] {
        assert!(script(shell).contains("timeline"), "{shell}");
    }
}

#[test]
fn an_unknown_shell_is_a_usage_error() {
    let output = nkru()
        .args(["completions", "tcsh"])
        .output()
        .expect("nkru runs");
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.starts_with("nkru: error: invalid value 'tcsh'"),
        "{stderr}"
    );
}
