//! The alias tables reproduce their weights: chi-square tests on the baked tables, property
//! tests on random weight vectors, and rand_distr's `WeightedAliasIndex` as an independent
//! oracle.

use datamimic::check::{chi_square, chi_square_counts};
use datamimic::{MimicRng, tables};
use proptest::prelude::*;
use rand::distr::Distribution;
use rand_distr::weighted::WeightedAliasIndex;

use crate::support::table_from_weights;

/// Significance level: with ~100 tables tested per run, false alarms stay below 1 in 10,000.
const ALPHA: f64 = 1e-6;

#[test]
fn every_baked_table_follows_its_weights() {
    let mut tested = 0;
    for family in tables::ALL {
        for (k, table) in family.variants().iter().enumerate() {
            let samples = (table.len() as u64 * 20).clamp(50_000, 400_000);
            let fit = chi_square(table, samples, &mut MimicRng::for_record(2024, k as u64));
            assert!(
                fit.passes(ALPHA),
                "{} {:?}: {fit:?}",
                table.key(),
                table.country()
            );
            tested += 1;
        }
    }
    assert!(tested > 0);
}

#[test]
fn the_test_rejects_a_table_that_ignores_its_weights() {
    // Uniform draws checked against skewed weights must fail: the check can fail.
    let table = table_from_weights(&[1, 2, 3, 4, 90]);
    let mut rng = MimicRng::seed_from_u64(5);
    let mut observed = vec![0u64; table.len()];
    for _ in 0..10_000 {
        observed[(rand::Rng::next_u32(&mut rng) % 5) as usize] += 1;
    }
    let probabilities: Vec<f64> = (0..table.len()).map(|i| table.probability(i)).collect();
    assert!(!chi_square_counts(&observed, &probabilities).passes(ALPHA));
}

/// Probability of each row implied by the packed alias columns, computed exactly.
fn implied_probabilities(weights: &[u64]) -> Vec<f64> {
    let columns = datamimic_codegen::build_alias(weights);
    let n = weights.len() as f64;
    let mut mass = vec![0.0; weights.len()];
    for (i, (&threshold, &alias)) in columns.threshold.iter().zip(&columns.alias).enumerate() {
        let keep = if threshold == u32::MAX {
            1.0
        } else {
            f64::from(threshold) / 4_294_967_296.0
        };
        mass[i] += keep / n;
        mass[alias as usize] += (1.0 - keep) / n;
    }
    mass
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn alias_construction_is_exact(weights in prop::collection::vec(0u64..1_000_000, 1..300)) {
        prop_assume!(weights.iter().any(|&w| w > 0));
        let total: u64 = weights.iter().sum();
        for (w, p) in weights.iter().zip(implied_probabilities(&weights)) {
            let expected = *w as f64 / total as f64;
            prop_assert!((p - expected).abs() <= 1e-9, "weight {} of {}: {} vs {}", w, total, p, expected);
            if *w == 0 { prop_assert_eq!(p, 0.0); }
        }
    }

    #[test]
    fn samples_agree_with_weighted_alias_index(weights in prop::collection::vec(1u32..10_000, 2..60), seed in any::<u64>()) {
        let table = table_from_weights(&weights.iter().map(|&w| u64::from(w)).collect::<Vec<_>>());
        let probabilities: Vec<f64> = (0..table.len()).map(|i| table.probability(i)).collect();
        let n = 40_000;
        let ours = chi_square(table, n, &mut MimicRng::seed_from_u64(seed));
        prop_assert!(ours.passes(ALPHA), "datamimic: {:?}", ours);
        let oracle = WeightedAliasIndex::new(weights.clone()).unwrap();
        let mut rng = MimicRng::seed_from_u64(seed ^ 0x5555);
        let mut observed = vec![0u64; weights.len()];
        for _ in 0..n { observed[oracle.sample(&mut rng)] += 1; }
        let theirs = chi_square_counts(&observed, &probabilities);
        prop_assert!(theirs.passes(ALPHA), "WeightedAliasIndex against our probabilities: {:?}", theirs);
    }
}
