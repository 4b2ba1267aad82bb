//! `xuncha training`: the training ledger (docs/training.md).

use std::io::Write;
use std::path::PathBuf;

use anyhow::anyhow;
use chrono::NaiveDate;
use clap::{Args, Subcommand};

use super::{emit, load, parse_date, Failure, FormatArg};
use crate::report;
use crate::scenario::raw::RawRecord;
use crate::scenario::Scenario;
use crate::training::append::{self, Appended, Candidate, Options};
use crate::training::ledger::{self, FieldSpans, PeopleIndex};
use crate::training::{self as tr, fmt_hours};

#[derive(Debug, Subcommand)]
pub enum TrainingCommand {
    /// Hours in the requirement window per pool member, totals, who falls short next.
    #[command(
        after_help = "Examples:\n  xuncha training report scenarios/qingshan.yaml\n  xuncha training report scenarios/qingshan.yaml --as-of 2027-03-01 --format json\n  xuncha training report scenarios/qingshan.yaml --year 2026"
    )]
    Report(TrainingReportArgs),
    /// Add one record to the scenario's CSV ledger (the scenario file is never rewritten).
    #[command(
        after_help = "Example:\n  xuncha training add scenarios/qingshan.yaml --person P0001 --course 2026年度巡察业务专训 --date 2026-04-13 --hours 40 --kind annual"
    )]
    Add(TrainingAddArgs),
    /// Add every row of a CSV file (UTF-8 or GBK; Chinese or English headers) to the ledger.
    #[command(
        after_help = "Example:\n  xuncha training import scenarios/qingshan.yaml 2026年培训台账.csv\n\nEvery bad row is reported with its line; nothing is written unless all rows are good."
    )]
    Import(TrainingImportArgs),
}

#[derive(Debug, Args)]
pub struct TrainingReportArgs {
    /// The scenario file (YAML, FORMAT.md v1); its ledgers are read beside it.
    pub scenario: PathBuf,
    /// End of the window, exclusive (default: the round's start).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub as_of: Option<String>,
    /// Totals over the records of this calendar year instead of the window.
    #[arg(long, value_name = "YYYY")]
    pub year: Option<i32>,
    #[arg(long, value_enum, default_value = "table")]
    pub format: FormatArg,
}

/// Flags shared by `add` and `import`.
#[derive(Debug, Args)]
pub struct WriteArgs {
    /// Allow dates after today: a course still to come.
    #[arg(long)]
    pub planned: bool,
    /// The CSV ledger of `training.files` to append to (default: the first).
    #[arg(long, value_name = "FILE")]
    pub ledger: Option<String>,
    /// Check everything, write nothing.
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Args)]
pub struct TrainingAddArgs {
    /// The scenario file (YAML, FORMAT.md v1); its ledgers are read beside it.
    pub scenario: PathBuf,
    /// Person id, or a name borne by exactly one person.
    #[arg(long)]
    pub person: String,
    #[arg(long)]
    pub course: String,
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: String,
    #[arg(long)]
    pub hours: f64,
    /// annual | pre_round | practice | online | other (or a Chinese label: 全脱产专训, 轮前培训, 实战历练 …).
    #[arg(long)]
    pub kind: Option<String>,
    /// Appraisal text (合格, 优秀 …); 不合格 / 未通过 / failed: the record counts for nothing.
    #[arg(long)]
    pub result: Option<String>,
    #[command(flatten)]
    pub write: WriteArgs,
}

#[derive(Debug, Args)]
pub struct TrainingImportArgs {
    /// The scenario file (YAML, FORMAT.md v1); its ledgers are read beside it.
    pub scenario: PathBuf,
    /// A CSV file saved from Excel: UTF-8 (with or without BOM) or GBK.
    pub file: PathBuf,
    #[command(flatten)]
    pub write: WriteArgs,
}

pub fn run(
    cmd: &TrainingCommand,
    w: &crate::report::i18n::Words,
    out: &mut dyn Write,
) -> Result<u8, Failure> {
    match cmd {
        TrainingCommand::Report(a) => report_cmd(a, w, out),
        TrainingCommand::Add(a) => add_cmd(a, out),
        TrainingCommand::Import(a) => import_cmd(a, out),
    }
}

fn report_cmd(
    a: &TrainingReportArgs,
    w: &crate::report::i18n::Words,
    out: &mut dyn Write,
) -> Result<u8, Failure> {
    if let Some(y) = a.year {
        if !(1900..=9999).contains(&y) {
            return Err(Failure::usage(anyhow!(
                "--year {y} is out of range (a year such as 2026)"
            )));
        }
    }
    let s = load(&a.scenario)?;
    super::round::note_committed(w, &s, &a.scenario);
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
    let r = report::training::Report::build(&s, &a.scenario.display().to_string(), as_of, a.year);
    let text = match a.format {
        FormatArg::Json => report::training::json(&r),
        FormatArg::Csv => report::training::csv(&r),
        FormatArg::Table => report::training::table(&r),
    };
    emit(out, &text)
}

fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

fn options(w: &WriteArgs, source: String) -> Options {
    Options {
        today: today(),
        planned: w.planned,
        ledger: w.ledger.clone(),
        dry_run: w.dry_run,
        source,
    }
}

fn add_cmd(a: &TrainingAddArgs, out: &mut dyn Write) -> Result<u8, Failure> {
    let date = parse_date("--date", &a.date)?;
    let kind = match &a.kind {
        None => None,
        Some(k) => Some(tr::kind_from_label(k).ok_or_else(|| {
            Failure::usage(anyhow!(
                "--kind {k:?} is not a kind of training (annual, pre_round, practice, online or other)"
            ))
        })?),
    };
    if a.course.trim().is_empty() {
        return Err(Failure::usage(anyhow!(
            "--course is empty: name the course"
        )));
    }
    let source = "training add".to_string();
    let rejected = |p: crate::Problem| {
        Failure::input(anyhow!(append::AppendError::Rejected {
            file: source.clone(),
            problems: vec![p],
        }))
    };
    let prepared = append::prepare(&a.scenario, a.write.ledger.as_deref())
        .map_err(|e| Failure::input(anyhow!(e)))?;
    let person = append::resolve_person(&prepared.scenario, &a.person).map_err(rejected)?;
    let record = RawRecord {
        person,
        course: a.course.trim().to_string(),
        date,
        hours: a.hours,
        kind,
        result: a
            .result
            .as_deref()
            .map(str::trim)
            .filter(|r| !r.is_empty())
            .map(str::to_string),
        passed: None,
    };
    let opts = options(&a.write, source.clone());
    let done = append::append(
        &a.scenario,
        prepared,
        &[Candidate {
            record,
            spans: FieldSpans::default(),
        }],
        &opts,
    )
    .map_err(|e| Failure::input(anyhow!(e)))?;
    let s = &done.scenario;
    let mut text = String::new();
    let verb = if a.write.dry_run {
        "would add (dry run, nothing written) to"
    } else {
        "added to"
    };
    let created = if done.created { " (new file)" } else { "" };
    let Some(rec) = done.records.first().map(|&i| &s.training.records[i]) else {
        return Err(Failure::input(anyhow!("the new record did not read back")));
    };
    text.push_str(&format!(
        "{verb} {}:{}{created}: {} {}, {}, {}, {} h{}\n",
        done.ledger.display(),
        done.lines.first().copied().unwrap_or(0),
        s.person(rec.person).id,
        s.person_name(rec.person),
        rec.course,
        rec.date,
        fmt_hours(rec.hours),
        rec.kind
            .map(|k| format!(", {}", tr::kind_str(k)))
            .unwrap_or_default()
    ));
    text.push_str(&standing_line(s, rec.person));
    emit(out, &text)
}

/// `P01 张伟 on 2027-03-01 (start of 2027-R1): trained: 48 of 40 h`.
fn standing_line(s: &Scenario, p: crate::PersonIx) -> String {
    let (as_of, when) = match &s.round {
        Some(r) => (r.start, format!("start of {}", r.id)),
        None => (today(), "today".to_string()),
    };
    match tr::standing(s, p, as_of) {
        Some(st) => format!(
            "{} {} on {as_of} ({when}): {}\n",
            s.person(p).id,
            s.person_name(p),
            st.describe()
        ),
        None => String::new(),
    }
}

fn import_cmd(a: &TrainingImportArgs, out: &mut dyn Write) -> Result<u8, Failure> {
    let label = a.file.display().to_string();
    let bytes = std::fs::read(&a.file)
        .map_err(|e| Failure::input(anyhow!("{label}: cannot read the file: {e}")))?;
    let rejected = |problems: Vec<crate::Problem>| {
        Failure::input(anyhow!(append::AppendError::Rejected {
            file: label.clone(),
            problems,
        }))
    };
    let (text, encoding) = ledger::decode(&bytes).map_err(|p| rejected(vec![p]))?;
    let csv = ledger::parse_csv(&text).map_err(|p| rejected(vec![p]))?;
    let header = ledger::check_header(&csv);
    if !header.is_empty() {
        return Err(rejected(header));
    }
    // Names are resolved against the scenario as it stands.
    let prepared = append::prepare(&a.scenario, a.write.ledger.as_deref())
        .map_err(|e| Failure::input(anyhow!(e)))?;
    let s = &prepared.scenario;
    let people = PeopleIndex::new(s.people.iter().map(|p| (p.id.as_str(), p.name.as_str())));
    let (rows, mut problems) = ledger::records(&csv, &people);
    let candidates: Vec<Candidate> = rows
        .into_iter()
        .map(|r| Candidate {
            record: r.record,
            spans: r.spans,
        })
        .collect();
    let opts = options(&a.write, label.clone());
    problems.extend(append::check(
        s,
        &candidates,
        &opts,
        &a.scenario.display().to_string(),
    ));
    if !problems.is_empty() {
        problems.sort_by_key(|p| p.span.map(|s| (s.line, s.column)));
        return Err(rejected(problems));
    }
    if candidates.is_empty() {
        return emit(
            out,
            &format!("{label} holds no records; nothing was written\n"),
        );
    }
    let done: Appended = append::append(&a.scenario, prepared, &candidates, &opts)
        .map_err(|e| Failure::input(anyhow!(e)))?;
    let verb = if a.write.dry_run {
        "would import (dry run, nothing written)"
    } else {
        "imported"
    };
    let lines = match (done.lines.first(), done.lines.last()) {
        (Some(a), Some(b)) if a != b => format!("lines {a}–{b}"),
        (Some(a), _) => format!("line {a}"),
        _ => String::new(),
    };
    let created = if done.created { ", a new file" } else { "" };
    emit(
        out,
        &format!(
            "{verb} {} records from {label} ({}) into {} ({lines}{created})\n",
            candidates.len(),
            encoding.as_str(),
            done.ledger.display()
        ),
    )
}
