//! The scenario: pool, units, relations, recusal policy, training, history,
//! the round to plan and the rest of the term (FORMAT.md "Scenario").
//!
//! [`load`] reads a file, [`parse`] a string; both validate everything and
//! report every problem at once (see [`crate::LoadError`]).

mod collect;
mod ledgers;
mod locate;
pub mod raw;
pub(crate) mod syntax;
mod validate;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

pub use locate::{path as yaml_path, Locations, Step};
pub use raw::{RoundKind, TrainingKind, VillageTag};
pub use validate::{MAX_KIN_DEPTH, YEARS};

use crate::error::{Fact, LoadError, Problem, Syntax};
use crate::ids::{PersonIx, Place, SkillIx, Span, UnitIx, VillageIx};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnitKind {
    Township,
    Department,
}

impl raw::RoundKind {
    pub fn as_str(self) -> &'static str {
        match self {
            RoundKind::Regular => "regular",
            RoundKind::Special => "special",
            RoundKind::Topic => "topic",
        }
    }
}

impl VillageTag {
    /// The code FORMAT.md uses (`poverty`, `weak_org`, `hotspot`).
    pub fn as_str(self) -> &'static str {
        match self {
            VillageTag::Poverty => "poverty",
            VillageTag::WeakOrg => "weak_org",
            VillageTag::Hotspot => "hotspot",
        }
    }
}

impl UnitKind {
    pub fn as_str(self) -> &'static str {
        match self {
            UnitKind::Township => "township",
            UnitKind::Department => "department",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Unit {
    pub id: String,
    pub name: String,
    pub kind: UnitKind,
    pub weight: u32,
    pub requires: Vec<SkillIx>,
    pub villages: Vec<VillageIx>,
}

#[derive(Debug, Clone)]
pub struct Village {
    pub id: String,
    pub name: String,
    pub township: UnitIx,
    pub tags: Vec<VillageTag>,
    pub complaints: u32,
}

impl Village {
    /// Tagged poverty, weak_org or hotspot: inspected whenever its township is.
    pub fn must_inspect(&self) -> bool {
        !self.tags.is_empty()
    }
}

/// An inclusive range of dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateRange {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

impl DateRange {
    pub fn overlaps(&self, other: &DateRange) -> bool {
        self.from <= other.to && other.from <= self.to
    }
}

#[derive(Debug, Clone)]
pub struct Posting {
    pub place: Place,
    pub from: NaiveDate,
    /// `None`: still there.
    pub to: Option<NaiveDate>,
}

#[derive(Debug, Clone)]
pub struct Person {
    pub id: String,
    pub name: String,
    pub pool: bool,
    pub unit: Option<Place>,
    pub hometown: Option<Place>,
    pub skills: Vec<SkillIx>,
    pub leader: bool,
    pub retired: bool,
    pub unavailable: Vec<DateRange>,
    pub postings: Vec<Posting>,
    /// When they joined the pool (extension; for the training grace period).
    pub pool_since: Option<NaiveDate>,
    /// When they are due to leave the pool (extension, docs/pool.md).
    pub pool_until: Option<NaiveDate>,
    /// Recorded changes of `pool` (入库/出库), file order.
    pub pool_changes: Vec<crate::pool::PoolChange>,
    pub category: Option<crate::pool::Category>,
    /// A reserve cadre (以巡代训).
    pub reserve: bool,
}

impl Person {
    pub fn has_skill(&self, s: SkillIx) -> bool {
        self.skills.contains(&s)
    }
}

#[derive(Debug, Clone)]
pub struct Relation {
    pub a: PersonIx,
    pub b: PersonIx,
    pub kind: String,
}

/// A `declared` or `waived` entry.
#[derive(Debug, Clone)]
pub struct Statement {
    pub person: PersonIx,
    pub unit: UnitIx,
    pub reason: String,
}

#[derive(Debug, Clone)]
pub struct RecusalPolicy {
    pub kin: Vec<String>,
    pub kin_depth: u32,
    pub leader_ties: Vec<String>,
    pub former_posting_years: u32,
    pub long_posting_years: u32,
    pub hometown: bool,
    pub declared: Vec<Statement>,
    pub waived: Vec<Statement>,
    pub apart: Vec<(PersonIx, PersonIx)>,
}

impl Default for RecusalPolicy {
    fn default() -> Self {
        RecusalPolicy {
            kin: ["spouse", "parent", "child", "sibling"]
                .map(String::from)
                .to_vec(),
            kin_depth: 2,
            leader_ties: ["former_superior", "former_subordinate", "classmate"]
                .map(String::from)
                .to_vec(),
            former_posting_years: 3,
            long_posting_years: 3,
            hometown: true,
            declared: Vec::new(),
            waived: Vec::new(),
            apart: Vec::new(),
        }
    }
}

/// The training requirement (FORMAT.md `training.requirement`, with the
/// optional extensions of docs/training.md). [`crate::training`] applies it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Requirement {
    pub hours: f64,
    pub within_days: u32,
    /// A record also stops counting this many months after its date.
    pub valid_months: Option<u32>,
    /// Leaders need a counting record of a course whose name contains this.
    pub leader_course: Option<String>,
    /// Members in the pool for less than this many days are exempt.
    pub grace_days: Option<u32>,
}

/// Where a training record is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Origin {
    /// Index into [`Training::files`]; `None`: the scenario's own `records`.
    pub file: Option<usize>,
    /// 1-based line, when known.
    pub line: Option<usize>,
}

#[derive(Debug, Clone)]
pub struct TrainingRecord {
    pub person: PersonIx,
    pub course: String,
    pub date: NaiveDate,
    pub hours: f64,
    pub kind: Option<TrainingKind>,
    /// Appraisal text as written (合格, 优秀 …).
    pub result: Option<String>,
    /// False for a failed course: such a record never counts.
    pub passed: bool,
    pub origin: Origin,
}

/// How a ledger file is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LedgerFormat {
    Csv,
    Yaml,
}

/// A ledger file named by `training.files`.
#[derive(Debug, Clone)]
pub struct Ledger {
    /// As written in the scenario.
    pub declared: String,
    /// Resolved against the scenario's directory.
    pub path: PathBuf,
    pub format: LedgerFormat,
}

#[derive(Debug, Clone, Default)]
pub struct Training {
    pub requirement: Option<Requirement>,
    /// The scenario's own records first, then each ledger file's, in order.
    pub records: Vec<TrainingRecord>,
    pub files: Vec<Ledger>,
}

impl Training {
    /// Where a record is written, for messages: `ledger.csv:12`, `scenario:88`.
    pub fn origin_label(&self, origin: Origin, scenario_file: &str) -> String {
        let file = match origin.file.and_then(|i| self.files.get(i)) {
            Some(l) => l.path.display().to_string(),
            None => scenario_file.to_string(),
        };
        match origin.line {
            Some(line) => format!("{file}:{line}"),
            None => file,
        }
    }
}

/// One inspection group of a roster: confirmed (history) or planned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    pub leader: PersonIx,
    /// Members, the leader included.
    pub members: Vec<PersonIx>,
    pub units: Vec<UnitIx>,
    pub villages: Vec<VillageIx>,
}

#[derive(Debug, Clone)]
pub struct HistoryRound {
    pub id: String,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub groups: Vec<Group>,
}

/// Everything that shapes a round except which units it inspects.
#[derive(Debug, Clone, PartialEq)]
pub struct RoundRules {
    pub kind: RoundKind,
    pub groups: u32,
    pub size_min: u32,
    pub size_max: u32,
    pub max_units_per_group: u32,
    pub villages_per_township: u32,
    pub required_skills: Vec<SkillIx>,
    /// `None`: unlimited.
    pub max_retired_per_group: Option<u32>,
}

#[derive(Debug, Clone)]
pub struct Round {
    pub id: String,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub rules: RoundRules,
    pub units: Vec<UnitIx>,
}

impl Round {
    pub fn dates(&self) -> DateRange {
        DateRange {
            from: self.start,
            to: self.end,
        }
    }
}

/// A round still to come in the term; its units are chosen by `simulate`.
#[derive(Debug, Clone)]
pub struct TermRound {
    pub id: String,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub rules: RoundRules,
}

#[derive(Debug, Clone)]
pub struct Term {
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub rounds: Vec<TermRound>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Weights {
    pub repeat_unit: u32,
    pub repeat_pair: u32,
    pub workload: u32,
    pub balance: u32,
    /// Extension (docs/pool.md): per reserve cadre not yet served in the term.
    pub reserve: u32,
}

impl Default for Weights {
    fn default() -> Self {
        Weights {
            repeat_unit: 10,
            repeat_pair: 2,
            workload: 1,
            balance: 1,
            reserve: 0,
        }
    }
}

/// What an id names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entity {
    Unit(UnitIx),
    Village(VillageIx),
    Person(PersonIx),
}

/// A validated scenario. Every index in it is in range and every rule of
/// FORMAT.md about the file holds.
#[derive(Debug, Clone)]
pub struct Scenario {
    pub name: String,
    pub skills: Vec<String>,
    pub units: Vec<Unit>,
    pub villages: Vec<Village>,
    pub people: Vec<Person>,
    pub relations: Vec<Relation>,
    pub recusal: RecusalPolicy,
    pub training: Training,
    pub history: Vec<HistoryRound>,
    pub round: Option<Round>,
    /// Set when `round` is already committed: the index of its entry in
    /// `history` (docs/lifecycle.md). Planning it again is refused; commands
    /// that only read say that it is committed.
    pub committed: Option<usize>,
    pub term: Option<Term>,
    pub weights: Weights,
    /// Appraisals after history rounds (extension, docs/pool.md), file order.
    pub appraisals: Vec<crate::pool::Appraisal>,
    pub pool_policy: crate::pool::PoolPolicy,
    ids: HashMap<String, Entity>,
}

impl Scenario {
    pub fn person(&self, p: PersonIx) -> &Person {
        &self.people[p.ix()]
    }
    pub fn unit(&self, u: UnitIx) -> &Unit {
        &self.units[u.ix()]
    }
    pub fn village(&self, v: VillageIx) -> &Village {
        &self.villages[v.ix()]
    }
    pub fn lookup(&self, id: &str) -> Option<Entity> {
        self.ids.get(id).copied()
    }
    /// Why `id` names no `wanted` (it names something else, or nothing:
    /// then the likeliest typo and the ids there are), as a load problem's
    /// fact. People are pool members only.
    pub fn not_found(&self, id: &str, wanted: crate::error::Wanted) -> Fact {
        use crate::error::{IdKind, Wanted};
        if let (Some(Entity::Village(v)), Wanted::Unit) = (self.lookup(id), wanted) {
            return Fact::VillageNotUnit {
                id: crate::error::excerpt(id),
                township: self.unit(self.village(v).township).id.clone(),
            };
        }
        if let Some(e) = self.lookup(id) {
            return Fact::WrongKind {
                id: crate::error::excerpt(id),
                is: match e {
                    Entity::Unit(_) => IdKind::Unit,
                    Entity::Village(_) => IdKind::Village,
                    Entity::Person(_) => IdKind::Person,
                },
                wanted,
            };
        }
        let known: Vec<&str> = match wanted {
            Wanted::Person => self
                .people
                .iter()
                .filter(|p| p.pool)
                .map(|p| p.id.as_str())
                .collect(),
            Wanted::Village => self.villages.iter().map(|v| v.id.as_str()).collect(),
            Wanted::Round => self.history.iter().map(|h| h.id.as_str()).collect(),
            Wanted::Unit | Wanted::Place(_) => self.units.iter().map(|u| u.id.as_str()).collect(),
        };
        Fact::UnknownId {
            id: crate::error::excerpt(id),
            wanted,
            nearest: validate::nearest(id, known.iter().copied()).map(str::to_string),
            known: known.iter().map(|k| k.to_string()).collect(),
        }
    }
    pub fn person_ix(&self, id: &str) -> Option<PersonIx> {
        match self.lookup(id) {
            Some(Entity::Person(p)) => Some(p),
            _ => None,
        }
    }
    pub fn unit_ix(&self, id: &str) -> Option<UnitIx> {
        match self.lookup(id) {
            Some(Entity::Unit(u)) => Some(u),
            _ => None,
        }
    }
    pub fn skill_ix(&self, name: &str) -> Option<SkillIx> {
        self.skills
            .iter()
            .position(|s| s == name)
            .map(|i| SkillIx(i as u32))
    }
    pub fn skill_name(&self, s: SkillIx) -> &str {
        &self.skills[s.ix()]
    }

    /// The unit a place belongs to: the unit itself, or a village's township.
    pub fn unit_of(&self, place: Place) -> UnitIx {
        match place {
            Place::Unit(u) => u,
            Place::Village(v) => self.villages[v.ix()].township,
        }
    }
    /// Whether `place` is "at" unit `u` (FORMAT.md: u itself or a village of township u).
    pub fn is_at(&self, place: Place, u: UnitIx) -> bool {
        self.unit_of(place) == u
    }
    pub fn place_id(&self, place: Place) -> &str {
        match place {
            Place::Unit(u) => &self.units[u.ix()].id,
            Place::Village(v) => &self.villages[v.ix()].id,
        }
    }
    pub fn person_name(&self, p: PersonIx) -> &str {
        let person = &self.people[p.ix()];
        display_name(&person.name, &person.id)
    }
    pub fn unit_name(&self, u: UnitIx) -> &str {
        let unit = &self.units[u.ix()];
        display_name(&unit.name, &unit.id)
    }
    pub fn pool(&self) -> impl Iterator<Item = PersonIx> + '_ {
        self.people
            .iter()
            .enumerate()
            .filter(|(_, p)| p.pool)
            .map(|(i, _)| PersonIx(i as u32))
    }
    pub fn unit_ixs(&self) -> impl Iterator<Item = UnitIx> {
        (0..self.units.len() as u32).map(UnitIx)
    }
    pub fn person_ixs(&self) -> impl Iterator<Item = PersonIx> {
        (0..self.people.len() as u32).map(PersonIx)
    }

    /// The villages a group holding township `u` must visit (H10): every
    /// must-inspect village, then the most-complained-of others until
    /// `per_township` are chosen; ties by file order.
    pub fn villages_for(&self, u: UnitIx, per_township: u32) -> Vec<VillageIx> {
        let unit = &self.units[u.ix()];
        let mut chosen: Vec<VillageIx> = unit
            .villages
            .iter()
            .copied()
            .filter(|v| self.villages[v.ix()].must_inspect())
            .collect();
        let mut rest: Vec<VillageIx> = unit
            .villages
            .iter()
            .copied()
            .filter(|v| !self.villages[v.ix()].must_inspect())
            .collect();
        rest.sort_by_key(|v| std::cmp::Reverse(self.villages[v.ix()].complaints));
        for v in rest {
            if chosen.len() >= per_township as usize {
                break;
            }
            chosen.push(v);
        }
        chosen
    }
}

/// A name for display, falling back to the id when the name is empty.
pub fn display_name<'a>(name: &'a str, id: &'a str) -> &'a str {
    if name.trim().is_empty() {
        id
    } else {
        name
    }
}

/// Files to read from memory instead of disk while loading: lets a command
/// validate the whole new state of a ledger before writing it.
#[derive(Debug, Clone, Default)]
pub struct Overlay {
    files: Vec<(PathBuf, Vec<u8>)>,
}

impl Overlay {
    /// Read `bytes` wherever `path` (as the loader resolves it) is read.
    pub fn insert(&mut self, path: PathBuf, bytes: Vec<u8>) {
        self.files.retain(|(p, _)| *p != path);
        self.files.push((path, bytes));
    }
    pub(crate) fn get(&self, path: &Path) -> Option<&[u8]> {
        self.files
            .iter()
            .find(|(p, _)| p == path)
            .map(|(_, b)| b.as_slice())
    }
    /// The bytes of `path`: from the overlay, else from disk.
    fn read(&self, path: &Path) -> std::io::Result<Vec<u8>> {
        match self.get(path) {
            Some(b) => Ok(b.to_vec()),
            None => crate::fsio::read(path),
        }
    }
}

/// Load and validate the scenario at `path`, with the ledger files it includes.
pub fn load(path: &Path) -> Result<Scenario, LoadError> {
    load_with(path, &Overlay::default())
}

/// [`load`], reading the files of `overlay` from memory.
pub fn load_with(path: &Path, overlay: &Overlay) -> Result<Scenario, LoadError> {
    let bytes = overlay.read(path).map_err(|source| LoadError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let file = path.display().to_string();
    let source = utf8_text(bytes, &file)?;
    parse_with(&source, &file, overlay)
}

/// Read a text file the way every xuncha input is read: UTF-8, or a
/// problem naming the file and the first bad byte.
pub fn read_text(path: &Path) -> Result<String, LoadError> {
    let bytes = crate::fsio::read(path).map_err(|source| LoadError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    utf8_text(bytes, &path.display().to_string())
}

pub(crate) fn utf8_text(bytes: Vec<u8>, file: &str) -> Result<String, LoadError> {
    String::from_utf8(bytes).map_err(|e| LoadError::Invalid {
        file: file.to_string(),
        problems: vec![Problem::new(format!(
            "the file is not UTF-8 text (first bad byte at offset {})",
            e.utf8_error().valid_up_to()
        ))
        .hint("save it as UTF-8; FORMAT.md requires UTF-8")
        .fact(Fact::Syntax {
            path: None,
            what: Syntax::NotUtf8 {
                offset: e.utf8_error().valid_up_to(),
            },
        })],
    })
}

/// The ledger files the scenario at `path` declares (`training.files`),
/// resolved as [`load`] resolves them, without reading them or validating
/// anything else. Names with neither a .csv nor a .yaml extension are left out.
pub fn declared_ledgers(path: &Path) -> Result<Vec<Ledger>, LoadError> {
    let file = path.display().to_string();
    let bytes = crate::fsio::read(path).map_err(|source| LoadError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let source = String::from_utf8_lossy(&bytes);
    let raw = parse_raw(&source).map_err(|p| LoadError::Invalid {
        file: file.clone(),
        problems: vec![p],
    })?;
    let base = path.parent().unwrap_or(Path::new(""));
    Ok(raw
        .training
        .map(|t| t.files)
        .unwrap_or_default()
        .into_iter()
        .filter_map(|declared| {
            let format = ledgers::format_of(&declared)?;
            Some(Ledger {
                path: base.join(&declared),
                declared,
                format,
            })
        })
        .collect())
}

/// Parse and validate a scenario held in a string; `file` names it in
/// messages, and ledger files of `training.files` are read relative to its
/// directory (the current directory for a bare name).
pub fn parse(source: &str, file: &str) -> Result<Scenario, LoadError> {
    parse_with(source, file, &Overlay::default())
}

/// [`parse`], reading the files of `overlay` from memory.
pub fn parse_with(source: &str, file: &str, overlay: &Overlay) -> Result<Scenario, LoadError> {
    let invalid = |problems| LoadError::Invalid {
        file: file.to_string(),
        problems,
    };
    let mut raw = parse_raw_all(source).map_err(invalid)?;
    let base = Path::new(file).parent().unwrap_or(Path::new(""));
    // `sources:` workbooks add to the lists; their problems name
    // file!sheet!cell, and so do validation's problems with what they added.
    let origins = crate::workbook::sources::join(&mut raw, base, overlay).map_err(invalid)?;
    let locations = Locations::index(source).with_origins(origins);
    let included = ledgers::read(&raw, &locations, base, Path::new(file), overlay);
    validate::validate(raw, &locations, included).map_err(invalid)
}

/// Deserialize the file into its raw form, with a friendly message for the
/// usual structural mistakes: the first problem (see [`parse_raw_all`] for
/// all of them).
#[allow(clippy::result_large_err)] // a Problem is a few strings, built once per failed read
pub fn parse_raw(source: &str) -> Result<raw::RawScenario, Problem> {
    parse_raw_all(source).map_err(|mut problems| problems.swap_remove(0))
}

/// Deserialize the file into its raw form. On failure, every type error
/// when the YAML is well-formed (issue 13.6), else the parser's one error;
/// never an empty list.
pub fn parse_raw_all(source: &str) -> Result<raw::RawScenario, Vec<Problem>> {
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    if source.trim().is_empty() {
        return Err(vec![Problem::new("the file is empty")
            .hint("a scenario starts with `version: 1`; see FORMAT.md")
            .fact(Fact::Syntax {
                path: None,
                what: Syntax::Empty,
            })]);
    }
    if let Some(p) = too_deep(source) {
        return Err(vec![p]);
    }
    let e = match serde_yaml::from_str::<raw::RawScenario>(source) {
        Ok(raw) => return Ok(raw),
        Err(e) => e,
    };
    let mut span = e.location().map(|l| Span {
        line: l.line(),
        column: l.column(),
    });
    let mut message = e.to_string();
    // serde_yaml appends " at line L column C"; the span already says it.
    if let Some(i) = message.find(" at line ") {
        message.truncate(i);
    }
    // Some scanner errors give a character offset instead of a position.
    if let Some(i) = message.find(" at position ") {
        let offset = message[i + 13..]
            .split(|c: char| !c.is_ascii_digit())
            .next()
            .and_then(|n| n.parse::<usize>().ok());
        if let Some(offset) = offset {
            span = Some(span_of_char_offset(source, offset));
            message.truncate(i);
        }
    }
    let first_path = message
        .split_once(": ")
        .map(|(p, _)| p)
        .filter(|p| !p.contains(' '))
        .unwrap_or("")
        .to_string();
    let mut problems = vec![type_problem(source, &message, span)];
    if let Some(errors) = collect::type_errors(source) {
        let locations = Locations::index(source);
        for te in errors {
            if te.path == first_path {
                continue;
            }
            let span = collect::span_of(&locations, &te);
            problems.push(type_problem(source, &te.message, span));
        }
    }
    Err(problems)
}

/// A problem from serde's `message` at `span`: the English words for
/// [`LoadError`]'s `Display`, and the fact ([`syntax::read`]) the report
/// words in the user's language.
fn type_problem(source: &str, message: &str, span: Option<Span>) -> Problem {
    let line_text = span
        .and_then(|sp| source.lines().nth(sp.line.saturating_sub(1)))
        .unwrap_or("");
    let (path, mut fact) = syntax::read(message);
    if line_text.contains('\t') {
        fact = Syntax::Tab;
    }
    let text = crate::error::shorten_quotes(&humanise(message));
    let hint = structural_hint(&fact);
    let p = Problem::new(text)
        .at(span)
        .fact(Fact::Syntax { path, what: fact });
    match hint {
        Some(h) => p.hint(h),
        None => p,
    }
}

/// Collections nested deeper than this are refused before parsing: real
/// scenarios nest a few levels, and absurd nesting makes the parser slow.
pub const MAX_NESTING: usize = 64;

/// A problem if flow collections (`[`, `{`) nest deeper than [`MAX_NESTING`].
fn too_deep(source: &str) -> Option<Problem> {
    let mut depth = 0usize;
    let (mut line, mut col) = (1usize, 0usize);
    let mut quote: Option<char> = None;
    let mut comment = false;
    for ch in source.chars() {
        col += 1;
        if ch == '\n' {
            line += 1;
            col = 0;
            comment = false;
            continue;
        }
        if comment {
            continue;
        }
        match quote {
            Some(q) if ch == q => quote = None,
            Some(_) => {}
            None => match ch {
                '"' | '\'' => quote = Some(ch),
                '#' => comment = true,
                '[' | '{' => {
                    depth += 1;
                    if depth > MAX_NESTING {
                        return Some(
                            Problem::new(format!(
                                "collections nested more than {MAX_NESTING} levels deep"
                            ))
                            .at(Some(Span { line, column: col }))
                            .hint("a scenario nests a few levels; is this the right file?")
                            .fact(Fact::Syntax {
                                path: None,
                                what: Syntax::TooDeep { max: MAX_NESTING },
                            }),
                        );
                    }
                }
                ']' | '}' => depth = depth.saturating_sub(1),
                _ => {}
            },
        }
    }
    None
}

/// Line and column (1-based) of the character at `offset`.
fn span_of_char_offset(source: &str, offset: usize) -> Span {
    let mut span = Span { line: 1, column: 1 };
    for ch in source.chars().take(offset) {
        if ch == '\n' {
            span.line += 1;
            span.column = 1;
        } else {
            span.column += 1;
        }
    }
    span
}

/// serde's wording with our internal type names taken out.
fn humanise(message: &str) -> String {
    let mut out = message.to_string();
    for (from, to) in [
        ("struct RawScenario", "a mapping (the scenario)"),
        ("struct RawUnit", "a mapping (a unit)"),
        ("struct RawVillage", "a mapping (a village)"),
        ("struct RawPerson", "a mapping (a person)"),
        ("struct RawRelation", "a mapping (a relation)"),
        ("struct RawRecusal", "a mapping (recusal)"),
        ("struct RawTraining", "a mapping (training)"),
        ("struct RawRound", "a mapping (the round)"),
        ("struct RawTerm", "a mapping (the term)"),
        ("struct RawWeights", "a mapping (weights)"),
        ("struct RawHistoryRound", "a mapping (a history round)"),
        ("struct RawGroup", "a mapping (a group)"),
    ] {
        out = out.replace(from, to);
    }
    // Any other internal struct name.
    while let Some(i) = out.find("struct Raw") {
        let end = out[i + 7..]
            .find(|c: char| !c.is_alphanumeric())
            .map_or(out.len(), |j| i + 7 + j);
        out.replace_range(i..end, "a mapping");
    }
    out
}

/// The English hint of a parser problem (`LoadError`'s `Display`; the
/// user's words come from the fact in `report/errors.rs`).
fn structural_hint(fact: &Syntax) -> Option<&'static str> {
    match fact {
        Syntax::MissingField { field } if field == "version" => Some("add `version: 1` at the top"),
        Syntax::Tab => Some("YAML indents with spaces, never tabs"),
        Syntax::BadDate => Some("not a real date: dates are written YYYY-MM-DD, e.g. 2027-03-01"),
        Syntax::WrongType {
            expected: crate::error::Shape::Mapping { what: Some(w) },
            ..
        } if w == "scenario" => {
            Some("the top level must be a mapping of keys such as `version`, `units`, `people`")
        }
        Syntax::TooLarge { .. } => Some("the number is far too large"),
        Syntax::NotText => Some("the file does not look like YAML text"),
        _ => None,
    }
}
