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
    Precision, Qualifier, Related, Source, SourceKind, Stored, Text,
};
pub use parse::{Parsed, UnknownField, parse};
pub use validate::{LISTED_PROBLEMS, Problem, checked, validate, validate_counted};

/// The text of the dataset built into nkru, `data/nkru.json`, for what reads it as JSON
/// (`validate` and `diff` of the embedded dataset); queries read [`embedded`] instead.
pub const EMBEDDED: &str = include_str!("../../data/nkru.json");

/// The embedded dataset as constant data, written by the build script from `data/nkru.json`
/// after it was parsed and checked by this module's own `parse` and `checked`.
#[allow(
    clippy::all,
    clippy::pedantic,
    reason = "code written by the build script"
)]
mod generated {
    include!(concat!(env!("OUT_DIR"), "/embedded.rs"));
}

/// The embedded dataset: statics in the binary, read without parsing. The build checked it as a
/// user's file is checked, so it cannot fail; it returns a `Result` as every reading of a dataset
/// does.
pub fn embedded() -> crate::error::Result<Dataset<'static>> {
    Ok(generated::dataset())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_binary_holds_exactly_the_data_of_the_file() {
        let parsed = parse(EMBEDDED, &Origin::Embedded).expect("the embedded text parses");
        let built = embedded().expect("the embedded dataset");
        assert_eq!(built, parsed.dataset);
        // And it is read in place: no list or text is copied to make it, and the records name
        // their texts and lists by place, so the binary holds them without pointers.
        assert!(matches!(built.estimates, List::Borrowed(_)));
        assert!(matches!(built.estimates[0].id, Text::Embedded(_)));
        assert!(matches!(built.groups[0].aliases, List::Embedded(_)));
    }
}
