//! The command line: parse → validate settings → run → exit status.
//!
//! Exit status: 0 success, 1 bad input or I/O, 2 bad usage, 3 infeasible.

mod args;
mod check;
mod commit;
mod conflicts;
mod declare;
mod edit;
mod generate;
mod leave;
mod plan;
mod pool;
mod relation;
mod repair;
mod replace;
mod round;
mod simulate;
mod training;
mod waive;
mod why;

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{anyhow, Context};
use chrono::NaiveDate;
use clap::Parser;

pub use args::*;

use crate::report::i18n::Words;
use crate::scenario::{self, Scenario};
use crate::t;

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
        Failure {
            status: EXIT_USAGE,
            error,
        }
    }
    fn input(error: anyhow::Error) -> Self {
        Failure {
            status: EXIT_INPUT,
            error,
        }
    }
}

impl From<anyhow::Error> for Failure {
    fn from(error: anyhow::Error) -> Self {
        Failure::input(error)
    }
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let w = Words::new(cli.language());
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match run(cli, &w, &mut out) {
        Ok(status) => ExitCode::from(status),
        Err(f) => {
            let _ = out.flush();
            eprintln!("{}", t!(w, "error-line", error = format!("{:#}", f.error)));
            ExitCode::from(f.status)
        }
    }
}

/// Run a parsed command, writing its report to `out`.
pub fn run(cli: Cli, w: &Words, out: &mut dyn Write) -> Result<u8, Failure> {
    match cli.command {
        Command::Check(a) => check::run(&a, w, out),
        Command::Conflicts(a) => conflicts::run(&a, w, out),
        Command::Training(c) => training::run(&c, w, out),
        Command::Plan(a) => plan::run(&a, w, out),
        Command::Commit(a) => commit::run(&a, w, out),
        Command::Repair(a) => repair::run(&a, w, out),
        Command::Replace(a) => replace::run(&a, w, out),
        Command::Why(a) => why::run(&a, w, out),
        Command::Round(c) => round::run(&c, w, out),
        Command::Pool(c) => pool::run(&c, w, out),
        Command::Declare(a) => declare::run(&a, w, out),
        Command::Waive(a) => waive::run(&a, w, out),
        Command::Leave(a) => leave::run(&a, w, out),
        Command::Relation(c) => relation::run(&c, w, out),
        Command::Generate(a) => generate::run(&a, out),
        Command::Simulate(a) => simulate::run(&a, w, out),
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
