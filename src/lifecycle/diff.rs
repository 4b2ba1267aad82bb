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
use crate::scenario::{Group, Scenario};
use crate::score::{person_label, unit_label};

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

/// One line per group of the new roster, e.g.
/// `group 1 (was group 2) 青山镇 (T01): 王芳 (P02) leaves; 赵敏 (P07) joins`.
pub fn render(s: &Scenario, reference: &[Group], new: &[Group], d: &RosterDiff) -> String {
    let mut out = String::new();
    for c in &d.groups {
        let mut head = super::explain::group_label(s, new, c.group);
        let was: Vec<String> = c
            .was
            .iter()
            .filter(|r| **r != c.group)
            .map(|r| format!("group {}", r + 1))
            .collect();
        if !was.is_empty() {
            head.push_str(&format!(", was {}", was.join(" and ")));
        } else if c.was.is_empty() {
            head.push_str(", new");
        }
        if c.is_unchanged() {
            out.push_str(&format!("  {head}: unchanged\n"));
            continue;
        }
        let mut parts = Vec::new();
        for (p, to) in &c.leaves {
            parts.push(match to {
                Some(g) => format!("{} leaves for group {}", person_label(s, *p), g + 1),
                None => format!("{} leaves", person_label(s, *p)),
            });
        }
        for (p, from) in &c.joins {
            parts.push(match from {
                Some(r) if !c.was.contains(r) => {
                    format!("{} joins from group {}", person_label(s, *p), r + 1)
                }
                _ => format!("{} joins", person_label(s, *p)),
            });
        }
        if let Some((old, new_leader)) = c.leader {
            parts.push(format!(
                "leader {} → {}",
                person_label(s, old),
                person_label(s, new_leader)
            ));
        }
        for u in &c.units_in {
            parts.push(format!("takes {}", unit_label(s, *u)));
        }
        for u in &c.units_out {
            parts.push(format!("hands over {}", unit_label(s, *u)));
        }
        out.push_str(&format!("  {head}: {}\n", parts.join("; ")));
    }
    for r in &d.lost {
        let members: Vec<String> = reference[*r]
            .members
            .iter()
            .map(|p| person_label(s, *p))
            .collect();
        out.push_str(&format!(
            "  old group {} is gone (its first unit is not in the new roster): {} leave\n",
            r + 1,
            members.join(", ")
        ));
    }
    out
}
