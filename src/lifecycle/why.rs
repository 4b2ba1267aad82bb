//! `xuncha why`: why a person sits where they sit, and what it would take
//! to seat them elsewhere.
//!
//! For a member of the roster: their conflicts with the group's units (none,
//! or waived ones with the waiver), the skills they bring that the group
//! needs and who else holds them, who else may lead, their past load and
//! their part of the score. Then, for every other group (or the one holding
//! `--unit`), the cheapest valid way to move them there (moving them if
//! sizes allow, or swapping them with a member) and what it would cost, or
//! why no way works. For someone outside the roster: why they cannot serve,
//! or what bringing them into each group would take.

use super::explain::{self, group_label, Attempt, Trial};
use super::replace::{needs, rounds_served};
use crate::eligibility::{self, Exclusion};
use crate::ids::{PersonIx, UnitIx};
use crate::recusal::{Recusal, Scope};
use crate::roster_check::Violation;
use crate::scenario::{Group, Round, Scenario};
use crate::score::{person_label, Breakdown};
use crate::training::fmt_hours;

/// One way to seat the person in a group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Move {
    /// Move from their group (or, from outside, join) without anyone leaving.
    Join,
    /// Trade seats with this member (from outside: take their seat).
    Swap(PersonIx),
}

/// What seating the person in one group would take.
#[derive(Debug, Clone)]
pub struct Prospect {
    pub group: usize,
    /// The cheapest valid way, the roster it makes and its score.
    pub best: Option<(Move, Vec<Group>, Breakdown)>,
    /// With no valid way: reasons that hold for every way tried.
    pub always: Vec<String>,
    /// With no valid way and no common reason: the way breaking least.
    pub closest: Option<(Move, Vec<Violation>)>,
}

/// The answer to `why`.
#[derive(Debug, Clone)]
pub struct Why {
    pub person: PersonIx,
    /// (group, leads), `None` when outside the roster.
    pub seat: Option<(usize, bool)>,
    pub before: Breakdown,
    pub already: Vec<Violation>,
    /// Why they cannot serve this round at all (outside the roster only).
    pub out: Vec<String>,
    pub prospects: Vec<Prospect>,
    /// `--unit` named a unit of their own group.
    pub unit_in_own_group: bool,
}

fn exclusion_brief(e: &Exclusion) -> String {
    match e {
        Exclusion::Unavailable(d) => format!("unavailable {}..{}", d.from, d.to),
        Exclusion::Training(st) => format!(
            "short of training ({} of {} h)",
            fmt_hours(st.hours),
            fmt_hours(st.required)
        ),
    }
}

/// Explain `person`'s place in `groups`; with `unit`, only the group holding it.
pub fn why(
    s: &Scenario,
    round: &Round,
    groups: &[Group],
    person: PersonIx,
    unit: Option<UnitIx>,
) -> Why {
    let trial = Trial::new(s, round, groups);
    let seat = trial.seat_of(person);
    let mut out = Vec::new();
    if seat.is_none() {
        if !s.person(person).pool {
            out.push("not in the pool (pool: false)".to_string());
        }
        out.extend(
            eligibility::exclusions(s, person, round.dates())
                .iter()
                .map(exclusion_brief),
        );
    }
    let targets: Vec<usize> = match unit {
        Some(u) => groups
            .iter()
            .position(|g| g.units.contains(&u))
            .into_iter()
            .collect(),
        None => (0..groups.len()).collect(),
    };
    let own = seat.map(|(g, _)| g);
    let unit_in_own_group = unit.is_some() && targets.first().copied() == own && own.is_some();
    let prospects = if out.is_empty() {
        targets
            .into_iter()
            .filter(|h| Some(*h) != own)
            .map(|h| prospect(&trial, person, seat, h))
            .collect()
    } else {
        Vec::new()
    };
    Why {
        person,
        seat,
        before: trial.breakdown.clone(),
        already: trial.violations.clone(),
        out,
        prospects,
        unit_in_own_group,
    }
}

/// Try every way of seating `p` in group `h`.
fn prospect(trial: &Trial, p: PersonIx, seat: Option<(usize, bool)>, h: usize) -> Prospect {
    let s = trial.s;
    let groups = &trial.groups;
    let mut tries: Vec<(Move, Vec<Group>, Attempt)> = Vec::new();
    let build = |q: Option<PersonIx>| -> (Vec<Group>, Attempt) {
        let mut r = groups.clone();
        if let Some((g, _)) = seat {
            r[g].members.retain(|m| *m != p);
            if let Some(q) = q {
                r[g].members.push(q);
            }
        }
        if let Some(q) = q {
            r[h].members.retain(|m| *m != q);
        }
        r[h].members.push(p);
        let mut fix = vec![h];
        fix.extend(seat.map(|(g, _)| g));
        for &g in &fix {
            if r[g].members.contains(&r[g].leader) {
                explain::canonical(&mut r[g]);
            }
        }
        let prefer: Vec<PersonIx> = q.into_iter().chain([p]).collect();
        trial.relead(r, &fix, &prefer)
    };
    let (r, a) = build(None);
    tries.push((Move::Join, r, a));
    for &q in &groups[h].members {
        let (r, a) = build(Some(q));
        tries.push((Move::Swap(q), r, a));
    }
    let best = tries
        .iter()
        .filter_map(|(m, r, a)| a.as_ref().ok().map(|b| (m, r, b)))
        .min_by_key(|(_, _, b)| b.objective.total)
        .map(|(m, r, b)| (m.clone(), r.clone(), b.clone()));
    let mut always = Vec::new();
    let mut closest = None;
    if best.is_none() {
        let sets: Vec<Vec<String>> = tries
            .iter()
            .filter_map(|(_, _, a)| a.as_ref().err())
            .map(|vs| {
                vs.iter()
                    .map(|v| explain::violation_brief(s, v, Some(p)))
                    .collect()
            })
            .collect();
        if let Some(first) = sets.first() {
            for b in first {
                if sets.iter().all(|set| set.contains(b)) && !always.contains(b) {
                    always.push(b.clone());
                }
            }
        }
        if always.is_empty() {
            closest = tries
                .iter()
                .filter_map(|(m, _, a)| a.as_ref().err().map(|vs| (m, vs)))
                .min_by_key(|(_, vs)| vs.len())
                .map(|(m, vs)| (m.clone(), vs.clone()));
        }
    }
    Prospect {
        group: h,
        best,
        always,
        closest,
    }
}

fn move_label(s: &Scenario, m: &Move, inside: bool) -> String {
    match (m, inside) {
        (Move::Join, true) => "move there".to_string(),
        (Move::Join, false) => "join".to_string(),
        (Move::Swap(q), true) => format!("swap with {}", person_label(s, *q)),
        (Move::Swap(q), false) => format!("take the seat of {}", person_label(s, *q)),
    }
}

/// The answer for people.
pub fn render(s: &Scenario, round: &Round, groups: &[Group], w: &Why) -> String {
    let p = w.person;
    let mut out = String::new();
    match w.seat {
        Some((g, leads)) => {
            out.push_str(&format!(
                "why {} {} {}, round {}\n",
                person_label(s, p),
                if leads { "leads" } else { "serves in" },
                group_label(s, groups, g),
                round.id
            ));
            out.push_str(&facts(s, round, groups, w, g, leads));
        }
        None => {
            out.push_str(&format!(
                "why {} is not in the roster of round {}\n",
                person_label(s, p),
                round.id
            ));
            if !w.out.is_empty() {
                out.push_str(&format!(
                    "  cannot serve this round: {}\n",
                    w.out.join("; ")
                ));
                return out;
            }
            let load = rounds_served(s, p);
            let skills: Vec<&str> = s
                .person(p)
                .skills
                .iter()
                .map(|k| s.skill_name(*k))
                .collect();
            out.push_str(&format!(
                "  available for the whole round; skills {}; {}\n",
                if skills.is_empty() {
                    "none".to_string()
                } else {
                    skills.join(", ")
                },
                served(&load)
            ));
        }
    }
    if !w.already.is_empty() {
        out.push_str(&format!(
            "  note: the roster breaks rules as it is: {}\n",
            explain::briefs(s, &w.already, None)
        ));
    }
    if w.unit_in_own_group {
        return out;
    }
    if w.prospects.is_empty() {
        return out;
    }
    let inside = w.seat.is_some();
    out.push_str(&format!(
        "\n{} (score now {}):\n",
        if inside {
            "moving them"
        } else {
            "bringing them in"
        },
        w.before.objective.total
    ));
    for pr in &w.prospects {
        let label = group_label(s, groups, pr.group);
        if let Some((m, _, b)) = &pr.best {
            let delta = b.objective.total as i64 - w.before.objective.total as i64;
            out.push_str(&format!(
                "  {label}: {}, score {} ({delta:+})\n",
                move_label(s, m, inside),
                b.objective.total
            ));
        } else if !pr.always.is_empty() {
            out.push_str(&format!(
                "  {label}: not possible: {}\n",
                pr.always.join("; ")
            ));
        } else if let Some((m, vs)) = &pr.closest {
            out.push_str(&format!(
                "  {label}: no way works; closest, {}: {}\n",
                move_label(s, m, inside),
                explain::briefs(s, vs, Some(p))
            ));
        }
    }
    out
}

fn served(rounds: &[String]) -> String {
    match rounds.len() {
        0 => "served no earlier round".to_string(),
        1 => format!("served 1 earlier round ({})", rounds[0]),
        n => format!("served {n} earlier rounds ({})", rounds.join(", ")),
    }
}

/// Why `p` fits group `g`: conflicts, skills, lead, load, score.
fn facts(s: &Scenario, round: &Round, groups: &[Group], w: &Why, g: usize, leads: bool) -> String {
    let p = w.person;
    let group = &groups[g];
    let mut out = String::new();
    // Conflicts with the group's units.
    let recusal = Recusal::compute(
        s,
        &Scope {
            people: vec![p],
            units: group.units.clone(),
        },
        round.start,
    );
    let mut binding = Vec::new();
    let mut lead_only = Vec::new();
    for &u in &group.units {
        for c in recusal.between(p, u) {
            let text = format!("{} with {}", explain::conflict_brief(s, c), s.unit_name(u));
            if c.rule.leader_only() && !leads {
                lead_only.push(text);
            } else {
                binding.push(text);
            }
        }
    }
    let names: Vec<&str> = group.units.iter().map(|u| s.unit_name(*u)).collect();
    if binding.is_empty() {
        out.push_str(&format!("  no conflict with {}\n", names.join(", ")));
    } else {
        out.push_str(&format!(
            "  conflicts (the roster breaks H6): {}\n",
            binding.join("; ")
        ));
    }
    if !lead_only.is_empty() {
        out.push_str(&format!(
            "  as a member only: leading it would break {}\n",
            lead_only.join("; ")
        ));
    }
    for c in recusal.waived().iter().filter(|c| c.person == p) {
        let reason = s
            .recusal
            .waived
            .iter()
            .find(|x| x.person == p && x.unit == c.unit)
            .map(|x| x.reason.as_str())
            .unwrap_or("");
        out.push_str(&format!(
            "  waived: {} with {} ({reason})\n",
            explain::conflict_brief(s, c),
            s.unit_name(c.unit)
        ));
    }
    let mut avail = "available for the whole round".to_string();
    if s.training.requirement.is_some() {
        avail.push_str(" and trained");
    }
    out.push_str(&format!("  {avail}\n"));
    // Skills.
    let needed = needs(s, round, group);
    let brings: Vec<String> = needed
        .iter()
        .filter(|k| s.person(p).has_skill(**k))
        .map(|k| {
            let others: Vec<String> = group
                .members
                .iter()
                .filter(|m| **m != p && s.person(**m).has_skill(*k))
                .map(|m| person_label(s, *m))
                .collect();
            if others.is_empty() {
                format!("{} (nobody else in the group has it)", s.skill_name(*k))
            } else {
                format!("{} (so do {})", s.skill_name(*k), others.join(", "))
            }
        })
        .collect();
    if brings.is_empty() {
        let all: Vec<&str> = needed.iter().map(|k| s.skill_name(*k)).collect();
        out.push_str(&format!(
            "  brings none of the skills the group needs ({})\n",
            if all.is_empty() {
                "none".to_string()
            } else {
                all.join(", ")
            }
        ));
    } else {
        out.push_str(&format!("  brings {}\n", brings.join(", ")));
    }
    if leads {
        let others: Vec<String> = group
            .members
            .iter()
            .filter(|m| **m != p && s.person(**m).leader)
            .map(|m| person_label(s, *m))
            .collect();
        if others.is_empty() {
            out.push_str("  the only member who may lead the group\n");
        } else {
            out.push_str(&format!("  others who may lead: {}\n", others.join(", ")));
        }
    }
    if s.person(p).retired {
        let n = group
            .members
            .iter()
            .filter(|m| s.person(**m).retired)
            .count();
        let max = round
            .rules
            .max_retired_per_group
            .map(|m| format!(" (at most {m})"))
            .unwrap_or_default();
        out.push_str(&format!("  retired (退职未退休): {n} in the group{max}\n"));
    }
    // Load and score.
    let rounds = rounds_served(s, p);
    out.push_str(&format!("  {}\n", served(&rounds)));
    let wt = s.weights;
    let mut parts = Vec::new();
    let mut total = 0u64;
    if !rounds.is_empty() {
        let c = wt.workload as u64 * rounds.len() as u64;
        total += c;
        parts.push(format!("workload {}×{}", wt.workload, rounds.len()));
    }
    for r in w.before.unit_repeats.iter().filter(|r| r.person == p) {
        total += wt.repeat_unit as u64;
        parts.push(format!(
            "repeat_unit {} (inspects {} again, also in {})",
            wt.repeat_unit,
            s.unit_name(r.unit),
            r.rounds.join(", ")
        ));
    }
    for r in w
        .before
        .pair_repeats
        .iter()
        .filter(|r| r.a == p || r.b == p)
    {
        let other = if r.a == p { r.b } else { r.a };
        total += wt.repeat_pair as u64;
        parts.push(format!(
            "repeat_pair {} (met {} in {})",
            wt.repeat_pair,
            person_label(s, other),
            r.rounds.join(", ")
        ));
    }
    if parts.is_empty() {
        out.push_str("  adds nothing to the score\n");
    } else {
        out.push_str(&format!(
            "  their part of the score: {total} = {}\n",
            parts.join(" + ")
        ));
    }
    out
}
