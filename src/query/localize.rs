//! Languages: the language `--lang` shows names in, and `Names`, the names of groups, related
//! populations and regions in it, decided once and consulted by the views and rows as they write
//! a name, so the dataset itself is never rewritten.

use std::collections::{HashMap, HashSet};

use crate::dataset::{Dataset, Estimate, Group, Name, Related};
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
    fn of<'a>(self, name: &'a Name<'a>) -> Option<&'a str> {
        match self {
            Language::English => Some(&name.en),
            Language::Korean => name.ko.as_deref(),
            Language::Russian => name.ru.as_deref(),
        }
    }
}

/// What [`Names`] shows in another language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Localize {
    /// The names of the groups and related populations.
    pub groups: bool,
    /// The regions of the estimates.
    pub regions: bool,
}

/// The names a view shows: those of the groups and related populations, and the regions whose
/// whole text is an English name of the dataset's names, in the language asked for where the
/// dataset's names give one, and as the dataset writes them otherwise. Made once from the
/// dataset, which stays as it was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Names<'d> {
    /// The language asked for.
    language: Language,
    /// The first name in the language of each group and related population, by id; none when
    /// their names are shown as the dataset writes them.
    populations: Option<HashMap<&'d str, &'d str>>,
    /// For each English name folded, the name in the language of the first of the dataset's
    /// names that has that English name (none when that name has none in the language); none
    /// when regions are shown as the dataset writes them.
    regions: Option<HashMap<String, Option<&'d str>>>,
}

/// The names as the dataset writes them, in English.
static ENGLISH: Names<'static> = Names {
    language: Language::English,
    populations: None,
    regions: None,
};

impl<'d> Names<'d> {
    /// The names of `what` in `language`, looked up in the dataset's names in one pass.
    pub fn new(dataset: &'d Dataset<'_>, language: Language, what: Localize) -> Self {
        if language == Language::English {
            return ENGLISH.clone();
        }
        let mut populations: HashMap<&str, &str> = HashMap::new();
        let mut regions: HashMap<String, Option<&str>> = HashMap::new();
        for name in &dataset.names {
            if let (Some(population), Some(local)) = (name.group.as_deref(), language.of(name)) {
                populations.entry(population).or_insert(local);
            }
            regions
                .entry(fold(&name.en))
                .or_insert_with(|| language.of(name));
        }
        Names {
            language,
            populations: what.groups.then_some(populations),
            regions: what.regions.then_some(regions),
        }
    }

    /// The names as the dataset writes them, in English.
    pub fn english() -> &'static Names<'static> {
        &ENGLISH
    }

    /// The language asked for.
    pub fn language(&self) -> Language {
        self.language
    }

    /// The name of the group or related population with this id in the language, if it is
    /// shown in it and the dataset's names give one.
    fn of_population(&self, id: &str) -> Option<&str> {
        self.populations.as_ref()?.get(id).copied()
    }

    /// A group's name as shown.
    pub fn group<'s>(&'s self, group: &'s Group) -> &'s str {
        self.of_population(&group.id).unwrap_or(&group.name)
    }

    /// A related population's name as shown.
    pub fn related<'s>(&'s self, related: &'s Related) -> &'s str {
        self.of_population(&related.id).unwrap_or(&related.name)
    }

    /// A group's other names as shown: its English name first when its name is shown in
    /// another language (unless an alias already is that name), then its aliases.
    pub fn aliases<'s>(&'s self, group: &'s Group) -> Vec<&'s str> {
        let english = self
            .of_population(&group.id)
            .is_some()
            .then_some(group.name.as_ref())
            .filter(|english| {
                !group
                    .aliases
                    .iter()
                    .any(|alias| fold(alias) == fold(english))
            });
        english
            .into_iter()
            .chain(group.aliases.iter().map(AsRef::as_ref))
            .collect()
    }

    /// The name in the language of an English name, when regions are shown in it and the
    /// dataset's names give one.
    fn of_region(&self, region: &str) -> Option<&str> {
        self.regions.as_ref()?.get(&fold(region)).copied().flatten()
    }

    /// A region as shown.
    pub fn region<'s>(&'s self, region: &'s str) -> &'s str {
        self.of_region(region).unwrap_or(region)
    }

    /// The names shown in English for want of a name in the language, each once, in order: the
    /// groups' and related populations' names, then the regions of `shown`.
    pub fn missing<'e>(
        &self,
        dataset: &Dataset<'_>,
        shown: impl IntoIterator<Item = &'e Estimate<'e>>,
    ) -> Vec<String> {
        let mut missing: Vec<String> = Vec::new();
        let mut seen: HashSet<String> = HashSet::new();
        let mut note = |english: &str| {
            if seen.insert(english.to_owned()) {
                missing.push(english.to_owned());
            }
        };
        if self.populations.is_some() {
            for group in &dataset.groups {
                if self.of_population(&group.id).is_none() {
                    note(&group.name);
                }
            }
            for related in &dataset.related {
                if self.of_population(&related.id).is_none() {
                    note(&related.name);
                }
            }
        }
        if self.regions.is_some() {
            for region in shown
                .into_iter()
                .filter_map(|estimate| estimate.region.as_deref())
            {
                if self.of_region(region).is_none() {
                    note(region);
                }
            }
        }
        missing
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::fixture;

    /// The fixture with a Korean name for the workers and for Sakhalin, and one for the
    /// eastern regions that gives none in Korean.
    fn named() -> Dataset<'static> {
        let mut dataset = fixture();
        let name = |id: &str, en: &str, group: Option<&str>, ko: Option<&str>| Name {
            id: id.to_owned().into(),
            en: en.to_owned().into(),
            group: group.map(|group| group.to_owned().into()),
            ko: ko.map(|ko| ko.to_owned().into()),
            ru: None,
            aliases: crate::dataset::List::default(),
            sources: crate::dataset::List::default(),
            note: None,
        };
        // The workers' English name is no longer among their aliases.
        dataset.groups[1].aliases.to_mut().remove(0);
        dataset.names = vec![
            name("workers", "workers", Some("workers"), Some("노동자")),
            name("sakhalin", "sakhalin", None, Some("사할린")),
            name("east", "Eastern regions of Russia", None, None),
            name("east-2", "eastern regions of russia", None, Some("동부")),
        ]
        .into();
        dataset
    }

    #[test]
    fn names_in_a_language_fall_back_to_english_and_say_which() {
        let dataset = named();
        let both = Localize {
            groups: true,
            regions: true,
        };
        let names = Names::new(&dataset, Language::Korean, both);
        assert_eq!(names.language(), Language::Korean);
        let workers = &dataset.groups[1];
        assert_eq!(names.group(workers), "노동자");
        assert_eq!(names.group(&dataset.groups[0]), dataset.groups[0].name);
        assert_eq!(names.aliases(workers)[0], "Guest workers");
        assert_eq!(names.aliases(workers)[1..], *workers.aliases);
        // A group shown in English, or whose English name is an alias, keeps its aliases.
        assert_eq!(
            names.aliases(&dataset.groups[0]),
            *dataset.groups[0].aliases
        );
        assert_eq!(names.region("SAKHALIN"), "사할린");
        // The first name of an English name decides, even when it gives none in the language.
        assert_eq!(
            names.region("eastern regions of Russia"),
            "eastern regions of Russia"
        );
        let missing = names.missing(&dataset, &dataset.estimates);
        assert_eq!(
            missing,
            [
                "International students",
                "Defectors and refugees",
                "Koryo-saram",
                "Russia",
                "eastern regions of Russia",
            ]
        );
        let regions_only = Names::new(
            &dataset,
            Language::Korean,
            Localize {
                groups: false,
                regions: true,
            },
        );
        assert_eq!(regions_only.group(workers), workers.name);
        assert_eq!(regions_only.aliases(workers), *workers.aliases);
        assert_eq!(regions_only.missing(&dataset, []), Vec::<String>::new());
        let english = Names::new(&dataset, Language::English, both);
        assert_eq!(&english, Names::english());
        assert_eq!(english.region("Sakhalin"), "Sakhalin");
        assert!(english.missing(&dataset, &dataset.estimates).is_empty());
    }
}
