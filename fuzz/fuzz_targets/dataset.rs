//! Dataset bytes through reading, parsing and validation: any bytes end in a dataset or one error.

#![no_main]

use std::sync::Arc;

use libfuzzer_sys::fuzz_target;
use nkru::data::{self, Origin};

fuzz_target!(|bytes: &[u8]| {
    let origin = Origin::Memory(Arc::from(bytes));
    let Ok(text) = data::read(&origin, data::DEFAULT_SIZE_LIMIT) else {
        return;
    };
    match data::parse(&text, &origin) {
        Ok(parsed) => {
            for problem in data::validate(&parsed.dataset) {
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
});
