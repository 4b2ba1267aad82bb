//! The roster lifecycle: pins, commit, repair, replace and why, on the
//! small county of tests/data/lifecycle/small.yaml and its plan.json.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use xuncha::lifecycle::{
    self, commit, diff, history_edit, pins_file, repair, settle, ScenarioFile,
};
use xuncha::roster_check;
use xuncha::scenario::{Group, Round};
use xuncha::solver::{Pins, Status};
use xuncha::{PersonIx, Scenario, UnitIx};

use crate::util::{file, stderr, stdout, xuncha};

const SMALL: &str = "tests/data/lifecycle/small.yaml";
const PLAN: &str = "tests/data/lifecycle/plan.json";

fn small() -> Scenario {
    xuncha::scenario::load(&file(SMALL)).unwrap_or_else(|e| panic!("{e}"))
}

fn p(s: &Scenario, id: &str) -> PersonIx {
    s.person_ix(id).unwrap_or_else(|| panic!("no person {id}"))
}

fn u(s: &Scenario, id: &str) -> UnitIx {
    s.unit_ix(id).unwrap_or_else(|| panic!("no unit {id}"))
}

/// The stored plan's roster.
fn plan_groups(s: &Scenario) -> Vec<Group> {
    let plan = lifecycle::plan_file::PlanFile::read(&file(PLAN)).unwrap();
    plan.roster(s, s.round.as_ref().unwrap()).unwrap()
}

/// A temporary copy of the small scenario (and of the plan next to it).
fn workspace() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let scenario = dir.path().join("small.yaml");
    let plan = dir.path().join("plan.json");
    std::fs::copy(file(SMALL), &scenario).unwrap();
    std::fs::copy(file(PLAN), &plan).unwrap();
    (dir, scenario, plan)
}

fn run(args: &[&str]) -> (i32, String, String) {
    let o = xuncha(args);
    (o.status.code().unwrap_or(-1), stdout(&o), stderr(&o))
}

/// `text` with `dir` written as `<tmp>`.
fn tmp(text: &str, dir: &Path) -> String {
    text.replace(&dir.display().to_string(), "<tmp>")
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

// ---------------------------------------------------------------- pins

#[test]
fn plan_keeps_the_pins_of_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let pins = dir.path().join("pins.yaml");
    std::fs::write(
        &pins,
        "# the office's decisions\nleads: [{person: P01, unit: T01}]\nserves: [{person: P04, unit: T01}]\nsits_out: [P10]\ntogether: [[T02, D01]]\n",
    )
    .unwrap();
    let (code, out, err) = run(&["plan", SMALL, "--pin", s(&pins), "--format", "json"]);
    assert_eq!((code, err.as_str()), (0, ""));
    let plan: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(plan["objective"]["total"], 15);
    assert_eq!(
        plan["groups"],
        serde_json::json!([
            {"leader": "P01", "members": ["P01", "P04", "P08"], "units": ["T01"], "villages": ["T01-V01", "T01-V02"]},
            {"leader": "P02", "members": ["P02", "P03", "P07"], "units": ["T02", "D01"], "villages": ["T02-V01", "T02-V02"]}
        ])
    );
}

#[test]
fn pins_file_resolves_to_the_solver_pins() {
    let s = small();
    let pins = pins_file::parse(
        "leads: [{person: P01, unit: T01}]\nserves:\n  - {person: P04, unit: T01}\nsits_out: [P10, P10]\ntogether: [[T01, T02, D01]]\n",
        "pins.yaml",
        &s,
    )
    .unwrap();
    assert_eq!(
        pins,
        Pins {
            leads: vec![(p(&s, "P01"), u(&s, "T01"))],
            serves: vec![(p(&s, "P04"), u(&s, "T01"))],
            sits_out: vec![p(&s, "P10")],
            together: vec![(u(&s, "T01"), u(&s, "T02")), (u(&s, "T01"), u(&s, "D01"))],
        }
    );
    // Comments only: no pins.
    assert_eq!(
        pins_file::parse("# nothing yet\n", "pins.yaml", &s).unwrap(),
        Pins::default()
    );
}

#[test]
fn bad_pins_are_reported_with_their_lines() {
    let dir = tempfile::tempdir().unwrap();
    let pins = dir.path().join("pins.yaml");
    std::fs::write(
        &pins,
        "leads: [{person: P99, unit: T01}]\nserves:\n  - {person: P04, unit: T01-V01}\nsits_out: [T01]\ntogether: [[T01]]\n",
    )
    .unwrap();
    let (code, out, err) = run(&["plan", SMALL, "--pin", s(&pins)]);
    assert_eq!((code, out.as_str()), (1, ""));
    assert_eq!(
        tmp(&err, dir.path()),
        "error: <tmp>/pins.yaml:1:18: pin leads[1]: unknown person \"P99\" (did you mean P09? known: P01, P02, P03, P04, P05, P06, P07, P08, P09, P10)\n\
         <tmp>/pins.yaml:3:25: pin serves[1]: \"T01-V01\" is a village, not a unit (name its township T01)\n\
         <tmp>/pins.yaml:4:12: pin sits_out: \"T01\" is a unit, not a person\n\
         <tmp>/pins.yaml:5:12: pin together[1]: lists 1 unit(s); `together` joins two or more (write e.g. [T01, D04])\n\
         <tmp>/pins.yaml: 4 problems\n"
    );
    std::fs::write(&pins, "leds: []\n").unwrap();
    let (code, _, err) = run(&["plan", SMALL, "--pin", s(&pins)]);
    assert_eq!(code, 1);
    assert_eq!(
        tmp(&err, dir.path()),
        "error: <tmp>/pins.yaml:1:1: unknown field `leds` (did you mean `leads`? expected one of `leads`, `serves`, `sits_out`, `together`)\n"
    );
}

#[test]
fn impossible_pins_make_the_round_infeasible() {
    // 张伟 may not lead 县财政局 (L2 via classmate 孙建).
    let dir = tempfile::tempdir().unwrap();
    let pins = dir.path().join("pins.yaml");
    std::fs::write(&pins, "leads: [{person: P01, unit: D01}]\n").unwrap();
    let (code, out, _) = run(&["plan", SMALL, "--pin", s(&pins), "--format", "json"]);
    assert_eq!(code, 3);
    let plan: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(plan["status"], "infeasible");
    assert_eq!(
        plan["diagnosis"][0],
        "pin \"张伟 (P01) leads the group holding 县财政局 (D01)\": conflicts with 县财政局 (L2 via classmate 孙建)"
    );
}

#[test]
fn plan_keeps_a_partial_plan() {
    let dir = tempfile::tempdir().unwrap();
    let partial = dir.path().join("partial.json");
    std::fs::write(
        &partial,
        r#"{"groups": [{"leader": "P01", "units": ["T01"]}, {"members": ["P05"], "units": ["D01"]}]}"#,
    )
    .unwrap();
    let (code, out, err) = run(&["plan", SMALL, "--pin-plan", s(&partial), "--format", "json"]);
    assert_eq!((code, err.as_str()), (0, ""));
    let plan: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(plan["objective"]["total"], 14);
    assert_eq!(plan["groups"][0]["leader"], "P01");
    assert_eq!(plan["groups"][0]["units"], serde_json::json!(["T01"]));
    let g2 = &plan["groups"][1];
    assert!(g2["units"]
        .as_array()
        .unwrap()
        .contains(&serde_json::json!("D01")));
    assert!(g2["members"]
        .as_array()
        .unwrap()
        .contains(&serde_json::json!("P05")));
}

#[test]
fn partial_plan_problems_name_the_line() {
    let dir = tempfile::tempdir().unwrap();
    let partial = dir.path().join("partial.json");
    std::fs::write(
        &partial,
        "{\n  \"round\": \"2026-R9\",\n  \"groups\": [\n    {\"leader\": \"P01\"},\n    {\"members\": [\"P05\", \"Q9\"], \"units\": [\"T01-V02\"]}\n  ]\n}\n",
    )
    .unwrap();
    let (code, _, err) = run(&["plan", SMALL, "--pin-plan", s(&partial)]);
    assert_eq!(code, 1);
    assert_eq!(
        tmp(&err, dir.path()),
        "error: <tmp>/partial.json:2:12: plan: the plan is for round 2026-R9 but the scenario's round is 2027-R1 (plan the scenario's round, or give the scenario the plan was made for)\n\
         <tmp>/partial.json:4:5: group 1: the group names no unit (pins are anchored to units: give each group of a partial plan at least one unit)\n\
         <tmp>/partial.json:5:25: group 2: unknown person \"Q9\" (known: P01, P02, P03, P04, P05, P06, P07, P08, P09, P10)\n\
         <tmp>/partial.json:5:42: group 2: \"T01-V02\" is a village, not a unit (name its township T01)\n\
         <tmp>/partial.json: 4 problems\n"
    );
}

// ---------------------------------------------------------------- plan files

#[test]
fn plan_file_problems_are_reported() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan.json");
    std::fs::write(
        &plan,
        "{\"format\": 1, \"round\": \"2027-R1\",\n \"groups\": [}\n",
    )
    .unwrap();
    let (code, _, err) = run(&["why", SMALL, s(&plan), "--person", "P01"]);
    assert_eq!(code, 1);
    assert_eq!(
        tmp(&err, dir.path()),
        "error: <tmp>/plan.json:2:13: not JSON: expected value (a plan file is the JSON that `xuncha plan --format json` prints)\n"
    );
    let text = std::fs::read_to_string(file(PLAN))
        .unwrap()
        .replace("\"P08\"", "\"P88\"")
        .replace("\"status\": \"optimal\"", "\"status\": \"infeasible\"");
    std::fs::write(&plan, text).unwrap();
    let (code, _, err) = run(&["why", SMALL, s(&plan), "--person", "P01"]);
    assert_eq!(code, 1);
    assert_eq!(
        tmp(&err, dir.path()),
        "error: <tmp>/plan.json:4:13: plan: the plan is infeasible: it holds no roster (relax the round as its `diagnosis` says and plan again)\n\
         <tmp>/plan.json:18:9: group 1: unknown person \"P88\" (did you mean P08? known: P01, P02, P03, P04, P05, P06, P07, P08, P09, P10)\n\
         <tmp>/plan.json: 2 problems\n"
    );
}

// ---------------------------------------------------------------- commit

const ENTRY: &str = "  - round: 2027-R1
    start: 2027-03-01
    end: 2027-05-15
    groups:
      - {leader: P02, members: [P02, P07, P08], units: [T01], villages: [T01-V01, T01-V02]}
      - {leader: P03, members: [P03, P06, P10], units: [T02, D01], villages: [T02-V01, T02-V02]}
";

#[test]
fn commit_appends_the_roster_and_leaves_every_other_byte() {
    let (dir, scenario, plan) = workspace();
    let old = std::fs::read_to_string(&scenario).unwrap();
    let (code, out, err) = run(&["commit", s(&scenario), s(&plan)]);
    assert_eq!((code, err.as_str()), (0, ""));
    assert_eq!(
        tmp(&out, dir.path()),
        "committed round 2027-R1 to <tmp>/small.yaml: 2 groups, 6 members, history entry 2 (lines 63-68)\n\
         `repair`, `replace`, `why` and `commit --replace` still work on round 2027-R1\n"
    );
    let new = std::fs::read_to_string(&scenario).unwrap();
    // The entry sits right after the last history item, before the
    // comment that introduces `round`; everything else is untouched.
    let lines: Vec<&str> = old.split_inclusive('\n').collect();
    let expected = format!("{}{ENTRY}{}", lines[..62].concat(), lines[62..].concat());
    assert_eq!(new, expected);
    assert!(new.contains("# confirmed 2026-10-31\n") && new.contains("# L1: may not lead 青山镇"));
    // No temporary file is left behind.
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");
    // The committed file reads back with the round set aside.
    let sf = ScenarioFile::read(&scenario).unwrap();
    let c = sf.committed.as_ref().unwrap();
    assert_eq!((c.index, c.round.id.as_str()), (1, "2027-R1"));
    assert_eq!(sf.scenario.history.len(), 1);
    assert_eq!(c.round.groups, plan_groups(&small()));
}

#[test]
fn commit_refuses_a_round_already_in_history() {
    let (dir, scenario, plan) = workspace();
    assert_eq!(run(&["commit", s(&scenario), s(&plan)]).0, 0);
    let before = std::fs::read(&scenario).unwrap();
    let (code, out, err) = run(&["commit", s(&scenario), s(&plan)]);
    assert_eq!((code, out.as_str()), (1, ""));
    assert_eq!(
        tmp(&err, dir.path()),
        "error: <tmp>/plan.json: cannot commit round 2027-R1:\n  round 2027-R1 is already in the history of <tmp>/small.yaml (entry 2)\n(to publish a changed roster for it, e.g. after `xuncha repair`, add --replace)\n"
    );
    assert_eq!(std::fs::read(&scenario).unwrap(), before);
    // `check` says the round is committed; `plan` asks for the next round.
    let (code, _, err) = run(&["check", s(&scenario)]);
    assert_eq!(code, 0);
    assert_eq!(
        tmp(&err, dir.path()),
        "note: round 2027-R1 of <tmp>/small.yaml is committed (history entry 2); `xuncha round next <tmp>/small.yaml` moves on to the next round\n"
    );
    let (code, _, err) = run(&["plan", s(&scenario)]);
    assert_eq!(code, 1);
    assert!(err.contains("round 2027-R1 is already committed"), "{err}");
}

#[test]
fn commit_refuses_a_plan_that_breaks_rules_now() {
    // Since planning, 黄丽 left the pool and 赵敏 declared a conflict with 青山镇.
    let (dir, scenario, plan) = workspace();
    let text = std::fs::read_to_string(&scenario)
        .unwrap()
        .replace(
            "  - {id: P08, name: 黄丽, pool: true,",
            "  - {id: P08, name: 黄丽, pool: false,",
        )
        .replace(
            "    - {person: P08, unit: T02, reason: 曾在该乡挂职}\n",
            "    - {person: P08, unit: T02, reason: 曾在该乡挂职}\n    - {person: P07, unit: T01, reason: 亲属新任镇长}\n",
        );
    std::fs::write(&scenario, &text).unwrap();
    let (code, out, err) = run(&["commit", s(&scenario), s(&plan)]);
    assert_eq!((code, out.as_str()), (1, ""));
    assert_eq!(
        tmp(&err, dir.path()),
        "error: <tmp>/plan.json: cannot commit round 2027-R1:\n\
         \x20 H3     黄丽 (P08) in group 1 is not in the pool (pool: false).\n\
         \x20 H6     赵敏 (P07) may not inspect 青山镇 (T01) in group 1 [R5 declared]: 赵敏 declared a conflict: 亲属新任镇长.\n\
         (it breaks rules against the scenario as it is now; `xuncha repair` with <tmp>/plan.json re-plans with the fewest changes)\n"
    );
    assert_eq!(std::fs::read_to_string(&scenario).unwrap(), text);
}

#[test]
fn commit_refuses_a_plan_for_another_round() {
    let (dir, scenario, plan) = workspace();
    let text = std::fs::read_to_string(&plan)
        .unwrap()
        .replace("2027-R1", "2027-R2");
    std::fs::write(&plan, text).unwrap();
    let (code, _, err) = run(&["commit", s(&scenario), s(&plan)]);
    assert_eq!(code, 1);
    assert_eq!(
        tmp(&err, dir.path()),
        "error: <tmp>/plan.json was planned for round 2027-R2, but the round of <tmp>/small.yaml is 2027-R1: refused (plan the scenario's round, or give the scenario the plan was made for)\n"
    );
}

#[test]
fn commit_replace_publishes_a_repaired_roster() {
    let (dir, scenario, plan) = workspace();
    let old = std::fs::read_to_string(&scenario).unwrap();
    assert_eq!(run(&["commit", s(&scenario), s(&plan)]).0, 0);
    // 黄丽 falls ill after publication.
    let (code, json, _) = run(&[
        "repair",
        s(&scenario),
        s(&plan),
        "--drop",
        "P08",
        "--format",
        "json",
    ]);
    assert_eq!(code, 0);
    let repaired = dir.path().join("repaired.json");
    std::fs::write(&repaired, &json).unwrap();
    // Without --replace the round is refused: it is already in history.
    let (code, _, err) = run(&["commit", s(&scenario), s(&repaired)]);
    assert_eq!(code, 1, "{err}");
    let (code, out, err) = run(&["commit", s(&scenario), s(&repaired), "--replace"]);
    assert_eq!((code, err.as_str()), (0, ""));
    assert_eq!(
        tmp(&out, dir.path()),
        "replaced the history entry of round 2027-R1 in <tmp>/small.yaml: 2 groups, 6 members (lines 63-68)\n"
    );
    let lines: Vec<&str> = old.split_inclusive('\n').collect();
    let entry = ENTRY.replace("members: [P02, P07, P08]", "members: [P02, P04, P07]");
    assert_eq!(
        std::fs::read_to_string(&scenario).unwrap(),
        format!("{}{entry}{}", lines[..62].concat(), lines[62..].concat())
    );
    let (code, out, _) = run(&["commit", s(&scenario), s(&repaired), "--replace"]);
    assert_eq!(code, 0);
    assert_eq!(
        tmp(&out, dir.path()),
        "round 2027-R1 is already committed with this roster; <tmp>/small.yaml is unchanged\n"
    );
}

/// The small scenario with its `history:` section replaced by `history`
/// (absent when empty), and what `commit` must make of it.
fn shaped(history: &str) -> String {
    let text = std::fs::read_to_string(file(SMALL)).unwrap();
    let start = text.find("history:\n").unwrap();
    let end = text.find("# The round to plan.").unwrap();
    format!("{}{history}{}", &text[..start], &text[end..])
}

fn prepare(text: &str) -> Result<(String, commit::CommitReport), String> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.yaml");
    std::fs::write(&path, text).unwrap();
    let sf = ScenarioFile::read(&path).map_err(|e| e.to_string())?;
    let plan = lifecycle::plan_file::PlanFile::read(&file(PLAN)).unwrap();
    commit::prepare(&sf, &plan, false).map_err(|e| e.to_string())
}

const OLD_FLOW: &str = "{round: 2026-R2, start: 2026-09-01, end: 2026-10-31, groups: [{leader: P01, members: [P01, P03, P05], units: [T01], villages: [T01-V01, T01-V02]}, {leader: P02, members: [P02, P04, P06], units: [D02]}]}";
const NEW_FLOW: &str = "{round: 2027-R1, start: 2027-03-01, end: 2027-05-15, groups: [{leader: P02, members: [P02, P07, P08], units: [T01], villages: [T01-V01, T01-V02]}, {leader: P03, members: [P03, P06, P10], units: [T02, D01], villages: [T02-V01, T02-V02]}]}";

#[test]
fn commit_handles_every_shape_of_history() {
    let block0 = "history:\n- round: 2026-R2\n  start: 2026-09-01\n  end: 2026-10-31\n  groups:\n  - leader: P01\n    members:\n    - P01\n    - P03\n    - P05\n    units: [T01]\n    villages: [T01-V01, T01-V02]\n  - {leader: P02, members: [P02, P04, P06], units: [D02]}\n\n";
    let entry0 = "- round: 2027-R1\n  start: 2027-03-01\n  end: 2027-05-15\n  groups:\n    - {leader: P02, members: [P02, P07, P08], units: [T01], villages: [T01-V01, T01-V02]}\n    - {leader: P03, members: [P03, P06, P10], units: [T02, D01], villages: [T02-V01, T02-V02]}\n";
    let block2_entry = ENTRY;
    let cases: Vec<(&str, String, String)> = vec![
        // Items at column 0, as serde_yaml writes them; the blank line stays after the entry.
        (
            "block at column 0",
            block0.to_string(),
            block0.replace("\n\n", &format!("\n{entry0}\n")),
        ),
        (
            "flow list",
            format!("history: [{OLD_FLOW}]  # as exported\n"),
            format!("history: [{OLD_FLOW}, {NEW_FLOW}]  # as exported\n"),
        ),
        (
            "multi-line flow list",
            format!("history: [\n  {OLD_FLOW}\n]\n"),
            format!("history: [\n  {OLD_FLOW}, {NEW_FLOW}\n]\n"),
        ),
        (
            "empty flow list",
            "history: []   # none yet\n".to_string(),
            format!("history:   # none yet\n{block2_entry}"),
        ),
        (
            "no value",
            "history:\n".to_string(),
            format!("history:\n{block2_entry}"),
        ),
        ("absent", String::new(), String::new()),
    ];
    for (name, history, expected) in cases {
        let text = shaped(&history);
        let (new, report) = prepare(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        let want = if name == "absent" {
            format!("{text}history:\n{block2_entry}")
        } else {
            shaped(&expected)
        };
        assert_eq!(new, want, "{name}");
        assert!(!report.unchanged, "{name}");
    }
}

#[test]
fn commit_keeps_crlf_and_a_missing_last_newline() {
    let text = std::fs::read_to_string(file(SMALL)).unwrap();
    // CRLF throughout.
    let crlf = text.replace('\n', "\r\n");
    let (new, _) = prepare(&crlf).unwrap();
    let lines: Vec<&str> = crlf.split_inclusive('\n').collect();
    assert_eq!(
        new,
        format!(
            "{}{}{}",
            lines[..62].concat(),
            ENTRY.replace('\n', "\r\n"),
            lines[62..].concat()
        )
    );
    // History last, without a final newline.
    let start = text.find("history:\n").unwrap();
    let end = text.find("# The round to plan.").unwrap();
    let history = &text[start..end];
    let last = format!("{}{}", &text[..start], &text[end..]) + history.trim_end();
    let (new, report) = prepare(&last).unwrap();
    assert_eq!(new, format!("{last}\n{ENTRY}"));
    assert_eq!(report.lines, (74, 79));
}

#[test]
fn commit_replace_in_a_flow_list_behind_a_byte_order_mark() {
    let text = format!(
        "\u{feff}{}",
        shaped(&format!("history: [{OLD_FLOW}, {NEW_FLOW}]\n"))
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.yaml");
    std::fs::write(&path, &text).unwrap();
    let sf = ScenarioFile::read(&path).unwrap();
    assert_eq!(sf.committed.as_ref().map(|c| c.index), Some(1));
    // The repaired roster: 刘洋 for 黄丽.
    let plan = std::fs::read_to_string(file(PLAN)).unwrap().replace(
        "\"P02\",\n        \"P07\",\n        \"P08\"",
        "\"P02\",\n        \"P04\",\n        \"P07\"",
    );
    let plan = lifecycle::plan_file::PlanFile::parse(&plan, "repaired.json").unwrap();
    let (new, report) = commit::prepare(&sf, &plan, true).unwrap();
    assert!(report.replaced);
    assert_eq!(
        new,
        text.replace(
            NEW_FLOW,
            &NEW_FLOW.replace("[P02, P07, P08]", "[P02, P04, P07]")
        )
    );
    assert!(new.starts_with('\u{feff}'));
}

#[test]
fn history_entries_quote_ids_that_would_not_read_back() {
    assert_eq!(history_edit::scalar("2027-R1"), "2027-R1");
    assert_eq!(history_edit::scalar("青山镇"), "青山镇");
    assert_eq!(history_edit::scalar("2027"), "\"2027\"");
    assert_eq!(history_edit::scalar("true"), "\"true\"");
    assert_eq!(history_edit::scalar("a: b"), "\"a: b\"");
    assert_eq!(history_edit::scalar("-x"), "\"-x\"");
}

/// Temporary files `write_atomic` left in `dir`, removed.
fn sweep_temporaries(dir: &Path, keep: &str) -> usize {
    let mut n = 0;
    for e in std::fs::read_dir(dir).unwrap() {
        let e = e.unwrap();
        let name = e.file_name().to_string_lossy().into_owned();
        if name == keep {
            continue;
        }
        // Whatever a kill leaves behind is a temporary file, never the scenario.
        assert!(
            (name.contains(".xuncha-") && name.ends_with(".tmp")) || name.ends_with(".lock"),
            "{name}"
        );
        std::fs::remove_file(e.path()).unwrap();
        n += 1;
    }
    n
}

fn has_temporary(dir: &Path) -> bool {
    std::fs::read_dir(dir).unwrap().any(|e| {
        e.unwrap()
            .file_name()
            .to_string_lossy()
            .contains(".xuncha-")
    })
}

/// A child `xuncha commit`, killed by pid at many moments (some while it
/// writes the temporary file), leaves the old file or the new one, never a
/// torn one.
#[test]
fn a_killed_commit_leaves_the_old_file_or_the_new_one() {
    let dir = tempfile::tempdir().unwrap();
    // A big file: the small county after some 3 MB of comments.
    let text = std::fs::read_to_string(file(SMALL)).unwrap();
    let pad: String = (0..40_000)
        .map(|i| format!("# 巡察工作底稿 padding line {i:06}: keeps the write long enough to be interrupted\n"))
        .collect();
    let big = text.replacen("version: 1\n", &format!("version: 1\n{pad}"), 1);
    let scenario = dir.path().join("big.yaml");
    let plan = file(PLAN);
    // The new file, from an uninterrupted commit.
    std::fs::write(&scenario, &big).unwrap();
    let began = Instant::now();
    let (code, _, err) = run(&["commit", s(&scenario), s(&plan)]);
    let full = began.elapsed();
    assert_eq!(code, 0, "{err}");
    let new = std::fs::read(&scenario).unwrap();
    assert_ne!(new, big.as_bytes());
    let (mut old_seen, mut new_seen, mut mid_write) = (0, 0, 0);
    // Kills at fixed fractions of the uninterrupted run, then kills as soon
    // as the temporary file appears (plus 0..3 ms).
    let plans: Vec<Option<Duration>> = (0..4)
        .map(|k| Some(full.mul_f64(k as f64 / 4.0)))
        .chain((0..6).map(|_| None))
        .collect();
    for (k, at) in plans.iter().enumerate() {
        std::fs::write(&scenario, &big).unwrap();
        let mut child = Command::new(env!("CARGO_BIN_EXE_xuncha"))
            .env("XUNCHA_LANG", "en")
            .args(["commit", s(&scenario), s(&plan)])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        match at {
            Some(d) => std::thread::sleep(*d),
            None => {
                let limit = Instant::now() + full * 3;
                while !has_temporary(dir.path()) && Instant::now() < limit {
                    if child.try_wait().unwrap().is_some() {
                        break;
                    }
                    std::thread::sleep(Duration::from_micros(200));
                }
                std::thread::sleep(Duration::from_millis(k as u64 % 4));
            }
        }
        let _ = child.kill(); // SIGKILL, by pid
        child.wait().unwrap();
        let now = std::fs::read(&scenario).unwrap();
        if now == big.as_bytes() {
            old_seen += 1;
        } else if now == new {
            new_seen += 1;
        } else {
            panic!("kill {k}: the scenario is torn ({} bytes)", now.len());
        }
        mid_write += sweep_temporaries(dir.path(), "big.yaml");
    }
    eprintln!(
        "killed commits: {old_seen} left the old file, {new_seen} the new one; {mid_write} were killed while writing; an uninterrupted commit took {full:?}"
    );
    assert!(
        old_seen > 0,
        "no kill landed before the rename ({new_seen} after)"
    );
    assert!(
        mid_write > 0,
        "no kill landed while the temporary file was written"
    );
}

// ---------------------------------------------------------------- repair

#[test]
fn repair_after_a_drop_prints_the_diff_and_the_plan() {
    let (code, out, err) = run(&["repair", SMALL, PLAN, "--drop", "P08"]);
    assert_eq!((code, err.as_str()), (0, ""));
    assert_eq!(
        out,
        "repair of round 2027-R1: 2 seats change (fewest possible), score 4 → 7
  dropped: 黄丽 (P08) (was in group 1)

changes:
  group 1 (青山镇 (T01)): 黄丽 (P08) leaves; 刘洋 (P04) joins
  group 2 (石桥乡 (T02), 县财政局 (D01)): unchanged

round 2027-R1: optimal (proven), score 7

group 1: 青山镇 (T01), weight 3
  villages: 东坪村 (T01-V01) [poverty], 西坪村 (T01-V02)
  role    person  name  skills                notes
  -------------------------------------------------
  leader  P02     王芳  audit, discipline
  member  P04     刘洋  finance, agriculture
  member  P07     赵敏  audit, agriculture

group 2: 石桥乡 (T02) + 县财政局 (D01), weight 4
  villages: 石桥村 (T02-V01) [hotspot], 河口村 (T02-V02)
  role    person  name  skills              notes
  -----------------------------------------------------------
  leader  P03     李强  audit, agriculture
  member  P06     杨磊  discipline          retired from post
  member  P10     吴霞  audit

score 7 = 10×0 repeat_unit + 2×1 repeat_pair + 1×4 workload + 1×1 balance
  repeat_unit 0
  repeat_pair 1: members who served together before
    group 1: 王芳 (P02) & 刘洋 (P04) met in 2026-R2
  workload 4: earlier rounds served by each member
    group 1: 王芳 (P02) 1 round (2026-R2)
    group 1: 刘洋 (P04) 1 round (2026-R2)
    group 2: 李强 (P03) 1 round (2026-R2)
    group 2: 杨磊 (P06) 1 round (2026-R2)
  balance 1: unit weight per group 3 (group 1), 4 (group 2)

--drop and --add-conflict change only this repair's view of tests/data/lifecycle/small.yaml; record them with --record REASON (or `xuncha pool remove` / `xuncha declare`) so that `commit` and later rounds see them
"
    );
}

#[test]
fn repair_after_a_new_conflict_moves_a_unit() {
    let (code, out, _) = run(&["repair", SMALL, PLAN, "--add-conflict", "P03,T02"]);
    assert_eq!(code, 0);
    let head: Vec<&str> = out.lines().take(6).collect();
    assert_eq!(
        head.join("\n"),
        "repair of round 2027-R1: 4 seats change (fewest possible), score 4 → 9
  new conflict: 李强 (P03) with 石桥乡 (T02) (R5)

changes:
  group 1 (青山镇 (T01), 县财政局 (D01)): 黄丽 (P08) leaves; 刘洋 (P04) joins; takes 县财政局 (D01)
  group 2 (石桥乡 (T02)): 李强 (P03) leaves; 张伟 (P01) joins; leader 李强 (P03) → 张伟 (P01); hands over 县财政局 (D01)
"
        .trim_end()
    );
}

#[test]
fn repair_json_is_exactly_a_plan() {
    let (code, out, _) = run(&["repair", SMALL, PLAN, "--drop", "P08", "--format", "json"]);
    assert_eq!(code, 0);
    let expected = std::fs::read_to_string(file(PLAN))
        .unwrap()
        .replace("\"total\": 4", "\"total\": 7")
        .replace("\"repeat_pair\": 0", "\"repeat_pair\": 1")
        .replace("\"workload\": 3", "\"workload\": 4")
        .replace(
            "\"P02\",\n        \"P07\",\n        \"P08\"",
            "\"P02\",\n        \"P04\",\n        \"P07\"",
        );
    // The plan as FORMAT.md has it, and the stamp of its scenario after it.
    let (plan, stamp) = out.split_once(",\n  \"scenario\"").expect("a stamp");
    assert_eq!(format!("{plan}\n}}\n"), expected);
    assert!(stamp.contains("\"fingerprint\": \"sha256:"), "{stamp}");
}

#[test]
fn repair_that_cannot_be_done_says_why() {
    let (code, out, _) = run(&["repair", SMALL, PLAN, "--drop", "P02,P03"]);
    assert_eq!(code, 3);
    assert!(out.starts_with(
        "repair of round 2027-R1: no roster satisfies every rule with these changes
  dropped: 王芳 (P02) (was in group 1)
  dropped: 李强 (P03) (was in group 2)

round 2027-R1: infeasible: no roster satisfies every rule

why:
  - 2 groups need 2 leaders but only 1 "
    ));
}

#[test]
fn repair_usage_errors() {
    let (code, _, err) = run(&["repair", SMALL, PLAN, "--drop", "P99"]);
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "error: --drop P99: no such person in tests/data/lifecycle/small.yaml (known: P01, P02, P03, P04, P05, P06, P07, P08, P09, P10)\n"
    );
    let (code, _, err) = run(&["repair", SMALL, PLAN, "--add-conflict", "P04"]);
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "error: --add-conflict P04: expected PERSON,UNIT, e.g. --add-conflict P04,T02\n"
    );
    let (code, _, err) = run(&["repair", SMALL, PLAN, "--add-conflict", "P04,T01-V01"]);
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "error: --add-conflict T01-V01: T01-V01 is a village in tests/data/lifecycle/small.yaml; name its township T01\n"
    );
}

/// Every valid roster of `round` in `s` (the department D01 in group 0,
/// which loses nothing: groups are unlabelled), with its objective.
fn every_valid_roster(s: &Scenario, round: &Round) -> Vec<(Vec<Group>, u64)> {
    let pool: Vec<PersonIx> = s.pool().collect();
    let (min, max) = (round.rules.size_min as usize, round.rules.size_max as usize);
    let d01 = u(s, "D01");
    let towns = [u(s, "T01"), u(s, "T02")];
    let villages = |units: &[UnitIx]| -> Vec<xuncha::VillageIx> {
        units
            .iter()
            .flat_map(|t| roster_check::village_selection(s, *t, round.rules.villages_per_township))
            .collect()
    };
    let mut out = Vec::new();
    // Each person: out (0), group 0 (1) or group 1 (2).
    let n = pool.len();
    let mut code = vec![0u8; n];
    loop {
        let g0: Vec<PersonIx> = (0..n).filter(|i| code[*i] == 1).map(|i| pool[i]).collect();
        let g1: Vec<PersonIx> = (0..n).filter(|i| code[*i] == 2).map(|i| pool[i]).collect();
        if (min..=max).contains(&g0.len()) && (min..=max).contains(&g1.len()) {
            for mask in 0..4u8 {
                let mut u0 = vec![d01];
                let mut u1 = Vec::new();
                for (b, t) in towns.iter().enumerate() {
                    if mask & (1 << b) == 0 {
                        u0.push(*t);
                    } else {
                        u1.push(*t);
                    }
                }
                for &l0 in g0.iter().filter(|x| s.person(**x).leader) {
                    for &l1 in g1.iter().filter(|x| s.person(**x).leader) {
                        let groups = vec![
                            Group {
                                leader: l0,
                                members: g0.clone(),
                                units: u0.clone(),
                                villages: villages(&u0),
                            },
                            Group {
                                leader: l1,
                                members: g1.clone(),
                                units: u1.clone(),
                                villages: villages(&u1),
                            },
                        ];
                        if let Ok(b) = roster_check::check(s, round, &groups) {
                            out.push((groups, b.objective.total));
                        }
                    }
                }
            }
        }
        // Next code, base 3.
        let mut i = 0;
        while i < n && code[i] == 2 {
            code[i] = 0;
            i += 1;
        }
        if i == n {
            break;
        }
        code[i] += 1;
    }
    out
}

/// Changed seats, written out again: the seats of both rosters minus twice
/// the people who stay in the group holding their old group's first unit.
fn changed_seats(reference: &[Group], new: &[Group]) -> u64 {
    let seats: usize = reference.iter().chain(new).map(|g| g.members.len()).sum();
    let mut stays = 0;
    for r in reference {
        if let Some(g) = new.iter().find(|g| g.units.contains(&r.units[0])) {
            stays += r.members.iter().filter(|p| g.members.contains(p)).count();
        }
    }
    (seats - 2 * stays) as u64
}

/// The valid rosters of the small scenario's round, computed once.
fn small_valid() -> &'static [(Vec<Group>, u64)] {
    static VALID: std::sync::OnceLock<Vec<(Vec<Group>, u64)>> = std::sync::OnceLock::new();
    VALID.get_or_init(|| {
        let s = small();
        every_valid_roster(&s, s.round.as_ref().unwrap())
    })
}

#[test]
fn repair_changes_no_more_seats_than_an_exhaustive_search() {
    let s = small();
    let round = s.round.clone().unwrap();
    let valid = small_valid();
    assert!(valid.len() > 20, "{} rosters", valid.len());
    let id = |x: &str| p(&s, x);
    let mut references = vec![plan_groups(&s)];
    // A few other valid rosters as published ones.
    for k in [1, valid.len() / 3, valid.len() / 2, valid.len() - 1] {
        references.push(valid[k].0.clone());
    }
    let mut cases: Vec<(usize, repair::RepairRequest)> = Vec::new();
    for (r, reference) in references.iter().enumerate() {
        for g in reference {
            for &m in &g.members {
                cases.push((
                    r,
                    repair::RepairRequest {
                        drop: vec![m],
                        ..Default::default()
                    },
                ));
            }
        }
    }
    for (who, unit) in [
        ("P03", "T02"),
        ("P07", "T01"),
        ("P10", "D01"),
        ("P02", "T01"),
    ] {
        cases.push((
            0,
            repair::RepairRequest {
                add_conflicts: vec![(id(who), u(&s, unit))],
                ..Default::default()
            },
        ));
    }
    cases.push((
        0,
        repair::RepairRequest {
            drop: vec![id("P07"), id("P08")],
            ..Default::default()
        },
    ));
    for (r, req) in cases {
        let reference = &references[r];
        let changed = repair::changed_scenario(&s, &req);
        let out = repair::repair(&s, &round, reference, &req, Duration::from_secs(20)).unwrap();
        // The rosters still valid after the change, by the validator.
        let still: Vec<&(Vec<Group>, u64)> = valid
            .iter()
            .filter(|(g, _)| roster_check::check(&changed, &round, g).is_ok())
            .collect();
        let label = format!(
            "reference {r}, drop {:?}, add {:?}",
            req.drop, req.add_conflicts
        );
        if still.is_empty() {
            assert_eq!(out.plan.status, Status::Infeasible, "{label}");
            continue;
        }
        let fewest = still
            .iter()
            .map(|(g, _)| changed_seats(reference, g))
            .min()
            .unwrap();
        let best = still
            .iter()
            .filter(|(g, _)| changed_seats(reference, g) == fewest)
            .map(|(_, o)| *o)
            .min()
            .unwrap();
        assert_eq!(out.plan.status, Status::Optimal, "{label}");
        assert_eq!(out.plan.changes, Some((fewest, true)), "{label}");
        assert_eq!(
            changed_seats(reference, &out.plan.groups),
            fewest,
            "{label}"
        );
        assert_eq!(
            diff::changed_seats(reference, &out.plan.groups),
            fewest,
            "{label}"
        );
        assert!(
            roster_check::check(&changed, &round, &out.plan.groups).is_ok(),
            "{label}"
        );
        assert_eq!(
            out.plan.breakdown.as_ref().unwrap().objective.total,
            best,
            "{label}"
        );
    }
}

#[test]
fn settle_walks_back_needless_unit_moves() {
    // Pairs of valid rosters with the same people in each group and the
    // same first units, other units placed differently: from the worse (or
    // equal) one, settling towards the other puts every unit back.
    let s = small();
    let round = s.round.clone().unwrap();
    let valid = small_valid();
    let mut pairs = 0;
    for (a, oa) in valid {
        for (b, ob) in valid {
            let same_people = a.iter().all(|ga| {
                b.iter()
                    .any(|gb| gb.members == ga.members && gb.leader == ga.leader)
            });
            if !same_people || a == b || ob < oa {
                continue;
            }
            let (ca, cb) = (
                settle::canonical(&s, &round, a.clone()),
                settle::canonical(&s, &round, b.clone()),
            );
            // Only units other than each group's first moved: no seat changed.
            if ca == cb || diff::changed_seats(&ca, &cb) != 0 {
                continue;
            }
            pairs += 1;
            let settled = settle::settle(&s, &round, &ca, cb.clone());
            assert_eq!(settle::moved_units(&ca, &settled), 0, "{ca:?} / {cb:?}");
            assert_eq!(diff::changed_seats(&ca, &settled), 0);
            assert!(roster_check::check(&s, &round, &settled).is_ok());
        }
    }
    assert!(pairs > 0);
}

#[test]
fn diff_counts_leaves_joins_and_moves() {
    let s = small();
    let reference = plan_groups(&s);
    // 黄丽 and 吴霞 trade groups: two moves, four seats.
    let mut new = reference.clone();
    new[0].members = vec![p(&s, "P02"), p(&s, "P07"), p(&s, "P10")];
    new[1].members = vec![p(&s, "P03"), p(&s, "P06"), p(&s, "P08")];
    let d = diff::diff(&reference, &new);
    assert_eq!(d.changed_seats, 4);
    assert_eq!(
        xuncha::report::lifecycle::diff(&crate::util::en(), &s, &reference, &new, &d),
        "  group 1 (青山镇 (T01)): 黄丽 (P08) leaves for group 2; 吴霞 (P10) joins from group 2\n\
         \x20 group 2 (石桥乡 (T02), 县财政局 (D01)): 吴霞 (P10) leaves for group 1; 黄丽 (P08) joins from group 1\n"
    );
    assert_eq!(diff::changed_seats(&reference, &reference), 0);
}

// ---------------------------------------------------------------- replace

#[test]
fn replace_ranks_candidates_and_says_why_not() {
    let (code, out, err) = run(&["replace", SMALL, PLAN, "--person", "P08"]);
    assert_eq!((code, err.as_str()), (0, ""));
    assert_eq!(
        out,
        "replace 黄丽 (P08), member of group 1 (青山镇 (T01)), round 2027-R1; score now 4
the group needs audit, discipline, agriculture; 黄丽 brought audit

2 fit, best first: each keeps every skill the group needs, has no conflict with 青山镇 and breaks no other rule
  rank  person  name  score     brings       past rounds
  ------------------------------------------------------
  1     P04     刘洋  7 (+3)    agriculture  1 (2026-R2)
  2     P01     张伟  15 (+11)  discipline   1 (2026-R2)

closest that do not fit:
  陈静 (P05): sibling of 赵敏 (P07) in the group
  周涛 (P09): unavailable 2027-04-01..2027-04-10
"
    );
}

#[test]
fn replace_a_leader() {
    let (code, out, _) = run(&["replace", SMALL, PLAN, "--person", "P03"]);
    assert_eq!(code, 0);
    assert_eq!(
        out,
        "replace 李强 (P03), leader of group 2 (石桥乡 (T02), 县财政局 (D01)), round 2027-R1; score now 4
the group needs audit, discipline; 李强 brought audit

nobody outside the roster fits this seat; `xuncha repair` may move others to make room

closest that do not fit:
  张伟 (P01): L2 via classmate 孙建 with 县财政局 (as leader)
  陈静 (P05): nobody left in group 2 may lead
  刘洋 (P04): nobody left in group 2 may lead; R4 via spouse 李娜 with 石桥乡
  周涛 (P09): nobody left in group 2 may lead; unavailable 2027-04-01..2027-04-10
"
    );
    // With 吴霞 able to lead, 张伟 joins as a member and she takes the lead.
    let dir = tempfile::tempdir().unwrap();
    let scenario = dir.path().join("small.yaml");
    let text = std::fs::read_to_string(file(SMALL)).unwrap().replace(
        "{id: P10, name: 吴霞, pool: true,",
        "{id: P10, name: 吴霞, pool: true, leader: true,",
    );
    std::fs::write(&scenario, text).unwrap();
    let (code, out, _) = run(&[
        "replace",
        s(&scenario),
        PLAN,
        "--person",
        "P03",
        "--top",
        "1",
    ]);
    assert_eq!(code, 0);
    assert_eq!(
        tmp(&out, dir.path()),
        "replace 李强 (P03), leader of group 2 (石桥乡 (T02), 县财政局 (D01)), round 2027-R1; score now 4
the group needs audit, discipline; 李强 brought audit

2 fit, best first: each keeps every skill the group needs, has no conflict with 石桥乡, 县财政局 and breaks no other rule
  rank  person  name  score   brings      past rounds  leader
  ---------------------------------------------------------------
  1     P01     张伟  4 (+0)  discipline  1 (2026-R2)  吴霞 (P10)
  … and 1 more (--top 0 lists all)

closest that do not fit:
  刘洋 (P04): R4 via spouse 李娜 with 石桥乡
  … and 1 more (--top 0 lists all)
"
    );
}

#[test]
fn replace_someone_outside_the_roster_is_bad_usage() {
    let (code, _, err) = run(&["replace", SMALL, PLAN, "--person", "P04"]);
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "error: --person P04: P04 is not in the roster of tests/data/lifecycle/plan.json (its members: P02, P07, P08, P03, P06, P10)\n"
    );
}

// ---------------------------------------------------------------- why

#[test]
fn why_a_leader_is_where_they_are() {
    let (code, out, err) = run(&["why", SMALL, PLAN, "--person", "P02"]);
    assert_eq!((code, err.as_str()), (0, ""));
    assert_eq!(
        out,
        "why 王芳 (P02) leads group 1 (青山镇 (T01)), round 2027-R1
  no conflict with 青山镇
  available for the whole round
  brings audit (so do 赵敏 (P07), 黄丽 (P08)), discipline (nobody else in the group has it)
  the only member who may lead the group
  served 1 earlier round (2026-R2)
  their part of the score: 1 = workload 1×1

moving them (score now 4):
  group 2 (石桥乡 (T02), 县财政局 (D01)): no way works; closest, swap with 杨磊 (P06): nobody left in group 1 may lead
"
    );
}

#[test]
fn why_not_in_another_group() {
    let (code, out, _) = run(&["why", SMALL, PLAN, "--person", "P10", "--unit", "T01"]);
    assert_eq!(code, 0);
    assert_eq!(
        out,
        "why 吴霞 (P10) serves in group 2 (石桥乡 (T02), 县财政局 (D01)), round 2027-R1
  no conflict with 石桥乡, 县财政局
  available for the whole round
  brings audit (so do 李强 (P03))
  served no earlier round
  adds nothing to the score

moving them (score now 4):
  group 1 (青山镇 (T01)): not possible: R3 hometown 南坪村 (青山镇) with 青山镇
"
    );
}

#[test]
fn why_someone_is_not_in_the_roster() {
    let (_, out, _) = run(&["why", SMALL, PLAN, "--person", "P04"]);
    assert_eq!(
        out,
        "why 刘洋 (P04) is not in the roster of round 2027-R1
  available for the whole round; skills finance, agriculture; served 1 earlier round (2026-R2)

bringing them in (score now 4):
  group 1 (青山镇 (T01)): join, score 7 (+3)
  group 2 (石桥乡 (T02), 县财政局 (D01)): not possible: R4 via spouse 李娜 with 石桥乡
"
    );
    let (_, out, _) = run(&["why", SMALL, PLAN, "--person", "P09"]);
    assert_eq!(
        out,
        "why 周涛 (P09) is not in the roster of round 2027-R1
  cannot serve this round: unavailable 2027-04-01..2027-04-10
"
    );
}

#[test]
fn why_no_move_works_names_the_closest() {
    // 赵敏 holds group 1's only agriculture (青山镇 requires it): moving her
    // works only with 李强 in exchange, who is group 2's only leader.
    let (_, out, _) = run(&["why", SMALL, PLAN, "--person", "P07"]);
    assert_eq!(
        out,
        "why 赵敏 (P07) serves in group 1 (青山镇 (T01)), round 2027-R1
  no conflict with 青山镇
  available for the whole round
  brings audit (so do 王芳 (P02), 黄丽 (P08)), agriculture (nobody else in the group has it)
  served no earlier round
  adds nothing to the score

moving them (score now 4):
  group 2 (石桥乡 (T02), 县财政局 (D01)): no way works; closest, swap with 李强 (P03): nobody left in group 2 may lead
"
    );
}

#[test]
fn why_unit_not_in_the_roster_is_bad_usage() {
    let (code, _, err) = run(&["why", SMALL, PLAN, "--person", "P02", "--unit", "D02"]);
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "error: --unit D02: no group of tests/data/lifecycle/plan.json holds D02 (the roster's units: T01, T02, D01)\n"
    );
}

#[test]
fn lifecycle_commands_read_a_committed_scenario_as_before() {
    let (_dir, scenario, plan) = workspace();
    let before: Vec<String> = [
        vec!["why", "--person", "P02"],
        vec!["replace", "--person", "P08"],
        vec!["repair", "--drop", "P08"],
    ]
    .iter()
    .map(|a| {
        let mut args = vec![a[0], SMALL, PLAN];
        args.extend(&a[1..]);
        run(&args).1
    })
    .collect();
    assert_eq!(run(&["commit", s(&scenario), s(&plan)]).0, 0);
    let after: Vec<String> = [
        vec!["why", "--person", "P02"],
        vec!["replace", "--person", "P08"],
        vec!["repair", "--drop", "P08"],
    ]
    .iter()
    .map(|a| {
        let mut args = vec![a[0], s(&scenario), s(&plan)];
        args.extend(&a[1..]);
        run(&args).1.replace(s(&scenario), SMALL)
    })
    .collect();
    assert_eq!(before, after);
}
