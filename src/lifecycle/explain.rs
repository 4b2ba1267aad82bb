//! Trying a changed roster and saying in a few words what breaks, shared by
//! `replace` and `why`.
//!
//! A [`Trial`] holds the roster under study. [`Trial::attempt`] checks a
//! changed copy with the independent validator ([`crate::roster_check`])
//! and keeps only the violations the change brings: whatever was already
//! wrong with the roster is not held against a candidate. Groups that lost
//! their leader get one from their members ([`Trial::relead`]); the soft
//! terms do not depend on who leads, so the first valid choice is as good
//! as any.

use crate::ids::PersonIx;
use crate::roster_check::{self, Violation};
use crate::scenario::{Group, Round, Scenario};
use crate::score::{self, person_label, Breakdown};
use crate::training::fmt_hours;

pub use crate::report::conflicts::brief as conflict_brief;

/// A violation in a few words, seen from `focus` (whose name is left out
/// where the violation is theirs): `R4 via spouse 李娜 with 石桥乡`,
/// `group 1 would lack audit`.
pub fn violation_brief(s: &Scenario, v: &Violation, focus: Option<PersonIx>) -> String {
    use Violation::*;
    let who = |p: &PersonIx| -> String {
        if Some(*p) == focus {
            String::new()
        } else {
            format!("{}: ", person_label(s, *p))
        }
    };
    match v {
        Conflict {
            person,
            unit,
            rule,
            as_leader,
            evidence,
            ..
        } => {
            let c = crate::recusal::Conflict {
                person: *person,
                unit: *unit,
                rule: *rule,
                evidence: evidence.clone(),
            };
            format!(
                "{}{} with {}{}",
                who(person),
                conflict_brief(s, &c),
                s.unit_name(*unit),
                if *as_leader { " (as leader)" } else { "" }
            )
        }
        Unavailable { person, range, .. } => {
            format!("{}unavailable {}..{}", who(person), range.from, range.to)
        }
        Training {
            person,
            hours,
            required,
            ..
        } => format!(
            "{}short of training ({} of {} h)",
            who(person),
            fmt_hours(*hours),
            fmt_hours(*required)
        ),
        MissingSkill { group, skill, .. } => {
            format!("group {} would lack {}", group + 1, s.skill_name(*skill))
        }
        KinPair { a, b, kind, .. } => match focus {
            Some(f) if f == *a || f == *b => {
                let other = if f == *a { b } else { a };
                format!("{kind} of {} in the group", person_label(s, *other))
            }
            _ => format!(
                "{} and {} are related ({kind})",
                person_label(s, *a),
                person_label(s, *b)
            ),
        },
        ApartPair { a, b, .. } => match focus {
            Some(f) if f == *a || f == *b => {
                let other = if f == *a { b } else { a };
                format!("to be kept apart from {}", person_label(s, *other))
            }
            _ => format!(
                "{} and {} are to be kept apart",
                person_label(s, *a),
                person_label(s, *b)
            ),
        },
        TooManyRetired {
            group, count, max, ..
        } => format!(
            "group {} would have {count} retired members (max {max})",
            group + 1
        ),
        GroupSize {
            group,
            size,
            min,
            max,
        } => {
            let bound = if size < &(*min as usize) {
                format!("min {min}")
            } else {
                format!("max {max}")
            };
            format!("group {} would have {size} members ({bound})", group + 1)
        }
        // Seen from a candidate, the validator's complaint about a leader
        // means the group was left with nobody who may lead.
        LeaderNotEligible { group, person } => match focus {
            Some(_) => format!("nobody left in group {} may lead", group + 1),
            None => format!("{}may not lead (leader: false)", who(person)),
        },
        NotInPool { person, .. } => format!("{}not in the pool (pool: false)", who(person)),
        other => other.describe(s),
    }
}

/// Briefs of several violations, `; `-separated, each once.
pub fn briefs(s: &Scenario, vs: &[Violation], focus: Option<PersonIx>) -> String {
    let mut out: Vec<String> = Vec::new();
    for v in vs {
        let b = violation_brief(s, v, focus);
        if !out.contains(&b) {
            out.push(b);
        }
    }
    out.join("; ")
}

/// The outcome of trying a roster: its score, or what it breaks that the
/// roster under study did not.
pub type Attempt = Result<Breakdown, Vec<Violation>>;

/// The roster under study and its standing.
#[derive(Debug, Clone)]
pub struct Trial<'a> {
    pub s: &'a Scenario,
    pub round: &'a Round,
    pub groups: Vec<Group>,
    /// What the roster breaks as it is (empty when valid).
    pub violations: Vec<Violation>,
    /// Its soft terms (computed even when it breaks rules).
    pub breakdown: Breakdown,
}

impl<'a> Trial<'a> {
    pub fn new(s: &'a Scenario, round: &'a Round, groups: &[Group]) -> Self {
        let violations = roster_check::check(s, round, groups)
            .err()
            .unwrap_or_default();
        Trial {
            s,
            round,
            groups: groups.to_vec(),
            violations,
            breakdown: score::breakdown(s, groups),
        }
    }

    /// Where `p` sits: (group, leads).
    pub fn seat_of(&self, p: PersonIx) -> Option<(usize, bool)> {
        self.groups
            .iter()
            .position(|g| g.members.contains(&p))
            .map(|g| (g, self.groups[g].leader == p))
    }

    /// Check `groups`, ignoring what the roster under study already breaks.
    pub fn attempt(&self, groups: &[Group]) -> Attempt {
        match roster_check::check(self.s, self.round, groups) {
            Ok(b) => Ok(b),
            Err(vs) => {
                let fresh: Vec<Violation> = vs
                    .into_iter()
                    .filter(|v| !self.violations.contains(v))
                    .collect();
                if fresh.is_empty() {
                    Ok(score::breakdown(self.s, groups))
                } else {
                    Err(fresh)
                }
            }
        }
    }

    /// Try `groups` after giving a leader to each group in `fix` whose
    /// leader is no longer a member: `prefer` first, then the other members
    /// who may lead, in roster order. Returns the roster tried and its
    /// outcome: the first valid choice, else the one breaking least.
    pub fn relead(
        &self,
        mut groups: Vec<Group>,
        fix: &[usize],
        prefer: &[PersonIx],
    ) -> (Vec<Group>, Attempt) {
        let s = self.s;
        let mut choices: Vec<(usize, Vec<PersonIx>)> = Vec::new();
        for &g in fix {
            let group = &groups[g];
            if group.members.contains(&group.leader) {
                continue;
            }
            let mut options: Vec<PersonIx> = prefer
                .iter()
                .copied()
                .filter(|p| group.members.contains(p) && s.person(*p).leader)
                .collect();
            for &m in &group.members {
                if s.person(m).leader && !options.contains(&m) {
                    options.push(m);
                }
            }
            if options.is_empty() {
                // Nobody may lead: name the preferred member anyway and let
                // the validator say so.
                let fallback = prefer
                    .iter()
                    .copied()
                    .find(|p| group.members.contains(p))
                    .or_else(|| group.members.first().copied());
                options.extend(fallback);
            }
            choices.push((g, options));
        }
        let mut best: Option<(Vec<Group>, Attempt)> = None;
        let total: usize = choices.iter().map(|(_, o)| o.len().max(1)).product();
        for k in 0..total.max(1) {
            let mut rest = k;
            for (g, options) in &choices {
                if let Some(&leader) = options.get(rest % options.len().max(1)) {
                    set_leader(&mut groups[*g], leader);
                }
                rest /= options.len().max(1);
            }
            let outcome = self.attempt(&groups);
            let better = match (&best, &outcome) {
                (None, _) => true,
                (Some((_, Err(old))), Err(new)) => new.len() < old.len(),
                (Some((_, Err(_))), Ok(_)) => true,
                _ => false,
            };
            if better {
                let done = outcome.is_ok();
                best = Some((groups.clone(), outcome));
                if done {
                    break;
                }
            }
        }
        best.unwrap_or_else(|| {
            let outcome = self.attempt(&groups);
            (groups, outcome)
        })
    }
}

/// `group 2 (石桥乡 T02 + 县财政局 D01)`: a group by its number and units.
pub fn group_label(s: &Scenario, groups: &[Group], g: usize) -> String {
    let units: Vec<String> = groups[g]
        .units
        .iter()
        .map(|u| {
            let id = &s.unit(*u).id;
            let name = s.unit_name(*u);
            if name == id {
                id.clone()
            } else {
                format!("{name} {id}")
            }
        })
        .collect();
    format!("group {} ({})", g + 1, units.join(" + "))
}

/// Make `leader` the group's leader: members leader first, then by index.
pub fn set_leader(g: &mut Group, leader: PersonIx) {
    g.leader = leader;
    canonical(g);
}

/// Members leader first, then by index (the order `plan` prints).
pub fn canonical(g: &mut Group) {
    let leader = g.leader;
    g.members.retain(|p| *p != leader);
    g.members.sort();
    g.members.insert(0, leader);
}
