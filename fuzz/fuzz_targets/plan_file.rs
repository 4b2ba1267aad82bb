//! Any bytes as a plan file (the JSON `plan --format json` prints), read
//! against the bundled qingshan scenario: never a panic.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;

fn qingshan() -> &'static xuncha::Scenario {
    static S: OnceLock<xuncha::Scenario> = OnceLock::new();
    S.get_or_init(|| {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../scenarios/qingshan.yaml");
        xuncha::scenario::load(std::path::Path::new(path)).expect("qingshan loads")
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let s = qingshan();
    let round = s.round.as_ref().expect("qingshan has a round");
    if let Ok(p) = xuncha::lifecycle::plan_file::PlanFile::parse(text, "fuzz.json") {
        let _ = p.roster(s, round);
        let _ = p.pins(s, round);
    }
});
