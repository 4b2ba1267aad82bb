//! One spreadsheet cell's text, made safe to open in Excel or WPS.
//!
//! A cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is
//! read by a spreadsheet as a formula (CSV injection). Following OWASP's
//! guidance, such a cell is written with a leading single quote, which the
//! spreadsheet shows as text. Every CSV and XLSX writer goes through
//! [`neutralise`]; a reader of xuncha's own workbooks undoes it with
//! [`restore`], so that a value survives export → import unchanged.

use std::borrow::Cow;

/// The characters that make a spreadsheet treat a cell as a formula.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// `text` as a cell a spreadsheet shows as text: prefixed with `'` when it
/// starts like a formula (or with a quote of its own, so that [`restore`]
/// can tell the two apart), unchanged otherwise.
pub fn neutralise(text: &str) -> Cow<'_, str> {
    if text.starts_with(FORMULA_STARTS) || text.starts_with('\'') {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// The value [`neutralise`] was given: drops the quote it added, and only
/// that quote (a cell typed by hand as `'abc` is kept as written).
pub fn restore(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(FORMULA_STARTS) || rest.starts_with('\'') => rest,
        _ => cell,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_starts_are_quoted() {
        for s in [
            "=cmd|' /C calc'!A0",
            "+1",
            "-2",
            "@SUM(A1)",
            "\tx",
            "\rx",
            "'=x",
            "'a",
        ] {
            assert_eq!(neutralise(s), format!("'{s}"));
            assert_eq!(restore(&neutralise(s)), s);
        }
    }

    #[test]
    fn ordinary_text_is_untouched() {
        for s in ["张伟", "P001", "2027-03-01", "", "a=b"] {
            assert_eq!(neutralise(s), s);
            assert_eq!(restore(s), s);
        }
        assert_eq!(restore("'typed by hand"), "'typed by hand");
    }
}
