//! `xuncha commit`: publish a roster by appending it to the scenario's
//! `history`.
//!
//! The plan must be for the scenario's round and pass every hard rule
//! against the scenario as it is now (a conflict that surfaced or a member
//! who left the pool since planning is caught here). The round must not be
//! in history yet, unless `replace` asks to publish a changed roster for it
//! (after `xuncha repair`). The entry is added by editing the text
//! ([`super::history_edit`]); the result is parsed again and compared with
//! the old file before anything is written, and then written through the
//! safe writer ([`crate::fsio::update`]): under the file's lock, the file
//! read again inside it, atomically replaced.

use std::path::Path;

use super::history_edit::{self, Entry};
use super::plan_file::PlanFile;
use super::round_next::{self, NextRound};
use super::scenario_file::ScenarioFile;
use super::{stamp, LifecycleError, Refusal};
use crate::roster_check;
use crate::scenario::{self, Group, Round};

/// What a commit did.
#[derive(Debug, Clone)]
pub struct CommitReport {
    pub round: String,
    pub groups: usize,
    pub members: usize,
    /// The entry replaced an earlier one for the same round.
    pub replaced: bool,
    /// The same roster was already committed: nothing was written.
    pub unchanged: bool,
    /// 1-based, inclusive: where the entry is in the new file.
    pub lines: (usize, usize),
    /// Rounds in history after the commit.
    pub history_len: usize,
    /// How the plan's stamp compared with the scenario (`Changed`: the
    /// scenario changed since the plan was made; it still passed every rule).
    pub stamp: stamp::Match,
    /// `--next`: the round the scenario moved on to.
    pub next: Option<NextRound>,
}

/// The new text of the scenario and the report, without writing anything.
pub fn prepare(
    sf: &ScenarioFile,
    plan: &PlanFile,
    replace: bool,
) -> Result<(String, CommitReport), LifecycleError> {
    let s = &sf.scenario;
    let round = sf.round()?;
    let (groups, stamp) = super::check_plan(sf, plan)?;
    let refused = |reasons: Vec<Refusal>| LifecycleError::Refused {
        plan: plan.file.clone(),
        round: round.id.clone(),
        reasons,
    };
    if let (Some(c), false) = (&sf.committed, replace) {
        return Err(refused(vec![Refusal::AlreadyCommitted {
            file: sf.file.clone(),
            entry: c.index + 1,
        }]));
    }
    if let Err(violations) = roster_check::check(s, round, &groups) {
        return Err(refused(
            violations.into_iter().map(Refusal::Breaks).collect(),
        ));
    }
    let members = groups.iter().map(|g| g.members.len()).sum();
    let history_len = s.history.len() + 1;
    let entry = Entry::new(s, &round.id, round.start, round.end, &groups);
    let edit_error = |reason: String| LifecycleError::Edit {
        file: sf.file.clone(),
        reason,
    };
    let report = |replaced, unchanged, lines| CommitReport {
        round: round.id.clone(),
        groups: groups.len(),
        members,
        replaced,
        unchanged,
        lines,
        history_len,
        stamp,
        next: None,
    };
    let edited = match &sf.committed {
        Some(c) => {
            if c.round.groups == groups && c.round.start == round.start && c.round.end == round.end
            {
                return Ok((sf.text.clone(), report(false, true, (0, 0))));
            }
            history_edit::replace(&sf.text, c.index, &entry).map_err(edit_error)?
        }
        None => history_edit::append(&sf.text, &entry).map_err(edit_error)?,
    };
    verify(
        sf,
        round,
        &groups,
        &edited.text,
        sf.committed.as_ref().map(|c| c.index),
    )
    .map_err(edit_error)?;
    Ok((
        edited.text,
        report(sf.committed.is_some(), false, edited.lines),
    ))
}

/// How to commit.
#[derive(Debug, Clone, Copy, Default)]
pub struct CommitOptions {
    /// Replace the round's entry if it is already in history.
    pub replace: bool,
    /// Then move on to the next round of the term (`xuncha round next`).
    pub next: bool,
}

/// Commit the plan at `plan_path` to the scenario at `scenario_path`. The
/// scenario is read, checked, edited and written under its lock, so two
/// commits at once never lose one another's roster.
pub fn commit(
    scenario_path: &Path,
    plan_path: &Path,
    opts: CommitOptions,
) -> Result<CommitReport, LifecycleError> {
    let plan = PlanFile::read(plan_path)?;
    crate::fsio::update(scenario_path, |old| {
        let bytes = old.ok_or_else(|| {
            LifecycleError::Load(crate::LoadError::Io {
                path: scenario_path.to_path_buf(),
                source: std::io::ErrorKind::NotFound.into(),
            })
        })?;
        let sf = ScenarioFile::from_bytes(scenario_path, bytes)?;
        let (mut text, mut report) = prepare(&sf, &plan, opts.replace)?;
        if opts.next {
            let committed = ScenarioFile::from_text(scenario_path, text)?;
            let (moved, next) = round_next::prepare(&committed)?;
            text = moved;
            report.next = Some(next);
        }
        let write = !(report.unchanged && report.next.is_none());
        Ok((write.then(|| text.into_bytes()), report))
    })
    .map_err(|source| LifecycleError::Write {
        path: scenario_path.to_path_buf(),
        source,
    })?
}

/// The edited text must load, hold the new entry exactly, and be the old
/// file in every other respect.
fn verify(
    sf: &ScenarioFile,
    round: &Round,
    groups: &[Group],
    text: &str,
    replaced: Option<usize>,
) -> Result<(), String> {
    let fail = |what: &str| {
        Err(format!(
            "the edited file would not read back as expected ({what})"
        ))
    };
    let Ok(old_raw) = scenario::parse_raw(&sf.text) else {
        return fail("the old file does not parse");
    };
    let Ok(new_raw) = scenario::parse_raw(text) else {
        return fail("it does not parse");
    };
    let without_history = |raw: &scenario::raw::RawScenario| {
        let mut r = raw.clone();
        r.history.clear();
        serde_yaml::to_value(r).ok()
    };
    if without_history(&old_raw).is_none() || without_history(&old_raw) != without_history(&new_raw)
    {
        return fail("a section other than `history` changed");
    }
    let value = |h: &scenario::raw::RawHistoryRound| serde_yaml::to_value(h).ok();
    let old: Vec<_> = old_raw.history.iter().map(value).collect();
    let new: Vec<_> = new_raw.history.iter().map(value).collect();
    let (expected_len, at) = match replaced {
        Some(i) => (old.len(), i),
        None => (old.len() + 1, old.len()),
    };
    if new.len() != expected_len {
        return fail("the number of history entries is wrong");
    }
    for (i, (o, n)) in old.iter().zip(&new).enumerate() {
        if i != at && o != n {
            return fail("another history entry changed");
        }
    }
    if new.get(at).and_then(|h| h.as_ref()).is_none() {
        return fail("the new entry is missing");
    }
    let Ok(reread) = ScenarioFile::from_text(&sf.path, text.to_string()) else {
        return fail("it does not load");
    };
    match &reread.committed {
        Some(c)
            if c.index == at
                && c.round.id == round.id
                && c.round.start == round.start
                && c.round.end == round.end
                && c.round.groups == groups =>
        {
            Ok(())
        }
        _ => fail("the new entry does not hold the roster"),
    }
}
