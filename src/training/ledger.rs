//! Ledger files: training records kept beside the scenario as CSV (as an
//! office keeps them in Excel) and how rows are read, checked and appended.
//!
//! Reading is shared by the scenario loader (`training.files`) and by
//! `xuncha training import`; appending by `training add` and `training
//! import`. See docs/training.md for the columns and the rules.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::error::excerpt;
use crate::error::{Fact, LedgerFact, Problem};
use crate::ids::Span;
use crate::scenario::raw::RawRecord;
use crate::training::{fmt_hours, kind_from_label, kind_label_zh, result_passes};

/// How a ledger file's bytes are encoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    /// UTF-8 starting with a byte-order mark (Excel's "CSV UTF-8").
    Utf8Bom,
    /// GBK (Excel's "CSV" on a Chinese Windows).
    Gbk,
}

impl Encoding {
    pub fn as_str(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf8Bom => "UTF-8 with BOM",
            Encoding::Gbk => "GBK",
        }
    }
}

const SAVE_AS: &str = "save it from Excel as “CSV UTF-8(逗号分隔)” or “CSV(逗号分隔)”";

/// Decode a ledger: UTF-8 (with or without BOM) first, else GBK.
#[allow(clippy::result_large_err)] // a Problem is a few strings, built once per failed read
pub fn decode(bytes: &[u8]) -> Result<(String, Encoding), Problem> {
    if bytes.starts_with(b"\xff\xfe") || bytes.starts_with(b"\xfe\xff") {
        return Err(
            Problem::new("the file is UTF-16 text (Excel's “Unicode text”)")
                .hint(SAVE_AS)
                .fact(Fact::Ledger(LedgerFact::Utf16)),
        );
    }
    if bytes.contains(&0) {
        return Err(Problem::new("the file holds binary data, not text")
            .hint(SAVE_AS)
            .fact(Fact::Ledger(LedgerFact::Binary)));
    }
    if let Some(rest) = bytes.strip_prefix(b"\xef\xbb\xbf") {
        return match std::str::from_utf8(rest) {
            Ok(s) => Ok((s.to_string(), Encoding::Utf8Bom)),
            Err(e) => Err(Problem::new(format!(
                "the file starts with a UTF-8 byte-order mark but is not UTF-8 (first bad byte at offset {})",
                e.valid_up_to() + 3
            ))
            .hint(SAVE_AS)
            .fact(Fact::Ledger(LedgerFact::BadBom {
                offset: e.valid_up_to() + 3,
            }))),
        };
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Ok((s.to_string(), Encoding::Utf8));
    }
    match encoding_rs::GBK.decode_without_bom_handling_and_without_replacement(bytes) {
        Some(s) => Ok((s.into_owned(), Encoding::Gbk)),
        None => Err(Problem::new("the file is neither UTF-8 nor GBK text")
            .hint(SAVE_AS)
            .fact(Fact::Ledger(LedgerFact::NotText))),
    }
}

/// Encode text to append to a file in `enc` (no byte-order mark).
pub fn encode(text: &str, enc: Encoding) -> Result<Vec<u8>, String> {
    match enc {
        Encoding::Utf8 | Encoding::Utf8Bom => Ok(text.as_bytes().to_vec()),
        Encoding::Gbk => {
            let (bytes, _, bad) = encoding_rs::GBK.encode(text);
            if bad {
                let c = text
                    .chars()
                    .find(|c| {
                        let mut b = [0u8; 4];
                        encoding_rs::GBK.encode(c.encode_utf8(&mut b)).2
                    })
                    .unwrap_or('?');
                Err(format!(
                    "the ledger is GBK-encoded and GBK cannot write “{c}”; save the ledger as UTF-8 and run again"
                ))
            } else {
                Ok(bytes.into_owned())
            }
        }
    }
}

/// What a ledger column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Column {
    /// Person id (编号).
    Person,
    /// Person name (姓名).
    Name,
    Course,
    Date,
    Hours,
    Kind,
    Result,
    Passed,
    /// Any other column (序号, 单位, 备注 …): kept, not read.
    Other,
}

impl Column {
    /// The field's code: `person`, `course`, … (the English header name).
    pub fn code(self) -> &'static str {
        match self {
            Column::Person => "person",
            Column::Name => "name",
            Column::Course => "course",
            Column::Date => "date",
            Column::Hours => "hours",
            Column::Kind => "kind",
            Column::Result => "result",
            Column::Passed => "passed",
            Column::Other => "other",
        }
    }

    fn describe(self) -> &'static str {
        match self {
            Column::Person => "编号/person",
            Column::Name => "姓名/name",
            Column::Course => "课程/course",
            Column::Date => "日期/date",
            Column::Hours => "学时/hours",
            Column::Kind => "类型/kind",
            Column::Result => "结果/result",
            Column::Passed => "是否通过/passed",
            Column::Other => "other",
        }
    }
}

/// The header a new ledger file gets.
pub const NEW_HEADER: &str = "编号,姓名,课程,日期,学时,类型,结果";

/// What a header cell names. Case, spaces and a trailing parenthesis
/// (`学时(小时)`) are ignored.
pub fn column_of(header: &str) -> Column {
    match crate::vocab::normalise_header(header).as_str() {
        "person" | "id" | "person_id" | "编号" | "人员编号" => Column::Person,
        "name" | "姓名" => Column::Name,
        "course" | "课程" | "课程名称" | "培训课程" | "培训名称" | "培训项目" | "培训班次" => {
            Column::Course
        }
        "date" | "日期" | "培训日期" => Column::Date,
        "hours" | "学时" | "学时数" | "培训学时" => Column::Hours,
        "kind" | "type" | "类型" | "类别" | "培训类型" | "培训类别" => Column::Kind,
        "result" | "结果" | "考核结果" | "成绩" => Column::Result,
        "passed" | "是否通过" | "是否合格" => Column::Passed,
        _ => Column::Other,
    }
}

/// A CSV ledger as read: its header and rows, with positions.
#[derive(Debug, Clone)]
pub struct Csv {
    /// Header cells as written.
    pub names: Vec<String>,
    pub columns: Vec<Column>,
    /// 1-based line of the header (0: the file has no header yet).
    pub header_line: usize,
    pub rows: Vec<Row>,
    /// `\r\n` when the file's first line ends so, else `\n`.
    pub line_ending: &'static str,
}

/// One data row of a CSV ledger.
#[derive(Debug, Clone)]
pub struct Row {
    /// 1-based line where the row starts.
    pub line: usize,
    pub cells: Vec<String>,
    /// Where each cell starts.
    pub spans: Vec<Span>,
}

impl Csv {
    /// Whether the header is written in Chinese (new cells follow suit).
    pub fn chinese(&self) -> bool {
        self.names
            .iter()
            .any(|n| n.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)))
    }
    pub fn has(&self, c: Column) -> bool {
        self.columns.contains(&c)
    }
    fn header_span(&self) -> Option<Span> {
        (self.header_line > 0).then_some(Span {
            line: self.header_line,
            column: 1,
        })
    }
}

/// Where each field of a row starts, for messages.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FieldSpans {
    pub row: Option<Span>,
    pub person: Option<Span>,
    pub course: Option<Span>,
    pub date: Option<Span>,
    pub hours: Option<Span>,
}

/// A row read into a record.
#[derive(Debug, Clone)]
pub struct RowRecord {
    pub record: RawRecord,
    pub line: usize,
    pub spans: FieldSpans,
}

/// Parse CSV text. Blank rows are skipped. A file with no rows at all has
/// no header (`header_line` 0) and no columns.
#[allow(clippy::result_large_err)] // a Problem is a few strings, built once per failed read
pub fn parse_csv(text: &str) -> Result<Csv, Problem> {
    let line_ending = match text.find('\n') {
        Some(i) if i > 0 && text.as_bytes()[i - 1] == b'\r' => "\r\n",
        _ => "\n",
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut header: Option<(usize, Vec<String>)> = None;
    let mut rows = Vec::new();
    for rec in reader.records() {
        let rec = rec.map_err(|e| {
            let span = e.position().map(|p| Span {
                line: p.line() as usize,
                column: 1,
            });
            let (msg, fact) = match e.kind() {
                csv::ErrorKind::Utf8 { .. } => (
                    "the file is not valid text".to_string(),
                    LedgerFact::NotText,
                ),
                _ => (
                    format!("unreadable CSV: {e}"),
                    LedgerFact::UnreadableCsv {
                        detail: e.to_string(),
                    },
                ),
            };
            Problem::new(msg)
                .at(span)
                .hint("one record per line, cells separated by commas")
                .fact(Fact::Ledger(fact))
        })?;
        let cells: Vec<String> = rec.iter().map(str::to_string).collect();
        if cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let (mut line, mut byte) = rec
            .position()
            .map(|p| (p.line() as usize, p.byte() as usize))
            .unwrap_or((0, 0));
        // After a `\r\n`, csv reports the `\n` as where the next record starts.
        while let Some(&c) = text
            .as_bytes()
            .get(byte)
            .filter(|c| **c == b'\n' || **c == b'\r')
        {
            if c == b'\n' {
                line += 1;
            }
            byte += 1;
        }
        if header.is_none() {
            header = Some((line, cells));
            continue;
        }
        // A cell xuncha quoted against CSV injection reads back as written.
        let cells: Vec<String> = cells
            .iter()
            .map(|c| crate::report::cell::restore(c).to_string())
            .collect();
        let spans = field_spans(text, byte, line, cells.len());
        rows.push(Row { line, cells, spans });
    }
    let (header_line, names) = header.unwrap_or((0, Vec::new()));
    let names: Vec<String> = names.iter().map(|n| n.trim().to_string()).collect();
    let columns = names.iter().map(|n| column_of(n)).collect();
    Ok(Csv {
        names,
        columns,
        header_line,
        rows,
        line_ending,
    })
}

/// The position where each of the `n` fields of the record at `byte` starts.
fn field_spans(text: &str, byte: usize, line: usize, n: usize) -> Vec<Span> {
    let byte = byte.min(text.len());
    let line_start = text[..byte].rfind('\n').map(|i| i + 1).unwrap_or(0);
    let mut column = text[line_start..byte].chars().count() + 1;
    let mut line = line;
    let mut spans = vec![Span { line, column }];
    let mut quoted = false;
    for c in text[byte..].chars() {
        if spans.len() >= n {
            break;
        }
        match c {
            '"' => {
                quoted = !quoted;
                column += 1;
            }
            ',' if !quoted => {
                column += 1;
                spans.push(Span { line, column });
            }
            '\n' if quoted => {
                line += 1;
                column = 1;
            }
            '\n' | '\r' => break,
            _ => column += 1,
        }
    }
    while spans.len() < n {
        let last = *spans.last().expect("one span");
        spans.push(last);
    }
    spans
}

/// Problems with the header itself: required columns missing, a column twice.
pub fn check_header(csv: &Csv) -> Vec<Problem> {
    let mut out = Vec::new();
    if csv.header_line == 0 {
        return out;
    }
    let mut seen: HashMap<Column, &str> = HashMap::new();
    for (name, &c) in csv.names.iter().zip(&csv.columns) {
        if c == Column::Other {
            continue;
        }
        if let Some(prev) = seen.insert(c, name) {
            out.push(
                Problem::new(format!(
                    "columns “{prev}” and “{name}” both hold {}",
                    c.describe()
                ))
                .at(csv.header_span())
                .about("header")
                .hint("keep one of them")
                .fact(Fact::Ledger(LedgerFact::ColumnTwice {
                    first: excerpt(prev),
                    second: excerpt(name),
                    column: c.code(),
                })),
            );
        }
    }
    let mut missing = Vec::new();
    let mut codes = Vec::new();
    if !csv.has(Column::Person) && !csv.has(Column::Name) {
        missing.push("编号/person or 姓名/name");
        codes.push(Column::Person.code());
    }
    for c in [Column::Course, Column::Date, Column::Hours] {
        if !csv.has(c) {
            missing.push(c.describe());
            codes.push(c.code());
        }
    }
    if !missing.is_empty() {
        out.push(
            Problem::new(format!(
                "the header has no {} column (found: {})",
                missing.join(", "),
                excerpt(&csv.names.join(", "))
            ))
            .at(csv.header_span())
            .about("header")
            .hint(format!(
                "the first row names the columns, e.g. `{NEW_HEADER}` or `person,course,date,hours,kind,result`"
            ))
            .fact(Fact::Ledger(LedgerFact::MissingColumns {
                missing: codes,
                found: excerpt(&csv.names.join(", ")),
            })),
        );
    }
    out
}

/// The people a ledger may name: ids and names.
#[derive(Debug, Default)]
pub struct PeopleIndex<'a> {
    names: HashMap<&'a str, &'a str>,
    by_name: HashMap<&'a str, Vec<&'a str>>,
}

impl<'a> PeopleIndex<'a> {
    pub fn new(people: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        let mut ix = PeopleIndex::default();
        for (id, name) in people {
            ix.names.insert(id, name);
            let name = name.trim();
            if !name.is_empty() {
                ix.by_name.entry(name).or_default().push(id);
            }
        }
        ix
    }

    /// The id a row names: by `id` if given (checking `name` against it),
    /// else by a unique `name`.
    pub fn resolve(&self, id: &str, name: &str) -> Result<String, (String, String, LedgerFact)> {
        let (id, name) = (id.trim(), name.trim());
        if !id.is_empty() {
            return match self.names.get(id) {
                Some(known) if name.is_empty() || known.trim() == name => Ok(id.to_string()),
                Some(known) => Err((
                    format!("姓名 “{name}” does not match {id}, who is “{known}”"),
                    "correct the id or the name".to_string(),
                    LedgerFact::NameMismatch {
                        name: excerpt(name),
                        id: excerpt(id),
                        known: known.to_string(),
                    },
                )),
                None => Err((
                    format!("unknown person “{id}”"),
                    crate::error::known_list(self.sorted_ids()),
                    LedgerFact::UnknownPerson {
                        id: excerpt(id),
                        known: self.sorted_ids().into_iter().map(str::to_string).collect(),
                    },
                )),
            };
        }
        if name.is_empty() {
            return Err((
                "no person: 编号 and 姓名 are both empty".to_string(),
                "give the person's id (编号) or name (姓名)".to_string(),
                LedgerFact::NoPerson,
            ));
        }
        match self.by_name.get(name).map(Vec::as_slice) {
            Some([one]) => Ok(one.to_string()),
            Some(many) => Err((
                format!(
                    "the name “{name}” is ambiguous: {} people have it ({})",
                    many.len(),
                    many.join(", ")
                ),
                "add a 编号 (person) column with their ids".to_string(),
                LedgerFact::AmbiguousName {
                    name: excerpt(name),
                    ids: many.iter().map(|i| i.to_string()).collect(),
                },
            )),
            None => Err((
                format!("no person is named “{name}”"),
                "check the spelling, or give the id in a 编号 column".to_string(),
                LedgerFact::NoSuchName {
                    name: excerpt(name),
                },
            )),
        }
    }

    fn sorted_ids(&self) -> Vec<&'a str> {
        let mut ids: Vec<&str> = self.names.keys().copied().collect();
        ids.sort_unstable();
        ids
    }
}

/// Read a date as offices write it: `2026-04-10`, `2026/4/10`, `2026.4.10`,
/// `2026年4月10日`, optionally followed by a time Excel added (`0:00`).
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let t = text.trim();
    let t = t.split_whitespace().next().unwrap_or("");
    for fmt in ["%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%Y年%m月%d日"] {
        if let Ok(d) = NaiveDate::parse_from_str(t, fmt) {
            return Some(d);
        }
    }
    None
}

/// Hours of one training record at most, wherever a record enters (ledger
/// CSV or YAML, records in the scenario, `training import`, `training add`):
/// a year's full-time course is far below it, and `1e308` is refused rather
/// than printed as `null` and counted as compliant.
pub const MAX_RECORD_HOURS: f64 = 1_000.0;

/// Whether `h` is a plausible number of hours for one record.
pub fn hours_in_range(h: f64) -> bool {
    h.is_finite() && (0.0..=MAX_RECORD_HOURS).contains(&h)
}

/// Read hours: `40`, `12.5`, `40学时`, `8h`.
pub fn parse_hours(text: &str) -> Option<f64> {
    let t = text.trim();
    let t = t
        .strip_suffix("学时")
        .or_else(|| t.strip_suffix("小时"))
        .or_else(|| t.strip_suffix('h'))
        .unwrap_or(t)
        .trim();
    t.parse::<f64>().ok().filter(|h| h.is_finite())
}

fn parse_passed(text: &str) -> Option<bool> {
    match text.trim().to_lowercase().as_str() {
        "是" | "通过" | "合格" | "yes" | "y" | "true" | "1" => Some(true),
        "否" | "未通过" | "不通过" | "不合格" | "no" | "n" | "false" | "0" => Some(false),
        _ => None,
    }
}

/// Read every row into a record; each bad row gives its problems (line and
/// column of the bad cell) and no record. The header must have passed
/// [`check_header`].
pub fn records(csv: &Csv, people: &PeopleIndex) -> (Vec<RowRecord>, Vec<Problem>) {
    let col = |c: Column| csv.columns.iter().position(|&x| x == c);
    let (person_c, name_c, course_c, date_c, hours_c) = (
        col(Column::Person),
        col(Column::Name),
        col(Column::Course),
        col(Column::Date),
        col(Column::Hours),
    );
    let (kind_c, result_c, passed_c) =
        (col(Column::Kind), col(Column::Result), col(Column::Passed));
    let mut out = Vec::new();
    let mut problems = Vec::new();
    for row in &csv.rows {
        let cell = |c: Option<usize>| -> &str {
            c.and_then(|i| row.cells.get(i))
                .map(|s| s.trim())
                .unwrap_or("")
        };
        let span = |c: Option<usize>| -> Option<Span> {
            c.and_then(|i| row.spans.get(i).copied())
                .or(row.spans.first().copied())
        };
        let who = if cell(person_c).is_empty() {
            cell(name_c).to_string()
        } else {
            cell(person_c).to_string()
        };
        let subject = format!(
            "training record of {}",
            if who.is_empty() { "?" } else { &who }
        );
        let before = problems.len();
        let mut bad = |span: Option<Span>, msg: String, hint: String, fact: LedgerFact| {
            problems.push(
                Problem::new(msg)
                    .at(span)
                    .about(&subject)
                    .hint(hint)
                    .fact(Fact::Ledger(fact)),
            );
        };
        if row.cells.len() > csv.names.len()
            && row.cells[csv.names.len()..]
                .iter()
                .any(|c| !c.trim().is_empty())
        {
            bad(
                row.spans.get(csv.names.len()).copied(),
                format!(
                    "the row has {} cells; the header names {} columns",
                    row.cells.len(),
                    csv.names.len()
                ),
                "a comma inside a cell needs the cell in double quotes".to_string(),
                LedgerFact::TooManyCells {
                    cells: row.cells.len(),
                    columns: csv.names.len(),
                },
            );
        }
        let person = match people.resolve(cell(person_c), cell(name_c)) {
            Ok(id) => Some(id),
            Err((msg, hint, fact)) => {
                bad(span(person_c.or(name_c)), msg, hint, fact);
                None
            }
        };
        let course = cell(course_c).to_string();
        if course.is_empty() {
            bad(
                span(course_c),
                "empty course (课程)".to_string(),
                "name the course".to_string(),
                LedgerFact::EmptyCourse,
            );
        }
        let date = match parse_date(cell(date_c)) {
            Some(d) => Some(d),
            None => {
                let serial =
                    cell(date_c).chars().all(|c| c.is_ascii_digit()) && !cell(date_c).is_empty();
                let hint = if serial {
                    "Excel saved the date as a serial number: format the column as a date (yyyy-mm-dd) and save again"
                } else {
                    "write it YYYY-MM-DD, e.g. 2026-04-10"
                };
                bad(
                    span(date_c),
                    format!("“{}” is not a date", cell(date_c)),
                    hint.to_string(),
                    LedgerFact::NotADate {
                        text: excerpt(cell(date_c)),
                        serial,
                    },
                );
                None
            }
        };
        let hours = match parse_hours(cell(hours_c)) {
            Some(h) if hours_in_range(h) => Some(h),
            _ => {
                bad(
                    span(hours_c),
                    format!(
                        "学时 “{}” is not a number of hours from 0 to {MAX_RECORD_HOURS}",
                        excerpt(cell(hours_c))
                    ),
                    "a number such as 40 or 12.5".to_string(),
                    LedgerFact::BadHours {
                        text: excerpt(cell(hours_c)),
                        max: MAX_RECORD_HOURS as i64,
                    },
                );
                None
            }
        };
        let kind = match cell(kind_c) {
            "" => None,
            k => match kind_from_label(k) {
                Some(k) => Some(k),
                None => {
                    bad(
                        span(kind_c),
                        format!("unknown kind (类型) “{k}”"),
                        "annual (全脱产专训), pre_round (轮前培训), practice (实战/顶岗历练), online (网络培训) or other (其他)".to_string(),
                        LedgerFact::UnknownKind { kind: excerpt(k) },
                    );
                    None
                }
            },
        };
        let result = Some(cell(result_c).to_string()).filter(|r| !r.is_empty());
        let passed = match cell(passed_c) {
            "" => None,
            p => match parse_passed(p) {
                Some(b) => Some(b),
                None => {
                    bad(
                        span(passed_c),
                        format!("是否通过 “{p}” is neither yes nor no"),
                        "是 or 否 (yes or no)".to_string(),
                        LedgerFact::BadPassed { text: excerpt(p) },
                    );
                    None
                }
            },
        };
        if problems.len() > before {
            continue;
        }
        let (Some(person), Some(date), Some(hours)) = (person, date, hours) else {
            continue;
        };
        out.push(RowRecord {
            record: RawRecord {
                person,
                course,
                date,
                hours,
                kind,
                result,
                passed,
            },
            line: row.line,
            spans: FieldSpans {
                row: row.spans.first().copied(),
                person: span(person_c.or(name_c)),
                course: span(course_c),
                date: span(date_c),
                hours: span(hours_c),
            },
        });
    }
    (out, problems)
}

/// A record to append, with the name to write where the ledger has a 姓名 column.
#[derive(Debug, Clone)]
pub struct NewRow<'a> {
    pub record: &'a RawRecord,
    pub name: &'a str,
}

/// Render `row` as one CSV line for a ledger with `csv`'s columns, ending
/// with the ledger's line ending. Fails when the ledger has no column for
/// something the record says.
pub fn render_row(csv: &Csv, row: &NewRow) -> Result<String, String> {
    let r = row.record;
    let chinese = csv.chinese();
    let need = |c: Column, what: &str| -> Result<(), String> {
        if csv.has(c) {
            Ok(())
        } else {
            Err(format!(
                "the ledger has no {} column for the {what}; add one to its header line or leave the {what} out",
                c.describe()
            ))
        }
    };
    if r.kind.is_some() {
        need(Column::Kind, "kind")?;
    }
    if r.result.is_some() {
        need(Column::Result, "result")?;
    }
    let failed_by_result = r.result.as_deref().is_some_and(|t| !result_passes(t));
    if r.passed == Some(false) && !failed_by_result {
        need(Column::Passed, "failed result")?;
    }
    let cells: Vec<String> = csv
        .columns
        .iter()
        .map(|c| match c {
            Column::Person => r.person.clone(),
            Column::Name => row.name.to_string(),
            Column::Course => r.course.clone(),
            Column::Date => r.date.to_string(),
            Column::Hours => fmt_hours(r.hours),
            Column::Kind => match r.kind {
                Some(k) if chinese => kind_label_zh(k).to_string(),
                Some(k) => crate::training::kind_str(k).to_string(),
                None => String::new(),
            },
            Column::Result => r.result.clone().unwrap_or_default(),
            Column::Passed => match (r.passed, chinese) {
                (None, _) => String::new(),
                (Some(true), true) => "是".into(),
                (Some(false), true) => "否".into(),
                (Some(true), false) => "yes".into(),
                (Some(false), false) => "no".into(),
            },
            Column::Other => String::new(),
        })
        .collect();
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    // Cells that start like a formula are quoted (report::cell), as in every
    // CSV xuncha writes; `parse_csv` undoes it when the ledger is read.
    w.write_record(
        cells
            .iter()
            .map(|c| crate::report::cell::neutralise(c).into_owned()),
    )
    .map_err(|e| e.to_string())?;
    let bytes = w.into_inner().map_err(|e| e.to_string())?;
    let mut line = String::from_utf8(bytes).map_err(|e| e.to_string())?;
    if line.ends_with('\n') {
        line.pop();
    }
    line.push_str(csv.line_ending);
    Ok(line)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns() {
        assert_eq!(column_of("学时(小时)"), Column::Hours);
        assert_eq!(column_of(" 编号 "), Column::Person);
        assert_eq!(column_of("\u{feff}姓名"), Column::Name);
        assert_eq!(column_of("Course"), Column::Course);
        assert_eq!(column_of("备注"), Column::Other);
    }

    #[test]
    fn dates_and_hours() {
        let d = NaiveDate::from_ymd_opt(2026, 4, 10).unwrap();
        for t in [
            "2026-04-10",
            "2026/4/10",
            "2026.04.10",
            "2026年4月10日",
            "2026/4/10 0:00",
        ] {
            assert_eq!(parse_date(t), Some(d), "{t}");
        }
        assert_eq!(parse_date("46122"), None);
        assert_eq!(parse_hours("12.5"), Some(12.5));
        assert_eq!(parse_hours("40学时"), Some(40.0));
        assert_eq!(parse_hours("NaN"), None);
    }

    #[test]
    fn spans_of_quoted_fields() {
        let text = "a,b,c\nx,\"y,1\",z\n";
        let csv = parse_csv(text).unwrap();
        let cols: Vec<usize> = csv.rows[0].spans.iter().map(|s| s.column).collect();
        assert_eq!(cols, [1, 3, 9]);
        assert_eq!(csv.rows[0].line, 2);
    }

    #[test]
    fn positions_with_crlf() {
        let csv = parse_csv("a,b\r\nc,d\r\n\r\ne,\"f\"\r\n").unwrap();
        let at: Vec<(usize, usize)> = csv
            .rows
            .iter()
            .flat_map(|r| r.spans.iter().map(|s| (s.line, s.column)))
            .collect();
        assert_eq!(at, [(2, 1), (2, 3), (4, 1), (4, 3)]);
        assert_eq!(csv.line_ending, "\r\n");
    }

    #[test]
    fn gbk_round_trip() {
        let (bytes, _, _) = encoding_rs::GBK.encode("编号,课程\n");
        let (text, enc) = decode(&bytes).unwrap();
        assert_eq!(enc, Encoding::Gbk);
        assert_eq!(text, "编号,课程\n");
        assert_eq!(
            encode("张伟", Encoding::Gbk).unwrap(),
            encoding_rs::GBK.encode("张伟").0.into_owned()
        );
        assert!(encode("😀", Encoding::Gbk).is_err());
    }
}
