//! `xuncha pool remove|add`: a person leaves (出库) or joins (入库) the pool.

use std::io::Write;
use std::path::PathBuf;

use clap::{Args, Subcommand};

use super::edit::{date_or_today, run_edit};
use super::Failure;
use crate::lifecycle::edits::Change;
use crate::report::i18n::Words;

#[derive(Debug, Subcommand)]
pub enum PoolCommand {
    /// 出库: set `pool: false`, recording the date and reason.
    #[command(
        after_help = "Example:\n  xuncha pool remove scenarios/qingshan.yaml P0014 --reason 调离县纪委"
    )]
    Remove(PoolArgs),
    /// 入库: set `pool: true`, recording the date and reason.
    #[command(
        after_help = "Example:\n  xuncha pool add scenarios/qingshan.yaml P0130 --reason 新选调"
    )]
    Add(PoolArgs),
}

#[derive(Debug, Args)]
pub struct PoolArgs {
    /// The scenario file.
    pub scenario: PathBuf,
    /// The person's id.
    pub person: String,
    /// Why, kept in the file (e.g. 调离, 退休, 新选调).
    #[arg(long)]
    pub reason: Option<String>,
    /// The date of the change (default: today).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = super::args::date)]
    pub date: Option<chrono::NaiveDate>,
}

pub fn run(c: &PoolCommand, w: &Words, out: &mut dyn Write) -> Result<u8, Failure> {
    let (a, remove) = match c {
        PoolCommand::Remove(a) => (a, true),
        PoolCommand::Add(a) => (a, false),
    };
    let date = date_or_today(a.date);
    let change = if remove {
        Change::PoolRemove {
            person: a.person.clone(),
            date,
            reason: a.reason.clone(),
        }
    } else {
        Change::PoolAdd {
            person: a.person.clone(),
            date,
            reason: a.reason.clone(),
        }
    };
    run_edit(w, &a.scenario, &[change], out)
}
