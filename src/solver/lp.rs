//! A small linear programme through the one backend, for the draw's
//! master problem ([`crate::draw`]). Additive: `plan` never calls it.

use std::time::Duration;

use super::backend::{self, Outcome};
use super::milp::{Cmp, Family, Tag};

/// One row of [`solve_lp`]: (variable index, coefficient) terms, the
/// comparison, the right-hand side.
pub type LpRow = (Vec<(usize, f64)>, Cmp, f64);

/// Minimise `cost · v` over continuous `v` within `bounds` subject to
/// `rows` (terms, comparison, right-hand side): a small LP for the draw's
/// master problem, through the one backend. `None` when the backend found
/// no optimum.
pub fn solve_lp(
    bounds: &[(f64, f64)],
    cost: &[f64],
    rows: &[LpRow],
    limit: Duration,
) -> Option<Vec<f64>> {
    let mut m = super::milp::Milp::default();
    for (&(lo, hi), &c) in bounds.iter().zip(cost) {
        m.continuous(lo, hi, c);
    }
    for (terms, cmp, rhs) in rows {
        m.row(
            terms
                .iter()
                .map(|(v, c)| (super::milp::Var(*v), *c))
                .collect(),
            *cmp,
            *rhs,
            Tag::new(Family::Objective),
        );
    }
    match backend::solve(&m, limit, true, None, None) {
        Outcome::Optimal(v) => Some(v),
        _ => None,
    }
}
