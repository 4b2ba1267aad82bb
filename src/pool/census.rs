//! The pool as of a date (`xuncha pool report`, docs/pool.md): its
//! composition by category, skill and work unit; who has not served for a
//! number of rounds; who is due to leave; reserve cadres and whether they
//! have served in the term; appraisals; who is out of rotation for the
//! round. Facts only: `report::pool` lays them out.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::{Appraisal, Category, Grade, Out};
use crate::ids::{PersonIx, SkillIx, UnitIx};
use crate::scenario::Scenario;

/// Members of one category (`None`: not given).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CategoryCount {
    pub category: Option<Category>,
    pub members: usize,
    pub leaders: usize,
    pub reserve: usize,
    pub retired: usize,
}

/// Members holding one skill.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SkillCount {
    pub skill: SkillIx,
    pub members: usize,
    pub leaders: usize,
}

/// Members working at one unit (`None`: no work unit recorded); a village
/// counts as its township.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitCount {
    pub unit: Option<UnitIx>,
    pub members: usize,
}

/// A member's service so far.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Service {
    pub person: PersonIx,
    /// History rounds served in (started before `as_of`).
    pub rounds: usize,
    /// Index into `Scenario::history` of the last one.
    pub last: Option<usize>,
    /// Rounds started since then (when never served: since they joined,
    /// or all of them when the joining date is not recorded).
    pub rounds_since: usize,
    /// Rounds served that started on or after the term's start.
    pub in_term: usize,
}

/// A member due to leave the pool (`pool_until`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Leaving {
    pub person: PersonIx,
    pub until: NaiveDate,
    /// The date has passed but the member is still `pool: true`.
    pub overdue: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Census<'a> {
    pub as_of: NaiveDate,
    pub pool: usize,
    pub by_category: Vec<CategoryCount>,
    pub by_skill: Vec<SkillCount>,
    pub by_unit: Vec<UnitCount>,
    /// Every pool member's service, in file order.
    pub members: Vec<Service>,
    /// `--idle N`: members who have not served for at least N rounds.
    pub idle_rounds: usize,
    pub idle: Vec<Service>,
    pub leaving: Vec<Leaving>,
    /// Reserve cadres with their service (the term's count matters).
    pub reserve: Vec<Service>,
    /// Appraisals of pool members, in file order.
    pub appraisals: Vec<&'a Appraisal>,
    /// Grade → count over `appraisals`.
    pub grades: Vec<(Grade, usize)>,
    /// For the scenario's round, when it starts on or after `as_of`: the
    /// members out of rotation and why.
    pub out_of_rotation: Vec<(PersonIx, Vec<Out>)>,
    /// Recorded 入库/出库 of anyone, newest first: (person, change index).
    pub changes: Vec<(PersonIx, usize)>,
}

impl<'a> Census<'a> {
    pub fn build(s: &'a Scenario, as_of: NaiveDate, idle_rounds: usize) -> Self {
        let pool: Vec<PersonIx> = s.pool().collect();
        let history: Vec<usize> = (0..s.history.len())
            .filter(|&h| s.history[h].start < as_of)
            .collect();
        let term_start = s.term.as_ref().map(|t| t.start);
        let service = |p: PersonIx| {
            let served: Vec<usize> = history
                .iter()
                .copied()
                .filter(|&h| s.history[h].groups.iter().any(|g| g.members.contains(&p)))
                .collect();
            let last = served
                .iter()
                .copied()
                .max_by_key(|&h| (s.history[h].start, h));
            let rounds_since = match last {
                Some(l) => history
                    .iter()
                    .filter(|&&h| s.history[h].start > s.history[l].start)
                    .count(),
                // Never served: the rounds since they joined, when known.
                None => {
                    let joined = super::joined(s, p);
                    history
                        .iter()
                        .filter(|&&h| joined.is_none_or(|j| s.history[h].start >= j))
                        .count()
                }
            };
            Service {
                person: p,
                rounds: served.len(),
                last,
                rounds_since,
                in_term: served
                    .iter()
                    .filter(|&&h| term_start.is_none_or(|t| s.history[h].start >= t))
                    .count(),
            }
        };

        let mut by_category = Vec::new();
        for c in Category::ALL.map(Some).into_iter().chain([None]) {
            let of: Vec<&crate::scenario::Person> = pool
                .iter()
                .map(|&p| s.person(p))
                .filter(|p| p.category == c)
                .collect();
            if of.is_empty() && c.is_none() {
                continue;
            }
            by_category.push(CategoryCount {
                category: c,
                members: of.len(),
                leaders: of.iter().filter(|p| p.leader).count(),
                reserve: of.iter().filter(|p| p.reserve).count(),
                retired: of.iter().filter(|p| p.retired).count(),
            });
        }
        let by_skill = (0..s.skills.len() as u32)
            .map(SkillIx)
            .map(|k| SkillCount {
                skill: k,
                members: pool.iter().filter(|&&p| s.person(p).has_skill(k)).count(),
                leaders: pool
                    .iter()
                    .filter(|&&p| s.person(p).has_skill(k) && s.person(p).leader)
                    .count(),
            })
            .collect();
        let mut units: BTreeMap<Option<UnitIx>, usize> = BTreeMap::new();
        for &p in &pool {
            *units
                .entry(s.person(p).unit.map(|pl| s.unit_of(pl)))
                .or_default() += 1;
        }
        // Units by head count, then file order; no unit last.
        let mut by_unit: Vec<UnitCount> = units
            .into_iter()
            .map(|(unit, members)| UnitCount { unit, members })
            .collect();
        by_unit.sort_by_key(|c| (c.unit.is_none(), std::cmp::Reverse(c.members), c.unit));

        let members: Vec<Service> = pool.iter().map(|&p| service(p)).collect();
        let mut idle: Vec<Service> = members
            .iter()
            .filter(|sv| idle_rounds > 0 && sv.rounds_since >= idle_rounds)
            .cloned()
            .collect();
        idle.sort_by_key(|sv| (std::cmp::Reverse(sv.rounds_since), sv.person));

        let mut leaving: Vec<Leaving> = pool
            .iter()
            .filter_map(|&p| {
                s.person(p).pool_until.map(|until| Leaving {
                    person: p,
                    until,
                    overdue: until < as_of,
                })
            })
            .collect();
        leaving.sort_by_key(|l| (l.until, l.person));

        let reserve = members
            .iter()
            .filter(|sv| s.person(sv.person).reserve)
            .cloned()
            .collect();

        let appraisals: Vec<&Appraisal> = s
            .appraisals
            .iter()
            .filter(|a| s.person(a.person).pool)
            .collect();
        let grades = Grade::ALL
            .into_iter()
            .map(|g| (g, appraisals.iter().filter(|a| a.grade == g).count()))
            .filter(|(_, n)| *n > 0)
            .collect();

        let out_of_rotation = match &s.round {
            Some(r) if r.start >= as_of && s.committed.is_none() => pool
                .iter()
                .filter_map(|&p| {
                    let outs = super::out_of_rotation(s, p, r.dates());
                    (!outs.is_empty()).then_some((p, outs))
                })
                .collect(),
            _ => Vec::new(),
        };

        let mut changes: Vec<(PersonIx, usize)> = s
            .person_ixs()
            .flat_map(|p| (0..s.person(p).pool_changes.len()).map(move |i| (p, i)))
            .collect();
        changes.sort_by_key(|&(p, i)| (std::cmp::Reverse(s.person(p).pool_changes[i].date), p, i));

        Census {
            as_of,
            pool: pool.len(),
            by_category,
            by_skill,
            by_unit,
            members,
            idle_rounds,
            idle,
            leaving,
            reserve,
            appraisals,
            grades,
            out_of_rotation,
            changes,
        }
    }
}
