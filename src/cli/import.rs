//! `xuncha import lrmx SCENARIO FILE_OR_DIR… -o 导入.xlsx`: appointment
//! forms (干部任免审批表, `.lrmx`) into a workbook of the sources layout,
//! with a 待核对 sheet of what a person must settle (docs/workbooks.md).

use std::io::Write;
use std::path::PathBuf;

use anyhow::anyhow;
use clap::{Args, Subcommand};

use super::{Failure, EXIT_OK};
use crate::lrmx::{import, matcher::Matcher};
use crate::report::i18n::Words;
use crate::workbook::{sources, write};

#[derive(Debug, Subcommand)]
pub enum ImportCommand {
    #[command(after_help = "xuncha import lrmx scenarios/qingshan.yaml 任免审批表/ -o 导入.xlsx")]
    Lrmx(LrmxArgs),
}

#[derive(Debug, Args)]
pub struct LrmxArgs {
    /// The scenario whose units and villages the forms' names are matched to.
    pub scenario: PathBuf,
    /// `.lrmx` files, or folders holding them.
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// With -o: replace the file if it exists.
    #[arg(long)]
    pub force: bool,
}

impl ImportCommand {
    pub fn force(&self) -> bool {
        match self {
            ImportCommand::Lrmx(a) => a.force,
        }
    }
}

pub fn run(c: &ImportCommand, w: &Words, out: &mut dyn Write) -> Result<u8, Failure> {
    let ImportCommand::Lrmx(a) = c;
    let (scenario, raw) =
        sources::load_joined(&a.scenario).map_err(|e| Failure::input(anyhow!(e)))?;
    let files = import::collect_files(&a.files)
        .map_err(|e| Failure::input(anyhow!(crate::report::workbook::folder_error(w, &e))))?;
    let matcher = Matcher::new(&scenario, &raw.aliases);
    let label = |p: &std::path::Path| p.display().to_string();
    let imported = import::import(&scenario, &matcher, &files, label);
    let sheets = import::sheets(&imported, |i| crate::report::workbook::review_issue(w, i));
    let bytes = write::to_xlsx(&sheets)
        .map_err(|e| Failure::input(anyhow!(crate::report::workbook::xlsx_error(w, &e))))?;
    super::emit_bytes(out, &bytes)?;
    eprintln!("{}", crate::report::workbook::import_summary(w, &imported));
    Ok(EXIT_OK)
}
