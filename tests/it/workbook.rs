//! Workbook sources (issue 11, FORMAT.md "Workbook sources"): `export` then
//! `sources:` gives the same conflicts and plan as the YAML; `template`
//! filled in by a spreadsheet library loads; bad workbooks get a message
//! naming file!sheet!cell and change nothing.

use std::path::{Path, PathBuf};

use calamine::{Reader, Xlsx};
use rust_xlsxwriter::Workbook;
use xuncha::scenario::raw::RawScenario;

use crate::util;

// ------------------------------------------------------------------ helpers

fn run_ok(args: &[&str]) -> Vec<u8> {
    let o = util::xuncha(args);
    assert!(
        o.status.success(),
        "xuncha {args:?} failed: {}",
        util::stderr(&o)
    );
    o.stdout
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// The bundled qingshan, its lists moved into an exported workbook: the
/// scenario keeps everything else and names the workbook in `sources:`.
fn qingshan_from_workbook(dir: &Path) -> PathBuf {
    let book = dir.join("人员库.xlsx");
    run_ok(&["export", "scenarios/qingshan.yaml", "-o", s(&book)]);
    let text = std::fs::read_to_string(util::file("scenarios/qingshan.yaml")).unwrap();
    let mut raw: RawScenario = serde_yaml::from_str(&text).unwrap();
    raw.units.clear();
    raw.people.clear();
    raw.relations.clear();
    if let Some(t) = raw.training.as_mut() {
        t.records.clear();
    }
    raw.sources = vec!["人员库.xlsx".into()];
    std::fs::copy(
        util::file("scenarios/qingshan-training.csv"),
        dir.join("qingshan-training.csv"),
    )
    .unwrap();
    let yaml = dir.join("qingshan.yaml");
    std::fs::write(&yaml, serde_yaml::to_string(&raw).unwrap()).unwrap();
    yaml
}

/// A workbook of `sheets` (name, rows of text cells) written by a
/// spreadsheet library, as a clerk's Excel would.
fn workbook(path: &Path, sheets: &[(&str, Vec<Vec<&str>>)]) {
    let mut book = Workbook::new();
    for (name, rows) in sheets {
        let ws = book.add_worksheet();
        ws.set_name(*name).unwrap();
        for (r, row) in rows.iter().enumerate() {
            for (c, v) in row.iter().enumerate() {
                if !v.is_empty() {
                    ws.write_string(r as u32, c as u16, *v).unwrap();
                }
            }
        }
    }
    book.save(path).unwrap();
}

fn scenario_with_sources(dir: &Path, extra: &str) -> PathBuf {
    let yaml = dir.join("s.yaml");
    std::fs::write(
        &yaml,
        format!(
            "version: 1\nskills: [finance, audit, agriculture]\nsources: [人员库.xlsx]\n{extra}"
        ),
    )
    .unwrap();
    yaml
}

fn load_err(yaml: &Path) -> String {
    match xuncha::scenario::load(yaml) {
        Ok(_) => panic!("{} loaded", yaml.display()),
        Err(e) => e.to_string(),
    }
}

// -------------------------------------------------------------- round trip

#[test]
fn export_then_sources_gives_the_same_conflicts_and_plan_as_the_yaml() {
    let dir = tempfile::tempdir().unwrap();
    let yaml = qingshan_from_workbook(dir.path());
    for cmd in [
        vec!["conflicts", "--format", "json"],
        vec!["plan", "--format", "json"],
    ] {
        let mut a = cmd.clone();
        a.insert(1, "scenarios/qingshan.yaml");
        let mut b = cmd.clone();
        b.insert(1, s(&yaml));
        let from_yaml = String::from_utf8(run_ok(&a)).unwrap();
        let from_book = String::from_utf8(run_ok(&b)).unwrap();
        // A plan names its scenario file; nothing else may differ.
        let from_book = from_book.replace(s(&yaml), "scenarios/qingshan.yaml");
        assert_eq!(from_yaml, from_book, "{cmd:?} differs");
    }
}

#[test]
fn export_is_byte_identical_for_the_same_scenario() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.xlsx"), dir.path().join("b.xlsx"));
    run_ok(&["export", "scenarios/qingshan.yaml", "-o", s(&a)]);
    run_ok(&["export", "scenarios/qingshan.yaml", "-o", s(&b)]);
    assert_eq!(std::fs::read(&a).unwrap(), std::fs::read(&b).unwrap());
}

#[test]
fn names_that_look_like_formulas_survive_export_and_sources() {
    let dir = tempfile::tempdir().unwrap();
    let original = dir.path().join("o.yaml");
    std::fs::write(
        &original,
        "version: 1
skills: [finance]
units:
  - {id: T1, name: '=青山镇', kind: township, villages: [{id: T1-V1, name: '+东坪村', tags: [poverty]}]}
  - {id: D1, name: '@县财政局', kind: department}
people:
  - {id: P1, name: '-张伟', pool: true, leader: true, skills: [finance], unit: D1}
  - {id: P2, name: \"'王芳\", unit: T1-V1}
relations:
  - {a: P1, b: P2, kind: spouse, note: '=HYPERLINK(\"x\")'}
",
    )
    .unwrap();
    let book = dir.path().join("人员库.xlsx");
    run_ok(&["export", s(&original), "-o", s(&book)]);
    let yaml = scenario_with_sources(dir.path(), "");
    let a = xuncha::scenario::load(&original).unwrap();
    let b = xuncha::scenario::load(&yaml).unwrap();
    let names = |s: &xuncha::Scenario| {
        (
            s.units.iter().map(|u| u.name.clone()).collect::<Vec<_>>(),
            s.villages
                .iter()
                .map(|u| u.name.clone())
                .collect::<Vec<_>>(),
            s.people.iter().map(|p| p.name.clone()).collect::<Vec<_>>(),
        )
    };
    assert_eq!(names(&a), names(&b));
    assert_eq!(
        run_ok(&["conflicts", s(&original), "--format", "json"]),
        run_ok(&["conflicts", s(&yaml), "--format", "json"])
    );
}

// ---------------------------------------------------------------- template

#[test]
fn template_refuses_to_overwrite_and_needs_an_output_file() {
    let dir = tempfile::tempdir().unwrap();
    let t = dir.path().join("t.xlsx");
    let o = util::xuncha(&["template"]);
    assert_eq!(o.status.code(), Some(2), "{}", util::stderr(&o));
    assert!(util::stderr(&o).contains("-o"), "{}", util::stderr(&o));
    run_ok(&["template", "-o", s(&t)]);
    std::fs::write(&t, b"keep me").unwrap();
    let o = util::xuncha(&["template", "-o", s(&t)]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(std::fs::read(&t).unwrap(), b"keep me");
    run_ok(&["template", "-o", s(&t), "--force"]);
    assert_ne!(std::fs::read(&t).unwrap(), b"keep me");
}

#[test]
fn template_with_its_example_rows_loads() {
    let dir = tempfile::tempdir().unwrap();
    run_ok(&["template", "-o", s(&dir.path().join("人员库.xlsx"))]);
    let yaml = scenario_with_sources(dir.path(), "");
    let sc = xuncha::scenario::load(&yaml).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(sc.units.len(), 2);
    assert_eq!(sc.villages.len(), 1);
    assert_eq!(sc.people.len(), 2);
    assert_eq!(sc.relations.len(), 1);
}

#[test]
fn template_filled_in_by_a_spreadsheet_library_loads() {
    let dir = tempfile::tempdir().unwrap();
    let template = dir.path().join("template.xlsx");
    run_ok(&["template", "-o", s(&template)]);
    // Read the template's sheets and headers, then fill them as a clerk
    // would: the template's header order, Chinese words, names for units.
    let mut xlsx: Xlsx<_> = calamine::open_workbook(&template).unwrap();
    let mut headers = Vec::new();
    for name in xlsx.sheet_names() {
        let range = xlsx.worksheet_range(&name).unwrap();
        let row: Vec<String> = range
            .rows()
            .next()
            .unwrap()
            .iter()
            .map(|c| c.to_string())
            .collect();
        headers.push((name, row));
    }
    let rows_for = |sheet: &str| -> Vec<Vec<(&str, &str)>> {
        match sheet {
            "单位" => vec![
                vec![
                    ("编号", "X1"),
                    ("名称", "白沙镇"),
                    ("类型", "乡镇"),
                    ("必备专业", "农业"),
                ],
                vec![
                    ("编号", "X2"),
                    ("名称", "县审计局"),
                    ("类型", "县级部门"),
                    ("权重", "2"),
                ],
            ],
            "村社区" => vec![vec![
                ("编号", "X1-01"),
                ("名称", "石桥村"),
                ("所属乡镇", "白沙镇"),
                ("标签", "软弱涣散、民生热点"),
                ("信访件数", "5"),
            ]],
            "人员" => vec![
                vec![
                    ("编号", "A1"),
                    ("姓名", "赵一"),
                    ("入库", "是"),
                    ("工作单位", "县审计局"),
                    ("专业特长", "审计、财务"),
                    ("可任组长", "是"),
                ],
                vec![
                    ("编号", "A2"),
                    ("姓名", "钱二"),
                    ("入库", "是"),
                    ("工作单位", "X2"),
                    ("籍贯", "石桥村"),
                    ("专业特长", "农业农村"),
                ],
                vec![
                    ("编号", "A3"),
                    ("姓名", "孙三"),
                    ("入库", "否"),
                    ("工作单位", "白沙镇"),
                ],
            ],
            "任职经历" => vec![vec![
                ("编号", "A2"),
                ("单位", "白沙镇"),
                ("起", "2016/3/1"),
                ("止", "2024年6月30日"),
            ]],
            "不可参加" => vec![vec![
                ("编号", "钱二"),
                ("起", "2027-03-01"),
                ("止", "2027-03-05"),
                ("原因", "培训"),
            ]],
            "社会关系" => vec![vec![("编号甲", "A1"), ("编号乙", "孙三"), ("关系", "配偶")]],
            "培训记录" => vec![vec![
                ("编号", "A1"),
                ("姓名", "赵一"),
                ("课程", "巡察业务培训"),
                ("日期", "2026-05-01"),
                ("学时", "16"),
            ]],
            _ => vec![],
        }
    };
    let mut sheets: Vec<(&str, Vec<Vec<&str>>)> = Vec::new();
    for (name, hs) in &headers {
        let mut rows = vec![hs.iter().map(String::as_str).collect::<Vec<_>>()];
        for r in rows_for(name) {
            rows.push(
                hs.iter()
                    .map(|h| r.iter().find(|(k, _)| k == h).map_or("", |(_, v)| *v))
                    .collect(),
            );
        }
        sheets.push((name.as_str(), rows));
    }
    workbook(&dir.path().join("人员库.xlsx"), &sheets);
    let yaml = scenario_with_sources(dir.path(), "");
    let sc = xuncha::scenario::load(&yaml).unwrap_or_else(|e| panic!("{e}"));
    let a2 = sc.person(sc.person_ix("A2").unwrap());
    assert_eq!(sc.person_name(sc.person_ix("A1").unwrap()), "赵一");
    assert_eq!(a2.postings.len(), 1);
    assert_eq!(a2.unavailable.len(), 1);
    assert!(a2.hometown.is_some());
    assert_eq!(sc.relations.len(), 1);
    assert_eq!(sc.villages[0].tags.len(), 2);
    assert_eq!(sc.units[1].weight, 2);
    assert!(sc.person(sc.person_ix("A1").unwrap()).leader);
    assert!(!sc.person(sc.person_ix("A3").unwrap()).pool);
}

// --------------------------------------------------------------- bad input

#[test]
fn a_workbook_without_the_layouts_sheets_is_named() {
    let dir = tempfile::tempdir().unwrap();
    workbook(
        &dir.path().join("人员库.xlsx"),
        &[("Sheet1", vec![vec!["a"]])],
    );
    let e = load_err(&scenario_with_sources(dir.path(), ""));
    assert!(
        e.contains("人员库.xlsx") && e.contains("Sheet1") && e.contains("人员"),
        "{e}"
    );
}

#[test]
fn a_missing_workbook_is_named_with_a_fix() {
    let dir = tempfile::tempdir().unwrap();
    let e = load_err(&scenario_with_sources(dir.path(), ""));
    assert!(
        e.contains("人员库.xlsx") && e.contains("xuncha template"),
        "{e}"
    );
}

#[test]
fn every_problem_of_a_workbook_is_reported_with_its_cell_in_one_run() {
    let dir = tempfile::tempdir().unwrap();
    workbook(
        &dir.path().join("人员库.xlsx"),
        &[
            ("单位", vec![vec!["编号", "名称"], vec!["D1", "县财政局"]]),
            (
                "人员",
                vec![
                    vec!["姓名", "编号", "入库", "工作单位"],
                    vec!["张伟", "P1", "也许", "县财政局"],
                    vec!["王芳", "P2", "是", "县公安局"],
                    vec!["李强", "", "是", ""],
                ],
            ),
            (
                "任职经历",
                vec![
                    vec!["编号", "单位", "起", "止"],
                    vec!["P9", "D1", "2020-13-01", ""],
                ],
            ),
        ],
    );
    let yaml = scenario_with_sources(dir.path(), "");
    let zh = util::stderr(&util::xuncha_zh(&["check", s(&yaml)]));
    for needle in [
        "人员库.xlsx!人员!C2: “入库”填的是“也许”，应为“是”或“否”",
        "人员库.xlsx!人员!D3: “工作单位”填的是“县公安局”：没有这个编号或名称的单位或村（社区）",
        "第一行没有“类型”列",
    ] {
        assert!(zh.contains(needle), "no {needle} in:\n{zh}");
    }
    let e = load_err(&yaml);
    for needle in [
        "人员库.xlsx!单位!A1",     // no 类型 column
        "人员库.xlsx!人员!C2",     // 也许 is not 是/否
        "人员库.xlsx!人员!D3",     // 县公安局 is no unit
        "人员库.xlsx!人员!B4",     // empty id
        "人员库.xlsx!任职经历!A2", // P9 is nobody
        "人员库.xlsx!任职经历!C2", // not a date
        "类型",
        "也许",
        "县公安局",
    ] {
        assert!(e.contains(needle), "no {needle} in:\n{e}");
    }
}

#[test]
fn merged_and_formula_cells_are_refused_with_their_position() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("人员库.xlsx");
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name("人员").unwrap();
    for (c, h) in ["编号", "姓名", "工作单位"].iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    ws.write_string(1, 0, "P1").unwrap();
    ws.write_formula(1, 1, "=\"张\"&\"伟\"").unwrap();
    ws.write_string(2, 0, "P2").unwrap();
    ws.merge_range(1, 2, 2, 2, "D1", &rust_xlsxwriter::Format::new())
        .unwrap();
    book.save(&path).unwrap();
    let before = std::fs::read(&path).unwrap();
    let yaml = scenario_with_sources(dir.path(), "");
    let e = load_err(&yaml);
    assert!(
        e.contains("人员库.xlsx!人员!B2") && e.contains("formula"),
        "{e}"
    );
    assert!(
        e.contains("人员库.xlsx!人员!C2:C3") && e.contains("merged"),
        "{e}"
    );
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "the workbook changed"
    );
}

#[test]
fn a_500000_row_sheet_is_refused_at_the_limit_without_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("人员库.xlsx");
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name("社会关系").unwrap();
    ws.write_string(0, 0, "编号甲").unwrap();
    for r in 1..=500_000u32 {
        ws.write_number(r, 0, r as f64).unwrap();
    }
    book.save(&path).unwrap();
    let yaml = scenario_with_sources(dir.path(), "");
    let before = std::fs::read(&yaml).unwrap();
    let o = util::xuncha(&["check", s(&yaml)]);
    assert_eq!(o.status.code(), Some(1));
    let e = util::stderr(&o);
    assert!(
        e.contains("人员库.xlsx!社会关系!A") && e.contains("200000"),
        "{e}"
    );
    assert_eq!(std::fs::read(&yaml).unwrap(), before);
}

#[test]
fn a_file_that_is_not_a_workbook_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("人员库.xlsx"), b"name,id\n").unwrap();
    let e = load_err(&scenario_with_sources(dir.path(), ""));
    assert!(e.contains("人员库.xlsx") && e.contains(".xlsx"), "{e}");
}

#[test]
fn an_id_defined_in_the_yaml_and_the_workbook_is_a_load_error() {
    let dir = tempfile::tempdir().unwrap();
    workbook(
        &dir.path().join("人员库.xlsx"),
        &[(
            "单位",
            vec![
                vec!["编号", "名称", "类型"],
                vec!["D1", "县财政局", "县级部门"],
            ],
        )],
    );
    let e = load_err(&scenario_with_sources(
        dir.path(),
        "units:\n  - {id: D1, kind: department}\n",
    ));
    assert!(e.contains("D1"), "{e}");
}

#[test]
fn validation_problems_of_workbook_rows_name_the_cell_not_the_yaml() {
    let dir = tempfile::tempdir().unwrap();
    workbook(
        &dir.path().join("人员库.xlsx"),
        &[
            (
                "单位",
                vec![
                    vec!["编号", "名称", "类型"],
                    vec!["D1", "县财政局", "县级部门"],
                    vec!["D1", "县审计局", "县级部门"],
                ],
            ),
            (
                "人员",
                vec![
                    vec!["编号", "姓名", "入库", "专业特长"],
                    vec!["P1", "张伟", "是", "财务"],
                    vec!["P2", "王芳", "是", "杂耍"],
                ],
            ),
            (
                "社会关系",
                vec![vec!["编号甲", "编号乙", "关系"], vec!["P1", "P2", "spouce"]],
            ),
        ],
    );
    let e = load_err(&scenario_with_sources(dir.path(), ""));
    for needle in [
        "人员库.xlsx!单位!A3",     // the second D1
        "人员库.xlsx!人员!D3",     // 杂耍 is no skill
        "人员库.xlsx!社会关系!C2", // spouce is no kind
        "杂耍",
        "spouce",
    ] {
        assert!(e.contains(needle), "no {needle} in:\n{e}");
    }
    assert!(
        !e.lines()
            .any(|l| l.contains("s.yaml:") && !l.ends_with("problems")),
        "a workbook row placed in the YAML:\n{e}"
    );
}

#[test]
fn an_alias_key_that_names_no_unit_is_a_load_error_with_the_nearest() {
    let (_dir, yaml) = util::temp_file(
        "s.yaml",
        "version: 1\nunits:\n  - {id: D1, name: 县财政局, kind: department}\naliases:\n  县财政居: [财政局]\n  D1: [县财政局党组]\n"
            .as_bytes(),
    );
    let e = load_err(&yaml);
    assert!(
        e.contains("alias key \"县财政居\" is no unit or village"),
        "{e}"
    );
    assert!(e.contains("did you mean `县财政局`?"), "{e}");
    assert!(e.contains("s.yaml:5:"), "no line in: {e}");
    assert!(!e.contains("D1"), "a good key blamed: {e}");
}

#[test]
fn pool_over_time_columns_and_appraisals_survive_export_and_sources_and_bad_words_are_named() {
    // docs/pool.md: 出库日期, 人员类别 and 后备干部 are columns of 人员;
    // appraisals are the sheet 考核评价, the 入库/出库 log the sheet 入库出库.
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("人员库.xlsx");
    run_ok(&["export", "tests/data/pool.yaml", "-o", s(&book)]);
    let text = std::fs::read_to_string(util::file("tests/data/pool.yaml")).unwrap();
    let mut raw: RawScenario = serde_yaml::from_str(&text).unwrap();
    raw.units.clear();
    raw.people.clear();
    raw.appraisals.clear();
    raw.sources = vec!["人员库.xlsx".into()];
    let yaml = dir.path().join("pool.yaml");
    std::fs::write(&yaml, serde_yaml::to_string(&raw).unwrap()).unwrap();
    let a = xuncha::scenario::load(&util::file("tests/data/pool.yaml")).unwrap();
    let b = xuncha::scenario::load(&yaml).unwrap();
    let facts = |s: &xuncha::Scenario| -> Vec<String> {
        s.people
            .iter()
            .map(|p| format!("{} {:?} {} {:?}", p.id, p.category, p.reserve, p.pool_until))
            .collect()
    };
    assert_eq!(facts(&a), facts(&b));
    // The whole report agrees: appraisals, the log, who is out of rotation.
    let pool = |f: &str| run_ok(&["pool", "report", f, "--format", "json"]);
    assert_eq!(pool("tests/data/pool.yaml"), pool(s(&yaml)));

    workbook(
        &dir.path().join("人员库.xlsx"),
        &[
            (
                "人员",
                vec![
                    vec!["编号", "姓名", "入库", "人员类别", "后备干部", "出库日期"],
                    vec!["P1", "张伟", "是", "临时", "是", "2027-13-01"],
                ],
            ),
            (
                "考核评价",
                vec![vec!["编号", "轮次", "等次"], vec!["P1", "H1", "很好"]],
            ),
            (
                "入库出库",
                vec![
                    vec!["编号", "日期", "变动", "原因"],
                    vec!["P1", "2026-01-01", "调入", "新选调"],
                ],
            ),
        ],
    );
    let yaml = scenario_with_sources(dir.path(), "");
    let zh = util::stderr(&util::xuncha_zh(&["check", s(&yaml)]));
    for needle in [
        "人员库.xlsx!人员!D2: “人员类别”填的是“临时”，应为专职、兼职或人才库",
        "人员库.xlsx!人员!F2",
        "人员库.xlsx!考核评价!C2: “等次”填的是“很好”，应为优秀、称职、基本称职或不称职",
        "人员库.xlsx!入库出库!C2: “变动”填的是“调入”，应为“入库”或“出库”",
    ] {
        assert!(zh.contains(needle), "no {needle} in:\n{zh}");
    }
}

#[test]
fn an_edit_of_a_person_the_workbook_defines_is_refused_in_words_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    workbook(
        &dir.path().join("人员库.xlsx"),
        &[(
            "人员",
            vec![
                vec!["编号", "姓名", "入库", "专业特长"],
                vec!["P1", "张伟", "是", "财务"],
            ],
        )],
    );
    let yaml = scenario_with_sources(dir.path(), "");
    let before = std::fs::read(&yaml).unwrap();
    let o = util::xuncha_zh(&["pool", "remove", s(&yaml), "P1", "--reason", "调离"]);
    assert_eq!(o.status.code(), Some(1), "{}", util::stderr(&o));
    let err = util::stderr(&o);
    assert!(
        err.contains("张伟（P1） 由数据来源工作簿（`sources`）登记，不在场景文件的人员列表中"),
        "{err}"
    );
    let o = util::xuncha(&[
        "leave",
        s(&yaml),
        "P1",
        "--from",
        "2027-03-01",
        "--to",
        "2027-03-05",
    ]);
    assert!(
        util::stderr(&o).contains("is listed in a `sources` workbook"),
        "{}",
        util::stderr(&o)
    );
    assert_eq!(std::fs::read(&yaml).unwrap(), before);
}
