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
pub mod edits;
pub mod explain;
pub mod history_edit;
pub mod pins_file;
pub mod plan_file;
pub mod repair;
pub mod replace;
pub mod round_next;
pub mod scenario_file;
pub mod settle;
pub mod stamp;
pub mod why;
pub mod yaml_edit;

use std::path::PathBuf;

use crate::error::LoadError;
use crate::ids::{PersonIx, UnitIx};
use crate::scenario::{Entity, Scenario};
use crate::solver::PlanError;

pub use scenario_file::ScenarioFile;

/// Why a lifecycle command could not do its work: facts only; the words
/// are `report::lifecycle::describe_error`'s. (`Display` is a plain English
/// form for library users.)
#[derive(Debug, thiserror::Error)]
pub enum LifecycleError {
    /// A scenario, plan or pins file could not be read or is invalid.
    #[error(transparent)]
    Load(#[from] LoadError),
    #[error("{file}: the scenario has no `round`")]
    NoRound { file: String },
    /// An id given on the command line names nothing suitable (bad usage).
    #[error("{flag} {id}: {problem:?}")]
    BadId {
        file: String,
        flag: String,
        id: String,
        problem: IdProblem,
    },
    /// A value given on the command line is malformed (bad usage).
    #[error("{flag} {value}: expected {expected}")]
    BadValue {
        flag: String,
        value: String,
        /// What was expected, as a code: `person-unit`, `date-range`.
        expected: &'static str,
    },
    /// `commit` refused the plan.
    #[error("{plan}: cannot commit round {round}: {reasons:?}")]
    Refused {
        plan: String,
        round: String,
        reasons: Vec<Refusal>,
    },
    /// The plan was made for another scenario or round.
    #[error("{plan} was planned for {planned}, not for {file} (round {round})")]
    ForeignPlan {
        plan: String,
        file: String,
        round: String,
        /// What differs: `round` or `scenario`.
        what: &'static str,
        planned: String,
    },
    /// An everyday edit would not make sense, or would make the file invalid.
    #[error("{file}: {change:?} refused: {why:?}")]
    EditRefused {
        file: String,
        change: Box<edits::Change>,
        why: edits::Why,
    },
    /// The file could not be edited safely as text.
    #[error("{file}: cannot edit the text ({reason})")]
    Edit { file: String, reason: String },
    /// `round next`: nothing to move on to.
    #[error("{file}: no next round: {why:?}")]
    NoNextRound {
        file: String,
        why: round_next::NoNext,
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

/// Why an id given on the command line was not accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IdProblem {
    /// No such id; `known` lists the ids of the kind wanted.
    Unknown {
        want: EntityKind,
        known: Vec<String>,
    },
    /// The id names something of another kind; for a village where a
    /// unit is wanted, `township` is its township's id.
    WrongKind {
        want: EntityKind,
        is: EntityKind,
        township: Option<String>,
    },
    /// `--person` of replace: not in the roster.
    NotInRoster { members: Vec<String> },
    /// `--unit` of why: held by no group.
    NotHeld { held: Vec<String> },
}

/// What an id names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntityKind {
    Person,
    Unit,
    Village,
}

impl EntityKind {
    pub fn code(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Unit => "unit",
            EntityKind::Village => "village",
        }
    }
    fn of(e: Entity) -> Self {
        match e {
            Entity::Person(_) => EntityKind::Person,
            Entity::Unit(_) => EntityKind::Unit,
            Entity::Village(_) => EntityKind::Village,
        }
    }
}

/// One reason `commit` refused a plan.
#[derive(Debug, Clone)]
pub enum Refusal {
    /// The round is already in history (entry `entry`, 1-based).
    AlreadyCommitted { file: String, entry: usize },
    /// The roster breaks a hard rule against the scenario as it is now.
    Breaks(crate::roster_check::Violation),
}

impl LifecycleError {
    /// Bad usage (exit status 2) rather than bad input.
    pub fn is_usage(&self) -> bool {
        matches!(
            self,
            LifecycleError::BadId { .. } | LifecycleError::BadValue { .. }
        )
    }
}

/// Resolve an id given with `flag` on the command line as a person
/// (`want` = Person) or a unit: the one helper every command taking ids
/// uses, with the "X is a village, not a unit" hints.
pub fn resolve(
    s: &Scenario,
    file: &str,
    flag: &str,
    id: &str,
    want: EntityKind,
) -> Result<Entity, LifecycleError> {
    let id = id.trim();
    let found = s.lookup(id);
    if let Some(e) = found {
        if EntityKind::of(e) == want {
            return Ok(e);
        }
    }
    let problem = match found {
        Some(e) => IdProblem::WrongKind {
            want,
            is: EntityKind::of(e),
            township: match e {
                Entity::Village(v) if want == EntityKind::Unit => {
                    Some(s.unit(s.village(v).township).id.clone())
                }
                _ => None,
            },
        },
        None => IdProblem::Unknown {
            want,
            known: match want {
                EntityKind::Person => s
                    .people
                    .iter()
                    .filter(|p| p.pool)
                    .map(|p| p.id.clone())
                    .collect(),
                EntityKind::Unit => s.units.iter().map(|u| u.id.clone()).collect(),
                EntityKind::Village => s.villages.iter().map(|v| v.id.clone()).collect(),
            },
        },
    };
    Err(LifecycleError::BadId {
        file: file.to_string(),
        flag: flag.to_string(),
        id: id.to_string(),
        problem,
    })
}

/// Resolve a person id given with `flag` on the command line.
pub fn person_arg(
    s: &Scenario,
    file: &str,
    flag: &str,
    id: &str,
) -> Result<PersonIx, LifecycleError> {
    match resolve(s, file, flag, id, EntityKind::Person)? {
        Entity::Person(p) => Ok(p),
        _ => unreachable!("resolve returns the kind asked for"),
    }
}

/// Resolve a unit id given with `flag` on the command line.
pub fn unit_arg(s: &Scenario, file: &str, flag: &str, id: &str) -> Result<UnitIx, LifecycleError> {
    match resolve(s, file, flag, id, EntityKind::Unit)? {
        Entity::Unit(u) => Ok(u),
        _ => unreachable!("resolve returns the kind asked for"),
    }
}

/// A scenario and a complete plan for its round, read together.
#[derive(Debug, Clone)]
pub struct Opened {
    pub scenario: ScenarioFile,
    pub plan: plan_file::PlanFile,
    /// The plan's roster, resolved against the scenario.
    pub groups: Vec<crate::scenario::Group>,
    /// How the plan's stamp compares with the scenario (never `Foreign`:
    /// such a plan is refused).
    pub stamp: stamp::Match,
}

/// Read the scenario at `scenario` and the plan at `plan` for its round;
/// a plan from another scenario or round is refused.
pub fn open(scenario: &std::path::Path, plan: &std::path::Path) -> Result<Opened, LifecycleError> {
    let sf = ScenarioFile::read(scenario)?;
    let plan = plan_file::PlanFile::read(plan)?;
    let (groups, stamp) = check_plan(&sf, &plan)?;
    Ok(Opened {
        scenario: sf,
        plan,
        groups,
        stamp,
    })
}

/// The roster of `plan` for the round of `sf`, and how its stamp compares;
/// a plan for another round or scenario is refused.
pub fn check_plan(
    sf: &ScenarioFile,
    plan: &plan_file::PlanFile,
) -> Result<(Vec<crate::scenario::Group>, stamp::Match), LifecycleError> {
    let round = sf.round()?;
    let foreign = |what: &'static str, planned: String| LifecycleError::ForeignPlan {
        plan: plan.file.clone(),
        file: sf.file.clone(),
        round: round.id.clone(),
        what,
        planned,
    };
    if let Some(r) = &plan.round {
        if *r != round.id {
            return Err(foreign("round", r.clone()));
        }
    }
    let now = stamp::Stamp::of(&sf.scenario, &round.id);
    let m = stamp::compare(plan.scenario.as_deref(), plan.fingerprint.as_deref(), &now);
    if m == stamp::Match::Foreign {
        return Err(foreign(
            "scenario",
            plan.scenario.clone().unwrap_or_default(),
        ));
    }
    let groups = plan.roster(&sf.scenario, round)?;
    Ok((groups, m))
}
