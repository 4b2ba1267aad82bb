//! The term as one search (issue 14.3, 三个不固定): after the rounds are
//! planned one by one, a tabu search over the whole term swaps people
//! between the groups of a round to cut repeated partners and repeated
//! units across the term.
//!
//! What a swap keeps: who serves in each round (so workload and every
//! `served_*` figure), each group's units and villages (so balance and
//! coverage), and every hard rule: a swapped-in leader may lead
//! (`leader: true`, no L1–L2 conflict), nobody meets a unit they must
//! recuse from (R1–R5), each group keeps its skills and its limit of
//! retired members, kin and `apart` pairs stay apart. The search is
//! conflict-directed (Dotú and Van Hentenryck's social-golfer tabu search):
//! each step moves someone caught in a repeat, to the best swap not made
//! recently, restarting from the best term after a long stall.
//!
//! The search works on a growing prefix of the term, so repeats are pushed
//! towards its end: the term runs as long as it can before the first
//! repeated pair. A term with the shape of a combinatorial design starts
//! from it too (`simulate/design.rs`). Last, the leaders rotate inside their
//! groups (`rotate_leaders`). The result is kept only when the independent
//! validator accepts every round against the history it follows and no
//! summary figure is worse than the round-by-round term (`simulate/mod.rs`
//! re-checks). The search counts moves, not seconds, so the same input
//! gives the same term on any machine.

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::ids::{PersonIx, SkillIx, UnitIx};
use crate::recusal::{Recusal, Scope};
use crate::scenario::{Group, Scenario};

/// The first `k` rounds, as bits.
fn prefix(k: usize) -> u64 {
    if k >= 64 {
        u64::MAX
    } else {
        (1u64 << k) - 1
    }
}

/// Meetings in `mask` (a bit per round) that repeat: every one after the
/// first, or every one when the two met before the term.
fn repeats(mask: u64, before: bool) -> u128 {
    let m = if before {
        mask
    } else {
        mask & mask.wrapping_sub(1) // the first meeting is free
    };
    u128::from(m.count_ones())
}

/// One improvable round: its groups (leader first) and what a swap must keep.
#[derive(Debug, Clone)]
pub(crate) struct TermRound {
    /// Dense member indices; `groups[g][0]` leads.
    pub groups: Vec<Vec<usize>>,
    pub units: Vec<Vec<UnitIx>>,
    pub recusal: Recusal,
    pub required: Vec<SkillIx>,
    pub max_retired: Option<u32>,
}

/// The whole term to improve.
pub(crate) struct Term<'a> {
    pub s: &'a Scenario,
    /// Dense index → person.
    pub people: Vec<PersonIx>,
    pub rounds: Vec<TermRound>,
    /// Pairs (dense) that met in the history before the term's first
    /// simulated round.
    pub met_before: Vec<bool>,
    /// (dense person, unit) held before.
    pub held_before: Vec<bool>,
    /// Pairs that may not share a group (kin, `apart`).
    pub apart: Vec<bool>,
}

impl Term<'_> {
    /// Whether `a` may sit in group `g` of round `r` (as its leader when
    /// `leads`): no unit of the group they must recuse from.
    pub(crate) fn seat_ok(&self, r: usize, g: usize, a: usize, leads: bool) -> bool {
        let round = &self.rounds[r];
        let p = self.people[a];
        let units = &round.units[g];
        units.iter().all(|&u| round.recusal.member_ok(p, u))
            && (!leads
                || (self.s.person(p).leader
                    && units.iter().all(|&u| round.recusal.leader_ok(p, u))))
    }

    /// The rules of the whole group when `a` sits with `others`: no kin or
    /// `apart` pair with them, the limit of retired members, the skills the
    /// round and the group's units require.
    fn joins_ok(
        &self,
        r: usize,
        g: usize,
        a: usize,
        others: impl Iterator<Item = usize> + Clone,
    ) -> bool {
        let round = &self.rounds[r];
        let n = self.people.len();
        let person = self.s.person(self.people[a]);
        let mut retired = u32::from(person.retired);
        for x in others.clone() {
            if self.apart[a * n + x] {
                return false;
            }
            retired += u32::from(self.s.person(self.people[x]).retired);
        }
        if round.max_retired.is_some_and(|max| retired > max) {
            return false;
        }
        let holds = |k: SkillIx| {
            person.skills.contains(&k)
                || others
                    .clone()
                    .any(|x| self.s.person(self.people[x]).skills.contains(&k))
        };
        round.required.iter().all(|&k| holds(k))
            && round.units[g]
                .iter()
                .all(|&u| self.s.unit(u).requires.iter().all(|&k| holds(k)))
    }

    /// Whether `members` (leader first) keep every hard rule as group `g`
    /// of round `r`.
    pub(crate) fn group_ok(&self, r: usize, g: usize, members: &[usize]) -> bool {
        let n = self.people.len();
        let Some((&leader, rest)) = members.split_first() else {
            return false;
        };
        members
            .iter()
            .enumerate()
            .all(|(i, &a)| self.seat_ok(r, g, a, i == 0))
            && members
                .iter()
                .enumerate()
                .all(|(i, &a)| members[i + 1..].iter().all(|&b| !self.apart[a * n + b]))
            && self.joins_ok(r, g, leader, rest.iter().copied())
    }
}

/// How long to search, and with which seed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Search {
    /// Moves (swaps) at most.
    pub moves: u64,
    pub seed: u64,
}

impl Default for Search {
    fn default() -> Self {
        Search {
            moves: 40_000,
            seed: 1,
        }
    }
}

struct State<'t, 'a> {
    t: &'t Term<'a>,
    n: usize,
    units_n: usize,
    /// Per pair: bit r set when they share a group in round r.
    pair: Vec<u64>,
    /// Per (person, unit): bit r set when they hold it in round r.
    unit: Vec<u64>,
    /// Where each person sits in each round: (group, seat) or none.
    seat: Vec<Vec<Option<(usize, usize)>>>,
    groups: Vec<Vec<Vec<usize>>>,
    /// The rounds counted and moved: the term's first `k` (bits).
    active: u64,
    /// Rounds counted but not moved (bits): a clean start being kept.
    frozen: u64,
    w_pair: u128,
    w_unit: u128,
    cost: u128,
}

impl<'t, 'a> State<'t, 'a> {
    /// The term as planned, every round active.
    fn new(t: &'t Term<'a>) -> Self {
        let groups: Vec<Vec<Vec<usize>>> = t.rounds.iter().map(|r| r.groups.clone()).collect();
        Self::seated(t, &groups, prefix(t.rounds.len()))
    }

    /// The term with everyone seated as `groups` says, counting the rounds
    /// of `active`.
    fn seated(t: &'t Term<'a>, groups: &[Vec<Vec<usize>>], active: u64) -> Self {
        let n = t.people.len();
        let units_n = t.s.units.len();
        let w = t.s.weights;
        let mut st = State {
            t,
            n,
            units_n,
            pair: vec![0; n * n],
            unit: vec![0; n * units_n],
            seat: vec![vec![None; t.rounds.len()]; n],
            groups: groups.to_vec(),
            active,
            frozen: 0,
            w_pair: w.repeat_pair as u128,
            w_unit: w.repeat_unit as u128,
            cost: 0,
        };
        for (r, round) in groups.iter().enumerate() {
            for (g, members) in round.iter().enumerate() {
                for (k, &a) in members.iter().enumerate() {
                    st.seat[a][r] = Some((g, k));
                    for &u in &t.rounds[r].units[g] {
                        st.unit[a * units_n + u.ix()] |= 1 << r;
                    }
                    for &b in &members[k + 1..] {
                        st.pair[a * n + b] |= 1 << r;
                        st.pair[b * n + a] |= 1 << r;
                    }
                }
            }
        }
        st.cost = st.total();
        st
    }

    /// The repeats of one pair or (person, unit) in the active rounds.
    fn events(&self, mask: u64, before: bool) -> u128 {
        repeats(mask & self.active, before)
    }

    /// Count and move only the first `k` rounds.
    fn set_active(&mut self, k: usize) {
        self.active = prefix(k);
        self.cost = self.total();
    }

    /// Rounds from the first before the first with a repeated pair.
    fn clean_prefix(&self) -> usize {
        let mut first = self.groups.len();
        for a in 0..self.n {
            for b in a + 1..self.n {
                let mut m = self.pair[a * self.n + b];
                if m == 0 {
                    continue;
                }
                if !self.t.met_before[a * self.n + b] {
                    m &= m - 1;
                }
                if m != 0 {
                    first = first.min(m.trailing_zeros() as usize);
                }
            }
        }
        first
    }

    fn pair_cost(&self, a: usize, b: usize, mask: u64) -> u128 {
        self.w_pair * self.events(mask, self.t.met_before[a * self.n + b])
    }

    fn unit_cost(&self, a: usize, u: usize, mask: u64) -> u128 {
        self.w_unit * self.events(mask, self.t.held_before[a * self.units_n + u])
    }

    /// The repeats over the whole term, whatever is active.
    fn total_all(&self) -> u128 {
        self.total_in(u64::MAX)
    }

    fn total(&self) -> u128 {
        self.total_in(self.active)
    }

    /// The repeats in the rounds of `active`.
    fn total_in(&self, active: u64) -> u128 {
        let count = |mask: u64, before: bool| repeats(mask & active, before);
        let mut c = 0;
        for a in 0..self.n {
            for b in a + 1..self.n {
                c += self.w_pair
                    * count(self.pair[a * self.n + b], self.t.met_before[a * self.n + b]);
            }
            for u in 0..self.units_n {
                c += self.w_unit
                    * count(
                        self.unit[a * self.units_n + u],
                        self.t.held_before[a * self.units_n + u],
                    );
            }
        }
        c
    }

    /// Whether `a` may take the seat `k` of group `g` in round `r` once
    /// `out` has left it (both already serve in the round).
    fn fits(&self, r: usize, g: usize, k: usize, a: usize, out: usize) -> bool {
        let others = self.groups[r][g].iter().copied().filter(|&x| x != out);
        self.t.seat_ok(r, g, a, k == 0) && self.t.joins_ok(r, g, a, others)
    }

    /// The change of cost if `a` (group ga) and `b` (group gb) swap in round r.
    fn delta(&self, r: usize, a: usize, ga: usize, b: usize, gb: usize) -> i128 {
        let bit = 1u64 << r;
        let n = self.n;
        let mut d: i128 = 0;
        // A pair's repeats are its meetings (in the active rounds, and
        // before the term) less one: someone leaving x's group in round r
        // removes a repeat, and someone joining adds one, exactly when the
        // pair meets elsewhere too.
        let elsewhere = |x: usize, y: usize| {
            self.pair[x * n + y] & self.active & !bit != 0 || self.t.met_before[x * n + y]
        };
        if self.active & bit != 0 {
            let mut pairs: i128 = 0;
            for &x in &self.groups[r][ga] {
                if x != a {
                    pairs += i128::from(elsewhere(b, x)) - i128::from(elsewhere(a, x));
                }
            }
            for &x in &self.groups[r][gb] {
                if x != b {
                    pairs += i128::from(elsewhere(a, x)) - i128::from(elsewhere(b, x));
                }
            }
            d += self.w_pair as i128 * pairs;
        }
        if self.w_unit > 0 && self.active & bit != 0 {
            // The same for a person holding a unit.
            let elsewhere = |p: usize, u: UnitIx| {
                let i = p * self.units_n + u.ix();
                self.unit[i] & self.active & !bit != 0 || self.t.held_before[i]
            };
            let round = &self.t.rounds[r];
            let mut units: i128 = 0;
            for &u in &round.units[ga] {
                units += i128::from(elsewhere(b, u)) - i128::from(elsewhere(a, u));
            }
            for &u in &round.units[gb] {
                units += i128::from(elsewhere(a, u)) - i128::from(elsewhere(b, u));
            }
            d += self.w_unit as i128 * units;
        }
        d
    }

    fn swap(&mut self, r: usize, a: usize, b: usize) {
        let (ga, ka) = self.seat[a][r].expect("a serves");
        let (gb, kb) = self.seat[b][r].expect("b serves");
        let d = self.delta(r, a, ga, b, gb);
        let bit = 1u64 << r;
        let n = self.n;
        for x in self.groups[r][ga].clone() {
            if x != a {
                self.pair[a * n + x] &= !bit;
                self.pair[x * n + a] &= !bit;
                self.pair[b * n + x] |= bit;
                self.pair[x * n + b] |= bit;
            }
        }
        for x in self.groups[r][gb].clone() {
            if x != b {
                self.pair[b * n + x] &= !bit;
                self.pair[x * n + b] &= !bit;
                self.pair[a * n + x] |= bit;
                self.pair[x * n + a] |= bit;
            }
        }
        let (ua, ub) = (
            self.t.rounds[r].units[ga].clone(),
            self.t.rounds[r].units[gb].clone(),
        );
        for u in &ua {
            self.unit[a * self.units_n + u.ix()] &= !bit;
            self.unit[b * self.units_n + u.ix()] |= bit;
        }
        for u in &ub {
            self.unit[b * self.units_n + u.ix()] &= !bit;
            self.unit[a * self.units_n + u.ix()] |= bit;
        }
        self.groups[r][ga][ka] = b;
        self.groups[r][gb][kb] = a;
        self.seat[a][r] = Some((gb, kb));
        self.seat[b][r] = Some((ga, ka));
        self.cost = (self.cost as i128 + d) as u128;
    }

    /// People caught in a repeat in some round: (round, person).
    fn conflicted(&self) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        for (r, groups) in self.groups.iter().enumerate() {
            let bit = 1u64 << r;
            if self.active & bit == 0 || self.frozen & bit != 0 {
                continue;
            }
            for members in groups {
                for &a in members {
                    let pair_hit = members.iter().any(|&b| {
                        b != a && {
                            let m = self.pair[a * self.n + b];
                            self.pair_cost(a, b, m) > self.pair_cost(a, b, m & !bit)
                        }
                    });
                    let unit_hit = self.w_unit > 0
                        && self.seat[a][r].is_some_and(|(g, _)| {
                            self.t.rounds[r].units[g].iter().any(|u| {
                                let m = self.unit[a * self.units_n + u.ix()];
                                self.unit_cost(a, u.ix(), m) > self.unit_cost(a, u.ix(), m & !bit)
                            })
                        });
                    if pair_hit || unit_hit {
                        out.push((r, a));
                    }
                }
            }
        }
        out
    }

    /// The best swap of someone in conflict (ties at random), not tabu
    /// unless it beats `best`.
    fn best_swap(
        &self,
        tabu: &Tabu,
        it: u64,
        best: u128,
        rng: &mut ChaCha8Rng,
    ) -> Option<(usize, usize, usize)> {
        let mut chosen: Option<(i128, usize, usize, usize)> = None;
        let mut ties = 0u32;
        for &(r, a) in &self.conflicted() {
            let (ga, _) = self.seat[a][r].expect("serves");
            for (gb, members) in self.groups[r].iter().enumerate() {
                if gb == ga {
                    continue;
                }
                for &b in members {
                    let d = self.delta(r, a, ga, b, gb);
                    let is_tabu = tabu.until(r, a, b) > it;
                    let aspires = (self.cost as i128 + d) < best as i128;
                    if is_tabu && !aspires {
                        continue;
                    }
                    let better = match chosen {
                        None => true,
                        Some((bd, ..)) if d < bd => true,
                        Some((bd, ..)) if d == bd => {
                            ties += 1;
                            rng.random_range(0..=ties) == 0
                        }
                        _ => false,
                    };
                    if better && self.swap_ok(r, a, b) {
                        if chosen.is_some_and(|(bd, ..)| d < bd) {
                            ties = 0;
                        }
                        chosen = Some((d, r, a, b));
                    }
                }
            }
        }
        chosen.map(|(_, r, a, b)| (r, a, b))
    }

    /// Two random rule-keeping swaps per round of `rounds`, to leave a
    /// local optimum the search keeps returning to.
    fn shake(&mut self, rounds: std::ops::Range<usize>, rng: &mut ChaCha8Rng) {
        for _ in 0..rounds.len() * 2 {
            let r = rng.random_range(rounds.clone());
            let flat: Vec<usize> = self.groups[r].iter().flatten().copied().collect();
            let a = flat[rng.random_range(0..flat.len())];
            let b = flat[rng.random_range(0..flat.len())];
            if a != b && self.swap_ok(r, a, b) {
                self.swap(r, a, b);
            }
        }
    }

    fn swap_ok(&self, r: usize, a: usize, b: usize) -> bool {
        let (ga, ka) = self.seat[a][r].expect("a serves");
        let (gb, kb) = self.seat[b][r].expect("b serves");
        ga != gb && self.fits(r, gb, kb, a, b) && self.fits(r, ga, ka, b, a)
    }
}

/// Until when a swap of two people in a round is tabu (move counts):
/// sparse, since a term of a large pool has millions of possible swaps and
/// the search makes thousands.
struct Tabu {
    n: u64,
    /// Fx-hashed: SipHash cost more than the rest of a move.
    until: rustc_hash::FxHashMap<u64, u64>,
}

impl Tabu {
    fn new(n: usize) -> Self {
        Tabu {
            n: n as u64,
            until: Default::default(),
        }
    }
    fn key(&self, r: usize, a: usize, b: usize) -> u64 {
        (r as u64 * self.n + a.min(b) as u64) * self.n + a.max(b) as u64
    }
    fn until(&self, r: usize, a: usize, b: usize) -> u64 {
        self.until.get(&self.key(r, a, b)).copied().unwrap_or(0)
    }
    /// After move `it` swapped `a` and `b` in round `r`: that swap is tabu
    /// for a random 8 to 23 moves.
    fn forbid(&mut self, r: usize, a: usize, b: usize, it: u64, rng: &mut ChaCha8Rng) {
        let k = self.key(r, a, b);
        self.until.insert(k, it + rng.random_range(8..24u64));
    }
    fn clear(&mut self) {
        self.until.clear();
    }
}

/// Moves without a better stage before the stage restarts from its best.
const STALL: u64 = 2_000;
/// Restarts of a stage before the search goes on to a longer prefix.
const RESTARTS: u32 = 6;

/// Improve the term's groups; returns the new groups per round (dense
/// indices mapped back to people), or `None` when no swap helped.
///
/// The search runs in stages over a growing prefix of the term, as the
/// social-golfer searches do: with the first `k` rounds it cuts their
/// repeats (each counts 1, times its weight), moving only those rounds;
/// when they are clean, or the stage stalls, it goes on with `k + 1`. The
/// last stage is the whole term. Of every stage's best the term kept is
/// the one running longest before its first repeated pair, then with the
/// fewest repeats over the whole term.
///
/// Then the leaders rotate ([`rotate_leaders`]). `None` when the term
/// comes out as planned.
pub(crate) fn search(t: &Term, opts: Search) -> Option<Vec<Vec<Vec<PersonIx>>>> {
    let m = t.rounds.len();
    if m == 0 || m > 63 {
        return None;
    }
    let best = rotate_leaders(t, &fewest_repeats(t, opts));
    let planned = t.rounds.iter().map(|r| &r.groups);
    best.iter().ne(planned).then(|| {
        best.iter()
            .map(|groups| {
                groups
                    .iter()
                    .map(|g| g.iter().map(|&x| t.people[x]).collect())
                    .collect()
            })
            .collect()
    })
}

/// The staged search of [`search`]: the best term found, or the plan's.
fn fewest_repeats(t: &Term, opts: Search) -> Vec<Vec<Vec<usize>>> {
    let m = t.rounds.len();
    let mut st = State::new(t);
    if st.cost == 0 || (st.w_pair == 0 && st.w_unit == 0) {
        return st.groups;
    }
    // Of the terms with no more repeats than the plan's, the longest clean
    // start first (三个不固定: partners new for as many rounds as
    // possible), then the fewest repeats over the term.
    let most = st.total_all();
    let key = |st: &State| {
        let total = st.total_all();
        (total > most, std::cmp::Reverse(st.clean_prefix()), total)
    };
    let mut best_key = key(&st);
    let mut best = st.groups.clone();
    let mut rng = ChaCha8Rng::seed_from_u64(opts.seed);
    // A swap of two people in a round is not undone for a while.
    let mut tabu = Tabu::new(t.people.len());
    let mut k = (st.clean_prefix() + 1).min(m);
    st.set_active(k);
    let mut stage_best = st.cost;
    let mut stage_groups = st.groups.clone();
    let mut stall = 0u64;
    let mut restarts = 0u32;
    let mut it = 0u64;
    // The longest clean start found: its rounds, and the term. The
    // finite-field design, when the term has its shape, is one.
    let mut clean: Option<(usize, Vec<Vec<Vec<usize>>>)> = super::design::seed(t)
        .map(|seeded| (State::seated(t, &seeded, u64::MAX).clean_prefix(), seeded));
    while it < opts.moves {
        if st.cost == 0 || stall >= STALL {
            if stage_best == 0 && clean.as_ref().is_none_or(|(c, _)| *c < k) {
                clean = Some((k, stage_groups.clone()));
            }
            // The stage's best is a candidate term.
            let done = State::seated(t, &stage_groups, u64::MAX);
            let kd = key(&done);
            if kd < best_key {
                best_key = kd;
                best = stage_groups.clone();
            }
            if k == m && stage_best == 0 {
                break;
            }
            if stage_best == 0 || restarts >= RESTARTS {
                // On to a longer prefix (or, on the whole term, go on).
                k = (k + 1).min(m);
                restarts = 0;
                st = State::seated(t, &stage_groups, prefix(k));
                stage_best = st.cost;
                stage_groups = st.groups.clone();
            } else {
                // Restart the stage from its best, shaken by a few swaps.
                restarts += 1;
                st = State::seated(t, &stage_groups, prefix(k));
                st.shake(0..k, &mut rng);
                if st.cost <= stage_best {
                    stage_best = st.cost;
                    stage_groups = st.groups.clone();
                }
            }
            stall = 0;
            tabu.clear();
            continue;
        }
        it += 1;
        let Some((r, a, b)) = st.best_swap(&tabu, it, stage_best, &mut rng) else {
            stall = STALL;
            continue;
        };
        st.swap(r, a, b);
        tabu.forbid(r, a, b, it, &mut rng);
        if st.cost < stage_best {
            stage_best = st.cost;
            stage_groups = st.groups.clone();
            stall = 0;
        } else {
            stall += 1;
        }
    }
    let done = State::seated(t, &stage_groups, u64::MAX);
    let kd = key(&done);
    if kd < best_key {
        best_key = kd;
        best = stage_groups;
    }
    // Keep the longest clean start and cut the repeats of the rounds after
    // it, moving only those.
    if let Some((k, groups)) = clean.filter(|(k, _)| *k < m) {
        let tail = tail(t, &groups, k, m, opts.moves / TAIL_SHARE, &mut rng);
        let kd = key(&State::seated(t, &tail, u64::MAX));
        if kd < best_key {
            best = tail;
        }
    }
    best
}

/// The term with each group led by whichever of its members may lead it
/// and has led least so far (三个不固定: the leader rotates too), round by
/// round; ties keep the leader the term had. Nothing else changes: the
/// same people sit in the same groups.
pub(crate) fn rotate_leaders(t: &Term, groups: &[Vec<Vec<usize>>]) -> Vec<Vec<Vec<usize>>> {
    let mut led = vec![0u32; t.people.len()];
    let mut out = groups.to_vec();
    for (r, round) in out.iter_mut().enumerate() {
        for (g, members) in round.iter_mut().enumerate() {
            let seat = (0..members.len())
                .filter(|&i| t.seat_ok(r, g, members[i], true))
                .min_by_key(|&i| (led[members[i]], i));
            if let Some(i) = seat {
                members.swap(0, i);
            }
            if let Some(&leader) = members.first() {
                led[leader] += 1;
            }
        }
    }
    out
}

/// The tail phase's moves: this share of the search's.
const TAIL_SHARE: u64 = 2;

/// The term of `groups` with its first `k` rounds kept as they are and the
/// repeats of the first `upto` rounds cut by moving only the rounds after
/// the `k` (a tabu search as [`search`]'s, restarted from its best, shaken,
/// when it stalls).
fn tail(
    t: &Term,
    groups: &[Vec<Vec<usize>>],
    k: usize,
    upto: usize,
    moves: u64,
    rng: &mut ChaCha8Rng,
) -> Vec<Vec<Vec<usize>>> {
    let mut st = State::seated(t, groups, prefix(upto));
    st.frozen = prefix(k);
    let mut best = st.cost;
    let mut best_groups = st.groups.clone();
    let mut tabu = Tabu::new(t.people.len());
    let mut stall = 0u64;
    for it in 1..=moves {
        if best == 0 {
            break;
        }
        let chosen = (stall < STALL)
            .then(|| st.best_swap(&tabu, it, best, rng))
            .flatten();
        let Some((r, a, b)) = chosen else {
            // Stalled: from the best again, shaken, with fresh tabu.
            st = State::seated(t, &best_groups, prefix(upto));
            st.frozen = prefix(k);
            st.shake(k..upto, rng);
            tabu.clear();
            stall = 0;
            continue;
        };
        st.swap(r, a, b);
        tabu.forbid(r, a, b, it, rng);
        if st.cost < best {
            best = st.cost;
            best_groups = st.groups.clone();
            stall = 0;
        } else {
            stall += 1;
        }
    }
    best_groups
}

/// The term of `rounds` (each: the round's scenario as the simulation saw
/// it, the round and its roster) for the search. History before the first
/// round is what `first` holds.
pub(crate) fn term<'a>(
    first: &'a Scenario,
    rounds: &[(&crate::scenario::Round, &[Group])],
) -> Term<'a> {
    let s = first;
    let people: Vec<PersonIx> = s.pool().collect();
    let mut dense = vec![usize::MAX; s.people.len()];
    for (i, p) in people.iter().enumerate() {
        dense[p.ix()] = i;
    }
    let n = people.len();
    let units_n = s.units.len();
    let mut met_before = vec![false; n * n];
    let mut held_before = vec![false; n * units_n];
    for h in &s.history {
        for g in &h.groups {
            let ms: Vec<usize> = g
                .members
                .iter()
                .map(|p| dense[p.ix()])
                .filter(|&x| x != usize::MAX)
                .collect();
            for (i, &a) in ms.iter().enumerate() {
                for &u in &g.units {
                    held_before[a * units_n + u.ix()] = true;
                }
                for &b in &ms[i + 1..] {
                    met_before[a * n + b] = true;
                    met_before[b * n + a] = true;
                }
            }
        }
    }
    let mut apart = vec![false; n * n];
    let kin: Vec<&str> = s.recusal.kin.iter().map(String::as_str).collect();
    let mut forbid = |a: PersonIx, b: PersonIx| {
        let (x, y) = (dense[a.ix()], dense[b.ix()]);
        if x != usize::MAX && y != usize::MAX {
            apart[x * n + y] = true;
            apart[y * n + x] = true;
        }
    };
    for r in &s.relations {
        if kin.contains(&r.kind.as_str()) {
            forbid(r.a, r.b);
        }
    }
    for &(a, b) in &s.recusal.apart {
        forbid(a, b);
    }
    let rounds = rounds
        .iter()
        .map(|(round, groups)| TermRound {
            groups: groups
                .iter()
                .map(|g| {
                    let mut ms = vec![dense[g.leader.ix()]];
                    ms.extend(
                        g.members
                            .iter()
                            .filter(|p| **p != g.leader)
                            .map(|p| dense[p.ix()]),
                    );
                    ms
                })
                .collect(),
            units: groups.iter().map(|g| g.units.clone()).collect(),
            recusal: Recusal::compute(
                s,
                &Scope {
                    people: s.pool().collect(),
                    units: round.units.clone(),
                },
                round.start,
            ),
            required: round.rules.required_skills.clone(),
            max_retired: round.rules.max_retired_per_group,
        })
        .collect();
    Term {
        s,
        people,
        rounds,
        met_before,
        held_before,
        apart,
    }
}

/// Leaders first: rebuild a group from a searched member list.
pub(crate) fn group_from(old: &Group, members: &[PersonIx]) -> Group {
    Group {
        leader: members[0],
        members: members.to_vec(),
        units: old.units.clone(),
        villages: old.villages.clone(),
    }
}
