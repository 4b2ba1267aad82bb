//! `xuncha training report` (FORMAT.md "Training report", with the optional
//! fields of docs/training.md).
//!
//! [`Report::build`] gathers everything once from [`crate::training`]; the
//! three renderers only lay it out.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Days, NaiveDate};
use serde_json::{json, Map, Value};

use crate::ids::PersonIx;
use crate::report::i18n::Words;
use crate::report::person_label;
use crate::report::sheet::{Cell, Sheet};
use crate::report::table::{clean, Table};
use crate::scenario::{Scenario, TrainingKind, TrainingRecord};
use crate::t;
use crate::training::{self, fmt_hours, Standing};

/// Hours as JSON: an integer when whole, else a decimal.
fn hours_json(h: f64) -> Value {
    if (h - h.round()).abs() < 1e-9 && h.abs() < 9e15 {
        Value::from(h.round() as i64)
    } else {
        Value::from((h * 100.0).round() / 100.0)
    }
}

/// Which records the totals cover.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Dated in the requirement window ending at `as_of`.
    Window { from: NaiveDate, before: NaiveDate },
    /// Dated in a calendar year (`--year`).
    Year(i32),
    /// Everything on record (no requirement, no year).
    All,
}

impl Scope {
    fn holds(&self, date: NaiveDate) -> bool {
        match *self {
            Scope::Window { from, before } => from <= date && date < before,
            Scope::Year(y) => training::in_year(date, y),
            Scope::All => true,
        }
    }
    fn describe(&self, w: &Words) -> String {
        match self {
            Scope::Window { from, before } => t!(
                w,
                "training-scope-window",
                from = from.to_string(),
                to = before
                    .checked_sub_days(Days::new(1))
                    .unwrap_or(*before)
                    .to_string()
            ),
            Scope::Year(y) => t!(w, "training-scope-year", year = *y),
            Scope::All => t!(w, "training-scope-all"),
        }
    }
}

/// One pool member's line.
pub struct PersonLine<'a> {
    pub person: PersonIx,
    pub hours: f64,
    pub required: f64,
    pub compliant: bool,
    pub short_by: f64,
    pub standing: Option<Standing>,
    pub last: Option<&'a TrainingRecord>,
    /// First date on which they would no longer be compliant.
    pub expires: Option<NaiveDate>,
    /// Hours of records dated on or after `as_of`.
    pub planned_hours: f64,
    /// Hours of records dated in `--year`.
    pub year_hours: Option<f64>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CourseTotal {
    pub course: String,
    pub records: usize,
    pub people: usize,
    pub hours: f64,
    /// Records whose result is a fail (they count for nobody).
    pub failed: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct KindTotal {
    /// `None`: records without a kind.
    pub kind: Option<TrainingKind>,
    pub records: usize,
    pub hours: f64,
}

/// The next round and who falls short by its start.
pub struct NextRound {
    pub id: String,
    pub start: NaiveDate,
    /// Compliant on `as_of`, not at `start` if no record is added.
    pub falling_short: Vec<Standing>,
}

pub struct Report<'a> {
    s: &'a Scenario,
    pub as_of: NaiveDate,
    pub people: Vec<PersonLine<'a>>,
    pub scope: Scope,
    pub by_course: Vec<CourseTotal>,
    pub by_kind: Vec<KindTotal>,
    pub next: Option<NextRound>,
    /// Exact duplicates on record: (earlier, later) indices into the records.
    pub duplicates: Vec<(usize, usize)>,
    /// The scenario file, for where records are written.
    scenario_file: String,
}

impl<'a> Report<'a> {
    /// Gather the report for `as_of`; `year` sets the totals' scope.
    pub fn build(
        s: &'a Scenario,
        scenario_file: &str,
        as_of: NaiveDate,
        year: Option<i32>,
    ) -> Self {
        let req = s.training.requirement.as_ref();
        let people = s
            .pool()
            .map(|p| {
                let standing = training::standing(s, p, as_of);
                let (hours, required, compliant, short_by) = match &standing {
                    Some(st) => (st.hours, st.required, st.compliant, st.short_by),
                    None => (
                        training::records_of(s, p).map(|r| r.hours).sum(),
                        0.0,
                        true,
                        0.0,
                    ),
                };
                PersonLine {
                    person: p,
                    hours,
                    required,
                    compliant,
                    short_by,
                    expires: training::expires(s, p, as_of),
                    last: training::last_record(s, p, as_of),
                    planned_hours: training::planned(s, p, as_of).iter().map(|r| r.hours).sum(),
                    year_hours: year.map(|y| {
                        training::records_of(s, p)
                            .filter(|r| training::in_year(r.date, y))
                            .map(|r| r.hours)
                            .sum()
                    }),
                    standing,
                }
            })
            .collect();
        let scope = match (year, req) {
            (Some(y), _) => Scope::Year(y),
            (None, Some(req)) => Scope::Window {
                from: training::window_start(req, as_of),
                before: as_of,
            },
            (None, None) => Scope::All,
        };
        let (by_course, by_kind) = totals(s, scope);
        let next = training::next_round(s, as_of).map(|(id, start)| NextRound {
            falling_short: s
                .pool()
                .filter(|&p| training::compliant(s, p, as_of))
                .filter_map(|p| training::standing(s, p, start))
                .filter(|st| !st.compliant)
                .collect(),
            id,
            start,
        });
        Report {
            s,
            as_of,
            people,
            scope,
            by_course,
            by_kind,
            next,
            duplicates: training::duplicates(s),
            scenario_file: scenario_file.to_string(),
        }
    }

    fn short(&self) -> usize {
        self.people.iter().filter(|l| !l.compliant).count()
    }

    fn origin(&self, i: usize) -> String {
        self.s
            .training
            .origin_label(self.s.training.records[i].origin, &self.scenario_file)
    }
}

fn totals(s: &Scenario, scope: Scope) -> (Vec<CourseTotal>, Vec<KindTotal>) {
    let mut courses: BTreeMap<&str, (CourseTotal, BTreeSet<PersonIx>)> = BTreeMap::new();
    let mut kinds: BTreeMap<Option<usize>, KindTotal> = BTreeMap::new();
    for r in s.training.records.iter().filter(|r| scope.holds(r.date)) {
        let (t, who) = courses.entry(r.course.as_str()).or_insert_with(|| {
            (
                CourseTotal {
                    course: r.course.clone(),
                    records: 0,
                    people: 0,
                    hours: 0.0,
                    failed: 0,
                },
                BTreeSet::new(),
            )
        });
        t.records += 1;
        t.hours += r.hours;
        t.failed += usize::from(!r.passed);
        who.insert(r.person);
        // Kinds in report order, records without a kind last.
        let key = r
            .kind
            .map(|k| training::KINDS.iter().position(|&x| x == k).unwrap_or(0));
        let k = kinds.entry(key).or_insert(KindTotal {
            kind: r.kind,
            records: 0,
            hours: 0.0,
        });
        k.records += 1;
        k.hours += r.hours;
    }
    let mut by_course: Vec<CourseTotal> = courses
        .into_values()
        .map(|(mut t, who)| {
            t.people = who.len();
            t
        })
        .collect();
    by_course.sort_by(|a, b| {
        b.hours
            .total_cmp(&a.hours)
            .then_with(|| a.course.cmp(&b.course))
    });
    let mut by_kind: Vec<KindTotal> = kinds.into_values().collect();
    by_kind.sort_by_key(|k| {
        k.kind
            .map(|k| training::KINDS.iter().position(|&x| x == k).unwrap_or(0))
            .unwrap_or(usize::MAX)
    });
    (by_course, by_kind)
}

fn kind_name(k: Option<TrainingKind>) -> &'static str {
    k.map(training::kind_str).unwrap_or("unspecified")
}

pub fn json(r: &Report) -> String {
    let s = r.s;
    let mut doc = Map::new();
    doc.insert("format".into(), json!(1));
    doc.insert("as_of".into(), json!(r.as_of.to_string()));
    let req = s.training.requirement.as_ref();
    doc.insert(
        "required_hours".into(),
        hours_json(req.map(|q| q.hours).unwrap_or(0.0)),
    );
    if let Some(req) = req {
        doc.insert("within_days".into(), json!(req.within_days));
        doc.insert(
            "window".into(),
            json!({"from": training::window_start(req, r.as_of).to_string(), "before": r.as_of.to_string()}),
        );
        if let Some(m) = req.valid_months {
            doc.insert("valid_months".into(), json!(m));
        }
        if let Some(c) = &req.leader_course {
            doc.insert("leader_course".into(), json!(c));
        }
        if let Some(d) = req.grace_days {
            doc.insert("grace_days".into(), json!(d));
        }
    }
    let people: Vec<Value> = r
        .people
        .iter()
        .map(|l| {
            let mut m = Map::new();
            m.insert("person".into(), json!(s.person(l.person).id));
            m.insert("hours".into(), hours_json(l.hours));
            m.insert("compliant".into(), json!(l.compliant));
            m.insert("short_by".into(), hours_json(l.short_by));
            m.insert("name".into(), json!(s.person(l.person).name));
            m.insert(
                "last_course".into(),
                match l.last {
                    Some(rec) => json!({
                        "course": rec.course,
                        "date": rec.date.to_string(),
                        "hours": hours_json(rec.hours),
                    }),
                    None => Value::Null,
                },
            );
            m.insert(
                "expires".into(),
                l.expires.map_or(Value::Null, |d| json!(d.to_string())),
            );
            if l.planned_hours > 0.0 {
                m.insert("planned_hours".into(), hours_json(l.planned_hours));
            }
            if let Some(st) = &l.standing {
                if let Some(c) = &st.missing_course {
                    m.insert("missing_course".into(), json!(c));
                }
                if let Some(g) = st.grace_until {
                    m.insert("grace_until".into(), json!(g.to_string()));
                }
            }
            if let Some(y) = l.year_hours {
                m.insert("year_hours".into(), hours_json(y));
            }
            Value::Object(m)
        })
        .collect();
    doc.insert("people".into(), Value::Array(people));
    let mut totals = Map::new();
    match r.scope {
        Scope::Window { from, before } => {
            totals.insert("scope".into(), json!("window"));
            totals.insert("from".into(), json!(from.to_string()));
            totals.insert("before".into(), json!(before.to_string()));
        }
        Scope::Year(y) => {
            totals.insert("scope".into(), json!("year"));
            totals.insert("year".into(), json!(y));
        }
        Scope::All => {
            totals.insert("scope".into(), json!("all"));
        }
    }
    totals.insert(
        "by_course".into(),
        r.by_course
            .iter()
            .map(|t| {
                json!({"course": t.course, "records": t.records, "people": t.people,
                       "hours": hours_json(t.hours), "failed": t.failed})
            })
            .collect(),
    );
    totals.insert(
        "by_kind".into(),
        r.by_kind
            .iter()
            .map(|t| json!({"kind": kind_name(t.kind), "records": t.records, "hours": hours_json(t.hours)}))
            .collect(),
    );
    doc.insert("totals".into(), Value::Object(totals));
    if let Some(n) = &r.next {
        doc.insert(
            "next_round".into(),
            json!({
                "round": n.id,
                "start": n.start.to_string(),
                "falling_short": n.falling_short.iter().map(|st| {
                    let mut m = Map::new();
                    m.insert("person".into(), json!(s.person(st.person).id));
                    m.insert("hours".into(), hours_json(st.hours));
                    m.insert("short_by".into(), hours_json(st.short_by));
                    if let Some(c) = &st.missing_course {
                        m.insert("missing_course".into(), json!(c));
                    }
                    Value::Object(m)
                }).collect::<Vec<_>>(),
            }),
        );
    }
    if !r.duplicates.is_empty() {
        doc.insert(
            "duplicates".into(),
            r.duplicates
                .iter()
                .map(|&(a, b)| {
                    let rec = &s.training.records[b];
                    json!({
                        "person": s.person(rec.person).id,
                        "course": rec.course,
                        "date": rec.date.to_string(),
                        "hours": hours_json(rec.hours),
                        "first": r.origin(a),
                        "again": r.origin(b),
                    })
                })
                .collect(),
        );
    }
    let mut out = serde_json::to_string_pretty(&Value::Object(doc)).expect("report serialises");
    out.push('\n');
    out
}

/// A kind's display name (`annual` → 全脱产专训); records without one as
/// `unspecified`.
fn kind_label(w: &Words, k: Option<TrainingKind>) -> String {
    t!(w, "training-kind", kind = kind_name(k))
}

pub fn csv(w: &Words, r: &Report) -> String {
    sheet(w, r).csv()
}

/// One row per person as a spreadsheet table (CSV and XLSX share it).
pub fn sheet(w: &Words, r: &Report) -> Sheet {
    let s = r.s;
    let mut header = vec![
        t!(w, "training-csv-person"),
        t!(w, "training-csv-name"),
        t!(w, "training-csv-hours"),
        t!(w, "training-csv-required"),
        t!(w, "training-csv-compliant"),
        t!(w, "training-csv-short-by"),
        t!(w, "training-csv-missing-course"),
        t!(w, "training-csv-grace-until"),
        t!(w, "training-csv-last-course"),
        t!(w, "training-csv-last-date"),
        t!(w, "training-csv-expires"),
        t!(w, "training-csv-planned-hours"),
    ];
    if let Scope::Year(_) = r.scope {
        header.push(t!(w, "training-csv-year-hours"));
    }
    let mut out = Sheet::new(t!(w, "sheet-training"), header);
    for l in &r.people {
        let st = l.standing.as_ref();
        let mut row = vec![
            Cell::text(s.person(l.person).id.clone()),
            Cell::text(s.person_name(l.person)),
            Cell::number(fmt_hours(l.hours)),
            Cell::number(fmt_hours(l.required)),
            Cell::text(if l.compliant {
                t!(w, "csv-true")
            } else {
                t!(w, "csv-false")
            }),
            Cell::number(fmt_hours(l.short_by)),
            Cell::text(
                st.and_then(|st| st.missing_course.clone())
                    .unwrap_or_default(),
            ),
            Cell::text(
                st.and_then(|st| st.grace_until)
                    .map(|d| d.to_string())
                    .unwrap_or_default(),
            ),
            Cell::text(l.last.map(|x| x.course.clone()).unwrap_or_default()),
            Cell::text(l.last.map(|x| x.date.to_string()).unwrap_or_default()),
            Cell::text(l.expires.map(|d| d.to_string()).unwrap_or_default()),
            Cell::number(fmt_hours(l.planned_hours)),
        ];
        if let Some(y) = l.year_hours {
            row.push(Cell::number(fmt_hours(y)));
        }
        out.push(row);
    }
    out
}

pub fn table(w: &Words, r: &Report) -> String {
    let s = r.s;
    let as_of = r.as_of;
    let mut out = match &s.training.requirement {
        Some(req) => {
            let mut head = t!(
                w,
                "training-heading",
                date = as_of.to_string(),
                hours = fmt_hours(req.hours),
                days = req.within_days,
                window = Scope::Window {
                    from: training::window_start(req, as_of),
                    before: as_of
                }
                .describe(w)
            );
            head.push('\n');
            if let Some(m) = req.valid_months {
                head.push_str("  ");
                head.push_str(&t!(w, "training-valid-months", months = m));
                head.push('\n');
            }
            if let Some(c) = &req.leader_course {
                head.push_str("  ");
                head.push_str(&t!(w, "training-leader-course", course = clean(c)));
                head.push('\n');
            }
            if let Some(d) = req.grace_days {
                head.push_str("  ");
                head.push_str(&t!(w, "training-grace-days", days = d));
                head.push('\n');
            }
            head.push('\n');
            head
        }
        None => {
            let mut head = t!(w, "training-heading-none", date = as_of.to_string());
            head.push_str("\n\n");
            head
        }
    };
    let mut headers = vec![
        t!(w, "col-person"),
        t!(w, "col-name"),
        t!(w, "training-col-hours"),
        t!(w, "training-col-status"),
        t!(w, "training-col-last"),
        t!(w, "training-col-expires"),
    ];
    if let Scope::Year(_) = r.scope {
        headers.push(t!(w, "training-col-year-hours"));
    }
    let mut t = Table::new(headers);
    for l in &r.people {
        let status = match &l.standing {
            Some(st) if !st.compliant || st.grace_until.is_some() => {
                super::exclusion::standing(w, st)
            }
            _ if l.planned_hours > 0.0 => {
                t!(w, "training-ok-planned", hours = fmt_hours(l.planned_hours))
            }
            _ => t!(w, "training-ok"),
        };
        let mut row = vec![
            s.person(l.person).id.clone(),
            s.person_name(l.person).to_string(),
            fmt_hours(l.hours),
            status,
            l.last
                .map(|x| {
                    t!(
                        w,
                        "training-last",
                        course = x.course.as_str(),
                        date = x.date.to_string()
                    )
                })
                .unwrap_or_else(|| "-".into()),
            l.expires
                .map(|d| d.to_string())
                .unwrap_or_else(|| "-".into()),
        ];
        if let Some(y) = l.year_hours {
            row.push(fmt_hours(y));
        }
        t.row(row);
    }
    out.push_str(&t.render());
    out.push('\n');
    out.push_str(&t!(
        w,
        "training-short-count",
        short = r.short(),
        people = r.people.len()
    ));
    out.push('\n');

    out.push('\n');
    out.push_str(&t!(w, "training-by-course", scope = r.scope.describe(w)));
    out.push('\n');
    if r.by_course.is_empty() {
        out.push_str("  ");
        out.push_str(&t!(w, "training-no-records"));
        out.push('\n');
    } else {
        let mut t = Table::new([
            t!(w, "training-col-course"),
            t!(w, "training-col-records"),
            t!(w, "training-col-people"),
            t!(w, "training-col-hours"),
            t!(w, "training-col-failed"),
        ])
        .indent(2);
        for c in &r.by_course {
            t.row([
                c.course.clone(),
                c.records.to_string(),
                c.people.to_string(),
                fmt_hours(c.hours),
                c.failed.to_string(),
            ]);
        }
        out.push_str(&t.render());
        out.push('\n');
        out.push_str(&t!(w, "training-by-kind"));
        out.push('\n');
        let mut t = Table::new([
            t!(w, "training-col-kind"),
            t!(w, "training-col-records"),
            t!(w, "training-col-hours"),
        ])
        .indent(2);
        for k in &r.by_kind {
            t.row([
                kind_label(w, k.kind),
                k.records.to_string(),
                fmt_hours(k.hours),
            ]);
        }
        out.push_str(&t.render());
    }

    if let Some(n) = &r.next {
        out.push('\n');
        out.push_str(&t!(
            w,
            "training-next-round",
            round = clean(&n.id),
            start = n.start.to_string(),
            n = n.falling_short.len()
        ));
        out.push('\n');
        if !n.falling_short.is_empty() {
            let mut t = Table::new([
                t!(w, "col-person"),
                t!(w, "col-name"),
                t!(w, "training-col-then"),
            ])
            .indent(2);
            for st in &n.falling_short {
                t.row([
                    s.person(st.person).id.clone(),
                    s.person_name(st.person).to_string(),
                    super::exclusion::standing(w, st),
                ]);
            }
            out.push_str(&t.render());
        }
    }

    if !r.duplicates.is_empty() {
        out.push('\n');
        out.push_str(&t!(w, "training-duplicates", n = r.duplicates.len()));
        out.push('\n');
        for &(a, b) in &r.duplicates {
            let rec = &s.training.records[b];
            out.push_str("  ");
            out.push_str(&t!(
                w,
                "training-duplicate",
                person = person_label(w, s, rec.person),
                course = clean(&rec.course),
                date = rec.date.to_string(),
                hours = fmt_hours(rec.hours),
                first = clean(&r.origin(a)),
                again = clean(&r.origin(b))
            ));
            out.push('\n');
        }
    }
    out
}

/// Where `training add` or `import` wrote (or, in a dry run, would write).
pub struct Written {
    pub ledger: String,
    /// Lines of the new records in the ledger.
    pub lines: Vec<usize>,
    /// The ledger file did not exist before.
    pub created: bool,
    pub dry_run: bool,
}

/// `training add`: the record as written and the person's standing after it.
pub fn added(w: &Words, s: &Scenario, record: usize, at: &Written, today: NaiveDate) -> String {
    let rec = &s.training.records[record];
    let mut out = t!(
        w,
        "training-added",
        dry_run = if at.dry_run { "yes" } else { "no" },
        ledger = clean(&at.ledger),
        line = at.lines.first().copied().unwrap_or(0),
        created = if at.created { "yes" } else { "no" },
        id = clean(&s.person(rec.person).id),
        name = clean(s.person_name(rec.person)),
        course = clean(&rec.course),
        date = rec.date.to_string(),
        hours = fmt_hours(rec.hours)
    );
    if let Some(k) = rec.kind {
        out.push_str(&t!(w, "training-added-kind", kind = kind_label(w, Some(k))));
    }
    out.push('\n');
    let (as_of, round) = match &s.round {
        Some(r) => (r.start, Some(r.id.as_str())),
        None => (today, None),
    };
    if let Some(st) = training::standing(s, rec.person, as_of) {
        out.push_str(&t!(
            w,
            "training-standing",
            id = clean(&s.person(rec.person).id),
            name = clean(s.person_name(rec.person)),
            date = as_of.to_string(),
            when = if round.is_some() { "round" } else { "today" },
            round = round.map(clean).unwrap_or_default(),
            standing = super::exclusion::standing(w, &st)
        ));
        out.push('\n');
    }
    out
}

/// `training import`: how many records went where.
pub fn imported(w: &Words, n: usize, file: &str, encoding: &str, at: &Written) -> String {
    let lines = match (at.lines.first(), at.lines.last()) {
        (Some(a), Some(b)) if a != b => format!("{a}–{b}"),
        (Some(a), _) => a.to_string(),
        _ => String::new(),
    };
    let mut out = t!(
        w,
        "training-imported",
        dry_run = if at.dry_run { "yes" } else { "no" },
        n = n,
        file = clean(file),
        encoding = encoding,
        ledger = clean(&at.ledger),
        many = if at.lines.len() > 1 { "yes" } else { "no" },
        lines = lines,
        created = if at.created { "yes" } else { "no" }
    );
    out.push('\n');
    out
}

/// `training import` of a file without records.
pub fn nothing_imported(w: &Words, file: &str) -> String {
    let mut out = t!(w, "training-nothing-imported", file = clean(file));
    out.push('\n');
    out
}
