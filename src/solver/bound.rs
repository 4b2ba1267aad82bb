//! A lower bound on the objective from counting alone: however the groups
//! are staffed, the round seats at least `groups × group_size.min` people,
//! `groups` of them leaders, and its groups differ in weight by at least the
//! balance floor. Cheap, valid, and on large rounds often tighter than
//! what a time-limited solve can prove.

use super::instance::Instance;

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

/// `weights.workload × workload_floor + weights.balance × balance_floor`.
pub fn objective_floor(inst: &Instance, balance_floor: u64) -> u64 {
    let w = inst.s.weights;
    w.workload as u64 * workload_floor(inst) + w.balance as u64 * balance_floor
}
