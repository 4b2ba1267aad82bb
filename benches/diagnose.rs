//! Diagnosing a county-sized infeasible round, suggestions included
//! (issue 16: ≤ 5 s). The generated county (120 pool members, 8 groups,
//! 16 units) with `group_size.min` raised until the pool cannot staff it
//! in the model (every counting check still passes). `cargo bench --bench
//! diagnose`.

use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion};
use xuncha::generate::{generate, to_yaml, CountySpec};
use xuncha::solver::{self, PlanOptions, Status};

fn county_infeasible(c: &mut Criterion) {
    let mut raw = generate(&CountySpec::county());
    if let Some(r) = raw.round.as_mut() {
        r.group_size.min = 12;
        r.group_size.max = 14;
    }
    let s = xuncha::scenario::parse(&to_yaml(&raw), "bench.yaml").expect("loads");
    let round = s.round.clone().expect("a round");
    let opts = PlanOptions {
        time_limit: Duration::from_secs(60),
        ..Default::default()
    };
    let p = solver::plan(&s, &round, &opts).expect("plan");
    assert_eq!(p.status, Status::Infeasible);
    eprintln!(
        "county, group_size.min 12: {} reasons, {} suggestions, {:.2} s",
        p.diagnosis.len(),
        p.suggestions.len(),
        p.stats.seconds
    );
    let mut g = c.benchmark_group("diagnose");
    g.sample_size(10).measurement_time(Duration::from_secs(20));
    g.bench_function("county infeasible, with suggestions", |b| {
        b.iter(|| solver::plan(&s, &round, &opts).expect("plan"))
    });
    g.finish();
}

criterion_group!(benches, county_infeasible);
criterion_main!(benches);
