//! Words for the workbook commands (`template`, `export`, `import lrmx`).

use crate::error::excerpt;
use crate::lrmx::import::{Imported, ReadProblem, ReviewIssue};
use crate::lrmx::resume::LineProblem;
use crate::lrmx::FormError;
use crate::report::i18n::Words;
use crate::t;
use crate::workbook::layout::SHEET_NAMES;
use crate::workbook::{Expected, Issue, RefKind};

/// The spreadsheet library could not build the workbook (its reason).
pub fn xlsx_error(w: &Words, e: &rust_xlsxwriter::XlsxError) -> String {
    t!(w, "wb-xlsx-failed", reason = e.to_string())
}

/// A folder of forms could not be listed.
pub fn folder_error(w: &Words, e: &std::io::Error) -> String {
    t!(w, "wb-folder-failed", reason = e.to_string())
}

/// The 问题 column of 待核对.
pub fn review_issue(w: &Words, issue: &ReviewIssue) -> String {
    match issue {
        ReviewIssue::NoUnit => t!(w, "wb-review-no-unit"),
        ReviewIssue::SeveralUnits => t!(w, "wb-review-several-units"),
        ReviewIssue::Line(LineProblem::NoPeriod) => t!(w, "wb-review-line-no-period"),
        ReviewIssue::Line(LineProblem::NoRange) => t!(w, "wb-review-line-no-range"),
        ReviewIssue::Line(LineProblem::Reversed) => t!(w, "wb-review-line-reversed"),
        ReviewIssue::EmptyResume => t!(w, "wb-review-empty-resume"),
        ReviewIssue::UnknownTitle => t!(w, "wb-review-unknown-title"),
        ReviewIssue::AlreadyInScenario => t!(w, "wb-review-already-in-scenario"),
        ReviewIssue::SameCadreTwice => t!(w, "wb-review-same-cadre-twice"),
        ReviewIssue::Unreadable(ReadProblem::Io(reason)) => {
            t!(w, "wb-review-unreadable", reason = reason.as_str())
        }
        ReviewIssue::Unreadable(ReadProblem::NoName) => t!(w, "wb-review-no-name"),
        ReviewIssue::Unreadable(ReadProblem::Form(FormError::Encoding)) => {
            t!(w, "wb-review-encoding")
        }
        ReviewIssue::Unreadable(ReadProblem::Form(FormError::Xml {
            line,
            column,
            reason,
        })) => t!(
            w,
            "wb-review-broken-xml",
            line = *line,
            column = *column,
            reason = reason.as_str()
        ),
        ReviewIssue::Unreadable(ReadProblem::Form(FormError::NotAForm { root })) => {
            t!(w, "wb-review-not-a-form", root = root.as_str())
        }
    }
}

/// What `import lrmx` did, for standard error.
pub fn import_summary(w: &Words, imp: &Imported) -> String {
    let cadres = imp.people.iter().filter(|p| p.pool).count();
    t!(
        w,
        "wb-import-summary",
        forms = imp.forms,
        cadres = cadres,
        relatives = imp.people.len() - cadres,
        postings = imp.postings.len(),
        relations = imp.relations.len(),
        review = imp.review.len()
    )
}

/// A problem at a cell of a `sources:` workbook, and its hint.
pub fn issue(w: &Words, issue: &Issue) -> (String, Option<String>) {
    let expected = |e: &Expected| match e {
        Expected::YesNo => t!(w, "wb-want-yes-no"),
        Expected::Date => t!(w, "wb-want-date"),
        Expected::Integer => t!(w, "wb-want-integer"),
        Expected::UnitKind => t!(w, "wb-want-unit-kind"),
        Expected::Tag => t!(w, "wb-want-tag"),
        Expected::Category => t!(w, "wb-want-category"),
        Expected::Grade => t!(w, "wb-want-grade"),
        Expected::JoinLeave => t!(w, "wb-want-join-leave"),
    };
    let what = |r: &RefKind| match r {
        RefKind::Unit => t!(w, "wb-ref-unit"),
        RefKind::Place => t!(w, "wb-ref-place"),
        RefKind::Person => t!(w, "wb-ref-person"),
    };
    match issue {
        Issue::NotAWorkbook(why) => (
            t!(w, "wb-not-a-workbook", reason = why.as_str()),
            Some(t!(w, "wb-not-a-workbook-hint")),
        ),
        Issue::Unreadable(why) => (t!(w, "wb-sheet-unreadable", reason = why.as_str()), None),
        Issue::Formula(f) => (
            t!(w, "wb-formula", formula = excerpt(f)),
            Some(t!(w, "wb-formula-hint")),
        ),
        Issue::MoreFormulas(n) => (t!(w, "wb-more-formulas", n = *n), None),
        Issue::MergedCells => (t!(w, "wb-merged"), Some(t!(w, "wb-merged-hint"))),
        Issue::TooManyRows { limit } => (
            t!(w, "wb-too-many-rows", limit = *limit),
            Some(t!(w, "wb-too-many-rows-hint")),
        ),
        Issue::MissingHeader { header } => (
            t!(w, "wb-missing-header", header = *header),
            Some(t!(w, "wb-missing-header-hint")),
        ),
        Issue::DuplicateHeader { header } => (
            t!(w, "wb-duplicate-header", header = excerpt(header)),
            Some(t!(w, "wb-duplicate-header-hint")),
        ),
        Issue::NoKnownSheet { sheets } => (
            t!(w, "wb-no-known-sheet", sheets = excerpt(&w.list(sheets))),
            Some(t!(w, "wb-no-known-sheet-hint", names = w.list(SHEET_NAMES))),
        ),
        Issue::Empty { header } => (
            t!(w, "wb-empty", header = *header),
            Some(t!(w, "wb-empty-hint")),
        ),
        Issue::BadValue {
            header,
            value,
            expected: e,
        } => (
            t!(
                w,
                "wb-bad-value",
                header = *header,
                value = excerpt(value),
                want = expected(e)
            ),
            Some(t!(w, "wb-bad-value-hint", want = expected(e))),
        ),
        Issue::UnknownRef {
            header,
            value,
            what: r,
        } => (
            t!(
                w,
                "wb-unknown-ref",
                header = *header,
                value = excerpt(value),
                what = what(r)
            ),
            Some(t!(w, "wb-unknown-ref-hint", what = what(r))),
        ),
        Issue::AmbiguousRef { header, value, ids } => (
            t!(
                w,
                "wb-ambiguous-ref",
                header = *header,
                value = excerpt(value),
                ids = w.list(ids)
            ),
            Some(t!(w, "wb-ambiguous-ref-hint")),
        ),
        Issue::NotATownship { value } => (
            t!(w, "wb-not-a-township", value = excerpt(value)),
            Some(t!(w, "wb-not-a-township-hint")),
        ),
        Issue::Training(m, h) => (m.clone(), h.clone()),
    }
}
