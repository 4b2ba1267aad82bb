//! The independent roster checker and the score analysis, through the public
//! API, on scenarios/tiny.yaml.

use xuncha::report::i18n::Words;
use xuncha::roster::Objective;
use xuncha::roster_check::{self, check, Violation};
use xuncha::scenario::{Entity, Group, Round};
use xuncha::{score, PersonIx, Scenario, UnitIx, VillageIx};

use crate::util;

fn tiny() -> Scenario {
    xuncha::scenario::load(&util::file("scenarios/tiny.yaml")).unwrap_or_else(|e| panic!("{e}"))
}

fn p(s: &Scenario, id: &str) -> PersonIx {
    s.person_ix(id).unwrap_or_else(|| panic!("no person {id}"))
}

fn u(s: &Scenario, id: &str) -> UnitIx {
    s.unit_ix(id).unwrap_or_else(|| panic!("no unit {id}"))
}

fn v(s: &Scenario, id: &str) -> VillageIx {
    match s.lookup(id) {
        Some(Entity::Village(v)) => v,
        _ => panic!("no village {id}"),
    }
}

fn group(s: &Scenario, leader: &str, members: &[&str], units: &[&str], villages: &[&str]) -> Group {
    Group {
        leader: p(s, leader),
        members: members.iter().map(|x| p(s, x)).collect(),
        units: units.iter().map(|x| u(s, x)).collect(),
        villages: villages.iter().map(|x| v(s, x)).collect(),
    }
}

/// tiny.yaml's round without D01 (see `tiny_as_written_has_no_valid_roster`).
fn round_without_d01(s: &Scenario) -> Round {
    let mut r = s.round.clone().unwrap();
    r.units.retain(|x| *x != u(s, "D01"));
    r
}

/// The only valid roster of that round, worked out by hand: P04 (spouse
/// at 西坪村, T01) must take T02; P03 (agriculture, hometown in T02) T01;
/// P05 (works at T02) joins P03; P02 may not lead T01 (L1), so P01 does.
fn forced(s: &Scenario) -> Vec<Group> {
    vec![
        group(
            s,
            "P01",
            &["P01", "P03", "P05"],
            &["T01"],
            &["T01-V01", "T01-V02"],
        ),
        group(
            s,
            "P02",
            &["P02", "P04", "P06"],
            &["T02"],
            &["T02-V01", "T02-V02"],
        ),
    ]
}

#[test]
fn tiny_forced_roster_is_valid_with_hand_computed_score() {
    let s = tiny();
    let b = check(&s, &round_without_d01(&s), &forced(&s)).unwrap_or_else(|v| {
        panic!(
            "{}",
            xuncha::report::violation::lines(&Words::json(), &s, &v)
        )
    });
    // History 2026-R2: {P01 P03 P05: T01} {P02 P04 P06: D02}.
    assert_eq!(b.objective.repeat_unit, 3); // P01, P03, P05 inspected T01
    assert_eq!(b.objective.repeat_pair, 6); // both groups are 2026-R2's groups again
    assert_eq!(b.objective.workload, 6); // six members, one round each
    assert_eq!(b.objective.balance, 1); // T01 weight 3, T02 weight 2
    assert_eq!(
        b.objective,
        Objective {
            total: 30 + 12 + 6 + 1,
            repeat_unit: 3,
            repeat_pair: 6,
            workload: 6,
            balance: 1,
            reserve: 0,
        }
    );
    assert_eq!(b, score::breakdown(&s, &round_without_d01(&s), &forced(&s)));

    let text = xuncha::report::score::analysis(&crate::util::en(), &s, &b);
    assert!(
        text.starts_with(
            "score 49 = 10×3 repeat_unit + 2×6 repeat_pair + 1×6 workload + 1×1 balance\n"
        ),
        "{text}"
    );
    assert!(
        text.contains("group 1: 李强 (P03) inspects 青山镇 (T01) again (also in 2026-R2)"),
        "{text}"
    );
    assert!(
        text.contains("group 2: 王芳 (P02) & 刘洋 (P04) met in 2026-R2"),
        "{text}"
    );
    assert!(
        text.contains("group 2: 杨磊 (P06) 1 round (2026-R2)"),
        "{text}"
    );
}

#[test]
fn tiny_near_misses_break_one_rule_each() {
    let s = tiny();
    let round = s.round.clone().unwrap();
    // D01 to P04's group: P04 works at D01.
    let mut g = forced(&s);
    g[1].units.push(u(&s, "D01"));
    let e = check(&s, &round, &g).unwrap_err();
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!(e[0].rule(), "H6");
    let text = xuncha::report::violation::sentence(&Words::json(), &s, &e[0]);
    assert!(
        text.contains("刘洋 (P04) may not inspect 县财政局 (D01) in group 2 [R1 works there]"),
        "{text}"
    );

    // D01 to P01's group: P01 works there (R1) and a classmate of the leader works there (L2).
    let mut g = forced(&s);
    g[0].units.push(u(&s, "D01"));
    let e = check(&s, &round, &g).unwrap_err();
    let rules: Vec<_> = e
        .iter()
        .map(|x| match x {
            Violation::Conflict {
                person,
                rule,
                as_leader,
                ..
            } => (s.person(*person).id.as_str(), rule.as_str(), *as_leader),
            other => panic!("unexpected {other:?}"),
        })
        .collect();
    assert_eq!(rules, vec![("P01", "R1", false), ("P01", "L2", true)]);
    let l2 = xuncha::report::violation::sentence(&Words::json(), &s, &e[1]);
    assert!(
        l2.contains("as leader of group 1") && l2.contains("张伟 classmate 吴刚"),
        "{l2}"
    );

    let r = round_without_d01(&s);
    // P07 for P06: away 2027-04-01..10 (H7).
    let mut g = forced(&s);
    g[1].members[2] = p(&s, "P07");
    let e = check(&s, &r, &g).unwrap_err();
    assert!(
        matches!(e[..], [Violation::Unavailable { group: 1, .. }]),
        "{e:?}"
    );
    // P08 for P05: 32 of 40 hours (H8).
    let mut g = forced(&s);
    g[0].members[2] = p(&s, "P08");
    let e = check(&s, &r, &g).unwrap_err();
    assert_eq!(
        e,
        vec![Violation::Training {
            group: 0,
            person: p(&s, "P08"),
            hours: 32.0,
            required: 40.0,
            missing_course: None,
        }]
    );
    // P02 named leader of group 1 (not a member there): H4, and L1 at T01.
    let mut g = forced(&s);
    g[0].leader = p(&s, "P02");
    let e = check(&s, &r, &g).unwrap_err();
    assert!(
        e.iter()
            .any(|x| matches!(x, Violation::LeaderNotMember { group: 0, .. })),
        "{e:?}"
    );
    assert!(
        e.iter().any(|x| matches!(
            x,
            Violation::Conflict {
                group: 0,
                as_leader: true,
                ..
            }
        )),
        "{e:?}"
    );
}

/// Every roster of tiny.yaml's round as written, tried exhaustively: none
/// passes (so a planner must answer `infeasible`). P07 is away and P08 short
/// of training, so P01–P06 all serve; P04 conflicts with T01 (R4) and D01
/// (R1), so P04's group holds T02 alone and the other T01 and D01, which
/// neither P01 (works at D01) nor P02 (L1 at T01) may lead.
#[test]
fn tiny_as_written_has_no_valid_roster() {
    let s = tiny();
    let round = s.round.clone().unwrap();
    let pool: Vec<PersonIx> = s.pool().collect();
    let n = round.rules.villages_per_township;
    let mut tried = 0usize;
    for code in 0..3usize.pow(pool.len() as u32) {
        let mut side = [Vec::new(), Vec::new()];
        let mut c = code;
        for &q in &pool {
            if c % 3 < 2 {
                side[c % 3].push(q);
            }
            c /= 3;
        }
        if side.iter().any(|m| m.len() != 3) {
            continue;
        }
        for mask in 1..(1u32 << round.units.len()) - 1 {
            let mut units = [Vec::new(), Vec::new()];
            for (i, &x) in round.units.iter().enumerate() {
                units[(mask >> i & 1) as usize].push(x);
            }
            for &l0 in &side[0] {
                for &l1 in &side[1] {
                    let groups: Vec<Group> = (0..2)
                        .map(|g| Group {
                            leader: [l0, l1][g],
                            members: side[g].clone(),
                            units: units[g].clone(),
                            villages: units[g]
                                .iter()
                                .flat_map(|&t| roster_check::village_selection(&s, t, n))
                                .collect(),
                        })
                        .collect();
                    tried += 1;
                    if let Ok(b) = check(&s, &round, &groups) {
                        panic!("valid roster {groups:?} with {:?}", b.objective);
                    }
                }
            }
        }
    }
    // C(8,3)·C(5,3) member splits × 6 unit splits × 9 leader choices.
    assert_eq!(tried, 56 * 10 * 6 * 9);
}
