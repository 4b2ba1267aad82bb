//! Raw file → validated [`Scenario`], collecting every problem rather than
//! stopping at the first.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;

use super::ledgers::Included;
use super::raw::*;
use super::*;
use crate::error::{excerpt, known_list, Fact, IdKind, Period, Range, RangeUnit, Wanted};
use crate::training::ledger::{hours_in_range, MAX_RECORD_HOURS};

/// A period that ends before it starts (a round, a history round, the term).
fn dates(start: NaiveDate, end: NaiveDate) -> Fact {
    Fact::EndsBeforeStart {
        what: Period::Dates,
        start: start.to_string(),
        end: end.to_string(),
    }
}

/// Upper bound on `kin_depth`: beyond it the relation graph reaches half a county.
pub const MAX_KIN_DEPTH: i64 = 6;

struct Ctx<'a> {
    locations: &'a Locations,
    problems: Vec<Problem>,
}

impl Ctx<'_> {
    /// The line of the YAML value at `path`; none for a value a workbook gave.
    fn span(&self, path: &str) -> Option<Span> {
        let steps = locate::path(path);
        match self.locations.origin(&steps) {
            Some(_) => None,
            None => self.locations.find(&steps),
        }
    }
    /// Place `p` at the value at `path`: its YAML line, or the workbook
    /// cell (`file!sheet!cell`) it came from.
    fn place(&self, path: &str, p: Problem) -> Problem {
        let steps = locate::path(path);
        match self.locations.origin(&steps) {
            Some(cell) => p.in_file(cell),
            None => p.at(self.locations.find(&steps)),
        }
    }
    fn push(
        &mut self,
        path: &str,
        subject: impl Into<String>,
        message: impl Into<String>,
        fact: Fact,
    ) {
        let p = self.place(path, Problem::new(message).about(subject).fact(fact));
        self.problems.push(p);
    }
    fn push_fact(
        &mut self,
        path: &str,
        subject: impl Into<String>,
        message: impl Into<String>,
        hint: impl Into<String>,
        fact: Fact,
    ) {
        let p = self.place(
            path,
            Problem::new(message).about(subject).hint(hint).fact(fact),
        );
        self.problems.push(p);
    }
}

pub(super) fn validate(
    raw: RawScenario,
    locations: &Locations,
    included: Included,
) -> Result<Scenario, Vec<Problem>> {
    let mut cx = Ctx {
        locations,
        problems: Vec::new(),
    };
    let Included {
        ledgers,
        records: included_records,
        problems: included_problems,
    } = included;
    cx.problems.extend(included_problems);
    if raw.version != 1 {
        cx.push_fact(
            "version",
            "version",
            format!("unsupported format version {}", raw.version),
            "this xuncha reads version 1",
            Fact::UnsupportedVersion {
                version: raw.version,
            },
        );
    }

    dates_in_range(&raw, &mut cx);

    // Skills.
    let mut skill_ix: HashMap<&str, SkillIx> = HashMap::new();
    for (i, s) in raw.skills.iter().enumerate() {
        if s.trim().is_empty() {
            let p = cx.place(
                &format!("skills[{i}]"),
                Problem::new("empty skill name")
                    .about("skills")
                    .fact(Fact::EmptySkill),
            );
            cx.problems.push(p);
        } else if skill_ix.insert(s.as_str(), SkillIx(i as u32)).is_some() {
            let p = cx.place(
                &format!("skills[{i}]"),
                Problem::new(format!("skill \"{s}\" is listed twice"))
                    .about("skills")
                    .fact(Fact::SkillTwice { name: s.clone() }),
            );
            cx.problems.push(p);
        }
    }
    let known_skills = known_list(raw.skills.iter().map(String::as_str));
    let skill = |cx: &mut Ctx, name: &str, path: &str, subject: &str| -> Option<SkillIx> {
        match skill_ix.get(name) {
            Some(&s) => Some(s),
            None => {
                cx.push_fact(
                    path,
                    subject,
                    format!("unknown skill \"{name}\""),
                    known_skills.clone(),
                    Fact::UnknownSkill {
                        name: name.to_string(),
                        known: distinct(raw.skills.iter()),
                    },
                );
                None
            }
        }
    };

    // Ids: unique across units, villages and people.
    let mut ids: HashMap<String, Entity> = HashMap::new();
    let mut first_seen: HashMap<String, IdKind> = HashMap::new();
    let mut claim = |cx: &mut Ctx, id: &str, entity: Entity, path: &str| {
        let kind = match entity {
            Entity::Unit(_) => IdKind::Unit,
            Entity::Village(_) => IdKind::Village,
            Entity::Person(_) => IdKind::Person,
        };
        let what = kind.code();
        if id.trim().is_empty() {
            let p = cx.place(
                path,
                Problem::new("empty id").about(what).fact(Fact::EmptyId),
            );
            cx.problems.push(p);
            return;
        }
        if let Some(&prev) = first_seen.get(id) {
            cx.push_fact(
                path,
                format!("{what} {id}"),
                "duplicate id",
                format!(
                    "already used by {}; ids must be unique across units, villages and people",
                    prev.code()
                ),
                Fact::DuplicateId {
                    id: id.to_string(),
                    first: prev,
                },
            );
            return;
        }
        first_seen.insert(id.to_string(), kind);
        ids.insert(id.to_string(), entity);
    };
    let mut village_count = 0u32;
    for (i, u) in raw.units.iter().enumerate() {
        claim(
            &mut cx,
            &u.id,
            Entity::Unit(UnitIx(i as u32)),
            &format!("units[{i}].id"),
        );
        for (j, v) in u.villages.iter().enumerate() {
            claim(
                &mut cx,
                &v.id,
                Entity::Village(VillageIx(village_count)),
                &format!("units[{i}].villages[{j}].id"),
            );
            village_count += 1;
        }
    }
    for (i, p) in raw.people.iter().enumerate() {
        claim(
            &mut cx,
            &p.id,
            Entity::Person(PersonIx(i as u32)),
            &format!("people[{i}].id"),
        );
    }

    let unit_ids: Vec<&str> = raw.units.iter().map(|u| u.id.as_str()).collect();
    let place_ids: Vec<&str> = raw
        .units
        .iter()
        .flat_map(|u| {
            std::iter::once(u.id.as_str()).chain(u.villages.iter().map(|v| v.id.as_str()))
        })
        .collect();
    let known_units = known_list(unit_ids.iter().copied());
    let resolve_place =
        |cx: &mut Ctx, id: &str, path: &str, subject: &str, field: &'static str| -> Option<Place> {
            match ids.get(id) {
                Some(Entity::Unit(u)) => Some(Place::Unit(*u)),
                Some(Entity::Village(v)) => Some(Place::Village(*v)),
                Some(Entity::Person(_)) => {
                    let p = cx.place(
                        path,
                        Problem::new(format!(
                            "{field} \"{id}\" is a person, not a unit or village"
                        ))
                        .about(subject)
                        .fact(Fact::WrongKind {
                            id: id.to_string(),
                            is: IdKind::Person,
                            wanted: Wanted::Place(field),
                        }),
                    );
                    cx.problems.push(p);
                    None
                }
                None => {
                    cx.push_fact(
                        path,
                        subject,
                        format!("unknown {field} \"{id}\""),
                        format!("a unit or village id; {known_units}"),
                        Fact::UnknownId {
                            id: id.to_string(),
                            wanted: Wanted::Place(field),
                            nearest: nearest(id, place_ids.iter().copied()).map(str::to_string),
                            known: distinct(unit_ids.iter()),
                        },
                    );
                    None
                }
            }
        };
    let resolve_unit = |cx: &mut Ctx, id: &str, path: &str, subject: &str| -> Option<UnitIx> {
        match ids.get(id) {
            Some(Entity::Unit(u)) => Some(*u),
            Some(Entity::Village(_)) => {
                cx.push_fact(
                    path,
                    subject,
                    format!("\"{id}\" is a village, not a unit"),
                    "name its township",
                    Fact::WrongKind {
                        id: id.to_string(),
                        is: IdKind::Village,
                        wanted: Wanted::Unit,
                    },
                );
                None
            }
            Some(Entity::Person(_)) => {
                let p = cx.place(
                    path,
                    Problem::new(format!("\"{id}\" is a person, not a unit"))
                        .about(subject)
                        .fact(Fact::WrongKind {
                            id: id.to_string(),
                            is: IdKind::Person,
                            wanted: Wanted::Unit,
                        }),
                );
                cx.problems.push(p);
                None
            }
            None => {
                cx.push_fact(
                    path,
                    subject,
                    format!("unknown unit \"{id}\""),
                    known_units.clone(),
                    Fact::UnknownId {
                        id: id.to_string(),
                        wanted: Wanted::Unit,
                        nearest: nearest(id, unit_ids.iter().copied()).map(str::to_string),
                        known: distinct(unit_ids.iter()),
                    },
                );
                None
            }
        }
    };
    let person_ids: Vec<&str> = raw.people.iter().map(|p| p.id.as_str()).collect();
    let resolve_person = |cx: &mut Ctx, id: &str, path: &str, subject: &str| -> Option<PersonIx> {
        match ids.get(id) {
            Some(Entity::Person(p)) => Some(*p),
            Some(other) => {
                let is = match other {
                    Entity::Village(_) => IdKind::Village,
                    _ => IdKind::Unit,
                };
                let p = cx.place(
                    path,
                    Problem::new(format!("\"{id}\" is a unit or village, not a person"))
                        .about(subject)
                        .fact(Fact::WrongKind {
                            id: id.to_string(),
                            is,
                            wanted: Wanted::Person,
                        }),
                );
                cx.problems.push(p);
                None
            }
            None => {
                cx.push_fact(
                    path,
                    subject,
                    format!("unknown person \"{id}\""),
                    known_list(person_ids.iter().copied()),
                    Fact::UnknownId {
                        id: id.to_string(),
                        wanted: Wanted::Person,
                        nearest: nearest(id, person_ids.iter().copied()).map(str::to_string),
                        known: distinct(person_ids.iter()),
                    },
                );
                None
            }
        }
    };

    // Units and villages.
    let mut units = Vec::with_capacity(raw.units.len());
    let mut villages = Vec::new();
    for (i, u) in raw.units.iter().enumerate() {
        let subject = format!("unit {}", u.id);
        let weight = u.weight.unwrap_or(1);
        if weight < 1 || weight > u32::MAX as i64 {
            cx.push_fact(
                &format!("units[{i}].weight"),
                &subject,
                format!("weight {weight} out of range"),
                "an integer >= 1",
                Fact::OutOfRange {
                    field: "weight".into(),
                    value: weight.to_string(),
                    range: Range::at_least(1),
                },
            );
        }
        let requires = u
            .requires
            .iter()
            .enumerate()
            .filter_map(|(j, s)| skill(&mut cx, s, &format!("units[{i}].requires[{j}]"), &subject))
            .collect();
        let kind = match u.kind {
            RawUnitKind::Township => UnitKind::Township,
            RawUnitKind::Department => UnitKind::Department,
        };
        if kind == UnitKind::Department && !u.villages.is_empty() {
            cx.push_fact(
                &format!("units[{i}].villages"),
                &subject,
                "a department has villages",
                "only townships have villages; make it `kind: township` or move the villages",
                Fact::VillagesOfDepartment,
            );
        }
        let mut own = Vec::new();
        for (j, v) in u.villages.iter().enumerate() {
            let complaints = v.complaints.unwrap_or(0);
            if complaints < 0 || complaints > u32::MAX as i64 {
                cx.push_fact(
                    &format!("units[{i}].villages[{j}].complaints"),
                    format!("village {}", v.id),
                    format!("complaints {complaints} out of range"),
                    "an integer >= 0",
                    Fact::OutOfRange {
                        field: "complaints".into(),
                        value: complaints.to_string(),
                        range: Range::at_least(0),
                    },
                );
            }
            let mut tags = v.tags.clone();
            tags.sort();
            tags.dedup();
            own.push(VillageIx(villages.len() as u32));
            villages.push(Village {
                id: v.id.clone(),
                name: v.name.clone(),
                township: UnitIx(i as u32),
                tags,
                complaints: complaints.clamp(0, u32::MAX as i64) as u32,
            });
        }
        units.push(Unit {
            id: u.id.clone(),
            name: u.name.clone(),
            kind,
            weight: weight.clamp(1, u32::MAX as i64) as u32,
            requires,
            villages: own,
        });
    }

    // Aliases (for `import lrmx`) name a unit or village by id, or by a name
    // only one of them has; a key that names nothing would silently match
    // nothing.
    for key in raw.aliases.keys() {
        let by_id = units.iter().any(|u| u.id == *key) || villages.iter().any(|v| v.id == *key);
        let by_name = units.iter().filter(|u| u.name == *key).count()
            + villages.iter().filter(|v| v.name == *key).count();
        if by_id || by_name == 1 {
            continue;
        }
        let names = units
            .iter()
            .map(|u| u.id.as_str())
            .chain(villages.iter().map(|v| v.id.as_str()))
            .chain(units.iter().map(|u| u.name.as_str()))
            .chain(villages.iter().map(|v| v.name.as_str()));
        let near = if by_name == 0 {
            nearest(key, names).map(str::to_string)
        } else {
            None
        };
        let hint = match (by_name, &near) {
            (0, Some(n)) => {
                format!("did you mean `{n}`? the key is a unit's or village's id or name")
            }
            (0, None) => "the key is a unit's or village's id or name".to_string(),
            _ => "several units or villages have that name: use the id".to_string(),
        };
        let message = if by_name == 0 {
            format!("alias key \"{}\" is no unit or village", excerpt(key))
        } else {
            format!(
                "alias key \"{}\" names several units or villages",
                excerpt(key)
            )
        };
        let fact = Fact::AliasKey {
            key: excerpt(key),
            nearest: near,
            several: by_name > 0,
        };
        cx.push_fact(&format!("aliases.{key}"), "aliases", message, hint, fact);
    }

    // People.
    let mut people = Vec::with_capacity(raw.people.len());
    for (i, p) in raw.people.iter().enumerate() {
        let subject = format!("person {}", p.id);
        let unit = p.unit.as_deref().and_then(|id| {
            resolve_place(&mut cx, id, &format!("people[{i}].unit"), &subject, "unit")
        });
        let hometown = p.hometown.as_deref().and_then(|id| {
            resolve_place(
                &mut cx,
                id,
                &format!("people[{i}].hometown"),
                &subject,
                "hometown",
            )
        });
        let mut skills: Vec<SkillIx> = p
            .skills
            .iter()
            .enumerate()
            .filter_map(|(j, s)| skill(&mut cx, s, &format!("people[{i}].skills[{j}]"), &subject))
            .collect();
        skills.sort();
        skills.dedup();
        if p.pool && p.skills.is_empty() {
            cx.push_fact(
                &format!("people[{i}]"),
                &subject,
                "pool member without skills",
                format!("give them at least one skill ({known_skills}) or set `pool: false`"),
                Fact::PoolWithoutSkills {
                    known: distinct(raw.skills.iter()),
                },
            );
        }
        if !p.pool && (p.leader || p.retired) {
            // Harmless but suspicious: leaders outside the pool are never drawn.
        }
        let mut unavailable = Vec::new();
        for (j, r) in p.unavailable.iter().enumerate() {
            if r.to < r.from {
                cx.push(
                    &format!("people[{i}].unavailable[{j}]"),
                    &subject,
                    format!(
                        "unavailable range ends ({}) before it starts ({})",
                        r.to, r.from
                    ),
                    Fact::EndsBeforeStart {
                        what: Period::Unavailable,
                        start: r.from.to_string(),
                        end: r.to.to_string(),
                    },
                );
            }
            unavailable.push(DateRange {
                from: r.from,
                to: r.to,
            });
        }
        let mut postings = Vec::new();
        for (j, post) in p.postings.iter().enumerate() {
            let path = format!("people[{i}].postings[{j}]");
            if let Some(to) = post.to {
                if to < post.from {
                    cx.push(
                        &path,
                        &subject,
                        format!(
                            "posting at {} ends ({to}) before it starts ({})",
                            post.unit, post.from
                        ),
                        Fact::EndsBeforeStart {
                            what: Period::Posting(excerpt(&post.unit)),
                            start: post.from.to_string(),
                            end: to.to_string(),
                        },
                    );
                }
            }
            if let Some(place) = resolve_place(
                &mut cx,
                &post.unit,
                &format!("{path}.unit"),
                &subject,
                "posting unit",
            ) {
                postings.push(Posting {
                    place,
                    from: post.from,
                    to: post.to,
                });
            }
        }
        people.push(Person {
            id: p.id.clone(),
            name: p.name.clone(),
            pool: p.pool,
            unit,
            hometown,
            skills,
            leader: p.leader,
            retired: p.retired,
            unavailable,
            postings,
            pool_since: p.pool_since,
            pool_until: p.pool_until,
            pool_changes: p
                .pool_changes
                .iter()
                .map(|c| crate::pool::PoolChange {
                    date: c.date,
                    joined: c.pool,
                    reason: c.reason.clone(),
                })
                .collect(),
            category: p.category.map(crate::pool::Category::from),
            reserve: p.reserve,
        });
    }

    // Relations: a kind is one the policy walks, a built-in one, or one
    // listed as recorded only; a Chinese label reads as its code.
    let known_kinds: Vec<String> = {
        let policy = raw.recusal.as_ref();
        let lists = policy
            .into_iter()
            .flat_map(|rr| [&rr.kin, &rr.leader_ties, &rr.other_kinds])
            .flatten()
            .flatten()
            .map(|k| relation_kind(k));
        let mut all: Vec<String> = crate::vocab::BUILTIN_RELATION_KINDS
            .iter()
            .map(|k| k.to_string())
            .chain(lists)
            .filter(|k| !k.is_empty())
            .collect();
        let mut seen = HashSet::new();
        all.retain(|k| seen.insert(k.clone()));
        all
    };
    let mut relations = Vec::new();
    for (i, r) in raw.relations.iter().enumerate() {
        let subject = format!("relation {}–{}", r.a, r.b);
        let a = resolve_person(&mut cx, &r.a, &format!("relations[{i}].a"), &subject);
        let b = resolve_person(&mut cx, &r.b, &format!("relations[{i}].b"), &subject);
        let kind = if r.kind.trim().is_empty() {
            cx.push(
                &format!("relations[{i}].kind"),
                &subject,
                "empty relation kind",
                Fact::Empty { field: "kind" },
            );
            None
        } else {
            let kind = relation_kind(&r.kind);
            if !known_kinds.contains(&kind) {
                let known = known_list(known_kinds.iter().map(String::as_str));
                let own = "a kind of your own goes in recusal.other_kinds (recorded, never walked) or recusal.kin";
                let near = nearest(&kind, known_kinds.iter().map(String::as_str));
                let fact = Fact::UnknownRelationKind {
                    kind: r.kind.clone(),
                    nearest: near.map(str::to_string),
                    known: known_kinds.clone(),
                };
                let hint = match near {
                    Some(near) => format!("did you mean {near}? {known}; {own}"),
                    None => format!("{known}; {own}"),
                };
                cx.push_fact(
                    &format!("relations[{i}].kind"),
                    &subject,
                    format!("unknown relation kind \"{}\"", r.kind),
                    hint,
                    fact,
                );
                None
            } else {
                Some(kind)
            }
        };
        if let (Some(a), Some(b), Some(kind)) = (a, b, kind) {
            if a == b {
                cx.push(
                    &format!("relations[{i}]"),
                    &subject,
                    "a person related to themself",
                    Fact::WithThemself { apart: false },
                );
            } else {
                relations.push(Relation { a, b, kind });
            }
        }
    }

    // Recusal policy.
    let mut recusal = RecusalPolicy::default();
    if let Some(rr) = &raw.recusal {
        if let Some(kin) = &rr.kin {
            recusal.kin = kin.iter().map(|k| relation_kind(k)).collect();
        }
        if let Some(d) = rr.kin_depth {
            if !(0..=MAX_KIN_DEPTH).contains(&d) {
                cx.push_fact(
                    "recusal.kin_depth",
                    "recusal",
                    format!("kin_depth {d} out of range"),
                    format!("0 to {MAX_KIN_DEPTH}"),
                    Fact::OutOfRange {
                        field: "kin_depth".into(),
                        value: d.to_string(),
                        range: Range::integer(0, MAX_KIN_DEPTH),
                    },
                );
            } else {
                recusal.kin_depth = d as u32;
            }
        }
        if let Some(t) = &rr.leader_ties {
            recusal.leader_ties = t.iter().map(|k| relation_kind(k)).collect();
        }
        for (field, value, slot) in [
            (
                "former_posting_years",
                rr.former_posting_years,
                &mut recusal.former_posting_years,
            ),
            (
                "long_posting_years",
                rr.long_posting_years,
                &mut recusal.long_posting_years,
            ),
        ] {
            if let Some(y) = value {
                if !(0..=100).contains(&y) {
                    cx.push_fact(
                        &format!("recusal.{field}"),
                        "recusal",
                        format!("{field} {y} out of range"),
                        "0 to 100 years",
                        Fact::OutOfRange {
                            field: field.into(),
                            value: y.to_string(),
                            range: Range::of(0, 100, RangeUnit::Years),
                        },
                    );
                } else {
                    *slot = y as u32;
                }
            }
        }
        if let Some(h) = rr.hometown {
            recusal.hometown = h;
        }
        for (list, name, entries) in [
            ("declared", "declared", &rr.declared),
            ("waived", "waived", &rr.waived),
        ] {
            for (i, d) in entries.iter().enumerate() {
                let path = format!("recusal.{list}[{i}]");
                let subject = format!("{name} entry {} / {}", d.person, d.unit);
                let person =
                    resolve_person(&mut cx, &d.person, &format!("{path}.person"), &subject);
                let unit = resolve_unit(&mut cx, &d.unit, &format!("{path}.unit"), &subject);
                let reason = d.reason.clone().unwrap_or_default();
                if name == "waived" && reason.trim().is_empty() {
                    cx.push_fact(
                        &path,
                        &subject,
                        "a waiver without a reason",
                        "add `reason:` saying why the conflict was dismissed",
                        Fact::WaiverWithoutReason,
                    );
                }
                if let (Some(person), Some(unit)) = (person, unit) {
                    let st = Statement {
                        person,
                        unit,
                        reason,
                    };
                    if name == "waived" {
                        recusal.waived.push(st);
                    } else {
                        recusal.declared.push(st);
                    }
                }
            }
        }
        for (i, pair) in rr.apart.iter().enumerate() {
            let path = format!("recusal.apart[{i}]");
            if pair.len() != 2 {
                cx.push_fact(
                    &path,
                    "recusal",
                    format!(
                        "an `apart` entry lists {} {}",
                        pair.len(),
                        if pair.len() == 1 { "person" } else { "people" }
                    ),
                    "write each pair as [P010, P011]",
                    Fact::ApartNotPair { n: pair.len() },
                );
                continue;
            }
            let subject = format!("apart pair {} / {}", pair[0], pair[1]);
            let a = resolve_person(&mut cx, &pair[0], &format!("{path}[0]"), &subject);
            let b = resolve_person(&mut cx, &pair[1], &format!("{path}[1]"), &subject);
            if let (Some(a), Some(b)) = (a, b) {
                if a == b {
                    cx.push(
                        &path,
                        &subject,
                        "a person kept apart from themself",
                        Fact::WithThemself { apart: true },
                    );
                } else {
                    recusal.apart.push((a.min(b), a.max(b)));
                }
            }
        }
    }

    // Training.
    let mut training = Training::default();
    if let Some(rt) = &raw.training {
        if let Some(req) = &rt.requirement {
            let mut ok = true;
            let mut range = |field: &str, value: String, hint: &str, range: Range| {
                cx.push_fact(
                    &format!("training.requirement.{field}"),
                    "training requirement",
                    format!("{field} {value} out of range"),
                    hint,
                    Fact::OutOfRange {
                        field: field.into(),
                        value,
                        range,
                    },
                );
                ok = false;
            };
            if !req.hours.is_finite() || req.hours < 0.0 {
                range(
                    "hours",
                    req.hours.to_string(),
                    "a number >= 0",
                    Range {
                        min: 0,
                        max: None,
                        unit: RangeUnit::Number,
                    },
                );
            }
            if req.within_days < 1 || req.within_days > 36_500 {
                range(
                    "within_days",
                    req.within_days.to_string(),
                    "1 to 36500 days",
                    Range::of(1, 36_500, RangeUnit::Days),
                );
            }
            if let Some(m) = req.valid_months.filter(|m| !(1..=1200).contains(m)) {
                range(
                    "valid_months",
                    m.to_string(),
                    "1 to 1200 months",
                    Range::of(1, 1200, RangeUnit::Months),
                );
            }
            if let Some(d) = req.grace_days.filter(|d| !(0..=36_500).contains(d)) {
                range(
                    "grace_days",
                    d.to_string(),
                    "0 to 36500 days",
                    Range::of(0, 36_500, RangeUnit::Days),
                );
            }
            if req
                .leader_course
                .as_deref()
                .is_some_and(|c| c.trim().is_empty())
            {
                cx.push_fact(
                    "training.requirement.leader_course",
                    "training requirement",
                    "empty leader_course",
                    "name the course leaders must have taken, or remove the line",
                    Fact::Empty {
                        field: "leader_course",
                    },
                );
                ok = false;
            }
            if ok {
                training.requirement = Some(Requirement {
                    hours: req.hours,
                    within_days: req.within_days as u32,
                    valid_months: req.valid_months.map(|m| m as u32),
                    leader_course: req.leader_course.as_ref().map(|c| c.trim().to_string()),
                    grace_days: req.grace_days.map(|d| d as u32),
                });
            }
        }
        for (i, r) in rt.records.iter().enumerate() {
            let path = format!("training.records[{i}]");
            let subject = format!("training record of {}", r.person);
            if !hours_in_range(r.hours) {
                cx.push_fact(
                    &format!("{path}.hours"),
                    &subject,
                    format!("hours {} out of range", r.hours),
                    format!("a number from 0 to {MAX_RECORD_HOURS}"),
                    hours_fact(r.hours),
                );
                continue;
            }
            if r.course.trim().is_empty() {
                cx.push_fact(
                    &format!("{path}.course"),
                    &subject,
                    "empty course",
                    "name the course",
                    Fact::Empty { field: "course" },
                );
                continue;
            }
            if let Some(person) =
                resolve_person(&mut cx, &r.person, &format!("{path}.person"), &subject)
            {
                let line = cx.span(&path).map(|s| s.line);
                training.records.push(record(r, person, None, line));
            }
        }
    }
    for inc in &included_records {
        let r = &inc.raw;
        let subject = format!("training record of {}", r.person);
        let mut bad = |span: Option<Span>, message: String, hint: String, fact: Fact| {
            cx.problems.push(
                Problem::new(message)
                    .at(span)
                    .about(&subject)
                    .hint(hint)
                    .in_file(&inc.label)
                    .fact(fact),
            );
        };
        if !hours_in_range(r.hours) {
            cx.problems.push(
                Problem::new(format!("hours {} out of range", r.hours))
                    .at(inc.spans.hours)
                    .about(&subject)
                    .hint(format!("a number from 0 to {MAX_RECORD_HOURS}"))
                    .in_file(&inc.label)
                    .fact(hours_fact(r.hours)),
            );
            continue;
        }
        if !date_in_range(r.date) {
            cx.problems.push(
                Problem::new(format!("date {} out of range", r.date))
                    .at(inc.spans.date)
                    .about(&subject)
                    .hint(format!(
                        "dates run from {}-01-01 to {}-12-31; is the year a typo?",
                        YEARS.start(),
                        YEARS.end()
                    ))
                    .in_file(&inc.label)
                    .fact(date_fact(r.date)),
            );
            continue;
        }
        if r.course.trim().is_empty() {
            bad(
                inc.spans.course,
                "empty course".into(),
                "name the course".into(),
                Fact::Ledger(crate::error::LedgerFact::EmptyCourse),
            );
            continue;
        }
        match ids.get(&r.person) {
            Some(Entity::Person(p)) => {
                training
                    .records
                    .push(record(r, *p, Some(inc.ledger), inc.line));
            }
            Some(e) => bad(
                inc.spans.person,
                format!("\"{}\" is a unit or village, not a person", r.person),
                "name a person by id".into(),
                Fact::WrongKind {
                    id: excerpt(&r.person),
                    is: match e {
                        Entity::Village(_) => IdKind::Village,
                        _ => IdKind::Unit,
                    },
                    wanted: Wanted::Person,
                },
            ),
            None => bad(
                inc.spans.person,
                format!("unknown person \"{}\"", r.person),
                known_list(person_ids.iter().copied()),
                Fact::UnknownId {
                    id: excerpt(&r.person),
                    wanted: Wanted::Person,
                    nearest: nearest(&r.person, person_ids.iter().copied()).map(str::to_string),
                    known: person_ids.iter().map(|p| p.to_string()).collect(),
                },
            ),
        }
    }
    training.files = ledgers;

    // History.
    let mut history = Vec::new();
    let mut round_ids: HashSet<String> = HashSet::new();
    for (i, h) in raw.history.iter().enumerate() {
        let path = format!("history[{i}]");
        let subject = format!("history round {}", h.round);
        if !round_ids.insert(h.round.clone()) {
            cx.push(
                &format!("{path}.round"),
                &subject,
                "round id appears twice in history",
                Fact::RoundIdTwice { in_history: true },
            );
        }
        if h.end < h.start {
            cx.push(
                &format!("{path}.end"),
                &subject,
                format!("ends ({}) before it starts ({})", h.end, h.start),
                dates(h.start, h.end),
            );
        }
        let mut groups = Vec::new();
        for (g, group) in h.groups.iter().enumerate() {
            let gp = format!("{path}.groups[{g}]");
            if let Some(group) = resolve_group(
                &mut cx,
                group,
                &gp,
                &subject,
                &resolve_person,
                &resolve_unit,
                &ids,
            ) {
                groups.push(group);
            }
        }
        history.push(HistoryRound {
            id: h.round.clone(),
            start: h.start,
            end: h.end,
            groups,
        });
    }

    // Round rules, shared by `round` and the term's rounds.
    let round = raw.round.as_ref().and_then(|r| {
        let subject = format!("round {}", r.id);
        if r.id.trim().is_empty() {
            cx.push(
                "round.id",
                "round",
                "empty round id",
                Fact::Empty { field: "id" },
            );
        }
        if r.end < r.start {
            cx.push(
                "round.end",
                &subject,
                format!("ends ({}) before it starts ({})", r.end, r.start),
                dates(r.start, r.end),
            );
        }
        let rules = round_rules(
            &mut cx,
            "round",
            &subject,
            RuleFields {
                kind: Some(r.kind),
                groups: Some(r.groups),
                group_size: Some(r.group_size),
                max_units_per_group: r.max_units_per_group,
                villages_per_township: r.villages_per_township,
                required_skills: Some(&r.required_skills),
                max_retired_per_group: r.max_retired_per_group,
            },
            None,
            &|cx, name, path| skill(cx, name, path, &subject),
        );
        let mut seen = HashSet::new();
        let mut units = Vec::new();
        for (i, id) in r.units.iter().enumerate() {
            let path = format!("round.units[{i}]");
            if let Some(u) = resolve_unit(&mut cx, id, &path, &subject) {
                if seen.insert(u) {
                    units.push(u);
                } else {
                    cx.push(
                        &path,
                        &subject,
                        format!("unit {id} listed twice"),
                        Fact::UnitTwice { id: excerpt(id) },
                    );
                }
            }
        }
        if r.units.is_empty() {
            cx.push_fact(
                "round",
                &subject,
                "the round inspects no units",
                "list them under `units:`",
                Fact::NoUnits,
            );
        }
        rules.map(|rules| Round {
            id: r.id.clone(),
            start: r.start,
            end: r.end,
            rules,
            units,
        })
    });

    let term = raw.term.as_ref().map(|t| {
        if t.end < t.start {
            cx.push(
                "term.end",
                "term",
                format!("ends ({}) before it starts ({})", t.end, t.start),
                dates(t.start, t.end),
            );
        }
        let mut ids_seen: HashSet<String> = round_ids.clone();
        let mut done_seen: HashSet<String> = HashSet::new();
        if let Some(r) = &raw.round {
            ids_seen.insert(r.id.clone());
        }
        let mut rounds = Vec::new();
        for (i, tr) in t.rounds.iter().enumerate() {
            let path = format!("term.rounds[{i}]");
            let subject = format!("term round {}", tr.id);
            // A term round already in history, or now the round to plan,
            // is no longer to come (`xuncha round next`).
            if round_ids.contains(&tr.id) || raw.round.as_ref().is_some_and(|r| r.id == tr.id) {
                if !done_seen.insert(tr.id.clone()) {
                    cx.push(
                        &format!("{path}.id"),
                        &subject,
                        "round id already used",
                        Fact::RoundIdTwice { in_history: false },
                    );
                }
                continue;
            }
            if !ids_seen.insert(tr.id.clone()) {
                cx.push(
                    &format!("{path}.id"),
                    &subject,
                    "round id already used",
                    Fact::RoundIdTwice { in_history: false },
                );
            }
            let base = raw.round.as_ref();
            let start = tr.start.or(base.map(|b| b.start));
            let end = tr.end.or(base.map(|b| b.end));
            let (Some(start), Some(end)) = (start, end) else {
                cx.push_fact(
                    &path,
                    &subject,
                    "no start or end date",
                    "give `start:` and `end:` (there is no `round` to take them from)",
                    Fact::NoDates,
                );
                continue;
            };
            if end < start {
                cx.push(
                    &path,
                    &subject,
                    format!("ends ({end}) before it starts ({start})"),
                    dates(start, end),
                );
            }
            let fields = RuleFields {
                kind: tr.kind.or(base.map(|b| b.kind)),
                groups: tr.groups.or(base.map(|b| b.groups)),
                group_size: tr.group_size.or(base.map(|b| b.group_size)),
                max_units_per_group: tr
                    .max_units_per_group
                    .or(base.and_then(|b| b.max_units_per_group)),
                villages_per_township: tr
                    .villages_per_township
                    .or(base.and_then(|b| b.villages_per_township)),
                required_skills: tr
                    .required_skills
                    .as_deref()
                    .or(base.map(|b| b.required_skills.as_slice())),
                max_retired_per_group: tr
                    .max_retired_per_group
                    .or(base.and_then(|b| b.max_retired_per_group)),
            };
            if let Some(rules) =
                round_rules(&mut cx, &path, &subject, fields, None, &|cx, name, p| {
                    skill(cx, name, p, &subject)
                })
            {
                rounds.push(TermRound {
                    id: tr.id.clone(),
                    start,
                    end,
                    rules,
                });
            }
        }
        Term {
            start: t.start,
            end: t.end,
            rounds,
        }
    });

    let mut weights = Weights::default();
    if let Some(w) = &raw.weights {
        for (field, value, slot) in [
            ("repeat_unit", w.repeat_unit, &mut weights.repeat_unit),
            ("repeat_pair", w.repeat_pair, &mut weights.repeat_pair),
            ("workload", w.workload, &mut weights.workload),
            ("balance", w.balance, &mut weights.balance),
            ("reserve", w.reserve, &mut weights.reserve),
        ] {
            if let Some(v) = value {
                if !(0..=1_000_000).contains(&v) {
                    cx.push_fact(
                        &format!("weights.{field}"),
                        "weights",
                        format!("{field} {v} out of range"),
                        "an integer from 0 to 1000000",
                        Fact::OutOfRange {
                            field: field.into(),
                            value: v.to_string(),
                            range: Range::integer(0, 1_000_000),
                        },
                    );
                } else {
                    *slot = v as u32;
                }
            }
        }
    }

    // Appraisals (docs/pool.md): of a pool member, after a history round.
    let mut appraisals = Vec::new();
    for (i, a) in raw.appraisals.iter().enumerate() {
        let path = format!("appraisals[{i}]");
        let subject = format!("appraisal of {}", a.person);
        let person = resolve_person(&mut cx, &a.person, &format!("{path}.person"), &subject);
        let round = history.iter().position(|h: &HistoryRound| h.id == a.round);
        if round.is_none() {
            let known: Vec<&str> = history.iter().map(|h| h.id.as_str()).collect();
            cx.push_fact(
                &format!("{path}.round"),
                &subject,
                format!("round {} is not in history", a.round),
                "an appraisal is of a round in `history`",
                Fact::UnknownId {
                    id: excerpt(&a.round),
                    wanted: Wanted::Round,
                    nearest: nearest(&a.round, known.iter().copied()).map(str::to_string),
                    known: known.iter().map(|k| k.to_string()).collect(),
                },
            );
        }
        if let (Some(person), Some(round)) = (person, round) {
            appraisals.push(crate::pool::Appraisal {
                person,
                round,
                grade: a.grade.into(),
                note: a.note.clone().filter(|n| !n.trim().is_empty()),
            });
        }
    }
    let mut pool_policy = crate::pool::PoolPolicy::default();
    if let Some(v) = raw.pool_policy.as_ref().and_then(|p| p.unfit_out_rounds) {
        if (0..=100).contains(&v) {
            pool_policy.unfit_out_rounds = v as u32;
        } else {
            cx.push_fact(
                "pool_policy.unfit_out_rounds",
                "pool_policy",
                format!("unfit_out_rounds {v} out of range"),
                "an integer from 0 to 100",
                Fact::OutOfRange {
                    field: "unfit_out_rounds".into(),
                    value: v.to_string(),
                    range: Range::integer(0, 100),
                },
            );
        }
    }

    if !cx.problems.is_empty() {
        // Report in file order; problems without a position come last.
        // Problems of included ledger files come after the scenario's, by file.
        cx.problems.sort_by_key(|p| {
            (
                p.file.clone(),
                p.span
                    .map(|s| (s.line, s.column))
                    .unwrap_or((usize::MAX, 0)),
            )
        });
        return Err(cx.problems);
    }
    Ok(Scenario {
        name: raw.name,
        skills: raw.skills,
        units,
        villages,
        people,
        relations,
        recusal,
        training,
        committed: round
            .as_ref()
            .and_then(|r: &Round| history.iter().rposition(|h: &HistoryRound| h.id == r.id)),
        history,
        round,
        term,
        weights,
        appraisals,
        pool_policy,
        ids,
    })
}

/// A validated training record from its raw form.
fn record(
    r: &RawRecord,
    person: PersonIx,
    file: Option<usize>,
    line: Option<usize>,
) -> TrainingRecord {
    let result = r
        .result
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_string);
    TrainingRecord {
        person,
        course: r.course.trim().to_string(),
        date: r.date,
        hours: r.hours,
        kind: r.kind,
        passed: r
            .passed
            .unwrap_or_else(|| result.as_deref().is_none_or(crate::training::result_passes)),
        result,
        origin: Origin { file, line },
    }
}

type Resolve<'a, T> = dyn Fn(&mut Ctx, &str, &str, &str) -> Option<T> + 'a;

fn resolve_group(
    cx: &mut Ctx,
    g: &RawGroup,
    path: &str,
    subject: &str,
    resolve_person: &Resolve<'_, PersonIx>,
    resolve_unit: &Resolve<'_, UnitIx>,
    ids: &HashMap<String, Entity>,
) -> Option<Group> {
    let leader = resolve_person(cx, &g.leader, &format!("{path}.leader"), subject);
    let members: Vec<Option<PersonIx>> = g
        .members
        .iter()
        .enumerate()
        .map(|(i, m)| resolve_person(cx, m, &format!("{path}.members[{i}]"), subject))
        .collect();
    if !g.members.contains(&g.leader) {
        cx.push_fact(
            &format!("{path}.leader"),
            subject,
            format!("leader {} is not among the members", g.leader),
            "members include the leader",
            Fact::LeaderNotMember {
                leader: excerpt(&g.leader),
            },
        );
    }
    let units: Vec<Option<UnitIx>> = g
        .units
        .iter()
        .enumerate()
        .map(|(i, u)| resolve_unit(cx, u, &format!("{path}.units[{i}]"), subject))
        .collect();
    let mut villages = Vec::new();
    for (i, v) in g.villages.iter().enumerate() {
        match ids.get(v) {
            Some(Entity::Village(vx)) => villages.push(Some(*vx)),
            _ => {
                let mut known: Vec<&str> = ids
                    .iter()
                    .filter(|(_, e)| matches!(e, Entity::Village(_)))
                    .map(|(id, _)| id.as_str())
                    .collect();
                known.sort_unstable();
                cx.push_fact(
                    &format!("{path}.villages[{i}]"),
                    subject,
                    format!("unknown village \"{v}\""),
                    known_list(known.iter().copied()),
                    Fact::UnknownVillage {
                        id: excerpt(v),
                        known: known.iter().map(|k| k.to_string()).collect(),
                    },
                );
                villages.push(None);
            }
        }
    }
    let leader = leader?;
    let members: Option<Vec<_>> = members.into_iter().collect();
    let units: Option<Vec<_>> = units.into_iter().collect();
    let villages: Option<Vec<_>> = villages.into_iter().collect();
    Some(Group {
        leader,
        members: members?,
        units: units?,
        villages: villages?,
    })
}

struct RuleFields<'a> {
    kind: Option<RoundKind>,
    groups: Option<i64>,
    group_size: Option<RawSize>,
    max_units_per_group: Option<i64>,
    villages_per_township: Option<i64>,
    required_skills: Option<&'a [String]>,
    max_retired_per_group: Option<i64>,
}

fn round_rules(
    cx: &mut Ctx,
    path: &str,
    subject: &str,
    f: RuleFields<'_>,
    _unused: Option<()>,
    skill: &dyn Fn(&mut Ctx, &str, &str) -> Option<SkillIx>,
) -> Option<RoundRules> {
    let before = cx.problems.len();
    let count = |cx: &mut Ctx, field: &str, v: i64, min: i64| -> u32 {
        if v < min || v > 100_000 {
            cx.push_fact(
                &format!("{path}.{field}"),
                subject,
                format!("{field} {v} out of range"),
                format!("an integer from {min} to 100000"),
                Fact::OutOfRange {
                    field: field.into(),
                    value: v.to_string(),
                    range: Range::integer(min, 100_000),
                },
            );
            min.max(0) as u32
        } else {
            v as u32
        }
    };
    let groups = match f.groups {
        Some(g) => count(cx, "groups", g, 1),
        None => {
            cx.push_fact(
                path,
                subject,
                "no `groups`",
                "say how many groups the round has",
                Fact::Missing { field: "groups" },
            );
            1
        }
    };
    let (size_min, size_max) = match f.group_size {
        Some(s) => {
            let min = count(cx, "group_size.min", s.min, 1);
            let max = count(cx, "group_size.max", s.max, 1);
            if min > max {
                cx.push_fact(
                    &format!("{path}.group_size"),
                    subject,
                    format!("group_size min {min} is greater than max {max}"),
                    "swap them or raise max",
                    Fact::SizeMinAboveMax { min, max },
                );
            }
            (min, max)
        }
        None => {
            cx.push_fact(
                path,
                subject,
                "no `group_size`",
                "give {min: 4, max: 6} or similar",
                Fact::Missing {
                    field: "group_size",
                },
            );
            (1, 1)
        }
    };
    let max_units_per_group = count(
        cx,
        "max_units_per_group",
        f.max_units_per_group.unwrap_or(2),
        1,
    );
    let villages_per_township = count(
        cx,
        "villages_per_township",
        f.villages_per_township.unwrap_or(0),
        0,
    );
    let max_retired_per_group = f
        .max_retired_per_group
        .map(|v| count(cx, "max_retired_per_group", v, 0));
    let mut required_skills = Vec::new();
    for (i, s) in f.required_skills.unwrap_or(&[]).iter().enumerate() {
        if let Some(s) = skill(cx, s, &format!("{path}.required_skills[{i}]")) {
            if !required_skills.contains(&s) {
                required_skills.push(s);
            }
        }
    }
    required_skills.sort();
    if cx.problems.len() > before {
        return None;
    }
    Some(RoundRules {
        kind: f.kind.unwrap_or_default(),
        groups,
        size_min,
        size_max,
        max_units_per_group,
        villages_per_township,
        required_skills,
        max_retired_per_group,
    })
}

#[allow(dead_code)]
fn _date(_: NaiveDate) {}

/// A relation kind as the engine compares it: a built-in code or Chinese
/// label (配偶) as its code, anything else trimmed as written.
fn relation_kind(text: &str) -> String {
    crate::vocab::relation(text)
        .map(str::to_string)
        .unwrap_or_else(|| text.trim().to_string())
}

/// The known word nearest to `word` (a likely typo), if any is close:
/// at most a third of its letters differ.
pub(crate) fn nearest<'a>(word: &str, known: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let lower = word.to_lowercase();
    known
        .into_iter()
        .map(|k| (strsim::damerau_levenshtein(&lower, &k.to_lowercase()), k))
        .filter(|(d, k)| *d > 0 && *d * 3 <= k.chars().count().max(lower.chars().count()))
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}

/// Years a date in a scenario or ledger may have: a typo such as 9999
/// would otherwise make a term simulation generate records year by year.
pub const YEARS: std::ops::RangeInclusive<i32> = 1900..=2200;

/// Whether `d` lies in [`YEARS`].
pub fn date_in_range(d: NaiveDate) -> bool {
    use chrono::Datelike;
    YEARS.contains(&d.year())
}

/// Every date of the raw scenario, wherever it is, checked against
/// [`YEARS`]: the raw tree is walked as data, so a new optional date field
/// is covered without a line here.
fn dates_in_range(raw: &RawScenario, cx: &mut Ctx) {
    fn walk(v: &serde_json::Value, path: &mut String, cx: &mut Ctx) {
        match v {
            serde_json::Value::Object(m) => {
                for (k, v) in m {
                    let len = path.len();
                    if !path.is_empty() {
                        path.push('.');
                    }
                    path.push_str(k);
                    walk(v, path, cx);
                    path.truncate(len);
                }
            }
            serde_json::Value::Array(a) => {
                for (i, v) in a.iter().enumerate() {
                    let len = path.len();
                    path.push_str(&format!("[{i}]"));
                    walk(v, path, cx);
                    path.truncate(len);
                }
            }
            serde_json::Value::String(text) => {
                if let Ok(d) = text.parse::<NaiveDate>() {
                    if !date_in_range(d) {
                        cx.push_fact(
                            path,
                            path.clone(),
                            format!("date {d} out of range"),
                            format!(
                                "dates run from {}-01-01 to {}-12-31; is the year a typo?",
                                YEARS.start(),
                                YEARS.end()
                            ),
                            date_fact(d),
                        );
                    }
                }
            }
            _ => {}
        }
    }
    if let Ok(v) = serde_json::to_value(raw) {
        walk(&v, &mut String::new(), cx);
    }
}

fn date_fact(d: NaiveDate) -> Fact {
    Fact::DateOutOfRange {
        date: d.to_string(),
        min: *YEARS.start(),
        max: *YEARS.end(),
    }
}

fn hours_fact(h: f64) -> Fact {
    Fact::HoursOutOfRange {
        hours: h.to_string(),
        max: MAX_RECORD_HOURS as i64,
    }
}

/// `items` without repeats, in first-seen order.
fn distinct<'a, S: AsRef<str> + 'a>(items: impl Iterator<Item = &'a S>) -> Vec<String> {
    let mut seen = HashSet::new();
    items
        .map(AsRef::as_ref)
        .filter(|s: &&str| seen.insert(*s))
        .map(str::to_string)
        .collect()
}
