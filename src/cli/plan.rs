//! `xuncha plan`: plan the scenario's round.

use std::io::Write;
use std::path::PathBuf;

use anyhow::anyhow;
use clap::Args;

use super::{emit, load, Failure, FormatArg, EXIT_INFEASIBLE, EXIT_OK};
use crate::report;
use crate::report::i18n::Words;

#[derive(Debug, Args)]
pub struct PlanArgs {
    pub scenario: PathBuf,
    #[arg(long, value_enum, default_value = "table")]
    pub format: FormatArg,
    /// Stop the solver after this many seconds and return the best roster found.
    #[arg(long, default_value_t = 60.0, value_name = "SECONDS")]
    pub time_limit: f64,
    /// Pins the roster must keep (YAML: leads, serves, sits_out, together; see docs/lifecycle.md). Repeatable.
    #[arg(long = "pin", value_name = "PINS.yaml")]
    pub pin: Vec<PathBuf>,
    /// A partial plan (plan JSON) whose groups' units, leaders and members are kept.
    #[arg(long = "pin-plan", value_name = "PARTIAL.json")]
    pub pin_plan: Option<PathBuf>,
}

pub fn run(a: &PlanArgs, w: &Words, out: &mut dyn Write) -> Result<u8, Failure> {
    if !(a.time_limit.is_finite() && a.time_limit > 0.0) {
        return Err(Failure::usage(anyhow!(
            "--time-limit {} must be a positive number of seconds",
            a.time_limit
        )));
    }
    let s = load(&a.scenario)?;
    if let Some(e) = report::lifecycle::plan_committed(w, &s, &a.scenario.display().to_string()) {
        return Err(Failure::input(anyhow!(e)));
    }
    let Some(round) = &s.round else {
        return Err(Failure::input(anyhow!(
            "{}: the scenario has no `round` to plan (add a `round:` section; see FORMAT.md)",
            a.scenario.display()
        )));
    };
    let pins = crate::lifecycle::pins_file::gather(&s, round, &a.pin, a.pin_plan.as_deref())
        .map_err(|e| Failure::input(anyhow!(e)))?;
    let opts = crate::solver::PlanOptions {
        time_limit: std::time::Duration::from_secs_f64(a.time_limit),
        pins,
        ..Default::default()
    };
    let plan = crate::solver::plan(&s, round, &opts).map_err(|e| Failure::input(anyhow!(e)))?;
    let text = match a.format {
        FormatArg::Json => report::plan::json(&s, &plan),
        FormatArg::Csv => report::plan::csv(&s, &plan),
        FormatArg::Table => report::plan::table(w, &s, &plan, true),
    };
    emit(out, &text)?;
    Ok(if plan.status == crate::solver::Status::Infeasible {
        EXIT_INFEASIBLE
    } else {
        EXIT_OK
    })
}
