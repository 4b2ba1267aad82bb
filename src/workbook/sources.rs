//! A scenario's `sources:`: workbooks read into the same raw lists the
//! YAML gives, joined after the YAML's own, before validation runs.
//!
//! Units and places are named by id or by a name only one of them has;
//! people likewise. Every problem names `file!sheet!cell`, and every problem
//! of every workbook is reported in one run.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::grid::{self, Book, Sheet, Value};
use super::layout::{self, Column};
use super::{cell_name, Expected, Issue, RefKind, WorkbookProblem};
use crate::error::Problem;
use crate::ids::Span;
use crate::scenario::raw::{
    RawAppraisal, RawCategory, RawGrade, RawPerson, RawPoolChange, RawPosting, RawRange,
    RawRelation, RawScenario, RawTraining, RawUnit, RawUnitKind, RawVillage,
};
use crate::scenario::{Overlay, UnitKind};
use crate::training::ledger as csvledger;
use crate::vocab;

/// Where each joined value came from: a path into the scenario as
/// validation names it (`people[57].skills`) and its `file!sheet!cell`.
pub type Origins = Vec<(String, String)>;

/// Read every workbook of `raw.sources` (relative to `base`) and join
/// their lists into `raw`. Returns where each joined row came from, or the
/// problems.
pub fn join(
    raw: &mut RawScenario,
    base: &Path,
    overlay: &Overlay,
) -> Result<Origins, Vec<Problem>> {
    if raw.sources.is_empty() {
        return Ok(Vec::new());
    }
    let mut problems: Vec<WorkbookProblem> = Vec::new();
    let mut books = Vec::new();
    let mut seen: Vec<PathBuf> = Vec::new();
    for declared in raw.sources.clone() {
        let path = base.join(&declared);
        let label = declared.clone();
        if seen.contains(&path) {
            continue;
        }
        seen.push(path.clone());
        let bytes = match overlay.get(&path) {
            Some(b) => Ok(b.to_vec()),
            None => crate::fsio::read(&path),
        };
        let bytes = match bytes {
            Ok(b) => b,
            Err(e) => {
                let missing = e.kind() == std::io::ErrorKind::NotFound;
                let mut p = Problem::new(format!("cannot read workbook {label}: {e}"))
                    .about("sources")
                    .in_file(label.clone())
                    .fact(crate::error::Fact::WorkbookUnreadable {
                        path: label.clone(),
                        missing,
                        reason: e.to_string(),
                    });
                p = if e.kind() == std::io::ErrorKind::NotFound {
                    p.hint("the path is relative to the scenario file; `xuncha template -o 人员库.xlsx` makes an empty one")
                } else {
                    p.hint("check the path and its permissions")
                };
                return Err(vec![p]);
            }
        };
        match read_book(bytes, &label) {
            Ok((book, mut found)) => {
                problems.append(&mut found);
                books.push((label, book));
            }
            Err(p) => problems.push(p),
        }
    }
    let mut joiner = Joiner::default();
    for (label, book) in &books {
        joiner.first_pass(raw, book, label, &mut problems);
    }
    joiner.index(raw);
    for (label, book) in &books {
        joiner.second_pass(raw, book, label, &mut problems);
    }
    if problems.is_empty() {
        Ok(joiner.origins)
    } else {
        Err(problems.iter().map(WorkbookProblem::to_problem).collect())
    }
}

/// Read a workbook of the office's layout; a workbook with none of its
/// sheets is a problem (the wrong file was named).
pub fn read_book(
    bytes: Vec<u8>,
    label: &str,
) -> Result<(Book, Vec<WorkbookProblem>), WorkbookProblem> {
    let (book, problems) = grid::read(bytes, label, Some(&layout::SHEET_NAMES))?;
    if book.sheets.is_empty() && problems.is_empty() {
        return Err(WorkbookProblem::new(
            label,
            None,
            None,
            Issue::NoKnownSheet { sheets: book.all },
        ));
    }
    Ok((book, problems))
}

/// A sheet with its header read: which sheet column holds each column of
/// the layout.
struct Table<'a> {
    file: &'a str,
    sheet: &'a Sheet,
    columns: &'static [Column],
    at: Vec<Option<usize>>,
    /// Index into `sheet.rows` of the first data row.
    first: usize,
}

/// One cell of a row, with its position.
struct Cell<'a> {
    value: &'a Value,
    name: String,
}

impl<'a> Table<'a> {
    fn new(
        file: &'a str,
        sheet: &'a Sheet,
        columns: &'static [Column],
        problems: &mut Vec<WorkbookProblem>,
    ) -> Option<Table<'a>> {
        let (header_row, cells) = sheet.rows.first()?;
        let mut at = vec![None; columns.len()];
        for (c, v) in cells.iter().enumerate() {
            let text = v.text();
            if text.is_empty() {
                continue;
            }
            if let Some(i) = layout::column_index(columns, &text) {
                if at[i].is_some() {
                    problems.push(WorkbookProblem::new(
                        file,
                        Some(&sheet.name),
                        Some(cell_name(*header_row, c as u32)),
                        Issue::DuplicateHeader { header: text },
                    ));
                } else {
                    at[i] = Some(c);
                }
            }
        }
        let mut ok = true;
        for (i, col) in columns.iter().enumerate() {
            if col.required && at[i].is_none() {
                ok = false;
                problems.push(WorkbookProblem::new(
                    file,
                    Some(&sheet.name),
                    Some(cell_name(*header_row, 0)),
                    Issue::MissingHeader { header: col.header },
                ));
            }
        }
        ok.then_some(Table {
            file,
            sheet,
            columns,
            at,
            first: 1,
        })
    }

    fn rows(&self) -> impl Iterator<Item = Row<'_>> {
        self.sheet.rows[self.first..]
            .iter()
            .map(move |(r, cells)| Row {
                table: self,
                row: *r,
                cells,
            })
    }
}

struct Row<'a> {
    table: &'a Table<'a>,
    row: u32,
    cells: &'a [Value],
}

static EMPTY: Value = Value::Empty;

impl<'a> Row<'a> {
    fn cell(&self, header: &str) -> Cell<'a> {
        let i = self
            .table
            .columns
            .iter()
            .position(|c| c.header == header)
            .expect("a header of the layout");
        let c = self.table.at[i];
        Cell {
            value: c.and_then(|c| self.cells.get(c)).unwrap_or(&EMPTY),
            name: cell_name(self.row, c.unwrap_or(0) as u32),
        }
    }
    fn text(&self, header: &str) -> String {
        self.cell(header).value.text()
    }
    /// `file!sheet!cell` of the cell under `header`.
    fn position(&self, header: &str) -> String {
        format!(
            "{}!{}!{}",
            self.table.file,
            self.table.sheet.name,
            self.cell(header).name
        )
    }
    /// Record that the value at `path` came from this row: the row's first
    /// cell, and for each `(field, header)` that header's cell.
    fn origin(&self, origins: &mut Origins, path: String, fields: &[(&str, &str)]) {
        for (field, header) in fields {
            origins.push((format!("{path}.{field}"), self.position(header)));
        }
        let first = self.table.columns[0].header;
        origins.push((path, self.position(first)));
    }
    fn problem(&self, header: &str, issue: Issue) -> WorkbookProblem {
        WorkbookProblem::new(
            self.table.file,
            Some(&self.table.sheet.name),
            Some(self.cell(header).name),
            issue,
        )
    }
    /// A required text cell.
    fn required(
        &self,
        header: &'static str,
        problems: &mut Vec<WorkbookProblem>,
    ) -> Option<String> {
        let t = self.text(header);
        if t.is_empty() {
            problems.push(self.problem(header, Issue::Empty { header }));
            None
        } else {
            Some(t)
        }
    }
    fn yes_no(&self, header: &'static str, problems: &mut Vec<WorkbookProblem>) -> bool {
        let cell = self.cell(header);
        match cell.value {
            Value::Bool(b) => *b,
            v if v.is_empty() => false,
            v => match vocab::yes_no(&v.text()) {
                Some(b) => b,
                None => {
                    problems.push(self.problem(
                        header,
                        Issue::BadValue {
                            header,
                            value: v.text(),
                            expected: Expected::YesNo,
                        },
                    ));
                    false
                }
            },
        }
    }
    /// A cell holding one of the office's words (`read` turns it into
    /// its value): `None` when empty; a word `read` does not know is a
    /// problem, `expected` saying what the cell may hold.
    fn word<T>(
        &self,
        header: &'static str,
        expected: Expected,
        read: impl Fn(&str) -> Option<T>,
        problems: &mut Vec<WorkbookProblem>,
    ) -> Option<T> {
        let cell = self.cell(header);
        if cell.value.is_empty() {
            return None;
        }
        let value = read(&cell.value.text());
        if value.is_none() {
            problems.push(self.problem(
                header,
                Issue::BadValue {
                    header,
                    value: cell.value.text(),
                    expected,
                },
            ));
        }
        value
    }
    fn date(&self, header: &'static str, problems: &mut Vec<WorkbookProblem>) -> Option<NaiveDate> {
        let cell = self.cell(header);
        let d = match cell.value {
            Value::Empty => return None,
            Value::Date(d) => Some(*d),
            Value::Number(n) => serial_date(*n),
            v => csvledger::parse_date(&v.text()),
        };
        if d.is_none() {
            problems.push(self.problem(
                header,
                Issue::BadValue {
                    header,
                    value: cell.value.text(),
                    expected: Expected::Date,
                },
            ));
        }
        d
    }
    fn integer(&self, header: &'static str, problems: &mut Vec<WorkbookProblem>) -> Option<i64> {
        let cell = self.cell(header);
        if cell.value.is_empty() {
            return None;
        }
        let n = match cell.value {
            Value::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => Some(*n as i64),
            Value::Number(_) => None,
            v => v.text().parse::<i64>().ok(),
        };
        if n.is_none() {
            problems.push(self.problem(
                header,
                Issue::BadValue {
                    header,
                    value: cell.value.text(),
                    expected: Expected::Integer,
                },
            ));
        }
        n
    }
}

/// An Excel serial day number (a date cell without a date format).
fn serial_date(n: f64) -> Option<NaiveDate> {
    if !(1.0..2_958_466.0).contains(&n) {
        return None;
    }
    let epoch = NaiveDate::from_ymd_opt(1899, 12, 30)?;
    epoch.checked_add_days(chrono::Days::new(n.trunc() as u64))
}

/// A list in one cell: separated by `、`, `,`, `，`, `;`, `；` or spaces.
pub fn split_list(text: &str) -> Vec<String> {
    text.split(['、', ',', '，', ';', '；', '/', ' ', '\n'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

fn skill_code(word: &str) -> String {
    vocab::skill(word)
        .map(str::to_string)
        .unwrap_or_else(|| word.to_string())
}

/// A reference still to resolve: the text as written and where.
struct Pending {
    text: String,
    header: &'static str,
    file: String,
    sheet: String,
    cell: String,
}

impl Pending {
    fn of(row: &Row<'_>, header: &'static str) -> Option<Pending> {
        let text = row.text(header);
        (!text.is_empty()).then(|| Pending {
            text,
            header,
            file: row.table.file.to_string(),
            sheet: row.table.sheet.name.clone(),
            cell: row.cell(header).name,
        })
    }
    fn problem(&self, issue: Issue) -> WorkbookProblem {
        WorkbookProblem::new(
            &self.file,
            Some(&self.sheet),
            Some(self.cell.clone()),
            issue,
        )
    }
}

/// Id and name lookups over everything the scenario and its workbooks define.
#[derive(Default)]
struct Names {
    ids: HashMap<String, usize>,
    by_name: HashMap<String, Vec<String>>,
}

impl Names {
    fn add(&mut self, id: &str, name: &str, ix: usize) {
        self.ids.entry(id.to_string()).or_insert(ix);
        let name = name.trim();
        if !name.is_empty() {
            let ids = self.by_name.entry(name.to_string()).or_default();
            if !ids.iter().any(|i| i == id) {
                ids.push(id.to_string());
            }
        }
    }
    /// The id `p` names, or the problem.
    fn resolve(&self, p: &Pending, what: RefKind) -> Result<String, WorkbookProblem> {
        if self.ids.contains_key(&p.text) {
            return Ok(p.text.clone());
        }
        match self.by_name.get(&p.text).map(Vec::as_slice) {
            Some([one]) => Ok(one.clone()),
            Some(many) if !many.is_empty() => Err(p.problem(Issue::AmbiguousRef {
                header: p.header,
                value: p.text.clone(),
                ids: many.to_vec(),
            })),
            _ => Err(p.problem(Issue::UnknownRef {
                header: p.header,
                value: p.text.clone(),
                what,
            })),
        }
    }
}

/// The two passes over the workbooks: first what defines ids (units,
/// people), then what refers to them.
#[derive(Default)]
struct Joiner {
    /// People from workbooks: index in `raw.people` and their place cells.
    person_refs: Vec<(usize, Option<Pending>, Option<Pending>)>,
    units: Names,
    places: Names,
    people: Names,
    /// Village ids and names defined in workbooks, for `places`.
    villages: Vec<(String, String)>,
    /// Where each joined row came from.
    origins: Origins,
}

impl Joiner {
    fn first_pass(
        &mut self,
        raw: &mut RawScenario,
        book: &Book,
        file: &str,
        problems: &mut Vec<WorkbookProblem>,
    ) {
        if let Some(sheet) = book.sheet(layout::UNITS) {
            if let Some(t) = Table::new(file, sheet, layout::UNIT_COLUMNS, problems) {
                for row in t.rows() {
                    let Some(id) = row.required("编号", problems) else {
                        continue;
                    };
                    let kind_text = row.text("类型");
                    let kind = match vocab::unit_kind(&kind_text) {
                        Some(UnitKind::Township) => RawUnitKind::Township,
                        Some(UnitKind::Department) => RawUnitKind::Department,
                        None => {
                            problems.push(if kind_text.is_empty() {
                                row.problem("类型", Issue::Empty { header: "类型" })
                            } else {
                                row.problem(
                                    "类型",
                                    Issue::BadValue {
                                        header: "类型",
                                        value: kind_text,
                                        expected: Expected::UnitKind,
                                    },
                                )
                            });
                            continue;
                        }
                    };
                    let aliases = split_list(&row.text("别名"));
                    if !aliases.is_empty() {
                        raw.aliases.entry(id.clone()).or_default().extend(aliases);
                    }
                    row.origin(
                        &mut self.origins,
                        format!("units[{}]", raw.units.len()),
                        &[
                            ("id", "编号"),
                            ("name", "名称"),
                            ("kind", "类型"),
                            ("weight", "权重"),
                            ("requires", "必备专业"),
                        ],
                    );
                    raw.units.push(RawUnit {
                        name: row.text("名称"),
                        kind,
                        weight: row.integer("权重", problems),
                        requires: split_list(&row.text("必备专业"))
                            .iter()
                            .map(|s| skill_code(s))
                            .collect(),
                        villages: Vec::new(),
                        id,
                    });
                }
            }
        }
        if let Some(sheet) = book.sheet(layout::VILLAGES) {
            if let Some(t) = Table::new(file, sheet, layout::VILLAGE_COLUMNS, problems) {
                for row in t.rows() {
                    if let Some(id) = Pending::of(&row, "编号") {
                        self.villages.push((id.text, row.text("名称")));
                    }
                }
            }
        }
        if let Some(sheet) = book.sheet(layout::PEOPLE) {
            if let Some(t) = Table::new(file, sheet, layout::PEOPLE_COLUMNS, problems) {
                for row in t.rows() {
                    let Some(id) = row.required("编号", problems) else {
                        continue;
                    };
                    let person = RawPerson {
                        id,
                        name: row.text("姓名"),
                        pool: row.yes_no("入库", problems),
                        skills: split_list(&row.text("专业特长"))
                            .iter()
                            .map(|s| skill_code(s))
                            .collect(),
                        leader: row.yes_no("可任组长", problems),
                        retired: row.yes_no("退职未退休", problems),
                        pool_since: row.date("入库日期", problems),
                        pool_until: row.date("出库日期", problems),
                        category: row
                            .word("人员类别", Expected::Category, vocab::category, problems)
                            .map(RawCategory::from),
                        reserve: row.yes_no("后备干部", problems),
                        ..RawPerson::default()
                    };
                    row.origin(
                        &mut self.origins,
                        format!("people[{}]", raw.people.len()),
                        &[
                            ("id", "编号"),
                            ("name", "姓名"),
                            ("unit", "工作单位"),
                            ("hometown", "籍贯"),
                            ("skills", "专业特长"),
                            ("leader", "可任组长"),
                            ("retired", "退职未退休"),
                            ("pool", "入库"),
                            ("pool_since", "入库日期"),
                            ("pool_until", "出库日期"),
                            ("category", "人员类别"),
                            ("reserve", "后备干部"),
                        ],
                    );
                    self.person_refs.push((
                        raw.people.len(),
                        Pending::of(&row, "工作单位"),
                        Pending::of(&row, "籍贯"),
                    ));
                    raw.people.push(person);
                }
            }
        }
    }

    fn index(&mut self, raw: &RawScenario) {
        for (i, u) in raw.units.iter().enumerate() {
            self.units.add(&u.id, &u.name, i);
            self.places.add(&u.id, &u.name, i);
            for v in &u.villages {
                self.places.add(&v.id, &v.name, i);
            }
        }
        for (id, name) in &self.villages {
            self.places.add(id, name, usize::MAX);
        }
        for (i, p) in raw.people.iter().enumerate() {
            self.people.add(&p.id, &p.name, i);
        }
    }

    fn second_pass(
        &mut self,
        raw: &mut RawScenario,
        book: &Book,
        file: &str,
        problems: &mut Vec<WorkbookProblem>,
    ) {
        // Places of the people this workbook defined.
        for (ix, unit, home) in std::mem::take(&mut self.person_refs) {
            if let Some(p) = unit {
                match self.places.resolve(&p, RefKind::Place) {
                    Ok(id) => raw.people[ix].unit = Some(id),
                    Err(e) => problems.push(e),
                }
            }
            if let Some(p) = home {
                match self.places.resolve(&p, RefKind::Place) {
                    Ok(id) => raw.people[ix].hometown = Some(id),
                    Err(e) => problems.push(e),
                }
            }
        }
        if let Some(sheet) = book.sheet(layout::VILLAGES) {
            if let Some(t) = Table::new(file, sheet, layout::VILLAGE_COLUMNS, &mut Vec::new()) {
                for row in t.rows() {
                    let Some(id) = row.required("编号", &mut Vec::new()) else {
                        problems.push(row.problem("编号", Issue::Empty { header: "编号" }));
                        continue;
                    };
                    let Some(town) = Pending::of(&row, "所属乡镇") else {
                        problems.push(row.problem(
                            "所属乡镇",
                            Issue::Empty {
                                header: "所属乡镇"
                            },
                        ));
                        continue;
                    };
                    let town_id = match self.units.resolve(&town, RefKind::Unit) {
                        Ok(t) => t,
                        Err(e) => {
                            problems.push(e);
                            continue;
                        }
                    };
                    let ix = self.units.ids[&town_id];
                    if raw.units[ix].kind != RawUnitKind::Township {
                        problems.push(town.problem(Issue::NotATownship {
                            value: town.text.clone(),
                        }));
                        continue;
                    }
                    let mut tags = Vec::new();
                    for word in split_list(&row.text("标签")) {
                        match vocab::tag(&word) {
                            Some(t) => tags.push(t),
                            None => problems.push(row.problem(
                                "标签",
                                Issue::BadValue {
                                    header: "标签",
                                    value: word,
                                    expected: Expected::Tag,
                                },
                            )),
                        }
                    }
                    let complaints = row.integer("信访件数", problems);
                    row.origin(
                        &mut self.origins,
                        format!("units[{ix}].villages[{}]", raw.units[ix].villages.len()),
                        &[("id", "编号"), ("name", "名称"), ("complaints", "信访件数")],
                    );
                    raw.units[ix].villages.push(RawVillage {
                        id,
                        name: row.text("名称"),
                        tags,
                        complaints,
                    });
                }
            }
        }
        if let Some(sheet) = book.sheet(layout::POSTINGS) {
            if let Some(t) = Table::new(file, sheet, layout::POSTING_COLUMNS, problems) {
                for row in t.rows() {
                    let person = self.person(&row, "编号", problems);
                    let unit = match Pending::of(&row, "单位") {
                        Some(p) => self
                            .places
                            .resolve(&p, RefKind::Place)
                            .map_err(|e| problems.push(e))
                            .ok(),
                        None => {
                            problems.push(row.problem("单位", Issue::Empty { header: "单位" }));
                            None
                        }
                    };
                    let from = row.date("起", problems);
                    if from.is_none() && row.cell("起").value.is_empty() {
                        problems.push(row.problem("起", Issue::Empty { header: "起" }));
                    }
                    let to = row.date("止", problems);
                    if let (Some(p), Some(unit), Some(from)) = (person, unit, from) {
                        row.origin(
                            &mut self.origins,
                            format!("people[{p}].postings[{}]", raw.people[p].postings.len()),
                            &[("unit", "单位"), ("from", "起"), ("to", "止")],
                        );
                        raw.people[p].postings.push(RawPosting { unit, from, to });
                    }
                }
            }
        }
        if let Some(sheet) = book.sheet(layout::UNAVAILABLE) {
            if let Some(t) = Table::new(file, sheet, layout::UNAVAILABLE_COLUMNS, problems) {
                for row in t.rows() {
                    let person = self.person(&row, "编号", problems);
                    let mut dates = [None, None];
                    for (i, h) in ["起", "止"].into_iter().enumerate() {
                        dates[i] = row.date(h, problems);
                        if row.cell(h).value.is_empty() {
                            problems.push(row.problem(h, Issue::Empty { header: h }));
                        }
                    }
                    let reason = Some(row.text("原因")).filter(|r| !r.is_empty());
                    if let (Some(p), [Some(from), Some(to)]) = (person, dates) {
                        row.origin(
                            &mut self.origins,
                            format!(
                                "people[{p}].unavailable[{}]",
                                raw.people[p].unavailable.len()
                            ),
                            &[("from", "起"), ("to", "止")],
                        );
                        raw.people[p]
                            .unavailable
                            .push(RawRange { from, to, reason });
                    }
                }
            }
        }
        if let Some(sheet) = book.sheet(layout::RELATIONS) {
            if let Some(t) = Table::new(file, sheet, layout::RELATION_COLUMNS, problems) {
                for row in t.rows() {
                    let a = self.person(&row, "编号甲", problems);
                    let b = self.person(&row, "编号乙", problems);
                    let kind = row
                        .required("关系", problems)
                        .map(|k| vocab::relation(&k).map(str::to_string).unwrap_or(k));
                    let date = row.date("日期", problems);
                    let note = Some(row.text("备注")).filter(|r| !r.is_empty());
                    if let (Some(a), Some(b), Some(kind)) = (a, b, kind) {
                        row.origin(
                            &mut self.origins,
                            format!("relations[{}]", raw.relations.len()),
                            &[
                                ("a", "编号甲"),
                                ("b", "编号乙"),
                                ("kind", "关系"),
                                ("date", "日期"),
                            ],
                        );
                        raw.relations.push(RawRelation {
                            a: raw.people[a].id.clone(),
                            b: raw.people[b].id.clone(),
                            kind,
                            date,
                            note,
                        });
                    }
                }
            }
        }
        if let Some(sheet) = book.sheet(layout::TRAINING) {
            self.training(raw, sheet, file, problems);
        }
        if let Some(sheet) = book.sheet(layout::POOL_CHANGES) {
            if let Some(t) = Table::new(file, sheet, layout::POOL_CHANGE_COLUMNS, problems) {
                for row in t.rows() {
                    let person = self.person(&row, "编号", problems);
                    let date = row.date("日期", problems);
                    if row.cell("日期").value.is_empty() {
                        problems.push(row.problem("日期", Issue::Empty { header: "日期" }));
                    }
                    let pool = row.required("变动", problems).and_then(|_| {
                        row.word("变动", Expected::JoinLeave, vocab::join_leave, problems)
                    });
                    let reason = Some(row.text("原因")).filter(|r| !r.is_empty());
                    if let (Some(p), Some(date), Some(pool)) = (person, date, pool) {
                        row.origin(
                            &mut self.origins,
                            format!(
                                "people[{p}].pool_changes[{}]",
                                raw.people[p].pool_changes.len()
                            ),
                            &[("date", "日期"), ("pool", "变动")],
                        );
                        raw.people[p]
                            .pool_changes
                            .push(RawPoolChange { date, pool, reason });
                    }
                }
            }
        }
        if let Some(sheet) = book.sheet(layout::APPRAISALS) {
            if let Some(t) = Table::new(file, sheet, layout::APPRAISAL_COLUMNS, problems) {
                for row in t.rows() {
                    // Ids as written: the person may be defined in the YAML.
                    let person = row.required("编号", problems);
                    let round = row.required("轮次", problems);
                    let grade = row
                        .required("等次", problems)
                        .and_then(|_| row.word("等次", Expected::Grade, vocab::grade, problems))
                        .map(RawGrade::from);
                    let note = Some(row.text("备注")).filter(|n| !n.is_empty());
                    if let (Some(person), Some(round), Some(grade)) = (person, round, grade) {
                        row.origin(
                            &mut self.origins,
                            format!("appraisals[{}]", raw.appraisals.len()),
                            &[("person", "编号"), ("round", "轮次"), ("grade", "等次")],
                        );
                        raw.appraisals.push(RawAppraisal {
                            person,
                            round,
                            grade,
                            note,
                        });
                    }
                }
            }
        }
    }

    /// The person a cell names, as an index into `raw.people`.
    fn person(
        &self,
        row: &Row<'_>,
        header: &'static str,
        problems: &mut Vec<WorkbookProblem>,
    ) -> Option<usize> {
        let Some(p) = Pending::of(row, header) else {
            problems.push(row.problem(header, Issue::Empty { header }));
            return None;
        };
        match self.people.resolve(&p, RefKind::Person) {
            Ok(id) => self.people.ids.get(&id).copied(),
            Err(e) => {
                problems.push(e);
                None
            }
        }
    }

    /// 培训记录: read by the training ledger's rules, as a CSV ledger is.
    fn training(
        &mut self,
        raw: &mut RawScenario,
        sheet: &Sheet,
        file: &str,
        problems: &mut Vec<WorkbookProblem>,
    ) {
        let Some((header_row, header)) = sheet.rows.first() else {
            return;
        };
        let names: Vec<String> = header.iter().map(Value::text).collect();
        let width = names.len();
        let csv = csvledger::Csv {
            columns: names.iter().map(|n| csvledger::column_of(n)).collect(),
            names,
            header_line: *header_row as usize + 1,
            rows: sheet.rows[1..]
                .iter()
                .map(|(r, cells)| {
                    let mut texts: Vec<String> = cells.iter().map(Value::text).collect();
                    texts.resize(width.max(texts.len()), String::new());
                    csvledger::Row {
                        line: *r as usize + 1,
                        spans: (0..texts.len())
                            .map(|c| Span {
                                line: *r as usize + 1,
                                column: c + 1,
                            })
                            .collect(),
                        cells: texts,
                    }
                })
                .collect(),
            line_ending: "\n",
        };
        let to_wb = |p: Problem| {
            let cell = p
                .span
                .map(|s| cell_name(s.line as u32 - 1, s.column.saturating_sub(1) as u32));
            WorkbookProblem::new(
                file,
                Some(&sheet.name),
                cell,
                Issue::Training(p.message, p.hint),
            )
        };
        let header_problems = csvledger::check_header(&csv);
        if !header_problems.is_empty() {
            problems.extend(header_problems.into_iter().map(to_wb));
            return;
        }
        let index = csvledger::PeopleIndex::new(
            raw.people.iter().map(|p| (p.id.as_str(), p.name.as_str())),
        );
        let (records, found) = csvledger::records(&csv, &index);
        problems.extend(found.into_iter().map(to_wb));
        if !records.is_empty() {
            let training = raw.training.get_or_insert_with(RawTraining::default);
            for r in records {
                self.origins.push((
                    format!("training.records[{}]", training.records.len()),
                    format!("{file}!{}!A{}", sheet.name, r.line),
                ));
                training.records.push(r.record);
            }
        }
    }
}

/// The scenario at `path` as written, with the lists of its `sources:`
/// joined in: what `export` writes and `import lrmx` matches against.
/// The scenario must load (it is validated first).
pub fn load_joined(
    path: &Path,
) -> Result<(crate::scenario::Scenario, RawScenario), crate::LoadError> {
    let scenario = crate::scenario::load(path)?;
    let file = path.display().to_string();
    let bytes = crate::fsio::read(path).map_err(|source| crate::LoadError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let text = crate::scenario::utf8_text(bytes, &file)?;
    let invalid = |problems| crate::LoadError::Invalid {
        file: file.clone(),
        problems,
    };
    let mut raw = crate::scenario::parse_raw(&text).map_err(|p| invalid(vec![p]))?;
    let base = path.parent().unwrap_or(Path::new(""));
    join(&mut raw, base, &Overlay::default()).map_err(invalid)?;
    Ok((scenario, raw))
}
