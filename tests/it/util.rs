//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A file under the repository root.
pub fn file(rel: &str) -> PathBuf {
    root().join(rel)
}

/// Run the `xuncha` binary with `args`, from the repository root, in
/// English (`XUNCHA_LANG=en`): most tests assert on the English wording.
pub fn xuncha(args: &[&str]) -> Output {
    xuncha_in("en", args)
}

/// Run the `xuncha` binary as an office would: no language set, so Chinese.
pub fn xuncha_zh(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_xuncha"))
        .args(args)
        .current_dir(root())
        .env_remove("XUNCHA_LANG")
        .output()
        .expect("run xuncha")
}

/// Run the `xuncha` binary with `XUNCHA_LANG` set to `lang`.
pub fn xuncha_in(lang: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_xuncha"))
        .args(args)
        .current_dir(root())
        .env("XUNCHA_LANG", lang)
        .output()
        .expect("run xuncha")
}

/// English words, for tests that call the renderer directly.
pub fn en() -> xuncha::report::i18n::Words {
    xuncha::report::i18n::Words::new(xuncha::report::i18n::Lang::En)
}

/// Chinese words, for tests that call the renderer directly.
pub fn zh() -> xuncha::report::i18n::Words {
    xuncha::report::i18n::Words::new(xuncha::report::i18n::Lang::Zh)
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Parse a scenario given as text; panics with the problems if invalid.
pub fn scenario(yaml: &str) -> xuncha::Scenario {
    match xuncha::scenario::parse(yaml, "test.yaml") {
        Ok(s) => s,
        Err(e) => panic!("scenario does not load:\n{e}"),
    }
}

/// Write `text` to a fresh temporary file and return its path (kept alive by the guard).
pub fn temp_file(name: &str, text: &[u8]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join(name);
    std::fs::write(&path, text).expect("write temp file");
    (dir, path)
}

pub fn exists(p: &Path) -> bool {
    p.exists()
}

/// `xuncha plan SCENARIO --format json`, parsed (the scenario must plan).
pub fn plan_json(scenario: &str) -> serde_json::Value {
    let o = xuncha(&["plan", scenario, "--format", "json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    serde_json::from_str(&stdout(&o)).expect("plan JSON")
}
