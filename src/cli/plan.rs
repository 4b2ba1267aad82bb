//! `xuncha plan`: plan the scenario's round.

use std::io::Write;
use std::path::PathBuf;
use std::time::Duration;

use anyhow::anyhow;
use clap::Args;

use super::{args, emit, load, CliError, Failure, FormatArg, EXIT_INFEASIBLE, EXIT_OK};
use crate::report;
use crate::report::i18n::Words;

#[derive(Debug, Args)]
pub struct PlanArgs {
    pub scenario: PathBuf,
    #[arg(long, value_enum, default_value = "table")]
    pub format: FormatArg,
    #[arg(long, default_value = "60", value_name = "SECONDS", value_parser = args::time_limit)]
    pub time_limit: Duration,
    #[arg(long = "pin", value_name = "PINS.yaml")]
    pub pin: Vec<PathBuf>,
    #[arg(long = "pin-plan", value_name = "PARTIAL.json")]
    pub pin_plan: Option<PathBuf>,
}

pub fn run(a: &PlanArgs, w: &Words, out: &mut dyn Write) -> Result<u8, Failure> {
    let s = load(&a.scenario)?;
    if let Some(e) = report::lifecycle::plan_committed(w, &s, &a.scenario.display().to_string()) {
        return Err(Failure::input(anyhow!(e)));
    }
    let Some(round) = &s.round else {
        return Err(Failure::bad_input(
            w,
            CliError::NoRound {
                file: a.scenario.display().to_string(),
            },
        ));
    };
    let pins = crate::lifecycle::pins_file::gather(&s, round, &a.pin, a.pin_plan.as_deref())
        .map_err(|e| Failure::input(anyhow!(e)))?;
    let opts = crate::solver::PlanOptions {
        time_limit: a.time_limit,
        pins,
        ..Default::default()
    };
    let plan = crate::solver::plan(&s, round, &opts)
        .map_err(|e| Failure::input(anyhow!(report::plan::plan_error(w, &e))))?;
    let text = match a.format {
        FormatArg::Json => report::plan::json(&s, &plan),
        FormatArg::Csv => report::plan::csv(w, &s, &plan),
        FormatArg::Xlsx => {
            super::emit_xlsx(out, &[report::plan::sheet(w, &s, &plan)])?;
            String::new()
        }
        FormatArg::Table => report::plan::table(w, &s, &plan, true),
    };
    emit(out, &text)?;
    Ok(if plan.status == crate::solver::Status::Infeasible {
        EXIT_INFEASIBLE
    } else {
        EXIT_OK
    })
}
