//! `xuncha replace`: rank candidates for one person's seat.

use std::io::Write;
use std::path::PathBuf;

use clap::Args;

use super::edit::{fail, warn};
use super::{emit, Failure, FormatArg};
use crate::lifecycle::{self, replace, IdProblem, LifecycleError};
use crate::report;
use crate::report::i18n::Words;

#[derive(Debug, Args)]
pub struct ReplaceArgs {
    /// The scenario file (YAML, FORMAT.md v1); its round may already be committed.
    pub scenario: PathBuf,
    /// The roster: the JSON of `xuncha plan --format json`.
    pub plan: PathBuf,
    /// The person whose seat is to be filled.
    #[arg(long, value_name = "PERSON")]
    pub person: String,
    /// List at most this many of each kind of candidate (0 = all; JSON lists all).
    #[arg(long, default_value_t = 10, value_name = "N")]
    pub top: usize,
    /// table: for people; json: ids and codes (docs/lifecycle.md).
    #[arg(long, value_enum, default_value = "table")]
    pub format: FormatArg,
}

pub fn run(a: &ReplaceArgs, w: &Words, out: &mut dyn Write) -> Result<u8, Failure> {
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
    let Some(r) = replace::replacement(s, round, &opened.groups, p) else {
        let members = opened
            .groups
            .iter()
            .flat_map(|g| g.members.iter().map(|p| s.person(*p).id.clone()))
            .collect();
        return Err(bad(LifecycleError::BadId {
            file: opened.plan.file.clone(),
            flag: "--person".to_string(),
            id: a.person.clone(),
            problem: IdProblem::NotInRoster { members },
        }));
    };
    let text = match a.format {
        FormatArg::Json => report::lifecycle::replace_json(s, round, &r),
        _ => report::lifecycle::replace(w, s, round, &opened.groups, &r, a.top),
    };
    emit(out, &text)
}
