//! The office's manual decisions, kept fixed while the solver completes the
//! rest: "P001 leads the group holding T03", "P014 serves with T05", "P020
//! sits this round out", "T01 and D04 go together".

use crate::ids::{PersonIx, UnitIx};

/// Decisions a plan must respect. Empty by default.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Pins {
    /// (person, unit): the person leads the group holding the unit.
    pub leads: Vec<(PersonIx, UnitIx)>,
    /// (person, unit): the person serves in the group holding the unit.
    pub serves: Vec<(PersonIx, UnitIx)>,
    /// People who sit this round out.
    pub sits_out: Vec<PersonIx>,
    /// Units that go to one group.
    pub together: Vec<(UnitIx, UnitIx)>,
}

impl Pins {
    pub fn is_empty(&self) -> bool {
        self.leads.is_empty()
            && self.serves.is_empty()
            && self.sits_out.is_empty()
            && self.together.is_empty()
    }

    /// Every (person, unit) that must share a group, leaders included.
    pub fn seated(&self) -> impl Iterator<Item = (PersonIx, UnitIx)> + '_ {
        self.leads.iter().chain(&self.serves).copied()
    }
}
