//! `xuncha replace`: rank candidates for one person's seat.

use std::io::Write;
use std::path::PathBuf;

use clap::Args;

use super::{emit, Failure};
use crate::error::known_list;
use crate::lifecycle::{self, replace, LifecycleError};

#[derive(Debug, Args)]
pub struct ReplaceArgs {
    /// The scenario file (YAML, FORMAT.md v1); its round may already be committed.
    pub scenario: PathBuf,
    /// The roster: the JSON of `xuncha plan --format json`.
    pub plan: PathBuf,
    /// The person whose seat is to be filled.
    #[arg(long, value_name = "PERSON")]
    pub person: String,
    /// List at most this many of each kind of candidate (0 = all).
    #[arg(long, default_value_t = 10, value_name = "N")]
    pub top: usize,
}

pub fn run(a: &ReplaceArgs, out: &mut dyn Write) -> Result<u8, Failure> {
    let opened = lifecycle::open(&a.scenario, &a.plan)?;
    let sf = &opened.scenario;
    let s = &sf.scenario;
    let round = sf.round()?;
    let p = lifecycle::person_arg(s, &sf.file, "--person", &a.person)?;
    let Some(r) = replace::replacement(s, round, &opened.groups, p) else {
        return Err(not_in_roster(s, &opened, &a.person, p).into());
    };
    emit(out, &replace::table(s, round, &opened.groups, &r, a.top))
}

/// `--person` names someone outside the roster.
fn not_in_roster(
    s: &crate::Scenario,
    opened: &lifecycle::Opened,
    id: &str,
    p: crate::PersonIx,
) -> LifecycleError {
    let members: Vec<&str> = opened
        .groups
        .iter()
        .flat_map(|g| g.members.iter().map(|p| s.person(*p).id.as_str()))
        .collect();
    LifecycleError::Usage {
        flag: "--person".to_string(),
        id: id.to_string(),
        message: format!(
            "{} is not in the roster of {}",
            crate::score::person_label(s, p),
            opened.plan.file
        ),
        hint: format!("its members: {}", known_list(members)),
    }
}
