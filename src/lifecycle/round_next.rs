//! `xuncha round next`: once the round is committed, make the next round of
//! the term (`term.rounds`, the first not yet in history) the round to plan,
//! with its units chosen by the same coverage planner `xuncha simulate`
//! uses ([`crate::simulate::coverage`]), so the term plan becomes the real
//! plan. The office may then edit the units before planning.
//!
//! The `round` section of the file is replaced as text
//! ([`super::yaml_edit`]); every other byte stays. Fields a term round does
//! not give come from the round before, as FORMAT.md says; all are written
//! out. Later term rounds that took a field from `round` and would now take
//! another value are named ([`NextRound::inherit_changed`]).

use std::path::Path;

use chrono::NaiveDate;

use super::yaml_edit::{Doc, Op, Value};
use super::{LifecycleError, ScenarioFile};
use crate::ids::UnitIx;
use crate::scenario::yaml_path as path;
use crate::scenario::{Round, Scenario};
use crate::simulate::{self, SimOptions};

/// Why there is no next round.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoNext {
    /// The round is not committed yet: plan and commit it first.
    NotCommitted { round: String },
    /// The scenario has no `term`.
    NoTerm,
    /// Every round of `term.rounds` is in history.
    TermDone,
}

/// Why a unit is in the next round.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    /// Not yet inspected in the term; `must` villages of it are tagged
    /// (poverty, weak_org, hotspot).
    Uncovered { must: usize },
    /// Inspected again to give every group a unit (the longest ago first).
    Refill,
}

/// One unit of the next round and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitChoice {
    pub unit: UnitIx,
    pub reason: Reason,
    /// The last history round that inspected it: id and start.
    pub last: Option<(String, NaiveDate)>,
}

/// The next round, as written.
#[derive(Debug, Clone)]
pub struct NextRound {
    /// The committed round it follows.
    pub after: String,
    pub round: Round,
    /// In the round's order.
    pub units: Vec<UnitChoice>,
    /// Units of the term not yet inspected, after this round.
    pub uncovered_after: usize,
    /// Term rounds after this one.
    pub rounds_after: usize,
    /// Units to cover that no remaining round has room for.
    pub left_out: Vec<UnitIx>,
    /// Later term rounds whose rules change because they take a field from
    /// the new `round`.
    pub inherit_changed: Vec<String>,
    /// 1-based lines of the new `round` section.
    pub lines: (usize, usize),
}

/// The next round and why its units, as [`choose`] finds them.
#[derive(Debug, Clone)]
pub struct Chosen {
    pub round: Round,
    pub units: Vec<UnitChoice>,
    pub uncovered_after: usize,
    pub rounds_after: usize,
    pub left_out: Vec<UnitIx>,
}

/// Choose the next round of `s` (whose round is committed).
pub fn choose(s: &Scenario) -> Result<Chosen, NoNext> {
    let round = s.round.as_ref().ok_or(NoNext::NoTerm)?;
    if s.committed.is_none() {
        return Err(NoNext::NotCommitted {
            round: round.id.clone(),
        });
    }
    let term = s.term.as_ref().ok_or(NoNext::NoTerm)?;
    if term.rounds.is_empty() {
        return Err(NoNext::TermDone);
    }
    let p = simulate::prepare(s, &SimOptions::default()).map_err(|_| NoNext::TermDone)?;
    let state = simulate::State::new(&p, &[]);
    let alloc = state.allocate(&p);
    let choice = state.choose(&p);
    let last = |u: UnitIx| {
        s.history
            .iter()
            .filter(|h| h.groups.iter().any(|g| g.units.contains(&u)))
            .max_by_key(|h| h.start)
            .map(|h| (h.id.clone(), h.start))
    };
    let units = choice
        .round
        .units
        .iter()
        .map(|&u| UnitChoice {
            unit: u,
            reason: if choice.new_units.contains(&u) {
                Reason::Uncovered {
                    must: s
                        .unit(u)
                        .villages
                        .iter()
                        .filter(|v| s.village(**v).must_inspect())
                        .count(),
                }
            } else {
                Reason::Refill
            },
            last: last(u),
        })
        .collect();
    let uncovered_after = state
        .uncovered()
        .iter()
        .filter(|u| !choice.round.units.contains(u))
        .count();
    let rounds_after = p.slots.len() - 1;
    Ok(Chosen {
        round: choice.round,
        units,
        uncovered_after,
        rounds_after,
        left_out: alloc.left_out,
    })
}

/// The `round` section for `r`.
pub fn round_value(s: &Scenario, r: &Round) -> Value {
    let flow_ids = |ids: Vec<String>| {
        Value::Flow(Box::new(Value::Seq(
            ids.iter().map(|i| Value::text(i)).collect(),
        )))
    };
    let n = |x: u32| Value::Scalar(x.to_string());
    let mut kv = vec![
        ("id".to_string(), Value::text(&r.id)),
        (
            "kind".to_string(),
            Value::Scalar(r.rules.kind.as_str().to_string()),
        ),
        ("start".to_string(), Value::Scalar(r.start.to_string())),
        ("end".to_string(), Value::Scalar(r.end.to_string())),
        ("groups".to_string(), n(r.rules.groups)),
        (
            "group_size".to_string(),
            Value::Flow(Box::new(Value::Map(vec![
                ("min".to_string(), n(r.rules.size_min)),
                ("max".to_string(), n(r.rules.size_max)),
            ]))),
        ),
        (
            "max_units_per_group".to_string(),
            n(r.rules.max_units_per_group),
        ),
        (
            "units".to_string(),
            flow_ids(r.units.iter().map(|u| s.unit(*u).id.clone()).collect()),
        ),
        (
            "villages_per_township".to_string(),
            n(r.rules.villages_per_township),
        ),
        (
            "required_skills".to_string(),
            flow_ids(
                r.rules
                    .required_skills
                    .iter()
                    .map(|k| s.skill_name(*k).to_string())
                    .collect(),
            ),
        ),
    ];
    if let Some(m) = r.rules.max_retired_per_group {
        kv.push(("max_retired_per_group".to_string(), n(m)));
    }
    Value::Map(kv)
}

/// The text of `sf` with the next round as its round, and what was chosen.
pub fn prepare(sf: &ScenarioFile) -> Result<(String, NextRound), LifecycleError> {
    let no_next = |why| LifecycleError::NoNextRound {
        file: sf.file.clone(),
        why,
    };
    // The file's scenario with its committed round in history.
    let full = crate::scenario::parse(&sf.text, &sf.file)?;
    let Chosen {
        round,
        units,
        uncovered_after,
        rounds_after,
        left_out,
    } = choose(&full).map_err(no_next)?;
    let after = full
        .round
        .as_ref()
        .map(|r| r.id.clone())
        .unwrap_or_default();
    let (text, lines) = Doc::apply(
        &sf.text,
        &[Op::Set(path("round"), round_value(&full, &round))],
    )
    .map_err(|reason| LifecycleError::Edit {
        file: sf.file.clone(),
        reason,
    })?;
    let new = ScenarioFile::from_text(&sf.path, text.clone())?;
    // The new round must read back as chosen.
    let ok = new.scenario.round.as_ref().is_some_and(|r| {
        r.id == round.id
            && r.start == round.start
            && r.end == round.end
            && r.units == round.units
            && r.rules == round.rules
    }) && new.committed.is_none();
    if !ok {
        return Err(LifecycleError::Edit {
            file: sf.file.clone(),
            reason: "the new round would not read back as chosen".to_string(),
        });
    }
    let rules_of = |s: &Scenario| -> Vec<(String, crate::scenario::RoundRules)> {
        s.term
            .iter()
            .flat_map(|t| t.rounds.iter().map(|r| (r.id.clone(), r.rules.clone())))
            .collect()
    };
    let before = rules_of(&full);
    let inherit_changed = rules_of(&new.scenario)
        .into_iter()
        .filter(|(id, rules)| before.iter().any(|(b, r)| b == id && r != rules))
        .map(|(id, _)| id)
        .collect();
    Ok((
        text,
        NextRound {
            after,
            round,
            units,
            uncovered_after,
            rounds_after,
            left_out,
            inherit_changed,
            lines: lines[0],
        },
    ))
}

/// Move the scenario at `path` on to its next round (under the file's lock).
pub fn round_next(path: &Path) -> Result<NextRound, LifecycleError> {
    let write_err = |source| LifecycleError::Write {
        path: path.to_path_buf(),
        source,
    };
    crate::fsio::update(path, |old| {
        let bytes = old.ok_or_else(|| {
            LifecycleError::Load(crate::LoadError::Io {
                path: path.to_path_buf(),
                source: std::io::ErrorKind::NotFound.into(),
            })
        })?;
        let sf = ScenarioFile::from_bytes(path, bytes)?;
        let (text, next) = prepare(&sf)?;
        Ok((Some(text.into_bytes()), next))
    })
    .map_err(write_err)?
}
