//! A lower bound on the objective from counting alone: however the groups
//! are staffed, the round seats at least `groups × group_size.min` people,
//! `groups` of them leaders, and its groups differ in weight by at least the
//! balance floor. Cheap, valid, and on large rounds often tighter than
//! what a time-limited solve can prove.

use std::collections::BTreeMap;
use std::time::Duration;

use super::backend;
use super::instance::Instance;
use super::milp::{Cmp, Family, Milp, Tag, Var};

/// The least workload any roster can have: the `groups` cheapest leaders,
/// then the cheapest of everyone else for the remaining minimum seats.
pub fn workload_floor(inst: &Instance) -> u64 {
    let s = inst.s;
    let groups = inst.groups();
    let seats = groups * inst.round.rules.size_min as usize;
    let mut leaders: Vec<u64> = inst
        .people
        .iter()
        .filter(|p| s.person(**p).leader)
        .map(|p| inst.served[p])
        .collect();
    leaders.sort_unstable();
    if leaders.len() < groups {
        return 0; // infeasible anyway; the counting checks say why
    }
    let mut rest: Vec<u64> = leaders[groups..].to_vec();
    rest.extend(
        inst.people
            .iter()
            .filter(|p| !s.person(**p).leader)
            .map(|p| inst.served[p]),
    );
    rest.sort_unstable();
    let leader_part: u64 = leaders[..groups].iter().sum();
    let rest_part: u64 = rest.iter().take(seats.saturating_sub(groups)).sum();
    leader_part + rest_part
}

/// A floor on workload that also sees who may fill the seats: the linear
/// relaxation of choosing `groups × group_size.min` seated people, `groups`
/// of them leaders, with at most `max_retired_per_group × groups` retired
/// members and at least `groups` holders of each skill every group needs.
/// Each is a consequence of the round's rules, so any roster costs at
/// least this much; [`workload_floor`] when the LP has no answer in time.
pub fn seat_floor(inst: &Instance) -> u64 {
    let counted = workload_floor(inst);
    let s = inst.s;
    let rules = &inst.round.rules;
    let groups = inst.groups() as f64;
    let n = inst.people.len();
    if n == 0 {
        return counted;
    }
    let mut m = Milp::default();
    let tag = Tag::new(Family::Bound);
    // y[i]: person i sits; z[i]: person i leads (leaders only).
    let y: Vec<Var> = inst
        .people
        .iter()
        .map(|p| m.continuous(0.0, 1.0, inst.served[p] as f64))
        .collect();
    let mut leads = Vec::new();
    for (i, p) in inst.people.iter().enumerate() {
        if s.person(*p).leader {
            let z = m.continuous(0.0, 1.0, 0.0);
            m.row(vec![(z, 1.0), (y[i], -1.0)], Cmp::Le, 0.0, tag);
            leads.push((z, 1.0));
        }
    }
    m.row(leads, Cmp::Eq, groups, tag);
    m.row(
        y.iter().map(|v| (*v, 1.0)).collect(),
        Cmp::Ge,
        groups * rules.size_min as f64,
        tag,
    );
    if let Some(max) = rules.max_retired_per_group {
        let retired: Vec<(Var, f64)> = inst
            .people
            .iter()
            .zip(&y)
            .filter(|(p, _)| s.person(**p).retired)
            .map(|(_, v)| (*v, 1.0))
            .collect();
        m.row(retired, Cmp::Le, groups * max as f64, tag);
    }
    for &skill in inst.required() {
        let holders: Vec<(Var, f64)> = inst
            .people
            .iter()
            .zip(&y)
            .filter(|(p, _)| inst.has(**p, skill))
            .map(|(_, v)| (*v, 1.0))
            .collect();
        m.row(holders, Cmp::Ge, groups, tag);
    }
    match backend::solve(&m, Duration::from_secs(2), true, None, None) {
        backend::Outcome::Optimal(v) => counted.max((m.cost(&v) - 1e-6).ceil().max(0.0) as u64),
        _ => counted,
    }
}

/// `weights.workload × seat_floor + weights.balance × balance_floor`: what
/// a roster is proven optimal against.
pub fn objective_floor(inst: &Instance, balance_floor: u64) -> u64 {
    let w = inst.s.weights;
    w.workload as u64 * seat_floor(inst) + w.balance as u64 * balance_floor
}

/// `weights.workload × workload_floor + weights.balance × balance_floor`:
/// the floor the MILP is given as a row. The seat floor's retired and skill
/// counts are rows of the MILP already, so its relaxation sees them; given
/// as a row too, a floor at the relaxation's value makes every node's
/// relaxation degenerate and the search stops finding rosters (hard
/// county set, `retired-20`: 1 s became over 10 s).
pub fn counted_floor(inst: &Instance, balance_floor: u64) -> u64 {
    let w = inst.s.weights;
    w.workload as u64 * workload_floor(inst) + w.balance as u64 * balance_floor
}

/// Patterns above this many make the pattern bound not worth its LPs.
const MAX_PATTERNS: usize = 4_000;

/// A floor under balance (max − min group weight) that sees the number of
/// units each group must take. Units are grouped by weight; a group's units
/// form a pattern, a multiset of 1..=`max_units_per_group` weights. If no
/// fractional mix of `groups` patterns with every weight in `[L, L + b]`
/// uses each weight exactly as often as the round has it, no roster has
/// balance `b`. Departments' groups and pins are left out, which only
/// loosens the bound. The city (120 units, 60 groups of at most 2) forces
/// two units a group, and its 24 weight-4 units outnumber the 20 weight-1
/// ones: no split has balance below 2, which counting alone (≥ 1) misses.
///
/// Returns the least `b` in `from..upper` not ruled out, or `upper` when
/// every smaller width is; `from` when the bound cannot be computed.
pub fn balance_floor(inst: &Instance, from: u64, upper: u64) -> u64 {
    let groups = inst.groups() as u64;
    let max = inst.round.rules.max_units_per_group as usize;
    if groups < 2 || upper <= from || max == 0 {
        return from;
    }
    let mut counts: BTreeMap<u64, u64> = BTreeMap::new();
    for u in &inst.round.units {
        *counts.entry(inst.s.unit(*u).weight as u64).or_default() += 1;
    }
    let kinds: Vec<(u64, u64)> = counts.into_iter().collect();
    let n: u64 = kinds.iter().map(|k| k.1).sum();
    if n < groups || n > groups * max as u64 {
        return from; // infeasible anyway; the counting checks say why
    }
    let total: u64 = kinds.iter().map(|(w, c)| w * c).sum();
    let Some(patterns) = patterns(&kinds, max) else {
        return from;
    };
    for b in from..upper {
        // Every group weighs between L and L + b, so L ≤ total / groups
        // ≤ L + b.
        let lo = total.div_ceil(groups).saturating_sub(b);
        let hi = total / groups;
        let possible = (lo..=hi).any(|l| window_feasible(&kinds, &patterns, groups, l, l + b));
        if possible {
            return b;
        }
    }
    upper
}

/// Every multiset of 1..=max weights (as counts per kind) within the
/// round's counts, with its weight; `None` past [`MAX_PATTERNS`].
fn patterns(kinds: &[(u64, u64)], max: usize) -> Option<Vec<(Vec<u64>, u64)>> {
    let mut out = Vec::new();
    let mut current = vec![0u64; kinds.len()];
    fn walk(
        kinds: &[(u64, u64)],
        at: usize,
        left: usize,
        current: &mut Vec<u64>,
        out: &mut Vec<(Vec<u64>, u64)>,
    ) -> bool {
        if at == kinds.len() {
            if current.iter().any(|c| *c > 0) {
                let w = current.iter().zip(kinds).map(|(c, k)| c * k.0).sum();
                out.push((current.clone(), w));
            }
            return out.len() <= MAX_PATTERNS;
        }
        let most = (left as u64).min(kinds[at].1);
        for c in 0..=most {
            current[at] = c;
            if !walk(kinds, at + 1, left - c as usize, current, out) {
                return false;
            }
        }
        current[at] = 0;
        true
    }
    walk(kinds, 0, max, &mut current, &mut out).then_some(out)
}

/// Whether the LP "`groups` patterns weighing within `[l, h]`, using each
/// weight exactly as often as the round has it" has a fractional solution.
/// Unknown answers count as feasible (the bound stays valid).
fn window_feasible(
    kinds: &[(u64, u64)],
    patterns: &[(Vec<u64>, u64)],
    groups: u64,
    l: u64,
    h: u64,
) -> bool {
    let mut m = Milp::default();
    let mut used = Vec::new();
    for (counts, w) in patterns {
        if (l..=h).contains(w) {
            used.push((m.continuous(0.0, groups as f64, 0.0), counts));
        }
    }
    if used.is_empty() {
        return false;
    }
    let tag = Tag::new(Family::Cover);
    m.row(
        used.iter().map(|(v, _)| (*v, 1.0)).collect(),
        Cmp::Eq,
        groups as f64,
        tag,
    );
    for (j, (_, count)) in kinds.iter().enumerate() {
        let terms: Vec<(Var, f64)> = used
            .iter()
            .filter(|(_, c)| c[j] > 0)
            .map(|(v, c)| (*v, c[j] as f64))
            .collect();
        if terms.is_empty() {
            return false;
        }
        m.row(terms, Cmp::Eq, *count as f64, tag);
    }
    !matches!(
        backend::solve(&m, Duration::from_secs(2), true, None, None),
        backend::Outcome::Infeasible
    )
}
