//! Undoing what a repair need not change.
//!
//! The solver minimises changed seats, then the score; which group holds a
//! unit that is not the first of its old group, and who leads, enter
//! neither, so among equally good rosters it may move units around or hand
//! the lead to someone else for nothing. [`settle`] walks such changes back
//! one at a time (a unit back to the group holding its old group's first
//! unit, alone or in exchange for one that strayed there; the old leader
//! back in the lead) and keeps each step only if the roster stays valid,
//! changes no more seats and scores no worse.

use super::diff;
use super::explain::set_leader;
use crate::ids::UnitIx;
use crate::roster_check;
use crate::scenario::{Group, Round, Scenario};

/// Units that left the group holding their old group's first unit.
pub fn moved_units(reference: &[Group], new: &[Group]) -> usize {
    let holder = |u: UnitIx| new.iter().position(|g| g.units.contains(&u));
    reference
        .iter()
        .filter_map(|r| r.units.split_first())
        .map(|(first, rest)| {
            let home = holder(*first);
            rest.iter().filter(|u| holder(**u) != home).count()
        })
        .sum()
}

/// Canonical order, as `plan` prints: units in round order, their villages
/// by H10, members leader first then by index, groups by first unit.
pub fn canonical(s: &Scenario, round: &Round, groups: Vec<Group>) -> Vec<Group> {
    crate::solver::finish(s, round, groups)
}

/// `groups` with every needless unit move and change of leader undone.
pub fn settle(s: &Scenario, round: &Round, reference: &[Group], groups: Vec<Group>) -> Vec<Group> {
    let Ok(b) = roster_check::check(s, round, &groups) else {
        return groups;
    };
    let seats = diff::changed_seats(reference, &groups);
    let mut best = groups;
    let mut score = b.objective.total;
    let accept = |c: &[Group], score: u64| -> Option<u64> {
        if diff::changed_seats(reference, c) > seats {
            return None;
        }
        let b = roster_check::check(s, round, c).ok()?;
        (b.objective.total <= score).then_some(b.objective.total)
    };
    loop {
        let moved = moved_units(reference, &best);
        let mut step: Option<(usize, u64, Vec<Group>)> = None;
        for r in reference {
            let Some((&first, rest)) = r.units.split_first() else {
                continue;
            };
            let holder = |u: UnitIx| best.iter().position(|g| g.units.contains(&u));
            let Some(home) = holder(first) else { continue };
            for &u in rest {
                let Some(away) = holder(u).filter(|a| *a != home) else {
                    continue;
                };
                // u alone, or in exchange for each unit of home but its anchor.
                let partners = std::iter::once(None).chain(
                    best[home]
                        .units
                        .iter()
                        .filter(|v| **v != first)
                        .map(|v| Some(*v)),
                );
                for v in partners {
                    let mut c = best.clone();
                    c[away].units.retain(|x| *x != u);
                    c[home].units.push(u);
                    if let Some(v) = v {
                        c[home].units.retain(|x| *x != v);
                        c[away].units.push(v);
                    }
                    let c = canonical(s, round, c);
                    let m = moved_units(reference, &c);
                    if m >= moved {
                        continue;
                    }
                    if let Some(total) = accept(&c, score) {
                        if step
                            .as_ref()
                            .is_none_or(|(bm, bt, _)| (m, total) < (*bm, *bt))
                        {
                            step = Some((m, total, c));
                        }
                    }
                }
            }
        }
        match step {
            Some((_, total, c)) => {
                best = c;
                score = total;
            }
            None => break,
        }
    }
    // The old leader back in the lead where they are still a member.
    let mut led = Vec::new();
    for r in reference {
        let Some(g) = r
            .units
            .first()
            .and_then(|u| best.iter().position(|g| g.units.contains(u)))
        else {
            continue;
        };
        if led.contains(&g) {
            continue;
        }
        led.push(g);
        if best[g].leader != r.leader && best[g].members.contains(&r.leader) {
            let mut c = best.clone();
            set_leader(&mut c[g], r.leader);
            if accept(&c, score).is_some() {
                best = c;
            }
        }
    }
    best
}
