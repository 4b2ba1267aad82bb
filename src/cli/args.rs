//! The command line as clap parses it: the top-level parser and the list of
//! commands. Each command's own flags live beside its code in `cli/<command>.rs`;
//! raw flags are validated there before anything is read or written.

use clap::{Parser, Subcommand, ValueEnum};

use crate::report::i18n::Lang;

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
    /// Language of the output: zh (Chinese, the default) or en. Also read
    /// from the XUNCHA_LANG environment variable.
    #[arg(long, global = true, value_name = "LANG", value_parser = parse_lang)]
    pub lang: Option<Lang>,
    #[command(subcommand)]
    pub command: Command,
}

impl Cli {
    /// The language asked for: `--lang`, else `XUNCHA_LANG`, else Chinese.
    pub fn language(&self) -> Lang {
        self.lang.or_else(Lang::from_env).unwrap_or_default()
    }
}

fn parse_lang(s: &str) -> Result<Lang, String> {
    Lang::parse(s).ok_or_else(|| format!("`{s}` is not a language xuncha speaks; use zh or en"))
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
    /// Publish a roster: append it to the scenario's history (atomically; comments kept).
    #[command(
        after_help = "Examples:\n  xuncha plan scenarios/qingshan.yaml --format json > plan.json\n  xuncha commit scenarios/qingshan.yaml plan.json\n  xuncha commit scenarios/qingshan.yaml repaired.json --replace"
    )]
    Commit(super::commit::CommitArgs),
    /// Re-plan a roster after someone drops out or a conflict surfaces, changing the fewest seats.
    #[command(
        after_help = "Examples:\n  xuncha repair scenarios/qingshan.yaml plan.json --drop P0014\n  xuncha repair scenarios/qingshan.yaml plan.json --add-conflict P0033,T01 --format json > repaired.json"
    )]
    Repair(super::repair::RepairArgs),
    /// Rank candidates for one person's seat, with why each fits or does not.
    #[command(
        after_help = "Example:\n  xuncha replace scenarios/qingshan.yaml plan.json --person P0014"
    )]
    Replace(super::replace::ReplaceArgs),
    /// Explain why a person is in their group, or not in another, and what moving them costs.
    #[command(
        after_help = "Examples:\n  xuncha why scenarios/qingshan.yaml plan.json --person P0056\n  xuncha why scenarios/qingshan.yaml plan.json --person P0056 --unit T03"
    )]
    Why(super::why::WhyArgs),
    /// After a commit: make the next round of the term the round to plan.
    #[command(subcommand)]
    Round(super::round::RoundCommand),
    /// A person leaves (出库) or joins (入库) the pool, with date and reason.
    #[command(subcommand)]
    Pool(super::pool::PoolCommand),
    /// Record a conflict a person declared (本人申报).
    #[command(
        after_help = "Example:\n  xuncha declare scenarios/qingshan.yaml P0014 T03 --reason 配偶新任镇长"
    )]
    Declare(super::declare::DeclareArgs),
    /// Record that a conflict was reviewed and needs no recusal.
    #[command(
        after_help = "Example:\n  xuncha waive scenarios/qingshan.yaml P0023 T16 --reason 经巡察办审核不需回避"
    )]
    Waive(super::waive::WaiveArgs),
    /// Record that a person is unavailable from one date to another.
    #[command(
        after_help = "Example:\n  xuncha leave scenarios/qingshan.yaml P0014 --from 2027-04-01 --to 2027-04-20 --reason 病假"
    )]
    Leave(super::leave::LeaveArgs),
    /// Record a relation between two people.
    #[command(subcommand)]
    Relation(super::relation::RelationCommand),
    /// Training records: who meets the requirement.
    #[command(subcommand)]
    Training(super::training::TrainingCommand),
    /// Write a synthetic county scenario (no real person's data).
    #[command(after_help = "Example:\n  xuncha generate --preset county --seed 7 -o county.yaml")]
    Generate(super::generate::GenerateArgs),
    /// Simulate the rest of the term: coverage, load, repeats, what-ifs, Monte Carlo.
    #[command(
        after_help = "Examples:\n  xuncha simulate scenarios/qingshan.yaml\n  xuncha simulate scenarios/qingshan.yaml --format json > term.json\n  xuncha simulate scenarios/qingshan.yaml --compare \"without=P0014,P0033\" --compare \"groups=6\"\n  xuncha simulate scenarios/qingshan.yaml --samples 20 --seed 7 --absence 0.1\n  xuncha simulate scenarios/qingshan.yaml --lookahead 2"
    )]
    Simulate(super::simulate::SimulateArgs),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    Table,
    Json,
    Csv,
}
