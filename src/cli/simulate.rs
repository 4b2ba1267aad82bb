//! `xuncha simulate`: plan the rest of the term, with what-ifs, variants
//! side by side, Monte Carlo over absences and lookahead.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::anyhow;
use chrono::Datelike;
use clap::{Args, ValueEnum};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use super::{args, emit, load, people_arg, CliError, Failure, FormatArg, EXIT_OK};
use crate::report;
use crate::report::i18n::Words;
use crate::scenario::Scenario;
use crate::simulate::{self, McOptions, Progress, SimError, SimOptions, Variant, WhatIf};
use crate::t;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TrainingArg {
    /// Each member repeats every year the training of the last year on record.
    Assumed,
    /// Only the records on file count.
    Recorded,
}

#[derive(Debug, Args)]
pub struct SimulateArgs {
    pub scenario: PathBuf,
    #[arg(long, value_enum, default_value = "table")]
    pub format: FormatArg,
    #[arg(long, default_value = "10", value_name = "SECONDS", value_parser = args::time_limit)]
    pub round_time_limit: Duration,
    #[arg(long, value_name = "IDS")]
    pub without: Vec<String>,
    #[arg(long, value_name = "N", value_parser = args::groups)]
    pub groups: Option<u32>,
    #[arg(long, value_name = "MIN-MAX", value_parser = args::group_size)]
    pub group_size: Option<(u32, u32)>,
    #[arg(long, value_name = "N", value_parser = args::rounds)]
    pub rounds: Option<usize>,
    #[arg(long, value_name = "N", allow_hyphen_values = true, value_parser = args::months)]
    pub shift_months: Option<i32>,
    #[arg(long, value_enum, default_value = "assumed")]
    pub training: TrainingArg,
    #[arg(long, default_value = "1", value_name = "K", value_parser = args::lookahead)]
    pub lookahead: usize,
    #[arg(long)]
    pub round_by_round: bool,
    #[arg(long, value_name = "N", value_parser = args::moves, conflicts_with = "round_by_round")]
    pub term_moves: Option<u64>,
    #[arg(long, value_name = "VARIANT")]
    pub compare: Vec<String>,
    #[arg(long, value_name = "N", value_parser = args::samples)]
    pub samples: Option<usize>,
    #[arg(long, default_value = "1", value_parser = args::seed)]
    pub seed: u64,
    #[arg(long, value_name = "P", value_parser = args::probability)]
    pub absence: Option<f64>,
    #[arg(long)]
    pub rosters: bool,
    #[arg(short, long)]
    pub quiet: bool,
}

pub(super) fn sim_failure(w: &Words, s: &crate::scenario::Scenario, e: SimError) -> Failure {
    let text = anyhow!(report::simulate::sim_error(w, s, &e));
    if e.is_usage() {
        Failure::usage(text)
    } else {
        Failure::input(text)
    }
}

/// Months from the term's start to its end, a part month counted whole.
fn term_months(t: &crate::scenario::Term) -> i32 {
    let months =
        (t.end.year() - t.start.year()) * 12 + t.end.month() as i32 - t.start.month() as i32;
    months + i32::from(t.end.day() > t.start.day())
}

/// The what-ifs of the command line (ids not yet checked).
fn what_if(a: &SimulateArgs, w: &Words) -> Result<WhatIf, Failure> {
    let without = args::id_list(&a.without).map_err(|error| {
        Failure::bad_usage(
            w,
            CliError::Value {
                flag: "--without",
                error,
            },
        )
    })?;
    Ok(WhatIf {
        without,
        groups: a.groups,
        group_size: a.group_size,
        rounds: a.rounds,
        shift_months: a.shift_months,
    })
}

/// Check what-ifs (given with `flag`: the flags themselves, or a
/// `--compare` variant on top of them) against the scenario: ids exist and
/// are in the pool, the term exists where a what-if changes it, a shift
/// stays within the term's length.
fn check_what_if(
    w: &Words,
    s: &Scenario,
    file: &Path,
    flag: Option<&'static str>,
    wi: &WhatIf,
) -> Result<(), Failure> {
    let name = file.display().to_string();
    let without_flag = flag.unwrap_or("--without");
    for (p, id) in people_arg(w, s, file, without_flag, &wi.without)?
        .into_iter()
        .zip(&wi.without)
    {
        if !s.person(p).pool {
            return Err(Failure::bad_usage(
                w,
                CliError::NotInPool {
                    flag: without_flag,
                    id: id.clone(),
                    file: name.clone(),
                },
            ));
        }
    }
    for (what, given) in [
        ("--rounds", wi.rounds.is_some()),
        ("--shift-months", wi.shift_months.is_some()),
    ] {
        if given && s.term.is_none() {
            return Err(Failure::bad_usage(
                w,
                CliError::NoTerm {
                    flag: flag.unwrap_or(what),
                    file: name.clone(),
                },
            ));
        }
    }
    if let (Some(m), Some(t)) = (wi.shift_months, &s.term) {
        let max = term_months(t);
        if m.abs() > max {
            return Err(Failure::bad_usage(
                w,
                CliError::ShiftBeyondTerm {
                    months: m,
                    term_months: max,
                    file: name,
                },
            ));
        }
    }
    Ok(())
}

fn progress_bar(w: &Words, quiet: bool, len: u64) -> ProgressBar {
    if quiet || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(len), ProgressDrawTarget::stderr());
    let template = t!(
        w,
        "simulate-progress",
        spinner = "{spinner}",
        bar = "{bar:30}",
        pos = "{pos}",
        len = "{len}",
        round = "{msg}",
        elapsed = "{elapsed}",
        eta = "{eta}"
    );
    if let Ok(style) = ProgressStyle::with_template(&template) {
        bar.set_style(style.progress_chars("=> "));
    }
    bar.enable_steady_tick(Duration::from_millis(200));
    bar
}

pub fn run(a: &SimulateArgs, w: &Words, out: &mut dyn Write) -> Result<u8, Failure> {
    let monte_carlo = a.samples.is_some() || a.absence.is_some();
    if monte_carlo && !a.compare.is_empty() {
        return Err(Failure::bad_usage(
            w,
            CliError::DoNotCombine {
                first: "--compare",
                second: "--samples/--absence",
            },
        ));
    }
    if matches!(a.format, FormatArg::Csv | FormatArg::Xlsx)
        && (monte_carlo || !a.compare.is_empty())
    {
        return Err(Failure::bad_usage(w, CliError::CsvOneRun));
    }
    let variants: Vec<Variant> = a
        .compare
        .iter()
        .map(|t| {
            t.parse::<Variant>().map_err(|reason| {
                Failure::bad_usage(
                    w,
                    CliError::Variant {
                        text: t.clone(),
                        reason,
                    },
                )
            })
        })
        .collect::<Result<_, _>>()?;

    let what_if = what_if(a, w)?;
    let s = load(&a.scenario)?;
    super::round::note_committed(w, &s, &a.scenario);
    check_what_if(w, &s, &a.scenario, None, &what_if)?;
    for v in &variants {
        check_what_if(
            w,
            &s,
            &a.scenario,
            Some("--compare"),
            &what_if.merged(&v.what_if),
        )?;
    }
    let mut opts = SimOptions {
        round_time_limit: a.round_time_limit,
        what_if,
        assume_training: a.training == TrainingArg::Assumed,
        lookahead: a.lookahead,
        term_search: (!a.round_by_round).then(|| simulate::improve::Search {
            moves: a
                .term_moves
                .unwrap_or(simulate::improve::Search::default().moves),
            ..simulate::improve::Search::default()
        }),
        ..SimOptions::default()
    };
    // Settle the what-ifs (bad ids are usage errors) and count the rounds.
    let rounds_of = |o: &SimOptions| simulate::prepare(&s, o).map(|p| p.slots.len() as u64);
    let mut total = rounds_of(&opts).map_err(|e| sim_failure(w, &s, e))?;
    for v in &variants {
        let o = SimOptions {
            what_if: opts.what_if.merged(&v.what_if),
            ..opts.clone()
        };
        total += rounds_of(&o).map_err(|e| sim_failure(w, &s, e))?;
    }
    let mc = McOptions {
        samples: a.samples.unwrap_or(20),
        seed: a.seed,
        absence: a.absence.unwrap_or(0.1),
        ..McOptions::default()
    };
    if monte_carlo {
        total *= mc.samples as u64;
    }
    let bar = progress_bar(w, a.quiet, total);
    let ticker = bar.clone();
    opts.progress = Some(Progress::new(move |round| {
        ticker.set_message(round.to_string());
        ticker.inc(1);
    }));

    let text = if monte_carlo {
        let r = simulate::montecarlo::run(&s, &opts, &mc).map_err(|e| sim_failure(w, &s, e))?;
        match a.format {
            FormatArg::Json => report::simulate::montecarlo_json(&r),
            _ => report::simulate::montecarlo_table(w, &r),
        }
    } else if !variants.is_empty() {
        let runs = simulate::compare(&s, &opts, &variants).map_err(|e| sim_failure(w, &s, e))?;
        match a.format {
            FormatArg::Json => report::simulate::compare_json(&s, &runs),
            _ => report::simulate::compare_table(w, &runs),
        }
    } else {
        let sim = simulate::simulate(&s, &opts).map_err(|e| sim_failure(w, &s, e))?;
        match a.format {
            FormatArg::Json => report::simulate::json(&s, &sim),
            FormatArg::Csv => report::simulate::csv(w, &s, &sim),
            FormatArg::Xlsx => {
                bar.finish_and_clear();
                return super::emit_xlsx(out, &report::simulate::sheets(w, &s, &sim));
            }
            FormatArg::Table => report::simulate::table(w, &s, &sim, a.rosters),
        }
    };
    bar.finish_and_clear();
    emit(out, &text)?;
    Ok(EXIT_OK)
}
