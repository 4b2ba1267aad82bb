//! Property: on random small scenarios the engine's conflicts equal those of
//! a naive implementation written here straight from FORMAT.md's wording
//! (nothing from `src/recusal` is used by the oracle), and every reported
//! path is a valid shortest path.
//!
//! Scenarios are written as YAML text and loaded through
//! `xuncha::scenario::parse`, so parsing and validation are exercised too.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use chrono::{Datelike, Duration, NaiveDate};
use proptest::prelude::*;
use xuncha::recusal::{Recusal, Scope};

use crate::util::scenario;

const KINDS: [&str; 4] = ["spouse", "sibling", "classmate", "colleague"];

#[derive(Debug, Clone)]
struct GUnit {
    township: bool,
    villages: usize,
}

/// When a posting ends, relative to its start or to the round.
#[derive(Debug, Clone)]
enum End {
    /// Still there.
    Open,
    /// `days` after `from`.
    Days(i64),
    /// `from` + `years` years + `d` days (L1 edges).
    Long(u32, i64),
    /// round start − `years` years + `d` days (R2 edges).
    Cut(u32, i64),
}

#[derive(Debug, Clone)]
struct GPosting {
    place: usize,
    /// Days relative to round start.
    from: i64,
    end: End,
}

#[derive(Debug, Clone)]
struct GPerson {
    pool: bool,
    leader: bool,
    unit: Option<usize>,
    hometown: Option<usize>,
    postings: Vec<GPosting>,
}

#[derive(Debug, Clone)]
struct Gen {
    start: NaiveDate,
    units: Vec<GUnit>,
    people: Vec<GPerson>,
    relations: Vec<(usize, usize, usize)>,
    kin: Vec<bool>,
    ties: Vec<bool>,
    kin_depth: u32,
    former: u32,
    long: u32,
    hometown: bool,
    declared: Vec<(usize, usize)>,
    waived: Vec<(usize, usize)>,
}

fn g_unit() -> impl Strategy<Value = GUnit> {
    prop_oneof![
        (0usize..=2).prop_map(|villages| GUnit {
            township: true,
            villages
        }),
        Just(GUnit {
            township: false,
            villages: 0
        }),
    ]
}

fn g_end() -> impl Strategy<Value = End> {
    prop_oneof![
        Just(End::Open),
        (0i64..3000).prop_map(End::Days),
        (0u32..5, -1i64..=1).prop_map(|(y, d)| End::Long(y, d)),
        (0u32..5, -1i64..=1).prop_map(|(y, d)| End::Cut(y, d)),
    ]
}

fn g_posting() -> impl Strategy<Value = GPosting> {
    (0usize..64, -5000i64..=300, g_end()).prop_map(|(place, from, end)| GPosting {
        place,
        from,
        end,
    })
}

fn g_person() -> impl Strategy<Value = GPerson> {
    (
        prop::bool::weighted(0.7),
        any::<bool>(),
        prop::option::weighted(0.6, 0usize..64),
        prop::option::weighted(0.4, 0usize..64),
        prop::collection::vec(g_posting(), 0..=3),
    )
        .prop_map(|(pool, leader, unit, hometown, postings)| GPerson {
            pool,
            leader,
            unit,
            hometown,
            postings,
        })
}

fn g_scenario() -> impl Strategy<Value = Gen> {
    let starts = prop_oneof![
        Just(date(2027, 3, 1)),
        Just(date(2028, 2, 29)),
        Just(date(2027, 12, 31)),
    ];
    (
        starts,
        prop::collection::vec(g_unit(), 1..=4),
        prop::collection::vec(g_person(), 2..=12),
        prop::collection::vec((0usize..64, 0usize..64, 0usize..4), 0..=20),
        prop::collection::vec(any::<bool>(), 4),
        prop::collection::vec(any::<bool>(), 4),
        0u32..=3,
        (0u32..=4, 0u32..=4, any::<bool>()),
        prop::collection::vec((0usize..64, 0usize..64), 0..=3),
        prop::collection::vec((0usize..64, 0usize..64), 0..=3),
    )
        .prop_map(
            |(
                start,
                units,
                people,
                relations,
                kin,
                ties,
                kin_depth,
                (former, long, hometown),
                declared,
                waived,
            )| Gen {
                start,
                units,
                people,
                relations,
                kin,
                ties,
                kin_depth,
                former,
                long,
                hometown,
                declared,
                waived,
            },
        )
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// `d` shifted by `years` calendar years; a day that does not exist in the
/// target month (29 February) becomes the month's last day.
fn shift_years(d: NaiveDate, years: i32) -> NaiveDate {
    let y = d.year() + years;
    let mut day = d.day();
    loop {
        if let Some(x) = NaiveDate::from_ymd_opt(y, d.month(), day) {
            return x;
        }
        day -= 1;
    }
}

/// The generated scenario with every index resolved, and its YAML.
struct Built {
    yaml: String,
    unit_ids: Vec<String>,
    places: Vec<(String, usize)>,
    start: NaiveDate,
    people: Vec<BPerson>,
    /// (a, b, kind)
    relations: Vec<(usize, usize, &'static str)>,
}

struct BPerson {
    id: String,
    pool: bool,
    leader: bool,
    unit: Option<usize>,
    hometown: Option<usize>,
    /// (unit the place is at, from, to)
    postings: Vec<(usize, NaiveDate, Option<NaiveDate>)>,
}

fn build(g: &Gen) -> Built {
    let mut yaml = String::new();
    let mut unit_ids = Vec::new();
    let mut places: Vec<(String, usize)> = Vec::new();
    writeln!(yaml, "version: 1\nname: 随机县\nskills: [s]\nunits:").unwrap();
    for (i, u) in g.units.iter().enumerate() {
        let id = format!("U{i}");
        let kind = if u.township { "township" } else { "department" };
        writeln!(yaml, "  - id: {id}\n    name: 单位{i}\n    kind: {kind}").unwrap();
        places.push((id.clone(), i));
        if u.villages > 0 {
            writeln!(yaml, "    villages:").unwrap();
            for v in 0..u.villages {
                let vid = format!("{id}-V{v}");
                writeln!(yaml, "      - {{id: {vid}, name: 村{i}{v}}}").unwrap();
                places.push((vid, i));
            }
        }
        unit_ids.push(id);
    }
    let place = |k: usize| k % places.len();
    let n = g.people.len();
    let mut people = Vec::new();
    writeln!(yaml, "people:").unwrap();
    for (i, p) in g.people.iter().enumerate() {
        let id = format!("P{i}");
        writeln!(yaml, "  - id: {id}\n    name: 人{i}").unwrap();
        if p.pool {
            writeln!(yaml, "    pool: true\n    skills: [s]").unwrap();
        }
        if p.leader {
            writeln!(yaml, "    leader: true").unwrap();
        }
        let unit = p.unit.map(place);
        if let Some(k) = unit {
            writeln!(yaml, "    unit: {}", places[k].0).unwrap();
        }
        let hometown = p.hometown.map(place);
        if let Some(k) = hometown {
            writeln!(yaml, "    hometown: {}", places[k].0).unwrap();
        }
        let mut postings = Vec::new();
        if !p.postings.is_empty() {
            writeln!(yaml, "    postings:").unwrap();
        }
        for post in &p.postings {
            let k = place(post.place);
            let mut from = g.start + Duration::days(post.from);
            let to = match post.end {
                End::Open => None,
                End::Days(d) => Some(from + Duration::days(d)),
                End::Long(y, d) => Some(shift_years(from, y as i32) + Duration::days(d)),
                End::Cut(y, d) => Some(shift_years(g.start, -(y as i32)) + Duration::days(d)),
            };
            if let Some(to) = to {
                from = from.min(to);
            }
            match to {
                Some(to) => writeln!(
                    yaml,
                    "      - {{unit: {}, from: {from}, to: {to}}}",
                    places[k].0
                ),
                None => writeln!(yaml, "      - {{unit: {}, from: {from}}}", places[k].0),
            }
            .unwrap();
            postings.push((places[k].1, from, to));
        }
        people.push(BPerson {
            id,
            pool: p.pool,
            leader: p.leader,
            unit: unit.map(|k| places[k].1),
            hometown: hometown.map(|k| places[k].1),
            postings,
        });
    }
    let mut relations = Vec::new();
    writeln!(yaml, "relations:").unwrap();
    for &(a, b, k) in &g.relations {
        let a = a % n;
        let mut b = b % n;
        if a == b {
            b = (a + 1) % n;
        }
        writeln!(yaml, "  - {{a: P{a}, b: P{b}, kind: {}}}", KINDS[k]).unwrap();
        relations.push((a, b, KINDS[k]));
    }
    let list = |flags: &[bool]| -> Vec<&'static str> {
        KINDS
            .iter()
            .zip(flags)
            .filter(|(_, f)| **f)
            .map(|(k, _)| *k)
            .collect()
    };
    writeln!(
        yaml,
        "recusal:\n  kin: [{}]\n  kin_depth: {}\n  leader_ties: [{}]\n  former_posting_years: {}\n  long_posting_years: {}\n  hometown: {}",
        list(&g.kin).join(", "),
        g.kin_depth,
        list(&g.ties).join(", "),
        g.former,
        g.long,
        g.hometown
    )
    .unwrap();
    writeln!(yaml, "  declared:").unwrap();
    for &(p, u) in &g.declared {
        writeln!(
            yaml,
            "    - {{person: P{}, unit: U{}, reason: 申报}}",
            p % n,
            u % g.units.len()
        )
        .unwrap();
    }
    writeln!(yaml, "  waived:").unwrap();
    for &(p, u) in &g.waived {
        writeln!(
            yaml,
            "    - {{person: P{}, unit: U{}, reason: 已审查}}",
            p % n,
            u % g.units.len()
        )
        .unwrap();
    }
    Built {
        yaml,
        unit_ids,
        places,
        start: g.start,
        people,
        relations,
    }
}

type Triple = (String, String, &'static str);

/// FORMAT.md "Recusal", read literally, for every pool member against every
/// unit. Returns (conflicts after waivers, conflicts removed by waivers,
/// shortest kin distances).
fn naive(g: &Gen, b: &Built) -> (BTreeSet<Triple>, BTreeSet<Triple>, Vec<Vec<u32>>) {
    let n = b.people.len();
    let kin: Vec<&str> = KINDS
        .iter()
        .zip(&g.kin)
        .filter(|(_, f)| **f)
        .map(|(k, _)| *k)
        .collect();
    let ties: Vec<&str> = KINDS
        .iter()
        .zip(&g.ties)
        .filter(|(_, f)| **f)
        .map(|(k, _)| *k)
        .collect();
    // Floyd–Warshall over kin relations.
    const INF: u32 = u32::MAX / 4;
    let mut dist = vec![vec![INF; n]; n];
    for (i, row) in dist.iter_mut().enumerate() {
        row[i] = 0;
    }
    for &(a, c, kind) in &b.relations {
        if kin.contains(&kind) {
            dist[a][c] = 1;
            dist[c][a] = 1;
        }
    }
    for k in 0..n {
        for i in 0..n {
            for j in 0..n {
                if dist[i][k] + dist[k][j] < dist[i][j] {
                    dist[i][j] = dist[i][k] + dist[k][j];
                }
            }
        }
    }
    let cutoff = shift_years(b.start, -(g.former as i32));
    let declared: Vec<(usize, usize)> = g
        .declared
        .iter()
        .map(|&(p, u)| (p % n, u % b.unit_ids.len()))
        .collect();
    let waived: Vec<(usize, usize)> = g
        .waived
        .iter()
        .map(|&(p, u)| (p % n, u % b.unit_ids.len()))
        .collect();

    let mut kept = BTreeSet::new();
    let mut gone = BTreeSet::new();
    for (p, person) in b.people.iter().enumerate() {
        if !person.pool {
            continue;
        }
        for u in 0..b.unit_ids.len() {
            let mut rules: Vec<&'static str> = Vec::new();
            // R1: p's current unit is at u.
            if person.unit == Some(u) {
                rules.push("R1");
            }
            // R2: a posting at u with no `to`, or whose `to` falls after the cut-off.
            if person
                .postings
                .iter()
                .any(|&(at, _, to)| at == u && to.is_none_or(|to| to > cutoff))
            {
                rules.push("R2");
            }
            // R3
            if g.hometown && person.hometown == Some(u) {
                rules.push("R3");
            }
            // R4: someone 1..=kin_depth kin hops away works at u.
            if (0..n).any(|q| {
                q != p
                    && dist[p][q] >= 1
                    && dist[p][q] <= g.kin_depth
                    && b.people[q].unit == Some(u)
            }) {
                rules.push("R4");
            }
            // R5
            if declared.contains(&(p, u)) {
                rules.push("R5");
            }
            if person.leader {
                // L1: a posting at u that lasted at least `long` years.
                if g.long > 0
                    && person.postings.iter().any(|&(at, from, to)| {
                        at == u && shift_years(from, g.long as i32) <= to.unwrap_or(b.start)
                    })
                {
                    rules.push("L1");
                }
                // L2: a leader tie with someone working at u.
                if b.relations.iter().any(|&(a, c, kind)| {
                    ties.contains(&kind)
                        && ((a == p && b.people[c].unit == Some(u))
                            || (c == p && b.people[a].unit == Some(u)))
                }) {
                    rules.push("L2");
                }
            }
            for rule in rules {
                let t = (person.id.clone(), b.unit_ids[u].clone(), rule);
                if waived.contains(&(p, u)) {
                    gone.insert(t);
                } else {
                    kept.insert(t);
                }
            }
        }
    }
    (kept, gone, dist)
}

fn check(g: &Gen) -> Result<(), TestCaseError> {
    let b = build(g);
    let s = scenario(&b.yaml);
    let r = Recusal::compute(&s, &Scope::all_units(&s), b.start);
    let (want, want_waived, dist) = naive(g, &b);

    let triple = |c: &xuncha::recusal::Conflict| -> Triple {
        (
            s.person(c.person).id.clone(),
            s.unit(c.unit).id.clone(),
            c.rule.as_str(),
        )
    };
    let got: Vec<Triple> = r.conflicts().iter().map(triple).collect();
    let got_set: BTreeSet<Triple> = got.iter().cloned().collect();
    prop_assert_eq!(got.len(), got_set.len(), "duplicate conflicts\n{}", b.yaml);
    prop_assert_eq!(&got_set, &want, "conflicts differ\n{}", b.yaml);
    let got_waived: BTreeSet<Triple> = r.waived().iter().map(triple).collect();
    prop_assert_eq!(&got_waived, &want_waived, "waived differ\n{}", b.yaml);

    // Evidence paths.
    let kin: Vec<&str> = KINDS
        .iter()
        .zip(&g.kin)
        .filter(|(_, f)| **f)
        .map(|(k, _)| *k)
        .collect();
    let ties: Vec<&str> = KINDS
        .iter()
        .zip(&g.ties)
        .filter(|(_, f)| **f)
        .map(|(k, _)| *k)
        .collect();
    let ix = |id: &str| -> usize { id[1..].parse().unwrap() };
    let related = |a: usize, c: usize, kinds: &[&str]| {
        b.relations
            .iter()
            .any(|&(x, y, k)| kinds.contains(&k) && ((x == a && y == c) || (x == c && y == a)))
    };
    let unit_of: BTreeMap<&str, usize> = b
        .unit_ids
        .iter()
        .enumerate()
        .map(|(i, u)| (u.as_str(), i))
        .collect();
    for c in r.conflicts().iter().chain(r.waived()) {
        let (pid, uid, rule) = triple(c);
        let u = unit_of[uid.as_str()];
        let path: Option<Vec<usize>> = c
            .path()
            .map(|v| v.iter().map(|q| ix(&s.person(*q).id)).collect());
        match rule {
            "R4" | "L2" => {
                let path = path
                    .ok_or_else(|| TestCaseError::fail(format!("{pid} {uid} {rule}: no path")))?;
                prop_assert_eq!(path[0], ix(&pid));
                let last = *path.last().unwrap();
                prop_assert_eq!(
                    b.people[last].unit,
                    Some(u),
                    "{} {} {}: last of {:?} not at unit",
                    pid,
                    uid,
                    rule,
                    path
                );
                let kinds: &[&str] = if rule == "R4" { &kin } else { &ties };
                for w in path.windows(2) {
                    prop_assert!(
                        related(w[0], w[1], kinds),
                        "{pid} {uid} {rule}: {:?} not related",
                        w
                    );
                }
                let hops = path.len() as u32 - 1;
                if rule == "R4" {
                    let p = ix(&pid);
                    let shortest = (0..b.people.len())
                        .filter(|&q| q != p && b.people[q].unit == Some(u))
                        .map(|q| dist[p][q])
                        .min()
                        .unwrap();
                    prop_assert_eq!(
                        hops,
                        shortest,
                        "{} {}: path {:?} not shortest\n{}",
                        pid,
                        uid,
                        path,
                        b.yaml
                    );
                    prop_assert!(hops >= 1 && hops <= g.kin_depth);
                } else {
                    prop_assert_eq!(hops, 1);
                }
            }
            _ => prop_assert!(path.is_none(), "{pid} {uid} {rule}: unexpected path"),
        }
    }

    // O(1) lookups agree with the list.
    for p in s.pool() {
        for u in s.unit_ixs() {
            let pair: Vec<_> = r
                .conflicts()
                .iter()
                .filter(|c| c.person == p && c.unit == u)
                .collect();
            prop_assert_eq!(
                r.member_ok(p, u),
                !pair.iter().any(|c| !c.rule.leader_only())
            );
            prop_assert_eq!(r.leader_ok(p, u), pair.is_empty());
        }
    }
    let _ = &b.places;
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn engine_matches_naive_reading_of_format_md(g in g_scenario()) {
        check(&g)?;
    }
}

#[test]
fn shift_years_clamps_29_february() {
    assert_eq!(shift_years(date(2028, 2, 29), -1), date(2027, 2, 28));
    assert_eq!(shift_years(date(2024, 2, 29), 1), date(2025, 2, 28));
    assert_eq!(shift_years(date(2024, 2, 29), 4), date(2028, 2, 29));
}
