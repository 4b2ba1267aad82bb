//! What the lifecycle commands share at the edge: their errors in words,
//! today's date for records, the everyday edits, and `-o FILE`.

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

/// `--date`, or today.
pub fn date_or_today(flag: &str, given: Option<&str>) -> Result<NaiveDate, Failure> {
    match given {
        Some(d) => super::parse_date(flag, d),
        None => Ok(chrono::Local::now().date_naive()),
    }
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

/// Print `text`, or write it to `-o FILE` through the safe writer.
pub fn deliver(
    w: &Words,
    to: Option<&Path>,
    text: &str,
    out: &mut dyn Write,
) -> Result<u8, Failure> {
    match to {
        Some(path) => {
            crate::fsio::write_atomic(path, text.as_bytes()).map_err(|e| {
                Failure::input(anyhow!(report::lifecycle::write_error(w, path, &e)))
            })?;
            Ok(super::EXIT_OK)
        }
        None => emit(out, text),
    }
}

/// Print a warning line on standard error.
pub fn warn(text: &str) {
    eprintln!("{text}");
}
