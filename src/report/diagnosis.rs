//! Why no roster exists, in words: the one renderer of the solver's
//! [`Finding`]s (`plan`, `simulate`, `report`; the JSON `diagnosis` is its
//! English, from [`Words::json`]).

use super::conflicts::brief;
use super::exclusion::exclusions;
use super::i18n::Words;
use super::{person_label, unit_label};
use crate::scenario::Scenario;
use crate::solver::finding::{Finding, Out, PersonOut, Pin, PinProblem};
use crate::solver::Family;
use crate::t;

/// One finding as a sentence.
pub fn finding(w: &Words, s: &Scenario, f: &Finding) -> String {
    let skill = |k| w.skill(s.skill_name(k)).into_owned();
    match f {
        Finding::TooManyDepartments {
            departments,
            groups,
        } => t!(
            w,
            "diag-too-many-departments",
            departments = *departments,
            groups = *groups,
            extra = departments - groups
        ),
        Finding::UnitsDoNotFit {
            units,
            groups,
            max_per_group,
        } => t!(
            w,
            "diag-units-do-not-fit",
            units = *units,
            groups = *groups,
            max = *max_per_group,
            needed = units.div_ceil((*max_per_group).max(1) as usize)
        ),
        Finding::TooFewUnits { groups, units } => {
            t!(w, "diag-too-few-units", groups = *groups, units = *units)
        }
        Finding::PinCannotHold { pin, problem } => t!(
            w,
            "diag-pin-cannot-hold",
            pin = pin_words(w, s, *pin),
            problem = pin_problem(w, s, *pin, problem)
        ),
        Finding::TooFewPeople {
            groups,
            size_min,
            available,
            pool,
            unavailable,
            short_of_training,
            out_of_rotation,
        } => t!(
            w,
            "diag-too-few-people",
            groups = *groups,
            min = *size_min,
            seats = groups * *size_min as usize,
            available = *available,
            pool = *pool,
            unavailable = *unavailable,
            training = *short_of_training,
            rotation = *out_of_rotation,
            per_group = available / (*groups).max(1),
            fewer_groups = available / (*size_min).max(1) as usize
        ),
        Finding::TooFewLeaders {
            groups,
            leaders,
            out,
        } => t!(
            w,
            "diag-too-few-leaders",
            groups = *groups,
            leaders = *leaders,
            out = out_clause(w, s, out)
        ),
        Finding::RequiredSkillShort {
            skill: k,
            groups: _,
            holders,
            out,
        } => t!(
            w,
            "diag-required-skill-short",
            skill = skill(*k),
            holders = *holders,
            out = out_clause(w, s, out)
        ),
        Finding::TooManyRetired {
            groups,
            size_min,
            max_retired,
            active,
        } => t!(
            w,
            "diag-too-many-retired",
            groups = *groups,
            min = *size_min,
            seats = groups * *size_min as usize,
            max = *max_retired,
            possible = active + groups * *max_retired as usize,
            active = *active
        ),
        Finding::NobodyMayLead { unit, out } => t!(
            w,
            "diag-nobody-may-lead",
            unit = unit_label(w, s, *unit),
            out = if out.is_empty() {
                t!(w, "diag-no-leaders")
            } else {
                people_out(w, s, out)
            },
            name = super::table::clean(s.unit_name(*unit))
        ),
        Finding::UnitUnderstaffed {
            unit,
            size_min,
            staff,
        } => t!(
            w,
            "diag-unit-understaffed",
            unit = unit_label(w, s, *unit),
            min = *size_min,
            staff = *staff
        ),
        Finding::UnitSkillMissing {
            unit,
            skill: k,
            holders: 0,
            ..
        } => t!(
            w,
            "diag-unit-skill-nobody",
            unit = unit_label(w, s, *unit),
            skill = skill(*k)
        ),
        Finding::UnitSkillMissing {
            unit,
            skill: k,
            holders,
            out,
        } => t!(
            w,
            "diag-unit-skill-out",
            unit = unit_label(w, s, *unit),
            skill = skill(*k),
            holders = *holders,
            out = people_out(w, s, out)
        ),
        Finding::SplitImpossible => t!(w, "diag-split-impossible"),
        Finding::TimedOut => t!(w, "diag-timed-out"),
        Finding::RulesClash { relaxed } => {
            let rules: Vec<String> = relaxed.iter().map(|f| family(w, *f)).collect();
            t!(
                w,
                "diag-rules-clash",
                rules = rules.join(&t!(w, "diag-and")),
                n = relaxed.len()
            )
        }
        Finding::PinsClash { pins } => {
            let list: Vec<String> = pins
                .iter()
                .map(|p| t!(w, "diag-pin-quoted", pin = pin_words(w, s, *p)))
                .collect();
            t!(
                w,
                "diag-pins-clash",
                pins = list.join(&t!(w, "diag-and")),
                n = pins.len()
            )
        }
    }
}

/// Every finding, one sentence each.
pub fn lines(w: &Words, s: &Scenario, findings: &[Finding]) -> Vec<String> {
    findings.iter().map(|f| finding(w, s, f)).collect()
}

/// A rule family as the office knows it, with its rule code.
pub fn family(w: &Words, f: Family) -> String {
    let what = match f {
        Family::Apart => t!(w, "diag-family-apart"),
        Family::Retired => t!(w, "diag-family-retired"),
        Family::LeaderConflict => t!(w, "diag-family-leader-conflict"),
        Family::UnitSkill => t!(w, "diag-family-unit-skill"),
        Family::RequiredSkill => t!(w, "diag-family-required-skill"),
        Family::Conflict => t!(w, "diag-family-conflict"),
        Family::SizeMin => t!(w, "diag-family-size-min"),
        Family::Once => t!(w, "diag-family-once"),
        Family::Pin => t!(w, "diag-family-pin"),
        _ => t!(w, "diag-family-other"),
    };
    t!(w, "diag-family", what = what, rule = f.rule())
}

fn pin_words(w: &Words, s: &Scenario, pin: Pin) -> String {
    match pin {
        Pin::Lead(p, u) => t!(
            w,
            "diag-pin-lead",
            person = person_label(w, s, p),
            unit = unit_label(w, s, u)
        ),
        Pin::Serve(p, u) => t!(
            w,
            "diag-pin-serve",
            person = person_label(w, s, p),
            unit = unit_label(w, s, u)
        ),
        Pin::SitOut(p) => t!(w, "diag-pin-sit-out", person = person_label(w, s, p)),
        Pin::Together(u, v) => t!(
            w,
            "diag-pin-together",
            unit = unit_label(w, s, u),
            other = unit_label(w, s, v)
        ),
    }
}

fn pin_problem(w: &Words, s: &Scenario, pin: Pin, problem: &PinProblem) -> String {
    match problem {
        PinProblem::UnitNotInRound => {
            let unit = match pin {
                Pin::Lead(_, u) | Pin::Serve(_, u) | Pin::Together(u, _) => Some(u),
                Pin::SitOut(_) => None,
            };
            let name = unit.map(|u| s.unit_name(u)).unwrap_or_default();
            t!(w, "diag-pin-not-in-round", name = super::table::clean(name))
        }
        PinProblem::SitsOut => t!(w, "diag-pin-sits-out"),
        PinProblem::NotInPool => t!(w, "diag-pin-not-in-pool"),
        PinProblem::NotLeader => t!(w, "diag-pin-not-leader"),
        PinProblem::Out(o) => out_words(w, s, o),
        PinProblem::NotBothInRound => t!(w, "diag-pin-not-both"),
        PinProblem::TwoDepartments => t!(w, "diag-pin-two-departments"),
        PinProblem::OneUnitPerGroup => t!(w, "diag-pin-one-unit"),
    }
}

/// Why one person cannot take the seat.
fn out_words(w: &Words, s: &Scenario, o: &Out) -> String {
    match o {
        Out::Excluded(es) => exclusions(w, es),
        Out::Conflicts(per_unit) => {
            let parts: Vec<String> = per_unit
                .iter()
                .map(|(u, cs)| {
                    let list: Vec<String> = cs.iter().map(|c| brief(w, s, c)).collect();
                    t!(
                        w,
                        "diag-conflicts-with",
                        unit = super::table::clean(s.unit_name(*u)),
                        conflicts = list.join(&t!(w, "diag-sep"))
                    )
                })
                .collect();
            w.list(&parts)
        }
    }
}

/// `张伟（P001）（…）、…`: each person out and why.
fn people_out(w: &Words, s: &Scenario, out: &[PersonOut]) -> String {
    let parts: Vec<String> = out
        .iter()
        .map(|o| {
            t!(
                w,
                "diag-person-out",
                person = person_label(w, s, o.person),
                why = out_words(w, s, &o.why)
            )
        })
        .collect();
    parts.join(&t!(w, "diag-people-sep"))
}

/// The optional "; out: …" clause (empty when nobody is out).
fn out_clause(w: &Words, s: &Scenario, out: &[PersonOut]) -> String {
    if out.is_empty() {
        String::new()
    } else {
        t!(w, "diag-out", people = people_out(w, s, out))
    }
}
