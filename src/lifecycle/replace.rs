//! `xuncha replace`: who could take one person's seat.
//!
//! Every pool member outside the roster is tried in that seat (taking over
//! the lead if the person led the group, or leaving it to another member
//! who may lead). Those who fit are ranked by the score of the roster with
//! them in it, best first; for the closest ones who do not fit (fewest
//! broken rules) the reasons are given, e.g. `R4 via spouse 李娜 with 青山镇`.

use super::explain::{self, Trial};
use crate::ids::{PersonIx, SkillIx};
use crate::report::table::Table;
use crate::roster_check::Violation;
use crate::scenario::{Group, Round, Scenario};
use crate::score::{person_label, Breakdown};

/// A candidate who fits the seat.
#[derive(Debug, Clone)]
pub struct Fit {
    pub person: PersonIx,
    /// Who leads the group with them in it.
    pub leader: PersonIx,
    pub roster: Vec<Group>,
    pub breakdown: Breakdown,
    /// Skills the group needs that the candidate holds.
    pub brings: Vec<SkillIx>,
    /// History rounds the candidate served in.
    pub rounds: Vec<String>,
}

/// A candidate who does not fit, and why.
#[derive(Debug, Clone)]
pub struct Misfit {
    pub person: PersonIx,
    pub violations: Vec<Violation>,
}

/// Candidates for one seat.
#[derive(Debug, Clone)]
pub struct Replacement {
    pub person: PersonIx,
    pub group: usize,
    pub leads: bool,
    /// The roster's score as it is.
    pub before: Breakdown,
    /// What the roster breaks as it is (not held against candidates).
    pub already: Vec<Violation>,
    /// Skills the group needs: the round's and its units'.
    pub needs: Vec<SkillIx>,
    /// Best first.
    pub fits: Vec<Fit>,
    /// Closest first.
    pub misfits: Vec<Misfit>,
}

/// The skills a group holding `g`'s units needs, by index.
pub fn needs(s: &Scenario, round: &Round, g: &Group) -> Vec<SkillIx> {
    let mut k: Vec<SkillIx> = round.rules.required_skills.clone();
    for u in &g.units {
        k.extend(s.unit(*u).requires.iter().copied());
    }
    k.sort();
    k.dedup();
    k
}

/// History rounds `p` served in.
pub fn rounds_served(s: &Scenario, p: PersonIx) -> Vec<String> {
    s.history
        .iter()
        .filter(|h| h.groups.iter().any(|g| g.members.contains(&p)))
        .map(|h| h.id.clone())
        .collect()
}

/// Rank the candidates for `person`'s seat; `None` if they are not in the roster.
pub fn replacement(
    s: &Scenario,
    round: &Round,
    groups: &[Group],
    person: PersonIx,
) -> Option<Replacement> {
    let trial = Trial::new(s, round, groups);
    let (g, leads) = trial.seat_of(person)?;
    let in_roster: Vec<PersonIx> = groups
        .iter()
        .flat_map(|g| g.members.iter().copied())
        .collect();
    let needs = needs(s, round, &groups[g]);
    let mut fits = Vec::new();
    let mut misfits = Vec::new();
    for c in s.pool() {
        if c == person || in_roster.contains(&c) {
            continue;
        }
        let mut roster = groups.to_vec();
        for m in roster[g].members.iter_mut() {
            if *m == person {
                *m = c;
            }
        }
        let (roster, outcome) = if leads {
            trial.relead(roster, &[g], &[c])
        } else {
            explain::canonical(&mut roster[g]);
            let outcome = trial.attempt(&roster);
            (roster, outcome)
        };
        match outcome {
            Ok(breakdown) => fits.push(Fit {
                person: c,
                leader: roster[g].leader,
                brings: needs
                    .iter()
                    .copied()
                    .filter(|k| s.person(c).has_skill(*k))
                    .collect(),
                rounds: rounds_served(s, c),
                roster,
                breakdown,
            }),
            Err(violations) => misfits.push(Misfit {
                person: c,
                violations,
            }),
        }
    }
    // Best score first; among equals, who brings more of the needed skills.
    fits.sort_by_key(|f| {
        (
            f.breakdown.objective.total,
            std::cmp::Reverse(f.brings.len()),
            f.person,
        )
    });
    misfits.sort_by_key(|m| (m.violations.len(), m.person));
    Some(Replacement {
        person,
        group: g,
        leads,
        before: trial.breakdown.clone(),
        already: trial.violations.clone(),
        needs,
        fits,
        misfits,
    })
}

fn names(s: &Scenario, ks: &[SkillIx]) -> String {
    if ks.is_empty() {
        "-".to_string()
    } else {
        ks.iter()
            .map(|k| s.skill_name(*k))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// The report for people; `top` cuts each list (0 = all).
pub fn table(s: &Scenario, round: &Round, groups: &[Group], r: &Replacement, top: usize) -> String {
    let cut = |n: usize| if top == 0 { n } else { n.min(top) };
    let g = &groups[r.group];
    let role = if r.leads { "leader" } else { "member" };
    let mut out = format!(
        "replace {}, {role} of {}, round {}; score now {}\n",
        person_label(s, r.person),
        explain::group_label(s, groups, r.group),
        round.id,
        r.before.objective.total
    );
    let held: Vec<SkillIx> = r
        .needs
        .iter()
        .copied()
        .filter(|k| s.person(r.person).has_skill(*k))
        .collect();
    out.push_str(&format!(
        "the group needs {}; {} brought {}\n",
        names(s, &r.needs),
        s.person_name(r.person),
        if held.is_empty() {
            "none of them".to_string()
        } else {
            names(s, &held)
        }
    ));
    if !r.already.is_empty() {
        out.push_str(&format!(
            "note: the roster already breaks rules (not held against candidates): {}\n",
            explain::briefs(s, &r.already, None)
        ));
    }
    out.push('\n');
    if r.fits.is_empty() {
        out.push_str("nobody outside the roster fits this seat; `xuncha repair` may move others to make room\n");
    } else {
        let unit_names: Vec<&str> = g.units.iter().map(|u| s.unit_name(*u)).collect();
        out.push_str(&format!(
            "{} fit{}, best first: each keeps every skill the group needs, has no conflict with {} and breaks no other rule\n",
            r.fits.len(),
            if r.fits.len() == 1 { "s" } else { "" },
            unit_names.join(", ")
        ));
        let mut headers = vec!["rank", "person", "name", "score", "brings", "past rounds"];
        if r.leads {
            headers.push("leader");
        }
        let mut t = Table::new(headers).indent(2);
        for (i, f) in r.fits.iter().take(cut(r.fits.len())).enumerate() {
            let delta = f.breakdown.objective.total as i64 - r.before.objective.total as i64;
            let load = if f.rounds.is_empty() {
                "0".to_string()
            } else {
                format!("{} ({})", f.rounds.len(), f.rounds.join(", "))
            };
            let mut row = vec![
                (i + 1).to_string(),
                s.person(f.person).id.clone(),
                s.person_name(f.person).to_string(),
                format!("{} ({delta:+})", f.breakdown.objective.total),
                names(s, &f.brings),
                load,
            ];
            if r.leads {
                row.push(if f.leader == f.person {
                    "takes the lead".to_string()
                } else {
                    person_label(s, f.leader)
                });
            }
            t.row(row);
        }
        out.push_str(&t.render());
        if cut(r.fits.len()) < r.fits.len() {
            out.push_str(&format!(
                "  … and {} more (--top 0 lists all)\n",
                r.fits.len() - cut(r.fits.len())
            ));
        }
    }
    if !r.misfits.is_empty() {
        out.push_str("\nclosest that do not fit:\n");
        for m in r.misfits.iter().take(cut(r.misfits.len())) {
            out.push_str(&format!(
                "  {}: {}\n",
                person_label(s, m.person),
                explain::briefs(s, &m.violations, Some(m.person))
            ));
        }
        if cut(r.misfits.len()) < r.misfits.len() {
            out.push_str(&format!(
                "  … and {} more (--top 0 lists all)\n",
                r.misfits.len() - cut(r.misfits.len())
            ));
        }
    }
    out
}
