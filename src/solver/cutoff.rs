//! Closing the last gap: which splits of the units could hold a roster
//! costing at most some `cap`?
//!
//! Any roster's cost is at least its split's balance (times its weight)
//! plus the least workload and repeated-unit cost of seating
//! `group_size.min` people in each group of that split, one of them a
//! leader, each where recusal allows (`Seats::cost`, a min-cost flow).
//! Skills, retired members, kin and repeated pairs are left out, which only
//! lowers the bound. A roster within `cap` needs a split whose bound is
//! within it, and such a split has a balance within the slack above the
//! floors: the splits of that balance are enumerated, each group's seats
//! priced as its units are placed (a group's recusal only grows with its
//! units, so a partial split's price is a bound for every completion, and
//! a branch is cut as soon as its price is too high).
//!
//! None left: no roster costs that little. A few left: the caller staffs
//! each exactly ([`super::local`]). The general model cannot see this: its
//! relaxation spreads leaders and workload fractionally over groups and
//! people. On the hard county round it never proved (seed 2 `history-12`,
//! 147 against a floor of 146) no split of balance 1 leaves room for a
//! roster of workload 145.
//!
//! The same walk on weights alone, unpriced, finds the least balance of
//! any split ([`least_balance`]).

use std::time::Instant;

use super::flow::Network;
use super::instance::Instance;
use crate::ids::UnitIx;

/// Units into groups, as [`Instance::fixed`] lays them out.
pub type Split = Vec<Vec<UnitIx>>;

/// Which splits may hold a roster within a cost.
#[derive(Debug, Clone, PartialEq)]
pub enum Cut {
    /// None: no roster costs that little.
    None,
    /// Such a roster, if there is one, has one of these splits.
    Only(Vec<Split>),
    /// Not known: too many splits, too many units, or out of time. The
    /// splits found before the walk gave up, if any, each within the cap.
    Unknown(Vec<Split>),
}

/// How much a walk may do before it gives up ([`Cut::Unknown`]).
#[derive(Debug, Clone, Copy)]
pub struct Effort {
    /// Partial splits priced (a min-cost flow each).
    pub prices: usize,
    /// Splits found.
    pub splits: usize,
}

/// The splits of `inst` whose bound is at most `cap`, given that no split
/// has balance below `balance_floor` and no roster costs less than `floor`
/// ([`super::bound::objective_floor`]), within `effort` and by `deadline`.
pub fn splits_within(
    inst: &Instance,
    balance_floor: u64,
    floor: u64,
    cap: u64,
    effort: Effort,
    deadline: Instant,
) -> Cut {
    let Some(slack) = cap.checked_sub(floor) else {
        return Cut::None;
    };
    let Some(room) = slack.checked_div(inst.s.weights.balance as u64) else {
        return Cut::Unknown(Vec::new()); // balance is free: every split would count
    };
    let Some(seats) = Seats::new(inst) else {
        return Cut::Unknown(Vec::new());
    };
    let mut walk = Walk::new(inst, Some(&seats), cap, effort, deadline);
    for width in balance_floor..=balance_floor + room {
        if walk.widths(width).is_err() {
            return Cut::Unknown(walk.found);
        }
    }
    if walk.found.is_empty() {
        Cut::None
    } else {
        Cut::Only(walk.found)
    }
}

/// A split of the least balance from `from` up to `upper` (excluded), by
/// the units' weights alone: `Ok(Some((balance, split)))`, `Ok(None)` when
/// every split has balance `upper` or more, `Err(())` when the walk gave up
/// (more than `steps` partial splits, or past `deadline`).
#[allow(clippy::result_unit_err)]
pub fn least_balance(
    inst: &Instance,
    from: u64,
    upper: u64,
    steps: usize,
    deadline: Instant,
) -> Result<Option<(u64, Split)>, ()> {
    let effort = Effort {
        prices: steps,
        splits: 0,
    };
    let mut walk = Walk::new(inst, None, u64::MAX, effort, deadline);
    for width in from..upper {
        // Stopped with a split found: the first, and so the least, balance.
        let stopped = walk.widths(width).is_err();
        if let Some(split) = walk.found.pop() {
            return Ok(Some((width, split)));
        }
        if stopped {
            return Err(());
        }
    }
    Ok(None)
}

/// The split bound of one split: no roster of `split` costs less (`None`
/// when no roster of it exists, as far as the bound sees; also `None` past
/// 64 units, when the bound is not computed).
pub fn split_bound(inst: &Instance, split: &[Vec<UnitIx>]) -> Option<u64> {
    let seats = Seats::new(inst)?;
    let weights: Vec<u64> = split
        .iter()
        .map(|g| g.iter().map(|u| weight(inst, *u)).sum())
        .collect();
    let spread = weights.iter().max()? - weights.iter().min()?;
    let masks: Vec<Vec<u64>> = split
        .iter()
        .map(|g| vec![g.iter().fold(0, |m, u| m | seats.bit(*u))])
        .collect();
    Some(seats.cost(&masks)? + inst.s.weights.balance as u64 * spread)
}

fn weight(inst: &Instance, u: UnitIx) -> u64 {
    inst.s.unit(u).weight as u64
}

/// Who may sit where, as bit masks over the round's units, and at what cost.
struct Seats {
    /// Each of the round's units' bit, by unit index (0 for other units).
    bits: Vec<u64>,
    people: Vec<Sitter>,
    size_min: i64,
    repeat_unit: i64,
}

struct Sitter {
    /// `weights.workload × rounds served`.
    cost: i64,
    leader: bool,
    /// Units the person may not inspect (R1–R5).
    not_member: u64,
    /// Units the person may not lead (also L1–L2).
    not_leader: u64,
    /// Units the person inspected before.
    past: u64,
}

impl Seats {
    /// `None` past 64 units.
    fn new(inst: &Instance) -> Option<Self> {
        let units = inst.round.units.clone();
        if units.len() > 64 {
            return None;
        }
        let s = inst.s;
        let mask = |ok: &dyn Fn(UnitIx) -> bool| -> u64 {
            units
                .iter()
                .enumerate()
                .filter(|(_, u)| ok(**u))
                .fold(0, |m, (i, _)| m | 1 << i)
        };
        let people = inst
            .people
            .iter()
            .map(|&p| Sitter {
                cost: (s.weights.workload as u64 * inst.served[&p]) as i64,
                leader: s.person(p).leader,
                not_member: mask(&|u| !inst.recusal.member_ok(p, u)),
                not_leader: mask(&|u| {
                    !inst.recusal.member_ok(p, u) || !inst.recusal.leader_ok(p, u)
                }),
                past: mask(&|u| inst.past_units.contains(&(p, u))),
            })
            .collect();
        let mut bits = vec![0; units.iter().map(|u| u.ix() + 1).max().unwrap_or(0)];
        for (i, u) in units.iter().enumerate() {
            bits[u.ix()] = 1 << i;
        }
        Some(Seats {
            bits,
            people,
            size_min: inst.round.rules.size_min as i64,
            repeat_unit: s.weights.repeat_unit as i64,
        })
    }

    fn bit(&self, u: UnitIx) -> u64 {
        self.bits.get(u.ix()).copied().unwrap_or(0)
    }

    /// The least workload and repeated-unit cost of seating
    /// `group_size.min` people in each group, one of them a leader; `None`
    /// when they cannot all be seated. A group is given as the masks its
    /// units may still end as: a person may sit in it if they may sit with
    /// one of them, at the least cost among those.
    fn cost(&self, groups: &[Vec<u64>]) -> Option<u64> {
        let n = self.people.len();
        let source = n + 2 * groups.len();
        let sink = source + 1;
        let mut net = Network::new(sink + 1);
        for (i, p) in self.people.iter().enumerate() {
            net.edge(source, i, 1, 0);
            for (g, masks) in groups.iter().enumerate() {
                let price =
                    |mask: &u64| p.cost + self.repeat_unit * (p.past & mask).count_ones() as i64;
                let member = masks
                    .iter()
                    .filter(|m| p.not_member & **m == 0)
                    .map(price)
                    .min();
                let leader = masks
                    .iter()
                    .filter(|m| p.leader && p.not_leader & **m == 0)
                    .map(price)
                    .min();
                if let Some(cost) = leader {
                    net.edge(i, n + 2 * g, 1, cost);
                }
                if let Some(cost) = member {
                    net.edge(i, n + 2 * g + 1, 1, cost);
                }
            }
        }
        // Every group seats its leader, at least.
        let seats = self.size_min.max(1);
        for g in 0..groups.len() {
            net.edge(n + 2 * g, sink, 1, 0);
            net.edge(n + 2 * g + 1, sink, seats - 1, 0);
        }
        let want = seats * groups.len() as i64;
        net.min_cost(source, sink, want).map(|c| c as u64)
    }
}

struct Group {
    units: Vec<UnitIx>,
    mask: u64,
    weight: u64,
}

/// The depth-first walk over the splits within one weight window.
struct Walk<'a, 's> {
    inst: &'a Instance<'s>,
    /// `None`: splits by weight alone, none priced.
    seats: Option<&'a Seats>,
    /// The units not placed yet.
    left: Vec<UnitIx>,
    groups: Vec<Group>,
    /// Every group weighs within `[lo, hi]`, the lightest `lo`, the heaviest `hi`.
    window: (u64, u64),
    /// The most a cheaper roster costs.
    cap: u64,
    wb: u64,
    deadline: Instant,
    /// Partial splits still to be priced before the walk gives up.
    prices: usize,
    /// Splits found before the walk gives up.
    most: usize,
    found: Vec<Split>,
}

/// Why a walk stopped early.
struct Stop;

impl<'a, 's> Walk<'a, 's> {
    fn new(
        inst: &'a Instance<'s>,
        seats: Option<&'a Seats>,
        cap: u64,
        effort: Effort,
        deadline: Instant,
    ) -> Self {
        let bit = |u: &UnitIx| seats.map_or(0, |s| s.bit(*u));
        Walk {
            inst,
            seats,
            left: inst.free.clone(),
            groups: inst
                .fixed
                .iter()
                .map(|units| Group {
                    units: units.clone(),
                    mask: units.iter().fold(0, |m, u| m | bit(u)),
                    weight: units.iter().map(|u| weight(inst, *u)).sum(),
                })
                .collect(),
            window: (0, 0),
            cap,
            wb: inst.s.weights.balance as u64,
            deadline,
            prices: effort.prices,
            most: effort.splits,
            found: Vec::new(),
        }
    }

    /// Walk every window of this width: the lightest group weighs at most
    /// the mean, the heaviest at least.
    fn widths(&mut self, width: u64) -> Result<(), Stop> {
        let groups = self.groups.len() as u64;
        let total: u64 = self
            .inst
            .round
            .units
            .iter()
            .map(|u| weight(self.inst, *u))
            .sum();
        if groups == 0 {
            return Ok(());
        }
        for lo in (total / groups).saturating_sub(width)..=total / groups {
            if lo + width < total.div_ceil(groups) {
                continue;
            }
            self.window = (lo, lo + width);
            self.place()?;
        }
        Ok(())
    }

    fn bit(&self, u: UnitIx) -> u64 {
        self.seats.map_or(0, |s| s.bit(u))
    }
}

impl Walk<'_, '_> {
    /// Place the unit with the fewest groups left to take it (fail first),
    /// in each of them, and go on.
    fn place(&mut self) -> Result<(), Stop> {
        if Instant::now() >= self.deadline {
            return Err(Stop);
        }
        let (lo, hi) = self.window;
        let Some((at, takers)) = (0..self.left.len())
            .map(|i| (i, self.takers(self.left[i])))
            .min_by_key(|(i, takers)| (takers.len(), weight(self.inst, self.left[*i]), *i))
        else {
            let lightest = self.groups.iter().map(|g| g.weight).min();
            let heaviest = self.groups.iter().map(|g| g.weight).max();
            let all_held = self.groups.iter().all(|g| !g.units.is_empty());
            if all_held && lightest == Some(lo) && heaviest == Some(hi) {
                self.found
                    .push(self.groups.iter().map(|g| g.units.clone()).collect());
                if self.found.len() > self.most {
                    return Err(Stop);
                }
            }
            return Ok(());
        };
        let u = self.left.swap_remove(at);
        let (w, bit) = (weight(self.inst, u), self.bit(u));
        for g in takers {
            let group = &mut self.groups[g];
            group.units.push(u);
            group.mask |= bit;
            group.weight += w;
            let went = if self.may_complete()? {
                self.place()
            } else {
                Ok(())
            };
            let group = &mut self.groups[g];
            group.units.pop();
            group.mask &= !bit;
            group.weight -= w;
            went?;
        }
        self.left.push(u);
        let last = self.left.len() - 1;
        self.left.swap(at, last);
        Ok(())
    }

    /// The groups `u` may join: within the window and the unit limit, not
    /// left full and too light, and of the empty groups (interchangeable)
    /// only the first.
    fn takers(&self, u: UnitIx) -> Vec<usize> {
        let (lo, hi) = self.window;
        let w = weight(self.inst, u);
        let max_units = self.inst.round.rules.max_units_per_group as usize;
        let first_empty = self.groups.iter().position(|g| g.units.is_empty());
        (0..self.groups.len())
            .filter(|&g| {
                let group = &self.groups[g];
                let full = group.units.len() + 1 >= max_units;
                group.units.len() < max_units
                    && group.weight + w <= hi
                    && !(full && group.weight + w < lo)
                    && (!group.units.is_empty() || Some(g) == first_empty)
            })
            .collect()
    }

    /// Whether the units left can still bring every group into the window,
    /// and the seats of the split so far cost little enough.
    fn may_complete(&mut self) -> Result<bool, Stop> {
        let (lo, hi) = self.window;
        let rest = &self.left;
        let weight_left: u64 = rest.iter().map(|u| weight(self.inst, *u)).sum();
        let max_units = self.inst.round.rules.max_units_per_group as usize;
        let mut short = 0;
        let mut empty = 0;
        for g in &self.groups {
            if g.weight < lo {
                if g.units.len() >= max_units {
                    return Ok(false);
                }
                short += lo - g.weight;
            }
            empty += usize::from(g.units.is_empty());
        }
        if short > weight_left || empty > rest.len() {
            return Ok(false);
        }
        self.prices = self.prices.checked_sub(1).ok_or(Stop)?;
        let Some(seats) = self.seats else {
            return Ok(true);
        };
        // Each group ends as its units so far (if they may stay so) or
        // with one more of the units left that fits; more than one more
        // only adds recusal.
        let masks: Vec<Vec<u64>> = self
            .groups
            .iter()
            .map(|g| {
                let mut ends = Vec::new();
                if !g.units.is_empty() && g.weight >= lo {
                    ends.push(g.mask);
                }
                if g.units.len() < max_units {
                    for &u in rest {
                        if g.weight + weight(self.inst, u) <= hi {
                            ends.push(g.mask | seats.bit(u));
                        }
                    }
                }
                ends
            })
            .collect();
        Ok(match seats.cost(&masks) {
            Some(seats) => seats + self.wb * (hi - lo) <= self.cap,
            None => false,
        })
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;
    use std::time::Duration;

    use super::*;
    use crate::generate::{generate, to_yaml, CountySpec};
    use crate::solver::{plan, split_units, PlanOptions};

    /// A split as a set of unit sets (groups in any order).
    fn canonical(split: &[Vec<UnitIx>]) -> BTreeSet<BTreeSet<UnitIx>> {
        split.iter().map(|g| g.iter().copied().collect()).collect()
    }

    /// The bound is a bound: against rosters the solver found, on generated
    /// rounds, no split's bound exceeds its roster's cost, and the walk up
    /// to that bound finds the roster's split (on the small rounds, where
    /// it can list them all; on the county rounds it may give up).
    #[test]
    fn no_roster_costs_less_than_its_splits_bound() {
        let counties = (1..=3).map(|seed| CountySpec {
            seed,
            history_rounds: 12,
            ..CountySpec::county_80()
        });
        let small = (1..=8).map(|seed| CountySpec {
            seed,
            history_rounds: 1 + seed as usize % 4,
            ..CountySpec::small()
        });
        let mut listed = 0;
        for spec in counties.chain(small) {
            let s = crate::scenario::parse(&to_yaml(&generate(&spec)), "county.yaml")
                .expect("a generated scenario loads");
            let round = s.round.clone().expect("a round");
            let opts = PlanOptions {
                time_limit: Duration::from_secs(20),
                ..Default::default()
            };
            let p = plan(&s, &round, &opts).expect("plans");
            let Some(b) = &p.breakdown else { continue };
            let cost = b.objective.total;
            let inst = Instance::with(&s, &round, Default::default(), None);
            let split: Vec<Vec<UnitIx>> = p.groups.iter().map(|g| g.units.clone()).collect();
            let bound = split_bound(&inst, &split).expect("generated rounds have few units");
            assert!(
                bound <= cost,
                "seed {}: bound {bound} > cost {cost}",
                spec.seed
            );
            let (floor, _) = split_units(&inst, Duration::from_secs(5));
            let effort = Effort {
                prices: 20_000,
                splits: 1_000,
            };
            let far = Instant::now() + Duration::from_secs(60);
            let objective_floor = crate::solver::bound::objective_floor(&inst, floor);
            match splits_within(&inst, floor, objective_floor, bound, effort, far) {
                Cut::None => panic!("seed {}: no split within {bound}", spec.seed),
                Cut::Only(splits) => {
                    assert!(
                        splits.iter().any(|t| canonical(t) == canonical(&split)),
                        "seed {}: the roster's split is missing",
                        spec.seed
                    );
                    listed += 1;
                }
                Cut::Unknown(_) => {}
            }
        }
        assert!(listed >= 6, "only {listed} rounds had their splits listed");
    }

    /// The walk by weight finds the least balance the units model proves,
    /// on generated rounds (an independent encoding of the same question).
    #[test]
    fn the_least_balance_walk_agrees_with_the_units_model() {
        let specs = (1..=4)
            .map(|seed| CountySpec {
                seed,
                ..CountySpec::county_80()
            })
            .chain((1..=6).map(|seed| CountySpec {
                seed,
                ..CountySpec::small()
            }));
        for spec in specs {
            let s = crate::scenario::parse(&to_yaml(&generate(&spec)), "county.yaml")
                .expect("a generated scenario loads");
            let round = s.round.clone().expect("a round");
            let inst = Instance::with(&s, &round, Default::default(), None);
            let far = Instant::now() + Duration::from_secs(60);
            let (b, split) = least_balance(&inst, 0, 50, 10_000_000, far)
                .expect("the walk finishes")
                .expect("a split exists");
            let (m, _) = crate::solver::model::balance_model(&inst);
            let best =
                match crate::solver::backend::solve(&m, Duration::from_secs(60), false, None, None)
                {
                    crate::solver::backend::Outcome::Optimal(v) => m.cost(&v).round() as u64,
                    _ => panic!("seed {}: the units model is not solved", spec.seed),
                };
            assert_eq!(b, best, "seed {}", spec.seed);
            let weights: Vec<u64> = split
                .iter()
                .map(|g| g.iter().map(|u| weight(&inst, *u)).sum())
                .collect();
            let spread = weights.iter().max().unwrap() - weights.iter().min().unwrap();
            assert_eq!(
                spread, b,
                "seed {}: the split has the balance it claims",
                spec.seed
            );
            assert_eq!(split.iter().map(Vec::len).sum::<usize>(), round.units.len());
        }
    }
}
