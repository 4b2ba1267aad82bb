//! The roster lifecycle after `plan`: the office pins its own decisions,
//! publishes (commits) a roster into the scenario's history, repairs it with
//! the least disruption when someone drops out or a conflict surfaces, looks
//! for a replacement for one seat, and asks why a person sits where they sit.
//!
//! One concept per file:
//! - [`scenario_file`]: a scenario read for these commands, whose round may
//!   already be committed to its own history;
//! - [`plan_file`]: a FORMAT.md "Plan output" file (or a partial one) read
//!   back and resolved against the scenario;
//! - [`pins_file`]: the office's manual decisions in a small YAML file;
//! - [`history_edit`]: adding or replacing one history entry in the text of
//!   a scenario, leaving every other byte alone;
//! - [`commit`], [`repair`], [`replace`], [`why`]: the commands;
//! - [`diff`]: changed seats between two rosters, as repair counts them;
//! - [`settle`]: undoing unit moves and leader changes a repair need not make;
//! - [`explain`]: trying a changed roster and saying in a few words what
//!   breaks, shared by `replace` and `why`.
//!
//! docs/lifecycle.md walks through the cycle with real output.

pub mod commit;
pub mod diff;
pub mod explain;
pub mod history_edit;
pub mod pins_file;
pub mod plan_file;
pub mod repair;
pub mod replace;
pub mod scenario_file;
pub mod settle;
pub mod why;

use std::path::PathBuf;

use crate::error::{known_list, LoadError};
use crate::ids::{PersonIx, UnitIx};
use crate::scenario::{Entity, Scenario};
use crate::solver::PlanError;

pub use scenario_file::ScenarioFile;

/// Why a lifecycle command could not do its work. Every message names the
/// file, the line when known, the offending id and what to do.
#[derive(Debug, thiserror::Error)]
pub enum LifecycleError {
    /// A scenario, plan or pins file could not be read or is invalid.
    #[error(transparent)]
    Load(#[from] LoadError),
    #[error("{file}: the scenario has no `round` (add a `round:` section; see FORMAT.md)")]
    NoRound { file: String },
    /// An id given on the command line names nothing suitable (bad usage).
    #[error("{flag} {id}: {message} ({hint})")]
    Usage {
        flag: String,
        id: String,
        message: String,
        hint: String,
    },
    /// `commit` refused the plan; `reasons` are one line each.
    #[error("{plan}: cannot commit round {round}:\n{}\n({hint})", reasons.iter().map(|r| format!("  {r}")).collect::<Vec<_>>().join("\n"))]
    Refused {
        plan: String,
        round: String,
        reasons: Vec<String>,
        hint: String,
    },
    /// The history section could not be edited safely as text.
    #[error("{file}: cannot add round {round} to `history` by editing the text: {reason} (add the entry by hand, or write `history` as a block list)")]
    Edit {
        file: String,
        round: String,
        reason: String,
    },
    #[error("{}: cannot write the file: {source}", path.display())]
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error(transparent)]
    Plan(#[from] PlanError),
}

impl LifecycleError {
    /// Bad usage (exit status 2) rather than bad input.
    pub fn is_usage(&self) -> bool {
        matches!(self, LifecycleError::Usage { .. })
    }
}

/// What an id names, for messages: `a unit`, `a village`, `a person`.
fn entity_word(e: Entity) -> &'static str {
    match e {
        Entity::Unit(_) => "a unit",
        Entity::Village(_) => "a village",
        Entity::Person(_) => "a person",
    }
}

/// Resolve a person id given with `flag` on the command line.
pub fn person_arg(
    s: &Scenario,
    file: &str,
    flag: &str,
    id: &str,
) -> Result<PersonIx, LifecycleError> {
    match s.lookup(id) {
        Some(Entity::Person(p)) => Ok(p),
        other => Err(LifecycleError::Usage {
            flag: flag.to_string(),
            id: id.to_string(),
            message: match other {
                Some(e) => format!("{id} is {} in {file}, not a person", entity_word(e)),
                None => format!("no such person in {file}"),
            },
            hint: known_list(s.people.iter().filter(|p| p.pool).map(|p| p.id.as_str())),
        }),
    }
}

/// Resolve a unit id given with `flag` on the command line.
pub fn unit_arg(s: &Scenario, file: &str, flag: &str, id: &str) -> Result<UnitIx, LifecycleError> {
    match s.lookup(id) {
        Some(Entity::Unit(u)) => Ok(u),
        other => Err(LifecycleError::Usage {
            flag: flag.to_string(),
            id: id.to_string(),
            message: match other {
                Some(Entity::Village(v)) => format!(
                    "{id} is a village in {file}; name its township {}",
                    s.unit(s.village(v).township).id
                ),
                Some(e) => format!("{id} is {} in {file}, not a unit", entity_word(e)),
                None => format!("no such unit in {file}"),
            },
            hint: known_list(s.units.iter().map(|u| u.id.as_str())),
        }),
    }
}

/// A scenario and a complete plan for its round, read together.
#[derive(Debug, Clone)]
pub struct Opened {
    pub scenario: ScenarioFile,
    pub plan: plan_file::PlanFile,
    /// The plan's roster, resolved against the scenario.
    pub groups: Vec<crate::scenario::Group>,
}

/// Read the scenario at `scenario` and the plan at `plan` for its round.
pub fn open(scenario: &std::path::Path, plan: &std::path::Path) -> Result<Opened, LifecycleError> {
    let sf = ScenarioFile::read(scenario)?;
    let round = sf.round()?;
    let plan = plan_file::PlanFile::read(plan)?;
    let groups = plan.roster(&sf.scenario, round)?;
    Ok(Opened {
        scenario: sf,
        plan,
        groups,
    })
}
