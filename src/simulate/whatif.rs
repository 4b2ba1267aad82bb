//! What-if variants without editing the file: people leave the pool, the
//! office fields more or fewer groups of another size, the calendar gains,
//! loses or shifts rounds. Each is a change to a copy of the scenario.

use std::collections::BTreeSet;
use std::str::FromStr;

use chrono::{Datelike, Months, NaiveDate};

use super::{Note, SimError};
use crate::scenario::{Entity, Scenario, TermRound};

/// Changes to the scenario. `None`/empty: as in the file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WhatIf {
    /// Ids of people who leave the pool.
    pub without: Vec<String>,
    /// Groups in every simulated round.
    pub groups: Option<u32>,
    /// Group size (min, max) in every simulated round.
    pub group_size: Option<(u32, u32)>,
    /// Keep this many of `term.rounds`, or add rounds in the same rhythm up
    /// to this many.
    pub rounds: Option<usize>,
    /// Move every term round (not the scenario's `round`) this many months.
    pub shift_months: Option<i32>,
}

impl WhatIf {
    pub fn is_empty(&self) -> bool {
        *self == WhatIf::default()
    }

    /// `self` with `over` on top: `over`'s settings win, `without` lists join.
    pub fn merged(&self, over: &WhatIf) -> WhatIf {
        let mut without = self.without.clone();
        for id in &over.without {
            if !without.contains(id) {
                without.push(id.clone());
            }
        }
        WhatIf {
            without,
            groups: over.groups.or(self.groups),
            group_size: over.group_size.or(self.group_size),
            rounds: over.rounds.or(self.rounds),
            shift_months: over.shift_months.or(self.shift_months),
        }
    }
}

/// `4-6` → (4, 6).
pub fn parse_group_size(text: &str) -> Result<(u32, u32), String> {
    let bad = || format!("group size {text:?}: write MIN-MAX, e.g. 4-6");
    let (a, b) = text.split_once('-').ok_or_else(bad)?;
    let min: u32 = a.trim().parse().map_err(|_| bad())?;
    let max: u32 = b.trim().parse().map_err(|_| bad())?;
    if min == 0 || min > max {
        return Err(format!(
            "group size {text:?}: the minimum must be at least 1 and at most the maximum"
        ));
    }
    Ok((min, max))
}

/// `P014,P033` → ["P014", "P033"] (spaces and empty items ignored).
pub fn parse_ids(text: &str) -> Vec<String> {
    text.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(String::from)
        .collect()
}

/// One column of `--compare`: what-ifs and settings on top of the base run,
/// written `key=value` separated by spaces, e.g. `without=P014,P033 groups=6`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Variant {
    /// As the user wrote it.
    pub label: String,
    pub what_if: WhatIf,
    /// `training=assumed|recorded`.
    pub assume_training: Option<bool>,
    /// `lookahead=K`.
    pub lookahead: Option<usize>,
}

pub const VARIANT_KEYS: &str = "without=IDS, groups=N, group-size=MIN-MAX, rounds=N, \
shift-months=N, training=assumed|recorded, lookahead=K";

impl FromStr for Variant {
    type Err = String;
    fn from_str(text: &str) -> Result<Self, String> {
        let mut v = Variant {
            label: text.split_whitespace().collect::<Vec<_>>().join(" "),
            ..Variant::default()
        };
        if v.label.is_empty() {
            return Err(format!(
                "an empty variant: give one or more of {VARIANT_KEYS}"
            ));
        }
        if v.label == "base" {
            return Ok(v);
        }
        for item in text.split_whitespace() {
            let (key, value) = item
                .trim_start_matches("--")
                .split_once('=')
                .ok_or_else(|| {
                    format!("variant item {item:?}: write key=value ({VARIANT_KEYS})")
                })?;
            let number = |what: &str| -> Result<i64, String> {
                value
                    .parse::<i64>()
                    .map_err(|_| format!("variant item {item:?}: {what} must be a whole number"))
            };
            match key {
                "without" => v.what_if.without.extend(parse_ids(value)),
                "groups" => {
                    let n = number("groups")?;
                    if !(1..=10_000).contains(&n) {
                        return Err(format!("variant item {item:?}: groups must be at least 1"));
                    }
                    v.what_if.groups = Some(n as u32);
                }
                "group-size" => v.what_if.group_size = Some(parse_group_size(value)?),
                "rounds" => {
                    let n = number("rounds")?;
                    if !(0..=1_000).contains(&n) {
                        return Err(format!("variant item {item:?}: rounds must be 0 to 1000"));
                    }
                    v.what_if.rounds = Some(n as usize);
                }
                "shift-months" => {
                    let n = number("shift-months")?;
                    if !(-120..=120).contains(&n) {
                        return Err(format!(
                            "variant item {item:?}: shift-months must be -120 to 120"
                        ));
                    }
                    v.what_if.shift_months = Some(n as i32);
                }
                "training" => {
                    v.assume_training = Some(match value {
                        "assumed" => true,
                        "recorded" => false,
                        _ => {
                            return Err(format!(
                                "variant item {item:?}: training is `assumed` or `recorded`"
                            ))
                        }
                    })
                }
                "lookahead" => {
                    let n = number("lookahead")?;
                    if !(1..=10).contains(&n) {
                        return Err(format!("variant item {item:?}: lookahead must be 1 to 10"));
                    }
                    v.lookahead = Some(n as usize);
                }
                _ => {
                    return Err(format!(
                        "variant item {item:?}: unknown key {key:?} (known: {VARIANT_KEYS})"
                    ))
                }
            }
        }
        Ok(v)
    }
}

fn shift(d: NaiveDate, months: i32) -> Option<NaiveDate> {
    if months >= 0 {
        d.checked_add_months(Months::new(months as u32))
    } else {
        d.checked_sub_months(Months::new(months.unsigned_abs()))
    }
}

/// The scenario with `w` applied, and the changes in words.
pub fn apply(s: &Scenario, w: &WhatIf) -> Result<(Scenario, Vec<Note>), SimError> {
    let mut v = s.clone();
    let mut notes = Vec::new();

    if !w.without.is_empty() {
        let mut gone = BTreeSet::new();
        for id in &w.without {
            match s.lookup(id) {
                Some(Entity::Person(p)) if s.person(p).pool => {
                    v.people[p.ix()].pool = false;
                    gone.insert(id.clone());
                }
                Some(Entity::Person(_)) => {
                    return Err(SimError::Option(format!(
                        "--without {id}: {id} is not a pool member (pool: true)"
                    )))
                }
                _ => {
                    return Err(SimError::Option(format!(
                        "--without {id}: no person with this id in the scenario"
                    )))
                }
            }
        }
        notes.push(Note::WithoutPeople {
            ids: gone.into_iter().collect(),
            remaining: v.pool().count(),
        });
    }

    if let Some(n) = w.rounds {
        let Some(term) = v.term.as_mut() else {
            return Err(SimError::Option(
                "--rounds: the scenario has no `term` whose rounds could be kept or extended"
                    .into(),
            ));
        };
        let before = term.rounds.len();
        if n < before {
            term.rounds.truncate(n);
            notes.push(Note::RoundsKept {
                kept: n,
                of: before,
            });
        } else if n > before {
            let base = v.round.as_ref().map(|r| TermRound {
                id: r.id.clone(),
                start: r.start,
                end: r.end,
                rules: r.rules.clone(),
            });
            if base.is_none() && term.rounds.is_empty() {
                return Err(SimError::Option(
                    "--rounds: there is neither a `round` nor a term round to repeat".into(),
                ));
            }
            extend(term, base, n);
            notes.push(added_note(term, before));
        }
    }
    finish(v, w, notes, s)
}

fn added_note(term: &crate::scenario::Term, before: usize) -> Note {
    Note::RoundsAdded {
        rounds: term.rounds[before..]
            .iter()
            .map(|r| (r.id.clone(), r.start, r.end))
            .collect(),
    }
}

/// Add rounds to `term` until it has `n`: each repeats the round two before
/// it a year later (one before it, half a year later, when there is only one).
fn extend(term: &mut crate::scenario::Term, base: Option<TermRound>, n: usize) {
    let mut ids: BTreeSet<String> = term.rounds.iter().map(|r| r.id.clone()).collect();
    if let Some(b) = &base {
        ids.insert(b.id.clone());
    }
    while term.rounds.len() < n {
        let seq: Vec<&TermRound> = base.iter().chain(term.rounds.iter()).collect();
        let (template, months) = match seq.len() {
            0 => return,
            1 => (seq[0], 6),
            k => (seq[k - 2], 12),
        };
        let start = shift(template.start, months).unwrap_or(template.start);
        let end = shift(template.end, months).unwrap_or(template.end);
        let mut id = renumber(&template.id, template.start.year(), start.year())
            .unwrap_or_else(|| format!("{}+", template.id));
        let stem = id.clone();
        let mut k = 2;
        while ids.contains(&id) {
            id = format!("{stem}-{k}");
            k += 1;
        }
        ids.insert(id.clone());
        let rules = template.rules.clone();
        term.rounds.push(TermRound {
            id,
            start,
            end,
            rules,
        });
    }
}

/// `2030-R1` of 2030 → `2031-R1` for 2031: ids that start with their year.
fn renumber(id: &str, from: i32, to: i32) -> Option<String> {
    let year = from.to_string();
    id.strip_prefix(&year).map(|rest| format!("{to}{rest}"))
}

fn finish(
    mut v: Scenario,
    w: &WhatIf,
    mut notes: Vec<Note>,
    original: &Scenario,
) -> Result<(Scenario, Vec<Note>), SimError> {
    if let Some(months) = w.shift_months.filter(|m| *m != 0) {
        if let Some(term) = v.term.as_mut() {
            for r in &mut term.rounds {
                match (shift(r.start, months), shift(r.end, months)) {
                    (Some(a), Some(b)) => {
                        r.start = a;
                        r.end = b;
                    }
                    _ => {
                        return Err(SimError::Option(format!(
                            "--shift-months {months}: round {} would leave the calendar",
                            r.id
                        )))
                    }
                }
            }
            notes.push(Note::Shifted {
                months,
                round_to_plan: original.round.as_ref().map(|r| r.id.clone()),
            });
        }
    }
    if w.groups == Some(0) {
        return Err(SimError::Option("--groups 0: at least one group".into()));
    }
    if let Some((min, max)) = w.group_size {
        if min == 0 || min > max {
            return Err(SimError::Option(format!(
                "--group-size {min}-{max}: the minimum must be at least 1 and at most the maximum"
            )));
        }
    }
    if w.groups.is_some() || w.group_size.is_some() {
        let mut all_rules: Vec<&mut crate::scenario::RoundRules> = Vec::new();
        if let Some(r) = v.round.as_mut() {
            all_rules.push(&mut r.rules);
        }
        if let Some(t) = v.term.as_mut() {
            all_rules.extend(t.rounds.iter_mut().map(|r| &mut r.rules));
        }
        for rules in all_rules {
            if let Some(g) = w.groups {
                rules.groups = g;
            }
            if let Some((min, max)) = w.group_size {
                rules.size_min = min;
                rules.size_max = max;
            }
        }
        notes.push(Note::RulesChanged {
            groups: w.groups,
            group_size: w.group_size,
        });
    }
    Ok((v, notes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variants_parse() {
        let v: Variant = "without=P014,P033  groups=6 group-size=4-5 training=recorded lookahead=2"
            .parse()
            .unwrap();
        assert_eq!(
            v.label,
            "without=P014,P033 groups=6 group-size=4-5 training=recorded lookahead=2"
        );
        assert_eq!(v.what_if.without, vec!["P014", "P033"]);
        assert_eq!(v.what_if.groups, Some(6));
        assert_eq!(v.what_if.group_size, Some((4, 5)));
        assert_eq!(v.assume_training, Some(false));
        assert_eq!(v.lookahead, Some(2));
        assert!("groups=0".parse::<Variant>().is_err());
        assert!("colour=red".parse::<Variant>().is_err());
        assert!("group-size=5-4".parse::<Variant>().is_err());
        assert!("groups".parse::<Variant>().is_err());
        assert_eq!(
            "base".parse::<Variant>().unwrap().what_if,
            WhatIf::default()
        );
    }

    #[test]
    fn merged_keeps_both_lists() {
        let a = WhatIf {
            without: vec!["P1".into()],
            groups: Some(3),
            ..WhatIf::default()
        };
        let b = WhatIf {
            without: vec!["P2".into(), "P1".into()],
            groups: Some(5),
            ..WhatIf::default()
        };
        let m = a.merged(&b);
        assert_eq!(m.without, vec!["P1", "P2"]);
        assert_eq!(m.groups, Some(5));
    }

    #[test]
    fn renumbering() {
        assert_eq!(renumber("2030-R1", 2030, 2031).as_deref(), Some("2031-R1"));
        assert_eq!(renumber("spring", 2030, 2031), None);
    }
}
