//! `xuncha repair`: re-plan a published roster with the least disruption
//! after someone drops out or a conflict surfaces.
//!
//! The scenario is changed in memory only: a dropped person leaves the pool
//! (`pool: false`), an added conflict becomes a `declared` entry (reason
//! "added by repair") and lifts any waiver of the same person and unit.
//! The solver then finds the fewest changed seats ([`super::diff`]) and,
//! among rosters with that many, the best objective; [`super::settle`]
//! then undoes unit moves and changes of leader that gain nothing.

use std::time::Duration;

use super::diff::{self, RosterDiff};
use super::settle;
use crate::ids::{PersonIx, UnitIx};
use crate::report;
use crate::roster_check;
use crate::scenario::{Group, Round, Scenario, Statement};
use crate::score::{self, person_label, unit_label, Breakdown};
use crate::solver::{self, Pins, Plan, PlanError, PlanOptions, Status};

/// The reason written on a conflict `repair --add-conflict` adds.
pub const ADDED_REASON: &str = "added by repair";

/// What changed since the roster was planned.
#[derive(Debug, Clone, Default)]
pub struct RepairRequest {
    /// People who can no longer serve.
    pub drop: Vec<PersonIx>,
    /// Conflicts that surfaced: (person, unit).
    pub add_conflicts: Vec<(PersonIx, UnitIx)>,
    /// Decisions to keep whatever happens.
    pub pins: Pins,
}

/// The scenario with the request's changes.
pub fn changed_scenario(s: &Scenario, req: &RepairRequest) -> Scenario {
    let mut s = s.clone();
    for p in &req.drop {
        s.people[p.ix()].pool = false;
    }
    for &(p, u) in &req.add_conflicts {
        s.recusal.waived.retain(|w| !(w.person == p && w.unit == u));
        s.recusal.declared.push(Statement {
            person: p,
            unit: u,
            reason: ADDED_REASON.to_string(),
        });
    }
    s
}

/// A repaired roster and what it changed.
#[derive(Debug, Clone)]
pub struct Repaired {
    /// The scenario the repair planned against (with the request's changes).
    pub scenario: Scenario,
    pub reference: Vec<Group>,
    /// The old roster's soft terms.
    pub before: Breakdown,
    pub plan: Plan,
    /// `None` when no roster exists.
    pub diff: Option<RosterDiff>,
}

/// Repair `reference` for `round` of `s` after the changes of `req`.
pub fn repair(
    s: &Scenario,
    round: &Round,
    reference: &[Group],
    req: &RepairRequest,
    time_limit: Duration,
) -> Result<Repaired, PlanError> {
    let scenario = changed_scenario(s, req);
    let opts = PlanOptions {
        time_limit,
        pins: req.pins.clone(),
        reference: Some(reference.to_vec()),
    };
    let mut plan = solver::plan(&scenario, round, &opts)?;
    if plan.status != Status::Infeasible {
        let settled = settle::settle(&scenario, round, reference, plan.groups.clone());
        if settled != plan.groups {
            if let Ok(b) = roster_check::check(&scenario, round, &settled) {
                let seats = diff::changed_seats(reference, &settled);
                plan.changes = plan.changes.map(|(_, proven)| (seats, proven));
                plan.breakdown = Some(b);
                plan.groups = settled;
            }
        }
    }
    let diff = (plan.status != Status::Infeasible).then(|| diff::diff(reference, &plan.groups));
    Ok(Repaired {
        before: score::breakdown(&scenario, reference),
        scenario,
        reference: reference.to_vec(),
        plan,
        diff,
    })
}

/// The report for people: what changed, then the new roster.
pub fn table(w: &report::i18n::Words, r: &Repaired, req: &RepairRequest) -> String {
    let s = &r.scenario;
    let mut out = String::new();
    let head = format!("repair of round {}", r.plan.round);
    match (&r.diff, &r.plan.breakdown) {
        (Some(d), Some(b)) => {
            let proof = match r.plan.changes {
                Some((_, true)) => "fewest possible",
                _ => "fewest found; the time limit stopped the proof",
            };
            let seats = if d.changed_seats == 1 {
                "seat changes"
            } else {
                "seats change"
            };
            out.push_str(&format!(
                "{head}: {} {seats} ({proof}), score {} → {}\n",
                d.changed_seats, r.before.objective.total, b.objective.total
            ));
        }
        _ => out.push_str(&format!(
            "{head}: no roster satisfies every rule with these changes\n"
        )),
    }
    for p in &req.drop {
        let seat = r
            .reference
            .iter()
            .position(|g| g.members.contains(p))
            .map(|g| format!("was in group {}", g + 1))
            .unwrap_or_else(|| "was not in the roster".to_string());
        out.push_str(&format!("  dropped: {} ({seat})\n", person_label(s, *p)));
    }
    for (p, u) in &req.add_conflicts {
        out.push_str(&format!(
            "  new conflict: {} with {} (R5, {ADDED_REASON})\n",
            person_label(s, *p),
            unit_label(s, *u)
        ));
    }
    out.push('\n');
    if let Some(d) = &r.diff {
        out.push_str("changes:\n");
        out.push_str(&diff::render(s, &r.reference, &r.plan.groups, d));
        out.push('\n');
    }
    out.push_str(&report::plan::table(w, s, &r.plan, false));
    out
}
