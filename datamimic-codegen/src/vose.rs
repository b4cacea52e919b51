//! Exact integer construction of Vose's alias table.
//!
//! Heights are kept in `u128` so no rounding happens while columns are paired; only the final
//! thresholds are quantised to 32 bits (relative error at most `2^-32 / (n * p)`).

/// Per-column threshold and alias of an alias table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AliasColumns {
    /// Column `i` keeps its own row when the 32-bit coin is below `threshold[i]`.
    pub threshold: Vec<u32>,
    /// The row that column `i` gives otherwise.
    pub alias: Vec<u32>,
}

impl AliasColumns {
    /// Packs column `i` as one little-endian `u64`: threshold in the low 32 bits, alias in the
    /// high 32 bits (one load per sample at run time).
    pub fn packed(&self) -> Vec<u8> {
        let mut bytes = Vec::with_capacity(self.threshold.len() * 8);
        for (&threshold, &alias) in self.threshold.iter().zip(&self.alias) {
            let slot = u64::from(threshold) | (u64::from(alias) << 32);
            bytes.extend_from_slice(&slot.to_le_bytes());
        }
        bytes
    }
}

/// Builds the alias columns for integer weights whose sum is positive and below 2^64, and
/// whose count fits in `u32`.
pub fn build_alias(weights: &[u64]) -> AliasColumns {
    let n = weights.len();
    assert!(
        n > 0 && u32::try_from(n).is_ok(),
        "alias table needs 1..=u32::MAX rows"
    );
    let full: u128 = weights.iter().map(|&w| u128::from(w)).sum();
    assert!(full > 0, "alias table needs a positive total weight");
    let mut height: Vec<u128> = weights.iter().map(|&w| u128::from(w) * n as u128).collect();
    let mut alias: Vec<u32> = (0..n as u32).collect();
    let (mut small, mut large): (Vec<usize>, Vec<usize>) = (0..n).partition(|&i| height[i] < full);
    // Deterministic order: process the lowest indices first.
    small.reverse();
    large.reverse();
    while let (Some(&s), Some(&l)) = (small.last(), large.last()) {
        small.pop();
        alias[s] = l as u32;
        height[l] -= full - height[s];
        if height[l] < full {
            large.pop();
            small.push(l);
        }
    }
    // Whatever is left is full up to rounding: it keeps itself.
    for i in small.into_iter().chain(large) {
        height[i] = full;
        alias[i] = i as u32;
    }
    let threshold = height
        .iter()
        .map(|&h| {
            if h >= full {
                u32::MAX
            } else {
                ((h << 32) / full) as u32
            }
        })
        .collect();
    AliasColumns { threshold, alias }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Probability mass each row receives from the columns, in units of 2^-32 / n.
    fn implied(columns: &AliasColumns) -> Vec<f64> {
        let n = columns.threshold.len();
        let mut mass = vec![0f64; n];
        for i in 0..n {
            let keep = f64::from(columns.threshold[i]) / 4294967296.0;
            let keep = if columns.threshold[i] == u32::MAX {
                1.0
            } else {
                keep
            };
            mass[i] += keep / n as f64;
            mass[columns.alias[i] as usize] += (1.0 - keep) / n as f64;
        }
        mass
    }

    #[test]
    fn reproduces_weights() {
        let weights = [1u64, 2, 3, 4, 0, 10];
        let total: u64 = weights.iter().sum();
        let mass = implied(&build_alias(&weights));
        for (w, m) in weights.iter().zip(mass) {
            assert!((m - *w as f64 / total as f64).abs() < 1e-9, "{w} {m}");
        }
    }

    #[test]
    fn zero_weight_rows_are_never_drawn() {
        let columns = build_alias(&[0, 5, 0, 5]);
        for i in [0usize, 2] {
            assert_eq!(columns.threshold[i], 0);
            assert_ne!(columns.alias[i] as usize, i);
        }
        assert!(columns.alias.iter().all(|&a| a == 1 || a == 3));
    }

    #[test]
    fn single_row_is_always_itself() {
        let columns = build_alias(&[7]);
        assert_eq!((columns.threshold[0], columns.alias[0]), (u32::MAX, 0));
    }
}
