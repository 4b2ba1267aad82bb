//! The command line as clap parses it: the top-level parser and the list of
//! commands. Each command's own flags live beside its code in `cli/<command>.rs`;
//! raw flags are validated there before anything is read or written.

use clap::{Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(
    name = "xuncha",
    version,
    about = "巡察 — staff inspection rounds: personnel pool, recusal, roster planning",
    long_about = "xuncha keeps an inspection office's personnel pool, relationship graph and \
training records in one scenario file (see FORMAT.md), checks recusal (回避) conflicts with \
evidence, and plans a round's groups with a constraint solver.",
    after_help = "Examples:\n  xuncha check scenarios/qingshan.yaml\n  xuncha conflicts scenarios/qingshan.yaml --unit T01\n  xuncha plan scenarios/qingshan.yaml\n  xuncha plan scenarios/qingshan.yaml --format json > plan.json\n  xuncha training report scenarios/qingshan.yaml --as-of 2027-03-01\n\nExit status: 0 success, 1 bad input or I/O, 2 bad usage, 3 no roster exists."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate a scenario and summarise pool, units, conflicts and exclusions.
    #[command(after_help = "Example:\n  xuncha check scenarios/qingshan.yaml")]
    Check(super::check::CheckArgs),
    /// List recusal conflicts with their evidence.
    #[command(
        after_help = "Examples:\n  xuncha conflicts scenarios/qingshan.yaml\n  xuncha conflicts scenarios/qingshan.yaml --person P0007 --all-units\n  xuncha conflicts scenarios/qingshan.yaml --format json"
    )]
    Conflicts(super::conflicts::ConflictsArgs),
    /// Plan the scenario's round: groups, leaders, members, units, villages.
    #[command(
        after_help = "Examples:\n  xuncha plan scenarios/qingshan.yaml\n  xuncha plan scenarios/qingshan.yaml --format json --time-limit 20"
    )]
    Plan(super::plan::PlanArgs),
    /// Training records: who meets the requirement.
    #[command(subcommand)]
    Training(super::training::TrainingCommand),
    /// Write a synthetic county scenario (no real person's data).
    #[command(after_help = "Example:\n  xuncha generate --preset county --seed 7 -o county.yaml")]
    Generate(super::generate::GenerateArgs),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    Table,
    Json,
    Csv,
}
