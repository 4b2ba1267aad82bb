//! `xuncha waive`: record that a conflict was reviewed and dismissed.

use std::io::Write;
use std::path::PathBuf;

use clap::Args;

use super::edit::{date_or_today, run_edit};
use super::Failure;
use crate::lifecycle::edits::Change;
use crate::report::i18n::Words;

#[derive(Debug, Args)]
pub struct WaiveArgs {
    /// The scenario file.
    pub scenario: PathBuf,
    /// The person whose conflict is waived.
    pub person: String,
    /// The unit of the conflict.
    pub unit: String,
    /// Why it does not require recusal (required; kept in `recusal.waived`).
    #[arg(long)]
    pub reason: String,
    /// The date of the decision (default: today).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = super::args::date)]
    pub date: Option<chrono::NaiveDate>,
}

pub fn run(a: &WaiveArgs, w: &Words, out: &mut dyn Write) -> Result<u8, Failure> {
    let change = Change::Waive {
        person: a.person.clone(),
        unit: a.unit.clone(),
        reason: a.reason.clone(),
        date: date_or_today(a.date),
    };
    run_edit(w, &a.scenario, &[change], out)
}
