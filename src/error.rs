//! Typed errors of the library. Each one names the file, the line when it is
//! known, the offending id, and where possible the fix.

use std::fmt;
use std::path::PathBuf;

use crate::ids::Span;

/// One thing wrong with a scenario, found by validation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The file the problem is in, when it is not the one being loaded
    /// (e.g. a training ledger the scenario includes).
    pub file: Option<String>,
    /// Where in the file, when known.
    pub span: Option<Span>,
    /// What the problem is about, e.g. `person P003`.
    pub subject: Option<String>,
    /// What is wrong.
    pub message: String,
    /// How to fix it, when there is something to say.
    pub hint: Option<String>,
    /// The problem as data, for the kinds `report::errors` words in the
    /// user's language (`message` and `hint` keep the English words).
    pub fact: Option<Box<Fact>>,
}

/// What a problem is, as data (rendered by `report::errors`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fact {
    /// A skill the scenario does not declare.
    UnknownSkill {
        name: String,
        known: Vec<String>,
    },
    /// A relation kind neither built in nor named by the policy.
    UnknownRelationKind {
        kind: String,
        nearest: Option<String>,
        known: Vec<String>,
    },
    /// A date outside the years `min..=max`.
    DateOutOfRange {
        date: String,
        min: i32,
        max: i32,
    },
    /// Hours of a record outside `0..=max`.
    HoursOutOfRange {
        hours: String,
        max: i64,
    },
    /// A problem at a cell of a `sources:` workbook.
    Workbook(Box<crate::workbook::Issue>),
    /// An id used twice; `first` is what first used it.
    DuplicateId {
        id: String,
        first: IdKind,
    },
    /// An empty `id`.
    EmptyId,
    /// An id that names something of the wrong kind: a village where a unit
    /// is wanted, a person where a unit or village is.
    WrongKind {
        id: String,
        is: IdKind,
        wanted: Wanted,
    },
    /// An id that names nothing; `nearest` is the likeliest typo.
    UnknownId {
        id: String,
        wanted: Wanted,
        nearest: Option<String>,
        known: Vec<String>,
    },
    /// A skill listed twice in `skills`, or an empty one.
    SkillTwice {
        name: String,
    },
    EmptySkill,
    /// A pool member with no skill.
    PoolWithoutSkills {
        known: Vec<String>,
    },
    /// A `version` this xuncha does not read.
    UnsupportedVersion {
        version: i64,
    },
}

/// What an id names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdKind {
    Unit,
    Village,
    Person,
}

impl IdKind {
    /// `unit`, `village`, `person`: the catalogue's key.
    pub fn code(self) -> &'static str {
        match self {
            IdKind::Unit => "unit",
            IdKind::Village => "village",
            IdKind::Person => "person",
        }
    }
}

/// What an id was expected to name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wanted {
    Unit,
    Person,
    /// A unit or a village, as the field named (`unit`, `hometown`,
    /// `posting unit`).
    Place(&'static str),
}

impl Wanted {
    pub fn code(self) -> &'static str {
        match self {
            Wanted::Unit => "unit",
            Wanted::Person => "person",
            Wanted::Place(_) => "place",
        }
    }
}

impl Problem {
    pub fn new(message: impl Into<String>) -> Self {
        Problem {
            file: None,
            span: None,
            subject: None,
            message: message.into(),
            hint: None,
            fact: None,
        }
    }
    /// The problem as data (see [`Fact`]).
    pub fn fact(mut self, fact: Fact) -> Self {
        self.fact = Some(Box::new(fact));
        self
    }
    pub fn at(mut self, span: Option<Span>) -> Self {
        self.span = span;
        self
    }
    pub fn about(mut self, subject: impl Into<String>) -> Self {
        self.subject = Some(subject.into());
        self
    }
    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
    /// The problem is in `file`, not in the file being loaded.
    pub fn in_file(mut self, file: impl Into<String>) -> Self {
        self.file = Some(file.into());
        self
    }

    /// Render as `file:line:col: subject: message (hint)`.
    pub fn render(&self, file: &str) -> String {
        let mut s = String::from(self.file.as_deref().unwrap_or(file));
        if let Some(span) = self.span {
            s.push_str(&format!(":{}:{}", span.line, span.column));
        }
        s.push_str(": ");
        if let Some(subject) = &self.subject {
            s.push_str(&shorten_quotes(subject));
            s.push_str(": ");
        }
        s.push_str(&shorten_quotes(&self.message));
        if let Some(hint) = &self.hint {
            s.push_str(" (");
            s.push_str(hint);
            s.push(')');
        }
        s
    }
}

/// Why a scenario could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{}: cannot read the file", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// The file parsed badly or failed validation; every problem is listed.
    #[error("{}", render_problems(file, problems))]
    Invalid {
        file: String,
        problems: Vec<Problem>,
    },
}

impl LoadError {
    /// The problems found, empty for an I/O error.
    pub fn problems(&self) -> &[Problem] {
        match self {
            LoadError::Invalid { problems, .. } => problems,
            LoadError::Io { .. } => &[],
        }
    }
}

fn render_problems(file: &str, problems: &[Problem]) -> String {
    let mut out = String::new();
    for (i, p) in problems.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str(&p.render(file));
    }
    if problems.len() > 1 {
        out.push_str(&format!("\n{file}: {} problems", problems.len()));
    }
    out
}

/// Longest excerpt of input an error message quotes, in characters.
pub const EXCERPT_CHARS: usize = 40;

/// At most [`EXCERPT_CHARS`] characters of `text`, first line only, with
/// `…` when cut: messages quote a little of the input, never a whole file.
pub fn excerpt(text: &str) -> String {
    let line = text.lines().next().unwrap_or("");
    let mut out: String = line.chars().take(EXCERPT_CHARS).collect();
    if line.chars().count() > EXCERPT_CHARS || text.lines().nth(1).is_some() {
        out.push('…');
    }
    out
}

/// `message` with every quoted run (between `"` or backticks) longer than
/// [`EXCERPT_CHARS`] cut to an excerpt, and the whole cut to a few hundred
/// characters: for messages of other libraries that quote their input.
pub fn shorten_quotes(message: &str) -> String {
    let mut out = String::new();
    let mut quoted = String::new();
    let mut open: Option<char> = None;
    let mut escaped = false;
    for c in message.chars() {
        match open {
            Some(_) if escaped => {
                quoted.push(c);
                escaped = false;
            }
            Some('"') if c == '\\' => {
                quoted.push(c);
                escaped = true;
            }
            Some(q) if c == q => {
                out.push_str(&excerpt(&quoted));
                out.push(c);
                quoted.clear();
                open = None;
            }
            Some(_) => quoted.push(c),
            None => {
                out.push(c);
                if c == '"' || c == '`' {
                    open = Some(c);
                }
            }
        }
    }
    out.push_str(&excerpt(&quoted));
    const MAX: usize = 300;
    if out.chars().count() > MAX {
        out = out.chars().take(MAX).collect();
        out.push('…');
    }
    out
}

/// A short "known: a, b, c" list for hints, cut after a dozen entries.
pub fn known_list<'a>(known: impl IntoIterator<Item = &'a str>) -> String {
    let mut seen = std::collections::HashSet::new();
    let all: Vec<&str> = known.into_iter().filter(|k| seen.insert(*k)).collect();
    if all.is_empty() {
        return "none are declared".to_string();
    }
    let shown: Vec<&str> = all.iter().take(12).copied().collect();
    let mut s = format!("known: {}", shown.join(", "));
    if all.len() > shown.len() {
        s.push_str(&format!(", … {} in all", all.len()));
    }
    s
}

impl fmt::Display for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.column)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_quotes_are_cut_to_an_excerpt() {
        let long = "x".repeat(500);
        let m = shorten_quotes(&format!("invalid type: string \"{long}\", expected a map"));
        assert!(m.len() < 120, "{m}");
        assert!(m.ends_with("…\", expected a map"), "{m}");
        let m = shorten_quotes("unknown skill \"a\\\"b\" here");
        assert_eq!(m, "unknown skill \"a\\\"b\" here");
    }

    #[test]
    fn an_excerpt_is_one_short_line() {
        assert_eq!(excerpt("abc"), "abc");
        assert_eq!(excerpt("abc\ndef"), "abc…");
        assert_eq!(excerpt(&"y".repeat(41)).chars().count(), 41);
    }
}
