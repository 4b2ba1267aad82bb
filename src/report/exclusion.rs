//! Why a person cannot serve in a round, or how their training stands: the
//! one renderer of [`Exclusion`] and [`Standing`], used by `check`, `why`,
//! `replace`, `repair`, `draw` and the training report, so they all say the
//! same thing. A leader who lacks the leader course is described by the
//! course, not by hours they have.

use super::i18n::Words;
use crate::eligibility::Exclusion;
use crate::t;
use crate::training::{fmt_hours, Standing};

/// The parts of a standing: the exemption of someone new to the pool, the
/// hours missing, the leader course missing; `trained` when none applies.
fn standing_parts(w: &Words, st: &Standing) -> Vec<String> {
    let mut parts = Vec::new();
    if let Some(until) = st.grace_until {
        parts.push(t!(w, "excl-grace", until = until.to_string()));
    }
    if st.hours_short() {
        parts.push(t!(
            w,
            "excl-short",
            hours = fmt_hours(st.hours),
            required = fmt_hours(st.required),
            missing = fmt_hours(st.required - st.hours)
        ));
    }
    if let Some(c) = &st.missing_course {
        parts.push(course(w, c));
    }
    if parts.is_empty() {
        parts.push(t!(
            w,
            "excl-trained",
            hours = fmt_hours(st.hours),
            required = fmt_hours(st.required)
        ));
    }
    parts
}

/// A leader's missing course, as `没有计入的组长培训课程“…”记录`.
pub fn course(w: &Words, c: &str) -> String {
    t!(w, "excl-course", course = super::table::clean(c))
}

/// A person's training standing in words: `学时不足：32/40 学时（缺 8 学时）`.
pub fn standing(w: &Words, st: &Standing) -> String {
    join(w, standing_parts(w, st))
}

/// One reason a person cannot serve.
pub fn exclusion(w: &Words, e: &Exclusion) -> String {
    match e {
        Exclusion::Unavailable(d) => t!(
            w,
            "excl-unavailable",
            from = d.from.to_string(),
            to = d.to.to_string()
        ),
        Exclusion::Training(st) => standing(w, st),
        Exclusion::Pool(o) => out_of_rotation(w, o),
    }
}

/// Why a member is out of rotation (docs/pool.md), as `不称职（2026-R2），暂停参加巡察第 1/2 轮`.
pub fn out_of_rotation(w: &Words, o: &crate::pool::Out) -> String {
    use crate::pool::Out;
    match o {
        Out::NotYetIn { since } => t!(w, "excl-not-yet-in-pool", since = since.to_string()),
        Out::Leaves { until } => t!(w, "excl-leaves-pool", until = until.to_string()),
        Out::Unfit { round, nth, of } => t!(
            w,
            "excl-unfit",
            round = round.as_str(),
            nth = *nth,
            of = *of
        ),
    }
}

/// All reasons a member is out of rotation, in one cell.
pub fn rotation(w: &Words, outs: &[crate::pool::Out]) -> String {
    join(w, outs.iter().map(|o| out_of_rotation(w, o)).collect())
}

/// All reasons a person cannot serve, in one cell.
pub fn exclusions(w: &Words, es: &[Exclusion]) -> String {
    join(w, es.iter().map(|e| exclusion(w, e)).collect())
}

fn join(w: &Words, parts: Vec<String>) -> String {
    parts.join(&t!(w, "excl-sep"))
}
