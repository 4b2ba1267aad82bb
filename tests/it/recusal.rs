//! Recusal rules R1–R5, L1–L2 and waivers (FORMAT.md "Recusal: when person p
//! conflicts with unit u") on small synthetic scenarios with answers worked
//! out by hand. Every test asserts the exact list of (person, unit, rule)
//! the engine reports, and for R4/L2 the exact path of person ids.
//!
//! Conventions tested here (docs/recusal.md):
//! - R2: a posting conflicts iff it has no `to` or `to > round_start −
//!   former_posting_years years` (a posting ending exactly on the cut-off
//!   does not conflict). Year arithmetic is calendar months: 29 Feb − 1 year
//!   = 28 Feb.
//! - L1: `from + long_posting_years years <= end`, `end` = `to`, or the
//!   as-of date when there is no `to`; L1/L2 only for `leader: true`.
//! - R4: breadth first over `kin` relations, 1..=kin_depth hops, shortest
//!   path reported, one conflict per (person, unit, rule).
//! - A waived (person, unit) removes every conflict of that pair.

use chrono::NaiveDate;
use xuncha::recusal::{Recusal, Rule, Scope};
use xuncha::report::i18n::{Lang, Words};
use xuncha::Scenario;

use crate::util::scenario;

/// Units shared by every scenario below: two townships with villages and two
/// departments.
const UNITS: &str = r#"
version: 1
name: 合成测试县
skills: [s]
units:
  - id: T1
    name: 甲镇
    kind: township
    villages:
      - {id: T1-V1, name: 甲一村}
      - {id: T1-V2, name: 甲二村}
  - id: T2
    name: 乙乡
    kind: township
    villages:
      - {id: T2-V1, name: 乙一村}
  - id: D1
    name: 丙局
    kind: department
  - id: D2
    name: 丁局
    kind: department
"#;

/// Round start used by most tests.
fn start() -> NaiveDate {
    date("2027-03-01")
}

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// A scenario made of [`UNITS`] and `rest` (people, relations, recusal…).
fn scen(rest: &str) -> Scenario {
    scenario(&format!("{UNITS}{rest}"))
}

/// Every pool member against every unit, as of `as_of`.
fn compute(s: &Scenario, as_of: NaiveDate) -> Recusal {
    Recusal::compute(s, &Scope::all_units(s), as_of)
}

type Triple = (String, String, &'static str);

fn triples(s: &Scenario, r: &Recusal) -> Vec<Triple> {
    r.conflicts()
        .iter()
        .map(|c| {
            (
                s.person(c.person).id.clone(),
                s.unit(c.unit).id.clone(),
                c.rule.as_str(),
            )
        })
        .collect()
}

fn waived_triples(s: &Scenario, r: &Recusal) -> Vec<Triple> {
    r.waived()
        .iter()
        .map(|c| {
            (
                s.person(c.person).id.clone(),
                s.unit(c.unit).id.clone(),
                c.rule.as_str(),
            )
        })
        .collect()
}

fn t(p: &str, u: &str, rule: &'static str) -> Triple {
    (p.to_string(), u.to_string(), rule)
}

/// The (person, unit, rule) list of `rest` as of `as_of`.
fn run(rest: &str, as_of: NaiveDate) -> Vec<Triple> {
    let s = scen(rest);
    let r = compute(&s, as_of);
    triples(&s, &r)
}

/// The path (person ids) of the one conflict `(p, u, rule)`.
fn path_of(s: &Scenario, r: &Recusal, p: &str, u: &str, rule: Rule) -> Option<Vec<String>> {
    let c = r
        .conflicts()
        .iter()
        .find(|c| s.person(c.person).id == p && s.unit(c.unit).id == u && c.rule == rule)
        .unwrap_or_else(|| panic!("no conflict {p} {u} {rule}"));
    c.path()
        .map(|path| path.iter().map(|q| s.person(*q).id.clone()).collect())
}

fn ids(v: &[&str]) -> Option<Vec<String>> {
    Some(v.iter().map(|s| s.to_string()).collect())
}

#[test]
fn r1_current_unit() {
    let got = run(
        r#"
people:
  - {id: P1, pool: true, skills: [s], unit: D1}
  - {id: P2, pool: true, skills: [s], unit: T2}
  - {id: P3, pool: true, skills: [s]}
  - {id: Q1, unit: D2}            # not in the pool: not checked
"#,
        start(),
    );
    assert_eq!(got, vec![t("P1", "D1", "R1"), t("P2", "T2", "R1")]);
}

#[test]
fn r2_recent_and_ongoing_postings() {
    // former_posting_years 3, round start 2027-03-01: cut-off 2024-03-01.
    let got = run(
        r#"
people:
  - id: P1
    pool: true
    skills: [s]
    postings:
      - {unit: D1, from: 2020-01-01, to: 2024-03-01}   # ends on the cut-off: no conflict
      - {unit: D2, from: 2020-01-01, to: 2024-03-02}   # the day after: conflict
      - {unit: T1-V1, from: 2026-01-01}                # no `to`: conflict with T1
  - id: P2
    pool: true
    skills: [s]
    postings:
      - {unit: T2, from: 2001-01-01, to: 2010-01-01}   # long ago
"#,
        start(),
    );
    assert_eq!(got, vec![t("P1", "T1", "R2"), t("P1", "D2", "R2")]);
}

#[test]
fn r2_posting_ending_on_the_cutoff_vs_the_day_after() {
    let posting = |to: &str| {
        format!(
            "people:\n  - {{id: P1, pool: true, skills: [s], postings: [{{unit: D1, from: 2015-01-01, to: {to}}}]}}\n"
        )
    };
    assert_eq!(run(&posting("2024-03-01"), start()), vec![]);
    assert_eq!(
        run(&posting("2024-03-02"), start()),
        vec![t("P1", "D1", "R2")]
    );
    assert_eq!(run(&posting("2024-02-29"), start()), vec![]);
    // Measured against the as-of date, not the file's round.
    assert_eq!(
        run(&posting("2024-03-01"), date("2027-02-28")),
        vec![t("P1", "D1", "R2")]
    );
}

#[test]
fn r2_round_start_on_29_february() {
    // 2028-02-29 − 1 year = 2027-02-28 (calendar months, not 365 days).
    let rest = |to: &str| {
        format!(
            r#"
people:
  - {{id: P1, pool: true, skills: [s], postings: [{{unit: D1, from: 2020-01-01, to: {to}}}]}}
recusal:
  former_posting_years: 1
"#
        )
    };
    let leap = date("2028-02-29");
    assert_eq!(run(&rest("2027-02-28"), leap), vec![]);
    assert_eq!(run(&rest("2027-03-01"), leap), vec![t("P1", "D1", "R2")]);
    assert_eq!(
        xuncha::recusal::years_before(leap, 1),
        date("2027-02-28"),
        "cut-off of a 29 February round start"
    );
    assert_eq!(xuncha::recusal::years_before(leap, 4), date("2024-02-29"));
}

#[test]
fn r3_hometown_and_switching_it_off() {
    let people = r#"
people:
  - {id: P1, pool: true, skills: [s], hometown: T2-V1}
  - {id: P2, pool: true, skills: [s], hometown: D2}
"#;
    assert_eq!(
        run(people, start()),
        vec![t("P1", "T2", "R3"), t("P2", "D2", "R3")]
    );
    let off = format!("{people}recusal:\n  hometown: false\n");
    assert_eq!(run(&off, start()), vec![]);
}

#[test]
fn r4_spouse_at_unit_with_path() {
    let s = scen(
        r#"
people:
  - {id: P1, name: 甲, pool: true, skills: [s]}
  - {id: Q1, name: 乙, unit: T1-V2}
relations:
  - {a: Q1, b: P1, kind: spouse}   # undirected: written the other way round
"#,
    );
    let r = compute(&s, start());
    assert_eq!(triples(&s, &r), vec![t("P1", "T1", "R4")]);
    assert_eq!(path_of(&s, &r, "P1", "T1", Rule::R4), ids(&["P1", "Q1"]));
    let c = &r.conflicts()[0];
    assert!(!c.rule.leader_only());
    assert_eq!(
        xuncha::report::conflicts::detail(&Words::json(), &s, c),
        "甲 spouse 乙, 乙 works at 甲二村 (甲镇)"
    );
    assert_eq!(
        xuncha::report::conflicts::detail(&Words::new(Lang::Zh), &s, c),
        "甲与乙为配偶关系，乙在甲二村（甲镇）工作"
    );
}

/// P – spouse – A – sibling – B – child – C; A at D2, B at T2, C at D1.
fn chain(depth: u32) -> Vec<Triple> {
    run(
        &format!(
            r#"
people:
  - {{id: P, pool: true, skills: [s]}}
  - {{id: A, unit: D2}}
  - {{id: B, unit: T2-V1}}
  - {{id: C, unit: D1}}
relations:
  - {{a: P, b: A, kind: spouse}}
  - {{a: A, b: B, kind: sibling}}
  - {{a: B, b: C, kind: child}}
recusal:
  kin_depth: {depth}
"#
        ),
        start(),
    )
}

#[test]
fn r4_kin_depth_0_finds_nobody() {
    assert_eq!(chain(0), vec![]);
}

#[test]
fn r4_kin_depth_1_2_3() {
    assert_eq!(chain(1), vec![t("P", "D2", "R4")]);
    assert_eq!(chain(2), vec![t("P", "T2", "R4"), t("P", "D2", "R4")]);
    assert_eq!(
        chain(3),
        vec![t("P", "T2", "R4"), t("P", "D1", "R4"), t("P", "D2", "R4")]
    );
}

#[test]
fn r4_depth_2_does_not_reach_c_depth_3_does_with_full_path() {
    let rest = |depth: u32| {
        format!(
            r#"
people:
  - {{id: P, pool: true, skills: [s]}}
  - {{id: A}}
  - {{id: B}}
  - {{id: C, unit: D1}}
relations:
  - {{a: P, b: A, kind: spouse}}
  - {{a: A, b: B, kind: sibling}}
  - {{a: B, b: C, kind: child}}
recusal:
  kin_depth: {depth}
"#
        )
    };
    assert_eq!(run(&rest(2), start()), vec![]);
    let s = scen(&rest(3));
    let r = compute(&s, start());
    assert_eq!(triples(&s, &r), vec![t("P", "D1", "R4")]);
    assert_eq!(
        path_of(&s, &r, "P", "D1", Rule::R4),
        ids(&["P", "A", "B", "C"])
    );
}

#[test]
fn r4_relation_kinds_not_in_kin_are_ignored() {
    let got = run(
        r#"
people:
  - {id: P1, pool: true, skills: [s]}
  - {id: Q1, unit: D1}
  - {id: Q2, unit: D2}
  - {id: Q3, unit: T1}
  - {id: Q4, unit: T2}
relations:
  - {a: P1, b: Q1, kind: sibling}     # not in kin below
  - {a: P1, b: Q2, kind: colleague}   # never kin
  - {a: P1, b: Q3, kind: classmate}   # a leader tie, and P1 is no leader
  - {a: P1, b: Q4, kind: spouse}
recusal:
  kin: [spouse]
"#,
        start(),
    );
    assert_eq!(got, vec![t("P1", "T2", "R4")]);
}

#[test]
fn r4_kin_walks_do_not_pass_through_other_kinds() {
    // P – colleague – X – spouse – Y at D1: the colleague edge is not walked.
    let got = run(
        r#"
people:
  - {id: P, pool: true, skills: [s]}
  - {id: X}
  - {id: Y, unit: D1}
relations:
  - {a: P, b: X, kind: colleague}
  - {a: X, b: Y, kind: spouse}
recusal:
  kin_depth: 3
"#,
        start(),
    );
    assert_eq!(got, vec![]);
}

#[test]
fn r4_reports_the_shortest_path() {
    // Two routes from P to D1: P–L1–L2–Y (3 hops, listed and indexed first)
    // and P–S–Z (2 hops). The 2-hop one is reported, once.
    let s = scen(
        r#"
people:
  - {id: L1}
  - {id: L2}
  - {id: Y, unit: D1}
  - {id: P, pool: true, skills: [s]}
  - {id: S}
  - {id: Z, unit: D1}
relations:
  - {a: P, b: L1, kind: sibling}
  - {a: L1, b: L2, kind: sibling}
  - {a: L2, b: Y, kind: spouse}
  - {a: P, b: S, kind: parent}
  - {a: S, b: Z, kind: child}
recusal:
  kin_depth: 3
"#,
    );
    let r = compute(&s, start());
    assert_eq!(triples(&s, &r), vec![t("P", "D1", "R4")]);
    assert_eq!(path_of(&s, &r, "P", "D1", Rule::R4), ids(&["P", "S", "Z"]));
}

#[test]
fn r4_one_conflict_per_unit_even_with_many_relatives_there() {
    let s = scen(
        r#"
people:
  - {id: P, pool: true, skills: [s]}
  - {id: A, unit: T1-V1}
  - {id: B, unit: T1-V2}
  - {id: C, unit: T1}
relations:
  - {a: P, b: C, kind: sibling}
  - {a: P, b: A, kind: spouse}
  - {a: A, b: B, kind: parent}
"#,
    );
    let r = compute(&s, start());
    assert_eq!(triples(&s, &r), vec![t("P", "T1", "R4")]);
    let path = path_of(&s, &r, "P", "T1", Rule::R4).unwrap();
    assert_eq!(path.len(), 2, "a one-hop path: {path:?}");
}

#[test]
fn r5_declared() {
    let got = run(
        r#"
people:
  - {id: P1, pool: true, skills: [s]}
  - {id: P2, pool: true, skills: [s]}
recusal:
  declared:
    - {person: P1, unit: D2, reason: 本人申报}
    - {person: P2, unit: T1}          # a reason is optional for declared entries
    - {person: P1, unit: D2, reason: 重复申报}   # once per (person, unit, rule)
"#,
        start(),
    );
    assert_eq!(got, vec![t("P1", "D2", "R5"), t("P2", "T1", "R5")]);
}

#[test]
fn l1_long_posting_for_leaders_only() {
    // long_posting_years 3: 2010-01-01..2013-01-01 is exactly 3 years.
    let got = run(
        r#"
people:
  - {id: L, pool: true, leader: true, skills: [s],
     postings: [{unit: D1, from: 2010-01-01, to: 2013-01-01},
                {unit: D2, from: 2010-01-02, to: 2013-01-01},
                {unit: T1-V1, from: 2001-05-01, to: 2009-05-01}]}
  - {id: M, pool: true, skills: [s],
     postings: [{unit: D1, from: 2010-01-01, to: 2013-01-01}]}
"#,
        start(),
    );
    // D2 is one day short; T1 (via its village) is 8 years; M is no leader.
    assert_eq!(got, vec![t("L", "T1", "L1"), t("L", "D1", "L1")]);
}

#[test]
fn l1_exactly_n_years_vs_one_day_short() {
    let rest = |from: &str, to: &str| {
        format!(
            "people:\n  - {{id: L, pool: true, leader: true, skills: [s], postings: [{{unit: D1, from: {from}, to: {to}}}]}}\nrecusal:\n  long_posting_years: 2\n"
        )
    };
    assert_eq!(
        run(&rest("2011-06-15", "2013-06-15"), start()),
        vec![t("L", "D1", "L1")]
    );
    assert_eq!(run(&rest("2011-06-16", "2013-06-15"), start()), vec![]);
    // 29 February + 1 year = 28 February.
    let leap = |to: &str| {
        format!(
            "people:\n  - {{id: L, pool: true, leader: true, skills: [s], postings: [{{unit: D1, from: 2024-02-29, to: {to}}}]}}\nrecusal:\n  long_posting_years: 1\n  former_posting_years: 0\n"
        )
    };
    assert_eq!(run(&leap("2025-02-28"), start()), vec![t("L", "D1", "L1")]);
    assert_eq!(run(&leap("2025-02-27"), start()), vec![]);
}

#[test]
fn l1_posting_without_to_lasts_until_the_as_of_date() {
    // Both postings are ongoing, so R2 holds for both; L1 only for the one
    // that has lasted 3 years by 2027-03-01.
    let got = run(
        r#"
people:
  - {id: L, pool: true, leader: true, skills: [s],
     postings: [{unit: D1, from: 2024-03-01}, {unit: D2, from: 2024-03-02}]}
"#,
        start(),
    );
    assert_eq!(
        got,
        vec![t("L", "D1", "R2"), t("L", "D1", "L1"), t("L", "D2", "R2")]
    );
    // One day later the second one has lasted 3 years too.
    let later = run(
        r#"
people:
  - {id: L, pool: true, leader: true, skills: [s],
     postings: [{unit: D1, from: 2024-03-01}, {unit: D2, from: 2024-03-02}]}
"#,
        date("2027-03-02"),
    );
    assert_eq!(
        later,
        vec![
            t("L", "D1", "R2"),
            t("L", "D1", "L1"),
            t("L", "D2", "R2"),
            t("L", "D2", "L1")
        ]
    );
}

#[test]
fn l1_off_when_long_posting_years_is_0() {
    let got = run(
        r#"
people:
  - {id: L, pool: true, leader: true, skills: [s],
     postings: [{unit: D1, from: 1990-01-01, to: 2010-01-01}]}
recusal:
  long_posting_years: 0
"#,
        start(),
    );
    assert_eq!(got, vec![]);
}

#[test]
fn l2_leader_ties_one_hop_leaders_only() {
    let s = scen(
        r#"
people:
  - {id: L, pool: true, leader: true, skills: [s]}
  - {id: M, pool: true, skills: [s]}
  - {id: Q1, unit: T1-V1}
  - {id: Q2, unit: D2}
  - {id: Q3, unit: T2}
relations:
  - {a: L, b: Q1, kind: classmate}
  - {a: Q1, b: Q2, kind: former_superior}   # two hops from L: not L2
  - {a: M, b: Q3, kind: former_subordinate} # M is no leader
  - {a: L, b: Q3, kind: colleague}          # not a leader tie
"#,
    );
    let r = compute(&s, start());
    assert_eq!(triples(&s, &r), vec![t("L", "T1", "L2")]);
    assert_eq!(path_of(&s, &r, "L", "T1", Rule::L2), ids(&["L", "Q1"]));
    let c = &r.conflicts()[0];
    assert!(c.rule.leader_only());
    let (l, t1) = (s.person_ix("L").unwrap(), s.unit_ix("T1").unwrap());
    assert!(r.member_ok(l, t1), "L2 binds only leaders");
    assert!(!r.leader_ok(l, t1));
}

#[test]
fn l2_custom_leader_ties() {
    let s = scen(
        r#"
people:
  - {id: L, pool: true, leader: true, skills: [s]}
  - {id: Q1, unit: D1}
  - {id: Q2, unit: D2}
relations:
  - {a: Q1, b: L, kind: 战友}
  - {a: L, b: Q2, kind: classmate}
recusal:
  leader_ties: [战友]
"#,
    );
    let r = compute(&s, start());
    assert_eq!(triples(&s, &r), vec![t("L", "D1", "L2")]);
    assert_eq!(path_of(&s, &r, "L", "D1", Rule::L2), ids(&["L", "Q1"]));
}

#[test]
fn village_at_township_counts_for_every_rule() {
    let got = run(
        r#"
people:
  - id: L
    pool: true
    leader: true
    skills: [s]
    unit: T1-V1
    hometown: T1-V2
    postings: [{unit: T1-V2, from: 2000-01-01}]
  - {id: K, unit: T1-V2}
  - {id: C, unit: T1-V1}
relations:
  - {a: L, b: K, kind: spouse}
  - {a: L, b: C, kind: classmate}
recusal:
  declared: [{person: L, unit: T1}]
"#,
        start(),
    );
    assert_eq!(
        got,
        vec![
            t("L", "T1", "R1"),
            t("L", "T1", "R2"),
            t("L", "T1", "R3"),
            t("L", "T1", "R4"),
            t("L", "T1", "R5"),
            t("L", "T1", "L1"),
            t("L", "T1", "L2"),
        ]
    );
}

#[test]
fn a_township_is_not_at_its_villages_neighbour() {
    // Working at township T1 (its office) conflicts with T1 only.
    let got = run(
        "people:\n  - {id: P, pool: true, skills: [s], unit: T1, hometown: T2}\n",
        start(),
    );
    assert_eq!(got, vec![t("P", "T1", "R1"), t("P", "T2", "R3")]);
}

const WAIVER: &str = r#"
people:
  - id: L
    pool: true
    leader: true
    skills: [s]
    unit: D1
    hometown: D1
    postings: [{unit: D1, from: 2000-01-01}]
  - {id: M, pool: true, skills: [s], unit: D1}
  - {id: K, unit: D1}
  - {id: J, unit: T1}
relations:
  - {a: L, b: K, kind: spouse}
  - {a: L, b: J, kind: sibling}
  - {a: L, b: K, kind: classmate}
recusal:
  declared: [{person: L, unit: D1, reason: 申报}]
"#;

#[test]
fn waiver_removes_every_rule_of_that_pair_only() {
    let before = run(WAIVER, start());
    assert_eq!(
        before,
        vec![
            t("L", "T1", "R4"),
            t("L", "D1", "R1"),
            t("L", "D1", "R2"),
            t("L", "D1", "R3"),
            t("L", "D1", "R4"),
            t("L", "D1", "R5"),
            t("L", "D1", "L1"),
            t("L", "D1", "L2"),
            t("M", "D1", "R1"),
        ]
    );
    let s = scen(&format!(
        "{WAIVER}  waived: [{{person: L, unit: D1, reason: 经审查不影响}}]\n"
    ));
    let r = compute(&s, start());
    assert_eq!(
        triples(&s, &r),
        vec![t("L", "T1", "R4"), t("M", "D1", "R1")]
    );
    assert_eq!(
        waived_triples(&s, &r),
        vec![
            t("L", "D1", "R1"),
            t("L", "D1", "R2"),
            t("L", "D1", "R3"),
            t("L", "D1", "R4"),
            t("L", "D1", "R5"),
            t("L", "D1", "L1"),
            t("L", "D1", "L2"),
        ]
    );
    let (l, d1) = (s.person_ix("L").unwrap(), s.unit_ix("D1").unwrap());
    assert!(r.member_ok(l, d1));
    assert!(r.leader_ok(l, d1));
    assert!(r.between(l, d1).is_empty());
    let m = s.person_ix("M").unwrap();
    assert!(!r.member_ok(m, d1));
}

#[test]
fn waiver_of_a_pair_without_conflicts_is_harmless() {
    let s = scen("people:\n  - {id: P, pool: true, skills: [s], unit: D1}\nrecusal:\n  waived: [{person: P, unit: D2, reason: x}]\n");
    let r = compute(&s, start());
    assert_eq!(triples(&s, &r), vec![t("P", "D1", "R1")]);
    assert!(r.waived().is_empty());
}

#[test]
fn scope_limits_people_and_units() {
    let s = scen(WAIVER);
    let l = s.person_ix("L").unwrap();
    let t1 = s.unit_ix("T1").unwrap();
    let r = Recusal::compute(
        &s,
        &Scope {
            people: vec![l],
            units: vec![t1],
        },
        start(),
    );
    assert_eq!(triples(&s, &r), vec![t("L", "T1", "R4")]);
}

#[test]
fn member_ok_and_leader_ok_agree_with_the_conflict_list() {
    let s = scen(&format!(
        "{WAIVER}  waived: [{{person: M, unit: D1, reason: 已调离}}]\n"
    ));
    let r = compute(&s, start());
    for p in s.pool() {
        for u in s.unit_ixs() {
            let of_pair: Vec<Rule> = r
                .conflicts()
                .iter()
                .filter(|c| c.person == p && c.unit == u)
                .map(|c| c.rule)
                .collect();
            let member_conflict = of_pair.iter().any(|r| !r.leader_only());
            assert_eq!(
                r.member_ok(p, u),
                !member_conflict,
                "{} {}",
                s.person(p).id,
                s.unit(u).id
            );
            assert_eq!(
                r.leader_ok(p, u),
                of_pair.is_empty(),
                "{} {}",
                s.person(p).id,
                s.unit(u).id
            );
            assert_eq!(r.between(p, u).len(), of_pair.len());
        }
    }
    // A leader with only a leader's conflict: member yes, leader no.
    let s = scen(
        "people:\n  - {id: L, pool: true, leader: true, skills: [s], postings: [{unit: D2, from: 2000-01-01, to: 2010-01-01}]}\n",
    );
    let r = compute(&s, start());
    let (l, d2) = (s.person_ix("L").unwrap(), s.unit_ix("D2").unwrap());
    assert_eq!(triples(&s, &r), vec![t("L", "D2", "L1")]);
    assert!(r.member_ok(l, d2));
    assert!(!r.leader_ok(l, d2));
}

#[test]
fn conflicts_are_sorted_by_person_unit_rule() {
    let s = scen(WAIVER);
    let r = compute(&s, start());
    let keys: Vec<_> = r
        .conflicts()
        .iter()
        .map(|c| (c.person, c.unit, c.rule))
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(keys, sorted);
}
