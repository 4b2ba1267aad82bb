//! A round's roster: the groups a plan proposes (or history confirmed), and
//! the value of the soft terms (FORMAT.md "Soft terms").

use crate::scenario::Group;

/// The weighted soft terms of a roster. Each term is the raw count of
/// FORMAT.md; `total` is their weighted sum.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Objective {
    pub total: u64,
    pub repeat_unit: u64,
    pub repeat_pair: u64,
    pub workload: u64,
    pub balance: u64,
    /// Reserve cadres due to serve and left unseated (docs/pool.md); in
    /// `total` with `weights.reserve`, 0 by default.
    pub reserve: u64,
}

/// The groups of one round, in output order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Roster {
    pub round: String,
    pub groups: Vec<Group>,
}
