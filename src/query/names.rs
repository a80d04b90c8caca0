//! Names: which group or related population a text stands for (by id, name, alias, a Korean or
//! Russian name of the dataset's names, a whole word or a prefix), the texts a name stands for
//! (`equivalents`), and the closest group suggested when none fits.

use std::collections::HashSet;

use super::TOTAL_ID;
use super::localize::Names;
use crate::dataset::{Dataset, Group, Name};
use crate::error::{Error, Result};
use crate::text::{name_key, normalize_name, quote};

/// Folds a name ([`fold`](crate::text::fold)) and its white space, for comparing names as people type them.
pub(super) fn normalize(name: &str) -> String {
    normalize_name(name)
}

/// Every name a group answers to: its id, its name, its aliases, and its Korean and Russian
/// names from the dataset's names.
fn names_of<'a>(dataset: &'a Dataset<'a>, group: &'a Group) -> impl Iterator<Item = &'a str> {
    [group.id.as_ref(), group.name.as_ref()]
        .into_iter()
        .chain(group.aliases.iter().map(AsRef::as_ref))
        .chain(translations(dataset, &group.id))
}

/// The Korean and Russian names and the other forms the dataset's names give a group or a
/// related population.
fn translations<'a>(dataset: &'a Dataset<'a>, id: &'a str) -> impl Iterator<Item = &'a str> {
    dataset.names_of(id).flat_map(forms)
}

/// The forms a name of the dataset's names answers to: Korean, Russian and its aliases.
fn forms<'a>(name: &'a Name<'a>) -> impl Iterator<Item = &'a str> {
    [name.ko.as_deref(), name.ru.as_deref()]
        .into_iter()
        .flatten()
        .chain(name.aliases.iter().map(AsRef::as_ref))
}

/// The texts a folded text stands for: itself, and every name of each of the dataset's names
/// whose English, Korean or Russian name or other form is equal to it or begins with it, each
/// folded. So `사할린` stands for itself, `sakhalin`, `сахалин` and the other forms listed.
pub fn equivalents(dataset: &Dataset, folded: &str) -> Vec<String> {
    let mut texts = vec![folded.to_owned()];
    let mut seen: HashSet<String> = HashSet::from([folded.to_owned()]);
    for form in matching_forms(dataset, folded).flatten() {
        if seen.insert(form.clone()) {
            texts.push(form);
        }
    }
    texts
}

/// Every form of each of the dataset's names that has a form equal to `folded` or beginning
/// with it (its English name first), each folded.
fn matching_forms<'d>(
    dataset: &'d Dataset,
    folded: &'d str,
) -> impl Iterator<Item = Vec<String>> + 'd {
    dataset.names.iter().filter_map(move |name| {
        let every: Vec<String> = std::iter::once(name.en.as_ref())
            .chain(forms(name))
            .map(normalize)
            .collect();
        every
            .iter()
            .any(|form| form.starts_with(folded))
            .then_some(every)
    })
}

/// The folded texts to look for in place of `folded`: those [`equivalents`] gives, less each
/// one that contains `folded` itself, since a text holding it holds `folded` too and is found
/// already. A text given twice is left in, as it finds nothing more, so no set of the texts seen
/// is made: with many names the texts looked for are half as many and made once.
pub(super) fn looked_for(dataset: &Dataset, folded: &str) -> Vec<String> {
    let mut texts = vec![folded.to_owned()];
    let others = matching_forms(dataset, folded).flatten();
    texts.extend(others.filter(|form| !form.contains(folded)));
    texts
}

/// Finds the group a user means by `name`: its id, name or an alias, ignoring case, singular or
/// plural, or a prefix that fits one group only.
pub fn resolve_group<'a>(dataset: &'a Dataset<'a>, name: &str) -> Result<&'a Group<'a>> {
    resolve_shown_group(dataset, name, Names::english())
}

/// Finds the group a user means by `name` as [`resolve_group`] does, where a prefix is of its
/// id or of its name as `shown` writes it (in the language of `--lang`).
pub fn resolve_shown_group<'a>(
    dataset: &'a Dataset<'a>,
    name: &str,
    shown: &Names<'_>,
) -> Result<&'a Group<'a>> {
    let wanted = normalize(name);
    if wanted.is_empty() {
        return Err(Error::Usage(String::from("a group name cannot be empty")));
    }
    // An id typed exactly wins over every other name, so an alias cannot hide a group's id.
    if let Some(group) = dataset
        .groups
        .iter()
        .find(|group| normalize(&group.id) == wanted)
    {
        return Ok(group);
    }
    // The rule by which `validate` keeps the names of groups apart: `name_key`.
    let key = name_key(name);
    let exact: Vec<&Group> = dataset
        .groups
        .iter()
        .filter(|group| names_of(dataset, group).any(|candidate| name_key(candidate) == key))
        .collect();
    if let [group] = exact.as_slice() {
        return Ok(group);
    }
    let exact = if exact.is_empty() {
        by_whole_word(dataset, &wanted)
    } else {
        exact
    };
    // A prefix stands for a group only by the start of its id or its name as shown, never of an
    // alias: `north` is the start of "North Korean workers", but every group is North Korean.
    let matching = if exact.is_empty() {
        dataset
            .groups
            .iter()
            .filter(|group| {
                [group.id.as_ref(), shown.group(group)]
                    .iter()
                    .any(|candidate| normalize(candidate).starts_with(&wanted))
            })
            .collect()
    } else {
        exact
    };
    match matching.as_slice() {
        [group] => Ok(group),
        [] => Err(Error::NotFound(not_found_message(dataset, name, &wanted))),
        several => {
            let ids: Vec<String> = several
                .iter()
                .map(|group| format!("`{}`", group.id))
                .collect();
            Err(Error::NotFound(format!(
                "the group name `{}` fits several groups: {}",
                quote(name),
                ids.join(", ")
            )))
        }
    }
}

/// The groups one of whose names of several words holds `wanted` as a whole word, such as
/// `guest` of "guest workers" or `рабочие` of "рабочие из КНДР". A word of the dataset's title
/// (`north`, `koreans`, `russia`) tells no group apart, so it finds none.
fn by_whole_word<'a>(dataset: &'a Dataset<'a>, wanted: &str) -> Vec<&'a Group<'a>> {
    if wanted.contains(' ') {
        return Vec::new();
    }
    let wanted = name_key(wanted);
    let title = normalize(&dataset.title);
    if title.split(' ').any(|word| name_key(word) == wanted) {
        return Vec::new();
    }
    dataset
        .groups
        .iter()
        .filter(|group| {
            names_of(dataset, group).any(|candidate| {
                normalize(candidate)
                    .split(' ')
                    .any(|word| name_key(word) == wanted)
            })
        })
        .collect()
}

fn not_found_message(dataset: &Dataset, name: &str, wanted: &str) -> String {
    let ids: Vec<&str> = dataset
        .groups
        .iter()
        .map(|group| group.id.as_ref())
        .collect();
    let mut message = format!("no group is called `{}`", quote(name));
    if let Some(suggestion) = suggest(dataset, wanted) {
        message.push_str(&format!("; did you mean `{suggestion}`?"));
    }
    message.push_str(&format!(" (groups: {})", listed_ids(&ids)));
    message
}

/// The most ids a message lists; the rest are counted.
const LISTED_IDS: usize = 10;

/// Ids as a message lists them: the first [`LISTED_IDS`], then how many more there are.
fn listed_ids(ids: &[&str]) -> String {
    let shown = ids.len().min(LISTED_IDS);
    let mut listed = ids[..shown].join(", ");
    if ids.len() > shown {
        listed.push_str(&format!(" and {} more", ids.len() - shown));
    }
    listed
}

/// The id of the group whose closest name is most like `wanted`, when one is close enough.
fn suggest<'a>(dataset: &'a Dataset<'a>, wanted: &str) -> Option<&'a str> {
    const THRESHOLD: f64 = 0.7;
    dataset
        .groups
        .iter()
        .flat_map(|group| {
            names_of(dataset, group).map(move |candidate| {
                let score = strsim::jaro_winkler(&normalize(candidate), wanted);
                (score, group.id.as_ref())
            })
        })
        .filter(|(score, _)| *score >= THRESHOLD)
        .max_by(|left, right| left.0.total_cmp(&right.0))
        .map(|(_, id)| id)
}

/// Finds what a user means by `name` among the groups and then the related populations, whose
/// figures an estimate may also count: the id of a group, or of a related population called
/// exactly `name` (by id or name, ignoring case).
pub fn resolve_population(dataset: &Dataset, name: &str) -> Result<String> {
    match resolve_group(dataset, name) {
        Ok(group) => Ok(group.id.to_string()),
        Err(error) => {
            let wanted = normalize(name);
            dataset
                .related
                .iter()
                .find(|related| {
                    normalize(&related.id) == wanted
                        || normalize(&related.name) == wanted
                        || translations(dataset, &related.id).any(|form| normalize(form) == wanted)
                })
                .map(|related| related.id.to_string())
                .ok_or(error)
        }
    }
}

/// Resolves the names of the lines `nkru summary` is asked for: `total` (the whole population,
/// as the summary names it) or a group's name (a prefix of its name as `shown` writes it), in
/// order, without repeats.
pub fn resolve_summary_groups(
    dataset: &Dataset,
    names: &[String],
    shown: &Names<'_>,
) -> Result<Vec<String>> {
    let ids = names
        .iter()
        .map(|name| {
            Ok(if normalize(name) == TOTAL_ID {
                TOTAL_ID.to_owned()
            } else {
                resolve_shown_group(dataset, name, shown)?.id.to_string()
            })
        })
        .collect::<Result<Vec<String>>>()?;
    Ok(super::distinct(ids))
}

/// Resolves each name to its group id, in order, without repeats.
pub fn resolve_groups(dataset: &Dataset, names: &[String]) -> Result<Vec<String>> {
    let mut ids: Vec<String> = Vec::new();
    let mut seen: HashSet<&str> = HashSet::new();
    for name in names {
        let id = &resolve_group(dataset, name)?.id;
        if seen.insert(id) {
            ids.push(id.to_string());
        }
    }
    Ok(ids)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::fixture as dataset;

    fn resolved(name: &str) -> std::result::Result<String, (i32, String)> {
        resolve_group(&dataset(), name)
            .map(|group| group.id.to_string())
            .map_err(|error| (error.exit_code(), error.to_string()))
    }

    #[test]
    fn the_texts_looked_for_leave_out_those_holding_the_text_itself() {
        let dataset = crate::dataset::embedded().expect("the embedded dataset loads");
        let every = equivalents(&dataset, "sakh");
        let looked = looked_for(&dataset, "sakh");
        assert_eq!(
            looked,
            [
                "sakh",
                "사할린",
                "сахалин",
                "사할린 주",
                "сахалинская область",
                "сахалинскои области"
            ]
        );
        // What is left out holds the text, so a text it finds is found by the text alone.
        assert!(
            every
                .iter()
                .all(|text| looked.contains(text) || text.contains("sakh"))
        );
    }

    #[test]
    fn names_resolve_by_id_name_alias_plural_and_prefix() {
        assert_eq!(resolved("workers"), Ok(String::from("workers")));
        assert_eq!(resolved("WORKER"), Ok(String::from("workers")));
        assert_eq!(resolved("Guest  Workers"), Ok(String::from("workers")));
        assert_eq!(resolved("migrant worker"), Ok(String::from("workers")));
        assert_eq!(resolved("defector"), Ok(String::from("refugees")));
        assert_eq!(
            resolved("International students"),
            Ok(String::from("students"))
        );
        // Industrial trainees came with the students; the article does not call them students.
        assert!(resolved("trainee").is_err());
        assert_eq!(resolved("ref"), Ok(String::from("refugees")));
        assert_eq!(resolved("w"), Ok(String::from("workers")));
    }

    #[test]
    fn unknown_names_suggest_the_closest_group() {
        let (code, message) = resolved("wrkers").expect_err("unknown");
        assert_eq!(code, 1);
        assert_eq!(
            message,
            "no group is called `wrkers`; did you mean `workers`? (groups: students, workers, refugees)"
        );
        let (_, message) = resolved("zzzz").expect_err("unknown");
        assert_eq!(
            message,
            "no group is called `zzzz` (groups: students, workers, refugees)"
        );
    }

    #[test]
    fn ambiguous_prefixes_name_every_candidate() {
        // Only the students' name begins `in`, so the prefix is not ambiguous.
        assert_eq!(resolved("in"), Ok(String::from("students")));
        let mut dataset = dataset();
        dataset.groups[1].name = String::from("Stevedores").into();
        let error = resolve_group(&dataset, "st").expect_err("ambiguous prefix");
        assert_eq!(error.exit_code(), 1);
        assert_eq!(
            error.to_string(),
            "the group name `st` fits several groups: `students`, `workers`"
        );
    }

    #[test]
    fn an_id_wins_and_a_prefix_of_an_alias_finds_nothing() {
        let mut dataset = dataset();
        // An alias of the students that is the workers' id does not take the workers' id away.
        dataset.groups[0]
            .aliases
            .push(String::from("workers").into());
        assert_eq!(
            resolve_group(&dataset, "workers")
                .map(|group| group.id.as_ref())
                .ok(),
            Some("workers")
        );
        // "North Korean workers" is an alias: its first word does not pick the workers.
        dataset.groups[1]
            .aliases
            .push(String::from("North Korean workers").into());
        let error = resolve_group(&dataset, "north").expect_err("no group");
        assert_eq!(error.exit_code(), 1);
    }

    #[test]
    fn names_meet_whatever_their_accents_case_and_unicode_form() {
        let mut dataset = dataset();
        dataset.groups[1]
            .aliases
            .push(String::from("İstanbul café").into());
        for typed in ["istanbul cafe", "ISTANBUL CAFÉ", "istanbul cafe\u{301}"] {
            assert_eq!(
                resolve_group(&dataset, typed)
                    .map(|group| group.id.as_ref())
                    .ok(),
                Some("workers"),
                "{typed}"
            );
        }
    }

    #[test]
    fn empty_names_are_a_usage_error() {
        let (code, _) = resolved("  ").expect_err("empty");
        assert_eq!(code, 2);
    }
}
