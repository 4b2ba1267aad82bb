//! Trying a changed roster and finding what breaks, shared by `replace`
//! and `why` (`report::lifecycle` says it in words).
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
use crate::score::{self, Breakdown};

/// Whether two violations say the same thing about a candidate: the same
/// conflict whichever group it is seen in, else equal.
pub fn same_for(a: &Violation, b: &Violation) -> bool {
    match (a, b) {
        (
            Violation::Conflict {
                person: p1,
                unit: u1,
                rule: r1,
                as_leader: l1,
                ..
            },
            Violation::Conflict {
                person: p2,
                unit: u2,
                rule: r2,
                as_leader: l2,
                ..
            },
        ) => p1 == p2 && u1 == u2 && r1 == r2 && l1 == l2,
        _ => a == b,
    }
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
            breakdown: score::breakdown(s, round, groups),
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
                    Ok(score::breakdown(self.s, self.round, groups))
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
