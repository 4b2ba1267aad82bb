//! Raw command-line flags, exactly as clap parses them. [`super::run`] turns
//! them into validated settings before anything is read or written.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

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
    Check(CheckArgs),
    /// List recusal conflicts with their evidence.
    #[command(after_help = "Examples:\n  xuncha conflicts scenarios/qingshan.yaml\n  xuncha conflicts scenarios/qingshan.yaml --person P0007 --all-units\n  xuncha conflicts scenarios/qingshan.yaml --format json")]
    Conflicts(ConflictsArgs),
    /// Plan the scenario's round: groups, leaders, members, units, villages.
    #[command(after_help = "Examples:\n  xuncha plan scenarios/qingshan.yaml\n  xuncha plan scenarios/qingshan.yaml --format json --time-limit 20")]
    Plan(PlanArgs),
    /// Training records: who meets the requirement.
    #[command(subcommand)]
    Training(TrainingCommand),
    /// Write a synthetic county scenario (no real person's data).
    #[command(after_help = "Example:\n  xuncha generate --preset county --seed 7 -o county.yaml")]
    Generate(GenerateArgs),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    Table,
    Json,
    Csv,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The scenario file (YAML, FORMAT.md v1).
    pub scenario: PathBuf,
}

#[derive(Debug, Args)]
pub struct ConflictsArgs {
    pub scenario: PathBuf,
    /// Only these people (repeat or separate with commas).
    #[arg(long = "person", value_delimiter = ',')]
    pub people: Vec<String>,
    /// Only these units (repeat or separate with commas).
    #[arg(long = "unit", value_delimiter = ',')]
    pub units: Vec<String>,
    /// Check against every unit, not just the round's.
    #[arg(long)]
    pub all_units: bool,
    /// Date postings are measured against (default: the round's start, else today).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub as_of: Option<String>,
    #[arg(long, value_enum, default_value = "table")]
    pub format: FormatArg,
}

#[derive(Debug, Args)]
pub struct PlanArgs {
    pub scenario: PathBuf,
    #[arg(long, value_enum, default_value = "table")]
    pub format: FormatArg,
    /// Stop the solver after this many seconds and return the best roster found.
    #[arg(long, default_value_t = 60.0, value_name = "SECONDS")]
    pub time_limit: f64,
}

#[derive(Debug, Subcommand)]
pub enum TrainingCommand {
    /// Hours in the requirement window per pool member.
    Report(TrainingReportArgs),
}

#[derive(Debug, Args)]
pub struct TrainingReportArgs {
    pub scenario: PathBuf,
    /// End of the window, exclusive (default: the round's start).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub as_of: Option<String>,
    #[arg(long, value_enum, default_value = "table")]
    pub format: FormatArg,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Preset {
    Small,
    County,
    City,
    RecusalBench,
}

#[derive(Debug, Args)]
pub struct GenerateArgs {
    #[arg(long, value_enum, default_value = "county")]
    pub preset: Preset,
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Write here (atomically) instead of standard output.
    #[arg(short, long)]
    pub output: Option<PathBuf>,
}
