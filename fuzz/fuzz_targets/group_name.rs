//! Group-name resolution against the embedded dataset: any name finds one group or says why not.

#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use nkru::model::Dataset;
use nkru::query::resolve_group;

static DATASET: OnceLock<Dataset> = OnceLock::new();

fuzz_target!(|name: &str| {
    let dataset = DATASET.get_or_init(|| match nkru::data::embedded() {
        Ok(dataset) => dataset,
        Err(error) => panic!("the embedded dataset loads: {error}"),
    });
    match resolve_group(dataset, name) {
        Ok(group) => {
            let again = resolve_group(dataset, &group.id).map(|found| found.id.as_str());
            assert_eq!(again.ok(), Some(group.id.as_str()), "an id finds its group");
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
});
