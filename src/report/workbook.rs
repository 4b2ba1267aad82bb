//! Words for the workbook commands (`template`, `export`, `import lrmx`).

use crate::report::i18n::Words;
use crate::t;

/// The spreadsheet library could not build the workbook (its reason).
pub fn xlsx_error(w: &Words, e: &rust_xlsxwriter::XlsxError) -> String {
    t!(w, "wb-xlsx-failed", reason = e.to_string())
}
