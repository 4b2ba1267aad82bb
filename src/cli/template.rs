//! `xuncha template -o 人员库.xlsx`: an empty workbook in the office's
//! layout (docs/workbooks.md), with a row of example values and drop-down
//! lists. Refuses to replace a file unless `--force`.

use std::io::Write;

use anyhow::anyhow;
use clap::Args;

use super::{Failure, EXIT_OK};
use crate::report::i18n::Words;
use crate::workbook::write;

#[derive(Debug, Args)]
pub struct TemplateArgs {
    /// With -o: replace the file if it exists.
    #[arg(long)]
    pub force: bool,
}

pub fn run(_a: &TemplateArgs, w: &Words, out: &mut dyn Write) -> Result<u8, Failure> {
    let bytes = write::to_xlsx(&write::template())
        .map_err(|e| Failure::input(anyhow!(crate::report::workbook::xlsx_error(w, &e))))?;
    super::emit_bytes(out, &bytes)?;
    Ok(EXIT_OK)
}
