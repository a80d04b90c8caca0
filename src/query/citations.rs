//! Citations: each source with the records citing it, the groups' facts with their derived ids,
//! and what a citation is of (`citable`), found through the dataset's index.

use super::overview::source_by_id;
use crate::dataset::{Dataset, Fact, Group, Source};
use crate::error::{Error, Result};
use crate::text::{contains_folded, quote};

/// A source with the ids of the records that cite it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Citations<'a> {
    /// The source.
    pub source: &'a Source<'a>,
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
        .map(|source| Citations::of(dataset, source))
        .collect()
}

impl<'a> Citations<'a> {
    /// A source of `dataset` with the ids of the records that cite it, from the dataset's index.
    pub fn of(dataset: &'a Dataset<'a>, source: &'a Source<'a>) -> Self {
        Citations {
            source,
            cited_by: dataset
                .citing(&source.id)
                .iter()
                .map(|&citing| dataset.citing_id(citing))
                .collect(),
        }
    }
}

/// One fact of a group, with the id it is cited by and the source that states it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FactRecord<'a> {
    /// The fact's id, `<group>-fact-<n>`: see [`fact_id`].
    pub id: String,
    /// The group it is about.
    pub group: &'a Group<'a>,
    /// The fact.
    pub fact: &'a Fact<'a>,
    /// The source that states it; none only in a dataset that has not been checked.
    pub source: Option<&'a Source<'a>>,
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
        if !(groups.is_empty() || groups.iter().any(|id| *id == group.id)) {
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
    pub source: &'a Source<'a>,
    /// What the record states, in a few words; none for a source alone.
    pub statement: Option<String>,
    /// Who made the figure or says the event happened, when the record names someone.
    pub attributed_to: Option<&'a str>,
    /// The section of the source the record comes from.
    pub section: Option<&'a str>,
}

/// The group and the position of the fact a [`fact_id`] names, when it names one.
fn fact_of<'a>(dataset: &'a Dataset<'a>, id: &str) -> Option<(&'a Group<'a>, usize)> {
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
            statement: Some(fact.text.to_string()),
            attributed_to: None,
            section: fact.section.as_deref(),
        });
    }
    Err(Error::NotFound(format!(
        "no source, estimate, event or fact has the id `{}` (see nkru sources, estimates, timeline and facts)",
        quote(id)
    )))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::fixture as dataset;

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
