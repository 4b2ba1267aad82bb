//! The office's manual decisions in a small YAML file (`xuncha plan --pin`):
//!
//! ```yaml
//! leads:    [{person: P001, unit: T03}]   # P001 leads the group holding T03
//! serves:   [{person: P014, unit: T05}]   # P014 serves in the group holding T05
//! sits_out: [P020]                        # P020 sits this round out
//! together: [[T01, D04]]                  # T01 and D04 go to one group
//! ```
//!
//! Every key is optional; an empty file pins nothing. A `together` entry may
//! list more than two units: they all go to one group. Ids are checked here
//! (every problem at once, with its line); whether the pins can hold in the
//! round is the solver's to say (`plan` reports impossible pins, exit 3).

use std::path::Path;

use serde::Deserialize;

use crate::error::{known_list, Fact, LoadError, Problem, Wanted};
use crate::ids::{PersonIx, UnitIx};
use crate::scenario::{yaml_path, Entity, Locations, Scenario};
use crate::solver::Pins;

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPins {
    #[serde(default)]
    leads: Vec<RawSeat>,
    #[serde(default)]
    serves: Vec<RawSeat>,
    #[serde(default)]
    sits_out: Vec<String>,
    #[serde(default)]
    together: Vec<Vec<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSeat {
    person: String,
    unit: String,
}

/// Read the pins file at `path` and resolve its ids against `s`.
pub fn read(path: &Path, s: &Scenario) -> Result<Pins, LoadError> {
    let file = path.display().to_string();
    let text = crate::scenario::read_text(path)?;
    parse(&text, &file, s)
}

/// Parse pins held in a string; `file` names it in messages.
pub fn parse(text: &str, file: &str, s: &Scenario) -> Result<Pins, LoadError> {
    let invalid = |problems| LoadError::Invalid {
        file: file.to_string(),
        problems,
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let value: serde_yaml::Value =
        serde_yaml::from_str(text).map_err(|e| invalid(vec![yaml_problem(e)]))?;
    let raw: RawPins = if value.is_null() {
        RawPins::default()
    } else {
        serde_yaml::from_str(text).map_err(|e| invalid(vec![yaml_problem(e)]))?
    };
    let cx = Cx {
        s,
        locations: Locations::index(text),
        problems: Vec::new(),
    };
    resolve(raw, cx).map_err(invalid)
}

fn yaml_problem(e: serde_yaml::Error) -> Problem {
    let span = e.location().map(|l| crate::Span {
        line: l.line(),
        column: l.column(),
    });
    let mut message = e.to_string();
    if let Some(i) = message.find(" at line ") {
        message.truncate(i);
    }
    let (path, what) = crate::scenario::syntax::read(&message);
    Problem::new(message)
        .at(span)
        .hint(
            "a pins file has `leads: [{person, unit}]`, `serves: [{person, unit}]`, `sits_out: [person]`, `together: [[unit, unit]]`",
        )
        .fact(Fact::Syntax { path, what })
}

struct Cx<'a> {
    s: &'a Scenario,
    locations: Locations,
    problems: Vec<Problem>,
}

impl Cx<'_> {
    fn push(&mut self, path: &str, subject: &str, message: String, hint: String, fact: Fact) {
        let p = Problem::new(message)
            .at(self.locations.find(&yaml_path(path)))
            .about(subject)
            .hint(hint)
            .fact(fact);
        self.problems.push(p);
    }

    fn person(&mut self, id: &str, path: &str, subject: &str) -> Option<PersonIx> {
        match self.s.lookup(id) {
            Some(Entity::Person(p)) => Some(p),
            other => {
                let hint = match other {
                    Some(Entity::Unit(_)) => format!("{id} is a unit, not a person"),
                    Some(Entity::Village(_)) => format!("{id} is a village, not a person"),
                    _ => known_list(
                        self.s
                            .people
                            .iter()
                            .filter(|p| p.pool)
                            .map(|p| p.id.as_str()),
                    ),
                };
                let fact = self.s.not_found(id, Wanted::Person);
                self.push(
                    path,
                    subject,
                    format!("unknown person \"{id}\""),
                    hint,
                    fact,
                );
                None
            }
        }
    }

    fn unit(&mut self, id: &str, path: &str, subject: &str) -> Option<UnitIx> {
        match self.s.lookup(id) {
            Some(Entity::Unit(u)) => Some(u),
            other => {
                let hint = match other {
                    Some(Entity::Village(v)) => format!(
                        "{id} is a village; pin its township {}",
                        self.s.unit(self.s.village(v).township).id
                    ),
                    Some(Entity::Person(_)) => format!("{id} is a person, not a unit"),
                    _ => known_list(self.s.units.iter().map(|u| u.id.as_str())),
                };
                let fact = self.s.not_found(id, Wanted::Unit);
                self.push(path, subject, format!("unknown unit \"{id}\""), hint, fact);
                None
            }
        }
    }
}

fn resolve(raw: RawPins, mut cx: Cx) -> Result<Pins, Vec<Problem>> {
    let mut pins = Pins::default();
    for (key, seats, lead) in [("leads", &raw.leads, true), ("serves", &raw.serves, false)] {
        for (i, seat) in seats.iter().enumerate() {
            let path = format!("{key}[{i}]");
            let subject = format!("pin {key}[{}]", i + 1);
            let p = cx.person(&seat.person, &format!("{path}.person"), &subject);
            let u = cx.unit(&seat.unit, &format!("{path}.unit"), &subject);
            if let (Some(p), Some(u)) = (p, u) {
                let list = if lead {
                    &mut pins.leads
                } else {
                    &mut pins.serves
                };
                if !list.contains(&(p, u)) {
                    list.push((p, u));
                }
            }
        }
    }
    for (i, id) in raw.sits_out.iter().enumerate() {
        let path = format!("sits_out[{i}]");
        if let Some(p) = cx.person(id, &path, "pin sits_out") {
            if !pins.sits_out.contains(&p) {
                pins.sits_out.push(p);
            }
        }
    }
    for (i, units) in raw.together.iter().enumerate() {
        let path = format!("together[{i}]");
        let subject = format!("pin together[{}]", i + 1);
        if units.len() < 2 {
            cx.push(
                &path,
                &subject,
                format!(
                    "lists {} unit(s); `together` joins two or more",
                    units.len()
                ),
                "write e.g. [T01, D04]".to_string(),
                Fact::TogetherTooFew { n: units.len() },
            );
            continue;
        }
        let resolved: Vec<Option<UnitIx>> = units
            .iter()
            .enumerate()
            .map(|(j, id)| cx.unit(id, &format!("{path}[{j}]"), &subject))
            .collect();
        let Some(resolved) = resolved.into_iter().collect::<Option<Vec<_>>>() else {
            continue;
        };
        for &u in &resolved[1..] {
            if u != resolved[0] && !pins.together.contains(&(resolved[0], u)) {
                pins.together.push((resolved[0], u));
            }
        }
    }
    if cx.problems.is_empty() {
        Ok(pins)
    } else {
        Err(cx.problems)
    }
}

/// Add the pins of `more` to `pins`, skipping ones already there.
pub fn merge(pins: &mut Pins, more: Pins) {
    fn add<T: PartialEq>(to: &mut Vec<T>, from: Vec<T>) {
        for x in from {
            if !to.contains(&x) {
                to.push(x);
            }
        }
    }
    add(&mut pins.leads, more.leads);
    add(&mut pins.serves, more.serves);
    add(&mut pins.sits_out, more.sits_out);
    add(&mut pins.together, more.together);
}

/// Every pin of the pins files `files` and of the partial plan `partial`.
pub fn gather(
    s: &Scenario,
    round: &crate::scenario::Round,
    files: &[std::path::PathBuf],
    partial: Option<&Path>,
) -> Result<Pins, LoadError> {
    let mut pins = Pins::default();
    for f in files {
        merge(&mut pins, read(f, s)?);
    }
    if let Some(p) = partial {
        let plan = super::plan_file::PlanFile::read(p)?;
        merge(&mut pins, plan.pins(s, round)?);
    }
    Ok(pins)
}
