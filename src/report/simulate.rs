//! A simulated term: the per-round table and summary for people, FORMAT.md
//! "Term simulation" JSON for programs, CSV of the rounds; the side-by-side
//! comparison of variants; the Monte Carlo spread.
//!
//! Nothing printed depends on timing, so the same input prints the same
//! bytes.

use serde::Serialize;
use serde_json::{json, Value};

use crate::report::i18n::Words;
use crate::report::plan::{json_plan, JsonPlan};
use crate::report::sheet::{Cell, Sheet};
use crate::report::table::{clean, pad, width, Table};
use crate::report::{person_label, unit_label};
use crate::scenario::{Scenario, VillageTag};
use crate::simulate::note::Requirement;
use crate::simulate::{Distribution, McReport, Note, Outcome, SimRound, Simulation, Summary};
use crate::t;
use crate::UnitIx;

/// Why a round is unstaffed, one line each (empty when it is staffed).
pub fn reasons(w: &Words, s: &Scenario, o: &Outcome) -> Vec<String> {
    match o {
        Outcome::Planned(p) => crate::report::diagnosis::lines(w, s, &p.diagnosis),
        Outcome::TimedOut { seconds } => vec![t!(
            w,
            "sim-timed-out-reason",
            seconds = format!("{seconds:.0}")
        )],
    }
}

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
    /// Units of the round no roster could hold, and why (the round is
    /// staffed without them).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    unstaffed: Vec<JsonUnstaffed>,
}

#[derive(Serialize)]
struct JsonUnstaffed {
    unit: String,
    diagnosis: Vec<String>,
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
            diagnosis: reasons(&Words::json(), s, &r.outcome),
            suggestions: Vec::new(),
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
        unstaffed: r
            .unstaffed
            .iter()
            .map(|x| JsonUnstaffed {
                unit: s.unit(x.unit).id.clone(),
                diagnosis: crate::report::diagnosis::lines(&Words::json(), s, &x.why),
            })
            .collect(),
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
    let mut v = json!({
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
        "assumptions": json_notes(&sim.notes),
        "training_lapses": lapses,
        "rounds_before_repeat_pair": m.rounds_before_repeat_pair,
        "led_min": m.led_min,
        "led_max": m.led_max,
    });
    // Optional fields (absent when no round was staffed only in part).
    if m.rounds_partial > 0 {
        v["rounds_partial"] = json!(m.rounds_partial);
        v["units_unstaffed"] = json!(m.units_unstaffed);
    }
    // Absent when the pool has no reserve cadres (docs/pool.md).
    if m.reserve > 0 {
        v["reserve"] = json!(m.reserve);
        v["reserve_unserved"] = json!(m
            .reserve_unserved
            .iter()
            .map(|p| s.person(*p).id.as_str())
            .collect::<Vec<_>>());
    }
    v
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

fn dates(w: &Words, r: &SimRound) -> String {
    let (a, b) = (r.round.start, r.round.end);
    let to = if a.format("%Y").to_string() == b.format("%Y").to_string() {
        b.format("%m-%d").to_string()
    } else {
        b.to_string()
    };
    t!(w, "sim-dates", from = a.to_string(), to = to)
}

/// A round's outcome in words: 最优, 可行, 无解, 超时.
fn status_cell(w: &Words, r: &SimRound) -> String {
    let code = match &r.outcome {
        Outcome::TimedOut { .. } => "timed_out",
        Outcome::Planned(p) => p.status.as_str(),
    };
    let status = t!(w, "sim-status", status = code);
    if r.unstaffed.is_empty() {
        status
    } else {
        t!(w, "sim-status-partial", status = status)
    }
}

/// One row per round: CSV, headers and statuses in `w`'s words.
pub fn csv(w: &Words, s: &Scenario, sim: &Simulation) -> String {
    sheet(w, s, sim).csv()
}

/// The workbook of one simulation: the rounds (as the CSV), then every
/// staffed round's seats (as `plan --format xlsx`).
pub fn sheets(w: &Words, s: &Scenario, sim: &Simulation) -> Vec<Sheet> {
    let mut seats: Option<Sheet> = None;
    for r in &sim.rounds {
        if let Some(p) = r.outcome.plan() {
            let one = crate::report::plan::sheet(w, s, p);
            match &mut seats {
                Some(all) => all.rows.extend(one.rows),
                None => seats = Some(one),
            }
        }
    }
    let mut out = vec![sheet(w, s, sim)];
    if let Some(mut seats) = seats {
        seats.name = t!(w, "sheet-simulate-seats");
        out.push(seats);
    }
    out
}

/// One row per round as a spreadsheet table (CSV and XLSX share it).
pub fn sheet(w: &Words, s: &Scenario, sim: &Simulation) -> Sheet {
    let mut out = Sheet::new(
        t!(w, "sheet-simulate"),
        vec![
            t!(w, "sim-csv-round"),
            t!(w, "sim-csv-start"),
            t!(w, "sim-csv-end"),
            t!(w, "sim-csv-groups"),
            t!(w, "sim-csv-units"),
            t!(w, "sim-csv-new-units"),
            t!(w, "sim-csv-weight"),
            t!(w, "sim-csv-status"),
            t!(w, "sim-csv-total"),
            t!(w, "sim-csv-repeat-unit"),
            t!(w, "sim-csv-repeat-pair"),
            t!(w, "sim-csv-workload"),
            t!(w, "sim-csv-balance"),
            t!(w, "sim-csv-eligible"),
            t!(w, "sim-csv-assumed-training"),
            t!(w, "sim-csv-diagnosis"),
        ],
    );
    for r in &sim.rounds {
        let o = r
            .outcome
            .plan()
            .and_then(|p| p.breakdown.as_ref())
            .map(|b| b.objective);
        let cell = |f: fn(&crate::roster::Objective) -> u64| {
            o.as_ref()
                .map(|o| Cell::number(f(o)))
                .unwrap_or_else(|| Cell::text(""))
        };
        out.push([
            Cell::text(r.round.id.clone()),
            Cell::text(r.round.start.to_string()),
            Cell::text(r.round.end.to_string()),
            Cell::number(r.round.rules.groups),
            Cell::text(unit_ids(s, &r.round.units).join(" ")),
            Cell::text(unit_ids(s, &r.new_units).join(" ")),
            Cell::number(weight(s, &r.round.units)),
            Cell::text(t!(w, "sim-status", status = r.outcome.status())),
            cell(|o| o.total),
            cell(|o| o.repeat_unit),
            cell(|o| o.repeat_pair),
            cell(|o| o.workload),
            cell(|o| o.balance),
            Cell::number(r.eligible),
            Cell::number(r.assumed_training),
            Cell::text(reasons(&Words::json(), s, &r.outcome).join("; ")),
        ]);
    }
    out
}

fn bar(n: usize, max: usize) -> String {
    let len = if max == 0 { 0 } else { (n * 30).div_ceil(max) };
    "█".repeat(len)
}

fn per_round_table(w: &Words, s: &Scenario, sim: &Simulation) -> String {
    let mut t = Table::new([
        t!(w, "sim-col-round"),
        t!(w, "sim-col-dates"),
        t!(w, "sim-col-groups"),
        t!(w, "sim-col-units"),
        t!(w, "sim-col-new"),
        t!(w, "sim-col-weight"),
        t!(w, "sim-col-status"),
        t!(w, "sim-col-score"),
        t!(w, "sim-col-repeat-unit"),
        t!(w, "sim-col-repeat-pair"),
        t!(w, "sim-col-eligible"),
        t!(w, "sim-col-assumed"),
    ]);
    for r in &sim.rounds {
        let b = r.outcome.plan().and_then(|p| p.breakdown.as_ref());
        let num = |f: fn(&crate::score::Breakdown) -> u64| {
            b.map(|b| f(b).to_string()).unwrap_or_else(|| "-".into())
        };
        t.row([
            r.round.id.clone(),
            dates(w, r),
            r.round.rules.groups.to_string(),
            r.round.units.len().to_string(),
            r.new_units.len().to_string(),
            weight(s, &r.round.units).to_string(),
            status_cell(w, r),
            num(|b| b.objective.total),
            num(|b| b.objective.repeat_unit),
            num(|b| b.objective.repeat_pair),
            r.eligible.to_string(),
            r.assumed_training.to_string(),
        ]);
    }
    t.render()
}

/// At most `max` items as a list, then how many in all.
fn list(w: &Words, items: &[String], max: usize) -> String {
    if items.len() <= max {
        w.list(items)
    } else {
        t!(
            w,
            "sim-list-more",
            items = w.list(&items[..max]),
            n = items.len()
        )
    }
}

/// The table and summary for people. `rosters` adds every round's groups.
pub fn table(w: &Words, s: &Scenario, sim: &Simulation, rosters: bool) -> String {
    let m = &sim.summary;
    let mut out = String::new();
    let first = sim
        .rounds
        .first()
        .map(|r| r.round.id.as_str())
        .unwrap_or("");
    let last = sim.rounds.last().map(|r| r.round.id.as_str()).unwrap_or("");
    out.push_str(&t!(
        w,
        "sim-heading",
        rounds = m.rounds_total,
        first = clean(first),
        last = clean(last),
        pool = m.pool,
        units = m.units_total
    ));
    out.push_str("\n\n");
    out.push_str(&per_round_table(w, s, sim));
    out.push('\n');
    out.push_str(&summary_text(w, s, sim));
    for r in sim.rounds.iter().filter(|r| r.steering.is_some()) {
        if r.steering
            .as_deref()
            .is_some_and(|x| !x.starts_with("plain"))
        {
            out.push_str(&t!(
                w,
                "sim-lookahead-kept",
                round = clean(&r.round.id),
                kept = clean(r.steering.as_deref().unwrap_or(""))
            ));
            out.push('\n');
        }
    }
    if rosters {
        for r in &sim.rounds {
            out.push('\n');
            match &r.outcome {
                Outcome::Planned(p) => out.push_str(&crate::report::plan::table(w, s, p, false)),
                Outcome::TimedOut { .. } => {
                    out.push_str(&t!(w, "sim-round-timed-out", round = clean(&r.round.id)));
                    out.push('\n');
                    for d in reasons(w, s, &r.outcome) {
                        out.push_str(&format!("  - {}\n", clean(&d)));
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

/// The summary's lines: a label in the first column, the text after it;
/// continuation lines (no label) line up under the text.
struct Labelled {
    lines: Vec<(Option<String>, String)>,
}

impl Labelled {
    fn new() -> Self {
        Labelled { lines: Vec::new() }
    }
    fn label(&mut self, label: String, text: String) {
        self.lines.push((Some(label), text));
    }
    fn more(&mut self, text: String) {
        self.lines.push((None, text));
    }
    fn render(&self) -> String {
        let col = self
            .lines
            .iter()
            .filter_map(|(l, _)| l.as_deref().map(width))
            .max()
            .unwrap_or(0)
            + 2;
        let mut out = String::new();
        for (label, text) in &self.lines {
            out.push_str(&pad(label.as_deref().unwrap_or(""), col));
            out.push_str(text);
            out.push('\n');
        }
        out
    }
}

fn summary_text(w: &Words, s: &Scenario, sim: &Simulation) -> String {
    let m = &sim.summary;
    let mut lines = Labelled::new();
    let uncovered = if m.uncovered.is_empty() {
        t!(w, "sim-none")
    } else {
        list(
            w,
            &m.uncovered
                .iter()
                .map(|u| unit_label(w, s, *u))
                .collect::<Vec<_>>(),
            12,
        )
    };
    lines.label(
        t!(w, "sim-coverage"),
        t!(
            w,
            "sim-coverage-units",
            covered = m.units_covered,
            total = m.units_total,
            to_cover = m.units_to_cover,
            uncovered = uncovered
        ),
    );
    lines.more(t!(
        w,
        "sim-coverage-villages",
        tags = w.list(
            [
                VillageTag::Poverty,
                VillageTag::WeakOrg,
                VillageTag::Hotspot
            ]
            .iter()
            .map(|t| w.tag(t.as_str()).into_owned())
        ),
        covered = m.villages_must_covered,
        total = m.villages_must_total
    ));
    lines.label(
        t!(w, "sim-load"),
        t!(
            w,
            "sim-load-line",
            min = m.served_min,
            max = m.served_max,
            mean = format!("{:.2}", m.served_mean),
            spread = m.load_spread()
        ),
    );
    let top = m.served_histogram.iter().copied().max().unwrap_or(0);
    for (k, n) in m.served_histogram.iter().enumerate() {
        lines.more(format!("{k:>2} {} {n}", pad(&bar(*n, top), 30)));
    }
    lines.label(
        t!(w, "sim-leaders"),
        t!(w, "sim-leaders-line", min = m.led_min, max = m.led_max),
    );
    if m.reserve > 0 {
        lines.label(
            t!(w, "sim-reserve"),
            if m.reserve_unserved.is_empty() {
                t!(w, "sim-reserve-all", reserve = m.reserve)
            } else {
                t!(
                    w,
                    "sim-reserve-line",
                    reserve = m.reserve,
                    unserved = m.reserve_unserved.len(),
                    who = w.list(
                        m.reserve_unserved
                            .iter()
                            .map(|p| super::person_label(w, s, *p))
                    )
                )
            },
        );
    }
    lines.label(
        t!(w, "sim-repeats"),
        t!(
            w,
            "sim-repeats-line",
            repeat_unit = m.repeat_unit,
            repeat_pair = m.repeat_pair,
            total = m.objective_total
        ),
    );
    if m.rounds_infeasible == 0 && m.rounds_partial > 0 {
        lines.label(t!(w, "sim-failures"), t!(w, "sim-failures-none-partial"));
    } else if m.rounds_infeasible == 0 {
        lines.label(t!(w, "sim-failures"), t!(w, "sim-failures-none"));
    } else {
        lines.label(
            t!(w, "sim-failures"),
            t!(
                w,
                "sim-failures-some",
                n = m.rounds_infeasible,
                total = m.rounds_total
            ),
        );
        for r in sim.rounds.iter().filter(|r| !r.outcome.staffed()) {
            lines.more(t!(w, "sim-failed-round", round = clean(&r.round.id)));
            let reasons = reasons(w, s, &r.outcome);
            for d in reasons.iter().take(REASONS_SHOWN) {
                lines.more(format!("  - {}", clean(&clip(d, 200))));
            }
            if reasons.len() > REASONS_SHOWN {
                lines.more(format!(
                    "  {}",
                    t!(w, "sim-more-reasons", n = reasons.len() - REASONS_SHOWN)
                ));
            }
        }
    }
    if m.rounds_partial > 0 {
        lines.label(
            t!(w, "sim-partial"),
            t!(
                w,
                "sim-partial-some",
                n = m.rounds_partial,
                units = m.units_unstaffed
            ),
        );
        for r in sim.rounds.iter().filter(|r| !r.unstaffed.is_empty()) {
            for x in &r.unstaffed {
                lines.more(t!(
                    w,
                    "sim-unstaffed-unit",
                    round = clean(&r.round.id),
                    unit = unit_label(w, s, x.unit)
                ));
                let reasons = crate::report::diagnosis::lines(w, s, &x.why);
                for d in reasons.iter().take(REASONS_SHOWN) {
                    lines.more(format!("  - {}", clean(&clip(d, 200))));
                }
            }
        }
    }
    let mut out = lines.render();
    out.push_str(&assumptions(w, &sim.notes));
    let mut lines = Labelled::new();
    let (rescued, lapsed): (Vec<_>, Vec<_>) =
        sim.lapses.iter().partition(|l| l.covered_by_assumption());
    if !rescued.is_empty() {
        let who: Vec<String> = rescued
            .iter()
            .map(|l| {
                t!(
                    w,
                    "sim-lapse-from",
                    person = clean(&s.person(l.person).id),
                    round = clean(&l.round)
                )
            })
            .collect();
        lines.label(
            t!(w, "sim-lapses"),
            t!(w, "sim-lapses-rescued", who = list(w, &who, 6)),
        );
    }
    if !lapsed.is_empty() {
        let rounds = sim.rounds.len();
        let who: Vec<String> = lapsed
            .iter()
            .map(|l| {
                let missed = if l.excluded.len() == rounds {
                    t!(w, "sim-every-round")
                } else if l.excluded.len() <= 3 {
                    w.list(l.excluded.iter().map(|x| clean(x)))
                } else {
                    t!(
                        w,
                        "sim-and-more",
                        items = w.list(l.excluded[..2].iter().map(|x| clean(x))),
                        n = l.excluded.len() - 2
                    )
                };
                t!(
                    w,
                    "sim-lapse-missed",
                    person = person_label(w, s, l.person),
                    missed = missed
                )
            })
            .collect();
        let shown = who.len().min(10);
        let mut line = who[..shown].join(&t!(w, "sim-lapse-sep"));
        if who.len() > shown {
            line.push_str(&t!(w, "sim-in-all", n = who.len()));
        }
        let text = t!(w, "sim-lapses-excluded", who = line);
        if rescued.is_empty() {
            lines.label(t!(w, "sim-lapses"), text);
        } else {
            lines.more(text);
        }
    }
    if !lines.lines.is_empty() {
        // Line the lapses up with the summary above.
        let col = [
            t!(w, "sim-coverage"),
            t!(w, "sim-load"),
            t!(w, "sim-repeats"),
            t!(w, "sim-failures"),
            t!(w, "sim-lapses"),
        ]
        .iter()
        .map(|l| width(l))
        .max()
        .unwrap_or(0)
            + 2;
        for (label, text) in &lines.lines {
            out.push_str(&pad(label.as_deref().unwrap_or(""), col));
            out.push_str(text);
            out.push('\n');
        }
    }
    out
}

/// The assumptions a run rests on, one per line.
fn assumptions(w: &Words, notes: &[Note]) -> String {
    let mut out = t!(w, "sim-assumptions");
    out.push('\n');
    for n in notes {
        out.push_str(&format!("  - {}\n", note(w, n)));
    }
    out
}

/// The notes as JSON's free text: English, whatever the language.
fn json_notes(notes: &[Note]) -> Vec<String> {
    let w = Words::json();
    notes.iter().map(|n| note(&w, n)).collect()
}

/// The training requirement as the notes name it: `40 h within 365 days`.
fn requirement(w: &Words, r: &Requirement) -> String {
    t!(
        w,
        "note-requirement",
        hours = r.hours.as_str(),
        days = r.within_days
    )
}

/// One assumption or what-if change in words.
pub fn note(w: &Words, n: &Note) -> String {
    match n {
        Note::NoTerm => t!(w, "note-no-term"),
        Note::RoundAfterTerm {
            round,
            end,
            term_end,
        } => t!(
            w,
            "note-round-after-term",
            round = clean(round),
            end = end.to_string(),
            term_end = term_end.to_string()
        ),
        Note::UnitsChosenAfresh {
            round,
            units,
            groups,
            max_units,
        } => t!(
            w,
            "note-units-chosen-afresh",
            round = clean(round),
            units = *units,
            groups = *groups,
            max_units = *max_units
        ),
        Note::TrainingNoRequirement => t!(w, "note-training-no-requirement"),
        Note::TrainingAssumed {
            requirement: r,
            horizon,
            from_round,
            from,
            records,
        } => t!(
            w,
            "note-training-assumed",
            requirement = requirement(w, r),
            horizon = horizon.to_string(),
            round = clean(from_round),
            from = from.to_string(),
            records = *records
        ),
        Note::TrainingNoRecords { requirement: r } => {
            t!(
                w,
                "note-training-no-records",
                requirement = requirement(w, r)
            )
        }
        Note::TrainingOnlyRound { requirement: r } => {
            t!(
                w,
                "note-training-only-round",
                requirement = requirement(w, r)
            )
        }
        Note::TrainingRecordedOnly { requirement: r } => t!(
            w,
            "note-training-recorded-only",
            requirement = requirement(w, r)
        ),
        Note::TrainingLapses {
            lapsing,
            rescued,
            lapsed,
        } => t!(
            w,
            "note-training-lapses",
            lapsing = *lapsing,
            rescued = *rescued,
            lapsed = *lapsed
        ),
        Note::Availability => t!(w, "note-availability"),
        Note::Absences {
            probability,
            seed,
            samples,
        } => t!(
            w,
            "note-absences",
            probability = probability.to_string(),
            seed = seed.to_string(),
            samples = *samples
        ),
        Note::WithoutPeople { ids, remaining } => t!(
            w,
            "note-without",
            n = ids.len(),
            ids = w.list(ids.iter().map(|i| clean(i))),
            remaining = *remaining
        ),
        Note::RoundsKept { kept, of } => t!(w, "note-rounds-kept", kept = *kept, of = *of),
        Note::RoundsAdded { rounds } => {
            let added: Vec<String> = rounds
                .iter()
                .map(|(id, start, end)| {
                    t!(
                        w,
                        "note-round-dates",
                        round = clean(id),
                        start = start.to_string(),
                        end = end.to_string()
                    )
                })
                .collect();
            t!(
                w,
                "note-rounds-added",
                n = rounds.len(),
                rounds = w.list(&added)
            )
        }
        Note::Shifted {
            months,
            round_to_plan,
        } => t!(
            w,
            "note-shifted",
            months = *months as i64,
            round = round_to_plan.as_deref().map(clean).unwrap_or_default(),
            stays = if round_to_plan.is_some() { "yes" } else { "no" }
        ),
        Note::RulesChanged { groups, group_size } => {
            let mut parts = Vec::new();
            if let Some(g) = groups {
                parts.push(t!(w, "note-rules-groups", groups = *g));
            }
            if let Some((min, max)) = group_size {
                parts.push(t!(w, "note-rules-size", min = *min, max = *max));
            }
            t!(w, "note-rules-changed", rules = w.list(&parts))
        }
    }
}

/// One column per variant: summaries side by side.
pub fn compare_table(w: &Words, variants: &[(String, Simulation)]) -> String {
    let mut headers = vec![String::new()];
    let mut legend = Vec::new();
    for (i, (label, _)) in variants.iter().enumerate() {
        // The run without changes is labelled `base` (as in the JSON).
        let label = if label == "base" {
            t!(w, "sim-cmp-base").into()
        } else {
            clean(label)
        };
        if label.chars().count() > HEADER_WIDTH {
            legend.push(format!("v{i}: {label}"));
            headers.push(format!("v{i}: {}", clip(&label, HEADER_WIDTH - 6)));
        } else {
            headers.push(label.into_owned());
        }
    }
    let mut t = Table::new(headers);
    let row = |t: &mut Table, name: String, f: &dyn Fn(&Summary) -> String| {
        let mut cells = vec![name];
        cells.extend(variants.iter().map(|(_, sim)| f(&sim.summary)));
        t.row(cells);
    };
    row(&mut t, t!(w, "sim-cmp-rounds"), &|m| {
        m.rounds_total.to_string()
    });
    row(&mut t, t!(w, "sim-cmp-infeasible"), &|m| {
        if m.infeasible.is_empty() {
            "0".into()
        } else {
            let shown = w.list(
                m.infeasible[..m.infeasible.len().min(2)]
                    .iter()
                    .map(|x| clean(x)),
            );
            t!(
                w,
                "sim-cmp-infeasible-cell",
                n = m.rounds_infeasible,
                rounds = shown,
                more = if m.infeasible.len() > 2 { "yes" } else { "no" }
            )
        }
    });
    row(&mut t, t!(w, "sim-cmp-pool"), &|m| m.pool.to_string());
    row(&mut t, t!(w, "sim-cmp-units-covered"), &|m| {
        format!("{}/{}", m.units_covered, m.units_total)
    });
    row(&mut t, t!(w, "sim-cmp-villages"), &|m| {
        format!("{}/{}", m.villages_must_covered, m.villages_must_total)
    });
    row(&mut t, t!(w, "sim-cmp-repeat-unit"), &|m| {
        m.repeat_unit.to_string()
    });
    row(&mut t, t!(w, "sim-cmp-repeat-pair"), &|m| {
        m.repeat_pair.to_string()
    });
    row(&mut t, t!(w, "sim-cmp-served"), &|m| {
        format!("{}/{}", m.served_min, m.served_max)
    });
    row(&mut t, t!(w, "sim-cmp-served-mean"), &|m| {
        format!("{:.2}", m.served_mean)
    });
    row(&mut t, t!(w, "sim-cmp-spread"), &|m| {
        m.load_spread().to_string()
    });
    row(&mut t, t!(w, "sim-cmp-objective"), &|m| {
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
            "assumptions": json_notes(&r.notes),
            "per_sample": samples,
        }
    }))
}

pub fn montecarlo_table(w: &Words, r: &McReport) -> String {
    let mut out = t!(
        w,
        "mc-heading",
        samples = r.options.samples,
        seed = r.options.seed.to_string(),
        absence = r.options.absence.to_string()
    );
    out.push_str("\n\n");
    let mut t = Table::new([
        String::new(),
        t!(w, "mc-col-min"),
        t!(w, "mc-col-median"),
        t!(w, "mc-col-p90"),
        t!(w, "mc-col-max"),
        t!(w, "mc-col-mean"),
    ]);
    for (name, d) in [
        (t!(w, "mc-units-covered"), &r.units_covered),
        (t!(w, "mc-rounds-infeasible"), &r.rounds_infeasible),
        (t!(w, "mc-max-load"), &r.served_max),
    ] {
        t.row([
            name,
            d.min.to_string(),
            d.median.to_string(),
            d.p90.to_string(),
            d.max.to_string(),
            format!("{:.2}", d.mean),
        ]);
    }
    out.push_str(&t.render());
    out.push('\n');
    out.push_str(&t!(
        w,
        "mc-full-coverage",
        units = r.units_total,
        n = r.full_coverage,
        samples = r.options.samples
    ));
    out.push('\n');
    let failing: Vec<String> = r
        .round_failures
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|(id, n)| t!(w, "mc-round-failed-in", round = clean(id), n = *n))
        .collect();
    if failing.is_empty() {
        out.push_str(&t!(w, "mc-all-staffed"));
    } else {
        out.push_str(&t!(w, "mc-rounds-failed", rounds = w.list(&failing)));
    }
    out.push('\n');
    let dist = &r.rounds_infeasible;
    if dist.histogram.len() > 1 {
        let parts: Vec<String> = dist
            .histogram
            .iter()
            .map(|(v, n)| t!(w, "mc-infeasible-in", rounds = *v, n = *n))
            .collect();
        out.push_str(&t!(w, "mc-infeasible-spread", parts = w.list(&parts)));
        out.push('\n');
    }
    out.push_str(&assumptions(w, &r.notes));
    out
}

/// Why a simulation could not run, in words.
pub fn sim_error(w: &Words, s: &Scenario, e: &crate::simulate::SimError) -> String {
    use crate::simulate::SimError;
    match e {
        SimError::NothingToSimulate => t!(w, "sim-error-nothing"),
        // A what-if the command line did not catch first; the library's words.
        SimError::Option(text) => clean(text).into_owned(),
        SimError::Solver { round, error } => t!(
            w,
            "sim-error-round",
            round = clean(round),
            error = crate::report::plan::plan_error(w, s, error)
        ),
    }
}
