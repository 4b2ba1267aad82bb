//! `xuncha conflicts`: every recusal conflict with its evidence.

use std::io::Write;
use std::path::PathBuf;

use chrono::NaiveDate;
use clap::Args;

use super::{args, emit, load, people_arg, units_arg, CliError, Failure, FormatArg};
use crate::recusal::{Recusal, Scope};
use crate::report;
use crate::report::i18n::Words;
use crate::t;

#[derive(Debug, Args)]
pub struct ConflictsArgs {
    pub scenario: PathBuf,
    #[arg(long = "person", value_name = "IDS")]
    pub people: Vec<String>,
    #[arg(long = "unit", value_name = "IDS")]
    pub units: Vec<String>,
    #[arg(long)]
    pub all_units: bool,
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = args::date)]
    pub as_of: Option<NaiveDate>,
    #[arg(long, value_enum, default_value = "table")]
    pub format: FormatArg,
}

pub fn run(a: &ConflictsArgs, w: &Words, out: &mut dyn Write) -> Result<u8, Failure> {
    let ids = |flag: &'static str, given: &[String]| {
        args::id_list(given).map_err(|error| Failure::bad_usage(w, CliError::Value { flag, error }))
    };
    let people = ids("--person", &a.people)?;
    let units = ids("--unit", &a.units)?;
    let s = load(&a.scenario)?;
    super::round::note_committed(w, &s, &a.scenario);
    let as_of = match a.as_of {
        Some(d) => d,
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
    if !people.is_empty() {
        scope.people = people_arg(w, &s, &a.scenario, "--person", &people)?;
    }
    if !units.is_empty() {
        scope.units = units_arg(w, &s, &a.scenario, "--unit", &units)?;
    }
    let recusal = Recusal::compute(&s, &scope, as_of);
    let text = match a.format {
        FormatArg::Json => report::conflicts::json(&s, recusal.conflicts(), as_of),
        FormatArg::Csv => report::conflicts::csv(w, &s, recusal.conflicts()),
        FormatArg::Xlsx => {
            return super::emit_xlsx(out, &[report::conflicts::sheet(w, &s, recusal.conflicts())])
        }
        FormatArg::Table => {
            let mut t = t!(
                w,
                "conflicts-heading",
                date = as_of.to_string(),
                people = scope.people.len(),
                units = scope.units.len()
            );
            t.push_str("\n\n");
            t.push_str(&report::conflicts::table(
                w,
                &s,
                recusal.conflicts(),
                &scope.units,
            ));
            t.push_str(&report::conflicts::waived_table(w, &s, recusal.waived()));
            t
        }
    };
    emit(out, &text)
}
