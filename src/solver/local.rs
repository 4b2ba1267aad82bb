//! From the greedy roster to a proven one without the big model: polish
//! ([`polish`]), staff splits exactly (with every unit fixed the model is
//! small and its relaxation nearly integral), and raise the proven floor
//! split by split ([`cutoff`]). Most county rounds end here, proven; the
//! others hand their best roster to the whole-round model as a warm start.

use std::time::{Duration, Instant};

use super::cutoff::{self, Cut, Effort, Split};
use super::instance::Instance;
use super::model::Disruption;
use super::{finish, nearest_split, polish, same_split, search, Searched, SolveStats};
use crate::roster_check;
use crate::scenario::Group;

/// Times the polished roster's split is staffed exactly and polished
/// again, at most.
const STAFF_ROUNDS: usize = 3;

/// Other splits of the least balance staffed exactly, at most.
const OTHER_SPLITS: usize = 20;

/// What the split bound's walk may do on a first look, and at length:
/// partial splits priced (a min-cost flow each, about 0.1 ms on a county
/// round) and splits found (each then staffed exactly).
const QUICK: Effort = Effort {
    prices: 100,
    splits: 12,
};
const AT_LENGTH: Effort = Effort {
    prices: 5_000,
    splits: 12,
};

/// What the local search ended with.
pub struct Settled {
    pub best: Vec<Group>,
    pub cost: u64,
    /// A proven floor under every roster's cost (the best roster is
    /// optimal when it costs this).
    pub lower: u64,
    /// How optimality was proven, when it was.
    pub proven_by: Option<&'static str>,
    /// Splits whose bound allows a roster at `lower`, found by a walk that
    /// gave up before it had them all.
    promising: Vec<Split>,
}

/// The round and what is known of it before the local search.
pub struct LocalSearch<'a, 's> {
    pub inst: &'a Instance<'s>,
    /// No roster's split has balance below this.
    pub balance_floor: u64,
    /// No roster costs less than this (counting).
    pub floor: u64,
    /// The split of the least balance `split_units` found.
    pub balanced: Option<Split>,
    /// Each step's time (staffing a split, the split bound's walk).
    pub budget: Duration,
    pub deadline: Instant,
    pub stats: SolveStats,
}

impl LocalSearch<'_, '_> {
    /// A roster's objective as the validator counts it (`u64::MAX` when it
    /// breaks a rule).
    fn cost(&self, g: &[Group]) -> u64 {
        let (s, round) = (self.inst.s, self.inst.round);
        roster_check::check(s, round, &finish(s, round, g.to_vec()))
            .map_or(u64::MAX, |b| b.objective.total)
    }

    /// `split` staffed exactly (by `by`, or within the step budget) and
    /// polished, with its cost, when that beats `than`; and whether the
    /// split is settled: staffed optimally (or shown impossible), so that no
    /// roster of it costs less than found.
    fn staff(
        &self,
        split: Split,
        start: Option<Vec<Group>>,
        than: u64,
        by: Option<Instant>,
    ) -> (Option<(Vec<Group>, u64)>, bool) {
        let by = by
            .unwrap_or(Instant::now() + self.budget)
            .min(self.deadline);
        let mut scratch = self.stats.clone();
        let fixed = self.inst.clone().with_partition(split);
        match search(
            &fixed,
            self.balance_floor,
            self.floor,
            Disruption::Ignore,
            start,
            by,
            false,
            Some(than),
            &mut scratch,
        ) {
            Searched::Found { groups, proven, .. } if self.cost(&groups) < than => {
                let polished = polish::polish(self.inst, &groups, self.floor);
                let c = self.cost(&polished);
                (Some((polished, c)), proven)
            }
            Searched::Found { proven, .. } => (None, proven),
            Searched::Infeasible => (None, true),
            _ => (None, false),
        }
    }

    /// Polish `greedy`, then staff splits and raise the floor with the
    /// split bound until the best roster meets the floor or the steps run
    /// out. The split bound first looks briefly (a proof is often quick),
    /// and at length only after the staffing.
    pub fn run(&self, greedy: &[Group]) -> Settled {
        let mut out = Settled {
            best: polish::polish(self.inst, greedy, self.floor),
            cost: 0,
            lower: self.floor,
            proven_by: None,
            promising: Vec::new(),
        };
        out.cost = self.cost(&out.best);
        let by = |from: Instant| (from + self.budget).min(self.deadline);
        self.raise(&mut out, QUICK, by(Instant::now()));
        self.staff_polished(&mut out, by(Instant::now()));
        self.staff_others(&mut out, by(Instant::now()));
        self.raise(&mut out, AT_LENGTH, by(Instant::now()));
        if out.cost <= self.floor {
            out.proven_by = Some("local search, proven by counting");
        } else if out.cost <= out.lower {
            out.proven_by = Some("local search, proven by the split bound");
        }
        out
    }

    /// Raise `out.lower` one at a time: no roster costs `lower` when no
    /// split's bound allows it, or when every split whose bound does is
    /// staffed exactly and none reaches it. Stops at the best roster's
    /// cost (proven optimal), at `by`, or at a floor with too many splits.
    fn raise(&self, out: &mut Settled, effort: Effort, by: Instant) {
        while out.lower < out.cost && Instant::now() < by {
            let splits = match cutoff::splits_within(
                self.inst,
                self.balance_floor,
                self.floor,
                out.lower,
                effort,
                by,
            ) {
                Cut::None => Vec::new(),
                Cut::Only(splits) => splits,
                Cut::Unknown(some) => {
                    // Splits that may hold a roster at the floor: staffed
                    // first when other splits are staffed.
                    out.promising = some;
                    return;
                }
            };
            for split in splits {
                let (found, settled) = self.staff(split, None, out.cost, Some(by));
                if let Some((g, c)) = found {
                    (out.best, out.cost) = (g, c);
                }
                if !settled {
                    return;
                }
            }
            if out.cost > out.lower {
                out.lower += 1;
            }
        }
    }

    /// Staff the best roster's split exactly and polish that, while it helps.
    fn staff_polished(&self, out: &mut Settled, by: Instant) {
        for _ in 0..STAFF_ROUNDS {
            if out.cost <= out.lower || Instant::now() >= by {
                return;
            }
            match self.staff(split_of(&out.best), Some(out.best.clone()), out.cost, None) {
                (Some((g, c)), _) => (out.best, out.cost) = (g, c),
                (None, _) => return,
            }
        }
    }

    /// Staff other splits of the least balance, each once: the one
    /// `split_units` found, then those moving the fewest units from the
    /// best roster's. A split's staffing can reach a workload another's
    /// cannot.
    fn staff_others(&self, out: &mut Settled, by: Instant) {
        let mut tried = vec![split_of(&out.best)];
        // First the splits that a walk found may hold a roster at the floor.
        let mut queue: Vec<Split> = self.balanced.iter().cloned().collect();
        queue.extend(std::mem::take(&mut out.promising).into_iter().rev());
        for _ in 0..OTHER_SPLITS + queue.len() {
            if out.cost <= out.lower || Instant::now() >= by {
                return;
            }
            let left = by.saturating_duration_since(Instant::now());
            let Some(split) = queue.pop().or_else(|| {
                nearest_split(
                    self.inst,
                    &split_of(&out.best),
                    self.balance_floor,
                    &tried,
                    left,
                )
            }) else {
                return;
            };
            if tried.iter().any(|t| same_split(t, &split)) {
                continue;
            }
            tried.push(split.clone());
            if cutoff::split_bound(self.inst, &split).is_none_or(|b| b >= out.cost) {
                continue; // no roster of it is cheaper
            }
            if let (Some((g, c)), _) = self.staff(split, None, out.cost, None) {
                // The polish may have moved units: that split is tried too.
                tried.push(split_of(&g));
                (out.best, out.cost) = (g, c);
            }
        }
    }
}

fn split_of(groups: &[Group]) -> Split {
    groups.iter().map(|g| g.units.clone()).collect()
}
