//! `xuncha pool remove|add`: a person leaves (出库) or joins (入库) the pool;
//! `xuncha pool report`: the pool as of a date (docs/pool.md).

use std::io::Write;
use std::path::PathBuf;

use clap::{Args, Subcommand};

use super::edit::{date_or_today, run_edit};
use super::{args, emit, load, Failure, FormatArg};
use crate::lifecycle::edits::Change;
use crate::pool::Census;
use crate::report;
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
    /// The pool as of a date: composition, idle members, who leaves,
    /// reserve cadres, appraisals, who is out of rotation.
    #[command(
        after_help = "Example:\n  xuncha pool report scenarios/qingshan.yaml --idle 4\n  xuncha pool report scenarios/qingshan.yaml --format xlsx -o 人才库.xlsx"
    )]
    Report(PoolReportArgs),
    /// 考核评价: record a member's grade for a history round they served in.
    #[command(
        after_help = "Example:\n  xuncha pool appraise scenarios/qingshan.yaml P0014 --round 2026-R2 --grade 优秀 --note 发现问题线索3条"
    )]
    Appraise(AppraiseArgs),
}

#[derive(Debug, Args)]
pub struct AppraiseArgs {
    pub scenario: PathBuf,
    pub person: String,
    /// The history round appraised.
    #[arg(long)]
    pub round: String,
    /// 优秀 / 称职 / 基本称职 / 不称职 (or excellent, competent, basic, unfit).
    #[arg(long)]
    pub grade: String,
    /// A note kept with the appraisal.
    #[arg(long)]
    pub note: Option<String>,
}

#[derive(Debug, Args)]
pub struct PoolReportArgs {
    pub scenario: PathBuf,
    /// The date the report is made for (default: the round's start, or today).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = args::date)]
    pub as_of: Option<chrono::NaiveDate>,
    /// List members who have not served for at least this many rounds (0: none).
    #[arg(long, value_name = "N", default_value_t = 3)]
    pub idle: usize,
    #[arg(long, value_enum, default_value = "table")]
    pub format: FormatArg,
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
    match c {
        PoolCommand::Remove(a) => change_cmd(a, true, w, out),
        PoolCommand::Add(a) => change_cmd(a, false, w, out),
        PoolCommand::Report(a) => report_cmd(a, w, out),
        PoolCommand::Appraise(a) => appraise_cmd(a, w, out),
    }
}

/// 出库 (`remove`) or 入库.
fn change_cmd(a: &PoolArgs, remove: bool, w: &Words, out: &mut dyn Write) -> Result<u8, Failure> {
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

fn report_cmd(a: &PoolReportArgs, w: &Words, out: &mut dyn Write) -> Result<u8, Failure> {
    let s = load(&a.scenario)?;
    super::round::note_committed(w, &s, &a.scenario);
    let as_of = a
        .as_of
        .or(s.round.as_ref().map(|r| r.start))
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    let c = Census::build(&s, as_of, a.idle);
    let text = match a.format {
        FormatArg::Table => report::pool::table(w, &s, &c),
        FormatArg::Json => report::pool::json(&s, &c),
        FormatArg::Csv => report::pool::members(w, &s, &c).csv(),
        FormatArg::Xlsx => return super::emit_xlsx(out, &[report::pool::members(w, &s, &c)]),
    };
    emit(out, &text)
}

fn appraise_cmd(a: &AppraiseArgs, w: &Words, out: &mut dyn Write) -> Result<u8, Failure> {
    let grade = crate::vocab::grade(&a.grade).ok_or_else(|| {
        Failure::bad_usage(
            w,
            super::CliError::UnknownGrade {
                text: a.grade.clone(),
            },
        )
    })?;
    let change = Change::Appraise {
        person: a.person.clone(),
        round: a.round.clone(),
        grade,
        note: a.note.clone(),
    };
    run_edit(w, &a.scenario, &[change], out)
}
