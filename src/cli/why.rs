//! `xuncha why`: why a person sits where they sit, and what moving them costs.

use std::io::Write;
use std::path::PathBuf;

use clap::Args;

use super::{emit, Failure};
use crate::error::known_list;
use crate::lifecycle::{self, why, LifecycleError};

#[derive(Debug, Args)]
pub struct WhyArgs {
    /// The scenario file (YAML, FORMAT.md v1); its round may already be committed.
    pub scenario: PathBuf,
    /// The roster: the JSON of `xuncha plan --format json`.
    pub plan: PathBuf,
    /// The person to explain.
    #[arg(long, value_name = "PERSON")]
    pub person: String,
    /// Only the group holding this unit: why (not) there, and the cost of moving them there.
    #[arg(long, value_name = "UNIT")]
    pub unit: Option<String>,
}

pub fn run(a: &WhyArgs, out: &mut dyn Write) -> Result<u8, Failure> {
    let opened = lifecycle::open(&a.scenario, &a.plan)?;
    let sf = &opened.scenario;
    let s = &sf.scenario;
    let round = sf.round()?;
    let p = lifecycle::person_arg(s, &sf.file, "--person", &a.person)?;
    let unit = match &a.unit {
        Some(id) => {
            let u = lifecycle::unit_arg(s, &sf.file, "--unit", id)?;
            if !opened.groups.iter().any(|g| g.units.contains(&u)) {
                let held: Vec<&str> = opened
                    .groups
                    .iter()
                    .flat_map(|g| g.units.iter().map(|u| s.unit(*u).id.as_str()))
                    .collect();
                return Err(LifecycleError::Usage {
                    flag: "--unit".to_string(),
                    id: id.clone(),
                    message: format!(
                        "{} is held by no group of {}",
                        s.unit_name(u),
                        opened.plan.file
                    ),
                    hint: format!("the roster's units: {}", known_list(held)),
                }
                .into());
            }
            Some(u)
        }
        None => None,
    };
    let w = why::why(s, round, &opened.groups, p, unit);
    emit(out, &why::render(s, round, &opened.groups, &w))
}
