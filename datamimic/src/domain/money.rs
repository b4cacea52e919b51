//! Money as whole cents, so sums of prices, taxes and discounts are exact.

use std::fmt;
use std::iter::Sum;
use std::ops::{Add, Mul, Sub};

/// An amount in the smallest unit of a two-decimal currency (cents), added and subtracted
/// exactly; `Display` writes `12.34` and `Serialize` a JSON number with those two decimals.
///
/// ```
/// use datamimic::domain::ecommerce::Money;
///
/// let price = Money::from_cents(1_999);
/// assert_eq!((price * 3).to_string(), "59.97");
/// assert_eq!(Money::parse("8.74"), Some(Money::from_cents(874)));
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug, Default)]
pub struct Money {
    cents: i64,
}

impl Money {
    /// Nothing.
    pub const ZERO: Money = Money { cents: 0 };

    /// `cents` hundredths of the currency unit.
    pub const fn from_cents(cents: i64) -> Money {
        Money { cents }
    }

    /// The amount in cents.
    pub const fn cents(self) -> i64 {
        self.cents
    }

    /// The amount in currency units, as the nearest float (for display and arithmetic that
    /// need not be exact).
    pub fn as_f64(self) -> f64 {
        self.cents as f64 / 100.0
    }

    /// Parses a non-negative decimal with at most two decimals (`8.74`, `25`, `0.5`).
    pub fn parse(text: &str) -> Option<Money> {
        let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
        if whole.is_empty() || fraction.len() > 2 {
            return None;
        }
        let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if !all_digits(whole) || !all_digits(fraction) {
            return None;
        }
        let mut cents = whole.parse::<i64>().ok()?.checked_mul(100)?;
        if !fraction.is_empty() {
            let scale = if fraction.len() == 1 { 10 } else { 1 };
            cents += fraction.parse::<i64>().ok()? * scale;
        }
        Some(Money { cents })
    }

    /// This amount times a rate in parts per million, rounded half up to the cent (taxes and
    /// percentage discounts).
    pub fn times_ppm(self, ppm: u32) -> Money {
        // 64-bit arithmetic for any realistic amount (128-bit division is a library call).
        let cents = match self.cents.checked_mul(i64::from(ppm)) {
            Some(product) => (product + 500_000).div_euclid(1_000_000),
            None => {
                let product = i128::from(self.cents) * i128::from(ppm);
                (product + 500_000).div_euclid(1_000_000) as i64
            }
        };
        Money { cents }
    }
}

impl Add for Money {
    type Output = Money;
    fn add(self, other: Money) -> Money {
        Money::from_cents(self.cents + other.cents)
    }
}

impl Sub for Money {
    type Output = Money;
    fn sub(self, other: Money) -> Money {
        Money::from_cents(self.cents - other.cents)
    }
}

impl Mul<u32> for Money {
    type Output = Money;
    fn mul(self, quantity: u32) -> Money {
        Money::from_cents(self.cents * i64::from(quantity))
    }
}

impl Sum for Money {
    fn sum<I: Iterator<Item = Money>>(iter: I) -> Money {
        iter.fold(Money::ZERO, Add::add)
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.cents < 0 { "-" } else { "" };
        let abs = self.cents.unsigned_abs();
        write!(f, "{sign}{}.{:02}", abs / 100, abs % 100)
    }
}

/// A JSON number: the nearest float to `cents / 100` prints with the same two decimals.
impl serde::Serialize for Money {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_f64(self.as_f64())
    }
}

// The column of what `serialize` writes.
impl crate::Columnar for Money {
    fn column() -> crate::Column {
        crate::Column::F64
    }
}

/// Parses a fraction such as `0.0752` or `0.19` into parts per million.
pub(crate) fn parse_ppm(text: &str) -> Option<u32> {
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    if fraction.len() > 6
        || !whole
            .bytes()
            .chain(fraction.bytes())
            .all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let whole: u32 = if whole.is_empty() {
        0
    } else {
        whole.parse().ok()?
    };
    let padded = format!("{fraction:0<6}");
    whole
        .checked_mul(1_000_000)?
        .checked_add(padded.parse().ok()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_rounds_exactly() {
        assert_eq!(Money::parse("0.5"), Some(Money::from_cents(50)));
        assert_eq!(Money::parse("137.50"), Some(Money::from_cents(13_750)));
        assert_eq!(Money::parse("1.234"), None);
        assert_eq!(parse_ppm("0.0752"), Some(75_200));
        assert_eq!(parse_ppm("0.19"), Some(190_000));
        assert_eq!(
            Money::from_cents(1_000).times_ppm(75_200),
            Money::from_cents(75)
        );
        assert_eq!(
            Money::from_cents(50).times_ppm(190_000),
            Money::from_cents(10)
        );
        assert_eq!(Money::from_cents(-5).to_string(), "-0.05");
    }
}
