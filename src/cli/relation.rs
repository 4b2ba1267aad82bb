//! `xuncha relation add`: record a tie between two people.

use std::io::Write;
use std::path::PathBuf;

use clap::{Args, Subcommand};

use super::edit::{date_or_today, run_edit};
use super::Failure;
use crate::lifecycle::edits::Change;
use crate::report::i18n::Words;

#[derive(Debug, Subcommand)]
pub enum RelationCommand {
    /// Add a relation A–B of KIND (spouse, parent, … or 配偶, 父母, …).
    #[command(
        after_help = "Example:\n  xuncha relation add scenarios/qingshan.yaml P0014 Q0203 配偶 --note 个人有关事项报告"
    )]
    Add(RelationAddArgs),
}

#[derive(Debug, Args)]
pub struct RelationAddArgs {
    /// The scenario file.
    pub scenario: PathBuf,
    pub a: String,
    pub b: String,
    /// The kind (see FORMAT.md "Relation kinds").
    pub kind: String,
    /// Where the office learnt of it, kept in the file.
    #[arg(long)]
    pub note: Option<String>,
    /// The date it was recorded (default: today).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = super::args::date)]
    pub date: Option<chrono::NaiveDate>,
}

pub fn run(c: &RelationCommand, w: &Words, out: &mut dyn Write) -> Result<u8, Failure> {
    match c {
        RelationCommand::Add(a) => {
            let change = Change::RelationAdd {
                a: a.a.clone(),
                b: a.b.clone(),
                kind: crate::vocab::relation(a.kind.trim())
                    .map(str::to_string)
                    .unwrap_or_else(|| a.kind.trim().to_string()),
                date: date_or_today(a.date),
                note: a.note.clone(),
            };
            run_edit(w, &a.scenario, &[change], out)
        }
    }
}
