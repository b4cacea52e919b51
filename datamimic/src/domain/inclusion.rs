//! Independent inclusions (each item present with its own probability) at the cost of one
//! random number per item present, not one per item.

use rand::Rng;

use super::halves::Halves;

/// `1.0` in the fixed point of survival values.
const ONE: f64 = (1u64 << 63) as f64;

/// Appends the survival values of `probabilities` (at most 128) to `out` and returns the items
/// that are certain (probability 1).
///
/// `survival[k]` is the chance that none of items `0..k` is present (fixed point, 2^63 = 1),
/// `len + 1` values, non-increasing. Certain items are left out of it, so the draws after
/// them still have room; they join every draw through the returned set.
pub(crate) fn push_survival(probabilities: &[f64], out: &mut Vec<u64>) -> u128 {
    assert!(probabilities.len() <= 128);
    let mut none = 1.0f64;
    let mut certain = 0u128;
    out.push(ONE as u64);
    for (i, &p) in probabilities.iter().enumerate() {
        if p >= 1.0 {
            certain |= 1 << i;
        } else {
            none *= 1.0 - p.max(0.0);
        }
        out.push((none * ONE) as u64);
    }
    certain
}

/// The items present, as a bit set, under the survival values of [`push_survival`].
///
/// The first item present from `start` on is the first `k` whose `survival[k + 1]` lies at
/// or below a uniform point under `survival[start]`: exactly the independent draws'
/// distribution, to the 32 bits of a point.
pub(crate) fn draw<R: Rng + ?Sized>(survival: &[u64], rng: &mut R, halves: &mut Halves) -> u128 {
    let n = survival.len().saturating_sub(1);
    let mut present = 0u128;
    let mut start = 0;
    while start < n && survival[start] > 0 {
        let point = halves.point_below(rng, survival[start]);
        let k = first_at_or_below(survival, start + 1, point) - 1;
        if k >= n {
            break;
        }
        present |= 1 << k;
        start = k + 1;
    }
    present
}

/// The first index from `from` on whose value is at or below `point` (`values.len()` if
/// none), in a non-increasing list: strides of eight, then one by one. Points land about a
/// dozen entries apart, where this beats a binary search over the rest.
fn first_at_or_below(values: &[u64], from: usize, point: u64) -> usize {
    let mut i = from;
    while i + 8 <= values.len() && values[i + 7] > point {
        i += 8;
    }
    while i < values.len() && values[i] > point {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::MimicRng;

    #[test]
    fn finds_the_first_value_at_or_below() {
        let values: Vec<u64> = (0..30).rev().collect();
        for from in 0..30 {
            for point in 0..32 {
                let expected = (from..30).find(|&i| values[i] <= point).unwrap_or(30);
                assert_eq!(first_at_or_below(&values, from, point), expected);
            }
        }
    }

    #[test]
    fn each_item_keeps_its_probability_independently() {
        let p = [0.5, 0.0, 0.02, 1.0, 0.3];
        let mut survival = Vec::new();
        let certain = push_survival(&p, &mut survival);
        assert_eq!(certain, 0b1000);
        let mut rng = MimicRng::seed_from_u64(7);
        let mut halves = Halves::default();
        let draws = 200_000;
        let mut counts = [0u32; 5];
        let mut both = 0;
        for _ in 0..draws {
            let set = certain | draw(&survival, &mut rng, &mut halves);
            for (i, c) in counts.iter_mut().enumerate() {
                *c += (set >> i & 1) as u32;
            }
            both += u32::from(set & 0b10001 == 0b10001);
        }
        for (i, &c) in counts.iter().enumerate() {
            let rate = f64::from(c) / f64::from(draws);
            assert!((rate - p[i]).abs() < 0.005, "{i}: {rate}");
        }
        // Independent: 0 and 4 together as often as the product says.
        assert!((f64::from(both) / f64::from(draws) - 0.15).abs() < 0.005);
    }
}
