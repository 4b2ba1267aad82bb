//! `xuncha report` without a browser (issue 10): the HTML holds the roster
//! as `plan` makes it, names no relative unless `--evidence` is given,
//! refers to no URL, escapes input, and is the same bytes every time.

use std::collections::BTreeSet;

use xuncha::recusal::{Evidence, Recusal, Scope};

use crate::util::{self, stderr, stdout, xuncha, xuncha_zh};

fn report(extra: &[&str]) -> String {
    let mut args = vec!["report", "scenarios/qingshan.yaml"];
    args.extend_from_slice(extra);
    let o = xuncha_zh(&args);
    assert!(o.status.success(), "{}", stderr(&o));
    stdout(&o)
}

/// Names that appear in the scenario only as relatives on a kinship path
/// to a unit of the planned round (never as pool members).
fn relatives_on_paths() -> BTreeSet<String> {
    let s = xuncha::scenario::load(&util::file("scenarios/qingshan.yaml")).unwrap();
    let round = s.round.as_ref().unwrap();
    let r = Recusal::compute(&s, &Scope::default_for(&s), round.start);
    r.conflicts()
        .iter()
        .filter_map(|c| match &c.evidence {
            Evidence::Path { hops, .. } => Some(hops.clone()),
            _ => None,
        })
        .flatten()
        .filter(|h| !s.person(h.to).pool)
        .map(|h| s.person_name(h.to).to_string())
        .filter(|n| n.chars().count() >= 2)
        .collect()
}

#[test]
fn the_report_holds_every_group_of_the_plan_in_chinese() {
    let html = report(&[]);
    let plan = util::plan_json("scenarios/qingshan.yaml");
    for g in plan["groups"].as_array().unwrap() {
        for id in g["members"].as_array().unwrap() {
            assert!(
                html.contains(&format!("（{}）", id.as_str().unwrap())),
                "{id}"
            );
        }
        for id in g["units"].as_array().unwrap() {
            assert!(
                html.contains(&format!("（{}）", id.as_str().unwrap())),
                "{id}"
            );
        }
    }
    for heading in [
        "巡察组组成人员名单",
        "回避审查",
        "培训情况",
        "组长",
        "被巡察单位",
        "延伸巡察村（社区）",
    ] {
        assert!(html.contains(heading), "no {heading}");
    }
    assert!(html.contains("<html lang=\"zh-CN\">"));
}

#[test]
fn kin_paths_reach_the_report_only_with_evidence() {
    let relatives = relatives_on_paths();
    assert!(!relatives.is_empty(), "qingshan has kinship conflicts");
    let plain = report(&[]);
    let named: Vec<&String> = relatives
        .iter()
        .filter(|n| plain.contains(n.as_str()))
        .collect();
    assert!(
        named.is_empty(),
        "relatives named without --evidence: {named:?}"
    );
    let with = report(&["--evidence"]);
    assert!(
        relatives.iter().any(|n| with.contains(n.as_str())),
        "--evidence names no relative"
    );
}

#[test]
fn the_report_refers_to_no_url_and_is_byte_identical() {
    let a = report(&["--simulate"]);
    assert!(
        !a.contains("http://") && !a.contains("https://"),
        "a URL in the report"
    );
    assert!(!a.contains("<script") && !a.contains("<img") && !a.contains("@import"));
    assert!(a.contains("<svg"), "--simulate draws charts");
    assert_eq!(a, report(&["--simulate"]), "same input, same bytes");
}

#[test]
fn names_from_input_are_escaped_not_markup() {
    let text = std::fs::read_to_string(util::file("scenarios/qingshan.yaml"))
        .unwrap()
        .replacen("name: 青山镇", "name: \"<b>青山</b> & '镇'\"", 1);
    let (dir, path) = util::temp_file("s.yaml", text.as_bytes());
    std::fs::copy(
        util::file("scenarios/qingshan-training.csv"),
        dir.path().join("qingshan-training.csv"),
    )
    .unwrap();
    let o = xuncha(&["report", path.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let html = stdout(&o);
    assert!(
        html.contains("&lt;b&gt;青山&lt;/b&gt; &amp; &#39;镇&#39;"),
        "not escaped"
    );
    assert!(!html.contains("<b>青山"));
}

#[test]
fn the_footer_traces_the_printed_copy_to_its_scenario() {
    use sha2::{Digest, Sha256};
    let bytes = std::fs::read(util::file("scenarios/qingshan.yaml")).unwrap();
    let hex: String = Sha256::digest(&bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let html = report(&[]);
    let footer = &html[html.find("<footer>").expect("a footer")..];
    for needle in [
        "qingshan.yaml",
        hex.as_str(),
        "2027-R1",
        "已证明最优",
        env!("CARGO_PKG_VERSION"),
    ] {
        assert!(footer.contains(needle), "no {needle} in {footer}");
    }
}

#[test]
fn a_report_of_a_plan_file_that_breaks_a_rule_is_refused() {
    let o = xuncha(&["plan", "scenarios/qingshan.yaml", "--format", "json"]);
    let mut plan: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    // The second group's leader also leads the first: one person, two groups.
    let leader = plan["groups"][0]["leader"].clone();
    plan["groups"][1]["members"]
        .as_array_mut()
        .unwrap()
        .push(leader);
    let (_dir, path) = util::temp_file("plan.json", plan.to_string().as_bytes());
    let o = xuncha(&[
        "report",
        "scenarios/qingshan.yaml",
        "--plan",
        path.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    assert!(stderr(&o).contains("breaks the rules"), "{}", stderr(&o));
    assert!(stdout(&o).is_empty());
}

#[test]
fn an_infeasible_round_reports_its_diagnosis_and_exits_3() {
    let o = xuncha_zh(&["report", "scenarios/tiny.yaml"]);
    assert_eq!(o.status.code(), Some(3), "{}", stderr(&o));
    assert!(stdout(&o).contains("<ul>"), "the diagnosis is listed");
    assert!(
        stdout(&o).contains("把每组最少人数（`round.group_size.min`）改为 2"),
        "the verified suggestion is listed"
    );
}
