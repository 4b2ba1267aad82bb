//! The round as the solver sees it: candidates, units in a canonical order,
//! and the history statistics the soft terms need. No good_lp here.

use std::collections::{BTreeMap, BTreeSet};

use super::pins::Pins;
use crate::eligibility::Eligibility;
use crate::ids::{PersonIx, SkillIx, UnitIx};
use crate::recusal::{Recusal, Scope};
use crate::scenario::{Group, Round, Scenario, UnitKind};

/// Everything the model needs about one round.
#[derive(Debug, Clone)]
pub struct Instance<'s> {
    pub s: &'s Scenario,
    pub round: &'s Round,
    /// Available pool members (H3, H7, H8), by index.
    pub people: Vec<PersonIx>,
    pub eligibility: Eligibility,
    pub recusal: Recusal,
    /// The round's departments, in round order; department `i` is pinned to group `i`.
    pub departments: Vec<UnitIx>,
    /// Units already decided for each group (one entry per group): the
    /// departments, department `i` in group `i`, or a whole partition.
    /// Groups with fixed units come first.
    pub fixed: Vec<Vec<UnitIx>>,
    /// The townships the model places (those not fixed), in round order.
    pub free: Vec<UnitIx>,
    /// History rounds each candidate served in.
    pub served: BTreeMap<PersonIx, u64>,
    /// (person, unit) pairs where the person was a member of a history group holding the unit.
    pub past_units: BTreeSet<(PersonIx, UnitIx)>,
    /// Candidate pairs (a < b) who were members of one history group.
    pub met: BTreeSet<(PersonIx, PersonIx)>,
    /// Candidate pairs (a < b) that may not share a group (H11), with the reason.
    pub apart: BTreeMap<(PersonIx, PersonIx), String>,
    /// The office's manual decisions.
    pub pins: Pins,
    /// For a repair: the roster to change as little as possible.
    pub reference: Option<Vec<Group>>,
}

impl<'s> Instance<'s> {
    pub fn with(
        s: &'s Scenario,
        round: &'s Round,
        pins: Pins,
        reference: Option<Vec<Group>>,
    ) -> Self {
        let eligibility = Eligibility::for_dates(s, round.dates());
        let people: Vec<PersonIx> = eligibility
            .available
            .iter()
            .copied()
            .filter(|p| !pins.sits_out.contains(p))
            .collect();
        let recusal = Recusal::compute(
            s,
            &Scope {
                people: s.pool().collect(),
                units: round.units.clone(),
            },
            round.start,
        );
        let departments: Vec<UnitIx> = round
            .units
            .iter()
            .copied()
            .filter(|u| s.unit(*u).kind == UnitKind::Department)
            .collect();
        let townships: Vec<UnitIx> = round
            .units
            .iter()
            .copied()
            .filter(|u| s.unit(*u).kind == UnitKind::Township)
            .collect();
        let candidate: BTreeSet<PersonIx> = people.iter().copied().collect();
        let mut served: BTreeMap<PersonIx, u64> = people.iter().map(|p| (*p, 0)).collect();
        let mut past_units = BTreeSet::new();
        let mut met = BTreeSet::new();
        for h in &s.history {
            let mut in_round = BTreeSet::new();
            for g in &h.groups {
                let members: Vec<PersonIx> = g
                    .members
                    .iter()
                    .copied()
                    .filter(|p| candidate.contains(p))
                    .collect();
                for &p in &members {
                    in_round.insert(p);
                    for &u in &g.units {
                        past_units.insert((p, u));
                    }
                }
                for (i, &a) in members.iter().enumerate() {
                    for &b in &members[i + 1..] {
                        if a != b {
                            met.insert((a.min(b), a.max(b)));
                        }
                    }
                }
            }
            for p in in_round {
                *served.entry(p).or_default() += 1;
            }
        }
        let kin: BTreeSet<&str> = s.recusal.kin.iter().map(String::as_str).collect();
        let mut apart = BTreeMap::new();
        for r in &s.relations {
            if kin.contains(r.kind.as_str()) && candidate.contains(&r.a) && candidate.contains(&r.b)
            {
                apart
                    .entry((r.a.min(r.b), r.a.max(r.b)))
                    .or_insert_with(|| format!("{} ({})", r.kind, "H11 kin"));
            }
        }
        for &(a, b) in &s.recusal.apart {
            if candidate.contains(&a) && candidate.contains(&b) {
                apart
                    .entry((a, b))
                    .or_insert_with(|| "apart (H11)".to_string());
            }
        }
        Instance {
            s,
            round,
            people,
            eligibility,
            recusal,
            fixed: (0..round.rules.groups as usize)
                .map(|g| departments.get(g).copied().into_iter().collect())
                .collect(),
            free: townships,
            departments,
            served,
            past_units,
            met,
            apart,
            pins,
            reference,
        }
    }

    pub fn groups(&self) -> usize {
        self.round.rules.groups as usize
    }

    /// Skills every group must hold.
    pub fn required(&self) -> &[SkillIx] {
        &self.round.rules.required_skills
    }

    /// Fix the whole split of units into groups (the first stage of a
    /// large plan). `partition` must hold every unit of the round once.
    pub fn with_partition(mut self, mut partition: Vec<Vec<UnitIx>>) -> Self {
        partition.retain(|g| !g.is_empty());
        partition.resize(self.groups(), Vec::new());
        self.free
            .retain(|u| !partition.iter().any(|g| g.contains(u)));
        self.fixed = partition;
        self
    }

    /// The group a unit is fixed to, if it is.
    pub fn pinned_group(&self, u: UnitIx) -> Option<usize> {
        self.fixed.iter().position(|g| g.contains(&u))
    }

    /// How many groups have fixed units (they are groups `0..n`).
    pub fn fixed_groups(&self) -> usize {
        self.fixed.iter().filter(|g| !g.is_empty()).count()
    }

    pub fn has(&self, p: PersonIx, skill: SkillIx) -> bool {
        self.s.person(p).has_skill(skill)
    }
}
