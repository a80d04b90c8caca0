//! A large dataset read in two passes over its text, never holding its estimates or events: the
//! first checks every record and keeps only what the invariants need (the short lists, and the
//! hashes of the ids of the long ones and the ids they refer to), the second, on a thread of its
//! own, hands the estimates over one at a time.

use std::fmt;

use serde::Deserialize;
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

use super::keys::{Watch, Watched};
use super::model::{Dataset, Estimate, Event};
use super::validate::StreamChecks;

/// The dataset of `text` without its estimates and events, when the whole file is a valid
/// dataset with no unknown field: every estimate and event was read and checked, then let go.
/// `None` when anything is wrong or doubtful; reading it the usual way then says what, in the
/// usual words.
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

/// Checks the dataset of `text` as [`checked_without_estimates`] does and, when it holds, hands
/// `use_them` the dataset without its estimates and events, and the estimates one at a time in
/// the order of the file; returns what `use_them` returns, or `None`, having handed nothing,
/// when the dataset does not hold (or no second thread can be had).
///
/// The estimates are read again on a second thread, which starts with the check: it reads
/// ahead of what `use_them` has taken by at most a sixteenth of the text's size in estimates, so
/// reading and writing go side by side on two cores, in memory bounded by the text.
pub fn checked_estimates<'a, R>(
    text: &'a str,
    use_them: impl FnOnce(&Dataset<'a>, &mut dyn Iterator<Item = Estimate<'a>>) -> R,
) -> Result<Option<R>, serde_json::Error> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let batches = (text.len() / 16 / ESTIMATE_SIZE / BATCH).max(1);
    std::thread::scope(|scope| {
        let (sender, receiver) = std::sync::mpsc::sync_channel::<Vec<Estimate<'a>>>(batches);
        // A thread the system will not give means the usual reading, which needs none.
        let Ok(reader) = std::thread::Builder::new()
            .name(String::from("estimates"))
            .spawn_scoped(scope, move || send_estimates(text, &sender))
        else {
            return Ok(None);
        };
        let Some(rest) = checked_without_estimates(text) else {
            drop(receiver);
            // The reader stops at its next batch; what it met no longer matters.
            let _ = reader.join();
            return Ok(None);
        };
        let answer = {
            let mut estimates = receiver.iter().flatten();
            use_them(&rest, &mut estimates)
        };
        drop(receiver);
        match reader.join() {
            Ok(Ok(())) => Ok(Some(answer)),
            Ok(Err(error)) => Err(error),
            Err(panic) => std::panic::resume_unwind(panic),
        }
    })
}

/// The estimates sent from the reading thread at a time.
const BATCH: usize = 1024;

/// About the memory one estimate read ahead holds: the record, and the few bytes its period's
/// text and qualifiers take apart from it.
const ESTIMATE_SIZE: usize = std::mem::size_of::<Estimate<'static>>() + 64;

/// Reads the estimates of `text` and sends them in batches, until the list ends or no one
/// takes them any more.
fn send_estimates<'a>(
    text: &'a str,
    sender: &std::sync::mpsc::SyncSender<Vec<Estimate<'a>>>,
) -> Result<(), serde_json::Error> {
    let mut json = serde_json::Deserializer::from_str(text);
    let stopped = std::cell::Cell::new(false);
    let read = json.deserialize_map(Find {
        sender,
        stopped: &stopped,
    });
    match read {
        // Reading stopped half way once no one took the estimates: the rest is not wanted.
        _ if stopped.get() => Ok(()),
        Ok(()) => json.end(),
        Err(error) => Err(error),
    }
}

/// The dataset's deserializer, with the values of the top-level `estimates` and `events`
/// checked record by record instead of collected: the dataset's own reading sees empty lists.
struct Intercept<'c, D> {
    inner: D,
    checks: &'c mut StreamChecks,
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for Intercept<'_, D> {
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
struct Top<'c, V> {
    visitor: V,
    checks: &'c mut StreamChecks,
}

impl<'de, V: Visitor<'de>> Visitor<'de> for Top<'_, V> {
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
struct TopMap<'c, A> {
    map: A,
    checks: &'c mut StreamChecks,
    next: Option<List>,
}

/// A long list, whose records are checked one at a time.
#[derive(Clone, Copy)]
enum List {
    Estimates,
    Events,
}

/// Notes, of each top-level key, the long list it names, if any.
impl Watch for Option<List> {
    fn key(&mut self, key: &[u8]) {
        *self = match key {
            b"estimates" => Some(List::Estimates),
            b"events" => Some(List::Events),
            _ => None,
        };
    }
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for TopMap<'_, A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        self.map.next_key_seed(Watched {
            inner: seed,
            watch: &mut self.next,
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

/// Reads a long list, checking each record and letting it go.
struct Check<'c> {
    list: List,
    checks: &'c mut StreamChecks,
}

impl<'de> DeserializeSeed<'de> for Check<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for Check<'_> {
    type Value = ();

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("a list of records")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut records: A) -> Result<(), A::Error> {
        match self.list {
            List::Estimates => {
                while let Some(estimate) = records.next_element::<Estimate<'de>>()? {
                    self.checks.estimate(&estimate);
                }
            }
            List::Events => {
                while let Some(event) = records.next_element::<Event>()? {
                    self.checks.event(&event);
                }
            }
        }
        Ok(())
    }
}

/// Finds the top-level `estimates` and sends them, skipping every other value; stops, noting
/// it in `stopped`, when a batch is not taken.
struct Find<'s, 'a> {
    sender: &'s std::sync::mpsc::SyncSender<Vec<Estimate<'a>>>,
    stopped: &'s std::cell::Cell<bool>,
}

impl<'a> Visitor<'a> for Find<'_, 'a> {
    type Value = ();

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("the dataset object")
    }

    fn visit_map<A: MapAccess<'a>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(key) = map.next_key::<std::borrow::Cow<'_, str>>()? {
            if key != "estimates" {
                map.next_value::<IgnoredAny>()?;
                continue;
            }
            map.next_value_seed(Send {
                sender: self.sender,
                stopped: self.stopped,
            })?;
            if self.stopped.get() {
                return Err(de::Error::custom("no one takes the estimates"));
            }
        }
        Ok(())
    }
}

/// The list of estimates, read and sent a batch at a time, until a batch is not taken.
struct Send<'s, 'a> {
    sender: &'s std::sync::mpsc::SyncSender<Vec<Estimate<'a>>>,
    stopped: &'s std::cell::Cell<bool>,
}

impl<'a> DeserializeSeed<'a> for Send<'_, 'a> {
    type Value = ();

    fn deserialize<D: Deserializer<'a>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'a> Visitor<'a> for Send<'_, 'a> {
    type Value = ();

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("a list of estimates")
    }

    fn visit_seq<A: SeqAccess<'a>>(self, mut list: A) -> Result<(), A::Error> {
        let mut batch = Vec::with_capacity(BATCH);
        while let Some(estimate) = list.next_element::<Estimate<'a>>()? {
            batch.push(estimate);
            if batch.len() == BATCH {
                let full = std::mem::replace(&mut batch, Vec::with_capacity(BATCH));
                if self.sender.send(full).is_err() {
                    self.stopped.set(true);
                    return Err(de::Error::custom("no one takes the estimates"));
                }
            }
        }
        if !batch.is_empty() && self.sender.send(batch).is_err() {
            self.stopped.set(true);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ARTICLE: &str = include_str!("../../tests/it/fixtures/article.json");

    /// The article's dataset with one change made to its JSON.
    fn changed(change: impl FnOnce(&mut serde_json::Value)) -> String {
        let mut value: serde_json::Value = serde_json::from_str(ARTICLE).expect("the fixture");
        change(&mut value);
        serde_json::to_string(&value).expect("JSON")
    }

    /// Whether the usual reading finds the text a dataset with no problem and no unknown field.
    fn holds_as_usual(text: &str) -> bool {
        let origin = crate::dataset::Origin::Stdin;
        crate::dataset::parse(text, &origin).is_ok_and(|parsed| {
            parsed.unknown_fields.is_empty() && crate::dataset::validate(&parsed.dataset).is_empty()
        })
    }

    #[test]
    fn a_good_dataset_is_checked_and_read_without_its_long_lists() {
        let rest = checked_without_estimates(ARTICLE).expect("the article holds");
        assert!(rest.estimates.is_empty() && rest.events.is_empty());
        let whole = crate::dataset::parse(ARTICLE, &crate::dataset::Origin::Stdin)
            .expect("the article")
            .dataset;
        assert_eq!((rest.groups, rest.sources), (whole.groups, whole.sources));
    }

    #[test]
    fn the_estimates_come_in_the_order_of_the_file_as_the_usual_reading_gives_them() {
        let whole = crate::dataset::parse(ARTICLE, &crate::dataset::Origin::Stdin)
            .expect("the article")
            .dataset;
        let handed = checked_estimates(ARTICLE, |rest, estimates| {
            assert_eq!(rest.title, whole.title);
            estimates.collect::<Vec<_>>()
        })
        .expect("read")
        .expect("the article holds");
        assert_eq!(handed, whole.estimates);
    }

    #[test]
    fn whatever_the_usual_reading_reports_is_refused_here_too() {
        let mut texts = vec![
            changed(|dataset| {
                dataset["estimates"][1]["id"] = dataset["estimates"][0]["id"].clone();
            }),
            changed(|dataset| dataset["estimates"][0]["source"] = "nowhere".into()),
            changed(|dataset| dataset["estimates"][0]["group"] = "nobody".into()),
            changed(|dataset| dataset["estimates"][0]["low"] = 20_000.into()),
            changed(|dataset| dataset["estimates"][0]["attributed_to"] = " ".into()),
            changed(|dataset| dataset["estimates"][0]["period"]["precision"] = "month".into()),
            changed(|dataset| dataset["estimates"][0]["notes"] = "a typo".into()),
            changed(|dataset| dataset["events"][0]["groups"][0] = "nobody".into()),
            changed(|dataset| dataset["events"][1]["id"] = dataset["events"][0]["id"].clone()),
            changed(|dataset| dataset["events"][0]["source"] = "nowhere".into()),
            changed(|dataset| dataset["events"][0]["description"] = "".into()),
            changed(|dataset| dataset["sources"][0]["title"] = "".into()),
            changed(|dataset| dataset["groups"][0]["facts"][0]["source"] = "nowhere".into()),
            changed(|dataset| dataset["estimates"][0]["id"] = "".into()),
        ];
        texts.push(format!("{ARTICLE} ]"));
        texts.push(ARTICLE.replace("\"estimates\"", "\"estimate\""));
        for text in &texts {
            assert!(!holds_as_usual(text), "the usual reading takes {text}");
            assert!(checked_without_estimates(text).is_none(), "taken: {text}");
            let handed = checked_estimates(text, |_, estimates| estimates.count()).expect("read");
            assert_eq!(handed, None, "handed estimates of {text}");
        }
    }

    #[test]
    fn many_batches_come_whole_and_in_order() {
        let text = changed(|dataset| {
            let first = dataset["estimates"][0].clone();
            let list = dataset["estimates"].as_array_mut().expect("a list");
            for index in 0..3 * BATCH {
                let mut estimate = first.clone();
                estimate["id"] = format!("copy-{index}").into();
                list.push(estimate);
            }
        });
        let ids = checked_estimates(&text, |_, estimates| {
            estimates
                .map(|estimate| estimate.id.into_owned())
                .collect::<Vec<_>>()
        })
        .expect("read")
        .expect("the copies hold");
        assert_eq!(ids.len(), 4 + 3 * BATCH);
        assert_eq!(ids[4..].first().map(String::as_str), Some("copy-0"));
        assert_eq!(ids.last().cloned(), Some(format!("copy-{}", 3 * BATCH - 1)));
    }

    #[test]
    fn ids_of_one_list_may_be_used_in_another() {
        let text =
            changed(|dataset| dataset["events"][0]["id"] = dataset["estimates"][0]["id"].clone());
        assert!(holds_as_usual(&text));
        assert!(checked_without_estimates(&text).is_some());
    }

    #[test]
    fn estimates_left_untaken_end_the_reading_without_error() {
        let taken = checked_estimates(ARTICLE, |_, estimates| {
            estimates.next().map(|estimate| estimate.id)
        })
        .expect("read")
        .expect("the article holds");
        assert_eq!(taken.as_deref(), Some("total-2006"));
    }
}
