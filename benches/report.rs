//! The printed report for the 640-member `scenarios/city.yaml` (issue 10:
//! under 2 s beyond the plan itself). The round is planned once, outside
//! the measurement; the benchmark renders the HTML (roster, score, recusal
//! review with the recusal computed for the round, training).
//! `cargo bench --bench report`.

use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion};
use xuncha::report::html::{render, Input};
use xuncha::report::i18n::{Lang, Words};
use xuncha::solver::{self, PlanOptions};

fn city_report(c: &mut Criterion) {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/scenarios/city.yaml");
    let bytes = std::fs::read(path).expect("city.yaml");
    let s = xuncha::scenario::load(std::path::Path::new(path)).expect("city loads");
    let round = s.round.clone().expect("a round");
    let plan = solver::plan(
        &s,
        &round,
        &PlanOptions {
            time_limit: Duration::from_secs(60),
            ..Default::default()
        },
    )
    .expect("plan");
    let w = Words::new(Lang::Zh);
    let input = Input {
        scenario: &s,
        file: "city.yaml",
        bytes: &bytes,
        round: &round,
        plan: &plan,
        evidence: false,
        simulation: None,
        draw: None,
    };
    eprintln!("city report: {} bytes of HTML", render(&w, &input).len());
    let mut g = c.benchmark_group("report");
    g.sample_size(10).measurement_time(Duration::from_secs(10));
    g.bench_function("city html", |b| b.iter(|| render(&w, &input)));
    g.bench_function("city html with evidence", |b| {
        let with = Input {
            scenario: &s,
            file: "city.yaml",
            bytes: &bytes,
            round: &round,
            plan: &plan,
            evidence: true,
            simulation: None,
            draw: None,
        };
        b.iter(|| render(&w, &with))
    });
    g.finish();
}

criterion_group!(benches, city_report);
criterion_main!(benches);
