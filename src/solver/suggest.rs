//! What to change when no roster exists, each change tried before it is
//! offered (issue 16).
//!
//! A diagnosis names the rules that clash; an office needs an edit it can
//! make. Candidate edits of the round and the recusal policy are generated
//! from least to most disruptive, each applied to a copy of the scenario
//! and kept only if the counting checks pass and the model finds a roster
//! within a short budget. Single edits first, then pairs of the most
//! promising ones. What is returned is data; `report/` words it, and
//! [`Change::path`] and [`Change::value`] give the edit as FORMAT.md names
//! the fields, so that a program can apply it.

use std::time::{Duration, Instant};

use serde_json::{json, Value};

use super::diagnose;
use super::instance::Instance;
use crate::ids::{PersonIx, SkillIx, UnitIx};
use crate::scenario::{Round, Scenario, Statement};

/// One edit of the scenario.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// `round.groups`.
    Groups(u32),
    /// `round.max_units_per_group`.
    MaxUnitsPerGroup(u32),
    /// `round.group_size.min`.
    GroupSizeMin(u32),
    /// `round.max_retired_per_group`.
    MaxRetired(u32),
    /// `round.required_skills` without this skill.
    DropRequiredSkill(SkillIx),
    /// `round.units` without this unit: it moves to a later round.
    PostponeUnit(UnitIx),
    /// A `recusal.waived` entry, after the office's review.
    Waive { person: PersonIx, unit: UnitIx },
}

/// An edit (one or more changes) and whether it was verified.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    pub changes: Vec<Change>,
    /// `true`: the round plans once the changes are applied (counting
    /// checks pass and the model found a roster).
    pub verified: bool,
}

/// The reason written into a suggested waiver.
pub const WAIVER_REASON: &str = "suggested by xuncha: review before adopting";

impl Change {
    /// `set` or `add` (append to a list).
    pub fn op(&self) -> &'static str {
        match self {
            Change::Waive { .. } => "add",
            _ => "set",
        }
    }

    /// The dotted FORMAT.md path the change edits.
    pub fn path(&self) -> &'static str {
        match self {
            Change::Groups(_) => "round.groups",
            Change::MaxUnitsPerGroup(_) => "round.max_units_per_group",
            Change::GroupSizeMin(_) => "round.group_size.min",
            Change::MaxRetired(_) => "round.max_retired_per_group",
            Change::DropRequiredSkill(_) => "round.required_skills",
            Change::PostponeUnit(_) => "round.units",
            Change::Waive { .. } => "recusal.waived",
        }
    }

    /// The value to set or add, as it would be written in the scenario
    /// (lists are written whole).
    pub fn value(&self, s: &Scenario, round: &Round) -> Value {
        match self {
            Change::Groups(n)
            | Change::MaxUnitsPerGroup(n)
            | Change::GroupSizeMin(n)
            | Change::MaxRetired(n) => json!(n),
            Change::DropRequiredSkill(k) => json!(round
                .rules
                .required_skills
                .iter()
                .filter(|x| *x != k)
                .map(|x| s.skill_name(*x))
                .collect::<Vec<_>>()),
            Change::PostponeUnit(u) => json!(round
                .units
                .iter()
                .filter(|x| *x != u)
                .map(|x| s.unit(*x).id.as_str())
                .collect::<Vec<_>>()),
            Change::Waive { person, unit } => json!({
                "person": s.person(*person).id,
                "unit": s.unit(*unit).id,
                "reason": WAIVER_REASON,
            }),
        }
    }
}

/// `s` and `round` with `changes` applied.
pub fn apply(s: &Scenario, round: &Round, changes: &[Change]) -> (Scenario, Round) {
    let mut s = s.clone();
    let mut r = round.clone();
    for c in changes {
        match *c {
            Change::Groups(n) => r.rules.groups = n,
            Change::MaxUnitsPerGroup(n) => r.rules.max_units_per_group = n,
            Change::GroupSizeMin(n) => r.rules.size_min = n,
            Change::MaxRetired(n) => r.rules.max_retired_per_group = Some(n),
            Change::DropRequiredSkill(k) => r.rules.required_skills.retain(|x| *x != k),
            Change::PostponeUnit(u) => r.units.retain(|x| *x != u),
            Change::Waive { person, unit } => s.recusal.waived.push(Statement {
                person,
                unit,
                reason: WAIVER_REASON.to_string(),
            }),
        }
    }
    s.round = Some(r.clone());
    (s, r)
}

/// Whether the round plans with `changes`: `Some(true)` verified,
/// `Some(false)` not, `None` unknown within `limit`.
fn plans(inst: &Instance, changes: &[Change], limit: Duration) -> Option<bool> {
    let (s, r) = apply(inst.s, inst.round, changes);
    let trial = Instance::with(&s, &r, inst.pins.clone(), None);
    if !diagnose::precheck(&trial).is_empty() {
        return Some(false);
    }
    diagnose::feasible(&trial, &Default::default(), limit)
}

/// Candidate changes, least disruptive first: rules of the round relaxed
/// by one step, then units postponed, then waivers.
fn candidates(inst: &Instance) -> Vec<Change> {
    let s = inst.s;
    let r = &inst.round.rules;
    let g = r.groups as usize;
    let units = inst.round.units.len();
    let departments = inst.departments.len();
    let mut out = Vec::new();
    if r.size_min > 1 {
        out.push(Change::GroupSizeMin(r.size_min - 1));
    }
    if let Some(max) = r.max_retired_per_group {
        out.push(Change::MaxRetired(max + 1));
    }
    // Fewer groups only where the counting checks still allow it, more
    // groups only where they ask for it: never advice that sends the
    // office in a circle.
    let fits = |groups: usize, max_units: usize| {
        groups >= 1 && groups >= departments && groups <= units && units <= groups * max_units
    };
    let max_units = r.max_units_per_group as usize;
    if g > 1 && fits(g - 1, max_units) {
        out.push(Change::Groups(r.groups - 1));
    }
    if (departments > g || units > g * max_units) && fits(g + 1, max_units) {
        out.push(Change::Groups(r.groups + 1));
    }
    if units > g * max_units || !fits(g, max_units) {
        out.push(Change::MaxUnitsPerGroup(r.max_units_per_group + 1));
    }
    for &k in inst.required() {
        out.push(Change::DropRequiredSkill(k));
    }
    if r.size_min > 2 {
        out.push(Change::GroupSizeMin(r.size_min - 2));
    }
    // Units, the most conflicted first; a unit nobody may lead leads.
    let mut ranked: Vec<(bool, usize, UnitIx)> = inst
        .round
        .units
        .iter()
        .map(|&u| {
            let leaders = inst
                .people
                .iter()
                .filter(|p| {
                    s.person(**p).leader
                        && inst.recusal.leader_ok(**p, u)
                        && inst.recusal.member_ok(**p, u)
                })
                .count();
            let conflicted = inst
                .people
                .iter()
                .filter(|p| !inst.recusal.member_ok(**p, u))
                .count();
            (leaders > 0, usize::MAX - conflicted, u)
        })
        .collect();
    ranked.sort();
    if units > 1 {
        out.extend(
            ranked
                .iter()
                .take(4)
                .map(|(_, _, u)| Change::PostponeUnit(*u)),
        );
    }
    // Waivers: for a unit nobody may lead, the leader with the fewest
    // conflicts there, never one who works there (R1).
    for (has_leader, _, u) in &ranked {
        if *has_leader {
            continue;
        }
        let mut best: Option<(usize, PersonIx)> = None;
        for &p in &inst.people {
            if !s.person(p).leader {
                continue;
            }
            let cs = inst.recusal.between(p, *u);
            if cs.is_empty() || cs.iter().any(|c| c.rule == crate::recusal::Rule::R1) {
                continue;
            }
            if best.is_none_or(|(n, _)| cs.len() < n) {
                best = Some((cs.len(), p));
            }
        }
        if let Some((_, p)) = best {
            out.push(Change::Waive {
                person: p,
                unit: *u,
            });
        }
    }
    out.dedup();
    out
}

/// Up to `want` verified suggestions within `budget`: single changes, then
/// pairs. Empty when none was found in the budget.
pub fn suggestions(inst: &Instance, budget: Duration, want: usize) -> Vec<Suggestion> {
    let began = Instant::now();
    let left = || budget.saturating_sub(began.elapsed());
    let per_try = (budget / 4).max(Duration::from_millis(200));
    let cands = candidates(inst);
    let mut found = Vec::new();
    let mut tried_alone = Vec::new();
    for c in &cands {
        if found.len() >= want || left().is_zero() {
            return found;
        }
        // A bigger step on a path a verified suggestion already sets is
        // more disruption for nothing.
        let settled = found.iter().any(|f| {
            f.changes.len() == 1 && f.changes[0].op() == "set" && f.changes[0].path() == c.path()
        });
        if settled {
            continue;
        }
        let changes = vec![c.clone()];
        if plans(inst, &changes, per_try.min(left())) == Some(true) {
            found.push(Suggestion {
                changes,
                verified: true,
            });
        } else {
            tried_alone.push(c.clone());
        }
    }
    if !found.is_empty() {
        return found;
    }
    // No single change is enough: pairs of the first few, where both
    // change different things.
    let first: Vec<&Change> = tried_alone.iter().take(6).collect();
    for (i, a) in first.iter().enumerate() {
        for b in &first[i + 1..] {
            if a.path() == b.path() && a.op() == "set" {
                continue;
            }
            if found.len() >= want || left().is_zero() {
                return found;
            }
            let changes = vec![(*a).clone(), (*b).clone()];
            if plans(inst, &changes, per_try.min(left())) == Some(true) {
                found.push(Suggestion {
                    changes,
                    verified: true,
                });
            }
        }
    }
    found
}
