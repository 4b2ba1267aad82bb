//! The command line's own errors in words: bad values (with their range),
//! unknown ids (with the ones that exist), clap's usage errors, files that
//! cannot be written. Messages: `locales/<lang>/cli.ftl`.

use std::io;

use crate::cli::{CliError, UsageProblem, ValueError};
use crate::fsio::read::{refusal, FileKind, Refusal};
use crate::report::i18n::Words;
use crate::report::table::clean;
use crate::t;

/// Why a command-line value was refused (without the flag).
pub fn value_error(w: &Words, e: &ValueError) -> String {
    match e {
        ValueError::NotANumber { text } => t!(w, "bad-not-a-number", text = clean(text)),
        ValueError::NotAWholeNumber { text } => {
            t!(w, "bad-not-whole", text = clean(text))
        }
        ValueError::OutOfRange {
            text,
            min,
            max,
            unit,
        } => t!(
            w,
            "bad-out-of-range",
            text = clean(text),
            min = min.as_str(),
            max = max.as_str(),
            unit = unit.code()
        ),
        ValueError::TimeLimit { text, max } => {
            t!(w, "bad-time-limit", text = clean(text), max = *max)
        }
        ValueError::NotADate { text } => t!(w, "bad-not-a-date", text = clean(text)),
        ValueError::DateOutOfRange { text, min, max } => t!(
            w,
            "bad-date-out-of-range",
            text = clean(text),
            min = min.to_string(),
            max = max.to_string()
        ),
        ValueError::NoIds => t!(w, "bad-no-ids"),
        ValueError::GroupSize { text } => t!(w, "bad-group-size", text = clean(text)),
        ValueError::GroupSizeOrder { text } => {
            t!(w, "bad-group-size-order", text = clean(text))
        }
        ValueError::Lang { text } => t!(w, "bad-lang", text = clean(text)),
    }
}

/// Why a file could not be read or written, without the file's name.
pub fn io_reason(w: &Words, e: &io::Error) -> String {
    if let Some(r) = refusal(e) {
        return match r {
            Refusal::NotAFile(kind) => t!(
                w,
                "io-not-a-file",
                kind = match kind {
                    FileKind::Directory => "directory",
                    FileKind::Fifo => "fifo",
                    FileKind::Socket => "socket",
                    FileKind::Device => "device",
                    FileKind::Other => "other",
                }
            ),
            Refusal::TooLarge { limit } => t!(w, "io-too-large", limit = *limit),
            #[allow(unreachable_patterns)]
            _ => t!(w, "io-other", error = e.to_string()),
        };
    }
    match e.kind() {
        io::ErrorKind::NotFound => t!(w, "io-not-found"),
        io::ErrorKind::PermissionDenied => t!(w, "io-permission"),
        io::ErrorKind::IsADirectory => t!(w, "io-not-a-file", kind = "directory"),
        _ => t!(w, "io-other", error = e.to_string()),
    }
}

/// An error the command line raised, in words.
pub fn describe(w: &Words, e: &CliError) -> String {
    match e {
        CliError::Value { flag, error } => {
            t!(
                w,
                "usage-value",
                flag = *flag,
                reason = value_error(w, error)
            )
        }
        CliError::ShiftBeyondTerm {
            months,
            term_months,
            file,
        } => t!(
            w,
            "usage-shift-beyond-term",
            months = *months,
            max = *term_months,
            file = file.as_str()
        ),
        CliError::NoTerm { flag, file } => {
            t!(w, "usage-no-term", flag = *flag, file = file.as_str())
        }
        CliError::NotInPool { flag, id, file } => t!(
            w,
            "usage-not-in-pool",
            flag = *flag,
            id = clean(id),
            file = file.as_str()
        ),
        CliError::DoNotCombine { first, second } => {
            t!(w, "usage-do-not-combine", first = *first, second = *second)
        }
        CliError::Variant { text, reason } => t!(
            w,
            "usage-variant",
            text = clean(text),
            reason = clean(reason)
        ),
        CliError::CsvOneRun => t!(w, "usage-csv-one-run"),
        CliError::NeedsOutput { command, example } => t!(
            w,
            "usage-needs-output",
            command = *command,
            example = *example
        ),
        CliError::NoXlsx { command } => t!(w, "usage-no-xlsx", command = *command),
        CliError::NoRound { file } => t!(w, "usage-no-round", file = file.as_str()),
        CliError::NoDate { flag, file } => {
            t!(w, "usage-no-date", flag = *flag, file = file.as_str())
        }
        CliError::EmptyCourse => t!(w, "usage-empty-course"),
        CliError::UnknownKind { text } => t!(w, "usage-unknown-kind", text = clean(text)),
        CliError::UnknownGrade { text } => t!(w, "usage-unknown-grade", text = clean(text)),
        CliError::OutputIsInput { file, input } => t!(
            w,
            "usage-output-is-input",
            file = file.as_str(),
            input = input.as_str()
        ),
        CliError::Read { file, error } => t!(
            w,
            "io-cannot-read",
            file = file.as_str(),
            reason = io_reason(w, error)
        ),
    }
}

/// A usage error clap found, as the command line prints it: the error
/// line, the command's usage and where to read more. `path` is the
/// sub-command (`["training", "report"]`), `usage` its usage line.
pub fn clap_error(w: &Words, p: &UsageProblem, path: &[String], usage: &str) -> String {
    let (what, hint) = match p {
        UsageProblem::UnknownFlag { flag, suggestion } => (
            t!(w, "clap-unknown-flag", flag = clean(flag)),
            suggestion
                .as_ref()
                .map(|s| t!(w, "clap-did-you-mean", suggestion = clean(s))),
        ),
        UsageProblem::UnexpectedArgument { value } => (
            t!(w, "clap-unexpected-argument", value = clean(value)),
            None,
        ),
        UsageProblem::UnknownCommand { name, suggestion } => (
            t!(w, "clap-unknown-command", name = clean(name)),
            suggestion
                .as_ref()
                .map(|s| t!(w, "clap-did-you-mean", suggestion = clean(s))),
        ),
        UsageProblem::MissingCommand { name, valid } => (
            t!(
                w,
                "clap-missing-command",
                name = clean(name),
                valid = w.list(valid)
            ),
            None,
        ),
        UsageProblem::InvalidChoice {
            flag,
            value,
            valid,
            suggestion,
        } => (
            t!(
                w,
                "clap-invalid-choice",
                flag = clean(flag),
                value = clean(value),
                valid = w.list(valid)
            ),
            suggestion
                .as_ref()
                .map(|s| t!(w, "clap-did-you-mean", suggestion = clean(s))),
        ),
        UsageProblem::MissingValue { flag } => {
            (t!(w, "clap-missing-value", flag = clean(flag)), None)
        }
        UsageProblem::Value { flag, error } => (
            t!(
                w,
                "usage-value",
                flag = clean(flag),
                reason = value_error(w, error)
            ),
            None,
        ),
        UsageProblem::BadValue { flag, value } => (
            t!(
                w,
                "clap-bad-value",
                flag = clean(flag),
                value = clean(value)
            ),
            None,
        ),
        UsageProblem::Missing { args } => (
            t!(
                w,
                "clap-missing",
                args = w.list(args.iter().map(|a| clean(a)))
            ),
            None,
        ),
        UsageProblem::Conflict { flag, with } => (
            match with {
                Some(o) => t!(w, "clap-conflict", flag = clean(flag), with = clean(o)),
                None => t!(w, "clap-repeated", flag = clean(flag)),
            },
            None,
        ),
        UsageProblem::ValueNotTaken { flag } => {
            (t!(w, "clap-value-not-taken", flag = clean(flag)), None)
        }
        UsageProblem::Other { text } => {
            let text = text.trim();
            let text = text.strip_prefix("error: ").unwrap_or(text);
            let first = text.lines().next().unwrap_or("");
            (clean(first).into_owned(), None)
        }
    };
    let mut out = t!(w, "error-line", error = what);
    out.push('\n');
    if let Some(h) = hint {
        out.push_str("  ");
        out.push_str(&h);
        out.push('\n');
    }
    if !usage.is_empty() {
        out.push('\n');
        out.push_str(&t!(w, "help-usage"));
        out.push_str(usage);
        out.push('\n');
    }
    let mut command = vec!["xuncha".to_string()];
    command.extend(path.iter().cloned());
    out.push_str(&t!(w, "clap-see-help", command = command.join(" ")));
    out.push('\n');
    out
}
