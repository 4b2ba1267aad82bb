//! A fast greedy roster: a warm start for the MILP and a fallback when the
//! time limit expires before the solver finds one. It may fail; then the
//! solver starts cold.

use super::instance::Instance;
use crate::ids::{PersonIx, UnitIx};
use crate::scenario::Group;

/// Split the round's units: the fixed ones stay, free townships go, heaviest
/// first, to the lightest group with room (empty groups first).
pub fn split_units(inst: &Instance) -> Option<Vec<Vec<UnitIx>>> {
    let s = inst.s;
    let rules = &inst.round.rules;
    let groups = inst.groups();
    if inst.departments.len() > groups {
        return None;
    }
    let mut units: Vec<Vec<UnitIx>> = inst.fixed.clone();
    let mut weight: Vec<u64> = units
        .iter()
        .map(|g| g.iter().map(|u| s.unit(*u).weight as u64).sum())
        .collect();
    let mut towns = inst.free.clone();
    towns.sort_by_key(|u| std::cmp::Reverse(s.unit(*u).weight));
    for u in towns {
        let g = (0..groups)
            .filter(|g| units[*g].len() < rules.max_units_per_group as usize)
            .min_by_key(|g| (!units[*g].is_empty(), weight[*g], *g))?;
        units[g].push(u);
        weight[g] += s.unit(u).weight as u64;
    }
    if units.iter().any(Vec::is_empty) {
        return None;
    }
    rebalance(inst, &mut units, &mut weight);
    for list in &mut units {
        list.sort_by_key(|u| inst.round.units.iter().position(|r| r == u));
    }
    Some(units)
}

/// Narrow the spread of group weights by swapping or moving free
/// townships between the heaviest group and the others, while it helps.
fn rebalance(inst: &Instance, units: &mut [Vec<UnitIx>], weight: &mut [u64]) {
    let s = inst.s;
    let max_units = inst.round.rules.max_units_per_group as usize;
    let w = |u: UnitIx| s.unit(u).weight as u64;
    let spread = |weight: &[u64]| {
        weight.iter().max().copied().unwrap_or(0) - weight.iter().min().copied().unwrap_or(0)
    };
    for _ in 0..(4 * units.len()) {
        let before = spread(weight);
        let (hi, lo) = match (
            (0..units.len()).max_by_key(|g| (weight[*g], std::cmp::Reverse(*g))),
            (0..units.len()).min_by_key(|g| (weight[*g], *g)),
        ) {
            (Some(h), Some(l)) if h != l => (h, l),
            _ => return,
        };
        let mut best: Option<(u64, usize, Option<usize>)> = None; // (spread, index in hi, index in lo)
        for (i, &u) in units[hi].iter().enumerate() {
            if !inst.free.contains(&u) {
                continue;
            }
            // Move u from hi to lo.
            if units[lo].len() < max_units && units[hi].len() > 1 {
                let mut trial = weight.to_vec();
                trial[hi] -= w(u);
                trial[lo] += w(u);
                let sp = spread(&trial);
                if sp < best.map_or(before, |b| b.0) {
                    best = Some((sp, i, None));
                }
            }
            // Swap u with a lighter free township of lo.
            for (j, &v) in units[lo].iter().enumerate() {
                if !inst.free.contains(&v) || w(v) >= w(u) {
                    continue;
                }
                let mut trial = weight.to_vec();
                trial[hi] = trial[hi] - w(u) + w(v);
                trial[lo] = trial[lo] - w(v) + w(u);
                let sp = spread(&trial);
                if sp < best.map_or(before, |b| b.0) {
                    best = Some((sp, i, Some(j)));
                }
            }
        }
        let Some((_, i, j)) = best else { return };
        let u = units[hi].remove(i);
        weight[hi] -= w(u);
        if let Some(j) = j {
            let v = units[lo].remove(j);
            weight[lo] -= w(v);
            units[hi].push(v);
            weight[hi] += w(v);
        }
        units[lo].push(u);
        weight[lo] += w(u);
    }
}

pub fn greedy(inst: &Instance) -> Option<Vec<Group>> {
    let s = inst.s;
    let rules = &inst.round.rules;
    let groups = inst.groups();
    let units = split_units(inst)?;

    let w = s.weights;
    let mut used = vec![false; s.people.len()];
    let mut members: Vec<Vec<PersonIx>> = vec![Vec::new(); groups];
    let fits = |p: PersonIx, g: usize, members: &[Vec<PersonIx>], used: &[bool]| {
        !used[p.ix()]
            && units[g].iter().all(|u| inst.recusal.member_ok(p, *u))
            && members[g]
                .iter()
                .all(|q| !inst.apart.contains_key(&(p.min(*q), p.max(*q))))
            && (!s.person(p).retired
                || rules.max_retired_per_group.is_none_or(|max| {
                    members[g].iter().filter(|q| s.person(**q).retired).count() < max as usize
                }))
    };
    let cost = |p: PersonIx, g: usize, members: &[Vec<PersonIx>]| -> u64 {
        let repeats = units[g]
            .iter()
            .filter(|u| inst.past_units.contains(&(p, **u)))
            .count() as u64;
        let pairs = members[g]
            .iter()
            .filter(|q| inst.met.contains(&(p.min(**q), p.max(**q))))
            .count() as u64;
        w.workload as u64 * inst.served[&p]
            + w.repeat_unit as u64 * repeats
            + w.repeat_pair as u64 * pairs
    };

    // Leaders, hardest group first.
    let leader_ok = |p: PersonIx, g: usize| {
        s.person(p).leader && units[g].iter().all(|u| inst.recusal.leader_ok(p, *u))
    };
    let mut order: Vec<usize> = (0..groups).collect();
    order.sort_by_key(|g| inst.people.iter().filter(|p| leader_ok(**p, *g)).count());
    let mut leaders = vec![PersonIx(0); groups];
    for &g in &order {
        let p = inst
            .people
            .iter()
            .copied()
            .filter(|p| leader_ok(*p, g) && fits(*p, g, &members, &used))
            .min_by_key(|p| (cost(*p, g, &members), *p))?;
        used[p.ix()] = true;
        members[g].push(p);
        leaders[g] = p;
    }
    // Skills, then seats up to the minimum size.
    for &g in &order {
        let mut needed: Vec<_> = inst.required().to_vec();
        for u in &units[g] {
            needed.extend(s.unit(*u).requires.iter().copied());
        }
        needed.sort();
        needed.dedup();
        for skill in needed {
            if members[g].iter().any(|p| inst.has(*p, skill)) {
                continue;
            }
            let p = inst
                .people
                .iter()
                .copied()
                .filter(|p| inst.has(*p, skill) && fits(*p, g, &members, &used))
                .min_by_key(|p| (cost(*p, g, &members), *p))?;
            used[p.ix()] = true;
            members[g].push(p);
        }
    }
    for &g in &order {
        while members[g].len() < rules.size_min as usize {
            let p = inst
                .people
                .iter()
                .copied()
                .filter(|p| fits(*p, g, &members, &used))
                .min_by_key(|p| (cost(*p, g, &members), *p))?;
            used[p.ix()] = true;
            members[g].push(p);
        }
        if members[g].len() > rules.size_max as usize {
            return None;
        }
    }
    Some(
        (0..groups)
            .map(|g| Group {
                leader: leaders[g],
                members: members[g].clone(),
                units: units[g].clone(),
                villages: Vec::new(),
            })
            .collect(),
    )
}
