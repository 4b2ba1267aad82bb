//! Recusal at county scale: 2,400 pool members against 1,000 units, with
//! about 10,000 people and 15,000 relations in the graph
//! (`CountySpec::recusal_bench`). Run with `cargo bench --bench conflicts`;
//! figures are recorded in docs/performance.md.

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion, SamplingMode};
use xuncha::generate::{generate, to_yaml, CountySpec};
use xuncha::recusal::{Recusal, Scope};

fn conflicts(c: &mut Criterion) {
    // Setup, outside the timed loops.
    let raw = generate(&CountySpec::recusal_bench());
    let yaml = to_yaml(&raw);
    let s = match xuncha::scenario::parse(&yaml, "recusal-bench.yaml") {
        Ok(s) => s,
        Err(e) => panic!("the generated scenario does not load:\n{e}"),
    };
    let scope = Scope::all_units(&s);
    let date = s
        .round
        .as_ref()
        .map(|r| r.start)
        .unwrap_or_else(|| chrono::NaiveDate::from_ymd_opt(2027, 3, 1).unwrap());
    let once = Recusal::compute(&s, &scope, date);
    eprintln!(
        "recusal bench: {} people ({} in the pool), {} units, {} villages, {} relations, \
         kin_depth {}; scope {} × {}; {} conflicts, {} waived; YAML {:.1} MB",
        s.people.len(),
        scope.people.len(),
        s.units.len(),
        s.villages.len(),
        s.relations.len(),
        s.recusal.kin_depth,
        scope.people.len(),
        scope.units.len(),
        once.conflicts().len(),
        once.waived().len(),
        yaml.len() as f64 / 1e6,
    );

    let mut g = c.benchmark_group("recusal");
    g.sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5));
    g.bench_function("conflicts 2400 pool × 1000 units, 10k people", |b| {
        b.iter(|| Recusal::compute(black_box(&s), black_box(&scope), date))
    });
    g.finish();

    // Loading the same county: the whole of `scenario::parse`, then its parts.
    let mut g = c.benchmark_group("load");
    g.sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5));
    g.bench_function("parse+validate 10k people YAML", |b| {
        b.iter(|| xuncha::scenario::parse(black_box(&yaml), "recusal-bench.yaml").is_ok())
    });
    g.bench_function("serde_yaml only (parse_raw)", |b| {
        b.iter(|| xuncha::scenario::parse_raw(black_box(&yaml)).is_ok())
    });
    g.bench_function("position index only (Locations::index)", |b| {
        b.iter(|| xuncha::scenario::Locations::index(black_box(&yaml)))
    });
    g.finish();
}

criterion_group!(benches, conflicts);
criterion_main!(benches);
