//! The office's year in one file (issue 12): next round, everyday edits,
//! the safe writer, plans that know their scenario; and the lifecycle's
//! words in both languages (issue 9).

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use xuncha::simulate::{self, SimOptions};

use crate::util::{file, stderr, stdout, xuncha, xuncha_zh};

const SMALL: &str = "tests/data/lifecycle/small.yaml";
const PLAN: &str = "tests/data/lifecycle/plan.json";

fn run(args: &[&str]) -> (i32, String, String) {
    let o = xuncha(args);
    (o.status.code().unwrap_or(-1), stdout(&o), stderr(&o))
}

fn run_zh(args: &[&str]) -> (i32, String, String) {
    let o = xuncha_zh(args);
    (o.status.code().unwrap_or(-1), stdout(&o), stderr(&o))
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// A temporary copy of the small county and its plan.
fn workspace() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let scenario = dir.path().join("small.yaml");
    let plan = dir.path().join("plan.json");
    std::fs::copy(file(SMALL), &scenario).unwrap();
    std::fs::copy(file(PLAN), &plan).unwrap();
    (dir, scenario, plan)
}

/// Output with the temporary directory written as `<tmp>`.
fn clean(text: &str, dir: &Path) -> String {
    text.replace(&format!("{}/", dir.display()), "")
}

/// The units of the scenario's round, by id.
fn round_units(path: &Path) -> Vec<String> {
    let s = xuncha::scenario::load(path).unwrap_or_else(|e| panic!("{e}"));
    let r = s.round.as_ref().unwrap();
    r.units.iter().map(|u| s.unit(*u).id.clone()).collect()
}

#[test]
fn the_whole_term_of_qingshan_plan_commit_round_next() {
    let dir = tempfile::tempdir().unwrap();
    for f in ["qingshan.yaml", "qingshan-training.csv"] {
        std::fs::copy(file(&format!("scenarios/{f}")), dir.path().join(f)).unwrap();
    }
    let scenario = dir.path().join("qingshan.yaml");
    // The office records each year's annual course as the term goes on.
    let pool = xuncha::scenario::load(&scenario).unwrap();
    let mut ledger = std::fs::read_to_string(dir.path().join("qingshan-training.csv")).unwrap();
    for year in 2027..=2030 {
        for p in pool.people.iter().filter(|p| p.pool) {
            ledger.push_str(&format!(
                "{},{},{year}年度巡察业务专训,{year}-02-15,40,全脱产专训,合格,\n",
                p.id, p.name
            ));
        }
    }
    std::fs::write(dir.path().join("qingshan-training.csv"), ledger).unwrap();
    let plan = dir.path().join("plan.json");
    let plan_round = |scenario: &Path| {
        let o = xuncha(&[
            "plan",
            s(scenario),
            "--format",
            "json",
            "--time-limit",
            "30",
        ]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        std::fs::write(&plan, &o.stdout).unwrap();
    };
    // The first round, as the file describes it.
    plan_round(&scenario);
    let (code, out, err) = run(&["commit", s(&scenario), s(&plan)]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("committed round 2027-R1"), "{out}");

    // What simulate would choose for the rest of the term, from here.
    let committed = xuncha::scenario::load(&scenario).unwrap();
    let p = simulate::prepare(&committed, &SimOptions::default()).unwrap();
    let mut state = simulate::State::new(&p, &[]);
    let mut expected: Vec<Vec<String>> = Vec::new();
    while state.next < p.slots.len() {
        let choice = state.choose(&p);
        expected.push(
            choice
                .round
                .units
                .iter()
                .map(|u| committed.unit(*u).id.clone())
                .collect(),
        );
        // Coverage does not depend on who serves: mark the round staffed.
        for &u in &choice.round.units {
            state.covered.insert(u);
            let seen = &mut state.last_seen[u.ix()];
            *seen = Some(seen.map_or(choice.round.start, |d| d.max(choice.round.start)));
        }
        state.next += 1;
    }
    let term = committed.term.as_ref().unwrap();
    assert_eq!(expected.len(), term.rounds.len());

    for (i, tr) in term.rounds.iter().enumerate() {
        let (code, out, err) = run(&["round", "next", s(&scenario)]);
        assert_eq!(code, 0, "round next before {}: {err}", tr.id);
        assert!(out.contains(&format!("round {} follows", tr.id)), "{out}");
        assert_eq!(round_units(&scenario), expected[i], "units of {}", tr.id);
        plan_round(&scenario);
        let (code, out, err) = run(&["commit", s(&scenario), s(&plan)]);
        assert_eq!(code, 0, "commit {}: {err}", tr.id);
        assert!(out.contains(&format!("committed round {}", tr.id)), "{out}");
    }
    // Nothing comes next.
    let (code, _, err) = run(&["round", "next", s(&scenario)]);
    assert_eq!(code, 1);
    assert!(
        err.contains("every round of `term.rounds` is in history"),
        "{err}"
    );

    // Every unit of the term was inspected by the committed rounds, as the
    // simulation planned.
    let done = xuncha::scenario::load(&scenario).unwrap();
    let start = done.term.as_ref().unwrap().start;
    let mut held: Vec<String> = done
        .history
        .iter()
        .filter(|h| h.start >= start)
        .flat_map(|h| h.groups.iter().flat_map(|g| g.units.iter()))
        .map(|u| done.unit(*u).id.clone())
        .collect();
    held.sort();
    held.dedup();
    let mut all: Vec<String> = done.units.iter().map(|u| u.id.clone()).collect();
    all.sort();
    let left_out: Vec<String> = p
        .to_cover
        .iter()
        .map(|u| committed.unit(*u).id.clone())
        .filter(|u| !held.contains(u))
        .collect();
    assert!(left_out.is_empty(), "units never inspected: {left_out:?}");
    // The read-only commands say the last round is committed, and go on.
    let (code, _, err) = run(&["check", s(&scenario)]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("is committed"), "{err}");
}

#[test]
fn commit_next_commits_and_moves_on_in_one_step() {
    let (_d, scenario, plan) = workspace();
    let (code, out, err) = run(&["commit", s(&scenario), s(&plan), "--next"]);
    // The small county has no term: the commit is refused whole.
    assert_eq!(code, 1, "{out}");
    assert!(err.contains("no `term.rounds`"), "{err}");
    assert_eq!(
        std::fs::read(&scenario).unwrap(),
        std::fs::read(file(SMALL)).unwrap(),
        "nothing was written"
    );
}

#[test]
fn commit_next_on_a_county_with_a_term_moves_to_its_next_round() {
    let dir = tempfile::tempdir().unwrap();
    for f in ["qingshan.yaml", "qingshan-training.csv"] {
        std::fs::copy(file(&format!("scenarios/{f}")), dir.path().join(f)).unwrap();
    }
    let scenario = dir.path().join("qingshan.yaml");
    let plan = dir.path().join("plan.json");
    let o = xuncha(&[
        "plan",
        s(&scenario),
        "--format",
        "json",
        "--time-limit",
        "30",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    std::fs::write(&plan, &o.stdout).unwrap();
    let (code, out, err) = run(&["commit", s(&scenario), s(&plan), "--next"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("committed round 2027-R1"), "{out}");
    assert!(out.contains("round 2027-R2 follows 2027-R1"), "{out}");
    let sc = xuncha::scenario::load(&scenario).unwrap();
    assert_eq!(sc.round.as_ref().unwrap().id, "2027-R2");
    assert!(sc.committed.is_none());
    assert!(sc.history.iter().any(|h| h.id == "2027-R1"));
}

#[test]
fn read_only_commands_accept_a_committed_round_and_say_so() {
    let (_d, scenario, plan) = workspace();
    let (code, _, err) = run(&["commit", s(&scenario), s(&plan)]);
    assert_eq!(code, 0, "{err}");
    for args in [
        vec!["check", s(&scenario)],
        vec!["conflicts", s(&scenario)],
        vec!["training", "report", s(&scenario)],
        vec!["conflicts", s(&scenario), "--format", "json"],
    ] {
        let (code, _, err) = run(&args);
        assert_eq!(code, 0, "{args:?}: {err}");
        assert!(
            err.contains("round 2027-R1 of") && err.contains("is committed"),
            "{args:?}: {err}"
        );
    }
    let (code, _, err) = run(&["plan", s(&scenario)]);
    assert_eq!(code, 1);
    assert!(
        err.contains("already committed") && err.contains("round next"),
        "{err}"
    );
    let (code, _, err) = run_zh(&["check", s(&scenario)]);
    assert_eq!(code, 0);
    assert!(err.contains("已提交"), "{err}");
}

/// Two different valid plans for the small county's round.
fn two_plans(dir: &Path) -> (PathBuf, PathBuf) {
    let a = dir.join("a.json");
    std::fs::copy(file(PLAN), &a).unwrap();
    let pins = dir.join("pins.yaml");
    std::fs::write(
        &pins,
        "leads: [{person: P01, unit: T01}]\nsits_out: [P10]\n",
    )
    .unwrap();
    let o = xuncha(&[
        "plan",
        s(&dir.join("small.yaml")),
        "--pin",
        s(&pins),
        "--format",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let b = dir.join("b.json");
    std::fs::write(&b, &o.stdout).unwrap();
    assert_ne!(std::fs::read(&a).unwrap(), o.stdout);
    (a, b)
}

#[test]
fn concurrent_commits_never_lose_a_roster() {
    let dir = tempfile::tempdir().unwrap();
    let original = dir.path().join("small.yaml");
    std::fs::copy(file(SMALL), &original).unwrap();
    let (a, b) = two_plans(dir.path());
    let bin = env!("CARGO_BIN_EXE_xuncha");
    let mut both = 0;
    for trial in 0..100 {
        let scenario = dir.path().join(format!("county-{trial}.yaml"));
        std::fs::copy(&original, &scenario).unwrap();
        // Different rosters for the same round: exactly one may win, the
        // other must be refused; with --replace both may win, the last
        // replacing the first.
        let replace = trial % 2 == 1;
        let spawn = |plan: &Path| {
            let mut c = Command::new(bin);
            c.args(["commit", s(&scenario), s(plan)])
                .env("XUNCHA_LANG", "en")
                .stdout(Stdio::piped())
                .stderr(Stdio::piped());
            if replace {
                c.arg("--replace");
            }
            c.spawn().unwrap()
        };
        let (pa, pb) = (spawn(&a), spawn(&b));
        let (oa, ob) = (
            pa.wait_with_output().unwrap(),
            pb.wait_with_output().unwrap(),
        );
        let s = xuncha::lifecycle::ScenarioFile::read(&scenario).unwrap();
        let entry = s.committed.as_ref().expect("a roster is in history");
        let codes = (oa.status.code(), ob.status.code());
        if replace {
            assert_eq!(codes, (Some(0), Some(0)), "{}{}", stderr(&oa), stderr(&ob));
            both += 1;
        } else {
            let refused = if codes == (Some(0), Some(1)) {
                &ob
            } else {
                &oa
            };
            assert!(
                codes == (Some(0), Some(1)) || codes == (Some(1), Some(0)),
                "trial {trial}: {codes:?} {} {}",
                stderr(&oa),
                stderr(&ob)
            );
            assert!(
                stderr(refused).contains("is already in the history"),
                "{}",
                stderr(refused)
            );
        }
        // The file holds one entry for the round, and it is one of the plans.
        let text = std::fs::read_to_string(&scenario).unwrap();
        assert_eq!(text.matches("- round: 2027-R1").count(), 1, "trial {trial}");
        assert_eq!(entry.round.groups.len(), 2);
        std::fs::remove_file(&scenario).unwrap();
    }
    assert_eq!(both, 50);
}

#[test]
fn concurrent_edits_of_one_file_are_all_kept() {
    // Two different changes at once: both must be in the file afterwards.
    let dir = tempfile::tempdir().unwrap();
    let bin = env!("CARGO_BIN_EXE_xuncha");
    for trial in 0..20 {
        let scenario = dir.path().join(format!("c{trial}.yaml"));
        std::fs::copy(file(SMALL), &scenario).unwrap();
        let mut a = Command::new(bin);
        a.args([
            "leave",
            s(&scenario),
            "P03",
            "--from",
            "2027-06-01",
            "--to",
            "2027-06-09",
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
        let mut b = Command::new(bin);
        b.args([
            "declare",
            s(&scenario),
            "P05",
            "T02",
            "--reason",
            "亲属任职",
            "--date",
            "2027-02-01",
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
        let (ca, cb) = (a.spawn().unwrap(), b.spawn().unwrap());
        let (oa, ob) = (
            ca.wait_with_output().unwrap(),
            cb.wait_with_output().unwrap(),
        );
        assert_eq!(
            (oa.status.code(), ob.status.code()),
            (Some(0), Some(0)),
            "{}{}",
            stderr(&oa),
            stderr(&ob)
        );
        let sc = xuncha::scenario::load(&scenario).unwrap();
        let p03 = sc.person_ix("P03").unwrap();
        assert!(sc
            .person(p03)
            .unavailable
            .iter()
            .any(|r| r.from.to_string() == "2027-06-01"));
        assert!(sc
            .recusal
            .declared
            .iter()
            .any(|d| sc.person(d.person).id == "P05"));
    }
}

#[cfg(unix)]
#[test]
fn a_664_scenario_stays_664_and_a_read_only_one_is_refused() {
    use std::os::unix::fs::PermissionsExt;
    let (_d, scenario, plan) = workspace();
    std::fs::set_permissions(&scenario, std::fs::Permissions::from_mode(0o664)).unwrap();
    let (code, _, err) = run(&["commit", s(&scenario), s(&plan)]);
    assert_eq!(code, 0, "{err}");
    let mode = std::fs::metadata(&scenario).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o664);

    let (_d2, ro, plan2) = workspace();
    std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o444)).unwrap();
    let before = std::fs::read(&ro).unwrap();
    let (code, _, err) = run(&["commit", s(&ro), s(&plan2)]);
    assert_eq!(code, 1);
    assert!(err.contains("is read-only"), "{err}");
    assert_eq!(std::fs::read(&ro).unwrap(), before);
    let (code, _, err) = run_zh(&["declare", s(&ro), "P05", "T02", "--reason", "x"]);
    assert_eq!(code, 1);
    assert!(err.contains("只读"), "{err}");
}

#[cfg(unix)]
#[test]
fn a_commit_through_a_symlink_updates_the_target() {
    let (dir, scenario, plan) = workspace();
    let link = dir.path().join("link.yaml");
    std::os::unix::fs::symlink(&scenario, &link).unwrap();
    let (code, _, err) = run(&["commit", s(&link), s(&plan)]);
    assert_eq!(code, 0, "{err}");
    assert!(std::fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    let text = std::fs::read_to_string(&scenario).unwrap();
    assert!(
        text.contains("- round: 2027-R1"),
        "the target holds the roster"
    );
}

/// The small county with other unit names: another scenario, same ids.
fn other_county(dir: &Path) -> PathBuf {
    let text = std::fs::read_to_string(file(SMALL)).unwrap();
    let other = dir.join("other.yaml");
    std::fs::write(&other, text.replace("青山镇", "白水镇")).unwrap();
    other
}

#[test]
fn a_plan_from_another_scenario_is_refused_by_every_command() {
    let (dir, scenario, _) = workspace();
    let plan = dir.path().join("fresh.json");
    let o = xuncha(&["plan", s(&scenario), "--format", "json"]);
    std::fs::write(&plan, &o.stdout).unwrap();
    let text = String::from_utf8(o.stdout).unwrap();
    assert!(
        text.contains("\"scenario\": \"sha256:") && text.contains("\"fingerprint\": \"sha256:")
    );
    let other = other_county(dir.path());
    for args in [
        vec!["commit", s(&other), s(&plan)],
        vec!["repair", s(&other), s(&plan), "--drop", "P02"],
        vec!["why", s(&other), s(&plan), "--person", "P02"],
        vec!["replace", s(&other), s(&plan), "--person", "P02"],
    ] {
        let (code, out, err) = run(&args);
        assert_eq!(code, 1, "{args:?}: {out}");
        assert!(
            err.contains("was planned for another scenario"),
            "{args:?}: {err}"
        );
    }
}

#[test]
fn a_plan_for_another_round_is_refused_by_every_command() {
    let (dir, scenario, _) = workspace();
    let plan = dir.path().join("fresh.json");
    let o = xuncha(&["plan", s(&scenario), "--format", "json"]);
    let text = String::from_utf8(o.stdout)
        .unwrap()
        .replace("2027-R1", "2026-R9");
    std::fs::write(&plan, text).unwrap();
    for args in [
        vec!["commit", s(&scenario), s(&plan)],
        vec!["repair", s(&scenario), s(&plan), "--drop", "P02"],
        vec!["why", s(&scenario), s(&plan), "--person", "P02"],
        vec!["replace", s(&scenario), s(&plan), "--person", "P02"],
    ] {
        let (code, _, err) = run(&args);
        assert_eq!(code, 1, "{args:?}");
        assert!(
            err.contains("was planned for round 2026-R9"),
            "{args:?}: {err}"
        );
    }
}

#[test]
fn a_plan_from_the_same_scenario_changed_since_is_only_warned_about() {
    let (dir, scenario, _) = workspace();
    let plan = dir.path().join("fresh.json");
    let o = xuncha(&["plan", s(&scenario), "--format", "json"]);
    std::fs::write(&plan, &o.stdout).unwrap();
    // Unchanged: no warning.
    let (code, _, err) = run(&["why", s(&scenario), s(&plan), "--person", "P02"]);
    assert_eq!(code, 0);
    assert!(!err.contains("warning"), "{err}");
    // A leave outside the round changes the inputs, not the roster's validity.
    let (code, _, err) = run(&[
        "leave",
        s(&scenario),
        "P09",
        "--from",
        "2027-08-01",
        "--to",
        "2027-08-02",
    ]);
    assert_eq!(code, 0, "{err}");
    for args in [
        vec!["why", s(&scenario), s(&plan), "--person", "P02"],
        vec!["replace", s(&scenario), s(&plan), "--person", "P02"],
        vec![
            "repair",
            s(&scenario),
            s(&plan),
            "--drop",
            "P02",
            "--time-limit",
            "10",
        ],
        vec!["commit", s(&scenario), s(&plan)],
    ] {
        let (code, _, err) = run(&args);
        assert_eq!(code, 0, "{args:?}: {err}");
        assert!(err.contains("has changed since"), "{args:?}: {err}");
    }
}

/// The lines of `new` that are not in `old` (a line diff that is enough
/// when edits only insert or replace whole lines).
fn changed_lines(old: &str, new: &str) -> (Vec<String>, Vec<String>) {
    let o: Vec<&str> = old.lines().collect();
    let n: Vec<&str> = new.lines().collect();
    let mut pre = 0;
    while pre < o.len() && pre < n.len() && o[pre] == n[pre] {
        pre += 1;
    }
    let mut post = 0;
    while post < o.len() - pre
        && post < n.len() - pre
        && o[o.len() - 1 - post] == n[n.len() - 1 - post]
    {
        post += 1;
    }
    (
        o[pre..o.len() - post]
            .iter()
            .map(|s| s.to_string())
            .collect(),
        n[pre..n.len() - post]
            .iter()
            .map(|s| s.to_string())
            .collect(),
    )
}

#[test]
fn each_edit_command_changes_only_its_lines_and_check_and_conflicts_see_it() {
    let (_d, scenario, _) = workspace();
    let edit = |args: &[&str]| {
        let before = std::fs::read_to_string(&scenario).unwrap();
        // `pool remove` and `relation add` are two words.
        let words = if matches!(args[0], "pool" | "relation") {
            2
        } else {
            1
        };
        let mut all = args[..words].to_vec();
        all.push(s(&scenario));
        all.extend_from_slice(&args[words..]);
        let (code, out, err) = run(&all);
        assert_eq!(code, 0, "{args:?}: {err}");
        let after = std::fs::read_to_string(&scenario).unwrap();
        (out, changed_lines(&before, &after))
    };
    // 本人申报: one entry appended, nothing removed; conflicts shows R5.
    let (out, (gone, added)) = edit(&[
        "declare",
        "P05",
        "T02",
        "--reason",
        "配偶新任镇长",
        "--date",
        "2027-02-10",
    ]);
    assert!(gone.is_empty(), "{gone:?}");
    assert!(added.iter().any(|l| l.contains("P05")), "{added:?}");
    assert!(out.contains("declared a conflict"), "{out}");
    let (_, conflicts, _) = run(&[
        "conflicts",
        s(&scenario),
        "--person",
        "P05",
        "--unit",
        "T02",
    ]);
    assert!(conflicts.contains("R5"), "{conflicts}");

    // 出库: pool becomes false, the change is recorded; check counts one less.
    let (_, check_before, _) = run(&["check", s(&scenario)]);
    let (_, (gone, added)) = edit(&[
        "pool",
        "remove",
        "P09",
        "--reason",
        "调离",
        "--date",
        "2027-02-11",
    ]);
    // Only P09's own entry (a flow mapping over two lines) changed.
    assert!(gone.len() <= 2 && gone[0].contains("P09"), "{gone:?}");
    assert!(added.iter().any(|l| l.contains("pool: false")), "{added:?}");
    assert!(
        added
            .iter()
            .any(|l| l.contains("pool_changes: [{date: 2027-02-11, pool: false, reason: 调离}]")),
        "{added:?}"
    );
    let (_, check_after, _) = run(&["check", s(&scenario)]);
    assert_ne!(check_before, check_after);
    let sc = xuncha::scenario::load(&scenario).unwrap();
    assert!(!sc.person(sc.person_ix("P09").unwrap()).pool);
    // Twice is refused with the reason.
    let (code, _, err) = run(&["pool", "remove", s(&scenario), "P09"]);
    assert_eq!(code, 1);
    assert!(err.contains("is not in the pool"), "{err}");
    // 入库 again.
    edit(&["pool", "add", "P09", "--date", "2027-03-20"]);
    let sc = xuncha::scenario::load(&scenario).unwrap();
    assert!(sc.person(sc.person_ix("P09").unwrap()).pool);

    // Leave: an unavailable range.
    let (_, (gone, added)) = edit(&[
        "leave",
        "P03",
        "--from",
        "2027-04-01",
        "--to",
        "2027-04-05",
        "--reason",
        "病假",
    ]);
    assert!(
        gone.len() <= 2 && gone.iter().all(|l| !l.contains("id:") || l.contains("P03")),
        "{gone:?}"
    );
    assert!(
        added
            .concat()
            .contains("unavailable: [{from: 2027-04-01, to: 2027-04-05, reason: 病假}]"),
        "{added:?}"
    );
    let sc = xuncha::scenario::load(&scenario).unwrap();
    assert_eq!(sc.person(sc.person_ix("P03").unwrap()).unavailable.len(), 1);

    // Relation: a Chinese kind is written as its code; conflicts follow it.
    edit(&[
        "relation",
        "add",
        "P06",
        "P03",
        "配偶",
        "--date",
        "2027-02-12",
    ]);
    let sc = xuncha::scenario::load(&scenario).unwrap();
    assert!(sc.relations.iter().any(|r| r.kind == "spouse"));

    // Waive: only a conflict that exists.
    let (code, _, err) = run(&["waive", s(&scenario), "P01", "T02", "--reason", "x"]);
    assert_eq!(code, 1);
    assert!(err.contains("nothing to waive"), "{err}");
    edit(&[
        "waive",
        "P05",
        "T02",
        "--reason",
        "经审核不需回避",
        "--date",
        "2027-02-13",
    ]);
    let (_, conflicts, _) = run(&[
        "conflicts",
        s(&scenario),
        "--person",
        "P05",
        "--unit",
        "T02",
    ]);
    assert!(
        conflicts.contains("no conflicts") && conflicts.contains("经审核不需回避"),
        "{conflicts}"
    );

    // An edit that would make the file invalid is refused whole.
    let before = std::fs::read(&scenario).unwrap();
    let (code, _, err) = run(&["relation", "add", s(&scenario), "P01", "P99", "spouse"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("P99"), "{err}");
    assert_eq!(std::fs::read(&scenario).unwrap(), before);
}

#[test]
fn repair_record_writes_what_it_was_told() {
    let (_d, scenario, plan) = workspace();
    let (code, out, err) = run(&[
        "repair",
        s(&scenario),
        s(&plan),
        "--drop",
        "P08",
        "--add-conflict",
        "P07,T02",
        "--record",
        "巡察办会议决定",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("left the pool"), "{out}");
    let sc = xuncha::scenario::load(&scenario).unwrap();
    assert!(!sc.person(sc.person_ix("P08").unwrap()).pool);
    assert!(sc
        .recusal
        .declared
        .iter()
        .any(|d| sc.person(d.person).id == "P07" && d.reason == "巡察办会议决定"));
}

#[test]
fn lifecycle_output_goes_to_a_file_with_o() {
    let (dir, scenario, plan) = workspace();
    let out = dir.path().join("why.json");
    let (code, printed, err) = run(&[
        "why",
        s(&scenario),
        s(&plan),
        "--person",
        "P02",
        "--format",
        "json",
        "-o",
        s(&out),
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(printed.is_empty());
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(v["person"], "P02");
    assert_eq!(v["role"], "leader");
}

/// Exact text of the lifecycle commands, in both languages.
#[test]
fn lifecycle_words_in_both_languages() {
    let (dir, scenario, plan) = workspace();
    let sc = s(&scenario);
    let pl = s(&plan);
    let cases: Vec<(&str, Vec<&str>)> = vec![
        ("why-leader", vec!["why", sc, pl, "--person", "P02"]),
        ("why-outside", vec!["why", sc, pl, "--person", "P04"]),
        (
            "why-json",
            vec!["why", sc, pl, "--person", "P10", "--format", "json"],
        ),
        ("replace", vec!["replace", sc, pl, "--person", "P08"]),
        (
            "replace-json",
            vec!["replace", sc, pl, "--person", "P08", "--format", "json"],
        ),
        ("repair", vec!["repair", sc, pl, "--drop", "P08"]),
        (
            "error-village",
            vec!["why", sc, pl, "--person", "P02", "--unit", "T01-V01"],
        ),
        ("error-unknown", vec!["replace", sc, pl, "--person", "P99"]),
    ];
    for (name, args) in &cases {
        for (lang, runner) in [("en", run as fn(&[&str]) -> _), ("zh", run_zh)] {
            let (code, out, err) = runner(args);
            let text = format!(
                "exit {code}\n{}{}",
                clean(&out, dir.path()),
                clean(&err, dir.path())
            );
            insta::assert_snapshot!(format!("office_{name}_{lang}"), text);
        }
    }
    // The edits and round next, in both languages (each on a fresh copy).
    for (lang, runner) in [("en", run as fn(&[&str]) -> _), ("zh", run_zh)] {
        let (dir, scenario, plan) = workspace();
        let sc = s(&scenario);
        let mut text = String::new();
        for args in [
            vec!["commit", sc, s(&plan)],
            vec![
                "declare",
                sc,
                "P05",
                "T02",
                "--reason",
                "配偶新任镇长",
                "--date",
                "2027-02-10",
            ],
            vec![
                "pool",
                "remove",
                sc,
                "P08",
                "--reason",
                "调离",
                "--date",
                "2027-03-02",
            ],
            vec!["pool", "remove", sc, "P08"],
            vec![
                "leave",
                sc,
                "P03",
                "--from",
                "2027-04-01",
                "--to",
                "2027-04-05",
                "--reason",
                "病假",
            ],
            vec![
                "relation",
                "add",
                sc,
                "P06",
                "P09",
                "配偶",
                "--date",
                "2027-02-12",
            ],
            vec!["waive", sc, "P01", "T02", "--reason", "x"],
            vec![
                "waive",
                sc,
                "P04",
                "T02",
                "--reason",
                "配偶已于2026年调离",
                "--date",
                "2027-03-03",
            ],
            vec!["commit", sc, s(&plan)],
            vec!["round", "next", sc],
        ] {
            let (code, out, err) = runner(&args);
            text.push_str(&format!(
                "$ {}\nexit {code}\n{}{}",
                args[0],
                clean(&out, dir.path()),
                clean(&err, dir.path())
            ));
        }
        insta::assert_snapshot!(format!("office_edits_{lang}"), text);
    }
}
