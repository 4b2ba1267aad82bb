//! The roster lifecycle in words: commit, round next, the everyday edits,
//! repair and its diff, replace, and the lifecycle's errors. `why` is in
//! [`super::why`]. Everything here turns the facts of
//! [`crate::lifecycle`] into sentences through the catalogue
//! (`locales/<lang>/lifecycle.ftl`); JSON forms are in English codes and
//! ids, the same in every language (docs/lifecycle.md).

use std::path::Path;

use serde::Serialize;

use super::i18n::Words;
use super::table::Table;
use super::{person_label, unit_label};
use crate::ids::{PersonIx, SkillIx};
use crate::lifecycle::commit::CommitReport;
use crate::lifecycle::diff::RosterDiff;
use crate::lifecycle::edits::{Change, Edited, Why as EditWhy};
use crate::lifecycle::repair::{RepairRequest, Repaired};
use crate::lifecycle::replace::Replacement;
use crate::lifecycle::round_next::{NextRound, NoNext, Reason};
use crate::lifecycle::stamp::Match;
use crate::lifecycle::{EntityKind, IdProblem, LifecycleError, Refusal};
use crate::roster_check::Violation;
use crate::scenario::{Group, Round, Scenario};
use crate::t;

/// `第 2 组（石桥乡（T02）、县财政局（D01））`: a group by number and units.
pub fn group_label(w: &Words, s: &Scenario, groups: &[Group], g: usize) -> String {
    let units: Vec<String> = groups[g]
        .units
        .iter()
        .map(|u| unit_label(w, s, *u))
        .collect();
    t!(w, "lc-group", n = g + 1, units = w.list(units))
}

fn kind_word(w: &Words, k: EntityKind) -> String {
    match k {
        EntityKind::Person => t!(w, "lc-kind-person"),
        EntityKind::Unit => t!(w, "lc-kind-unit"),
        EntityKind::Village => t!(w, "lc-kind-village"),
    }
}

fn known(w: &Words, ids: &[String]) -> String {
    const SHOWN: usize = 12;
    let mut list: Vec<&str> = ids.iter().map(String::as_str).take(SHOWN).collect();
    let more = ids.len().saturating_sub(SHOWN);
    let mut out = w.list(list.drain(..));
    if more > 0 {
        out.push_str(&t!(w, "lc-and-more", n = more));
    }
    out
}

/// An error of the file writer, in words.
pub fn write_error(w: &Words, path: &Path, e: &std::io::Error) -> String {
    use crate::fsio::write::Refusal as R;
    let path = path.display().to_string();
    match crate::fsio::write::refusal(e) {
        Some(R::ReadOnly) => t!(w, "lc-write-read-only", path = path),
        Some(R::Exists) => t!(w, "lc-write-exists", path = path),
        Some(R::Busy { lock, seconds }) => {
            t!(
                w,
                "lc-write-busy",
                path = path,
                lock = lock.as_str(),
                seconds = *seconds
            )
        }
        Some(R::NotAFile) => t!(w, "lc-write-not-a-file", path = path),
        None => t!(
            w,
            "lc-write-failed",
            path = path,
            error = crate::report::usage::io_reason(w, e)
        ),
    }
}

/// A lifecycle error, in words (the CLI prints it after `错误：`).
pub fn describe_error(w: &Words, s: Option<&Scenario>, e: &LifecycleError) -> String {
    match e {
        LifecycleError::Load(l) => crate::report::errors::load_error(w, l),
        LifecycleError::Plan(p) => match s {
            Some(s) => crate::report::plan::plan_error(w, s, p),
            None => p.to_string(),
        },
        LifecycleError::NoRound { file } => t!(w, "lc-err-no-round", file = file),
        LifecycleError::BadId {
            file,
            flag,
            id,
            problem,
        } => match problem {
            IdProblem::Unknown { want, known: ids } => t!(
                w,
                "lc-err-unknown",
                flag = flag,
                id = id,
                want = kind_word(w, *want),
                file = file,
                known = known(w, ids)
            ),
            IdProblem::WrongKind {
                township: Some(t), ..
            } => t!(
                w,
                "lc-err-village-not-unit",
                flag = flag,
                id = id,
                file = file,
                township = t
            ),
            IdProblem::WrongKind { want, is, .. } => t!(
                w,
                "lc-err-wrong-kind",
                flag = flag,
                id = id,
                file = file,
                is = kind_word(w, *is),
                want = kind_word(w, *want)
            ),
            IdProblem::NotInRoster { members } => t!(
                w,
                "lc-err-not-in-roster",
                flag = flag,
                id = id,
                file = file,
                members = known(w, members)
            ),
            IdProblem::NotHeld { held } => t!(
                w,
                "lc-err-not-held",
                flag = flag,
                id = id,
                file = file,
                held = known(w, held)
            ),
        },
        LifecycleError::BadValue { flag, value, .. } => {
            t!(w, "lc-err-person-unit", flag = flag, value = value)
        }
        LifecycleError::Refused {
            plan,
            round,
            reasons,
        } => {
            let mut out = t!(w, "lc-err-refused", plan = plan, round = round);
            let mut hint = String::new();
            for r in reasons {
                out.push('\n');
                match r {
                    Refusal::AlreadyCommitted { file, entry } => {
                        out.push_str(&format!(
                            "  {}",
                            t!(
                                w,
                                "lc-refused-committed",
                                round = round,
                                file = file,
                                entry = *entry
                            )
                        ));
                        hint = t!(w, "lc-refused-committed-hint");
                    }
                    Refusal::Breaks(v) => {
                        let text = match s {
                            Some(s) => super::violation::sentence(w, s, v),
                            None => format!("{v:?}"),
                        };
                        out.push_str(&format!("  {:<6} {text}", v.rule()));
                        hint = t!(w, "lc-refused-breaks-hint", plan = plan);
                    }
                }
            }
            if !hint.is_empty() {
                out.push('\n');
                out.push_str(&hint);
            }
            out
        }
        LifecycleError::ForeignPlan {
            plan,
            file,
            round,
            what,
            planned,
        } => match *what {
            "round" => t!(
                w,
                "lc-err-foreign-round",
                plan = plan,
                file = file,
                round = round,
                planned = planned
            ),
            _ => t!(w, "lc-err-foreign-scenario", plan = plan, file = file),
        },
        LifecycleError::EditRefused { file, change, why } => t!(
            w,
            "lc-err-edit-refused",
            file = file,
            change = change_words(w, s, change),
            why = why_words(w, s, change, why)
        ),
        LifecycleError::Edit { file, reason } => t!(w, "lc-err-edit", file = file, reason = reason),
        LifecycleError::NoNextRound { file, why } => match why {
            NoNext::NotCommitted { round } => {
                t!(w, "lc-err-next-not-committed", file = file, round = round)
            }
            NoNext::NoTerm => t!(w, "lc-err-next-no-term", file = file),
            NoNext::TermDone => t!(w, "lc-err-next-done", file = file),
        },
        LifecycleError::Write { path, source } => write_error(w, path, source),
    }
}

/// An id as the scenario names it: `张伟（P001）`, or the id itself.
fn who(w: &Words, s: Option<&Scenario>, id: &str) -> String {
    match s.and_then(|s| s.person_ix(id).map(|p| (s, p))) {
        Some((s, p)) => person_label(w, s, p),
        None => id.to_string(),
    }
}

fn unit_of(w: &Words, s: Option<&Scenario>, id: &str) -> String {
    match s.and_then(|s| s.unit_ix(id).map(|u| (s, u))) {
        Some((s, u)) => unit_label(w, s, u),
        None => id.to_string(),
    }
}

/// A change in a few words: `张伟（P001）出库`.
pub fn change_words(w: &Words, s: Option<&Scenario>, c: &Change) -> String {
    match c {
        Change::PoolRemove { person, .. } => {
            t!(w, "lc-change-pool-remove", who = who(w, s, person))
        }
        Change::PoolAdd { person, .. } => t!(w, "lc-change-pool-add", who = who(w, s, person)),
        Change::Declare { person, unit, .. } => t!(
            w,
            "lc-change-declare",
            who = who(w, s, person),
            unit = unit_of(w, s, unit)
        ),
        Change::Waive { person, unit, .. } => t!(
            w,
            "lc-change-waive",
            who = who(w, s, person),
            unit = unit_of(w, s, unit)
        ),
        Change::Leave {
            person, from, to, ..
        } => t!(
            w,
            "lc-change-leave",
            who = who(w, s, person),
            from = from.to_string(),
            to = to.to_string()
        ),
        Change::RelationAdd { a, b, kind, .. } => t!(
            w,
            "lc-change-relation",
            a = who(w, s, a),
            b = who(w, s, b),
            kind = w.relation(kind)
        ),
        Change::Appraise {
            person,
            round,
            grade,
            ..
        } => t!(
            w,
            "lc-change-appraise",
            who = who(w, s, person),
            round = round.as_str(),
            grade = super::pool::grade_name(w, *grade)
        ),
    }
}

fn why_words(w: &Words, s: Option<&Scenario>, c: &Change, why: &EditWhy) -> String {
    let person = who(w, s, c.person());
    let unit = match c {
        Change::Declare { unit, .. } | Change::Waive { unit, .. } => unit_of(w, s, unit),
        _ => String::new(),
    };
    match why {
        EditWhy::NotInPool => t!(w, "lc-why-not-in-pool", who = person),
        EditWhy::AlreadyInPool => t!(w, "lc-why-already-in-pool", who = person),
        EditWhy::AlreadyDeclared { reason } => {
            t!(
                w,
                "lc-why-already-declared",
                who = person,
                unit = unit,
                reason = reason
            )
        }
        EditWhy::AlreadyWaived { reason } => {
            t!(
                w,
                "lc-why-already-waived",
                who = person,
                unit = unit,
                reason = reason
            )
        }
        EditWhy::NoConflict { as_of } => t!(
            w,
            "lc-why-no-conflict",
            who = person,
            unit = unit,
            date = as_of.to_string()
        ),
        EditWhy::NoReason => t!(w, "lc-why-no-reason"),
        EditWhy::Backwards => match c {
            Change::Leave { from, to, .. } => {
                t!(
                    w,
                    "lc-why-backwards",
                    from = from.to_string(),
                    to = to.to_string()
                )
            }
            _ => String::new(),
        },
        EditWhy::AlreadyOnLeave => t!(w, "lc-why-already-on-leave", who = person),
        EditWhy::SamePerson => t!(w, "lc-why-same-person"),
        EditWhy::AlreadyRelated => t!(w, "lc-why-already-related"),
        EditWhy::InWorkbook => t!(w, "lc-why-in-workbook", who = person),
        EditWhy::NotInHistory { known } => match c {
            Change::Appraise { round, .. } => t!(
                w,
                "lc-why-not-in-history",
                round = crate::report::table::clean(round).into_owned(),
                known = w.list(known)
            ),
            _ => String::new(),
        },
        EditWhy::DidNotServe => match c {
            Change::Appraise { round, .. } => {
                t!(
                    w,
                    "lc-why-did-not-serve",
                    who = person,
                    round = round.as_str()
                )
            }
            _ => String::new(),
        },
        EditWhy::AlreadyAppraised { grade } => match c {
            Change::Appraise { round, .. } => t!(
                w,
                "lc-why-already-appraised",
                who = person,
                round = round.as_str(),
                grade = super::pool::grade_name(w, *grade)
            ),
            _ => String::new(),
        },
        EditWhy::Invalid(e) => t!(
            w,
            "lc-why-invalid",
            problems = crate::report::errors::load_error(w, e)
        ),
    }
}

/// The warning when a plan's scenario changed since it was planned.
pub fn stamp_warning(w: &Words, m: Match, plan: &str, file: &str) -> Option<String> {
    (m == Match::Changed).then(|| t!(w, "lc-warn-changed", plan = plan, file = file))
}

/// What `commit` did.
pub fn commit(w: &Words, s: &Scenario, file: &str, r: &CommitReport) -> String {
    let mut out = if r.unchanged {
        t!(
            w,
            "lc-commit-unchanged",
            round = r.round.as_str(),
            file = file
        )
    } else if r.replaced {
        t!(
            w,
            "lc-commit-replaced",
            round = r.round.as_str(),
            file = file,
            groups = r.groups,
            members = r.members,
            from = r.lines.0,
            to = r.lines.1
        )
    } else {
        t!(
            w,
            "lc-commit-done",
            round = r.round.as_str(),
            file = file,
            groups = r.groups,
            members = r.members,
            entry = r.history_len,
            from = r.lines.0,
            to = r.lines.1
        )
    };
    out.push('\n');
    match &r.next {
        Some(n) => out.push_str(&next_round(w, s, file, n)),
        None if !r.unchanged && !r.replaced => {
            let term_goes_on = s.term.as_ref().is_some_and(|t| !t.rounds.is_empty());
            out.push_str(&if term_goes_on {
                t!(
                    w,
                    "lc-commit-next-hint",
                    file = file,
                    round = r.round.as_str()
                )
            } else {
                t!(w, "lc-commit-still", round = r.round.as_str())
            });
            out.push('\n');
        }
        None => {}
    }
    out
}

/// What `round next` chose, and why.
pub fn next_round(w: &Words, s: &Scenario, file: &str, n: &NextRound) -> String {
    let r = &n.round;
    let mut out = t!(
        w,
        "lc-next-head",
        round = r.id.as_str(),
        after = n.after.as_str(),
        file = file,
        from = n.lines.0,
        to = n.lines.1
    );
    out.push('\n');
    out.push_str(&t!(
        w,
        "lc-next-shape",
        start = r.start.to_string(),
        end = r.end.to_string(),
        groups = r.rules.groups,
        units = r.units.len()
    ));
    out.push('\n');
    for c in &n.units {
        let unit = unit_label(w, s, c.unit);
        let mut line = match c.reason {
            Reason::Uncovered { must: 0 } => t!(w, "lc-next-new", unit = unit),
            Reason::Uncovered { must } => t!(w, "lc-next-new-must", unit = unit, must = must),
            Reason::Refill => t!(w, "lc-next-refill", unit = unit),
        };
        line.push_str(&match &c.last {
            Some((id, date)) => t!(
                w,
                "lc-next-last",
                round = id.as_str(),
                date = date.to_string()
            ),
            None => t!(w, "lc-next-never"),
        });
        out.push_str(&format!("  {line}\n"));
    }
    out.push_str(&t!(
        w,
        "lc-next-after",
        left = n.uncovered_after,
        rounds = n.rounds_after
    ));
    out.push('\n');
    if !n.left_out.is_empty() {
        let units: Vec<String> = n.left_out.iter().map(|u| unit_label(w, s, *u)).collect();
        out.push_str(&t!(w, "lc-next-left-out", units = w.list(units)));
        out.push('\n');
    }
    if !n.inherit_changed.is_empty() {
        out.push_str(&t!(
            w,
            "lc-next-inherit",
            rounds = w.list(&n.inherit_changed)
        ));
        out.push('\n');
    }
    out.push_str(&t!(w, "lc-next-then", file = file));
    out.push('\n');
    out
}

/// What the everyday edits did.
pub fn edited(w: &Words, s: &Scenario, file: &str, done: &[Edited]) -> String {
    let mut out = String::new();
    for e in done {
        let s = Some(s);
        let line = match &e.change {
            Change::PoolRemove {
                person,
                date,
                reason,
            } => t!(
                w,
                "lc-done-pool-remove",
                who = who(w, s, person),
                date = date.to_string(),
                reason = reason_words(w, reason.as_deref())
            ),
            Change::PoolAdd {
                person,
                date,
                reason,
            } => t!(
                w,
                "lc-done-pool-add",
                who = who(w, s, person),
                date = date.to_string(),
                reason = reason_words(w, reason.as_deref())
            ),
            Change::Declare {
                person,
                unit,
                reason,
                date,
            } => t!(
                w,
                "lc-done-declare",
                who = who(w, s, person),
                unit = unit_of(w, s, unit),
                reason = reason.as_str(),
                date = date.to_string()
            ),
            Change::Waive {
                person,
                unit,
                reason,
                date,
            } => t!(
                w,
                "lc-done-waive",
                who = who(w, s, person),
                unit = unit_of(w, s, unit),
                reason = reason.as_str(),
                date = date.to_string()
            ),
            Change::Leave {
                person,
                from,
                to,
                reason,
            } => t!(
                w,
                "lc-done-leave",
                who = who(w, s, person),
                from = from.to_string(),
                to = to.to_string(),
                reason = reason_words(w, reason.as_deref())
            ),
            Change::RelationAdd {
                a, b, kind, date, ..
            } => t!(
                w,
                "lc-done-relation",
                a = who(w, s, a),
                b = who(w, s, b),
                kind = w.relation(kind),
                date = date.to_string()
            ),
            Change::Appraise {
                person,
                round,
                grade,
                note,
            } => t!(
                w,
                "lc-done-appraise",
                who = who(w, s, person),
                round = round.as_str(),
                grade = super::pool::grade_name(w, *grade),
                note = match note.as_deref().map(str::trim) {
                    Some(n) if !n.is_empty() => t!(w, "lc-note", note = n),
                    _ => String::new(),
                }
            ),
        };
        let mut lines: Vec<String> = Vec::new();
        for (a, b) in &e.lines {
            let l = if a == b {
                a.to_string()
            } else {
                format!("{a}-{b}")
            };
            if !lines.contains(&l) {
                lines.push(l);
            }
        }
        out.push_str(&t!(
            w,
            "lc-done-where",
            change = line,
            file = file,
            lines = w.list(lines)
        ));
        out.push('\n');
        if let Some((round, g)) = &e.in_roster {
            out.push_str(&t!(
                w,
                "lc-done-in-roster",
                who = who(w, s, e.change.person()),
                round = round.as_str(),
                group = g + 1,
                file = file
            ));
            out.push('\n');
        }
    }
    out
}

fn reason_words(w: &Words, reason: Option<&str>) -> String {
    match reason {
        Some(r) if !r.trim().is_empty() => t!(w, "lc-reason", reason = r.trim()),
        _ => String::new(),
    }
}

/// The note read-only commands print when the round is committed.
pub fn committed_note(w: &Words, s: &Scenario, file: &str) -> Option<String> {
    let i = s.committed?;
    let round = s.round.as_ref()?;
    Some(t!(
        w,
        "lc-committed-note",
        round = round.id.as_str(),
        file = file,
        entry = i + 1
    ))
}

/// `plan` refuses a committed round: the error, in words.
pub fn plan_committed(w: &Words, s: &Scenario, file: &str) -> Option<String> {
    let i = s.committed?;
    let round = s.round.as_ref()?;
    Some(t!(
        w,
        "lc-err-plan-committed",
        round = round.id.as_str(),
        file = file,
        entry = i + 1
    ))
}

/// A violation in a few words, seen from `focus` (whose name is left out
/// where the violation is theirs): `R4 经 配偶 李娜，与 石桥乡`.
pub fn violation_brief(w: &Words, s: &Scenario, v: &Violation, focus: Option<PersonIx>) -> String {
    use Violation::*;
    let who = |p: &PersonIx| -> String {
        if Some(*p) == focus {
            String::new()
        } else {
            t!(w, "lc-brief-who", who = person_label(w, s, *p))
        }
    };
    let other = |a: &PersonIx, b: &PersonIx| -> Option<PersonIx> {
        match focus {
            Some(f) if f == *a => Some(*b),
            Some(f) if f == *b => Some(*a),
            _ => None,
        }
    };
    match v {
        Conflict {
            person,
            unit,
            rule,
            as_leader,
            evidence,
            ..
        } => {
            let c = crate::recusal::Conflict {
                person: *person,
                unit: *unit,
                rule: *rule,
                evidence: evidence.clone(),
            };
            let text = t!(
                w,
                "lc-brief-conflict",
                who = who(person),
                conflict = crate::report::conflicts::brief(w, s, &c),
                unit = s.unit_name(*unit)
            );
            if *as_leader {
                t!(w, "lc-brief-as-leader", text = text)
            } else {
                text
            }
        }
        Unavailable { person, range, .. } => t!(
            w,
            "lc-brief-unavailable",
            who = who(person),
            from = range.from.to_string(),
            to = range.to.to_string()
        ),
        Training {
            person,
            hours,
            required,
            missing_course,
            ..
        } => match missing_course {
            // Hours enough: the course is what is missing, not hours.
            Some(c) if *hours + 1e-9 >= *required => t!(
                w,
                "lc-brief-course",
                who = who(person),
                course = super::exclusion::course(w, c)
            ),
            _ => t!(
                w,
                "lc-brief-training",
                who = who(person),
                hours = crate::training::fmt_hours(*hours),
                required = crate::training::fmt_hours(*required)
            ),
        },
        MissingSkill { group, skill, .. } => t!(
            w,
            "lc-brief-missing-skill",
            group = group + 1,
            skill = w.skill(s.skill_name(*skill))
        ),
        KinPair { a, b, kind, .. } => match other(a, b) {
            Some(o) => t!(
                w,
                "lc-brief-kin-of",
                kind = w.relation(kind),
                other = person_label(w, s, o)
            ),
            None => t!(
                w,
                "lc-brief-kin",
                a = person_label(w, s, *a),
                b = person_label(w, s, *b),
                kind = w.relation(kind)
            ),
        },
        ApartPair { a, b, .. } => match other(a, b) {
            Some(o) => t!(w, "lc-brief-apart-from", other = person_label(w, s, o)),
            None => t!(
                w,
                "lc-brief-apart",
                a = person_label(w, s, *a),
                b = person_label(w, s, *b)
            ),
        },
        TooManyRetired {
            group, count, max, ..
        } => t!(
            w,
            "lc-brief-retired",
            group = group + 1,
            count = *count,
            max = *max
        ),
        GroupSize {
            group, size, min, ..
        } if *size < *min as usize => {
            t!(
                w,
                "lc-brief-too-small",
                group = group + 1,
                size = *size,
                min = *min
            )
        }
        GroupSize {
            group, size, max, ..
        } => t!(
            w,
            "lc-brief-too-big",
            group = group + 1,
            size = *size,
            max = *max
        ),
        // Seen from a candidate, the validator's complaint about a leader
        // means the group was left with nobody who may lead.
        LeaderNotEligible { group, person } => match focus {
            Some(_) => t!(w, "lc-brief-no-leader", group = group + 1),
            None => t!(w, "lc-brief-may-not-lead", who = who(person)),
        },
        NotInPool { person, .. } => t!(w, "lc-brief-not-in-pool", who = who(person)),
        other => super::violation::sentence(w, s, other),
    }
}

/// Briefs of several violations, each once.
pub fn briefs(w: &Words, s: &Scenario, vs: &[Violation], focus: Option<PersonIx>) -> String {
    let mut out: Vec<String> = Vec::new();
    for v in vs {
        let b = violation_brief(w, s, v, focus);
        if !out.contains(&b) {
            out.push(b);
        }
    }
    out.join(&t!(w, "lc-brief-sep"))
}

fn skills(w: &Words, s: &Scenario, ks: &[SkillIx]) -> String {
    if ks.is_empty() {
        "-".to_string()
    } else {
        w.list(ks.iter().map(|k| w.skill(s.skill_name(*k)).into_owned()))
    }
}

/// Rounds as `1（2026-R2）` / `0`.
fn past(rounds: &[String]) -> String {
    if rounds.is_empty() {
        "0".to_string()
    } else {
        format!("{} ({})", rounds.len(), rounds.join(", "))
    }
}

/// The report for people; `top` cuts each list (0 = all).
pub fn replace(
    w: &Words,
    s: &Scenario,
    round: &Round,
    groups: &[Group],
    r: &Replacement,
    top: usize,
) -> String {
    let cut = |n: usize| if top == 0 { n } else { n.min(top) };
    let g = &groups[r.group];
    let role = if r.leads {
        t!(w, "role-leader")
    } else {
        t!(w, "role-member")
    };
    let mut out = t!(
        w,
        "lc-replace-head",
        who = person_label(w, s, r.person),
        role = role,
        group = group_label(w, s, groups, r.group),
        round = round.id.as_str(),
        score = r.before.objective.total
    );
    out.push('\n');
    let held: Vec<SkillIx> = r
        .needs
        .iter()
        .copied()
        .filter(|k| s.person(r.person).has_skill(*k))
        .collect();
    out.push_str(&if held.is_empty() {
        t!(
            w,
            "lc-replace-needs-none",
            needs = skills(w, s, &r.needs),
            name = s.person_name(r.person)
        )
    } else {
        t!(
            w,
            "lc-replace-needs",
            needs = skills(w, s, &r.needs),
            name = s.person_name(r.person),
            held = skills(w, s, &held)
        )
    });
    out.push('\n');
    if !r.already.is_empty() {
        out.push_str(&t!(
            w,
            "lc-replace-already",
            briefs = briefs(w, s, &r.already, None)
        ));
        out.push('\n');
    }
    out.push('\n');
    if r.fits.is_empty() {
        out.push_str(&t!(w, "lc-replace-none"));
        out.push('\n');
    } else {
        let units: Vec<&str> = g.units.iter().map(|u| s.unit_name(*u)).collect();
        out.push_str(&t!(
            w,
            "lc-replace-fits",
            n = r.fits.len(),
            units = w.list(units)
        ));
        out.push('\n');
        let mut headers = vec![
            t!(w, "lc-col-rank"),
            t!(w, "lc-col-person"),
            t!(w, "lc-col-name"),
            t!(w, "lc-col-score"),
            t!(w, "lc-col-brings"),
            t!(w, "lc-col-past"),
        ];
        if r.leads {
            headers.push(t!(w, "lc-col-leader"));
        }
        let mut table = Table::new(headers).indent(2);
        for (i, f) in r.fits.iter().take(cut(r.fits.len())).enumerate() {
            let delta = f.breakdown.objective.total as i64 - r.before.objective.total as i64;
            let mut row = vec![
                (i + 1).to_string(),
                s.person(f.person).id.clone(),
                s.person_name(f.person).to_string(),
                format!("{} ({delta:+})", f.breakdown.objective.total),
                skills(w, s, &f.brings),
                past(&f.rounds),
            ];
            if r.leads {
                row.push(if f.leader == f.person {
                    t!(w, "lc-replace-takes-lead")
                } else {
                    person_label(w, s, f.leader)
                });
            }
            table.row(row);
        }
        out.push_str(&table.render());
        if cut(r.fits.len()) < r.fits.len() {
            out.push_str(&format!(
                "  {}\n",
                t!(w, "lc-more", n = r.fits.len() - cut(r.fits.len()))
            ));
        }
    }
    if !r.misfits.is_empty() {
        out.push('\n');
        out.push_str(&t!(w, "lc-replace-misfits"));
        out.push('\n');
        for m in r.misfits.iter().take(cut(r.misfits.len())) {
            out.push_str(&format!(
                "  {}\n",
                t!(
                    w,
                    "lc-replace-misfit",
                    who = person_label(w, s, m.person),
                    briefs = briefs(w, s, &m.violations, Some(m.person))
                )
            ));
        }
        if cut(r.misfits.len()) < r.misfits.len() {
            out.push_str(&format!(
                "  {}\n",
                t!(w, "lc-more", n = r.misfits.len() - cut(r.misfits.len()))
            ));
        }
    }
    out
}

/// `replace --format json` (docs/lifecycle.md): ids and codes only.
#[derive(Debug, Serialize)]
struct ReplaceJson {
    format: u32,
    round: String,
    person: String,
    group: usize,
    role: &'static str,
    score: u64,
    needs: Vec<String>,
    already: Vec<ViolationJson>,
    fits: Vec<FitJson>,
    misfits: Vec<MisfitJson>,
}

#[derive(Debug, Serialize)]
struct FitJson {
    person: String,
    leader: String,
    score: u64,
    delta: i64,
    brings: Vec<String>,
    rounds: Vec<String>,
}

#[derive(Debug, Serialize)]
struct MisfitJson {
    person: String,
    violations: Vec<ViolationJson>,
}

/// A violation for JSON: its rule, the people and units it names, and an
/// English `detail` for people to read.
#[derive(Debug, Serialize)]
pub struct ViolationJson {
    pub rule: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub group: Option<usize>,
    pub detail: String,
}

pub fn violation_json(s: &Scenario, v: &Violation, focus: Option<PersonIx>) -> ViolationJson {
    ViolationJson {
        rule: v.rule(),
        group: v.group().map(|g| g + 1),
        detail: violation_brief(&Words::json(), s, v, focus),
    }
}

fn skill_codes(s: &Scenario, ks: &[SkillIx]) -> Vec<String> {
    ks.iter().map(|k| s.skill_name(*k).to_string()).collect()
}

pub fn replace_json(s: &Scenario, round: &Round, r: &Replacement) -> String {
    let id = |p: PersonIx| s.person(p).id.clone();
    let doc = ReplaceJson {
        format: 1,
        round: round.id.clone(),
        person: id(r.person),
        group: r.group + 1,
        role: if r.leads { "leader" } else { "member" },
        score: r.before.objective.total,
        needs: skill_codes(s, &r.needs),
        already: r
            .already
            .iter()
            .map(|v| violation_json(s, v, None))
            .collect(),
        fits: r
            .fits
            .iter()
            .map(|f| FitJson {
                person: id(f.person),
                leader: id(f.leader),
                score: f.breakdown.objective.total,
                delta: f.breakdown.objective.total as i64 - r.before.objective.total as i64,
                brings: skill_codes(s, &f.brings),
                rounds: f.rounds.clone(),
            })
            .collect(),
        misfits: r
            .misfits
            .iter()
            .map(|m| MisfitJson {
                person: id(m.person),
                violations: m
                    .violations
                    .iter()
                    .map(|v| violation_json(s, v, Some(m.person)))
                    .collect(),
            })
            .collect(),
    };
    let mut out = serde_json::to_string_pretty(&doc).expect("replace serialises");
    out.push('\n');
    out
}

/// One line per group of the new roster: who leaves, who joins.
pub fn diff(w: &Words, s: &Scenario, reference: &[Group], new: &[Group], d: &RosterDiff) -> String {
    let mut out = String::new();
    for c in &d.groups {
        let mut head = group_label(w, s, new, c.group);
        let was: Vec<String> = c
            .was
            .iter()
            .filter(|r| **r != c.group)
            .map(|r| (r + 1).to_string())
            .collect();
        if !was.is_empty() {
            head.push_str(&t!(w, "lc-diff-was", groups = w.list(was)));
        } else if c.was.is_empty() {
            head.push_str(&t!(w, "lc-diff-new"));
        }
        if c.is_unchanged() {
            out.push_str(&format!("  {}\n", t!(w, "lc-diff-unchanged", head = head)));
            continue;
        }
        let mut parts = Vec::new();
        for (p, to) in &c.leaves {
            let who = person_label(w, s, *p);
            parts.push(match to {
                Some(g) => t!(w, "lc-diff-leaves-for", who = who, group = g + 1),
                None => t!(w, "lc-diff-leaves", who = who),
            });
        }
        for (p, from) in &c.joins {
            let who = person_label(w, s, *p);
            parts.push(match from {
                Some(r) if !c.was.contains(r) => {
                    t!(w, "lc-diff-joins-from", who = who, group = r + 1)
                }
                _ => t!(w, "lc-diff-joins", who = who),
            });
        }
        if let Some((old, new_leader)) = c.leader {
            parts.push(t!(
                w,
                "lc-diff-leader",
                old = person_label(w, s, old),
                new = person_label(w, s, new_leader)
            ));
        }
        for u in &c.units_in {
            parts.push(t!(w, "lc-diff-takes", unit = unit_label(w, s, *u)));
        }
        for u in &c.units_out {
            parts.push(t!(w, "lc-diff-hands-over", unit = unit_label(w, s, *u)));
        }
        out.push_str(&format!(
            "  {}\n",
            t!(
                w,
                "lc-diff-line",
                head = head,
                parts = parts.join(&t!(w, "lc-brief-sep"))
            )
        ));
    }
    for r in &d.lost {
        let members: Vec<String> = reference[*r]
            .members
            .iter()
            .map(|p| person_label(w, s, *p))
            .collect();
        out.push_str(&format!(
            "  {}\n",
            t!(w, "lc-diff-gone", group = r + 1, members = w.list(members))
        ));
    }
    out
}

/// `repair`'s report for people: what changed, then the new roster.
pub fn repair(w: &Words, r: &Repaired, req: &RepairRequest) -> String {
    let s = &r.scenario;
    let mut out = String::new();
    let round = r.plan.round.as_str();
    match (&r.diff, &r.plan.breakdown) {
        (Some(d), Some(b)) => {
            let proven = matches!(r.plan.changes, Some((_, true)));
            out.push_str(&if proven {
                t!(
                    w,
                    "lc-repair-head",
                    round = round,
                    seats = d.changed_seats,
                    before = r.before.objective.total,
                    after = b.objective.total
                )
            } else {
                t!(
                    w,
                    "lc-repair-head-unproven",
                    round = round,
                    seats = d.changed_seats,
                    before = r.before.objective.total,
                    after = b.objective.total
                )
            });
        }
        _ => out.push_str(&t!(w, "lc-repair-none", round = round)),
    }
    out.push('\n');
    for p in &req.drop {
        let who = person_label(w, s, *p);
        let line = match r.reference.iter().position(|g| g.members.contains(p)) {
            Some(g) => t!(w, "lc-repair-dropped", who = who, group = g + 1),
            None => t!(w, "lc-repair-dropped-outside", who = who),
        };
        out.push_str(&format!("  {line}\n"));
    }
    for (p, u) in &req.add_conflicts {
        out.push_str(&format!(
            "  {}\n",
            t!(
                w,
                "lc-repair-conflict",
                who = person_label(w, s, *p),
                unit = unit_label(w, s, *u)
            )
        ));
    }
    out.push('\n');
    if let Some(d) = &r.diff {
        out.push_str(&t!(w, "lc-repair-changes"));
        out.push('\n');
        out.push_str(&diff(w, s, &r.reference, &r.plan.groups, d));
        out.push('\n');
    }
    out.push_str(&super::plan::table(w, s, &r.plan, false));
    out
}

/// `repair --record`: the reminder that the changes are only in the
/// repair's view unless recorded.
pub fn repair_unrecorded(w: &Words, file: &str) -> String {
    t!(w, "lc-repair-unrecorded", file = file)
}
