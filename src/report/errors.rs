//! Load errors in words: what `LoadError` and its `Problem`s carry as
//! data, rendered in the user's language. The location (`file:line:col`)
//! keeps one form in every language so editors can jump to it.

use crate::error::{excerpt, Fact, IdKind, LoadError, Problem, Wanted};
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
        Some(s) => t!(w, "load-about", subject = subject(w, s), what = what),
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
    let list = w.list(&shown);
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
        Fact::DuplicateId { id, first } => (
            t!(w, "load-duplicate-id", id = excerpt(id)),
            Some(t!(
                w,
                "load-duplicate-id-hint",
                first = kind(w, first.code())
            )),
        ),
        Fact::EmptyId => (t!(w, "load-empty-id"), None),
        Fact::WrongKind {
            id,
            is,
            wanted: Wanted::Place(f),
        } => (
            t!(
                w,
                "load-wrong-kind-field",
                field = field(w, f),
                id = excerpt(id),
                is = kind(w, is.code())
            ),
            None,
        ),
        Fact::UnknownId {
            id,
            wanted: Wanted::Place(f),
            nearest,
            known: k,
        } => {
            let known = t!(w, "load-place-hint", known = known(w, k));
            let hint = match nearest {
                Some(n) => t!(w, "load-did-you-mean", nearest = n.as_str(), known = known),
                None => known,
            };
            (
                t!(
                    w,
                    "load-unknown-field",
                    field = field(w, f),
                    id = excerpt(id)
                ),
                Some(hint),
            )
        }
        Fact::WrongKind { id, is, wanted } => {
            let hint = (*is == IdKind::Village && *wanted == Wanted::Unit)
                .then(|| t!(w, "load-village-not-unit-hint"));
            (
                t!(
                    w,
                    "load-wrong-kind",
                    id = excerpt(id),
                    is = kind(w, is.code()),
                    wanted = kind(w, wanted.code())
                ),
                hint,
            )
        }
        Fact::UnknownId {
            id,
            wanted,
            nearest,
            known: k,
        } => {
            let known = known(w, k);
            let hint = match nearest {
                Some(n) => t!(w, "load-did-you-mean", nearest = n.as_str(), known = known),
                None => known,
            };
            (
                t!(
                    w,
                    "load-unknown-id",
                    id = excerpt(id),
                    wanted = kind(w, wanted.code())
                ),
                Some(hint),
            )
        }
        Fact::SkillTwice { name } => (t!(w, "load-skill-twice", name = excerpt(name)), None),
        Fact::EmptySkill => (t!(w, "load-empty-skill"), None),
        Fact::PoolWithoutSkills { known: k } => (
            t!(w, "load-pool-without-skills"),
            Some(t!(w, "load-pool-without-skills-hint", known = known(w, k))),
        ),
        Fact::UnsupportedVersion { version } => (
            t!(w, "load-unsupported-version", version = *version),
            Some(t!(w, "load-unsupported-version-hint")),
        ),
    }
}

/// The field that names a place: 工作单位, 籍贯, 任职单位.
fn field(w: &Words, f: &str) -> String {
    match f {
        "hometown" => t!(w, "load-field-hometown"),
        "posting unit" => t!(w, "load-field-posting-unit"),
        _ => t!(w, "load-field-unit"),
    }
}

/// What an id names, or was expected to name: 单位, 村(社区), 人员, 单位或村(社区).
fn kind(w: &Words, code: &str) -> String {
    match code {
        "unit" => t!(w, "load-kind-unit"),
        "village" => t!(w, "load-kind-village"),
        "person" => t!(w, "load-kind-person"),
        _ => t!(w, "load-kind-place"),
    }
}

/// The subject of a problem in the user's words: `unit T01` → `单位 T01`.
/// The loader names subjects by a kind word and an id; kinds the catalogue
/// does not know stay as written (they are paths such as `training.files`).
fn subject(w: &Words, s: &str) -> String {
    const KINDS: &[(&str, &str)] = &[
        ("training record of ", "load-subject-training-record"),
        ("history round ", "load-subject-history-round"),
        ("term round ", "load-subject-term-round"),
        ("apart pair ", "load-subject-apart-pair"),
        ("relation ", "load-subject-relation"),
        ("village ", "load-subject-village"),
        ("person ", "load-subject-person"),
        ("round ", "load-subject-round"),
        ("unit ", "load-subject-unit"),
    ];
    let s = crate::error::shorten_quotes(s);
    for (prefix, id) in KINDS {
        if let Some(rest) = s.strip_prefix(prefix) {
            return w.fmt(id, &[("id", crate::report::i18n::Arg::from(rest))]);
        }
    }
    match s.as_str() {
        "unit" => t!(w, "load-kind-unit"),
        "village" => t!(w, "load-kind-village"),
        "person" => t!(w, "load-kind-person"),
        "skills" => t!(w, "load-subject-skills"),
        "version" => t!(w, "load-subject-version"),
        _ => s,
    }
}
