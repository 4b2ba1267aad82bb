//! A scenario read for the lifecycle commands.
//!
//! Once a round is committed, the scenario's `history` holds the round that
//! `round` still describes ([`Scenario::committed`]); `xuncha plan` refuses
//! it (the next step is `xuncha round next`). `repair`, `replace`, `why`
//! and `commit --replace` work on exactly that published round: its own
//! history entry is set aside ([`ScenarioFile::committed`]) and left out of
//! [`ScenarioFile::scenario`], so the soft terms never count the round
//! against itself.

use std::path::{Path, PathBuf};

use super::LifecycleError;
use crate::error::LoadError;
use crate::scenario::{self, HistoryRound, Round, Scenario};

/// The round's own entry in the file's `history`.
#[derive(Debug, Clone)]
pub struct Committed {
    /// Its position in the file's `history` list.
    pub index: usize,
    pub round: HistoryRound,
}

/// A scenario file with its text, as the lifecycle commands read it.
#[derive(Debug, Clone)]
pub struct ScenarioFile {
    pub path: PathBuf,
    /// The path as messages show it.
    pub file: String,
    /// The file's text, exactly as read.
    pub text: String,
    /// The validated scenario, without the round's own history entry.
    pub scenario: Scenario,
    /// Set when the round is already committed to `history`.
    pub committed: Option<Committed>,
}

impl ScenarioFile {
    /// Read and validate the scenario at `path`.
    pub fn read(path: &Path) -> Result<Self, LifecycleError> {
        let bytes = crate::fsio::read(path).map_err(|source| LoadError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        Self::from_bytes(path, bytes)
    }

    /// [`ScenarioFile::from_text`] for the bytes of the file.
    pub fn from_bytes(path: &Path, bytes: Vec<u8>) -> Result<Self, LifecycleError> {
        let text = scenario::utf8_text(bytes, &path.display().to_string())?;
        Self::from_text(path, text)
    }

    /// Validate `text` as the content of the scenario at `path` (ledger
    /// files it includes are read relative to `path`).
    pub fn from_text(path: &Path, text: String) -> Result<Self, LifecycleError> {
        let file = path.display().to_string();
        let mut scenario = scenario::parse(&text, &file)?;
        let committed = scenario.committed.take().map(|index| Committed {
            index,
            round: scenario.history.remove(index),
        });
        Ok(ScenarioFile {
            path: path.to_path_buf(),
            file,
            text,
            scenario,
            committed,
        })
    }

    /// The round to plan, repair or commit.
    pub fn round(&self) -> Result<&Round, LifecycleError> {
        self.scenario.round.as_ref().ok_or(LifecycleError::NoRound {
            file: self.file.clone(),
        })
    }
}
