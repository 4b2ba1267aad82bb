//! A county term of 10 rounds (`xuncha simulate`): the generated county
//! (`CountySpec::county()`: 120 pool members, 66 units, 8 groups a round)
//! with its round and nine term rounds, 2027-R1 … 2031-R2. Run with
//! `cargo bench --bench simulate`; figures are recorded in
//! docs/performance.md ("Term simulation").
//!
//! Before the timed loop it prints, once, the lookahead-vs-round-by-round
//! comparison (repeat_pair, load max − min, …) on that county and on a
//! tighter one; set `XUNCHA_BENCH_LOOKAHEAD=0` to skip it.

use std::hint::black_box;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, Criterion};
use xuncha::generate::{generate, to_yaml, CountySpec};
use xuncha::scenario::raw::{RawTerm, RawTermRound};
use xuncha::simulate::{simulate, SimOptions};
use xuncha::Scenario;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a date")
}

/// The county of `spec` with its round and `term_rounds` rounds after it.
fn county_term(spec: &CountySpec, term_rounds: usize) -> Scenario {
    let mut raw = generate(spec);
    let rounds = (1..=term_rounds as i32)
        .map(|k| {
            let n = 2027 * 2 + k;
            let (year, half) = (n / 2, n % 2 + 1);
            let (start, end) = if half == 1 {
                (date(year, 3, 1), date(year, 5, 15))
            } else {
                (date(year, 9, 1), date(year, 10, 31))
            };
            RawTermRound {
                id: format!("{year}-R{half}"),
                kind: None,
                start: Some(start),
                end: Some(end),
                groups: None,
                group_size: None,
                max_units_per_group: None,
                villages_per_township: None,
                required_skills: None,
                max_retired_per_group: None,
            }
        })
        .collect();
    raw.term = Some(RawTerm {
        start: date(2026, 1, 1),
        end: date(2031, 12, 31),
        rounds,
    });
    match xuncha::scenario::parse(&to_yaml(&raw), "county-term.yaml") {
        Ok(s) => s,
        Err(e) => panic!("the generated county does not load:\n{e}"),
    }
}

fn compare(name: &str, s: &Scenario) {
    eprintln!(
        "\n{name}: {} pool members, {} units",
        s.pool().count(),
        s.units.len()
    );
    eprintln!(
        "  {:<14} {:>8} {:>10} {:>10} {:>10} {:>12} {:>10} {:>8}",
        "method", "rounds", "infeasible", "repeat_u", "repeat_p", "served", "max-min", "seconds"
    );
    for k in [1usize, 2, 3] {
        let opts = SimOptions {
            lookahead: k,
            ..SimOptions::default()
        };
        let began = Instant::now();
        let label = if k == 1 {
            "round by round".to_string()
        } else {
            format!("lookahead {k}")
        };
        let sim = match simulate(s, &opts) {
            Ok(sim) => sim,
            Err(e) => {
                eprintln!("  {label:<14} failed: {e}");
                continue;
            }
        };
        let secs = began.elapsed().as_secs_f64();
        let m = &sim.summary;
        eprintln!(
            "  {:<14} {:>8} {:>10} {:>10} {:>10} {:>12} {:>10} {:>8.1}",
            label,
            m.rounds_total,
            m.rounds_infeasible,
            m.repeat_unit,
            m.repeat_pair,
            format!("{}..{} ({:.2})", m.served_min, m.served_max, m.served_mean),
            m.load_spread(),
            secs
        );
    }
}

fn bench(c: &mut Criterion) {
    let county = county_term(&CountySpec::county(), 9);
    let opts = SimOptions::default();
    let once = match simulate(&county, &opts) {
        Ok(sim) => sim,
        Err(e) => panic!("{e}"),
    };
    let m = &once.summary;
    eprintln!(
        "simulate bench: {} rounds, {} pool members, {} units ({} to cover); covered {}, \
         infeasible {}, repeat_pair {}, served {}..{}, backend {}",
        m.rounds_total,
        m.pool,
        m.units_total,
        m.units_to_cover,
        m.units_covered,
        m.rounds_infeasible,
        m.repeat_pair,
        m.served_min,
        m.served_max,
        xuncha::solver::backend_name()
    );

    if std::env::var("XUNCHA_BENCH_LOOKAHEAD").as_deref() != Ok("0") {
        compare("county, 10 rounds", &county);
        // A tighter pool: 60 members (14 leaders) for 8 groups a round.
        let tight = CountySpec {
            pool: 60,
            leaders: 14,
            retired: 5,
            ..CountySpec::county()
        };
        compare(
            "tight county (60 in the pool), 10 rounds",
            &county_term(&tight, 9),
        );
    }

    let mut g = c.benchmark_group("simulate");
    g.sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(40));
    g.bench_function("county term, 10 rounds, round by round", |b| {
        b.iter(|| simulate(black_box(&county), black_box(&opts)).is_ok())
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
