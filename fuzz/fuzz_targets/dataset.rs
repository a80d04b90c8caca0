//! Dataset bytes through reading, parsing and validation: any bytes end in a dataset or one error.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    nkru::fuzzing::check_dataset(bytes);
});
