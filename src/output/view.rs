//! Where the view is chosen: whether a command writes its view for people, its picture or its
//! rows, decided here from the settings by the rule the command follows, not in each command.

use super::{Format, Settings};

/// What a command writes, as [`Settings::view`] chooses it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    /// The view for people: a table, records one field a line, a digest or a drawing in text.
    People,
    /// A standalone SVG picture (`--format svg`), which only `chart` and `timeline` draw; the
    /// others are refused it before they run.
    Picture,
    /// The rows, in the machine format chosen.
    Rows,
}

/// When a command's view for people is chosen over its rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    /// The table format, with or without `--fields`. For the views made of the command's own
    /// rows or fields (the lists, `about`, `summary`, `trend`): `--fields` picks the fields the
    /// view for people shows.
    Table,
    /// The table format without `--fields`. For the views not made of rows (`group`'s digest,
    /// `chart`, `timeline`, `sources` with ids): they cannot show the fields asked for, so
    /// `--fields` writes the rows, as a table.
    TableWithoutFields,
}

impl Settings {
    /// The view to write by `rule`: the picture in the SVG format, the view for people when
    /// the rule takes it, the rows otherwise.
    pub fn view(&self, rule: Rule) -> View {
        let people = match rule {
            Rule::Table => self.format == Format::Table,
            Rule::TableWithoutFields => self.format == Format::Table && self.fields.is_none(),
        };
        if self.format == Format::Svg {
            View::Picture
        } else if people {
            View::People
        } else {
            View::Rows
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Settings in `format`, with `--fields` when `fields`.
    fn settings(format: Format, fields: bool) -> Settings {
        Settings {
            format,
            fields: fields.then(|| vec![String::from("group")]),
            long: false,
            header: true,
            color: false,
            width: None,
            unicode: false,
            notes: false,
            terminal: false,
        }
    }

    #[test]
    fn the_table_chooses_people_by_either_rule_and_fields_only_by_one() {
        let table = settings(Format::Table, false);
        assert_eq!(table.view(Rule::Table), View::People);
        assert_eq!(table.view(Rule::TableWithoutFields), View::People);
        let fielded = settings(Format::Table, true);
        assert_eq!(fielded.view(Rule::Table), View::People);
        assert_eq!(fielded.view(Rule::TableWithoutFields), View::Rows);
    }

    #[test]
    fn each_machine_format_chooses_rows_and_svg_the_picture_by_both_rules() {
        for rule in [Rule::Table, Rule::TableWithoutFields] {
            for format in Format::ALL {
                for fields in [false, true] {
                    let expected = match format {
                        Format::Table => continue,
                        Format::Svg => View::Picture,
                        _ => View::Rows,
                    };
                    let view = settings(format, fields).view(rule);
                    assert_eq!(view, expected, "{} {rule:?} {fields}", format.name());
                }
            }
        }
    }
}
