//! The term as one search (issue 14.3) on the social-golfer-shaped term of
//! tests/data/golfer-term.yaml: 32 pool members who may all lead, 8 groups
//! of 4, 10 rounds, nothing binding but repeated partners (10 rounds
//! without a repeated pair is the known optimum). Run with
//! `cargo bench --bench term`; figures are in docs/performance.md ("The
//! term as one search").
//!
//! Before the timed loop it prints, once, round by round against the
//! search: repeated pairs per round, the total, and the rounds before the
//! first repeated pair.

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, Criterion};
use xuncha::simulate::{improve::Search, simulate, SimOptions, Simulation};

fn golfer() -> xuncha::Scenario {
    let text = std::fs::read_to_string("tests/data/golfer-term.yaml").expect("the golfer term");
    match xuncha::scenario::parse(&text, "golfer-term.yaml") {
        Ok(s) => s,
        Err(e) => panic!("the golfer term does not load:\n{e}"),
    }
}

fn opts(search: Option<Search>) -> SimOptions {
    SimOptions {
        round_time_limit: Duration::from_secs(2),
        term_search: search,
        ..SimOptions::default()
    }
}

fn line(label: &str, sim: &Simulation, seconds: f64) {
    let per_round: Vec<u64> = sim
        .rounds
        .iter()
        .map(|r| {
            r.outcome
                .plan()
                .and_then(|p| p.breakdown.as_ref())
                .map_or(0, |b| b.objective.repeat_pair)
        })
        .collect();
    eprintln!(
        "{label}: repeated pairs per round {per_round:?}, total {}, rounds before the first {} ({seconds:.1} s)",
        sim.summary.repeat_pair, sim.summary.rounds_before_repeat_pair
    );
}

fn bench(c: &mut Criterion) {
    let s = golfer();
    for (label, search) in [
        ("round by round", None),
        ("term search, default moves", Some(Search::default())),
        (
            "term search, 200,000 moves",
            Some(Search {
                moves: 200_000,
                ..Search::default()
            }),
        ),
    ] {
        let t = Instant::now();
        let sim = simulate(&s, &opts(search)).expect("simulates");
        line(label, &sim, t.elapsed().as_secs_f64());
    }
    let mut g = c.benchmark_group("term");
    g.sample_size(10);
    g.measurement_time(Duration::from_secs(60));
    g.bench_function("golfer_32x8x10_search", |b| {
        b.iter(|| simulate(black_box(&s), &opts(Some(Search::default()))).expect("simulates"))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
