//! Loading guards: what a hand-edited scenario may and may not say, and
//! how the loader answers (issue 12 item 5, issue 13 items 4–6).

use crate::util;

/// A valid scenario with two people in the pool.
const BASE: &str = "\
version: 1
skills: [finance]
units:
  - {id: T1, kind: township}
people:
  - {id: P1, pool: true, leader: true, skills: [finance]}
  - {id: P2, pool: true, skills: [finance]}
  - {id: Q1, unit: T1}
";

fn load(extra: &str) -> Result<xuncha::Scenario, xuncha::LoadError> {
    xuncha::scenario::parse(&format!("{BASE}{extra}"), "t.yaml")
}

#[test]
fn misspelt_relation_kind_is_refused_with_the_nearest_kind() {
    let e = load("relations:\n  - {a: P1, b: Q1, kind: spouce}\n").unwrap_err();
    let text = e.to_string();
    assert!(text.contains("t.yaml:10:"), "{text}");
    assert!(text.contains("spouce"), "{text}");
    assert!(text.contains("did you mean spouse"), "{text}");
}

#[test]
fn chinese_relation_labels_read_as_codes() {
    let s =
        load("relations:\n  - {a: P1, b: Q1, kind: 配偶}\n  - {a: P2, b: Q1, kind: 兄弟姐妹}\n")
            .unwrap();
    let kinds: Vec<&str> = s.relations.iter().map(|r| r.kind.as_str()).collect();
    assert_eq!(kinds, ["spouse", "sibling"]);
}

#[test]
fn kinds_named_by_the_policy_or_other_kinds_are_known() {
    load("recusal:\n  kin: [spouse, godparent]\nrelations:\n  - {a: P1, b: Q1, kind: godparent}\n")
        .unwrap();
    load("recusal:\n  other_kinds: [neighbour]\nrelations:\n  - {a: P1, b: Q1, kind: neighbour}\n")
        .unwrap();
    let e = load("relations:\n  - {a: P1, b: Q1, kind: neighbour}\n").unwrap_err();
    assert!(e.to_string().contains("other_kinds"), "{e}");
}

#[test]
fn bundled_scenarios_still_load() {
    for name in ["tiny", "qingshan", "city"] {
        let path = util::file(&format!("scenarios/{name}.yaml"));
        if let Err(e) = xuncha::scenario::load(&path) {
            panic!("{name}: {e}");
        }
    }
}

// ------------------------------------------- issue 13: bounded, honest input

/// Run the binary (English) from the repository root.
fn run(args: &[&str]) -> (Option<i32>, String) {
    let out = util::xuncha(args);
    (out.status.code(), util::stderr(&out))
}

#[test]
fn check_of_a_non_scenario_quotes_no_more_than_an_excerpt() {
    let (dir, path) = util::temp_file("passwd", b"");
    let mut text = String::new();
    for i in 0..40 {
        text.push_str(&format!(
            "user{i}:x:{i}:{i}:secret gecos {i}:/home/user{i}:/bin/sh\n"
        ));
    }
    std::fs::write(&path, &text).unwrap();
    let (code, err) = run(&["check", path.to_str().unwrap()]);
    assert_eq!(code, Some(1), "{err}");
    assert!(!err.contains("user1:"), "echoes the file:\n{err}");
    assert!(err.len() < 600, "too long:\n{err}");
    drop(dir);
}

#[test]
fn training_import_of_a_non_ledger_quotes_no_more_than_an_excerpt() {
    let (_dir, path) = util::temp_file("passwd", b"");
    let long = format!(
        "root:x:0:0:root:/root:/bin/bash{}\ndaemon:x:1:1\n",
        ":x".repeat(200)
    );
    std::fs::write(&path, long).unwrap();
    let (code, err) = run(&[
        "training",
        "import",
        "scenarios/tiny.yaml",
        path.to_str().unwrap(),
    ]);
    assert_eq!(code, Some(1), "{err}");
    assert!(!err.contains("daemon"), "{err}");
    assert!(
        !err.contains(":x:x:x:x:x:x:x:x:x:x:x:x:x:x:x:x:x:x:x:x:x"),
        "{err}"
    );
}

#[test]
fn an_io_error_is_printed_once() {
    let (code, err) = run(&["check", "tests/corpus/no-such-file.yaml"]);
    assert_eq!(code, Some(1));
    assert_eq!(err.lines().count(), 1, "{err}");
    assert_eq!(err.matches("no such file or directory").count(), 1, "{err}");
}

#[cfg(unix)]
#[test]
fn a_fifo_as_scenario_is_refused_not_waited_on() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("s.yaml");
    let ok = std::process::Command::new("mkfifo").arg(&fifo).status();
    if !ok.is_ok_and(|s| s.success()) {
        return; // no mkfifo here
    }
    let (code, err) = run(&["check", fifo.to_str().unwrap()]);
    assert_eq!(code, Some(1), "{err}");
    assert!(
        err.contains("fifo") || err.contains("FIFO") || err.contains("regular"),
        "{err}"
    );
}

#[cfg(unix)]
#[test]
fn dev_zero_as_scenario_is_refused() {
    let (code, err) = run(&["check", "/dev/zero"]);
    assert_eq!(code, Some(1), "{err}");
}

#[test]
fn absurd_hours_in_a_record_are_refused() {
    let e = load("training:\n  requirement: {hours: 40, within_days: 365}\n  records:\n    - {person: P1, course: c, date: 2026-04-10, hours: 1e308}\n")
        .unwrap_err();
    let text = e.to_string();
    assert!(text.contains("hours") && text.contains("1000"), "{text}");
    load("training:\n  requirement: {hours: 40, within_days: 365}\n  records:\n    - {person: P1, course: c, date: 2026-04-10, hours: 1000}\n")
        .unwrap();
}

#[test]
fn absurd_hours_in_a_csv_ledger_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("s.yaml"),
        format!(
            "{BASE}training:\n  files: [l.csv]\n  requirement: {{hours: 40, within_days: 365}}\n"
        ),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("l.csv"),
        "编号,课程,日期,学时\nP1,c,2026-04-10,1e308\n",
    )
    .unwrap();
    let (code, err) = run(&["check", dir.path().join("s.yaml").to_str().unwrap()]);
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains("l.csv:2:"), "{err}");
}

#[test]
fn absurd_hours_in_training_add_are_refused() {
    let (code, err) = run(&[
        "training",
        "add",
        "scenarios/tiny.yaml",
        "--person",
        "P01",
        "--course",
        "c",
        "--date",
        "2026-04-10",
        "--hours",
        "1e308",
    ]);
    assert_eq!(code, Some(2), "{err}");
}

#[test]
fn a_date_in_year_9999_is_refused() {
    let round = "round:\n  id: R1\n  start: 9999-03-01\n  end: 9999-04-01\n  groups: 1\n  group_size: {min: 1, max: 2}\n  units: [T1]\n";
    let e = load(round).unwrap_err();
    let text = e.to_string();
    assert!(text.contains("t.yaml:11:"), "{text}");
    assert!(
        text.contains("9999-03-01") && text.contains("1900"),
        "{text}"
    );
    let e = load("training:\n  requirement: {hours: 40, within_days: 365}\n  records:\n    - {person: P1, course: c, date: 1066-10-14, hours: 8}\n")
        .unwrap_err();
    assert!(e.to_string().contains("1066-10-14"), "{e}");
}

#[test]
fn a_ledger_date_in_year_9999_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("s.yaml"),
        format!(
            "{BASE}training:\n  files: [l.csv]\n  requirement: {{hours: 40, within_days: 365}}\n"
        ),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("l.csv"),
        "编号,课程,日期,学时\nP1,c,9999-04-10,8\n",
    )
    .unwrap();
    let (code, err) = run(&["check", dir.path().join("s.yaml").to_str().unwrap()]);
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains("l.csv:2:") && err.contains("9999"), "{err}");
}

#[test]
fn four_type_errors_in_a_well_formed_file_are_reported_in_one_run() {
    let (_dir, path) = util::temp_file(
        "typos.yaml",
        b"version: 1\nskills: [finance]\npeople:\n  - {id: P1, skills: finance}\n  - {id: P2, pool: maybe}\n  - {name: x}\nunits:\n  - {id: T1, kind: town}\n",
    );
    let o = util::xuncha(&["check", path.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let e = util::stderr(&o);
    for needle in [
        "typos.yaml:4:22: people[0].skills: invalid type",
        "typos.yaml:5:20: people[1].pool: invalid type",
        "typos.yaml:6:5: people[2]: missing field `id`",
        "typos.yaml:8:20: units[0].kind: unknown variant `town`",
        "4 problems",
    ] {
        assert!(e.contains(needle), "no {needle} in:\n{e}");
    }
}
