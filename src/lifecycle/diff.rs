//! What changed between a reference roster and a new one, counted the way a
//! repair minimises it (see `solver::plan` with `reference`).
//!
//! A reference group lives on in whichever new group holds its first unit
//! (its anchor). A seat is a (person, group) pair: a reference seat is kept
//! when its person sits in the anchor of their group; a new seat is kept
//! when it is such a kept seat. Changed seats = reference seats not kept +
//! new seats not kept: someone who leaves counts 1, someone who joins 1,
//! someone who moves to another group 2. Units that move and leaders that
//! change are shown but are not seats.

use crate::ids::{PersonIx, UnitIx};
use crate::scenario::Group;

/// The changes seen from one group of the new roster.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupChange {
    /// Index in the new roster.
    pub group: usize,
    /// Reference groups whose first unit this group holds.
    pub was: Vec<usize>,
    /// People of those reference groups who are not here, with the new
    /// group they went to (`None`: out of the roster).
    pub leaves: Vec<(PersonIx, Option<usize>)>,
    /// People here who were not in those reference groups, with the
    /// reference group they came from (`None`: new to the roster).
    pub joins: Vec<(PersonIx, Option<usize>)>,
    /// (old, new) when the leader changed.
    pub leader: Option<(PersonIx, PersonIx)>,
    /// Units here that those reference groups did not hold.
    pub units_in: Vec<UnitIx>,
    /// Units those reference groups held that are not here.
    pub units_out: Vec<UnitIx>,
}

impl GroupChange {
    pub fn is_unchanged(&self) -> bool {
        self.leaves.is_empty()
            && self.joins.is_empty()
            && self.leader.is_none()
            && self.units_in.is_empty()
            && self.units_out.is_empty()
    }
}

/// Every change between two rosters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RosterDiff {
    /// One entry per new group, in roster order.
    pub groups: Vec<GroupChange>,
    /// Reference groups whose first unit no new group holds: every seat of
    /// them changes.
    pub lost: Vec<usize>,
    pub changed_seats: u64,
}

fn distinct<T: Copy + PartialEq>(items: &[T]) -> Vec<T> {
    let mut out = Vec::new();
    for &x in items {
        if !out.contains(&x) {
            out.push(x);
        }
    }
    out
}

/// Compare `new` with `reference`.
pub fn diff(reference: &[Group], new: &[Group]) -> RosterDiff {
    let holder = |u: UnitIx| new.iter().position(|g| g.units.contains(&u));
    let anchor: Vec<Option<usize>> = reference
        .iter()
        .map(|r| r.units.first().and_then(|u| holder(*u)))
        .collect();
    let new_group_of = |p: PersonIx| new.iter().position(|g| g.members.contains(&p));
    let ref_group_of = |p: PersonIx| reference.iter().position(|g| g.members.contains(&p));

    let mut changed = 0u64;
    for (r, group) in reference.iter().enumerate() {
        for p in distinct(&group.members) {
            let kept = anchor[r].is_some_and(|g| new[g].members.contains(&p));
            if !kept {
                changed += 1;
            }
        }
    }
    let mut groups = Vec::new();
    for (g, group) in new.iter().enumerate() {
        let was: Vec<usize> = (0..reference.len())
            .filter(|r| anchor[*r] == Some(g))
            .collect();
        let before: Vec<PersonIx> = distinct(
            &was.iter()
                .flat_map(|r| reference[*r].members.iter().copied())
                .collect::<Vec<_>>(),
        );
        let joins: Vec<(PersonIx, Option<usize>)> = distinct(&group.members)
            .into_iter()
            .filter(|p| !before.contains(p))
            .map(|p| (p, ref_group_of(p)))
            .collect();
        changed += joins.len() as u64;
        let leaves = before
            .iter()
            .copied()
            .filter(|p| !group.members.contains(p))
            .map(|p| (p, new_group_of(p)))
            .collect();
        let units_before: Vec<UnitIx> = distinct(
            &was.iter()
                .flat_map(|r| reference[*r].units.iter().copied())
                .collect::<Vec<_>>(),
        );
        let leader = was
            .first()
            .map(|r| reference[*r].leader)
            .filter(|old| *old != group.leader)
            .map(|old| (old, group.leader));
        groups.push(GroupChange {
            group: g,
            units_in: group
                .units
                .iter()
                .copied()
                .filter(|u| !units_before.contains(u))
                .collect(),
            units_out: units_before
                .iter()
                .copied()
                .filter(|u| !group.units.contains(u))
                .collect(),
            was,
            leaves,
            joins,
            leader,
        });
    }
    let lost = (0..reference.len())
        .filter(|r| anchor[*r].is_none())
        .collect();
    RosterDiff {
        groups,
        lost,
        changed_seats: changed,
    }
}

/// Changed seats between two rosters (see the module documentation).
pub fn changed_seats(reference: &[Group], new: &[Group]) -> u64 {
    diff(reference, new).changed_seats
}
