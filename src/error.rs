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
    /// A number outside its range; `field` is the key as written
    /// (`weight`, `kin_depth`, `group_size.min`, …).
    OutOfRange {
        field: String,
        value: String,
        range: Range,
    },
    /// A period that ends before it starts.
    EndsBeforeStart {
        what: Period,
        start: String,
        end: String,
    },
    /// A text that may not be empty (`field` as written: `kind`, `course`,
    /// `leader_course`, `id`).
    Empty {
        field: &'static str,
    },
    /// A unit that is not a township lists villages.
    VillagesOfDepartment,
    /// A relation, or an `apart` pair, that names one person twice.
    WithThemself {
        apart: bool,
    },
    /// A waiver (`recusal.waived`) without `reason:`.
    WaiverWithoutReason,
    /// An `apart` entry that is not a pair.
    ApartNotPair {
        n: usize,
    },
    /// A round id used twice: in `history`, or by `round` and the term.
    RoundIdTwice {
        in_history: bool,
    },
    /// A unit listed twice in a round's `units`.
    UnitTwice {
        id: String,
    },
    /// A round that inspects no units.
    NoUnits,
    /// A term round with no dates of its own and no `round` to take them from.
    NoDates,
    /// A round (or `defaults`) without a rule it must have (`groups`,
    /// `group_size`).
    Missing {
        field: &'static str,
    },
    /// `group_size.min` greater than `group_size.max`.
    SizeMinAboveMax {
        min: u32,
        max: u32,
    },
    /// A history group's leader who is not among its members.
    LeaderNotMember {
        leader: String,
    },
    /// A village id that names no village.
    UnknownVillage {
        id: String,
        known: Vec<String>,
    },
    /// The file does not read as a scenario: YAML syntax, or a value of the
    /// wrong shape (what the parser said, as data); `path` is the value's
    /// place in the file (`units[0].kind`) when the parser named it.
    Syntax {
        path: Option<String>,
        what: Syntax,
    },
    /// A problem with a training ledger or one of its records.
    Ledger(LedgerFact),
    /// A problem with a plan file (`commit`, `--pin-plan`, `repair`, …).
    PlanFile(PlanFact),
    /// A `sources:` workbook that cannot be read (`missing`: not there).
    WorkbookUnreadable {
        path: String,
        missing: bool,
        reason: String,
    },
    /// A village given where a unit is wanted; `township` is the unit
    /// that holds it.
    VillageNotUnit {
        id: String,
        township: String,
    },
    /// A `together` pin that lists fewer than two units.
    TogetherTooFew {
        n: usize,
    },
    /// An `aliases` key that names no unit or village (`nearest`: the
    /// likeliest typo), or names several by their shared name.
    AliasKey {
        key: String,
        nearest: Option<String>,
        several: bool,
    },
}

/// What is wrong with a plan file read back (the JSON `plan` prints).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlanFact {
    /// Not UTF-8 text.
    NotUtf8 { offset: usize },
    /// Empty.
    Empty,
    /// Not JSON, in the parser's words.
    NotJson { detail: String },
    /// JSON of the wrong shape (as the scenario's [`Syntax`]).
    Shape(Syntax),
    /// A field the plan must have (`format`, `round`, `status`, `leader`,
    /// `members`).
    Missing { field: &'static str },
    /// A `format` other than 1.
    Format { found: String },
    /// The plan is for another round.
    OtherRound { plan: String, scenario: String },
    /// The plan holds no roster (infeasible).
    Infeasible,
    /// A status of no known kind.
    UnknownStatus { status: String },
    /// No groups.
    NoGroups,
    /// A group of a partial plan with no unit to anchor it.
    GroupWithoutUnit,
}

/// What is wrong with a training ledger (`training.files`) or a record in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LedgerFact {
    /// `training.files` lists an empty name.
    EmptyFileName,
    /// A ledger that is neither `.csv` nor `.yaml`.
    NotCsvOrYaml { name: String },
    /// A ledger that is the scenario file itself.
    IsTheScenario { name: String },
    /// A ledger listed twice.
    ListedTwice { name: String },
    /// A ledger that does not exist; `csv` says which kind to create.
    Missing { path: String, csv: bool },
    /// A ledger that cannot be read for another reason.
    Unreadable { path: String, reason: String },
    /// UTF-16 text (Excel's "Unicode text").
    Utf16,
    /// Binary data.
    Binary,
    /// A UTF-8 byte-order mark followed by text that is not UTF-8.
    BadBom { offset: usize },
    /// Neither UTF-8 nor GBK text.
    NotText,
    /// CSV the reader cannot read, in the reader's words.
    UnreadableCsv { detail: String },
    /// A YAML ledger that is not a list of records, in the parser's words.
    BadYaml { detail: String },
    /// Two header columns hold the same field (`column` is its code:
    /// `person`, `course`, …).
    ColumnTwice {
        first: String,
        second: String,
        column: &'static str,
    },
    /// The header lacks these columns (codes; `person` stands for 编号 or 姓名).
    MissingColumns {
        missing: Vec<&'static str>,
        found: String,
    },
    /// A row with more cells than the header has columns.
    TooManyCells { cells: usize, columns: usize },
    /// The 姓名 of a row is not the name of the person its 编号 gives.
    NameMismatch {
        name: String,
        id: String,
        known: String,
    },
    /// An id that names no person.
    UnknownPerson { id: String, known: Vec<String> },
    /// Neither 编号 nor 姓名 given.
    NoPerson,
    /// A name several people bear.
    AmbiguousName { name: String, ids: Vec<String> },
    /// A name nobody bears.
    NoSuchName { name: String },
    /// A record without a course.
    EmptyCourse,
    /// A date cell that is not a date (`serial`: Excel's day number).
    NotADate { text: String, serial: bool },
    /// Hours that are not a number in range.
    BadHours { text: String, max: i64 },
    /// A 类型 that is not a known kind.
    UnknownKind { kind: String },
    /// A 是否通过 that is neither yes nor no.
    BadPassed { text: String },
    /// A record for someone not in the pool.
    NotInPool { id: String, name: String },
    /// Hours that are not more than 0 (a record being added).
    HoursNotPositive { hours: String, max: i64 },
    /// A record dated after today (a record being added, not `--planned`).
    FutureDate { date: String, today: String },
    /// A record the ledgers already hold (`at`: where).
    AlreadyOnRecord { record: String, at: String },
    /// The same new record given twice.
    GivenTwice { record: String },
}

/// What the YAML parser or the deserializer found wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Syntax {
    /// A value of the wrong shape: a list where one value is wanted, …
    WrongType { found: Shape, expected: Shape },
    /// A value of the right shape that is not allowed (a negative count).
    WrongValue { found: Shape, expected: Shape },
    /// A key the format does not have; `nearest` is the likeliest typo.
    UnknownField {
        field: String,
        nearest: Option<String>,
        expected: Vec<String>,
    },
    /// A word not among the allowed ones (`kind: town`).
    UnknownVariant {
        variant: String,
        nearest: Option<String>,
        expected: Vec<String>,
    },
    /// A key the format needs and the file lacks.
    MissingField { field: String },
    /// A key given twice.
    DuplicateField { field: String },
    /// Not a real date.
    BadDate,
    /// A tab in the indentation.
    Tab,
    /// The file is empty.
    Empty,
    /// Control characters: binary data, not YAML text.
    NotText,
    /// An integer too large for any field (`value` as written).
    TooLarge { value: String },
    /// Collections nested deeper than `max` levels.
    TooDeep { max: usize },
    /// The file is not UTF-8 text; `offset` is the first bad byte.
    NotUtf8 { offset: usize },
    /// Another YAML syntax error, in the parser's words.
    Yaml { detail: String },
}

/// The shape of a value, as the parser names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Shape {
    Sequence,
    /// A mapping; `what` names the record (`unit`, `person`, …) when known.
    Mapping {
        what: Option<String>,
    },
    Boolean {
        value: Option<String>,
    },
    Integer {
        value: Option<String>,
    },
    Number {
        value: Option<String>,
    },
    Text {
        value: Option<String>,
    },
    Null,
    Date,
    /// Anything else, in the parser's words.
    Other(String),
}

/// The values a number may take.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Range {
    pub min: i64,
    /// `None`: no upper limit.
    pub max: Option<i64>,
    pub unit: RangeUnit,
}

/// What a range counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RangeUnit {
    /// A whole number.
    Integer,
    /// Any number (hours may have fractions).
    Number,
    Days,
    Months,
    Years,
}

impl Range {
    pub const fn integer(min: i64, max: i64) -> Range {
        Range {
            min,
            max: Some(max),
            unit: RangeUnit::Integer,
        }
    }
    pub const fn at_least(min: i64) -> Range {
        Range {
            min,
            max: None,
            unit: RangeUnit::Integer,
        }
    }
    pub const fn of(min: i64, max: i64, unit: RangeUnit) -> Range {
        Range {
            min,
            max: Some(max),
            unit,
        }
    }
}

/// What a period that ends before it starts is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Period {
    /// A person's `unavailable` range.
    Unavailable,
    /// A posting at this unit or village id.
    Posting(String),
    /// A round, a history round or the term (the subject says which).
    Dates,
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
    Village,
    /// A history round (an appraisal's `round`).
    Round,
    /// A unit or a village, as the field named (`unit`, `hometown`,
    /// `posting unit`).
    Place(&'static str),
}

impl Wanted {
    pub fn code(self) -> &'static str {
        match self {
            Wanted::Unit => "unit",
            Wanted::Person => "person",
            Wanted::Village => "village",
            Wanted::Round => "round",
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
