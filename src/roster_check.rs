//! The independent roster validator: every hard rule H1–H11 of FORMAT.md,
//! plus the number of groups, checked directly against the scenario.
//!
//! It uses no solver code. Recusal (H6), availability (H7) and training (H8)
//! are asked of [`crate::recusal`] and [`crate::training`], which define
//! those rules for the whole crate; everything else, the village rule H10
//! included, is re-derived here from FORMAT.md's wording. On success
//! [`check`] returns the score with its justification ([`crate::score`]).

use std::collections::{BTreeMap, BTreeSet};

use crate::ids::{PersonIx, SkillIx, UnitIx, VillageIx};
use crate::recusal::{Evidence, Recusal, Rule, Scope};
use crate::scenario::{DateRange, Group, Round, Scenario, UnitKind};
use crate::score::{self, Breakdown};
use crate::training;

/// One broken rule. `group` is the index of the group in the roster
/// (shown to people numbered from 1).
#[derive(Debug, Clone, PartialEq)]
pub enum Violation {
    /// The roster does not have `round.groups` groups.
    WrongGroupCount { count: usize, expected: u32 },

    /// H1: a unit of the round is in no group.
    UnitNotCovered { unit: UnitIx },
    /// H1: a unit of the round is in more than one group (or listed twice in
    /// one); `groups` has one entry per listing.
    UnitTwice { unit: UnitIx, groups: Vec<usize> },
    /// H1: a group holds a unit the round does not inspect.
    UnitNotInRound { group: usize, unit: UnitIx },
    /// H1: a group holds no unit, or more than `max_units_per_group`.
    GroupUnitCount {
        group: usize,
        count: usize,
        max: u32,
    },

    /// H2: a group holds two or more departments.
    TwoDepartments { group: usize, units: Vec<UnitIx> },

    /// H3: a group's member count is outside `group_size`.
    GroupSize {
        group: usize,
        size: usize,
        min: u32,
        max: u32,
    },
    /// H3: a member is not `pool: true`.
    NotInPool { group: usize, person: PersonIx },
    /// H3 (docs/pool.md): a member is out of rotation for the round: not
    /// yet in the pool, leaving it, or sitting out an unfit appraisal.
    OutOfRotation {
        group: usize,
        person: PersonIx,
        why: crate::pool::Out,
    },
    /// H3: a person is in more than one group (or listed twice in one);
    /// `groups` has one entry per listing.
    PersonTwice {
        person: PersonIx,
        groups: Vec<usize>,
    },

    /// H4: the leader is not among the group's members.
    LeaderNotMember { group: usize, person: PersonIx },
    /// H4: the leader does not have `leader: true`.
    LeaderNotEligible { group: usize, person: PersonIx },

    /// H5: no member holds `skill`; `needed_by` is the unit that requires it,
    /// `None` when the round requires it of every group.
    MissingSkill {
        group: usize,
        skill: SkillIx,
        needed_by: Option<UnitIx>,
    },

    /// H6: a member (or, `as_leader`, the leader by L1–L2) conflicts with a
    /// unit of the group.
    Conflict {
        group: usize,
        person: PersonIx,
        unit: UnitIx,
        rule: Rule,
        as_leader: bool,
        evidence: Evidence,
    },

    /// H7: a member is unavailable during the round.
    Unavailable {
        group: usize,
        person: PersonIx,
        range: DateRange,
    },

    /// H8: a member is short of the training requirement.
    Training {
        group: usize,
        person: PersonIx,
        hours: f64,
        required: f64,
        /// The `leader_course` a leader has no counting record of.
        missing_course: Option<String>,
    },

    /// H9: too many retired (退职未退休) members.
    TooManyRetired {
        group: usize,
        count: usize,
        max: u32,
    },

    /// H10: the group's villages of `township` are not the ones the rule
    /// selects. `expected` is one valid selection (ties in complaints by file
    /// order); `got` is what the group holds of that township.
    Villages {
        group: usize,
        township: UnitIx,
        expected: Vec<VillageIx>,
        got: Vec<VillageIx>,
    },
    /// H10: a group visits a village of a township it does not hold.
    StrayVillage { group: usize, village: VillageIx },

    /// H11: two members joined by a relation whose kind is in `kin`.
    KinPair {
        group: usize,
        a: PersonIx,
        b: PersonIx,
        kind: String,
    },
    /// H11: an `apart` pair serves in one group.
    ApartPair {
        group: usize,
        a: PersonIx,
        b: PersonIx,
    },
}

impl Violation {
    /// The rule broken: `"H1"` … `"H11"`, or `"groups"` for the number of groups.
    pub fn rule(&self) -> &'static str {
        use Violation::*;
        match self {
            WrongGroupCount { .. } => "groups",
            UnitNotCovered { .. }
            | UnitTwice { .. }
            | UnitNotInRound { .. }
            | GroupUnitCount { .. } => "H1",
            TwoDepartments { .. } => "H2",
            GroupSize { .. } | NotInPool { .. } | OutOfRotation { .. } | PersonTwice { .. } => "H3",
            LeaderNotMember { .. } | LeaderNotEligible { .. } => "H4",
            MissingSkill { .. } => "H5",
            Conflict { .. } => "H6",
            Unavailable { .. } => "H7",
            Training { .. } => "H8",
            TooManyRetired { .. } => "H9",
            Villages { .. } | StrayVillage { .. } => "H10",
            KinPair { .. } | ApartPair { .. } => "H11",
        }
    }

    /// The group the violation is about, if any.
    pub fn group(&self) -> Option<usize> {
        use Violation::*;
        match self {
            WrongGroupCount { .. }
            | UnitNotCovered { .. }
            | UnitTwice { .. }
            | PersonTwice { .. } => None,
            UnitNotInRound { group, .. }
            | GroupUnitCount { group, .. }
            | TwoDepartments { group, .. }
            | GroupSize { group, .. }
            | NotInPool { group, .. }
            | OutOfRotation { group, .. }
            | LeaderNotMember { group, .. }
            | LeaderNotEligible { group, .. }
            | MissingSkill { group, .. }
            | Conflict { group, .. }
            | Unavailable { group, .. }
            | Training { group, .. }
            | TooManyRetired { group, .. }
            | Villages { group, .. }
            | StrayVillage { group, .. }
            | KinPair { group, .. }
            | ApartPair { group, .. } => Some(*group),
        }
    }
}

/// Distinct values in first-seen order.
fn distinct<T: Copy + Ord>(items: &[T]) -> Vec<T> {
    let mut seen = BTreeSet::new();
    items.iter().copied().filter(|x| seen.insert(*x)).collect()
}

/// H10 read directly from FORMAT.md: one valid village selection for
/// `township` (every tagged village, then untagged ones by complaints, most
/// first, until `n` are chosen or none are left; ties by file order).
pub fn village_selection(s: &Scenario, township: UnitIx, n: u32) -> Vec<VillageIx> {
    let all = &s.unit(township).villages;
    let mut chosen: Vec<VillageIx> = all
        .iter()
        .copied()
        .filter(|v| !s.village(*v).tags.is_empty())
        .collect();
    let mut rest: Vec<(u32, usize, VillageIx)> = all
        .iter()
        .enumerate()
        .filter(|(_, v)| s.village(**v).tags.is_empty())
        .map(|(i, v)| (s.village(*v).complaints, i, *v))
        .collect();
    // Most complaints first, then file order.
    rest.sort_by(|x, y| y.0.cmp(&x.0).then(x.1.cmp(&y.1)));
    for (_, _, v) in rest {
        if chosen.len() >= n as usize {
            break;
        }
        chosen.push(v);
    }
    chosen
}

/// Whether `got` (the villages of `township` a group visits) satisfies H10:
/// all tagged villages, and besides them exactly as many untagged villages
/// as the rule adds, none of them with fewer complaints than an untagged
/// village left out. Any tie-break is accepted.
pub fn villages_ok(s: &Scenario, township: UnitIx, n: u32, got: &[VillageIx]) -> bool {
    let all = &s.unit(township).villages;
    let got: BTreeSet<VillageIx> = got.iter().copied().collect();
    if !got.iter().all(|v| all.contains(v)) {
        return false;
    }
    let tagged: Vec<VillageIx> = all
        .iter()
        .copied()
        .filter(|v| !s.village(*v).tags.is_empty())
        .collect();
    let untagged: Vec<VillageIx> = all
        .iter()
        .copied()
        .filter(|v| s.village(*v).tags.is_empty())
        .collect();
    if !tagged.iter().all(|v| got.contains(v)) {
        return false;
    }
    let want_extra = (n as usize)
        .saturating_sub(tagged.len())
        .min(untagged.len());
    let extra: Vec<VillageIx> = untagged
        .iter()
        .copied()
        .filter(|v| got.contains(v))
        .collect();
    if extra.len() != want_extra {
        return false;
    }
    let least_in = extra.iter().map(|v| s.village(*v).complaints).min();
    let most_out = untagged
        .iter()
        .filter(|v| !got.contains(v))
        .map(|v| s.village(*v).complaints)
        .max();
    match (least_in, most_out) {
        (Some(lo), Some(hi)) => lo >= hi,
        _ => true,
    }
}

/// Check `groups` against every hard rule for `round` (normally
/// `s.round`). Returns the score breakdown when the roster is valid, else
/// every violation found, ordered by rule and then group.
pub fn check(s: &Scenario, round: &Round, groups: &[Group]) -> Result<Breakdown, Vec<Violation>> {
    let rules = &round.rules;
    let mut out = Vec::new();

    let members: Vec<Vec<PersonIx>> = groups.iter().map(|g| distinct(&g.members)).collect();
    let units: Vec<Vec<UnitIx>> = groups.iter().map(|g| distinct(&g.units)).collect();

    // Number of groups.
    if groups.len() != rules.groups as usize {
        out.push(Violation::WrongGroupCount {
            count: groups.len(),
            expected: rules.groups,
        });
    }

    // H1.
    let mut holders: BTreeMap<UnitIx, Vec<usize>> = BTreeMap::new();
    for (g, group) in groups.iter().enumerate() {
        for &u in &group.units {
            holders.entry(u).or_default().push(g);
        }
    }
    for &u in &round.units {
        match holders.get(&u) {
            None => out.push(Violation::UnitNotCovered { unit: u }),
            Some(gs) if gs.len() > 1 => out.push(Violation::UnitTwice {
                unit: u,
                groups: gs.clone(),
            }),
            Some(_) => {}
        }
    }
    for (g, us) in units.iter().enumerate() {
        for &u in us {
            if !round.units.contains(&u) {
                out.push(Violation::UnitNotInRound { group: g, unit: u });
            }
        }
        if us.is_empty() || us.len() > rules.max_units_per_group as usize {
            out.push(Violation::GroupUnitCount {
                group: g,
                count: us.len(),
                max: rules.max_units_per_group,
            });
        }
    }

    // H2.
    for (g, us) in units.iter().enumerate() {
        let departments: Vec<UnitIx> = us
            .iter()
            .copied()
            .filter(|u| s.unit(*u).kind == UnitKind::Department)
            .collect();
        if departments.len() > 1 {
            out.push(Violation::TwoDepartments {
                group: g,
                units: departments,
            });
        }
    }

    // H3.
    for (g, ms) in members.iter().enumerate() {
        if ms.len() < rules.size_min as usize || ms.len() > rules.size_max as usize {
            out.push(Violation::GroupSize {
                group: g,
                size: ms.len(),
                min: rules.size_min,
                max: rules.size_max,
            });
        }
    }
    for (g, ms) in members.iter().enumerate() {
        for &p in ms {
            if !s.person(p).pool {
                out.push(Violation::NotInPool {
                    group: g,
                    person: p,
                });
            }
        }
    }
    let mut seats: BTreeMap<PersonIx, Vec<usize>> = BTreeMap::new();
    for (g, group) in groups.iter().enumerate() {
        for &p in &group.members {
            seats.entry(p).or_default().push(g);
        }
    }
    for (&p, gs) in &seats {
        if gs.len() > 1 {
            out.push(Violation::PersonTwice {
                person: p,
                groups: gs.clone(),
            });
        }
    }

    // H4.
    for (g, group) in groups.iter().enumerate() {
        if !members[g].contains(&group.leader) {
            out.push(Violation::LeaderNotMember {
                group: g,
                person: group.leader,
            });
        }
        if !s.person(group.leader).leader {
            out.push(Violation::LeaderNotEligible {
                group: g,
                person: group.leader,
            });
        }
    }

    // H5.
    for (g, ms) in members.iter().enumerate() {
        let held: BTreeSet<SkillIx> = ms
            .iter()
            .flat_map(|p| s.person(*p).skills.iter().copied())
            .collect();
        for &k in &rules.required_skills {
            if !held.contains(&k) {
                out.push(Violation::MissingSkill {
                    group: g,
                    skill: k,
                    needed_by: None,
                });
            }
        }
        for &u in &units[g] {
            for &k in &distinct(&s.unit(u).requires) {
                if !held.contains(&k) {
                    out.push(Violation::MissingSkill {
                        group: g,
                        skill: k,
                        needed_by: Some(u),
                    });
                }
            }
        }
    }

    // H6. The scope holds every member and leader, and every unit of the
    // round and of the groups (a stray unit is already an H1 violation).
    let mut scope_people: Vec<PersonIx> = members.iter().flatten().copied().collect();
    scope_people.extend(groups.iter().map(|g| g.leader));
    let mut scope_units = round.units.clone();
    scope_units.extend(units.iter().flatten().copied());
    let scope = Scope {
        people: distinct(&scope_people),
        units: distinct(&scope_units),
    };
    let recusal = Recusal::compute(s, &scope, round.start);
    for (g, group) in groups.iter().enumerate() {
        let mut people = members[g].clone();
        if !people.contains(&group.leader) {
            people.push(group.leader);
        }
        for &p in &people {
            let leads = p == group.leader;
            for &u in &units[g] {
                for c in recusal.between(p, u) {
                    if c.rule.leader_only() && !leads {
                        continue;
                    }
                    out.push(Violation::Conflict {
                        group: g,
                        person: p,
                        unit: u,
                        rule: c.rule,
                        as_leader: c.rule.leader_only(),
                        evidence: c.evidence.clone(),
                    });
                }
            }
        }
    }

    let dates = DateRange {
        from: round.start,
        to: round.end,
    };
    // H3 over time (docs/pool.md), for pool members.
    for (g, ms) in members.iter().enumerate() {
        for &p in ms {
            if s.person(p).pool {
                for why in crate::pool::out_of_rotation(s, p, dates) {
                    out.push(Violation::OutOfRotation {
                        group: g,
                        person: p,
                        why,
                    });
                }
            }
        }
    }

    // H7.
    for (g, ms) in members.iter().enumerate() {
        for &p in ms {
            for range in &s.person(p).unavailable {
                if range.from <= dates.to && dates.from <= range.to {
                    out.push(Violation::Unavailable {
                        group: g,
                        person: p,
                        range: *range,
                    });
                }
            }
        }
    }

    // H8.
    for (g, ms) in members.iter().enumerate() {
        for &p in ms {
            if !training::compliant(s, p, round.start) {
                let (hours, required, missing_course) = match training::standing(s, p, round.start)
                {
                    Some(st) => (st.hours, st.required, st.missing_course),
                    None => (0.0, 0.0, None),
                };
                out.push(Violation::Training {
                    group: g,
                    person: p,
                    hours,
                    required,
                    missing_course,
                });
            }
        }
    }

    // H9.
    if let Some(max) = rules.max_retired_per_group {
        for (g, ms) in members.iter().enumerate() {
            let count = ms.iter().filter(|p| s.person(**p).retired).count();
            if count > max as usize {
                out.push(Violation::TooManyRetired {
                    group: g,
                    count,
                    max,
                });
            }
        }
    }

    // H10.
    let n = rules.villages_per_township;
    for (g, group) in groups.iter().enumerate() {
        let visited = distinct(&group.villages);
        for &t in &units[g] {
            if s.unit(t).kind != UnitKind::Township {
                continue;
            }
            let mut got: Vec<VillageIx> = visited
                .iter()
                .copied()
                .filter(|v| s.village(*v).township == t)
                .collect();
            got.sort();
            if !villages_ok(s, t, n, &got) {
                out.push(Violation::Villages {
                    group: g,
                    township: t,
                    expected: village_selection(s, t, n),
                    got,
                });
            }
        }
        for &v in &visited {
            if !units[g].contains(&s.village(v).township) {
                out.push(Violation::StrayVillage {
                    group: g,
                    village: v,
                });
            }
        }
    }

    // H11.
    for (g, ms) in members.iter().enumerate() {
        for r in &s.relations {
            if r.a != r.b
                && s.recusal.kin.contains(&r.kind)
                && ms.contains(&r.a)
                && ms.contains(&r.b)
            {
                out.push(Violation::KinPair {
                    group: g,
                    a: r.a.min(r.b),
                    b: r.a.max(r.b),
                    kind: r.kind.clone(),
                });
            }
        }
        let apart: BTreeSet<(PersonIx, PersonIx)> = s
            .recusal
            .apart
            .iter()
            .map(|&(a, b)| (a.min(b), a.max(b)))
            .collect();
        for (a, b) in apart {
            if a != b && ms.contains(&a) && ms.contains(&b) {
                out.push(Violation::ApartPair { group: g, a, b });
            }
        }
    }

    if out.is_empty() {
        Ok(score::breakdown(s, round, groups))
    } else {
        Err(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::Place;
    use crate::roster::Objective;
    use crate::scenario::{parse, Entity};
    use chrono::NaiveDate;

    /// A round of 2 groups of 2–3 over T01 T02 D01 D02, 3 villages per
    /// township. People L* lead; M* are plain members; N1 works at D01, N2 is
    /// away on the round's last day, N3 is short of training, K1 is M2's
    /// spouse, A1 is kept apart from L1, X1 is not in the pool, L3 has a long
    /// posting at T01 (L1 binds them as leader only).
    const YAML: &str = r#"
version: 1
name: 测试县
skills: [finance, audit, agriculture]
units:
  - id: T01
    name: 青山镇
    kind: township
    weight: 2
    requires: [agriculture]
    villages:
      - {id: V1, name: 东坪村, tags: [poverty]}
      - {id: V2, name: 西坪村, complaints: 5}
      - {id: V3, name: 南坪村, complaints: 3}
      - {id: V4, name: 北坪村, complaints: 3}
  - id: T02
    name: 石桥乡
    kind: township
    villages:
      - {id: W1, name: 石桥村, complaints: 1}
      - {id: W2, name: 河口村, complaints: 1}
  - {id: D01, name: 县财政局, kind: department}
  - {id: D02, name: 县教育局, kind: department, weight: 3}
  - {id: D03, name: 县水利局, kind: department}
people:
  - {id: L1, name: 张伟, pool: true, leader: true, skills: [finance]}
  - {id: L2, name: 王芳, pool: true, leader: true, skills: [audit]}
  - {id: L3, name: 李军, pool: true, leader: true, skills: [finance, audit],
     postings: [{unit: T01, from: 2010-01-01, to: 2015-12-31}]}
  - {id: M1, name: 李强, pool: true, skills: [audit, agriculture]}
  - {id: M2, name: 刘洋, pool: true, skills: [finance]}
  - {id: M3, name: 陈静, pool: true, skills: [audit], retired: true}
  - {id: M4, name: 杨磊, pool: true, skills: [finance], retired: true}
  - {id: N1, name: 赵敏, pool: true, unit: D01, skills: [finance]}
  - {id: N2, name: 黄丽, pool: true, skills: [finance],
     unavailable: [{from: 2027-05-15, to: 2027-06-01}]}
  - {id: N3, name: 周杰, pool: true, skills: [finance]}
  - {id: K1, name: 吴刚, pool: true, skills: [law]}
  - {id: A1, name: 郑爽, pool: true, skills: [law]}
  - {id: X1, name: 孙丽, unit: D03}
relations:
  - {a: M2, b: K1, kind: spouse}
  - {a: L1, b: M1, kind: classmate}
recusal:
  apart: [[A1, L1]]
training:
  requirement: {hours: 10, within_days: 365}
  records:
    - {person: L1, course: 专训, date: 2026-06-01, hours: 10}
    - {person: L2, course: 专训, date: 2026-06-01, hours: 10}
    - {person: L3, course: 专训, date: 2026-06-01, hours: 10}
    - {person: M1, course: 专训, date: 2026-06-01, hours: 10}
    - {person: M2, course: 专训, date: 2026-06-01, hours: 10}
    - {person: M3, course: 专训, date: 2026-06-01, hours: 10}
    - {person: M4, course: 专训, date: 2026-06-01, hours: 10}
    - {person: N1, course: 专训, date: 2026-06-01, hours: 10}
    - {person: N2, course: 专训, date: 2026-06-01, hours: 10}
    - {person: N3, course: 专训, date: 2026-06-01, hours: 5}
    - {person: K1, course: 专训, date: 2026-06-01, hours: 10}
    - {person: A1, course: 专训, date: 2026-06-01, hours: 10}
    - {person: X1, course: 专训, date: 2026-06-01, hours: 10}
history:
  - round: 2026-R1
    start: 2026-03-01
    end: 2026-04-30
    groups:
      - {leader: L1, members: [L1, M1, M2], units: [T01]}
      - {leader: L2, members: [L2, M3], units: [D02]}
  - round: 2026-R2
    start: 2026-09-01
    end: 2026-10-31
    groups:
      - {leader: L2, members: [L2, M4, M3], units: [D01]}
round:
  id: 2027-R1
  start: 2027-03-01
  end: 2027-05-15
  groups: 2
  group_size: {min: 2, max: 3}
  units: [T01, T02, D01, D02]
  villages_per_township: 3
  required_skills: [finance, audit]
  max_retired_per_group: 1
"#;

    fn scenario() -> Scenario {
        let yaml = YAML.replace(
            "skills: [finance, audit, agriculture]",
            "skills: [finance, audit, agriculture, law]",
        );
        parse(&yaml, "t.yaml").unwrap_or_else(|e| panic!("{e}"))
    }

    fn p(s: &Scenario, id: &str) -> PersonIx {
        s.person_ix(id).unwrap_or_else(|| panic!("no person {id}"))
    }

    fn u(s: &Scenario, id: &str) -> UnitIx {
        s.unit_ix(id).unwrap_or_else(|| panic!("no unit {id}"))
    }

    fn v(s: &Scenario, id: &str) -> VillageIx {
        match s.lookup(id) {
            Some(Entity::Village(v)) => v,
            _ => panic!("no village {id}"),
        }
    }

    fn k(s: &Scenario, name: &str) -> SkillIx {
        s.skill_ix(name).unwrap()
    }

    fn group(
        s: &Scenario,
        leader: &str,
        members: &[&str],
        units: &[&str],
        villages: &[&str],
    ) -> Group {
        Group {
            leader: p(s, leader),
            members: members.iter().map(|x| p(s, x)).collect(),
            units: units.iter().map(|x| u(s, x)).collect(),
            villages: villages.iter().map(|x| v(s, x)).collect(),
        }
    }

    /// The valid roster.
    fn valid(s: &Scenario) -> Vec<Group> {
        vec![
            group(
                s,
                "L1",
                &["L1", "M1", "M3"],
                &["T01", "D01"],
                &["V1", "V2", "V3"],
            ),
            group(s, "L2", &["L2", "M2", "M4"], &["T02", "D02"], &["W1", "W2"]),
        ]
    }

    fn round(s: &Scenario) -> Round {
        s.round.clone().unwrap()
    }

    /// Check `groups` against the scenario's round, expecting violations.
    /// A violation in English, as `why`/`replace` JSON words it.
    fn en(s: &Scenario, v: &Violation) -> String {
        crate::report::violation::sentence(&crate::report::i18n::Words::json(), s, v)
    }

    fn errors(s: &Scenario, groups: &[Group]) -> Vec<Violation> {
        errors_in(s, &round(s), groups)
    }

    fn errors_in(s: &Scenario, r: &Round, groups: &[Group]) -> Vec<Violation> {
        match check(s, r, groups) {
            Ok(b) => panic!("accepted, objective {:?}", b.objective),
            Err(v) => {
                for x in &v {
                    // Every violation reads as a sentence with ids.
                    let text = en(s, x);
                    assert!(text.ends_with('.') && !text.contains("()"), "{text}");
                }
                v
            }
        }
    }

    #[test]
    fn valid_roster_with_hand_computed_objective() {
        let s = scenario();
        let b = check(&s, &round(&s), &valid(&s)).unwrap_or_else(|v| {
            panic!(
                "{}",
                crate::report::violation::lines(&crate::report::i18n::Words::json(), &s, &v)
            )
        });
        // repeat_unit: (L1,T01) R1, (M1,T01) R1, (M3,D01) R2, (L2,D02) R1.
        assert_eq!(b.objective.repeat_unit, 4);
        let ru: Vec<(PersonIx, UnitIx)> =
            b.unit_repeats.iter().map(|r| (r.person, r.unit)).collect();
        assert_eq!(
            ru,
            vec![
                (p(&s, "L1"), u(&s, "T01")),
                (p(&s, "M1"), u(&s, "T01")),
                (p(&s, "M3"), u(&s, "D01")),
                (p(&s, "L2"), u(&s, "D02")),
            ]
        );
        // repeat_pair: (L1,M1) R1, (L2,M4) R2.
        assert_eq!(b.objective.repeat_pair, 2);
        // workload: L1 1, M1 1, M3 2, L2 2, M2 1, M4 1.
        assert_eq!(b.objective.workload, 8);
        // balance: T01+D01 = 3, T02+D02 = 4.
        assert_eq!(b.group_weights, vec![3, 4]);
        assert_eq!(b.objective.balance, 1);
        assert_eq!(
            b.objective,
            Objective {
                total: 10 * 4 + 2 * 2 + 8 + 1,
                repeat_unit: 4,
                repeat_pair: 2,
                workload: 8,
                balance: 1,
                reserve: 0,
            }
        );
    }

    #[test]
    fn order_within_a_group_does_not_matter() {
        let s = scenario();
        let mut r = valid(&s);
        r.reverse();
        for g in &mut r {
            g.members.reverse();
            g.units.reverse();
            g.villages.reverse();
        }
        assert!(check(&s, &round(&s), &r).is_ok());
    }

    #[test]
    fn wrong_group_count() {
        let s = scenario();
        let mut r = round(&s);
        r.rules.groups = 3;
        assert_eq!(
            errors_in(&s, &r, &valid(&s)),
            vec![Violation::WrongGroupCount {
                count: 2,
                expected: 3
            }]
        );
    }

    #[test]
    fn h1_unit_not_covered() {
        let s = scenario();
        let mut g = valid(&s);
        g[0].units = vec![u(&s, "T01")];
        assert_eq!(
            errors(&s, &g),
            vec![Violation::UnitNotCovered { unit: u(&s, "D01") }]
        );
    }

    #[test]
    fn h1_unit_twice() {
        let s = scenario();
        let mut r = round(&s);
        r.rules.max_units_per_group = 3;
        let mut g = valid(&s);
        g[0].units.push(u(&s, "T02"));
        g[0].villages.extend([v(&s, "W1"), v(&s, "W2")]);
        let e = errors_in(&s, &r, &g);
        assert_eq!(
            e,
            vec![Violation::UnitTwice {
                unit: u(&s, "T02"),
                groups: vec![0, 1]
            }]
        );
        assert_eq!(
            en(&s, &e[0]),
            "石桥乡 (T02) is held more than once: groups 1, 2."
        );
    }

    #[test]
    fn h1_unit_listed_twice_in_one_group() {
        let s = scenario();
        let mut g = valid(&s);
        g[0].units.push(u(&s, "D01"));
        assert_eq!(
            errors(&s, &g),
            vec![Violation::UnitTwice {
                unit: u(&s, "D01"),
                groups: vec![0, 0]
            }]
        );
    }

    #[test]
    fn h1_unit_not_in_round() {
        let s = scenario();
        let mut g = valid(&s);
        g[1].units = vec![u(&s, "T02"), u(&s, "D03")];
        assert_eq!(
            errors(&s, &g),
            vec![
                Violation::UnitNotCovered { unit: u(&s, "D02") },
                Violation::UnitNotInRound {
                    group: 1,
                    unit: u(&s, "D03")
                },
            ]
        );
    }

    #[test]
    fn h1_group_unit_count() {
        let s = scenario();
        let mut r = round(&s);
        r.rules.max_units_per_group = 1;
        assert_eq!(
            errors_in(&s, &r, &valid(&s)),
            vec![
                Violation::GroupUnitCount {
                    group: 0,
                    count: 2,
                    max: 1
                },
                Violation::GroupUnitCount {
                    group: 1,
                    count: 2,
                    max: 1
                },
            ]
        );
        // A group with no unit at all.
        let mut r = round(&s);
        r.units = vec![u(&s, "T01"), u(&s, "D01")];
        let mut g = valid(&s);
        g[1].units.clear();
        g[1].villages.clear();
        assert_eq!(
            errors_in(&s, &r, &g),
            vec![Violation::GroupUnitCount {
                group: 1,
                count: 0,
                max: 2
            }]
        );
    }

    #[test]
    fn h2_two_departments() {
        let s = scenario();
        let mut r = round(&s);
        r.rules.max_units_per_group = 3;
        let mut g = valid(&s);
        g[0].units.push(u(&s, "D02"));
        g[1].units = vec![u(&s, "T02")];
        assert_eq!(
            errors_in(&s, &r, &g),
            vec![Violation::TwoDepartments {
                group: 0,
                units: vec![u(&s, "D01"), u(&s, "D02")]
            }]
        );
    }

    #[test]
    fn h3_group_size() {
        let s = scenario();
        let mut g = valid(&s);
        g[1].members.push(p(&s, "A1"));
        assert_eq!(
            errors(&s, &g),
            vec![Violation::GroupSize {
                group: 1,
                size: 4,
                min: 2,
                max: 3
            }]
        );
        let mut g = valid(&s);
        g[1].members = vec![p(&s, "L2")];
        let e = errors(&s, &g);
        assert_eq!(
            e[0],
            Violation::GroupSize {
                group: 1,
                size: 1,
                min: 2,
                max: 3
            }
        );
    }

    #[test]
    fn h3_not_in_pool() {
        let s = scenario();
        let mut g = valid(&s);
        g[1].members[2] = p(&s, "X1");
        assert_eq!(
            errors(&s, &g),
            vec![Violation::NotInPool {
                group: 1,
                person: p(&s, "X1")
            }]
        );
    }

    #[test]
    fn h3_person_twice() {
        let s = scenario();
        let mut g = valid(&s);
        g[1].members[2] = p(&s, "M3");
        assert_eq!(
            errors(&s, &g),
            vec![Violation::PersonTwice {
                person: p(&s, "M3"),
                groups: vec![0, 1]
            }]
        );
    }

    #[test]
    fn h4_leader_not_member() {
        let s = scenario();
        let mut g = valid(&s);
        g[0].leader = p(&s, "L2");
        assert_eq!(
            errors(&s, &g),
            vec![Violation::LeaderNotMember {
                group: 0,
                person: p(&s, "L2")
            }]
        );
    }

    #[test]
    fn h4_leader_not_eligible() {
        let s = scenario();
        let mut g = valid(&s);
        g[0].leader = p(&s, "M1");
        assert_eq!(
            errors(&s, &g),
            vec![Violation::LeaderNotEligible {
                group: 0,
                person: p(&s, "M1")
            }]
        );
    }

    #[test]
    fn h5_missing_unit_skill() {
        let s = scenario();
        let mut g = valid(&s);
        g[0].members[1] = p(&s, "K1");
        let e = errors(&s, &g);
        assert_eq!(
            e,
            vec![Violation::MissingSkill {
                group: 0,
                skill: k(&s, "agriculture"),
                needed_by: Some(u(&s, "T01"))
            }]
        );
        assert_eq!(
            en(&s, &e[0]),
            "No member of group 1 has the skill agriculture (required by 青山镇 (T01))."
        );
    }

    #[test]
    fn h5_missing_round_skill() {
        let s = scenario();
        let mut g = valid(&s);
        g[1].members = vec![p(&s, "L2"), p(&s, "K1"), p(&s, "A1")];
        assert_eq!(
            errors(&s, &g),
            vec![Violation::MissingSkill {
                group: 1,
                skill: k(&s, "finance"),
                needed_by: None
            }]
        );
    }

    #[test]
    fn h6_member_conflict() {
        let s = scenario();
        let mut g = valid(&s);
        g[0].members[2] = p(&s, "N1");
        let e = errors(&s, &g);
        assert_eq!(
            e,
            vec![Violation::Conflict {
                group: 0,
                person: p(&s, "N1"),
                unit: u(&s, "D01"),
                rule: Rule::R1,
                as_leader: false,
                evidence: Evidence::WorksAt {
                    place: Place::Unit(u(&s, "D01"))
                },
            }]
        );
        assert_eq!(e[0].rule(), "H6");
        let text = en(&s, &e[0]);
        assert!(text.contains("赵敏 (N1) may not inspect 县财政局 (D01) in group 1 [R1 works there]: 赵敏 works at 县财政局."), "{text}");
    }

    #[test]
    fn h6_leader_conflict() {
        let s = scenario();
        let mut g = valid(&s);
        g[0].leader = p(&s, "L3");
        g[0].members[0] = p(&s, "L3");
        let e = errors(&s, &g);
        let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert_eq!(
            e,
            vec![Violation::Conflict {
                group: 0,
                person: p(&s, "L3"),
                unit: u(&s, "T01"),
                rule: Rule::L1,
                as_leader: true,
                evidence: Evidence::Posting {
                    place: Place::Unit(u(&s, "T01")),
                    from: date(2010, 1, 1),
                    to: Some(date(2015, 12, 31)),
                },
            }]
        );
        assert!(en(&s, &e[0]).contains("as leader of group 1"));
    }

    #[test]
    fn h6_leader_rules_do_not_bind_members() {
        let s = scenario();
        let mut g = valid(&s);
        g[0].members[2] = p(&s, "L3");
        assert!(check(&s, &round(&s), &g).is_ok());
    }

    #[test]
    fn h6_waived_conflict_is_fine() {
        let yaml = YAML.replace(
            "  apart: [[A1, L1]]",
            "  apart: [[A1, L1]]\n  waived: [{person: N1, unit: D01, reason: 已调离}]",
        );
        let s = parse(
            &yaml.replace(
                "skills: [finance, audit, agriculture]",
                "skills: [finance, audit, agriculture, law]",
            ),
            "t.yaml",
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let mut g = valid(&s);
        g[0].members[2] = p(&s, "N1");
        assert!(check(&s, &round(&s), &g).is_ok());
    }

    #[test]
    fn h7_unavailable_on_last_day() {
        let s = scenario();
        let mut g = valid(&s);
        g[0].members[2] = p(&s, "N2");
        let range = s.person(p(&s, "N2")).unavailable[0];
        assert_eq!(
            errors(&s, &g),
            vec![Violation::Unavailable {
                group: 0,
                person: p(&s, "N2"),
                range
            }]
        );
    }

    #[test]
    fn h8_training() {
        let s = scenario();
        let mut g = valid(&s);
        g[0].members[2] = p(&s, "N3");
        let e = errors(&s, &g);
        assert_eq!(
            e,
            vec![Violation::Training {
                group: 0,
                person: p(&s, "N3"),
                hours: 5.0,
                required: 10.0,
                missing_course: None,
            }]
        );
        assert_eq!(
            en(&s, &e[0]),
            "周杰 (N3) in group 1 has 5 training hours in the window; 10 are required."
        );
    }

    #[test]
    fn h9_too_many_retired() {
        let s = scenario();
        let mut r = round(&s);
        r.rules.max_retired_per_group = Some(0);
        assert_eq!(
            errors_in(&s, &r, &valid(&s)),
            vec![
                Violation::TooManyRetired {
                    group: 0,
                    count: 1,
                    max: 0
                },
                Violation::TooManyRetired {
                    group: 1,
                    count: 1,
                    max: 0
                },
            ]
        );
        // Unlimited when absent.
        r.rules.max_retired_per_group = None;
        let mut g = valid(&s);
        g[0].members[0] = p(&s, "L1");
        assert!(check(&s, &r, &g).is_ok());
    }

    #[test]
    fn h10_missing_village() {
        let s = scenario();
        let mut g = valid(&s);
        g[0].villages = vec![v(&s, "V1"), v(&s, "V3"), v(&s, "V4")];
        let e = errors(&s, &g);
        assert_eq!(
            e,
            vec![Violation::Villages {
                group: 0,
                township: u(&s, "T01"),
                expected: vec![v(&s, "V1"), v(&s, "V2"), v(&s, "V3")],
                got: vec![v(&s, "V1"), v(&s, "V3"), v(&s, "V4")],
            }]
        );
        assert!(
            en(&s, &e[0]).contains("visits 东坪村 (V1), 南坪村 (V3), 北坪村 (V4) in 青山镇 (T01)")
        );
    }

    #[test]
    fn h10_tagged_village_first() {
        let s = scenario();
        let mut g = valid(&s);
        g[0].villages = vec![v(&s, "V2"), v(&s, "V3"), v(&s, "V4")];
        assert_eq!(errors(&s, &g)[0].rule(), "H10");
    }

    #[test]
    fn h10_too_few_and_too_many() {
        let s = scenario();
        for villages in [vec!["V1", "V2"], vec!["V1", "V2", "V3", "V4"], vec![]] {
            let mut g = valid(&s);
            g[0].villages = villages.iter().map(|x| v(&s, x)).collect();
            let e = errors(&s, &g);
            assert_eq!(e.len(), 1, "{villages:?}");
            assert!(matches!(e[0], Violation::Villages { group: 0, .. }));
        }
        // T02 has only two villages: both, however many are asked for.
        let mut g = valid(&s);
        g[1].villages = vec![v(&s, "W1")];
        assert!(matches!(
            errors(&s, &g)[..],
            [Violation::Villages { group: 1, .. }]
        ));
    }

    #[test]
    fn h10_ties_accept_either_choice() {
        let s = scenario();
        let mut g = valid(&s);
        g[0].villages = vec![v(&s, "V1"), v(&s, "V2"), v(&s, "V4")];
        assert!(check(&s, &round(&s), &g).is_ok());
        // The selection agrees with the scenario's own (file order on ties).
        for n in 0..6 {
            for t in ["T01", "T02"] {
                assert_eq!(
                    village_selection(&s, u(&s, t), n),
                    s.villages_for(u(&s, t), n),
                    "{t} {n}"
                );
            }
        }
    }

    #[test]
    fn h10_tagged_beyond_the_count() {
        // With N smaller than the tagged villages, exactly the tagged ones.
        let s = scenario();
        let mut r = round(&s);
        r.rules.villages_per_township = 0;
        let mut g = valid(&s);
        g[0].villages = vec![v(&s, "V1")];
        g[1].villages = vec![];
        assert!(check(&s, &r, &g).is_ok());
        g[0].villages.push(v(&s, "V2"));
        assert!(matches!(
            errors_in(&s, &r, &g)[..],
            [Violation::Villages { group: 0, .. }]
        ));
    }

    #[test]
    fn h10_stray_village() {
        let s = scenario();
        let mut g = valid(&s);
        g[0].villages.push(v(&s, "W1"));
        assert_eq!(
            errors(&s, &g),
            vec![Violation::StrayVillage {
                group: 0,
                village: v(&s, "W1")
            }]
        );
    }

    #[test]
    fn h11_kin_pair() {
        let s = scenario();
        let mut g = valid(&s);
        g[1].members[2] = p(&s, "K1");
        assert_eq!(
            errors(&s, &g),
            vec![Violation::KinPair {
                group: 1,
                a: p(&s, "M2"),
                b: p(&s, "K1"),
                kind: "spouse".into()
            }]
        );
    }

    #[test]
    fn h11_apart_pair() {
        let s = scenario();
        let mut g = valid(&s);
        g[0].members[2] = p(&s, "A1");
        let e = errors(&s, &g);
        assert_eq!(
            e,
            vec![Violation::ApartPair {
                group: 0,
                a: p(&s, "L1"),
                b: p(&s, "A1")
            }]
        );
        assert_eq!(
            en(&s, &e[0]),
            "张伟 (L1) and 郑爽 (A1) are to be kept apart but both serve in group 1."
        );
    }

    #[test]
    fn collects_every_violation_in_rule_order() {
        let s = scenario();
        let g = vec![
            // N1 works at D01, N2 away, N3 untrained; no leader, no agriculture.
            group(
                &s,
                "M1",
                &["N1", "N2", "N3", "X1"],
                &["T01", "D01", "D02"],
                &["V2"],
            ),
            group(&s, "L2", &["L2", "M2", "K1", "A1"], &["T02"], &["W1", "W2"]),
            group(&s, "L1", &["L1", "M3", "M4"], &["T02"], &["W1", "W2"]),
        ];
        let e = errors(&s, &g);
        let rules: Vec<&str> = e.iter().map(|x| x.rule()).collect();
        let mut sorted = rules.clone();
        sorted.sort_by_key(|r| r.trim_start_matches('H').parse::<u32>().unwrap_or(0));
        assert_eq!(rules, sorted);
        for want in [
            "groups", "H1", "H2", "H3", "H4", "H5", "H6", "H7", "H8", "H9", "H10", "H11",
        ] {
            assert!(rules.contains(&want), "no {want} in {rules:?}");
        }
        let text = crate::report::violation::lines(&crate::report::i18n::Words::json(), &s, &e);
        assert_eq!(text.lines().count(), e.len());
        assert!(text.contains("H7     黄丽 (N2) in group 1 is unavailable 2027-05-15..2027-06-01, during the round."), "{text}");
        // The same facts in Chinese: one line each, no English sentence.
        let zh = crate::report::violation::lines(
            &crate::report::i18n::Words::new(crate::report::i18n::Lang::Zh),
            &s,
            &e,
        );
        assert_eq!(zh.lines().count(), e.len());
        assert!(
            zh.contains(
                "H7     第1巡察组的黄丽（N2）2027-05-15 至 2027-06-01 不可参加，与本轮时间重叠。"
            ),
            "{zh}"
        );
        for word in [" group ", " in ", " the ", " has "] {
            assert!(!zh.contains(word), "`{word}` in:\n{zh}");
        }
    }

    #[test]
    fn tiny_scenario() {
        // scenarios/tiny.yaml as written cannot be staffed: P07 is away and
        // P08 untrained, so P01–P06 all serve; P04 conflicts with T01 (R4,
        // spouse at 西坪村) and D01 (R1), so P04's group holds T02 alone, and
        // the other group holds T01 and D01, which neither leader may lead
        // (P01 works at D01; P02 has L1 at T01). Without D01 the roster is
        // forced: P03 (agriculture) takes T01, P05 (works at T02) joins him.
        let s = parse(include_str!("../scenarios/tiny.yaml"), "tiny.yaml")
            .unwrap_or_else(|e| panic!("{e}"));
        let g = vec![
            group(
                &s,
                "P01",
                &["P01", "P03", "P05"],
                &["T01"],
                &["T01-V01", "T01-V02"],
            ),
            group(
                &s,
                "P02",
                &["P02", "P04", "P06"],
                &["T02"],
                &["T02-V01", "T02-V02"],
            ),
        ];
        let mut r = round(&s);
        r.units.retain(|x| *x != u(&s, "D01"));
        let b = check(&s, &r, &g).unwrap_or_else(|v| {
            panic!(
                "{}",
                crate::report::violation::lines(&crate::report::i18n::Words::json(), &s, &v)
            )
        });
        // Both groups repeat 2026-R2's groups: 3 + 3 pairs; P01 P03 P05 saw T01.
        assert_eq!(
            b.objective,
            Objective {
                total: 10 * 3 + 2 * 6 + 6 + (3 - 2),
                repeat_unit: 3,
                repeat_pair: 6,
                workload: 6,
                balance: 1,
                reserve: 0,
            }
        );
        // With D01 back, giving it to the second group breaks exactly one rule.
        let mut g2 = g.clone();
        g2[1].units.push(u(&s, "D01"));
        assert_eq!(
            errors(&s, &g2),
            vec![Violation::Conflict {
                group: 1,
                person: p(&s, "P04"),
                unit: u(&s, "D01"),
                rule: Rule::R1,
                as_leader: false,
                evidence: Evidence::WorksAt {
                    place: Place::Unit(u(&s, "D01"))
                },
            }]
        );
    }
}
