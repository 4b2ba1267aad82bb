//! Snapshots (insta) of what people read: the `conflicts` table and JSON and
//! the `check` summary of scenarios/tiny.yaml, and every kind of message a
//! bad scenario produces.
//!
//! Each error case writes its input to a fresh temporary directory and runs
//! `xuncha check NAME.yaml` from inside it, so messages carry a short
//! relative file name and no temporary path. A snapshot holds the command,
//! the input with line numbers (so line:column can be checked by eye), the
//! exit status and standard error.

use std::path::Path;
use std::process::{Command, Output};

use crate::util;

/// Run the binary with `args` from `dir`.
fn xuncha_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_xuncha"))
        .env("XUNCHA_LANG", "en")
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run xuncha")
}

/// Show input bytes readably: control characters escaped, invalid UTF-8 as U+FFFD.
fn listing(bytes: &[u8]) -> String {
    let text = String::from_utf8_lossy(bytes);
    let mut out = String::new();
    for (i, line) in text.split('\n').enumerate() {
        if i >= 60 {
            out.push_str("    … (cut)\n");
            break;
        }
        let shown: String = line
            .chars()
            .take(120)
            .map(|c| {
                if c.is_control() {
                    c.escape_debug().to_string()
                } else {
                    c.to_string()
                }
            })
            .collect();
        let more = if line.chars().count() > 120 {
            " …"
        } else {
            ""
        };
        out.push_str(&format!("{:>3} | {shown}{more}\n", i + 1));
    }
    out
}

/// Run `xuncha check NAME.yaml` on `bytes` and describe what happened.
fn check_bytes(name: &str, bytes: &[u8]) -> String {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = format!("{name}.yaml");
    std::fs::write(dir.path().join(&file), bytes).expect("write");
    let out = xuncha_in(dir.path(), &["check", &file]);
    let stderr = util::stderr(&out);
    let code = out.status.code();
    assert_eq!(code, Some(1), "{name}: exit status\n{stderr}");
    assert!(util::stdout(&out).is_empty(), "{name}: nothing on stdout");
    assert!(
        stderr.starts_with(&format!("error: {file}")),
        "{name}: stderr names the file first:\n{stderr}"
    );
    assert!(!stderr.contains("panicked"), "{name}: {stderr}");
    let tmp = dir.path().display().to_string();
    assert!(
        !stderr.contains(&tmp),
        "{name}: no temporary path in messages"
    );
    format!(
        "$ xuncha check {file}\n--- input ---\n{}--- exit status: {} ---\n{stderr}",
        listing(bytes),
        code.unwrap()
    )
}

fn check_yaml(name: &str, yaml: &str) -> String {
    check_bytes(name, yaml.as_bytes())
}

/// The snapshot must say where: `NAME.yaml:LINE:COL:`.
fn assert_located(name: &str, report: &str) {
    let needle = format!("{name}.yaml:");
    let located = report.lines().any(|l| {
        let l = l.strip_prefix("error: ").unwrap_or(l);
        l.strip_prefix(&needle).is_some_and(|rest| {
            let mut parts = rest.splitn(3, ':');
            let line = parts.next().unwrap_or("");
            let col = parts.next().unwrap_or("");
            !line.is_empty()
                && line.chars().all(|c| c.is_ascii_digit())
                && !col.is_empty()
                && col.chars().all(|c| c.is_ascii_digit())
        })
    });
    assert!(located, "{name}: no file:line:column in\n{report}");
}

/// A located validation message: snapshot it.
macro_rules! located {
    ($name:ident, $yaml:expr) => {
        #[test]
        fn $name() {
            let name = stringify!($name);
            let report = check_yaml(name, $yaml);
            assert_located(name, &report);
            insta::assert_snapshot!(name, report);
        }
    };
}

/// A message without a position (the file as a whole is wrong).
macro_rules! unlocated {
    ($name:ident, $bytes:expr) => {
        #[test]
        fn $name() {
            let name = stringify!($name);
            let report = check_bytes(name, $bytes);
            insta::assert_snapshot!(name, report);
        }
    };
}

// ---------------------------------------------------------------- tiny.yaml

#[test]
fn tiny_conflicts_table() {
    let out = util::xuncha(&["conflicts", "scenarios/tiny.yaml"]);
    assert_eq!(out.status.code(), Some(0), "{}", util::stderr(&out));
    assert!(util::stderr(&out).is_empty());
    insta::assert_snapshot!("tiny_conflicts_table", util::stdout(&out));
}

#[test]
fn tiny_conflicts_json() {
    let out = util::xuncha(&["conflicts", "scenarios/tiny.yaml", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", util::stderr(&out));
    let text = util::stdout(&out);
    let v: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
    assert_eq!(v["format"], 1);
    insta::assert_snapshot!("tiny_conflicts_json", text);
}

#[test]
fn tiny_conflicts_csv() {
    let out = util::xuncha(&["conflicts", "scenarios/tiny.yaml", "--format", "csv"]);
    assert_eq!(out.status.code(), Some(0), "{}", util::stderr(&out));
    insta::assert_snapshot!("tiny_conflicts_csv", util::stdout(&out));
}

#[test]
fn tiny_conflicts_one_person_all_units() {
    let out = util::xuncha(&[
        "conflicts",
        "scenarios/tiny.yaml",
        "--person",
        "P01,P04",
        "--all-units",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", util::stderr(&out));
    insta::assert_snapshot!("tiny_conflicts_person_all_units", util::stdout(&out));
}

#[test]
fn tiny_check() {
    let out = util::xuncha(&["check", "scenarios/tiny.yaml"]);
    assert_eq!(out.status.code(), Some(0), "{}", util::stderr(&out));
    assert!(util::stderr(&out).is_empty());
    insta::assert_snapshot!("tiny_check", util::stdout(&out));
}

// ------------------------------------------------------- usage and I/O errors

fn usage_report(args: &[&str]) -> String {
    let out = util::xuncha(args);
    format!(
        "$ xuncha {}\n--- exit status: {} ---\n{}",
        args.join(" "),
        out.status.code().unwrap_or(-1),
        util::stderr(&out)
    )
}

#[test]
fn usage_unknown_person_flag() {
    let r = usage_report(&["conflicts", "scenarios/tiny.yaml", "--person", "P99"]);
    assert!(r.contains("exit status: 2"));
    insta::assert_snapshot!("usage_unknown_person", r);
}

#[test]
fn usage_unknown_unit_flag() {
    let r = usage_report(&["conflicts", "scenarios/tiny.yaml", "--unit", "T9"]);
    assert!(r.contains("exit status: 2"));
    insta::assert_snapshot!("usage_unknown_unit", r);
}

#[test]
fn usage_bad_as_of() {
    let r = usage_report(&["conflicts", "scenarios/tiny.yaml", "--as-of", "2027-02-30"]);
    assert!(r.contains("exit status: 2"));
    insta::assert_snapshot!("usage_bad_as_of", r);
}

#[test]
fn missing_file() {
    let r = usage_report(&["check", "tests/corpus/no-such-file.yaml"]);
    assert!(r.contains("exit status: 1"));
    insta::assert_snapshot!("missing_file", r);
}

// ------------------------------------------------------ validation messages

/// A valid scenario that the cases below extend.
const BASE: &str = "\
version: 1
skills: [finance, audit]
units:
  - {id: T1, kind: township, villages: [{id: T1-V1}]}
  - {id: D1, kind: department}
people:
  - {id: P1, pool: true, leader: true, skills: [finance]}
  - {id: P2, pool: true, skills: [audit]}
";

#[test]
fn base_is_valid() {
    util::scenario(BASE);
}

fn with(extra: &str) -> String {
    format!("{BASE}{extra}")
}

located!(
    unknown_skill,
    &BASE.replace("skills: [audit]}", "skills: [auditing]}")
);
located!(
    unknown_skill_in_requires,
    &BASE.replace("kind: department}", "kind: department, requires: [law]}")
);
located!(
    unknown_skill_in_round,
    &with("round:\n  id: R1\n  start: 2027-03-01\n  end: 2027-04-01\n  groups: 1\n  group_size: {min: 1, max: 2}\n  units: [D1]\n  required_skills: [finance, discipline]\n")
);
located!(
    misspelt_relation_kind,
    &with("relations:\n  - {a: P1, b: P2, kind: spouce}\n")
);
located!(
    unknown_relation_kind,
    &with("relations:\n  - {a: P1, b: P2, kind: neighbour}\n")
);
located!(
    dangling_person_unit,
    &BASE.replace("skills: [audit]}", "skills: [audit], unit: D9}")
);
located!(
    dangling_person_hometown,
    &BASE.replace("skills: [audit]}", "skills: [audit], hometown: T1-V9}")
);
located!(
    dangling_posting_unit,
    &with("  - id: P3\n    postings:\n      - {unit: T2, from: 2020-01-01, to: 2021-01-01}\n")
);
located!(
    person_unit_names_a_person,
    &BASE.replace("skills: [audit]}", "skills: [audit], unit: P1}")
);
located!(
    dangling_relation_a,
    &with("relations:\n  - {a: P9, b: P2, kind: spouse}\n")
);
located!(
    dangling_relation_b,
    &with("relations:\n  - {a: P1, b: T1, kind: spouse}\n")
);
located!(
    relation_to_self,
    &with("relations:\n  - {a: P1, b: P1, kind: spouse}\n")
);
located!(
    dangling_declared_person,
    &with("recusal:\n  declared:\n    - {person: P7, unit: D1, reason: 申报}\n")
);
located!(
    dangling_declared_unit,
    &with("recusal:\n  declared:\n    - {person: P1, unit: D7, reason: 申报}\n")
);
located!(
    declared_unit_is_a_village,
    &with("recusal:\n  declared:\n    - {person: P1, unit: T1-V1, reason: 申报}\n")
);
located!(
    dangling_waived_person_and_unit,
    &with("recusal:\n  waived:\n    - {person: P8, unit: D8, reason: 已调离}\n")
);
located!(
    dangling_apart_person,
    &with("recusal:\n  apart:\n    - [P1, P5]\n")
);
located!(
    apart_with_three_people,
    &with("recusal:\n  apart:\n    - [P1, P2, P1]\n")
);
located!(
    dangling_training_record_person,
    &with("training:\n  records:\n    - {person: P6, course: 专训, date: 2026-04-10, hours: 8}\n")
);
located!(
    dangling_history_references,
    &with("history:\n  - round: H1\n    start: 2026-09-01\n    end: 2026-10-31\n    groups:\n      - {leader: P4, members: [P1, P3], units: [D5], villages: [T1-V7]}\n")
);
located!(
    dangling_round_unit,
    &with("round:\n  id: R1\n  start: 2027-03-01\n  end: 2027-04-01\n  groups: 1\n  group_size: {min: 1, max: 2}\n  units: [D1, D2, T1-V1]\n")
);
located!(duplicate_id, &with("  - {id: D1, pool: false}\n"));
located!(
    group_size_min_greater_than_max,
    &with("round:\n  id: R1\n  start: 2027-03-01\n  end: 2027-04-01\n  groups: 1\n  group_size: {min: 5, max: 3}\n  units: [D1]\n")
);
located!(
    round_ends_before_it_starts,
    &with("round:\n  id: R1\n  start: 2027-03-01\n  end: 2027-02-01\n  groups: 1\n  group_size: {min: 1, max: 3}\n  units: [D1]\n")
);
located!(
    posting_ends_before_it_starts,
    &with("  - id: P3\n    postings:\n      - {unit: D1, from: 2020-01-01, to: 2019-12-31}\n")
);
located!(
    unavailable_ends_before_it_starts,
    &with("  - id: P3\n    unavailable:\n      - {from: 2027-03-20, to: 2027-03-10}\n")
);
located!(
    groups_less_than_one,
    &with("round:\n  id: R1\n  start: 2027-03-01\n  end: 2027-04-01\n  groups: 0\n  group_size: {min: 1, max: 3}\n  units: [D1]\n")
);
located!(
    negative_weight,
    &BASE.replace("kind: department}", "kind: department, weight: -1}")
);
located!(
    negative_record_hours,
    &with("training:\n  records:\n    - {person: P1, course: 专训, date: 2026-04-10, hours: -8}\n")
);
located!(
    negative_requirement_hours,
    &with("training:\n  requirement: {hours: -40, within_days: 365}\n")
);
located!(kin_depth_too_large, &with("recusal:\n  kin_depth: 7\n"));
located!(kin_depth_negative, &with("recusal:\n  kin_depth: -1\n"));
located!(
    waiver_without_reason,
    &with("recusal:\n  waived:\n    - {person: P1, unit: D1}\n")
);
located!(
    pool_member_without_skills,
    &with("  - {id: P3, pool: true}\n")
);
located!(
    unknown_field,
    &BASE.replace("skills: [audit]}", "skills: [audit], gender: f}")
);
located!(
    unknown_top_level_field,
    &with("recusals:\n  kin_depth: 1\n")
);
located!(
    unknown_unit_kind,
    &BASE.replace("kind: department}", "kind: bureau}")
);
located!(list_at_top_level, "- version: 1\n- name: x\n");
located!(scalar_at_top_level, "青山县\n");
located!(tabs, &BASE.replace("  - {id: P2", "\t- {id: P2"));
located!(
    huge_number,
    &BASE.replace(
        "kind: department}",
        "kind: department, weight: 123456789012345678901234567890}"
    )
);
located!(missing_version, "name: 无版本\nskills: [finance]\n");
located!(version_2, "version: 2\n");
located!(
    duplicate_key,
    &BASE.replace("leader: true, ", "leader: true, pool: false, ")
);
located!(
    date_that_does_not_exist,
    &with("round:\n  id: R1\n  start: 2027-02-30\n  end: 2027-04-01\n  groups: 1\n  group_size: {min: 1, max: 3}\n  units: [D1]\n")
);
located!(
    date_with_slashes,
    &with("round:\n  id: R1\n  start: 2027/03/01\n  end: 2027-04-01\n  groups: 1\n  group_size: {min: 1, max: 3}\n  units: [D1]\n")
);
located!(
    binary_control_characters,
    "version: 1\nname: x\u{0}\u{1}\u{2}\u{7f}ELF\u{3}\u{4}\n"
);
located!(
    many_problems,
    "\
version: 1
skills: [finance, audit]
units:
  - {id: T1, kind: township, weight: 0, villages: [{id: T1-V1, complaints: -2}]}
  - {id: T1, kind: department}
people:
  - {id: P1, pool: true, skills: [finanse], unit: X1, hometown: X2}
  - {id: P2, pool: true}
relations:
  - {a: P1, b: P9, kind: spouse}
recusal:
  kin_depth: 9
  waived: [{person: P2, unit: T1-V1}]
round:
  id: R1
  start: 2027-03-01
  end: 2027-01-01
  groups: 0
  group_size: {min: 4, max: 2}
  units: [T1, Z9]
"
);

unlocated!(empty_file, b"");
unlocated!(only_whitespace, b"  \n\n   \n");
unlocated!(only_a_comment, b"# nothing here\n");
unlocated!(
    non_utf8_gbk,
    // `name: 青山县` saved as GBK, as a Chinese Windows editor would.
    b"version: 1\nname: \xc7\xe0\xc9\xbd\xcf\xd8\n"
);
unlocated!(
    utf16_with_bom,
    b"\xff\xfev\x00e\x00r\x00s\x00i\x00o\x00n\x00:\x00 \x001\x00\n\x00"
);
unlocated!(
    binary_garbage,
    &[
        0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0xff, 0xd8, 0xff,
        0xe0
    ]
);

#[test]
fn utf8_bom_is_accepted() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = b"\xef\xbb\xbf".to_vec();
    bytes.extend_from_slice(BASE.as_bytes());
    std::fs::write(dir.path().join("bom.yaml"), bytes).unwrap();
    let out = xuncha_in(dir.path(), &["check", "bom.yaml"]);
    assert_eq!(out.status.code(), Some(0), "{}", util::stderr(&out));
}

// ------------------------------------------------- known bugs (see report)

/// stderr of `xuncha check NAME.yaml` on `yaml`, run from a temp dir.
fn stderr_of(name: &str, yaml: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let file = format!("{name}.yaml");
    std::fs::write(dir.path().join(&file), yaml).unwrap();
    util::stderr(&xuncha_in(dir.path(), &["check", &file]))
}

#[test]
fn missing_file_reason_printed_once() {
    let out = util::xuncha(&["check", "tests/corpus/no-such-file.yaml"]);
    let err = util::stderr(&out);
    assert_eq!(err.matches("no such file or directory").count(), 1, "{err}");
}

#[test]
fn malformed_date_gets_the_date_hint() {
    let err = stderr_of(
        "slashes",
        &with("round:\n  id: R1\n  start: 2027/03/01\n  end: 2027-04-01\n  groups: 1\n  group_size: {min: 1, max: 3}\n  units: [D1]\n"),
    );
    assert!(!err.contains("does not look like YAML"), "{err}");
    assert!(err.contains("YYYY-MM-DD"), "{err}");
}

#[test]
fn impossible_date_says_it_is_not_a_date() {
    let err = stderr_of(
        "feb30",
        &with("round:\n  id: R1\n  start: 2027-02-30\n  end: 2027-04-01\n  groups: 1\n  group_size: {min: 1, max: 3}\n  units: [D1]\n"),
    );
    assert!(err.contains("date") || err.contains("YYYY-MM-DD"), "{err}");
}

#[test]
fn tab_indentation_gets_a_hint() {
    let err = stderr_of("indent", &BASE.replace("  - {id: P2", "\t- {id: P2"));
    assert!(err.contains("tab"), "{err}");
}

#[test]
fn control_characters_are_located() {
    let err = stderr_of("ctl", "version: 1\nname: x\u{0}\n");
    assert!(err.contains("ctl.yaml:2:"), "{err}");
}

#[test]
fn known_list_has_no_duplicates() {
    let err = stderr_of(
        "dupknown",
        &BASE
            .replace(
                "  - {id: D1, kind: department}",
                "  - {id: D1, kind: department}\n  - {id: D1, kind: department}",
            )
            .replace("skills: [audit]}", "skills: [audit], unit: D9}"),
    );
    assert!(!err.contains("D1, D1"), "{err}");
}

// ------------------------------------- load errors in Chinese (the default)

/// `xuncha check NAME.yaml` on `yaml` with no language set, from a temp dir.
fn check_zh(name: &str, yaml: &str) -> String {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = format!("{name}.yaml");
    std::fs::write(dir.path().join(&file), yaml).expect("write");
    let out = Command::new(env!("CARGO_BIN_EXE_xuncha"))
        .env_remove("XUNCHA_LANG")
        .args(["check", &file])
        .current_dir(dir.path())
        .output()
        .expect("run xuncha");
    let stderr = util::stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{name}: {stderr}");
    assert!(stderr.starts_with(&format!("错误：{file}")), "{stderr}");
    format!(
        "$ xuncha check {file}\n--- input ---\n{}--- exit status: 1 ---\n{stderr}",
        listing(yaml.as_bytes())
    )
}

macro_rules! located_zh {
    ($name:ident, $yaml:expr) => {
        #[test]
        fn $name() {
            let name = stringify!($name);
            insta::assert_snapshot!(name, check_zh(name, $yaml));
        }
    };
}

located_zh!(
    unknown_skill_zh,
    &BASE.replace("skills: [audit]}", "skills: [auditing]}")
);
located_zh!(
    misspelt_relation_kind_zh,
    &with("relations:\n  - {a: P1, b: P2, kind: spouce}\n")
);
located_zh!(
    date_out_of_range_zh,
    &with("round:\n  id: R1\n  start: 9999-03-01\n  end: 2027-04-01\n  groups: 1\n  group_size: {min: 1, max: 2}\n  units: [D1]\n")
);
located!(
    date_out_of_range,
    &with("round:\n  id: R1\n  start: 9999-03-01\n  end: 2027-04-01\n  groups: 1\n  group_size: {min: 1, max: 2}\n  units: [D1]\n")
);
located_zh!(
    record_hours_out_of_range_zh,
    &with("training:\n  requirement: {hours: 40, within_days: 365}\n  records:\n    - {person: P1, course: c, date: 2026-04-10, hours: 1e308}\n")
);

#[test]
fn missing_file_zh() {
    let out = util::xuncha_zh(&["check", "tests/corpus/no-such-file.yaml"]);
    assert_eq!(out.status.code(), Some(1));
    insta::assert_snapshot!("missing_file_zh", util::stderr(&out));
}
