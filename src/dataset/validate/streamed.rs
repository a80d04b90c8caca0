//! The checks of estimates and events read one at a time, for the two passes over a large file.

use std::collections::HashSet;
use std::hash::{BuildHasher, BuildHasherDefault, DefaultHasher};

use super::{
    Checker, Known, Record, event_own_fields, every_id, group_reference, own_fields, range,
    validate,
};
use crate::dataset::model::{Dataset, Estimate, Event};

/// The checks of the records of the two long lists, estimates and events, read one at a time
/// and not kept (`stream`): each record's own fields are checked as it arrives, and only the hash
/// of its id and the ids it refers to are kept, for the checks that need the whole dataset.
///
/// The ids referred to are copied, not borrowed from the text: they are few, and a copy stays in
/// the processor's caches, where the place of a large file they were first read from would not.
#[derive(Default)]
pub(crate) struct StreamChecks {
    checker: Checker,
    estimate_ids: Vec<u64>,
    event_ids: Vec<u64>,
    /// What estimates count: groups or related populations.
    populations: HashSet<String>,
    /// The groups events concern.
    groups: HashSet<String>,
    sources: HashSet<String>,
    /// Whether an estimate names others (`same_figure_as`), which needs every estimate at hand.
    refers_to_estimates: bool,
}

/// Keeps `id` in `ids`, copying it only the first time it comes.
fn keep(ids: &mut HashSet<String>, id: &str) {
    if !ids.contains(id) {
        ids.insert(id.to_owned());
    }
}

impl StreamChecks {
    /// Checks one estimate's own fields and keeps its id's hash and its references.
    pub(crate) fn estimate(&mut self, estimate: &Estimate<'_>) {
        let record = Record::new("estimates", Some(self.estimate_ids.len()), &estimate.id);
        range(&mut self.checker, &record, estimate);
        own_fields(&mut self.checker, &record, estimate);
        if crate::text::is_blank(&estimate.id) {
            self.checker.problem(&record, String::from("id is empty"));
        }
        self.estimate_ids.push(id_hash(&estimate.id));
        self.refers_to_estimates |= !estimate.same_figure_as.is_empty();
        if let Some(group) = &estimate.group {
            keep(&mut self.populations, group);
        }
        keep(&mut self.sources, &estimate.source);
    }

    /// Checks one event's own fields and keeps its id's hash and its references.
    pub(crate) fn event(&mut self, event: &Event) {
        let record = Record::new("events", Some(self.event_ids.len()), &event.id);
        event_own_fields(&mut self.checker, &record, event);
        if crate::text::is_blank(&event.id) {
            self.checker.problem(&record, String::from("id is empty"));
        }
        self.event_ids.push(id_hash(&event.id));
        for group in &event.groups {
            keep(&mut self.groups, group);
        }
        keep(&mut self.sources, &event.source);
    }

    /// Whether every invariant holds of `rest`, the dataset read without its estimates and
    /// events, and of the records checked: the checks [`validate`] makes of the whole dataset.
    /// Two ids with the same hash count as a repeat: the usual reading then tells them apart.
    pub(crate) fn hold(mut self, rest: &Dataset<'_>) -> bool {
        if !self.checker.problems.is_empty()
            || self.refers_to_estimates
            || !validate(rest).is_empty()
        {
            return false;
        }
        if repeats(&mut self.estimate_ids) || repeats(&mut self.event_ids) {
            return false;
        }
        // The lists share one space of ids: an estimate's or event's id held by another record
        // (or only sharing its hash) leaves the file to the usual reading, which names the clash.
        let mut streamed: Vec<u64> = self
            .estimate_ids
            .iter()
            .chain(&self.event_ids)
            .copied()
            .collect();
        if repeats(&mut streamed) {
            return false;
        }
        let others: HashSet<u64> = every_id(rest).map(|(id, _, _)| id_hash(&id)).collect();
        if streamed.iter().any(|hash| others.contains(hash)) {
            return false;
        }
        let known = Known::new(&mut self.checker, rest);
        let whole = Record::new("estimates", None, "");
        for population in &self.populations {
            group_reference(&mut self.checker, &whole, population, &known);
        }
        for group in &self.groups {
            let field = format_args!("groups");
            self.checker
                .reference(&whole, field, group, "group", &known.groups);
        }
        for source in &self.sources {
            self.checker.source(&whole, source, &known);
        }
        self.checker.problems.is_empty()
    }
}

/// The hash an id is kept as while a long list is read.
fn id_hash(id: &str) -> u64 {
    BuildHasherDefault::<DefaultHasher>::default().hash_one(id)
}

/// Whether any hash comes twice.
fn repeats(hashes: &mut [u64]) -> bool {
    hashes.sort_unstable();
    hashes.windows(2).any(|pair| pair[0] == pair[1])
}
