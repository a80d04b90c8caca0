//! Reads the embedded dataset, `data/nkru.json`, with the crate's own parser and validator (its
//! modules, compiled here as well) and fails the build with the validator's problems if it is not
//! valid. Writes it into `OUT_DIR` as Rust statics (`embedded.rs`, which `dataset::embedded`
//! includes), so nkru reads its own data without parsing, and gives `--version` the dataset's
//! version, its `as_of` date and the latest date its figures reach.

// The dataset's modules serve the whole crate; the build script uses a part of them.
#![allow(dead_code, unused_imports)]

use std::fmt::Write as _;
use std::fs;
use std::path::Path;

/// The crate's `text` module, which the parser and the validator use.
#[path = "src/text.rs"]
mod text;

/// The one error of the dataset's modules, as far as they use it: their messages.
mod error {
    use std::fmt;

    /// What went wrong reading or checking the dataset.
    #[derive(Debug)]
    pub enum Error {
        /// The dataset cannot be read or is not valid.
        Dataset(String),
        /// The dataset was asked for wrongly.
        Usage(String),
    }

    impl fmt::Display for Error {
        fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
            match self {
                Error::Dataset(message) | Error::Usage(message) => formatter.write_str(message),
            }
        }
    }

    pub type Result<T> = std::result::Result<T, Error>;
}

/// The crate's `src/` folder, holding the dataset's modules at their own paths.
mod src {
    /// The dataset: its model, reading, parsing and validation, as the crate has them.
    pub mod dataset {
        pub mod index;
        pub mod load;
        pub mod model;
        pub mod parse;
        pub mod validate;

        pub use model::{
            Counts, Coverage, Dataset, Date, Estimate, Event, Fact, Group, List, Name, Period,
            Precision, Qualifier, Related, Source, SourceKind, Stored, Text,
        };

        /// The dataset built into nkru.
        pub const EMBEDDED: &str = include_str!("data/nkru.json");

        /// The tables the embedded dataset's records refer to, empty here: this script writes
        /// them.
        mod generated {
            use super::model::{Fact, Period, Qualifier, Text};

            /// The embedded dataset's one text.
            pub(super) const TEXT: &str = "";
            /// Its lists of texts.
            pub(super) static TEXTS: [Text<'static>; 0] = [];
            /// Its lists of periods.
            pub(super) static PERIODS: [Period<'static>; 0] = [];
            /// Its lists of facts.
            pub(super) static FACTS: [Fact<'static>; 0] = [];
            /// Its lists of qualifiers.
            pub(super) static QUALIFIERS: [Qualifier; 0] = [];
        }
    }
}

use src::dataset::{
    self, Dataset, Date, Estimate, Event, Fact, Group, List, Name, Period, Related, Source, Text,
};

fn main() {
    println!("cargo:rerun-if-changed=data/nkru.json");
    let origin = dataset::load::Origin::Embedded;
    let checked = dataset::parse::parse(dataset::EMBEDDED, &origin)
        .and_then(|parsed| dataset::validate::checked(&origin, parsed));
    let parsed = match checked {
        Ok(parsed) => parsed,
        Err(error) => panic!("data/nkru.json is not a valid dataset: {error}"),
    };
    if let Some(field) = parsed.unknown_fields.first() {
        panic!(
            "data/nkru.json has a field nkru does not know: {}",
            field.path
        );
    }
    let dataset = parsed.dataset;

    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    fs::write(Path::new(&out).join("embedded.rs"), statics(&dataset))
        .expect("the embedded dataset can be written to OUT_DIR");

    // Dates are written YYYY, YYYY-MM or YYYY-MM-DD, so the latest sorts last as text.
    let figures_to = dataset
        .estimates
        .iter()
        .filter_map(|estimate| estimate.period.to.or(estimate.period.from))
        .map(|date| date.to_string())
        .max()
        .unwrap_or_else(|| String::from("unknown"));
    println!("cargo:rustc-env=NKRU_DATASET_VERSION={}", dataset.version);
    println!("cargo:rustc-env=NKRU_DATASET_AS_OF={}", dataset.as_of);
    println!("cargo:rustc-env=NKRU_FIGURES_TO={figures_to}");
}

/// The dataset as Rust: one static per list of records, a table per type of the lists inside
/// records, one text holding every text, and `dataset()`, which puts them together without
/// copying anything. Records name their texts and lists by place rather than by pointer, so the
/// statics are constant data that the binary need not fix up when it starts.
fn statics(dataset: &Dataset<'_>) -> String {
    let mut tables = Tables::default();
    let lists: [(&str, &str, String); 6] = [
        ("GROUPS", "Group", array(&dataset.groups[..], &mut tables)),
        (
            "ESTIMATES",
            "Estimate",
            array(&dataset.estimates[..], &mut tables),
        ),
        ("EVENTS", "Event", array(&dataset.events[..], &mut tables)),
        (
            "SOURCES",
            "Source",
            array(&dataset.sources[..], &mut tables),
        ),
        (
            "RELATED",
            "Related",
            array(&dataset.related[..], &mut tables),
        ),
        ("NAMES", "Name", array(&dataset.names[..], &mut tables)),
    ];
    let title = literal(&dataset.title, &mut tables);
    let overview = literal(&dataset.overview, &mut tables);
    let categories = literal(&dataset.categories, &mut tables);
    let version = literal(&dataset.version, &mut tables);
    let as_of = literal(&dataset.as_of, &mut tables);

    let mut out = String::from(
        "// Written by build.rs from data/nkru.json, which it read and checked.\n\n\
         use super::index::IndexCell;\n\
         use super::model::{\n    Counts, Coverage, Dataset, Date, Estimate, Event, Fact, Group, List, Name, Period,\n    \
         Piece, Precision, Qualifier, Related, Run, Source, SourceKind, Text,\n};\n\n",
    );
    let _ = writeln!(
        out,
        "/// Every text of the dataset, each once; records name a text by its place here.\n\
         pub(super) const TEXT: &str = {:?};\n",
        tables.text
    );
    let stored: [(&str, &str, &Vec<String>); 4] = [
        ("TEXTS", "Text<'static>", &tables.texts),
        ("PERIODS", "Period<'static>", &tables.periods),
        ("FACTS", "Fact<'static>", &tables.facts),
        ("QUALIFIERS", "Qualifier", &tables.qualifiers),
    ];
    for (name, item, items) in stored {
        let _ = writeln!(
            out,
            "pub(super) static {name}: [{item}; {}] = [{}];\n",
            items.len(),
            items.join(", ")
        );
    }
    for (name, record, items) in &lists {
        let _ = writeln!(
            out,
            "static {name}: {items};\n",
            items = items.replace("RECORD", record)
        );
    }
    let _ = write!(
        out,
        "/// The embedded dataset, made of the statics above.\n\
         pub(super) fn dataset() -> Dataset<'static> {{\n    Dataset {{\n        \
         title: {title},\n        overview: {overview},\n        categories: {categories},\n        \
         version: {version},\n        as_of: {as_of},\n        groups: List::Borrowed(&GROUPS),\n        \
         estimates: List::Borrowed(&ESTIMATES),\n        events: List::Borrowed(&EVENTS),\n        \
         sources: List::Borrowed(&SOURCES),\n        related: List::Borrowed(&RELATED),\n        \
         names: List::Borrowed(&NAMES),\n        index: IndexCell::new(),\n    }}\n}}\n",
    );
    out
}

/// What the records' literals refer to: the one text, and the table of each type of item that
/// lists inside records hold.
#[derive(Default)]
struct Tables {
    /// Every text, each once.
    text: String,
    /// Where each text is in `text`.
    places: std::collections::HashMap<String, (usize, usize)>,
    /// The items of lists of texts.
    texts: Vec<String>,
    /// The items of lists of periods.
    periods: Vec<String>,
    /// The items of lists of facts.
    facts: Vec<String>,
    /// The items of lists of qualifiers.
    qualifiers: Vec<String>,
}

/// The type and Rust expression of a list of records, as a static array of `RECORD`s.
fn array<T: Literal>(records: &[T], tables: &mut Tables) -> String {
    let mut out = format!("[RECORD<'static>; {}] = ", records.len());
    records.write(&mut out, tables);
    out
}

/// The Rust expression of a value, as constant data.
fn literal<T: Literal + ?Sized>(value: &T, tables: &mut Tables) -> String {
    let mut out = String::new();
    value.write(&mut out, tables);
    out
}

/// A value written as a Rust expression that a static can hold without a pointer.
trait Literal {
    /// Writes the expression, adding what it refers to to `tables`.
    fn write(&self, out: &mut String, tables: &mut Tables);
}

/// A type whose items embedded lists hold in a table of their own.
trait Tabled: Literal + dataset::Stored {
    /// The table of this type.
    fn table(tables: &mut Tables) -> &mut Vec<String>;
}

impl Literal for Text<'_> {
    fn write(&self, out: &mut String, tables: &mut Tables) {
        let text: &str = self;
        let (start, end) = if let Some(place) = tables.places.get(text) {
            *place
        } else {
            let place = (tables.text.len(), tables.text.len() + text.len());
            tables.text.push_str(text);
            tables.places.insert(text.to_owned(), place);
            place
        };
        let _ = write!(
            out,
            "Text::Embedded(Piece {{ start: {start}, end: {end} }})"
        );
    }
}

impl<T: Tabled> Literal for List<'_, T> {
    fn write(&self, out: &mut String, tables: &mut Tables) {
        let items: Vec<String> = self.iter().map(|item| literal(item, tables)).collect();
        let table = <T as Tabled>::table(tables);
        let start = table.len();
        table.extend(items);
        let _ = write!(
            out,
            "List::Embedded(Run {{ start: {start}, length: {} }})",
            self.len()
        );
    }
}

impl Tabled for Text<'_> {
    fn table(tables: &mut Tables) -> &mut Vec<String> {
        &mut tables.texts
    }
}

impl Tabled for Period<'_> {
    fn table(tables: &mut Tables) -> &mut Vec<String> {
        &mut tables.periods
    }
}

impl Tabled for Fact<'_> {
    fn table(tables: &mut Tables) -> &mut Vec<String> {
        &mut tables.facts
    }
}

impl Tabled for dataset::Qualifier {
    fn table(tables: &mut Tables) -> &mut Vec<String> {
        &mut tables.qualifiers
    }
}

impl<T: Literal> Literal for Option<T> {
    fn write(&self, out: &mut String, tables: &mut Tables) {
        match self {
            Some(value) => {
                out.push_str("Some(");
                value.write(out, tables);
                out.push(')');
            }
            None => out.push_str("None"),
        }
    }
}

impl<T: Literal> Literal for [T] {
    fn write(&self, out: &mut String, tables: &mut Tables) {
        out.push('[');
        for (index, item) in self.iter().enumerate() {
            if index > 0 {
                out.push_str(", ");
            }
            item.write(out, tables);
        }
        out.push(']');
    }
}

impl Literal for u64 {
    fn write(&self, out: &mut String, _: &mut Tables) {
        let _ = write!(out, "{self}");
    }
}

impl Literal for bool {
    fn write(&self, out: &mut String, _: &mut Tables) {
        let _ = write!(out, "{self}");
    }
}

impl Literal for Date {
    fn write(&self, out: &mut String, _: &mut Tables) {
        let Date { year, month, day } = self;
        let _ = write!(
            out,
            "Date {{ year: {year}, month: {month:?}, day: {day:?} }}"
        );
    }
}

/// Enumerations are written by their variant's name, which `Debug` gives.
macro_rules! variants {
    ($($kind:ident),*) => {$(
        impl Literal for dataset::$kind {
            fn write(&self, out: &mut String, _: &mut Tables) {
                let _ = write!(out, "{}::{self:?}", stringify!($kind));
            }
        }
    )*};
}

variants!(Precision, Qualifier, Counts, Coverage, SourceKind);

/// Records are written field by field; each names every field of its type, so a field added to
/// the model and not written here is a compile error.
macro_rules! record {
    ($type:ident { $($field:ident),* $(,)? }) => {
        impl Literal for $type<'_> {
            fn write(&self, out: &mut String, tables: &mut Tables) {
                let $type { $($field),* } = self;
                out.push_str(concat!(stringify!($type), " {"));
                $(
                    out.push_str(concat!(" ", stringify!($field), ": "));
                    $field.write(out, tables);
                    out.push(',');
                )*
                out.push_str(" }");
            }
        }
    };
}

record!(Group {
    id,
    name,
    aliases,
    description,
    periods,
    facts
});
record!(Fact {
    text,
    source,
    section
});
record!(Period {
    precision,
    from,
    to,
    text
});
record!(Estimate {
    id,
    group,
    low,
    high,
    qualifiers,
    counts,
    period,
    region,
    coverage,
    attributed_to,
    party_to_conflict,
    source,
    section,
    note,
    same_figure_as,
});
record!(Event {
    id,
    period,
    description,
    groups,
    attributed_to,
    source,
    section
});
record!(Source {
    id,
    publisher,
    title,
    title_english,
    date,
    url,
    retrieved,
    kind,
    original_publisher,
    language,
    note,
});
record!(Related {
    id,
    name,
    description,
    origin,
    destination,
    period,
    source,
    section
});
record!(Name {
    id,
    en,
    group,
    ko,
    ru,
    aliases,
    sources,
    note
});
