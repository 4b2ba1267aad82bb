//! The pool over time (docs/pool.md): when a member joins and leaves the
//! pool (入库、出库), and the appraisals after each round (考核评价) that
//! take an unfit member out of rotation for a number of rounds.
//!
//! [`out_of_rotation`] is the one place that says whether a pool member is
//! in rotation for a round; [`crate::eligibility`] (planning) and
//! [`crate::roster_check`] (the independent validator) both ask it.

mod census;

pub use census::{CategoryCount, Census, Leaving, Service, SkillCount, UnitCount};

use chrono::NaiveDate;

use crate::ids::PersonIx;
use crate::scenario::{DateRange, Scenario};

impl From<Category> for crate::scenario::raw::RawCategory {
    fn from(c: Category) -> Self {
        use crate::scenario::raw::RawCategory;
        match c {
            Category::FullTime => RawCategory::FullTime,
            Category::PartTime => RawCategory::PartTime,
            Category::Talent => RawCategory::Talent,
        }
    }
}

impl From<crate::scenario::raw::RawCategory> for Category {
    fn from(c: crate::scenario::raw::RawCategory) -> Self {
        use crate::scenario::raw::RawCategory;
        match c {
            RawCategory::FullTime => Category::FullTime,
            RawCategory::PartTime => Category::PartTime,
            RawCategory::Talent => Category::Talent,
        }
    }
}

impl From<Grade> for crate::scenario::raw::RawGrade {
    fn from(g: Grade) -> Self {
        use crate::scenario::raw::RawGrade;
        match g {
            Grade::Excellent => RawGrade::Excellent,
            Grade::Competent => RawGrade::Competent,
            Grade::Basic => RawGrade::Basic,
            Grade::Unfit => RawGrade::Unfit,
        }
    }
}

impl From<crate::scenario::raw::RawGrade> for Grade {
    fn from(g: crate::scenario::raw::RawGrade) -> Self {
        use crate::scenario::raw::RawGrade;
        match g {
            RawGrade::Excellent => Grade::Excellent,
            RawGrade::Competent => Grade::Competent,
            RawGrade::Basic => Grade::Basic,
            RawGrade::Unfit => Grade::Unfit,
        }
    }
}

/// A pool member's category (人员类别).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Category {
    /// 专职巡察干部.
    FullTime,
    /// 兼职 (seconded for a round).
    PartTime,
    /// 人才库 (the wider talent pool).
    Talent,
}

impl Category {
    pub const ALL: [Category; 3] = [Category::FullTime, Category::PartTime, Category::Talent];

    /// The code the scenario file uses.
    pub fn code(self) -> &'static str {
        match self {
            Category::FullTime => "full_time",
            Category::PartTime => "part_time",
            Category::Talent => "talent",
        }
    }
}

/// An appraisal's grade (考核等次), best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Grade {
    /// 优秀: goes on file.
    Excellent,
    /// 称职.
    Competent,
    /// 基本称职.
    Basic,
    /// 不称职: out of rotation for `pool_policy.unfit_out_rounds` rounds.
    Unfit,
}

impl Grade {
    pub const ALL: [Grade; 4] = [
        Grade::Excellent,
        Grade::Competent,
        Grade::Basic,
        Grade::Unfit,
    ];

    /// The code the scenario file uses.
    pub fn code(self) -> &'static str {
        match self {
            Grade::Excellent => "excellent",
            Grade::Competent => "competent",
            Grade::Basic => "basic",
            Grade::Unfit => "unfit",
        }
    }
}

/// One appraisal of a member's work in a history round.
#[derive(Debug, Clone, PartialEq)]
pub struct Appraisal {
    pub person: PersonIx,
    /// Index into `Scenario::history`.
    pub round: usize,
    pub grade: Grade,
    pub note: Option<String>,
}

/// A recorded change of `pool` (`xuncha pool add|remove`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PoolChange {
    pub date: NaiveDate,
    /// True for 入库, false for 出库.
    pub joined: bool,
    pub reason: Option<String>,
}

/// The office's rules for the pool over time (`pool_policy`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PoolPolicy {
    /// Rounds a member appraised 不称职 sits out, counted from the round
    /// after the appraised one. 0: an appraisal never takes anyone out.
    pub unfit_out_rounds: u32,
}

impl Default for PoolPolicy {
    fn default() -> Self {
        PoolPolicy {
            unfit_out_rounds: 2,
        }
    }
}

/// Why a pool member is out of rotation for a round.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Out {
    /// Joins the pool after the round starts (`pool_since`, or the latest
    /// 入库 in `pool_changes`).
    NotYetIn { since: NaiveDate },
    /// Leaves the pool before the round ends (`pool_until`).
    Leaves { until: NaiveDate },
    /// Appraised 不称职 in history round `round`; this round is the
    /// `nth` of the `of` rounds they sit out.
    Unfit { round: String, nth: u32, of: u32 },
}

impl Out {
    /// A short code for JSON (`not_yet_in_pool`, `leaves_pool`, `unfit`).
    pub fn code(&self) -> &'static str {
        match self {
            Out::NotYetIn { .. } => "not_yet_in_pool",
            Out::Leaves { .. } => "leaves_pool",
            Out::Unfit { .. } => "unfit",
        }
    }
}

/// When `p` joined the pool as the file records it: the later of
/// `pool_since` and the latest 入库 of `pool_changes`.
pub fn joined(s: &Scenario, p: PersonIx) -> Option<NaiveDate> {
    let person = s.person(p);
    let change = person
        .pool_changes
        .iter()
        .filter(|c| c.joined)
        .map(|c| c.date)
        .max();
    person.pool_since.max(change)
}

/// Rounds of `s.history` that started after history round `after` started
/// and before `start`.
fn rounds_between(s: &Scenario, after: usize, start: NaiveDate) -> u32 {
    let from = s.history[after].start;
    s.history
        .iter()
        .filter(|h| h.start > from && h.start < start)
        .count() as u32
}

/// Why pool member `p` is out of rotation for a round over `dates`; empty
/// when they are in it. Membership must cover the whole round; an unfit
/// appraisal counts the rounds started since the appraised one.
pub fn out_of_rotation(s: &Scenario, p: PersonIx, dates: DateRange) -> Vec<Out> {
    let person = s.person(p);
    let mut out = Vec::new();
    if let Some(since) = joined(s, p) {
        if since > dates.from {
            out.push(Out::NotYetIn { since });
        }
    }
    if let Some(until) = person.pool_until {
        if until < dates.to {
            out.push(Out::Leaves { until });
        }
    }
    let n = s.pool_policy.unfit_out_rounds;
    // The latest unfit appraisal that still holds (history order).
    let unfit = s
        .appraisals
        .iter()
        .filter(|a| a.person == p && a.grade == Grade::Unfit)
        .filter(|a| s.history[a.round].start < dates.from)
        .filter_map(|a| {
            let nth = rounds_between(s, a.round, dates.from) + 1;
            (nth <= n).then_some((a.round, nth))
        })
        .max_by_key(|(round, _)| *round);
    if let Some((round, nth)) = unfit {
        out.push(Out::Unfit {
            round: s.history[round].id.clone(),
            nth,
            of: n,
        });
    }
    out
}

/// The appraisals of `p`, in history order.
pub fn appraisals_of(s: &Scenario, p: PersonIx) -> impl Iterator<Item = &Appraisal> {
    s.appraisals.iter().filter(move |a| a.person == p)
}

/// The reserve cadres the `weights.reserve` term is about for a round over
/// `dates` (docs/pool.md): reserve pool members who can serve in it
/// ([`crate::eligibility`]) and have served in no history round of the term
/// that started before it (all of history when the scenario has no term).
/// Empty when the pool has no reserve cadres. Pool order.
/// The validator asks it for every roster: only reserve cadres are looked
/// at, so a pool without any costs one pass over it.
pub fn reserve_due(s: &Scenario, dates: DateRange) -> Vec<PersonIx> {
    let from = s.term.as_ref().map(|t| t.start);
    s.pool()
        .filter(|&p| s.person(p).reserve)
        .filter(|&p| crate::eligibility::exclusions(s, p, dates).is_empty())
        .filter(|&p| {
            !s.history.iter().any(|h| {
                from.is_none_or(|f| h.start >= f)
                    && h.start < dates.from
                    && h.groups.iter().any(|g| g.members.contains(&p))
            })
        })
        .collect()
}
