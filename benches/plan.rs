//! Planning benchmarks on generated scenarios (issue 3's targets):
//! - a county: 80 pool members, 8 groups, 16 units, 6 history rounds —
//!   target: proven optimal in under 1 s with the default build;
//! - the bundled sample county (120 pool members);
//! - a pooled city for cross inspection: 640 pool members, 60 groups —
//!   target: within 1 % of the bound in under 30 s.
//!
//! `cargo bench --bench plan`; figures go to docs/performance.md.

use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion};
use xuncha::generate::{generate, to_yaml, CountySpec};
use xuncha::solver::{self, PlanOptions, Status};
use xuncha::Scenario;

fn load(spec: &CountySpec) -> Scenario {
    xuncha::scenario::parse(&to_yaml(&generate(spec)), "bench.yaml")
        .expect("generated scenario loads")
}

fn report(name: &str, s: &Scenario, limit: Duration) {
    let round = s.round.as_ref().unwrap();
    let opts = PlanOptions {
        time_limit: limit,
        ..Default::default()
    };
    let p = solver::plan(s, round, &opts).expect("plan");
    let total = p.breakdown.as_ref().map(|b| b.objective.total);
    eprintln!(
        "{name}: {} total {:?} gap {:?} — {} variables, {} rows, {:.2} s ({})",
        p.status.as_str(),
        total,
        p.gap(),
        p.stats.variables,
        p.stats.rows,
        p.stats.seconds,
        p.stats.backend
    );
}

fn county(c: &mut Criterion) {
    let spec = CountySpec::county_80();
    let s = load(&spec);
    report("county-80", &s, Duration::from_secs(60));
    let round = s.round.clone().unwrap();
    let mut g = c.benchmark_group("plan");
    g.sample_size(10).measurement_time(Duration::from_secs(20));
    g.bench_function("county 80 pool, 8 groups, 16 units", |b| {
        b.iter(|| {
            let p = solver::plan(&s, &round, &PlanOptions::default()).unwrap();
            assert_eq!(p.status, Status::Optimal);
            p
        })
    });
    let sample = xuncha::scenario::load(std::path::Path::new("scenarios/qingshan.yaml")).unwrap();
    report("qingshan-120", &sample, Duration::from_secs(60));
    let round = sample.round.clone().unwrap();
    g.bench_function("qingshan sample, 120 pool", |b| {
        b.iter(|| solver::plan(&sample, &round, &PlanOptions::default()).unwrap())
    });
    g.finish();
}

fn city(c: &mut Criterion) {
    let s = load(&CountySpec::city());
    let limit = Duration::from_secs(30);
    report("city-640", &s, limit);
    let round = s.round.clone().unwrap();
    let mut g = c.benchmark_group("plan-city");
    g.sample_size(10).measurement_time(Duration::from_secs(300));
    g.bench_function("city 640 pool, 60 groups, 30 s limit", |b| {
        b.iter(|| {
            solver::plan(
                &s,
                &round,
                &PlanOptions {
                    time_limit: limit,
                    ..Default::default()
                },
            )
            .unwrap()
        })
    });
    g.finish();
}

criterion_group!(benches, county, city);
criterion_main!(benches);
