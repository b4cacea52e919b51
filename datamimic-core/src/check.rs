//! Statistical self-check: do samples from a table follow its weights?
//!
//! [`chi_square`] draws `n` rows and runs Pearson's chi-square goodness-of-fit test against the
//! exact weights. Rows whose expected count is below 5 are pooled into one bin, as the test
//! requires; a draw of a zero-weight row makes the statistic infinite.

use rand::Rng;

use crate::Table;

/// The outcome of a goodness-of-fit test.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GoodnessOfFit {
    /// Pearson's statistic.
    pub statistic: f64,
    /// Bins minus one.
    pub degrees_of_freedom: u64,
    /// Probability of a statistic at least this large if the samples follow the weights.
    pub p_value: f64,
    /// How many values were drawn.
    pub samples: u64,
}

impl GoodnessOfFit {
    /// Whether the fit is accepted at significance `alpha` (for example `1e-4`).
    pub fn passes(&self, alpha: f64) -> bool {
        self.p_value >= alpha
    }
}

/// Draws `n` rows of `table` with `rng` and tests them against the table's weights.
///
/// ```
/// use datamimic::{MimicRng, check, tables};
/// let table = tables::COMMON_PERSON_FAMILY_NAME.resolve("US").unwrap();
/// let fit = check::chi_square(table, 200_000, &mut MimicRng::seed_from_u64(1));
/// assert!(fit.passes(1e-6), "{fit:?}");
/// ```
pub fn chi_square<R: Rng + ?Sized>(table: &Table, n: u64, rng: &mut R) -> GoodnessOfFit {
    let mut observed = vec![0u64; table.len()];
    for _ in 0..n {
        observed[table.sample_index(rng)] += 1;
    }
    let probabilities: Vec<f64> = (0..table.len()).map(|i| table.probability(i)).collect();
    chi_square_counts(&observed, &probabilities)
}

/// Pearson's chi-square test of `observed` counts against `probabilities` (which sum to 1).
pub fn chi_square_counts(observed: &[u64], probabilities: &[f64]) -> GoodnessOfFit {
    assert_eq!(
        observed.len(),
        probabilities.len(),
        "one probability per count"
    );
    let n: u64 = observed.iter().sum();
    let total = n as f64;
    let mut statistic = 0.0;
    let mut bins = 0u64;
    let (mut pooled_observed, mut pooled_expected) = (0u64, 0.0f64);
    for (&o, &p) in observed.iter().zip(probabilities) {
        let expected = p * total;
        if p == 0.0 {
            if o > 0 {
                statistic = f64::INFINITY;
            }
        } else if expected < 5.0 {
            pooled_observed += o;
            pooled_expected += expected;
        } else {
            statistic += squared_deviation(o, expected);
            bins += 1;
        }
    }
    if pooled_expected > 0.0 {
        statistic += squared_deviation(pooled_observed, pooled_expected);
        bins += 1;
    }
    let degrees_of_freedom = bins.saturating_sub(1).max(1);
    let p_value = if statistic.is_finite() {
        upper_regularized_gamma(degrees_of_freedom as f64 / 2.0, statistic / 2.0)
    } else {
        0.0
    };
    GoodnessOfFit {
        statistic,
        degrees_of_freedom,
        p_value,
        samples: n,
    }
}

fn squared_deviation(observed: u64, expected: f64) -> f64 {
    let d = observed as f64 - expected;
    d * d / expected
}

/// Q(a, x) = Γ(a, x) / Γ(a): the chi-square survival function is Q(k/2, χ²/2).
fn upper_regularized_gamma(a: f64, x: f64) -> f64 {
    if x <= 0.0 {
        return 1.0;
    }
    if x < a + 1.0 {
        1.0 - lower_series(a, x)
    } else {
        upper_continued_fraction(a, x)
    }
}

/// P(a, x) by its power series; converges quickly for x < a + 1.
fn lower_series(a: f64, x: f64) -> f64 {
    let mut term = 1.0 / a;
    let mut sum = term;
    let mut denominator = a;
    for _ in 0..10_000 {
        denominator += 1.0;
        term *= x / denominator;
        sum += term;
        if term.abs() < sum.abs() * 1e-15 {
            break;
        }
    }
    (sum.ln() - x + a * x.ln() - ln_gamma(a)).exp()
}

/// Q(a, x) by Legendre's continued fraction (modified Lentz); for x ≥ a + 1.
fn upper_continued_fraction(a: f64, x: f64) -> f64 {
    const TINY: f64 = 1e-300;
    let mut b = x + 1.0 - a;
    let mut c = 1.0 / TINY;
    let mut d = 1.0 / b;
    let mut h = d;
    for i in 1..10_000 {
        let an = -(i as f64) * (i as f64 - a);
        b += 2.0;
        d = an * d + b;
        if d.abs() < TINY {
            d = TINY;
        }
        c = b + an / c;
        if c.abs() < TINY {
            c = TINY;
        }
        d = 1.0 / d;
        let step = d * c;
        h *= step;
        if (step - 1.0).abs() < 1e-15 {
            break;
        }
    }
    (-x + a * x.ln() - ln_gamma(a)).exp() * h
}

/// ln Γ(x) for x > 0 (Lanczos approximation, g = 7, n = 9; relative error below 1e-13).
fn ln_gamma(x: f64) -> f64 {
    const G: f64 = 7.0;
    const COEFFICIENTS: [f64; 9] = [
        0.999_999_999_999_809_9,
        676.520_368_121_885_1,
        -1_259.139_216_722_402_8,
        771.323_428_777_653_1,
        -176.615_029_162_140_6,
        12.507_343_278_686_905,
        -0.138_571_095_265_720_12,
        9.984_369_578_019_572e-6,
        1.505_632_735_149_311_6e-7,
    ];
    if x < 0.5 {
        // Reflection: Γ(x)Γ(1-x) = π / sin(πx).
        return (std::f64::consts::PI / (std::f64::consts::PI * x).sin()).ln() - ln_gamma(1.0 - x);
    }
    let x = x - 1.0;
    let mut sum = COEFFICIENTS[0];
    for (i, &c) in COEFFICIENTS.iter().enumerate().skip(1) {
        sum += c / (x + i as f64);
    }
    let t = x + G + 0.5;
    0.5 * (2.0 * std::f64::consts::PI).ln() + (x + 0.5) * t.ln() - t + sum.ln()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ln_gamma_matches_factorials() {
        for (n, factorial) in [(1u32, 1.0f64), (5, 24.0), (11, 3_628_800.0)] {
            assert!((ln_gamma(f64::from(n)) - factorial.ln()).abs() < 1e-10);
        }
        assert!((ln_gamma(0.5) - std::f64::consts::PI.sqrt().ln()).abs() < 1e-10);
    }

    #[test]
    fn chi_square_survival_matches_tables() {
        // Critical values from standard chi-square tables.
        for (dof, x, p) in [
            (1.0, 3.841, 0.05),
            (10.0, 18.307, 0.05),
            (100.0, 135.807, 0.01),
            (2.0, 13.816, 0.001),
        ] {
            let q = upper_regularized_gamma(dof / 2.0, x / 2.0);
            assert!((q - p).abs() < p * 1e-3, "dof {dof}: {q} vs {p}");
        }
    }

    #[test]
    fn detects_a_wrong_distribution() {
        let fit = chi_square_counts(&[600, 400], &[0.5, 0.5]);
        assert!(!fit.passes(1e-6), "{fit:?}");
        let fit = chi_square_counts(&[505, 495], &[0.5, 0.5]);
        assert!(fit.passes(0.05), "{fit:?}");
        assert_eq!(chi_square_counts(&[1, 9], &[0.0, 1.0]).p_value, 0.0);
    }
}
