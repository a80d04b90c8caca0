use super::*;

const ARTICLE: &str = include_str!("../../../tests/it/fixtures/article.json");

/// The article's dataset with one change made to its JSON.
fn changed(change: impl FnOnce(&mut serde_json::Value)) -> String {
    let mut value: serde_json::Value = serde_json::from_str(ARTICLE).expect("the fixture");
    change(&mut value);
    serde_json::to_string(&value).expect("JSON")
}

/// The article's dataset with `count` copies of its first estimate after its own, each
/// with the id `id` gives for its number.
fn with_copies(count: usize, id: impl Fn(usize) -> String) -> String {
    changed(|dataset| {
        let first = dataset["estimates"][0].clone();
        let list = dataset["estimates"].as_array_mut().expect("a list");
        for index in 0..count {
            let mut estimate = first.clone();
            estimate["id"] = id(index).into();
            list.push(estimate);
        }
    })
}

/// The dataset of `text` without its estimates and events, when the check holds.
fn checked_without_estimates(text: &str) -> Option<Dataset<'_>> {
    checked(text).map(|(rest, _)| rest)
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
    assert_eq!(handed, *whole.estimates);
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
    let text = with_copies(3 * BATCH, |index| format!("copy-{index}"));
    let ids = checked_estimates(&text, |_, estimates| {
        estimates
            .map(|estimate| estimate.id.into_owned())
            .collect::<Vec<_>>()
    })
    .expect("read")
    .expect("the copies hold");
    assert_eq!(ids.len(), 4 + 3 * BATCH);
    assert_eq!(ids[4..].first().map(AsRef::as_ref), Some("copy-0"));
    assert_eq!(ids.last().cloned(), Some(format!("copy-{}", 3 * BATCH - 1)));
}

#[test]
fn every_batch_read_from_where_it_starts_is_the_batch_of_the_usual_reading() {
    // Some ids with an escape, which the reading copies instead of borrowing.
    let copies = with_copies(2 * BATCH + 7, |index| {
        format!("copy-{index}{}", ["", "\""][index % 2])
    });
    // Compact, pretty, and with tabs and CRLF line ends around the values and commas.
    let value: serde_json::Value = serde_json::from_str(&copies).expect("JSON");
    let pretty = serde_json::to_string_pretty(&value).expect("JSON");
    let spaced = pretty.replace('\n', "\r\n\t").replace("},", "} \r\n\t,");
    for text in [copies, pretty, spaced] {
        let (_, starts) = checked(&text).expect("the copies hold");
        let whole = crate::dataset::parse(&text, &crate::dataset::Origin::Stdin)
            .expect("the copies")
            .dataset;
        assert_eq!(starts.estimates, whole.estimates.len());
        assert_eq!(starts.offsets.len(), whole.estimates.len().div_ceil(BATCH));
        for (number, expected) in whole.estimates.chunks(BATCH).enumerate() {
            let (offset, count) = starts.batch(number).expect("a batch");
            let batch = read_batch(&text, offset, count).expect("the batch reads");
            assert_eq!(batch, expected, "batch {number}");
        }
        assert_eq!(starts.batch(starts.offsets.len()), None);
    }
}

#[test]
fn a_panic_while_taking_stops_the_readers() {
    let text = with_copies(4 * BATCH, |index| format!("copy-{index}"));
    // The readers wait for room after a batch or two; the panic must free them, or this
    // never returns.
    let taken = std::panic::catch_unwind(|| {
        checked_estimates(&text, |_, estimates| {
            estimates.next();
            panic!("the taker fails");
        })
    });
    assert!(taken.is_err());
}

#[test]
fn an_id_two_lists_share_leaves_the_file_to_the_usual_reading() {
    let shared = [
        changed(|dataset| dataset["events"][0]["id"] = dataset["estimates"][0]["id"].clone()),
        changed(|dataset| dataset["estimates"][3]["id"] = dataset["sources"][0]["id"].clone()),
        changed(|dataset| dataset["events"][1]["id"] = serde_json::json!("workers-fact-1")),
    ];
    for text in &shared {
        assert!(!holds_as_usual(text));
        assert!(checked_without_estimates(text).is_none());
    }
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
