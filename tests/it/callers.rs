//! How callers start nkru: stdout sent to `/dev/null` opened any way, closed, read-only or full.
//! Whether stdout is usable is learnt from a failed write alone.

use crate::harness::{ARTICLE_PATH, shell};

/// Command lines that each end in a different way: output, a check, a difference, a usage error.
fn lines() -> Vec<String> {
    vec![
        String::from("\"$0\" groups"),
        format!("\"$0\" validate '{ARTICLE_PATH}'"),
        format!("\"$0\" diff --exit-code '{ARTICLE_PATH}' --embedded"),
        String::from("\"$0\" groups --format xml"),
        String::from("\"$0\" group nobody"),
    ]
}

#[test]
fn dev_null_opened_for_reading_and_writing_is_the_same_as_a_redirection() {
    // Python's subprocess.DEVNULL, Node's 'ignore', daemon(3) and Perl's `+<` open /dev/null
    // read-write, as the shell's `1<>` does; a stdout closed at start is given one so too.
    for line in lines() {
        let expected = shell(&format!("{line} > /dev/null"), &[]);
        for redirect in ["1<>/dev/null", ">&-"] {
            assert_eq!(
                shell(&format!("{line} {redirect}"), &[]),
                expected,
                "{line} {redirect}"
            );
        }
    }
    assert_eq!(shell("\"$0\" groups 1<>/dev/null", &[]).0, 0);
}

#[test]
fn a_read_only_stdout_is_a_failed_write() {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let file = folder.path().join("out.txt");
    std::fs::write(&file, "").expect("written");
    let path = file.to_str().expect("UTF-8");
    let (code, stdout, stderr) = shell(&format!("\"$0\" groups 1<'{path}'"), &[]);
    assert_eq!((code, stdout.as_str()), (4, ""), "{stderr}");
    assert_eq!(
        stderr,
        "nkru: error: cannot write the output: Bad file descriptor (os error 9)\n"
    );
}

#[test]
fn export_writes_its_file_whatever_stdout_is() {
    for redirect in ["1<>/dev/null", ">&-", "> /dev/full", "1</dev/null"] {
        let folder = tempfile::tempdir().expect("a temporary folder");
        let file = folder.path().join("nkru.db");
        let path = file.to_str().expect("UTF-8");
        let (code, _, stderr) = shell(&format!("\"$0\" export sqlite '{path}' {redirect}"), &[]);
        assert_eq!(code, 0, "{redirect}: {stderr}");
        assert!(
            stderr.starts_with(&format!("nkru: wrote {path}: ")),
            "{redirect}: {stderr}"
        );
        let connection = rusqlite::Connection::open(&file).expect("a database");
        let count: i64 = connection
            .query_row("SELECT count(*) FROM groups", [], |row| row.get(0))
            .expect("the groups");
        assert!(count > 0, "{redirect}");
    }
}
