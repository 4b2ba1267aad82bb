//! `training import` at scale: the checks every imported row goes through
//! (CSV parse, person resolution, duplicate search against the ledger and
//! the rows before it) for 10k and 100k rows into scenarios/tiny.yaml. Run
//! with `cargo bench --bench import`; it must grow linearly (issue 13.4:
//! before the duplicate search was hashed, 100k rows took 71 s).

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion, SamplingMode};
use xuncha::training::append::{check, Candidate, Options};
use xuncha::training::ledger::{self, PeopleIndex};

fn rows(n: usize) -> String {
    let mut text = String::from("编号,课程,日期,学时\n");
    for i in 0..n {
        text.push_str(&format!(
            "P0{},课程{i},2026-0{}-1{},{}\n",
            1 + i % 8,
            1 + i % 6,
            i % 9,
            1 + i % 40
        ));
    }
    text
}

fn import(c: &mut Criterion) {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/scenarios/tiny.yaml");
    let s = xuncha::scenario::load(std::path::Path::new(path)).expect("tiny.yaml loads");
    let opts = Options {
        today: chrono::NaiveDate::from_ymd_opt(2027, 1, 1).unwrap(),
        planned: false,
        ledger: None,
        dry_run: true,
        source: "bench.csv".into(),
    };
    let mut g = c.benchmark_group("training_import");
    g.sampling_mode(SamplingMode::Flat)
        .sample_size(10)
        .measurement_time(Duration::from_secs(10));
    for n in [10_000, 100_000] {
        let text = rows(n);
        g.bench_function(format!("{n}_rows"), |b| {
            b.iter(|| {
                let csv = ledger::parse_csv(&text).expect("parses");
                let people =
                    PeopleIndex::new(s.people.iter().map(|p| (p.id.as_str(), p.name.as_str())));
                let (rows, problems) = ledger::records(&csv, &people);
                assert!(problems.is_empty());
                let new: Vec<Candidate> = rows
                    .into_iter()
                    .map(|r| Candidate {
                        record: r.record,
                        spans: r.spans,
                    })
                    .collect();
                black_box(check(&s, &new, &opts, "tiny.yaml"))
            })
        });
    }
    g.finish();
}

criterion_group!(benches, import);
criterion_main!(benches);
