//! 简历 lines into periods: `2001.07--2005.09 县财政局科员`,
//! `2001.07-2005.09 …`, `2001年7月—2005年9月 …`, `2015.06--  青山镇党委书记`
//! (no end: still there). A line that does not start with a period
//! continues the previous one.

use chrono::NaiveDate;

/// A year and month.
pub type Month = (i32, u32);

/// One period of the résumé.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Period {
    pub line: usize,
    pub from: Month,
    /// `None`: still there.
    pub to: Option<Month>,
    /// The post as its own line gives it.
    pub post: String,
    /// The post with continuation lines joined (a wrapped name, or a
    /// remark such as `（其间：… 在县委党校学习）`).
    pub full: String,
    /// The line as written (continuations joined by a space).
    pub text: String,
}

/// Why a line is not a period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineProblem {
    /// It does not start with a date and there is no line before it.
    NoPeriod,
    /// A start date without a range (`2001.07 县财政局`).
    NoRange,
    /// The end is before the start.
    Reversed,
}

/// A line that is not a period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unreadable {
    pub line: usize,
    pub text: String,
    pub problem: LineProblem,
}

/// Read the résumé lines (with their lines in the file).
pub fn parse(lines: &[(usize, String)]) -> (Vec<Period>, Vec<Unreadable>) {
    let mut periods: Vec<Period> = Vec::new();
    let mut bad = Vec::new();
    // Whether the last line was a period (continuations attach to it).
    let mut last_ok = false;
    for (line, text) in lines {
        match period(text) {
            Ok(Some((from, to, post))) => {
                periods.push(Period {
                    line: *line,
                    from,
                    to,
                    post: post.to_string(),
                    full: post.to_string(),
                    text: text.clone(),
                });
                last_ok = true;
            }
            Ok(None) => match periods.last_mut() {
                Some(p) if last_ok => {
                    p.full.push_str(text.trim());
                    p.text.push(' ');
                    p.text.push_str(text.trim());
                }
                _ => bad.push(Unreadable {
                    line: *line,
                    text: text.clone(),
                    problem: LineProblem::NoPeriod,
                }),
            },
            Err(problem) => {
                bad.push(Unreadable {
                    line: *line,
                    text: text.clone(),
                    problem,
                });
                last_ok = false;
            }
        }
    }
    (periods, bad)
}

type Parsed<'a> = Result<Option<(Month, Option<Month>, &'a str)>, LineProblem>;

/// `Ok(None)`: the line does not start with a date (a continuation).
fn period(text: &str) -> Parsed<'_> {
    let t = text.trim_start();
    let Some((from, rest)) = date(t) else {
        return Ok(None);
    };
    let after = rest.trim_start();
    let seps: &[char] = &['-', '–', '—', '~', '～', '至', '到', '－', '―', '〜'];
    let stripped = after.trim_start_matches(|c: char| seps.contains(&c) || c == ' ');
    if stripped.len() == after.len() {
        return Err(LineProblem::NoRange);
    }
    if let Some((to, rest)) = date(stripped) {
        if to < from {
            return Err(LineProblem::Reversed);
        }
        return Ok(Some((from, Some(to), rest.trim())));
    }
    let rest = stripped
        .strip_prefix("至今")
        .or_else(|| stripped.strip_prefix("今"))
        .unwrap_or(stripped);
    Ok(Some((from, None, rest.trim())))
}

/// A date at the start of `t`: `2001.07`, `2001.7`, `2001-07`, `2001/07`,
/// `2001年7月`, `2001．07`; the rest of the text.
fn date(t: &str) -> Option<(Month, &str)> {
    let digits = |s: &str| s.chars().take_while(|c| c.is_ascii_digit()).count();
    let n = digits(t);
    if n != 4 {
        return None;
    }
    let year: i32 = t[..4].parse().ok()?;
    let rest = &t[4..];
    let sep = rest.chars().next()?;
    if !['.', '-', '/', '年', '．', '。'].contains(&sep) {
        return None;
    }
    let rest = &rest[sep.len_utf8()..];
    let m = digits(rest);
    if !(1..=2).contains(&m) {
        return None;
    }
    let month: u32 = rest[..m].parse().ok()?;
    if !(1..=12).contains(&month) || !(1900..=2100).contains(&year) {
        return None;
    }
    let rest = &rest[m..];
    let rest = rest.strip_prefix('月').unwrap_or(rest);
    Some(((year, month), rest))
}

/// The first day of a month.
pub fn first_day((y, m): Month) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, 1).expect("a checked month")
}

/// The last day of a month.
pub fn last_day((y, m): Month) -> NaiveDate {
    let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    NaiveDate::from_ymd_opt(ny, nm, 1)
        .and_then(|d| d.pred_opt())
        .expect("a checked month")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(ls: &[&str]) -> Vec<(usize, String)> {
        ls.iter()
            .enumerate()
            .map(|(i, l)| (i + 1, l.to_string()))
            .collect()
    }

    #[test]
    fn the_styles_seen_read() {
        let (p, bad) = parse(&lines(&[
            "2001.07--2005.09 县财政局科员",
            "2005.9-2009.10 双溪乡副乡长",
            "2009年10月—2012年1月 县审计局副局长",
            "2012.01～2015.06 凤口镇党委副书记",
            "2015.06--  青山镇党委书记",
        ]));
        assert!(bad.is_empty(), "{bad:?}");
        assert_eq!(p.len(), 5);
        assert_eq!((p[0].from, p[0].to), ((2001, 7), Some((2005, 9))));
        assert_eq!(p[0].post, "县财政局科员");
        assert_eq!(p[1].from, (2005, 9));
        assert_eq!((p[2].from, p[2].to), ((2009, 10), Some((2012, 1))));
        assert_eq!(p[2].post, "县审计局副局长");
        assert_eq!(p[3].post, "凤口镇党委副书记");
        assert_eq!((p[4].to, p[4].post.as_str()), (None, "青山镇党委书记"));
    }

    #[test]
    fn continuation_lines_join_and_bad_lines_are_named() {
        let (p, bad) = parse(&lines(&[
            "（其间：1998.09 入学）",
            "2001.07--2005.09 县财政局",
            "科员",
            "2010.01--2005.09 县审计局科员",
            "2011.01 县审计局",
        ]));
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].post, "县财政局");
        assert_eq!(p[0].full, "县财政局科员");
        let problems: Vec<_> = bad.iter().map(|b| (b.line, b.problem)).collect();
        assert_eq!(
            problems,
            vec![
                (1, LineProblem::NoPeriod),
                (4, LineProblem::Reversed),
                (5, LineProblem::NoRange)
            ]
        );
    }

    #[test]
    fn month_ends() {
        assert_eq!(last_day((2024, 2)).to_string(), "2024-02-29");
        assert_eq!(last_day((2023, 12)).to_string(), "2023-12-31");
        assert_eq!(first_day((2023, 12)).to_string(), "2023-12-01");
    }
}
