//! Who may be drawn for a round at all: pool members in rotation for it
//! (in the pool for its whole span and not sat out after an unfit
//! appraisal, H3 as docs/pool.md extends it), available for its whole span
//! (H7) and trained enough (H8).

use crate::ids::PersonIx;
use crate::scenario::{DateRange, Scenario};
use crate::training::{self, Standing};

/// Why a pool member cannot serve in a round.
#[derive(Debug, Clone, PartialEq)]
pub enum Exclusion {
    /// An `unavailable` range overlaps the round.
    Unavailable(DateRange),
    /// Short of the training requirement (`report::exclusion` says how:
    /// hours, a leader's missing course).
    Training(Standing),
    /// Out of rotation ([`crate::pool`]): not yet in the pool, leaving it,
    /// or sitting out after an unfit appraisal.
    Pool(crate::pool::Out),
}

impl Exclusion {
    /// A short code for JSON: `unavailable`, `training`, or the pool's
    /// (`not_yet_in_pool`, `leaves_pool`, `unfit`).
    pub fn code(&self) -> &'static str {
        match self {
            Exclusion::Unavailable(_) => "unavailable",
            Exclusion::Training(_) => "training",
            Exclusion::Pool(o) => o.code(),
        }
    }
}

/// The pool members who can serve in a round from `start` to `end`, and the
/// excluded ones with their reasons.
#[derive(Debug, Clone, Default)]
pub struct Eligibility {
    pub available: Vec<PersonIx>,
    pub excluded: Vec<(PersonIx, Vec<Exclusion>)>,
}

impl Eligibility {
    pub fn for_dates(s: &Scenario, dates: DateRange) -> Self {
        let mut out = Eligibility::default();
        for p in s.pool() {
            let reasons = exclusions(s, p, dates);
            if reasons.is_empty() {
                out.available.push(p);
            } else {
                out.excluded.push((p, reasons));
            }
        }
        out
    }

    pub fn is_available(&self, p: PersonIx) -> bool {
        self.available.binary_search(&p).is_ok()
    }

    pub fn reasons(&self, p: PersonIx) -> &[Exclusion] {
        self.excluded
            .iter()
            .find(|(q, _)| *q == p)
            .map(|(_, r)| r.as_slice())
            .unwrap_or(&[])
    }
}

/// The reasons `p` cannot serve from `dates.from` to `dates.to`; empty if they can.
pub fn exclusions(s: &Scenario, p: PersonIx, dates: DateRange) -> Vec<Exclusion> {
    let person = s.person(p);
    let mut out: Vec<Exclusion> = crate::pool::out_of_rotation(s, p, dates)
        .into_iter()
        .map(Exclusion::Pool)
        .collect();
    out.extend(
        person
            .unavailable
            .iter()
            .filter(|r| r.overlaps(&dates))
            .map(|r| Exclusion::Unavailable(*r)),
    );
    if let Some(st) = training::standing(s, p, dates.from) {
        if !st.compliant {
            out.push(Exclusion::Training(st));
        }
    }
    out
}
