//! `xuncha leave`: a person is unavailable for a time (leave, illness, training).

use std::io::Write;
use std::path::PathBuf;

use clap::Args;

use super::edit::run_edit;
use super::Failure;
use crate::lifecycle::edits::Change;
use crate::report::i18n::Words;

#[derive(Debug, Args)]
pub struct LeaveArgs {
    /// The scenario file.
    pub scenario: PathBuf,
    /// The person.
    pub person: String,
    /// First day unavailable.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = super::args::date)]
    pub from: chrono::NaiveDate,
    /// Last day unavailable (inclusive).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = super::args::date)]
    pub to: chrono::NaiveDate,
    /// Why (e.g. 病假, 产假), kept in the file.
    #[arg(long)]
    pub reason: Option<String>,
}

pub fn run(a: &LeaveArgs, w: &Words, out: &mut dyn Write) -> Result<u8, Failure> {
    let change = Change::Leave {
        person: a.person.clone(),
        from: a.from,
        to: a.to,
        reason: a.reason.clone(),
    };
    run_edit(w, &a.scenario, &[change], out)
}
