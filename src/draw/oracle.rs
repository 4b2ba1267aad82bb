//! The column oracle: from a known roster, a roster seating more weight
//! (Σ y over seated members) by local moves: add a weighted member to a
//! group with room, or swap them for a member of lower weight. Every move
//! is screened with the round's recusal, leader and skill facts, then
//! confirmed by the independent validator ([`crate::roster_check`]) with
//! the objective cap. Deterministic: candidates in a fixed order.

use std::collections::{BTreeMap, BTreeSet};

use crate::eligibility::Eligibility;
use crate::ids::{PersonIx, UnitIx};
use crate::recusal::{Recusal, Scope};
use crate::scenario::{Group, Round, Scenario};

pub struct Oracle<'s> {
    s: &'s Scenario,
    round: &'s Round,
    recusal: Recusal,
    /// Available members, by index.
    pub people: Vec<PersonIx>,
    cap: u64,
    /// History rounds each person served in (a swap that seats someone
    /// with fewer costs less workload).
    served: BTreeMap<PersonIx, u64>,
    /// Validator calls made (for the report).
    pub checks: std::cell::Cell<usize>,
}

const EPS: f64 = 1e-7;
/// Validator calls per oracle search, at most.
const MAX_CHECKS: usize = 1500;
/// Validator calls spent on one member before trying the next.
const PER_MEMBER: usize = 48;

impl<'s> Oracle<'s> {
    pub fn new(s: &'s Scenario, round: &'s Round, cap: u64) -> Self {
        let recusal = Recusal::compute(
            s,
            &Scope {
                people: s.pool().collect(),
                units: round.units.clone(),
            },
            round.start,
        );
        let mut served: BTreeMap<PersonIx, u64> = BTreeMap::new();
        for h in &s.history {
            let sat: BTreeSet<PersonIx> = h.groups.iter().flat_map(|g| g.members.clone()).collect();
            for p in sat {
                *served.entry(p).or_default() += 1;
            }
        }
        Oracle {
            served,
            s,
            round,
            recusal,
            people: Eligibility::for_dates(s, round.dates()).available,
            cap,
            checks: std::cell::Cell::new(0),
        }
    }

    /// Whether `groups` passes the validator and costs at most the cap.
    /// The cost is screened first by the score alone (no recusal walk):
    /// most moves fail on the cap, and only the validator calls count
    /// against the budget.
    pub fn valid(&self, groups: &[Group]) -> bool {
        if crate::score::breakdown(self.s, self.round, groups)
            .objective
            .total
            > self.cap
        {
            return false;
        }
        self.checks.set(self.checks.get() + 1);
        crate::roster_check::check(self.s, self.round, groups)
            .is_ok_and(|b| b.objective.total <= self.cap)
    }

    /// May `p` sit in (or lead) a group holding `units`?
    fn fits(&self, p: PersonIx, units: &[UnitIx], lead: bool) -> bool {
        units.iter().all(|u| {
            self.recusal.member_ok(p, *u)
                && (!lead || (self.s.person(p).leader && self.recusal.leader_ok(p, *u)))
        })
    }

    /// Does the group still hold every skill it needs after `out` leaves
    /// and `inn` joins?
    fn skills_kept(&self, g: &Group, out: Option<PersonIx>, inn: PersonIx) -> bool {
        let holds = |skill| {
            self.s.person(inn).has_skill(skill)
                || g.members
                    .iter()
                    .any(|m| Some(*m) != out && self.s.person(*m).has_skill(skill))
        };
        self.round.rules.required_skills.iter().all(|k| holds(*k))
            && g.units
                .iter()
                .all(|u| self.s.unit(*u).requires.iter().all(|k| holds(*k)))
    }

    /// A roster seating more weight than `start`, by repeated improving
    /// moves; `None` when no single move improves it.
    pub fn improve(&self, start: &[Group], y: &BTreeMap<PersonIx, f64>) -> Option<Vec<Group>> {
        let weight = |p: &PersonIx| y.get(p).copied().unwrap_or(0.0);
        let mut cur: Vec<Group> = start.to_vec();
        let mut improved_any = false;
        // A bound on validator calls per search (a count, so every machine
        // stops at the same roster).
        let budget = self.checks.get() + MAX_CHECKS;
        let max = self.round.rules.size_max as usize;
        let min = self.round.rules.size_min as usize;
        'moves: loop {
            let sit: BTreeSet<PersonIx> = cur.iter().flat_map(|g| g.members.clone()).collect();
            // Unseated members with weight, heaviest first (ties by index).
            let mut wanted: Vec<PersonIx> = self
                .people
                .iter()
                .copied()
                .filter(|p| !sit.contains(p) && weight(p) > EPS)
                .collect();
            // Among equal weights, the least served first: they cost the
            // least workload to seat.
            let served = |p: &PersonIx| self.served.get(p).copied().unwrap_or(0);
            wanted.sort_by(|a, b| {
                weight(b)
                    .total_cmp(&weight(a))
                    .then(served(a).cmp(&served(b)))
                    .then(a.cmp(b))
            });
            'wanted: for &b in &wanted {
                if self.checks.get() >= budget {
                    break 'moves;
                }
                // A member no move seats within a few checks gives way to
                // the next, so one hopeless member cannot spend the budget.
                let mine = (self.checks.get() + PER_MEMBER).min(budget);
                // Add to a group with room.
                for gi in 0..cur.len() {
                    let g = &cur[gi];
                    if g.members.len() >= max || !self.fits(b, &g.units, false) {
                        continue;
                    }
                    if self.checks.get() >= mine {
                        continue 'wanted;
                    }
                    let mut next = cur.clone();
                    next[gi].members.push(b);
                    if self.valid(&finish(self.s, self.round, &next)) {
                        cur = finish(self.s, self.round, &next);
                        improved_any = true;
                        continue 'moves;
                    }
                }
                // Swap for a lighter member (lightest first).
                let mut seats: Vec<(usize, PersonIx)> = cur
                    .iter()
                    .enumerate()
                    .flat_map(|(gi, g)| g.members.iter().map(move |m| (gi, *m)))
                    .filter(|(_, m)| weight(m) + EPS < weight(&b))
                    .collect();
                seats.sort_by(|x, z| {
                    weight(&x.1)
                        .total_cmp(&weight(&z.1))
                        .then(served(&z.1).cmp(&served(&x.1)))
                        .then(x.1.cmp(&z.1))
                });
                for (gi, a) in seats {
                    let g = &cur[gi];
                    let lead = g.leader == a;
                    if !self.fits(b, &g.units, lead) || !self.skills_kept(g, Some(a), b) {
                        continue;
                    }
                    if self.checks.get() >= mine {
                        continue 'wanted;
                    }
                    let mut next = cur.clone();
                    let ng = &mut next[gi];
                    for m in &mut ng.members {
                        if *m == a {
                            *m = b;
                        }
                    }
                    if lead {
                        ng.leader = b;
                    }
                    let next = finish(self.s, self.round, &next);
                    if self.valid(&next) {
                        cur = next;
                        improved_any = true;
                        continue 'moves;
                    }
                }
            }
            // Make room: drop a weightless member from a group above the
            // minimum (frees budget under the cap), once per pass.
            let _ = min;
            break;
        }
        improved_any.then_some(cur)
    }
}

/// Canonical order (as the planner's output).
fn finish(s: &Scenario, round: &Round, groups: &[Group]) -> Vec<Group> {
    crate::solver::finish(s, round, groups.to_vec())
}
