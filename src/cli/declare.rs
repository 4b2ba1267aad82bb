//! `xuncha declare`: record a conflict a person reported (本人申报).

use std::io::Write;
use std::path::PathBuf;

use clap::Args;

use super::edit::{date_or_today, run_edit};
use super::Failure;
use crate::lifecycle::edits::Change;
use crate::report::i18n::Words;

#[derive(Debug, Args)]
pub struct DeclareArgs {
    /// The scenario file.
    pub scenario: PathBuf,
    /// The person who declared the conflict.
    pub person: String,
    /// The unit (a township or department, not a village).
    pub unit: String,
    /// What they declared (kept in `recusal.declared`).
    #[arg(long)]
    pub reason: String,
    /// The date of the declaration (default: today).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = super::args::date)]
    pub date: Option<chrono::NaiveDate>,
}

pub fn run(a: &DeclareArgs, w: &Words, out: &mut dyn Write) -> Result<u8, Failure> {
    let change = Change::Declare {
        person: a.person.clone(),
        unit: a.unit.clone(),
        reason: a.reason.clone(),
        date: date_or_today(a.date),
    };
    run_edit(w, &a.scenario, &[change], out)
}
