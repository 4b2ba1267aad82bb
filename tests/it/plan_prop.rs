//! The solver against an independent encoding: on random small scenarios
//! (one to three groups, with and without pins, through the one-model and
//! the two-stage path), an exhaustive search over every roster, judged only
//! by the independent validator (`roster_check`) and the pins, must find
//! the same optimum, and every roster the solver prints must pass that
//! validator.

use std::fmt::Write as _;
use std::time::Duration;

use proptest::prelude::*;
use xuncha::scenario::Group;
use xuncha::solver::{self, Pins, PlanOptions, Status};
use xuncha::{PersonIx, Scenario, UnitIx};

/// Whether `roster` keeps every pin (the validator does not know pins).
pub(crate) fn keeps(pins: &Pins, roster: &[Group]) -> bool {
    let holding = |u: UnitIx| roster.iter().find(|g| g.units.contains(&u));
    pins.leads
        .iter()
        .all(|(p, u)| holding(*u).is_some_and(|g| g.leader == *p))
        && pins
            .serves
            .iter()
            .all(|(p, u)| holding(*u).is_some_and(|g| g.members.contains(p)))
        && pins
            .sits_out
            .iter()
            .all(|p| roster.iter().all(|g| !g.members.contains(p)))
        && pins
            .together
            .iter()
            .all(|(a, b)| holding(*a).is_some_and(|g| g.units.contains(b)))
}

/// The best total over all rosters the validator accepts and that keep
/// the pins, or None.
pub(crate) fn exhaustive(s: &Scenario, pins: &Pins) -> Option<u64> {
    let round = s.round.as_ref().unwrap();
    let groups = round.rules.groups as usize;
    let units = &round.units;
    let people: Vec<PersonIx> = s.pool().collect();
    let mut best: Option<u64> = None;
    // Unit partitions as restricted growth strings using all `groups` labels.
    let mut labels = vec![0usize; units.len()];
    loop {
        let used = labels.iter().copied().max().map(|m| m + 1).unwrap_or(0);
        if used == groups && canonical(&labels) {
            let unit_sets: Vec<Vec<UnitIx>> = (0..groups)
                .map(|g| {
                    units
                        .iter()
                        .zip(&labels)
                        .filter(|(_, l)| **l == g)
                        .map(|(u, _)| *u)
                        .collect()
                })
                .collect();
            // Each person: sits out (groups) or serves in group g.
            let mut seat = vec![0usize; people.len()];
            loop {
                let members: Vec<Vec<PersonIx>> = (0..groups)
                    .map(|g| {
                        people
                            .iter()
                            .zip(&seat)
                            .filter(|(_, x)| **x == g)
                            .map(|(p, _)| *p)
                            .collect()
                    })
                    .collect();
                if members.iter().all(|m| !m.is_empty()) {
                    for_each_leader_choice(&members, &mut |leaders| {
                        let roster: Vec<Group> = (0..groups)
                            .map(|g| Group {
                                leader: leaders[g],
                                members: members[g].clone(),
                                units: unit_sets[g].clone(),
                                villages: unit_sets[g]
                                    .iter()
                                    .flat_map(|u| {
                                        s.villages_for(*u, round.rules.villages_per_township)
                                    })
                                    .collect(),
                            })
                            .collect();
                        if !keeps(pins, &roster) {
                            return;
                        }
                        if let Ok(b) = xuncha::roster_check::check(s, round, &roster) {
                            best =
                                Some(best.map_or(b.objective.total, |x| x.min(b.objective.total)));
                        }
                    });
                }
                if !next(&mut seat, groups + 1) {
                    break;
                }
            }
        }
        if !next(&mut labels, groups) {
            break;
        }
    }
    best
}

/// Labels in first-use order (0 first, then 1, …): one string per partition.
fn canonical(labels: &[usize]) -> bool {
    let mut seen = 0;
    for &l in labels {
        if l > seen {
            return false;
        }
        if l == seen {
            seen += 1;
        }
    }
    true
}

/// Odometer over `base`-ary digits; false after the last.
fn next(digits: &mut [usize], base: usize) -> bool {
    for d in digits.iter_mut() {
        *d += 1;
        if *d < base {
            return true;
        }
        *d = 0;
    }
    false
}

fn for_each_leader_choice(members: &[Vec<PersonIx>], f: &mut dyn FnMut(&[PersonIx])) {
    fn go(members: &[Vec<PersonIx>], chosen: &mut Vec<PersonIx>, f: &mut dyn FnMut(&[PersonIx])) {
        if chosen.len() == members.len() {
            f(chosen);
            return;
        }
        for &p in &members[chosen.len()] {
            chosen.push(p);
            go(members, chosen, f);
            chosen.pop();
        }
    }
    go(members, &mut Vec::new(), f);
}

/// (skill mask 1..7, leader, retired, hours/10, unit slot, hometown slot, away, posting)
type PersonSpec = (u8, bool, bool, u8, Option<u8>, Option<u8>, bool, bool);

#[derive(Debug, Clone)]
pub(crate) struct Spec {
    people: Vec<PersonSpec>,
    // (skill mask 1..7, leader, retired, hours/10, unit slot, hometown slot, away, posting)
    units: Vec<(bool, u8, u8, u8)>, // (department, weight, requires mask, villages 0..2)
    relations: Vec<(u8, u8, u8)>,
    history: Vec<Vec<(u8, u8)>>, // rounds of (member mask, unit slot)
    groups: u8,
    size: (u8, u8),
    max_units: u8,
    required: u8,
    retired_cap: Option<u8>,
    villages: u8,
    weights: (u8, u8, u8, u8),
    /// (kind: lead/serve/sit out/together, person, unit, other unit).
    pins: Vec<(u8, u8, u8, u8)>,
    /// Solve through the two-stage path (units split first).
    two_stage: bool,
}

pub(crate) fn spec() -> impl Strategy<Value = Spec> {
    (
        prop::collection::vec(
            (
                1u8..8,
                prop::bool::weighted(0.7),
                prop::bool::weighted(0.2),
                3u8..9,
                prop::option::weighted(0.3, 0u8..8),
                prop::option::weighted(0.2, 0u8..8),
                prop::bool::weighted(0.1),
                prop::bool::weighted(0.2),
            ),
            4..=7,
        ),
        prop::collection::vec((prop::bool::weighted(0.3), 1u8..4, 0u8..8, 0u8..3), 2..=3),
        prop::collection::vec((0u8..6, 0u8..6, 0u8..3), 0..3),
        prop::collection::vec(prop::collection::vec((1u8..64, 0u8..4), 1..3), 0..3),
        prop_oneof![2 => Just(1u8), 4 => Just(2u8), 4 => Just(3u8)],
        (1u8..=2, 0u8..=1),
        prop_oneof![1 => Just(1u8), 4 => Just(2u8)],
        0u8..8,
        prop::option::of(0u8..=1),
        0u8..=2,
        (0u8..4, 0u8..4, 0u8..3, 0u8..3),
        (
            prop_oneof![
                1 => Just(Vec::new()),
                1 => prop::collection::vec((0u8..4, 0u8..8, 0u8..4, 0u8..4), 1..=2),
            ],
            prop::bool::weighted(0.3),
        ),
    )
        .prop_map(
            |(
                people,
                units,
                relations,
                history,
                groups,
                (min, extra),
                max_units,
                required,
                retired_cap,
                villages,
                weights,
                (pins, two_stage),
            )| Spec {
                // Three groups need three units.
                units: {
                    let mut units = units;
                    while units.len() < groups as usize {
                        units.push((false, 1, 0, 0));
                    }
                    units
                },
                // Three groups: at most six people, so that the exhaustive
                // search (4^6 seatings) stays quick.
                people: if groups == 3 {
                    people.into_iter().take(6).collect()
                } else {
                    people
                },
                relations,
                history,
                groups,
                size: (min, min + extra),
                max_units,
                required,
                retired_cap,
                villages,
                weights,
                pins,
                two_stage,
            },
        )
}

/// The pins of `sp` on the scenario it generated.
pub(crate) fn pins(sp: &Spec) -> Pins {
    let n = sp.people.len() as u32;
    let m = sp.units.len() as u32;
    let mut pins = Pins::default();
    for (kind, p, u, v) in &sp.pins {
        let (p, u, v) = (
            PersonIx(*p as u32 % n),
            UnitIx(*u as u32 % m),
            UnitIx(*v as u32 % m),
        );
        match kind {
            0 => pins.leads.push((p, u)),
            1 => pins.serves.push((p, u)),
            2 => pins.sits_out.push(p),
            _ if u != v => pins.together.push((u, v)),
            _ => {}
        }
    }
    pins
}

const SKILLS: [&str; 3] = ["finance", "audit", "law"];

fn skills(mask: u8) -> String {
    let list: Vec<&str> = (0..3)
        .filter(|i| mask & (1 << i) != 0)
        .map(|i| SKILLS[i])
        .collect();
    format!("[{}]", list.join(", "))
}

pub(crate) fn yaml(sp: &Spec) -> String {
    let mut y = String::from("version: 1\nskills: [finance, audit, law]\nunits:\n");
    let mut places = Vec::new();
    for (i, (dept, weight, req, villages)) in sp.units.iter().enumerate() {
        let kind = if *dept { "department" } else { "township" };
        let req = if *req < 3 { *req } else { 0 };
        writeln!(
            y,
            "  - {{id: U{i}, kind: {kind}, weight: {weight}, requires: {}}}",
            skills(req)
        )
        .unwrap();
        places.push(format!("U{i}"));
        if !dept && *villages > 0 {
            // Replace the flow map's closing with a villages list.
            y.truncate(y.len() - 2);
            y.push_str(", villages: [");
            for v in 0..*villages {
                let tag = if v == 0 && i % 2 == 0 {
                    "tags: [poverty], "
                } else {
                    ""
                };
                write!(
                    y,
                    "{}{{id: U{i}V{v}, {tag}complaints: {}}}",
                    if v > 0 { ", " } else { "" },
                    (i + v as usize) % 3
                )
                .unwrap();
                places.push(format!("U{i}V{v}"));
            }
            y.push_str("]}\n");
        }
    }
    let place = |slot: u8| places[slot as usize % places.len()].clone();
    y.push_str("people:\n");
    for (i, (mask, leader, retired, _, unit, home, away, posting)) in sp.people.iter().enumerate() {
        write!(
            y,
            "  - {{id: P{i}, pool: true, skills: {}, leader: {leader}, retired: {retired}",
            skills(*mask)
        )
        .unwrap();
        if let Some(u) = unit {
            write!(y, ", unit: {}", place(*u)).unwrap();
        }
        if let Some(h) = home {
            write!(y, ", hometown: {}", place(*h)).unwrap();
        }
        if *away {
            y.push_str(", unavailable: [{from: 2027-03-10, to: 2027-03-12}]");
        }
        if *posting {
            write!(
                y,
                ", postings: [{{unit: {}, from: 2015-01-01, to: 2025-06-30}}]",
                place(i as u8 + 1)
            )
            .unwrap();
        }
        y.push_str("}\n");
    }
    y.push_str("relations:\n");
    let n = sp.people.len() as u8;
    let kinds = ["spouse", "classmate", "colleague"];
    for (a, b, k) in &sp.relations {
        let (a, b) = (a % n, b % n);
        if a != b {
            writeln!(y, "  - {{a: P{a}, b: P{b}, kind: {}}}", kinds[*k as usize]).unwrap();
        }
    }
    y.push_str("training:\n  requirement: {hours: 40, within_days: 365}\n  records:\n");
    for (i, p) in sp.people.iter().enumerate() {
        writeln!(
            y,
            "    - {{person: P{i}, course: c, date: 2026-05-01, hours: {}}}",
            p.3 as u32 * 10
        )
        .unwrap();
    }
    y.push_str("history:\n");
    for (r, groups) in sp.history.iter().enumerate() {
        writeln!(
            y,
            "  - round: H{r}\n    start: 2026-0{}-01\n    end: 2026-0{}-20\n    groups:",
            r + 1,
            r + 1
        )
        .unwrap();
        let mut taken = 0u8;
        for (mask, unit) in groups {
            let members: Vec<String> = (0..n)
                .filter(|i| mask & (1 << i) != 0 && taken & (1 << i) == 0)
                .map(|i| format!("P{i}"))
                .collect();
            if members.is_empty() {
                continue;
            }
            for i in 0..n {
                if mask & (1 << i) != 0 {
                    taken |= 1 << i;
                }
            }
            let u = unit % sp.units.len() as u8;
            writeln!(
                y,
                "      - {{leader: {}, members: [{}], units: [U{u}]}}",
                members[0],
                members.join(", ")
            )
            .unwrap();
        }
    }
    let all: Vec<String> = (0..sp.units.len()).map(|i| format!("U{i}")).collect();
    write!(
        y,
        "round: {{id: R, start: 2027-03-01, end: 2027-04-30, groups: {}, group_size: {{min: {}, max: {}}}, max_units_per_group: {}, units: [{}], villages_per_township: {}, required_skills: {}",
        sp.groups, sp.size.0, sp.size.1, sp.max_units, all.join(", "), sp.villages, skills(if sp.required < 3 { sp.required } else { 0 })
    )
    .unwrap();
    if let Some(cap) = sp.retired_cap {
        write!(y, ", max_retired_per_group: {cap}").unwrap();
    }
    y.push_str("}\n");
    let (a, b, c, d) = sp.weights;
    writeln!(
        y,
        "weights: {{repeat_unit: {a}, repeat_pair: {b}, workload: {c}, balance: {d}}}"
    )
    .unwrap();
    y
}

/// Solve one generated scenario and compare with the exhaustive search;
/// returns whether a roster exists.
fn compare(sp: &Spec) -> Result<bool, TestCaseError> {
    let text = yaml(sp);
    let s = match xuncha::scenario::parse(&text, "prop.yaml") {
        Ok(s) => s,
        Err(e) => panic!("generated scenario does not load:\n{e}\n{text}"),
    };
    let round = s.round.as_ref().unwrap();
    let pins = pins(sp);
    let opts = PlanOptions {
        time_limit: Duration::from_secs(20),
        pins: pins.clone(),
        two_stage_above: if sp.two_stage { 0 } else { solver::LARGE },
        ..Default::default()
    };
    let plan = solver::plan(&s, round, &opts).unwrap_or_else(|e| panic!("{e}\n{text}"));
    let text = format!("{text}# pins: {pins:?}, two-stage: {}\n", sp.two_stage);
    match (exhaustive(&s, &pins), &plan.status) {
        (None, Status::Infeasible) => Ok(false),
        // The two-stage path proves its split's people optimal, not the
        // round: its roster may cost more than the optimum, never less, and
        // its bound must hold for every roster.
        (Some(total), Status::Feasible { bound }) if sp.two_stage => {
            let got = plan.breakdown.as_ref().unwrap().objective.total;
            prop_assert!(
                got >= total,
                "solver {} below the optimum {}\n{}",
                got,
                total,
                text
            );
            if let Some(b) = bound {
                prop_assert!(
                    *b <= total as f64 + 1e-6,
                    "bound {} above the optimum {}\n{}",
                    b,
                    total,
                    text
                );
            }
            prop_assert!(xuncha::roster_check::check(&s, round, &plan.groups).is_ok());
            prop_assert!(keeps(&pins, &plan.groups), "a pin is broken\n{}", text);
            Ok(true)
        }
        (Some(total), Status::Optimal) => {
            let got = plan.breakdown.as_ref().unwrap().objective.total;
            prop_assert_eq!(
                got,
                total,
                "solver {} vs exhaustive {}\n{}",
                got,
                total,
                text
            );
            prop_assert!(xuncha::roster_check::check(&s, round, &plan.groups).is_ok());
            prop_assert!(keeps(&pins, &plan.groups), "a pin is broken\n{}", text);
            Ok(true)
        }
        (best, status) => {
            prop_assert!(
                false,
                "exhaustive {:?} vs solver {:?}\n{}",
                best,
                status,
                text
            );
            unreachable!()
        }
    }
}

#[test]
fn solver_matches_exhaustive_search() {
    use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
    use std::cell::Cell;
    let feasible = Cell::new(0);
    let infeasible = Cell::new(0);
    // Feasible cases with three groups, with pins, through two stages.
    let (three, pinned, staged) = (Cell::new(0), Cell::new(0), Cell::new(0));
    // A fixed seed: the same cases every run, so the counts below are stable.
    let mut runner = TestRunner::new_with_rng(
        Config {
            cases: 800,
            failure_persistence: None,
            ..Config::default()
        },
        TestRng::deterministic_rng(RngAlgorithm::ChaCha),
    );
    runner
        .run(&spec(), |sp| {
            if compare(&sp)? {
                feasible.set(feasible.get() + 1);
                let bump = |c: &Cell<u32>, yes: bool| c.set(c.get() + yes as u32);
                bump(&three, sp.groups == 3);
                bump(&pinned, !sp.pins.is_empty());
                bump(&staged, sp.two_stage);
            } else {
                infeasible.set(infeasible.get() + 1);
            }
            Ok(())
        })
        .unwrap();
    eprintln!(
        "plan_prop: {} feasible ({} with three groups, {} pinned, {} in two stages), {} infeasible",
        feasible.get(),
        three.get(),
        pinned.get(),
        staged.get(),
        infeasible.get()
    );
    for (what, n) in [
        ("three-group", &three),
        ("pinned", &pinned),
        ("two-stage", &staged),
    ] {
        assert!(n.get() >= 20, "only {} feasible {what} cases", n.get());
    }
    // The comparison means something only if both outcomes occur often.
    assert!(
        feasible.get() >= 40,
        "only {} feasible cases",
        feasible.get()
    );
    assert!(
        infeasible.get() >= 40,
        "only {} infeasible cases",
        infeasible.get()
    );
}
