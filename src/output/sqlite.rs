//! The dataset as a SQLite database: one table per list, keys that tie them together, figures as
//! integers, NULL where a value is unknown, indexes on the columns people filter by, and a `meta`
//! table with the dataset's version and dates.

use rusqlite::types::{ToSql, ToSqlOutput};
use rusqlite::{Connection, Transaction, params};

use crate::dataset::{Coverage, Dataset, Period, Text};
use crate::error::Result;
use crate::query;

/// A record's text goes into the database as its `str`.
impl ToSql for Text<'_> {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        self.as_str().to_sql()
    }
}

/// The tables, their keys and their indexes. `estimates.group_id` names a group, and
/// `estimates.related_id` a related population; both are NULL for all North Koreans in Russia.
/// An event with no row in `event_groups` concerns every group.
pub(super) const SCHEMA: &str = "
CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT
);
CREATE TABLE sources (
    id TEXT PRIMARY KEY,
    publisher TEXT NOT NULL,
    title TEXT NOT NULL,
    title_english TEXT,
    date TEXT,
    url TEXT,
    retrieved TEXT,
    kind TEXT NOT NULL,
    original_publisher TEXT,
    language TEXT,
    note TEXT
);
CREATE TABLE groups (
    id TEXT PRIMARY KEY,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    description TEXT NOT NULL
);
CREATE TABLE aliases (
    group_id TEXT NOT NULL REFERENCES groups (id),
    alias TEXT NOT NULL,
    PRIMARY KEY (group_id, alias)
);
CREATE TABLE periods (
    group_id TEXT NOT NULL REFERENCES groups (id),
    position INTEGER NOT NULL,
    precision TEXT NOT NULL,
    from_date TEXT,
    to_date TEXT,
    from_year INTEGER,
    to_year INTEGER,
    text TEXT NOT NULL,
    PRIMARY KEY (group_id, position)
);
CREATE TABLE facts (
    group_id TEXT NOT NULL REFERENCES groups (id),
    position INTEGER NOT NULL,
    text TEXT NOT NULL,
    source TEXT NOT NULL REFERENCES sources (id),
    section TEXT,
    PRIMARY KEY (group_id, position)
);
CREATE TABLE related (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    description TEXT NOT NULL,
    origin TEXT NOT NULL,
    destination TEXT NOT NULL,
    precision TEXT NOT NULL,
    from_date TEXT,
    to_date TEXT,
    from_year INTEGER,
    to_year INTEGER,
    period TEXT NOT NULL,
    source TEXT NOT NULL REFERENCES sources (id),
    section TEXT
);
CREATE TABLE estimates (
    id TEXT PRIMARY KEY,
    position INTEGER NOT NULL,
    scope TEXT NOT NULL CHECK (scope IN ('total', 'group')),
    group_id TEXT REFERENCES groups (id),
    related_id TEXT REFERENCES related (id),
    low INTEGER,
    high INTEGER,
    low_decimal TEXT NOT NULL,
    high_decimal TEXT NOT NULL,
    qualifiers TEXT NOT NULL,
    figures TEXT NOT NULL,
    counts TEXT NOT NULL,
    precision TEXT NOT NULL,
    from_date TEXT,
    to_date TEXT,
    from_year INTEGER,
    to_year INTEGER,
    period TEXT NOT NULL,
    region TEXT,
    coverage TEXT CHECK (coverage IN ('russia', 'region', 'city', 'site')),
    attributed_to TEXT NOT NULL,
    party_to_conflict INTEGER NOT NULL CHECK (party_to_conflict IN (0, 1)),
    source TEXT NOT NULL REFERENCES sources (id),
    section TEXT,
    note TEXT,
    same_figure_as TEXT NOT NULL
);
CREATE TABLE events (
    id TEXT PRIMARY KEY,
    position INTEGER NOT NULL,
    precision TEXT NOT NULL,
    from_date TEXT,
    to_date TEXT,
    from_year INTEGER,
    to_year INTEGER,
    period TEXT NOT NULL,
    description TEXT NOT NULL,
    attributed_to TEXT,
    source TEXT NOT NULL REFERENCES sources (id),
    section TEXT
);
CREATE TABLE event_groups (
    event_id TEXT NOT NULL REFERENCES events (id),
    group_id TEXT NOT NULL REFERENCES groups (id),
    PRIMARY KEY (event_id, group_id)
);
CREATE TABLE names (
    id TEXT PRIMARY KEY,
    position INTEGER NOT NULL,
    en TEXT NOT NULL,
    group_id TEXT REFERENCES groups (id),
    related_id TEXT REFERENCES related (id),
    ko TEXT,
    ru TEXT,
    aliases TEXT NOT NULL,
    note TEXT
);
CREATE TABLE name_sources (
    name_id TEXT NOT NULL REFERENCES names (id),
    source TEXT NOT NULL REFERENCES sources (id),
    PRIMARY KEY (name_id, source)
);
CREATE INDEX names_by_english ON names (en);
CREATE INDEX estimates_by_group ON estimates (group_id, counts);
CREATE INDEX estimates_by_related ON estimates (related_id);
CREATE INDEX estimates_by_counts ON estimates (counts);
CREATE INDEX estimates_by_year ON estimates (from_year, to_year);
CREATE INDEX estimates_by_source ON estimates (source);
CREATE INDEX estimates_by_author ON estimates (attributed_to);
CREATE INDEX events_by_year ON events (from_year, to_year);
CREATE INDEX events_by_source ON events (source);
CREATE INDEX event_groups_by_group ON event_groups (group_id);
CREATE INDEX facts_by_source ON facts (source);
CREATE INDEX aliases_by_alias ON aliases (alias);
";

/// Fills an empty database with the dataset, in one transaction, with foreign keys enforced.
pub fn write(connection: &mut Connection, dataset: &Dataset) -> Result<()> {
    connection.pragma_update(None, "foreign_keys", true)?;
    let transaction = connection.transaction()?;
    transaction.execute_batch(SCHEMA)?;
    meta(&transaction, dataset)?;
    sources(&transaction, dataset)?;
    groups(&transaction, dataset)?;
    related(&transaction, dataset)?;
    estimates(&transaction, dataset)?;
    events(&transaction, dataset)?;
    names(&transaction, dataset)?;
    transaction.commit()?;
    Ok(())
}

/// The Korean and Russian names, each with the group or related population it names (if any),
/// its other forms as a JSON array, and the sources that give it.
fn names(transaction: &Transaction<'_>, dataset: &Dataset) -> Result<()> {
    let mut statement = transaction.prepare(
        "INSERT INTO names (id, position, en, group_id, related_id, ko, ru, aliases, note) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?;
    let mut cited =
        transaction.prepare("INSERT INTO name_sources (name_id, source) VALUES (?1, ?2)")?;
    for (index, name) in dataset.names.iter().enumerate() {
        let population = name.group.as_deref();
        let is_group = population.is_some_and(|id| dataset.group(id).is_some());
        let aliases = serde_json::to_string(&name.aliases)?;
        statement.execute(params![
            name.id,
            position(index),
            name.en,
            population.filter(|_| is_group),
            population.filter(|_| !is_group),
            name.ko,
            name.ru,
            aliases,
            name.note,
        ])?;
        let mut seen = std::collections::HashSet::new();
        for source in name.sources.iter().filter(|source| seen.insert(&***source)) {
            cited.execute(params![name.id, source])?;
        }
    }
    Ok(())
}

/// A period's columns: its precision, its first and last dates as `nkru estimates` gives them
/// (`to` is `from` for a single day, month or year, and NULL while it runs on), and their years.
fn period_columns(
    period: &Period,
) -> (
    &'static str,
    Option<String>,
    Option<String>,
    Option<i32>,
    Option<i32>,
) {
    (
        period.precision.name(),
        period.from.map(|date| date.to_string()),
        period.end().map(|date| date.to_string()),
        period.first_year(),
        period.last_year(),
    )
}

/// A figure as SQLite's integer, which is signed: none above 2^63 - 1, a figure the format allows
/// but SQLite cannot hold as an integer; its `_decimal` column holds it exactly.
fn integer(number: u64) -> Option<i64> {
    i64::try_from(number).ok()
}

/// A position in a list as SQLite's integer.
fn position(index: usize) -> i64 {
    i64::try_from(index).unwrap_or(i64::MAX)
}

fn meta(transaction: &Transaction<'_>, dataset: &Dataset) -> Result<()> {
    let figures_to = query::figures_end(dataset).map(|date| date.to_string());
    let rows: [(&str, Option<String>); 6] = [
        ("title", Some(dataset.title.to_string())),
        ("version", Some(dataset.version.to_string())),
        ("as_of", Some(dataset.as_of.to_string())),
        ("figures_to", figures_to),
        ("format", Some(String::from("2"))),
        (
            "written_by",
            Some(format!("nkru {}", env!("CARGO_PKG_VERSION"))),
        ),
    ];
    let mut statement = transaction.prepare("INSERT INTO meta (key, value) VALUES (?1, ?2)")?;
    for (key, value) in rows {
        statement.execute(params![key, value])?;
    }
    Ok(())
}

fn sources(transaction: &Transaction<'_>, dataset: &Dataset) -> Result<()> {
    let mut statement = transaction.prepare(
        "INSERT INTO sources (id, publisher, title, title_english, date, url, retrieved, kind, \
         original_publisher, language, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?;
    for source in &dataset.sources {
        statement.execute(params![
            source.id,
            source.publisher,
            source.title,
            source.title_english,
            source.date.map(|date| date.to_string()),
            source.url,
            source.retrieved.map(|date| date.to_string()),
            source.kind.name(),
            source.original_publisher,
            source.language,
            source.note,
        ])?;
    }
    Ok(())
}

fn groups(transaction: &Transaction<'_>, dataset: &Dataset) -> Result<()> {
    let mut group_statement = transaction
        .prepare("INSERT INTO groups (id, position, name, description) VALUES (?1, ?2, ?3, ?4)")?;
    let mut alias_statement =
        transaction.prepare("INSERT OR IGNORE INTO aliases (group_id, alias) VALUES (?1, ?2)")?;
    let mut period_statement = transaction.prepare(
        "INSERT INTO periods (group_id, position, precision, from_date, to_date, from_year, \
         to_year, text) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    let mut fact_statement = transaction.prepare(
        "INSERT INTO facts (group_id, position, text, source, section) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for (index, group) in dataset.groups.iter().enumerate() {
        group_statement.execute(params![
            group.id,
            position(index),
            group.name,
            group.description
        ])?;
        for alias in &group.aliases {
            alias_statement.execute(params![group.id, alias])?;
        }
        for (index, period) in group.periods.iter().enumerate() {
            let (precision, from, to, first, last) = period_columns(period);
            period_statement.execute(params![
                group.id,
                position(index),
                precision,
                from,
                to,
                first,
                last,
                period.text
            ])?;
        }
        for (index, fact) in group.facts.iter().enumerate() {
            fact_statement.execute(params![
                group.id,
                position(index),
                fact.text,
                fact.source,
                fact.section
            ])?;
        }
    }
    Ok(())
}

fn related(transaction: &Transaction<'_>, dataset: &Dataset) -> Result<()> {
    let mut statement = transaction.prepare(
        "INSERT INTO related (id, name, description, origin, destination, precision, from_date, \
         to_date, from_year, to_year, period, source, section) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
    )?;
    for related in &dataset.related {
        let (precision, from, to, first, last) = period_columns(&related.period);
        statement.execute(params![
            related.id,
            related.name,
            related.description,
            related.origin,
            related.destination,
            precision,
            from,
            to,
            first,
            last,
            related.period.text,
            related.source,
            related.section,
        ])?;
    }
    Ok(())
}

fn estimates(transaction: &Transaction<'_>, dataset: &Dataset) -> Result<()> {
    let mut statement = transaction.prepare(
        "INSERT INTO estimates (id, position, scope, group_id, related_id, low, high, low_decimal, \
         high_decimal, qualifiers, figures, counts, precision, from_date, to_date, from_year, \
         to_year, period, region, coverage, attributed_to, party_to_conflict, source, section, \
         note, same_figure_as) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, \
         ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26)",
    )?;
    for (index, estimate) in dataset.estimates.iter().enumerate() {
        let group = estimate.group.as_deref();
        let is_group = |id: &str| dataset.group(id).is_some();
        let group_id = group.filter(|id| is_group(id));
        let related_id = group.filter(|id| !is_group(id));
        let qualifiers: Vec<&str> = estimate
            .qualifiers
            .iter()
            .map(|qualifier| qualifier.name())
            .collect();
        let (precision, from, to, first, last) = period_columns(&estimate.period);
        statement.execute(params![
            estimate.id,
            position(index),
            if group.is_some() { "group" } else { "total" },
            group_id,
            related_id,
            integer(estimate.low),
            integer(estimate.high),
            estimate.low.to_string(),
            estimate.high.to_string(),
            serde_json::to_string(&qualifiers)?,
            estimate.figures(),
            estimate.counts.name(),
            precision,
            from,
            to,
            first,
            last,
            estimate.period.text,
            estimate.region,
            estimate.coverage.map(Coverage::name),
            estimate.attributed_to,
            estimate.party_to_conflict,
            estimate.source,
            estimate.section,
            estimate.note,
            serde_json::to_string(&estimate.same_figure_as)?,
        ])?;
    }
    Ok(())
}

fn events(transaction: &Transaction<'_>, dataset: &Dataset) -> Result<()> {
    let mut statement = transaction.prepare(
        "INSERT INTO events (id, position, precision, from_date, to_date, from_year, to_year, \
         period, description, attributed_to, source, section) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
    )?;
    let mut membership = transaction
        .prepare("INSERT OR IGNORE INTO event_groups (event_id, group_id) VALUES (?1, ?2)")?;
    for (index, event) in dataset.events.iter().enumerate() {
        let (precision, from, to, first, last) = period_columns(&event.period);
        statement.execute(params![
            event.id,
            position(index),
            precision,
            from,
            to,
            first,
            last,
            event.period.text,
            event.description,
            event.attributed_to,
            event.source,
            event.section,
        ])?;
        for group in &event.groups {
            membership.execute(params![event.id, group])?;
        }
    }
    Ok(())
}
