//! Citations of sources and records: CSL-JSON items, APA and Chicago author-date text rendered
//! from the official CSL styles (by hayagriva), BibTeX entries (by the biblatex crate), and RIS.

use std::fmt::Write as _;
use std::io::Write;

use biblatex::{Chunk, Spanned};
use hayagriva::archive::{self, ArchivedStyle};
use hayagriva::citationberg::json::Item;
use hayagriva::citationberg::{LocaleCode, Style as CslStyle};
use hayagriva::{
    BibliographyDriver, BibliographyRequest, BufWriteFormat, CitationItem, CitationRequest,
};

use crate::dataset::{Date, Source, SourceKind};
use crate::error::{Error, Result};
use crate::query::Citable;

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

/// Writes the citations of `citables` in `style`: text one citation a line, BibTeX and RIS one
/// entry after another, CSL-JSON as one array.
pub fn write(writer: &mut dyn Write, style: Style, citables: &[Citable<'_>]) -> Result<()> {
    match style {
        Style::Apa => text(
            writer,
            ArchivedStyle::AmericanPsychologicalAssociation,
            citables,
        ),
        Style::Chicago => text(writer, ArchivedStyle::ChicagoAuthorDate, citables),
        Style::CslJson => {
            let items: Vec<serde_json::Value> = citables.iter().map(item).collect();
            super::machine::write_json(writer, &items)
        }
        Style::Bibtex => {
            for (index, citable) in citables.iter().enumerate() {
                if index > 0 {
                    writeln!(writer)?;
                }
                writeln!(writer, "{}", bibtex(citable)?)?;
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

/// Who published a source as a reference manager names it: a newspaper or an encyclopedia is
/// the container of what it publishes; the other kinds are authors of their own publications.
fn publishes_as_author(kind: SourceKind) -> bool {
    matches!(
        kind,
        SourceKind::Government | SourceKind::Un | SourceKind::Ngo
    )
}

/// The note a citation carries: what a record states and who made it, as reported by whom, and
/// who first published a source that is a copy.
fn note(citable: &Citable<'_>) -> Option<String> {
    let original = citable
        .source
        .original_publisher
        .as_ref()
        .map(|original| format!("first published by {original}"));
    let Some(statement) = citable.statement.as_deref() else {
        return original;
    };
    let mut note = format!("{}: {}", citable.id, statement.trim_end_matches('.'));
    if let Some(original) = original {
        note.push_str(&format!("; {original}"));
    }
    if let Some(author) = citable.attributed_to {
        note.push_str(&format!(
            "; {author}, as reported by {}",
            citable.source.publisher
        ));
    }
    if let Some(section) = citable.section {
        note.push_str(&format!("; section: {section}"));
    }
    Some(note)
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
    set("title", text(&source.title));
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

/// Citations as text in a CSL style, one a line. A record's line begins with what it states and
/// who made it, as reported by the publisher, then the reference to its source.
fn text(writer: &mut dyn Write, style: ArchivedStyle, citables: &[Citable<'_>]) -> Result<()> {
    let CslStyle::Independent(style) = style.get() else {
        return Err(Error::Usage(String::from(
            "the citation style bundled with nkru depends on another style",
        )));
    };
    let locales = archive::locales();
    for citable in citables {
        // The reference is to the source alone; the record's words come before it.
        let source_only = Citable {
            statement: None,
            attributed_to: None,
            section: None,
            ..citable.clone()
        };
        // The item is read back as CSL-JSON, the form hayagriva renders from.
        let entry: Item = serde_json::from_value(item(&source_only))?;
        let mut driver = BibliographyDriver::new();
        driver.citation(CitationRequest::from_items(
            vec![CitationItem::with_entry(&entry)],
            &style,
            &locales,
        ));
        let rendered = driver.finish(BibliographyRequest::new(
            &style,
            Some(LocaleCode::en_us()),
            &locales,
        ));
        let mut reference = String::new();
        for entry in rendered.bibliography.iter().flat_map(|list| &list.items) {
            entry
                .content
                .write_buf(&mut reference, BufWriteFormat::Plain)
                .map_err(|_| Error::Usage(String::from("a citation could not be rendered")))?;
        }
        let mut line = String::new();
        if let Some(statement) = &citable.statement {
            let _ = write!(line, "{statement}");
            if let Some(author) = citable.attributed_to {
                let _ = write!(
                    line,
                    ": {author}, as reported by {}",
                    citable.source.publisher
                );
            }
            if let Some(section) = citable.section {
                let _ = write!(line, " (section: {section})");
            }
            line.push_str(". ");
        }
        line.push_str(reference.trim());
        writeln!(writer, "{}", crate::text::escape_control(&line))?;
    }
    Ok(())
}

/// A field of a BibTeX entry as the biblatex crate holds it.
fn chunks(text: &str) -> Vec<Spanned<Chunk>> {
    vec![Spanned::zero(Chunk::Normal(text.to_owned()))]
}

/// Text BibTeX must keep as it is, such as a title's capitals or an organisation's name, which
/// would otherwise be split into first and last names.
fn verbatim(text: &str) -> Vec<Spanned<Chunk>> {
    vec![Spanned::zero(Chunk::Verbatim(text.to_owned()))]
}

/// The BibTeX entry of a source or record, keyed by its id.
fn bibtex(citable: &Citable<'_>) -> Result<String> {
    use biblatex::EntryType;
    let source = citable.source;
    let entry_type = match source.kind {
        SourceKind::News => EntryType::Article,
        SourceKind::Government | SourceKind::Un | SourceKind::Ngo => EntryType::Report,
        SourceKind::Study | SourceKind::Encyclopedia => EntryType::Misc,
    };
    let mut entry = biblatex::Entry::new(citable.id.clone(), entry_type);
    entry.set("title", verbatim(&source.title));
    match source.kind {
        SourceKind::News => entry.set("journaltitle", verbatim(&source.publisher)),
        SourceKind::Government | SourceKind::Un | SourceKind::Ngo => {
            entry.set("author", verbatim(&source.publisher));
            entry.set("institution", verbatim(&source.publisher));
        }
        SourceKind::Study | SourceKind::Encyclopedia => {
            entry.set("publisher", verbatim(&source.publisher));
            entry.set("howpublished", verbatim(&source.publisher));
        }
    }
    if let Some(date) = source.date {
        entry.set("year", chunks(&format!("{:04}", date.year)));
        if let Some(month) = date.month {
            entry.set("month", chunks(&month.to_string()));
        }
    }
    if let Some(url) = &source.url {
        entry.set("url", chunks(url));
    }
    if let Some(retrieved) = source.retrieved {
        entry.set("urldate", chunks(&retrieved.to_string()));
    }
    if let Some(language) = &source.language {
        entry.set("language", chunks(language));
    }
    if let Some(note) = note(citable) {
        entry.set("note", chunks(&note));
    }
    entry.to_bibtex_string().map_err(|error| {
        Error::Usage(format!(
            "the BibTeX entry of `{}` could not be written: {error}",
            citable.id
        ))
    })
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
    lines.push(("TI", source.title.clone()));
    if publishes_as_author(source.kind) {
        lines.push(("AU", source.publisher.clone()));
    } else {
        lines.push(("T2", source.publisher.clone()));
    }
    lines.push(("PB", source.publisher.clone()));
    if let Some(date) = source.date {
        lines.push(("PY", format!("{:04}", date.year)));
        lines.push(("DA", ris_date(date)));
    }
    if let Some(url) = &source.url {
        lines.push(("UR", url.clone()));
    }
    if let Some(retrieved) = source.retrieved {
        lines.push(("Y2", ris_date(retrieved)));
    }
    if let Some(language) = &source.language {
        lines.push(("LA", language.clone()));
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
