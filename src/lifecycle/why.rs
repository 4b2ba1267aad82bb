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

use super::explain::{self, Attempt, Trial};
use super::replace::{needs, rounds_served};
use crate::eligibility::{self, Exclusion};
use crate::ids::{PersonIx, SkillIx, UnitIx};
use crate::recusal::{Conflict, Recusal, Scope};
use crate::roster_check::Violation;
use crate::scenario::{Group, Round, Scenario};
use crate::score::Breakdown;

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
    /// With no valid way: what breaks whichever way is tried.
    pub always: Vec<Violation>,
    /// With no valid way and no common reason: the way breaking least.
    pub closest: Option<(Move, Vec<Violation>)>,
}

/// Why someone outside the roster cannot serve this round at all.
#[derive(Debug, Clone)]
pub enum Out {
    NotInPool,
    Excluded(Exclusion),
}

/// One part of a person's share of the score.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScorePart {
    /// `weight` × the earlier rounds they served in.
    Workload { weight: u32, rounds: usize },
    /// They inspect `unit` again (also in `rounds`).
    RepeatUnit {
        weight: u32,
        unit: UnitIx,
        rounds: Vec<String>,
    },
    /// They meet `other` again (also in `rounds`).
    RepeatPair {
        weight: u32,
        other: PersonIx,
        rounds: Vec<String>,
    },
}

impl ScorePart {
    pub fn points(&self) -> u64 {
        match self {
            ScorePart::Workload { weight, rounds } => *weight as u64 * *rounds as u64,
            ScorePart::RepeatUnit { weight, .. } | ScorePart::RepeatPair { weight, .. } => {
                *weight as u64
            }
        }
    }
}

/// Why a member sits in their group.
#[derive(Debug, Clone)]
pub struct Seat {
    pub group: usize,
    pub leads: bool,
    /// Conflicts with the group's units the roster breaks (H6).
    pub conflicts: Vec<Conflict>,
    /// Leader-only conflicts: fine as a member, would break as leader.
    pub lead_only: Vec<Conflict>,
    /// Waived conflicts with the reason of the waiver.
    pub waived: Vec<(Conflict, String)>,
    /// The scenario has a training requirement (and they meet it).
    pub trained: bool,
    /// Skills the group needs.
    pub needs: Vec<SkillIx>,
    /// Needed skills they bring, with the other members who hold each.
    pub brings: Vec<(SkillIx, Vec<PersonIx>)>,
    /// When they lead: the other members who may lead.
    pub other_leaders: Option<Vec<PersonIx>>,
    /// Retired (退职未退休): how many in the group, and the round's maximum.
    pub retired: Option<(usize, Option<u32>)>,
}

/// The answer to `why`.
#[derive(Debug, Clone)]
pub struct Why {
    pub person: PersonIx,
    /// Where they sit, `None` when outside the roster.
    pub seat: Option<Seat>,
    pub before: Breakdown,
    pub already: Vec<Violation>,
    /// Why they cannot serve this round at all (outside the roster only).
    pub out: Vec<Out>,
    /// Earlier rounds they served in.
    pub rounds: Vec<String>,
    /// Their share of the score (members only).
    pub score: Vec<ScorePart>,
    pub prospects: Vec<Prospect>,
    /// `--unit` named a unit of their own group.
    pub unit_in_own_group: bool,
}

impl Why {
    /// (group, leads) when in the roster.
    pub fn place(&self) -> Option<(usize, bool)> {
        self.seat.as_ref().map(|s| (s.group, s.leads))
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
            out.push(Out::NotInPool);
        }
        out.extend(
            eligibility::exclusions(s, person, round.dates())
                .into_iter()
                .map(Out::Excluded),
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
    let rounds = rounds_served(s, person);
    let score = if seat.is_some() {
        score_parts(s, &trial.breakdown, person, rounds.len())
    } else {
        Vec::new()
    };
    Why {
        person,
        seat: seat.map(|(g, leads)| seat_facts(s, round, groups, person, g, leads)),
        before: trial.breakdown.clone(),
        already: trial.violations.clone(),
        out,
        rounds,
        score,
        prospects,
        unit_in_own_group,
    }
}

/// Try every way of seating `p` in group `h`.
fn prospect(trial: &Trial, p: PersonIx, seat: Option<(usize, bool)>, h: usize) -> Prospect {
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
    let mut always: Vec<Violation> = Vec::new();
    let mut closest = None;
    if best.is_none() {
        let sets: Vec<&Vec<Violation>> = tries
            .iter()
            .filter_map(|(_, _, a)| a.as_ref().err())
            .collect();
        if let Some(first) = sets.first() {
            for v in first.iter() {
                let same = |x: &Violation| explain::same_for(x, v);
                if sets.iter().all(|set| set.iter().any(same)) && !always.iter().any(same) {
                    always.push(v.clone());
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

/// Why `p` fits group `g`: conflicts, skills, lead, retired count.
fn seat_facts(
    s: &Scenario,
    round: &Round,
    groups: &[Group],
    p: PersonIx,
    g: usize,
    leads: bool,
) -> Seat {
    let group = &groups[g];
    let recusal = Recusal::compute(
        s,
        &Scope {
            people: vec![p],
            units: group.units.clone(),
        },
        round.start,
    );
    let mut conflicts = Vec::new();
    let mut lead_only = Vec::new();
    for &u in &group.units {
        for c in recusal.between(p, u) {
            if c.rule.leader_only() && !leads {
                lead_only.push(c.clone());
            } else {
                conflicts.push(c.clone());
            }
        }
    }
    let waived = recusal
        .waived()
        .iter()
        .filter(|c| c.person == p)
        .map(|c| {
            let reason = s
                .recusal
                .waived
                .iter()
                .find(|x| x.person == p && x.unit == c.unit)
                .map(|x| x.reason.clone())
                .unwrap_or_default();
            (c.clone(), reason)
        })
        .collect();
    let needs = needs(s, round, group);
    let brings = needs
        .iter()
        .filter(|k| s.person(p).has_skill(**k))
        .map(|k| {
            let others = group
                .members
                .iter()
                .copied()
                .filter(|m| *m != p && s.person(*m).has_skill(*k))
                .collect();
            (*k, others)
        })
        .collect();
    let other_leaders = leads.then(|| {
        group
            .members
            .iter()
            .copied()
            .filter(|m| *m != p && s.person(*m).leader)
            .collect()
    });
    let retired = s.person(p).retired.then(|| {
        (
            group
                .members
                .iter()
                .filter(|m| s.person(**m).retired)
                .count(),
            round.rules.max_retired_per_group,
        )
    });
    Seat {
        group: g,
        leads,
        conflicts,
        lead_only,
        waived,
        trained: s.training.requirement.is_some(),
        needs,
        brings,
        other_leaders,
        retired,
    }
}

/// `p`'s share of the score of the roster.
fn score_parts(s: &Scenario, b: &Breakdown, p: PersonIx, served: usize) -> Vec<ScorePart> {
    let wt = s.weights;
    let mut parts = Vec::new();
    if served > 0 {
        parts.push(ScorePart::Workload {
            weight: wt.workload,
            rounds: served,
        });
    }
    for r in b.unit_repeats.iter().filter(|r| r.person == p) {
        parts.push(ScorePart::RepeatUnit {
            weight: wt.repeat_unit,
            unit: r.unit,
            rounds: r.rounds.clone(),
        });
    }
    for r in b.pair_repeats.iter().filter(|r| r.a == p || r.b == p) {
        parts.push(ScorePart::RepeatPair {
            weight: wt.repeat_pair,
            other: if r.a == p { r.b } else { r.a },
            rounds: r.rounds.clone(),
        });
    }
    parts
}
