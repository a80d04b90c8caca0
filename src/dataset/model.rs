//! The dataset's types, exactly as they are written in a dataset file.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A whole dataset: the groups, their population figures, events, sources and related peoples.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(remote = "Self")]
pub struct Dataset<'a> {
    /// The subject of the dataset.
    #[serde(borrow, deserialize_with = "borrowed::text")]
    pub title: Text<'a>,
    /// A short description of the whole subject.
    #[serde(borrow, deserialize_with = "borrowed::text")]
    pub overview: Text<'a>,
    /// The categories the subject is filed under.
    #[serde(borrow, deserialize_with = "borrowed::texts")]
    pub categories: List<'a, Text<'a>>,
    /// The version of the dataset's content.
    #[serde(borrow, deserialize_with = "borrowed::text")]
    pub version: Text<'a>,
    /// The day the dataset was last checked against its sources.
    pub as_of: Date,
    /// The groups of people the dataset is about.
    #[serde(borrow)]
    pub groups: List<'a, Group<'a>>,
    /// Population figures, each a range with what it counts, its period, author and source.
    #[serde(borrow)]
    pub estimates: List<'a, Estimate<'a>>,
    /// Dated events.
    #[serde(borrow)]
    pub events: List<'a, Event<'a>>,
    /// The publications that records cite.
    #[serde(borrow)]
    pub sources: List<'a, Source<'a>>,
    /// Populations related to the subject but not part of it.
    #[serde(borrow)]
    pub related: List<'a, Related<'a>>,
    /// Korean and Russian names of the groups, places, people and organisations the dataset
    /// names; may be left out, as in files written for dataset 2.0.0.
    #[serde(default, borrow)]
    pub names: List<'a, Name<'a>>,
    /// The index of ids every lookup goes through (`dataset::index`); not part of the file.
    #[serde(skip)]
    #[schemars(skip)]
    pub index: super::index::IndexCell,
}

/// One group of people, such as the guest workers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(remote = "Self")]
pub struct Group<'a> {
    /// Short unique identifier, such as `workers`.
    #[serde(borrow, deserialize_with = "borrowed::text")]
    pub id: Text<'a>,
    /// Display name.
    #[serde(borrow, deserialize_with = "borrowed::text")]
    pub name: Text<'a>,
    /// Other names the group goes by; any of them finds the group.
    #[serde(borrow, deserialize_with = "borrowed::texts")]
    pub aliases: List<'a, Text<'a>>,
    /// What the group is.
    #[serde(borrow, deserialize_with = "borrowed::text")]
    pub description: Text<'a>,
    /// The spans of time in which the group is documented.
    #[serde(borrow)]
    pub periods: List<'a, Period<'a>>,
    /// Key facts about the group, each with its source.
    #[serde(borrow)]
    pub facts: List<'a, Fact<'a>>,
}

/// A statement about a group, with where it comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(remote = "Self")]
pub struct Fact<'a> {
    /// The fact, in plain words.
    #[serde(borrow, deserialize_with = "borrowed::text")]
    pub text: Text<'a>,
    /// Id of the source that states it.
    #[serde(borrow, deserialize_with = "borrowed::text")]
    pub source: Text<'a>,
    /// Section of the source it comes from, or null when the source is not divided or the
    /// section does not matter.
    #[serde(default, borrow, deserialize_with = "borrowed::optional")]
    #[schemars(skip_serializing_if = "Option::is_none")]
    pub section: Option<Text<'a>>,
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
pub struct Period<'a> {
    /// How precisely the period is known.
    pub precision: Precision,
    /// The first date, or null when the source gives none.
    pub from: Option<Date>,
    /// The last date, or null: for a date, month or year the period is then `from` alone; for
    /// an open period it is still running or its start is all that is known.
    pub to: Option<Date>,
    /// The period in words, as views print it.
    #[serde(borrow, deserialize_with = "borrowed::text")]
    pub text: Text<'a>,
}

/// A population figure: a range of people of one kind counted over a period in a region, with
/// who made the figure and where it was read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(remote = "Self")]
pub struct Estimate<'a> {
    /// Short unique identifier.
    #[serde(borrow, deserialize_with = "borrowed::text")]
    pub id: Text<'a>,
    /// Id of the group counted, or of a related population; null for all North Koreans in Russia.
    #[serde(default, borrow, deserialize_with = "borrowed::optional")]
    #[schemars(skip_serializing_if = "Option::is_none")]
    pub group: Option<Text<'a>>,
    /// Lower figure of the range.
    pub low: u64,
    /// Upper figure of the range; equal to `low` for a single figure.
    pub high: u64,
    /// The words the source hedges the figure with, in the order it uses them; empty for a
    /// figure given plainly.
    pub qualifiers: List<'a, Qualifier>,
    /// What the figure counts.
    pub counts: Counts,
    /// When the count applies.
    #[serde(borrow)]
    pub period: Period<'a>,
    /// Where the count applies, or null when the source does not say.
    #[serde(default, borrow, deserialize_with = "borrowed::optional")]
    #[schemars(skip_serializing_if = "Option::is_none")]
    pub region: Option<Text<'a>>,
    /// How much of Russia the figure counts: the whole country, a region, a city or one site;
    /// null, or left out of a file, when not known.
    #[serde(default)]
    pub coverage: Option<Coverage>,
    /// Who made the figure: an office, a government, an organisation, a person, a study.
    #[serde(borrow, deserialize_with = "borrowed::text")]
    pub attributed_to: Text<'a>,
    /// Whether whoever made the figure is a party to the conflict the figure is about.
    pub party_to_conflict: bool,
    /// Id of the source where the figure was read.
    #[serde(borrow, deserialize_with = "borrowed::text")]
    pub source: Text<'a>,
    /// Section of the source the figure comes from, or null.
    #[serde(default, borrow, deserialize_with = "borrowed::optional")]
    #[schemars(skip_serializing_if = "Option::is_none")]
    pub section: Option<Text<'a>>,
    /// What exactly the figure is and any caveat, or null.
    #[serde(default, borrow, deserialize_with = "borrowed::optional")]
    #[schemars(skip_serializing_if = "Option::is_none")]
    pub note: Option<Text<'a>>,
    /// Ids of the other estimates that record the same figure from the same release, such as
    /// one briefing read in two outlets; each lists the other. May be left out of a file.
    #[serde(default, borrow, deserialize_with = "borrowed::texts")]
    pub same_figure_as: List<'a, Text<'a>>,
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
pub struct Event<'a> {
    /// Short unique identifier.
    #[serde(borrow, deserialize_with = "borrowed::text")]
    pub id: Text<'a>,
    /// When it happened; an event needs at least one date.
    #[serde(borrow)]
    pub period: Period<'a>,
    /// What happened.
    #[serde(borrow, deserialize_with = "borrowed::text")]
    pub description: Text<'a>,
    /// Ids of the groups it concerns; empty when it concerns all North Koreans in Russia.
    #[serde(borrow, deserialize_with = "borrowed::texts")]
    pub groups: List<'a, Text<'a>>,
    /// Who says it happened, when it is a claim; null when the source states it as fact.
    #[serde(default, borrow, deserialize_with = "borrowed::optional")]
    #[schemars(skip_serializing_if = "Option::is_none")]
    pub attributed_to: Option<Text<'a>>,
    /// Id of the source where it was read.
    #[serde(borrow, deserialize_with = "borrowed::text")]
    pub source: Text<'a>,
    /// Section of the source it comes from, or null.
    #[serde(default, borrow, deserialize_with = "borrowed::optional")]
    #[schemars(skip_serializing_if = "Option::is_none")]
    pub section: Option<Text<'a>>,
}

/// A publication that records cite: the page, report or article where they were read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(remote = "Self")]
pub struct Source<'a> {
    /// Short unique identifier.
    #[serde(borrow, deserialize_with = "borrowed::text")]
    pub id: Text<'a>,
    /// Who published it: a news agency, a newspaper, a ministry, an organisation.
    #[serde(borrow, deserialize_with = "borrowed::text")]
    pub publisher: Text<'a>,
    /// Its title, in the language it is written in.
    #[serde(borrow, deserialize_with = "borrowed::text")]
    pub title: Text<'a>,
    /// The title translated into English, when it is in another language and its meaning is
    /// clear; null, or left out, otherwise.
    #[serde(default, borrow, deserialize_with = "borrowed::optional")]
    pub title_english: Option<Text<'a>>,
    /// When it was published, or null when it shows no date.
    pub date: Option<Date>,
    /// Where it can be read, or null for a work that is not online.
    #[serde(default, borrow, deserialize_with = "borrowed::optional")]
    #[schemars(skip_serializing_if = "Option::is_none")]
    pub url: Option<Text<'a>>,
    /// The day it was read at `url`, or null when there is no URL.
    pub retrieved: Option<Date>,
    /// What sort of publication it is.
    pub kind: SourceKind,
    /// Who first published it, when the page is a copy, repost or translation; otherwise null.
    #[serde(default, borrow, deserialize_with = "borrowed::optional")]
    #[schemars(skip_serializing_if = "Option::is_none")]
    pub original_publisher: Option<Text<'a>>,
    /// The language it is written in, as a code such as `en`, `ko` or `ru`, or null.
    #[serde(default, borrow, deserialize_with = "borrowed::optional")]
    #[schemars(skip_serializing_if = "Option::is_none")]
    pub language: Option<Text<'a>>,
    /// Anything a reader should know about it, or null.
    #[serde(default, borrow, deserialize_with = "borrowed::optional")]
    #[schemars(skip_serializing_if = "Option::is_none")]
    pub note: Option<Text<'a>>,
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
pub struct Related<'a> {
    /// Short unique identifier.
    #[serde(borrow, deserialize_with = "borrowed::text")]
    pub id: Text<'a>,
    /// Name of the population.
    #[serde(borrow, deserialize_with = "borrowed::text")]
    pub name: Text<'a>,
    /// Who they are.
    #[serde(borrow, deserialize_with = "borrowed::text")]
    pub description: Text<'a>,
    /// Where they came from.
    #[serde(borrow, deserialize_with = "borrowed::text")]
    pub origin: Text<'a>,
    /// Where they went.
    #[serde(borrow, deserialize_with = "borrowed::text")]
    pub destination: Text<'a>,
    /// When they moved.
    #[serde(borrow)]
    pub period: Period<'a>,
    /// Id of the source that describes them.
    #[serde(borrow, deserialize_with = "borrowed::text")]
    pub source: Text<'a>,
    /// Section of the source they are described in, or null.
    #[serde(default, borrow, deserialize_with = "borrowed::optional")]
    #[schemars(skip_serializing_if = "Option::is_none")]
    pub section: Option<Text<'a>>,
}

/// The Korean and Russian names of one thing the dataset names in English: a group, a place, a
/// person or an organisation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(remote = "Self")]
pub struct Name<'a> {
    /// Short unique identifier.
    #[serde(borrow, deserialize_with = "borrowed::text")]
    pub id: Text<'a>,
    /// The name in English, as the dataset's texts write it.
    #[serde(borrow, deserialize_with = "borrowed::text")]
    pub en: Text<'a>,
    /// Id of the group or related population this is a name of, or null.
    #[serde(default, borrow, deserialize_with = "borrowed::optional")]
    #[schemars(skip_serializing_if = "Option::is_none")]
    pub group: Option<Text<'a>>,
    /// The name in Korean (Hangul), or null when no source read gives it.
    #[serde(default, borrow, deserialize_with = "borrowed::optional")]
    #[schemars(skip_serializing_if = "Option::is_none")]
    pub ko: Option<Text<'a>>,
    /// The name in Russian (Cyrillic), or null when no source read gives it.
    #[serde(default, borrow, deserialize_with = "borrowed::optional")]
    #[schemars(skip_serializing_if = "Option::is_none")]
    pub ru: Option<Text<'a>>,
    /// Other forms that also find it: romanisations, inflected forms, abbreviations.
    #[serde(borrow, deserialize_with = "borrowed::texts")]
    pub aliases: List<'a, Text<'a>>,
    /// Ids of the sources that give these names.
    #[serde(borrow, deserialize_with = "borrowed::texts")]
    pub sources: List<'a, Text<'a>>,
    /// Anything a reader should know about the names, or null.
    #[serde(default, borrow, deserialize_with = "borrowed::optional")]
    #[schemars(skip_serializing_if = "Option::is_none")]
    pub note: Option<Text<'a>>,
}

impl Period<'_> {
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
            return self.text.to_string();
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
            (None, None) => self.text.to_string(),
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

pub(crate) mod borrowed;
mod date;
mod list;
mod owned;
#[cfg(test)]
mod tests;
mod text;

pub use date::{Date, DateError};
pub use list::{List, Run, Stored};
pub use text::{Piece, Text};

/// The types whose embedded lists are runs of one table each, which the build script writes.
macro_rules! stored {
    ($($type:ident: $table:ident),*) => {$(
        impl<'a> Stored for $type<'a> {
            fn table<'t>() -> &'t [Self]
            where
                Self: 't,
            {
                &super::generated::$table
            }
        }
    )*};
}

stored!(Text: TEXTS, Period: PERIODS, Fact: FACTS);

impl Stored for Qualifier {
    fn table<'t>() -> &'t [Self] {
        &super::generated::QUALIFIERS
    }
}

impl Stored for Group<'_> {}
impl Stored for Estimate<'_> {}
impl Stored for Event<'_> {}
impl Stored for Source<'_> {}
impl Stored for Related<'_> {}
impl Stored for Name<'_> {}
