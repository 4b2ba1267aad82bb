//! What the simulation assumes about the years its records do not reach.
//!
//! Training (H8): records stop at the last course on file, but rounds go on
//! for years. Taken literally, everyone's training lapses within a year and
//! the later rounds cannot be staffed, which tells the office nothing. So by
//! default the simulation assumes that **each pool member repeats, every
//! year, the training they had in the twelve months up to the last record on
//! file** (same courses, same hours, same day of the year): the annual
//! course is held again and people attend as they did. Members with no
//! training in that year are assumed not to train (they stay excluded), and
//! everyone whose recorded training lapses before a simulated round is
//! flagged ([`Lapse`]).
//!
//! The scenario's own `round` is planned exactly as `plan` plans it, on the
//! records on file: the assumed courses count from the first term round on.
//! They live in the simulation's copy of the scenario only; the file,
//! `plan` and `training report` never see them. `--training recorded`
//! switches the assumption off.
//!
//! Availability (H7): only the `unavailable` ranges on file are known;
//! members are assumed available otherwise. Unplanned absences are what
//! Monte Carlo (`--absence`) is for.

use chrono::{Datelike, Months, NaiveDate};

use super::note::{Note, Requirement};
use super::Slot;
use crate::ids::PersonIx;
use crate::scenario::{Scenario, TrainingRecord};
use crate::training;

/// A pool member whose recorded training does not cover a simulated round.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lapse {
    pub person: PersonIx,
    /// Index of the first simulated round the records no longer cover.
    pub slot: usize,
    /// Its id.
    pub round: String,
    /// Ids of the rounds from then on that the member misses even with the
    /// assumed courses (empty: the assumption keeps them trained).
    pub excluded: Vec<String>,
}

impl Lapse {
    /// Whether the assumed courses keep the member trained from then on.
    pub fn covered_by_assumption(&self) -> bool {
        self.excluded.is_empty()
    }
}

/// The training side of the simulation's assumptions.
#[derive(Debug, Clone, Default)]
pub struct TrainingOutlook {
    /// The assumption.
    pub notes: Vec<Note>,
    /// Ordered by person.
    pub lapses: Vec<Lapse>,
    /// Per slot: pool members trained for it only thanks to assumed records.
    pub relies: Vec<Vec<PersonIx>>,
    /// The assumed records, to add to the scenario before slot `from_slot`.
    pub records: Vec<TrainingRecord>,
    pub from_slot: usize,
}

/// The assumed training records for `slots` of `s` (none unless `assume`),
/// and who lapses before which slot.
pub fn training(s: &Scenario, slots: &[Slot], assume: bool) -> TrainingOutlook {
    // The scenario's `round` (always the first slot) is planned as `plan` would.
    let from_slot = usize::from(slots.first().is_some_and(|sl| sl.fixed.is_some()));
    let mut out = TrainingOutlook {
        relies: vec![Vec::new(); slots.len()],
        from_slot,
        ..TrainingOutlook::default()
    };
    let Some(req) = s.training.requirement.clone() else {
        out.notes.push(Note::TrainingNoRequirement);
        return out;
    };
    let pool: Vec<PersonIx> = s.pool().collect();
    let recorded: Vec<Vec<bool>> = slots
        .iter()
        .map(|slot| {
            pool.iter()
                .map(|&p| training::compliant(s, p, slot.start))
                .collect()
        })
        .collect();

    let horizon = s.training.records.iter().map(|r| r.date).max();
    let last_start = slots.iter().map(|sl| sl.start).max();
    let requirement = Requirement {
        hours: training::fmt_hours(req.hours),
        within_days: req.within_days,
    };
    let assumed_from = slots.get(from_slot).map(|sl| sl.id.as_str());
    match (assume, horizon, last_start, assumed_from) {
        (true, Some(horizon), Some(last_start), Some(assumed_from)) => {
            let from = horizon
                .checked_sub_months(Months::new(12))
                .unwrap_or(NaiveDate::MIN);
            let in_pool: Vec<bool> = s.people.iter().map(|p| p.pool).collect();
            for r in s
                .training
                .records
                .iter()
                .filter(|r| r.date > from && r.date <= horizon && in_pool[r.person.ix()])
            {
                for k in 1.. {
                    let Some(date) = r.date.checked_add_months(Months::new(12 * k)) else {
                        break;
                    };
                    if date >= last_start {
                        break;
                    }
                    out.records.push(TrainingRecord {
                        course: format!("{} (assumed repeat, {})", r.course, date.year()),
                        date,
                        ..r.clone()
                    });
                }
            }
            out.notes.push(Note::TrainingAssumed {
                requirement,
                horizon,
                from_round: assumed_from.to_string(),
                from: from.succ_opt().unwrap_or(from),
                records: out.records.len(),
            });
        }
        (true, None, _, _) => out.notes.push(Note::TrainingNoRecords { requirement }),
        (true, _, _, None) => out.notes.push(Note::TrainingOnlyRound { requirement }),
        _ => out.notes.push(Note::TrainingRecordedOnly { requirement }),
    }

    let mut with = s.clone();
    with.training.records.extend(out.records.iter().cloned());
    let assumed = |i: usize| if i >= from_slot { &with } else { s };
    for (i, slot) in slots.iter().enumerate() {
        for (j, &p) in pool.iter().enumerate() {
            if !recorded[i][j] && training::compliant(assumed(i), p, slot.start) {
                out.relies[i].push(p);
            }
        }
    }
    for (j, &p) in pool.iter().enumerate() {
        if let Some(i) = (0..slots.len()).find(|&i| !recorded[i][j]) {
            let excluded = (i..slots.len())
                .filter(|&k| !training::compliant(assumed(k), p, slots[k].start))
                .map(|k| slots[k].id.clone())
                .collect();
            out.lapses.push(Lapse {
                person: p,
                slot: i,
                round: slots[i].id.clone(),
                excluded,
            });
        }
    }
    let rescued = out
        .lapses
        .iter()
        .filter(|l| l.covered_by_assumption())
        .count();
    let lapsed = out.lapses.len() - rescued;
    if !out.lapses.is_empty() {
        out.notes.push(Note::TrainingLapses {
            lapsing: out.lapses.len(),
            rescued,
            lapsed,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::{parse, RoundKind, RoundRules};

    const YAML: &str = r#"
version: 1
skills: [finance]
units: [{id: T01, kind: township}]
people:
  - {id: A, pool: true, skills: [finance]}
  - {id: B, pool: true, skills: [finance]}
  - {id: C, pool: true, skills: [finance]}
training:
  requirement: {hours: 40, within_days: 365}
  records:
    - {person: A, course: 2026年度专训, date: 2026-04-10, hours: 40}
    - {person: B, course: 2025年度专训, date: 2025-04-10, hours: 40}
    - {person: C, course: 2026年度专训, date: 2026-11-02, hours: 40}
"#;

    fn slot(id: &str, y: i32, m: u32) -> Slot {
        let d = NaiveDate::from_ymd_opt(y, m, 1).unwrap();
        Slot {
            id: id.into(),
            start: d,
            end: d,
            rules: RoundRules {
                kind: RoundKind::Regular,
                groups: 1,
                size_min: 1,
                size_max: 3,
                max_units_per_group: 2,
                villages_per_township: 0,
                required_skills: vec![],
                max_retired_per_group: None,
            },
            fixed: None,
        }
    }

    #[test]
    fn the_last_year_repeats_and_lapses_are_flagged() {
        let mut s = parse(YAML, "t.yaml").unwrap_or_else(|e| panic!("{e}"));
        let slots = [
            slot("R1", 2027, 3),
            slot("R2", 2027, 9),
            slot("R3", 2029, 3),
        ];
        let out = training(&s, &slots, true);
        s.training.records.extend(out.records.iter().cloned());
        // A and C trained in the year up to 2026-11-02; B did not.
        let a = s.person_ix("A").unwrap();
        let b = s.person_ix("B").unwrap();
        let c = s.person_ix("C").unwrap();
        assert!(crate::training::compliant(&s, a, slots[2].start));
        assert!(crate::training::compliant(&s, c, slots[2].start));
        assert!(!crate::training::compliant(&s, b, slots[0].start));
        // A's record of 2026-04-10 does not cover 2027-09-01: relies from R2.
        assert_eq!(out.relies[0], Vec::<PersonIx>::new());
        assert_eq!(out.relies[1], vec![a]);
        assert_eq!(out.relies[2], vec![a, c]);
        assert_eq!(
            out.lapses,
            vec![
                Lapse {
                    person: a,
                    slot: 1,
                    round: "R2".into(),
                    excluded: vec![]
                },
                Lapse {
                    person: b,
                    slot: 0,
                    round: "R1".into(),
                    excluded: vec!["R1".into(), "R2".into(), "R3".into()]
                },
                Lapse {
                    person: c,
                    slot: 2,
                    round: "R3".into(),
                    excluded: vec![]
                },
            ]
        );
        // A: 2027-04-10, 2028-04-10; C: 2027-11-02, 2028-11-02 (2029-03-01 is the last start).
        assert_eq!(out.records.len(), 4);
    }

    #[test]
    fn the_files_round_is_planned_on_the_records() {
        let s = parse(YAML, "t.yaml").unwrap_or_else(|e| panic!("{e}"));
        // The file's round starts 2027-06-01: A's course of 2026-04-10 no
        // longer counts, and its assumed repeat of 2027-04-10 only counts
        // from the next round on.
        let mut first = slot("R0", 2027, 6);
        first.fixed = Some(vec![]);
        let slots = [first, slot("R1", 2027, 9), slot("R2", 2028, 3)];
        let out = training(&s, &slots, true);
        assert_eq!(out.from_slot, 1);
        let a = s.person_ix("A").unwrap();
        let lapse_a = out.lapses.iter().find(|l| l.person == a).unwrap();
        assert_eq!(
            (lapse_a.slot, lapse_a.excluded.clone()),
            (0, vec!["R0".to_string()])
        );
        assert!(out.relies[0].is_empty());
        assert_eq!(out.relies[1], vec![a]);
    }

    #[test]
    fn recorded_only_adds_nothing() {
        let s = parse(YAML, "t.yaml").unwrap_or_else(|e| panic!("{e}"));
        let out = training(&s, &[slot("R1", 2028, 3)], false);
        assert!(out.records.is_empty());
        assert_eq!(out.lapses.len(), 3);
        assert!(out.lapses.iter().all(|l| !l.covered_by_assumption()));
    }
}
