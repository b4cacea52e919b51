//! Value-stable sampling primitives.
//!
//! Everything here is built on raw `next_u64` only (not on `rand`'s `Uniform` or float
//! conversions), so a `rand` release cannot change seeded values.

use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, Utc};
use rand::Rng;

/// A uniform integer in `0..span` by multiply-shift (bias at most `span / 2^64`); `span == 0`
/// means the full 64-bit range.
#[inline]
pub fn below<R: Rng + ?Sized>(rng: &mut R, span: u64) -> u64 {
    let x = rng.next_u64();
    if span == 0 {
        x
    } else {
        ((u128::from(x) * u128::from(span)) >> 64) as u64
    }
}

/// A uniform float in `[0, 1)` with 53 random bits.
#[inline]
pub fn unit_f64<R: Rng + ?Sized>(rng: &mut R) -> f64 {
    (rng.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
}

/// `true` with probability `p` (clamped to `[0, 1]`).
#[inline]
pub fn chance<R: Rng + ?Sized>(rng: &mut R, p: f64) -> bool {
    unit_f64(rng) < p
}

/// A uniformly chosen element of a non-empty slice.
#[inline]
pub fn pick<'a, T, R: Rng + ?Sized>(rng: &mut R, items: &'a [T]) -> &'a T {
    &items[below(rng, items.len() as u64) as usize]
}

/// An index into a short list of integer weights, drawn by weight with one draw: for the small
/// fixed distributions of the domain (order lines, review stars), where an alias table would
/// cost more than it saves. The weights must not all be zero.
#[inline]
pub fn weighted_index<R: Rng + ?Sized>(rng: &mut R, weights: &[u64]) -> usize {
    let mut point = below(rng, weights.iter().sum());
    for (i, &w) in weights.iter().enumerate() {
        if point < w {
            return i;
        }
        point -= w;
    }
    weights.len() - 1
}

/// Types that `#[mimic(range = "..")]` can draw uniformly between two bounds.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be generated from a `range`",
    label = "`range` needs an integer, float, or date/time field",
    note = "`range` works for integers, `f32`, `f64`, `NaiveDate`, `NaiveDateTime` and `DateTime<Utc>`"
)]
pub trait SampleRange: Sized {
    /// A value in `low..=high`; `low` when `high < low`.
    fn sample_inclusive<R: Rng + ?Sized>(rng: &mut R, low: Self, high: Self) -> Self;
    /// A value in `low..high`; `low` when the range is empty.
    fn sample_exclusive<R: Rng + ?Sized>(rng: &mut R, low: Self, high: Self) -> Self;
}

macro_rules! int_range {
    ($($t:ty),*) => {$(
        impl SampleRange for $t {
            #[inline]
            fn sample_inclusive<R: Rng + ?Sized>(rng: &mut R, low: $t, high: $t) -> $t {
                if high < low { return low; }
                let span = (high as i128 - low as i128 + 1) as u128;
                let offset = if span > u128::from(u64::MAX) { rng.next_u64() } else { below(rng, span as u64) };
                (low as i128 + offset as i128) as $t
            }
            #[inline]
            fn sample_exclusive<R: Rng + ?Sized>(rng: &mut R, low: $t, high: $t) -> $t {
                if high <= low { return low; }
                Self::sample_inclusive(rng, low, high - 1)
            }
        }
    )*};
}
int_range!(u8, u16, u32, u64, usize, i8, i16, i32, i64, isize);

macro_rules! float_range {
    ($($t:ty),*) => {$(
        impl SampleRange for $t {
            #[inline]
            fn sample_inclusive<R: Rng + ?Sized>(rng: &mut R, low: $t, high: $t) -> $t {
                if high.partial_cmp(&low) != Some(std::cmp::Ordering::Greater) { return low; }
                (low as f64 + unit_f64(rng) * (high as f64 - low as f64)).min(high as f64) as $t
            }
            #[inline]
            fn sample_exclusive<R: Rng + ?Sized>(rng: &mut R, low: $t, high: $t) -> $t {
                if high.partial_cmp(&low) != Some(std::cmp::Ordering::Greater) { return low; }
                let value = (low as f64 + unit_f64(rng) * (high as f64 - low as f64)) as $t;
                if value >= high { low } else { value }
            }
        }
    )*};
}
float_range!(f32, f64);

impl SampleRange for NaiveDate {
    fn sample_inclusive<R: Rng + ?Sized>(
        rng: &mut R,
        low: NaiveDate,
        high: NaiveDate,
    ) -> NaiveDate {
        let days = i64::sample_inclusive(rng, 0, (high - low).num_days());
        low + Duration::days(days)
    }
    fn sample_exclusive<R: Rng + ?Sized>(
        rng: &mut R,
        low: NaiveDate,
        high: NaiveDate,
    ) -> NaiveDate {
        let days = i64::sample_exclusive(rng, 0, (high - low).num_days());
        low + Duration::days(days)
    }
}

impl SampleRange for NaiveDateTime {
    fn sample_inclusive<R: Rng + ?Sized>(
        rng: &mut R,
        low: NaiveDateTime,
        high: NaiveDateTime,
    ) -> NaiveDateTime {
        low + Duration::seconds(i64::sample_inclusive(rng, 0, (high - low).num_seconds()))
    }
    fn sample_exclusive<R: Rng + ?Sized>(
        rng: &mut R,
        low: NaiveDateTime,
        high: NaiveDateTime,
    ) -> NaiveDateTime {
        low + Duration::seconds(i64::sample_exclusive(rng, 0, (high - low).num_seconds()))
    }
}

impl SampleRange for DateTime<Utc> {
    fn sample_inclusive<R: Rng + ?Sized>(
        rng: &mut R,
        low: DateTime<Utc>,
        high: DateTime<Utc>,
    ) -> DateTime<Utc> {
        NaiveDateTime::sample_inclusive(rng, low.naive_utc(), high.naive_utc()).and_utc()
    }
    fn sample_exclusive<R: Rng + ?Sized>(
        rng: &mut R,
        low: DateTime<Utc>,
        high: DateTime<Utc>,
    ) -> DateTime<Utc> {
        NaiveDateTime::sample_exclusive(rng, low.naive_utc(), high.naive_utc()).and_utc()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::MimicRng;

    #[test]
    fn ranges_stay_within_bounds_and_reach_both_ends() {
        let mut rng = MimicRng::seed_from_u64(1);
        let mut seen = [false; 5];
        for _ in 0..1_000 {
            let v = u8::sample_inclusive(&mut rng, 18, 22);
            assert!((18..=22).contains(&v));
            seen[usize::from(v - 18)] = true;
            let w = i64::sample_exclusive(&mut rng, -3, 3);
            assert!((-3..3).contains(&w));
            let f = f64::sample_exclusive(&mut rng, 1.5, 2.5);
            assert!((1.5..2.5).contains(&f));
        }
        assert!(seen.iter().all(|&s| s));
        assert_eq!(u64::sample_inclusive(&mut rng, 5, 1), 5);
        let full = i64::sample_inclusive(&mut rng, i64::MIN, i64::MAX);
        let _ = full;
    }

    #[test]
    fn dates_stay_within_bounds() {
        let mut rng = MimicRng::seed_from_u64(2);
        let low = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap();
        let high = NaiveDate::from_ymd_opt(2000, 1, 3).unwrap();
        for _ in 0..100 {
            let d = NaiveDate::sample_inclusive(&mut rng, low, high);
            assert!(d >= low && d <= high);
        }
    }
}
