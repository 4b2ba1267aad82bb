//! Polishing a roster by local moves before the MILP: a descent on the
//! objective from the greedy roster. Moves replace, remove or add a member,
//! swap two members between groups, and swap or move free townships
//! between groups; each keeps every rule of the round (H1–H11, screened
//! with the instance's facts) and is taken only when it lowers the cost.
//! A polished roster at the counting floor is proven optimal without the
//! MILP; otherwise it is a closer warm start. Deterministic: moves are
//! scanned in a fixed order and the best is taken, ties to the first.

use std::collections::BTreeSet;

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use super::instance::Instance;
use crate::ids::{PersonIx, UnitIx};
use crate::scenario::Group;

/// Passes (each takes the best improving move) per descent, at most.
const MAX_PASSES: usize = 200;
/// Kicks (a few random moves, then a descent) after the first descent.
const MAX_KICKS: usize = 30;
/// Random moves per kick, and attempts to find them.
const KICK_MOVES: usize = 3;
const KICK_TRIES: usize = 60;
const KICK_SEED: u64 = 1;
/// Candidates × groups above which the roster is not polished: a pass
/// scans chains through every pair of seats, which a city-sized round (60
/// groups, 600 candidates) cannot afford. The MILP takes it as it is.
const MAX_SIZE: usize = 8_000;

/// A group as the descent sees it: members (the leader is chosen at the end
/// among those who may lead) and units.
#[derive(Clone)]
struct Team {
    members: Vec<PersonIx>,
    units: Vec<UnitIx>,
}

struct Polisher<'a, 's> {
    inst: &'a Instance<'s>,
    /// Townships the round places (not fixed to a group).
    free: BTreeSet<UnitIx>,
    /// Reserve cadres due to serve (docs/pool.md), when weighted.
    due: BTreeSet<PersonIx>,
}

impl Polisher<'_, '_> {
    fn may_sit(&self, p: PersonIx, units: &[UnitIx]) -> bool {
        units.iter().all(|u| self.inst.recusal.member_ok(p, *u))
    }

    fn may_lead(&self, p: PersonIx, units: &[UnitIx]) -> bool {
        self.inst.s.person(p).leader
            && units
                .iter()
                .all(|u| self.inst.recusal.member_ok(p, *u) && self.inst.recusal.leader_ok(p, *u))
    }

    /// Whether a team keeps every rule on its own (sizes, a leader,
    /// recusal, skills, retired members, kin and `apart` pairs).
    fn team_ok(&self, t: &Team) -> bool {
        let inst = self.inst;
        let s = inst.s;
        let rules = &inst.round.rules;
        let n = t.members.len();
        if n < rules.size_min as usize || n > rules.size_max as usize || t.units.is_empty() {
            return false;
        }
        if t.units.len() > rules.max_units_per_group as usize {
            return false;
        }
        if !t.members.iter().all(|p| self.may_sit(*p, &t.units)) {
            return false;
        }
        if !t.members.iter().any(|p| self.may_lead(*p, &t.units)) {
            return false;
        }
        let holds = |k| t.members.iter().any(|p| inst.has(*p, k));
        if !inst.required().iter().all(|k| holds(*k))
            || !t
                .units
                .iter()
                .all(|u| s.unit(*u).requires.iter().all(|k| holds(*k)))
        {
            return false;
        }
        if let Some(max) = rules.max_retired_per_group {
            if t.members.iter().filter(|p| s.person(**p).retired).count() > max as usize {
                return false;
            }
        }
        t.members.iter().enumerate().all(|(i, a)| {
            t.members[i + 1..]
                .iter()
                .all(|b| !inst.apart.contains_key(&((*a).min(*b), (*a).max(*b))))
        })
    }

    /// The team's part of the objective: workload, repeated units and
    /// partners, less the reserve cadres it seats.
    fn team_cost(&self, t: &Team) -> i64 {
        let inst = self.inst;
        let w = inst.s.weights;
        let mut c = 0i64;
        for (i, &p) in t.members.iter().enumerate() {
            c += w.workload as i64 * inst.served.get(&p).copied().unwrap_or(0) as i64;
            c += w.repeat_unit as i64
                * t.units
                    .iter()
                    .filter(|u| inst.past_units.contains(&(p, **u)))
                    .count() as i64;
            c += w.repeat_pair as i64
                * t.members[i + 1..]
                    .iter()
                    .filter(|q| inst.met.contains(&(p.min(**q), p.max(**q))))
                    .count() as i64;
            if self.due.contains(&p) {
                c -= w.reserve as i64;
            }
        }
        c
    }

    fn weight(&self, t: &Team) -> i64 {
        t.units
            .iter()
            .map(|u| self.inst.s.unit(*u).weight as i64)
            .sum()
    }

    /// `weights.balance × (max − min)` over the teams' weights.
    fn balance(&self, weights: &[i64]) -> i64 {
        let hi = weights.iter().max().copied().unwrap_or(0);
        let lo = weights.iter().min().copied().unwrap_or(0);
        self.inst.s.weights.balance as i64 * (hi - lo)
    }

    /// How many teams sit at the heaviest or the lightest weight: a
    /// tie-breaker, since a spread held by two teams at once cannot narrow
    /// in one move, but can in two that each free one team from the edge.
    fn edges(&self, weights: &[i64]) -> i64 {
        if self.inst.s.weights.balance == 0 {
            return 0;
        }
        let hi = weights.iter().max().copied().unwrap_or(0);
        let lo = weights.iter().min().copied().unwrap_or(0);
        weights.iter().filter(|w| **w == hi || **w == lo).count() as i64
    }
}

impl Polisher<'_, '_> {
    /// Candidates no team seats.
    fn idle(&self, teams: &[Team]) -> Vec<PersonIx> {
        let seated: BTreeSet<PersonIx> = teams.iter().flat_map(|t| t.members.clone()).collect();
        self.inst
            .people
            .iter()
            .copied()
            .filter(|p| !seated.contains(p))
            .collect()
    }

    /// The objective as the polisher counts it (see [`polish`]).
    fn total(&self, teams: &[Team]) -> i64 {
        let ws: Vec<i64> = teams.iter().map(|t| self.weight(t)).collect();
        teams.iter().map(|t| self.team_cost(t)).sum::<i64>() + self.balance(&ws)
    }

    /// Shake `teams` by a few random moves that keep every rule, whatever
    /// they cost: a member replaced by someone idle, two members or two
    /// free townships swapped between teams.
    fn kick(&self, mut teams: Vec<Team>, rng: &mut ChaCha8Rng) -> Vec<Team> {
        let mut done = 0;
        for _ in 0..KICK_TRIES {
            if done >= KICK_MOVES {
                break;
            }
            let g = rng.random_range(0..teams.len());
            let h = rng.random_range(0..teams.len());
            let mut a = teams[g].clone();
            let i = rng.random_range(0..a.members.len());
            let mv: Move = match rng.random_range(0..3) {
                0 => {
                    let idle = self.idle(&teams);
                    if idle.is_empty() {
                        continue;
                    }
                    a.members[i] = idle[rng.random_range(0..idle.len())];
                    vec![(g, a)]
                }
                1 if g != h => {
                    let mut b = teams[h].clone();
                    let j = rng.random_range(0..b.members.len());
                    std::mem::swap(&mut a.members[i], &mut b.members[j]);
                    vec![(g, a), (h, b)]
                }
                2 if g != h => {
                    let mut b = teams[h].clone();
                    let x = rng.random_range(0..a.units.len());
                    let y = rng.random_range(0..b.units.len());
                    if !self.free.contains(&a.units[x]) || !self.free.contains(&b.units[y]) {
                        continue;
                    }
                    std::mem::swap(&mut a.units[x], &mut b.units[y]);
                    vec![(g, a), (h, b)]
                }
                _ => continue,
            };
            if mv.iter().all(|(_, t)| self.team_ok(t)) {
                for (g, t) in mv {
                    teams[g] = t;
                }
                done += 1;
            }
        }
        teams
    }

    /// Offer `moves` the teams `a` (at `g`) and `b` (at `h`) mended by
    /// one member swap between them, or by one member replaced by someone
    /// idle.
    fn mend(
        &self,
        g: usize,
        a: &Team,
        h: usize,
        b: &Team,
        idle: &[PersonIx],
        moves: &mut dyn FnMut(Move),
    ) {
        for i in 0..a.members.len() {
            for j in 0..b.members.len() {
                let (mut a2, mut b2) = (a.clone(), b.clone());
                std::mem::swap(&mut a2.members[i], &mut b2.members[j]);
                moves(vec![(g, a2), (h, b2)]);
            }
        }
        for (k, team) in [(g, a), (h, b)] {
            let other = if k == g { (h, b) } else { (g, a) };
            for i in 0..team.members.len() {
                for &q in idle {
                    let mut t2 = team.clone();
                    t2.members[i] = q;
                    moves(vec![(k, t2), (other.0, other.1.clone())]);
                }
            }
        }
    }

    /// Take the best improving move until none is left.
    fn descend(&self, mut teams: Vec<Team>) -> Vec<Team> {
        let mut cost: Vec<i64> = teams.iter().map(|t| self.team_cost(t)).collect();
        let mut weights: Vec<i64> = teams.iter().map(|t| self.weight(t)).collect();
        for _ in 0..MAX_PASSES {
            let idle = self.idle(&teams);
            let before = self.balance(&weights);
            let work = |p: PersonIx| {
                self.inst.s.weights.workload as i64
                    * self.inst.served.get(&p).copied().unwrap_or(0) as i64
            };
            // What each seated member adds to their team beyond workload.
            let share: Vec<Vec<i64>> = teams
                .iter()
                .map(|t| {
                    (0..t.members.len())
                        .map(|i| {
                            let mut without = t.clone();
                            without.members.remove(i);
                            self.team_cost(t) - self.team_cost(&without) - work(t.members[i])
                        })
                        .collect()
                })
                .collect();
            let edges = self.edges(&weights);
            let mut best: Option<((i64, i64), Move)> = None;
            // The change of cost of a move (then of the teams at the
            // edges), and keep it if it is the best yet.
            let consider = |mv: Move, best: &mut Option<((i64, i64), Move)>| {
                if !mv.iter().all(|(_, t)| self.team_ok(t)) {
                    return;
                }
                let mut ws = weights.clone();
                let mut d = 0;
                for (g, t) in &mv {
                    d += self.team_cost(t) - cost[*g];
                    ws[*g] = self.weight(t);
                }
                d += self.balance(&ws) - before;
                let key = (d, self.edges(&ws) - edges);
                if key < (0, 0) && best.as_ref().is_none_or(|(bk, _)| key < *bk) {
                    *best = Some((key, mv));
                }
            };
            for (g, t) in teams.iter().enumerate() {
                for (i, &p) in t.members.iter().enumerate() {
                    // Replace p by someone idle.
                    for &q in &idle {
                        let mut n = t.clone();
                        n.members[i] = q;
                        consider(vec![(g, n)], &mut best);
                    }
                    // Remove p.
                    let mut n = t.clone();
                    n.members.remove(i);
                    consider(vec![(g, n)], &mut best);
                    // Swap p with a member of a later team.
                    for (h, u) in teams.iter().enumerate().skip(g + 1) {
                        for (j, &q) in u.members.iter().enumerate() {
                            let (mut a, mut b) = (t.clone(), u.clone());
                            a.members[i] = q;
                            b.members[j] = p;
                            consider(vec![(g, a), (h, b)], &mut best);
                        }
                    }
                }
                // A chain: someone idle (q) takes r's seat in this team, and
                // r takes p's seat in another (p leaves the round). Its
                // change is at least q's workload less p's, less what r and
                // p cost in their teams now: chains that cannot gain are
                // not built.
                for (i, &r) in t.members.iter().enumerate() {
                    for (h, u) in teams.iter().enumerate() {
                        if h == g {
                            continue;
                        }
                        for (j, &p) in u.members.iter().enumerate() {
                            let room = work(p) + share[g][i] + share[h][j];
                            for &q in &idle {
                                if work(q) >= room {
                                    continue;
                                }
                                let mut n = t.clone();
                                n.members[i] = q;
                                let mut m = u.clone();
                                m.members[j] = r;
                                consider(vec![(g, n), (h, m)], &mut best);
                            }
                        }
                    }
                }
                // Add someone idle (it may seat a reserve cadre).
                if self.inst.s.weights.reserve > 0 {
                    for &q in &idle {
                        let mut n = t.clone();
                        n.members.push(q);
                        consider(vec![(g, n)], &mut best);
                    }
                }
                // Townships: swap with, or move to, a later team. When the
                // new split balances better but breaks a rule (a recusal,
                // a skill, a leader), the teams are mended by swapping two
                // of their members or replacing one by someone idle.
                for (i, &x) in t.units.iter().enumerate() {
                    if !self.free.contains(&x) {
                        continue;
                    }
                    for (h, u) in teams.iter().enumerate() {
                        if h == g {
                            continue;
                        }
                        let mut splits: Vec<(Team, Team)> = Vec::new();
                        let (mut a, mut b) = (t.clone(), u.clone());
                        a.units.remove(i);
                        b.units.push(x);
                        splits.push((a, b));
                        if h > g {
                            for (j, &y) in u.units.iter().enumerate() {
                                if self.free.contains(&y) {
                                    let (mut a, mut b) = (t.clone(), u.clone());
                                    a.units[i] = y;
                                    b.units[j] = x;
                                    splits.push((a, b));
                                }
                            }
                        }
                        for (a, b) in splits {
                            let mut ws = weights.clone();
                            ws[g] = self.weight(&a);
                            ws[h] = self.weight(&b);
                            let balances = (self.balance(&ws), self.edges(&ws)) < (before, edges);
                            if balances && !(self.team_ok(&a) && self.team_ok(&b)) {
                                self.mend(g, &a, h, &b, &idle, &mut |mv| consider(mv, &mut best));
                            }
                            consider(vec![(g, a), (h, b)], &mut best);
                        }
                    }
                }
            }
            let Some((_, mv)) = best else { break };
            for (g, t) in mv {
                cost[g] = self.team_cost(&t);
                weights[g] = self.weight(&t);
                teams[g] = t;
            }
        }
        teams
    }
}

/// One move: the teams it changes, as they would be.
type Move = Vec<(usize, Team)>;

/// The roster `start` after the descent and a few kicks (the same roster
/// when nothing helps). `start` must keep every rule; so does the result.
/// The search stops early at `floor`, a proven lower bound on the
/// objective.
pub fn polish(inst: &Instance, start: &[Group], floor: u64) -> Vec<Group> {
    if inst.people.len() * inst.groups() > MAX_SIZE {
        return start.to_vec();
    }
    let w = inst.s.weights;
    let due: BTreeSet<PersonIx> = if w.reserve > 0 {
        crate::pool::reserve_due(inst.s, inst.round.dates())
            .into_iter()
            .collect()
    } else {
        BTreeSet::new()
    };
    // The polisher counts seated reserve cadres as a saving; the objective
    // counts the unseated ones as a cost.
    let target = floor as i64 - w.reserve as i64 * due.len() as i64;
    let pol = Polisher {
        inst,
        due,
        free: inst.free.iter().copied().collect(),
    };
    let teams: Vec<Team> = start
        .iter()
        .map(|g| Team {
            members: g.members.clone(),
            units: g.units.clone(),
        })
        .collect();
    if !teams.iter().all(|t| pol.team_ok(t)) {
        return start.to_vec();
    }
    let mut best = pol.descend(teams);
    let mut best_cost = pol.total(&best);
    let mut rng = ChaCha8Rng::seed_from_u64(KICK_SEED);
    for _ in 0..MAX_KICKS {
        if best_cost <= target {
            break;
        }
        let kicked = pol.kick(best.clone(), &mut rng);
        let found = pol.descend(kicked);
        let c = pol.total(&found);
        if c < best_cost {
            best = found;
            best_cost = c;
        }
    }
    best.into_iter()
        .zip(start)
        .map(|(t, old)| {
            let leader = if t.members.contains(&old.leader) && pol.may_lead(old.leader, &t.units) {
                old.leader
            } else {
                *t.members
                    .iter()
                    .filter(|p| pol.may_lead(**p, &t.units))
                    .min()
                    .expect("team_ok holds a leader")
            };
            Group {
                leader,
                members: t.members,
                units: t.units,
                villages: Vec::new(),
            }
        })
        .collect()
}
