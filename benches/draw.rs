//! A draw for a county round (issue 15: ≤ 10 s): `xuncha draw` on the
//! bundled county (scenarios/qingshan.yaml) and on a generated county
//! (`generate --preset county`, seed 1: 120 pool members, 8 groups), at the
//! default tolerance and among optimal rosters only. Run with
//! `cargo bench --bench draw`; figures are in docs/performance.md ("The
//! draw").
//!
//! Before the timed loop it prints, once per case, the time, the rosters
//! in the distribution, the smallest chance and whether the column
//! generation converged.

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, Criterion};
use xuncha::draw::{draw, DrawOptions};
use xuncha::generate::{generate, to_yaml, CountySpec};
use xuncha::Scenario;

fn qingshan() -> Scenario {
    xuncha::scenario::load(std::path::Path::new("scenarios/qingshan.yaml"))
        .expect("the sample county loads")
}

fn generated() -> Scenario {
    let raw = generate(&CountySpec {
        seed: 1,
        ..CountySpec::county()
    });
    xuncha::scenario::parse(&to_yaml(&raw), "generated.yaml").expect("the generated county loads")
}

fn opts(within_pct: f64) -> DrawOptions {
    DrawOptions {
        seed: "20270301".into(),
        within_pct,
        time_limit: Duration::from_secs(60),
    }
}

fn bench(c: &mut Criterion) {
    let cases = [("qingshan", qingshan()), ("generated county", generated())];
    let mut group = c.benchmark_group("draw");
    group.sample_size(10);
    for (name, s) in &cases {
        let round = s.round.as_ref().expect("a round");
        for within in [10.0, 0.0] {
            let began = Instant::now();
            let d = draw(s, round, &opts(within)).expect("a draw");
            let seconds = began.elapsed().as_secs_f64();
            match &d.distribution {
                Some(dist) => eprintln!(
                    "{name}, within {within}%: {seconds:.2} s, {} rosters, min_p {:.4}, converged {}",
                    dist.rosters.len(),
                    dist.min_p() as f64 / 1e6,
                    dist.converged
                ),
                None => eprintln!("{name}, within {within}%: {seconds:.2} s, no roster"),
            }
            group.bench_function(format!("{name}, within {within}%"), |b| {
                b.iter(|| black_box(draw(s, round, &opts(within)).expect("a draw")))
            });
        }
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
