//! What every human view shares: colour by role, one display-width wrapper, the character set,
//! and values as people read them. The only place colour happens.

use std::borrow::Cow;

use crate::dataset::{Period, Precision};
use crate::rows::{Kind, Value};
use crate::text::{escape_control, thousands};

/// What a piece of text in a human view stands for, which decides its colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// A title or section heading.
    Heading,
    /// A figure or a year.
    Figure,
    /// Secondary text, such as a citation.
    Note,
    /// Something of the group at this position in the dataset, such as its bar in the chart.
    Series(usize),
}

/// The colours groups take in turn, as SGR codes: green, yellow, magenta, blue, red, cyan.
const SERIES_COLORS: [&str; 6] = ["32", "33", "35", "34", "31", "36"];

/// Colours text by its role when colour is on, and leaves it alone otherwise.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Paint {
    /// Whether colour is on.
    pub enabled: bool,
}

impl Paint {
    /// The text wrapped in the escape codes of its role, or the text itself without colour.
    pub fn paint(self, role: Role, text: &str) -> Cow<'_, str> {
        if !self.enabled {
            return Cow::Borrowed(text);
        }
        let code = match role {
            Role::Heading => "1",
            Role::Figure => "36",
            Role::Note => "2",
            Role::Series(index) => SERIES_COLORS[index % SERIES_COLORS.len()],
        };
        Cow::Owned(format!("\u{1b}[{code}m{text}\u{1b}[0m"))
    }
}

/// A value as a person reads it: figures with separators, yes or no, a dash for unknown.
pub fn human_value(kind: Kind, value: &Value<'_>) -> String {
    match value {
        Value::Null => String::from("—"),
        Value::Integer(number) if kind == Kind::Figure => thousands(*number),
        Value::Integer(number) => number.to_string(),
        Value::Bool(flag) => String::from(if *flag { "yes" } else { "no" }),
        Value::Text(text) => escape_control(text).into_owned(),
        Value::List(items) => escape_control(&items.join(", ")).into_owned(),
    }
}

/// The most characters of a period's own words that a short label keeps.
const LABEL_WORDS: usize = 20;

/// A period in a few characters, for narrow columns: `2024-11`, `2004–2014`, `since 2024`;
/// a period known by its end alone in its own words when they are short (`as early as 1994`),
/// else `by 2017-04`; a part of a decade or an unknown period in its own words.
pub fn period_label<'a>(period: &'a Period<'a>) -> Cow<'a, str> {
    match (period.precision, period.from, period.to) {
        (Precision::DecadePart | Precision::Unknown, _, _) => Cow::Borrowed(&period.text),
        (Precision::Open, Some(from), None) => Cow::Owned(format!("since {from}")),
        // Only the end is known: "as early as 1994" and "until 2017" say different things of it,
        // so the source's own words are kept while they are short, and "by" says no more than
        // the date does.
        (Precision::Open, None, Some(_)) if period.text.chars().count() <= LABEL_WORDS => {
            Cow::Borrowed(&period.text)
        }
        (Precision::Open, None, Some(to)) => Cow::Owned(format!("by {to}")),
        (_, Some(from), Some(to)) => Cow::Owned(format!("{from}–{to}")),
        (_, Some(from), None) => Cow::Owned(from.to_string()),
        _ => Cow::Borrowed(&period.text),
    }
}

/// Breaks items into lines of at most `width` columns, as measured; an item wider than the
/// width stands alone on its line.
pub fn break_lines<T>(items: Vec<T>, width: usize, measure: impl Fn(&T) -> usize) -> Vec<Vec<T>> {
    let mut lines: Vec<Vec<T>> = vec![Vec::new()];
    let mut used = 0;
    for item in items {
        let item_width = measure(&item);
        if lines.last().is_some_and(|line| !line.is_empty()) && used + 1 + item_width > width {
            lines.push(Vec::new());
            used = 0;
        }
        if let Some(line) = lines.last_mut() {
            used += usize::from(!line.is_empty()) + item_width;
            line.push(item);
        }
    }
    lines
}

/// Breaks text into lines at spaces, each at most `width` terminal columns wide after `indent`;
/// a word wider than a line (an address, a long id) is cut across lines. No width, no breaks.
pub fn wrap(text: &str, width: Option<usize>, indent: &str) -> String {
    let Some(width) = width else {
        return format!("{indent}{text}");
    };
    let width = width.saturating_sub(display_width(indent)).max(1);
    let words: Vec<Cow<'_, str>> = text
        .split_whitespace()
        .flat_map(|word| cut(word, width))
        .collect();
    break_lines(words, width, |word| display_width(word))
        .iter()
        .map(|line| format!("{indent}{}", line.join(" ")))
        .collect::<Vec<_>>()
        .join("\n")
}

/// A word as pieces of at most `width` columns: the word itself when it fits.
fn cut(word: &str, width: usize) -> Vec<Cow<'_, str>> {
    if display_width(word) <= width {
        return vec![Cow::Borrowed(word)];
    }
    let mut pieces = Vec::new();
    let mut piece = String::new();
    let mut used = 0;
    for character in word.chars() {
        let character_width = unicode_width::UnicodeWidthChar::width(character).unwrap_or(0);
        if used + character_width > width && !piece.is_empty() {
            pieces.push(Cow::Owned(std::mem::take(&mut piece)));
            used = 0;
        }
        piece.push(character);
        used += character_width;
    }
    if !piece.is_empty() {
        pieces.push(Cow::Owned(piece));
    }
    pieces
}

/// Text for the character set in use: without Unicode, dashes, ellipses and curly quotes become
/// their ASCII look-alikes (other characters cannot be helped and are left alone).
pub fn in_charset(text: &str, unicode: bool) -> Cow<'_, str> {
    const REPLACEMENTS: [(char, &str); 7] = [
        ('–', "-"),
        ('—', "-"),
        ('…', "..."),
        ('‘', "'"),
        ('’', "'"),
        ('“', "\""),
        ('”', "\""),
    ];
    if unicode || text.is_ascii() {
        return Cow::Borrowed(text);
    }
    let mut converted = String::with_capacity(text.len());
    for character in text.chars() {
        match REPLACEMENTS.iter().find(|(from, _)| *from == character) {
            Some((_, to)) => converted.push_str(to),
            None => converted.push(character),
        }
    }
    Cow::Owned(converted)
}

/// How many terminal columns text takes; wide characters take two.
pub fn display_width(text: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(text)
}

/// A list item: `- ` and the text, wrapped with its later lines indented under the text.
pub fn bullet(text: &str, width: Option<usize>) -> String {
    let wrapped = wrap(text, width, "  ");
    format!("- {}", wrapped.trim_start_matches(' '))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_breaks_at_spaces_within_the_width() {
        let text = "one two three four five six seven eight nine ten eleven twelve";
        assert_eq!(
            wrap(text, Some(24), "  "),
            "  one two three four\n  five six seven eight\n  nine ten eleven twelve"
        );
        assert_eq!(wrap(text, None, ""), text);
        assert_eq!(
            bullet(text, Some(24)),
            "- one two three four\n  five six seven eight\n  nine ten eleven twelve"
        );
    }

    #[test]
    fn ascii_replaces_typographic_characters() {
        assert_eq!(in_charset("1945–1949 …", false), "1945-1949 ...");
        assert_eq!(in_charset("1945–1949 …", true), "1945–1949 …");
        assert_eq!(in_charset("it’s 고려", false), "it's 고려");
    }

    #[test]
    fn human_values_read_naturally() {
        assert_eq!(human_value(Kind::Figure, &Value::Integer(15_000)), "15,000");
        assert_eq!(human_value(Kind::Number, &Value::Integer(1999)), "1999");
        assert_eq!(human_value(Kind::Text, &Value::Null), "—");
        assert_eq!(human_value(Kind::Flag, &Value::Bool(true)), "yes");
        assert_eq!(
            human_value(Kind::Text, &Value::text("\u{1b}[2J")),
            "\\u{1b}[2J"
        );
    }

    #[test]
    fn wrap_counts_terminal_columns_not_characters() {
        let korean = "고려사람 고려사람 고려사람";
        assert_eq!(wrap(korean, Some(20), ""), "고려사람 고려사람\n고려사람");
    }

    #[test]
    fn paint_colours_only_when_enabled() {
        assert_eq!(Paint { enabled: false }.paint(Role::Heading, "x"), "x");
        assert_eq!(
            Paint { enabled: true }.paint(Role::Heading, "x"),
            "\u{1b}[1mx\u{1b}[0m"
        );
    }
}
