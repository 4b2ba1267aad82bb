//! `xuncha import lrmx` (issue 11): a folder of invented appointment forms
//! (several encodings and résumé styles, planted problems) imports into a
//! workbook whose conflicts match what the forms say and whose 待核对 sheet
//! lists exactly the planted problems; ids do not depend on file order.

use std::collections::BTreeSet;
use std::path::Path;

use calamine::{Reader, Xlsx};

use crate::util;

// -------------------------------------------------------------- generator

#[derive(Clone, Copy)]
enum Enc {
    Utf8,
    Utf8Bom,
    Gbk,
}

/// An invented form: name, 身份证号, 出生年月, 现任职务, 简历 lines, family
/// (称谓, 姓名, 工作单位及职务).
fn form(
    name: &str,
    idn: &str,
    birth: &str,
    post: &str,
    resume: &[&str],
    family: &[(&str, &str, &str)],
    enc: Enc,
) -> Vec<u8> {
    let decl = match enc {
        Enc::Gbk => "GB2312",
        _ => "UTF-8",
    };
    let mut x = format!(
        "<?xml version=\"1.0\" encoding=\"{decl}\"?>\r\n<Person>\r\n  <XingMing>{name}</XingMing>\r\n  <XingBie>男</XingBie>\r\n  <ChuShengNianYue>{birth}</ChuShengNianYue>\r\n  <ShenFenZheng>{idn}</ShenFenZheng>\r\n  <ZhaoPian>iVBORw0KGgo=</ZhaoPian>\r\n  <XianRenZhiWu>{post}</XianRenZhiWu>\r\n  <ShuXiZhuanYeYouHeZhuanChang>财务管理，审计</ShuXiZhuanYeYouHeZhuanChang>\r\n  <JianLi>{}</JianLi>\r\n  <JiaTingChengYuan>\r\n",
        resume.join("\r\n")
    );
    for (title, who, work) in family {
        x.push_str(&format!(
            "    <Item><ChengWei>{title}</ChengWei><XingMing>{who}</XingMing><ChuShengRiQi>1960.01</ChuShengRiQi><ZhengZhiMianMao>群众</ZhengZhiMianMao><GongZuoDanWeiJiZhiWu>{work}</GongZuoDanWeiJiZhiWu></Item>\r\n"
        ));
    }
    x.push_str(
        "  </JiaTingChengYuan>\r\n  <TianBiaoShiJian>20260301</TianBiaoShiJian>\r\n</Person>\r\n",
    );
    match enc {
        Enc::Utf8 => x.into_bytes(),
        Enc::Utf8Bom => {
            let mut b = b"\xef\xbb\xbf".to_vec();
            b.extend_from_slice(x.as_bytes());
            b
        }
        Enc::Gbk => encoding_rs::GBK.encode(&x).0.into_owned(),
    }
}

const SCENARIO: &str = "version: 1
name: 白石县 (invented)
skills: [finance, audit]
units:
  - id: T01
    name: 青山镇
    kind: township
    villages:
      - {id: T01-V01, name: 东坪村}
      - {id: T01-V02, name: 西坪村}
  - id: T02
    name: 双溪乡
    kind: township
    villages:
      - {id: T02-V01, name: 东坪村}
  - {id: D01, name: 县财政局, kind: department}
  - {id: D02, name: 县审计局, kind: department}
  - {id: D03, name: 县自然资源局, kind: department}
  - {id: D04, name: 县委, kind: department}
  - {id: D05, name: 县委组织部, kind: department}
people:
  - {id: P001, name: 张伟, pool: true, skills: [finance]}
aliases:
  D01: [财政局]
round:
  id: 2027-R1
  start: 2027-03-01
  end: 2027-04-30
  groups: 1
  group_size: {min: 1, max: 6}
  units: [T01, D01]
";

/// The forms, with what each plants.
fn write_forms(dir: &Path) {
    let forms = [
        (
            "林一.lrmx",
            form(
                "林一",
                "110101198003070011",
                "198003",
                "县财政局党组成员、副局长",
                &[
                    "2001.07--2005.09 县审计局科员",
                    "2005.09-2015.06 双溪乡党委副书记",
                    "    （其间：2008.09--2010.07 在县委党校学习）",
                    "2015.06--  县财政局副局长",
                ],
                &[
                    ("妻子", "周一", "县自然资源局干部"),
                    ("父亲", "林父", "已退休"),
                    ("儿子", "林子", "学生"),
                ],
                Enc::Utf8,
            ),
        ),
        (
            "王二.lrmx",
            form(
                "王二",
                "",
                "1978.11",
                "",
                &[
                    "2001年7月—2010年9月 县委组织部干事",
                    "2010年9月—  青山镇东坪村党支部书记",
                ],
                &[
                    ("丈夫", "赵二", "东坪村村委会主任"), // planted: two 东坪村
                    ("母亲", "王母", "务农"),
                ],
                Enc::Gbk,
            ),
        ),
        (
            "陈三.lrmx",
            form(
                "陈三",
                "110101197505050022",
                "197505",
                "县审计局局长",
                &[], // planted: empty 简历
                &[
                    ("姐姐", "陈姐", "县林业局干部"), // planted: no such unit
                    ("表哥", "陈表", "县财政局"),     // planted: unknown 称谓
                ],
                Enc::Utf8Bom,
            ),
        ),
        (
            "张伟.lrmx",
            form(
                "张伟", // planted: P001 has this name
                "110101198201010033",
                "198201",
                "财政局副局长",
                &[
                    "1998.09--2002.07 省农业大学学习", // planted: no unit
                    "2012.01--2010.05 县审计局科员",   // planted: reversed
                    "2010.05--2020.01 县审计局副局长",
                ],
                &[],
                Enc::Utf8,
            ),
        ),
        ("坏文件.lrmx", b"<Person><XingMing>x</XingMing>".to_vec()), // planted: broken XML
    ];
    for (name, bytes) in forms {
        std::fs::write(dir.join(name), bytes).unwrap();
    }
    std::fs::write(dir.join("说明.txt"), "not a form").unwrap();
}

fn sheet(path: &Path, name: &str) -> Vec<Vec<String>> {
    let mut x: Xlsx<_> = calamine::open_workbook(path).unwrap();
    let range = x.worksheet_range(name).unwrap();
    range.rows().map(|r| r.iter().map(text).collect()).collect()
}

/// A cell as text; a date cell as YYYY-MM-DD.
fn text(c: &calamine::Data) -> String {
    match c {
        calamine::Data::DateTime(d) => {
            let (y, m, day, ..) = d.to_ymd_hms_milli();
            format!("{y:04}-{m:02}-{day:02}")
        }
        other => other.to_string(),
    }
}

fn setup() -> (tempfile::TempDir, std::path::PathBuf, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let forms = dir.path().join("forms");
    std::fs::create_dir(&forms).unwrap();
    write_forms(&forms);
    let scenario = dir.path().join("s.yaml");
    std::fs::write(&scenario, SCENARIO).unwrap();
    (dir, forms, scenario)
}

fn import(scenario: &Path, args: &[&Path], out: &Path) -> String {
    let mut a = vec!["import", "lrmx", scenario.to_str().unwrap()];
    a.extend(args.iter().map(|p| p.to_str().unwrap()));
    a.extend(["-o", out.to_str().unwrap()]);
    let o = util::xuncha(&a);
    assert!(o.status.success(), "{}", util::stderr(&o));
    util::stderr(&o)
}

// ------------------------------------------------------------------ tests

#[test]
fn the_review_sheet_lists_exactly_the_planted_problems() {
    let (dir, forms, scenario) = setup();
    let out = dir.path().join("导入.xlsx");
    let summary = import(&scenario, &[&forms], &out);
    assert!(
        summary.contains("4 forms") && summary.contains("8 items"),
        "{summary}"
    );
    let rows = sheet(&out, "待核对");
    assert_eq!(rows[0], ["文件", "行", "姓名", "原文", "问题", "候选"]);
    let got: BTreeSet<(String, String, String)> = rows[1..]
        .iter()
        .map(|r| {
            let file = Path::new(&r[0])
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned();
            (file, r[2].clone(), r[3].clone())
        })
        .collect();
    let want: BTreeSet<(String, String, String)> = [
        ("王二.lrmx", "赵二", "东坪村村委会主任"),
        ("陈三.lrmx", "陈三", ""),
        ("陈三.lrmx", "陈姐", "县林业局干部"),
        ("陈三.lrmx", "陈表", "表哥"),
        ("张伟.lrmx", "张伟", "张伟"),
        ("张伟.lrmx", "张伟", "1998.09--2002.07 省农业大学学习"),
        ("张伟.lrmx", "张伟", "2012.01--2010.05 县审计局科员"),
        ("坏文件.lrmx", "", ""),
    ]
    .iter()
    .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
    .collect();
    assert_eq!(got, want);
    // Each names its line; the ambiguous one its candidates; the broken
    // file its position.
    let row = |text: &str| rows.iter().find(|r| r[3] == text).unwrap().clone();
    assert_eq!(row("2012.01--2010.05 县审计局科员")[1], "11");
    let ambiguous = row("东坪村村委会主任");
    assert!(
        ambiguous[5].contains("T01-V01") && ambiguous[5].contains("T02-V01"),
        "{ambiguous:?}"
    );
    assert!(
        row("县林业局干部")[5].contains("县"),
        "closest to 县林业局: {:?}",
        row("县林业局干部")
    );
    let broken = rows.iter().find(|r| r[0].ends_with("坏文件.lrmx")).unwrap();
    assert!(
        broken[4].contains("XML") && !broken[1].is_empty(),
        "{broken:?}"
    );
    let same = row("张伟");
    assert!(same[5].contains("P001"), "{same:?}");
}

#[test]
fn imported_forms_give_the_conflicts_the_forms_say() {
    let (dir, forms, scenario) = setup();
    let out = dir.path().join("导入.xlsx");
    import(&scenario, &[&forms], &out);
    let people = sheet(&out, "人员");
    let id_of = |name: &str| people.iter().find(|r| r[1] == name).unwrap()[0].clone();
    let unit_of = |name: &str| people.iter().find(|r| r[1] == name).unwrap()[3].clone();
    // Current units: 现任职务, else the open résumé line; alias 财政局.
    assert_eq!(unit_of("林一"), "D01");
    assert_eq!(unit_of("王二"), "T01-V01");
    assert_eq!(unit_of("陈三"), "D02");
    assert_eq!(unit_of("张伟"), "D01");
    assert_eq!(unit_of("周一"), "D03");
    assert_eq!(unit_of("林父"), "");
    assert_eq!(unit_of("赵二"), "");
    let postings = sheet(&out, "任职经历");
    let of = |name: &str| -> Vec<(String, String, String)> {
        postings
            .iter()
            .filter(|r| r[1] == name)
            .map(|r| (r[2].clone(), r[3].clone(), r[4].clone()))
            .collect()
    };
    assert_eq!(
        of("林一"),
        [
            ("D02".into(), "2001-07-01".into(), "2005-09-30".into()),
            ("T02".into(), "2005-09-01".into(), "2015-06-30".into()),
            ("D01".into(), "2015-06-01".into(), String::new()),
        ]
    );
    // 县委组织部, not 县委.
    assert_eq!(of("王二")[0].0, "D05");
    let relations = sheet(&out, "社会关系");
    let kinds: BTreeSet<(String, String)> = relations[1..]
        .iter()
        .map(|r| (r[4].clone(), r[2].clone()))
        .collect();
    for k in [
        ("周一", "配偶"),
        ("林父", "父母"),
        ("林子", "子女"),
        ("陈姐", "兄弟姐妹"),
        ("赵二", "配偶"),
    ] {
        assert!(
            kinds.contains(&(k.0.to_string(), k.1.to_string())),
            "{k:?} in {kinds:?}"
        );
    }

    // The workbook as a source: conflicts follow the forms.
    let text = SCENARIO.replace("aliases:", "sources: [导入.xlsx]\naliases:");
    let with = dir.path().join("with.yaml");
    std::fs::write(&with, text).unwrap();
    let o = util::xuncha(&[
        "conflicts",
        with.to_str().unwrap(),
        "--all-units",
        "--format",
        "json",
    ]);
    assert!(o.status.success(), "{}", util::stderr(&o));
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let found: BTreeSet<(String, String, String)> = json["conflicts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["person"].as_str().unwrap().to_string(),
                c["unit"].as_str().unwrap().to_string(),
                c["rule"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let has = |name: &str, unit: &str, rule: &str| {
        found.contains(&(id_of(name), unit.to_string(), rule.to_string()))
    };
    assert!(has("林一", "D01", "R1"), "{found:?}");
    assert!(
        has("林一", "D03", "R4"),
        "spouse at 县自然资源局: {found:?}"
    );
    assert!(has("王二", "T01", "R1"), "{found:?}");
    assert!(has("陈三", "D02", "R1"), "{found:?}");
    assert!(has("张伟", "D01", "R1"), "{found:?}");
    assert!(
        !found
            .iter()
            .any(|(p, u, _)| *p == id_of("林一") && u == "T02"),
        "a posting that ended in 2015 is no conflict: {found:?}"
    );
}

#[test]
fn reimporting_gives_the_same_ids_whatever_the_file_order() {
    let (dir, forms, scenario) = setup();
    let (a, b) = (dir.path().join("a.xlsx"), dir.path().join("b.xlsx"));
    import(&scenario, &[&forms], &a);
    let mut files: Vec<_> = std::fs::read_dir(&forms)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "lrmx"))
        .collect();
    files.sort();
    files.reverse();
    let refs: Vec<&Path> = files.iter().map(|p| p.as_path()).collect();
    import(&scenario, &refs, &b);
    assert_eq!(std::fs::read(&a).unwrap(), std::fs::read(&b).unwrap());
}

#[test]
fn import_needs_an_output_file_and_changes_nothing_it_reads() {
    let (dir, forms, scenario) = setup();
    let before = std::fs::read(&scenario).unwrap();
    let o = util::xuncha(&[
        "import",
        "lrmx",
        scenario.to_str().unwrap(),
        forms.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2), "{}", util::stderr(&o));
    let out = dir.path().join("x.xlsx");
    std::fs::write(&out, b"keep").unwrap();
    let o = util::xuncha(&[
        "import",
        "lrmx",
        scenario.to_str().unwrap(),
        forms.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", util::stderr(&o));
    assert_eq!(std::fs::read(&out).unwrap(), b"keep");
    assert_eq!(std::fs::read(&scenario).unwrap(), before);
}

#[test]
fn native_place_or_birthplace_that_names_a_place_of_the_scenario_becomes_the_hometown() {
    let dir = tempfile::tempdir().unwrap();
    let forms = dir.path().join("forms");
    std::fs::create_dir(&forms).unwrap();
    let with_places = |name: &str, idn: &str, jiguan: &str, chushengdi: &str| {
        let x = String::from_utf8(form(
            name,
            idn,
            "198001",
            "县审计局科员",
            &["2005.09-- 县审计局科员"],
            &[],
            Enc::Utf8,
        ))
        .unwrap();
        x.replace(
            "<XingBie>",
            &format!("<JiGuan>{jiguan}</JiGuan><ChuShengDi>{chushengdi}</ChuShengDi><XingBie>"),
        )
    };
    for (file, text) in [
        (
            "甲.lrmx",
            with_places("孙甲", "110101198001010011", "青山镇东坪村", ""),
        ),
        (
            "乙.lrmx",
            with_places("孙乙", "110101198001010022", "湖南长沙", "双溪乡"),
        ),
        (
            "丙.lrmx",
            with_places("孙丙", "110101198001010033", "东坪村", ""),
        ),
        (
            "丁.lrmx",
            with_places("孙丁", "110101198001010044", "湖南长沙", "湖南长沙"),
        ),
    ] {
        std::fs::write(forms.join(file), text).unwrap();
    }
    let scenario = dir.path().join("s.yaml");
    std::fs::write(&scenario, SCENARIO).unwrap();
    let out = dir.path().join("导入.xlsx");
    import(&scenario, &[&forms], &out);
    let people = sheet(&out, "人员");
    assert_eq!(people[0][4], "籍贯");
    let home = |name: &str| people.iter().find(|r| r[1] == name).unwrap()[4].clone();
    assert_eq!(home("孙甲"), "T01-V01"); // the village of the township named
    assert_eq!(home("孙乙"), "T02"); // 出生地 when 籍贯 is outside the county
    assert_eq!(home("孙丙"), ""); // two 东坪村: for review, not a guess
    assert_eq!(home("孙丁"), ""); // outside the county: nothing to review
    let review = sheet(&out, "待核对");
    let texts: Vec<&str> = review[1..].iter().map(|r| r[3].as_str()).collect();
    assert_eq!(texts, ["东坪村"], "{review:?}");
}
