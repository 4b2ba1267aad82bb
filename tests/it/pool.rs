//! The pool over time (docs/pool.md): membership dates and appraisals
//! decide who is in rotation for a round; `pool report` describes the pool.

use std::time::Duration;

use xuncha::eligibility::{Eligibility, Exclusion};
use xuncha::pool::Out;
use xuncha::roster_check::{self, Violation};
use xuncha::scenario::Group;
use xuncha::solver::{self, PlanOptions, Status};
use xuncha::Scenario;

use crate::util::{scenario, stderr, stdout, xuncha, xuncha_zh};

/// Two townships, five members (P1, P2 may lead), two history rounds;
/// `extra` is appended to the file.
fn county(extra: &str) -> Scenario {
    scenario(&county_text(extra))
}

fn county_text(extra: &str) -> String {
    format!(
        r#"
version: 1
skills: [audit]
units:
  - {{id: T1, kind: township}}
  - {{id: T2, kind: township}}
people:
  - {{id: P1, pool: true, leader: true, skills: [audit]}}
  - {{id: P2, pool: true, leader: true, skills: [audit]}}
  - {{id: P3, pool: true, skills: [audit]}}
  - {{id: P4, pool: true, skills: [audit], pool_since: 2027-03-02}}
  - {{id: P5, pool: true, skills: [audit], pool_until: 2027-03-31}}
  - {{id: P6, pool: true, skills: [audit], pool_since: 2027-03-01, pool_until: 2027-04-01}}
history:
  - {{round: H1, start: 2026-03-01, end: 2026-04-01, groups: [{{leader: P1, members: [P1, P3], units: [T1]}}]}}
  - {{round: H2, start: 2026-09-01, end: 2026-10-01, groups: [{{leader: P2, members: [P2], units: [T2]}}]}}
round: {{id: R, start: 2027-03-01, end: 2027-04-01, groups: 2, group_size: {{min: 1, max: 3}}, units: [T1, T2]}}
{extra}
"#
    )
}

fn out(s: &Scenario, id: &str) -> Vec<Exclusion> {
    let round = s.round.as_ref().unwrap();
    let e = Eligibility::for_dates(s, round.dates());
    let p = s.people.iter().position(|p| p.id == id).unwrap();
    e.reasons(xuncha::PersonIx(p as u32)).to_vec()
}

/// Sitting out round `nth` of `of` after an unfit appraisal in `round`.
fn unfit(round: &str, nth: u32, of: u32) -> Vec<Exclusion> {
    vec![Exclusion::Pool(Out::Unfit {
        round: round.into(),
        nth,
        of,
    })]
}

fn ix(s: &Scenario, id: &str) -> xuncha::PersonIx {
    xuncha::PersonIx(s.people.iter().position(|p| p.id == id).unwrap() as u32)
}

#[test]
fn a_member_serves_only_in_rounds_inside_their_pool_dates() {
    let s = county("");
    let date = |d: &str| d.parse().unwrap();
    // Joins a day after the round starts; leaves a day before it ends.
    assert_eq!(
        out(&s, "P4"),
        [Exclusion::Pool(Out::NotYetIn {
            since: date("2027-03-02")
        })]
    );
    assert_eq!(
        out(&s, "P5"),
        [Exclusion::Pool(Out::Leaves {
            until: date("2027-03-31")
        })]
    );
    // In the pool from the first day to the last: in rotation.
    assert_eq!(out(&s, "P6"), []);
    assert_eq!(out(&s, "P3"), []);
}

#[test]
fn a_later_pool_add_counts_as_the_joining_date() {
    let text = county_text("").replace(
        "{id: P3, pool: true, skills: [audit]}",
        "{id: P3, pool: true, skills: [audit], pool_changes: [{date: 2026-01-01, pool: false, reason: 借调}, {date: 2027-03-05, pool: true, reason: 重新入库}]}",
    );
    assert_eq!(
        out(&scenario(&text), "P3"),
        [Exclusion::Pool(Out::NotYetIn {
            since: "2027-03-05".parse().unwrap()
        })]
    );
}

#[test]
fn an_unfit_appraisal_keeps_a_member_out_for_the_policy_rounds() {
    // Unfit in H1: H2 was the first round out, R is the second.
    let s = county("appraisals:\n  - {person: P3, round: H1, grade: unfit, note: 作风不实}\n");
    assert_eq!(out(&s, "P3"), unfit("H1", 2, 2));
    // With one round out, H2 was it: P3 is back.
    let s = county(
        "appraisals:\n  - {person: P3, round: H1, grade: unfit}\npool_policy: {unfit_out_rounds: 1}\n",
    );
    assert_eq!(out(&s, "P3"), []);
    // Unfit in H2 with the default: R is the first round out.
    let s = county("appraisals:\n  - {person: P3, round: H2, grade: 不称职}\n");
    assert_eq!(out(&s, "P3"), unfit("H2", 1, 2));
    // Other grades change nothing; 0 turns the rule off.
    let s = county("appraisals:\n  - {person: P3, round: H2, grade: 基本称职}\n");
    assert_eq!(out(&s, "P3"), []);
    let s = county(
        "appraisals:\n  - {person: P3, round: H2, grade: unfit}\npool_policy: {unfit_out_rounds: 0}\n",
    );
    assert_eq!(out(&s, "P3"), []);
}

#[test]
fn the_planner_leaves_out_of_rotation_members_unseated_and_the_validator_refuses_them() {
    let s = county("appraisals:\n  - {person: P3, round: H2, grade: unfit}\n");
    let round = s.round.as_ref().unwrap();
    let opts = PlanOptions {
        time_limit: Duration::from_secs(30),
        ..Default::default()
    };
    let p = solver::plan(&s, round, &opts).unwrap();
    assert_eq!(p.status, Status::Optimal);
    let seated: Vec<&str> = p
        .groups
        .iter()
        .flat_map(|g| g.members.iter().map(|m| s.person(*m).id.as_str()))
        .collect();
    for id in ["P3", "P4", "P5"] {
        assert!(!seated.contains(&id), "{id} seated: {seated:?}");
    }
    // A hand-made roster seating P3 and P4 breaks H3 twice.
    let t1 = xuncha::UnitIx(0);
    let t2 = xuncha::UnitIx(1);
    let groups = vec![
        Group {
            leader: ix(&s, "P1"),
            members: vec![ix(&s, "P1"), ix(&s, "P3")],
            units: vec![t1],
            villages: vec![],
        },
        Group {
            leader: ix(&s, "P2"),
            members: vec![ix(&s, "P2"), ix(&s, "P4")],
            units: vec![t2],
            villages: vec![],
        },
    ];
    let errors = roster_check::check(&s, round, &groups).unwrap_err();
    let rotation: Vec<(&str, &str)> = errors
        .iter()
        .filter_map(|v| match v {
            Violation::OutOfRotation { person, why, .. } => {
                Some((s.person(*person).id.as_str(), why.code()))
            }
            _ => None,
        })
        .collect();
    assert_eq!(rotation, [("P3", "unfit"), ("P4", "not_yet_in_pool")]);
    assert!(errors.iter().all(|v| v.rule() == "H3"));
    let w = crate::util::zh();
    assert_eq!(
        xuncha::report::violation::sentence(&w, &s, &errors[0]),
        "第1巡察组的P3不在本轮轮换之列：H2 考核不称职，暂停参加巡察（第 1/2 轮）。"
    );
}

#[test]
fn an_appraisal_of_a_round_not_in_history_is_refused_with_the_nearest_round() {
    let (_dir, path) = crate::util::temp_file(
        "s.yaml",
        std::fs::read_to_string(crate::util::file("tests/data/pool.yaml"))
            .unwrap()
            .replace("round: H2, grade: unfit", "round: H3, grade: unfit")
            .as_bytes(),
    );
    let o = xuncha_zh(&["check", path.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("H3"), "{err}");
    assert!(err.contains("历史轮次"), "{err}");
    assert!(err.contains("H2"), "{err}");
    let o = xuncha(&["check", path.to_str().unwrap()]);
    assert!(stderr(&o).contains("history round"), "{}", stderr(&o));
    let _ = stdout(&o);
}

#[test]
fn pool_report_json_lists_composition_idle_leaving_reserve_appraisals_and_rotation() {
    const ARGS: &[&str] = &[
        "pool",
        "report",
        "tests/data/pool.yaml",
        "--idle",
        "1",
        "--format",
        "json",
    ];
    let o = xuncha(ARGS);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["as_of"], "2027-03-01");
    assert_eq!(v["pool"], 6);
    let counts: Vec<(serde_json::Value, u64)> = v["by_category"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["category"].clone(), c["members"].as_u64().unwrap()))
        .collect();
    assert_eq!(
        counts,
        [
            (serde_json::json!("full_time"), 2),
            (serde_json::json!("part_time"), 1),
            (serde_json::json!("talent"), 2),
            (serde_json::Value::Null, 1)
        ]
    );
    let ids = |key: &str| -> Vec<String> {
        v[key]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| x["person"].as_str().unwrap().to_string())
            .collect()
    };
    // P4 and P6 joined after H2 began (0 rounds since); P5 never served in
    // two rounds; P1 last served in H1.
    assert_eq!(ids("idle"), ["P5", "P1"]);
    assert_eq!(ids("leaving"), ["P5", "P6"]);
    assert_eq!(ids("reserve"), ["P4", "P6"]);
    assert_eq!(ids("appraisals"), ["P1", "P3", "P2", "P3"]);
    assert_eq!(v["appraisals"][3]["grade"], "unfit");
    assert_eq!(v["appraisals"][2]["grade"], "competent");
    assert_eq!(ids("out_of_rotation"), ["P3", "P4", "P5"]);
    assert_eq!(
        v["out_of_rotation"][0]["reasons"],
        serde_json::json!(["unfit"])
    );
    // P7 left the pool: only in the log of changes.
    assert_eq!(ids("changes"), ["P7"]);
    assert_eq!(v["changes"][0]["pool"], false);
    // Same input, same bytes.
    let again = xuncha(ARGS);
    assert_eq!(o.stdout, again.stdout);
}

#[test]
fn simulate_reports_reserve_cadres_who_have_not_served_in_the_term() {
    let o = xuncha(&[
        "simulate",
        "tests/data/pool.yaml",
        "--quiet",
        "--format",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["summary"]["reserve"], 2);
    // P6 leaves the pool before R2; P4 is in rotation for R2 only, and
    // nothing in the objective asks for them (weights.reserve is 0).
    assert_eq!(
        v["summary"]["reserve_unserved"],
        serde_json::json!(["P4", "P6"])
    );
    // A pool without reserve cadres keeps FORMAT.md's summary as it was.
    let o = xuncha(&[
        "simulate",
        "scenarios/tiny.yaml",
        "--quiet",
        "--format",
        "json",
    ]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert!(v["summary"].get("reserve").is_none());
    assert!(v["summary"].get("reserve_unserved").is_none());
}

#[test]
fn a_reserve_weight_seats_a_reserve_cadre_who_has_not_served_this_term() {
    let mut s = xuncha::scenario::load(&crate::util::file("tests/data/pool.yaml")).unwrap();
    let round = s.round.clone().unwrap();
    let opts = PlanOptions {
        time_limit: Duration::from_secs(30),
        ..Default::default()
    };
    let seated = |s: &Scenario, p: &xuncha::solver::Plan| -> Vec<String> {
        let mut ids: Vec<String> = p
            .groups
            .iter()
            .flat_map(|g| g.members.iter().map(|m| s.person(*m).id.clone()))
            .collect();
        ids.sort();
        ids
    };
    // Weight 0 (the default): P6, a reserve cadre in rotation, is not
    // needed to fill two groups of at least one and the objective ignores
    // them; the term is counted but costs nothing.
    let p = solver::plan(&s, &round, &opts).unwrap();
    assert_eq!(seated(&s, &p), ["P1", "P2"]);
    let o = p.breakdown.as_ref().unwrap().objective;
    assert_eq!((o.total, o.workload, o.reserve), (2, 2, 1));
    // Weight 5: seating P6 saves 5, so the optimum seats them.
    s.weights.reserve = 5;
    let p = solver::plan(&s, &round, &opts).unwrap();
    assert_eq!(p.status, Status::Optimal);
    assert_eq!(seated(&s, &p), ["P1", "P2", "P6"]);
    let b = p.breakdown.as_ref().unwrap();
    assert_eq!((b.objective.total, b.objective.reserve), (2, 0));
    // The validator prices the roster without P6 at 2 + 5×1.
    let without: Vec<Group> = p
        .groups
        .iter()
        .map(|g| Group {
            members: g
                .members
                .iter()
                .copied()
                .filter(|m| s.person(*m).id != "P6")
                .collect(),
            ..g.clone()
        })
        .collect();
    let b = roster_check::check(&s, &round, &without).unwrap();
    assert_eq!((b.objective.total, b.objective.reserve), (7, 1));
    assert_eq!(b.reserve_unseated, [ix(&s, "P6")]);
    // The JSON objective names the term only when its weight is set.
    let json = xuncha::report::plan::json_plan(&s, &p);
    assert_eq!(json.objective["reserve"], 0);
    s.weights.reserve = 0;
    let json = xuncha::report::plan::json_plan(&s, &p);
    assert!(json.objective.get("reserve").is_none());
}

/// tests/data/pool.yaml without its appraisals.
fn unappraised() -> String {
    let s = std::fs::read_to_string(crate::util::file("tests/data/pool.yaml")).unwrap();
    let i = s.find("appraisals:").unwrap();
    let j = s.find("round: {id: R").unwrap();
    format!("{}{}", &s[..i], &s[j..])
}

#[test]
fn pool_appraise_appends_an_appraisal_that_takes_an_unfit_member_out_of_rotation() {
    let (_dir, path) = crate::util::temp_file("s.yaml", unappraised().as_bytes());
    let file = path.to_str().unwrap();
    let before = std::fs::read(&path).unwrap();
    assert_eq!(out(&xuncha::scenario::load(&path).unwrap(), "P3"), []);
    let o = xuncha_zh(&[
        "pool",
        "appraise",
        file,
        "P3",
        "--round",
        "H2",
        "--grade",
        "不称职",
        "--note",
        "作风不实",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).contains("丙三（P3） H2 考核等次：不称职，备注：作风不实"));
    // Appended: the bytes before are untouched.
    let after = std::fs::read(&path).unwrap();
    assert_eq!(&after[..before.len()], &before[..]);
    let s = xuncha::scenario::load(&path).unwrap();
    assert_eq!(s.appraisals.len(), 1);
    assert_eq!(out(&s, "P3"), unfit("H2", 1, 2));
}

#[test]
fn pool_appraise_refuses_a_round_not_served_a_second_appraisal_and_an_unknown_grade() {
    let (_dir, path) = crate::util::temp_file("s.yaml", unappraised().as_bytes());
    let file = path.to_str().unwrap();
    let before = std::fs::read(&path).unwrap();
    let refused = |args: &[&str], status: i32, words: &str| {
        let mut all = vec!["pool", "appraise", file];
        all.extend_from_slice(args);
        let o = xuncha(&all);
        assert_eq!(o.status.code(), Some(status), "{args:?}: {}", stderr(&o));
        assert!(stderr(&o).contains(words), "{args:?}: {}", stderr(&o));
    };
    // P2 served in H2 only.
    refused(
        &["P2", "--round", "H1", "--grade", "competent"],
        1,
        "did not serve in H1",
    );
    refused(
        &["P2", "--round", "H3", "--grade", "competent"],
        1,
        "there: H1, H2",
    );
    refused(
        &["P2", "--round", "H2", "--grade", "good"],
        2,
        "not an appraisal grade",
    );
    assert_eq!(std::fs::read(&path).unwrap(), before, "nothing written");
    let o = xuncha(&[
        "pool",
        "appraise",
        file,
        "P2",
        "--round",
        "H2",
        "--grade",
        "competent",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    refused(
        &["P2", "--round", "H2", "--grade", "excellent"],
        1,
        "already appraised for H2: competent",
    );
}
