//! `xuncha export SCENARIO -o 人员库.xlsx`: the scenario's lists as a
//! workbook in the office's layout, so that `sources: [人员库.xlsx]` gives
//! the same scenario. Refuses to replace a file unless `--force`.

use std::io::Write;
use std::path::PathBuf;

use anyhow::anyhow;
use clap::Args;

use super::{Failure, EXIT_OK};
use crate::report::i18n::Words;
use crate::workbook::{sources, write};

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The scenario file.
    pub scenario: PathBuf,
    /// With -o: replace the file if it exists.
    #[arg(long)]
    pub force: bool,
}

pub fn run(a: &ExportArgs, w: &Words, out: &mut dyn Write) -> Result<u8, Failure> {
    let (_, raw) = sources::load_joined(&a.scenario).map_err(|e| Failure::input(anyhow!(e)))?;
    let bytes = write::to_xlsx(&write::export(&raw))
        .map_err(|e| Failure::input(anyhow!(crate::report::workbook::xlsx_error(w, &e))))?;
    super::emit_bytes(out, &bytes)?;
    Ok(EXIT_OK)
}
