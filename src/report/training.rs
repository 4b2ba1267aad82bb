//! `xuncha training report` (FORMAT.md "Training report").

use chrono::NaiveDate;
use serde::Serialize;

use crate::report::table::Table;
use crate::scenario::Scenario;
use crate::training::{self, fmt_hours};

/// Hours as JSON: an integer when whole, else a decimal.
fn hours_json(h: f64) -> serde_json::Value {
    if (h - h.round()).abs() < 1e-9 && h.abs() < 9e15 {
        serde_json::Value::from(h.round() as i64)
    } else {
        serde_json::Value::from((h * 100.0).round() / 100.0)
    }
}

#[derive(Serialize)]
struct JsonPerson<'a> {
    person: &'a str,
    hours: serde_json::Value,
    compliant: bool,
    short_by: serde_json::Value,
}

#[derive(Serialize)]
struct JsonReport<'a> {
    format: u32,
    as_of: String,
    required_hours: serde_json::Value,
    people: Vec<JsonPerson<'a>>,
}

struct Row {
    hours: f64,
    required: f64,
    compliant: bool,
    short_by: f64,
}

fn row(s: &Scenario, p: crate::PersonIx, as_of: NaiveDate) -> Row {
    match training::standing(s, p, as_of) {
        Some(st) => Row {
            hours: st.hours,
            required: st.required,
            compliant: st.compliant,
            short_by: st.short_by,
        },
        None => Row {
            hours: training::records_of(s, p).map(|r| r.hours).sum(),
            required: 0.0,
            compliant: true,
            short_by: 0.0,
        },
    }
}

pub fn json(s: &Scenario, as_of: NaiveDate) -> String {
    let required = s.training.requirement.map(|r| r.hours).unwrap_or(0.0);
    let doc = JsonReport {
        format: 1,
        as_of: as_of.to_string(),
        required_hours: hours_json(required),
        people: s
            .pool()
            .map(|p| {
                let r = row(s, p, as_of);
                JsonPerson {
                    person: &s.person(p).id,
                    hours: hours_json(r.hours),
                    compliant: r.compliant,
                    short_by: hours_json(r.short_by),
                }
            })
            .collect(),
    };
    let mut out = serde_json::to_string_pretty(&doc).expect("report serialises");
    out.push('\n');
    out
}

pub fn csv(s: &Scenario, as_of: NaiveDate) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record([
        "person",
        "name",
        "hours",
        "required",
        "compliant",
        "short_by",
    ])
    .expect("write to memory");
    for p in s.pool() {
        let r = row(s, p, as_of);
        w.write_record([
            s.person(p).id.as_str(),
            s.person_name(p),
            &fmt_hours(r.hours),
            &fmt_hours(r.required),
            if r.compliant { "true" } else { "false" },
            &fmt_hours(r.short_by),
        ])
        .expect("write to memory");
    }
    String::from_utf8(w.into_inner().expect("flush")).expect("UTF-8")
}

pub fn table(s: &Scenario, as_of: NaiveDate) -> String {
    let mut out = match &s.training.requirement {
        Some(req) => format!(
            "training as of {as_of}: {} h required within the {} days before\n\n",
            fmt_hours(req.hours),
            req.within_days
        ),
        None => {
            format!("training as of {as_of}: no requirement set; all hours on record shown\n\n")
        }
    };
    let mut t = Table::new(["person", "name", "hours", "status"]);
    let mut short = 0;
    for p in s.pool() {
        let r = row(s, p, as_of);
        let status = if r.compliant {
            "ok".to_string()
        } else {
            short += 1;
            format!("short by {} h", fmt_hours(r.short_by))
        };
        t.row([
            s.person(p).id.clone(),
            s.person_name(p).to_string(),
            fmt_hours(r.hours),
            status,
        ]);
    }
    out.push_str(&t.render());
    out.push_str(&format!("\n{short} of {} short\n", s.pool().count()));
    out
}
