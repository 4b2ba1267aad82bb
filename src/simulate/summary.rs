//! What a simulated term adds up to: coverage, load, repeats, failures.
//!
//! Definitions (FORMAT.md "Term simulation", and the choices it leaves):
//! - `units_total`: every unit of the scenario; `units_covered`: those a
//!   group held in the term, in a history round that started on or after
//!   `term.start` or in a staffed simulated round. `units_to_cover` is the
//!   contract's "units to cover" (not held by the term's history).
//! - must-inspect villages: villages tagged poverty, weak_org or hotspot;
//!   covered when a group of the term listed them.
//! - `repeat_unit`, `repeat_pair`: the sums of the simulated rounds' own
//!   soft terms, each counted against the history that round saw.
//! - `served_*`: per pool member (of the variant), the rounds served in the
//!   term: history within the term plus simulated rounds.

use std::collections::BTreeSet;

use super::{Prepared, SimRound, State};
use crate::ids::{PersonIx, UnitIx, VillageIx};
use crate::scenario::Group;

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Summary {
    pub units_total: usize,
    pub units_covered: usize,
    /// Units not held by the term's history when the simulation starts.
    pub units_to_cover: usize,
    /// Units the term never inspects, in scenario order.
    pub uncovered: Vec<UnitIx>,
    pub villages_must_total: usize,
    pub villages_must_covered: usize,
    pub repeat_unit: u64,
    pub repeat_pair: u64,
    /// Sum of the staffed rounds' objective totals.
    pub objective_total: u64,
    /// Pool members.
    pub pool: usize,
    pub served_min: u32,
    pub served_max: u32,
    pub served_mean: f64,
    /// `served_histogram[k]`: pool members who served `k` rounds.
    pub served_histogram: Vec<usize>,
    pub rounds_total: usize,
    pub rounds_infeasible: usize,
    /// Ids of the rounds that could not be staffed.
    pub infeasible: Vec<String>,
    /// Simulated rounds, from the first, before the first in which a pair
    /// meets that met before (its `repeat_pair` is not 0).
    pub rounds_before_repeat_pair: usize,
    /// Times led in the term (history within it and simulated rounds),
    /// fewest and most, over pool members who may lead.
    pub led_min: u32,
    pub led_max: u32,
    /// Rounds staffed without some of their units (issue 14.4).
    pub rounds_partial: usize,
    /// Units left unstaffed in those rounds, counted once per round.
    pub units_unstaffed: usize,
    /// Reserve cadres in the pool (docs/pool.md).
    pub reserve: usize,
    /// Those of them who serve in no round of the term, pool order.
    pub reserve_unserved: Vec<PersonIx>,
}

impl Summary {
    /// `served_max - served_min`.
    pub fn load_spread(&self) -> u32 {
        self.served_max - self.served_min
    }
}

pub(crate) fn summarise(p: &Prepared, state: &State, rounds: &[SimRound]) -> Summary {
    let s = &state.s;
    let term_groups: Vec<&[Group]> = p
        .base
        .history
        .iter()
        .filter(|h| h.start >= p.term_start)
        .map(|h| h.groups.as_slice())
        .chain(rounds.iter().map(|r| r.outcome.groups()))
        .filter(|g| !g.is_empty())
        .collect();

    let must: BTreeSet<VillageIx> = (0..s.villages.len() as u32)
        .map(VillageIx)
        .filter(|v| s.village(*v).must_inspect())
        .collect();
    let visited: BTreeSet<VillageIx> = term_groups
        .iter()
        .flat_map(|gs| gs.iter().flat_map(|g| g.villages.iter().copied()))
        .collect();

    let pool: Vec<PersonIx> = p.base.pool().collect();
    let served: Vec<u32> = pool
        .iter()
        .map(|person| {
            term_groups
                .iter()
                .filter(|gs| gs.iter().any(|g| g.members.contains(person)))
                .count() as u32
        })
        .collect();
    let led: Vec<u32> = pool
        .iter()
        .filter(|person| s.person(**person).leader)
        .map(|person| {
            term_groups
                .iter()
                .filter(|gs| gs.iter().any(|g| g.leader == *person))
                .count() as u32
        })
        .collect();
    let served_max = served.iter().copied().max().unwrap_or(0);
    let mut served_histogram = vec![0; served_max as usize + 1];
    for &k in &served {
        served_histogram[k as usize] += 1;
    }
    let served_mean = if served.is_empty() {
        0.0
    } else {
        served.iter().map(|&k| k as f64).sum::<f64>() / served.len() as f64
    };

    let breakdowns = rounds
        .iter()
        .filter_map(|r| r.outcome.plan().and_then(|p| p.breakdown.as_ref()));
    let (mut repeat_unit, mut repeat_pair, mut objective_total) = (0, 0, 0);
    for b in breakdowns {
        repeat_unit += b.objective.repeat_unit;
        repeat_pair += b.objective.repeat_pair;
        objective_total += b.objective.total;
    }
    let infeasible: Vec<String> = rounds
        .iter()
        .filter(|r| !r.outcome.staffed())
        .map(|r| r.round.id.clone())
        .collect();

    Summary {
        units_total: s.units.len(),
        units_covered: state.covered.len(),
        units_to_cover: p.to_cover.len(),
        uncovered: state.uncovered(),
        villages_must_total: must.len(),
        villages_must_covered: must.intersection(&visited).count(),
        repeat_unit,
        repeat_pair,
        objective_total,
        pool: pool.len(),
        served_min: served.iter().copied().min().unwrap_or(0),
        served_max,
        served_mean,
        served_histogram,
        rounds_total: rounds.len(),
        rounds_infeasible: infeasible.len(),
        infeasible,
        rounds_before_repeat_pair: rounds
            .iter()
            .take_while(|r| {
                r.outcome
                    .plan()
                    .and_then(|p| p.breakdown.as_ref())
                    .is_some_and(|b| b.objective.repeat_pair == 0)
            })
            .count(),
        led_min: led.iter().copied().min().unwrap_or(0),
        led_max: led.iter().copied().max().unwrap_or(0),
        reserve: pool.iter().filter(|q| s.person(**q).reserve).count(),
        reserve_unserved: pool
            .iter()
            .zip(&served)
            .filter(|(q, n)| s.person(**q).reserve && **n == 0)
            .map(|(q, _)| *q)
            .collect(),
        rounds_partial: rounds.iter().filter(|r| !r.unstaffed.is_empty()).count(),
        units_unstaffed: rounds.iter().map(|r| r.unstaffed.len()).sum(),
    }
}
