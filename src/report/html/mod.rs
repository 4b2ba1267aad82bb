//! `xuncha report`: one self-contained HTML document the office can print
//! and file (issue 10): the roster (巡察组组成人员名单), the score analysis,
//! the recusal review (回避审查), training (培训情况), the pool (人才库情况),
//! optionally the term as charts, and a footer that traces a printed copy back to its input.
//!
//! No network, fonts, scripts or images: inline CSS and inline SVG only.
//! Everything from input is escaped. The same input gives the same bytes.

mod svg;

use std::collections::BTreeMap;
use std::fmt::Write as _;

use sha2::{Digest, Sha256};

use crate::recusal::{Recusal, Rule, Scope};
use crate::report::i18n::Words;
use crate::report::{person_label, unit_label};
use crate::scenario::{Round, Scenario};
use crate::simulate::Simulation;
use crate::solver::{Plan, Status};
use crate::t;

/// What the report is made of.
pub struct Input<'a> {
    pub scenario: &'a Scenario,
    /// The scenario file's name as given, and its bytes (for the SHA-256).
    pub file: &'a str,
    pub bytes: &'a [u8],
    pub round: &'a Round,
    pub plan: &'a Plan,
    /// Kinship paths and relatives' names: only when asked for.
    pub evidence: bool,
    pub simulation: Option<&'a Simulation>,
    /// The roster was drawn by lot (`xuncha draw`): its seed and odds.
    pub draw: Option<&'a crate::draw::Draw>,
}

/// `<`, `>`, `&`, `"` and `'` as entities: text from input is never markup.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() && c != '\n' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = r#"
:root { color-scheme: light; }
body { font-family: "Noto Serif CJK SC", "Source Han Serif SC", "SimSun", "Songti SC", serif;
  font-size: 11pt; line-height: 1.5; color: #000; background: #fff; margin: 0 auto;
  max-width: 180mm; padding: 12mm 0; }
h1 { font-size: 18pt; text-align: center; margin: 0 0 4mm; }
h2 { font-size: 14pt; border-bottom: 1px solid #000; margin: 8mm 0 3mm; }
h3 { font-size: 12pt; margin: 5mm 0 2mm; }
p.meta { text-align: center; margin: 0 0 6mm; }
table { border-collapse: collapse; width: 100%; margin: 0 0 3mm; table-layout: fixed; }
th, td { border: 1px solid #000; padding: 1mm 2mm; text-align: left; vertical-align: top;
  overflow-wrap: anywhere; }
th { background: #eee; }
.group { break-inside: avoid; page-break-inside: avoid; }
section { break-before: page; page-break-before: always; }
section.first { break-before: auto; page-break-before: auto; }
ul { margin: 0 0 3mm; padding-left: 6mm; }
svg { max-width: 100%; height: auto; display: block; margin: 2mm 0 4mm; }
footer { margin-top: 10mm; border-top: 1px solid #000; font-size: 9pt; overflow-wrap: anywhere; }
@page { size: A4; margin: 18mm 15mm; }
@media print { body { max-width: none; padding: 0; } }
"#;

/// The whole document.
pub fn render(w: &Words, input: &Input) -> String {
    let s = input.scenario;
    let mut out = String::new();
    let title = t!(w, "html-title", round = input.round.id.as_str());
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        t!(w, "html-lang"),
        escape(&title)
    );
    let _ = writeln!(out, "<h1>{}</h1>", escape(&title));
    let _ = writeln!(
        out,
        "<p class=\"meta\">{}</p>",
        escape(&t!(
            w,
            "html-dates",
            start = input.round.start.to_string(),
            end = input.round.end.to_string()
        ))
    );
    roster(w, input, &mut out);
    if input.plan.status != Status::Infeasible {
        score(w, input, &mut out);
        recusal(w, input, &mut out);
    }
    training(w, input, &mut out);
    pool(w, input, &mut out);
    if let Some(d) = input.draw {
        draw(w, s, d, &mut out);
    }
    if let Some(sim) = input.simulation {
        term(w, s, sim, &mut out);
    }
    footer(w, input, &mut out);
    out.push_str("</body>\n</html>\n");
    out
}

fn roster(w: &Words, input: &Input, out: &mut String) {
    let s = input.scenario;
    let plan = input.plan;
    let _ = writeln!(
        out,
        "<section class=\"first\">\n<h2>{}</h2>",
        escape(&t!(w, "html-roster"))
    );
    let _ = writeln!(
        out,
        "<p>{}</p>",
        escape(&t!(
            w,
            "html-status",
            status = crate::report::plan::status_words(w, plan),
            groups = plan.groups.len()
        ))
    );
    if plan.status == Status::Infeasible {
        let _ = writeln!(out, "<p>{}</p>\n<ul>", escape(&t!(w, "plan-why")));
        for d in crate::report::diagnosis::lines(w, input.scenario, &plan.diagnosis) {
            let _ = writeln!(out, "<li>{}</li>", escape(&d));
        }
        out.push_str("</ul>\n");
        if plan.suggestions.is_empty() {
            let _ = writeln!(out, "<p>{}</p>", escape(&t!(w, "suggest-none")));
        } else {
            let _ = writeln!(out, "<p>{}</p>\n<ul>", escape(&t!(w, "suggest-heading")));
            for x in &plan.suggestions {
                let changes: Vec<String> = x
                    .changes
                    .iter()
                    .map(|c| crate::report::suggest::change(w, input.scenario, c))
                    .collect();
                let _ = writeln!(
                    out,
                    "<li>{}</li>",
                    escape(&changes.join(&t!(w, "suggest-and")))
                );
            }
            out.push_str("</ul>\n");
        }
        out.push_str("</section>\n");
        return;
    }
    for (i, g) in plan.groups.iter().enumerate() {
        let _ = writeln!(
            out,
            "<div class=\"group\">\n<h3>{}</h3>",
            escape(&t!(w, "html-group", n = i + 1))
        );
        let units: Vec<String> = g.units.iter().map(|u| unit_label(w, s, *u)).collect();
        let villages: Vec<String> = g
            .villages
            .iter()
            .map(|v| crate::report::plan::village_label(w, s, *v))
            .collect();
        let _ = writeln!(
            out,
            "<p>{}</p>",
            escape(&t!(w, "html-units", units = w.list(&units)))
        );
        if !villages.is_empty() {
            let _ = writeln!(
                out,
                "<p>{}</p>",
                escape(&t!(w, "html-villages", villages = w.list(&villages)))
            );
        }
        let _ = writeln!(
            out,
            "<table>\n<tr><th style=\"width:10%\">{}</th><th style=\"width:18%\">{}</th><th style=\"width:26%\">{}</th><th style=\"width:28%\">{}</th><th>{}</th></tr>",
            escape(&t!(w, "plan-col-role")),
            escape(&t!(w, "plan-col-name")),
            escape(&t!(w, "html-col-unit")),
            escape(&t!(w, "plan-col-skills")),
            escape(&t!(w, "plan-col-notes")),
        );
        let mut members = g.members.clone();
        members.sort_by_key(|p| (*p != g.leader, *p));
        for p in members {
            let person = s.person(p);
            let unit = person
                .unit
                .map(|place| crate::report::conflicts::place(w, s, place))
                .unwrap_or_default();
            let notes = if person.retired {
                t!(w, "retired")
            } else {
                String::new()
            };
            let _ = writeln!(
                out,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                escape(&crate::report::plan::role(w, p == g.leader)),
                escape(&person_label(w, s, p)),
                escape(&unit),
                escape(&crate::report::plan::skills(w, s, p)),
                escape(&notes)
            );
        }
        out.push_str("</table>\n</div>\n");
    }
    out.push_str("</section>\n");
}

fn score(w: &Words, input: &Input, out: &mut String) {
    let Some(b) = &input.plan.breakdown else {
        return;
    };
    let _ = writeln!(
        out,
        "<section>\n<h2>{}</h2>\n<p>{}</p>\n<ul>",
        escape(&t!(w, "html-score")),
        escape(&t!(w, "html-score-total", total = b.objective.total))
    );
    for line in crate::report::score::analysis(w, input.scenario, b).lines() {
        let line = line.trim();
        if !line.is_empty() {
            let _ = writeln!(out, "<li>{}</li>", escape(line));
        }
    }
    out.push_str("</ul>\n</section>\n");
}

/// 回避审查: per group, every member checked against every unit and
/// village of the group; the pool members kept out of it, by rule.
fn recusal(w: &Words, input: &Input, out: &mut String) {
    let s = input.scenario;
    let r = Recusal::compute(s, &Scope::default_for(s), input.round.start);
    let _ = writeln!(
        out,
        "<section>\n<h2>{}</h2>\n<p>{}</p>",
        escape(&t!(w, "html-recusal")),
        escape(&t!(
            w,
            "html-recusal-intro",
            date = input.round.start.to_string()
        ))
    );
    if !input.evidence {
        let _ = writeln!(out, "<p>{}</p>", escape(&t!(w, "html-recusal-private")));
    }
    for (i, g) in input.plan.groups.iter().enumerate() {
        let _ = writeln!(
            out,
            "<div class=\"group\">\n<h3>{}</h3>\n<p>{}</p>",
            escape(&t!(w, "html-group", n = i + 1)),
            escape(&t!(
                w,
                "html-recusal-checked",
                members = g.members.len(),
                units = g.units.len(),
                villages = g.villages.len()
            ))
        );
        let conflicts: Vec<&crate::recusal::Conflict> = r
            .conflicts()
            .iter()
            .filter(|c| g.units.contains(&c.unit))
            .collect();
        if conflicts.is_empty() {
            let _ = writeln!(out, "<p>{}</p>", escape(&t!(w, "html-recusal-none")));
            out.push_str("</div>\n");
            continue;
        }
        // People kept out, by rule (a person counted once per rule).
        let mut by_rule: BTreeMap<Rule, Vec<crate::PersonIx>> = BTreeMap::new();
        for c in &conflicts {
            let people = by_rule.entry(c.rule).or_default();
            if !people.contains(&c.person) {
                people.push(c.person);
            }
        }
        let _ = writeln!(
            out,
            "<table>\n<tr><th style=\"width:60%\">{}</th><th>{}</th></tr>",
            escape(&t!(w, "html-col-rule")),
            escape(&t!(w, "html-col-kept-out"))
        );
        for (rule, people) in &by_rule {
            let _ = writeln!(
                out,
                "<tr><td>{}</td><td>{}</td></tr>",
                escape(&crate::report::conflicts::rule_named(w, *rule)),
                escape(&t!(w, "html-people", n = people.len()))
            );
        }
        out.push_str("</table>\n");
        if input.evidence {
            out.push_str("<ul>\n");
            for c in &conflicts {
                let _ = writeln!(
                    out,
                    "<li>{}</li>",
                    escape(&crate::report::conflicts::brief(w, s, c))
                );
            }
            out.push_str("</ul>\n");
        }
        out.push_str("</div>\n");
    }
    out.push_str("</section>\n");
}

/// 培训情况: pool members short of the requirement on the round's start.
fn training(w: &Words, input: &Input, out: &mut String) {
    let s = input.scenario;
    let _ = writeln!(
        out,
        "<section>\n<h2>{}</h2>",
        escape(&t!(w, "html-training"))
    );
    if s.training.requirement.is_none() {
        let _ = writeln!(
            out,
            "<p>{}</p>\n</section>",
            escape(&t!(w, "html-training-none"))
        );
        return;
    }
    let short: Vec<crate::training::Standing> = s
        .pool()
        .filter_map(|p| crate::training::standing(s, p, input.round.start))
        .filter(|st| !st.compliant)
        .collect();
    let pool = s.pool().count();
    let _ = writeln!(
        out,
        "<p>{}</p>",
        escape(&t!(
            w,
            "html-training-summary",
            date = input.round.start.to_string(),
            pool = pool,
            short = short.len()
        ))
    );
    if !short.is_empty() {
        let _ = writeln!(
            out,
            "<table>\n<tr><th style=\"width:30%\">{}</th><th style=\"width:20%\">{}</th><th style=\"width:20%\">{}</th><th>{}</th></tr>",
            escape(&t!(w, "plan-col-name")),
            escape(&t!(w, "html-col-hours")),
            escape(&t!(w, "html-col-required")),
            escape(&t!(w, "html-col-short")),
        );
        for st in &short {
            let missing = match &st.missing_course {
                Some(course) => t!(w, "html-missing-course", course = course.as_str()),
                None => crate::training::fmt_hours(st.short_by),
            };
            let _ = writeln!(
                out,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                escape(&person_label(w, s, st.person)),
                escape(&crate::training::fmt_hours(st.hours)),
                escape(&crate::training::fmt_hours(st.required)),
                escape(&missing)
            );
        }
        out.push_str("</table>\n");
    }
    out.push_str("</section>\n");
}

/// 巡察人才库情况 (docs/pool.md): the `pool report` tables the committee
/// reads, as of the round's start.
fn pool(w: &Words, input: &Input, out: &mut String) {
    let s = input.scenario;
    let census = crate::pool::Census::build(s, input.round.start, 3);
    let _ = writeln!(
        out,
        "<section>\n<h2>{}</h2>\n<p>{}</p>",
        escape(&t!(w, "html-pool")),
        escape(&crate::report::pool::headline(w, &census))
    );
    for part in crate::report::pool::parts(w, s, &census)
        .into_iter()
        .filter(|p| p.kind.for_the_file())
    {
        let _ = writeln!(out, "<h3>{}</h3>\n<table>\n<tr>", escape(&part.title));
        for h in &part.headers {
            let _ = write!(out, "<th>{}</th>", escape(h));
        }
        out.push_str("</tr>\n");
        for row in &part.rows {
            out.push_str("<tr>");
            for cell in row {
                let _ = write!(out, "<td>{}</td>", escape(cell));
            }
            out.push_str("</tr>\n");
        }
        out.push_str("</table>\n");
    }
    out.push_str("</section>\n");
}

/// The term as pictures: cumulative units covered, rounds served per
/// member, and the unit × round grid.
fn term(w: &Words, s: &Scenario, sim: &Simulation, out: &mut String) {
    let _ = writeln!(out, "<section>\n<h2>{}</h2>", escape(&t!(w, "html-term")));
    let rounds: Vec<String> = sim.rounds.iter().map(|r| r.round.id.clone()).collect();
    // Units covered, cumulative, per round.
    let mut seen = std::collections::BTreeSet::new();
    for h in &s.history {
        for g in &h.groups {
            seen.extend(g.units.iter().copied());
        }
    }
    let mut covered = Vec::new();
    for r in &sim.rounds {
        if let Some(plan) = r.outcome.plan() {
            for g in &plan.groups {
                seen.extend(g.units.iter().copied());
            }
        }
        covered.push(seen.len());
    }
    let _ = writeln!(out, "<h3>{}</h3>", escape(&t!(w, "html-chart-coverage")));
    out.push_str(&svg::bars(
        &rounds,
        &covered,
        Some(s.units.len()),
        &t!(w, "html-chart-units"),
    ));
    // Rounds served per pool member.
    let labels: Vec<String> = (0..sim.summary.served_histogram.len())
        .map(|k| k.to_string())
        .collect();
    let _ = writeln!(out, "<h3>{}</h3>", escape(&t!(w, "html-chart-served")));
    out.push_str(&svg::bars(
        &labels,
        &sim.summary.served_histogram,
        None,
        &t!(w, "html-chart-members"),
    ));
    let _ = writeln!(
        out,
        "<p>{}</p>",
        escape(&t!(
            w,
            "html-term-repeats",
            pairs = sim.summary.repeat_pair,
            units = sim.summary.repeat_unit
        ))
    );
    // Units some round could not staff, and why.
    let partial: Vec<&crate::simulate::SimRound> = sim
        .rounds
        .iter()
        .filter(|r| !r.unstaffed.is_empty())
        .collect();
    if !partial.is_empty() {
        let _ = writeln!(out, "<ul class=\"unstaffed\">");
        for r in partial {
            for x in &r.unstaffed {
                let why = crate::report::diagnosis::lines(w, s, &x.why).join(&t!(w, "diag-sep"));
                let what = t!(
                    w,
                    "sim-unstaffed-unit",
                    round = r.round.id.as_str(),
                    unit = crate::report::unit_label(w, s, x.unit)
                );
                let _ = writeln!(
                    out,
                    "<li>{}</li>",
                    escape(&t!(w, "html-unstaffed", what = what, why = why))
                );
            }
        }
        out.push_str("</ul>\n");
    }
    // Unit × round grid.
    let _ = writeln!(out, "<h3>{}</h3>", escape(&t!(w, "html-chart-grid")));
    let rows: Vec<(String, Vec<bool>)> = s
        .units
        .iter()
        .enumerate()
        .map(|(i, u)| {
            let ix = crate::UnitIx(i as u32);
            let marks = sim
                .rounds
                .iter()
                .map(|r| {
                    r.outcome
                        .plan()
                        .is_some_and(|p| p.groups.iter().any(|g| g.units.contains(&ix)))
                })
                .collect();
            (
                crate::scenario::display_name(&u.name, &u.id).to_string(),
                marks,
            )
        })
        .collect();
    out.push_str(&svg::grid(&rounds, &rows));
    out.push_str("</section>\n");
}

/// 随机抽取: the seed, the tolerance and every member's chance, so that
/// the filed document carries its own audit trail.
fn draw(w: &Words, s: &Scenario, d: &crate::draw::Draw, out: &mut String) {
    let Some(dist) = &d.distribution else {
        return;
    };
    let _ = writeln!(
        out,
        "<section>\n<h2>{}</h2>\n<p>{}</p>\n<p>{}</p>",
        escape(&t!(w, "html-draw")),
        escape(&t!(
            w,
            "draw-headline",
            seed = d.seed.as_str(),
            within = d.within_pct.to_string(),
            optimum = dist.optimum,
            cap = dist.cap,
            rosters = dist.rosters.len()
        )),
        escape(&t!(
            w,
            "draw-min-p",
            min = crate::report::draw::pct(dist.min_p()),
            uniform = crate::report::draw::pct(dist.uniform_min_p())
        ))
    );
    let _ = writeln!(
        out,
        "<p>{}</p>\n<table>\n<tr><th style=\"width:50%\">{}</th><th>{}</th></tr>",
        escape(&t!(w, "draw-odds")),
        escape(&t!(w, "draw-col-name")),
        escape(&t!(w, "draw-col-p"))
    );
    for (p, m) in &dist.probabilities {
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td>{}</td></tr>",
            escape(&person_label(w, s, *p)),
            escape(&crate::report::draw::pct(*m))
        );
    }
    out.push_str("</table>\n");
    let _ = writeln!(
        out,
        "<p>{}</p>\n</section>",
        escape(&t!(w, "html-draw-verify", seed = d.seed.as_str()))
    );
}

fn footer(w: &Words, input: &Input, out: &mut String) {
    let digest = Sha256::digest(input.bytes);
    let mut hex = String::with_capacity(64);
    for b in digest {
        let _ = write!(hex, "{b:02x}");
    }
    let name = std::path::Path::new(input.file)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| input.file.to_string());
    let _ = writeln!(
        out,
        "<footer>\n<p>{}</p>\n</footer>",
        escape(&t!(
            w,
            "html-footer",
            file = name,
            sha = hex,
            round = input.round.id.as_str(),
            status = crate::report::plan::status_words(w, input.plan),
            version = env!("CARGO_PKG_VERSION")
        ))
    );
}
