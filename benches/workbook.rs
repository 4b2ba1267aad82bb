//! Loading a scenario whose lists come from a workbook (`sources:`, issue
//! 11): 2,400 pool members and 10,000 relatives and officials with about
//! 12,000 relations and their postings, exported to one .xlsx and read
//! back by `scenario::load` (sheet parsing, header matching, name
//! resolution, validation). Target: under 2 s. Run with
//! `cargo bench --bench workbook`.

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion, SamplingMode};
use xuncha::generate::{generate, CountySpec};
use xuncha::workbook::write;

fn load_workbook(c: &mut Criterion) {
    let spec = CountySpec {
        seed: 11,
        townships: 300,
        villages_per_township: (3, 5),
        departments: 700,
        pool: 2_400,
        leaders: 400,
        retired: 120,
        officials: 10_000,
        relations: 12_000,
        history_rounds: 2,
        groups_per_round: 100,
        group_size: (4, 6),
        round_groups: 150,
        term_rounds: 0,
        training: true,
    };
    let mut raw = generate(&spec);
    let dir = tempfile::tempdir().expect("a temporary folder");
    let book = write::to_xlsx(&write::export(&raw)).expect("the workbook is written");
    std::fs::write(dir.path().join("人员库.xlsx"), &book).expect("written");
    let people = raw.people.len();
    let relations = raw.relations.len();
    raw.units.clear();
    raw.people.clear();
    raw.relations.clear();
    if let Some(t) = raw.training.as_mut() {
        t.records.clear();
    }
    raw.sources = vec!["人员库.xlsx".into()];
    let yaml = dir.path().join("s.yaml");
    std::fs::write(&yaml, serde_yaml::to_string(&raw).expect("yaml")).expect("written");
    let s = xuncha::scenario::load(&yaml).expect("the workbook scenario loads");
    assert_eq!(s.people.len(), people);
    eprintln!(
        "workbook: {} KiB, {people} people ({} in the pool), {relations} relations",
        book.len() / 1024,
        s.people.iter().filter(|p| p.pool).count()
    );

    let mut g = c.benchmark_group("workbook_sources");
    g.sampling_mode(SamplingMode::Flat)
        .sample_size(10)
        .measurement_time(Duration::from_secs(20));
    g.bench_function("load_2400_pool_10000_others", |b| {
        b.iter(|| black_box(xuncha::scenario::load(&yaml).expect("loads")))
    });
    g.finish();
}

criterion_group!(benches, load_workbook);
criterion_main!(benches);
