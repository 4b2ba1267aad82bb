//! A fair, auditable draw of a round's roster (`xuncha draw`, issue 15).
//!
//! Among the rosters that satisfy every hard rule and whose objective is
//! within `within_pct` % of the optimum, a probability distribution is
//! chosen so that the smallest chance any available pool member has of
//! being seated is as large as possible (maximin), then the next smallest
//! (leximin, while the budget lasts): the column generation of Flanigan et
//! al., "Fair algorithms for selecting citizens' assemblies" (Nature 2021),
//! with a local search confirmed by the validator as the column oracle
//! ([`oracle`]; the MILP backend is too slow to price columns in time).
//!
//! The roster is then drawn from that distribution by a ChaCha20 stream
//! seeded with SHA-256 of the public seed. Probabilities are rounded to
//! millionths before drawing and printing, rosters are ordered by their
//! canonical key, and the search is bounded by counts (never by the
//! clock), so the same scenario and seed give the same roster on every
//! machine.

use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;

use rand_chacha::rand_core::{RngCore, SeedableRng};
use rand_chacha::ChaCha20Rng;
use sha2::{Digest, Sha256};

use crate::eligibility::Exclusion;
use crate::ids::PersonIx;
use crate::scenario::{Group, Round, Scenario};
use crate::solver::{self, Cmp, Plan, PlanError, PlanOptions, Status};

mod oracle;
use oracle::Oracle;

/// The tolerance when none is given: rosters within 10 % of the optimum.
pub const DEFAULT_WITHIN_PCT: f64 = 10.0;
/// Probabilities are whole millionths.
pub const SCALE: u64 = 1_000_000;
/// Oracle calls per draw, at most (a count, not a time, so that every
/// machine computes the same distribution).
const MAX_ORACLE_CALLS: usize = 100;
const LP_LIMIT: Duration = Duration::from_secs(30);
const EPS: f64 = 1e-6;

/// How to draw.
#[derive(Debug, Clone)]
pub struct DrawOptions {
    /// The public seed, any text.
    pub seed: String,
    /// Rosters whose objective is at most optimum × (1 + within_pct / 100).
    pub within_pct: f64,
    /// For finding the optimum (as `plan --time-limit`).
    pub time_limit: Duration,
}

/// The distribution the roster is drawn from.
#[derive(Debug, Clone)]
pub struct Distribution {
    /// The optimum's objective (or the best found, when not proven).
    pub optimum: u64,
    /// Whether `optimum` is proven.
    pub optimum_proven: bool,
    /// The largest objective a roster in the distribution may have.
    pub cap: u64,
    /// Rosters with their probability in millionths (> 0, summing to
    /// [`SCALE`]), by canonical key.
    pub rosters: Vec<(String, Vec<Group>, u64)>,
    /// Every available member's chance of being seated, in millionths, by index.
    pub probabilities: Vec<(PersonIx, u64)>,
    /// Pool members who cannot serve in the round, with the reasons.
    pub cannot_serve: Vec<(PersonIx, Vec<Exclusion>)>,
    /// Whether the search stopped because the oracle found no better
    /// roster (rather than on its budget). The oracle is a local search,
    /// so this is not a proof that the maximin is exact.
    pub converged: bool,
    /// Oracle calls made.
    pub oracle_calls: usize,
    /// Validator calls the oracle made.
    pub checks: usize,
}

impl Distribution {
    pub fn min_p(&self) -> u64 {
        self.probabilities
            .iter()
            .map(|(_, p)| *p)
            .min()
            .unwrap_or(0)
    }

    /// The smallest chance a uniform lottery over the same rosters would
    /// give an available member, in millionths (rounded down).
    pub fn uniform_min_p(&self) -> u64 {
        let n = self.rosters.len() as u64;
        if n == 0 {
            return 0;
        }
        self.probabilities
            .iter()
            .map(|(p, _)| {
                let k = self
                    .rosters
                    .iter()
                    .filter(|(_, g, _)| seated(g).contains(p))
                    .count() as u64;
                k * SCALE / n
            })
            .min()
            .unwrap_or(0)
    }
}

/// A drawn roster.
#[derive(Debug, Clone)]
pub struct Draw {
    /// The drawn roster as a plan (status `optimal` when it costs the
    /// optimum, else `feasible` with the optimum as bound); an infeasible
    /// round comes back as `plan` says it.
    pub plan: Plan,
    pub seed: String,
    pub within_pct: f64,
    /// `None` when the round has no roster.
    pub distribution: Option<Distribution>,
    /// The index of the drawn roster in `distribution.rosters`.
    pub drawn: Option<usize>,
}

#[derive(Debug, thiserror::Error)]
pub enum DrawError {
    #[error(transparent)]
    Plan(#[from] PlanError),
    /// The column oracle failed (a backend failure or a bug).
    #[error("the draw's roster breaks rules {}", .0.iter().map(|v| v.rule()).collect::<Vec<_>>().join(", "))]
    Oracle(Vec<crate::roster_check::Violation>),
}

/// Who sits in a roster.
pub fn seated(groups: &[Group]) -> BTreeSet<PersonIx> {
    groups
        .iter()
        .flat_map(|g| g.members.iter().copied())
        .collect()
}

/// A roster's canonical key: groups by first unit, each as units then
/// members (leader first), in ids.
pub fn roster_key(s: &Scenario, groups: &[Group]) -> String {
    let mut parts: Vec<String> = groups
        .iter()
        .map(|g| {
            let units: Vec<&str> = g.units.iter().map(|u| s.unit(*u).id.as_str()).collect();
            let members: Vec<&str> = g.members.iter().map(|p| s.person(*p).id.as_str()).collect();
            format!("{}:{}", units.join(","), members.join(","))
        })
        .collect();
    parts.sort();
    parts.join("|")
}

/// The objective cap for `optimum` and `within_pct` (objectives are integers).
pub fn cap(optimum: u64, within_pct: f64) -> u64 {
    let pct = if within_pct.is_finite() {
        within_pct.max(0.0)
    } else {
        0.0
    };
    // Millionths of a percent, in integers, so the cap is the same everywhere.
    let micro = (pct * 1e6).round() as u128;
    let extra = (optimum as u128 * micro) / (100 * 1_000_000);
    optimum.saturating_add(extra.min(u64::MAX as u128) as u64)
}

/// Draw a roster for `round` of `s`.
pub fn draw(s: &Scenario, round: &Round, opts: &DrawOptions) -> Result<Draw, DrawError> {
    let plan = solver::plan(
        s,
        round,
        &PlanOptions {
            time_limit: opts.time_limit,
            ..Default::default()
        },
    )?;
    let Some(best) = plan.breakdown.as_ref().map(|b| b.objective.total) else {
        return Ok(Draw {
            plan,
            seed: opts.seed.clone(),
            within_pct: opts.within_pct,
            distribution: None,
            drawn: None,
        });
    };
    let dist = distribution(
        s,
        round,
        best,
        plan.status == Status::Optimal,
        opts.within_pct,
        plan.groups.clone(),
    )?;
    let drawn = sample(&dist, &opts.seed);
    let groups = dist.rosters[drawn].1.clone();
    let breakdown = crate::roster_check::check(s, round, &groups).map_err(DrawError::Oracle)?;
    let status = if breakdown.objective.total <= best && plan.status == Status::Optimal {
        Status::Optimal
    } else {
        Status::Feasible {
            bound: match plan.status {
                Status::Optimal => Some(best as f64),
                Status::Feasible { bound } => bound,
                Status::Infeasible => None,
            },
        }
    };
    let plan = Plan {
        status,
        groups,
        breakdown: Some(breakdown),
        ..plan
    };
    Ok(Draw {
        plan,
        seed: opts.seed.clone(),
        within_pct: opts.within_pct,
        distribution: Some(dist),
        drawn: Some(drawn),
    })
}

/// The maximin (then leximin) distribution over rosters costing at most
/// `cap(optimum, within_pct)`, starting from `start` (an optimal roster).
pub fn distribution(
    s: &Scenario,
    round: &Round,
    optimum: u64,
    optimum_proven: bool,
    within_pct: f64,
    start: Vec<Group>,
) -> Result<Distribution, DrawError> {
    let cap = cap(optimum, within_pct);
    let oracle = Oracle::new(s, round, cap);
    let people: Vec<PersonIx> = oracle.people.clone();
    let eligibility = crate::eligibility::Eligibility::for_dates(s, round.dates());
    let mut columns = Columns::new(s);
    columns.add(start);
    let mut calls = 0usize;
    let mut converged = true;
    let ask = |weights: &BTreeMap<PersonIx, f64>,
               columns: &Columns,
               calls: &mut usize|
     -> Result<Option<(Vec<Group>, bool)>, DrawError> {
        *calls += 1;
        let start = columns.best_for(weights).unwrap_or(&[]);
        if let Some(g) = oracle.improve(start, weights) {
            return Ok(Some((g, true)));
        }
        // The warm start may sit at the cap with no slack for a swap: try
        // again from the cheapest roster known (the optimum, found first).
        Ok(match columns.list.first() {
            Some((_, cheapest, _)) if cheapest.as_slice() != start => {
                oracle.improve(cheapest, weights).map(|g| (g, true))
            }
            _ => None,
        })
    };
    // A first spread of columns: everyone weighted alike.
    let uniform: BTreeMap<PersonIx, f64> = people.iter().map(|p| (*p, 1.0)).collect();
    if let Some((g, proven)) = ask(&uniform, &columns, &mut calls)? {
        converged &= proven;
        columns.add(g);
    }
    // Leximin levels: members whose chance is settled, with that chance.
    let mut fixed: BTreeMap<PersonIx, f64> = BTreeMap::new();
    let mut pi: Vec<f64> = vec![1.0; 1];
    'levels: while fixed.len() < people.len() {
        let free: Vec<PersonIx> = people
            .iter()
            .copied()
            .filter(|p| !fixed.contains_key(p))
            .collect();
        // Column generation on the dual: weights y over members. Past the
        // budget, the levels go on over the rosters already found.
        let y = loop {
            let Some((y, w)) = dual(&people, &free, &fixed, &columns) else {
                converged = false;
                break None;
            };
            if calls >= MAX_ORACLE_CALLS {
                converged = false;
                break Some(y);
            }
            let found = ask(&y, &columns, &mut calls)?.filter(|(g, _)| {
                let value: f64 = seated(g)
                    .iter()
                    .map(|p| y.get(p).copied().unwrap_or(0.0))
                    .sum();
                value > w + EPS
            });
            if let Some((g, _)) = found {
                if columns.add(g) {
                    continue;
                }
            }
            // The dual's prices lead nowhere the local search can reach:
            // weigh every worst-off member alike instead.
            if calls >= MAX_ORACLE_CALLS {
                converged = false;
                break Some(y);
            }
            let Some((z, pi)) = primal(&people, &free, &fixed, &columns) else {
                break Some(y);
            };
            // While some are seated by no roster found, those are the
            // worst off whatever the weights say: ask for them, so every
            // new roster seats someone new (a roster seating only members
            // already seen would be found again and again).
            let cover = columns.coverage(&pi);
            let never: Vec<PersonIx> = free
                .iter()
                .copied()
                .filter(|p| !columns.list.iter().any(|(_, _, sit)| sit.contains(p)))
                .collect();
            let worst: BTreeMap<PersonIx, f64> = if z <= EPS && !never.is_empty() {
                never.iter().map(|p| (*p, 1.0)).collect()
            } else {
                free.iter()
                    .filter(|p| cover.get(p).copied().unwrap_or(0.0) <= z + EPS)
                    .map(|p| (*p, 1.0))
                    .collect()
            };
            let added = ask(&worst, &columns, &mut calls)?.is_some_and(|(g, _)| columns.add(g));
            if !added {
                break Some(y);
            }
        };
        let Some((z, weights)) = primal(&people, &free, &fixed, &columns) else {
            converged = false;
            break 'levels;
        };
        pi = weights;
        // Members the dual prices are settled at this level; without a
        // price, every member at the level's minimum.
        // Nobody can be promised anything: those no roster found seats
        // are settled at zero all at once.
        let never: Vec<PersonIx> = free
            .iter()
            .copied()
            .filter(|p| !columns.list.iter().any(|(_, _, sit)| sit.contains(p)))
            .collect();
        let mut settle: Vec<PersonIx> = match &y {
            _ if z <= EPS && !never.is_empty() => never,
            Some(y) => free
                .iter()
                .copied()
                .filter(|p| y.get(p).copied().unwrap_or(0.0) > EPS)
                .collect(),
            None => Vec::new(),
        };
        if settle.is_empty() {
            let cover = columns.coverage(&pi);
            settle = free
                .iter()
                .copied()
                .filter(|p| cover.get(p).copied().unwrap_or(0.0) <= z + EPS)
                .collect();
        }
        if settle.is_empty() {
            break;
        }
        if std::env::var_os("XUNCHA_DRAW_DEBUG").is_some() {
            eprintln!(
                "level z={z:.6} settle={} calls={calls} cols={}",
                settle.len(),
                columns.list.len()
            );
        }
        for p in settle {
            fixed.insert(p, z);
        }
        if y.is_none() {
            break;
        }
    }
    if pi.len() != columns.list.len() {
        // The last level had no LP answer: fall back on the previous
        // weights padded with zeros (or uniform if there were none).
        pi.resize(columns.list.len(), 0.0);
        if pi.iter().sum::<f64>() <= 0.0 {
            pi = vec![1.0 / columns.list.len() as f64; columns.list.len()];
        }
    }
    let rosters = round_weights(&columns, &pi);
    let mut probabilities: Vec<(PersonIx, u64)> = people.iter().map(|p| (*p, 0)).collect();
    for (_, g, m) in &rosters {
        let sit = seated(g);
        for (p, acc) in &mut probabilities {
            if sit.contains(p) {
                *acc += m;
            }
        }
    }
    Ok(Distribution {
        optimum,
        optimum_proven,
        cap,
        rosters,
        probabilities,
        cannot_serve: eligibility.excluded,
        converged,
        oracle_calls: calls,
        checks: oracle.checks.get(),
    })
}

/// Pick a roster of `dist` with the seed: SHA-256 of the seed seeds a
/// ChaCha20 stream; a uniform integer below [`SCALE`] (by rejection, so no
/// library's range algorithm is involved) falls in one roster's share.
pub fn sample(dist: &Distribution, seed: &str) -> usize {
    let mut h = Sha256::new();
    h.update(b"xuncha-draw-v1\0");
    h.update(seed.as_bytes());
    let digest: [u8; 32] = h.finalize().into();
    let mut rng = ChaCha20Rng::from_seed(digest);
    let total: u64 = dist.rosters.iter().map(|r| r.2).sum();
    let zone = (u64::MAX / total) * total;
    let u = loop {
        let x = rng.next_u64();
        if x < zone {
            break x % total;
        }
    };
    let mut acc = 0;
    for (i, (_, _, m)) in dist.rosters.iter().enumerate() {
        acc += m;
        if u < acc {
            return i;
        }
    }
    dist.rosters.len() - 1
}

/// The rosters found so far, without repeats.
struct Columns<'s> {
    s: &'s Scenario,
    keys: BTreeSet<String>,
    list: Vec<(String, Vec<Group>, BTreeSet<PersonIx>)>,
}

impl<'s> Columns<'s> {
    fn new(s: &'s Scenario) -> Self {
        Columns {
            s,
            keys: BTreeSet::new(),
            list: Vec::new(),
        }
    }

    /// Add a roster; false when it was already there.
    fn add(&mut self, groups: Vec<Group>) -> bool {
        let key = roster_key(self.s, &groups);
        if !self.keys.insert(key.clone()) {
            return false;
        }
        let sit = seated(&groups);
        self.list.push((key, groups, sit));
        true
    }

    /// The known roster seating the most weight (a warm start).
    fn best_for(&self, weights: &BTreeMap<PersonIx, f64>) -> Option<&[Group]> {
        let value = |sit: &BTreeSet<PersonIx>| -> f64 {
            sit.iter()
                .map(|p| weights.get(p).copied().unwrap_or(0.0))
                .sum()
        };
        let mut best: Option<(f64, &[Group])> = None;
        for (_, g, sit) in &self.list {
            let v = value(sit);
            if best.is_none_or(|(b, _)| v > b + EPS) {
                best = Some((v, g));
            }
        }
        best.map(|(_, g)| g)
    }

    /// Each member's chance of being seated under weights `pi`.
    fn coverage(&self, pi: &[f64]) -> BTreeMap<PersonIx, f64> {
        let mut out = BTreeMap::new();
        for ((_, _, sit), w) in self.list.iter().zip(pi) {
            for p in sit {
                *out.entry(*p).or_insert(0.0) += w;
            }
        }
        out
    }
}

/// The dual of a level: min w − Σ_fixed v_p·y_p subject to
/// Σ_{p∈r} y_p ≤ w for every roster r, Σ_free y_p = 1, y ≥ 0.
/// Returns the member weights and w.
fn dual(
    people: &[PersonIx],
    free: &[PersonIx],
    fixed: &BTreeMap<PersonIx, f64>,
    columns: &Columns,
) -> Option<(BTreeMap<PersonIx, f64>, f64)> {
    let n = people.len();
    let index: BTreeMap<PersonIx, usize> =
        people.iter().enumerate().map(|(i, p)| (*p, i)).collect();
    let wv = n; // w's index
    let mut bounds = vec![(0.0, 1e4); n + 1];
    bounds[wv] = (0.0, 1e6);
    let mut cost = vec![0.0; n + 1];
    cost[wv] = 1.0;
    for (p, v) in fixed {
        // Slightly below the settled value, so rounding never makes the
        // level infeasible.
        cost[index[p]] = -(v - EPS).max(0.0);
    }
    let mut rows = Vec::new();
    for (_, _, sit) in &columns.list {
        let mut terms: Vec<(usize, f64)> = sit
            .iter()
            .filter_map(|p| index.get(p).map(|i| (*i, 1.0)))
            .collect();
        terms.push((wv, -1.0));
        rows.push((terms, Cmp::Le, 0.0));
    }
    rows.push((free.iter().map(|p| (index[p], 1.0)).collect(), Cmp::Eq, 1.0));
    let v = solver::solve_lp(&bounds, &cost, &rows, LP_LIMIT)?;
    let y = people
        .iter()
        .enumerate()
        .filter(|(i, _)| v[*i] > 1e-9)
        .map(|(i, p)| (*p, v[i]))
        .collect();
    Some((y, v[wv]))
}

/// The primal of a level: max z subject to each free member seated with
/// chance ≥ z, each settled member with at least its settled chance,
/// Σπ = 1, π ≥ 0. Returns z and π (one weight per column).
fn primal(
    people: &[PersonIx],
    free: &[PersonIx],
    fixed: &BTreeMap<PersonIx, f64>,
    columns: &Columns,
) -> Option<(f64, Vec<f64>)> {
    let r = columns.list.len();
    let zv = r;
    let mut bounds = vec![(0.0, 1.0); r + 1];
    bounds[zv] = (0.0, 1.0);
    let mut cost = vec![0.0; r + 1];
    cost[zv] = -1.0;
    let mut rows = Vec::new();
    for p in people {
        let terms: Vec<(usize, f64)> = columns
            .list
            .iter()
            .enumerate()
            .filter(|(_, (_, _, sit))| sit.contains(p))
            .map(|(i, _)| (i, 1.0))
            .collect();
        match fixed.get(p) {
            Some(v) => rows.push((terms, Cmp::Ge, (v - EPS).max(0.0))),
            None if free.contains(p) => {
                let mut terms = terms;
                terms.push((zv, -1.0));
                rows.push((terms, Cmp::Ge, 0.0));
            }
            None => {}
        }
    }
    rows.push(((0..r).map(|i| (i, 1.0)).collect(), Cmp::Eq, 1.0));
    let v = solver::solve_lp(&bounds, &cost, &rows, LP_LIMIT)?;
    let pi: Vec<f64> = v[..r].iter().map(|x| x.max(0.0)).collect();
    Some((v[zv], pi))
}

/// Round π to millionths summing to exactly [`SCALE`] (the remainder goes
/// to the heaviest roster, ties by key), dropping zero weights; rosters by key.
fn round_weights(columns: &Columns, pi: &[f64]) -> Vec<(String, Vec<Group>, u64)> {
    let total: f64 = pi.iter().sum();
    let mut out: Vec<(String, Vec<Group>, u64)> = columns
        .list
        .iter()
        .zip(pi)
        .map(|((k, g, _), w)| {
            (
                k.clone(),
                g.clone(),
                (w / total * SCALE as f64).round() as u64,
            )
        })
        .filter(|r| r.2 > 0)
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    let sum: u64 = out.iter().map(|r| r.2).sum();
    if let Some(heaviest) = (0..out.len()).max_by(|a, b| out[*a].2.cmp(&out[*b].2).then(b.cmp(a))) {
        let m = &mut out[heaviest].2;
        *m = (*m + SCALE).saturating_sub(sum);
    }
    out
}
