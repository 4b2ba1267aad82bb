//! `xuncha replace`: who could take one person's seat.
//!
//! Every pool member outside the roster is tried in that seat (taking over
//! the lead if the person led the group, or leaving it to another member
//! who may lead). Those who fit are ranked by the score of the roster with
//! them in it, best first; for the closest ones who do not fit (fewest
//! broken rules) the violations are kept (`report::lifecycle` words them).

use super::explain::{self, Trial};
use crate::ids::{PersonIx, SkillIx};
use crate::roster_check::Violation;
use crate::scenario::{Group, Round, Scenario};
use crate::score::Breakdown;

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
