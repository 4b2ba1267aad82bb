//! `xuncha commit`: publish a roster into the scenario's history.

use std::io::Write;
use std::path::PathBuf;

use clap::Args;

use super::edit::{fail, warn};
use super::{emit, Failure};
use crate::lifecycle::commit::{self, CommitOptions};
use crate::report;
use crate::report::i18n::Words;

#[derive(Debug, Args)]
pub struct CommitArgs {
    /// The scenario file whose `history` receives the roster.
    pub scenario: PathBuf,
    /// The plan to publish: the JSON of `xuncha plan --format json` (or `repair --format json`).
    pub plan: PathBuf,
    /// If the round is already in history, replace its entry (publish a repaired roster).
    #[arg(long)]
    pub replace: bool,
    /// Then make the next round of the term the round to plan (as `xuncha round next`).
    #[arg(long)]
    pub next: bool,
}

pub fn run(a: &CommitArgs, w: &Words, out: &mut dyn Write) -> Result<u8, Failure> {
    let opts = CommitOptions {
        replace: a.replace,
        next: a.next,
    };
    let before = crate::scenario::load(&a.scenario).ok();
    let r = commit::commit(&a.scenario, &a.plan, opts).map_err(|e| fail(w, before.as_ref(), e))?;
    let file = a.scenario.display().to_string();
    if let Some(text) =
        report::lifecycle::stamp_warning(w, r.stamp, &a.plan.display().to_string(), &file)
    {
        warn(&text);
    }
    let s = crate::scenario::load(&a.scenario).map_err(|e| Failure::input(anyhow::anyhow!(e)))?;
    emit(out, &report::lifecycle::commit(w, &s, &file, &r))
}
