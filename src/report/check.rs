//! `xuncha check`: the scenario at a glance.

use std::collections::BTreeSet;

use crate::eligibility::{Eligibility, Exclusion};
use crate::recusal::Recusal;
use crate::report::table::Table;
use crate::scenario::{Scenario, UnitKind};
use crate::training::fmt_hours;

/// Render the summary. `recusal` holds the conflicts against the round's
/// units (or all units); `eligibility` the round's exclusions, if any round.
pub fn render(s: &Scenario, recusal: &Recusal, eligibility: Option<&Eligibility>) -> String {
    let mut out = String::new();
    let name = if s.name.trim().is_empty() {
        "(unnamed scenario)"
    } else {
        &s.name
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
    conflicted.dedup();

    let mut t = Table::new(Vec::<String>::new());
    t.row([
        "pool".to_string(),
        format!(
            "{} members: {leaders} may lead, {retired} retired from post; {} people in the relation graph",
            pool.len(),
            s.people.len()
        ),
    ]);
    t.row([
        "units".to_string(),
        format!(
            "{townships} townships ({} villages, {must} must-inspect), {departments} departments",
            s.villages.len()
        ),
    ]);
    t.row([
        "relations".to_string(),
        format!(
            "{} ({kin_rel} kin within {} hops, {tie_rel} leader ties)",
            s.relations.len(),
            s.recusal.kin_depth
        ),
    ]);
    let against = if s.round.is_some() {
        "the round's units"
    } else {
        "all units"
    };
    t.row([
        "conflicts".to_string(),
        format!(
            "{} against {against} ({} people); {} waived",
            recusal.conflicts().len(),
            conflicted.len(),
            recusal.waived().len()
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
                "training".to_string(),
                format!(
                    "{} h within {} days before {as_of}: {} compliant, {short} short",
                    fmt_hours(req.hours),
                    req.within_days,
                    pool.len() - short
                ),
            ]);
        }
        None => t.row(["training".to_string(), "no requirement".to_string()]),
    }
    t.row(["history".to_string(), {
        let groups: usize = s.history.iter().map(|h| h.groups.len()).sum();
        format!(
            "{} {}, {} {}",
            s.history.len(),
            if s.history.len() == 1 {
                "round"
            } else {
                "rounds"
            },
            groups,
            if groups == 1 { "group" } else { "groups" }
        )
    }]);
    out.push_str(&t.render());

    if let Some(round) = &s.round {
        let r = &round.rules;
        out.push_str(&format!(
            "\nround {} ({}) {}..{}: {} groups of {}–{}, {} units\n",
            round.id,
            r.kind.as_str(),
            round.start,
            round.end,
            r.groups,
            r.size_min,
            r.size_max,
            round.units.len()
        ));
        if let Some(el) = eligibility {
            let avail_leaders = el.available.iter().filter(|p| s.person(**p).leader).count();
            out.push_str(&format!(
                "  available: {} of {} pool members, {avail_leaders} of them may lead\n",
                el.available.len(),
                pool.len()
            ));
            let seats = r.groups as usize * r.size_min as usize;
            if el.available.len() < seats {
                out.push_str(&format!(
                    "  warning: {} groups of at least {} need {seats} people; only {} are available\n",
                    r.groups,
                    r.size_min,
                    el.available.len()
                ));
            }
            if avail_leaders < r.groups as usize {
                out.push_str(&format!(
                    "  warning: {} groups need {} leaders; only {avail_leaders} available pool members may lead\n",
                    r.groups, r.groups
                ));
            }
            if el.excluded.is_empty() {
                out.push_str("  nobody is excluded\n");
            } else {
                out.push_str(&format!("  excluded: {}\n", el.excluded.len()));
                let mut t = Table::new(["person", "name", "why"]).indent(4);
                for (p, reasons) in &el.excluded {
                    let why: Vec<String> = reasons
                        .iter()
                        .map(|e| match e {
                            Exclusion::Unavailable(d) => {
                                format!("unavailable {}..{}", d.from, d.to)
                            }
                            Exclusion::Training(st) => st.describe(),
                        })
                        .collect();
                    t.row([
                        s.person(*p).id.clone(),
                        s.person_name(*p).to_string(),
                        why.join("; "),
                    ]);
                }
                out.push_str(&t.render());
            }
        }
    } else {
        out.push_str("\nno round to plan\n");
    }
    out
}
