//! Documents the office files: safe CSV (byte-order mark, formula
//! neutralising) through every writer.

use std::path::Path;

use crate::util;

/// Names a spreadsheet would read as formulas (OWASP CSV injection).
const CRAFTED: [&str; 6] = ["=cmd|' /C calc'!A0", "+1", "-1", "@x", "\tx", "\rx"];

/// tests/data/training/small.yaml with every person's name, both units'
/// names and the scenario's course replaced by a crafted string, in a
/// fresh directory (with its ledger).
fn crafted_scenario() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let src = util::file("tests/data/training");
    let mut yaml = std::fs::read_to_string(src.join("small.yaml")).unwrap();
    let yaml_str = |s: &str| format!("\"{}\"", s.replace('\t', "\\t").replace('\r', "\\r"));
    for (i, name) in ["张伟", "王芳", "李强", "刘洋", "陈静"].iter().enumerate() {
        yaml = yaml.replace(
            &format!("name: {name},"),
            &format!("name: {},", yaml_str(CRAFTED[i % CRAFTED.len()])),
        );
    }
    yaml = yaml
        .replace("name: 县财政局", &format!("name: {}", yaml_str(CRAFTED[5])))
        .replace("name: 县审计局", &format!("name: {}", yaml_str(CRAFTED[3])))
        .replace("course: 2026年度巡察业务专训", "course: \"=HYPERLINK(1)\"");
    std::fs::write(dir.path().join("small.yaml"), yaml).unwrap();
    // The ledger names people as the scenario does, quoted as xuncha
    // writes them.
    let names: std::collections::HashMap<&str, &str> = [
        ("P01", CRAFTED[0]),
        ("P02", CRAFTED[1]),
        ("P03", CRAFTED[2]),
        ("P04", CRAFTED[3]),
        ("P05", CRAFTED[4]),
        ("P06", CRAFTED[2]),
    ]
    .into();
    let old = std::fs::read_to_string(src.join("ledger.csv")).unwrap();
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(old.as_bytes());
    let mut w = csv::Writer::from_writer(Vec::new());
    for (i, rec) in r.records().enumerate() {
        let mut cells: Vec<String> = rec.unwrap().iter().map(str::to_string).collect();
        if i > 0 {
            if let Some(n) = names.get(cells[0].as_str()) {
                cells[1] = xuncha::report::cell::neutralise(n).into_owned();
            }
        }
        w.write_record(&cells).unwrap();
    }
    std::fs::write(dir.path().join("ledger.csv"), w.into_inner().unwrap()).unwrap();
    dir
}

/// Every cell of `text` (CSV): none starts like a formula.
fn assert_cells_safe(what: &str, text: &str) {
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut n = 0;
    for rec in r.records() {
        for cell in rec.unwrap().iter() {
            n += 1;
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "{what}: cell {cell:?} starts like a formula\n{text}"
            );
        }
    }
    assert!(n > 0, "{what}: no cells");
}

fn run(dir: &Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_xuncha"))
        .args(args)
        .current_dir(dir)
        .env("XUNCHA_LANG", "en")
        .output()
        .unwrap()
}

fn csv_of(dir: &Path, args: &[&str]) -> String {
    let o = run(dir, args);
    assert!(
        o.status.success() || o.status.code() == Some(3),
        "{args:?}: {}",
        util::stderr(&o)
    );
    let text = util::stdout(&o);
    text.strip_prefix('\u{feff}')
        .unwrap_or_else(|| panic!("{args:?}: CSV without a byte-order mark"))
        .to_string()
}

#[test]
fn crafted_names_are_neutralised_in_every_csv() {
    let dir = crafted_scenario();
    let d = dir.path();
    let runs: [&[&str]; 4] = [
        &["plan", "small.yaml", "--format", "csv", "--time-limit", "5"],
        &["conflicts", "small.yaml", "--format", "csv", "--all-units"],
        &["training", "report", "small.yaml", "--format", "csv"],
        &[
            "simulate",
            "small.yaml",
            "--format",
            "csv",
            "--round-time-limit",
            "5",
        ],
    ];
    let mut seen = String::new();
    for args in runs {
        let text = csv_of(d, args);
        assert_cells_safe(&args.join(" "), &text);
        seen.push_str(&text);
    }
    // The crafted names are there, quoted, not dropped.
    for c in ["'=cmd|' /C calc'!A0", "'+1", "'-1", "'@x"] {
        assert!(seen.contains(c), "{c:?} missing:\n{seen}");
    }
    assert!(seen.contains("'=HYPERLINK(1)"), "{seen}");
}

#[test]
fn csv_bom_no_drops_the_byte_order_mark() {
    // tiny.yaml is infeasible (exit 3), which still writes the header.
    let o = util::xuncha(&[
        "plan",
        "scenarios/tiny.yaml",
        "--format",
        "csv",
        "--csv-bom",
        "no",
    ]);
    assert_eq!(o.status.code(), Some(3), "{}", util::stderr(&o));
    assert!(
        util::stdout(&o).starts_with("round,"),
        "{}",
        util::stdout(&o)
    );
    let o = util::xuncha(&["plan", "scenarios/tiny.yaml", "--format", "json"]);
    assert!(util::stdout(&o).starts_with('{'), "JSON never gets a BOM");
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("plan.csv");
    let o = util::xuncha(&[
        "plan",
        "scenarios/tiny.yaml",
        "--format",
        "csv",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(3), "{}", util::stderr(&o));
    assert!(std::fs::read(&out)
        .unwrap()
        .starts_with("\u{feff}round,".as_bytes()));
}

#[test]
fn training_ledger_neutralises_what_it_appends_and_reads_it_back() {
    let dir = crafted_scenario();
    let d = dir.path();
    let o = run(
        d,
        &[
            "training",
            "add",
            "small.yaml",
            "--person",
            "P04",
            "--course",
            "=SUM(A1)",
            "--date",
            "2026-11-03",
            "--hours",
            "8",
        ],
    );
    assert!(o.status.success(), "{}", util::stderr(&o));
    let ledger = std::fs::read_to_string(d.join("ledger.csv")).unwrap();
    assert_cells_safe("ledger", &ledger);
    assert!(ledger.contains("'=SUM(A1)"), "{ledger}");
    assert_eq!(
        ledger.matches('\u{feff}').count(),
        ledger.starts_with('\u{feff}') as usize
    );
    // Read back as given: the course is `=SUM(A1)`, not `'=SUM(A1)`.
    let o = run(d, &["training", "report", "small.yaml", "--format", "json"]);
    let json = util::stdout(&o);
    assert!(json.contains("\"=SUM(A1)\""), "{json}");
    assert!(!json.contains("'=SUM(A1)"), "{json}");
}

/// Every sheet of the workbook at `path`: its name and its rows of text
/// (numbers as written by `{}`).
fn workbook(path: &Path) -> Vec<(String, Vec<Vec<String>>)> {
    use calamine::{open_workbook, Data, Reader, Xlsx};
    let mut book: Xlsx<_> = open_workbook(path).unwrap();
    let names = book.sheet_names().to_vec();
    names
        .into_iter()
        .map(|n| {
            let range = book.worksheet_range(&n).unwrap();
            let rows = range
                .rows()
                .map(|r| {
                    r.iter()
                        .map(|c| match c {
                            Data::String(s) => s.clone(),
                            Data::Float(f) => f.to_string(),
                            Data::Int(i) => i.to_string(),
                            Data::Empty => String::new(),
                            other => panic!("unexpected cell {other:?}"),
                        })
                        .collect()
                })
                .collect();
            (n, rows)
        })
        .collect()
}

fn json_of(dir: &Path, args: &[&str]) -> serde_json::Value {
    let o = run(dir, args);
    serde_json::from_slice(&o.stdout)
        .unwrap_or_else(|e| panic!("{args:?}: {e}: {}", util::stderr(&o)))
}

fn xlsx_of(dir: &Path, args: &[&str]) -> Vec<(String, Vec<Vec<String>>)> {
    let mut all: Vec<&str> = args.to_vec();
    all.extend(["--format", "xlsx", "-o", "out.xlsx"]);
    let o = run(dir, &all);
    assert!(o.status.success(), "{all:?}: {}", util::stderr(&o));
    let book = workbook(&dir.join("out.xlsx"));
    std::fs::remove_file(dir.join("out.xlsx")).unwrap();
    for (name, rows) in &book {
        for row in rows {
            for cell in row {
                assert!(
                    !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                    "{all:?} sheet {name}: cell {cell:?} starts like a formula"
                );
            }
        }
    }
    book
}

#[test]
fn workbooks_hold_the_rows_of_the_json_and_neutralise_crafted_names() {
    let dir = crafted_scenario();
    let d = dir.path();

    // plan: one row per seat, as the JSON's groups.
    let plan = ["plan", "small.yaml", "--time-limit", "5"];
    let json = json_of(d, &[&plan[..], &["--format", "json"]].concat());
    let book = xlsx_of(d, &plan);
    assert_eq!(book.len(), 1);
    let rows = &book[0].1;
    assert_eq!(rows[0][0], "round");
    let mut want = Vec::new();
    for (i, g) in json["groups"].as_array().unwrap().iter().enumerate() {
        for m in g["members"].as_array().unwrap() {
            want.push(((i + 1).to_string(), m.as_str().unwrap().to_string()));
        }
    }
    let got: Vec<(String, String)> = rows[1..]
        .iter()
        .map(|r| (r[1].clone(), r[3].clone()))
        .collect();
    assert_eq!(got, want);
    assert!(rows.iter().flatten().any(|c| c == "'=cmd|' /C calc'!A0"));

    // conflicts: one row per conflict.
    let conflicts = ["conflicts", "small.yaml", "--all-units"];
    let json = json_of(d, &[&conflicts[..], &["--format", "json"]].concat());
    let book = xlsx_of(d, &conflicts);
    let want: Vec<(String, String, String)> = json["conflicts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["person"].as_str().unwrap().into(),
                c["unit"].as_str().unwrap().into(),
                c["rule"].as_str().unwrap().into(),
            )
        })
        .collect();
    let got: Vec<(String, String, String)> = book[0].1[1..]
        .iter()
        .map(|r| (r[0].clone(), r[2].clone(), r[4].clone()))
        .collect();
    assert_eq!(got, want);

    // training report: one row per person, hours as numbers.
    let training = ["training", "report", "small.yaml"];
    let json = json_of(d, &[&training[..], &["--format", "json"]].concat());
    let book = xlsx_of(d, &training);
    let want: Vec<(String, String)> = json["people"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["person"].as_str().unwrap().into(), p["hours"].to_string()))
        .collect();
    let got: Vec<(String, String)> = book[0].1[1..]
        .iter()
        .map(|r| (r[0].clone(), r[2].clone()))
        .collect();
    assert_eq!(got, want);

    // simulate: the rounds, then every round's seats.
    let sim = ["simulate", "small.yaml", "--round-time-limit", "5"];
    let json = json_of(d, &[&sim[..], &["--format", "json"]].concat());
    let book = xlsx_of(d, &sim);
    let want: Vec<String> = json["rounds"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["round"].as_str().unwrap().into())
        .collect();
    let got: Vec<String> = book[0].1[1..].iter().map(|r| r[0].clone()).collect();
    assert_eq!(got, want);
    let seats: usize = json["rounds"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|r| r["groups"].as_array().unwrap())
        .map(|g| g["members"].as_array().unwrap().len())
        .sum();
    assert_eq!(book.len(), 2);
    assert_eq!(book[1].1.len() - 1, seats);
}

#[test]
fn workbook_headers_follow_the_language_and_xlsx_needs_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("名单.xlsx");
    let o = util::xuncha_zh(&[
        "conflicts",
        "scenarios/tiny.yaml",
        "--format",
        "xlsx",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", util::stderr(&o));
    let book = workbook(&out);
    assert_eq!(book[0].0, "回避审查");
    assert_eq!(book[0].1[0][0], "人员编号");
    // Same input, same bytes.
    let first = std::fs::read(&out).unwrap();
    let o = util::xuncha_zh(&[
        "conflicts",
        "scenarios/tiny.yaml",
        "--format",
        "xlsx",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success());
    assert_eq!(std::fs::read(&out).unwrap(), first);

    let o = util::xuncha(&["conflicts", "scenarios/tiny.yaml", "--format", "xlsx"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(o.stdout.is_empty());
    assert!(util::stderr(&o).contains("-o"), "{}", util::stderr(&o));
}
