//! Planning a round with the next ones in view (`--lookahead K`).
//!
//! Round by round, the solver minimises today's soft terms and cannot see
//! that today's choice blocks tomorrow: the people it likes best today (few
//! rounds served in their whole career, so the cheapest for `workload`) are
//! picked again and again within the term; a scarce leader or the few
//! holders of a skill the next rounds need get used where anybody would have
//! done, and have to serve (and meet each other) again later.
//!
//! The solver is a black box here (its model is not ours to change), so the
//! lookahead steers it through its inputs: a *candidate* is the round
//! planned against the true history plus invented history rounds that make
//! some people look busier than they are:
//!
//! - `plain`: the round as `plan` would staff it;
//! - `term-load`: every round served in this term counts twice, so the
//!   solver evens out the term's load, not only the career's;
//! - `reserve`: holders of the resources the next K − 1 rounds will find
//!   scarce (leaders, required skills, skills their units require; scarce =
//!   demand ≥ a quarter of the eligible holders) look as if they had served
//!   one more round, so the solver uses them only where they are needed;
//! - `reserve+apart`: as `reserve`, and those holders look as if they had
//!   all served in one group, so the solver also avoids putting two of them
//!   together now (they will have to meet later).
//!
//! Each candidate is followed by K − 1 rounds planned round by round (a
//! rollout). The window — this round and the rollout — is judged by the
//! term's goals rather than by the per-round objective: the weighted
//! repeat_unit, repeat_pair and balance of its rounds, plus `workload` times
//! the sum over pool members of the square of the rounds they served in the
//! term (it grows fastest when the same people serve again), plus 100,000
//! for every round that cannot be staffed. The cheapest candidate is kept;
//! ties go to the earlier one in the list above. Only the first round of the
//! window is kept; the next round runs its own lookahead. A steered roster
//! is re-scored against the true history and reported `feasible` (optimal
//! for the steered objective, not proven optimal for the contract's).
//! Candidates run on `threads` threads.

use std::collections::BTreeSet;

use super::{par_map, Outcome, Prepared, SimError, SimOptions, Staffing, State};
use crate::eligibility::Eligibility;
use crate::ids::{PersonIx, SkillIx};
use crate::scenario::{Group, HistoryRound, Round};

/// What an unstaffed round costs in a window.
pub const INFEASIBLE_COST: u64 = 100_000;

/// Scarce: demand at least this share of the eligible holders.
const SCARCE: f64 = 0.25;

/// A way to plan the round: the invented history the solver sees.
#[derive(Debug, Clone)]
pub struct Candidate {
    pub label: String,
    pub steering: Vec<HistoryRound>,
}

/// Plan `round` (the next slot of `state`) with a lookahead of
/// `opts.lookahead` rounds; returns the kept outcome and its candidate.
pub(crate) fn decide(
    p: &Prepared,
    state: &State,
    round: &Round,
    opts: &SimOptions,
) -> Result<(Staffing, Option<String>), SimError> {
    let candidates = candidates(p, state, round, opts.lookahead);
    if candidates.len() == 1 {
        let staffing = state.plan(round, opts, None)?;
        return Ok((staffing, Some("plain (the only candidate)".into())));
    }
    let inner = SimOptions {
        threads: 1,
        lookahead: 1,
        ..opts.clone()
    };
    let results = par_map(&candidates, opts.threads, |_, c| {
        evaluate(p, state, round, c, &inner, opts.lookahead)
    });
    let mut best: Option<(u64, usize, Staffing)> = None;
    for (i, r) in results.into_iter().enumerate() {
        // A steered candidate the solver fails on is dropped; the plain one
        // is what `plan` does, and its failure is the simulation's.
        let (outcome, cost) = match r {
            Ok(x) => x,
            Err(e) if i == 0 => return Err(e),
            Err(_) => continue,
        };
        if best.as_ref().is_none_or(|(c, _, _)| cost < *c) {
            best = Some((cost, i, outcome));
        }
    }
    let (cost, i, outcome) = best.expect("at least the plain candidate");
    Ok((
        outcome,
        Some(format!(
            "{} (window cost {cost} over {} rounds)",
            candidates[i].label,
            opts.lookahead.min(p.slots.len() - state.next)
        )),
    ))
}

/// A round's share of the window's cost: its repeats and balance, weighted.
fn cost(s: &crate::scenario::Scenario, o: &Outcome) -> u64 {
    let w = s.weights;
    match o.plan().and_then(|p| p.breakdown.as_ref()) {
        Some(b) => {
            w.repeat_unit as u64 * b.objective.repeat_unit
                + w.repeat_pair as u64 * b.objective.repeat_pair
                + w.balance as u64 * b.objective.balance
        }
        None => INFEASIBLE_COST,
    }
}

/// Rounds served in the term so far by each pool member.
pub fn term_load(p: &Prepared, state: &State) -> Vec<(PersonIx, u64)> {
    let rounds: Vec<&HistoryRound> = state
        .s
        .history
        .iter()
        .filter(|h| h.start >= p.term_start)
        .collect();
    p.base
        .pool()
        .map(|q| {
            let n = rounds
                .iter()
                .filter(|h| h.groups.iter().any(|g| g.members.contains(&q)))
                .count() as u64;
            (q, n)
        })
        .collect()
}

/// `workload` × the sum of squared rounds served in the term.
fn load_cost(p: &Prepared, state: &State) -> u64 {
    let sq: u64 = term_load(p, state).iter().map(|(_, n)| n * n).sum();
    p.base.weights.workload as u64 * sq
}

/// Plan the round as `c` says, then `depth - 1` rounds after it round by
/// round; the round's outcome and the window's cost.
fn evaluate(
    p: &Prepared,
    state: &State,
    round: &Round,
    c: &Candidate,
    opts: &SimOptions,
    depth: usize,
) -> Result<(Staffing, u64), SimError> {
    let first = state.plan(round, opts, Some(&c.steering))?;
    let mut total = cost(&state.s, &first.outcome);
    let mut st = state.clone();
    st.commit(&first);
    for _ in 1..depth {
        if st.next >= p.slots.len() {
            break;
        }
        let choice = st.choose(p);
        let out = st.plan(&choice.round, opts, None)?;
        total += cost(&st.s, &out.outcome);
        st.commit(&out);
    }
    Ok((first, total + load_cost(p, &st)))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Resource {
    Leader,
    Skill(SkillIx),
}

/// The candidates for the next round of `state`.
pub fn candidates(p: &Prepared, state: &State, round: &Round, depth: usize) -> Vec<Candidate> {
    let single = |p: PersonIx| Group {
        leader: p,
        members: vec![p],
        units: vec![],
        villages: vec![],
    };
    let mut out = vec![Candidate {
        label: "plain".into(),
        steering: Vec::new(),
    }];
    let load = term_load(p, state);
    let most = load.iter().map(|(_, n)| *n).max().unwrap_or(0);
    if most > 0 {
        out.push(Candidate {
            label: "term-load".into(),
            steering: (1..=most)
                .map(|k| HistoryRound {
                    id: format!("lookahead:term-load-{k}"),
                    start: round.start,
                    end: round.end,
                    groups: load
                        .iter()
                        .filter(|(_, n)| *n >= k)
                        .map(|(q, _)| single(*q))
                        .collect(),
                })
                .collect(),
        });
    }
    let scarce = scarce_people(p, state, round, depth);
    if scarce.is_empty() {
        return out;
    }
    let reserve = HistoryRound {
        id: "lookahead:reserve".into(),
        start: round.start,
        end: round.end,
        groups: scarce.iter().map(|&p| single(p)).collect(),
    };
    let apart = HistoryRound {
        id: "lookahead:apart".into(),
        start: round.start,
        end: round.end,
        groups: vec![Group {
            leader: scarce[0],
            members: scarce.clone(),
            units: vec![],
            villages: vec![],
        }],
    };
    out.push(Candidate {
        label: format!("reserve {} scarce", scarce.len()),
        steering: vec![reserve.clone()],
    });
    out.push(Candidate {
        label: format!("reserve+apart {} scarce", scarce.len()),
        steering: vec![reserve, apart],
    });
    out
}

/// Pool members eligible for `round` who hold a resource the next
/// `depth - 1` rounds will find scarce; at most two fifths of the eligible
/// (the scarcest resources first), else steering them means nothing.
fn scarce_people(p: &Prepared, state: &State, round: &Round, depth: usize) -> Vec<PersonIx> {
    let s = &state.s;
    let alloc = state.allocate(p);
    let mut ratio: Vec<(Resource, f64)> = Vec::new();
    let mut worst = |r: Resource, demand: usize, supply: usize| {
        if demand == 0 || supply == 0 {
            return;
        }
        let q = demand as f64 / supply as f64;
        match ratio.iter_mut().find(|(x, _)| *x == r) {
            Some((_, v)) => *v = v.max(q),
            None => ratio.push((r, q)),
        }
    };
    for j in 1..depth {
        let Some(slot) = p.slots.get(state.next + j) else {
            break;
        };
        let units = alloc
            .rounds
            .get(j)
            .map(|c| c.units.as_slice())
            .unwrap_or(&[]);
        let eligible = Eligibility::for_dates(s, slot.dates()).available;
        let g = slot.rules.groups as usize;
        let leaders = eligible.iter().filter(|q| s.person(**q).leader).count();
        worst(Resource::Leader, g, leaders);
        for k in (0..s.skills.len() as u32).map(SkillIx) {
            let demand = if slot.rules.required_skills.contains(&k) {
                g
            } else {
                units
                    .iter()
                    .filter(|u| s.unit(**u).requires.contains(&k))
                    .count()
                    .min(g)
            };
            let supply = eligible
                .iter()
                .filter(|q| s.person(**q).has_skill(k))
                .count();
            worst(Resource::Skill(k), demand, supply);
        }
    }
    ratio.retain(|(_, q)| *q >= SCARCE);
    ratio.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let now = Eligibility::for_dates(s, round.dates()).available;
    let limit = now.len() * 2 / 5;
    let mut chosen: BTreeSet<PersonIx> = BTreeSet::new();
    for (r, _) in ratio {
        let holders: BTreeSet<PersonIx> = now
            .iter()
            .copied()
            .filter(|q| match r {
                Resource::Leader => s.person(*q).leader,
                Resource::Skill(k) => s.person(*q).has_skill(k),
            })
            .collect();
        let union: BTreeSet<PersonIx> = chosen.union(&holders).copied().collect();
        if union.len() > limit {
            break;
        }
        chosen = union;
    }
    chosen.into_iter().collect()
}
