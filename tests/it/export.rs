//! `nkru export sqlite`: the database holds what `nkru estimates` and the other lists say, with
//! its keys intact, and the file is written whole or not at all.

use rusqlite::Connection;
use serde_json::Value;

use crate::harness::{installed, run, stdout_of};

/// Exports the embedded dataset into a fresh folder; returns the folder and the file.
fn exported() -> (tempfile::TempDir, std::path::PathBuf) {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let file = folder.path().join("nkru.db");
    let path = file.to_str().expect("a UTF-8 path");
    let (code, stdout, stderr) = run(&["export", "sqlite", path]);
    assert_eq!((code, stdout.as_str()), (0, ""), "{stderr}");
    let dataset = nkru::dataset::embedded().expect("the embedded dataset loads");
    assert_eq!(
        stderr,
        format!(
            "nkru: wrote {path}: {} groups, {} estimates, {} events, {} sources, {} related\n",
            dataset.groups.len(),
            dataset.estimates.len(),
            dataset.events.len(),
            dataset.sources.len(),
            dataset.related.len()
        )
    );
    (folder, file)
}

fn estimates_json(arguments: &[&str]) -> Vec<Value> {
    let mut all = vec!["estimates", "--format", "json"];
    all.extend_from_slice(arguments);
    serde_json::from_str(&stdout_of(&all)).expect("JSON")
}

/// The files left in a folder, by name.
fn names(folder: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(folder)
        .expect("a readable folder")
        .map(|entry| {
            entry
                .expect("an entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.sort();
    names
}

#[test]
fn the_database_holds_every_estimate_as_nkru_estimates_gives_it() {
    let (_folder, file) = exported();
    let connection = Connection::open(&file).expect("a SQLite database");
    let json = estimates_json(&[]);
    let mut statement = connection
        .prepare(
            "SELECT id, coalesce(group_id, related_id), low, high, qualifiers, figures, counts, \
             from_date, to_date, precision, period, region, attributed_to, party_to_conflict, \
             source, section, note, coverage, same_figure_as FROM estimates ORDER BY position",
        )
        .expect("a query");
    let rows: Vec<Value> = statement
        .query_map([], |row| {
            let qualifiers: String = row.get(4)?;
            Ok(serde_json::json!({
                "id": row.get::<_, String>(0)?,
                "group": row.get::<_, Option<String>>(1)?,
                "low": row.get::<_, i64>(2)?,
                "high": row.get::<_, i64>(3)?,
                "qualifiers": serde_json::from_str::<Value>(&qualifiers).expect("a JSON list"),
                "figures": row.get::<_, String>(5)?,
                "counts": row.get::<_, String>(6)?,
                "from": row.get::<_, Option<String>>(7)?,
                "to": row.get::<_, Option<String>>(8)?,
                "precision": row.get::<_, String>(9)?,
                "period": row.get::<_, String>(10)?,
                "region": row.get::<_, Option<String>>(11)?,
                "attributed_to": row.get::<_, String>(12)?,
                "party_to_conflict": row.get::<_, bool>(13)?,
                "source": row.get::<_, String>(14)?,
                "section": row.get::<_, Option<String>>(15)?,
                "note": row.get::<_, Option<String>>(16)?,
                "coverage": row.get::<_, Option<String>>(17)?,
                "same_figure_as": serde_json::from_str::<Value>(&row.get::<_, String>(18)?)
                    .expect("a JSON list"),
            }))
        })
        .expect("rows")
        .collect::<Result<_, _>>()
        .expect("every row reads");
    assert_eq!(rows.len(), json.len());
    for (row, estimate) in rows.iter().zip(&json) {
        for (key, value) in row.as_object().expect("an object") {
            assert_eq!(value, &estimate[key], "{} {key}", estimate["id"]);
        }
    }
}

#[test]
fn the_queries_a_user_would_run_agree_with_nkru() {
    let (_folder, file) = exported();
    let connection = Connection::open(&file).expect("a SQLite database");
    // The workers present, year by year.
    let mut statement = connection
        .prepare(
            "SELECT id FROM estimates WHERE group_id = 'workers' AND counts = 'present' \
             ORDER BY position",
        )
        .expect("a query");
    let ids: Vec<String> = statement
        .query_map([], |row| row.get(0))
        .expect("rows")
        .collect::<Result<_, _>>()
        .expect("ids");
    let json = estimates_json(&["--group", "workers", "--counts", "present"]);
    let expected: Vec<&str> = json
        .iter()
        .map(|estimate| estimate["id"].as_str().expect("id"))
        .collect();
    assert_eq!(ids, expected);
    let in_2017: i64 = connection
        .query_row(
            "SELECT count(*) FROM estimates WHERE group_id = 'workers' \
             AND from_year <= 2017 AND (to_year IS NULL OR to_year >= 2017) AND from_year IS NOT NULL",
            [],
            |row| row.get(0),
        )
        .expect("a count");
    assert!(in_2017 > 0);
    // The source of every estimate: a join that loses no estimate.
    let joined: i64 = connection
        .query_row(
            "SELECT count(*) FROM estimates JOIN sources ON sources.id = estimates.source \
             WHERE sources.publisher <> ''",
            [],
            |row| row.get(0),
        )
        .expect("a count");
    assert_eq!(joined, embedded_estimates());
    let koryo: i64 = connection
        .query_row(
            "SELECT count(*) FROM estimates WHERE related_id = 'koryo-saram'",
            [],
            |row| row.get(0),
        )
        .expect("a count");
    assert_eq!(
        koryo as usize,
        estimates_json(&["--group", "koryo-saram"]).len()
    );
    let meta: Vec<(String, String)> = connection
        .prepare("SELECT key, value FROM meta WHERE key IN ('version', 'as_of', 'figures_to') ORDER BY key")
        .expect("a query")
        .query_map([], |row| Ok((row.get(0)?, row.get(1)?)))
        .expect("rows")
        .collect::<Result<_, _>>()
        .expect("meta");
    assert_eq!(
        meta,
        [
            (String::from("as_of"), String::from("2026-12-03")),
            (String::from("figures_to"), String::from("2026-02-27")),
            (String::from("version"), String::from("2.2.0")),
        ]
    );
    let problems: i64 = connection
        .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |row| {
            row.get(0)
        })
        .expect("a check");
    assert_eq!(problems, 0);
    let indexes: i64 = connection
        .query_row(
            "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = 'estimates' \
             AND sql IS NOT NULL",
            [],
            |row| row.get(0),
        )
        .expect("a count");
    assert!(indexes >= 5, "{indexes}");
}

#[test]
fn every_list_has_its_table_with_the_counts_of_the_dataset() {
    let (_folder, file) = exported();
    let connection = Connection::open(&file).expect("a SQLite database");
    let count = |table: &str| -> i64 {
        connection
            .query_row(&format!("SELECT count(*) FROM {table}"), [], |row| {
                row.get(0)
            })
            .expect("a count")
    };
    let dataset: Value = serde_json::from_str(
        &std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/nkru.json"))
            .expect("the dataset"),
    )
    .expect("JSON");
    let length = |list: &str| dataset[list].as_array().expect("a list").len() as i64;
    for list in ["groups", "estimates", "events", "sources", "related"] {
        assert_eq!(count(list), length(list), "{list}");
    }
    let sum = |field: &str| -> i64 {
        dataset["groups"]
            .as_array()
            .expect("groups")
            .iter()
            .map(|group| group[field].as_array().expect("a list").len() as i64)
            .sum()
    };
    assert_eq!(count("names"), length("names"));
    let cited: i64 = dataset["names"]
        .as_array()
        .expect("names")
        .iter()
        .map(|name| name["sources"].as_array().expect("sources").len() as i64)
        .sum();
    assert_eq!(count("name_sources"), cited);
    let sakhalin: Option<String> = connection
        .query_row("SELECT ko FROM names WHERE en = 'Sakhalin'", [], |row| {
            row.get(0)
        })
        .expect("the name of Sakhalin");
    let expected = dataset["names"]
        .as_array()
        .expect("names")
        .iter()
        .find(|name| name["en"] == "Sakhalin")
        .and_then(|name| name["ko"].as_str())
        .map(str::to_owned);
    assert_eq!(sakhalin, expected);
    assert!(expected.is_some());
    assert_eq!(count("periods"), sum("periods"));
    assert_eq!(count("facts"), sum("facts"));
    assert!(count("aliases") > 0 && count("aliases") <= sum("aliases"));
    let memberships: i64 = dataset["events"]
        .as_array()
        .expect("events")
        .iter()
        .map(|event| event["groups"].as_array().expect("groups").len() as i64)
        .sum();
    assert_eq!(count("event_groups"), memberships);
    // An event of every group has no row in event_groups; one of a group has its row.
    let unknown_regions: i64 = connection
        .query_row(
            "SELECT count(*) FROM estimates WHERE region IS NULL",
            [],
            |row| row.get(0),
        )
        .expect("a count");
    let null_regions = estimates_json(&[])
        .iter()
        .filter(|estimate| estimate["region"].is_null())
        .count();
    assert_eq!(unknown_regions as usize, null_regions);
}

#[test]
fn an_existing_file_is_kept_unless_forced() {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let file = folder.path().join("mine.db");
    std::fs::write(&file, "precious").expect("written");
    let path = file.to_str().expect("UTF-8");
    let (code, stdout, stderr) = run(&["export", "sqlite", path]);
    assert_eq!((code, stdout.as_str()), (4, ""));
    assert_eq!(
        stderr,
        format!(
            "nkru: error: cannot write the output: {path} already exists; add --force to replace it\n"
        )
    );
    assert_eq!(std::fs::read_to_string(&file).expect("kept"), "precious");
    assert_eq!(names(folder.path()), ["mine.db"], "nothing left beside it");
    assert_eq!(run(&["export", "sqlite", path, "--force"]).0, 0);
    let connection = Connection::open(&file).expect("a SQLite database");
    let count: i64 = connection
        .query_row("SELECT count(*) FROM estimates", [], |row| row.get(0))
        .expect("replaced by the database");
    assert_eq!(count, embedded_estimates());
    assert_eq!(names(folder.path()), ["mine.db"]);
}

#[test]
fn a_failed_export_leaves_nothing_behind() {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let missing = folder.path().join("no-such-folder").join("nkru.db");
    let (code, stdout, stderr) = run(&["export", "sqlite", missing.to_str().expect("UTF-8")]);
    assert_eq!((code, stdout.as_str()), (4, ""));
    assert!(
        stderr.starts_with("nkru: error: cannot write the output: there is no folder"),
        "{stderr}"
    );
    assert_eq!(stderr.lines().count(), 1);
    let (code, _, stderr) = run(&["export", "sqlite", folder.path().to_str().expect("UTF-8")]);
    assert_eq!(code, 4);
    assert!(stderr.contains("is a folder"), "{stderr}");
    // A dataset that cannot be read stops the export before any file is made.
    let file = folder.path().join("nkru.db");
    let (code, _, _) = run(&[
        "--data",
        "/no/such/dataset.json",
        "export",
        "sqlite",
        file.to_str().expect("UTF-8"),
    ]);
    assert_eq!(code, 3);
    assert!(
        names(folder.path()).is_empty(),
        "{:?}",
        names(folder.path())
    );
}

#[test]
fn sqlite3_counts_as_many_estimates_as_nkru_lists() {
    if !installed("sqlite3", "sqlite3") {
        return;
    }
    let (_folder, file) = exported();
    let output = std::process::Command::new("sqlite3")
        .arg(&file)
        .arg("select count(*) from estimates")
        .output()
        .expect("sqlite3 runs");
    assert!(output.status.success());
    let lines = stdout_of(&["estimates", "--format", "ndjson"])
        .lines()
        .count();
    assert_eq!(
        String::from_utf8_lossy(&output.stdout).trim(),
        lines.to_string()
    );
}

/// How many estimates the embedded dataset holds.
fn embedded_estimates() -> i64 {
    let dataset = nkru::dataset::embedded().expect("the embedded dataset");
    i64::try_from(dataset.estimates.len()).expect("a count")
}

/// The article's dataset, changed by `change`, in a file of the folder; returns its path.
fn dataset_in(folder: &std::path::Path, change: impl FnOnce(&mut Value)) -> std::path::PathBuf {
    let mut dataset: Value = serde_json::from_str(crate::harness::ARTICLE).expect("JSON");
    change(&mut dataset);
    let path = folder.join("dataset.json");
    std::fs::write(&path, dataset.to_string()).expect("written");
    path
}

#[cfg(unix)]
#[test]
fn force_replaces_a_regular_file_only() {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let fifo = folder.path().join("pipe");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    let link = folder.path().join("link.db");
    std::os::unix::fs::symlink("/dev/null", &link).expect("a link");
    for (path, kind) in [
        (fifo.to_str().expect("UTF-8"), "a FIFO"),
        ("/dev/stdout", "a symbolic link"),
        ("/dev/null", "a device"),
        (link.to_str().expect("UTF-8"), "a symbolic link"),
    ] {
        for force in [true, false] {
            let mut arguments = vec!["export", "sqlite", path];
            if force {
                arguments.push("--force");
            }
            let (code, stdout, stderr) = run(&arguments);
            assert_eq!((code, stdout.as_str()), (4, ""), "{path}");
            assert_eq!(
                stderr,
                format!(
                    "nkru: error: cannot write the output: {path} is {kind}, not a regular file; \
                     nkru replaces only a regular file\n"
                ),
            );
        }
    }
    let fifo_kind = std::fs::symlink_metadata(&fifo)
        .expect("still there")
        .file_type();
    assert!(std::os::unix::fs::FileTypeExt::is_fifo(&fifo_kind));
    assert!(std::fs::symlink_metadata(&link).expect("kept").is_symlink());
    assert_eq!(
        names(folder.path()),
        ["link.db", "pipe"],
        "nothing left beside"
    );
}

#[test]
fn a_dash_is_refused_in_one_line() {
    let (code, stdout, stderr) = run(&["export", "sqlite", "-"]);
    assert_eq!((code, stdout.as_str()), (2, ""));
    assert_eq!(
        stderr,
        "nkru: error: a database cannot be written to stdout: name the file to write instead of `-`\n"
    );
    assert!(!std::path::Path::new("-").exists());
}

#[test]
fn the_path_it_wrote_is_escaped() {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let file = folder.path().join("a\u{1b}[31mred.db");
    let (code, _, stderr) = run(&["export", "sqlite", file.to_str().expect("UTF-8")]);
    assert_eq!(code, 0, "{stderr}");
    assert!(file.exists());
    assert!(!stderr.contains('\u{1b}'), "{stderr:?}");
    assert!(stderr.contains("a\\u{1b}[31mred.db"), "{stderr:?}");
}

#[cfg(unix)]
#[test]
fn the_database_gets_the_mode_the_umask_gives() {
    use std::os::unix::fs::PermissionsExt;
    for (umask, mode) in [("022", 0o644), ("077", 0o600), ("002", 0o664)] {
        let folder = tempfile::tempdir().expect("a temporary folder");
        let file = folder.path().join("nkru.db");
        let path = file.to_str().expect("UTF-8");
        let (code, _, stderr) = crate::harness::shell(
            &format!("umask {umask}; \"$0\" export sqlite '{path}'"),
            &[],
        );
        assert_eq!(code, 0, "{stderr}");
        let found = std::fs::metadata(&file)
            .expect("written")
            .permissions()
            .mode()
            & 0o777;
        assert_eq!(found, mode, "umask {umask}: {found:o}");
    }
}

#[test]
fn figures_up_to_the_largest_the_format_allows_are_stored() {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let data = dataset_in(folder.path(), |dataset| {
        dataset["estimates"][0]["low"] = serde_json::json!(u64::MAX - 1);
        dataset["estimates"][0]["high"] = serde_json::json!(u64::MAX);
        dataset["estimates"][1]["low"] = serde_json::json!(i64::MAX as u64);
        dataset["estimates"][1]["high"] = serde_json::json!(i64::MAX as u64 + 1);
    });
    let file = folder.path().join("nkru.db");
    let (code, _, stderr) = run(&[
        "--data",
        data.to_str().expect("UTF-8"),
        "export",
        "sqlite",
        file.to_str().expect("UTF-8"),
    ]);
    assert_eq!(code, 0, "{stderr}");
    let connection = Connection::open(&file).expect("a SQLite database");
    let rows: Vec<(Option<i64>, Option<i64>, String, String)> = connection
        .prepare("SELECT low, high, low_decimal, high_decimal FROM estimates ORDER BY position")
        .expect("a query")
        .query_map([], |row| {
            Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?))
        })
        .expect("rows")
        .take(3)
        .collect::<Result<_, _>>()
        .expect("rows");
    assert_eq!(
        rows[0],
        (None, None, (u64::MAX - 1).to_string(), u64::MAX.to_string())
    );
    assert_eq!(
        rows[1],
        (
            Some(i64::MAX),
            None,
            i64::MAX.to_string(),
            (i64::MAX as u64 + 1).to_string()
        )
    );
    let (low, high) = (rows[2].0.expect("low"), rows[2].1.expect("high"));
    assert_eq!(
        (rows[2].2.clone(), rows[2].3.clone()),
        (low.to_string(), high.to_string())
    );
}

#[cfg(unix)]
#[test]
fn a_signal_during_the_export_leaves_no_file() {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let data = dataset_in(folder.path(), |dataset| {
        let first = dataset["estimates"][0].clone();
        let estimates = dataset["estimates"].as_array_mut().expect("estimates");
        for index in 0..150_000 {
            let mut estimate = first.clone();
            estimate["id"] = serde_json::json!(format!("copy-{index}"));
            estimates.push(estimate);
        }
    });
    for signal in ["TERM", "INT", "HUP"] {
        let file = folder.path().join("nkru.db");
        let mut child = crate::harness::command()
            .args(["--data", data.to_str().expect("UTF-8"), "export", "sqlite"])
            .arg(&file)
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("nkru starts");
        // Waits until the temporary file exists, then signals.
        let started = std::time::Instant::now();
        while !names(folder.path())
            .iter()
            .any(|name| name.starts_with(".nkru-export-"))
        {
            assert!(started.elapsed().as_secs() < 60, "no temporary file");
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        let sent = std::process::Command::new("kill")
            .args([format!("-{signal}"), child.id().to_string()])
            .status()
            .expect("kill runs");
        assert!(sent.success());
        let status = child.wait().expect("nkru ends");
        assert!(
            !status.success(),
            "{signal}: the export was not interrupted"
        );
        assert_eq!(names(folder.path()), ["dataset.json"], "{signal}");
    }
}
