//! Why no roster exists: which rule, which people, units and counts, as
//! [`Finding`]s (worded by `report/diagnosis.rs`).
//!
//! First the counting arguments an office would make by hand (too few
//! leaders, a skill nobody eligible holds, …). When none applies, a
//! deletion filter over the model's row families finds a smallest set of
//! rules whose removal makes a roster possible.

use std::collections::BTreeSet;
use std::time::Duration;

use super::backend::{self, Outcome};
use super::finding::{Finding, Out, PersonOut, Pin, PinProblem};
use super::instance::Instance;
use super::milp::Family;
use super::model::{Omit, RoundModel};
use crate::eligibility::Exclusion;
use crate::ids::{PersonIx, UnitIx};

/// Why `p` cannot sit in a group holding `units` (as leader when `lead`),
/// or `None` if they can.
fn why_out(inst: &Instance, p: PersonIx, units: &[UnitIx], lead: bool) -> Option<Out> {
    let reasons = inst.eligibility.reasons(p);
    if !reasons.is_empty() {
        return Some(Out::Excluded(reasons.to_vec()));
    }
    let conflicts: Vec<_> = units
        .iter()
        .filter_map(|&u| {
            let cs: Vec<_> = inst
                .recusal
                .between(p, u)
                .iter()
                .filter(|c| lead || !c.rule.leader_only())
                .cloned()
                .collect();
            (!cs.is_empty()).then_some((u, cs))
        })
        .collect();
    (!conflicts.is_empty()).then_some(Out::Conflicts(conflicts))
}

/// `why_out` for each of `people` who is out.
fn outs(
    inst: &Instance,
    people: impl Iterator<Item = PersonIx>,
    units: &[UnitIx],
    lead: bool,
) -> Vec<PersonOut> {
    people
        .filter_map(|p| why_out(inst, p, units, lead).map(|why| PersonOut { person: p, why }))
        .collect()
}

/// The counting arguments. Empty when none proves the round infeasible.
pub fn precheck(inst: &Instance) -> Vec<Finding> {
    let s = inst.s;
    let r = &inst.round.rules;
    let g = inst.groups();
    let n_units = inst.round.units.len();
    let mut out = Vec::new();
    let pool: Vec<PersonIx> = s.pool().collect();

    if inst.departments.len() > g {
        out.push(Finding::TooManyDepartments {
            departments: inst.departments.len(),
            groups: g,
        });
    }
    if n_units > g * r.max_units_per_group as usize {
        out.push(Finding::UnitsDoNotFit {
            units: n_units,
            groups: g,
            max_per_group: r.max_units_per_group,
        });
    }
    if n_units < g {
        out.push(Finding::TooFewUnits {
            groups: g,
            units: n_units,
        });
    }
    if !out.is_empty() {
        return out;
    }
    out.extend(pin_checks(inst));
    if !out.is_empty() {
        return out;
    }

    let seats = g * r.size_min as usize;
    if inst.people.len() < seats {
        let count = |f: fn(&Exclusion) -> bool| {
            inst.eligibility
                .excluded
                .iter()
                .filter(|(_, e)| e.iter().any(f))
                .count()
        };
        out.push(Finding::TooFewPeople {
            groups: g,
            size_min: r.size_min,
            available: inst.people.len(),
            pool: pool.len(),
            unavailable: count(|x| matches!(x, Exclusion::Unavailable(_))),
            short_of_training: count(|x| matches!(x, Exclusion::Training(_))),
            out_of_rotation: count(|x| matches!(x, Exclusion::Pool(_))),
        });
    }
    let leaders: Vec<PersonIx> = inst
        .people
        .iter()
        .copied()
        .filter(|p| s.person(*p).leader)
        .collect();
    if leaders.len() < g {
        let unavailable = pool
            .iter()
            .copied()
            .filter(|p| s.person(*p).leader && !inst.eligibility.is_available(*p));
        out.push(Finding::TooFewLeaders {
            groups: g,
            leaders: leaders.len(),
            out: outs(inst, unavailable, &[], true),
        });
    }
    for &k in inst.required() {
        let holders = inst.people.iter().filter(|p| inst.has(**p, k)).count();
        if holders < g {
            let unavailable = pool
                .iter()
                .copied()
                .filter(|p| inst.has(*p, k) && !inst.eligibility.is_available(*p));
            out.push(Finding::RequiredSkillShort {
                skill: k,
                groups: g,
                holders,
                out: outs(inst, unavailable, &[], false),
            });
        }
    }
    if let Some(max) = r.max_retired_per_group {
        let active = inst
            .people
            .iter()
            .filter(|p| !s.person(**p).retired)
            .count();
        if active + g * (max as usize) < seats {
            out.push(Finding::TooManyRetired {
                groups: g,
                size_min: r.size_min,
                max_retired: max,
                active,
            });
        }
    }
    // Per unit: someone to lead it, people to staff it, each skill it needs.
    for &u in &inst.round.units {
        let lead_ok = leaders
            .iter()
            .any(|p| inst.recusal.leader_ok(*p, u) && inst.recusal.member_ok(*p, u));
        if !lead_ok {
            let pool_leaders = pool.iter().copied().filter(|p| s.person(*p).leader);
            out.push(Finding::NobodyMayLead {
                unit: u,
                out: outs(inst, pool_leaders, &[u], true),
            });
        }
        let staff = inst
            .people
            .iter()
            .filter(|p| inst.recusal.member_ok(**p, u))
            .count();
        if staff < r.size_min as usize {
            out.push(Finding::UnitUnderstaffed {
                unit: u,
                size_min: r.size_min,
                staff,
            });
        }
        for &k in &s.unit(u).requires {
            let ok = inst
                .people
                .iter()
                .any(|p| inst.has(*p, k) && inst.recusal.member_ok(*p, u));
            if !ok {
                let with: Vec<PersonIx> =
                    pool.iter().copied().filter(|p| inst.has(*p, k)).collect();
                out.push(Finding::UnitSkillMissing {
                    unit: u,
                    skill: k,
                    holders: with.len(),
                    out: outs(inst, with.into_iter(), &[u], false),
                });
            }
        }
    }
    out
}

/// Pins that cannot hold whatever else happens.
fn pin_checks(inst: &Instance) -> Vec<Finding> {
    let s = inst.s;
    let mut out = Vec::new();
    let in_round = |u: UnitIx| inst.round.units.contains(&u);
    for (list, lead) in [(&inst.pins.serves, false), (&inst.pins.leads, true)] {
        for &(p, u) in list {
            let pin = if lead {
                Pin::Lead(p, u)
            } else {
                Pin::Serve(p, u)
            };
            let problem = if !in_round(u) {
                Some(PinProblem::UnitNotInRound)
            } else if inst.pins.sits_out.contains(&p) {
                Some(PinProblem::SitsOut)
            } else if !s.person(p).pool {
                Some(PinProblem::NotInPool)
            } else if lead && !s.person(p).leader {
                Some(PinProblem::NotLeader)
            } else {
                why_out(inst, p, &[u], lead).map(PinProblem::Out)
            };
            if let Some(problem) = problem {
                out.push(Finding::PinCannotHold { pin, problem });
            }
        }
    }
    for &(u, v) in &inst.pins.together {
        let problem = if !in_round(u) || !in_round(v) {
            Some(PinProblem::NotBothInRound)
        } else if inst.pinned_group(u).is_some() && inst.pinned_group(v).is_some() {
            Some(PinProblem::TwoDepartments)
        } else if inst.round.rules.max_units_per_group < 2 {
            Some(PinProblem::OneUnitPerGroup)
        } else {
            None
        };
        if let Some(problem) = problem {
            out.push(Finding::PinCannotHold {
                pin: Pin::Together(u, v),
                problem,
            });
        }
    }
    out
}

/// Families a deletion filter may drop, in the order they are tried.
/// The office's pins come last: when they clash with the rules, it is the
/// pins that are reported, pin by pin.
const RELAXABLE: [Family; 9] = [
    Family::Apart,
    Family::Retired,
    Family::LeaderConflict,
    Family::UnitSkill,
    Family::RequiredSkill,
    Family::Conflict,
    Family::SizeMin,
    Family::Once,
    Family::Pin,
];

pub(super) fn feasible(inst: &Instance, omit: &Omit, limit: Duration) -> Option<bool> {
    let mut model = RoundModel::build(inst, omit, 0);
    for v in &mut model.milp.vars {
        v.cost = 0.0;
    }
    match backend::solve(&model.milp, limit, false, None, None) {
        Outcome::Optimal(_) | Outcome::Stopped(..) => Some(true),
        Outcome::Infeasible => Some(false),
        Outcome::Unknown | Outcome::Error(_) => None,
    }
}

/// A smallest set of rule families whose removal makes a roster possible.
/// `limit` bounds each feasibility test.
pub fn deletion_filter(inst: &Instance, limit: Duration) -> Vec<Finding> {
    let mut omit: Omit = RELAXABLE.iter().copied().collect();
    match feasible(inst, &omit, limit) {
        Some(true) => {}
        Some(false) => return vec![Finding::SplitImpossible],
        None => return vec![Finding::TimedOut],
    }
    let mut needed = BTreeSet::new();
    for f in RELAXABLE {
        omit.remove(&f);
        if feasible(inst, &omit, limit) != Some(true) {
            omit.insert(f);
            needed.insert(f);
        }
    }
    if needed.len() == 1 && needed.contains(&Family::Pin) {
        return vec![clashing_pins(inst, limit)];
    }
    // What to change is offered separately, each change verified
    // (solver/suggest.rs): a relaxed rule family is not an edit.
    vec![Finding::RulesClash {
        relaxed: needed.into_iter().collect(),
    }]
}

fn pins_of(p: &super::pins::Pins) -> Vec<Pin> {
    let mut out: Vec<Pin> = p.leads.iter().map(|&(a, u)| Pin::Lead(a, u)).collect();
    out.extend(p.serves.iter().map(|&(a, u)| Pin::Serve(a, u)));
    out.extend(p.sits_out.iter().map(|&a| Pin::SitOut(a)));
    out.extend(p.together.iter().map(|&(u, v)| Pin::Together(u, v)));
    out
}

fn pins_from(list: &[Pin]) -> super::pins::Pins {
    let mut p = super::pins::Pins::default();
    for pin in list {
        match *pin {
            Pin::Lead(a, u) => p.leads.push((a, u)),
            Pin::Serve(a, u) => p.serves.push((a, u)),
            Pin::SitOut(a) => p.sits_out.push(a),
            Pin::Together(u, v) => p.together.push((u, v)),
        }
    }
    p
}

/// A smallest set of pins that cannot hold together with every rule
/// (a deletion filter over single pins).
fn clashing_pins(inst: &Instance, limit: Duration) -> Finding {
    let all = pins_of(&inst.pins);
    let mut kept = all.clone();
    for pin in &all {
        let trial: Vec<Pin> = kept.iter().copied().filter(|q| q != pin).collect();
        let mut candidate = inst.clone();
        candidate.pins = pins_from(&trial);
        // Sitting out removes the person from the candidates.
        candidate.people = inst
            .eligibility
            .available
            .iter()
            .copied()
            .filter(|p| !candidate.pins.sits_out.contains(p))
            .collect();
        if feasible(&candidate, &Omit::new(), limit) == Some(false) {
            kept = trial;
        }
    }
    Finding::PinsClash { pins: kept }
}
