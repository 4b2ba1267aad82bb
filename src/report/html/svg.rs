//! Small inline SVG charts for the printed report: bars and a grid. Plain
//! shapes and text, sized in user units so that the page scales them; no
//! script, no external font.

use std::fmt::Write as _;

use super::escape;

const WIDTH: f64 = 640.0;
const BAR_AREA: f64 = 160.0;

/// A bar per label with its value; `max` fixes the scale (e.g. all units),
/// else the largest value. `unit` names what is counted.
pub fn bars(labels: &[String], values: &[usize], max: Option<usize>, unit: &str) -> String {
    let n = labels.len().max(1);
    let top = max
        .unwrap_or(0)
        .max(values.iter().copied().max().unwrap_or(0))
        .max(1) as f64;
    let height = BAR_AREA + 50.0;
    let slot = (WIDTH - 40.0) / n as f64;
    let bar = (slot * 0.7).min(60.0);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "<svg viewBox=\"0 0 {WIDTH} {height}\" role=\"img\" aria-label=\"{}\">",
        escape(unit)
    );
    let _ = writeln!(
        out,
        "<line x1=\"30\" y1=\"{y}\" x2=\"{x2}\" y2=\"{y}\" stroke=\"#000\" stroke-width=\"1\"/>",
        y = BAR_AREA + 10.0,
        x2 = WIDTH - 5.0
    );
    if let Some(m) = max {
        let y = 10.0 + BAR_AREA * (1.0 - m as f64 / top);
        let _ = writeln!(
            out,
            "<line x1=\"30\" y1=\"{y:.1}\" x2=\"{x2}\" y2=\"{y:.1}\" stroke=\"#888\" stroke-dasharray=\"4 3\"/><text x=\"{x2}\" y=\"{ty:.1}\" font-size=\"10\" text-anchor=\"end\">{m}</text>",
            x2 = WIDTH - 5.0,
            ty = y - 3.0
        );
    }
    for (i, (label, v)) in labels.iter().zip(values).enumerate() {
        let h = BAR_AREA * (*v as f64 / top);
        let x = 35.0 + slot * i as f64 + (slot - bar) / 2.0;
        let y = 10.0 + BAR_AREA - h;
        let _ = writeln!(
            out,
            "<rect x=\"{x:.1}\" y=\"{y:.1}\" width=\"{bar:.1}\" height=\"{h:.1}\" fill=\"#555\"/><text x=\"{cx:.1}\" y=\"{vy:.1}\" font-size=\"10\" text-anchor=\"middle\">{v}</text><text x=\"{cx:.1}\" y=\"{ly:.1}\" font-size=\"10\" text-anchor=\"middle\">{}</text>",
            escape(label),
            cx = x + bar / 2.0,
            vy = (y - 3.0).max(9.0),
            ly = BAR_AREA + 24.0
        );
    }
    let _ = writeln!(
        out,
        "<text x=\"30\" y=\"{}\" font-size=\"10\">{}</text>\n</svg>",
        BAR_AREA + 44.0,
        escape(unit)
    );
    out
}

/// A grid: one row per `(label, marks)`, one column per `columns` entry, a
/// filled cell where the mark is set.
pub fn grid(columns: &[String], rows: &[(String, Vec<bool>)]) -> String {
    let label_w = 150.0;
    let cell_h = 14.0;
    let cols = columns.len().max(1);
    let cell_w = ((WIDTH - label_w - 5.0) / cols as f64).min(60.0);
    let height = 30.0 + cell_h * rows.len() as f64;
    let mut out = String::new();
    let _ = writeln!(out, "<svg viewBox=\"0 0 {WIDTH} {height}\" role=\"img\">");
    for (j, c) in columns.iter().enumerate() {
        let _ = writeln!(
            out,
            "<text x=\"{:.1}\" y=\"20\" font-size=\"9\" text-anchor=\"middle\">{}</text>",
            label_w + cell_w * (j as f64 + 0.5),
            escape(c)
        );
    }
    for (i, (label, marks)) in rows.iter().enumerate() {
        let y = 26.0 + cell_h * i as f64;
        let _ = writeln!(
            out,
            "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"9\" text-anchor=\"end\">{}</text>",
            label_w - 4.0,
            y + cell_h - 4.0,
            escape(label)
        );
        for (j, on) in marks.iter().enumerate() {
            let _ = writeln!(
                out,
                "<rect x=\"{:.1}\" y=\"{y:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"{}\" stroke=\"#999\" stroke-width=\"0.5\"/>",
                label_w + cell_w * j as f64,
                cell_w,
                cell_h,
                if *on { "#333" } else { "#fff" }
            );
        }
    }
    out.push_str("</svg>\n");
    out
}
