//! What a simulation assumes or changed, as data: `report/simulate.rs` puts
//! each note into words (the table in the user's language, JSON in English).

use chrono::NaiveDate;

/// The training requirement a training note is about.
#[derive(Debug, Clone, PartialEq)]
pub struct Requirement {
    /// Hours, as the ledger writes them (`40`, `12.5`).
    pub hours: String,
    pub within_days: u32,
}

/// One assumption or what-if change of a simulated term.
#[derive(Debug, Clone, PartialEq)]
pub enum Note {
    /// The scenario has no `term`: only its round is simulated, and coverage
    /// counts from that round on.
    NoTerm,
    /// A round ends after the term; it is simulated and counted all the same.
    RoundAfterTerm {
        round: String,
        end: NaiveDate,
        term_end: NaiveDate,
    },
    /// The scenario's round keeps none of its units: they do not fit its
    /// groups (at most `max_units` units and one department each).
    UnitsChosenAfresh {
        round: String,
        units: usize,
        groups: u32,
        max_units: u32,
    },
    /// No training requirement, so none is assumed.
    TrainingNoRequirement,
    /// From `from_round` on, every pool member repeats each year the
    /// training they had from `from` to `horizon` (the last record), on the
    /// same days: `records` assumed records.
    TrainingAssumed {
        requirement: Requirement,
        horizon: NaiveDate,
        from_round: String,
        from: NaiveDate,
        records: usize,
    },
    /// No records at all: nobody is trained and none is assumed.
    TrainingNoRecords { requirement: Requirement },
    /// Only the round to plan is simulated, on the records on file.
    TrainingOnlyRound { requirement: Requirement },
    /// `--training recorded`: only the records on file count.
    TrainingRecordedOnly { requirement: Requirement },
    /// `lapsing` pool members' recorded training runs out before a simulated
    /// round; `rescued` stay trained thanks to the assumption, `lapsed` miss
    /// rounds even so.
    TrainingLapses {
        lapsing: usize,
        rescued: usize,
        lapsed: usize,
    },
    /// Only the `unavailable` ranges on file are known.
    Availability,
    /// Monte Carlo: each pool member misses each round with `probability`.
    Absences {
        probability: f64,
        seed: u64,
        samples: usize,
    },
    /// What-if: these people left the pool; `remaining` pool members remain.
    WithoutPeople { ids: Vec<String>, remaining: usize },
    /// What-if: only the first `kept` of the `of` term rounds are held.
    RoundsKept { kept: usize, of: usize },
    /// What-if: rounds added in the rhythm of the last ones (id, start, end).
    RoundsAdded {
        rounds: Vec<(String, NaiveDate, NaiveDate)>,
    },
    /// What-if: every term round moved `months`; `round_to_plan` (the
    /// scenario's `round`, if any) stays.
    Shifted {
        months: i32,
        round_to_plan: Option<String>,
    },
    /// What-if: every simulated round has these groups and group size.
    RulesChanged {
        groups: Option<u32>,
        group_size: Option<(u32, u32)>,
    },
}
