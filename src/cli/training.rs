//! `xuncha training`: the training ledger (docs/training.md).

use std::io::Write;
use std::path::PathBuf;

use anyhow::anyhow;
use chrono::NaiveDate;
use clap::{Args, Subcommand};

use super::{args, emit, load, CliError, Failure, FormatArg};
use crate::report;
use crate::report::i18n::Words;
use crate::scenario::raw::RawRecord;
use crate::training as tr;
use crate::training::append::{self, Appended, Candidate, Options};
use crate::training::ledger::{self, FieldSpans, PeopleIndex};

#[derive(Debug, Subcommand)]
pub enum TrainingCommand {
    #[command(after_help = "xuncha training report scenarios/qingshan.yaml\n\
xuncha training report scenarios/qingshan.yaml --as-of 2027-03-01 --format csv -o 培训情况.csv\n\
xuncha training report scenarios/qingshan.yaml --year 2026")]
    Report(TrainingReportArgs),
    #[command(
        after_help = "xuncha training add scenarios/qingshan.yaml --person P0001 --course 2026年度巡察业务专训 --date 2026-04-13 --hours 40 --kind annual"
    )]
    Add(TrainingAddArgs),
    #[command(after_help = "xuncha training import scenarios/qingshan.yaml 2026年培训台账.csv")]
    Import(TrainingImportArgs),
}

impl TrainingCommand {
    /// The files the command reads (so `-o` never names one of them).
    pub fn inputs(&self) -> Vec<PathBuf> {
        match self {
            TrainingCommand::Report(a) => vec![a.scenario.clone()],
            TrainingCommand::Add(a) => vec![a.scenario.clone()],
            TrainingCommand::Import(a) => vec![a.scenario.clone(), a.file.clone()],
        }
    }
}

#[derive(Debug, Args)]
pub struct TrainingReportArgs {
    pub scenario: PathBuf,
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = args::date)]
    pub as_of: Option<NaiveDate>,
    #[arg(long, value_name = "YYYY", value_parser = args::year)]
    pub year: Option<i32>,
    #[arg(long, value_enum, default_value = "table")]
    pub format: FormatArg,
}

/// Flags shared by `add` and `import`.
#[derive(Debug, Args)]
pub struct WriteArgs {
    #[arg(long)]
    pub planned: bool,
    #[arg(long, value_name = "FILE")]
    pub ledger: Option<String>,
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Args)]
pub struct TrainingAddArgs {
    pub scenario: PathBuf,
    #[arg(long, value_name = "PERSON")]
    pub person: String,
    #[arg(long)]
    pub course: String,
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = args::date)]
    pub date: NaiveDate,
    #[arg(long, value_name = "HOURS", value_parser = args::hours)]
    pub hours: f64,
    #[arg(long)]
    pub kind: Option<String>,
    #[arg(long)]
    pub result: Option<String>,
    #[command(flatten)]
    pub write: WriteArgs,
}

#[derive(Debug, Args)]
pub struct TrainingImportArgs {
    pub scenario: PathBuf,
    pub file: PathBuf,
    #[command(flatten)]
    pub write: WriteArgs,
}

pub fn run(cmd: &TrainingCommand, w: &Words, out: &mut dyn Write) -> Result<u8, Failure> {
    match cmd {
        TrainingCommand::Report(a) => report_cmd(a, w, out),
        TrainingCommand::Add(a) => add_cmd(a, w, out),
        TrainingCommand::Import(a) => import_cmd(a, w, out),
    }
}

fn report_cmd(a: &TrainingReportArgs, w: &Words, out: &mut dyn Write) -> Result<u8, Failure> {
    let s = load(&a.scenario)?;
    super::round::note_committed(w, &s, &a.scenario);
    let as_of = match (a.as_of, &s.round) {
        (Some(d), _) => d,
        (None, Some(r)) => r.start,
        (None, None) => {
            return Err(Failure::bad_usage(
                w,
                CliError::NoDate {
                    flag: "--as-of",
                    file: a.scenario.display().to_string(),
                },
            ))
        }
    };
    let r = report::training::Report::build(&s, &a.scenario.display().to_string(), as_of, a.year);
    let text = match a.format {
        FormatArg::Json => report::training::json(&r),
        FormatArg::Csv => report::training::csv(w, &r),
        FormatArg::Xlsx => return super::emit_xlsx(out, &[report::training::sheet(w, &r)]),
        FormatArg::Table => report::training::table(w, &r),
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

fn add_cmd(a: &TrainingAddArgs, w: &Words, out: &mut dyn Write) -> Result<u8, Failure> {
    let kind = match &a.kind {
        None => None,
        Some(k) => Some(
            tr::kind_from_label(k)
                .ok_or_else(|| Failure::bad_usage(w, CliError::UnknownKind { text: k.clone() }))?,
        ),
    };
    if a.course.trim().is_empty() {
        return Err(Failure::bad_usage(w, CliError::EmptyCourse));
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
        date: a.date,
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
    let Some(&i) = done.records.first() else {
        return Err(Failure::input(anyhow!("the new record did not read back")));
    };
    let text = report::training::added(
        w,
        s,
        i,
        &report::training::Written {
            ledger: done.ledger.display().to_string(),
            lines: done.lines.clone(),
            created: done.created,
            dry_run: a.write.dry_run,
        },
        today(),
    );
    emit(out, &text)
}

fn import_cmd(a: &TrainingImportArgs, w: &Words, out: &mut dyn Write) -> Result<u8, Failure> {
    let label = a.file.display().to_string();
    let bytes = crate::fsio::read(&a.file).map_err(|error| {
        Failure::bad_input(
            w,
            CliError::Read {
                file: label.clone(),
                error,
            },
        )
    })?;
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
        return emit(out, &report::training::nothing_imported(w, &label));
    }
    let done: Appended = append::append(&a.scenario, prepared, &candidates, &opts)
        .map_err(|e| Failure::input(anyhow!(e)))?;
    emit(
        out,
        &report::training::imported(
            w,
            candidates.len(),
            &label,
            encoding.as_str(),
            &report::training::Written {
                ledger: done.ledger.display().to_string(),
                lines: done.lines.clone(),
                created: done.created,
                dry_run: a.write.dry_run,
            },
        ),
    )
}
