//! The dataset's one index of ids: where each record is, the estimates, events and names of each
//! population, and the records citing each source. Built once, at the first lookup, so no lookup
//! by id scans a list.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::{Dataset, Estimate, Event, Group, Name, Related, Source};

/// A record that cites a source: a group by its facts, an estimate, an event or a related
/// population, by its position in its list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Citing {
    /// A group, by one or more of its facts.
    Group(usize),
    /// An estimate.
    Estimate(usize),
    /// An event.
    Event(usize),
    /// A related population.
    Related(usize),
}

/// Positions by id and by what records refer to. Ids are copied, so the index holds no
/// reference into the dataset and moves with it; where an id repeats (a dataset not checked),
/// the first record holding it is the one found, as a scan would find it.
#[derive(Debug, Clone, Default)]
pub struct Index {
    groups: HashMap<Box<str>, usize>,
    sources: HashMap<Box<str>, usize>,
    estimates: HashMap<Box<str>, usize>,
    events: HashMap<Box<str>, usize>,
    related: HashMap<Box<str>, usize>,
    names: HashMap<Box<str>, usize>,
    /// The estimates of each group or related population, in the dataset's order.
    estimates_of: HashMap<Box<str>, Vec<usize>>,
    /// The events of each group, in the dataset's order.
    events_of: HashMap<Box<str>, Vec<usize>>,
    /// The names of each group or related population, in the dataset's order.
    names_of: HashMap<Box<str>, Vec<usize>>,
    /// The records citing each source, each once, in the order of the lists: groups, estimates,
    /// events, related populations.
    citing: HashMap<Box<str>, Vec<Citing>>,
}

/// The index a dataset carries, built at its first lookup. It takes no part in comparing
/// datasets, and a dataset is not changed once it has been asked a question.
#[derive(Debug, Clone, Default)]
pub struct IndexCell(OnceLock<Index>);

impl IndexCell {
    /// An index not built yet.
    pub const fn new() -> Self {
        IndexCell(OnceLock::new())
    }
}

impl PartialEq for IndexCell {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Eq for IndexCell {}

/// Positions of a list by id, the first of a repeated id kept.
fn positions<'r>(ids: impl Iterator<Item = &'r str>) -> HashMap<Box<str>, usize> {
    let mut positions = HashMap::new();
    for (index, id) in ids.enumerate() {
        positions.entry(Box::from(id)).or_insert(index);
    }
    positions
}

/// Positions grouped by the id each refers to, each position once per id (an event naming a group
/// twice is one event of it), in the order they come.
fn grouped<'r>(
    references: impl Iterator<Item = (&'r str, usize)>,
) -> HashMap<Box<str>, Vec<usize>> {
    let mut grouped: HashMap<Box<str>, Vec<usize>> = HashMap::new();
    for (id, index) in references {
        match grouped.get_mut(id) {
            Some(list) if list.last() == Some(&index) => {}
            Some(list) => list.push(index),
            None => {
                grouped.insert(Box::from(id), vec![index]);
            }
        }
    }
    grouped
}

impl Index {
    /// Indexes every list of a dataset, in one pass over each.
    pub fn new(dataset: &Dataset<'_>) -> Self {
        let mut citing: HashMap<Box<str>, Vec<Citing>> = HashMap::new();
        let mut cite = |source: &str, record: Citing| match citing.get_mut(source) {
            // A group citing a source by several facts is listed once: its facts come together.
            Some(list) if list.last() == Some(&record) => {}
            Some(list) => list.push(record),
            None => {
                citing.insert(Box::from(source), vec![record]);
            }
        };
        for (index, group) in dataset.groups.iter().enumerate() {
            for fact in &group.facts {
                cite(&fact.source, Citing::Group(index));
            }
        }
        for (index, estimate) in dataset.estimates.iter().enumerate() {
            cite(&estimate.source, Citing::Estimate(index));
        }
        for (index, event) in dataset.events.iter().enumerate() {
            cite(&event.source, Citing::Event(index));
        }
        for (index, related) in dataset.related.iter().enumerate() {
            cite(&related.source, Citing::Related(index));
        }
        Index {
            groups: positions(dataset.groups.iter().map(|group| group.id.as_ref())),
            sources: positions(dataset.sources.iter().map(|source| source.id.as_ref())),
            estimates: positions(
                dataset
                    .estimates
                    .iter()
                    .map(|estimate| estimate.id.as_ref()),
            ),
            events: positions(dataset.events.iter().map(|event| event.id.as_ref())),
            related: positions(dataset.related.iter().map(|related| related.id.as_ref())),
            names: positions(dataset.names.iter().map(|name| name.id.as_ref())),
            estimates_of: grouped(dataset.estimates.iter().enumerate().filter_map(
                |(index, estimate)| estimate.group.as_deref().map(|group| (group, index)),
            )),
            events_of: grouped(
                dataset
                    .events
                    .iter()
                    .enumerate()
                    .flat_map(|(index, event)| {
                        event
                            .groups
                            .iter()
                            .map(move |group| (group.as_ref(), index))
                    }),
            ),
            names_of: grouped(
                dataset
                    .names
                    .iter()
                    .enumerate()
                    .filter_map(|(index, name)| name.group.as_deref().map(|group| (group, index))),
            ),
            citing,
        }
    }
}

impl<'a> Dataset<'a> {
    /// The dataset's index, built the first time it is asked for.
    pub fn index(&self) -> &Index {
        self.index.0.get_or_init(|| Index::new(self))
    }

    /// The group with this id.
    pub fn group(&self, id: &str) -> Option<&Group<'a>> {
        self.index()
            .groups
            .get(id)
            .map(|&index| &self.groups[index])
    }

    /// The position of the group with this id in the dataset's groups.
    pub fn group_position(&self, id: &str) -> Option<usize> {
        self.index().groups.get(id).copied()
    }

    /// The source with this id.
    pub fn source(&self, id: &str) -> Option<&Source<'a>> {
        self.index()
            .sources
            .get(id)
            .map(|&index| &self.sources[index])
    }

    /// The estimate with this id.
    pub fn estimate(&self, id: &str) -> Option<&Estimate<'a>> {
        self.index()
            .estimates
            .get(id)
            .map(|&index| &self.estimates[index])
    }

    /// The event with this id.
    pub fn event(&self, id: &str) -> Option<&Event<'a>> {
        self.index()
            .events
            .get(id)
            .map(|&index| &self.events[index])
    }

    /// The related population with this id.
    pub fn related_population(&self, id: &str) -> Option<&Related<'a>> {
        self.index()
            .related
            .get(id)
            .map(|&index| &self.related[index])
    }

    /// The name of the dataset's names with this id.
    pub fn name(&self, id: &str) -> Option<&Name<'a>> {
        self.index().names.get(id).map(|&index| &self.names[index])
    }

    /// The estimates of a group or related population, in the dataset's order.
    pub fn estimates_of(&self, population: &str) -> impl Iterator<Item = &Estimate<'a>> {
        let positions = self.index().estimates_of.get(population);
        positions
            .into_iter()
            .flatten()
            .map(|&index| &self.estimates[index])
    }

    /// The events that name a group, in the dataset's order.
    pub fn events_of(&self, group: &str) -> impl Iterator<Item = &Event<'a>> {
        let positions = self.index().events_of.get(group);
        positions
            .into_iter()
            .flatten()
            .map(|&index| &self.events[index])
    }

    /// The names of the dataset's names that belong to a group or related population.
    pub fn names_of(&self, population: &str) -> impl Iterator<Item = &Name<'a>> {
        let positions = self.index().names_of.get(population);
        positions
            .into_iter()
            .flatten()
            .map(|&index| &self.names[index])
    }

    /// The records citing a source, each once: groups (by their facts), estimates, events and
    /// related populations, in that order.
    pub fn citing(&self, source: &str) -> &[Citing] {
        self.index().citing.get(source).map_or(&[], Vec::as_slice)
    }

    /// The id of a record that cites a source.
    pub fn citing_id(&self, citing: Citing) -> &str {
        match citing {
            Citing::Group(index) => &self.groups[index].id,
            Citing::Estimate(index) => &self.estimates[index].id,
            Citing::Event(index) => &self.events[index].id,
            Citing::Related(index) => &self.related[index].id,
        }
    }
}
