//! Verified suggestions in words (`plan`, `report`; docs/suggestions.md).

use crate::report::i18n::Words;
use crate::report::{person_label, unit_label};
use crate::scenario::Scenario;
use crate::solver::suggest::{Change, Suggestion};
use crate::t;

/// One change as the office would make it.
pub fn change(w: &Words, s: &Scenario, c: &Change) -> String {
    match c {
        Change::Groups(n) => t!(w, "suggest-groups", n = *n),
        Change::MaxUnitsPerGroup(n) => t!(w, "suggest-max-units", n = *n),
        Change::GroupSizeMin(n) => t!(w, "suggest-size-min", n = *n),
        Change::MaxRetired(n) => t!(w, "suggest-max-retired", n = *n),
        Change::DropRequiredSkill(k) => t!(
            w,
            "suggest-drop-skill",
            skill = w.skill(s.skill_name(*k)).into_owned()
        ),
        Change::PostponeUnit(u) => t!(w, "suggest-postpone", unit = unit_label(w, s, *u)),
        Change::Waive { person, unit } => t!(
            w,
            "suggest-waive",
            person = person_label(w, s, *person),
            unit = unit_label(w, s, *unit)
        ),
    }
}

/// The suggestions, one a line, or that none was found.
pub fn list(w: &Words, s: &Scenario, suggestions: &[Suggestion]) -> String {
    let mut out = String::new();
    if suggestions.is_empty() {
        out.push_str(&t!(w, "suggest-none"));
        out.push('\n');
        return out;
    }
    out.push_str(&t!(w, "suggest-heading"));
    out.push('\n');
    for x in suggestions {
        let changes: Vec<String> = x.changes.iter().map(|c| change(w, s, c)).collect();
        out.push_str("  - ");
        out.push_str(&changes.join(&t!(w, "suggest-and")));
        out.push('\n');
    }
    out
}
