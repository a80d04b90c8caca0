//! A calendar date as precise as its source gives it, and how it is written.

use std::fmt;
use std::str::FromStr;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::Precision;

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
    /// Writes the digits straight out: dates are written in every row of every table, and
    /// formatting each number with its padding cost several times as much.
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Ok(year) = u16::try_from(self.year) else {
            return self.fmt_padded(formatter);
        };
        let within = |part: Option<u8>| part.is_none_or(|part| part <= 99);
        if year > 9999 || !within(self.month) || !within(self.day) {
            return self.fmt_padded(formatter);
        }
        let mut text = [0u8; 10];
        let digit = |number: u16, place: u16| b'0' + u8::try_from(number / place % 10).unwrap_or(0);
        text[..4].copy_from_slice(&[
            digit(year, 1000),
            digit(year, 100),
            digit(year, 10),
            digit(year, 1),
        ]);
        let mut length = 4;
        let day = self.month.and(self.day);
        for part in [self.month, day].into_iter().flatten() {
            let part = u16::from(part);
            text[length..length + 3].copy_from_slice(&[b'-', digit(part, 10), digit(part, 1)]);
            length += 3;
        }
        // Only ASCII digits and dashes were written.
        formatter.write_str(std::str::from_utf8(&text[..length]).unwrap_or_default())
    }
}

impl Date {
    /// Writes the date through the formatter's padding, for numbers outside its usual ranges.
    fn fmt_padded(self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
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
