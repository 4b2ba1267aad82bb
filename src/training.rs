//! Training records and the requirement window (FORMAT.md `training`, H8).
//!
//! This is the one place that decides whether a person has trained enough:
//! `check`, `plan` and `training report` all ask here.

pub mod append;
pub mod ledger;

use chrono::{Datelike, Days, Months, NaiveDate};

use crate::ids::PersonIx;
use crate::scenario::{Requirement, Scenario, TrainingKind, TrainingRecord};

/// Every kind, in report order.
pub const KINDS: [TrainingKind; 5] = [
    TrainingKind::Annual,
    TrainingKind::PreRound,
    TrainingKind::Practice,
    TrainingKind::Online,
    TrainingKind::Other,
];

/// A kind as the scenario writes it: `annual`, `pre_round` …
pub fn kind_str(k: TrainingKind) -> &'static str {
    match k {
        TrainingKind::Annual => "annual",
        TrainingKind::PreRound => "pre_round",
        TrainingKind::Practice => "practice",
        TrainingKind::Online => "online",
        TrainingKind::Other => "other",
    }
}

/// A kind as a Chinese ledger writes it.
pub fn kind_label_zh(k: TrainingKind) -> &'static str {
    match k {
        TrainingKind::Annual => "全脱产专训",
        TrainingKind::PreRound => "轮前培训",
        TrainingKind::Practice => "实战历练",
        TrainingKind::Online => "网络培训",
        TrainingKind::Other => "其他",
    }
}

/// Read a kind from a flag or a ledger cell: the scenario's word or a
/// Chinese label (docs/training.md lists them).
pub fn kind_from_label(text: &str) -> Option<TrainingKind> {
    let t = text.trim().to_lowercase().replace('-', "_");
    let k = match t.as_str() {
        "annual"
        | "全脱产"
        | "全脱产专训"
        | "全脱产业务专训"
        | "专训"
        | "业务专训"
        | "年度专训" => TrainingKind::Annual,
        "pre_round" | "轮前" | "轮前培训" | "岗前培训" | "战前培训" => {
            TrainingKind::PreRound
        }
        "practice"
        | "实战"
        | "顶岗"
        | "历练"
        | "实战历练"
        | "顶岗历练"
        | "实战、顶岗历练"
        | "实战顶岗历练" => TrainingKind::Practice,
        "online" | "网络" | "网络培训" | "网络学习" | "线上" | "线上培训" | "在线" => {
            TrainingKind::Online
        }
        "other" | "其他" | "其它" => TrainingKind::Other,
        _ => return None,
    };
    Some(k)
}

/// Whether an appraisal text means the course was passed: everything but
/// 不合格, 未通过, 不通过, 未合格, fail, failed.
pub fn result_passes(text: &str) -> bool {
    !matches!(
        text.trim().to_lowercase().as_str(),
        "不合格" | "未通过" | "不通过" | "未合格" | "fail" | "failed"
    )
}

/// A person's standing against the training requirement on a date.
#[derive(Debug, Clone, PartialEq)]
pub struct Standing {
    pub person: PersonIx,
    /// Hours of records that count on the date (see [`record_counts`]).
    pub hours: f64,
    pub required: f64,
    pub compliant: bool,
    /// `required - hours` when that makes them non-compliant, else 0.
    pub short_by: f64,
    /// The `leader_course` a leader has no counting record of.
    pub missing_course: Option<String>,
    /// Exempt as new to the pool until this date (exclusive).
    pub grace_until: Option<NaiveDate>,
}

impl Standing {
    /// Whether the hours alone fall short.
    pub fn hours_short(&self) -> bool {
        self.hours + 1e-9 < self.required
    }
}

/// The first day of the requirement window ending (exclusively) at `as_of`.
pub fn window_start(req: &Requirement, as_of: NaiveDate) -> NaiveDate {
    as_of
        .checked_sub_days(Days::new(req.within_days as u64))
        .unwrap_or(NaiveDate::MIN)
}

/// The first date on which a record dated `date` no longer counts: the day
/// after the window has moved past it (`date + within_days + 1`), or
/// `date + valid_months` months if that is earlier.
pub fn record_expires(req: &Requirement, date: NaiveDate) -> NaiveDate {
    let by_window = date
        .checked_add_days(Days::new(req.within_days as u64 + 1))
        .unwrap_or(NaiveDate::MAX);
    match req.valid_months {
        Some(m) => by_window.min(
            date.checked_add_months(Months::new(m))
                .unwrap_or(NaiveDate::MAX),
        ),
        None => by_window,
    }
}

/// Whether a record dated `date` counts on `as_of`: it lies in
/// `[as_of - within_days, as_of)` (H8) and, with `valid_months`, `as_of` is
/// before `date + valid_months` months. Equivalently
/// `date < as_of < record_expires(date)`.
pub fn counts(req: &Requirement, date: NaiveDate, as_of: NaiveDate) -> bool {
    date < as_of && as_of < record_expires(req, date)
}

/// Whether record `r` counts on `as_of`: passed, and dated as [`counts`] says.
pub fn record_counts(req: &Requirement, r: &TrainingRecord, as_of: NaiveDate) -> bool {
    r.passed && counts(req, r.date, as_of)
}

/// The records of `p`, in ledger order.
pub fn records_of(s: &Scenario, p: PersonIx) -> impl Iterator<Item = &TrainingRecord> {
    s.training.records.iter().filter(move |r| r.person == p)
}

/// Hours of `p` that count on `as_of` (0 without a requirement).
pub fn hours(s: &Scenario, p: PersonIx, as_of: NaiveDate) -> f64 {
    match &s.training.requirement {
        Some(req) => records_of(s, p)
            .filter(|r| record_counts(req, r, as_of))
            .map(|r| r.hours)
            .sum(),
        None => 0.0,
    }
}

/// The end (exclusive) of `p`'s grace period: `pool_since + grace_days`,
/// when both are set.
pub fn grace_end(s: &Scenario, p: PersonIx) -> Option<NaiveDate> {
    let days = s.training.requirement.as_ref()?.grace_days?;
    let since = s.person(p).pool_since?;
    Some(
        since
            .checked_add_days(Days::new(days as u64))
            .unwrap_or(NaiveDate::MAX),
    )
}

/// The standing of `p` on `as_of`; `None` when the scenario sets no requirement.
///
/// Compliant: exempt (the grace period runs on `as_of`), or the counting
/// hours reach `hours` and, for a pool member with `leader: true`, a
/// counting record's course contains `leader_course`.
pub fn standing(s: &Scenario, p: PersonIx, as_of: NaiveDate) -> Option<Standing> {
    let req = s.training.requirement.as_ref()?;
    let hours = hours(s, p, as_of);
    // Hours are sums of decimals from a file: compare with a small tolerance.
    let hours_ok = hours + 1e-9 >= req.hours;
    let missing_course = match &req.leader_course {
        Some(c) if s.person(p).leader => {
            let has = records_of(s, p)
                .any(|r| record_counts(req, r, as_of) && r.course.contains(c.as_str()));
            (!has).then(|| c.clone())
        }
        _ => None,
    };
    let grace_until = grace_end(s, p).filter(|&end| as_of < end);
    let compliant = grace_until.is_some() || (hours_ok && missing_course.is_none());
    Some(Standing {
        person: p,
        hours,
        required: req.hours,
        compliant,
        short_by: if compliant || hours_ok {
            0.0
        } else {
            req.hours - hours
        },
        missing_course,
        grace_until,
    })
}

/// Whether `p` meets the requirement on `as_of` (always, without one).
pub fn compliant(s: &Scenario, p: PersonIx, as_of: NaiveDate) -> bool {
    standing(s, p, as_of).is_none_or(|st| st.compliant)
}

/// The first date after `as_of` on which `p`, compliant on `as_of`, would no
/// longer be if no record were added; `None` if not compliant now, without a
/// requirement, or if nothing on record ever runs out.
pub fn expires(s: &Scenario, p: PersonIx, as_of: NaiveDate) -> Option<NaiveDate> {
    let req = s.training.requirement.as_ref()?;
    if !standing(s, p, as_of)?.compliant {
        return None;
    }
    // Standing changes only when a record stops counting or grace ends.
    let mut dates: Vec<NaiveDate> = records_of(s, p)
        .map(|r| record_expires(req, r.date))
        .chain(grace_end(s, p))
        .filter(|&d| d > as_of)
        .collect();
    dates.sort_unstable();
    dates.dedup();
    dates
        .into_iter()
        .find(|&d| standing(s, p, d).is_some_and(|st| !st.compliant))
}

/// The latest record of `p` dated before `as_of`.
pub fn last_record(s: &Scenario, p: PersonIx, as_of: NaiveDate) -> Option<&TrainingRecord> {
    records_of(s, p)
        .filter(|r| r.date < as_of)
        .max_by_key(|r| r.date)
}

/// The records of `p` dated on or after `as_of` (planned ones), earliest first.
pub fn planned(s: &Scenario, p: PersonIx, as_of: NaiveDate) -> Vec<&TrainingRecord> {
    let mut v: Vec<&TrainingRecord> = records_of(s, p).filter(|r| r.date >= as_of).collect();
    v.sort_by_key(|r| r.date);
    v
}

/// The next round after `as_of`: the scenario's `round` or a `term` round,
/// whichever starts first after `as_of`. Its id and start.
pub fn next_round(s: &Scenario, as_of: NaiveDate) -> Option<(String, NaiveDate)> {
    let round = s.round.iter().map(|r| (r.id.clone(), r.start));
    let term = s
        .term
        .iter()
        .flat_map(|t| t.rounds.iter().map(|r| (r.id.clone(), r.start)));
    round
        .chain(term)
        .filter(|(_, start)| *start > as_of)
        .min_by_key(|(_, start)| *start)
}

/// Whether two records are exact duplicates: same person, course (ignoring
/// surrounding spaces), date and hours.
pub fn same_record(a: &TrainingRecord, b: &TrainingRecord) -> bool {
    a.person == b.person
        && a.date == b.date
        && a.course.trim() == b.course.trim()
        && (a.hours - b.hours).abs() < 1e-9
}

/// Pairs `(earlier, later)` of indices into `training.records` that are
/// exact duplicates.
pub fn duplicates(s: &Scenario) -> Vec<(usize, usize)> {
    let recs = &s.training.records;
    let mut by_key: std::collections::HashMap<(PersonIx, NaiveDate), Vec<usize>> =
        std::collections::HashMap::new();
    let mut out = Vec::new();
    for (i, r) in recs.iter().enumerate() {
        let seen = by_key.entry((r.person, r.date)).or_default();
        if let Some(&j) = seen.iter().find(|&&j| same_record(&recs[j], r)) {
            out.push((j, i));
        }
        seen.push(i);
    }
    out
}

/// Whether `date` falls in calendar year `year`.
pub fn in_year(date: NaiveDate, year: i32) -> bool {
    date.year() == year
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_read_from_words_and_chinese_labels() {
        for k in KINDS {
            assert_eq!(kind_from_label(kind_str(k)), Some(k));
            assert_eq!(kind_from_label(kind_label_zh(k)), Some(k));
        }
        assert_eq!(kind_from_label(" Pre-Round "), Some(TrainingKind::PreRound));
        assert_eq!(kind_from_label("顶岗历练"), Some(TrainingKind::Practice));
        assert_eq!(kind_from_label("飞行"), None);
    }

    #[test]
    fn failing_results() {
        for t in ["不合格", " 未通过 ", "FAILED", "fail"] {
            assert!(!result_passes(t), "{t}");
        }
        for t in ["合格", "优秀", "良好", "", "passed"] {
            assert!(result_passes(t), "{t}");
        }
    }

    #[test]
    fn hours_display() {
        assert_eq!(fmt_hours(40.0), "40");
        assert_eq!(fmt_hours(12.5), "12.5");
    }
}
