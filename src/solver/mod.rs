//! Planning a round (`xuncha plan`): the MILP behind a small API.
//!
//! [`plan`] builds the model ([`model`]) from the round ([`instance`]),
//! starts from a greedy roster ([`heuristic`]) improved by a local search
//! ([`local`]) that often proves it optimal (counting floors in [`bound`],
//! the split bound in [`cutoff`]); otherwise it solves the model with the
//! compiled backend ([`backend`]), warm-started. Either way the roster goes
//! to the independent validator ([`crate::roster_check`]) before it is
//! returned. An infeasible round comes back with its reasons ([`diagnose`]).

mod backend;
mod bound;
mod cutoff;
mod diagnose;
pub mod finding;
mod flow;
mod heuristic;
mod instance;
mod local;
mod lp;
mod milp;
mod model;
mod pins;
mod polish;
pub mod suggest;

use std::time::{Duration, Instant};

pub use backend::backend_name;
pub use finding::Finding;
pub use lp::{solve_lp, LpRow};
pub use milp::{Cmp, Family};
pub use pins::Pins;

use crate::roster_check;
use crate::scenario::{Group, Round, Scenario};
use crate::score::Breakdown;
use instance::Instance;
use model::{Disruption, Omit, RoundModel};

/// Where a long solve is, for a progress display (the command line draws
/// it; the solver only reports it): the best roster's objective so far, the
/// proven bound, and the time spent.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Progress {
    pub incumbent: Option<f64>,
    pub bound: Option<f64>,
    pub elapsed: Duration,
}

impl Progress {
    /// Relative gap between incumbent and bound, when both are known.
    pub fn gap(&self) -> Option<f64> {
        let (i, b) = (self.incumbent?, self.bound?);
        Some(if i <= 0.0 {
            0.0
        } else {
            ((i - b) / i).max(0.0)
        })
    }
}

/// Receives [`Progress`] as the solve goes; does nothing by default.
#[derive(Clone, Default)]
pub struct OnProgress(Option<std::sync::Arc<dyn Fn(Progress) + Send + Sync>>);

impl OnProgress {
    pub fn new(f: impl Fn(Progress) + Send + Sync + 'static) -> Self {
        OnProgress(Some(std::sync::Arc::new(f)))
    }
    fn send(&self, p: Progress) {
        if let Some(f) = &self.0 {
            f(p);
        }
    }
}

impl std::fmt::Debug for OnProgress {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(if self.0.is_some() {
            "OnProgress(..)"
        } else {
            "OnProgress(none)"
        })
    }
}

/// How to plan.
#[derive(Debug, Clone)]
pub struct PlanOptions {
    /// Past it, the best roster found is returned with status `feasible`.
    pub time_limit: Duration,
    /// Decisions the roster must respect.
    pub pins: Pins,
    /// Repair: change as few seats of this roster as possible, then
    /// minimise the soft terms.
    pub reference: Option<Vec<Group>>,
    /// Told the incumbent and bound as they become known.
    pub progress: OnProgress,
    /// Candidates × groups above which a round is solved in two stages
    /// (units split first, then people). Tests lower it to reach that path
    /// on small rounds.
    pub two_stage_above: usize,
    /// When no roster exists, look for verified changes (`suggestions`).
    pub suggest: bool,
}

impl Default for PlanOptions {
    fn default() -> Self {
        PlanOptions {
            time_limit: Duration::from_secs(60),
            pins: Pins::default(),
            reference: None,
            progress: OnProgress::default(),
            two_stage_above: LARGE,
            suggest: true,
        }
    }
}

/// What a plan ended with.
#[derive(Debug, Clone, PartialEq)]
pub enum Status {
    /// Proven optimal.
    Optimal,
    /// The time limit stopped the proof; `bound` is a proven lower bound on
    /// the objective (from the LP relaxation) when one was computed.
    Feasible { bound: Option<f64> },
    /// No roster exists.
    Infeasible,
}

impl Status {
    pub fn as_str(&self) -> &'static str {
        match self {
            Status::Optimal => "optimal",
            Status::Feasible { .. } => "feasible",
            Status::Infeasible => "infeasible",
        }
    }
}

/// Size and time of the solve, for notes and benchmarks.
#[derive(Debug, Clone, PartialEq)]
pub struct SolveStats {
    pub backend: &'static str,
    pub variables: usize,
    pub rows: usize,
    pub seconds: f64,
}

/// A planned round.
#[derive(Debug, Clone)]
pub struct Plan {
    pub round: String,
    pub status: Status,
    /// Empty when infeasible. Groups in the order of their first unit in
    /// `round.units`; members leader first.
    pub groups: Vec<Group>,
    /// The validator's recomputation of the soft terms, with what makes them up.
    pub breakdown: Option<Breakdown>,
    /// Why no roster exists (infeasible only).
    pub diagnosis: Vec<Finding>,
    /// What to change so that a roster exists, each verified (infeasible
    /// only; empty when none was found within the budget).
    pub suggestions: Vec<suggest::Suggestion>,
    /// Repair only: seats that differ from the reference roster (a person
    /// leaving a group or joining one), and whether that number is proven
    /// smallest.
    pub changes: Option<(u64, bool)>,
    pub stats: SolveStats,
}

impl Plan {
    /// Relative gap between the roster and the proven bound, when known.
    pub fn gap(&self) -> Option<f64> {
        match (&self.status, &self.breakdown) {
            (Status::Optimal, _) => Some(0.0),
            (Status::Feasible { bound: Some(b) }, Some(bd)) => {
                let total = bd.objective.total as f64;
                Some(if total <= 0.0 {
                    0.0
                } else {
                    ((total - b) / total).max(0.0)
                })
            }
            _ => None,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum PlanError {
    #[error("no roster was found within the time limit of {0:.0} s; nothing is known about feasibility yet: raise --time-limit")]
    Timeout(f64),
    #[error("the solver backend failed: {0}")]
    Backend(String),
    /// The independent validator rejected the solver's roster: a bug.
    #[error("BUG: the solver produced a roster that breaks rules {}; please report it with the scenario", .0.iter().map(|v| v.rule()).collect::<Vec<_>>().join(", "))]
    InvalidRoster(Vec<crate::roster_check::Violation>),
    #[error("BUG: the solver's objective {solver} differs from the validator's {validator}; please report it with the scenario")]
    ObjectiveMismatch { solver: f64, validator: u64 },
}

/// Partial splits the walk for the least balance may visit before the
/// units model takes over (each costs about a microsecond).
const SPLIT_STEPS: usize = 200_000;

/// Candidates × groups above which a round is solved in two stages, by
/// default.
pub const LARGE: usize = 8_000;

/// Plan `round` of `s`.
pub fn plan(s: &Scenario, round: &Round, opts: &PlanOptions) -> Result<Plan, PlanError> {
    let began = Instant::now();
    let inst = Instance::with(s, round, opts.pins.clone(), opts.reference.clone());
    let mut stats = SolveStats {
        backend: backend_name(),
        variables: 0,
        rows: 0,
        seconds: 0.0,
    };
    // Suggestions are tried within a fifth of the time limit, at most 3 s
    // (a diagnosis, suggestions included, within 5 s: issue 16).
    let suggestion_budget = (opts.time_limit / 5).min(Duration::from_secs(3));
    let infeasible = |at: &Instance, diagnosis: Vec<Finding>, mut stats: SolveStats| {
        let suggestions = if opts.suggest {
            suggest::suggestions(at, suggestion_budget, 3)
        } else {
            Vec::new()
        };
        stats.seconds = began.elapsed().as_secs_f64();
        Plan {
            round: round.id.clone(),
            status: Status::Infeasible,
            groups: Vec::new(),
            breakdown: None,
            diagnosis,
            suggestions,
            changes: None,
            stats,
        }
    };
    let reasons = diagnose::precheck(&inst);
    if !reasons.is_empty() {
        return Ok(infeasible(&inst, reasons, stats));
    }
    let remaining = |began: Instant| opts.time_limit.saturating_sub(began.elapsed());
    let (mut floor, split) = split_units(&inst, remaining(began) / 10);
    if inst.s.weights.balance == 0 {
        floor = 0;
    }
    // Large rounds are solved in two stages: the split of units first (for
    // balance), then the people for that split. The counting bound stays
    // valid for the whole round; the second stage's own bound does not.
    let two_stage = inst.reference.is_none()
        && inst.people.len() * inst.groups() > opts.two_stage_above
        && split.is_some();
    let global_floor = bound::objective_floor(&inst, floor);
    opts.progress.send(Progress {
        incumbent: None,
        bound: Some(global_floor as f64),
        elapsed: began.elapsed(),
    });
    let base = inst.clone();
    let balanced = split.clone();
    let inst = if two_stage {
        inst.with_partition(split.expect("checked above"))
    } else {
        inst
    };
    // A repair first finds the fewest changed seats, then the best roster
    // with no more changes than that.
    let mut changes = None;
    let mut repaired: Option<Vec<Group>> = None;
    let disruption = match &inst.reference {
        None => Disruption::Ignore,
        Some(reference) => {
            let seats: u64 = reference.iter().map(|g| g.members.len() as u64).sum();
            let first = RoundModel::build_with(&inst, &Omit::new(), 0, Disruption::Minimise);
            match backend::solve(&first.milp, remaining(began) / 2, false, None, Some(0.0)) {
                backend::Outcome::Optimal(v) => {
                    let c = (first.milp.cost(&v) + seats as f64).round().max(0.0) as u64;
                    changes = Some((c, true));
                    repaired = Some(first.groups(&inst, &v));
                    Disruption::AtMost(c)
                }
                backend::Outcome::Stopped(v, _) => {
                    let c = (first.milp.cost(&v) + seats as f64).round().max(0.0) as u64;
                    changes = Some((c, false));
                    repaired = Some(first.groups(&inst, &v));
                    Disruption::AtMost(c)
                }
                backend::Outcome::Infeasible => {
                    let per_test = (remaining(began) / 10).max(Duration::from_secs(2));
                    return Ok(infeasible(
                        &inst,
                        diagnose::deletion_filter(&inst, per_test),
                        stats,
                    ));
                }
                backend::Outcome::Unknown => {
                    return Err(PlanError::Timeout(opts.time_limit.as_secs_f64()))
                }
                backend::Outcome::Error(e) => return Err(PlanError::Backend(e)),
            }
        }
    };
    let deadline = began + opts.time_limit;
    // A roster at the floor is optimal: the greedy one, or else the one
    // the local search ([`local`]) ends with, whose split bound may also
    // raise the floor. A roster above the floor warm-starts the MILP.
    let meets_floor = |g: &Vec<Group>| {
        roster_check::check(s, round, &finish(s, round, g.clone()))
            .is_ok_and(|b| b.objective.total <= global_floor)
    };
    let greedy = (disruption == Disruption::Ignore && inst.pins.is_empty())
        .then(|| heuristic::greedy(&inst))
        .flatten();
    // Raised by the local search's split bound.
    let mut lower = global_floor;
    let (start, proven_by) = match greedy {
        Some(g) if meets_floor(&g) => (Some(g), Some("greedy, proven by counting")),
        Some(g) if two_stage => (Some(polish::polish(&inst, &g, global_floor)), None),
        Some(g) => {
            let settled = local::LocalSearch {
                inst: &inst,
                balance_floor: floor,
                floor: global_floor,
                balanced,
                budget: (opts.time_limit / 10).min(Duration::from_secs(1)),
                deadline,
                stats: stats.clone(),
            }
            .run(&g);
            lower = settled.lower;
            (Some(settled.best), settled.proven_by)
        }
        None => (None, None),
    };
    let mut found = match (proven_by, start) {
        (Some(way), Some(groups)) => {
            stats.backend = way;
            Searched::Found {
                groups,
                objective: None,
                proven: true,
                bound: None,
            }
        }
        (_, start) => search(
            &inst,
            floor,
            lower,
            disruption,
            repaired.or(start),
            deadline,
            !two_stage,
            None,
            &mut stats,
        ),
    };
    if two_stage && matches!(found, Searched::Infeasible) {
        // The split that balances best may be impossible to staff; try the
        // whole round in one model with the time left.
        found = search(
            &base,
            floor,
            global_floor,
            disruption,
            None,
            deadline,
            true,
            None,
            &mut stats,
        );
    }
    let (status, groups, solver_objective) = match found {
        Searched::Found {
            groups,
            objective,
            proven,
            bound,
        } => {
            let status = if proven && (!two_stage || objective.is_none()) {
                Status::Optimal
            } else {
                // The floor (counting, raised by the split bound) holds for
                // any roster of the round; the solver's own bound only when
                // the whole round was modelled.
                let bound = match bound {
                    Some(b) if !two_stage => b.max(lower as f64),
                    _ => lower as f64,
                };
                Status::Feasible { bound: Some(bound) }
            };
            (status, groups, objective)
        }
        Searched::Infeasible => {
            let per_test = (remaining(began) / 10).max(Duration::from_secs(2));
            let diagnosis = diagnose::deletion_filter(&base, per_test);
            return Ok(infeasible(&base, diagnosis, stats));
        }
        Searched::Timeout => return Err(PlanError::Timeout(opts.time_limit.as_secs_f64())),
        Searched::Error(e) => return Err(PlanError::Backend(e)),
    };
    let groups = finish(s, round, groups);
    let breakdown = roster_check::check(s, round, &groups).map_err(PlanError::InvalidRoster)?;
    // The model may overstate a roster's cost when the search stopped with
    // bookkeeping variables above their least values, never understate it:
    // a model cost below the validator's would be a modelling bug.
    if let Some(obj) = solver_objective {
        if obj + 0.5 < breakdown.objective.total as f64 {
            return Err(PlanError::ObjectiveMismatch {
                solver: obj,
                validator: breakdown.objective.total,
            });
        }
    }
    let status = match status {
        // Every objective coefficient is an integer: a roster not above
        // the proven bound rounded up is optimal.
        Status::Feasible { bound: Some(b) }
            if backend::within_one(breakdown.objective.total as f64, Some(b)) =>
        {
            Status::Optimal
        }
        other => other,
    };
    stats.seconds = began.elapsed().as_secs_f64();
    opts.progress.send(Progress {
        incumbent: Some(breakdown.objective.total as f64),
        bound: match &status {
            Status::Optimal => Some(breakdown.objective.total as f64),
            Status::Feasible { bound } => *bound,
            Status::Infeasible => None,
        },
        elapsed: began.elapsed(),
    });
    Ok(Plan {
        suggestions: Vec::new(),
        round: round.id.clone(),
        status,
        groups,
        breakdown: Some(breakdown),
        diagnosis: Vec::new(),
        changes,
        stats,
    })
}

/// What one model solve found.
enum Searched {
    Found {
        groups: Vec<Group>,
        /// The model's objective for the roster (None for the greedy fallback).
        objective: Option<f64>,
        /// Proven optimal for this model.
        proven: bool,
        /// A proven lower bound for this model, when stopped early.
        bound: Option<f64>,
    },
    Infeasible,
    Timeout,
    Error(String),
}

/// Build and solve the model of `inst` by `deadline`, warm-started from
/// `start` or the greedy roster when it satisfies the model; only rosters
/// costing less than `below`, when given (infeasible when there is none).
/// `objective_floor` is a lower bound on the cost of every roster of the
/// round (counting, or the split bound): a start at it is optimal, and the
/// backend's bound is kept up to it.
#[allow(clippy::too_many_arguments)]
fn search(
    inst: &Instance,
    floor: u64,
    objective_floor: u64,
    disruption: Disruption,
    start: Option<Vec<Group>>,
    deadline: Instant,
    want_bound: bool,
    below: Option<u64>,
    stats: &mut SolveStats,
) -> Searched {
    let remaining = || deadline.saturating_duration_since(Instant::now());
    let mut model = RoundModel::build_with(inst, &Omit::new(), floor, disruption);
    let cost_terms = |model: &RoundModel| -> Vec<(milp::Var, f64)> {
        model
            .milp
            .vars
            .iter()
            .enumerate()
            .filter(|(_, d)| d.cost != 0.0)
            .map(|(v, d)| (milp::Var(v), d.cost))
            .collect()
    };
    let row_floor = bound::counted_floor(inst, floor).min(objective_floor);
    if row_floor > 0 {
        // Valid for every point of the model: its cost is at least its
        // roster's, which is at least the floor.
        model.milp.row(
            cost_terms(&model),
            milp::Cmp::Ge,
            row_floor as f64,
            milp::Tag::new(Family::Bound),
        );
    }
    if let Some(than) = below {
        // Only rosters cheaper than `than`: none is an answer too.
        model.milp.row(
            cost_terms(&model),
            milp::Cmp::Le,
            than.saturating_sub(1) as f64,
            milp::Tag::new(Family::Bound),
        );
    }
    stats.variables = model.milp.vars.len();
    stats.rows = model.milp.rows.len();
    // A warm start: the given roster (a repair's fewest-changes roster, or
    // the polished greedy one) or the greedy one, which knows nothing of
    // pins or repairs: used only if it satisfies every row of this model.
    let greedy = start.or_else(|| heuristic::greedy(inst)).filter(|g| {
        model
            .values_for(inst, g)
            .is_some_and(|v| model.milp.satisfies(&v))
    });
    let start = greedy.as_ref().and_then(|g| model.values_for(inst, g));
    // A start at the counting floor is optimal: nothing to search.
    if let (Some(v), Some(groups)) = (&start, &greedy) {
        if backend::within_one(model.milp.cost(v), Some(objective_floor as f64)) {
            return Searched::Found {
                groups: groups.clone(),
                objective: Some(model.milp.cost(v)),
                proven: true,
                bound: Some(objective_floor as f64),
            };
        }
    }
    // Every objective coefficient is an integer, so a roster less than 1
    // above the bound is optimal: let the backend stop there.
    let gap = start.as_ref().map(|v| {
        let incumbent = model.milp.cost(v).max(1.0);
        (0.999 / incumbent) as f32
    });
    // Keep a tenth of the budget for a bound if the search is cut short.
    let limit = remaining().mul_f64(if want_bound { 0.9 } else { 0.97 });
    let lp_bound =
        |model: &RoundModel, limit: Duration| want_bound.then(|| lp_bound(model, limit)).flatten();
    match backend::solve(&model.milp, limit, false, start.as_deref(), gap) {
        backend::Outcome::Optimal(v) => Searched::Found {
            groups: model.groups(inst, &v),
            objective: Some(model.milp.cost(&v)),
            proven: true,
            bound: None,
        },
        backend::Outcome::Stopped(v, bound) => Searched::Found {
            groups: model.groups(inst, &v),
            objective: Some(model.milp.cost(&v)),
            proven: false,
            bound: bound.or_else(|| lp_bound(&model, remaining())),
        },
        backend::Outcome::Infeasible => Searched::Infeasible,
        backend::Outcome::Unknown => match greedy {
            Some(groups) => Searched::Found {
                groups,
                objective: None,
                proven: false,
                bound: lp_bound(&model, remaining()),
            },
            None => Searched::Timeout,
        },
        backend::Outcome::Error(e) => Searched::Error(e),
    }
}

/// The units-only model: a floor under balance (0 when unknown in time)
/// and, when one was found, a split of the units achieving the best
/// balance found.
fn split_units(inst: &Instance, limit: Duration) -> (u64, Option<Vec<Vec<crate::UnitIx>>>) {
    if inst.groups() < 2 {
        return (0, None);
    }
    // Unless every group can weigh the same, max − min is at least 1.
    let total: u64 = inst
        .round
        .units
        .iter()
        .map(|u| inst.s.unit(*u).weight as u64)
        .sum();
    let counted = u64::from(!total.is_multiple_of(inst.groups() as u64));
    let spread = |split: &[Vec<crate::UnitIx>]| {
        let w: Vec<u64> = split
            .iter()
            .map(|g| g.iter().map(|u| inst.s.unit(*u).weight as u64).sum())
            .collect();
        w.iter().max().copied().unwrap_or(0) - w.iter().min().copied().unwrap_or(0)
    };
    let greedy = heuristic::split_units(inst);
    // How many units each group must take can force more: the pattern
    // bound, scanned up to the greedy split's balance.
    let upper = greedy
        .as_ref()
        .map(|g| spread(g))
        .unwrap_or(u64::MAX)
        .min(counted + 12);
    let trivial = bound::balance_floor(inst, counted, upper);
    if let Some(g) = &greedy {
        if spread(g) <= trivial {
            return (trivial, greedy);
        }
    }
    // The walk over splits by weight finds the least balance directly (and
    // proves it: nothing narrower was found); the units model when it
    // gives up.
    match cutoff::least_balance(inst, trivial, upper, SPLIT_STEPS, Instant::now() + limit) {
        Ok(Some((b, split))) => return (b, Some(split)),
        Ok(None) => {
            if greedy.as_ref().is_some_and(|g| spread(g) == upper) {
                return (upper, greedy);
            }
        }
        Err(()) => {}
    }
    let (m, a) = model::balance_model(inst);
    let read = |v: &[f64]| read_split(inst, &a, v);
    let floor = |x: f64| ((x - 1e-6).ceil().max(0.0) as u64).max(trivial);
    match backend::solve(&m, limit.max(Duration::from_millis(200)), false, None, None) {
        backend::Outcome::Optimal(v) => (floor(m.cost(&v)), Some(read(&v))),
        backend::Outcome::Stopped(v, bound) => {
            let found = read(&v);
            let split = match greedy {
                Some(g) if spread(&g) <= spread(&found) => g,
                _ => found,
            };
            (bound.map(floor).unwrap_or(trivial), Some(split))
        }
        _ => (trivial, greedy),
    }
}

/// The split a solution of a units model (`model::balance_model`,
/// `model::nearest_split_model`) places.
fn read_split(
    inst: &Instance,
    a: &std::collections::BTreeMap<(crate::UnitIx, usize), milp::Var>,
    v: &[f64],
) -> Vec<Vec<crate::UnitIx>> {
    let mut split = inst.fixed.clone();
    for (&(u, g), var) in a {
        if v[var.0] > 0.5 {
            split[g].push(u);
        }
    }
    split
}

/// Whether two splits place every unit in the same group (in any order).
fn same_split(a: &[Vec<crate::UnitIx>], b: &[Vec<crate::UnitIx>]) -> bool {
    let sorted = |g: &Vec<crate::UnitIx>| {
        let mut g = g.clone();
        g.sort_unstable();
        g
    };
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| sorted(x) == sorted(y))
}

/// The split with balance at most `balance` that moves the fewest units
/// from `near` and is none of `not`, when one is found within `limit`.
fn nearest_split(
    inst: &Instance,
    near: &[Vec<crate::UnitIx>],
    balance: u64,
    not: &[Vec<Vec<crate::UnitIx>>],
    limit: Duration,
) -> Option<Vec<Vec<crate::UnitIx>>> {
    let (m, a) = model::nearest_split_model(inst, near, balance, not);
    match backend::solve(&m, limit, false, None, None) {
        backend::Outcome::Optimal(v) | backend::Outcome::Stopped(v, _) => {
            Some(read_split(inst, &a, &v))
        }
        _ => None,
    }
}

/// A proven lower bound: the LP relaxation's optimum.
fn lp_bound(model: &RoundModel, limit: Duration) -> Option<f64> {
    if limit < Duration::from_millis(50) {
        return None;
    }
    match backend::solve(&model.milp, limit, true, None, None) {
        backend::Outcome::Optimal(v) => Some(model.milp.cost(&v)),
        _ => None,
    }
}

/// Canonical output: units in round order, villages by H10, members leader
/// first then by index, groups by their first unit.
pub fn finish(s: &Scenario, round: &Round, mut groups: Vec<Group>) -> Vec<Group> {
    let pos = |u: &crate::UnitIx| {
        round
            .units
            .iter()
            .position(|r| r == u)
            .unwrap_or(usize::MAX)
    };
    for g in &mut groups {
        g.units.sort_by_key(pos);
        g.villages = g
            .units
            .iter()
            .flat_map(|u| s.villages_for(*u, round.rules.villages_per_township))
            .collect();
        let leader = g.leader;
        g.members.retain(|p| *p != leader);
        g.members.sort();
        g.members.insert(0, leader);
    }
    groups.sort_by_key(|g| g.units.first().map(pos).unwrap_or(usize::MAX));
    groups
}
