//! Words for the workbook commands (`template`, `export`, `import lrmx`).

use crate::lrmx::import::{Imported, ReadProblem, ReviewIssue};
use crate::lrmx::resume::LineProblem;
use crate::lrmx::FormError;
use crate::report::i18n::Words;
use crate::t;

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
