//! A simulated term: the per-round table and summary for people, FORMAT.md
//! "Term simulation" JSON for programs, CSV of the rounds; the side-by-side
//! comparison of variants; the Monte Carlo spread.
//!
//! Nothing printed depends on timing, so the same input prints the same
//! bytes.

use serde::Serialize;
use serde_json::{json, Value};

use crate::report::plan::{json_plan, JsonPlan};
use crate::report::table::Table;
use crate::scenario::Scenario;
use crate::simulate::{Distribution, McReport, Outcome, SimRound, Simulation, Summary};
use crate::UnitIx;

fn unit_ids(s: &Scenario, us: &[UnitIx]) -> Vec<String> {
    us.iter().map(|u| s.unit(*u).id.clone()).collect()
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

#[derive(Serialize)]
struct JsonRound {
    #[serde(flatten)]
    plan: JsonPlan,
    start: String,
    end: String,
    units: Vec<String>,
    new_units: Vec<String>,
    eligible: usize,
    assumed_training: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    lookahead: Option<String>,
}

fn json_round(s: &Scenario, r: &SimRound) -> JsonRound {
    let plan = match &r.outcome {
        Outcome::Planned(p) => json_plan(s, p),
        Outcome::TimedOut { .. } => JsonPlan {
            round: r.round.id.clone(),
            status: r.outcome.status(),
            objective: json!({}),
            groups: Vec::new(),
            gap: None,
            diagnosis: r.outcome.reasons(),
        },
    };
    JsonRound {
        plan,
        start: r.round.start.to_string(),
        end: r.round.end.to_string(),
        units: unit_ids(s, &r.round.units),
        new_units: unit_ids(s, &r.new_units),
        eligible: r.eligible,
        assumed_training: r.assumed_training,
        lookahead: r.steering.clone(),
    }
}

/// The summary object: the contract's fields first, then ours.
pub fn json_summary(s: &Scenario, sim: &Simulation) -> Value {
    let m = &sim.summary;
    let lapses: Vec<Value> = sim
        .lapses
        .iter()
        .map(|l| {
            json!({
                "person": s.person(l.person).id,
                "round": l.round,
                "excluded": l.excluded,
            })
        })
        .collect();
    json!({
        "units_total": m.units_total,
        "units_covered": m.units_covered,
        "repeat_unit": m.repeat_unit,
        "repeat_pair": m.repeat_pair,
        "served_min": m.served_min,
        "served_max": m.served_max,
        "rounds_infeasible": m.rounds_infeasible,
        "units_to_cover": m.units_to_cover,
        "units_uncovered": unit_ids(s, &m.uncovered),
        "villages_must_total": m.villages_must_total,
        "villages_must_covered": m.villages_must_covered,
        "pool": m.pool,
        "served_mean": round2(m.served_mean),
        "served_histogram": m.served_histogram,
        "rounds_total": m.rounds_total,
        "infeasible_rounds": m.infeasible,
        "objective_total": m.objective_total,
        "assumptions": sim.notes,
        "training_lapses": lapses,
    })
}

fn json_simulation(s: &Scenario, sim: &Simulation) -> Value {
    json!({
        "rounds": sim.rounds.iter().map(|r| json_round(s, r)).collect::<Vec<_>>(),
        "summary": json_summary(s, sim),
    })
}

fn pretty(v: &Value) -> String {
    let mut out = serde_json::to_string_pretty(v).expect("JSON values serialise");
    out.push('\n');
    out
}

/// FORMAT.md "Term simulation".
pub fn json(s: &Scenario, sim: &Simulation) -> String {
    let mut doc = serde_json::Map::new();
    doc.insert("format".into(), json!(1));
    if let Value::Object(body) = json_simulation(s, sim) {
        doc.extend(body);
    }
    pretty(&Value::Object(doc))
}

fn weight(s: &Scenario, us: &[UnitIx]) -> u64 {
    us.iter().map(|u| s.unit(*u).weight as u64).sum()
}

fn dates(r: &SimRound) -> String {
    let (a, b) = (r.round.start, r.round.end);
    if a.format("%Y").to_string() == b.format("%Y").to_string() {
        format!("{a}..{}", b.format("%m-%d"))
    } else {
        format!("{a}..{b}")
    }
}

fn status_cell(r: &SimRound) -> String {
    match &r.outcome {
        Outcome::TimedOut { .. } => "timed out".into(),
        Outcome::Planned(p) => p.status.as_str().to_string(),
    }
}

/// One row per round: CSV.
pub fn csv(s: &Scenario, sim: &Simulation) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record([
        "round",
        "start",
        "end",
        "groups",
        "units",
        "new_units",
        "weight",
        "status",
        "total",
        "repeat_unit",
        "repeat_pair",
        "workload",
        "balance",
        "eligible",
        "assumed_training",
        "diagnosis",
    ])
    .expect("write to memory");
    for r in &sim.rounds {
        let o = r
            .outcome
            .plan()
            .and_then(|p| p.breakdown.as_ref())
            .map(|b| b.objective);
        let cell = |f: fn(&crate::roster::Objective) -> u64| {
            o.as_ref().map(|o| f(o).to_string()).unwrap_or_default()
        };
        w.write_record([
            r.round.id.clone(),
            r.round.start.to_string(),
            r.round.end.to_string(),
            r.round.rules.groups.to_string(),
            unit_ids(s, &r.round.units).join(" "),
            unit_ids(s, &r.new_units).join(" "),
            weight(s, &r.round.units).to_string(),
            r.outcome.status().to_string(),
            cell(|o| o.total),
            cell(|o| o.repeat_unit),
            cell(|o| o.repeat_pair),
            cell(|o| o.workload),
            cell(|o| o.balance),
            r.eligible.to_string(),
            r.assumed_training.to_string(),
            r.outcome.reasons().join("; "),
        ])
        .expect("write to memory");
    }
    String::from_utf8(w.into_inner().expect("flush")).expect("UTF-8")
}

fn bar(n: usize, max: usize) -> String {
    let len = if max == 0 { 0 } else { (n * 30).div_ceil(max) };
    "█".repeat(len)
}

fn per_round_table(s: &Scenario, sim: &Simulation) -> String {
    let mut t = Table::new([
        "round", "dates", "groups", "units", "new", "weight", "status", "score", "rep.unit",
        "rep.pair", "eligible", "assumed",
    ]);
    for r in &sim.rounds {
        let b = r.outcome.plan().and_then(|p| p.breakdown.as_ref());
        let num = |f: fn(&crate::score::Breakdown) -> u64| {
            b.map(|b| f(b).to_string()).unwrap_or_else(|| "-".into())
        };
        t.row([
            r.round.id.clone(),
            dates(r),
            r.round.rules.groups.to_string(),
            r.round.units.len().to_string(),
            r.new_units.len().to_string(),
            weight(s, &r.round.units).to_string(),
            status_cell(r),
            num(|b| b.objective.total),
            num(|b| b.objective.repeat_unit),
            num(|b| b.objective.repeat_pair),
            r.eligible.to_string(),
            r.assumed_training.to_string(),
        ]);
    }
    t.render()
}

fn list(items: &[String], max: usize) -> String {
    if items.len() <= max {
        items.join(", ")
    } else {
        format!("{}, … {} in all", items[..max].join(", "), items.len())
    }
}

/// The table and summary for people. `rosters` adds every round's groups.
pub fn table(
    w: &crate::report::i18n::Words,
    s: &Scenario,
    sim: &Simulation,
    rosters: bool,
) -> String {
    let m = &sim.summary;
    let mut out = String::new();
    let first = sim
        .rounds
        .first()
        .map(|r| r.round.id.as_str())
        .unwrap_or("");
    let last = sim.rounds.last().map(|r| r.round.id.as_str()).unwrap_or("");
    out.push_str(&format!(
        "term simulation: {} rounds ({first} … {last}), {} pool members, {} units\n\n",
        m.rounds_total, m.pool, m.units_total
    ));
    out.push_str(&per_round_table(s, sim));
    out.push('\n');
    out.push_str(&summary_text(s, sim));
    for r in sim.rounds.iter().filter(|r| r.steering.is_some()) {
        if r.steering
            .as_deref()
            .is_some_and(|x| !x.starts_with("plain"))
        {
            out.push_str(&format!(
                "lookahead {}: kept {}\n",
                r.round.id,
                r.steering.as_deref().unwrap_or("")
            ));
        }
    }
    if rosters {
        for r in &sim.rounds {
            out.push('\n');
            match &r.outcome {
                Outcome::Planned(p) => out.push_str(&crate::report::plan::table(w, s, p, false)),
                Outcome::TimedOut { .. } => {
                    out.push_str(&format!("round {}: timed out\n", r.round.id));
                    for d in r.outcome.reasons() {
                        out.push_str(&format!("  - {d}\n"));
                    }
                }
            }
        }
    }
    out
}

/// Reasons shown per unstaffed round in the summary.
const REASONS_SHOWN: usize = 3;

/// `text` cut to at most `max` characters, with an ellipsis when cut.
fn clip(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", &text[..i]),
        None => text.to_string(),
    }
}

fn summary_text(s: &Scenario, sim: &Simulation) -> String {
    let m = &sim.summary;
    let mut out = String::new();
    let uncovered = if m.uncovered.is_empty() {
        "none".to_string()
    } else {
        list(
            &m.uncovered
                .iter()
                .map(|u| format!("{} ({})", s.unit_name(*u), s.unit(*u).id))
                .collect::<Vec<_>>(),
            12,
        )
    };
    out.push_str(&format!(
        "coverage    {} of {} units inspected in the term ({} still to cover when the simulation \
         starts); uncovered: {uncovered}\n",
        m.units_covered, m.units_total, m.units_to_cover
    ));
    out.push_str(&format!(
        "            must-inspect villages (poverty, weak_org, hotspot): {} of {}\n",
        m.villages_must_covered, m.villages_must_total
    ));
    out.push_str(&format!(
        "load        rounds served in the term per pool member: min {}, max {}, mean {:.2} \
         (max − min {})\n",
        m.served_min,
        m.served_max,
        m.served_mean,
        m.load_spread()
    ));
    let top = m.served_histogram.iter().copied().max().unwrap_or(0);
    for (k, n) in m.served_histogram.iter().enumerate() {
        out.push_str(&format!(
            "            {k:>2} {} {n}\n",
            crate::report::table::pad(&bar(*n, top), 30)
        ));
    }
    out.push_str(&format!(
        "repeats     repeat_unit {}, repeat_pair {} (summed over the simulated rounds; \
         objective total {})\n",
        m.repeat_unit, m.repeat_pair, m.objective_total
    ));
    if m.rounds_infeasible == 0 {
        out.push_str("failures    none: every round can be staffed\n");
    } else {
        out.push_str(&format!(
            "failures    {} of {} rounds cannot be staffed:\n",
            m.rounds_infeasible, m.rounds_total
        ));
        for r in sim.rounds.iter().filter(|r| !r.outcome.staffed()) {
            out.push_str(&format!("            {}:\n", r.round.id));
            let reasons = r.outcome.reasons();
            for d in reasons.iter().take(REASONS_SHOWN) {
                out.push_str(&format!("              - {}\n", clip(d, 200)));
            }
            if reasons.len() > REASONS_SHOWN {
                out.push_str(&format!(
                    "              (… {} more; --rosters or --format json lists them all)\n",
                    reasons.len() - REASONS_SHOWN
                ));
            }
        }
    }
    out.push_str("assumptions\n");
    for n in &sim.notes {
        out.push_str(&format!("  - {n}\n"));
    }
    let (rescued, lapsed): (Vec<_>, Vec<_>) =
        sim.lapses.iter().partition(|l| l.covered_by_assumption());
    if !rescued.is_empty() {
        let who: Vec<String> = rescued
            .iter()
            .map(|l| format!("{} from {}", s.person(l.person).id, l.round))
            .collect();
        out.push_str(&format!(
            "lapses      recorded training runs out, the assumed courses keep them trained: {}\n",
            list(&who, 6)
        ));
    }
    if !lapsed.is_empty() {
        let rounds = sim.rounds.len();
        let who: Vec<String> = lapsed
            .iter()
            .map(|l| {
                let missed = if l.excluded.len() == rounds {
                    "every round".to_string()
                } else if l.excluded.len() <= 3 {
                    l.excluded.join(", ")
                } else {
                    format!(
                        "{} and {} more",
                        l.excluded[..2].join(", "),
                        l.excluded.len() - 2
                    )
                };
                format!("{}: {missed}", crate::score::person_label(s, l.person))
            })
            .collect();
        let shown = who.len().min(10);
        let mut line = who[..shown].join("; ");
        if who.len() > shown {
            line.push_str(&format!("; … {} in all", who.len()));
        }
        out.push_str(&format!(
            "            untrained even with the assumption, so excluded from: {line}\n"
        ));
    }
    out
}

/// One column per variant: summaries side by side.
pub fn compare_table(variants: &[(String, Simulation)]) -> String {
    let mut headers = vec![String::new()];
    let mut legend = Vec::new();
    for (i, (label, _)) in variants.iter().enumerate() {
        if label.chars().count() > HEADER_WIDTH {
            legend.push(format!("v{i}: {label}"));
            headers.push(format!("v{i}: {}", clip(label, HEADER_WIDTH - 6)));
        } else {
            headers.push(label.clone());
        }
    }
    let mut t = Table::new(headers);
    let row = |t: &mut Table, name: &str, f: &dyn Fn(&Summary) -> String| {
        let mut cells = vec![name.to_string()];
        cells.extend(variants.iter().map(|(_, sim)| f(&sim.summary)));
        t.row(cells);
    };
    row(&mut t, "rounds", &|m| m.rounds_total.to_string());
    row(&mut t, "rounds infeasible", &|m| {
        if m.infeasible.is_empty() {
            "0".into()
        } else {
            let more = if m.infeasible.len() > 2 { ", …" } else { "" };
            format!(
                "{} ({}{more})",
                m.rounds_infeasible,
                m.infeasible[..m.infeasible.len().min(2)].join(", ")
            )
        }
    });
    row(&mut t, "pool", &|m| m.pool.to_string());
    row(&mut t, "units covered", &|m| {
        format!("{}/{}", m.units_covered, m.units_total)
    });
    row(&mut t, "must-inspect villages", &|m| {
        format!("{}/{}", m.villages_must_covered, m.villages_must_total)
    });
    row(&mut t, "repeat_unit", &|m| m.repeat_unit.to_string());
    row(&mut t, "repeat_pair", &|m| m.repeat_pair.to_string());
    row(&mut t, "served min/max", &|m| {
        format!("{}/{}", m.served_min, m.served_max)
    });
    row(&mut t, "served mean", &|m| format!("{:.2}", m.served_mean));
    row(&mut t, "load max − min", &|m| m.load_spread().to_string());
    row(&mut t, "objective total", &|m| {
        m.objective_total.to_string()
    });
    let mut out = t.render();
    for l in legend {
        out.push_str(&format!("{l}\n"));
    }
    out
}

/// Variant labels longer than this are cut in the header and given in full below.
const HEADER_WIDTH: usize = 24;

pub fn compare_json(s: &Scenario, variants: &[(String, Simulation)]) -> String {
    let vs: Vec<Value> = variants
        .iter()
        .map(|(label, sim)| {
            let mut v = serde_json::Map::new();
            v.insert("variant".into(), json!(label));
            if let Value::Object(body) = json_simulation(s, sim) {
                v.extend(body);
            }
            Value::Object(v)
        })
        .collect();
    pretty(&json!({"format": 1, "variants": vs}))
}

fn json_dist(d: &Distribution) -> Value {
    json!({
        "min": d.min,
        "median": d.median,
        "p90": d.p90,
        "max": d.max,
        "mean": round2(d.mean),
        "histogram": d.histogram.iter().map(|(v, n)| json!([v, n])).collect::<Vec<_>>(),
    })
}

pub fn montecarlo_json(r: &McReport) -> String {
    let failures: serde_json::Map<String, Value> = r
        .round_failures
        .iter()
        .map(|(id, n)| (id.clone(), json!(n)))
        .collect();
    let samples: Vec<Value> = r
        .samples
        .iter()
        .map(|x| {
            json!({
                "sample": x.index,
                "absences": x.absences,
                "units_covered": x.units_covered,
                "villages_must_covered": x.villages_must_covered,
                "rounds_infeasible": x.rounds_infeasible,
                "infeasible_rounds": x.infeasible,
                "served_min": x.served_min,
                "served_max": x.served_max,
                "repeat_pair": x.repeat_pair,
            })
        })
        .collect();
    pretty(&json!({
        "format": 1,
        "montecarlo": {
            "samples": r.options.samples,
            "seed": r.options.seed,
            "absence": r.options.absence,
            "units_total": r.units_total,
            "units_to_cover": r.units_to_cover,
            "villages_must_total": r.villages_must_total,
            "rounds": r.rounds,
            "units_covered": json_dist(&r.units_covered),
            "rounds_infeasible": json_dist(&r.rounds_infeasible),
            "served_max": json_dist(&r.served_max),
            "full_coverage": r.full_coverage,
            "round_failures": failures,
            "assumptions": r.notes,
            "per_sample": samples,
        }
    }))
}

pub fn montecarlo_table(r: &McReport) -> String {
    let mut out = format!(
        "Monte Carlo: {} samples, seed {}, each pool member misses each round with probability {}\n\n",
        r.options.samples, r.options.seed, r.options.absence
    );
    let mut t = Table::new(["", "min", "median", "p90", "max", "mean"]);
    for (name, d) in [
        ("units covered", &r.units_covered),
        ("rounds infeasible", &r.rounds_infeasible),
        ("max load (rounds)", &r.served_max),
    ] {
        t.row([
            name.to_string(),
            d.min.to_string(),
            d.median.to_string(),
            d.p90.to_string(),
            d.max.to_string(),
            format!("{:.2}", d.mean),
        ]);
    }
    out.push_str(&t.render());
    out.push('\n');
    out.push_str(&format!(
        "full coverage ({} units) in {} of {} samples\n",
        r.units_total, r.full_coverage, r.options.samples
    ));
    let failing: Vec<String> = r
        .round_failures
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|(id, n)| format!("{id} in {n}"))
        .collect();
    if failing.is_empty() {
        out.push_str("every round was staffed in every sample\n");
    } else {
        out.push_str(&format!(
            "rounds that could not be staffed: {}\n",
            failing.join(", ")
        ));
    }
    let (dist, label) = (&r.rounds_infeasible, "rounds infeasible");
    if dist.histogram.len() > 1 {
        out.push_str(&format!("{label}: "));
        let parts: Vec<String> = dist
            .histogram
            .iter()
            .map(|(v, n)| format!("{v} in {n} sample{}", if *n == 1 { "" } else { "s" }))
            .collect();
        out.push_str(&parts.join(", "));
        out.push('\n');
    }
    out.push_str("assumptions\n");
    for n in &r.notes {
        out.push_str(&format!("  - {n}\n"));
    }
    out
}
