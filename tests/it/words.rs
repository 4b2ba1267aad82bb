//! What people read, in both languages: exact-text snapshots of `check`,
//! `conflicts`, `plan`, `simulate`, `training report`, `--help` and usage
//! errors in Chinese (no language set, as an office runs it) and English
//! (`XUNCHA_LANG=en`); the command-line value parser's regressions (time
//! limits that panicked, month shifts that ran for minutes); `-o FILE`;
//! control characters from input.

use std::path::Path;
use std::process::Output;

use crate::util;

/// A small county with a staffable round, a waiver and a term of three
/// rounds (synthetic people).
const SMALL: &str = "tests/data/words/small-term.yaml";
/// The bundled hand-made scenario whose round cannot be staffed.
const TINY: &str = "scenarios/tiny.yaml";

/// Run in `lang` (`None`: no language set, so Chinese).
fn run(lang: Option<&str>, args: &[&str]) -> Output {
    match lang {
        Some(l) => util::xuncha_in(l, args),
        None => util::xuncha_zh(args),
    }
}

/// The plan headline's `[backend, variables, rows, seconds]` varies from run
/// to run; everything else is fixed.
fn without_timing(text: &str) -> String {
    let mut out = String::new();
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches('\n');
        match body.rfind(" [") {
            Some(i)
                if body.ends_with(" s]") || body.ends_with("秒]") || body.contains("microlp") =>
            {
                out.push_str(&body[..i]);
                if line.ends_with('\n') {
                    out.push('\n');
                }
            }
            _ => out.push_str(line),
        }
    }
    out
}

/// What a person sees: the command, its exit status, standard output and
/// standard error.
fn shot(lang: Option<&str>, args: &[&str]) -> String {
    let out = run(lang, args);
    let stderr = util::stderr(&out);
    assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
    let mut text = format!(
        "$ xuncha {}\n--- exit status: {} ---\n{}",
        args.join(" "),
        out.status.code().unwrap_or(-1),
        without_timing(&util::stdout(&out))
    );
    if !stderr.is_empty() {
        text.push_str("--- stderr ---\n");
        text.push_str(&stderr);
    }
    text
}

/// One snapshot per language for `args`.
macro_rules! both {
    ($name:ident, $args:expr) => {
        #[test]
        fn $name() {
            let args: &[&str] = &$args;
            insta::assert_snapshot!(concat!(stringify!($name), "_zh"), shot(None, args));
            insta::assert_snapshot!(concat!(stringify!($name), "_en"), shot(Some("en"), args));
        }
    };
}

// ------------------------------------------------------------ the tables

both!(check_small, ["check", SMALL]);
// Load errors: duplicate and unknown ids (with "did you mean"), a village
// and a person where a unit is wanted, a skill listed twice.
both!(load_errors_ids, ["check", "tests/data/words/bad-ids.yaml"]);
both!(check_tiny, ["check", TINY]);
both!(conflicts_table, ["conflicts", SMALL]);
both!(
    conflicts_all_units_with_waiver,
    ["conflicts", SMALL, "--all-units"]
);
both!(conflicts_csv, ["conflicts", SMALL, "--format", "csv"]);
both!(plan_table, ["plan", SMALL]);
both!(plan_csv, ["plan", SMALL, "--format", "csv"]);
both!(plan_infeasible, ["plan", TINY]);
// Each counting argument of the diagnosis, with the people out and why.
both!(
    plan_infeasible_by_counting,
    ["plan", "tests/data/words/short-handed.yaml"]
);
// Load errors of values and structure: ranges, dates, empty texts, …
both!(
    load_errors_values,
    ["check", "tests/data/words/bad-values.yaml"]
);
// Values of the wrong shape (the parser's findings), all in one run.
both!(
    load_errors_shapes,
    ["check", "tests/data/words/bad-shapes.yaml"]
);
// A training ledger's bad rows, a missing ledger, a ledger of no known kind.
both!(
    load_errors_ledger,
    ["check", "tests/data/words/bad-ledger.yaml"]
);
// A pins file naming what does not exist, or the wrong kind of thing.
both!(
    load_errors_pins,
    ["plan", TINY, "--pin", "tests/data/words/bad-pins.yaml"]
);
// The pool over time (docs/pool.md): the report, and who is out of rotation.
both!(
    pool_report,
    ["pool", "report", "tests/data/pool.yaml", "--idle", "1"]
);
both!(pool_check, ["check", "tests/data/pool.yaml"]);
both!(
    pool_simulate,
    ["simulate", "tests/data/pool.yaml", "--quiet"]
);
both!(simulate_table, ["simulate", SMALL, "--quiet"]);
both!(
    simulate_rosters,
    ["simulate", SMALL, "--quiet", "--rosters", "--rounds", "1"]
);
both!(
    simulate_csv,
    ["simulate", SMALL, "--quiet", "--format", "csv"]
);
both!(
    simulate_compare,
    [
        "simulate",
        SMALL,
        "--quiet",
        "--compare",
        "groups=1 group-size=3-5",
        "--compare",
        "without=P09"
    ]
);
both!(
    simulate_monte_carlo,
    [
        "simulate",
        SMALL,
        "--quiet",
        "--samples",
        "3",
        "--seed",
        "7",
        "--absence",
        "0.2"
    ]
);
both!(simulate_infeasible, ["simulate", TINY, "--quiet"]);
both!(training_report, ["training", "report", SMALL]);
both!(
    training_report_year,
    ["training", "report", SMALL, "--year", "2026"]
);
both!(
    training_report_csv,
    ["training", "report", SMALL, "--format", "csv"]
);

// ------------------------------------------------------------ help

both!(help_root, ["--help"]);
both!(help_plan, ["plan", "--help"]);
both!(help_simulate, ["simulate", "--help"]);
both!(help_training_report, ["help", "training", "report"]);

// ------------------------------------------------------------ usage errors

both!(usage_unknown_flag, ["plan", SMALL, "--formt", "json"]);
both!(usage_unknown_command, ["plna", SMALL]);
both!(usage_invalid_choice, ["plan", SMALL, "--format", "xml"]);
both!(usage_missing_argument, ["why", SMALL]);
both!(usage_missing_value, ["plan", SMALL, "--format"]);
both!(usage_unexpected_argument, ["check", SMALL, "extra"]);
both!(
    usage_bad_date,
    ["conflicts", SMALL, "--as-of", "2027-02-30"]
);
both!(
    usage_unknown_person,
    ["conflicts", SMALL, "--person", "P99"]
);
both!(
    usage_village_as_unit,
    ["conflicts", SMALL, "--unit", "T01-V02"]
);
both!(usage_person_as_unit, ["conflicts", SMALL, "--unit", "P01"]);
both!(usage_not_in_pool, ["simulate", SMALL, "--without", "Q01"]);
both!(usage_no_term, ["simulate", TINY, "--shift-months", "3"]);
both!(
    usage_missing_file,
    ["check", "tests/data/words/no-such-file.yaml"]
);
both!(
    usage_training_report_no_date,
    ["training", "report", "tests/data/words/no-round.yaml"]
);

// ------------------------------------------- issue 13: values in range

/// The regression cases of issue 13 that panicked or ran for minutes: each
/// ends at once with exit status 2 and the accepted range.
fn refused(args: &[&str], range: &str) {
    for lang in [None, Some("en")] {
        let out = run(lang, args);
        let err = util::stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(!err.contains("panicked"), "{args:?}: {err}");
        assert!(util::stdout(&out).is_empty(), "{args:?}");
        assert!(
            err.contains(range),
            "{args:?} names the range {range}: {err}"
        );
    }
}

#[test]
fn huge_time_limits_are_refused_not_panicked_on() {
    for v in ["1e20", "1e19", "86401", "inf", "0", "-5", "NaN"] {
        refused(&["plan", TINY, "--time-limit", v], "86400");
        refused(&["simulate", TINY, "--round-time-limit", v], "86400");
        refused(
            &[
                "repair",
                TINY,
                "tests/data/words/no-such-plan.json",
                "--drop",
                "P01",
                "--time-limit",
                v,
            ],
            "86400",
        );
    }
}

#[test]
fn a_month_shift_beyond_any_term_is_refused_at_once() {
    refused(
        &[
            "simulate",
            SMALL,
            "--rounds",
            "2",
            "--shift-months",
            "100000",
        ],
        "120",
    );
    refused(&["simulate", SMALL, "--shift-months", "1000000"], "120");
    refused(&["simulate", SMALL, "--shift-months", "-100000"], "120");
}

#[test]
fn a_month_shift_is_bounded_by_the_terms_length() {
    // The term runs 2026-01-01 to 2028-12-31: 36 months.
    refused(&["simulate", SMALL, "--shift-months", "37"], "36");
    refused(&["simulate", SMALL, "--shift-months", "-40"], "36");
    let out = util::xuncha(&[
        "simulate",
        SMALL,
        "--quiet",
        "--shift-months",
        "6",
        "--format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", util::stderr(&out));
}

#[test]
fn other_numbers_name_their_range() {
    refused(&["simulate", SMALL, "--samples", "0"], "1000");
    refused(
        &["simulate", SMALL, "--samples", "99999999999999999999"],
        "1000",
    );
    refused(&["simulate", SMALL, "--absence", "1.5"], "1");
    refused(&["simulate", SMALL, "--lookahead", "11"], "10");
    refused(&["simulate", SMALL, "--rounds", "1000000"], "100");
    refused(&["simulate", SMALL, "--groups", "0"], "1000");
    refused(&["training", "report", SMALL, "--year", "99999"], "2200");
    refused(&["conflicts", SMALL, "--as-of", "9999-01-01"], "2200-12-31");
}

// ------------------------------------------------------------ -o FILE

#[test]
fn output_goes_to_the_file_and_nothing_to_the_screen() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("冲突.csv");
    let f = file.to_str().unwrap();
    for (args, what) in [
        (
            vec!["conflicts", SMALL, "--format", "csv", "-o", f],
            "人员编号",
        ),
        (vec!["-o", f, "check", SMALL], "人才库"),
        (vec!["plan", SMALL, "--output", f], "第一巡察组"),
        (vec!["training", "report", SMALL, "-o", f], "培训情况"),
        (vec!["simulate", SMALL, "-q", "-o", f], "本届模拟"),
        (
            vec!["generate", "--preset", "small", "--force", "-o", f],
            "version: 1",
        ),
    ] {
        let out = util::xuncha_zh(&args);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{args:?}: {}",
            util::stderr(&out)
        );
        assert!(util::stdout(&out).is_empty(), "{args:?}");
        let text = std::fs::read_to_string(&file).unwrap();
        assert!(text.contains(what), "{args:?}: {text}");
        // Same bytes as on the screen.
        let screen: Vec<&str> = args
            .iter()
            .copied()
            .filter(|a| !matches!(*a, "-o" | "--output") && *a != f)
            .collect();
        let shown = util::stdout(&util::xuncha_zh(&screen));
        assert_eq!(without_timing(&shown), without_timing(&text), "{args:?}");
    }
}

#[test]
fn output_keeps_the_exit_status_of_an_infeasible_plan() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("plan.txt");
    let out = util::xuncha_zh(&["plan", TINY, "-o", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(3));
    assert!(std::fs::read_to_string(&file).unwrap().contains("无解"));
}

#[test]
fn output_is_not_written_when_the_command_fails() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("out.txt");
    std::fs::write(&file, "earlier result\n").unwrap();
    let out = util::xuncha_zh(&[
        "conflicts",
        SMALL,
        "--person",
        "P99",
        "-o",
        file.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "earlier result\n");
}

#[test]
fn generate_output_is_created_and_replaced_only_with_force() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("county.yaml");
    std::fs::write(&file, "keep me\n").unwrap();
    let f = file.to_str().unwrap();
    let out = util::xuncha_zh(&["generate", "--preset", "small", "-o", f]);
    assert_eq!(out.status.code(), Some(1), "{}", util::stderr(&out));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "keep me\n");
    let out = util::xuncha_zh(&["generate", "--preset", "small", "-o", f, "--force"]);
    assert_eq!(out.status.code(), Some(0), "{}", util::stderr(&out));
    assert!(std::fs::read_to_string(&file)
        .unwrap()
        .contains("version: 1"));
}

#[test]
fn output_never_overwrites_an_input() {
    let dir = tempfile::tempdir().unwrap();
    let scenario = dir.path().join("s.yaml");
    std::fs::copy(util::file(SMALL), &scenario).unwrap();
    let before = std::fs::read(&scenario).unwrap();
    let s = scenario.to_str().unwrap();
    for lang in [None, Some("en")] {
        let out = run(lang, &["plan", s, "--format", "json", "-o", s]);
        assert_eq!(out.status.code(), Some(2), "{}", util::stderr(&out));
        assert!(util::stderr(&out).contains("s.yaml"));
    }
    assert_eq!(std::fs::read(&scenario).unwrap(), before);
}

#[test]
fn an_unwritable_output_names_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("no-such-dir").join("out.txt");
    let out = util::xuncha_zh(&["check", SMALL, "-o", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = util::stderr(&out);
    assert!(err.starts_with("错误："), "{err}");
    assert!(err.contains("out.txt") && err.contains("无法写入"), "{err}");
}

// ------------------------------------------ control characters from input

/// SMALL with an escape sequence and a newline in a person's name and a
/// colour code in a unit's name (YAML double quotes make them).
fn hostile(dir: &Path) -> String {
    let yaml = std::fs::read_to_string(util::file(SMALL))
        .unwrap()
        .replace(
            "{id: P09, name: 孙涛,",
            "{id: P09, name: \"孙\\e]0;pwned\\a涛\\n李\",",
        )
        .replace(
            "- {id: D01, name: 县财政局,",
            "- {id: D01, name: \"县\\e[31m财政局\",",
        );
    assert!(yaml.contains("\\e]0;"), "the fixture changed");
    let path = dir.join("hostile.yaml");
    std::fs::write(&path, yaml).unwrap();
    path.to_str().unwrap().to_string()
}

#[test]
fn control_characters_from_input_never_reach_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let file = hostile(dir.path());
    for args in [
        vec!["check", &file],
        vec!["conflicts", &file, "--all-units"],
        vec!["plan", &file],
        vec!["simulate", &file, "-q"],
        vec!["training", "report", &file],
    ] {
        for lang in [None, Some("en")] {
            let out = run(lang, &args);
            assert_eq!(
                out.status.code(),
                Some(0),
                "{args:?}: {}",
                util::stderr(&out)
            );
            let text = util::stdout(&out);
            assert!(
                !text.chars().any(|c| c.is_control() && c != '\n'),
                "{args:?}: a control character in\n{text}"
            );
            // The name stays on its row, escaped.
            for line in text
                .lines()
                .filter(|l| l.contains("P09") && l.contains("孙"))
            {
                assert!(
                    line.contains("孙\\u{1b}]0;pwned\\u{7}涛\\n李"),
                    "{args:?}: {line}"
                );
            }
            assert!(
                !text.lines().any(|l| l.trim_start().starts_with('李')),
                "{args:?}: a row was split:\n{text}"
            );
        }
    }
}

// ----------------------------------------------- no English left in Chinese

/// English words the tables used to print. None may appear in Chinese
/// output (ids, rule codes and the scenario's own text aside).
const ENGLISH: &[&str] = &[
    "group",
    "groups",
    "leader",
    "leaders",
    "member",
    "members",
    "round",
    "rounds",
    "optimal",
    "feasible",
    "infeasible",
    "score",
    "villages",
    "village",
    "retired",
    "conflicts",
    "conflict",
    "pool",
    "units",
    "unit",
    "training",
    "hours",
    "person",
    "people",
    "name",
    "status",
    "course",
    "records",
    "kind",
    "window",
    "available",
    "excluded",
    "warning",
    "coverage",
    "load",
    "repeats",
    "failures",
    "assumptions",
    "lapses",
    "samples",
    "median",
    "mean",
    "none",
    "every",
    "since",
    "short",
    "compliant",
    "relations",
    "history",
    "skills",
    "notes",
    "role",
    "weight",
    "dates",
    "eligible",
    "assumed",
    "covered",
    "total",
    "of",
    "and",
    "the",
    "in",
    "is",
    "at",
    "by",
    "with",
    "to",
    "from",
    "no",
    "not",
    "why",
];

#[test]
fn chinese_output_has_no_english_words_left() {
    let runs: Vec<Vec<&str>> = vec![
        vec!["check", SMALL],
        vec!["check", TINY],
        vec!["conflicts", SMALL, "--all-units"],
        vec!["plan", SMALL],
        vec!["plan", TINY],
        vec!["simulate", SMALL, "-q", "--rosters"],
        vec![
            "simulate",
            SMALL,
            "-q",
            "--compare",
            "groups=1",
            "--compare",
            "without=P09",
        ],
        vec!["simulate", SMALL, "-q", "--samples", "3", "--seed", "7"],
        vec!["training", "report", SMALL],
        vec!["training", "report", SMALL, "--year", "2026"],
        vec!["plan", "tests/data/words/short-handed.yaml"],
        vec!["check", "tests/data/words/bad-ids.yaml"],
        vec!["check", "tests/data/words/bad-values.yaml"],
        vec!["check", "tests/data/words/bad-shapes.yaml"],
        vec!["check", "tests/data/words/bad-ledger.yaml"],
        vec!["plan", TINY, "--pin", "tests/data/words/bad-pins.yaml"],
        vec!["pool", "report", "tests/data/pool.yaml", "--idle", "1"],
        vec!["check", "tests/data/pool.yaml"],
        vec!["simulate", "tests/data/pool.yaml", "-q"],
    ];
    let mut found = Vec::new();
    for args in &runs {
        let out = util::xuncha_zh(args);
        assert!(
            matches!(out.status.code(), Some(0 | 1 | 3)),
            "{args:?}: {}",
            util::stderr(&out)
        );
        // A refused file's problems are the output (on standard error).
        let text = util::stdout(&out) + &util::stderr(&out);
        for line in text.lines() {
            // Flags (`--rosters`) and variants (`groups=1`) are what the
            // user typed, not words; `code` (a field of the scenario such
            // as `round.units`) is what the scenario itself contains.
            let words: String = line
                .split('`')
                .enumerate()
                .filter(|(i, _)| i % 2 == 0)
                .map(|(_, part)| part)
                .collect::<Vec<_>>()
                .join(" ");
            for word in words
                .split_whitespace()
                .filter(|t| !t.starts_with('-') && !t.contains('='))
                .flat_map(|t| t.split(|c: char| !(c.is_ascii_alphabetic() || c == '_')))
                .filter(|w| !w.is_empty())
            {
                if ENGLISH.contains(&word.to_ascii_lowercase().as_str()) {
                    found.push(format!("{args:?}: `{word}` in: {line}"));
                }
            }
        }
    }
    assert!(found.is_empty(), "English left:\n{}", found.join("\n"));
}
