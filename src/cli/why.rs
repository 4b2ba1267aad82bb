//! `xuncha why`: why a person sits where they sit, and what moving them costs.

use std::io::Write;
use std::path::PathBuf;

use clap::Args;

use super::edit::{fail, warn};
use super::{emit, Failure, FormatArg};
use crate::lifecycle::{self, why, IdProblem, LifecycleError};
use crate::report;
use crate::report::i18n::Words;

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
    /// table: for people; json: ids and codes (docs/lifecycle.md).
    #[arg(long, value_enum, default_value = "table")]
    pub format: FormatArg,
}

pub fn run(a: &WhyArgs, w: &Words, out: &mut dyn Write) -> Result<u8, Failure> {
    let opened = lifecycle::open(&a.scenario, &a.plan).map_err(|e| fail(w, None, e))?;
    let sf = &opened.scenario;
    let s = &sf.scenario;
    let bad = |e| fail(w, Some(s), e);
    let round = sf.round().map_err(bad)?;
    if let Some(t) = report::lifecycle::stamp_warning(w, opened.stamp, &opened.plan.file, &sf.file)
    {
        warn(&t);
    }
    let p = lifecycle::person_arg(s, &sf.file, "--person", &a.person).map_err(bad)?;
    let unit = match &a.unit {
        Some(id) => {
            let u = lifecycle::unit_arg(s, &sf.file, "--unit", id).map_err(bad)?;
            if !opened.groups.iter().any(|g| g.units.contains(&u)) {
                let held = opened
                    .groups
                    .iter()
                    .flat_map(|g| g.units.iter().map(|u| s.unit(*u).id.clone()))
                    .collect();
                return Err(bad(LifecycleError::BadId {
                    file: opened.plan.file.clone(),
                    flag: "--unit".to_string(),
                    id: id.clone(),
                    problem: IdProblem::NotHeld { held },
                }));
            }
            Some(u)
        }
        None => None,
    };
    let y = why::why(s, round, &opened.groups, p, unit);
    let text = match a.format {
        FormatArg::Json => report::why::json(s, round, &y),
        _ => report::why::render(w, s, round, &opened.groups, &y),
    };
    emit(out, &text)
}
