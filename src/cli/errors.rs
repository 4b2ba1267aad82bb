//! What the command line itself can find wrong, as data: `report::usage`
//! puts it into words (the file, the offending value, the fix).

use super::ValueError;

/// An error the command line raises after clap has parsed it.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// A value out of shape or range for this scenario.
    #[error("{flag}: {error}")]
    Value {
        flag: &'static str,
        error: ValueError,
    },
    /// `--shift-months` beyond what the term allows.
    #[error("--shift-months {months}: the term of {file} runs {term_months} months")]
    ShiftBeyondTerm {
        months: i32,
        term_months: i32,
        file: String,
    },
    /// A what-if of the term given for a scenario without one.
    #[error("{flag}: {file} has no `term`")]
    NoTerm { flag: &'static str, file: String },
    #[error("{flag} {id}: not a pool member in {file}")]
    NotInPool {
        flag: &'static str,
        id: String,
        file: String,
    },
    /// Two flags that cannot be used together.
    #[error("{first} and {second} do not combine")]
    DoNotCombine {
        first: &'static str,
        second: &'static str,
    },
    /// A `--compare` variant the simulator's parser refused (its reason is
    /// the library's, in English).
    #[error("--compare {text:?}: {reason}")]
    Variant { text: String, reason: String },
    /// `--format csv` for a run that is not one simulation.
    #[error("--format csv prints one simulation")]
    CsvOneRun,
    /// `plan` on a scenario without a `round`.
    #[error("{file}: no `round` to plan")]
    NoRound { file: String },
    /// A date is needed and the scenario has no round to take it from.
    #[error("{file}: no round to take the date from; give {flag}")]
    NoDate { flag: &'static str, file: String },
    #[error("--course is empty")]
    EmptyCourse,
    #[error("--kind {text}: not a kind of training")]
    UnknownKind { text: String },
    #[error("--grade {text}: not an appraisal grade")]
    UnknownGrade { text: String },
    /// `-o FILE` names a file the command reads.
    #[error("-o {file}: that is the input {input}")]
    OutputIsInput { file: String, input: String },
    /// A command that writes a workbook was given no `-o FILE`.
    #[error("{command} needs -o FILE")]
    NeedsOutput {
        command: &'static str,
        example: &'static str,
    },
    /// `--format xlsx` for a command that has no table to give.
    #[error("{command} has no --format xlsx")]
    NoXlsx { command: &'static str },
    #[error("cannot read {file}: {error}")]
    Read { file: String, error: std::io::Error },
}

/// A usage error clap found, as data.
#[derive(Debug, Clone, PartialEq)]
pub enum UsageProblem {
    /// A flag the command does not have.
    UnknownFlag {
        flag: String,
        suggestion: Option<String>,
    },
    /// An argument nothing takes.
    UnexpectedArgument { value: String },
    UnknownCommand {
        name: String,
        suggestion: Option<String>,
    },
    /// A command that needs one of its sub-commands.
    MissingCommand { name: String, valid: Vec<String> },
    /// A value not among the choices.
    InvalidChoice {
        flag: String,
        value: String,
        valid: Vec<String>,
        suggestion: Option<String>,
    },
    /// A flag given without its value.
    MissingValue { flag: String },
    /// A value our parsers refused.
    Value { flag: String, error: ValueError },
    /// A value refused by clap's own parsers (a number that is not one).
    BadValue { flag: String, value: String },
    /// Required arguments not given.
    Missing { args: Vec<String> },
    /// A flag given twice, or two flags that exclude each other.
    Conflict { flag: String, with: Option<String> },
    /// A flag that takes no value was given one.
    ValueNotTaken { flag: String },
    /// Something else clap said (its words, untranslated).
    Other { text: String },
}
