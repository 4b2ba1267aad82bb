//! `xuncha check`: the scenario at a glance.

use std::collections::BTreeSet;

use crate::eligibility::Eligibility;
use crate::recusal::Recusal;
use crate::report::i18n::Words;
use crate::report::table::{clean, Table};
use crate::scenario::{Scenario, UnitKind};
use crate::t;
use crate::training::fmt_hours;

/// Render the summary. `recusal` holds the conflicts against the round's
/// units (or all units); `eligibility` the round's exclusions, if any round.
pub fn render(
    w: &Words,
    s: &Scenario,
    recusal: &Recusal,
    eligibility: Option<&Eligibility>,
) -> String {
    let mut out = String::new();
    let name = if s.name.trim().is_empty() {
        t!(w, "check-unnamed")
    } else {
        clean(&s.name).into_owned()
    };
    out.push_str(&format!("{name}\n\n"));

    let pool: Vec<_> = s.pool().collect();
    let leaders = pool.iter().filter(|p| s.person(**p).leader).count();
    let retired = pool.iter().filter(|p| s.person(**p).retired).count();
    let townships = s
        .units
        .iter()
        .filter(|u| u.kind == UnitKind::Township)
        .count();
    let departments = s.units.len() - townships;
    let must = s.villages.iter().filter(|v| v.must_inspect()).count();
    let kin: BTreeSet<&str> = s.recusal.kin.iter().map(String::as_str).collect();
    let ties: BTreeSet<&str> = s.recusal.leader_ties.iter().map(String::as_str).collect();
    let kin_rel = s
        .relations
        .iter()
        .filter(|r| kin.contains(r.kind.as_str()))
        .count();
    let tie_rel = s
        .relations
        .iter()
        .filter(|r| ties.contains(r.kind.as_str()))
        .count();
    let mut conflicted: Vec<_> = recusal.conflicts().iter().map(|c| c.person).collect();
    conflicted.sort();
    conflicted.dedup();

    let mut t = Table::new(Vec::<String>::new());
    t.row([
        t!(w, "check-pool"),
        t!(
            w,
            "check-pool-line",
            pool = pool.len(),
            leaders = leaders,
            retired = retired,
            people = s.people.len()
        ),
    ]);
    t.row([
        t!(w, "check-units"),
        t!(
            w,
            "check-units-line",
            townships = townships,
            villages = s.villages.len(),
            must = must,
            departments = departments
        ),
    ]);
    t.row([
        t!(w, "check-relations"),
        t!(
            w,
            "check-relations-line",
            relations = s.relations.len(),
            kin = kin_rel,
            depth = s.recusal.kin_depth,
            ties = tie_rel
        ),
    ]);
    t.row([
        t!(w, "check-conflicts"),
        t!(
            w,
            "check-conflicts-line",
            conflicts = recusal.conflicts().len(),
            scope = if s.round.is_some() { "round" } else { "all" },
            people = conflicted.len(),
            waived = recusal.waived().len()
        ),
    ]);
    match &s.training.requirement {
        Some(req) => {
            let as_of = recusal.as_of();
            let short = pool
                .iter()
                .filter(|p| !crate::training::compliant(s, **p, as_of))
                .count();
            t.row([
                t!(w, "check-training"),
                t!(
                    w,
                    "check-training-line",
                    hours = fmt_hours(req.hours),
                    days = req.within_days,
                    date = as_of.to_string(),
                    compliant = pool.len() - short,
                    short = short
                ),
            ]);
        }
        None => t.row([t!(w, "check-training"), t!(w, "check-training-none")]),
    }
    let groups: usize = s.history.iter().map(|h| h.groups.len()).sum();
    t.row([
        t!(w, "check-history"),
        t!(
            w,
            "check-history-line",
            rounds = s.history.len(),
            groups = groups
        ),
    ]);
    out.push_str(&t.render());

    let Some(round) = &s.round else {
        out.push('\n');
        out.push_str(&t!(w, "check-no-round"));
        out.push('\n');
        return out;
    };
    let r = &round.rules;
    out.push('\n');
    out.push_str(&t!(
        w,
        "check-round",
        round = clean(&round.id),
        kind = r.kind.as_str(),
        start = round.start.to_string(),
        end = round.end.to_string(),
        groups = r.groups,
        min = r.size_min,
        max = r.size_max,
        units = round.units.len()
    ));
    out.push('\n');
    let Some(el) = eligibility else {
        return out;
    };
    let avail_leaders = el.available.iter().filter(|p| s.person(**p).leader).count();
    out.push_str("  ");
    out.push_str(&t!(
        w,
        "check-available",
        available = el.available.len(),
        pool = pool.len(),
        leaders = avail_leaders
    ));
    out.push('\n');
    let seats = r.groups as usize * r.size_min as usize;
    if el.available.len() < seats {
        out.push_str("  ");
        out.push_str(&t!(
            w,
            "check-warn-seats",
            groups = r.groups,
            min = r.size_min,
            seats = seats,
            available = el.available.len()
        ));
        out.push('\n');
    }
    if avail_leaders < r.groups as usize {
        out.push_str("  ");
        out.push_str(&t!(
            w,
            "check-warn-leaders",
            groups = r.groups,
            leaders = avail_leaders
        ));
        out.push('\n');
    }
    if el.excluded.is_empty() {
        out.push_str("  ");
        out.push_str(&t!(w, "check-nobody-excluded"));
        out.push('\n');
        return out;
    }
    out.push_str("  ");
    out.push_str(&t!(w, "check-excluded", n = el.excluded.len()));
    out.push('\n');
    let mut t = Table::new([
        t!(w, "col-person"),
        t!(w, "col-name"),
        t!(w, "check-col-why"),
    ])
    .indent(4);
    for (p, reasons) in &el.excluded {
        t.row([
            s.person(*p).id.clone(),
            s.person_name(*p).to_string(),
            super::exclusion::exclusions(w, reasons),
        ]);
    }
    out.push_str(&t.render());
    out
}
