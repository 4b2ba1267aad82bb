//! Adding records to a scenario's CSV ledger (`training add`, `training
//! import`): check the new records, check the whole new state by loading
//! the scenario with the new ledger in memory, then write the ledger
//! atomically as its old bytes followed by the new lines, under its lock
//! ([`crate::fsio::update`]). A scenario with no CSV ledger gets one: the
//! file `<scenario>-training.csv` is created and added to its
//! `training.files` (a text edit, through the same writer).

use std::fmt;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::error::{Fact, LedgerFact, LoadError, Problem};
use crate::fsio;
use crate::scenario::raw::RawRecord;
use crate::scenario::{self, Ledger, LedgerFormat, Overlay, Scenario};
use crate::training::ledger::{
    self, hours_in_range, Csv, Encoding, FieldSpans, NewRow, PeopleIndex, MAX_RECORD_HOURS,
    NEW_HEADER,
};
use crate::training::{fmt_hours, same_record};

/// Why records could not be added.
#[derive(Debug, thiserror::Error)]
pub enum AppendError {
    /// The scenario (or, with the new records, its ledger) does not load.
    #[error(transparent)]
    Load(#[from] LoadError),
    /// The scenario names no CSV ledger to append to.
    #[error("{scenario} names no CSV training ledger (`training add` creates {suggestion} and adds it to `training.files`)")]
    NoLedger {
        scenario: String,
        suggestion: String,
    },
    /// `--ledger` names no CSV file of `training.files`.
    #[error("{scenario}: --ledger {given} is not one of its CSV ledgers ({declared})")]
    UnknownLedger {
        scenario: String,
        given: String,
        declared: String,
    },
    /// Some new records were refused; nothing was written.
    #[error("{}", render(file, problems))]
    Rejected {
        file: String,
        problems: Vec<Problem>,
    },
    /// The ledger cannot hold the records as given.
    #[error("{path}: {message}")]
    Unwritable { path: String, message: String },
    /// The ledger changed on disk while the records were being checked.
    #[error("{path} changed while the records were being checked; nothing was written, run the command again")]
    Changed { path: String },
    #[error("{path}: cannot {what}: {source}")]
    Io {
        path: String,
        what: &'static str,
        #[source]
        source: std::io::Error,
    },
}

fn render(file: &str, problems: &[Problem]) -> String {
    let mut out: Vec<String> = problems.iter().map(|p| p.render(file)).collect();
    if problems.len() > 1 {
        out.push(format!(
            "{file}: {} problems; nothing was written",
            problems.len()
        ));
    } else {
        out.push("nothing was written".to_string());
    }
    out.join("\n")
}

/// A record to add and where it came from, for messages.
#[derive(Debug, Clone)]
pub struct Candidate {
    pub record: RawRecord,
    /// Where in the source (an imported file) the record is written.
    pub spans: FieldSpans,
}

#[derive(Debug, Clone)]
pub struct Options {
    /// Dates after this are refused unless `planned`.
    pub today: NaiveDate,
    /// Allow dates after `today` (a course still to come).
    pub planned: bool,
    /// Which CSV ledger of `training.files` to append to: as declared, or
    /// its path; default the first CSV one.
    pub ledger: Option<String>,
    /// Check everything, write nothing.
    pub dry_run: bool,
    /// Names the records' source in messages (`--person …` flags, a CSV file).
    pub source: String,
}

/// What was (or, with `dry_run`, would be) written.
pub struct Appended {
    pub ledger: PathBuf,
    /// The line each new record starts on.
    pub lines: Vec<usize>,
    /// The new records: indices into `scenario.training.records`.
    pub records: Vec<usize>,
    /// The ledger did not exist and was created.
    pub created: bool,
    /// The ledger was added to the scenario's `training.files`.
    pub registered: bool,
    /// The ledger's encoding.
    pub encoding: Encoding,
    /// The scenario as it loads with the new records.
    pub scenario: Scenario,
}

impl fmt::Debug for Appended {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Appended")
            .field("ledger", &self.ledger)
            .field("lines", &self.lines)
            .field("created", &self.created)
            .finish()
    }
}

/// The CSV ledger of `scenario_path` that new records go to.
pub fn target(scenario_path: &Path, choice: Option<&str>) -> Result<Ledger, AppendError> {
    let declared = scenario::declared_ledgers(scenario_path)?;
    let csvs: Vec<&Ledger> = declared
        .iter()
        .filter(|l| l.format == LedgerFormat::Csv)
        .collect();
    let scenario = scenario_path.display().to_string();
    match choice {
        Some(given) => csvs
            .iter()
            .find(|l| l.declared == given || l.path == Path::new(given))
            .map(|l| (*l).clone())
            .ok_or_else(|| AppendError::UnknownLedger {
                scenario,
                given: given.to_string(),
                declared: if csvs.is_empty() {
                    "it declares none".to_string()
                } else {
                    csvs.iter()
                        .map(|l| l.declared.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                },
            }),
        None => csvs
            .first()
            .map(|l| (*l).clone())
            .ok_or_else(|| AppendError::NoLedger {
                suggestion: format!(
                    "{}-training.csv",
                    scenario_path
                        .file_stem()
                        .map(|s| s.to_string_lossy().into_owned())
                        .unwrap_or_else(|| "scenario".into())
                ),
                scenario,
            }),
    }
}

/// Problems with `new` as additions to `s`: person in the pool, a course,
/// hours > 0, no date after `today` unless planned, no exact duplicate of a
/// record on file or of another new one.
pub fn check(s: &Scenario, new: &[Candidate], opts: &Options, scenario_file: &str) -> Vec<Problem> {
    let mut out = Vec::new();
    // Records by (person, date, course): finding a duplicate is a hash
    // look-up, not a scan (a scan made 100k rows take minutes).
    type Key = (crate::PersonIx, chrono::NaiveDate, String);
    let key = |r: &crate::scenario::TrainingRecord| -> Key {
        (r.person, r.date, r.course.trim().to_string())
    };
    let mut on_record: std::collections::HashMap<Key, Vec<usize>> =
        std::collections::HashMap::new();
    for (i, o) in s.training.records.iter().enumerate() {
        on_record.entry(key(o)).or_default().push(i);
    }
    let mut accepted: std::collections::HashMap<Key, Vec<crate::scenario::TrainingRecord>> =
        std::collections::HashMap::new();
    for c in new {
        let r = &c.record;
        let subject = format!("training record of {}", r.person);
        let before = out.len();
        let mut bad = |span: Option<_>, msg: String, hint: String, fact: LedgerFact| {
            out.push(
                Problem::new(msg)
                    .at(span)
                    .about(&subject)
                    .hint(hint)
                    .fact(Fact::Ledger(fact)),
            );
        };
        let record = || {
            format!(
                "{} {} {} {} h",
                r.person,
                r.course.trim(),
                r.date,
                fmt_hours(r.hours)
            )
        };
        let person = match s.person_ix(&r.person) {
            Some(p) => {
                if !s.person(p).pool {
                    bad(
                        c.spans.person,
                        format!("{} ({}) is not in the pool", r.person, s.person_name(p)),
                        "records are kept for pool members; set `pool: true` for them first".into(),
                        LedgerFact::NotInPool {
                            id: r.person.clone(),
                            name: s.person_name(p).to_string(),
                        },
                    );
                }
                Some(p)
            }
            None => {
                bad(
                    c.spans.person,
                    format!("unknown person \"{}\"", r.person),
                    "give a person id (or a unique name) from the scenario".into(),
                    LedgerFact::UnknownPerson {
                        id: crate::error::excerpt(&r.person),
                        known: Vec::new(),
                    },
                );
                None
            }
        };
        if r.course.trim().is_empty() {
            bad(
                c.spans.course,
                "empty course".into(),
                "name the course".into(),
                LedgerFact::EmptyCourse,
            );
        }
        if !(hours_in_range(r.hours) && r.hours > 0.0) {
            bad(
                c.spans.hours,
                format!(
                    "hours {} must be more than 0 and at most {MAX_RECORD_HOURS}",
                    fmt_hours(r.hours)
                ),
                "the hours the course gave, e.g. 40 or 12.5".into(),
                LedgerFact::HoursNotPositive {
                    hours: fmt_hours(r.hours),
                    max: MAX_RECORD_HOURS as i64,
                },
            );
        }
        if r.date > opts.today && !opts.planned {
            bad(
                c.spans.date,
                format!("date {} is in the future (today is {})", r.date, opts.today),
                "for a course still to come, add --planned".into(),
                LedgerFact::FutureDate {
                    date: r.date.to_string(),
                    today: opts.today.to_string(),
                },
            );
        }
        let Some(person) = person else { continue };
        let rec = crate::scenario::TrainingRecord {
            person,
            course: r.course.trim().to_string(),
            date: r.date,
            hours: r.hours,
            kind: r.kind,
            result: r.result.clone(),
            passed: true,
            origin: Default::default(),
        };
        let k = key(&rec);
        let old = on_record.get(&k).and_then(|ixs| {
            ixs.iter()
                .map(|&i| &s.training.records[i])
                .find(|o| same_record(o, &rec))
        });
        if let Some(old) = old {
            bad(
                c.spans.row,
                format!(
                    "already on record: {} {} {} {} h",
                    r.person,
                    rec.course,
                    rec.date,
                    fmt_hours(rec.hours)
                ),
                format!(
                    "the same record is at {}",
                    s.training.origin_label(old.origin, scenario_file)
                ),
                LedgerFact::AlreadyOnRecord {
                    record: record(),
                    at: s.training.origin_label(old.origin, scenario_file),
                },
            );
        } else if accepted
            .get(&k)
            .is_some_and(|same| same.iter().any(|o| same_record(o, &rec)))
        {
            bad(
                c.spans.row,
                format!(
                    "the same record twice: {} {} {} {} h",
                    r.person,
                    rec.course,
                    rec.date,
                    fmt_hours(rec.hours)
                ),
                "keep one of the two rows".into(),
                LedgerFact::GivenTwice { record: record() },
            );
        }
        if out.len() == before {
            accepted.entry(k).or_default().push(rec);
        }
    }
    out
}

/// The scenario as it stands and the ledger new records go to, read once.
pub struct Prepared {
    pub ledger: Ledger,
    /// The scenario names no CSV ledger: this one is created and added to
    /// its `training.files` (as written there).
    pub register: Option<String>,
    /// The scenario, its target ledger read as it is (a missing or empty
    /// ledger reads as a new one with a header).
    pub scenario: Scenario,
    old: Option<Vec<u8>>,
    base: Vec<u8>,
    overlay: Overlay,
}

/// Find the target ledger (see [`target`]) and load the scenario.
pub fn prepare(scenario_path: &Path, choice: Option<&str>) -> Result<Prepared, AppendError> {
    let (ledger, register) = match target(scenario_path, choice) {
        Ok(l) => (l, None),
        Err(AppendError::NoLedger { suggestion, .. }) => {
            let base = scenario_path.parent().unwrap_or(Path::new(""));
            let ledger = Ledger {
                path: base.join(&suggestion),
                declared: suggestion.clone(),
                format: LedgerFormat::Csv,
            };
            (ledger, Some(suggestion))
        }
        Err(e) => return Err(e),
    };
    let old: Option<Vec<u8>> = match crate::fsio::read(&ledger.path) {
        Ok(b) => Some(b),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(source) => {
            return Err(AppendError::Io {
                path: ledger.path.display().to_string(),
                what: "read it",
                source,
            })
        }
    };
    let fresh = format!("\u{feff}{NEW_HEADER}\n").into_bytes();
    let base: Vec<u8> = match &old {
        None => fresh,
        Some(b) if b.is_empty() => fresh,
        Some(b) if b.iter().all(u8::is_ascii_whitespace) => {
            let mut v = b.clone();
            v.extend_from_slice(format!("{NEW_HEADER}\n").as_bytes());
            v
        }
        Some(b) => b.clone(),
    };
    let mut overlay = Overlay::default();
    if old.as_ref() != Some(&base) {
        overlay.insert(ledger.path.clone(), base.clone());
    }
    if let Some(name) = &register {
        let text = registered(scenario_path, name)?;
        overlay.insert(scenario_path.to_path_buf(), text.into_bytes());
    }
    let scenario = scenario::load_with(scenario_path, &overlay)?;
    Ok(Prepared {
        ledger,
        register,
        scenario,
        old,
        base,
        overlay,
    })
}

/// The scenario's text with `name` added to `training.files` (a text
/// edit: every other byte stays).
fn registered(scenario_path: &Path, name: &str) -> Result<String, AppendError> {
    let label = scenario_path.display().to_string();
    let bytes = fsio::read(scenario_path).map_err(|source| AppendError::Io {
        path: label.clone(),
        what: "read it",
        source,
    })?;
    let text = String::from_utf8_lossy(&bytes).into_owned();
    register_in(&text, name).map_err(|message| AppendError::Unwritable {
        path: label,
        message,
    })
}

fn register_in(text: &str, name: &str) -> Result<String, String> {
    use crate::lifecycle::yaml_edit::{Doc, Op, Value};
    Doc::apply(
        text,
        &[Op::Append(
            scenario::yaml_path("training.files"),
            Value::text(name),
        )],
    )
    .map(|(t, _)| t)
}

/// The id `text` names: an id, or a name exactly one person bears.
#[allow(clippy::result_large_err)] // a Problem is a few strings, built once per failed read
pub fn resolve_person(s: &Scenario, text: &str) -> Result<String, Problem> {
    if s.person_ix(text.trim()).is_some() {
        return Ok(text.trim().to_string());
    }
    let people = PeopleIndex::new(s.people.iter().map(|p| (p.id.as_str(), p.name.as_str())));
    people.resolve("", text).map_err(|(msg, _, fact)| {
        let ids = s
            .people
            .iter()
            .filter(|p| p.name.trim() == text.trim())
            .map(|p| format!("--person {}", p.id))
            .collect::<Vec<_>>();
        let hint = if ids.is_empty() {
            "give a person id (or a name exactly one person bears)".to_string()
        } else {
            format!("give the id instead: {}", ids.join(" or "))
        };
        Problem::new(msg)
            .about(format!("--person {text}"))
            .hint(hint)
            .fact(crate::error::Fact::Ledger(fact))
    })
}

/// Append `new` to the scenario's CSV ledger: everything is checked first
/// (see [`check`], then the whole scenario with the new ledger); any problem
/// and nothing is written.
pub fn append(
    scenario_path: &Path,
    prepared: Prepared,
    new: &[Candidate],
    opts: &Options,
) -> Result<Appended, AppendError> {
    let Prepared {
        ledger,
        register,
        scenario: s,
        old,
        base,
        mut overlay,
    } = prepared;
    let label = ledger.path.display().to_string();
    let io = |what: &'static str| {
        let path = label.clone();
        move |source| AppendError::Io { path, what, source }
    };
    let problems = check(&s, new, opts, &scenario_path.display().to_string());
    if !problems.is_empty() {
        return Err(AppendError::Rejected {
            file: opts.source.clone(),
            problems,
        });
    }

    let (text, encoding) = ledger::decode(&base).map_err(|p| AppendError::Rejected {
        file: label.clone(),
        problems: vec![p],
    })?;
    let csv: Csv = ledger::parse_csv(&text).map_err(|p| AppendError::Rejected {
        file: label.clone(),
        problems: vec![p],
    })?;
    let mut lines = String::new();
    if !text.is_empty() && !text.ends_with('\n') {
        lines.push_str(csv.line_ending);
    }
    for c in new {
        let name = s
            .person_ix(&c.record.person)
            .map(|p| s.person(p).name.as_str())
            .unwrap_or("");
        let row = NewRow {
            record: &c.record,
            name,
        };
        lines.push_str(&ledger::render_row(&csv, &row).map_err(|message| {
            AppendError::Unwritable {
                path: label.clone(),
                message,
            }
        })?);
    }
    let mut bytes = base.clone();
    bytes.extend(
        ledger::encode(&lines, encoding).map_err(|message| AppendError::Unwritable {
            path: label.clone(),
            message,
        })?,
    );

    // The whole new state must load, and read back the records as given.
    overlay.insert(ledger.path.clone(), bytes.clone());
    let after = scenario::load_with(scenario_path, &overlay)?;
    let ix = after
        .training
        .files
        .iter()
        .position(|l| l.path == ledger.path);
    let mine: Vec<usize> = (0..after.training.records.len())
        .filter(|&i| {
            let o = after.training.records[i].origin.file;
            o.is_some() && o == ix
        })
        .collect();
    let added = &mine[mine.len().saturating_sub(new.len())..];
    let same = added.len() == new.len()
        && added.iter().zip(new).all(|(&i, want)| {
            let got = &after.training.records[i];
            let w = &want.record;
            after.person(got.person).id == w.person
                && got.course == w.course.trim()
                && got.date == w.date
                && (got.hours - w.hours).abs() < 1e-9
                && got.kind == w.kind
                && got.passed
                    == w.passed.unwrap_or_else(|| {
                        w.result
                            .as_deref()
                            .is_none_or(crate::training::result_passes)
                    })
        });
    if !same {
        return Err(AppendError::Unwritable {
            path: label,
            message: "the ledger's columns cannot hold these records as given (check its header)"
                .to_string(),
        });
    }
    let lines_of: Vec<usize> = added
        .iter()
        .filter_map(|&i| after.training.records[i].origin.line)
        .collect();
    let records = added.to_vec();

    if !opts.dry_run {
        // Under the ledger's lock: refuse if someone else wrote it meanwhile.
        fsio::update(&ledger.path, |now| {
            if now != old {
                return Err(AppendError::Changed {
                    path: label.clone(),
                });
            }
            Ok::<_, AppendError>((Some(bytes.clone()), ()))
        })
        .map_err(io("write it"))??;
        if let Some(name) = &register {
            // Register the new ledger in the scenario, under its lock.
            let scenario_label = scenario_path.display().to_string();
            fsio::update(scenario_path, |now| {
                let text = String::from_utf8_lossy(&now.unwrap_or_default()).into_owned();
                let new = register_in(&text, name).map_err(|message| AppendError::Unwritable {
                    path: scenario_label.clone(),
                    message,
                })?;
                Ok::<_, AppendError>((Some(new.into_bytes()), ()))
            })
            .map_err(|source| AppendError::Io {
                path: scenario_path.display().to_string(),
                what: "register the new ledger in it",
                source,
            })??;
        }
    }
    Ok(Appended {
        ledger: ledger.path,
        lines: lines_of,
        records,
        created: old.is_none(),
        registered: register.is_some(),
        encoding,
        scenario: after,
    })
}
