//! Deterministic mutation testing (issue 13.8): a few thousand mutants of
//! the bundled scenarios, training ledger and a plan file, made with fixed
//! seeds, go through the same entry points the commands use. None may
//! panic; a scenario that still loads must plan within its time limit, and
//! any roster the solver returns must pass the independent checker. A
//! sample also runs through the binary: exit status 0, 1 or 3, never a panic
//! or a hang. Longer, open-ended runs: `fuzz/` (cargo fuzz).

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use xuncha::scenario::{self, Overlay};

use crate::util;

/// Values a hand edit or a hostile file might put in place of a scalar.
const NASTY: &[&str] = &[
    "",
    "~",
    "null",
    "-1",
    "0",
    "1e308",
    "-1e308",
    "NaN",
    ".inf",
    "99999999999999999999",
    "9999-12-31",
    "0000-01-01",
    "2027-02-30",
    "1899-12-31",
    "[",
    "{",
    "]",
    "[]",
    "{}",
    "{a: b}",
    "[1, [2, [3]]]",
    "&a x",
    "*a",
    "!!binary eA==",
    "\"\u{1b}]0;pwned\u{7}\"",
    "\"a\\nb\"",
    "P999",
    "T01",
    "D01",
    "yes",
    "是",
    "=cmd|' /C calc'!A0",
    "'",
    "\"",
    "#",
    ":",
    "- x",
];

/// One mutant of `text`: a line deleted, duplicated or swapped, a scalar
/// replaced, indentation shifted, a character inserted, or the text cut.
fn mutate(text: &str, rng: &mut ChaCha8Rng) -> String {
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    if lines.is_empty() {
        return String::from(NASTY[rng.random_range(0..NASTY.len())]);
    }
    let edits = 1 + rng.random_range(0..3);
    for _ in 0..edits {
        let n = lines.len();
        let i = rng.random_range(0..n);
        match rng.random_range(0..8) {
            0 => {
                lines.remove(i);
                if lines.is_empty() {
                    lines.push(String::new());
                }
            }
            1 => {
                let l = lines[i].clone();
                lines.insert(i, l);
            }
            2 => {
                let j = rng.random_range(0..n);
                lines.swap(i, j);
            }
            3 | 4 => {
                // Replace the value after a `:` or `,` (or the whole cell).
                let l = &lines[i];
                let nasty = NASTY[rng.random_range(0..NASTY.len())];
                let cut = l
                    .char_indices()
                    .filter(|(_, c)| matches!(c, ':' | ','))
                    .map(|(k, _)| k)
                    .collect::<Vec<_>>();
                lines[i] = if cut.is_empty() {
                    nasty.to_string()
                } else {
                    let at = cut[rng.random_range(0..cut.len())];
                    let rest = &l[at + 1..];
                    let end = rest.find([',', '}', ']']).map_or(l.len(), |e| at + 1 + e);
                    format!("{} {nasty}{}", &l[..=at], &l[end..])
                };
            }
            5 => {
                let l = &lines[i];
                lines[i] = if rng.random_bool(0.5) {
                    format!("  {l}")
                } else {
                    l.trim_start().to_string()
                };
            }
            6 => {
                let l = &lines[i];
                let chars: Vec<char> = l.chars().collect();
                let at = rng.random_range(0..=chars.len());
                let c = ['\t', '\u{0}', '"', '\'', '[', '{', '-', '\u{feff}', '中']
                    [rng.random_range(0..9)];
                let mut m: String = chars[..at].iter().collect();
                m.push(c);
                m.extend(&chars[at..]);
                lines[i] = m;
            }
            _ => lines.truncate(i.max(1)),
        }
    }
    let mut out = lines.join("\n");
    out.push('\n');
    out
}

fn read(rel: &str) -> String {
    std::fs::read_to_string(util::file(rel)).expect("bundled file")
}

/// Load `text` as the scenario at `file` (ledgers from `overlay`); panics
/// are the failure this test looks for.
fn load(text: &str, file: &Path, overlay: &Overlay) -> Option<xuncha::Scenario> {
    let file = file.display().to_string();
    match catch_unwind(AssertUnwindSafe(|| {
        scenario::parse_with(text, &file, overlay)
    })) {
        Ok(Ok(s)) => Some(s),
        Ok(Err(e)) => {
            // A refusal says something and renders in both languages.
            assert!(!e.to_string().is_empty());
            let _ = xuncha::report::errors::load_error(&util::zh(), &e);
            None
        }
        Err(_) => panic!("loading panicked on this mutant of {file}:\n{text}"),
    }
}

/// Plan a loaded mutant under a short limit; a roster must pass the checker.
fn plan_checked(s: &xuncha::Scenario, what: &str) {
    let Some(round) = s.round.as_ref() else {
        return;
    };
    let opts = xuncha::solver::PlanOptions {
        time_limit: Duration::from_secs(2),
        ..Default::default()
    };
    let began = Instant::now();
    let plan = catch_unwind(AssertUnwindSafe(|| xuncha::solver::plan(s, round, &opts)))
        .unwrap_or_else(|_| panic!("plan panicked on a mutant of {what}"));
    assert!(
        began.elapsed() < Duration::from_secs(30),
        "plan ran {:?} on a mutant of {what} with a 2 s limit",
        began.elapsed()
    );
    if let Ok(plan) = plan {
        if !plan.groups.is_empty() {
            if let Err(v) = xuncha::roster_check::check(s, round, &plan.groups) {
                panic!("a roster of a mutant of {what} fails the checker: {v:?}");
            }
        }
    }
}

#[test]
fn mutated_scenarios_never_panic_and_plans_of_those_that_load_pass_the_checker() {
    let mut rng = ChaCha8Rng::seed_from_u64(13);
    let none = Overlay::default();
    let mut loaded = 0;
    for (rel, count, plan_every) in [
        ("scenarios/tiny.yaml", 1_500, 3),
        ("scenarios/qingshan.yaml", 150, 10),
    ] {
        let text = read(rel);
        let file = util::file(rel);
        for k in 0..count {
            let m = mutate(&text, &mut rng);
            if let Some(s) = load(&m, &file, &none) {
                loaded += 1;
                if k % plan_every == 0 {
                    plan_checked(&s, rel);
                }
            }
        }
    }
    // The mutations are not all fatal: some still load and get planned.
    assert!(loaded > 100, "only {loaded} mutants loaded");
}

#[test]
fn mutated_training_ledgers_never_panic() {
    let mut rng = ChaCha8Rng::seed_from_u64(8);
    let yaml = read("scenarios/qingshan.yaml");
    let file = util::file("scenarios/qingshan.yaml");
    let ledger_path: PathBuf = file.parent().unwrap().join("qingshan-training.csv");
    let ledger = read("scenarios/qingshan-training.csv");
    let mut loaded = 0;
    for _ in 0..300 {
        let mut overlay = Overlay::default();
        overlay.insert(ledger_path.clone(), mutate(&ledger, &mut rng).into_bytes());
        if load(&yaml, &file, &overlay).is_some() {
            loaded += 1;
        }
    }
    assert!(
        loaded > 0 && loaded < 150,
        "{loaded} of 150 ledger mutants loaded"
    );
}

#[test]
fn mutated_plan_files_never_panic() {
    let s = scenario::load(&util::file("scenarios/qingshan.yaml")).expect("qingshan loads");
    let round = s.round.clone().expect("qingshan has a round");
    let o = util::xuncha(&["plan", "scenarios/qingshan.yaml", "--format", "json", "-q"]);
    assert!(o.status.success(), "{}", util::stderr(&o));
    let plan = util::stdout(&o);
    let mut rng = ChaCha8Rng::seed_from_u64(21);
    for _ in 0..2_000 {
        let m = mutate(&plan, &mut rng);
        let r = catch_unwind(AssertUnwindSafe(|| {
            if let Ok(p) = xuncha::lifecycle::plan_file::PlanFile::parse(&m, "plan.json") {
                let _ = p.roster(&s, &round);
                let _ = p.pins(&s, &round);
            }
        }));
        assert!(r.is_ok(), "a plan file mutant panicked:\n{m}");
    }
}

/// Run the binary on a mutant with a deadline; its exit status.
fn run_with_deadline(args: &[&str], dir: &Path) -> (Option<i32>, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_xuncha"))
        .env("XUNCHA_LANG", "zh-CN")
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("xuncha runs");
    let began = Instant::now();
    loop {
        if let Some(status) = child.try_wait().expect("wait") {
            let mut err = String::new();
            use std::io::Read;
            let _ = child.stderr.take().unwrap().read_to_string(&mut err);
            return (status.code(), err);
        }
        if began.elapsed() > Duration::from_secs(20) {
            let _ = child.kill();
            panic!("xuncha {args:?} hung");
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}

#[test]
fn mutated_scenarios_through_the_binary_exit_0_1_or_3_with_words() {
    let mut rng = ChaCha8Rng::seed_from_u64(5);
    let tiny = read("scenarios/tiny.yaml");
    let dir = tempfile::tempdir().unwrap();
    for k in 0..60 {
        let m = mutate(&tiny, &mut rng);
        std::fs::write(dir.path().join("m.yaml"), &m).unwrap();
        let cmd = ["check", "conflicts", "plan"][k % 3];
        let (code, err) = run_with_deadline(
            &[cmd, "m.yaml", "--time-limit", "2"][..if cmd == "plan" { 4 } else { 2 }],
            dir.path(),
        );
        // 0 done, 1 bad input, 3 no roster exists (`plan`).
        assert!(
            matches!(code, Some(0) | Some(1) | Some(3)),
            "xuncha {cmd} exited {code:?} on:\n{m}\n{err}"
        );
        assert!(!err.contains("panicked"), "{err}");
        if code == Some(1) {
            assert!(
                err.contains("m.yaml"),
                "the error does not name the file:\n{err}"
            );
        }
    }
}
