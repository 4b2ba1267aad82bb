//! Training records and the requirement window (FORMAT.md `training`, H8).
//!
//! This is the one place that decides whether a person has trained enough:
//! `check`, `plan` and `training report` all ask here.

use chrono::{Days, NaiveDate};

use crate::ids::PersonIx;
use crate::scenario::{Requirement, Scenario, TrainingRecord};

/// A person's standing against the training requirement on a date.
#[derive(Debug, Clone, PartialEq)]
pub struct Standing {
    pub person: PersonIx,
    /// Hours of records dated in `[as_of - within_days, as_of)`.
    pub hours: f64,
    pub required: f64,
    pub compliant: bool,
    /// `required - hours`, at least 0.
    pub short_by: f64,
}

/// The first day of the requirement window ending (exclusively) at `as_of`.
pub fn window_start(req: &Requirement, as_of: NaiveDate) -> NaiveDate {
    as_of
        .checked_sub_days(Days::new(req.within_days as u64))
        .unwrap_or(NaiveDate::MIN)
}

/// Whether a record dated `date` counts for a window ending at `as_of`.
pub fn counts(req: &Requirement, date: NaiveDate, as_of: NaiveDate) -> bool {
    window_start(req, as_of) <= date && date < as_of
}

/// The records of `p`, in file order.
pub fn records_of(s: &Scenario, p: PersonIx) -> impl Iterator<Item = &TrainingRecord> {
    s.training.records.iter().filter(move |r| r.person == p)
}

/// Hours of `p` in the window ending at `as_of` (0 without a requirement).
pub fn hours(s: &Scenario, p: PersonIx, as_of: NaiveDate) -> f64 {
    match &s.training.requirement {
        Some(req) => records_of(s, p)
            .filter(|r| counts(req, r.date, as_of))
            .map(|r| r.hours)
            .sum(),
        None => 0.0,
    }
}

/// The standing of `p` on `as_of`; `None` when the scenario sets no requirement.
pub fn standing(s: &Scenario, p: PersonIx, as_of: NaiveDate) -> Option<Standing> {
    let req = s.training.requirement.as_ref()?;
    let hours = hours(s, p, as_of);
    // Hours are sums of decimals from a file: compare with a small tolerance.
    let compliant = hours + 1e-9 >= req.hours;
    Some(Standing {
        person: p,
        hours,
        required: req.hours,
        compliant,
        short_by: if compliant { 0.0 } else { req.hours - hours },
    })
}

/// Whether `p` meets the requirement on `as_of` (always, without one).
pub fn compliant(s: &Scenario, p: PersonIx, as_of: NaiveDate) -> bool {
    standing(s, p, as_of).is_none_or(|st| st.compliant)
}

/// Hours for display: `40`, `12.5`.
pub fn fmt_hours(h: f64) -> String {
    if (h - h.round()).abs() < 1e-9 {
        format!("{}", h.round() as i64)
    } else {
        let s = format!("{h:.2}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}
