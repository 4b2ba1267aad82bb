//! The command line as clap parses it: the top-level parser, the list of
//! commands, and the ONE parser for values given on the command line (time
//! limits, months, counts, probabilities, dates, years, id lists).
//!
//! Each command's own flags live beside its code in `cli/<command>.rs`. Help
//! text is not written here: every command and flag takes its one-line
//! description from the catalogue (`locales/<lang>/help.ftl`, see
//! `cli/help.rs`), so `--help` speaks the user's language.
//!
//! Every value parser returns a typed [`ValueError`]; clap carries it to the
//! top level, which renders it in the user's language with the flag's name
//! and the accepted range (exit status 2).

use std::ffi::OsString;
use std::path::PathBuf;
use std::time::Duration;

use chrono::{Datelike, NaiveDate};
use clap::{Parser, Subcommand, ValueEnum};

use crate::report::i18n::Lang;

#[derive(Debug, Parser)]
#[command(
    name = "xuncha",
    version,
    after_help = "xuncha check scenarios/qingshan.yaml\n\
xuncha conflicts scenarios/qingshan.yaml --unit T01\n\
xuncha plan scenarios/qingshan.yaml\n\
xuncha plan scenarios/qingshan.yaml --format json -o plan.json\n\
xuncha training report scenarios/qingshan.yaml --as-of 2027-03-01\n\
xuncha --lang en plan scenarios/qingshan.yaml"
)]
pub struct Cli {
    #[arg(long, global = true, value_name = "LANG", value_parser = lang)]
    pub lang: Option<Lang>,
    #[arg(short, long, global = true, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Start CSV output with a UTF-8 byte-order mark (default yes: Excel on
    /// a Chinese Windows needs it to read the Chinese).
    #[arg(long, global = true, value_enum, value_name = "YES|NO")]
    pub csv_bom: Option<YesNo>,
    #[command(subcommand)]
    pub command: Command,
}

impl Cli {
    /// The language asked for: `--lang`, else `XUNCHA_LANG`, else Chinese.
    pub fn language(&self) -> Lang {
        self.lang.or_else(Lang::from_env).unwrap_or_default()
    }
}

/// The language of a command line before clap has read it (help and usage
/// errors must already speak it): the last `--lang X` / `--lang=X` that
/// names a language, else `XUNCHA_LANG`, else Chinese. Nothing after `--`
/// counts.
pub fn language_of(argv: &[OsString]) -> Lang {
    let mut found = None;
    let mut it = argv.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(a) = it.next() {
        if a == "--" {
            break;
        }
        let value = if a == "--lang" {
            it.next().map(|v| v.into_owned())
        } else {
            a.strip_prefix("--lang=").map(str::to_string)
        };
        if let Some(l) = value.as_deref().and_then(Lang::parse) {
            found = Some(l);
        }
    }
    found.or_else(Lang::from_env).unwrap_or_default()
}

#[derive(Debug, Subcommand)]
pub enum Command {
    #[command(after_help = "xuncha check scenarios/qingshan.yaml")]
    Check(super::check::CheckArgs),
    #[command(after_help = "xuncha conflicts scenarios/qingshan.yaml\n\
xuncha conflicts scenarios/qingshan.yaml --person P0007 --all-units\n\
xuncha conflicts scenarios/qingshan.yaml --format csv -o conflicts.csv")]
    Conflicts(super::conflicts::ConflictsArgs),
    #[command(after_help = "xuncha plan scenarios/qingshan.yaml\n\
xuncha plan scenarios/qingshan.yaml --format json --time-limit 20 -o plan.json")]
    Plan(super::plan::PlanArgs),
    #[command(
        after_help = "xuncha plan scenarios/qingshan.yaml --format json -o plan.json\n\
xuncha commit scenarios/qingshan.yaml plan.json\n\
xuncha commit scenarios/qingshan.yaml repaired.json --replace"
    )]
    Commit(super::commit::CommitArgs),
    #[command(
        after_help = "xuncha repair scenarios/qingshan.yaml plan.json --drop P0014\n\
xuncha repair scenarios/qingshan.yaml plan.json --add-conflict P0033,T01 --format json -o repaired.json"
    )]
    Repair(super::repair::RepairArgs),
    #[command(after_help = "xuncha replace scenarios/qingshan.yaml plan.json --person P0014")]
    Replace(super::replace::ReplaceArgs),
    #[command(
        after_help = "xuncha why scenarios/qingshan.yaml plan.json --person P0056\n\
xuncha why scenarios/qingshan.yaml plan.json --person P0056 --unit T03"
    )]
    Why(super::why::WhyArgs),
    #[command(subcommand)]
    Round(super::round::RoundCommand),
    #[command(subcommand)]
    Pool(super::pool::PoolCommand),
    #[command(
        after_help = "xuncha declare scenarios/qingshan.yaml P0014 T03 --reason 配偶新任镇长"
    )]
    Declare(super::declare::DeclareArgs),
    #[command(
        after_help = "xuncha waive scenarios/qingshan.yaml P0023 T16 --reason 经巡察办审核不需回避"
    )]
    Waive(super::waive::WaiveArgs),
    #[command(
        after_help = "xuncha leave scenarios/qingshan.yaml P0014 --from 2027-04-01 --to 2027-04-20 --reason 病假"
    )]
    Leave(super::leave::LeaveArgs),
    #[command(subcommand)]
    Relation(super::relation::RelationCommand),
    #[command(subcommand)]
    Training(super::training::TrainingCommand),
    #[command(after_help = "xuncha generate --preset county --seed 7 -o county.yaml")]
    Generate(super::generate::GenerateArgs),
    #[command(after_help = "xuncha simulate scenarios/qingshan.yaml\n\
xuncha simulate scenarios/qingshan.yaml --format json -o term.json\n\
xuncha simulate scenarios/qingshan.yaml --compare \"without=P0014,P0033\" --compare \"groups=6\"\n\
xuncha simulate scenarios/qingshan.yaml --samples 20 --seed 7 --absence 0.1\n\
xuncha simulate scenarios/qingshan.yaml --lookahead 2")]
    Simulate(super::simulate::SimulateArgs),
    #[command(after_help = "xuncha draw scenarios/qingshan.yaml --seed 20270301\n\
xuncha draw scenarios/qingshan.yaml --seed 20270301 --within 5 --format json -o draw.json\n\
xuncha draw --verify draw.json scenarios/qingshan.yaml")]
    Draw(super::draw::DrawArgs),
    #[command(after_help = "xuncha report scenarios/qingshan.yaml -o 名单.html\n\
xuncha report scenarios/qingshan.yaml --plan plan.json --simulate -o 报告.html")]
    Report(super::report_cmd::ReportArgs),
    #[command(after_help = "xuncha template -o 人员库.xlsx")]
    Template(super::template::TemplateArgs),
    #[command(after_help = "xuncha export scenarios/qingshan.yaml -o 人员库.xlsx")]
    Export(super::export::ExportArgs),
    #[command(subcommand)]
    Import(super::import::ImportCommand),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum YesNo {
    Yes,
    No,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    Table,
    Json,
    Csv,
    /// An Excel workbook (needs `-o FILE.xlsx`).
    Xlsx,
}

// ------------------------------------------------------------ value parsers

/// What is wrong with a value given on the command line. The flag is added
/// where the error is shown (clap knows which flag the value belongs to).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ValueError {
    #[error("`{text}` is not a number")]
    NotANumber { text: String },
    #[error("`{text}` is not a whole number")]
    NotAWholeNumber { text: String },
    /// A number outside `min..=max` (in `unit`).
    #[error("`{text}` is out of range: give {min} to {max} {unit}")]
    OutOfRange {
        text: String,
        min: String,
        max: String,
        unit: Unit,
    },
    /// A time limit of zero or less, not finite, or over a day.
    #[error("`{text}`: give a number of seconds above 0, up to {max}")]
    TimeLimit { text: String, max: u32 },
    #[error("`{text}` is not a date (write it YYYY-MM-DD, e.g. 2027-03-01)")]
    NotADate { text: String },
    #[error("`{text}` is out of range: give a date from {min} to {max}")]
    DateOutOfRange {
        text: String,
        min: NaiveDate,
        max: NaiveDate,
    },
    #[error("no id given (write ids separated by commas, e.g. P0014,P0033)")]
    NoIds,
    #[error("`{text}` is not a group size (write MIN-MAX, e.g. 4-5)")]
    GroupSize { text: String },
    #[error("`{text}`: the minimum must be at least 1 and not above the maximum")]
    GroupSizeOrder { text: String },
    #[error("`{text}` is not a language xuncha speaks; use zh or en")]
    Lang { text: String },
}

/// What a bounded number counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Months,
    Samples,
    Rounds,
    Groups,
    Probability,
    Lookahead,
    Year,
    Hours,
    Percent,
    Moves,
}

impl Unit {
    /// The code the catalogue names it by (`unit-<code>`).
    pub fn code(self) -> &'static str {
        match self {
            Unit::Months => "months",
            Unit::Samples => "samples",
            Unit::Moves => "moves",
            Unit::Rounds => "rounds",
            Unit::Groups => "groups",
            Unit::Probability => "probability",
            Unit::Lookahead => "lookahead",
            Unit::Year => "year",
            Unit::Hours => "hours",
            Unit::Percent => "percent",
        }
    }
}

impl std::fmt::Display for Unit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

/// The longest time limit: a day. Longer is a typo, and `Duration` and
/// `Instant` overflow long before `f64` does.
pub const MAX_TIME_LIMIT_SECS: u32 = 86_400;
/// Monte Carlo samples at most (each one simulates the whole term).
pub const MAX_SAMPLES: u32 = 1_000;
/// `--shift-months` at most, before the term's own length bounds it further.
pub const MAX_SHIFT_MONTHS: i32 = 120;
/// `--rounds` at most.
pub const MAX_ROUNDS: u32 = 100;
/// `--groups` at most.
pub const MAX_GROUPS: u32 = 1_000;
/// `--lookahead` at most.
pub const MAX_LOOKAHEAD: u32 = 10;
/// Hours of one training record at most: the same bound as a ledger's.
pub use crate::training::ledger::MAX_RECORD_HOURS as MAX_HOURS;
/// `draw --within` at most, in percent.
pub const MAX_WITHIN_PCT: f64 = 1_000.0;
/// Dates and years on the command line: the same years as a scenario's.
pub use crate::scenario::YEARS;

fn out_of_range(text: &str, min: impl ToString, max: impl ToString, unit: Unit) -> ValueError {
    ValueError::OutOfRange {
        text: text.to_string(),
        min: min.to_string(),
        max: max.to_string(),
        unit,
    }
}

/// A time limit in seconds: positive, finite, at most a day.
pub fn time_limit(text: &str) -> Result<Duration, ValueError> {
    let t = text.trim();
    let x: f64 = t.parse().map_err(|_| ValueError::NotANumber {
        text: text.to_string(),
    })?;
    if !x.is_finite() || x <= 0.0 || x > f64::from(MAX_TIME_LIMIT_SECS) {
        return Err(ValueError::TimeLimit {
            text: text.to_string(),
            max: MAX_TIME_LIMIT_SECS,
        });
    }
    Ok(Duration::from_secs_f64(x))
}

fn whole(text: &str, min: i64, max: i64, unit: Unit) -> Result<i64, ValueError> {
    let t = text.trim();
    let n: i64 = match t.parse() {
        Ok(n) => n,
        // A number all the same (1e9, 99999999999999999999): out of range
        // if it is, else not whole.
        Err(_) => match t.parse::<f64>() {
            Ok(x) if x.is_finite() && (x < min as f64 || x > max as f64) => {
                return Err(out_of_range(text, min, max, unit))
            }
            Ok(_) => {
                return Err(ValueError::NotAWholeNumber {
                    text: text.to_string(),
                })
            }
            Err(_) => {
                return Err(ValueError::NotANumber {
                    text: text.to_string(),
                })
            }
        },
    };
    if !(min..=max).contains(&n) {
        return Err(out_of_range(text, min, max, unit));
    }
    Ok(n)
}

/// Months to move the term's rounds by: −120 to 120 here; the command
/// bounds it further by the term's own length once the scenario is read.
pub fn months(text: &str) -> Result<i32, ValueError> {
    let m = i64::from(MAX_SHIFT_MONTHS);
    whole(text, -m, m, Unit::Months).map(|n| n as i32)
}

/// Moves of the term search (`--term-moves`): 0 to [`MAX_MOVES`].
pub fn moves(text: &str) -> Result<u64, ValueError> {
    whole(text, 0, MAX_MOVES, Unit::Moves).map(|n| n as u64)
}

/// Upper bound on `--term-moves`: ten million swaps take minutes.
pub const MAX_MOVES: i64 = 10_000_000;

/// Monte Carlo samples: 1 to [`MAX_SAMPLES`].
pub fn samples(text: &str) -> Result<usize, ValueError> {
    whole(text, 1, MAX_SAMPLES.into(), Unit::Samples).map(|n| n as usize)
}

/// Term rounds to hold: 0 to [`MAX_ROUNDS`].
pub fn rounds(text: &str) -> Result<usize, ValueError> {
    whole(text, 0, MAX_ROUNDS.into(), Unit::Rounds).map(|n| n as usize)
}

/// Groups per round: 1 to [`MAX_GROUPS`].
pub fn groups(text: &str) -> Result<u32, ValueError> {
    whole(text, 1, MAX_GROUPS.into(), Unit::Groups).map(|n| n as u32)
}

/// Rounds looked ahead: 1 to [`MAX_LOOKAHEAD`].
pub fn lookahead(text: &str) -> Result<usize, ValueError> {
    whole(text, 1, MAX_LOOKAHEAD.into(), Unit::Lookahead).map(|n| n as usize)
}

/// A random seed: any whole number from 0 to 18446744073709551615.
pub fn seed(text: &str) -> Result<u64, ValueError> {
    text.trim()
        .parse()
        .map_err(|_| ValueError::NotAWholeNumber {
            text: text.to_string(),
        })
}

/// A calendar year, 1900 to 2200.
pub fn year(text: &str) -> Result<i32, ValueError> {
    whole(
        text,
        (*YEARS.start()).into(),
        (*YEARS.end()).into(),
        Unit::Year,
    )
    .map(|n| n as i32)
}

/// Hours of one training record: 0 to [`MAX_HOURS`].
pub fn hours(text: &str) -> Result<f64, ValueError> {
    let x: f64 = text.trim().parse().map_err(|_| ValueError::NotANumber {
        text: text.to_string(),
    })?;
    if !(0.0..=MAX_HOURS).contains(&x) {
        return Err(out_of_range(text, 0, MAX_HOURS, Unit::Hours));
    }
    Ok(x)
}

/// A tolerance in percent: 0 to [`MAX_WITHIN_PCT`].
pub fn percent(text: &str) -> Result<f64, ValueError> {
    let x: f64 = text.trim().parse().map_err(|_| ValueError::NotANumber {
        text: text.to_string(),
    })?;
    if !(0.0..=MAX_WITHIN_PCT).contains(&x) {
        return Err(out_of_range(text, 0, MAX_WITHIN_PCT, Unit::Percent));
    }
    Ok(x)
}

/// A probability: 0 to 1.
pub fn probability(text: &str) -> Result<f64, ValueError> {
    let x: f64 = text.trim().parse().map_err(|_| ValueError::NotANumber {
        text: text.to_string(),
    })?;
    if !(0.0..=1.0).contains(&x) {
        return Err(out_of_range(text, 0, 1, Unit::Probability));
    }
    Ok(x)
}

/// A date written YYYY-MM-DD, from 1900-01-01 to 2200-12-31.
pub fn date(text: &str) -> Result<NaiveDate, ValueError> {
    let t = text.trim();
    let d = NaiveDate::parse_from_str(t, "%Y-%m-%d")
        .ok()
        // chrono accepts `2027-3-1` and `+2027-03-01`; the office writes 2027-03-01.
        .filter(|_| t.len() == 10 && t.as_bytes()[4] == b'-' && t.as_bytes()[7] == b'-')
        .ok_or_else(|| ValueError::NotADate {
            text: text.to_string(),
        })?;
    if !YEARS.contains(&d.year()) {
        let min = NaiveDate::from_ymd_opt(*YEARS.start(), 1, 1).expect("a valid date");
        let max = NaiveDate::from_ymd_opt(*YEARS.end(), 12, 31).expect("a valid date");
        return Err(ValueError::DateOutOfRange {
            text: text.to_string(),
            min,
            max,
        });
    }
    Ok(d)
}

/// A group size `MIN-MAX` (`4-5`; `4～5` and `4–5` too), 1 ≤ MIN ≤ MAX ≤ 1000.
pub fn group_size(text: &str) -> Result<(u32, u32), ValueError> {
    let bad = || ValueError::GroupSize {
        text: text.to_string(),
    };
    let (a, b) = text
        .trim()
        .split_once(['-', '~', '～', '–', '—'])
        .ok_or_else(bad)?;
    let min: u32 = a.trim().parse().map_err(|_| bad())?;
    let max: u32 = b.trim().parse().map_err(|_| bad())?;
    if min == 0 || min > max || max > 1_000 {
        return Err(ValueError::GroupSizeOrder {
            text: text.to_string(),
        });
    }
    Ok((min, max))
}

/// Ids as people write lists of them: separated by commas (`,` `，`), `、`
/// or spaces, over one or more repetitions of a flag. Order kept,
/// duplicates dropped; an empty list is an error.
pub fn id_list<S: AsRef<str>>(given: &[S]) -> Result<Vec<String>, ValueError> {
    let mut out: Vec<String> = Vec::new();
    for g in given {
        for id in g
            .as_ref()
            .split([',', '，', '、', ' ', '\t'])
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            if !out.iter().any(|x| x == id) {
                out.push(id.to_string());
            }
        }
    }
    if out.is_empty() && !given.is_empty() {
        return Err(ValueError::NoIds);
    }
    Ok(out)
}

/// `--lang`: zh or en (and the ways locales write them).
pub fn lang(text: &str) -> Result<Lang, ValueError> {
    Lang::parse(text).ok_or_else(|| ValueError::Lang {
        text: text.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn time_limits_are_positive_finite_and_at_most_a_day() {
        assert_eq!(time_limit("20"), Ok(Duration::from_secs(20)));
        assert_eq!(time_limit("0.5"), Ok(Duration::from_millis(500)));
        assert_eq!(time_limit("86400"), Ok(Duration::from_secs(86_400)));
        for bad in [
            "0", "-1", "inf", "NaN", "-inf", "86401", "1e19", "1e20", "1e308",
        ] {
            assert!(
                matches!(time_limit(bad), Err(ValueError::TimeLimit { .. })),
                "{bad}"
            );
        }
        assert!(matches!(
            time_limit("ten"),
            Err(ValueError::NotANumber { .. })
        ));
    }

    #[test]
    fn whole_numbers_say_whether_they_are_out_of_range_or_not_whole() {
        assert_eq!(months("-12"), Ok(-12));
        assert!(matches!(
            months("100000"),
            Err(ValueError::OutOfRange { .. })
        ));
        assert!(matches!(months("1e9"), Err(ValueError::OutOfRange { .. })));
        assert!(matches!(
            months("1.5"),
            Err(ValueError::NotAWholeNumber { .. })
        ));
        assert!(matches!(samples("0"), Err(ValueError::OutOfRange { .. })));
        assert!(matches!(
            samples("99999999999999999999999"),
            Err(ValueError::OutOfRange { .. })
        ));
        assert_eq!(samples("1000"), Ok(1000));
        assert_eq!(rounds("0"), Ok(0));
        assert!(matches!(
            lookahead("11"),
            Err(ValueError::OutOfRange { .. })
        ));
    }

    #[test]
    fn dates_are_written_in_full_and_plausible() {
        assert_eq!(
            date("2027-03-01"),
            NaiveDate::from_ymd_opt(2027, 3, 1).ok_or(ValueError::NoIds)
        );
        for bad in [
            "2027-3-1",
            "2027/03/01",
            "2027-02-30",
            "+2027-03-01",
            "tomorrow",
        ] {
            assert!(
                matches!(date(bad), Err(ValueError::NotADate { .. })),
                "{bad}"
            );
        }
        assert!(matches!(
            date("9999-01-01"),
            Err(ValueError::DateOutOfRange { .. })
        ));
        assert!(matches!(year("1899"), Err(ValueError::OutOfRange { .. })));
    }

    #[test]
    fn id_lists_take_the_commas_people_type() {
        assert_eq!(
            id_list(&["P01,P02", "P03，P04、P01"]),
            Ok(vec!["P01".into(), "P02".into(), "P03".into(), "P04".into()])
        );
        assert_eq!(id_list(&[" , "]), Err(ValueError::NoIds));
        assert_eq!(id_list::<&str>(&[]), Ok(vec![]));
    }

    #[test]
    fn group_sizes() {
        assert_eq!(group_size("4-5"), Ok((4, 5)));
        assert_eq!(group_size("4～6"), Ok((4, 6)));
        assert!(matches!(
            group_size("5-4"),
            Err(ValueError::GroupSizeOrder { .. })
        ));
        assert!(matches!(group_size("4"), Err(ValueError::GroupSize { .. })));
    }

    #[test]
    fn the_language_is_found_before_parsing() {
        let argv = |v: &[&str]| v.iter().map(OsString::from).collect::<Vec<_>>();
        assert_eq!(language_of(&argv(&["x", "plan", "--lang", "en"])), Lang::En);
        assert_eq!(language_of(&argv(&["x", "--lang=en", "plan"])), Lang::En);
        assert_eq!(
            language_of(&argv(&["x", "--lang", "en", "--lang", "zh"])),
            Lang::Zh
        );
        assert_eq!(
            language_of(&argv(&["x", "plan", "--", "--lang", "en"])),
            Lang::from_env().unwrap_or_default()
        );
    }
}
