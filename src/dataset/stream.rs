//! A large dataset read in two passes over its text, never holding its estimates or events: the
//! first checks every record and keeps only what the invariants need (the short lists, and the
//! hashes of the ids of the long ones and the ids they refer to), the second hands the estimates
//! over one at a time.

use std::fmt;
use std::marker::PhantomData;

use serde::Deserialize;
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

use super::model::{Dataset, Estimate, Event};
use super::validate::StreamChecks;

/// The dataset of `text` without its estimates and events, when the whole file is a valid
/// dataset with no unknown field: every estimate and event was read and checked, then let go. `None` when anything is
/// wrong or doubtful; reading it the usual way then says what, in the usual words.
pub fn checked_without_estimates(text: &str) -> Option<Dataset<'_>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut checks = StreamChecks::default();
    let (rest, unknown) = super::keys::noting_unknown(|| {
        let mut json = serde_json::Deserializer::from_str(text);
        let rest = <Dataset as Deserialize>::deserialize(Intercept {
            inner: &mut json,
            checks: &mut checks,
        })?;
        json.end()?;
        Ok::<_, serde_json::Error>(rest)
    });
    let rest = rest.ok().filter(|_| !unknown)?;
    checks.hold(&rest).then_some(rest)
}

/// Hands the estimates of `text` to `use_them` one at a time, in the order of the file, and
/// returns what it returns; other lists are skipped unread. Meant for text that
/// [`checked_without_estimates`] accepted.
pub fn each_estimate<'a, R>(
    text: &'a str,
    use_them: impl FnOnce(&mut dyn Iterator<Item = Estimate<'a>>) -> R,
) -> Result<Option<R>, serde_json::Error> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut json = serde_json::Deserializer::from_str(text);
    let found = json.deserialize_map(Find {
        use_them: Some(use_them),
        read: PhantomData,
    })?;
    json.end()?;
    Ok(found)
}

/// The dataset's deserializer, with the values of the top-level `estimates` and `events`
/// checked record by record instead of collected: the dataset's own reading sees empty lists.
struct Intercept<'c, 'a, D> {
    inner: D,
    checks: &'c mut StreamChecks<'a>,
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for Intercept<'_, 'de, D> {
    type Error = D::Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
        self.deserialize_map(visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
        self.inner.deserialize_map(Top {
            visitor,
            checks: self.checks,
        })
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf option
        unit unit_struct newtype_struct seq tuple tuple_struct struct enum identifier ignored_any
    }
}

/// The visitor of the top-level object, which hands the dataset's reading a map whose
/// `estimates` are checked on the way.
struct Top<'c, 'a, V> {
    visitor: V,
    checks: &'c mut StreamChecks<'a>,
}

impl<'de, V: Visitor<'de>> Visitor<'de> for Top<'_, 'de, V> {
    type Value = V::Value;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.visitor.expecting(formatter)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<V::Value, A::Error> {
        self.visitor.visit_map(TopMap {
            map,
            checks: self.checks,
            next: None,
        })
    }
}

/// The entries of the top-level object; the value after the key `estimates` or `events` is
/// checked record by record and read as an empty list.
struct TopMap<'c, 'a, A> {
    map: A,
    checks: &'c mut StreamChecks<'a>,
    next: Option<List>,
}

/// A long list, whose records are checked one at a time.
#[derive(Clone, Copy)]
enum List {
    Estimates,
    Events,
}

impl List {
    /// The list a top-level key names, if it is a long one.
    fn named(key: &str) -> Option<List> {
        match key {
            "estimates" => Some(List::Estimates),
            "events" => Some(List::Events),
            _ => None,
        }
    }
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for TopMap<'_, 'de, A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        self.map.next_key_seed(Spy {
            inner: seed,
            list: &mut self.next,
        })
    }

    fn next_value_seed<S: DeserializeSeed<'de>>(&mut self, seed: S) -> Result<S::Value, A::Error> {
        let Some(list) = self.next.take() else {
            return self.map.next_value_seed(seed);
        };
        self.map.next_value_seed(Check {
            list,
            checks: &mut *self.checks,
        })?;
        let nothing = std::iter::empty::<()>();
        seed.deserialize(de::value::SeqDeserializer::<_, A::Error>::new(nothing))
    }
}

/// A top-level key on its way to the dataset's reading (as its seed, deserializer or visitor),
/// noting the long list it names, if any.
struct Spy<'f, T> {
    inner: T,
    list: &'f mut Option<List>,
}

impl<'de, K: DeserializeSeed<'de>> DeserializeSeed<'de> for Spy<'_, K> {
    type Value = K::Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<K::Value, D::Error> {
        self.inner.deserialize(Spy {
            inner: deserializer,
            list: self.list,
        })
    }
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for Spy<'_, D> {
    type Error = D::Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
        self.inner.deserialize_any(Spy {
            inner: visitor,
            list: self.list,
        })
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
        self.inner.deserialize_identifier(Spy {
            inner: visitor,
            list: self.list,
        })
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf option
        unit unit_struct newtype_struct seq tuple tuple_struct map struct enum ignored_any
    }
}

impl<'de, V: Visitor<'de>> Visitor<'de> for Spy<'_, V> {
    type Value = V::Value;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.inner.expecting(formatter)
    }

    fn visit_str<E: de::Error>(self, key: &str) -> Result<V::Value, E> {
        *self.list = List::named(key);
        self.inner.visit_str(key)
    }

    fn visit_borrowed_str<E: de::Error>(self, key: &'de str) -> Result<V::Value, E> {
        *self.list = List::named(key);
        self.inner.visit_borrowed_str(key)
    }

    fn visit_string<E: de::Error>(self, key: String) -> Result<V::Value, E> {
        *self.list = List::named(&key);
        self.inner.visit_string(key)
    }
}

/// Reads a long list, checking each record and letting it go.
struct Check<'c, 'a> {
    list: List,
    checks: &'c mut StreamChecks<'a>,
}

impl<'de> DeserializeSeed<'de> for Check<'_, 'de> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for Check<'_, 'de> {
    type Value = ();

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("a list of records")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut records: A) -> Result<(), A::Error> {
        match self.list {
            List::Estimates => {
                while let Some(estimate) = records.next_element::<Estimate<'de>>()? {
                    self.checks.estimate(estimate);
                }
            }
            List::Events => {
                while let Some(event) = records.next_element::<Event>()? {
                    self.checks.event(event);
                }
            }
        }
        Ok(())
    }
}

/// Finds the top-level `estimates` and hands them to `use_them`, skipping every other value.
struct Find<'a, F, R> {
    use_them: Option<F>,
    read: PhantomData<fn(&'a ()) -> R>,
}

impl<'a, F, R> Visitor<'a> for Find<'a, F, R>
where
    F: FnOnce(&mut dyn Iterator<Item = Estimate<'a>>) -> R,
{
    type Value = Option<R>;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("the dataset object")
    }

    fn visit_map<A: MapAccess<'a>>(mut self, mut map: A) -> Result<Option<R>, A::Error> {
        let mut found = None;
        while let Some(key) = map.next_key::<std::borrow::Cow<'_, str>>()? {
            match self.use_them.take() {
                Some(use_them) if key == "estimates" => {
                    found = Some(map.next_value_seed(Each {
                        use_them,
                        read: PhantomData,
                    })?);
                }
                unused => {
                    self.use_them = unused;
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(found)
    }
}

/// The list of estimates, handed over as an iterator that reads one estimate at a time.
struct Each<'a, F, R> {
    use_them: F,
    read: PhantomData<fn(&'a ()) -> R>,
}

impl<'a, F, R> DeserializeSeed<'a> for Each<'a, F, R>
where
    F: FnOnce(&mut dyn Iterator<Item = Estimate<'a>>) -> R,
{
    type Value = R;

    fn deserialize<D: Deserializer<'a>>(self, deserializer: D) -> Result<R, D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'a, F, R> Visitor<'a> for Each<'a, F, R>
where
    F: FnOnce(&mut dyn Iterator<Item = Estimate<'a>>) -> R,
{
    type Value = R;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("a list of estimates")
    }

    fn visit_seq<A: SeqAccess<'a>>(self, mut list: A) -> Result<R, A::Error> {
        let mut failure = None;
        let answer = {
            let mut estimates = std::iter::from_fn(|| {
                list.next_element::<Estimate<'a>>().unwrap_or_else(|error| {
                    failure = Some(error);
                    None
                })
            });
            (self.use_them)(&mut estimates)
        };
        if let Some(error) = failure {
            return Err(error);
        }
        // The estimates left unread (after a failed write, say) are skipped to the list's end.
        while list.next_element::<IgnoredAny>()?.is_some() {}
        Ok(answer)
    }
}
