//! The invariants of a dataset that its shape cannot state: unique ids, references that resolve,
//! texts that are not blank, ranges and periods in order.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::fmt;
use std::hash::{BuildHasher, BuildHasherDefault, DefaultHasher};

use super::load::Origin;
use super::model::{Dataset, Date, Estimate, Event, Period, Precision, Text};
use super::parse::Parsed;
use crate::error::{Error, Result};
use crate::text::quote;

/// One broken invariant of a dataset, naming the record and field it is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The record, such as `estimates[3] (refugees-1999)`.
    pub record: String,
    /// What is wrong with it.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(formatter, "{}: {}", self.record, self.message)
    }
}

/// Passes a parsed dataset that keeps every invariant; one with problems is an error listing
/// every one of them.
pub fn checked<'a>(origin: &Origin, parsed: Parsed<'a>) -> Result<Parsed<'a>> {
    let (problems, unlisted) = validate_counted(&parsed.dataset);
    if !problems.is_empty() {
        return Err(invalid(origin, &problems, unlisted));
    }
    Ok(parsed)
}

/// The most problems listed one by one; the rest are counted.
pub const LISTED_PROBLEMS: usize = 100;

/// The error for a dataset with problems: each listed problem on its own line, then how many
/// more there are.
pub fn invalid(origin: &Origin, problems: &[Problem], unlisted: usize) -> Error {
    let mut lines: Vec<String> = problems
        .iter()
        .map(|problem| format!("{origin}: {problem}"))
        .collect();
    if unlisted > 0 {
        let noun = if unlisted == 1 { "problem" } else { "problems" };
        lines.push(format!("{origin}: and {unlisted} more {noun}"));
    }
    Error::Dataset(lines.join("\n"))
}

/// Checks every invariant of a dataset and returns the broken ones, the first
/// [`LISTED_PROBLEMS`] of them: ids first, then each list in the order of the file.
pub fn validate(dataset: &Dataset) -> Vec<Problem> {
    validate_counted(dataset).0
}

/// Checks every invariant of a dataset: the first [`LISTED_PROBLEMS`] broken ones, and how many
/// more there are.
///
/// Names of records and fields are only written out for a listed problem, so checking a large
/// dataset allocates little beyond the sets of ids, however many problems it has.
pub fn validate_counted(dataset: &Dataset) -> (Vec<Problem>, usize) {
    let mut checker = Checker::default();
    dataset_fields(&mut checker, dataset);
    let known = Known::new(&mut checker, dataset);
    ids_apart(&mut checker, dataset);
    groups(&mut checker, dataset, &known);
    estimates(&mut checker, dataset, &known);
    events(&mut checker, dataset, &known);
    sources(&mut checker, dataset);
    related(&mut checker, dataset, &known);
    names(&mut checker, dataset, &known);
    (checker.problems, checker.unlisted)
}

/// The ids records may refer to, after each list's ids were checked for blanks and repeats.
struct Known<'a> {
    groups: HashSet<&'a str>,
    /// The groups and the related populations: what an estimate may count.
    populations: HashSet<&'a str>,
    sources: HashSet<&'a str>,
}

impl<'a> Known<'a> {
    fn new(checker: &mut Checker, dataset: &'a Dataset<'a>) -> Self {
        let groups = ids(dataset.groups.iter().map(|group| &group.id));
        checker.unique_ids("groups", &groups);
        let sources = ids(dataset.sources.iter().map(|source| &source.id));
        checker.unique_ids("sources", &sources);
        let estimates: Vec<&str> = dataset
            .estimates
            .iter()
            .map(|estimate| estimate.id.as_ref())
            .collect();
        checker.unique_ids("estimates", &estimates);
        checker.unique_ids("events", &ids(dataset.events.iter().map(|event| &event.id)));
        let related = ids(dataset.related.iter().map(|related| &related.id));
        checker.unique_ids("related", &related);
        // An estimate's `group` names a group or a related population: the two may not share an id.
        let group_ids: HashSet<&str> = groups.iter().copied().collect();
        for (index, id) in related.iter().enumerate() {
            if group_ids.contains(id) {
                checker.problem(
                    &Record::new("related", Some(index), id),
                    format!(
                        "id `{}` is also a group's id; an estimate could not tell them apart",
                        quote(id)
                    ),
                );
            }
        }
        checker.unique_ids("names", &ids(dataset.names.iter().map(|name| &name.id)));
        Known {
            populations: groups.iter().chain(&related).copied().collect(),
            groups: groups.into_iter().collect(),
            sources: sources.into_iter().collect(),
        }
    }
}

/// Every id of a dataset with the list and position of its record, list by list: groups,
/// sources, estimates, events, related populations, names, then the facts' derived ids
/// (`<group>-fact-<n>`), whose record is their group.
fn every_id<'a>(
    dataset: &'a Dataset<'a>,
) -> impl Iterator<Item = (Cow<'a, str>, &'static str, usize)> {
    let list = |name: &'static str, ids: Vec<&'a str>| {
        ids.into_iter()
            .enumerate()
            .map(move |(index, id)| (Cow::Borrowed(id), name, index))
    };
    list("groups", ids(dataset.groups.iter().map(|group| &group.id)))
        .chain(list(
            "sources",
            ids(dataset.sources.iter().map(|source| &source.id)),
        ))
        .chain(list(
            "estimates",
            dataset
                .estimates
                .iter()
                .map(|estimate| estimate.id.as_ref())
                .collect(),
        ))
        .chain(list(
            "events",
            ids(dataset.events.iter().map(|event| &event.id)),
        ))
        .chain(list(
            "related",
            ids(dataset.related.iter().map(|related| &related.id)),
        ))
        .chain(list(
            "names",
            ids(dataset.names.iter().map(|name| &name.id)),
        ))
        .chain(
            dataset
                .groups
                .iter()
                .enumerate()
                .flat_map(|(index, group)| {
                    (0..group.facts.len()).map(move |fact| {
                        (
                            Cow::Owned(format!("{}-fact-{}", group.id, fact + 1)),
                            "facts",
                            index,
                        )
                    })
                }),
        )
}

/// Refuses an id that records of two lists share: the lists are one space of ids, so that an id
/// (`nkru cite ID`) names one record. Repeats within a list, and a related population with a
/// group's id, are told apart by their own checks; a name may have the id of the group or related
/// population it names.
fn ids_apart(checker: &mut Checker, dataset: &Dataset) {
    // Room for every id at once: a map that grows doubles its table, and for a moment holds both.
    let facts: usize = dataset.groups.iter().map(|group| group.facts.len()).sum();
    let ids = dataset.groups.len()
        + dataset.sources.len()
        + dataset.estimates.len()
        + dataset.events.len()
        + dataset.related.len()
        + dataset.names.len()
        + facts;
    let mut first: HashMap<Cow<'_, str>, (&'static str, usize)> = HashMap::with_capacity(ids);
    for (id, list, index) in every_id(dataset) {
        if crate::text::is_blank(&id) {
            continue;
        }
        let Some(&(other_list, other_index)) = first.get(&id) else {
            first.insert(id, (list, index));
            continue;
        };
        let pair = (other_list, list);
        let own_name = list == "names"
            && matches!(other_list, "groups" | "related")
            && dataset.names[index].group.as_deref() == Some(id.as_ref());
        if other_list == list || pair == ("groups", "related") || own_name {
            continue;
        }
        let (record, what) = if list == "facts" {
            let group = &dataset.groups[index].id;
            (
                Record::new("groups", Some(index), group),
                format!("the id `{}` of a fact", quote(&id)),
            )
        } else {
            let record_id = match list {
                "groups" => dataset.groups[index].id.as_ref(),
                "sources" => &dataset.sources[index].id,
                "estimates" => dataset.estimates[index].id.as_ref(),
                "events" => &dataset.events[index].id,
                "related" => &dataset.related[index].id,
                _ => &dataset.names[index].id,
            };
            (
                Record::new(list, Some(index), record_id),
                format!("id `{}`", quote(&id)),
            )
        };
        let other = if other_list == "facts" {
            format!("a fact of groups[{other_index}]")
        } else {
            format!("{other_list}[{other_index}]")
        };
        checker.problem(
            &record,
            format!("{what} is also the id of {other}; the lists share one space of ids"),
        );
    }
}

/// The ids of one list, in order.
fn ids<'a>(ids: impl Iterator<Item = &'a Text<'a>>) -> Vec<&'a str> {
    ids.map(AsRef::as_ref).collect()
}

/// The dataset's own texts.
fn dataset_fields(checker: &mut Checker, dataset: &Dataset) {
    let whole = Record::new("dataset", None, "");
    checker.text(&whole, format_args!("title"), &dataset.title);
    checker.text(&whole, format_args!("overview"), &dataset.overview);
    checker.text(&whole, format_args!("version"), &dataset.version);
    for (index, category) in dataset.categories.iter().enumerate() {
        checker.text(&whole, format_args!("categories[{index}]"), category);
    }
}

/// Each group's texts, periods and facts.
fn groups(checker: &mut Checker, dataset: &Dataset, known: &Known<'_>) {
    names_apart(checker, dataset);
    for (index, group) in dataset.groups.iter().enumerate() {
        let record = Record::new("groups", Some(index), &group.id);
        checker.text(&record, format_args!("name"), &group.name);
        checker.text(&record, format_args!("description"), &group.description);
        for (alias_index, alias) in group.aliases.iter().enumerate() {
            checker.text(&record, format_args!("aliases[{alias_index}]"), alias);
        }
        for (period_index, period) in group.periods.iter().enumerate() {
            checker.period(&record, format_args!("periods[{period_index}]"), period);
        }
        for (fact_index, fact) in group.facts.iter().enumerate() {
            checker.text(
                &record,
                format_args!("facts[{fact_index}].text"),
                &fact.text,
            );
            checker.optional_text(
                &record,
                format_args!("facts[{fact_index}].section"),
                fact.section.as_deref(),
            );
            checker.reference(
                &record,
                format_args!("facts[{fact_index}].source"),
                &fact.source,
                "source",
                &known.sources,
            );
        }
    }
}

/// Each estimate's range, group, period, texts and source.
fn estimates(checker: &mut Checker, dataset: &Dataset, known: &Known<'_>) {
    let mut by_id: HashMap<&str, &Estimate<'_>> = HashMap::new();
    for estimate in &dataset.estimates {
        by_id.entry(estimate.id.as_ref()).or_insert(estimate);
    }
    for (index, estimate) in dataset.estimates.iter().enumerate() {
        let record = Record::new("estimates", Some(index), &estimate.id);
        range(checker, &record, estimate);
        if let Some(group) = &estimate.group {
            group_reference(checker, &record, group, known);
        }
        own_fields(checker, &record, estimate);
        checker.source(&record, &estimate.source, known);
        same_figure(checker, &record, estimate, &by_id);
    }
}

/// An estimate's `same_figure_as`: other estimates of the dataset, each of which names it back.
fn same_figure(
    checker: &mut Checker,
    record: &Record<'_>,
    estimate: &Estimate<'_>,
    by_id: &HashMap<&str, &Estimate<'_>>,
) {
    for other in &estimate.same_figure_as {
        let message = match by_id.get(other.as_ref()) {
            None => format!(
                "same_figure_as names `{}`, which is not an estimate's id",
                quote(other)
            ),
            Some(_) if *other == estimate.id => {
                String::from("same_figure_as names the estimate itself")
            }
            Some(found) if !found.same_figure_as.contains(&estimate.id) => {
                format!(
                    "same_figure_as names `{}`, whose same_figure_as does not name `{}` back",
                    quote(other),
                    quote(&estimate.id)
                )
            }
            Some(_) => continue,
        };
        checker.problem(record, message);
    }
}

/// An estimate's range: low no higher than high.
fn range(checker: &mut Checker, record: &Record<'_>, estimate: &Estimate<'_>) {
    if estimate.low > estimate.high {
        checker.problem(
            record,
            format!("low ({}) is above high ({})", estimate.low, estimate.high),
        );
    }
}

/// An estimate's `group`: a group or a related population of the dataset.
fn group_reference(checker: &mut Checker, record: &Record<'_>, group: &str, known: &Known<'_>) {
    checker.reference(
        record,
        format_args!("group"),
        group,
        "group or related population",
        &known.populations,
    );
}

/// An estimate's period and texts, which need nothing else of the dataset.
fn own_fields(checker: &mut Checker, record: &Record<'_>, estimate: &Estimate<'_>) {
    checker.period(record, format_args!("period"), &estimate.period);
    checker.optional_text(record, format_args!("region"), estimate.region.as_deref());
    if crate::text::is_blank(&estimate.attributed_to) {
        checker.problem(
            record,
            String::from("attributed_to is empty: say who made the figure"),
        );
    }
    checker.optional_text(record, format_args!("section"), estimate.section.as_deref());
    checker.optional_text(record, format_args!("note"), estimate.note.as_deref());
}

/// Each event's period (which needs a year), texts, groups and source.
fn events(checker: &mut Checker, dataset: &Dataset, known: &Known<'_>) {
    for (index, event) in dataset.events.iter().enumerate() {
        let record = Record::new("events", Some(index), &event.id);
        event_own_fields(checker, &record, event);
        for (group_index, group) in event.groups.iter().enumerate() {
            let field = format_args!("groups[{group_index}]");
            checker.reference(&record, field, group, "group", &known.groups);
        }
        checker.source(&record, &event.source, known);
    }
}

/// An event's period and texts, which need nothing else of the dataset.
fn event_own_fields(checker: &mut Checker, record: &Record<'_>, event: &Event) {
    checker.period(record, format_args!("period"), &event.period);
    if !event.period.is_dated() {
        checker.problem(
            record,
            String::from("period has neither from nor to: an event needs a date"),
        );
    }
    checker.text(record, format_args!("description"), &event.description);
    checker.optional_text(
        record,
        format_args!("attributed_to"),
        event.attributed_to.as_deref(),
    );
    checker.optional_text(record, format_args!("section"), event.section.as_deref());
}

/// Each source's texts.
fn sources(checker: &mut Checker, dataset: &Dataset) {
    for (index, source) in dataset.sources.iter().enumerate() {
        let record = Record::new("sources", Some(index), &source.id);
        checker.text(&record, format_args!("publisher"), &source.publisher);
        checker.text(&record, format_args!("title"), &source.title);
        if let Some(url) = &source.url {
            let web = ["https://", "http://"].iter().any(|scheme| {
                url.get(..scheme.len())
                    .is_some_and(|start| start.eq_ignore_ascii_case(scheme))
            });
            if !web
                || url
                    .chars()
                    .any(|character| character.is_whitespace() || character.is_control())
            {
                checker.problem(
                    &record,
                    format!("url `{}` is not a web address: write it as http:// or https:// with no spaces", quote(url)),
                );
            }
            if source.retrieved.is_none() {
                checker.problem(
                    &record,
                    String::from("retrieved is null: say on which day the page at url was read"),
                );
            }
        }
        for (field, value) in [
            ("title_english", &source.title_english),
            ("original_publisher", &source.original_publisher),
            ("language", &source.language),
            ("note", &source.note),
        ] {
            checker.optional_text(&record, format_args!("{field}"), value.as_deref());
        }
    }
}

/// Each related population's texts, period and source.
fn related(checker: &mut Checker, dataset: &Dataset, known: &Known<'_>) {
    for (index, related) in dataset.related.iter().enumerate() {
        let record = Record::new("related", Some(index), &related.id);
        checker.text(&record, format_args!("name"), &related.name);
        checker.text(&record, format_args!("description"), &related.description);
        checker.text(&record, format_args!("origin"), &related.origin);
        checker.text(&record, format_args!("destination"), &related.destination);
        checker.optional_text(&record, format_args!("section"), related.section.as_deref());
        checker.period(&record, format_args!("period"), &related.period);
        checker.source(&record, &related.source, known);
    }
}

/// Each name's texts, the group it names and its sources; a name gives Korean or Russian or both.
fn names(checker: &mut Checker, dataset: &Dataset, known: &Known<'_>) {
    for (index, name) in dataset.names.iter().enumerate() {
        let record = Record::new("names", Some(index), &name.id);
        checker.text(&record, format_args!("en"), &name.en);
        checker.optional_text(&record, format_args!("ko"), name.ko.as_deref());
        checker.optional_text(&record, format_args!("ru"), name.ru.as_deref());
        checker.optional_text(&record, format_args!("note"), name.note.as_deref());
        if name.ko.is_none() && name.ru.is_none() {
            checker.problem(
                &record,
                String::from("ko and ru are both null: give the name in Korean or Russian"),
            );
        }
        for (alias_index, alias) in name.aliases.iter().enumerate() {
            checker.text(&record, format_args!("aliases[{alias_index}]"), alias);
        }
        if let Some(group) = &name.group {
            checker.reference(
                &record,
                format_args!("group"),
                group,
                "group or related population",
                &known.populations,
            );
        }
        for (source_index, source) in name.sources.iter().enumerate() {
            let field = format_args!("sources[{source_index}]");
            checker.reference(&record, field, source, "source", &known.sources);
        }
    }
}

/// The rule of its precision that a period breaks, if any, in the words of a problem.
fn broken_precision_rule(period: &Period) -> Option<&'static str> {
    let from = period.from.map(Date::precision);
    let to = period.to.map(Date::precision);
    match period.precision {
        Precision::Date | Precision::Month | Precision::Year if from != Some(period.precision) => {
            Some(match period.precision {
                Precision::Date => "needs `from` written as a full date, YYYY-MM-DD",
                Precision::Month => "needs `from` written as a month, YYYY-MM",
                _ => "needs `from` written as a year, YYYY",
            })
        }
        Precision::DecadePart if from != Some(Precision::Year) || to != Some(Precision::Year) => {
            Some("needs `from` and `to` written as the years that bound it, such as 1945 and 1949")
        }
        Precision::Open if from.is_some() == to.is_some() => {
            Some("needs exactly one of `from` and `to`: the end that is known")
        }
        Precision::Unknown if from.is_some() || to.is_some() => {
            Some("needs `from` and `to` both null")
        }
        _ => None,
    }
}

/// Refuses a name of one group (its id, display name, an alias, or a form the dataset's names
/// give it: Korean, Russian or another) that is a name of another group by the rule the lookup
/// of a group compares names by (`text::name_key`: case, accents, Unicode form, spacing and a
/// final `s` aside): no one could reach either by it.
fn names_apart(checker: &mut Checker, dataset: &Dataset) {
    let mut forms_of: HashMap<&str, Vec<(String, &str)>> = HashMap::new();
    for (index, name) in dataset.names.iter().enumerate() {
        if let Some(group) = &name.group {
            let forms = [("ko", name.ko.as_deref()), ("ru", name.ru.as_deref())]
                .into_iter()
                .filter_map(|(field, form)| form.map(|form| (field, form)))
                .map(|(field, form)| (format!("names[{index}].{field}"), form))
                .chain(name.aliases.iter().enumerate().map(|(alias, form)| {
                    (format!("names[{index}].aliases[{alias}]"), form.as_ref())
                }));
            forms_of.entry(group).or_default().extend(forms);
        }
    }
    let mut owners: HashMap<String, usize> = HashMap::new();
    for (index, group) in dataset.groups.iter().enumerate() {
        let names = [
            (String::from("id"), group.id.as_ref()),
            (String::from("name"), group.name.as_ref()),
        ]
        .into_iter()
        .chain(
            group
                .aliases
                .iter()
                .map(|alias| (String::from("alias"), alias.as_ref())),
        )
        .chain(forms_of.remove(group.id.as_ref()).unwrap_or_default());
        for (field, name) in names {
            let key = crate::text::name_key(name);
            if key.is_empty() {
                continue;
            }
            match owners.get(&key) {
                Some(&owner) if owner != index => {
                    let other = &dataset.groups[owner].id;
                    checker.problem(
                        &Record::new("groups", Some(index), &group.id),
                        format!(
                            "{field} `{}` is also a name of the group `{}` (names are compared without case, accents, spacing or a final s)",
                            quote(name),
                            quote(other)
                        ),
                    );
                }
                Some(_) => {}
                None => {
                    owners.insert(key, index);
                }
            }
        }
    }
}

/// A record named as problems name it: `estimates[3] (refugees-1999)`, or `dataset`.
struct Record<'a> {
    /// The list the record is in, or `dataset` for the dataset's own fields.
    list: &'static str,
    /// The record's position in its list.
    index: Option<usize>,
    /// The record's id, left out when blank.
    id: &'a str,
}

impl<'a> Record<'a> {
    fn new(list: &'static str, index: Option<usize>, id: &'a str) -> Self {
        Record { list, index, id }
    }
}

impl fmt::Display for Record<'_> {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str(self.list)?;
        if let Some(index) = self.index {
            write!(formatter, "[{index}]")?;
        }
        if !self.id.trim().is_empty() {
            write!(formatter, " ({})", quote(self.id))?;
        }
        Ok(())
    }
}

/// Collects problems while the invariants are checked.
#[derive(Default)]
struct Checker {
    problems: Vec<Problem>,
    /// Problems found beyond the listed ones.
    unlisted: usize,
}

impl Checker {
    fn problem(&mut self, record: &Record<'_>, message: String) {
        if self.problems.len() >= LISTED_PROBLEMS {
            self.unlisted += 1;
            return;
        }
        self.problems.push(Problem {
            record: record.to_string(),
            message,
        });
    }

    fn text(&mut self, record: &Record<'_>, field: fmt::Arguments<'_>, value: &str) {
        if crate::text::is_blank(value) {
            self.problem(record, format!("{field} is empty"));
        }
    }

    fn optional_text(
        &mut self,
        record: &Record<'_>,
        field: fmt::Arguments<'_>,
        value: Option<&str>,
    ) {
        if let Some(value) = value {
            self.text(record, field, value);
        }
    }

    /// Checks that a period's dates agree with its precision and come in order.
    fn period(&mut self, record: &Record<'_>, field: fmt::Arguments<'_>, period: &Period) {
        if let (Some(from), Some(to)) = (period.from, period.to)
            && to.before(from)
        {
            self.problem(record, format!("{field}: from ({from}) is after to ({to})"));
        }
        if let Some(rule) = broken_precision_rule(period) {
            let precision = period.precision.name();
            self.problem(record, format!("{field}: precision `{precision}` {rule}"));
        }
        self.text(record, format_args!("{field}.text"), &period.text);
    }

    /// Checks that a record's `source` names a source of the dataset.
    fn source(&mut self, record: &Record<'_>, id: &str, known: &Known<'_>) {
        self.reference(record, format_args!("source"), id, "source", &known.sources);
    }

    fn reference(
        &mut self,
        record: &Record<'_>,
        field: fmt::Arguments<'_>,
        id: &str,
        kind: &str,
        known: &HashSet<&str>,
    ) {
        if crate::text::is_blank(id) {
            // A source is required; a group is optional only by being null or left out of a list.
            let hint = if kind == "source" {
                "every record needs a source"
            } else {
                "name a group or leave it out"
            };
            self.problem(record, format!("{field} is empty: {hint}"));
        } else if !known.contains(id) {
            self.problem(
                record,
                format!("{field}: no {kind} has the id `{}`", quote(id)),
            );
        }
    }

    /// Checks that the ids of one list are present and unique, naming each record whose id is
    /// blank or used by an earlier record, in the order of the list.
    fn unique_ids(&mut self, list: &'static str, ids: &[&str]) {
        // Sorting the ids' hashes finds repeats with far fewer cache misses than a set of a
        // million strings would; only ids with equal hashes are compared.
        let hashing = BuildHasherDefault::<DefaultHasher>::default();
        let mut hashes: Vec<(u64, usize)> = ids
            .iter()
            .enumerate()
            .filter(|(_, id)| !crate::text::is_blank(id))
            .map(|(index, id)| (hashing.hash_one(id), index))
            .collect();
        hashes.sort_unstable();
        let mut repeated: Vec<usize> = Vec::new();
        for run in hashes.chunk_by(|left, right| left.0 == right.0) {
            for (position, &(_, index)) in run.iter().enumerate() {
                if run[..position]
                    .iter()
                    .any(|&(_, earlier)| ids[earlier] == ids[index])
                {
                    repeated.push(index);
                }
            }
        }
        repeated.sort_unstable();
        let mut repeated = repeated.into_iter().peekable();
        for (index, id) in ids.iter().enumerate() {
            let record = Record::new(list, Some(index), id);
            if crate::text::is_blank(id) {
                self.problem(&record, String::from("id is empty"));
            } else if repeated.next_if_eq(&index).is_some() {
                self.problem(
                    &record,
                    format!("id `{}` is used by an earlier record of {list}", quote(id)),
                );
            }
        }
    }
}

mod streamed;
#[cfg(test)]
mod tests;

pub(crate) use streamed::StreamChecks;
