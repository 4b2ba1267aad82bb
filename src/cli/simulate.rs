//! `xuncha simulate`: plan the rest of the term, with what-ifs, variants
//! side by side, Monte Carlo over absences and lookahead.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::time::Duration;

use anyhow::anyhow;
use clap::{Args, ValueEnum};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use super::{emit, load, Failure, FormatArg, EXIT_OK};
use crate::report;
use crate::report::i18n::Words;
use crate::simulate::{self, whatif, McOptions, Progress, SimError, SimOptions, Variant, WhatIf};

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
    /// Stop each round's solver after this many seconds.
    #[arg(long, default_value_t = 10.0, value_name = "SECONDS")]
    pub round_time_limit: f64,
    /// What-if: these people leave the pool (comma-separated ids; repeatable).
    #[arg(long, value_name = "IDS")]
    pub without: Vec<String>,
    /// What-if: this many groups in every simulated round.
    #[arg(long, value_name = "N")]
    pub groups: Option<u32>,
    /// What-if: group size in every simulated round, e.g. 4-5.
    #[arg(long, value_name = "MIN-MAX")]
    pub group_size: Option<String>,
    /// What-if: keep this many term rounds, or add rounds in the same rhythm up to it.
    #[arg(long, value_name = "N")]
    pub rounds: Option<usize>,
    /// What-if: move every term round this many months (negative: earlier).
    #[arg(long, value_name = "N", allow_hyphen_values = true)]
    pub shift_months: Option<i32>,
    /// Training in the years the records do not reach (see docs/term.md).
    #[arg(long, value_enum, default_value = "assumed")]
    pub training: TrainingArg,
    /// Choose each round's roster by how the next K-1 rounds go after it (1: round by round).
    #[arg(long, default_value_t = 1, value_name = "K")]
    pub lookahead: usize,
    /// Also simulate this variant and print the summaries side by side
    /// (repeatable), e.g. --compare "without=P0014,P0033" --compare "groups=6 group-size=4-5".
    /// Keys: without, groups, group-size, rounds, shift-months, training, lookahead.
    #[arg(long, value_name = "VARIANT")]
    pub compare: Vec<String>,
    /// Monte Carlo: simulate this many terms with random absences (default 20 with --absence).
    #[arg(long, value_name = "N")]
    pub samples: Option<usize>,
    /// Monte Carlo: random seed; the same seed gives the same numbers.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Monte Carlo: probability that a pool member misses a round (default 0.1 with --samples).
    #[arg(long, value_name = "P")]
    pub absence: Option<f64>,
    /// Table: also print every round's groups.
    #[arg(long)]
    pub rosters: bool,
    /// No progress bar on standard error.
    #[arg(short, long)]
    pub quiet: bool,
}

fn usage(msg: String) -> Failure {
    Failure {
        status: super::EXIT_USAGE,
        error: anyhow!(msg),
    }
}

fn sim_failure(e: SimError) -> Failure {
    if e.is_usage() {
        usage(e.to_string())
    } else {
        Failure::from(anyhow!(e))
    }
}

fn what_if(a: &SimulateArgs) -> Result<WhatIf, Failure> {
    let group_size = match &a.group_size {
        Some(t) => {
            Some(whatif::parse_group_size(t).map_err(|e| usage(format!("--group-size: {e}")))?)
        }
        None => None,
    };
    if a.groups == Some(0) {
        return Err(usage("--groups 0: at least one group".into()));
    }
    Ok(WhatIf {
        without: a
            .without
            .iter()
            .flat_map(|t| whatif::parse_ids(t))
            .collect(),
        groups: a.groups,
        group_size,
        rounds: a.rounds,
        shift_months: a.shift_months,
    })
}

fn progress_bar(quiet: bool, len: u64) -> ProgressBar {
    if quiet || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(len), ProgressDrawTarget::stderr());
    if let Ok(style) = ProgressStyle::with_template(
        "{spinner} simulate [{bar:30}] {pos}/{len} rounds, last {msg} ({elapsed}, about {eta} left)",
    ) {
        bar.set_style(style.progress_chars("=> "));
    }
    bar.enable_steady_tick(Duration::from_millis(200));
    bar
}

pub fn run(a: &SimulateArgs, w: &Words, out: &mut dyn Write) -> Result<u8, Failure> {
    if !(a.round_time_limit.is_finite() && a.round_time_limit > 0.0) {
        return Err(usage(format!(
            "--round-time-limit {} must be a positive number of seconds",
            a.round_time_limit
        )));
    }
    if a.lookahead == 0 || a.lookahead > 10 {
        return Err(usage(format!(
            "--lookahead {}: give 1 (round by round) to 10",
            a.lookahead
        )));
    }
    let monte_carlo = a.samples.is_some() || a.absence.is_some();
    if monte_carlo && !a.compare.is_empty() {
        return Err(usage(
            "--compare and Monte Carlo (--samples/--absence) do not combine: run them separately"
                .into(),
        ));
    }
    if let Some(p) = a.absence {
        if !(0.0..=1.0).contains(&p) {
            return Err(usage(format!("--absence {p}: a probability from 0 to 1")));
        }
    }
    if a.samples == Some(0) {
        return Err(usage("--samples 0: at least one sample".into()));
    }
    if a.format == FormatArg::Csv && (monte_carlo || !a.compare.is_empty()) {
        return Err(usage(
            "--format csv prints the rounds of one simulation; use table or json with --compare or Monte Carlo"
                .into(),
        ));
    }
    let variants: Vec<Variant> = a
        .compare
        .iter()
        .map(|t| {
            t.parse::<Variant>()
                .map_err(|e| usage(format!("--compare: {e}")))
        })
        .collect::<Result<_, _>>()?;
    let mut opts = SimOptions {
        round_time_limit: Duration::from_secs_f64(a.round_time_limit),
        what_if: what_if(a)?,
        assume_training: a.training == TrainingArg::Assumed,
        lookahead: a.lookahead,
        ..SimOptions::default()
    };

    let s = load(&a.scenario)?;
    super::round::note_committed(w, &s, &a.scenario);
    // Settle the what-ifs (bad ids are usage errors) and count the rounds.
    let rounds_of = |o: &SimOptions| simulate::prepare(&s, o).map(|p| p.slots.len() as u64);
    let mut total = rounds_of(&opts).map_err(sim_failure)?;
    for v in &variants {
        let o = SimOptions {
            what_if: opts.what_if.merged(&v.what_if),
            ..opts.clone()
        };
        total += rounds_of(&o).map_err(sim_failure)?;
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
    let bar = progress_bar(a.quiet, total);
    let ticker = bar.clone();
    opts.progress = Some(Progress::new(move |round| {
        ticker.set_message(round.to_string());
        ticker.inc(1);
    }));

    let text = if monte_carlo {
        let r = simulate::montecarlo::run(&s, &opts, &mc).map_err(sim_failure)?;
        match a.format {
            FormatArg::Json => report::simulate::montecarlo_json(&r),
            _ => report::simulate::montecarlo_table(&r),
        }
    } else if !variants.is_empty() {
        let runs = simulate::compare(&s, &opts, &variants).map_err(sim_failure)?;
        match a.format {
            FormatArg::Json => report::simulate::compare_json(&s, &runs),
            _ => report::simulate::compare_table(&runs),
        }
    } else {
        let sim = simulate::simulate(&s, &opts).map_err(sim_failure)?;
        match a.format {
            FormatArg::Json => report::simulate::json(&s, &sim),
            FormatArg::Csv => report::simulate::csv(&s, &sim),
            FormatArg::Table => report::simulate::table(w, &s, &sim, a.rosters),
        }
    };
    bar.finish_and_clear();
    emit(out, &text)?;
    Ok(EXIT_OK)
}
