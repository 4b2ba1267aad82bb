//! Every file in tests/corpus/malformed/ is a bad scenario: `xuncha check`
//! must refuse it with exit status 1 and a message naming the file, quickly
//! and without panicking.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::util;

/// Longest a refusal may take (debug build, 2 cores, run beside other tests).
const LIMIT: Duration = Duration::from_secs(20);

fn corpus() -> PathBuf {
    util::file("tests/corpus/malformed")
}

fn files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(corpus())
        .expect("tests/corpus/malformed exists")
        .map(|e| e.expect("read dir entry").path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files
}

struct Run {
    status: Option<i32>,
    stdout: String,
    stderr: String,
    took: Duration,
}

/// Run `xuncha check NAME` from the corpus folder, killing it after [`LIMIT`].
fn check(name: &str, dir: &Path) -> Run {
    let t = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_xuncha"))
        .env("XUNCHA_LANG", "en")
        .args(["check", name])
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run xuncha");
    // Read the pipes on threads so a chatty child cannot block on a full pipe.
    let mut out = child.stdout.take().unwrap();
    let mut err = child.stderr.take().unwrap();
    let out_t = std::thread::spawn(move || {
        let mut s = Vec::new();
        std::io::Read::read_to_end(&mut out, &mut s).ok();
        s
    });
    let err_t = std::thread::spawn(move || {
        let mut s = Vec::new();
        std::io::Read::read_to_end(&mut err, &mut s).ok();
        s
    });
    let status = loop {
        if let Some(st) = child.try_wait().expect("wait") {
            break st;
        }
        if t.elapsed() > LIMIT {
            child.kill().ok();
            child.wait().ok();
            panic!("{name}: still running after {LIMIT:?} (hang or blow-up)");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Run {
        status: status.code(),
        stdout: String::from_utf8_lossy(&out_t.join().unwrap()).into_owned(),
        stderr: String::from_utf8_lossy(&err_t.join().unwrap()).into_owned(),
        took: t.elapsed(),
    }
}

#[test]
fn corpus_is_there() {
    let n = files().len();
    assert!(n >= 30, "expected about 30 malformed files, found {n}");
}

#[test]
fn every_malformed_file_is_refused_cleanly() {
    let dir = corpus();
    let mut failures = Vec::new();
    for path in files() {
        let name = path.file_name().unwrap().to_str().unwrap().to_string();
        let run = check(&name, &dir);
        let mut why = Vec::new();
        if run.status != Some(1) {
            why.push(format!("exit status {:?}, want 1", run.status));
        }
        if run.stderr.trim().is_empty() {
            why.push("nothing on stderr".to_string());
        }
        if !run.stderr.contains(&name) {
            why.push("stderr does not name the file".to_string());
        }
        if run.stderr.contains("panicked") || run.stderr.contains("RUST_BACKTRACE") {
            why.push("panicked".to_string());
        }
        if !run.stdout.is_empty() {
            why.push("wrote a report to stdout".to_string());
        }
        if !why.is_empty() {
            failures.push(format!(
                "{name} ({:?}): {}\n{}",
                run.took,
                why.join("; "),
                run.stderr
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// The file with many problems reports every one of them, each located.
#[test]
fn all_problems_are_collected() {
    let run = check("many-problems.yaml", &corpus());
    assert_eq!(run.status, Some(1));
    let lines: Vec<&str> = run.stderr.lines().collect();
    let last = lines.last().copied().unwrap_or("");
    let count: usize = last
        .strip_prefix("many-problems.yaml: ")
        .and_then(|s| s.strip_suffix(" problems"))
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no problem count in\n{}", run.stderr));
    assert_eq!(
        count,
        lines.len() - 1,
        "one line per problem\n{}",
        run.stderr
    );
    assert!(count >= 25, "only {count} problems found\n{}", run.stderr);
    for l in &lines[..lines.len() - 1] {
        let l = l.strip_prefix("error: ").unwrap_or(l);
        let rest = l
            .strip_prefix("many-problems.yaml:")
            .unwrap_or_else(|| panic!("{l}"));
        let mut parts = rest.split(':');
        let line: usize = parts
            .next()
            .unwrap()
            .parse()
            .unwrap_or_else(|_| panic!("no line: {l}"));
        let col: usize = parts
            .next()
            .unwrap()
            .parse()
            .unwrap_or_else(|_| panic!("no column: {l}"));
        assert!((1..=40).contains(&line) && col >= 1, "{l}");
    }
    for expected in [
        "skill \"finance\" is listed twice",
        "weight 0 out of range",
        "complaints -2 out of range",
        "duplicate id",
        "a department has villages",
        "unknown skill \"finanse\"",
        "unknown unit \"X1\"",
        "unknown hometown \"X2\"",
        "unknown posting unit \"X3\"",
        "ends (2019-01-01) before it starts (2020-01-01)",
        "pool member without skills",
        "unknown person \"P9\"",
        "a person related to themself",
        "kin_depth 9 out of range",
        "former_posting_years -1 out of range",
        "unknown person \"P7\"",
        "\"T1-V1\" is a village, not a unit",
        "a waiver without a reason",
        "an `apart` entry lists 1 person",
        "unknown person \"P8\"",
        "hours -1 out of range",
        "within_days 0 out of range",
        "ends (2026-08-01) before it starts (2026-09-01)",
        "unknown person \"P5\"",
        "leader P5 is not among the members",
        "unknown unit \"D5\"",
        "unknown village \"V5\"",
        "ends (2027-01-01) before it starts (2027-03-01)",
        "groups 0 out of range",
        "group_size min 4 is greater than max 2",
        "unknown unit \"Z9\"",
        "unit T1 listed twice",
        "unknown skill \"law\"",
        "balance -1 out of range",
    ] {
        assert!(
            run.stderr.contains(expected),
            "missing {expected:?} in\n{}",
            run.stderr
        );
    }
}

/// Problems come in file order.
#[test]
fn problems_are_in_file_order() {
    let run = check("many-problems.yaml", &corpus());
    let positions: Vec<(usize, usize)> = run
        .stderr
        .lines()
        .filter_map(|l| {
            let rest = l
                .strip_prefix("error: ")
                .unwrap_or(l)
                .strip_prefix("many-problems.yaml:")?;
            let mut parts = rest.split(':');
            Some((parts.next()?.parse().ok()?, parts.next()?.parse().ok()?))
        })
        .collect();
    let mut sorted = positions.clone();
    sorted.sort();
    assert_eq!(positions, sorted);
}

/// The same refusals through the library: `scenario::load` returns an
/// error with problems and never panics.
#[test]
fn library_load_refuses_every_file() {
    for path in files() {
        let err = xuncha::scenario::load(&path)
            .err()
            .unwrap_or_else(|| panic!("{} loaded", path.display()));
        assert!(
            !err.problems().is_empty(),
            "{}: no problems",
            path.display()
        );
        assert!(!err.to_string().is_empty());
    }
}

/// 100,000 nested flow lists under a key: libyaml (via serde_yaml) is
/// quadratic in nesting depth (10k: 0.4 s, 40k: 5.6 s, 100k: ~35 s on 2
/// cores), so a 200 KB file ties `check` up for half a minute.
#[test]
fn deep_nesting_is_refused_quickly() {
    let dir = tempfile::tempdir().unwrap();
    let n = 100_000;
    let text = format!("version: 1\nskills: {}{}\n", "[".repeat(n), "]".repeat(n));
    std::fs::write(dir.path().join("deep.yaml"), text).unwrap();
    let run = check("deep.yaml", dir.path());
    assert_eq!(run.status, Some(1));
    assert!(run.took < Duration::from_secs(5), "took {:?}", run.took);
}
