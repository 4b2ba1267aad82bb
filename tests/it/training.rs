//! The training ledger (issue 5, docs/training.md): the requirement window
//! and its extensions through the library, and `training report / add /
//! import`, `check` and `plan` through the binary on copies of
//! tests/data/training/.

use std::path::Path;
use std::process::{Command, Output};

use chrono::NaiveDate;
use serde_json::Value;
use xuncha::eligibility::{Eligibility, Exclusion};
use xuncha::{training, PersonIx, Scenario};

use crate::util;

// ------------------------------------------------------------------ helpers

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn p(s: &Scenario, id: &str) -> PersonIx {
    s.person_ix(id).unwrap_or_else(|| panic!("no person {id}"))
}

/// A scenario with pool members P1 (leader), P2, P3 and the given
/// `training:` body (indented two spaces) and extra person fields for P3.
fn with_training(training: &str, p3_extra: &str) -> Scenario {
    util::scenario(&format!(
        "version: 1
skills: [audit]
units:
  - {{id: D1, kind: department}}
people:
  - {{id: P1, name: 张伟, pool: true, leader: true, skills: [audit]}}
  - {{id: P2, name: 王芳, pool: true, skills: [audit]}}
  - {{id: P3, name: 李强, pool: true, skills: [audit]{p3_extra}}}
training:
{training}
round:
  id: R1
  start: 2027-03-01
  end: 2027-04-30
  groups: 1
  group_size: {{min: 1, max: 3}}
  units: [D1]
"
    ))
}

/// Run the binary with `args` from `dir`.
fn run_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_xuncha"))
        .env("XUNCHA_LANG", "en")
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run xuncha")
}

/// A fresh copy of tests/data/training/ (small.yaml + ledger.csv).
fn fixture() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for f in ["small.yaml", "ledger.csv"] {
        std::fs::copy(
            util::file(&format!("tests/data/training/{f}")),
            dir.path().join(f),
        )
        .unwrap();
    }
    dir
}

fn read(dir: &Path, f: &str) -> Vec<u8> {
    std::fs::read(dir.join(f)).unwrap()
}

fn ok(o: &Output) -> String {
    assert_eq!(
        o.status.code(),
        Some(0),
        "stdout:\n{}\nstderr:\n{}",
        util::stdout(o),
        util::stderr(o)
    );
    util::stdout(o)
}

fn fails(o: &Output, code: i32) -> String {
    assert_eq!(
        o.status.code(),
        Some(code),
        "stdout:\n{}\nstderr:\n{}",
        util::stdout(o),
        util::stderr(o)
    );
    let e = util::stderr(o);
    assert!(!e.contains("panicked"), "{e}");
    e
}

fn json_of(o: &Output) -> Value {
    serde_json::from_str(&ok(o)).expect("JSON")
}

fn person<'a>(doc: &'a Value, id: &str) -> &'a Value {
    doc["people"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["person"] == id)
        .unwrap_or_else(|| panic!("{id} not in the report"))
}

fn gbk(text: &str) -> Vec<u8> {
    let (bytes, _, bad) = encoding_rs::GBK.encode(text);
    assert!(!bad);
    bytes.into_owned()
}

// ------------------------------------------------- the requirement window

#[test]
fn window_edges_round_start_excluded_first_day_included() {
    // Round start 2027-03-01, 365 days: the window is [2026-03-01, 2027-03-01).
    let s = with_training(
        "  requirement: {hours: 10, within_days: 365}
  records:
    - {person: P1, course: 首日, date: 2026-03-01, hours: 10}
    - {person: P2, course: 开班当日, date: 2027-03-01, hours: 10}
    - {person: P3, course: 窗口前一日, date: 2026-02-28, hours: 10}",
        "",
    );
    let start = d("2027-03-01");
    let req = s.training.requirement.as_ref().unwrap();
    assert_eq!(training::window_start(req, start), d("2026-03-01"));
    assert!(
        training::counts(req, d("2026-03-01"), start),
        "first day counts"
    );
    assert!(
        !training::counts(req, d("2027-03-01"), start),
        "round start does not"
    );
    assert!(
        !training::counts(req, d("2026-02-28"), start),
        "day before does not"
    );

    assert_eq!(training::hours(&s, p(&s, "P1"), start), 10.0);
    assert_eq!(training::hours(&s, p(&s, "P2"), start), 0.0);
    assert_eq!(training::hours(&s, p(&s, "P3"), start), 0.0);

    // Eligibility (plan, check) asks the same code.
    let el = Eligibility::for_dates(&s, s.round.as_ref().unwrap().dates());
    assert_eq!(el.available, vec![p(&s, "P1")]);
    match el.reasons(p(&s, "P2")) {
        [Exclusion::Training(st)] => {
            assert_eq!(st.short_by, 10.0);
            assert!(!st.compliant);
        }
        other => panic!("{other:?}"),
    }

    // P2's record counts from the next day on; P1's lapses 366 days after.
    assert!(training::compliant(&s, p(&s, "P2"), d("2027-03-02")));
    assert_eq!(
        training::expires(&s, p(&s, "P1"), start),
        Some(d("2027-03-02"))
    );
    assert!(training::compliant(&s, p(&s, "P1"), d("2027-03-01")));
    assert!(!training::compliant(&s, p(&s, "P1"), d("2027-03-02")));
}

#[test]
fn valid_months_expiry() {
    let s = with_training(
        "  requirement: {hours: 10, within_days: 365, valid_months: 6}
  records:
    - {person: P1, course: 专训, date: 2026-04-10, hours: 10}
    - {person: P2, course: 专训, date: 2026-08-31, hours: 10}",
        "",
    );
    let req = s.training.requirement.as_ref().unwrap();
    // 2026-04-10 + 6 months = 2026-10-10: counts the day before, not on it.
    assert_eq!(
        training::record_expires(req, d("2026-04-10")),
        d("2026-10-10")
    );
    let p1 = p(&s, "P1");
    assert!(training::compliant(&s, p1, d("2026-10-09")));
    assert!(!training::compliant(&s, p1, d("2026-10-10")));
    assert_eq!(
        training::expires(&s, p1, d("2026-05-01")),
        Some(d("2026-10-10"))
    );
    // Month ends clamp: 2026-08-31 + 6 months = 2027-02-28.
    let p2 = p(&s, "P2");
    assert_eq!(
        training::record_expires(req, d("2026-08-31")),
        d("2027-02-28")
    );
    assert_eq!(
        training::expires(&s, p2, d("2026-09-01")),
        Some(d("2027-02-28"))
    );
    // On the round start both have lapsed, though within 365 days.
    assert!(!training::compliant(&s, p1, d("2027-03-01")));
    assert!(!training::compliant(&s, p2, d("2027-03-01")));
}

#[test]
fn expiry_with_several_records_is_the_first_day_short() {
    // 40 h needed; 24 h + 24 h: compliant until the first record runs out.
    let s = with_training(
        "  requirement: {hours: 40, within_days: 365}
  records:
    - {person: P1, course: 实战, date: 2026-05-01, hours: 24}
    - {person: P1, course: 专训, date: 2026-09-01, hours: 24}
    - {person: P2, course: 实战, date: 2026-05-01, hours: 24}
    - {person: P2, course: 专训, date: 2026-09-01, hours: 24}
    - {person: P2, course: 网络, date: 2026-12-01, hours: 16}",
        "",
    );
    assert_eq!(
        training::expires(&s, p(&s, "P1"), d("2027-03-01")),
        Some(d("2027-05-02"))
    );
    // P2: 2026-05-01 lapses but 24 + 16 = 40 remain; short once 2026-09-01 lapses.
    assert_eq!(
        training::expires(&s, p(&s, "P2"), d("2027-03-01")),
        Some(d("2027-09-02"))
    );
    assert_eq!(training::expires(&s, p(&s, "P3"), d("2027-03-01")), None);
}

#[test]
fn grace_period_for_members_new_to_the_pool() {
    let s = with_training(
        "  requirement: {hours: 40, within_days: 365, grace_days: 90}
  records:
    - {person: P1, course: 专训, date: 2026-04-10, hours: 40}",
        ", pool_since: 2027-01-15",
    );
    let p3 = p(&s, "P3");
    // Joined 2027-01-15: exempt through 2027-04-14.
    let st = training::standing(&s, p3, d("2027-03-01")).unwrap();
    assert!(st.compliant);
    assert_eq!(st.grace_until, Some(d("2027-04-15")));
    assert_eq!(st.hours, 0.0);
    assert_eq!(st.short_by, 0.0);
    assert!(training::compliant(&s, p3, d("2027-04-14")));
    let after = training::standing(&s, p3, d("2027-04-15")).unwrap();
    assert!(!after.compliant);
    assert_eq!(after.grace_until, None);
    assert_eq!(after.short_by, 40.0);
    assert_eq!(
        training::expires(&s, p3, d("2027-03-01")),
        Some(d("2027-04-15"))
    );
    // P2 has no pool_since: no grace.
    assert!(!training::compliant(&s, p(&s, "P2"), d("2027-03-01")));
    // The round may draw P3.
    let el = Eligibility::for_dates(&s, s.round.as_ref().unwrap().dates());
    assert!(el.is_available(p3));
    assert!(!el.is_available(p(&s, "P2")));
}

#[test]
fn leader_course_required_of_leaders_only() {
    let s = with_training(
        "  requirement: {hours: 40, within_days: 365, leader_course: 组长专题培训}
  records:
    - {person: P1, course: 2026年度巡察业务专训, date: 2026-04-10, hours: 40}
    - {person: P2, course: 2026年度巡察业务专训, date: 2026-04-10, hours: 40}",
        "",
    );
    let st = training::standing(&s, p(&s, "P1"), d("2027-03-01")).unwrap();
    assert!(!st.compliant);
    assert_eq!(st.short_by, 0.0, "the hours are there");
    assert_eq!(st.missing_course.as_deref(), Some("组长专题培训"));
    let words = xuncha::report::exclusion::standing(
        &xuncha::report::i18n::Words::new(xuncha::report::i18n::Lang::Zh),
        &st,
    );
    assert_eq!(words, "没有计入的组长培训课程“组长专题培训”记录");
    assert!(training::compliant(&s, p(&s, "P2"), d("2027-03-01")));

    // A course whose name contains the text counts, while it counts.
    let s = with_training(
        "  requirement: {hours: 40, within_days: 365, leader_course: 组长专题培训}
  records:
    - {person: P1, course: 2026年度巡察业务专训, date: 2026-04-10, hours: 32}
    - {person: P1, course: 2026年巡察组长专题培训班, date: 2026-06-01, hours: 8}",
        "",
    );
    let p1 = p(&s, "P1");
    assert!(training::compliant(&s, p1, d("2027-03-01")));
    assert_eq!(
        training::expires(&s, p1, d("2027-03-01")),
        Some(d("2027-04-11"))
    );
}

#[test]
fn a_failed_course_counts_for_nothing() {
    let s = with_training(
        "  requirement: {hours: 40, within_days: 365}
  records:
    - {person: P1, course: 专训, date: 2026-04-10, hours: 40, result: 不合格}
    - {person: P2, course: 专训, date: 2026-04-10, hours: 40, result: 优秀}
    - {person: P3, course: 专训, date: 2026-04-10, hours: 40, result: 待定, passed: false}",
        "",
    );
    assert!(!training::compliant(&s, p(&s, "P1"), d("2027-03-01")));
    assert!(training::compliant(&s, p(&s, "P2"), d("2027-03-01")));
    assert!(!training::compliant(&s, p(&s, "P3"), d("2027-03-01")));
    assert_eq!(s.training.records[1].result.as_deref(), Some("优秀"));
}

#[test]
fn records_and_extensions_validate_with_positions() {
    let e = xuncha::scenario::parse(
        "version: 1
people:
  - {id: P1, pool: false}
training:
  requirement: {hours: 40, within_days: 365, valid_months: 0, grace_days: -1, leader_course: ' '}
  records:
    - {person: P1, course: '', date: 2026-04-10, hours: 8}
",
        "x.yaml",
    )
    .unwrap_err()
    .to_string();
    for want in [
        "x.yaml:5:60: training requirement: valid_months 0 out of range",
        "x.yaml:5:75: training requirement: grace_days -1 out of range",
        "x.yaml:5:94: training requirement: empty leader_course",
        "x.yaml:7:28: training record of P1: empty course",
    ] {
        assert!(e.contains(want), "missing {want:?} in\n{e}");
    }
}

// ---------------------------------------------------------- included files

#[test]
fn included_ledger_records_load_after_the_scenarios_own() {
    let s = xuncha::scenario::load(&util::file("tests/data/training/small.yaml"))
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(s.training.files.len(), 1);
    let who: Vec<&str> = s
        .training
        .records
        .iter()
        .map(|r| s.person(r.person).id.as_str())
        .collect();
    assert_eq!(who, ["P01", "P02", "P03", "P04", "P05", "P06"]);
    let r = &s.training.records[5];
    assert_eq!(r.origin.file, Some(0));
    assert_eq!(r.origin.line, Some(6));
    assert_eq!(r.kind, Some(xuncha::scenario::TrainingKind::Practice));
    assert_eq!(r.hours, 48.0);
}

#[test]
fn a_bad_row_in_an_included_ledger_names_that_file_and_line() {
    let dir = fixture();
    let mut ledger = read(dir.path(), "ledger.csv");
    ledger
        .extend_from_slice("P01,张伟,补训,2026-02-30,8,,,\nP09,,补训,2026-03-01,8,,,\n".as_bytes());
    std::fs::write(dir.path().join("ledger.csv"), ledger).unwrap();
    let e = fails(&run_in(dir.path(), &["check", "small.yaml"]), 1);
    assert!(
        e.contains("ledger.csv:7:11: training record of P01: “2026-02-30” is not a date"),
        "{e}"
    );
    assert!(
        e.contains("ledger.csv:8:1: training record of P09: unknown person “P09”"),
        "{e}"
    );
}

#[test]
fn a_missing_ledger_is_reported_at_its_line_in_the_scenario() {
    let dir = fixture();
    std::fs::remove_file(dir.path().join("ledger.csv")).unwrap();
    let e = fails(&run_in(dir.path(), &["check", "small.yaml"]), 1);
    assert!(
        e.starts_with("error: small.yaml:22:11: training.files: ledger ledger.csv does not exist"),
        "{e}"
    );
    assert!(e.contains("training add` does"), "{e}");
}

#[test]
fn yaml_ledgers_load_and_their_problems_name_the_file() {
    let dir = fixture();
    let yaml = std::fs::read_to_string(dir.path().join("small.yaml"))
        .unwrap()
        .replace("files: [ledger.csv]", "files: [ledger.csv, more.yaml]");
    std::fs::write(dir.path().join("small.yaml"), yaml).unwrap();
    std::fs::write(
        dir.path().join("more.yaml"),
        "# 陈静's make-up course\n- {person: P05, course: 补训, date: 2026-11-02, hours: 24, kind: online}\n",
    )
    .unwrap();
    let doc = json_of(&run_in(
        dir.path(),
        &["training", "report", "small.yaml", "--format", "json"],
    ));
    assert_eq!(person(&doc, "P05")["hours"], 40);
    assert_eq!(person(&doc, "P05")["compliant"], true);
    // `add` goes to the first CSV ledger, though more.yaml is read after it.
    let out = ok(&run_in(
        dir.path(),
        &[
            "training",
            "add",
            "small.yaml",
            "--person",
            "P04",
            "--course",
            "补训",
            "--date",
            "2026-11-03",
            "--hours",
            "8",
        ],
    ));
    assert!(
        out.starts_with("added to ledger.csv:7: P04 刘洋, 补训, 2026-11-03, 8 h\n"),
        "{out}"
    );

    std::fs::write(
        dir.path().join("more.yaml"),
        "- {person: P05, course: 补训, date: 2026-11-02, hours: 24}\n- {person: P77, course: 补训, date: 2026-11-02, hours: 24}\n",
    )
    .unwrap();
    let e = fails(&run_in(dir.path(), &["check", "small.yaml"]), 1);
    assert!(
        e.contains("more.yaml:2:12: training record of P77: unknown person \"P77\""),
        "{e}"
    );
}

// ------------------------------------------------------------------ report

#[test]
fn report_json_keeps_the_contract_and_adds_fields() {
    let dir = fixture();
    let doc = json_of(&run_in(
        dir.path(),
        &["training", "report", "small.yaml", "--format", "json"],
    ));
    assert_eq!(doc["format"], 1);
    assert_eq!(doc["as_of"], "2027-03-01");
    assert_eq!(doc["required_hours"], 40);
    let people = doc["people"].as_array().unwrap();
    assert_eq!(people.len(), 6, "one entry per pool member, Q01 left out");
    let keys: Vec<&str> = people[0]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .take(4)
        .collect();
    assert_eq!(keys, ["person", "hours", "compliant", "short_by"]);
    let p05 = person(&doc, "P05");
    assert_eq!(p05["hours"], 16);
    assert_eq!(p05["compliant"], false);
    assert_eq!(p05["short_by"], 24);
    assert_eq!(p05["last_course"]["course"], "轮前培训");
    assert_eq!(p05["expires"], Value::Null);
    let p04 = person(&doc, "P04");
    assert_eq!(p04["short_by"], 0);
    assert_eq!(p04["expires"], "2027-09-15");
    // Totals over the window, per course and per kind.
    assert_eq!(doc["totals"]["scope"], "window");
    let kinds = doc["totals"]["by_kind"].as_array().unwrap();
    assert_eq!(kinds[0]["kind"], "annual");
    assert_eq!(kinds[0]["hours"], 160);
    // 2027-R2 starts 2027-09-01: everyone but P04 (2026-09-14) has lapsed.
    let next = &doc["next_round"];
    assert_eq!(next["round"], "2027-R2");
    let falling: Vec<&str> = next["falling_short"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["person"].as_str().unwrap())
        .collect();
    assert_eq!(falling, ["P01", "P02", "P03", "P06"]);

    // --as-of before the round: the round itself is next.
    let doc = json_of(&run_in(
        dir.path(),
        &[
            "training",
            "report",
            "small.yaml",
            "--as-of",
            "2026-12-01",
            "--year",
            "2026",
            "--format",
            "json",
        ],
    ));
    assert_eq!(doc["next_round"]["round"], "2027-R1");
    assert_eq!(doc["totals"]["scope"], "year");
    assert_eq!(doc["totals"]["year"], 2026);
    assert_eq!(person(&doc, "P06")["year_hours"], 48);

    let table = ok(&run_in(dir.path(), &["training", "report", "small.yaml"]));
    assert!(
        table.contains("short of training: 16 of 40 h (24 h missing)"),
        "{table}"
    );
    assert!(
        table.contains("next round 2027-R2 (2027-09-01): 4 compliant now"),
        "{table}"
    );
    let csv = ok(&run_in(
        dir.path(),
        &["training", "report", "small.yaml", "--format", "csv"],
    ));
    assert!(
        csv.starts_with("\u{feff}person,name,hours,required,compliant,short_by,"),
        "{csv}"
    );
    assert!(csv.contains("\nP05,陈静,16,40,false,24,"), "{csv}");
}

#[test]
fn report_shows_exact_duplicates_on_file() {
    let dir = fixture();
    let mut ledger = read(dir.path(), "ledger.csv");
    ledger.extend_from_slice(" P05 ,陈静, 轮前培训 ,2026/10/20,16,,,\n".as_bytes());
    std::fs::write(dir.path().join("ledger.csv"), ledger).unwrap();
    let doc = json_of(&run_in(
        dir.path(),
        &["training", "report", "small.yaml", "--format", "json"],
    ));
    let dups = doc["duplicates"].as_array().unwrap();
    assert_eq!(dups.len(), 1);
    assert_eq!(dups[0]["first"], "ledger.csv:5");
    assert_eq!(dups[0]["again"], "ledger.csv:7");
}

// --------------------------------------------------------------------- add

#[test]
fn add_appends_one_line_and_keeps_every_old_byte() {
    let dir = fixture();
    let yaml_before = read(dir.path(), "small.yaml");
    let ledger_before = read(dir.path(), "ledger.csv");
    let out = ok(&run_in(
        dir.path(),
        &[
            "training",
            "add",
            "small.yaml",
            "--person",
            "陈静",
            "--course",
            "巡察网络专题",
            "--date",
            "2026-11-02",
            "--hours",
            "24",
            "--kind",
            "online",
            "--result",
            "合格",
        ],
    ));
    assert!(
        out.starts_with(
            "added to ledger.csv:7: P05 陈静, 巡察网络专题, 2026-11-02, 24 h, online\n"
        ),
        "{out}"
    );
    assert!(
        out.contains("P05 陈静 on 2027-03-01 (start of 2027-R1): trained: 40 of 40 h"),
        "{out}"
    );
    assert_eq!(
        read(dir.path(), "small.yaml"),
        yaml_before,
        "the scenario is never written"
    );
    let after = read(dir.path(), "ledger.csv");
    assert!(after.starts_with(&ledger_before));
    assert_eq!(
        String::from_utf8_lossy(&after[ledger_before.len()..]),
        "P05,陈静,巡察网络专题,2026-11-02,24,网络培训,合格,\n"
    );
    // The same record again is a duplicate.
    let e = fails(
        &run_in(
            dir.path(),
            &[
                "training",
                "add",
                "small.yaml",
                "--person",
                "P05",
                "--course",
                "巡察网络专题",
                "--date",
                "2026-11-02",
                "--hours",
                "24",
            ],
        ),
        1,
    );
    assert!(
        e.contains("already on record: P05 巡察网络专题 2026-11-02 24 h"),
        "{e}"
    );
    assert!(e.contains("ledger.csv:7"), "{e}");
    assert_eq!(read(dir.path(), "ledger.csv"), after);
}

#[test]
fn add_refuses_bad_records_and_writes_nothing() {
    let dir = fixture();
    let before = read(dir.path(), "ledger.csv");
    let add = |args: &[&str]| {
        let mut all = vec!["training", "add", "small.yaml"];
        all.extend_from_slice(args);
        run_in(dir.path(), &all)
    };
    let e = fails(
        &add(&[
            "--person",
            "Q01",
            "--course",
            "c",
            "--date",
            "2099-01-01",
            "--hours",
            "0",
        ]),
        1,
    );
    assert!(e.contains("Q01 (周杰) is not in the pool"), "{e}");
    assert!(e.contains("hours 0 must be more than 0"), "{e}");
    assert!(e.contains("date 2099-01-01 is in the future"), "{e}");
    assert!(e.contains("--planned"), "{e}");
    let e = fails(
        &add(&[
            "--person",
            "李强",
            "--course",
            "c",
            "--date",
            "2026-01-05",
            "--hours",
            "2",
        ]),
        1,
    );
    assert!(e.contains("ambiguous"), "{e}");
    assert!(e.contains("--person P03 or --person P06"), "{e}");
    let e = fails(
        &add(&[
            "--person",
            "P99",
            "--course",
            "c",
            "--date",
            "2026-01-05",
            "--hours",
            "2",
        ]),
        1,
    );
    assert!(e.contains("no person is named “P99”"), "{e}");
    fails(
        &add(&[
            "--person",
            "P01",
            "--course",
            "c",
            "--date",
            "2026-02-30",
            "--hours",
            "2",
        ]),
        2,
    );
    fails(
        &add(&[
            "--person",
            "P01",
            "--course",
            "c",
            "--date",
            "2026-01-05",
            "--hours",
            "2",
            "--kind",
            "飞行",
        ]),
        2,
    );
    assert_eq!(read(dir.path(), "ledger.csv"), before);

    // A course still to come is accepted with --planned (and --dry-run writes nothing).
    let planned = [
        "--person",
        "P05",
        "--course",
        "2099年专训",
        "--date",
        "2099-04-10",
        "--hours",
        "40",
        "--planned",
    ];
    let mut dry = planned.to_vec();
    dry.push("--dry-run");
    let out = ok(&add(&dry));
    assert!(
        out.starts_with("would add (dry run, nothing written) to ledger.csv:7"),
        "{out}"
    );
    assert_eq!(read(dir.path(), "ledger.csv"), before);
    ok(&add(&planned));
    assert_ne!(read(dir.path(), "ledger.csv"), before);
}

#[test]
fn add_without_a_ledger_creates_one_and_registers_it() {
    let dir = fixture();
    let yaml = std::fs::read_to_string(dir.path().join("small.yaml"))
        .unwrap()
        .replace("  files: [ledger.csv]\n", "");
    std::fs::write(dir.path().join("small.yaml"), &yaml).unwrap();
    ok(&run_in(
        dir.path(),
        &[
            "training",
            "add",
            "small.yaml",
            "--person",
            "P05",
            "--course",
            "c",
            "--date",
            "2026-01-05",
            "--hours",
            "2",
        ],
    ));
    // The ledger is created and registered in the scenario, whose other
    // lines stay as they were.
    let after = std::fs::read_to_string(dir.path().join("small.yaml")).unwrap();
    assert!(after.contains("small-training.csv"), "{after}");
    let kept: Vec<&str> = yaml
        .lines()
        .filter(|l| !after.lines().any(|a| a == *l))
        .collect();
    assert!(kept.len() <= 1, "lines changed: {kept:?}");
    let ledger = std::fs::read_to_string(dir.path().join("small-training.csv")).unwrap();
    assert!(
        ledger.contains("P05") && ledger.contains("2026-01-05"),
        "{ledger}"
    );
    let s = xuncha::scenario::load(&dir.path().join("small.yaml")).unwrap();
    assert!(s.training.records.iter().any(|r| r.course == "c"));
}

#[test]
fn add_creates_a_declared_ledger_that_does_not_exist_yet() {
    let dir = fixture();
    let yaml = std::fs::read_to_string(dir.path().join("small.yaml"))
        .unwrap()
        .replace(
            "files: [ledger.csv]",
            "files: [ledger.csv, records/2027.csv]",
        );
    std::fs::write(dir.path().join("small.yaml"), yaml).unwrap();
    std::fs::create_dir(dir.path().join("records")).unwrap();
    let out = ok(&run_in(
        dir.path(),
        &[
            "training",
            "add",
            "small.yaml",
            "--ledger",
            "records/2027.csv",
            "--person",
            "P05",
            "--course",
            "补训",
            "--date",
            "2026-11-02",
            "--hours",
            "24",
        ],
    ));
    assert!(
        out.starts_with("added to records/2027.csv:2 (new file)"),
        "{out}"
    );
    let text = std::fs::read_to_string(dir.path().join("records/2027.csv")).unwrap();
    assert_eq!(
        text,
        "\u{feff}编号,姓名,课程,日期,学时,类型,结果\nP05,陈静,补训,2026-11-02,24,,\n"
    );
    let doc = json_of(&run_in(
        dir.path(),
        &["training", "report", "small.yaml", "--format", "json"],
    ));
    assert_eq!(person(&doc, "P05")["compliant"], true);
}

#[test]
fn add_matches_a_crlf_english_ledger() {
    let dir = fixture();
    std::fs::write(
        dir.path().join("ledger.csv"),
        "person,course,date,hours,notes\r\nP02,annual course,2026-04-10,40,\"kept, by hand\"\r\n",
    )
    .unwrap();
    ok(&run_in(
        dir.path(),
        &[
            "training",
            "add",
            "small.yaml",
            "--person",
            "P03",
            "--course",
            "annual course",
            "--date",
            "2026-04-10",
            "--hours",
            "40",
        ],
    ));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("ledger.csv")).unwrap(),
        "person,course,date,hours,notes\r\nP02,annual course,2026-04-10,40,\"kept, by hand\"\r\nP03,annual course,2026-04-10,40,\r\n"
    );
    // No kind column: a kind cannot be written, so nothing is.
    let e = fails(
        &run_in(
            dir.path(),
            &[
                "training",
                "add",
                "small.yaml",
                "--person",
                "P04",
                "--course",
                "c",
                "--date",
                "2026-04-10",
                "--hours",
                "4",
                "--kind",
                "online",
            ],
        ),
        1,
    );
    assert!(e.contains("no 类型/kind column"), "{e}");
}

// ------------------------------------------------------------------ import

const IMPORT_HEADER: &str = "序号,姓名,编号,培训课程,培训日期,学时(小时),培训类型,考核结果\r\n";

#[test]
fn import_with_one_bad_row_writes_nothing() {
    let dir = fixture();
    let before = read(dir.path(), "ledger.csv");
    let rows = format!(
        "{IMPORT_HEADER}\
1,张伟,P01,市委巡察办实战练兵,2026/6/1,24,实战历练,合格\r\n\
2,王芳,P02,省委巡视办顶岗历练,2026年7月3日,48,顶岗历练,优秀\r\n\
3,李强,P03,网络专题,2026-13-01,8,网络培训,合格\r\n\
4,陈静,P05,轮前培训,2026-10-01,8,轮前培训,合格\r\n"
    );
    std::fs::write(dir.path().join("台账.csv"), gbk(&rows)).unwrap();
    let e = fails(
        &run_in(
            dir.path(),
            &["training", "import", "small.yaml", "台账.csv"],
        ),
        1,
    );
    assert_eq!(
        e,
        "error: 台账.csv:4:15: training record of P03: “2026-13-01” is not a date (write it YYYY-MM-DD, e.g. 2026-04-10)\nnothing was written\n"
    );
    assert_eq!(read(dir.path(), "ledger.csv"), before, "nothing written");
}

#[test]
fn import_reports_every_bad_row_with_its_line() {
    let dir = fixture();
    let rows = "姓名,课程,日期,学时\n\
李强,网络专题,2026-08-01,8\n\
张伟,,2026-08-01,8\n\
无名氏,网络专题,2026-08-01,8\n\
王芳,网络专题,2026-08-01,abc\n\
王芳,2026年度巡察业务专训,2026-04-10,40\n\
刘洋,巡察业务,2099-01-01,8\n";
    std::fs::write(dir.path().join("in.csv"), rows).unwrap();
    let e = fails(
        &run_in(dir.path(), &["training", "import", "small.yaml", "in.csv"]),
        1,
    );
    let lines: Vec<&str> = e.lines().collect();
    assert_eq!(lines.len(), 7, "{e}");
    assert!(
        lines[0].starts_with(
            "error: in.csv:2:1: training record of 李强: the name “李强” is ambiguous"
        ),
        "{e}"
    );
    assert!(
        lines[1].starts_with("in.csv:3:4: training record of 张伟: empty course"),
        "{e}"
    );
    assert!(
        lines[2].starts_with("in.csv:4:1: training record of 无名氏: no person is named"),
        "{e}"
    );
    assert!(
        lines[3].starts_with("in.csv:5:20: training record of 王芳: 学时 “abc”"),
        "{e}"
    );
    assert!(
        lines[4].starts_with("in.csv:6:1: training record of P02: already on record"),
        "{e}"
    );
    assert!(
        lines[5]
            .starts_with("in.csv:7:9: training record of P04: date 2099-01-01 is in the future"),
        "{e}"
    );
    assert_eq!(lines[6], "in.csv: 6 problems; nothing was written");
}

#[test]
fn import_gbk_with_chinese_headers_appends_in_the_ledgers_columns() {
    let dir = fixture();
    let before = read(dir.path(), "ledger.csv");
    let rows = format!(
        "{IMPORT_HEADER}\
1,张伟,P01,市委巡察办实战练兵,2026/6/1,24,实战历练,合格\r\n\
2,王芳,,省委巡视办顶岗历练,2026年7月3日,48,顶岗历练,优秀\r\n\
\r\n\
3,陈静,P05,网络专题,2026-08-01,8,网络培训,不合格\r\n"
    );
    std::fs::write(dir.path().join("台账.csv"), gbk(&rows)).unwrap();
    let out = ok(&run_in(
        dir.path(),
        &["training", "import", "small.yaml", "台账.csv"],
    ));
    assert_eq!(
        out,
        "imported 3 records from 台账.csv (GBK) into ledger.csv (lines 7–9)\n"
    );
    let after = read(dir.path(), "ledger.csv");
    assert!(after.starts_with(&before));
    assert_eq!(
        String::from_utf8(after[before.len()..].to_vec()).unwrap(),
        "P01,张伟,市委巡察办实战练兵,2026-06-01,24,实战历练,合格,\n\
P02,王芳,省委巡视办顶岗历练,2026-07-03,48,实战历练,优秀,\n\
P05,陈静,网络专题,2026-08-01,8,网络培训,不合格,\n"
    );
    // The failed course does not count: 陈静 is still short.
    let doc = json_of(&run_in(
        dir.path(),
        &["training", "report", "small.yaml", "--format", "json"],
    ));
    assert_eq!(person(&doc, "P05")["hours"], 16);
    // Importing the same file again: every row is a duplicate.
    let e = fails(
        &run_in(
            dir.path(),
            &["training", "import", "small.yaml", "台账.csv"],
        ),
        1,
    );
    assert_eq!(e.matches("already on record").count(), 3, "{e}");
    assert_eq!(read(dir.path(), "ledger.csv"), after);
}

#[test]
fn import_utf8_with_bom_and_english_headers() {
    let dir = fixture();
    let mut bytes = b"\xef\xbb\xbf".to_vec();
    bytes.extend_from_slice(
        b"Person,Course,Date,Hours,Kind\nP05,Make-up course,2026-11-02,24,online\n",
    );
    std::fs::write(dir.path().join("in.csv"), bytes).unwrap();
    let out = ok(&run_in(
        dir.path(),
        &["training", "import", "small.yaml", "in.csv", "--dry-run"],
    ));
    assert!(
        out.starts_with(
            "would import (dry run, nothing written) 1 records from in.csv (UTF-8 with BOM)"
        ),
        "{out}"
    );
    let out = ok(&run_in(
        dir.path(),
        &["training", "import", "small.yaml", "in.csv"],
    ));
    assert!(out.contains("into ledger.csv (line 7)"), "{out}");
    let doc = json_of(&run_in(
        dir.path(),
        &["training", "report", "small.yaml", "--format", "json"],
    ));
    assert_eq!(person(&doc, "P05")["compliant"], true);
}

#[test]
fn import_refuses_a_file_without_the_needed_columns() {
    let dir = fixture();
    std::fs::write(
        dir.path().join("in.csv"),
        "姓名,课时,日期\n张伟,8,2026-01-01\n",
    )
    .unwrap();
    let e = fails(
        &run_in(dir.path(), &["training", "import", "small.yaml", "in.csv"]),
        1,
    );
    assert!(e.starts_with("error: in.csv:1:1: header: the header has no 课程/course, 学时/hours column (found: 姓名, 课时, 日期)"), "{e}");
    std::fs::write(dir.path().join("in.csv"), b"\xff\xfe\x00\x00").unwrap();
    let e = fails(
        &run_in(dir.path(), &["training", "import", "small.yaml", "in.csv"]),
        1,
    );
    assert!(e.contains("UTF-16"), "{e}");
}

// ---------------------------------------------------------- check and plan

fn groups_members(doc: &Value) -> Vec<String> {
    doc["groups"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|g| g["members"].as_array().unwrap().iter())
        .map(|m| m.as_str().unwrap().to_string())
        .collect()
}

#[test]
fn check_lists_people_short_of_training_with_the_hours_missing() {
    let dir = fixture();
    let out = ok(&run_in(dir.path(), &["check", "small.yaml"]));
    assert!(
        out.contains("training   40 h within 365 days before 2027-03-01: 5 compliant, 1 short"),
        "{out}"
    );
    assert!(
        out.contains("P05     陈静  short of training: 16 of 40 h (24 h missing)"),
        "{out}"
    );
}

#[test]
fn plan_never_seats_someone_short_of_training() {
    let dir = fixture();
    let doc = json_of(&run_in(
        dir.path(),
        &["plan", "small.yaml", "--format", "json"],
    ));
    let members = groups_members(&doc);
    assert!(members.len() >= 4, "{doc}");
    assert!(!members.contains(&"P05".to_string()), "{doc}");

    // tiny.yaml: P08 is 8 h short.
    let out = util::xuncha(&["plan", "scenarios/tiny.yaml", "--format", "json"]);
    let doc: Value = serde_json::from_str(&util::stdout(&out)).unwrap();
    assert!(!groups_members(&doc).contains(&"P08".to_string()), "{doc}");
}

#[test]
fn plan_and_check_apply_the_leader_course_and_grace_period() {
    let dir = fixture();
    let yaml = std::fs::read_to_string(dir.path().join("small.yaml"))
        .unwrap()
        .replace(
            "requirement: {hours: 40, within_days: 365}",
            "requirement: {hours: 40, within_days: 365, leader_course: 组长专题培训, grace_days: 90}",
        )
        .replace(
            "  - {id: Q01, name: 周杰}",
            "  - {id: P07, name: 黄丽, pool: true, leader: true, skills: [audit]}\n  - {id: P08, name: 吴刚, pool: true, skills: [audit], pool_since: 2027-01-20}\n  - {id: Q01, name: 周杰}",
        )
        .replace(
            "  records:\n",
            "  records:\n    - {person: P07, course: 2026年巡察组长专题培训, date: 2026-06-01, hours: 40}\n",
        );
    std::fs::write(dir.path().join("small.yaml"), yaml).unwrap();
    // P01 and P02 lead but lack the course; P07 has it; P08 is new (grace).
    let out = ok(&run_in(dir.path(), &["check", "small.yaml"]));
    assert!(
        out.contains("P01     张伟  no counting record of the leader course “组长专题培训”"),
        "{out}"
    );
    assert!(!out.contains("P08 "), "{out}");
    let out = run_in(dir.path(), &["plan", "small.yaml", "--format", "json"]);
    fails(&out, 3);
    let doc: Value = serde_json::from_str(&util::stdout(&out)).unwrap();
    // Two groups need two leaders; only P07 qualifies.
    assert_eq!(doc["status"], "infeasible", "{doc}");
    assert!(
        doc["diagnosis"][0].as_str().unwrap().contains("张伟 (P01)"),
        "{doc}"
    );

    let yaml = std::fs::read_to_string(dir.path().join("small.yaml"))
        .unwrap()
        .replace("  groups: 2\n", "  groups: 1\n")
        .replace("units: [D01, D02]", "units: [D01]");
    std::fs::write(dir.path().join("small.yaml"), yaml).unwrap();
    let doc = json_of(&run_in(
        dir.path(),
        &["plan", "small.yaml", "--format", "json"],
    ));
    let members = groups_members(&doc);
    assert_eq!(doc["groups"][0]["leader"], "P07", "{doc}");
    for out in ["P01", "P02", "P05"] {
        assert!(!members.contains(&out.to_string()), "{out} seated: {doc}");
    }
    let report = json_of(&run_in(
        dir.path(),
        &["training", "report", "small.yaml", "--format", "json"],
    ));
    assert_eq!(person(&report, "P08")["grace_until"], "2027-04-20");
    assert_eq!(person(&report, "P08")["compliant"], true);
    assert_eq!(person(&report, "P01")["missing_course"], "组长专题培训");
}

/// `why` once said "short of training (48 of 40 h)" of a leader with hours
/// enough who lacks the leader course, while `check` named the course: the
/// one renderer (report/exclusion.rs) now names the course everywhere.
#[test]
fn a_leader_without_the_leader_course_is_described_by_the_course_not_hours() {
    let dir = fixture();
    let yaml = std::fs::read_to_string(dir.path().join("small.yaml"))
        .unwrap()
        .replace(
            "requirement: {hours: 40, within_days: 365}",
            "requirement: {hours: 40, within_days: 365, leader_course: 组长专题培训}",
        )
        .replace(
            "  - {id: Q01, name: 周杰}",
            "  - {id: P07, name: 黄丽, pool: true, leader: true, skills: [audit]}\n  - {id: Q01, name: 周杰}",
        )
        .replace(
            "  records:\n",
            "  records:\n    - {person: P07, course: 2026年巡察组长专题培训, date: 2026-06-01, hours: 40}\n",
        )
        .replace("  groups: 2\n", "  groups: 1\n")
        .replace("units: [D01, D02]", "units: [D01]");
    std::fs::write(dir.path().join("small.yaml"), yaml).unwrap();
    let plan = ok(&run_in(
        dir.path(),
        &["plan", "small.yaml", "--format", "json", "-o", "plan.json"],
    ));
    assert!(plan.is_empty(), "{plan}");
    for (lang, course, hours) in [
        (
            "en",
            "no counting record of the leader course “组长专题培训”",
            "short of training",
        ),
        ("zh", "没有计入的组长培训课程“组长专题培训”记录", "学时不足"),
    ] {
        let lang = format!("--lang={lang}");
        for args in [
            vec!["check", "small.yaml", &lang],
            vec!["why", "small.yaml", "plan.json", "--person", "P01", &lang],
        ] {
            let out = ok(&run_in(dir.path(), &args));
            // `check` lists P01 on the course's line; `why` is about P01.
            let line = out
                .lines()
                .find(|l| l.contains(course) && (args[0] == "why" || l.contains("P01")))
                .unwrap_or_else(|| panic!("{args:?}: no course for P01 in:\n{out}"));
            assert!(!line.contains(hours), "{args:?}: {line}");
        }
    }
}

#[test]
fn the_sample_county_includes_a_csv_ledger() {
    let s = xuncha::scenario::load(&util::file("scenarios/qingshan.yaml"))
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(s.training.files.len(), 1);
    assert!(s.training.records.iter().any(|r| r.origin.file == Some(0)));
}

#[cfg(unix)]
#[test]
fn add_writes_through_a_symlinked_ledger() {
    let dir = fixture();
    std::fs::create_dir(dir.path().join("shared")).unwrap();
    std::fs::rename(
        dir.path().join("ledger.csv"),
        dir.path().join("shared/ledger.csv"),
    )
    .unwrap();
    std::os::unix::fs::symlink("shared/ledger.csv", dir.path().join("ledger.csv")).unwrap();
    ok(&run_in(
        dir.path(),
        &[
            "training",
            "add",
            "small.yaml",
            "--person",
            "P05",
            "--course",
            "补训",
            "--date",
            "2026-11-02",
            "--hours",
            "24",
        ],
    ));
    let link = std::fs::symlink_metadata(dir.path().join("ledger.csv")).unwrap();
    assert!(link.file_type().is_symlink(), "the link stays a link");
    let text = std::fs::read_to_string(dir.path().join("shared/ledger.csv")).unwrap();
    assert!(text.ends_with("P05,陈静,补训,2026-11-02,24,,,\n"), "{text}");
}
