//! Each headline rule on a small set of figures of its own.

use super::*;
use crate::dataset::{Period, Precision};

/// A figure of `kind` for `coverage`, reaching `date` (a year or a month).
fn figure(
    id: &str,
    kind: Counts,
    date: &str,
    coverage: Option<Coverage>,
    low: u64,
) -> Estimate<'static> {
    let precision = if date.len() == 4 {
        Precision::Year
    } else {
        Precision::Month
    };
    Estimate {
        id: id.to_owned().into(),
        group: Some("workers".into()),
        low,
        high: low,
        qualifiers: vec![Qualifier::About].into(),
        counts: kind,
        period: Period {
            precision,
            from: Some(date.parse().expect("a date")),
            to: None,
            text: format!("in {date}").into(),
        },
        region: coverage.map(|coverage| match coverage {
            Coverage::Russia => "Russia".into(),
            _ => "Primorsky Krai".into(),
        }),
        coverage,
        attributed_to: format!("Office of {id}, as reported").into(),
        party_to_conflict: false,
        source: "s".into(),
        section: None,
        note: None,
        same_figure_as: crate::dataset::List::default(),
    }
}

fn ids<'a>(figures: &Figures<'a>) -> Vec<&'a str> {
    figures
        .estimates
        .iter()
        .map(|estimate| estimate.id.as_ref())
        .collect()
}

const RUSSIA: Option<Coverage> = Some(Coverage::Russia);
const REGION: Option<Coverage> = Some(Coverage::Region);

#[test]
fn plans_possible_totals_and_demand_never_head_a_line() {
    for kind in [Counts::Planned, Counts::Possible, Counts::Demand] {
        let plan = figure("plan", kind, "2025", RUSSIA, 50_000);
        assert_eq!(headline(kind, &[&plan]), None, "{kind:?}");
        assert!(!is_count(kind));
    }
    let count = figure("count", Counts::Recruited, "2025", RUSSIA, 5_000);
    assert!(is_count(Counts::Recruited));
    assert_eq!(
        ids(&headline(Counts::Recruited, &[&count]).expect("a count heads")),
        ["count"]
    );
}

#[test]
fn only_figures_of_the_kind_asked_for_head_it() {
    let present = figure("present", Counts::Present, "2020", RUSSIA, 100);
    let entries = figure("entries", Counts::Entries, "2025", RUSSIA, 9);
    let chosen = headline(Counts::Present, &[&present, &entries]).expect("a headline");
    assert_eq!(ids(&chosen), ["present"]);
    assert_eq!(chosen.counts, Counts::Present);
}

#[test]
fn an_undated_figure_never_heads() {
    let mut undated = figure("undated", Counts::Present, "2025", RUSSIA, 100);
    undated.period = Period {
        precision: Precision::Unknown,
        from: None,
        to: None,
        text: String::from("some time").into(),
    };
    assert_eq!(headline(Counts::Present, &[&undated]), None);
    let dated = figure("dated", Counts::Present, "1990", RUSSIA, 5);
    assert_eq!(
        ids(&headline(Counts::Present, &[&undated, &dated]).expect("one")),
        ["dated"]
    );
}

#[test]
fn a_claimed_figure_heads_only_where_nothing_else_does() {
    let mut claimed = figure("claimed", Counts::Quota, "2025", RUSSIA, 500_000);
    claimed.qualifiers = vec![Qualifier::Claimed].into();
    let plain = figure("plain", Counts::Quota, "2020", RUSSIA, 100);
    assert_eq!(
        ids(&headline(Counts::Quota, &[&claimed, &plain]).expect("one")),
        ["plain"]
    );
    assert_eq!(
        ids(&headline(Counts::Quota, &[&claimed]).expect("one")),
        ["claimed"]
    );
}

#[test]
fn a_part_of_russia_never_stands_for_the_whole_while_a_figure_for_the_whole_exists() {
    let whole = figure("whole", Counts::Present, "2019", RUSSIA, 10_000);
    let later_part = figure("part", Counts::Present, "2025", REGION, 300);
    let chosen = headline(Counts::Present, &[&later_part, &whole]).expect("a headline");
    assert_eq!(ids(&chosen), ["whole"]);
    assert_eq!(chosen.coverage(), RUSSIA);
    assert!(chosen.places().is_empty());
}

#[test]
fn a_part_heads_only_where_nothing_wider_exists_and_names_its_place() {
    let site = figure("site", Counts::Present, "2025", Some(Coverage::Site), 30);
    let city = figure("city", Counts::Present, "2024", Some(Coverage::City), 300);
    let region = figure("region", Counts::Present, "2023", REGION, 3_000);
    let chosen = headline(Counts::Present, &[&site, &city, &region]).expect("a headline");
    assert_eq!(ids(&chosen), ["region"]);
    assert_eq!(chosen.places(), ["Primorsky Krai"]);
    let chosen = headline(Counts::Present, &[&site, &city]).expect("a headline");
    assert_eq!(ids(&chosen), ["city"]);
    let chosen = headline(Counts::Present, &[&site]).expect("a headline");
    assert_eq!(chosen.coverage(), Some(Coverage::Site));
}

#[test]
fn a_figure_of_unknown_coverage_comes_after_the_whole_and_before_a_part() {
    let unknown = figure("unknown", Counts::Present, "2025", None, 500);
    let part = figure("part", Counts::Present, "2026", REGION, 50);
    let whole = figure("whole", Counts::Present, "2010", RUSSIA, 5_000);
    assert_eq!(
        ids(&headline(Counts::Present, &[&unknown, &part]).expect("one")),
        ["unknown"]
    );
    assert_eq!(
        ids(&headline(Counts::Present, &[&unknown, &part, &whole]).expect("one")),
        ["whole"]
    );
}

#[test]
fn every_figure_of_the_latest_year_heads_together_as_one_range() {
    let nis = figure("nis", Counts::Present, "2025-11", RUSSIA, 10_000);
    let hur = figure("hur", Counts::Present, "2025-03", RUSSIA, 15_000);
    let older = figure("older", Counts::Present, "2024-12", RUSSIA, 12_000);
    let chosen = headline(Counts::Present, &[&older, &nis, &hur]).expect("a headline");
    assert_eq!(ids(&chosen), ["nis", "hur"]);
    assert_eq!((chosen.low(), chosen.high()), (10_000, 15_000));
    assert_eq!(chosen.words(), "about 10,000–15,000");
    assert_eq!(chosen.period(), "2025");
    assert_eq!(chosen.label(), "2025");
    assert_eq!(chosen.makers(), ["Office of nis", "Office of hur"]);
}

#[test]
fn figures_over_a_span_head_together_only_with_figures_of_the_same_span() {
    let mut year = figure("year", Counts::Entries, "2025", RUSSIA, 1_000);
    year.period.text = String::from("calendar year 2025").into();
    let mut quarter = figure("quarter", Counts::Entries, "2025-01", RUSSIA, 300);
    quarter.period.to = Some("2025-03".parse().expect("a month"));
    quarter.period.text = String::from("first quarter of 2025").into();
    let chosen = headline(Counts::Entries, &[&quarter, &year]).expect("a headline");
    assert_eq!(ids(&chosen), ["year"]);
    assert_eq!(chosen.period(), "calendar year 2025");
    assert_eq!(chosen.label(), "2025");
    let quarter_alone = headline(Counts::Entries, &[&quarter]).expect("a headline");
    assert_eq!(quarter_alone.label(), "2025-01–03");
    assert!(!is_stock(Counts::Entries));
    assert!(is_stock(Counts::Casualties));
    assert!(is_stock(Counts::Census));
}

#[test]
fn a_range_keeps_only_the_hedge_every_figure_shares_and_marks_a_party() {
    let mut first = figure("first", Counts::Present, "2025", RUSSIA, 100);
    first.qualifiers = vec![Qualifier::About, Qualifier::Estimated].into();
    let mut second = figure("second", Counts::Present, "2025", RUSSIA, 200);
    second.qualifiers = vec![Qualifier::Estimated].into();
    let chosen = headline(Counts::Present, &[&first, &second]).expect("a headline");
    assert_eq!(chosen.qualifiers(), [Qualifier::Estimated]);
    assert_eq!(chosen.words(), "about estimated 100 / estimated 200");
    let mut third = figure("third", Counts::Present, "2025", RUSSIA, 150);
    third.qualifiers = vec![Qualifier::Estimated, Qualifier::MoreThan].into();
    let chosen = headline(Counts::Present, &[&first, &second, &third]).expect("a headline");
    assert_eq!(chosen.words(), "estimated 100–200");
    assert!(!chosen.by_a_party());
    second.party_to_conflict = true;
    assert!(
        headline(Counts::Present, &[&first, &second])
            .expect("one")
            .by_a_party()
    );
}

#[test]
fn over_time_gives_one_entry_a_period_for_the_widest_coverage_oldest_first() {
    let a = figure("a", Counts::Present, "2018", RUSSIA, 30_000);
    let b = figure("b", Counts::Present, "2018-12", RUSSIA, 11_490);
    let c = figure("c", Counts::Present, "2016", RUSSIA, 40_000);
    let part = figure("part", Counts::Present, "2017", REGION, 6_000);
    let other = figure("other", Counts::Entries, "2017", RUSSIA, 6);
    let all = [&a, &b, &c, &part, &other];
    let series = over_time(Counts::Present, &all, false);
    let rows: Vec<(Slot, Vec<&str>)> = series.iter().map(|f| (f.slot, ids(f))).collect();
    assert_eq!(
        rows,
        [
            (Slot::Year(2016), vec!["c"]),
            (Slot::Year(2018), vec!["a", "b"])
        ]
    );
    let every = over_time(Counts::Present, &all, true);
    assert_eq!(every.len(), 3);
    assert_eq!(ids(&every[1]), ["part"]);
    let parts_only = over_time(Counts::Present, &[&part], false);
    assert_eq!(ids(&parts_only[0]), ["part"]);
}

#[test]
fn the_current_picture_sums_the_groups_when_no_total_is_as_recent() {
    let total = figure("total", Counts::Present, "2006", RUSSIA, 10_000);
    let workers = figure("workers", Counts::Present, "2025", RUSSIA, 15_000);
    let mut soldiers = figure("soldiers", Counts::Present, "2024", RUSSIA, 10_000);
    soldiers.high = 12_000;
    let regional = figure("regional", Counts::Present, "2026", REGION, 99);
    let groups = vec![
        ("workers", vec![&workers]),
        ("military", vec![&soldiers, &regional]),
        ("students", vec![]),
    ];
    let picture = now(&[&total], &groups);
    assert_eq!(
        ids(picture.stated.as_ref().expect("a stated total")),
        ["total"]
    );
    let sum = picture.sum.expect("a sum");
    let parts: Vec<&str> = sum.parts.iter().map(|(id, _)| *id).collect();
    assert_eq!(parts, ["workers", "military"]);
    assert_eq!((sum.low(), sum.high()), (25_000, 27_000));
    assert_eq!(sum.years(), Some((2024, 2025)));
}

#[test]
fn no_sum_when_the_stated_total_is_as_recent_as_every_part() {
    let total = figure("total", Counts::Present, "2025", RUSSIA, 30_000);
    let workers = figure("workers", Counts::Present, "2025", RUSSIA, 15_000);
    let picture = now(&[&total], &[("workers", vec![&workers])]);
    assert_eq!(picture.sum, None);
    let picture = now(&[], &[("workers", vec![&workers])]);
    assert_eq!(picture.stated, None);
    assert_eq!(picture.sum.expect("a sum with no total").low(), 15_000);
    assert_eq!(now(&[&total], &[]).sum, None);
}

#[test]
fn a_maker_is_named_in_a_few_words() {
    for (attributed_to, short) in [
        (
            "South Korea's National Intelligence Service (NIS), as relayed by a lawmaker",
            "NIS",
        ),
        (
            "UN refugee agency (UNHCR) data, as cited by Business Upturn",
            "UNHCR",
        ),
        (
            "Russian Federal State Statistics Service (Rosstat), as reported by RFA",
            "Rosstat",
        ),
        (
            "Russia's FSB Border Service (border-crossing statistics), as reported by NK News",
            "FSB",
        ),
        (
            "Pentagon (Deputy Press Secretary Sabrina Singh)",
            "Pentagon",
        ),
        (
            "Alexander Matsegora, Russia's ambassador to North Korea",
            "Alexander Matsegora",
        ),
        ("the UN in a report; and more", "the UN in a report"),
        ("Ministry (as reported by Reuters)", "Ministry"),
        ("Ministry (NK News), in a report", "Ministry"),
        ("Ministry (2nd), in a report", "Ministry"),
    ] {
        assert_eq!(maker(attributed_to), short, "{attributed_to}");
    }
}

/// `maker` as it was first written, splitting the text into words: the oracle the byte scan of
/// `first_abbreviation` is held to.
fn maker_by_splitting(attributed_to: &str) -> &str {
    let is_abbreviation = |word: &str| {
        (3..=6).contains(&word.len()) && word.bytes().all(|byte| byte.is_ascii_uppercase())
    };
    let bracketed = attributed_to.split('(').skip(1).find_map(|rest| {
        let inside = rest.split(')').next()?;
        let short = inside.len() <= 40
            && (2..=10).contains(&inside.chars().count())
            && inside.chars().all(char::is_alphabetic)
            && inside.chars().next().is_some_and(char::is_uppercase);
        short.then_some(inside)
    });
    if let Some(short) = bracketed {
        return short;
    }
    let head = attributed_to
        .split([',', '(', ';'])
        .next()
        .unwrap_or(attributed_to)
        .trim();
    head.split(|character: char| !character.is_alphanumeric())
        .find(|word| is_abbreviation(word))
        .unwrap_or(head)
}

proptest::proptest! {
    #[test]
    fn a_maker_is_what_splitting_into_words_finds(
        attributed_to in "([A-Z]{1,7}|[a-z]{1,6}|Ж[а-я]{0,3}|É[a-z]{0,3}|[ ,;()«»—.0-9-]){0,14}"
    ) {
        proptest::prop_assert_eq!(maker(&attributed_to), maker_by_splitting(&attributed_to));
    }

    #[test]
    fn a_maker_of_any_text_is_what_splitting_into_words_finds(attributed_to in ".{0,40}") {
        proptest::prop_assert_eq!(maker(&attributed_to), maker_by_splitting(&attributed_to));
    }
}
