//! Reads the embedded dataset's version and `as_of` year so `nkru --version` can show them.

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
        .as_i64()
        .expect("data/nkru.json has an `as_of` year");
    println!("cargo:rustc-env=NKRU_DATASET_VERSION={version}");
    println!("cargo:rustc-env=NKRU_DATASET_AS_OF={as_of}");
}
