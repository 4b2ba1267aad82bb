//! The soft terms of a roster with their justification (FORMAT.md "Soft
//! terms"), the way a score analysis names every match behind each number.
//!
//! This is a plain, independent recomputation: it reads the scenario and the
//! groups and nothing else (no solver code), so [`crate::roster_check`] can
//! hold the planner to it.
//!
//! The roster is read as sets: within a group, members and units listed
//! twice count once; a (member, unit) pair, an unordered pair of members and
//! a member's workload each count once in the whole roster (they are
//! reported under the first group, in roster order, where they occur). For a
//! roster that satisfies H1 and H3 this is exactly FORMAT.md's wording.

use std::collections::BTreeSet;

use crate::ids::{PersonIx, UnitIx};
use crate::roster::Objective;
use crate::scenario::{Group, Round, Scenario};

/// Two members of one group who were members of a common history group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PairRepeat {
    /// The lower person index of the pair.
    pub a: PersonIx,
    pub b: PersonIx,
    /// Index of the group in the roster.
    pub group: usize,
    /// History rounds (ids, history order) where a and b were members of one group.
    pub rounds: Vec<String>,
}

/// A member inspecting a unit that a history group they belonged to held.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitRepeat {
    pub person: PersonIx,
    pub unit: UnitIx,
    /// Index of the group in the roster.
    pub group: usize,
    /// History rounds (ids, history order) where the person was a member of a group holding the unit.
    pub rounds: Vec<String>,
}

/// A member who served in earlier rounds (only members with at least one).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Load {
    pub person: PersonIx,
    /// Index of the group in the roster.
    pub group: usize,
    /// History rounds (ids, history order) the person served in, each once.
    pub rounds: Vec<String>,
}

/// The objective and every match behind it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Breakdown {
    pub objective: Objective,
    /// Ordered by group, then person, then unit index.
    pub unit_repeats: Vec<UnitRepeat>,
    /// Ordered by group, then `a`, then `b`.
    pub pair_repeats: Vec<PairRepeat>,
    /// Ordered by group, then person; members with no history are left out.
    pub loads: Vec<Load>,
    /// Per group (roster order): the sum of `weight` of its units.
    pub group_weights: Vec<u64>,
    /// Reserve cadres due to serve and not seated (docs/pool.md), pool order.
    pub reserve_unseated: Vec<PersonIx>,
}

/// Distinct values in first-seen order.
fn distinct<T: Copy + Ord>(items: &[T]) -> Vec<T> {
    let mut seen = BTreeSet::new();
    items.iter().copied().filter(|x| seen.insert(*x)).collect()
}

/// Compute the soft terms of `groups` for `round` against all of
/// `s.history`: FORMAT.md's four, and the reserve term of docs/pool.md.
pub fn breakdown(s: &Scenario, round: &Round, groups: &[Group]) -> Breakdown {
    let w = s.weights;

    let mut unit_repeats = Vec::new();
    let mut pair_repeats = Vec::new();
    let mut loads = Vec::new();
    let mut group_weights: Vec<u64> = Vec::new();

    let mut seen_unit_pairs: BTreeSet<(PersonIx, UnitIx)> = BTreeSet::new();
    let mut seen_pairs: BTreeSet<(PersonIx, PersonIx)> = BTreeSet::new();
    let mut seen_people: BTreeSet<PersonIx> = BTreeSet::new();

    for (g, group) in groups.iter().enumerate() {
        let mut members = distinct(&group.members);
        members.sort();
        let mut units = distinct(&group.units);
        units.sort();

        // repeat_unit
        for &p in &members {
            for &u in &units {
                if !seen_unit_pairs.insert((p, u)) {
                    continue;
                }
                let rounds: Vec<String> = s
                    .history
                    .iter()
                    .filter(|h| {
                        h.groups
                            .iter()
                            .any(|hg| hg.members.contains(&p) && hg.units.contains(&u))
                    })
                    .map(|h| h.id.clone())
                    .collect();
                if !rounds.is_empty() {
                    unit_repeats.push(UnitRepeat {
                        person: p,
                        unit: u,
                        group: g,
                        rounds,
                    });
                }
            }
        }

        // repeat_pair
        for (i, &a) in members.iter().enumerate() {
            for &b in &members[i + 1..] {
                if !seen_pairs.insert((a, b)) {
                    continue;
                }
                let rounds: Vec<String> = s
                    .history
                    .iter()
                    .filter(|h| {
                        h.groups
                            .iter()
                            .any(|hg| hg.members.contains(&a) && hg.members.contains(&b))
                    })
                    .map(|h| h.id.clone())
                    .collect();
                if !rounds.is_empty() {
                    pair_repeats.push(PairRepeat {
                        a,
                        b,
                        group: g,
                        rounds,
                    });
                }
            }
        }

        // workload
        for &p in &members {
            if !seen_people.insert(p) {
                continue;
            }
            let rounds: Vec<String> = s
                .history
                .iter()
                .filter(|h| h.groups.iter().any(|hg| hg.members.contains(&p)))
                .map(|h| h.id.clone())
                .collect();
            if !rounds.is_empty() {
                loads.push(Load {
                    person: p,
                    group: g,
                    rounds,
                });
            }
        }

        // balance
        group_weights.push(units.iter().map(|&u| s.unit(u).weight as u64).sum());
    }

    let repeat_unit = unit_repeats.len() as u64;
    let repeat_pair = pair_repeats.len() as u64;
    let workload: u64 = loads.iter().map(|l| l.rounds.len() as u64).sum();
    let balance = match (group_weights.iter().max(), group_weights.iter().min()) {
        (Some(&max), Some(&min)) if group_weights.len() >= 2 => max - min,
        _ => 0,
    };
    // Reserve cadres due to serve (docs/pool.md) whom no group seats.
    let reserve_unseated: Vec<PersonIx> = crate::pool::reserve_due(s, round.dates())
        .into_iter()
        .filter(|p| !groups.iter().any(|g| g.members.contains(p)))
        .collect();
    let reserve = reserve_unseated.len() as u64;
    let total = w.repeat_unit as u64 * repeat_unit
        + w.repeat_pair as u64 * repeat_pair
        + w.workload as u64 * workload
        + w.balance as u64 * balance
        + w.reserve as u64 * reserve;

    Breakdown {
        objective: Objective {
            total,
            repeat_unit,
            repeat_pair,
            workload,
            balance,
            reserve,
        },
        unit_repeats,
        pair_repeats,
        loads,
        group_weights,
        reserve_unseated,
    }
}

/// `张伟 (P001)`, or just the id when the person has no name.
pub fn person_label(s: &Scenario, p: PersonIx) -> String {
    let name = s.person_name(p);
    let id = &s.person(p).id;
    if name == id {
        id.clone()
    } else {
        format!("{name} ({id})")
    }
}

/// `青山镇 (T01)`, or just the id when the unit has no name.
pub fn unit_label(s: &Scenario, u: UnitIx) -> String {
    let name = s.unit_name(u);
    let id = &s.unit(u).id;
    if name == id {
        id.clone()
    } else {
        format!("{name} ({id})")
    }
}

/// Tests, and the fixture `report::score`'s tests word.
#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::scenario::parse;

    /// History: 2025-R1 {A01 A02 A03: T01} {A04 A05: D01};
    /// 2025-R2 {A01 A02 A06: T01 D02} {A05 A06 A03: T02} (A06 in two groups of one round).
    const YAML: &str = r#"
version: 1
skills: [finance]
units:
  - {id: T01, name: 青山镇, kind: township, weight: 3}
  - {id: T02, name: 石桥乡, kind: township, weight: 2}
  - {id: D01, name: 县财政局, kind: department}
  - {id: D02, name: 县教育局, kind: department, weight: 4}
people:
  - {id: A01, skills: [finance], name: 张伟, pool: true, leader: true}
  - {id: A02, skills: [finance], name: 王芳, pool: true}
  - {id: A03, skills: [finance], name: 李强, pool: true, leader: true}
  - {id: A04, skills: [finance], name: 刘洋, pool: true}
  - {id: A05, skills: [finance], pool: true, leader: true}
  - {id: A06, skills: [finance], name: 杨磊, pool: true}
history:
  - round: 2025-R1
    start: 2025-03-01
    end: 2025-04-30
    groups:
      - {leader: A01, members: [A01, A02, A03], units: [T01]}
      - {leader: A05, members: [A04, A05], units: [D01]}
  - round: 2025-R2
    start: 2025-09-01
    end: 2025-10-31
    groups:
      - {leader: A01, members: [A01, A02, A06], units: [T01, D02]}
      - {leader: A05, members: [A05, A06, A03], units: [T02]}
weights: {repeat_unit: 3, repeat_pair: 5, workload: 7, balance: 11}
round: {id: 2026-R1, start: 2026-03-01, end: 2026-04-30, groups: 2, group_size: {min: 2, max: 3}, units: [T01, T02, D01]}
"#;

    pub(crate) fn scenario() -> Scenario {
        parse(YAML, "t.yaml").unwrap_or_else(|e| panic!("{e}"))
    }

    fn p(s: &Scenario, id: &str) -> PersonIx {
        s.person_ix(id).unwrap()
    }

    fn u(s: &Scenario, id: &str) -> UnitIx {
        s.unit_ix(id).unwrap()
    }

    fn group(s: &Scenario, leader: &str, members: &[&str], units: &[&str]) -> Group {
        Group {
            leader: p(s, leader),
            members: members.iter().map(|m| p(s, m)).collect(),
            units: units.iter().map(|x| u(s, x)).collect(),
            villages: vec![],
        }
    }

    pub(crate) fn roster(s: &Scenario) -> Vec<Group> {
        vec![
            group(s, "A01", &["A01", "A02", "A06"], &["T01", "D01"]),
            group(s, "A03", &["A03", "A04", "A05"], &["T02"]),
        ]
    }

    fn rounds(r: &[&str]) -> Vec<String> {
        r.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn hand_computed_terms() {
        let s = scenario();
        let b = breakdown(&s, s.round.as_ref().unwrap(), &roster(&s));
        // repeat_unit: (A01,T01) R1 R2, (A02,T01) R1 R2, (A06,T01) R2, (A03,T02) R2, (A05,T02) R2.
        assert_eq!(
            b.unit_repeats,
            vec![
                UnitRepeat {
                    person: p(&s, "A01"),
                    unit: u(&s, "T01"),
                    group: 0,
                    rounds: rounds(&["2025-R1", "2025-R2"])
                },
                UnitRepeat {
                    person: p(&s, "A02"),
                    unit: u(&s, "T01"),
                    group: 0,
                    rounds: rounds(&["2025-R1", "2025-R2"])
                },
                UnitRepeat {
                    person: p(&s, "A06"),
                    unit: u(&s, "T01"),
                    group: 0,
                    rounds: rounds(&["2025-R2"])
                },
                UnitRepeat {
                    person: p(&s, "A03"),
                    unit: u(&s, "T02"),
                    group: 1,
                    rounds: rounds(&["2025-R2"])
                },
                UnitRepeat {
                    person: p(&s, "A05"),
                    unit: u(&s, "T02"),
                    group: 1,
                    rounds: rounds(&["2025-R2"])
                },
            ]
        );
        // repeat_pair: (A01,A02) R1 R2, (A01,A06) R2, (A02,A06) R2, (A03,A05) R2, (A04,A05) R1.
        assert_eq!(
            b.pair_repeats,
            vec![
                PairRepeat {
                    a: p(&s, "A01"),
                    b: p(&s, "A02"),
                    group: 0,
                    rounds: rounds(&["2025-R1", "2025-R2"])
                },
                PairRepeat {
                    a: p(&s, "A01"),
                    b: p(&s, "A06"),
                    group: 0,
                    rounds: rounds(&["2025-R2"])
                },
                PairRepeat {
                    a: p(&s, "A02"),
                    b: p(&s, "A06"),
                    group: 0,
                    rounds: rounds(&["2025-R2"])
                },
                PairRepeat {
                    a: p(&s, "A03"),
                    b: p(&s, "A05"),
                    group: 1,
                    rounds: rounds(&["2025-R2"])
                },
                PairRepeat {
                    a: p(&s, "A04"),
                    b: p(&s, "A05"),
                    group: 1,
                    rounds: rounds(&["2025-R1"])
                },
            ]
        );
        // workload: A01 2, A02 2, A06 1 (two groups of 2025-R2 count once), A03 2, A04 1, A05 2.
        let loads: Vec<(PersonIx, usize, usize)> = b
            .loads
            .iter()
            .map(|l| (l.person, l.group, l.rounds.len()))
            .collect();
        assert_eq!(
            loads,
            vec![
                (p(&s, "A01"), 0, 2),
                (p(&s, "A02"), 0, 2),
                (p(&s, "A06"), 0, 1),
                (p(&s, "A03"), 1, 2),
                (p(&s, "A04"), 1, 1),
                (p(&s, "A05"), 1, 2),
            ]
        );
        assert_eq!(b.group_weights, vec![4, 2]);
        assert_eq!(
            b.objective,
            Objective {
                repeat_unit: 5,
                repeat_pair: 5,
                workload: 10,
                balance: 2,
                reserve: 0,
                // 3×5 + 5×5 + 7×10 + 11×2
                total: 132,
            }
        );
    }

    #[test]
    fn default_weights() {
        let mut s = scenario();
        s.weights = crate::scenario::Weights::default();
        let b = breakdown(&s, s.round.as_ref().unwrap(), &roster(&s));
        assert_eq!(b.objective.total, 10 * 5 + 2 * 5 + 10 + 2);
    }

    #[test]
    fn no_history_no_repeats() {
        let mut s = scenario();
        s.history.clear();
        let b = breakdown(&s, s.round.as_ref().unwrap(), &roster(&s));
        assert!(b.unit_repeats.is_empty() && b.pair_repeats.is_empty() && b.loads.is_empty());
        assert_eq!(
            b.objective,
            Objective {
                total: 22,
                repeat_unit: 0,
                repeat_pair: 0,
                workload: 0,
                balance: 2,
                reserve: 0,
            }
        );
    }

    #[test]
    fn balance_of_zero_and_one_group() {
        let s = scenario();
        assert_eq!(
            breakdown(&s, s.round.as_ref().unwrap(), &[]).objective,
            Objective::default()
        );
        let one = breakdown(&s, s.round.as_ref().unwrap(), &roster(&s)[..1]);
        assert_eq!(one.objective.balance, 0);
        assert_eq!(one.group_weights, vec![4]);
    }

    #[test]
    fn listed_twice_counts_once() {
        let s = scenario();
        let mut r = roster(&s);
        r[0].members.push(p(&s, "A02"));
        r[0].units.push(u(&s, "T01"));
        assert_eq!(
            breakdown(&s, s.round.as_ref().unwrap(), &r),
            breakdown(&s, s.round.as_ref().unwrap(), &roster(&s))
        );
    }
}
