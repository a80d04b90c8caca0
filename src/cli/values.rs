//! Parsers of the values given on the command line, with messages that say what a value must be.

use std::str::FromStr;

use clap::builder::PossibleValue;

use crate::dataset::{Counts, Coverage};
use crate::error::Error;

/// The kinds of figure `--counts` takes, each with what it counts for `--help` and completions.
impl clap::ValueEnum for Counts {
    fn value_variants<'a>() -> &'a [Self] {
        &Counts::ALL
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(PossibleValue::new(self.name()).help(self.meaning()))
    }
}

/// The coverages `--coverage` takes, each in words for `--help` and completions.
impl clap::ValueEnum for Coverage {
    fn value_variants<'a>() -> &'a [Self] {
        &Coverage::ALL
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(PossibleValue::new(self.name()).help(self.words()))
    }
}

/// The years a date of the dataset can have: four digits, `YYYY`.
const YEARS: std::ops::RangeInclusive<i32> = 0..=9999;

/// A year, as `--year`, `--from` and `--to` take it: one a date of the dataset can have.
pub fn year(text: &str) -> Result<i32, String> {
    const RULE: &str = "a year must be a whole number from 0 to 9999";
    let year = whole::<i32>(text, RULE)?;
    if !YEARS.contains(&year) {
        return Err(String::from(RULE));
    }
    Ok(year)
}

/// A population figure, as `--min` and `--max` take it.
pub fn figure(text: &str) -> Result<u64, String> {
    whole(
        text,
        "a figure must be a whole number of 0 or more (at most 18446744073709551615)",
    )
}

/// A size in bytes, as `--max-size` takes it.
pub fn byte_count(text: &str) -> Result<u64, String> {
    whole(
        text,
        "a size must be a whole number of bytes, 0 or more (at most 18446744073709551615)",
    )
}

/// A name of a group, as `--group` takes it, one of a list separated by commas: spaces around
/// it are dropped.
pub fn name(text: &str) -> Result<String, String> {
    let name = text.trim();
    if name.is_empty() {
        return Err(String::from(
            "a group name cannot be empty: give names separated by commas, such as refugees,workers",
        ));
    }
    Ok(name.to_owned())
}

/// The narrowest table nkru will fit, in columns.
pub const MIN_WIDTH: u16 = 20;

/// A table width in columns, as `--width` takes it.
pub fn width(text: &str) -> Result<u16, String> {
    const RULE: &str = "a width must be a whole number of columns from 20 to 65535";
    let width = whole::<u16>(text, RULE)?;
    if width < MIN_WIDTH {
        return Err(String::from(RULE));
    }
    Ok(width)
}

/// Parses a whole number written plainly (an optional `-` and digits), or explains the rule.
fn whole<T: FromStr>(text: &str, rule: &str) -> Result<T, String> {
    text.parse().map_err(|_| String::from(rule))
}

/// Refuses a `--year` outside the span `--from` and `--to` allow, which no period could meet.
pub fn check_year_in_span(
    year: Option<i32>,
    from: Option<i32>,
    to: Option<i32>,
) -> Result<(), Error> {
    let Some(year) = year else {
        return Ok(());
    };
    if let Some(from) = from
        && year < from
    {
        return Err(Error::Usage(format!(
            "--year {year} is before --from {from}, so nothing could match"
        )));
    }
    if let Some(to) = to
        && year > to
    {
        return Err(Error::Usage(format!(
            "--year {year} is after --to {to}, so nothing could match"
        )));
    }
    Ok(())
}

/// Checks that a pair of bounds is in order, naming the flags in the message.
pub fn check_bounds<T: PartialOrd + std::fmt::Display>(
    low: Option<T>,
    high: Option<T>,
    low_flag: &str,
    high_flag: &str,
) -> Result<(), Error> {
    if let (Some(low), Some(high)) = (low, high)
        && low > high
    {
        return Err(Error::Usage(format!(
            "{low_flag} {low} is greater than {high_flag} {high}, so nothing could match"
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_in_range_parse() {
        assert_eq!(year("0"), Ok(0));
        assert_eq!(year("1999"), Ok(1999));
        assert_eq!(year("9999"), Ok(9999));
        assert_eq!(figure("0"), Ok(0));
        assert_eq!(figure("18446744073709551615"), Ok(u64::MAX));
        assert_eq!(byte_count("1024"), Ok(1024));
        assert_eq!(width("20"), Ok(20));
    }

    #[test]
    fn other_text_is_refused_with_the_rule() {
        for refused in ["", " 1", "1e3", "abc", "1.5", "18446744073709551616", "-1"] {
            assert!(figure(refused).is_err(), "{refused:?}");
        }
        for refused in ["99999999999", "10000", "-5", "-1", "1999.5"] {
            assert_eq!(
                year(refused),
                Err(String::from("a year must be a whole number from 0 to 9999")),
                "{refused:?}"
            );
        }
        assert!(width("19").is_err());
        assert!(width("65536").is_err());
    }
}
