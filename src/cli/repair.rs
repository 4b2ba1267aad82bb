//! `xuncha repair`: re-plan a roster with the fewest changed seats.

use std::io::Write;
use std::path::PathBuf;
use std::time::Duration;

use anyhow::anyhow;
use clap::Args;

use super::{emit, Failure, FormatArg, EXIT_INFEASIBLE, EXIT_OK};
use crate::lifecycle::{self, pins_file, repair, LifecycleError};
use crate::report;
use crate::report::i18n::Words;
use crate::solver::Status;

#[derive(Debug, Args)]
pub struct RepairArgs {
    /// The scenario file (YAML, FORMAT.md v1); its round may already be committed.
    pub scenario: PathBuf,
    /// The roster to repair: the JSON of `xuncha plan --format json`.
    pub plan: PathBuf,
    /// A person who can no longer serve (repeat or separate with commas).
    #[arg(long = "drop", value_name = "PERSON", value_delimiter = ',')]
    pub drop: Vec<String>,
    /// A conflict that surfaced: PERSON,UNIT (repeatable).
    #[arg(long = "add-conflict", value_name = "PERSON,UNIT")]
    pub add_conflict: Vec<String>,
    /// Pins to keep (YAML, see docs/lifecycle.md; repeatable).
    #[arg(long = "pin", value_name = "PINS.yaml")]
    pub pin: Vec<PathBuf>,
    /// json: the new plan exactly as FORMAT.md "Plan output".
    #[arg(long, value_enum, default_value = "table")]
    pub format: FormatArg,
    /// Stop the solver after this many seconds and return the best roster found.
    #[arg(long, default_value = "60", value_name = "SECONDS", value_parser = super::args::time_limit)]
    pub time_limit: Duration,
}

pub fn run(a: &RepairArgs, w: &Words, out: &mut dyn Write) -> Result<u8, Failure> {
    let opened = lifecycle::open(&a.scenario, &a.plan)?;
    let sf = &opened.scenario;
    let s = &sf.scenario;
    let round = sf.round()?;
    let mut req = repair::RepairRequest::default();
    for id in &a.drop {
        let p = lifecycle::person_arg(s, &sf.file, "--drop", id)?;
        if !req.drop.contains(&p) {
            req.drop.push(p);
        }
    }
    for pair in &a.add_conflict {
        let Some((p, u)) = pair.split_once(',') else {
            return Err(LifecycleError::Usage {
                flag: "--add-conflict".to_string(),
                id: pair.clone(),
                message: "expected PERSON,UNIT".to_string(),
                hint: "e.g. --add-conflict P04,T02".to_string(),
            }
            .into());
        };
        let p = lifecycle::person_arg(s, &sf.file, "--add-conflict", p.trim())?;
        let u = lifecycle::unit_arg(s, &sf.file, "--add-conflict", u.trim())?;
        if !req.add_conflicts.contains(&(p, u)) {
            req.add_conflicts.push((p, u));
        }
    }
    req.pins = pins_file::gather(s, round, &a.pin, None).map_err(|e| Failure::input(anyhow!(e)))?;
    let repaired = repair::repair(s, round, &opened.groups, &req, a.time_limit)
        .map_err(|e| Failure::input(anyhow!(e)))?;
    let text = match a.format {
        FormatArg::Json => report::plan::json(&repaired.scenario, &repaired.plan),
        FormatArg::Csv => report::plan::csv(w, &repaired.scenario, &repaired.plan),
        FormatArg::Table => repair::table(w, &repaired, &req),
    };
    emit(out, &text)?;
    Ok(if repaired.plan.status == Status::Infeasible {
        EXIT_INFEASIBLE
    } else {
        EXIT_OK
    })
}
