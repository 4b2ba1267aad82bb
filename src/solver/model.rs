//! The round as a MILP, in domain terms (FORMAT.md H1–H11 and the soft terms).
//!
//! Groups are numbered, which invites symmetry; it is broken by pinning
//! department `i` to group `i` (H2 puts departments in distinct groups
//! anyway) and letting the `t`-th township go only to groups `0..=D+t`.
//! Any roster can be relabelled to fit: groups with a department take its
//! number, the others are numbered by their first township. Variables that a
//! pinned department's conflict already forbids are never created.

use std::collections::{BTreeMap, BTreeSet};

use super::instance::Instance;
use super::milp::{Cmp, Family, Milp, Tag, Var};
use crate::ids::{PersonIx, UnitIx};
use crate::scenario::Group;

/// The model of one round and the map from its variables back to the domain.
#[derive(Debug, Clone)]
pub struct RoundModel {
    pub milp: Milp,
    /// x[p, g]: p serves in group g.
    pub x: BTreeMap<(PersonIx, usize), Var>,
    /// l[p, g]: p leads group g.
    pub l: BTreeMap<(PersonIx, usize), Var>,
    /// a[t, g]: township t goes to group g.
    pub a: BTreeMap<(UnitIx, usize), Var>,
    /// Units fixed to each group before solving (see [`Instance::fixed`]).
    pub fixed: Vec<Vec<UnitIx>>,
    /// Repair: (stay variable, person, first unit of their reference group).
    pub stays: Vec<(Var, PersonIx, UnitIx)>,
}

/// Row families left out of the model (for diagnosis).
pub type Omit = BTreeSet<Family>;

/// How a repair's changed seats enter the model.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Disruption {
    /// Not a repair.
    Ignore,
    /// Minimise changed seats (the soft terms are left out).
    Minimise,
    /// At most this many changed seats; minimise the soft terms.
    AtMost(u64),
}

/// Township placement variables `a[t, g]`, with the symmetry rule (the
/// `t`-th free township only in groups `0..=D+t`), and the H1 rows: each
/// free township in one group, 1..`max_units_per_group` units per group.
fn place_units(inst: &Instance, m: &mut Milp) -> BTreeMap<(UnitIx, usize), Var> {
    let groups = inst.groups();
    let d = inst.fixed_groups();
    let mut a = BTreeMap::new();
    for (t, &u) in inst.free.iter().enumerate() {
        for g in 0..=(d + t).min(groups - 1) {
            a.insert((u, g), m.binary(0.0));
        }
    }
    for &u in &inst.free {
        let terms = (0..groups)
            .filter_map(|g| a.get(&(u, g)).map(|v| (*v, 1.0)))
            .collect();
        m.row(terms, Cmp::Eq, 1.0, Tag::new(Family::Cover).unit(u));
    }
    let max = inst.round.rules.max_units_per_group as f64;
    for (g, fixed) in inst.fixed.iter().enumerate() {
        let fixed = fixed.len() as f64;
        let terms: Vec<(Var, f64)> = inst
            .free
            .iter()
            .filter_map(|u| a.get(&(*u, g)).map(|v| (*v, 1.0)))
            .collect();
        let tag = Tag::new(Family::UnitsPerGroup).group(g);
        m.row(terms.clone(), Cmp::Ge, 1.0 - fixed, tag);
        m.row(terms, Cmp::Le, max - fixed, tag);
    }
    a
}

/// Balance: `hi ≥` and `lo ≤` every group's unit weight, costing
/// `weight × (hi − lo)`, with `hi − lo ≥ floor`.
fn balance_rows(
    inst: &Instance,
    m: &mut Milp,
    a: &BTreeMap<(UnitIx, usize), Var>,
    weight: f64,
    floor: u64,
) -> (Var, Var) {
    let s = inst.s;
    let total: f64 = inst
        .round
        .units
        .iter()
        .map(|u| s.unit(*u).weight as f64)
        .sum();
    let hi = m.continuous(0.0, total, weight);
    let lo = m.continuous(0.0, total, -weight);
    let obj = Tag::new(Family::Objective);
    for (g, units) in inst.fixed.iter().enumerate() {
        let fixed: f64 = units.iter().map(|u| s.unit(*u).weight as f64).sum();
        let mut terms: Vec<(Var, f64)> = inst
            .free
            .iter()
            .filter_map(|u| a.get(&(*u, g)).map(|v| (*v, -(s.unit(*u).weight as f64))))
            .collect();
        let mut t_hi = terms.clone();
        t_hi.push((hi, 1.0));
        m.row(t_hi, Cmp::Ge, fixed, obj.group(g));
        terms.push((lo, 1.0));
        m.row(terms, Cmp::Le, fixed, obj.group(g));
    }
    if floor > 0 {
        m.row(vec![(hi, 1.0), (lo, -1.0)], Cmp::Ge, floor as f64, obj);
    }
    (hi, lo)
}

/// The units-only part of the model: split the round's units into groups
/// (H1, H2) minimising balance. Its optimum is a valid lower bound on the
/// balance of any roster, which the full model's LP relaxation cannot see.
pub fn balance_model(inst: &Instance) -> (Milp, BTreeMap<(UnitIx, usize), Var>) {
    let mut m = Milp::default();
    let a = place_units(inst, &mut m);
    balance_rows(inst, &mut m, &a, 1.0, 0);
    (m, a)
}

/// The split of the round's units with balance at most `balance` that
/// moves the fewest free units from `near` (a split of the same groups),
/// and is none of the splits `not` (each cut off by a no-good row).
pub fn nearest_split_model(
    inst: &Instance,
    near: &[Vec<UnitIx>],
    balance: u64,
    not: &[Vec<Vec<UnitIx>>],
) -> (Milp, BTreeMap<(UnitIx, usize), Var>) {
    let mut m = Milp::default();
    let a = place_units(inst, &mut m);
    for split in not {
        let terms: Vec<(Var, f64)> = a
            .iter()
            .filter(|((u, g), _)| split[*g].contains(u))
            .map(|(_, v)| (*v, 1.0))
            .collect();
        let n = terms.len() as f64;
        m.row(terms, Cmp::Le, n - 1.0, Tag::new(Family::Objective));
    }
    for (&(u, g), v) in &a {
        if !near.get(g).is_some_and(|units| units.contains(&u)) {
            m.vars[v.0].cost = 1.0;
        }
    }
    let (hi, lo) = balance_rows(inst, &mut m, &a, 0.0, 0);
    m.row(
        vec![(hi, 1.0), (lo, -1.0)],
        Cmp::Le,
        balance as f64,
        Tag::new(Family::Objective),
    );
    (m, a)
}

impl RoundModel {
    /// Build the model leaving out the row families in `omit`;
    /// `balance_floor` is a known lower bound on max − min group weight.
    pub fn build(inst: &Instance, omit: &Omit, balance_floor: u64) -> Self {
        Self::build_with(inst, omit, balance_floor, Disruption::Ignore)
    }

    pub fn build_with(
        inst: &Instance,
        omit: &Omit,
        balance_floor: u64,
        disruption: Disruption,
    ) -> Self {
        let s = inst.s;
        let rules = &inst.round.rules;
        let w = s.weights;
        let groups = inst.groups();
        let mut m = Milp::default();
        let keep = |f: Family| !omit.contains(&f);
        let conflicts_on = keep(Family::Conflict);
        let leader_conflicts_on = keep(Family::LeaderConflict);

        let fixed = inst.fixed.clone();
        let member_ok = |p: PersonIx, u: UnitIx| !conflicts_on || inst.recusal.member_ok(p, u);
        let leader_ok = |p: PersonIx, u: UnitIx| {
            member_ok(p, u) && (!leader_conflicts_on || inst.recusal.leader_ok(p, u))
        };

        // Township placement (H1).
        let a = place_units(inst, &mut m);
        // People: x and l, with the workload cost and the repeat cost of
        // fixed units folded in.
        let mut x = BTreeMap::new();
        let mut l = BTreeMap::new();
        for &p in &inst.people {
            let served = inst.served[&p] as f64;
            let person = s.person(p);
            for (g, units) in fixed.iter().enumerate() {
                if !units.iter().all(|u| member_ok(p, *u)) {
                    continue;
                }
                let repeats = units
                    .iter()
                    .filter(|u| inst.past_units.contains(&(p, **u)))
                    .count();
                let cost = w.workload as f64 * served + w.repeat_unit as f64 * repeats as f64;
                x.insert((p, g), m.binary(cost));
                if person.leader && units.iter().all(|u| leader_ok(p, *u)) {
                    l.insert((p, g), m.binary(0.0));
                }
            }
        }

        // H3: once; sizes.
        for &p in &inst.people {
            let terms: Vec<(Var, f64)> = (0..groups)
                .filter_map(|g| x.get(&(p, g)).map(|v| (*v, 1.0)))
                .collect();
            if terms.len() > 1 && keep(Family::Once) {
                m.row(terms, Cmp::Le, 1.0, Tag::new(Family::Once).person(p));
            }
        }
        for g in 0..groups {
            let terms: Vec<(Var, f64)> = inst
                .people
                .iter()
                .filter_map(|p| x.get(&(*p, g)).map(|v| (*v, 1.0)))
                .collect();
            if keep(Family::SizeMin) {
                m.row(
                    terms.clone(),
                    Cmp::Ge,
                    rules.size_min as f64,
                    Tag::new(Family::SizeMin).group(g),
                );
            }
            if keep(Family::SizeMax) {
                m.row(
                    terms,
                    Cmp::Le,
                    rules.size_max as f64,
                    Tag::new(Family::SizeMax).group(g),
                );
            }
        }

        // H4: one leader, a member.
        for g in 0..groups {
            let terms: Vec<(Var, f64)> = inst
                .people
                .iter()
                .filter_map(|p| l.get(&(*p, g)).map(|v| (*v, 1.0)))
                .collect();
            if keep(Family::OneLeader) {
                m.row(terms, Cmp::Eq, 1.0, Tag::new(Family::OneLeader).group(g));
            }
        }
        for (&(p, g), &lv) in &l {
            m.row(
                vec![(lv, 1.0), (x[&(p, g)], -1.0)],
                Cmp::Le,
                0.0,
                Tag::new(Family::LeaderIsMember).person(p).group(g),
            );
        }

        // H5: skills.
        let holders = |skill, g: usize| -> Vec<(Var, f64)> {
            inst.people
                .iter()
                .filter(|p| inst.has(**p, skill))
                .filter_map(|p| x.get(&(*p, g)).map(|v| (*v, 1.0)))
                .collect()
        };
        for (g, units) in fixed.iter().enumerate() {
            if keep(Family::RequiredSkill) {
                for &skill in inst.required() {
                    m.row(
                        holders(skill, g),
                        Cmp::Ge,
                        1.0,
                        Tag::new(Family::RequiredSkill).skill(skill).group(g),
                    );
                }
            }
            if keep(Family::UnitSkill) {
                for &unit in units {
                    for &skill in &s.unit(unit).requires {
                        m.row(
                            holders(skill, g),
                            Cmp::Ge,
                            1.0,
                            Tag::new(Family::UnitSkill).skill(skill).unit(unit).group(g),
                        );
                    }
                }
                for &u in &inst.free {
                    if let Some(&av) = a.get(&(u, g)) {
                        for &skill in &s.unit(u).requires {
                            let mut terms = holders(skill, g);
                            terms.push((av, -1.0));
                            m.row(
                                terms,
                                Cmp::Ge,
                                0.0,
                                Tag::new(Family::UnitSkill).skill(skill).unit(u).group(g),
                            );
                        }
                    }
                }
            }
        }

        // H6: conflicts with placed townships (fixed units are handled by
        // never creating the variable).
        for &p in &inst.people {
            for &u in &inst.free {
                let member_bad = conflicts_on && !inst.recusal.member_ok(p, u);
                let leader_bad =
                    !member_bad && leader_conflicts_on && !inst.recusal.leader_ok(p, u);
                if !member_bad && !leader_bad {
                    continue;
                }
                for g in 0..groups {
                    let Some(&av) = a.get(&(u, g)) else { continue };
                    if member_bad {
                        if let Some(&xv) = x.get(&(p, g)) {
                            m.row(
                                vec![(xv, 1.0), (av, 1.0)],
                                Cmp::Le,
                                1.0,
                                Tag::new(Family::Conflict).person(p).unit(u).group(g),
                            );
                        }
                    } else if let Some(&lv) = l.get(&(p, g)) {
                        m.row(
                            vec![(lv, 1.0), (av, 1.0)],
                            Cmp::Le,
                            1.0,
                            Tag::new(Family::LeaderConflict).person(p).unit(u).group(g),
                        );
                    }
                }
            }
        }

        // H9: retired members.
        if let (Some(max), true) = (rules.max_retired_per_group, keep(Family::Retired)) {
            for g in 0..groups {
                let terms: Vec<(Var, f64)> = inst
                    .people
                    .iter()
                    .filter(|p| s.person(**p).retired)
                    .filter_map(|p| x.get(&(*p, g)).map(|v| (*v, 1.0)))
                    .collect();
                if terms.len() > max as usize {
                    m.row(
                        terms,
                        Cmp::Le,
                        max as f64,
                        Tag::new(Family::Retired).group(g),
                    );
                }
            }
        }

        // H11: kin and apart pairs.
        if keep(Family::Apart) {
            for &(p, q) in inst.apart.keys() {
                for g in 0..groups {
                    if let (Some(&xp), Some(&xq)) = (x.get(&(p, g)), x.get(&(q, g))) {
                        m.row(
                            vec![(xp, 1.0), (xq, 1.0)],
                            Cmp::Le,
                            1.0,
                            Tag::new(Family::Apart).person(p).other(q).group(g),
                        );
                    }
                }
            }
        }

        // Soft: repeat_unit for placed townships (fixed ones are in x's cost).
        let obj = Tag::new(Family::Objective);
        if w.repeat_unit > 0 {
            for &(p, u) in &inst.past_units {
                if !inst.free.contains(&u) || !inst.eligibility.is_available(p) {
                    continue;
                }
                let rv = m.continuous(0.0, 1.0, w.repeat_unit as f64);
                for g in 0..groups {
                    if let (Some(&xv), Some(&av)) = (x.get(&(p, g)), a.get(&(u, g))) {
                        m.row(
                            vec![(xv, 1.0), (av, 1.0), (rv, -1.0)],
                            Cmp::Le,
                            1.0,
                            obj.person(p).unit(u).group(g),
                        );
                    }
                }
            }
        }
        // Soft: repeat_pair.
        if w.repeat_pair > 0 {
            for &(p, q) in &inst.met {
                if inst.apart.contains_key(&(p, q)) && keep(Family::Apart) {
                    continue; // never together anyway
                }
                let zv = m.continuous(0.0, 1.0, w.repeat_pair as f64);
                for g in 0..groups {
                    if let (Some(&xp), Some(&xq)) = (x.get(&(p, g)), x.get(&(q, g))) {
                        m.row(
                            vec![(xp, 1.0), (xq, 1.0), (zv, -1.0)],
                            Cmp::Le,
                            1.0,
                            obj.person(p).other(q).group(g),
                        );
                    }
                }
            }
        }
        // Soft: reserve cadres due to serve (docs/pool.md), the same set as
        // the validator's: `left ≥ 1 − Σ_g x` costs `weights.reserve` each.
        if w.reserve > 0 {
            for p in crate::pool::reserve_due(s, inst.round.dates()) {
                let left = m.continuous(0.0, 1.0, w.reserve as f64);
                let mut terms: Vec<(Var, f64)> = (0..groups)
                    .filter_map(|g| x.get(&(p, g)).map(|v| (*v, 1.0)))
                    .collect();
                terms.push((left, 1.0));
                m.row(terms, Cmp::Ge, 1.0, obj.person(p));
            }
        }
        // Soft: balance = max − min of group weights.
        if w.balance > 0 && groups > 1 {
            balance_rows(inst, &mut m, &a, w.balance as f64, balance_floor);
        }

        // Pins: the office's decisions.
        if keep(Family::Pin) {
            let pins = &inst.pins;
            let seat = |m: &mut Milp,
                        vars: &BTreeMap<(PersonIx, usize), Var>,
                        p: PersonIx,
                        u: UnitIx,
                        tag: Tag| {
                if let Some(g) = inst.pinned_group(u) {
                    let terms = vars
                        .get(&(p, g))
                        .map(|v| vec![(*v, 1.0)])
                        .unwrap_or_default();
                    m.row(terms, Cmp::Ge, 1.0, tag.group(g));
                } else {
                    for g in 0..groups {
                        if let Some(&av) = a.get(&(u, g)) {
                            let mut terms = vec![(av, -1.0)];
                            if let Some(&v) = vars.get(&(p, g)) {
                                terms.push((v, 1.0));
                            }
                            m.row(terms, Cmp::Ge, 0.0, tag.group(g));
                        }
                    }
                }
            };
            for &(p, u) in &pins.serves {
                seat(&mut m, &x, p, u, Tag::new(Family::Pin).person(p).unit(u));
            }
            for &(p, u) in &pins.leads {
                seat(&mut m, &l, p, u, Tag::new(Family::Pin).person(p).unit(u));
            }
            for &(u, v) in &pins.together {
                let tag = Tag::new(Family::Pin).unit(u);
                for g in 0..groups {
                    // A unit's membership of group g: a variable, or a
                    // constant for a fixed unit.
                    let side = |w: UnitIx| -> Option<Result<Var, f64>> {
                        match inst.pinned_group(w) {
                            Some(pg) => Some(Err(if pg == g { 1.0 } else { 0.0 })),
                            None => a.get(&(w, g)).map(|v| Ok(*v)),
                        }
                    };
                    let mut terms = Vec::new();
                    let mut rhs = 0.0;
                    for (side, sign) in [(side(u), 1.0), (side(v), -1.0)] {
                        match side {
                            Some(Ok(var)) => terms.push((var, sign)),
                            Some(Err(c)) => rhs -= sign * c,
                            None => {}
                        }
                    }
                    if !terms.is_empty() || rhs != 0.0 {
                        m.row(terms, Cmp::Eq, rhs, tag.group(g));
                    }
                }
            }
        }

        // Repair: changed seats = |reference| + Σx − 2 Σ stay, where stay_p
        // may be 1 only if p sits in whichever group holds the first unit
        // of p's reference group.
        let mut stay_vars = Vec::new();
        if let (Some(reference), true) = (&inst.reference, disruption != Disruption::Ignore) {
            let mut stays = Vec::new();
            let mut seats = 0.0;
            for group in reference {
                let Some(&u0) = group.units.first() else {
                    continue;
                };
                for &p in &group.members {
                    seats += 1.0;
                    if !inst.people.contains(&p) {
                        continue; // dropped or no longer eligible: the seat changes
                    }
                    let stay = m.binary(0.0);
                    let tag = Tag::new(Family::Disruption).person(p).unit(u0);
                    if let Some(g) = inst.pinned_group(u0) {
                        let mut terms = vec![(stay, 1.0)];
                        if let Some(&xv) = x.get(&(p, g)) {
                            terms.push((xv, -1.0));
                        }
                        m.row(terms, Cmp::Le, 0.0, tag.group(g));
                    } else {
                        for g in 0..groups {
                            if let Some(&av) = a.get(&(u0, g)) {
                                let mut terms = vec![(stay, 1.0), (av, 1.0)];
                                if let Some(&xv) = x.get(&(p, g)) {
                                    terms.push((xv, -1.0));
                                }
                                m.row(terms, Cmp::Le, 1.0, tag.group(g));
                            }
                        }
                    }
                    stays.push(stay);
                    stay_vars.push((stay, p, u0));
                }
            }
            let mut changes: Vec<(Var, f64)> = x.values().map(|v| (*v, 1.0)).collect();
            changes.extend(stays.iter().map(|v| (*v, -2.0)));
            match disruption {
                Disruption::Minimise => {
                    // Only the changed seats count; the constant |reference|
                    // is added back by the caller.
                    for def in &mut m.vars {
                        def.cost = 0.0;
                    }
                    for (v, c) in &changes {
                        m.vars[v.0].cost = *c;
                    }
                }
                Disruption::AtMost(cap) => {
                    m.row(
                        changes,
                        Cmp::Le,
                        cap as f64 - seats,
                        Tag::new(Family::Disruption),
                    );
                }
                Disruption::Ignore => {}
            }
        }

        RoundModel {
            milp: m,
            x,
            l,
            a,
            fixed,
            stays: stay_vars,
        }
    }

    /// Read a roster back from variable values (groups in model order).
    pub fn groups(&self, inst: &Instance, values: &[f64]) -> Vec<Group> {
        let on = |v: &Var| values[v.0] > 0.5;
        let n = self.fixed.len();
        let mut out = Vec::with_capacity(n);
        for g in 0..n {
            let mut units: Vec<UnitIx> = self.fixed[g].clone();
            units.extend(
                inst.free
                    .iter()
                    .copied()
                    .filter(|u| self.a.get(&(*u, g)).is_some_and(on)),
            );
            let leader = inst
                .people
                .iter()
                .copied()
                .find(|p| self.l.get(&(*p, g)).is_some_and(on));
            let mut members: Vec<PersonIx> = inst
                .people
                .iter()
                .copied()
                .filter(|p| self.x.get(&(*p, g)).is_some_and(on))
                .collect();
            let leader = leader.unwrap_or_else(|| members.first().copied().unwrap_or(PersonIx(0)));
            members.retain(|p| *p != leader);
            members.insert(0, leader);
            out.push(Group {
                leader,
                members,
                units,
                villages: Vec::new(),
            });
        }
        out
    }

    /// Variable values for a roster (a warm start), or `None` when the roster
    /// does not fit the model's numbering.
    pub fn values_for(&self, inst: &Instance, groups: &[Group]) -> Option<Vec<f64>> {
        let mut values = vec![0.0; self.milp.vars.len()];
        // Relabel: groups holding a fixed unit take its group's number; the
        // others follow in order of their first placed township.
        let mut label = vec![usize::MAX; groups.len()];
        let mut free: Vec<usize> = Vec::new();
        for (i, g) in groups.iter().enumerate() {
            match self
                .fixed
                .iter()
                .position(|f| f.iter().any(|u| g.units.contains(u)))
            {
                Some(n) => label[i] = n,
                None => free.push(i),
            }
        }
        let first = |i: usize| {
            groups[i]
                .units
                .iter()
                .filter_map(|u| inst.free.iter().position(|t| t == u))
                .min()
                .unwrap_or(usize::MAX)
        };
        free.sort_by_key(|i| first(*i));
        let taken = inst.fixed_groups();
        for (n, i) in free.into_iter().enumerate() {
            label[i] = taken + n;
        }
        for (i, g) in groups.iter().enumerate() {
            let n = label[i];
            for u in &g.units {
                if self.fixed.get(n).is_some_and(|f| f.contains(u)) {
                    continue;
                }
                values[self.a.get(&(*u, n))?.0] = 1.0;
            }
            for p in &g.members {
                values[self.x.get(&(*p, n))?.0] = 1.0;
            }
            values[self.l.get(&(g.leader, n))?.0] = 1.0;
        }
        for &(var, p, u0) in &self.stays {
            if groups
                .iter()
                .any(|g| g.units.contains(&u0) && g.members.contains(&p))
            {
                values[var.0] = 1.0;
            }
        }
        // Bookkeeping variables (last term of each objective row): the
        // cheapest value the rows allow. A row whose other terms include
        // bookkeeping variables (balance's `hi − lo ≥ floor`) can only be
        // read once those are set: first the rows over seats and units,
        // then every row again with the values just found.
        let continuous = |v: usize| {
            matches!(
                self.milp.vars[v].kind,
                super::milp::VarKind::Continuous { .. }
            )
        };
        for pass in 0..2 {
            let mut lower: BTreeMap<usize, f64> = BTreeMap::new();
            let mut upper: BTreeMap<usize, f64> = BTreeMap::new();
            for row in self
                .milp
                .rows
                .iter()
                .filter(|r| r.tag.family == Family::Objective)
            {
                let Some((&(aux, coef), others)) = row.terms.split_last() else {
                    continue;
                };
                if pass == 0 && others.iter().any(|(v, _)| continuous(v.0)) {
                    continue;
                }
                let rest: f64 = others.iter().map(|(v, c)| c * values[v.0]).sum();
                let bound = (row.rhs - rest) / coef;
                match (row.cmp, coef > 0.0) {
                    (Cmp::Le, true) | (Cmp::Ge, false) => {
                        let e = upper.entry(aux.0).or_insert(f64::INFINITY);
                        *e = e.min(bound);
                    }
                    _ => {
                        let e = lower.entry(aux.0).or_insert(f64::NEG_INFINITY);
                        *e = e.max(bound);
                    }
                }
            }
            for (v, def) in self.milp.vars.iter().enumerate() {
                if let super::milp::VarKind::Continuous { lo, hi } = def.kind {
                    let value = if def.cost >= 0.0 {
                        lower.get(&v).copied().unwrap_or(lo)
                    } else {
                        upper.get(&v).copied().unwrap_or(hi)
                    };
                    values[v] = value.clamp(lo, hi);
                }
            }
        }
        Some(values)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::Group;
    use crate::solver::instance::Instance;

    const THREE_IN_TWO: &str = r#"
version: 1
name: three townships in two groups (synthetic)
skills: [audit]
units:
  - {id: T1, name: 一镇, kind: township}
  - {id: T2, name: 二镇, kind: township}
  - {id: T3, name: 三镇, kind: township}
people:
  - {id: P1, skills: [audit], name: 甲, pool: true, leader: true}
  - {id: P2, skills: [audit], name: 乙, pool: true, leader: true}
  - {id: P3, skills: [audit], name: 丙, pool: true}
  - {id: P4, skills: [audit], name: 丁, pool: true}
round:
  id: R1
  start: 2027-03-01
  end: 2027-04-30
  groups: 2
  group_size: {min: 2, max: 2}
  units: [T1, T2, T3]
"#;

    #[test]
    fn warm_start_balance_is_the_rosters_not_overstated() {
        let s = crate::scenario::parse(THREE_IN_TWO, "three.yaml").expect("valid scenario");
        let round = s.round.clone().expect("a round");
        let inst = Instance::with(&s, &round, Default::default(), None);
        let ix = |id: &str| s.unit_ix(id).unwrap();
        let px = |id: &str| s.person_ix(id).unwrap();
        let roster = vec![
            Group {
                leader: px("P1"),
                members: vec![px("P1"), px("P3")],
                units: vec![ix("T1"), ix("T2")],
                villages: Vec::new(),
            },
            Group {
                leader: px("P2"),
                members: vec![px("P2"), px("P4")],
                units: vec![ix("T3")],
                villages: Vec::new(),
            },
        ];
        // Weights 2 and 1: balance 1, which is also the counting floor.
        let model = RoundModel::build(&inst, &Omit::new(), 1);
        let values = model.values_for(&inst, &roster).expect("fits the model");
        assert!(model.milp.satisfies(&values));
        let checked = crate::roster_check::check(&s, &round, &roster).expect("valid roster");
        assert_eq!(checked.objective.total, 1);
        assert_eq!(model.milp.cost(&values), 1.0);
    }
}
