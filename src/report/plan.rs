//! A planned round: the table for people, FORMAT.md "Plan output" JSON, CSV.

use serde::Serialize;

use crate::report::i18n::Words;
use crate::report::sheet::{Cell, Sheet};
use crate::report::table::Table;
use crate::report::{named, unit_label};
use crate::scenario::{Group, Scenario};
use crate::solver::{Plan, Status};
use crate::t;

#[derive(Serialize)]
pub struct JsonObjective {
    pub total: u64,
    pub repeat_unit: u64,
    pub repeat_pair: u64,
    pub workload: u64,
    pub balance: u64,
    /// docs/pool.md: only when `weights.reserve` is set.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reserve: Option<u64>,
}

#[derive(Serialize)]
pub struct JsonGroup {
    pub leader: String,
    pub members: Vec<String>,
    pub units: Vec<String>,
    pub villages: Vec<String>,
}

/// The FORMAT.md plan object (also one round of `simulate`).
#[derive(Serialize)]
pub struct JsonPlan {
    pub round: String,
    pub status: &'static str,
    /// Empty (`{}`) when infeasible.
    pub objective: serde_json::Value,
    pub groups: Vec<JsonGroup>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gap: Option<f64>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub diagnosis: Vec<String>,
    /// Verified edits that make the round plan (docs/suggestions.md).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub suggestions: Vec<JsonSuggestion>,
}

#[derive(Serialize)]
pub struct JsonSuggestion {
    pub verified: bool,
    pub changes: Vec<JsonChange>,
}

#[derive(Serialize)]
pub struct JsonChange {
    pub op: &'static str,
    pub path: &'static str,
    pub value: serde_json::Value,
}

/// The suggestions as edits a program can apply.
fn json_suggestions(s: &Scenario, plan: &Plan) -> Vec<JsonSuggestion> {
    let Some(round) = s.round.as_ref().filter(|r| r.id == plan.round) else {
        return Vec::new();
    };
    plan.suggestions
        .iter()
        .map(|x| JsonSuggestion {
            verified: x.verified,
            changes: x
                .changes
                .iter()
                .map(|c| JsonChange {
                    op: c.op(),
                    path: c.path(),
                    value: c.value(s, round),
                })
                .collect(),
        })
        .collect()
}

pub fn json_group(s: &Scenario, g: &Group) -> JsonGroup {
    JsonGroup {
        leader: s.person(g.leader).id.clone(),
        members: g.members.iter().map(|p| s.person(*p).id.clone()).collect(),
        units: g.units.iter().map(|u| s.unit(*u).id.clone()).collect(),
        villages: g
            .villages
            .iter()
            .map(|v| s.village(*v).id.clone())
            .collect(),
    }
}

pub fn json_plan(s: &Scenario, plan: &Plan) -> JsonPlan {
    let objective = match &plan.breakdown {
        Some(b) => serde_json::to_value(JsonObjective {
            total: b.objective.total,
            repeat_unit: b.objective.repeat_unit,
            repeat_pair: b.objective.repeat_pair,
            workload: b.objective.workload,
            balance: b.objective.balance,
            reserve: (s.weights.reserve > 0).then_some(b.objective.reserve),
        })
        .expect("objective serialises"),
        None => serde_json::json!({}),
    };
    JsonPlan {
        round: plan.round.clone(),
        status: plan.status.as_str(),
        objective,
        groups: plan.groups.iter().map(|g| json_group(s, g)).collect(),
        gap: match plan.status {
            Status::Feasible { .. } => plan.gap().map(|g| (g * 10_000.0).round() / 10_000.0),
            _ => None,
        },
        diagnosis: crate::report::diagnosis::lines(&Words::json(), s, &plan.diagnosis),
        suggestions: json_suggestions(s, plan),
    }
}

#[derive(Serialize)]
struct Doc {
    format: u32,
    #[serde(flatten)]
    plan: JsonPlan,
    /// What the plan was planned from (docs/lifecycle.md "Plans know their scenario").
    #[serde(flatten)]
    stamp: crate::lifecycle::stamp::Stamp,
}

pub fn json(s: &Scenario, plan: &Plan) -> String {
    json_stamped(s, plan, crate::lifecycle::stamp::Stamp::of(s, &plan.round))
}

/// [`json`] with the stamp of the scenario the plan belongs to (`repair`
/// plans against a changed copy of the file's scenario).
pub fn json_stamped(s: &Scenario, plan: &Plan, stamp: crate::lifecycle::stamp::Stamp) -> String {
    let doc = Doc {
        format: 1,
        plan: json_plan(s, plan),
        stamp,
    };
    let mut out = serde_json::to_string_pretty(&doc).expect("plan serialises");
    out.push('\n');
    out
}

/// One row per seat: round, group, role, person, name, skills, units,
/// villages. Headers, roles and skills in `w`'s words; ids as ids.
pub fn csv(w: &Words, s: &Scenario, plan: &Plan) -> String {
    sheet(w, s, plan).csv()
}

/// The seats as a spreadsheet table (CSV and XLSX share it).
pub fn sheet(w: &Words, s: &Scenario, plan: &Plan) -> Sheet {
    let mut out = Sheet::new(
        t!(w, "sheet-plan"),
        vec![
            t!(w, "plan-csv-round"),
            t!(w, "plan-csv-group"),
            t!(w, "plan-csv-role"),
            t!(w, "plan-csv-person"),
            t!(w, "plan-csv-name"),
            t!(w, "plan-csv-skills"),
            t!(w, "plan-csv-units"),
            t!(w, "plan-csv-villages"),
        ],
    );
    for (i, g) in plan.groups.iter().enumerate() {
        let units: Vec<&str> = g.units.iter().map(|u| s.unit(*u).id.as_str()).collect();
        let villages: Vec<&str> = g
            .villages
            .iter()
            .map(|v| s.village(*v).id.as_str())
            .collect();
        for p in &g.members {
            out.push([
                Cell::text(plan.round.as_str()),
                Cell::number(i + 1),
                Cell::text(role(w, *p == g.leader)),
                Cell::text(s.person(*p).id.as_str()),
                Cell::text(s.person_name(*p)),
                Cell::text(skills(w, s, *p)),
                Cell::text(units.join(" ")),
                Cell::text(villages.join(" ")),
            ]);
        }
    }
    out
}

/// 组长 or 成员.
pub(crate) fn role(w: &Words, leader: bool) -> String {
    if leader {
        t!(w, "role-leader")
    } else {
        t!(w, "role-member")
    }
}

/// A person's skills by their display names, as a list.
pub(crate) fn skills(w: &Words, s: &Scenario, p: crate::PersonIx) -> String {
    w.list(
        s.person(p)
            .skills
            .iter()
            .map(|k| w.skill(s.skill_name(*k)).into_owned()),
    )
}

/// A village as the group heading lists it: `东坪村（T01-V01）【贫困户村】`
/// for a must-inspect village, with its tags.
pub(crate) fn village_label(w: &Words, s: &Scenario, v: crate::VillageIx) -> String {
    let village = s.village(v);
    let label = named(
        w,
        crate::scenario::display_name(&village.name, &village.id),
        &village.id,
    );
    if !village.must_inspect() {
        return label;
    }
    let tags: Vec<String> = village
        .tags
        .iter()
        .map(|t| w.tag(t.as_str()).into_owned())
        .collect();
    t!(
        w,
        "tagged",
        what = label,
        tags = tags.join(&t!(w, "tags-sep"))
    )
}

/// How the roster was found: a backend's name as written (`microlp`), or
/// the words for the solver's own ways (`greedy, proven by counting`).
fn backend_label(w: &Words, backend: &str) -> String {
    let code: String = backend
        .chars()
        .filter(|c| *c != ',')
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    let id = format!("backend-{code}");
    if w.has(&id) {
        w.get(&id)
    } else {
        backend.to_string()
    }
}

/// The table for people. `timing` adds the backend and seconds (left out of
/// tests so the text is stable).
pub fn table(w: &Words, s: &Scenario, plan: &Plan, timing: bool) -> String {
    table_as(w, s, plan, timing, status_words(w, plan))
}

/// How the solve ended, in words (`optimal`, `feasible (time limit; …)`).
pub fn status_words(w: &Words, plan: &Plan) -> String {
    match (&plan.status, plan.gap()) {
        (Status::Optimal, _) => t!(w, "plan-status-optimal"),
        (Status::Feasible { .. }, Some(gap)) => {
            t!(
                w,
                "plan-status-feasible-gap",
                gap = format!("{:.1}", gap * 100.0)
            )
        }
        (Status::Feasible { .. }, None) => t!(w, "plan-status-feasible"),
        (Status::Infeasible, _) => t!(w, "plan-status-infeasible"),
    }
}

/// [`table`] with the headline's status given (e.g. a drawn roster's).
pub fn table_as(w: &Words, s: &Scenario, plan: &Plan, timing: bool, status: String) -> String {
    let mut out = String::new();
    out.push_str(&t!(
        w,
        "plan-headline",
        round = &plan.round,
        status = status
    ));
    if let Some(b) = &plan.breakdown {
        out.push_str(&t!(w, "plan-headline-score", score = b.objective.total));
    }
    if timing && plan.stats.variables == 0 {
        // Found and proven without a model: no variables or rows to count.
        out.push_str(&t!(
            w,
            "plan-timing-short",
            backend = backend_label(w, plan.stats.backend),
            seconds = format!("{:.2}", plan.stats.seconds)
        ));
    } else if timing {
        out.push_str(&t!(
            w,
            "plan-timing",
            backend = backend_label(w, plan.stats.backend),
            variables = plan.stats.variables,
            rows = plan.stats.rows,
            seconds = format!("{:.2}", plan.stats.seconds)
        ));
    }
    out.push_str("\n\n");
    if plan.status == Status::Infeasible {
        out.push_str(&t!(w, "plan-why"));
        out.push('\n');
        for d in crate::report::diagnosis::lines(w, s, &plan.diagnosis) {
            out.push_str(&format!("  - {d}\n"));
        }
        out.push('\n');
        out.push_str(&crate::report::suggest::list(w, s, &plan.suggestions));
        return out;
    }
    for (i, g) in plan.groups.iter().enumerate() {
        let units: Vec<String> = g.units.iter().map(|u| unit_label(w, s, *u)).collect();
        let weight: u64 = g.units.iter().map(|u| s.unit(*u).weight as u64).sum();
        out.push_str(&t!(
            w,
            "plan-group-heading",
            n = i + 1,
            units = units.join(&t!(w, "plan-units-sep")),
            weight = weight
        ));
        out.push('\n');
        if !g.villages.is_empty() {
            let villages: Vec<String> =
                g.villages.iter().map(|v| village_label(w, s, *v)).collect();
            out.push_str("  ");
            out.push_str(&t!(w, "plan-villages", villages = w.list(&villages)));
            out.push('\n');
        }
        let mut tbl = Table::new([
            t!(w, "plan-col-role"),
            t!(w, "plan-col-person"),
            t!(w, "plan-col-name"),
            t!(w, "plan-col-skills"),
            t!(w, "plan-col-notes"),
        ])
        .indent(2);
        for p in &g.members {
            let person = s.person(*p);
            let mut notes = Vec::new();
            if person.retired {
                notes.push(t!(w, "retired"));
            }
            tbl.row([
                role(w, *p == g.leader),
                person.id.clone(),
                s.person_name(*p).to_string(),
                skills(w, s, *p),
                w.list(&notes),
            ]);
        }
        out.push_str(&tbl.render());
        out.push('\n');
    }
    if let Some(b) = &plan.breakdown {
        out.push_str(&crate::report::score::analysis(w, s, b));
    }
    out
}

/// Why planning failed (not infeasibility, which is a result): a time-out,
/// a backend error, or a bug the validator caught.
pub fn plan_error(w: &Words, s: &Scenario, e: &crate::solver::PlanError) -> String {
    use crate::solver::PlanError;
    match e {
        PlanError::Timeout(seconds) => {
            t!(w, "plan-error-timeout", seconds = format!("{seconds:.0}"))
        }
        PlanError::Backend(error) => t!(w, "plan-error-backend", error = error.as_str()),
        PlanError::InvalidRoster(problems) => t!(
            w,
            "plan-error-invalid-roster",
            problems = super::violation::lines(w, s, problems).trim_end()
        ),
        PlanError::ObjectiveMismatch { solver, validator } => t!(
            w,
            "plan-error-objective-mismatch",
            solver = solver.to_string(),
            validator = validator.to_string()
        ),
    }
}
