//! `nkru about`: the dataset's own facts as one record: its title, version, the day it was
//! checked, how far its figures run, its overview and what it holds. One field a line for
//! people, since one record reads better so than as a table of one row.

use super::{Run, Streams};
use super::input::with_dataset;
use crate::cli::Config;
use crate::error::Result;
use crate::rows;
use crate::output::{self, Rule, View};
use crate::query::{self, About};

/// The dataset itself as one record: title, version, the day it was checked, how far its
/// figures run, its overview, categories, groups and related populations.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  nkru about\n  nkru about --format json\n  nkru about --fields version,as_of,figures_to --format csv"
)]
pub struct Arguments {}

impl Run for Arguments {
    fn fields() -> Option<Vec<&'static str>> {
        Some(rows::names(About::FIELDS))
    }

    fn run(&self, config: &Config, streams: &mut Streams<'_>) -> Result<()> {
        run(config, streams)
    }
}

/// Writes the one record of the dataset's own facts.
pub fn run(config: &Config, streams: &mut Streams<'_>) -> Result<()> {
    with_dataset(config, streams, |dataset, streams| {
        let about = query::about(&dataset);
        let settings = &config.output;
        if settings.view(Rule::Table) != View::People {
            return output::list(
                streams.stdout,
                streams.stderr,
                settings,
                About::FIELDS,
                [&about],
                "no dataset",
            );
        }
        let selection = output::choose(About::FIELDS, settings)?;
        let columns = selection.columns();
        let row = selection.row(&about);
        let width = settings.drawing_width();
        output::records::records(streams.stdout, settings, &columns, &[row], width)
    })
}
