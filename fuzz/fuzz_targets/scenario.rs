//! Any bytes as a scenario: loading must never panic, and a scenario that
//! loads must plan (briefly) to a roster the independent checker accepts.
#![no_main]

use std::time::Duration;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(s) = xuncha::scenario::parse(text, "fuzz.yaml") else {
        return;
    };
    let Some(round) = s.round.as_ref() else {
        return;
    };
    let opts = xuncha::solver::PlanOptions {
        time_limit: Duration::from_millis(500),
        ..Default::default()
    };
    if let Ok(plan) = xuncha::solver::plan(&s, round, &opts) {
        if !plan.groups.is_empty() {
            assert!(xuncha::roster_check::check(&s, round, &plan.groups).is_ok());
        }
    }
});
