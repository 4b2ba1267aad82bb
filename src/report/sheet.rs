//! One logical table for spreadsheets: a header and rows of cells, written
//! as CSV (here) or as a sheet of an XLSX workbook ([`super::xlsx`]).
//!
//! Every cell goes through [`super::cell::neutralise`] on the way out, so a
//! name that starts like a formula (`=cmd|' /C calc'!A0`, `+1`, `-1`, `@x`,
//! a tab, a carriage return) stays text in Excel and WPS.

use super::cell::neutralise;

/// What a cell holds. Ids and dates are text, so a spreadsheet does not
/// reformat them (`P0007` stays, `2027-03-01` is not turned into a serial).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Text,
    /// A number written as its text (`12.5`, `3`); stored as a number in
    /// XLSX when it parses, as text otherwise.
    Number,
}

/// One cell: its text as CSV shows it, and its kind.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    pub text: String,
    pub kind: Kind,
}

impl Cell {
    pub fn text(t: impl Into<String>) -> Self {
        Cell {
            text: t.into(),
            kind: Kind::Text,
        }
    }
    pub fn number(t: impl ToString) -> Self {
        Cell {
            text: t.to_string(),
            kind: Kind::Number,
        }
    }
}

impl From<String> for Cell {
    fn from(t: String) -> Self {
        Cell::text(t)
    }
}

impl From<&str> for Cell {
    fn from(t: &str) -> Self {
        Cell::text(t)
    }
}

impl From<&String> for Cell {
    fn from(t: &String) -> Self {
        Cell::text(t.as_str())
    }
}

/// A table: the sheet's name (for XLSX tabs, in the user's language), its
/// header and its rows.
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    pub name: String,
    pub header: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

impl Sheet {
    pub fn new(name: impl Into<String>, header: Vec<String>) -> Self {
        Sheet {
            name: name.into(),
            header,
            rows: Vec::new(),
        }
    }

    pub fn push<C: Into<Cell>>(&mut self, row: impl IntoIterator<Item = C>) {
        self.rows.push(row.into_iter().map(Into::into).collect());
    }

    /// The table as CSV (RFC 4180 quoting, `\n` line ends, no BOM: the
    /// command line adds one), every cell neutralised.
    pub fn csv(&self) -> String {
        let mut out = csv::WriterBuilder::new()
            .flexible(true)
            .from_writer(Vec::new());
        out.write_record(self.header.iter().map(|h| neutralise(h).into_owned()))
            .expect("write to memory");
        for row in &self.rows {
            out.write_record(row.iter().map(|c| neutralise(&c.text).into_owned()))
                .expect("write to memory");
        }
        String::from_utf8(out.into_inner().expect("flush to memory")).expect("csv is UTF-8")
    }
}

/// The byte-order mark Excel on a Chinese Windows needs to read UTF-8 CSV.
pub const BOM: &str = "\u{feff}";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_neutralises_every_cell() {
        let mut s = Sheet::new("t", vec!["=h".into(), "b".into()]);
        s.push([Cell::text("=cmd|' /C calc'!A0"), Cell::number(-1)]);
        s.push(["@x", "a\tb"]);
        assert_eq!(s.csv(), "'=h,b\n'=cmd|' /C calc'!A0,'-1\n'@x,a\tb\n");
    }
}
