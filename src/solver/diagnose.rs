//! Why no roster exists, in plain language naming people, units and rules.
//!
//! First the counting arguments an office would make by hand (too few
//! leaders, a skill nobody eligible holds, …). When none applies, a
//! deletion filter over the model's row families finds a smallest set of
//! rules whose removal makes a roster possible, and each is turned into a
//! concrete suggestion.

use std::collections::BTreeSet;
use std::time::Duration;

use super::backend::{self, Outcome};
use super::instance::Instance;
use super::milp::Family;
use super::model::{Omit, RoundModel};
use crate::eligibility::Exclusion;
use crate::ids::{PersonIx, SkillIx, UnitIx};
use crate::recusal::Conflict;
use crate::report::conflicts::brief;
use crate::report::i18n::Words;
use crate::training::fmt_hours;

fn who(inst: &Instance, p: PersonIx) -> String {
    format!("{} ({})", inst.s.person_name(p), inst.s.person(p).id)
}

fn unit(inst: &Instance, u: UnitIx) -> String {
    format!("{} ({})", inst.s.unit_name(u), inst.s.unit(u).id)
}

fn skill<'a>(inst: &Instance<'a>, k: SkillIx) -> &'a str {
    inst.s.skill_name(k)
}

fn exclusion_brief(e: &Exclusion) -> String {
    match e {
        Exclusion::Unavailable(d) => format!("unavailable {}..{}", d.from, d.to),
        Exclusion::Training(st) if st.hours_short() => format!(
            "short of training ({} of {} h)",
            fmt_hours(st.hours),
            fmt_hours(st.required)
        ),
        Exclusion::Training(st) => st.describe(),
    }
}

/// Why `p` cannot sit in a group holding `units` (as leader when `lead`),
/// or `None` if they can.
fn why_out(inst: &Instance, p: PersonIx, units: &[UnitIx], lead: bool) -> Option<String> {
    let reasons = inst.eligibility.reasons(p);
    if !reasons.is_empty() {
        return Some(
            reasons
                .iter()
                .map(exclusion_brief)
                .collect::<Vec<_>>()
                .join("; "),
        );
    }
    let mut parts = Vec::new();
    for &u in units {
        let cs: Vec<&Conflict> = inst
            .recusal
            .between(p, u)
            .iter()
            .filter(|c| lead || !c.rule.leader_only())
            .collect();
        if !cs.is_empty() {
            let list: Vec<String> = cs
                .iter()
                .map(|c| brief(&Words::json(), inst.s, c))
                .collect();
            parts.push(format!(
                "conflicts with {} ({})",
                inst.s.unit_name(u),
                list.join("; ")
            ));
        }
    }
    (!parts.is_empty()).then(|| parts.join(", "))
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The counting arguments. Empty when none proves the round infeasible.
pub fn precheck(inst: &Instance) -> Vec<String> {
    let s = inst.s;
    let r = &inst.round.rules;
    let g = inst.groups();
    let n_units = inst.round.units.len();
    let mut out = Vec::new();
    let pool: Vec<PersonIx> = s.pool().collect();

    if inst.departments.len() > g {
        out.push(format!(
            "the round has {} but only {}, and no group may hold two departments (H2); raise `groups` to {} or move {} to a later round",
            plural(inst.departments.len(), "department", "departments"),
            plural(g, "group", "groups"),
            inst.departments.len(),
            plural(inst.departments.len() - g, "department", "departments"),
        ));
    }
    if n_units > g * r.max_units_per_group as usize {
        out.push(format!(
            "{} cannot fit in {} of at most {} units each (H1); raise `groups` to {} or `max_units_per_group`",
            plural(n_units, "unit", "units"),
            plural(g, "group", "groups"),
            r.max_units_per_group,
            n_units.div_ceil(r.max_units_per_group as usize),
        ));
    }
    if n_units < g {
        out.push(format!(
            "{} but only {}: every group needs at least one unit (H1); lower `groups` to {n_units}",
            plural(g, "group", "groups"),
            plural(n_units, "unit", "units"),
        ));
    }
    if !out.is_empty() {
        return out;
    }
    out.extend(pin_checks(inst));
    if !out.is_empty() {
        return out;
    }

    let excluded_summary = || {
        let unavailable = inst
            .eligibility
            .excluded
            .iter()
            .filter(|(_, e)| e.iter().any(|x| matches!(x, Exclusion::Unavailable(_))))
            .count();
        let training = inst
            .eligibility
            .excluded
            .iter()
            .filter(|(_, e)| e.iter().any(|x| matches!(x, Exclusion::Training(_))))
            .count();
        format!("{unavailable} unavailable, {training} short of training")
    };
    let seats = g * r.size_min as usize;
    if inst.people.len() < seats {
        out.push(format!(
            "{} of at least {} need {seats} members but only {} of {} pool members are available ({}) (H3, H7, H8); lower `group_size.min` to {} or `groups` to {}",
            plural(g, "group", "groups"),
            r.size_min,
            inst.people.len(),
            pool.len(),
            excluded_summary(),
            inst.people.len() / g,
            inst.people.len() / r.size_min as usize,
        ));
    }
    let leaders: Vec<PersonIx> = inst
        .people
        .iter()
        .copied()
        .filter(|p| s.person(*p).leader)
        .collect();
    if leaders.len() < g {
        let out_leaders: Vec<String> = pool
            .iter()
            .filter(|p| s.person(**p).leader && !inst.eligibility.is_available(**p))
            .map(|p| {
                format!(
                    "{} {}",
                    who(inst, *p),
                    why_out(inst, *p, &[], true).unwrap_or_default()
                )
            })
            .collect();
        let mut msg = format!(
            "{} need {} leaders but only {} may lead (H4)",
            plural(g, "group", "groups"),
            g,
            plural(
                leaders.len(),
                "available pool member",
                "available pool members"
            )
        );
        if !out_leaders.is_empty() {
            msg.push_str(&format!("; out: {}", out_leaders.join(", ")));
        }
        msg.push_str(&format!(
            "; lower `groups` to {} or add leaders to the pool",
            leaders.len()
        ));
        out.push(msg);
    }
    for &k in inst.required() {
        let holders = inst.people.iter().filter(|p| inst.has(**p, k)).count();
        if holders < g {
            let outs: Vec<String> = pool
                .iter()
                .filter(|p| inst.has(**p, k) && !inst.eligibility.is_available(**p))
                .map(|p| {
                    format!(
                        "{} {}",
                        who(inst, *p),
                        why_out(inst, *p, &[], false).unwrap_or_default()
                    )
                })
                .collect();
            let mut msg = format!(
                "every group needs {} (required_skills, H5) but only {} available pool members have it",
                skill(inst, k),
                holders
            );
            if !outs.is_empty() {
                msg.push_str(&format!("; out: {}", outs.join(", ")));
            }
            out.push(msg);
        }
    }
    if let Some(max) = r.max_retired_per_group {
        let active = inst
            .people
            .iter()
            .filter(|p| !s.person(**p).retired)
            .count();
        if active + g * (max as usize) < seats {
            out.push(format!(
                "{} of at least {} need {seats} members; with at most {max} retired per group (H9) only {} are possible ({active} available members not retired); raise `max_retired_per_group` or lower `group_size.min`",
                plural(g, "group", "groups"),
                r.size_min,
                active + g * max as usize
            ));
        }
    }
    // Per unit: someone to lead it, people to staff it, each skill it needs.
    for &u in &inst.round.units {
        let lead_ok: Vec<PersonIx> = leaders
            .iter()
            .copied()
            .filter(|p| inst.recusal.leader_ok(*p, u) && inst.recusal.member_ok(*p, u))
            .collect();
        if lead_ok.is_empty() {
            let outs: Vec<String> = pool
                .iter()
                .filter(|p| s.person(**p).leader)
                .filter_map(|p| {
                    why_out(inst, *p, &[u], true).map(|w| format!("{} {w}", who(inst, *p)))
                })
                .collect();
            out.push(format!(
                "nobody may lead the group holding {} (H4, H6): {}; add a waiver after review, or move {} to a later round",
                unit(inst, u),
                if outs.is_empty() { "the pool has no leaders".to_string() } else { outs.join(", ") },
                s.unit_name(u)
            ));
        }
        let staff = inst
            .people
            .iter()
            .filter(|p| inst.recusal.member_ok(**p, u))
            .count();
        if staff < r.size_min as usize {
            out.push(format!(
                "the group holding {} needs {} members but only {staff} available pool members have no conflict with it (H3, H6)",
                unit(inst, u),
                r.size_min
            ));
        }
        for &k in &s.unit(u).requires {
            let ok = inst
                .people
                .iter()
                .filter(|p| inst.has(**p, k) && inst.recusal.member_ok(**p, u))
                .count();
            if ok == 0 {
                let with: Vec<PersonIx> =
                    pool.iter().copied().filter(|p| inst.has(*p, k)).collect();
                let outs: Vec<String> = with
                    .iter()
                    .filter_map(|p| {
                        why_out(inst, *p, &[u], false).map(|w| format!("{} {w}", who(inst, *p)))
                    })
                    .collect();
                out.push(if with.is_empty() {
                    format!(
                        "the group holding {} needs {} (H5) and no pool member has it; add such a member to the pool",
                        unit(inst, u),
                        skill(inst, k)
                    )
                } else {
                    format!(
                        "the group holding {} needs {} (H5); all {} with {} are out: {}",
                        unit(inst, u),
                        skill(inst, k),
                        plural(with.len(), "pool member", "pool members"),
                        skill(inst, k),
                        outs.join(", ")
                    )
                });
            }
        }
    }
    out
}

/// Pins that cannot hold whatever else happens.
fn pin_checks(inst: &Instance) -> Vec<String> {
    let s = inst.s;
    let mut out = Vec::new();
    let in_round = |u: UnitIx| inst.round.units.contains(&u);
    for (list, lead) in [(&inst.pins.serves, false), (&inst.pins.leads, true)] {
        let verb = if lead { "leads" } else { "serves with" };
        for &(p, u) in list {
            let pin = format!("pin \"{} {verb} {}\"", who(inst, p), unit(inst, u));
            if !in_round(u) {
                out.push(format!(
                    "{pin}: {} is not inspected this round",
                    s.unit_name(u)
                ));
            } else if inst.pins.sits_out.contains(&p) {
                out.push(format!("{pin}: another pin has them sit this round out"));
            } else if !s.person(p).pool {
                out.push(format!("{pin}: they are not in the pool"));
            } else if lead && !s.person(p).leader {
                out.push(format!("{pin}: they may not lead (leader: false)"));
            } else if let Some(why) = why_out(inst, p, &[u], lead) {
                out.push(format!("{pin}: {why}"));
            }
        }
    }
    for &(u, v) in &inst.pins.together {
        let pin = format!("pin \"{} with {}\"", unit(inst, u), unit(inst, v));
        if !in_round(u) || !in_round(v) {
            out.push(format!("{pin}: both must be inspected this round"));
        } else if inst.pinned_group(u).is_some() && inst.pinned_group(v).is_some() {
            out.push(format!("{pin}: no group may hold two departments (H2)"));
        } else if inst.round.rules.max_units_per_group < 2 {
            out.push(format!("{pin}: `max_units_per_group` is 1"));
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

/// A smallest set of rule families whose removal makes a roster possible,
/// as sentences. `limit` bounds each feasibility test.
pub fn deletion_filter(inst: &Instance, limit: Duration) -> Vec<String> {
    let mut omit: Omit = RELAXABLE.iter().copied().collect();
    match feasible(inst, &omit, limit) {
        Some(true) => {}
        Some(false) => {
            return vec![
                "the units cannot be split into the round's groups even without the staffing rules (H1, H2)".to_string(),
            ]
        }
        None => return vec!["the solver ran out of time while looking for the reason; raise --time-limit".to_string()],
    }
    let mut needed = BTreeSet::new();
    for f in RELAXABLE {
        omit.remove(&f);
        match feasible(inst, &omit, limit) {
            Some(true) => {}
            Some(false) => {
                omit.insert(f);
                needed.insert(f);
            }
            None => {
                omit.insert(f);
                needed.insert(f);
            }
        }
    }
    if needed.len() == 1 && needed.contains(&Family::Pin) {
        return clashing_pins(inst, limit);
    }
    let out = vec![format!(
        "no roster satisfies all rules together, though each counting check passes; a roster exists once {} {} relaxed",
        needed.iter().map(|f| describe(*f)).collect::<Vec<_>>().join(" and "),
        if needed.len() == 1 { "is" } else { "are" }
    )];
    // What to change is offered separately, each change verified
    // (solver/suggest.rs): a relaxed rule family is not an edit.
    out
}

/// One pin, as the office wrote it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pin {
    Lead(PersonIx, UnitIx),
    Serve(PersonIx, UnitIx),
    SitOut(PersonIx),
    Together(UnitIx, UnitIx),
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

fn pin_words(inst: &Instance, pin: Pin) -> String {
    match pin {
        Pin::Lead(p, u) => format!("{} leads the group holding {}", who(inst, p), unit(inst, u)),
        Pin::Serve(p, u) => format!("{} serves with {}", who(inst, p), unit(inst, u)),
        Pin::SitOut(p) => format!("{} sits this round out", who(inst, p)),
        Pin::Together(u, v) => format!("{} and {} go together", unit(inst, u), unit(inst, v)),
    }
}

/// A smallest set of pins that cannot hold together with every rule
/// (a deletion filter over single pins).
fn clashing_pins(inst: &Instance, limit: Duration) -> Vec<String> {
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
    let list: Vec<String> = kept
        .iter()
        .map(|p| format!("\"{}\"", pin_words(inst, *p)))
        .collect();
    vec![
        format!(
            "the pins cannot all hold: {} {} no roster that keeps every rule",
            list.join(" and "),
            if kept.len() == 1 {
                "leaves"
            } else {
                "together leave"
            }
        ),
        "suggestion: drop or change one of these pins".to_string(),
    ]
}

fn describe(f: Family) -> String {
    let what = match f {
        Family::Apart => "kin and `apart` pairs kept apart",
        Family::Retired => "the limit on retired members",
        Family::LeaderConflict => "the leaders' stricter conflicts",
        Family::UnitSkill => "the skills units require",
        Family::RequiredSkill => "the skills every group requires",
        Family::Conflict => "the members' conflicts",
        Family::SizeMin => "the minimum group size",
        Family::Once => "serving in one group only",
        Family::Pin => "the pins",
        _ => "a structural rule",
    };
    format!("{what} ({})", f.rule())
}
