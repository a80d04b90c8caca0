//! The checks the fuzz targets make, shared with the test that replays their corpus, so both
//! hold the same invariants. Not part of nkru's stable interface.

use std::sync::Arc;

use crate::dataset::{self, DEFAULT_SIZE_LIMIT, Dataset, Origin, SizeLimit};
use crate::query;

/// Any bytes end in a dataset or in one error of exit code 3; every message is one line with
/// no control character.
pub fn check_dataset(bytes: &[u8]) {
    let origin = Origin::Memory(Arc::from(bytes));
    let limit = SizeLimit {
        bytes: DEFAULT_SIZE_LIMIT,
        how_to_raise: "raise the limit",
    };
    let Ok(text) = dataset::read(&origin, limit, &mut std::io::empty()) else {
        return;
    };
    match dataset::parse(&text, &origin) {
        Ok(parsed) => {
            for problem in dataset::validate(&parsed.dataset) {
                let line = problem.to_string();
                assert!(!line.contains('\n'), "a problem is one line: {line:?}");
                assert!(!line.chars().any(char::is_control), "escaped: {line:?}");
            }
        }
        Err(error) => {
            assert_eq!(error.exit_code(), 3, "{error}");
            let message = error.to_string();
            assert!(!message.contains('\n'), "one line: {message:?}");
        }
    }
}

/// Any name finds one group, which its id finds again, or fails as not found (exit 1) or as
/// usage (exit 2) with a message that has no control character.
pub fn check_group_name(dataset: &Dataset, name: &str) {
    match query::resolve_group(dataset, name) {
        Ok(group) => {
            assert!(!group.id.is_empty(), "a found group has an id");
            let again = query::resolve_group(dataset, &group.id).map(|found| found.id.as_ref());
            assert_eq!(again.ok(), Some(group.id.as_ref()), "an id finds its group");
        }
        Err(error) => {
            assert!(matches!(error.exit_code(), 1 | 2), "{error}");
            let message = error.to_string();
            assert!(
                !message.chars().any(char::is_control),
                "escaped: {message:?}"
            );
        }
    }
}
