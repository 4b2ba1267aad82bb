//! Recusal (回避): who may not inspect which unit, and why.
//!
//! [`Recusal::compute`] applies rules R1–R5 and L1–L2 of FORMAT.md to a set
//! of people and units and keeps every conflict with its evidence. It also
//! fills two bit matrices so that the planner can ask "may p serve in a
//! group holding u, as member / as leader?" in O(1).

mod rule;

use std::collections::{HashMap, HashSet};

use chrono::{Months, NaiveDate};
use fixedbitset::FixedBitSet;

pub use rule::{Conflict, Evidence, Hop, Rule};

use crate::ids::{PersonIx, UnitIx};
use crate::scenario::Scenario;

/// The date `years` whole years before `date` (29 February → 28 February).
pub fn years_before(date: NaiveDate, years: u32) -> NaiveDate {
    date.checked_sub_months(Months::new(12 * years))
        .unwrap_or(NaiveDate::MIN)
}

/// The date `years` whole years after `date` (29 February → 28 February).
pub fn years_after(date: NaiveDate, years: u32) -> NaiveDate {
    date.checked_add_months(Months::new(12 * years))
        .unwrap_or(NaiveDate::MAX)
}

/// Which people are checked against which units.
#[derive(Debug, Clone)]
pub struct Scope {
    pub people: Vec<PersonIx>,
    pub units: Vec<UnitIx>,
}

impl Scope {
    /// FORMAT.md's default: every pool member against every unit of the
    /// round, or every unit when there is no round.
    pub fn default_for(s: &Scenario) -> Self {
        let units = match &s.round {
            Some(r) => r.units.clone(),
            None => s.unit_ixs().collect(),
        };
        Scope {
            people: s.pool().collect(),
            units,
        }
    }

    /// Every pool member against every unit.
    pub fn all_units(s: &Scenario) -> Self {
        Scope {
            people: s.pool().collect(),
            units: s.unit_ixs().collect(),
        }
    }
}

/// The conflicts of a scope, with O(1) lookups.
#[derive(Debug, Clone)]
pub struct Recusal {
    as_of: NaiveDate,
    n_units: usize,
    /// Sorted by person, unit, rule; waived conflicts removed.
    conflicts: Vec<Conflict>,
    /// Waived conflicts, kept to be shown, in the same order.
    waived: Vec<Conflict>,
    /// Bit `p * n_units + u`: p conflicts with u as a member (R1–R5).
    member: FixedBitSet,
    /// Bit `p * n_units + u`: p conflicts with u as a leader (any rule).
    leader: FixedBitSet,
}

impl Recusal {
    /// Apply every rule to `scope`, dating postings against `as_of` (the
    /// round's start).
    pub fn compute(s: &Scenario, scope: &Scope, as_of: NaiveDate) -> Self {
        let policy = &s.recusal;
        let n_units = s.units.len();
        let mut in_scope = vec![false; n_units];
        for u in &scope.units {
            in_scope[u.ix()] = true;
        }
        let kin: HashSet<&str> = policy.kin.iter().map(String::as_str).collect();
        let ties: HashSet<&str> = policy.leader_ties.iter().map(String::as_str).collect();
        let kin_adj = adjacency(s, |k| kin.contains(k));
        let tie_adj = adjacency(s, |k| ties.contains(k));
        let mut declared: HashMap<PersonIx, Vec<usize>> = HashMap::new();
        for (i, d) in policy.declared.iter().enumerate() {
            declared.entry(d.person).or_default().push(i);
        }
        let waived: HashSet<(PersonIx, UnitIx)> =
            policy.waived.iter().map(|w| (w.person, w.unit)).collect();
        let cutoff = years_before(as_of, policy.former_posting_years);

        let mut people = scope.people.clone();
        people.sort_unstable();
        people.dedup();

        let mut bfs = Bfs::new(s.people.len());
        let mut conflicts = Vec::new();
        let mut waived_out = Vec::new();
        let mut found: Vec<Conflict> = Vec::new();
        for &p in &people {
            found.clear();
            let person = s.person(p);
            let add = |found: &mut Vec<Conflict>, unit: UnitIx, rule: Rule, evidence: Evidence| {
                if in_scope[unit.ix()] && !found.iter().any(|c| c.unit == unit && c.rule == rule) {
                    found.push(Conflict {
                        person: p,
                        unit,
                        rule,
                        evidence,
                    });
                }
            };
            // R1
            if let Some(place) = person.unit {
                add(
                    &mut found,
                    s.unit_of(place),
                    Rule::R1,
                    Evidence::WorksAt { place },
                );
            }
            // R2
            for post in &person.postings {
                if post.to.is_none_or(|to| to > cutoff) {
                    add(
                        &mut found,
                        s.unit_of(post.place),
                        Rule::R2,
                        Evidence::Posting {
                            place: post.place,
                            from: post.from,
                            to: post.to,
                        },
                    );
                }
            }
            // R3
            if policy.hometown {
                if let Some(place) = person.hometown {
                    add(
                        &mut found,
                        s.unit_of(place),
                        Rule::R3,
                        Evidence::Hometown { place },
                    );
                }
            }
            // R4: breadth first over kin relations, shortest path first.
            if policy.kin_depth > 0 {
                for reached in bfs.run(p, policy.kin_depth, &kin_adj) {
                    let q = reached.person;
                    if let Some(place) = s.person(q).unit {
                        let u = s.unit_of(place);
                        if in_scope[u.ix()]
                            && !found.iter().any(|c| c.unit == u && c.rule == Rule::R4)
                        {
                            let hops = bfs.path_to(reached.slot, s);
                            add(&mut found, u, Rule::R4, Evidence::Path { hops, place });
                        }
                    }
                }
            }
            // R5
            for &i in declared.get(&p).map(Vec::as_slice).unwrap_or(&[]) {
                let d = &policy.declared[i];
                add(
                    &mut found,
                    d.unit,
                    Rule::R5,
                    Evidence::Declared {
                        reason: d.reason.clone(),
                    },
                );
            }
            if person.leader {
                // L1
                if policy.long_posting_years > 0 {
                    for post in &person.postings {
                        let end = post.to.unwrap_or(as_of);
                        if years_after(post.from, policy.long_posting_years) <= end {
                            add(
                                &mut found,
                                s.unit_of(post.place),
                                Rule::L1,
                                Evidence::Posting {
                                    place: post.place,
                                    from: post.from,
                                    to: post.to,
                                },
                            );
                        }
                    }
                }
                // L2
                for &(q, rel) in &tie_adj[p.ix()] {
                    if let Some(place) = s.person(q).unit {
                        let hops = vec![Hop {
                            to: q,
                            kind: s.relations[rel].kind.clone(),
                        }];
                        add(
                            &mut found,
                            s.unit_of(place),
                            Rule::L2,
                            Evidence::Path { hops, place },
                        );
                    }
                }
            }
            found.sort_by_key(|c| (c.unit, c.rule));
            for c in found.drain(..) {
                if waived.contains(&(c.person, c.unit)) {
                    waived_out.push(c);
                } else {
                    conflicts.push(c);
                }
            }
        }

        let mut member = FixedBitSet::with_capacity(s.people.len() * n_units);
        let mut leader = FixedBitSet::with_capacity(s.people.len() * n_units);
        for c in &conflicts {
            let bit = c.person.ix() * n_units + c.unit.ix();
            leader.insert(bit);
            if !c.rule.leader_only() {
                member.insert(bit);
            }
        }
        Recusal {
            as_of,
            n_units,
            conflicts,
            waived: waived_out,
            member,
            leader,
        }
    }

    pub fn as_of(&self) -> NaiveDate {
        self.as_of
    }

    /// Every conflict, sorted by person, unit and rule; waived ones excluded.
    pub fn conflicts(&self) -> &[Conflict] {
        &self.conflicts
    }

    /// Conflicts that a `waived` entry removed.
    pub fn waived(&self) -> &[Conflict] {
        &self.waived
    }

    /// May `p` serve as a member of a group holding `u`? (R1–R5)
    pub fn member_ok(&self, p: PersonIx, u: UnitIx) -> bool {
        !self.member.contains(p.ix() * self.n_units + u.ix())
    }

    /// May `p` lead a group holding `u`? (R1–R5 and L1–L2)
    pub fn leader_ok(&self, p: PersonIx, u: UnitIx) -> bool {
        !self.leader.contains(p.ix() * self.n_units + u.ix())
    }

    /// The conflicts of `p` with `u`.
    pub fn between(&self, p: PersonIx, u: UnitIx) -> &[Conflict] {
        let start = self
            .conflicts
            .partition_point(|c| (c.person, c.unit) < (p, u));
        let end = self
            .conflicts
            .partition_point(|c| (c.person, c.unit) <= (p, u));
        &self.conflicts[start..end]
    }
}

/// For every person, the people related by a relation whose kind passes
/// `keep`, with the relation's index; sorted, so walks are deterministic.
fn adjacency(s: &Scenario, keep: impl Fn(&str) -> bool) -> Vec<Vec<(PersonIx, usize)>> {
    let mut adj = vec![Vec::new(); s.people.len()];
    for (i, r) in s.relations.iter().enumerate() {
        if keep(&r.kind) {
            adj[r.a.ix()].push((r.b, i));
            adj[r.b.ix()].push((r.a, i));
        }
    }
    for list in &mut adj {
        list.sort_unstable();
    }
    adj
}

struct Reached {
    person: PersonIx,
    slot: usize,
}

/// A reusable depth-limited breadth-first walk with parent pointers.
struct Bfs {
    seen: Vec<u32>,
    stamp: u32,
    /// (person, parent slot, relation index)
    nodes: Vec<(PersonIx, usize, usize)>,
}

impl Bfs {
    fn new(n: usize) -> Self {
        Bfs {
            seen: vec![0; n],
            stamp: 0,
            nodes: Vec::new(),
        }
    }

    /// The people 1..=depth hops from `start`, nearest first.
    fn run(&mut self, start: PersonIx, depth: u32, adj: &[Vec<(PersonIx, usize)>]) -> Vec<Reached> {
        self.stamp += 1;
        self.nodes.clear();
        self.seen[start.ix()] = self.stamp;
        self.nodes.push((start, usize::MAX, usize::MAX));
        let mut level_start = 0;
        for _ in 0..depth {
            let level_end = self.nodes.len();
            for slot in level_start..level_end {
                let from = self.nodes[slot].0;
                for &(q, rel) in &adj[from.ix()] {
                    if self.seen[q.ix()] != self.stamp {
                        self.seen[q.ix()] = self.stamp;
                        self.nodes.push((q, slot, rel));
                    }
                }
            }
            if self.nodes.len() == level_end {
                break;
            }
            level_start = level_end;
        }
        self.nodes[1..]
            .iter()
            .enumerate()
            .map(|(i, &(person, _, _))| Reached {
                person,
                slot: i + 1,
            })
            .collect()
    }

    fn path_to(&self, mut slot: usize, s: &Scenario) -> Vec<Hop> {
        let mut hops = Vec::new();
        while slot != 0 {
            let (person, parent, rel) = self.nodes[slot];
            hops.push(Hop {
                to: person,
                kind: s.relations[rel].kind.clone(),
            });
            slot = parent;
        }
        hops.reverse();
        hops
    }
}
