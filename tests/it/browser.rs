//! The HTML report in a real browser (issue 10): headless Chromium (Debian's
//! `chromium`, which `.ci/run` installs) reads the DOM, prints the report to
//! PDF on A4, and measures the page. Without Chromium these tests say so
//! and pass, unless `XUNCHA_REQUIRE_BROWSER=1` (as in CI), when they fail.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::util::{self, stderr, xuncha_zh};

/// Pages qingshan's report may take on A4: 8 groups of 4–5 and five short
/// sections; more means the print stylesheet broke.
const MAX_PAGES: usize = 10;

fn chromium() -> Option<PathBuf> {
    for name in ["chromium", "chromium-browser", "google-chrome"] {
        if let Some(dir) = std::env::var_os("PATH")
            .iter()
            .flat_map(std::env::split_paths)
            .find(|d| d.join(name).is_file())
        {
            return Some(dir.join(name));
        }
    }
    if std::env::var("XUNCHA_REQUIRE_BROWSER").as_deref() == Ok("1") {
        panic!("XUNCHA_REQUIRE_BROWSER=1 but no chromium on PATH (apt-get install chromium)");
    }
    eprintln!("browser tests skipped: no chromium on PATH");
    None
}

/// Run headless Chromium on `page` with `args`, offline, in a fresh
/// profile; its standard output. Killed after a minute.
fn headless(browser: &Path, args: &[String], page: &Path) -> String {
    let profile = tempfile::tempdir().unwrap();
    let mut child = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--proxy-server=127.0.0.1:9",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(args)
        .arg(format!("file://{}", page.display()))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromium starts");
    let began = Instant::now();
    let mut out = String::new();
    let mut pipe = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        use std::io::Read;
        let mut s = String::new();
        let _ = pipe.read_to_string(&mut s);
        s
    });
    loop {
        if child.try_wait().unwrap().is_some() {
            break;
        }
        if began.elapsed() > Duration::from_secs(60) {
            let _ = child.kill();
            panic!("chromium hung on {}", page.display());
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    out.push_str(&reader.join().unwrap());
    out
}

/// The report of qingshan, written to a file.
fn qingshan_report(dir: &Path, extra: &[&str]) -> PathBuf {
    let path = dir.join("报告.html");
    let mut args = vec![
        "report",
        "scenarios/qingshan.yaml",
        "-o",
        path.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    let o = xuncha_zh(&args);
    assert!(o.status.success(), "{}", stderr(&o));
    path
}

#[test]
fn chromium_shows_every_leader_member_and_unit_of_the_plan() {
    let Some(browser) = chromium() else { return };
    let dir = tempfile::tempdir().unwrap();
    let page = qingshan_report(dir.path(), &["--simulate"]);
    let dom = headless(&browser, &["--dump-dom".to_string()], &page);
    let s = xuncha::scenario::load(&util::file("scenarios/qingshan.yaml")).unwrap();
    let plan = util::plan_json("scenarios/qingshan.yaml");
    for g in plan["groups"].as_array().unwrap() {
        let leader = g["leader"].as_str().unwrap();
        let p = s.lookup(leader).unwrap();
        let xuncha::scenario::Entity::Person(p) = p else {
            panic!()
        };
        assert!(dom.contains(s.person_name(p)), "leader {leader} not shown");
        for id in g["members"].as_array().unwrap() {
            assert!(dom.contains(id.as_str().unwrap()), "member {id} not shown");
        }
        for id in g["units"].as_array().unwrap() {
            assert!(dom.contains(id.as_str().unwrap()), "unit {id} not shown");
        }
    }
    assert!(dom.contains("<svg"), "the charts are in the DOM");
}

#[test]
fn the_report_prints_on_a4_within_its_page_bound() {
    let Some(browser) = chromium() else { return };
    let dir = tempfile::tempdir().unwrap();
    let page = qingshan_report(dir.path(), &[]);
    let pdf = dir.path().join("报告.pdf");
    headless(
        &browser,
        &[
            format!("--print-to-pdf={}", pdf.display()),
            "--no-pdf-header-footer".to_string(),
        ],
        &page,
    );
    let bytes = std::fs::read(&pdf).expect("chromium printed the PDF");
    let text = String::from_utf8_lossy(&bytes);
    let pages = text.matches("/Type /Page").count() - text.matches("/Type /Pages").count();
    assert!((1..=MAX_PAGES).contains(&pages), "{pages} pages");
    // A4 portrait: 595 × 842 points.
    assert!(
        text.contains("/MediaBox [0 0 595") || text.contains("/MediaBox [0 0 594"),
        "not A4"
    );
}

#[test]
fn no_element_is_wider_than_the_printable_a4_width() {
    let Some(browser) = chromium() else { return };
    let dir = tempfile::tempdir().unwrap();
    let page = qingshan_report(dir.path(), &["--simulate", "--evidence"]);
    // A test-only copy measures itself: the report carries no script.
    let html = std::fs::read_to_string(&page).unwrap();
    let probe = "<script>const w=document.documentElement.clientWidth;\
const wide=[...document.body.querySelectorAll('*')].filter(e=>e.getBoundingClientRect().right>w+1).map(e=>e.tagName);\
document.body.setAttribute('data-too-wide',wide.length+':'+wide.slice(0,5).join(','));</script></body>";
    let measured = dir.path().join("measured.html");
    std::fs::write(&measured, html.replace("</body>", probe)).unwrap();
    // 180 mm (A4 less 15 mm margins) at 96 px per inch: 680 px.
    let dom = headless(
        &browser,
        &[
            "--window-size=680,1000".to_string(),
            "--dump-dom".to_string(),
        ],
        &measured,
    );
    let at = dom.find("data-too-wide=\"").expect("the probe ran") + 15;
    let verdict = &dom[at..at + dom[at..].find('"').unwrap()];
    assert!(
        verdict.starts_with("0:"),
        "elements wider than the page: {verdict}"
    );
}
