//! Reads the embedded dataset's version, its `as_of` date and the latest date its figures reach,
//! so `nkru --version` can show them.

use std::fs;

fn main() {
    const DATASET: &str = "data/nkru.json";
    println!("cargo:rerun-if-changed={DATASET}");
    let text = fs::read_to_string(DATASET).expect("data/nkru.json can be read");
    let dataset: serde_json::Value =
        serde_json::from_str(&text).expect("data/nkru.json is valid JSON");
    let version = dataset["version"]
        .as_str()
        .expect("data/nkru.json has a `version` string");
    let as_of = dataset["as_of"]
        .as_str()
        .expect("data/nkru.json has an `as_of` date");
    // Dates are written YYYY, YYYY-MM or YYYY-MM-DD, so the latest sorts last as text.
    let figures_to = dataset["estimates"]
        .as_array()
        .expect("data/nkru.json has a list of estimates")
        .iter()
        .filter_map(|estimate| {
            let period = &estimate["period"];
            period["to"].as_str().or_else(|| period["from"].as_str())
        })
        .max()
        .unwrap_or("unknown");
    println!("cargo:rustc-env=NKRU_DATASET_VERSION={version}");
    println!("cargo:rustc-env=NKRU_DATASET_AS_OF={as_of}");
    println!("cargo:rustc-env=NKRU_FIGURES_TO={figures_to}");
}
