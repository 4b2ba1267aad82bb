//! A backend-neutral mixed-integer model: variables, rows and a tag on every
//! row naming its domain reason (Pumpkin-style), so an infeasible model can
//! be traced back to "who, which rule, which unit". [`super::backend`]
//! hands it to good_lp; nothing else in the crate sees good_lp types.

use crate::ids::{PersonIx, SkillIx, UnitIx};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Var(pub usize);

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum VarKind {
    Binary,
    Continuous { lo: f64, hi: f64 },
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct VarDef {
    pub kind: VarKind,
    pub cost: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cmp {
    Le,
    Ge,
    Eq,
}

/// The family of a row: which rule of FORMAT.md it encodes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Family {
    /// H1: each township in exactly one group.
    Cover,
    /// H1: 1..max_units_per_group units per group.
    UnitsPerGroup,
    /// H3: nobody in two groups.
    Once,
    /// H3: group_size.min.
    SizeMin,
    /// H3: group_size.max.
    SizeMax,
    /// H4: exactly one leader per group.
    OneLeader,
    /// H4: the leader is a member.
    LeaderIsMember,
    /// H5: a skill every group needs (`required_skills`).
    RequiredSkill,
    /// H5: a skill a unit `requires`.
    UnitSkill,
    /// H6: a member's conflict with a unit (R1–R5).
    Conflict,
    /// H6: a leader's conflict with a unit (L1–L2).
    LeaderConflict,
    /// H9: retired members per group.
    Retired,
    /// H11: a kin or `apart` pair in one group.
    Apart,
    /// A pin: the office's manual decision.
    Pin,
    /// Repair: at most this many changed seats.
    Disruption,
    /// Soft-term bookkeeping (never a reason for infeasibility).
    Objective,
    /// The objective is at least a floor proven outside the model (by
    /// counting): lets the backend's bound see it. Never a reason either.
    Bound,
}

impl Family {
    pub fn rule(self) -> &'static str {
        match self {
            Family::Cover | Family::UnitsPerGroup => "H1",
            Family::Once | Family::SizeMin | Family::SizeMax => "H3",
            Family::OneLeader | Family::LeaderIsMember => "H4",
            Family::RequiredSkill | Family::UnitSkill => "H5",
            Family::Conflict | Family::LeaderConflict => "H6",
            Family::Retired => "H9",
            Family::Apart => "H11",
            Family::Pin => "pin",
            Family::Disruption => "repair",
            Family::Objective => "objective",
            Family::Bound => "bound",
        }
    }
}

/// Why a row exists: its family and the people, unit, skill and group it is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Tag {
    pub family: Family,
    pub person: Option<PersonIx>,
    pub other: Option<PersonIx>,
    pub unit: Option<UnitIx>,
    pub skill: Option<SkillIx>,
    pub group: Option<usize>,
}

impl Tag {
    pub fn new(family: Family) -> Self {
        Tag {
            family,
            person: None,
            other: None,
            unit: None,
            skill: None,
            group: None,
        }
    }
    pub fn person(mut self, p: PersonIx) -> Self {
        self.person = Some(p);
        self
    }
    pub fn other(mut self, p: PersonIx) -> Self {
        self.other = Some(p);
        self
    }
    pub fn unit(mut self, u: UnitIx) -> Self {
        self.unit = Some(u);
        self
    }
    pub fn skill(mut self, s: SkillIx) -> Self {
        self.skill = Some(s);
        self
    }
    pub fn group(mut self, g: usize) -> Self {
        self.group = Some(g);
        self
    }
}

#[derive(Debug, Clone)]
pub struct Row {
    pub terms: Vec<(Var, f64)>,
    pub cmp: Cmp,
    pub rhs: f64,
    pub tag: Tag,
}

/// Variables, rows and a minimised linear objective (each variable's cost).
#[derive(Debug, Clone, Default)]
pub struct Milp {
    pub vars: Vec<VarDef>,
    pub rows: Vec<Row>,
}

impl Milp {
    pub fn binary(&mut self, cost: f64) -> Var {
        self.vars.push(VarDef {
            kind: VarKind::Binary,
            cost,
        });
        Var(self.vars.len() - 1)
    }

    pub fn continuous(&mut self, lo: f64, hi: f64, cost: f64) -> Var {
        self.vars.push(VarDef {
            kind: VarKind::Continuous { lo, hi },
            cost,
        });
        Var(self.vars.len() - 1)
    }

    pub fn row(&mut self, terms: Vec<(Var, f64)>, cmp: Cmp, rhs: f64, tag: Tag) {
        self.rows.push(Row {
            terms,
            cmp,
            rhs,
            tag,
        });
    }

    /// Whether `values` satisfies every row and bound (to a small tolerance).
    pub fn satisfies(&self, values: &[f64]) -> bool {
        const EPS: f64 = 1e-6;
        if values.len() != self.vars.len() {
            return false;
        }
        let bounds_ok = self.vars.iter().zip(values).all(|(d, v)| match d.kind {
            VarKind::Binary => (v.abs() < EPS) || ((v - 1.0).abs() < EPS),
            VarKind::Continuous { lo, hi } => *v >= lo - EPS && *v <= hi + EPS,
        });
        bounds_ok
            && self.rows.iter().all(|r| {
                let lhs: f64 = r.terms.iter().map(|(v, c)| c * values[v.0]).sum();
                match r.cmp {
                    Cmp::Le => lhs <= r.rhs + EPS,
                    Cmp::Ge => lhs >= r.rhs - EPS,
                    Cmp::Eq => (lhs - r.rhs).abs() <= EPS,
                }
            })
    }

    /// The objective value of an assignment.
    pub fn cost(&self, values: &[f64]) -> f64 {
        self.vars.iter().zip(values).map(|(d, v)| d.cost * v).sum()
    }
}
