//! `nkru summary`: the overall picture. For people, the current picture in two sentences, then
//! one line per group and kind of count with its headline figures (the rules of
//! `query::headline`), plans and related populations with `--long`; in every other format one
//! row per line of the summary (`nkru about` and `nkru related` give the rest to scripts).

use super::{Run, Streams};
use super::input::{names as shown_names, with_dataset};
use crate::cli::Config;
use crate::cli::values;
use crate::cli::args::Years;
use crate::dataset::Dataset;
use crate::error::Result;
use crate::output::{self, Rule, View};
use crate::query::{self, Localize, Names, Summary};
use crate::rows::{self, Lazy};

/// The overall picture: all North Koreans now, and each group's headline figures.
///
/// One line for each group and kind of count, its headline figures chosen by the rules in
/// the README; every line, every field and the related populations with --long.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  nkru summary\n  nkru summary --group workers,refugees\n  nkru summary --group total --long\n  nkru summary --to 2018\n  nkru summary --group refugees --format json"
)]
pub struct Arguments {
    /// Only these groups (repeatable, or comma-separated); `total` is all North Koreans.
    #[arg(long = "group", value_name = "NAME", value_delimiter = ',', value_parser = values::name)]
    pub groups: Vec<String>,

    /// The years of the records shown.
    #[command(flatten)]
    pub years: Years,
}

impl Run for Arguments {
    fn fields() -> Option<Vec<&'static str>> {
        Some(rows::names(Summary::FIELDS))
    }

    fn check(&self, _config: &Config) -> Result<()> {
        self.years.check()
    }

    fn run(&self, config: &Config, streams: &mut Streams<'_>) -> Result<()> {
        run(config, streams, &self.groups, self.years.bounds())
    }
}

/// Summarises the whole population and each group, or only the lines named, from the figures
/// within `bounds` (`--year`, `--from`, `--to`).
pub fn run(
    config: &Config,
    streams: &mut Streams<'_>,
    names: &[String],
    bounds: (Option<i32>, Option<i32>),
) -> Result<()> {
    with_dataset(config, streams, |mut dataset, streams| {
        let (from, to) = bounds;
        dataset
            .estimates
            .retain(|estimate| estimate.period.within(from, to));
        let what = Localize {
            groups: true,
            regions: false,
        };
        let shown = shown_names(config, streams, &dataset, what, [])?;
        summarize(config, streams, &dataset, names, &shown)
    })
}

/// Summarises the lines named (all when none is) of the dataset, with the names `shown`.
fn summarize(
    config: &Config,
    streams: &mut Streams<'_>,
    dataset: &Dataset<'_>,
    names: &[String],
    shown: &Names<'_>,
) -> Result<()> {
    let groups = query::resolve_summary_groups(dataset, names, shown)?;
    let settings = &config.output;
    let long = settings.long;
    let table = settings.view(Rule::Table) == View::People;
    // The table shows the reader's columns, and `--long` every field; the machine formats
    // write every documented default field.
    let selection = output::choose(Summary::FIELDS, settings)?.showing(shown);
    let columns = selection.columns();
    let mut lines = query::summarize(dataset, &groups, shown);
    if table && !long {
        lines.retain(Summary::is_count);
    }
    if !table {
        // Each line's values are read as they are written, so no row is made.
        let selection = &selection;
        let records = lines.iter().map(|item| Lazy { selection, item });
        return output::records(streams.stdout, settings, &columns, records);
    }
    let everything = groups.is_empty();
    if everything {
        output::group::headline(streams.stdout, settings, dataset)?;
        writeln!(streams.stdout)?;
    }
    // Each row is made as the table takes it: past the rows a table holds, it is written as a
    // record and let go.
    let rows = lines.iter().map(|line| selection.row(line));
    output::rows(streams.stdout, settings, &columns, rows)?;
    let marked = lines.iter().any(|line| {
        line.headline
            .as_ref()
            .is_some_and(query::headline::Figures::by_a_party)
    });
    let mut notes: Vec<String> = Vec::new();
    if marked {
        notes.push(String::from("* by a party to the conflict."));
    }
    if !long {
        notes.push(String::from(
            "Rules: README. Plans and every field: --long; each figure: nkru estimates; \
             over time: nkru trend GROUP.",
        ));
    }
    if !notes.is_empty() {
        let line = output::human::wrap(&notes.join(" "), settings.width.map(usize::from), "");
        writeln!(streams.stdout, "{line}")?;
    }
    if everything && long {
        output::group::related(streams.stdout, settings, dataset, shown)?;
    }
    Ok(())
}
