//! What a plan was planned from: the plan JSON carries (as optional fields
//! beside FORMAT.md's) a key of its scenario and a fingerprint of every
//! input the roster depends on, so that `commit`, `repair`, `replace` and
//! `why` can refuse a plan from another scenario and warn when the scenario
//! changed since the plan was made.
//!
//! - `scenario`: SHA-256 of the units (id, name, kind), which a county
//!   keeps for a whole term: another scenario has other units.
//! - `fingerprint`: SHA-256 of a canonical form of everything planning
//!   reads: skills, units and villages, people, relations, recusal policy,
//!   training requirement and records, history (but the round's own entry,
//!   so that committing the round does not change it), the round and the
//!   weights. Not the scenario's `name`, its `term` or where records are
//!   kept.
//!
//! The canonical form is the validated scenario's debug form, which holds
//! no hash map (only ordered lists); a plan made by another build of
//! xuncha may therefore read as "changed", which only warns.

use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::scenario::Scenario;

/// The stamp a plan carries.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Stamp {
    pub scenario: String,
    pub fingerprint: String,
}

fn sha256(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    let mut out = String::from("sha256:");
    for b in digest.iter() {
        out.push_str(&format!("{b:02x}"));
    }
    out
}

impl Stamp {
    /// The stamp of a plan for round `round` of `s`.
    pub fn of(s: &Scenario, round: &str) -> Stamp {
        let units: Vec<(&str, &str, String)> = s
            .units
            .iter()
            .map(|u| (u.id.as_str(), u.name.as_str(), format!("{:?}", u.kind)))
            .collect();
        let records: Vec<String> = s
            .training
            .records
            .iter()
            .map(|r| {
                format!(
                    "{:?}|{}|{}|{}|{:?}|{:?}|{}",
                    r.person, r.course, r.date, r.hours, r.kind, r.result, r.passed
                )
            })
            .collect();
        let history: Vec<_> = s.history.iter().filter(|h| h.id != round).collect();
        let inputs = format!(
            "{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}",
            s.skills,
            s.units,
            s.villages,
            s.people,
            s.relations,
            s.recusal,
            s.training.requirement,
            records,
            history,
            s.round,
            s.weights
        );
        Stamp {
            scenario: sha256(&format!("{units:?}")),
            fingerprint: sha256(&inputs),
        }
    }
}

/// How a plan's stamp compares with the scenario it is used with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Match {
    /// Planned from exactly these inputs.
    Same,
    /// The plan carries no stamp (hand-written, or from an older xuncha).
    Unknown,
    /// The same scenario, changed since the plan was made.
    Changed,
    /// Another scenario.
    Foreign,
}

/// Compare the stamp fields of a plan with `now`.
pub fn compare(scenario: Option<&str>, fingerprint: Option<&str>, now: &Stamp) -> Match {
    match (scenario, fingerprint) {
        (Some(k), _) if k != now.scenario => Match::Foreign,
        (_, Some(f)) if f == now.fingerprint => Match::Same,
        (_, Some(_)) => Match::Changed,
        _ => Match::Unknown,
    }
}
