//! `xuncha generate`: synthetic scenarios.

use std::io::Write;
use std::path::PathBuf;

use clap::{Args, ValueEnum};

use super::{emit, Failure, EXIT_OK};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Preset {
    Small,
    County,
    City,
    RecusalBench,
}

#[derive(Debug, Args)]
pub struct GenerateArgs {
    #[arg(long, value_enum, default_value = "county")]
    pub preset: Preset,
    /// Random seed (default: the preset's own, which made the bundled samples).
    #[arg(long)]
    pub seed: Option<u64>,
    /// Write here (atomically) instead of standard output.
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// Overwrite `--output` if it exists.
    #[arg(long)]
    pub force: bool,
}

pub fn run(a: &GenerateArgs, out: &mut dyn Write) -> Result<u8, Failure> {
    use crate::generate::{generate, to_yaml_seeded, CountySpec};
    let mut spec = match a.preset {
        Preset::Small => CountySpec::small(),
        Preset::County => CountySpec::county(),
        Preset::City => CountySpec::city(),
        Preset::RecusalBench => CountySpec::recusal_bench(),
    };
    if let Some(seed) = a.seed {
        spec.seed = seed;
    }
    let yaml = to_yaml_seeded(&generate(&spec), spec.seed);
    match &a.output {
        Some(path) => {
            crate::fsio::create(path, yaml.as_bytes(), a.force).map_err(|e| {
                let w = crate::report::i18n::Words::new(
                    crate::report::i18n::Lang::from_env().unwrap_or_default(),
                );
                Failure::input(anyhow::anyhow!(crate::report::lifecycle::write_error(
                    &w, path, &e
                )))
            })?;
            Ok(EXIT_OK)
        }
        None => emit(out, &yaml),
    }
}
