//! An `.xlsx` workbook read into plain cells, bounded: every sheet is
//! streamed cell by cell, so a sheet with too many rows is refused where
//! the limit is crossed instead of being held in memory; formula cells and
//! merged ranges are refused (their value depends on what Excel last
//! computed, or sits in one cell of many), each with its position.

use std::io::Cursor;

use calamine::{DataRef, Reader, Xlsx};
use chrono::NaiveDate;

use super::{cell_name, Issue, WorkbookProblem};
use crate::report::cell::restore;

/// The most data rows a sheet may hold. A county's pool with every
/// relative is some ten thousand rows; a province's, under a hundred thousand.
pub const MAX_ROWS: u32 = 200_000;

/// The most columns read from a sheet (extra columns are ignored).
pub const MAX_COLUMNS: u32 = 64;

/// One cell's value.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Empty,
    Text(String),
    Number(f64),
    Date(NaiveDate),
    Bool(bool),
    /// An error value such as `#N/A`.
    Error(String),
}

impl Value {
    /// The cell as text, the way a person reads it: whole numbers without a
    /// fraction, dates `YYYY-MM-DD`, booleans 是/否; trimmed.
    pub fn text(&self) -> String {
        match self {
            Value::Empty => String::new(),
            Value::Text(s) => s.trim().to_string(),
            Value::Number(n) => number_text(*n),
            Value::Date(d) => d.format("%Y-%m-%d").to_string(),
            Value::Bool(b) => if *b { "是" } else { "否" }.to_string(),
            Value::Error(e) => e.clone(),
        }
    }
    pub fn is_empty(&self) -> bool {
        match self {
            Value::Empty => true,
            Value::Text(s) => s.trim().is_empty(),
            _ => false,
        }
    }
}

fn number_text(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

/// A sheet: its name and its rows (0-based row number, cells by column).
#[derive(Debug, Clone, Default)]
pub struct Sheet {
    pub name: String,
    pub rows: Vec<(u32, Vec<Value>)>,
}

/// A workbook: its sheets in workbook order.
#[derive(Debug, Clone, Default)]
pub struct Book {
    pub sheets: Vec<Sheet>,
    /// Every sheet name of the file, read or not.
    pub all: Vec<String>,
}

impl Book {
    pub fn sheet(&self, name: &str) -> Option<&Sheet> {
        self.sheets.iter().find(|s| s.name.trim() == name)
    }
}

/// Read the workbook held in `bytes`; `file` names it in problems. Sheets
/// not in `wanted` (when given) are not read. Every problem found is
/// returned; a sheet with a problem of structure (formula, merged range,
/// too many rows) is left out of the book.
pub fn read(
    bytes: Vec<u8>,
    file: &str,
    wanted: Option<&[&str]>,
) -> Result<(Book, Vec<WorkbookProblem>), WorkbookProblem> {
    let mut xlsx: Xlsx<_> = Xlsx::new(Cursor::new(bytes))
        .map_err(|e| WorkbookProblem::new(file, None, None, Issue::NotAWorkbook(e.to_string())))?;
    let mut problems = Vec::new();
    let mut book = Book::default();
    let names = xlsx.sheet_names();
    book.all = names.clone();
    for name in names {
        if let Some(w) = wanted {
            if !w.contains(&name.trim()) {
                continue;
            }
        }
        let before = problems.len();
        let merged = xlsx.merge_cells_by_sheet_name(&name).unwrap_or_default();
        for m in merged.iter().take(5) {
            problems.push(WorkbookProblem::new(
                file,
                Some(&name),
                Some(format!(
                    "{}:{}",
                    cell_name(m.start.0, m.start.1),
                    cell_name(m.end.0, m.end.1)
                )),
                Issue::MergedCells,
            ));
        }
        let mut sheet = Sheet {
            name: name.clone(),
            rows: Vec::new(),
        };
        let mut reader = match xlsx.worksheet_cells_reader(&name) {
            Ok(r) => r,
            Err(e) => {
                problems.push(WorkbookProblem::new(
                    file,
                    Some(&name),
                    None,
                    Issue::Unreadable(e.to_string()),
                ));
                continue;
            }
        };
        let mut formulas = 0usize;
        let mut data_rows = 0u32;
        loop {
            let next = match reader.next_cell_with_formula() {
                Ok(n) => n,
                Err(e) => {
                    problems.push(WorkbookProblem::new(
                        file,
                        Some(&name),
                        None,
                        Issue::Unreadable(e.to_string()),
                    ));
                    break;
                }
            };
            let Some(c) = next else { break };
            let (row, col) = c.pos;
            if col >= MAX_COLUMNS {
                continue;
            }
            if let Some(f) = &c.formula {
                if formulas < 5 {
                    problems.push(WorkbookProblem::new(
                        file,
                        Some(&name),
                        Some(cell_name(row, col)),
                        Issue::Formula(format!("={f}")),
                    ));
                }
                formulas += 1;
                continue;
            }
            let value = value_of(c.value);
            if value.is_empty() {
                continue;
            }
            if sheet.rows.last().map(|(r, _)| *r) != Some(row) {
                data_rows += 1;
                if data_rows > MAX_ROWS + 1 {
                    problems.push(WorkbookProblem::new(
                        file,
                        Some(&name),
                        Some(cell_name(row, col)),
                        Issue::TooManyRows { limit: MAX_ROWS },
                    ));
                    break;
                }
                sheet.rows.push((row, Vec::new()));
            }
            let cells = &mut sheet.rows.last_mut().expect("pushed above").1;
            if cells.len() <= col as usize {
                cells.resize(col as usize + 1, Value::Empty);
            }
            cells[col as usize] = value;
        }
        if formulas > 5 {
            problems.push(WorkbookProblem::new(
                file,
                Some(&name),
                None,
                Issue::MoreFormulas(formulas - 5),
            ));
        }
        if problems.len() == before {
            book.sheets.push(sheet);
        }
    }
    Ok((book, problems))
}

fn value_of(v: DataRef<'_>) -> Value {
    match v {
        DataRef::Empty => Value::Empty,
        DataRef::String(s) => Value::Text(restore(&s).to_string()),
        DataRef::SharedString(s) => Value::Text(restore(s).to_string()),
        DataRef::Int(i) => Value::Number(i as f64),
        DataRef::Float(f) => Value::Number(f),
        DataRef::Bool(b) => Value::Bool(b),
        DataRef::DateTime(d) => {
            if d.is_datetime() {
                let (y, m, day, ..) = d.to_ymd_hms_milli();
                match NaiveDate::from_ymd_opt(y as i32, m as u32, day as u32) {
                    Some(date) => Value::Date(date),
                    None => Value::Number(d.as_f64()),
                }
            } else {
                Value::Number(d.as_f64())
            }
        }
        DataRef::DateTimeIso(s) => {
            match NaiveDate::parse_from_str(s.get(..10).unwrap_or(&s), "%Y-%m-%d") {
                Ok(d) => Value::Date(d),
                Err(_) => Value::Text(s),
            }
        }
        DataRef::DurationIso(s) => Value::Text(s),
        DataRef::Error(e) => Value::Error(format!("{e}")),
    }
}
