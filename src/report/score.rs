//! The score analysis in words: the weighted sum, then every match behind
//! each soft term ([`crate::score::Breakdown`] holds them as data). Groups
//! are numbered from 1.

use crate::ids::{PersonIx, UnitIx};
use crate::report::i18n::Words;
use crate::scenario::Scenario;
use crate::score::Breakdown;
use crate::t;

/// A person by name and id, or the id alone when they have no name.
fn person(w: &Words, s: &Scenario, p: PersonIx) -> String {
    if s.person_name(p) == s.person(p).id {
        s.person(p).id.clone()
    } else {
        crate::report::person_label(w, s, p)
    }
}

fn unit(w: &Words, s: &Scenario, u: UnitIx) -> String {
    if s.unit_name(u) == s.unit(u).id {
        s.unit(u).id.clone()
    } else {
        crate::report::unit_label(w, s, u)
    }
}

/// The analysis, one line per term and one indented line per match.
pub fn analysis(w: &Words, s: &Scenario, b: &Breakdown) -> String {
    let o = &b.objective;
    let k = s.weights;
    let mut out = t!(
        w,
        "score-headline",
        total = o.total,
        wu = k.repeat_unit,
        ru = o.repeat_unit,
        wp = k.repeat_pair,
        rp = o.repeat_pair,
        ww = k.workload,
        wl = o.workload,
        wb = k.balance,
        bal = o.balance
    );
    if k.reserve > 0 {
        out.push_str(&t!(
            w,
            "score-headline-reserve",
            wr = k.reserve,
            rr = o.reserve
        ));
    }
    out.push('\n');
    let term = |out: &mut String, line: String| {
        out.push_str("  ");
        out.push_str(&line);
        out.push('\n');
    };
    let rounds = |r: &[String]| w.list(r);
    term(
        &mut out,
        if b.unit_repeats.is_empty() {
            t!(w, "score-repeat-unit-none", n = o.repeat_unit)
        } else {
            t!(w, "score-repeat-unit", n = o.repeat_unit)
        },
    );
    for r in &b.unit_repeats {
        out.push_str("    ");
        out.push_str(&t!(
            w,
            "score-unit-again",
            group = r.group + 1,
            person = person(w, s, r.person),
            unit = unit(w, s, r.unit),
            rounds = rounds(&r.rounds)
        ));
        out.push('\n');
    }
    term(
        &mut out,
        if b.pair_repeats.is_empty() {
            t!(w, "score-repeat-pair-none", n = o.repeat_pair)
        } else {
            t!(w, "score-repeat-pair", n = o.repeat_pair)
        },
    );
    for r in &b.pair_repeats {
        out.push_str("    ");
        out.push_str(&t!(
            w,
            "score-pair-again",
            group = r.group + 1,
            a = person(w, s, r.a),
            b = person(w, s, r.b),
            rounds = rounds(&r.rounds)
        ));
        out.push('\n');
    }
    term(
        &mut out,
        if b.loads.is_empty() {
            t!(w, "score-workload-none", n = o.workload)
        } else {
            t!(w, "score-workload", n = o.workload)
        },
    );
    for l in &b.loads {
        out.push_str("    ");
        out.push_str(&t!(
            w,
            "score-load",
            group = l.group + 1,
            person = person(w, s, l.person),
            n = l.rounds.len(),
            rounds = rounds(&l.rounds)
        ));
        out.push('\n');
    }
    out.push_str("  ");
    if b.group_weights.is_empty() {
        out.push_str(&t!(w, "score-balance-none", n = o.balance));
    } else {
        let weights: Vec<String> = b
            .group_weights
            .iter()
            .enumerate()
            .map(|(g, x)| t!(w, "score-group-weight", weight = *x, group = g + 1))
            .collect();
        out.push_str(&t!(
            w,
            "score-balance",
            n = o.balance,
            weights = w.list(&weights)
        ));
    }
    if k.reserve > 0 {
        out.push('\n');
        term(
            &mut out,
            if b.reserve_unseated.is_empty() {
                t!(w, "score-reserve-none", n = o.reserve)
            } else {
                t!(
                    w,
                    "score-reserve",
                    n = o.reserve,
                    who = w.list(b.reserve_unseated.iter().map(|p| person(w, s, *p)))
                )
            },
        );
        out.pop();
    }
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::i18n::Lang;
    use crate::score::breakdown;
    use crate::score::tests::{roster, scenario};

    fn en() -> Words {
        Words::new(Lang::En)
    }

    #[test]
    fn the_analysis_names_every_match() {
        let s = scenario();
        let text = analysis(
            &en(),
            &s,
            &breakdown(&s, s.round.as_ref().unwrap(), &roster(&s)),
        );
        let first = text.lines().next().unwrap();
        assert_eq!(
            first,
            "score 132 = 3×5 repeat_unit + 5×5 repeat_pair + 7×10 workload + 11×2 balance"
        );
        assert!(
            text.contains(
                "group 1: 张伟 (A01) inspects 青山镇 (T01) again (also in 2025-R1, 2025-R2)"
            ),
            "{text}"
        );
        assert!(
            text.contains("group 1: 张伟 (A01) & 王芳 (A02) met in 2025-R1, 2025-R2"),
            "{text}"
        );
        // A05 has no name: shown by id alone.
        assert!(
            text.contains("group 2: A05 2 rounds (2025-R1, 2025-R2)"),
            "{text}"
        );
        assert!(
            text.contains("group 1: 杨磊 (A06) 1 round (2025-R2)"),
            "{text}"
        );
        assert!(
            text.contains("balance 2: unit weight per group 4 (group 1), 2 (group 2)"),
            "{text}"
        );
        // One line per match plus the headers.
        assert_eq!(text.lines().count(), 1 + 4 + 5 + 5 + 6);
    }

    #[test]
    fn empty_terms_are_one_line_each() {
        let mut s = scenario();
        s.history.clear();
        let text = analysis(&en(), &s, &breakdown(&s, s.round.as_ref().unwrap(), &[]));
        assert_eq!(
            text,
            "score 0 = 3×0 repeat_unit + 5×0 repeat_pair + 7×0 workload + 11×0 balance\n  repeat_unit 0\n  repeat_pair 0\n  workload 0\n  balance 0: no groups\n"
        );
    }

    #[test]
    fn the_analysis_reads_in_chinese() {
        let s = scenario();
        let text = analysis(
            &Words::new(Lang::Zh),
            &s,
            &breakdown(&s, s.round.as_ref().unwrap(), &roster(&s)),
        );
        assert!(
            text.starts_with("目标值 132 = 3×5（重复巡察同一单位）"),
            "{text}"
        );
        assert!(
            text.contains("第 1 组：张伟（A01）与王芳（A02）曾同组（2025-R1、2025-R2）"),
            "{text}"
        );
        assert!(
            text.contains("第 2 组：A05，此前 2 轮（2025-R1、2025-R2）"),
            "{text}"
        );
    }
}
