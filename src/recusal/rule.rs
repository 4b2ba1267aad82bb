//! The recusal rules of FORMAT.md and the evidence each conflict carries.

use std::fmt;

use chrono::NaiveDate;

use crate::ids::{PersonIx, Place, UnitIx};

/// A recusal rule: R1–R5 for every member, L1–L2 for leaders only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Rule {
    /// Current work unit is at the unit.
    R1,
    /// A posting at the unit, ongoing or ended less than `former_posting_years` ago.
    R2,
    /// Hometown at the unit.
    R3,
    /// A relative (within `kin_depth` hops of `kin` relations) works at the unit.
    R4,
    /// A declared conflict.
    R5,
    /// Leaders: a posting at the unit that lasted at least `long_posting_years`.
    L1,
    /// Leaders: a `leader_ties` relation with someone working at the unit.
    L2,
}

impl Rule {
    pub const ALL: [Rule; 7] = [
        Rule::R1,
        Rule::R2,
        Rule::R3,
        Rule::R4,
        Rule::R5,
        Rule::L1,
        Rule::L2,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Rule::R1 => "R1",
            Rule::R2 => "R2",
            Rule::R3 => "R3",
            Rule::R4 => "R4",
            Rule::R5 => "R5",
            Rule::L1 => "L1",
            Rule::L2 => "L2",
        }
    }

    /// True for the rules that bind only a group's leader.
    pub fn leader_only(self) -> bool {
        matches!(self, Rule::L1 | Rule::L2)
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One step along a relation path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hop {
    pub to: PersonIx,
    pub kind: String,
}

/// Why a conflict holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Evidence {
    /// R1: the person's current unit.
    WorksAt { place: Place },
    /// R2, L1: a posting and its dates (`to: None` = still there).
    Posting {
        place: Place,
        from: NaiveDate,
        to: Option<NaiveDate>,
    },
    /// R3: the person's hometown.
    Hometown { place: Place },
    /// R4, L2: relations from the person to someone working at the unit; the
    /// last hop's `to` works at `place`.
    Path { hops: Vec<Hop>, place: Place },
    /// R5: a `declared` entry.
    Declared { reason: String },
}

/// Person `person` may not inspect `unit` (as member, or as leader when
/// `rule.leader_only()`), because of `evidence`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    pub person: PersonIx,
    pub unit: UnitIx,
    pub rule: Rule,
    pub evidence: Evidence,
}

impl Conflict {
    /// The people from the person to the one at the unit (R4, L2), else `None`.
    pub fn path(&self) -> Option<Vec<PersonIx>> {
        match &self.evidence {
            Evidence::Path { hops, .. } => {
                let mut v = vec![self.person];
                v.extend(hops.iter().map(|h| h.to));
                Some(v)
            }
            _ => None,
        }
    }
}
