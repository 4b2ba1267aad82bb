//! `xuncha plan`: plan the scenario's round.

use std::io::Write;
use std::path::PathBuf;
use std::time::Duration;

use anyhow::anyhow;
use clap::Args;

use super::{args, emit, load, CliError, Failure, FormatArg, EXIT_INFEASIBLE, EXIT_OK};
use crate::report;
use crate::report::i18n::Words;
use crate::t;

#[derive(Debug, Args)]
pub struct PlanArgs {
    pub scenario: PathBuf,
    #[arg(long, value_enum, default_value = "table")]
    pub format: FormatArg,
    #[arg(long, default_value = "60", value_name = "SECONDS", value_parser = args::time_limit)]
    pub time_limit: Duration,
    #[arg(long = "pin", value_name = "PINS.yaml")]
    pub pin: Vec<PathBuf>,
    #[arg(long = "pin-plan", value_name = "PARTIAL.json")]
    pub pin_plan: Option<PathBuf>,
    #[arg(short, long)]
    pub quiet: bool,
}

/// A spinner on standard error showing the solver's incumbent, bound, gap
/// and the time spent; hidden unless standard error is a terminal.
fn progress(w: &Words, quiet: bool) -> (indicatif::ProgressBar, crate::solver::OnProgress) {
    use std::io::IsTerminal;
    if quiet || !std::io::stderr().is_terminal() {
        return (indicatif::ProgressBar::hidden(), Default::default());
    }
    let bar = indicatif::ProgressBar::new_spinner();
    let template = t!(
        w,
        "plan-progress",
        spinner = "{spinner}",
        state = "{msg}",
        elapsed = "{elapsed}"
    );
    if let Ok(style) = indicatif::ProgressStyle::with_template(&template) {
        bar.set_style(style);
    }
    bar.enable_steady_tick(Duration::from_millis(200));
    let unknown = t!(w, "plan-progress-unknown");
    let words = *w;
    let shown = bar.clone();
    let sink = crate::solver::OnProgress::new(move |p: crate::solver::Progress| {
        let num = |x: Option<f64>| x.map_or(unknown.clone(), |v| format!("{v:.0}"));
        let gap = p
            .gap()
            .map_or(unknown.clone(), |g| format!("{:.1}%", g * 100.0));
        shown.set_message(t!(
            words,
            "plan-progress-state",
            incumbent = num(p.incumbent),
            bound = num(p.bound),
            gap = gap
        ));
    });
    (bar, sink)
}

pub fn run(a: &PlanArgs, w: &Words, out: &mut dyn Write) -> Result<u8, Failure> {
    let s = load(&a.scenario)?;
    if let Some(e) = report::lifecycle::plan_committed(w, &s, &a.scenario.display().to_string()) {
        return Err(Failure::input(anyhow!(e)));
    }
    let Some(round) = &s.round else {
        return Err(Failure::bad_input(
            w,
            CliError::NoRound {
                file: a.scenario.display().to_string(),
            },
        ));
    };
    let pins = crate::lifecycle::pins_file::gather(&s, round, &a.pin, a.pin_plan.as_deref())
        .map_err(|e| Failure::input(anyhow!(e)))?;
    let (bar, sink) = progress(w, a.quiet);
    let opts = crate::solver::PlanOptions {
        time_limit: a.time_limit,
        pins,
        progress: sink,
        ..Default::default()
    };
    let plan = crate::solver::plan(&s, round, &opts);
    bar.finish_and_clear();
    let plan = plan.map_err(|e| Failure::input(anyhow!(report::plan::plan_error(w, &s, &e))))?;
    let text = match a.format {
        FormatArg::Json => report::plan::json(&s, &plan),
        FormatArg::Csv => report::plan::csv(w, &s, &plan),
        FormatArg::Xlsx => {
            super::emit_xlsx(out, &[report::plan::sheet(w, &s, &plan)])?;
            String::new()
        }
        FormatArg::Table => report::plan::table(w, &s, &plan, true),
    };
    emit(out, &text)?;
    Ok(if plan.status == crate::solver::Status::Infeasible {
        EXIT_INFEASIBLE
    } else {
        EXIT_OK
    })
}
