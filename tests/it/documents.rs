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
