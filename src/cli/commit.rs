//! `xuncha commit`: publish a roster into the scenario's history.

use std::io::Write;
use std::path::PathBuf;

use anyhow::anyhow;
use clap::Args;

use super::{emit, Failure, EXIT_INPUT, EXIT_USAGE};
use crate::lifecycle::{self, LifecycleError};

#[derive(Debug, Args)]
pub struct CommitArgs {
    /// The scenario file whose `history` receives the roster.
    pub scenario: PathBuf,
    /// The plan to publish: the JSON of `xuncha plan --format json` (or `repair --format json`).
    pub plan: PathBuf,
    /// If the round is already in history, replace its entry (publish a repaired roster).
    #[arg(long)]
    pub replace: bool,
}

/// Exit status and message of a lifecycle error (shared by the lifecycle commands).
impl From<LifecycleError> for Failure {
    fn from(e: LifecycleError) -> Self {
        Failure {
            status: if e.is_usage() { EXIT_USAGE } else { EXIT_INPUT },
            error: anyhow!(e),
        }
    }
}

pub fn run(a: &CommitArgs, out: &mut dyn Write) -> Result<u8, Failure> {
    let r = lifecycle::commit::commit(&a.scenario, &a.plan, a.replace)?;
    let file = a.scenario.display();
    let seats = format!("{} groups, {} members", r.groups, r.members);
    let text = if r.unchanged {
        format!(
            "round {} is already committed with this roster; {file} is unchanged\n",
            r.round
        )
    } else if r.replaced {
        format!(
            "replaced the history entry of round {} in {file}: {seats} (lines {}-{})\n",
            r.round, r.lines.0, r.lines.1
        )
    } else {
        format!(
            "committed round {} to {file}: {seats}, history entry {} (lines {}-{})\n\
             note: `round` is now in history, so `xuncha plan` and `check` ask for the next round's id; \
             `repair`, `replace`, `why` and `commit --replace` still work on round {}\n",
            r.round, r.history_len, r.lines.0, r.lines.1, r.round
        )
    };
    emit(out, &text)
}
