//! `xuncha why` in words and as JSON: the facts of [`crate::lifecycle::why`].

use serde::Serialize;

use super::i18n::Words;
use super::lifecycle::{briefs, group_label, violation_json, ViolationJson};
use super::person_label;
use crate::lifecycle::why::{Move, Out, ScorePart, Why};
use crate::scenario::{Group, Round, Scenario};
use crate::t;

fn move_label(w: &Words, s: &Scenario, m: &Move, inside: bool) -> String {
    match (m, inside) {
        (Move::Join, true) => t!(w, "why-move-there"),
        (Move::Join, false) => t!(w, "why-join"),
        (Move::Swap(q), true) => t!(w, "why-swap", who = person_label(w, s, *q)),
        (Move::Swap(q), false) => t!(w, "why-take-seat", who = person_label(w, s, *q)),
    }
}

fn out_words(w: &Words, o: &Out) -> String {
    match o {
        Out::NotInPool => t!(w, "why-out-not-in-pool"),
        Out::Excluded(e) => super::exclusion::exclusion(w, e),
    }
}

fn served(w: &Words, rounds: &[String]) -> String {
    if rounds.is_empty() {
        t!(w, "why-served-none")
    } else {
        t!(w, "why-served", n = rounds.len(), rounds = w.list(rounds))
    }
}

fn conflict(w: &Words, s: &Scenario, c: &crate::recusal::Conflict) -> String {
    t!(
        w,
        "why-conflict",
        conflict = crate::report::conflicts::brief(w, s, c),
        unit = s.unit_name(c.unit)
    )
}

/// The answer for people.
pub fn render(w: &Words, s: &Scenario, round: &Round, groups: &[Group], y: &Why) -> String {
    let p = y.person;
    let mut out = String::new();
    let sep = t!(w, "lc-brief-sep");
    match &y.seat {
        Some(seat) => {
            out.push_str(&if seat.leads {
                t!(
                    w,
                    "why-head-leads",
                    who = person_label(w, s, p),
                    group = group_label(w, s, groups, seat.group),
                    round = round.id.as_str()
                )
            } else {
                t!(
                    w,
                    "why-head-serves",
                    who = person_label(w, s, p),
                    group = group_label(w, s, groups, seat.group),
                    round = round.id.as_str()
                )
            });
            out.push('\n');
            let units: Vec<&str> = groups[seat.group]
                .units
                .iter()
                .map(|u| s.unit_name(*u))
                .collect();
            let mut line = |text: String| {
                out.push_str("  ");
                out.push_str(&text);
                out.push('\n');
            };
            if seat.conflicts.is_empty() {
                line(t!(w, "why-no-conflict", units = w.list(&units)));
            } else {
                let cs: Vec<String> = seat.conflicts.iter().map(|c| conflict(w, s, c)).collect();
                line(t!(w, "why-conflicts", conflicts = cs.join(&sep)));
            }
            if !seat.lead_only.is_empty() {
                let cs: Vec<String> = seat.lead_only.iter().map(|c| conflict(w, s, c)).collect();
                line(t!(w, "why-lead-only", conflicts = cs.join(&sep)));
            }
            for (c, reason) in &seat.waived {
                line(t!(
                    w,
                    "why-waived",
                    conflict = conflict(w, s, c),
                    reason = reason.as_str()
                ));
            }
            line(if seat.trained {
                t!(w, "why-available-trained")
            } else {
                t!(w, "why-available")
            });
            if seat.brings.is_empty() {
                let all: Vec<String> = seat
                    .needs
                    .iter()
                    .map(|k| w.skill(s.skill_name(*k)).into_owned())
                    .collect();
                line(if all.is_empty() {
                    t!(w, "why-brings-nothing-needed")
                } else {
                    t!(w, "why-brings-none", needs = w.list(all))
                });
            } else {
                let parts: Vec<String> = seat
                    .brings
                    .iter()
                    .map(|(k, others)| {
                        let skill = w.skill(s.skill_name(*k)).into_owned();
                        if others.is_empty() {
                            t!(w, "why-skill-alone", skill = skill)
                        } else {
                            let names: Vec<String> =
                                others.iter().map(|m| person_label(w, s, *m)).collect();
                            t!(w, "why-skill-shared", skill = skill, others = w.list(names))
                        }
                    })
                    .collect();
                line(t!(w, "why-brings", skills = w.list(parts)));
            }
            if let Some(others) = &seat.other_leaders {
                line(if others.is_empty() {
                    t!(w, "why-only-leader")
                } else {
                    let names: Vec<String> =
                        others.iter().map(|m| person_label(w, s, *m)).collect();
                    t!(w, "why-other-leaders", others = w.list(names))
                });
            }
            if let Some((n, max)) = seat.retired {
                line(match max {
                    Some(m) => t!(w, "why-retired-max", n = n, max = m),
                    None => t!(w, "why-retired", n = n),
                });
            }
            line(served(w, &y.rounds));
            if y.score.is_empty() {
                line(t!(w, "why-score-nothing"));
            } else {
                let total: u64 = y.score.iter().map(ScorePart::points).sum();
                let parts: Vec<String> = y
                    .score
                    .iter()
                    .map(|part| match part {
                        ScorePart::Workload { weight, rounds } => {
                            t!(w, "why-part-workload", weight = *weight, rounds = *rounds)
                        }
                        ScorePart::RepeatUnit {
                            weight,
                            unit,
                            rounds,
                        } => t!(
                            w,
                            "why-part-repeat-unit",
                            weight = *weight,
                            unit = s.unit_name(*unit),
                            rounds = w.list(rounds)
                        ),
                        ScorePart::RepeatPair {
                            weight,
                            other,
                            rounds,
                        } => t!(
                            w,
                            "why-part-repeat-pair",
                            weight = *weight,
                            who = person_label(w, s, *other),
                            rounds = w.list(rounds)
                        ),
                    })
                    .collect();
                line(t!(w, "why-score", total = total, parts = parts.join(" + ")));
            }
        }
        None => {
            out.push_str(&t!(
                w,
                "why-head-outside",
                who = person_label(w, s, p),
                round = round.id.as_str()
            ));
            out.push('\n');
            if !y.out.is_empty() {
                let reasons: Vec<String> = y.out.iter().map(|o| out_words(w, o)).collect();
                out.push_str(&format!(
                    "  {}\n",
                    t!(w, "why-cannot-serve", reasons = reasons.join(&sep))
                ));
                return out;
            }
            let skills: Vec<String> = s
                .person(p)
                .skills
                .iter()
                .map(|k| w.skill(s.skill_name(*k)).into_owned())
                .collect();
            let skills = if skills.is_empty() {
                "-".to_string()
            } else {
                w.list(skills)
            };
            out.push_str(&format!(
                "  {}\n",
                t!(
                    w,
                    "why-outside-facts",
                    skills = skills,
                    served = served(w, &y.rounds)
                )
            ));
        }
    }
    if !y.already.is_empty() {
        out.push_str(&format!(
            "  {}\n",
            t!(w, "why-already", briefs = briefs(w, s, &y.already, None))
        ));
    }
    if y.unit_in_own_group || y.prospects.is_empty() {
        return out;
    }
    let inside = y.seat.is_some();
    out.push('\n');
    out.push_str(&if inside {
        t!(w, "why-moving", score = y.before.objective.total)
    } else {
        t!(w, "why-bringing", score = y.before.objective.total)
    });
    out.push('\n');
    for pr in &y.prospects {
        let label = group_label(w, s, groups, pr.group);
        let text = if let Some((m, _, b)) = &pr.best {
            let delta = b.objective.total as i64 - y.before.objective.total as i64;
            t!(
                w,
                "why-prospect",
                group = label,
                how = move_label(w, s, m, inside),
                score = b.objective.total,
                delta = format!("{delta:+}")
            )
        } else if !pr.always.is_empty() {
            t!(
                w,
                "why-prospect-never",
                group = label,
                briefs = briefs(w, s, &pr.always, Some(p))
            )
        } else if let Some((m, vs)) = &pr.closest {
            t!(
                w,
                "why-prospect-closest",
                group = label,
                how = move_label(w, s, m, inside),
                briefs = briefs(w, s, vs, Some(p))
            )
        } else {
            continue;
        };
        out.push_str(&format!("  {text}\n"));
    }
    out
}

#[derive(Debug, Serialize)]
struct WhyJson {
    format: u32,
    round: String,
    person: String,
    /// 1-based group, absent when outside the roster.
    #[serde(skip_serializing_if = "Option::is_none")]
    group: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    role: Option<&'static str>,
    score: u64,
    /// Why they cannot serve this round (outside the roster): codes.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    cannot_serve: Vec<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    seat: Option<SeatJson>,
    rounds: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    already: Vec<ViolationJson>,
    prospects: Vec<ProspectJson>,
}

#[derive(Debug, Serialize)]
struct ConflictJson {
    unit: String,
    rule: &'static str,
    detail: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    waiver: Option<String>,
}

#[derive(Debug, Serialize)]
struct SeatJson {
    conflicts: Vec<ConflictJson>,
    lead_only: Vec<ConflictJson>,
    waived: Vec<ConflictJson>,
    needs: Vec<String>,
    brings: Vec<BringsJson>,
    #[serde(skip_serializing_if = "Option::is_none")]
    other_leaders: Option<Vec<String>>,
    score_parts: Vec<PartJson>,
}

#[derive(Debug, Serialize)]
struct BringsJson {
    skill: String,
    also: Vec<String>,
}

#[derive(Debug, Serialize)]
struct PartJson {
    term: &'static str,
    points: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    unit: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    person: Option<String>,
    rounds: Vec<String>,
}

#[derive(Debug, Serialize)]
struct ProspectJson {
    group: usize,
    possible: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    r#move: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    with: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    score: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    delta: Option<i64>,
    violations: Vec<ViolationJson>,
}

/// `why --format json` (docs/lifecycle.md): ids and codes; `detail` in English.
pub fn json(s: &Scenario, round: &Round, y: &Why) -> String {
    let id = |p: crate::PersonIx| s.person(p).id.clone();
    let conflict = |c: &crate::recusal::Conflict, waiver: Option<String>| ConflictJson {
        unit: s.unit(c.unit).id.clone(),
        rule: c.rule.as_str(),
        detail: crate::report::conflicts::brief(&Words::json(), s, c),
        waiver,
    };
    let move_code = |m: &Move| match m {
        Move::Join => ("join", None),
        Move::Swap(q) => ("swap", Some(id(*q))),
    };
    let seat = y.seat.as_ref().map(|seat| SeatJson {
        conflicts: seat.conflicts.iter().map(|c| conflict(c, None)).collect(),
        lead_only: seat.lead_only.iter().map(|c| conflict(c, None)).collect(),
        waived: seat
            .waived
            .iter()
            .map(|(c, r)| conflict(c, Some(r.clone())))
            .collect(),
        needs: seat
            .needs
            .iter()
            .map(|k| s.skill_name(*k).to_string())
            .collect(),
        brings: seat
            .brings
            .iter()
            .map(|(k, others)| BringsJson {
                skill: s.skill_name(*k).to_string(),
                also: others.iter().map(|p| id(*p)).collect(),
            })
            .collect(),
        other_leaders: seat
            .other_leaders
            .as_ref()
            .map(|o| o.iter().map(|p| id(*p)).collect()),
        score_parts: y
            .score
            .iter()
            .map(|part| match part {
                ScorePart::Workload { rounds, .. } => PartJson {
                    term: "workload",
                    points: part.points(),
                    unit: None,
                    person: None,
                    rounds: y.rounds.iter().take(*rounds).cloned().collect(),
                },
                ScorePart::RepeatUnit { unit, rounds, .. } => PartJson {
                    term: "repeat_unit",
                    points: part.points(),
                    unit: Some(s.unit(*unit).id.clone()),
                    person: None,
                    rounds: rounds.clone(),
                },
                ScorePart::RepeatPair { other, rounds, .. } => PartJson {
                    term: "repeat_pair",
                    points: part.points(),
                    unit: None,
                    person: Some(id(*other)),
                    rounds: rounds.clone(),
                },
            })
            .collect(),
    });
    let doc = WhyJson {
        format: 1,
        round: round.id.clone(),
        person: id(y.person),
        group: y.place().map(|(g, _)| g + 1),
        role: y
            .place()
            .map(|(_, leads)| if leads { "leader" } else { "member" }),
        score: y.before.objective.total,
        cannot_serve: y
            .out
            .iter()
            .map(|o| match o {
                Out::NotInPool => "not_in_pool",
                Out::Excluded(e) => e.code(),
            })
            .collect(),
        seat,
        rounds: y.rounds.clone(),
        already: y
            .already
            .iter()
            .map(|v| violation_json(s, v, None))
            .collect(),
        prospects: y
            .prospects
            .iter()
            .map(|pr| {
                if let Some((m, _, b)) = &pr.best {
                    let (code, with) = move_code(m);
                    ProspectJson {
                        group: pr.group + 1,
                        possible: true,
                        r#move: Some(code),
                        with,
                        score: Some(b.objective.total),
                        delta: Some(b.objective.total as i64 - y.before.objective.total as i64),
                        violations: Vec::new(),
                    }
                } else {
                    let (m, vs) = match (&pr.closest, pr.always.is_empty()) {
                        (Some((m, vs)), true) => (Some(move_code(m)), vs.clone()),
                        _ => (None, pr.always.clone()),
                    };
                    ProspectJson {
                        group: pr.group + 1,
                        possible: false,
                        r#move: m.as_ref().map(|(c, _)| *c),
                        with: m.and_then(|(_, w)| w),
                        score: None,
                        delta: None,
                        violations: vs
                            .iter()
                            .map(|v| violation_json(s, v, Some(y.person)))
                            .collect(),
                    }
                }
            })
            .collect(),
    };
    let mut out = serde_json::to_string_pretty(&doc).expect("why serialises");
    out.push('\n');
    out
}
