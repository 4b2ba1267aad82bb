//! What the lifecycle commands share at the edge: their errors in words,
//! today's date for records, the everyday edits.

use std::io::Write;
use std::path::Path;

use anyhow::anyhow;
use chrono::NaiveDate;

use super::{emit, Failure, EXIT_INPUT, EXIT_USAGE};
use crate::lifecycle::edits::{self, Change};
use crate::lifecycle::LifecycleError;
use crate::report;
use crate::report::i18n::Words;
use crate::scenario::Scenario;

/// A lifecycle error in words, with its exit status.
pub fn fail(w: &Words, s: Option<&Scenario>, e: LifecycleError) -> Failure {
    Failure {
        status: if e.is_usage() { EXIT_USAGE } else { EXIT_INPUT },
        error: anyhow!(report::lifecycle::describe_error(w, s, &e)),
    }
}

/// `--date` (read by `args::date`), or today.
pub fn date_or_today(given: Option<NaiveDate>) -> NaiveDate {
    given.unwrap_or_else(|| chrono::Local::now().date_naive())
}

/// Make `changes` to the scenario and say what was done.
pub fn run_edit(
    w: &Words,
    scenario: &Path,
    changes: &[Change],
    out: &mut dyn Write,
) -> Result<u8, Failure> {
    let file = scenario.display().to_string();
    // Read once for the names in messages; the edit reads again under the lock.
    let s = crate::scenario::load(scenario).ok();
    let done = edits::apply(scenario, changes).map_err(|e| fail(w, s.as_ref(), e))?;
    let s = crate::scenario::load(scenario).map_err(|e| Failure::input(anyhow!(e)))?;
    emit(out, &report::lifecycle::edited(w, &s, &file, &done))
}

/// Print a warning line on standard error.
pub fn warn(text: &str) {
    eprintln!("{text}");
}
