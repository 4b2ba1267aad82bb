//! `xuncha repair`: re-plan a roster with the fewest changed seats.

use std::io::Write;
use std::path::PathBuf;
use std::time::Duration;

use anyhow::anyhow;
use clap::Args;

use super::edit::{date_or_today, fail, warn};
use super::{emit, Failure, FormatArg, EXIT_INFEASIBLE, EXIT_OK};
use crate::lifecycle::edits::{self, Change};
use crate::lifecycle::stamp::Stamp;
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
    /// Also record what it was told in the scenario: each --drop leaves the
    /// pool (出库) and each --add-conflict becomes a declared conflict
    /// (本人申报), with this reason.
    #[arg(long, value_name = "REASON")]
    pub record: Option<String>,
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
    let opened = lifecycle::open(&a.scenario, &a.plan).map_err(|e| fail(w, None, e))?;
    let sf = &opened.scenario;
    let s = &sf.scenario;
    let bad = |e| fail(w, Some(s), e);
    let round = sf.round().map_err(bad)?;
    if let Some(t) = report::lifecycle::stamp_warning(w, opened.stamp, &opened.plan.file, &sf.file)
    {
        warn(&t);
    }
    let mut req = repair::RepairRequest::default();
    for id in &a.drop {
        let p = lifecycle::person_arg(s, &sf.file, "--drop", id).map_err(bad)?;
        if !req.drop.contains(&p) {
            req.drop.push(p);
        }
    }
    for pair in &a.add_conflict {
        let Some((p, u)) = pair.split_once(',') else {
            return Err(bad(LifecycleError::BadValue {
                flag: "--add-conflict".to_string(),
                value: pair.clone(),
                expected: "person-unit",
            }));
        };
        let p = lifecycle::person_arg(s, &sf.file, "--add-conflict", p).map_err(bad)?;
        let u = lifecycle::unit_arg(s, &sf.file, "--add-conflict", u).map_err(bad)?;
        if !req.add_conflicts.contains(&(p, u)) {
            req.add_conflicts.push((p, u));
        }
    }
    req.pins = pins_file::gather(s, round, &a.pin, None).map_err(|e| Failure::input(anyhow!(e)))?;
    let repaired = repair::repair(s, round, &opened.groups, &req, a.time_limit)
        .map_err(|e| Failure::input(anyhow!(e)))?;
    // With --record, the scenario learns what the repair was told, and the
    // new plan is stamped with the scenario as recorded.
    let mut stamp = Stamp::of(s, &round.id);
    let mut recorded = None;
    if let Some(reason) = &a.record {
        let date = date_or_today(None);
        let mut changes = Vec::new();
        for p in &req.drop {
            if s.person(*p).pool {
                changes.push(Change::PoolRemove {
                    person: s.person(*p).id.clone(),
                    date,
                    reason: Some(reason.clone()),
                });
            }
        }
        for (p, u) in &req.add_conflicts {
            changes.push(Change::Declare {
                person: s.person(*p).id.clone(),
                unit: s.unit(*u).id.clone(),
                reason: reason.clone(),
                date,
            });
        }
        let done = edits::apply(&a.scenario, &changes).map_err(bad)?;
        let now = lifecycle::ScenarioFile::read(&a.scenario).map_err(bad)?;
        stamp = Stamp::of(&now.scenario, &round.id);
        recorded = Some((done, now));
    }
    let text = match a.format {
        FormatArg::Json => report::plan::json_stamped(&repaired.scenario, &repaired.plan, stamp),
        FormatArg::Csv => report::plan::csv(w, &repaired.scenario, &repaired.plan),
        FormatArg::Xlsx => {
            super::emit_xlsx(
                out,
                &[report::plan::sheet(w, &repaired.scenario, &repaired.plan)],
            )?;
            String::new()
        }
        FormatArg::Table => {
            let mut text = report::lifecycle::repair(w, &repaired, &req);
            match &recorded {
                Some((done, now)) => {
                    text.push('\n');
                    text.push_str(&report::lifecycle::edited(w, &now.scenario, &sf.file, done));
                }
                None if !req.drop.is_empty() || !req.add_conflicts.is_empty() => {
                    text.push('\n');
                    text.push_str(&report::lifecycle::repair_unrecorded(w, &sf.file));
                    text.push('\n');
                }
                None => {}
            }
            text
        }
    };
    emit(out, &text)?;
    Ok(if repaired.plan.status == Status::Infeasible {
        EXIT_INFEASIBLE
    } else {
        EXIT_OK
    })
}
