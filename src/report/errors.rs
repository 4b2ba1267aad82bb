//! Load errors in words: what `LoadError` and its `Problem`s carry as
//! data, rendered in the user's language. The location (`file:line:col`)
//! keeps one form in every language so editors can jump to it.

use crate::error::{excerpt, Fact, LoadError, Problem};
use crate::report::i18n::Words;
use crate::report::usage::io_reason;
use crate::t;

/// Every problem of `e`, one a line, then how many when more than one.
pub fn load_error(w: &Words, e: &LoadError) -> String {
    match e {
        LoadError::Io { path, source } => t!(
            w,
            "io-cannot-read",
            file = path.display().to_string(),
            reason = io_reason(w, source)
        ),
        LoadError::Invalid { file, problems } => problems_text(w, file, problems),
    }
}

/// `problems` found in `file`, one a line, then how many when more than one.
pub fn problems_text(w: &Words, file: &str, problems: &[Problem]) -> String {
    let mut out = String::new();
    for (i, p) in problems.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str(&problem(w, file, p));
    }
    if problems.len() > 1 {
        out.push('\n');
        out.push_str(&t!(w, "load-problems", file = file, n = problems.len()));
    }
    out
}

/// One problem: `file:line:col: subject: what (hint)`.
pub fn problem(w: &Words, file: &str, p: &Problem) -> String {
    let mut at = String::from(p.file.as_deref().unwrap_or(file));
    if let Some(span) = p.span {
        at.push_str(&format!(":{}:{}", span.line, span.column));
    }
    let (what, hint) = match &p.fact {
        Some(f) => fact(w, f.as_ref()),
        None => (crate::error::shorten_quotes(&p.message), p.hint.clone()),
    };
    let what = match &p.subject {
        Some(s) => t!(
            w,
            "load-about",
            subject = crate::error::shorten_quotes(s),
            what = what
        ),
        None => what,
    };
    let line = t!(w, "load-at", at = at, what = what);
    match hint {
        Some(h) => t!(w, "load-hint", problem = line, hint = h),
        None => line,
    }
}

fn known(w: &Words, known: &[String]) -> String {
    if known.is_empty() {
        return t!(w, "load-known-none");
    }
    let shown: Vec<&str> = known.iter().take(12).map(String::as_str).collect();
    let list = shown.join(", ");
    if known.len() > shown.len() {
        t!(w, "load-known-more", list = list, n = known.len())
    } else {
        t!(w, "load-known", list = list)
    }
}

/// What a fact says, and its hint.
fn fact(w: &Words, f: &Fact) -> (String, Option<String>) {
    match f {
        Fact::UnknownRelationKind {
            kind,
            nearest,
            known: k,
        } => {
            let known = known(w, k);
            let hint = match nearest {
                Some(n) => t!(
                    w,
                    "load-relation-kind-near",
                    nearest = n.as_str(),
                    known = known
                ),
                None => t!(w, "load-relation-kind-hint", known = known),
            };
            (
                t!(w, "load-unknown-relation-kind", kind = excerpt(kind)),
                Some(hint),
            )
        }
        Fact::DateOutOfRange { date, min, max } => (
            t!(w, "load-date-out-of-range", date = date.as_str()),
            Some(t!(w, "load-date-range-hint", min = *min, max = *max)),
        ),
        Fact::HoursOutOfRange { hours, max } => (
            t!(w, "load-hours-out-of-range", hours = excerpt(hours)),
            Some(t!(w, "load-hours-range-hint", max = *max)),
        ),
        Fact::UnknownSkill { name, known: k } => (
            t!(w, "load-unknown-skill", name = excerpt(name)),
            Some(known(w, k)),
        ),
        Fact::Workbook(issue) => crate::report::workbook::issue(w, issue),
    }
}
