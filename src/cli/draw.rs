//! `xuncha draw`: a fair roster drawn with a public seed, and `--verify`
//! to re-derive a published draw.

use std::io::Write;
use std::path::PathBuf;
use std::time::Duration;

use anyhow::anyhow;
use clap::Args;

use super::{args, emit, load, CliError, Failure, FormatArg, EXIT_INFEASIBLE, EXIT_INPUT, EXIT_OK};
use crate::draw::{DrawOptions, DEFAULT_WITHIN_PCT};
use crate::report;
use crate::report::i18n::Words;

#[derive(Debug, Args)]
pub struct DrawArgs {
    pub scenario: PathBuf,
    /// The public seed announced before the draw (any text).
    #[arg(long, required_unless_present = "verify")]
    pub seed: Option<String>,
    /// Draw among rosters whose objective is within this many percent of the optimum.
    #[arg(long, value_name = "PCT", value_parser = args::percent)]
    pub within: Option<f64>,
    #[arg(long, value_enum, default_value = "table")]
    pub format: FormatArg,
    /// Re-derive the draw in DRAW.json from its seed and say whether it matches.
    #[arg(long, value_name = "DRAW.json", conflicts_with_all = ["seed", "within"])]
    pub verify: Option<PathBuf>,
    #[arg(long, default_value = "60", value_name = "SECONDS", value_parser = args::time_limit)]
    pub time_limit: Duration,
}

pub fn run(a: &DrawArgs, w: &Words, out: &mut dyn Write) -> Result<u8, Failure> {
    let s = load(&a.scenario)?;
    let Some(round) = &s.round else {
        return Err(Failure::bad_input(
            w,
            CliError::NoRound {
                file: a.scenario.display().to_string(),
            },
        ));
    };
    let (seed, within, published) = match &a.verify {
        Some(file) => {
            let name = file.display().to_string();
            let bytes = crate::fsio::read(file)
                .map_err(|e| Failure::input(anyhow!(report::draw::unreadable(w, &name, &e))))?;
            let doc: serde_json::Value = serde_json::from_slice(&bytes).map_err(|e| {
                Failure::input(anyhow!(report::draw::not_a_draw(w, &name, &e.to_string())))
            })?;
            let seed = doc.pointer("/draw/seed").and_then(|v| v.as_str());
            let within = doc.pointer("/draw/within_pct").and_then(|v| v.as_f64());
            let (Some(seed), Some(within)) = (seed, within) else {
                return Err(Failure::input(anyhow!(report::draw::not_a_draw(
                    w,
                    &name,
                    "draw.seed, draw.within_pct"
                ))));
            };
            (seed.to_string(), within, Some((name, doc)))
        }
        None => (
            a.seed.clone().unwrap_or_default(),
            a.within.unwrap_or(DEFAULT_WITHIN_PCT),
            None,
        ),
    };
    let opts = DrawOptions {
        seed,
        within_pct: within,
        time_limit: a.time_limit,
    };
    let d = crate::draw::draw(&s, round, &opts)
        .map_err(|e| Failure::input(anyhow!(report::draw::draw_error(w, &s, &e))))?;
    if let Some((name, doc)) = published {
        let again: serde_json::Value =
            serde_json::from_str(&report::draw::json(&s, &d)).expect("our own JSON parses");
        let differences = report::draw::compare(&doc, &again);
        let text = report::draw::verdict(w, &name, &d, &differences);
        emit(out, &text)?;
        return Ok(if differences.is_empty() {
            EXIT_OK
        } else {
            EXIT_INPUT
        });
    }
    let text = match a.format {
        FormatArg::Json => report::draw::json(&s, &d),
        FormatArg::Csv => report::plan::csv(w, &s, &d.plan),
        FormatArg::Xlsx => {
            super::emit_xlsx(out, &[report::plan::sheet(w, &s, &d.plan)])?;
            String::new()
        }
        FormatArg::Table => report::draw::table(w, &s, &d),
    };
    emit(out, &text)?;
    Ok(if d.plan.status == crate::solver::Status::Infeasible {
        EXIT_INFEASIBLE
    } else {
        EXIT_OK
    })
}
