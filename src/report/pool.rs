//! `xuncha pool report` (docs/pool.md): the pool's composition, who has not
//! served for a while, who is due to leave, reserve cadres, appraisals and
//! who is out of rotation, as a table, JSON, or a section of the HTML
//! report. [`Census`](crate::pool::Census) holds the facts; the parts below
//! put them in words once, for the table and the HTML alike.

use serde_json::{json, Value};

use crate::pool::{Category, Census, Grade, Service};
use crate::report::i18n::Words;
use crate::report::sheet::{Cell, Sheet};
use crate::report::table::Table;
use crate::report::{person_label, unit_label};
use crate::scenario::Scenario;
use crate::t;

/// A category's code, or `unspecified`.
fn category_code(c: Option<Category>) -> &'static str {
    c.map_or("unspecified", Category::code)
}

pub fn category_name(w: &Words, c: Option<Category>) -> String {
    t!(w, "pool-category", category = category_code(c))
}

pub fn grade_name(w: &Words, g: Grade) -> String {
    t!(w, "pool-grade", grade = g.code())
}

/// Which table a [`Part`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PartKind {
    Category,
    Skill,
    Unit,
    Idle,
    Leaving,
    Reserve,
    Appraisals,
    OutOfRotation,
    Changes,
}

impl PartKind {
    /// Whether the filed HTML report carries it: the composition and what
    /// the committee decides on, not the clerk's working lists (work units,
    /// idle members, the 入库/出库 log).
    pub fn for_the_file(self) -> bool {
        !matches!(self, PartKind::Unit | PartKind::Idle | PartKind::Changes)
    }
}

/// One titled table of the report.
pub struct Part {
    pub kind: PartKind,
    pub title: String,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

fn last_served(w: &Words, s: &Scenario, sv: &Service) -> String {
    match sv.last {
        Some(h) => s.history[h].id.clone(),
        None => t!(w, "pool-never"),
    }
}

/// The headline: how many members, as of when.
pub fn headline(w: &Words, c: &Census) -> String {
    t!(
        w,
        "pool-headline",
        date = c.as_of.to_string(),
        pool = c.pool
    )
}

/// The report's tables, in order; empty lists are left out except the
/// composition.
pub fn parts(w: &Words, s: &Scenario, c: &Census) -> Vec<Part> {
    let mut out = Vec::new();
    out.push(Part {
        kind: PartKind::Category,
        title: t!(w, "pool-by-category"),
        headers: vec![
            t!(w, "pool-col-category"),
            t!(w, "pool-col-members"),
            t!(w, "pool-col-leaders"),
            t!(w, "pool-col-reserve"),
            t!(w, "pool-col-retired"),
        ],
        rows: c
            .by_category
            .iter()
            .map(|k| {
                vec![
                    category_name(w, k.category),
                    k.members.to_string(),
                    k.leaders.to_string(),
                    k.reserve.to_string(),
                    k.retired.to_string(),
                ]
            })
            .collect(),
    });
    out.push(Part {
        kind: PartKind::Skill,
        title: t!(w, "pool-by-skill"),
        headers: vec![
            t!(w, "pool-col-skill"),
            t!(w, "pool-col-members"),
            t!(w, "pool-col-leaders"),
        ],
        rows: c
            .by_skill
            .iter()
            .map(|k| {
                vec![
                    w.skill(s.skill_name(k.skill)).into_owned(),
                    k.members.to_string(),
                    k.leaders.to_string(),
                ]
            })
            .collect(),
    });
    out.push(Part {
        kind: PartKind::Unit,
        title: t!(w, "pool-by-unit"),
        headers: vec![t!(w, "pool-col-unit"), t!(w, "pool-col-members")],
        rows: c
            .by_unit
            .iter()
            .map(|k| {
                vec![
                    match k.unit {
                        Some(u) => unit_label(w, s, u),
                        None => t!(w, "pool-no-unit"),
                    },
                    k.members.to_string(),
                ]
            })
            .collect(),
    });
    if !c.idle.is_empty() {
        out.push(Part {
            kind: PartKind::Idle,
            title: t!(w, "pool-idle", rounds = c.idle_rounds, count = c.idle.len()),
            headers: vec![
                t!(w, "pool-col-person"),
                t!(w, "pool-col-served"),
                t!(w, "pool-col-last"),
                t!(w, "pool-col-since"),
            ],
            rows: c
                .idle
                .iter()
                .map(|sv| {
                    vec![
                        person_label(w, s, sv.person),
                        sv.rounds.to_string(),
                        last_served(w, s, sv),
                        sv.rounds_since.to_string(),
                    ]
                })
                .collect(),
        });
    }
    if !c.leaving.is_empty() {
        out.push(Part {
            kind: PartKind::Leaving,
            title: t!(w, "pool-leaving", count = c.leaving.len()),
            headers: vec![
                t!(w, "pool-col-person"),
                t!(w, "pool-col-until"),
                t!(w, "pool-col-note"),
            ],
            rows: c
                .leaving
                .iter()
                .map(|l| {
                    vec![
                        person_label(w, s, l.person),
                        l.until.to_string(),
                        if l.overdue {
                            t!(w, "pool-overdue", id = s.person(l.person).id.as_str())
                        } else {
                            String::new()
                        },
                    ]
                })
                .collect(),
        });
    }
    if !c.reserve.is_empty() {
        out.push(Part {
            kind: PartKind::Reserve,
            title: t!(
                w,
                "pool-reserve",
                count = c.reserve.len(),
                unserved = c.reserve.iter().filter(|sv| sv.in_term == 0).count()
            ),
            headers: vec![
                t!(w, "pool-col-person"),
                t!(w, "pool-col-in-term"),
                t!(w, "pool-col-last"),
            ],
            rows: c
                .reserve
                .iter()
                .map(|sv| {
                    vec![
                        person_label(w, s, sv.person),
                        sv.in_term.to_string(),
                        last_served(w, s, sv),
                    ]
                })
                .collect(),
        });
    }
    if !c.appraisals.is_empty() {
        let grades = c
            .grades
            .iter()
            .map(|(g, n)| t!(w, "pool-grade-count", grade = grade_name(w, *g), count = *n));
        out.push(Part {
            kind: PartKind::Appraisals,
            title: t!(
                w,
                "pool-appraisals",
                count = c.appraisals.len(),
                grades = w.list(grades)
            ),
            headers: vec![
                t!(w, "pool-col-round"),
                t!(w, "pool-col-person"),
                t!(w, "pool-col-grade"),
                t!(w, "pool-col-note"),
            ],
            rows: c
                .appraisals
                .iter()
                .map(|a| {
                    vec![
                        s.history[a.round].id.clone(),
                        person_label(w, s, a.person),
                        grade_name(w, a.grade),
                        a.note.clone().unwrap_or_default(),
                    ]
                })
                .collect(),
        });
    }
    if let (Some(r), false) = (&s.round, c.out_of_rotation.is_empty()) {
        out.push(Part {
            kind: PartKind::OutOfRotation,
            title: t!(
                w,
                "pool-out-of-rotation",
                round = r.id.as_str(),
                count = c.out_of_rotation.len()
            ),
            headers: vec![t!(w, "pool-col-person"), t!(w, "pool-col-why")],
            rows: c
                .out_of_rotation
                .iter()
                .map(|(p, outs)| vec![person_label(w, s, *p), super::exclusion::rotation(w, outs)])
                .collect(),
        });
    }
    if !c.changes.is_empty() {
        out.push(Part {
            kind: PartKind::Changes,
            title: t!(w, "pool-changes", count = c.changes.len()),
            headers: vec![
                t!(w, "pool-col-date"),
                t!(w, "pool-col-person"),
                t!(w, "pool-col-change"),
                t!(w, "pool-col-reason"),
            ],
            rows: c
                .changes
                .iter()
                .map(|&(p, i)| {
                    let ch = &s.person(p).pool_changes[i];
                    vec![
                        ch.date.to_string(),
                        person_label(w, s, p),
                        t!(
                            w,
                            "pool-change",
                            joined = if ch.joined { "yes" } else { "no" }
                        ),
                        ch.reason.clone().unwrap_or_default(),
                    ]
                })
                .collect(),
        });
    }
    out
}

/// The report as a terminal table.
pub fn table(w: &Words, s: &Scenario, c: &Census) -> String {
    let mut out = headline(w, c);
    out.push('\n');
    for part in parts(w, s, c) {
        out.push('\n');
        out.push_str(&part.title);
        out.push('\n');
        let mut tbl = Table::new(part.headers).indent(2);
        for row in part.rows {
            tbl.row(row);
        }
        out.push_str(&tbl.render());
    }
    out
}

fn service_json(s: &Scenario, sv: &Service) -> Value {
    json!({
        "person": s.person(sv.person).id,
        "rounds": sv.rounds,
        "last_served": sv.last.map(|h| s.history[h].id.clone()),
        "rounds_since": sv.rounds_since,
        "in_term": sv.in_term,
    })
}

/// The report as JSON (docs/pool.md); codes, never words.
pub fn json(s: &Scenario, c: &Census) -> String {
    let doc = json!({
        "format": 1,
        "as_of": c.as_of.to_string(),
        "pool": c.pool,
        "by_category": c.by_category.iter().map(|k| json!({
            "category": k.category.map(Category::code),
            "members": k.members,
            "leaders": k.leaders,
            "reserve": k.reserve,
            "retired": k.retired,
        })).collect::<Vec<_>>(),
        "by_skill": c.by_skill.iter().map(|k| json!({
            "skill": s.skill_name(k.skill),
            "members": k.members,
            "leaders": k.leaders,
        })).collect::<Vec<_>>(),
        "by_unit": c.by_unit.iter().map(|k| json!({
            "unit": k.unit.map(|u| s.unit(u).id.clone()),
            "members": k.members,
        })).collect::<Vec<_>>(),
        "idle_rounds": c.idle_rounds,
        "idle": c.idle.iter().map(|sv| service_json(s, sv)).collect::<Vec<_>>(),
        "leaving": c.leaving.iter().map(|l| json!({
            "person": s.person(l.person).id,
            "until": l.until.to_string(),
            "overdue": l.overdue,
        })).collect::<Vec<_>>(),
        "reserve": c.reserve.iter().map(|sv| service_json(s, sv)).collect::<Vec<_>>(),
        "appraisals": c.appraisals.iter().map(|a| json!({
            "person": s.person(a.person).id,
            "round": s.history[a.round].id,
            "grade": a.grade.code(),
            "note": a.note,
        })).collect::<Vec<_>>(),
        "out_of_rotation": c.out_of_rotation.iter().map(|(p, outs)| json!({
            "person": s.person(*p).id,
            "reasons": outs.iter().map(|o| o.code()).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "changes": c.changes.iter().map(|&(p, i)| {
            let ch = &s.person(p).pool_changes[i];
            json!({
                "person": s.person(p).id,
                "date": ch.date.to_string(),
                "pool": ch.joined,
                "reason": ch.reason,
            })
        }).collect::<Vec<_>>(),
    });
    let mut out = serde_json::to_string_pretty(&doc).expect("pool report serialises");
    out.push('\n');
    out
}

/// One row per pool member (CSV and XLSX): category, reserve, pool dates,
/// service and the latest appraisal.
pub fn members(w: &Words, s: &Scenario, c: &Census) -> Sheet {
    let mut sheet = Sheet::new(
        t!(w, "sheet-pool"),
        vec![
            t!(w, "pool-col-id"),
            t!(w, "pool-col-name"),
            t!(w, "pool-col-category"),
            t!(w, "pool-col-leader"),
            t!(w, "pool-col-reserve"),
            t!(w, "pool-col-retired"),
            t!(w, "pool-col-joined"),
            t!(w, "pool-col-until"),
            t!(w, "pool-col-served"),
            t!(w, "pool-col-in-term"),
            t!(w, "pool-col-last"),
            t!(w, "pool-col-grade"),
            t!(w, "pool-col-out"),
        ],
    );
    let yes_no = |b: bool| w.get(if b { "csv-true" } else { "csv-false" });
    for sv in &c.members {
        let p = sv.person;
        let person = s.person(p);
        let latest =
            crate::pool::appraisals_of(s, p).max_by_key(|a| (s.history[a.round].start, a.round));
        let out = c
            .out_of_rotation
            .iter()
            .find(|(q, _)| *q == p)
            .map(|(_, outs)| super::exclusion::rotation(w, outs))
            .unwrap_or_default();
        sheet.push([
            Cell::text(person.id.clone()),
            Cell::text(s.person_name(p)),
            Cell::text(category_name(w, person.category)),
            Cell::text(yes_no(person.leader)),
            Cell::text(yes_no(person.reserve)),
            Cell::text(yes_no(person.retired)),
            Cell::text(
                crate::pool::joined(s, p)
                    .map(|d| d.to_string())
                    .unwrap_or_default(),
            ),
            Cell::text(person.pool_until.map(|d| d.to_string()).unwrap_or_default()),
            Cell::number(sv.rounds.to_string()),
            Cell::number(sv.in_term.to_string()),
            Cell::text(sv.last.map(|h| s.history[h].id.clone()).unwrap_or_default()),
            Cell::text(
                latest
                    .map(|a| format!("{} {}", s.history[a.round].id, grade_name(w, a.grade)))
                    .unwrap_or_default(),
            ),
            Cell::text(out),
        ]);
    }
    sheet
}
