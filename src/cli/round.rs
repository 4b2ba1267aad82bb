//! `xuncha round next`: move on to the next round of the term.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{Args, Subcommand};

use super::edit::fail;
use super::{emit, Failure};
use crate::lifecycle::round_next;
use crate::report;
use crate::report::i18n::Words;
use crate::scenario::Scenario;

#[derive(Debug, Subcommand)]
pub enum RoundCommand {
    /// After a commit: make the next round of `term.rounds` the round to plan, its units chosen as `simulate` chooses them.
    #[command(
        after_help = "Example:\n  xuncha commit scenarios/qingshan.yaml plan.json\n  xuncha round next scenarios/qingshan.yaml\n  xuncha plan scenarios/qingshan.yaml"
    )]
    Next(RoundNextArgs),
}

#[derive(Debug, Args)]
pub struct RoundNextArgs {
    /// The scenario file whose round is committed.
    pub scenario: PathBuf,
}

pub fn run(c: &RoundCommand, w: &Words, out: &mut dyn Write) -> Result<u8, Failure> {
    match c {
        RoundCommand::Next(a) => {
            let before = crate::scenario::load(&a.scenario).ok();
            let next =
                round_next::round_next(&a.scenario).map_err(|e| fail(w, before.as_ref(), e))?;
            let s = crate::scenario::load(&a.scenario)
                .map_err(|e| Failure::input(anyhow::anyhow!(e)))?;
            let file = a.scenario.display().to_string();
            emit(out, &report::lifecycle::next_round(w, &s, &file, &next))
        }
    }
}

/// For the commands that only read: say on standard error that the round
/// is committed.
pub fn note_committed(w: &Words, s: &Scenario, path: &Path) {
    if let Some(text) = report::lifecycle::committed_note(w, s, &path.display().to_string()) {
        super::edit::warn(&text);
    }
}
