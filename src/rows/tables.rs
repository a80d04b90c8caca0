//! One table of fields per list command: each field's name, what it holds, whether the table
//! view shows it, and how to read it. The order of a table is the documented order of the
//! machine formats.

use super::Kind::{Figure, FigureText, Flag, Id, List, Number, Text};
use std::borrow::Cow;

use super::{Field, Value};
use crate::dataset::diff::Change;
use crate::dataset::{Counts, Coverage, Date, Estimate, Event, Related};
use crate::query::headline::Figures;
use crate::query::{
    About, Citations, FactRecord, GroupDetail, GroupOverview, Hit, Names, Summary, TOTAL_ID, Trend,
};

/// Fields of `nkru estimates` (and of `nkru chart` in the machine formats), for estimates whose
/// text borrows for any lifetime `'e`.
pub fn estimates<'f, 'e: 'f>() -> &'f [Field<Estimate<'e>>] {
    const {
        &[
            Field::hidden("id", Id, |estimate| Value::text(&estimate.id)),
            Field::hidden("scope", Text, |estimate| {
                Value::text(if estimate.group.is_some() {
                    "group"
                } else {
                    TOTAL_ID
                })
            }),
            Field::hidden("group", Id, |estimate| {
                Value::optional_text(estimate.group.as_deref())
            }),
            Field::hidden("low", Figure, |estimate| Value::figure(estimate.low)),
            Field::hidden("high", Figure, |estimate| Value::figure(estimate.high)),
            Field::hidden("qualifiers", List, |estimate| {
                Value::texts(estimate.qualifiers.iter().map(|qualifier| qualifier.name()))
            }),
            Field::shown("figures", FigureText, |estimate: &Estimate| {
                Value::owned(estimate.figures())
            })
            .ordered_by(|estimate| figures_key(Some(estimate.low), Some(estimate.high))),
            Field::shown("counts", Text, |estimate| {
                Value::text(estimate.counts.name())
            }),
            Field::hidden("from", Text, |estimate| date(estimate.period.from)),
            Field::hidden("to", Text, |estimate| date(estimate.period.end())),
            Field::hidden("precision", Text, |estimate| {
                Value::text(estimate.period.precision.name())
            }),
            Field::hidden("period", Text, |estimate| {
                Value::text(&estimate.period.text)
            }),
            Field::shown("when", Text, |estimate| {
                Value::owned(estimate.period.label())
            }),
            Field::shown("region", Text, |estimate: &Estimate| {
                Value::optional_text(estimate.region.as_deref())
            })
            .named(|estimate, names| {
                Value::optional_text(
                    estimate
                        .region
                        .as_deref()
                        .map(|region| names.region(region)),
                )
            }),
            Field::hidden("coverage", Text, |estimate| {
                Value::optional_text(estimate.coverage.map(Coverage::name))
            }),
            Field::shown("by", Text, |estimate: &Estimate| {
                Value::Text(maker_of(estimate))
            }),
            Field::hidden("attributed_to", Text, |estimate| {
                Value::text(&estimate.attributed_to)
            }),
            Field::hidden("party_to_conflict", Flag, |estimate| {
                Value::Bool(estimate.party_to_conflict)
            }),
            Field::hidden("source", Id, |estimate| Value::text(&estimate.source)),
            Field::hidden("section", Text, |estimate| {
                Value::optional_text(estimate.section.as_deref())
            }),
            Field::hidden("note", Text, |estimate| {
                Value::optional_text(estimate.note.as_deref())
            }),
            Field::hidden("same_figure_as", List, |estimate| {
                Value::texts(estimate.same_figure_as.iter().map(AsRef::as_ref))
            }),
        ]
    }
}

/// Fields of `nkru timeline`, for events whose text borrows for any lifetime `'e`.
pub fn events<'f, 'e: 'f>() -> &'f [Field<Event<'e>>] {
    const {
        &[
            Field::hidden("id", Id, |event| Value::text(&event.id)),
            Field::hidden("from", Text, |event| date(event.period.from)),
            Field::hidden("to", Text, |event| date(event.period.end())),
            Field::hidden("precision", Text, |event| {
                Value::text(event.period.precision.name())
            }),
            Field::shown("when", Text, |event| Value::text(&event.period.text)),
            Field::shown("groups", List, |event| {
                Value::texts(event.groups.iter().map(AsRef::as_ref))
            }),
            Field::shown("description", Text, |event| Value::text(&event.description)),
            Field::hidden("attributed_to", Text, |event| {
                Value::optional_text(event.attributed_to.as_deref())
            }),
            Field::shown("source", Id, |event| Value::text(&event.source)),
            Field::hidden("section", Text, |event| {
                Value::optional_text(event.section.as_deref())
            }),
        ]
    }
}

/// Fields of `nkru related`, one record per related population, whose text borrows for any
/// lifetime `'r`.
pub fn related<'f, 'r: 'f>() -> &'f [Field<Related<'r>>] {
    const {
        &[
            Field::shown("id", Id, |related| Value::text(&related.id)),
            Field::shown("name", Text, |related: &Related| Value::text(&related.name))
                .named(|related, names| Value::text(names.related(related))),
            Field::shown("description", Text, |related| {
                Value::text(&related.description)
            }),
            Field::hidden("origin", Text, |related| Value::text(&related.origin)),
            Field::hidden("destination", Text, |related| {
                Value::text(&related.destination)
            }),
            Field::hidden("from", Text, |related| date(related.period.from)),
            Field::hidden("to", Text, |related| date(related.period.end())),
            Field::hidden("precision", Text, |related| {
                Value::text(related.period.precision.name())
            }),
            Field::shown("period", Text, |related| Value::text(&related.period.text)),
            Field::shown("source", Id, |related| Value::text(&related.source)),
            Field::hidden("section", Text, |related| {
                Value::optional_text(related.section.as_deref())
            }),
        ]
    }
}

impl<'a> About<'a> {
    /// Fields of `nkru about`, the one record of the dataset's own facts.
    pub const FIELDS: &'a [Field<Self>] = &[
        Field::shown("title", Text, |about| Value::text(&about.dataset.title)),
        Field::shown("version", Text, |about| Value::text(&about.dataset.version)),
        Field::shown("as_of", Text, |about| date(Some(about.dataset.as_of))),
        Field::shown("figures_to", Text, |about| date(about.figures_to)),
        Field::shown("overview", Text, |about| {
            Value::text(&about.dataset.overview)
        }),
        Field::shown("categories", List, |about| {
            Value::texts(about.dataset.categories.iter().map(AsRef::as_ref))
        }),
        Field::shown("groups", List, |about| {
            Value::texts(about.dataset.groups.iter().map(|group| group.id.as_ref()))
        }),
        Field::shown("related", List, |about| {
            Value::texts(
                about
                    .dataset
                    .related
                    .iter()
                    .map(|related| related.id.as_ref()),
            )
        }),
    ];
}

impl<'a> GroupOverview<'a> {
    /// Fields of `nkru groups`.
    pub const FIELDS: &'a [Field<Self>] = &[
        Field::shown("id", Id, |line| Value::text(&line.group.id)),
        Field::shown("name", Text, |line: &Self| Value::text(&line.group.name))
            .named(|line, names| Value::text(names.group(line.group))),
        Field::hidden("aliases", List, |line: &Self| {
            Value::texts(line.group.aliases.iter().map(AsRef::as_ref))
        })
        .named(|line, names| Value::texts(names.aliases(line.group).into_iter())),
        Field::shown("from", Number, |line| Value::optional_integer(line.from)),
        Field::shown("to", Number, |line| Value::optional_integer(line.to)),
        Field::hidden("periods", List, |line| {
            Value::texts(line.group.periods.iter().map(|period| period.text.as_ref()))
        }),
        Field::hidden("estimates", Number, |line| Value::count(line.estimates)),
        Field::shown("present", FigureText, |line: &Self| {
            headline_words(line.present.as_ref())
        })
        .ordered_by(|line| headline_key(line.present.as_ref())),
        Field::shown("when", Text, |line: &Self| {
            headline_when(line.present.as_ref(), Names::english())
        })
        .named(|line, names| headline_when(line.present.as_ref(), names)),
        Field::shown("by", Text, |line| headline_by_first(line.present.as_ref())),
        Field::hidden("present_low", Figure, |line| {
            Value::optional_figure(line.present.as_ref().map(Figures::low))
        }),
        Field::hidden("present_high", Figure, |line| {
            Value::optional_figure(line.present.as_ref().map(Figures::high))
        }),
        Field::hidden("present_estimates", List, |line| {
            headline_ids(line.present.as_ref())
        }),
        Field::hidden("present_by", List, |line| {
            headline_makers(line.present.as_ref())
        }),
        Field::hidden("latest_estimate", Id, |line| {
            Value::optional_text(line.latest.map(|estimate| estimate.id.as_ref()))
        }),
        Field::hidden("latest_low", Figure, |line| low_of(line.latest)),
        Field::hidden("latest_high", Figure, |line| high_of(line.latest)),
        Field::hidden("latest", FigureText, |line: &Self| figures_of(line.latest))
            .ordered_by(|line| latest_key(line.latest)),
        Field::hidden("latest_period", Text, |line| period_of(line.latest)),
        Field::hidden("latest_attributed_to", Text, |line| author_of(line.latest)),
        Field::hidden("latest_source", Id, |line| source_of(line.latest)),
    ];
}

impl<'a> Trend<'a> {
    /// Fields of `nkru trend`.
    pub const FIELDS: &'a [Field<Self>] = &[
        Field::hidden("group", Id, |trend| Value::text(trend.id)),
        Field::hidden("counts", Text, |trend| {
            Value::text(trend.figures.counts.name())
        }),
        Field::shown("when", Text, |trend: &Self| {
            Value::owned(when(&trend.figures, Names::english()))
        })
        .named(|trend, names| Value::owned(when(&trend.figures, names))),
        Field::hidden("period", Text, |trend| Value::owned(trend.figures.period())),
        Field::shown("figures", FigureText, |trend: &Self| {
            Value::owned(trend.figures.words())
        })
        .ordered_by(|trend| headline_key(Some(&trend.figures))),
        Field::hidden("low", Figure, |trend| Value::figure(trend.figures.low())),
        Field::hidden("high", Figure, |trend| Value::figure(trend.figures.high())),
        Field::shown("n", Number, |trend| {
            Value::count(trend.figures.estimates.len())
        }),
        Field::shown("by", Text, |trend| Value::owned(by(&trend.figures))),
        Field::hidden("makers", List, |trend| {
            headline_makers(Some(&trend.figures))
        }),
        Field::hidden("party_to_conflict", Flag, |trend| {
            Value::Bool(trend.figures.by_a_party())
        }),
        Field::hidden("coverage", Text, |trend| {
            Value::optional_text(trend.figures.coverage().map(Coverage::name))
        }),
        Field::hidden("estimates", List, |trend| {
            headline_ids(Some(&trend.figures))
        }),
    ];
}

/// Headline figures in words, or null.
fn headline_words(figures: Option<&Figures<'_>>) -> Value<'static> {
    figures.map_or(Value::Null, |figures| Value::owned(figures.words()))
}

/// The key that orders by headline figures.
fn headline_key(figures: Option<&Figures<'_>>) -> Vec<Value<'static>> {
    figures_key(figures.map(Figures::low), figures.map(Figures::high))
}

/// When headline figures apply, in a few characters ([`when`]), or null.
fn headline_when(figures: Option<&Figures<'_>>, names: &Names<'_>) -> Value<'static> {
    figures.map_or(Value::Null, |figures| Value::owned(when(figures, names)))
}

/// The first maker of headline figures and how many more ([`by_first`]), or null.
fn headline_by_first(figures: Option<&Figures<'_>>) -> Value<'static> {
    figures.map_or(Value::Null, |figures| Value::owned(by_first(figures)))
}

/// The ids of headline figures.
fn headline_ids<'a>(figures: Option<&Figures<'a>>) -> Value<'a> {
    Value::texts(figures.into_iter().flat_map(|figures| {
        figures
            .estimates
            .iter()
            .map(|estimate| estimate.id.as_ref())
    }))
}

/// Who made headline figures, each once, in a few words ([`crate::query::headline::maker`]).
fn headline_makers<'a>(figures: Option<&Figures<'a>>) -> Value<'a> {
    Value::List(
        figures
            .map(Figures::makers)
            .unwrap_or_default()
            .into_iter()
            .map(Into::into)
            .collect(),
    )
}

impl<'a> GroupDetail<'a> {
    /// Fields of `nkru group` in the tabular formats.
    pub const FIELDS: &'a [Field<Self>] = &[
        Field::shown("id", Id, |detail| Value::text(&detail.group.id)),
        Field::shown("name", Text, |detail: &Self| {
            Value::text(&detail.group.name)
        })
        .named(|detail, names| Value::text(names.group(detail.group))),
        Field::shown("aliases", List, |detail: &Self| {
            Value::texts(detail.group.aliases.iter().map(AsRef::as_ref))
        })
        .named(|detail, names| Value::texts(names.aliases(detail.group).into_iter())),
        Field::shown("description", Text, |detail| {
            Value::text(&detail.group.description)
        }),
        Field::shown("from", Number, |detail| {
            Value::optional_integer(detail.from)
        }),
        Field::shown("to", Number, |detail| Value::optional_integer(detail.to)),
        Field::shown("periods", List, |detail| {
            Value::texts(
                detail
                    .group
                    .periods
                    .iter()
                    .map(|period| period.text.as_ref()),
            )
        }),
        Field::shown("facts", List, |detail| {
            Value::texts(detail.group.facts.iter().map(|fact| fact.text.as_ref()))
        }),
        Field::shown("estimate_ids", List, |detail| {
            Value::texts(detail.estimates.iter().map(|estimate| estimate.id.as_ref()))
        }),
        Field::shown("event_ids", List, |detail| {
            Value::texts(detail.events.iter().map(|event| event.id.as_ref()))
        }),
        Field::shown("source_ids", List, |detail| {
            Value::texts(detail.sources.iter().map(|source| source.id.as_ref()))
        }),
    ];
}

impl<'a> Summary<'a> {
    /// Fields of the rows of `nkru summary`.
    pub const FIELDS: &'a [Field<Self>] = &[
        Field::shown("id", Id, |line| Value::text(line.id)),
        Field::hidden("name", Text, |line| Value::text(line.name)),
        Field::shown("counts", Text, |line| {
            Value::optional_text(line.counts.map(Counts::name))
        }),
        Field::shown("headline", FigureText, |line: &Self| {
            headline_words(line.headline.as_ref())
        })
        .ordered_by(|line| headline_key(line.headline.as_ref())),
        Field::shown("when", Text, |line: &Self| {
            headline_when(line.headline.as_ref(), Names::english())
        })
        .named(|line, names| headline_when(line.headline.as_ref(), names)),
        Field::shown("by", Text, |line| headline_by_first(line.headline.as_ref())),
        Field::hidden("headline_low", Figure, |line| {
            Value::optional_figure(line.headline.as_ref().map(Figures::low))
        }),
        Field::hidden("headline_high", Figure, |line| {
            Value::optional_figure(line.headline.as_ref().map(Figures::high))
        }),
        Field::hidden("headline_period", Text, |line| {
            line.headline
                .as_ref()
                .map_or(Value::Null, |figures| Value::owned(figures.period()))
        }),
        Field::hidden("headline_estimates", List, |line| {
            Value::texts(line.headline.iter().flat_map(|figures| {
                figures
                    .estimates
                    .iter()
                    .map(|estimate| estimate.id.as_ref())
            }))
        }),
        Field::hidden("headline_by", List, |line| {
            Value::List(
                line.headline
                    .as_ref()
                    .map(Figures::makers)
                    .unwrap_or_default()
                    .into_iter()
                    .map(Into::into)
                    .collect(),
            )
        }),
        Field::hidden("headline_party_to_conflict", Flag, |line| {
            line.headline
                .as_ref()
                .map_or(Value::Null, |figures| Value::Bool(figures.by_a_party()))
        }),
        Field::hidden("headline_coverage", Text, |line| {
            Value::optional_text(
                line.headline
                    .as_ref()
                    .and_then(Figures::coverage)
                    .map(Coverage::name),
            )
        }),
        Field::hidden("from", Number, |line| Value::optional_integer(line.from)),
        Field::hidden("to", Number, |line| Value::optional_integer(line.to)),
        Field::hidden("estimates", Number, |line| Value::count(line.estimates)),
        Field::hidden("undated", Number, |line| Value::count(line.undated)),
        Field::hidden("lowest", Figure, |line| Value::optional_figure(line.lowest)),
        Field::hidden("highest", Figure, |line| {
            Value::optional_figure(line.highest)
        }),
        Field::hidden("range", FigureText, |line: &Self| {
            match (line.lowest, line.highest) {
                (Some(lowest), Some(highest)) => {
                    Value::owned(crate::text::figure_range(lowest, highest))
                }
                _ => Value::Null,
            }
        })
        .ordered_by(|line| figures_key(line.lowest, line.highest)),
        Field::hidden("latest_estimate", Id, |line| {
            Value::optional_text(line.latest.map(|estimate| estimate.id.as_ref()))
        }),
        Field::hidden("latest_low", Figure, |line| low_of(line.latest)),
        Field::hidden("latest_high", Figure, |line| high_of(line.latest)),
        Field::hidden("latest", FigureText, |line: &Self| figures_of(line.latest))
            .ordered_by(|line| latest_key(line.latest)),
        Field::hidden("latest_period", Text, |line| period_of(line.latest)),
        Field::hidden("latest_attributed_to", Text, |line| author_of(line.latest)),
        Field::hidden("latest_source", Id, |line| source_of(line.latest)),
    ];
}

impl<'a> Hit<'a> {
    /// Fields of `nkru search`.
    pub const FIELDS: &'a [Field<Self>] = &[
        Field::shown("kind", Text, |hit| Value::text(hit.kind)),
        Field::shown("id", Id, |hit| Value::text(hit.id)),
        Field::shown("field", Text, |hit| Value::Text(hit.field_name())),
        Field::shown("text", Text, |hit| Value::text(&hit.text)),
    ];
}

impl<'a> FactRecord<'a> {
    /// Fields of `nkru facts`.
    pub const FIELDS: &'a [Field<Self>] = &[
        Field::shown("id", Id, |record| Value::text(&record.id)),
        Field::shown("group", Id, |record| Value::text(&record.group.id)),
        Field::shown("text", Text, |record| Value::text(&record.fact.text)),
        Field::shown("source", Id, |record| Value::text(&record.fact.source)),
        Field::shown("section", Text, |record| {
            Value::optional_text(record.fact.section.as_deref())
        }),
        Field::hidden("publisher", Text, |record| {
            Value::optional_text(record.source.map(|source| source.publisher.as_ref()))
        }),
        Field::hidden("title", Text, |record| {
            Value::optional_text(record.source.map(|source| source.title.as_ref()))
        }),
        Field::hidden("date", Text, |record| {
            date(record.source.and_then(|source| source.date))
        }),
        Field::hidden("url", Text, |record| {
            Value::optional_text(record.source.and_then(|source| source.url.as_deref()))
        }),
    ];
}

/// Fields of `nkru diff`.
pub const CHANGES: &[Field<Change>] = &[
    Field::shown("kind", Text, |change| Value::text(change.kind)),
    Field::shown("list", Text, |change| Value::text(&change.list)),
    Field::shown("id", Id, |change| Value::text(&change.id)),
    Field::shown("field", Text, |change| {
        Value::optional_text(change.field.as_deref())
    }),
    Field::shown("old", Text, |change| {
        Value::optional_text(change.old.as_deref())
    }),
    Field::shown("new", Text, |change| {
        Value::optional_text(change.new.as_deref())
    }),
];

impl<'a> Citations<'a> {
    /// Fields of `nkru sources`.
    pub const FIELDS: &'a [Field<Self>] = &[
        Field::shown("id", Id, |cited| Value::text(&cited.source.id)),
        Field::shown("publisher", Text, |cited| {
            Value::text(&cited.source.publisher)
        }),
        Field::shown("title", Text, |cited| Value::text(&cited.source.title)),
        Field::hidden("title_english", Text, |cited| {
            Value::optional_text(cited.source.title_english.as_deref())
        }),
        Field::shown("date", Text, |cited| date(cited.source.date)),
        Field::hidden("kind", Text, |cited| Value::text(cited.source.kind.name())),
        Field::shown("url", Text, |cited| {
            Value::optional_text(cited.source.url.as_deref())
        }),
        Field::hidden("retrieved", Text, |cited| date(cited.source.retrieved)),
        Field::hidden("original_publisher", Text, |cited| {
            Value::optional_text(cited.source.original_publisher.as_deref())
        }),
        Field::hidden("language", Text, |cited| {
            Value::optional_text(cited.source.language.as_deref())
        }),
        Field::hidden("note", Text, |cited| {
            Value::optional_text(cited.source.note.as_deref())
        }),
        Field::shown("citations", Number, |cited| {
            Value::count(cited.cited_by.len())
        }),
        Field::hidden("cited_by", List, |cited| {
            Value::texts(cited.cited_by.iter().copied())
        }),
    ];
}

/// When headline figures apply, in a few characters, and the places they cover when nothing
/// wider exists, as `names` shows them: `2025`, or `2025, Kursk region only`.
pub fn when(figures: &Figures<'_>, names: &Names<'_>) -> String {
    // Two places may have one name in the language.
    let places = crate::query::distinct(
        figures
            .places()
            .into_iter()
            .map(|place| names.region(place)),
    );
    if places.is_empty() {
        figures.label()
    } else {
        format!("{}, {} only", figures.label(), places.join(", "))
    }
}

/// Who made headline figures, in short: the first maker and how many more, `NIS +2`, a party
/// to the conflict marked `*` (after the count when it is among the others).
pub fn by_first(figures: &Figures<'_>) -> String {
    let makers = makers(figures);
    let first_shortened = makers.first().map(|first| {
        let marked = first.ends_with('*');
        let mut short = shortened(first.trim_end_matches('*'));
        if marked {
            short.push('*');
        }
        short
    });
    match makers.split_first() {
        Some((_, [])) => first_shortened.unwrap_or_default(),
        Some((first, rest)) => {
            let marked = if rest.iter().any(|maker| maker.ends_with('*')) {
                "*"
            } else {
                ""
            };
            format!(
                "{} +{}{marked}",
                first_shortened.as_deref().unwrap_or(first),
                rest.len()
            )
        }
        None => String::new(),
    }
}

/// A maker's name in at most 16 characters, cut after its last whole word, with `…`.
fn shortened(maker: &str) -> String {
    const MOST: usize = 16;
    if maker.chars().count() <= MOST {
        return maker.to_owned();
    }
    let mut kept = String::new();
    for word in maker.split(' ') {
        if kept.chars().count() + word.chars().count() + 1 > MOST - 1 {
            break;
        }
        if !kept.is_empty() {
            kept.push(' ');
        }
        kept.push_str(word);
    }
    if kept.is_empty() {
        kept = maker.chars().take(MOST - 1).collect();
    }
    kept.push('…');
    kept
}

/// Who made headline figures, in short, each made by a party to the conflict marked `*`.
pub fn by(figures: &Figures<'_>) -> String {
    makers(figures).join(", ")
}

/// Who made a figure, in a few words, a party to the conflict marked `*`.
fn maker_of<'a>(estimate: &'a Estimate<'_>) -> Cow<'a, str> {
    let maker = crate::query::headline::maker(&estimate.attributed_to);
    if estimate.party_to_conflict {
        Cow::Owned(format!("{maker}*"))
    } else {
        Cow::Borrowed(maker)
    }
}

/// Who made headline figures, each once, a party to the conflict marked `*`.
fn makers<'a>(figures: &'a Figures<'_>) -> Vec<Cow<'a, str>> {
    crate::query::distinct(figures.estimates.iter().map(|estimate| maker_of(estimate)))
}

/// A date as `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, or null when there is none.
fn date(date: Option<Date>) -> Value<'static> {
    date.map_or(Value::Null, |date| Value::owned(date.to_string()))
}

/// Who made an estimate's figure, or null when there is no estimate.
fn author_of<'a>(estimate: Option<&'a Estimate<'a>>) -> Value<'a> {
    Value::optional_text(estimate.map(|estimate| estimate.attributed_to.as_ref()))
}

/// The source of an estimate, or null when there is no estimate.
fn source_of<'a>(estimate: Option<&'a Estimate<'a>>) -> Value<'a> {
    Value::optional_text(estimate.map(|estimate| estimate.source.as_ref()))
}

/// An estimate's low figure, or null when there is none.
fn low_of(estimate: Option<&Estimate>) -> Value<'static> {
    Value::optional_figure(estimate.map(|estimate| estimate.low))
}

/// An estimate's high figure, or null when there is none.
fn high_of(estimate: Option<&Estimate>) -> Value<'static> {
    Value::optional_figure(estimate.map(|estimate| estimate.high))
}

/// An estimate's period in words, or null when there is none.
fn period_of<'a>(estimate: Option<&'a Estimate<'a>>) -> Value<'a> {
    Value::optional_text(estimate.map(|estimate| estimate.period.text.as_ref()))
}

/// An estimate's figures as people read them, or null when there is none.
fn figures_of(estimate: Option<&Estimate>) -> Value<'static> {
    estimate.map_or(Value::Null, |estimate| Value::owned(estimate.figures()))
}

/// The key that orders figures by their numbers: the low figure, then the high one.
fn figures_key(low: Option<u64>, high: Option<u64>) -> Vec<Value<'static>> {
    vec![Value::optional_figure(low), Value::optional_figure(high)]
}

/// The key that orders by an estimate's figures; null when there is no estimate.
fn latest_key(estimate: Option<&Estimate>) -> Vec<Value<'static>> {
    figures_key(
        estimate.map(|estimate| estimate.low),
        estimate.map(|estimate| estimate.high),
    )
}
