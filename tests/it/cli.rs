//! Runs the nkru binary for every command, filter, format and error path, on a small dataset of
//! the article's records whose every figure the tests can name.

use crate::harness::ARTICLE_PATH as FIXTURE;
use nkru::dataset::Dataset;
use serde::Deserialize;

/// nkru reading the fixture, named by the environment variable as a user could.
fn nkru() -> assert_cmd::Command {
    let mut command = crate::harness::nkru();
    command.env("NKRU_DATA", FIXTURE).env("LANG", "C.UTF-8");
    command
}

/// Runs nkru on the fixture; returns its exit code, stdout and stderr.
fn run(arguments: &[&str]) -> (i32, String, String) {
    let output = nkru().args(arguments).output().expect("nkru runs");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8(output.stdout).expect("stdout is UTF-8"),
        String::from_utf8(output.stderr).expect("stderr is UTF-8"),
    )
}

/// Runs nkru on the fixture, expects success with nothing on stderr, and returns stdout.
fn stdout_of(arguments: &[&str]) -> String {
    let (code, stdout, stderr) = run(arguments);
    assert_eq!(
        (code, stderr.as_str()),
        (0, ""),
        "nkru {arguments:?} failed"
    );
    stdout
}

fn dataset() -> Dataset<'static> {
    let text = std::fs::read_to_string(FIXTURE).expect("the fixture can be read");
    nkru::dataset::parse(&text, &nkru::dataset::Origin::Stdin)
        .expect("the fixture parses")
        .dataset
        .into_owned()
}

/// One row of `nkru estimates --format json`, with every documented field.
#[derive(Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
struct EstimateRow {
    id: String,
    scope: String,
    group: Option<String>,
    low: u64,
    high: u64,
    qualifiers: Vec<String>,
    figures: String,
    counts: String,
    from: Option<String>,
    to: Option<String>,
    precision: String,
    period: String,
    when: String,
    region: Option<String>,
    coverage: Option<String>,
    by: String,
    attributed_to: String,
    party_to_conflict: bool,
    source: String,
    section: Option<String>,
    note: Option<String>,
    same_figure_as: Vec<String>,
}

/// One row of `nkru groups --format json`.
#[derive(Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
struct GroupRow {
    id: String,
    name: String,
    aliases: Vec<String>,
    from: Option<i32>,
    to: Option<i32>,
    periods: Vec<String>,
    estimates: usize,
    present: Option<String>,
    when: Option<String>,
    by: Option<String>,
    present_low: Option<u64>,
    present_high: Option<u64>,
    present_estimates: Vec<String>,
    present_by: Vec<String>,
    latest_estimate: Option<String>,
    latest_low: Option<u64>,
    latest_high: Option<u64>,
    latest: Option<String>,
    latest_period: Option<String>,
    latest_attributed_to: Option<String>,
    latest_source: Option<String>,
}

/// One row of `nkru timeline --format json`.
#[derive(Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
struct EventRow {
    id: String,
    from: Option<String>,
    to: Option<String>,
    precision: String,
    when: String,
    groups: Vec<String>,
    description: String,
    attributed_to: Option<String>,
    source: String,
    section: Option<String>,
}

/// One row of `nkru sources --format json`.
#[derive(Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
struct SourceRow {
    id: String,
    publisher: String,
    title: String,
    title_english: Option<String>,
    date: Option<String>,
    kind: String,
    url: Option<String>,
    retrieved: Option<String>,
    original_publisher: Option<String>,
    language: Option<String>,
    note: Option<String>,
    citations: usize,
    cited_by: Vec<String>,
}

/// One row of `nkru search --format json`.
#[derive(Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
struct HitRow {
    kind: String,
    id: String,
    field: String,
    text: String,
}

/// One line of `nkru summary --format json`.
#[derive(Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
struct SummaryRow {
    id: String,
    name: String,
    counts: Option<String>,
    headline: Option<String>,
    when: Option<String>,
    by: Option<String>,
    headline_low: Option<u64>,
    headline_high: Option<u64>,
    headline_period: Option<String>,
    headline_estimates: Vec<String>,
    headline_by: Vec<String>,
    headline_party_to_conflict: Option<bool>,
    headline_coverage: Option<String>,
    from: Option<i32>,
    to: Option<i32>,
    estimates: usize,
    undated: usize,
    lowest: Option<u64>,
    highest: Option<u64>,
    range: Option<String>,
    latest_estimate: Option<String>,
    latest_low: Option<u64>,
    latest_high: Option<u64>,
    latest: Option<String>,
    latest_period: Option<String>,
    latest_attributed_to: Option<String>,
    latest_source: Option<String>,
}

/// The one row of `nkru about --format json`.
#[derive(Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
struct AboutRow {
    title: String,
    version: String,
    as_of: String,
    figures_to: Option<String>,
    overview: String,
    categories: Vec<String>,
    groups: Vec<String>,
    related: Vec<String>,
}

/// One row of `nkru related --format json`.
#[derive(Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
struct RelatedRow {
    id: String,
    name: String,
    description: String,
    origin: String,
    destination: String,
    from: Option<String>,
    to: Option<String>,
    precision: String,
    period: String,
    source: String,
    section: Option<String>,
}

/// The object of `nkru group --format json`.
#[derive(Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
struct GroupObject {
    id: String,
    name: String,
    aliases: Vec<String>,
    description: String,
    from: Option<i32>,
    to: Option<i32>,
    periods: Vec<serde_json::Value>,
    facts: Vec<serde_json::Value>,
    estimates: Vec<EstimateRow>,
    events: Vec<EventRow>,
    sources: Vec<SourceRow>,
}

/// The JSON output of nkru on the fixture.
fn json<T: for<'de> Deserialize<'de>>(arguments: &[&str]) -> T {
    let mut all = arguments.to_vec();
    all.extend(["--format", "json"]);
    let stdout = stdout_of(&all);
    serde_json::from_str(&stdout).unwrap_or_else(|error| panic!("{error}: {stdout}"))
}

fn estimates_with(filters: &[&str]) -> Vec<String> {
    let mut arguments = vec!["estimates"];
    arguments.extend_from_slice(filters);
    json::<Vec<EstimateRow>>(&arguments)
        .into_iter()
        .map(|row| row.id)
        .collect()
}

#[test]
fn estimates_json_matches_the_dataset_field_by_field() {
    let dataset = dataset();
    let rows: Vec<EstimateRow> = json(&["estimates"]);
    let expected: Vec<EstimateRow> = dataset
        .estimates
        .iter()
        .map(|estimate| EstimateRow {
            id: estimate.id.to_string(),
            scope: String::from(if estimate.group.is_some() {
                "group"
            } else {
                "total"
            }),
            group: estimate.group.as_deref().map(String::from),
            low: estimate.low,
            high: estimate.high,
            qualifiers: estimate
                .qualifiers
                .iter()
                .map(|qualifier| qualifier.name().to_owned())
                .collect(),
            figures: estimate.figures(),
            counts: estimate.counts.name().to_owned(),
            from: estimate.period.from.map(|date| date.to_string()),
            to: estimate.period.end().map(|date| date.to_string()),
            precision: estimate.period.precision.name().to_owned(),
            period: estimate.period.text.to_string(),
            when: estimate.period.label(),
            region: estimate.region.as_deref().map(String::from),
            coverage: estimate.coverage.map(|coverage| coverage.name().to_owned()),
            by: rows
                .iter()
                .find(|row| row.id == estimate.id)
                .map(|row| row.by.clone())
                .unwrap_or_default(),
            attributed_to: estimate.attributed_to.to_string(),
            party_to_conflict: estimate.party_to_conflict,
            source: estimate.source.to_string(),
            section: estimate.section.as_deref().map(String::from),
            note: estimate.note.as_deref().map(String::from),
            same_figure_as: estimate
                .same_figure_as
                .iter()
                .map(ToString::to_string)
                .collect(),
        })
        .collect();
    assert_eq!(rows, expected);
    assert_eq!(estimates_with(&[]).len(), 4);
}

#[test]
fn estimates_of_the_article_are_all_there() {
    let rows: Vec<EstimateRow> = json(&["estimates"]);
    type Figures<'a> = (&'a str, u64, u64, &'a str, Option<&'a str>, Option<&'a str>);
    let figures: Vec<Figures<'_>> = rows
        .iter()
        .map(|row| {
            (
                row.id.as_str(),
                row.low,
                row.high,
                row.counts.as_str(),
                row.from.as_deref(),
                row.to.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        figures,
        [
            (
                "total-2006",
                10_000,
                10_000,
                "present",
                Some("2006"),
                Some("2006")
            ),
            (
                "workers-1940s",
                8000,
                8000,
                "recruited",
                Some("1945"),
                Some("1949")
            ),
            ("workers-any-year", 15_000, 20_000, "present", None, None),
            (
                "refugees-1999",
                100,
                500,
                "present",
                Some("1999"),
                Some("1999")
            ),
        ]
    );
    assert_eq!(rows[0].source, "article");
    assert!(rows[0].attributed_to.starts_with("Kyung Hee University"));
    assert_eq!(rows[0].figures, "about 10,000");
    assert_eq!(rows[1].precision, "decade_part");
    assert_eq!(rows[2].figures, "about 15,000–20,000");
    assert_eq!(rows[2].precision, "unknown");
    assert_eq!(rows[3].figures, "estimated 100–500");
    assert_eq!(rows[3].qualifiers, ["estimated"]);
    assert_eq!(rows[3].region.as_deref(), Some("eastern regions of Russia"));
}

#[test]
fn groups_json_lists_the_groups_with_their_latest_count_of_people_present() {
    let rows: Vec<GroupRow> = json(&["groups"]);
    let ids: Vec<&str> = rows.iter().map(|row| row.id.as_str()).collect();
    assert_eq!(ids, ["students", "workers", "refugees"]);
    assert_eq!(rows[0].estimates, 0);
    assert_eq!(rows[0].latest_estimate, None);
    assert_eq!((rows[0].from, rows[0].to), (Some(1953), Some(1962)));
    // The newest wave has no date, so the workers' span has no known end.
    assert_eq!((rows[1].from, rows[1].to), (Some(1945), None));
    assert_eq!(rows[1].estimates, 2);
    // Recruits are not people present, and an undated figure is never the latest.
    assert_eq!(rows[1].latest_estimate, None);
    assert_eq!(rows[2].latest_estimate.as_deref(), Some("refugees-1999"));
    assert_eq!(
        (rows[2].latest_low, rows[2].latest_high),
        (Some(100), Some(500))
    );
    assert_eq!(
        rows[2].latest_attributed_to.as_deref(),
        Some("the article (no author named)")
    );
    assert!(rows[2].aliases.contains(&String::from("defectors")));
    assert!(!rows[2].aliases.contains(&String::from("runaways")));
}

#[test]
fn group_json_nests_estimates_events_and_sources() {
    let group: GroupObject = json(&["group", "defector"]);
    assert_eq!(group.id, "refugees");
    assert_eq!(group.name, "Defectors and refugees");
    assert_eq!(group.facts.len(), dataset().groups[2].facts.len());
    assert_eq!(group.estimates.len(), 1);
    assert_eq!(group.estimates[0].low, 100);
    let events: Vec<&str> = group.events.iter().map(|event| event.id.as_str()).collect();
    // The study of the whole population is not an event of the group.
    assert_eq!(
        events,
        [
            "asylum-remark-1994",
            "citizens-killed-1995",
            "consul-killed-1996",
        ]
    );
    let sources: Vec<&str> = group
        .sources
        .iter()
        .map(|source| source.id.as_str())
        .collect();
    assert_eq!(sources, ["article"]);
    assert_eq!((group.from, group.to), (None, None));
    assert!(!group.description.is_empty() && !group.aliases.is_empty());
    let periods = serde_json::to_value(&dataset().groups[2].periods).expect("periods serialize");
    assert_eq!(serde_json::Value::from(group.periods), periods);
}

/// The keys of a JSON object in the order they were written (nkru's serde_json keeps it).
fn keys(value: &serde_json::Value) -> Vec<&str> {
    value
        .as_object()
        .unwrap_or_else(|| panic!("an object: {value}"))
        .keys()
        .map(String::as_str)
        .collect()
}

#[test]
fn group_json_keys_come_in_the_documented_order() {
    let group: serde_json::Value = json(&["group", "refugees"]);
    assert_eq!(
        keys(&group),
        [
            "id",
            "name",
            "aliases",
            "description",
            "from",
            "to",
            "periods",
            "facts",
            "estimates",
            "events",
            "sources"
        ]
    );
    assert_eq!(
        keys(&group["periods"][0]),
        ["precision", "from", "to", "text"]
    );
    assert_eq!(keys(&group["facts"][0]), ["text", "source", "section"]);
    let estimates = stdout_of(&["estimates", "--format", "csv", "--max", "0"]);
    let header: Vec<&str> = estimates.trim_end().split(',').collect();
    assert_eq!(keys(&group["estimates"][0]), header);
    let events = stdout_of(&["timeline", "--format", "csv", "--to", "0"]);
    let header: Vec<&str> = events.trim_end().split(',').collect();
    assert_eq!(keys(&group["events"][0]), header);
    let header = stdout_of(&["sources", "--format", "csv"]);
    let header: Vec<&str> = header
        .lines()
        .next()
        .expect("a header")
        .split(',')
        .collect();
    assert_eq!(keys(&group["sources"][0]), header);
}

#[test]
fn summary_json_is_an_array_of_rows_with_the_same_keys_in_the_documented_order() {
    for format in ["json", "ndjson"] {
        let stdout = stdout_of(&["summary", "--format", format]);
        let rows: Vec<serde_json::Value> = if format == "json" {
            serde_json::from_str(&stdout).expect("a JSON array")
        } else {
            stdout
                .lines()
                .map(|line| serde_json::from_str(line).expect("a JSON object"))
                .collect()
        };
        let header = stdout_of(&["summary", "--format", "csv"]);
        let documented: Vec<&str> = header
            .lines()
            .next()
            .expect("a header")
            .split(',')
            .collect();
        assert_eq!(rows.len(), 5, "{format}");
        // What a data frame needs: every row an object with the same keys, in one order.
        for row in &rows {
            assert_eq!(keys(row), documented, "{format}: {row}");
        }
    }
}

#[test]
fn about_and_related_give_scripts_what_the_summary_shows_people() {
    let about: Vec<AboutRow> = json(&["about"]);
    assert_eq!(about.len(), 1);
    let about = &about[0];
    assert_eq!(about.title, "North Koreans in Russia");
    assert_eq!(
        (about.version.as_str(), about.as_of.as_str()),
        ("2.0.0", "2026-11-28")
    );
    assert_eq!(about.figures_to.as_deref(), Some("2006"));
    assert_eq!(about.overview, dataset().overview);
    assert_eq!(about.categories, *dataset().categories);
    assert_eq!(about.groups, ["students", "workers", "refugees"]);
    assert_eq!(about.related, ["koryo-saram"]);
    let related: Vec<RelatedRow> = json(&["related"]);
    let expected = &dataset().related;
    assert_eq!(related.len(), expected.len());
    assert_eq!(related[0].id, expected[0].id);
    assert_eq!(related[0].description, expected[0].description);
    assert_eq!(related[0].origin, expected[0].origin);
    assert_eq!(related[0].destination, "Russian Far East");
    assert_eq!(related[0].period, expected[0].period.text);
    assert_eq!(related[0].precision, "unknown");
    assert_eq!(related[0].source, "article");
    let csv = stdout_of(&[
        "about",
        "--fields",
        "version,as_of,figures_to",
        "--format",
        "csv",
    ]);
    assert_eq!(csv, "version,as_of,figures_to\n2.0.0,2026-11-28,2006\n");
    let view = stdout_of(&["about", "--format", "table", "--width", "80"]);
    assert!(
        view.starts_with("title       North Koreans in Russia\n"),
        "{view}"
    );
}

#[test]
fn summary_json_gives_one_line_for_each_kind_of_figure() {
    let rows: Vec<SummaryRow> = json(&["summary"]);
    type Line<'a> = (&'a str, Option<&'a str>, usize, Option<u64>, Option<u64>);
    let lines: Vec<Line<'_>> = rows
        .iter()
        .map(|row| {
            (
                row.id.as_str(),
                row.counts.as_deref(),
                row.estimates,
                row.lowest,
                row.highest,
            )
        })
        .collect();
    // Recruits and people present are never merged into one range.
    assert_eq!(
        lines,
        [
            ("total", Some("present"), 1, Some(10_000), Some(10_000)),
            ("students", None, 0, None, None),
            ("workers", Some("present"), 1, Some(15_000), Some(20_000)),
            ("workers", Some("recruited"), 1, Some(8000), Some(8000)),
            ("refugees", Some("present"), 1, Some(100), Some(500)),
        ]
    );
    let total = &rows[0];
    assert_eq!(total.latest_source.as_deref(), Some("article"));
    assert_eq!(total.latest_low, Some(10_000));
    // The one undated figure of people present is counted but never the latest.
    assert_eq!((rows[2].undated, rows[2].latest.as_deref()), (1, None));
    let only: Vec<SummaryRow> = json(&["summary", "--group", "workers"]);
    assert_eq!(only.len(), 2);
    assert_eq!(only[0].name, "Guest workers");
    assert_eq!(only[1].latest_period.as_deref(), Some("late 1940s"));
    assert_eq!(only[1].range.as_deref(), Some("8,000"));
}

#[test]
fn timeline_is_oldest_first_and_filters() {
    let events: Vec<EventRow> = json(&["timeline"]);
    let dates: Vec<Option<&str>> = events
        .iter()
        .map(|event| event.from.as_deref().or(event.to.as_deref()))
        .collect();
    assert_eq!(
        dates,
        [
            Some("1945"),
            Some("1953"),
            Some("1994"),
            Some("1995"),
            Some("1996"),
            Some("2006")
        ]
    );
    assert_eq!(events[0].when, "late 1940s");
    assert_eq!(events[0].to.as_deref(), Some("1949"));
    assert_eq!(events[2].when, "as early as 1994");
    assert_eq!(
        (events[2].from.as_deref(), events[2].precision.as_str()),
        (None, "open")
    );
    let ids = |arguments: &[&str]| -> Vec<String> {
        let mut all = vec!["timeline"];
        all.extend_from_slice(arguments);
        json::<Vec<EventRow>>(&all)
            .into_iter()
            .map(|event| event.id)
            .collect()
    };
    assert_eq!(
        ids(&["--from", "1996"]),
        ["consul-killed-1996", "kyung-hee-study-2006"]
    );
    assert_eq!(ids(&["--to", "1950"]), ["workers-recruited-sakhalin"]);
    assert_eq!(ids(&["--group", "students"]), ["students-reconstruction"]);
    assert_eq!(
        ids(&["--group", "students", "--to", "2000"]),
        ["students-reconstruction"]
    );
    assert!(events.iter().all(|event| !event.description.is_empty()
        && event.section.is_some()
        && !event.source.is_empty()));
    assert_eq!(events[5].groups, Vec::<String>::new());
}

#[test]
fn timeline_year_gives_the_events_whose_period_covers_it() {
    let ids = |arguments: &[&str]| -> Vec<String> {
        let mut all = vec!["timeline"];
        all.extend_from_slice(arguments);
        json::<Vec<EventRow>>(&all)
            .into_iter()
            .map(|event| event.id)
            .collect()
    };
    assert_eq!(ids(&["--year", "1996"]), ["consul-killed-1996"]);
    // An event of the late 1940s (1945 to 1949) covers 1947.
    assert_eq!(ids(&["--year", "1947"]), ["workers-recruited-sakhalin"]);
    assert_eq!(
        ids(&["--year", "1996", "--group", "refugees", "--from", "1990"]),
        ["consul-killed-1996"]
    );
    assert!(ids(&["--year", "1997"]).is_empty());
    let (code, stdout, stderr) = run(&["timeline", "--year", "1996", "--from", "2000"]);
    assert_eq!((code, stdout.as_str()), (2, ""));
    assert_eq!(
        stderr,
        "nkru: error: --year 1996 is before --from 2000, so nothing could match\n"
    );
    let view = stdout_of(&["timeline", "--year", "1996", "--format", "table"]);
    assert!(
        view.starts_with("North Koreans in Russia: timeline, 1996\n"),
        "{view}"
    );
}

#[test]
fn group_takes_names_separated_by_commas_wherever_it_is_repeatable() {
    let commands: &[&[&str]] = &[
        &["estimates", "--format", "json"],
        &["chart", "--format", "json"],
        &["summary", "--format", "json"],
        &["timeline", "--format", "json"],
        &["facts", "--format", "json"],
        &["report"],
    ];
    for command in commands {
        let with = |groups: &[&str]| {
            let mut arguments = command.to_vec();
            for group in groups {
                arguments.extend(["--group", group]);
            }
            stdout_of(&arguments)
        };
        let both = with(&["refugees", "workers"]);
        assert_eq!(with(&["refugees,workers"]), both, "{command:?}");
        // Spaces around a name are dropped; the report names the filter as it was read.
        assert_eq!(
            with(&["refugees, guest workers "]),
            with(&["refugees", "guest workers"]),
            "{command:?}"
        );
        assert_ne!(with(&["refugees"]), both, "{command:?}");
    }
    let (code, stdout, stderr) = run(&["estimates", "--group", "refugees,"]);
    assert_eq!((code, stdout.as_str()), (2, ""));
    assert!(stderr.contains("a group name cannot be empty"), "{stderr}");
}

#[test]
fn search_finds_every_kind_of_record_ignoring_case() {
    let hits: Vec<HitRow> = json(&["search", "HAMGYONG"]);
    assert_eq!(
        hits,
        [HitRow {
            kind: String::from("related"),
            id: String::from("koryo-saram"),
            field: String::from("origin"),
            text: String::from("northern provinces of Korea, Hamgyong above all"),
        }]
    );
    let kinds = |text: &str| -> Vec<String> {
        let mut kinds: Vec<String> = json::<Vec<HitRow>>(&["search", text])
            .into_iter()
            .map(|hit| hit.kind)
            .collect();
        kinds.dedup();
        kinds
    };
    assert_eq!(kinds("pyongyang"), ["group"]);
    assert_eq!(kinds("Kyung Hee"), ["estimate", "event"]);
    assert_eq!(kinds("wikipedia.org"), ["source"]);
    assert!(kinds("Choi Duk-gun").contains(&String::from("event")));
    assert!(kinds("Asian Russian").contains(&String::from("dataset")));
    assert!(json::<Vec<HitRow>>(&["search", "nothing like this"]).is_empty());
}

#[test]
fn search_looks_in_texts_not_ids_and_shows_what_a_date_is_of() {
    let hits: Vec<HitRow> = json(&["search", "workers"]);
    assert!(hits.iter().all(|hit| hit.field != "id"), "{hits:?}");
    assert!(
        hits.iter()
            .all(|hit| hit.text.to_lowercase().contains("workers")),
        "{hits:?}"
    );
    assert_eq!(hits.len(), 14);
    // A record whose id holds the words, and no text of it, is not found.
    let sakhalin: Vec<HitRow> = json(&["search", "recruited-sakhalin"]);
    assert!(sakhalin.is_empty(), "{sakhalin:?}");
    assert_eq!(
        json::<Vec<HitRow>>(&["search", "1996"]),
        [HitRow {
            kind: String::from("event"),
            id: String::from("consul-killed-1996"),
            field: String::from("when"),
            text: String::from(
                "1996: South Korean consul Choi Duk-gun is assassinated, a killing believed to have been ordered by North Korea because of his contact with refugees."
            ),
        }]
    );
    let dated: Vec<HitRow> = json(&["search", "as of 1999"]);
    assert_eq!(
        dated
            .iter()
            .map(|hit| (hit.id.as_str(), hit.field.as_str(), hit.text.as_str()))
            .collect::<Vec<_>>(),
        [(
            "refugees-1999",
            "period",
            "as of 1999: estimated 100–500 (people present at one time)"
        )]
    );
}

#[test]
fn sources_list_who_cites_them() {
    let sources: Vec<SourceRow> = json(&["sources"]);
    assert_eq!(sources.len(), 1);
    let article = &sources[0];
    assert_eq!(
        (article.publisher.as_str(), article.title.as_str()),
        ("Wikipedia", "North Koreans in Russia")
    );
    assert_eq!(article.kind, "encyclopedia");
    // Its title is in English already.
    assert_eq!(article.title_english, None);
    assert_eq!(
        article.url.as_deref(),
        Some("https://en.wikipedia.org/wiki/North_Koreans_in_Russia")
    );
    assert_eq!(article.retrieved.as_deref(), Some("2026-11-28"));
    assert_eq!(article.date, None);
    assert_eq!(article.citations, article.cited_by.len());
    for id in [
        "students",
        "workers",
        "refugees",
        "total-2006",
        "workers-any-year",
        "refugees-1999",
        "kyung-hee-study-2006",
        "koryo-saram",
    ] {
        assert!(article.cited_by.iter().any(|cited| cited == id), "{id}");
    }
}

#[test]
fn each_estimate_filter_selects_by_its_meaning() {
    assert_eq!(
        estimates_with(&["--group", "workers"]),
        ["workers-1940s", "workers-any-year"]
    );
    assert_eq!(
        estimates_with(&["--group", "refugees", "--group", "students"]),
        ["refugees-1999"]
    );
    assert_eq!(estimates_with(&["--year", "1947"]), ["workers-1940s"]);
    assert_eq!(estimates_with(&["--year", "1950"]), Vec::<String>::new());
    assert_eq!(
        estimates_with(&["--from", "1990"]),
        ["total-2006", "refugees-1999"]
    );
    assert_eq!(estimates_with(&["--to", "1990"]), ["workers-1940s"]);
    assert_eq!(
        estimates_with(&["--from", "1949", "--to", "1999"]),
        ["workers-1940s", "refugees-1999"]
    );
    assert_eq!(estimates_with(&["--region", "eastern"]), ["refugees-1999"]);
    assert_eq!(
        estimates_with(&["--region", "russia"]),
        ["total-2006", "refugees-1999"]
    );
    assert_eq!(estimates_with(&["--source", "article"]).len(), 4);
    assert_eq!(estimates_with(&["--source", "WIKIPEDIA"]).len(), 4);
    assert_eq!(
        estimates_with(&["--source", "University"]),
        Vec::<String>::new()
    );
    assert_eq!(
        estimates_with(&["--attributed-to", "kyung hee"]),
        ["total-2006"]
    );
    assert_eq!(
        estimates_with(&["--counts", "present"]),
        ["total-2006", "workers-any-year", "refugees-1999"]
    );
    assert_eq!(
        estimates_with(&["--counts", "recruited,census"]),
        ["workers-1940s"]
    );
    assert_eq!(
        estimates_with(&["--counts", "visas", "--counts", "recruited"]),
        ["workers-1940s"]
    );
    assert_eq!(
        estimates_with(&["--min", "10000"]),
        ["total-2006", "workers-any-year"]
    );
    assert_eq!(
        estimates_with(&["--max", "8000"]),
        ["workers-1940s", "refugees-1999"]
    );
    assert_eq!(
        estimates_with(&["--min", "400", "--max", "9000"]),
        ["workers-1940s", "refugees-1999"]
    );
    assert_eq!(
        estimates_with(&["--group", "workers", "--min", "10000"]),
        ["workers-any-year"]
    );
}

#[test]
fn estimates_sort_by_any_field_with_unknowns_last() {
    assert_eq!(
        estimates_with(&["--sort", "low"]),
        [
            "refugees-1999",
            "workers-1940s",
            "total-2006",
            "workers-any-year"
        ]
    );
    assert_eq!(
        estimates_with(&["--sort", "high", "--reverse"]),
        [
            "workers-any-year",
            "total-2006",
            "workers-1940s",
            "refugees-1999"
        ]
    );
    assert_eq!(
        estimates_with(&["--sort", "from"]),
        [
            "workers-1940s",
            "refugees-1999",
            "total-2006",
            "workers-any-year"
        ]
    );
    assert_eq!(
        estimates_with(&["--sort", "from", "--reverse"]),
        [
            "total-2006",
            "refugees-1999",
            "workers-1940s",
            "workers-any-year"
        ]
    );
    assert_eq!(
        estimates_with(&["--reverse"]),
        [
            "refugees-1999",
            "workers-any-year",
            "workers-1940s",
            "total-2006"
        ]
    );
    let (code, stdout, stderr) = run(&["estimates", "--sort", "size"]);
    assert_eq!((code, stdout.as_str()), (2, ""));
    assert!(
        stderr.starts_with("nkru: error: invalid value 'size' for '--sort <FIELD>'"),
        "{stderr}"
    );
}

#[test]
fn sorting_by_figures_orders_by_the_numbers_low_then_high() {
    // As text, `about 10,000` would come before `about 15,000–20,000` and `about 8,000`.
    assert_eq!(
        estimates_with(&["--sort", "figures"]),
        [
            "refugees-1999",
            "workers-1940s",
            "total-2006",
            "workers-any-year"
        ]
    );
    assert_eq!(
        estimates_with(&["--sort", "figures", "--reverse"]),
        [
            "workers-any-year",
            "total-2006",
            "workers-1940s",
            "refugees-1999"
        ]
    );
    // On the embedded dataset, where ranges share low figures, the high figure decides next.
    let stdout = crate::harness::stdout_of(&[
        "estimates",
        "--sort",
        "figures",
        "--fields",
        "low,high",
        "--format",
        "csv",
        "--no-header",
    ]);
    let pairs: Vec<(u64, u64)> = stdout
        .lines()
        .map(|line| {
            let (low, high) = line.split_once(',').expect("two fields");
            (low.parse().expect("a low"), high.parse().expect("a high"))
        })
        .collect();
    assert!(pairs.len() > 100);
    assert!(pairs.windows(2).all(|pair| pair[0] <= pair[1]), "{pairs:?}");
}

const LIST_COMMANDS: &[&[&str]] = &[
    &["groups"],
    &["estimates"],
    &["summary"],
    &["timeline"],
    &["search", "korea"],
    &["sources"],
    &["group", "workers"],
    &["about"],
    &["related"],
];

fn with_format<'a>(command: &[&'a str], format: &'a str) -> Vec<&'a str> {
    let mut arguments = command.to_vec();
    arguments.extend(["--format", format]);
    arguments
}

#[test]
fn every_command_writes_valid_csv_with_one_header() {
    for command in LIST_COMMANDS {
        let stdout = stdout_of(&with_format(command, "csv"));
        let mut reader = csv::Reader::from_reader(stdout.as_bytes());
        let width = reader.headers().expect("a header").len();
        let records: Vec<csv::StringRecord> = reader
            .records()
            .map(|record| record.expect("a valid record"))
            .collect();
        assert!(!records.is_empty(), "{command:?}");
        assert!(
            records.iter().all(|record| record.len() == width),
            "{command:?}"
        );
    }
}

#[test]
fn csv_lines_end_in_lf_so_line_tools_match_the_last_field() {
    for command in LIST_COMMANDS {
        let stdout = stdout_of(&with_format(command, "csv"));
        assert!(
            !stdout.contains('\r'),
            "{command:?} writes a CR: {stdout:?}"
        );
    }
    // What `awk -F, '$NF == "article"'` does: the last field of a line is the value itself.
    let stdout = stdout_of(&[
        "estimates",
        "--fields",
        "id,source",
        "--format",
        "csv",
        "--year",
        "1999",
    ]);
    let last: Vec<&str> = stdout
        .split('\n')
        .filter_map(|line| line.rsplit(',').next())
        .collect();
    assert_eq!(last, ["source", "article", ""]);
}

#[test]
fn every_command_writes_tsv_with_the_same_number_of_fields_on_every_line() {
    for command in LIST_COMMANDS {
        let stdout = stdout_of(&with_format(command, "tsv"));
        let widths: Vec<usize> = stdout
            .lines()
            .map(|line| line.split('\t').count())
            .collect();
        assert!(widths.len() > 1, "{command:?}");
        assert!(
            widths.iter().all(|width| *width == widths[0]),
            "{command:?}: {widths:?}"
        );
    }
}

#[test]
fn auto_format_in_a_pipe_is_tsv() {
    for command in LIST_COMMANDS {
        assert_eq!(
            stdout_of(command),
            stdout_of(&with_format(command, "tsv")),
            "{command:?}"
        );
    }
}

#[test]
fn every_command_writes_ndjson_one_object_per_line() {
    for command in LIST_COMMANDS {
        let stdout = stdout_of(&with_format(command, "ndjson"));
        for line in stdout.lines() {
            let value: serde_json::Value = serde_json::from_str(line).expect("each line is JSON");
            assert!(value.is_object(), "{command:?}: {line}");
        }
    }
    let estimates = stdout_of(&["estimates", "--format", "ndjson"]);
    assert_eq!(estimates.lines().count(), 4);
}

#[test]
fn every_command_writes_a_markdown_pipe_table() {
    for command in LIST_COMMANDS {
        let stdout = stdout_of(&with_format(command, "markdown"));
        let lines: Vec<&str> = stdout.lines().collect();
        assert!(lines.len() >= 3, "{command:?}");
        assert!(
            lines[1]
                .split(" | ")
                .all(|cell| cell.trim_matches(['|', ' ']) == "---"),
            "{command:?}"
        );
        let pipes = |line: &str| line.replace("\\|", "").matches('|').count();
        assert!(
            lines
                .iter()
                .all(|line| line.starts_with("| ") && line.ends_with(" |")),
            "{command:?}"
        );
        assert!(
            lines.iter().all(|line| pipes(line) == pipes(lines[0])),
            "{command:?}"
        );
    }
}

#[test]
fn every_command_writes_a_table_and_json() {
    // A text each command's view must show, in the order of LIST_COMMANDS.
    let shown = [
        "International students",
        "estimated 100–500",
        "about 10,000",
        "Choi Duk-gun",
        "Korean",
        "en.wikipedia.org",
        "Headline figures",
        "2.0.0",
        "Koryo-saram",
    ];
    assert_eq!(shown.len(), LIST_COMMANDS.len());
    for (command, text) in LIST_COMMANDS.iter().zip(shown) {
        let table = stdout_of(&with_format(command, "table"));
        assert!(
            table.contains(text),
            "{command:?} does not show {text}:\n{table}"
        );
        let stdout = stdout_of(&with_format(command, "json"));
        serde_json::from_str::<serde_json::Value>(&stdout).expect("valid JSON");
    }
}

#[test]
fn explicit_formats_give_the_same_bytes_as_the_environment_variable() {
    for format in ["table", "tsv", "csv", "json", "ndjson", "markdown"] {
        let flag = stdout_of(&["estimates", "--format", format]);
        let output = nkru()
            .args(["estimates"])
            .env("NKRU_FORMAT", format)
            .output()
            .expect("runs");
        assert_eq!(String::from_utf8_lossy(&output.stdout), flag, "{format}");
    }
}

#[test]
fn fields_pick_and_order_columns_in_every_format() {
    assert_eq!(
        stdout_of(&[
            "estimates",
            "--fields",
            "high,id",
            "--format",
            "tsv",
            "--max",
            "500"
        ]),
        "high\tid\n500\trefugees-1999\n"
    );
    assert_eq!(
        stdout_of(&[
            "estimates",
            "--fields",
            "id,low",
            "--format",
            "csv",
            "--max",
            "500"
        ]),
        "id,low\nrefugees-1999,100\n"
    );
    assert_eq!(
        stdout_of(&["groups", "--fields", "id", "--format", "ndjson"]),
        "{\"id\":\"students\"}\n{\"id\":\"workers\"}\n{\"id\":\"refugees\"}\n"
    );
    assert_eq!(
        stdout_of(&["groups", "--fields", "id,estimates", "--format", "markdown"]),
        "| id | estimates |\n| --- | --- |\n| students | 0 |\n| workers | 2 |\n| refugees | 1 |\n"
    );
    assert_eq!(
        stdout_of(&["sources", "--fields", "id", "--format", "json"]),
        "[\n  {\n    \"id\": \"article\"\n  }\n]\n"
    );
    assert_eq!(
        stdout_of(&[
            "group",
            "students",
            "--fields",
            "id,estimate_ids",
            "--format",
            "csv"
        ]),
        "id,estimate_ids\nstudents,\n"
    );
    let table = stdout_of(&[
        "timeline", "--fields", "id", "--format", "table", "--to", "1950",
    ]);
    assert!(
        table.contains("workers-recruited-sakhalin") && !table.contains("Soviet"),
        "{table}"
    );
}

#[test]
fn an_unknown_field_is_a_usage_error_listing_the_valid_ones() {
    let (code, stdout, stderr) = run(&["estimates", "--fields", "id,size"]);
    assert_eq!((code, stdout.as_str()), (2, ""));
    assert_eq!(
        stderr,
        "nkru: error: unknown field `size` for this command; valid fields: id, scope, group, low, high, qualifiers, figures, counts, from, to, precision, period, when, region, coverage, by, attributed_to, party_to_conflict, source, section, note, same_figure_as\n"
    );
    let (code, _, stderr) = run(&["groups", "--fields", "low"]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("valid fields: id, name, aliases, from, to, periods, estimates"),
        "{stderr}"
    );
    let (code, stdout, stderr) = run(&["group", "workers", "--fields", "id", "--format", "json"]);
    assert_eq!((code, stdout.as_str()), (2, ""));
    assert!(
        stderr.contains("--fields picks columns of tabular output"),
        "{stderr}"
    );
}

#[test]
fn no_header_leaves_out_the_header_line() {
    assert_eq!(
        stdout_of(&["groups", "--fields", "id", "--no-header", "--format", "tsv"]),
        "students\nworkers\nrefugees\n"
    );
    assert_eq!(
        stdout_of(&["groups", "--fields", "id", "--no-header", "--format", "csv"]),
        "students\nworkers\nrefugees\n"
    );
    let table = stdout_of(&[
        "groups",
        "--fields",
        "id",
        "--no-header",
        "--format",
        "table",
    ]);
    assert!(
        !table.contains(" id ") && table.contains("students"),
        "{table}"
    );
    let (code, stdout, stderr) = run(&["groups", "--no-header", "--format", "markdown"]);
    assert_eq!((code, stdout.as_str()), (2, ""));
    assert!(
        stderr.contains("a Markdown table needs its header"),
        "{stderr}"
    );
}

#[test]
fn a_filter_that_matches_nothing_succeeds_with_an_empty_list() {
    for (format, expected) in [
        ("json", "[]\n"),
        ("ndjson", ""),
        (
            "tsv",
            "id\tscope\tgroup\tlow\thigh\tqualifiers\tfigures\tcounts\tfrom\tto\tprecision\tperiod\twhen\tregion\tcoverage\tby\tattributed_to\tparty_to_conflict\tsource\tsection\tnote\tsame_figure_as\n",
        ),
        (
            "csv",
            "id,scope,group,low,high,qualifiers,figures,counts,from,to,precision,period,when,region,coverage,by,attributed_to,party_to_conflict,source,section,note,same_figure_as\n",
        ),
    ] {
        let (code, stdout, stderr) = run(&["estimates", "--year", "1800", "--format", format]);
        assert_eq!(
            (code, stdout.as_str(), stderr.as_str()),
            (0, expected, ""),
            "{format}"
        );
    }
    assert_eq!(stdout_of(&["search", "zzzz", "--format", "json"]), "[]\n");
    assert_eq!(
        stdout_of(&["timeline", "--from", "2030", "--format", "json"]),
        "[]\n"
    );
}

#[test]
fn unknown_group_names_fail_with_a_suggestion_and_empty_stdout() {
    for arguments in [
        vec!["group", "wrkers"],
        vec!["estimates", "--group", "wrkers"],
        vec!["summary", "--group", "wrkers"],
        vec!["timeline", "--group", "wrkers"],
    ] {
        let (code, stdout, stderr) = run(&arguments);
        assert_eq!((code, stdout.as_str()), (1, ""), "{arguments:?}");
        assert_eq!(
            stderr,
            "nkru: error: no group is called `wrkers`; did you mean `workers`? (groups: students, workers, refugees)\n"
        );
    }
    let (code, _, stderr) = run(&["group", "sailors"]);
    assert_eq!(code, 1);
    assert_eq!(
        stderr,
        "nkru: error: no group is called `sailors` (groups: students, workers, refugees)\n"
    );
}

#[test]
fn group_names_resolve_in_every_accepted_form() {
    for name in [
        "workers",
        "Worker",
        "GUEST WORKERS",
        "migrant worker",
        "w",
        "guest",
        "north korean workers",
    ] {
        let group: GroupObject = json(&["group", name]);
        assert_eq!(group.id, "workers", "{name}");
    }
    for (name, id) in [
        ("student", "students"),
        ("Defectors", "refugees"),
        ("International Students", "students"),
    ] {
        let group: GroupObject = json(&["group", name]);
        assert_eq!(group.id, id, "{name}");
    }
}

#[test]
fn an_ambiguous_prefix_names_the_candidates() {
    let directory = tempdir();
    let path = directory.join("ambiguous.json");
    let text = nkru::dataset::EMBEDDED.replacen(
        "\"name\": \"Guest workers\"",
        "\"name\": \"Stevedores\"",
        1,
    );
    assert_ne!(text, nkru::dataset::EMBEDDED);
    std::fs::write(&path, text).expect("write the dataset");
    let path = path.to_string_lossy().into_owned();
    let (code, stdout, stderr) = run(&["--data", &path, "group", "st"]);
    assert_eq!((code, stdout.as_str()), (1, ""));
    assert_eq!(
        stderr,
        "nkru: error: the group name `st` fits several groups: `students`, `workers`\n"
    );
}

fn tempdir() -> std::path::PathBuf {
    let directory = std::env::temp_dir().join(format!(
        "nkru-test-{}-{:?}",
        std::process::id(),
        std::thread::current().id()
    ));
    std::fs::create_dir_all(&directory).expect("a temporary directory");
    directory
}

#[test]
fn usage_errors_exit_2_with_one_line_and_empty_stdout() {
    for (arguments, message) in [
        (
            vec!["estimates", "--min", "10", "--max", "5"],
            "nkru: error: --min 10 is greater than --max 5, so nothing could match\n",
        ),
        (
            vec!["estimates", "--from", "2000", "--to", "1990"],
            "nkru: error: --from 2000 is greater than --to 1990, so nothing could match\n",
        ),
        (
            vec!["timeline", "--from", "2000", "--to", "1990"],
            "nkru: error: --from 2000 is greater than --to 1990, so nothing could match\n",
        ),
        (
            vec!["search", ""],
            "nkru: error: the search text cannot be empty\n",
        ),
        (
            vec!["group", ""],
            "nkru: error: a group name cannot be empty\n",
        ),
    ] {
        let (code, stdout, stderr) = run(&arguments);
        assert_eq!(
            (code, stdout.as_str(), stderr.as_str()),
            (2, "", message),
            "{arguments:?}"
        );
    }
    for arguments in [
        vec!["groups", "--format", "xml"],
        vec!["groups", "--color", "sometimes"],
        vec!["estimates", "--year", "soon"],
        vec!["estimates", "--min", "-5"],
        vec!["estimates", "--max", "99999999999999999999999"],
        vec!["frobnicate"],
        vec!["groups", "--frobnicate"],
        vec!["group"],
        vec![],
    ] {
        let (code, stdout, stderr) = run(&arguments);
        assert_eq!((code, stdout.as_str()), (2, ""), "{arguments:?}");
        assert_eq!(stderr.lines().count(), 1, "{arguments:?}: {stderr}");
        assert!(
            stderr.starts_with("nkru: error: "),
            "{arguments:?}: {stderr}"
        );
    }
}

#[test]
fn colour_only_in_human_views_on_request_or_on_a_terminal() {
    const ESCAPE: char = '\u{1b}';
    assert!(stdout_of(&["groups", "--format", "table", "--color", "always"]).contains(ESCAPE));
    assert!(stdout_of(&["summary", "--format", "table", "--color", "always"]).contains(ESCAPE));
    assert!(
        stdout_of(&["group", "workers", "--format", "table", "--color", "always"]).contains(ESCAPE)
    );
    assert!(
        !stdout_of(&["groups", "--format", "table"]).contains(ESCAPE),
        "auto is off in a pipe"
    );
    assert!(!stdout_of(&["groups", "--format", "table", "--color", "never"]).contains(ESCAPE));
    for format in ["tsv", "csv", "json", "ndjson", "markdown"] {
        let stdout = stdout_of(&["groups", "--format", format, "--color", "always"]);
        assert!(!stdout.contains(ESCAPE), "{format} is never coloured");
    }
    let output = nkru()
        .args(["groups", "--format", "table"])
        .env("NO_COLOR", "1")
        .output()
        .expect("runs");
    assert!(!String::from_utf8_lossy(&output.stdout).contains(ESCAPE));
}

#[test]
fn help_documents_exit_codes_and_environment() {
    let help = stdout_of(&["--help"]);
    for text in [
        "Exit codes:",
        "0  success",
        "1  a named group",
        "2  usage error",
        "3  the dataset",
        "NKRU_FORMAT",
        "NKRU_DATA",
        "NO_COLOR",
    ] {
        assert!(help.contains(text), "{text}");
    }
    for command in [
        "groups",
        "group",
        "estimates",
        "summary",
        "timeline",
        "search",
        "sources",
        "validate",
    ] {
        let help = stdout_of(&[command, "--help"]);
        assert!(help.contains("Examples:"), "{command}");
    }
}

#[test]
fn validate_accepts_the_embedded_dataset_and_the_fixture() {
    let embedded = nkru::dataset::embedded().expect("the embedded dataset loads");
    assert_eq!(
        crate::harness::stdout_of(&["validate"]),
        format!(
            "embedded dataset: valid: {} groups, {} estimates, {} events, {} sources, 1 related\n",
            embedded.groups.len(),
            embedded.estimates.len(),
            embedded.events.len(),
            embedded.sources.len()
        )
    );
    assert!(embedded.estimates.len() > 200 && embedded.groups.len() == 4);
    assert_eq!(
        stdout_of(&["validate"]),
        format!("{FIXTURE}: valid: 3 groups, 4 estimates, 6 events, 1 source, 1 related\n")
    );
}

#[test]
fn a_closed_pipe_ends_nkru_quietly() {
    for arguments in [
        &["estimates"][..],
        &["group", "workers", "--format", "table"],
        &["summary", "--format", "json"],
    ] {
        let (reader, writer) = std::io::pipe().expect("a pipe");
        drop(reader);
        let output = crate::harness::command()
            .args(arguments)
            .stdout(writer)
            .output()
            .expect("nkru runs");
        assert_eq!(output.status.code(), Some(0), "{arguments:?}");
        assert_eq!(String::from_utf8_lossy(&output.stderr), "", "{arguments:?}");
    }
}

#[test]
fn sources_by_id_show_each_in_full_with_the_records_that_cite_it() {
    let rows: Vec<SourceRow> = json(&["sources", "article", "article"]);
    assert_eq!(rows.len(), 1, "an id asked for twice is shown once");
    assert_eq!(rows[0].id, "article");
    assert!(rows[0].cited_by.contains(&String::from("workers-1940s")));
    let view = stdout_of(&["sources", "article", "--format", "table", "--width", "100"]);
    assert!(view.contains("Cited by:"), "{view}");
    assert!(
        view.lines()
            .any(|line| line.contains("about 8,000") && line.contains("[workers-1940s]")),
        "{view}"
    );
    let (code, stdout, stderr) = run(&["sources", "nowhere"]);
    assert_eq!((code, stdout.as_str()), (1, ""));
    assert!(
        stderr.contains("no source has the id `nowhere`"),
        "{stderr}"
    );
}

#[test]
fn coverage_filters_and_total_names_the_figures_of_all_north_koreans() {
    let rows = |filters: &[&str]| {
        let mut arguments = vec!["estimates"];
        arguments.extend_from_slice(filters);
        json::<Vec<EstimateRow>>(&arguments)
    };
    let regional = rows(&["--coverage", "region"]);
    assert!(!regional.is_empty());
    assert!(
        regional
            .iter()
            .all(|row| row.coverage.as_deref() == Some("region"))
    );
    let national = rows(&["--coverage", "russia"]);
    assert!(
        national
            .iter()
            .all(|row| row.coverage.as_deref() == Some("russia"))
    );
    assert_eq!(
        regional.len() + national.len(),
        estimates_with(&[]).len(),
        "the article's figures are each of one coverage"
    );
    let totals = rows(&["--group", "total"]);
    assert!(!totals.is_empty());
    assert!(totals.iter().all(|row| row.group.is_none()));
    let lines: Vec<SummaryRow> = json(&["summary", "--group", "total"]);
    assert!(!lines.is_empty());
    assert!(lines.iter().all(|line| line.id == "total"));
    let headline = lines
        .iter()
        .find(|line| line.counts.as_deref() == Some("present"))
        .expect("a present line");
    assert_eq!(headline.headline.as_deref(), Some("about 10,000"));
    assert_eq!(headline.headline_coverage.as_deref(), Some("russia"));
}
