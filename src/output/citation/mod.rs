//! Citations of sources and records: CSL-JSON items, APA and Chicago author-date text as the
//! reference CSL processor renders those items with the official styles (`styles`), BibTeX
//! entries (`bibtex`), and RIS.

use std::fmt::Write as _;
use std::io::Write;

use styles::TextStyle;

use crate::dataset::{Date, Source, SourceKind};
use crate::error::Result;
use crate::query::Citable;

mod bibtex;
mod styles;
mod typography;

/// The forms a citation can be written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// Text in the style of the American Psychological Association (7th edition).
    Apa,
    /// Text in the Chicago Manual of Style's author-date style.
    Chicago,
    /// BibTeX entries.
    Bibtex,
    /// A JSON array of CSL-JSON items, which reference managers import.
    CslJson,
    /// RIS records.
    Ris,
}

/// Writes the citations of `citables` in `style`: text a reference a line (a record's statement
/// on the line before its source's reference), BibTeX and RIS one entry after another,
/// CSL-JSON as one array.
pub fn write(writer: &mut dyn Write, style: Style, citables: &[Citable<'_>]) -> Result<()> {
    match style {
        Style::Apa => text(writer, TextStyle::Apa, citables),
        Style::Chicago => text(writer, TextStyle::Chicago, citables),
        Style::CslJson => super::machine::write_json(writer, &Items(citables)),
        Style::Bibtex => {
            let mut keys = bibtex::Keys::default();
            for (index, citable) in citables.iter().enumerate() {
                if index > 0 {
                    writeln!(writer)?;
                }
                let key = keys.key(&citable.id);
                writeln!(
                    writer,
                    "{}",
                    bibtex::entry(citable, &key, note(citable).as_deref())
                )?;
            }
            Ok(())
        }
        Style::Ris => {
            for citable in citables {
                writer.write_all(ris(citable).as_bytes())?;
            }
            Ok(())
        }
    }
}

/// The CSL-JSON items of citations, each made as it is written, so a long list is never held
/// whole as JSON.
struct Items<'c>(&'c [Citable<'c>]);

impl serde::Serialize for Items<'_> {
    fn serialize<S: serde::Serializer>(
        &self,
        serializer: S,
    ) -> std::result::Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.iter().map(item))
    }
}

/// Who published a source as a reference manager names it: a newspaper or an encyclopedia is
/// the container of what it publishes; the other kinds are authors of their own publications.
fn publishes_as_author(kind: SourceKind) -> bool {
    matches!(
        kind,
        SourceKind::Government | SourceKind::Un | SourceKind::Ngo
    )
}

/// What a record states, who made the figure or says it happened, and who reported it, as one
/// sentence: "11,490 people present at one time, end of 2018, Russia, according to …, as
/// reported by …." None for a source alone.
fn statement(citable: &Citable<'_>) -> Option<String> {
    let statement = citable.statement.as_deref()?;
    let mut sentence = statement.trim_end().trim_end_matches('.').to_owned();
    if let Some(author) = citable.attributed_to {
        let _ = write!(
            sentence,
            ", according to {}, as reported by {}",
            author.trim_end_matches('.'),
            citable.source.publisher
        );
    }
    if let Some(section) = citable.section {
        let _ = write!(sentence, " (section: {section})");
    }
    sentence.push('.');
    Some(sentence)
}

/// The note a citation carries: a record's statement, and who first published a source that
/// is a copy.
fn note(citable: &Citable<'_>) -> Option<String> {
    let original = citable
        .source
        .original_publisher
        .as_ref()
        .map(|original| format!("First published by {original}."));
    match (statement(citable), original) {
        (Some(statement), Some(original)) => Some(format!("{statement} {original}")),
        (statement, original) => statement.or(original),
    }
}

/// A title as CSL-JSON carries it: the original, then its English translation in square
/// brackets, as APA (7th) and Chicago (18th) both print a translated title. CSL 1.0.2 has no
/// variable of its own for a translation.
fn csl_title(source: &Source) -> String {
    match &source.title_english {
        Some(english) => format!("{} [{english}]", source.title),
        None => source.title.to_string(),
    }
}

/// A date as CSL-JSON's date parts, as precise as it is known.
fn date_parts(date: Date) -> serde_json::Value {
    let mut parts = vec![i64::from(date.year)];
    parts.extend(date.month.map(i64::from));
    parts.extend(date.day.map(i64::from));
    serde_json::json!({ "date-parts": [parts] })
}

/// The CSL-JSON item of a source or record, in the shape of the CSL-JSON schema.
fn item(citable: &Citable<'_>) -> serde_json::Value {
    let source: &Source = citable.source;
    let mut item = serde_json::Map::new();
    let mut set = |key: &str, value: serde_json::Value| {
        item.insert(key.to_owned(), value);
    };
    let text = |text: &str| serde_json::Value::String(text.to_owned());
    set("id", text(&citable.id));
    set(
        "type",
        text(match source.kind {
            SourceKind::News => "article-newspaper",
            SourceKind::Encyclopedia => "entry-encyclopedia",
            SourceKind::Government | SourceKind::Un | SourceKind::Ngo => "report",
            SourceKind::Study => "article",
        }),
    );
    set("title", text(&csl_title(source)));
    if publishes_as_author(source.kind) {
        set(
            "author",
            serde_json::json!([{ "literal": source.publisher }]),
        );
        set("publisher", text(&source.publisher));
    } else if source.kind == SourceKind::Study {
        set("publisher", text(&source.publisher));
    } else {
        set("container-title", text(&source.publisher));
    }
    if let Some(date) = source.date {
        set("issued", date_parts(date));
    }
    if let Some(url) = &source.url {
        set("URL", text(url));
    }
    if let Some(retrieved) = source.retrieved {
        set("accessed", date_parts(retrieved));
    }
    if let Some(language) = &source.language {
        set("language", text(language));
    }
    if let Some(section) = citable.section {
        set("section", text(section));
    }
    if let Some(note) = note(citable) {
        set("note", text(&note));
    }
    serde_json::Value::Object(item)
}

/// Citations as text in a CSL style: a source's reference on a line; a record's statement on
/// a line, then its source's reference on the next, as citing the source gives it.
fn text(writer: &mut dyn Write, style: TextStyle, citables: &[Citable<'_>]) -> Result<()> {
    for citable in citables {
        if let Some(statement) = statement(citable) {
            writeln!(writer, "{}", crate::text::escape_control(&statement))?;
        }
        // The reference is to the source alone, as citing the source writes it.
        let source_only = Citable {
            id: citable.source.id.to_string(),
            statement: None,
            attributed_to: None,
            section: None,
            ..citable.clone()
        };
        let reference = styles::reference(&item(&source_only), style);
        writeln!(writer, "{}", crate::text::escape_control(&reference))?;
    }
    Ok(())
}

/// The RIS record of a source or record.
///
/// Written here by hand: RIS is a plain list of `TAG  - value` lines, and no well-kept Rust crate
/// writes it (the bibliography crates read it at most).
fn ris(citable: &Citable<'_>) -> String {
    let source = citable.source;
    let mut lines: Vec<(&str, String)> = Vec::new();
    let kind = match source.kind {
        SourceKind::News => "NEWS",
        SourceKind::Government => "GOVDOC",
        SourceKind::Un | SourceKind::Ngo => "RPRT",
        SourceKind::Study => "GEN",
        SourceKind::Encyclopedia => "ENCYC",
    };
    lines.push(("TY", kind.to_owned()));
    lines.push(("ID", citable.id.clone()));
    lines.push(("TI", source.title.to_string()));
    if let Some(english) = &source.title_english {
        lines.push(("TT", english.to_string()));
    }
    if publishes_as_author(source.kind) {
        lines.push(("AU", source.publisher.to_string()));
    } else {
        lines.push(("T2", source.publisher.to_string()));
    }
    lines.push(("PB", source.publisher.to_string()));
    if let Some(date) = source.date {
        lines.push(("PY", format!("{:04}", date.year)));
        lines.push(("DA", ris_date(date)));
    }
    if let Some(url) = &source.url {
        lines.push(("UR", url.to_string()));
    }
    if let Some(retrieved) = source.retrieved {
        lines.push(("Y2", ris_date(retrieved)));
    }
    if let Some(language) = &source.language {
        lines.push(("LA", language.to_string()));
    }
    if let Some(note) = note(citable) {
        lines.push(("N1", note));
    }
    let mut record = String::new();
    for (tag, value) in lines {
        // A value is one line: RIS ends a field at the line's end.
        let value: String = value
            .chars()
            .map(|character| {
                if character.is_control() {
                    ' '
                } else {
                    character
                }
            })
            .collect();
        let _ = write!(record, "{tag}  - {value}\r\n");
    }
    record.push_str("ER  - \r\n");
    record
}

/// A date as RIS writes it: `YYYY/MM/DD/`, with the parts not known left empty.
fn ris_date(date: Date) -> String {
    let two = |part: Option<u8>| part.map(|part| format!("{part:02}")).unwrap_or_default();
    format!("{:04}/{}/{}/", date.year, two(date.month), two(date.day))
}
