//! Everything printed: tables for people, JSON and CSV for programs.

pub mod check;
pub mod conflicts;
pub mod plan;
pub mod simulate;
pub mod table;
pub mod training;

/// Output formats shared by the commands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Table,
    Json,
    Csv,
}
