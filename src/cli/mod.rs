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
mod declare;
mod draw;
mod edit;
mod errors;
mod export;
mod generate;
mod help;
mod import;
mod leave;
mod plan;
mod pool;
mod relation;
mod repair;
mod replace;
mod report_cmd;
mod round;
mod simulate;
mod template;
mod training;
mod waive;
mod why;

use std::ffi::OsString;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::anyhow;
use clap::{CommandFactory, FromArgMatches};

pub use args::*;
pub use errors::{CliError, UsageProblem};
pub use help::localize;

use crate::report;
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
                // Load errors in the user's language (report::errors).
                None => match f.error.downcast_ref::<crate::LoadError>() {
                    Some(e) => report::errors::load_error(&w, e),
                    None => format!("{:#}", f.error),
                },
            };
            eprintln!("{}", t!(w, "error-line", error = text));
            ExitCode::from(f.status)
        }
    }
}

/// Run a parsed command, writing its report to `out`, or with `-o FILE`
/// to that file (atomically; not at all when the command fails; never over
/// a file the command reads). `generate -o` creates its file and replaces
/// an existing one only with `--force`.
pub fn run(cli: Cli, w: &Words, out: &mut dyn Write) -> Result<u8, Failure> {
    if format_of(&cli.command) == Some(FormatArg::Xlsx) {
        match &cli.command {
            Command::Replace(_) => {
                return Err(Failure::bad_usage(
                    w,
                    CliError::NoXlsx {
                        command: "xuncha replace",
                    },
                ))
            }
            Command::Why(_) => {
                return Err(Failure::bad_usage(
                    w,
                    CliError::NoXlsx {
                        command: "xuncha why",
                    },
                ))
            }
            _ => {}
        }
    }
    let bom = cli.csv_bom != Some(YesNo::No) && format_of(&cli.command) == Some(FormatArg::Csv);
    let Some(path) = cli.output.clone() else {
        // A workbook is never written to the terminal.
        let needs = match &cli.command {
            Command::Template(_) => Some(("xuncha template", "xuncha template -o 人员库.xlsx")),
            Command::Export(_) => Some((
                "xuncha export",
                "xuncha export scenarios/qingshan.yaml -o 人员库.xlsx",
            )),
            Command::Import(_) => Some((
                "xuncha import lrmx",
                "xuncha import lrmx scenarios/qingshan.yaml 任免审批表/ -o 导入.xlsx",
            )),
            _ if format_of(&cli.command) == Some(FormatArg::Xlsx) => Some((
                "--format xlsx",
                "xuncha plan scenarios/qingshan.yaml --format xlsx -o 名单.xlsx",
            )),
            _ => None,
        };
        if let Some((command, example)) = needs {
            return Err(Failure::bad_usage(
                w,
                CliError::NeedsOutput { command, example },
            ));
        }
        if bom {
            let mut buf = Vec::new();
            let status = dispatch(cli.command, w, &mut buf)?;
            out.write_all(report::sheet::BOM.as_bytes())
                .and_then(|()| out.write_all(&buf))
                .map_err(|e| Failure::input(anyhow!(Stdout(e))))?;
            return Ok(status);
        }
        return dispatch(cli.command, w, out);
    };
    let is_input = |input: PathBuf| {
        Failure::bad_usage(
            w,
            CliError::OutputIsInput {
                file: path.display().to_string(),
                input: input.display().to_string(),
            },
        )
    };
    // Every file named on the command line, before anything runs (an edit
    // command would otherwise change its scenario, then lose it to `-o`).
    let mut named: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    // The `-o FILE` value itself is not an input.
    if let Some(i) = named
        .windows(2)
        .position(|p| matches!(p[0].to_str(), Some("-o" | "--output")) && p[1] == path)
    {
        named.remove(i + 1);
    }
    if let Some(input) = named.into_iter().find(|a| same_file(a, &path)) {
        return Err(is_input(input));
    }
    let create = match &cli.command {
        Command::Generate(g) => Some(g.force),
        Command::Template(a) => Some(a.force),
        Command::Export(a) => Some(a.force),
        Command::Import(c) => Some(c.force()),
        _ => None,
    };
    let mut buf = Vec::new();
    if bom {
        buf.extend_from_slice(report::sheet::BOM.as_bytes());
    }
    let status = dispatch(cli.command, w, &mut buf)?;
    // Every file read while running (the ledgers a scenario names).
    if let Ok(target) = path.canonicalize() {
        if let Some(input) = crate::fsio::read::files_read()
            .into_iter()
            .find(|f| *f == target)
        {
            return Err(is_input(input));
        }
    }
    let written = match create {
        Some(force) => crate::fsio::create(&path, &buf, force),
        None => crate::fsio::write_atomic(&path, &buf),
    };
    written.map_err(|e| Failure::input(anyhow!(report::lifecycle::write_error(w, &path, &e))))?;
    Ok(status)
}

/// The `--format` a command was given, for the commands that have one.
fn format_of(command: &Command) -> Option<FormatArg> {
    match command {
        Command::Conflicts(a) => Some(a.format),
        Command::Plan(a) => Some(a.format),
        Command::Repair(a) => Some(a.format),
        Command::Simulate(a) => Some(a.format),
        Command::Training(training::TrainingCommand::Report(a)) => Some(a.format),
        Command::Replace(a) => Some(a.format),
        Command::Why(a) => Some(a.format),
        Command::Draw(a) => Some(a.format),
        Command::Pool(pool::PoolCommand::Report(a)) => Some(a.format),
        _ => None,
    }
}

fn dispatch(command: Command, w: &Words, out: &mut dyn Write) -> Result<u8, Failure> {
    match command {
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
        Command::Generate(a) => generate::run(&a, w, out),
        Command::Simulate(a) => simulate::run(&a, w, out),
        Command::Draw(a) => draw::run(&a, w, out),
        Command::Report(a) => report_cmd::run(&a, w, out),
        Command::Template(a) => template::run(&a, w, out),
        Command::Export(a) => export::run(&a, w, out),
        Command::Import(c) => import::run(&c, w, out),
    }
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

/// Write a command's result that is not text (a workbook), unchanged.
fn emit_bytes(out: &mut dyn Write, bytes: &[u8]) -> Result<u8, Failure> {
    out.write_all(bytes)
        .map_err(|e| Failure::input(anyhow!(Stdout(e))))?;
    Ok(EXIT_OK)
}

/// Write `sheets` as an Excel workbook (`run` has made sure it goes to a
/// file, never to the terminal).
fn emit_xlsx(out: &mut dyn Write, sheets: &[report::sheet::Sheet]) -> Result<u8, Failure> {
    let bytes = report::xlsx::write(sheets).map_err(|e| Failure::input(anyhow!(e)))?;
    out.write_all(&bytes)
        .map_err(|e| Failure::input(anyhow!(Stdout(e))))?;
    Ok(EXIT_OK)
}

/// Standard output could not be written (a closed pipe, a full disk): the
/// top level words it in the user's language.
#[derive(Debug, thiserror::Error)]
#[error("cannot write to standard output: {0}")]
pub struct Stdout(pub std::io::Error);

/// Resolve person ids given with `flag` through the one id helper
/// ([`crate::lifecycle::person_arg`]: the file, the ids that exist, what an
/// id names instead).
fn people_arg(
    w: &Words,
    s: &Scenario,
    file: &Path,
    flag: &'static str,
    ids: &[String],
) -> Result<Vec<crate::PersonIx>, Failure> {
    let file = file.display().to_string();
    ids.iter()
        .map(|id| {
            crate::lifecycle::person_arg(s, &file, flag, id).map_err(|e| edit::fail(w, Some(s), e))
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
    let file = file.display().to_string();
    ids.iter()
        .map(|id| {
            crate::lifecycle::unit_arg(s, &file, flag, id).map_err(|e| edit::fail(w, Some(s), e))
        })
        .collect()
}
