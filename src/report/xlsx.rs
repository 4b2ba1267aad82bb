//! Excel workbooks of xuncha's tables (`--format xlsx -o FILE.xlsx` for
//! `plan`, `repair`, `conflicts`, `training report` and `simulate`): one
//! sheet per [`Sheet`], a bold frozen header row in the user's language,
//! columns as wide as their widest text (a CJK character counts two), ids
//! and dates as text, numbers as numbers.
//!
//! Every text cell goes through [`neutralise`]; the same input gives the
//! same bytes (a fixed document date).

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, XlsxError};
use unicode_width::UnicodeWidthStr;

use super::cell::neutralise;
use super::sheet::{Kind, Sheet};

/// The workbook's bytes.
pub fn write(sheets: &[Sheet]) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let fixed = ExcelDateTime::from_ymd(2026, 1, 1)?;
    book.set_properties(&DocProperties::new().set_creation_datetime(&fixed));
    let bold = Format::new().set_bold();
    let text = Format::new().set_num_format("@");
    for s in sheets {
        let ws = book.add_worksheet();
        ws.set_name(sheet_name(&s.name))?;
        for (c, h) in s.header.iter().enumerate() {
            ws.write_string_with_format(0, c as u16, neutralise(h).as_ref(), &bold)?;
        }
        for (r, row) in s.rows.iter().enumerate() {
            let r = r as u32 + 1;
            for (c, cell) in row.iter().enumerate() {
                let c = c as u16;
                if cell.text.is_empty() {
                    continue;
                }
                let number = match cell.kind {
                    Kind::Number => cell.text.parse::<f64>().ok().filter(|n| n.is_finite()),
                    Kind::Text => None,
                };
                match number {
                    Some(n) => ws.write_number(r, c, n)?,
                    None => {
                        ws.write_string_with_format(r, c, neutralise(&cell.text).as_ref(), &text)?
                    }
                };
            }
        }
        ws.set_freeze_panes(1, 0)?;
        for (c, h) in s.header.iter().enumerate() {
            let widest = s
                .rows
                .iter()
                .filter_map(|row| row.get(c))
                .map(|cell| neutralise(&cell.text).width())
                .max()
                .unwrap_or(0)
                .max(h.width());
            // Excel's width unit is about one Latin character; a CJK one is two.
            ws.set_column_width(c as u16, (widest as f64 + 2.0).clamp(6.0, 80.0))?;
        }
    }
    book.save_to_buffer()
}

/// A sheet name Excel accepts: at most 31 characters, none of `[]:*?/\`.
fn sheet_name(name: &str) -> String {
    name.chars()
        .map(|c| if "[]:*?/\\".contains(c) { '_' } else { c })
        .take(31)
        .collect()
}
