//! The only file that speaks good_lp: turn a [`Milp`] into a good_lp model,
//! solve it with the compiled backend under a time limit we enforce, and
//! read the values back.

use std::time::{Duration, Instant};

use good_lp::solvers::{ResolutionError, SolutionStatus};
use good_lp::{
    variable, Expression, ProblemVariables, Solution, SolverModel, Variable, WithInitialSolution,
};
#[cfg(not(feature = "cbc"))]
use good_lp::{WithMipGap, WithTimeLimit};

use super::milp::{Cmp, Milp, VarKind};

/// How a solve ended.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// Proven optimal.
    Optimal(Vec<f64>),
    /// Stopped by the time limit with this incumbent and, when the backend
    /// reports one, a proven lower bound.
    Stopped(Vec<f64>, Option<f64>),
    /// Proven infeasible.
    Infeasible,
    /// Stopped by the time limit without an incumbent: nothing is known.
    Unknown,
    /// The backend failed.
    Error(String),
}

#[cfg(not(any(feature = "cbc", feature = "highs")))]
fn best_bound(sol: good_lp::solvers::microlp::MicroLpSolution) -> Option<f64> {
    sol.into_inner().stats().best_bound
}

#[cfg(any(feature = "cbc", feature = "highs"))]
fn best_bound<S>(_sol: S) -> Option<f64> {
    None
}

/// Whether a gap-limit stop with this cost proves optimality: the caller's
/// objective is integral (see [`solve`]), so a cost not above the proven
/// bound rounded up is optimal. The gap the backend was given was computed
/// from the warm start's cost, which proves nothing if the backend did not
/// adopt the start; only the bound the search itself proved counts.
pub(crate) fn within_one(cost: f64, bound: Option<f64>) -> bool {
    bound.is_some_and(|b| b.is_finite() && cost <= (b - 1e-6).ceil() + 1e-6)
}

/// Which backend this build solves with.
pub fn backend_name() -> &'static str {
    if cfg!(feature = "cbc") {
        "cbc"
    } else if cfg!(feature = "highs") {
        "highs"
    } else {
        "microlp"
    }
}

/// Solve `m` (minimise), optionally as its LP relaxation, starting from
/// `start` when given. The time limit is passed to the backend and also
/// enforced here: a backend that overruns it by more than a grace period is
/// abandoned (its thread is left to finish alone) and the outcome is
/// [`Outcome::Unknown`].
///
/// `gap`: a relative MIP gap at which the backend may stop; callers pass one
/// only for an integral objective. Such a stop is reported
/// [`Outcome::Optimal`] only when the returned cost is within the backend's
/// proven bound rounded up ([`within_one`]); otherwise it is
/// [`Outcome::Stopped`] with that bound.
///
/// The backend thread is handed the same limit: microlp checks it inside
/// its simplex and branch-and-bound loops, so a thread abandoned here ends
/// itself soon after (a test joins one). CBC has no limit we can pass
/// safely (see `solve_once`); its abandoned threads run on.
pub fn solve(
    m: &Milp,
    limit: Duration,
    relax: bool,
    start: Option<&[f64]>,
    gap: Option<f32>,
) -> Outcome {
    match spawn(m, limit, relax, start, gap) {
        Some((rx, _thread)) => match rx.recv_timeout(limit + grace(limit)) {
            Ok(outcome) => outcome,
            Err(_) => Outcome::Unknown,
        },
        None => solve_here(m, limit, relax, start, gap),
    }
}

/// How long past its limit a backend is waited for.
fn grace(limit: Duration) -> Duration {
    Duration::from_secs_f64((limit.as_secs_f64() * 0.1).max(2.0))
}

type Spawned = (
    std::sync::mpsc::Receiver<Outcome>,
    std::thread::JoinHandle<()>,
);

/// Solve on a thread of its own; `None` when no thread can be started.
fn spawn(
    m: &Milp,
    limit: Duration,
    relax: bool,
    start: Option<&[f64]>,
    gap: Option<f32>,
) -> Option<Spawned> {
    let (tx, rx) = std::sync::mpsc::channel();
    let model = m.clone();
    let start = start.map(<[f64]>::to_vec);
    std::thread::Builder::new()
        .name("xuncha-solver".into())
        .spawn(move || {
            let _ = tx.send(solve_here(&model, limit, relax, start.as_deref(), gap));
        })
        .ok()
        .map(|thread| (rx, thread))
}

/// Solve, and check the backend's answer against the model's own rows: a
/// backend that returns values breaking them (seen with CBC) is retried
/// cold, and never trusted.
fn solve_here(
    m: &Milp,
    limit: Duration,
    relax: bool,
    start: Option<&[f64]>,
    gap: Option<f32>,
) -> Outcome {
    let began = Instant::now();
    let outcome = solve_once(m, limit, relax, start, gap);
    let broken = |o: &Outcome| match o {
        Outcome::Optimal(v) | Outcome::Stopped(v, _) => !relax && !m.satisfies(v),
        _ => false,
    };
    if !broken(&outcome) {
        return outcome;
    }
    let retry = solve_once(m, limit.saturating_sub(began.elapsed()), relax, None, None);
    if broken(&retry) {
        Outcome::Error(format!(
            "the {} backend returned values that break the model's rows",
            backend_name()
        ))
    } else {
        retry
    }
}

fn solve_once(
    m: &Milp,
    limit: Duration,
    relax: bool,
    start: Option<&[f64]>,
    gap: Option<f32>,
) -> Outcome {
    let began = Instant::now();
    let mut pv = ProblemVariables::new();
    let vars: Vec<Variable> = m
        .vars
        .iter()
        .map(|d| match d.kind {
            VarKind::Binary if relax => pv.add(variable().min(0).max(1)),
            VarKind::Binary => pv.add(variable().binary()),
            VarKind::Continuous { lo, hi } => pv.add(variable().min(lo).max(hi)),
        })
        .collect();
    let mut objective = Expression::from(0.0);
    for (d, v) in m.vars.iter().zip(&vars) {
        if d.cost != 0.0 {
            objective += d.cost * *v;
        }
    }
    let problem = pv.minimise(objective);
    let secs = limit.as_secs_f64().max(0.01);

    #[cfg(feature = "cbc")]
    let mut model = {
        let mut p = problem.using(good_lp::solvers::coin_cbc::coin_cbc);
        // Quiet: CBC would print its log on standard output, into our JSON.
        p.set_log_level(0);
        // No `sec` parameter: coin_cbc hands parameters to CBC's command
        // parser, which misreads them (and prints its complaints on
        // standard output). The limit is enforced from outside instead.
        let _ = secs;
        p
    };
    #[cfg(all(feature = "highs", not(feature = "cbc")))]
    let mut model = {
        let mut p = problem.using(good_lp::solvers::highs::highs);
        p.set_verbose(false);
        p.with_time_limit(secs)
    };
    #[cfg(not(any(feature = "cbc", feature = "highs")))]
    let mut model = problem
        .using(good_lp::solvers::microlp::microlp)
        .with_time_limit(secs);

    #[cfg(not(feature = "cbc"))]
    if let (Some(gap), false) = (gap, relax) {
        // good_lp refuses only negative or infinite gaps.
        let gap = if gap.is_finite() { gap.max(0.0) } else { 0.0 };
        model = model
            .with_mip_gap(gap)
            .expect("a finite, non-negative gap is accepted");
    }
    if let (Some(start), false) = (start, relax) {
        model = model.with_initial_solution(vars.iter().copied().zip(start.iter().copied()));
    }
    for row in &m.rows {
        let mut e = Expression::from(0.0);
        for (v, c) in &row.terms {
            e += *c * vars[v.0];
        }
        let c = match row.cmp {
            Cmp::Le => e.leq(row.rhs),
            Cmp::Ge => e.geq(row.rhs),
            Cmp::Eq => e.eq(row.rhs),
        };
        model.add_constraint(c);
    }
    let result = model.solve();
    let overran = began.elapsed() >= limit;
    match result {
        Ok(sol) => {
            let values: Vec<f64> = vars.iter().map(|v| sol.value(*v)).collect();
            let status = sol.status();
            let bound = best_bound(sol);
            match status {
                SolutionStatus::Optimal => Outcome::Optimal(values),
                SolutionStatus::GapLimit if gap.is_some() && within_one(m.cost(&values), bound) => {
                    Outcome::Optimal(values)
                }
                _ => Outcome::Stopped(values, bound),
            }
        }
        // A backend may claim infeasibility when its time ran out (CBC in
        // preprocessing): never call a round infeasible on a timed-out solve.
        Err(ResolutionError::Infeasible) if overran => Outcome::Unknown,
        Err(ResolutionError::Infeasible) => Outcome::Infeasible,
        Err(ResolutionError::Other(msg)) if msg.contains("Time limit") => Outcome::Unknown,
        Err(e) if overran => {
            let _ = e;
            Outcome::Unknown
        }
        Err(e) => Outcome::Error(e.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use std::time::{Duration, Instant};

    use super::super::milp::{Cmp, Family, Milp, Tag, Var};
    use super::*;

    #[test]
    fn gap_stop_is_optimal_only_within_the_proven_bound() {
        // No bound from the backend: the warm start's gap proves nothing.
        assert!(!within_one(5.0, None));
        assert!(!within_one(5.0, Some(f64::NEG_INFINITY)));
        // Integral objective: a bound of 4.2 proves ≥ 5.
        assert!(within_one(5.0, Some(4.2)));
        assert!(within_one(5.0, Some(5.0)));
        assert!(!within_one(6.0, Some(4.2)));
        // A start whose cost was overstated let the backend stop at gap
        // 0.999 / 6 with a cost 6 and a bound 4.5: not optimal.
        assert!(!within_one(6.0, Some(4.5)));
    }

    /// Σ 2·x_i = 41 over 60 binaries: the LP relaxation is feasible, no
    /// integer point is, and branch and bound cannot see it quickly.
    fn parity_trap() -> Milp {
        let mut m = Milp::default();
        let xs: Vec<Var> = (0..60).map(|i| m.binary((i % 7) as f64)).collect();
        m.row(
            xs.iter().map(|v| (*v, 2.0)).collect(),
            Cmp::Eq,
            41.0,
            Tag::new(Family::Cover),
        );
        m
    }

    #[test]
    fn a_backend_cut_short_ends_its_thread() {
        let limit = Duration::from_millis(300);
        let (rx, thread) = spawn(&parity_trap(), limit, false, None, None).expect("a thread");
        let outcome = rx.recv_timeout(limit + grace(limit));
        assert!(
            !matches!(outcome, Ok(Outcome::Optimal(_)) | Ok(Outcome::Stopped(..))),
            "no integer point exists: {outcome:?}"
        );
        // Abandoned or not, the thread stops at its own deadline.
        let waited = Instant::now();
        while !thread.is_finished() && waited.elapsed() < Duration::from_secs(30) {
            std::thread::sleep(Duration::from_millis(20));
        }
        assert!(thread.is_finished(), "the backend thread runs on");
    }
}
