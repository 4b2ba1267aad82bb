//! Conflicts for people (`detail` sentences, the grouped table) and for
//! programs (FORMAT.md "Conflicts output", CSV).

use serde::Serialize;

use crate::ids::Place;
use crate::recusal::{Conflict, Evidence, Rule};
use crate::report::i18n::Words;
use crate::report::sheet::Sheet;
use crate::report::table::{clean, Table};
use crate::report::unit_label;
use crate::scenario::{display_name, Scenario};
use crate::t;

/// A place as people read it: a unit's name, or `东坪村（青山镇）` for a
/// village.
pub fn place(w: &Words, s: &Scenario, place: Place) -> String {
    match place {
        Place::Unit(u) => s.unit_name(u).to_string(),
        Place::Village(v) => {
            let village = &s.villages[v.ix()];
            t!(
                w,
                "place-village",
                village = display_name(&village.name, &village.id),
                town = s.unit_name(village.township)
            )
        }
    }
}

/// A rule as words with its code: `近亲属在该单位工作（R4）`.
pub fn rule_named(w: &Words, rule: Rule) -> String {
    let name = match rule {
        Rule::R1 => t!(w, "rule-name-r1"),
        Rule::R2 => t!(w, "rule-name-r2"),
        Rule::R3 => t!(w, "rule-name-r3"),
        Rule::R4 => t!(w, "rule-name-r4"),
        Rule::R5 => t!(w, "rule-name-r5"),
        Rule::L1 => t!(w, "rule-name-l1"),
        Rule::L2 => t!(w, "rule-name-l2"),
    };
    t!(w, "rule-named", rule = rule.as_str(), name = name)
}

/// One sentence of evidence, e.g. `张伟 spouse 李娜, 李娜 works at 东坪村 (青山镇)`.
pub fn detail(w: &Words, s: &Scenario, c: &Conflict) -> String {
    let who = s.person_name(c.person);
    let (former_years, long_years) = years(s);
    match &c.evidence {
        Evidence::WorksAt { place: at } => {
            t!(w, "evidence-works-at", who = who, place = place(w, s, *at))
        }
        Evidence::Posting {
            place: at,
            from,
            to,
        } => {
            let at = place(w, s, *at);
            let from = from.to_string();
            match (c.rule, to) {
                (Rule::L1, None) => t!(
                    w,
                    "evidence-posted-long-ongoing",
                    who = who,
                    place = at,
                    from = from,
                    years = long_years
                ),
                (Rule::L1, Some(to)) => t!(
                    w,
                    "evidence-posted-long",
                    who = who,
                    place = at,
                    from = from,
                    to = to.to_string(),
                    years = long_years
                ),
                (_, Some(to)) => t!(
                    w,
                    "evidence-posted-recent",
                    who = who,
                    place = at,
                    from = from,
                    to = to.to_string(),
                    years = former_years
                ),
                (_, None) => t!(w, "evidence-posted-now", who = who, place = at, from = from),
            }
        }
        Evidence::Hometown { place: at } => {
            t!(w, "evidence-hometown", who = who, place = place(w, s, *at))
        }
        Evidence::Path { hops, place: at } => {
            let mut parts = Vec::new();
            let mut from = c.person;
            for hop in hops {
                parts.push(t!(
                    w,
                    "evidence-hop",
                    from = s.person_name(from),
                    kind = w.relation(&hop.kind),
                    to = s.person_name(hop.to)
                ));
                from = hop.to;
            }
            parts.push(t!(
                w,
                "evidence-path-end",
                who = s.person_name(from),
                place = place(w, s, *at)
            ));
            parts.join(&t!(w, "evidence-path-sep"))
        }
        Evidence::Declared { reason } => {
            if reason.trim().is_empty() {
                t!(w, "evidence-declared", who = who)
            } else {
                t!(w, "evidence-declared-reason", who = who, reason = reason)
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
        detail: detail(&Words::json(), s, c),
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
            detail(w, s, c),
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
                detail(w, s, c),
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
pub fn brief(w: &Words, s: &Scenario, c: &Conflict) -> String {
    let rule = c.rule.as_str();
    match &c.evidence {
        Evidence::WorksAt { place: at } => {
            t!(w, "brief-works-at", rule = rule, place = place(w, s, *at))
        }
        Evidence::Posting {
            place: at,
            from,
            to,
        } => match to {
            Some(to) => t!(
                w,
                "brief-posted",
                rule = rule,
                place = place(w, s, *at),
                from = from.to_string(),
                to = to.to_string()
            ),
            None => t!(
                w,
                "brief-posted-since",
                rule = rule,
                place = place(w, s, *at),
                from = from.to_string()
            ),
        },
        Evidence::Hometown { place: at } => {
            t!(w, "brief-hometown", rule = rule, place = place(w, s, *at))
        }
        Evidence::Path { hops, .. } => {
            let via: Vec<String> = hops
                .iter()
                .map(|h| {
                    t!(
                        w,
                        "brief-hop",
                        kind = w.relation(&h.kind),
                        who = s.person_name(h.to)
                    )
                })
                .collect();
            t!(w, "brief-via", rule = rule, hops = w.list(via))
        }
        Evidence::Declared { reason } => {
            if reason.trim().is_empty() {
                t!(w, "brief-declared", rule = rule)
            } else {
                t!(w, "brief-declared-reason", rule = rule, reason = reason)
            }
        }
    }
}
