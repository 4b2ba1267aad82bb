//! Workbooks xuncha writes: `template` (empty sheets with an example row
//! and drop-down lists), `export` (a scenario's lists) and `import lrmx`.
//!
//! Every text cell goes through [`neutralise`], so a name that starts like
//! a formula stays text and reads back unchanged. The same input gives the
//! same bytes (fixed document dates; the zip has no timestamps).

use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{
    DataValidation, DataValidationErrorStyle, DocProperties, ExcelDateTime, Format, Workbook,
    XlsxError,
};
use unicode_width::UnicodeWidthStr;

use super::layout::{self, Column};
use crate::report::cell::neutralise;
use crate::scenario::raw::{RawScenario, RawUnitKind};
use crate::scenario::UnitKind;
use crate::vocab;

/// A value to write.
#[derive(Debug, Clone, PartialEq)]
pub enum Out {
    Empty,
    Text(String),
    Int(i64),
    Num(f64),
    Date(NaiveDate),
}

impl Out {
    fn text(s: impl Into<String>) -> Out {
        let s = s.into();
        if s.is_empty() {
            Out::Empty
        } else {
            Out::Text(s)
        }
    }
    fn yes_no(b: bool) -> Out {
        Out::Text(if b { "是" } else { "否" }.into())
    }
    fn opt_date(d: Option<NaiveDate>) -> Out {
        d.map_or(Out::Empty, Out::Date)
    }
    fn width(&self) -> usize {
        match self {
            Out::Empty => 0,
            Out::Text(s) => s.width(),
            Out::Int(i) => i.to_string().len(),
            Out::Num(n) => n.to_string().len(),
            Out::Date(_) => 10,
        }
    }
}

/// What a column's cells may hold, offered as a drop-down list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choices {
    YesNo,
    UnitKind,
    Skills,
    Tags,
    RelationKinds,
    Categories,
    Grades,
    JoinLeave,
}

impl Choices {
    fn words(self) -> Vec<&'static str> {
        match self {
            Choices::YesNo => vec!["是", "否"],
            Choices::UnitKind => vec![
                vocab::unit_kind_label(UnitKind::Township),
                vocab::unit_kind_label(UnitKind::Department),
            ],
            Choices::Skills => vocab::skill_labels().collect(),
            Choices::Tags => vec![
                vocab::tag_label(crate::scenario::VillageTag::Poverty),
                vocab::tag_label(crate::scenario::VillageTag::WeakOrg),
                vocab::tag_label(crate::scenario::VillageTag::Hotspot),
            ],
            Choices::RelationKinds => vocab::relation_labels().collect(),
            Choices::Categories => crate::pool::Category::ALL
                .map(vocab::category_label)
                .to_vec(),
            Choices::Grades => crate::pool::Grade::ALL.map(vocab::grade_label).to_vec(),
            Choices::JoinLeave => vec![
                vocab::join_leave_label(true),
                vocab::join_leave_label(false),
            ],
        }
    }
    /// A cell may hold several (专业特长: 财务、审计): the list only advises.
    fn several(self) -> bool {
        matches!(self, Choices::Skills | Choices::Tags)
    }
}

/// One sheet to write.
#[derive(Debug, Clone)]
pub struct SheetOut {
    pub name: String,
    pub headers: Vec<String>,
    pub choices: Vec<Option<Choices>>,
    pub rows: Vec<Vec<Out>>,
}

impl SheetOut {
    fn of(name: &str, columns: &[Column]) -> SheetOut {
        SheetOut {
            name: name.to_string(),
            headers: columns.iter().map(|c| c.header.to_string()).collect(),
            choices: columns.iter().map(|c| choices_of(name, c.header)).collect(),
            rows: Vec::new(),
        }
    }
    pub fn plain(name: &str, headers: &[&str]) -> SheetOut {
        SheetOut {
            name: name.to_string(),
            headers: headers.iter().map(|h| h.to_string()).collect(),
            choices: vec![None; headers.len()],
            rows: Vec::new(),
        }
    }
}

fn choices_of(sheet: &str, header: &str) -> Option<Choices> {
    match (sheet, header) {
        (layout::UNITS, "类型") => Some(Choices::UnitKind),
        (layout::UNITS, "必备专业") | (layout::PEOPLE, "专业特长") => Some(Choices::Skills),
        (layout::VILLAGES, "标签") => Some(Choices::Tags),
        (layout::PEOPLE, "入库" | "可任组长" | "退职未退休" | "后备干部") => {
            Some(Choices::YesNo)
        }
        (layout::PEOPLE, "人员类别") => Some(Choices::Categories),
        (layout::APPRAISALS, "等次") => Some(Choices::Grades),
        (layout::POOL_CHANGES, "变动") => Some(Choices::JoinLeave),
        (layout::TRAINING, "是否通过") => Some(Choices::YesNo),
        (layout::RELATIONS, "关系") => Some(Choices::RelationKinds),
        _ => None,
    }
}

/// The empty sheets of the layout, headers only.
fn empty_sheets() -> Vec<SheetOut> {
    let mut sheets: Vec<SheetOut> = layout::SHEET_NAMES[..6]
        .iter()
        .map(|s| SheetOut::of(s, layout::columns(s)))
        .collect();
    let mut training = SheetOut::plain(layout::TRAINING, layout::TRAINING_HEADERS);
    training.choices = layout::TRAINING_HEADERS
        .iter()
        .map(|h| choices_of(layout::TRAINING, h))
        .collect();
    sheets.push(training);
    sheets.push(SheetOut::of(layout::APPRAISALS, layout::APPRAISAL_COLUMNS));
    sheets.push(SheetOut::of(
        layout::POOL_CHANGES,
        layout::POOL_CHANGE_COLUMNS,
    ));
    sheets
}

fn set(sheet: &mut SheetOut, row: Vec<(&str, Out)>) {
    let mut cells = vec![Out::Empty; sheet.headers.len()];
    for (h, v) in row {
        if let Some(i) = sheet.headers.iter().position(|x| x == h) {
            cells[i] = v;
        }
    }
    sheet.rows.push(cells);
}

fn t(s: impl Into<String>) -> Out {
    Out::text(s)
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("a real date")
}

/// `xuncha template`: every sheet with its headers and one row of
/// (invented) example values that load together.
pub fn template() -> Vec<SheetOut> {
    let mut s = empty_sheets();
    set(
        &mut s[0],
        vec![
            ("编号", t("T01")),
            ("名称", t("青山镇")),
            ("类型", t("乡镇")),
            ("权重", Out::Int(2)),
            ("必备专业", t("农业农村")),
            ("别名", t("青山镇党委、青山镇人民政府")),
        ],
    );
    set(
        &mut s[0],
        vec![
            ("编号", t("D01")),
            ("名称", t("县财政局")),
            ("类型", t("县级部门")),
            ("权重", Out::Int(1)),
            ("必备专业", t("财务")),
            ("别名", t("财政局")),
        ],
    );
    set(
        &mut s[1],
        vec![
            ("编号", t("T01-V01")),
            ("名称", t("东坪村")),
            ("所属乡镇", t("T01")),
            ("标签", t("贫困户村")),
            ("信访件数", Out::Int(3)),
        ],
    );
    set(
        &mut s[2],
        vec![
            ("编号", t("P001")),
            ("姓名", t("张示例")),
            ("入库", t("是")),
            ("工作单位", t("D01")),
            ("籍贯", t("T01-V01")),
            ("专业特长", t("财务、审计")),
            ("可任组长", t("否")),
            ("退职未退休", t("否")),
            ("入库日期", Out::Date(d(2025, 1, 1))),
            ("人员类别", t("兼职")),
            ("后备干部", t("否")),
        ],
    );
    set(
        &mut s[2],
        vec![
            ("编号", t("P002")),
            ("姓名", t("李示例")),
            ("入库", t("否")),
            ("工作单位", t("T01")),
        ],
    );
    set(
        &mut s[3],
        vec![
            ("编号", t("P001")),
            ("姓名", t("张示例")),
            ("单位", t("T01")),
            ("起", Out::Date(d(2015, 1, 1))),
            ("止", Out::Date(d(2019, 6, 30))),
        ],
    );
    set(
        &mut s[4],
        vec![
            ("编号", t("P001")),
            ("姓名", t("张示例")),
            ("起", Out::Date(d(2027, 3, 10))),
            ("止", Out::Date(d(2027, 3, 20))),
            ("原因", t("病假")),
        ],
    );
    set(
        &mut s[5],
        vec![
            ("编号甲", t("P001")),
            ("编号乙", t("P002")),
            ("关系", t("配偶")),
            ("姓名甲", t("张示例")),
            ("姓名乙", t("李示例")),
        ],
    );
    set(
        &mut s[6],
        vec![
            ("编号", t("P001")),
            ("姓名", t("张示例")),
            ("课程", t("2026年度巡察业务专训")),
            ("日期", Out::Date(d(2026, 4, 10))),
            ("学时", Out::Int(40)),
            ("类型", t("全脱产专训")),
            ("结果", t("合格")),
        ],
    );
    s
}

fn skill_text(codes: &[String], declared: &[String]) -> String {
    codes
        .iter()
        .map(|c| label_or_code(c, declared, vocab::skill_label(c), vocab::skill))
        .collect::<Vec<_>>()
        .join("、")
}

/// The office's word for a code, unless reading that word back would give
/// another code than this one (a scenario that declares the word itself).
fn label_or_code(
    code: &str,
    declared: &[String],
    label: Option<&'static str>,
    read: fn(&str) -> Option<&'static str>,
) -> String {
    match label {
        Some(l) if read(l) == Some(code) && !declared.iter().any(|d| d == l) => l.to_string(),
        _ => code.to_string(),
    }
}

/// `xuncha export`: the scenario's units, villages, people (with their
/// postings and unavailable ranges), relations and training records in
/// the layout, in the scenario's order.
pub fn export(raw: &RawScenario) -> Vec<SheetOut> {
    let mut s = empty_sheets();
    for u in &raw.units {
        let kind = match u.kind {
            RawUnitKind::Township => UnitKind::Township,
            RawUnitKind::Department => UnitKind::Department,
        };
        let aliases = raw
            .aliases
            .get(&u.id)
            .map(|a| a.join("、"))
            .unwrap_or_default();
        set(
            &mut s[0],
            vec![
                ("编号", t(&u.id)),
                ("名称", t(&u.name)),
                ("类型", t(vocab::unit_kind_label(kind))),
                ("权重", u.weight.map_or(Out::Empty, Out::Int)),
                ("必备专业", t(skill_text(&u.requires, &raw.skills))),
                ("别名", t(aliases)),
            ],
        );
        for v in &u.villages {
            set(
                &mut s[1],
                vec![
                    ("编号", t(&v.id)),
                    ("名称", t(&v.name)),
                    ("所属乡镇", t(&u.id)),
                    (
                        "标签",
                        t(v.tags
                            .iter()
                            .map(|g| vocab::tag_label(*g))
                            .collect::<Vec<_>>()
                            .join("、")),
                    ),
                    ("信访件数", v.complaints.map_or(Out::Empty, Out::Int)),
                ],
            );
        }
    }
    for p in &raw.people {
        set(
            &mut s[2],
            vec![
                ("编号", t(&p.id)),
                ("姓名", t(&p.name)),
                ("入库", Out::yes_no(p.pool)),
                ("工作单位", t(p.unit.clone().unwrap_or_default())),
                ("籍贯", t(p.hometown.clone().unwrap_or_default())),
                ("专业特长", t(skill_text(&p.skills, &raw.skills))),
                ("可任组长", Out::yes_no(p.leader)),
                ("退职未退休", Out::yes_no(p.retired)),
                ("入库日期", Out::opt_date(p.pool_since)),
                ("出库日期", Out::opt_date(p.pool_until)),
                (
                    "人员类别",
                    t(p.category
                        .map(|c| vocab::category_label(c.into()))
                        .unwrap_or_default()),
                ),
                ("后备干部", Out::yes_no(p.reserve)),
            ],
        );
        for g in &p.postings {
            set(
                &mut s[3],
                vec![
                    ("编号", t(&p.id)),
                    ("姓名", t(&p.name)),
                    ("单位", t(&g.unit)),
                    ("起", Out::Date(g.from)),
                    ("止", Out::opt_date(g.to)),
                ],
            );
        }
        for c in &p.pool_changes {
            set(
                &mut s[8],
                vec![
                    ("编号", t(&p.id)),
                    ("姓名", t(&p.name)),
                    ("日期", Out::Date(c.date)),
                    ("变动", t(vocab::join_leave_label(c.pool))),
                    ("原因", t(c.reason.clone().unwrap_or_default())),
                ],
            );
        }
        for r in &p.unavailable {
            set(
                &mut s[4],
                vec![
                    ("编号", t(&p.id)),
                    ("姓名", t(&p.name)),
                    ("起", Out::Date(r.from)),
                    ("止", Out::Date(r.to)),
                    ("原因", t(r.reason.clone().unwrap_or_default())),
                ],
            );
        }
    }
    let names: std::collections::HashMap<&str, &str> = raw
        .people
        .iter()
        .map(|p| (p.id.as_str(), p.name.as_str()))
        .collect();
    for r in &raw.relations {
        set(
            &mut s[5],
            vec![
                ("编号甲", t(&r.a)),
                ("编号乙", t(&r.b)),
                (
                    "关系",
                    t(label_or_code(
                        &r.kind,
                        &[],
                        vocab::relation_label(&r.kind),
                        vocab::relation,
                    )),
                ),
                ("姓名甲", t(names.get(r.a.as_str()).copied().unwrap_or(""))),
                ("姓名乙", t(names.get(r.b.as_str()).copied().unwrap_or(""))),
                ("日期", Out::opt_date(r.date)),
                ("备注", t(r.note.clone().unwrap_or_default())),
            ],
        );
    }
    if let Some(training) = &raw.training {
        for r in &training.records {
            set(
                &mut s[6],
                vec![
                    ("编号", t(&r.person)),
                    (
                        "姓名",
                        t(names.get(r.person.as_str()).copied().unwrap_or("")),
                    ),
                    ("课程", t(&r.course)),
                    ("日期", Out::Date(r.date)),
                    ("学时", Out::Num(r.hours)),
                    (
                        "类型",
                        t(r.kind
                            .map(crate::training::kind_label_zh)
                            .unwrap_or_default()),
                    ),
                    ("结果", t(r.result.clone().unwrap_or_default())),
                    ("是否通过", r.passed.map_or(Out::Empty, Out::yes_no)),
                ],
            );
        }
    }
    for a in &raw.appraisals {
        set(
            &mut s[7],
            vec![
                ("编号", t(&a.person)),
                (
                    "姓名",
                    t(names.get(a.person.as_str()).copied().unwrap_or("")),
                ),
                ("轮次", t(&a.round)),
                ("等次", t(vocab::grade_label(a.grade.into()))),
                ("备注", t(a.note.clone().unwrap_or_default())),
            ],
        );
    }
    s
}

/// How many rows of a sheet get its drop-down lists.
const VALIDATED_ROWS: u32 = 2000;

/// The workbook's bytes.
pub fn to_xlsx(sheets: &[SheetOut]) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let fixed = ExcelDateTime::from_ymd(2026, 1, 1)?;
    book.set_properties(&DocProperties::new().set_creation_datetime(&fixed));
    let bold = Format::new().set_bold();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    for s in sheets {
        let ws = book.add_worksheet();
        ws.set_name(&s.name)?;
        for (c, h) in s.headers.iter().enumerate() {
            ws.write_string_with_format(0, c as u16, h.as_str(), &bold)?;
        }
        for (r, row) in s.rows.iter().enumerate() {
            let r = r as u32 + 1;
            for (c, v) in row.iter().enumerate() {
                let c = c as u16;
                match v {
                    Out::Empty => {}
                    Out::Text(text) => {
                        ws.write_string(r, c, neutralise(text).as_ref())?;
                    }
                    Out::Int(i) => {
                        ws.write_number(r, c, *i as f64)?;
                    }
                    Out::Num(n) => {
                        ws.write_number(r, c, *n)?;
                    }
                    Out::Date(d) => {
                        let x = ExcelDateTime::from_ymd(
                            d.year() as u16,
                            d.month() as u8,
                            d.day() as u8,
                        )?;
                        ws.write_datetime_with_format(r, c, &x, &date)?;
                    }
                }
            }
        }
        ws.set_freeze_panes(1, 0)?;
        for (c, h) in s.headers.iter().enumerate() {
            let widest = s
                .rows
                .iter()
                .filter_map(|row| row.get(c))
                .map(Out::width)
                .max()
                .unwrap_or(0)
                .max(h.width());
            // Excel's width unit is about one Latin character; a CJK one is two.
            ws.set_column_width(c as u16, (widest as f64 + 2.0).clamp(8.0, 60.0))?;
        }
        let last = (s.rows.len() as u32).max(VALIDATED_ROWS);
        for (c, choice) in s.choices.iter().enumerate() {
            let Some(choice) = choice else { continue };
            let mut dv = DataValidation::new().allow_list_strings(&choice.words())?;
            if choice.several() {
                dv = dv.set_error_style(DataValidationErrorStyle::Information);
            }
            ws.add_data_validation(1, c as u16, last, c as u16, &dv)?;
        }
    }
    book.save_to_buffer()
}
