//! Verified suggestions (issue 16): every suggestion `plan` prints for an
//! infeasible round, applied to the scenario, gives a round the independent
//! exhaustive search can staff; none contradicts a counting check; and a
//! program can apply the JSON edit to the file.

use std::time::Duration;

use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
use xuncha::solver::{self, suggest, PlanOptions, Status};

use crate::plan_prop::{exhaustive, pins, spec, yaml};
use crate::util::{self, stderr, stdout, xuncha};

#[test]
fn every_suggestion_for_a_generated_infeasible_round_makes_it_plannable() {
    use std::cell::Cell;
    let (infeasible, with, checked) = (Cell::new(0), Cell::new(0), Cell::new(0));
    let mut runner = TestRunner::new_with_rng(
        Config {
            cases: 300,
            failure_persistence: None,
            ..Config::default()
        },
        TestRng::deterministic_rng(RngAlgorithm::ChaCha),
    );
    runner
        .run(&spec(), |sp| {
            let text = yaml(&sp);
            let s = xuncha::scenario::parse(&text, "prop.yaml").unwrap();
            let round = s.round.clone().unwrap();
            let pins = pins(&sp);
            let plan = solver::plan(
                &s,
                &round,
                &PlanOptions {
                    time_limit: Duration::from_secs(20),
                    pins: pins.clone(),
                    ..Default::default()
                },
            )
            .unwrap();
            if plan.status != Status::Infeasible {
                return Ok(());
            }
            infeasible.set(infeasible.get() + 1);
            if !plan.suggestions.is_empty() {
                with.set(with.get() + 1);
            }
            for x in &plan.suggestions {
                assert!(x.verified);
                let (s2, r2) = suggest::apply(&s, &round, &x.changes);
                // Counting checks: never fewer groups than departments or
                // than units need, never more groups than units.
                let departments = r2
                    .units
                    .iter()
                    .filter(|u| s2.unit(**u).kind == xuncha::scenario::UnitKind::Department)
                    .count() as u32;
                assert!(r2.rules.groups >= departments, "{:?}\n{text}", x.changes);
                assert!(
                    r2.rules.groups as usize <= r2.units.len(),
                    "{:?}\n{text}",
                    x.changes
                );
                assert!(
                    exhaustive(&s2, &pins).is_some(),
                    "suggestion {:?} leaves the round infeasible\n{text}",
                    x.changes
                );
                checked.set(checked.get() + 1);
            }
            Ok(())
        })
        .unwrap();
    eprintln!(
        "suggest: {} infeasible rounds, {} with suggestions, {} suggestions checked",
        infeasible.get(),
        with.get(),
        checked.get()
    );
    assert!(
        with.get() >= 40,
        "only {} rounds got a suggestion",
        with.get()
    );
}

/// Apply a JSON change (`set` or `add` on a dotted path) to a YAML value,
/// as a program reading `plan --format json` would.
fn apply_json(doc: &mut serde_yaml::Value, change: &serde_json::Value) {
    let path: Vec<&str> = change["path"].as_str().unwrap().split('.').collect();
    let value: serde_yaml::Value = serde_yaml::to_value(&change["value"]).unwrap();
    let mut at = doc;
    for key in &path[..path.len() - 1] {
        let map = at.as_mapping_mut().unwrap();
        if !map.contains_key(*key) {
            map.insert((*key).into(), serde_yaml::Mapping::new().into());
        }
        at = map.get_mut(*key).unwrap();
    }
    let last = path[path.len() - 1];
    let map = at.as_mapping_mut().unwrap();
    match change["op"].as_str().unwrap() {
        "set" => {
            map.insert(last.into(), value);
        }
        "add" => {
            let list = map
                .entry(last.into())
                .or_insert(serde_yaml::Value::Sequence(Vec::new()));
            list.as_sequence_mut().unwrap().push(value);
        }
        op => panic!("unknown op {op}"),
    }
}

#[test]
fn tiny_suggests_an_edit_that_applied_to_the_file_plans() {
    let o = xuncha(&["plan", "scenarios/tiny.yaml", "--format", "json"]);
    assert_eq!(o.status.code(), Some(3), "{}", stderr(&o));
    let doc: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let suggestions = doc["suggestions"].as_array().expect("suggestions");
    assert!(!suggestions.is_empty());
    for x in suggestions {
        assert_eq!(x["verified"], true);
        let text = std::fs::read_to_string(util::file("scenarios/tiny.yaml")).unwrap();
        let mut yaml: serde_yaml::Value = serde_yaml::from_str(&text).unwrap();
        for c in x["changes"].as_array().unwrap() {
            apply_json(&mut yaml, c);
        }
        let (_dir, path) = util::temp_file(
            "tiny.yaml",
            serde_yaml::to_string(&yaml).unwrap().as_bytes(),
        );
        let o = xuncha(&["plan", path.to_str().unwrap()]);
        assert_eq!(
            o.status.code(),
            Some(0),
            "{x}\n{}{}",
            stdout(&o),
            stderr(&o)
        );
    }
}

#[test]
fn suggestions_read_in_chinese_and_never_ask_for_fewer_groups_than_departments() {
    let o = util::xuncha_zh(&["plan", "scenarios/tiny.yaml"]);
    let out = stdout(&o);
    assert!(
        out.contains("修改建议（均已试算：按此修改后即可编排）："),
        "{out}"
    );
    assert!(
        out.contains("把每组最少人数（`round.group_size.min`）改为 2"),
        "{out}"
    );
    // tiny has two groups and one department: the old advice "lower
    // `groups` below 2" would have sent the office in a circle.
    assert!(!out.contains("round.groups"), "{out}");
}
