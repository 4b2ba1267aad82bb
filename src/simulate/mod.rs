//! Simulating the rest of the term (`xuncha simulate`, FORMAT.md "Term
//! simulation"): choose the units of every remaining round so that each unit
//! still to cover is inspected by the end of the term (巡察全覆盖), then plan
//! the rounds one after another with [`crate::solver::plan`], each planned
//! roster appended to the history the next round sees.
//!
//! One concept per file:
//! - [`whatif`]: variants of the scenario without editing the file
//!   (`--without`, `--groups`, `--group-size`, `--rounds`, `--shift-months`);
//! - [`assumptions`]: what is assumed about the years the records do not
//!   reach (the annual training repeated; recorded absences only);
//! - [`coverage`]: which units each round inspects;
//! - [`lookahead`]: planning a round with the next ones in view;
//! - [`summary`]: coverage, load, repeats and failures of a whole run;
//! - [`montecarlo`]: random absences, many samples, the spread of outcomes.
//!
//! Everything is deterministic: one scenario and one set of options give the
//! same simulation, provided every round is solved to proven optimality
//! within its time limit (a round stopped by the clock returns whatever the
//! solver had found by then).

pub mod assumptions;
pub mod coverage;
mod design;
pub mod improve;
pub mod lookahead;
pub mod montecarlo;
pub mod note;
pub mod summary;
pub mod whatif;

use std::collections::BTreeSet;
use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use chrono::NaiveDate;

use crate::eligibility::Eligibility;
use crate::ids::{PersonIx, UnitIx};
use crate::scenario::{DateRange, Group, HistoryRound, Round, RoundRules, Scenario};
use crate::solver::{self, Plan, PlanError, PlanOptions};

pub use assumptions::{Lapse, TrainingOutlook};
pub use montecarlo::{Distribution, McOptions, McReport, Sample};
pub use note::Note;
pub use summary::Summary;
pub use whatif::{Variant, WhatIf};

/// Called once for every round a simulation settles (not for the rollouts
/// of `--lookahead`), from whichever thread ran the simulation.
#[derive(Clone)]
pub struct Progress(Arc<dyn Fn(&str) + Send + Sync>);

impl Progress {
    pub fn new(f: impl Fn(&str) + Send + Sync + 'static) -> Self {
        Progress(Arc::new(f))
    }
    fn tick(&self, round: &str) {
        (self.0)(round)
    }
}

impl fmt::Debug for Progress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Progress(..)")
    }
}

/// How to simulate.
#[derive(Debug, Clone)]
pub struct SimOptions {
    /// Time limit of each round's solve.
    pub round_time_limit: Duration,
    /// Changes to the scenario, applied before anything else.
    pub what_if: WhatIf,
    /// Assume each pool member repeats, every year, the training of the last
    /// twelve months on record (see [`assumptions`]).
    pub assume_training: bool,
    /// 1: plan round by round. K ≥ 2: choose each round's roster by how the
    /// next K − 1 rounds go after it (see [`lookahead`]).
    pub lookahead: usize,
    /// Threads for the lookahead's candidates (Monte Carlo sets 1 and runs
    /// its samples in parallel instead).
    pub threads: usize,
    pub progress: Option<Progress>,
    /// After the rounds are planned one by one, search the whole term for
    /// fewer repeats (see [`improve`]); `None`: round by round only.
    pub term_search: Option<improve::Search>,
}

impl Default for SimOptions {
    fn default() -> Self {
        SimOptions {
            round_time_limit: Duration::from_secs(10),
            what_if: WhatIf::default(),
            assume_training: true,
            lookahead: 1,
            threads: 2,
            progress: None,
            term_search: Some(improve::Search::default()),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum SimError {
    #[error("the scenario has neither a `round` nor `term.rounds`: there is nothing to simulate (add a `term:` section; see FORMAT.md)")]
    NothingToSimulate,
    /// A what-if or option that does not fit the scenario (bad usage).
    #[error("{0}")]
    Option(String),
    /// The solver failed on a round for a reason other than infeasibility or
    /// its time limit (a backend error or a bug).
    #[error("round {round}: {error}")]
    Solver { round: String, error: PlanError },
}

impl SimError {
    /// Whether the error is the user's choice of options (exit status 2).
    pub fn is_usage(&self) -> bool {
        matches!(self, SimError::Option(_))
    }
}

/// A round to simulate: the scenario's `round` (with its own units) or one
/// of `term.rounds` (units chosen by [`coverage`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Slot {
    pub id: String,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub rules: RoundRules,
    /// The units of the scenario's `round`; `None` for a term round.
    pub fixed: Option<Vec<UnitIx>>,
}

impl Slot {
    pub fn dates(&self) -> DateRange {
        DateRange {
            from: self.start,
            to: self.end,
        }
    }
}

/// What planning a round ended with.
#[derive(Debug, Clone)]
pub enum Outcome {
    /// The solver's answer: a roster, or infeasible with its diagnosis.
    Planned(Box<Plan>),
    /// No roster was found within the round's time limit; nothing is known
    /// about feasibility. Counted as infeasible.
    TimedOut { seconds: f64 },
}

impl Outcome {
    pub fn plan(&self) -> Option<&Plan> {
        match self {
            Outcome::Planned(p) => Some(p.as_ref()),
            Outcome::TimedOut { .. } => None,
        }
    }
    /// The roster; empty when no roster was found.
    pub fn groups(&self) -> &[Group] {
        self.plan().map(|p| p.groups.as_slice()).unwrap_or(&[])
    }
    pub fn staffed(&self) -> bool {
        !self.groups().is_empty()
    }
    /// `optimal`, `feasible` or `infeasible` (a time-out reads infeasible).
    pub fn status(&self) -> &'static str {
        match self {
            Outcome::Planned(p) => p.status.as_str(),
            Outcome::TimedOut { .. } => "infeasible",
        }
    }
    /// The contract's objective total, when staffed.
    pub fn total(&self) -> Option<u64> {
        self.plan()
            .and_then(|p| p.breakdown.as_ref())
            .map(|b| b.objective.total)
    }
}

/// A unit of a round that no roster could hold, and why.
#[derive(Debug, Clone)]
pub struct Unstaffed {
    pub unit: UnitIx,
    /// The findings about this unit (nobody may lead it, …).
    pub why: Vec<solver::Finding>,
}

/// A round as planned: the solver's answer, the round it answers (the
/// chosen round less its unstaffed units), and those units.
#[derive(Debug, Clone)]
pub struct Staffing {
    pub outcome: Outcome,
    pub round: Round,
    pub unstaffed: Vec<Unstaffed>,
}

/// One simulated round.
#[derive(Debug, Clone)]
pub struct SimRound {
    /// The round as planned: id, dates, rules and the units it staffs (the
    /// chosen units less `unstaffed`; with no more groups than units).
    pub round: Round,
    /// Chosen units no roster could hold (issue 14.4): the rest of the
    /// round is staffed without them. Empty for a whole or failed round.
    pub unstaffed: Vec<Unstaffed>,
    /// Units of the round not yet inspected in the term before it.
    pub new_units: Vec<UnitIx>,
    /// Units inspected again only to give every group a unit.
    pub refill: Vec<UnitIx>,
    pub outcome: Outcome,
    /// Pool members available and trained for the round.
    pub eligible: usize,
    /// Pool members trained for the round only thanks to the assumed courses.
    pub assumed_training: usize,
    /// Monte Carlo: pool members drawn absent for the round.
    pub absent: Vec<PersonIx>,
    /// `--lookahead`: which candidate roster was kept.
    pub steering: Option<String>,
}

/// A whole simulated term.
#[derive(Debug, Clone)]
pub struct Simulation {
    pub rounds: Vec<SimRound>,
    pub summary: Summary,
    /// Assumptions and what-if changes, in words, for the reader.
    pub notes: Vec<Note>,
    /// Pool members whose recorded training lapses before a simulated round.
    pub lapses: Vec<Lapse>,
}

/// The scenario and rounds after what-ifs and assumptions, ready to run
/// (once, or once per Monte Carlo sample).
#[derive(Debug, Clone)]
pub struct Prepared {
    /// The variant; history and training records as in the file (the
    /// assumed records are in `training.records`).
    pub base: Scenario,
    pub slots: Vec<Slot>,
    pub term_start: NaiveDate,
    pub term_end: NaiveDate,
    /// Units no history group of the term holds (FORMAT.md: the units to cover).
    pub to_cover: Vec<UnitIx>,
    pub notes: Vec<Note>,
    pub training: TrainingOutlook,
}

/// Apply what-ifs and assumptions.
pub fn prepare(s: &Scenario, opts: &SimOptions) -> Result<Prepared, SimError> {
    if opts.lookahead == 0 {
        return Err(SimError::Option(
            "--lookahead 0: give 1 (round by round) or more".into(),
        ));
    }
    let (base, mut notes) = whatif::apply(s, &opts.what_if)?;
    let mut slots = Vec::new();
    // A committed round is history already: the term goes on after it.
    if let Some(r) = base.round.as_ref().filter(|_| base.committed.is_none()) {
        slots.push(Slot {
            id: r.id.clone(),
            start: r.start,
            end: r.end,
            rules: r.rules.clone(),
            fixed: Some(r.units.clone()),
        });
    }
    if let Some(t) = &base.term {
        for tr in &t.rounds {
            slots.push(Slot {
                id: tr.id.clone(),
                start: tr.start,
                end: tr.end,
                rules: tr.rules.clone(),
                fixed: None,
            });
        }
    }
    if slots.is_empty() {
        return Err(SimError::NothingToSimulate);
    }
    let (term_start, term_end) = match &base.term {
        Some(t) => (t.start, t.end),
        None => {
            notes.push(Note::NoTerm);
            (slots[0].start, slots[slots.len() - 1].end)
        }
    };
    for slot in &slots {
        if slot.end > term_end {
            notes.push(Note::RoundAfterTerm {
                round: slot.id.clone(),
                end: slot.end,
                term_end,
            });
        }
    }
    let training = assumptions::training(&base, &slots, opts.assume_training);
    notes.extend(training.notes.iter().cloned());
    notes.push(Note::Availability);
    let held = in_term_units(&base, term_start);
    let to_cover = base.unit_ixs().filter(|u| !held.contains(u)).collect();
    Ok(Prepared {
        base,
        slots,
        term_start,
        term_end,
        to_cover,
        notes,
        training,
    })
}

/// Simulate the term of `s`.
pub fn simulate(s: &Scenario, opts: &SimOptions) -> Result<Simulation, SimError> {
    let p = prepare(s, opts)?;
    run(&p, opts, &[])
}

/// Run a prepared simulation; `absent[i]` lists pool members unavailable for
/// slot `i` (Monte Carlo; empty for none).
pub fn run(
    p: &Prepared,
    opts: &SimOptions,
    absent: &[Vec<PersonIx>],
) -> Result<Simulation, SimError> {
    let mut state = State::new(p, absent);
    let mut rounds = Vec::with_capacity(p.slots.len());
    let mut notes = p.notes.clone();
    while state.next < p.slots.len() {
        let choice = state.choose(p);
        if let Some(n) = &choice.note {
            notes.push(n.clone());
        }
        let (staffing, steering) = if opts.lookahead > 1 {
            lookahead::decide(p, &state, &choice.round, opts)?
        } else {
            (state.plan(&choice.round, opts, None)?, None)
        };
        let i = state.next;
        let eligible = Eligibility::for_dates(&state.s, choice.round.dates())
            .available
            .len();
        state.commit(&staffing);
        if let Some(progress) = &opts.progress {
            progress.tick(&choice.round.id);
        }
        let Staffing {
            outcome,
            round,
            unstaffed,
        } = staffing;
        rounds.push(SimRound {
            new_units: choice
                .new_units
                .into_iter()
                .filter(|u| round.units.contains(u))
                .collect(),
            refill: choice.refill,
            round,
            unstaffed,
            outcome,
            eligible,
            assumed_training: p.training.relies.get(i).map_or(0, Vec::len),
            absent: absent.get(i).cloned().unwrap_or_default(),
            steering,
        });
    }
    let mut summary = summary::summarise(p, &state, &rounds);
    if let Some(search) = opts.term_search {
        if let Some((better, s)) = improved(p, absent, &rounds, &summary, search) {
            rounds = better;
            summary = s;
        }
    }
    Ok(Simulation {
        rounds,
        summary,
        notes,
        lapses: p.training.lapses.clone(),
    })
}

/// The term after the search over it ([`improve`]), re-validated round by
/// round against the history each round follows, or `None` when the
/// search found nothing better or any summary figure would be worse.
fn improved(
    p: &Prepared,
    absent: &[Vec<PersonIx>],
    rounds: &[SimRound],
    before: &Summary,
    search: improve::Search,
) -> Option<(Vec<SimRound>, Summary)> {
    let first = State::new(p, absent);
    let staffed: Vec<(&Round, &[Group])> = rounds
        .iter()
        .filter(|r| r.outcome.staffed())
        .map(|r| (&r.round, r.outcome.groups()))
        .collect();
    let term = improve::term(&first.s, &staffed);
    let found = improve::search(&term, search)?;
    let mut found = found.into_iter();
    let mut state = first.clone();
    let mut out = Vec::with_capacity(rounds.len());
    for r in rounds {
        let mut r2 = r.clone();
        if let Some(plan) = r.outcome.plan().filter(|x| !x.groups.is_empty()) {
            let members = found.next()?;
            let groups: Vec<Group> = plan
                .groups
                .iter()
                .zip(&members)
                .map(|(g, ms)| {
                    let mut ms = ms.clone();
                    ms[1..].sort();
                    improve::group_from(g, &ms)
                })
                .collect();
            // The independent validator, against the history this round follows.
            let breakdown = crate::roster_check::check(&state.s, &r.round, &groups).ok()?;
            let mut plan = plan.clone();
            if groups != plan.groups || plan.breakdown.as_ref() != Some(&breakdown) {
                plan.status = solver::Status::Feasible { bound: None };
            }
            plan.groups = groups;
            plan.breakdown = Some(breakdown);
            r2.outcome = Outcome::Planned(Box::new(plan));
        }
        state.commit(&Staffing {
            outcome: r2.outcome.clone(),
            round: r2.round.clone(),
            unstaffed: r2.unstaffed.clone(),
        });
        out.push(r2);
    }
    let after = summary::summarise(p, &state, &out);
    let no_worse = after.repeat_pair <= before.repeat_pair
        && after.repeat_unit <= before.repeat_unit
        && after.objective_total <= before.objective_total
        && after.served_min == before.served_min
        && after.served_max == before.served_max
        && after.units_covered == before.units_covered
        && after.led_max <= before.led_max;
    let better = after.repeat_pair < before.repeat_pair
        || after.repeat_unit < before.repeat_unit
        || after.rounds_before_repeat_pair > before.rounds_before_repeat_pair
        || after.led_max < before.led_max
        || after.led_min > before.led_min;
    (no_worse && better).then_some((out, after))
}

/// Simulate the base (`opts`) and each variant on top of it; results in
/// order, the base first, labelled `base` and as each variant was written.
/// Variants run on `opts.threads` threads.
pub fn compare(
    s: &Scenario,
    opts: &SimOptions,
    variants: &[Variant],
) -> Result<Vec<(String, Simulation)>, SimError> {
    let mut all = vec![Variant {
        label: "base".into(),
        ..Variant::default()
    }];
    all.extend(variants.iter().cloned());
    let inner = SimOptions {
        threads: 1,
        ..opts.clone()
    };
    let runs = par_map(&all, opts.threads, |_, v| {
        let o = SimOptions {
            what_if: opts.what_if.merged(&v.what_if),
            assume_training: v.assume_training.unwrap_or(opts.assume_training),
            lookahead: v.lookahead.unwrap_or(opts.lookahead),
            ..inner.clone()
        };
        simulate(s, &o).map(|sim| (v.label.clone(), sim))
    });
    runs.into_iter().collect()
}

/// Units held by a history group of a round that started on or after `from`.
fn in_term_units(s: &Scenario, from: NaiveDate) -> BTreeSet<UnitIx> {
    s.history
        .iter()
        .filter(|h| h.start >= from)
        .flat_map(|h| h.groups.iter().flat_map(|g| g.units.iter().copied()))
        .collect()
}

/// The round about to be planned, with its units.
#[derive(Debug, Clone)]
pub struct Choice {
    pub round: Round,
    pub new_units: Vec<UnitIx>,
    pub refill: Vec<UnitIx>,
    pub note: Option<Note>,
}

/// The simulation so far: the working scenario, whose history grows by every
/// staffed round, and what the term has covered.
#[derive(Debug, Clone)]
pub struct State {
    pub s: Scenario,
    /// Units inspected in the term so far.
    pub covered: BTreeSet<UnitIx>,
    /// Per unit, the start of the last round that inspected it.
    pub last_seen: Vec<Option<NaiveDate>>,
    /// Index of the next slot to plan.
    pub next: usize,
    /// Assumed training records not yet in `s`.
    assumed: Vec<crate::scenario::TrainingRecord>,
    assume_from: usize,
}

impl State {
    pub fn new(p: &Prepared, absent: &[Vec<PersonIx>]) -> State {
        let mut s = p.base.clone();
        for (i, people) in absent.iter().enumerate() {
            let Some(slot) = p.slots.get(i) else { break };
            for &person in people {
                s.people[person.ix()].unavailable.push(slot.dates());
            }
        }
        let mut last_seen = vec![None; s.units.len()];
        for h in &s.history {
            for g in &h.groups {
                for &u in &g.units {
                    let seen: &mut Option<NaiveDate> = &mut last_seen[u.ix()];
                    *seen = Some(seen.map_or(h.start, |d: NaiveDate| d.max(h.start)));
                }
            }
        }
        let covered = in_term_units(&s, p.term_start);
        let mut state = State {
            s,
            covered,
            last_seen,
            next: 0,
            assumed: p.training.records.clone(),
            assume_from: p.training.from_slot,
        };
        state.assume_training();
        state
    }

    /// From the slot the training assumption applies to on, the working
    /// scenario holds the assumed records.
    fn assume_training(&mut self) {
        if self.next >= self.assume_from && !self.assumed.is_empty() {
            let records = std::mem::take(&mut self.assumed);
            self.s.training.records.extend(records);
        }
    }

    /// Units not yet inspected in the term.
    pub fn uncovered(&self) -> Vec<UnitIx> {
        self.s
            .unit_ixs()
            .filter(|u| !self.covered.contains(u))
            .collect()
    }

    /// The units of every remaining slot, the next one first.
    pub fn allocate(&self, p: &Prepared) -> coverage::Allocation {
        coverage::allocate(
            &self.s,
            &p.slots[self.next..],
            &self.uncovered(),
            &self.last_seen,
        )
    }

    /// The next round with its units.
    pub fn choose(&self, p: &Prepared) -> Choice {
        let slot = &p.slots[self.next];
        let alloc = self.allocate(p);
        let chosen = alloc.rounds.into_iter().next().unwrap_or_default();
        let note = match (&slot.fixed, chosen.fixed_kept) {
            (Some(units), false) => Some(Note::UnitsChosenAfresh {
                round: slot.id.clone(),
                units: units.len(),
                groups: slot.rules.groups,
                max_units: slot.rules.max_units_per_group,
            }),
            _ => None,
        };
        Choice {
            round: Round {
                id: slot.id.clone(),
                start: slot.start,
                end: slot.end,
                rules: slot.rules.clone(),
                units: chosen.units,
            },
            new_units: chosen.new_units,
            refill: chosen.refill,
            note,
        }
    }

    /// Plan `round` against the history so far. With `steering`, the solver
    /// sees extra, invented history rounds that bend its soft terms; the
    /// roster is then re-scored against the true history and, no longer
    /// proven optimal for the contract's objective, reported `feasible`.
    ///
    /// A round no roster can staff whole is staffed without the units the
    /// diagnosis shows cannot be (nobody may lead one, too few may serve
    /// there, a skill it needs nobody may bring), with no more groups than
    /// units left; those units are reported with their findings. When even
    /// the rest cannot be staffed, the whole round is reported infeasible.
    pub fn plan(
        &self,
        round: &Round,
        opts: &SimOptions,
        steering: Option<&[HistoryRound]>,
    ) -> Result<Staffing, SimError> {
        let whole = self.plan_whole(round, opts, steering)?;
        let mut unstaffed: Vec<Unstaffed> = Vec::new();
        let mut current = Staffing {
            outcome: whole.clone(),
            round: round.clone(),
            unstaffed: Vec::new(),
        };
        while let Some(plan) = current.outcome.plan() {
            if plan.status != solver::Status::Infeasible {
                break;
            }
            let mut blocked: Vec<UnitIx> = Vec::new();
            for f in &plan.diagnosis {
                if let Some(u) = f.blocked_unit() {
                    if !blocked.contains(&u) {
                        blocked.push(u);
                    }
                }
            }
            let rest: Vec<UnitIx> = current
                .round
                .units
                .iter()
                .copied()
                .filter(|u| !blocked.contains(u))
                .collect();
            if blocked.is_empty() || rest.is_empty() {
                break;
            }
            for &u in &blocked {
                unstaffed.push(Unstaffed {
                    unit: u,
                    why: plan
                        .diagnosis
                        .iter()
                        .filter(|f| f.blocked_unit() == Some(u))
                        .cloned()
                        .collect(),
                });
            }
            let mut smaller = current.round.clone();
            smaller.rules.groups = smaller.rules.groups.min(rest.len() as u32);
            smaller.units = rest;
            current = Staffing {
                outcome: self.plan_whole(&smaller, opts, steering)?,
                round: smaller,
                unstaffed: Vec::new(),
            };
        }
        if current.outcome.staffed() && !unstaffed.is_empty() {
            current.unstaffed = unstaffed;
            return Ok(current);
        }
        Ok(Staffing {
            outcome: whole,
            round: round.clone(),
            unstaffed: Vec::new(),
        })
    }

    /// Plan `round` as it is (see [`State::plan`]).
    fn plan_whole(
        &self,
        round: &Round,
        opts: &SimOptions,
        steering: Option<&[HistoryRound]>,
    ) -> Result<Outcome, SimError> {
        // A simulated round's diagnosis is reported; trying edits for each
        // of many rounds (and samples) would cost more than it tells.
        let plan_opts = PlanOptions {
            time_limit: opts.round_time_limit,
            suggest: false,
            ..PlanOptions::default()
        };
        let steered: Option<Scenario> = steering.filter(|x| !x.is_empty()).map(|extra| {
            let mut s = self.s.clone();
            s.history.extend(extra.iter().cloned());
            s
        });
        let scenario = steered.as_ref().unwrap_or(&self.s);
        // No retry on `ObjectiveMismatch`: it fires only on a modelling
        // bug, which a second, longer solve would hide.
        let result = solver::plan(scenario, round, &plan_opts);
        let mut plan = match result {
            Ok(plan) => plan,
            Err(PlanError::Timeout(seconds)) => return Ok(Outcome::TimedOut { seconds }),
            Err(source) => {
                return Err(SimError::Solver {
                    round: round.id.clone(),
                    error: source,
                })
            }
        };
        if steered.is_none() || plan.groups.is_empty() {
            return Ok(Outcome::Planned(Box::new(plan)));
        }
        match crate::roster_check::check(&self.s, round, &plan.groups) {
            Ok(b) => {
                plan.breakdown = Some(b);
                plan.status = solver::Status::Feasible { bound: None };
                Ok(Outcome::Planned(Box::new(plan)))
            }
            Err(violations) => Err(SimError::Solver {
                round: round.id.clone(),
                error: PlanError::InvalidRoster(violations),
            }),
        }
    }

    /// Record a planned round: its roster joins the history and the units
    /// it staffs count as covered.
    pub fn commit(&mut self, staffing: &Staffing) {
        let (round, outcome) = (&staffing.round, &staffing.outcome);
        self.next += 1;
        self.assume_training();
        if !outcome.staffed() {
            return;
        }
        for &u in &round.units {
            self.covered.insert(u);
            let seen = &mut self.last_seen[u.ix()];
            *seen = Some(seen.map_or(round.start, |d| d.max(round.start)));
        }
        self.s.history.push(HistoryRound {
            id: round.id.clone(),
            start: round.start,
            end: round.end,
            groups: outcome.groups().to_vec(),
        });
    }
}

/// Map `items` to results on up to `threads` threads; results keep the
/// order of `items` whatever the scheduling.
pub(crate) fn par_map<T: Sync, R: Send>(
    items: &[T],
    threads: usize,
    f: impl Fn(usize, &T) -> R + Sync,
) -> Vec<R> {
    let threads = threads.clamp(1, items.len().max(1));
    if threads == 1 {
        return items.iter().enumerate().map(|(i, t)| f(i, t)).collect();
    }
    let next = std::sync::atomic::AtomicUsize::new(0);
    let slots: Vec<std::sync::Mutex<Option<R>>> =
        items.iter().map(|_| std::sync::Mutex::new(None)).collect();
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| loop {
                let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                if i >= items.len() {
                    break;
                }
                let r = f(i, &items[i]);
                *slots[i].lock().unwrap_or_else(|e| e.into_inner()) = Some(r);
            });
        }
    });
    slots
        .into_iter()
        .map(|m| {
            m.into_inner()
                .unwrap_or_else(|e| e.into_inner())
                .expect("every item was mapped")
        })
        .collect()
}
