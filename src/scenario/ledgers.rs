//! The ledger files a scenario includes (`training.files`, docs/training.md):
//! read, decoded and parsed into records that validation then checks like
//! the scenario's own. A problem in a ledger names that file and its line.

use std::path::Path;

use super::raw::{RawRecord, RawScenario};
use super::{locate, Ledger, LedgerFormat, Locations, Overlay};
use crate::error::{excerpt, Fact, LedgerFact, Problem};
use crate::ids::Span;
use crate::training::ledger::{self as csvledger, FieldSpans, PeopleIndex, NEW_HEADER};

/// What the ledger files hold.
#[derive(Debug, Default)]
pub(super) struct Included {
    pub ledgers: Vec<Ledger>,
    pub records: Vec<IncludedRecord>,
    /// Problems found reading them; each names its file.
    pub problems: Vec<Problem>,
}

/// A record from a ledger file.
#[derive(Debug)]
pub(super) struct IncludedRecord {
    pub raw: RawRecord,
    /// Index into `ledgers`.
    pub ledger: usize,
    /// The ledger's name for messages.
    pub label: String,
    pub line: Option<usize>,
    pub spans: FieldSpans,
}

/// The format a ledger's name implies.
pub fn format_of(name: &str) -> Option<LedgerFormat> {
    let ext = Path::new(name)
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match ext.as_deref() {
        Some("csv") => Some(LedgerFormat::Csv),
        Some("yaml" | "yml") => Some(LedgerFormat::Yaml),
        _ => None,
    }
}

pub(super) fn read(
    raw: &RawScenario,
    locations: &Locations,
    base: &Path,
    scenario: &Path,
    overlay: &Overlay,
) -> Included {
    let mut out = Included::default();
    let Some(training) = &raw.training else {
        return out;
    };
    if training.files.is_empty() {
        return out;
    }
    let people = PeopleIndex::new(raw.people.iter().map(|p| (p.id.as_str(), p.name.as_str())));
    for (i, declared) in training.files.iter().enumerate() {
        let at = locations.find(&locate::path(&format!("training.files[{i}]")));
        let here = |msg: String, fact: LedgerFact| {
            Problem::new(msg)
                .at(at)
                .about("training.files")
                .fact(Fact::Ledger(fact))
        };
        let name = || excerpt(declared);
        if declared.trim().is_empty() {
            out.problems.push(
                here("empty ledger file name".into(), LedgerFact::EmptyFileName)
                    .hint("a path such as training.csv"),
            );
            continue;
        }
        let Some(format) = format_of(declared) else {
            out.problems.push(
                here(
                    format!("ledger “{declared}” is neither .csv nor .yaml"),
                    LedgerFact::NotCsvOrYaml { name: name() },
                )
                .hint("a ledger is a CSV file or a YAML list of records"),
            );
            continue;
        };
        let path = base.join(declared);
        if path == scenario {
            out.problems.push(
                here(
                    format!("ledger “{declared}” is the scenario itself"),
                    LedgerFact::IsTheScenario { name: name() },
                )
                .hint("name a separate file"),
            );
            continue;
        }
        if out.ledgers.iter().any(|l| l.path == path) {
            out.problems.push(
                here(
                    format!("ledger “{declared}” is listed twice"),
                    LedgerFact::ListedTwice { name: name() },
                )
                .hint("list it once"),
            );
            continue;
        }
        let label = path.display().to_string();
        let bytes = match overlay.read(&path) {
            Ok(b) => b,
            Err(e) => {
                let fact = if e.kind() == std::io::ErrorKind::NotFound {
                    LedgerFact::Missing {
                        path: label.clone(),
                        csv: format == LedgerFormat::Csv,
                    }
                } else {
                    LedgerFact::Unreadable {
                        path: label.clone(),
                        reason: e.to_string(),
                    }
                };
                let hint = if e.kind() == std::io::ErrorKind::NotFound {
                    match format {
                        LedgerFormat::Csv => format!(
                            "create it with the header line `{NEW_HEADER}` (`xuncha training add` does), or remove it from training.files"
                        ),
                        LedgerFormat::Yaml => "create it (a YAML list of records, or empty), or remove it from training.files".to_string(),
                    }
                } else {
                    "check the path and its permissions".to_string()
                };
                out.problems
                    .push(here(format!("cannot read ledger {label}: {e}"), fact).hint(hint));
                continue;
            }
        };
        let ledger = out.ledgers.len();
        out.ledgers.push(Ledger {
            declared: declared.clone(),
            path,
            format,
        });
        let (text, _) = match csvledger::decode(&bytes) {
            Ok(t) => t,
            Err(p) => {
                out.problems.push(p.in_file(&label));
                continue;
            }
        };
        match format {
            LedgerFormat::Csv => read_csv(&text, &label, ledger, &people, &mut out),
            LedgerFormat::Yaml => read_yaml(&text, &label, ledger, &mut out),
        }
    }
    out
}

fn read_csv(text: &str, label: &str, ledger: usize, people: &PeopleIndex, out: &mut Included) {
    let csv = match csvledger::parse_csv(text) {
        Ok(c) => c,
        Err(p) => {
            out.problems.push(p.in_file(label));
            return;
        }
    };
    let header = csvledger::check_header(&csv);
    if !header.is_empty() {
        out.problems
            .extend(header.into_iter().map(|p| p.in_file(label)));
        return;
    }
    let (records, problems) = csvledger::records(&csv, people);
    out.problems
        .extend(problems.into_iter().map(|p| p.in_file(label)));
    out.records
        .extend(records.into_iter().map(|r| IncludedRecord {
            raw: r.record,
            ledger,
            label: label.to_string(),
            line: Some(r.line),
            spans: r.spans,
        }));
}

fn read_yaml(text: &str, label: &str, ledger: usize, out: &mut Included) {
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    let only_comments = body
        .lines()
        .all(|l| l.trim().is_empty() || l.trim_start().starts_with('#'));
    if only_comments {
        return;
    }
    let records: Vec<RawRecord> = match serde_yaml::from_str::<Option<Vec<RawRecord>>>(body) {
        Ok(r) => r.unwrap_or_default(),
        Err(e) => {
            let span = e.location().map(|l| Span {
                line: l.line(),
                column: l.column(),
            });
            let mut message = e.to_string();
            if let Some(i) = message.find(" at line ") {
                message.truncate(i);
            }
            let fact = Fact::Ledger(LedgerFact::BadYaml {
                detail: message.clone(),
            });
            out.problems.push(
                Problem::new(message)
                    .at(span)
                    .in_file(label)
                    .fact(fact)
                    .hint("a ledger YAML file is a list of records: - {person: P001, course: …, date: 2026-04-10, hours: 8}"),
            );
            return;
        }
    };
    let locations = Locations::index(body);
    for (j, raw) in records.into_iter().enumerate() {
        let find = |field: &str| locations.find(&locate::path(&format!("[{j}]{field}")));
        let row = find("");
        out.records.push(IncludedRecord {
            raw,
            ledger,
            label: label.to_string(),
            line: row.map(|s| s.line),
            spans: FieldSpans {
                row,
                person: find(".person"),
                course: find(".course"),
                date: find(".date"),
                hours: find(".hours"),
            },
        });
    }
}
