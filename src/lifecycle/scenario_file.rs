//! A scenario read for the lifecycle commands.
//!
//! Once a round is committed, the scenario's `history` holds the round that
//! `round` still describes, which `xuncha check` and `plan` reject ("this
//! round is already in history": the next step is to describe the next
//! round). `repair`, `replace`, `why` and `commit --replace` work on exactly
//! that published round, so they read such a file too: the round's own
//! history entry is set aside ([`ScenarioFile::committed`]) and left out of
//! [`ScenarioFile::scenario`], so the soft terms never count the round
//! against itself.

use std::path::{Path, PathBuf};

use super::LifecycleError;
use crate::error::{LoadError, Problem};
use crate::scenario::{self, yaml_path, HistoryRound, Locations, Round, Scenario};

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
        let text = crate::scenario::read_text(path)?;
        Self::from_text(path, text)
    }

    /// Validate `text` as the content of the scenario at `path` (ledger
    /// files it includes are read relative to `path`).
    pub fn from_text(path: &Path, text: String) -> Result<Self, LifecycleError> {
        let file = path.display().to_string();
        let committed_at = committed_index(&text);
        let Some((index, id)) = committed_at else {
            let scenario = scenario::parse(&text, &file)?;
            return Ok(ScenarioFile {
                path: path.to_path_buf(),
                file,
                text,
                scenario,
                committed: None,
            });
        };
        // Rename the entry's id in a copy of the text so that validation
        // accepts it; every line keeps its number.
        // (A byte-order mark would hide the positions from the YAML pass.)
        let body = text.strip_prefix('\u{feff}').unwrap_or(&text);
        let Some((renamed, placeholder)) = rename_history_id(body, index, &id) else {
            // The id could not be located: let validation report the file as is.
            scenario::parse(&text, &file)?;
            return Err(not_located(&file, &id));
        };
        let mut scenario = scenario::parse(&renamed, &file)?;
        let pos = scenario
            .history
            .iter()
            .position(|h| h.id == placeholder)
            .ok_or_else(|| not_located(&file, &id))?;
        let mut round = scenario.history.remove(pos);
        round.id = id;
        Ok(ScenarioFile {
            path: path.to_path_buf(),
            file,
            text,
            scenario,
            committed: Some(Committed { index, round }),
        })
    }

    /// The round to plan, repair or commit.
    pub fn round(&self) -> Result<&Round, LifecycleError> {
        self.scenario.round.as_ref().ok_or(LifecycleError::NoRound {
            file: self.file.clone(),
        })
    }
}

/// A load error for a file whose committed round could not be set aside.
fn not_located(file: &str, id: &str) -> LifecycleError {
    LoadError::Invalid {
        file: file.to_string(),
        problems: vec![Problem::new(format!(
            "round {id} is both the round to plan and in history, and its history entry could not be located in the text"
        ))
        .about(format!("round {id}"))
        .hint("give the round to plan a new id, or remove its history entry")],
    }
    .into()
}

/// The index (and id) of the history entry naming the file's own round,
/// the last one if several do. `None` when the file does not even parse:
/// validation reports that.
fn committed_index(text: &str) -> Option<(usize, String)> {
    let raw = scenario::parse_raw(text).ok()?;
    let id = raw.round.as_ref()?.id.clone();
    let index = raw.history.iter().rposition(|h| h.round == id)?;
    Some((index, id))
}

/// `text` with the id of `history[index]` replaced by a placeholder that
/// no other entry uses, and the placeholder.
fn rename_history_id(text: &str, index: usize, id: &str) -> Option<(String, String)> {
    let locations = Locations::index(text);
    let path = yaml_path(&format!("history[{index}].round"));
    // `find` falls back to an ancestor; insist on the value itself.
    let span = locations.find(&path)?;
    let parent = locations.find(&path[..path.len() - 1]);
    if parent == Some(span) {
        return None;
    }
    let start = line_col_offset(text, span.line, span.column)?;
    let rest = &text[start..];
    let len = [id.to_string(), format!("\"{id}\""), format!("'{id}'")]
        .into_iter()
        .find(|form| rest.starts_with(form.as_str()))
        .map(|form| form.len())?;
    let mut placeholder = format!("{id} (committed)");
    while text.contains(&placeholder) {
        placeholder.push('*');
    }
    let quoted = serde_json::to_string(&placeholder).ok()?;
    let mut out = String::with_capacity(text.len() + quoted.len());
    out.push_str(&text[..start]);
    out.push_str(&quoted);
    out.push_str(&text[start + len..]);
    Some((out, placeholder))
}

/// The byte offset of 1-based `line` and 1-based character `column`.
pub(crate) fn line_col_offset(text: &str, line: usize, column: usize) -> Option<usize> {
    let mut offset = 0;
    for (i, l) in text.split_inclusive('\n').enumerate() {
        if i + 1 == line {
            let within = l
                .char_indices()
                .nth(column.checked_sub(1)?)
                .map(|(b, _)| b)?;
            return Some(offset + within);
        }
        offset += l.len();
    }
    None
}
