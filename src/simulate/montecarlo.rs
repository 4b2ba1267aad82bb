//! Monte Carlo over unplanned absences (`--samples N --seed S --absence P`).
//!
//! In each sample every pool member is, for each simulated round
//! independently, unavailable with probability P (illness, a posting, a
//! case that cannot wait); the term is then simulated as usual. The report
//! gives the spread of coverage, unstaffed rounds and the maximum load.
//!
//! Reproducible: sample `i` draws from `ChaCha8Rng::seed_from_u64(S)` on
//! stream `i`, rounds in order and pool members in file order, so its
//! absences depend on (S, i) alone, never on which thread ran it or when.
//! Samples run on `threads` threads (two by default: the machine the office
//! uses has two cores) and are reported in index order.

use std::collections::BTreeMap;

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use super::{par_map, prepare, run as run_prepared, Prepared, SimError, SimOptions};
use crate::ids::PersonIx;
use crate::scenario::Scenario;

#[derive(Debug, Clone, PartialEq)]
pub struct McOptions {
    pub samples: usize,
    pub seed: u64,
    /// Probability that a pool member misses a round, in [0, 1].
    pub absence: f64,
    pub threads: usize,
}

impl Default for McOptions {
    fn default() -> Self {
        McOptions {
            samples: 20,
            seed: 1,
            absence: 0.1,
            threads: 2,
        }
    }
}

/// One sample's outcome.
#[derive(Debug, Clone, PartialEq)]
pub struct Sample {
    pub index: usize,
    /// Absences drawn, over all rounds.
    pub absences: usize,
    pub units_covered: usize,
    pub villages_must_covered: usize,
    pub rounds_infeasible: usize,
    pub served_min: u32,
    pub served_max: u32,
    pub repeat_pair: u64,
    /// Ids of the unstaffed rounds.
    pub infeasible: Vec<String>,
}

/// The spread of one figure over the samples.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Distribution {
    pub min: u64,
    /// The lower median.
    pub median: u64,
    /// Nearest-rank 90th percentile.
    pub p90: u64,
    pub max: u64,
    pub mean: f64,
    /// (value, samples with it), by value.
    pub histogram: Vec<(u64, usize)>,
}

impl Distribution {
    pub fn of(values: &[u64]) -> Distribution {
        if values.is_empty() {
            return Distribution::default();
        }
        let mut v = values.to_vec();
        v.sort_unstable();
        let n = v.len();
        let mut histogram: BTreeMap<u64, usize> = BTreeMap::new();
        for &x in &v {
            *histogram.entry(x).or_default() += 1;
        }
        Distribution {
            min: v[0],
            median: v[(n - 1) / 2],
            p90: v[(n * 9).div_ceil(10).max(1) - 1],
            max: v[n - 1],
            mean: v.iter().sum::<u64>() as f64 / n as f64,
            histogram: histogram.into_iter().collect(),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct McReport {
    pub options: McOptions,
    pub units_total: usize,
    pub units_to_cover: usize,
    pub villages_must_total: usize,
    pub rounds: Vec<String>,
    pub samples: Vec<Sample>,
    pub units_covered: Distribution,
    pub rounds_infeasible: Distribution,
    pub served_max: Distribution,
    /// Samples in which every unit was covered.
    pub full_coverage: usize,
    /// Per round (in order): samples in which it could not be staffed.
    pub round_failures: Vec<(String, usize)>,
    pub notes: Vec<super::Note>,
}

/// The absences of sample `index`: per slot, the pool members away.
pub fn absences(p: &Prepared, mc: &McOptions, index: usize) -> Vec<Vec<PersonIx>> {
    let mut rng = ChaCha8Rng::seed_from_u64(mc.seed);
    rng.set_stream(index as u64);
    let pool: Vec<PersonIx> = p.base.pool().collect();
    p.slots
        .iter()
        .map(|_| {
            pool.iter()
                .copied()
                .filter(|_| rng.random_bool(mc.absence))
                .collect()
        })
        .collect()
}

/// Simulate `mc.samples` terms of `s` with random absences.
pub fn run(s: &Scenario, opts: &SimOptions, mc: &McOptions) -> Result<McReport, SimError> {
    if !(0.0..=1.0).contains(&mc.absence) {
        return Err(SimError::Option(format!(
            "--absence {}: a probability from 0 to 1",
            mc.absence
        )));
    }
    if mc.samples == 0 {
        return Err(SimError::Option("--samples 0: at least one sample".into()));
    }
    let p = prepare(s, opts)?;
    let inner = SimOptions {
        threads: 1,
        ..opts.clone()
    };
    let indices: Vec<usize> = (0..mc.samples).collect();
    let results = par_map(&indices, mc.threads, |_, &i| {
        let away = absences(&p, mc, i);
        run_prepared(&p, &inner, &away).map(|sim| Sample {
            index: i,
            absences: away.iter().map(Vec::len).sum(),
            units_covered: sim.summary.units_covered,
            villages_must_covered: sim.summary.villages_must_covered,
            rounds_infeasible: sim.summary.rounds_infeasible,
            served_min: sim.summary.served_min,
            served_max: sim.summary.served_max,
            repeat_pair: sim.summary.repeat_pair,
            infeasible: sim.summary.infeasible,
        })
    });
    let samples = results
        .into_iter()
        .collect::<Result<Vec<Sample>, SimError>>()?;
    let figure =
        |f: &dyn Fn(&Sample) -> u64| Distribution::of(&samples.iter().map(f).collect::<Vec<u64>>());
    let units_total = p.base.units.len();
    let round_failures = p
        .slots
        .iter()
        .map(|sl| {
            let n = samples
                .iter()
                .filter(|x| x.infeasible.contains(&sl.id))
                .count();
            (sl.id.clone(), n)
        })
        .collect();
    let mut notes = p.notes.clone();
    notes.push(super::Note::Absences {
        probability: mc.absence,
        seed: mc.seed,
        samples: mc.samples,
    });
    Ok(McReport {
        options: mc.clone(),
        units_total,
        units_to_cover: p.to_cover.len(),
        villages_must_total: p.base.villages.iter().filter(|v| v.must_inspect()).count(),
        rounds: p.slots.iter().map(|sl| sl.id.clone()).collect(),
        units_covered: figure(&|x| x.units_covered as u64),
        rounds_infeasible: figure(&|x| x.rounds_infeasible as u64),
        served_max: figure(&|x| x.served_max as u64),
        full_coverage: samples
            .iter()
            .filter(|x| x.units_covered == units_total)
            .count(),
        round_failures,
        samples,
        notes,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distribution_of_small_lists() {
        let d = Distribution::of(&[3, 1, 2, 2, 10]);
        assert_eq!((d.min, d.median, d.p90, d.max), (1, 2, 10, 10));
        assert_eq!(d.histogram, vec![(1, 1), (2, 2), (3, 1), (10, 1)]);
        assert!((d.mean - 3.6).abs() < 1e-9);
        let one = Distribution::of(&[7]);
        assert_eq!((one.min, one.median, one.p90, one.max), (7, 7, 7, 7));
        assert_eq!(Distribution::of(&[]), Distribution::default());
    }
}
