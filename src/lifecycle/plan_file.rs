//! A plan file read back: the FORMAT.md "Plan output" object that
//! `xuncha plan --format json` prints, resolved against a scenario.
//!
//! A complete plan ([`PlanFile::roster`]) must name the scenario's round
//! and give every group its leader, members, units and villages. A partial
//! plan ([`PlanFile::pins`]) gives only what the office has decided: each
//! group needs a unit to anchor it, and may add more units, a leader and
//! members; the rest is left to the solver.
//!
//! Problems are reported like the scenario loader's: `file:line:column:
//! subject: message (hint)`, every problem at once.

use std::path::Path;

use serde::Deserialize;

use crate::error::{known_list, Fact, LoadError, PlanFact, Problem, Wanted};
use crate::ids::{PersonIx, UnitIx, VillageIx};
use crate::scenario::{yaml_path, Entity, Group, Locations, Round, Scenario};
use crate::solver::Pins;

#[derive(Debug, Clone, Deserialize)]
struct RawPlan {
    #[serde(default)]
    format: Option<serde_json::Value>,
    #[serde(default)]
    round: Option<String>,
    #[serde(default)]
    status: Option<String>,
    #[serde(default)]
    groups: Vec<PlanGroupText>,
    #[serde(default)]
    scenario: Option<String>,
    #[serde(default)]
    fingerprint: Option<String>,
}

/// One group of a plan file, as written.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanGroupText {
    #[serde(default)]
    pub leader: Option<String>,
    #[serde(default)]
    pub members: Option<Vec<String>>,
    #[serde(default)]
    pub units: Vec<String>,
    #[serde(default)]
    pub villages: Option<Vec<String>>,
}

/// A plan file, parsed but not yet resolved against a scenario.
#[derive(Debug, Clone)]
pub struct PlanFile {
    /// The path as messages show it.
    pub file: String,
    pub format: Option<serde_json::Value>,
    pub round: Option<String>,
    pub status: Option<String>,
    pub groups: Vec<PlanGroupText>,
    /// The stamp (docs/lifecycle.md): the key of the scenario planned for.
    pub scenario: Option<String>,
    /// The stamp: the fingerprint of the inputs planned from.
    pub fingerprint: Option<String>,
    locations: Locations,
}

impl PlanFile {
    /// Read and parse the plan file at `path`.
    pub fn read(path: &Path) -> Result<Self, LoadError> {
        let bytes = crate::fsio::read(path).map_err(|source| LoadError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        let file = path.display().to_string();
        let text = String::from_utf8(bytes).map_err(|e| LoadError::Invalid {
            file: file.clone(),
            problems: vec![Problem::new(format!(
                "the file is not UTF-8 text (first bad byte at offset {})",
                e.utf8_error().valid_up_to()
            ))
            .hint("a plan file is the JSON that `xuncha plan --format json` prints")
            .fact(Fact::PlanFile(PlanFact::NotUtf8 {
                offset: e.utf8_error().valid_up_to(),
            }))],
        })?;
        Self::parse(&text, &file)
    }

    /// Parse a plan held in a string; `file` names it in messages.
    pub fn parse(text: &str, file: &str) -> Result<Self, LoadError> {
        let invalid = |p: Problem| LoadError::Invalid {
            file: file.to_string(),
            problems: vec![p],
        };
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        if text.trim().is_empty() {
            return Err(invalid(
                Problem::new("the file is empty")
                    .hint("a plan file is the JSON that `xuncha plan --format json` prints")
                    .fact(Fact::PlanFile(PlanFact::Empty)),
            ));
        }
        let raw: RawPlan = serde_json::from_str(text).map_err(|e| {
            let mut message = e.to_string();
            if let Some(i) = message.find(" at line ") {
                message.truncate(i);
            }
            let p = Problem::new(message.clone()).at(Some(crate::Span {
                line: e.line(),
                column: e.column(),
            }));
            invalid(if e.is_syntax() || e.is_eof() {
                let fact = PlanFact::NotJson {
                    detail: message.clone(),
                };
                p.hint("a plan file is JSON: the object `xuncha plan --format json` prints")
                    .fact(Fact::PlanFile(fact))
            } else {
                let fact = PlanFact::Shape(crate::scenario::syntax::read(&message).1);
                p.hint("a plan has `format`, `round`, `status`, `objective` and `groups` of {leader, members, units, villages}")
                    .fact(Fact::PlanFile(fact))
            })
        })?;
        Ok(PlanFile {
            file: file.to_string(),
            format: raw.format,
            round: raw.round,
            status: raw.status,
            groups: raw.groups,
            scenario: raw.scenario,
            fingerprint: raw.fingerprint,
            // JSON is YAML: the same index gives every value's position.
            locations: Locations::index(text),
        })
    }

    fn problem(&self, path: &str, subject: &str, message: String, fact: Fact) -> Problem {
        Problem::new(message)
            .at(self.locations.find(&yaml_path(path)))
            .about(subject)
            .fact(fact)
    }

    fn invalid(&self, problems: Vec<Problem>) -> LoadError {
        LoadError::Invalid {
            file: self.file.clone(),
            problems,
        }
    }

    /// Checks shared by complete and partial plans: `format` and `round`.
    fn check_header(&self, round: &Round, complete: bool, out: &mut Vec<Problem>) {
        match &self.format {
            Some(serde_json::Value::Number(n)) if n.as_i64() == Some(1) => {}
            None if !complete => {}
            None => out.push(
                self.problem(
                    "",
                    "plan",
                    "missing `format`".to_string(),
                    missing("format"),
                )
                .hint("a plan file starts with \"format\": 1"),
            ),
            Some(other) => out.push(
                self.problem(
                    "format",
                    "plan",
                    format!("unsupported format {other}"),
                    Fact::PlanFile(PlanFact::Format {
                        found: crate::error::excerpt(&other.to_string()),
                    }),
                )
                .hint("this xuncha reads plan format 1"),
            ),
        }
        match &self.round {
            Some(id) if *id == round.id => {}
            None if !complete => {}
            None => out.push(
                self.problem("", "plan", "missing `round`".to_string(), missing("round"))
                    .hint(format!("the scenario's round is {}", round.id)),
            ),
            Some(id) => out.push(
                self.problem(
                    "round",
                    "plan",
                    format!(
                        "the plan is for round {id} but the scenario's round is {}",
                        round.id
                    ),
                    Fact::PlanFile(PlanFact::OtherRound {
                        plan: crate::error::excerpt(id),
                        scenario: round.id.clone(),
                    }),
                )
                .hint("plan the scenario's round, or give the scenario the plan was made for"),
            ),
        }
    }

    /// The roster of a complete plan for `round` of `s`.
    pub fn roster(&self, s: &Scenario, round: &Round) -> Result<Vec<Group>, LoadError> {
        let mut out = Vec::new();
        self.check_header(round, true, &mut out);
        match self.status.as_deref() {
            Some("optimal") | Some("feasible") => {}
            Some("infeasible") => out.push(
                self.problem(
                    "status",
                    "plan",
                    "the plan is infeasible: it holds no roster".to_string(),
                    Fact::PlanFile(PlanFact::Infeasible),
                )
                .hint("relax the round as its `diagnosis` says and plan again"),
            ),
            Some(other) => out.push(
                self.problem(
                    "status",
                    "plan",
                    format!("unknown status \"{other}\""),
                    Fact::PlanFile(PlanFact::UnknownStatus {
                        status: crate::error::excerpt(other),
                    }),
                )
                .hint("a plan's status is optimal, feasible or infeasible"),
            ),
            None => out.push(
                self.problem(
                    "",
                    "plan",
                    "missing `status`".to_string(),
                    missing("status"),
                )
                .hint("a plan file is the JSON that `xuncha plan --format json` prints"),
            ),
        }
        if self.groups.is_empty() && out.is_empty() {
            out.push(
                self.problem(
                    "groups",
                    "plan",
                    "the plan has no groups".to_string(),
                    Fact::PlanFile(PlanFact::NoGroups),
                )
                .hint("a plan file is the JSON that `xuncha plan --format json` prints"),
            );
        }
        let mut groups = Vec::new();
        for (g, text) in self.groups.iter().enumerate() {
            let path = format!("groups[{g}]");
            let subject = format!("group {}", g + 1);
            let leader = match &text.leader {
                Some(id) => self.person(s, id, &format!("{path}.leader"), &subject, &mut out),
                None => {
                    out.push(
                        self.problem(
                            &path,
                            &subject,
                            "missing `leader`".to_string(),
                            missing("leader"),
                        )
                        .hint("every group of a plan names its leader"),
                    );
                    None
                }
            };
            let members = match &text.members {
                Some(ms) => all(ms
                    .iter()
                    .enumerate()
                    .map(|(i, id)| {
                        self.person(s, id, &format!("{path}.members[{i}]"), &subject, &mut out)
                    })
                    .collect()),
                None => {
                    out.push(
                        self.problem(
                            &path,
                            &subject,
                            "missing `members`".to_string(),
                            missing("members"),
                        )
                        .hint("every group of a plan lists its members, the leader included"),
                    );
                    None
                }
            };
            let units = self.units(s, text, &path, &subject, &mut out);
            let villages = all(text
                .villages
                .iter()
                .flatten()
                .enumerate()
                .map(|(i, id)| {
                    self.village(s, id, &format!("{path}.villages[{i}]"), &subject, &mut out)
                })
                .collect());
            if let (Some(leader), Some(members), Some(units), Some(villages)) =
                (leader, members, units, villages)
            {
                groups.push(Group {
                    leader,
                    members,
                    units,
                    villages,
                });
            }
        }
        if out.is_empty() {
            Ok(groups)
        } else {
            Err(self.invalid(out))
        }
    }

    /// The pins a partial plan stands for: the units of a group go
    /// together, its leader leads the group holding its first unit, and
    /// its members serve there.
    pub fn pins(&self, s: &Scenario, round: &Round) -> Result<Pins, LoadError> {
        let mut out = Vec::new();
        self.check_header(round, false, &mut out);
        let mut pins = Pins::default();
        for (g, text) in self.groups.iter().enumerate() {
            let path = format!("groups[{g}]");
            let subject = format!("group {}", g + 1);
            let leader = text
                .leader
                .as_ref()
                .and_then(|id| self.person(s, id, &format!("{path}.leader"), &subject, &mut out));
            let members: Vec<PersonIx> = text
                .members
                .iter()
                .flatten()
                .enumerate()
                .filter_map(|(i, id)| {
                    self.person(s, id, &format!("{path}.members[{i}]"), &subject, &mut out)
                })
                .collect();
            let units = self.units(s, text, &path, &subject, &mut out);
            let Some(units) = units else { continue };
            let Some(&anchor) = units.first() else {
                out.push(
                    self.problem(
                        &path,
                        &subject,
                        "the group names no unit".to_string(),
                        Fact::PlanFile(PlanFact::GroupWithoutUnit),
                    )
                        .hint("pins are anchored to units: give each group of a partial plan at least one unit"),
                );
                continue;
            };
            for &u in &units[1..] {
                if u != anchor && !pins.together.contains(&(anchor, u)) {
                    pins.together.push((anchor, u));
                }
            }
            if let Some(l) = leader {
                pins.leads.push((l, anchor));
            }
            for m in members {
                if Some(m) != leader && !pins.serves.contains(&(m, anchor)) {
                    pins.serves.push((m, anchor));
                }
            }
        }
        if out.is_empty() {
            Ok(pins)
        } else {
            Err(self.invalid(out))
        }
    }

    fn units(
        &self,
        s: &Scenario,
        text: &PlanGroupText,
        path: &str,
        subject: &str,
        out: &mut Vec<Problem>,
    ) -> Option<Vec<UnitIx>> {
        all(text
            .units
            .iter()
            .enumerate()
            .map(|(i, id)| self.unit(s, id, &format!("{path}.units[{i}]"), subject, out))
            .collect())
    }

    fn person(
        &self,
        s: &Scenario,
        id: &str,
        path: &str,
        subject: &str,
        out: &mut Vec<Problem>,
    ) -> Option<PersonIx> {
        match s.lookup(id) {
            Some(Entity::Person(p)) => Some(p),
            other => {
                let fact = s.not_found(id, Wanted::Person);
                let p = self.problem(path, subject, format!("unknown person \"{id}\""), fact);
                out.push(match other {
                    Some(Entity::Unit(_)) => p.hint(format!("{id} is a unit, not a person")),
                    Some(Entity::Village(_)) => p.hint(format!("{id} is a village, not a person")),
                    _ => p.hint(known_list(
                        s.people.iter().filter(|x| x.pool).map(|x| x.id.as_str()),
                    )),
                });
                None
            }
        }
    }

    fn unit(
        &self,
        s: &Scenario,
        id: &str,
        path: &str,
        subject: &str,
        out: &mut Vec<Problem>,
    ) -> Option<UnitIx> {
        match s.lookup(id) {
            Some(Entity::Unit(u)) => Some(u),
            other => {
                let fact = s.not_found(id, Wanted::Unit);
                let p = self.problem(path, subject, format!("unknown unit \"{id}\""), fact);
                out.push(match other {
                    Some(Entity::Village(v)) => p.hint(format!(
                        "{id} is a village; `units` names its township {}",
                        s.unit(s.village(v).township).id
                    )),
                    Some(Entity::Person(_)) => p.hint(format!("{id} is a person, not a unit")),
                    _ => p.hint(known_list(s.units.iter().map(|u| u.id.as_str()))),
                });
                None
            }
        }
    }

    fn village(
        &self,
        s: &Scenario,
        id: &str,
        path: &str,
        subject: &str,
        out: &mut Vec<Problem>,
    ) -> Option<VillageIx> {
        match s.lookup(id) {
            Some(Entity::Village(v)) => Some(v),
            other => {
                let fact = s.not_found(id, Wanted::Village);
                let p = self.problem(path, subject, format!("unknown village \"{id}\""), fact);
                out.push(match other {
                    Some(Entity::Unit(_)) => {
                        p.hint(format!("{id} is a unit; list it under `units`"))
                    }
                    Some(Entity::Person(_)) => p.hint(format!("{id} is a person, not a village")),
                    _ => {
                        p.hint("villages are listed under their township in the scenario's `units`")
                    }
                });
                None
            }
        }
    }
}

/// A field the plan must have and lacks.
fn missing(field: &'static str) -> Fact {
    Fact::PlanFile(PlanFact::Missing { field })
}

/// Every value, or `None` if any is missing (after all were looked at, so
/// that every problem is reported).
fn all<T>(items: Vec<Option<T>>) -> Option<Vec<T>> {
    items.into_iter().collect()
}
