//! `xuncha check`: validate and summarise.

use std::io::Write;
use std::path::PathBuf;

use clap::Args;

use super::{emit, load, Failure};
use crate::eligibility::Eligibility;
use crate::recusal::{Recusal, Scope};
use crate::report;
use crate::report::i18n::Words;

#[derive(Debug, Args)]
pub struct CheckArgs {
    pub scenario: PathBuf,
}

pub fn run(a: &CheckArgs, w: &Words, out: &mut dyn Write) -> Result<u8, Failure> {
    let s = load(&a.scenario)?;
    super::round::note_committed(w, &s, &a.scenario);
    let as_of = s
        .round
        .as_ref()
        .map(|r| r.start)
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    let recusal = Recusal::compute(&s, &Scope::default_for(&s), as_of);
    let eligibility = s
        .round
        .as_ref()
        .map(|r| Eligibility::for_dates(&s, r.dates()));
    emit(
        out,
        &report::check::render(w, &s, &recusal, eligibility.as_ref()),
    )
}
