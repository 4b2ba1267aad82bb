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
