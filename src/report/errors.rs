//! Load errors in words: what `LoadError` and its `Problem`s carry as
//! data, rendered in the user's language. The location (`file:line:col`)
//! keeps one form in every language so editors can jump to it.

use crate::error::{
    excerpt, Fact, IdKind, LedgerFact, LoadError, Period, PlanFact, Problem, Range, RangeUnit,
    Shape, Syntax, Wanted,
};
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
    let about = match (&p.subject, p.fact.as_deref()) {
        (Some(s), _) => Some(subject(w, s)),
        (
            None,
            Some(Fact::Syntax {
                path: Some(path), ..
            }),
        ) => Some(t!(w, "load-path", path = excerpt(path))),
        _ => None,
    };
    let what = match about {
        Some(s) => t!(w, "load-about", subject = s, what = what),
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
        Fact::OutOfRange {
            field,
            value,
            range,
        } => (
            t!(
                w,
                "load-out-of-range",
                field = field.as_str(),
                value = excerpt(value)
            ),
            Some(range_words(w, range)),
        ),
        Fact::EndsBeforeStart { what, start, end } => {
            let (start, end) = (start.as_str(), end.as_str());
            let text = match what {
                Period::Unavailable => t!(
                    w,
                    "load-unavailable-ends-before-start",
                    start = start,
                    end = end
                ),
                Period::Posting(unit) => t!(
                    w,
                    "load-posting-ends-before-start",
                    unit = unit.as_str(),
                    start = start,
                    end = end
                ),
                Period::Dates => t!(w, "load-ends-before-start", start = start, end = end),
            };
            (text, None)
        }
        Fact::Empty { field } => {
            let hint = match *field {
                "leader_course" => Some(t!(w, "load-empty-field-hint-leader-course")),
                "course" => Some(t!(w, "load-empty-field-hint-course")),
                _ => None,
            };
            (t!(w, "load-empty-field", field = *field), hint)
        }
        Fact::VillagesOfDepartment => (
            t!(w, "load-villages-of-department"),
            Some(t!(w, "load-villages-of-department-hint")),
        ),
        Fact::WithThemself { apart: false } => (t!(w, "load-related-to-themself"), None),
        Fact::WithThemself { apart: true } => (t!(w, "load-apart-from-themself"), None),
        Fact::WaiverWithoutReason => (
            t!(w, "load-waiver-without-reason"),
            Some(t!(w, "load-waiver-without-reason-hint")),
        ),
        Fact::ApartNotPair { n } => (
            t!(w, "load-apart-not-pair", n = *n),
            Some(t!(w, "load-apart-not-pair-hint")),
        ),
        Fact::RoundIdTwice { in_history: true } => (t!(w, "load-round-id-twice-history"), None),
        Fact::RoundIdTwice { in_history: false } => (t!(w, "load-round-id-used"), None),
        Fact::UnitTwice { id } => (t!(w, "load-unit-twice", id = id.as_str()), None),
        Fact::NoUnits => (t!(w, "load-no-units"), Some(t!(w, "load-no-units-hint"))),
        Fact::NoDates => (t!(w, "load-no-dates"), Some(t!(w, "load-no-dates-hint"))),
        Fact::Missing { field: "groups" } => (
            t!(w, "load-missing-groups"),
            Some(t!(w, "load-missing-groups-hint")),
        ),
        Fact::Missing { .. } => (
            t!(w, "load-missing-group-size"),
            Some(t!(w, "load-missing-group-size-hint")),
        ),
        Fact::SizeMinAboveMax { min, max } => (
            t!(w, "load-size-min-above-max", min = *min, max = *max),
            Some(t!(w, "load-size-min-above-max-hint")),
        ),
        Fact::LeaderNotMember { leader } => (
            t!(w, "load-leader-not-member", leader = leader.as_str()),
            Some(t!(w, "load-leader-not-member-hint")),
        ),
        Fact::UnknownVillage { id, known: k } => (
            t!(w, "load-unknown-village", id = id.as_str()),
            Some(known(w, k)),
        ),
        Fact::Syntax { what, .. } => syntax(w, what),
        Fact::Ledger(l) => ledger(w, l),
        Fact::PlanFile(p) => plan_file(w, p),
        Fact::WorkbookUnreadable {
            path,
            missing: true,
            ..
        } => (
            t!(w, "workbook-missing", path = path.as_str()),
            Some(t!(w, "workbook-missing-hint")),
        ),
        Fact::WorkbookUnreadable { path, reason, .. } => (
            t!(
                w,
                "workbook-unreadable",
                path = path.as_str(),
                reason = reason.as_str()
            ),
            Some(t!(w, "ledger-unreadable-hint")),
        ),
        Fact::VillageNotUnit { id, township } => (
            t!(
                w,
                "load-wrong-kind",
                id = excerpt(id),
                is = kind(w, "village"),
                wanted = kind(w, "unit")
            ),
            Some(t!(
                w,
                "load-village-township-hint",
                township = township.as_str()
            )),
        ),
        Fact::TogetherTooFew { n } => (
            t!(w, "pins-together-too-few", n = *n),
            Some(t!(w, "pins-together-too-few-hint")),
        ),
        Fact::AliasKey {
            key,
            nearest,
            several,
        } => {
            let key = key.as_str();
            if *several {
                (
                    t!(w, "load-alias-several", key = key),
                    Some(t!(w, "load-alias-several-hint")),
                )
            } else {
                let hint = match nearest {
                    Some(n) => t!(w, "load-alias-near", nearest = n.as_str()),
                    None => t!(w, "load-alias-hint"),
                };
                (t!(w, "load-alias-unknown", key = key), Some(hint))
            }
        }
    }
}

/// What is wrong with a training ledger or a record in it, and its hint.
fn ledger(w: &Words, l: &LedgerFact) -> (String, Option<String>) {
    let save_as = || Some(t!(w, "ledger-save-as"));
    match l {
        LedgerFact::EmptyFileName => (
            t!(w, "ledger-empty-file-name"),
            Some(t!(w, "ledger-empty-file-name-hint")),
        ),
        LedgerFact::NotCsvOrYaml { name } => (
            t!(w, "ledger-not-csv-or-yaml", name = name.as_str()),
            Some(t!(w, "ledger-not-csv-or-yaml-hint")),
        ),
        LedgerFact::IsTheScenario { name } => (
            t!(w, "ledger-is-the-scenario", name = name.as_str()),
            Some(t!(w, "ledger-is-the-scenario-hint")),
        ),
        LedgerFact::ListedTwice { name } => (
            t!(w, "ledger-listed-twice", name = name.as_str()),
            Some(t!(w, "ledger-listed-twice-hint")),
        ),
        LedgerFact::Missing { path, csv } => (
            t!(w, "ledger-missing", path = path.as_str()),
            Some(if *csv {
                t!(
                    w,
                    "ledger-missing-csv-hint",
                    header = crate::training::ledger::NEW_HEADER
                )
            } else {
                t!(w, "ledger-missing-yaml-hint")
            }),
        ),
        LedgerFact::Unreadable { path, reason } => (
            t!(
                w,
                "ledger-unreadable",
                path = path.as_str(),
                reason = reason.as_str()
            ),
            Some(t!(w, "ledger-unreadable-hint")),
        ),
        LedgerFact::Utf16 => (t!(w, "ledger-utf16"), save_as()),
        LedgerFact::Binary => (t!(w, "ledger-binary"), save_as()),
        LedgerFact::BadBom { offset } => (t!(w, "ledger-bad-bom", offset = *offset), save_as()),
        LedgerFact::NotText => (t!(w, "ledger-not-text"), save_as()),
        LedgerFact::UnreadableCsv { detail } => (
            t!(
                w,
                "ledger-unreadable-csv",
                detail = crate::error::shorten_quotes(detail)
            ),
            Some(t!(w, "ledger-unreadable-csv-hint")),
        ),
        LedgerFact::BadYaml { detail } => (
            t!(
                w,
                "ledger-bad-yaml",
                detail = crate::error::shorten_quotes(detail)
            ),
            Some(t!(w, "ledger-bad-yaml-hint")),
        ),
        LedgerFact::ColumnTwice {
            first,
            second,
            column,
        } => (
            t!(
                w,
                "ledger-column-twice",
                first = first.as_str(),
                second = second.as_str(),
                column = column_name(w, column)
            ),
            Some(t!(w, "ledger-column-twice-hint")),
        ),
        LedgerFact::MissingColumns { missing, found } => {
            let names: Vec<String> = missing.iter().map(|c| column_name(w, c)).collect();
            (
                t!(
                    w,
                    "ledger-missing-columns",
                    columns = w.list(&names),
                    found = found.as_str()
                ),
                Some(t!(
                    w,
                    "ledger-missing-columns-hint",
                    header = crate::training::ledger::NEW_HEADER
                )),
            )
        }
        LedgerFact::TooManyCells { cells, columns } => (
            t!(
                w,
                "ledger-too-many-cells",
                cells = *cells,
                columns = *columns
            ),
            Some(t!(w, "ledger-too-many-cells-hint")),
        ),
        LedgerFact::NameMismatch { name, id, known } => (
            t!(
                w,
                "ledger-name-mismatch",
                name = name.as_str(),
                id = id.as_str(),
                known = excerpt(known)
            ),
            Some(t!(w, "ledger-name-mismatch-hint")),
        ),
        LedgerFact::UnknownPerson { id, known: k } => (
            t!(w, "ledger-unknown-person", id = id.as_str()),
            Some(if k.is_empty() {
                t!(w, "ledger-unknown-person-hint")
            } else {
                known(w, k)
            }),
        ),
        LedgerFact::NoPerson => (
            t!(w, "ledger-no-person"),
            Some(t!(w, "ledger-no-person-hint")),
        ),
        LedgerFact::AmbiguousName { name, ids } => (
            t!(
                w,
                "ledger-ambiguous-name",
                name = name.as_str(),
                n = ids.len(),
                ids = w.list(ids)
            ),
            Some(t!(w, "ledger-ambiguous-name-hint")),
        ),
        LedgerFact::NoSuchName { name } => (
            t!(w, "ledger-no-such-name", name = name.as_str()),
            Some(t!(w, "ledger-no-such-name-hint")),
        ),
        LedgerFact::EmptyCourse => (
            t!(w, "ledger-empty-course"),
            Some(t!(w, "load-empty-field-hint-course")),
        ),
        LedgerFact::NotADate { text, serial } => (
            t!(w, "ledger-not-a-date", text = text.as_str()),
            Some(if *serial {
                t!(w, "ledger-serial-date-hint")
            } else {
                t!(w, "ledger-date-hint")
            }),
        ),
        LedgerFact::BadHours { text, max } => (
            t!(w, "ledger-bad-hours", text = text.as_str(), max = *max),
            Some(t!(w, "ledger-hours-hint")),
        ),
        LedgerFact::UnknownKind { kind } => (
            t!(w, "ledger-unknown-kind", kind = kind.as_str()),
            Some(t!(w, "ledger-kind-hint")),
        ),
        LedgerFact::BadPassed { text } => (
            t!(w, "ledger-bad-passed", text = text.as_str()),
            Some(t!(w, "ledger-passed-hint")),
        ),
        LedgerFact::NotInPool { id, name } => (
            t!(
                w,
                "ledger-not-in-pool",
                id = id.as_str(),
                name = excerpt(name)
            ),
            Some(t!(w, "ledger-not-in-pool-hint")),
        ),
        LedgerFact::HoursNotPositive { hours, max } => (
            t!(
                w,
                "ledger-hours-not-positive",
                hours = hours.as_str(),
                max = *max
            ),
            Some(t!(w, "ledger-hours-hint")),
        ),
        LedgerFact::FutureDate { date, today } => (
            t!(
                w,
                "ledger-future-date",
                date = date.as_str(),
                today = today.as_str()
            ),
            Some(t!(w, "ledger-future-date-hint")),
        ),
        LedgerFact::AlreadyOnRecord { record, at } => (
            t!(w, "ledger-already-on-record", record = excerpt(record)),
            Some(t!(w, "ledger-already-on-record-hint", at = at.as_str())),
        ),
        LedgerFact::GivenTwice { record } => (
            t!(w, "ledger-given-twice", record = excerpt(record)),
            Some(t!(w, "ledger-given-twice-hint")),
        ),
    }
}

/// What is wrong with a plan file, and its hint.
fn plan_file(w: &Words, p: &PlanFact) -> (String, Option<String>) {
    let what_it_is = || Some(t!(w, "planfile-hint"));
    match p {
        PlanFact::NotUtf8 { offset } => (t!(w, "load-not-utf8", offset = *offset), what_it_is()),
        PlanFact::Empty => (t!(w, "load-empty-file"), what_it_is()),
        PlanFact::NotJson { detail } => (
            t!(
                w,
                "planfile-not-json",
                detail = crate::error::shorten_quotes(detail)
            ),
            what_it_is(),
        ),
        PlanFact::Shape(s) => (syntax(w, s).0, Some(t!(w, "planfile-shape-hint"))),
        PlanFact::Missing { field } => {
            let hint = match *field {
                "format" => t!(w, "planfile-format-hint"),
                "leader" => t!(w, "planfile-leader-hint"),
                "members" => t!(w, "planfile-members-hint"),
                _ => t!(w, "planfile-hint"),
            };
            (t!(w, "load-missing-key", field = *field), Some(hint))
        }
        PlanFact::Format { found } => (
            t!(w, "planfile-format", found = found.as_str()),
            Some(t!(w, "planfile-format-supported")),
        ),
        PlanFact::OtherRound { plan, scenario } => (
            t!(
                w,
                "planfile-other-round",
                plan = plan.as_str(),
                scenario = scenario.as_str()
            ),
            Some(t!(w, "planfile-other-round-hint")),
        ),
        PlanFact::Infeasible => (
            t!(w, "planfile-infeasible"),
            Some(t!(w, "planfile-infeasible-hint")),
        ),
        PlanFact::UnknownStatus { status } => (
            t!(w, "planfile-unknown-status", status = status.as_str()),
            Some(t!(w, "planfile-status-hint")),
        ),
        PlanFact::NoGroups => (t!(w, "planfile-no-groups"), what_it_is()),
        PlanFact::GroupWithoutUnit => (
            t!(w, "planfile-group-without-unit"),
            Some(t!(w, "planfile-group-without-unit-hint")),
        ),
    }
}

/// A ledger column by its code, as the header names it: 编号, 课程, ….
fn column_name(w: &Words, code: &str) -> String {
    let id = format!("ledger-column-{code}");
    if w.has(&id) {
        w.get(&id)
    } else {
        code.to_string()
    }
}

/// What the parser found wrong, and its hint.
fn syntax(w: &Words, what: &Syntax) -> (String, Option<String>) {
    match what {
        Syntax::WrongType { found, expected } => {
            let hint = matches!(expected, Shape::Mapping { what: Some(r) } if r == "scenario")
                .then(|| t!(w, "load-top-level-hint"));
            (
                t!(
                    w,
                    "load-wrong-type",
                    found = shape(w, found),
                    expected = shape(w, expected)
                ),
                hint,
            )
        }
        Syntax::WrongValue { found, expected } => (
            t!(
                w,
                "load-wrong-value",
                found = shape(w, found),
                expected = shape(w, expected)
            ),
            None,
        ),
        Syntax::UnknownField {
            field,
            nearest,
            expected,
        } => (
            t!(w, "load-unknown-key", field = excerpt(field)),
            Some(choices(w, nearest, expected)),
        ),
        Syntax::UnknownVariant {
            variant,
            nearest,
            expected,
        } => (
            t!(w, "load-unknown-word", word = excerpt(variant)),
            Some(choices(w, nearest, expected)),
        ),
        Syntax::MissingField { field } => (
            t!(w, "load-missing-key", field = field.as_str()),
            (field == "version").then(|| t!(w, "load-version-hint")),
        ),
        Syntax::DuplicateField { field } => {
            (t!(w, "load-duplicate-key", field = field.as_str()), None)
        }
        Syntax::BadDate => (t!(w, "load-bad-date"), Some(t!(w, "load-bad-date-hint"))),
        Syntax::Tab => (t!(w, "load-tab"), Some(t!(w, "load-tab-hint"))),
        Syntax::Empty => (t!(w, "load-empty-file"), Some(t!(w, "load-version-hint"))),
        Syntax::NotText => (t!(w, "load-not-text"), Some(t!(w, "load-not-text-hint"))),
        Syntax::TooLarge { value } => (
            t!(w, "load-too-large", value = excerpt(value)),
            Some(t!(w, "load-too-large-hint")),
        ),
        Syntax::TooDeep { max } => (
            t!(w, "load-too-deep", max = *max),
            Some(t!(w, "load-too-deep-hint")),
        ),
        Syntax::NotUtf8 { offset } => (
            t!(w, "load-not-utf8", offset = *offset),
            Some(t!(w, "load-not-utf8-hint")),
        ),
        Syntax::Yaml { detail } => (
            t!(
                w,
                "load-yaml",
                detail = crate::error::shorten_quotes(detail)
            ),
            None,
        ),
    }
}

/// `did you mean …? one of …` for a key or a word.
fn choices(w: &Words, nearest: &Option<String>, expected: &[String]) -> String {
    let list: Vec<String> = expected.iter().map(|e| format!("`{e}`")).collect();
    let list = if list.is_empty() {
        t!(w, "load-choices-none")
    } else {
        t!(w, "load-choices", list = w.list(&list))
    };
    match nearest {
        Some(n) => t!(
            w,
            "load-did-you-mean",
            nearest = format!("`{n}`"),
            known = list
        ),
        None => list,
    }
}

/// A value's shape in words: 列表, 整数 5, 文字“x”.
fn shape(w: &Words, s: &Shape) -> String {
    let v = |v: &Option<String>| v.as_deref().map(excerpt);
    match s {
        Shape::Sequence => t!(w, "shape-sequence"),
        Shape::Mapping { what: None } => t!(w, "shape-mapping"),
        Shape::Mapping { what: Some(r) } => {
            let id = format!("shape-record-{}", r.replace('_', "-"));
            if w.has(&id) {
                t!(w, "shape-mapping-of", what = w.get(&id))
            } else {
                t!(w, "shape-mapping")
            }
        }
        Shape::Boolean { value } => match v(value) {
            Some(x) => t!(w, "shape-boolean-value", value = x),
            None => t!(w, "shape-boolean"),
        },
        Shape::Integer { value } => match v(value) {
            Some(x) => t!(w, "shape-integer-value", value = x),
            None => t!(w, "shape-integer"),
        },
        Shape::Number { value } => match v(value) {
            Some(x) => t!(w, "shape-number-value", value = x),
            None => t!(w, "shape-number"),
        },
        Shape::Text { value } => match v(value) {
            Some(x) => t!(w, "shape-text-value", value = x),
            None => t!(w, "shape-text"),
        },
        Shape::Null => t!(w, "shape-null"),
        Shape::Date => t!(w, "shape-date"),
        Shape::Other(x) => excerpt(x),
    }
}

/// The values a number may take, as a hint.
fn range_words(w: &Words, r: &Range) -> String {
    match (r.unit, r.max) {
        (RangeUnit::Number, _) => t!(w, "load-range-number-at-least", min = r.min),
        (_, None) => t!(w, "load-range-at-least", min = r.min),
        (RangeUnit::Days, Some(max)) => t!(w, "load-range-days", min = r.min, max = max),
        (RangeUnit::Months, Some(max)) => t!(w, "load-range-months", min = r.min, max = max),
        (RangeUnit::Years, Some(max)) => t!(w, "load-range-years", min = r.min, max = max),
        (RangeUnit::Integer, Some(max)) => t!(w, "load-range-integer", min = r.min, max = max),
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
        "round" => t!(w, "load-kind-round"),
        _ => t!(w, "load-kind-place"),
    }
}

/// The subject of a problem in the user's words: `unit T01` → `单位 T01`.
/// The loader names subjects by a kind word and an id; kinds the catalogue
/// does not know stay as written (they are paths such as `training.files`).
fn subject(w: &Words, s: &str) -> String {
    const KINDS: &[(&str, &str)] = &[
        ("training record of ", "load-subject-training-record"),
        ("appraisal of ", "load-subject-appraisal"),
        ("waived entry ", "load-subject-waived"),
        ("group ", "load-subject-group"),
        ("pin ", "load-subject-pin"),
        ("declared entry ", "load-subject-declared"),
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
        "training requirement" => t!(w, "load-subject-training-requirement"),
        "recusal" => t!(w, "load-subject-recusal"),
        "weights" => t!(w, "load-subject-weights"),
        "aliases" => t!(w, "load-subject-aliases"),
        "term" => t!(w, "load-subject-term"),
        "pool_policy" => t!(w, "load-subject-pool-policy"),
        "training.files" => t!(w, "load-subject-training-files"),
        "header" => t!(w, "load-subject-header"),
        "plan" => t!(w, "load-subject-plan"),
        "sources" => t!(w, "load-subject-sources"),
        _ => s,
    }
}
