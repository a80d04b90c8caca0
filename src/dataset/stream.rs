//! A large dataset read in two passes over its text, never holding its estimates or events: the
//! first checks every record and keeps only what the invariants need (the short lists, and the
//! hashes of the ids of the long ones and the ids they refer to), the second, on a thread of its
//! own, hands the estimates over one at a time.

use std::fmt;

use serde::Deserialize;
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

use super::model::{Dataset, Estimate, Event};
use super::parse::keys::{Watch, Watched};
use super::validate::StreamChecks;

/// The dataset of `text` (whose byte-order mark is already gone) without its estimates and
/// events, when the whole file is a valid dataset with no unknown field: every estimate and event
/// was read and checked, then let go; and where each batch of estimates starts. `None` when
/// anything is wrong or doubtful; reading it the usual way then says what, in the usual words.
fn checked(text: &str) -> Option<(Dataset<'_>, Starts)> {
    let mut kept = Kept {
        checks: StreamChecks::default(),
        starts: Starts::default(),
        text: (text.as_ptr() as usize, text.len()),
    };
    let (rest, unknown) = super::parse::keys::noting_unknown(|| {
        let mut json = serde_json::Deserializer::from_str(text);
        let rest = <Dataset as Deserialize>::deserialize(Intercept {
            inner: &mut json,
            kept: &mut kept,
        })?;
        json.end()?;
        Ok::<_, serde_json::Error>(rest)
    });
    let rest = rest.ok().filter(|_| !unknown)?;
    kept.checks.hold(&rest).then_some((rest, kept.starts))
}

/// Where the batches of estimates start in the text: the byte offset of the first estimate of
/// each batch of [`BATCH`], and how many estimates there are in all.
#[derive(Default)]
struct Starts {
    offsets: Vec<usize>,
    estimates: usize,
}

impl Starts {
    /// Where batch `number` starts, and how many estimates it has.
    fn batch(&self, number: usize) -> Option<(usize, usize)> {
        let offset = *self.offsets.get(number)?;
        let count = self.estimates.saturating_sub(number * BATCH).min(BATCH);
        Some((offset, count))
    }
}

/// Checks the whole dataset of `text`, keeping none of its estimates and events, and, when it
/// holds (with no unknown field), hands
/// `use_them` the dataset without its estimates and events, and the estimates one at a time in
/// the order of the file; returns what `use_them` returns, or `None`, having handed nothing,
/// when the dataset does not hold (or no second thread can be had).
///
/// The estimates are read again, in batches, on other threads: one starts with the check and
/// reads from the top of the list; once the check has found where every batch starts, a second
/// one reads batches too. Together they read ahead of what `use_them` has taken by at most a
/// sixteenth of the text's size in estimates, so reading and writing go side by side, in memory
/// bounded by the text.
pub fn checked_estimates<'a, R>(
    text: &'a str,
    use_them: impl FnOnce(&Dataset<'a>, &mut dyn Iterator<Item = Estimate<'a>>) -> R,
) -> Result<Option<R>, serde_json::Error> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let queue = Queue::new((text.len() / 16 / ESTIMATE_SIZE / BATCH).max(2));
    let queue = &queue;
    std::thread::scope(|scope| {
        // A thread the system will not give means the usual reading, which needs none.
        let Ok(first) = spawn(scope, "estimates", queue, move || {
            read_in_order(text, queue)
        }) else {
            return Ok(None);
        };
        // However the taking ends, even by a panic, the readers stop.
        let taking = Taking(queue);
        let Some((rest, starts)) = checked(text) else {
            drop(taking);
            // The reader stops at its next batch; what it met no longer matters.
            let _ = first.join();
            return Ok(None);
        };
        queue.found(starts);
        // Without a second reader the first reads every batch.
        let second = spawn(scope, "more estimates", queue, move || {
            read_from_starts(text, queue, None)
        });
        let answer = use_them(
            &rest,
            &mut Taken {
                queue,
                batch: Vec::new().into_iter(),
            },
        );
        drop(taking);
        let mut outcome = Ok(Some(answer));
        for reader in std::iter::once(first).chain(second.ok()) {
            match reader.join() {
                Ok(Ok(())) => {}
                Ok(Err(error)) => outcome = outcome.and(Err(error)),
                Err(panic) => std::panic::resume_unwind(panic),
            }
        }
        outcome
    })
}

/// Starts `read` on a thread of `scope` named `name`; the queue is broken off if it fails or
/// panics.
fn spawn<'scope, 'a>(
    scope: &'scope std::thread::Scope<'scope, '_>,
    name: &str,
    queue: &'scope Queue<'a>,
    read: impl FnOnce() -> Result<(), serde_json::Error> + Send + 'scope,
) -> std::io::Result<std::thread::ScopedJoinHandle<'scope, Result<(), serde_json::Error>>> {
    std::thread::Builder::new()
        .name(name.to_owned())
        .spawn_scoped(scope, move || {
            let _leaving = Leaving(queue);
            let read = read();
            if read.is_err() {
                queue.break_off();
            }
            read
        })
}

/// The estimates read in a batch.
const BATCH: usize = 1024;

/// About the memory one estimate read ahead holds: the record, and the few bytes its period's
/// text and qualifiers take apart from it.
const ESTIMATE_SIZE: usize = std::mem::size_of::<Estimate<'static>>() + 64;

/// The batches of estimates between the threads that read them and the one that takes them, in
/// order, with at most `ahead` batches read or being read that are not yet taken.
struct Queue<'a> {
    state: std::sync::Mutex<State<'a>>,
    /// Told when a batch is read, or a reader fails.
    read: std::sync::Condvar,
    /// Told when a batch is taken, or the taking stops.
    taken: std::sync::Condvar,
    ahead: usize,
}

/// Where the readers and the taker are.
#[derive(Default)]
struct State<'a> {
    /// The number of the next batch no reader has claimed.
    next: usize,
    /// The number of batches taken.
    taken: usize,
    /// The batches read and not yet taken, by number.
    ready: std::collections::BTreeMap<usize, Vec<Estimate<'a>>>,
    /// Where the batches start, once the check has found it.
    starts: Option<Starts>,
    /// Whether the taker wants no more batches.
    stopped: bool,
    /// Whether a reader stopped without saying why, or with an error: no more batches come.
    broken: bool,
}

impl State<'_> {
    /// The number of batches, once the check has found where they start.
    fn end(&self) -> Option<usize> {
        self.starts.as_ref().map(|starts| starts.offsets.len())
    }
}

impl<'a> Queue<'a> {
    fn new(ahead: usize) -> Self {
        Self {
            state: std::sync::Mutex::default(),
            read: std::sync::Condvar::new(),
            taken: std::sync::Condvar::new(),
            ahead,
        }
    }

    /// The state, even if a reader panicked holding it: the taker then finds the queue broken.
    fn state(&self) -> std::sync::MutexGuard<'_, State<'a>> {
        self.state
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Claims the next batch for a reader once there is room for it; `None` when no more are
    /// wanted or there are none.
    fn claim(&self) -> Option<usize> {
        let mut state = self.state();
        loop {
            let past_end = state.end().is_some_and(|end| state.next >= end);
            if state.stopped || state.broken || past_end {
                return None;
            }
            if state.next < state.taken + self.ahead {
                state.next += 1;
                return Some(state.next - 1);
            }
            state = self
                .taken
                .wait(state)
                .unwrap_or_else(std::sync::PoisonError::into_inner);
        }
    }

    /// Hands over batch `number`, read.
    fn put(&self, number: usize, batch: Vec<Estimate<'a>>) {
        self.state().ready.insert(number, batch);
        self.read.notify_all();
    }

    /// Notes where every batch starts, so that any reader can read any batch.
    fn found(&self, starts: Starts) {
        self.state().starts = Some(starts);
    }

    /// Where batch `number` starts and how many estimates it has, once the check has found it.
    fn batch(&self, number: usize) -> Option<(usize, usize)> {
        self.state().starts.as_ref()?.batch(number)
    }

    /// Tells the readers that no more batches are wanted.
    fn stop(&self) {
        self.state().stopped = true;
        self.taken.notify_all();
    }

    /// Notes that no more batches will come, and wakes everyone.
    fn break_off(&self) {
        self.state().broken = true;
        self.read.notify_all();
        self.taken.notify_all();
    }

    /// The next batch in order, once read; `None` after the last, or when a reader failed.
    fn take(&self) -> Option<Vec<Estimate<'a>>> {
        let mut state = self.state();
        loop {
            let number = state.taken;
            if let Some(batch) = state.ready.remove(&number) {
                state.taken += 1;
                self.taken.notify_all();
                return Some(batch);
            }
            if state.broken || state.end().is_some_and(|end| number >= end) {
                return None;
            }
            state = self
                .read
                .wait(state)
                .unwrap_or_else(std::sync::PoisonError::into_inner);
        }
    }
}

/// Breaks the queue off when a reader panics, so the taker does not wait for a batch that will
/// not come.
struct Leaving<'q, 'a>(&'q Queue<'a>);

impl Drop for Leaving<'_, '_> {
    fn drop(&mut self) {
        if std::thread::panicking() {
            self.0.break_off();
        }
    }
}

/// Stops the readers when the taking ends.
struct Taking<'q, 'a>(&'q Queue<'a>);

impl Drop for Taking<'_, '_> {
    fn drop(&mut self) {
        self.0.stop();
    }
}

/// The estimates of the queue's batches, one at a time, in order.
struct Taken<'q, 'a> {
    queue: &'q Queue<'a>,
    batch: std::vec::IntoIter<Estimate<'a>>,
}

impl<'a> Iterator for Taken<'_, 'a> {
    type Item = Estimate<'a>;

    fn next(&mut self) -> Option<Estimate<'a>> {
        loop {
            if let Some(estimate) = self.batch.next() {
                return Some(estimate);
            }
            self.batch = self.queue.take()?.into_iter();
        }
    }
}

/// Reads the estimates of `text` from the top of the list, batch after batch, while the batches
/// it claims follow each other; then reads the batches it claims from where they start.
fn read_in_order<'a>(text: &'a str, queue: &Queue<'a>) -> Result<(), serde_json::Error> {
    let outcome = std::cell::Cell::new(Outcome::Reading);
    let mut json = serde_json::Deserializer::from_str(text);
    let read = json.deserialize_map(Batches {
        queue,
        outcome: &outcome,
    });
    match outcome.get() {
        // Stopped on purpose: the check, not this reading, finds what is wrong with the text.
        Outcome::Read | Outcome::Stopped => Ok(()),
        Outcome::Elsewhere(number) => read_from_starts(text, queue, Some(number)),
        Outcome::Reading => read,
    }
}

/// Reads batches from where the check found they start: `first`, if given, then each batch
/// claimed, until none is left.
fn read_from_starts<'a>(
    text: &'a str,
    queue: &Queue<'a>,
    first: Option<usize>,
) -> Result<(), serde_json::Error> {
    let mut number = first.or_else(|| queue.claim());
    while let Some(claimed) = number {
        let batch = queue
            .batch(claimed)
            .ok_or_else(|| de::Error::custom("a batch of estimates was not found"))
            .and_then(|(offset, count)| read_batch(text, offset, count));
        queue.put(claimed, batch?);
        number = queue.claim();
    }
    Ok(())
}

/// Reads `count` estimates from `offset` in `text`, where one starts, each after a comma.
fn read_batch(
    text: &str,
    offset: usize,
    count: usize,
) -> Result<Vec<Estimate<'_>>, serde_json::Error> {
    let mut batch = Vec::with_capacity(count);
    let mut position = offset;
    for index in 0..count {
        if index > 0 {
            position = after_comma(text, position)
                .ok_or_else(|| de::Error::custom("estimates are not apart by a comma"))?;
        }
        let rest = text
            .get(position..)
            .ok_or_else(|| de::Error::custom("an estimate starts out of the text"))?;
        let mut one = serde_json::Deserializer::from_str(rest).into_iter::<Estimate<'_>>();
        let estimate = one
            .next()
            .ok_or_else(|| de::Error::custom("the list of estimates ends early"))??;
        position += one.byte_offset();
        batch.push(estimate);
    }
    Ok(batch)
}

/// The position after the comma that `text` has at `position`, white space around it aside.
fn after_comma(text: &str, position: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let blank = |at: usize| {
        let rest = bytes.get(at..).unwrap_or_default();
        rest.iter()
            .take_while(|byte| matches!(byte, b' ' | b'\t' | b'\n' | b'\r'))
            .count()
    };
    let comma = position + blank(position);
    (bytes.get(comma) == Some(&b',')).then(|| comma + 1 + blank(comma + 1))
}

/// How the reading from the top of the list ended.
#[derive(Clone, Copy)]
enum Outcome {
    /// It has not: an error ended it, or the text has no list of estimates.
    Reading,
    /// After the list, the rest of the text being the check's.
    Read,
    /// Half way, because no more batches are wanted.
    Stopped,
    /// Half way, because the batch it claimed does not follow the last one it read.
    Elsewhere(usize),
}

/// What the check keeps of the long lists as it reads them.
struct Kept {
    checks: StreamChecks,
    starts: Starts,
    /// The address of the text's first byte and the text's length, to tell where an estimate
    /// starts.
    text: (usize, usize),
}

impl Kept {
    /// The next estimate of `records`, counted; the first of each batch is read through its raw
    /// text, to note where it starts.
    fn next_estimate<'de, A: SeqAccess<'de>>(
        &mut self,
        records: &mut A,
    ) -> Result<Option<Estimate<'de>>, A::Error> {
        let estimate = if self.starts.estimates.is_multiple_of(BATCH) {
            let Some(raw) = records.next_element::<&'de serde_json::value::RawValue>()? else {
                return Ok(None);
            };
            let (address, length) = self.text;
            let offset = (raw.get().as_ptr() as usize)
                .checked_sub(address)
                .filter(|offset| *offset < length)
                .ok_or_else(|| de::Error::custom("an estimate outside the text"))?;
            self.starts.offsets.push(offset);
            serde_json::from_str(raw.get()).map_err(de::Error::custom)?
        } else {
            let Some(estimate) = records.next_element::<Estimate<'de>>()? else {
                return Ok(None);
            };
            estimate
        };
        self.starts.estimates += 1;
        Ok(Some(estimate))
    }
}

/// The dataset's deserializer, with the values of the top-level `estimates` and `events`
/// checked record by record instead of collected: the dataset's own reading sees empty lists.
struct Intercept<'c, D> {
    inner: D,
    kept: &'c mut Kept,
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for Intercept<'_, D> {
    type Error = D::Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
        self.deserialize_map(visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
        self.inner.deserialize_map(Top {
            visitor,
            kept: self.kept,
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
    kept: &'c mut Kept,
}

impl<'de, V: Visitor<'de>> Visitor<'de> for Top<'_, V> {
    type Value = V::Value;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.visitor.expecting(formatter)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<V::Value, A::Error> {
        self.visitor.visit_map(TopMap {
            map,
            kept: self.kept,
            next: None,
        })
    }
}

/// The entries of the top-level object; the value after the key `estimates` or `events` is
/// checked record by record and read as an empty list.
struct TopMap<'c, A> {
    map: A,
    kept: &'c mut Kept,
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
            kept: &mut *self.kept,
        })?;
        let nothing = std::iter::empty::<()>();
        seed.deserialize(de::value::SeqDeserializer::<_, A::Error>::new(nothing))
    }
}

/// Reads a long list, checking each record and letting it go.
struct Check<'c> {
    list: List,
    kept: &'c mut Kept,
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
                while let Some(estimate) = self.kept.next_estimate(&mut records)? {
                    self.kept.checks.estimate(&estimate);
                }
            }
            List::Events => {
                while let Some(event) = records.next_element::<Event>()? {
                    self.kept.checks.event(&event);
                }
            }
        }
        Ok(())
    }
}

/// Finds the top-level `estimates`, skipping every value before them, and reads them in
/// batches while each batch it claims is the next one; stops half way, noting why in `outcome`,
/// when one is not, and after the list, whose rest the check reads.
#[derive(Clone, Copy)]
struct Batches<'s, 'a> {
    queue: &'s Queue<'a>,
    outcome: &'s std::cell::Cell<Outcome>,
}

impl<'a> DeserializeSeed<'a> for Batches<'_, 'a> {
    type Value = ();

    fn deserialize<D: Deserializer<'a>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'a> Visitor<'a> for Batches<'_, 'a> {
    type Value = ();

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("the dataset object, then its list of estimates")
    }

    fn visit_map<A: MapAccess<'a>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(key) = map.next_key::<std::borrow::Cow<'_, str>>()? {
            if key == "estimates" {
                map.next_value_seed(self)?;
                self.outcome.set(Outcome::Read);
                return Err(de::Error::custom("the rest of the text is not read here"));
            }
            map.next_value::<IgnoredAny>()?;
        }
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'a>>(self, mut list: A) -> Result<(), A::Error> {
        for next in 0.. {
            let claimed = self.queue.claim();
            if claimed != Some(next) {
                self.outcome
                    .set(claimed.map_or(Outcome::Stopped, Outcome::Elsewhere));
                return Err(de::Error::custom("the estimates are read no further here"));
            }
            let mut batch = Vec::with_capacity(BATCH);
            while batch.len() < BATCH {
                let Some(estimate) = list.next_element::<Estimate<'a>>()? else {
                    break;
                };
                batch.push(estimate);
            }
            let whole = batch.len() == BATCH;
            if !batch.is_empty() {
                self.queue.put(next, batch);
            }
            if !whole {
                break;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests;
