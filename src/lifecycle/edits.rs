//! The office's everyday changes as commands, each a text edit of the
//! scenario ([`super::yaml_edit`]) that records the date and the reason:
//!
//! | command | change | recorded as |
//! |---|---|---|
//! | `pool remove P` (出库) | `pool: false` | `pool_changes: [{date, pool: false, reason}]` |
//! | `pool add P` (入库) | `pool: true` | `pool_changes: [{date, pool: true, reason}]` |
//! | `declare P U --reason` (本人申报) | a `recusal.declared` entry | `{person, unit, reason, date}` |
//! | `waive P U --reason` | a `recusal.waived` entry | `{person, unit, reason, date}` |
//! | `leave P --from --to` | an `unavailable` range | `{from, to, reason}` |
//! | `relation add A B KIND` | a `relations` entry | `{a, b, kind, date, note}` |
//! | `pool appraise P --round R --grade G` (考核评价) | an `appraisals` entry | `{person, round, grade, note}` |
//!
//! Each change is checked for sense first (someone already out of the
//! pool cannot leave it again; a waiver needs a conflict to waive), then
//! the edited file is validated as a whole scenario before anything is
//! written, all under the file's lock ([`crate::fsio::update`]).

use std::path::Path;

use chrono::NaiveDate;

use super::yaml_edit::{Doc, Op, Value};
use super::{LifecycleError, ScenarioFile};
use crate::ids::PersonIx;
use crate::recusal::{Recusal, Scope};
use crate::scenario::Entity;
use crate::scenario::{yaml_path as path, Step};

/// One change, by id, as given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    PoolRemove {
        person: String,
        date: NaiveDate,
        reason: Option<String>,
    },
    PoolAdd {
        person: String,
        date: NaiveDate,
        reason: Option<String>,
    },
    Declare {
        person: String,
        unit: String,
        reason: String,
        date: NaiveDate,
    },
    /// 考核评价 of a member's work in a history round (docs/pool.md).
    Appraise {
        person: String,
        round: String,
        grade: crate::pool::Grade,
        note: Option<String>,
    },
    Waive {
        person: String,
        unit: String,
        reason: String,
        date: NaiveDate,
    },
    Leave {
        person: String,
        from: NaiveDate,
        to: NaiveDate,
        reason: Option<String>,
    },
    RelationAdd {
        a: String,
        b: String,
        kind: String,
        date: NaiveDate,
        note: Option<String>,
    },
}

impl Change {
    /// A stable code for the kind of change (`pool-remove`, `declare` …).
    pub fn code(&self) -> &'static str {
        match self {
            Change::PoolRemove { .. } => "pool-remove",
            Change::PoolAdd { .. } => "pool-add",
            Change::Declare { .. } => "declare",
            Change::Waive { .. } => "waive",
            Change::Leave { .. } => "leave",
            Change::RelationAdd { .. } => "relation-add",
            Change::Appraise { .. } => "appraise",
        }
    }

    /// The person the change is about (the first, for a relation).
    pub fn person(&self) -> &str {
        match self {
            Change::PoolRemove { person, .. }
            | Change::PoolAdd { person, .. }
            | Change::Declare { person, .. }
            | Change::Waive { person, .. }
            | Change::Leave { person, .. }
            | Change::Appraise { person, .. } => person,
            Change::RelationAdd { a, .. } => a,
        }
    }
}

/// Why a change was refused.
#[derive(Debug)]
pub enum Why {
    /// `pool remove` of someone not in the pool.
    NotInPool,
    /// `pool add` of someone already in it.
    AlreadyInPool,
    /// The same declaration is on file, with its reason.
    AlreadyDeclared { reason: String },
    /// The person's conflict with the unit is already waived, with its reason.
    AlreadyWaived { reason: String },
    /// `waive`: there is no conflict to waive (as of `as_of`).
    NoConflict { as_of: NaiveDate },
    /// `--reason` is empty where one is required.
    NoReason,
    /// `leave`: `--to` before `--from`.
    Backwards,
    /// `leave`: the same range is on file.
    AlreadyOnLeave,
    /// `relation add`: a person with themself.
    SamePerson,
    /// `relation add`: the two are already related with this kind.
    AlreadyRelated,
    /// The person is defined in a `sources:` workbook, not in the file:
    /// the change belongs in the workbook.
    InWorkbook,
    /// `pool appraise`: the round is not in `history` (the ids there).
    NotInHistory { known: Vec<String> },
    /// `pool appraise`: the person did not serve in that round.
    DidNotServe,
    /// `pool appraise`: an appraisal of that round is on file, with its grade.
    AlreadyAppraised { grade: crate::pool::Grade },
    /// The file would not load after the change.
    Invalid(Box<crate::LoadError>),
}

/// What an edit did.
#[derive(Debug, Clone)]
pub struct Edited {
    pub change: Change,
    /// 1-based lines written, per text edit.
    pub lines: Vec<(usize, usize)>,
    /// The committed round, when the change touches someone of its roster:
    /// (round id, group index). `xuncha repair` re-plans it.
    pub in_roster: Option<(String, usize)>,
}

fn text_or_none(v: &Option<String>) -> Option<&str> {
    v.as_deref().map(str::trim).filter(|t| !t.is_empty())
}

/// The index of a person in the file's own `people` list (a person from a
/// workbook source is not there).
/// Where `p` is in the file's own `people` list; `None` when a `sources:`
/// workbook defines them.
fn person_index(sf: &ScenarioFile, p: PersonIx) -> Option<usize> {
    let id = &sf.scenario.person(p).id;
    crate::scenario::parse_raw(&sf.text)
        .ok()
        .and_then(|raw| raw.people.iter().position(|x| x.id == *id))
}

/// Resolve and check `change` against `sf`; the text operations to make.
fn plan_ops(sf: &ScenarioFile, change: &Change) -> Result<Vec<Op>, LifecycleError> {
    let s = &sf.scenario;
    let refuse = |why: Why| LifecycleError::EditRefused {
        file: sf.file.clone(),
        change: Box::new(change.clone()),
        why,
    };
    let person = |flag: &str, id: &str| super::person_arg(s, &sf.file, flag, id);
    let unit = |flag: &str, id: &str| super::unit_arg(s, &sf.file, flag, id);
    let scalar = |s: &str| Value::text(s);
    let date = |d: NaiveDate| Value::Scalar(d.to_string());
    match change {
        Change::PoolRemove {
            person: id,
            date: d,
            reason,
        }
        | Change::PoolAdd {
            person: id,
            date: d,
            reason,
        } => {
            let p = person("PERSON", id)?;
            let adding = matches!(change, Change::PoolAdd { .. });
            if s.person(p).pool == adding {
                return Err(refuse(if adding {
                    Why::AlreadyInPool
                } else {
                    Why::NotInPool
                }));
            }
            let i = person_index(sf, p).ok_or_else(|| refuse(Why::InWorkbook))?;
            let mut record = vec![
                ("date".to_string(), date(*d)),
                ("pool".to_string(), Value::Scalar(adding.to_string())),
            ];
            if let Some(r) = text_or_none(reason) {
                record.push(("reason".to_string(), scalar(r)));
            }
            Ok(vec![
                Op::Set(
                    path(&format!("people[{i}].pool")),
                    Value::Scalar(adding.to_string()),
                ),
                Op::Append(
                    path(&format!("people[{i}].pool_changes")),
                    Value::Map(record),
                ),
            ])
        }
        Change::Declare {
            person: pid,
            unit: uid,
            reason,
            date: d,
        }
        | Change::Waive {
            person: pid,
            unit: uid,
            reason,
            date: d,
        } => {
            let p = person("PERSON", pid)?;
            let u = unit("UNIT", uid)?;
            let reason = reason.trim();
            if reason.is_empty() {
                return Err(refuse(Why::NoReason));
            }
            let waive = matches!(change, Change::Waive { .. });
            if waive {
                if let Some(w) = s
                    .recusal
                    .waived
                    .iter()
                    .find(|w| w.person == p && w.unit == u)
                {
                    return Err(refuse(Why::AlreadyWaived {
                        reason: w.reason.clone(),
                    }));
                }
                let as_of = s.round.as_ref().map_or(*d, |r| r.start);
                let recusal = Recusal::compute(
                    s,
                    &Scope {
                        people: vec![p],
                        units: vec![u],
                    },
                    as_of,
                );
                if recusal.between(p, u).is_empty() {
                    return Err(refuse(Why::NoConflict { as_of }));
                }
            } else if let Some(x) = s
                .recusal
                .declared
                .iter()
                .find(|x| x.person == p && x.unit == u)
            {
                return Err(refuse(Why::AlreadyDeclared {
                    reason: x.reason.clone(),
                }));
            }
            let list = if waive {
                "recusal.waived"
            } else {
                "recusal.declared"
            };
            Ok(vec![Op::Append(
                path(list),
                Value::Map(vec![
                    ("person".to_string(), scalar(&s.person(p).id)),
                    ("unit".to_string(), scalar(&s.unit(u).id)),
                    ("reason".to_string(), scalar(reason)),
                    ("date".to_string(), date(*d)),
                ]),
            )])
        }
        Change::Leave {
            person: id,
            from,
            to,
            reason,
        } => {
            let p = person("PERSON", id)?;
            if to < from {
                return Err(refuse(Why::Backwards));
            }
            if s.person(p)
                .unavailable
                .iter()
                .any(|r| r.from == *from && r.to == *to)
            {
                return Err(refuse(Why::AlreadyOnLeave));
            }
            let mut range = vec![
                ("from".to_string(), date(*from)),
                ("to".to_string(), date(*to)),
            ];
            if let Some(r) = text_or_none(reason) {
                range.push(("reason".to_string(), scalar(r)));
            }
            let i = person_index(sf, p).ok_or_else(|| refuse(Why::InWorkbook))?;
            Ok(vec![Op::Append(
                path(&format!("people[{i}].unavailable")),
                Value::Map(range),
            )])
        }
        Change::Appraise {
            person: id,
            round,
            grade,
            note,
        } => {
            let p = person("PERSON", id)?;
            let Some(h) = s.history.iter().position(|h| h.id == round.trim()) else {
                return Err(refuse(Why::NotInHistory {
                    known: s.history.iter().map(|h| h.id.clone()).collect(),
                }));
            };
            if !s.history[h].groups.iter().any(|g| g.members.contains(&p)) {
                return Err(refuse(Why::DidNotServe));
            }
            if let Some(a) = s.appraisals.iter().find(|a| a.person == p && a.round == h) {
                return Err(refuse(Why::AlreadyAppraised { grade: a.grade }));
            }
            let mut entry = vec![
                ("person".to_string(), scalar(&s.person(p).id)),
                ("round".to_string(), scalar(&s.history[h].id)),
                ("grade".to_string(), scalar(grade.code())),
            ];
            if let Some(n) = text_or_none(note) {
                entry.push(("note".to_string(), scalar(n)));
            }
            Ok(vec![Op::Append(
                vec![Step::Key("appraisals".into())],
                Value::Map(entry),
            )])
        }
        Change::RelationAdd {
            a,
            b,
            kind,
            date: d,
            note,
        } => {
            let pa = person("A", a)?;
            let pb = person("B", b)?;
            if pa == pb {
                return Err(refuse(Why::SamePerson));
            }
            let kind = crate::vocab::relation(kind.trim())
                .map(str::to_string)
                .unwrap_or_else(|| kind.trim().to_string());
            if s.relations
                .iter()
                .any(|r| r.kind == kind && ((r.a == pa && r.b == pb) || (r.a == pb && r.b == pa)))
            {
                return Err(refuse(Why::AlreadyRelated));
            }
            let mut rel = vec![
                ("a".to_string(), scalar(&s.person(pa).id)),
                ("b".to_string(), scalar(&s.person(pb).id)),
                ("kind".to_string(), scalar(&kind)),
                ("date".to_string(), date(*d)),
            ];
            if let Some(n) = text_or_none(note) {
                rel.push(("note".to_string(), scalar(n)));
            }
            Ok(vec![Op::Append(
                vec![Step::Key("relations".into())],
                Value::Map(rel),
            )])
        }
    }
}

/// The committed round's group holding the person a change is about.
fn in_roster(sf: &ScenarioFile, change: &Change) -> Option<(String, usize)> {
    let c = sf.committed.as_ref()?;
    let p = match sf.scenario.lookup(change.person()) {
        Some(Entity::Person(p)) => p,
        _ => return None,
    };
    let relevant = match change {
        Change::PoolAdd { .. } | Change::Waive { .. } => false,
        Change::Leave { from, to, .. } => sf
            .scenario
            .round
            .as_ref()
            .is_some_and(|r| *from <= r.end && *to >= r.start),
        _ => true,
    };
    if !relevant {
        return None;
    }
    c.round
        .groups
        .iter()
        .position(|g| g.members.contains(&p))
        .map(|g| (c.round.id.clone(), g))
}

/// The new text of `sf` with `changes` made, checked as a whole scenario.
pub fn prepare(
    sf: &ScenarioFile,
    changes: &[Change],
) -> Result<(String, Vec<Edited>), LifecycleError> {
    let mut text = sf.text.clone();
    let mut current = sf.clone();
    let mut done = Vec::new();
    for change in changes {
        let ops = plan_ops(&current, change)?;
        let (next, lines) = Doc::apply(&text, &ops).map_err(|reason| LifecycleError::Edit {
            file: sf.file.clone(),
            reason,
        })?;
        let reread = ScenarioFile::from_text(&sf.path, next.clone()).map_err(|e| match e {
            LifecycleError::Load(l) => LifecycleError::EditRefused {
                file: sf.file.clone(),
                change: Box::new(change.clone()),
                why: Why::Invalid(Box::new(l)),
            },
            other => other,
        })?;
        done.push(Edited {
            change: change.clone(),
            lines,
            in_roster: in_roster(&current, change),
        });
        text = next;
        current = reread;
    }
    Ok((text, done))
}

/// Make `changes` to the scenario at `path`, under its lock; nothing is
/// written unless every change is accepted.
pub fn apply(path: &Path, changes: &[Change]) -> Result<Vec<Edited>, LifecycleError> {
    crate::fsio::update(path, |old| {
        let bytes = old.ok_or_else(|| {
            LifecycleError::Load(crate::LoadError::Io {
                path: path.to_path_buf(),
                source: std::io::ErrorKind::NotFound.into(),
            })
        })?;
        let sf = ScenarioFile::from_bytes(path, bytes)?;
        let (text, done) = prepare(&sf, changes)?;
        Ok((Some(text.into_bytes()), done))
    })
    .map_err(|source| LifecycleError::Write {
        path: path.to_path_buf(),
        source,
    })?
}
