//! Questions asked of a dataset: name resolution, the estimate filter, timeline, summaries,
//! search and citations. Knows nothing of the command line.

use std::collections::{HashMap, HashSet};

use crate::dataset::{Counts, Dataset, Date, Estimate, Event, Group, Period, Source};
use crate::error::{Error, Result};
use crate::text::{contains_lowered, quote};

/// Lower-cases a name and folds its white space, for comparing names as people type them.
fn normalize(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The singular of a normalized name, so `worker` and `workers` meet.
fn singular(name: &str) -> &str {
    name.strip_suffix('s').unwrap_or(name)
}

/// Every name a group answers to: its id, its name and its aliases.
fn names_of(group: &Group) -> impl Iterator<Item = &str> {
    [group.id.as_str(), group.name.as_str()]
        .into_iter()
        .chain(group.aliases.iter().map(String::as_str))
}

/// Finds the group a user means by `name`: its id, name or an alias, ignoring case, singular or
/// plural, or a prefix that fits one group only.
pub fn resolve_group<'a>(dataset: &'a Dataset, name: &str) -> Result<&'a Group> {
    let wanted = normalize(name);
    if wanted.is_empty() {
        return Err(Error::Usage(String::from("a group name cannot be empty")));
    }
    let exact: Vec<&Group> = dataset
        .groups
        .iter()
        .filter(|group| {
            names_of(group).any(|candidate| {
                let candidate = normalize(candidate);
                candidate == wanted || singular(&candidate) == singular(&wanted)
            })
        })
        .collect();
    if let [group] = exact.as_slice() {
        return Ok(group);
    }
    let matching = if exact.is_empty() {
        dataset
            .groups
            .iter()
            .filter(|group| {
                names_of(group).any(|candidate| normalize(candidate).starts_with(&wanted))
            })
            .collect()
    } else {
        exact
    };
    match matching.as_slice() {
        [group] => Ok(group),
        [] => Err(Error::NotFound(not_found_message(dataset, name, &wanted))),
        several => {
            let ids: Vec<String> = several
                .iter()
                .map(|group| format!("`{}`", group.id))
                .collect();
            Err(Error::NotFound(format!(
                "the group name `{}` fits several groups: {}",
                quote(name),
                ids.join(", ")
            )))
        }
    }
}

fn not_found_message(dataset: &Dataset, name: &str, wanted: &str) -> String {
    let ids: Vec<&str> = dataset
        .groups
        .iter()
        .map(|group| group.id.as_str())
        .collect();
    let mut message = format!("no group is called `{}`", quote(name));
    if let Some(suggestion) = suggest(dataset, wanted) {
        message.push_str(&format!("; did you mean `{suggestion}`?"));
    }
    message.push_str(&format!(" (groups: {})", listed_ids(&ids)));
    message
}

/// The most ids a message lists; the rest are counted.
const LISTED_IDS: usize = 10;

/// Ids as a message lists them: the first [`LISTED_IDS`], then how many more there are.
fn listed_ids(ids: &[&str]) -> String {
    let shown = ids.len().min(LISTED_IDS);
    let mut listed = ids[..shown].join(", ");
    if ids.len() > shown {
        listed.push_str(&format!(" and {} more", ids.len() - shown));
    }
    listed
}

/// The id of the group whose closest name is most like `wanted`, when one is close enough.
fn suggest<'a>(dataset: &'a Dataset, wanted: &str) -> Option<&'a str> {
    const THRESHOLD: f64 = 0.7;
    dataset
        .groups
        .iter()
        .flat_map(|group| {
            names_of(group).map(move |candidate| {
                let score = strsim::jaro_winkler(&normalize(candidate), wanted);
                (score, group.id.as_str())
            })
        })
        .filter(|(score, _)| *score >= THRESHOLD)
        .max_by(|left, right| left.0.total_cmp(&right.0))
        .map(|(_, id)| id)
}

/// Finds what a user means by `name` among the groups and then the related populations, whose
/// figures an estimate may also count: the id of a group, or of a related population called
/// exactly `name` (by id or name, ignoring case).
pub fn resolve_population(dataset: &Dataset, name: &str) -> Result<String> {
    match resolve_group(dataset, name) {
        Ok(group) => Ok(group.id.clone()),
        Err(error) => {
            let wanted = normalize(name);
            dataset
                .related
                .iter()
                .find(|related| {
                    normalize(&related.id) == wanted || normalize(&related.name) == wanted
                })
                .map(|related| related.id.clone())
                .ok_or(error)
        }
    }
}

/// Resolves each name to its group id, in order, without repeats.
pub fn resolve_groups(dataset: &Dataset, names: &[String]) -> Result<Vec<String>> {
    let mut ids: Vec<String> = Vec::new();
    for name in names {
        let id = &resolve_group(dataset, name)?.id;
        if !ids.contains(id) {
            ids.push(id.clone());
        }
    }
    Ok(ids)
}

/// A filter of population estimates; every condition must hold. Its group names are resolved
/// to ids and its texts lower-cased by whoever builds it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EstimateFilter {
    /// Group ids; empty means every estimate, the total ones included.
    pub groups: Vec<String>,
    /// A year the period must cover.
    pub year: Option<i32>,
    /// The period must reach this year or later.
    pub from: Option<i32>,
    /// The period must start this year or earlier.
    pub to: Option<i32>,
    /// Text the region must contain, lower-cased.
    pub region: Option<String>,
    /// Text the source id, publisher or title must contain, lower-cased.
    pub source: Option<String>,
    /// Text the figure's author must contain, lower-cased.
    pub attributed_to: Option<String>,
    /// What the figure must count; empty means any kind.
    pub counts: Vec<Counts>,
    /// The range must reach this figure or more.
    pub min: Option<u64>,
    /// The range must reach this figure or less.
    pub max: Option<u64>,
}

impl EstimateFilter {
    /// Whether an estimate passes every condition.
    pub fn matches(&self, dataset: &Dataset, estimate: &Estimate) -> bool {
        self.passes(estimate, &self.sources_named(dataset))
    }

    /// The ids of the sources whose publisher or title contains the `--source` text, looked up
    /// once for all estimates rather than once for each.
    fn sources_named<'a>(&self, dataset: &'a Dataset) -> HashSet<&'a str> {
        let Some(wanted) = &self.source else {
            return HashSet::new();
        };
        dataset
            .sources
            .iter()
            .filter(|source| {
                contains_lowered(&source.publisher, wanted)
                    || contains_lowered(&source.title, wanted)
            })
            .map(|source| source.id.as_str())
            .collect()
    }

    /// Whether an estimate passes every condition, given the sources whose name matches.
    fn passes(&self, estimate: &Estimate, sources_named: &HashSet<&str>) -> bool {
        let group_matches = self.groups.is_empty()
            || estimate
                .group
                .as_ref()
                .is_some_and(|group| self.groups.contains(group));
        let year_matches = self.year.is_none_or(|year| estimate.period.covers(year));
        let span_matches = estimate.period.within(self.from, self.to);
        let region_matches = self.region.as_ref().is_none_or(|wanted| {
            estimate
                .region
                .as_ref()
                .is_some_and(|region| contains_lowered(region, wanted))
        });
        let source_matches = self.source.as_ref().is_none_or(|wanted| {
            contains_lowered(&estimate.source, wanted)
                || sources_named.contains(estimate.source.as_str())
        });
        let author_matches = self
            .attributed_to
            .as_ref()
            .is_none_or(|wanted| contains_lowered(&estimate.attributed_to, wanted));
        let kind_matches = self.counts.is_empty() || self.counts.contains(&estimate.counts);
        group_matches
            && author_matches
            && kind_matches
            && year_matches
            && span_matches
            && region_matches
            && source_matches
            && estimate.overlaps_range(self.min, self.max)
    }

    /// The estimates that pass, in the dataset's order.
    pub fn apply<'a>(&self, dataset: &'a Dataset) -> Vec<&'a Estimate> {
        let sources_named = self.sources_named(dataset);
        dataset
            .estimates
            .iter()
            .filter(|estimate| self.passes(estimate, &sources_named))
            .collect()
    }
}

/// The source with this id.
pub fn source_by_id<'a>(dataset: &'a Dataset, id: &str) -> Option<&'a Source> {
    dataset.sources.iter().find(|source| source.id == id)
}

/// The estimates of one group, in the dataset's order.
pub fn estimates_of<'a>(dataset: &'a Dataset, group: &str) -> Vec<&'a Estimate> {
    dataset
        .estimates
        .iter()
        .filter(|estimate| estimate.group.as_deref() == Some(group))
        .collect()
}

/// The events that involve one group, oldest first.
pub fn events_of<'a>(dataset: &'a Dataset, group: &str) -> Vec<&'a Event> {
    timeline(dataset, &[group.to_owned()], None, None)
}

/// The events oldest first, limited to groups (none: all) and to those overlapping `from..=to`.
pub fn timeline<'a>(
    dataset: &'a Dataset,
    groups: &[String],
    from: Option<i32>,
    to: Option<i32>,
) -> Vec<&'a Event> {
    let mut events: Vec<&Event> = dataset
        .events
        .iter()
        .filter(|event| {
            groups.is_empty() || event.groups.iter().any(|group| groups.contains(group))
        })
        .filter(|event| event.period.within(from, to))
        .collect();
    events.sort_by_key(|event| (event.period.anchor(), event.period.end()));
    events
}

/// The sources a group's facts, estimates and events cite, in first-cited order.
pub fn sources_of<'a>(dataset: &'a Dataset, group: &Group) -> Vec<&'a Source> {
    let by_id: HashMap<&str, &Source> = dataset
        .sources
        .iter()
        .map(|source| (source.id.as_str(), source))
        .collect();
    let mut seen: HashSet<&str> = HashSet::new();
    let cited = group
        .facts
        .iter()
        .map(|fact| fact.source.as_str())
        .chain(
            estimates_of(dataset, &group.id)
                .into_iter()
                .map(|estimate| estimate.source.as_str()),
        )
        .chain(
            events_of(dataset, &group.id)
                .into_iter()
                .map(|event| event.source.as_str()),
        );
    cited
        .filter(|id| seen.insert(id))
        .filter_map(|id| by_id.get(id).copied())
        .collect()
}

/// Each group's and related population's estimates, in the dataset's order, found in one pass.
fn estimates_by_population(dataset: &Dataset) -> HashMap<&str, Vec<&Estimate>> {
    let mut by_population: HashMap<&str, Vec<&Estimate>> = HashMap::new();
    for estimate in &dataset.estimates {
        if let Some(group) = &estimate.group {
            by_population.entry(group).or_default().push(estimate);
        }
    }
    by_population
}

/// The dated estimate whose period reaches latest; an undated estimate is never ranked. Among
/// equals, the later one in the dataset wins.
pub fn latest<'a>(estimates: &[&'a Estimate]) -> Option<&'a Estimate> {
    estimates
        .iter()
        .copied()
        .filter_map(|estimate| estimate.period.latest().map(|date| (date.key(), estimate)))
        .max_by_key(|(key, _)| *key)
        .map(|(_, estimate)| estimate)
}

/// The latest date any figure of the dataset reaches: how far its figures run.
pub fn figures_end(dataset: &Dataset) -> Option<Date> {
    dataset
        .estimates
        .iter()
        .filter_map(|estimate| estimate.period.latest())
        .max_by_key(|date| date.key())
}

/// The earliest and latest known years of a set of periods. The end stays open when a period
/// runs on or has no date at all, since an undated period may reach later than the dated ones.
pub fn span(periods: &[&Period]) -> (Option<i32>, Option<i32>) {
    let from = periods
        .iter()
        .filter_map(|period| period.first_year())
        .min();
    let open = periods
        .iter()
        .any(|period| period.is_open_ended() || !period.is_dated());
    let to = if open {
        None
    } else {
        periods.iter().filter_map(|period| period.last_year()).max()
    };
    (from, to)
}

/// The earliest and latest known years a group is documented.
pub fn documented_span(group: &Group) -> (Option<i32>, Option<i32>) {
    let periods: Vec<&Period> = group.periods.iter().collect();
    span(&periods)
}

/// A group with the figures its row in `nkru groups` shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupOverview<'a> {
    /// The group.
    pub group: &'a Group,
    /// The earliest known year the group is documented.
    pub from: Option<i32>,
    /// The latest known year, or none when unknown or still open.
    pub to: Option<i32>,
    /// How many estimates the group has.
    pub estimates: usize,
    /// The most recent dated figure of people present.
    pub latest: Option<&'a Estimate>,
}

/// A group's overview.
pub fn overview<'a>(dataset: &'a Dataset, group: &'a Group) -> GroupOverview<'a> {
    overview_of(group, &estimates_of(dataset, &group.id))
}

/// Every group's overview, in the dataset's order, the estimates sorted out in one pass.
pub fn overviews(dataset: &Dataset) -> Vec<GroupOverview<'_>> {
    let by_population = estimates_by_population(dataset);
    dataset
        .groups
        .iter()
        .map(|group| {
            let estimates = by_population
                .get(group.id.as_str())
                .map_or(&[][..], Vec::as_slice);
            overview_of(group, estimates)
        })
        .collect()
}

/// A group's overview from its estimates.
fn overview_of<'a>(group: &'a Group, estimates: &[&'a Estimate]) -> GroupOverview<'a> {
    let present: Vec<&Estimate> = estimates
        .iter()
        .copied()
        .filter(|estimate| estimate.counts == Counts::Present)
        .collect();
    let (from, to) = documented_span(group);
    GroupOverview {
        group,
        from,
        to,
        estimates: estimates.len(),
        latest: latest(&present),
    }
}

/// A group with everything that concerns it: its estimates, events and cited sources.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupDetail<'a> {
    /// The group.
    pub group: &'a Group,
    /// The earliest known year the group is documented.
    pub from: Option<i32>,
    /// The latest known year, or none when unknown or still open.
    pub to: Option<i32>,
    /// Its estimates, in the dataset's order.
    pub estimates: Vec<&'a Estimate>,
    /// The events that involve it, oldest first.
    pub events: Vec<&'a Event>,
    /// The sources its facts, estimates and events cite, in first-cited order.
    pub sources: Vec<&'a Source>,
}

/// A group in full.
pub fn detail<'a>(dataset: &'a Dataset, group: &'a Group) -> GroupDetail<'a> {
    let (from, to) = documented_span(group);
    GroupDetail {
        group,
        from,
        to,
        estimates: estimates_of(dataset, &group.id),
        events: events_of(dataset, &group.id),
        sources: sources_of(dataset, group),
    }
}

/// One line of `nkru summary`: the figures of one kind for a group, for the whole population or
/// for a related population. Figures that count different things never share a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary<'a> {
    /// The group id, `total` for the whole population, or a related population's id.
    pub id: &'a str,
    /// The group's name, the dataset's title for the total, or the related population's name.
    pub name: &'a str,
    /// What the line's figures count; none for a group with no figures at all.
    pub counts: Option<Counts>,
    /// The earliest year a figure of the line applies to.
    pub from: Option<i32>,
    /// The latest year a figure of the line applies to; none when one runs on.
    pub to: Option<i32>,
    /// How many figures the line has.
    pub estimates: usize,
    /// How many of them have no date, and so are never the latest.
    pub undated: usize,
    /// The lowest figure of any of them.
    pub lowest: Option<u64>,
    /// The highest figure of any of them.
    pub highest: Option<u64>,
    /// The latest dated figure.
    pub latest: Option<&'a Estimate>,
}

/// The id of the summary line that covers the whole population.
pub const TOTAL_ID: &str = "total";

/// The summary lines: the whole population first, then each group (only `groups` when given),
/// then the related populations that have figures; one line for each kind of figure.
pub fn summarize<'a>(dataset: &'a Dataset, groups: &[String]) -> Vec<Summary<'a>> {
    let mut lines = Vec::new();
    let everything = groups.is_empty();
    if everything {
        let totals: Vec<&Estimate> = dataset
            .estimates
            .iter()
            .filter(|estimate| estimate.group.is_none())
            .collect();
        add_lines(&mut lines, TOTAL_ID, &dataset.title, &totals);
    }
    let by_population = estimates_by_population(dataset);
    let of = |id: &str| by_population.get(id).map_or(&[][..], Vec::as_slice);
    for group in &dataset.groups {
        if everything || groups.contains(&group.id) {
            add_lines(&mut lines, &group.id, &group.name, of(&group.id));
        }
    }
    if everything {
        for related in &dataset.related {
            let estimates = of(&related.id);
            if !estimates.is_empty() {
                add_lines(&mut lines, &related.id, &related.name, estimates);
            }
        }
    }
    lines
}

/// Adds one line for each kind of figure among `estimates`, in the documented order of the
/// kinds, or one empty line when there are none.
fn add_lines<'a>(
    lines: &mut Vec<Summary<'a>>,
    id: &'a str,
    name: &'a str,
    estimates: &[&'a Estimate],
) {
    if estimates.is_empty() {
        lines.push(summary_line(id, name, None, &[]));
        return;
    }
    for kind in Counts::ALL {
        let of_kind: Vec<&Estimate> = estimates
            .iter()
            .copied()
            .filter(|estimate| estimate.counts == kind)
            .collect();
        if !of_kind.is_empty() {
            lines.push(summary_line(id, name, Some(kind), &of_kind));
        }
    }
}

fn summary_line<'a>(
    id: &'a str,
    name: &'a str,
    counts: Option<Counts>,
    estimates: &[&'a Estimate],
) -> Summary<'a> {
    let periods: Vec<&Period> = estimates.iter().map(|estimate| &estimate.period).collect();
    let dated: Vec<&Period> = periods
        .iter()
        .copied()
        .filter(|period| period.is_dated())
        .collect();
    let (from, to) = span(&dated);
    Summary {
        id,
        name,
        counts,
        from,
        to,
        estimates: estimates.len(),
        undated: periods.iter().filter(|period| !period.is_dated()).count(),
        lowest: estimates.iter().map(|estimate| estimate.low).min(),
        highest: estimates.iter().map(|estimate| estimate.high).max(),
        latest: latest(estimates),
    }
}

/// One place where the search text was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit<'a> {
    /// The kind of record: `dataset`, `group`, `estimate`, `event`, `source` or `related`.
    pub kind: &'static str,
    /// The record's id (the dataset's title for the dataset itself).
    pub id: &'a str,
    /// The field the text was found in.
    pub field: String,
    /// The whole text of that field.
    pub text: &'a str,
}

/// Every text of the dataset that contains `wanted`, ignoring case, in dataset order.
pub fn search<'a>(dataset: &'a Dataset, wanted: &str) -> Result<Vec<Hit<'a>>> {
    if wanted.trim().is_empty() {
        return Err(Error::Usage(String::from(
            "the search text cannot be empty",
        )));
    }
    let mut finder = Finder {
        wanted: wanted.to_lowercase(),
        hits: Vec::new(),
    };
    let title = dataset.title.as_str();
    let mut texts = vec![
        ("title", None, title),
        ("overview", None, dataset.overview.as_str()),
    ];
    texts.extend(listed("categories", &dataset.categories));
    finder.look("dataset", title, &texts);
    for group in &dataset.groups {
        finder.look("group", &group.id, &group_texts(group));
    }
    for estimate in &dataset.estimates {
        finder.look("estimate", &estimate.id, &estimate_texts(estimate));
    }
    for event in &dataset.events {
        let texts = [
            ("id", None, event.id.as_str()),
            ("when", None, &event.period.text),
            ("description", None, &event.description),
            (
                "attributed_to",
                None,
                event.attributed_to.as_deref().unwrap_or_default(),
            ),
            (
                "section",
                None,
                event.section.as_deref().unwrap_or_default(),
            ),
        ];
        finder.look("event", &event.id, &texts);
    }
    for source in &dataset.sources {
        finder.look("source", &source.id, &source_texts(source));
    }
    for related in &dataset.related {
        let texts = [
            ("id", None, related.id.as_str()),
            ("name", None, &related.name),
            ("description", None, &related.description),
            ("origin", None, &related.origin),
            ("destination", None, &related.destination),
            ("period", None, &related.period.text),
        ];
        finder.look("related", &related.id, &texts);
    }
    Ok(finder.hits)
}

/// One searchable text: its field, its position when the field is a list, and the text.
type Text<'a> = (&'static str, Option<usize>, &'a str);

/// Collects the hits of one search.
struct Finder<'a> {
    /// The text looked for, lower-cased.
    wanted: String,
    /// The hits so far.
    hits: Vec<Hit<'a>>,
}

impl<'a> Finder<'a> {
    /// Looks for the text in one record's texts.
    fn look(&mut self, kind: &'static str, id: &'a str, texts: &[Text<'a>]) {
        for (field, index, text) in texts {
            if text.to_lowercase().contains(&self.wanted) {
                let field = match index {
                    Some(index) => format!("{field}[{index}]"),
                    None => (*field).to_owned(),
                };
                self.hits.push(Hit {
                    kind,
                    id,
                    field,
                    text,
                });
            }
        }
    }
}

/// The items of a list field, each with its position.
fn listed<'a>(field: &'static str, items: &'a [String]) -> impl Iterator<Item = Text<'a>> {
    items
        .iter()
        .enumerate()
        .map(move |(index, item)| (field, Some(index), item.as_str()))
}

/// A group's searchable texts.
fn group_texts(group: &Group) -> Vec<Text<'_>> {
    let mut texts = vec![("id", None, group.id.as_str()), ("name", None, &group.name)];
    texts.extend(listed("aliases", &group.aliases));
    texts.push(("description", None, &group.description));
    let periods = group.periods.iter().map(|period| period.text.as_str());
    texts.extend(
        periods
            .enumerate()
            .map(|(index, text)| ("periods", Some(index), text)),
    );
    let facts = group.facts.iter().map(|fact| fact.text.as_str());
    texts.extend(
        facts
            .enumerate()
            .map(|(index, text)| ("facts", Some(index), text)),
    );
    texts
}

/// An estimate's searchable texts.
fn estimate_texts(estimate: &Estimate) -> Vec<Text<'_>> {
    let texts = [
        ("id", None, estimate.id.as_str()),
        ("period", None, &estimate.period.text),
        (
            "region",
            None,
            estimate.region.as_deref().unwrap_or_default(),
        ),
        ("attributed_to", None, &estimate.attributed_to),
        (
            "section",
            None,
            estimate.section.as_deref().unwrap_or_default(),
        ),
        ("note", None, estimate.note.as_deref().unwrap_or_default()),
    ];
    texts
        .into_iter()
        .filter(|(_, _, text)| !text.is_empty())
        .collect()
}

/// A source's searchable texts.
fn source_texts(source: &Source) -> Vec<Text<'_>> {
    let texts = [
        ("id", None, source.id.as_str()),
        ("publisher", None, &source.publisher),
        ("title", None, &source.title),
        ("kind", None, source.kind.words()),
        ("url", None, source.url.as_deref().unwrap_or_default()),
        (
            "original_publisher",
            None,
            source.original_publisher.as_deref().unwrap_or_default(),
        ),
        ("note", None, source.note.as_deref().unwrap_or_default()),
    ];
    texts
        .into_iter()
        .filter(|(_, _, text)| !text.is_empty())
        .collect()
}

/// A source with the ids of the records that cite it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Citations<'a> {
    /// The source.
    pub source: &'a Source,
    /// Ids of the groups (by their facts), estimates, events and related populations citing it.
    pub cited_by: Vec<&'a str>,
}

/// Each source with the records that cite it, in the dataset's order: groups (by their facts),
/// then estimates, events and related populations, found in one pass over the records.
pub fn citations(dataset: &Dataset) -> Vec<Citations<'_>> {
    let mut cited_by: HashMap<&str, Vec<&str>> = HashMap::new();
    for group in &dataset.groups {
        let mut cited: HashSet<&str> = HashSet::new();
        for fact in &group.facts {
            if cited.insert(&fact.source) {
                cited_by.entry(&fact.source).or_default().push(&group.id);
            }
        }
    }
    let records = dataset
        .estimates
        .iter()
        .map(|estimate| (&estimate.source, &estimate.id))
        .chain(
            dataset
                .events
                .iter()
                .map(|event| (&event.source, &event.id)),
        )
        .chain(
            dataset
                .related
                .iter()
                .map(|related| (&related.source, &related.id)),
        );
    for (source, id) in records {
        cited_by.entry(source).or_default().push(id);
    }
    dataset
        .sources
        .iter()
        .map(|source| Citations {
            source,
            cited_by: cited_by.remove(source.id.as_str()).unwrap_or_default(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The article's records alone, small enough for every figure to be named.
    fn dataset() -> Dataset {
        let text = include_str!("../tests/it/fixtures/article.json");
        crate::dataset::parse(text, &crate::dataset::Origin::Stdin)
            .expect("the fixture parses")
            .dataset
    }

    fn resolved(name: &str) -> std::result::Result<String, (i32, String)> {
        resolve_group(&dataset(), name)
            .map(|group| group.id.clone())
            .map_err(|error| (error.exit_code(), error.to_string()))
    }

    #[test]
    fn names_resolve_by_id_name_alias_plural_and_prefix() {
        assert_eq!(resolved("workers"), Ok(String::from("workers")));
        assert_eq!(resolved("WORKER"), Ok(String::from("workers")));
        assert_eq!(resolved("Guest  Workers"), Ok(String::from("workers")));
        assert_eq!(resolved("migrant worker"), Ok(String::from("workers")));
        assert_eq!(resolved("defector"), Ok(String::from("refugees")));
        assert_eq!(
            resolved("International students"),
            Ok(String::from("students"))
        );
        // Industrial trainees came with the students; the article does not call them students.
        assert!(resolved("trainee").is_err());
        assert_eq!(resolved("ref"), Ok(String::from("refugees")));
        assert_eq!(resolved("w"), Ok(String::from("workers")));
    }

    #[test]
    fn unknown_names_suggest_the_closest_group() {
        let (code, message) = resolved("wrkers").expect_err("unknown");
        assert_eq!(code, 1);
        assert_eq!(
            message,
            "no group is called `wrkers`; did you mean `workers`? (groups: students, workers, refugees)"
        );
        let (_, message) = resolved("zzzz").expect_err("unknown");
        assert_eq!(
            message,
            "no group is called `zzzz` (groups: students, workers, refugees)"
        );
    }

    #[test]
    fn ambiguous_prefixes_name_every_candidate() {
        // Both aliases that begin `in` belong to the students, so the prefix is not ambiguous.
        assert_eq!(resolved("in"), Ok(String::from("students")));
        let mut dataset = dataset();
        dataset.groups[1].aliases.push(String::from("stevedores"));
        let error = resolve_group(&dataset, "st").expect_err("ambiguous prefix");
        assert_eq!(error.exit_code(), 1);
        assert_eq!(
            error.to_string(),
            "the group name `st` fits several groups: `students`, `workers`"
        );
    }

    #[test]
    fn empty_names_are_a_usage_error() {
        let (code, _) = resolved("  ").expect_err("empty");
        assert_eq!(code, 2);
    }

    fn filtered(filter: &EstimateFilter) -> Vec<String> {
        let dataset = dataset();
        filter
            .apply(&dataset)
            .iter()
            .map(|estimate| estimate.id.clone())
            .collect()
    }

    #[test]
    fn filters_select_by_group_year_span_region_source_and_range() {
        let all = filtered(&EstimateFilter::default());
        assert_eq!(all.len(), 4);
        let workers = filtered(&EstimateFilter {
            groups: resolve_groups(&dataset(), &[String::from("worker")]).expect("a group"),
            ..Default::default()
        });
        assert_eq!(workers, ["workers-1940s", "workers-any-year"]);
        let in_1999 = filtered(&EstimateFilter {
            year: Some(1999),
            ..Default::default()
        });
        assert_eq!(in_1999, ["refugees-1999"]);
        let nineties_on = filtered(&EstimateFilter {
            from: Some(1990),
            ..Default::default()
        });
        assert_eq!(nineties_on, ["total-2006", "refugees-1999"]);
        let sakhalin = filtered(&EstimateFilter {
            region: Some(String::from("sakhalin")),
            ..Default::default()
        });
        assert_eq!(sakhalin, ["workers-1940s"]);
        let kyung_hee = filtered(&EstimateFilter {
            attributed_to: Some(String::from("kyung hee")),
            ..Default::default()
        });
        assert_eq!(kyung_hee, ["total-2006"]);
        let wikipedia = filtered(&EstimateFilter {
            source: Some(String::from("wikipedia")),
            ..Default::default()
        });
        assert_eq!(wikipedia.len(), 4);
        let recruits = filtered(&EstimateFilter {
            counts: vec![Counts::Recruited],
            ..Default::default()
        });
        assert_eq!(recruits, ["workers-1940s"]);
        let thousands = filtered(&EstimateFilter {
            min: Some(9000),
            max: Some(16000),
            ..Default::default()
        });
        assert_eq!(thousands, ["total-2006", "workers-any-year"]);
    }

    #[test]
    fn summary_gives_the_total_then_each_group() {
        let dataset = dataset();
        let lines = summarize(&dataset, &[]);
        let ids: Vec<(&str, Option<Counts>)> =
            lines.iter().map(|line| (line.id, line.counts)).collect();
        assert_eq!(
            ids,
            [
                ("total", Some(Counts::Present)),
                ("students", None),
                ("workers", Some(Counts::Present)),
                ("workers", Some(Counts::Recruited)),
                ("refugees", Some(Counts::Present)),
            ]
        );
        assert_eq!(lines[0].latest.map(|estimate| estimate.low), Some(10_000));
        assert_eq!((lines[1].estimates, lines[1].lowest), (0, None));
        // The one figure of workers present has no date: counted, never the latest.
        assert_eq!((lines[2].estimates, lines[2].undated), (1, 1));
        assert_eq!(lines[2].latest, None);
        assert_eq!((lines[2].from, lines[2].to), (None, None));
        assert_eq!(
            lines[3].latest.map(|estimate| estimate.id.as_str()),
            Some("workers-1940s")
        );
        assert_eq!((lines[3].from, lines[3].to), (Some(1945), Some(1949)));
        let refugees = summarize(&dataset, &[String::from("refugees")]);
        assert_eq!(refugees.len(), 1);
        assert_eq!(
            (refugees[0].lowest, refugees[0].highest),
            (Some(100), Some(500))
        );
    }

    #[test]
    fn search_ignores_case_and_names_the_field() {
        let dataset = dataset();
        let hits = search(&dataset, "SAKHALIN").expect("search runs");
        let places: Vec<(&str, &str, &str)> = hits
            .iter()
            .map(|hit| (hit.kind, hit.id, hit.field.as_str()))
            .collect();
        assert_eq!(
            places,
            [
                ("group", "workers", "description"),
                ("group", "workers", "facts[0]"),
                ("estimate", "workers-1940s", "region"),
                ("event", "workers-recruited-sakhalin", "id"),
                ("event", "workers-recruited-sakhalin", "description"),
            ]
        );
        assert!(
            search(&dataset, "no such words anywhere")
                .expect("runs")
                .is_empty()
        );
        assert_eq!(search(&dataset, " ").expect_err("empty").exit_code(), 2);
    }

    #[test]
    fn timeline_is_oldest_first_and_filters_by_group_and_years() {
        let dataset = dataset();
        let ids = |events: Vec<&Event>| -> Vec<String> {
            events.iter().map(|event| event.id.clone()).collect()
        };
        let all = ids(timeline(&dataset, &[], None, None));
        assert_eq!(
            all.first().map(String::as_str),
            Some("workers-recruited-sakhalin")
        );
        assert_eq!(all.last().map(String::as_str), Some("kyung-hee-study-2006"));
        let refugees = ids(timeline(
            &dataset,
            &[String::from("refugees")],
            Some(1995),
            Some(1996),
        ));
        assert_eq!(refugees, ["citizens-killed-1995", "consul-killed-1996"]);
    }

    #[test]
    fn citations_list_every_citing_record() {
        let dataset = dataset();
        let cited = citations(&dataset);
        assert_eq!(cited[0].source.id, "article");
        assert_eq!(&cited[0].cited_by[..3], ["students", "workers", "refugees"]);
        assert!(cited[0].cited_by.contains(&"total-2006"));
        assert!(cited[0].cited_by.contains(&"kyung-hee-study-2006"));
        assert!(cited[0].cited_by.contains(&"koryo-saram"));
    }
}
