//! The manual page, rendered by groff as `man` would.

use std::io::Write;
use std::process::{Command, Stdio};

/// The roff source `nkru man` prints.
fn roff() -> String {
    let output = crate::harness::command()
        .arg("man")
        .output()
        .expect("nkru runs");
    assert!(output.status.success(), "{output:?}");
    String::from_utf8(output.stdout).expect("the page is UTF-8")
}

/// The page as groff renders it for a UTF-8 terminal, without bold or underline; none, and a
/// note that the test skipped, where groff is not installed.
fn rendered() -> Option<String> {
    if !crate::harness::installed("groff", "groff-base") {
        return None;
    }
    let mut groff = Command::new("groff")
        .args(["-man", "-Tutf8", "-ww", "-P-cbou"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("groff is installed (Debian package groff-base)");
    groff
        .stdin
        .take()
        .expect("stdin is piped")
        .write_all(roff().as_bytes())
        .expect("groff reads the page");
    let output = groff.wait_with_output().expect("groff runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    assert!(stderr.is_empty(), "groff warns: {stderr}");
    Some(String::from_utf8(output.stdout).expect("groff writes UTF-8"))
}

#[test]
fn the_page_has_every_section() {
    let Some(page) = rendered() else {
        return;
    };
    let headings: Vec<&str> = page
        .lines()
        .filter(|line| line.starts_with(|character: char| character.is_ascii_uppercase()))
        .map(str::trim_end)
        .collect();
    for heading in [
        "NAME",
        "SYNOPSIS",
        "DESCRIPTION",
        "OPTIONS",
        "COMMANDS",
        "EXIT STATUS",
        "ENVIRONMENT",
        "FILES",
        "EXAMPLES",
        "VERSION",
    ] {
        assert!(headings.contains(&heading), "no {heading} in {headings:?}");
    }
}

#[test]
fn the_page_documents_exit_codes_environment_and_files() {
    let Some(page) = rendered() else {
        return;
    };
    for text in [
        "NKRU_FORMAT",
        "NKRU_DATA",
        "NKRU_MAX_SIZE",
        "NO_COLOR",
        "The dataset cannot be read or is not valid.",
        "--data FILE",
        "nkru chart --group workers --width 100",
        "nkru completions bash",
        "(dataset 2.2.0, figures to ",
    ] {
        assert!(page.contains(text), "no `{text}` in the page");
    }
}

#[test]
fn every_command_is_in_the_page() {
    let Some(page) = rendered() else {
        return;
    };
    for command in [
        "groups",
        "group NAME",
        "estimates [OPTIONS]",
        "chart [OPTIONS]",
        "summary [OPTIONS]",
        "timeline [OPTIONS]",
        "report [OPTIONS]",
        "export sqlite FILE [OPTIONS]",
        "search TEXT",
        "sources",
        "validate [FILE]",
        "completions SHELL",
        "man",
    ] {
        assert!(
            page.contains(&format!("nkru {command}")),
            "no `nkru {command}`"
        );
    }
}
