//! `nkru summary`: the overall picture; a headline, a table and the related populations for
//! people, one row per line of the summary in every other format (`nkru about` and `nkru
//! related` give the rest to scripts).

use super::{Streams, choose, load_localized, read};
use crate::cli::Config;
use crate::error::Result;
use crate::output::{self, Format};
use crate::query::{self, Localize, Summary};
use crate::rows::Row;

/// Summarises the whole population and each group, or only the groups named.
pub fn run(config: &Config, streams: &mut Streams<'_>, names: &[String]) -> Result<()> {
    let text = read(config, streams)?;
    let parsed = load_localized(
        &text,
        config,
        streams,
        Localize {
            groups: true,
            regions: false,
        },
    )?;
    let dataset = &parsed.dataset;
    let groups = query::resolve_groups(dataset, names)?;
    let selection = choose(Summary::FIELDS, &config.output)?;
    let columns = selection.columns();
    let lines = query::summarize(dataset, &groups);
    let rows: Vec<Row<'_>> = lines.iter().map(|line| selection.row(line)).collect();
    let settings = &config.output;
    match settings.format {
        Format::Table => {
            if groups.is_empty() {
                output::group::headline(streams.stdout, settings, dataset)?;
                writeln!(streams.stdout)?;
            }
            output::table::table(streams.stdout, settings, &columns, &rows)?;
            if groups.is_empty() {
                output::group::related(streams.stdout, settings, dataset)?;
            }
            Ok(())
        }
        _ => output::rows(streams.stdout, settings, &columns, rows),
    }
}
