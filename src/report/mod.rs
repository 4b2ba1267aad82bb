//! Everything printed: tables for people, JSON and CSV for programs. This
//! is the one layer that turns facts into words, through the catalogue in
//! [`i18n`]; the layers below return data.

pub mod cell;
pub mod check;
pub mod conflicts;
pub mod diagnosis;
pub mod draw;
pub mod errors;
pub mod exclusion;
pub mod html;
pub mod i18n;
pub mod lifecycle;
pub mod plan;
pub mod pool;
pub mod score;
pub mod sheet;
pub mod simulate;
pub mod suggest;
pub mod table;
pub mod training;
pub mod usage;
pub mod violation;
pub mod why;
pub mod workbook;
pub mod xlsx;

use crate::ids::{PersonIx, UnitIx};
use crate::scenario::Scenario;
use crate::t;
use i18n::Words;

/// `name (id)` in the language's punctuation: how people, units and
/// villages are named in tables and sentences. Both come from input, so
/// both are [`table::clean`]ed.
pub fn named(w: &Words, name: &str, id: &str) -> String {
    t!(w, "named", name = table::clean(name), id = table::clean(id))
}

/// A unit as `青山镇（T01）`.
pub fn unit_label(w: &Words, s: &Scenario, u: UnitIx) -> String {
    named(w, s.unit_name(u), &s.unit(u).id)
}

/// A person as `张伟（P001）`.
pub fn person_label(w: &Words, s: &Scenario, p: PersonIx) -> String {
    named(w, s.person_name(p), &s.person(p).id)
}
