//! Excel workbooks in the office's layout (FORMAT.md "Workbook sources"):
//! read as a scenario's `sources:`, written by `xuncha template` and
//! `xuncha export`, and by `xuncha import lrmx`.
//!
//! The layout is one sheet per list (单位, 村社区, 人员, 任职经历, 不可参加,
//! 社会关系, 培训记录), the first row naming the columns. [`layout`] holds
//! the canonical headers and the synonyms read; [`sources`] turns sheets
//! into the scenario's raw lists; [`write`] writes them.

pub mod grid;
pub mod layout;
pub mod sources;
pub mod write;

use crate::error::Problem;

/// What is wrong at one place of a workbook: facts, worded by
/// [`WorkbookProblem::to_problem`] (and, for the office, in report/).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Issue {
    /// The file is not an .xlsx workbook (calamine's reason).
    NotAWorkbook(String),
    /// A sheet could not be read (calamine's reason).
    Unreadable(String),
    /// A formula cell: its value is whatever Excel last computed.
    Formula(String),
    /// More formula cells than were listed.
    MoreFormulas(usize),
    /// A merged range: only its first cell holds the value.
    MergedCells,
    TooManyRows {
        limit: u32,
    },
    /// A column the sheet needs is not in its header row.
    MissingHeader {
        header: &'static str,
    },
    /// Two header cells name the same column.
    DuplicateHeader {
        header: String,
    },
    /// The workbook has none of the sheets of the layout.
    NoKnownSheet {
        sheets: Vec<String>,
    },
    /// A required cell is empty.
    Empty {
        header: &'static str,
    },
    /// A value that does not read as what the column holds.
    BadValue {
        header: &'static str,
        value: String,
        expected: Expected,
    },
    /// A unit, village or person named by neither id nor unique name.
    UnknownRef {
        header: &'static str,
        value: String,
        what: RefKind,
    },
    /// A name that several units, villages or people share.
    AmbiguousRef {
        header: &'static str,
        value: String,
        ids: Vec<String>,
    },
    /// A village row whose 所属乡镇 is not a township.
    NotATownship {
        value: String,
    },
    /// A problem the training ledger reader found (its words).
    Training(String, Option<String>),
}

/// What a value was expected to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    YesNo,
    Date,
    Integer,
    UnitKind,
    Tag,
    /// 专职, 兼职 or 人才库 (docs/pool.md).
    Category,
    /// 优秀, 称职, 基本称职 or 不称职 (docs/pool.md).
    Grade,
    /// 入库 or 出库 (docs/pool.md).
    JoinLeave,
}

/// What a reference names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RefKind {
    Unit,
    Place,
    Person,
}

/// An issue and where it is: `人员库.xlsx!人员!C17`.
#[derive(Debug, Clone, PartialEq)]
pub struct WorkbookProblem {
    pub file: String,
    pub sheet: Option<String>,
    pub cell: Option<String>,
    pub issue: Box<Issue>,
}

impl WorkbookProblem {
    pub fn new(file: &str, sheet: Option<&str>, cell: Option<String>, issue: Issue) -> Self {
        WorkbookProblem {
            file: file.to_string(),
            sheet: sheet.map(str::to_string),
            cell,
            issue: Box::new(issue),
        }
    }

    /// `file!sheet!cell`, as far as known.
    pub fn position(&self) -> String {
        let mut s = self.file.clone();
        if let Some(sheet) = &self.sheet {
            s.push('!');
            s.push_str(sheet);
            if let Some(cell) = &self.cell {
                s.push('!');
                s.push_str(cell);
            }
        }
        s
    }

    /// The problem as the scenario loader reports it (file = the position).
    pub fn to_problem(&self) -> Problem {
        let (message, hint) = english(&self.issue);
        let p = Problem::new(message)
            .in_file(self.position())
            .fact(crate::error::Fact::Workbook(self.issue.clone()));
        match hint {
            Some(h) => p.hint(h),
            None => p,
        }
    }
}

/// The loader's English words for an issue (`Problem::message`, as for the
/// scenario's other problems); the office reads them from the catalogue
/// through `report::workbook::issue`.
fn english(issue: &Issue) -> (String, Option<String>) {
    match issue {
        Issue::NotAWorkbook(why) => (
            format!("not an .xlsx workbook ({why})"),
            Some("save it from Excel or WPS as “Excel 工作簿 (*.xlsx)”".into()),
        ),
        Issue::Unreadable(why) => (format!("the sheet cannot be read ({why})"), None),
        Issue::Formula(f) => (
            format!("a formula cell ({f})"),
            Some("xuncha reads values: copy the column and paste it back as values (选择性粘贴 → 数值)".into()),
        ),
        Issue::MoreFormulas(n) => (format!("{n} more formula cells"), None),
        Issue::MergedCells => (
            "merged cells: only the first cell holds the value".into(),
            Some("unmerge them (取消合并) and fill every cell".into()),
        ),
        Issue::TooManyRows { limit } => (
            format!("more than {limit} rows"),
            Some("is this the right sheet? delete the empty or unrelated rows".into()),
        ),
        Issue::MissingHeader { header } => (
            format!("no column “{header}” in the first row"),
            Some("the first row names the columns; `xuncha template` writes them".into()),
        ),
        Issue::DuplicateHeader { header } => (
            format!("two columns are “{header}”"),
            Some("keep one".into()),
        ),
        Issue::NoKnownSheet { sheets } => (
            format!("none of its sheets ({}) is one xuncha reads", sheets.join(", ")),
            Some(format!("name the sheets {}", layout::SHEET_NAMES.join(", "))),
        ),
        Issue::Empty { header } => (format!("“{header}” is empty"), Some("fill it in".into())),
        Issue::BadValue {
            header,
            value,
            expected,
        } => {
            let want = match expected {
                Expected::YesNo => "是 or 否",
                Expected::Date => "a date, e.g. 2027-03-01",
                Expected::Integer => "a whole number",
                Expected::UnitKind => "乡镇 or 县级部门",
                Expected::Tag => "贫困户村, 软弱涣散 or 民生热点",
                Expected::Category => "专职, 兼职 or 人才库",
                Expected::Grade => "优秀, 称职, 基本称职 or 不称职",
                Expected::JoinLeave => "入库 or 出库",
            };
            (
                format!("“{header}” is “{value}”, not {want}"),
                Some(format!("write {want}")),
            )
        }
        Issue::UnknownRef {
            header,
            value,
            what,
        } => {
            let what = match what {
                RefKind::Unit => "unit",
                RefKind::Place => "unit or village",
                RefKind::Person => "person",
            };
            (
                format!("“{header}” names “{value}”: no {what} has that id or name"),
                Some(format!("write the {what}'s id (编号) or its exact name")),
            )
        }
        Issue::AmbiguousRef { header, value, ids } => (
            format!("“{header}” names “{value}”, which is the name of {}", ids.join(", ")),
            Some("write the id (编号) instead".into()),
        ),
        Issue::NotATownship { value } => (
            format!("所属乡镇 “{value}” is not a township"),
            Some("a village belongs to a unit of type 乡镇".into()),
        ),
        Issue::Training(m, h) => (m.clone(), h.clone()),
    }
}

/// A cell's name from 0-based row and column: (16, 2) → `C17`.
pub fn cell_name(row: u32, col: u32) -> String {
    let mut letters = Vec::new();
    let mut c = col + 1;
    while c > 0 {
        let r = (c - 1) % 26;
        letters.push((b'A' + r as u8) as char);
        c = (c - 1) / 26;
    }
    letters.reverse();
    let mut s: String = letters.into_iter().collect();
    s.push_str(&(row + 1).to_string());
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cell_names() {
        assert_eq!(cell_name(0, 0), "A1");
        assert_eq!(cell_name(16, 2), "C17");
        assert_eq!(cell_name(0, 25), "Z1");
        assert_eq!(cell_name(0, 26), "AA1");
        assert_eq!(cell_name(9, 27), "AB10");
    }
}
