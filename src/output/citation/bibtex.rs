//! BibTeX entries: keys made safe and unique, text escaped for LaTeX with every brace
//! balanced, an author (the publisher, as a corporate author) in every entry, and the types
//! and fields that BibTeX's standard styles and biblatex both read.

use std::collections::HashSet;
use std::fmt::Write as _;

use crate::dataset::SourceKind;
use crate::query::Citable;

/// Entry keys given out so far, so that no two entries share one.
#[derive(Default)]
pub struct Keys {
    taken: HashSet<String>,
}

impl Keys {
    /// A key for `id`: its letters, digits and `-_:.` kept and anything else made `-`, with a
    /// number added when another entry already has it.
    pub fn key(&mut self, id: &str) -> String {
        let safe: String = id
            .chars()
            .map(|character| {
                if character.is_ascii_alphanumeric() || matches!(character, '-' | '_' | ':' | '.') {
                    character
                } else {
                    '-'
                }
            })
            .collect();
        let safe = if safe.is_empty() {
            String::from("entry")
        } else {
            safe
        };
        let mut key = safe.clone();
        let mut number = 2;
        while !self.taken.insert(key.clone()) {
            key = format!("{safe}-{number}");
            number += 1;
        }
        key
    }
}

/// Text as LaTeX reads it: its special characters written as commands, so every brace in the
/// field is one BibTeX counts as balanced.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for character in text.chars() {
        match character {
            '\\' => out.push_str("\\textbackslash{}"),
            '{' => out.push_str("\\textbraceleft{}"),
            '}' => out.push_str("\\textbraceright{}"),
            '~' => out.push_str("\\textasciitilde{}"),
            '^' => out.push_str("\\textasciicircum{}"),
            '&' | '%' | '$' | '#' | '_' => {
                out.push('\\');
                out.push(character);
            }
            character if character.is_control() => out.push(' '),
            character => out.push(character),
        }
    }
    out
}

/// A URL as a BibTeX field holds it: as written (styles print it verbatim), with the
/// characters that would end the field or the line percent-encoded.
fn url(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for character in text.chars() {
        match character {
            '{' => out.push_str("%7B"),
            '}' => out.push_str("%7D"),
            '\\' => out.push_str("%5C"),
            character if character.is_control() || character.is_whitespace() => {
                let _ = write!(out, "%{:02X}", u32::from(character));
            }
            character => out.push(character),
        }
    }
    out
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// The BibTeX entry of a source or record under `key`, with `note` as its note.
pub fn entry(citable: &Citable<'_>, key: &str, note: Option<&str>) -> String {
    let source = citable.source;
    // BibTeX's standard styles need a year for an article or a report; an undated source is
    // a `misc` entry, which needs nothing.
    let entry_type = match (source.kind, source.date) {
        (SourceKind::News, Some(_)) => "article",
        (SourceKind::Government | SourceKind::Un | SourceKind::Ngo, Some(_)) => "techreport",
        _ => "misc",
    };
    let mut fields: Vec<(&str, String)> = Vec::new();
    // The publisher as a corporate author: double braces keep it one name, not split into
    // first and last names.
    fields.push(("author", format!("{{{}}}", escape(&source.publisher))));
    fields.push(("title", format!("{{{}}}", escape(&source.title))));
    if let Some(english) = &source.title_english {
        fields.push(("titleaddon", format!("[{}]", escape(english))));
    }
    let publisher_field = match entry_type {
        "article" => "journal",
        "techreport" => "institution",
        _ => "howpublished",
    };
    fields.push((publisher_field, escape(&source.publisher)));
    if let Some(date) = source.date {
        fields.push(("date", date.to_string()));
        fields.push(("year", format!("{:04}", date.year)));
        if let Some(month) = date.month
            && let Some(name) = MONTHS.get(usize::from(month).wrapping_sub(1))
        {
            fields.push(("month", (*name).to_owned()));
        }
    }
    if let Some(address) = &source.url {
        fields.push(("url", url(address)));
    }
    if let Some(retrieved) = source.retrieved {
        fields.push(("urldate", retrieved.to_string()));
    }
    if let Some(language) = &source.language {
        fields.push(("language", escape(language)));
    }
    if let Some(note) = note {
        fields.push(("note", escape(note)));
    }
    let mut entry = format!("@{entry_type}{{{key},\n");
    for (name, value) in fields {
        if name == "month" {
            // A month is BibTeX's own macro (`nov`), which every style prints in words.
            let _ = writeln!(entry, "  {name} = {value},");
        } else {
            let _ = writeln!(entry, "  {name} = {{{value}}},");
        }
    }
    entry.push('}');
    entry
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn special_characters_become_latex_commands_with_balanced_braces() {
        assert_eq!(escape("a~b"), "a\\textasciitilde{}b");
        assert_eq!(escape("50% & {x"), "50\\% \\& \\textbraceleft{}x");
        let escaped = escape("}}{ \\");
        assert_eq!(
            escaped.matches('{').count(),
            escaped.matches('}').count(),
            "{escaped}"
        );
        assert_eq!(url("https://a/b{c}~d e"), "https://a/b%7Bc%7D~d%20e");
    }

    #[test]
    fn keys_are_safe_and_unique() {
        let mut keys = Keys::default();
        assert_eq!(keys.key("bbc-2009/08 timber"), "bbc-2009-08-timber");
        assert_eq!(keys.key("bbc-2009-08-timber"), "bbc-2009-08-timber-2");
        assert_eq!(keys.key("a:b.c_d"), "a:b.c_d");
        assert_eq!(keys.key("ключ"), "----");
        assert_eq!(keys.key(""), "entry");
    }
}
