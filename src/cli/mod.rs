//! The command line: parse → validate settings → run → exit status.
//!
//! Exit status: 0 success, 1 bad input or I/O, 2 bad usage, 3 infeasible.

mod args;

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{anyhow, Context};
use chrono::NaiveDate;
use clap::Parser;

pub use args::*;

use crate::eligibility::Eligibility;
use crate::error::known_list;
use crate::recusal::{Recusal, Scope};
use crate::report;
use crate::scenario::{self, Scenario};

/// Exit statuses.
pub const EXIT_OK: u8 = 0;
pub const EXIT_INPUT: u8 = 1;
pub const EXIT_USAGE: u8 = 2;
pub const EXIT_INFEASIBLE: u8 = 3;

/// A failure with the exit status it maps to.
#[derive(Debug)]
pub struct Failure {
    pub status: u8,
    pub error: anyhow::Error,
}

impl Failure {
    fn usage(error: anyhow::Error) -> Self {
        Failure { status: EXIT_USAGE, error }
    }
    fn input(error: anyhow::Error) -> Self {
        Failure { status: EXIT_INPUT, error }
    }
}

impl From<anyhow::Error> for Failure {
    fn from(error: anyhow::Error) -> Self {
        Failure::input(error)
    }
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match run(cli, &mut out) {
        Ok(status) => ExitCode::from(status),
        Err(f) => {
            let _ = out.flush();
            eprintln!("error: {:#}", f.error);
            ExitCode::from(f.status)
        }
    }
}

/// Run a parsed command, writing its report to `out`.
pub fn run(cli: Cli, out: &mut dyn Write) -> Result<u8, Failure> {
    match cli.command {
        Command::Check(a) => check(&a, out),
        Command::Conflicts(a) => conflicts(&a, out),
        Command::Training(TrainingCommand::Report(a)) => training_report(&a, out),
        Command::Plan(a) => plan(&a, out),
        Command::Generate(a) => generate(&a, out),
    }
}

fn load(path: &Path) -> Result<Scenario, Failure> {
    scenario::load(path).map_err(|e| Failure::input(anyhow!(e)))
}

fn emit(out: &mut dyn Write, text: &str) -> Result<u8, Failure> {
    out.write_all(text.as_bytes())
        .context("cannot write the report to standard output")?;
    Ok(EXIT_OK)
}

fn parse_date(flag: &str, value: &str) -> Result<NaiveDate, Failure> {
    NaiveDate::parse_from_str(value, "%Y-%m-%d").map_err(|_| {
        Failure::usage(anyhow!(
            "{flag} {value:?} is not a date (write it YYYY-MM-DD, e.g. 2027-03-01)"
        ))
    })
}

fn check(a: &CheckArgs, out: &mut dyn Write) -> Result<u8, Failure> {
    let s = load(&a.scenario)?;
    let as_of = s
        .round
        .as_ref()
        .map(|r| r.start)
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    let recusal = Recusal::compute(&s, &Scope::default_for(&s), as_of);
    let eligibility = s
        .round
        .as_ref()
        .map(|r| Eligibility::for_dates(&s, r.dates()));
    emit(out, &report::check::render(&s, &recusal, eligibility.as_ref()))
}

fn conflicts(a: &ConflictsArgs, out: &mut dyn Write) -> Result<u8, Failure> {
    let s = load(&a.scenario)?;
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
        scope.people = a
            .people
            .iter()
            .map(|id| {
                s.person_ix(id).ok_or_else(|| {
                    Failure::usage(anyhow!(
                        "--person {id}: no such person in {} ({})",
                        a.scenario.display(),
                        known_list(s.people.iter().map(|p| p.id.as_str()))
                    ))
                })
            })
            .collect::<Result<_, _>>()?;
    }
    if !a.units.is_empty() {
        scope.units = a
            .units
            .iter()
            .map(|id| {
                s.unit_ix(id).ok_or_else(|| {
                    Failure::usage(anyhow!(
                        "--unit {id}: no such unit in {} ({})",
                        a.scenario.display(),
                        known_list(s.units.iter().map(|u| u.id.as_str()))
                    ))
                })
            })
            .collect::<Result<_, _>>()?;
    }
    let recusal = Recusal::compute(&s, &scope, as_of);
    let text = match a.format {
        FormatArg::Json => report::conflicts::json(&s, recusal.conflicts(), as_of),
        FormatArg::Csv => report::conflicts::csv(&s, recusal.conflicts()),
        FormatArg::Table => {
            let mut t = format!(
                "conflicts as of {as_of}: {} people against {} units\n\n",
                scope.people.len(),
                scope.units.len()
            );
            t.push_str(&report::conflicts::table(&s, recusal.conflicts(), &scope.units));
            t
        }
    };
    emit(out, &text)
}

fn training_report(a: &TrainingReportArgs, out: &mut dyn Write) -> Result<u8, Failure> {
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

fn plan(a: &PlanArgs, out: &mut dyn Write) -> Result<u8, Failure> {
    if !(a.time_limit.is_finite() && a.time_limit > 0.0) {
        return Err(Failure::usage(anyhow!(
            "--time-limit {} must be a positive number of seconds",
            a.time_limit
        )));
    }
    let s = load(&a.scenario)?;
    let Some(round) = &s.round else {
        return Err(Failure::input(anyhow!(
            "{}: the scenario has no `round` to plan (add a `round:` section; see FORMAT.md)",
            a.scenario.display()
        )));
    };
    let opts = crate::solver::PlanOptions {
        time_limit: std::time::Duration::from_secs_f64(a.time_limit),
    };
    let plan = crate::solver::plan(&s, round, &opts).map_err(|e| Failure::input(anyhow!(e)))?;
    let text = match a.format {
        FormatArg::Json => report::plan::json(&s, &plan),
        FormatArg::Csv => report::plan::csv(&s, &plan),
        FormatArg::Table => report::plan::table(&s, &plan, true),
    };
    emit(out, &text)?;
    Ok(if plan.status == crate::solver::Status::Infeasible {
        EXIT_INFEASIBLE
    } else {
        EXIT_OK
    })
}

fn generate(a: &GenerateArgs, out: &mut dyn Write) -> Result<u8, Failure> {
    use crate::generate::{generate, to_yaml_seeded, CountySpec};
    let mut spec = match a.preset {
        Preset::Small => CountySpec::small(),
        Preset::County => CountySpec::county(),
        Preset::City => CountySpec::city(),
        Preset::RecusalBench => CountySpec::recusal_bench(),
    };
    spec.seed = a.seed;
    let yaml = to_yaml_seeded(&generate(&spec), a.seed);
    match &a.output {
        Some(path) => {
            crate::fsio::write_atomic(path, yaml.as_bytes())
                .with_context(|| format!("cannot write {}", path.display()))?;
            Ok(EXIT_OK)
        }
        None => emit(out, &yaml),
    }
}
