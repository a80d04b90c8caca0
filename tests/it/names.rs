//! Facts as rows, and the Korean and Russian names: lookups, filters and search that match them
//! after Unicode normalisation and case folding, and `--lang`.

use std::collections::HashSet;

use crate::harness::{run, stdout_of};

fn embedded() -> nkru::dataset::Dataset<'static> {
    nkru::dataset::embedded().expect("the embedded dataset loads")
}

/// The first column of TSV output, without its header.
fn ids(arguments: &[&str]) -> Vec<String> {
    stdout_of(arguments)
        .lines()
        .skip(1)
        .map(|line| line.split('\t').next().unwrap_or_default().to_owned())
        .collect()
}

#[test]
fn facts_are_one_row_each_with_an_id_and_their_source_in_csv() {
    let csv = stdout_of(&["facts", "--group", "refugees", "--format", "csv"]);
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let headers = reader.headers().expect("a header").clone();
    assert_eq!(
        headers.iter().collect::<Vec<_>>(),
        [
            "id",
            "group",
            "text",
            "source",
            "section",
            "publisher",
            "title",
            "date",
            "url"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(|row| row.expect("a row")).collect();
    let dataset = embedded();
    let refugees = dataset
        .groups
        .iter()
        .find(|group| group.id == "refugees")
        .expect("the refugees");
    assert_eq!(rows.len(), refugees.facts.len());
    for (index, (row, fact)) in rows.iter().zip(&refugees.facts).enumerate() {
        assert_eq!(&row[0], format!("refugees-fact-{}", index + 1));
        assert_eq!(
            (&row[1], &row[2], &row[3]),
            ("refugees", fact.text.as_ref(), fact.source.as_ref())
        );
        assert!(
            !row[8].is_empty(),
            "every source of the embedded data has a URL"
        );
    }
}

#[test]
fn facts_filter_by_source_and_every_fact_is_listed_once() {
    let all = ids(&["facts"]);
    let dataset = embedded();
    let count: usize = dataset.groups.iter().map(|group| group.facts.len()).sum();
    assert_eq!(all.len(), count);
    assert_eq!(
        all.iter().collect::<HashSet<_>>().len(),
        count,
        "ids are unique"
    );
    let kommersant = ids(&["facts", "--source", "KOMMERSANT"]);
    assert!(
        !kommersant.is_empty() && kommersant.len() < count,
        "{kommersant:?}"
    );
    let (code, _, stderr) = run(&["facts", "--group", "nobody"]);
    assert_eq!(code, 1, "{stderr}");
}

#[test]
fn korean_and_russian_names_find_the_sakhalin_records() {
    let english: HashSet<String> = ids(&["search", "sakhalin", "--fields", "id"])
        .into_iter()
        .collect();
    for name in ["사할린", "Сахалин", "САХАЛИН", "сахалин"] {
        let found: HashSet<String> = ids(&["search", name, "--fields", "id"])
            .into_iter()
            .collect();
        assert!(found.contains("workers-1940s"), "{name}: {found:?}");
        assert!(
            found.contains("sakhalin"),
            "{name} finds the name itself: {found:?}"
        );
        assert_eq!(found, english, "{name} finds what `sakhalin` finds");
    }
    // A Hangul syllable written as its decomposed letters is the same name after NFKC.
    let decomposed = "\u{1109}\u{1161}\u{1112}\u{1161}\u{11AF}\u{1105}\u{1175}\u{11AB}";
    assert!(
        ids(&["search", decomposed, "--fields", "id"]).contains(&String::from("workers-1940s"))
    );
}

#[test]
fn a_group_is_found_by_its_korean_or_russian_name_or_in_full_width_letters() {
    for name in ["탈북자", "беженцы из КНДР", "ＲＥＦＵＧＥＥＳ"] {
        let group = ids(&["group", name]);
        assert_eq!(group, ["refugees"], "{name}");
    }
    assert_eq!(ids(&["group", "북한군"]), ["military"]);
    let koryo = ids(&["estimates", "--group", "Goryeosaram", "--fields", "id"]);
    assert_eq!(
        koryo,
        ids(&["estimates", "--group", "koryo-saram", "--fields", "id"])
    );
    assert!(!koryo.is_empty());
}

#[test]
fn a_group_is_found_by_the_short_word_people_type() {
    for (word, group) in [
        ("노동자", "workers"),
        ("유학생", "students"),
        ("군인", "military"),
        ("рабочие", "workers"),
        ("рабочих", "workers"),
        ("студенты", "students"),
        ("солдаты", "military"),
        ("беженцы", "refugees"),
        ("guest", "workers"),
    ] {
        assert_eq!(ids(&["group", word]), [group], "{word}");
    }
}

#[test]
fn a_word_of_several_groups_names_them_all_and_a_word_of_the_title_finds_none() {
    let (code, stdout, stderr) = run(&["group", "КНДР"]);
    assert_eq!((code, stdout.as_str()), (1, ""));
    for group in ["students", "refugees", "military"] {
        assert!(stderr.contains(&format!("`{group}`")), "{stderr}");
    }
    assert!(stderr.contains("fits several groups"), "{stderr}");
    let (code, _, stderr) = run(&["group", "Koreans"]);
    assert_eq!(code, 1);
    assert!(stderr.contains("no group is called"), "{stderr}");
}

#[test]
fn region_and_author_filters_take_korean_and_russian_names() {
    let english = ids(&["estimates", "--region", "kursk region", "--fields", "id"]);
    assert!(!english.is_empty());
    for name in ["쿠르스크주", "Курская область"] {
        assert_eq!(
            ids(&["estimates", "--region", name, "--fields", "id"]),
            english,
            "{name}"
        );
    }
    let nis = ids(&[
        "estimates",
        "--attributed-to",
        "national intelligence service",
        "--fields",
        "id",
    ]);
    assert!(!nis.is_empty());
    assert_eq!(
        ids(&["estimates", "--attributed-to", "국정원", "--fields", "id"]),
        nis
    );
}

#[test]
fn lang_shows_names_in_korean_or_russian_and_says_once_what_stays_english() {
    let (code, stdout, stderr) = run(&["groups", "--lang", "ko", "--fields", "id,name"]);
    assert_eq!(code, 0);
    assert!(stdout.contains("refugees\t탈북자\n"), "{stdout}");
    assert_eq!(stderr, "", "every group has a Korean name");
    let (code, stdout, stderr) = run(&[
        "estimates",
        "--group",
        "koryo-saram",
        "--lang",
        "ru",
        "--fields",
        "id,region",
    ]);
    assert_eq!(code, 0);
    assert!(
        stdout.contains("koryo-saram-2010-census\tRussia\n"),
        "{stdout}"
    );
    assert!(
        stdout.contains("koryo-saram-sakhalin-2003\tСахалинская область\n"),
        "{stdout}"
    );
    // One note, naming only the regions shown that have no Russian name.
    assert_eq!(
        stderr,
        "nkru: note: no Russian name in the dataset for Russia (RSFSR), Russia; shown in English\n"
    );
    // The English names still find the group when names are shown in Korean.
    let (code, stdout, _) = run(&[
        "group",
        "guest workers",
        "--lang",
        "ko",
        "--fields",
        "id,name",
    ]);
    assert_eq!(
        (code, stdout.as_str()),
        (0, "id\tname\nworkers\t북한 노동자\n")
    );
    // Without --lang nothing changes.
    assert!(
        stdout_of(&["groups", "--fields", "id,name"])
            .contains("refugees\tDefectors and refugees\n")
    );
}

#[test]
fn tables_stay_aligned_with_korean_names() {
    let table = stdout_of(&[
        "groups",
        "--lang",
        "ko",
        "--format",
        "table",
        "--fields",
        "id,name,aliases",
        "--width",
        "70",
    ]);
    // Each column starts at the same display column on every line: the two columns before it
    // are blank on every line that reaches it.
    let lines: Vec<&str> = table.lines().collect();
    let header = lines[0];
    let starts: Vec<usize> = ["name", "aliases"]
        .iter()
        .map(|name| {
            let byte = header.find(name).expect("a header");
            unicode_width::UnicodeWidthStr::width(&header[..byte])
        })
        .collect();
    for line in lines.iter().skip(2) {
        let mut column = 0;
        let mut cells: Vec<(usize, char)> = Vec::new();
        for character in line.chars() {
            cells.push((column, character));
            column += unicode_width::UnicodeWidthChar::width(character).unwrap_or(0);
        }
        for start in &starts {
            let before: Vec<char> = cells
                .iter()
                .filter(|(at, _)| (start - 2..*start).contains(at))
                .map(|(_, character)| *character)
                .collect();
            assert!(
                before.iter().all(|character| *character == ' '),
                "a column does not start at display column {start}:\n{table}"
            );
        }
    }
    assert!(table.contains("탈북자"));
}

#[test]
fn trend_notes_only_the_regions_of_the_figures_it_shows() {
    let (code, _, stderr) = run(&["trend", "workers", "--lang", "ko", "--format", "tsv"]);
    assert_eq!(code, 0);
    assert_eq!(stderr.lines().count(), 1, "one note: {stderr}");
    // Kursk is where the soldiers' figures are, never the workers'.
    assert!(!stderr.contains("Kursk"), "{stderr}");
    let (code, _, stderr) = run(&["trend", "military", "--lang", "ko", "--format", "tsv"]);
    assert_eq!(code, 0);
    assert!(!stderr.contains("Kamchatka"), "{stderr}");
}
