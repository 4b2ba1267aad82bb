//! `xuncha training`: the training ledger.

use std::io::Write;
use std::path::PathBuf;

use anyhow::anyhow;
use clap::{Args, Subcommand};

use super::{emit, load, parse_date, Failure, FormatArg};
use crate::report;

#[derive(Debug, Subcommand)]
pub enum TrainingCommand {
    /// Hours in the requirement window per pool member.
    Report(TrainingReportArgs),
}

#[derive(Debug, Args)]
pub struct TrainingReportArgs {
    pub scenario: PathBuf,
    /// End of the window, exclusive (default: the round's start).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub as_of: Option<String>,
    #[arg(long, value_enum, default_value = "table")]
    pub format: FormatArg,
}

pub fn run(cmd: &TrainingCommand, out: &mut dyn Write) -> Result<u8, Failure> {
    match cmd {
        TrainingCommand::Report(a) => report_cmd(a, out),
    }
}

fn report_cmd(a: &TrainingReportArgs, out: &mut dyn Write) -> Result<u8, Failure> {
    let s = load(&a.scenario)?;
    let as_of = match (&a.as_of, &s.round) {
        (Some(d), _) => parse_date("--as-of", d)?,
        (None, Some(r)) => r.start,
        (None, None) => {
            return Err(Failure::usage(anyhow!(
                "{} has no round to take the date from: give --as-of YYYY-MM-DD",
                a.scenario.display()
            )))
        }
    };
    let text = match a.format {
        FormatArg::Json => report::training::json(&s, as_of),
        FormatArg::Csv => report::training::csv(&s, as_of),
        FormatArg::Table => report::training::table(&s, as_of),
    };
    emit(out, &text)
}
