//! A drawn roster: the table (with the odds and the seed), the JSON of
//! FORMAT.md "Draw output", and the verdict of `draw --verify`.

use serde::Serialize;

use crate::draw::{Draw, DrawError, SCALE};
use crate::eligibility::Exclusion;
use crate::report::i18n::Words;
use crate::report::plan::{json_plan, JsonPlan};
use crate::report::table::Table;
use crate::scenario::Scenario;
use crate::t;

#[derive(Serialize)]
struct JsonOdds {
    person: String,
    p: f64,
}

#[derive(Serialize)]
struct JsonCannot {
    person: String,
    /// `unavailable` or `training`.
    reasons: Vec<&'static str>,
}

#[derive(Serialize)]
struct JsonDraw {
    seed: String,
    within_pct: f64,
    /// Absent when the round has no roster.
    #[serde(skip_serializing_if = "Option::is_none")]
    optimum: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    cap: Option<u64>,
    rosters_in_distribution: usize,
    probabilities: Vec<JsonOdds>,
    min_p: f64,
    uniform_min_p: f64,
    cannot_serve: Vec<JsonCannot>,
    converged: bool,
}

#[derive(Serialize)]
struct Doc {
    format: u32,
    #[serde(flatten)]
    plan: JsonPlan,
    #[serde(flatten)]
    stamp: crate::lifecycle::stamp::Stamp,
    draw: JsonDraw,
}

/// Millionths as a probability (exact in six decimals).
fn prob(m: u64) -> f64 {
    m as f64 / SCALE as f64
}

fn json_draw(s: &Scenario, d: &Draw) -> JsonDraw {
    let Some(dist) = &d.distribution else {
        // No roster: nothing to draw from, and nobody has a chance.
        return JsonDraw {
            seed: d.seed.clone(),
            within_pct: d.within_pct,
            optimum: None,
            cap: None,
            rosters_in_distribution: 0,
            probabilities: Vec::new(),
            min_p: 0.0,
            uniform_min_p: 0.0,
            cannot_serve: Vec::new(),
            converged: true,
        };
    };
    JsonDraw {
        seed: d.seed.clone(),
        within_pct: d.within_pct,
        optimum: Some(dist.optimum),
        cap: Some(dist.cap),
        rosters_in_distribution: dist.rosters.len(),
        probabilities: dist
            .probabilities
            .iter()
            .map(|(p, m)| JsonOdds {
                person: s.person(*p).id.clone(),
                p: prob(*m),
            })
            .collect(),
        min_p: prob(dist.min_p()),
        uniform_min_p: prob(dist.uniform_min_p()),
        cannot_serve: dist
            .cannot_serve
            .iter()
            .map(|(p, r)| JsonCannot {
                person: s.person(*p).id.clone(),
                reasons: r.iter().map(Exclusion::code).collect(),
            })
            .collect(),
        converged: dist.converged,
    }
}

/// FORMAT.md "Draw output": the plan fields, the stamp, and `draw`.
pub fn json(s: &Scenario, d: &Draw) -> String {
    let doc = Doc {
        format: 1,
        plan: json_plan(s, &d.plan),
        stamp: crate::lifecycle::stamp::Stamp::of(s, &d.plan.round),
        draw: json_draw(s, d),
    };
    let mut out = serde_json::to_string_pretty(&doc).expect("draw serialises");
    out.push('\n');
    out
}

/// The table: the drawn roster as `plan` prints it, then the seed, the
/// tolerance and every member's chance.
pub fn table(w: &Words, s: &Scenario, d: &Draw) -> String {
    let Some(dist) = &d.distribution else {
        return crate::report::plan::table(w, s, &d.plan, false);
    };
    // The drawn roster is not the solver's best: say it was drawn, not
    // that a time limit stopped a search.
    let status = t!(
        w,
        "draw-status",
        seed = crate::report::table::clean(&d.seed).into_owned(),
        optimum = dist.optimum
    );
    let mut out = crate::report::plan::table_as(w, s, &d.plan, false, status);
    out.push('\n');
    out.push_str(&t!(
        w,
        "draw-headline",
        seed = crate::report::table::clean(&d.seed).into_owned(),
        within = d.within_pct.to_string(),
        optimum = dist.optimum,
        cap = dist.cap,
        rosters = dist.rosters.len()
    ));
    out.push('\n');
    out.push_str(&t!(
        w,
        "draw-min-p",
        min = pct(dist.min_p()),
        uniform = pct(dist.uniform_min_p())
    ));
    out.push('\n');
    if !dist.converged {
        out.push_str(&t!(w, "draw-budget"));
        out.push('\n');
    }
    out.push('\n');
    out.push_str(&t!(w, "draw-odds"));
    out.push('\n');
    let mut tbl = Table::new([
        t!(w, "draw-col-person"),
        t!(w, "draw-col-name"),
        t!(w, "draw-col-p"),
    ])
    .indent(2);
    for (p, m) in &dist.probabilities {
        tbl.row([
            s.person(*p).id.clone(),
            s.person_name(*p).to_string(),
            pct(*m),
        ]);
    }
    out.push_str(&tbl.render());
    if !dist.cannot_serve.is_empty() {
        out.push('\n');
        out.push_str(&t!(w, "draw-cannot-serve"));
        out.push('\n');
        let mut tbl = Table::new([
            t!(w, "draw-col-person"),
            t!(w, "draw-col-name"),
            t!(w, "draw-col-why"),
        ])
        .indent(2);
        for (p, reasons) in &dist.cannot_serve {
            tbl.row([
                s.person(*p).id.clone(),
                s.person_name(*p).to_string(),
                super::exclusion::exclusions(w, reasons),
            ]);
        }
        out.push_str(&tbl.render());
    }
    out
}

/// Millionths as a percentage with four decimals.
pub(crate) fn pct(m: u64) -> String {
    format!("{}.{:04}%", m / 10_000, m % 10_000)
}

/// The top-level fields of a published draw that differ from the
/// re-derived one (`groups`, `draw`, `round`, …); empty when it matches.
pub fn compare(published: &serde_json::Value, again: &serde_json::Value) -> Vec<String> {
    ["round", "status", "objective", "groups", "draw"]
        .iter()
        .filter(|k| published.get(**k) != again.get(**k))
        .map(|k| k.to_string())
        .collect()
}

/// `draw --verify`'s verdict.
pub fn verdict(w: &Words, file: &str, d: &Draw, differences: &[String]) -> String {
    let mut out = if differences.is_empty() {
        t!(
            w,
            "draw-verify-match",
            file = file,
            seed = crate::report::table::clean(&d.seed).into_owned()
        )
    } else {
        t!(
            w,
            "draw-verify-mismatch",
            file = file,
            seed = crate::report::table::clean(&d.seed).into_owned(),
            fields = differences.join(", ")
        )
    };
    out.push('\n');
    out
}

pub fn unreadable(w: &Words, file: &str, e: &std::io::Error) -> String {
    t!(
        w,
        "draw-unreadable",
        file = file,
        reason = crate::report::usage::io_reason(w, e)
    )
}

pub fn not_a_draw(w: &Words, file: &str, reason: &str) -> String {
    t!(w, "draw-not-a-draw", file = file, reason = reason)
}

pub fn draw_error(w: &Words, s: &Scenario, e: &DrawError) -> String {
    match e {
        DrawError::Plan(p) => crate::report::plan::plan_error(w, s, p),
        DrawError::Oracle(why) => t!(
            w,
            "draw-error-oracle",
            error = crate::report::violation::lines(w, s, why).trim_end()
        ),
    }
}
