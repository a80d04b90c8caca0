//! Search: every text of the dataset that holds a text or a name it stands for, with the record
//! and the field it was found in.

use std::borrow::Cow;
use std::collections::VecDeque;

use super::filter::{Wanted, contains_any};
use super::names::{looked_for, normalize};
use crate::dataset::{Dataset, Estimate, Event, Group, Source};
use crate::error::{Error, Result};

/// One place where the search text was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit<'a> {
    /// The kind of record: `dataset`, `group`, `estimate`, `event`, `source`, `related` or
    /// `name`.
    pub kind: &'static str,
    /// The record's id (the dataset's title for the dataset itself).
    pub id: &'a str,
    /// The field the text was found in.
    pub field: &'static str,
    /// The text's position in the field, when the field is a list.
    pub index: Option<usize>,
    /// The whole text of that field; for a date, the date with what happened then.
    pub text: Cow<'a, str>,
}

impl Hit<'_> {
    /// The field as shown: its name, with the text's position when the field is a list, as in
    /// `aliases[1]`.
    pub fn field_name(&self) -> Cow<'static, str> {
        match self.index {
            Some(index) => Cow::Owned(format!("{}[{index}]", self.field)),
            None => Cow::Borrowed(self.field),
        }
    }
}

/// Every text of the dataset that contains `wanted`, or an English name it stands for (see
/// [`equivalents`](super::equivalents)), ignoring case and Unicode form, in dataset order, found as they are asked
/// for: a record is searched when the hits before it have been taken, so they are never held
/// together. Ids are not searched: they name records, and their words are in the records'
/// texts. A record found by its date shows what the date is of: an event's description, an
/// estimate's figures.
pub fn search<'a>(dataset: &'a Dataset<'a>, wanted: &str) -> Result<Hits<'a>> {
    if normalize(wanted).is_empty() {
        return Err(Error::Usage(String::from(
            "the search text cannot be empty",
        )));
    }
    Ok(Hits {
        dataset,
        wanted: Wanted::new(&looked_for(dataset, &normalize(wanted))),
        list: List::Dataset,
        next: 0,
        found: VecDeque::new(),
    })
}

/// The hits of one search, in dataset order, each record searched when the hits before it
/// have been taken.
pub struct Hits<'a> {
    /// The dataset searched.
    dataset: &'a Dataset<'a>,
    /// The text looked for and the English names it stands for, folded.
    wanted: Wanted,
    /// The list being searched.
    list: List,
    /// The place in that list of the next record to search.
    next: usize,
    /// The hits of the record searched last, not yet taken.
    found: VecDeque<Hit<'a>>,
}

/// The parts of a dataset, in the order they are searched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum List {
    Dataset,
    Groups,
    Estimates,
    Events,
    Sources,
    Related,
    Names,
    Done,
}

impl<'a> Iterator for Hits<'a> {
    type Item = Hit<'a>;

    fn next(&mut self) -> Option<Hit<'a>> {
        loop {
            if let Some(hit) = self.found.pop_front() {
                return Some(hit);
            }
            if self.list == List::Done {
                return None;
            }
            self.search_next();
        }
    }
}

impl<'a> Hits<'a> {
    /// Searches the next record, or moves on to the next list when this one is done.
    fn search_next(&mut self) {
        let dataset = self.dataset;
        let index = self.next;
        self.next += 1;
        let searched = match self.list {
            List::Dataset => {
                self.look_in_dataset();
                false
            }
            List::Groups => dataset
                .groups
                .get(index)
                .map(|group| {
                    self.look("group", &group.id, &group_texts(group));
                })
                .is_some(),
            List::Estimates => dataset
                .estimates
                .get(index)
                .map(|estimate| {
                    self.estimate(estimate);
                })
                .is_some(),
            List::Events => dataset
                .events
                .get(index)
                .map(|event| {
                    self.event(event);
                })
                .is_some(),
            List::Sources => dataset
                .sources
                .get(index)
                .map(|source| {
                    self.look("source", &source.id, &source_texts(source));
                })
                .is_some(),
            List::Related => dataset
                .related
                .get(index)
                .map(|related| {
                    let texts = [
                        ("name", None, related.name.as_ref()),
                        ("description", None, &related.description),
                        ("origin", None, &related.origin),
                        ("destination", None, &related.destination),
                        ("period", None, &related.period.text),
                    ];
                    self.look("related", &related.id, &texts);
                })
                .is_some(),
            List::Names => dataset
                .names
                .get(index)
                .map(|name| {
                    let mut texts = vec![("en", None, name.en.as_ref())];
                    texts.extend(name.ko.as_deref().map(|ko| ("ko", None, ko)));
                    texts.extend(name.ru.as_deref().map(|ru| ("ru", None, ru)));
                    texts.extend(listed("aliases", &name.aliases));
                    texts.extend(name.note.as_deref().map(|note| ("note", None, note)));
                    self.look("name", &name.id, &texts);
                })
                .is_some(),
            List::Done => false,
        };
        if !searched {
            self.list = match self.list {
                List::Dataset => List::Groups,
                List::Groups => List::Estimates,
                List::Estimates => List::Events,
                List::Events => List::Sources,
                List::Sources => List::Related,
                List::Related => List::Names,
                List::Names | List::Done => List::Done,
            };
            self.next = 0;
        }
    }
    /// Looks for the text in the dataset's own texts.
    fn look_in_dataset(&mut self) {
        let dataset = self.dataset;
        let title = dataset.title.as_ref();
        let mut texts = vec![
            ("title", None, title),
            ("overview", None, dataset.overview.as_ref()),
        ];
        texts.extend(listed("categories", &dataset.categories));
        self.look("dataset", title, &texts);
    }

    /// Looks for the text in an estimate's date, then in its texts.
    fn estimate(&mut self, estimate: &'a Estimate<'a>) {
        self.look_dated(
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
        self.look("estimate", &estimate.id, &estimate_texts(estimate));
    }

    /// Looks for the text in an event's date, then in its texts.
    fn event(&mut self, event: &'a Event<'a>) {
        self.look_dated("event", &event.id, "when", &event.period.text, || {
            format!("{}: {}", event.period.text, event.description)
        });
        let texts = [
            ("description", None, event.description.as_ref()),
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
        self.look("event", &event.id, &texts);
    }

    /// Looks for the text in one record's texts.
    fn look(&mut self, kind: &'static str, id: &'a str, texts: &[Text<'a>]) {
        for (field, index, text) in texts {
            if contains_any(text, &self.wanted) {
                self.found.push_back(Hit {
                    kind,
                    id,
                    field,
                    index: *index,
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
            self.found.push_back(Hit {
                kind,
                id,
                field,
                index: None,
                text: Cow::Owned(shown()),
            });
        }
    }
}

/// One searchable text: its field, its position when the field is a list, and the text.
type Text<'a> = (&'static str, Option<usize>, &'a str);

/// The items of a list field, each with its position.
fn listed<'a>(
    field: &'static str,
    items: &'a [crate::dataset::Text<'_>],
) -> impl Iterator<Item = Text<'a>> {
    items
        .iter()
        .enumerate()
        .map(move |(index, item)| (field, Some(index), item.as_ref()))
}

/// A group's searchable texts.
fn group_texts<'a>(group: &'a Group<'a>) -> Vec<Text<'a>> {
    let mut texts = vec![("name", None, group.name.as_ref())];
    texts.extend(listed("aliases", &group.aliases));
    texts.push(("description", None, &group.description));
    let periods = group.periods.iter().map(|period| period.text.as_ref());
    texts.extend(
        periods
            .enumerate()
            .map(|(index, text)| ("periods", Some(index), text)),
    );
    let facts = group.facts.iter().map(|fact| fact.text.as_ref());
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
fn source_texts<'a>(source: &'a Source<'a>) -> Vec<Text<'a>> {
    let texts = [
        ("publisher", None, source.publisher.as_ref()),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::fixture as dataset;

    #[test]
    fn search_ignores_case_and_names_the_field() {
        let dataset = dataset();
        let hits: Vec<Hit> = search(&dataset, "SAKHALIN").expect("search runs").collect();
        let places: Vec<String> = hits
            .iter()
            .map(|hit| format!("{} {} {}", hit.kind, hit.id, hit.field_name()))
            .collect();
        assert_eq!(
            places,
            [
                "group workers description",
                "group workers facts[0]",
                "estimate workers-1940s region",
                "event workers-recruited-sakhalin description",
            ]
        );
        assert!(
            search(&dataset, "no such words anywhere")
                .expect("runs")
                .next()
                .is_none()
        );
        let empty = search(&dataset, " ").err().expect("empty");
        assert_eq!(empty.exit_code(), 2);
    }

    #[test]
    fn hits_are_found_as_they_are_taken() {
        let dataset = dataset();
        let mut hits = search(&dataset, "SAKHALIN").expect("search runs");
        let first = hits.next().expect("a first hit");
        assert_eq!((first.kind, first.id), ("group", "workers"));
        // Only the first group has been searched: the estimates, events and names wait.
        assert_eq!(hits.list, List::Groups);
        assert_eq!(hits.found.len(), 1);
        assert_eq!(hits.count(), 3);
    }
}
