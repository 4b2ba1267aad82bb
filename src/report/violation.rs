//! The validator's findings ([`Violation`]) as sentences: `check`'s verdict
//! on a roster, the refusals of `commit`, a roster the solver or a draw got
//! wrong. The validator returns facts; only this module words them.

use super::i18n::Words;
use super::named;
use crate::ids::{PersonIx, UnitIx, VillageIx};
use crate::roster_check::Violation;
use crate::scenario::Scenario;
use crate::t;
use crate::training::fmt_hours;

/// `张伟（P01）`, or the id alone for someone without a name.
fn who(w: &Words, s: &Scenario, p: PersonIx) -> String {
    label(w, s.person_name(p), &s.person(p).id)
}

fn unit(w: &Words, s: &Scenario, u: UnitIx) -> String {
    label(w, s.unit_name(u), &s.unit(u).id)
}

fn village(w: &Words, s: &Scenario, v: VillageIx) -> String {
    let village = s.village(v);
    label(w, &village.name, &village.id)
}

fn label(w: &Words, name: &str, id: &str) -> String {
    if name.trim().is_empty() || name == id {
        super::table::clean(id).into_owned()
    } else {
        named(w, name, id)
    }
}

fn villages(w: &Words, s: &Scenario, vs: &[VillageIx]) -> String {
    if vs.is_empty() {
        t!(w, "viol-no-village")
    } else {
        w.list(vs.iter().map(|v| village(w, s, *v)))
    }
}

fn groups(w: &Words, gs: &[usize]) -> String {
    w.list(gs.iter().map(|g| (g + 1).to_string()))
}

/// One violation as a sentence naming people and units by name and id.
pub fn sentence(w: &Words, s: &Scenario, v: &Violation) -> String {
    use Violation::*;
    let p = |x: &PersonIx| who(w, s, *x);
    let u = |x: &UnitIx| unit(w, s, *x);
    match v {
        WrongGroupCount { count, expected } => t!(
            w,
            "viol-wrong-group-count",
            count = *count,
            expected = *expected
        ),
        UnitNotCovered { unit } => t!(w, "viol-unit-not-covered", unit = u(unit)),
        UnitTwice { unit, groups: gs } => {
            t!(w, "viol-unit-twice", unit = u(unit), groups = groups(w, gs))
        }
        UnitNotInRound { group, unit } => t!(
            w,
            "viol-unit-not-in-round",
            group = group + 1,
            unit = u(unit)
        ),
        GroupUnitCount { group, count, max } => t!(
            w,
            "viol-group-unit-count",
            group = group + 1,
            count = *count,
            max = *max
        ),
        TwoDepartments { group, units } => t!(
            w,
            "viol-two-departments",
            group = group + 1,
            units = w.list(units.iter().map(u))
        ),
        GroupSize {
            group,
            size,
            min,
            max,
        } => {
            if min == max {
                t!(
                    w,
                    "viol-group-size-exact",
                    group = group + 1,
                    size = *size,
                    min = *min
                )
            } else {
                t!(
                    w,
                    "viol-group-size",
                    group = group + 1,
                    size = *size,
                    min = *min,
                    max = *max
                )
            }
        }
        NotInPool { group, person } => {
            t!(w, "viol-not-in-pool", group = group + 1, who = p(person))
        }
        OutOfRotation { group, person, why } => t!(
            w,
            "viol-out-of-rotation",
            group = group + 1,
            who = p(person),
            why = super::exclusion::out_of_rotation(w, why)
        ),
        PersonTwice { person, groups: gs } => t!(
            w,
            "viol-person-twice",
            who = p(person),
            groups = groups(w, gs)
        ),
        LeaderNotMember { group, person } => t!(
            w,
            "viol-leader-not-member",
            group = group + 1,
            who = p(person)
        ),
        LeaderNotEligible { group, person } => t!(
            w,
            "viol-leader-not-eligible",
            group = group + 1,
            who = p(person)
        ),
        MissingSkill {
            group,
            skill,
            needed_by,
        } => {
            let skill = w.skill(s.skill_name(*skill)).into_owned();
            match needed_by {
                Some(unit) => t!(
                    w,
                    "viol-missing-skill-unit",
                    group = group + 1,
                    skill = skill,
                    unit = u(unit)
                ),
                None => t!(
                    w,
                    "viol-missing-skill-all",
                    group = group + 1,
                    skill = skill
                ),
            }
        }
        Conflict {
            group,
            person,
            unit,
            rule,
            as_leader,
            evidence,
        } => {
            let c = crate::recusal::Conflict {
                person: *person,
                unit: *unit,
                rule: *rule,
                evidence: evidence.clone(),
            };
            let (who, unit, group) = (p(person), u(unit), group + 1);
            let rule = super::conflicts::rule_named(w, *rule);
            let detail = super::conflicts::detail(w, s, &c);
            if *as_leader {
                t!(
                    w,
                    "viol-conflict-leader",
                    who = who,
                    unit = unit,
                    group = group,
                    rule = rule,
                    detail = detail
                )
            } else {
                t!(
                    w,
                    "viol-conflict",
                    who = who,
                    unit = unit,
                    group = group,
                    rule = rule,
                    detail = detail
                )
            }
        }
        Unavailable {
            group,
            person,
            range,
        } => t!(
            w,
            "viol-unavailable",
            who = p(person),
            group = group + 1,
            from = range.from.to_string(),
            to = range.to.to_string()
        ),
        Training {
            group,
            person,
            hours,
            required,
            missing_course,
        } => match missing_course {
            Some(c) if hours + 1e-9 >= *required => t!(
                w,
                "viol-training-course",
                who = p(person),
                group = group + 1,
                course = super::exclusion::course(w, c)
            ),
            _ => t!(
                w,
                "viol-training-hours",
                who = p(person),
                group = group + 1,
                hours = fmt_hours(*hours),
                required = fmt_hours(*required)
            ),
        },
        TooManyRetired { group, count, max } => t!(
            w,
            "viol-too-many-retired",
            group = group + 1,
            count = *count,
            max = *max
        ),
        Villages {
            group,
            township,
            expected,
            got,
        } => t!(
            w,
            "viol-villages",
            group = group + 1,
            got = villages(w, s, got),
            township = u(township),
            expected = villages(w, s, expected)
        ),
        StrayVillage { group, village: v } => t!(
            w,
            "viol-stray-village",
            group = group + 1,
            village = village(w, s, *v),
            township = u(&s.village(*v).township)
        ),
        KinPair { group, a, b, kind } => t!(
            w,
            "viol-kin-pair",
            a = p(a),
            b = p(b),
            group = group + 1,
            kind = w.relation(kind).into_owned()
        ),
        ApartPair { group, a, b } => {
            t!(w, "viol-apart-pair", a = p(a), b = p(b), group = group + 1)
        }
    }
}

/// Every violation, one line each: `H6     张伟（P01）…`.
pub fn lines(w: &Words, s: &Scenario, violations: &[Violation]) -> String {
    let mut out = String::new();
    for v in violations {
        out.push_str(&format!("{:<6} {}\n", v.rule(), sentence(w, s, v)));
    }
    out
}
