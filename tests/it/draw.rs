//! `xuncha draw`: every roster of the distribution passes the validator,
//! seeded draws seat people as often as their stated chance, the same seed
//! gives the same bytes, and `--verify` catches a hand-edited roster.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use crate::util::{file, stderr, stdout, xuncha};
use xuncha::draw::{self, Distribution, SCALE};
use xuncha::scenario::Scenario;

fn qingshan() -> &'static (Scenario, Distribution) {
    static D: OnceLock<(Scenario, Distribution)> = OnceLock::new();
    D.get_or_init(|| {
        let s = xuncha::scenario::load(&file("scenarios/qingshan.yaml")).expect("loads");
        let round = s.round.clone().expect("a round");
        let plan = xuncha::solver::plan(&s, &round, &Default::default()).expect("plans");
        let best = plan.breakdown.as_ref().expect("feasible").objective.total;
        let dist = draw::distribution(
            &s,
            &round,
            best,
            plan.status == xuncha::solver::Status::Optimal,
            draw::DEFAULT_WITHIN_PCT,
            plan.groups.clone(),
        )
        .expect("a distribution");
        (s, dist)
    })
}

#[test]
fn every_roster_in_the_draw_distribution_passes_the_validator_within_the_cap() {
    let (s, dist) = qingshan();
    let round = s.round.as_ref().unwrap();
    assert!(!dist.rosters.is_empty());
    assert_eq!(dist.rosters.iter().map(|r| r.2).sum::<u64>(), SCALE);
    for (key, groups, _) in &dist.rosters {
        let b = xuncha::roster_check::check(s, round, groups)
            .unwrap_or_else(|v| panic!("roster {key} breaks the rules: {v:?}"));
        assert!(
            b.objective.total <= dist.cap,
            "{key} costs {}",
            b.objective.total
        );
    }
}

#[test]
fn draw_min_p_is_at_least_a_uniform_lottery_over_the_same_rosters() {
    let (_, dist) = qingshan();
    assert!(dist.min_p() >= dist.uniform_min_p());
}

/// 200 fixed seeds: each member's seat count lies within four standard
/// deviations of 200·p (deterministic: the seeds never change).
#[test]
fn two_hundred_seeded_draws_seat_members_as_often_as_their_stated_chance() {
    let (_, dist) = qingshan();
    let n = 200u64;
    let mut seated: BTreeMap<xuncha::PersonIx, u64> = BTreeMap::new();
    for i in 0..n {
        let r = draw::sample(dist, &format!("test-seed-{i}"));
        for p in draw::seated(&dist.rosters[r].1) {
            *seated.entry(p).or_default() += 1;
        }
    }
    let mut chi = 0.0;
    let mut df = 0;
    for (p, m) in &dist.probabilities {
        let prob = *m as f64 / SCALE as f64;
        let count = seated.get(p).copied().unwrap_or(0) as f64;
        let mean = n as f64 * prob;
        let sd = (n as f64 * prob * (1.0 - prob)).sqrt();
        assert!(
            (count - mean).abs() <= 4.0 * sd + 1.0,
            "{p:?}: seated {count} times in {n}, expected {mean:.1} ± {sd:.1}"
        );
        if prob > 0.0 && prob < 1.0 {
            chi += (count - mean).powi(2) / (n as f64 * prob * (1.0 - prob));
            df += 1;
        }
    }
    // Seats are not independent across members, so this is a loose check
    // of the whole: far above its degrees of freedom would be a biased draw.
    assert!(
        chi <= 3.0 * df as f64 + 30.0,
        "chi² {chi:.1} over {df} members"
    );
}

#[test]
fn the_same_draw_seed_gives_the_same_roster_and_a_different_seed_may_not() {
    let (_, dist) = qingshan();
    assert_eq!(
        draw::sample(dist, "20270301"),
        draw::sample(dist, "20270301")
    );
}

#[test]
fn draw_json_is_byte_identical_for_one_seed_and_verify_catches_an_edited_roster() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("draw.json");
    let args = |o: &str| {
        vec![
            "draw".to_string(),
            "scenarios/qingshan.yaml".into(),
            "--seed".into(),
            "公开种子 2027-03-01".into(),
            "--format".into(),
            "json".into(),
            "-o".into(),
            o.to_string(),
        ]
    };
    let a = args(out.to_str().unwrap());
    let o = xuncha(&a.iter().map(String::as_str).collect::<Vec<_>>());
    assert!(o.status.success(), "{}", stderr(&o));
    let first = std::fs::read_to_string(&out).unwrap();
    let o = xuncha(&[
        "draw",
        "scenarios/qingshan.yaml",
        "--seed",
        "公开种子 2027-03-01",
        "--format",
        "json",
    ]);
    assert_eq!(stdout(&o), first, "same seed, same bytes");
    let doc: serde_json::Value = serde_json::from_str(&first).unwrap();
    assert_eq!(doc["draw"]["seed"], "公开种子 2027-03-01");
    assert!(
        doc["draw"]["min_p"].as_f64().unwrap() >= doc["draw"]["uniform_min_p"].as_f64().unwrap()
    );

    let o = xuncha(&[
        "draw",
        "--verify",
        out.to_str().unwrap(),
        "scenarios/qingshan.yaml",
    ]);
    assert!(o.status.success(), "{}{}", stdout(&o), stderr(&o));
    assert!(stdout(&o).contains("matches"), "{}", stdout(&o));

    // Swap one member for someone else by hand.
    let mut edited = doc.clone();
    let members = edited["groups"][0]["members"].as_array_mut().unwrap();
    let last = members.len() - 1;
    members[last] = serde_json::json!("P0120");
    let bad = dir.path().join("edited.json");
    std::fs::write(&bad, serde_json::to_string_pretty(&edited).unwrap()).unwrap();
    let o = xuncha(&[
        "draw",
        "--verify",
        bad.to_str().unwrap(),
        "scenarios/qingshan.yaml",
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("does NOT match"), "{}", stdout(&o));
    assert!(stdout(&o).contains("groups"), "{}", stdout(&o));
}

#[test]
fn a_drawn_roster_is_headed_as_drawn_not_as_stopped_by_a_time_limit() {
    for (lang, words) in [
        ("en", "drawn by lot (seed 7;"),
        ("zh-CN", "随机抽取（种子 7；"),
    ] {
        let o = crate::util::xuncha_in(lang, &["draw", "scenarios/qingshan.yaml", "--seed", "7"]);
        assert!(o.status.success(), "{}", stderr(&o));
        let head = stdout(&o).lines().next().unwrap_or("").to_string();
        assert!(head.contains(words), "{lang}: {head}");
        assert!(
            !head.contains("time limit") && !head.contains("时限"),
            "{head}"
        );
    }
}

#[test]
fn an_infeasible_draw_still_publishes_its_seed_with_no_odds() {
    let o = xuncha(&[
        "draw",
        "scenarios/tiny.yaml",
        "--seed",
        "7",
        "--format",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(3), "{}", stderr(&o));
    let doc: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(doc["status"], "infeasible");
    assert_eq!(doc["draw"]["seed"], "7");
    assert_eq!(doc["draw"]["rosters_in_distribution"], 0);
    assert_eq!(doc["draw"]["probabilities"], serde_json::json!([]));
    assert_eq!(doc["draw"]["min_p"], 0.0);
}
