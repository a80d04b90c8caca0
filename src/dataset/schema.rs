//! The JSON Schema of the dataset format, generated from the model's types and their doc comments.

use schemars::Schema;
use schemars::generate::SchemaSettings;
use schemars::transform::RecursiveTransform;

use super::model::Dataset;

/// The JSON Schema (draft 2020-12) that a dataset file must satisfy.
///
/// It states the shape of a dataset and that no text may be blank; the invariants that relate
/// records to each other (unique ids, references, `low` not above `high`) are beyond what a
/// schema can say and are checked by `nkru validate`.
pub fn dataset() -> Schema {
    SchemaSettings::draft2020_12()
        .with_transform(RecursiveTransform(constrain))
        .into_generator()
        .into_root_schema_for::<Dataset>()
}

/// Requires every free text of the format to hold something other than white space, and states
/// the range of a year, which the `int32` format alone leaves to the reader.
fn constrain(schema: &mut Schema) {
    if schema.get("format").and_then(serde_json::Value::as_str) == Some("int32") {
        schema.insert(String::from("minimum"), i32::MIN.into());
        schema.insert(String::from("maximum"), i32::MAX.into());
    }
    let is_text = match schema.get("type") {
        Some(serde_json::Value::String(kind)) => kind == "string",
        Some(serde_json::Value::Array(kinds)) => kinds.iter().any(|kind| kind == "string"),
        _ => false,
    };
    // A date states its own pattern, and a word of a closed list is exact already.
    let constrained = ["pattern", "const", "enum"]
        .iter()
        .any(|key| schema.get(*key).is_some());
    if is_text && !constrained {
        // One character that is not blank, spelled out so every regular-expression engine reads
        // the class alike (engines differ on what `\\s` covers).
        let blank: String = crate::text::BLANK_CHARACTERS.iter().collect();
        schema.insert(String::from("pattern"), format!("[^{blank}]").into());
    }
}
