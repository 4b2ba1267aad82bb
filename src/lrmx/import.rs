//! `xuncha import lrmx`: forms into the sources layout. Cadres and their
//! relatives become 人员 rows, résumé periods 任职经历, family ties 社会关系;
//! what a person must settle goes to 待核对, each item with its file, line
//! and the closest candidates.
//!
//! Ids come from the form, never from file order: a cadre's from the
//! 身份证号 (else name and 出生年月), a relative's from the cadre's and the
//! member's 称谓, name and birth; so importing the same forms again gives
//! the same ids.

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use super::matcher::{at_no_unit, Match, Matcher};
use super::resume::{self, LineProblem};
use super::{kind_of_title, parse, Form, FormError, MAX_FORM_BYTES};
use crate::scenario::Scenario;
use crate::vocab;
use crate::workbook::layout;
use crate::workbook::write::{Out, SheetOut};

/// What a person must settle.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReviewIssue {
    /// The text names no unit or village of the scenario.
    NoUnit,
    /// The text names several.
    SeveralUnits,
    /// A résumé line that is not a period.
    Line(LineProblem),
    /// The form has no 简历.
    EmptyResume,
    /// A 称谓 with no relation kind.
    UnknownTitle,
    /// The scenario has a person of this name under another id.
    AlreadyInScenario,
    /// Two files hold the same cadre; the later one is left out.
    SameCadreTwice,
    /// The file could not be read.
    Unreadable(ReadProblem),
}

/// Why a file was not read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadProblem {
    Form(FormError),
    Io(String),
    /// The form has no 姓名.
    NoName,
}

/// One row of 待核对.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Review {
    pub file: String,
    /// Line in the file (0: the whole file).
    pub line: usize,
    /// Whose form or which member.
    pub who: String,
    /// The text as written.
    pub text: String,
    pub issue: ReviewIssue,
    /// Closest or competing candidates, `id 名称`.
    pub candidates: Vec<String>,
}

/// A person row of the import.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonRow {
    pub id: String,
    pub name: String,
    pub pool: bool,
    pub unit: Option<String>,
    /// Where they grew up (籍贯 or 出生地), when it names a unit or village.
    pub hometown: Option<String>,
    pub skills: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PostingRow {
    pub person: String,
    pub name: String,
    pub unit: String,
    pub from: chrono::NaiveDate,
    pub to: Option<chrono::NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RelationRow {
    pub a: String,
    pub b: String,
    pub kind: &'static str,
    pub a_name: String,
    pub b_name: String,
    pub note: String,
}

/// Everything an import found.
#[derive(Debug, Clone, Default)]
pub struct Imported {
    pub forms: usize,
    pub people: Vec<PersonRow>,
    pub postings: Vec<PostingRow>,
    pub relations: Vec<RelationRow>,
    pub review: Vec<Review>,
}

/// The `.lrmx` files named: files as given, folders' `.lrmx` files (not
/// recursive), sorted by path so that the result does not depend on the
/// order of the command line or of the folder listing.
pub fn collect_files(args: &[PathBuf]) -> std::io::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for a in args {
        if a.is_dir() {
            for e in std::fs::read_dir(a)? {
                let p = e?.path();
                let is_lrmx = p
                    .extension()
                    .and_then(|x| x.to_str())
                    .is_some_and(|x| x.eq_ignore_ascii_case("lrmx"));
                if is_lrmx && p.is_file() {
                    out.push(p);
                }
            }
        } else {
            out.push(a.clone());
        }
    }
    out.sort();
    out.dedup();
    Ok(out)
}

fn short_hash(prefix: &str, key: &str) -> String {
    let digest = Sha256::digest(key.as_bytes());
    let hex: String = digest.iter().take(5).map(|b| format!("{b:02X}")).collect();
    format!("{prefix}{hex}")
}

/// The key a cadre's id derives from.
fn cadre_key(f: &Form) -> String {
    let idn = f.id_number.trim().to_uppercase();
    if idn.is_empty() {
        format!("{}|{}", f.name.trim(), f.birth.trim())
    } else {
        idn
    }
}

/// Import the forms of `files` against scenario `s` (its names, ids and
/// aliases). `label` names a file in 待核对 (e.g. relative to the folder).
pub fn import(
    s: &Scenario,
    matcher: &Matcher,
    files: &[PathBuf],
    label: impl Fn(&Path) -> String,
) -> Imported {
    let mut out = Imported::default();
    let mut seen_keys: Vec<(String, String)> = Vec::new();
    for path in files {
        let file = label(path);
        let review =
            |line: usize, who: &str, text: &str, issue: ReviewIssue, c: Vec<String>| Review {
                file: file.clone(),
                line,
                who: who.to_string(),
                text: text.to_string(),
                issue,
                candidates: c,
            };
        let bytes = match crate::fsio::read::read_limited(path, MAX_FORM_BYTES) {
            Ok(b) => b,
            Err(e) => {
                out.review.push(review(
                    0,
                    "",
                    "",
                    ReviewIssue::Unreadable(ReadProblem::Io(e.to_string())),
                    vec![],
                ));
                continue;
            }
        };
        let form = match parse(&bytes) {
            Ok(f) => f,
            Err(e) => {
                let line = match &e {
                    FormError::Xml { line, .. } => *line,
                    _ => 0,
                };
                out.review.push(review(
                    line,
                    "",
                    "",
                    ReviewIssue::Unreadable(ReadProblem::Form(e)),
                    vec![],
                ));
                continue;
            }
        };
        if form.name.is_empty() {
            out.review.push(review(
                0,
                "",
                "",
                ReviewIssue::Unreadable(ReadProblem::NoName),
                vec![],
            ));
            continue;
        }
        let key = cadre_key(&form);
        let id = short_hash("G", &key);
        if let Some((_, first)) = seen_keys.iter().find(|(k, _)| *k == key) {
            out.review.push(review(
                0,
                &form.name,
                &form.name,
                ReviewIssue::SameCadreTwice,
                vec![first.clone()],
            ));
            continue;
        }
        seen_keys.push((key.clone(), file.clone()));
        out.forms += 1;
        // The cadre may already be in the scenario under another id.
        let same_name: Vec<String> = s
            .people
            .iter()
            .filter(|p| p.name.trim() == form.name && p.id != id)
            .map(|p| format!("{} {}", p.id, p.name))
            .collect();
        if !same_name.is_empty() {
            out.review.push(review(
                0,
                &form.name,
                &form.name,
                ReviewIssue::AlreadyInScenario,
                same_name,
            ));
        }
        // The résumé.
        let (periods, unreadable) = resume::parse(&form.resume);
        if form.resume.is_empty() {
            out.review
                .push(review(0, &form.name, "", ReviewIssue::EmptyResume, vec![]));
        }
        for u in &unreadable {
            out.review.push(review(
                u.line,
                &form.name,
                &u.text,
                ReviewIssue::Line(u.problem),
                vec![],
            ));
        }
        let mut open_unit: Option<String> = None;
        for p in &periods {
            // The post's own line first; the joined lines when it names nothing.
            let found = match matcher.find(&p.post) {
                Match::None(_) if p.full != p.post => matcher.find(&p.full),
                m => m,
            };
            match found {
                Match::One(unit) => {
                    if p.to.is_none() {
                        open_unit = Some(unit.clone());
                    }
                    out.postings.push(PostingRow {
                        person: id.clone(),
                        name: form.name.clone(),
                        unit,
                        from: resume::first_day(p.from),
                        to: p.to.map(resume::last_day),
                    });
                }
                Match::None(c) => {
                    out.review
                        .push(review(p.line, &form.name, &p.text, ReviewIssue::NoUnit, c))
                }
                Match::Many(c) => out.review.push(review(
                    p.line,
                    &form.name,
                    &p.text,
                    ReviewIssue::SeveralUnits,
                    c,
                )),
            }
        }
        // The current unit: 现任职务, else the open résumé period.
        let mut unit = None;
        if !form.post.is_empty() {
            match matcher.find(&form.post) {
                Match::One(u) => unit = Some(u),
                Match::None(c) => out.review.push(review(
                    form.post_line,
                    &form.name,
                    &form.post,
                    ReviewIssue::NoUnit,
                    c,
                )),
                Match::Many(c) => out.review.push(review(
                    form.post_line,
                    &form.name,
                    &form.post,
                    ReviewIssue::SeveralUnits,
                    c,
                )),
            }
        }
        let unit = unit.or(open_unit);
        // Where they grew up: 籍贯, else 出生地, when it names one unit or
        // village of the scenario. A county or a province (湖南长沙) is
        // outside the scenario and not for review; several names are.
        let mut hometown = None;
        for (line, text) in [&form.native_place, &form.birthplace] {
            if text.is_empty() || hometown.is_some() {
                continue;
            }
            match matcher.find(text) {
                Match::One(u) => hometown = Some(u),
                Match::None(_) => {}
                Match::Many(c) => out.review.push(review(
                    *line,
                    &form.name,
                    text,
                    ReviewIssue::SeveralUnits,
                    c,
                )),
            }
        }
        out.people.push(PersonRow {
            id: id.clone(),
            name: form.name.clone(),
            pool: true,
            unit,
            hometown,
            skills: skills_in(&form.expertise),
        });
        // The family.
        for m in &form.family {
            let Some(kind) = kind_of_title(&m.title) else {
                out.review.push(review(
                    m.line,
                    &m.name,
                    &m.title,
                    ReviewIssue::UnknownTitle,
                    vec![],
                ));
                continue;
            };
            let rid = short_hash(
                "J",
                &format!(
                    "{key}|{}|{}|{}",
                    m.title.trim(),
                    m.name.trim(),
                    m.birth.trim()
                ),
            );
            let unit = if at_no_unit(&m.work) {
                None
            } else {
                match matcher.find(&m.work) {
                    Match::One(u) => Some(u),
                    Match::None(c) => {
                        out.review
                            .push(review(m.line, &m.name, &m.work, ReviewIssue::NoUnit, c));
                        None
                    }
                    Match::Many(c) => {
                        out.review.push(review(
                            m.line,
                            &m.name,
                            &m.work,
                            ReviewIssue::SeveralUnits,
                            c,
                        ));
                        None
                    }
                }
            };
            out.people.push(PersonRow {
                id: rid.clone(),
                name: m.name.clone(),
                pool: false,
                unit,
                hometown: None,
                skills: Vec::new(),
            });
            out.relations.push(RelationRow {
                a: id.clone(),
                b: rid,
                kind,
                a_name: form.name.clone(),
                b_name: m.name.clone(),
                note: format!("{file} {}", m.title.trim()),
            });
        }
    }
    out
}

/// The skills a 熟悉专业有何专长 text names in the office's words.
fn skills_in(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for word in vocab::skill_words().filter(|w| !w.is_ascii()) {
        if text.contains(word) {
            if let Some(label) = vocab::skill(word).and_then(vocab::skill_label) {
                if !out.iter().any(|o| o == label) {
                    out.push(label.to_string());
                }
            }
        }
    }
    out
}

/// The import as sheets of the sources layout plus 待核对; `words` gives
/// the 问题 column's text for an issue (in the user's language).
pub fn sheets(imp: &Imported, words: impl Fn(&ReviewIssue) -> String) -> Vec<SheetOut> {
    let t = |s: &str| {
        if s.is_empty() {
            Out::Empty
        } else {
            Out::Text(s.to_string())
        }
    };
    let mut people = SheetOut::plain(
        layout::PEOPLE,
        &["编号", "姓名", "入库", "工作单位", "籍贯", "专业特长"],
    );
    for p in &imp.people {
        people.rows.push(vec![
            t(&p.id),
            t(&p.name),
            t(if p.pool { "是" } else { "否" }),
            t(p.unit.as_deref().unwrap_or("")),
            t(p.hometown.as_deref().unwrap_or("")),
            t(&p.skills.join("、")),
        ]);
    }
    let mut postings = SheetOut::plain(layout::POSTINGS, &["编号", "姓名", "单位", "起", "止"]);
    for g in &imp.postings {
        postings.rows.push(vec![
            t(&g.person),
            t(&g.name),
            t(&g.unit),
            Out::Date(g.from),
            g.to.map_or(Out::Empty, Out::Date),
        ]);
    }
    let mut relations = SheetOut::plain(
        layout::RELATIONS,
        &["编号甲", "编号乙", "关系", "姓名甲", "姓名乙", "备注"],
    );
    for r in &imp.relations {
        relations.rows.push(vec![
            t(&r.a),
            t(&r.b),
            t(vocab::relation_label(r.kind).unwrap_or(r.kind)),
            t(&r.a_name),
            t(&r.b_name),
            t(&r.note),
        ]);
    }
    let mut review = SheetOut::plain(layout::REVIEW, layout::REVIEW_HEADERS);
    for r in &imp.review {
        review.rows.push(vec![
            t(&r.file),
            if r.line > 0 {
                Out::Int(r.line as i64)
            } else {
                Out::Empty
            },
            t(&r.who),
            t(&r.text),
            t(&words(&r.issue)),
            t(&r.candidates.join("；")),
        ]);
    }
    vec![people, postings, relations, review]
}
