//! `xuncha conflicts`: every recusal conflict with its evidence.

use std::io::Write;
use std::path::PathBuf;

use clap::Args;

use super::{emit, load, parse_date, Failure, FormatArg};
use crate::recusal::{Recusal, Scope};
use crate::report;

#[derive(Debug, Args)]
pub struct ConflictsArgs {
    pub scenario: PathBuf,
    /// Only these people (repeat or separate with commas).
    #[arg(long = "person", value_delimiter = ',')]
    pub people: Vec<String>,
    /// Only these units (repeat or separate with commas).
    #[arg(long = "unit", value_delimiter = ',')]
    pub units: Vec<String>,
    /// Check against every unit, not just the round's.
    #[arg(long)]
    pub all_units: bool,
    /// Date postings are measured against (default: the round's start, else today).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub as_of: Option<String>,
    #[arg(long, value_enum, default_value = "table")]
    pub format: FormatArg,
}

pub fn run(
    a: &ConflictsArgs,
    w: &crate::report::i18n::Words,
    out: &mut dyn Write,
) -> Result<u8, Failure> {
    let s = load(&a.scenario)?;
    super::round::note_committed(w, &s, &a.scenario);
    let as_of = match &a.as_of {
        Some(d) => parse_date("--as-of", d)?,
        None => s
            .round
            .as_ref()
            .map(|r| r.start)
            .unwrap_or_else(|| chrono::Local::now().date_naive()),
    };
    let mut scope = if a.all_units {
        Scope::all_units(&s)
    } else {
        Scope::default_for(&s)
    };
    if !a.people.is_empty() {
        let file = a.scenario.display().to_string();
        scope.people = a
            .people
            .iter()
            .map(|id| {
                crate::lifecycle::person_arg(&s, &file, "--person", id)
                    .map_err(|e| super::edit::fail(w, Some(&s), e))
            })
            .collect::<Result<_, _>>()?;
    }
    if !a.units.is_empty() {
        let file = a.scenario.display().to_string();
        scope.units = a
            .units
            .iter()
            .map(|id| {
                crate::lifecycle::unit_arg(&s, &file, "--unit", id)
                    .map_err(|e| super::edit::fail(w, Some(&s), e))
            })
            .collect::<Result<_, _>>()?;
    }
    let recusal = Recusal::compute(&s, &scope, as_of);
    let text = match a.format {
        FormatArg::Json => report::conflicts::json(&s, recusal.conflicts(), as_of),
        FormatArg::Csv => report::conflicts::csv(&s, recusal.conflicts()),
        FormatArg::Table => {
            let n = |k: usize, one: &str, many: &str| {
                format!("{k} {}", if k == 1 { one } else { many })
            };
            let mut t = format!(
                "conflicts as of {as_of}: {} against {}\n\n",
                n(scope.people.len(), "person", "people"),
                n(scope.units.len(), "unit", "units")
            );
            t.push_str(&report::conflicts::table(
                &s,
                recusal.conflicts(),
                &scope.units,
            ));
            t.push_str(&report::conflicts::waived_table(&s, recusal.waived()));
            t
        }
    };
    emit(out, &text)
}
