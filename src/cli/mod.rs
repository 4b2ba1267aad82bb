//! The command line: parse → validate settings → run → exit status.
//!
//! Exit status: 0 success, 1 bad input or I/O, 2 bad usage, 3 infeasible.
//!
//! The language is known before clap reads the command line (`--lang`,
//! else `XUNCHA_LANG`, else Chinese), so help pages and usage errors speak
//! it too. Every command writes its result to `out`; with `-o FILE` the
//! result goes to FILE instead, written atomically, and only when the
//! command succeeded.

mod args;
mod check;
mod commit;
mod conflicts;
mod errors;
mod generate;
mod help;
mod plan;
mod repair;
mod replace;
mod simulate;
mod training;
mod why;

use std::ffi::OsString;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::anyhow;
use clap::{CommandFactory, FromArgMatches};

pub use args::*;
pub use errors::{CliError, EntityKind, UsageProblem};
pub use help::localize;

use crate::report;
use crate::report::i18n::Words;
use crate::scenario::{self, Entity, Scenario};
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
    /// A usage error the command line itself found, in `w`'s words.
    fn bad_usage(w: &Words, e: CliError) -> Self {
        Failure::usage(anyhow!(report::usage::describe(w, &e)))
    }
    /// An input error the command line itself found, in `w`'s words.
    fn bad_input(w: &Words, e: CliError) -> Self {
        Failure::input(anyhow!(report::usage::describe(w, &e)))
    }
}

impl From<anyhow::Error> for Failure {
    fn from(error: anyhow::Error) -> Self {
        Failure::input(error)
    }
}

/// The command tree as clap sees it, in `w`'s language.
pub fn command(w: &Words) -> clap::Command {
    help::localize(w, Cli::command())
}

/// Parse `argv` (program name first). `Err` holds the exit status, after
/// help, the version or a usage error has been printed.
pub fn parse(argv: &[OsString]) -> Result<Cli, ExitCode> {
    let w = Words::new(language_of(argv));
    let cmd = command(&w);
    let matches = match cmd.clone().try_get_matches_from(argv) {
        Ok(m) => m,
        Err(e) => return Err(clap_exit(&w, &cmd, argv, e)),
    };
    Cli::from_arg_matches(&matches).map_err(|e| clap_exit(&w, &cmd, argv, e))
}

/// Print what clap stopped with: help and the version as clap renders them
/// (the tree is already localized), anything else as a usage error.
fn clap_exit(w: &Words, cmd: &clap::Command, argv: &[OsString], e: clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    match e.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            let _ = e.print();
            ExitCode::from(EXIT_OK)
        }
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = e.print();
            ExitCode::from(EXIT_USAGE)
        }
        _ => {
            let problem = help::problem(&e);
            let path = help::command_path(cmd, argv);
            let usage = help::usage_of(cmd, &path);
            eprint!("{}", report::usage::clap_error(w, &problem, &path, &usage));
            ExitCode::from(EXIT_USAGE)
        }
    }
}

pub fn main() -> ExitCode {
    let argv: Vec<OsString> = std::env::args_os().collect();
    let cli = match parse(&argv) {
        Ok(c) => c,
        Err(code) => return code,
    };
    let w = Words::new(cli.language());
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match run(cli, &w, &mut out) {
        Ok(status) => ExitCode::from(status),
        Err(f) => {
            let _ = out.flush();
            let text = match f.error.downcast_ref::<Stdout>() {
                // `xuncha … | head`: the reader has all it wanted.
                Some(Stdout(e)) if e.kind() == std::io::ErrorKind::BrokenPipe => {
                    return ExitCode::from(f.status)
                }
                Some(Stdout(e)) => t!(w, "stdout-failed", reason = report::usage::io_reason(&w, e)),
                None => format!("{:#}", f.error),
            };
            eprintln!("{}", t!(w, "error-line", error = text));
            ExitCode::from(f.status)
        }
    }
}

/// Run a parsed command, writing its report to `out`, or with `-o FILE`
/// to that file (atomically; not at all when the command fails).
pub fn run(cli: Cli, w: &Words, out: &mut dyn Write) -> Result<u8, Failure> {
    let Some(path) = cli.output.clone() else {
        return dispatch(cli.command, w, out);
    };
    if let Some(input) = inputs(&cli.command)
        .into_iter()
        .find(|i| same_file(i, &path))
    {
        return Err(Failure::bad_usage(
            w,
            CliError::OutputIsInput {
                file: path.display().to_string(),
                input: input.display().to_string(),
            },
        ));
    }
    let mut buf = Vec::new();
    let status = dispatch(cli.command, w, &mut buf)?;
    // Files found only while running (the ledgers a scenario names).
    if let Ok(target) = path.canonicalize() {
        if let Some(input) = crate::fsio::read::files_read()
            .into_iter()
            .find(|f| *f == target)
        {
            return Err(Failure::bad_usage(
                w,
                CliError::OutputIsInput {
                    file: path.display().to_string(),
                    input: input.display().to_string(),
                },
            ));
        }
    }
    crate::fsio::write_atomic(&path, &buf).map_err(|e| {
        Failure::bad_input(
            w,
            CliError::Write {
                file: path.display().to_string(),
                error: e,
            },
        )
    })?;
    Ok(status)
}

fn dispatch(command: Command, w: &Words, out: &mut dyn Write) -> Result<u8, Failure> {
    match command {
        Command::Check(a) => check::run(&a, w, out),
        Command::Conflicts(a) => conflicts::run(&a, w, out),
        Command::Training(c) => training::run(&c, w, out),
        Command::Plan(a) => plan::run(&a, w, out),
        Command::Commit(a) => commit::run(&a, out),
        Command::Repair(a) => repair::run(&a, w, out),
        Command::Replace(a) => replace::run(&a, out),
        Command::Why(a) => why::run(&a, out),
        Command::Generate(a) => generate::run(&a, w, out),
        Command::Simulate(a) => simulate::run(&a, w, out),
    }
}

/// The files a command reads, so `-o` never overwrites one of them.
fn inputs(command: &Command) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = match command {
        Command::Check(a) => vec![a.scenario.clone()],
        Command::Conflicts(a) => vec![a.scenario.clone()],
        Command::Plan(a) => {
            let mut v = vec![a.scenario.clone()];
            v.extend(a.pin.iter().cloned());
            v.extend(a.pin_plan.iter().cloned());
            v
        }
        Command::Commit(a) => vec![a.scenario.clone(), a.plan.clone()],
        Command::Repair(a) => {
            let mut v = vec![a.scenario.clone(), a.plan.clone()];
            v.extend(a.pin.iter().cloned());
            v
        }
        Command::Replace(a) => vec![a.scenario.clone(), a.plan.clone()],
        Command::Why(a) => vec![a.scenario.clone(), a.plan.clone()],
        Command::Training(c) => c.inputs(),
        Command::Generate(_) => Vec::new(),
        Command::Simulate(a) => vec![a.scenario.clone()],
    };
    v.retain(|p| !p.as_os_str().is_empty());
    v
}

/// Whether `a` and `b` name the same existing file.
fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(x), Ok(y)) => x == y,
        _ => false,
    }
}

fn load(path: &Path) -> Result<Scenario, Failure> {
    scenario::load(path).map_err(|e| Failure::input(anyhow!(e)))
}

/// Write a command's result. Renderers escape what came from input
/// ([`report::table::clean`]); as a last guard, no C0 control character but
/// the newline and the tab reaches the terminal from any renderer (JSON
/// escapes them itself, so its bytes do not change).
fn emit(out: &mut dyn Write, text: &str) -> Result<u8, Failure> {
    let text = report::table::guard(text);
    out.write_all(text.as_bytes())
        .map_err(|e| Failure::input(anyhow!(Stdout(e))))?;
    Ok(EXIT_OK)
}

/// Standard output could not be written (a closed pipe, a full disk): the
/// top level words it in the user's language.
#[derive(Debug, thiserror::Error)]
#[error("cannot write to standard output: {0}")]
pub struct Stdout(pub std::io::Error);

/// Resolve person ids given with `flag`, naming the file and suggesting ids
/// when one is unknown or names something else.
fn people_arg(
    w: &Words,
    s: &Scenario,
    file: &Path,
    flag: &'static str,
    ids: &[String],
) -> Result<Vec<crate::PersonIx>, Failure> {
    ids.iter()
        .map(|id| match s.lookup(id) {
            Some(Entity::Person(p)) => Ok(p),
            other => Err(Failure::bad_usage(
                w,
                CliError::NoSuchPerson {
                    flag,
                    id: id.clone(),
                    file: file.display().to_string(),
                    is: other.map(EntityKind::of),
                    known: s.people.iter().map(|p| p.id.clone()).collect(),
                },
            )),
        })
        .collect()
}

/// Resolve unit ids given with `flag`, as [`people_arg`]; a village id
/// points to its township.
fn units_arg(
    w: &Words,
    s: &Scenario,
    file: &Path,
    flag: &'static str,
    ids: &[String],
) -> Result<Vec<crate::UnitIx>, Failure> {
    ids.iter()
        .map(|id| match s.lookup(id) {
            Some(Entity::Unit(u)) => Ok(u),
            other => Err(Failure::bad_usage(
                w,
                CliError::NoSuchUnit {
                    flag,
                    id: id.clone(),
                    file: file.display().to_string(),
                    is: other.map(EntityKind::of),
                    township: match other {
                        Some(Entity::Village(v)) => Some(s.unit(s.village(v).township).id.clone()),
                        _ => None,
                    },
                    known: s.units.iter().map(|u| u.id.clone()).collect(),
                },
            )),
        })
        .collect()
}
