//! Group-name resolution against the embedded dataset: any name finds one group or says why not.

#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use nkru::dataset::Dataset;

static DATASET: OnceLock<Dataset> = OnceLock::new();

fuzz_target!(|name: &str| {
    let dataset = DATASET.get_or_init(|| match nkru::dataset::embedded() {
        Ok(dataset) => dataset,
        Err(error) => panic!("the embedded dataset loads: {error}"),
    });
    nkru::fuzzing::check_group_name(dataset, name);
});
