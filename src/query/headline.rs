//! The headline rules: which figures a reader sees first for a group and a kind of figure, and
//! how a kind's figures line up over time. The same rules serve `summary`, `groups`, `group`,
//! `trend`, the chart and the report, and the README states them in words:
//!
//! 1. Only a count heads a line: a plan, a possible total or a demand (`planned`, `possible`,
//!    `demand`) never does, and a figure without a date never does.
//! 2. A figure its maker only claims heads a line only when no other figure of the kind does.
//! 3. The widest coverage wins: figures for all of Russia head while there is one; a part of
//!    Russia heads only where nothing wider exists, and then its place is named.
//! 4. The latest period wins, and every figure of that period is shown together: for a count at
//!    a time (people present, a census, casualties so far) the period is the year the figure
//!    reaches; for a count over a span (entries, visas, ...) it is that span exactly.

use std::collections::BTreeMap;

use crate::dataset::{Counts, Coverage, Date, Estimate, Qualifier};

/// Whether figures of a kind count people or things that happened, rather than a plan, a
/// possible total or a demand.
pub fn is_count(kind: Counts) -> bool {
    !matches!(kind, Counts::Planned | Counts::Possible | Counts::Demand)
}

/// Whether figures of a kind count people at one time (so figures of one year belong together)
/// rather than over a span (so only figures of the same span do).
pub fn is_stock(kind: Counts) -> bool {
    matches!(kind, Counts::Present | Counts::Census | Counts::Casualties)
}

/// How wide a coverage is, widest first; a figure whose coverage is not known comes after the
/// figures for all of Russia and before those for a part of it.
fn width(coverage: Option<Coverage>) -> u8 {
    match coverage {
        Some(Coverage::Russia) => 0,
        None => 1,
        Some(Coverage::Region) => 2,
        Some(Coverage::City) => 3,
        Some(Coverage::Site) => 4,
    }
}

/// The period a figure is put in to be set beside others: a year, or a span as its source gives
/// it. Ordered by time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Slot {
    /// The year a count at a time reaches.
    Year(i32),
    /// A span of a count over time: its last day, then its start, as their sort keys.
    Span((i32, u8, u8), (i32, u8, u8)),
}

/// The slot of a dated figure of `kind`; none for an undated figure.
pub fn slot(kind: Counts, estimate: &Estimate<'_>) -> Option<Slot> {
    let latest = estimate.period.latest()?;
    if is_stock(kind) {
        return Some(Slot::Year(latest.year));
    }
    let start = estimate.period.anchor().map_or(latest.key(), Date::key);
    Some(Slot::Span(last_day(latest), start))
}

/// The sort key of the last day a date written as a year or a month may mean, so that a year
/// ends after each of its months.
fn last_day(date: Date) -> (i32, u8, u8) {
    (date.year, date.month.unwrap_or(12), date.day.unwrap_or(31))
}

/// Figures of one kind set side by side: one period's figures, shown as one range with who
/// made them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Figures<'a> {
    /// What they count.
    pub counts: Counts,
    /// Their period.
    pub slot: Slot,
    /// The figures, in the dataset's order.
    pub estimates: Vec<&'a Estimate<'a>>,
}

impl<'a> Figures<'a> {
    /// The lowest figure of any of them.
    pub fn low(&self) -> u64 {
        self.estimates
            .iter()
            .map(|estimate| estimate.low)
            .min()
            .unwrap_or(0)
    }

    /// The highest figure of any of them.
    pub fn high(&self) -> u64 {
        self.estimates
            .iter()
            .map(|estimate| estimate.high)
            .max()
            .unwrap_or(0)
    }

    /// The qualifiers every one of them has, in the first one's order: the hedge that holds of
    /// the whole range.
    pub fn qualifiers(&self) -> Vec<Qualifier> {
        let Some((first, rest)) = self.estimates.split_first() else {
            return Vec::new();
        };
        first
            .qualifiers
            .iter()
            .copied()
            .filter(|qualifier| {
                rest.iter()
                    .all(|other| other.qualifiers.contains(qualifier))
            })
            .collect()
    }

    /// The range in words, with the hedge all the figures share: `about 10,000–15,000`; two
    /// figures hedged differently are each given in full, `about 6,000 / at least 6,000`, so
    /// that no hedge is lost.
    pub fn words(&self) -> String {
        let same_hedge = self
            .estimates
            .windows(2)
            .all(|pair| pair[0].qualifiers == pair[1].qualifiers);
        if !same_hedge {
            let mut sorted = self.estimates.clone();
            sorted.sort_by_key(|estimate| (estimate.low, estimate.high));
            let mut each: Vec<String> = sorted.iter().map(|estimate| estimate.figures()).collect();
            each.dedup();
            if each.len() <= 2 {
                return each.join(" / ");
            }
        }
        let mut words = String::new();
        for qualifier in self.qualifiers() {
            words.push_str(qualifier.words());
            words.push(' ');
        }
        crate::text::push_figure_range(&mut words, self.low(), self.high());
        words
    }

    /// Who made them, each once, in the dataset's order, in short ([`maker`]).
    pub fn makers(&self) -> Vec<&'a str> {
        super::distinct(
            self.estimates
                .iter()
                .map(|estimate| maker(&estimate.attributed_to)),
        )
    }

    /// Whether any of them was made by a party to the conflict it is about.
    pub fn by_a_party(&self) -> bool {
        self.estimates
            .iter()
            .any(|estimate| estimate.party_to_conflict)
    }

    /// The widest coverage among them (they share one when chosen by the rules).
    pub fn coverage(&self) -> Option<Coverage> {
        self.estimates
            .iter()
            .map(|estimate| estimate.coverage)
            .min_by_key(|coverage| width(*coverage))
            .flatten()
    }

    /// The places they cover when they are known to cover a part of Russia, each once: the
    /// place a headline names when nothing wider exists.
    pub fn places(&self) -> Vec<&'a str> {
        if matches!(self.coverage(), None | Some(Coverage::Russia)) {
            return Vec::new();
        }
        super::distinct(
            self.estimates
                .iter()
                .filter_map(|estimate| estimate.region.as_deref()),
        )
    }

    /// The period in a few characters: the year of a count at a time, or the span's dates,
    /// `2025-01–03`, `2011–2019`.
    pub fn label(&self) -> String {
        let Some(first) = self.estimates.first() else {
            return String::new();
        };
        if let Slot::Year(year) = self.slot {
            return year.to_string();
        }
        first.period.label()
    }

    /// The period in words: the year of a count at a time, or the words of the span's first
    /// figure.
    pub fn period(&self) -> String {
        match (self.slot, self.estimates.first()) {
            (Slot::Year(year), _) => year.to_string(),
            (Slot::Span(..), Some(first)) => first.period.text.to_string(),
            (Slot::Span(..), None) => String::new(),
        }
    }
}

/// The figures that head a line of `kind` among `estimates` (the figures of one group, or of
/// all North Koreans), by the rules of this module; none when no figure may head it.
pub fn headline<'a>(kind: Counts, estimates: &[&'a Estimate<'a>]) -> Option<Figures<'a>> {
    if !is_count(kind) {
        return None;
    }
    let candidates = eligible(kind, estimates);
    let latest = candidates
        .iter()
        .filter_map(|estimate| slot(kind, estimate))
        .max()?;
    Some(Figures {
        counts: kind,
        slot: latest,
        estimates: candidates
            .into_iter()
            .filter(|estimate| slot(kind, estimate) == Some(latest))
            .collect(),
    })
}

/// The dated figures of `kind` that may head its line: rules 2 and 3 applied.
fn eligible<'a>(kind: Counts, estimates: &[&'a Estimate<'a>]) -> Vec<&'a Estimate<'a>> {
    let mut candidates: Vec<&Estimate> = estimates
        .iter()
        .copied()
        .filter(|estimate| estimate.counts == kind && estimate.period.is_dated())
        .collect();
    let claimed = |estimate: &&Estimate| estimate.qualifiers.contains(&Qualifier::Claimed);
    if candidates.iter().any(|estimate| !claimed(estimate)) {
        candidates.retain(|estimate| !claimed(estimate));
    }
    let widest = candidates
        .iter()
        .map(|estimate| width(estimate.coverage))
        .min();
    candidates.retain(|estimate| Some(width(estimate.coverage)) == widest);
    candidates
}

/// The figures of `kind` over time, one entry per period, oldest first: every period of the
/// widest coverage that has figures (rules 1 to 3 for each period), or, with `every_coverage`,
/// every dated figure of the kind whatever it covers. Plans and possible totals are kept here,
/// each in its own period, since a reader asking how a plan changed asks for them.
pub fn over_time<'a>(
    kind: Counts,
    estimates: &[&'a Estimate<'a>],
    every_coverage: bool,
) -> Vec<Figures<'a>> {
    let chosen: Vec<&Estimate> = if every_coverage {
        estimates
            .iter()
            .copied()
            .filter(|estimate| estimate.counts == kind && estimate.period.is_dated())
            .collect()
    } else {
        let of_kind: Vec<&Estimate> = estimates
            .iter()
            .copied()
            .filter(|estimate| estimate.counts == kind && estimate.period.is_dated())
            .collect();
        let widest = of_kind
            .iter()
            .map(|estimate| width(estimate.coverage))
            .min();
        of_kind
            .into_iter()
            .filter(|estimate| Some(width(estimate.coverage)) == widest)
            .collect()
    };
    let mut slots: BTreeMap<Slot, Vec<&Estimate>> = BTreeMap::new();
    for estimate in chosen {
        if let Some(slot) = slot(kind, estimate) {
            slots.entry(slot).or_default().push(estimate);
        }
    }
    slots
        .into_iter()
        .map(|(slot, estimates)| Figures {
            counts: kind,
            slot,
            estimates,
        })
        .collect()
}

/// The sum nkru makes of the groups' headline figures of people present, for when no source
/// gives a total as recent as its parts. Never a source's figure: its parts are listed with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sum<'a> {
    /// Each part: the group's id and its headline figures of people present.
    pub parts: Vec<(&'a str, Figures<'a>)>,
}

impl Sum<'_> {
    /// The sum of the parts' lowest figures.
    pub fn low(&self) -> u64 {
        self.parts
            .iter()
            .fold(0u64, |sum, (_, part)| sum.saturating_add(part.low()))
    }

    /// The sum of the parts' highest figures.
    pub fn high(&self) -> u64 {
        self.parts
            .iter()
            .fold(0u64, |sum, (_, part)| sum.saturating_add(part.high()))
    }

    /// The first and last years its parts come from.
    pub fn years(&self) -> Option<(i32, i32)> {
        let years = self.parts.iter().filter_map(|(_, part)| match part.slot {
            Slot::Year(year) => Some(year),
            Slot::Span(..) => None,
        });
        let (first, last) = years.fold((None, None), |(first, last), year| {
            (
                Some(first.map_or(year, |first: i32| first.min(year))),
                Some(last.map_or(year, |last: i32| last.max(year))),
            )
        });
        first.zip(last)
    }
}

/// The current picture: the latest total a source gives of all North Koreans present, and,
/// when some group has a figure of a later year (or no source gives a total at all), nkru's sum
/// of each group's headline figure of people present.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Now<'a> {
    /// The headline of the figures of all North Koreans present, if any source gives one.
    pub stated: Option<Figures<'a>>,
    /// nkru's sum of the groups' headlines, when a part is later than the stated total.
    pub sum: Option<Sum<'a>>,
}

/// The current picture from the figures of all North Koreans (`totals`) and each group's
/// figures (`groups`, in the dataset's order).
pub fn now<'a>(
    totals: &[&'a Estimate<'a>],
    groups: &[(&'a str, Vec<&'a Estimate<'a>>)],
) -> Now<'a> {
    let stated = headline(Counts::Present, totals);
    let parts: Vec<(&str, Figures)> = groups
        .iter()
        .filter_map(|(id, estimates)| {
            headline(Counts::Present, estimates).map(|figures| (*id, figures))
        })
        .collect();
    let stated_year = stated.as_ref().map(|figures| figures.slot);
    let later = parts
        .iter()
        .any(|(_, part)| stated_year.is_none_or(|year| part.slot > year));
    let sum = (later && !parts.is_empty()).then_some(Sum { parts });
    Now { stated, sum }
}

/// Who made a figure, in a few words: the short name a text gives in brackets (`NIS`, `HUR`,
/// `Rosstat`), else the first capitalised abbreviation in it (`FSB`), else its words up to the first comma,
/// bracket or semicolon.
pub fn maker(attributed_to: &str) -> &str {
    // Every list of figures names each one's maker, so the text is searched a byte at a time for
    // the ASCII marks that divide it, which never occur inside another character's bytes.
    let mut rest = attributed_to;
    while let Some(open) = rest.bytes().position(|byte| byte == b'(') {
        rest = &rest[open + 1..];
        let close = rest.bytes().position(|byte| matches!(byte, b'(' | b')'));
        let inside = &rest[..close.unwrap_or(rest.len())];
        if is_short_name(inside) {
            return inside;
        }
    }
    let end = attributed_to
        .bytes()
        .position(|byte| matches!(byte, b',' | b'(' | b';'))
        .unwrap_or(attributed_to.len());
    let head = attributed_to[..end].trim();
    first_abbreviation(head).unwrap_or(head)
}

/// Whether a word is a short name: two to ten letters, the first a capital. Ten characters take
/// at most 40 bytes, so a longer text is not counted.
fn is_short_name(word: &str) -> bool {
    word.len() <= 40
        && (2..=10).contains(&word.chars().count())
        && word.chars().all(char::is_alphabetic)
        && word.chars().next().is_some_and(char::is_uppercase)
}

/// The first word of `text` (a run of letters and digits) made of three to six ASCII capitals.
/// Every list of figures names each one's maker, so the text is read a byte at a time for runs
/// of capitals, and only the characters around a run are decoded to see whether it is a word.
fn first_abbreviation(text: &str) -> Option<&str> {
    let bytes = text.as_bytes();
    let mut end = 0;
    while let Some(found) = bytes[end..].iter().position(u8::is_ascii_uppercase) {
        let start = end + found;
        end = start
            + bytes[start..]
                .iter()
                .position(|byte| !byte.is_ascii_uppercase())
                .unwrap_or(bytes.len() - start);
        let alone = || {
            !text[..start]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
                && !text[end..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric)
        };
        if (3..=6).contains(&(end - start)) && alone() {
            return Some(&text[start..end]);
        }
    }
    None
}

#[cfg(test)]
mod tests;
