//! `xuncha report`: the printable HTML report of a round (docs/report.md).

use std::io::Write;
use std::path::PathBuf;
use std::time::Duration;

use anyhow::anyhow;
use clap::Args;

use super::edit::{fail, warn};
use super::{args, emit, CliError, Failure, EXIT_INFEASIBLE, EXIT_OK};
use crate::lifecycle;
use crate::report;
use crate::report::i18n::Words;
use crate::solver::{Plan, SolveStats, Status};

#[derive(Debug, Args)]
pub struct ReportArgs {
    pub scenario: PathBuf,
    /// The roster to report (the JSON of `xuncha plan --format json`);
    /// without it the round is planned as `plan` does.
    #[arg(long, value_name = "PLAN.json")]
    pub plan: Option<PathBuf>,
    /// Add the rest of the term, simulated, as charts.
    #[arg(long)]
    pub simulate: bool,
    /// Add each conflict's evidence, kinship paths and relatives' names
    /// included (personal data: off by default).
    #[arg(long)]
    pub evidence: bool,
    #[arg(long, default_value = "60", value_name = "SECONDS", value_parser = args::time_limit)]
    pub time_limit: Duration,
}

pub fn run(a: &ReportArgs, w: &Words, out: &mut dyn Write) -> Result<u8, Failure> {
    let file = a.scenario.display().to_string();
    let mut drawn: Option<crate::draw::Draw> = None;
    let (sf, plan) = match &a.plan {
        Some(path) => {
            let opened = lifecycle::open(&a.scenario, path).map_err(|e| fail(w, None, e))?;
            if let Some(t) = report::lifecycle::stamp_warning(
                w,
                opened.stamp,
                &opened.plan.file,
                &opened.scenario.file,
            ) {
                warn(&t);
            }
            let s = &opened.scenario.scenario;
            let round = opened.scenario.round().map_err(|e| fail(w, Some(s), e))?;
            // Never print an unchecked roster.
            let breakdown = crate::roster_check::check(s, round, &opened.groups).map_err(|v| {
                Failure::input(anyhow!(crate::t!(
                    w,
                    "html-invalid-roster",
                    file = opened.plan.file.as_str(),
                    violations = report::lifecycle::briefs(w, s, &v, None)
                )))
            })?;
            let status = match opened.plan.status.as_deref() {
                Some("optimal") => Status::Optimal,
                _ => Status::Feasible { bound: None },
            };
            let plan = Plan {
                round: round.id.clone(),
                status,
                groups: opened.groups.clone(),
                breakdown: Some(breakdown),
                diagnosis: Vec::new(),
                suggestions: Vec::new(),
                changes: None,
                stats: SolveStats {
                    backend: "plan file",
                    variables: 0,
                    rows: 0,
                    seconds: 0.0,
                },
            };
            // A drawn roster (`xuncha draw --format json`): re-derive it
            // from its seed, so that the odds printed are the draw's own.
            if let Some(d) = redraw(w, path, s, round, a.time_limit)? {
                drawn = Some(d);
            }
            (opened.scenario, plan)
        }
        None => {
            let sf = lifecycle::ScenarioFile::read(&a.scenario).map_err(|e| fail(w, None, e))?;
            let s = &sf.scenario;
            let Some(round) = &s.round else {
                return Err(Failure::bad_input(w, CliError::NoRound { file }));
            };
            let opts = crate::solver::PlanOptions {
                time_limit: a.time_limit,
                ..Default::default()
            };
            let plan = crate::solver::plan(s, round, &opts)
                .map_err(|e| Failure::input(anyhow!(report::plan::plan_error(w, s, &e))))?;
            (sf, plan)
        }
    };
    let s = &sf.scenario;
    let round = sf.round().map_err(|e| fail(w, Some(s), e))?;
    let simulation = if a.simulate {
        let opts = crate::simulate::SimOptions::default();
        Some(
            crate::simulate::simulate(s, &opts)
                .map_err(|e| super::simulate::sim_failure(w, s, e))?,
        )
    } else {
        None
    };
    let html = report::html::render(
        w,
        &report::html::Input {
            scenario: s,
            file: &sf.file,
            bytes: sf.text.as_bytes(),
            round,
            plan: &plan,
            evidence: a.evidence,
            simulation: simulation.as_ref(),
            draw: drawn.as_ref(),
        },
    );
    emit(out, &html)?;
    Ok(if plan.status == Status::Infeasible {
        EXIT_INFEASIBLE
    } else {
        EXIT_OK
    })
}

/// When the plan file is a draw, the draw re-derived from its seed; a file
/// that does not match its seed (edited by hand) is refused.
fn redraw(
    w: &Words,
    path: &std::path::Path,
    s: &crate::Scenario,
    round: &crate::scenario::Round,
    time_limit: Duration,
) -> Result<Option<crate::draw::Draw>, Failure> {
    let name = path.display().to_string();
    let Ok(bytes) = crate::fsio::read(path) else {
        return Ok(None);
    };
    let Ok(doc) = serde_json::from_slice::<serde_json::Value>(&bytes) else {
        return Ok(None);
    };
    let seed = doc.pointer("/draw/seed").and_then(|v| v.as_str());
    let within = doc.pointer("/draw/within_pct").and_then(|v| v.as_f64());
    let (Some(seed), Some(within)) = (seed, within) else {
        return Ok(None);
    };
    let opts = crate::draw::DrawOptions {
        seed: seed.to_string(),
        within_pct: within,
        time_limit,
    };
    let d = crate::draw::draw(s, round, &opts)
        .map_err(|e| Failure::input(anyhow!(report::draw::draw_error(w, s, &e))))?;
    let again: serde_json::Value =
        serde_json::from_str(&report::draw::json(s, &d)).expect("our own JSON parses");
    let differences = report::draw::compare(&doc, &again);
    if !differences.is_empty() {
        return Err(Failure::input(anyhow!(report::draw::verdict(
            w,
            &name,
            &d,
            &differences
        )
        .trim_end()
        .to_string())));
    }
    Ok(Some(d))
}
