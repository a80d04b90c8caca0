//! Search: every text of the dataset that holds a text or a name it stands for, with the record
//! and the field it was found in.

use std::borrow::Cow;

use super::filter::{Wanted, contains_any};
use super::names::{equivalents, normalize};
use crate::dataset::{Dataset, Estimate, Group, Source};
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
    let title = dataset.title.as_ref();
    let mut texts = vec![
        ("title", None, title),
        ("overview", None, dataset.overview.as_ref()),
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
        finder.look("event", &event.id, &texts);
    }
    for source in &dataset.sources {
        finder.look("source", &source.id, &source_texts(source));
    }
    for related in &dataset.related {
        let texts = [
            ("name", None, related.name.as_ref()),
            ("description", None, &related.description),
            ("origin", None, &related.origin),
            ("destination", None, &related.destination),
            ("period", None, &related.period.text),
        ];
        finder.look("related", &related.id, &texts);
    }
    for name in &dataset.names {
        let mut texts = vec![("en", None, name.en.as_ref())];
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
}
