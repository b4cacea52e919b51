//! Money amounts: plausible magnitudes drawn log-uniformly, rounded to cents.

use crate::MimicRng;
use crate::sample::unit_f64;

/// `x` rounded to two decimals, as amounts are booked.
#[inline]
pub(crate) fn cents(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// Log-uniform in `[low, high]`: every order of magnitude is equally likely, as with the
/// skewed amounts of purchases, balances and limits (many small, few large).
#[inline]
pub(crate) fn log_uniform(rng: &mut MimicRng, low: f64, high: f64) -> f64 {
    // exp/ln instead of powf: the logarithm of the constant ratio folds at compile time.
    low * ((high / low).ln() * unit_f64(rng)).exp()
}
