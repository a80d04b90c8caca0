//! APA (7th edition) and Chicago author-date (18th edition) references of nkru's CSL-JSON
//! items: the layout the official CSL style files give the four types of item nkru writes, with
//! the punctuation, quotation marks and title case of citeproc-js, the reference processor.
//! `tests/it/citeproc.rs` renders every source of the dataset with citeproc-js and the style
//! files and compares.

use serde_json::Value;

use super::typography::{Quoted, capitalize_first, quotes, title_case};

/// A style of reference text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextStyle {
    /// APA Style, 7th edition.
    Apa,
    /// The Chicago Manual of Style, 18th edition, author-date.
    Chicago,
}

/// The reference to a CSL-JSON item, on one line.
pub fn reference(item: &Value, style: TextStyle) -> String {
    let fields = Fields::of(item);
    let mut line = Line::default();
    match style {
        TextStyle::Apa => apa(&fields, &mut line),
        TextStyle::Chicago => chicago(&fields, &mut line),
    }
    line.text.trim().to_owned()
}

/// The variables of an item that the two styles print.
struct Fields<'a> {
    kind: &'a str,
    title: &'a str,
    author: Option<&'a str>,
    container: Option<&'a str>,
    publisher: Option<&'a str>,
    issued: Option<Vec<i64>>,
    accessed: Option<Vec<i64>>,
    url: Option<&'a str>,
    /// Whether the item is in English, the only language title case applies to.
    english: bool,
}

impl<'a> Fields<'a> {
    fn of(item: &'a Value) -> Fields<'a> {
        let text = |key: &str| item.get(key).and_then(Value::as_str);
        let date = |key: &str| {
            item.get(key)
                .and_then(|date| date.get("date-parts"))
                .and_then(|parts| parts.get(0))
                .and_then(Value::as_array)
                .map(|parts| parts.iter().filter_map(Value::as_i64).collect::<Vec<_>>())
                .filter(|parts| !parts.is_empty())
        };
        Fields {
            kind: text("type").unwrap_or("article"),
            title: text("title").unwrap_or(""),
            author: item
                .get("author")
                .and_then(|authors| authors.get(0))
                .and_then(|author| author.get("literal"))
                .and_then(Value::as_str),
            container: text("container-title"),
            publisher: text("publisher"),
            issued: date("issued"),
            accessed: date("accessed"),
            url: text("URL"),
            english: text("language").is_none_or(|language| language.starts_with("en")),
        }
    }

    /// A title as Chicago prints it: in title case when the item is in English.
    fn title_cased(&self, text: &str) -> String {
        if self.english {
            title_case(text)
        } else {
            text.to_owned()
        }
    }
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn month(parts: &[i64]) -> Option<&'static str> {
    let month = usize::try_from(*parts.get(1)?).ok()?;
    MONTHS.get(month.checked_sub(1)?).copied()
}

/// `August 26` or `August`, from a date's parts.
fn month_day(parts: &[i64]) -> Option<String> {
    let month = month(parts)?;
    Some(match parts.get(2) {
        Some(day) => format!("{month} {day}"),
        None => month.to_owned(),
    })
}

/// `November 28, 2026`, or as much of it as is known.
fn long_date(parts: &[i64]) -> String {
    match (month(parts), parts.get(2)) {
        (Some(month), Some(day)) => format!("{month} {day}, {}", parts[0]),
        (Some(month), None) => format!("{month} {}", parts[0]),
        _ => parts[0].to_string(),
    }
}

/// APA: `Title. (2009, August 26). Newspaper. URL`, a report's author first, and an undated
/// page retrieved on a day.
fn apa(fields: &Fields<'_>, line: &mut Line) {
    // Only a newspaper article is dated to its month and day.
    let year_only = fields.kind != "article-newspaper";
    let date = match &fields.issued {
        None => String::from("n.d."),
        Some(parts) if year_only => parts[0].to_string(),
        Some(parts) => match month_day(parts) {
            Some(month_day) => format!("{}, {month_day}", parts[0]),
            None => parts[0].to_string(),
        },
    };
    let author = fields.author.filter(|_| fields.kind == "report");
    if let Some(author) = author {
        line.quoted(&quotes(author, false));
        line.punctuation('.');
        line.text(&format!(" ({date})"));
        line.punctuation('.');
        line.text(" ");
        line.quoted(&quotes(fields.title, false));
        line.punctuation('.');
    } else {
        line.quoted(&quotes(fields.title, false));
        line.punctuation('.');
        line.text(&format!(" ({date})"));
        line.punctuation('.');
    }
    // A newspaper's name is in title case; an encyclopedia's and a publisher's as written.
    let (prefix, container) = match fields.kind {
        "entry-encyclopedia" => ("In ", fields.container.map(str::to_owned)),
        "article-newspaper" => ("", fields.container.map(|name| fields.title_cased(name))),
        _ => ("", fields.publisher.map(str::to_owned)),
    };
    if let Some(container) = container {
        line.text(&format!(" {prefix}"));
        line.quoted(&quotes(&container, false));
        line.punctuation('.');
    }
    if let Some(url) = fields.url {
        match (&fields.issued, &fields.accessed) {
            (None, Some(accessed)) => {
                line.text(&format!(" Retrieved {}, from {url}", long_date(accessed)));
            }
            _ => line.text(&format!(" {url}")),
        }
    }
}

/// Chicago author-date: `Newspaper. 2009. “Title.” August 26. URL.`, a report's author and
/// title in the place of the newspaper and the article's, an untitled study's title first, and
/// an undated page accessed on a day.
fn chicago(fields: &Fields<'_>, line: &mut Line) {
    let year = fields
        .issued
        .as_ref()
        .map_or_else(|| String::from("n.d."), |parts| parts[0].to_string());
    // An encyclopedia entry's title is printed as written, other titles in title case.
    let quoted_title = |line: &mut Line| {
        let title = if fields.kind == "entry-encyclopedia" {
            fields.title.to_owned()
        } else {
            fields.title_cased(fields.title)
        };
        let title = quotes(&title, true);
        line.text("“");
        line.quoted(&title);
        line.close_quotation();
    };
    match fields.kind {
        "report" => {
            if let Some(author) = fields.author {
                line.quoted(&quotes(author, false));
                line.punctuation('.');
                line.text(" ");
            }
            line.text(&year);
            line.punctuation('.');
            line.text(" ");
            line.quoted(&quotes(&fields.title_cased(fields.title), false));
            line.punctuation('.');
            if let Some(publisher) = fields.publisher {
                line.text(" ");
                line.quoted(&quotes(&capitalize_first(publisher), false));
                line.punctuation('.');
            }
        }
        "article" => {
            quoted_title(line);
            line.punctuation('.');
            line.text(&format!(" {year}"));
            line.punctuation('.');
            if let Some(publisher) = fields.publisher {
                line.text(" Preprint, ");
                line.quoted(&quotes(&capitalize_first(publisher), false));
            }
            if let Some(month_day) = fields.issued.as_deref().and_then(month_day) {
                if fields.publisher.is_some() {
                    line.punctuation(',');
                }
                line.text(&format!(" {month_day}"));
            }
            line.punctuation('.');
        }
        _ => {
            if let Some(container) = fields.container {
                line.quoted(&quotes(&fields.title_cased(container), false));
                line.punctuation('.');
                line.text(" ");
            }
            line.text(&year);
            line.punctuation('.');
            line.text(" ");
            quoted_title(line);
            line.punctuation('.');
            if let Some(month_day) = fields.issued.as_deref().and_then(month_day) {
                line.text(&format!(" {month_day}"));
                line.punctuation('.');
            }
        }
    }
    if let (None, Some(accessed)) = (&fields.issued, &fields.accessed) {
        line.text(&format!(" Accessed {}", long_date(accessed)));
        line.punctuation('.');
    }
    if let Some(url) = fields.url {
        line.text(&format!(" {url}"));
        line.punctuation('.');
    }
}

/// A reference as it is written, with the closing quotation marks at its end, which a full
/// stop or comma after it goes inside (American usage, the en-US locale's
/// `punctuation-in-quote`).
#[derive(Default)]
struct Line {
    text: String,
    closing_marks: usize,
}

impl Line {
    fn text(&mut self, text: &str) {
        if !text.is_empty() {
            self.text.push_str(text);
            self.closing_marks = 0;
        }
    }

    fn quoted(&mut self, quoted: &Quoted) {
        if !quoted.text.is_empty() {
            self.text.push_str(&quoted.text);
            self.closing_marks = quoted.closing_marks;
        }
    }

    /// Closes a quotation the style opened.
    fn close_quotation(&mut self) {
        self.text.push('”');
        self.closing_marks += 1;
    }

    /// Adds a punctuation mark after the text: inside its closing quotation marks when it is a
    /// full stop or comma, and merged with a mark already there as the reference processor
    /// merges them (`?` then `.` is `?`).
    fn punctuation(&mut self, mark: char) {
        let inside = if matches!(mark, '.' | ',' | '!' | '?') {
            self.closing_marks
        } else {
            0
        };
        let split = match inside.checked_sub(1) {
            None => self.text.len(),
            Some(last) => self
                .text
                .char_indices()
                .rev()
                .nth(last)
                .map_or(0, |(index, _)| index),
        };
        let after = self.text.split_off(split);
        if inside == 0 {
            self.closing_marks = 0;
        }
        match self.text.chars().last() {
            Some(last) if last == mark => {}
            Some(last) => match merged(last, mark) {
                Some(merged) => {
                    self.text.pop();
                    self.text.push_str(merged);
                }
                None => self.text.push(mark),
            },
            None => self.text.push(mark),
        }
        self.text.push_str(&after);
    }
}

/// Two punctuation marks side by side as the reference processor writes them, where it
/// changes them.
fn merged(left: char, right: char) -> Option<&'static str> {
    Some(match (left, right) {
        ('!', '.' | ':') | (':' | ';', '!') => "!",
        ('!', '?') => "!?",
        ('!', ',') => "!,",
        ('!', ';') => "!;",
        ('?', '!') => "?!",
        ('?', '.' | ':') | (':' | ';', '?') => "?",
        ('?', ',') => "?,",
        ('?', ';') => "?;",
        (':', '.') => ":",
        (';', ':' | '.') => ";",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn newspaper(title: &str, date: &Value) -> Value {
        serde_json::json!({
            "id": "x",
            "type": "article-newspaper",
            "title": title,
            "container-title": "the paper",
            "issued": date,
            "URL": "https://example.org/x",
            "accessed": { "date-parts": [[2026, 11, 28]] },
            "language": "en",
        })
    }

    #[test]
    fn a_full_stop_after_a_question_or_a_quotation_is_merged_or_moved_inside() {
        let dated = serde_json::json!({ "date-parts": [[2012, 10, 10]] });
        assert_eq!(
            reference(&newspaper("how many?", &dated), TextStyle::Apa),
            "how many? (2012, October 10). The Paper. https://example.org/x"
        );
        assert_eq!(
            reference(&newspaper("how many?", &dated), TextStyle::Chicago),
            "The Paper. 2012. “How Many?” October 10. https://example.org/x."
        );
        assert_eq!(
            reference(&newspaper("“quoted”", &dated), TextStyle::Apa),
            "“quoted.” (2012, October 10). The Paper. https://example.org/x"
        );
    }

    #[test]
    fn an_undated_page_is_retrieved_or_accessed_on_a_day() {
        let undated = newspaper("a page", &Value::Null);
        assert_eq!(
            reference(&undated, TextStyle::Apa),
            "a page. (n.d.). The Paper. Retrieved November 28, 2026, from https://example.org/x"
        );
        assert_eq!(
            reference(&undated, TextStyle::Chicago),
            "The Paper. n.d. “A Page.” Accessed November 28, 2026. https://example.org/x."
        );
    }
}
