//! The dataset's types, exactly as they are written in a dataset file.

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A whole dataset: the groups, their population figures, events, sources and related peoples.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(remote = "Self")]
pub struct Dataset<'a> {
    /// The subject of the dataset.
    pub title: String,
    /// A short description of the whole subject.
    pub overview: String,
    /// The categories the subject is filed under.
    pub categories: Vec<String>,
    /// The version of the dataset's content.
    pub version: String,
    /// The day the dataset was last checked against its sources.
    pub as_of: Date,
    /// The groups of people the dataset is about.
    pub groups: Vec<Group>,
    /// Population figures, each a range with what it counts, its period, author and source.
    #[serde(borrow)]
    pub estimates: Vec<Estimate<'a>>,
    /// Dated events.
    pub events: Vec<Event>,
    /// The publications that records cite.
    pub sources: Vec<Source>,
    /// Populations related to the subject but not part of it.
    pub related: Vec<Related>,
    /// Korean and Russian names of the groups, places, people and organisations the dataset
    /// names; may be left out, as in files written for dataset 2.0.0.
    #[serde(default)]
    pub names: Vec<Name>,
    /// The index of ids every lookup goes through (`dataset::index`); not part of the file.
    #[serde(skip)]
    #[schemars(skip)]
    pub index: super::index::IndexCell,
}

impl Dataset<'_> {
    /// The dataset with its text copied, free of the input it was read from.
    pub fn into_owned(self) -> Dataset<'static> {
        Dataset {
            title: self.title,
            overview: self.overview,
            categories: self.categories,
            version: self.version,
            as_of: self.as_of,
            groups: self.groups,
            estimates: self
                .estimates
                .into_iter()
                .map(Estimate::into_owned)
                .collect(),
            events: self.events,
            sources: self.sources,
            related: self.related,
            names: self.names,
            index: self.index,
        }
    }
}

/// One group of people, such as the guest workers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(remote = "Self")]
pub struct Group {
    /// Short unique identifier, such as `workers`.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Other names the group goes by; any of them finds the group.
    pub aliases: Vec<String>,
    /// What the group is.
    pub description: String,
    /// The spans of time in which the group is documented.
    pub periods: Vec<Period>,
    /// Key facts about the group, each with its source.
    pub facts: Vec<Fact>,
}

/// A statement about a group, with where it comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(remote = "Self")]
pub struct Fact {
    /// The fact, in plain words.
    pub text: String,
    /// Id of the source that states it.
    pub source: String,
    /// Section of the source it comes from, or null when the source is not divided or the
    /// section does not matter.
    pub section: Option<String>,
}

/// A calendar date as precise as its source gives it: `2017`, `2017-12` or `2017-12-22`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// The year, from 0 to 9999.
    pub year: i32,
    /// The month, 1 to 12, when known.
    pub month: Option<u8>,
    /// The day of the month, when known; only with a month.
    pub day: Option<u8>,
}

/// How precisely a period is known, which decides how views print it.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Precision {
    /// An exact day: `from` is a full date.
    Date,
    /// A month: `from` is a year and month.
    Month,
    /// A year or a span of years: `from` is a year.
    Year,
    /// A part of a decade, such as "late 1940s": `from` and `to` are the years that bound it,
    /// for sorting; views print the words.
    DecadePart,
    /// Open at one end, such as "since 2024" or "until early 2017": exactly one of `from` and
    /// `to` is given.
    Open,
    /// Not known: neither `from` nor `to` is given.
    Unknown,
}

/// When something applies: how precisely it is known, its bounds and how the source words it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(remote = "Self")]
pub struct Period {
    /// How precisely the period is known.
    pub precision: Precision,
    /// The first date, or null when the source gives none.
    pub from: Option<Date>,
    /// The last date, or null: for a date, month or year the period is then `from` alone; for
    /// an open period it is still running or its start is all that is known.
    pub to: Option<Date>,
    /// The period in words, as views print it.
    pub text: String,
}

/// A population figure: a range of people of one kind counted over a period in a region, with
/// who made the figure and where it was read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(remote = "Self")]
pub struct Estimate<'a> {
    /// Short unique identifier.
    #[serde(borrow)]
    pub id: Cow<'a, str>,
    /// Id of the group counted, or of a related population; null for all North Koreans in Russia.
    // `default` keeps a missing optional field null, as serde reads an `Option` by itself; the
    // schema leaves out the `"default": null` it would add, as it did before the text borrowed.
    #[serde(default, borrow, deserialize_with = "borrowed::optional")]
    #[schemars(skip_serializing_if = "Option::is_none")]
    pub group: Option<Cow<'a, str>>,
    /// Lower figure of the range.
    pub low: u64,
    /// Upper figure of the range; equal to `low` for a single figure.
    pub high: u64,
    /// The words the source hedges the figure with, in the order it uses them; empty for a
    /// figure given plainly.
    pub qualifiers: Vec<Qualifier>,
    /// What the figure counts.
    pub counts: Counts,
    /// When the count applies.
    pub period: Period,
    /// Where the count applies, or null when the source does not say.
    #[serde(default, borrow, deserialize_with = "borrowed::optional")]
    #[schemars(skip_serializing_if = "Option::is_none")]
    pub region: Option<Cow<'a, str>>,
    /// How much of Russia the figure counts: the whole country, a region, a city or one site;
    /// null, or left out of a file, when not known.
    #[serde(default)]
    pub coverage: Option<Coverage>,
    /// Who made the figure: an office, a government, an organisation, a person, a study.
    #[serde(borrow)]
    pub attributed_to: Cow<'a, str>,
    /// Whether whoever made the figure is a party to the conflict the figure is about.
    pub party_to_conflict: bool,
    /// Id of the source where the figure was read.
    #[serde(borrow)]
    pub source: Cow<'a, str>,
    /// Section of the source the figure comes from, or null.
    #[serde(default, borrow, deserialize_with = "borrowed::optional")]
    #[schemars(skip_serializing_if = "Option::is_none")]
    pub section: Option<Cow<'a, str>>,
    /// What exactly the figure is and any caveat, or null.
    #[serde(default, borrow, deserialize_with = "borrowed::optional")]
    #[schemars(skip_serializing_if = "Option::is_none")]
    pub note: Option<Cow<'a, str>>,
    /// Ids of the other estimates that record the same figure from the same release, such as
    /// one briefing read in two outlets; each lists the other. May be left out of a file.
    #[serde(default)]
    pub same_figure_as: Vec<String>,
}

/// How much of Russia a figure counts.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Coverage {
    /// The whole of Russia.
    Russia,
    /// A part of Russia larger than a city: a federal subject, the Far East, a border area.
    Region,
    /// One city.
    City,
    /// One site, institution or employer: a university, a building site, a regiment's sector.
    Site,
}

/// A word a source hedges a figure with.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// About, roughly, around.
    About,
    /// More than, over.
    MoreThan,
    /// At least.
    AtLeast,
    /// Up to, as many as.
    UpTo,
    /// Fewer than, under.
    FewerThan,
    /// Almost, nearly: a little under the figure.
    Almost,
    /// Estimated.
    Estimated,
    /// Claimed by whoever made it, not confirmed.
    Claimed,
}

/// What a figure counts.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Counts {
    /// People present at a date or at one time.
    Present,
    /// Entries into Russia (border crossings) during the period.
    Entries,
    /// Visas issued during the period.
    Visas,
    /// Work permits issued during the period.
    Permits,
    /// People recruited or sent during the period.
    Recruited,
    /// People a plan, forecast, request or announcement expects, not yet counted.
    Planned,
    /// A possible total: a number someone says the count could reach or exceed; not a count.
    Possible,
    /// People an employer, a sector or a region says it wants, or a rumoured request; not
    /// places offered.
    Demand,
    /// People sent home during the period.
    Repatriated,
    /// People who went home and may come back, such as soldiers rotated out.
    Returned,
    /// People killed, wounded or captured.
    Casualties,
    /// Places offered, such as state-funded university places.
    Quota,
    /// Applications made, such as for asylum.
    Applications,
    /// Applications granted, such as refugee status.
    Granted,
    /// People admitted, such as new university students.
    Admitted,
    /// People who left for a third country, such as South Korea.
    Resettled,
    /// People counted by a census.
    Census,
}

/// A dated happening.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(remote = "Self")]
pub struct Event {
    /// Short unique identifier.
    pub id: String,
    /// When it happened; an event needs at least one date.
    pub period: Period,
    /// What happened.
    pub description: String,
    /// Ids of the groups it concerns; empty when it concerns all North Koreans in Russia.
    pub groups: Vec<String>,
    /// Who says it happened, when it is a claim; null when the source states it as fact.
    pub attributed_to: Option<String>,
    /// Id of the source where it was read.
    pub source: String,
    /// Section of the source it comes from, or null.
    pub section: Option<String>,
}

/// A publication that records cite: the page, report or article where they were read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(remote = "Self")]
pub struct Source {
    /// Short unique identifier.
    pub id: String,
    /// Who published it: a news agency, a newspaper, a ministry, an organisation.
    pub publisher: String,
    /// Its title, in the language it is written in.
    pub title: String,
    /// The title translated into English, when it is in another language and its meaning is
    /// clear; null, or left out, otherwise.
    #[serde(default)]
    pub title_english: Option<String>,
    /// When it was published, or null when it shows no date.
    pub date: Option<Date>,
    /// Where it can be read, or null for a work that is not online.
    pub url: Option<String>,
    /// The day it was read at `url`, or null when there is no URL.
    pub retrieved: Option<Date>,
    /// What sort of publication it is.
    pub kind: SourceKind,
    /// Who first published it, when the page is a copy, repost or translation; otherwise null.
    pub original_publisher: Option<String>,
    /// The language it is written in, as a code such as `en`, `ko` or `ru`, or null.
    pub language: Option<String>,
    /// Anything a reader should know about it, or null.
    pub note: Option<String>,
}

/// What sort of publication a source is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    /// A news report.
    News,
    /// A government statement or publication.
    Government,
    /// A United Nations document or statement.
    Un,
    /// A report or statement of a non-governmental organisation.
    Ngo,
    /// A study or paper.
    Study,
    /// An encyclopedia article.
    Encyclopedia,
}

/// A population related to the subject, such as the Koryo-saram.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(remote = "Self")]
pub struct Related {
    /// Short unique identifier.
    pub id: String,
    /// Name of the population.
    pub name: String,
    /// Who they are.
    pub description: String,
    /// Where they came from.
    pub origin: String,
    /// Where they went.
    pub destination: String,
    /// When they moved.
    pub period: Period,
    /// Id of the source that describes them.
    pub source: String,
    /// Section of the source they are described in, or null.
    pub section: Option<String>,
}

/// The Korean and Russian names of one thing the dataset names in English: a group, a place, a
/// person or an organisation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(remote = "Self")]
pub struct Name {
    /// Short unique identifier.
    pub id: String,
    /// The name in English, as the dataset's texts write it.
    pub en: String,
    /// Id of the group or related population this is a name of, or null.
    pub group: Option<String>,
    /// The name in Korean (Hangul), or null when no source read gives it.
    pub ko: Option<String>,
    /// The name in Russian (Cyrillic), or null when no source read gives it.
    pub ru: Option<String>,
    /// Other forms that also find it: romanisations, inflected forms, abbreviations.
    pub aliases: Vec<String>,
    /// Ids of the sources that give these names.
    pub sources: Vec<String>,
    /// Anything a reader should know about the names, or null.
    pub note: Option<String>,
}

/// Makes each record of the format readable from a JSON object only. serde reads a struct from
/// an array of its fields in order as well, which the format (and its JSON Schema) does not
/// allow; so each record's derived reading (`#[serde(remote = "Self")]` makes it an inherent
/// function) is reached through an object, and its derived writing through the trait. Its keys
/// are checked against its fields on the way (`keys`), so a file's unknown fields are noticed
/// without the cost of naming them.
macro_rules! objects_only {
    ($($record:ident),* $(,)?) => {$(
        objects_only!(@read $record, $record, $record);
        impl Serialize for $record {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                $record::serialize(self, serializer)
            }
        }
    )*};
    ($($record:ident<'a>),* $(,)?) => {$(
        objects_only!(@read $record, $record<'a>, $record<'de>, 'a);
        impl Serialize for $record<'_> {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                $record::serialize(self, serializer)
            }
        }
    )*};
    (@read $record:ident, $type:ty, $read:ty $(, $lifetime:lifetime)?) => {
        impl<'de $(: $lifetime, $lifetime)?> Deserialize<'de> for $type {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                static FIELDS: std::sync::OnceLock<&'static [&'static str]> = std::sync::OnceLock::new();
                struct Object<'de>(std::marker::PhantomData<&'de ()>);
                impl<'de> serde::de::Visitor<'de> for Object<'de> {
                    type Value = $read;
                    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
                        formatter.write_str("an object")
                    }
                    fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
                        let fields = *FIELDS.get_or_init(|| super::keys::fields(|probe| $record::deserialize(probe)));
                        let map = super::keys::Checked::new(map, fields);
                        $record::deserialize(serde::de::value::MapAccessDeserializer::new(map))
                    }
                }
                deserializer.deserialize_map(Object(std::marker::PhantomData))
            }
        }
    };
}

objects_only!(Group, Fact, Period, Event, Source, Related, Name);
objects_only!(Dataset<'a>, Estimate<'a>);

/// Text read from a dataset borrowed from the input where the input allows it (a string with
/// no escape in it), and copied otherwise.
mod borrowed {
    use std::borrow::Cow;
    use std::fmt;

    use serde::Deserializer;
    use serde::de::{Error, Visitor};

    /// Reads a string, borrowing it where it can.
    struct Text;

    impl<'de> Visitor<'de> for Text {
        type Value = Cow<'de, str>;

        fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
            formatter.write_str("a string")
        }

        fn visit_borrowed_str<E: Error>(self, text: &'de str) -> Result<Self::Value, E> {
            Ok(Cow::Borrowed(text))
        }

        fn visit_str<E: Error>(self, text: &str) -> Result<Self::Value, E> {
            Ok(Cow::Owned(text.to_owned()))
        }

        fn visit_string<E: Error>(self, text: String) -> Result<Self::Value, E> {
            Ok(Cow::Owned(text))
        }
    }

    /// Reads a string or null, borrowing the string where it can.
    struct Optional;

    impl<'de> Visitor<'de> for Optional {
        type Value = Option<Cow<'de, str>>;

        fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
            formatter.write_str("option")
        }

        fn visit_none<E: Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }

        fn visit_unit<E: Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }

        fn visit_some<D: Deserializer<'de>>(
            self,
            deserializer: D,
        ) -> Result<Self::Value, D::Error> {
            deserializer.deserialize_str(Text).map(Some)
        }
    }

    /// Reads an optional text field.
    pub fn optional<'de: 'a, 'a, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<Cow<'a, str>>, D::Error> {
        deserializer.deserialize_option(Optional)
    }
}

impl Date {
    /// The first moment of the date as a sortable key: a year sorts before its months.
    pub fn key(self) -> (i32, u8, u8) {
        (self.year, self.month.unwrap_or(0), self.day.unwrap_or(0))
    }

    /// Whether this date ends before `other` begins, comparing only as precisely as both are
    /// known: `2017` is not before `2017-05`, nor `2017-05` before `2017`.
    pub fn before(self, other: Date) -> bool {
        let common = |date: Date, month: bool, day: bool| {
            (
                date.year,
                if month { date.month } else { None },
                if day { date.day } else { None },
            )
        };
        let month = self.month.is_some() && other.month.is_some();
        let day = month && self.day.is_some() && other.day.is_some();
        common(self, month, day) < common(other, month, day)
    }

    /// The precision the date is written with.
    pub fn precision(self) -> Precision {
        match (self.month, self.day) {
            (Some(_), Some(_)) => Precision::Date,
            (Some(_), None) => Precision::Month,
            _ => Precision::Year,
        }
    }
}

/// Why a text is not a date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateError(String);

impl fmt::Display for DateError {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str(&self.0)
    }
}

impl FromStr for Date {
    type Err = DateError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let wrong = || {
            DateError(format!(
                "`{}` is not a date: write YYYY, YYYY-MM or YYYY-MM-DD",
                crate::text::quote(text)
            ))
        };
        let digits = |part: &str, length: usize| {
            (part.len() == length && part.bytes().all(|byte| byte.is_ascii_digit()))
                .then(|| part.parse::<i32>().ok())
                .flatten()
        };
        let mut parts = text.split('-');
        let year = parts
            .next()
            .and_then(|part| digits(part, 4))
            .ok_or_else(wrong)?;
        let month = match parts.next() {
            None => None,
            Some(part) => Some(digits(part, 2).ok_or_else(wrong)?),
        };
        let day = match parts.next() {
            None => None,
            Some(part) => Some(digits(part, 2).ok_or_else(wrong)?),
        };
        if parts.next().is_some() {
            return Err(wrong());
        }
        if let Some(month) = month
            && !(1..=12).contains(&month)
        {
            return Err(DateError(format!(
                "`{}` is not a date: the month must be from 01 to 12",
                crate::text::quote(text)
            )));
        }
        if let (Some(month), Some(day)) = (month, day)
            && !(1..=days_in_month(year, month)).contains(&day)
        {
            return Err(DateError(format!(
                "`{}` is not a date: that month has no day {day}",
                crate::text::quote(text)
            )));
        }
        // Both fit in a byte: the month was checked above and the day has two digits.
        let byte = |number: i32| u8::try_from(number).unwrap_or(u8::MAX);
        Ok(Date {
            year,
            month: month.map(byte),
            day: day.map(byte),
        })
    }
}

/// The number of days in a month of the Gregorian calendar.
fn days_in_month(year: i32, month: i32) -> i32 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(formatter, "{:04}", self.year)?;
        if let Some(month) = self.month {
            write!(formatter, "-{month:02}")?;
            if let Some(day) = self.day {
                write!(formatter, "-{day:02}")?;
            }
        }
        Ok(())
    }
}

impl Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Date;
            fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
                formatter.write_str("a date written YYYY, YYYY-MM or YYYY-MM-DD")
            }
            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Date, E> {
                text.parse().map_err(E::custom)
            }
        }
        deserializer.deserialize_str(Visitor)
    }
}

impl JsonSchema for Date {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Date".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A date as precise as its source gives it: YYYY, YYYY-MM or YYYY-MM-DD.",
            "type": "string",
            "pattern": "^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"
        })
    }
}

impl Period {
    /// The first year the period is known to include: the year of `from`, or of `to` when the
    /// start is not known, since a figure "until 2017" is known to hold only in 2017.
    pub fn first_year(&self) -> Option<i32> {
        self.anchor().map(|date| date.year)
    }

    /// The last date of the period: `to`, or `from` alone for a closed period with no `to`;
    /// none when the period is still open or unknown.
    pub fn end(&self) -> Option<Date> {
        match (self.precision, self.to) {
            (_, Some(to)) => Some(to),
            (Precision::Open | Precision::Unknown, None) => None,
            (_, None) => self.from,
        }
    }

    /// The last year of the period, when known.
    pub fn last_year(&self) -> Option<i32> {
        self.end().map(|date| date.year)
    }

    /// Whether the period runs on with no known end, such as "since 2024".
    pub fn is_open_ended(&self) -> bool {
        self.precision == Precision::Open && self.from.is_some() && self.to.is_none()
    }

    /// Whether the period has any known date.
    pub fn is_dated(&self) -> bool {
        self.from.is_some() || self.to.is_some()
    }

    /// Whether the period is known to include `year`; an undated period includes none.
    pub fn covers(&self, year: i32) -> bool {
        self.is_dated()
            && self.first_year().is_none_or(|from| from <= year)
            && self.last_year().is_none_or(|to| year <= to)
    }

    /// Whether the period is known to overlap the span `from..=to`, either end open.
    pub fn overlaps(&self, from: Option<i32>, to: Option<i32>) -> bool {
        if !self.is_dated() {
            return false;
        }
        let starts_before_end = match (self.first_year(), to) {
            (Some(start), Some(end)) => start <= end,
            _ => true,
        };
        let ends_after_start = match (self.last_year(), from) {
            (Some(end), Some(start)) => end >= start,
            _ => true,
        };
        starts_before_end && ends_after_start
    }

    /// Whether the period passes a filter of years: any period when neither bound is given,
    /// otherwise one known to overlap `from..=to`.
    pub fn within(&self, from: Option<i32>, to: Option<i32>) -> bool {
        (from.is_none() && to.is_none()) || self.overlaps(from, to)
    }

    /// The latest date the period is known to reach, for ordering by recency: its end, or its
    /// start when it is still open; none when undated.
    pub fn latest(&self) -> Option<Date> {
        self.to.or(self.from)
    }

    /// The date the period is placed at on a timeline: its start, or its end when only the end
    /// is known.
    pub fn anchor(&self) -> Option<Date> {
        self.from.or(self.to)
    }

    /// The period in a few characters, for a column of a table: `2025`, `2025-01–03`,
    /// `2017-09–2018-08`, `since 2024`; its words when it has no date or is a part of a decade.
    pub fn label(&self) -> String {
        if self.precision == Precision::DecadePart {
            return self.text.clone();
        }
        match (self.from, self.end()) {
            (Some(from), Some(to)) if from == to => from.to_string(),
            (Some(from), Some(to))
                if from.year == to.year && from.day.is_none() && to.day.is_none() =>
            {
                match (from.month, to.month) {
                    (Some(start), Some(end)) => format!("{}-{start:02}–{end:02}", from.year),
                    _ => from.year.to_string(),
                }
            }
            (Some(from), Some(to)) => format!("{from}–{to}"),
            (Some(from), None) => format!("since {from}"),
            (None, Some(to)) => format!("until {to}"),
            (None, None) => self.text.clone(),
        }
    }
}

impl Precision {
    /// The value as written in a dataset file.
    pub fn name(self) -> &'static str {
        match self {
            Precision::Date => "date",
            Precision::Month => "month",
            Precision::Year => "year",
            Precision::DecadePart => "decade_part",
            Precision::Open => "open",
            Precision::Unknown => "unknown",
        }
    }
}

impl Qualifier {
    /// The value as written in a dataset file.
    pub fn name(self) -> &'static str {
        match self {
            Qualifier::About => "about",
            Qualifier::MoreThan => "more_than",
            Qualifier::AtLeast => "at_least",
            Qualifier::UpTo => "up_to",
            Qualifier::FewerThan => "fewer_than",
            Qualifier::Almost => "almost",
            Qualifier::Estimated => "estimated",
            Qualifier::Claimed => "claimed",
        }
    }

    /// The words a reader sees before the figure.
    pub fn words(self) -> &'static str {
        match self {
            Qualifier::About => "about",
            Qualifier::MoreThan => "more than",
            Qualifier::AtLeast => "at least",
            Qualifier::UpTo => "up to",
            Qualifier::FewerThan => "fewer than",
            Qualifier::Almost => "almost",
            Qualifier::Estimated => "estimated",
            Qualifier::Claimed => "claimed",
        }
    }
}

impl Counts {
    /// Every kind, in the documented order.
    pub const ALL: [Counts; 17] = [
        Counts::Present,
        Counts::Entries,
        Counts::Visas,
        Counts::Permits,
        Counts::Recruited,
        Counts::Planned,
        Counts::Possible,
        Counts::Demand,
        Counts::Repatriated,
        Counts::Returned,
        Counts::Casualties,
        Counts::Quota,
        Counts::Applications,
        Counts::Granted,
        Counts::Admitted,
        Counts::Resettled,
        Counts::Census,
    ];

    /// The value as written in a dataset file.
    pub fn name(self) -> &'static str {
        match self {
            Counts::Present => "present",
            Counts::Entries => "entries",
            Counts::Visas => "visas",
            Counts::Permits => "permits",
            Counts::Recruited => "recruited",
            Counts::Planned => "planned",
            Counts::Possible => "possible",
            Counts::Demand => "demand",
            Counts::Repatriated => "repatriated",
            Counts::Returned => "returned",
            Counts::Casualties => "casualties",
            Counts::Quota => "quota",
            Counts::Applications => "applications",
            Counts::Granted => "granted",
            Counts::Admitted => "admitted",
            Counts::Resettled => "resettled",
            Counts::Census => "census",
        }
    }

    /// What the kind counts, in a few words.
    pub fn meaning(self) -> &'static str {
        match self {
            Counts::Present => "people present at one time",
            Counts::Entries => "entries into Russia",
            Counts::Visas => "visas issued",
            Counts::Permits => "work permits issued",
            Counts::Recruited => "people recruited or sent",
            Counts::Planned => "people planned or expected",
            Counts::Possible => "a possible total, not a count",
            Counts::Demand => "people wanted by employers",
            Counts::Repatriated => "people sent home",
            Counts::Returned => "people rotated home",
            Counts::Casualties => "people killed, wounded or captured",
            Counts::Quota => "places offered",
            Counts::Applications => "applications made",
            Counts::Granted => "applications granted",
            Counts::Admitted => "people admitted",
            Counts::Resettled => "people who left for a third country",
            Counts::Census => "people counted by a census",
        }
    }
}

impl Coverage {
    /// Every coverage, from the widest.
    pub const ALL: [Coverage; 4] = [
        Coverage::Russia,
        Coverage::Region,
        Coverage::City,
        Coverage::Site,
    ];

    /// The value as written in a dataset file.
    pub fn name(self) -> &'static str {
        match self {
            Coverage::Russia => "russia",
            Coverage::Region => "region",
            Coverage::City => "city",
            Coverage::Site => "site",
        }
    }

    /// The coverage in words.
    pub fn words(self) -> &'static str {
        match self {
            Coverage::Russia => "all of Russia",
            Coverage::Region => "one region",
            Coverage::City => "one city",
            Coverage::Site => "one site",
        }
    }
}

impl SourceKind {
    /// The value as written in a dataset file.
    pub fn name(self) -> &'static str {
        match self {
            SourceKind::News => "news",
            SourceKind::Government => "government",
            SourceKind::Un => "un",
            SourceKind::Ngo => "ngo",
            SourceKind::Study => "study",
            SourceKind::Encyclopedia => "encyclopedia",
        }
    }

    /// The kind in words.
    pub fn words(self) -> &'static str {
        match self {
            SourceKind::News => "news report",
            SourceKind::Government => "government publication",
            SourceKind::Un => "UN document",
            SourceKind::Ngo => "NGO report",
            SourceKind::Study => "study",
            SourceKind::Encyclopedia => "encyclopedia article",
        }
    }
}

impl Estimate<'_> {
    /// The estimate with its text copied, free of the input it was read from.
    pub fn into_owned(self) -> Estimate<'static> {
        let owned = |text: Option<Cow<'_, str>>| text.map(|text| Cow::Owned(text.into_owned()));
        Estimate {
            id: Cow::Owned(self.id.into_owned()),
            group: owned(self.group),
            low: self.low,
            high: self.high,
            qualifiers: self.qualifiers,
            counts: self.counts,
            period: self.period,
            region: owned(self.region),
            attributed_to: Cow::Owned(self.attributed_to.into_owned()),
            party_to_conflict: self.party_to_conflict,
            source: Cow::Owned(self.source.into_owned()),
            section: owned(self.section),
            note: owned(self.note),
            coverage: self.coverage,
            same_figure_as: self.same_figure_as,
        }
    }

    /// The figures as people read them, such as `about 15,000–20,000` or `estimated more than 100–500`.
    pub fn figures(&self) -> String {
        let mut words = String::with_capacity(32);
        for qualifier in &self.qualifiers {
            words.push_str(qualifier.words());
            words.push(' ');
        }
        crate::text::push_figure_range(&mut words, self.low, self.high);
        words
    }

    /// Whether the range `low..=high` overlaps the bounds given, either end open.
    pub fn overlaps_range(&self, min: Option<u64>, max: Option<u64>) -> bool {
        min.is_none_or(|min| self.high >= min) && max.is_none_or(|max| self.low <= max)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_in_any_order_are_known_and_an_unknown_one_is_noticed_wherever_it_is() {
        let fields = [
            r#""id": "e""#,
            r#""group": null"#,
            r#""low": 1"#,
            r#""high": 2"#,
            r#""qualifiers": []"#,
            r#""counts": "present""#,
            r#""period": {"precision": "unknown", "from": null, "to": null, "text": "t"}"#,
            r#""attributed_to": "a""#,
            r#""party_to_conflict": false"#,
            r#""source": "s""#,
        ];
        let read = |fields: &[&str]| {
            let text = format!("{{{}}}", fields.join(", "));
            super::super::keys::noting_unknown(|| {
                serde_json::from_str::<Estimate<'_>>(&text).is_ok()
            })
        };
        assert_eq!(read(&fields), (true, false));
        let mut reversed = fields.to_vec();
        reversed.reverse();
        assert_eq!(read(&reversed), (true, false));
        for position in [0, 5, fields.len()] {
            let mut with_unknown = fields.to_vec();
            with_unknown.insert(position, r#""notes": "x""#);
            assert_eq!(read(&with_unknown), (true, true), "at {position}");
        }
    }

    #[test]
    fn text_borrows_from_the_input_unless_it_holds_an_escape() {
        let text = r#"{"id": "plain", "group": null, "low": 1, "high": 2, "qualifiers": [],
            "counts": "present", "period": {"precision": "unknown", "from": null, "to": null,
            "text": "t"}, "region": "Tver\u0027", "attributed_to": "a \"b\"",
            "party_to_conflict": false, "source": "s"}"#;
        let estimate: Estimate<'_> = serde_json::from_str(text).expect("an estimate");
        assert!(matches!(estimate.id, Cow::Borrowed("plain")));
        assert!(matches!(estimate.source, Cow::Borrowed("s")));
        assert!(matches!(estimate.region.as_deref(), Some("Tver'")));
        assert!(matches!(estimate.region, Some(Cow::Owned(_))));
        assert_eq!(estimate.attributed_to, "a \"b\"");
        assert_eq!((estimate.section, estimate.note), (None, None));
    }

    fn date(text: &str) -> Date {
        text.parse().expect("a date")
    }

    fn period(precision: Precision, from: Option<&str>, to: Option<&str>) -> Period {
        Period {
            precision,
            from: from.map(date),
            to: to.map(date),
            text: String::from("test"),
        }
    }

    #[test]
    fn dates_parse_at_three_precisions_and_print_back() {
        for text in ["2017", "2017-12", "2017-12-22", "2024-02-29", "0001"] {
            assert_eq!(date(text).to_string(), text);
        }
        assert_eq!(date("2017").precision(), Precision::Year);
        assert_eq!(date("2017-12").precision(), Precision::Month);
        assert_eq!(date("2017-12-22").precision(), Precision::Date);
    }

    #[test]
    fn impossible_dates_are_refused_with_the_reason() {
        for text in [
            "17",
            "2017-1",
            "2017-13",
            "2017-00",
            "2023-02-29",
            "2017-12-22-1",
            "",
            "2017/12",
            "+201",
        ] {
            assert!(text.parse::<Date>().is_err(), "{text}");
        }
        let error = "2023-02-29".parse::<Date>().expect_err("no such day");
        assert!(error.to_string().contains("no day 29"), "{error}");
    }

    #[test]
    fn dates_compare_only_as_precisely_as_both_are_known() {
        assert!(date("2016").before(date("2017-05")));
        assert!(!date("2017").before(date("2017-05")));
        assert!(!date("2017-05").before(date("2017")));
        assert!(date("2017-04-30").before(date("2017-05")));
        assert!(!date("2017-05-30").before(date("2017-05")));
        assert!(date("2017") < date("2017-01"));
    }

    #[test]
    fn a_label_is_the_period_in_a_few_characters() {
        let label = |precision, from, to| period(precision, from, to).label();
        assert_eq!(label(Precision::Year, Some("2025"), None), "2025");
        assert_eq!(
            label(Precision::Month, Some("2025-01"), Some("2025-03")),
            "2025-01–03"
        );
        assert_eq!(
            label(Precision::Month, Some("2017-09"), Some("2018-08")),
            "2017-09–2018-08"
        );
        assert_eq!(
            label(Precision::Year, Some("2011"), Some("2019")),
            "2011–2019"
        );
        assert_eq!(
            label(Precision::Date, Some("2025-01-02"), Some("2025-03-04")),
            "2025-01-02–2025-03-04"
        );
        assert_eq!(label(Precision::Open, Some("2024"), None), "since 2024");
        assert_eq!(label(Precision::Open, None, Some("2017")), "until 2017");
        assert_eq!(label(Precision::Unknown, None, None), "test");
        assert_eq!(
            label(Precision::DecadePart, Some("1945"), Some("1949")),
            "test"
        );
    }

    #[test]
    fn a_closed_period_without_to_is_its_start_alone() {
        let year = period(Precision::Year, Some("2015"), None);
        assert_eq!(year.last_year(), Some(2015));
        assert!(year.covers(2015));
        assert!(!year.covers(2016));
        assert!(!year.is_open_ended());
        let since = period(Precision::Open, Some("2024"), None);
        assert!(since.is_open_ended());
        assert!(since.covers(2030));
        assert!(!since.covers(2023));
        let until = period(Precision::Open, None, Some("2017-04"));
        assert!(!until.is_open_ended());
        assert!(until.covers(2017));
        assert!(!until.covers(1990));
        assert!(!until.covers(2018));
        assert_eq!(until.anchor(), Some(date("2017-04")));
        let unknown = period(Precision::Unknown, None, None);
        assert!(!unknown.covers(2000));
        assert!(!unknown.overlaps(None, None));
        assert_eq!(unknown.latest(), None);
    }

    #[test]
    fn overlaps_touching_disjoint_and_open_spans() {
        let late_forties = period(Precision::DecadePart, Some("1945"), Some("1949"));
        assert!(late_forties.overlaps(Some(1949), Some(1960)));
        assert!(late_forties.overlaps(Some(1930), Some(1945)));
        assert!(!late_forties.overlaps(Some(1950), None));
        assert!(!late_forties.overlaps(None, Some(1944)));
        assert!(late_forties.overlaps(None, None));
        assert!(late_forties.overlaps(Some(1946), Some(1947)));
        assert!(period(Precision::Open, Some("2000"), None).overlaps(Some(2020), Some(2021)));
    }

    fn estimate(qualifiers: Vec<Qualifier>, low: u64, high: u64) -> Estimate<'static> {
        Estimate {
            id: String::from("e").into(),
            group: None,
            low,
            high,
            qualifiers,
            counts: Counts::Present,
            period: period(Precision::Unknown, None, None),
            region: None,
            attributed_to: String::from("someone").into(),
            party_to_conflict: false,
            source: String::from("s").into(),
            section: None,
            note: None,
            coverage: None,
            same_figure_as: Vec::new(),
        }
    }

    #[test]
    fn figures_keep_every_qualifier_in_order() {
        assert_eq!(estimate(vec![], 100, 100).figures(), "100");
        assert_eq!(
            estimate(vec![Qualifier::Estimated, Qualifier::Almost], 100, 500).figures(),
            "estimated almost 100–500"
        );
        assert_eq!(
            estimate(vec![Qualifier::MoreThan], 10_000, 10_000).figures(),
            "more than 10,000"
        );
    }

    #[test]
    fn range_overlap_bounds_both_ends() {
        let estimate = estimate(vec![], 100, 500);
        assert!(estimate.overlaps_range(Some(500), None));
        assert!(!estimate.overlaps_range(Some(501), None));
        assert!(estimate.overlaps_range(None, Some(100)));
        assert!(!estimate.overlaps_range(None, Some(99)));
        assert!(estimate.overlaps_range(Some(200), Some(300)));
        assert!(estimate.overlaps_range(None, None));
    }

    #[test]
    fn every_kind_of_count_is_listed_once() {
        let names: std::collections::HashSet<&str> =
            Counts::ALL.iter().map(|kind| kind.name()).collect();
        assert_eq!(names.len(), Counts::ALL.len());
        for kind in Counts::ALL {
            let written = serde_json::to_string(&kind).expect("serializes");
            assert_eq!(written, format!("\"{}\"", kind.name()));
        }
    }
}
