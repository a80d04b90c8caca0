//! Questions asked of a dataset: name resolution, the estimate filter, timeline, summaries,
//! search and citations. Knows nothing of the command line.

pub mod headline;

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use aho_corasick::AhoCorasick;

use crate::dataset::{
    Counts, Coverage, Dataset, Date, Estimate, Event, Fact, Group, Name, Period, Source,
};
use crate::error::{Error, Result};
use crate::text::{contains_folded, fold, name_key, normalize_name, quote};

/// Folds a name ([`fold`]) and its white space, for comparing names as people type them.
fn normalize(name: &str) -> String {
    normalize_name(name)
}

/// Every name a group answers to: its id, its name, its aliases, and its Korean and Russian
/// names from the dataset's names.
fn names_of<'a>(dataset: &'a Dataset<'a>, group: &'a Group) -> impl Iterator<Item = &'a str> {
    [group.id.as_str(), group.name.as_str()]
        .into_iter()
        .chain(group.aliases.iter().map(String::as_str))
        .chain(translations(dataset, &group.id))
}

/// The Korean and Russian names and the other forms the dataset's names give a group or a
/// related population.
fn translations<'a>(dataset: &'a Dataset<'a>, id: &'a str) -> impl Iterator<Item = &'a str> {
    dataset.names_of(id).flat_map(forms)
}

/// The forms a name of the dataset's names answers to: Korean, Russian and its aliases.
fn forms(name: &Name) -> impl Iterator<Item = &str> {
    [name.ko.as_deref(), name.ru.as_deref()]
        .into_iter()
        .flatten()
        .chain(name.aliases.iter().map(String::as_str))
}

/// The texts a folded text stands for: itself, and every name of each of the dataset's names
/// whose English, Korean or Russian name or other form is equal to it or begins with it, each
/// folded. So `사할린` stands for itself, `sakhalin`, `сахалин` and the other forms listed.
pub fn equivalents(dataset: &Dataset, folded: &str) -> Vec<String> {
    let mut texts = vec![folded.to_owned()];
    let mut seen: HashSet<String> = HashSet::from([folded.to_owned()]);
    for name in &dataset.names {
        let every: Vec<String> = std::iter::once(name.en.as_str())
            .chain(forms(name))
            .map(normalize)
            .collect();
        if every.iter().any(|form| form.starts_with(folded)) {
            for form in every {
                if seen.insert(form.clone()) {
                    texts.push(form);
                }
            }
        }
    }
    texts
}

/// Finds the group a user means by `name`: its id, name or an alias, ignoring case, singular or
/// plural, or a prefix that fits one group only.
pub fn resolve_group<'a>(dataset: &'a Dataset<'a>, name: &str) -> Result<&'a Group> {
    let wanted = normalize(name);
    if wanted.is_empty() {
        return Err(Error::Usage(String::from("a group name cannot be empty")));
    }
    // An id typed exactly wins over every other name, so an alias cannot hide a group's id.
    if let Some(group) = dataset
        .groups
        .iter()
        .find(|group| normalize(&group.id) == wanted)
    {
        return Ok(group);
    }
    // The rule by which `validate` keeps the names of groups apart: `name_key`.
    let key = name_key(name);
    let exact: Vec<&Group> = dataset
        .groups
        .iter()
        .filter(|group| names_of(dataset, group).any(|candidate| name_key(candidate) == key))
        .collect();
    if let [group] = exact.as_slice() {
        return Ok(group);
    }
    let exact = if exact.is_empty() {
        by_whole_word(dataset, &wanted)
    } else {
        exact
    };
    // A prefix stands for a group only by the start of its id or its name, never of an alias:
    // `north` is the start of "North Korean workers", but every group is North Korean.
    let matching = if exact.is_empty() {
        dataset
            .groups
            .iter()
            .filter(|group| {
                [group.id.as_str(), group.name.as_str()]
                    .iter()
                    .any(|candidate| normalize(candidate).starts_with(&wanted))
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

/// The groups one of whose names of several words holds `wanted` as a whole word, such as
/// `guest` of "guest workers" or `рабочие` of "рабочие из КНДР". A word of the dataset's title
/// (`north`, `koreans`, `russia`) tells no group apart, so it finds none.
fn by_whole_word<'a>(dataset: &'a Dataset<'a>, wanted: &str) -> Vec<&'a Group> {
    if wanted.contains(' ') {
        return Vec::new();
    }
    let wanted = name_key(wanted);
    let title = normalize(&dataset.title);
    if title.split(' ').any(|word| name_key(word) == wanted) {
        return Vec::new();
    }
    dataset
        .groups
        .iter()
        .filter(|group| {
            names_of(dataset, group).any(|candidate| {
                normalize(candidate)
                    .split(' ')
                    .any(|word| name_key(word) == wanted)
            })
        })
        .collect()
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
fn suggest<'a>(dataset: &'a Dataset<'a>, wanted: &str) -> Option<&'a str> {
    const THRESHOLD: f64 = 0.7;
    dataset
        .groups
        .iter()
        .flat_map(|group| {
            names_of(dataset, group).map(move |candidate| {
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
                    normalize(&related.id) == wanted
                        || normalize(&related.name) == wanted
                        || translations(dataset, &related.id).any(|form| normalize(form) == wanted)
                })
                .map(|related| related.id.clone())
                .ok_or(error)
        }
    }
}

/// Resolves the names of the lines `nkru summary` is asked for: `total` (the whole population,
/// as the summary names it) or a group's name, in order, without repeats.
pub fn resolve_summary_groups(dataset: &Dataset, names: &[String]) -> Result<Vec<String>> {
    let mut ids: Vec<String> = Vec::new();
    for name in names {
        let id = if normalize(name) == TOTAL_ID {
            TOTAL_ID.to_owned()
        } else {
            resolve_group(dataset, name)?.id.clone()
        };
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    Ok(ids)
}

/// Resolves each name to its group id, in order, without repeats.
pub fn resolve_groups(dataset: &Dataset, names: &[String]) -> Result<Vec<String>> {
    let mut ids: Vec<String> = Vec::new();
    let mut seen: HashSet<&str> = HashSet::new();
    for name in names {
        let id = &resolve_group(dataset, name)?.id;
        if seen.insert(id) {
            ids.push(id.clone());
        }
    }
    Ok(ids)
}

/// A filter of population estimates; every condition must hold. Its group names are resolved
/// to ids and its texts folded (`text::fold`) by whoever builds it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EstimateFilter {
    /// Group ids, where [`TOTAL_ID`] stands for the figures of all North Koreans; empty means
    /// every estimate, the total ones included.
    pub groups: Vec<String>,
    /// A year the period must cover.
    pub year: Option<i32>,
    /// The period must reach this year or later.
    pub from: Option<i32>,
    /// The period must start this year or earlier.
    pub to: Option<i32>,
    /// Text the region must contain, folded.
    pub region: Option<String>,
    /// Text the source id, publisher or title must contain, folded.
    pub source: Option<String>,
    /// Text the figure's author must contain, folded.
    pub attributed_to: Option<String>,
    /// What the figure must count; empty means any kind.
    pub counts: Vec<Counts>,
    /// How much of Russia the figure must count; empty means any coverage, unknown included.
    pub coverage: Vec<Coverage>,
    /// The range must reach this figure or more.
    pub min: Option<u64>,
    /// The range must reach this figure or less.
    pub max: Option<u64>,
}

impl EstimateFilter {
    /// Whether an estimate passes every condition.
    pub fn matches(&self, dataset: &Dataset, estimate: &Estimate) -> bool {
        self.passes(estimate, &Lookups::new(self, dataset))
    }

    /// A test of estimates against the filter, with what it needs looked up in `dataset` once,
    /// for estimates that are not in the dataset's list (read one at a time, for example).
    pub fn matcher<'a>(&'a self, dataset: &'a Dataset<'a>) -> impl Fn(&Estimate<'_>) -> bool + 'a {
        let lookups = Lookups::new(self, dataset);
        move |estimate| self.passes(estimate, &lookups)
    }

    /// The ids of the sources whose publisher or title contains the `--source` text, looked up
    /// once for all estimates rather than once for each.
    fn sources_named<'a>(&self, dataset: &'a Dataset<'a>) -> HashSet<&'a str> {
        let Some(wanted) = &self.source else {
            return HashSet::new();
        };
        dataset
            .sources
            .iter()
            .filter(|source| {
                contains_folded(&source.publisher, wanted) || contains_folded(&source.title, wanted)
            })
            .map(|source| source.id.as_str())
            .collect()
    }

    /// Whether an estimate passes every condition, given what was looked up in the dataset.
    fn passes(&self, estimate: &Estimate, lookups: &Lookups<'_>) -> bool {
        let group_matches = self.groups.is_empty()
            || self.groups.iter().any(|id| match &estimate.group {
                Some(group) => id == group,
                None => id == TOTAL_ID,
            });
        let year_matches = self.year.is_none_or(|year| estimate.period.covers(year));
        let span_matches = estimate.period.within(self.from, self.to);
        let region_matches = self.region.is_none()
            || estimate
                .region
                .as_ref()
                .is_some_and(|region| contains_any(region, &lookups.regions));
        let source_matches = self.source.as_ref().is_none_or(|wanted| {
            contains_folded(&estimate.source, wanted)
                || lookups.sources_named.contains(estimate.source.as_ref())
        });
        let author_matches =
            self.attributed_to.is_none() || contains_any(&estimate.attributed_to, &lookups.authors);
        let kind_matches = self.counts.is_empty() || self.counts.contains(&estimate.counts);
        let coverage_matches = self.coverage.is_empty()
            || estimate
                .coverage
                .is_some_and(|coverage| self.coverage.contains(&coverage));
        group_matches
            && coverage_matches
            && author_matches
            && kind_matches
            && year_matches
            && span_matches
            && region_matches
            && source_matches
            && estimate.overlaps_range(self.min, self.max)
    }

    /// The estimates that pass, in the dataset's order.
    pub fn apply<'a>(&self, dataset: &'a Dataset<'a>) -> Vec<&'a Estimate<'a>> {
        let lookups = Lookups::new(self, dataset);
        dataset
            .estimates
            .iter()
            .filter(|estimate| self.passes(estimate, &lookups))
            .collect()
    }
}

/// What a filter looks up in the dataset once for all estimates rather than once for each.
struct Lookups<'a> {
    /// The ids of the sources whose publisher or title contains the `--source` text.
    sources_named: HashSet<&'a str>,
    /// The `--region` text and the English names it stands for ([`equivalents`]).
    regions: Wanted,
    /// The `--attributed-to` text and the English names it stands for.
    authors: Wanted,
}

impl<'a> Lookups<'a> {
    fn new(filter: &EstimateFilter, dataset: &'a Dataset<'a>) -> Self {
        let equivalents_of = |text: &Option<String>| {
            Wanted::new(
                &text
                    .as_deref()
                    .map(|text| equivalents(dataset, text))
                    .unwrap_or_default(),
            )
        };
        Lookups {
            sources_named: filter.sources_named(dataset),
            regions: equivalents_of(&filter.region),
            authors: equivalents_of(&filter.attributed_to),
        }
    }
}

/// Folded texts looked for together: a text is folded once and read once, however many there
/// are (a text that stands for thousands of names costs no more per record than one).
#[derive(Debug, Clone)]
struct Wanted(Option<AhoCorasick>);

impl Wanted {
    fn new(folded: &[String]) -> Self {
        // No text to look for finds nothing; an automaton that cannot be built (far past any
        // size a dataset reaches) would be no better.
        Wanted(if folded.is_empty() {
            None
        } else {
            AhoCorasick::new(folded).ok()
        })
    }

    /// Whether `text`, folded, contains any of the texts.
    fn in_text(&self, text: &str) -> bool {
        self.0
            .as_ref()
            .is_some_and(|automaton| automaton.is_match(&fold(text)))
    }
}

/// Whether `text` contains any of the folded texts.
fn contains_any(text: &str, folded: &Wanted) -> bool {
    folded.in_text(text)
}

/// The source with this id.
pub fn source_by_id<'a>(dataset: &'a Dataset<'a>, id: &str) -> Option<&'a Source> {
    dataset.source(id)
}

/// The estimates of one group, in the dataset's order.
pub fn estimates_of<'a>(dataset: &'a Dataset<'a>, group: &str) -> Vec<&'a Estimate<'a>> {
    dataset.estimates_of(group).collect()
}

/// The events that involve one group, oldest first.
pub fn events_of<'a>(dataset: &'a Dataset<'a>, group: &str) -> Vec<&'a Event> {
    let mut events: Vec<&Event> = dataset.events_of(group).collect();
    events.sort_by_key(|event| (event.period.anchor(), event.period.end()));
    events
}

/// The events oldest first, limited to groups (none: all) and to those overlapping `from..=to`.
pub fn timeline<'a>(
    dataset: &'a Dataset<'a>,
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

/// Every year a timeline must show: those of the events, and of the groups' periods within
/// `bounds` (either end open), in no particular order.
pub fn timeline_years(
    events: &[&Event],
    groups: &[(usize, &Group)],
    bounds: (Option<i32>, Option<i32>),
) -> Vec<i32> {
    events
        .iter()
        .flat_map(|event| [event.period.first_year(), event.period.last_year()])
        .chain(groups.iter().flat_map(|(_, group)| {
            group
                .periods
                .iter()
                .filter(move |period| period.overlaps(bounds.0, bounds.1))
                .flat_map(|period| [period.first_year(), period.last_year()])
        }))
        .flatten()
        .collect()
}

/// The sources a group's facts, estimates and events cite, in first-cited order.
pub fn sources_of<'a>(dataset: &'a Dataset<'a>, group: &Group) -> Vec<&'a Source> {
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
                .map(|estimate| estimate.source.as_ref()),
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
fn estimates_by_population<'a>(
    dataset: &'a Dataset<'a>,
) -> HashMap<&'a str, Vec<&'a Estimate<'a>>> {
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
pub fn latest<'a>(estimates: &[&'a Estimate<'a>]) -> Option<&'a Estimate<'a>> {
    estimates
        .iter()
        .copied()
        .filter_map(|estimate| estimate.period.latest().map(|date| (date.key(), estimate)))
        .max_by_key(|(key, _)| *key)
        .map(|(_, estimate)| estimate)
}

/// The dataset's own facts, for `nkru about`: what it is about, its version, the day it was
/// checked and how far its figures run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct About<'a> {
    /// The dataset.
    pub dataset: &'a Dataset<'a>,
    /// The latest date any figure reaches ([`figures_end`]).
    pub figures_to: Option<Date>,
}

/// The dataset's own facts.
pub fn about<'a>(dataset: &'a Dataset<'a>) -> About<'a> {
    About {
        dataset,
        figures_to: figures_end(dataset),
    }
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
    pub latest: Option<&'a Estimate<'a>>,
    /// The headline figures of people present, by the headline rules.
    pub present: Option<headline::Figures<'a>>,
}

/// A group's overview.
pub fn overview<'a>(dataset: &'a Dataset<'a>, group: &'a Group) -> GroupOverview<'a> {
    overview_of(group, &estimates_of(dataset, &group.id))
}

/// Every group's overview, in the dataset's order, the estimates sorted out in one pass.
pub fn overviews<'a>(dataset: &'a Dataset<'a>) -> Vec<GroupOverview<'a>> {
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
fn overview_of<'a>(group: &'a Group, estimates: &[&'a Estimate<'a>]) -> GroupOverview<'a> {
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
        present: headline::headline(Counts::Present, estimates),
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
    pub estimates: Vec<&'a Estimate<'a>>,
    /// The events that involve it, oldest first.
    pub events: Vec<&'a Event>,
    /// The sources its facts, estimates and events cite, in first-cited order.
    pub sources: Vec<&'a Source>,
}

/// A group in full.
pub fn detail<'a>(dataset: &'a Dataset<'a>, group: &'a Group) -> GroupDetail<'a> {
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
    pub latest: Option<&'a Estimate<'a>>,
    /// The figures that head the line by the headline rules ([`headline::headline`]); none for
    /// a plan, a possible total or a demand, and for a line with no dated figure.
    pub headline: Option<headline::Figures<'a>>,
}

impl Summary<'_> {
    /// Whether the line's figures count people or things that happened, rather than a plan, a
    /// possible total or a demand.
    pub fn is_count(&self) -> bool {
        self.counts.is_none_or(headline::is_count)
    }
}

/// The id of the summary line that covers the whole population.
pub const TOTAL_ID: &str = "total";

/// The summary lines: the whole population first, then each group (only `groups` when given,
/// where [`TOTAL_ID`] stands for the whole population), then the related populations that have
/// figures; one line for each kind of figure.
pub fn summarize<'a>(dataset: &'a Dataset<'a>, groups: &[String]) -> Vec<Summary<'a>> {
    let mut lines = Vec::new();
    let everything = groups.is_empty();
    if everything || groups.iter().any(|group| group == TOTAL_ID) {
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

/// The summary lines of one group from its estimates, one for each kind of figure.
pub fn summary_of<'a>(group: &'a Group, estimates: &[&'a Estimate<'a>]) -> Vec<Summary<'a>> {
    let mut lines = Vec::new();
    add_lines(&mut lines, &group.id, &group.name, estimates);
    lines
}

/// Adds one line for each kind of figure among `estimates`, in the documented order of the
/// kinds, or one empty line when there are none.
fn add_lines<'a>(
    lines: &mut Vec<Summary<'a>>,
    id: &'a str,
    name: &'a str,
    estimates: &[&'a Estimate<'a>],
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
    estimates: &[&'a Estimate<'a>],
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
        headline: counts.and_then(|kind| headline::headline(kind, estimates)),
    }
}

/// One period of a kind's figures over time, for `nkru trend`: the figures of a group (or of all
/// North Koreans, `total`) set side by side.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Trend<'a> {
    /// The group's id, or [`TOTAL_ID`].
    pub id: &'a str,
    /// The period's figures.
    pub figures: headline::Figures<'a>,
}

/// A kind's figures of one group (or, for [`TOTAL_ID`], of all North Koreans) over time, one
/// entry per period ([`headline::over_time`]): all of Russia, unless `filter` asks for a place
/// or a coverage, when every figure that passes it is set in its period.
pub fn trend<'a>(
    dataset: &'a Dataset<'a>,
    id: &'a str,
    kind: Counts,
    filter: &EstimateFilter,
) -> Vec<Trend<'a>> {
    let passes = filter.matcher(dataset);
    let estimates: Vec<&Estimate> = dataset
        .estimates
        .iter()
        .filter(|estimate| match &estimate.group {
            Some(group) => group == id,
            None => id == TOTAL_ID,
        })
        .filter(|estimate| passes(estimate))
        .collect();
    let every_coverage = filter.region.is_some() || !filter.coverage.is_empty();
    headline::over_time(kind, &estimates, every_coverage)
        .into_iter()
        .map(|figures| Trend { id, figures })
        .collect()
}

/// The current picture ([`headline::now`]): the latest total a source gives of all North
/// Koreans present, and nkru's sum of the groups' headline figures when a group's is later.
pub fn now<'a>(dataset: &'a Dataset<'a>) -> headline::Now<'a> {
    let totals: Vec<&Estimate> = dataset
        .estimates
        .iter()
        .filter(|estimate| estimate.group.is_none())
        .collect();
    let by_population = estimates_by_population(dataset);
    let groups: Vec<(&str, Vec<&Estimate>)> = dataset
        .groups
        .iter()
        .map(|group| {
            let estimates = by_population
                .get(group.id.as_str())
                .cloned()
                .unwrap_or_default();
            (group.id.as_str(), estimates)
        })
        .collect();
    headline::now(&totals, &groups)
}

/// One place where the search text was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit<'a> {
    /// The kind of record: `dataset`, `group`, `estimate`, `event`, `source`, `related` or
    /// `name`.
    pub kind: &'static str,
    /// The record's id (the dataset's title for the dataset itself).
    pub id: &'a str,
    /// The field the text was found in.
    pub field: String,
    /// The whole text of that field; for a date, the date with what happened then.
    pub text: Cow<'a, str>,
}

/// Every text of the dataset that contains `wanted`, or an English name it stands for (see
/// [`equivalents`]), ignoring case and Unicode form, in dataset order. Ids are not searched: they
/// name records, and their words are in the records' texts. A record found by its date shows
/// what the date is of: an event's description, an estimate's figures.
pub fn search<'a>(dataset: &'a Dataset<'a>, wanted: &str) -> Result<Vec<Hit<'a>>> {
    if normalize(wanted).is_empty() {
        return Err(Error::Usage(String::from(
            "the search text cannot be empty",
        )));
    }
    let mut finder = Finder {
        wanted: Wanted::new(&equivalents(dataset, &normalize(wanted))),
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
        finder.look_dated(
            "estimate",
            &estimate.id,
            "period",
            &estimate.period.text,
            || {
                format!(
                    "{}: {} ({})",
                    estimate.period.text,
                    estimate.figures(),
                    estimate.counts.meaning()
                )
            },
        );
        finder.look("estimate", &estimate.id, &estimate_texts(estimate));
    }
    for event in &dataset.events {
        finder.look_dated("event", &event.id, "when", &event.period.text, || {
            format!("{}: {}", event.period.text, event.description)
        });
        let texts = [
            ("description", None, event.description.as_str()),
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
            ("name", None, related.name.as_str()),
            ("description", None, &related.description),
            ("origin", None, &related.origin),
            ("destination", None, &related.destination),
            ("period", None, &related.period.text),
        ];
        finder.look("related", &related.id, &texts);
    }
    for name in &dataset.names {
        let mut texts = vec![("en", None, name.en.as_str())];
        texts.extend(name.ko.as_deref().map(|ko| ("ko", None, ko)));
        texts.extend(name.ru.as_deref().map(|ru| ("ru", None, ru)));
        texts.extend(listed("aliases", &name.aliases));
        texts.extend(name.note.as_deref().map(|note| ("note", None, note)));
        finder.look("name", &name.id, &texts);
    }
    Ok(finder.hits)
}

/// One searchable text: its field, its position when the field is a list, and the text.
type Text<'a> = (&'static str, Option<usize>, &'a str);

/// Collects the hits of one search.
struct Finder<'a> {
    /// The text looked for and the English names it stands for, folded.
    wanted: Wanted,
    /// The hits so far.
    hits: Vec<Hit<'a>>,
}

impl<'a> Finder<'a> {
    /// Looks for the text in one record's texts.
    fn look(&mut self, kind: &'static str, id: &'a str, texts: &[Text<'a>]) {
        for (field, index, text) in texts {
            if contains_any(text, &self.wanted) {
                let field = match index {
                    Some(index) => format!("{field}[{index}]"),
                    None => (*field).to_owned(),
                };
                self.hits.push(Hit {
                    kind,
                    id,
                    field,
                    text: Cow::Borrowed(text),
                });
            }
        }
    }

    /// Looks for the text in a record's date, which is shown with what the date is of.
    fn look_dated(
        &mut self,
        kind: &'static str,
        id: &'a str,
        field: &'static str,
        date: &str,
        shown: impl FnOnce() -> String,
    ) {
        if contains_any(date, &self.wanted) {
            self.hits.push(Hit {
                kind,
                id,
                field: field.to_owned(),
                text: Cow::Owned(shown()),
            });
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
    let mut texts = vec![("name", None, group.name.as_str())];
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
fn estimate_texts<'a>(estimate: &'a Estimate<'a>) -> Vec<Text<'a>> {
    let texts = [
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
        ("publisher", None, source.publisher.as_str()),
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
/// then estimates, events and related populations, from the dataset's index. The dataset's names
/// are not records: a name's sources say where it was read, and its id may be a group's.
pub fn citations<'a>(dataset: &'a Dataset<'a>) -> Vec<Citations<'a>> {
    dataset
        .sources
        .iter()
        .map(|source| Citations {
            source,
            cited_by: dataset
                .citing(&source.id)
                .iter()
                .map(|&citing| dataset.citing_id(citing))
                .collect(),
        })
        .collect()
}

/// One fact of a group, with the id it is cited by and the source that states it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FactRecord<'a> {
    /// The fact's id, `<group>-fact-<n>`: see [`fact_id`].
    pub id: String,
    /// The group it is about.
    pub group: &'a Group,
    /// The fact.
    pub fact: &'a Fact,
    /// The source that states it; none only in a dataset that has not been checked.
    pub source: Option<&'a Source>,
}

/// The id of a group's fact: the group's id, `-fact-` and the fact's place among the group's
/// facts, counted from 1, such as `refugees-fact-3`. Facts carry no id in the dataset file;
/// this one is derived, so it holds as long as a dataset adds facts after a group's others.
pub fn fact_id(group: &Group, index: usize) -> String {
    format!("{}-fact-{}", group.id, index + 1)
}

/// Every fact of the groups with these ids (none: of every group), in the dataset's order, each
/// whose source's id, publisher or title contains `source` (folded) when it is given.
pub fn facts<'a>(
    dataset: &'a Dataset<'a>,
    groups: &[String],
    source: Option<&str>,
) -> Vec<FactRecord<'a>> {
    let mut records = Vec::new();
    for group in &dataset.groups {
        if !(groups.is_empty() || groups.contains(&group.id)) {
            continue;
        }
        for (index, fact) in group.facts.iter().enumerate() {
            let cited = source_by_id(dataset, &fact.source);
            let source_matches = source.is_none_or(|wanted| {
                contains_folded(&fact.source, wanted)
                    || cited.is_some_and(|cited| {
                        contains_folded(&cited.publisher, wanted)
                            || contains_folded(&cited.title, wanted)
                    })
            });
            if source_matches {
                records.push(FactRecord {
                    id: fact_id(group, index),
                    group,
                    fact,
                    source: cited,
                });
            }
        }
    }
    records
}

/// What a citation is of: a source alone, or a record (an estimate, an event or a fact) with the
/// source it was read in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Citable<'a> {
    /// The id asked for: the source's or the record's.
    pub id: String,
    /// `source`, `estimate`, `event` or `fact`.
    pub kind: &'static str,
    /// The source where it was read.
    pub source: &'a Source,
    /// What the record states, in a few words; none for a source alone.
    pub statement: Option<String>,
    /// Who made the figure or says the event happened, when the record names someone.
    pub attributed_to: Option<&'a str>,
    /// The section of the source the record comes from.
    pub section: Option<&'a str>,
}

/// The group and the position of the fact a [`fact_id`] names, when it names one.
fn fact_of<'a>(dataset: &'a Dataset<'a>, id: &str) -> Option<(&'a Group, usize)> {
    let (group, number) = id.rsplit_once("-fact-")?;
    let group = dataset.group(group)?;
    let index = number.parse::<usize>().ok()?.checked_sub(1)?;
    (index < group.facts.len() && fact_id(group, index) == id).then_some((group, index))
}

/// Refuses an id that more than one kind of record holds, naming them.
fn one_holder(id: &str, holders: &[Option<&str>]) -> Result<()> {
    let holders: Vec<&str> = holders.iter().flatten().copied().collect();
    match holders.split_last() {
        Some((last, rest)) if !rest.is_empty() => Err(Error::Dataset(format!(
            "the id `{}` is held by {} and {last}, so it cannot say what to cite (nkru validate names every id used twice)",
            quote(id),
            rest.join(", ")
        ))),
        _ => Ok(()),
    }
}

/// The source or record with this id, ready to cite: a source, an estimate, an event or a fact
/// (whose ids are [`fact_id`]s), found through the dataset's index. An id that several of them
/// hold, which a checked dataset does not allow, is refused rather than one of them picked.
pub fn citable<'a>(dataset: &'a Dataset<'a>, id: &str) -> Result<Citable<'a>> {
    let source = dataset.source(id);
    let estimate = dataset.estimate(id);
    let event = dataset.event(id);
    let fact = fact_of(dataset, id);
    one_holder(
        id,
        &[
            source.map(|_| "a source"),
            estimate.map(|_| "an estimate"),
            event.map(|_| "an event"),
            fact.map(|_| "a fact"),
        ],
    )?;
    let missing_source = |source: &str| {
        Error::Dataset(format!(
            "no source has the id `{}`, which `{}` cites",
            quote(source),
            quote(id)
        ))
    };
    let cited = |source: &str| dataset.source(source).ok_or_else(|| missing_source(source));
    if let Some(source) = source {
        return Ok(Citable {
            id: id.to_owned(),
            kind: "source",
            source,
            statement: None,
            attributed_to: None,
            section: None,
        });
    }
    if let Some(estimate) = estimate {
        let mut statement = format!(
            "{} {}, {}",
            estimate.figures(),
            estimate.counts.meaning(),
            estimate.period.text
        );
        if let Some(region) = &estimate.region {
            statement.push_str(&format!(", {region}"));
        }
        return Ok(Citable {
            id: id.to_owned(),
            kind: "estimate",
            source: cited(&estimate.source)?,
            statement: Some(statement),
            attributed_to: Some(&estimate.attributed_to),
            section: estimate.section.as_deref(),
        });
    }
    if let Some(event) = event {
        return Ok(Citable {
            id: id.to_owned(),
            kind: "event",
            source: cited(&event.source)?,
            statement: Some(format!("{}: {}", event.period.text, event.description)),
            attributed_to: event.attributed_to.as_deref(),
            section: event.section.as_deref(),
        });
    }
    if let Some((group, index)) = fact {
        let fact = &group.facts[index];
        return Ok(Citable {
            id: id.to_owned(),
            kind: "fact",
            source: cited(&fact.source)?,
            statement: Some(fact.text.clone()),
            attributed_to: None,
            section: fact.section.as_deref(),
        });
    }
    Err(Error::NotFound(format!(
        "no source, estimate, event or fact has the id `{}` (see nkru sources, estimates, timeline and facts)",
        quote(id)
    )))
}

/// A language names can be shown in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Language {
    /// English, the language of the dataset's texts.
    #[default]
    English,
    /// Korean, in Hangul.
    Korean,
    /// Russian, in Cyrillic.
    Russian,
}

impl Language {
    /// The language in words.
    pub fn words(self) -> &'static str {
        match self {
            Language::English => "English",
            Language::Korean => "Korean",
            Language::Russian => "Russian",
        }
    }

    /// A name of the dataset's names in this language, if it gives one.
    fn of(self, name: &Name) -> Option<&str> {
        match self {
            Language::English => Some(&name.en),
            Language::Korean => name.ko.as_deref(),
            Language::Russian => name.ru.as_deref(),
        }
    }
}

/// What [`localize`] puts into another language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Localize {
    /// The names of the groups and related populations.
    pub groups: bool,
    /// The regions of the estimates.
    pub regions: bool,
}

/// Puts names of the dataset into `language` where its names give them: the names of the groups
/// and related populations, and regions whose whole text is an English name listed. A group
/// keeps its English name among its aliases, so it is still found by it. Returns the English
/// names that have no name in that language and stay as they are, each once.
/// Only the regions of the estimates whose ids are in `shown` are put into the language, when it
/// is given, so the names reported missing are those a view shows.
pub fn localize<S: std::hash::BuildHasher>(
    dataset: &mut Dataset,
    language: Language,
    what: Localize,
    shown: Option<&HashSet<String, S>>,
) -> Vec<String> {
    let mut missing: Vec<String> = Vec::new();
    if language == Language::English {
        return missing;
    }
    let names = std::mem::take(&mut dataset.names);
    // The first name of each population that the language has, and the first name of each
    // English name folded, each found in one pass over the names.
    let mut local_of: HashMap<&str, &str> = HashMap::new();
    let mut by_english: HashMap<String, &Name> = HashMap::new();
    for name in &names {
        if let (Some(population), Some(local)) = (name.group.as_deref(), language.of(name)) {
            local_of.entry(population).or_insert(local);
        }
        by_english.entry(fold(&name.en)).or_insert(name);
    }
    let of_population = |id: &str| local_of.get(id).map(|local| (*local).to_owned());
    let mut seen: HashSet<String> = HashSet::new();
    let mut note_missing = |english: &str| {
        if seen.insert(english.to_owned()) {
            missing.push(english.to_owned());
        }
    };
    if what.groups {
        for group in &mut dataset.groups {
            match of_population(&group.id) {
                Some(local) => {
                    let english = std::mem::replace(&mut group.name, local);
                    if !group
                        .aliases
                        .iter()
                        .any(|alias| fold(alias) == fold(&english))
                    {
                        group.aliases.insert(0, english);
                    }
                }
                None => note_missing(&group.name),
            }
        }
        for related in &mut dataset.related {
            match of_population(&related.id) {
                Some(local) => related.name = local,
                None => note_missing(&related.name),
            }
        }
    }
    if what.regions {
        let regions = dataset
            .estimates
            .iter_mut()
            .filter(|estimate| shown.is_none_or(|shown| shown.contains(estimate.id.as_ref())))
            .filter_map(|estimate| estimate.region.as_mut());
        for region in regions {
            let local = by_english
                .get(&fold(region))
                .and_then(|name| language.of(name));
            match local {
                Some(local) => *region = Cow::Owned(local.to_owned()),
                None => note_missing(region),
            }
        }
    }
    dataset.names = names;
    missing
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The article's records alone, small enough for every figure to be named.
    fn dataset() -> Dataset<'static> {
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
        // Only the students' name begins `in`, so the prefix is not ambiguous.
        assert_eq!(resolved("in"), Ok(String::from("students")));
        let mut dataset = dataset();
        dataset.groups[1].name = String::from("Stevedores");
        let error = resolve_group(&dataset, "st").expect_err("ambiguous prefix");
        assert_eq!(error.exit_code(), 1);
        assert_eq!(
            error.to_string(),
            "the group name `st` fits several groups: `students`, `workers`"
        );
    }

    #[test]
    fn an_id_wins_and_a_prefix_of_an_alias_finds_nothing() {
        let mut dataset = dataset();
        // An alias of the students that is the workers' id does not take the workers' id away.
        dataset.groups[0].aliases.push(String::from("workers"));
        assert_eq!(
            resolve_group(&dataset, "workers")
                .map(|group| group.id.as_str())
                .ok(),
            Some("workers")
        );
        // "North Korean workers" is an alias: its first word does not pick the workers.
        dataset.groups[1]
            .aliases
            .push(String::from("North Korean workers"));
        let error = resolve_group(&dataset, "north").expect_err("no group");
        assert_eq!(error.exit_code(), 1);
    }

    #[test]
    fn names_meet_whatever_their_accents_case_and_unicode_form() {
        let mut dataset = dataset();
        dataset.groups[1]
            .aliases
            .push(String::from("İstanbul café"));
        for typed in ["istanbul cafe", "ISTANBUL CAFÉ", "istanbul cafe\u{301}"] {
            assert_eq!(
                resolve_group(&dataset, typed)
                    .map(|group| group.id.as_str())
                    .ok(),
                Some("workers"),
                "{typed}"
            );
        }
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
            .map(|estimate| estimate.id.to_string())
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
            lines[3].latest.map(|estimate| estimate.id.as_ref()),
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
