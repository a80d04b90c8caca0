//! How each record is read from JSON: from an object only, its keys checked as they pass, its
//! text borrowed from the input where the input allows it.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::dataset::model::{Dataset, Estimate, Event, Fact, Group, Name, Period, Related, Source};

/// Makes each record of the format readable from a JSON object only. serde reads a struct from
/// an array of its fields in order as well, which the format (and its JSON Schema) does not
/// allow; so each record's derived reading (`#[serde(remote = "Self")]` makes it an inherent
/// function) is reached through an object, and its derived writing through the trait. Its keys
/// are checked against its fields on the way (`keys`), so a file's unknown fields are noticed
/// without the cost of naming them.
macro_rules! objects_only {
    ($($record:ident),* $(,)?) => {$(
        impl<'de: 'a, 'a> Deserialize<'de> for $record<'a> {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                static FIELDS: std::sync::OnceLock<&'static [&'static str]> = std::sync::OnceLock::new();
                struct Object<'de>(std::marker::PhantomData<&'de ()>);
                impl<'de> serde::de::Visitor<'de> for Object<'de> {
                    type Value = $record<'de>;
                    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
                        formatter.write_str("an object")
                    }
                    fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
                        let fields = *FIELDS.get_or_init(|| super::keys::fields(|probe| $record::deserialize(probe)));
                        let map = super::keys::Checked::new(map, fields);
                        $record::deserialize(serde::de::value::MapAccessDeserializer::new(map))
                    }
                }
                deserializer.deserialize_map(Object(std::marker::PhantomData))
            }
        }
        impl Serialize for $record<'_> {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                $record::serialize(self, serializer)
            }
        }
    )*};
}

objects_only!(
    Dataset, Group, Fact, Period, Estimate, Event, Source, Related, Name
);

#[cfg(test)]
mod tests {
    use crate::dataset::{Estimate, Text};

    #[test]
    fn keys_in_any_order_are_known_and_an_unknown_one_is_noticed_wherever_it_is() {
        let fields = [
            r#""id": "e""#,
            r#""group": null"#,
            r#""low": 1"#,
            r#""high": 2"#,
            r#""qualifiers": []"#,
            r#""counts": "present""#,
            r#""period": {"precision": "unknown", "from": null, "to": null, "text": "t"}"#,
            r#""attributed_to": "a""#,
            r#""party_to_conflict": false"#,
            r#""source": "s""#,
        ];
        let read = |fields: &[&str]| {
            let text = format!("{{{}}}", fields.join(", "));
            crate::dataset::parse::keys::noting_unknown(|| {
                serde_json::from_str::<Estimate<'_>>(&text).is_ok()
            })
        };
        assert_eq!(read(&fields), (true, false));
        let mut reversed = fields.to_vec();
        reversed.reverse();
        assert_eq!(read(&reversed), (true, false));
        for position in [0, 5, fields.len()] {
            let mut with_unknown = fields.to_vec();
            with_unknown.insert(position, r#""notes": "x""#);
            assert_eq!(read(&with_unknown), (true, true), "at {position}");
        }
    }

    #[test]
    fn text_borrows_from_the_input_unless_it_holds_an_escape() {
        let text = r#"{"id": "plain", "group": null, "low": 1, "high": 2, "qualifiers": [],
            "counts": "present", "period": {"precision": "unknown", "from": null, "to": null,
            "text": "t"}, "region": "Tver\u0027", "attributed_to": "a \"b\"",
            "party_to_conflict": false, "source": "s"}"#;
        let estimate: Estimate<'_> = serde_json::from_str(text).expect("an estimate");
        assert!(matches!(estimate.id, Text::Borrowed("plain")));
        assert!(matches!(estimate.source, Text::Borrowed("s")));
        assert!(matches!(estimate.region.as_deref(), Some("Tver'")));
        assert!(matches!(estimate.region, Some(Text::Owned(_))));
        assert_eq!(estimate.attributed_to, "a \"b\"");
        assert_eq!((estimate.section, estimate.note), (None, None));
    }
}
