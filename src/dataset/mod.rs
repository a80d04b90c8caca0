//! The dataset: its types, reading, parsing, validation and schema. Knows nothing of the command line.

pub mod diff;
pub mod index;

pub mod load;
mod model;
pub mod parse;
pub mod schema;
pub mod stream;
#[cfg(feature = "synthetic")]
pub mod synthetic;
pub mod validate;

pub use index::{Citing, Index};
pub use load::{DEFAULT_SIZE_LIMIT, Origin, SizeLimit, read};
pub use model::{
    Counts, Coverage, Dataset, Date, DateError, Estimate, Event, Fact, Group, List, Name, Period,
    Precision, Qualifier, Related, Source, SourceKind, Text,
};
pub use parse::{Parsed, UnknownField, parse};
pub use validate::{LISTED_PROBLEMS, Problem, checked, validate, validate_counted};

/// The dataset built into nkru, from `data/nkru.json`.
pub const EMBEDDED: &str = include_str!("../../data/nkru.json");

/// Parses the embedded dataset without the checks a user's file gets. The tests prove that it
/// has no unknown field and keeps every invariant, so a query on it pays for the parse alone.
pub fn embedded_unchecked() -> crate::error::Result<Dataset<'static>> {
    parse::plain(EMBEDDED, &Origin::Embedded)
}

/// Parses the embedded dataset; it is checked by the tests, so a failure here is a build defect.
pub fn embedded() -> crate::error::Result<Dataset<'static>> {
    let origin = Origin::Embedded;
    checked(&origin, parse(EMBEDDED, &origin)?).map(|parsed| parsed.dataset)
}
