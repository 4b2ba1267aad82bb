//! Why no roster exists, as data: which rule, which people, units, skills
//! and counts. `solver/diagnose.rs` finds them; `report/diagnosis.rs` is the
//! only place that turns them into words (in either language; the JSON
//! `diagnosis` strings are its English).

use crate::eligibility::Exclusion;
use crate::ids::{PersonIx, SkillIx, UnitIx};
use crate::recusal::Conflict;
use crate::solver::Family;

/// One reason the round cannot be staffed.
#[derive(Debug, Clone, PartialEq)]
pub enum Finding {
    /// H2: more departments than groups.
    TooManyDepartments { departments: usize, groups: usize },
    /// H1: the units do not fit into the groups at `max_per_group` each.
    UnitsDoNotFit {
        units: usize,
        groups: usize,
        max_per_group: u32,
    },
    /// H1: fewer units than groups (every group needs one).
    TooFewUnits { groups: usize, units: usize },
    /// A pin that cannot hold whatever else happens.
    PinCannotHold { pin: Pin, problem: PinProblem },
    /// H3, H7, H8: fewer available pool members than seats.
    TooFewPeople {
        groups: usize,
        size_min: u32,
        available: usize,
        pool: usize,
        unavailable: usize,
        short_of_training: usize,
        /// Out of rotation (docs/pool.md): pool dates or an unfit appraisal.
        out_of_rotation: usize,
    },
    /// H4: fewer available leaders than groups; `out` are the pool's
    /// leaders who are not available, and why.
    TooFewLeaders {
        groups: usize,
        leaders: usize,
        out: Vec<PersonOut>,
    },
    /// H5: a skill every group needs (`required_skills`) is held by fewer
    /// available members than there are groups.
    RequiredSkillShort {
        skill: SkillIx,
        groups: usize,
        holders: usize,
        out: Vec<PersonOut>,
    },
    /// H9: with at most `max_retired` retired members per group, the
    /// seats cannot be filled.
    TooManyRetired {
        groups: usize,
        size_min: u32,
        max_retired: u32,
        /// Available members who are not retired.
        active: usize,
    },
    /// H4, H6: nobody may lead the group holding `unit`; `out` says why
    /// for each of the pool's leaders (empty: the pool has no leaders).
    NobodyMayLead { unit: UnitIx, out: Vec<PersonOut> },
    /// H3, H6: too few available members without a conflict with `unit`.
    UnitUnderstaffed {
        unit: UnitIx,
        size_min: u32,
        staff: usize,
    },
    /// H5: `unit` requires `skill` and nobody who holds it may serve there;
    /// `holders` pool members hold it, `out` says why each cannot.
    UnitSkillMissing {
        unit: UnitIx,
        skill: SkillIx,
        holders: usize,
        out: Vec<PersonOut>,
    },
    /// H1, H2: the units cannot be split into the groups at all.
    SplitImpossible,
    /// The search for a reason ran out of time.
    TimedOut,
    /// Every counting check passes, yet the rules clash: a roster exists
    /// once these rule families are relaxed together (a smallest such set).
    RulesClash { relaxed: Vec<Family> },
    /// The pins clash with the rules: a smallest set of pins that leaves
    /// no roster.
    PinsClash { pins: Vec<Pin> },
}

impl Finding {
    /// The unit this finding shows cannot be staffed in the round, when
    /// it is about one unit (nobody may lead it, too few may serve there, a
    /// skill it needs nobody may bring): the rest of the round may still be
    /// staffed without it.
    pub fn blocked_unit(&self) -> Option<UnitIx> {
        match self {
            Finding::NobodyMayLead { unit, .. }
            | Finding::UnitUnderstaffed { unit, .. }
            | Finding::UnitSkillMissing { unit, .. } => Some(*unit),
            _ => None,
        }
    }
}

/// One of the office's pins, as it wrote it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pin {
    /// The person leads the group holding the unit.
    Lead(PersonIx, UnitIx),
    /// The person serves in the group holding the unit.
    Serve(PersonIx, UnitIx),
    /// The person sits this round out.
    SitOut(PersonIx),
    /// The two units go to one group.
    Together(UnitIx, UnitIx),
}

/// Why a pin cannot hold.
#[derive(Debug, Clone, PartialEq)]
pub enum PinProblem {
    /// The pinned unit is not inspected this round.
    UnitNotInRound,
    /// Another pin has the person sit this round out.
    SitsOut,
    /// The person is not in the pool.
    NotInPool,
    /// The person may not lead (`leader: false`).
    NotLeader,
    /// The person cannot serve there.
    Out(Out),
    /// A "together" pin names a unit not inspected this round.
    NotBothInRound,
    /// Both units are departments already pinned to groups (H2).
    TwoDepartments,
    /// `max_units_per_group` is 1.
    OneUnitPerGroup,
}

/// A person who cannot take a seat the finding is about, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct PersonOut {
    pub person: PersonIx,
    pub why: Out,
}

/// Why a person cannot take a seat.
#[derive(Debug, Clone, PartialEq)]
pub enum Out {
    /// Not available for the round at all (dates, training).
    Excluded(Vec<Exclusion>),
    /// Conflicts with these units (leaders' rules included when the seat
    /// is a leader's).
    Conflicts(Vec<(UnitIx, Vec<Conflict>)>),
}
