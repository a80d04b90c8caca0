//! Records with their text copied, free of the input they were read from.

use super::{
    Dataset, Estimate, Event, Fact, Group, List, Name, Period, Related, Source, Stored, Text,
};

/// The text, copied.
fn text(text: Text<'_>) -> Text<'static> {
    Text::Owned(text.into_owned())
}

/// The text if any, copied.
fn optional(text: Option<Text<'_>>) -> Option<Text<'static>> {
    text.map(self::text)
}

/// The list with each item copied by `owned`.
fn list<'a, T: Stored + Clone + 'a, U: Clone>(
    list: List<'a, T>,
    owned: impl FnMut(T) -> U,
) -> List<'static, U> {
    List::Owned(list.into_owned().into_iter().map(owned).collect())
}

/// The texts, copied.
fn texts(texts: List<'_, Text<'_>>) -> List<'static, Text<'static>> {
    list(texts, text)
}

impl Dataset<'_> {
    /// The dataset with its text copied, free of the input it was read from.
    pub fn into_owned(self) -> Dataset<'static> {
        Dataset {
            title: text(self.title),
            overview: text(self.overview),
            categories: texts(self.categories),
            version: text(self.version),
            as_of: self.as_of,
            groups: list(self.groups, Group::into_owned),
            estimates: list(self.estimates, Estimate::into_owned),
            events: list(self.events, Event::into_owned),
            sources: list(self.sources, Source::into_owned),
            related: list(self.related, Related::into_owned),
            names: list(self.names, Name::into_owned),
            index: self.index,
        }
    }
}

impl Group<'_> {
    /// The group with its text copied.
    pub fn into_owned(self) -> Group<'static> {
        Group {
            id: text(self.id),
            name: text(self.name),
            aliases: texts(self.aliases),
            description: text(self.description),
            periods: list(self.periods, Period::into_owned),
            facts: list(self.facts, Fact::into_owned),
        }
    }
}

impl Fact<'_> {
    /// The fact with its text copied.
    pub fn into_owned(self) -> Fact<'static> {
        Fact {
            text: text(self.text),
            source: text(self.source),
            section: optional(self.section),
        }
    }
}

impl Period<'_> {
    /// The period with its text copied.
    pub fn into_owned(self) -> Period<'static> {
        Period {
            precision: self.precision,
            from: self.from,
            to: self.to,
            text: text(self.text),
        }
    }
}

impl Estimate<'_> {
    /// The estimate with its text copied.
    pub fn into_owned(self) -> Estimate<'static> {
        Estimate {
            id: text(self.id),
            group: optional(self.group),
            low: self.low,
            high: self.high,
            qualifiers: list(self.qualifiers, |qualifier| qualifier),
            counts: self.counts,
            period: self.period.into_owned(),
            region: optional(self.region),
            coverage: self.coverage,
            attributed_to: text(self.attributed_to),
            party_to_conflict: self.party_to_conflict,
            source: text(self.source),
            section: optional(self.section),
            note: optional(self.note),
            same_figure_as: texts(self.same_figure_as),
        }
    }
}

impl Event<'_> {
    /// The event with its text copied.
    pub fn into_owned(self) -> Event<'static> {
        Event {
            id: text(self.id),
            period: self.period.into_owned(),
            description: text(self.description),
            groups: texts(self.groups),
            attributed_to: optional(self.attributed_to),
            source: text(self.source),
            section: optional(self.section),
        }
    }
}

impl Source<'_> {
    /// The source with its text copied.
    pub fn into_owned(self) -> Source<'static> {
        Source {
            id: text(self.id),
            publisher: text(self.publisher),
            title: text(self.title),
            title_english: optional(self.title_english),
            date: self.date,
            url: optional(self.url),
            retrieved: self.retrieved,
            kind: self.kind,
            original_publisher: optional(self.original_publisher),
            language: optional(self.language),
            note: optional(self.note),
        }
    }
}

impl Related<'_> {
    /// The related population with its text copied.
    pub fn into_owned(self) -> Related<'static> {
        Related {
            id: text(self.id),
            name: text(self.name),
            description: text(self.description),
            origin: text(self.origin),
            destination: text(self.destination),
            period: self.period.into_owned(),
            source: text(self.source),
            section: optional(self.section),
        }
    }
}

impl Name<'_> {
    /// The names with their text copied.
    pub fn into_owned(self) -> Name<'static> {
        Name {
            id: text(self.id),
            en: text(self.en),
            group: optional(self.group),
            ko: optional(self.ko),
            ru: optional(self.ru),
            aliases: texts(self.aliases),
            sources: texts(self.sources),
            note: optional(self.note),
        }
    }
}
