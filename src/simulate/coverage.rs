//! Which units each remaining round inspects (巡察全覆盖).
//!
//! A round of `g` groups of at most `m` units, no group holding two
//! departments (H1, H2), can take between `g` and `g·m` units of which at
//! most `g` are departments; any such set can be split into groups. Given
//! the units still to cover and the remaining rounds, [`allocate`]:
//!
//! 1. keeps the units of the scenario's `round` when they fit its rules;
//! 2. ranks the units to cover: townships with must-inspect villages (tagged
//!    poverty, weak_org or hotspot) first, the most such villages first;
//!    then the units inspected longest ago (never first); heavier first;
//! 3. drops the lowest-ranked units when the rounds cannot hold them all
//!    (capacity short: they stay uncovered and the summary says so);
//! 4. puts the must-inspect townships into the earliest rounds with room;
//! 5. spreads the others, heaviest first, over the round whose weight per
//!    group would stay lowest (counting the refill a short round will need),
//!    always keeping room for the departments still to place;
//! 6. tops up every round with fewer units than groups with the units
//!    inspected longest ago (refill), so every group has a unit.
//!
//! The simulation calls this before every round, over the rounds left, and
//! keeps the first round's units: a round that could not be staffed hands
//! its units on to the later ones.

use std::cmp::Reverse;
use std::collections::BTreeSet;

use chrono::NaiveDate;

use super::Slot;
use crate::ids::UnitIx;
use crate::scenario::{RoundRules, Scenario, UnitKind};

/// The units of one round.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Chosen {
    /// All units of the round, in scenario order.
    pub units: Vec<UnitIx>,
    /// Units not yet inspected in the term.
    pub new_units: Vec<UnitIx>,
    /// Units inspected again in the term (refill, or the file's own choice
    /// for the scenario's `round`).
    pub refill: Vec<UnitIx>,
    /// The scenario's `round` kept the units its file lists.
    pub fixed_kept: bool,
}

/// The units of every remaining round.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Allocation {
    pub rounds: Vec<Chosen>,
    /// Units to cover that no remaining round has room for.
    pub left_out: Vec<UnitIx>,
}

/// Whether `units` can be split into the groups of a round with `rules`.
pub fn fits(s: &Scenario, rules: &RoundRules, units: &[UnitIx]) -> bool {
    let g = rules.groups as usize;
    let n = units.len();
    let deps = units.iter().filter(|u| is_dept(s, **u)).count();
    n >= g && n <= g * rules.max_units_per_group as usize && deps <= g
}

fn is_dept(s: &Scenario, u: UnitIx) -> bool {
    s.unit(u).kind == UnitKind::Department
}

fn must_villages(s: &Scenario, u: UnitIx) -> usize {
    s.unit(u)
        .villages
        .iter()
        .filter(|v| s.village(**v).must_inspect())
        .count()
}

#[derive(Debug, Clone)]
struct Bin {
    g: usize,
    cap: usize,
    deps: usize,
    weight: u64,
    units: Vec<UnitIx>,
    new_units: Vec<UnitIx>,
    refill: Vec<UnitIx>,
    /// The scenario's `round`, kept as written.
    closed: bool,
}

impl Bin {
    fn n(&self) -> usize {
        self.units.len()
    }
    /// Departments this bin can still take.
    fn dept_room(&self) -> usize {
        if self.closed {
            0
        } else {
            (self.cap - self.n()).min(self.g.saturating_sub(self.deps))
        }
    }
    fn open_for(&self, dept: bool) -> bool {
        !self.closed && self.n() < self.cap && (!dept || self.deps < self.g)
    }
    fn add(&mut self, s: &Scenario, u: UnitIx) {
        self.units.push(u);
        self.weight += s.unit(u).weight as u64;
        if is_dept(s, u) {
            self.deps += 1;
        }
    }
}

/// Choose the units of every slot of `slots` (the next round first).
/// `uncovered`: units not yet inspected in the term; `last_seen`: per unit,
/// the start of the last round that inspected it.
pub fn allocate(
    s: &Scenario,
    slots: &[Slot],
    uncovered: &[UnitIx],
    last_seen: &[Option<NaiveDate>],
) -> Allocation {
    let mut bins: Vec<Bin> = slots
        .iter()
        .map(|sl| {
            let g = sl.rules.groups as usize;
            Bin {
                g,
                cap: g * sl.rules.max_units_per_group as usize,
                deps: 0,
                weight: 0,
                units: Vec::new(),
                new_units: Vec::new(),
                refill: Vec::new(),
                closed: false,
            }
        })
        .collect();
    let uncovered_set: BTreeSet<UnitIx> = uncovered.iter().copied().collect();
    let mut pending: Vec<UnitIx> = uncovered.to_vec();
    if let (Some(first), Some(bin)) = (slots.first(), bins.first_mut()) {
        if let Some(units) = &first.fixed {
            if fits(s, &first.rules, units) {
                for &u in units {
                    bin.add(s, u);
                    if uncovered_set.contains(&u) {
                        bin.new_units.push(u);
                    } else {
                        bin.refill.push(u);
                    }
                }
                bin.closed = true;
                pending.retain(|u| !units.contains(u));
            }
        }
    }

    // Rank, then keep what the open rounds can hold.
    let key = |u: &UnitIx| {
        let must = if s.unit(*u).kind == UnitKind::Township {
            must_villages(s, *u)
        } else {
            0
        };
        (
            must == 0,
            Reverse(must),
            last_seen[u.ix()],
            Reverse(s.unit(*u).weight),
            *u,
        )
    };
    pending.sort_by_key(key);
    let mut slots_left: usize = bins
        .iter()
        .filter(|b| !b.closed)
        .map(|b| b.cap - b.n())
        .sum();
    let mut depts_left: usize = bins.iter().map(Bin::dept_room).sum();
    let mut selected = Vec::new();
    let mut left_out = Vec::new();
    for u in pending {
        let dept = is_dept(s, u);
        if slots_left == 0 || (dept && depts_left == 0) {
            left_out.push(u);
            continue;
        }
        slots_left -= 1;
        if dept {
            depts_left -= 1;
        }
        selected.push(u);
    }

    let mut depts_to_place = selected.iter().filter(|u| is_dept(s, **u)).count();
    // Whether a township may go into bin `r` without leaving too little room
    // for the departments still to place.
    let township_ok = |bins: &[Bin], r: usize, depts_to_place: usize| {
        let b = &bins[r];
        let total: usize = bins.iter().map(Bin::dept_room).sum();
        let after = total - b.dept_room() + (b.cap - b.n() - 1).min(b.g.saturating_sub(b.deps));
        after >= depts_to_place
    };

    // Must-inspect townships: the earliest round with room.
    let (urgent, rest): (Vec<UnitIx>, Vec<UnitIx>) = selected
        .iter()
        .partition(|u| !is_dept(s, **u) && must_villages(s, **u) > 0);
    for u in urgent {
        let r = (0..bins.len())
            .find(|&r| bins[r].open_for(false) && township_ok(&bins, r, depts_to_place));
        match r {
            Some(r) => {
                bins[r].add(s, u);
                bins[r].new_units.push(u);
            }
            None => left_out.push(u),
        }
    }

    // Units a short round will be topped up with: those inspected longest
    // ago; their mean weight prices an empty seat below.
    let taken: BTreeSet<UnitIx> = bins
        .iter()
        .flat_map(|b| b.units.iter().copied())
        .chain(selected.iter().copied())
        .collect();
    let mut candidates: Vec<UnitIx> = s.unit_ixs().filter(|u| !taken.contains(u)).collect();
    candidates.sort_by_key(|u| (last_seen[u.ix()], *u));
    let short: usize = bins
        .iter()
        .filter(|b| !b.closed)
        .map(|b| b.g.saturating_sub(b.n()))
        .sum::<usize>()
        .saturating_sub(rest.len());
    let refill_weight = {
        let first: Vec<f64> = candidates
            .iter()
            .take(short.max(1))
            .map(|u| s.unit(*u).weight as f64)
            .collect();
        if first.is_empty() {
            1.0
        } else {
            first.iter().sum::<f64>() / first.len() as f64
        }
    };
    // A round's weight per group once topped up to a unit per group.
    let projected = |b: &Bin, w: f64, n: usize| {
        let seats = b.g.saturating_sub(b.n() + n) as f64;
        (b.weight as f64 + w + seats * refill_weight) / b.g.max(1) as f64
    };

    // The others, heaviest first, where they even out the rounds' weight per
    // group best (least growth of the groups' summed squared weight).
    let mut rest = rest;
    rest.sort_by_key(|u| Reverse(s.unit(*u).weight)); // stable: rank order within a weight
    for u in rest {
        let dept = is_dept(s, u);
        if dept {
            depts_to_place -= 1;
        }
        let w = s.unit(u).weight as f64;
        let growth = |r: usize| {
            let b = &bins[r];
            let (before, after) = (projected(b, 0.0, 0), projected(b, w, 1));
            b.g as f64 * (after * after - before * before)
        };
        let best = (0..bins.len())
            .filter(|&r| bins[r].open_for(dept) && (dept || township_ok(&bins, r, depts_to_place)))
            .min_by(|&a, &b| {
                growth(a)
                    .total_cmp(&growth(b))
                    .then(bins[a].n().cmp(&bins[b].n()))
                    .then(a.cmp(&b))
            });
        match best {
            Some(r) => {
                bins[r].add(s, u);
                bins[r].new_units.push(u);
            }
            None => left_out.push(u),
        }
    }

    // Top up short rounds, in order, with the units inspected longest ago;
    // a later round may reuse a unit only when no other is left.
    let mut used = vec![false; candidates.len()];
    for bin in bins.iter_mut().filter(|b| !b.closed) {
        for reuse in [false, true] {
            for (i, &u) in candidates.iter().enumerate() {
                if bin.n() >= bin.g {
                    break;
                }
                if (used[i] && !reuse) || bin.units.contains(&u) || !bin.open_for(is_dept(s, u)) {
                    continue;
                }
                used[i] = true;
                bin.add(s, u);
                bin.refill.push(u);
            }
        }
    }

    left_out.sort();
    Allocation {
        rounds: bins
            .into_iter()
            .map(|mut b| {
                b.units.sort();
                b.new_units.sort();
                b.refill.sort();
                Chosen {
                    units: b.units,
                    new_units: b.new_units,
                    refill: b.refill,
                    fixed_kept: b.closed,
                }
            })
            .collect(),
        left_out,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::{parse, RoundKind};

    fn scenario() -> Scenario {
        // T01 has a poverty village; T02, T03 none; four departments.
        let yaml = r#"
version: 1
skills: [finance]
units:
  - {id: T01, kind: township, weight: 3, villages: [{id: T01-V01, tags: [poverty]}]}
  - {id: T02, kind: township, weight: 3}
  - {id: T03, kind: township, weight: 1}
  - {id: D01, kind: department, weight: 2}
  - {id: D02, kind: department}
  - {id: D03, kind: department}
  - {id: D04, kind: department}
people: []
"#;
        parse(yaml, "t.yaml").unwrap_or_else(|e| panic!("{e}"))
    }

    fn slot(groups: u32, per_group: u32) -> Slot {
        let d = NaiveDate::from_ymd_opt(2027, 3, 1).unwrap();
        Slot {
            id: "R".into(),
            start: d,
            end: d,
            rules: RoundRules {
                kind: RoundKind::Regular,
                groups,
                size_min: 1,
                size_max: 3,
                max_units_per_group: per_group,
                villages_per_township: 0,
                required_skills: vec![],
                max_retired_per_group: None,
            },
            fixed: None,
        }
    }

    fn ids(s: &Scenario, us: &[UnitIx]) -> Vec<String> {
        us.iter().map(|u| s.unit(*u).id.clone()).collect()
    }

    #[test]
    fn everything_placed_must_inspect_first_every_round_fits() {
        let s = scenario();
        let all: Vec<UnitIx> = s.unit_ixs().collect();
        let slots = [slot(2, 2), slot(2, 2)];
        let a = allocate(&s, &slots, &all, &[None; 7]);
        assert!(a.left_out.is_empty());
        assert!(ids(&s, &a.rounds[0].units).contains(&"T01".to_string()));
        let mut seen = BTreeSet::new();
        for (r, sl) in a.rounds.iter().zip(&slots) {
            assert!(fits(&s, &sl.rules, &r.units), "{:?}", ids(&s, &r.units));
            for u in &r.new_units {
                assert!(seen.insert(*u), "placed twice");
            }
        }
        assert_eq!(seen.len(), 7);
        // Weight 12 over two rounds of two groups: 6 and 6.
        let w: Vec<u64> = a
            .rounds
            .iter()
            .map(|r| r.units.iter().map(|u| s.unit(*u).weight as u64).sum())
            .collect();
        assert_eq!(w, vec![6, 6]);
    }

    #[test]
    fn capacity_short_drops_the_lowest_ranked_and_never_two_departments_too_many() {
        let s = scenario();
        let all: Vec<UnitIx> = s.unit_ixs().collect();
        // One round of two groups of one unit: two units, at most two departments.
        let a = allocate(&s, &[slot(2, 1)], &all, &[None; 7]);
        assert_eq!(a.rounds[0].units.len(), 2);
        assert_eq!(a.left_out.len(), 5);
        assert!(ids(&s, &a.rounds[0].units).contains(&"T01".to_string()));
    }

    #[test]
    fn short_round_is_refilled_with_the_longest_ago() {
        let s = scenario();
        let d = |y| Some(NaiveDate::from_ymd_opt(y, 1, 1).unwrap());
        // Only D04 to cover; three groups need three units.
        let last = vec![d(2025), d(2020), d(2024), d(2023), d(2022), d(2021), None];
        let d04 = s.unit_ix("D04").unwrap();
        let a = allocate(&s, &[slot(3, 2)], &[d04], &last);
        assert_eq!(ids(&s, &a.rounds[0].new_units), vec!["D04"]);
        assert_eq!(ids(&s, &a.rounds[0].refill), vec!["T02", "D03"]);
    }

    #[test]
    fn the_files_round_is_kept_when_it_fits() {
        let s = scenario();
        let all: Vec<UnitIx> = s.unit_ixs().collect();
        let mut first = slot(2, 2);
        let t03 = s.unit_ix("T03").unwrap();
        let d02 = s.unit_ix("D02").unwrap();
        first.fixed = Some(vec![t03, d02]);
        let a = allocate(&s, &[first.clone(), slot(3, 2)], &all, &[None; 7]);
        assert!(a.rounds[0].fixed_kept);
        assert_eq!(a.rounds[0].units, vec![t03, d02]);
        assert!(!a.rounds[1].units.contains(&t03));
        // Three departments would not fit two groups: chosen afresh.
        first.fixed = Some(vec![
            s.unit_ix("D01").unwrap(),
            s.unit_ix("D02").unwrap(),
            s.unit_ix("D03").unwrap(),
        ]);
        let a = allocate(&s, &[first], &all, &[None; 7]);
        assert!(!a.rounds[0].fixed_kept);
    }
}
