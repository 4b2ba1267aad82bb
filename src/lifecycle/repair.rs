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
use crate::roster_check;
use crate::scenario::{Group, Round, Scenario, Statement};
use crate::score::{self, Breakdown};
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
        ..Default::default()
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
        before: score::breakdown(&scenario, round, reference),
        scenario,
        reference: reference.to_vec(),
        plan,
        diff,
    })
}
