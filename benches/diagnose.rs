//! Diagnosing a county-sized infeasible round, suggestions included
//! (issue 16: ≤ 5 s). The generated county (120 pool members, 8 groups,
//! 16 units) with `group_size` raised until no roster exists, preferring a
//! size where every counting check still passes (so the deletion filter
//! runs). `cargo bench --bench diagnose`.

use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion};
use xuncha::generate::{generate, to_yaml, CountySpec};
use xuncha::solver::{self, PlanOptions, Status};

fn county_infeasible(c: &mut Criterion) {
    let opts = PlanOptions {
        time_limit: Duration::from_secs(60),
        ..Default::default()
    };
    let base = generate(&CountySpec::county());
    let mut chosen = None;
    for min in 10..=16 {
        let mut raw = base.clone();
        if let Some(r) = raw.round.as_mut() {
            r.group_size.min = min;
            r.group_size.max = min + 1;
        }
        let s = xuncha::scenario::parse(&to_yaml(&raw), "bench.yaml").expect("loads");
        let round = s.round.clone().expect("a round");
        let p = solver::plan(&s, &round, &opts).expect("plan");
        if p.status != Status::Infeasible {
            continue;
        }
        let by_model = p
            .diagnosis
            .iter()
            .any(|d| matches!(d, xuncha::solver::Finding::RulesClash { .. }));
        eprintln!(
            "group_size.min {min}: infeasible ({}), {} suggestions, {:.2} s",
            if by_model {
                "deletion filter"
            } else {
                "counting"
            },
            p.suggestions.len(),
            p.stats.seconds
        );
        let done = by_model;
        if chosen.is_none() || by_model {
            chosen = Some((s, round, p));
        }
        if done {
            break;
        }
    }
    let (s, round, p) = chosen.expect("some size leaves no roster");
    eprintln!(
        "chosen: {} reasons, {} suggestions, {:.2} s",
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
