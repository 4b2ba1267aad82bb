//! Conflicts for people (`detail` sentences, the grouped table) and for
//! programs (FORMAT.md "Conflicts output", CSV).

use serde::Serialize;

use crate::recusal::{Conflict, Evidence, Rule};
use crate::report::i18n::Words;
use crate::report::sheet::Sheet;
use crate::report::table::{clean, Table};
use crate::report::unit_label;
use crate::scenario::Scenario;
use crate::t;

/// One sentence of evidence, e.g. `张伟 spouse 李娜, 李娜 works at 东坪村 (青山镇)`.
pub fn detail(s: &Scenario, c: &Conflict, years: (u32, u32)) -> String {
    let who = s.person_name(c.person);
    let (former_years, long_years) = years;
    match &c.evidence {
        Evidence::WorksAt { place } => format!("{who} works at {}", s.place_name(*place)),
        Evidence::Posting { place, from, to } => {
            let span = match to {
                Some(to) => format!("{from}..{to}"),
                None => format!("{from}.., still there"),
            };
            if c.rule == Rule::L1 && to.is_none() {
                format!(
                    "{who} has been posted at {} since {from} (at least {long_years} years)",
                    s.place_name(*place)
                )
            } else if c.rule == Rule::L1 {
                format!(
                    "{who} was posted at {} {span} (at least {long_years} years)",
                    s.place_name(*place)
                )
            } else if to.is_some() {
                format!(
                    "{who} was posted at {} {span} (ended less than {former_years} years before the round)",
                    s.place_name(*place)
                )
            } else {
                format!("{who} is posted at {} {span}", s.place_name(*place))
            }
        }
        Evidence::Hometown { place } => {
            format!("{who}'s hometown is {}", s.place_name(*place))
        }
        Evidence::Path { hops, place } => {
            let mut parts = Vec::new();
            let mut from = c.person;
            for hop in hops {
                parts.push(format!(
                    "{} {} {}",
                    s.person_name(from),
                    hop.kind,
                    s.person_name(hop.to)
                ));
                from = hop.to;
            }
            parts.push(format!(
                "{} works at {}",
                s.person_name(from),
                s.place_name(*place)
            ));
            parts.join(", ")
        }
        Evidence::Declared { reason } => {
            if reason.trim().is_empty() {
                format!("{who} declared a conflict")
            } else {
                format!("{who} declared a conflict: {reason}")
            }
        }
    }
}

fn years(s: &Scenario) -> (u32, u32) {
    (s.recusal.former_posting_years, s.recusal.long_posting_years)
}

#[derive(Serialize)]
struct JsonConflict<'a> {
    person: &'a str,
    unit: &'a str,
    rule: &'static str,
    leader_only: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    path: Option<Vec<&'a str>>,
    detail: String,
}

#[derive(Serialize)]
struct JsonConflicts<'a> {
    format: u32,
    as_of: String,
    conflicts: Vec<JsonConflict<'a>>,
}

fn json_conflict<'a>(s: &'a Scenario, c: &Conflict) -> JsonConflict<'a> {
    JsonConflict {
        person: &s.person(c.person).id,
        unit: &s.unit(c.unit).id,
        rule: c.rule.as_str(),
        leader_only: c.rule.leader_only(),
        path: c
            .path()
            .map(|p| p.iter().map(|q| s.person(*q).id.as_str()).collect()),
        detail: detail(s, c, years(s)),
    }
}

/// FORMAT.md "Conflicts output", with an extra `as_of` (the date postings
/// were measured against).
pub fn json(s: &Scenario, conflicts: &[Conflict], as_of: chrono::NaiveDate) -> String {
    let doc = JsonConflicts {
        format: 1,
        as_of: as_of.to_string(),
        conflicts: conflicts.iter().map(|c| json_conflict(s, c)).collect(),
    };
    let mut out = serde_json::to_string_pretty(&doc).expect("conflicts serialise");
    out.push('\n');
    out
}

/// One row per conflict: person, name, unit, unit name, rule, leader_only,
/// path, detail. Headers and yes/no in `w`'s language; ids and rule codes
/// as codes.
pub fn csv(w: &Words, s: &Scenario, conflicts: &[Conflict]) -> String {
    sheet(w, s, conflicts).csv()
}

/// The conflicts as a spreadsheet table (CSV and XLSX share it).
pub fn sheet(w: &Words, s: &Scenario, conflicts: &[Conflict]) -> Sheet {
    let mut out = Sheet::new(
        t!(w, "sheet-conflicts"),
        vec![
            t!(w, "conflicts-csv-person"),
            t!(w, "conflicts-csv-name"),
            t!(w, "conflicts-csv-unit"),
            t!(w, "conflicts-csv-unit-name"),
            t!(w, "conflicts-csv-rule"),
            t!(w, "conflicts-csv-leader-only"),
            t!(w, "conflicts-csv-path"),
            t!(w, "conflicts-csv-detail"),
        ],
    );
    for c in conflicts {
        let path = c
            .path()
            .map(|p| {
                p.iter()
                    .map(|q| s.person(*q).id.as_str())
                    .collect::<Vec<_>>()
                    .join(">")
            })
            .unwrap_or_default();
        out.push([
            s.person(c.person).id.clone(),
            s.person_name(c.person).to_string(),
            s.unit(c.unit).id.clone(),
            s.unit_name(c.unit).to_string(),
            c.rule.as_str().to_string(),
            if c.rule.leader_only() {
                t!(w, "csv-true")
            } else {
                t!(w, "csv-false")
            },
            path,
            detail(s, c, years(s)),
        ]);
    }
    out
}

/// The rule cell: its code, marked when it binds only leaders.
fn rule_cell(w: &Words, c: &Conflict) -> String {
    if c.rule.leader_only() {
        t!(w, "conflicts-rule-leader", rule = c.rule.as_str())
    } else {
        c.rule.to_string()
    }
}

/// The table for people: one block per unit (in the order given), rows by
/// person, then a one-line total.
pub fn table(w: &Words, s: &Scenario, conflicts: &[Conflict], units: &[crate::UnitIx]) -> String {
    let mut out = String::new();
    let mut shown = 0;
    for &u in units {
        let mut of_unit: Vec<&Conflict> = conflicts.iter().filter(|c| c.unit == u).collect();
        if of_unit.is_empty() {
            continue;
        }
        of_unit.sort_by_key(|c| (c.person, c.rule));
        let people = {
            let mut p: Vec<_> = of_unit.iter().map(|c| c.person).collect();
            p.dedup();
            p.len()
        };
        out.push_str(&t!(
            w,
            "conflicts-unit-heading",
            name = clean(s.unit_name(u)),
            id = clean(&s.unit(u).id),
            kind = w.unit_kind(s.unit(u).kind.as_str()),
            n = of_unit.len(),
            people = people
        ));
        out.push('\n');
        let mut t = Table::new([
            t!(w, "col-person"),
            t!(w, "col-name"),
            t!(w, "conflicts-col-rule"),
            t!(w, "conflicts-col-evidence"),
        ])
        .indent(2);
        for c in of_unit {
            t.row([
                s.person(c.person).id.clone(),
                s.person_name(c.person).to_string(),
                rule_cell(w, c),
                detail(s, c, years(s)),
            ]);
            shown += 1;
        }
        out.push_str(&t.render());
        out.push('\n');
    }
    if shown == 0 {
        out.push_str(&t!(w, "conflicts-none"));
    } else {
        out.push_str(&t!(w, "conflicts-total", n = shown));
    }
    out.push('\n');
    out
}

/// The conflicts a `waived` entry removed, with its reason; empty if none.
pub fn waived_table(w: &Words, s: &Scenario, waived: &[Conflict]) -> String {
    if waived.is_empty() {
        return String::new();
    }
    let mut out = String::from("\n");
    out.push_str(&t!(w, "conflicts-waived", n = waived.len()));
    out.push('\n');
    let mut t = Table::new([
        t!(w, "col-person"),
        t!(w, "col-name"),
        t!(w, "conflicts-col-unit"),
        t!(w, "conflicts-col-rule"),
        t!(w, "conflicts-col-reason"),
    ])
    .indent(2);
    for c in waived {
        let reason = s
            .recusal
            .waived
            .iter()
            .find(|x| x.person == c.person && x.unit == c.unit)
            .map(|x| x.reason.clone())
            .unwrap_or_default();
        t.row([
            s.person(c.person).id.clone(),
            s.person_name(c.person).to_string(),
            unit_label(w, s, c.unit),
            rule_cell(w, c),
            reason,
        ]);
    }
    out.push_str(&t.render());
    out
}

/// A conflict in a few words: `R4 via spouse 李娜`, `R1 works at 县财政局`.
pub fn brief(s: &Scenario, c: &Conflict) -> String {
    match &c.evidence {
        Evidence::WorksAt { place } => format!("{} works at {}", c.rule, s.place_name(*place)),
        Evidence::Posting { place, from, to } => match to {
            Some(to) => format!("{} posted at {} {from}..{to}", c.rule, s.place_name(*place)),
            None => format!("{} posted at {} since {from}", c.rule, s.place_name(*place)),
        },
        Evidence::Hometown { place } => format!("{} hometown {}", c.rule, s.place_name(*place)),
        Evidence::Path { hops, .. } => {
            let via: Vec<String> = hops
                .iter()
                .map(|h| format!("{} {}", h.kind, s.person_name(h.to)))
                .collect();
            format!("{} via {}", c.rule, via.join(", "))
        }
        Evidence::Declared { reason } => {
            if reason.trim().is_empty() {
                format!("{} declared", c.rule)
            } else {
                format!("{} declared: {reason}", c.rule)
            }
        }
    }
}
