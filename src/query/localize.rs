//! Languages: the language `--lang` shows names in, and the names of groups, related
//! populations and regions put into it.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use crate::dataset::{Dataset, Name};
use crate::text::fold;

/// A language names can be shown in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Language {
    /// English, the language of the dataset's texts.
    #[default]
    English,
    /// Korean, in Hangul.
    Korean,
    /// Russian, in Cyrillic.
    Russian,
}

impl Language {
    /// The language in words.
    pub fn words(self) -> &'static str {
        match self {
            Language::English => "English",
            Language::Korean => "Korean",
            Language::Russian => "Russian",
        }
    }

    /// A name of the dataset's names in this language, if it gives one.
    fn of(self, name: &Name) -> Option<&str> {
        match self {
            Language::English => Some(&name.en),
            Language::Korean => name.ko.as_deref(),
            Language::Russian => name.ru.as_deref(),
        }
    }
}

/// What [`localize`] puts into another language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Localize {
    /// The names of the groups and related populations.
    pub groups: bool,
    /// The regions of the estimates.
    pub regions: bool,
}

/// Puts names of the dataset into `language` where its names give them: the names of the groups
/// and related populations, and regions whose whole text is an English name listed. A group
/// keeps its English name among its aliases, so it is still found by it. Returns the English
/// names that have no name in that language and stay as they are, each once.
/// Only the regions of the estimates whose ids are in `shown` are put into the language, when it
/// is given, so the names reported missing are those a view shows.
pub fn localize<S: std::hash::BuildHasher>(
    dataset: &mut Dataset,
    language: Language,
    what: Localize,
    shown: Option<&HashSet<String, S>>,
) -> Vec<String> {
    let mut missing: Vec<String> = Vec::new();
    if language == Language::English {
        return missing;
    }
    let names = std::mem::take(&mut dataset.names);
    // The first name of each population that the language has, and the first name of each
    // English name folded, each found in one pass over the names.
    let mut local_of: HashMap<&str, &str> = HashMap::new();
    let mut by_english: HashMap<String, &Name> = HashMap::new();
    for name in &names {
        if let (Some(population), Some(local)) = (name.group.as_deref(), language.of(name)) {
            local_of.entry(population).or_insert(local);
        }
        by_english.entry(fold(&name.en)).or_insert(name);
    }
    let of_population = |id: &str| local_of.get(id).map(|local| (*local).to_owned());
    let mut seen: HashSet<String> = HashSet::new();
    let mut note_missing = |english: &str| {
        if seen.insert(english.to_owned()) {
            missing.push(english.to_owned());
        }
    };
    if what.groups {
        for group in &mut dataset.groups {
            match of_population(&group.id) {
                Some(local) => {
                    let english = std::mem::replace(&mut group.name, local);
                    if !group
                        .aliases
                        .iter()
                        .any(|alias| fold(alias) == fold(&english))
                    {
                        group.aliases.insert(0, english);
                    }
                }
                None => note_missing(&group.name),
            }
        }
        for related in &mut dataset.related {
            match of_population(&related.id) {
                Some(local) => related.name = local,
                None => note_missing(&related.name),
            }
        }
    }
    if what.regions {
        let regions = dataset
            .estimates
            .iter_mut()
            .filter(|estimate| shown.is_none_or(|shown| shown.contains(estimate.id.as_ref())))
            .filter_map(|estimate| estimate.region.as_mut());
        for region in regions {
            let local = by_english
                .get(&fold(region))
                .and_then(|name| language.of(name));
            match local {
                Some(local) => *region = Cow::Owned(local.to_owned()),
                None => note_missing(region),
            }
        }
    }
    dataset.names = names;
    missing
}
